"""Names the Japanese, Korean, Chinese, Hindi, Bengali and other Indian press transcribe by sound, read back into Cyrillic.

Japanese papers write Russian and Ukrainian names in katakana (コンスタンチノフカ: Константиновка,
ポクロウシク: Покровськ), Korean ones in Hangul (차소프 야르: Часов Яр), Hindi and Bengali ones in
Devanagari and Bengali script (लुतुगिनो: Лутугино, পেট্রোপাভলোভকার: Петропавловка with the Bengali
genitive -র).  Each of these scripts lacks some Slavic sounds and adds some of its own, by published
conventions:

- katakana has no bare consonants: a consonant before another, or at a word's end, takes an extra vowel
  (ク ku for к, ト to for т, フ fu for в in -вка), has no l (ラ行 stand for both р and л) and writes
  a Ukrainian в after a vowel as ウ (ハルキウ: Харків);
- Hangul writes a consonant before another with the vowel ㅡ (스 for с, 프 for в/ф in -вка), ㅂ for
  both б and в, ㄹ for р and л (ㄹㄹ for an л between vowels), ㅈ for ж and з, ㅊ for ч and ц;
- Devanagari and Bengali consonants carry an inherent vowel (Hindi a, Bengali o) that a transcription
  may or may not mean, Bengali has no v (ভ, bh, stands for в) and adds a genitive -র to a name; the
  other Brahmic scripts of India (Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada, Malayalam) are read
  letter for letter as Devanagari, whose layout Unicode gives them, Tamil's unvoiced letters also voiced;
- Chinese writes a name with characters chosen for their sounds (Xinhua's tables), read here through their
  pinyin; pinyin writes б and п, д and т alike and Chinese has no р, so its readings are guesses (reason
  ``skeleton``), offered with the next less likely ones, never certain (:func:`readings_are_guesses`).

So a letter stands for several Cyrillic ones.  :func:`transcription_readings` spells every reading,
each letter's likeliest sound first, and groups the readings by how many less likely sounds they take
(their *cost*); the gazetteer looks the cheapest group up first, and the next only when that found
nothing (a Chinese name's next two groups too: :func:`geoclaims.places.matching.candidates`).  A reading found is a stored name or one of its
romanisations (reason ``transliteration``), never a guess by resemblance, except a Chinese one (above).

Examples
--------
>>> transcription_readings("ミハイロフカ")[:2]  # ロ is ро or ло: Михайловка takes one less likely sound
(('михайровка',), ('михайрофка', 'михайловка', 'михаировка', 'мигайровка'))
>>> any("константиновка" in tier for tier in transcription_readings("コンスタンチノフカ"))
True
>>> any("часов яр" in tier for tier in transcription_readings("차소프 야르"))
True
>>> any("петропавловка" in tier for tier in transcription_readings("পেট্রোপাভলোভকার"))
True
>>> transcription_readings("Donetsk")
()
"""

from __future__ import annotations

import functools
import heapq
import re
import unicodedata

__all__ = ["transcription_readings", "readings_are_guesses", "MAX_READINGS", "MAX_COST", "MAX_LETTERS"]

#: Most readings spelled for one name (the cheapest first).
MAX_READINGS = 2000
#: Readings that take more than this many less likely sounds are not spelled.
MAX_COST = 8
#: A name of more letters (kana, syllables) than this is no settlement name: it gets no reading.
MAX_LETTERS = 40

_KANA = re.compile(r"[\u3041-\u3096\u30A1-\u30FA\u31F0-\u31FF\uFF66-\uFF9D]")
_HANGUL = re.compile(r"[\uAC00-\uD7A3]")
_DEVANAGARI = re.compile(r"[\u0900-\u097F]")
# Gurmukhi, Gujarati, Oriya, Tamil, Telugu, Kannada and Malayalam: Unicode lays their letters out as
# Devanagari's (the same offset in each block), so they are read through Devanagari's tables
_BRAHMIC = re.compile(r"[\u0A00-\u0D7F]")
_BENGALI = re.compile(r"[\u0980-\u09FF]")

