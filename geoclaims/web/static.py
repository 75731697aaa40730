"""Publication maps for articles: :func:`plot` draws one day as a matplotlib figure, 1200 px wide.

The figure has a title, the date and what it shows, the map (in the timeline's local
equal-area projection, so the scale bar is true everywhere on it), a legend of exactly
what is drawn, a scale bar, a source line naming the claimants, and the attribution of
the borders and places. It uses the visual grammar of the interactive maps
(:mod:`geoclaims.web.styles`): plain fill for assessed claims, stripes for a party's
claims, dots for unverified reports, no edge and a cross-hatch for inferred land, a
heavy outline for the change of the period, a dash-dot outline for an observed map.

matplotlib is imported only when a figure is drawn (``import geoclaims`` never
imports it); the figure is a plain :class:`matplotlib.figure.Figure`, with no pyplot
state, so it is safe in scripts, servers and notebooks alike.
"""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping

from geoclaims.claims.claim import SIDES
from geoclaims.control.engine import STATUSES
from geoclaims.web.dayview import DayView, agreement_text, claim_anchor, day_view, marker_side
from geoclaims.web.styles import CERTAINTIES, CERTAINTY_WORDS, Shown, mpl_style

if TYPE_CHECKING:  # pragma: no cover
    from matplotlib.figure import Figure

    from geoclaims.timeline.core import Timeline

__all__ = ["plot", "plot_view", "save", "WIDTH_PX"]

#: Width of the figure in pixels at its own dpi.
WIDTH_PX = 1200
_DPI = 150
_FILLS = {"UA": "#f7f3df", "RU": "#ececec", "BY": "#eef0e8"}
_BACKGROUND = "#dfe8ef"
# Claim markers: paler when the latest claim at the place is less sure (hollow: a repelled attack).
_MARKER_ALPHA = {"assessed": 0.9, "claimed": 0.5, "unverified": 0.15}
ATTRIBUTION = "Borders: Natural Earth (public domain). Places: GeoNames (CC BY 4.0) and the gazetteer's sources."


def plot(timeline: "Timeline", date: "str | dt.date | None" = None, *, since: "str | dt.date | None" = None,
         perspective: Any = "all", observed: "Timeline | None" = None, colors: Mapping[str, str] | None = None,
         title: str | None = None, source: str | None = None) -> "Figure":
    """A publication map of control on `date`: title, date, legend, scale bar, source line, attribution.

    Parameters
    ----------
    timeline : Timeline
    date, since, perspective, observed
        As for :func:`geoclaims.explore`.
    colors : mapping, optional
        Override ``UA``, ``RU``, ``contested``, ``change``, ``observed``.
    title : str, optional
        Default: "Claimed control" (or "Observed control" for an observed timeline).
    source : str, optional
        The source line; default: the claimants behind the map and the number of claims.

    Returns
    -------
    matplotlib.figure.Figure
        1200 px wide at its dpi (150); save with ``fig.savefig("map.png")`` or :func:`save`.

    Examples
    --------
    >>> from geoclaims import Timeline, read_claims
    >>> tl = Timeline.from_claims(read_claims("examples/kursk/claims.csv"))
    >>> fig = plot(tl, "2025-01-07")
    >>> round(fig.get_figwidth() * fig.dpi)
    1200
    """
    from geoclaims.web.maps import check_colors

    view = day_view(timeline, date, since=since, perspective=perspective, observed=observed)
    return plot_view(timeline, view, colors=check_colors(colors), title=title, source=source)


def save(fig: "Figure", path: "str | Path") -> Path:
    """Write `fig` as PNG (or any format matplotlib knows, by extension) atomically.

    Returns
    -------
    Path
    """
    from geoclaims._io import atomic_path
    from geoclaims.errors import OutputError

    path = Path(path)
    with atomic_path(path) as tmp:
        try:
            fig.savefig(tmp, format=path.suffix.lstrip(".").lower() or "png", metadata=_metadata(path))
        except OSError as e:
            raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
    return path


def _metadata(path: Path) -> dict[str, Any] | None:
    return {"Software": "geoclaims"} if path.suffix.lower() in ("", ".png") else None


