"""The index page's parts: the time slider's data and script, its time axis, and the area chart.

The slider runs over calendar days, not over pages: the axis has date ticks and a mark
per rendered day, so days without claims show as gaps (on such a day the map shows the
state as of the last rendered day before it). The chart shares the time axis and
carries a cursor that follows the slider.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Mapping, Sequence

from branca.element import MacroElement
from jinja2 import Template

from geoclaims.web.assets import raw_macro, script_json
from geoclaims.claims.claim import SIDES
from geoclaims.web.dayview import DayView, change_text, piece_text
from geoclaims.web.styles import Shown, band_style, change_style, observed_style, piece_style

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.timeline.core import Timeline

__all__ = ["Slider", "SliderScript", "TimeAxis", "time_axis", "area_chart_svg"]

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class TimeAxis:
    """Positions (percent of the slider's length) of date ticks and of the rendered days."""

    first: dt.date
    last: dt.date
    #: (percent, label) of each date tick.
    ticks: tuple[tuple[float, str], ...]
    #: percent of each rendered day.
    marks: tuple[float, ...]

    @property
    def span(self) -> int:
        """Days from the first to the last rendered day."""
        return (self.last - self.first).days

    def pct(self, d: dt.date) -> float:
        """Where `d` lies on the axis, in percent."""
        return 0.0 if self.span == 0 else round(100.0 * (d - self.first).days / self.span, 3)


def time_axis(days: Sequence[dt.date]) -> TimeAxis:
    """Date ticks for the rendered `days`: daily, weekly (Mondays), monthly or yearly, by the span.

    Examples
    --------
    >>> ax = time_axis([dt.date(2024, 8, 6), dt.date(2024, 8, 12), dt.date(2024, 11, 30)])
    >>> [label for _, label in ax.ticks][:3], ax.marks
    (['Sep 2024', 'Oct', 'Nov'], (0.0, 5.172, 100.0))
    """
    first, last = min(days), max(days)
    span = (last - first).days
    every = [first + dt.timedelta(days=i) for i in range(span + 1)]
    if span <= 16:
        picked = [(d, f"{_MONTHS[d.month - 1]} {d.day}") for d in every]
    elif span <= 100:
        picked = [(d, f"{_MONTHS[d.month - 1]} {d.day}") for d in every if d.weekday() == 0]
    elif span <= 900:
        starts = [d for d in every if d.day == 1]
        step = 1 if span <= 400 else 3
        picked = [(d, _MONTHS[d.month - 1] + (f" {d.year}" if d.month == 1 or k == 0 else ""))
                  for k, d in enumerate(x for x in starts if (x.month - 1) % step == 0)]
    else:
        picked = [(d, str(d.year)) for d in every if d.month == 1 and d.day == 1]
    axis = TimeAxis(first=first, last=last, ticks=(), marks=())
    ticks = tuple((axis.pct(d), label) for d, label in picked)
    return TimeAxis(first=first, last=last, ticks=ticks, marks=tuple(axis.pct(d) for d in sorted(set(days))))


class Slider:
    """Collects the index slider's data: each distinct display geometry once, days referring to them."""

    def __init__(self, colors: Mapping[str, str]) -> None:
        self.colors = colors
        self.geoms: list[Any] = []
        self._ids: dict[bytes, int] = {}
        self.styles: list[dict[str, Any]] = []
        self._style_ids: dict[str, int] = {}
        self.days: list[dict[str, Any]] = []
        self.extent: list[Any] = []
        self.shown = Shown()

    def _geom(self, g: Any) -> int:
        import json

        import shapely

        key = hashlib.blake2b(shapely.to_wkb(g), digest_size=16).digest()
        if key not in self._ids:
            self._ids[key] = len(self.geoms)
            self.geoms.append(json.loads(shapely.to_geojson(g)))
            self.extent.append(shapely.box(*g.bounds))
        return self._ids[key]

    def _style(self, style: Mapping[str, Any]) -> int:
        import json

        key = json.dumps(style, sort_keys=True)
        if key not in self._style_ids:
            self._style_ids[key] = len(self.styles)
            self.styles.append(dict(style))
        return self._style_ids[key]

    def add(self, view: DayView, totals: Mapping[str, Mapping[str, float]], *, focus: Iterable[int] = ()) -> None:
        """Add a rendered day: its band, pieces, changes and observed outlines, summary and focused places."""
        import shapely

        c = self.colors
        f = []
        for rec, least, most in view.band:
            ring = shapely.difference(most, least)
            if not ring.is_empty:
                f.append([self._geom(ring), self._style(band_style(rec["side"], c)), f"{rec['side']} uncertainty band"])
                self.shown.band = True
        for rec, g in view.pieces:
            st = piece_style(rec["side"], rec["status"], rec["tier"], rec["claim_status"], c)
            f.append([self._geom(g), self._style(st), piece_text(rec)])
            self.shown.add_piece(rec["side"], rec["status"], rec["tier"], rec["claim_status"])
        for rec, g in view.changes:
            f.append([self._geom(g), self._style(change_style(rec["side"], rec["change"], c)), change_text(rec)])
            self.shown.changes = True
        obs = view.observed
        if obs is not None:
            for rec, g in obs.state:
                f.append([self._geom(g), self._style(observed_style(rec["side"], rec["status"], c)),
                          f"{obs.label}, map of {obs.snapshot}\n{rec['side']} {rec['status']} (observed): "
                          f"{rec['area_km2']:,.1f} km²"])
                self.shown.observed = obs.label
        summary = " · ".join(f"{s} {totals[s]['total']:,.0f} km²" for s in SIDES)
        contested = sum(totals[s]["contested"] for s in SIDES)
        if contested >= 0.05:
            summary += f" · contested {contested:,.0f} km²"
        n = len(view.claims)
        day: dict[str, Any] = {"d": str(view.date), "f": f, "a": summary + f" · {n} claim{'' if n == 1 else 's'}",
                               "k": list(focus)}
        if obs is not None:
            day["o"] = (f"outline: map of {obs.snapshot}" if obs.snapshot else "no observed map yet")
        self.days.append(day)

    def payload(self, axis: TimeAxis) -> str:
        """The slider's data as script-safe JSON."""
        return script_json({"geoms": self.geoms, "styles": self.styles, "days": self.days,
                            "start": str(axis.first), "span": axis.span})


@raw_macro
class SliderScript(MacroElement):
    """Runs slider.js on the map; the data sits in the page as ``<script type="application/json">``."""

    _template = Template("{% macro script(this, kwargs) %}\n{{ this.code }}({{ this._parent.get_name() }}, "
                         "JSON.parse(document.getElementById('gc-slider-data').textContent));\n{% endmacro %}")

    def __init__(self, code: str) -> None:
        super().__init__()
        self._name = "GeoclaimsSlider"
        self.code = code


def _plot_observed(ax: Any, observed: "Timeline", start: dt.date, end: dt.date, colors: Mapping[str, str]) -> None:
    """The observed km² per side as dashed steps, from the snapshot in force on `start` to `end`."""
    series = observed.area_series(freq="claims")
    dates = [ts.date() if hasattr(ts, "date") else ts for ts in series.index]
    keep = [i for i, d in enumerate(dates) if start <= d <= end]
    before = [i for i, d in enumerate(dates) if d < start]
    if before:  # the snapshot in force on the first day
        keep = [before[-1], *keep]
    if not keep:
        return
    x = [max(dates[i], start) for i in keep] + [end]
    for side in SIDES:
        y = [float(series.iloc[i][f"{side}_held"] + series.iloc[i][f"{side}_advanced"]) for i in keep]
        ax.plot(x, y + y[-1:], color=colors[side], lw=1.3, ls=(0, (5, 2, 1, 2)), drawstyle="steps-post",
                label=f"{side} observed ({observed.perspective_label()})".replace("$", r"\$"))


def _plot_area_checks(ax: Any, checks: list[Mapping[str, Any]], colors: Mapping[str, str]) -> None:
    """Area claims: a diamond at the claimed km² (hollow when outside the mapped range) over a bar of the range."""
    from matplotlib.lines import Line2D

    drawn = {"within": False, "outside": False}
    for rec in checks:
        if rec["verdict"] == "not comparable":
            continue
        color = colors.get(rec["side"], "#333333")
        ax.vlines(rec["date"], rec["mapped_low_km2"], rec["mapped_high_km2"], color=color, lw=5, alpha=0.22)
        inside = rec["verdict"] == "within"
        drawn["within" if inside else "outside"] = True
        ax.plot([rec["date"]], [rec["claimed_km2"]], ls="none", marker="D", ms=6, mec=color, mew=1.4,
                mfc=color if inside else "white")
    for key, text in (("within", "area claim within the mapped range (bar)"),
                      ("outside", "area claim outside the mapped range (bar)")):
        if drawn[key]:
            ax.add_line(Line2D([], [], ls="none", marker="D", ms=6, mec="#555555", mew=1.4,
                               mfc="#555555" if key == "within" else "white", label=text))


def _plot_agreement(ax: Any, agreement: Mapping[dt.date, Mapping[str, Mapping[str, Any]]],
                    colors: Mapping[str, str]) -> None:
    """Per side: IoU with the observed map (solid, higher is better) and |area error| (dashed, lower is better)."""
    import math

    days = sorted(agreement)
    for side in SIDES:
        pts = [(d, agreement[d][side]) for d in days if side in agreement[d]]
        iou = [(d, float(r["iou"])) for d, r in pts if r.get("iou") is not None and not math.isnan(float(r["iou"]))]
        err = [(d, min(abs(float(r["area_error"])), 1.0)) for d, r in pts
               if r.get("area_error") is not None and not math.isnan(float(r["area_error"]))]
        if iou:
            ax.plot(*zip(*iou), color=colors[side], lw=1.6, marker="o", ms=3, label=f"{side} IoU")
        if err and iou:
            ax.plot(*zip(*err), color=colors[side], lw=1.2, ls=(0, (3, 2)), marker="x", ms=3,
                    label=f"{side} |area error| (1 = 100 % or more)")
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("agreement")
    ax.grid(axis="y", color="#dddddd", lw=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.3), ncol=4, frameon=False, fontsize=8)


