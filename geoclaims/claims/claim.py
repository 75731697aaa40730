"""The :class:`Claim` value object and the vocabulary of the claims format.

A claim is one statement about one place (or one area figure): *who* said
*which side* did *what*, *where*, *when*, and *how sure* it is. The columns of
the CSV format (``docs``: README, "The claims format") map one to one onto the
fields of :class:`Claim`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

from geoclaims.errors import InvalidArgument, InvalidArgumentType
from geoclaims.places.place import Place

if TYPE_CHECKING:  # pragma: no cover
    from shapely.geometry.base import BaseGeometry

__all__ = [
    "Claim",
    "ACTIONS",
    "SIDES",
    "CLAIMANT_SIDES",
    "STATUSES",
    "AREA_BASES",
    "DIRECTIONS",
    "QUALIFIERS",
    "parse_date",
    "geometry_problem",
    "MIN_DATE",
    "MAX_DATE",
    "parse_qualifier",
    "other_side",
]

#: The forces a claim can be about.
SIDES: tuple[str, ...] = ("UA", "RU")
#: A claimant's allegiance.
CLAIMANT_SIDES: tuple[str, ...] = ("UA", "RU", "neutral")
#: What the side did. ``capture``: took the place (a retake is a capture);
#: ``advance``: gained ground at or near it; ``withdraw``: left it;
#: ``repelled``: its attack failed (no change of control); ``contest``:
#: fighting inside, control unclear; ``area``: a territory figure, no place.
ACTIONS: tuple[str, ...] = ("capture", "advance", "withdraw", "repelled", "contest", "area")
#: How sure: independent evidence, a party's statement, or rumour.
STATUSES: tuple[str, ...] = ("assessed", "claimed", "unverified")
#: What an area figure measures: what the side holds, or what it took.
AREA_BASES: tuple[str, ...] = ("held", "gained")
#: The dates a claim may carry: wide enough for any war on record and any plan, narrow enough that a
#: typo (0001-01-01, 9999-12-31) is an error rather than a daily series of 2.9 million days.
MIN_DATE: dt.date = dt.date(1900, 1, 1)
MAX_DATE: dt.date = dt.date(2100, 12, 31)
#: Compass directions and their bearings in degrees clockwise from north.
DIRECTIONS: dict[str, float] = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
    "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}
#: "southern" -> "south": the part of a place facing that way.
_PARTS = {d + "ern": d for d in DIRECTIONS}
#: Every valid qualifier ('' is the whole place).
QUALIFIERS: tuple[str, ...] = (
    "", "central", *_PARTS, "outskirts", "near", *(f"{d} of" for d in DIRECTIONS), "depth from border",
)
_QUALIFIER_SYNONYMS = {
    "whole": "", "all": "", "entire": "", "center": "central", "centre": "central",
    "centre of": "central", "center of": "central", "outskirts of": "outskirts", "near to": "near",
    "around": "near", "vicinity": "near", "depth": "depth from border", "from border": "depth from border",
    "from the border": "depth from border",
}
_SHORT_DIRECTIONS = {"n": "north", "ne": "northeast", "e": "east", "se": "southeast", "s": "south",
                     "sw": "southwest", "w": "west", "nw": "northwest"}

Action = Literal["capture", "advance", "withdraw", "repelled", "contest", "area"]
Status = Literal["assessed", "claimed", "unverified"]
DatePrecision = Literal["day", "month"]


def geometry_problem(g: Any) -> str | None:
    """What makes a drawn claim geometry unusable (empty, not a polygon or point, not in degrees), or None.

    Examples
    --------
    >>> import shapely
    >>> geometry_problem(shapely.box(35, 51, 36, 52)) is None, geometry_problem(shapely.Polygon())
    (True, 'the geometry is empty')
    """
    import shapely

    if not isinstance(g, shapely.Geometry):
        return f"geometry is {type(g).__name__}, not a shapely geometry"
    if g.is_empty:
        return "the geometry is empty"
    if g.geom_type not in ("Polygon", "MultiPolygon", "Point"):
        return f"geometry type {g.geom_type} is not valid; valid: Polygon, MultiPolygon, Point"
    w, s, e, n = g.bounds
    if not (-180 <= w <= e <= 180 and -90 <= s <= n <= 90):
        return (f"coordinates out of range (bounds {w:.6g}, {s:.6g}, {e:.6g}, {n:.6g}); expected WGS84 lon in "
                "[-180, 180], lat in [-90, 90]")
    return None


def other_side(side: str) -> str:
    """The opposing side: ``other_side("UA") == "RU"``."""
    if side not in SIDES:
        raise InvalidArgument(f"unknown side {side!r}; valid: {', '.join(SIDES)}")
    return SIDES[1 - SIDES.index(side)]


def parse_date(text: str) -> tuple[dt.date, DatePrecision]:
    """Parse ``YYYY-MM-DD`` or ``YYYY-MM``.

    A month-precision date stands for the *last* day of the month: a claim
    made "in August" is known by August 31, and that is when the timeline
    applies it (after the day-precision claims of that day).

    Raises
    ------
    ValueError
        With the text and the valid forms.

    Examples
    --------
    >>> parse_date("2025-01-06")
    (datetime.date(2025, 1, 6), 'day')
    >>> parse_date("2024-08")
    (datetime.date(2024, 8, 31), 'month')
    """
    out: tuple[dt.date, DatePrecision] | None = None
    if isinstance(text, dt.datetime):
        out = text.date(), "day"
    elif isinstance(text, dt.date):
        out = text, "day"
    else:
        s = str(text).strip()
        m = re.fullmatch(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?", s) if len(s) <= 10 else None
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), m.group(3)
            try:
                if d is None:
                    out = dt.date(y, mo, calendar.monthrange(y, mo)[1]), "month"
                else:
                    out = dt.date(y, mo, int(d)), "day"
            except (ValueError, calendar.IllegalMonthError):
                pass
    if out is None:
        shown = repr(text) if len(str(text)) <= 40 else repr(str(text)[:40]) + "..."
        raise InvalidArgument(f"not a date: {shown}; expected YYYY-MM-DD (a day) or YYYY-MM (a month)")
    if not MIN_DATE <= out[0] <= MAX_DATE:
        raise InvalidArgument(f"date out of range: {out[0].isoformat()}; expected a date from {MIN_DATE} to {MAX_DATE}")
    return out


def parse_qualifier(text: str | None) -> str:
    """Normalise a qualifier; '' means the whole place.

    Accepts the canonical forms of :data:`QUALIFIERS` in any case, and common
    variants ("centre", "NW of", "north-west of", "outskirts of").

    Examples
    --------
    >>> parse_qualifier("Southern"), parse_qualifier("NW of"), parse_qualifier(None)
    ('southern', 'northwest of', '')
    """
    if text is None:
        return ""
    s = re.sub(r"\s+", " ", str(text).strip().lower().replace("-", " "))
    s = re.sub(r"^(north|south) (east|west)", r"\1\2", s)
    if s in QUALIFIERS:
        return s
    if s in _QUALIFIER_SYNONYMS:
        return _QUALIFIER_SYNONYMS[s]
    m = re.fullmatch(r"(\w+) of", s)
    if m and m.group(1) in _SHORT_DIRECTIONS:
        return f"{_SHORT_DIRECTIONS[m.group(1)]} of"
    if s in DIRECTIONS:  # "west" alone: the western part
        return next(k for k, v in _PARTS.items() if v == s)
    raise InvalidArgument(
        f"unknown qualifier {text!r}; valid: (empty = whole place), "
        + ", ".join(q for q in QUALIFIERS if q)
    )


@dataclass(frozen=True, slots=True)
class Claim:
    """One claim about one place or one area figure.

    Parameters
    ----------
    claim_id : str
        The statement's id; several claims share it when it names several places.
    date : datetime.date
        When the claim was made (the last day of the month for month precision).
    claimant : str
        Who made it (``"Russian MoD"``, ``"ISW"``, ...).
    claimant_side : {'UA', 'RU', 'neutral'}
        The claimant's allegiance.
    side : {'UA', 'RU'}
        The force the claim is about.
    action : {'capture', 'advance', 'withdraw', 'repelled', 'contest', 'area'}
        What the side did (see :data:`ACTIONS`).
    status : {'assessed', 'claimed', 'unverified'}
        How sure the claim is.
    date_precision : {'day', 'month'}
    place_name : str
        The place as written in the source ('' for area and depth-only claims).
    place : Place or None
        The gazetteer place it resolved to (may be known but unlocated).
    region : str
        Oblast named by the claim, e.g. ``"Kursk Oblast"``.
    qualifier : str
        '' (the whole place) or one of :data:`QUALIFIERS`.
    distance_km : float or None
        Distance for "<direction> of", outskirts, near and depth qualifiers.
    area_km2 : float or None
        The claimed figure, for ``action="area"``.
    area_basis : {'held', 'gained', ''}
        What the figure measures, for ``action="area"``.
    source_url, note : str
    geometry : shapely geometry or None
        A polygon drawn by the claimant or the user (EPSG:4326); when given it
        is used instead of the one computed from place and qualifier.
    source : str
        File the claim was read from ('' when built in code).
    line : int or None
        Line of that file (1 = header).
    place_uncertain : bool
        True when the place name matched no stored name, only a guess (a skeleton or fuzzy
        match) that the reader was told to accept (``read_claims(..., accept_fuzzy=True)``).

    Examples
    --------
    >>> c = Claim("SEED1", parse_date("2025-01-06")[0], "ISW", "neutral", "UA", "advance", "assessed",
    ...           place_name="Berdin", qualifier="southern")
    >>> c.describe()
    'SEED1 2025-01-06: UA advance southern Berdin (ISW, assessed)'
    """

    claim_id: str
    date: dt.date
    claimant: str
    claimant_side: str
    side: str
    action: str
    status: str
    date_precision: str = "day"
    place_name: str = ""
    place: Place | None = None
    region: str = ""
    qualifier: str = ""
    distance_km: float | None = None
    area_km2: float | None = None
    area_basis: str = ""
    source_url: str = ""
    note: str = ""
    geometry: "BaseGeometry | None" = field(default=None, compare=False)
    source: str = field(default="", compare=False)
    line: int | None = field(default=None, compare=False)
    place_uncertain: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        def bad(name: str, value: Any, valid) -> None:
            raise InvalidArgument(f"{name}={value!r} is not valid; valid: {', '.join(valid)}")

        if not self.claim_id:
            raise InvalidArgument("claim_id must not be empty")
        if not isinstance(self.date, dt.date):
            raise InvalidArgumentType(f"date must be a datetime.date, got {type(self.date).__name__}")
        if not MIN_DATE <= self.date <= MAX_DATE:
            raise InvalidArgument(f"date={self.date.isoformat()!r} is not valid; claims are dated {MIN_DATE} to {MAX_DATE}")
        if self.claimant_side not in CLAIMANT_SIDES:
            bad("claimant_side", self.claimant_side, CLAIMANT_SIDES)
        if self.side not in SIDES:
            bad("side", self.side, SIDES)
        if self.action not in ACTIONS:
            bad("action", self.action, ACTIONS)
        if self.status not in STATUSES:
            bad("status", self.status, STATUSES)
        if self.date_precision not in ("day", "month"):
            bad("date_precision", self.date_precision, ("day", "month"))
        if self.qualifier not in QUALIFIERS:
            bad("qualifier", self.qualifier, [q for q in QUALIFIERS if q])
        for name in ("distance_km", "area_km2"):
            v = getattr(self, name)
            if v is not None and not (v >= 0):  # also rejects NaN
                raise InvalidArgument(f"{name}={v!r} is not valid; it must be a number >= 0")
        if self.geometry is not None:
            problem = geometry_problem(self.geometry)
            if problem:
                raise InvalidArgument(f"geometry: {problem}")
        if self.action == "area":
            if self.area_km2 is None:
                raise InvalidArgument("an area claim needs area_km2")
            if self.area_basis not in AREA_BASES:
                bad("area_basis", self.area_basis, AREA_BASES)
        elif not self.place_name and self.place is None and self.geometry is None \
                and self.qualifier != "depth from border":
            raise InvalidArgument(f"a {self.action} claim needs a place (or a geometry, or qualifier 'depth from border')")

    # -- derived ----------------------------------------------------------------
    @property
    def date_text(self) -> str:
        """The date as written in the claims format (``YYYY-MM`` for month precision)."""
        return self.date.strftime("%Y-%m") if self.date_precision == "month" else self.date.isoformat()

    @property
    def changes_control(self) -> bool:
        """True for capture, advance, withdraw and contest claims."""
        return self.action in ("capture", "advance", "withdraw", "contest")

    @property
    def is_located(self) -> bool:
        """True when a polygon can be made for the claim."""
        if self.geometry is not None or self.qualifier == "depth from border":
            return True
        return self.place is not None and self.place.is_located

    @property
    def is_unmapped(self) -> bool:
        """True for a claim about a place that cannot be drawn (known, no coordinates); never for area claims."""
        return self.action != "area" and not self.is_located

    @property
    def where(self) -> str:
        """Qualifier and place as one phrase: ``'southern Berdin'``, ``'west of Malaya Loknya'``."""
        name = self.place.name if self.place is not None else self.place_name
        if self.qualifier == "depth from border":
            depth = f"{self.distance_km:g} km " if self.distance_km is not None else ""
            return f"{depth}from the border" + (f" ({self.region})" if self.region else "")
        return " ".join(x for x in (self.qualifier, name) if x) or self.region

    def describe(self) -> str:
        """One line for tables and reports."""
        if self.action == "area":
            what = f"{self.side} {self.area_basis} {self.area_km2:,.6g} km2"
        else:
            what = f"{self.side} {self.action} {self.where}"
        return f"{self.claim_id} {self.date_text}: {what} ({self.claimant}, {self.status})"

    def with_place(self, place: Place | None) -> "Claim":
        """A copy resolved to another place (e.g. after the user added coordinates)."""
        return replace(self, place=place)

    def to_record(self) -> dict[str, Any]:
        """The claim as a row of the CSV format (strings and numbers)."""
        return {
            "claim_id": self.claim_id,
            "date": self.date_text,
            "claimant": self.claimant,
            "claimant_side": self.claimant_side,
            "side": self.side,
            "action": self.action,
            "place": self.place_name,
            "place_id": self.place.id if self.place is not None else "",
            "region": self.region,
            "qualifier": self.qualifier,
            "distance_km": self.distance_km,
            "area_km2": self.area_km2,
            "area_basis": self.area_basis,
            "status": self.status,
            "source_url": self.source_url,
            "note": self.note,
        }
