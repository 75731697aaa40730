"""From report text to candidate claims: :func:`extract_claims`.

Rules over the bundled gazetteer, no model: sentences are split, place names found in any spelling
(English possessives, Russian and Ukrainian case endings), and each sentence is read for who moved
(side), what happened (action), where (place and qualifier), who says so (claimant and status),
when, and area figures. Every candidate keeps the text span and sentence it came from and a
confidence, for a person to review; the output is the claims format (plus ``span``, ``quote``,
``confidence``, ``candidates``) that :func:`geoclaims.read_claims` and ``geoclaims build`` accept.

What a sentence needs to give a claim: a side (Ukrainian forces, Kyiv, Russian troops, North Korean
soldiers, units of the "North" group, ...) or a passive naming one ("the Ukrainian advance was
halted"), an action verb (advanced, entered, captured, seized, took control, liberated, retook,
withdrew, repelled, halted, fighting near ...), and a place the gazetteer knows, or an area figure.
Places described rather than claimed ("..., all northeast of Sudzha"; "a road leading to the city
of Kursk") are recognised as references and not claimed. Capitalised names that look like places
but are not in the gazetteer are reported in :attr:`Extraction.unknown_places`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import html
import re
import warnings
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from geoclaims.errors import InvalidArgument, InvalidArgumentType
from geoclaims.claims import other_side

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from geoclaims.gazetteer import Gazetteer

__all__ = ["extract_claims", "Extraction", "CandidateClaim", "UnknownName", "clean_text", "split_sentences",
           "OUTPUT_COLUMNS"]

# -- text -------------------------------------------------------------------------------------------------
_TAG = re.compile(r"<(/?)(\w+)[^>]*>", re.S)
_BLOCK = {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "blockquote", "header", "footer"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SCRIPT_OPEN = re.compile(r"<(script|style)\b", re.I)


def _drop_scripts(text: str) -> str:
    """Remove <script> and <style> elements in one pass; an unclosed one runs to the end (as in a browser).

    (A lazy regex over the whole text rescans to the end for every unclosed opening tag: quadratic.)
    """
    out, pos = [], 0
    lower = None
    while True:
        m = _SCRIPT_OPEN.search(text, pos)
        if m is None:
            out.append(text[pos:])
            break
        out.append(text[pos:m.start()])
        if lower is None:
            lower = text.lower()
        close = lower.find(f"</{m.group(1).lower()}", m.end())
        if close < 0:
            break
        gt = text.find(">", close)
        pos = len(text) if gt < 0 else gt + 1
        out.append(" ")
    return "".join(out)


def clean_text(text: str) -> str:
    """Plain text: HTML tags and scripts removed (block tags become line breaks), entities decoded,
    control characters dropped, spaces normalised.

    Examples
    --------
    >>> clean_text("<p>Russian forces <b>captured</b>&nbsp;Berdin.</p><script>x()</script>\\x07")
    'Russian forces captured Berdin.'

    Returns
    -------
    str
    """
    if not isinstance(text, str):
        raise InvalidArgumentType(f"text must be a str, got {type(text).__name__}")
    text = _drop_scripts(text)
    text = _TAG.sub(lambda m: "\n" if m.group(2).lower() in _BLOCK else "", text)
    text = html.unescape(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\t", " ").replace("\u00a0", " ").replace("\u202f", " "))
    text = re.sub(r"[ ]{2,}", " ", text)
    return re.sub(r"\n\s*\n+", "\n\n", "\n".join(line.strip() for line in text.split("\n"))).strip()


_ABBREV = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr",
    "gen", "lt", "col", "maj", "sgt", "capt", "st", "no", "vs", "etc", "approx", "km", "sq", "u.s", "u.k", "e.g",
    "i.e", "d.c", "jr", "sr", "adm", "gov", "sen", "rep", "prof", "inc", "corp", "ltd", "fig",
    "г", "гг", "ул", "пос", "с", "ст", "им", "т", "д", "км", "кв", "обл", "р", "н", "тыс", "млн", "м",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"”’»)]*\s+(?=[\"“«(]?[A-ZА-ЯЁІЇЄҐ0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text` (paragraph breaks always end a sentence).

    Examples
    --------
    >>> t = "On Jan. 6 the U.S. said so. Russian forces advanced. Next"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['On Jan. 6 the U.S. said so.', 'Russian forces advanced.', 'Next']

    Returns
    -------
    list of (int, int)
    """
    spans = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start = para.start()
        for m in _BOUNDARY.finditer(text, para.start(), para.end()):
            dot = m.start()
            word = re.search(r"([\w.]+)$", text[max(start, dot - 40):dot])  # bounded look-back: linear time
            prev = word.group(1).lower().rstrip(".") if word else ""
            if prev in _ABBREV or (len(prev) == 1 and prev.isalpha()) or re.fullmatch(r"(\w\.)+\w", prev or "-"):
                continue
            end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
            spans.append((start, end))
            start = m.end()
        if start < para.end():
            spans.append((start, para.end()))
    return [piece for a, b in spans if text[a:b].strip() for piece in _cap(text, a, b)]


#: A "sentence" longer than this is cut at clause marks (; , :) or spaces: real sentences are far
#: shorter, and the work per sentence grows with its length, so the cap keeps extraction linear.
MAX_SENTENCE_CHARS = 1500
#: Candidates kept per document; past this the report is cut with a warning (a real report makes dozens).
MAX_CANDIDATES = 5000


