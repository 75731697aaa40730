"""A :class:`ClaimSet`: the claims read from one file with the problems found in it, as a table or a GeoDataFrame."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable, Iterator

from geoclaims.claims.claim import Claim
from geoclaims.claims.columns import COLUMNS
from geoclaims.errors import ClaimProblem

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    import pandas

__all__ = ["ClaimSet", "unmapped_summary"]


@dataclass(frozen=True)
class ClaimSet:
    """Claims read from one source, and the problems found in it.

    Iterates over the claims; ``len()`` counts them. ``problems`` lists the
    rows that could not be read (empty unless read with ``on_error="collect"``).

    Examples
    --------
    >>> from geoclaims import read_claims
    >>> cs = read_claims("examples/kursk/claims.csv")
    >>> print(cs.unmapped_summary()[:60])
    34 of 114 claims not mapped: no coordinates for Nikolayevo-D
    """

    claims: tuple[Claim, ...]
    problems: tuple[ClaimProblem, ...] = ()
    source: str = ""
    rows: int = field(default=0)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    def __getitem__(self, i: int) -> Claim:
        return self.claims[i]

    def __repr__(self) -> str:
        return f"<ClaimSet {self.source or '<claims>'}: {len(self.claims)} claims, {len(self.problems)} problems>"

    @property
    def unmapped(self) -> tuple[Claim, ...]:
        """Claims about a place that the gazetteer knows but cannot locate."""
        return tuple(c for c in self.claims if c.is_unmapped)

    def unmapped_summary(self) -> str:
        """``"44 of 114 claims not mapped: no coordinates for Pogrebki (2 claims), ..."`` or ''."""
        return unmapped_summary(self.claims)

    def report(self) -> str:
        """A plain-text report: counts, bad rows, unmapped claims."""
        lines = [f"{self.source or '<claims>'}: {self.rows} rows, {len(self.claims)} claims read, "
                 f"{len(self.problems)} rows with problems"]
        lines += [f"  {p}" for p in self.problems]
        summary = self.unmapped_summary()
        if summary:
            lines.append(summary)
        return "\n".join(lines)

    def to_dataframe(self) -> "pandas.DataFrame":
        """The claims as a frame in the file format's columns (plus ``lat``/``lon`` of the place)."""
        import pandas as pd

        recs = []
        for c in self.claims:
            rec = c.to_record()
            p = c.place
            rec["lat"] = p.lat if p is not None else None
            rec["lon"] = p.lon if p is not None else None
            recs.append(rec)
        return pd.DataFrame.from_records(recs, columns=[*COLUMNS, "lat", "lon"])

    def to_geodataframe(self) -> "geopandas.GeoDataFrame":
        """Claims with the place's point (or the drawn geometry) in EPSG:4326."""
        import geopandas

        geoms = [_feature_geometry(c) for c in self.claims]
        return geopandas.GeoDataFrame(self.to_dataframe(), geometry=geoms, crs="EPSG:4326")


def _feature_geometry(c: Claim):
    """A claim's drawn geometry, else its place's point, else None (EPSG:4326)."""
    import shapely

    if c.geometry is not None:
        return c.geometry
    if c.place is not None and c.place.is_located:
        return shapely.Point(c.place.lon, c.place.lat)
    return None


def unmapped_summary(claims: Iterable[Claim], *, limit: int = 12) -> str:
    """Say which claims cannot be mapped and why ('' when all can)."""
    claims = list(claims)
    missing = [c for c in claims if c.is_unmapped]
    if not missing:
        return ""
    counts: dict[str, int] = {}
    for c in missing:
        name = c.place.name if c.place is not None else (c.place_name or c.claim_id)
        counts[name] = counts.get(name, 0) + 1
    names = [f"{n} ({k} claims)" if k > 1 else n for n, k in counts.items()]
    shown = ", ".join(names[:limit]) + (f", and {len(names) - limit} more" if len(names) > limit else "")
    return f"{len(missing)} of {len(claims)} claims not mapped: no coordinates for {shown}"
