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
    ("ой", ("ая", "а", "ой", "ый")), ("ей", ("яя", "а", "я", "ь", "и")), ("ою", ("а", "ая")), ("ею", ("а", "я")),
    ("ую", ("ая", "а")), ("юю", ("яя",)), ("ым", ("ое", "ый", "ий")), ("им", ("ое", "ий", "е", "ій")),
    ("ых", ("ые",)), ("их", ("ие", "і")), ("ах", ("ы", "и", "")), ("ях", ("и", "я")), ("ами", ("ы", "", "и")),
    ("ями", ("и",)), ("ій", ("а", "ий", "ій", "е", "я")), ("ім", ("е", "ий", "ій", "")), ("ої", ("а", "ая", "е")),
    ("е", ("а", "я", "", "о", "е")), ("у", ("а", "")), ("ю", ("я", "ь")),
    ("и", ("а", "я", "ь", "и")), ("ы", ("а", "")), ("і", ("а", "я", "ь", "", "е")), ("ї", ("я",)),
    ("а", ("", "о", "а")), ("я", ("ь", "я", "е")), ("ці", ("ка",)), ("ки", ("ка",)),
    # Ukrainian о/е -> і in the closed last syllable: Харкова -> Харків, Часового -> Часів, Львові -> Львів
    ("ова", ("ів", "ов")), ("ові", ("ів",)), ("овом", ("ів",)), ("ового", ("ів",)), ("овому", ("ів",)),
    # the instrumental of a Ukrainian name: Верхньою Роганкою (Верхня Роганка), Кринками (Кринки), Кучеровим Яром
    # (Кучерів Яр)
    ("ьою", ("я",)), ("овим", ("ів",)), ("евим", ("ів",)), ("євим", ("їв",)),
    ("єва", ("їв",)), ("ева", ("ів", "ев")), ("оля", ("іль",)), ("олі", ("іль",)),
    ("ього", ("ій", "є")), ("ьому", ("ій", "є")),
    # the genitive plural of a name in -ки: "у Крынок" (Крынки), "до Ступочек" (Ступочки); the Ukrainian one of
    # a name in -ці, -ки: "біля Липців" (Липці), "до Берестків" (Берестки)
    ("ок", ("ки",)), ("ек", ("ки",)), ("ців", ("ці",)), ("ків", ("ки",)),
    # ... and of any plural name: "біля Колодязів" (Колодязі), "до Ковалів" (Ковалі), "у Вільшанів" (Вільшани)
    ("ів", ("і", "и")),
], key=lambda e: -len(e[0])))

# prepositions a name is quoted with ("под Суджей", "у Юнаківки", "біля Глибокого")
_PREPOSITION = re.compile(
    r"^(?:в|во|у|ув|під|пiд|под|подо|біля|возле|около|поблизу|близ|за|до|из|із|з|зі|с|со|от|від|на|над|"
    r"для|между|між|через|після|после|по|при|навколо|вокруг|коло|побіля|неподалік|неподалеку)\s+(?=\S)",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"['’]s?$")
# the Turkish press puts a name's case suffix after an apostrophe, in its vowel harmony: "Kucherovka'nın" (of),
# "Pokrovsk'ta" (in), "Bahmut'u" (accusative), "Avdiivka'ya" (to), "Kurahove'den" (from), "Donetsk'teki" (in ...)
_TURKISH_CASE = re.compile(
    r"(?<=[^\W\d_]{3})['’ʼ](?:n?[ıiuü]n|[yn]?[ıiuü]|y?[ae]|n?[dt][ae](?:n|ki)?|y?l[ae])$", re.IGNORECASE)
# the French and Italian press elide an article or a preposition before a name's vowel: "d'Avdiïvka",
# "l'Ocheretyne", "dell'Avdiivka", "nell'oblast"
# (only before a vowel, and not before i or y and a vowel: D'iakivka, D’yakovo romanise a soft sign)
_ELISION = re.compile(r"^(?:d|l|qu|dell|all|dall|nell|sull|coll)['’ʼ](?=[aeiouyàâéèêëîïôûüœ])(?![iyïî][aeiouàâéèêëîïôûü])"
                      r"(?=[^\W\d_]{3})", re.IGNORECASE)
_UK_O_BEFORE_CONSONANT = re.compile(r"[оО][бвгґджзклмнпрстфхцчшщ]$")
_CONSONANT_END = re.compile(r"[бвгґджзклмнпрстфхчшщ]$")
_CYRILLIC = re.compile(r"[\u0400-\u04FF]")