def plot_view(timeline: "Timeline", view: DayView, *, colors: Mapping[str, str], title: str | None = None,
              source: str | None = None) -> "Figure":
    """The figure of a computed :class:`~geoclaims.web.dayview.DayView` (what :func:`plot` returns)."""
    from matplotlib.figure import Figure

    proj = timeline.projection
    frame = _frame(proj, view, timeline)
    w, s, e, n = frame
    map_w = 7.6
    map_h = min(max(map_w * (n - s) / (e - w), 4.6), 8.0)
    # widen or heighten the frame to the map's aspect
    cx, cy, half_w, half_h = (w + e) / 2, (s + n) / 2, (e - w) / 2, (n - s) / 2
    if half_h / half_w < map_h / map_w:
        half_h = half_w * map_h / map_w
    else:
        half_w = half_h * map_w / map_h
    w, e, s, n = cx - half_w, cx + half_w, cy - half_h, cy + half_h
    shown = _shown(view)
    rows = math.ceil(_legend_count(shown) / 3)
    sub = _subtitle(view)
    head, foot = 0.7 + 0.17 * sub.count("\n") + 0.25, 0.75 + 0.2 * rows
    fig = Figure(figsize=(WIDTH_PX / _DPI, head + map_h + foot), dpi=_DPI)
    H = fig.get_figheight()
    ax = fig.add_axes((0.2 / 8, foot / H, map_w / 8, map_h / H))
    ax.set_xlim(w, e)
    ax.set_ylim(s, n)
    ax.set_aspect("equal")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.set_facecolor(_BACKGROUND)
    for spine in ax.spines.values():
        spine.set_edgecolor("#888888")
        spine.set_linewidth(0.8)
    bounds, highlight = _basemap_args(timeline)
    _draw_basemap(ax, proj, (w, s, e, n), bounds, highlight)
    _draw_layers(ax, proj, view, colors)
    bar = _scale_bar(ax, (w, s, e, n))
    _draw_labels(ax, fig, proj, view, (w, s, e, n), bounds, highlight, keep_clear=[bar])
    _header(fig, timeline, title, sub, H)
    _legend(fig, colors, shown, foot, H)
    _footer(fig, view, timeline, source)
    return fig


def _shown(view: DayView) -> Shown:
    """What the figure will show, for its legend."""
    shown = Shown(band=bool(view.band), changes=bool(view.changes), markers=any(claim_anchor(c) for c in view.claims))
    for rec, _ in view.pieces:
        shown.add_piece(rec["side"], rec["status"], rec["tier"], rec["claim_status"])
    if view.observed is not None and view.observed.state:
        shown.observed = view.observed.label
    return shown


def _legend_count(shown: Shown) -> int:
    states = {(side, st) for side, st in shown.states if st != "contested"} | {("", st) for _, st in shown.states
                                                                               if st == "contested"}
    return (len(states) + len(shown.certainties & set(CERTAINTIES)) + ("inferred" in shown.tiers)
            + shown.band + shown.changes + bool(shown.observed) + shown.markers)


def _frame(proj: Any, view: DayView, timeline: "Timeline") -> tuple[float, float, float, float]:
    """The map's extent in the local projection: the day's changes and claims, padded, at least 24 km wide."""
    import shapely

    geoms = view.extent
    if geoms:
        w, s, e, n = shapely.union_all(proj.to_local(geoms)).bounds
    else:
        w, s, e, n = proj.to_local(shapely.box(*timeline._aoi)).bounds
    pad_x, pad_y = max((e - w) * 0.12, 4_000.0), max((n - s) * 0.12, 4_000.0)
    w, e, s, n = w - pad_x, e + pad_x, s - pad_y, n + pad_y
    if e - w < 24_000:
        c = (w + e) / 2
        w, e = c - 12_000, c + 12_000
    if n - s < 16_000:
        c = (s + n) / 2
        s, n = c - 8_000, c + 8_000
    return w, s, e, n


def _patch(geom: Any, **style: Any) -> Any:
    """A matplotlib PathPatch of a (multi)polygon in map coordinates (holes kept)."""
    import numpy as np
    from matplotlib.patches import PathPatch
    from matplotlib.path import Path as MplPath

    polys = list(getattr(geom, "geoms", [geom]))
    verts, codes = [], []
    for poly in polys:
        if poly.is_empty or poly.geom_type != "Polygon":
            continue
        for ring in (poly.exterior, *poly.interiors):
            xy = np.asarray(ring.coords)
            if len(xy) < 3:
                continue
            verts.append(xy)
            c = np.full(len(xy), MplPath.LINETO, dtype=MplPath.code_type)
            c[0], c[-1] = MplPath.MOVETO, MplPath.CLOSEPOLY
            codes.append(c)
    if not verts:
        return None
    return PathPatch(MplPath(np.concatenate(verts), np.concatenate(codes)), **style)


