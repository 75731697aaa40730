"""Reverse geocoding: nearest places, the geopy contract, geopandas.tools.reverse_geocode."""

import geopandas
import pytest
import shapely

from geoclaims import GazetteerGeocoder
from geoclaims.errors import InvalidArgument
from geoclaims.places.reverse import nearest


def test_nearest_orders_by_distance(gaz):
    found = gaz.nearest(51.19139, 35.27056, k=4)
    assert found[0].place.name == "Sudzha" and found[0].distance_km < 0.1
    dists = [n.distance_km for n in found]
    assert dists == sorted(dists) and len(found) == 4 and all(n.place.is_located for n in found)


def test_nearest_filters(gaz):
    # a point in Ukraine 3 km from the border: the nearest Russian place is in Kursk Oblast
    ru = gaz.nearest(51.16, 35.10, k=3, country="RU")
    assert {n.place.country for n in ru} == {"RU"}
    assert all(n.distance_km <= 5 for n in gaz.nearest(51.19, 35.27, k=50, max_km=5))
    assert gaz.nearest(0.0, 0.0, max_km=100) == []
    assert {n.place.admin1 for n in gaz.nearest(50.3, 36.9, k=5, region="Харківська область")} == {"Kharkiv Oblast"}


@pytest.mark.parametrize("args, kwargs", [((91, 0), {}), ((0, 181), {}), (("a", 0), {}), ((51, 35), {"k": 0}),
                                          ((51, 35), {"max_km": -1})])
def test_nearest_rejects_bad_arguments(gaz, args, kwargs):
    with pytest.raises(InvalidArgument):
        nearest(gaz, *args, **kwargs)


def test_geopy_reverse_contract():
    geo = GazetteerGeocoder()
    loc = geo.reverse((50.2908, 36.9411))
    assert loc.raw["place"].name == "Vovchansk" and loc.raw["distance_km"] < 1
    assert geo.reverse("50.2908, 36.9411").address == loc.address
    many = geo.reverse((50.2908, 36.9411), exactly_one=False, limit=3)
    assert len(many) == 3 and many[0].address == loc.address
    assert geo.reverse((0.0, 0.0), max_km=50) is None
    with pytest.raises(InvalidArgument):
        geo.reverse("not a point")


def test_geopandas_reverse_geocode():
    points = [shapely.Point(35.27056, 51.19139), shapely.Point(36.4209, 50.2092)]
    gdf = geopandas.tools.reverse_geocode(points, provider=GazetteerGeocoder)
    assert list(gdf["address"].str.split(" ").str[0]) == ["Sudzha", "Lyptsi"]
    assert gdf.geometry.iloc[0].distance(points[0]) < 0.01