# Georgian case endings (the press writes a Ukrainian or Russian name in Georgian letters and declines
# it: დემიდოვის "of Demidov", ლიტვინოვკას "to Litvinovka", ხერსონში "in Kherson"), longest first, with
# the nominative's own -ი (დემიდოვი) after a consonant; the stem is then read as it is romanised
_GEORGIAN = re.compile(r"[\u10A0-\u10FF]")
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_GEORGIAN_ENDINGS = ("იდან", "იდანვე", "ისთვის", "ამდე", "ისა", "დან", "ში", "ზე", "ით", "ად", "ის", "ს", "ი", "ო")


def _georgian_nominatives(word: str) -> list[str]:
    """The stems a Georgian-script word may be, the word itself first; where the word writes Russian я as
    ია, also its romanisation with "ya" (კნიაზევკა: Knyazevka, as BGN/PCGN spells the Russian name)."""
    out = [word]
    for ending in _GEORGIAN_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            stem = word[: -len(ending)]
            out.append(stem)
            if ending in ("ის", "ისა", "ით", "ად", "იდან") and not stem.endswith(("ა", "ე", "ო", "უ", "ი")):
                out.append(stem + "ა")  # an a-stem's genitive drops its -ა: ლიტვინოვკის -> ლიტვინოვკა
                out.append(stem + "ე")  # and an e-stem's its -ე: სტეფოვისა (with the genitive's full -ისა) -> სტეფოვე
    if "ია" in word:
        from anyascii import anyascii

        out.extend(anyascii(w).replace("'", "").replace("ia", "ya") for w in list(out))
    return list(dict.fromkeys(out))


# Latin-script case endings of the Slavic, Baltic, Estonian and Finnish press (Polish, Czech, Slovak,
# Slovene, Croatian, Lithuanian, Estonian, Finnish) on a romanised name: "w Pokrowsku", "Bachmutu", "pod Awdijiwką",
# "Rubiżnego", "Kyselivku", "v Avdijivce", "Bachmutem", "Pokrovskas", "w Bałakliji", "Izjumist"
# (Estonian "from Izium"), "Balaklijasse", "Robotynės" (Lithuanian "of Robotyne"); the longest ending
# that fits is undone
_LATIN_ENDINGS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(sorted((
    ("owego", ("owe",)), ("iego", ("ie", "i")), ("skiy", ("ske", "sk")), ("skyi", ("ske",)), ("sky", ("ske", "sk")), ("ego", ("e", "y", "i")), ("emu", ("e", "y")),
    ("kiem", ("k", "ka")), ("ku", ("k", "ka")), ("ce", ("ka",)), ("ki", ("ka", "k")), ("kę", ("ka",)),
    ("ką", ("ka",)), ("ke", ("ka",)), ("kou", ("ka",)), ("ky", ("ka",)), ("iu", ("", "ia")), ("ie", ("", "a")),
    ("em", ("",)), ("om", ("",)), ("as", ("", "a")), ("ji", ("ja",)), ("ist", ("", "i")), ("st", ("",)),
    ("sse", ("",)), ("ą", ("a",)), ("ę", ("a",)), ("u", ("", "a")),
    ("a", ("", "o")),  # the masculine genitive, and the South Slavic one of a neuter in -o (Robotina: Robotino)
    # the genitive of a Polish neuter noun in -e: Hulajpola (Hulajpole), Zaporoża (Zaporoże); only these nouns,
    # since an -a after other stems is a masculine genitive or an adjective (Borivska is no Borivske)
    ("pola", ("pole",)), ("oża", ("oże",)),
    # Finnish: the genitive -n after a vowel, -in after a consonant (Kostjantynivkan, Siverskin; Radkivskin of a
    # name in -i), the
    # inessive -ssa, elative -sta, adessive -lla, ablative -lta
    ("an", ("a",)), ("en", ("e",)), ("in", ("", "i")), ("ssa", ("",)), ("sta", ("", "a")), ("lla", ("",)),
    ("issa", ("",)), ("ista", ("",)), ("iin", ("",)),
    # the illative doubles the name's last vowel before -n (Novodanylivkaan, Pokrovskiin above)
    ("aan", ("a",)), ("een", ("e",)),
    ("lta", ("",)),
    # Lithuanian: the genitive -os of an a-stem (Novodanylivkos), -ės of an e-stem (Robotynės, Verbovės),
    # the locatives -oje and -ėje, and the nominative -ė the press gives names in -e; Latvian's genitive
    # -as and Estonian's inessive -s on a name in -a (Kozinkas) are undone by "as" above
    ("os", ("a",)), ("ės", ("e",)), ("oje", ("a",)), ("ėje", ("e",)), ("ė", ("e",)),
    # ... and the genitive -o of a name ending in a consonant (Keramiko, Bachmuto, Pokrovsko)
    ("ko", ("k",)), ("to", ("t",)),
    # Estonian: the partitive -it of a name ending in a consonant (Vovtšanskit); a Russian genitive plural
    # romanised, of a name in -ki (Krynok: Крынок, of Крынки)
    ("it", ("",)), ("ok", ("ki", "ky")), ("ek", ("ki", "ky")),
    # the German genitive -s and the Estonian inessive -s on a name in -e (Kamenskojes, Kalõnivskes)
    ("es", ("e",)),
), key=lambda e: -len(e[0])))
# a masculine genitive -a (Bachmuta, Pokrowska, Charkowa) follows the consonants town names end in
_GENITIVE_A = re.compile(r"[tkvwrlnmdsz]a$")
_LATIN_WORD = re.compile(r"^[^\W\d_]+$")


