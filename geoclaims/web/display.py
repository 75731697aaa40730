"""The Timeline display backend of :mod:`geoclaims.web`: ``Timeline.explore`` (folium), ``Timeline.plot``
(matplotlib) and the Jupyter summary with its small SVG map.

``import geoclaims`` registers this module as the ``"web"`` backend of :mod:`geoclaims.timeline.display`
by its path; folium and matplotlib load when a map is drawn.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from geoclaims._html import esc
from geoclaims.claims.claim import SIDES
from geoclaims.control.engine import STATUSES
from geoclaims.web.assets import DEFAULT_COLORS

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

    from geoclaims.timeline.core import Timeline

__all__ = ["explore", "plot", "repr_html", "svg_map"]


def explore(tl: Timeline, date: "str | dt.date | None" = None, *, m: Any = None, **kwargs: Any) -> Any:
    """An interactive folium map of `tl` on `date` (see :func:`geoclaims.web.maps.explore`)."""
    from geoclaims.web.maps import explore

    return explore(tl, date, m=m, **kwargs)


def plot(tl: Timeline, date: "str | dt.date | None" = None, **kwargs: Any) -> Any:
    """A publication map of `tl` on `date` (see :func:`geoclaims.web.static.plot`)."""
    from geoclaims.web.static import plot

    return plot(tl, date, **kwargs)


def repr_html(tl: Timeline) -> str:
    """Jupyter summary: dates, claims, km² per side at the last date, and a small static map."""
    if not tl.dates:
        return "<p><b>Timeline</b>: no claims</p>"
    last = tl.state(tl.end)
    km = {(r.side, r.status): r.area_km2 for r in last.itertuples()}
    rows = "".join(
        f"<tr><td>{esc(s)}</td>" + "".join(f"<td style='text-align:right'>{km[(s, st)]:,.1f}</td>"
                                           for st in STATUSES) + "</tr>" for s in SIDES)
    head = "".join(f"<th>{esc(st)} km²</th>" for st in STATUSES)
    if tl.is_observed:
        summary = (f"<b>Timeline</b> {esc(tl.start)} .. {esc(tl.end)}: {len(tl.dates)} observed snapshots"
                   f"{' in ' + esc(tl.region) if tl.region else ''}, from {esc(tl.source)}")
    else:
        summary = (f"<b>Timeline</b> {esc(tl.start)} .. {esc(tl.end)}: {len(tl.claims)} claims on "
                   f"{len(tl.dates)} days, {len(tl.claimants)} claimants, method {esc(tl.method)}")
    unmapped = f"<br><small>{esc(tl.unmapped_summary())}</small>" if tl.unmapped else ""
    return (f"<div class='geoclaims-timeline'><p>{summary}{unmapped}</p>"
            f"<div style='display:flex;gap:1em;align-items:flex-start;flex-wrap:wrap'>{svg_map(tl, last)}"
            f"<table><tr><th>side</th>{head}</tr>{rows}</table></div>"
            f"<p><small>State at the end of {esc(tl.end)} ({esc(tl.perspective_label())}). "
            f"<code>.explore()</code> for the interactive map.</small></p></div>")


def svg_map(tl: Timeline, state: "geopandas.GeoDataFrame", width: int = 360) -> str:
    """A small static map of a state (SVG, in the local equal-area projection)."""
    import shapely

    geoms = list(tl.projection.to_local(list(state.geometry)))
    drawn = [g for g in geoms if not g.is_empty]
    if drawn:
        b = shapely.union_all(drawn).bounds
        frame = shapely.box(b[0] - 15_000, b[1] - 15_000, b[2] + 15_000, b[3] + 15_000)
    else:
        frame = shapely.box(*shapely.union_all(list(tl._territories.values())).bounds)
    x0, y0, x1, y1 = frame.bounds
    scale = (x1 - x0) / width
    parts = []
    for side, terr in tl._territories.items():
        g = shapely.intersection(terr, frame)
        if not g.is_empty:
            parts.append(g.svg(scale_factor=scale, fill_color="#f3f0e3" if side == "UA" else "#ececec",
                               opacity=1.0))
    for (side, status), g in zip(zip(state["side"], state["status"]), geoms):
        if g.is_empty:
            continue
        color = DEFAULT_COLORS["contested"] if status == "contested" else DEFAULT_COLORS[side]
        parts.append(g.svg(scale_factor=scale * 0.5, fill_color=color, opacity=0.55))
    height = max(1, round(width * (y1 - y0) / (x1 - x0)))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
            f'viewBox="{x0:.0f} {-y1:.0f} {x1 - x0:.0f} {y1 - y0:.0f}" style="background:#dfe8ef">'
            f'<g transform="scale(1,-1)">{"".join(parts)}</g></svg>')
