"""Exports: every polygon with the dates it holds (:meth:`Timeline.to_geodataframe`), written to
GeoJSON or GeoPackage (:meth:`Timeline.to_file`)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoclaims.control.engine import Piece
from geoclaims.control.polygons import union, valid_polygons
from geoclaims.errors import InvalidArgument

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    from geoclaims.timeline.core import Timeline
    from geoclaims.timeline.perspective import Perspective

__all__ = ["to_geodataframe", "to_file"]


def to_geodataframe(tl: Timeline, *, perspective: "str | Perspective" = "all") -> "geopandas.GeoDataFrame":
    """See :meth:`Timeline.to_geodataframe`."""
    import geopandas
    import pandas as pd
    import shapely

    p, run = tl._run(perspective)
    recs, geoms = [], []
    current: dict[tuple[str, str], tuple[frozenset, dt.date, Any, list[int]]] = {}

    def close(key, until):
        ids, since, geom, idx = current.pop(key)
        if geom.is_empty:
            return
        names = tl._claim_ids(run, idx)
        recs.append({"side": key[0], "status": key[1], "valid_from": pd.Timestamp(since),
                     "valid_to": pd.Timestamp(until) if until else pd.NaT, "area_km2": shapely.area(geom) / 1e6,
                     "claim_ids": ", ".join(dict.fromkeys(names)), "perspective": tl.perspective_label(p)})
        geoms.append(geom)

    for d, snap in zip(run.dates, run.snaps):
        groups: dict[tuple[str, str], list[Piece]] = {}
        for x in snap:
            groups.setdefault((x.side, x.status), []).append(x)
        for key in set(current) | set(groups):
            ids = frozenset(id(x) for x in groups.get(key, ()))
            if key in current and current[key][0] == ids:
                continue
            if key in current:
                close(key, d)
            if key in groups:
                ps = groups[key]
                current[key] = (ids, d, union([x.geom for x in ps]), sorted({x.claim for x in ps}))
    for key in list(current):
        close(key, None)
    gdf = geopandas.GeoDataFrame(recs, columns=["side", "status", "valid_from", "valid_to", "area_km2",
                                                "claim_ids", "perspective"],
                                 geometry=valid_polygons(tl.projection.to_wgs84(geoms)) if geoms else [],
                                 crs="EPSG:4326")
    return gdf.sort_values(["valid_from", "side", "status"], kind="stable").reset_index(drop=True)


def to_file(tl: Timeline, path: "str | os.PathLike[str]", *, perspective: "str | Perspective" = "all",
            driver: str | None = None) -> Path:
    """See :meth:`Timeline.to_file`."""
    from geoclaims._io import atomic_path

    path = Path(path)
    ext = path.suffix.lower()
    drv = driver or {".gpkg": "GPKG", ".geojson": "GeoJSON", ".json": "GeoJSON"}.get(ext)
    if drv is None:
        raise InvalidArgument(f"{path}: unknown output format {ext!r}; valid: .gpkg, .geojson (or pass driver=)")
    gdf = tl.to_geodataframe(perspective=perspective)
    if drv == "GeoJSON":
        for col in ("valid_from", "valid_to"):
            gdf[col] = gdf[col].dt.strftime("%Y-%m-%d").astype(object).where(gdf[col].notna(), None)
    from geoclaims.errors import OutputError

    with atomic_path(path) as tmp:
        try:
            gdf.to_file(tmp, driver=drv, layer="control" if drv == "GPKG" else None, engine="pyogrio")
            if drv == "GPKG":
                from geoclaims.claims.claimset import ClaimSet

                claims = ClaimSet(tl.claims).to_geodataframe()
                claims.to_file(tmp, driver="GPKG", layer="claims", engine="pyogrio", append=False)
        except (OSError, RuntimeError, ValueError) as e:  # pyogrio's DataSourceError & co. (no space, no rights)
            raise OutputError(f"cannot write {path}: {str(e)[:300]}") from None
    return path