def _cap(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(a, b) cut into pieces of at most :data:`MAX_SENTENCE_CHARS`."""
    out = []
    while b - a > MAX_SENTENCE_CHARS:
        limit = a + MAX_SENTENCE_CHARS
        cut = max(text.rfind(ch, a + MAX_SENTENCE_CHARS // 2, limit) for ch in ";,:")
        if cut < 0:
            cut = text.rfind(" ", a + MAX_SENTENCE_CHARS // 2, limit)
        cut = cut + 1 if cut >= 0 else limit
        out.append((a, cut))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if a < b:
        out.append((a, b))
    return out


# -- dates ----------------------------------------------------------------------------------------------
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_RU_MONTHS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
              "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
              "січ": 1, "лют": 2, "берез": 3, "квіт": 4, "травн": 5, "черв": 6, "лип": 7, "серп": 8, "верес": 9,
              "жовт": 10, "листопад": 11, "груд": 12}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_DATE_PATTERNS = [
    ("range", re.compile(_MON + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:and|-|–|to|through)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _YEAR)),
    ("range", re.compile(r"(?P<d1>\d{1,2})\s*(?:and|-|–|to)\s*(?P<day>\d{1,2})\s+" + _MON + _YEAR)),
    ("day", re.compile(_MON + r"\s+" + _DAY + r"\b" + _YEAR)),
    ("day", re.compile(r"\b" + _DAY + r"\s+" + _MON + _YEAR)),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b")),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})\.(?P<m>\d{1,2})\.(?P<year>\d{4})\b")),
    ("ru", re.compile(r"\b(?P<day>\d{1,2})(?:\s*(?:-|–|и|і|та)\s*\d{1,2})?\s+(?P<rmon>[а-яіїєґ]+)(?:\s+(?P<year>\d{4}))?", re.I)),
    ("weekday", re.compile(r"\b(?:on|last)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)),
    ("rel", re.compile(r"\b(?P<rel>yesterday|today|over the past day|overnight|last month|this month|last week|"
                       r"вчера|сегодня|за сутки|вчора|сьогодні|за добу|минулого місяця|в прошлом месяце)\b", re.I)),
    ("month", re.compile(r"\b(?:in|since|by|from)\s+(?:(?:early|mid|late|the beginning of|the end of)[- ]+)?" + _MON
                         + r"(?:\s+(?P<year>\d{4}))?(?!\s+\d)")),
    # a full month name on its own ("Ukraine's August incursion"; not "May", a verb too)
    ("month", re.compile(r"\b(?P<mon>January|February|March|April|June|July|August|September|October|November|"
                         r"December)\b(?:\s+(?P<year>\d{4}))?(?!\s*\d)")),
]


def _ru_month(word: str) -> int | None:
    w = word.lower()
    for stem, m in sorted(_RU_MONTHS.items(), key=lambda kv: -len(kv[0])):
        if w.startswith(stem) and (stem != "ма" or w in ("мая", "май", "мае")):
            return m
    return None


def _year_for(month: int, day: int | None, published: dt.date | None) -> int:
    """The latest year in which month/day is on or before `published` (reports look back)."""
    if published is None:
        return dt.date.today().year
    year = published.year
    try:
        if dt.date(year, month, day or 1) > published:
            year -= 1
    except ValueError:
        pass
    return year


@dataclass(frozen=True)
class _Date:
    date: dt.date
    precision: str  # day | month
    span: tuple[int, int]
    kind: str

    @property
    def text(self) -> str:
        return self.date.isoformat() if self.precision == "day" else self.date.strftime("%Y-%m")


def find_dates(sentence: str, published: dt.date | None, offset: int = 0) -> list[_Date]:
    """Dates mentioned in a sentence, resolved against the publication date."""
    out: list[_Date] = []
    taken: list[tuple[int, int]] = []
    for kind, rx in _DATE_PATTERNS:
        for m in rx.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            d = _resolve_date(kind, m, published)
            if d is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(_Date(d[0], d[1], (offset + m.start(), offset + m.end()), kind))
    return sorted(out, key=lambda x: x.span)


def _resolve_date(kind: str, m: re.Match, published: dt.date | None) -> tuple[dt.date, str] | None:
    g = m.groupdict()
    try:
        if kind in ("range", "day"):
            month = _MONTHS[g["mon"].lower().rstrip(".")]
            day = int(g["day"])
            year = int(g["year"]) if g.get("year") else _year_for(month, day, published)
            return dt.date(year, month, day), "day"
        if kind in ("iso", "dmy"):
            return dt.date(int(g["year"]), int(g["m"]), int(g["day"])), "day"
        if kind == "ru":
            month = _ru_month(g["rmon"])
            if month is None:
                return None
            day = int(g["day"])
            year = int(g["year"]) if g.get("year") else _year_for(month, day, published)
            return dt.date(year, month, day), "day"
        if published is None:
            return None
        if kind == "weekday":
            target = _WEEKDAYS[g["wd"].lower()]
            back = (published.weekday() - target) % 7
            if m.group(0).lower().startswith("last") and back == 0:
                back = 7
            return published - dt.timedelta(days=back), "day"
        if kind == "rel":
            rel = g["rel"].lower()
            if rel in ("yesterday", "вчера", "вчора"):
                return published - dt.timedelta(days=1), "day"
            if rel in ("today", "over the past day", "overnight", "сегодня", "за сутки", "сьогодні", "за добу"):
                return published, "day"
            if rel in ("last week",):
                return published - dt.timedelta(days=7), "day"
            first = published.replace(day=1)
            if rel == "this month":
                return first, "month"
            prev = first - dt.timedelta(days=1)
            return prev.replace(day=1), "month"
        if kind == "month":
            month = _MONTHS[g["mon"].lower().rstrip(".")]
            if g["mon"].lower() == "may" and not re.match(r"(?i)in\s", m.group(0)):
                return None
            year = int(g["year"]) if g.get("year") else _year_for(month, None, published)
            return dt.date(year, month, 1), "month"
    except (ValueError, KeyError):
        return None
    return None


# -- sides, actions, claimants ------------------------------------------------------------------------------
_UA_FORCES = (r"Ukrainian\s+(?:forces|troops|army|units|soldiers|military|defenders|fighters|brigades?|marines|"
              r"paratroopers|assault\s+groups?|Armed\s+Forces|operators|drones)|Ukraine(?:'s|’s)?\s+(?:forces|army|"
              r"troops|Armed Forces)|Ukrainians|Kyiv(?:'s|’s)?(?:\s+forces)?|Ukraine|the\s+AFU|ZSU|"
              r"украинские\s+(?:войска|силы|военные|подразделения|бойцы)|ВСУ|ВС\s+Украины|"
              r"українські\s+(?:війська|сили|військові|захисники|бійці|підрозділи)|ЗСУ|Сили\s+оборони|Украина|Україна")
_RU_FORCES = (r"Russian\s+(?:forces|troops|army|units|soldiers|military|assault\s+groups?|paratroopers|marines|"
              r"fighters|brigades?|Armed\s+Forces)|Russia(?:'s|’s)?\s+(?:forces|army|troops)|Russians|Moscow(?:'s|’s)?"
              r"(?:\s+forces)?|Russia|North\s+Korean\s+(?:soldiers|troops|forces|units)|units\s+of\s+the\s+[\"“«]?"
              r"(?:North|Sever|Center|Centre|East|Vostok|West|Zapad|South|Yug|Dnepr)[\"”»]?\s+group(?:ing)?(?:\s+of\s+forces)?|"
              r"российские\s+(?:войска|силы|военные|подразделения|бойцы)|ВС\s+РФ|армия\s+России|"
              r"(?:подразделения|бойцы)\s+группировки\s+(?:войск\s+)?[«\"]?\w+[»\"]?|"
              r"російські\s+(?:війська|сили|окупанти|військові)|окупанти|росіяни|Россия|Росія")
_SIDE_RX = [("UA", re.compile(r"\b(?:" + _UA_FORCES + r")\b", re.I)), ("RU", re.compile(r"\b(?:" + _RU_FORCES + r")", re.I))]

# verb -> action; the subject's side is the claim's side unless the action says otherwise
_VERBS: list[tuple[str, re.Pattern]] = [
    ("withdraw", re.compile(r"\b(?:withdr[ae]w|withdrawn|withdrawing|retreat(?:ed|ing)?|pulled\s+(?:back|out)|"
                            r"abandon(?:ed|ing)|отступили|отошли|вышли\s+из|покинули|відступили|вийшли\s+з|залишили)\b", re.I)),
    ("repelled", re.compile(r"\b(?:repel(?:led|ling|s)?|repuls(?:ed|ing)|fend(?:ed|ing)?\s+off|fought\s+off|beat\s+back|"
                            r"halted|stopped|thwarted|foiled|отразили|отбили|сорвали|остановили|відбили|зупинили|"
                            r"відбито|отражены?|отбиты?)\b", re.I)),
    ("capture", re.compile(r"\b(?:captur(?:ed|ing|es?)|seiz(?:ed|ing|es?)|took\s+(?:full\s+)?control\s+of|taken\s+control\s+of|"
                           r"t(?:ook|aken)\s+(?!part|advantage|place)|occup(?:ied|y|ying)|liberat(?:ed|ing|es?)|"
                           r"retook|retaken|recaptur(?:ed|ing)|regain(?:ed|ing)|освободили|освобождено?|взяли|"
                           r"захватили|заняли|овладели|звільнили|звільнено|захопили|окупували)\b", re.I)),
    ("advance", re.compile(r"\b(?:advanc(?:ed|ing|es?)|made\s+(?:gains|advances)|gained\s+ground|push(?:ed|ing)\s+"
                           r"(?:forward|into|toward|towards)|entered|enter(?:ing|s)?|broke\s+into|продвинулись|продвигаются|"
                           r"продвижение|вошли|зашли|вклинились|просунулися|просунулись|просування|увійшли|зайшли)\b", re.I)),
    ("contest", re.compile(r"\b(?:fighting|clashes|battles?|combat|contested|бои|боестолкновения|бої|"
                           r"боєзіткнення|ведутся\s+бои|тривають\s+бої)\b", re.I)),
]
_ATTACK = re.compile(r"\b(?:(?P<side_adj>Russian|Ukrainian)\s+(?:ground\s+)?(?:assaults?|attacks?|advance|offensive|"
                     r"counteroffensive|counterattacks?))\b", re.I)

# claimant name patterns -> (canonical claimant, claimant side, default status)
_CLAIMANTS: list[tuple[re.Pattern, tuple[str, str, str]]] = [
    (re.compile(r"\b(?:ISW|Institute\s+for\s+the\s+Study\s+of\s+War)\b", re.I), ("ISW", "neutral", "assessed")),
    (re.compile(r"\bDeepState(?:Map|UA)?\b", re.I), ("DeepState", "UA", "assessed")),
    (re.compile(r"\b(?:(?:the\s+)?Russian\s+(?:Defen[cs]e\s+Ministry|Ministry\s+of\s+Defen[cs]e)|Russia(?:'s|’s)\s+"
                r"Defen[cs]e\s+Ministry|Russian\s+MoD|Kremlin|Минобороны(?:\s+(?:России|РФ))?|МО\s+РФ|"
                r"Міноборони\s+(?:Росії|РФ))\b", re.I), ("Russian MoD", "RU", "claimed")),
    (re.compile(r"\b(?:General\s+Staff(?:\s+of\s+(?:Ukraine(?:'s|’s)?|the\s+Ukrainian)\s+Armed\s+Forces)?|"
                r"Ukraine(?:'s|’s)\s+General\s+Staff|Генштаб(?:\s+ЗСУ|\s+ВСУ)?|Генеральний\s+штаб)\b", re.I),
     ("Ukrainian General Staff", "UA", "claimed")),
    (re.compile(r"\b(?:Moscow|the\s+Kremlin|Москва|Кремль)\s+(?:said|says|claimed|claims|reported|announced|alleged|"
                r"заявил\w*|сообщил\w*)\b", re.I), ("Russian government", "RU", "claimed")),
    (re.compile(r"\b(?:Kyiv|Київ|Киев)\s+(?:said|says|claimed|claims|reported|announced|alleged|заяви\w*)\b", re.I),
     ("Ukrainian government", "UA", "claimed")),
    (re.compile(r"\b(?:Zelensky|Zelenskyy|Зеленский|Зеленський)\b", re.I), ("Volodymyr Zelensky", "UA", "claimed")),
    (re.compile(r"\b(?:Syrskyi|Syrsky|Сырский|Сирський)\b", re.I), ("Oleksandr Syrskyi", "UA", "claimed")),
    (re.compile(r"\b(?:Kovalenko|Коваленко)\b", re.I), ("Andrii Kovalenko", "UA", "claimed")),
    (re.compile(r"\b(?:Gerasimov|Герасимов)\b", re.I), ("Valery Gerasimov", "RU", "claimed")),
    (re.compile(r"\b(?:Putin|Путин|Путін)\b", re.I), ("Vladimir Putin", "RU", "claimed")),
    (re.compile(r"\b(?:Alaudinov|Алаудинов)\b", re.I), ("Apti Alaudinov", "RU", "claimed")),
    (re.compile(r"\b(?:Podolyaka|Подоляка)\b", re.I), ("Yuri Podolyaka", "RU", "unverified")),
    (re.compile(r"\b(?:Rybar|Рыбарь)\b", re.I), ("Rybar", "RU", "unverified")),
    (re.compile(r"\b(?:(?:Russian\s+)?(?:pro-war\s+)?(?:milbloggers?|military\s+bloggers?)|pro-war\s+Telegram\s+channels?|"
                r"Russian\s+Telegram\s+channels?|военкор\w*|Z-канал\w*)\b", re.I), ("Russian milbloggers", "RU", "unverified")),
    (re.compile(r"\bgeolocated\s+(?:footage|video|imagery|images)\b", re.I), ("geolocated footage", "neutral", "assessed")),
]
_ATTRIBUTION = re.compile(r"\b(?:according\s+to|said|says|reported|reports|claimed|claims|alleged|alleges|stated|"
                          r"announced|assessed|confirmed|по\s+данным|согласно|заявил[аио]?|сообщил[аио]?|утверждает|"
                          r"за\s+даними|повідомил[аио]?|заявив|заявили|стверджує)\b", re.I)
_CLAIMED = re.compile(r"\b(?:alleged(?:ly)?|claim(?:ed|s)?|purported(?:ly)?|утверждает|заявил\w*|стверджу\w*|"
                      r"заяви\w*)\b", re.I)
_UNVERIFIED = re.compile(r"\b(?:could\s+not\s+(?:be\s+)?(?:independently\s+)?verif\w*|cannot\s+(?:be\s+)?verif\w*|"
                         r"unable\s+to\s+verify|yet\s+to\s+be\s+(?:confirmed|verified)|unconfirmed|unverified|"
                         r"reportedly|rumou?rs?|не\s+удалось\s+проверить|не\s+подтвержден\w*|неподтвержден\w*|"
                         r"не\s+вдалося\s+перевірити|непідтверджен\w*)\b", re.I)

# -- qualifiers ----------------------------------------------------------------------------------------------
_DIRS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
_DIR_WORD = r"(?:north|south|east|west)(?:-?(?:east|west))?"
_ADJ = {"northern": "northern", "southern": "southern", "eastern": "eastern", "western": "western",
        "central": "central", "northeastern": "northeastern", "northwestern": "northwestern",
        "southeastern": "southeastern", "southwestern": "southwestern", "north-eastern": "northeastern",
        "north-western": "northwestern", "south-eastern": "southeastern", "south-western": "southwestern",
        "северной": "northern", "южной": "southern", "восточной": "eastern", "западной": "western",
        "центральной": "central", "центре": "central", "центр": "central", "північній": "northern",
        "південній": "southern", "східній": "eastern", "західній": "western", "центральній": "central",
        "центрі": "central"}
_RU_DIR = {"севернее": "north of", "южнее": "south of", "восточнее": "east of", "западнее": "west of",
           "северо-восточнее": "northeast of", "северо-западнее": "northwest of", "юго-восточнее": "southeast of",
           "юго-западнее": "southwest of", "північніше": "north of", "південніше": "south of",
           "східніше": "east of", "західніше": "west of"}
_NEAR_WORDS = re.compile(r"(?:near|around|close\s+to|in\s+the\s+(?:area|vicinity)\s+of|outside|под|около|возле|"
                         r"вблизи|в\s+районе|у\s+района|біля|поблизу|в\s+районі|під)\s*$", re.I)
_OUTSKIRTS = re.compile(r"(?:on\s+|to\s+)?(?:the\s+)?(?:(?P<dir>" + _DIR_WORD + r"(?:ern)?)\s+)?outskirts\s+of\s*$|"
                        r"(?:на\s+)?окраин\w+\s*$|(?:на\s+)?околиц\w+\s*$", re.I)
_PART_OF = re.compile(r"(?:the\s+)?(?P<adj>northern|southern|eastern|western|central|north-?eastern|north-?western|"
                      r"south-?eastern|south-?western)\s+(?:part|section|portion|half|outskirts)\s+of\s*$|"
                      r"(?:в|у)\s+(?P<radj>\w+)\s+част\w+\s*$", re.I)
_ADJ_BEFORE = re.compile(r"(?P<adj>northern|southern|eastern|western|central|north-?eastern|north-?western|"
                         r"south-?eastern|south-?western)\s*$", re.I)
_DIR_OF = re.compile(r"(?:(?P<km>\d+(?:[.,]\d+)?)\s*(?:km|kilomet(?:er|re)s?|км)\s+)?(?P<dir>" + _DIR_WORD +
                     r")\s+of\s*$", re.I)
_KM_FROM = re.compile(r"(?P<km>\d+(?:[.,]\d+)?)\s*(?:km|kilomet(?:er|re)s?|км)\s+(?:from|away\s+from|outside|от|від)\s*$", re.I)
_RU_DIR_BEFORE = re.compile(r"(?P<w>" + "|".join(re.escape(k) for k in sorted(_RU_DIR, key=len, reverse=True)) + r")\s*$", re.I)
# a place that only locates others: "..., all northeast of X", "a road leading to X", "the city of X" after them
_REFERENCE = re.compile(r"(?:\b(?:all|both|each)\s+(?:\d+\s*(?:km|kilomet\w+)\s+)?" + _DIR_WORD + r"\s+of|"
                        r"\b(?:leading|lead|leads|road|highway|route)\b[^,.;]{0,40}?\b(?:to|toward|towards)"
                        r"(?:\s+the\s+city\s+of)?|\bsettlement\s+(?:near|in)|,\s*(?:a|the)\s+\w+(?:\s+\w+)?\s+"
                        r"(?:of|near|in))\s*$", re.I)
_PREP = re.compile(r"(?:\bin|\bnear|\bat|\bof|\binto|\btoward|\btowards|\boutside|\baround|\bfor|\bby|\bfrom|\bto|"
                   r"\bв|\bво|\bпод|\bу|\bоколо|\bвозле|\bбіля|\bпоблизу|\bза|\bк|\bдо|\bна|\bпід|\bз|\bиз)\s+"
                   r"(?:the\s+)?(?:(?:village|town|city|settlement|selo|село|поселок|посёлок|селище|місто|город)\s+of\s+|"
                   r"(?:village|town|city|settlement|села|селища|города|міста|поселка|посёлка)\s+)?$", re.I)


# -- places ------------------------------------------------------------------------------------------------
_WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.U)
# Russian and Ukrainian case endings -> nominative endings to try (longest first)
_ENDINGS: list[tuple[str, tuple[str, ...]]] = sorted([
    ("ого", ("ое", "ий", "ой", "ый", "е")), ("его", ("ее", "ий")), ("ому", ("ое", "ий", "ой", "ый", "е")),
    ("ему", ("ее", "ий")), ("ом", ("ое", "", "ий", "ый", "о")), ("ем", ("ее", "е", "ь", "")),
    ("ой", ("ая", "а", "ой", "ый")), ("ей", ("яя", "а", "я", "ь")), ("ою", ("а", "ая")), ("ею", ("а", "я")),
    ("ую", ("ая",)), ("юю", ("яя",)), ("ым", ("ое", "ый", "ий")), ("им", ("ое", "ий", "е", "ій")),
    ("ых", ("ые",)), ("их", ("ие", "і")), ("ах", ("ы", "и", "")), ("ях", ("и", "я")), ("ами", ("ы", "")),
    ("ями", ("и",)), ("ій", ("а", "ий", "ій", "е")), ("ім", ("е", "ий", "ій", "")), ("ої", ("а", "ая", "е")),
    ("е", ("а", "я", "", "о", "е")), ("у", ("а", "")), ("ю", ("я", "ь")),
    ("и", ("а", "я", "ь", "и")), ("ы", ("а", "")), ("і", ("а", "я", "ь", "", "е")), ("ї", ("я",)),
    ("а", ("", "о", "а")), ("я", ("ь", "я", "е")), ("ка", ("ок",)),
], key=lambda e: -len(e[0]))
_CYR = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_STOP = {
    # capitalised words that are never settlement names in these texts
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
}
_REGION_WORDS = re.compile(r"^\s*(?:Oblast|oblast|Region|region|Krai|krai|область|области|області|облас\w*)\b")


_CAP = r"[A-ZА-ЯЁІЇЄҐ][\w'’\-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’\-]+){0,2}"
# "near A, B and C": names listed after a place preposition
_LIST_AFTER_PREP = re.compile(r"\b(?:in|near|at|around|outside|toward|towards|в|под|у|около|возле|біля|поблизу)\s+"
                              + _CAP + r"(?:\s*,\s*" + _CAP + r")*\s*(?:,\s*(?:and\s+|и\s+|та\s+|і\s+)?|"
                              r"\s+(?:and|или|и|та|і)\s+)$")


# "took Kvaklino": a name right after a verb that takes places
_VERB_BEFORE = re.compile(r"\b(?:took|captured|seized|liberated|retook|recaptured|entered|occupied|abandoned|"
                          r"освободили|взяли|заняли|захватили|овладели|звільнили|захопили|зайняли)\s+$", re.I)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    text: str            # as written
    name: str            # the form found in the gazetteer (nominative)
    place_ids: tuple[str, ...]
    how: str             # exact | inflected | possessive


class _PlaceFinder:
    """Finds gazetteer names in text, longest first, in any script and declension."""

    MAX_WORDS = 4

    def __init__(self, gaz: "Gazetteer") -> None:
        self.gaz = gaz

    def _ids(self, phrase: str) -> tuple[str, ...]:
        from geoclaims.names import fold

        key = fold(phrase)
        if not key or key in _STOP:
            return ()
        return tuple(p.id for p in self.gaz.places_with_key(key))

    @staticmethod
    def _variants(word: str) -> list[str]:
        if not _CYR.search(word):
            return [word]
        out = [word]
        low = word.lower()
        for ending, repl in _ENDINGS:
            if low.endswith(ending) and len(word) - len(ending) >= 3:
                stem = word[: len(word) - len(ending)]
                out.extend(stem + r for r in repl)
        return list(dict.fromkeys(out))[:8]

    def find(self, text: str, start: int, end: int) -> list[_Mention]:
        words = [m for m in _WORD.finditer(text, start, end)]
        found: list[_Mention] = []
        i = 0
        while i < len(words):
            w = words[i]
            if not w.group(0)[0].isupper():
                i += 1
                continue
            hit = None
            for n in range(min(self.MAX_WORDS, len(words) - i), 0, -1):
                seq = words[i:i + n]
                if any(text[a.end():b.start()].strip(" -") for a, b in zip(seq, seq[1:])):
                    continue  # words must be adjacent (spaces or hyphens between)
                if n > 1 and not all(x.group(0)[0].isupper() or x.group(0).lower() in ("na", "nad", "pod", "на", "над")
                                     for x in seq[1:]):
                    continue
                raw = text[seq[0].start():seq[-1].end()]
                if n == 1 and _REGION_WORDS.match(text[seq[-1].end():seq[-1].end() + 20]):
                    hit = None  # "Kursk Oblast": a region, not the city
                    break
                hit = self._match(raw)
                if hit is not None:
                    name, ids, how = hit
                    found.append(_Mention(seq[0].start(), seq[-1].end(), raw, name, ids, how))
                    i += n
                    break
            else:
                i += 1
                continue
            if hit is None:
                i += 1
        return found

    def _match(self, raw: str) -> tuple[str, tuple[str, ...], str] | None:
        ids = self._ids(raw)
        if ids:
            return raw, ids, "exact"
        poss = re.sub(r"['’]s$|['’]$", "", raw)
        if poss != raw:
            ids = self._ids(poss)
            if ids:
                return poss, ids, "possessive"
        if _CYR.search(raw):
            parts = raw.split()
            if len(parts) <= 3:
                import itertools

                for combo in itertools.product(*(self._variants(p) for p in parts)):
                    cand = " ".join(combo)
                    if cand == raw:
                        continue
                    ids = self._ids(cand)
                    if ids:
                        return cand, ids, "inflected"
        return None


# -- results --------------------------------------------------------------------------------------------------
#: Columns written by :meth:`Extraction.to_dataframe`: the claims format plus review columns.
OUTPUT_COLUMNS = ("claim_id", "date", "claimant", "claimant_side", "side", "action", "place", "place_id", "region",
                  "qualifier", "distance_km", "area_km2", "area_basis", "status", "source_url", "note", "span",
                  "quote", "confidence", "candidates")


@dataclass(frozen=True)
class CandidateClaim:
    """One candidate claim, in the claims format, with where it came from and how sure we are."""

    claim_id: str
    date: str
    claimant: str
    claimant_side: str
    side: str
    action: str
    place: str = ""
    place_id: str = ""
    region: str = ""
    qualifier: str = ""
    distance_km: float | None = None
    area_km2: float | None = None
    area_basis: str = ""
    status: str = "claimed"
    source_url: str = ""
    note: str = ""
    #: (start, end) in the cleaned text (:attr:`Extraction.text`)
    span: tuple[int, int] = (0, 0)
    quote: str = ""
    confidence: float = 0.5
    #: Other gazetteer places the name may mean (ambiguous names)
    candidates: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        """The candidate as a row of :data:`OUTPUT_COLUMNS`."""
        return {"claim_id": self.claim_id, "date": self.date, "claimant": self.claimant,
                "claimant_side": self.claimant_side, "side": self.side, "action": self.action, "place": self.place,
                "place_id": self.place_id, "region": self.region, "qualifier": self.qualifier,
                "distance_km": self.distance_km, "area_km2": self.area_km2, "area_basis": self.area_basis,
                "status": self.status, "source_url": self.source_url, "note": self.note,
                "span": f"{self.span[0]}:{self.span[1]}", "quote": self.quote, "confidence": round(self.confidence, 2),
                "candidates": " ".join(self.candidates)}


@dataclass(frozen=True)
class UnknownName:
    """A capitalised name in a place-like position that the gazetteer does not know."""

    name: str
    span: tuple[int, int]
    quote: str


@dataclass(frozen=True)
class Extraction:
    """What :func:`extract_claims` found: candidate claims, unknown place names, skipped statements."""

    text: str
    claims: tuple[CandidateClaim, ...]
    unknown_places: tuple[UnknownName, ...] = ()
    #: Statements that looked like claims but could not become one: (quote, reason)
    skipped: tuple[tuple[str, str], ...] = ()
    published: dt.date | None = None

    def __len__(self) -> int:
        return len(self.claims)

    def __iter__(self):
        return iter(self.claims)

    def to_dataframe(self) -> "pandas.DataFrame":
        """The candidates in the claims format plus ``span``, ``quote``, ``confidence``, ``candidates``."""
        import pandas as pd

        return pd.DataFrame([c.to_record() for c in self.claims], columns=list(OUTPUT_COLUMNS))

    def write(self, path: Any) -> None:
        """Write the candidates as a claims CSV (atomically) that :func:`geoclaims.read_claims` reads."""
        from geoclaims._io import atomic_write

        atomic_write(path, self.to_dataframe().to_csv(index=False, lineterminator="\n").encode("utf-8"))

    def report(self) -> str:
        """A short human summary: counts, unknown names, skipped statements."""
        lines = [f"{len(self.claims)} candidate claims"]
        if self.unknown_places:
            names = ", ".join(dict.fromkeys(u.name for u in self.unknown_places))
            lines.append(f"names not in the gazetteer (add them, or lat/lon, to use them): {names}")
        for quote, why in self.skipped:
            lines.append(f"skipped ({why}): {quote[:120]}")
        return "\n".join(lines)


# -- the extractor -----------------------------------------------------------------------------------------
_AREA = re.compile(
    r"(?P<hedge>up\s+to|around|about|approximately|roughly|nearly|almost|over|more\s+than|some|около|почти|более|"
    r"свыше|понад|близько|майже)?\s*(?:(?P<pct>\d+(?:[.,]\d+)?)\s*(?:percent|per\s+cent|%)\s*\(\s*)?"
    r"(?P<num>\d{1,3}(?:[ ,\u202f]\d{3})+|\d+(?:[.,]\d+)?)\s*(?:square\s+kilomet(?:er|re)s?|sq\.?\s*km|km²|km2|"
    r"кв\.?\s*км|квадратн\w+\s+километр\w*|квадратн\w+\s+кілометр\w*)", re.I)
_AREA_UNIT = re.compile(r"square\s+kilomet|sq\.?\s*km|km²|km2|кв\.?\s*км|квадратн", re.I)
_HELD = re.compile(r"\b(?:captur\w*|seiz\w*|took|taken|control\w*|holds?|held|occup\w*|gain\w*|захват\w*|контрол\w*|"
                   r"заня\w*|захопи\w*|окупува\w*)\b", re.I)
_RETOOK = re.compile(r"\b(?:retook|retaken|recaptur\w*|regain\w*|liberat\w*|took\s+back|освобод\w*|вернул\w*|"
                     r"звільни\w*|відвоюва\w*)\b", re.I)


def _side_mentions(s: str) -> list[tuple[int, int, str]]:
    out = []
    for side, rx in _SIDE_RX:
        for m in rx.finditer(s):
            out.append((m.start(), m.end(), side))
    out.sort()
    keep: list[tuple[int, int, str]] = []
    for a, b, side in out:
        if keep and a < keep[-1][1]:
            if b - a > keep[-1][1] - keep[-1][0]:
                keep[-1] = (a, b, side)
            continue
        keep.append((a, b, side))
    return keep


_NAME = r"(?:the\s+)?(?P<who>[A-Z][\w.&'’-]*(?:\s+(?:of\s+)?[A-Z][\w.&'’-]*){0,4})"
_GENERIC_CLAIMANT = [
    re.compile(r"\baccording\s+to\s+" + _NAME),
    re.compile(_NAME + r"\s+(?:said|says|reported|reports|claimed|claims|alleged|stated|announced|wrote)\b"),
]


def _claimant(s: str) -> tuple[str, str, str, bool] | None:
    """(claimant, side, default status, attributed explicitly) named in a sentence."""
    best = None
    for rx, info in _CLAIMANTS:
        m = rx.search(s)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), info)
    if best is None:
        for rx in _GENERIC_CLAIMANT:  # "Bild reported", "according to the Kursk governor"
            m = rx.search(s)
            if m:
                who = m.group("who").strip(" .")
                if who and who.split()[0].lower() not in _STOP and not any(r.match(who) for _, r in _SIDE_RX):
                    return who, "neutral", "claimed", True
        return None
    return (*best[1], bool(_ATTRIBUTION.search(s)) or best[1][0] == "geolocated footage")


_FROM = re.compile(r"\b(?:from|out\s+of|из|с|від|з)\s+(?:the\s+)?$", re.I)
_AFTER_PART = re.compile(r"^(?:['’]s)?\s+(?P<adj>northern|southern|eastern|western|central|north-?eastern|north-?western|"
                         r"south-?eastern|south-?western)\s+(?:part|section|outskirts|half)\b", re.I)


def _qualifier(before: str, after: str = "", action: str = "") -> tuple[str, float | None, str]:
    """(qualifier, distance_km, kind) from the words around a place; kind 'reference' = not claimed."""
    tail = before[-80:]
    m = _KM_FROM.search(tail)
    if m:
        return "near", float(m.group("km").replace(",", ".")), "claim"
    if _REFERENCE.search(tail) or (_FROM.search(tail) and action != "withdraw"):
        return "", None, "reference"
    m = _AFTER_PART.match(after)
    if m:
        return _ADJ[m.group("adj").lower().replace("-", "")], None, "claim"
    m = _OUTSKIRTS.search(tail)
    if m:
        return "outskirts", None, "claim"
    m = _PART_OF.search(tail)
    if m:
        adj = (m.group("adj") or m.group("radj") or "").lower().replace("-", "")
        q = _ADJ.get(adj) or _ADJ.get(adj.replace("north", "north-").replace("south", "south-"))
        if q:
            return q, None, "claim"
    m = _DIR_OF.search(tail)
    if m:
        d = m.group("dir").lower().replace("-", "")
        km = float(m.group("km").replace(",", ".")) if m.group("km") else None
        return f"{d} of", km, "claim"
    m = _RU_DIR_BEFORE.search(tail)
    if m:
        return _RU_DIR[m.group("w").lower()], None, "claim"
    m = _ADJ_BEFORE.search(tail)
    if m:
        return _ADJ[m.group("adj").lower()], None, "claim"
    if _NEAR_WORDS.search(tail):
        return "near", None, "claim"
    return "", None, "claim"


def _parse_published(published: Any) -> dt.date | None:
    if published is None or published == "":
        return None
    if isinstance(published, dt.datetime):
        return published.date()
    if isinstance(published, dt.date):
        return published
    try:
        return dt.date.fromisoformat(str(published).strip()[:10])
    except ValueError:
        raise InvalidArgument(f"published={published!r} is not a date (YYYY-MM-DD)") from None


def extract_claims(
    text: str,
    *,
    published: "str | dt.date | None" = None,
    region: str | None = None,
    language: str | None = None,
    source_url: str = "",
    gazetteer: "Gazetteer | None" = None,
) -> Extraction:
    """Candidate claims in a report, for a person to review.

    Parameters
    ----------
    text : str
        The report: plain text or HTML (tags and scripts are removed), English, Russian or
        Ukrainian.
    published : str or date, optional
        When it was published: resolves "on Jan. 5", "on Sunday", "last month", "in early
        August", and dates claims that give no date. A ``date YYYY-MM-DD`` line at the top of the
        text is used when this is not given.
    region : str, optional
        Oblast or country the report is about: settles ambiguous place names and fills the claims'
        ``region``.
    language : {'en', 'ru', 'uk'}, optional
        Only a hint; every sentence is read with the English, Russian and Ukrainian rules.
    source_url : str
        Written into every claim's ``source_url``.
    gazetteer : Gazetteer, optional
        Default: the bundled one.

    Returns
    -------
    Extraction

    Examples
    --------
    >>> ex = extract_claims("On Jan. 6, ISW said that Ukrainian forces advanced in southern Berdin.",
    ...                     published="2025-01-07")
    >>> c = ex.claims[0]
    >>> (c.date, c.claimant, c.status, c.side, c.action, c.place, c.qualifier)
    ('2025-01-06', 'ISW', 'assessed', 'UA', 'advance', 'Berdin', 'southern')
    """
    from geoclaims.gazetteer import Gazetteer

    if language not in (None, "en", "ru", "uk"):
        raise InvalidArgument(f"language={language!r} is not valid; valid: en, ru, uk (or None)")
    raw = text
    if not isinstance(raw, str):
        raise InvalidArgumentType(f"text must be a str, got {type(raw).__name__}")
    pub = _parse_published(published)
    if pub is None:
        m = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})\b", raw)
        if m:
            pub = dt.date.fromisoformat(m.group(1))
    clean = clean_text(raw)
    gaz = gazetteer or Gazetteer.default()
    if region:
        from geoclaims.errors import UnknownRegion
        from geoclaims.regions import RegionTable, resolve_country

        try:
            if not resolve_country(region):
                RegionTable.default().resolve(region)
        except UnknownRegion as e:
            raise InvalidArgument(f"region={region!r}: {e}") from None
    return _Extractor(clean, pub, region or "", source_url, gaz).run()


class _Extractor:
    def __init__(self, text: str, published: dt.date | None, region: str, source_url: str, gaz: "Gazetteer"):
        self.text, self.published, self.region, self.source_url, self.gaz = text, published, region, source_url, gaz
        self.finder = _PlaceFinder(gaz)
        self.claims: list[CandidateClaim] = []
        self.unknown: list[UnknownName] = []
        self.skipped: list[tuple[str, str]] = []
        self.last_date: dict[str, tuple[str, bool]] = {}  # claimant -> (date text, explicit)
        self.n = 0

    def run(self) -> Extraction:
        sentences = split_sentences(self.text)
        mentions = {span: self.finder.find(self.text, *span) for span in sentences}
        self.resolved = self._resolve({m.name for ms in mentions.values() for m in ms})
        for span in sentences:
            self._sentence(span, mentions[span])
            if len(self.claims) > MAX_CANDIDATES:
                rest = self.text[span[1]:span[1] + 60].strip()
                msg = (f"more than {MAX_CANDIDATES} candidate claims: stopped reading at character {span[1]:,} "
                       f"of {len(self.text):,}" + (f" ({rest!r}...)" if rest else "") + "; split the document")
                warnings.warn(msg, UserWarning, stacklevel=3)
                self.skipped.append(("", msg))
                del self.claims[MAX_CANDIDATES:]
                break
        return Extraction(self.text, tuple(self.claims), tuple(self.unknown), tuple(self.skipped), self.published)

    # -- place resolution across the whole report -----------------------------------------------------
    def _resolve(self, names: Iterable[str]) -> dict[str, tuple[Any, tuple[str, ...], bool]]:
        from geoclaims.geocoding import settle_by_proximity

        resolved, chosen = {}, {}
        for name in names:
            r = self.gaz.resolve(name, region=self.region or None) if self.region else self.gaz.resolve(name)
            if r.best is None and self.region:
                r = self.gaz.resolve(name)
            if r.best is None:
                continue
            resolved[name] = r
            chosen[name] = (r.best, r.ambiguous, "")
        settle_by_proximity(resolved, chosen)
        out = {}
        for name, (match, ambiguous, _note) in chosen.items():
            others = tuple(m.place.id for m in resolved[name].competitors if m.place.id != match.place.id) \
                if ambiguous else ()
            out[name] = (match.place, others, ambiguous)
        return out

    # -- one sentence ------------------------------------------------------------------------------------------
    def _sentence(self, span: tuple[int, int], mentions: list[_Mention]) -> None:
        a, b = span
        s = self.text[a:b]
        has_verb = any(rx.search(s) for _, rx in _VERBS)
        if not has_verb and not _AREA_UNIT.search(s):
            if _ATTRIBUTION.search(s):  # "ISW said on Jan. 6 ...": dates what that claimant says next
                who = _claimant(s)
                dates = find_dates(s, self.published, a)
                if who and dates:
                    self._date(dates, who[0])
            return
        quote = " ".join(s.split())
        dates = find_dates(s, self.published, a)
        who = _claimant(s)
        status = who[2] if who else "claimed"
        if who and _CLAIMED.search(s) and who[2] == "assessed" and who[0] != "geolocated footage":
            status = "assessed"
        elif _CLAIMED.search(s) and who is None:
            status = "claimed"
        hedged = bool(_UNVERIFIED.search(s))
        if hedged and (who is None or who[2] != "assessed"):
            status = "unverified"
        claimant, claimant_side = (who[0], who[1]) if who else ("unattributed", "neutral")
        date_text, explicit = self._date(dates, claimant)
        region = self._region_in(s) or self.region
        self._areas(s, a, quote, dates, claimant, claimant_side, status, date_text, region)
        self._unknown_names(s, a, quote, mentions)
        if not mentions:
            if has_verb and _side_mentions(s):
                if not _AREA.search(s):
                    self.skipped.append((quote, "no place the gazetteer knows"))
            return
        sides = _side_mentions(s)
        clauses = self._clauses(s, a, sides)
        made = False
        for side, action, c0, c1, why in clauses:
            targets = [m for m in mentions if c0 <= m.start - a < c1 or (action == "repelled" and c0 <= m.start - a)]
            rows = []
            for m in targets:
                q, km, kind = _qualifier(self.text[a:m.start], self.text[m.end:b], action)
                if kind == "reference" or m.name not in self.resolved:
                    continue
                rows.append((m, q, km))
            if not rows:
                continue
            self.n += 1
            cid = f"X{self.n}"
            for m, q, km in rows:
                place, others, ambiguous = self.resolved[m.name]
                claim_side = side or (other_side(place.country) if place.country in ("UA", "RU") else "")
                if not claim_side:
                    continue
                conf = 0.55 + (0.15 if who and who[3] else 0) + (0.1 if explicit else 0) + (0.1 if why == "subject" else 0)
                conf -= 0.25 if ambiguous else 0
                conf -= 0.1 if m.how == "inflected" else 0
                act = action
                if action == "capture" and q and q != "":
                    act = "advance"  # taking part of a place, or ground near it, is an advance
                self.claims.append(CandidateClaim(
                    claim_id=cid, date=date_text, claimant=claimant, claimant_side=claimant_side, side=claim_side,
                    action=act, place=place.name, place_id=place.id, region=region or place.admin1, qualifier=q,
                    distance_km=km, status=status, source_url=self.source_url,
                    note=f"extracted: {m.text!r}" + {"passive": " (passive)", "attack": " (the failed attack's side)",
                                                     "contest": " (side: not the land's owner)"}.get(why, ""),
                    span=(m.start, m.end), quote=quote, confidence=max(0.05, min(0.99, conf)),
                    candidates=others))
                made = True
            if who:
                self.last_date.setdefault(claimant, (date_text, explicit))
        if not made and clauses and sides:
            self.skipped.append((quote, "the places named only locate others"))

    def _clauses(self, s: str, offset: int, sides: list[tuple[int, int, str]]) -> list[tuple[str, str, int, int, str]]:
        """(side, action, start, end, how) for each action verb in the sentence (offsets in `s`)."""
        verbs = []
        for action, rx in _VERBS:
            for m in rx.finditer(s):
                if any(v[1] <= m.start() < v[2] for v in verbs):
                    continue
                verbs.append((action, m.start(), m.end()))
        verbs.sort(key=lambda v: v[1])
        out = []
        for k, (action, v0, v1) in enumerate(verbs):
            end = verbs[k + 1][1] if k + 1 < len(verbs) else len(s)
            side, how = self._side_for(s, action, v0, v1, sides)
            if side is None and action == "contest":
                side, how = "", "contest"  # decided per place: the side that does not own the land
            if side is None:
                continue
            if action == "repelled":
                # the claim is about the failed attacker: "Ukrainian forces repelled Russian assaults"
                # or "the Ukrainian advance was halted"
                attack = _ATTACK.search(s)
                if attack:
                    side = "UA" if attack.group("side_adj").lower().startswith("ukr") else "RU"
                    how = "attack"
                else:
                    side = other_side(side)
            out.append((side, action, v1, end, how))
        return out

    @staticmethod
    def _side_for(s: str, action: str, v0: int, v1: int, sides) -> tuple[str | None, str]:
        before = [x for x in sides if x[1] <= v0]
        if before:
            # the nearest side mention before the verb is its subject (a claimant's side is not)
            return before[-1][2], "subject"
        after = [x for x in sides if x[0] >= v1]
        if after and re.match(r"\s*(?:by|силами|з\s+боку)\b", s[v1:after[0][0]], re.I):
            return after[0][2], "passive"
        if action == "repelled":
            attack = _ATTACK.search(s)
            if attack:
                return ("UA" if attack.group("side_adj").lower().startswith("ukr") else "RU"), "attack"
        return None, ""

    def _date(self, dates: list[_Date], claimant: str) -> tuple[str, bool]:
        if dates:
            # an event range ("between Jan. 5 and 6") wins over the date a statement was made
            ranges = [d for d in dates if d.kind == "range"]
            pick = ranges[-1] if ranges else dates[-1]
            self.last_date[claimant] = (pick.text, True)
            return pick.text, True
        if claimant in self.last_date:
            return self.last_date[claimant][0], self.last_date[claimant][1]
        return (self.published.isoformat() if self.published else ""), False

    def _region_in(self, s: str) -> str:
        m = re.search(r"\b([A-Z][a-z]+)\s+(?:Oblast|region)\b|\b([А-ЯІЇЄ][а-яіїє]+)(?:ской|ській|ская|ська)\s+област", s)
        if not m:
            return ""
        name = m.group(0)
        from geoclaims.regions import RegionTable

        try:
            found = RegionTable.default().resolve(name)
        except Exception:  # noqa: BLE001 - UnknownRegion: words that only look like a region
            return ""
        return found[0].name if found else ""

    def _areas(self, s, offset, quote, dates, claimant, claimant_side, status, date_text, region) -> None:
        sides = basis = None
        for m in _AREA.finditer(s):
            num = float(re.sub(r"[ ,\u202f]", "", m.group("num")) if re.search(r"\d[ ,\u202f]\d{3}", m.group("num"))
                        else m.group("num").replace(",", "."))
            if sides is None:  # once per sentence, not per figure
                sides = _side_mentions(s)
                basis = "gained" if _RETOOK.search(s) else "held" if _HELD.search(s) else ""
            side = sides[0][2] if sides else ""
            if not side:
                self.skipped.append((quote, f"area figure {m.group(0).strip()!r} without a side"))
                continue
            if not basis:
                basis = "held"
            months = [d for d in dates if d.precision == "month"]
            dtext = months[-1].text if months and not any(d.precision == "day" for d in dates) else date_text
            self.n += 1
            note = "area " + " ".join(x for x in (m.group("hedge") or "", f"{num:g} km²") if x)
            if m.group("pct"):
                note += f" ({m.group('pct')} %)"
            self.claims.append(CandidateClaim(
                claim_id=f"X{self.n}", date=dtext, claimant=claimant, claimant_side=claimant_side, side=side,
                action="area", region=region, area_km2=num, area_basis=basis, status=status,
                source_url=self.source_url, note=note, span=(offset + m.start("num"), offset + m.end()), quote=quote,
                confidence=0.6 if region else 0.45))

    def _unknown_names(self, s: str, offset: int, quote: str, mentions: list[_Mention]) -> None:
        known = [(m.start - offset, m.end - offset) for m in mentions]
        for m in re.finditer(r"(?<![\w'’])([A-ZА-ЯЁІЇЄҐ][\w'’\-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’\-]+){0,2})", s):
            a, b = m.span(1)
            if any(x < b and a < y for x, y in known):
                continue
            if a == 0 or not (_PREP.search(s[:a]) or _LIST_AFTER_PREP.search(s[:a]) or _VERB_BEFORE.search(s[:a])):
                continue
            name = re.sub(r"['’]s$", "", m.group(1))
            words = name.split()
            if any(w.lower().strip("'’") in _STOP for w in words) or _REGION_WORDS.match(s[b:]):
                continue
            if any(rx.match(name) for rx, _ in _CLAIMANTS) or any(rx.match(name) for _, rx in _SIDE_RX):
                continue
            if re.match(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)", name):
                continue
            self.unknown.append(UnknownName(name, (offset + a, offset + a + len(name)), quote))
