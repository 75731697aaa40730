"""The gazetteer file: round trip, lazy places, and clear errors for damaged files."""

import gzip

import pytest

from geoclaims import Gazetteer, GazetteerDataError, Place
from geoclaims.places.gazetteer_io import read_gazetteer_file


def small():
    return Gazetteer([
        Place(id="t:1", name="Testovo", aliases=("Тестово",), lat=51.0, lon=35.0, uncertainty_km=1.0, country="RU",
              admin1="Kursk Oblast", sources=("test",)),
        Place(id="t:2", name="Probne", country="UA", admin1="Sumy Oblast", location_note="known but unlocated"),
    ])


def test_round_trip_is_lazy_and_equal(tmp_path):
    g = small()
    g.write(tmp_path / "g.json.gz", meta={"counts": {"places": 2}})
    places, index, meta = read_gazetteer_file(tmp_path / "g.json.gz")
    assert meta == {"counts": {"places": 2}} and places.ids == ["t:1", "t:2"]
    assert list.__getitem__(places, 0) is None  # not decoded until touched
    assert list(places) == list(g.places) and sorted(index.rows()) == sorted(g._index.rows())
    back = Gazetteer.read(tmp_path / "g.json.gz")
    assert back.lookup("Тестово")[0].place.id == "t:1" and back.lookup("Testtovo")[0].reason in ("skeleton", "fuzzy")


def test_writes_are_deterministic(tmp_path):
    small().write(tmp_path / "a.json.gz")
    small().write(tmp_path / "b.json.gz")
    assert (tmp_path / "a.json.gz").read_bytes() == (tmp_path / "b.json.gz").read_bytes()


@pytest.mark.parametrize("damage", ["truncate", "bad place"])
def test_damaged_files_are_clear_errors(tmp_path, damage):
    small().write(tmp_path / "g.json.gz")
    lines = gzip.decompress((tmp_path / "g.json.gz").read_bytes()).decode().split("\n")
    if damage == "truncate":
        lines = lines[:4]
        match = "truncated or malformed"
    else:
        lines[3] = '["Testovo"'
        match = "place 't:1' is malformed"
    (tmp_path / "bad.json.gz").write_bytes(gzip.compress("\n".join(lines).encode()))
    with pytest.raises(GazetteerDataError, match=match):
        g = Gazetteer.read(tmp_path / "bad.json.gz")
        list(g.places)
