"""The core of a district weighs a known but unlocated village when a name is settled by proximity."""

import pytest

from geoclaims.places.districts import MIN_PLACES, DistrictCores
from geoclaims.places.gazetteer import Gazetteer, haversine_km
from geoclaims.places.place import Place


def _village(pid, admin2, lat=None, lon=None, name=None, admin1="Donetsk Oblast"):
    return Place(id=pid, name=name or pid, lat=lat, lon=lon, uncertainty_km=1.0 if lat is not None else None,
                 country="UA", admin1=admin1, admin2=admin2)


def test_core_is_the_median_of_the_located_places_of_the_district():
    places = [_village("a", "East", 48.0, 37.0), _village("b", "East", 48.2, 37.2), _village("c", "East", 48.1, 37.1),
              _village("d", "East", 49.9, 39.9),  # one far row moves a mean, not the median
              _village("u", "East"), _village("w", "West", 47.0, 35.0)]
    cores = DistrictCores(places)
    core = cores.core("UA", "Donetsk Oblast", "East")
    assert (core.lat, core.lon, core.places) == (pytest.approx(48.15), pytest.approx(37.15), 4)
    dists = sorted(haversine_km((48.15, 37.15), (p.lat, p.lon)) for p in places[:4])
    assert core.radius_km == pytest.approx((dists[1] + dists[2]) / 2)  # the median distance from the core
    assert cores.core("UA", "Donetsk Oblast", "West") is None  # fewer than MIN_PLACES located places
    assert MIN_PLACES == 3 and len(cores) == 1


def test_rough_position_is_the_place_itself_or_its_district_core():
    places = [_village(c, "East", 48.0 + i / 10, 37.0) for i, c in enumerate("abc")] + [_village("u", "East"),
                                                                                        _village("v", "")]
    cores = DistrictCores(places)
    assert cores.rough_position(places[0]) == (48.0, 37.0)
    assert cores.rough_position(places[3]) == pytest.approx((48.1, 37.0))
    assert cores.rough_position(places[4]) is None  # no district: nothing to go by


def test_cores_are_computed_once_per_gazetteer():
    gaz = Gazetteer([_village(c, "East", 48.0, 37.0 + i / 10) for i, c in enumerate("abc")])
    assert DistrictCores.of(gaz) is DistrictCores.of(gaz)
    assert DistrictCores.of(Gazetteer.default()).core("UA", "Donetsk Oblast", "Pokrovskiy") is not None


@pytest.mark.parametrize("text, region", [
    ("Дергачевского района", "Kharkiv Oblast"), ("Изюмщине", "Kharkiv Oblast"), ("Kupiansk raion", "Kharkiv Oblast"),
    ("Суджанского района", "Kursk Oblast"), ("Sudzhansky district", "Kursk Oblast"),
])
def test_a_district_named_in_any_spelling_gives_its_region(text, region):
    assert DistrictCores.of(Gazetteer.default()).regions_of(text) == [region]


def test_district_keys_ignore_the_word_district_and_the_adjective_ending():
    from geoclaims.places.districts import district_key

    assert district_key("Дергачевского района") == district_key("Derhachivskyi")
    assert district_key("Bakhmut raion") == district_key("Bahmutskiy")
    assert district_key("raion") == ""


@pytest.mark.parametrize("text, regions", [
    ("Куп'янському районі", ["Kharkiv Oblast"]),        # the Ukrainian locative: у Куп'янському районі
    ("v okrese Pokrovsk", ["Dnipropetrovsk Oblast", "Donetsk Oblast"]),  # Slovak "in the district of"
])
def test_districts_in_more_cases_and_languages(text, regions):
    from geoclaims import Gazetteer
    from geoclaims.places.districts import DistrictCores

    assert DistrictCores.of(Gazetteer.default()).regions_of(text) == regions
