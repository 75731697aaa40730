"""Candidate places for a name: the tiers of the gazetteer's name index, and "did you mean".

A :class:`~geoclaims.places.gazetteer.Gazetteer` indexes every name its places go by under three
keys (see :mod:`geoclaims.places.names` and :mod:`geoclaims.places.name_index`):

1. the *fine key* of each stored name (canonical, alias, former name, cognate) and of
   its romanisations under the common systems -> ``exact`` / ``alias`` /
   ``transliteration`` / ``cognate`` matches; failing that, the readings of a name in the Greek
   alphabet or Serbian Cyrillic (:mod:`geoclaims.places.scripts`) or in katakana, Hangul, Devanagari,
   Bengali and the other Brahmic scripts (:mod:`geoclaims.places.transcriptions`) -> ``transliteration``
   (in Chinese characters, whose pinyin merges б/п and д/т, -> ``skeleton``, a guess), and the
   fine key of a Russian or
   Ukrainian case form's nominative ("під Суджею") -> ``declension`` matches, and a landmark
   named by its town in any language's words ("aeroporto di Donetsk",
   :mod:`geoclaims.places.landmarks`) -> ``declension`` matches too;
2. the *skeleton* (transliteration-insensitive key) -> ``skeleton`` matches for
   spellings no system produces ("Sudscha", "Kharkov");
3. fuzzy scoring of skeletons and fine keys with :mod:`rapidfuzz` ->
   ``fuzzy`` matches for misspellings ("Bakmut", "Novosotnitskiy").

The skeleton and fuzzy tiers are searched only when the first found nothing, so a name
that matches a stored name or romanisation is not also compared letter by
letter with every other place (its weaker look-alikes could not compete).

Scores lie in [0, 1]: 1.0 for the canonical name or a curated former name,
0.97 for another stored name in the query's script, 0.95 for the same name in
another script or romanisation, 0.93 for a cognate, 0.92 for a case form; skeleton and fuzzy
matches score ``0.9 * (0.75 * letter similarity + 0.25 * skeleton similarity)`` (rapidfuzz
ratios; a skeleton match needs letters >= 0.60, a fuzzy one >= 0.75).
:mod:`geoclaims.places.ranking` orders the candidates and says whether they compete.

Examples
--------
>>> from geoclaims import Gazetteer
>>> gaz = Gazetteer.default()
>>> [(reason, score) for _, score, reason, _ in candidates(gaz, "під Суджею", None)]
[('declension', 0.92)]
>>> sorted({reason for _, _, reason, _ in candidates(gaz, "Bakmut", None)})
['fuzzy']
>>> sorted(m.place.name for m in suggest(gaz, "Porechnoe", limit=2))
['Cherkasskoye Porechnoye', 'Russkoye Porechnoye']
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Callable

from geoclaims.places.name_index import _CANONICAL, _COGNATE, _FORMER, _TRANSLIT
from geoclaims.places.mixed_spelling import speller
from geoclaims.places.names import fold, has_cyrillic, skeleton
from geoclaims.places.place import Match, Place

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer

__all__ = ["candidates", "suggest", "stored_name"]

#: Longest name (as a match key) a lookup considers: the longest settlement names are ~60 letters.
#: Longer input matches nothing and costs nothing; suggestions look at its first letters only.
MAX_NAME_CHARS = 120
SCORE_EXACT = 1.0
SCORE_FORMER = 1.0
SCORE_ALIAS = 0.97
SCORE_TRANSLIT = 0.95
SCORE_COGNATE = 0.93
SCORE_MIXED = 0.94  # a Latin name that mixes the systems' spellings letter by letter ("Tchassiv Yar")
SCORE_DECLENSION = 0.92  # a case form of a stored name or cognate ("Глубокого", "під Суджею")
SCORE_SIMILAR_MAX = 0.90  # ceiling for skeleton and fuzzy matches (below every stored name)
FUZZY_CUTOFF = 72.0  # rapidfuzz ratio (0-100) a skeleton must reach to be a fuzzy candidate
FUZZY_MIN_LETTERS = 0.75  # letters' similarity a fuzzy match needs
FUZZY_CANDIDATES = 25  # nearest skeletons a fuzzy lookup weighs (each press system's spellings add skeletons)
SKELETON_MIN_RATIO = 0.60  # letters' similarity a skeleton match needs
MIXED_CANDIDATES = 12  # the likeliest skeleton and fuzzy candidates checked for a spelling that mixes systems
CHINESE_EXTRA_TIERS = 2  # groups of less likely readings of a Chinese name offered after the first one found


def candidates(
    gaz: "Gazetteer", name: str, keep: Callable[[Place], bool] | None
) -> list[tuple[int, float, str, str]]:
    """(place index, score, reason, matched key) for every candidate for `name` in `gaz`.

    `keep` is the context's test (:func:`geoclaims.places.lookup_context.context_filter`);
    None keeps every place.
    """
    if len(name) > MAX_NAME_CHARS * 2:
        return []  # no settlement name is this long: nothing to match, and nothing to spend
    qkey = fold(name)
    if not qkey or len(qkey) > MAX_NAME_CHARS:
        return []
    q_cyr = has_cyrillic(name)
    places, index = gaz._places, gaz._index
    # place index -> (score, reason, matched key); Match objects are made at the end
    best: dict[int, tuple[float, str, str]] = {}
    rejected: set[int] = set()

    def offer(pidx: int, score: float, reason: str, key: str) -> None:
        if pidx in rejected:
            return
        cur = best.get(pidx)
        if cur is None:
            if keep is not None and not keep(places[pidx]):
                rejected.add(pidx)
                return
        elif score <= cur[0]:
            return
        best[pidx] = (round(score, 4), reason, key)

    # tier 1: the fine key of a stored name or romanisation
    for pidx, code in index.entries(qkey):
        kind, cyr = divmod(code, 2)
        if kind == _COGNATE:
            offer(pidx, SCORE_COGNATE, "cognate", qkey)
        elif kind == _TRANSLIT or bool(cyr) != q_cyr:
            offer(pidx, SCORE_TRANSLIT, "transliteration", qkey)
        elif kind == _CANONICAL:
            offer(pidx, SCORE_EXACT, "exact", qkey)
        elif kind == _FORMER:
            offer(pidx, SCORE_FORMER, "alias", qkey)
        else:
            offer(pidx, SCORE_ALIAS, "alias", qkey)

    if not best and " " in qkey:  # a compound written apart or hyphenated that is stored as one word
        joined = qkey.replace(" ", "")  # (Велико-Анадоль: Великоанадоль; Novo Oleksandrivka)
        for pidx, code in index.entries(joined):
            kind, _cyr = divmod(code, 2)
            offer(pidx, SCORE_COGNATE if kind == _COGNATE else SCORE_TRANSLIT, "transliteration", joined)

    readings: tuple[str, ...] = ()
    if not best:  # tier 1a: a Greek or Serbian Cyrillic name, read as its press writes Slavic names
        from geoclaims.places.scripts import script_readings

        readings = script_readings(name)
        for form in readings:
            fkey = fold(form)
            for pidx, _code in index.entries(fkey):
                offer(pidx, SCORE_TRANSLIT, "transliteration", fkey)

    guessed = False
    if not best:  # tier 1a': a katakana, Hangul, Devanagari, Bengali or Chinese name, read back into Cyrillic
        from geoclaims.places.transcriptions import readings_are_guesses, transcription_readings

        guessed = readings_are_guesses(name)
        found_at = None
        for n, tier in enumerate(transcription_readings(name)):  # the likeliest readings first
            for form in tier:
                fkey = fold(form)
                for pidx, _code in index.entries(fkey):
                    if guessed:  # Chinese: a guess, the less likely the reading the lower (see transcriptions)
                        offer(pidx, max(SCORE_SIMILAR_MAX - 0.02 * (n + 1), 0.7), "skeleton", fkey)
                    else:
                        offer(pidx, SCORE_TRANSLIT, "transliteration", fkey)
            if best and found_at is None:
                found_at = n
            if found_at is not None and (not guessed or n >= found_at + CHINESE_EXTRA_TIERS):
                break  # a certain reading ends the search; a guess is offered beside the next ones

    if not best:  # tier 1b: a case form of a stored name ("освобождение Глубокого", "під Суджею")
        from geoclaims.places.declension import nominatives

        for form in (nominative for text in (name, *readings) for nominative in nominatives(text)):
            fkey = fold(form)
            for pidx, _code in index.entries(fkey):
                offer(pidx, SCORE_DECLENSION, "declension", fkey)
    if not best and " " in qkey:  # tier 1c: a landmark named by its town ("aeroporto di Donetsk")
        from geoclaims.places.landmarks import landmark_readings

        for pidx in landmark_readings(gaz, name):
            offer(pidx, SCORE_DECLENSION, "declension", fold(places[pidx].name))
    if not best and "(" in name:  # tier 1d: "Sichneve (Yanvarske)", "Kostiantynivka (Sumy Oblast)"
        for pidx, score, reason in _bracketed(gaz, name, keep):
            offer(pidx, score, reason, fold(places[pidx].name))
    tier1 = bool(best)  # (a Chinese name's readings, guesses, stand in for the skeleton and fuzzy tiers)

    # tier 2: the transliteration-insensitive skeleton
    qskel = skeleton(name)
    if len(qskel) >= 2 and not tier1:
        for pidx in index.skeleton_index().get(qskel, ()):
            if pidx in best or pidx in rejected:
                continue
            ratio, key = _best_ratio(gaz, pidx, qkey)
            if ratio < SKELETON_MIN_RATIO:
                continue  # same consonants, different word ("Xyzzy" vs "Hotsk")
            offer(pidx, _similarity_score(ratio, 1.0), "skeleton", key)

    # tier 3: fuzzy, only when no stored name or romanisation matched
    if len(qskel) >= 3 and not tier1:
        for skel, sk_score in _fuzzy_skeletons(gaz, qskel):
            for pidx in index.skeleton_index().get(skel, ()):
                if pidx in best or pidx in rejected:
                    continue
                ratio, key = _best_ratio(gaz, pidx, qkey)
                if ratio >= FUZZY_MIN_LETTERS:
                    offer(pidx, _similarity_score(ratio, sk_score / 100.0), "fuzzy", key)

    test = speller(name) if best and not tier1 else None
    if test is not None:  # a name spelled in more than one system is no guess, nor is its case form
        likeliest = sorted(best, key=lambda pidx: -best[pidx][0])[:MIXED_CANDIDATES]
        mixed = [pidx for pidx in likeliest if _spells_place(test, places[pidx])]
        if mixed:
            return [(pidx, SCORE_MIXED, "transliteration", best[pidx][2]) for pidx in mixed]
        from geoclaims.places.declension import nominatives

        for form in nominatives(name):  # Ivanivszkét: the Hungarian accusative of Іванівське
            form_test = speller(form) if form != name else None
            if form_test is None:
                continue
            mixed = [pidx for pidx in likeliest if _spells_place(form_test, places[pidx])]
            if mixed:
                return [(pidx, SCORE_DECLENSION, "declension", best[pidx][2]) for pidx in mixed]
    return [(pidx, score, reason, key) for pidx, (score, reason, key) in best.items()]


def _spells_place(test: Callable[[str], bool], place: Place) -> bool:
    """True when a Latin name (its :func:`geoclaims.places.mixed_spelling.speller` `test`) spells one of the
    place's Cyrillic names, or a cognate the gazetteer indexes for it, letter by letter in the systems' spellings."""
    return any(map(test, _stored_cyrillic(place))) or any(map(test, _cyrillic_forms(place)))


@functools.lru_cache(maxsize=20_000)
def _stored_cyrillic(place: Place) -> tuple[str, ...]:
    """A place's stored Cyrillic names."""
    return tuple(n for n in dict.fromkeys((place.name, *place.aliases, *place.former_names)) if has_cyrillic(n))