# -- katakana ------------------------------------------------------------------------------------------
# Each kana (or kana + small kana) -> its Cyrillic readings, likeliest first.  A kana of the u-row (ク ス フ
# ル...) or ト/ド before another consonant or at a word's end is usually a bare consonant (its vowel is
# the one Japanese adds): _KANA_BARE gives its readings there.
_KANA_PAIRS = {
    "キャ": "кя", "キュ": "кю", "キョ": "кё|ко", "ギャ": "гя", "ギュ": "гю", "ギョ": "гё",
    "シャ": "ша|ся|ща", "シュ": "шу|сю|щу", "シェ": "ше|се|ще", "ショ": "шо|сё|щё",
    "ジャ": "жа|зя|джа", "ジュ": "жу|зю|джу", "ジェ": "же|зе|дже", "ジョ": "жо|зё|джо",
    "チャ": "ча|тя", "チュ": "чу|тю", "チェ": "че|те", "チョ": "чо|тё",
    "ニャ": "ня", "ニュ": "ню", "ニェ": "не", "ニョ": "нё",
    "ヒャ": "хя|гя", "ヒュ": "хю|гю", "ヒョ": "хё|гё",
    "ビャ": "бя|вя", "ビュ": "бю|вю", "ビェ": "бе|ве", "ビョ": "бё|вё",
    "ピャ": "пя", "ピュ": "пю", "ピェ": "пе", "ピョ": "пё",
    "ミャ": "мя", "ミュ": "мю", "ミェ": "ме", "ミョ": "мё",
    "リャ": "ря|ля", "リュ": "рю|лю", "リェ": "ре|ле", "リョ": "рё|лё",
    "ティ": "ти|ті", "ディ": "ди", "トゥ": "ту", "ドゥ": "ду",
    "ツァ": "ца", "ツィ": "ци", "ツェ": "це", "ツォ": "цо",
    "ファ": "фа|ва", "フィ": "фи|ви", "フェ": "фе|ве", "フォ": "фо|во",
    "ウィ": "ви", "ウェ": "ве", "ウォ": "во", "ウァ": "ва",
    "イェ": "е|є", "クァ": "ква", "グァ": "гва",
    "ヴァ": "ва", "ヴィ": "ви", "ヴェ": "ве", "ヴォ": "во", "ヴャ": "вя", "ヴュ": "вю", "ヴョ": "вё",
}
_KANA_ONE = {
    "ア": "а", "イ": "и", "ウ": "у|в", "エ": "е|э", "オ": "о",
    "カ": "ка", "キ": "ки", "ク": "ку", "ケ": "ке", "コ": "ко",
    "ガ": "га|ха", "ギ": "ги|хи", "グ": "гу", "ゲ": "ге|хе", "ゴ": "го|хо",
    "サ": "са", "シ": "ши|си|щ", "ス": "су", "セ": "се", "ソ": "со",
    "ザ": "за", "ジ": "жи|зи|дзи", "ズ": "зу", "ゼ": "зе", "ゾ": "зо",
    "タ": "та", "チ": "чи|ти|ч|т", "ツ": "цу", "テ": "те", "ト": "то",
    "ダ": "да", "ヂ": "жи", "ヅ": "зу", "デ": "де", "ド": "до",
    "ナ": "на", "ニ": "ни", "ヌ": "ну", "ネ": "не", "ノ": "но",
    "ハ": "ха|га", "ヒ": "хи|ги", "フ": "фу|ху|гу", "ヘ": "хе|ге", "ホ": "хо|го",
    "バ": "ба|ва", "ビ": "би|ви", "ブ": "бу", "ベ": "бе|ве", "ボ": "бо|во",
    "パ": "па", "ピ": "пи", "プ": "пу", "ペ": "пе", "ポ": "по",
    "マ": "ма", "ミ": "ми", "ム": "му", "メ": "ме", "モ": "мо",
    "ヤ": "я", "ユ": "ю", "ヨ": "ё|йо|е",
    "ラ": "ра|ла", "リ": "ри|ли", "ル": "ру|лу", "レ": "ре|ле", "ロ": "ро|ло",
    "ワ": "ва", "ヰ": "ви", "ヱ": "ве", "ヲ": "о", "ン": "н|м", "ヴ": "ву|в",
}
# before another consonant or at a word's end: the bare consonant first
_KANA_BARE = {
    "ク": "к|ку", "グ": "г|гу|х", "ス": "с|су", "ズ": "з|зу", "ツ": "ц|цу", "ヌ": "н|ну", "ブ": "б|в|бу",
    "プ": "п|пу", "ム": "м|му", "ル": "р|л|ру|лу", "ト": "т|то", "ド": "д|до", "フ": "в|ф|г|х|фу|ху|гу",
    "シ": "ш|с|щ|ши|си", "ウ": "в|у", "ヴ": "в|ву",
}
# at a word's end only: リ and ニ are often ль and нь (マリウポリ: Мариуполь)
_KANA_FINAL = {"リ": "ль|ри|ли|р|л", "ニ": "нь|ни|н"}
# at a word's start フ is the Ukrainian г or the Russian х before a vowel (フリャイポレ: Гуляйполе), not в
_KANA_INITIAL = {"フ": "гу|ху|фу|х|ф"}
_KANA_VOWELS = set("アイウエオ")


