"""GeoNames postal rows become one place per settlement; guessed positions are never used."""

import gzip

import pytest

from geoclaims import GazetteerDataError
from geoclaims.places.postal import parse_postal_text, postal_places, read_postal_rows

from tests.conftest import DATA

SAMPLE = DATA / "geonames-postal-sample.txt"


@pytest.fixture(scope="module")
def result():
    return postal_places(read_postal_rows(SAMPLE))


def by_name(places, name):
    return [p for p in places if p.name == name]


def test_a_towns_post_offices_are_one_place(result):
    places, _ = result
    (vovchansk,) = by_name(places, "Vovchansk")
    assert vovchansk.latlon == (50.2908, 36.9411) and vovchansk.admin1 == "Kharkiv Oblast"
    assert "62500 62501 62502" in vovchansk.sources[0] and "CC BY" in vovchansk.sources[0]
    (sudzha,) = by_name(places, "Sudzha")  # "Суджа 1" is an office of Sudzha, not a second place
    assert sudzha.latlon == (51.19, 35.27) and sudzha.admin2 == "Sudzhansky" and "307801" in sudzha.sources[0]


def test_averaged_positions_are_never_used(result):
    places, report = result
    (vilcha,) = by_name(places, "Vilcha")
    assert not vilcha.is_located and "accuracy 1" in vilcha.location_note
    zamulivka = by_name(places, "Zamulivka")
    assert len(zamulivka) == 2 and not any(p.is_located for p in zamulivka)  # two councils: two villages
    assert {p.location_note.split("; ")[-1] for p in zamulivka} == {"Рубіжненська сільрада", "Білоколодязька сільрада"}


def test_wrong_namesakes_are_demoted_with_the_reason():
    def inside(p):  # Kharkiv Oblast's rough box, as a stand-in for the oblast outline the build uses
        return p.admin1 != "Kharkiv Oblast" or (49.0 <= p.lat <= 50.5 and 34.9 <= p.lon <= 38.5)

    places, report = postal_places(read_postal_rows(SAMPLE), region_check=inside)
    (bairak,) = by_name(places, "Bairak")
    assert not bairak.is_located and "from the core of Vovchanskyi district" in bairak.location_note
    (hrafske,) = by_name(places, "Hrafske")
    assert not hrafske.is_located and "outside Kharkiv Oblast" in hrafske.location_note
    assert len(report.demoted) == 2 and all("not located" in line for line in report.demoted)
    assert by_name(places, "Starytsia")[0].is_located  # its true villages stay located


def test_post_offices_that_are_not_places_are_dropped(result):
    places, report = result
    assert not [p for p in places if "Ufps" in p.name or "Уфпс" in p.aliases]
    assert report.not_places == ["Уфпс Курской Области (307899, Курская Область)"]


def test_regions_filter_and_ids(result):
    places, _ = postal_places(read_postal_rows(SAMPLE), regions=["Курская область"])
    assert {p.name for p in places} == {"Sudzha"}
    all_places, _ = result
    assert len({p.id for p in all_places}) == len(all_places)
    assert by_name(all_places, "Starytsia")[0].id == "postal:ua:62530:starytsia"


def test_gzipped_file_reads_the_same(tmp_path):
    gz = tmp_path / "UA.txt.gz"
    gz.write_bytes(gzip.compress(SAMPLE.read_bytes()))
    assert read_postal_rows(gz) == read_postal_rows(SAMPLE)


@pytest.mark.parametrize("text, message", [
    ("UA\t1\tX\n", "line 1: 3 columns"),
    ("UA\t1\tX\tA\t\tB\t\t\t\tnorth\t36.1\t4\n", "are not numbers"),
    ("UA\t1\tX\tA\t\tB\t\t\t\t95\t36.1\t4\n", "bad position"),
])
def test_malformed_rows_name_the_line(text, message):
    with pytest.raises(GazetteerDataError, match=message):
        parse_postal_text(text, "UA.txt")


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(GazetteerDataError, match="no such file"):
        read_postal_rows(tmp_path / "RU.txt")


def test_bundled_front_villages_come_from_the_postal_files(gaz):
    for name, region in [("Starytsia", "Kharkiv Oblast"), ("Hlyboke", "Kharkiv Oblast"), ("Robotyne", "Zaporizhzhia Oblast")]:
        m = gaz.resolve(name, region=region).best
        assert m.reason == "exact" and m.place.is_located, name
        assert any("GeoNames postal codes" in s for s in m.place.sources)
    sverdlikovo = gaz.get("theatre:sverdlikovo")  # the curated row, located by its postal twin
    assert sverdlikovo.is_located and "postal" in sverdlikovo.location_note
