"""Cognates: the Russian form of a Ukrainian place name, and the Ukrainian form of a Russian one.

Reports of the war name Ukrainian villages in their Russian form (Старица for Стариця, Pletenevka
for Плетенівка, Зеленое for Зелене) and Russian ones in their Ukrainian form (Свердликове for
Свердликово).  Sources rarely carry both names of a village, but the two spellings follow regular
correspondences of the two orthographies, mostly in the endings:

======================  ==================  =====================
Ukrainian               Russian             example
======================  ==================  =====================
-івка                   -овка, -евка        Плетенівка / Плетеневка
-е (neuter adjective)   -ое, -ее            Зелене / Зеленое
-ове, -еве, -ине        -ово, -ево, -ино    Огірцеве / Огирцево
-на, -ська              -ная, -ская         Пильна / Пильная
-а, -я before a noun    -ая, -яя            Стара Буда / Старая Буда
-і before a noun        -ые, -ие            Старі Терни / Старые Терны
-ий, -ій                -ый, -ий, -ой       Сотницький / Сотницкий
-ці, -и                 -цы, -ы             Липці / Липцы
-иця, -ця               -ица, -ца           Стариця / Старица
-ець, -ськ, -цьк        -ец, -ск, -цк       Мороховець / Мороховец
і, ї, є, '              е, и, о; е, и; е; ь Лук'янці / Лукьянцы, Виїмка / Выемка
і before the ending     о, е, и             Сінокісне / Сенокосное
-нє                     -нее, -ное          Дорожнє / Дорожное
-лля, -сся, -ччя ...    -лье, -сье, -чье    Добропілля / Доброполье
під-, від-, піщ-        под-, от-, песч-    Підлипне / Подлипное
перш-, друг-            перв-, втор-        Зоряне Перше / Зоряное Первое
======================  ==================  =====================

Russian spelling writes и, never ы, after г к х ж ш ч щ (Печеніги / Печенеги).  The last two
letters of a word that vary are varied together, and the forms are ordered by how many unusual
choices they take, so that the cap of :data:`MAX_FORMS` keeps the likeliest ones.

:func:`cognates` spells a name by these rules (and the reverse ones), giving a handful of forms;
the gazetteer indexes them with reason ``cognate``.  A query must equal a form exactly (after the
usual folding), so lexical differences stay guesses unless a rule covers their root: Глубокое is
the form of Глибоке by the root rule глиб-/глуб- (deep), Бугроватка of Бугруватка by the suffix
rule -уват-/-оват-, but Огурцово is no form of Огірцеве (огірок/огурец is one word, not a rule).  ``benchmarks/bench_geocode.py`` measures how often the rules
give the real other-language name of the towns GeoNames knows in both languages.

Examples
--------
>>> "Старица" in cognates("Стариця"), "Плетеневка" in cognates("Плетенівка")
(True, True)
>>> "Свердликове" in cognates("Свердликово", "ru")
True
"""

from __future__ import annotations

import functools
import itertools
import re

from geoclaims.places.names import guess_language

__all__ = ["cognates", "cognate_spellings", "MAX_FORMS", "FOREIGN_FORMS", "COGNATE_SYSTEMS"]

#: Romanisation systems a cognate form is also indexed in: the ones the press uses for that language.
COGNATE_SYSTEMS = {"ru": ("BGN_PCGN", "WIKIPEDIA", "press"), "uk": ("UkrainianKMU", "UkrainianBGN")}

#: Most forms made for one name (the first alternatives of each rule come first).
MAX_FORMS = 6
#: How many of a name's forms (the likeliest first) are also spelled in the systems of other languages' press
#: (:mod:`geoclaims.places.foreign_romanization`): foreign agencies often take a Ukrainian
#: village's name from Russian statements (EFE's "Novopetrovskoye", AFP's "Ianvarskoïe").
FOREIGN_FORMS = 1

