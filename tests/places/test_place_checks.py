"""Places far from their region or from the rest of their file are found and explained."""

from geoclaims import Gazetteer
from geoclaims.places.place import Place
from geoclaims.places.place_checks import file_outliers, outside_region


def test_outside_region(gaz):
    kursk = gaz.resolve("Sudzha").best.place
    from geoclaims.places.regions import RegionTable

    kursk_oblast = RegionTable.default().resolve("Kursk Oblast")
    assert outside_region(gaz, kursk, kursk_oblast) is None
    swapped = Place(id="u:1", name="X", lat=35.27, lon=51.19, uncertainty_km=0.5)
    assert "lies outside Kursk Oblast" in outside_region(gaz, swapped, kursk_oblast)
    assert outside_region(gaz, Place(id="u:2", name="Y"), kursk_oblast) is None  # unlocated: nothing to check


def test_file_outliers_need_three_places_and_honour_exemptions():
    def p(i, lat, lon):
        return Place(id=f"p:{i}", name=f"P{i}", lat=lat, lon=lon, uncertainty_km=1, country="RU")

    near = {1: p(1, 51.19, 35.27), 2: p(2, 51.29, 35.44), 3: p(3, 51.33, 35.23)}
    far = p(4, 53.6, 25.8)
    assert file_outliers({1: near[1], 4: far}) == {}  # two places: no notion of "the rest"
    found = file_outliers({**near, 4: far})
    assert list(found) == [4] and "from every other place of this file" in found[4]
    from geoclaims.places.place_checks import FarPlaceWarning
    import pytest

    with pytest.warns(FarPlaceWarning, match="P4"):  # a region vouches for it: warned about, not refused
        assert file_outliers({**near, 4: far}, exempt=[4]) == {}


def test_a_place_with_no_position_is_checked_from_its_district():
    from geoclaims.places.place_checks import unplaced_outliers

    def p(i, lat, lon):
        return Place(id=f"p:{i}", name=f"P{i}", lat=lat, lon=lon, uncertainty_km=1, country="UA")

    near = {1: p(1, 48.59, 38.0), 2: p(2, 48.52, 37.96), 3: p(3, 48.45, 37.85)}  # the Bakhmut front
    kursk = Place(id="u:k", name="Barkovka", country="RU", admin1="Kursk Oblast", admin2="Timsky")
    donetsk = Place(id="u:d", name="Berkhivka", country="UA", admin1="Donetsk Oblast", admin2="Bahmutskiy")
    found = unplaced_outliers({4: (kursk, (51.63, 37.11)), 5: (donetsk, (48.6, 38.0))}, near)
    assert list(found) == [4] and "has no position of its own" in found[4] and "Kursk Oblast" in found[4]
    assert unplaced_outliers({4: (kursk, (51.63, 37.11))}, near, exempt=[4]) == {}  # a region vouches for it
    assert unplaced_outliers({4: (kursk, (51.63, 37.11))}, {1: near[1], 2: near[2]}) == {}  # too few places


def test_a_claims_row_naming_an_unplaced_namesake_far_off_is_a_problem(tmp_path):
    from geoclaims import read_claims

    rows = ["claim_id,date,claimant,claimant_side,side,action,place,region,status"]
    rows += [f"A{i},2025-06-01,ISW,neutral,RU,advance,{n},,assessed"
             for i, n in enumerate(["Kostiantynivka", "Druzhkivka", "Kramatorsk", "Bakhmut"])]
    rows.append("B1,2025-06-02,ISW,neutral,RU,advance,Ботогово,,assessed")  # a Bryansk village with no position
    path = tmp_path / "claims.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    cs = read_claims(path, on_error="collect")
    assert [p.value for p in cs.problems] == ["Ботогово"] and "no position of its own" in cs.problems[0].message
    vouched = path.read_text(encoding="utf-8").replace("Ботогово,,", "Ботогово,Bryansk Oblast,")
    path.write_text(vouched, encoding="utf-8")
    cs = read_claims(path, on_error="collect")
    assert not cs.problems and cs.claims[-1].place.admin1 == "Bryansk Oblast" and not cs.claims[-1].place.is_located


