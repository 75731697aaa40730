import pytest

import geoclaims
from geoclaims import AmbiguousPlace, Place
from geoclaims.places.gazetteer import Gazetteer
from geoclaims.places.geocoding import GEOCODE_COLUMNS, geocode_all


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


# -- guesses are flagged everywhere, and proximity never moves a name to one -------------------

def test_geocode_warns_on_a_guess_and_strict_raises():
    from geoclaims import UncertainMatch, UncertainMatchWarning

    with pytest.warns(UncertainMatchWarning, match="no certain match.*Robotyne"):
        p = geoclaims.geocode("Robotinne")
    assert p.name == "Robotyne"
    with pytest.raises(UncertainMatch) as e:
        geoclaims.geocode("Robotinne", strict=True)
    assert e.value.query == "Robotinne" and e.value.candidates[0].place.name == "Robotyne"
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert geoclaims.geocode("Robotyne", strict=True).admin1 == "Zaporizhzhia Oblast"  # a stored name: certain


def test_geocode_all_flags_guesses():
    gdf = geoclaims.geocode_all(["Robotinne", "Robotyne", "Nowhere-qqq"])
    assert list(gdf["uncertain"]) == [True, False, False]
    assert "a guess" in gdf["note"][0] and gdf["reason"][0] in ("skeleton", "fuzzy")


def test_a_guess_never_drags_other_names():
    # Rybotyn (Chernihiv Oblast) is a guess for "Robotyne-x"; Avdeevka is ambiguous (Donetsk, Chernihiv)
    gdf = geoclaims.geocode_all(["Avdeevka", "Robotynne", "Bakhmut", "Toretsk"])
    assert gdf["admin1"][0] == "Donetsk Oblast" and not gdf["uncertain"][0]


def test_settle_by_proximity_ignores_weaker_and_guessed_candidates():
    from geoclaims.places.gazetteer import Resolution
    from geoclaims.places.geocoding import settle_by_proximity
    from geoclaims.places.place import Match, Place

    near = Place(id="t:near", name="A", lat=50.0, lon=36.0, uncertainty_km=1)
    far = Place(id="t:far", name="A", lat=55.0, lon=30.0, uncertainty_km=1)
    anchor = Place(id="t:anchor", name="B", lat=50.05, lon=36.05, uncertainty_km=1)
    guess_anchor = Place(id="t:guess", name="C", lat=55.01, lon=30.01, uncertainty_km=1)
    a = Resolution("A", (Match(far, 1.0, "exact"), Match(near, 0.8, "skeleton")), True, (Match(near, 0.8, "skeleton"),))
    b = Resolution("B", (Match(anchor, 1.0, "exact"),), False)
    chosen = {"A": (a.best, True, ""), "B": (b.best, False, "")}
    settle_by_proximity({"A": a, "B": b}, chosen)
    assert chosen["A"][0].place.id == "t:far" and chosen["A"][1]  # never moved to the weaker guess
    a2 = Resolution("A", (Match(far, 1.0, "exact"), Match(near, 1.0, "exact")), True, (Match(near, 1.0, "exact"),))
    c = Resolution("C", (Match(guess_anchor, 0.8, "fuzzy"),), False)
    chosen = {"A": (a2.best, True, ""), "C": (c.best, False, "")}
    settle_by_proximity({"A": a2, "C": c}, chosen)
    assert chosen["A"][1], "a guess must not settle another name"
    chosen = {"A": (a2.best, True, ""), "B": (b.best, False, "")}
    settle_by_proximity({"A": a2, "B": b}, chosen)
    assert chosen["A"][0].place.id == "t:near" and not chosen["A"][1]


def _namesakes(name, *points):
    from geoclaims.places.gazetteer import Resolution
    from geoclaims.places.place import Match, Place

    ms = tuple(Match(Place(id=f"t:{name}{i}", name=name, lat=lat, lon=lon, uncertainty_km=1), 1.0, "exact")
               for i, (lat, lon) in enumerate(points))
    return Resolution(name, ms, True, ms[1:])


def test_settle_together_takes_the_one_choice_of_namesakes_that_lies_together():
    """Two names of one statement, each shared with a village far off: the pair 6 km apart is meant."""
    from geoclaims.places.geocoding import settle_together

    sloboda = _namesakes("Sloboda", (51.33, 31.37), (50.40, 33.80))
    lukashivka = _namesakes("Lukashivka", (51.39, 31.40), (49.20, 28.50))
    picks = settle_together([sloboda, lukashivka, lukashivka])  # a name may come twice ("Лукашівку")
    assert [p.id for p in picks] == ["t:Sloboda0", "t:Lukashivka0", "t:Lukashivka0"]
    # a certain place of the statement counts: here it lies by the other pair, which is then taken
    anchor = sloboda.best.place.__class__(id="t:anchor", name="X", lat=50.41, lon=33.81, uncertainty_km=1)
    far_pair = _namesakes("Lukashivka", (51.39, 31.40), (50.43, 33.84))
    assert [p.id for p in settle_together([sloboda, far_pair], [anchor])] == ["t:Sloboda1", "t:Lukashivka1"]