# word endings, Ukrainian -> Russian alternatives (longest first)
_UK_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ївка", ("евка",)), ("івка", ("овка", "евка")),
    # a doubled consonant before я is the consonant and ье: Добропілля / Доброполье, Залісся / Залесье
    ("ілля", ("олье", "елье")), ("ісся", ("есье", "осье")), ("іччя", ("ечье", "очье")), ("іння", ("енье", "онье")),
    ("лля", ("лье",)), ("сся", ("сье",)), ("ччя", ("чье",)), ("ння", ("нье",)), ("ззя", ("зье",)),
    ("жжя", ("жье",)), ("ддя", ("дье",)), ("ття", ("тье",)), ("шшя", ("шье",)),
    ("ське", ("ское",)), ("цьке", ("цкое",)), ("ьке", ("ское",)),
    ("ове", ("ово", "овое")), ("цеве", ("цево", "цово")), ("еве", ("ево", "евое")), ("єве", ("ево",)), ("ине", ("ино", "иное")),
    ("іне", ("ино",)), ("нє", ("нее", "ное")),
    ("ська", ("ская",)), ("цька", ("цкая",)),
    ("ський", ("ский",)), ("цький", ("цкий",)),
    ("иця", ("ица",)), ("ця", ("ца",)), ("ча", ("чья", "ча")),
    ("ець", ("ец",)), ("ськ", ("ск",)), ("цьк", ("цк",)),
    ("ці", ("цы",)), ("ки", ("ки",)), ("ів", ("ов", "ев")), ("іль", ("оль",)),
    ("ні", ("ние",)), ("ії", ("ие",)),
    ("ий", ("ый", "ий", "ой")), ("ій", ("ий",)),
    ("на", ("ная", "на")), ("ва", ("вая", "ва")),
    ("ще", ("ще",)), ("чче", ("чье",)), ("ье", ("ье",)),
    ("е", ("ое", "ее", "о")), ("и", ("ы",)),
)
# Russian -> Ukrainian
_RU_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("овка", ("івка",)), ("евка", ("івка",)), ("ёвка", ("івка",)),
    ("лье", ("лля",)), ("сье", ("сся",)), ("чье", ("ччя",)), ("нье", ("ння",)), ("зье", ("ззя",)),
    ("жье", ("жжя",)), ("дье", ("ддя",)), ("тье", ("ття",)), ("шье", ("шшя",)),
    ("ское", ("ське",)), ("цкое", ("цьке",)), ("ская", ("ська",)), ("цкая", ("цька",)),
    ("ский", ("ський",)), ("цкий", ("цький",)),
    ("ово", ("ове",)), ("ево", ("еве",)), ("ино", ("ине",)),
    ("ица", ("иця",)), ("ец", ("ець",)), ("ск", ("ськ",)), ("цк", ("цьк",)), ("цы", ("ці",)),
    ("ое", ("е",)), ("ее", ("є", "е")), ("ая", ("а",)), ("яя", ("я",)),
    ("ый", ("ий",)), ("ой", ("ий",)), ("ий", ("ий", "ій")), ("ы", ("и",)),
    ("ов", ("ів",)), ("ев", ("ів",)),
)
# letters inside the word: each maps to its alternatives, the usual one first
_UK_LETTERS = {"і": ("е", "и", "о"), "ї": ("е", "и"), "є": ("е",), "'": ("ь",), "’": ("ь",), "ʼ": ("ь",), "и": ("и", "ы")}
# the last syllable before the ending: Ukrainian і there mostly stands for Russian о (Сінокісне /
# Сенокосное, Томашпіль / Томашполь, Білогір'я / Белогорье), then е (Підкамінь / Подкамень)
_UK_LAST_LETTERS = {"і": ("о", "е", "и")}
_RU_LETTERS = {"ы": ("и",), "и": ("и", "і"), "э": ("е",), "ё": ("ьо", "е"), "ъ": ("'",)}
_WORD = re.compile(r"[\w'’ʼ]+")
# stems that differ by more than letters: Ukrainian and Russian forms of given names and common words
# and the roots of place names whose two forms differ regularly: глибокий/глубокий (deep), червоний/
# красный (red: Червоне/Красное), вовчий/волчий (Вовчанськ/Волчанск), вільний/вольный, кам'яний/
# каменный, олійник/олейник; the suffix -уват-/-оват- (Бугруватка/Бугроватка), -еват- after a
# hushing consonant (Хрящувате/Хрящеватое)
_UK_STEMS = (("олександр", "александр"), ("олексі", "алексе"), ("олекс", "алекс"), ("микола", "никола"),
             ("миколаї", "николае"), ("костянтин", "константин"), ("ньо", "не"), ("запоріз", "запорож"),
             ("глиб", "глуб"), ("червон", "красн"), ("вовч", "волч"), ("вільн", "вольн"), ("кам'ян", "камен"),
             ("кам’ян", "камен"), ("ійн", "ейн"), ("щуват", "щеват"), ("жуват", "жеват"),
             ("чуват", "чеват"), ("шуват", "шеват"), ("уват", "оват"), ("піщ", "песч"),
             ("^вільх", "ольх"), ("^вільш", "ольш"), ("^ганн", "анн"), ("^під", "под"), ("^від", "от"), ("^перш", "перв"),
             ("^друг", "втор"), ("радіс", "радост"), ("огірц", "огурц"))
