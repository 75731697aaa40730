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
import os
import re
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from geoclaims._version import __version__
from geoclaims._io import atomic_write
from geoclaims.web.assets import link, write_assets
from geoclaims.claims.claim import SIDES
from geoclaims.web.dayview import (
    ACTION_WORDS,
    DayView,
    agreement_by_day,
    agreement_text,
    area_check_rows,
    area_error_text,
    check_observed,
    claim_dates,
    day_view,
)
from geoclaims.errors import InvalidArgument
from geoclaims.web.index_page import Slider, SliderScript, TimeAxis, area_chart_svg, time_axis
from geoclaims.web.maps import HtmlControl, add_basemap, check_colors, draw_view, fit, new_map, place_keys
from geoclaims.web.styles import CERTAINTIES, certainty_swatch, legend_html

if TYPE_CHECKING:  # pragma: no cover
    import folium

    from geoclaims.timeline.core import Timeline

__all__ = ["render_daily", "RenderResult", "DAY_CHOICES"]

#: ``days=`` keywords: the dates with claims, or every day from the first to the last.
DAY_CHOICES = ("claims", "all")
_PAGE = re.compile(r"^\d{4}-\d{2}-\d{2}\.(?:html|png)$")


@dataclass(frozen=True)
class RenderResult:
    """What :func:`render_daily` wrote."""

    out_dir: Path
    index: Path
    pages: tuple[Path, ...]
    days: tuple[dt.date, ...]
    #: Day pages (and PNGs) of an earlier render that are not part of this one, deleted.
    removed: tuple[Path, ...]
    seconds: float
    #: The PNG per day (``png=True``), else empty.
    pngs: tuple[Path, ...] = ()

    @property
    def bytes(self) -> int:
        """Total size of the index and the day pages (PNGs not included)."""
        return sum(p.stat().st_size for p in (self.index, *self.pages))

    def __str__(self) -> str:
        return (f"{len(self.pages)} day pages ({self.days[0]} .. {self.days[-1]}) and {self.index} "
                f"in {self.seconds:.1f} s, {self.bytes / 1e6:.1f} MB")


