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
from dataclasses import replace
from typing import TYPE_CHECKING

from geoclaims.claims.claim import other_side
from geoclaims.extract import lexicon as lx
from geoclaims.extract.anaphora import Antecedents
from geoclaims.extract.claimants import ATTRIBUTION, Claimant, carry_claimant, find_claimant
from geoclaims.extract.confidence import features, score
from geoclaims.extract import discourse as ds
from geoclaims.extract.dates import Date, find_dates
from geoclaims.extract.figures import AREA_UNIT, area_basis, find_areas, find_depth, find_shares
from geoclaims.extract.geography import REGION_PHRASE, Geography
from geoclaims.extract.places import Mention, PlaceFinder
from geoclaims.extract.qualifiers import qualifier
from geoclaims.extract.sentence import (
    UKRAINIAN, Sentence, Trigger, attach, country_side, find_sides, find_triggers, side_for,
)
from geoclaims.extract.results import CandidateClaim, Extraction, UnknownName
from geoclaims.extract.text import split_sentences

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer

__all__ = ["Reader", "MAX_CANDIDATES"]

#: Candidates kept per document; past this the report is cut with a warning (a real report makes dozens).
MAX_CANDIDATES = 5000

#: a building of a town, not the town: "seizing the Novohrodivka City Council", "Покровська шахта"
_BUILDING_AFTER = re.compile(r"\s+(?:city\s+council|town\s+council|council|railway\s+station|station|plant|factory|mine|"
                             r"hospital|administration\s+building|coke\s+plant|air\s*(?:base|field)|aerodrome)\b|"
                             r"\s+(?:\w+\s+){0,2}(?:nuclear|power)\s+(?:power\s+)?(?:plant|site|station)\b", re.I)
_PART_NOUN = re.compile(r"(?:микрорайон\w*|мікрорайон\w*|microdistricts?|neighbou?rhoods?|industrial\s+zone|airport|outskirts|"
                        r"air\s*(?:base|field)|aerodrome|аэродром\w*|аеродром\w*|территори\w+\s+[«\"“]|strongholds?|"
                        r"strongpoints?|опорн\w+\s+пункт\w*|опорник\w*|промышленн\w+\s+зон\w+|промзон\w+|аэропорт\w*|"
                        r"окраин\w+|аеропорт\w*|околиц\w+)\b[^.;]{0,40}$", re.I)
_DATE_THEN_NAME = re.compile(r"\s*[-–—:]?\s*")
_DATELINE = re.compile(r"[«\"]?([A-ZА-ЯЁІЇЄҐ][\w'’-]+)[.,]?\s*(?:[.,]\s*\d{1,2}\b|\d{1,2}\s+\w+|\w+\s+\d{1,2}\s*\(|"
                       r"\(\w+\)|[—–-]\s)")
#: a part of a town as a qualifier
_PART = re.compile(r"(?:north|south|east|west|central|centre|center)[\w-]*")
_QUOTED = re.compile(r"[«»“”„\"]")
_REMAINS = re.compile(r"(?:remain|remains|remained|still|остается|остаётся|залишається|залишаються|досі|до\s+сих\s+пор|"
                      r"все\s+ещ[её]|як\s+і\s+раніше)\s+(?:\w+\s+){0,2}$",
                      re.I)
#: a held state told in the present: "находится под контролем", "перебуває під контролем", "is under ... control"
_STATE_HELD = re.compile(r"(?:находится|находятся|перебува\w+|знаход\w+|is\s+(?:still\s+)?(?:under|in)|are\s+(?:still\s+)?"
                         r"(?:under|in)|remain|still)\b", re.I)
_CLAIMED = re.compile(r"(?<!\w)(?:alleged(?:ly)?|claim(?:ed|s)?|purported(?:ly)?|утверждает|заявил\w*|стверджу\w*|"
                      r"заяви\w*)(?!\w)", re.I)


def _lang(sentence: str) -> str:
    """'uk', 'ru' or 'en': the script and letters of a sentence."""
    if UKRAINIAN.search(sentence):
        return "uk"
    return "ru" if re.search(r"[А-Яа-яЁё]", sentence) else "en"