def _katakana_units(word: str) -> list[str]:
    units, i = [], 0
    while i < len(word):
        pair = word[i:i + 2]
        if pair in _KANA_PAIRS:
            units.append(pair)
            i += 2
        else:
            units.append(word[i])
            i += 1
    return units


def _katakana_word(word: str) -> list[tuple[str, ...]] | None:
    units = [u for u in _katakana_units(word) if u not in ("ー", "ッ")]  # the long-vowel mark, the geminate
    choices: list[tuple[str, ...]] = []
    for i, u in enumerate(units):
        nxt = units[i + 1] if i + 1 < len(units) else None
        before_consonant = nxt is None or nxt[0] not in _KANA_VOWELS and nxt not in ("イェ",)
        prev = units[i - 1] if i else None
        last = (_KANA_PAIRS.get(prev) or _KANA_ONE.get(prev) or "").split("|")[0][-1:] if prev else ""
        after_vowel = bool(last) and last in "аеиоуяюёэ"
        if u == "イ" and after_vowel:
            alts = "й|и"  # ミハイロフカ: Михайловка
        elif u == "ウ" and not after_vowel:
            alts = "у|в"
        elif u == "エ" and after_vowel:
            alts = "е|є|э"
        elif i == 0 and u in _KANA_INITIAL and nxt is not None and nxt[0] not in _KANA_VOWELS:
            alts = _KANA_INITIAL[u]
        elif nxt is None and u in _KANA_FINAL:
            alts = _KANA_FINAL[u]
        elif before_consonant and u in _KANA_BARE:
            alts = _KANA_BARE[u]
        elif u in _KANA_PAIRS:
            alts = _KANA_PAIRS[u]
        elif u in _KANA_ONE:
            alts = _KANA_ONE[u]
        else:
            return None  # a kana no table reads (a small vowel alone, a kanji): no reading
        choices.append(tuple(alts.split("|")))
    return choices


def _katakana(name: str) -> list[list[tuple[str, ...]]]:
    text = "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c
                   for c in unicodedata.normalize("NFKC", name))  # hiragana -> katakana
    # the kind of place written after the name: 村 "village", 町 "town", 市 "city" (デリロベ村: Дерилове)
    text = re.sub(r"(?<=[\u30A0-\u30FF])\s*(?:村|町|市)$", "", text.strip())
    words = [w for w in re.split(r"[\s・･=＝\-‐–]+", text) if w]
    out: list[tuple[str, ...]] = []
    for n, w in enumerate(words):
        choices = _katakana_word(w)
        if not choices:
            return []
        if n:
            out.append((" ",))
        out.extend(choices)
    return [out]


# -- Hangul --------------------------------------------------------------------------------------------
# the Korean rules for Russian (National Institute of Korean Language): initial, vowel and final of a
# syllable, each to its Cyrillic readings, likeliest first
_L = ("г|к", "к", "н", "д|т", "т", "р|л", "м", "б|в", "п", "с|ш", "с", "", "ж|з|дж", "ц|ч", "ч|ц", "к|х", "т", "п|ф|в",
      "х|г")
