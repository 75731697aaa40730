"""Distances: geodesic for what is reported, great-circle (haversine) for ranking."""

import pytest

from geoclaims.places.distances import distance_km, haversine_km


@pytest.mark.parametrize("a, b", [
    ((51.19139, 35.27056), (51.33250, 35.22750)),   # Sudzha - Malaya Loknya
    ((50.0, 36.2), (48.6, 38.0)),                    # Kharkiv - Bakhmut
    ((55.75, 37.62), (50.45, 30.52)),                # Moscow - Kyiv
    ((44.6, 33.5), (69.0, 33.1)),                    # north-south, 2,700 km
    ((0.0, 0.0), (0.0, 179.0)),                      # along the equator
])
def test_haversine_is_within_half_a_percent_of_geodesic(a, b):
    assert haversine_km(a, b) == pytest.approx(distance_km(a, b), rel=0.005)
    assert haversine_km(a, b) == pytest.approx(haversine_km(b, a))


def test_a_point_is_zero_from_itself():
    assert distance_km((51.2, 35.3), (51.2, 35.3)) == 0 and haversine_km((51.2, 35.3), (51.2, 35.3)) == 0


def test_the_old_import_path_still_works():
    from geoclaims.places import gazetteer

    assert gazetteer.haversine_km is haversine_km and gazetteer.distance_km is distance_km