@functools.lru_cache(maxsize=20_000)
def _cyrillic_forms(place: Place) -> tuple[str, ...]:
    """The Russian or Ukrainian forms of the place's names that the index makes cognates of
    (:func:`geoclaims.places.name_index.cognate_sources`; none for a place far from the war: Глубокий of Rostov
    Oblast is not written Глибокий)."""
    from geoclaims.places.cognates import cognates
    from geoclaims.places.name_index import cognate_sources

    own, sources = cognate_sources(place, list(_stored_cyrillic(place)))
    return tuple(dict.fromkeys(form for n in sources for form in cognates(n, own)))


_BRACKETED = re.compile(r"\s*(?P<outer>[^()]+?)\s*\((?P<inner>[^()]+)\)\s*")
_GUESS_REASONS = ("skeleton", "fuzzy")


def _bracketed(gaz: "Gazetteer", name: str, keep: Callable[[Place], bool] | None) -> list[tuple[int, float, str]]:
    """The certain candidates of a name written with another in brackets: (place index, score, reason).

    A report writes "Sichneve (Yanvarske)": the name and its former or Russian one. The places both
    name are the candidates; when the bracket names a region instead ("Kostiantynivka (Sumy Oblast)",
    "Stepove (Zaporizhzhia region)"), the name's places in it; otherwise the name's own places
    ("Kalynove (village)", "Kalynove (near Bakhmut)"). A bracket alone is never taken for the name: in
    "Kolmakov (Sudzha)" it may say where the place is, not what it is called. Guesses (skeleton, fuzzy)
    of either part count for nothing: the name as a whole is then guessed at by the tiers below.
    """
    m = _BRACKETED.fullmatch(name)
    if m is None:
        return []

    def certain(part: str, test: Callable[[Place], bool] | None) -> dict[int, tuple[float, str]]:
        return {pidx: (score, reason) for pidx, score, reason, _key in candidates(gaz, part, test)
                if reason not in _GUESS_REASONS}

    outer, inner = certain(m["outer"], keep), certain(m["inner"], keep)
    both = [pidx for pidx in outer if pidx in inner]
    if both:
        return [(pidx, min(outer[pidx][0], inner[pidx][0]), outer[pidx][1]) for pidx in both]
    from geoclaims.errors import UnknownRegion
    from geoclaims.places.lookup_context import context_filter

    try:
        within = context_filter(None, m["inner"], None)
    except UnknownRegion:
        within = None
    if within is not None:
        return [(pidx, score, reason) for pidx, (score, reason) in outer.items() if within(gaz._places[pidx])]
    return [(pidx, score, reason) for pidx, (score, reason) in outer.items()]


