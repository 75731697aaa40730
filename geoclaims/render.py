"""A map per day: :func:`render_daily` writes one HTML page per day and an index with a time slider.

Output folder::

    index.html          time slider over every rendered day (one day's state at a time),
                        a chart of km² per side, a table of days linking the pages
    2025-01-07.html     a page per day: map, km² per side and change since the previous
                        page, the changes with the claims behind them, that day's claims
    assets/             Leaflet, only with assets="folder"

File names are dates only. Every file is written atomically, and day pages
left over from an earlier render of other days are removed, so re-rendering
into the same folder leaves exactly the new set. Pages need no network.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from branca.element import MacroElement
from jinja2 import Template

from geoclaims.errors import InvalidArgument
from geoclaims import __version__
from geoclaims._io import atomic_write
from geoclaims._web import link, raw_macro, script_json, write_assets
from geoclaims.claims import SIDES
from geoclaims.maps import (
    _STATUS_STYLE,
    ACTION_WORDS,
    DayView,
    HtmlControl,
    add_basemap,
    change_text,
    check_colors,
    claim_dates,
    day_view,
    draw_view,
    fit,
    legend_html,
    new_map,
)

if TYPE_CHECKING:  # pragma: no cover
    import folium

    from geoclaims.timeline import Timeline

__all__ = ["render_daily", "RenderResult", "DAY_CHOICES"]

#: ``days=`` keywords: the dates with claims, or every day from the first to the last.
DAY_CHOICES = ("claims", "all")
_PAGE = re.compile(r"^\d{4}-\d{2}-\d{2}\.html$")


@dataclass(frozen=True)
class RenderResult:
    """What :func:`render_daily` wrote."""

    out_dir: Path
    index: Path
    pages: tuple[Path, ...]
    days: tuple[dt.date, ...]
    #: Day pages of an earlier render that are not part of this one, deleted.
    removed: tuple[Path, ...]
    seconds: float

    @property
    def bytes(self) -> int:
        """Total size of the index and the day pages."""
        return sum(p.stat().st_size for p in (self.index, *self.pages))

    def __str__(self) -> str:
        return (f"{len(self.pages)} day pages ({self.days[0]} .. {self.days[-1]}) and {self.index} "
                f"in {self.seconds:.1f} s, {self.bytes / 1e6:.1f} MB")


@functools.lru_cache(maxsize=None)
def _env():
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("geoclaims", "templates"), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@functools.lru_cache(maxsize=None)
def _asset(name: str) -> str:
    return _env().loader.get_source(_env(), name)[0]  # type: ignore[union-attr]


def _map_parts(m: "folium.Map") -> tuple[str, str, str]:
    """The rendered ``<head>`` content, body and script of a folium map, to place in our own page."""
    fig = m.get_root()
    for child in fig._children.values():
        child.render()
    return fig.header.render(), fig.html.render(), fig.script.render()


def _days(timeline: "Timeline", days: Any, perspective: Any, start: Any, end: Any) -> list[dt.date]:
    from geoclaims.timeline import _as_date

    if isinstance(days, str):
        if days not in DAY_CHOICES:
            raise InvalidArgument(f"days={days!r} is not valid; valid: {', '.join(DAY_CHOICES)}, or a list of dates")
        claimed = claim_dates(timeline, perspective)
        if days == "claims" or not claimed:
            out = claimed
        else:
            n = (claimed[-1] - claimed[0]).days
            out = [claimed[0] + dt.timedelta(days=i) for i in range(n + 1)]
    else:
        out = sorted({_as_date(d, "days") for d in days})
    lo = _as_date(start, "start") if start is not None else None
    hi = _as_date(end, "end") if end is not None else None
    out = [d for d in out if (lo is None or d >= lo) and (hi is None or d <= hi)]
    if not out:
        raise InvalidArgument("nothing to render: no days" + (f" between {lo or 'the start'} and {hi or 'the end'}"
                                                          if lo or hi else " with claims in this perspective"))
    return out


def _output_folder(out: Path) -> None:
    """Create the output folder (or say clearly why not) and remove temporaries a killed render left."""
    from geoclaims._io import clean_stale_temporaries
    from geoclaims.errors import OutputError

    if out.exists() and not out.is_dir():
        raise OutputError(f"cannot render into {out}: it is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise OutputError(f"cannot create the output folder {out}: {e.strerror or e}") from None
    if not os.access(out, os.W_OK):
        raise OutputError(f"cannot render into {out}: no permission to write there")
    clean_stale_temporaries(out)


def _km(x: float) -> str:
    return f"{x:,.1f}"


def _delta(x: float | None) -> tuple[str, str]:
    if x is None:
        return "", ""
    if abs(x) < 0.05:
        return "0.0", ""
    return f"{x:+,.1f}", "gc-up" if x > 0 else "gc-down"


def _totals(view: DayView) -> dict[str, dict[str, float]]:
    out = {s: {"held": 0.0, "advanced": 0.0, "contested": 0.0} for s in SIDES}
    for r in view.areas:
        out[r["side"]][r["status"]] += float(r["area_km2"])
    for s in SIDES:
        out[s]["total"] = out[s]["held"] + out[s]["advanced"]
    return out


def _claim_rows(view: DayView) -> list[dict[str, Any]]:
    from markupsafe import Markup

    rows = []
    for c in view.claims:
        if c.action == "area":
            what = f"{c.area_basis or 'area'} (area claim)"
        else:
            what = f"{ACTION_WORDS.get(c.action, c.action)} {c.where}"
        rows.append({"id": c.claim_id, "date": c.date_text, "claimant": c.claimant, "claimant_side": c.claimant_side,
                     "status": c.status, "side": c.side, "what": what,
                     "area": f"{c.area_km2:,.6g}" if c.area_km2 is not None else "",
                     "source": Markup(link(c.source_url, "source")) if c.source_url else "",
                     "note": c.note, "mapped": "no (no coordinates)" if c.is_unmapped else "yes"})
    return rows


class _Slider:
    """Collects the index slider's data: each distinct display geometry once, days referring to them."""

    def __init__(self, colors: Mapping[str, str]) -> None:
        self.colors = colors
        self.geoms: list[Any] = []
        self._ids: dict[bytes, int] = {}
        self.styles: list[dict[str, Any]] = []
        self._style_ids: dict[tuple, int] = {}
        self.days: list[dict[str, Any]] = []
        self.extent: list[Any] = []

    def _geom(self, g) -> int:
        import json

        import shapely

        key = hashlib.blake2b(shapely.to_wkb(g), digest_size=16).digest()
        if key not in self._ids:
            self._ids[key] = len(self.geoms)
            self.geoms.append(json.loads(shapely.to_geojson(g)))
            self.extent.append(shapely.box(*g.bounds))
        return self._ids[key]

    def _style(self, kind: str, side: str, status: str) -> int:
        key = (kind, side, status)
        if key not in self._style_ids:
            if kind == "state":
                color = self.colors["contested"] if status == "contested" else self.colors[side]
                st = {"color": color, "fillColor": color, **_STATUS_STYLE[status]}
            else:
                fill = self.colors[side] if status == "gained" else self.colors["contested"]
                st = {"color": self.colors["change"], "weight": 2.5, "fillColor": fill, "fillOpacity": 0.55}
            st["className"] = f"gc-poly gc-{kind} gc-{side}-{status}"
            self._style_ids[key] = len(self.styles)
            self.styles.append(st)
        return self._style_ids[key]

    def add(self, view: DayView, totals: dict[str, dict[str, float]]) -> None:
        f = []
        for rec, g in view.state:
            f.append([self._geom(g), self._style("state", rec["side"], rec["status"]),
                      f"{rec['side']} {rec['status']}: {rec['area_km2']:,.1f} km²"])
        for rec, g in view.changes:
            f.append([self._geom(g), self._style("change", rec["side"], rec["change"]), change_text(rec)])
        summary = " · ".join(f"{s} {totals[s]['total']:,.0f} km²" for s in SIDES)
        contested = sum(totals[s]["contested"] for s in SIDES)
        if contested >= 0.05:
            summary += f" · contested {contested:,.0f} km²"
        n = len(view.claims)
        self.days.append({"d": str(view.date), "f": f, "a": summary + f" · {n} claim{'' if n == 1 else 's'}"})

    def payload(self) -> str:
        return script_json({"geoms": self.geoms, "styles": self.styles, "days": self.days})


