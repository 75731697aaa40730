"""Interactive maps of a timeline: :func:`explore` builds a folium map of one date.

In the style of :meth:`geopandas.GeoDataFrame.explore`: it returns a
``folium.Map`` (or draws onto the one given as ``m``), keyword arguments go to
``folium.Map``, and it shows in Jupyter as is. The map has

- a layer per side and status (held, advanced) and one for contested land;
- the change since the previous claim date (or since ``since``), highlighted,
  with the claims behind each polygon in its tooltip;
- a marker per place claimed in that period (repelled attacks too) whose popup
  lists every claim: date, claimant and side, status, what and where, source
  link, note;
- a legend, the date, a layer control and a scale bar;
- the offline basemap (:mod:`geoclaims.basemap`) and, when asked, online tiles
  by xyzservices name (``tiles="OpenStreetMap.Mapnik"``).

Pages need no network: Leaflet is embedded (``assets="inline"``, ~170 KB), or
linked from ``assets/`` or the CDN. All claim text is escaped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping

import folium
from branca.element import MacroElement
from jinja2 import Template

from geoclaims.errors import InvalidArgument
from geoclaims._web import esc, link, raw_macro, script_json, use_assets
from geoclaims._web import DEFAULT_COLORS
from geoclaims.claims import SIDES, Claim, other_side
from geoclaims.control import polygonal

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

    from geoclaims.timeline import Timeline

__all__ = ["explore", "draw_view", "day_view", "DayView", "DEFAULT_COLORS", "display_geometry", "polygonal", "ACTION_WORDS"]

# Styles by status: held solid, advanced lighter and dashed, contested hatched-looking dots.
_STATUS_STYLE: dict[str, dict[str, Any]] = {
    "held": {"fillOpacity": 0.4, "weight": 1},
    "advanced": {"fillOpacity": 0.22, "weight": 1.2, "dashArray": "6 4"},
    "contested": {"fillOpacity": 0.35, "weight": 1.2, "dashArray": "2 3"},
}
#: Past-tense verbs for claim actions in popups and tables.
ACTION_WORDS: dict[str, str] = {"capture": "captured", "advance": "advanced", "withdraw": "withdrew from",
                                "repelled": "attack repelled", "contested": "fighting in", "area": "area"}
# Display geometry: simplified at 1e-4 degrees (<= 11 m, under half a pixel at zoom 12 at these
# latitudes) and rounded to 1e-5 degrees (~1 m).
_SIMPLIFY_DEG = 1e-4
_DIGITS = 5
_MAX_IDS = 12
# Extra basemap around the timeline's area of interest (degrees), and the closest zoom a map fits to.
_PAD_LON, _PAD_LAT = 1.5, 0.5
FIT_MAX_ZOOM = 12


def display_geometry(geom: Any) -> Any:
    """`geom` simplified and rounded for display (invisible at zoom 12), still valid.

    Returns
    -------
    shapely geometry
        Empty when nothing visible is left.

    Examples
    --------
    >>> import shapely
    >>> g = display_geometry(shapely.Point(35.123456789, 51.2).buffer(0.01))
    >>> g.is_valid, len(g.exterior.coords) < 66
    (True, True)
    """
    import shapely

    if geom is None or geom.is_empty:
        return shapely.Polygon()
    # Day after day most polygons are unchanged: simplify each distinct one once.
    key = hashlib.blake2b(shapely.to_wkb(geom), digest_size=16).digest()
    hit = _DISPLAY_CACHE.get(key)
    if hit is not None:
        return hit
    if len(_DISPLAY_CACHE) > 512:
        _DISPLAY_CACHE.clear()
    g = _DISPLAY_CACHE[key] = _display(geom)
    return g


_DISPLAY_CACHE: dict[bytes, Any] = {}


def _display(geom: Any) -> Any:
    import numpy as np
    import shapely

    g = geom if geom.is_valid else polygonal(shapely.make_valid(geom))
    g = shapely.simplify(g, _SIMPLIFY_DEG, preserve_topology=True)
    try:
        g = shapely.set_precision(g, 10.0 ** -_DIGITS)
    except shapely.errors.GEOSException:  # GEOS cannot snap some reprojected rings: round, then repair
        pass
    g = shapely.transform(g, lambda c: np.round(c, _DIGITS))
    if not g.is_valid:
        g = shapely.make_valid(g)
    return polygonal(g)


def feature(geom: Any, properties: Mapping[str, Any]) -> dict[str, Any]:
    """A GeoJSON feature dict of a display geometry."""
    import json

    import shapely

    return {"type": "Feature", "properties": dict(properties), "geometry": json.loads(shapely.to_geojson(geom))}


def _ids_text(ids: str) -> str:
    parts = [x for x in (ids or "").split(", ") if x]
    if len(parts) <= _MAX_IDS:
        return ", ".join(parts)
    return ", ".join(parts[:_MAX_IDS]) + f", … ({len(parts)} claims)"


def state_label(side: str, status: str) -> str:
    """Layer name: ``'UA held'``, ``'RU advanced'``, ``'UA contested'``."""
    return f"{side} {status}"


def claim_dates(timeline: "Timeline", perspective: Any = "all") -> list[dt.date]:
    """Dates with claims counted by `perspective` (snapshot dates for observed timelines), sorted."""
    from geoclaims.timeline import Perspective

    p = Perspective.parse(perspective, timeline.claimants)
    if timeline.is_observed:
        return timeline.dates
    return sorted({c.date for c in timeline.claims if p.accepts(c)})


def change_window(timeline: "Timeline", date: dt.date, since: dt.date | None, perspective: Any) -> dt.date | None:
    """First day of the change shown on `date`: the day after `since`, else the last claim date <= `date`."""
    if since is not None:
        return since + dt.timedelta(days=1) if since < date else None
    earlier = [d for d in claim_dates(timeline, perspective) if d <= date]
    return earlier[-1] if earlier else None


def change_rows(diff: "geopandas.GeoDataFrame") -> list[tuple[dict[str, Any], Any]]:
    """The rows of a diff worth drawing, as display geometry: every gain, and losses nobody gained.

    A side's loss is usually the other side's gain, drawn once as the gain; what
    is left of a loss became contested.
    """
    import shapely

    rows = [(rec, display_geometry(g)) for rec, g in zip(diff.drop(columns="geometry").to_dict("records"),
                                                          diff.geometry)]
    gains = {s: shapely.union_all([g for rec, g in rows if rec["side"] == s and rec["change"] == "gained"],
                                  grid_size=10.0 ** -_DIGITS) for s in SIDES}
    out = []
    for rec, geom in rows:
        if rec["change"] == "lost":
            geom = polygonal(shapely.difference(geom, gains[other_side(rec["side"])], grid_size=10.0 ** -_DIGITS))
            if geom.is_empty or shapely.area(geom) < 1e-6:  # < ~0.01 km2 in degrees2 at 51N: seams
                continue
        if not geom.is_empty:
            out.append((rec, geom))
    return out


def change_text(rec: Mapping[str, Any]) -> str:
    """One escaped-ready line for a change: ``'UA gained 15.4 km²: southern Berdin (K045, ISW, assessed)'``."""
    what = "gained" if rec["change"] == "gained" else "lost (now contested)"
    text = f"{rec['side']} {what} {rec['area_km2']:,.1f} km²"
    if rec.get("where"):
        text += f": {rec['where']}"
    if rec.get("claim_id"):
        text += f" ({rec['claim_id']}, {rec.get('claimant') or '?'}, {rec.get('claim_status') or '?'})"
    ids = _ids_text(rec.get("claim_ids") or "")
    if ids and ids != rec.get("claim_id"):
        text += f"; claims behind it: {ids}"
    return text


def claim_html(c: Claim) -> str:
    """A claim as escaped HTML for popups: date and id, what, claimant and side, status, source, note."""
    if c.action == "area":
        what = f"{c.side} {c.area_basis or 'area'}: {c.area_km2:,.6g} km²" if c.area_km2 is not None else "area"
    else:
        what = f"{c.side} {ACTION_WORDS.get(c.action, c.action)} {c.where}"
    parts = [f"<b>{esc(c.date_text)}</b> · {esc(c.claim_id)}", esc(what),
             f"{esc(c.claimant)} ({esc(c.claimant_side or '?')}) · {esc(c.status)}"]
    if c.source_url:
        parts.append("source: " + link(c.source_url))
    if c.note:
        parts.append(f"<i>{esc(c.note)}</i>")
    if c.is_unmapped:
        parts.append("<i>not on the map: no coordinates for this place</i>")
    return "<br>".join(parts)


def claim_anchor(c: Claim) -> tuple[float, float, str] | None:
    """Where a claim's marker goes: ``(lat, lon, key)`` of its place or drawn shape, or None."""
    if c.place is not None and c.place.is_located:
        return (float(c.place.lat), float(c.place.lon), f"place:{c.place.id}")  # type: ignore[arg-type]
    if c.geometry is not None and not c.geometry.is_empty:
        pt = c.geometry.representative_point()
        return (pt.y, pt.x, f"claim:{c.claim_id}")
    return None


