import warnings

import pytest

from geoclaims import AmbiguousPlaceWarning, GazetteerGeocoder


def test_geopy_contract():
    from geopy.location import Location

    g = GazetteerGeocoder()
    loc = g.geocode("Sudzha")
    assert isinstance(loc, Location)
    assert loc.raw["place"].name == "Sudzha" and loc.raw["reason"] == "exact"
    assert (round(loc.latitude, 3), round(loc.longitude, 3)) == (51.191, 35.271)
    assert g.geocode("Zzyzxqwv") is None
    many = g.geocode("Martynovka", exactly_one=False, limit=3)
    assert isinstance(many, list) and 1 <= len(many) <= 3


def test_ambiguous_query_warns_and_returns_best():
    with pytest.warns(AmbiguousPlaceWarning, match="Martynovka"):
        loc = GazetteerGeocoder().geocode("Martynovka")
    assert loc is not None and loc.raw["ambiguous"]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        loc = GazetteerGeocoder(region="Kursk Oblast").geocode("Martynovka")
    assert loc.raw["place"].admin2 == "Sudzhansky"


def test_unlocated_place_gives_none_with_a_warning():
    with pytest.warns(UserWarning, match="no coordinates"):
        assert GazetteerGeocoder().geocode("Kolmakov") is None


def test_geopandas_tools_geocode():
    import geopandas

    gdf = geopandas.tools.geocode(["Sudzha", "Berdin", "Zzyzxqwv"], provider=GazetteerGeocoder)
    assert len(gdf) == 3 and gdf.crs.to_epsg() == 4326
    assert gdf.geometry.iloc[0].y == pytest.approx(51.19139)
    assert gdf.geometry.iloc[2] is None or gdf.geometry.iloc[2].is_empty
    assert gdf["address"].iloc[1].startswith("Berdin")


def test_rate_limiter_works_unchanged():
    from geopy.extra.rate_limiter import RateLimiter

    geocode = RateLimiter(GazetteerGeocoder().geocode, min_delay_seconds=0)
    assert geocode("Руське Поріччя").raw["name"] == "Russkoye Porechnoye"


def test_bad_min_score():
    with pytest.raises(ValueError, match="min_score"):
        GazetteerGeocoder(min_score=2)


def test_guesses_warn_or_raise_under_strict():
    from geoclaims import UncertainMatch, UncertainMatchWarning

    with pytest.warns(UncertainMatchWarning, match="Robotinne"):
        loc = GazetteerGeocoder().geocode("Robotinne")
    assert loc.raw["uncertain"] and loc.raw["place"].name == "Robotyne"
    with pytest.raises(UncertainMatch):
        GazetteerGeocoder(strict=True).geocode("Robotinne")
    assert GazetteerGeocoder(strict=True).geocode("Robotyne").raw["uncertain"] is False
