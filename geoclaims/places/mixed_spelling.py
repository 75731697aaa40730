"""Names spelled letter by letter in more than one system: "Tchassiv Yar", "Uroschajne", "Joroshee".

Papers do not keep to one romanisation.  A French wire writes Часів Яр "Tchassiv Yar" (French tch and ss, the
English Yar), a German report writes Урожайне "Uroschajne" (German sch, the j of the Polish and Czech й), a
Spanish one Хорошее "Joroshee" (its j for х, in a Russian form).  No one system makes these, so the
gazetteer's index of each system's spellings (:mod:`geoclaims.places.names`,
:mod:`geoclaims.places.foreign_romanization`) does not hold them, and they used to be only guesses (a skeleton or
fuzzy match).  Yet each letter is written as some system writes it: the name is spelled by rules, only by more than
one.  :func:`spells` tells whether a Latin name spells a Cyrillic one so; the skeleton and fuzzy tiers of
:mod:`geoclaims.places.matching` ask it of their candidates, and a candidate it accepts is a ``transliteration``,
not a guess.

The letters' spellings are those of the systems the gazetteer indexes (:func:`~geoclaims.places.foreign_romanization.letter_spellings`:
German, Polish, Czech, French, Estonian, Romanian, Spanish, Hungarian, Dutch, Turkish), of the English-language
ones (BGN/PCGN, Ukraine's national system: kh, zh, shch, ye, yi, yu, ya), and of the contexts those systems write
differently (кс as x; г as gu before e and i; с as ss; Hungarian gy, ty, ny before a soft vowel; the soft sign as
j, y or i before a vowel; -ий, -ый as -y; the glide of е and є only at a word's start or after a vowel), each with
and without its diacritic (ž or z).  Every letter of the Cyrillic name must be
written, in order, and nothing else: a dropped, added or swapped letter ("Oczertyne" for Очеретине) is still a
guess.  And и is written alike throughout a name (y or i, the Ukrainian or the Russian reading): "Krynici", a
garbled Кринки, is no spelling of Криниці (Krynytsi, Krynyci).

Examples
--------
>>> spells("Tchassiv Yar", "Часів Яр"), spells("Uroschajne", "Урожайне"), spells("Joroshee", "Хорошее")
(True, True, True)
>>> spells("Oczertyne", "Очеретине"), spells("Urozhaine", "Уразове")
(False, False)
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Callable

from geoclaims.places.foreign_romanization import letter_spellings

__all__ = ["spells", "speller", "is_latin_name"]

# the English-language systems' spellings and the contexts the systems' letter tables leave out
_MORE: dict[str, tuple[str, ...]] = {
    "г": ("gh", "gu"),  # Vodolaghy (Italian, older English); French and Spanish gu before e and i
    "е": ("é", "è"), "ё": ("e", "ë", "o"), "є": ("e",), "э": ("é",),  # ё unmarked; Polish -lo after л
    "я": ("a",), "ю": ("u", "iou"),  # after Polish l and Hungarian ty, ny, gy
    "ж": ("zh",), "х": ("kh", "x"), "ц": ("ts", "tz", "tc"),
    "ч": ("c", "ce", "ch"),  # Romanian c before front vowels, ce before a
    "ш": ("sh",), "щ": ("shch", "shtch", "sc", "șc", "șce", "sce"),
    "с": ("ss",),  # German and French ss between vowels
    "ї": ("yi", "yï"),
}
_VOWELS = set("аеёиоуыэюяіїє")
_GLIDES = {"е": ("ye", "je"), "є": ("ye", "je")}  # the glide of е, є: at a word's start or after a vowel or sign only
_SIGN_BEFORE_VOWEL = ("j", "y", "i")  # a sign before a vowel: Darjino, Maryinka, Dariino
_HU_SOFT = {"д": "gy", "т": "ty", "н": "ny"}  # Hungarian, before a soft vowel: Donyeck, Kosztyantinyivka
_SOFT = set("еёиюяьіїє")
_NO_STRIP = {"õ"}  # Estonian õ (ы, Ukrainian и) is not an o without its mark
_DASHES = {"-": ("-", " ", ""), " ": (" ", "-", ""), "'": ("",), "’": ("",), "ʼ": ("",)}
_APOSTROPHES = re.compile(r"['’ʼ`´‘]")


def _plain(text: str) -> str:
    """`text` without its diacritics (ž z, ł l, ı i)."""
    text = text.replace("ł", "l").replace("ı", "i")
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=1)
def _letters() -> dict[str, tuple[str, ...]]:
    """Cyrillic letter -> its spellings, longest first (the order :func:`_consistent` tries them in)."""
    out: dict[str, set[str]] = {k: set(v) for k, v in letter_spellings().items()}
    for letter, more in _MORE.items():
        out.setdefault(letter, set()).update(more)
    for letter, spellings in out.items():
        spellings.update(_plain(s) for s in list(spellings) if not set(s) & _NO_STRIP)
    for mark, spellings in _DASHES.items():
        out[mark] = set(spellings)
    return {k: tuple(sorted(v, key=lambda s: (-len(s), s))) for k, v in out.items()}


#: Letters a name writes the same way wherever they stand: и is y or i throughout (a Ukrainian or a Russian
#: reading), so "Krynici" (y, then i) is a slip for Кринки, not a spelling of Криниці; ы too, and no system that
#: writes и as y writes ы otherwise.  The ending -ий keeps its own spellings (Velykiy).
_CONSISTENT = set("иы")


@functools.lru_cache(maxsize=100_000)
def _units(cyrillic: str) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    """The name's letters as (consistency key, spellings), in order (None: a letter no system spells)."""
    letters = _letters()
    low = unicodedata.normalize("NFC", cyrillic).lower()
    units: list[tuple[str, tuple[str, ...]]] = []
    i = 0
    while i < len(low):
        if low.startswith("кс", i):  # Alexandrowka
            units.append(("", ("x", *("k" + s for s in letters["с"]))))
            i += 2
            continue
        letter = low[i]
        spellings = letters.get(letter)
        if spellings is None:
            return None
        prev, nxt = low[i - 1] if i else "", low[i + 1] if i + 1 < len(low) else ""
        if letter in _GLIDES and prev and prev not in _VOWELS and prev.isalpha() and prev not in "ьъ":
            spellings = tuple(s for s in spellings if s not in _GLIDES[letter])  # Бєлгород is not Byelgorod
        if letter in "ьъ" and nxt in _VOWELS:
            spellings = (*_SIGN_BEFORE_VOWEL, *spellings)
        if letter in _HU_SOFT and nxt in _SOFT:
            spellings = (_HU_SOFT[letter], *spellings)
        if letter == "й" and not nxt.isalpha():
            spellings = (*spellings, "")  # -ий, -ый as -y: Stary Saltiv
        ending = nxt == "й" and not (low[i + 2:i + 3].isalpha())
        units.append((letter if letter in _CONSISTENT and not ending else "", spellings))
        i += 1
    return tuple(units)


