"""Escaping, link and embedding rules every page relies on (geoclaims.web.assets)."""

from __future__ import annotations

import html
import json
import re

import pytest

from hypothesis import given
from hypothesis import strategies as st

from geoclaims.web.assets import (
    ASSET_MODES, esc, leaflet_assets, link, raw_macro, safe_url, script_json, use_assets, write_assets,
)
from tests.conftest import TEMPLATE_PAYLOADS, XSS_PAYLOADS

_TAG = re.compile(r"\{[{%#]")


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_esc_leaves_no_markup_and_round_trips(payload):
    out = esc(payload)
    assert not re.search(r"[<>\"'`$\\]", out)
    assert html.unescape(out) == payload


def test_esc_drops_control_characters_and_none():
    assert esc("a\x00b\x1fc\nd") == "abc\nd"
    assert esc(None) == ""


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\nscript:alert(1)",
                                 "data:text/html,<script>alert(1)</script>", "vbscript:x", "//evil.example/x",
                                 "http://", "file:///etc/passwd", "https://exa mple.org", None, 42, ""])
def test_safe_url_rejects_everything_but_http_links(url):
    assert safe_url(url) is None
    assert "<a " not in link(url)


def test_safe_url_accepts_http_and_https():
    assert safe_url("http://example.org") == "http://example.org"
    assert safe_url(" https://isw.pub/a?b=1&c=2 ") == "https://isw.pub/a?b=1&c=2"


def test_link_escapes_url_and_text():
    out = link("https://example.org/?q=<script>", "<b>src</b>")
    assert out.startswith('<a href="https://example.org/?q=&lt;script&gt;"')
    assert "&lt;b&gt;src&lt;/b&gt;" in out and 'rel="noopener noreferrer nofollow"' in out


def test_script_json_cannot_close_a_script_and_round_trips():
    value = {"a": "</script><script>alert(1)</script>", "b": "x\u2028y", "c": "&amp;"}
    out = script_json(value)
    assert "<" not in out and ">" not in out and "\u2028" not in out
    assert json.loads(out) == value


@pytest.mark.parametrize("payload", TEMPLATE_PAYLOADS)
def test_esc_and_script_json_never_emit_a_template_tag(payload):
    assert not _TAG.search(esc(payload)) and html.unescape(esc(payload)) == payload
    out = script_json({"text": payload, "nested": [{"x": payload}], "empty": {}})
    assert not _TAG.search(out)
    assert json.loads(out) == {"text": payload, "nested": [{"x": payload}], "empty": {}}


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(alphabet="{}%#\\\"ab<>&"),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(alphabet="{}%#ab"), inner,
                                                                                 max_size=4), max_leaves=20))
def test_script_json_round_trips_anything_without_template_tags(value):
    out = script_json(value)
    assert not _TAG.search(out)
    assert json.loads(out) == value


def test_raw_macro_elements_are_never_compiled_twice():
    """branca compiles every macro's output again as a template; raw_macro elements put it in as text."""
    import folium
    from branca.element import MacroElement
    from jinja2 import Template

    class Plain(MacroElement):
        _template = Template("{% macro script(this, kwargs) %}var plain = '{{ this.text }}';{% endmacro %}")

        def __init__(self, text):
            super().__init__()
            self.text = text

    Raw = raw_macro(type("Raw", (Plain,), {}))
    m = folium.Map()
    Plain("{{ 1234*5678 }}").add_to(m)
    Raw("{{ 1234*5678 }} {% for x in range(2) %}loop{% endfor %}").add_to(m)
    out = m.get_root().render()
    assert "var plain = '7006652'" in out  # what branca does on its own: the hole raw_macro closes
    assert "{{ 1234*5678 }} {% for x in range(2) %}loop{% endfor %}" in out


def test_every_geoclaims_macro_element_renders_raw():
    import inspect

    from branca.element import MacroElement

    import geoclaims.web.assets as web
    import geoclaims.web.basemap
    import geoclaims.web.index_page
    import geoclaims.web.maps
    import geoclaims.web.render

    found = []
    for mod in (geoclaims.web.maps, geoclaims.web.render, geoclaims.web.basemap, geoclaims.web.index_page):
        for _, cls in inspect.getmembers(mod, inspect.isclass):
            if issubclass(cls, MacroElement) and cls.__module__.startswith("geoclaims"):
                found.append(cls)
                assert cls.render is web._raw_macro_render, cls
    assert len(found) >= 5


def test_leaflet_assets_match_the_folium_in_use():
    import folium.folium as ff

    assets = leaflet_assets()
    assert assets["leaflet.js"][0] == dict(ff._default_js)["leaflet"]
    version = re.search(r"leaflet@([\d.]+)/", assets["leaflet.js"][0]).group(1)
    assert f"Leaflet {version}" in assets["leaflet.js"][1][:300]
    assert ".leaflet-container" in assets["leaflet.css"][1]
    assert "url(images/" not in assets["leaflet.css"][1], "images must be embedded as data: URIs"


@pytest.mark.parametrize("mode", ASSET_MODES)
def test_use_assets_loads_only_leaflet(mode):
    import folium

    m = folium.Map(tiles=None)
    use_assets(m, mode)
    page = m.get_root().render()
    urls = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', page)
    assert not any(x in page for x in ("jquery", "bootstrap.bundle", "fontawesome"))
    if mode == "inline":
        assert urls == [] and "Leaflet" in page
    elif mode == "folder":
        assert sorted(urls) == ["assets/leaflet.css", "assets/leaflet.js"]
    else:
        assert all(u.startswith("https://cdn.jsdelivr.net/npm/leaflet@") for u in urls) and len(urls) == 2


def test_use_assets_rejects_unknown_mode():
    import folium

    with pytest.raises(ValueError, match="valid: inline, folder, cdn"):
        use_assets(folium.Map(tiles=None), "embedded")


def test_write_assets(tmp_path):
    paths = write_assets(tmp_path)
    assert sorted(p.name for p in paths) == ["leaflet.css", "leaflet.js"]
    assert (tmp_path / "assets" / "leaflet.js").read_text(encoding="utf-8") == leaflet_assets()["leaflet.js"][1]
