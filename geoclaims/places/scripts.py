"""Names in the Greek, Armenian and Arabic scripts and in Serbian and Belarusian Cyrillic, read as their press writes
Slavic names.

(And a Russian name as Ukrainian papers write it, є for a soft consonant's е: Бєлгород, Плєхового.)

Greek papers spell Ukrainian and Russian names by Greek sounds: Ολεξάντριβκα (Oleksandrivka: ξ is ks,
ντ inside a word is nd), Μαριούπολη (Mariupol: ου is u, a final -η the Greek ending), Ντονέτσκ
(Donetsk: ντ at a word's start is d). Serbian papers write them in Serbian Cyrillic, whose letters
differ from Russian in a few places: Дијаково (Дьяково: ија for ья), Славјанск (Славянск: ја for я),
Плешчејевка (Плещеевка: шч for щ, је for е after a vowel), Зеленопоље (Зеленополье: љ for ль). Serbian and
Croatian papers in the Latin alphabet write the same letters (lj, nj, dž for љ, њ, џ), so a Latin name with one
of its marks is read through Serbian Cyrillic (Huljajpolje: Гуљајпоље, Гуляйполье), h as х or as Ukrainian г.

Arabic and Persian papers write few vowels and lack some sounds, so a letter stands for several Latin ones
(و: o, u or v; ي: i, e or y; ب: b or p; غ: g or h): سوليدار is read soledar among its readings.

:func:`script_readings` gives the Latin (Greek, Arabic) or Russian Cyrillic (Serbian) spellings such a name
stands for; the gazetteer looks them up like any query, so a Greek or Serbian name is found exactly
when its reading is a stored name or one of its romanisations (reason ``transliteration``), never by
a guess.

Examples
--------
>>> script_readings("Ολεξάντριβκα")[0]
'oleksandrivka'
>>> script_readings("Плешчејевка")
('Плещеевка',)
>>> script_readings("Donetsk")
()
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata

__all__ = ["script_readings", "armenian_word"]

_GREEK = re.compile(r"[\u0370-\u03FF\u1F00-\u1FFF]")
_SERBIAN = re.compile(r"[ЈјЉљЊњЂђЋћЏџ]")
# Ukrainian papers write a Russian name's е after a consonant as є, to keep the consonant soft (Бєлгород,
# Плєхово, Сєвськ): inside a word Ukrainian has є after a consonant in no name of its own, so it reads as the
# Russian е; a word's final -нє is Ukrainian's own neuter ending (Верхнє, Середнє) and is left alone
_UK_SOFT_YE = re.compile(r"(?<=[бвгґджзклмнпрстфхцчшщБВГҐДЖЗКЛМНПРСТФХЦЧШЩ])[єЄ](?=\w)"  # inside a word
                         r"|(?<=[бвгґджзклмпрстфхцчшщБВГҐДЖЗКЛМПРСТФХЦЧШЩ])[єЄ](?!\w)")  # at its end, not after н

# Greek letter groups, longest first (lower case, accents removed); a word's first ντ, μπ, γκ are d, b, g
_GREEK_GROUPS = (
    ("ου", "u"), ("αι", "e"), ("ει", "i"), ("οι", "i"), ("τσ", "ts"), ("τζ", "dz"), ("ντ", "nd"), ("μπ", "mb"),
    ("γκ", "ng"), ("γγ", "ng"),
)
_GREEK_LETTERS = {
    "α": "a", "β": "v", "γ": "h", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
    "λ": "l", "μ": "m", "ν": "n", "ξ": "ks", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
    "υ": "i", "φ": "f", "χ": "kh", "ψ": "ps", "ω": "o", "ϳ": "i", "ϸ": "i",
}
_GREEK_INITIAL = (("ντ", "d"), ("μπ", "b"), ("γκ", "g"))


def _greek_word(word: str) -> str:
    for a, b in _GREEK_INITIAL:
        if word.startswith(a):
            word = b + word[len(a):]
            break
    for a, b in _GREEK_GROUPS:
        word = word.replace(a, b)
    return "".join(_GREEK_LETTERS.get(c, c) for c in word)


def _greek(name: str) -> tuple[str, ...]:
    # a diaeresis parts two vowels that would be one sound (Χουλιαϊπόλε: Huliaipole, αϊ is a-i, not αι e)
    # (ϊ and ϋ become ϳ and ϸ, letters no group of _GREEK_GROUPS holds, read i)
    parted = unicodedata.normalize("NFD", name.lower()).replace("ι\u0308", "ϳ").replace("υ\u0308", "ϸ")
    plain = "".join(c for c in parted if not unicodedata.combining(c))
    words = re.findall(r"[\u0370-\u03FF]+|[^\s\u0370-\u03FF]+", plain)
    base = " ".join(_greek_word(w) for w in words)
    forms = [base]

    def also(change) -> None:  # each reading below, on every reading so far (Μπλαχοντάτνε: both χ and ντ)
        forms.extend(f2 for f2 in (change(f) for f in list(forms)) if f2 not in forms)

    if "nd" in base:  # ντ is d after a consonant (Αβντίιβκα: Avdiivka), and д between vowels (Μπλαχοντάτνε)
        also(lambda f: re.sub(r"(?<=[^aeiouy\s])nd", "d", f))
        also(lambda f: f.replace("nd", "d"))
    # ζ is also ж (Ζαπορίζια: Zaporizhia), γ also g (Russian г), a final -η or -ο a Greek ending (Μαριούπολη)
    forms.append(re.sub(r"(?<=\w)z", "zh", base))
    forms.append(base.replace("h", "g").replace("kg", "kh").replace("tg", "th"))
    if "kh" in base:  # χ is Ukrainian г too, which Greek has no letter for (Χουλιαϊπόλε: Huliaipole)
        also(lambda f: f.replace("kh", "h"))
    if "ts" in base:  # τσ is ч as well as ц (Οτσερετίνε: Ocheretyne)
        also(lambda f: f.replace("ts", "ch"))
    if re.search(r"f(?=[sktp]|\b)", base):  # φ is в where Greek hears it voiceless: Νοβοαζόφσκ, Ροστόφ (Rostov)
        also(lambda f: re.sub(r"f(?=[sktp]|\b)", "v", f))
    forms.extend(re.sub(r"(?<=[lnr])[io]$", "", f) for f in list(forms))
    return tuple(dict.fromkeys(f for f in forms if f))


# Serbian Cyrillic -> Russian Cyrillic: after a vowel (or at a word's start) ја је ју are я е ю; after a
# consonant ија is ья; љ њ are ль нь; шч is щ; ђ ћ џ are дж ч дж; ј alone is й
_VOWELS = "аеиоуяэюыАЕИОУЯЭЮЫ"
_SERBIAN_RULES = (
    ("ија", "ья"), ("ије", "ье"), ("ију", "ью"), ("шч", "щ"), ("ШЧ", "Щ"), ("Шч", "Щ"),
    ("ља", "ля"), ("ље", "лье"), ("љу", "лю"), ("ња", "ня"), ("ње", "нье"), ("њу", "ню"),
    ("љ", "ль"), ("њ", "нь"), ("Љ", "Ль"), ("Њ", "Нь"),
    ("ђ", "дж"), ("ћ", "ч"), ("џ", "дж"), ("Ђ", "Дж"), ("Ћ", "Ч"), ("Џ", "Дж"),
)


def _serbian(name: str) -> tuple[str, ...]:
    text = name
    for a, b in _SERBIAN_RULES:
        text = text.replace(a, b)
    # ј with a vowel after it: я е ю ё (Славјанск, Плешчејевка, Јасинувата); alone: й (Мајорск)
    iotated = {"а": "я", "е": "е", "у": "ю", "А": "Я", "Е": "Е", "У": "Ю"}
    text = re.sub(r"(?<=[^\W\d_])[јЈ]([аеуАЕУ])", lambda m: iotated[m.group(1)], text)  # after a letter: Славјанск
    text = re.sub(r"\b[Јј]([аеуАЕУ])", lambda m: iotated[m.group(1).upper()] if m.group(0)[0] == "Ј"
                  else iotated[m.group(1)], text)  # at a word's start: Јасинувата
    text = text.replace("ј", "й").replace("Ј", "Й")
    return (text,) if text != name else ()


# Serbian and Croatian Latin (Gaj's alphabet) is Serbian Cyrillic letter for letter: lj nj dž are љ њ џ. A name
# with one of its marks (lj, nj, č, ć, š, ž, đ, dž) is read through Serbian Cyrillic (Huljajpolje: Хуљајпоље,
# Гуляйполье); h stands for Russian х or for Ukrainian г (the Croatian press writes Ukrainian names: Huljajpolje)
_SERBIAN_LATIN = re.compile(r"lj|nj|[čćšžđ]", re.I)
_SERBIAN_LATIN_WORD = re.compile(r"[a-zčćšžđ' -]+", re.I)
_SERBIAN_LATIN_PAIRS = (("dž", "џ"), ("lj", "љ"), ("nj", "њ"))
_SERBIAN_LATIN_LETTERS = dict(zip("abcčćdđefghijklmnoprsštuvzž", "абцчћдђефгхијклмнопрсштувзж"))


def _serbian_latin(name: str) -> tuple[str, ...]:
    forms = []
    for h in ("х", "г"):
        text = name.lower()
        for a, b in _SERBIAN_LATIN_PAIRS:
            text = text.replace(a, b)
        text = "".join(h if c == "h" else _SERBIAN_LATIN_LETTERS.get(c, c) for c in text)
        if any(c in text for c in "qwxy"):
            return ()
        cyr = " ".join(w[:1].upper() + w[1:] for w in text.split(" "))
        for reading in _serbian(cyr) or (cyr,):
            forms.append(reading)
            if "ье" in reading and "ије" in cyr:  # ије is also ие (Малијевка: Малиевка)
                forms.append(_serbian(cyr.replace("ије", "ие"))[0] if _serbian(cyr.replace("ије", "ие")) else
                             cyr.replace("ије", "ие"))
    return tuple(dict.fromkeys(forms))


# Arabic and Persian letters for Slavic names: the script writes few vowels and lacks some sounds, so a letter
# stands for several Latin ones, the press's likeliest first: و is o, u or v (سوليدار: Soledar), ي/ی is i, e or y,
# ب is b or p (Arabic has no p: بودغورودني, Podgorodne), غ and گ are g or h (Russian г, Ukrainian г), ف is f or v,
# ج is zh, j or g, ه is e, a or h; the rest have one reading
_ARABIC = re.compile(r"[\u0600-\u06FF]")
_ARABIC_LETTERS = {
    "ا": ("a",), "آ": ("a",), "أ": ("a",), "إ": ("i",), "ب": ("b", "p"), "پ": ("p",), "ت": ("t",), "ث": ("s",),
    "ج": ("zh", "j", "g"), "چ": ("ch",), "ح": ("kh", "h"), "خ": ("kh",), "د": ("d",), "ذ": ("z",), "ر": ("r",),
    "ز": ("z",), "ژ": ("zh",), "س": ("s",), "ش": ("sh",), "ص": ("s",), "ض": ("d",), "ط": ("t",), "ظ": ("z",),
    "ع": ("",), "غ": ("g", "h"), "ف": ("f", "v"), "ڤ": ("v",), "ق": ("k",), "ك": ("k",), "ک": ("k",),
    "گ": ("g", "h"), "ل": ("l",), "م": ("m",), "ن": ("n",), "ه": ("e", "a", "h"), "ة": ("a",), "و": ("o", "u", "v"),
    "ي": ("i", "e", "y"), "ی": ("i", "e", "y"), "ى": ("a",), "ء": ("",), "ؤ": ("u",), "ئ": ("i",), "ـ": ("",),
}
#: Most readings made for one Arabic-script name (the likeliest letters first).
ARABIC_READINGS = 2048


def _arabic(name: str) -> tuple[str, ...]:
    text = re.sub(r"[\u064B-\u065F\u0670]", "", name)  # short-vowel marks, where a paper prints them
    text = re.sub(r"تش", "چ", text)  # ч written تش
    choices = [_ARABIC_LETTERS.get(c, (c,)) if _ARABIC.match(c) else ((" ",) if c.isspace() else (c,)) for c in text]
    if any(_ARABIC.match(c) and c not in _ARABIC_LETTERS for c in text):
        return ()
    for i, c in enumerate(text[:-2]):  # Persian puts a vowel before a word's s and a consonant: استریلچا, Strilecha
        if c in "اإ" and (i == 0 or text[i - 1].isspace()) and text[i + 1] in "سش" and text[i + 2] not in "اآوویی":
            choices[i] = ("", "a")
    out = (" ".join("".join(pick).split()) for pick in itertools.islice(itertools.product(*choices), ARABIC_READINGS))
    return tuple(dict.fromkeys(f for f in out if f))


# Armenian papers write a Russian or Ukrainian name by sound, in Eastern Armenian letters (ու is u, յ y; ե is ye and ո
# vo at a word's start), and decline it: the genitive -ի, the locative -ում, the ablative -ից, the instrumental -ով,
# the dative -ին, the article -ը (after a consonant) or -ն (after a vowel): Կուպյանսկը, Ուրոժայնեն, Բլագոդատնոեի
_ARMENIAN = re.compile(r"[\u0531-\u058F]")
_ARMENIAN_LETTERS = {
    "ա": "a", "բ": "b", "գ": "g", "դ": "d", "ե": "e", "զ": "z", "է": "e", "ը": "y", "թ": "t", "ժ": "zh", "ի": "i",
    "լ": "l", "խ": "kh", "ծ": "ts", "կ": "k", "հ": "h", "ձ": "dz", "ղ": "gh", "ճ": "ch", "մ": "m", "յ": "y", "ն": "n",
    "շ": "sh", "ո": "o", "չ": "ch", "պ": "p", "ջ": "j", "ռ": "r", "ս": "s", "վ": "v", "տ": "t", "ր": "r", "ց": "ts",
    "փ": "p", "ք": "k", "և": "yev", "օ": "o", "ֆ": "f",
}
_ARMENIAN_CASES = ("ում", "ից", "ով", "ին", "ի", "ը", "ն")
_ARMENIAN_VOWELS = set("աեէըիոօու")


def armenian_word(word: str) -> str:
    """An Armenian-script word in Latin letters, as its press writes a Slavic name's sounds (Կուպյանսկ: kupyansk)."""
    word = word.lower()
    out = []
    i = 0
    while i < len(word):
        if word.startswith("ու", i):
            out.append("u")
            i += 2
            continue
        c = word[i]
        first = i == 0 or not _ARMENIAN.match(word[i - 1])
        out.append("ye" if c == "ե" and (first or word[i - 1] in _ARMENIAN_VOWELS)
                   else "vo" if c == "ո" and first else _ARMENIAN_LETTERS.get(c, c))
        i += 1
    return "".join(out)