def marker_side(c: Claim) -> str:
    """The side a claim's marker is coloured by: who gains (a repelled attack: the defender)."""
    return other_side(c.side) if c.action in ("repelled", "withdraw") else c.side


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
.gc-swatch{display:inline-block;width:14px;height:10px;margin-right:5px;vertical-align:-1px;border:1px solid}
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


def legend_html(colors: Mapping[str, str], *, change: bool = True) -> str:
    """The legend's HTML (every label is ours; colours are escaped anyway)."""
    rows = []
    for side in SIDES:
        for status in ("held", "advanced"):
            st = _STATUS_STYLE[status]
            rows.append(f'<span class="gc-swatch" style="background:{esc(colors[side])};opacity:'
                        f'{0.35 + st["fillOpacity"]:.2f};border-color:{esc(colors[side])}"></span>'
                        f"{esc(side)} {esc(status)}")
    rows.append(f'<span class="gc-swatch" style="background:{esc(colors["contested"])};border-color:'
                f'{esc(colors["contested"])}"></span>contested')
    if change:
        rows.append(f'<span class="gc-swatch" style="background:transparent;border:2px solid '
                    f'{esc(colors["change"])}"></span>changed in this period')
        rows.append('<span class="gc-swatch" style="border-radius:50%;background:#fff;border-color:#555"></span>'
                    "claim (click for details)")
    return "<br>".join(rows)


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
                         + (f"; did you mean {', '.join(close)}?" if close else "; see xyzservices.providers")) from None


