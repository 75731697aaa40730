"""The visual grammar of certainty (geoclaims.web.styles): textures by claim status, edges by tier, one legend."""

from __future__ import annotations

import itertools
import re

import pytest

from geoclaims.web.assets import DEFAULT_COLORS
from geoclaims.web.styles import (
    CERTAINTIES,
    CERTAINTY_WORDS,
    TIERS,
    Shown,
    band_style,
    change_style,
    legend_html,
    mark_of,
    mpl_style,
    observed_style,
    piece_style,
    svg_defs,
)

STATES = [("UA", "held"), ("UA", "advanced"), ("UA", "contested"), ("RU", "held"), ("RU", "advanced"),
          ("RU", "contested")]


def _pattern_ids(defs: str) -> set[str]:
    return set(re.findall(r'<pattern id="([^"]+)"', defs))


def test_every_texture_a_style_can_ask_for_is_defined():
    """A fill of url(#id) whose pattern is missing draws nothing: every combination must resolve."""
    defs = _pattern_ids(svg_defs(DEFAULT_COLORS))
    for (side, status), tier, cert in itertools.product(STATES, TIERS, (*CERTAINTIES, "")):
        fill = piece_style(side, status, tier, cert, DEFAULT_COLORS)["fillColor"]
        if fill.startswith("url("):
            assert fill[5:-1] in defs, (side, status, tier, cert)
    for side in ("UA", "RU"):  # the band is a wash, not a texture: it must not look like held land
        band = band_style(side, DEFAULT_COLORS)
        assert band["fillColor"] == DEFAULT_COLORS[side] and band["fillOpacity"] < 0.2 and band["dashArray"]


def test_certainty_reads_without_colour_as_texture():
    """Assessed is a plain fill, a party's claim stripes, an unverified report dots: different without hue."""
    fills = {c: piece_style("UA", "held", "claimed", c, DEFAULT_COLORS)["fillColor"] for c in CERTAINTIES}
    assert fills["assessed"] == DEFAULT_COLORS["UA"]
    assert "stripes" in fills["claimed"] and "dots" in fills["unverified"]
    assert len({mark_of("claimed", c) for c in CERTAINTIES}) == 3
    assert mark_of("claimed", "") == "solid"          # baseline / observed pieces: no claim, drawn plain


def test_inferred_land_has_no_edge_and_its_own_texture_whatever_the_claims():
    for cert in (*CERTAINTIES, ""):
        st = piece_style("RU", "held", "inferred", cert, DEFAULT_COLORS)
        assert st["weight"] == 0 and "hatch" in st["fillColor"]
        assert "gc-tier-inferred" in st["className"]
    stated = piece_style("RU", "held", "claimed", "assessed", DEFAULT_COLORS)
    assert stated["weight"] > 0 and "gc-tier-claimed" in stated["className"]


def test_status_still_reads_held_advanced_contested():
    held = piece_style("UA", "held", "claimed", "assessed", DEFAULT_COLORS)
    adv = piece_style("UA", "advanced", "claimed", "assessed", DEFAULT_COLORS)
    cont = piece_style("UA", "contested", "claimed", "assessed", DEFAULT_COLORS)
    assert held["fillOpacity"] > adv["fillOpacity"] and "dashArray" not in held and adv["dashArray"]
    assert cont["color"] == DEFAULT_COLORS["contested"] and cont["dashArray"] != adv["dashArray"]


def test_changes_never_fill_and_observed_is_an_outline():
    ch = change_style("UA", "gained", DEFAULT_COLORS)
    assert ch["fillOpacity"] == 0 and ch["weight"] > piece_style("UA", "held", "claimed", "assessed",
                                                                 DEFAULT_COLORS)["weight"]
    obs = observed_style("RU", "held", DEFAULT_COLORS)
    assert obs["fill"] is False and obs["color"] == DEFAULT_COLORS["observed"]
    assert observed_style("RU", "contested", DEFAULT_COLORS)["dashArray"] != obs["dashArray"]


def test_legend_lists_exactly_what_is_shown():
    shown = Shown()
    shown.add_piece("UA", "advanced", "claimed", "unverified")
    text = legend_html(DEFAULT_COLORS, shown)
    assert "UA advanced" in text and CERTAINTY_WORDS["unverified"] in text
    assert "UA held" not in text and CERTAINTY_WORDS["claimed"] not in text and "inferred" not in text
    assert "changed in this period" not in text and "observed" not in text
    shown.add_piece("RU", "held", "inferred", "")
    assert CERTAINTY_WORDS[""] not in legend_html(DEFAULT_COLORS, shown)   # inferred land is no "map" land
    shown.changes, shown.observed = True, "observed maps (ds)"
    text = legend_html(DEFAULT_COLORS, shown)
    assert "inferred by the model" in text and "changed in this period" in text and "observed maps (ds)" in text
    observed_only = Shown()
    observed_only.add_piece("UA", "held", "observed", "")
    assert CERTAINTY_WORDS[""] in legend_html(DEFAULT_COLORS, observed_only)
    full = legend_html(DEFAULT_COLORS)
    for c in CERTAINTIES:
        assert CERTAINTY_WORDS[c] in full


def test_legend_and_textures_escape_colours():
    colors = {**DEFAULT_COLORS, "UA": '"><script>alert(1)</script>'}
    assert "<script>" not in svg_defs(colors) and "<script>" not in legend_html(colors)


@pytest.mark.parametrize("cert,hatch", [("assessed", None), ("claimed", "////"), ("unverified", "..")])
def test_matplotlib_gets_the_same_grammar(cert, hatch):
    st = mpl_style("UA", "held", "claimed", cert, DEFAULT_COLORS)
    assert st["hatch"] == hatch and st["linewidth"] > 0
    inferred = mpl_style("UA", "held", "inferred", cert, DEFAULT_COLORS)
    assert inferred["hatch"] == "xxx" and inferred["linewidth"] == 0