@raw_macro
class _SliderScript(MacroElement):
    """Runs slider.js on the map; the data sits in the page as ``<script type="application/json">``."""

    _template = Template("{% macro script(this, kwargs) %}\n{{ this.code }}({{ this._parent.get_name() }}, "
                         "JSON.parse(document.getElementById('gc-slider-data').textContent));\n{% endmacro %}")

    def __init__(self) -> None:
        super().__init__()
        self._name = "GeoclaimsSlider"
        self.code = _asset("slider.js")


def area_chart_svg(timeline: "Timeline", *, perspective: Any = "all", start: dt.date, end: dt.date,
                   colors: Mapping[str, str], marks: Iterable[dt.date] = ()) -> str:
    """km² per side over time as an inline SVG (matplotlib, text kept as text).

    Returns
    -------
    str
        An ``<svg>`` element.
    """
    import io

    import matplotlib
    from matplotlib.figure import Figure

    series = timeline.area_series(freq="D", perspective=perspective, start=start, end=end)
    fig = Figure(figsize=(10, 3.4), dpi=96)
    ax = fig.add_subplot()
    x = [d for d in series.index]
    for side in SIDES:
        ax.plot(x, series[f"{side}_total"], color=colors[side], lw=2, label=f"{side} held + advanced",
                drawstyle="steps-post")
    contested = sum(series[f"{s}_contested"] for s in SIDES)
    if float(contested.max()) > 0:
        ax.fill_between(x, contested, step="post", color=colors["contested"], alpha=0.35, lw=0, label="contested")
    for d in marks:
        ax.axvline(d, color="#999999", lw=0.4, alpha=0.35, zorder=0)
    ax.set_ylabel("km²")
    ax.grid(axis="y", color="#dddddd", lw=0.6)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(loc="best", frameon=True, framealpha=0.85, fontsize=9)
    fig.autofmt_xdate()
    fig.tight_layout()
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "geoclaims"}):
        fig.savefig(buf, format="svg", metadata={"Date": None})
    text = buf.getvalue()
    return text[text.index("<svg"):]