# the reverse pairs; a root bound to the word's start stays bound (Подгорье / Підгір'я, not "^під")
_RU_STEMS = tuple((("^" + b) if a.startswith("^") else b, a.lstrip("^")) for a, b in _UK_STEMS
                  if a not in ("ньо", "кам’ян", "запоріз", "^перш", "^друг"))  # Первомайское is Первомайське


def _word_forms(word: str, endings, letters, stem_map=()) -> list[str]:
    """Forms of one lower-case word, the likeliest spellings first."""
    for a, b in stem_map:
        if a.startswith("^"):  # a root at the start of the word only (Вільшана / Ольшана)
            if word.startswith(a[1:]):
                word = b.upper() + word[len(a) - 1:]
        elif a in word:
            word = word.replace(a, b.upper())  # upper case: fixed, no letter rule applies to it
    stem, subs = word, ("",)
    for end, alternatives in endings:
        if word.lower().endswith(end) and len(word) > len(end) + 1:  # (a fixed root may reach into the ending)
            stem, subs = word[: -len(end)], alternatives
            break
    if stem[-1:] in "шжчщц" and "ее" in subs:  # Russian spelling: Хорошее, not Хорошое, after a sibilant
        subs = ("ее", *(x for x in subs if x != "ее"))
    # letter alternatives: the last two letters of the stem that have any vary (the syllables
    # before the ending, where і/е/о alternate: Томашпіль/Томашполь, Білогір'я/Белогорье); the
    # others take the usual one.  Forms are ordered by how many non-usual choices they take, so
    # the cap of MAX_FORMS keeps the likeliest ones of every letter and ending.
    choices = [letters.get(c, (c,)) for c in stem]
    varying = [i for i, ch in enumerate(choices) if len(ch) > 1][-2:]
    if varying and letters is _UK_LETTERS and stem[varying[-1]] in _UK_LAST_LETTERS and subs != ("",) \
            and varying[-1] < len(stem) - 1:  # a closed syllable: і between consonants, not before the ending's ї
        choices[varying[-1]] = _UK_LAST_LETTERS[stem[varying[-1]]]
    ranked: list[tuple[int, int, str]] = []
    for picks in itertools.product(*(range(len(choices[i])) for i in varying)):
        spelled = [ch[0] for ch in choices]
        for i, k in zip(varying, picks):
            spelled[i] = choices[i][k]
        base = _after_velars("".join(spelled))
        for r, s in enumerate(subs):
            ranked.append((sum(picks) + r, len(ranked), _after_velars(base + s).lower()))
    return list(dict.fromkeys(form for _, _, form in sorted(ranked)))


# a feminine adjective's short Ukrainian form before a noun (Стара, Мала, Велика, Біла, Верхня), whose
# Russian form ends in -ая/-яя; -на/-ва already take -ная/-вая by the word endings
_UK_SHORT_ADJECTIVE = re.compile(r"[бвгджзклмнпрстфхцчшщ][ая]$")
# a plural adjective before a noun (Старі, Сухі, Нові, Верхні): Russian -ые, -ие
_UK_PLURAL_ADJECTIVE = re.compile(r"[бвгджзклмнпрстфхцчшщ]і$")
_VELAR_Y = re.compile(r"(?<=[гкхжшчщГКХЖШЧЩ])ы")


def _after_velars(word: str) -> str:
    """Russian spelling never writes ы after г к х ж ш ч щ (Печеніги / Печенеги, not Печенегы)."""
    return _VELAR_Y.sub("и", word)


@functools.lru_cache(maxsize=200_000)
def cognates(name: str, language: str | None = None) -> tuple[str, ...]:
    """The regular other-language forms of a Cyrillic place name (Ukrainian <-> Russian).

    Parameters
    ----------
    name : str
        A Cyrillic name.  Latin names give ().
    language : {'uk', 'ru', None}
        The name's language; guessed from its letters (і ї є ґ / ы э ё ъ) when None, and both
        directions are made when it cannot be told.

    Returns
    -------
    tuple of str
        At most :data:`MAX_FORMS` forms, capitalised like `name`, without `name` itself.

    Examples
    --------
    >>> cognates("Зелене")[:2]
    ('Зеленое', 'Зеленее')
    >>> cognates("Лук'янці")[0]
    'Лукьянцы'
    """
    if not re.search(r"[\u0400-\u04FF]", name):
        return ()
    lang = language or guess_language(name)
    directions = [lang] if lang in ("uk", "ru") else ["uk", "ru"]
    forms: list[str] = []
    for d in directions:
        endings, letters, stem_map = ((_UK_ENDINGS, _UK_LETTERS, _UK_STEMS) if d == "uk"
                                      else (_RU_ENDINGS, _RU_LETTERS, _RU_STEMS))
        words = _WORD.findall(name.lower())
        if not words or len(words) > 4:
            continue
        made = _combinations(words, d, endings, letters, stem_map)
        forms.extend(_recase(name, f) for f in made)
    return tuple(f for f in dict.fromkeys(forms) if f.lower() != name.lower())[:MAX_FORMS]