_V = ("а", "е|э", "я", "е", "о|е", "е|э", "ё|е", "е", "о", "ва", "ве", "ве", "ё|йо", "у", "во", "ве", "ви", "ю", "",
      "и|ы", "и|ы")
_T = ("", "к", "к", "кс", "н", "нж", "нх", "т", "л", "лк", "лм", "лб", "лс", "лт", "лп", "лх", "м", "п", "пс", "с|т",
      "с", "н|", "ж", "ч", "к", "т", "п", "х")
# a syllable with the vowel ㅡ (eu) and no final is a bare consonant (스 с, 프 в/ф); its vowel is Korean's
_EU = 18


def _hangul(name: str) -> list[list[tuple[str, ...]]]:
    out: list[tuple[str, ...]] = []
    syllables = unicodedata.normalize("NFC", name)
    if any(not (_HANGUL.match(c) or c.isspace() or c in "-‐·") for c in syllables):
        return []
    prev_vowel = False
    prev_final_l = False
    for c in syllables:
        if not _HANGUL.match(c):
            out.append((" ",))
            prev_vowel, prev_final_l = False, False
            continue
        code = ord(c) - 0xAC00
        li, vi, ti = code // 588, (code % 588) // 28, code % 28
        initial = _L[li]
        if li == 5 and prev_final_l:  # ㄹ+ㄹ: one л between vowels (일로: йло)
            initial = "|р"
        vowel = _V[vi]
        if vi == 20 and li == 11 and prev_vowel:  # 이 after a vowel: й (미하일로프카: Михайловка)
            vowel = "й|и"
        if vi == _EU and ti == 0:
            vowel = "|ы"
        if vi == 20 and li in (9, 12, 14) and ti == 0:  # 시 지 치 before a consonant: often a bare ш ж ч (스투포치키)
            vowel = "и|"
        if vi == 13 and li == 11 and prev_vowel:  # 우 after a vowel: the Ukrainian в (포크로우스크: Покровськ)
            vowel = "у|в"
        if li == 7 and vi == _EU and ti == 0:
            initial = "в|б"  # 브 before a consonant: mostly в
        if li == 17 and vi == _EU and ti == 0:
            initial = "в|ф|п"  # 프: -вка, -вск
        out.append(tuple(initial.split("|")))
        out.append(tuple(vowel.split("|")))
        final = _T[ti]
        if ti == 8:  # ㄹ final: л, and nothing when the next syllable begins with ㄹ
            final = "л"
        out.append(tuple(final.split("|")))
        prev_vowel = ti == 0 and vi != _EU
        prev_final_l = ti == 8
    return [out]


# -- Devanagari and Bengali ----------------------------------------------------------------------------
# consonant -> readings; the inherent vowel (Hindi a, Bengali o) is a choice; a vowel sign replaces it;
# the virama (्, ্) removes it
_DEV_CONS = {
    "क": "к", "ख": "х|к", "ग": "г|х", "घ": "г", "ङ": "н", "च": "ч|ц", "छ": "ч|ш", "ज": "дж|ж|з", "झ": "ж",
    "ञ": "н", "ट": "т", "ठ": "т", "ड": "д", "ढ": "д", "ण": "н", "त": "т", "थ": "т", "द": "д", "ध": "д",
    "न": "н", "प": "п", "फ": "ф|п", "ब": "б|в", "भ": "б|в", "म": "м", "य": "й", "र": "р", "ल": "л", "ळ": "л",
    "व": "в", "श": "ш|с", "ष": "ш", "स": "с|ш", "ह": "х|г", "क़": "к", "ख़": "х", "ग़": "г", "ज़": "з|ж",
    "ड़": "р", "ढ़": "р", "फ़": "ф", "य़": "й",
}
_DEV_SIGNS = {"ा": "а", "ि": "и|ы", "ी": "и|ы", "ु": "у", "ू": "у", "ृ": "ри", "े": "е|э", "ै": "е|ай", "ो": "о",
              "ौ": "о|ау", "ॉ": "о", "ॅ": "е", "ॆ": "е", "ॊ": "о"}