def _claims_frame(rows):
    import pandas as pd

    cols = ["claim_id", "date", "claimant", "claimant_side", "side", "action", "place", "place_id", "region", "status"]
    return pd.DataFrame([dict(zip(cols, r)) for r in rows])


LYPTSI_AXIS = ["Lyptsi", "Hlyboke", "Strilecha", "Krasne", "Morokhovets", "Oliinykove", "Borysivka"]


def test_a_far_namesake_of_the_region_is_flagged_not_silent():
    """Zelene near Kharkiv, 18 km from the Lyptsi villages a file is about, is what a missing Zelene of Lyptsi
    hromada used to become silently; given anyway, it is kept but warned about."""
    import pytest

    from geoclaims import read_claims
    from geoclaims.places.place_checks import FarPlaceWarning

    rows = [(f"H{i}", "2024-05-10", "DeepState", "UA", "RU", "capture", n, "", "Kharkiv Oblast", "assessed")
            for i, n in enumerate(LYPTSI_AXIS)]
    rows.append(("Z", "2024-05-12", "DeepState", "UA", "RU", "capture", "Zelene", "postal:ua:62477:zelene",
                 "Kharkiv Oblast", "assessed"))
    with pytest.warns(FarPlaceWarning, match=r"Zelene .* km from every other place"):
        cs = read_claims(_claims_frame(rows))
    assert len(cs) == len(rows) and not cs.problems  # nothing lost
    # named without an id, Zelene is the village of Lyptsi hromada, among the others
    rows[-1] = rows[-1][:7] + ("",) + rows[-1][8:]
    cs = read_claims(_claims_frame(rows))
    assert cs[len(rows) - 1].place.id == "theatre:zelene-lyptsi-hromada"


def test_a_clustered_file_warns_about_nothing():
    import warnings

    from geoclaims import read_claims

    rows = [(f"H{i}", "2024-05-10", "DeepState", "UA", "RU", "capture", n, "", "Kharkiv Oblast", "assessed")
            for i, n in enumerate(LYPTSI_AXIS)]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_claims(_claims_frame(rows))


def test_a_village_far_from_the_other_places_of_its_statement_is_an_outlier_of_it():
    from geoclaims.places.place_checks import statement_outliers

    gaz = Gazetteer.default()
    p = {n: gaz.resolve(n).best.place for n in ("Horlivka", "Alchevsk", "Berdin", "Sudzha", "Donetsk", "Luhansk")}
    rows = {1: ("'S1'", p["Horlivka"]), 2: ("'S1'", p["Alchevsk"]), 3: ("'S1'", p["Berdin"]),
            4: ("S2", p["Horlivka"]), 5: ("S2", p["Berdin"]),                           # two places: which is wrong?
            6: ("S3", p["Donetsk"]), 7: ("S3", p["Luhansk"]), 8: ("S3", p["Sudzha"]),  # Sudzha: a town of 6,000
            9: ("S4", p["Horlivka"]), 10: ("S4", p["Alchevsk"]), 11: ("S4", p["Berdin"])}
    out = statement_outliers(rows, exempt=[11])
    assert set(out) == {3, 8}
    message, others = out[3]
    assert "its statement 'S1'" in message and {q.name for q in others} == {"Horlivka", "Alchevsk"}


def test_a_city_is_never_an_outlier_of_its_statement():
    from geoclaims.places.place_checks import statement_outliers

    gaz = Gazetteer.default()
    rows = {i: ("S1", gaz.resolve(n).best.place) for i, n in enumerate(["Horlivka", "Alchevsk", "Kharkiv"])}
    assert statement_outliers(rows) == {}  # Kharkiv, a city of a million, 250 km off: statements name such cities together
