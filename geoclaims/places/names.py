"""Name normalisation: the keys that make spellings of one name meet.

War reporting writes one village many ways: Cyrillic in Russian or Ukrainian
form, romanised by BGN/PCGN, ISO 9, the scholarly system, Wikipedia's habits,
Ukraine's 2010 national system, or by ear ("Sudscha", "Soudja", "Sudzha").
This module turns any such spelling into two keys:

``fold(name)``
    the *fine key*: case, diacritics, apostrophes, hyphens, ``ё``/``е`` and
    script are folded away (Cyrillic goes through :mod:`anyascii`), so
    ``"Russkoye-Porechnoye"`` and ``"russkoye porechnoye"`` meet exactly.
``skeleton(name)``
    the *transliteration-insensitive key*: the fine key with the letters on
    which romanisation systems and reporters disagree collapsed into classes
    (zh/j/sh/sch, kh/h/g, ts/tz/c, w/v) and vowels and glides dropped, so
    ``Kharkiv``/``Kharkov``/``Harkiv``, ``Artemivsk``/``Artyomovsk`` and
    ``Korenevo``/``Koreneve`` share one skeleton.

:func:`romanizations` gives the spellings of a Cyrillic name under the common
systems (by :mod:`iuliia` for Russian, :mod:`translitua` for Ukrainian, the English-language
press's BGN with й as i for Russian ("press": Gulyaipole) and its -y for Ukrainian -ий (Stary Saltiv), and the
German, Polish, Czech, French,
Estonian, Romanian, Spanish, Hungarian, Dutch and Turkish press conventions of
:mod:`geoclaims.foreign_romanization`).

Examples
--------
>>> fold("Russkoye-Porechnoye")
'russkoye porechnoye'
>>> skeleton("Kharkiv") == skeleton("Kharkov") == skeleton("Harkiv")
True
>>> skeleton("Sudzha") == skeleton("Sudscha") == skeleton("Soudja")
True
"""

from __future__ import annotations

import functools
import re
import unicodedata

__all__ = [
    "KEY_VERSION",
    "fold",
    "skeleton",
    "has_cyrillic",
    "is_matchable",
    "romanizations",
    "ROMANIZATION_SYSTEMS",
]

#: Bumped whenever :func:`fold` or :func:`skeleton` change, so that a
#: gazetteer built with other keys is rebuilt rather than silently mismatched.
KEY_VERSION = 3

_CYRILLIC = re.compile(r"[\u0400-\u04FF\u0500-\u052F]")
_LATIN_OR_CYRILLIC = re.compile(r"^[\s\d\W\u0000-\u024F\u1E00-\u1EFF\u0400-\u052F\u02B9-\u02BC]*$")
_APOSTROPHES = "'\u2019\u2018\u02bc\u02b9\u02bb`\u00b4\u2032\u201b\u0027\u02c8\u00ab\u00bb\u201c\u201d\""
_APOS_TABLE = str.maketrans({c: None for c in _APOSTROPHES} | {"ё": "е", "Ё": "Е", "ъ": None, "ь": None})
# Latin letters with diacritics that romanisation systems use for Cyrillic
# sounds; anyascii would drop the diacritic (ž -> z), losing the sound.
_LATIN_SOUNDS = str.maketrans(
    {
        "ž": "zh", "š": "sh", "č": "ch", "ŝ": "shch", "ż": "zh", "ć": "ch",
        "ś": "s", "ź": "z", "ł": "l", "ĭ": "i", "ë": "yo", "ǵ": "g", "ẑ": "zh",
        "ĉ": "ch", "ç": "ch", "ß": "ss", "ı": "i",
        "õ": "y",  # Estonian õ is the vowel of ы (Mõrnohrad): y, as English romanisations write it
    }
)
_NON_ALNUM = re.compile(r"[^0-9a-z]+")


def has_cyrillic(text: str) -> bool:
    """Whether `text` contains a Cyrillic letter.

    Examples
    --------
    >>> has_cyrillic("Бердин"), has_cyrillic("Berdin")
    (True, False)
    """
    return bool(_CYRILLIC.search(text))


def is_matchable(text: str) -> bool:
    """Whether `text` is written in Latin or Cyrillic script.

    Names in other scripts (GeoNames carries Japanese, Arabic, ... forms) are
    kept as aliases but not indexed: their romanisations would only add noise.

    Examples
    --------
    >>> is_matchable("Суджа"), is_matchable("Sudža"), is_matchable("スジャ")
    (True, True, False)
    """
    return bool(text.strip()) and bool(_LATIN_OR_CYRILLIC.match(text))