def _consistent(query: str, units, at: int = 0, pos: int = 0, chosen: dict | None = None) -> bool:
    """True when `query` from `pos` spells `units` from `at` on, each consistent letter always written alike."""
    if at == len(units):  # and no system writes и as y but ы otherwise ("Krynici" for a form Криныцы)
        return pos == len(query) and not (chosen and chosen.get("и") == "y" and chosen.get("ы", "y") != "y")
    chosen = chosen or {}
    key, spellings = units[at]
    for spelled in ((chosen[key],) if key in chosen else spellings):
        if query.startswith(spelled, pos):
            if _consistent(query, units, at + 1, pos + len(spelled), {**chosen, key: spelled} if key else chosen):
                return True
    return False


def is_latin_name(name: str) -> bool:
    """True when every letter of `name` is a Latin letter (a name :func:`spells` can read)."""
    letters = [c for c in name if c.isalpha()]
    return bool(letters) and all(unicodedata.name(c, "").startswith("LATIN") for c in letters)


def spells(name: str, cyrillic: str) -> bool:
    """True when the Latin `name` writes each letter of the Cyrillic `cyrillic`, in order, as a system does.

    Parameters
    ----------
    name : str
        A name in Latin letters, as a report prints it (case, apostrophes and diacritics are read).
    cyrillic : str
        A stored Cyrillic name (Ukrainian or Russian).

    Returns
    -------
    bool
        False for a name in another script, and for a Cyrillic name with a letter no system spells.
    """
    test = speller(name)
    return test is not None and test(cyrillic)


def speller(name: str) -> Callable[[str], bool] | None:
    """The test :func:`spells` makes, for one `name` and many Cyrillic names (None: `name` is not Latin)."""
    if not is_latin_name(name):
        return None
    query = " ".join(_APOSTROPHES.sub("", unicodedata.normalize("NFC", name)).lower().split())

    def test(cyrillic: str) -> bool:
        units = _units(cyrillic)
        return units is not None and _consistent(query, units)

    return test