def render_daily(
    timeline: "Timeline",
    out_dir: "str | Path",
    *,
    days: "str | Iterable[Any]" = "claims",
    perspective: Any = "all",
    start: "str | dt.date | None" = None,
    end: "str | dt.date | None" = None,
    tiles: Any = None,
    assets: str = "inline",
    colors: Mapping[str, str] | None = None,
    title: str = "geoclaims: claimed control",
    progress: bool | None = None,
) -> RenderResult:
    """Write a map page per day and an ``index.html`` with a time slider, a chart and a table of days.

    Parameters
    ----------
    timeline : Timeline
    out_dir : str or Path
        Created if needed. Day pages of an earlier render that are not in this
        one are removed; other files are left alone.
    days : {'claims', 'all'} or iterable of dates, default 'claims'
        The dates with claims (in this perspective), every day from the first to the last claim, or
        your own list.
    perspective : str, default 'all'
        Which claims count (see :class:`geoclaims.Perspective`).
    start, end : str or date, optional
        Only days in this range (inclusive).
    tiles : str, optional
        Online tiles by xyzservices name, beside the offline basemap (pages then need network to show
        them; without network the basemap stays).
    assets : {'inline', 'folder', 'cdn'}, default 'inline'
        Leaflet embedded in every page (each page stands alone, ~170 KB more), written once to
        ``assets/`` (pages must stay beside that folder), or linked from the CDN (needs network).
    colors : mapping, optional
        Override ``UA``, ``RU``, ``contested``, ``change``.
    title : str
        Page title (escaped).
    progress : bool, optional
        Show a progress bar (default: when stderr is a terminal).

    Returns
    -------
    RenderResult

    Examples
    --------
    >>> import tempfile
    >>> from geoclaims import Timeline, read_claims
    >>> tl = Timeline.from_claims(read_claims("examples/kursk/claims.csv"))
    >>> out = render_daily(tl, tempfile.mkdtemp(), start="2025-01-05", end="2025-01-07", progress=False)
    >>> [p.name for p in out.pages], out.index.name
    (['2025-01-05.html', '2025-01-06.html', '2025-01-07.html'], 'index.html')
    """
    import folium
    from markupsafe import Markup
    from tqdm import tqdm

    from geoclaims.timeline import Perspective

    t0 = time.perf_counter()
    colors = check_colors(colors)
    p = Perspective.parse(perspective, timeline.claimants)
    rendered = _days(timeline, days, p, start, end)
    out = Path(out_dir)
    _output_folder(out)
    if assets == "folder":
        write_assets(out)
    css = Markup(_asset("page.css"))
    env = _env()
    day_tpl, index_tpl = env.get_template("day.html"), env.get_template("index.html")
    slider = _Slider(colors)
    pages, day_rows = [], []
    prev_totals: dict[str, dict[str, float]] | None = None
    bar = tqdm(total=len(rendered), desc="rendering days", unit="day", file=sys.stderr,
               disable=(not sys.stderr.isatty()) if progress is None else not progress)
    try:
        for i, d in enumerate(rendered):
            since = rendered[i - 1] if i else None
            view = day_view(timeline, d, since=since, perspective=p)
            totals = _totals(view)
            head, body, script = _map_parts(draw_view(timeline, view, colors=colors, tiles=tiles, assets=assets))
            deltas = {s: _delta(totals[s]["total"] - prev_totals[s]["total"] if prev_totals else None)
                      for s in SIDES}
            areas = [{"side": s, **{k: _km(v) for k, v in totals[s].items()}, "change": deltas[s][0],
                      "change_class": deltas[s][1]} for s in SIDES]
            changes = [rec for rec, _ in view.changes]
            html = day_tpl.render(
                title=title, date=str(d), prev=str(rendered[i - 1]) if i else "",
                next=str(rendered[i + 1]) if i + 1 < len(rendered) else "",
                perspective=timeline.perspective_label(p),
                method=timeline.method, map_head=Markup(head), map_body=Markup(body), map_script=Markup(script),
                css=css, areas=areas, changes=changes, period=view.period, claims=_claim_rows(view),
                unmapped=view.unmapped, version=__version__)
            page = out / f"{d.isoformat()}.html"
            atomic_write(page, html.encode("utf-8"))
            pages.append(page)
            slider.add(view, totals)
            day_rows.append({"date": str(d), "ua": _km(totals["UA"]["total"]), "ru": _km(totals["RU"]["total"]),
                             "contested": _km(sum(totals[s]["contested"] for s in SIDES)),
                             "ua_change": deltas["UA"][0], "ua_class": deltas["UA"][1],
                             "ru_change": deltas["RU"][0], "ru_class": deltas["RU"][1], "claims": len(view.claims)})
            prev_totals = totals
            bar.update(1)
    finally:
        bar.close()

    m = new_map(timeline, tiles=tiles, assets=assets)
    add_basemap(m, timeline)
    HtmlControl(legend_html(colors, change=True), position="bottomleft").add_to(m)
    _SliderScript().add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    fit(m, slider.extent or [timeline._aoi])
    head, body, script = _map_parts(m)
    chart = area_chart_svg(timeline, perspective=p, start=rendered[0], end=rendered[-1], colors=colors,
                           marks=rendered if len(rendered) <= 400 else ())
    if timeline.is_observed:
        counted = f"{len(timeline.dates)} snapshots"
    else:
        counted = f"{sum(1 for c in timeline.claims if p.accepts(c) and rendered[0] <= c.date <= rendered[-1])} claims"
    unmapped = timeline.unmapped_summary(c for c in timeline.claims if p.accepts(c) and c.date <= rendered[-1])
    html = index_tpl.render(
        title=title, days=day_rows, first=str(rendered[0]), last=str(rendered[-1]), counted=counted,
        perspective=timeline.perspective_label(p), method=timeline.method, map_head=Markup(head),
        map_body=Markup(body), map_script=Markup(script), css=css, chart=Markup(chart),
        slider_data=Markup(slider.payload()), unmapped=unmapped, version=__version__)
    index = out / "index.html"
    atomic_write(index, html.encode("utf-8"))
    keep = {pg.name for pg in pages}
    removed = []
    for old in sorted(out.iterdir()):
        if _PAGE.match(old.name) and old.name not in keep and old.is_file():
            old.unlink()
            removed.append(old)
    return RenderResult(out_dir=out, index=index, pages=tuple(pages), days=tuple(rendered), removed=tuple(removed),
                        seconds=time.perf_counter() - t0)
