"""Dates as the timeline takes them (strings, dates, pandas Timestamps) and the dates of a series."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from geoclaims.errors import InvalidArgument

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.timeline.runs import _Run

__all__ = ["as_date", "steps", "periods"]


def as_date(value: Any, what: str = "date") -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp
        return value.date()
    from geoclaims.claims.claim import parse_date

    try:
        return parse_date(str(value))[0]
    except ValueError as e:
        why = str(e).split("; ", 1)[-1]
        shown = repr(value) if len(str(value)) <= 40 else repr(str(value)[:40]) + "..."
        raise InvalidArgument(f"{what}={shown} is not a date; {why}") from None


def steps(run: _Run, freq: str, start: Any, end: Any, *, close: bool) -> list[dt.date]:
    """The dates of a series: run dates ('claims') or a pandas frequency, within start..end.

    With `close`, a coarser-than-daily series also ends on the last date.
    """
    import pandas as pd

    d1 = as_date(start, "start") if start is not None else run.dates[0]
    d2 = as_date(end, "end") if end is not None else run.dates[-1]
    if d2 < d1:
        raise InvalidArgument(f"end ({d2}) is before start ({d1})")
    if freq == "claims":
        return [d for d in run.dates if d1 <= d <= d2]
    try:
        offset = pd.tseries.frequencies.to_offset(freq)
        if getattr(offset, "n", 1) <= 0:
            raise ValueError("the step must be positive")
        days = [t.date() for t in pd.date_range(d1, d2, freq=offset)]
    except (ValueError, TypeError, ZeroDivisionError) as e:
        raise InvalidArgument(f"freq={freq!r} is not valid: {e}; e.g. 'D', '2D', 'W', 'MS', 'claims'") from None
    if close and freq != "D" and (not days or days[-1] != d2):
        days.append(d2)
    return days


def periods(run: _Run, freq: str, start: Any, end: Any) -> tuple[list[dt.date], list[dt.date], dt.date]:
    """(row labels, last day of each row's period, the day whose state the first row starts from)
    for :meth:`area_changes`.

    'claims': one row per date with claims. A pandas frequency: one row per period as pandas'
    ``resample`` labels it ('MS' by the month's first day, 'ME' and 'W' by the last), covering
    the whole period: from the end of the previous one (the day before `start` for the first)
    to its last day, or to `end` for a last, partial period.
    """
    import pandas as pd

    one_day = dt.timedelta(days=1)
    if freq == "claims":
        days = steps(run, freq, start, end, close=False)
        return days, days, (days[0] - one_day) if days else dt.date.min
    steps(run, freq, start, end, close=False)  # validates freq and the dates
    d1 = as_date(start, "start") if start is not None else run.dates[0]
    d2 = as_date(end, "end") if end is not None else run.dates[-1]
    daily = pd.date_range(d1, d2, freq="D")
    last = pd.Series(daily, index=daily).resample(pd.tseries.frequencies.to_offset(freq)).max().dropna()
    return [t.date() for t in last.index], [t.date() for t in last], d1 - one_day
