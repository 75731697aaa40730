"""The smaller pieces of geoclaims.extract: dates, figures, claimants, qualifiers, the word scanner and
confidence (one test module each would be a few lines; they are grouped here by module)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoclaims.extract import claimants, confidence, dates, figures, lexicon, qualifiers

PUB = dt.date(2025, 4, 29)  # a Tuesday


# -- dates ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    ("в субботу был освобожден", "2025-04-26"),
    ("у неділю відбулися бої", "2025-04-27"),
    ("накануне российские войска", "2025-04-28"),
    ("напередодні ворог", "2025-04-28"),
    ("11.11.22 около пяти часов утра", "2022-11-11"),
    ("between Jan. 5 and 6", "2025-01-06"),
    ("26 апреля", "2025-04-26"),
    ("15 вересня", "2024-09-15"),        # after the publication day of this year: the year before
    ("late last month", "2025-03"),
])
def test_dates(text, expected):
    assert [d.text for d in dates.find_dates(text, PUB)][-1] == expected


def test_a_bad_published_date_is_an_error():
    with pytest.raises(ValueError, match="not a date"):
        dates.parse_published("soon")


# -- figures ----------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, km2", [
    ("близько 2 тис. кв. км", 2000.0), ("на 4,09 кв. км", 4.09), ("taking control of 1,263 sq km", 1263.0),
    ("понад 1250 квадратних кілометрів", 1250.0), ("40 квадратними кілометрами території", 40.0),
    ("about 1 150 square kilometres", 1150.0),
])
def test_area_figures(text, km2):
    assert [a.km2 for a in figures.find_areas(text)] == [km2]


@pytest.mark.parametrize("text, basis", [
    ("Ukrainian forces captured up to 1,300 square kilometers", "gained"),
    ("ЗСУ контролюють понад 1250 квадратних кілометрів", "held"),
    ("взято під контроль 1150 квадратних кілометрів", "gained"),
    ("Ukraine holds about 800 sq km", "held"),
])
def test_area_basis(text, basis):
    assert figures.area_basis(text) == basis


@pytest.mark.parametrize("text, share", [
    ("Kyiv controlled roughly 40-50% of the town", 45.0), ("под контролем ВС РФ 50 процентов Волчанска", 50.0),
    ("контролируют половину Волчанска", 50.0), ("Місто приблизно на 60% контролюють Збройні Сили", 60.0),
])
def test_shares(text, share):
    assert [s for _, _, s in figures.find_shares(text)] == [share]


def test_percent_of_an_area_is_not_a_share():
    assert figures.find_shares("Russia retook 63.2 percent (801 square kilometers) of the territory") == []


@pytest.mark.parametrize("text, km", [
    ("the Ukrainian forces had advanced 12 kilometers into the Kursk region", 12.0),
    ("ВСУ продвинулись в глубину обороны противника от 28 до 35 км", 35.0),
    ("наші війська просунулися на 35 кілометрів від початку операції", 35.0),
])
def test_depth_from_the_border(text, km):
    assert figures.find_depth(text)[0] == km


@pytest.mark.parametrize("text", ["просунулися на відстань від 1 до 3 кілометрів за добу",
                                  "a key hub roughly 50 kilometers west of Toretsk"])
def test_distances_that_are_no_depth(text):
    assert figures.find_depth(text) is None


# -- claimants --------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, name, side, status", [
    ("Russian forces captured Berdin, the Russian Defence Ministry said.", "Russian MoD", "RU", "claimed"),
    ("Про це повідомив голова Луганської ОВА Сергій Гайдай.", "Serhiy Haidai", "UA", "claimed"),
    ("Geolocated footage shows Russian forces advanced.", "geolocated footage", "neutral", "assessed"),
    ("Rybar claimed Russian forces advanced.", "Rybar", "RU", "claimed"),
    ("«Бои за Северск уже начались», — заявил помощник главы МВД ЛНР Виталий Киселёв.", "Виталий Киселёв", "RU",
     "claimed"),
    ("Russian forces captured Sudzha, Bild reported.", "Bild", "neutral", "claimed"),
])
def test_claimants(text, name, side, status):
    c = claimants.find_claimant(text)
    assert (c.name, c.side, c.status) == (name, side, status)


def test_no_claimant():
    assert claimants.find_claimant("Russian forces captured Sudzha.") is None


# -- qualifiers -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("before, after, expected", [
    ("наступают на північний захід від ", "", ("northwest of", None, "claim")),
    ("взяли под контроль северную часть ", "", ("northern", None, "claim")),
    ("купировали попытку прорваться на севере населенного пункта ", "", ("northern", None, "claim")),
    ("достигли окраин рабочего поселка ", "", ("outskirts", None, "claim")),
    ("fighting continued in and around ", "", ("", None, "claim")),
    ("Verbove (16 km southeast of ", "", ("", None, "reference")),
    ("villages located near ", "", ("", None, "reference")),
    ("all villages except ", "", ("", None, "reference")),
    ("fighting continued northwest of ", " near Stepove", ("", None, "reference")),
])
def test_qualifiers(before, after, expected):
    assert qualifiers.qualifier(before, after) == expected


def test_u_is_in_for_ukrainian_and_near_for_russian():
    assert qualifiers.qualifier("ЗСУ відбили штурм у ", ukrainian=True)[0] == ""
    assert qualifiers.qualifier("ВСУ отбили атаку у ", ukrainian=False)[0] == "near"


# -- the word scanner ------------------------------------------------------------------------------------
WORDS = ["Russian", "forces", "captured", "took", "control", "of", "the", "village", "repelled", "attacks", "near",
         "ВСУ", "отразили", "атаки", "освободили", "ЗСУ", "відбили", "штурми", "не", "дають", "противнику",
         "просунутися", "Ukrainian", "troops", "withdrew", "from", "fighting", "continued", "was", "halted",
         "в", "районе", "Суджи", ",", ".", "under", "control", "came"]


def _plain(patterns, text):
    """Leftmost match of any pattern, earlier patterns first at the same position: one big alternation."""
    out, pos = [], 0
    while True:
        best = None
        for k, rx in enumerate(patterns):
            m = rx.search(text, pos)
            if m and m.end() > m.start() and (best is None or m.start() < best[1].start()):
                best = (k, m)
        if best is None:
            return out
        out.append((best[0], best[1].group(0)))
        pos = best[1].end()


@settings(max_examples=300)
@given(st.lists(st.sampled_from(WORDS), min_size=1, max_size=25))
def test_the_scanner_finds_what_one_alternation_would(words):
    text = " ".join(words)
    for patterns, scan in (([rx for _, _, rx in lexicon.TRIGGERS], lexicon.TRIGGER_SCAN),
                           ([rx for _, rx in lexicon.SIDES], lexicon.SIDE_SCAN)):
        assert [(k, m.group(0)) for k, m in scan.finditer(text)] == _plain(patterns, text)


# -- confidence -------------------------------------------------------------------------------------------
def test_confidence_is_a_probability_and_ranks_what_it_should():
    base = dict(how="subject", voice="active", place_how="exact", ambiguous=False, explicit_claimant=True,
                claimant="ISW", explicit_date=True, action="repelled", known=True, qualifier="", status="assessed")
    sure = confidence.confidence(**base)
    assert 0 < sure < 1
    assert confidence.confidence(**{**base, "ambiguous": True}) < sure
    assert confidence.confidence(**{**base, "place_how": "unknown", "known": False}) < sure
    assert all(isinstance(v, float) for v in confidence.WEIGHTS.values())
    assert re.search(r"calibrat", confidence.__doc__)
