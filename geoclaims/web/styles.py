"""How maps show how sure they are: one visual grammar for the interactive maps, the index slider and PNGs.

Every piece of control is drawn by four things a reader sees at a glance, in colour
and in greyscale:

- **hue** says whose it is: the side's colour, amber when contested;
- **tint** says the control status: held strong, advanced lighter with a dashed edge,
  contested amber with a dotted edge;
- **texture** says how sure the claim behind it is: *assessed* (independent
  evidence) is a plain fill, *claimed* (a party's statement) diagonal stripes,
  *unverified* (a report nobody confirmed) sparse dots. The rule: the more solid,
  the surer;
- **edge** says who states it: land a claim states has an edge; land the model
  *infers* between claimed places (``tier == 'inferred'``) has none and a fine
  cross-hatch, so it never looks like a surveyed line;
- the **uncertainty band** of an inferred front (least to most a side may hold) is a
  soft wash with a dotted edge around it.

Textures are SVG patterns (:func:`svg_defs`, once per page) referenced by
``fillColor: "url(#...)"``; matplotlib gets the same grammar as hatches
(:func:`mpl_style`). No folium, no matplotlib here.

Examples
--------
>>> from geoclaims.web.assets import DEFAULT_COLORS
>>> piece_style("UA", "held", "claimed", "assessed", DEFAULT_COLORS)["fillColor"]
'#1f4fbf'
>>> piece_style("UA", "held", "claimed", "claimed", DEFAULT_COLORS)["fillColor"]
'url(#gc-stripes-UA-held)'
>>> piece_style("RU", "advanced", "inferred", "claimed", DEFAULT_COLORS)["weight"]
0
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from geoclaims.web.assets import esc

__all__ = ["CERTAINTIES", "TIERS", "MARKS", "CERTAINTY_WORDS", "TIER_WORDS", "STATUS_WORDS", "mark_of",
           "piece_style", "change_style", "observed_style", "band_style", "svg_defs", "swatch", "certainty_swatch", "Shown",
           "legend_html", "certainty_text", "mpl_style", "STATUS_TINT"]

#: Claim statuses, surest first ('' is land no claim drew: a baseline or an observed map).
CERTAINTIES = ("assessed", "claimed", "unverified")
#: Provenance tiers of a piece: a claim's own polygon, or land the model infers between claimed places.
TIERS = ("claimed", "inferred")
#: Textures: plain fill, diagonal stripes, dots, cross-hatch (inferred).
MARKS = ("solid", "stripes", "dots", "hatch")

CERTAINTY_WORDS: dict[str, str] = {
    "assessed": "assessed: independent evidence",
    "claimed": "claimed by a party, not independently verified",
    "unverified": "unverified report",
    "": "from the observed map or baseline, no claim",
}
TIER_WORDS: dict[str, str] = {
    "claimed": "stated by a claim",
    "inferred": "inferred by the model between claimed places, not stated by any claim",
}
STATUS_WORDS: dict[str, str] = {"held": "held", "advanced": "advanced into", "contested": "contested"}

#: Fill opacity by control status (plain fills; textures scale their ground from it).
STATUS_TINT: dict[str, float] = {"held": 0.5, "advanced": 0.28, "contested": 0.42}
_STATUS_DASH: dict[str, str | None] = {"held": None, "advanced": "6 4", "contested": "2 3"}
_MARK_OF_CERTAINTY = {"assessed": "solid", "": "solid", "claimed": "stripes", "unverified": "dots"}
# Legend swatches of certainty use a neutral ink, so the texture reads without a side.
_NEUTRAL = "#555555"


def mark_of(tier: str, certainty: str) -> str:
    """The texture of a piece: 'hatch' when inferred, else by the claim's status.

    Examples
    --------
    >>> mark_of("claimed", "unverified"), mark_of("inferred", "assessed")
    ('dots', 'hatch')
    """
    if tier == "inferred":
        return "hatch"
    return _MARK_OF_CERTAINTY.get(certainty or "", "solid")


def _color_key(side: str, status: str) -> str:
    return "contested" if status == "contested" else side


def _pattern_id(color_key: str, status: str, mark: str) -> str:
    return f"gc-{mark}-{color_key}-{status}"


def piece_style(side: str, status: str, tier: str, certainty: str, colors: Mapping[str, str]) -> dict[str, Any]:
    """The Leaflet path style of a piece of control (``className`` names side, status, certainty and tier).

    Returns
    -------
    dict
    """
    key = _color_key(side, status)
    color = colors[key]
    mark = mark_of(tier, certainty)
    style: dict[str, Any] = {"color": color, "opacity": 0.9, "weight": 1.3 if mark == "solid" else 1.0}
    if mark == "solid":
        style.update(fillColor=color, fillOpacity=STATUS_TINT[status])
    else:
        style.update(fillColor=f"url(#{_pattern_id(key, status, mark)})", fillOpacity=1)
    if _STATUS_DASH[status]:
        style["dashArray"] = _STATUS_DASH[status]
    if tier == "inferred":
        style["weight"] = 0  # no edge: the model's fill between claims is not a line anybody drew
    cert = certainty or "none"
    style["className"] = f"gc-poly gc-state gc-{side}-{status} gc-cert-{cert} gc-tier-{tier}"
    return style


def change_style(side: str, change: str, colors: Mapping[str, str]) -> dict[str, Any]:
    """A change of the period: a heavy outline only, never a fill, so it is never darker than held land."""
    return {"color": colors["change"], "weight": 2.6, "opacity": 1, "fillColor": colors["change"], "fillOpacity": 0,
            "className": f"gc-poly gc-change gc-{side}-{change}"}


def observed_style(side: str, status: str, colors: Mapping[str, str]) -> dict[str, Any]:
    """The observed map: outlines only (dash-dot; the grey zone dotted), to compare with the claims' fill."""
    return {"color": colors["observed"], "weight": 2.4, "opacity": 0.95, "fill": False,
            "dashArray": "2 5" if status == "contested" else "10 4 2 4",
            "className": f"gc-poly gc-observed gc-{side}-{status}"}


