import pytest
from hypothesis import given, strategies as st

from geoclaims.places.names import ROMANIZATION_SYSTEMS, fold, guess_language, has_cyrillic, romanizations, skeleton


@pytest.mark.parametrize(
    "a, b",
    [
        ("Russkoye Porechnoye", "russkoye-porechnoye"),
        ("Krem’yane", "Krem'yane"),
        ("Kremʼyane", "Krem`yane"),
        ("Тёткино", "Теткино"),
        ("Sudža", "Sudzha"),
        ("  Malaya   Loknya ", "MALAYA LOKNYA"),
    ],
)
def test_fold_makes_spellings_meet(a, b):
    assert fold(a) == fold(b)


@pytest.mark.parametrize(
    "group",
    [
        ["Kharkiv", "Kharkov", "Harkiv", "Харків", "Харьков"],
        ["Sudzha", "Sudscha", "Soudja", "Sudsha", "Суджа"],
        ["Artemivsk", "Artemovsk", "Artyomovsk", "Артемівськ", "Артемовск"],
        ["Korenevo", "Koreneve", "Коренево", "Коренєве"],
        ["Kropyvnytskyi", "Kropyvnytskyy", "Kropivnitskiy", "Kropyvnytskiy"],
        ["Yelizavetovka", "Elizavetovka", "Jelizavetovka"],
        ["Chernihiv", "Tschernihiw", "Chernigov"],
    ],
)
def test_skeleton_is_transliteration_insensitive(group):
    assert len({skeleton(n) for n in group}) == 1, {n: skeleton(n) for n in group}


@given(st.text(max_size=40))
def test_fold_is_idempotent_and_ascii(text):
    k = fold(text)
    assert fold(k) == k
    assert k == "" or k.isascii()
    assert skeleton(k) == skeleton(text)


def test_romanizations_cover_every_system():
    ru = romanizations("Русское Поречное", "ru")
    uk = romanizations("Руське Поріччя", "uk")
    assert set(ru) == {f"ru:{s}" for s in ROMANIZATION_SYSTEMS["ru"]}
    assert set(uk) == {f"uk:{s}" for s in ROMANIZATION_SYSTEMS["uk"]}
    assert ru["ru:BGN_PCGN"] == "Russkoye Porechnoye"
    assert ru["ru:GOST_779"] == "Russkoe Porečnoe"
    assert uk["uk:UkrainianKMU"] == "Ruske Porichchia"
    assert not any(has_cyrillic(v) for v in (*ru.values(), *uk.values()))


def test_romanizations_of_latin_is_empty():
    assert romanizations("Berdin") == {}


def test_guess_language():
    assert guess_language("Поріччя") == "uk"
    assert guess_language("Новый") == "ru"
    assert guess_language("Суджа") is None
