"""geoclaims.extract.discourse: which action a sentence with places and no action word takes from before."""

from __future__ import annotations

import pytest

from geoclaims.extract.discourse import carried_action
from geoclaims.extract.sentence import Trigger

CAPTURE = Trigger("capture", "passive", 10, 19, "liberated", side="RU")
REPELLED = Trigger("repelled", "passive", 5, 18, "were repelled", side="UA")


@pytest.mark.parametrize("text, prev", [
    ("Among them: Apanasovka, Byakhovo and Snagost.", "The ministry said its forces liberated ten villages."),
    ("The ministry named them: Apanasovka, Byakhovo, Snagost.", "Its forces liberated 10 settlements."),
    ("Наиболее крупные из них — Апанасовка и Снагость.", "Освобождены десять населенных пунктов."),
])
def test_a_list_that_goes_on_takes_the_last_capture(text, prev):
    got = carried_action(text, 100, 3, prev, CAPTURE, None)
    assert got is not None and (got.action, got.side, got.start, got.end) == ("capture", "RU", 100, 100)


@pytest.mark.parametrize("text", [
    "They took place near Kurakhove and Hannivka.",
    "Этими пунктами были Первомайское и Марьинка.",
    "По его словам, это произошло в районе села Грабовское.",
])
def test_the_places_of_an_action_that_named_none(text):
    got = carried_action(text, 50, 2, "Three attacks were repelled.", None, REPELLED)
    assert got is not None and (got.action, got.side, got.force_near) == ("repelled", "UA", True)


def test_a_sentence_of_its_own_takes_nothing():
    assert carried_action("Kurakhove and Hannivka lie on the reservoir.", 50, 2, "Three attacks were repelled.",
                          CAPTURE, REPELLED) is None
    # the places of the sentence before were given: "They" is no call for its action
    assert carried_action("They took place near Kurakhove.", 50, 1, "Attacks near Hannivka were repelled.",
                          CAPTURE, None) is None
