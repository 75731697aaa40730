"""Geodesic areas agree with pyproj Geod; never degrees²."""

import warnings

import geopandas
import numpy as np
import pytest
import shapely
from pyproj import Geod

from geoclaims import LocalProjection, area_km2

GEOD = Geod(ellps="WGS84")
KNOWN = [
    shapely.box(35.0, 51.0, 35.1, 51.1),
    shapely.Point(35.27, 51.19).buffer(0.05),
    shapely.Polygon([(34.0, 50.0), (36.0, 50.5), (35.5, 52.0), (34.2, 51.5)]),
    shapely.box(22.0, 44.0, 40.0, 52.0),
    shapely.MultiPolygon([shapely.box(35, 51, 35.01, 51.01), shapely.box(36, 51, 36.02, 51.02)]),
]


def geod_km2(g):
    return abs(GEOD.geometry_area_perimeter(g)[0]) / 1e6


@pytest.mark.parametrize("g", KNOWN)
def test_area_matches_geod(g):
    assert area_km2(g) == pytest.approx(geod_km2(g), rel=1e-4)


@pytest.mark.parametrize("g", KNOWN[:3] + KNOWN[4:])
def test_local_equal_area_projection_matches_geod_within_001_percent(g):
    dense = shapely.segmentize(g, 0.002)
    proj = LocalProjection.around([dense.centroid.coords[0]])
    assert shapely.area(proj.to_local(dense)) / 1e6 == pytest.approx(geod_km2(dense), rel=1e-4)


def test_arrays_series_and_projected_frames():
    arr = area_km2(np.array(KNOWN[:2] + [None, shapely.Point(1, 1)], dtype=object))
    assert arr[2] == 0 and arr[3] == 0 and arr[0] == pytest.approx(geod_km2(KNOWN[0]))
    gdf = geopandas.GeoDataFrame(geometry=KNOWN[:3], crs="EPSG:4326").to_crs("EPSG:3857")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # no "area in a geographic CRS" warning
        got = area_km2(gdf)
    assert got == pytest.approx([geod_km2(g) for g in KNOWN[:3]], rel=1e-6)


def test_state_areas_are_geodesic(kursk):
    state = kursk.state("2025-01-07")
    for area, geom in zip(state["area_km2"], state.geometry):
        assert area >= 0
        if area > 0:
            assert area == pytest.approx(area_km2(geom), rel=1e-4)