_DEV_VOWELS = {"अ": "а|о", "आ": "а", "इ": "и", "ई": "и", "उ": "у", "ऊ": "у", "ऋ": "ри", "ए": "е|э", "ऐ": "е|ай",
               "ओ": "о", "औ": "о|ау", "ऑ": "о", "ऍ": "е"}
_BEN_CONS = {
    "ক": "к", "খ": "х|к", "গ": "г|х", "ঘ": "г", "ঙ": "н", "চ": "ч|ц", "ছ": "ч|ш", "জ": "ж|дж|з", "ঝ": "ж",
    "ঞ": "н", "ট": "т", "ঠ": "т", "ড": "д", "ঢ": "д", "ণ": "н", "ত": "т", "থ": "т", "দ": "д", "ধ": "д",
    "ন": "н", "প": "п", "ফ": "ф|п", "ব": "б|в", "ভ": "в|б", "ম": "м", "য": "й|ж", "র": "р", "ল": "л",
    "শ": "ш|с", "ষ": "ш", "স": "с|ш", "হ": "х|г", "ড়": "р", "ঢ়": "р", "য়": "й", "ৎ": "т",
}
_BEN_SIGNS = {"া": "а", "ি": "и|ы", "ী": "и|ы", "ু": "у", "ূ": "у", "ৃ": "ри", "ে": "е|э", "ৈ": "ой|е", "ো": "о",
              "ৌ": "оу|о"}
_BEN_VOWELS = {"অ": "о|а", "আ": "а", "ই": "и", "ঈ": "и", "উ": "у", "ঊ": "у", "ঋ": "ри", "এ": "е|э", "ঐ": "ой",
               "ও": "о", "ঔ": "оу"}
# Tamil writes no voiced consonants apart: க is к, г or х, ட and த т or д, ப п, б or в (read through
# their Devanagari places); ழ ள ற ன are л, л, р, н
_TAMIL = re.compile(r"[\u0B80-\u0BFF]")
_TAMIL_CONS = {"क": "к|г|х", "च": "ч|с|ж|ш", "ट": "т|д", "त": "т|д", "प": "п|б|в|ф", "ऩ": "н", "ऱ": "р", "ऴ": "л"}
_DEV_CONS |= {"ऩ": "н", "ऱ": "р", "ऴ": "л"}


def _as_devanagari(name: str) -> str:
    """A name in another Brahmic script, letter for letter in Devanagari (the same offset in its block)."""
    return "".join(chr(ord(c) - (ord(c) & ~0x7F) + 0x0900) if 0x0A00 <= ord(c) <= 0x0D7F else c for c in name)


# NFC spells a letter with a nukta as two code points (the letter, then the nukta): so do the tables' keys
_DEV_CONS, _BEN_CONS = ({unicodedata.normalize("NFC", k): v for k, v in t.items()} for t in (_DEV_CONS, _BEN_CONS))
_IOTATED = {"а": "я", "е": "е", "у": "ю", "о": "ё", "и": "и", "ы": "и", "э": "е"}


