"""Building a :class:`~geoclaims.timeline.Timeline`: from claims (their shapes, territory cells, the
baseline they start from) or from observed snapshots."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Sequence

from geoclaims.claims.claim import SIDES, Claim
from geoclaims.control.engine import STATUSES, Piece
from geoclaims.control.inference.model import InferenceModel
from geoclaims.control.polygons import polygonal
from geoclaims.control.shapes import METHODS, ShapeModel, claim_shape
from geoclaims.control.territory import TerritoryModel, territory_cells
from geoclaims.errors import InvalidArgument, InvalidArgumentType
from geoclaims.timeline.dates import as_date
from geoclaims.timeline.perspective import Perspective
from geoclaims.timeline.runs import _Run

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    from geoclaims.control.projection import LocalProjection
    from geoclaims.timeline.core import Timeline

__all__ = ["from_claims", "from_observed", "read_geo_file", "TIMELINE_METHODS", "AOI_MARGIN_DEG"]

#: ``method=`` values: the claims' own polygons (territory cells or footprints), or inference of the
#: land between them (:mod:`geoclaims.control.inference`).
TIMELINE_METHODS: tuple[str, ...] = (*METHODS, "inferred")
#: Degrees around the claimed places that a claims timeline covers.
AOI_MARGIN_DEG = 1.5


def from_claims(cls: type[Timeline], claims: Any, *, baseline: Any, start: Any, method: str, window_days: int | None,
                shape_model: ShapeModel | None, territory_model: TerritoryModel | None, gazetteer: Any,
                inference: InferenceModel | None) -> Timeline:
    """See :meth:`Timeline.from_claims` (which holds the defaults)."""
    import shapely

    from geoclaims.timeline.core import Timeline

    if method not in TIMELINE_METHODS:
        raise InvalidArgument(f"method={method!r} is not valid; valid: {', '.join(TIMELINE_METHODS)}")
    if inference is not None and not isinstance(inference, InferenceModel):
        raise InvalidArgumentType(f"inference must be an InferenceModel, not {type(inference).__name__}")
    if window_days is not None and window_days < 0:
        raise InvalidArgument(f"window_days must be >= 0 or None, got {window_days!r}")
    claims = tuple(claims)
    for c in claims:
        if not isinstance(c, Claim):
            raise InvalidArgumentType(f"claims must be Claim objects (use geoclaims.read_claims), got {type(c).__name__}")
    start_date = as_date(start, "start") if start is not None else None
    if isinstance(baseline, Timeline) and start_date is None:
        raise InvalidArgument("baseline is an observed timeline: give start= (the day whose observed map the "
                              "claims start from)")
    if start_date is not None:
        claims = tuple(c for c in claims if c.date > start_date)
    model = shape_model or ShapeModel()
    tmodel = territory_model or TerritoryModel()
    proj, aoi, territories = _frame(claims)
    cells = {}
    if method in ("territory", "inferred"):
        places = {c.place.id: c.place for c in claims if c.place is not None and c.place.is_located}
        cells = territory_cells(places.values(), proj, gazetteer=gazetteer, model=tmodel)
    shapes = _shapes(claims, proj, method, model, cells, territories)
    initial = baseline_pieces(baseline, proj, territories, start_date, aoi)
    tl = cls(claims, projection=proj, shapes=shapes, territories=territories, aoi=aoi, initial=initial,
             method=method, window_days=window_days,
             params=dict(baseline=baseline, start=start_date, shape_model=model, territory_model=tmodel,
                         gazetteer=gazetteer, inference=inference))
    tl.inference = (inference or InferenceModel()) if method == "inferred" else None
    tl._cells = cells
    tl.start_date = start_date
    if isinstance(baseline, Timeline) and baseline._coverage is not None:
        cov = shapely.intersection(baseline.projection.to_wgs84(baseline._coverage), shapely.box(*aoi))
        tl._baseline_coverage = polygonal(shapely.make_valid(proj.to_local(cov)))
    return tl


def _frame(claims: Sequence[Claim]) -> tuple[LocalProjection, tuple[float, float, float, float], dict[str, Any]]:
    """The local projection around the claims, their area of interest (degrees) and each side's country
    within it (local CRS, prepared)."""
    import shapely

    from geoclaims.control.projection import LocalProjection
    from geoclaims.places import boundaries

    pts = [(c.place.lon, c.place.lat) for c in claims if c.place is not None and c.place.is_located]
    pts += [tuple(shapely.centroid(c.geometry).coords[0]) for c in claims if c.geometry is not None]
    for c in claims:
        if c.qualifier == "depth from border" and c.region and not (c.place and c.place.is_located):
            try:
                b = boundaries.region_shape(c.region).bounds
                pts += [(b[0], b[1]), (b[2], b[3])]
            except Exception:  # noqa: BLE001 - the band falls back to the whole border
                pass
    if not pts:
        pts = [(31.0, 49.0)]  # nothing mappable: any projection will do
    proj = LocalProjection.around(pts)
    lons, lats = [p[0] for p in pts], [p[1] for p in pts]
    aoi = (min(lons) - AOI_MARGIN_DEG, min(lats) - AOI_MARGIN_DEG, max(lons) + AOI_MARGIN_DEG,
           max(lats) + AOI_MARGIN_DEG)
    return proj, aoi, _territories(proj, aoi)


def _territories(proj: LocalProjection, aoi: tuple[float, float, float, float]) -> dict[str, Any]:
    """Each side's country within the area of interest, in the local CRS (prepared)."""
    import shapely

    from geoclaims.places import boundaries

    territories = {side: proj.to_local(shapely.intersection(boundaries.country_shape(side), shapely.box(*aoi)))
                   for side in SIDES}
    for g in territories.values():
        shapely.prepare(g)
    return territories


