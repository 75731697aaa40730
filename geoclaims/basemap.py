"""A plain basemap that needs no network: borders from the bundled Natural Earth data, labels from the gazetteer.

Maps show it under the control polygons whenever no online tiles are asked
for, and beside them otherwise (tiles that cannot load leave it visible).
Country areas are filled lightly, oblast borders drawn thin, and settlement
labels appear by zoom level: cities first, villages from zoom 11, and the
places the claims name from zoom 9.

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
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from folium.map import Layer
from jinja2 import Template

from geoclaims.errors import InvalidArgument
from geoclaims._web import raw_macro, script_json

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.gazetteer import Gazetteer

__all__ = ["basemap_data", "basemap_payload", "BasemapLayer", "LABEL_ZOOMS", "MAX_LABELS"]

#: (minimum population, first zoom level showing the label), largest first; unknown population counts as 0.
LABEL_ZOOMS: tuple[tuple[int, int], ...] = ((200_000, 5), (20_000, 8), (3_000, 10), (0, 11))
#: Zoom from which the places named by claims are labelled.
CLAIMED_ZOOM = 10
#: Labels kept at most (the most populous, then the claimed ones).
MAX_LABELS = 1500
# Boundaries are simplified for display (degrees; ~100 m, the source is simplified at 0.004 degrees
# anyway), coordinates rounded to ~10 m.
_TOLERANCE = 0.001
_DIGITS = 4


def _round_geojson(geom) -> dict:
    import numpy as np
    import shapely

    geom = shapely.transform(geom, lambda c: np.round(c, _DIGITS))
    return json.loads(shapely.to_geojson(geom))


@functools.lru_cache(maxsize=8)
def _basemap(bounds: tuple[float, float, float, float], highlight: frozenset[str], gaz: "Gazetteer",
             max_labels: int) -> str:
    import shapely

    from geoclaims import boundaries

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
        national = shapely.union_all([shapely.boundary(boundaries.country_shape(c)) for c in boundaries.COUNTRY_CODES])
        network = shapely.line_merge(shapely.difference(network, national.buffer(1e-6)))
        network = shapely.simplify(shapely.intersection(network, box), _TOLERANCE)
        if not network.is_empty:
            regions.append({"type": "Feature", "properties": {}, "geometry": _round_geojson(network)})
    w, s, e, n = bounds
    picked = []
    for p in gaz.places:
        if p.lat is None or p.lon is None or not (w <= p.lon <= e and s <= p.lat <= n):
            continue
        pop = p.population or 0
        zoom = next(z for minimum, z in LABEL_ZOOMS if pop >= minimum)
        if p.id in highlight:
            zoom = min(zoom, CLAIMED_ZOOM)
        picked.append((p.id not in highlight, -pop, p.name, [round(p.lat, _DIGITS), round(p.lon, _DIGITS), p.name,
                                                             zoom]))
    picked.sort(key=lambda t: (t[0], t[1], t[2]))
    labels = [t[3] for t in picked[:max_labels]]
    labels.sort(key=lambda lab: (lab[3], lab[2]))
    return json.dumps({"bounds": list(bounds), "countries": {"type": "FeatureCollection", "features": countries},
                       "regions": {"type": "FeatureCollection", "features": regions}, "labels": labels},
                      ensure_ascii=False)


def basemap_data(bounds: Sequence[float], *, highlight: Iterable[str] = (), gazetteer: "Gazetteer | None" = None,
                 max_labels: int = MAX_LABELS) -> dict[str, Any]:
    """Borders and labels inside `bounds` ``(west, south, east, north)``, in degrees.

    Parameters
    ----------
    bounds : (float, float, float, float)
        The area to cover; callers usually pad the data extent.
    highlight : iterable of str
        Place ids (e.g. the claims' places) labelled from zoom 10 whatever their size.
    gazetteer : Gazetteer, optional
        Source of the labels (default: the bundled one).
    max_labels : int
        The most populous places (and all highlighted ones first) are kept.

    Returns
    -------
    dict
        ``countries`` (GeoJSON polygons, ``country`` property), ``regions``
        (one feature: the oblast borders inside the countries, as lines), ``labels`` (``[lat, lon, name,
        min_zoom]`` lists) and ``bounds``. Results are cached.
    """
    b = tuple(round(float(x), 3) for x in bounds)
    if len(b) != 4 or not (b[0] < b[2] and b[1] < b[3]):
        raise InvalidArgument(f"bounds must be (west, south, east, north) with west < east and south < north, got {bounds!r}")
    from geoclaims.gazetteer import Gazetteer

    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    return json.loads(_basemap(b, frozenset(highlight), gaz, int(max_labels)))  # type: ignore[arg-type]


@functools.lru_cache(maxsize=8)
def _payload(bounds: tuple[float, ...], highlight: frozenset[str], gaz: "Gazetteer", max_labels: int) -> str:
    return script_json(json.loads(_basemap(bounds, highlight, gaz, max_labels)))  # type: ignore[arg-type]


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
    basemap_data(b, highlight=highlight, gazetteer=gazetteer, max_labels=max_labels)  # validates, warms the cache
    from geoclaims.gazetteer import Gazetteer

    gaz = gazetteer if gazetteer is not None else Gazetteer.default()
    return _payload(b, frozenset(highlight), gaz, int(max_labels))


@raw_macro
class BasemapLayer(Layer):
    """The offline basemap as a folium layer (an overlay listed in the layer control)."""

    _template = Template("""
{% macro header(this, kwargs) %}
<style>
.gc-label{background:none;border:none;font:12px/1.1 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
  color:#333;white-space:nowrap;text-shadow:0 0 2px #fff,0 0 2px #fff,0 0 3px #fff;pointer-events:none}
.gc-label span{display:inline-block;transform:translate(-50%,-50%)}
.gc-label.gc-claimed span{font-weight:600;color:#111}
</style>
{% endmacro %}
{% macro script(this, kwargs) %}
var {{ this.get_name() }} = (function (map) {
  var data = {{ this.payload }};
  var claimed = {{ this.claimed }};
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
  var labels = data.labels.map(function (l) {
var span = document.createElement("span");
span.textContent = l[2];
var cls = "gc-label" + (claimed.indexOf(l[2]) >= 0 ? " gc-claimed" : "");
return [l[3], L.marker([l[0], l[1]], {pane: "gcLabels", interactive: false, keyboard: false,
  icon: L.divIcon({className: cls, html: span, iconSize: null})})];
  });
  var shown = L.layerGroup().addTo(group);
  function refresh() {
var z = map.getZoom();
labels.forEach(function (pair) {
  var on = shown.hasLayer(pair[1]);
  if (pair[0] <= z && !on) { shown.addLayer(pair[1]); }
  else if (pair[0] > z && on) { shown.removeLayer(pair[1]); }
});
  }
  map.on("zoomend", refresh);
  map.whenReady(refresh);
  {% if this.show %}group.addTo(map);{% endif %}
  return group;
})({{ this._parent.get_name() }});
{% endmacro %}
""")

    def __init__(self, data: "dict[str, Any] | str", *, claimed_names: Iterable[str] = (),
                 fills: dict[str, str] | None = None, name: str = "Basemap (offline)", show: bool = True):
        """`data` is :func:`basemap_data`, or the ready JSON of :func:`basemap_payload`."""
        super().__init__(name=name, overlay=True, control=True, show=show)
        self._name = "GeoclaimsBasemap"
        self.payload = data if isinstance(data, str) else script_json(data)
        self.claimed = script_json(sorted(set(claimed_names)))
        self.fills = script_json(fills or {"UA": "#f7f3df", "RU": "#ececec", "BY": "#eef0e8"})