def _indic(name: str, cons: dict, signs: dict, vowels: dict, virama: str, inherent: str,
           genitive: bool) -> list[list[tuple[str, ...]]]:
    text = unicodedata.normalize("NFC", name)  # a letter with a nukta (ড়, ज़) is two code points in NFC
    words = [w for w in re.split(r"[\s\-‐–]+", text) if w]
    forms: list[list[tuple[str, ...]]] = []
    for variant in ((False, True) if genitive else (False,)):
        out: list[tuple[str, ...]] = []
        for n, word in enumerate(words):
            if variant and n == len(words) - 1:
                # the Bengali genitive: -র after a vowel sign or a bare consonant (বার্খোভকার: Барховка)
                if len(word) > 2 and word.endswith("র") and (word[-2] in signs or word[-2] in cons):
                    word = word[:-1]
                elif len(word) > 3 and word.endswith("ের"):
                    word = word[:-2]
                else:
                    return forms if forms else []
            if n:
                out.append((" ",))
            chars = _indic_letters(word, cons)
            if chars is None:
                return []
            i = 0
            prev_vowel = False
            while i < len(chars):
                c = chars[i]
                nxt = chars[i + 1] if i + 1 < len(chars) else None
                if c in cons:
                    readings = cons[c].split("|")
                    if nxt in signs:
                        v = signs[nxt].split("|")
                        if c in ("य", "য", "য়") and (prev_vowel or i == 0 or chars[i - 1] == virama):
                            # ये after a vowel is е (मालियेव्का: Малиевка), after a bare consonant ье
                            out.append(("",))
                            out.append(tuple(dict.fromkeys(_IOTATED.get(x[0], x) + x[1:] for x in v)) + tuple(
                                "й" + x for x in v))
                        else:
                            out.append(tuple(readings))
                            out.append(tuple(v))
                        i += 2
                        prev_vowel = True
                        continue
                    out.append(tuple(readings))
                    if nxt == virama:
                        i += 2
                        prev_vowel = False
                        continue
                    # no sign: the inherent vowel or none (word end: none first)
                    out.append(("", inherent) if nxt is None or nxt in cons else (inherent, ""))
                    prev_vowel = False
                    i += 1
                    continue
                if c in vowels:
                    v = vowels[c].split("|")
                    if c in ("इ", "ই") and prev_vowel:
                        v = ["й", "и"]
                    out.append(tuple(v))
                    prev_vowel = True
                    i += 1
                    continue
                if c in ("ं", "ং"):  # anusvara: н
                    out.append(("н", "м"))
                    i += 1
                    continue
                if c in ("ँ", "ঁ", "ः", "ঃ", "\u200c", "\u200d", "়", "़"):
                    i += 1
                    continue
                return []  # a letter no table reads
        forms.append(out)
    return forms


def _indic_letters(word: str, cons: dict) -> list[str] | None:
    """The word's letters, a consonant with its nukta (ज़ ড়) as one."""
    out: list[str] = []
    for c in word:
        if c in ("\u093C", "\u09BC") and out and out[-1] + c in cons:
            out[-1] = out[-1] + c
        else:
            out.append(c)
    return out


# -- Chinese -------------------------------------------------------------------------------------------------
# Chinese papers write a foreign name with characters chosen for their sounds by Xinhua's tables (顿涅茨克:
# Донецк, 波克罗夫斯克: Покровск). Read through each character's pinyin (anyascii's, one syllable a character):
# the initial and the final, each to its Cyrillic readings. Characters that stand for a bare consonant
# (克 к, 斯 с, 夫 в, 特 т, 尔 р or л) are syllables in e, i or u whose vowel a consonant after them, or the word's
# end, makes silent; Chinese has no р (罗 luo is ро, 拉 la ра or ла) and writes б and п, д and т alike; a name's
# "Novo-" may be translated (新, "new"), and 州, 区, 村, 镇 and 市 after it are "oblast", "district", "village",
# "town", "city".  These readings are guesses (:func:`readings_are_guesses`).
_CJK = re.compile(r"[\u4E00-\u9FFF]")
_PINYIN_INITIALS = ("zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r", "z",
                    "c", "s")
_PINYIN_INITIAL = {
    "b": "б|п", "p": "п|б", "m": "м", "f": "в|ф", "d": "д|т", "t": "т|д", "n": "н", "l": "л|р", "g": "г|х", "k": "к",
    "h": "х|г", "j": "дж|ж|к|г|т", "q": "ч|к|ц", "x": "с|ш|щ", "zh": "ж|з|дж", "ch": "ч", "sh": "ш|с", "r": "ж|р",
    "z": "з|ц", "c": "ц|ч", "s": "с|ш",
}
_PINYIN_FINAL = {
    "a": "а", "o": "о", "e": "е|о", "i": "и|ы", "u": "у|о", "v": "ю", "ai": "ай|е|а", "ei": "ей|е|и", "ao": "ао|ов",
    "ou": "оу|ов|о", "an": "ан", "en": "ен|н", "ang": "ан", "eng": "ен", "ong": "он", "ia": "я|иа", "ie": "е|ье",
    "iao": "яо", "iu": "ю", "ian": "ян|ен", "iang": "ян", "in": "ин", "ing": "ин", "iong": "ён", "ua": "уа|ва",
    "uo": "о", "uai": "уай", "ui": "уй|уи|ви", "uan": "уан|ан", "un": "ун|он", "uang": "уан", "ue": "ё|е",
}
# whole syllables: the ones with no initial (y-, w-, a vowel) and 尔 er
_PINYIN_WHOLE = {
    "er": "р|ль|ер|ар", "yi": "и|й", "ya": "я", "ye": "е|є", "yo": "йо|ё", "yu": "ю|у", "yue": "ё|е", "yan": "ян|ен",
    "yang": "ян", "yao": "яо|йо", "you": "ю|йо", "yin": "ин", "ying": "ин", "yong": "ён|ен", "yun": "юн",
    "wu": "у|ву|в", "wa": "ва", "wo": "во", "wei": "ви|ве|вей", "wen": "вен", "wan": "ван", "wang": "ван",
    "weng": "вен", "wai": "вай", "a": "а", "o": "о", "e": "е|э", "ai": "ай", "ao": "ао", "ou": "оу", "an": "ан",
    "en": "ен", "ang": "ан", "eng": "ен",
}


