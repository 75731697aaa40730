"""Interactive maps of a timeline: :func:`explore` builds a folium map of one date.

In the style of :meth:`geopandas.GeoDataFrame.explore`: it returns a
``folium.Map`` (or draws onto the one given as ``m``), keyword arguments go to
``folium.Map``, and it shows in Jupyter as is. The map has

- a layer per side and status (held, advanced, contested), drawn piece by piece so
  that each piece shows how sure the claim behind it is (plain fill: assessed;
  stripes: claimed by a party; dots: unverified) and whether a claim states it or
  the model infers it (no edge, cross-hatch): see :mod:`geoclaims.web.styles`;
- the change since the previous claim date (or since ``since``) as a heavy outline,
  with the claims behind each polygon in its tooltip;
- the observed map in force that day as an outline layer, when ``observed=`` is given;
- a marker per place claimed in that period (repelled attacks too) whose popup
  lists every claim: date, claimant and side, status, what and where, source
  link, note;
- a legend of exactly what is drawn, the date, a layer control and a scale bar;
- the offline basemap (:mod:`geoclaims.web.basemap`) and, when asked, online tiles
  by xyzservices name (``tiles="OpenStreetMap.Mapnik"``).

Pages need no network: Leaflet is embedded (``assets="inline"``, ~170 KB), or
linked from ``assets/`` or the CDN. All claim text is escaped or set as text.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Iterable, Mapping

import folium
from branca.element import MacroElement
from folium.map import Layer
from jinja2 import Template

from geoclaims.web.assets import DEFAULT_COLORS, _raw, esc, link, raw_macro, script_json, use_assets
from geoclaims.claims.claim import SIDES, Claim
from geoclaims.control.engine import STATUSES
from geoclaims.control.polygons import polygonal
from geoclaims.web.dayview import (  # change_rows & co. are re-exported: long importable from here
    ACTION_WORDS,
    DayView,
    agreement_text,
    ObservedDay,
    change_rows,
    change_text,
    change_window,
    claim_anchor,
    claim_dates,
    day_view,
    display_geometry,
    marker_side,
    piece_text,
)
from geoclaims.web.daytext import state_label
from geoclaims.errors import InvalidArgument
from geoclaims.web.styles import (
    CERTAINTY_WORDS,
    Shown,
    band_style,
    change_style,
    legend_html,
    observed_style,
    piece_style,
    svg_defs,
)

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.timeline.core import Timeline

__all__ = ["explore", "draw_view", "draw_day", "day_view", "DayView", "DEFAULT_COLORS", "display_geometry",
           "polygonal", "ACTION_WORDS", "FeatureLayer", "agreement_text", "change_rows", "change_window", "claim_dates"]

# Extra basemap around the timeline's area of interest (degrees), and the closest zoom a map fits to.
_PAD_LON, _PAD_LAT = 1.5, 0.5
FIT_MAX_ZOOM = 12
# Claim markers by the status of the latest claim at the place: surer claims are bolder.
_MARKER_CERTAINTY = {"assessed": (None, 0.9), "claimed": ("4 2", 0.55), "unverified": ("1.5 2.5", 0.25)}


def claim_html(c: Claim) -> str:
    """A claim as escaped HTML for popups: date and id, what, claimant and side, how sure, source, note."""
    if c.action == "area":
        what = f"{c.side} {c.area_basis or 'area'}: {c.area_km2:,.6g} km²" if c.area_km2 is not None else "area"
    else:
        what = f"{c.side} {ACTION_WORDS.get(c.action, c.action)} {c.where}"
    parts = [f"<b>{esc(c.date_text)}</b> · {esc(c.claim_id)}", esc(what),
             f"{esc(c.claimant)} ({esc(c.claimant_side or '?')}) · "
             f"<span class='gc-cert gc-cert-{esc(c.status)}'>{esc(CERTAINTY_WORDS.get(c.status, c.status))}</span>"]
    if c.source_url:
        parts.append("source: " + link(c.source_url))
    if c.note:
        parts.append(f"<i>{esc(c.note)}</i>")
    if c.is_unmapped:
        parts.append("<i>not on the map: no coordinates for this place</i>")
    return "<br>".join(parts)


@raw_macro
class _Bound(MacroElement):
    """Escaped HTML bound to the parent layer as JSON: a popup or a tooltip.

    folium's Popup needs jQuery and its Tooltip pastes raw text into a JavaScript template literal;
    these pass our already escaped HTML as a JSON string instead.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.{{ this.method }}({{ this.content }}, {{ this.options }});
{% endmacro %}""")
    method = ""
    options = "{}"

    def __init__(self, html: str):
        super().__init__()
        self._name = type(self).__name__
        self.content = script_json(html)


class SafePopup(_Bound):
    """A Leaflet popup of escaped HTML."""

    method, options = "bindPopup", "{maxWidth: 360}"


class SafeTooltip(_Bound):
    """A Leaflet tooltip of escaped HTML."""

    method, options = "bindTooltip", "{sticky: true}"


@raw_macro
class HtmlControl(MacroElement):
    """A Leaflet control showing our (already escaped) HTML: the legend and the date label."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
