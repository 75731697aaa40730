"""Report text: HTML to plain text, and sentences.

:func:`clean_text` removes tags and scripts (block tags become line breaks), decodes entities and drops
control characters; :func:`split_sentences` cuts the result into sentences, keeping abbreviations
("Jan.", "Gen.", "U.S.", "ул.") inside and cutting any run longer than :data:`MAX_SENTENCE_CHARS` at
clause marks, so the work per sentence stays bounded and extraction linear in the text.
"""

from __future__ import annotations

import html
import re

from geoclaims.errors import InvalidArgumentType

__all__ = ["clean_text", "split_sentences", "MAX_SENTENCE_CHARS"]

_TAG = re.compile(r"<(/?)(\w+)[^>]*>", re.S)
_BLOCK = {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section",
          "article", "blockquote", "header", "footer"}
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]")
_SCRIPT_OPEN = re.compile(r"<(script|style)\b", re.I)


def _drop_scripts(text: str) -> str:
    """Remove <script> and <style> elements in one pass; an unclosed one runs to the end (as in a browser).

    (A lazy regex over the whole text rescans to the end for every unclosed opening tag: quadratic.)
    """
    out, pos = [], 0
    lower = None
    while True:
        m = _SCRIPT_OPEN.search(text, pos)
        if m is None:
            out.append(text[pos:])
            break
        out.append(text[pos:m.start()])
        if lower is None:
            lower = text.lower()
        close = lower.find(f"</{m.group(1).lower()}", m.end())
        if close < 0:
            break
        gt = text.find(">", close)
        pos = len(text) if gt < 0 else gt + 1
        out.append(" ")
    return "".join(out)


def clean_text(text: str) -> str:
    """Plain text: HTML tags and scripts removed (block tags become line breaks), entities decoded,
    control characters dropped, spaces normalised.

    Examples
    --------
    >>> clean_text("<p>Russian forces <b>captured</b>&nbsp;Berdin.</p><script>x()</script>\\x07")
    'Russian forces captured Berdin.'

    Returns
    -------
    str
    """
    if not isinstance(text, str):
        raise InvalidArgumentType(f"text must be a str, got {type(text).__name__}")
    text = _drop_scripts(text)
    text = _TAG.sub(lambda m: "\n" if m.group(2).lower() in _BLOCK else "", text)
    text = html.unescape(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub("", text.replace("\t", " ").replace("\u00a0", " ").replace("\u202f", " "))
    text = re.sub(r"[ ]{2,}", " ", text)
    text = re.sub(r"(?<=[A-Za-z])[‘`´](?=s\b)", "’", text)  # "Russia‘s": a possessive typed with the wrong quote
    return re.sub(r"\n\s*\n+", "\n\n", "\n".join(line.strip() for line in text.split("\n"))).strip()


_ABBREV = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr",
    "gen", "lt", "col", "maj", "sgt", "capt", "st", "no", "vs", "etc", "approx", "km", "sq", "u.s", "u.k", "e.g",
    "i.e", "d.c", "jr", "sr", "adm", "gov", "sen", "rep", "prof", "inc", "corp", "ltd", "fig",
    "г", "гг", "ул", "пос", "с", "ст", "им", "т", "д", "км", "кв", "обл", "р", "н", "тыс", "млн", "м",
    "ім", "вул", "тис", "пгт", "смт", "просп", "див", "напр", "рис", "іст", "тов",
}
_BOUNDARY = re.compile(r"[.!?…]+[\"”’»)]*\s+(?=[\"“«(]?[A-ZА-ЯЁІЇЄҐ0-9])")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of `text` (paragraph breaks always end a sentence).

    Examples
    --------
    >>> t = "On Jan. 6 the U.S. said so. Russian forces advanced. Next"
    >>> [t[a:b] for a, b in split_sentences(t)]
    ['On Jan. 6 the U.S. said so.', 'Russian forces advanced.', 'Next']

    Returns
    -------
    list of (int, int)
    """
    spans = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        start = para.start()
        for m in _BOUNDARY.finditer(text, para.start(), para.end()):
            dot = m.start()
            word = re.search(r"([\w.]+)$", text[max(start, dot - 40):dot])  # bounded look-back: linear time
            prev = word.group(1).lower().rstrip(".") if word else ""
            if prev in _ABBREV or (len(prev) == 1 and prev.isalpha()) or re.fullmatch(r"(\w\.)+\w", prev or "-"):
                continue
            end = m.end() - len(m.group(0)) + len(m.group(0).rstrip())
            spans.append((start, end))
            start = m.end()
        if start < para.end():
            spans.append((start, para.end()))
    return [piece for a, b in spans if text[a:b].strip() for piece in _cap(text, a, b)]


#: A "sentence" longer than this is cut at clause marks (; , :) or spaces: real sentences are far
#: shorter, and the work per sentence grows with its length, so the cap keeps extraction linear.
MAX_SENTENCE_CHARS = 1500


def _cap(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """(a, b) cut into pieces of at most :data:`MAX_SENTENCE_CHARS`."""
    out = []
    while b - a > MAX_SENTENCE_CHARS:
        limit = a + MAX_SENTENCE_CHARS
        cut = max(text.rfind(ch, a + MAX_SENTENCE_CHARS // 2, limit) for ch in ";,:")
        if cut < 0:
            cut = text.rfind(" ", a + MAX_SENTENCE_CHARS // 2, limit)
        cut = cut + 1 if cut >= 0 else limit
        out.append((a, cut))
        a = cut
        while a < b and text[a].isspace():
            a += 1
    if a < b:
        out.append((a, b))
    return out