# characters with two readings whose transcription one is not anyascii's: 什 is shi (ш) in names, not shen
_PINYIN_OF = {"什": "shi"}
# characters Xinhua's table gives a sound their pinyin does not: 彼 for пе (彼得罗夫卡: Петровка, from 彼得, Пётр),
# 苗 for мё (谢苗诺夫卡: Семёновка)
_XINHUA_OF: dict[str, list[tuple[str, ...]]] = {"彼": [("п",), ("е", "и")], "苗": [("м",), ("ё", "е", "ио")]}


def _pinyin(syllable: str, nxt: str | None, first: bool) -> list[tuple[str, ...]] | None:
    """The reading positions of one pinyin syllable (its initial's readings, its final's)."""
    if first and syllable == "xin":  # 新 "new" for Novo- (新谢利夫卡)
        return [("ново", "син", "шин")]
    if syllable in _PINYIN_WHOLE:
        alts = _PINYIN_WHOLE[syllable].split("|")
        if syllable in ("yi", "wei") and nxt is not None and nxt[:1] == "y":
            alts = [a[:-1] for a in alts if a[-1:] in "ий"] + alts  # 维扬 wei-yang: вян
        return [tuple(dict.fromkeys(alts))]
    initial = next((i for i in _PINYIN_INITIALS if syllable.startswith(i)), None)
    if initial is None or syllable[len(initial):] not in _PINYIN_FINAL:
        return None
    final = syllable[len(initial):]
    finals = _PINYIN_FINAL[final].split("|")
    before_consonant = nxt is None or nxt[:1] not in "aeiouyw" and nxt != "er"
    if final in ("e", "i", "u") and before_consonant:
        finals = ["", *finals]  # 克 к, 斯 с, 夫 в: a bare consonant before another, or at the end
    elif final in ("e", "i", "u"):
        finals = [*finals, ""]
    if final.endswith("i") and nxt is not None and nxt[:1] == "y":
        finals = ["", *[f for f in finals if f]]  # 皮扬 pi-yang: пя
    if initial in ("j", "q", "x") and final.startswith("i") and len(final) > 1:
        plain = [{"я": "а", "ю": "у", "ё": "о"}.get(f[:1], f[:1]) + f[1:] for f in finals if f]
        finals = list(dict.fromkeys(plain + finals))  # pinyin's i after j, q, x is no vowel: 贾 jia джа, 恰 qia ча
    if final.endswith("n") and not final.endswith("ng") and nxt is not None and nxt[:1] == "n":
        finals = [f[:-1] for f in finals if f.endswith("н")] + finals  # 顿涅 dun-nie: доне, one н
    if final == "e" and initial in ("k", "g", "h", "d", "t"):
        finals = [f for f in finals if f != "е"] + ["е"]  # 科 ke, 哥 ge: ко, го more than ке, ге
    return [tuple(_PINYIN_INITIAL[initial].split("|")), tuple(dict.fromkeys(finals))]