def area_chart_svg(timeline: "Timeline", *, perspective: Any = "all", start: dt.date, end: dt.date,
                   colors: Mapping[str, str], marks: Iterable[dt.date] = (), area_checks: Iterable[Mapping] = (),
                   observed: "Timeline | None" = None,
                   agreement: Mapping[dt.date, Mapping[str, Mapping[str, Any]]] | None = None) -> str:
    """km² per side over time as an inline SVG (matplotlib, text kept as text), with a cursor for the slider.

    The x axis is time (date ticks); a tick along the bottom marks each rendered day; area
    claims are points at the claimed figure with a bar over the mapped range (hollow when the
    claim is outside it); an observed timeline adds dashed lines.

    Returns
    -------
    str
        An ``<svg>`` element (``id="gc-chart-svg"``) whose ``data-x0``/``data-x1`` give the x of the
        first and the last day, and which holds a hidden ``<line id="gc-cursor">``.
    """
    import io

    import matplotlib
    import matplotlib.dates as mdates
    from matplotlib.figure import Figure

    series = timeline.area_series(freq="D", perspective=perspective, start=start, end=end)
    with_agreement = bool(agreement)
    fig = Figure(figsize=(11, 6.2 if with_agreement else 4.2), dpi=72, layout="constrained")
    if with_agreement:
        ax, ax2 = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1.3]})
    else:
        ax, ax2 = fig.add_subplot(), None
    x = list(series.index)
    for side in SIDES:
        ax.plot(x, series[f"{side}_total"], color=colors[side], lw=2, label=f"{side} held + advanced",
                drawstyle="steps-post")
    contested = sum(series[f"{s}_contested"] for s in SIDES)
    if float(contested.max()) > 0:
        ax.fill_between(x, contested, step="post", color=colors["contested"], alpha=0.35, lw=0, label="contested")
    if observed is not None:
        _plot_observed(ax, observed, start, end, colors)
    _plot_area_checks(ax, list(area_checks), colors)
    ax.set_xlim(mdates.date2num(start) - 0.5, mdates.date2num(end) + 0.5)
    ymax = ax.get_ylim()[1]
    ax.set_ylim(0, ymax)
    for d in marks:
        ax.plot([d, d], [0, ymax * 0.035], color="#555555", lw=0.8, solid_capstyle="butt")
    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylabel("km²")
    ax.grid(axis="y", color="#dddddd", lw=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), ncol=3, frameon=False, fontsize=9)
    if ax2 is not None:
        _plot_agreement(ax2, agreement, colors)  # type: ignore[arg-type]
        ax.tick_params(labelbottom=True)
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "geoclaims"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    text = text[text.index("<svg"):]
    # The x of the first and last day and the plot's top and bottom, in the SVG's units (points: dpi 72).
    height = fig.get_figheight() * 72
    to_px = ax.transData.transform
    x0 = to_px((mdates.date2num(start), 0))[0]
    x1 = to_px((mdates.date2num(end), 0))[0]
    y_top, y_bottom = height - ax.bbox.y1, height - (ax2 if ax2 is not None else ax).bbox.y0
    cursor = (f'<line id="gc-cursor" x1="{x1:.1f}" x2="{x1:.1f}" y1="{y_top:.1f}" y2="{y_bottom:.1f}" '
              f'stroke="#111111" stroke-width="1.2" stroke-dasharray="3 2" visibility="hidden"/>')
    head_end = text.index(">")
    text = (text[:head_end] + f' id="gc-chart-svg" data-x0="{x0:.2f}" data-x1="{x1:.2f}"' + text[head_end:])
    return text[:text.rindex("</svg>")] + cursor + "</svg>"
