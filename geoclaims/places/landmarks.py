"""Landmarks named after their town: "aeroporto di Donetsk", "луганский аэропорт", "Luhanskas lidostu".

Claims name airports and airbases as often as villages ("the militia hold the Donetsk airport",
"Flughafen von Lugansk"), and every language's press words them its own way: the town's name in a
case or as an adjective, the word for airport before or after it, "international", the name of the
person it is named after.  The gazetteer keeps each landmark as a place of its own (from the curated
table ``data/gazetteer/sources/landmarks.csv``; ``kind`` "airport", "airbase", ...), with the English
name ``"<town> airport"`` among its names.  :func:`landmark_readings` reads such a phrase: it finds
the word for the kind of landmark (:data:`KIND_WORDS`, in the languages of the press), reads the
other words as the town (a stored name, a case form or the town's adjective), and looks up
``"<town's name> airport"``.  Only a town the gazetteer knows for sure is read (a stored name or a
regular form of one, never a guess), and only a landmark the table has is found: "the airport of
Sudzha" matches nothing, rather than the town.

Examples
--------
>>> from geoclaims import Gazetteer
>>> gaz = Gazetteer.default()
>>> [gaz.places[i].name for i in landmark_readings(gaz, "aeroporto di Donetsk")]
['Donetsk International Airport']
>>> landmark_readings(gaz, "Donetsk")  # no word for a landmark: not a landmark phrase
[]
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geoclaims.places.names import fold

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer

__all__ = ["landmark_readings", "KIND_WORDS", "landmark_key"]

#: The English name each kind of landmark is stored under, after its town's name ("Donetsk airport").
KIND_NAMES = {"airport": "airport", "airbase": "airbase"}

#: Kinds of landmark -> the beginnings of the words (folded: Latin letters, no accents) that name
#: them in the press's languages. Airport: English, Russian and Ukrainian (аэропорт, аеропорт, in any
#: case), Italian, Portuguese, Romanian, Spanish, French, German, Polish, Czech and Slovak, Latvian,
#: Lithuanian, Estonian, Hungarian, Turkish, Greek (through anyascii), Bulgarian and Serbian
#: (аеродром), "airfield" and "aerodrome". Airbase: English, Russian and Ukrainian (авиабаза, авіабаза).
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "airport": ("airport", "aeroport", "aeropuert", "flughafen", "flugplatz", "lotnisk",
                "letist", "letisk", "lidost", "oro uost", "lennujaam", "repuloter", "havaliman", "havaalan",
                "aerodrom", "airfield", "aerodrome", "aeroliman", "aerodromio"),
    "airbase": ("airbase", "air base", "aviabaz", "luftwaffenstutzpunkt", "baza lotnicz"),
}

# words that come with the kind and the town: articles, prepositions, "international", "named after"
_FILLERS = frozenset(
    """of the de di da do du des del della dell von vom im in en na v w u a al le la l el il lo
    international internacional internationale internazionale internacionalni internationalen
    intl mezhdunarodnyi mezhdunarodnyy mezhdunarodnogo mezhdunarodnom mizhnarodnyi mizhnarodnoho
    mizhnarodnomu imeni named after city town""".split()
)
# a town's adjective or case form, folded: Donetskim, Luganskiy, Luhanskoho, Luhanskas (Latvian genitive)
_ADJECTIVE = re.compile(r"(?<=[sckz]k)(?:ii|iy|yi|yy|ij|yj|im|ym|ogo|oho|omu|om|oi|oy|a|as|e|u|y|i)$")


def landmark_key(town: str, kind: str) -> str:
    """The stored English name of the landmark of `kind` of `town`: ``"Donetsk airport"``.

    >>> landmark_key("Donetsk", "airport")
    'Donetsk airport'
    """
    return f"{town} {KIND_NAMES[kind]}"


def _kinds_in(words: list[str]) -> tuple[set[str], list[str]]:
    """(kinds named, the other words) of a folded phrase's words."""
    kinds: set[str] = set()
    rest: list[str] = []
    text = " ".join(words)
    for kind, stems in KIND_WORDS.items():
        for stem in stems:
            if " " in stem and stem in text:
                kinds.add(kind)
                text = text.replace(stem, " ")
    for w in text.split():
        found = [k for k, stems in KIND_WORDS.items() if any(" " not in s and w.startswith(s) for s in stems)]
        if found:
            kinds.update(found)
        elif w not in _FILLERS:
            rest.append(w)
    if kinds & {"airport", "airbase"}:  # an airbase is also called the town's airport, and the reverse
        kinds |= {"airport", "airbase"}
    return kinds, rest


def _towns(gaz: "Gazetteer", name: str, words: list[str]) -> set[int]:
    """Places a phrase's other words name for sure: each word (or all of them) as a stored name, a
    case form of one, or a town's adjective ("донецким", "Luhanskas")."""
    from geoclaims.places.declension import nominatives

    original = [w for w in re.split(r"[\s,]+", name) if w]
    tries: list[str] = [" ".join(words), *words]
    for w in original:
        tries.extend(nominatives(w))
    found: set[int] = set()
    for t in tries:
        key = fold(t)
        if not key:
            continue
        for k in {key, _ADJECTIVE.sub("", key)}:
            found.update(pidx for pidx, _code in gaz._index.entries(k))  # every stored name is certain
    return found


def landmark_readings(gaz: "Gazetteer", name: str) -> list[int]:
    """Indices (in ``gaz.places``) of the landmarks a phrase names by its town and kind; [] when it is
    no such phrase, or the gazetteer has no such landmark of that town."""
    words = fold(name).split()
    if len(words) < 2 or len(words) > 8:
        return []
    kinds, rest = _kinds_in(words)
    if not kinds or not rest:
        return []
    places = gaz._places
    out: list[int] = []
    for town in sorted(_towns(gaz, name, rest)):
        if places[town].kind in KIND_NAMES:  # a landmark is no town
            continue
        for kind in sorted(kinds):
            for pidx, _code in gaz._index.entries(fold(landmark_key(places[town].name, kind))):
                if places[pidx].kind == kind and pidx not in out:
                    out.append(pidx)
    return out