def band_style(side: str, colors: Mapping[str, str]) -> dict[str, Any]:
    """The uncertainty band (land between the least and the most a side may hold): a soft wash with a dotted
    edge, unlike any texture of land a side holds."""
    return {"color": colors[side], "weight": 1.2, "opacity": 0.8, "dashArray": "1 4", "lineCap": "round",
            "fillColor": colors[side], "fillOpacity": 0.1, "className": f"gc-poly gc-band gc-{side}-band"}


def _pattern(pid: str, mark: str, color: str, tint: float) -> str:
    c = esc(color)
    if mark == "stripes":
        body = (f'<rect width="8" height="8" fill="{c}" fill-opacity="{tint * 0.45:.2f}"/>'
                f'<rect width="3.2" height="8" fill="{c}" fill-opacity="{min(1.0, tint + 0.4):.2f}"/>')
        return (f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="8" height="8" '
                f'patternTransform="rotate(45)">{body}</pattern>')
    if mark == "dots":
        body = (f'<rect width="8" height="8" fill="{c}" fill-opacity="{tint * 0.3:.2f}"/>'
                f'<circle cx="4" cy="4" r="1.7" fill="{c}" fill-opacity="{min(1.0, tint + 0.45):.2f}"/>')
        return f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="8" height="8">{body}</pattern>'
    # hatch: a fine cross-hatch on a pale ground (inferred land, the uncertainty band)
    body = (f'<rect width="6" height="6" fill="{c}" fill-opacity="{tint * 0.35:.2f}"/>'
            f'<path d="M0 0L6 6M6 0L0 6" stroke="{c}" stroke-opacity="{min(1.0, tint + 0.3):.2f}" '
            f'stroke-width="0.7"/>')
    return f'<pattern id="{pid}" patternUnits="userSpaceOnUse" width="6" height="6">{body}</pattern>'


def svg_defs(colors: Mapping[str, str]) -> str:
    """One hidden ``<svg>`` with every texture the map may use (about 4 KB); patterns are found by id."""
    out = []
    for key in ("UA", "RU", "contested", "neutral"):
        color = _NEUTRAL if key == "neutral" else colors[key]
        statuses = ("contested",) if key == "contested" else ("held", "advanced") if key != "neutral" else ("held",)
        for status in statuses:
            for mark in ("stripes", "dots", "hatch"):
                out.append(_pattern(_pattern_id(key, status, mark), mark, color, STATUS_TINT[status]))
    return ('<svg class="gc-defs" aria-hidden="true" focusable="false" width="0" height="0" '
            'style="position:absolute;width:0;height:0;overflow:hidden"><defs>' + "".join(out) + "</defs></svg>")


def swatch(style: Mapping[str, Any], *, kind: str = "area") -> str:
    """A small inline SVG showing `style` (a Leaflet style) as the legend shows it.

    `kind` is 'area' (a filled box), 'line' (an outline only) or 'marker' (a claim's circle).
    """
    color = esc(style.get("color", "#333"))
    if kind == "marker":
        return (f'<svg class="gc-swatch" width="22" height="14" aria-hidden="true"><circle cx="11" cy="7" r="5" '
                f'fill="{esc(style.get("fillColor", "#fff"))}" stroke="{color}" stroke-width="2"/></svg>')
    dash = f' stroke-dasharray="{esc(style["dashArray"])}"' if style.get("dashArray") else ""
    weight = style.get("weight", 1)
    stroke = f' stroke="{color}" stroke-width="{min(float(weight), 2.5)}"{dash}' if weight else ' stroke="none"'
    if kind == "line" or style.get("fill") is False:
        fill = ' fill="none"'
    else:
        fill = f' fill="{esc(style.get("fillColor", "none"))}" fill-opacity="{style.get("fillOpacity", 1)}"'
    return (f'<svg class="gc-swatch" width="22" height="14" aria-hidden="true">'
            f'<rect x="1.5" y="1.5" width="19" height="11"{fill}{stroke}/></svg>')


