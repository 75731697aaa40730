"""timeline.explore / geoclaims.web.maps: layers, changes, markers, offline assets, escaping."""

from __future__ import annotations

import datetime as dt
import re

import folium
import pytest
import shapely

from geoclaims import Timeline, read_claims
from geoclaims.web.dayview import with_band
from geoclaims.web.maps import (
    DEFAULT_COLORS,
    change_rows,
    change_window,
    claim_html,
    day_view,
    display_geometry,
    draw_view,
    explore,
    polygonal,
)
from tests.conftest import XSS_PAYLOADS, with_inferred


def _html(m: folium.Map) -> str:
    return m.get_root().render()


def _layer_names(m: folium.Map) -> list[str]:
    return [c.layer_name for c in m._children.values() if hasattr(c, "layer_name")]


def test_explore_returns_a_map_with_layers_per_side_status_change_and_claims(kursk):
    m = kursk.explore("2025-01-06")
    assert isinstance(m, folium.Map)
    names = _layer_names(m)
    state = kursk.state("2025-01-06")
    expected = [f"{r.side} {r.status}" for r in state.itertuples() if not r.geometry.is_empty]
    assert [n for n in names if n in expected] == expected
    assert "Changes 2025-01-06" in names and "Claims 2025-01-06" in names
    assert "Basemap (offline)" in names
    page = _html(m)
    assert "west of Malaya Loknya" in page          # the RU gain of that day, with its claim
    assert "SEED2" in page and "ISW" in page
    assert "L.control.scale()" in page and "L.control.layers" in page
    assert "gc-date" in page and "2025-01-06" in page  # the date shown on the map


def test_explore_default_date_is_the_last_claim_date(kursk):
    m = kursk.explore()
    assert f'gc-date\\u0022\\u003e{kursk.end}' in _html(m) or str(kursk.end) in _html(m)
    assert day_view(kursk).date == kursk.end