#: a goal right before a name: "to the villages of", "towards", "до", "к", "в сторону"
_GOAL_BEFORE = re.compile(r"(?<!\w)(?:to|toward|towards|into|до|к|ко|в\s+сторону|у\s+бік|в\s+бік|у\s+напрямку|"
                          r"в\s+направлении)\s+(?:the\s+)?(?:(?:villages?|towns?|city|settlements?)\s+(?:of\s+)?|"
                          r"(?:сел\w*|населен\w+\s+пункт\w*|город\w*|міст\w*)\s+)?(?:[\w'’-]+\s+(?:and|і|и|та)\s+)?$",
                          re.I)


_FALL = re.compile(r"fall\b|падінн|падени", re.I)
#: unnamed settlements in the plural: "в населених пунктах", "in several villages"
_PLURAL_SETTLEMENTS = re.compile(r"(?<!\w)(?:населених\s+пунктах|населенных\s+пунктах|населённых\s+пунктах|селах|"
                                 r"селищах|посёлках|поселках|villages|settlements|localities)(?!\w)", re.I)
#: "on the A – B axis": A is where the movement starts
_AXIS_FROM = re.compile(r"(?<!\w)(?:направлени\w*|напрям\w*|direction|axis)\s+(?:(?:of|from|от|від)\s+)?$", re.I)
#: the object of a taking is positions, not the place: "выбили противника с позиций", "drove them from positions"
_POSITIONS_AFTER = re.compile(r"(?:\s+[\w'’-]+){0,3}?\s+(?:с|з|из|із|from|out\s+of)\s+(?:(?:their|its|the|своих|своїх|"
                              r"[\w'’-]+\w(?:ых|их|ой|ій))\s+)?(?:позици\w+|позиці\w+|positions?|опорн\w+\s+пункт\w*|окоп\w*|"
                              r"trenches|strongholds?)", re.I)
#: a purpose right before a name: "for an offensive on X", "для наступления на X"
_GOAL_PHRASE = re.compile(r"(?<!\w)(?:(?:шаг\w*|крок\w*|steps?)\s+(?:к|до|toward|towards|to)\s+(?:[\w-]+\s+){0,2}?"
                          r"(?:(?:выход\w*|виход\w*)\s+на\s+)?(?:the\s+)?|(?:выход\w*|виход\w*)\s+на\s+|"
                          r"по\s+дороге\s+(?:к|на)|по\s+дорозі\s+(?:до|на)|on\s+the\s+(?:way|road)\s+to)$|"
                          r"(?<!\w)(?:for|для)\s+(?:an?\s+|the\s+|(?:дальнейш|подальш)\w+\s+)?(?:[\w-]+\s+)?"
                          r"(?:offensive|advance|attack|assault|push|наступлени\w+|наступ\w*|штурм\w*|атак\w*|продвижени\w+|"
                          r"просуванн\w+)\s+(?:on|against|towards?|into|на|в\s+сторону|до|к)\s+(?:the\s+)?"
                          r"(?:(?:city|town|villages?)\s+(?:of\s+)?|(?:город\w*|міст\w*|сел\w*)\s+)?"
                          r"(?:[\w'’-]+\s+(?:and|і|и|та)\s+)?$", re.I)
#: a direction of movement right before a name: an advance or retreat toward it says nothing of the place itself
_TOWARD_BEFORE = re.compile(r"(?<!\w)(?:toward|towards|in\s+the\s+direction\s+of|в\s+направлении|у\s+напрямку|"
                            r"в\s+напрямку|в\s+сторону|у\s+бік|в\s+бік|по\s+направлению\s+к|"
                            r"по\s+направлени\w+|по\s+напрямк\w+|"
                            # an imperfective verb of movement and "к"/"до": "продвигаются к селу X" (on the way)
                            r"(?:продвига\w+|просува\w+|движут\w*|двига\w+|руха\w+)\s+(?:[\w-]+\s+){0,2}?(?:к|ко|до))\s+(?:the\s+)?"
                            r"(?:(?:villages?|towns?|city|settlements?)\s+(?:of\s+)?|"
                            r"(?:[\w-]+\s+){1,2}?(?:hub|city|town|village|centre|center|capital|stronghold)\s+of\s+|(?:сел\w*|населен\w+\s+пункт\w*|"
                            r"населён\w+\s+пункт\w*|город\w*|міст\w*|поселк\w*|посёлк\w*|селищ\w*)\s+)?"
                            r"(?:[\w'’-]+\s+(?:and|і|и|та)\s+)?$", re.I)


