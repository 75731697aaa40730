"""Words that stand for a place named before: "the village", "it", "there", "на його околицях",
"both of which", "ці населені пункти".

:class:`Antecedents` keeps the places the sentences read so far named (the last 20), and resolves
a sentence's anaphors to them: the last place named before the word in its own sentence, else the
last place an earlier sentence made a claim about. A word followed by a name ("the village of
Borki") or qualified as another one ("another village") is not an anaphor.

Examples
--------
>>> Antecedents().antecedent(10, []) is None
True
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from geoclaims.extract import discourse as ds
from geoclaims.extract import lexicon as lx
from geoclaims.extract.places import Mention
from geoclaims.extract.sentence import IT_AFTER

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.extract.sentence import Sentence, Trigger

__all__ = ["Antecedents"]

#: a plural pronoun opening a sentence whose verb is passive: the places listed just before, not troops
_THEY = re.compile(r"\s*(?:Они|Вони|They)(?![\w'’])")


class Antecedents:
    """The places named so far in a report, and the anaphors of a sentence resolved to them."""

    def __init__(self) -> None:
        self.items: list[tuple[Mention, bool]] = []  # (mention, only locates another place)
        self.last_start = 0  # where the last sentence read starts
        self.prev_start = 0  # and the one before it

    def remember(self, s: "Sentence", mentions: list[Mention], refs: set[int]) -> None:
        """Keep the sentence's named places (`refs`: the starts of those that only locate another)."""
        self.prev_start, self.last_start = self.last_start, s.start
        for m in mentions:
            if m.how not in ("anaphor", "topic"):
                self.items.append((m, m.start in refs))
        del self.items[:-20]

    def resolve(self, text: str, s: "Sentence", triggers: "list[Trigger]") -> list[Mention]:
        """The sentence's place mentions plus the words that stand for a place named before."""
        out = list(s.mentions)
        found = [(m.start(), m.end(), m.group(0)) for m in lx.ANAPHOR.finditer(s.text)]
        for t in triggers:  # "captured it", "fighting there"
            m = IT_AFTER.match(text, t.end, s.end)
            if m:
                found.append((m.start(1) - s.start, m.end(1) - s.start, m.group(1)))
        m = ds.THERE_FIRST.match(s.text)
        if m and triggers and triggers[0].start - s.start < 40:  # "Там тривають бої", "There, fighting goes on"
            found.append((m.start(1), m.end(1), m.group(1)))
        for a0, b0, word in found:
            a, b = s.start + a0, s.start + b0
            after = text[b:b + 40]
            if re.match(r"^\s*(?:of\s+)?[«\"“]?[A-ZА-ЯЁІЇЄҐ]|^\s*[-–—]\s*[A-ZА-ЯЁІЇЄҐ]", after):
                continue  # "the village of Borki", "село Горналь": the name follows
            if re.search(r"(?:^|\s)(?:a|an|one|another|other|each|every|large|small|другой|ещё|еще|ще|"
                         r"один|одного|одне|новий|новые|нових)\s+$", text[max(s.start, a - 12):a], re.I) \
                    and not re.match(r"(?:цей|этот)", word, re.I):
                continue  # "another village", "ещё одного населённого пункта": not the one named before
            if any(x.start <= a < x.end or a <= x.start < b for x in out):
                continue
            ante = self.antecedent(a, out)
            if ante is None:
                continue
            out.append(Mention(a, b, word, ante.name, ante.place_ids, "anaphor"))
        for m in lx.POSSESSIVE_ANAPHOR.finditer(s.text):  # "on its outskirts", "на його околицях"
            a = s.start + m.start(1)
            ante = self.antecedent(a, out)
            if ante is not None and not any(x.start <= a < x.end for x in out):
                out.append(Mention(a, s.start + m.end(1), m.group(1), ante.name, ante.place_ids, "anaphor"))
        plural = list(lx.PLURAL_ANAPHOR.finditer(s.text))
        they = _THEY.match(s.text)
        if they and not [x for x in out if x.how != "anaphor"] and any(
                t.voice == "passive" and t.action in ("capture", "withdraw") and t.start - s.start < 90 for t in triggers):
            plural.append(they)  # "...расположены села A, B и C. Они ранее были освобождены": the places listed before
        for m in plural:  # "both of which", "ці населені пункти"
            a = s.start + m.start()
            before = [x for x in out if x.end <= a and x.how != "anaphor"]
            if len(before) < 2:
                prev = [x for x, ref in self.items if not ref]
                before = [x for x in prev if x.start >= self.last_start][-4:]
            if 2 <= len(before) <= 6 and not any(x.start <= a < x.end for x in out):
                out.extend(Mention(a, s.start + m.end(), m.group(0), x.name, x.place_ids, "anaphor") for x in before)
        return sorted(out, key=lambda m: m.start)

    def antecedent(self, pos: int, here: list[Mention]) -> Mention | None:
        """The place a word at `pos` stands for: the last named before it in its sentence, else the
        last claimed place of the sentences before, else the last named one."""
        before = [m for m in here if m.end <= pos and m.how != "anaphor"]
        if before:
            return before[-1]
        claimed = [m for m, ref in self.items if not ref]
        if claimed:
            return claimed[-1]
        return self.items[-1][0] if self.items else None

