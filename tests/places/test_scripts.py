"""Greek and Serbian Cyrillic names, read as their press writes Slavic names (geoclaims.places.scripts)."""

import pytest

from geoclaims import Gazetteer
from geoclaims.places.scripts import ARABIC_READINGS, script_readings


@pytest.mark.parametrize("name, reading", [
    ("Ολεξάντριβκα", "oleksandrivka"),   # ξ ks, ντ inside a word nd
    ("Ντονέτσκ", "donetsk"),             # ντ at a word's start d
    ("Μπαχμούτ", "bakhmut"),             # μπ at a word's start b, χ kh, ου u
    ("Αβντίιβκα", "avdiivka"),           # ντ after a consonant d
    ("Μαριούπολη", "mariupol"),          # a Greek ending -η dropped
    ("Ζαπορίζια", "zaporizhia"),         # ζ also ж
    ("Χουλιαϊπόλε", "huliaipole"),       # a diaeresis parts α and ι (αι alone is e); χ also Ukrainian г
    ("Καϊντάνοβο", "kaindanovo"),
    ("Μπλαχοντάτνε", "blahodatne"),      # ντ between vowels д, with χ as г in the same reading
    ("Οτσερετίνε", "ocheretine"),        # τσ is ч as well as ц
    ("استریلچا", "strilcha"),            # Persian's vowel before a word's s and a consonant
    ("Славјанск", "Славянск"),           # Serbian ја after a consonant: я
    ("Плешчејевка", "Плещеевка"),        # шч: щ; је after a vowel: е
    ("Дијаково", "Дьяково"),             # ија: ья
    ("Зеленопоље", "Зеленополье"),       # ље: лье
    ("Мајорск", "Майорск"),              # ј alone: й
    ("Јасинувата", "Ясинувата"),
    ("Плєхово", "Плехово"),              # a Russian name as Ukrainian papers write it: є for е after a consonant
    ("Лєбєдєвка", "Лебедевка"),
    ("Νοβοαζόφσκ", "novoazovsk"),        # φ for в before a voiceless consonant or at the end, as Greek hears it
    ("Κουρσκ", "kursk"),
    ("Կուպյանսկ", "kupyansk"),           # Armenian: ու u, յ y
    ("Կուպյանսկը", "kupyansk"),          # ... the article -ը
    ("Ուրոժայնեն", "urozhayne"),         # ... the article -ն after a vowel
    ("Բլագոդատնոեի", "blagodatnoye"),    # ... the genitive -ի; ոե is -ое
    ("Դոնեցկում", "donetsk"),            # ... the locative -ում
    ("Եվգենովկա", "yevgenovka"),         # ... ե at a word's start ye
    ("Մարտինովկա", "martinovka"),
    ("Мартынаўку", "Мартыновку"),        # Belarusian: ў for в, а for an unstressed о
    ("Навагродаўка", "Новогродовка"),    # ... both а of an unstressed о before the stress
])
def test_readings(name, reading):
    assert reading in script_readings(name)


def test_other_names_have_no_readings():
    assert script_readings("Donetsk") == () and script_readings("Донецьк") == () and script_readings("Краматорск") == ()
    assert script_readings("Воздвиженка") == () and script_readings("Мар'їнка") == ()  # є only after a consonant
    assert script_readings("Верхнє Водяне") == ()  # Ukrainian's own neuter -нє is no Russian е
    assert script_readings("Ізюм") == () and script_readings("Плехава") == ()  # Belarusian only with ў, or і beside ы


def test_a_russian_name_in_ukrainian_spelling_is_found(gaz):
    # "біля Плєхового" (fronts19): the Kursk village Плехово, in the Ukrainian papers' є, in the genitive
    m = gaz.resolve("Плєхово", region="Kursk Oblast").best
    assert m is not None and m.place.name == "Plekhovo" and not m.uncertain
    found = {c.place.name for c in (gaz.resolve("Плєхового").best, *gaz.resolve("Плєхового").competitors)}
    assert "Plekhovo" in found


@pytest.mark.parametrize("name, expected", [
    ("Μπαχμούτ", "Bakhmut"), ("Μαριούπολη", "Mariupol"), ("Κουπιάνσκ", "Kupyansk"), ("Νοβοαζόφσκ", "Novoazovs'k"),
    ("Կուպյանսկը", "Kupyansk"), ("Սուխեցկե", "Sukhetske"),               # Armenian
    ("Мартынаўку", "Martynovka"),                                        # Belarusian, in the accusative
    ("Плешчејевка", "Pleshchiivka"), ("Плешчејевку", "Pleshchiivka"),   # a Serbian accusative, read as Russian
])
def test_the_gazetteer_finds_them_for_sure(name, expected):
    r = Gazetteer.default().resolve(name)
    assert r.best is not None and not r.best.uncertain
    assert expected in {m.place.name for m in (r.best, *r.competitors)}


def test_arabic_script_names_are_read_with_the_letters_the_script_leaves_open(gaz):
    # و is o here (Soledar), ب is p (Arabic has no p), غ is g, a final ي is e
    assert "soledar" in script_readings("سوليدار") and "podgorodne" in script_readings("بودغورودني")
    m = gaz.resolve("سوليدار").best
    assert m is not None and m.place.name == "Soledar" and m.reason == "transliteration" and not m.uncertain
    m = gaz.resolve("كريمينا", region=["Luhansk Oblast"]).best  # Kreminna
    assert m is not None and m.place.name == "Kreminna" and not m.uncertain
    assert script_readings("Soledar") == () and len(script_readings("نيكولاييفو دارينو")) <= ARABIC_READINGS
    assert "soledar" in script_readings("سُوليدار")  # a short-vowel mark printed over a letter


def test_serbian_and_croatian_latin_is_read_through_serbian_cyrillic(gaz):
    # lj is љ, and h stands for Ukrainian г as well as Russian х: Huljajpolje is Гуљајпоље, Гуляйполье
    assert "Гуляйполье" in script_readings("Huljajpolje") and "Гуляйполя" in script_readings("Huljajpolja")
    for name in ("Huljajpolje", "Huljajpolja"):  # the nominative, and the genitive three files print
        m = gaz.resolve(name, region="Zaporizhzhia Oblast").best
        assert m is not None and m.place.name == "Hulyaypole" and not m.uncertain
    # a village named Zaporizhzhia by Pokrovsk, in Croatian as in Serbian Cyrillic
    m = gaz.resolve("Zaporožje", region="Donetsk Oblast").best
    assert m is not None and m.place.admin1 == "Donetsk Oblast" and not m.uncertain
    # only a name with a mark of the alphabet (lj, nj, č, ć, š, ž, đ) is read so
    assert script_readings("Donetsk") == script_readings("Pokrovsk") == script_readings("Wowczansk") == ()


def test_greek_huliaipole_is_found_for_sure(gaz):
    # "Χουλιαϊπόλε" (fronts7): read "khuliepole" before the diaeresis was kept, no place of the name
    m = gaz.resolve("Χουλιαϊπόλε", region="Zaporizhzhia Oblast").best
    assert m is not None and m.place.name == "Hulyaypole" and not m.uncertain