def _combinations(words: list[str], d: str, endings, letters, stem_map) -> list[str]:
    """The other-language forms of a name's words (lower case), combined, the likeliest first."""
    per_word = [_word_forms(w, endings, letters, stem_map)[:MAX_FORMS] for w in words]
    if d == "uk":  # an adjective before the noun: Стара Буда / Старая Буда, Мала Шестерня / Малая Шестерня
        for i, w in enumerate(words[:-1]):
            if _UK_SHORT_ADJECTIVE.search(w):
                # (a form with the full ending already, Боровская of Борівська, takes no second я)
                per_word[i] = list(dict.fromkeys([f + "я" for f in per_word[i] if f.endswith(("а", "я"))
                                                  and not f.endswith(("ая", "яя"))] + per_word[i]))
                per_word[i] = per_word[i][:MAX_FORMS]
            elif _UK_PLURAL_ADJECTIVE.search(w):  # Старі Терни / Старые Терны, Сухі Яли / Сухие Ялы
                plural = [_after_velars(f[:-2] + "ые") for f in _word_forms(w[:-1] + "ий", endings, letters, stem_map)
                          if f.endswith(("ый", "ий"))]
                per_word[i] = list(dict.fromkeys(plural + per_word[i]))[:MAX_FORMS]
    return [" ".join(combo) for combo in itertools.islice(itertools.product(*per_word), MAX_FORMS)]


def _recase(original: str, spelled: str) -> str:
    """Capitalise each word of `spelled` as the matching word of `original` is."""
    originals = _WORD.findall(original)
    words = spelled.split(" ")
    out = [w.capitalize() if i < len(originals) and originals[i][:1].isupper() else w for i, w in enumerate(words)]
    return " ".join(out)


@functools.lru_cache(maxsize=200_000)
def cognate_spellings(name: str, language: str) -> tuple[str, ...]:
    """Every cognate form of `name` (a `language` name) in Cyrillic and in the romanisations of
    :data:`COGNATE_SYSTEMS` of the other language: what the gazetteer indexes.  For a one-word Ukrainian
    neuter name, also the blend of its Russian stem and Ukrainian ending that English reports write
    ("Zaporozhske" for Запорізьке, Russian Запорожское).

    Examples
    --------
    >>> "Pletenevka" in cognate_spellings("Плетенівка", "uk")
    True
    """
    from geoclaims.places.foreign_romanization import foreign_romanizations
    from geoclaims.places.names import _romanize

    other = "ru" if language == "uk" else "uk"
    out: list[str] = []
    for i, form in enumerate(cognates(name, language)):
        out.append(form)
        out.extend(_romanize(form, other, system) for system in COGNATE_SYSTEMS[other])
        if i < FOREIGN_FORMS:  # the likeliest form, as other languages' press spell it (Ianvarskoïe)
            out.extend(foreign_romanizations(form, other).values())
            out.extend(_hybrids(name, form, language))
    return tuple(dict.fromkeys(out))


def _hybrids(name: str, form: str, language: str) -> list[str]:
    """The English press's blend of a Ukrainian neuter name's Russian stem and its Ukrainian ending, romanised:
    Запорізьке / Запорожское -> "Zaporozhske", Гірське / Горское -> "Horske", Острівське / Островское ->
    "Ostrovske" (one-word names only; the Russian form's -ое/-ее becomes the Ukrainian -е)."""
    from geoclaims.places.names import _romanize

    low, rus = name.lower(), form.lower()
    if language != "uk" or " " in low or "-" in low or not low.endswith("е") or not rus.endswith(("ое", "ее")):
        return []
    blend = form[:-2] + form[-1]  # Запорожское -> Запорожске
    if blend.lower() == low:
        return []
    return [_romanize(blend, "uk", system) for system in COGNATE_SYSTEMS["uk"]] + \
        [_romanize(blend, "ru", system) for system in COGNATE_SYSTEMS["ru"][:1]]