class Reader:
    """Reads one cleaned report text into an :class:`~geoclaims.extract.Extraction`."""

    def __init__(self, text: str, published: dt.date | None, region: str, source_url: str, gaz: "Gazetteer") -> None:
        self.text, self.published, self.region, self.source_url, self.gaz = text, published, region, source_url, gaz
        self.finder = PlaceFinder(gaz)
        self.geo = Geography(text, gaz, region, self.finder)
        self.claims: list[CandidateClaim] = []
        self.unknown: list[UnknownName] = []
        self.skipped: list[tuple[str, str]] = []
        self.regions: list[str] = []
        self.last_date: dict[str, tuple[str, bool]] = {}
        self.n = 0
        self.anaphora = Antecedents()  # the places named so far, for "the village", "it", "there"
        self.doc_side: str | None = None
        self._last_trigger: Trigger | None = None
        self._unplaced: Trigger | None = None  # the action of the sentence before, when it named no place
        self._group_size = 1
        self.exact_ids: set[str] = set()
        #: id(candidate) -> its confidence features (for calibration: benchmarks/calibrate_extract.py)
        self.features: dict[int, dict[str, float]] = {}
        self.doc_country = ""

    # -- the whole report ---------------------------------------------------------------------------
    def run(self) -> Extraction:
        spans = split_sentences(self.text)
        sents = self._analyse(spans)
        self.geo.settle(sents)
        countries = [place.country for place, _, _ in self.geo.resolved.values()]
        countries += [r.country for r in self.geo.oblasts.values()]
        if self.region:
            from geoclaims.places.regions import RegionTable, resolve_country

            code = resolve_country(self.region)
            if not code:
                found = RegionTable.default().resolve(self.region)
                code = found[0].country if found else ""
            self.doc_country = code or ""
        if not self.doc_country and countries:
            self.doc_country = max(set(countries), key=countries.count)
        sides = [s.claimant.side for s in sents if s.claimant and s.claimant.side in ("UA", "RU")]
        self.doc_side = sides[0] if sides else (
            "UA" if re.search(r"окупант|оккупант|рашист|ворог|загарбник|захватчик", self.text, re.I)
            or len(UKRAINIAN.findall(self.text)) > 3 else None)  # Ukrainian-language reporting speaks for Ukraine
        for k in range(len(sents)):
            carry_claimant(self.text, sents, k)
        for k, s in enumerate(sents):
            before = len(self.claims)
            self._sentence(s, sents[k - 1] if k else None)
            if s.hedged and len(self.claims) == before and lx.DISCLAIMER.search(s.text):
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

    def _analyse(self, spans: list[tuple[int, int]]) -> list[Sentence]:
        out, paragraph, prev_end = [], 0, 0
        for a, b in spans:
            if "\n\n" in self.text[prev_end:a]:
                paragraph += 1
            prev_end = b
            s = self.text[a:b]
            sent = Sentence(a, b, paragraph, s)
            sent.triggers = find_triggers(self.text, sent)
            known, regions = self.finder.find(self.text, a, b)
            regions += [(a + m.start("r"), a + m.end("r"), m.group("r")) for m in REGION_PHRASE.finditer(s)]
            known = [m for m in known if not any(x <= m.start < y for x, y, _ in regions)]
            sent.regions = regions
            busy = bool(sent.triggers) or bool(AREA_UNIT.search(s)) or (
                len(known) >= 2 and bool(ds.NAME_LIST.search(s)))  # a list that may go on the sentence before
            dateline = _DATELINE.match(self.text, a, b) if (a == 0 or self.text[a - 1] == "\n") else None
            if dateline:  # "МОСКВА, 18 ноя — РИА Новости.", "KYIV, May 20 (Reuters) -": where it was filed
                known = [m for m in known if m.start >= a + dateline.end(1) - dateline.start(1)]
            if not busy and not ATTRIBUTION.search(s) and not lx.HEDGE.search(s):
                sent.side_cues = list(lx.SIDE_SCAN.finditer(s))  # its subject goes on to "They", "Вони"
                if known:  # no action, no figure, no one speaks: only names to remember ("Сили" is no place)
                    sides = [(a + m.start(), a + m.end()) for _, m in sent.side_cues]
                    known = [m for m in known if not any(x <= m.start < y for x, y in sides)]
                sent.mentions = known
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
            blocked += [(a + m.start("n"), a + m.end("n")) for rx in (lx.UNIT_BEFORE, lx.UNIT_AFTER)
                        for m in rx.finditer(s)]  # "OSGT Khortytsia": a formation, not the island
            blocked += [(a + m.start(m.lastgroup), a + m.end(m.lastgroup)) for m in lx.NOT_A_PLACE.finditer(s)
                        if not lx.SETTLEMENT_NOUN_BEFORE.search(s, max(0, m.start() - 40), m.start())]
            sent.mentions = sorted((m for m in known + unknown if not any(x <= m.start < y for x, y in blocked)),
                                   key=lambda m: m.start)
            sent.dates = find_dates(s, self.published, a)
            sent.hedged = bool(lx.HEDGE.search(s))
            out.append(sent)
        return out

    def _downgrade_paragraph(self, s: Sentence) -> None:
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
    def _sentence(self, s: Sentence, prev: Sentence | None) -> None:
        for r in s.regions:
            self.regions.append(r[2])
        triggers = s.triggers
        has_area = bool(AREA_UNIT.search(s.text))
        claimant = s.claimant
        if claimant and s.dates and (claimant.start >= 0 or not triggers):
            self._date(s.dates, claimant.name)  # "ISW said on Jan. 6 ...": dates what that claimant says next
        mentions = self.anaphora.resolve(self.text, s, triggers)
        who = claimant.name if claimant else "unattributed"
        cside = claimant.side if claimant else "neutral"
        persp = cside if cside in ("UA", "RU") else self.doc_side
        sides = find_sides(self.text, s, persp)
        failed = not [m for m in mentions if m.how != "anaphor"] and prev is not None and (
            lx.FAILED_AFTER.search(s.text) or any(t.action == "repelled" and not t.blocked for t in triggers)) \
            and self._failed(prev)
        if not triggers and not has_area and mentions and prev is not None:
            carried = ds.carried_action(s.text, s.start, len(mentions), prev.text, self._last_trigger, self._unplaced)
            triggers = [carried] if carried is not None else []
        if not triggers and not has_area:
            s.subject = self._first_side(sides) or (prev.subject if prev else None)
            self.anaphora.remember(s, mentions, refs=set())
            return
        quote = " ".join(s.text.split())
        for t in triggers:
            side_for(self.text, t, s, sides, prev, persp)
        status = self._status(s, claimant)
        date_text, explicit = self._date(s.dates, who)
        if has_area:
            self._areas(s, quote, sides, triggers, who, cside, status, date_text, persp)
        if not mentions and not failed:
            mentions = self._topic(s, triggers, prev)
        refs: set[int] = set()
        made = self._claims(s, mentions, triggers, quote, who, cside, status, date_text, explicit, refs)
        live = [t for t in triggers if not t.blocked and t.side and t.action in ("capture", "advance", "withdraw")]
        self._last_trigger = live[-1] if live else None
        placed = [t for t in triggers if not t.blocked and t.side and t.start != t.end]
        self._unplaced = placed[-1] if placed and not mentions and not made else None
        self._depth(s, mentions, triggers, quote, who, cside, status, date_text)
        attackers = [t.side for t in triggers if t.side and t.action == "repelled" and not t.blocked]
        s.attacker = attackers[-1] if attackers else None
        subj = [t.side for t in triggers if t.side and t.how in ("subject", "agent", "held", "carried", "speaker")
                and t.action != "repelled" and not (t.blocked and t.how == "agent")]  # "операции по освобождению
        # ... остающегося за ВСУ": the side after a noun that names no event is no subject
        s.subject = subj[-1] if subj else (self._first_side(sides) or (prev.subject if prev else None))
        self.anaphora.remember(s, mentions, refs)
        if not made and triggers and not mentions and not has_area and any(not t.blocked for t in triggers) \
                and any(t.side for t in triggers):
            self.skipped.append((quote, "no place the gazetteer knows"))

    def _failed(self, prev: Sentence) -> bool:
        """"Ворог вів штурмові дії в районі X та Y. Українські воїни змусили їх тікати.": the fighting of the
        sentence before was an attack that failed, a ``repelled`` claim about the attacker."""
        done = False
        if ds.GOES_ON.search(prev.text):
            return False  # "continues to storm positions near X. They were stopped": fighting, and a repelled attack
        for i, c in enumerate(self.claims):
            if c.action == "contest" and c.share is None and prev.start <= c.span[0] < prev.end:
                feats = {k: v for k, v in self.features.get(id(c), {}).items() if not k.startswith("action:")}
                feats["action:repelled"] = 1.0
                side = prev.subject or c.side
                self.claims[i] = self._scored(replace(c, action="repelled", side=side,
                                                      note=c.note + "; the next sentence says the attack failed"), feats)
                done = True
        return done

    def _topic(self, s: Sentence, triggers: list[Trigger], prev: Sentence | None) -> list[Mention]:
        """"...тримають оборону та не дають противнику просунутися далі": the place the last sentence named."""
        if prev is None or s.regions or not any(t.action == "repelled" and not t.blocked for t in triggers):
            return []  # "...in Kursk Oblast fend off assaults": the region is where, not the last place
        if _PLURAL_SETTLEMENTS.search(s.text):
            return []  # "не дають ворогу закріпитися в населених пунктах": places it does not name
        named = [m for m, ref in self.anaphora.items[-4:] if not ref and m.start >= prev.start]
        if len({m.name for m in named}) != 1:
            return []
        t = next(t for t in triggers if t.action == "repelled" and not t.blocked)
        m = named[-1]
        return [Mention(t.start, t.end, t.text, m.name, m.place_ids, "topic")]

    def _first_side(self, sides: list[tuple[int, int, str, bool]]) -> str | None:
        subjects = [x for x in sides if not x[3]]
        return subjects[0][2] if subjects else None

    # -- cues ---------------------------------------------------------------------------------------
    def _status(self, s: Sentence, claimant: Claimant | None) -> str:
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
    def _claims(self, s, mentions, triggers, quote, who, cside, status, date_text, explicit, refs) -> bool:
        text, a = self.text, s.start
        attached = attach(self.text, s, mentions, triggers)
        shares = find_shares(s.text)
        ukrainian = bool(UKRAINIAN.search(s.text))
        groups: dict[int, list] = {}
        prev_q: tuple[Mention, str, float | None] | None = None
        for k, m in enumerate(mentions):
            t = attached.get(m.start)
            prev_end = prev_start = None
            if k and mentions[k - 1].how != "anaphor":
                prev_end, prev_start = mentions[k - 1].end - a, mentions[k - 1].start - a
            q, km, kind = qualifier(text[a:m.start], text[m.end:s.end], t.action if t else "",
                                    previous_place_end=prev_end, ukrainian=ukrainian, previous_place_start=prev_start)
            if kind == "claim" and not q and prev_q is not None and m.how != "anaphor" and \
                    attached.get(prev_q[0].start) is t and re.fullmatch(
                    r"\s*(?:,\s*(?:and\s+|и\s+|і\s+|та\s+|й\s+)?|\s+(?:and|и|і|та|й|or|или|або)\s+)\s*",
                    text[prev_q[0].end:m.start]):
                q, km = prev_q[1], prev_q[2]  # "in the areas of A, B and C": all near
            if kind == "claim" and k and mentions[k - 1].start in refs and re.fullmatch(
                    r"\s*(?:,\s*(?:and\s+|и\s+|і\s+|та\s+|й\s+)?|\s+(?:and|и|і|та|й|or|или|або)\s+)\s*"
                    r"(?:(?:вже|уже|ранее|раніше)\s+)?(?:[а-яіїєґё'’-]+(?:ован\w+|ованн\w+|енн\w+)\s+)?",
                    text[mentions[k - 1].end:m.start]):  # "з боку Гострого та вже окупованої Георгіївки": both
                kind = "reference"  # "кроме двух — Северодонецка и Лисичанска"
            if kind == "claim" and _AXIS_FROM.search(text, max(a, m.start - 40), m.start) and \
                    re.match(r"\s*[—–-]\s*[A-ZА-ЯЁІЇЄҐ]", text[m.end:m.end + 5]):
                kind = "reference"  # "на направлении Будки — Теткино": where the attack came from, not where it was
            if kind == "claim" and _GOAL_PHRASE.search(text, max(a, m.start - 60), m.start):
                kind = "reference"  # "conditions for an offensive on Lyman and Sievierodonetsk": a goal
            if kind == "claim" and t is not None and t.action in ("advance", "capture", "withdraw") and \
                    _TOWARD_BEFORE.search(text, max(a, m.start - 50), m.start):
                kind = "reference"  # "advanced toward X", "отступив в сторону X", "в направлении поселка X": a direction
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
            if any(m.start >= t.end for m, _, _ in rows):  # "В районе Волчанска наши освободили Бурговатку": a frame
                rows = [(m, q, km) for m, q, km in rows if not (
                    m.end <= t.start and q == "near" and m.start - s.start < 30 and t.action in ("capture", "advance"))]
            named = {m.name for m, _, _ in rows if m.how != "anaphor"}
            rows = [r for r in rows if r[0].how != "anaphor" or r[1] or r[0].name not in named
                    or not lx.ANAPHOR.fullmatch(r[0].text)]  # "бої майже в центрі
            # Вугледара, в самому місті залишається ...": the word for the town named under the same action adds nothing
            seen: set[str] = set()
            self.n += 1
            cid = f"X{self.n}"
            for m, q, km in rows:
                key = (m.name, q)
                if str(key) in seen:
                    continue
                seen.add(str(key))
                self._group_size = len(rows)
                claim = self._claim(s, t, m, q, km, shares, cid, quote, who, cside, status, date_text, explicit)
                if claim is not None:
                    self.claims.append(claim)
                    made = True
            if who != "unattributed":
                self.last_date.setdefault(who, (date_text, explicit))
        return made

    def _claim(self, s, t, m, q, km, shares, cid, quote, who, cside, status, date_text, explicit):
        m = self.geo.choose(m)
        if len(s.dates) >= 2:  # "освобождены: 7 июля - Дачное, 26 июля - Малиевка": each its own date
            own = [d for d in s.dates if d.span[1] <= m.start and _DATE_THEN_NAME.fullmatch(self.text, d.span[1], m.start)]
            if own:
                date_text, explicit = own[-1].text, True
        if m.known:
            if m.name not in self.geo.resolved:
                return None
            place, others, ambiguous = self.geo.resolved[m.name]
            name, pid, country, admin1 = place.name, place.id, place.country, place.admin1
            if m.how != "anaphor" and self.geo.container(place, [x.name for x in s.mentions if x is not m and x.known]):
                return None  # "operating in Kursk ... fighting in and around Sudzha": Kursk is the region
        else:
            name, pid, country, admin1, others, ambiguous = m.name, "", self.doc_country, "", (), False
            self.unknown.append(UnknownName(m.name, (m.start, m.end), quote))
        owner = country if country in ("UA", "RU") else ""
        action, side, share = t.action, t.side, None
        if t.goal_blocked and not q and _GOAL_BEFORE.search(self.text, max(s.start, m.start - 40), m.start):
            return None  # "trying to advance ... to the villages of X": a goal, not where anything happened
        partial = t.partial or lx.PARTIAL.search(self.text, max(s.start, m.start - 40), m.end) or (
            t.voice in ("held", "control") and lx.PARTIAL.search(self.text, max(s.start, t.start - 30), t.end)) or (
            t.end <= m.start and m.start - t.end < 80 and lx.PARTIAL.search(self.text, t.end, m.start)) or (
            lx.PARTIAL.search(self.text, max(s.start, t.start - 30), t.start))  # "практически полностью заняли"
        near_share = [x for x in shares if abs(s.start + x[0] - m.start) < 80 or (
            m.how == "anaphor" and abs(s.start + x[0] - m.start) < 120)]
        if near_share and action in ("capture", "advance", "contest"):
            share = near_share[0][2]
            action = "contest"
        elif action == "capture" and t.voice in ("held", "control") and re.fullmatch(
                r"(?:north|south|east|west|central)[\w-]*", q):
            action, side = "contest", None  # "наші війська контролюють північну частину міста": the town is split
        elif partial and action == "capture":
            action = "contest"  # "controls most of X", "взяли значну частину", "не контролюють повністю"
            side = None
        elif action == "capture" and (_PART_NOUN.search(self.text, max(s.start, m.start - 50), m.start)
                                      or _BUILDING_AFTER.match(self.text, m.end, s.end)
                                      or _POSITIONS_AFTER.match(self.text, t.end, s.end)):
            action = "advance"  # "взятии под контроль промышленной зоны и аэропорта Северодонецка"
        if action == "capture" and t.voice == "nominal" and owner and _FALL.match(t.text):
            side = other_side(owner)  # "the fall of X", "падіння сіл X": taken from the side that held it
        if action == "contest" and share is None:
            side = other_side(owner) if owner else side
        if side is None:
            side = other_side(owner) if owner else None
        if not side:
            return None
        if t.voice == "held" and owner and side == owner and (_REMAINS.search(self.text[max(s.start, t.start - 40):t.start])
                                                               or _STATE_HELD.match(t.text)) and share is None:
            return None  # "which remains under Russian control", "Лисичанськ перебуває повністю під українським контролем",
            #  "Родинское находится под контролем Сил обороны": the owner holds its own town, no change
        if action == "capture" and q in ("near", "outskirts") or action == "capture" and q.endswith(" of"):
            action = "advance"
        if t.force_near and not q:
            q = "near"
        feats = features(how=t.how, voice=t.voice, place_how=m.how, ambiguous=ambiguous, explicit_claimant=bool(
            s.claimant and s.claimant.start >= 0), claimant=who, explicit_date=explicit, action=action,
            known=m.known, qualifier=q, status=status, lang=_lang(s.text), far=abs(m.start - t.start) > 80,
            listed=self._group_size >= 3, carried=t.start == t.end, attempt=t.goal_blocked)
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
        for i in range(len(self.claims) - 1, max(-1, len(self.claims) - 8), -1):
            old = self.claims[i]  # "confirmed Ukrainian advances in part of X. «... entered the northern part of X»"
            if (old.place, old.place_id, old.side, old.action, old.claimant) != (name, pid, side, action, who) or \
                    old.span[0] < s.start - 600 or old.span[0] >= s.start or self.text.count("\n\n", old.span[0], s.start) \
                    or {old.qualifier, q} - {""} == set() or "" not in (old.qualifier, q) or not _PART.fullmatch(
                        old.qualifier or q):
                continue
            vague = old if old.qualifier == "" else None
            if vague is None:  # the part was named first: this is the same claim told again only if it says 'part'
                if lx.PARTIAL.search(self.text, max(s.start, m.start - 40), m.end):
                    return None
                continue
            if not lx.PARTIAL.search(self.text, max(0, vague.span[0] - 40), vague.span[1]):
                continue  # "В X идут бои. Боестолкновения идут на востоке поселка": two statements
            del self.claims[i]  # "advances in part of X" ... "the northern part of X": now with the part it was in
            break
        if m.how == "anaphor" and any(
                (old.place, old.side, old.action, old.qualifier) == (name, side, action, q)
                and (not explicit or old.date == date_text)
                and (old.claimant == who or "unattributed" in (old.claimant, who) or not s.claimant
                     or s.claimant.start < 0)
                and self.anaphora.last_start <= old.span[0] < s.start for old in self.claims[-8:]):
            return None  # "X was liberated. The ministry announced the capture of the settlement": told again
        if m.how == "anaphor" and any((old.place, old.place_id, old.side, old.action, old.qualifier, old.share) ==
                                      (name, pid, side, action, q, share) and old.span[0] >= s.start
                                      for old in self.claims[-8:]):
            return None  # "прорвалися до X і вже контролюють половину населеного пункту": one claim, said twice
        if share is not None:  # "controls most of X" ... "X is 60% controlled": one statement, now with its share
            self.claims = [c for c in self.claims if not (
                c.action == "contest" and c.share is None and (c.place, c.place_id) == (name, pid)
                and c.span[0] > s.start - 800 and not self.text.count("\n\n", c.span[0], s.start))]
        return self._scored(CandidateClaim(
            claim_id=cid, date=date_text, claimant=who, claimant_side=cside, side=side, action=action, place=name,
            place_id=pid, region=self.region or admin1 or ("" if m.known else self.geo.region_in(s.text)), qualifier=q,
            distance_km=km, status=status,
            source_url=self.source_url, note=note, span=(m.start, m.end), quote=quote, candidates=others,
            share=share), feats)

    def _scored(self, claim: CandidateClaim, feats: dict[str, float]) -> CandidateClaim:
        """The claim with its calibrated confidence (features kept for calibration)."""
        claim = replace(claim, confidence=round(score(feats), 3))
        self.features[id(claim)] = feats
        return claim

    def _areas(self, s, quote, sides, triggers, who, cside, status, date_text, persp=None) -> None:
        basis = area_basis(s.text)
        for ar in find_areas(s.text):
            pos = s.start + ar.start
            before = [x for x in sides if x[1] <= pos and not x[3]]
            subjects = [x for x in sides if not x[3]]
            side = (before[-1][2] if before else subjects[0][2] if subjects else
                    next((t.side for t in triggers if t.side), None) or country_side(s.text) or s.subject or persp)
            if not side:
                self.skipped.append((quote, f"area figure {ar.text!r} without a side"))
                continue
            months = [d for d in s.dates if d.precision == "month"]
            dtext = months[-1].text if months and not any(d.precision == "day" for d in s.dates) else date_text
            self.n += 1
            note = "area " + " ".join(x for x in (ar.hedge, f"{ar.km2:g} km²") if x)
            if ar.percent:
                note += f" ({ar.percent} %)"
            region = self.geo.region_in(s.text) or self.region
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
        region = self.geo.region_of(s)
        if region is not None and region.country == t.side or region is None and not re.search(
                r"border|кордон|границ|into\s+(?:Russia|Ukraine)", s.text, re.I):
            return  # an advance inside the side's own country is no depth from the border
        self.n += 1
        self.claims.append(self._scored(CandidateClaim(
            claim_id=f"X{self.n}", date=date_text, claimant=who, claimant_side=cside, side=t.side, action="advance",
            region=self.geo.region_in(s.text) or self.region, qualifier="depth from border", distance_km=km,
            status=status, source_url=self.source_url, note=f"advance of {km:g} km from the border",
            span=(s.start + x, s.start + y), quote=quote),
            features(how=t.how, voice=t.voice, place_how="depth", ambiguous=False,
                     explicit_claimant=bool(s.claimant and s.claimant.start >= 0), claimant=who,
                     explicit_date=bool(s.dates), action="advance", known=True, qualifier="depth from border",
                     status=status)))