def _add(ax: Any, geom: Any, **style: Any) -> None:
    import shapely

    if geom is None or geom.is_empty:
        return
    if geom.geom_type in ("LineString", "MultiLineString", "LinearRing"):
        for line in getattr(geom, "geoms", [geom]):
            xy = shapely.get_coordinates(line)
            ax.plot(xy[:, 0], xy[:, 1], **style)
        return
    patch = _patch(geom, **style)
    if patch is not None:
        ax.add_patch(patch)


def _basemap_args(timeline: "Timeline") -> tuple[tuple[float, float, float, float], list[Any]]:
    """The bounds and claimed places of the interactive maps' basemap: one cached build serves both."""
    from geoclaims.web.maps import _claimed_places, basemap_bounds

    places = _claimed_places(timeline)
    return basemap_bounds(timeline), [places[k] for k in sorted(places)]


def _draw_basemap(ax: Any, proj: Any, frame: tuple[float, float, float, float], bounds: tuple[float, ...],
                  highlight: list[Any]) -> None:
    import json

    import shapely

    from geoclaims.web.basemap import basemap_data

    data = basemap_data(bounds, highlight=highlight)
    box = shapely.box(*frame).buffer(2_000)
    for f in data["countries"]["features"]:
        g = shapely.intersection(proj.to_local(shapely.from_geojson(json.dumps(f["geometry"]))), box)
        _add(ax, g, facecolor=_FILLS.get(f["properties"]["country"], "#eeeeee"), edgecolor="#6b6b6b", linewidth=1.0,
             zorder=1)
    for f in data["regions"]["features"]:
        g = shapely.intersection(proj.to_local(shapely.from_geojson(json.dumps(f["geometry"]))), box)
        _add(ax, g, color="#9a9a9a", linewidth=0.6, linestyle=(0, (4, 3)), zorder=2)


def _draw_layers(ax: Any, proj: Any, view: DayView, colors: Mapping[str, str]) -> None:
    import shapely
    from matplotlib.colors import to_rgba

    for rec, least, most in view.band:
        ring = shapely.difference(proj.to_local(most), proj.to_local(least))
        _add(ax, ring, facecolor=to_rgba(colors[rec["side"]], 0.1), edgecolor=to_rgba(colors[rec["side"]], 0.8),
             linewidth=1.0, linestyle=(0, (1, 2.5)), zorder=3)
    order = {st: i for i, st in enumerate(STATUSES)}
    for rec, g in sorted(view.pieces, key=lambda t: (order.get(t[0]["status"], 9), t[0]["tier"] == "claimed")):
        st = mpl_style(rec["side"], rec["status"], rec["tier"], rec["claim_status"], colors)
        _add(ax, proj.to_local(g), zorder=4, **st)
    for rec, g in view.changes:
        _add(ax, proj.to_local(g), facecolor="none", edgecolor=colors["change"], linewidth=1.8, zorder=6)
    obs = view.observed
    if obs is not None:
        for rec, g in obs.state:
            dash = (0, (1, 3)) if rec["status"] == "contested" else (0, (7, 3, 1.5, 3))
            _add(ax, proj.to_local(g), facecolor="none", edgecolor=colors["observed"], linewidth=1.6, linestyle=dash,
                 zorder=7)
    at: dict[str, tuple[float, float, Any]] = {}
    for c in view.claims:  # one marker per place, styled by the latest claim there (as on the pages)
        anchor = claim_anchor(c)
        if anchor is not None:
            at[anchor[2]] = (anchor[1], anchor[0], c)
    for lon, lat, c in at.values():
        x, y = proj.to_local(shapely.Point(lon, lat)).coords[0]
        color = colors[marker_side(c)]
        alpha = 0.0 if c.action == "repelled" else _MARKER_ALPHA.get(c.status, 0.9)
        ax.scatter([x], [y], s=46, facecolors=[to_rgba(color, alpha)], edgecolors=color, linewidths=1.6, zorder=8)


def _equivalent_zoom(frame: tuple[float, float, float, float], lat: float, width_px: float) -> float:
    """The web-map zoom whose scale matches the figure's (for the labels' zoom thresholds)."""
    m_per_px = (frame[2] - frame[0]) / width_px
    return math.log2(156_543.03 * math.cos(math.radians(lat)) / m_per_px)