def explore(
    timeline: "Timeline",
    date: "str | dt.date | None" = None,
    *,
    m: "folium.Map | None" = None,
    since: "str | dt.date | None" = None,
    perspective: Any = "all",
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
    """An interactive map of control on `date`, with what changed and the claims behind it.

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
    colors : mapping, optional
        Override ``UA``, ``RU``, ``contested`` or ``change`` (any CSS colour).
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
    >>> "west of Malaya Loknya" in html, 'src="http' in html
    (True, False)
    """
    view = day_view(timeline, date, since=since, perspective=perspective)
    return draw_view(timeline, view, m=m, colors=colors, tiles=tiles, basemap=basemap, assets=assets,
                     markers=markers, changes=changes, legend=legend, layer_control=layer_control, width=width,
                     height=height, zoom_start=zoom_start, **map_kwargs)


def draw_view(timeline: "Timeline", view: "DayView", *, m: "folium.Map | None" = None,
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
        add_basemap(m, timeline)
    draw_day(m, view, colors=colors, markers=markers, changes=changes, legend=legend)
    if layer_control:
        folium.LayerControl(collapsed=True).add_to(m)
    if zoom_start is None:
        fit(m, view.extent or [timeline._aoi])
    return m


@dataclass(frozen=True)
class DayView:
    """What a map of one day shows, computed once and drawn by :func:`explore` and the page renderer.

    Geometries are display geometries (:func:`display_geometry`, EPSG:4326).
    """

    date: dt.date
    perspective: Any
    #: First day of the change shown (None: nothing before `date`).
    first: dt.date | None
    #: (state record, geometry) for every non-empty (side, status).
    state: tuple[tuple[dict[str, Any], Any], ...]
    #: (diff record, geometry) of the change drawn (:func:`change_rows`).
    changes: tuple[tuple[dict[str, Any], Any], ...]
    #: Claims dated first..date that the perspective counts.
    claims: tuple[Claim, ...]
    #: The km² rows of the state (all six, empty ones included).
    areas: tuple[dict[str, Any], ...]
    #: The full diff of the period (None when there is no period).
    diff: Any = None
    unmapped: str = ""
    #: How the view is named: 'all claims', 'observed maps (...)'.
    label: str = ""

    @property
    def period(self) -> str:
        """``'2025-01-07'`` or ``'2025-01-05 to 2025-01-07'`` ('' when nothing precedes)."""
        if self.first is None:
            return ""
        return str(self.date) if self.first == self.date else f"{self.first} to {self.date}"

    @property
    def extent(self) -> list[Any]:
        """Geometries to fit the map to: the period's changes and claims, else the whole state."""
        import shapely

        geoms = [g for _, g in self.changes]
        for c in self.claims:
            anchor = claim_anchor(c)
            if anchor is not None:
                geoms.append(shapely.Point(anchor[1], anchor[0]).buffer(0.03))  # ~3 km around a claimed place
        return geoms or [g for _, g in self.state]


def day_view(timeline: "Timeline", date: "str | dt.date | None" = None, *, since: "str | dt.date | None" = None,
             perspective: Any = "all") -> DayView:
    """Compute what the map of `date` shows (see :func:`explore` for the parameters).

    Returns
    -------
    DayView
    """
    from geoclaims.timeline import Perspective, _as_date

    p = Perspective.parse(perspective, timeline.claimants)
    if date is None:
        dates = claim_dates(timeline, p)
        if not dates:
            raise InvalidArgument("the timeline has no dates in this perspective; pass date=")
        d = dates[-1]
    else:
        d = _as_date(date)
    first = change_window(timeline, d, _as_date(since, "since") if since is not None else None, p)
    state = timeline.state(d, perspective=p)
    areas = tuple(state.drop(columns="geometry").to_dict("records"))
    shown = []
    for rec, geom in zip(areas, state.geometry):
        g = display_geometry(geom)
        if not g.is_empty:
            shown.append((rec, g))
    diff, changes, claims = None, [], ()
    if first is not None:
        diff = timeline.diff(first, d, perspective=p)
        changes = change_rows(diff)
        claims = tuple(c for c in timeline.claims if p.accepts(c) and first <= c.date <= d)
    return DayView(date=d, perspective=p, first=first, state=tuple(shown), changes=tuple(changes), claims=claims,
                   areas=areas, diff=diff, unmapped=timeline.unmapped_summary(claims) if claims else "",
                   label=timeline.perspective_label(p))


def check_colors(colors: Mapping[str, str] | None) -> dict[str, str]:
    """:data:`DEFAULT_COLORS` updated with `colors`; unknown keys raise ValueError."""
    out = {**DEFAULT_COLORS, **(colors or {})}
    unknown = set(out) - set(DEFAULT_COLORS)
    if unknown:
        raise InvalidArgument(f"colors: unknown key(s) {', '.join(sorted(unknown))}; valid: {', '.join(DEFAULT_COLORS)}")
    return out


def new_map(timeline: "Timeline", *, tiles: Any = None, assets: str = "inline", width: "str | int" = "100%",
            height: "str | int" = "100%", zoom_start: int | None = None, **map_kwargs: Any) -> "folium.Map":
    """A folium map over the timeline's area with only Leaflet loaded (see :func:`~geoclaims._web.use_assets`)."""
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


def add_basemap(m: "folium.Map", timeline: "Timeline") -> None:
    """Add the offline basemap over the timeline's area, labelling the claimed places early."""
    from geoclaims.basemap import BasemapLayer, basemap_payload

    places = {c.place.id: c.place.name for c in timeline.claims if c.place is not None and c.place.is_located}
    w, s, e, n = timeline._aoi  # padded: wide screens show more than the area of interest
    bounds = (max(w - _PAD_LON, -180.0), max(s - _PAD_LAT, -85.0), min(e + _PAD_LON, 180.0), min(n + _PAD_LAT, 85.0))
    BasemapLayer(basemap_payload(bounds, highlight=places), claimed_names=places.values()).add_to(m)


def fit(m: "folium.Map", geoms: list[Any]) -> None:
    """Fit the map to geometries (or ``(w, s, e, n)`` tuples)."""
    import shapely

    boxes = [shapely.box(*g) if isinstance(g, tuple) else g for g in geoms]
    w, s, e, n = shapely.union_all(boxes).bounds
    m.fit_bounds([[s, w], [n, e]], padding=(20, 20), max_zoom=FIT_MAX_ZOOM)


def draw_day(m: "folium.Map", view: DayView, *, colors: Mapping[str, str], markers: bool = True,
             changes: bool = True, legend: bool = True) -> None:
    """Draw a :class:`DayView` onto `m`: state layers, change, claim markers, legend and date label."""

    for rec, g in view.state:
        side, status = rec["side"], rec["status"]
        color = colors["contested"] if status == "contested" else colors[side]
        style = {"color": color, "fillColor": color, **_STATUS_STYLE[status]}
        layer = folium.GeoJson(feature(g, {}), name=state_label(side, status), style_function=lambda f, st=style: st)
        SafeTooltip(esc(f"{state_label(side, status)}: {rec['area_km2']:,.1f} km² · claims: "
                        f"{_ids_text(rec['claim_ids'])}")).add_to(layer)
        layer.add_to(m)
    if changes and view.first is not None:
        group = folium.FeatureGroup(name=f"Changes {view.period}")
        for rec, g in view.changes:
            fill = colors[rec["side"]] if rec["change"] == "gained" else colors["contested"]
            style = {"color": colors["change"], "weight": 2.5, "fillColor": fill, "fillOpacity": 0.55}
            layer = folium.GeoJson(feature(g, {}), style_function=lambda f, st=style: st)
            SafeTooltip(esc(change_text(rec))).add_to(layer)
            layer.add_to(group)
        group.add_to(m)
    if markers and view.first is not None:
        group = folium.FeatureGroup(name=f"Claims {view.period}")
        at: dict[str, tuple[float, float, list[Claim]]] = {}
        for c in view.claims:
            anchor = claim_anchor(c)
            if anchor is not None:
                at.setdefault(anchor[2], (anchor[0], anchor[1], []))[2].append(c)
        for lat, lon, cs in at.values():
            side = marker_side(cs[-1])
            repelled = all(c.action == "repelled" for c in cs)
            mk = folium.CircleMarker([lat, lon], radius=7, color=colors[side], weight=2.5, fill=True,
                                     fill_color="#ffffff" if repelled else colors[side], fill_opacity=0.9,
                                     class_name="gc-claim")
            name = cs[0].place.name if cs[0].place is not None else cs[0].where
            SafePopup(f"<div class='gc-popup'><b>{esc(name)}</b><br>" + "<hr>".join(claim_html(c) for c in cs)
                      + "</div>").add_to(mk)
            SafeTooltip(esc(f"{name}: {len(cs)} claim{'s' if len(cs) != 1 else ''}")).add_to(mk)
            mk.add_to(group)
        group.add_to(m)
    if legend:
        HtmlControl(legend_html(colors, change=changes or markers), position="bottomleft").add_to(m)
    label = f'<div class="gc-date">{esc(view.date)}</div>{esc(view.label)}'
    if view.period:
        label += f"<br>changes and claims: {esc(view.period)}"
    HtmlControl(label, position="topright", css_class="gc-datebox").add_to(m)
