"""Ranking candidates: the near= penalty, the order, ambiguity."""

import pytest

from geoclaims import Place
from geoclaims.places.distances import distance_km
from geoclaims.places.ranking import NEAR_PENALTY_MAX, Resolution, _near_adjusted, describe_candidates, resolve


@pytest.mark.parametrize("km, cost", [(20, 0.03), (300, 0.09), (3000, 0.15), (9000, 0.15)])
def test_near_penalty_grows_with_the_log_of_distance(km, cost):
    """The figures the module docstring promises (20 km costs 0.03, 300 km 0.09, 3,000 km and beyond 0.15)."""
    lon = km / 111.32  # a point about `km` east along the equator
    place = Place("x:1", "X", lat=0.0, lon=lon, uncertainty_km=0.1)
    score, dist = _near_adjusted(1.0, place, (0.0, 0.0))
    assert dist == pytest.approx(distance_km((0.0, 0.0), (0.0, lon)), abs=0.01) and dist == pytest.approx(km, rel=0.01)
    assert 1.0 - score == pytest.approx(cost, abs=0.005)


def test_an_unlocated_place_loses_half_the_penalty_and_has_no_distance():
    score, dist = _near_adjusted(0.97, Place("x:2", "Y"), (50.0, 36.0))
    assert dist is None and score == pytest.approx(0.97 - NEAR_PENALTY_MAX / 2)


def test_near_settles_an_ambiguous_name(gaz):
    plain = resolve(gaz, "Martynovka")
    assert plain.ambiguous and {m.place.country for m in (plain.best, *plain.competitors)} == {"RU", "UA"}
    near = resolve(gaz, "Martynovka", near=(51.2, 35.3))
    assert near.best.place.admin1 == "Kursk Oblast" and near.best.distance_km < 100
    scores = [m.score for m in near.matches]
    assert scores == sorted(scores, reverse=True)


def test_the_gazetteer_method_is_this_function(gaz):
    a, b = gaz.resolve("Martynovka", region="Kursk Oblast", limit=3), resolve(gaz, "Martynovka", region="Kursk Oblast", limit=3)
    assert isinstance(a, Resolution) and a == b


def test_candidates_described_for_error_messages(gaz):
    r = gaz.resolve("Martynovka")
    text = describe_candidates((r.best, *r.competitors))
    assert text.count(";") == len(r.competitors) and r.best.place.id in text and "exact 1.00" in text