def _draw_labels(ax: Any, fig: Any, proj: Any, view: DayView, frame: tuple[float, float, float, float],
                 bounds: tuple[float, ...], places: list[Any], keep_clear: list[Any] = ()) -> None:
    """Settlement labels without overlaps: the day's claimed places first (beside their marker), then cities,
    other claimed places and the rest by population, each only from its zoom."""
    import matplotlib.patheffects as pe
    import numpy as np
    import shapely
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from geoclaims.web.basemap import basemap_data

    data = basemap_data(bounds, highlight=places)
    rank = {p.id: i for i, p in enumerate(places)}
    focus = {rank[c.place.id] for c in view.claims if c.place is not None and c.place.id in rank}
    w, s, e, n = frame
    lat = proj.to_wgs84(shapely.Point((w + e) / 2, (s + n) / 2)).y
    zoom = _equivalent_zoom(frame, lat, ax.get_position().width * fig.get_figwidth() * fig.dpi) + 0.5
    labels = data["labels"]
    if not labels:
        return
    xy = shapely.get_coordinates(proj.to_local(shapely.points([[lab[1], lab[0]] for lab in labels])))
    inside = (xy[:, 0] > w) & (xy[:, 0] < e) & (xy[:, 1] > s) & (xy[:, 1] < n)
    focused = np.array([len(lab) > 4 and lab[4] in focus for lab in labels])
    candidates = [i for i in np.flatnonzero(inside & focused)]
    candidates += [i for i in np.flatnonzero(inside & ~focused) if labels[i][3] <= zoom]
    renderer = FigureCanvasAgg(fig).get_renderer()
    frame_px = ax.get_window_extent(renderer)
    halo = [pe.withStroke(linewidth=2.2, foreground="white")]
    beside = [(7, 0, "left", "center"), (-7, 0, "right", "center"), (0, 7, "center", "bottom"), (0, -7, "center", "top")]
    taken: list[Any] = [artist.get_window_extent(renderer) for artist in keep_clear]
    for i in candidates:
        lab, here = labels[i], bool(focused[i])
        city = i < data["cities"]
        spots = beside if here else [(0, 0, "center", "center")]
        for k, (dx, dy, ha, va) in enumerate(spots):
            t = ax.annotate(plain(lab[2]), tuple(xy[i]), xytext=(dx, dy), textcoords="offset points", ha=ha, va=va,
                            fontsize=8.5 if city else 7.5, fontweight="bold" if (len(lab) > 4 or city) else "normal",
                            color="#111111" if here else "#333333", zorder=9, annotation_clip=True, path_effects=halo)
            bb = t.get_window_extent(renderer).expanded(1.05, 1.1)
            inside = (frame_px.x0 <= bb.x0 and bb.x1 <= frame_px.x1 and frame_px.y0 <= bb.y0 and bb.y1 <= frame_px.y1)
            if (inside and not any(bb.overlaps(o) for o in taken)) or (here and k == len(spots) - 1):
                taken.append(bb)
                break
            t.remove()


def _scale_bar(ax: Any, frame: tuple[float, float, float, float]) -> Any:
    """A scale bar at the bottom left: a round length near a fifth of the map's width, in km."""
    from matplotlib.patches import Rectangle

    w, s, e, n = frame
    target = (e - w) / 5
    exp = 10 ** math.floor(math.log10(target))
    length = max(m * exp for m in (1, 2, 5, 10) if m * exp <= target)
    x0, y0 = w + (e - w) * 0.04, s + (n - s) * 0.045
    h = (n - s) * 0.011
    box = Rectangle((x0 - (e - w) * 0.012, y0 - h * 1.6), length + (e - w) * 0.024, h * 5.6,
                    facecolor="white", alpha=0.8, edgecolor="none", zorder=10)
    ax.add_patch(box)
    for k in range(4):
        ax.add_patch(Rectangle((x0 + k * length / 4, y0), length / 4, h, facecolor="#222222" if k % 2 == 0 else "white",
                               edgecolor="#222222", linewidth=0.6, zorder=11))
    km = length / 1000
    ax.text(x0, y0 + h * 1.5, "0", fontsize=7, ha="center", va="bottom", zorder=11)
    ax.text(x0 + length, y0 + h * 1.5, f"{km:g} km", fontsize=7, ha="center", va="bottom", zorder=11)
    return box


