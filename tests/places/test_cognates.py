"""Regular Russian forms of Ukrainian names (and the reverse) match as certain 'cognate' matches."""

import pytest

from geoclaims.places.cognates import MAX_FORMS, cognate_spellings, cognates


@pytest.mark.parametrize("uk, ru", [
    ("Стариця", "Старица"), ("Плетенівка", "Плетеневка"), ("Зелене", "Зеленое"), ("Красне", "Красное"),
    ("Нескучне", "Нескучное"), ("Лук'янці", "Лукьянцы"), ("Пильна", "Пыльная"), ("Мороховець", "Мороховец"),
    ("Борисівка", "Борисовка"), ("Олександрівка", "Александровка"), ("Томашпіль", "Томашполь"),
    # і for о/е in more than the last syllable, under the cap of MAX_FORMS
    ("Сінокісне", "Сенокосное"), ("Тінисте", "Тенистое"), ("Білогір'я", "Белогорья"),
    # the prefix під-/под-, and roots: піщ-/песч- (sand), вільх-/ольх- (alder), ганн-/анн-, Костянтин
    ("Підгородне", "Подгородное"), ("Підлипне", "Подлипное"), ("Піщане", "Песчаное"),
    ("Вільшани", "Ольшаны"), ("Вільхівка", "Ольховка"), ("Ганнівка", "Анновка"),
    ("Костянтинівка", "Константиновка"),
    # ї for Russian е, ії as ие or ее, запоріз-/запорож-, and -ее after a sibilant
    ("Виїмка", "Выемка"), ("Новогеоргіївка", "Новогеоргиевка"), ("Андріївка", "Андреевка"),
    ("Запорізьке", "Запорожское"), ("Хороше", "Хорошее"),
    # -щуват-/-щеват-, a plural adjective before its noun, the ordinals перш-/перв-
    ("Хрящувате", "Хрящеватое"), ("Старі Терни", "Старые Терны"), ("Сухі Яли", "Сухие Ялы"),
    ("Зоряне Перше", "Зоряное Первое"),
    # a doubled consonant before я: -пілля / -полье, -сся / -сье, -ччя / -чье
    ("Добропілля", "Доброполье"), ("Рівнопілля", "Ровнополье"), ("Залісся", "Залесье"), ("Заріччя", "Заречье"),
    ("Затишшя", "Затишье"), ("Огірцеве", "Огурцово"), ("Кудрявцеве", "Кудрявцово"), ("Радісне", "Радостное"),
])
def test_ukrainian_to_russian(uk, ru):
    assert ru in cognates(uk, "uk")


@pytest.mark.parametrize("ru, uk", [("Свердликово", "Свердликове"), ("Махновка", "Махнівка"), ("Александровка", "Олександрівка"),
                                    ("Первомайское", "Первомайське"), ("Подгорное", "Підгорне")])
def test_russian_to_ukrainian(ru, uk):
    assert uk in cognates(ru, "ru")


def test_russian_spelling_has_no_y_after_velars_and_sibilants():
    forms = cognates("Печеніги", "uk")
    assert "Печенеги" in forms and not any("гы" in f for f in forms)
    assert not any("шы" in f or "кы" in f for n in ("Шишаки", "Кошики") for f in cognates(n, "uk"))


def test_the_likeliest_form_is_also_spelled_as_other_languages_press_does():
    spellings = cognate_spellings("Январське", "uk")  # Russian Январское, as AFP and EFE write it
    assert {"Январское", "Yanvarskoye", "Ianvarskoie"} <= set(spellings)


def test_bounded_and_latin_free():
    assert cognates("Sudzha") == ()
    assert all(len(cognates(n, "uk")) <= MAX_FORMS for n in ("Нижні Орішники", "Олійникове", "Велика Писарівка"))
    assert "Pletenevka" in cognate_spellings("Плетенівка", "uk")  # BGN/PCGN of the Russian form