# Arabic and Persian letters as the press uses them for Slavic names: و and ي/ی are the vowels u and
# i (anyascii reads the consonants w, y), ف is v (Arabic has no v: خاركيف, Kharkiv), ة and ى are a,
# and hamza and ain are silent; the rest keep anyascii's reading
_ARABIC_SOUNDS = str.maketrans({"ا": "a", "و": "u", "ي": "i", "ی": "i", "ى": "a", "ة": "a", "ف": "v", "ع": None,
                                "ء": None, "أ": "a", "إ": "i", "آ": "a", "ؤ": "u", "ئ": "i", "ـ": None})


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """Return the fine match key of `name`.

    Case, diacritics, apostrophes and soft/hard signs, hyphens and runs of
    spaces, and ``ё``/``е`` are folded; Cyrillic and other scripts are
    romanised by :func:`anyascii.anyascii`.

    Parameters
    ----------
    name : str
        A place name in any script.

    Returns
    -------
    str
        Lower-case ASCII words separated by single spaces ('' for no letters).

    Examples
    --------
    >>> fold("  Krem’yane ")
    'kremyane'
    >>> fold("Sudža")
    'sudzha'
    >>> fold("Тёткино") == fold("Теткино")
    True
    """
    from anyascii import anyascii

    text = unicodedata.normalize("NFC", name).translate(_APOS_TABLE).lower()
    text = text.translate(_LATIN_SOUNDS).translate(_ARABIC_SOUNDS)
    # anyascii marks Georgian and Armenian ejectives and Arabic hamza with an apostrophe (კ -> k'):
    # dropped, as every apostrophe is, so that it does not split the word
    text = anyascii(text).lower().replace("'", "")
    return _NON_ALNUM.sub(" ", text).strip()


# Ordered rewrite rules for the skeleton: longest spellings first.  Each maps
# the spellings of one Cyrillic sound (across English, German, French, Polish,
# Dutch and ISO-style romanisations) onto one class letter.
_SKELETON_RULES: tuple[tuple[str, str], ...] = (
    ("shch", "S"), ("szcz", "S"), ("tsch", "C"), ("sch", "S"), ("dzh", "dS"), ("dj", "dS"),
    ("zh", "S"), ("zj", "S"), ("sh", "S"), ("sz", "S"), ("ch", "C"), ("cz", "C"), ("tch", "C"),
    ("kh", "g"), ("ts", "Z"), ("tz", "Z"), ("c", "Z"), ("h", "g"), ("x", "g"), ("w", "v"),
    ("ph", "f"), ("q", "k"),
)
_SKELETON_RE = re.compile("|".join(re.escape(a) for a, _ in _SKELETON_RULES))
_SKELETON_MAP = dict(_SKELETON_RULES)
_VOWELS_AND_GLIDES = re.compile(r"[aeiouyj ]")
_REPEATS = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def skeleton(name: str) -> str:
    """Return the transliteration-insensitive key of `name`.

    The fine key (:func:`fold`) with the sounds that romanisation systems and
    reporters spell differently mapped to one class each (``zh``/``sh``/
    ``sch``/``shch``; ``ch``/``tsch``/``cz``; ``kh``/``h``/``g``/``x``;
    ``ts``/``tz``/``c``; ``w``/``v``), vowels, ``y`` and ``j`` dropped and
    doubled letters collapsed.  Russian and Ukrainian forms of one name
    (``Korenevo``/``Koreneve``, ``Glukhov``/``Hlukhiv``) mostly differ only in
    vowels, so they share a skeleton too.

    Parameters
    ----------
    name : str
        A place name in any script.

    Returns
    -------
    str
        The skeleton (may be '' for a name of vowels only).

    Examples
    --------
    >>> skeleton("Artemovsk") == skeleton("Artyomovsk") == skeleton("Артемівськ")
    True
    >>> skeleton("Glukhov") == skeleton("Hlukhiv")
    True
    """
    key = fold(name)
    key = _SKELETON_RE.sub(lambda m: _SKELETON_MAP[m.group(0)], key)
    key = _VOWELS_AND_GLIDES.sub("", key)
    return _REPEATS.sub(r"\1", key)