# Hungarian case suffixes on a name in the Hungarian press's spelling ("Ocseretinét", "Ocseretinéig",
# "Vremivkát", "Pokrovszkba", "Kupjanszkot"): a final a/e of the name lengthens to á/é before them
_HUNGARIAN_SUFFIXES = tuple(sorted((
    "ból", "ből", "ban", "ben", "nál", "nél", "tól", "től", "ról", "ről", "hoz", "hez", "höz", "nak", "nek",
    "ért", "ig", "ba", "be", "ra", "re", "on", "en", "ön", "ot", "et", "öt", "at", "t", "n",
), key=len, reverse=True))
_HUNGARIAN_MARK = re.compile(r"[áéíóöőúüű]|sz|cs|zs|gy|ny|ly")
_HUNGARIAN_LONG = str.maketrans({"á": "a", "é": "e", "Á": "A", "É": "E"})


def _hungarian_nominatives(word: str) -> list[str]:
    """The name a Hungarian case form may be: the suffix dropped, a lengthened final á/é shortened."""
    low = word.lower()
    if not _HUNGARIAN_MARK.search(low):
        return []
    for suffix in _HUNGARIAN_SUFFIXES:
        if low.endswith(suffix) and len(low) - len(suffix) >= 4:
            stem = word[: len(word) - len(suffix)]
            return [stem[:-1] + stem[-1].translate(_HUNGARIAN_LONG)] if stem[-1] in "áéÁÉ" else [stem]
    return []


def _latin_nominatives(word: str) -> list[str]:
    """The nominatives a Latin-script word in a Slavic, Baltic or Hungarian case may be, the word itself first."""
    out = [word, *_hungarian_nominatives(word)]
    low = word.lower()
    if len(low) < 5 or not _LATIN_WORD.match(low) or not low.isascii() and not re.search(r"[ąęėįłńóśūųźżčšžěůýõäöü]", low):
        return out
    for ending, repl in _LATIN_ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            if ending == "a" and not _GENITIVE_A.search(low):
                break
            stem = word[: len(word) - len(ending)]
            out.extend(stem + r for r in repl)
            break
    return out


def _word_nominatives(word: str) -> list[str]:
    """The nominatives one Cyrillic, Georgian or Latin word may be (the word itself first)."""
    if _GEORGIAN.search(word):
        return _georgian_nominatives(word)
    if not _CYRILLIC.search(word):
        return _latin_nominatives(word)
    out = [word]
    low = word.lower()
    for ending, repl in _ENDINGS:
        if low.endswith(ending) and len(word) - len(ending) >= (2 if len(word) <= 4 else 3):
            stem = word[: len(word) - len(ending)]
            out.extend(stem + r for r in repl)
            # Ukrainian о in a syllable the ending opens is і in the nominative's closed one (Броду: Брід)
            if _UK_O_BEFORE_CONSONANT.search(stem) and "" in repl:
                out.append(stem[:-2] + ("І" if stem[-2] == "О" else "і") + stem[-1])
    if _CONSONANT_END.search(low) and len(low) >= 5:  # a genitive plural with no ending: біля Дудчан (Дудчани)
        out.extend((word + "и", word + "ы"))
    return list(dict.fromkeys(out))[:12]