def _subtitle(view: DayView) -> str:
    """The date and what the map shows, then the observed map and its agreement, wrapped to the width."""
    import textwrap

    lines = [f"{view.date.day} {view.date:%B %Y} · {view.label}" + (f" · changes and claims: {view.period}"
                                                                    if view.period else "")]
    obs = view.observed
    if obs is not None and obs.snapshot is not None:
        lines.append(f"Outline: {obs.label}, map of {obs.snapshot}")
        agreed = agreement_text(obs.agreement)
        if agreed:
            lines.append(f"Agreement with it: {agreed}")
    return "\n".join(part for line in lines for part in textwrap.wrap(line, 118))


def _header(fig: Any, timeline: "Timeline", title: str | None, sub: str, H: float) -> None:
    if title is None:
        title = "Observed control" if timeline.is_observed else "Claimed control"
    fig.text(0.2 / 8, 1 - 0.18 / H, plain(title), fontsize=15, fontweight="bold", va="top", ha="left")
    fig.text(0.2 / 8, 1 - 0.55 / H, plain(sub), fontsize=9, color="#333333", va="top", ha="left", linespacing=1.4)


def _legend(fig: Any, colors: Mapping[str, str], shown: Shown, foot: float, H: float) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = []
    for side in SIDES:
        for status in ("held", "advanced"):
            if (side, status) in shown.states:
                handles.append(Patch(label=f"{side} {status}", **mpl_style(side, status, "claimed", "assessed", colors)))
    if any(st == "contested" for _, st in shown.states):
        handles.append(Patch(label="contested", **mpl_style("UA", "contested", "claimed", "assessed", colors)))
    neutral = {**colors, "neutral": "#555555"}
    for c in CERTAINTIES:
        if c in shown.certainties:
            handles.append(Patch(label=CERTAINTY_WORDS[c], **mpl_style("neutral", "held", "claimed", c, neutral)))
    if "inferred" in shown.tiers:
        handles.append(Patch(label="inferred by the model (no edge)",
                             **mpl_style("neutral", "held", "inferred", "assessed", neutral)))
    if shown.band:
        handles.append(Patch(label="uncertainty band (least to most held)", facecolor=(0.33, 0.33, 0.33, 0.1),
                             edgecolor="#555555", linewidth=1.0, linestyle=(0, (1, 2.5))))
    if shown.changes:
        handles.append(Patch(label="changed in this period", facecolor="none", edgecolor=colors["change"],
                             linewidth=1.8))
    if shown.observed:
        handles.append(Line2D([], [], color=colors["observed"], lw=1.6, ls=(0, (7, 3, 1.5, 3)),
                              label=plain(f"{shown.observed} (outline)")))
    if shown.markers:
        handles.append(Line2D([], [], ls="none", marker="o", ms=6, mfc="#777777", mec="#333333",
                              label="claimed place (paler: less sure)"))
    if handles:
        fig.legend(handles=handles, loc="upper left", bbox_to_anchor=(0.2 / 8, (foot - 0.08) / H), ncol=3,
                   fontsize=7.5, frameon=False, handlelength=2.2, handleheight=1.1, columnspacing=1.4)


def _footer(fig: Any, view: DayView, timeline: "Timeline", source: str | None) -> None:
    from geoclaims._version import __version__

    if source is None:
        if timeline.is_observed:
            source = f"Source: {view.label}."
        else:
            counted = [c for c in timeline.claims if view.perspective.accepts(c) and c.date <= view.date]
            who = list(dict.fromkeys(c.claimant for c in sorted(counted, key=lambda c: c.date, reverse=True)))
            names = ", ".join(who[:6]) + (f" and {len(who) - 6} more" if len(who) > 6 else "")
            n = len(counted)
            source = (f"Source: {n} claim{'' if n == 1 else 's'} up to this date by {names}. Claimed control, not verified "
                      "ground truth: the texture says how sure each claim is.")
    fig.text(0.2 / 8, 0.32 / fig.get_figheight(), plain(_wrap(source, 128)), fontsize=7, color="#333333", va="bottom",
             ha="left", linespacing=1.3)
    fig.text(0.2 / 8, 0.12 / fig.get_figheight(), f"{ATTRIBUTION} Made with geoclaims {__version__}.", fontsize=6.5,
             color="#666666", va="bottom", ha="left")


def plain(text: Any) -> str:
    """Text that matplotlib shows as typed: a ``$`` would start mathtext, and a bad formula in a claim's
    text would stop the figure.

    Examples
    --------
    >>> print(plain("costs $5 or $6"))
    costs \\$5 or \\$6
    """
    return str(text).replace("$", "\\$")


def _wrap(text: str, width: int) -> str:
    import textwrap

    return "\n".join(textwrap.wrap(text, width)[:3])
