"""What extraction returns: :class:`CandidateClaim`, :class:`UnknownName` and :class:`Extraction`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterator

if TYPE_CHECKING:  # pragma: no cover
    import pandas

__all__ = ["CandidateClaim", "UnknownName", "Extraction", "OUTPUT_COLUMNS"]

#: Columns written by :meth:`Extraction.to_dataframe`: the claims format plus review columns.
OUTPUT_COLUMNS = ("claim_id", "date", "claimant", "claimant_side", "side", "action", "place", "place_id", "region",
                  "qualifier", "distance_km", "area_km2", "area_basis", "status", "source_url", "note", "span",
                  "quote", "confidence", "candidates")


@dataclass(frozen=True, slots=True)
class CandidateClaim:
    """One candidate claim, in the claims format, with where it came from and how sure we are.

    ``place_id`` is empty when the gazetteer does not know the place: ``place`` is then the name as a
    reader would write it in the nominative, and the row needs ``lat``/``lon`` (or the place added to
    the gazetteer) before :func:`geoclaims.read_claims` accepts it. ``share`` is the percentage of the
    place that ``side`` holds ("60% of Vovchansk"), for ``contest`` claims; it is also written into
    ``note``. ``confidence`` is calibrated: of the candidates at 0.8 or more, about 8 in 10 or more had
    the right place, side and action on the project's annotated sentences (see ``benchmarks/README.md``).
    """

    claim_id: str
    date: str
    claimant: str
    claimant_side: str
    side: str
    action: str
    place: str = ""
    place_id: str = ""
    region: str = ""
    qualifier: str = ""
    distance_km: float | None = None
    area_km2: float | None = None
    area_basis: str = ""
    status: str = "claimed"
    source_url: str = ""
    note: str = ""
    #: (start, end) in the cleaned text (:attr:`Extraction.text`): the name, or the words that stand
    #: for the place ("the village", "it"), or the figure
    span: tuple[int, int] = (0, 0)
    quote: str = ""
    confidence: float = 0.5
    #: Other gazetteer places the name may mean (ambiguous names)
    candidates: tuple[str, ...] = ()
    share: float | None = None

    def to_record(self) -> dict[str, Any]:
        """The candidate as a row of :data:`OUTPUT_COLUMNS`."""
        return {"claim_id": self.claim_id, "date": self.date, "claimant": self.claimant,
                "claimant_side": self.claimant_side, "side": self.side, "action": self.action, "place": self.place,
                "place_id": self.place_id, "region": self.region, "qualifier": self.qualifier,
                "distance_km": self.distance_km, "area_km2": self.area_km2, "area_basis": self.area_basis,
                "status": self.status, "source_url": self.source_url, "note": self.note,
                "span": f"{self.span[0]}:{self.span[1]}", "quote": self.quote, "confidence": round(self.confidence, 2),
                "candidates": " ".join(self.candidates)}


@dataclass(frozen=True, slots=True)
class UnknownName:
    """A capitalised name in a place-like position that the gazetteer does not know."""

    name: str
    span: tuple[int, int]
    quote: str


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract_claims` found: candidate claims, unknown place names, skipped statements."""

    text: str
    claims: tuple[CandidateClaim, ...]
    unknown_places: tuple[UnknownName, ...] = ()
    #: Statements that looked like claims but could not become one: (quote, reason)
    skipped: tuple[tuple[str, str], ...] = ()
    published: dt.date | None = None
    #: Districts, directions and regions named as places of fighting ("Sudzhansky district",
    #: "Бахмутський напрямок"): context, never geocoded as towns
    regions_mentioned: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self) -> Iterator[CandidateClaim]:
        return iter(self.claims)

    def to_dataframe(self) -> "pandas.DataFrame":
        """The candidates in the claims format plus ``span``, ``quote``, ``confidence``, ``candidates``."""
        import pandas as pd

        return pd.DataFrame([c.to_record() for c in self.claims], columns=list(OUTPUT_COLUMNS))

    def write(self, path: Any) -> None:
        """Write the candidates as a claims CSV (atomically) that :func:`geoclaims.read_claims` reads."""
        from geoclaims._io import atomic_write

        atomic_write(path, self.to_dataframe().to_csv(index=False, lineterminator="\n").encode("utf-8"))

    def report(self) -> str:
        """A short human summary: counts, unknown names, skipped statements."""
        lines = [f"{len(self.claims)} candidate claims"]
        if self.unknown_places:
            names = ", ".join(dict.fromkeys(u.name for u in self.unknown_places))
            lines.append(f"names not in the gazetteer (add them, or lat/lon, to use them): {names}")
        if self.regions_mentioned:
            lines.append("districts and directions (context, not places): "
                         + ", ".join(dict.fromkeys(self.regions_mentioned)))
        for quote, why in self.skipped:
            lines.append(f"skipped ({why}): {quote[:120]}")
        return "\n".join(lines)
