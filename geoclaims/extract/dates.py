"""Dates in report text, resolved against the publication date.

:func:`find_dates` finds "on Jan. 5", "between Jan. 5 and 6" (a range: its end), "December 30" (the
latest such date on or before publication), ISO and ``dd.mm.yyyy`` dates, "6 января", "6 січня",
weekdays ("on Sunday", "в субботу", "у неділю"), "yesterday", "накануне", "напередодні", "last month",
and months ("in early August": month precision). :func:`parse_published` reads the ``published``
argument.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from geoclaims.errors import InvalidArgument

__all__ = ["find_dates", "parse_published", "Date"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_RU_MONTHS = {"январ": 1, "феврал": 2, "март": 3, "апрел": 4, "ма": 5, "июн": 6, "июл": 7, "август": 8,
              "сентябр": 9, "октябр": 10, "ноябр": 11, "декабр": 12,
              "січ": 1, "лют": 2, "берез": 3, "квіт": 4, "травн": 5, "черв": 6, "лип": 7, "серп": 8, "верес": 9,
              "жовт": 10, "листопад": 11, "груд": 12}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
# Russian and Ukrainian weekday stems (accusative after в/у/во: "в субботу", "у неділю")
_SLAVIC_WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "четверг": 3, "пятницу": 4, "субботу": 5,
                    "воскресенье": 6, "понеділок": 0, "вівторок": 1, "середу": 2, "четвер": 3, "п'ятницю": 4,
                    "п’ятницю": 4, "суботу": 5, "неділю": 6}
_MON = r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>\d{4}))?"
_DATE_PATTERNS = [
    ("range", re.compile(_MON + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\s*(?:and|-|–|to|through)\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?" + _YEAR)),
    ("range", re.compile(r"(?P<d1>\d{1,2})\s*(?:and|-|–|to)\s*(?P<day>\d{1,2})\s+" + _MON + _YEAR)),
    ("day", re.compile(_MON + r"\s+" + _DAY + r"\b" + _YEAR)),
    ("day", re.compile(r"\b" + _DAY + r"\s+" + _MON + _YEAR)),
    ("iso", re.compile(r"\b(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})\b")),
    ("dmy", re.compile(r"\b(?P<day>\d{1,2})\.(?P<m>\d{1,2})\.(?P<year>\d{4}|\d{2})\b")),
    ("ru", re.compile(r"\b(?P<day>\d{1,2})(?:\s*(?:-|–|и|і|та)\s*\d{1,2})?\s+(?P<rmon>[а-яіїєґ]+)(?:\s+(?P<year>\d{4}))?", re.I)),
    ("weekday", re.compile(r"\b(?:on|last)\s+(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I)),
    ("weekday", re.compile(r"(?<!\w)(?:в|во|у)\s+(?:минул\w+\s+|прошл\w+\s+)?(?P<swd>" + "|".join(_SLAVIC_WEEKDAYS)
                           + r")(?!\w)", re.I)),
    ("rel", re.compile(r"(?<!\w)(?P<rel>yesterday|today|over the past day|overnight|last month|this month|"
                       r"вчера|сегодня|за сутки|накануне|вчора|сьогодні|за добу|напередодні|минулого місяця|"
                       r"в прошлом месяце)(?!\w)", re.I)),
    ("month", re.compile(r"\b(?:in|since|by|from)\s+(?:(?:early|mid|late|the beginning of|the end of)[- ]+)?" + _MON
                         + r"(?:\s+(?P<year>\d{4}))?(?!\s+\d)")),
    # a full month name on its own ("Ukraine's August incursion"; not "May", a verb too)
    ("month", re.compile(r"\b(?P<mon>January|February|March|April|June|July|August|September|October|November|"
                         r"December)\b(?:\s+(?P<year>\d{4}))?(?!\s*\d)")),
]


#: no digit, month, weekday or "yesterday": no date (a quick test before the patterns)
_HINT = re.compile(r"\d|(?<!\w)(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|yesterday|"
                   r"today|overnight|last\s|this\s|over\s+the\s+past|вчера|сегодня|накануне|вчора|сьогодні|"
                   r"напередодні|за\s+сутки|за\s+добу|минулого|прошлом|понедел|вторник|сред|четверг|пятниц|суббот|"
                   r"воскрес|понеділ|вівтор|серед|четвер|п.ятниц|субот|неділ)", re.I)


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


@dataclass(frozen=True, slots=True)
class Date:
    """A date found in text: the day (or the month's first day), its precision, where, and which pattern."""

    date: dt.date
    precision: str  # day | month
    span: tuple[int, int]
    kind: str

    @property
    def text(self) -> str:
        return self.date.isoformat() if self.precision == "day" else self.date.strftime("%Y-%m")


def find_dates(sentence: str, published: dt.date | None, offset: int = 0) -> list[Date]:
    """Dates mentioned in a sentence, resolved against the publication date, in text order.

    Examples
    --------
    >>> [d.text for d in find_dates("Between Jan. 5 and 6, and on Sunday", dt.date(2025, 1, 7))]
    ['2025-01-06', '2025-01-05']
    >>> [d.text for d in find_dates("в субботу, 26 апреля", dt.date(2025, 4, 29))]
    ['2025-04-26', '2025-04-26']

    Returns
    -------
    list of Date
    """
    out: list[Date] = []
    taken: list[tuple[int, int]] = []
    if not _HINT.search(sentence):
        return out
    for kind, rx in _DATE_PATTERNS:
        for m in rx.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            d = _resolve_date(kind, m, published)
            if d is None:
                continue
            taken.append((m.start(), m.end()))
            out.append(Date(d[0], d[1], (offset + m.start(), offset + m.end()), kind))
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
            year = int(g["year"]) + (2000 if len(g["year"]) == 2 else 0)
            return dt.date(year, int(g["m"]), int(g["day"])), "day"
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
            target = _WEEKDAYS[g["wd"].lower()] if g.get("wd") else _SLAVIC_WEEKDAYS[g["swd"].lower()]
            back = (published.weekday() - target) % 7
            if m.group(0).lower().startswith("last") and back == 0:
                back = 7
            return published - dt.timedelta(days=back), "day"
        if kind == "rel":
            rel = g["rel"].lower()
            if rel in ("yesterday", "вчера", "вчора", "накануне", "напередодні"):
                return published - dt.timedelta(days=1), "day"
            if rel in ("today", "over the past day", "overnight", "сегодня", "за сутки", "сьогодні", "за добу"):
                return published, "day"
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



def parse_published(published: Any) -> dt.date | None:
    """The ``published`` argument as a date (None for None or '').

    Raises
    ------
    InvalidArgument
        When it is not a date.

    Returns
    -------
    datetime.date or None
    """
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
