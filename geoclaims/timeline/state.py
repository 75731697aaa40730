"""Control on one day: :meth:`Timeline.state` by side and status, :meth:`Timeline.pieces` piece by
piece, :meth:`Timeline.band` the least and most each side's land may be."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from geoclaims.claims.claim import SIDES
from geoclaims.control.engine import STATUSES, geoms_of, union_by_key
from geoclaims.control.polygons import polygonal, robust, union, valid_polygons
from geoclaims.timeline.columns import BAND_COLUMNS, PIECE_COLUMNS, STATE_COLUMNS
from geoclaims.timeline.dates import as_date
from geoclaims.timeline.runs import _Run, tiers

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    from geoclaims.timeline.core import Timeline
    from geoclaims.timeline.perspective import Perspective

__all__ = ["state", "pieces", "band", "band_local", "km2"]


def km2(geom: Any) -> float:
    """Area of a local-CRS (equal-area, metres) geometry in km²."""
    import shapely

    return float(shapely.area(geom)) / 1e6 if geom is not None else 0.0


def state(tl: Timeline, date: "str | dt.date", *, perspective: "str | Perspective" = "all") -> "geopandas.GeoDataFrame":
    """See :meth:`Timeline.state`."""
    import geopandas
    import shapely

    d = as_date(date)
    p, run = tl._run(perspective)
    key = ("state", d)
    if key not in run.cache:
        groups = union_by_key(tl._snapshot(run, d))
        recs, geoms = [], []
        for side in SIDES:
            for status in STATUSES:
                geom, idx = groups.get((side, status), (shapely.Polygon(), []))
                ids = tl._claim_ids(run, idx)
                recs.append({"date": d, "side": side, "status": status, "area_km2": shapely.area(geom) / 1e6,
                             "claims": len(ids), "claim_ids": ", ".join(dict.fromkeys(ids))})
                geoms.append(geom)
        run.cache[key] = (recs, geoms)
    recs, geoms = run.cache[key]
    gdf = geopandas.GeoDataFrame(recs, columns=list(STATE_COLUMNS),
                                 geometry=valid_polygons(tl.projection.to_wgs84(list(geoms))), crs="EPSG:4326")
    gdf.attrs["perspective"] = tl.perspective_label(p)
    gdf.attrs["unmapped"] = tl.unmapped_summary(c for c in tl.claims if c.date <= d and p.accepts(c))
    return gdf


def pieces(tl: Timeline, date: "str | dt.date", *, perspective: "str | Perspective" = "all") -> "geopandas.GeoDataFrame":
    """See :meth:`Timeline.pieces`."""
    import geopandas
    import shapely

    d = as_date(date)
    p, run = tl._run(perspective)
    recs, geoms = [], []
    for x in (tiers(tl, run, d) if run.field is not None else tl._snapshot(run, d)):
        tier = {-1: "baseline", -2: "observed"}.get(x.claim, x.tier)
        if x.claim >= 0:
            c = tl.claims[x.claim]
            cid, cstatus = c.claim_id, c.status
        else:
            cid, cstatus = {-1: "baseline", -2: "observed"}.get(x.claim, ""), ""
        recs.append({"date": d, "side": x.side, "status": x.status, "tier": tier, "claim_id": cid,
                     "claim_status": cstatus, "area_km2": shapely.area(x.geom) / 1e6,
                     "drivers": ", ".join(dict.fromkeys(tl.claims[i].claim_id for i in x.drivers))})
        geoms.append(x.geom)
    return geopandas.GeoDataFrame(recs, columns=list(PIECE_COLUMNS),
                                  geometry=valid_polygons(tl.projection.to_wgs84(geoms)) if geoms else [],
                                  crs="EPSG:4326")


def band(tl: Timeline, date: "str | dt.date", *, perspective: "str | Perspective" = "all") -> "geopandas.GeoDataFrame":
    """See :meth:`Timeline.band`."""
    import geopandas

    d = as_date(date)
    p, run = tl._run(perspective)
    key = ("band", d)
    if key not in run.cache:
        run.cache[key] = band_local(tl, run, d)
    recs, geoms = [], []
    for side in SIDES:
        for bound, geom in zip(("min", "max"), run.cache[key][side]):
            recs.append({"date": d, "side": side, "bound": bound, "area_km2": km2(geom)})
            geoms.append(geom)
    return geopandas.GeoDataFrame(recs, columns=list(BAND_COLUMNS),
                                  geometry=valid_polygons(tl.projection.to_wgs84(geoms)), crs="EPSG:4326")


def band_local(tl: Timeline, run: _Run, d: dt.date) -> dict[str, tuple[Any, Any]]:
    """Per side, (min, max) land in the local CRS: the held + advanced land, or the inferred band."""
    import shapely

    snap = tl._snapshot(run, d)
    out = {}
    for side in SIDES:
        g = union(geoms_of(snap, side, ("held", "advanced")))
        if run.field is not None and run.dates and d >= run.dates[0]:
            day = max(x for x in run.dates if x <= d)
            lo = polygonal(shapely.intersection(run.field.polygon(day, side, "min"), g)) if not g.is_empty else g
            hi = polygonal(robust(shapely.union, run.field.polygon(day, side, "max"), g))
            out[side] = (lo, hi)
        else:
            out[side] = (g, g)
    return out
