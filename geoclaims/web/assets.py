"""Assets and Jinja helpers shared by the map and page renderers: colours, offline Leaflet, raw macros.

Escaping (:func:`esc`, :func:`safe_url`, :func:`link`, :func:`script_json`) lives in the base
module :mod:`geoclaims._html`, since reprs at every stage escape text; it is re-exported here for the
renderers. Every piece of text that reaches a page from a claim, a place or a file name goes through
:func:`esc`, and data handed to scripts through :func:`script_json`.

No data is ever compiled as a template. branca's ``MacroElement.render`` puts
each rendered macro into the page as ``Element(text)``, which compiles that
text *again* as a Jinja template: a claim note reading ``{{ 7*7 }}`` would be
evaluated (and ``{{ lipsum.__globals__... }}`` would run Python). Our elements
that carry data are decorated with :func:`raw_macro`, so their output goes
into the page as plain text; and as a second wall :func:`esc` and
:func:`script_json` never emit the ``{{``, ``{%`` or ``{#`` that start a Jinja
tag, so even a renderer we do not control has nothing to evaluate.

Leaflet's JavaScript and CSS come from the ``folium-offline`` package (MIT),
which ships the exact files folium links from its CDN, keyed by their URL. We
look them up by the URLs folium itself uses, so the embedded Leaflet always
matches the folium that builds the map.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

from geoclaims._html import esc, link, safe_url, script_json
from geoclaims.errors import InvalidArgument

__all__ = ["DEFAULT_COLORS", "ASSET_MODES", "esc", "safe_url", "link", "script_json", "leaflet_assets", "use_assets",
           "write_assets", "ASSETS_DIR", "raw_macro"]

#: Colours by side, for contested land, for changes and for the outline of an observed map; maps take
#: ``colors=`` to override any.
DEFAULT_COLORS: dict[str, str] = {"UA": "#1f4fbf", "RU": "#c8102e", "contested": "#d98c00", "change": "#111111",
                                  "observed": "#7b2cbf"}
#: How pages get Leaflet: embedded in each page, shared files in ``assets/``, or the CDN (needs network).
ASSET_MODES = ("inline", "folder", "cdn")
#: Folder (relative to the pages) for ``assets="folder"``.
ASSETS_DIR = "assets"

@functools.lru_cache(maxsize=1)
def leaflet_assets() -> dict[str, tuple[str, str]]:
    """``{'leaflet.js': (cdn_url, text), 'leaflet.css': (cdn_url, text)}`` for the installed folium.

    Returns
    -------
    dict
    """
    import folium.folium as ff

    try:
        from offlinefolium.elements import _res as embedded
    except ImportError as e:  # pragma: no cover - a declared dependency
        raise ImportError("offline maps need the folium-offline package: pip install folium-offline") from e
    urls = {"leaflet.js": dict(ff._default_js)["leaflet"], "leaflet.css": dict(ff._default_css)["leaflet_css"]}
    out = {}
    for name, url in urls.items():
        text = embedded.get(url)
        if text is None:
            raise RuntimeError(f"folium-offline does not ship {url}, which this folium links; install versions "
                               "of folium and folium-offline that match (same minor version)")
        out[name] = (url, text)
    return out


def _raw(text: str) -> Any:
    """A branca element that renders `text` as is (``Element(text)`` would compile it as a Jinja template:
    slow for 150 KB of Leaflet, and a code-execution hole for any data inside)."""
    from branca.element import Element

    class Raw(Element):
        def render(self, **kwargs: Any) -> str:
            return text

    return Raw()


def _raw_macro_render(self: Any, **kwargs: Any) -> None:
    """``MacroElement.render`` without the second compilation: each macro's output goes in as text."""
    figure = self.get_root()
    module = self._template.module.__dict__
    for part in ("header", "html", "script"):
        macro = module.get(part)
        if macro is not None:
            getattr(figure, part).add_child(_raw(str(macro(self, kwargs))), name=self.get_name())
    for element in self._children.values():
        element.render(**kwargs)


def raw_macro(cls: type) -> type:
    """Class decorator: a branca ``MacroElement`` subclass whose rendered macros are never compiled again.

    Use it on every element whose macros carry data (claim text, place names, GeoJSON).
    """
    cls.render = _raw_macro_render
    return cls


def use_assets(m: Any, mode: str = "inline") -> None:
    """Make a folium map load only Leaflet, embedded, from ``assets/`` or from the CDN.

    folium links jQuery, Bootstrap and Font Awesome by default; our maps use
    none of them (popups and controls are plain Leaflet), so they are dropped.
    """
    if mode not in ASSET_MODES:
        raise InvalidArgument(f"assets={mode!r} is not valid; valid: {', '.join(ASSET_MODES)}")
    assets = leaflet_assets()
    m.default_js, m.default_css = [], []
    header = m.get_root().header
    if mode == "cdn":
        m.default_js = [("leaflet", assets["leaflet.js"][0])]
        m.default_css = [("leaflet_css", assets["leaflet.css"][0])]
    elif mode == "folder":
        header.add_child(_raw(f'<link rel="stylesheet" href="{ASSETS_DIR}/leaflet.css"/>'), name="leaflet_css")
        header.add_child(_raw(f'<script src="{ASSETS_DIR}/leaflet.js"></script>'), name="leaflet")
    else:
        header.add_child(_raw(f"<style>{assets['leaflet.css'][1]}</style>"), name="leaflet_css")
        header.add_child(_raw(f"<script>{assets['leaflet.js'][1]}</script>"), name="leaflet")


def write_assets(out_dir: Path) -> list[Path]:
    """Write Leaflet's files into ``out_dir/assets/`` (for ``assets="folder"``), atomically."""
    from geoclaims._io import atomic_write

    folder = Path(out_dir) / ASSETS_DIR
    written = []
    for name, (_url, text) in leaflet_assets().items():
        atomic_write(folder / name, text.encode("utf-8"))
        written.append(folder / name)
    return written
