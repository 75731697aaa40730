import pytest

import geoclaims
from geoclaims import AmbiguousPlace, Place
from geoclaims.geocoding import GEOCODE_COLUMNS


def test_geocode_berdin_from_the_top_level():
    p = geoclaims.geocode("Berdin")
    assert isinstance(p, Place) and p.name == "Berdin" and p.admin1 == "Kursk Oblast"


def test_geocode_none_when_nothing_matches():
    assert geoclaims.geocode("Zzyzxqwv") is None


def test_geocode_raises_on_ambiguity_with_candidates():
    with pytest.raises(AmbiguousPlace) as err:
        geoclaims.geocode("Martynovka")
    assert isinstance(err.value, LookupError)
    assert {m.place.country for m in err.value.candidates} >= {"RU", "UA"}
    assert "region=" in str(err.value)
    assert geoclaims.geocode("Martynovka", on_ambiguous="first") is not None
    assert geoclaims.geocode("Martynovka", region="Kursk Oblast").admin2 == "Sudzhansky"
    with pytest.raises(ValueError, match="on_ambiguous"):
        geoclaims.geocode("Sudzha", on_ambiguous="guess")


def test_geocode_unlocated_place_is_returned_without_point():
    p = geoclaims.geocode("Kolmakov")
    assert p is not None and p.lat is None and not p.is_located


def test_geocode_all_keeps_every_row_in_order():
    names = ["Sudzha", "Nowhere-qqq", "Kolmakov", "Sudzha", "Бердин"]
    gdf = geoclaims.geocode_all(names)
    assert list(gdf["query"]) == names
    assert list(gdf.columns) == [*GEOCODE_COLUMNS, "geometry"]
    assert gdf.crs.to_epsg() == 4326
    assert gdf["place_id"].isna().tolist() == [False, True, False, False, False]
    missing = gdf.iloc[1]
    assert missing.geometry is None or missing.geometry.is_empty
    assert "no place matches" in missing["note"]
    unlocated = gdf.iloc[2]
    assert (unlocated.geometry is None or unlocated.geometry.is_empty) and "no coordinates" in unlocated["note"]
    assert gdf.iloc[4]["name"] == "Berdin" and gdf.iloc[4]["reason"] == "alias"


def test_geocode_all_mutual_proximity():
    gdf = geoclaims.geocode_all(["Sudzha", "Berdin", "Martynovka"])
    row = gdf.iloc[2]
    assert row["admin1"] == "Kursk Oblast" and not row["ambiguous"]
    assert "proximity" in row["note"]
    # without mutual proximity the same name stays flagged
    alone = geoclaims.geocode_all(["Sudzha", "Berdin", "Martynovka"], mutual=False)
    assert bool(alone.iloc[2]["ambiguous"])
    assert "theatre:martynovka" in alone.iloc[2]["candidates"] or alone.iloc[2]["place_id"] == "theatre:martynovka"


def test_geocode_all_rejects_non_strings():
    with pytest.raises(TypeError, match="strings"):
        geoclaims.geocode_all(["Sudzha", None])
