"""Regular Russian forms of Ukrainian names (and the reverse) match as certain 'cognate' matches."""

import pytest

from geoclaims.places.cognates import MAX_FORMS, cognate_spellings, cognates


@pytest.mark.parametrize("uk, ru", [
    ("Стариця", "Старица"), ("Плетенівка", "Плетеневка"), ("Зелене", "Зеленое"), ("Красне", "Красное"),
    ("Нескучне", "Нескучное"), ("Лук'янці", "Лукьянцы"), ("Пильна", "Пыльная"), ("Мороховець", "Мороховец"),
    ("Борисівка", "Борисовка"), ("Олександрівка", "Александровка"), ("Томашпіль", "Томашполь"),
])
def test_ukrainian_to_russian(uk, ru):
    assert ru in cognates(uk, "uk")


@pytest.mark.parametrize("ru, uk", [("Свердликово", "Свердликове"), ("Махновка", "Махнівка"), ("Александровка", "Олександрівка")])
def test_russian_to_ukrainian(ru, uk):
    assert uk in cognates(ru, "ru")


def test_bounded_and_latin_free():
    assert cognates("Sudzha") == ()
    assert all(len(cognates(n, "uk")) <= MAX_FORMS for n in ("Нижні Орішники", "Олійникове", "Велика Писарівка"))
    assert "Pletenevka" in cognate_spellings("Плетенівка", "uk")  # BGN/PCGN of the Russian form


def test_gazetteer_matches_cognates_as_certain(gaz):
    for query in ("Старица", "Pletenevka", "Зеленое", "Krasnoye"):
        m = gaz.resolve(query, region="Kharkiv Oblast").best
        assert m.reason == "cognate" and not m.uncertain and m.score == 0.93, query
    # a lexical difference is not a regular form: Глубокое (у) for Глибоке (и) stays a guess
    m = gaz.resolve("Глубокое", region="Kharkiv Oblast").best
    assert m.place.name == "Hlyboke" and m.uncertain
