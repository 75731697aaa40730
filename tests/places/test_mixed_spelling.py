"""Names spelled letter by letter in more than one press system read for sure; slips stay guesses."""

import pytest

from geoclaims.places.mixed_spelling import is_latin_name, spells


@pytest.mark.parametrize("written, cyrillic", [
    ("Tchassiv Yar", "Часів Яр"),      # French tch and ss, the English Yar
    ("Uroschajne", "Урожайне"),        # German sch, the j of Polish and Czech
    ("Joroshee", "Хорошее"),           # the Spanish j for х, in the Russian form
    ("Zaretchnoye", "Заречное"),       # French tch, English -oye
    ("Kurchatow", "Курчатов"),         # English ch, German w
    ("Alexandrowka", "Александровка"),  # x for кс, German w
    ("Maryinka", "Марьинка"),          # the soft sign as y before a vowel
    ("Stary Saltiv", "Старий Салтів"),  # -ий as -y
    ("Velykiy Burluk", "Великий Бурлук"),  # the ending -ий spelled apart from the name's other и
    ("Selenyj Haj", "Зелений Гай"),    # German s for з, Polish j for й
    ("Kosztyantynivka", "Костянтинівка"),  # Hungarian sz and ty, English y
    ("Sergueyevka", "Сергеевка"),      # French gu before e, English ye
    ("Wowtschansk", "Вовчанськ"),      # one system's spelling reads too
    ("Urozajnoye", "Урожайное"),       # a mark left off (Polish ż as z), English -oye
])
def test_a_name_mixing_the_systems_spells_the_cyrillic_name(written, cyrillic):
    assert spells(written, cyrillic)


@pytest.mark.parametrize("written, cyrillic", [
    ("Oczertyne", "Очеретине"),        # a dropped letter
    ("Ocherteyne", "Очеретине"),       # swapped letters
    ("Kurchatovv", "Курчатов"),        # a doubled letter no system writes
    ("Tyestovo", "Тесово"),            # an added letter
    ("Byelgorod", "Белгород"),         # the glide of е after a consonant: no system writes it
    ("Maorsk", "Майорск"),             # й dropped inside a word
    ("Krynici", "Криниці"),            # и as y, then as i: a garbled Кринки, not Криниці (Krynyci)
    ("Krynici", "Криныцы"),            # no system writes и as y and ы as i
    ("Urozhaine", "Уразове"),          # another name
    ("Урожайне", "Урожайне"),          # not a Latin name
    ("Uroschajne", "Урожайне (село)"),  # a stored name with a sign no system spells
])
def test_a_slip_or_another_name_is_not_a_spelling(written, cyrillic):
    assert not spells(written, cyrillic)


def test_only_latin_names_are_read():
    assert is_latin_name("Tchassiv Yar") and is_latin_name("Urożajne")
    assert not is_latin_name("Урожайне") and not is_latin_name("乌罗扎伊内") and not is_latin_name("123")


def test_a_mixed_spelling_is_a_certain_match_and_a_slip_a_guess(gaz):
    """Through the gazetteer: the mixed spelling is a transliteration, not a guess; the slip stays one."""
    match = gaz.lookup("Tchassiv Yar")[0]
    assert (match.place.name, match.reason, match.uncertain) == ("Chasiv Yar", "transliteration", False)
    slip = gaz.lookup("Oczertyne")[0]
    assert slip.place.name == "Ocheretyne" and slip.uncertain
    assert all(m.uncertain for m in gaz.lookup("Krynici"))  # no village Криниці for sure (Krynytsi, Donetsk Oblast)


def test_a_mixed_spelling_of_a_name_many_places_share_stays_ambiguous(gaz):
    """Spelling a name for sure does not pick one of its namesakes: Zaretchnoye is every Zarichne."""
    found = gaz.lookup("Zaretchnoye", limit=20)
    regions = {m.place.admin1 for m in found if m.reason == "transliteration"}
    assert len(regions) >= 3 and not any(m.uncertain for m in found)


def test_a_claims_row_in_a_mixed_spelling_is_located_with_no_guess(tmp_path):
    from geoclaims import read_claims

    path = tmp_path / "claims.csv"
    path.write_text(
        "claim_id,date,claimant,claimant_side,side,action,place,region,status\n"
        "c1,2024-01-26,Ukrainian General Staff,UA,UA,capture,Uroschajne,Gebiet Donezk,claimed\n"
        "c2,2024-01-26,Ukrainian General Staff,UA,UA,capture,Oczertyne,Gebiet Donezk,claimed\n",
        encoding="utf-8")
    claims = read_claims(path, on_error="collect")
    located = {c.place_name: c.place for c in claims if c.place is not None}
    assert located["Uroschajne"].name == "Urozhaine" and located["Uroschajne"].admin1 == "Donetsk Oblast"
    assert "Oczertyne" not in located  # a guess: a problem row unless guesses are accepted
    assert [p.line for p in claims.problems] == [3]


def test_a_case_form_of_a_mixed_spelling_reads_as_one(gaz):
    """The Hungarian accusative of Іванівське in a spelling no one system makes (sz, and the é of the ending)."""
    found = gaz.lookup("Ivanivszkét", limit=10)
    assert found and {m.reason for m in found} == {"declension"} and not any(m.uncertain for m in found)
    assert "Donetsk Oblast" in {m.place.admin1 for m in found}
