"""Escaping, link and embedding rules every page relies on (geoclaims._web)."""

from __future__ import annotations

import html
import json
import re

import pytest

from geoclaims._web import ASSET_MODES, esc, leaflet_assets, link, safe_url, script_json, use_assets, write_assets
from tests.conftest import XSS_PAYLOADS


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
