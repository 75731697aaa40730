"""The index page's parts (geoclaims.web.index_page): time axis with date ticks and gaps, chart with a cursor."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from geoclaims.web.assets import DEFAULT_COLORS
from geoclaims.web.dayview import area_check_rows
from geoclaims.web.index_page import area_chart_svg, time_axis

D = dt.date


@pytest.mark.parametrize("first,last,every", [
    (D(2025, 1, 5), D(2025, 1, 12), "day"),       # a week: a tick a day
    (D(2025, 1, 1), D(2025, 3, 10), "monday"),    # ten weeks: Mondays
    (D(2024, 8, 6), D(2025, 4, 26), "month"),     # nine months: first of each month
    (D(2020, 3, 1), D(2025, 2, 1), "year"),       # years
])
def test_date_ticks_follow_the_span(first, last, every):
    ax = time_axis([first, last])
    span = (last - first).days
    ticks = [(first + dt.timedelta(days=round(p * span / 100)), label) for p, label in ax.ticks]
    assert ticks and all(0 <= p <= 100 for p, _ in ax.ticks)
    dates = [d for d, _ in ticks]
    if every == "day":
        assert len(dates) == span + 1
    elif every == "monday":
        assert all(d.weekday() == 0 for d in dates)
    elif every == "month":
        assert all(d.day == 1 for d in dates) and ticks[0][1].endswith("2024") and "Jan 2025" in dict(ticks).values()
    else:
        assert all((d.month, d.day) == (1, 1) for d in dates)


def test_rendered_days_are_marks_at_their_date_so_gaps_show():
    days = [D(2024, 8, 6), D(2024, 8, 7), D(2024, 9, 5), D(2024, 10, 5)]
    ax = time_axis(days)
    assert ax.span == 60 and ax.marks == (0.0, pytest.approx(100 / 60, abs=1e-3), 50.0, 100.0)
    assert time_axis([D(2025, 1, 5)]).marks == (0.0,)


def test_chart_has_a_time_axis_a_cursor_and_the_area_claims(kursk):
    start, end = kursk.start, kursk.end
    checks = area_check_rows(kursk, "all", start, end)
    svg = area_chart_svg(kursk, start=start, end=end, colors=DEFAULT_COLORS, marks=kursk.dates, area_checks=checks)
    assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
    x0, x1 = (float(v) for v in re.search(r'data-x0="([\d.]+)" data-x1="([\d.]+)"', svg).groups())
    width = float(re.search(r'viewBox="0 0 ([\d.]+)', svg).group(1))
    assert 0 < x0 < x1 < width
    assert 'id="gc-cursor"' in svg
    assert ">Sep<" in svg and ">2025<" in svg                             # date ticks, kept as text
    assert "area claim outside the mapped range (bar)" in svg


def test_chart_shows_an_observed_label_with_dollars_as_typed(kursk, kursk_observed, tmp_path):
    import shutil

    from geoclaims import read_snapshots

    odd = tmp_path / "maps $\\undefined$.geojson"
    shutil.copy(kursk_observed.source, odd)
    svg = area_chart_svg(kursk, start=D(2025, 1, 1), end=D(2025, 1, 10), colors=DEFAULT_COLORS,
                         observed=read_snapshots(odd))
    assert "maps $\\undefined$.geojson" in svg
