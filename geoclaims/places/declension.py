"""Case forms of Russian and Ukrainian place names: the nominatives an inflected name may stand for.

Headlines and running text put names in the case the sentence needs: "освобождение Глубокого",
"у Юнаківки", "під Суджею", "в Русском Поречном", "Sudzha's". A gazetteer stores nominatives, so
:func:`nominatives` turns a name as written into the nominatives it may be, by the case endings of
the two languages (the same table :mod:`geoclaims.extract.places` reads report text with), after
dropping a leading preposition and an English possessive. The gazetteer tries them only when the
name as written matches nothing stored, and a hit has reason ``declension``: certain, because an
ending is grammar, not a guess at a spelling; when several places answer (Суджі: Суджа, or a
village Суджі), the result is ambiguous as for any name.

Examples
--------
>>> "Глубокое" in nominatives("Глубокого"), "Юнаківка" in nominatives("у Юнаківки")
(True, True)
>>> "Суджа" in nominatives("під Суджею"), nominatives("Sudzha's")
(True, ('Sudzha',))
>>> "Русское Поречное" in nominatives("в Русском Поречном")
True
"""

from __future__ import annotations

import functools
import itertools
import re

__all__ = ["nominatives", "MAX_FORMS"]

#: Most nominatives returned for one name.
MAX_FORMS = 24

# case ending -> nominative endings to try (Russian and Ukrainian; longest endings tried first)
_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(sorted([
    ("ого", ("ое", "ий", "ой", "ый", "е")), ("его", ("ее", "ий", "є")), ("ому", ("ое", "ий", "ой", "ый", "е")),
    ("ему", ("ее", "ий", "є")), ("ом", ("ое", "", "ий", "ый", "о")), ("ем", ("ее", "е", "ь", "")),
    ("ой", ("ая", "а", "ой", "ый")), ("ей", ("яя", "а", "я", "ь")), ("ою", ("а", "ая")), ("ею", ("а", "я")),
    ("ую", ("ая", "а")), ("юю", ("яя",)), ("ым", ("ое", "ый", "ий")), ("им", ("ое", "ий", "е", "ій")),
    ("ых", ("ые",)), ("их", ("ие", "і")), ("ах", ("ы", "и", "")), ("ях", ("и", "я")), ("ами", ("ы", "")),
    ("ями", ("и",)), ("ій", ("а", "ий", "ій", "е", "я")), ("ім", ("е", "ий", "ій", "")), ("ої", ("а", "ая", "е")),
    ("е", ("а", "я", "", "о", "е")), ("у", ("а", "")), ("ю", ("я", "ь")),
    ("и", ("а", "я", "ь", "и")), ("ы", ("а", "")), ("і", ("а", "я", "ь", "", "е")), ("ї", ("я",)),
    ("а", ("", "о", "а")), ("я", ("ь", "я", "е")), ("ці", ("ка",)), ("ки", ("ка",)),
    # Ukrainian о/е -> і in the closed last syllable: Харкова -> Харків, Часового -> Часів, Львові -> Львів
    ("ова", ("ів", "ов")), ("ові", ("ів",)), ("овом", ("ів",)), ("ового", ("ів",)), ("овому", ("ів",)),
    ("єва", ("їв",)), ("ева", ("ів", "ев")), ("оля", ("іль",)), ("олі", ("іль",)),
    ("ього", ("ій", "є")), ("ьому", ("ій", "є")),
], key=lambda e: -len(e[0])))

# prepositions a name is quoted with ("под Суджей", "у Юнаківки", "біля Глибокого")
_PREPOSITION = re.compile(
    r"^(?:в|во|у|ув|під|пiд|под|подо|біля|возле|около|поблизу|близ|за|до|из|із|з|зі|с|со|от|від|на|над|"
    r"для|между|між|через|після|после|по|при|навколо|вокруг|коло|побіля|неподалік|неподалеку)\s+(?=\S)",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?$")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


def _word_nominatives(word: str) -> list[str]:
    """The nominatives one Cyrillic word may be (the word itself first)."""
    out = [word]
    if not _CYRILLIC.search(word):
        return out
    low = word.lower()
    for ending, repl in _ENDINGS:
        if low.endswith(ending) and len(word) - len(ending) >= (2 if len(word) <= 4 else 3):
            stem = word[: len(word) - len(ending)]
            out.extend(stem + r for r in repl)
    return list(dict.fromkeys(out))[:12]


@functools.lru_cache(maxsize=65536)
def nominatives(name: str) -> tuple[str, ...]:
    """The nominative forms an inflected place name may stand for, most likely first.

    Parameters
    ----------
    name : str
        A name as written in text (at most four words); a leading preposition and an English
        possessive are dropped first.

    Returns
    -------
    tuple of str
        Candidate nominatives other than `name` itself (at most :data:`MAX_FORMS`); empty when
        the name has no case ending, preposition or possessive to undo.

    Examples
    --------
    >>> "Суджа" in nominatives("Суджей"), "Суджа" in nominatives("Суджу")
    (True, True)
    >>> nominatives("Sudzha")
    ()
    """
    text = " ".join(name.split())
    bare = _PREPOSITION.sub("", text, count=1)
    bare = _POSSESSIVE.sub("", bare) if not _CYRILLIC.search(bare) else bare
    words = bare.split(" ")
    if not bare or len(words) > 4:
        return ()
    forms = [bare] if bare != text else []
    per_word = [_word_nominatives(w) for w in words]
    for combo in itertools.islice(itertools.product(*per_word), MAX_FORMS * 2):
        forms.append(" ".join(combo))
    return tuple(f for f in dict.fromkeys(forms) if f != text)[:MAX_FORMS]
