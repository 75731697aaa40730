"""What a sentence takes from the sentences before it: reports spread one statement over several.

A list goes on in the next sentence ("...liberated 12 settlements. Among them: A, B, C"); the places of
an action told without any come in the next one ("Three attacks were repelled. They took place near A and
B."); a sentence that opens with "There" speaks of the place named last; an attack told in one sentence
failed in the next ("The enemy is not successful": see :data:`geoclaims.extract.lexicon.FAILED_AFTER`),
unless it goes on ("continues to storm X. They were stopped"). :func:`carried_action` says which action, if
any, a sentence with places but no action word of its own takes from the sentences before.

Examples
--------
>>> bool(THEY_WERE.match("They took place near Kurakhove and Hannivka."))
True
>>> bool(LIST_GOES_ON.match("Among them: Sudzha and Berdin."))
True
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.extract.sentence import Trigger

__all__ = ["GOES_ON", "LIST_GOES_ON", "THEY_WERE", "THERE_FIRST", "NAME_LIST", "COUNTED_PLACES", "carried_action"]

#: a verb of going on: "continues to storm X. They were stopped" is fighting and a repelled attack
GOES_ON = re.compile(r"(?<!\w)(?:продолжа\w+|продовжу\w+|continu\w+|трива\w+|still|не\s+припиня\w+|не\s+прекраща\w+|"
                     r"не\s+перестают|не\s+перестають|(?:do|does)\s+not\s+stop|keep\w*)(?!\w)", re.I)
#: a sentence that goes on with the list of the one before: "Наиболее крупные из них — A, B", "Among them: A, B"
LIST_GOES_ON = re.compile(r"^[^.;]{0,60}?(?:из\s+них|з\s+них|серед\s+них|среди\s+них|among\s+them|of\s+them|"
                          r"among\s+the\s+(?:\w+\s+)?(?:settlements|villages|towns|places|localities)|"
                          r"including|в\s+том\s+числе|зокрема|в\s+частности)\s*(?:[—:–-]|,)?", re.I)
#: a sentence that names the places of the action before, which named none: "They were made near A and B",
#: "Этими пунктами были A, B", "Вони відбулися біля A", "These were A and B"
THEY_WERE = re.compile(r"^\W*(?:(?:по\s+(?:его|её|ее|их)\s+(?:словам|данным)|за\s+(?:його|її|їхніми)\s+(?:словами|даними)|"
                       r"according\s+to\s+(?:him|her|them))\s*,?\s*)?(?:they|these|those|они|вони|это|це|эти|ці|этими|цими|ими|ними|их|їх)\s+(?:\w+\s+){0,2}?"
                       r"(?:were|are|was|took\s+place|happened|были|был[аио]?|стали|є|були|стали|відбул\w+|"
                       r"произошл\w+|проходил\w+|велись|велися|"
                       # "Их удалось зафиксировать в районе A, B": where the attempts of the sentence before were seen
                       r"зафиксирова\w+|зафіксува\w+|зафіксован\w+|зафиксирован\w+|recorded|spotted|observed)\b", re.I)
#: a sentence that opens with "there": the place named last
THERE_FIRST = re.compile(r"\s*[«\"“]?(Там|There|Тут|Here|Здесь)(?!\w)")
#: three names in a row, joined by commas: a list
NAME_LIST = re.compile(r"[A-ZА-ЯЁІЇЄҐ][\w'’-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]+)?\s*,\s*[A-ZА-ЯЁІЇЄҐ][\w'’-]+"
                       r"(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]+)?\s*(?:,|\s(?:and|и|і|та|й)\s)\s*[A-ZА-ЯЁІЇЄҐ]")
#: a number of places: "liberated 12 settlements", "звільнили 3 населені пункти", "восемь населённых пунктов"
COUNTED_PLACES = re.compile(r"(?<!\w)(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|"
                            r"два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|два|дві|три|чотири|п'ять|"
                            r"шість|сім|вісім|дев'ять|десять|кілька|несколько)\s+(?:\w+\s+)?(?:settlements|villages|"
                            r"towns|localities|населен\w+\s+пункт\w*|населённ\w+\s+пункт\w*|сел|сіл|села|селищ\w*)",
                            re.I)


#: strikes and losses inflicted, which claim no ground: "нанесла поражение формированиям ... в районах", "struck"
STRIKES = re.compile(r"(?<!\w)(?:нанес\w*\s+(?:\w+\s+){0,2}поражени\w+|нанесено\s+поражени\w+|поражени\w+\s+нанесен\w*|"
                     r"нанес\w*\s+(?:\w+\s+){0,2}(?:удар\w*|потер\w+)|завда\w*\s+(?:\w+\s+){0,2}(?:уражен\w+|удар\w*|втрат\w+)|"
                     r"struck|strikes\s+(?:on|against)|inflicted\s+(?:\w+\s+){0,2}(?:losses|casualties|damage))", re.I)


def carried_action(text: str, start: int, n_places: int, prev_text: str, last: "Trigger | None",
                   unplaced: "Trigger | None") -> "Trigger | None":
    """The action a sentence with places and no action word takes from the sentences before, or None.

    `text` is the sentence (starting at `start` in the report), `n_places` how many places it names,
    `prev_text` the sentence before; `last` is the last capture, advance or withdrawal told, `unplaced` the
    action of the sentence before if that sentence named no place (a list goes on with that one first:
    "launched 14 assaults near eight settlements. Among the settlements named are A, B and C"). The action returned is placed at the
    start of the sentence (an empty span).
    """
    goes_on = LIST_GOES_ON.match(text) or n_places >= 2 and COUNTED_PLACES.search(prev_text) and NAME_LIST.search(text)
    if goes_on and unplaced is None and STRIKES.search(prev_text):
        return None  # "...нанесла поражение ... в районах нескольких населенных пунктов. Среди них A, B": strikes
    if goes_on and (unplaced is not None or last is not None):  # "Наиболее крупные из них — A, B"
        chosen = unplaced if unplaced is not None else last
        return replace(chosen, start=start, end=start,
                       force_near=chosen.force_near or chosen.action in ("repelled", "contest"))
    if unplaced is not None and THEY_WERE.match(text):  # "Three attacks were repelled. They were made near A."
        return replace(unplaced, start=start, end=start,
                       force_near=unplaced.force_near or unplaced.action in ("repelled", "contest"))
    return None