def _chinese(name: str) -> list[list[tuple[str, ...]]]:
    from anyascii import anyascii

    text = re.sub(r"(?:州|村|镇|市|地区|区|省)$", "", name.strip())
    words = [w for w in re.split(r"[\s·・\-‐–]+", text) if w]
    out: list[tuple[str, ...]] = []
    for n, word in enumerate(words):
        if not all(_CJK.match(c) for c in word):
            return []
        syllables = [_PINYIN_OF.get(c) or anyascii(c).lower() for c in word]
        if n:
            out.append((" ",))
        for i, syl in enumerate(syllables):
            positions = _XINHUA_OF.get(word[i]) or _pinyin(syl, syllables[i + 1] if i + 1 < len(syllables) else None,
                                                          i == 0)
            if positions is None:
                return []
            out.extend(positions)
    return [out]


# -- the cheapest readings ---------------------------------------------------------------------------------

def _cheapest(choices: list[tuple[str, ...]], limit: int, max_cost: int) -> list[tuple[int, str]]:
    """(cost, spelling) of the `limit` cheapest picks of one reading per position (a pick's cost: the sum
    of its readings' ranks), cheapest first."""
    n = len(choices)
    if not n:
        return []
    start = (0,) * n
    heap = [(0, start, 0)]
    out: list[tuple[int, str]] = []
    while heap and len(out) < limit:
        cost, idx, last = heapq.heappop(heap)
        if cost > max_cost:
            break
        out.append((cost, "".join(choices[j][k] for j, k in enumerate(idx))))
        for j in range(last, n):  # each pick is reached once: positions raised in order
            if idx[j] + 1 < len(choices[j]):
                nxt = idx[:j] + (idx[j] + 1,) + idx[j + 1:]
                heapq.heappush(heap, (cost + 1, nxt, j))
    return out


def readings_are_guesses(name: str) -> bool:
    """True for a name in Chinese characters: its readings are guesses, not spellings by a rule.

    Pinyin, through which the characters are read, writes б and п, д and т, г, к and х alike, and Chinese
    has no р: the cheapest reading of 罗博蒂诺 (Роботино) is "лободино", a Poltava village's Russian name.
    Katakana, Hangul and the Indian scripts keep those sounds apart, and their readings are certain.
    """
    return bool(_CJK.search(name)) and not _KANA.search(name)


@functools.lru_cache(maxsize=1024)
def transcription_readings(name: str) -> tuple[tuple[str, ...], ...]:
    """The Cyrillic spellings a katakana, Hangul, Devanagari or Bengali name stands for, by cost.

    Parameters
    ----------
    name : str
        A place name as a Japanese, Korean, Hindi or Bengali report writes it.

    Returns
    -------
    tuple of tuple of str
        Groups of lower-case Cyrillic readings, the likeliest group (fewest less likely sounds) first;
        ``()`` for a name in no such script, or one with a letter no table reads.
    """
    if sum(not c.isspace() for c in name) > MAX_LETTERS:
        return ()
    if _KANA.search(name):
        variants = _katakana(name)
    elif _CJK.search(name):
        variants = _chinese(name)
    elif _HANGUL.search(name):
        variants = _hangul(name)
    elif _DEVANAGARI.search(name):
        variants = _indic(name, _DEV_CONS, _DEV_SIGNS, _DEV_VOWELS, "्", "а", genitive=False)
    elif _BRAHMIC.search(name) and not _BENGALI.search(name):
        variants = _indic(_as_devanagari(name), _DEV_CONS | _TAMIL_CONS if _TAMIL.search(name) else _DEV_CONS,
                          _DEV_SIGNS, _DEV_VOWELS, "्", "а", genitive=False)
    elif _BENGALI.search(name):
        variants = _indic(name, _BEN_CONS, _BEN_SIGNS, _BEN_VOWELS, "্", "о", genitive=True)
    else:
        return ()
    by_cost: dict[int, dict[str, None]] = {}
    for choices in variants:
        for cost, text in _cheapest(choices, MAX_READINGS, MAX_COST):
            text = " ".join(text.split())
            if text:
                by_cost.setdefault(cost, {})[text] = None
    seen: set[str] = set()
    tiers = []
    for cost in sorted(by_cost):
        tier = tuple(t for t in by_cost[cost] if t not in seen)
        seen.update(tier)
        if tier:
            tiers.append(tier)
    return tuple(tiers)