@dataclass
class Shown:
    """What a map shows, so its legend lists exactly that (collect with :meth:`add_piece`)."""

    states: set[tuple[str, str]] = field(default_factory=set)
    certainties: set[str] = field(default_factory=set)
    tiers: set[str] = field(default_factory=set)
    changes: bool = False
    markers: bool = False
    observed: str = ""
    band: bool = False

    def add_piece(self, side: str, status: str, tier: str, certainty: str) -> None:
        self.states.add((side, status))
        if tier != "inferred":  # inferred land has its own texture, whatever the claims behind it
            self.certainties.add(certainty or "")
        self.tiers.add(tier)

    def update(self, other: "Shown") -> None:
        self.states |= other.states
        self.certainties |= other.certainties
        self.tiers |= other.tiers
        self.changes |= other.changes
        self.markers |= other.markers
        self.observed = self.observed or other.observed
        self.band |= other.band


def legend_html(colors: Mapping[str, str], shown: Shown | None = None) -> str:
    """The legend: control by side and status, how sure (texture), who states it (edge), and the overlays.

    Only what `shown` lists appears (all of it when None). Every label is ours; colours are escaped anyway.

    Returns
    -------
    str
        HTML.
    """
    everything = shown is None
    shown = shown or Shown()
    rows: list[str] = ['<div class="gc-legend-head">Control</div>']
    for side in ("UA", "RU"):
        for status in ("held", "advanced"):
            if everything or (side, status) in shown.states:
                rows.append(swatch(piece_style(side, status, "claimed", "assessed", colors))
                            + f"{esc(side)} {esc(status)}")
    if everything or any(st == "contested" for _, st in shown.states):
        rows.append(swatch(piece_style("UA", "contested", "claimed", "assessed", colors)) + "contested")
    certs = [c for c in CERTAINTIES if everything or c in shown.certainties]
    if "" in shown.certainties:
        certs.append("")  # pieces no claim drew: an observed map's, a baseline's
    inferred = everything or "inferred" in shown.tiers
    if certs or inferred:
        rows.append('<div class="gc-legend-head">How sure (texture)</div>')
        for c in certs:
            rows.append(certainty_swatch("claimed", c, colors) + esc(CERTAINTY_WORDS[c]))
        if inferred:
            rows.append(certainty_swatch("inferred", "assessed", colors)
                        + "no edge: inferred by the model, not stated by any claim")
    if everything or shown.band:
        rows.append(swatch(band_style("UA", colors)) + "uncertainty band (least to most held)")
    overlays = []
    if everything or shown.changes:
        overlays.append(swatch(change_style("UA", "gained", colors), kind="line") + "changed in this period")
    if everything or shown.observed:
        label = shown.observed or "observed map"
        overlays.append(swatch(observed_style("UA", "held", colors), kind="line") + f"{esc(label)} (outline)")
    if everything or shown.markers:
        overlays.append(swatch({"color": "#555", "fillColor": "#fff"}, kind="marker") + "claim (click for details)")
    if overlays:
        rows.append('<div class="gc-legend-head">On top</div>')
        rows.extend(overlays)
    return "".join(r if r.startswith("<div") else f'<div class="gc-legend-row">{r}</div>' for r in rows)


def certainty_swatch(tier: str, certainty: str, colors: Mapping[str, str]) -> str:
    """The texture of a certainty (or of inferred land) in a neutral ink, as a legend swatch (inline SVG)."""
    return swatch(piece_style("neutral", "held", tier, certainty, {**colors, "neutral": _NEUTRAL}))


def certainty_text(tier: str, certainty: str) -> str:
    """Plain words for tooltips: ``'assessed: independent evidence'``, ``'inferred by the model ...'``."""
    if tier == "inferred":
        return TIER_WORDS["inferred"]
    return CERTAINTY_WORDS.get(certainty or "", certainty)


def mpl_style(side: str, status: str, tier: str, certainty: str, colors: Mapping[str, str]) -> dict[str, Any]:
    """The same grammar as matplotlib patch keywords (hatches for textures).

    Returns
    -------
    dict
        ``facecolor``, ``edgecolor``, ``hatch``, ``linewidth``, ``linestyle`` for a
        ``PathPatch``; the hatch is drawn in ``edgecolor``.
    """
    from matplotlib.colors import to_rgba

    key = _color_key(side, status)
    color = colors[key] if key in colors else _NEUTRAL
    mark = mark_of(tier, certainty)
    tint = STATUS_TINT[status]
    face = to_rgba(color, tint if mark == "solid" else tint * 0.45)
    hatch = {"solid": None, "stripes": "////", "dots": "..", "hatch": "xxx"}[mark]
    dash = {"held": "solid", "advanced": (0, (5, 3)), "contested": (0, (1.5, 2))}[status]
    return {"facecolor": face, "edgecolor": to_rgba(color, 0.95), "hatch": hatch,
            "linewidth": 0 if tier == "inferred" else (1.0 if mark == "solid" else 0.8), "linestyle": dash}
