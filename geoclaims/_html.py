"""HTML escaping for every stage: text that reaches a page or a Jupyter view from a claim, a place
or a file name.

Every such piece of text goes through :func:`esc` (or is set with ``textContent`` by our scripts),
and only ``http(s)`` URLs become links (:func:`safe_url`, :func:`link`). Data handed to scripts goes
through :func:`script_json`, which cannot close a ``<script>`` element. :func:`esc` and
:func:`script_json` never emit the ``{{``, ``{%`` or ``{#`` that start a Jinja tag, so even a
renderer that compiles its output again as a template has nothing to evaluate (see
:mod:`geoclaims.web.assets` for the other wall, ``raw_macro``).

A base module: reprs at every stage escape text, so it imports nothing of geoclaims.
"""

from __future__ import annotations

import html
import json
import re
from typing import Any
from urllib.parse import urlsplit

__all__ = ["esc", "safe_url", "link", "script_json"]

# Characters html.escape leaves alone but that break out of a JavaScript template literal
# (folium builds some scripts with backticks) or are invisible line breaks in JS strings.
# Braces too: they start Jinja tags ({{ {% {#), and no page of ours needs them literal in data.
_EXTRA = str.maketrans({"`": "&#96;", "$": "&#36;", "\\": "&#92;", "\u2028": "&#8232;", "\u2029": "&#8233;",
                        "{": "&#123;", "}": "&#125;"})
# In JSON text a structural "{" is always followed by '"' or '}', so a "{" followed by "{", "%" or "#"
# is inside a string: the start of a template tag, written as a \u escape instead.
_TAG_START = re.compile(r"\{(?=[{%#])")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def esc(value: Any) -> str:
    """Text as HTML that displays it literally, safe in elements, attributes and JS template literals.

    Examples
    --------
    >>> esc('<img src=x onerror="alert(1)"> `${x}`')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &#96;&#36;&#123;x&#125;&#96;'
    >>> esc("{{ 7*7 }}")
    '&#123;&#123; 7*7 &#125;&#125;'

    Returns
    -------
    str
    """
    if value is None:
        return ""
    return html.escape(_CONTROL.sub("", str(value)), quote=True).translate(_EXTRA)


def safe_url(url: Any) -> str | None:
    """`url` if it is an absolute ``http``/``https`` URL with a host, else None.

    Examples
    --------
    >>> safe_url("https://isw.pub/x?a=1"), safe_url("javascript:alert(1)"), safe_url(" JaVaScRiPt:x")
    ('https://isw.pub/x?a=1', None, None)

    Returns
    -------
    str or None
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url


def link(url: Any, text: Any = None) -> str:
    """An escaped ``<a>`` for http(s) URLs; anything else comes back as escaped plain text.

    Examples
    --------
    >>> link("https://example.org/a", "source")
    '<a href="https://example.org/a" target="_blank" rel="noopener noreferrer nofollow">source</a>'
    >>> link("javascript:alert(1)")
    'javascript:alert(1)'

    Returns
    -------
    str
    """
    ok = safe_url(url)
    if ok is None:
        return esc(url)
    label = text if text not in (None, "") else (urlsplit(ok).hostname or ok)
    return f'<a href="{esc(ok)}" target="_blank" rel="noopener noreferrer nofollow">{esc(label)}</a>'


def script_json(value: Any) -> str:
    """JSON that is safe inside ``<script>``: ``<``, ``>``, ``&`` and line separators escaped.

    Examples
    --------
    >>> script_json({"n": "</script><b>"})
    '{"n":"\\\\u003c/script\\\\u003e\\\\u003cb\\\\u003e"}'
    >>> script_json({"n": "{{ 7*7 }} {% x %}"})
    '{"n":"\\\\u007b{ 7*7 }} \\\\u007b% x %}"}'

    Returns
    -------
    str
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return _TAG_START.sub(r"\\u007b", text) if "{" in text else text