def test_gazetteer_matches_cognates_as_certain(gaz):
    for query in ("Старица", "Pletenevka", "Веселое", "Krasnoye"):
        m = gaz.resolve(query, region="Kharkiv Oblast").best
        assert m.reason == "cognate" and not m.uncertain and m.score == 0.93, query
    # a root rule covers Глубокое (глуб-) for Глибоке (глиб-, "deep"): certain, and in its case forms too
    for query, reason in (("Глубокое", "cognate"), ("Глубокого", "declension"), ("Олейниково", "cognate")):
        m = gaz.resolve(query, region="Kharkiv Oblast").best
        assert m.place.name in ("Hlyboke", "Oliinykove") and m.reason == reason and not m.uncertain, query
    # the roots огірц-/огурц- (cucumber) and радіс-/радост- (joy), with Russian -цово for a stressed -цеве, and
    # -шшя / -шье: Огурцово for Огірцеве, Радостное for Радісне, Затишье for Затишшя
    for query, region, name in (("Огурцово", "Kharkiv Oblast", "Ohirtseve"), ("Радостное", "Dnipropetrovsk Oblast",
                                 "Radisne"), ("Затишье", "Zaporizhzhia Oblast", "Zatyshshia")):
        m = gaz.resolve(query, region=region).best
        assert m.place.name == name and m.reason == "cognate" and not m.uncertain, query
    # a word the two languages do not share stays a guess or nothing: Кирпичное (кирпич) for Цегельне (цегла)
    m = gaz.resolve("Кирпичное", region="Kharkiv Oblast").best
    assert m is None or m.uncertain or m.place.name != "Tsehelne"


@pytest.mark.parametrize("uk, ru", [
    ("Стара Буда", "Старая Буда"), ("Мала Шестерня", "Малая Шестерня"), ("Велика Олександрівка", "Великая Александровка"),
    ("Верхня Сироватка", "Верхняя Сироватка"), ("Дорожнє", "Дорожное"), ("Дорожнє", "Дорожнее"),
])
def test_adjectives_before_a_noun_and_soft_neuter_endings(uk, ru):
    assert ru in cognates(uk, "uk")


def test_a_noun_alone_takes_no_adjective_ending():
    assert not any(f.endswith("ая") for f in cognates("Буда", "uk"))
    assert not any(f.endswith("Будая") for f in cognates("Стара Буда", "uk"))  # the last word is the noun


def test_the_press_blend_of_russian_stem_and_ukrainian_ending_is_spelled():
    # English reports write Запорізьке (Russian Запорожское) as "Zaporozhske", Гірське (Горское) as "Horske"
    assert "Zaporozhske" in cognate_spellings("Запорізьке", "uk")
    assert "Horske" in cognate_spellings("Гірське", "uk")
    # a name that is no neuter adjective, or whose Russian form ends alike, has no blend
    assert not any(s.endswith("ske") for s in cognate_spellings("Запоріжжя", "uk"))
    assert "Otradne" in cognate_spellings("Відрадне", "uk") and "Отрадное" in cognates("Відрадне", "uk")


def test_gazetteer_reads_a_blend_as_certain(gaz):
    m = gaz.resolve("Zaporozhske", region=["Dnipropetrovsk Oblast"]).best
    assert m is not None and m.place.name == "Zaporizke" and not m.uncertain and m.reason == "cognate"


def test_an_adjective_first_name_with_a_full_ending_takes_no_second_ya():
    # Борівська Андріївка: the -ська adjective's Russian form is Боровская; "Боровскаяя" crowded the right one
    # out of the forms kept, so "Borovskaya Andreyevka" read nothing
    forms = cognates("Борівська Андріївка", "uk")
    assert forms[0] == "Боровская Андреевка" and not any("яя" in f for f in forms)
    assert "Новая Кругляковка" in cognates("Нова Кругляківка", "uk")
    assert "Старая Николаевка" in cognates("Стара Миколаївка", "uk")  # the short form still gets its я


def test_gazetteer_reads_the_russian_form_of_a_two_word_name(gaz):
    m = gaz.resolve("Borovskaya Andreyevka", region="Kharkiv Oblast").best
    assert m is not None and m.place.name == "Borivska Andriivka" and not m.uncertain
