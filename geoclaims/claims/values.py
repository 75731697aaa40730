"""The values of claim fields: blanks, text, and numbers as people write them (``1,300``, ``1 300``)."""

from __future__ import annotations

import math
import re
from typing import Any


def _blank(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    try:
        import pandas as pd

        if v is pd.NA or v is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    return isinstance(v, str) and not v.strip()


def _text(v: Any) -> str:
    return "" if _blank(v) else str(v).strip()


def _number_or_none(v: Any) -> float | None:
    if _blank(v):
        return None
    x, why = _parse_number(v)
    return float("nan") if why else x


_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")

_PLAIN = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _parse_number(v: Any) -> tuple[float, str]:
    """(value, '') or (nan, why not): ``1300``, ``1,300``, ``1 300``, ``1.5``; never ``1,5`` (a decimal comma).

    Examples
    --------
    >>> _parse_number("1,300"), _parse_number("1.5")[0], _parse_number("1,5")[1][:26]
    ((1300.0, ''), 1.5, 'a decimal comma? write 1.5')
    """
    if isinstance(v, bool):
        return math.nan, "true/false is not a number"
    if isinstance(v, (int, float)):
        return float(v), ""
    try:
        import numpy as np

        if isinstance(v, np.number):
            return float(v), ""
    except ImportError:  # pragma: no cover
        pass
    t = str(v).strip().replace("\u00a0", " ").replace("\u202f", " ")
    if len(t) > 40:
        return math.nan, "not a number"
    if " " in t and re.fullmatch(r"[+-]?\d{1,3}(?: \d{3})+(?:\.\d+)?", t):
        t = t.replace(" ", "")
    if _GROUPED.fullmatch(t):
        return float(t.replace(",", "")), ""
    if _PLAIN.fullmatch(t):
        return float(t), ""
    m = re.fullmatch(r"([+-]?\d+),(\d{1,2}|\d{4,})", t)
    if m:
        return math.nan, f"a decimal comma? write {m[1]}.{m[2]} (numbers use a decimal point; commas only group thousands)"
    return math.nan, "not a number"


def _scalar(v: Any) -> bool:
    """A value a field can hold: text, a number, a date, or nothing."""
    import datetime as dt

    if v is None or isinstance(v, (str, int, float, dt.date)):
        return True
    try:
        import numpy as np

        return isinstance(v, (np.generic,))
    except ImportError:  # pragma: no cover
        return False