def test_explore_pages_need_no_network(kursk):
    page = _html(kursk.explore("2025-01-07"))
    assert not re.search(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//', page)  # links to sources are fine
    assert "jquery" not in page.lower()


def test_explore_tiles_by_xyzservices_name(kursk):
    page = _html(kursk.explore("2025-01-07", tiles="OpenStreetMap.Mapnik"))
    assert "tile.openstreetmap.org" in page and "Basemap (offline)" in page
    with pytest.raises(ValueError, match="did you mean.*OpenStreetMap.Mapnik"):
        kursk.explore("2025-01-07", tiles="OpenStreetMap.Mapnk")


def test_explore_draws_onto_a_given_map(kursk):
    m = folium.Map(tiles=None)
    out = explore(kursk, "2025-01-07", m=m, basemap=False)  # the function form of Timeline.explore
    assert out is m
    assert any(n.startswith("UA ") for n in _layer_names(m))


def test_explore_colors_and_validation(kursk):
    page = _html(kursk.explore("2025-01-07", colors={"UA": "#00ff00"}))
    assert "#00ff00" in page and DEFAULT_COLORS["RU"] in page
    with pytest.raises(ValueError, match="unknown key.*UKR"):
        kursk.explore("2025-01-07", colors={"UKR": "red"})


def test_explore_perspective_changes_what_is_drawn(kursk):
    ru = day_view(kursk, "2025-01-06", perspective="RU")
    assert all(c.claimant_side == "RU" for c in ru.claims)
    assert "SEED2" not in {c.claim_id for c in ru.claims}


def test_change_window_rules(kursk):
    d = dt.date(2025, 1, 7)
    assert change_window(kursk, d, None, "all") == d                     # a claim date: its own claims
    assert change_window(kursk, d, dt.date(2025, 1, 4), "all") == dt.date(2025, 1, 5)
    assert change_window(kursk, d, d, "all") is None
    assert change_window(kursk, dt.date(2024, 1, 1), None, "all") is None  # before any claim
    assert change_window(kursk, dt.date(2025, 1, 8), None, "all") == max(x for x in kursk.dates if x <= d)


def test_day_view_since_covers_every_claim_of_the_period(kursk):
    view = day_view(kursk, "2025-01-07", since="2025-01-04")
    assert view.period == "2025-01-05 to 2025-01-07"
    assert {c.date for c in view.claims} <= {dt.date(2025, 1, d) for d in (5, 6, 7)}
    assert {"K045", "SEED1", "SEED2"} <= {c.claim_id for c in view.claims}
    drawn = sum(shapely.area(g) for _, g in view.changes)
    assert drawn > 0


def test_change_rows_draw_each_change_once(kursk):
    diff = kursk.diff("2025-01-05", "2025-01-07")
    rows = change_rows(diff)
    assert {r["change"] for r, _ in rows} <= {"gained", "lost"}
    gained = [g for r, g in rows if r["change"] == "gained"]
    for r, g in rows:
        if r["change"] == "lost":  # what is left of a loss is land nobody gained: contested
            assert shapely.area(shapely.intersection(g, shapely.union_all(gained))) < 1e-6


def test_display_geometry_is_valid_rounded_and_close():
    g = shapely.Point(35.123456789, 51.2).buffer(0.02, quad_segs=64)
    d = display_geometry(g)
    assert d.is_valid and d.geom_type == "Polygon"
    coords = shapely.get_coordinates(d)
    assert (abs(coords * 1e5 - (coords * 1e5).round()) < 1e-6).all()
    assert len(coords) < len(shapely.get_coordinates(g))
    assert g.hausdorff_distance(d) < 2e-4                          # < ~20 m: invisible at zoom 12
    assert display_geometry(None).is_empty


def test_polygonal_keeps_multipolygons_whole():
    mp = shapely.MultiPolygon([shapely.box(0, 0, 1, 1), shapely.box(2, 2, 3, 3)])
    assert polygonal(mp).equals(mp)
    gc = shapely.GeometryCollection([mp, shapely.Point(5, 5)])
    assert polygonal(gc).equals(mp)
    assert polygonal(shapely.LineString([(0, 0), (1, 1)])).is_empty


def test_explore_escapes_every_claim_field(xss_claims_csv):
    tl = Timeline.from_claims(read_claims(xss_claims_csv))
    page = _html(tl.explore("2025-01-06", since="2025-01-04"))
    for payload in XSS_PAYLOADS:
        assert payload not in page
    assert "<img src=x" not in page and "<svg onload" not in page and "<b onmouseover" not in page
    assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", page, re.I)
    # shown as text: escaped HTML, inside JSON that cannot close the script
    assert "\\u0026lt;img src=x onerror=alert(1)\\u0026gt;" in page
    assert "https://example.org/a?b=\\u0026lt;script\\u0026gt;" in page


def test_claim_html_links_only_http(xss_claims_csv):
    claims = read_claims(xss_claims_csv).claims
    html = {c.claim_id: claim_html(c) for c in claims}
    assert "<a " not in html["X1"] and "<a " not in html["X2"]
    assert '<a href="https://example.org/' in html["X3"]


def test_repr_html_is_a_compact_static_summary(kursk):
    out = kursk._repr_html_()
    assert out.count("<svg") == 1 and "<script" not in out
    assert f"{kursk.start} .. {kursk.end}" in out and "114 claims" in out
    ua_adv = kursk.state(kursk.end).set_index(["side", "status"]).loc[("UA", "advanced"), "area_km2"]
    assert f"{ua_adv:,.1f}" in out
    assert len(out) < 200_000
    assert Timeline.from_claims([])._repr_html_() == "<p><b>Timeline</b>: no claims</p>"


# -- how sure each piece is, inferred land, observed outlines, the band (issue 14) --------------------
def _layers(m: folium.Map) -> dict[str, dict]:
    """Our feature layers by name, with their decoded data (styles, features)."""
    import json

    from geoclaims.web.maps import FeatureLayer

    return {c.layer_name: json.loads(c.payload) for c in m._children.values() if isinstance(c, FeatureLayer)}


def test_each_piece_is_styled_by_the_status_of_its_claim(kursk):
    m = kursk.explore("2025-01-07")
    layers = _layers(m)
    classes = {st["className"] for data in layers.values() for st in data["styles"]}
    assert {"gc-cert-assessed", "gc-cert-claimed", "gc-cert-unverified"} <= {c.split()[3] for c in classes
                                                                            if "gc-state" in c}
    n = sum(len(data["features"]) for name, data in layers.items() if name in ("UA held", "UA advanced",
                                                                              "UA contested"))
    assert n == len(kursk.pieces("2025-01-07"))
    page = _html(m)
    for texture in ("gc-stripes-UA-advanced", "gc-dots-UA-advanced", "gc-stripes-contested-contested"):
        assert f'<pattern id="{texture}"' in page
    tips = [f[2] for data in layers.values() for f in data["features"]]
    assert any("unverified report" in t and "K048 (unconfirmed reports (The Guardian))" in t for t in tips)
    assert "claimed by a party, not independently verified" in page  # the legend


def test_claim_markers_say_how_sure_the_latest_claim_is(kursk):
    page = _html(kursk.explore("2025-01-07"))
    assert "gc-claim gc-cert-unverified" in page        # The Guardian's unconfirmed report on Berdin
    assert "unverified report" in page                  # in the popup, in words


def test_inferred_pieces_have_no_edge_a_hatch_and_a_legend_row(kursk):
    view = with_inferred(day_view(kursk, "2025-01-07"))
    m = draw_view(kursk, view)
    data = _layers(m)["UA held"]
    inferred = [(data["styles"][f[1]], f[2]) for f in data["features"] if "gc-tier-inferred" in
                data["styles"][f[1]]["className"]]
    (style, tip), = inferred
    assert style["weight"] == 0 and style["fillColor"] == "url(#gc-hatch-UA-held)"
    assert "inferred by the model" in tip and "from claims K045, SEED1" in tip
    page = _html(m)
    assert '<pattern id="gc-hatch-UA-held"' in page and "no edge: inferred by the model" in page
    plain = _html(kursk.explore("2025-01-07"))
    assert "no edge: inferred by the model" not in plain   # the legend lists only what is drawn


def test_observed_map_is_an_outline_layer_with_its_date(kursk, kursk_observed):
    m = kursk.explore("2025-01-08", observed=kursk_observed)
    layers = _layers(m)
    name = next(n for n in layers if n.startswith("Observed map of "))
    assert name == "Observed map of 2025-01-07"
    assert all(st["fill"] is False and "gc-observed" in st["className"] for st in layers[name]["styles"])
    page = _html(m)
    assert "outline: observed maps (footprint.geojson), map of 2025-01-07 (1 day earlier)" in page
    assert "observed maps (footprint.geojson) (outline)" in page         # legend


def test_changes_are_outlines_never_darker_than_held_land(kursk):
    layers = _layers(kursk.explore("2025-01-07"))
    (name,) = [n for n in layers if n.startswith("Changes ")]
    assert all(st["fillOpacity"] == 0 for st in layers[name]["styles"])


def test_uncertainty_band_is_drawn_under_the_pieces_when_given(kursk):
    view = day_view(kursk, "2025-01-07")
    least = view.pieces[0][1]
    m = draw_view(kursk, with_band(view, [({"side": "UA"}, least, shapely.buffer(least, 0.02))]))
    names = list(_layers(m))
    assert names[0] == "Uncertainty band" and names.index("Uncertainty band") < names.index("UA held")
    assert "uncertainty band" in _html(m)
    assert "Uncertainty band" not in _layers(kursk.explore("2025-01-07"))
