"""From a claim to a polygon: settlement footprints and the shapes of qualifiers.

All shapes are built in a :class:`~geoclaims.control.projection.LocalProjection`
(metres). With ``r`` the footprint radius of the place (see
:class:`FootprintModel`) and ``base`` the place's footprint (``method=
"footprint"``) or its territory cell (``method="territory"``, see
:mod:`geoclaims.control.territory`):

=====================  ==============================================================
qualifier              shape
=====================  ==============================================================
'' (whole place)       ``base``
central                disc of radius ``central_fraction * r`` (default 0.5 r)
northern ... western   the part of ``base`` within ±``sector_half_angle`` (45°) of
                       that bearing, seen from the centre
outskirts              ring from ``0.7 r`` to ``r + distance_km`` (default ``1.3 r``)
near                   ring from ``r`` to ``r + distance_km`` (default ``near_km``, 2 km)
"<direction> of"       sector beyond the footprint in that direction: ±45° from the
                       centre, from ``r`` out to ``r + distance_km`` (default
                       ``beyond_km``, 3 km)
depth from border      band of ``distance_km`` (default ``depth_km``, 5 km) along the
                       border with the side's opponent, on the opponent's territory,
                       within the claim's region and, when a place is named, within
                       ``front_km`` (20 km) of it
=====================  ==============================================================
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping

from geoclaims.errors import InvalidArgument
from geoclaims.claims.claim import DIRECTIONS, Claim, other_side
from geoclaims.places.place import Place

if TYPE_CHECKING:  # pragma: no cover
    from shapely.geometry.base import BaseGeometry

    from geoclaims.control.projection import LocalProjection

__all__ = ["FootprintModel", "ShapeModel", "claim_shape", "sector", "METHODS"]

#: How a whole-place claim becomes an area.
METHODS: tuple[str, ...] = ("territory", "footprint")

_KIND_RADIUS_KM = {
    "city": 5.0, "town": 2.0, "urban-type settlement": 1.5, "posyolok": 1.0, "selo": 1.0,
    "village": 1.0, "derevnya": 0.7, "khutor": 0.5, "hamlet": 0.5,
}


@dataclass(frozen=True, slots=True)
class FootprintModel:
    """The built-up radius of a settlement.

    ``radius = factor_km * population ** (1/3)``, clamped to
    [``min_km``, ``max_km``]; without a population, by kind (town 2 km, selo
    1 km, derevnya 0.7 km, khutor 0.5 km, ...; ``default_km`` otherwise).
    ``overrides`` maps a place id or name to a radius and wins over both.

    With the default factor 0.12: 500 people -> 0.95 km, 5,000 (Sudzha) ->
    2.05 km, 50,000 -> 4.4 km, 450,000 (Kursk) -> 9.2 km.

    Examples
    --------
    >>> FootprintModel().radius_km(Place(id="x", name="X", population=5000))
    2.05
    >>> FootprintModel(overrides={"X": 3}).radius_km(Place(id="x", name="X", population=5000))
    3.0
    """

    factor_km: float = 0.12
    min_km: float = 0.4
    max_km: float = 12.0
    default_km: float = 1.0
    by_kind: Mapping[str, float] = field(default_factory=lambda: dict(_KIND_RADIUS_KM))
    overrides: Mapping[str, float] = field(default_factory=dict)

    def radius_km(self, place: Place) -> float:
        """The footprint radius of `place` in km."""
        if place.id in self.overrides:
            return float(self.overrides[place.id])
        if place.name in self.overrides:
            return float(self.overrides[place.name])
        if place.population:
            r = self.factor_km * place.population ** (1 / 3)
        else:
            r = self.by_kind.get(place.kind.lower().strip(), self.default_km)
        return round(min(self.max_km, max(self.min_km, r)), 2)


@dataclass(frozen=True, slots=True)
class ShapeModel:
    """Parameters of qualifier shapes (documented in the module docstring)."""

    footprint: FootprintModel = field(default_factory=FootprintModel)
    central_fraction: float = 0.5
    sector_half_angle: float = 45.0
    outskirts_inner: float = 0.7
    outskirts_outer: float = 1.3
    near_km: float = 2.0
    beyond_km: float = 3.0
    depth_km: float = 5.0
    front_km: float = 20.0
    resolution: int = 16  # segments per quarter circle

    def __post_init__(self) -> None:
        for name in ("central_fraction", "near_km", "beyond_km", "depth_km", "front_km"):
            if not getattr(self, name) > 0:
                raise InvalidArgument(f"{name} must be > 0, got {getattr(self, name)!r}")
        if not 0 < self.sector_half_angle <= 90:
            raise InvalidArgument(f"sector_half_angle must be in (0, 90], got {self.sector_half_angle!r}")


def sector(x: float, y: float, bearing: float, half_angle: float, radius: float, *, segments: int = 32):
    """A circular sector (pie slice) at (x, y) in metres, bearing in degrees clockwise from north."""
    import shapely

    n = max(4, int(segments * half_angle / 45))
    pts = [(x, y)]
    for i in range(n + 1):
        a = math.radians(bearing - half_angle + 2 * half_angle * i / n)
        pts.append((x + radius * math.sin(a), y + radius * math.cos(a)))
    pts.append((x, y))
    return shapely.Polygon(pts)


def claim_shape(
    claim: Claim,
    proj: "LocalProjection",
    *,
    method: str = "territory",
    model: ShapeModel | None = None,
    cells: Mapping[str, "BaseGeometry"] | None = None,
    baselines: Mapping[str, "BaseGeometry"] | None = None,
) -> "BaseGeometry | None":
    """The polygon of a claim, in the local projection (metres); None if it cannot be mapped.

    Parameters
    ----------
    claim : Claim
    proj : LocalProjection
    method : {'territory', 'footprint'}
        Whole-place claims cover the territory cell or only the footprint.
    model : ShapeModel, optional
    cells : mapping of place id -> cell (local CRS)
        Territory cells (:func:`geoclaims.control.territory.territory_cells`); needed
        for ``method="territory"`` (missing cells fall back to the footprint).
    baselines : mapping of side -> territory (local CRS)
        Each side's own territory, for "depth from border" claims.
    """
    import shapely

    if method not in METHODS:
        raise InvalidArgument(f"method={method!r} is not valid; valid: {', '.join(METHODS)}")
    m = model or ShapeModel()
    if claim.geometry is not None:
        return shapely.make_valid(proj.to_local(claim.geometry))
    q = claim.qualifier
    if q == "depth from border":
        return _border_band(claim, proj, m, baselines)
    place = claim.place
    if place is None or not place.is_located:
        return None
    x, y = proj.to_local(shapely.Point(place.lon, place.lat)).coords[0]
    r = m.footprint.radius_km(place) * 1000.0
    quad = m.resolution
    centre = shapely.Point(x, y)
    footprint = centre.buffer(r, quad_segs=quad)
    base = footprint
    if method == "territory" and cells is not None and place.id in cells:
        base = shapely.union(cells[place.id], footprint)
    d = claim.distance_km * 1000.0 if claim.distance_km is not None else None
    if q == "":
        return base
    if q == "central":
        return centre.buffer(r * m.central_fraction, quad_segs=quad)
    if q.endswith("ern"):
        bearing = DIRECTIONS[q[:-3]]
        reach = max(r, _reach(base, x, y))
        return shapely.intersection(base, sector(x, y, bearing, m.sector_half_angle, reach * 1.01))
    if q == "outskirts":
        outer = r + d if d else r * m.outskirts_outer
        return shapely.difference(centre.buffer(outer, quad_segs=quad), centre.buffer(r * m.outskirts_inner, quad_segs=quad))
    if q == "near":
        outer = r + (d if d else m.near_km * 1000.0)
        return shapely.difference(centre.buffer(outer, quad_segs=quad), footprint)
    if q.endswith(" of"):
        bearing = DIRECTIONS[q[:-3]]
        outer = r + (d if d else m.beyond_km * 1000.0)
        return shapely.difference(sector(x, y, bearing, m.sector_half_angle, outer), footprint)
    raise InvalidArgument(f"unsupported qualifier {q!r}")  # Claim validation makes this unreachable


def _reach(geom: Any, x: float, y: float) -> float:
    import shapely

    return float(shapely.hausdorff_distance(shapely.Point(x, y), geom)) if not geom.is_empty else 0.0


def _border_band(claim: Claim, proj: "LocalProjection", m: ShapeModel, baselines) -> "BaseGeometry | None":
    import shapely

    from geoclaims.places import boundaries

    depth = (claim.distance_km if claim.distance_km is not None else m.depth_km) * 1000.0
    opponent = other_side(claim.side)
    if baselines is not None and opponent in baselines and claim.side in baselines:
        own, theirs = baselines[claim.side], baselines[opponent]
        line = shapely.intersection(shapely.boundary(own), shapely.boundary(theirs))
    else:
        line = proj.to_local(boundaries.border(claim.side, opponent))
        theirs = proj.to_local(boundaries.country_shape(opponent))
    band = shapely.intersection(shapely.buffer(line, depth, quad_segs=8), theirs)
    if claim.region:
        try:
            region = proj.to_local(boundaries.region_shape(claim.region))
        except Exception:  # unknown region outline: leave the band unclipped
            region = None
        if region is not None:
            band = shapely.intersection(band, region)
    if claim.place is not None and claim.place.is_located:
        c = proj.to_local(shapely.Point(claim.place.lon, claim.place.lat))
        band = shapely.intersection(band, c.buffer(m.front_km * 1000.0))
    band = shapely.make_valid(band)
    return None if band.is_empty else band