#: Romanisation systems applied to Cyrillic names, by language.
ROMANIZATION_SYSTEMS: dict[str, tuple[str, ...]] = {
    "ru": (
        "BGN_PCGN", "GOST_779", "SCIENTIFIC", "WIKIPEDIA", "ICAO_DOC_9303",
        "UNGEGN_1987", "ALA_LC", "MOSMETRO", "YANDEX_MAPS",
    ),
    "uk": (
        "UkrainianKMU", "UkrainianBGN", "UkrainianISO9", "UkrainianUNGEGN",
        "UkrainianWWS", "UkrainianGerman", "UkrainianFrench", "UkrainianALALC",
        "UkrainianNational1996", "UkrainianPassport2007", "UkrainianBritish",
    ),
}

_UK_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_RU_LETTERS = re.compile(r"[ыэёъЫЭЁЪ]")


def guess_language(name: str) -> str | None:
    """Guess whether a Cyrillic name is Russian ('ru') or Ukrainian ('uk').

    Letters only one alphabet has decide (і ї є ґ vs ы э ё ъ); otherwise None.

    Examples
    --------
    >>> guess_language("Поріччя"), guess_language("Новый Путь"), guess_language("Суджа")
    ('uk', 'ru', None)
    """
    if _UK_LETTERS.search(name):
        return "uk"
    if _RU_LETTERS.search(name):
        return "ru"
    return None


def romanizations(name: str, language: str | None = None) -> dict[str, str]:
    """Spell a Cyrillic name under the common romanisation systems.

    Parameters
    ----------
    name : str
        A name in Cyrillic script.  Latin names give an empty dict.
    language : {'ru', 'uk', None}
        The language of the name; guessed from its letters when None, and
        both languages' systems are applied when it cannot be told.

    Returns
    -------
    dict of str to str
        System name (``"ru:BGN_PCGN"``, ``"uk:UkrainianKMU"``, ...; ``"ru:de"``, ``"uk:pl"``,
        ... for the systems of other languages' press, :mod:`geoclaims.foreign_romanization`)
        to the romanised spelling.

    Examples
    --------
    >>> romanizations("Руське Поріччя")["uk:UkrainianKMU"]
    'Ruske Porichchia'
    >>> romanizations("Русское Поречное")["ru:BGN_PCGN"]
    'Russkoye Porechnoye'
    """
    if not has_cyrillic(name):
        return {}
    lang = language or guess_language(name)
    langs = (lang,) if lang in ROMANIZATION_SYSTEMS else ("ru", "uk")
    from geoclaims.places.foreign_romanization import foreign_romanizations

    out: dict[str, str] = {}
    for lg in langs:
        for system in ROMANIZATION_SYSTEMS[lg]:
            out[f"{lg}:{system}"] = _romanize(name, lg, system)
        if lg == "ru" and ("й" in name or "Й" in name):
            out["ru:press"] = _romanize(name, "ru", "press")
        if lg == "uk" and re.search(r"(?<=[aeiouy])s(?=[aeiouy])", out.get("uk:UkrainianFrench", "")):
            # the French press doubles s between vowels, as it does in Russian names: Bassivka (Басівка)
            out["uk:fr-ss"] = re.sub(r"(?<=[aeiouy])s(?=[aeiouy])", "ss", out["uk:UkrainianFrench"])
        if lg == "uk" and re.search(r"ий\b", name.lower()):  # the English press's -y for -ий: Stary Saltiv,
            out["uk:press-y"] = re.sub(r"(?<=[a-z])yi\b", "y", out["uk:UkrainianKMU"])  # Zeleny Hai
        out.update(foreign_romanizations(name, lg))
    return out


def _romanize(name: str, language: str, system: str) -> str:
    if language == "ru" and system == "press":
        # the English-language press's BGN with й as i (Gulyaipole, Novoaidar), as ICAO writes it, but
        # я, ю as ya, yu: a convention of its own, not a slip
        name, system = name.replace("й", "и").replace("Й", "И"), "BGN_PCGN"
    if language == "ru":
        import iuliia

        # iuliia's schemas expect "е" for "ё" in some systems; fold it first
        # so that no Cyrillic letter survives into the romanised form.
        return getattr(iuliia, system).translate(name.replace("ё", "е").replace("Ё", "Е"))
    import translitua

    return translitua.translit(name, getattr(translitua, system))
