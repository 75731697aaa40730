"""Landmarks named after their town, in the words of many languages' press (geoclaims.places.landmarks)."""

import pytest

from geoclaims import Gazetteer
from geoclaims.places.landmarks import KIND_WORDS, landmark_key, landmark_readings


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


@pytest.mark.parametrize("text, expected", [
    ("Donetsk airport", "landmark:donetsk-airport"),                            # a stored name
    ("aeroporto di Donetsk", "landmark:donetsk-airport"),                       # Italian
    ("aeropuerto internacional de Prokofiev en Donetsk", "landmark:donetsk-airport"),  # Spanish, a person's name
    ("донецким аэропортом", "landmark:donetsk-airport"),                        # Russian adjective, instrumental
    ("Аеропорт Донецьк", "landmark:donetsk-airport"),                           # Ukrainian
    ("Flughafen von Lugansk", "landmark:luhansk-airport"),                      # German, Russian town name
    ("луганский аэропорт", "landmark:luhansk-airport"),
    ("Luhanskas lidostu", "landmark:luhansk-airport"),                          # Latvian genitive + accusative
    ("lotnisko w Hostomelu", "landmark:hostomel-airport"),                      # Polish locative
    ("Saky air base", "landmark:saky-airbase"),                                 # an airbase
    ("Саур-Могилу", "landmark:savur-mohyla"),                                   # a hill, in a case form
    ("Azovstal", "landmark:azovstal"),
])
def test_a_landmark_is_found_in_the_press_s_words(gaz, text, expected):
    r = gaz.resolve(text)
    assert r.best is not None and r.best.place.id == expected and not r.best.uncertain, (r.best, r.competitors)


def test_only_a_landmark_the_table_has_is_found_never_the_town(gaz):
    """No airport of Sudzha is known: the phrase matches nothing certain rather than the town."""
    assert landmark_readings(gaz, "the airport of Sudzha") == []
    r = gaz.resolve("the airport of Sudzha")
    assert r.best is None or r.best.uncertain or r.best.place.id != "theatre:sudzha"


def test_a_phrase_with_no_landmark_word_is_no_landmark(gaz):
    assert landmark_readings(gaz, "Donetsk") == []
    assert landmark_readings(gaz, "Nova Kakhovka") == []
    assert landmark_readings(gaz, "airport") == []  # a kind with no town


def test_every_kind_word_is_a_folded_stem():
    from geoclaims.places.names import fold

    for kind, stems in KIND_WORDS.items():
        assert stems and all(fold(s) == s for s in stems), kind
    assert landmark_key("Donetsk", "airport") == "Donetsk airport"


def test_landmarks_are_places_with_a_kind_and_a_source(gaz):
    marks = [p for p in gaz.places if p.id.startswith("landmark:")]
    assert len(marks) >= 30
    assert all(p.is_located and p.kind and len(p.sources) >= 2 for p in marks)
    airports = [p for p in marks if p.kind in ("airport", "airbase")]
    # each airport goes by "<its town, as the gazetteer spells it> airport"
    assert all(any(a.endswith((" airport", " airbase")) for a in p.aliases) for p in airports)
