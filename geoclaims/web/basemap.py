"""A plain basemap that needs no network: borders from the bundled Natural Earth data, labels from the gazetteer.

Maps show it under the control polygons whenever no online tiles are asked
for, and beside them otherwise (tiles that cannot load leave it visible).
Country areas are filled lightly, oblast borders drawn thin, and the whole
fades into the background at its edges. Settlement labels are placed on every
zoom change without overlapping: the places the map's claims name always
(beside their marker), then cities, the other claimed places, and the rest by
population (villages from zoom 11); a place listed twice is labelled once.

Examples
--------
>>> data = basemap_data((34.5, 51.0, 35.8, 51.7), highlight=["theatre:berdin"])
>>> sorted(f["properties"]["country"] for f in data["countries"]["features"])
['RU', 'UA']
>>> any(lab[2] == "Sudzha" for lab in data["labels"])
True
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from folium.map import Layer
from jinja2 import Template

from geoclaims.errors import InvalidArgument
from geoclaims.web.assets import esc, raw_macro, script_json

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer

__all__ = ["basemap_data", "basemap_payload", "BasemapLayer", "LABEL_ZOOMS", "MAX_LABELS"]

#: (minimum population, first zoom level showing the label), largest first; unknown population counts as 0.
LABEL_ZOOMS: tuple[tuple[int, int], ...] = ((200_000, 5), (20_000, 8), (3_000, 10), (0, 11))
#: Zoom from which the places named by claims are candidates for a label (then ranked before all but cities).
CLAIMED_ZOOM = 6
#: Population from which a place is a city: its label goes before the claimed places'.
CITY_POPULATION = 200_000
#: Labels kept at most (the most populous, then the claimed ones).
MAX_LABELS = 1500
#: A place within :func:`_city_radius_km` of a city of this size (and at least twice its own) is one of its
#: districts: labelled like a village, never before the city.
DISTRICT_CITY_POPULATION = 500_000
#: Words that only say what kind of place a name is ("Gorod Shebekino" is the town of Shebekino).
KIND_WORDS = ("gorod", "posëlok", "poselok", "rabochiy posëlok", "selo", "derevnya", "khutor", "stanitsa",
              "misto", "selyshche", "smt")
#: Two labels of one name (after dropping kind words) closer than this are one place listed twice (a town
#: and its "Gorod" entry, 0.7 km apart): the lesser is dropped. Distinct villages sharing a name lie further apart.
DUPLICATE_KM = 8.0
# Boundaries are simplified for display (degrees; ~100 m, the source is simplified at 0.004 degrees
# anyway), coordinates rounded to ~10 m.
_TOLERANCE = 0.001
_DIGITS = 4


def _round_geojson(geom) -> dict:
    import numpy as np
    import shapely

    geom = shapely.transform(geom, lambda c: np.round(c, _DIGITS))
    return json.loads(shapely.to_geojson(geom))


def label_key(name: str) -> str:
    """A place name without the kind word in front, folded: ``'Gorod Shebekino'`` -> ``'shebekino'``.

    Examples
    --------
    >>> label_key("Gorod Shebekino"), label_key("Posëlok Voskhod"), label_key("Selydove")
    ('shebekino', 'voskhod', 'selydove')
    """
    low = name.casefold().strip()
    for word in sorted(KIND_WORDS, key=len, reverse=True):
        if low.startswith(word + " ") and len(low) > len(word) + 1:
            return low[len(word) + 1:].strip()
    return low


def _km(a: Any, b: Any) -> float:
    import math

    return math.hypot((a.lat - b.lat) * 111.2, (a.lon - b.lon) * 111.2 * math.cos(math.radians(a.lat)))


def _city_radius_km(city: Any) -> float:
    """How far from its point a city's districts lie: 9.4 km for Kharkiv (1.4 M), 7.5 km for Donetsk (0.9 M);
    Makiivka, a city of its own 10 km from Donetsk, stays outside."""
    return 2.5 * ((city.population or 0) / 1e5) ** 0.5


@dataclass(frozen=True)
class _Extra:
    """A claimed place the gazetteer does not list (a claim gave its coordinates)."""

    id: str
    name: str
    lat: float
    lon: float
    population: int = 0


def _split(highlight: Iterable[Any]) -> tuple[frozenset[str], tuple[_Extra, ...]]:
    """Place ids, and the places given as objects (kept as label candidates should the gazetteer lack them)."""
    ids, extra = set(), []
    for h in highlight:
        if isinstance(h, str):
            ids.add(h)
        elif getattr(h, "lat", None) is not None and getattr(h, "lon", None) is not None:
            ids.add(h.id)
            extra.append(_Extra(h.id, h.name, float(h.lat), float(h.lon), int(h.population or 0)))
    return frozenset(ids), tuple(sorted(set(extra), key=lambda x: x.id))


def _labels(gaz: "Gazetteer", bounds: tuple[float, float, float, float], highlight: frozenset[str],
            max_labels: int, extra: tuple[_Extra, ...] = ()) -> tuple[list[list], int]:
    """Labels in priority order (cities, claimed places, then by population; duplicates dropped), and how
    many of them, at the front, are cities."""
    import math

    w, s, e, n = bounds
    inside = [p for p in gaz.places if p.lat is not None and p.lon is not None and w <= p.lon <= e and s <= p.lat <= n]
    known = {p.id for p in inside}
    inside += [x for x in extra if x.id not in known and w <= x.lon <= e and s <= x.lat <= n]
    big = [p for p in inside if (p.population or 0) >= DISTRICT_CITY_POPULATION]

    def district(p) -> bool:
        """A section of a much larger city (GeoNames lists Kharkiv's Saltivka as a 409,300-people place)."""
        pop = p.population or 0
        return any((c.population or 0) >= 2 * pop and c is not p and _km(p, c) < _city_radius_km(c) for c in big)

    ranked, zooms = [], {}
    for p in inside:
        pop = p.population or 0
        zoom = next(z for minimum, z in LABEL_ZOOMS if pop >= minimum)
        tier = 0 if pop >= CITY_POPULATION else 1 if p.id in highlight else 2
        if p.id not in highlight and pop and district(p):
            tier, zoom = 2, max(zoom, LABEL_ZOOMS[-1][1])
        zooms[p.id] = zoom
        ranked.append((tier, -pop, p.name, p))
    ranked.sort(key=lambda t: t[:3])
    kept: dict[str, list[tuple[float, float]]] = {}
    claimed_ids = sorted(highlight)
    out, cities = [], 0
    for tier, _, _, p in ranked:
        key = label_key(p.name)
        lat, lon = float(p.lat), float(p.lon)
        near = kept.setdefault(key, [])
        if p.id not in highlight and any(
                math.hypot((lat - a) * 111.2, (lon - b) * 111.2 * math.cos(math.radians(lat))) < DUPLICATE_KM
                for a, b in near):
            continue  # "Gorod Shebekino" beside Shebekino: one town listed twice
        near.append((lat, lon))
        zoom = zooms[p.id]
        lab: list = [round(lat, _DIGITS), round(lon, _DIGITS), p.name, zoom]
        if p.id in highlight:
            lab[3] = min(zoom, CLAIMED_ZOOM)
            lab.append(claimed_ids.index(p.id))
        out.append(lab)
        cities += tier == 0
        if len(out) >= max_labels:
            break
    return out, cities


@functools.lru_cache(maxsize=1)
def _national_borders() -> Any:
    """The national borders, thickened by 1e-6 degrees (to remove them from the oblast lines), built once."""
    import shapely

    from geoclaims.places import boundaries

    national = shapely.union_all([shapely.boundary(boundaries.country_shape(c)) for c in boundaries.COUNTRY_CODES])
    return national.buffer(1e-6)


@functools.lru_cache(maxsize=8)
def _basemap(bounds: tuple[float, float, float, float], highlight: frozenset[str], gaz: "Gazetteer",
             max_labels: int, extra: tuple[_Extra, ...] = ()) -> str:
    import shapely

    from geoclaims.places import boundaries

    box = shapely.box(*bounds)
    countries, regions = [], []
    for code in boundaries.COUNTRY_CODES:
        g = shapely.intersection(boundaries.country_shape(code), box)
        if not g.is_empty:
            g = shapely.simplify(g, _TOLERANCE, preserve_topology=True)
            countries.append({"type": "Feature", "properties": {"country": code}, "geometry": _round_geojson(g)})
    # Oblast borders as one network of lines: each shared border once, national borders left out
    # (the country outlines draw them).
    lines = [shape.boundary for _, shape in boundaries._admin1() if shape.intersects(box)]
    if lines:
        network = shapely.union_all(lines)
        network = shapely.line_merge(shapely.difference(network, _national_borders()))
        network = shapely.simplify(shapely.intersection(network, box), _TOLERANCE)
        if not network.is_empty:
            regions.append({"type": "Feature", "properties": {}, "geometry": _round_geojson(network)})
    labels, cities = _labels(gaz, bounds, highlight, max_labels, extra)
    return json.dumps({"bounds": list(bounds), "cities": cities, "countries": {"type": "FeatureCollection", "features": countries},
                       "regions": {"type": "FeatureCollection", "features": regions}, "labels": labels},
                      ensure_ascii=False)


def basemap_data(bounds: Sequence[float], *, highlight: Iterable[str] = (), gazetteer: "Gazetteer | None" = None,
                 max_labels: int = MAX_LABELS) -> dict[str, Any]:
    """Borders and labels inside `bounds` ``(west, south, east, north)``, in degrees.

    Parameters
    ----------
    bounds : (float, float, float, float)
        The area to cover; callers usually pad the data extent.
    highlight : iterable of str or Place
        The claims' places, by id or as :class:`~geoclaims.Place` objects: candidates for a label from
        zoom :data:`CLAIMED_ZOOM` whatever their size, ranked before every place but cities, never
        dropped as duplicates. A place given as an object is labelled even when the gazetteer does not
        list it (a claim gave its coordinates).
    gazetteer : Gazetteer, optional
        Source of the labels (default: the bundled one).
    max_labels : int
        The most populous places (and all highlighted ones first) are kept.

    Returns
    -------
    dict
        ``countries`` (GeoJSON polygons, ``country`` property), ``regions``
        (one feature: the oblast borders inside the countries, as lines), ``labels`` and ``bounds``.
        Labels are ``[lat, lon, name, min_zoom]`` lists in the order they claim space (cities of
        :data:`CITY_POPULATION`, then the highlighted places, then by population), with a fifth item for
        highlighted places: their index in ``sorted(highlight)``. A place listed twice ("Gorod
        Shebekino" beside Shebekino) is labelled once. Results are cached.
    """
    b = tuple(round(float(x), 3) for x in bounds)
    if len(b) != 4 or not (b[0] < b[2] and b[1] < b[3]):
        raise InvalidArgument(f"bounds must be (west, south, east, north) with west < east and south < north, got {bounds!r}")
    from geoclaims.places.gazetteer import Gazetteer

    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    ids, extra = _split(highlight)
    return json.loads(_basemap(b, ids, gaz, int(max_labels), extra))  # type: ignore[arg-type]


@functools.lru_cache(maxsize=8)
def _payload(bounds: tuple[float, ...], highlight: frozenset[str], gaz: "Gazetteer", max_labels: int,
             extra: tuple[_Extra, ...]) -> str:
    return script_json(json.loads(_basemap(bounds, highlight, gaz, max_labels, extra)))  # type: ignore[arg-type]


def basemap_payload(bounds: Sequence[float], *, highlight: Iterable[str] = (), gazetteer: "Gazetteer | None" = None,
                    max_labels: int = MAX_LABELS) -> str:
    """:func:`basemap_data` as script-safe JSON, built once per area: a page per day reuses it.

    Returns
    -------
    str

    Examples
    --------
    >>> basemap_payload((34.5, 51.0, 35.8, 51.7)) is basemap_payload((34.5, 51.0, 35.8, 51.7))
    True
    """
    b = tuple(round(float(x), 3) for x in bounds)
    highlight = list(highlight)
    basemap_data(b, highlight=highlight, gazetteer=gazetteer, max_labels=max_labels)  # validates, warms the cache
    from geoclaims.places.gazetteer import Gazetteer

    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    return _payload(b, *_split(highlight)[:1], gaz, int(max_labels), _split(highlight)[1])


@raw_macro
class BasemapLayer(Layer):
    """The offline basemap as a folium layer (an overlay listed in the layer control).

    Labels are placed on every zoom change, in the payload's order: the focused places
    first (those the map's claims name: always labelled, beside their marker, on whichever
    side is free), then cities, the other claimed places and the rest by population; a
    label that would overlap one already placed is left out at that zoom. The basemap
    fades into the background at its edges instead of ending on a rectangle.
    """

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
.gc-label{background:none;border:none;font:12px/1.1 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  color:#333;white-space:nowrap;text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff;pointer-events:none}
.gc-label span{display:inline-block;transform:translate(-50%,-50%)}
.gc-label.gc-claimed span{font-weight:600;color:#111}
.gc-label.gc-city span{font-size:13px;font-weight:600;color:#222}
</style>
{% endmacro %}
{% macro html(this, kwargs) %}
<svg class="gc-defs" aria-hidden="true" width="0" height="0" style="position:absolute;width:0;height:0"><defs>
{% for id, x1, y1, x2, y2 in [("l", 0, 0, 1, 0), ("r", 1, 0, 0, 0), ("b", 0, 1, 0, 0), ("t", 0, 0, 0, 1)] %}
<linearGradient id="gc-fade-{{ id }}" x1="{{ x1 }}" y1="{{ y1 }}" x2="{{ x2 }}" y2="{{ y2 }}"><stop offset="0" stop-color="{{ this.background }}" stop-opacity="1"/><stop offset="1" stop-color="{{ this.background }}" stop-opacity="0"/></linearGradient>
{% endfor %}
</defs></svg>
{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (map) {
  var data = {{ this.payload }};
  var focus = {{ this.focus }};
  if (!map.getPane("gcBasemap")) {
map.createPane("gcBasemap").style.zIndex = 250;
map.createPane("gcLabels").style.zIndex = 450;
map.getPane("gcLabels").style.pointerEvents = "none";
  }
  var fills = {{ this.fills }};
  var group = L.layerGroup();
  L.geoJSON(data.countries, {pane: "gcBasemap", interactive: false, style: function (f) {
return {color: "#6b6b6b", weight: 1.6, fillColor: fills[f.properties.country] || "#eeeeee", fillOpacity: 1};
  }}).addTo(group);
  L.geoJSON(data.regions, {pane: "gcBasemap", interactive: false,
style: {color: "#9a9a9a", weight: 0.8, dashArray: "4 3", fill: false}}).addTo(group);
  // Fade out at the edges: four strips whose gradients (objectBoundingBox) run from the background to clear.
  var w = data.bounds[0], s = data.bounds[1], e = data.bounds[2], n = data.bounds[3];
  var fx = (e - w) * {{ this.fade }}, fy = (n - s) * {{ this.fade }};
  [["l", [[s, w], [n, w], [n - fy, w + fx], [s + fy, w + fx]]], ["r", [[s, e], [n, e], [n - fy, e - fx], [s + fy, e - fx]]],
   ["b", [[s, w], [s, e], [s + fy, e - fx], [s + fy, w + fx]]], ["t", [[n, w], [n, e], [n - fy, e - fx], [n - fy, w + fx]]]
  ].forEach(function (strip) {
L.polygon(strip[1], {pane: "gcBasemap", interactive: false, noClip: true, stroke: false, fillOpacity: 1,
  fillColor: "url(#gc-fade-" + strip[0] + ")", className: "gc-fade"}).addTo(group);
  });
  function edge(lat, lon) {  // 0 on the basemap's edge, 1 inside the faded margin
return Math.max(0, Math.min(1, (lon - w) / fx, (e - lon) / fx, (lat - s) / fy, (n - lat) / fy));
  }
  var ctx = document.createElement("canvas").getContext("2d");
  var FONT = '12px system-ui,-apple-system,"Segoe UI",Roboto,sans-serif';
  var labels = [];
  data.labels.forEach(function (l, i) {
var fade = edge(l[0], l[1]);
if (fade < 0.2) { return; }
var span = document.createElement("span");
span.textContent = l[2];
var claimed = l.length > 4, city = i < data.cities;
ctx.font = (claimed || city ? "600 " : "") + (city ? FONT.replace("12px", "13px") : FONT);
var marker = L.marker([l[0], l[1]], {pane: "gcLabels", interactive: false, keyboard: false, opacity: fade,
  icon: L.divIcon({className: "gc-label" + (claimed ? " gc-claimed" : "") + (city ? " gc-city" : ""),
                   html: span, iconSize: null})});
labels.push({zoom: l[3], key: claimed ? l[4] : -1, marker: marker, span: span,
  w: ctx.measureText(l[2]).width + 4, h: city ? 16 : 15});
  });
  var shown = L.layerGroup().addTo(group);
  // Where a label may go: box corner = point + (ax * width + bx, ay * height + by), and the CSS that puts it there.
  // A focused place's label goes beside its claim marker (right, left, above, below: the first free side).
  var GAP = 9;
  var BESIDE = [[0, GAP, -0.5, 0, "translate(" + GAP + "px,-50%)"],
[-1, -GAP, -0.5, 0, "translate(calc(-100% - " + GAP + "px),-50%)"],
[-0.5, 0, -1, -GAP, "translate(-50%,calc(-100% - " + GAP + "px))"],
[-0.5, 0, 0, GAP, "translate(-50%," + GAP + "px)"]];
  var CENTRED = [[-0.5, 0, -0.5, 0, "translate(-50%,-50%)"]];
  function place(focusKeys) {
var z = map.getZoom(), cell = 64, grid = {}, wanted = {}, on = new Set();
(focusKeys || []).forEach(function (k) { wanted[k] = true; });
function cells(b, fn) {
  for (var x = Math.floor(b[0] / cell); x <= Math.floor(b[2] / cell); x++) {
    for (var y = Math.floor(b[1] / cell); y <= Math.floor(b[3] / cell); y++) { fn(x + ":" + y); }
  }
}
function free(b) {
  var ok = true;
  cells(b, function (k) {
    (grid[k] || []).forEach(function (o) { if (b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) { ok = false; } });
  });
  return ok;
}
function take(b) { cells(b, function (k) { (grid[k] = grid[k] || []).push(b); }); }
var focused = labels.filter(function (l) { return wanted[l.key]; });
focused.forEach(function (l) {  // the claim markers take their room first
  var p = map.project(l.marker.getLatLng(), z);
  take([p.x - 8, p.y - 8, p.x + 8, p.y + 8]);
});
focused.concat(labels.filter(function (l) { return !wanted[l.key] && l.zoom <= z; })).forEach(function (l) {
  var p = map.project(l.marker.getLatLng(), z), spots = wanted[l.key] ? BESIDE : CENTRED, pick = null, box = null;
  for (var i = 0; i < spots.length && !pick; i++) {
    var sp = spots[i], x0 = p.x + sp[0] * l.w + sp[1], y0 = p.y + sp[2] * l.h + sp[3];
    var b = [x0, y0, x0 + l.w, y0 + l.h];
    if (free(b)) { pick = sp; box = b; }
  }
  if (!pick && wanted[l.key]) {  // always labelled: on its first side, even over another focused label
    pick = BESIDE[0];
    box = [p.x + GAP, p.y - l.h / 2, p.x + GAP + l.w, p.y + l.h / 2];
  }
  if (!pick) { return; }
  take(box);
  l.span.style.transform = pick[4];
  on.add(l);
});
labels.forEach(function (l) {
  var has = shown.hasLayer(l.marker);
  if (on.has(l) && !has) { shown.addLayer(l.marker); }
  else if (!on.has(l) && has) { shown.removeLayer(l.marker); }
});
map.getContainer().setAttribute("data-labels", String(on.size));
  }
  var current = focus;
  map.on("zoomend", function () { place(current); });
  map.on("gc:focus", function (ev) { current = ev.keys || []; place(current); });
  map.whenReady(function () { place(current); });
  {% if this.show %}group.addTo(map);{% endif %}
  return group;
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, data: "dict[str, Any] | str", *, claimed_names: Iterable[str] = (), focus: Iterable[int] = (),
                 fills: dict[str, str] | None = None, name: str = "Basemap (offline)", show: bool = True,
                 background: str = "#dfe8ef"):
        """`data` is :func:`basemap_data`, or the ready JSON of :func:`basemap_payload`.

        `focus` lists the label keys (a highlighted place's index in ``sorted(highlight)``) of the places
        this map's claims name: they are always labelled. Scripts can change them with
        ``map.fire("gc:focus", {keys: [...]})``. `claimed_names` is no longer needed (the data marks the
        claimed places) and is ignored.
        """
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "GeoclaimsBasemap"
        self.payload = data if isinstance(data, str) else script_json(data)
        self.focus = script_json(sorted({int(k) for k in focus}))
        self.fills = script_json(fills or {"UA": "#f7f3df", "RU": "#ececec", "BY": "#eef0e8"})
        self.fade = f"{FADE:.3f}"
        self.background = esc(background)


#: Share of the basemap's width (and height) over which it fades out at each edge.
FADE = 0.12