def suggest(gaz: "Gazetteer", name: str, *, limit: int = 3) -> list[Match]:
    """The closest stored names to `name`, however far: for "did you mean".

    Scores are rapidfuzz's ``token_set_ratio`` over fine keys (so a word of a
    longer name counts), scaled to [0, 1]; reason ``fuzzy``.
    """
    from rapidfuzz import fuzz, process

    qkey = fold(name[: MAX_NAME_CHARS * 2])[:MAX_NAME_CHARS]  # bounded cost for any input
    if not qkey:
        return []
    out: dict[int, Match] = {}
    found = process.extract(qkey, gaz._index.keys, scorer=fuzz.token_set_ratio, limit=limit * 8)
    found.sort(key=lambda f: (-f[1], -fuzz.ratio(qkey, f[0])))
    for key, score, _ in found:
        for pidx, _code in gaz._index.entries(key):
            if pidx not in out:
                out[pidx] = Match(gaz._places[pidx], round(score / 100.0, 4), "fuzzy", stored_name(gaz, pidx, key))
    ranked = sorted(out.values(), key=lambda m: (-m.score, -(m.place.population or 0)))
    return ranked[:limit]


def stored_name(gaz: "Gazetteer", pidx: int, key: str) -> str:
    """The name of place `pidx` whose fine key is `key`, as the place spells it."""
    p = gaz._places[pidx]
    for n in (p.name, *p.aliases):
        if fold(n) == key:
            return n
    return key  # a romanisation: the key itself is the spelling


