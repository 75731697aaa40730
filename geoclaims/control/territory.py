"""The territory model: holding a village means holding the land around it.

Each located settlement of the gazetteer gets a Voronoi cell (the land closer
to it than to any other settlement), clipped to the country it lies in and to
``max_radius_km`` around it. A set of held settlements is then an area.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Mapping

from geoclaims.errors import InvalidArgument
from geoclaims.places.place import Place

if TYPE_CHECKING:  # pragma: no cover
    from shapely.geometry.base import BaseGeometry

    from geoclaims.places.gazetteer import Gazetteer
    from geoclaims.control.projection import LocalProjection

__all__ = ["TerritoryModel", "territory_cells"]


@dataclass(frozen=True, slots=True)
class TerritoryModel:
    """Parameters of the territory model.

    Parameters
    ----------
    max_radius_km : float, default 5
        No cell reaches farther than this from its settlement (fields between
        far-apart villages are not claimed by either).
    margin_km : float, default 25
        Gazetteer settlements this far around the claimed places take part in
        the tessellation, so cells at the edge are bounded by real neighbours.
    clip_to_country : bool, default True
        Cells stop at the international border.
    """

    max_radius_km: float = 5.0
    margin_km: float = 25.0
    clip_to_country: bool = True

    def __post_init__(self) -> None:
        if not self.max_radius_km > 0:
            raise InvalidArgument(f"max_radius_km must be > 0, got {self.max_radius_km!r}")
        if not self.margin_km >= 0:
            raise InvalidArgument(f"margin_km must be >= 0, got {self.margin_km!r}")


def territory_cells(
    places: Iterable[Place],
    proj: "LocalProjection",
    *,
    gazetteer: "Gazetteer | None" = None,
    model: TerritoryModel | None = None,
    countries: Mapping[str, "BaseGeometry"] | None = None,
) -> dict[str, "BaseGeometry"]:
    """Territory cells (local CRS, metres) of `places`, keyed by place id.

    Parameters
    ----------
    places : iterable of Place
        The places whose cells are wanted (unlocated ones are skipped).
    proj : LocalProjection
    gazetteer : Gazetteer, optional
        Neighbouring settlements come from it (default: the bundled one).
    model : TerritoryModel, optional
    countries : mapping of ISO code -> outline in the local CRS, optional
        Defaults to the bundled outlines.

    Examples
    --------
    >>> from geoclaims import Gazetteer
    >>> from geoclaims.control.projection import LocalProjection
    >>> berdin = Gazetteer.default().get("theatre:berdin")
    >>> cells = territory_cells([berdin], LocalProjection(berdin.lon, berdin.lat))
    >>> 1 < cells["theatre:berdin"].area / 1e6 < 80
    True
    """
    import numpy as np
    import shapely

    from geoclaims.places.gazetteer import Gazetteer

    m = model or TerritoryModel()
    wanted = {p.id: p for p in places if p.is_located}
    if not wanted:
        return {}
    gaz = gazetteer or Gazetteer.default()
    lats = [p.lat for p in wanted.values()]
    lons = [p.lon for p in wanted.values()]
    pad_lat = m.margin_km / 111.0
    pad_lon = m.margin_km / (111.0 * max(0.2, np.cos(np.radians(np.mean(lats)))))
    box = (min(lons) - pad_lon, min(lats) - pad_lat, max(lons) + pad_lon, max(lats) + pad_lat)
    # one site per position; claimed places at the same position share its cell
    sites: dict[tuple[float, float], list[str]] = {}
    for p in wanted.values():
        sites.setdefault((round(p.lon, 5), round(p.lat, 5)), []).append(p.id)
    for p in gaz:
        if p.is_located and box[0] <= p.lon <= box[2] and box[1] <= p.lat <= box[3]:
            sites.setdefault((round(p.lon, 5), round(p.lat, 5)), [p.id])
    keys = list(sites)
    pts = proj.to_local(shapely.points(np.array(keys)))
    ids = [sites[k] for k in keys]
    if len(pts) == 1:
        raw = [pts[0].buffer(m.max_radius_km * 1000.0)]
    else:
        env = shapely.envelope(shapely.multipoints(pts)).buffer(m.max_radius_km * 2000.0)
        raw = list(shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(pts), extend_to=env, ordered=True)))
    outlines = countries
    if outlines is None and m.clip_to_country:
        from geoclaims.places import boundaries

        outlines = {}
        for code in {p.country for p in wanted.values()}:
            if code in boundaries.COUNTRY_CODES:
                # not clip_by_rect: its output may be invalid, which corrupts later overlays
                clipped = shapely.intersection(boundaries.country_shape(code),
                                               shapely.box(box[0] - 1, box[1] - 1, box[2] + 1, box[3] + 1))
                outlines[code] = proj.to_local(clipped)
    out: dict[str, "BaseGeometry"] = {}
    for pt, site_ids, cell in zip(pts, ids, raw):
        pid = site_ids[0]
        if pid not in wanted:
            continue
        geom = shapely.intersection(cell, pt.buffer(m.max_radius_km * 1000.0, quad_segs=16))
        country = wanted[pid].country
        if m.clip_to_country and outlines and country in outlines:
            clipped = shapely.intersection(geom, outlines[country])
            if not clipped.is_empty and clipped.area > 0.05 * geom.area:
                geom = clipped
        geom = shapely.make_valid(geom)
        for same in site_ids:
            out[same] = geom
    return out
