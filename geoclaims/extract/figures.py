"""Figures in claims: areas ("1,300 square kilometers", "2 тис. кв. км", "4,09 кв. км"), shares of a town
("60% of Vovchansk", "50 процентов Волчанска", "half of X") and depths from the border ("advanced 35 km
into the Kursk region", "просунулися на 35 кілометрів").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Area", "find_areas", "find_shares", "find_depth", "AREA_UNIT", "area_basis"]

_NUM = r"(?P<num>\d{1,3}(?:[ ,\u202f\u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
_AREA = re.compile(
    r"(?P<hedge>up\s+to|around|about|approximately|roughly|nearly|almost|over|more\s+than|some|at\s+least|около|почти|"
    r"более|свыше|порядка|примерно|понад|близько|майже|приблизно|понад)?\s*"
    r"(?:(?P<pct>\d+(?:[.,]\d+)?)\s*(?:percent|per\s+cent|%)\s*\(\s*)?" + _NUM +
    r"\s*(?P<mult>тыс\.?|тис\.?|thousand)?\s*(?:square\s+kilomet(?:er|re)s?|sq\.?\s*km|km²|km2|кв\.?\s*км\.?|"
    r"квадратн\w+\s+километр\w*|квадратн\w+\s+кілометр\w*)", re.I)
AREA_UNIT = re.compile(r"square\s+kilomet|sq\.?\s*km|km²|km2|кв\.?\s*км|квадратн", re.I)
_HELD = re.compile(r"(?<!\w)(?:control\w*|holds?|held|occup\w*|контрол\w*|удержива\w+|утриму\w+|під\s+контролем|"
                   r"под\s+контролем|combat\s+zone)(?!\w)", re.I)
_GAINED = re.compile(r"(?<!\w)(?:captur\w*|seiz\w*|took|taken|taking|gain\w*|retook|retaken|recaptur\w*|regain\w*|"
                     r"liberat\w*|took\s+back|advanc\w*|освобод\w*|вернул\w*|овладел\w*|взял\w*|взят\w*|захват\w*|"
                     r"заня\w*|звільни\w*|звільнен\w*|поверну\w*|відвоюва\w*|відби\w+|захопи\w*|збільшил\w*|"
                     r"increased|взято|перешл\w+|перейшл\w+)(?!\w)", re.I)


@dataclass(frozen=True, slots=True)
class Area:
    """An area figure in a sentence."""

    km2: float
    start: int
    end: int
    text: str
    hedge: str
    percent: str


def _number(raw: str, mult: str | None) -> float:
    s = raw.replace("\u00a0", " ").replace("\u202f", " ")
    if re.search(r"\d[ ,]\d{3}(?!\d)", s) and not re.fullmatch(r"\d+,\d{1,2}", s):
        s = re.sub(r"[ ,](?=\d{3}(?:\D|$))", "", s)
    value = float(s.replace(",", ".").replace(" ", ""))
    return value * 1000 if mult else value


def find_areas(sentence: str) -> list[Area]:
    """Area figures in km².

    Examples
    --------
    >>> [a.km2 for a in find_areas("близько 2 тис. кв. км, ще 4,09 кв. км і 1,263 sq km")]
    [2000.0, 4.09, 1263.0]

    Returns
    -------
    list of Area
    """
    out = []
    for m in _AREA.finditer(sentence):
        try:
            km2 = _number(m.group("num"), m.group("mult"))
        except ValueError:
            continue
        out.append(Area(km2, m.start("num"), m.end(), m.group(0).strip(), (m.group("hedge") or "").strip(),
                        m.group("pct") or ""))
    return out


def area_basis(sentence: str) -> str:
    """'gained' when the sentence says the side took the area, 'held' when it says it holds it."""
    g, h = _GAINED.search(sentence), _HELD.search(sentence)
    if g and (not h or g.start() < h.start() or re.search(r"(?:взят\w*|taken|took|taking|поверну\w*)\s+(?:\w+\s+)?"
                                                          r"(?:під\s+|под\s+)?контрол", sentence, re.I)):
        return "gained"
    return "held" if h else "gained" if g else "held"


_PCT = re.compile(r"(?P<a>\d{1,3}(?:[.,]\d+)?)(?:\s*(?:%|percent|per\s+cent|процент\w*|відсотк\w*))?"
                  r"(?:\s*(?:-|–|to|до)\s*(?P<b>\d{1,3}(?:[.,]\d+)?))?\s*(?:%|percent|per\s+cent|процент\w*|відсотк\w*)|"
                  r"(?<!\w)(?P<half>half|половин\w+)(?!\w)", re.I)
_CONTROL = re.compile(r"(?<!\w)(?:control\w*|held|holds?|occup\w*|captur\w*|liberat\w*|контрол\w*|освобож\w*|"
                      r"освобод\w*|звільн\w*|окуп\w*|захоп\w*)(?!\w)", re.I)


def find_shares(sentence: str) -> list[tuple[int, int, float]]:
    """(start, end, percent) of each share of a place the sentence gives, when it speaks of control.

    Examples
    --------
    >>> find_shares("Kyiv controlled roughly 40-50% of the town")
    [(24, 30, 45.0)]

    Returns
    -------
    list of tuple
    """
    if not _CONTROL.search(sentence):
        return []
    out = []
    for m in _PCT.finditer(sentence):
        if m.group("half"):
            out.append((m.start(), m.end(), 50.0))
            continue
        a = float(m.group("a").replace(",", "."))
        b = float(m.group("b").replace(",", ".")) if m.group("b") else None
        if AREA_UNIT.match(sentence[m.end():m.end() + 25].lstrip(" (")) or re.match(r"\s*\(\s*\d", sentence[m.end():]):
            continue  # "63.2 percent (801 square kilometers)": an area figure
        value = (a + b) / 2 if b is not None else a
        if 0 < value <= 100:
            out.append((m.start(), m.end(), value))
    return out


_DEPTH = re.compile(
    r"(?:(?:up\s+to|about|some|around|до|на|понад|более|свыше|от)\s+)?(?:(?P<lo>\d+)\s*(?:-|–|to|до)\s*)?"
    r"(?P<km>\d+(?:[.,]\d+)?)\s*(?:km|kilomet(?:er|re)s?|км|кілометр\w*|километр\w*)\s*"
    r"(?:(?:deep\s+)?into|inside|deep|in\s+depth|в\s+глубину|вглубь|углиб|в\s+глибину|на\s+територі\w+|вглиб)?", re.I)
_NOT_DEPTH = re.compile(r"per\s+day|a\s+day|daily|за\s+сутки|в\s+сутки|за\s+добу|на\s+добу|на\s+окремих\s+ділянках|"
                        r"на\s+отдельных\s+участках|from\s+the\s+(?:front|line)|west\s+of|east\s+of|"
                        r"north\s+of|south\s+of|(?:от|від)\s+(?-i:[А-ЯІЇЄA-Z])|from\s+(?-i:[A-Z])|radius", re.I)
_DEPTH_CUE = re.compile(r"into\s+the\s+\w+\s+(?:region|oblast|territory)|into\s+(?:Russia|Russian|Ukraine)|"
                        r"(?:deep|depth)|в\s+глубин\w+|вглубь|углиб|в\s+глибин\w+|вглиб|від\s+початку|с\s+начала|"
                        r"since\s+the\s+(?:start|beginning)|на\s+територі\w+\s+\w+\s+област|на\s+\d+\s*(?:км|кілометр|километр)",
                        re.I)


def find_depth(sentence: str) -> tuple[float, int, int] | None:
    """(km, start, end) of an advance "N km into" enemy territory from the border, or None."""
    if not _DEPTH_CUE.search(sentence) or _NOT_DEPTH.search(sentence):
        return None
    best = None
    for m in _DEPTH.finditer(sentence):
        try:
            km = float(m.group("km").replace(",", "."))
        except ValueError:
            continue
        if not 1 <= km <= 300 or AREA_UNIT.match(sentence[m.end("km"):].lstrip()[:20]):
            continue
        deep = bool(re.match(r"\s*(?:km|kilomet\w+|км|кілометр\w*|километр\w*)\s*(?:deep|into|в\s+глубин|вглубь|углиб|"
                             r"в\s+глибин|вглиб|inside)", sentence[m.end("km"):], re.I))
        if best is None or deep and not best[3]:
            best = (km, m.start("km"), m.end("km"), deep)
    return best[:3] if best else None