def _armenian(name: str) -> tuple[str, ...]:
    words = name.split()
    last = words[-1]
    stems = [last]
    for case in _ARMENIAN_CASES:  # the longest case ending the last word has, and the word itself
        if last.lower().endswith(case) and len(last) - len(case) >= 3:
            if case == "ն" and last[-2].lower() not in _ARMENIAN_VOWELS:
                continue  # the article is -ն only after a vowel: Կուպյանսկ's ն... is its own
            stems.append(last[: -len(case)])
            break
    forms = []
    for stem in stems:
        base = " ".join(armenian_word(w) for w in (*words[:-1], stem))
        forms.append(base)
        forms.append(re.sub(r"(?<=[oe])e\b", "ye", base))  # ոե, եե: the Russian neuter -ое, -ее (Blagodatnoye)
    return tuple(dict.fromkeys(forms))


# Belarusian papers write a Russian or Ukrainian name in Belarusian letters: ў for the в (or у) after a vowel, і for и,
# э for е, and а for an о before the stress (аканне: Мартынаўка, Навагродаўка for Мартыновка, Новогродовка). A name
# is read so only when it shows it is Belarusian: an ў, or і beside ы or э (Ukrainian has і but neither of them).
_BELARUSIAN = re.compile(r"[ўЎ]|(?=.*[іІ])(?=.*[ыЫэЭ])")
_BELARUSIAN_LETTERS = str.maketrans({"ў": "в", "Ў": "В", "і": "и", "І": "И", "э": "е", "Э": "Е"})
#: Most о-for-а readings made of one Belarusian name.
BELARUSIAN_READINGS = 64