@functools.lru_cache(maxsize=None)
def _env():
    import jinja2

    return jinja2.Environment(loader=jinja2.PackageLoader("geoclaims.web", "templates"), autoescape=True,
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
    from geoclaims.timeline.dates import as_date

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
        out = sorted({as_date(d, "days") for d in days})
    lo = as_date(start, "start") if start is not None else None
    hi = as_date(end, "end") if end is not None else None
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


def _delta(x: float | None, side: str) -> tuple[str, str]:
    """A change of area as text and CSS class: coloured by the side it concerns, its sign as an arrow."""
    if x is None:
        return "", ""
    if abs(x) < 0.05:
        return "0.0", ""
    return (f"▲ +{x:,.1f}" if x > 0 else f"▼ {x:,.1f}".replace("-", "−")), f"gc-side-{side}"


def _totals(view: DayView) -> dict[str, dict[str, float]]:
    out = {s: {"held": 0.0, "advanced": 0.0, "contested": 0.0} for s in SIDES}
    for r in view.areas:
        out[r["side"]][r["status"]] += float(r["area_km2"])
    for s in SIDES:
        out[s]["total"] = out[s]["held"] + out[s]["advanced"]
    return out


def _claim_rows(view: DayView, colors: Mapping[str, str]) -> list[dict[str, Any]]:
    from markupsafe import Markup

    swatches = {c: Markup(certainty_swatch("claimed", c, colors)) for c in CERTAINTIES}
    rows = []
    for c in view.claims:
        if c.action == "area":
            what = f"{c.area_basis or 'area'} (area claim)"
        else:
            what = f"{ACTION_WORDS.get(c.action, c.action)} {c.where}"
        rows.append({"id": c.claim_id, "date": c.date_text, "claimant": c.claimant, "claimant_side": c.claimant_side,
                     "status": c.status, "swatch": swatches.get(c.status, ""), "side": c.side, "what": what,
                     "area": f"{c.area_km2:,.6g}" if c.area_km2 is not None else "",
                     "source": Markup(link(c.source_url, "source")) if c.source_url else "",
                     "note": c.note, "mapped": "no (no coordinates)" if c.is_unmapped else "yes"})
    return rows


_CERTAINTY_COLUMNS = (("assessed", "claimed", "assessed"), ("claimed", "claimed", "claimed by a party"),
                      ("unverified", "claimed", "unverified"), ("inferred", "inferred", "inferred by the model"),
                      ("other", "claimed", "no claim (map, baseline)"))


def _certainty_table(view: DayView, colors: Mapping[str, str]) -> tuple[list[dict], list[dict]]:
    """Columns (swatch, label) and rows (side, km² per column) of the day's km² by how sure."""
    from markupsafe import Markup

    km = view.km2_by_certainty()
    cols = [(key, tier, label) for key, tier, label in _CERTAINTY_COLUMNS
            if key in ("assessed", "claimed", "unverified") or any(km[s][key] >= 0.05 for s in SIDES)]
    head = [{"swatch": Markup(certainty_swatch(tier, "assessed" if key in ("inferred", "other") else key, colors)),
             "label": label} for key, tier, label in cols]
    rows = [{"side": s, "values": [_km(km[s][key]) for key, _, _ in cols]} for s in SIDES]
    return head, rows


def _area_check_cells(rows: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for r in rows:
        comparable = r["verdict"] != "not comparable"
        out.append({**r, "claimed": f"{r['claimed_km2']:,.0f}",
                    "range": f"{r['mapped_low_km2']:,.0f}–{r['mapped_high_km2']:,.0f}" if comparable else "",
                    "ratio": f"{r['ratio']:,.2g}×" if comparable and r["ratio"] == r["ratio"] else ""})
    return out


def _fmt(x: Any, pattern: str = "{:,.2f}") -> str:
    try:
        v = float(x)
    except (TypeError, ValueError):
        return ""
    return "" if v != v or v in (float("inf"), float("-inf")) else pattern.format(v)


def _observed_section(view: DayView, totals: Mapping[str, Mapping[str, float]]) -> dict[str, Any] | None:
    obs = view.observed
    if obs is None:
        return None
    age = obs.age_days(view.date)
    rows = [{"side": s, "claims": _km(totals[s]["total"]), "observed": _km(obs.areas[s].get("total", 0.0)),
             "grey": _km(obs.areas[s].get("contested", 0.0))} for s in SIDES]
    agreement = []
    for side in SIDES:
        r = (obs.agreement or {}).get(side)
        if not r:
            continue
        band = (f" ({_fmt(r['km2_min'], '{:,.0f}')}–{_fmt(r['km2_max'], '{:,.0f}')})"
                if abs(float(r["km2_max"]) - float(r["km2_min"])) >= 0.5 else "")
        agreement.append({
            "side": side, "claims": _fmt(r["km2"], "{:,.0f}") + band, "held": _fmt(r["observed_km2"], "{:,.0f}"),
            "grey": _fmt(r["observed_with_grey_km2"], "{:,.0f}"), "area_error": area_error_text(r["area_error"]),
            "iou": _fmt(r["iou"]), "precision": _fmt(r["precision"]), "recall": _fmt(r["recall"]),
            "front": (_fmt(r["front_mean_km"], "{:,.1f}") + " / " + _fmt(r["front_max_km"], "{:,.1f}")
                      if _fmt(r["front_mean_km"]) else ""),
            "settlements": (_fmt(r["settlements_agree"], "{:.0%}") + f" of {int(r['settlements'])}"
                            if _fmt(r["settlements_agree"]) else "")})
    return {"label": obs.label, "snapshot": str(obs.snapshot) if obs.snapshot else "",
            "age": f"{age} day{'s' if age != 1 else ''}" if age else "", "rows": rows,
            "agreement": agreement_text(obs.agreement), "agreement_rows": agreement}


def render_daily(
    timeline: "Timeline",
    out_dir: "str | Path",
    *,
    days: "str | Iterable[Any]" = "claims",
    perspective: Any = "all",
    start: "str | dt.date | None" = None,
    end: "str | dt.date | None" = None,
    observed: "Timeline | None" = None,
    tiles: Any = None,
    assets: str = "inline",
    colors: Mapping[str, str] | None = None,
    title: str = "geoclaims: claimed control",
    png: bool = False,
    progress: bool | None = None,
) -> RenderResult:
    """Write a map page per day and an ``index.html`` with a time slider, a chart and a table of days.

    Parameters
    ----------
    timeline : Timeline
    out_dir : str or Path
        Created if needed. Day pages (and PNGs) of an earlier render that are not in this
        one are removed; other files are left alone.
    days : {'claims', 'all'} or iterable of dates, default 'claims'
        The dates with claims (in this perspective), every day from the first to the last claim, or
        your own list.
    perspective : str, default 'all'
        Which claims count (see :class:`geoclaims.Perspective`).
    start, end : str or date, optional
        Only days in this range (inclusive).
    observed : Timeline, optional
        An observed timeline (:func:`geoclaims.read_snapshots`) to compare with: each page and the
        slider draw the snapshot in force that day as an outline, with its areas beside the claims'.
    tiles : str, optional
        Online tiles by xyzservices name, beside the offline basemap (pages then need network to show
        them; without network the basemap stays).
    assets : {'inline', 'folder', 'cdn'}, default 'inline'
        Leaflet embedded in every page (each page stands alone, ~170 KB more), written once to
        ``assets/`` (pages must stay beside that folder), or linked from the CDN (needs network).
    colors : mapping, optional
        Override ``UA``, ``RU``, ``contested``, ``change``, ``observed``.
    title : str
        Page title (escaped).
    png : bool, default False
        Also write a publication map per day, ``YYYY-MM-DD.png`` (1200 px wide, see
        :func:`geoclaims.web.static.plot`), linked from its page.
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
    from tqdm import tqdm

    from geoclaims.timeline.perspective import Perspective

    t0 = time.perf_counter()
    colors = check_colors(colors)
    observed = check_observed(observed)
    p = Perspective.parse(perspective, timeline.claimants)
    rendered = _days(timeline, days, p, start, end)
    out = Path(out_dir)
    _output_folder(out)
    if assets == "folder":
        write_assets(out)
    slider = Slider(colors)
    # Once per render, before the pages: the area check of every area claim (it builds the footprint and
    # territory twins of the timeline) and the agreement of every day with the observed map.
    checks = () if timeline.is_observed else area_check_rows(timeline, p, rendered[0], rendered[-1])
    agreement = (agreement_by_day(timeline, observed, rendered, p)
                 if observed is not None and not timeline.is_observed else None)
    pages, pngs, day_rows = [], [], []
    prev_totals: dict[str, dict[str, float]] | None = None
    bar = tqdm(total=len(rendered), desc="rendering days", unit="day", file=sys.stderr,
               disable=(not sys.stderr.isatty()) if progress is None else not progress)
    try:
        for i, d in enumerate(rendered):
            view = day_view(timeline, d, since=rendered[i - 1] if i else None, perspective=p, observed=observed,
                            agreement=agreement)
            totals = _totals(view)
            png_path = out / f"{d.isoformat()}.png" if png else None
            if png_path is not None:
                from geoclaims.web.static import plot_view, save

                save(plot_view(timeline, view, colors=colors, title=title), png_path)
                pngs.append(png_path)
            page, row = _day_page(timeline, view, totals, prev_totals, rendered, i, out, colors=colors, tiles=tiles,
                                  assets=assets, title=title, png=png_path.name if png_path else "")
            pages.append(page)
            day_rows.append(row)
            slider.add(view, totals, focus=place_keys(timeline, view.claims))
            prev_totals = totals
            bar.update(1)
    finally:
        bar.close()
    index = _index_page(timeline, slider, day_rows, rendered, p, out, colors=colors, tiles=tiles, assets=assets,
                        title=title, observed=observed, agreement=agreement, checks=checks)
    keep = {pg.name for pg in (*pages, *pngs)}
    removed = []
    for old in sorted(out.iterdir()):
        if _PAGE.match(old.name) and old.name not in keep and old.is_file():
            old.unlink()
            removed.append(old)
    return RenderResult(out_dir=out, index=index, pages=tuple(pages), days=tuple(rendered), removed=tuple(removed),
                        seconds=time.perf_counter() - t0, pngs=tuple(pngs))


def _day_page(timeline: "Timeline", view: DayView, totals: dict[str, dict[str, float]],
              prev_totals: dict[str, dict[str, float]] | None, rendered: list[dt.date], i: int, out: Path, *,
              colors: Mapping[str, str], tiles: Any, assets: str, title: str, png: str) -> tuple[Path, dict[str, Any]]:
    """Write one day's page; return its path and its row of the index's table of days."""
    from markupsafe import Markup

    d = view.date
    head, body, script = _map_parts(draw_view(timeline, view, colors=colors, tiles=tiles, assets=assets))
    deltas = {s: _delta(totals[s]["total"] - prev_totals[s]["total"] if prev_totals else None, s) for s in SIDES}
    areas = [{"side": s, **{k: _km(v) for k, v in totals[s].items()}, "change": deltas[s][0],
              "change_class": deltas[s][1]} for s in SIDES]
    certainty_cols, certainty = _certainty_table(view, colors)
    km = view.km2_by_certainty()
    html = _env().get_template("day.html").render(
        title=title, date=str(d), prev=str(rendered[i - 1]) if i else "",
        next=str(rendered[i + 1]) if i + 1 < len(rendered) else "", perspective=view.label,
        method=timeline.method, map_head=Markup(head), map_body=Markup(body), map_script=Markup(script),
        css=Markup(_asset("page.css")), areas=areas, changes=[rec for rec, _ in view.changes], period=view.period,
        claims=_claim_rows(view, colors), unmapped=view.unmapped, version=__version__,
        certainty_cols=certainty_cols, certainty=certainty,
        inferred=any(rec["tier"] == "inferred" for rec, _ in view.pieces),
        observed=_observed_section(view, totals), area_checks=_area_check_cells(view.area_checks), png=png)
    page = out / f"{d.isoformat()}.html"
    atomic_write(page, html.encode("utf-8"))
    obs = view.observed
    row = {"date": str(d), "ua": _km(totals["UA"]["total"]), "ru": _km(totals["RU"]["total"]),
           "contested": _km(sum(totals[s]["contested"] for s in SIDES)),
           "ua_change": deltas["UA"][0], "ua_class": deltas["UA"][1],
           "ru_change": deltas["RU"][0], "ru_class": deltas["RU"][1], "claims": len(view.claims),
           "unsure": _km(sum(km[s][k] for s in SIDES for k in ("claimed", "unverified", "inferred"))),
           "obs_ua": _km(obs.areas["UA"].get("total", 0.0)) if obs and obs.snapshot else "",
           "obs_ru": _km(obs.areas["RU"].get("total", 0.0)) if obs and obs.snapshot else "",
           "obs_date": str(obs.snapshot) if obs and obs.snapshot else "",
           "agreement": {side: {"iou": _fmt(r.get("iou")), "area_error": area_error_text(r.get("area_error"))}
                         for side, r in ((obs.agreement or {}) if obs else {}).items()}}
    return page, row


def _index_page(timeline: "Timeline", slider: Slider, day_rows: list[dict[str, Any]], rendered: list[dt.date],
                p: Any, out: Path, *, colors: Mapping[str, str], tiles: Any, assets: str, title: str,
                observed: "Timeline | None", agreement: Mapping[dt.date, Mapping[str, Any]] | None,
                checks: tuple[dict[str, Any], ...]) -> Path:
    """Write ``index.html``: the slider over the rendered days, the chart, the area claims, the table of days."""
    import folium
    from markupsafe import Markup

    axis: TimeAxis = time_axis(rendered)
    m = new_map(timeline, tiles=tiles, assets=assets)
    last_claims = [c for c in timeline.claims if p.accepts(c) and c.date == rendered[-1]]
    add_basemap(m, timeline, focus=last_claims)
    from geoclaims.web.maps import add_defs

    add_defs(m, colors)
    slider.shown.markers = False
    HtmlControl(legend_html(colors, slider.shown), position="bottomleft").add_to(m)
    SliderScript(_asset("slider.js")).add_to(m)
    folium.LayerControl(collapsed=True).add_to(m)
    fit(m, slider.extent or [timeline._aoi])
    head, body, script = _map_parts(m)
    chart = area_chart_svg(timeline, perspective=p, start=rendered[0], end=rendered[-1], colors=colors,
                           marks=rendered if len(rendered) <= 1000 else (), area_checks=checks, observed=observed,
                           agreement=agreement)
    if timeline.is_observed:
        counted = f"{len(timeline.dates)} snapshots"
    else:
        counted = f"{sum(1 for c in timeline.claims if p.accepts(c) and rendered[0] <= c.date <= rendered[-1])} claims"
    unmapped = timeline.unmapped_summary(c for c in timeline.claims if p.accepts(c) and c.date <= rendered[-1])
    html = _env().get_template("index.html").render(
        title=title, days=day_rows, first=str(rendered[0]), last=str(rendered[-1]), counted=counted,
        perspective=timeline.perspective_label(p), method=timeline.method, map_head=Markup(head),
        map_body=Markup(body), map_script=Markup(script), css=Markup(_asset("page.css")), chart=Markup(chart),
        slider_data=Markup(slider.payload(axis)), unmapped=unmapped, version=__version__, axis=axis,
        observed=observed.perspective_label() if observed is not None else "",
        area_checks=_area_check_cells(checks), inferred="inferred" in slider.shown.tiers,
        agreement_sides=[s for s in SIDES if any(s in r["agreement"] for r in day_rows)])
    index = out / "index.html"
    atomic_write(index, html.encode("utf-8"))
    return index
