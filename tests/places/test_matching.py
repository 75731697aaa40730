"""Candidates for a name: the tiers of the name index, the context test, "did you mean"."""

import pytest

from geoclaims.places.matching import MAX_NAME_CHARS, candidates, suggest


def _found(gaz, name, keep=None):
    """{place name: (score, reason)} of the candidates."""
    return {gaz._places[i].name: (score, reason) for i, score, reason, _ in candidates(gaz, name, keep)}


def test_a_stored_name_stops_the_search():
    """A name that is a stored alias gets no skeleton or fuzzy look-alikes beside it."""
    from geoclaims import Gazetteer

    found = _found(Gazetteer.default(), "Kharkov")
    assert found == {"Kharkiv": (0.97, "alias")}


@pytest.mark.parametrize("name, place, reason", [
    ("Kurchatovv", "Kurchatov", "skeleton"),  # a doubled letter no romanisation system writes
    ("Kurchatow", "Kurchatov", "transliteration"),  # English ch, German w: two systems' letters, each a rule
    ("Suddzha", "Sudzha", "skeleton"),        # a doubled letter
    ("Bakmut", "Bakhmut", "fuzzy"),           # a dropped letter
    ("під Суджею", "Sudzha", "declension"),   # a Ukrainian case form
])
def test_weaker_tiers_when_no_stored_name_matches(gaz, name, place, reason):
    found = _found(gaz, name)
    best = max(found, key=lambda n: found[n][0])
    assert best == place and found[best][1] == reason
    assert all(score < 0.95 for score, _ in found.values())  # below every stored name or romanisation


def test_the_context_test_keeps_only_the_places_it_accepts(gaz):
    everywhere = candidates(gaz, "Martynovka", None)
    in_russia = candidates(gaz, "Martynovka", lambda p: p.country == "RU")
    assert in_russia and len(in_russia) < len(everywhere)
    assert {gaz._places[i].country for i, *_ in in_russia} == {"RU"}


def test_overlong_input_matches_nothing_and_suggestions_stay_bounded(gaz):
    assert candidates(gaz, "Sudzha" * 60, None) == []
    assert candidates(gaz, "x" * (MAX_NAME_CHARS * 2 + 1), None) == []
    assert [m.place.name for m in suggest(gaz, "Sudzha" + "x" * 10_000, limit=1)]  # looks at the first letters


def test_suggestions_name_a_stored_spelling(gaz):
    """A word of a longer name counts fully; each suggestion says which of the place's names it matched."""
    ms = suggest(gaz, "Porechnoe", limit=2)
    assert sorted(m.place.name for m in ms) == ["Cherkasskoye Porechnoye", "Russkoye Porechnoye"]
    assert all(m.reason == "fuzzy" and m.score == 1.0 and m.matched_name in (m.place.name, *m.place.aliases)
               for m in ms)
    assert suggest(gaz, "  -- ") == []


@pytest.mark.parametrize("written, stored", [("Staro Mykhailivka", "Staromykhailivka")])
def test_a_compound_written_apart_finds_the_name_stored_as_one_word(gaz, written, stored):
    m = gaz.resolve(written).best
    assert m is not None and m.place.name == stored and not m.uncertain


def test_a_name_with_another_in_brackets():
    from geoclaims import Gazetteer

    gaz = Gazetteer.default()
    # the name and its former one: the place both name
    r = gaz.resolve("Sichneve (Yanvarske)")
    assert (r.best.place.name, r.best.place.admin1, r.best.uncertain, r.ambiguous) == (
        "Sichneve", "Dnipropetrovsk Oblast", False, False)
    # a region in brackets keeps the name's places in it
    r = gaz.resolve("Stepove (Zaporizhzhia region)")
    assert {m.place.admin1 for m in (r.best, *r.competitors)} == {"Zaporizhzhia Oblast"} and not r.best.uncertain
    # words the gazetteer does not know leave the name's own places
    assert {m.place.name for m in gaz.resolve("Kalynove (near Bakhmut)", region="Donetsk Oblast").matches} == {"Kalynove"}
    # a bracket alone is never taken for the name: it may say where the place is
    r = gaz.resolve("Qqqzx (Sudzha)")
    assert r.best is None or r.best.uncertain


def test_a_slip_is_still_guessed_right_among_many_press_spellings(gaz):
    # "Луугино" (fronts4, a slip for Лутугино): every press system's spellings add skeletons, and with only the 15
    # nearest weighed the Hungarian ones pushed Lutuhyne out; its guess must stay Lutuhyne, flagged
    m = gaz.resolve("Луугино").best
    assert m is not None and m.place.name == "Lutuhyne" and m.uncertain
