"""geoclaims.extract.places: names in any case ending, unknown names where a settlement stands, and the
names that are districts, directions, people or streets rather than places."""

from __future__ import annotations

import pytest

from geoclaims import Gazetteer
from geoclaims.extract.places import PlaceFinder, nominative_guesses


@pytest.fixture(scope="module")
def finder():
    return PlaceFinder(Gazetteer.default())


def found(finder, text):
    known, regions = finder.find(text, 0, len(text))
    return known, [r[2] for r in regions]


@pytest.mark.parametrize("text, surface, canonical", [
    ("ВСУ продвинулись под Суджей.", "Суджей", "Sudzha"),
    ("Бої у Суджі тривають.", "Суджі", "Sudzha"),
    ("Российские войска вошли в Русском Поречном.", "Русском Поречном", "Russkoye Porechnoye"),
    ("В Часовому Яру теж постійні міські бої.", "Часовому Яру", "Chasiv Yar"),
    ("Ukrainian forces advanced near Sudzha's outskirts.", "Sudzha's", "Sudzha"),
    ("Российские войска вошли в Красный Лиман.", "Красный Лиман", "Lyman"),
])
def test_names_in_any_case_ending(finder, text, surface, canonical):
    gaz = Gazetteer.default()
    (m,), _ = found(finder, text)
    assert m.text == surface
    assert canonical in {gaz.get(i).name for i in m.place_ids}


@pytest.mark.parametrize("text, region", [
    ("Russian forces attacked in the Kupiansk direction.", "Kupiansk direction"),
    ("Fighting in the Sudzha and Korenevo districts went on.", "Sudzha"),
    ("Бої тривали в Луганской и Донецкой областях.", "Донецкой областях"),
    ("Бои в Курской области продолжаются.", "Курской области"),
])
def test_districts_directions_and_oblasts_are_regions_not_places(finder, text, region):
    known, regions = found(finder, text)
    assert known == [] and region in regions


@pytest.mark.parametrize("text", [
    "President Vladimir Putin visited the troops.",
    "Про це повідомила радниця Наталія Попова.",
    "Russian troops might have reached Kolosova and Lermentova streets.",
    "В Димитрове идут бои в микрорайонах Восточный, Западный.",
    "Бойцы группировки «Таврия» заявили об этом.",
    "Ukrainian forces struck the bridge over the Dnipro river.",
])
def test_people_units_streets_and_rivers_are_not_places(finder, text):
    known, _ = found(finder, text)
    names = {m.text for m in known}
    assert not names & {"Vladimir", "Попова", "Kolosova", "Западный", "Таврия", "Dnipro", "Восточный"}


@pytest.mark.parametrize("text, name", [
    # villages the bundled gazetteer does not know (it knows Robotyne, Klishchiivka, Keramik... since issue 12)
    ("Ukrainian forces recaptured the village of Netailove.", "Netailove"),
    ("Сили оборони звільнили село Яснобродівку.", "Яснобродівка"),
    ("Russian forces captured two villages: Spodaryushino and Sudzha.", "Spodaryushino"),
    ("Захопили ще два населені пункти 22 червня — Лоскутівку та Нетайлове.", "Нетайлове"),
    ("Ukrainian troops repelled attacks near Velykyi Anadol, Bakhmut and Soledar.", "Velykyi Anadol"),
])
def test_unknown_names_where_only_a_settlement_stands(finder, text, name):
    known, _ = found(finder, text)
    unknown = finder.unknown(text, 0, len(text), known)
    # the nominative, or a close spelling of a gazetteer name for the reader to check against the report
    assert any(m.name == name or m.how == "skeleton" and m.text.startswith(name[:5]) for m in unknown)


def test_capitalised_words_elsewhere_are_not_unknown_places(finder):
    text = "Officials in Brussels said Zelensky met Rutte on Monday."
    known, _ = found(finder, text)
    assert finder.unknown(text, 0, len(text), known) == []


@pytest.mark.parametrize("raw, nominative", [
    ("Кліщіївку", "Кліщіївка"), ("Леонідівці", "Леонідівка"), ("Стариці", "Стариця"), ("Сєвєрного", "Сєвєрне"),
    ("Невельського", "Невельське"), ("Даченське", "Даченське"), ("Работино", "Работино"), ("Robotyne", "Robotyne"),
])
def test_nominative_guesses(raw, nominative):
    assert nominative_guesses(raw) == nominative
