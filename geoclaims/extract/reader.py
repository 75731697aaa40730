"""Reading a report sentence by sentence: which places are claimed, by whom, for which side, and how.

A sentence is read in three steps:

1. **Cues**: place mentions (:mod:`~geoclaims.extract.places`), words standing for a place named before
   ("the village", "населенный пункт", "це місто"), sides ("Russian forces", "ВСУ", "the enemy", "our
   units", "They"), actions (:data:`~geoclaims.extract.lexicon.TRIGGERS`), attacks, negations, intents,
   denials, hedges, the claimant, dates and figures.
2. **Attachment**: each place goes to the action that governs it: a passive or "under control" phrase
   right after it ("X was captured", "X перешел под контроль"), else the nearest action before it, else
   the first one after it in the same clause ("В Судже начались бои"). Places in a list share the
   qualifier of the first ("in the areas of A, B and C" are all ``near``); names that only locate
   are dropped (:func:`~geoclaims.extract.qualifiers.qualifier`).
3. **The claim**: the side is the subject of an active verb (the nearest side before it), the agent of
   a passive one ("by Russian forces", "российскими военными"), the side named in "under Ukrainian
   control", the subject carried from the previous sentence for "They", "Они", "Вони", else the
   claimant's own side. "The enemy" is the opponent of the claimant, "our units" the claimant's side.
   A repelled attack is a claim about the attacker; fighting (``contest``) is about the side that does
   not own the land, unless a share of the place is given ("60% of Vovchansk": the side that holds
   it). Attempts ("trying to capture"), negations ("did not enter") and denied statements give no claim.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from geoclaims.claims import other_side
from geoclaims.extract import lexicon as lx
from geoclaims.extract.claimants import ATTRIBUTION, Claimant, find_claimant
from geoclaims.extract.confidence import features, score
from geoclaims.extract.dates import Date, find_dates
from geoclaims.extract.figures import AREA_UNIT, area_basis, find_areas, find_depth, find_shares
from geoclaims.extract.places import Mention, PlaceFinder, nominative_guesses
from geoclaims.extract.qualifiers import qualifier
from geoclaims.extract.results import CandidateClaim, Extraction, UnknownName
from geoclaims.extract.text import split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.gazetteer import Gazetteer

__all__ = ["Reader", "MAX_CANDIDATES"]

#: Candidates kept per document; past this the report is cut with a warning (a real report makes dozens).
MAX_CANDIDATES = 5000

_UK = re.compile(r"[іїєґІЇЄҐ]")
_CYR = re.compile(r"[А-Яа-яЁёІіЇїЄєҐґ]")
_REGION_ADJ = re.compile(r"(?<!\w)(?P<r>[А-ЯІЇЄA-Z][\w'’-]*(?:ск|цк|зьк|ськ|цьк|sk|sky|skiy|sky|ska)\w*\s+"
                         r"(?:район\w*|направлени\w+|напрям\w*|district|raion|direction|axis|sector|громад\w*|"
                         r"округ\w*))")
_PASSIVE_LINK = re.compile(r"^(?:\s*(?:,|and|и|і|та|й|also|both|already|now|fully|completely|полностью|повністю|уже|"
                           r"вже|также|тоже|теж|ще|which|that|who|который|которая|которые|яка|який|які|що|has|had|"
                           r"have|was|were|is|are|been|reportedly|officially|officially|finally|\w+ly)\s*)*$", re.I)
_AGENT = re.compile(r"^\s*(?:,\s*)?(?:by|силами|з\s+боку|со\s+стороны|руками)?\s*$", re.I)
_INSTRUMENTAL = re.compile(r"^\s*(?:российски\w+|российскими|украинскими|українськими|російськими|\w+ими|\w+ыми)\b",
                           re.I)
_OWNER_SIDE = {"UA": "UA", "RU": "RU"}
_REMAINS = re.compile(r"(?:remain|remains|remained|still|остается|остаётся|залишається|залишаються)\s+(?:\w+\s+){0,2}$",
                      re.I)
_CLAIMED = re.compile(r"(?<!\w)(?:alleged(?:ly)?|claim(?:ed|s)?|purported(?:ly)?|утверждает|заявил\w*|стверджу\w*|"
                      r"заяви\w*)(?!\w)", re.I)
_COUNTRY = re.compile(r"(?<![\w-])(?P<c>Ukraine|Ukrainian|Kyiv|Украин\w+|Україн\w+|Russia|Russian|Moscow|Росси\w+|"
                      r"Росі\w+|Российск\w+|Російськ\w+)", re.I)


def _adjective_forms(word: str) -> list[str]:
    """"Запорожском" -> "Запорожская", "Запорожский": the nominatives a region table knows."""
    m = re.match(r"(.+?(?:ськ|ск|цьк|зьк|цк))\w*$", word, re.I)
    if not m:
        return []
    stem = m.group(1)
    return [stem + e for e in ("ая", "ий", "а", "ой")]


def _country_side(text: str) -> str | None:
    m = _COUNTRY.search(text)
    if not m:
        return None
    return "UA" if m.group("c").lower().startswith(("ukr", "kyiv", "укр", "укра", "україн")) else "RU"


_IT = re.compile(r"\s+(it|there|там|туди|туда)(?!\w)", re.I)
_BOTH_OF_WHICH = re.compile(r"(?<!\w)(?:both\s+of\s+which|both\s+of\s+them|обидва|оба\s+(?:населенных|села))(?!\w)", re.I)
_BREAK_THROUGH = re.compile(r"(?:прорват|прорвать|пробит|пробиться|прорыв|прорив|break)", re.I)
_LIBERATE = re.compile(r"(?:освобо|звільн|liberat|free)", re.I)
#: a side named right after these words is an object or attribute, not a subject: "в обороне ВСУ", "against Russian"
_OBJECT_BEFORE = re.compile(r"(?:оборон\w*|позици\w*|позиці\w*|positions?|defen[cs]es?|lines?|атак\w*|штурм\w*|"
                            r"attacks?|assaults?|against|проти|против|from|of|by|з|від|от|из|стримувати|сдерживать|"
                            r"витіснити|вытеснить|витіснили|вытеснили|expel\w*|drove|driven|pushed|out|"
                            r"з\s+боку|со\s+стороны|push|подразделений|підрозділів|units\s+of)\s+(?:the\s+)?$", re.I)
_PART_NOUN = re.compile(r"(?:industrial\s+zone|airport|outskirts|промышленн\w+\s+зон\w+|промзон\w+|аэропорт\w*|"
                        r"окраин\w+|промзон\w+|аеропорт\w*|околиц\w+)\b[^.;]{0,40}$", re.I)
_ATTACK_NOUN = re.compile(r"(?:attack|assault|intensification|атак|штурм)", re.I)
#: a sentence that goes on with the list of the one before: "Наиболее крупные из них — A, B", "Among them: A, B"
_LIST_GOES_ON = re.compile(r"^[^.;]{0,60}?(?:из\s+них|з\s+них|серед\s+них|среди\s+них|among\s+them|of\s+them|"
                           r"including|в\s+том\s+числе|зокрема|в\s+частности)\s*(?:[—:–-]|,)?", re.I)
_DATELINE = re.compile(r"[«\"]?([A-ZА-ЯЁІЇЄҐ][\w'’-]+)[.,]?\s*(?:[.,]\s*\d{1,2}\b|\d{1,2}\s+\w+|\w+\s+\d{1,2}\s*\(|"
                       r"\(\w+\)|[—–-]\s)")
_QUOTED = re.compile(r"[«»“”„\"]")
_FROM_SIDE = re.compile(r"(?<!\w)(?:від|от|from)\s+(?:the\s+)?$", re.I)
_RELATIVE = re.compile(r"^\s*,?\s*(?:which|that|whom|яку|який|яке|які|котру|которую|который|которое|которые|что|що)\s+"
                       r"(?:[\w'’-]+\s+){0,4}$", re.I)
#: a sentence that goes on with what the paragraph before reported: a quote, "It added", "По его словам"
_CONTINUES = re.compile(r"^\s*(?:[\"“«„'‘]|(?-i:[a-zа-яіїєґ])|(?:It|He|She|They|The\s+(?:ministry|agency|report|statement))\s+"
                        r"(?:added|said|noted|reported|also)|(?:По\s+(?:его|ее|её|их)\s+словам|За\s+(?:його|її|їхніми)\s+"
                        r"словами|Также|Також|Кроме\s+того|Крім\s+того|Он|Она|Он\s+добавил|Він|Вона)\b)", re.I)
_ATTRIBUTION_ONLY = re.compile(r"^\s*(?:Об\s+этом|Про\s+це|Это|This\s+was|That\s+was|It\s+was\s+(?:reported|announced)|"
                               r"The\s+information\s+was|Как\s+сообщ|Як\s+повідом|Такі\s+дані|Такие\s+данные)", re.I)


@dataclass(slots=True)
class _Trigger:
    action: str
    voice: str
    start: int
    end: int
    text: str
    blocked: str = ""      # why it gives no claim: negated | intent | denied | standing | hypothetical
    force_near: bool = False
    side: str | None = None
    how: str = ""          # how the side was found


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    paragraph: int
    text: str
    mentions: list[Mention] = field(default_factory=list)
    regions: list[tuple[int, int, str]] = field(default_factory=list)
    claimant: Claimant | None = None
    dates: list[Date] = field(default_factory=list)
    hedged: bool = False
    subject: str | None = None  # the side this sentence's actions are about (for "They" next)
    side_cues: list = field(default_factory=list)  # (k, match) of lexicon.SIDES
    triggers: list = field(default_factory=list)


class Reader:
    """Reads one cleaned report text into an :class:`~geoclaims.extract.Extraction`."""

    def __init__(self, text: str, published: dt.date | None, region: str, source_url: str, gaz: "Gazetteer") -> None:
        self.text, self.published, self.region, self.source_url, self.gaz = text, published, region, source_url, gaz
        self.finder = PlaceFinder(gaz)
        self.claims: list[CandidateClaim] = []
        self.unknown: list[UnknownName] = []
        self.skipped: list[tuple[str, str]] = []
        self.regions: list[str] = []
        self.last_date: dict[str, tuple[str, bool]] = {}
        self.n = 0
        self.antecedents: list[tuple[Mention, bool]] = []  # (mention, only locates)
        self.doc_side: str | None = None
        self._last_trigger: _Trigger | None = None
        #: id(candidate) -> its confidence features (for calibration: benchmarks/calibrate_extract.py)
        self.features: dict[int, dict[str, float]] = {}
        self.doc_country = ""

    # -- the whole report ---------------------------------------------------------------------------
    def run(self) -> Extraction:
        spans = split_sentences(self.text)
        sents = self._analyse(spans)
        names = {n for s in sents for m in s.mentions if m.known for n in (m.name, *m.options)}
        self.oblasts = self._oblasts(sents)
        self.resolved = self._resolve(names)
        countries = [self.resolved[n][0].country for n in names if n in self.resolved]
        countries += [r.country for r in self.oblasts.values()]
        if self.region:
            from geoclaims.regions import RegionTable, resolve_country

            code = resolve_country(self.region)
            if not code:
                found = RegionTable.default().resolve(self.region)
                code = found[0].country if found else ""
            self.doc_country = code or ""
        if not self.doc_country and countries:
            self.doc_country = max(set(countries), key=countries.count)
        sides = [s.claimant.side for s in sents if s.claimant and s.claimant.side in ("UA", "RU")]
        self.doc_side = sides[0] if sides else ("UA" if re.search(r"окупант|оккупант|рашист|ворог", self.text, re.I)
                                               else None)
        for k, s in enumerate(sents):
            self._carry_claimant(sents, k)
        for k, s in enumerate(sents):
            before = len(self.claims)
            self._sentence(s, sents[k - 1] if k else None)
            if s.hedged and len(self.claims) == before:
                self._downgrade_paragraph(s)
            if len(self.claims) > MAX_CANDIDATES:
                rest = self.text[s.end:s.end + 60].strip()
                msg = (f"more than {MAX_CANDIDATES} candidate claims: stopped reading at character {s.end:,} "
                       f"of {len(self.text):,}" + (f" ({rest!r}...)" if rest else "") + "; split the document")
                warnings.warn(msg, UserWarning, stacklevel=4)
                self.skipped.append(("", msg))
                del self.claims[MAX_CANDIDATES:]
                break
        return Extraction(self.text, tuple(self.claims), tuple(self.unknown), tuple(self.skipped), self.published,
                          tuple(dict.fromkeys(self.regions)))

    def _analyse(self, spans: list[tuple[int, int]]) -> list[_Sentence]:
        out, paragraph, prev_end = [], 0, 0
        for a, b in spans:
            if "\n\n" in self.text[prev_end:a]:
                paragraph += 1
            prev_end = b
            s = self.text[a:b]
            sent = _Sentence(a, b, paragraph, s)
            sent.triggers = self._triggers(sent)
            known, regions = self.finder.find(self.text, a, b)
            regions += [(a + m.start("r"), a + m.end("r"), m.group("r")) for m in _REGION_ADJ.finditer(s)]
            known = [m for m in known if not any(x <= m.start < y for x, y, _ in regions)]
            sent.regions = regions
            busy = bool(sent.triggers) or bool(AREA_UNIT.search(s))
            if not busy and not ATTRIBUTION.search(s) and not lx.HEDGE.search(s):
                sent.mentions = known  # no action, no figure, no one speaks: only names to remember
                out.append(sent)
                continue
            unknown = self.finder.unknown(self.text, a, b, known) if busy else []
            sent.claimant = find_claimant(s)
            c = sent.claimant
            if c is not None and c.start >= 0 and c.status == "claimed" and any(
                    a + c.start < m.end and m.start < a + c.end for m in known + unknown):
                sent.claimant = None  # "Sudzha, reports say": a place, not who speaks
            sent.side_cues = list(lx.SIDE_SCAN.finditer(s))
            blocked = [(a + m.start(), a + m.end()) for _, m in sent.side_cues]
            if sent.claimant and sent.claimant.start >= 0:
                blocked.append((a + sent.claimant.start, a + sent.claimant.end))
            dateline = _DATELINE.match(self.text, a, b) if (a == 0 or self.text[a - 1] == "\n") else None
            if dateline:  # "МОСКВА, 18 ноя — РИА Новости.", "KYIV, May 20 (Reuters) -": where it was filed
                blocked.append((a, a + dateline.end(1) - dateline.start(1)))
            sent.mentions = sorted((m for m in known + unknown if not any(x <= m.start < y for x, y in blocked)),
                                   key=lambda m: m.start)
            sent.dates = find_dates(s, self.published, a)
            sent.hedged = bool(lx.HEDGE.search(s))
            out.append(sent)
        return out

    def _carry_claimant(self, sents: list[_Sentence], k: int) -> None:
        """A sentence that names no claimant takes the next sentence's ("Об этом сообщил X") or the last one's."""
        s = sents[k]
        if s.claimant is not None:
            return
        for later in sents[k + 1:k + 4]:  # '"... We have entered X," Syniehubov said.'
            if later.paragraph != s.paragraph:
                break
            if later.claimant is not None and later.claimant.start >= 0 and re.search(
                    r"[\"”»]", self.text[s.start:later.start + later.claimant.start]) and re.match(
                    r"^\s*[\"“«„]", s.text if s.text.lstrip()[:1] in "\"“«„" else self.text[self._para_start(s):s.start]):
                s.claimant = replace(later.claimant, start=-1, end=-1)
                return
        nxt = sents[k + 1] if k + 1 < len(sents) else None
        if nxt and nxt.claimant and nxt.paragraph == s.paragraph and (
                _ATTRIBUTION_ONLY.match(nxt.text) or not nxt.mentions and ATTRIBUTION.search(nxt.text)):
            s.claimant = replace(nxt.claimant, start=-1, end=-1)
            return
        for prev in reversed(sents[max(0, k - 3):k]):
            if prev.paragraph != s.paragraph and not _CONTINUES.match(s.text):
                return
            if prev.claimant is not None:
                s.claimant = replace(prev.claimant, start=-1, end=-1, explicit=False)
                return

    def _para_start(self, s: _Sentence) -> int:
        k = self.text.rfind("\n\n", 0, s.start)
        return 0 if k < 0 else k + 2

    def _oblasts(self, sents: list[_Sentence]) -> dict[str, Any]:
        """Oblasts the report names ("Курской области", "Kharkiv region", "Донецкой Народной Республике")."""
        from geoclaims.errors import GeoclaimsError
        from geoclaims.regions import RegionTable

        table = RegionTable.default()
        out: dict[str, Any] = {}
        for s in sents:
            for _, _, phrase in s.regions:
                first = phrase.split()[0] if phrase.split() else ""
                for text in (phrase, first, *_adjective_forms(first)):
                    if not text or len(text) < 4:
                        continue
                    try:
                        found = table.resolve(text)
                    except GeoclaimsError:
                        continue
                    if len(found) == 1:
                        out[found[0].name] = found[0]
                        break
        return out

    def _resolve(self, names) -> dict[str, tuple[Any, tuple[str, ...], bool]]:
        from geoclaims.geocoding import settle_by_proximity

        resolved, chosen = {}, {}
        oblasts = sorted(self.oblasts)
        for name in names:
            r = self.gaz.resolve(name, region=self.region or None) if self.region else self.gaz.resolve(name)
            if r.best is None and self.region:
                r = self.gaz.resolve(name)
            if r.best is not None and (r.ambiguous or len(r.matches) > 1) and oblasts and not self.region:
                inside = self.gaz.resolve(name, region=oblasts)  # the oblasts the report names settle it
                if inside.best is not None and inside.best.score >= r.best.score - 0.05:
                    r = inside
            if r.best is None:
                continue
            resolved[name] = r
            chosen[name] = (r.best, r.ambiguous, "")
        settle_by_proximity(resolved, chosen)
        out = {}
        for name, (match, ambiguous, _note) in chosen.items():
            others = tuple(m.place.id for m in resolved[name].competitors if m.place.id != match.place.id) \
                if ambiguous else ()
            out[name] = (match.place, others, ambiguous)
        return out

    def _downgrade_paragraph(self, s: _Sentence) -> None:
        """"We could not verify the claims." makes the paragraph's claimed statements unverified."""
        for i in range(len(self.claims) - 1, -1, -1):
            c = self.claims[i]
            if c.span[0] < s.start - 2000 or self.text.count("\n\n", c.span[0], s.start):
                break
            if c.status == "claimed":
                feats = dict(self.features.get(id(c), {}))
                feats.pop("status:claimed", None)
                feats["status:unverified"] = 1.0
                self.claims[i] = self._scored(replace(c, status="unverified",
                                                      note=c.note + " (not verified, says the report)"), feats)

    # -- one sentence -------------------------------------------------------------------------------
    def _sentence(self, s: _Sentence, prev: _Sentence | None) -> None:
        for r in s.regions:
            self.regions.append(r[2])
        triggers = s.triggers
        has_area = bool(AREA_UNIT.search(s.text))
        claimant = s.claimant
        if claimant and s.dates and (claimant.start >= 0 or not triggers):
            self._date(s.dates, claimant.name)  # "ISW said on Jan. 6 ...": dates what that claimant says next
        mentions = self._with_anaphors(s, triggers)
        who = claimant.name if claimant else "unattributed"
        cside = claimant.side if claimant else "neutral"
        persp = cside if cside in ("UA", "RU") else self.doc_side
        sides = self._sides(s, persp)
        if not triggers and not has_area and mentions and prev is not None and self._last_trigger and \
                _LIST_GOES_ON.match(s.text):
            triggers = [replace(self._last_trigger, start=s.start, end=s.start)]  # "Наиболее крупные из них — A, B"
        if not triggers and not has_area:
            s.subject = self._first_side(sides) or (prev.subject if prev else None)
            self._remember(s, mentions, refs=set())
            return
        quote = " ".join(s.text.split())
        for t in triggers:
            self._side_for(t, s, sides, prev, persp)
        status = self._status(s, claimant)
        date_text, explicit = self._date(s.dates, who)
        if has_area:
            self._areas(s, quote, sides, triggers, who, cside, status, date_text, persp)
        if not mentions:
            mentions = self._topic(s, triggers, prev)
        refs: set[int] = set()
        made = self._claims(s, mentions, triggers, quote, who, cside, status, date_text, explicit, refs)
        live = [t for t in triggers if not t.blocked and t.side and t.action in ("capture", "advance", "withdraw")]
        self._last_trigger = live[-1] if live else None
        self._depth(s, mentions, triggers, quote, who, cside, status, date_text)
        subj = [t.side for t in triggers if t.side and t.how in ("subject", "agent", "held", "carried")
                and t.action != "repelled"]
        s.subject = subj[-1] if subj else (self._first_side(sides) or (prev.subject if prev else None))
        self._remember(s, mentions, refs)
        if not made and triggers and not mentions and not has_area and any(not t.blocked for t in triggers) \
                and any(t.side for t in triggers):
            self.skipped.append((quote, "no place the gazetteer knows"))

    def _topic(self, s: _Sentence, triggers: list[_Trigger], prev: _Sentence | None) -> list[Mention]:
        """"...тримають оборону та не дають противнику просунутися далі": the place the last sentence named."""
        if prev is None or not any(t.action == "repelled" and not t.blocked for t in triggers):
            return []
        named = [m for m, ref in self.antecedents[-4:] if not ref and m.start >= prev.start]
        if len({m.name for m in named}) != 1:
            return []
        t = next(t for t in triggers if t.action == "repelled" and not t.blocked)
        m = named[-1]
        return [Mention(t.start, t.end, t.text, m.name, m.place_ids, "topic")]

    def _first_side(self, sides: list[tuple[int, int, str, bool]]) -> str | None:
        subjects = [x for x in sides if not x[3]]
        return subjects[0][2] if subjects else None

    def _remember(self, s: _Sentence, mentions: list[Mention], refs: set[int]) -> None:
        for m in mentions:
            if m.how not in ("anaphor", "topic"):
                self.antecedents.append((m, m.start in refs))
        del self.antecedents[:-20]

    def _with_anaphors(self, s: _Sentence, triggers: list[_Trigger]) -> list[Mention]:
        """The sentence's place mentions plus the words that stand for a place named before."""
        out = list(s.mentions)
        found = [(m.start(), m.end(), m.group(0)) for m in lx.ANAPHOR.finditer(s.text)]
        for t in triggers:  # "captured it", "fighting there"
            m = _IT.match(self.text, t.end, s.end)
            if m:
                found.append((m.start(1) - s.start, m.end(1) - s.start, m.group(1)))
        for a0, b0, word in found:
            a, b = s.start + a0, s.start + b0
            after = self.text[b:b + 40]
            if re.match(r"^\s*(?:of\s+)?[«\"“]?[A-ZА-ЯЁІЇЄҐ]|^\s*[-–—]\s*[A-ZА-ЯЁІЇЄҐ]", after):
                continue  # "the village of Borki", "село Горналь": the name follows
            if re.search(r"(?:^|\s)(?:a|an|one|another|other|each|every|large|small|другой|ещё|еще|ще|"
                         r"один|одного|одне|новий|новые|нових)\s+$", self.text[max(s.start, a - 12):a], re.I) \
                    and not re.match(r"(?:цей|этот)", word, re.I):
                continue  # "another village", "ещё одного населённого пункта": not the one named before
            if any(x.start <= a < x.end or a <= x.start < b for x in out):
                continue
            ante = self._antecedent(a, out)
            if ante is None:
                continue
            out.append(Mention(a, b, word, ante.name, ante.place_ids, "anaphor"))
        for m in _BOTH_OF_WHICH.finditer(s.text):  # "..., both of which are now under Ukrainian control"
            a = s.start + m.start()
            before = [x for x in out if x.end <= a and x.how != "anaphor"][-2:]
            if len(before) == 2:
                out.extend(Mention(a, s.start + m.end(), m.group(0), x.name, x.place_ids, "anaphor") for x in before)
        return sorted(out, key=lambda m: m.start)

    def _antecedent(self, pos: int, here: list[Mention]) -> Mention | None:
        before = [m for m in here if m.end <= pos and m.how != "anaphor"]
        if before:
            return before[-1]
        claimed = [m for m, ref in self.antecedents if not ref]
        if claimed:
            return claimed[-1]
        return self.antecedents[-1][0] if self.antecedents else None

    # -- cues ---------------------------------------------------------------------------------------
    def _triggers(self, s: _Sentence) -> list[_Trigger]:
        found: list[_Trigger] = []
        for k, m in lx.TRIGGER_SCAN.finditer(s.text):
            action, voice = lx.TRIGGERS[k][:2]
            word = m.group(0)
            if action == "withdraw" and word.lower() in ("left", "leave") and not re.match(
                    r"\s+(?:the\s+(?:city|town|village|settlement)|[A-ZА-Я])", s.text[m.end():]):
                continue
            if action == "withdraw" and word.lower() == "left" and re.match(r"\s+(?:bank|flank|side)", s.text[m.end():]):
                continue
            if action == "repelled" and word.lower().startswith(("відбил", "отбил")) and not re.search(
                    r"атак|штурм|наступ|спроб|попыт|контратак|attack", s.text[m.end():m.end() + 60], re.I):
                found.append(_Trigger("capture", "active", s.start + m.start(), s.start + m.end(), word))
                continue  # "відбили село": took it back
            if action == "capture" and voice == "active" and re.match(r"[-–]", s.text[m.start() - 1:m.start()]):
                continue  # "Russian-occupied"
            found.append(_Trigger(action, voice, s.start + m.start(), s.start + m.end(), word))
        found.sort(key=lambda t: t.start)
        if any(t.action == "repelled" for t in found):  # "repelled 10 attacks against X": one statement
            found = [t for t in found if not (t.action == "contest" and _ATTACK_NOUN.match(t.text))]
        for t in found:
            head = self.text[max(s.start, t.start - 60):t.start]
            tail = self.text[t.end:min(s.end, t.end + 25)]
            if t.voice == "held" and re.match(r"(?:remain|still|остается|остаётся|залишається|залишаються)", t.text, re.I):
                t.blocked = "standing"  # "which remains under Russian control": no change
            elif lx.INTENT.search(head) and t.action != "repelled":
                if (t.action == "advance" and _BREAK_THROUGH.match(t.text) or t.action == "contest") and not any(
                        x.action == "repelled" for x in found):
                    t.action, t.voice = "contest", "active"  # "намагаються прорватися через X": an attack
                    t.force_near = True
                else:
                    t.blocked = "intent"
            elif lx.NEGATION.search(head[-25:]) and t.action != "repelled":
                t.blocked = "negated"
            elif t.voice == "nominal" and re.match(r"\W*(?:[\w'’-]+\s+){0,2}(?:would|could|will|may|might)\b",
                                                   tail, re.I):
                t.blocked = "hypothetical"  # "The loss of Toretsk would be another blow"
            den = lx.DENIAL.search(self.text, s.start, t.start)
            if den and not re.search(r"\b(?:but|and\s+said|saying|однако|но|але|проте)\b",
                                     self.text[den.end():t.start], re.I):
                t.blocked = "denied"
        return found

    def _sides(self, s: _Sentence, persp: str | None) -> list[tuple[int, int, str, bool]]:
        """(start, end, side, object-like) of every side named in the sentence."""
        out = []
        for k, m in s.side_cues:
            side = lx.SIDES[k][0]
            if True:
                a, b = s.start + m.start(), s.start + m.end()
                if s.claimant and s.claimant.start >= 0 and s.start + s.claimant.start <= a < s.start + s.claimant.end:
                    continue
                if side == "ENEMY":
                    side2 = other_side(persp) if persp else None
                elif side == "OUR" and re.match(r"(?:its|their|his)\b", m.group(0), re.I):
                    country = None
                    for c in _COUNTRY.finditer(s.text, 0, m.start()):
                        country = _country_side(c.group(0))
                    side2 = country or persp
                elif side == "OUR":
                    side2 = persp
                else:
                    side2 = side
                if side2:
                    word = self.text[max(s.start, a - 30):a]
                    out.append((a, b, side2, bool(_OBJECT_BEFORE.search(word))))
        out.sort()
        keep: list[tuple[int, int, str, bool]] = []
        for x in out:
            if keep and x[0] < keep[-1][1]:
                if x[1] - x[0] > keep[-1][1] - keep[-1][0]:
                    keep[-1] = x
                continue
            keep.append(x)
        return keep

    def _side_for(self, t: _Trigger, s: _Sentence, sides, prev: _Sentence | None, persp: str | None) -> None:
        text = self.text
        in_trigger = [x for x in sides if t.start <= x[0] < t.end]
        after = [x for x in sides if x[0] >= t.end]
        before = [x for x in sides if x[1] <= t.start and ";" not in text[x[1]:t.start] and not x[3]]
        if t.voice == "held":
            adj = re.search(r"Russian|Ukrainian|российск|украинск|російськ|українськ|России|РФ|Украины|України|ЗСУ|ВСУ",
                            t.text, re.I)
            if adj:
                word = adj.group(0).lower()
                t.side, t.how = ("UA" if word.startswith(("ukr", "укр", "україн", "зсу", "всу")) else "RU"), "held"
                return
            if in_trigger:
                t.side, t.how = in_trigger[0][2], "held"
                return
            if after and after[0][0] - t.end < 40:
                t.side, t.how = after[0][2], "held"
                return
        if t.voice in ("passive", "nominal", "held") and after and after[0][0] - t.end < 60 and (
                _AGENT.match(text[t.end:after[0][0]]) or _INSTRUMENTAL.match(text[after[0][0]:after[0][1]])
                or _FROM_SIDE.search(text[t.end:after[0][0]])
                or t.voice == "nominal" and after[0][0] - t.end < 40):
            side = after[0][2]
            if _FROM_SIDE.search(text[t.end:after[0][0]]):
                side = other_side(side)  # "звільнення Суджі від російських військових": freed from them
            if t.action == "repelled":
                t.side, t.how = side, "attack"  # "отражены атаки ВСУ": the attacker
            else:
                t.side, t.how = side, "agent"
            return
        if t.action == "repelled":
            attack = self._attack_side(t, s, sides, persp)
            if attack:
                t.side, t.how = attack, "attack"
                return
        if before and t.action == "repelled" and t.voice == "passive":
            t.side, t.how = before[-1][2], "attack"  # "Russian forces attempted an assault, which failed"
            return
        if before and (t.voice in ("active", "held", "control", "nominal") or t.action == "withdraw"):
            side = before[-1][2]
            t.side, t.how = (other_side(side) if t.action == "repelled" else side), "subject"
            return
        pronoun = lx.PRONOUN_SUBJECT.search(text, s.start, t.start)
        neutral_voice = not s.claimant or s.claimant.start < 0 or s.claimant.status == "assessed"
        if prev is not None and prev.subject and (pronoun or not [x for x in sides if not x[3]] and neutral_voice):
            side = prev.subject
            t.side, t.how = (other_side(side) if t.action == "repelled" else side), "carried"
            return
        if t.action in ("capture", "advance") and _LIBERATE.match(t.text):
            lang = "uk" if _UK.search(s.text) else "ru" if _CYR.search(s.text) else "en"
            if lang in ("ru", "uk") and not persp:
                t.side, t.how = ("RU" if lang == "ru" else "UA"), "speaker"
                return
        if persp and t.action != "contest":
            t.side, t.how = (other_side(persp) if t.action == "repelled" else persp), "speaker"
            return
        t.side, t.how = None, ""

    def _attack_side(self, t: _Trigger, s: _Sentence, sides, persp: str | None) -> str | None:
        """The side whose attack failed: "Russian assaults", "атаки ВСУ", "enemy attacks", "the Ukrainian advance"."""
        lo, hi = max(s.start, t.start - 80), min(s.end, t.end + 120)
        for m in lx.ATTACK.finditer(self.text, lo, hi):
            adj = (m.group("adj") or "").lower()
            if adj:
                if adj.startswith(("ukr", "укр")):
                    return "UA"
                if adj.startswith(("rus", "рос")):
                    return "RU"
                if persp:
                    return other_side(persp)
            near = [x for x in sides if m.end() <= x[0] <= m.end() + 60]
            if near and re.match(r"^[\s,]*(?:(?:of|by|from|\w+)[\s,]+){0,6}$", self.text[m.end():near[0][0]], re.I):
                return near[0][2]
        return None

    def _status(self, s: _Sentence, claimant: Claimant | None) -> str:
        status = claimant.status if claimant else "claimed"
        if status == "assessed" and claimant is not None and claimant.start < 0 and _CLAIMED.search(s.text):
            status = "claimed"  # "allegedly", "claimed" in a sentence that only carries ISW's name
        if claimant is None and re.search(r"(?<!\w)(?:сообщают|повідомляють|говорят|кажуть|стало\s+известно|"
                                          r"стало\s+відомо)(?!\w)", s.text, re.I):
            return "unverified"
        if s.hedged or lx.MODAL_HEDGE.search(s.text):
            if status == "assessed" and not re.search(r"not\s+(?:observed|confirmed|verified)|не\s+подтвер|"
                                                      r"не\s+спостеріга", s.text, re.I):
                return "assessed"
            return "unverified"
        return status

    def _date(self, dates: list[Date], claimant: str) -> tuple[str, bool]:
        if dates:
            ranges = [d for d in dates if d.kind == "range"]
            pick = ranges[-1] if ranges else dates[-1]
            self.last_date[claimant] = (pick.text, True)
            return pick.text, True
        if claimant in self.last_date:
            return self.last_date[claimant]
        return (self.published.isoformat() if self.published else ""), False

    # -- claims -------------------------------------------------------------------------------------
    def _attach(self, s: _Sentence, mentions: list[Mention], triggers: list[_Trigger]) -> dict[int, _Trigger]:
        """mention start -> the trigger that governs it."""
        text = self.text
        out: dict[int, _Trigger] = {}
        live = [t for t in triggers if t.blocked != "standing"]
        for m in mentions:
            if m.how == "topic":
                out[m.start] = next(t for t in live if t.start == m.start)
                continue
            after = [t for t in live if t.start >= m.end and ";" not in text[m.end:t.start]]
            before = [t for t in live if t.end <= m.start]
            if after and after[0].voice in ("passive", "held") and after[0].start - m.end < 80:
                gap = re.sub(r"\([^()]*\)", " ", text[m.end:after[0].start])
                for other in mentions:
                    if m.end <= other.start and other.end <= after[0].start:
                        gap = gap.replace(other.text, "")
                if _PASSIVE_LINK.match(gap):
                    out[m.start] = after[0]
                    continue
            if after and after[0].start - m.end < 60 and _RELATIVE.match(text[m.end:after[0].start]):
                out[m.start] = after[0]  # "Андріївкою, яку українські війська опанували"
                continue
            if before and (";" not in text[before[-1].end:m.start] or not [
                    t for t in after if ";" not in text[m.start:t.start]]):
                out[m.start] = before[-1]
            elif after and after[0].start - m.end < 150 and not re.search(r"[;:]", text[m.end:after[0].start]):
                out[m.start] = after[0]
        return out

    def _claims(self, s, mentions, triggers, quote, who, cside, status, date_text, explicit, refs) -> bool:
        text, a = self.text, s.start
        attach = self._attach(s, mentions, triggers)
        shares = find_shares(s.text)
        ukrainian = bool(_UK.search(s.text))
        groups: dict[int, list] = {}
        prev_q: tuple[Mention, str, float | None] | None = None
        for k, m in enumerate(mentions):
            t = attach.get(m.start)
            prev_end = None
            if k and mentions[k - 1].how != "anaphor":
                prev_end = mentions[k - 1].end - a
            q, km, kind = qualifier(text[a:m.start], text[m.end:s.end], t.action if t else "",
                                    previous_place_end=prev_end, ukrainian=ukrainian)
            if kind == "claim" and not q and prev_q is not None and re.fullmatch(
                    r"\s*(?:,\s*(?:and\s+|и\s+|і\s+|та\s+|й\s+)?|\s+(?:and|и|і|та|й|or|или|або)\s+)\s*",
                    text[prev_q[0].end:m.start]):
                q, km = prev_q[1], prev_q[2]  # "in the areas of A, B and C": all near
            if kind == "claim" and k and mentions[k - 1].start in refs and re.fullmatch(
                    r"\s*(?:,\s*(?:and\s+|и\s+|і\s+|та\s+|й\s+)?|\s+(?:and|и|і|та|й|or|или|або)\s+)\s*",
                    text[mentions[k - 1].end:m.start]):
                kind = "reference"  # "кроме двух — Северодонецка и Лисичанска"
            if kind == "reference":
                refs.add(m.start)
                prev_q = None
                continue
            prev_q = (m, q, km)
            if t is None or t.blocked:
                continue
            groups.setdefault(id(t), [t]).append((m, q, km))
        made = False
        for group in groups.values():
            t, rows = group[0], group[1:]
            seen: set[str] = set()
            self.n += 1
            cid = f"X{self.n}"
            for m, q, km in rows:
                key = (m.name, q)
                if str(key) in seen:
                    continue
                seen.add(str(key))
                claim = self._claim(s, t, m, q, km, shares, cid, quote, who, cside, status, date_text, explicit)
                if claim is not None:
                    self.claims.append(claim)
                    made = True
            if who != "unattributed":
                self.last_date.setdefault(who, (date_text, explicit))
        return made

    def _claim(self, s, t, m, q, km, shares, cid, quote, who, cside, status, date_text, explicit):
        m = self._choose(m)
        if m.known:
            if m.name not in self.resolved:
                return None
            place, others, ambiguous = self.resolved[m.name]
            name, pid, country, admin1 = place.name, place.id, place.country, place.admin1
        else:
            name, pid, country, admin1, others, ambiguous = m.name, "", self.doc_country, "", (), False
            self.unknown.append(UnknownName(m.name, (m.start, m.end), quote))
        owner = country if country in ("UA", "RU") else ""
        action, side, share = t.action, t.side, None
        partial = lx.PARTIAL.search(self.text, max(s.start, m.start - 40), m.start) or (
            t.voice in ("held", "control") and lx.PARTIAL.search(self.text, max(s.start, t.start - 30), t.end))
        near_share = [x for x in shares if abs(s.start + x[0] - m.start) < 80 or (
            m.how == "anaphor" and abs(s.start + x[0] - m.start) < 120)]
        if near_share and action in ("capture", "advance", "contest"):
            share = near_share[0][2]
            action = "contest"
        elif partial and action == "capture" and t.voice in ("held", "control"):
            action = "contest"
            side = None
        elif action == "capture" and _PART_NOUN.search(self.text, max(s.start, m.start - 50), m.start):
            action = "advance"  # "взятии под контроль промышленной зоны и аэропорта Северодонецка"
        if action == "contest" and share is None:
            side = other_side(owner) if owner else side
        if side is None:
            side = other_side(owner) if owner else None
        if not side:
            return None
        if t.voice == "held" and owner and side == owner and _REMAINS.search(self.text[max(s.start, t.start - 40):t.start]):
            return None  # "which remains under Russian control": no change
        if action == "capture" and q in ("near", "outskirts") or action == "capture" and q.endswith(" of"):
            action = "advance"
        if t.force_near and not q:
            q = "near"
        feats = features(how=t.how, voice=t.voice, place_how=m.how, ambiguous=ambiguous, explicit_claimant=bool(
            s.claimant and s.claimant.start >= 0), claimant=who, explicit_date=explicit, action=action,
            known=m.known, qualifier=q, status=status)
        note = f"extracted: {m.text!r}" + (f" = {m.name}" if m.how == "anaphor" else "")
        if not m.known:
            note += " (not in the gazetteer: add lat/lon)"
        if share is not None:
            note += f"; {share:g}% held by {side}"
        for old in self.claims[-12:] if _QUOTED.search(s.text) else ():
            # the same statement quoted ("«Бои за Северск уже начались», — написал он")
            if (old.place, old.place_id, old.side, old.action, old.qualifier) == (name, pid, side, action, q) and \
                    old.span[0] > s.start - 600 and not self.text.count("\n\n", old.span[0], s.start) and \
                    old.span[0] < s.start:
                return None
        return self._scored(CandidateClaim(
            claim_id=cid, date=date_text, claimant=who, claimant_side=cside, side=side, action=action, place=name,
            place_id=pid, region=self.region or admin1, qualifier=q, distance_km=km, status=status,
            source_url=self.source_url, note=note, span=(m.start, m.end), quote=quote, candidates=others,
            share=share), feats)

    def _scored(self, claim: CandidateClaim, feats: dict[str, float]) -> CandidateClaim:
        """The claim with its calibrated confidence (features kept for calibration)."""
        claim = replace(claim, confidence=round(score(feats), 3))
        self.features[id(claim)] = feats
        return claim

    def _choose(self, m: Mention) -> Mention:
        """An inflected or misspelt name: the reading that lies among the report's places, or none of them.

        "Первомайського" may be Первомайське or Первомайський: the one near the other places named (or in
        an oblast named) is taken. A guess that lies far from all of them is no guess: the name is then
        reported as unknown ("Сєвєрного" near Avdiivka is not Severny in Russia).
        """
        if not m.known or m.how not in ("inflected", "skeleton", "anaphor") and not self.oblasts:
            return m
        readings = [n for n in (m.name, *m.options) if n in self.resolved]
        for n in readings:
            if self._anchored(n):
                return m if n == m.name else replace(m, name=n)
        if m.how == "anaphor" or not self._has_anchors():
            return m
        return Mention(m.start, m.end, m.text, nominative_guesses(m.text), (), "unknown")

    def _has_anchors(self) -> bool:
        return bool(self.oblasts) or len({p.id for p, _, _ in self.resolved.values()
                                          if p.latlon is not None and (p.population or 0) <= 2_500_000}) > 1

    def _anchored(self, name: str) -> bool:
        """Whether a place lies in an oblast the report names or within 150 km of another place it names."""
        from geoclaims.gazetteer import haversine_km

        if name not in self.resolved:
            return False
        place = self.resolved[name][0]
        if place.admin1 in self.oblasts:
            return True
        if place.latlon is None:
            return False
        for other_name, (other, _, _) in self.resolved.items():
            if (other.population or 0) > 2_500_000:
                continue  # Moscow, Kyiv: where statements come from, not where fighting is
            if other_name != name and other.id != place.id and other.latlon is not None and \
                    haversine_km(place.latlon, other.latlon) < 150:
                return True
        return False

    def _areas(self, s, quote, sides, triggers, who, cside, status, date_text, persp=None) -> None:
        basis = area_basis(s.text)
        for ar in find_areas(s.text):
            pos = s.start + ar.start
            before = [x for x in sides if x[1] <= pos and not x[3]]
            subjects = [x for x in sides if not x[3]]
            side = (before[-1][2] if before else subjects[0][2] if subjects else
                    next((t.side for t in triggers if t.side), None) or _country_side(s.text) or s.subject or persp)
            if not side:
                self.skipped.append((quote, f"area figure {ar.text!r} without a side"))
                continue
            months = [d for d in s.dates if d.precision == "month"]
            dtext = months[-1].text if months and not any(d.precision == "day" for d in s.dates) else date_text
            self.n += 1
            note = "area " + " ".join(x for x in (ar.hedge, f"{ar.km2:g} km²") if x)
            if ar.percent:
                note += f" ({ar.percent} %)"
            region = self._region_in(s.text) or self.region
            self.claims.append(self._scored(CandidateClaim(
                claim_id=f"X{self.n}", date=dtext, claimant=who, claimant_side=cside, side=side, action="area",
                region=region, area_km2=ar.km2, area_basis=basis, status=status, source_url=self.source_url,
                note=note, span=(pos, s.start + ar.end), quote=quote),
                features(how="area", voice="", place_how="figure", ambiguous=False,
                         explicit_claimant=bool(s.claimant and s.claimant.start >= 0), claimant=who,
                         explicit_date=bool(s.dates), action="area", known=bool(region), qualifier="",
                         status=status)))

    def _depth(self, s, mentions, triggers, quote, who, cside, status, date_text) -> None:
        adv = [t for t in triggers if t.action == "advance" and not t.blocked and t.side]
        if not adv or any(m.how != "anaphor" and adv[0].start < m.start for m in mentions):
            return
        found = find_depth(s.text)
        if found is None:
            return
        km, x, y = found
        t = adv[0]
        region = self._region_of(s)
        if region is not None and region.country == t.side or region is None and not re.search(
                r"border|кордон|границ|into\s+(?:Russia|Ukraine)", s.text, re.I):
            return  # an advance inside the side's own country is no depth from the border
        self.n += 1
        self.claims.append(self._scored(CandidateClaim(
            claim_id=f"X{self.n}", date=date_text, claimant=who, claimant_side=cside, side=t.side, action="advance",
            region=self._region_in(s.text) or self.region, qualifier="depth from border", distance_km=km,
            status=status, source_url=self.source_url, note=f"advance of {km:g} km from the border",
            span=(s.start + x, s.start + y), quote=quote),
            features(how=t.how, voice=t.voice, place_how="depth", ambiguous=False,
                     explicit_claimant=bool(s.claimant and s.claimant.start >= 0), claimant=who,
                     explicit_date=bool(s.dates), action="advance", known=True, qualifier="depth from border",
                     status=status)))

    def _region_of(self, s: _Sentence) -> Any:
        """The oblast a sentence names, as a Region, or None."""
        from geoclaims.errors import GeoclaimsError
        from geoclaims.regions import RegionTable

        for _, _, phrase in s.regions:
            for text in (phrase, phrase.split()[0]):
                try:
                    found = RegionTable.default().resolve(text)
                except GeoclaimsError:
                    continue
                if len(found) == 1:
                    return found[0]
        return None

    def _region_in(self, s: str) -> str:
        m = re.search(r"\b([A-Z][a-z]+)\s+(?:Oblast|region)\b|\b([А-ЯІЇЄ][а-яіїє]+)(?:ской|ській|ская|ська|ской|ської)\s+"
                      r"област\w*|(?:Курщин|Харківщин|Харьковщин|Сумщин|Донеччин|Луганщин|Херсонщин|Запоріжж)\w*", s)
        if not m:
            return ""
        from geoclaims.regions import RegionTable

        try:
            found = RegionTable.default().resolve(m.group(0))
        except Exception:  # noqa: BLE001 - UnknownRegion: words that only look like a region
            return ""
        return found[0].name if found else ""