@pytest.mark.parametrize("points_a, points_b", [
    ([(51.33, 31.37), (50.40, 33.80)], [(51.39, 31.40), (50.45, 33.85)]),  # two pairs lie together: no choice
    ([(51.33, 31.37), (50.40, 33.80)], [(51.60, 31.40), (49.20, 28.50)]),  # the closest pair is 30 km apart
])
def test_settle_together_settles_nothing_it_cannot_tell_apart(points_a, points_b):
    from geoclaims.places.geocoding import settle_together

    assert settle_together([_namesakes("A", *points_a), _namesakes("B", *points_b)]) == [None, None]
    assert settle_together([_namesakes("A", *points_a)]) == [None]  # one name alone has nothing to go by


def test_geocode_all_says_where_a_name_lies_outside_the_region_given():
    gdf = geoclaims.geocode_all(["Robotyne", "Pylna"], region="Kharkiv Oblast")
    note = gdf.iloc[0]["note"]
    assert gdf["place_id"].isna().iloc[0]
    assert "within the country/region/area given" in note and "Zaporizhzhia Oblast" in note
    # with no context, nothing is "outside" anything
    assert geoclaims.geocode_all(["Nowhere-qqq"]).iloc[0]["note"] == "no place matches 'Nowhere-qqq' in the gazetteer"


def test_an_unlocated_namesake_competes_from_its_district_core():
    """Rodynske by Pokrovsk (located) and a Rodynske of a Zaporizhzhia district (known, no position):
    named with Pokrovsk and Myrnohrad, the name means the one by them."""
    from geoclaims.places.place import Place

    gdf = geocode_all(["Rodynske", "Pokrovsk", "Myrnohrad"])
    row = gdf.iloc[0]
    assert row["admin1"] == "Donetsk Oblast" and not row["ambiguous"] and row["lat"] is not None
    # and when the unlocated one is by the other names, the name is settled to it: known, not mapped
    east = [Place(id=f"e{i}", name=f"E{i}", lat=48.0 + i / 50, lon=37.0, uncertainty_km=1.0, country="UA",
                  admin1="Donetsk Oblast", admin2="East") for i in range(4)]
    west = [Place(id=f"w{i}", name=f"W{i}", lat=47.0 + i / 50, lon=35.0, uncertainty_km=1.0, country="UA",
                  admin1="Zaporizhzhia Oblast", admin2="West") for i in range(3)]
    twins = [Place(id="near", name="Twin", country="UA", admin1="Donetsk Oblast", admin2="East"),
             Place(id="far", name="Twin", lat=47.01, lon=35.01, uncertainty_km=1.0, country="UA",
                   admin1="Zaporizhzhia Oblast", admin2="West")]
    gaz = Gazetteer([*east, *west, *twins], romanize=False)
    gdf = geocode_all(["Twin", "E0", "E2"], gazetteer=gaz)
    row = gdf.iloc[0]
    assert row["place_id"] == "near" and not row["ambiguous"] and gdf.geometry.iloc[0] is None
    assert "core of its district" in row["note"]


def test_geocode_all_settles_a_name_among_all_its_certain_readings():
    """"Pavlovka" answers first with the Russian villages of that name; Pavlivka by Vuhledar (whose Russian
    name it is) ranks below them, and is the one named with Vuhledar and Marinka."""
    gdf = geoclaims.geocode_all(["Pavlovka", "Vuhledar", "Marinka"])
    row = gdf.iloc[0]
    assert (row["name"], row["admin1"], row["admin2"]) == ("Pavlivka", "Donetsk Oblast", "Marinskyi")
    assert not row["ambiguous"] and "readings of that name by proximity" in row["note"]
    assert (row["reason"], row["score"]) == ("cognate", 0.93)  # as it matched, not as it competed
    assert bool(geoclaims.geocode_all(["Pavlovka", "Vuhledar", "Marinka"], mutual=False)["ambiguous"][0])
    # a Russian village of the name near the others is still taken first, among the best matches
    gdf = geoclaims.geocode_all(["Pavlovka", "Kursk", "Oboyan"])
    assert (gdf["admin1"][0], gdf["admin2"][0]) == ("Kursk Oblast", "Oboyansky")
    assert "places of that name" in gdf["note"][0]
    # with no reading near the others the name stays ambiguous
    assert bool(geoclaims.geocode_all(["Pavlovka", "Minsk", "Barysaw"])["ambiguous"][0])
