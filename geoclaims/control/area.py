"""Geodesic areas in km², never degrees²."""

from __future__ import annotations

import functools
from typing import Any

__all__ = ["area_km2"]


@functools.lru_cache(maxsize=1)
def _geod():
    from pyproj import Geod

    return Geod(ellps="WGS84")


def area_km2(geometry: Any, *, crs: Any = None) -> Any:
    """Geodesic area in km² on the WGS84 ellipsoid (pyproj ``Geod``).

    Parameters
    ----------
    geometry : shapely geometry, array of geometries, GeoSeries or GeoDataFrame
        In EPSG:4326 (lon, lat) unless it is a GeoSeries/GeoDataFrame with
        another CRS, or `crs` says otherwise; then it is reprojected first.
    crs : optional
        The CRS of plain shapely input, if not EPSG:4326.

    Returns
    -------
    float for one geometry, numpy array otherwise (0 for empty or None).

    Examples
    --------
    >>> import shapely
    >>> round(area_km2(shapely.box(35.0, 51.0, 35.1, 51.1)), 2)
    78.01
    """
    import numpy as np
    import shapely

    single = isinstance(geometry, shapely.Geometry) or geometry is None
    if hasattr(geometry, "geometry") and hasattr(geometry, "crs"):  # GeoDataFrame / GeoSeries
        series = geometry.geometry
        if series.crs is not None and not series.crs.equals("EPSG:4326"):
            series = series.to_crs("EPSG:4326")
        geoms = np.asarray(series.values, dtype=object)
    else:
        geoms = np.atleast_1d(np.asarray(geometry, dtype=object))
        if crs is not None:
            from pyproj import CRS, Transformer

            src = CRS.from_user_input(crs)
            if not src.equals("EPSG:4326"):
                t = Transformer.from_crs(src, "EPSG:4326", always_xy=True)
                geoms = shapely.transform(geoms, lambda x, y: t.transform(x, y), interleaved=False)
    geod = _geod()
    out = np.zeros(len(geoms))
    for i, g in enumerate(geoms):
        if g is None or shapely.is_empty(g):
            continue
        if shapely.get_dimensions(g) < 2:
            continue
        out[i] = abs(geod.geometry_area_perimeter(g)[0]) / 1e6
    return float(out[0]) if single else out
