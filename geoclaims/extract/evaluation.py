"""Measure extraction against annotated sentences: precision, recall and F1 per field and per language.

An annotated set is a JSON Lines file, one item per line: a passage of real reporting (``text``, with
optional ``context``: the sentences before it, or a heading), its ``published`` date, and the gold
``claims`` a careful reader codes from it (``tests/data/extraction/sentences.jsonl`` is the project's,
described in the ``SOURCES.md`` beside it). :func:`score` runs an extractor over every item and
compares its candidates with the gold claims:

- A candidate **matches** a gold claim of the same item about the same place (the same gazetteer place,
  preferring one in the item's ``regions``; or, for names the gazetteer does not know, the same folded
  name), or the same area figure (within 1 %), or the same depth-from-border statement. Each gold claim
  takes at most one candidate: the pairs agreeing on most fields first.
- **Place recall** is the share of gold place claims matched; **precision** the share of candidates
  matched. For each field (side, action, qualifier, status, claimant, date, ...), a candidate is right
  when it matches and the field agrees: field precision = right / candidates, recall = right / gold.
- A candidate is **right** (for the reliability table of confidence) when it matches with the right
  side and action.

Only candidates whose span lies in ``text`` count (the context is read, so that "the village" and
"They" can be resolved, but claims made in it are not annotated).

Examples
--------
>>> from geoclaims.extract.evaluation import read_annotations, score
>>> items = read_annotations(ANNOTATIONS)  # doctest: +SKIP
>>> print(score(items).table())  # doctest: +SKIP
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from geoclaims.errors import InputFileError, InputFileNotFound, InvalidArgument

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer

__all__ = ["GoldClaim", "Item", "read_annotations", "score", "Scores", "FIELDS", "ACTIONS", "QUALIFIERS"]

ACTIONS = ("capture", "advance", "withdraw", "repelled", "contest", "area")
_DIRS = ("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest")
QUALIFIERS = ("", "central", "outskirts", "near", "depth from border", *(d + "ern" for d in _DIRS),
              *(d + " of" for d in _DIRS))
#: Fields compared on matched claims, in report order.
FIELDS = ("side", "action", "qualifier", "status", "claimant", "claimant_side", "date", "distance_km", "area",
          "share")
_ANONYMOUS = {"unattributed", "unnamed reports", "unconfirmed reports", "online reports", "unnamed sources"}


@dataclass(frozen=True, slots=True)
class GoldClaim:
    """One annotated claim (the claims format's fields, plus the words that name the place and a share)."""

    place: str
    surface: str
    side: str
    action: str
    qualifier: str
    status: str
    claimant: str
    claimant_side: str
    date: str
    distance_km: float | None = None
    area_km2: float | None = None
    area_basis: str = ""
    share: float | None = None

    @property
    def kind(self) -> str:
        """'area', 'depth' (depth from border, no place) or 'place'."""
        if self.action == "area":
            return "area"
        return "depth" if not self.place else "place"


@dataclass(frozen=True, slots=True)
class Item:
    """One annotated passage."""

    id: str
    lang: str
    split: str
    text: str
    published: str
    claims: tuple[GoldClaim, ...]
    context: str = ""
    regions: tuple[str, ...] = ()
    source_url: str = ""
    front: str = ""
    hard_forms: tuple[str, ...] = ()
    regions_mentioned: tuple[str, ...] = ()
    notes: str = ""
    #: a dev passage kept out of rule writing, to calibrate confidence on text the rules were not tuned to
    calibration: bool = False
    #: the annotation round: 1 for the passages of issue 16, 2 for those added while generalising the rules (up to
    #: 6: ``tests/data/extraction/SOURCES.md`` says what each round added)
    round: int = 1

    @property
    def document(self) -> str:
        """What the extractor reads: the context (if any), a paragraph break, the text."""
        return f"{self.context}\n\n{self.text}" if self.context else self.text


def read_annotations(path: str | Path) -> list[Item]:
    """Read and check an annotated set (JSON Lines).

    Raises
    ------
    InputFileError
        Naming the line and field when an item is malformed (an unknown action, a date that is not
        ``YYYY-MM-DD``, a ``surface`` that is not in the text, ...).

    Returns
    -------
    list of Item
    """
    p = Path(path)
    if not p.is_file():
        raise InputFileNotFound(f"{p}: no such annotated set")
    items, seen = [], set()
    for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            items.append(_item(json.loads(line)))
        except (ValueError, KeyError, TypeError) as e:
            raise InputFileError(f"{p}, line {n}: {e}") from None
        if items[-1].id in seen:
            raise InputFileError(f"{p}, line {n}: id {items[-1].id!r} appears twice")
        seen.add(items[-1].id)
    return items


def _item(rec: dict[str, Any]) -> Item:
    claims = []
    for k, c in enumerate(rec["claims"]):
        g = GoldClaim(**{f: c.get(f) for f in GoldClaim.__slots__ if f in c})
        where = f"claim {k + 1} of {rec['id']}"
        if g.action not in ACTIONS:
            raise ValueError(f"{where}: action {g.action!r}; valid: {', '.join(ACTIONS)}")
        if g.qualifier not in QUALIFIERS:
            raise ValueError(f"{where}: qualifier {g.qualifier!r}; valid: {', '.join(QUALIFIERS)}")
        if g.side not in ("UA", "RU") or g.claimant_side not in ("UA", "RU", "neutral"):
            raise ValueError(f"{where}: side {g.side!r} / claimant_side {g.claimant_side!r}; valid: UA, RU (neutral)")
        if g.status not in ("assessed", "claimed", "unverified"):
            raise ValueError(f"{where}: status {g.status!r}; valid: assessed, claimed, unverified")
        dt.date.fromisoformat(g.date)
        if g.surface and g.surface not in rec["text"] and g.surface not in rec.get("context", ""):
            raise ValueError(f"{where}: surface {g.surface!r} is in neither text nor context")
        if g.action == "area" and not g.area_km2:
            raise ValueError(f"{where}: an area claim needs area_km2")
        claims.append(g)
    dt.date.fromisoformat(rec["published"])
    if rec["split"] not in ("dev", "test"):
        raise ValueError(f"split {rec['split']!r}; valid: dev, test")
    if rec.get("calibration") and rec["split"] != "dev":
        raise ValueError("calibration passages belong to the dev split")
    return Item(id=rec["id"], lang=rec["lang"], split=rec["split"], text=rec["text"], published=rec["published"],
                claims=tuple(claims), context=rec.get("context", ""), regions=tuple(rec.get("regions", ())),
                source_url=rec.get("source_url", ""), front=rec.get("front", ""),
                hard_forms=tuple(rec.get("hard_forms", ())), regions_mentioned=tuple(rec.get("regions_mentioned", ())),
                notes=rec.get("notes", ""), calibration=bool(rec.get("calibration", False)),
                round=int(rec.get("round", 1)))


# -- comparing one candidate with one gold claim ------------------------------------------------------------
def _month_end(date: str) -> str:
    if re.fullmatch(r"\d{4}-\d{2}", date or ""):
        y, m = map(int, date.split("-"))
        return f"{date}-{calendar.monthrange(y, m)[1]:02d}"
    return date or ""


def _norm_claimant(name: str) -> str:
    return re.sub(r"[^\w ]+", " ", (name or "").lower()).strip()


def claimant_agrees(gold: str, pred: str) -> bool:
    """Same claimant: equal names, the same surname, or both anonymous ('unattributed', 'unnamed reports')."""
    g, p = _norm_claimant(gold), _norm_claimant(pred)
    if g == p or (g in _ANONYMOUS and p in _ANONYMOUS):
        return True
    gw, pw = g.split(), p.split()
    return bool(gw and pw) and (gw[-1] == pw[-1] or g in p or p in g)


def _num_agrees(a: float | None, b: float | None, tol: float) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= tol * max(1.0, abs(a))


def field_agrees(name: str, g: GoldClaim, p: Any) -> bool:
    """Whether candidate `p` gets field `name` of gold claim `g` right (see :data:`FIELDS`)."""
    if name == "claimant":
        return claimant_agrees(g.claimant, p.claimant)
    if name == "date":
        return _month_end(g.date) == _month_end(p.date)
    if name == "distance_km":
        return _num_agrees(g.distance_km, getattr(p, "distance_km", None), 0.05)
    if name == "area":
        return g.kind != "area" or (_num_agrees(g.area_km2, p.area_km2, 0.01) and g.area_basis == p.area_basis)
    if name == "share":
        return _num_agrees(g.share, getattr(p, "share", None), 0.02)
    return (getattr(g, name) or "") == (getattr(p, name) or "")


def _kind(p: Any) -> str:
    if p.action == "area":
        return "area"
    return "depth" if not p.place and p.qualifier == "depth from border" else "place"


#: how close a gold name written in another language's form ("Сладкое" for Solodke) must be to the one place of
#: the item's oblasts it can mean: the gazetteer's skeleton, cognate or declension readings, never fuzzy ones
#: (a fuzzy "Синьківка" is Yasynivka)
_COGNATE_REASONS = ("skeleton", "cognate", "declension")
_COGNATE_SCORE = 0.72


class _Places:
    """Gold place name -> the gazetteer ids it may mean (in the item's regions first)."""

    def __init__(self, gaz: "Gazetteer") -> None:
        self.gaz = gaz
        self.cache: dict[tuple[str, tuple[str, ...]], frozenset[str]] = {}

    def ids(self, name: str, regions: tuple[str, ...]) -> frozenset[str]:
        key = (name, regions)
        if key not in self.cache:
            from geoclaims.places.names import fold

            places = list(self.gaz.places_with_key(fold(name)))
            if not places:
                matches = self.gaz.resolve(name, limit=20).matches
                places = [m.place for m in matches if m.reason in ("exact", "alias", "transliteration")]
                if not places:  # "Гордеєвка" for Gordeyevka: a spelling no system makes, in the item's oblasts
                    places = [m.place for m in matches
                              if m.reason == "skeleton" and m.score >= 0.85 and m.place.admin1 in regions]
            inside = [p for p in places if p.admin1 in regions]
            if not inside and regions:  # "Варваровка" in Zaporizhzhia Oblast: the Russian name of Varvarivka there
                try:
                    near = self.gaz.resolve(name, region=list(regions), limit=5).matches
                except Exception:  # noqa: BLE001 - an annotated region the table does not know
                    near = []
                inside = [m.place for m in near if m.place.admin1 in regions and (
                    m.reason in ("exact", "alias", "transliteration") or m.reason == "skeleton" and m.score >= 0.85)]
                if not inside:  # "Работино", "Сладкое", "Верхняя Терса": the Russian form of the one close name there
                    close = [m for m in near if m.place.admin1 in regions and m.reason in _COGNATE_REASONS
                             and m.score >= _COGNATE_SCORE]
                    if close and len({m.place.name for m in close if m.score >= close[0].score - 0.03}) == 1:
                        inside = [m.place for m in close if m.place.name == close[0].place.name]
            self.cache[key] = frozenset(p.id for p in (inside or places))
        return self.cache[key]

    def known(self, name: str, regions: tuple[str, ...]) -> bool:
        return bool(self.ids(name, regions))


def _same_place(g: GoldClaim, p: Any, places: _Places, regions: tuple[str, ...]) -> bool:
    from geoclaims.places.names import fold

    if p.place_id and p.place_id in places.ids(g.place, regions):
        return True
    return bool(p.place) and fold(p.place) == fold(g.place)


def _compatible(g: GoldClaim, p: Any, places: _Places, regions: tuple[str, ...]) -> bool:
    if g.kind != _kind(p):
        return False
    if g.kind == "area":
        return _num_agrees(g.area_km2, p.area_km2, 0.01)
    if g.kind == "depth":
        return True
    return _same_place(g, p, places, regions)


def match(gold: Sequence[GoldClaim], pred: Sequence[Any], places: _Places,
          regions: tuple[str, ...] = ()) -> list[tuple[GoldClaim, Any]]:
    """Pairs (gold, candidate): each at most once, pairs agreeing on most fields first."""
    pairs = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if _compatible(g, p, places, regions):
                agree = sum(field_agrees(f, g, p) for f in ("side", "action", "qualifier", "status", "date", "share"))
                pairs.append((-agree, i, j))
    pairs.sort()
    used_g, used_p, out = set(), set(), []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((gold[i], pred[j]))
    return out


# -- scores ---------------------------------------------------------------------------------------------------
@dataclass
class _Tally:
    gold: Counter = field(default_factory=Counter)        # kind -> n
    gold_known: int = 0                                   # gold place claims whose place the gazetteer knows
    pred: int = 0
    matched: Counter = field(default_factory=Counter)     # kind -> n
    matched_known: int = 0
    right: Counter = field(default_factory=Counter)       # field -> matched pairs with the field right
    strict: int = 0                                       # matched with side, action and qualifier right

    def add(self, other: "_Tally") -> None:
        self.gold.update(other.gold)
        self.gold_known += other.gold_known
        self.pred += other.pred
        self.matched.update(other.matched)
        self.matched_known += other.matched_known
        self.right.update(other.right)
        self.strict += other.strict


def _ratio(a: float, b: float) -> float | None:
    return a / b if b else None


@dataclass
class Scores:
    """What :func:`score` measured: tallies per language, per-item results, and confidence bins."""

    tallies: dict[str, _Tally]
    #: (item id, gold claims, candidates in text, matched pairs) per item
    items: list[tuple[Item, list[GoldClaim], list[Any], list[tuple[GoldClaim, Any]]]]
    #: (confidence, right) of every candidate
    confidences: list[tuple[float, bool]]
    unknown_places: list[tuple[str, str]]  # (item id, gold place the gazetteer does not know)

    def summary(self, lang: str = "all") -> dict[str, float | None]:
        """Headline figures for one language ('all' for every item)."""
        t = self.tallies.get(lang, _Tally())
        matched = sum(t.matched.values())
        gold = sum(t.gold.values())
        out = {
            "items": float(sum(1 for it, *_ in self.items if lang in ("all", it.lang))),
            "gold claims": float(gold), "candidates": float(t.pred),
            "place recall": _ratio(t.matched["place"], t.gold["place"]),
            "place recall (known places)": _ratio(t.matched_known, t.gold_known),
            "recall (all claims)": _ratio(matched, gold),
            "precision": _ratio(matched, t.pred),
            "side accuracy": _ratio(t.right["side"], matched),
            "action accuracy": _ratio(t.right["action"], matched),
            "strict precision": _ratio(t.strict, t.pred),
            "strict recall": _ratio(t.strict, gold),
        }
        return out

    def fields(self, lang: str = "all") -> dict[str, tuple[float | None, float | None, float | None, float | None]]:
        """field -> (precision, recall, F1, accuracy on matched claims)."""
        t = self.tallies.get(lang, _Tally())
        gold, matched = sum(t.gold.values()), sum(t.matched.values())
        out = {}
        for name in ("place", *FIELDS):
            right = matched if name == "place" else t.right[name]
            p, r = _ratio(right, t.pred), _ratio(right, gold)
            f1 = 2 * p * r / (p + r) if p and r else (0.0 if p is not None and r is not None else None)
            out[name] = (p, r, f1, _ratio(right, matched))
        return out

    def reliability(self, bins: Sequence[float] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)) -> list[tuple[str, int, float | None]]:
        """(confidence bin, candidates, share right) for the reliability table."""
        rows = []
        for lo, hi in zip(bins, bins[1:]):
            inside = [ok for c, ok in self.confidences if lo <= c < hi]
            rows.append((f"{lo:.1f}-{min(hi, 1.0):.1f}", len(inside), _ratio(sum(inside), len(inside))))
        at = [ok for c, ok in self.confidences if c >= 0.8]
        rows.append((">= 0.8", len(at), _ratio(sum(at), len(at))))
        return rows


