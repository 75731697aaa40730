"""Place names in text: gazetteer names in any spelling and declension, names the gazetteer does not
know in positions only a settlement takes, and names that are districts or directions, not towns.

:class:`PlaceFinder` scans capitalised runs of up to four words and looks each up by exact match key
(:meth:`geoclaims.Gazetteer.places_with_key`; never fuzzy, so scanning stays fast), trying English
possessives ("Sudzha's") and Russian and Ukrainian case endings ("под Суджей", "у Суджі",
"в Русском Поречном", "в Часовому Яру"). A name followed by "district", "direction", "region",
"район", "направление", "напрямок", "громада" is a region mention, not a place. A name the gazetteer
does not know is a place mention only where a settlement is expected: after "the village of",
"село", "населенного пункта", or in a list with known places; its nominative is guessed from its
ending ("Кліщіївку" -> "Кліщіївка").
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geoclaims.extract.lexicon import REGION_AFTER, SLOT_BEFORE

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer

__all__ = ["Mention", "PlaceFinder", "nominative_guesses", "STOP"]

_WORD = re.compile(r"[^\W_][\w'’\-]*", re.U)
_CYR = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_UK_LETTERS = re.compile(r"[іїєґІЇЄҐ]")
_RU_LETTERS = re.compile(r"[ыэёъЫЭЁЪ]")

# Russian and Ukrainian case endings -> nominative endings to try (longest first)
_ENDINGS: list[tuple[str, tuple[str, ...]]] = sorted([
    ("ого", ("ое", "ий", "ой", "ый", "е")), ("его", ("ее", "ий", "є")), ("ому", ("ое", "ий", "ой", "ый", "е")),
    ("ему", ("ее", "ий", "є")), ("ом", ("ое", "", "ий", "ый", "о")), ("ем", ("ее", "е", "ь", "")),
    ("ой", ("ая", "а", "ой", "ый")), ("ей", ("яя", "а", "я", "ь")), ("ою", ("а", "ая")), ("ею", ("а", "я")),
    ("ую", ("ая", "а")), ("юю", ("яя",)), ("ым", ("ое", "ый", "ий")), ("им", ("ое", "ий", "е", "ій")),
    ("ых", ("ые",)), ("их", ("ие", "і", "і")), ("ах", ("ы", "и", "")), ("ях", ("и", "я")), ("ами", ("ы", "")),
    ("ями", ("и",)), ("ам", ("ы", "и")), ("ям", ("и",)), ("ій", ("а", "ий", "ій", "е", "я")), ("ім", ("е", "ий", "ій", "")), ("ої", ("а", "ая", "е")),
    ("е", ("а", "я", "", "о", "е")), ("у", ("а", "")), ("ю", ("я", "ь")),
    ("и", ("а", "я", "ь", "и")), ("ы", ("а", "")), ("і", ("а", "я", "ь", "", "е")), ("ї", ("я",)),
    ("а", ("", "о", "а")), ("я", ("ь", "я", "е")), ("ка", ("ок",)), ("ці", ("ка",)), ("ки", ("ка",)),
    # Ukrainian о/е -> і in the closed last syllable: Харкова -> Харків, Часового -> Часів, Львові -> Львів
    ("ова", ("ів",)), ("ові", ("ів",)), ("овом", ("ів",)), ("ового", ("ів",)), ("овому", ("ів",)),
    ("ова", ("ов",)), ("єва", ("їв",)), ("ева", ("ів", "ев")), ("оля", ("іль",)), ("олі", ("іль",)),
    ("ого", ("ий",)), ("ього", ("ій", "є")), ("ьому", ("ій", "є")), ("ього", ("є",)),
    # plural names in the genitive: "в районе Плавней", "біля Плавнів", "у Щербаків" -> Плавни, Плавні, Щербаки
    ("ей", ("и",)), ("ів", ("і", "и")), ("ов", ("ы", "и")),
], key=lambda e: -len(e[0]))

#: capitalised words that are never settlement names
STOP = {
    # common words that open a sentence and read as a village in some case: "Линия столкновения", "Бойові дії"
    "линия", "лінія", "бойові", "бойовi", "боевые", "боевых", "бойових", "позиции", "позиції", "тим", "біля", "коли",
    "если", "уже", "более", "атаки", "українські", "бійці", "військові", "штурмові", "багато", "новые", "нові", "старі",
    "киев", "київ", "москва", "киеве", "києві",
    "the", "a", "an", "on", "in", "at", "of", "and", "but", "since", "after", "before", "while", "when", "this", "that",
    "these", "those", "ukraine", "russia", "ukrainian", "russian", "kyiv", "moscow", "kiev", "europe", "nato", "u.s",
    "us", "eu", "un", "north", "south", "east", "west", "korea", "korean", "president", "general", "staff", "ministry",
    "defense", "defence", "armed", "forces", "independent", "institute", "war", "study", "analysts", "telegram",
    "secretary", "state", "oblast", "region", "district", "raion", "krai", "republic", "federation", "mod",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "outgoing", "prospects", "reports",
    "comments", "news", "feed", "more", "featured", "store", "authors", "subscribe", "follow", "sections", "about",
    "jobs", "team", "advertising", "contacts", "newsletters", "editors", "picks", "mr", "mrs", "dr", "gen", "lt",
    "getty", "images", "global", "photo", "audio", "ai", "edit", "post", "sept", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "oct", "nov", "dec", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "россия", "украина", "україна", "росія", "киев", "київ", "москва",
    "reuters", "tass", "ria", "interfax", "bild", "isw", "deepstate", "wagner", "meduza", "medusa", "according",
    "it", "they", "we", "he", "she", "as", "also", "both", "all", "earlier", "meanwhile", "however", "there",
    "quote", "source", "update", "live", "video", "also", "however", "still", "now", "today", "yesterday", "then",
    "council", "hall", "station", "plant", "factory", "mine", "reservoir", "street", "avenue", "square",
    "ukrinform", "ukrainska", "pravda", "suspilne", "agentstvo", "mash", "shot", "rybar", "north", "center",
    "centre", "vostok", "zapad", "yug", "sever", "dnieper", "donbas", "donbass", "crimea",
    "в", "на", "и", "і", "та", "у", "по", "за", "об", "это", "этот", "ранее", "также", "однако", "при", "как",
    "минобороны", "міноборони", "генштаб", "всу", "зсу", "рф", "россии", "украины", "росії", "україни", "сили",
    "силы", "сил", "вс", "об", "про", "це", "цей", "також", "раніше", "проте", "зараз", "сьогодні", "сегодня",
    "telegram-канал", "телеграм", "кремль", "росія", "путин", "путін", "зеленский", "зеленський", "донбасс",
    "донбас", "крым", "крим", "север", "центр", "восток", "запад", "юг", "днепр", "дніпро", "курщина",
    "харківщина", "харьковщина", "луганщина", "донеччина", "херсонщина", "запоріжжя", "курська",
    "крім", "окрім", "кроме", "помимо",  # "Крім того" (besides), not Крим
}
STOP |= {"январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь",
         "декабрь", "січень", "лютий", "березень", "квітень", "травень", "червень", "липень", "серпень",
         "вересень", "жовтень", "листопад", "грудень", "our", "their", "his", "its", "міські", "міських", "силы", "війська", "войска", "армія", "армия", "група",
         "группа", "головному", "збройні", "вооруженные", "республика", "республики", "республике", "республіки",
         "республіці", "народной", "народна", "сво", "оос", "ато", "ова", "ода", "вца", "шот", "рбк", "тсн", "бпла",
         "зрк", "рсзо", "пво", "ппо", "черговий", "штаб", "командование", "командування", "угруповання", "группировка",
         "телемарафон", "нато", "ес", "оон", "сша", "usa", "uk", "britain", "europe", "white", "house", "kremlin",
         "channel", "one", "city", "town", "village", "district", "settlement", "город", "місто", "село", "селище",
         "поселок", "посёлок", "деревня", "хутор", "смт", "пгт", "він", "вона", "воно", "вони", "он",
         "она", "оно", "они", "там", "тут", "there", "here", "цей", "ця", "це", "этот", "эта", "это"}
#: stems of institutions and titles: any case of these is no place ("Генштабу", "Міноборони", "ОСУВ")
_INSTITUTION = re.compile(r"^(?:генштаб|генеральн|міноборон|минобороны|мінобороны|осув|оту|осув|штаб|ставк|міністерств|"
                          r"министерств|президент|уряд|правительств|кабмін|верховн|головн|командуван|командовани|"
                          r"угрупован|группировк|бригад|батальйон|батальон|корпус|дивізі|дивизи|войск|військ)",
                          re.I)
#: first names: a name next to one is a person ("Vladimir Putin", "Сергею Шойгу", "Наталія Попова")
FIRST_NAMES = {
    "aleksandr", "alexander", "oleksandr", "oleksii", "aleksey", "alexei", "alexey", "andrii", "andriy", "andrei",
    "andrey", "anton", "artem", "artyom", "boris", "denis", "dmitry", "dmytro", "evgeny", "yevgeny", "yevgeniy",
    "hanna", "anna", "igor", "ihor", "ilya", "illia", "ivan", "kyrylo", "kirill", "leonid", "maksym", "maxim",
    "mykhailo", "mikhail", "mykola", "nikolai", "nazar", "oleg", "oleh", "pavel", "pavlo", "petro", "pyotr", "ramzan",
    "roman", "serhii", "serhiy", "sergei", "sergey", "valerii", "valery", "vadym", "vadim", "viktor", "victor",
    "vitaly", "vitalii", "vladimir", "volodymyr", "vyacheslav", "yuri", "yurii", "yuriy", "apti", "kostyantyn",
    "konstantin", "natalia", "nataliya", "olena", "elena", "iryna", "irina", "tetiana", "tatiana", "anastasia",
    "daniil", "danylo", "kastus", "emmanuel", "donald", "joe", "antony", "rishi", "olaf",
    "александр", "алексей", "андрей", "антон", "артем", "артём", "борис", "вадим", "валерий", "виктор", "виталий",
    "владимир", "вячеслав", "денис", "дмитрий", "евгений", "иван", "игорь", "илья", "кирилл", "константин",
    "леонид", "максим", "михаил", "николай", "олег", "павел", "рамзан", "роман", "сергей", "юрий", "апти",
    "даниил", "анна", "елена", "ирина", "наталья", "татьяна", "анастасия",
    "олександр", "олексій", "андрій", "артем", "богдан", "валерій", "василь", "віктор", "віталій", "володимир",
    "вячеслав", "дмитро", "євген", "іван", "ігор", "ілля", "кирило", "костянтин", "максим", "михайло", "микола",
    "назар", "олег", "павло", "петро", "роман", "сергій", "юрій", "ганна", "анна", "олена", "ірина", "наталія",
    "тетяна", "кастусь", "кастуся", "данило", "артема", "сергія", "олександра", "андрія", "юрія",
}
_ETHNONYM = re.compile(r"^(?:ukrain\w*|russia\w*|украин\w*|україн\w*|росси\w*|російськ\w*|росі\w*|"
                       r"north\s+korea\w*|чечен\w*|белорус\w*|білорус\w*|belarus\w*|american|american\w*|"
                       r"soviet|советск\w*|радянськ\w*)$", re.I)
_REGION_ADJ = re.compile(r"(?:ськ|ск|цьк|зьк|цк)(?:ий|ого|ому|ім|ом|ая|ой|ою|ую|ої|ій|ие|ые|их|им|ими)$", re.I)


def _first_name(word: str) -> bool:
    low = word.lower().strip("'’")
    if low in FIRST_NAMES:
        return True
    return any(v.lower() in FIRST_NAMES for v in _variants(word)[1:])


_MONTHS = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|январ|феврал|март|апрел|мая|июн|июл|"
                     r"август|сентябр|октябр|ноябр|декабр|січ|лют|берез|квіт|травн|черв|лип|серп|верес|жовт|"
                     r"листопад|груд)", re.I)
_NOT_PLACE_AFTER = re.compile(r"^\s*(?:street|streets|avenue|str\.|highway|road|river|plant|factory|reservoir|channel|"
                              r"said|says|told|added|stated|states|wrote|writes|noted|notes|claimed|posted|announced|"
                              r"explained|commented|admitted|asserted|declared|group|operation|offensive|military\s+group|"
                              r"[»\"”]?\s*группировк\w*|[»\"”]?\s*угрупован\w*|"
                              r"улиц\w+|проспект\w*|вулиц\w+|шосе|трасс\w+|дорог\w+|рек\w+|річк\w+|завод\w*|"
                              r"водохранилищ\w+|водосховищ\w+|микрорайон\w*|мікрорайон\w*)\b", re.I)
#: a verb of speaking right after a name in the subject's place ("Рогов отметил", "військовий експерт Жданов
#: заявив"): a person, no place speaks; "о взятии Артемовска сообщил Пригожин" is the place
_SPEAKS_AFTER = re.compile(r"^\s*(?:отметил|заявил|сообщил|сказал|написал|подчеркнул|добавил|уточнил|рассказал|пояснил|"
                           r"считает|полагает|утверждает|признал|заявив|повідомив|зазначив|наголосив|додав|написав|"
                           r"сказав|підкреслив|уточнив|розповів|пояснив|вважає|стверджує|визнав)(?:а|и)?(?![\w'’])|"
                           r"^\s*(?:пишет|пише)(?![\w'’])", re.I)
_SUBJECT_BEFORE = re.compile(r"(?:^|[.,;:!?—–«\"“(]\s*|[A-ZА-ЯЁІЇЄҐ][\w'’.-]*\s+|(?<![\w'’])(?i:военкор|блогер|эксперт|"
                             r"аналитик|депутат|губернатор|глава|командир|спикер|представитель|полковник|генерал|"
                             r"журналист|экс-\w+|речник|очільник|аналітик|експерт|журналіст|командувач|військовий|"
                             r"военный|политолог|політолог|волонтер|волонтёр)\s+)$")
#: an oblast by its nickname ("Херсонщина", "на Харківщині", "Запоріжжя" as a region is not caught here)
_OBLAST_NICKNAME = re.compile(r"(?:Курщин|Харківщин|Харьковщин|Сумщин|Донеччин|Луганщин|Херсонщин|Бєлгородщин|Белгородчин|"
                              r"Брянщин|Дніпропетровщин|Днепропетровщин|Миколаївщин|Николаевщин|Київщин|Киевщин|"
                              r"Чернігівщин|Черниговщин|Полтавщин|Житомирщин|Одещин|Слобожанщин|Донбас)\w*$", re.I)
#: a name used as an adjective before the kind of place it qualifies: "the Donetsk village of X"
_KIND_OF_AFTER = re.compile(r"^\s+(?:border\s+)?(?:village|town|city|settlement|hamlet|villages|towns|settlements)\s+of\s+"
                            r"[A-Z]")
_NOT_PLACE_BEFORE = re.compile(r"(?:по\s+словам|со\s+слов|за\s+словами|according\s+to|слова\w*|street|streets|микрорайон\w*|мікрорайон\w*|улиц\w+|вулиц\w+|канал\w*|"
                               r"channel|project|portal|outlet|agency|newspaper|brigade|regiment|battalion|group|"
                               r"grouping|command|бригад\w+|полк\w*|батальон\w*|operation|операци\w+|операці\w+|"
                               r"группировк\w+|угрупован\w+|ОТУ|ОСУВ|ОТГ|ім\.|імені|имени|"
                               r"берег\w*|bank\s+of|river|реки|річки|рекой|річкою|водохранилищ\w*|водосховищ\w*|"
                               r"глав\w+|губернатор\w*|мэр\w*|head\s+of|governor\s+of|mayor\s+of|official\s+in|"
                               r"officials\s+in|residents\s+of|жител\w+|мешканц\w+|уродженец\w*|уродженц\w+|"
                               r"президент\w*|president|prime\s+minister|"
                               r"наголоси(?:в|ла)|сказа(?:в|ла|л)|заяви(?:в|ла|л)|зазначи(?:в|ла)|повідоми(?:в|ла)|"
                               r"дода(?:в|ла)|уточни(?:в|ла|л)|підкресли(?:в|ла)|отмети(?:л|ла)|подчеркну(?:л|ла)|"
                               r"добави(?:л|ла)|сообщи(?:л|ла)|рассказа(?:л|ла)|розпові(?:в|ла))\s+[«\"“‘']?$", re.I)
#: a list of names followed by one of these words is a list of districts, streets, directions, not places
_LIST_END = re.compile(r"^\s*(?:districts|raions|regions|oblasts|directions|sectors|streets|microdistricts|"
                       r"районах|районов|районы|районів|райони|областях|областей|областями|області|области|"
                       r"направлениях|направлений|напрямках|напрямків|улиц\w*|вулиц\w*|микрорайон\w*|мікрорайон\w*|"
                       r"Народн\w+\s+Республик\w*|народн\w+\s+республік\w*)\b", re.I)
_CONNECT = {"na", "nad", "pod", "на", "над", "под", "під"}


@dataclass(frozen=True, slots=True)
class Mention:
    """A place named in the text."""

    start: int
    end: int
    text: str            # as written
    name: str            # the form looked up (nominative), or the guessed nominative of an unknown name
    place_ids: tuple[str, ...]  # empty for a name the gazetteer does not know
    how: str             # exact | possessive | inflected | skeleton | unknown | anaphor | topic
    #: other nominatives the inflected form may stand for ("Первомайського": Первомайське, Первомайський)
    options: tuple[str, ...] = ()

    @property
    def known(self) -> bool:
        return bool(self.place_ids)


#: a compound name written with a hyphen after its first part: "Старо-Майорское", "Велико-Анадоль"
_HYPHENATED_PREFIX = re.compile(r"(?:Велик|Мал|Нов|Стар|Верхн|Нижн|Велык|Velyk|Velik|Mal|Nov|Star|Verkhn|Nyzhn)[оeoа]-"
                                r"[A-ZА-ЯЁІЇЄҐ][\w'’]+")
#: a plural adjective ending ("Штурмові", "Боевые"): with a lowercase noun after it, no place name
_PLURAL_ADJ = re.compile(r"(?:ові|еві|ьові|ые|ие|ых|их|ими|ыми|ні)$")


def _opens_sentence(text: str, pos: int) -> bool:
    """Whether only quotes or a bracket stand between `pos` and the start of its sentence."""
    head = text[max(0, pos - 3):pos]
    return pos < 3 and not text[:pos].strip(" «\"“(") or bool(re.search(r"(?:^|[.!?\n]\s*)[«\"“(]?\s*$", head))


def _variants(word: str) -> list[str]:
    if not _CYR.search(word):
        return [word]
    out = [word]
    low = word.lower()
    for ending, repl in _ENDINGS:
        if low.endswith(ending) and len(word) - len(ending) >= (2 if len(word) <= 4 else 3):
            stem = word[: len(word) - len(ending)]
            out.extend(stem + r for r in repl)
    return list(dict.fromkeys(out))[:12]


def _ukrainian_around(text: str, pos: int) -> bool:
    """Whether the words around a position are Ukrainian (its letters і ї є ґ within 150 characters)."""
    return bool(_UK_LETTERS.search(text, max(0, pos - 150), pos + 150))


def nominative_guesses(name: str, *, ukrainian: bool | None = None) -> str:
    """The most likely nominative of a Russian or Ukrainian place name in any case; other names as given.

    For names the gazetteer does not know, so no lookup can confirm it.

    Examples
    --------
    >>> [nominative_guesses(n) for n in ("Кліщіївку", "Леонідівці", "Сєвєрного", "Работино", "Robotyne")]
    ['Кліщіївка', 'Леонідівка', 'Сєвєрне', 'Работино', 'Robotyne']

    A name with no letter of its own language takes the language of its sentence (`ukrainian`):

    >>> nominative_guesses("Довгенького"), nominative_guesses("Довгенького", ukrainian=True)
    ('Довгенькое', 'Довгеньке')

    Returns
    -------
    str
    """
    if not _CYR.search(name):
        return name
    uk = bool(_UK_LETTERS.search(name)) or bool(re.search(r"[сц]ьк", name, re.I)) or (
        not _RU_LETTERS.search(name) and "і" in name.lower()) or (bool(ukrainian) and not _RU_LETTERS.search(name))
    words = name.split()
    out = []
    for k, word in enumerate(words):
        low = word.lower()
        if re.search(r"(?:ське|цьке|зьке|ское|цкое|не|ове|еве|ине|ино|ово|ево)$", low):
            out.append(word)
            continue
        if re.search(r"(?:иці|иці)$", low) and len(word) > 5:
            out.append(word[:-1] + "я")  # Стариці -> Стариця
            continue
        rules = (
            (("вці", "іці"), "вка" if low.endswith("вці") else "ка"), (("кою", "ку", "ки", "ке", "кой"), "ка"), (("ого", "ому", "им", "ім"), "е" if uk else "ое"),
            (("ою", "ую", "ої", "ой", "ей"), "а" if uk else "ая" if k < len(words) - 1 else "а"),
            (("ові", "ова", "овом"), "ів" if uk else "ов"), (("ську", "ська", "ськом", "ську"), "ськ"),
            (("ьку", "ька"), "ьк"), (("ску", "ска", "ске"), "ск"), (("ні", "ню", "нею"), "ня"), (("ли", "лю"), "ля"),
        )
        done = False
        for endings, repl in rules:
            for e in sorted(endings, key=len, reverse=True):
                if low.endswith(e) and len(word) - len(e) >= 3:
                    out.append(word[: len(word) - len(e)] + repl)
                    done = True
                    break
            if done:
                break
        if not done:
            out.append(word)
    return " ".join(out)


class PlaceFinder:
    """Finds place names in text, longest first, in any script and declension."""

    MAX_WORDS = 4

    def __init__(self, gaz: "Gazetteer") -> None:
        self.gaz = gaz
        self._cache: dict[str, tuple[str, tuple[str, ...], str] | None] = {}

    def _ids(self, phrase: str) -> tuple[str, ...]:
        from geoclaims.places.names import fold

        key = fold(phrase)
        if not key or key in STOP or len(key) < 3 or phrase.lower() in STOP:
            return ()
        return tuple(p.id for p in self.gaz.places_with_key(key))

    def match(self, raw: str) -> tuple[str, tuple[str, ...], str, tuple[str, ...]] | None:
        """(nominative, ids, how, other nominatives) for a name as written, or None."""
        if raw in self._cache:
            return self._cache[raw]
        hit = self._match(raw)
        if len(self._cache) > 50_000:
            self._cache.clear()
        self._cache[raw] = hit
        return hit

    def _match(self, raw: str) -> tuple[str, tuple[str, ...], str, tuple[str, ...]] | None:
        hit = self._match_spelling(raw)
        if hit is None and _HYPHENATED_PREFIX.fullmatch(raw):
            i = raw.index("-")  # "Старо-Майорское": Старомайорское, one word in the gazetteer
            hit = self._match_spelling(raw[:i] + raw[i + 1].lower() + raw[i + 2:])
        return hit

    def _match_spelling(self, raw: str) -> tuple[str, tuple[str, ...], str, tuple[str, ...]] | None:
        if raw.lower() in STOP:
            return None  # "Бойові дії": not the genitive plural of a village Бойове
        ids = self._ids(raw)
        if ids:
            options: tuple[str, ...] = ()
            if _CYR.search(raw) and " " not in raw and re.search(r"(?:е|і|у|ю|и|ы|а|я|ом|ем|ой|ей|ого|ому|ів)$", raw):
                # "Димитрове": also Димитров (Myrnohrad) in the locative; the report's places decide
                options = tuple(v for v in _variants(raw)[1:] if self._ids(v))
            return raw, ids, "exact", options
        poss = re.sub(r"['’]s$|['’]$", "", raw)
        if poss != raw:
            ids = self._ids(poss)
            if ids:
                return poss, ids, "possessive", ()
        if _CYR.search(raw):
            parts = raw.split()
            if len(parts) <= 3:
                hits = []
                for combo in itertools.product(*(_variants(p) for p in parts)):
                    cand = " ".join(combo)
                    if cand == raw:
                        continue
                    ids = self._ids(cand)
                    if ids:
                        hits.append((cand, ids))
                if hits:  # "Димитрове": Димитров (a town) rather than Димитрова (a hamlet)
                    hits.sort(key=lambda h: -max(self.gaz.get(i).population or 0 for i in h[1]))
                    cand, ids = hits[0]
                    return cand, ids, "inflected", tuple(h[0] for h in hits[1:])
        return None

    def find(self, text: str, start: int, end: int) -> tuple[list[Mention], list[tuple[int, int, str]]]:
        """(place mentions, region mentions) in text[start:end]; regions are (start, end, phrase)."""
        words = list(_WORD.finditer(text, start, end))
        found: list[Mention] = []
        regions: list[tuple[int, int, str]] = []
        # how many words from each one on form a run of capitalised words joined only by spaces or hyphens
        caps = [w.group(0)[0].isupper() for w in words]
        run = [0] * (len(words) + 1)
        for k in range(len(words) - 1, -1, -1):
            joins = k + 1 < len(words) and not text[words[k].end():words[k + 1].start()].strip(" -")
            ok_next = joins and (caps[k + 1] or words[k + 1].group(0).lower() in _CONNECT)
            run[k] = 1 + (run[k + 1] if ok_next else 0)
        i = 0
        while i < len(words):
            if not caps[i]:
                i += 1
                continue
            if run[i] >= 2 and SLOT_BEFORE.search(text[max(0, words[i].start() - 40):words[i].start()]):
                two = self._two_word_spelling(text, words, i, run[i])
                if two is not None:  # "the nearby village of Maly Shcherbaky": Mali Shcherbaky, not Malyi and Shcherbaky
                    found.append(two)
                    i += 2
                    continue
            step = 1
            for n in range(min(self.MAX_WORDS, run[i]), 0, -1):
                seq = words[i:i + n]
                raw = text[seq[0].start():seq[-1].end()]
                if n == 1 and (_ETHNONYM.match(raw) or raw.isupper() and len(raw) <= 5):
                    break  # "Ukrainian", "ВСУ", "СВО": never a place
                if n == 1 and _PLURAL_ADJ.search(raw) and _opens_sentence(text, seq[0].start()) and re.match(
                        r"\s+[а-яіїєґё]", text[seq[-1].end():seq[-1].end() + 3]):
                    break  # "Штурмові групи", "Бойові дії": an adjective opening a sentence, not Штурмів or Бойове
                hit = self.match(raw)
                if hit is None:
                    continue
                after = text[seq[-1].end():seq[-1].end() + 60]
                m = REGION_AFTER.match(after)
                if m:  # "Kursk Oblast", "Kupiansk direction", "Izium district": a region, not the town
                    regions.append((seq[0].start(), seq[-1].end() + m.end(), raw + after[:m.end()]))
                elif n == 1 and _REGION_ADJ.search(raw) and re.match(
                        r"^\s+(?:(?:и|і|та)\s+[А-ЯІЇЄ]\w+\s+)?(?:област|облас|район|направлен|напрям|громад|"
                        r"Народн|республ|ОВА|ОДА|облсовет|облрад|операц)", after, re.I):
                    regions.append((seq[0].start(), seq[-1].end(), raw))  # "Луганской и Донецкой областях"
                elif n == 1 and _REGION_ADJ.search(raw) and hit[2] == "inflected" and re.match(
                        r"^\s+(?!(?:та|і|и|й|або|или|a|and)\s)[а-яіїєґё]{3,}", after):
                    pass  # "Авдіївського коксохіму", "Покровської громади": an adjective, not the place
                elif self._person_or_name(text, words, i, n, start):
                    pass
                elif _KIND_OF_AFTER.match(after):
                    pass  # "the Donetsk village of Klishchiivka", "the Kharkiv town of Vovchansk": where it lies
                elif _SPEAKS_AFTER.match(after) and _SUBJECT_BEFORE.search(
                        text[max(start, seq[0].start() - 40):seq[0].start()]):
                    pass  # "Рогов отметил": a person
                elif not _NOT_PLACE_AFTER.match(after) and not _NOT_PLACE_BEFORE.search(
                        text[max(0, seq[0].start() - 30):seq[0].start()]):
                    found.append(Mention(seq[0].start(), seq[-1].end(), raw, hit[0], hit[1], hit[2], hit[3]))
                step = n
                break
            i += step
        return self._lists(text, found, regions)

    def _two_word_spelling(self, text: str, words: list, i: int, length: int) -> Mention | None:
        """A two-word name in a settlement's slot that the gazetteer knows only in another spelling, when no run
        of its words is a name as written: a close spelling of the whole name, or None."""
        if any(self.match(text[words[i].start():words[i + n - 1].end()]) for n in range(min(self.MAX_WORDS, length), 1, -1)):
            return None
        a, b = words[i].start(), words[i + 1].end()
        m = self._unknown_mention(a, b, text[a:b], text)
        return m if m.how == "skeleton" and len(m.name.split()) == 2 else None

    def _person_or_name(self, text: str, words: list, i: int, n: int, start: int) -> bool:
        """Part of a person's or unit's name: "Vladimir Putin", "Наталія Попова", "Кучерів Яр", «Таврия»."""
        first = words[i]
        if _first_name(first.group(0)):
            return True
        prev = words[i - 1] if i > 0 else None
        gap = text[prev.end():first.start()] if prev else ""
        if prev is not None and gap.strip() in ("", "-") and prev.group(0)[0].isupper():
            word = prev.group(0)
            if _first_name(word):
                return True
            sentence_start = not text[start:prev.start()].strip(" «\"“'‘([—–-")
            if n == 1 and not sentence_start and not self.match(word) and word.lower() not in STOP and not _is_side(word):
                return True  # "Кучерів Яр" (unknown first word), "Aleksey Smirnov"
        nxt = words[i + n] if i + n < len(words) else None
        if nxt is not None and n == 1 and text[words[i + n - 1].end():nxt.start()] == " " and nxt.group(0)[0].isupper():
            word = nxt.group(0)
            if (not self.match(word) and word.lower() not in STOP and not _is_side(word)
                    and not REGION_AFTER.match(text[nxt.end():nxt.end() + 40]) and not _REGION_ADJ.search(word)
                    and not word.isupper()):
                return True  # "Vladimir Putin", "Kharkiv Pravda"
        before = text[max(0, first.start() - 40):first.start()]
        if re.search(r"[«\"“‘]$", before) and re.search(r"(?:группировк\w*|угрупован\w*|group|операци\w*|операці\w*|"
                                                   r"бригад\w*|brigade|канал\w*|channel)(?:\s+[\w-]+){0,3}\s*[«\"“‘]$",
                                                   before, re.I):
            return True
        return False

    def _lists(self, text: str, found: list[Mention], regions: list) -> tuple[list[Mention], list]:
        """A list followed by "districts", "streets", "областях": every name in it is no place."""
        out: list[Mention] = []
        k = 0
        while k < len(found):
            j = k
            while j + 1 < len(found) and _LIST_JOIN.fullmatch(text[found[j].end:found[j + 1].start]):
                j += 1
            group = found[k:j + 1]
            raw_after = text[group[-1].end:group[-1].end + 80]
            stripped = _MORE_ITEMS.sub("", raw_after, count=1)
            after = stripped[:40]
            more = stripped != raw_after or len(group) > 1
            if more and _LIST_END.match(after):
                regions.extend((m.start, m.end, m.text) for m in group)
            elif _LIST_JOINED.search(text, max(0, group[0].start - 8), group[0].start) and _NOT_PLACE_BEFORE.search(
                    _LIST_HEAD.sub("", text[max(0, group[0].start - 80):group[0].start])):
                pass  # "в микрорайонах Восточный, Западный": the list goes on
            else:
                out.extend(group)
            k = j + 1
        return out, regions

    def unknown(self, text: str, start: int, end: int, known: list[Mention]) -> list[Mention]:
        """Names the gazetteer does not know, where only a settlement can stand.

        After "the village of", "село", "населенного пункта" (and the rest of a list they open), in a list
        ("A, B and C") with a known place, or after "near", "в", "біля", "east of" when the name ends like
        a settlement name (-ivka, -ovo, -ne, -ка, -ове, -ськ, ...). A close spelling of a gazetteer name
        ("Snagusti", "Pischane") is taken as that place (``how='skeleton'``).
        """
        spans = [(m.start, m.end) for m in known]
        runs = []
        for m in _CAP_RUN.finditer(text, start, end):
            a, b = m.span()
            if any(x < b and a < y for x, y in spans):
                continue
            name = re.sub(r"['’]s$", "", m.group(0)).strip()
            parts = name.split()
            if len(parts) == 2 and _REGION_ADJ.search(parts[1]):
                name = parts[0]  # "Даченське Покровської міської громади"
                b = a + len(name)
            if not name or _is_stop(name) or _MONTHS.match(name) or _ETHNONYM.match(name.split()[0]) or \
                    _OBLAST_NICKNAME.match(name):
                continue  # "на Херсонщині": an oblast
            if name.isupper() or any(_first_name(w) for w in name.split()):
                continue
            if _NOT_PLACE_AFTER.match(text[b:b + 30]) or REGION_AFTER.match(text[b:b + 40]):
                continue
            if _NOT_PLACE_BEFORE.search(text[max(0, a - 30):a]) or _LIST_END.match(text[b:b + 40]):
                continue
            if a == start and not _SETTLEMENT_END.search(name):
                continue
            runs.append((a, a + len(name), name))
        if not runs:
            return []
        out = []
        items = sorted([(x.start, x.end, "known") for x in known] + [(a, b, "run") for a, b, _ in runs])
        names = {a: n for a, b, n in runs}
        # list membership: items joined only by commas / and / и / та / і
        groups: list[list[tuple[int, int, str]]] = []
        for it in items:
            if groups and _LIST_JOIN.fullmatch(text[groups[-1][-1][1]:it[0]]):
                groups[-1].append(it)
            else:
                groups.append([it])
        for g in groups:
            has_known = any(k == "known" for _, _, k in g)
            opened = bool(SLOT_BEFORE.search(text[max(0, g[0][0] - 40):g[0][0]]) or _SLOT_LIST.search(
                text[max(0, g[0][0] - 60):g[0][0]]))
            if len(g) > 1 and _LIST_END.match(text[g[-1][1]:g[-1][1] + 40]):
                continue
            for a, b, k in g:
                if k != "run":
                    continue
                name = names[a]
                slot = SLOT_BEFORE.search(text[max(0, a - 40):a])
                prep = (_PLACE_PREP.search(text[max(0, a - 40):a]) or _ACTION_BEFORE.search(text[max(0, a - 40):a])
                        or _PASSIVE_AFTER.match(text, b, min(len(text), b + 60))) and _SETTLEMENT_END.search(name)
                if slot or opened or (has_known and len(g) > 1) or prep:
                    out.append(self._unknown_mention(a, b, name, text))
        return out

    def _unknown_mention(self, a: int, b: int, name: str, text: str = "") -> Mention:
        nominative = nominative_guesses(name, ukrainian=_ukrainian_around(text, a))
        for cand in dict.fromkeys((nominative, name)):
            r = self.gaz.resolve(cand, limit=8)
            best = r.best
            if best is None or best.score < 0.75 or best.reason not in ("alias", "transliteration", "skeleton"):
                continue
            same = [m for m in r.matches if m.place.name == best.place.name]
            if r.ambiguous and len(same) < len(r.competitors) + 1:
                continue  # close spellings of different names: no guess
            return Mention(a, b, name, best.place.name, tuple(m.place.id for m in same), "skeleton")
        return Mention(a, b, name, nominative, (), "unknown")


#: a settlement-like ending: -ivka, -ovo, -ne, -ка, -ове, -ськ, -ичі ...
_SETTLEMENT_END = re.compile(
    r"(?:ka|ky|ki|kа|ovo|evo|ino|yno|ne|ye|oye|oe|ske|sk|yne|ine|chi|ets|ytsia|tsia|ove|eve|hrad|grad|pil|pol|yar|"
    r"ivka|ovka|ivske|ivsk|ino|ichi|ychi|tsi|ii|iy|yi|e|"
    r"ка|ки|ку|ці|ці|кою|ово|ево|ино|ине|ое|ее|не|ні|ное|ськ|ськe|ське|ського|ському|ск|ска|ске|ий|ичі|ичи|ець|ів|ове|"
    r"ового|ому|ого|еве|град|піль|поль|яр|яру|ярі|ке|цы|це|ном|ним|нім)$", re.I)
#: a place preposition right before a name
_PLACE_PREP = re.compile(r"(?<![\w])(?:in|near|at|into|around|outside|of|toward|towards|to|from|against|"
                         r"в|во|у|под|під|біля|около|возле|поблизу|неподалік|неподалеку|районе|районі|до|через|за|из|"
                         r"із|з|від|от|"
                         r"нп|н\.п\.)\s+$", re.I)
#: a name right after these takes the place's position: "о взятии Красноармейска", "recaptured Robotyne"
_ACTION_BEFORE = re.compile(r"(?<![\w])(?:captured|seized|took|retook|recaptured|liberated|entered|occupied|abandoned|"
                            r"liberation\s+of|capture\s+of|взяти[еия]|освобождени\w+|захват\w*|освободил\w*|взял\w*|"
                            r"захватил\w*|заняли|звільненн\w+|звільнил\w*|захопил\w*|окупувал\w*|залишил\w*|"
                            r"оставил\w*|покинул\w*|втратил\w*|потерял\w*)\s+$", re.I)
#: a name followed by "has been liberated", "перешел под контроль", "звільнено" is the place taken
_PASSIVE_AFTER = re.compile(r"\s*(?:,[^,]{0,40},\s*)?(?:has|have|had|was|were|is|are)\s+(?:\w+\s+)?(?:been\s+)?(?:\w+ly\s+)?"
                            r"(?:captured|liberated|taken|seized|retaken|recaptured|occupied|cleared|abandoned|lost)\b|"
                            r"\s*(?:полностью\s+|повністю\s+|уже\s+|вже\s+)?(?:освобожд[её]н\w*|взят[аоы]?|перешел|перешла|"
                            r"перешло|звільнен\w*|звільнено|захоплен\w*|окупован\w*|знаходиться\s+під|находится\s+под)\b",
                            re.I)
#: a plural settlement noun a few words before a list: "два населені пункти 22 червня — А та Б"
_SLOT_LIST = re.compile(r"(?:villages|settlements|towns|localities|населен\w+\s+пункт\w*|населённ\w+\s+пункт\w*|"
                        r"села|сел|сіл|селища|посёлки|поселки)\b[^.;]{0,40}?[—:–]\s*$", re.I)


_CAP_RUN = re.compile(r"(?<![\w'’-])(?:\d{1,2}(?:-?[йяе]|th|st|nd|rd)?\s+)?[A-ZА-ЯЁІЇЄҐ][\w'’\-]+"
                      r"(?:\s+(?:[A-ZА-ЯЁІЇЄҐ][\w'’\-]+))?")
_LIST_JOINED = re.compile(r"(?:,|\band|\bи|\bі|\bта)\s*$")
_LIST_HEAD = re.compile(r"(?:[A-ZА-ЯЁІЇЄҐ][\w'’-]*(?:\s*,\s*|\s+(?:and|и|і|та)\s+))+$")
_MORE_ITEMS = re.compile(r"^(?:\s*(?:,\s*(?:and\s+|и\s+|і\s+|та\s+)?|\s+(?:and|и|і|та)\s+)[A-ZА-ЯЁІЇЄҐ][\w'’-]*)+")
_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+|и\s+|і\s+|та\s+|й\s+)?|\s+(?:and|и|і|та|й|or|или|або)\s+)\s*")


def _is_side(word: str) -> bool:
    from geoclaims.extract.lexicon import SIDES

    return any(rx.match(word) for _, rx in SIDES)


def _is_stop(name: str) -> bool:
    from geoclaims.extract.lexicon import SIDES

    words = name.split()
    if words and words[0][0].isdigit():  # "10-й Октябрь", "1 Травня": numbered names are place names
        words = words[1:]
    if any(w.lower().strip("'’") in STOP for w in words) or _INSTITUTION.match(words[0] if words else ""):
        return True
    return any(rx.match(name) for _, rx in SIDES)
