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
from dataclasses import dataclass
from typing import Callable, Sequence

__all__ = ["Statement", "Located", "parse_statement", "parse_statements", "locate", "COMPASS"]

#: Compass points and their bearings in degrees.
COMPASS: dict[str, float] = {
    p: i * 22.5
    for i, p in enumerate(
        ["N", "NNE", "NE", "ENE", "E", "ESE", "SE", "SSE", "S", "SSW", "SW", "WSW", "W", "WNW", "NW", "NNW"]
    )
}

_STATEMENT = re.compile(
    r"^\s*(?P<d>\d+(?:[.,]\d+)?)\s*km\s+(?:(?P<dir>[NSEW]{1,3})\s+of|from)\s+(?P<ref>[^()]+?)\s*(?:\((?P<aside>[^)]*)\))?\s*$",
    re.IGNORECASE,
)


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
        Name of the reference place.
    """

    text: str
    distance_km: float
    precision_km: float
    bearing_deg: float | None
    half_width_deg: float
    reference: str


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
    """Parse ``"<d> km <DIR> of <place>"`` or ``"<d> km from <place>"``.

    Parameters
    ----------
    text : str
        One statement; a trailing parenthesised aside is ignored.

    Returns
    -------
    Statement or None
        None when the text is not of either form ("on the international border").

    Examples
    --------
    >>> parse_statement("2 km from Cherkasskoye Porechnoye").bearing_deg is None
    True
    >>> parse_statement("10.5 km S of Sudzha").precision_km
    0.05
    >>> parse_statement("on the international border") is None
    True
    """
    m = _STATEMENT.match(text)
    if not m:
        return None
    raw = m.group("d").replace(",", ".")
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    precision = round(0.5 * 10 ** (-decimals), decimals + 1)
    direction = (m.group("dir") or "").upper()
    if direction and direction not in COMPASS:
        return None
    half_width = 180.0 if not direction else (22.5 if len(direction) <= 2 else 11.25)
    return Statement(
        text=text.strip(),
        distance_km=float(raw),
        precision_km=precision,
        bearing_deg=COMPASS[direction] if direction else None,
        half_width_deg=half_width,
        reference=m.group("ref").strip(),
    )


def parse_statements(text: str) -> list[tuple[str, Statement | None]]:
    """Split ``;``-separated statements and parse each.

    Examples
    --------
    >>> [s is not None for _, s in parse_statements("16 km NE of Sudzha; on the border")]
    [True, False]
    """
    return [(part.strip(), parse_statement(part)) for part in text.split(";") if part.strip()]


def locate(
    statements: Sequence[Statement],
    resolve: Callable[[str], tuple[float, float, float] | None],
) -> Located | None:
    """Turn statements into one point and radius.

    Parameters
    ----------
    statements : sequence of Statement
        Parsed statements about one place.
    resolve : callable
        Maps a reference name to ``(lat, lon, uncertainty_km)``, or None when
        the reference is unknown (the statement is then left out).

    Returns
    -------
    Located or None
        None when no statement could be used.
    """
    import shapely
    from pyproj import CRS, Transformer

    refs = [(s, resolve(s.reference)) for s in statements]
    usable = [(s, r) for s, r in refs if r is not None]
    notes = [f"not used: {s.text!r} (reference {s.reference!r} is not a located place)" for s, r in refs if r is None]
    if not usable:
        return None
    lat0, lon0 = usable[0][1][0], usable[0][1][1]
    crs = CRS.from_proj4(f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m +no_defs")
    fwd = Transformer.from_crs("EPSG:4326", crs, always_xy=True)
    inv = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    shapes = []
    for s, (lat, lon, unc) in usable:
        x, y = fwd.transform(lon, lat)
        shapes.append(_statement_shape(s, x, y, unc * 1000.0))
    shape = shapely.intersection_all(shapes)
    if shape.is_empty:
        shape = shapely.union_all(shapes)
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


def _statement_shape(s: Statement, x: float, y: float, ref_uncertainty_m: float):
    import shapely

    outer = (s.distance_km + s.precision_km) * 1000.0
    inner = max(s.distance_km - s.precision_km, 0.0) * 1000.0
    center = shapely.Point(x, y)
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
