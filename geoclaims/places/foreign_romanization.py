"""Romanisations of Russian and Ukrainian names in the systems of other languages' press.

German, Polish, Czech, French, Estonian, Romanian, Spanish, Hungarian, Dutch and Turkish reports spell Cyrillic names by
their own languages' conventions: Charkiw, Tschassiw Jar, Wowtschansk (German); Charków, Pokrowsk,
Wołczańsk, Szczastia (Polish); Vovčansk, Lyman (Czech); Koupiansk, Tchassiv Iar (French); Harkiv,
Tšassiv Jar, Mõrnohrad (Estonian); Ceasiv Iar, Klișciivka, Zaporojie (Romanian); Jersón, Bajmut,
Joroshee (Spanish); Szuhecke, Kucseriv Jar, Pokrovszk (Hungarian); Myroljoebivka, Tsjasiv Jar
(Dutch); Urojayne, Çasiv Yar, Novomihaylovka (Turkish).  A spelling made by such a system is as certain as one made by BGN/PCGN: it
is the name, written by a rule.  This module spells a name under each system
(:data:`FOREIGN_SYSTEMS`); the gazetteer indexes the spellings beside the English-language
romanisations (reason ``transliteration``).  The systems follow the conventions the papers use,
not one standard: Duden's for German (ж sch, ч tsch, в w, й j, е je after a vowel; Russian кс as x:
Alexandrowka; Ukrainian г as h, and as g, the older papers' and agencies' habit: Wodolagy), PWN's for
Polish (ł before hard vowels, ia/ie/iu after consonants but l), the Czech (ž š č ch), the French (ou,
tch, ch, j, kh), the Estonian (ž š tš h õ), the Romanian (j ș ț h î, c/ci and șc/șci for ч and
щ), the Spanish (j for х, ia/ya, sh, ch; French and Spanish gu for г before e and i: Sergueyevka), the Hungarian (zs s sz cs c h j; gy, ty, ny for д, т, н
before a soft vowel: Donyeck, Kosztyantinyivka), the Dutch (oe sj tsj zj ch j) and the Turkish (j ç ş h, y for й
and in я ю є ї: Zaporijya, Avdiyivka) ones.  Ukrainian ьо is spelled as Russian ё
(Метьолкіне: Metjolkine).  Ukrainian names in French are spelled by :mod:`translitua`
(``UkrainianFrench``), so only Russian names get French here; translitua's German writes ж as
"sh" (Rubishne) where the German press writes Rubischne, so German is made here for both.

Examples
--------
>>> foreign_romanizations("Волчанск", "ru")["ru:de"]
'Woltschansk'
>>> foreign_romanizations("Покровськ", "uk")["uk:pl"]
'Pokrowsk'
>>> foreign_romanizations("Часів Яр", "uk")["uk:cs"]
'Časiv Jar'
>>> foreign_romanizations("Купянск", "ru")["ru:fr"]
'Koupiansk'
>>> foreign_romanizations("Кліщіївка", "uk")["uk:ro"]
'Klișciivka'
>>> foreign_romanizations("Запоріжжя", "uk")["uk:ro-ea"]
'Zaporijjea'
>>> foreign_romanizations("Сухецьке", "uk")["uk:hu"], foreign_romanizations("Миролюбівка", "uk")["uk:nl"]
('Szuhecke', 'Myroljoebivka')
>>> foreign_romanizations("Урожайне", "uk")["uk:tr"], foreign_romanizations("Новомихайловка", "ru")["ru:tr"]
('Urojayne', 'Novomihaylovka')
"""

from __future__ import annotations

import functools
import re

__all__ = ["FOREIGN_SYSTEMS", "foreign_romanizations", "letter_spellings"]

_VOWELS = set("аеёиоуыэюяіїєАЕЁИОУЫЭЮЯІЇЄ")
_SIGNS = set("ьъ'’ʼЬЪ")