def _best_ratio(gaz: "Gazetteer", pidx: int, qkey: str) -> tuple[float, str]:
    """Best rapidfuzz ratio of `qkey` against a place's keys, and that key."""
    found = _extract_one()(qkey, gaz._index.keys_of_place(pidx), scorer=_ratio())  # the first best, as a loop would
    return (found[1] / 100.0, found[0]) if found and found[1] > 0 else (0.0, "")


#: Most fuzzy skeleton searches remembered per gazetteer (a report names the same unknown place again and again)
FUZZY_MEMO = 4096


def _fuzzy_skeletons(gaz: "Gazetteer", qskel: str) -> list[tuple[str, float]]:
    """Skeletons close to `qskel`: first among those sharing its first letter,
    then its second (a dropped or added first letter), then all.  Remembered on the gazetteer (which
    never changes), as each search scans a block of the index's skeletons."""
    memo = getattr(gaz, "_fuzzy_memo", None)
    if memo is None:
        memo = gaz._fuzzy_memo = {}
    if qskel in memo:
        return memo[qskel]
    from rapidfuzz import fuzz, process

    blocks, every = _skeleton_blocks(gaz)
    found: list = []
    for choices in (*(blocks.get(letter, ()) for letter in dict.fromkeys(qskel[:2])), every):
        found = process.extract(qskel, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=FUZZY_CANDIDATES)
        if found:
            break
    if len(memo) >= FUZZY_MEMO:
        memo.clear()
    memo[qskel] = out = [(s, score) for s, score, _ in found]
    return out


def _skeleton_blocks(gaz: "Gazetteer") -> tuple[dict[str, list[str]], list[str]]:
    """The index's skeletons by first letter, and all of them; made on the first fuzzy lookup and
    kept on the gazetteer (which never changes: merging makes a new one)."""
    cached = getattr(gaz, "_fuzzy_blocks", None)
    if cached is None:
        blocks: dict[str, list[str]] = {}
        for s in gaz._index.skeleton_index():
            if s:
                blocks.setdefault(s[0], []).append(s)
        cached = (blocks, [s for s in gaz._index.skeleton_index() if s])
        gaz._fuzzy_blocks = cached
    return cached


def _similarity_score(letters: float, skeleton_similarity: float) -> float:
    """Score of a skeleton or fuzzy match: mostly the letters, partly the skeleton.

    ``0.9 * (0.75 * letters + 0.25 * skeleton)``: a close spelling of another
    skeleton ("Sevenyy" -> Severnyy) beats a far spelling of the same skeleton
    ("Sevenyy" -> Sven).
    """
    return SCORE_SIMILAR_MAX * (0.75 * letters + 0.25 * skeleton_similarity)


@functools.lru_cache(maxsize=1)
def _extract_one():
    from rapidfuzz.process import extractOne

    return extractOne


@functools.lru_cache(maxsize=1)
def _ratio():
    from rapidfuzz.fuzz import ratio

    return ratio
