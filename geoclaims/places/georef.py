"""Point-radius georeferencing of relative locality statements.

Sources often place a village only relative to others: "7 km SW of Bolshoye
Soldatskoye", "16 km NE of Sudzha; 2 km from Cherkasskoye Porechnoye".  Each
statement describes a shape around its reference place, computed in a local
azimuthal equidistant projection (pyproj):

- ``"<d> km <DIR> of X"``: an annular sector, ``d`` +- the distance's
  precision (half a unit of its last digit: 7 -> +-0.5 km, 10.5 -> +-0.05 km),
  over the compass point's width (+-22.5 degrees for the 8 points N ... NW,
  +-11.25 for the 16 points NNE, ENE, ...);
- ``"<d> km from X"``: the full annulus;

- ``"about <d> km ..."``: as above, with at least +-10 % of the distance;
- ``"<DIR> of X"`` with no distance: the sector out to :data:`DIRECTION_REACH_KM`
  (reports place a village by a town it lies beyond only when the town is near;
  a second statement usually bounds it much more);
- ``"within <d> km of X"``: the disc; ``"near X"`` (a source's "near", "not far
  from", "adjoining", "under" X) is ``within NEAR_KM km``;
- ``"between X and Y"`` (a village on the road from X to Y): the disc whose
  diameter is X-Y;
- ``"on <line>"`` (``"on the international border"``): within
  :data:`ON_LINE_KM` of a line the caller names (``lines=``);

each grown by the reference's own uncertainty.  Several statements are
intersected; when they do not overlap, their union is used and the note says
so.  The result is the centre and radius of the smallest circle covering the
shape (the point-radius method of the MaNIS/VertNet georeferencing guides).
Statements naming something that is not a place ("the international border")
are reported and left out, never guessed.

Examples
--------
>>> s = parse_statement("7 km SW of Bolshoye Soldatskoye")
>>> (s.distance_km, s.bearing_deg, s.half_width_deg, s.reference)
(7.0, 225.0, 22.5, 'Bolshoye Soldatskoye')
>>> loc = locate([s], {"Bolshoye Soldatskoye": (51.33333, 35.50833, 0.1)}.get)
>>> round(loc.lat, 2), round(loc.lon, 2), 2.5 < loc.radius_km < 3.5
(51.29, 35.44, True)
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from typing import Callable, Sequence

__all__ = [
    "Statement", "Located", "parse_statement", "parse_statements", "locate", "COMPASS",
    "DIRECTION_REACH_KM", "NEAR_KM", "ON_LINE_KM",
]

#: How far a direction with no distance ("SE of Sudzha") is read to reach, in km.
DIRECTION_REACH_KM = 20.0
#: What "near X" means, in km: the radius of the disc around X.
NEAR_KM = 5.0
#: What "on the international border" means, in km from the line.
ON_LINE_KM = 3.0

#: Compass points and their bearings in degrees.
COMPASS: dict[str, float] = {
    p: i * 22.5
    for i, p in enumerate(
        ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"]
    )
}

_ASIDE = r"\s*(?:\((?P<aside>[^)]*)\))?\s*$"
_STATEMENT = re.compile(
    r"^\s*(?P<about>about\s+)?(?P<d>\d+(?:[.,]\d+)?)\s*km\s+(?:(?P<dir>[NSEW]{1,3})\s+of|from)\s+(?P<ref>[^()]+?)" + _ASIDE,
    re.IGNORECASE,
)
_DIRECTION = re.compile(r"^\s*(?P<dir>[NSEW]{1,3})\s+of\s+(?P<ref>[^()]+?)" + _ASIDE)
_WITHIN = re.compile(r"^\s*within\s+(?P<d>\d+(?:[.,]\d+)?)\s*km\s+of\s+(?P<ref>[^()]+?)" + _ASIDE, re.IGNORECASE)
_NEAR = re.compile(r"^\s*near\s+(?P<ref>[^()]+?)" + _ASIDE, re.IGNORECASE)
_BETWEEN = re.compile(r"^\s*between\s+(?P<ref>[^()]+?)\s+and\s+(?P<ref2>[^()]+?)" + _ASIDE, re.IGNORECASE)
_ON_LINE = re.compile(r"^\s*on\s+(?P<ref>the\s+[^()]+?)" + _ASIDE, re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Statement:
    """One parsed relative statement.

    Parameters
    ----------
    text : str
        The statement as written.
    distance_km : float
        Stated distance.
    precision_km : float
        Half a unit of the distance's last stated digit.
    bearing_deg : float or None
        Direction from the reference (0 = N, clockwise); None for "from".
    half_width_deg : float
        Angular half-width of the direction (22.5 or 11.25; 180 for "from").
    reference : str
        Name of the reference place (or line, for ``kind="line"``).
    kind : {'ring', 'within', 'between', 'line'}
        ``ring``: an annulus or annular sector (a distance, maybe a direction; a direction alone
        is a sector from 0 to :data:`DIRECTION_REACH_KM`); ``within``: a disc of radius
        `distance_km`; ``between``: the disc on the segment `reference`-`reference2`;
        ``line``: within `distance_km` of a line.
    reference2 : str
        The second place of ``between``.
    """

    text: str
    distance_km: float
    precision_km: float
    bearing_deg: float | None
    half_width_deg: float
    reference: str
    kind: str = "ring"
    reference2: str = ""

    @property
    def references(self) -> tuple[str, ...]:
        """Every place (or line) the statement names."""
        return (self.reference, self.reference2) if self.reference2 else (self.reference,)


@dataclass(frozen=True, slots=True)
class Located:
    """A point-radius location.

    Parameters
    ----------
    lat, lon : float
        Centre of the smallest circle covering every statement's shape.
    radius_km : float
        That circle's radius: the uncertainty.
    used : tuple of str
        Statements that contributed.
    note : str
        What was left out or did not agree, for the record.
    """

    lat: float
    lon: float
    radius_km: float
    used: tuple[str, ...]
    note: str = ""


def parse_statement(text: str) -> Statement | None:
    """Parse one relative statement (the forms are listed in the module docstring).

    Parameters
    ----------
    text : str
        One statement; a trailing parenthesised aside is ignored.

    Returns
    -------
    Statement or None
        None when the text is of no known form ("in the forest").

    Examples
    --------
    >>> parse_statement("2 km from Cherkasskoye Porechnoye").bearing_deg is None
    True
    >>> parse_statement("10.5 km S of Sudzha").precision_km
    0.05
    >>> parse_statement("SE of Sudzha").distance_km   # a sector from 0 to 20 km
    10.0
    >>> parse_statement("near Sudzha").kind, parse_statement("between A and B").reference2
    ('within', 'B')
    >>> parse_statement("in the forest") is None
    True
    """
    text = text.strip()
    m = _STATEMENT.match(text)
    if m:
        raw = m.group("d").replace(",", ".")
        decimals = len(raw.split(".")[1]) if "." in raw else 0
        precision = round(0.5 * 10 ** (-decimals), decimals + 1)
        if m.group("about"):
            precision = max(precision, round(0.1 * float(raw), 2))
        direction = (m.group("dir") or "").upper()
        if direction and direction not in COMPASS:
            return None
        return Statement(text, float(raw), precision, COMPASS[direction] if direction else None,
                         _half_width(direction), m.group("ref").strip())
    m = _DIRECTION.match(text)
    if m and m.group("dir").upper() in COMPASS:
        direction = m.group("dir").upper()
        reach = DIRECTION_REACH_KM / 2.0
        return Statement(text, reach, reach, COMPASS[direction], _half_width(direction), m.group("ref").strip())
    m = _WITHIN.match(text)
    if m:
        return Statement(text, float(m.group("d").replace(",", ".")), 0.0, None, 180.0, m.group("ref").strip(), "within")
    m = _BETWEEN.match(text)
    if m:
        return Statement(text, 0.0, 0.0, None, 180.0, m.group("ref").strip(), "between", m.group("ref2").strip())
    m = _NEAR.match(text)
    if m:
        return Statement(text, NEAR_KM, 0.0, None, 180.0, m.group("ref").strip(), "within")
    m = _ON_LINE.match(text)
    if m:
        return Statement(text, ON_LINE_KM, 0.0, None, 180.0, m.group("ref").strip(), "line")
    return None


def _half_width(direction: str) -> float:
    return 180.0 if not direction else (22.5 if len(direction) <= 2 else 11.25)


def parse_statements(text: str) -> list[tuple[str, Statement | None]]:
    """Split ``;``-separated statements and parse each.

    Examples
    --------
    >>> [s is not None for _, s in parse_statements("16 km NE of Sudzha; in the forest")]
    [True, False]
    """
    return [(part.strip(), parse_statement(part)) for part in text.split(";") if part.strip()]


def locate(
    statements: Sequence[Statement],
    resolve: Callable[[str], tuple[float, float, float] | None],
    *,
    lines: Callable[[str], object] | None = None,
) -> Located | None:
    """Turn statements into one point and radius.

    Parameters
    ----------
    statements : sequence of Statement
        Parsed statements about one place.
    resolve : callable
        Maps a reference name to ``(lat, lon, uncertainty_km)``, or None when
        the reference is unknown (the statement is then left out).
    lines : callable, optional
        Maps the name of a line (``"the international border"``) to a shapely
        geometry in (lon, lat), or None; statements of kind ``line`` need it.

    Returns
    -------
    Located or None
        None when no statement could be used (or only ``line`` statements, which
        bound a place along a whole border and never locate it alone).
    """
    import shapely
    from pyproj import CRS, Transformer

    usable: list[tuple[Statement, list]] = []
    notes: list[str] = []
    for s in statements:
        line_named = lines(s.reference) if lines is not None else None
        if s.kind == "ring" and s.bearing_deg is None and line_named is not None:
            # "1 km from the international border": within that distance of the line
            s = replace(s, kind="line", distance_km=s.distance_km + s.precision_km, precision_km=0.0)
        if s.kind == "line":
            geom = line_named
            if geom is None:
                notes.append(f"not used: {s.text!r} (no line {s.reference!r})")
            else:
                usable.append((s, [geom]))
            continue
        found = [resolve(r) for r in s.references]
        missing = [r for r, f in zip(s.references, found) if f is None]
        if missing:
            notes.append(f"not used: {s.text!r} (reference {missing[0]!r} is not a located place)")
        else:
            usable.append((s, found))
    points = [r for s, rs in usable if s.kind != "line" for r in rs]
    if not points:
        return None
    lat0, lon0 = points[0][0], points[0][1]
    crs = CRS.from_proj4(f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m +no_defs")
    fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inv = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    shapes = []
    for s, refs in usable:
        if s.kind == "line":
            line = shapely.transform(refs[0], lambda xy: _project(fwd, xy))
            shapes.append(shapely.buffer(line, s.distance_km * 1000.0, quad_segs=16))
            continue
        pts = [(fwd.transform(lon, lat), unc * 1000.0) for lat, lon, unc in refs]
        shapes.append(_statement_shape(s, pts))
    shape = shapely.intersection_all(shapes)
    if shape.is_empty:
        # a line bounds, it never spreads a place along a whole border: the others decide
        around = [sh for sh, (s, _) in zip(shapes, usable) if s.kind != "line"]
        dropped = [s.text for s, _ in usable if s.kind == "line"]
        shape = shapely.intersection_all(around)
        if dropped:
            usable = [(s, r) for s, r in usable if s.kind != "line"]
            notes.append(f"not used: {', '.join(repr(t) for t in dropped)} (does not meet the other statements)")
        if shape.is_empty:
            shape = shapely.union_all(around)
            notes.append("statements do not agree: the radius covers all of them")
    center = shapely.centroid(shapely.minimum_bounding_circle(shape))
    radius_m = float(shapely.minimum_bounding_radius(shape))
    lon, lat = inv.transform(center.x, center.y)
    return Located(
        lat=round(float(lat), 5),
        lon=round(float(lon), 5),
        radius_km=round(radius_m / 1000.0, 2),
        used=tuple(s.text for s, _ in usable),
        note="; ".join(notes),
    )


def _project(fwd, xy):
    import numpy as np

    x, y = fwd.transform(xy[:, 0], xy[:, 1])
    return np.column_stack([x, y])


def _statement_shape(s: Statement, pts: list[tuple[tuple[float, float], float]]):
    """The shape of one statement around its projected reference point(s) ((x, y), uncertainty m)."""
    import shapely

    (x, y), ref_uncertainty_m = pts[0]
    center = shapely.Point(x, y)
    if s.kind == "between":
        (x2, y2), unc2 = pts[1]
        mid = shapely.Point((x + x2) / 2.0, (y + y2) / 2.0)
        half = math.hypot(x2 - x, y2 - y) / 2.0
        return mid.buffer(half + max(ref_uncertainty_m, unc2), quad_segs=32)
    if s.kind == "within":
        return center.buffer(s.distance_km * 1000.0 + ref_uncertainty_m, quad_segs=32)
    outer = (s.distance_km + s.precision_km) * 1000.0
    inner = max(s.distance_km - s.precision_km, 0.0) * 1000.0
    ring = center.buffer(outer, quad_segs=32)
    if inner > 0:
        ring = ring.difference(center.buffer(inner, quad_segs=32))
    if s.bearing_deg is not None:
        reach = outer * 2.0
        steps = 16
        start = math.radians(s.bearing_deg - s.half_width_deg)
        stop = math.radians(s.bearing_deg + s.half_width_deg)
        arc = [
            (x + reach * math.sin(start + (stop - start) * i / steps), y + reach * math.cos(start + (stop - start) * i / steps))
            for i in range(steps + 1)
        ]
        ring = ring.intersection(shapely.Polygon([(x, y), *arc]))
    if ref_uncertainty_m > 0:
        ring = ring.buffer(ref_uncertainty_m, quad_segs=16)
    return ring
