"""The compressed name index: entries per key, keys per place, skeletons on demand."""

import pytest

from geoclaims.places.name_index import NameIndex, build_name_rows
from geoclaims.places.place import Place


def test_rows_round_trip_and_lookups():
    rows = [("sudzha", 0, 0), ("суджа", 0, 5), ("sudzha", 1, 6), ("berdin", 2, 0)]
    idx = NameIndex.from_rows(rows)
    assert sorted(idx.rows()) == sorted(rows) and len(idx) == 4
    assert idx.entries("sudzha") == [(0, 0), (1, 6)] and idx.entries("nowhere") == [] and idx.entries("") == []
    assert idx.keys_of_place(0) == ["sudzha", "суджа"] and idx.keys_of_place(9) == []
    assert idx.skeleton_index()[idx.skeletons[idx.keys.index("berdin")]] == [2]


def test_skeletons_given_as_text_are_split_on_first_use():
    idx = NameIndex.from_rows([("a", 0, 0), ("b", 1, 0)])
    lazy = NameIndex(idx.keys, idx.offsets, idx.places, idx.codes, "x\ny")
    assert lazy.skeletons == ["x", "y"]


def test_name_rows_carry_cognates_of_the_places_own_language():
    ua = Place(id="t:1", name="Starytsia", aliases=("Стариця",), country="UA")
    ru = Place(id="t:2", name="Sverdlikovo", aliases=("Свердликово",), country="RU", admin1="Kursk Oblast")
    keys = {k: c for k, _, c in build_name_rows([ua, ru])}
    assert keys["starytsia"] == 0 and keys["staritsa"] in (8, 9)  # the Russian form of the Ukrainian name
    assert keys["sverdlykove"] == 8  # the Ukrainian form of the Russian name, romanised (KMU)
    far = Place(id="t:3", name="Krasnoarmeyskaya", aliases=("Красноармейская",), country="RU", admin1="Krasnodar Krai")
    assert not any(c in (8, 9) for _, _, c in build_name_rows([far]))  # no cognates far from the border


@pytest.mark.parametrize("written, region, expected", [
    ("Новопетровское", "Dnipropetrovsk Oblast", "theatre:ternove-velykomykhailivka"),  # Russian form of Новопетрівське
    ("Lastochkyne", "Donetsk Oblast", "theatre:krynychne-ocheretyne-hromada"),  # renamed Krynychne in 2024
])
def test_a_renamed_village_is_found_by_its_former_name_and_that_names_russian_form(gaz, written, region, expected):
    m = gaz.resolve(written, region=[region]).best
    assert m is not None and m.place.id == expected and not m.uncertain


def test_the_russian_form_of_a_former_name_is_indexed():
    p = Place(id="t:1", name="Ternove", aliases=("Тернове", "Терновое", "Новопетрівське"), lat=48.0, lon=36.6,
              uncertainty_km=1.0, country="UA", admin1="Dnipropetrovsk Oblast", former_names=("Новопетрівське",))
    from geoclaims.places.names import fold

    keys = {k for k, _, _ in build_name_rows([p])}
    assert fold("Новопетровское") in keys and fold("Novopetrovskoye") in keys