.gc-control{background:rgba(255,255,255,.92);padding:6px 9px;border-radius:4px;box-shadow:0 1px 4px rgba(0,0,0,.3);
  font:12px/1.35 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#222;max-width:320px}
.gc-control .gc-date{font-size:15px;font-weight:600}
.gc-control .gc-legend-head{font-weight:600;margin-top:3px}
.gc-control .gc-legend-head:first-child{margin-top:0}
.gc-control .gc-legend-row{white-space:nowrap}
.gc-swatch{display:inline-block;width:22px;height:14px;margin-right:5px;vertical-align:-3px}
.gc-tip{white-space:pre-line;max-width:340px}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
(function (map) {
  var ctl = L.control({position: {{ this.position|tojson }}});
  ctl.onAdd = function () {
var div = L.DomUtil.create("div", "gc-control " + {{ this.css_class|tojson }});
div.innerHTML = {{ this.content }};
L.DomEvent.disableClickPropagation(div);
return div;
  };
  ctl.addTo(map);
})({{ this._parent.get_name() }});
{% endmacro %}""")

    def __init__(self, html: str, *, position: str = "bottomleft", css_class: str = ""):
        super().__init__()
        self._name = "HtmlControl"
        self.content = script_json(html)
        self.position = position
        self.css_class = css_class


@raw_macro
class FeatureLayer(Layer):
    """Styled geometries with a plain-text tooltip each, as one Leaflet layer (listed in the layer control).

    Tooltips are set with ``textContent`` (line breaks kept), so no text ever becomes markup.
    """

    _template = Template("""
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (map) {
  var data = {{ this.payload }};
  var layer = L.geoJSON(null, {
style: function (f) { return data.styles[f.properties.s]; },
onEachFeature: function (f, l) {
  if (!f.properties.t) { return; }
  var tip = document.createElement("div");
  tip.className = "gc-tip";
  tip.textContent = f.properties.t;
  l.bindTooltip(tip, {sticky: true});
}
  });
  layer.addData({type: "FeatureCollection", features: data.features.map(function (r) {
return {type: "Feature", properties: {s: r[1], t: r[2]}, geometry: r[0]};
  })});
  {% if this.show %}layer.addTo(map);{% endif %}
  return layer;
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, features: Iterable[tuple[Any, Mapping[str, Any], str]], *, name: str, show: bool = True):
        """`features`: ``(shapely geometry, Leaflet style, tooltip text)``."""
        import json

        import shapely

        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "GeoclaimsLayer"
        styles: list[dict[str, Any]] = []
        index: dict[str, int] = {}
        rows = []
        for geom, style, tip in features:
            key = json.dumps(style, sort_keys=True)
            if key not in index:
                index[key] = len(styles)
                styles.append(dict(style))
            rows.append([json.loads(shapely.to_geojson(geom)), index[key], tip or ""])
        self.count = len(rows)
        self.payload = script_json({"styles": styles, "features": rows})


def add_defs(m: "folium.Map", colors: Mapping[str, str]) -> None:
    """Put the textures (SVG patterns) the styles refer to into the page, once per map."""
    m.get_root().html.add_child(_raw(svg_defs(colors)), name="gc_defs")


def resolve_tiles(tiles: Any) -> Any:
    """An xyzservices provider for a name like ``'OpenStreetMap.Mapnik'``; other values pass through.

    Raises
    ------
    ValueError
        For a name xyzservices does not know, with close names.
    """
    if not isinstance(tiles, str):
        return tiles
    import xyzservices

    try:
        return xyzservices.providers.query_name(tiles)
    except ValueError:
        import difflib

        names = list(xyzservices.providers.flatten())
        close = difflib.get_close_matches(tiles, names, n=4, cutoff=0.5)
        raise InvalidArgument(f"tiles={tiles!r} is not an xyzservices provider"
                              + (f"; did you mean {', '.join(close)}?" if close else "; see xyzservices.providers")
                              ) from None


def explore(
    timeline: "Timeline",
    date: "str | dt.date | None" = None,
    *,
    m: "folium.Map | None" = None,
    since: "str | dt.date | None" = None,
    perspective: Any = "all",
    observed: "Timeline | None" = None,
    colors: Mapping[str, str] | None = None,
    tiles: Any = None,
    basemap: bool = True,
    assets: str = "inline",
    markers: bool = True,
    changes: bool = True,
    legend: bool = True,
    layer_control: bool = True,
    width: "str | int" = "100%",
    height: "str | int" = "100%",
    zoom_start: int | None = None,
    **map_kwargs: Any,
) -> "folium.Map":
    """An interactive map of control on `date`, how sure each part is, what changed and the claims behind it.

    Parameters
    ----------
    timeline : Timeline
    date : str or date, optional
        The state at the end of this day (default: the last claim date).
    m : folium.Map, optional
        Draw onto this map instead of a new one (its tiles and assets are left as they are).
    since : str or date, optional
        Show the change since the end of this day (default: the change made by the claims of
        the latest claim date up to `date`).
    perspective : str, default 'all'
        Which claims count (see :class:`geoclaims.Perspective`).
    observed : Timeline, optional
        An observed timeline (:func:`geoclaims.read_snapshots`): its snapshot in force on `date` is
        drawn as an outline layer to compare with.
    colors : mapping, optional
        Override ``UA``, ``RU``, ``contested``, ``change`` or ``observed`` (any CSS colour).
    tiles : str or xyzservices.TileProvider, optional
        Online tiles by xyzservices name (``"OpenStreetMap.Mapnik"``, ``"Esri.WorldImagery"``);
        default none: the offline basemap alone.
    basemap : bool, default True
        Add the offline basemap (borders and settlement labels).
    assets : {'inline', 'folder', 'cdn'}
        How a new map loads Leaflet: embedded (works offline, ~170 KB), from
        ``assets/`` beside the page, or from the CDN (needs network).
    markers, changes, legend, layer_control : bool
        Parts of the map to draw.
    width, height : str or int
        Map size (CSS values or pixels), for a new map.
    zoom_start : int, optional
        Initial zoom; by default the map fits the claims' area.
    **map_kwargs
        Passed to ``folium.Map``.

    Returns
    -------
    folium.Map

    Examples
    --------
    >>> from geoclaims import Timeline, read_claims
    >>> tl = Timeline.from_claims(read_claims("examples/kursk/claims.csv"))
    >>> m = explore(tl, "2025-01-06")
    >>> html = m.get_root().render()
    >>> "west of Malaya Loknya" in html, 'src="http' in html, "gc-cert-assessed" in html
    (True, False, True)
    """
    view = day_view(timeline, date, since=since, perspective=perspective, observed=observed)
    return draw_view(timeline, view, m=m, colors=colors, tiles=tiles, basemap=basemap, assets=assets,
                     markers=markers, changes=changes, legend=legend, layer_control=layer_control, width=width,
                     height=height, zoom_start=zoom_start, **map_kwargs)


def draw_view(timeline: "Timeline", view: DayView, *, m: "folium.Map | None" = None,
              colors: Mapping[str, str] | None = None, tiles: Any = None, basemap: bool = True,
              assets: str = "inline", markers: bool = True, changes: bool = True, legend: bool = True,
              layer_control: bool = True, width: "str | int" = "100%", height: "str | int" = "100%",
              zoom_start: int | None = None, **map_kwargs: Any) -> "folium.Map":
    """The map of a computed :class:`DayView` (what :func:`explore` returns; the day pages use it too)."""
    colors = check_colors(colors)
    if m is None:
        m = new_map(timeline, tiles=tiles, assets=assets, width=width, height=height, zoom_start=zoom_start,
                    **map_kwargs)
    if basemap:
        add_basemap(m, timeline, focus=view.claims if markers else ())
    draw_day(m, view, colors=colors, markers=markers, changes=changes, legend=legend)
    if layer_control:
        folium.LayerControl(collapsed=True).add_to(m)
    if zoom_start is None:
        fit(m, view.extent or [timeline._aoi])
    return m


def check_colors(colors: Mapping[str, str] | None) -> dict[str, str]:
    """:data:`DEFAULT_COLORS` updated with `colors`; unknown keys raise ValueError."""
    out = {**DEFAULT_COLORS, **(colors or {})}
    unknown = set(out) - set(DEFAULT_COLORS)
    if unknown:
        raise InvalidArgument(f"colors: unknown key(s) {', '.join(sorted(unknown))}; valid: {', '.join(DEFAULT_COLORS)}")
    return out


def new_map(timeline: "Timeline", *, tiles: Any = None, assets: str = "inline", width: "str | int" = "100%",
            height: "str | int" = "100%", zoom_start: int | None = None, **map_kwargs: Any) -> "folium.Map":
    """A folium map over the timeline's area with only Leaflet loaded (see :func:`~geoclaims.web.assets.use_assets`)."""
    provider = resolve_tiles(tiles) if tiles is not None else None
    w, s, e, n = timeline._aoi
    m = folium.Map(location=[(s + n) / 2, (w + e) / 2], zoom_start=zoom_start or 9, tiles=None,
                   control_scale=True, width=width, height=height, **map_kwargs)
    use_assets(m, assets)
    m.get_root().header.add_child(folium.Element("<style>.leaflet-container{background:#dfe8ef}</style>"),
                                  name="gc_background")
    if provider is not None:
        folium.TileLayer(provider).add_to(m)
    return m


def _claimed_places(timeline: "Timeline") -> dict[str, Any]:
    """The located places the timeline's claims name, by id."""
    return {c.place.id: c.place for c in timeline.claims if c.place is not None and c.place.is_located}


def add_basemap(m: "folium.Map", timeline: "Timeline", *, focus: Iterable[Claim] = ()) -> None:
    """Add the offline basemap over the timeline's area; the places of the `focus` claims are always labelled."""
    from geoclaims.web.basemap import BasemapLayer, basemap_payload

    places = _claimed_places(timeline)
    rank = {pid: i for i, pid in enumerate(sorted(places))}
    keys = {rank[c.place.id] for c in focus if c.place is not None and c.place.id in rank}
    BasemapLayer(basemap_payload(basemap_bounds(timeline), highlight=places.values()), focus=keys).add_to(m)


def basemap_bounds(timeline: "Timeline") -> tuple[float, float, float, float]:
    """The basemap's area: the timeline's area of interest, padded (wide screens show more than it)."""
    w, s, e, n = timeline._aoi
    return (max(w - _PAD_LON, -180.0), max(s - _PAD_LAT, -85.0), min(e + _PAD_LON, 180.0), min(n + _PAD_LAT, 85.0))


def place_keys(timeline: "Timeline", claims: Iterable[Claim]) -> list[int]:
    """The basemap label keys of the places these claims name (for ``map.fire("gc:focus", ...)``)."""
    rank = {pid: i for i, pid in enumerate(sorted(_claimed_places(timeline)))}
    return sorted({rank[c.place.id] for c in claims if c.place is not None and c.place.id in rank})


def fit(m: "folium.Map", geoms: list[Any]) -> None:
    """Fit the map to geometries (or ``(w, s, e, n)`` tuples)."""
    import shapely

    boxes = [shapely.box(*g) if isinstance(g, tuple) else g for g in geoms]
    w, s, e, n = shapely.union_all(boxes).bounds
    from folium.map import FitBounds

    # with no animation: the map is already at its starting zoom, and an animated zoom at load would
    # leave the page moving for a quarter of a second after it has loaded (a view set meanwhile, by
    # the user or a script, would be undone when the animation ends)
    fb = FitBounds([[s, w], [n, e]], padding=(20, 20), max_zoom=FIT_MAX_ZOOM)
    fb.options["animate"] = False
    m.add_child(fb)


def observed_text(rec: Mapping[str, Any], obs: ObservedDay) -> str:
    """The tooltip of an observed outline."""
    return (f"{obs.label}, map of {obs.snapshot}\n{rec['side']} {rec['status']} (observed): "
            f"{rec['area_km2']:,.1f} km²")


def band_features(view: DayView, colors: Mapping[str, str]) -> list[tuple[Any, dict[str, Any], str]]:
    """The uncertainty band as features: per side, the land between the least and the most it may hold."""
    import shapely

    out = []
    for rec, least, most in view.band:
        ring = polygonal(shapely.difference(most, least))
        if ring.is_empty:
            continue
        km = rec.get("area_km2")
        tip = f"{rec['side']}: uncertainty band, land between the least and the most the claims allow"
        out.append((ring, band_style(rec["side"], colors), tip + (f" ({km:,.1f} km²)" if km else "")))
    return out


def draw_day(m: "folium.Map", view: DayView, *, colors: Mapping[str, str], markers: bool = True,
             changes: bool = True, legend: bool = True) -> Shown:
    """Draw a :class:`DayView` onto `m`: band, pieces, observed outlines, change, claim markers, legend, date.

    Returns
    -------
    Shown
        What was drawn (the legend lists exactly that).
    """
    add_defs(m, colors)
    shown = Shown()
    band = band_features(view, colors)
    if band:  # under everything: the pieces show what is claimed, the band how far it may reach
        FeatureLayer(band, name="Uncertainty band").add_to(m)
        shown.band = True
    layers: dict[tuple[str, str], list] = {}
    for rec, g in view.pieces:
        side, status = rec["side"], rec["status"]
        layers.setdefault((side, status), []).append(
            (g, piece_style(side, status, rec["tier"], rec["claim_status"], colors), piece_text(rec)))
        shown.add_piece(side, status, rec["tier"], rec["claim_status"])
    for side in SIDES:
        for status in STATUSES:
            if (side, status) in layers:
                FeatureLayer(layers[(side, status)], name=state_label(side, status)).add_to(m)
    if changes and view.changes:
        FeatureLayer([(g, change_style(rec["side"], rec["change"], colors), change_text(rec))
                      for rec, g in view.changes], name=f"Changes {view.period}").add_to(m)
        shown.changes = True
    obs = view.observed
    if obs is not None and obs.state:
        FeatureLayer([(g, observed_style(rec["side"], rec["status"], colors), observed_text(rec, obs))
                      for rec, g in obs.state], name=f"Observed map of {obs.snapshot}").add_to(m)
        shown.observed = obs.label
    if markers and view.first is not None:
        draw_markers(m, view, colors)
        shown.markers = True
    if legend:
        HtmlControl(legend_html(colors, shown), position="bottomleft").add_to(m)
    HtmlControl(date_box(view), position="topright", css_class="gc-datebox").add_to(m)
    return shown


def date_box(view: DayView) -> str:
    """The escaped HTML of the map's date label: date, view, period, observed map and agreement."""
    label = f'<div class="gc-date">{esc(view.date)}</div>{esc(view.label)}'
    if view.period:
        label += f"<br>changes and claims: {esc(view.period)}"
    obs = view.observed
    if obs is not None:
        if obs.snapshot is None:
            label += f"<br>{esc(obs.label)}: no map yet"
        else:
            age = obs.age_days(view.date)
            label += (f"<br><span class='gc-obs'>outline: {esc(obs.label)}, map of {esc(obs.snapshot)}"
                      + (f" ({age} day{'s' if age != 1 else ''} earlier)" if age else "") + "</span>")
            text = agreement_text(obs.agreement)
            if text:
                label += f"<br><span class='gc-agreement'>agreement: {esc(text)}</span>"
    return label


def draw_markers(m: "folium.Map", view: DayView, colors: Mapping[str, str]) -> None:
    """A circle per place claimed in the period: coloured by who gains, dashed when the latest claim there is
    not assessed, hollow for a repelled attack; its popup lists every claim."""
    group = folium.FeatureGroup(name=f"Claims {view.period}")
    at: dict[str, tuple[float, float, list[Claim]]] = {}
    for c in view.claims:
        anchor = claim_anchor(c)
        if anchor is not None:
            at.setdefault(anchor[2], (anchor[0], anchor[1], []))[2].append(c)
    for lat, lon, cs in at.values():
        last = cs[-1]
        side = marker_side(last)
        repelled = all(c.action == "repelled" for c in cs)
        dash, opacity = _MARKER_CERTAINTY.get(last.status, (None, 0.9))
        mk = folium.CircleMarker([lat, lon], radius=7, color=colors[side], weight=2.5, fill=True,
                                 fill_color="#ffffff" if repelled else colors[side], fill_opacity=0.9 if repelled
                                 else opacity, dash_array=dash, class_name=f"gc-claim gc-cert-{last.status}")
        name = cs[0].place.name if cs[0].place is not None else cs[0].where
        SafePopup(f"<div class='gc-popup'><b>{esc(name)}</b><br>" + "<hr>".join(claim_html(c) for c in cs)
                  + "</div>").add_to(mk)
        statuses = ", ".join(dict.fromkeys(c.status for c in cs))
        SafeTooltip(esc(f"{name}: {len(cs)} claim{'s' if len(cs) != 1 else ''} ({statuses})")).add_to(mk)
        mk.add_to(group)
    group.add_to(m)