def _shapes(claims: Sequence[Claim], proj: LocalProjection, method: str, model: ShapeModel, cells: dict[str, Any],
            territories: dict[str, Any]) -> list[Any]:
    """The polygon each claim draws (local CRS), or None for claims that draw no land."""
    import shapely

    shapes = []
    for c in claims:
        if c.action in ("area", "repelled") and c.geometry is None:
            shapes.append(None)
            continue
        if method == "inferred" and c.qualifier == "depth from border" and c.geometry is None:
            shapes.append(None)  # a bound on depth, not land (geoclaims.control.inference)
            continue
        g = claim_shape(c, proj, method="territory" if method == "inferred" else method, model=model, cells=cells,
                        baselines=territories)
        shapes.append(shapely.make_valid(g) if g is not None else None)
    return shapes


def from_observed(cls: type[Timeline], dates: Sequence[dt.date], snapshots: Sequence[Sequence[Piece]], *,
                  projection: LocalProjection, source: str, problems: Sequence[Any], unknown_keys: Any, region: str,
                  region_shape: Any, fallback_keys: Any) -> Timeline:
    """See :meth:`Timeline.from_observed` (which holds the defaults)."""
    import shapely

    if len(dates) != len(snapshots):
        raise InvalidArgument("one snapshot per date is needed")
    if list(dates) != sorted(set(dates)):
        raise InvalidArgument("snapshot dates must be distinct and sorted")
    geoms = [x.geom for snap in snapshots for x in snap]
    if region_shape is not None:
        b = region_shape.bounds
    elif geoms:
        b = tuple(projection.to_wgs84(shapely.box(*shapely.total_bounds(geoms))).bounds)
    else:
        b = (projection.lon0 - 1, projection.lat0 - 1, projection.lon0 + 1, projection.lat0 + 1)
    m = 0.25
    aoi = (b[0] - m, b[1] - m, b[2] + m, b[3] + m)
    territories = _territories(projection, aoi)
    tl = cls((), projection=projection, shapes=[], territories=territories, aoi=aoi, initial=(),
             method="observed", window_days=None, params={})
    tl._dates = list(dates)
    tl._runs[Perspective("all")] = _Run(list(dates), [tuple(s) for s in snapshots], {}, [])
    tl.source = source
    tl.problems = tuple(problems)
    tl.unknown_keys = dict(unknown_keys or {})
    tl.fallback_keys = dict(fallback_keys or {})
    tl.region = region
    tl.region_shape = region_shape
    # what the maps speak for: the region asked for, else the mapped extent with its margin (land
    # without polygons near the front is held by its own country)
    tl._coverage = projection.to_local(region_shape if region_shape is not None else shapely.box(*aoi))
    shapely.prepare(tl._coverage)
    return tl


