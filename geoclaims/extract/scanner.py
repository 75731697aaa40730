"""Whole-word patterns, and a scanner that finds the first of many of them fast.

:func:`w` compiles a pattern over whole words (so Cyrillic works too) and remembers its body;
:class:`Scanner` files each alternative of such patterns under the first letters it can begin with, so
a word is tried only against the alternatives that can start it. The word lists of
:mod:`geoclaims.extract.lexicon` are long alternations, which Python's ``re`` tries in full at every
position.

Examples
--------
>>> scan = Scanner([w("captured|took"), w("advanced")])
>>> [(k, m.group(0)) for k, m in scan.finditer("They advanced and took Berdin.")]
[(1, 'advanced'), (0, 'took')]
"""

from __future__ import annotations

import re

__all__ = ["Scanner", "w"]

_BODIES: dict[str, str] = {}


def w(body: str, flags: int = re.I) -> re.Pattern:
    """A pattern over whole words."""
    rx = re.compile(r"(?<![\w'’-])(?:" + body + r")(?![\w'’])", flags)
    _BODIES[rx.pattern] = body
    return rx


def _walk(text: str, start: int = 0):
    """(index, character, group depth after it) of each character of a regular expression from `start`,
    outside escapes and character classes: what the structure of a pattern is read from."""
    depth, cls, i = 0, False, start
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if cls:
            cls = ch != "]"
        elif ch == "[":
            cls = True
        else:
            depth += (ch == "(") - (ch == ")")
            yield i, ch, depth
        i += 1


def _top_branches(body: str) -> list[str]:
    """The top-level alternatives of a regular expression."""
    out, start = [], 0
    for i, ch, depth in _walk(body):
        if ch == "|" and depth == 0:
            out.append(body[start:i])
            start = i + 1
    out.append(body[start:])
    return out


def _group_end(branch: str, i: int) -> int:
    """Index just past the group that opens at branch[i]."""
    for j, ch, depth in _walk(branch, i):
        if ch == ")" and depth == 0:
            return j + 1
    return len(branch)


_META = set("\\()[]{}|?*+.^$")


def _prefixes(branch: str, n: int = 3, limit: int = 64) -> set[str] | None:
    """The first letters (up to n, or the whole first word) a branch can start with; None if unbounded."""
    outs = {""}
    i = 0
    done: set[str] = set()
    while i < len(branch) and outs:
        ch = branch[i]
        if ch == "\\" and i + 1 < len(branch) and branch[i + 1] == "s" or ch == " ":
            done |= outs
            outs = set()
            break
        if ch == "(" and (branch.startswith("(?:", i) or branch.startswith("(?-i:", i)):
            j = _group_end(branch, i)
            inner = branch[i + 3:j - 1] if branch.startswith("(?:", i) else branch[i + 5:j - 1]
            subs: set[str] = set()
            for b in _top_branches(inner):
                got = _prefixes(b, n, limit)
                if got is None:
                    return None
                subs |= got
            optional = branch[j:j + 1] in ("?", "*")
            new = {o + x for o in outs for x in subs} | (outs if optional else set())
            if len(new) > limit:
                return None
            i = j + (1 if optional else 0)
            finished = {x for x in new if len(x) >= n}
            done |= {x[:n] for x in finished}
            outs = new - finished
            if not optional and any(len(x) < n for x in subs if x and not x[-1:].isalpha()):
                return None
            continue
        if ch == "[":
            k = branch.index("]", i + 1)
            chars = branch[i + 1:k].replace("\\", "")
            if not all(c.isalpha() or c in "'’\"“«‘»”" for c in chars) or len(chars) > 12:
                return None if not any(len(o) for o in outs) else done | outs
            optional = branch[k + 1:k + 2] in ("?", "*")
            new = {o + c.lower() for o in outs for c in chars if c.isalpha()} | (outs if optional else set())
            quote = any(not c.isalpha() for c in chars)
            if quote and not optional:
                new |= outs
            i = k + 1 + (1 if optional else 0)
        elif ch.isalpha() or ch in "'’-":
            if branch[i + 1:i + 2] in ("?", "*", "{"):
                return None if not any(outs) else done | outs
            new = {o + ch.lower() for o in outs}
            i += 1
        elif ch == "\\" and branch[i + 1:i + 2] in ("w", "d", "b", "W"):
            done |= outs
            outs = set()
            break
        else:
            done |= outs
            outs = set()
            break
        finished = {x for x in new if len(x) >= n}
        done |= {x[:n] for x in finished}
        outs = new - finished
        if len(outs) + len(done) > limit:
            return None
    done |= outs
    if "" in done:
        return None
    return done


class Scanner:
    """Finds, left to right, the first of several whole-word patterns that matches at each word start.

    Each alternative of each pattern is filed under the first letters (up to three) it can begin with;
    a word is tried only against the alternatives filed under its own first letters, in pattern order,
    so an earlier pattern wins as in one plain alternation. Python's ``re`` has no such dispatch and
    tries every alternative at every word: 10-20 times slower on these lists.
    """

    WORD = re.compile(r"(?<![\w'’-])[\w'’]+")

    def __init__(self, patterns: list[re.Pattern]) -> None:
        self.patterns = patterns
        self.branches: list[tuple[int, re.Pattern]] = []
        index: dict[str, list[int]] = {}
        always: list[int] = []
        for k, rx in enumerate(patterns):
            body = _BODIES.get(rx.pattern)
            if body is None:
                always.append(len(self.branches))
                self.branches.append((k, rx))
                continue
            tail = r"(?![\w'’])" if rx.pattern.endswith(r"(?![\w'’])") else ""
            for b in _top_branches(body):
                bi = len(self.branches)
                self.branches.append((k, re.compile(b + tail, rx.flags)))
                keys = _prefixes(b)
                if keys is None:
                    always.append(bi)
                else:
                    for key in keys:
                        index.setdefault(key, []).append(bi)
        self.index = {k: tuple(v) for k, v in index.items()}
        self.always = tuple(always)
        self._cache: dict[str, tuple[int, ...]] = {}

    def _candidates(self, head: str) -> tuple[int, ...]:
        """The alternatives a word starting with `head` (its first three letters, lower case) may start."""
        hit = self._cache.get(head)
        if hit is None:
            index = self.index
            hit = tuple(sorted(set(index.get(head[:1], ()) + index.get(head[:2], ()) + index.get(head[:3], ())
                                   + self.always)))
            self._cache[head] = hit
        return hit

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None):
        """(k, match) for each match, left to right, no overlaps."""
        end = len(text) if endpos is None else endpos
        branches, candidates = self.branches, self._candidates
        for w in self.WORD.finditer(text, pos, end):
            p = w.start()
            if p < pos:
                continue
            cands = candidates(w.group(0)[:3].lower())
            for bi in cands:
                m = branches[bi][1].match(text, p, end)
                if m is not None and m.end() > p:
                    yield branches[bi][0], m
                    pos = m.end()
                    break