# an ordinal before a name (1-й Княжий, Перший Княжий, Pervy Knyazhy, "1st Knyazhy"): the gazetteer files such
# villages under the number (1-y Knyazhiy), in the gender of the noun (-й, -я, -е)
_ORDINALS = {
    1: r"1st|first|1-?(?:y|yy|yi|ya|ye|e|j|ja|je|й|я|е)|perv(?:yy|yi|y|iy|ij|aya|aja|oye|oe|oje)|pershy[iy]?|pershe|persha|"
       r"перв(?:ый|ая|ое)|перш(?:ий|а|е)",
    2: r"2nd|second|2-?(?:y|yy|yi|ya|ye|e|j|ja|je|й|я|е)|vtoro(?:y|yy|i|j)|vtoraya|vtoroye|vtoroe|druhy[iy]?|druha|druhe|"
       r"втор(?:ой|ая|ое)|друг(?:ий|а|е)",
    3: r"3rd|third|3-?(?:y|yy|yi|ya|ye|e|j|ja|je|й|я|е)|treti(?:y|i|j|ya|ye|ja|je)|трет(?:ий|ья|ье|ій|я|є)",
}
_ORDINAL = re.compile(r"^(%s)[\s-]+(?=\S)" % "|".join(f"(?P<n{n}>{p})" for n, p in _ORDINALS.items()), re.IGNORECASE)


def _numbered(text: str) -> list[str]:
    """The numbered forms of a name that begins with an ordinal: "1st Knyazhy" -> "1-y Knyazhy", "1-ya ..."."""
    m = _ORDINAL.match(text)
    if not m:
        return []
    n = next(int(k[1:]) for k, v in m.groupdict().items() if v)
    rest = text[m.end():]
    cyrillic = bool(_CYRILLIC.search(rest))
    return [f"{n}-{suffix} {rest}" for suffix in (("й", "я", "е") if cyrillic else ("y", "ya", "ye"))]


@functools.lru_cache(maxsize=65536)
def nominatives(name: str) -> tuple[str, ...]:
    """The nominative forms an inflected place name may stand for, most likely first.

    Parameters
    ----------
    name : str
        A name as written in text (at most four words); a leading preposition (or a French or Italian
        elided article: "d'Avdiïvka"), and an English possessive or a Turkish case suffix ("Pokrovsk'ta")
        are dropped first.

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
    >>> nominatives("Kucherovka'nın"), nominatives("d'Avdiïvka")
    (('Kucherovka',), ('Avdiïvka',))
    >>> nominatives("Bachmutu"), nominatives("Kyselivku")
    (('Bachmut', 'Bachmuta'), ('Kyselivk', 'Kyselivka'))
    """
    text = " ".join(name.split())
    numbered = _numbered(text)
    if numbered:  # an ordinal written out or as a number: the numbered forms, each with its own case forms
        return tuple(dict.fromkeys(f for n in numbered for f in (n, *_case_forms(n)) if f != text))[:MAX_FORMS]
    return _case_forms(text)


def _case_forms(text: str) -> tuple[str, ...]:
    """:func:`nominatives` of a name with no ordinal before it."""
    if _ARABIC.search(text):  # و is o as often as u in the press's Arabic (سفياتوهيرسك: Sviatohirsk)
        return (text.replace("و", "o"),) if "و" in text else ()
    bare = _PREPOSITION.sub("", text, count=1)
    latin = not _CYRILLIC.search(bare)
    if latin:
        bare = _ELISION.sub("", bare, count=1)
    with_suffix = bare
    if latin:
        bare = _POSSESSIVE.sub("", _TURKISH_CASE.sub("", bare))
    parts = re.split(r"([ -])", bare)  # words, and the spaces and hyphens between them: both halves of
    words, seps = parts[0::2], parts[1::2]  # Купянска-Узлового are declined (Купянск-Узловой)
    if not bare or len(words) > 4 or not all(words):
        return ()
    forms = [bare] if bare != text else []
    english = bare != with_suffix  # an English possessive or a Turkish suffix: no other case to undo
    per_word = [[w] if english else _word_nominatives(w) for w in words]
    for combo in itertools.islice(itertools.product(*per_word), MAX_FORMS * 2):
        forms.append("".join(w + sep for w, sep in itertools.zip_longest(combo, seps, fillvalue="")))
    return tuple(f for f in dict.fromkeys(forms) if f != text)[:MAX_FORMS]