def _belarusian(name: str) -> tuple[str, ...]:
    text = name.translate(_BELARUSIAN_LETTERS)
    # each а after a consonant and before another vowel of its word may be an unstressed о (never a word's first
    # letter, nor its last vowel)
    spots = [m.start() for m in re.finditer(r"(?<=[бвгджзклмнпрстфхцчшщ])а(?=\w*[аеиоуыэюя])", text, re.IGNORECASE)]
    out = []
    for pick in itertools.islice(itertools.product((False, True), repeat=len(spots)), BELARUSIAN_READINGS):
        chars = list(text)
        for spot, change in zip(spots, pick):
            if change:
                chars[spot] = "о" if chars[spot] == "а" else "О"
        out.append("".join(chars))
    out.sort(key=lambda f: -sum(a != b for a, b in zip(f, text)))  # the most о first: Belarusian writes а for all
    return tuple(dict.fromkeys(out))


@functools.lru_cache(maxsize=4096)
def script_readings(name: str) -> tuple[str, ...]:
    """The spellings a name in the Greek alphabet (Latin readings), in Serbian Cyrillic or Serbian and
    Croatian Latin (Russian Cyrillic) or in the Arabic script of the Arabic and Persian press (Latin readings)
    stands for; () for any other name."""
    if _GREEK.search(name):
        return _greek(name)
    if _SERBIAN.search(name):
        return _serbian(name)
    if _ARABIC.search(name):
        return _arabic(name)
    if _ARMENIAN.search(name):
        return _armenian(name)
    if _BELARUSIAN.search(name):
        return _belarusian(name)
    if _SERBIAN_LATIN.search(name) and _SERBIAN_LATIN_WORD.fullmatch(name):
        return _serbian_latin(name)
    if _UK_SOFT_YE.search(name):
        return (_UK_SOFT_YE.sub(lambda m: "е" if m.group(0) == "є" else "Е", name),)
    return ()
