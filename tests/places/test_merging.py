"""Merging gazetteers: incoming places win on equal ids; unlocated places are located only when unambiguous."""

from dataclasses import replace

from geoclaims import Gazetteer, Place
from geoclaims.places.merging import locate_from


def _unlocated():
    return Place("ours:1", "Testovka", aliases=("Тестовка",), country="RU", admin1="Kursk Oblast")


def _theirs(pid, lat, **kw):
    return Place(pid, "Testovka", lat=lat, lon=35.0, uncertainty_km=1.0, country="RU", admin1="Kursk Oblast",
                 sources=("theirs",), **kw)


def test_one_namesake_in_the_same_region_locates_a_place():
    (ours, q), = locate_from([_unlocated()], [_theirs("t:1", 51.0)]).items()
    assert q.id == "t:1" and ours.id == "ours:1" and ours.latlon == (51.0, 35.0)
    assert ours.sources == ("theirs",) and "located by t:1" in ours.location_note


def test_several_namesakes_or_another_region_guess_nothing():
    assert locate_from([_unlocated()], [_theirs("t:1", 51.0), _theirs("t:2", 51.5)]) == {}
    assert locate_from([_unlocated()], [replace(_theirs("t:1", 51.0), admin1="Belgorod Oblast")]) == {}


def test_merge_keeps_one_place_per_id_and_finds_every_name():
    base = Gazetteer([_unlocated(), Place("ours:2", "Probnoye", lat=50.0, lon=36.0, uncertainty_km=1.0)])
    merged = base.merge([_theirs("t:1", 51.0), Place("ours:2", "Probnoye", lat=50.1, lon=36.1, uncertainty_km=0.5)])
    assert sorted(p.id for p in merged) == ["ours:1", "ours:2"]  # t:1 became ours:1, ours:2 was replaced
    assert merged.get("ours:2").lat == 50.1 and merged.lookup("Тестовка")[0].place.is_located
    kept = base.merge([_theirs("t:1", 51.0)], locate_unlocated=False)
    assert sorted(p.id for p in kept) == ["ours:1", "ours:2", "t:1"]
    assert not base.get("ours:1").is_located  # the original is untouched


def test_disjoint_gazetteers_merge_without_reindexing_and_find_the_same():
    a = Gazetteer([Place("a:1", "Probnoye", aliases=("Пробное",), lat=50.0, lon=36.0, uncertainty_km=1.0)])
    b = Gazetteer([Place("b:1", "Testovo", aliases=("Тестово",), lat=51.0, lon=35.0, uncertainty_km=1.0)])
    merged = a.merge(b)
    rebuilt = Gazetteer([*a.places, *b.places])
    assert sorted(merged._index.rows()) == sorted(rebuilt._index.rows())
    assert merged.lookup("Testovo")[0].place.id == "b:1" and merged.lookup("Пробное")[0].place.id == "a:1"