def baseline_pieces(baseline: Any, proj: LocalProjection, territories: dict[str, Any], start: dt.date | None = None,
                    aoi: tuple[float, float, float, float] | None = None) -> list[Piece]:
    """The pieces control starts from: an observed timeline's map on `start`, or the polygons of a
    GeoDataFrame or file (``side``, optional ``status``), beyond each side's own country."""
    if baseline is None:
        return []
    import geopandas
    import shapely

    from geoclaims.control.engine import _piece
    from geoclaims.timeline.core import Timeline

    if isinstance(baseline, Timeline):
        if not baseline.is_observed:
            raise InvalidArgument("a timeline baseline must be observed (geoclaims.read_snapshots)")
        if baseline.start is None or start < baseline.start:
            raise InvalidArgument(f"the observed baseline starts on {baseline.start}; start={start} is before it")
        _, brun = baseline._run("all")
        box = shapely.box(*aoi) if aoi is not None else None
        pieces = []
        for x in baseline._snapshot(brun, start):
            g = baseline.projection.to_wgs84(x.geom)
            if box is not None:
                g = shapely.intersection(g, box)
            local = polygonal(shapely.make_valid(proj.to_local(g)))
            if x.status != "contested":
                local = shapely.difference(local, territories[x.side])
            p = _piece(-1, x.side, x.status, local, tier="baseline")
            if p is not None:
                pieces.append(p)
        return pieces
    if isinstance(baseline, geopandas.GeoDataFrame):
        gdf = baseline
    elif isinstance(baseline, (str, os.PathLike)):
        gdf = read_geo_file(baseline, "baseline")
    else:
        raise InvalidArgumentType(f"baseline must be a GeoDataFrame or a path, not {type(baseline).__name__}")
    if "side" not in gdf.columns:
        raise InvalidArgument(f"baseline needs a 'side' column ({'/'.join(SIDES)}); it has: {', '.join(map(str, gdf.columns))}")
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    pieces = []
    statuses = gdf["status"] if "status" in gdf.columns else ["held"] * len(gdf)
    for i, (side, status, geom) in enumerate(zip(gdf["side"], statuses, gdf.geometry)):
        side = str(side).strip().upper()
        if side not in SIDES:
            raise InvalidArgument(f"baseline row {i}: side {side!r} is not valid; valid: {', '.join(SIDES)}")
        status = str(status or "held").strip().lower()
        if status not in STATUSES:
            raise InvalidArgument(f"baseline row {i}: status {status!r} is not valid; valid: {', '.join(STATUSES)}")
        if geom is None or geom.is_empty:
            continue
        if geom.geom_type not in ("Polygon", "MultiPolygon"):
            raise InvalidArgument(f"baseline row {i}: a {geom.geom_type}; baselines are polygons of control")
        w, s_, e, n = geom.bounds
        if not (-180 <= w <= e <= 180 and -90 <= s_ <= n <= 90):
            raise InvalidArgument(f"baseline row {i}: coordinates out of range ({w:.6g}, {s_:.6g}, {e:.6g}, "
                                  f"{n:.6g}); expected WGS84 degrees (or a file with its CRS)")
        local = shapely.make_valid(proj.to_local(geom))
        p = _piece(-1, side, status, local if status == "contested" else shapely.difference(local, territories[side]),
                   tier="baseline")
        if p is not None:
            pieces.append(p)
    return pieces


def read_geo_file(path: "str | os.PathLike[str]", what: str) -> "geopandas.GeoDataFrame":
    """A GeoJSON/GeoPackage/... file as a GeoDataFrame, or a GeoclaimsError saying why it cannot be read."""
    import pyogrio

    from geoclaims.errors import InputFileError, InputFileNotFound

    p = Path(os.fspath(path))
    if not p.exists():
        raise InputFileNotFound(f"{what} file not found: {p}")
    if p.is_dir():
        raise InputFileError(f"{what} {p} is a folder; expected a GeoJSON or GeoPackage file")
    try:
        return pyogrio.read_dataframe(p)
    except Exception as e:  # noqa: BLE001 - pyogrio/GDAL errors on a file that is not what it claims
        raise InputFileError(f"cannot read {what} {p}: {str(e)[:300]}") from None
