"""Katakana, Hangul, Devanagari and Bengali names read back into Cyrillic (geoclaims.places.transcriptions)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from geoclaims import Gazetteer
from geoclaims.places.names import fold
from geoclaims.places.transcriptions import MAX_LETTERS, MAX_READINGS, readings_are_guesses, transcription_readings


def _readings(name):
    return [r for tier in transcription_readings(name) for r in tier]


@pytest.mark.parametrize("name, reading", [
    ("コンスタンチノフカ", "константиновка"),  # チ ти, フ before カ в, ン н
    ("ミハイロフカ", "михайловка"),           # イ after a vowel й, ロ ло
    ("アレクサンドロ・シュルチノ", "александро шультино"),  # ・ between words, ル before チ a bare л
    ("ポクロウシク", "покровськ"),            # the Ukrainian в after a vowel: ウ; シ before ク a bare с
    ("マリウポリ", "мариуполь"),              # a final リ: ль
    ("フリャイポレ", "гуляйполе"),            # a word's first フ: the Ukrainian г
    ("すじゃ", "суджа"),                     # hiragana read as katakana; ジャ джа
    ("차소프 야르", "часов яр"),               # ㅡ adds no vowel: 프 в
    ("미하일로프카", "михайловка"),            # 일로: йло (ㄹㄹ is one л)
    ("스투포치키", "ступочки"),                # 치 before a consonant: a bare ч
    ("포크로우스크", "покровск"),              # 우 after a vowel: в
    ("लुतुगिनो", "лутугино"),
    ("मालियेव्का", "малиевка"),               # ये after a vowel: е; ् removes the inherent vowel
    ("কুরিলোভকা", "куриловка"),               # ভ (bh) is в
    ("পেট্রোপাভলোভকার", "петропавловка"),      # the Bengali genitive -র dropped
    ("মস্কোভকার", "московка"),                # the inherent o where the word needs it
    ("బఖ్ముత్", "бахмут"),                    # Telugu, read through Devanagari's layout
    ("பாக்முட்", "бахмут"),                   # Tamil's க also х, its ப also б
    ("ಪೊಕ್ರೊವ್ಸ್ಕ್", "покровск"),              # Kannada
    ("顿涅茨克", "донецк"),                    # Chinese: 克 a bare к, 顿涅 dun-nie one н
    ("苏贾", "суджа"),                         # 贾 jia: джа (pinyin's i after j is no vowel)
    ("格卢什科沃", "глушково"),                 # 什 read shi, as in names
    ("新阿佐夫斯克", "новоазовск"),             # 新 "new" for Novo-
    ("哈尔科夫州", "харьков"),                  # 尔 a bare р, 州 "oblast" dropped
    ("彼得罗夫卡", "петровка"),                 # Xinhua's 彼 for пе (彼得: Пётр), not pinyin's bi
    ("谢苗诺夫卡", "семёновка"),                # and its 苗 for мё, not miao
])
def test_readings(name, reading):
    assert fold(reading) in {fold(r) for r in _readings(name)}  # as the index compares them (ь is silent)


def test_likeliest_readings_come_first():
    tiers = transcription_readings("ミハイロフカ")
    assert tiers[0] == ("михайровка",)  # every letter's likeliest sound
    position = next(i for i, tier in enumerate(tiers) if "михайловка" in tier)
    assert position == 1  # one less likely sound (ロ as ло)
    flat = _readings("ミハイロフカ")
    assert len(flat) == len(set(flat))  # no reading twice


@pytest.mark.parametrize("name", ["Donetsk", "Донецьк", "Ολεξάντριβκα", "ドネツク州の村", "東京Station"])
def test_names_no_table_reads_have_no_readings(name):
    assert transcription_readings(name) == ()  # other scripts, kanji among the kana


def test_a_name_too_long_for_a_settlement_gets_no_reading():
    assert transcription_readings("ポ" * MAX_LETTERS) != ()
    assert transcription_readings("ポ" * (MAX_LETTERS + 1)) == ()


_LETTERS = st.sampled_from(
    [chr(c) for c in range(0x30A1, 0x30FB)] + [chr(c) for c in range(0xAC00, 0xAC00 + 11172, 97)]
    + [chr(c) for c in range(0x0900, 0x0980)] + [chr(c) for c in range(0x0980, 0x0A00)]
    + [chr(c) for c in range(0x4E00, 0x9FFF, 211)] + [" ", "・"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_LETTERS, min_size=1, max_size=MAX_LETTERS).map("".join))
def test_any_text_in_these_scripts_gives_bounded_cyrillic_readings(text):
    tiers = transcription_readings(text)
    flat = [r for tier in tiers for r in tier]
    assert len(flat) <= 2 * MAX_READINGS  # Bengali: with and without the genitive
    assert all(r and r == " ".join(r.split()) and not any("a" <= ch <= "z" for ch in r) for r in flat)


@pytest.mark.parametrize("name, region, expected", [
    ("プレドテチノ", None, "Predtechyne"),
    ("アレクサンドロ・シュルチノ", None, "Oleksandro-Shultyne"),
    ("ベラヤ・ゴラ", "Donetsk Oblast", "Bila Hora"),
    ("ハルキウ", None, "Kharkiv"),
    ("チャシウ・ヤール", None, "Chasiv Yar"),
    ("차소프 야르", None, "Chasiv Yar"),
    ("스투포치키", None, "Stupochky"),
    ("노보아조프스크", None, "Novoazovs'k"),
    ("बख्मुत", None, "Bakhmut"),
    ("কুরিলোভকা", "Kharkiv Oblast", "Kurylivka"),
    ("সুদজা", None, "Sudzha"),
    ("ബഖ്മുത്", None, "Bakhmut"),               # Malayalam
    ("デリロベ村", "Donetsk Oblast", "Derylove"),   # 村 "village" after the name
    ("マイスケ村", "Donetsk Oblast", "Maiske"),
    ("デリロベ 村", "Donetsk Oblast", "Derylove"),  # with a space before it
])
def test_the_gazetteer_finds_them_for_sure(name, region, expected):
    r = Gazetteer.default().resolve(name, region=region)
    assert r.best is not None and r.best.place.name == expected and not r.ambiguous
    assert r.best.reason in {"transliteration", "alias", "exact"} and not r.best.uncertain


def test_a_reading_outside_the_region_is_not_taken():
    # Куриловка is a village of Kharkiv Oblast: asked in Zaporizhzhia Oblast, no reading is a place there
    r = Gazetteer.default().resolve("কুরিলোভকা", region="Zaporizhzhia Oblast")
    assert r.best is None or r.best.uncertain


def test_the_matched_key_is_the_reading():
    m = Gazetteer.default().resolve("プレドテチノ").best
    assert fold(m.matched_name) in {fold(r) for r in _readings("プレドテチノ")} | {fold(m.place.name)}


def test_chinese_readings_are_guesses():
    assert readings_are_guesses("巴赫穆特") and not readings_are_guesses("コンスタンチノフカ")
    assert not readings_are_guesses("차소프 야르") and not readings_are_guesses("Bakhmut")
    m = Gazetteer.default().resolve("巴赫穆特").best
    assert m.place.name == "Bakhmut" and m.uncertain  # found, and flagged as a guess


def test_a_chinese_name_is_never_a_silent_wrong_place():
    # pinyin writes б/п and д/т alike, and Chinese has no р: the cheapest reading of 罗博蒂诺 (Роботино) is
    # "лободино", a Poltava village; both are offered as guesses, and the region settles it
    gaz = Gazetteer.default()
    r = gaz.resolve("罗博蒂诺")
    assert r.best.uncertain and {"Lobodyne", "Robotyne"} <= {m.place.name for m in r.matches}
    assert gaz.resolve("罗博蒂诺", region="Zaporizhzhia Oblast").best.place.name == "Robotyne"