def _in_text(item: Item, clean_doc: str, p: Any) -> bool:
    if not item.context:
        return True
    from geoclaims.extract.text import clean_text

    boundary = len(clean_text(item.context))
    return p.span[0] > boundary


def score(items: Iterable[Item], extract: Callable[[Item], Any] | None = None, *,
          gazetteer: "Gazetteer | None" = None) -> Scores:
    """Run `extract` over every item and compare with the gold claims.

    Parameters
    ----------
    items : iterable of Item
        From :func:`read_annotations` (filter by ``split`` or ``lang`` first).
    extract : callable, optional
        ``extract(item)`` -> an :class:`~geoclaims.extract.Extraction` (or anything with ``.claims`` of
        candidates that have the claims-format attributes and ``span``, ``confidence``). Default:
        :func:`geoclaims.extract_claims` on ``item.document`` with ``published=item.published``.
    gazetteer : Gazetteer, optional
        To say which gold places are the same as a candidate's (default: the bundled one).

    Returns
    -------
    Scores
    """
    from geoclaims.places.gazetteer import Gazetteer

    gaz = gazetteer or Gazetteer.default()
    if extract is None:
        from geoclaims.extract import extract_claims

        def extract(item: Item) -> Any:
            return extract_claims(item.document, published=item.published, gazetteer=gaz)

    places = _Places(gaz)
    tallies: dict[str, _Tally] = defaultdict(_Tally)
    per_item, confidences, unknown = [], [], []
    for item in items:
        ex = extract(item)
        pred = [c for c in ex.claims if _in_text(item, ex.text, c)]
        pairs = match(item.claims, pred, places, item.regions)
        t = _Tally()
        for g in item.claims:
            t.gold[g.kind] += 1
            if g.kind == "place":
                if places.known(g.place, item.regions):
                    t.gold_known += 1
                else:
                    unknown.append((item.id, g.place))
        t.pred = len(pred)
        right_pred = set()
        for g, p in pairs:
            t.matched[g.kind] += 1
            if g.kind == "place" and places.known(g.place, item.regions):
                t.matched_known += 1
            ok = {f: field_agrees(f, g, p) for f in FIELDS}
            t.right.update(f for f, v in ok.items() if v)
            t.strict += ok["side"] and ok["action"] and ok["qualifier"]
            if ok["side"] and ok["action"]:
                right_pred.add(id(p))
        confidences.extend((float(p.confidence), id(p) in right_pred) for p in pred)
        tallies[item.lang].add(t)
        tallies["all"].add(t)
        per_item.append((item, list(item.claims), pred, pairs))
    return Scores(dict(tallies), per_item, confidences, unknown)


def check_split(items: Sequence[Item]) -> list[str]:
    """Problems with a dev/test split: a source page in both splits. Empty when clean."""
    splits: dict[str, set[str]] = defaultdict(set)
    for it in items:
        splits[it.source_url].add(it.split)
    return [f"{url} is in both splits" for url, s in splits.items() if len(s) > 1]


def _check_args(split: str) -> None:
    if split not in ("dev", "test", "all"):
        raise InvalidArgument(f"split={split!r}; valid: dev, test, all")