# per system: letter -> spelling; "^" keys: the iotated vowels (е ё ю я є) at the start of a word
# or after a vowel or sign; "!" keys: after a consonant.  Missing letters keep anyascii's reading.
_COMMON = {"а": "a", "б": "b", "д": "d", "з": "z", "к": "k", "м": "m", "н": "n", "о": "o", "п": "p",
           "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "ъ": "", "ь": "", "'": "", "’": "", "ʼ": ""}

_TABLES: dict[str, dict[str, str]] = {
    "de": {**_COMMON, "в": "w", "г": "g", "ґ": "g", "е": "e", "^е": "je", "ё": "jo", "ж": "sch", "з": "s",
           "и": "i", "й": "i", "л": "l", "с": "s", "х": "ch", "ц": "z", "ч": "tsch", "ш": "sch",
           "щ": "schtsch", "ы": "y", "э": "e", "ю": "ju", "я": "ja", "і": "i", "ї": "ji", "є": "je"},
    "pl": {**_COMMON, "в": "w", "г": "g", "ґ": "g", "е": "e", "^е": "je", "!е": "e", "ё": "io", "^ё": "jo",
           "ж": "ż", "и": "i", "й": "j", "л": "ł", "х": "ch", "ц": "c", "ч": "cz", "ш": "sz", "щ": "szcz",
           "ы": "y", "э": "e", "ю": "iu", "^ю": "ju", "я": "ia", "^я": "ja", "ь": "", "і": "i", "ї": "ji",
           "є": "ie", "^є": "je"},
    "cs": {**_COMMON, "в": "v", "г": "g", "ґ": "g", "е": "e", "^е": "je", "ё": "jo", "ж": "ž", "и": "i",
           "й": "j", "л": "l", "х": "ch", "ц": "c", "ч": "č", "ш": "š", "щ": "šč", "ы": "y", "э": "e",
           "ю": "ju", "я": "ja", "і": "i", "ї": "ji", "є": "je"},
    "fr": {**_COMMON, "в": "v", "г": "g", "ґ": "g", "е": "e", "^е": "ie", "ё": "io", "ж": "j", "и": "i",
           "й": "ï", "л": "l", "у": "ou", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch", "щ": "chtch",
           "ы": "y", "э": "e", "ю": "iou", "я": "ia", "і": "i", "ї": "ï", "є": "ie"},
    "es": {**_COMMON, "в": "v", "г": "g", "ґ": "g", "е": "e", "^е": "ye", "ё": "io", "^ё": "yo", "ж": "zh",
           "и": "i", "й": "i", "л": "l", "х": "j", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ы": "y",
           "э": "e", "ю": "iu", "^ю": "yu", "я": "ia", "^я": "ya", "і": "i", "ї": "i", "є": "ie", "^є": "ye"},
    "ro": {**_COMMON, "в": "v", "г": "g", "ґ": "g", "е": "e", "^е": "ie", "ё": "io", "ж": "j", "и": "i", "й": "i",
           "л": "l", "х": "h", "ц": "ț", "ч": "ci", "ш": "ș", "щ": "șci", "ы": "î", "э": "e", "ю": "iu",
           "я": "ia", "і": "i", "ї": "i", "є": "ie"},
    "et": {**_COMMON, "в": "v", "г": "g", "ґ": "g", "е": "e", "^е": "je", "ё": "jo", "ж": "ž", "и": "i",
           "й": "i", "л": "l", "х": "h", "ц": "ts", "ч": "tš", "ш": "š", "щ": "štš", "ы": "õ", "э": "e",
           "ю": "ju", "я": "ja", "і": "i", "ї": "ji", "є": "je"},
    # Hungarian (MTA/press): cs, s, sz, zs, c, h, j; and Dutch: oe, sj, tsj, zj, ch, j
    "hu": {**_COMMON, "в": "v", "г": "g", "ґ": "g", "е": "e", "^е": "je", "ё": "jo", "ж": "zs", "и": "i",
           "й": "j", "л": "l", "с": "sz", "х": "h", "ц": "c", "ч": "cs", "ш": "s", "щ": "scs", "ы": "i",
           "э": "e", "ю": "ju", "я": "ja", "і": "i", "ї": "ji", "є": "je"},
    "nl": {**_COMMON, "в": "v", "г": "g", "ґ": "g", "е": "e", "^е": "je", "ё": "jo", "ж": "zj", "и": "i",
           "й": "j", "л": "l", "у": "oe", "х": "ch", "ц": "ts", "ч": "tsj", "ш": "sj", "щ": "sjtsj", "ы": "y",
           "э": "e", "ю": "joe", "я": "ja", "і": "i", "ї": "ji", "є": "je"},
    # Turkish (Anadolu Ajansı, TRT): j ç ş h, y for й and in the iotated vowels
    "tr": {**_COMMON, "в": "v", "г": "g", "ґ": "g", "е": "e", "^е": "ye", "ё": "yo", "ж": "j", "и": "i",
           "й": "y", "л": "l", "х": "h", "ц": "ts", "ч": "ç", "ш": "ş", "щ": "şç", "ы": "ı", "э": "e",
           "ю": "yu", "я": "ya", "і": "i", "ї": "yi", "є": "ye"},
}
# Ukrainian letters that differ from the Russian reading in each system
_UK = {
    "pl": {"г": "h", "и": "y"},
    "cs": {"г": "h", "и": "y"},
    "et": {"г": "h", "и": "õ"},
    "ro": {"г": "h", "и": "î"},
    "de": {"г": "h", "и": "y", "^є": "je", "є": "je"},
    "es": {"г": "h", "и": "y"},
    "hu": {"г": "h"},
    "nl": {"г": "h", "и": "y"},
    "tr": {"г": "h"},
}
# word-final adjective endings (Russian -ый/-ий/-ой, Ukrainian -ий/-ій) in each system
_FINAL = {
    "de": (("ый", "y"), ("ий", "i"), ("ой", "oi"), ("ій", "ij")),
    "pl": (("ый", "y"), ("ий", "ij"), ("ой", "oj"), ("ій", "ij")),
    "cs": (("ый", "yj"), ("ий", "ij"), ("ой", "oj"), ("ій", "ij")),
    "fr": (("ый", "y"), ("ий", "i"), ("ой", "oï"), ("ій", "iï")),
    "et": (("ый", "õi"), ("ий", "i"), ("ой", "oi"), ("ій", "ii")),
    "ro": (("ый", "îi"), ("ий", "ii"), ("ой", "oi"), ("ій", "ii")),
    "es": (("ый", "i"), ("ий", "i"), ("ой", "oi"), ("ій", "ii")),
    "hu": (("ый", "ij"), ("ий", "ij"), ("ой", "oj"), ("ій", "ij")),
    "nl": (("ый", "y"), ("ий", "i"), ("ой", "oj"), ("ій", "ij")),
    "tr": (("ый", "iy"), ("ий", "iy"), ("ой", "oy"), ("ій", "iy")),
}
#: The systems applied to each language: (language, system code).
FOREIGN_SYSTEMS: dict[str, tuple[str, ...]] = {"ru": ("de", "pl", "cs", "fr", "et", "ro", "es", "hu", "nl", "tr"),
                                                "uk": ("de", "pl", "cs", "et", "ro", "es", "hu", "nl", "tr")}
# Romanian writes ч and щ as c and șc before the front vowels, whose own letter gives the i or e
# (Черкаси: Cerkasî; Кліщіївка: Klișciivka), and as ce, șce before a (Часів Яр: Ceasiv Iar; Щастя:
# Șceastia); elsewhere as ci, șci (Керч: Kerci)
_RO_FRONT = set("еиіїєэ")


def letter_spellings() -> dict[str, frozenset[str]]:
    """Every spelling a Cyrillic letter has in any of the systems (lower case).

    The union of the systems' letter tables, Russian and Ukrainian readings alike (the iotated
    vowels' spellings at a word's start or after a vowel included).  :mod:`geoclaims.places.mixed_spelling`
    reads names that mix the systems with it.

    Returns
    -------
    dict of str to frozenset of str

    Examples
    --------
    >>> sorted(letter_spellings()["ж"])
    ['j', 'sch', 'zh', 'zj', 'zs', 'ż', 'ž']
    """
    out: dict[str, set[str]] = {}
    for system, table in _TABLES.items():
        for key, spelled in (*table.items(), *_UK.get(system, {}).items()):
            out.setdefault(key.lstrip("^!"), set()).add(spelled)
    return {letter: frozenset(spellings) for letter, spellings in out.items()}


@functools.lru_cache(maxsize=200_000)
def foreign_romanizations(name: str, language: str) -> dict[str, str]:
    """Spell a Russian (``"ru"``) or Ukrainian (``"uk"``) name in each of :data:`FOREIGN_SYSTEMS`.

    Returns
    -------
    dict of str to str
        ``"ru:de"``, ``"uk:pl"``, ... to the spelling (capitalised as the name); empty for a name
        with no Cyrillic letter.

    Examples
    --------
    >>> foreign_romanizations("Сумы", "ru")["ru:pl"]
    'Sumy'
    >>> foreign_romanizations("Новый Путь", "ru")["ru:de"]
    'Nowy Put'
    """
    if not re.search(r"[\u0400-\u04FF]", name):
        return {}
    out: dict[str, str] = {}
    for system in FOREIGN_SYSTEMS.get(language, ()):
        if system == "tr" and language == "ru" and re.search("[ыЫ]", name):
            # Turkish ı for ы folds to the i of Ukrainian и: the Russian Сырский would spell the Ukrainian
            # surname Сирський, and a Ukrainian text's Сирський would read as a village of Lipetsk Oblast
            continue
        out[f"{language}:{system}"] = _spell(name, {}, system, language)
    # second spellings the press uses beside a system's own
    if language == "uk":
        if "uk:ro" in out:  # Romanian writes я after a consonant as ea (Zaporijjea, Vîsokopillea)
            ea = _spell(name, {"!я": "ea"}, "ro", language)
            if ea != out["uk:ro"]:
                out["uk:ro-ea"] = ea
        if "uk:es" in out and re.search("[иИ]", name):  # the Spanish press's i for и as often as y: Hrishine
            out["uk:es-i"] = _spell(name, {"и": "i"}, "es", language)
        if "uk:de" in out and re.search("[гГ]", name):  # the German press's older g for г: Wodolagy, Krugljakiwka
            out["uk:de-g"] = _spell(name, {"г": "g"}, "de", language)
    if language == "ru" and "ru:es" in out and re.search("[ьЬ][еЕ]", name):
        # the English and Romance press's -ie for -ье (Vysokopolie, Zaporozhie), on the Spanish system's spelling,
        # which is the English press's for the other letters; made here, not on BGN's, so that a Ukrainian
        # village's Russian form (a cognate) gets it as its Russian namesakes do
        out["ru:es-ie"] = _spell(name, {"^е": "ie"}, "es", language)
    if language == "ru" and "ru:es" in out and re.search("[кК]с", name):  # the English and Romance press's x
        out["ru:es-x"] = out["ru:es"].replace("ks", "x").replace("Ks", "X")  # for кс: Alexandro-Shultino
    german = out.get("ru:de", "")
    if "ks" in german or "Ks" in german:  # the German press writes Russian кс as x: Alexandrowka, Alexejewka
        out["ru:de-x"] = german.replace("ks", "x").replace("Ks", "X")
    return out


# the vowels (and the soft sign) that soften the consonant before them, in each language
_SOFT_VOWELS = {"ru": "еёиюяь", "uk": "іїєюяь"}
# Polish: after l, which is soft, the iotated vowels are the plain ones (PWN: Гуляйполе Hulajpołe, Люботин Lubotyn)
_PL_AFTER_L = {"я": "a", "ю": "u", "є": "e", "ё": "o"}
# Hungarian (the Academy's rules, as the press follows them) writes д, т, н before a soft vowel or the soft sign as
# its own soft consonants gy, ty, ny: Донецк Donyeck, Одесса Ogyessza, Костянтинівка Kosztyantinyivka,
# Авдіївка Avgyijivka, Новониколаевка Novonyikolajevka; the iotated vowel after them is then a plain one
_HU_SOFT_CONSONANT = {"д": "gy", "т": "ty", "н": "ny"}
_HU_AFTER_SOFT = {"я": "a", "ю": "u", "ё": "o", "є": "e", "ь": ""}


def _spell(name: str, changes: dict[str, str], system: str, language: str) -> str:
    """`name` in `system`'s spelling for `language`, with `changes` to its letter table."""
    table = {**_TABLES[system], **(_UK.get(system, {}) if language == "uk" else {}), **changes}
    return "".join(_word(w, table, _FINAL[system], system, language) for w in re.split(r"(\W+)", name))


def _word(word: str, table: dict[str, str], finals, system: str, language: str) -> str:
    if not word or not re.match(r"\w", word):
        return word
    low = word.lower()
    tail = ""
    for end, spelled in finals:
        if low.endswith(end) and len(low) > len(end) + 1:
            low, tail = low[: -len(end)], spelled
            break
    out = []
    for i, ch in enumerate(low):
        prev = low[i - 1] if i else ""
        iotated = i == 0 or prev in _VOWELS or prev in _SIGNS
        spelled = table.get(("^" if iotated else "!") + ch)
        if spelled is None:
            spelled = table.get(ch)
        if spelled is None:
            spelled = ch
        if system == "pl" and ch == "л" and i + 1 < len(low) and low[i + 1] in _SOFT_VOWELS[language]:
            spelled = "l"  # soft l before the vowels that palatalise it, and the soft sign
        if system == "pl" and prev == "л" and ch in _PL_AFTER_L:
            spelled = _PL_AFTER_L[ch]  # Polish l is soft itself: ля, лю, лє are la, lu, le (Hulajpole, Lubotyn)
        if system == "hu" and ch in _HU_SOFT_CONSONANT and i + 1 < len(low) and low[i + 1] in _SOFT_VOWELS[language]:
            spelled = _HU_SOFT_CONSONANT[ch]  # д, т, н before a soft vowel: gy, ty, ny (Donyeck, Ogyessza)
        if system == "hu" and prev in _HU_SOFT_CONSONANT and ch in _HU_AFTER_SOFT and ch in _SOFT_VOWELS[language]:
            spelled = _HU_AFTER_SOFT[ch]  # ... whose softness the vowel then needs no j for: Kosztyantinyivka
        if ch == "ь" and i + 1 < len(low) and low[i + 1] == "о" \
                and not (system == "hu" and prev in _HU_SOFT_CONSONANT):  # (Hungarian тьо is tyo, as тё)
            spelled = table["ё"][:-1]  # Ukrainian ьо is Russian ё: Метьолкіне, Metjolkine
        if ch == "и" and prev in _SIGNS and system in ("de", "pl", "cs", "hu", "nl", "et"):
            spelled = "ji"  # и after a soft sign is ji where j is the glide: Дарьино Darjino, Марьинка Marjinka
        if system in ("fr", "es") and spelled == "g" and i + 1 < len(low) and low[i + 1] in "еёиіїєэ":
            spelled = "gu"  # French and Spanish g before e, i is soft: Sergueïevka, Serguéyevka, Guerásimovka
        if system in ("de", "fr") and ch == "с" and prev in _VOWELS and i + 1 < len(low) and low[i + 1] in _VOWELS:
            spelled = "ss"  # German and French double s between vowels
        if system == "ro" and ch in "чщ" and i + 1 < len(low):
            nxt = low[i + 1]
            base = spelled[:-1]  # c, șc
            spelled = base if nxt in _RO_FRONT or nxt in "яю" else base + "e" if nxt == "а" else spelled
            if nxt in "яю":  # ча/чя read alike: Чаплине / Чапаевка, Щастя
                spelled = base + ("e" if nxt == "я" else "i")
        out.append(spelled)
    spelled_word = "".join(out) + tail
    if system == "hu":  # a doubled sz is ssz: Одесса Ogyessza
        spelled_word = spelled_word.replace("szsz", "ssz")
    if system == "tr":  # the Turkish press writes жж as one j: Запоріжжя Zaporijya
        spelled_word = spelled_word.replace("jj", "j")
    return spelled_word[:1].upper() + spelled_word[1:] if word[:1].isupper() else spelled_word
