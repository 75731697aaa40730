"""Geocode names: one (:func:`geocode`) or a batch (:func:`geocode_all`).

In a batch, places named together are assumed to lie close together (a report
names villages of one front): an ambiguous name is settled by its candidates'
distance to the other names' places (*mutual proximity*) when one candidate is
clearly closer; otherwise it stays flagged as ambiguous.  Its best matches compete
first; when none of them settles it, every certain reading of the name does (the
Ukrainian Pavlivkas for a Russian "Pavlovka", which its Russian namesakes outrank).
"""

from __future__ import annotations

import warnings
from typing import TYPE_CHECKING, Any, Iterable, Literal, Sequence

from geoclaims.errors import (
    AmbiguousPlace, InvalidArgument, InvalidArgumentType, UncertainMatch, UncertainMatchWarning,
)
from geoclaims.places.districts import DistrictCores
from geoclaims.places.gazetteer import (
    AMBIGUITY_MARGIN, BBox, Gazetteer, NearSpec, Resolution, _describe_candidates, haversine_km,
)
from geoclaims.places.place import Match, Place

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

__all__ = ["geocode", "geocode_all", "GEOCODE_COLUMNS", "uncertain_message", "settle_by_proximity", "settle_together",
           "all_readings"]

#: Columns of :func:`geocode_all`'s result, in order (plus ``geometry``).
GEOCODE_COLUMNS = (
    "query", "place_id", "name", "country", "admin1", "admin2", "lat", "lon", "uncertainty_km",
    "score", "reason", "uncertain", "ambiguous", "candidates", "note",
)
#: A candidate wins by mutual proximity when its distance to the other names'
#: places is at most this fraction of the runner-up's.
PROXIMITY_RATIO = 0.5
#: A candidate's distance to the file is the median over this many of the nearest other places
#: (of names with one place): 1, the nearest, since a file may cover several fronts.
PROXIMITY_NEIGHBOURS = 1
#: ... and when it lies within this many km of that nearest place: a namesake farther away than this
#: from every other place is no neighbour of them (the one meant is more likely a village the gazetteer
#: lacks: Zelenopillia of Luhansk Oblast, named beside Dyakove, is not the Zelenopillia 105 km off).
PROXIMITY_MAX_KM = 60.0


def geocode(
    name: str,
    *,
    country: str | Sequence[str] | None = None,
    region: str | Sequence[str] | None = None,
    near: NearSpec | None = None,
    bbox: BBox | None = None,
    gazetteer: Gazetteer | None = None,
    on_ambiguous: Literal["raise", "first"] = "raise",
    strict: bool = False,
) -> Place | None:
    """Resolve one settlement name to a :class:`~geoclaims.Place`.

    Parameters
    ----------
    name : str
        The name in any spelling or script ("Berdin", "Бердин", "Artemovsk").
    country, region, near, bbox
        Context, as in :meth:`Gazetteer.lookup`.
    gazetteer : Gazetteer, optional
        Defaults to the bundled :meth:`Gazetteer.default`.
    on_ambiguous : {'raise', 'first'}, default 'raise'
        What to do when several places match about equally well and lie far
        apart: raise :class:`~geoclaims.AmbiguousPlace` (listing them), or
        return the best (by score, then population).
    strict : bool, default False
        When the name matches only by a guess (a ``skeleton`` or ``fuzzy`` match,
        :attr:`Match.uncertain`: "Robotyne" -> Rybotyn): False returns the guess with an
        :class:`~geoclaims.UncertainMatchWarning`; True raises :class:`~geoclaims.UncertainMatch`.

    Returns
    -------
    Place or None
        None when nothing matches.  A *known but unlocated* place is returned
        with ``lat``/``lon`` None; :meth:`Place.describe` says why.

    Raises
    ------
    AmbiguousPlace
        With ``on_ambiguous="raise"``, when the name is ambiguous in its context.
    UncertainMatch
        With ``strict=True``, when the best match is a guess.

    Examples
    --------
    >>> geocode("Berdin").name
    'Berdin'
    >>> geocode("Artemovsk", region="Donetsk Oblast").name
    'Bakhmut'
    >>> geocode("Atlantisgrad") is None
    True
    >>> geocode("Robotinne", strict=True)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    geoclaims.errors.UncertainMatch: 'Robotinne' has no certain match ...
    """
    if on_ambiguous not in ("raise", "first"):
        raise InvalidArgument(f"on_ambiguous must be 'raise' or 'first', got {on_ambiguous!r}")
    gaz = gazetteer or Gazetteer.default()
    r = gaz.resolve(name, country=country, region=region, near=near, bbox=bbox)
    if r.best is None:
        return None
    if r.best.uncertain:
        message = uncertain_message(name, r)
        if strict:
            raise UncertainMatch(message + "; correct the spelling, or pass strict=False to take the guess",
                                 query=name, candidates=r.matches)
        warnings.warn(message, UncertainMatchWarning, stacklevel=2)
    if r.ambiguous and on_ambiguous == "raise":
        cands = (r.best, *r.competitors)
        raise AmbiguousPlace(
            f"{name!r} is ambiguous: {_describe_candidates(cands)}. Narrow it with country=, region=, "
            "near= or bbox=, or pass on_ambiguous='first'",
            query=name,
            candidates=cands,
        )
    return r.best.place


def geocode_all(
    names: Iterable[str],
    *,
    country: str | Sequence[str] | None = None,
    region: str | Sequence[str] | None = None,
    near: NearSpec | None = None,
    bbox: BBox | None = None,
    gazetteer: Gazetteer | None = None,
    mutual: bool = True,
) -> "geopandas.GeoDataFrame":
    """Geocode many names; one row per input, in input order, none dropped.

    Parameters
    ----------
    names : iterable of str
        Names in any spelling or script.
    country, region, near, bbox
        Context applied to every name, as in :meth:`Gazetteer.lookup`.
    gazetteer : Gazetteer, optional
        Defaults to the bundled gazetteer.
    mutual : bool, default True
        Settle ambiguous names by proximity to the other names' places (when
        no ``near=`` is given): among their best matches, then, for names
        those leave open, among every certain reading of the name (never a
        guess).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`GEOCODE_COLUMNS` and ``geometry`` (EPSG:4326). ``uncertain`` is True
        where the name matched only by a guess (a ``skeleton`` or ``fuzzy`` match: the place
        may not be the one meant); its ``note`` names the guesses.
        Unresolved and unlocated names keep their row with an empty geometry
        and a ``note`` saying why.

    Examples
    --------
    >>> gdf = geocode_all(["Berdin", "Руське Поріччя", "Martynovka", "Nowhere-on-Earth"])
    >>> list(gdf["name"].fillna("-"))
    ['Berdin', 'Russkoye Porechnoye', 'Martynovka', '-']
    >>> list(gdf["admin1"])[:3], bool(gdf["ambiguous"][2])
    (['Kursk Oblast', 'Kursk Oblast', 'Kursk Oblast'], False)
    """
    import geopandas
    import shapely

    gaz = gazetteer or Gazetteer.default()
    queries = [q if isinstance(q, str) else _bad_query(q) for q in names]
    unique = list(dict.fromkeys(queries))
    resolved: dict[str, Resolution] = {
        q: gaz.resolve(q, country=country, region=region, near=near, bbox=bbox) for q in unique
    }
    chosen: dict[str, tuple[Match | None, bool, str]] = {}
    for q, r in resolved.items():
        chosen[q] = (r.best, r.ambiguous, "")
    if mutual and near is None and len(unique) > 1:
        settle_by_proximity(resolved, chosen, gazetteer=gaz)
        _settle_among_readings(gaz, resolved, chosen, country=country, region=region, bbox=bbox)

    records = []
    geoms = []
    for q in queries:
        best, ambiguous, how = chosen[q]
        r = resolved[q]
        if best is None:
            records.append(_row(q, None, False, "", _not_found(gaz, q, bool(country or region or near or bbox))))
            geoms.append(None)
            continue
        p = best.place
        if best.uncertain:
            how = "; ".join(x for x in (how, "a guess: " + uncertain_message(q, r)) if x)
        others = "; ".join(
            f"{m.place.label} [{m.place.id}]" for m in (r.best, *r.competitors) if m is not None and m.place.id != p.id
        ) if (r.ambiguous) else ""
        note = how
        if not p.is_located:
            note = "; ".join(x for x in (note, p.describe()) if x)
        records.append(_row(q, best, ambiguous, others, note))
        geoms.append(shapely.Point(p.lon, p.lat) if p.is_located else None)
    frame = {c: [rec[c] for rec in records] for c in GEOCODE_COLUMNS}
    return geopandas.GeoDataFrame(frame, geometry=geoms, crs="EPSG:4326")


def _not_found(gaz: Gazetteer, q: str, filtered: bool) -> str:
    """Why nothing matched: with a country/region/near/bbox, the places of that name outside it."""
    if filtered:
        outside = [m.place.label for m in gaz.lookup(q, limit=3) if not m.uncertain]
        if outside:
            return f"no place matches {q!r} within the country/region/area given; outside it: {', '.join(outside)}"
    return f"no place matches {q!r} in the gazetteer"


def _bad_query(q: object) -> str:
    raise InvalidArgumentType(f"names must be strings, got {q!r} ({type(q).__name__})")


def _row(query: str, m: Match | None, ambiguous: bool, candidates: str, note: str) -> dict:
    p = m.place if m else None
    return {
        "query": query,
        "place_id": p.id if p else None,
        "name": p.name if p else None,
        "country": p.country if p else None,
        "admin1": p.admin1 if p else None,
        "admin2": p.admin2 if p else None,
        "lat": p.lat if p else None,
        "lon": p.lon if p else None,
        "uncertainty_km": p.uncertainty_km if p else None,
        "score": m.score if m else None,
        "reason": m.reason if m else None,
        "uncertain": bool(m.uncertain) if m else False,
        "ambiguous": bool(ambiguous),
        "candidates": candidates,
        "note": note,
    }


def uncertain_message(name: str, r: Resolution) -> str:
    """"'Robotyne' has no certain match ...; nearest guesses: Rybotyn (Chernihiv Oblast, skeleton 0.77)"."""
    guesses = "; ".join(f"{m.place.name} ({m.place.admin1 or m.place.country}, {m.reason} {m.score:.2f})"
                        for m in r.matches[:3])
    return f"{name!r} has no certain match in the gazetteer (no stored name or romanisation); nearest guesses: {guesses}"


def _position(m: Match, gazetteer: Gazetteer | None) -> tuple[float, float] | None:
    """Where a candidate competes from: its own position, else (with `gazetteer`) its district's core."""
    if m.place.is_located:
        return m.place.latlon
    if gazetteer is None or not m.place.admin2:
        return None
    # the cores are computed once per gazetteer, on first need (about 0.3 s for the bundled one)
    return DistrictCores.of(gazetteer).rough_position(m.place)


def _contenders(r: Resolution) -> list[Match]:
    """The candidates of a lookup that proximity may choose among: within the ambiguity margin of the best
    score, and only the certain ones when there are any (a guess never beats a certain match)."""
    if r.best is None:
        return []
    ms = [r.best, *r.competitors] if r.ambiguous else [r.best]
    ms = [m for m in ms if m.score >= r.best.score - AMBIGUITY_MARGIN]
    if any(not m.uncertain for m in ms):
        ms = [m for m in ms if not m.uncertain]
    return ms


def settle_by_proximity(resolved: dict[Any, Resolution], chosen: dict, *,
                        gazetteer: Gazetteer | None = None) -> None:
    """Pick, for each ambiguous name, the candidate nearest the other names' places.

    `resolved` maps a key per distinct name to its resolution; `chosen` maps the
    same keys to ``(match, ambiguous, note)`` and is updated in place for the
    names settled. Shared by :func:`geocode_all` and :func:`geoclaims.read_claims`.

    Proximity never moves a name to a weaker match: only candidates within the ambiguity margin of the best
    score compete (callers that find none of them settles a name may let every certain reading compete, as
    :func:`geocode_all` and :func:`geoclaims.read_claims` do), a guess (:attr:`Match.uncertain`) never beats
    a certain match, and guesses never serve as the "other places" that pull a name (a misspelling matched
    to a village 500 km away must not drag the names around it there), nor do the candidates of other
    ambiguous names. A candidate's distance is the median over the :data:`PROXIMITY_NEIGHBOURS` nearest
    other names, and it wins when that is at most :data:`PROXIMITY_RATIO` of the runner-up's and at most
    :data:`PROXIMITY_MAX_KM`.

    With `gazetteer` (the one the names were resolved in), a candidate that is known but unlocated competes
    from the core of its district (:class:`~geoclaims.places.districts.DistrictCores`): it can lose to a
    located namesake by the front (the name is then settled there), or win (the name then means a place with
    no position, which is said as such rather than "ambiguous").  Unlocated places never pull other names.
    """

    opts = {q: [m for m in _contenders(r) if _position(m, gazetteer) is not None] for q, r in resolved.items()}
    anchors = {q: [m for m in o if not m.uncertain and m.place.is_located] for q, o in opts.items()}
    # the other places are those of names with one place: a namesake of another ambiguous name (one
    # of the Vodianes) must not pull a name towards it; only when no name is settled do all count
    settled = {q: a for q, a in anchors.items() if len(a) == 1}
    if len(settled) >= 2:
        anchors = settled
    import numpy as np

    # every anchor point once, with the index of the name it belongs to (grouped: reduceat takes the minima)
    names = [k for k, o in anchors.items() if o]
    owner = np.array([i for i, k in enumerate(names) for _ in anchors[k]], dtype=np.int64)
    points = np.radians(np.array([o.place.latlon for k in names for o in anchors[k]], dtype=float).reshape(-1, 2))
    starts = np.flatnonzero(np.r_[True, owner[1:] != owner[:-1]]) if len(owner) else owner
    index = {k: i for i, k in enumerate(names)}
    for q, r in resolved.items():
        if not r.ambiguous or len(opts[q]) < 2:
            continue
        own = index.get(q)
        if len(names) - (own is not None) < 1:
            continue
        here = np.radians(np.array([_position(m, gazetteer) for m in opts[q]], dtype=float))
        h = (np.sin((points[None, :, 0] - here[:, None, 0]) / 2) ** 2 + np.cos(here[:, None, 0])
             * np.cos(points[None, :, 0]) * np.sin((points[None, :, 1] - here[:, None, 1]) / 2) ** 2)
        d = 2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(1.0, h)))
        per_name = np.minimum.reduceat(d, starts, axis=1)  # each candidate's distance to each other name
        if own is not None:
            per_name = np.delete(per_name, own, axis=1)
        # the places nearest it: a file may cover several fronts, and a candidate is judged by the
        # places around it, not by the median over fronts hundreds of kilometres away
        k = min(PROXIMITY_NEIGHBOURS, per_name.shape[1])
        nearest = np.sort(per_name, axis=1)[:, :k]
        costs = [(float(np.median(nearest[i])), m) for i, m in enumerate(opts[q])]
        costs.sort(key=lambda c: c[0])
        (d1, m1), (d2, _) = costs[0], costs[1]
        if d1 <= PROXIMITY_RATIO * d2 and d1 <= PROXIMITY_MAX_KM:
            where = "" if m1.place.is_located else " (from the core of its district: it has no position of its own)"
            chosen[q] = (m1, False, f"chosen among {len(costs)} places of that name by proximity to the other names "
                                    f"(median {d1:.0f} km to the {k} nearest)"
                                    + where)


#: How many readings of an ambiguous name :func:`all_readings` gives at most.
WIDER_READINGS = 200


def all_readings(gaz: Gazetteer, r: Resolution, **context: Any) -> tuple[Resolution, dict[str, Match]] | None:
    """Every certain reading of an ambiguous lookup's name, as equal competitors, or None when there is none
    beyond those the lookup weighed already.

    "Pavlovka" answers first with the Russian villages of that name; the Ukrainian Pavlivkas, whose Russian name
    it is (a ``cognate`` reading), rank just below them and do not compete. Here they all do, with the score of
    the best, so that proximity (:func:`settle_by_proximity`) may choose among them.  `context` is the lookup's
    ``country``, ``region`` and ``bbox``.

    Returns
    -------
    (Resolution, dict) or None
        The widened lookup, and each reading's own match by place id (its real score and reason).
    """
    import dataclasses

    found = {m.place.id: m for m in gaz.lookup(r.query, limit=WIDER_READINGS, **context) if not m.uncertain}
    if len(found) <= 1 + len(r.competitors):
        return None
    readings = tuple(dataclasses.replace(m, score=1.0) for m in found.values())
    return Resolution(r.query, readings, True, readings[1:]), found


def _settle_among_readings(gaz: Gazetteer, resolved: dict[Any, Resolution], chosen: dict, **context: Any) -> None:
    """Names :func:`settle_by_proximity` left ambiguous, settled again among every certain reading of the name
    (:func:`all_readings`): named with Vuhledar and Marinka, "Pavlovka" is Pavlivka by Vuhledar."""
    # the other names that pull: those with one certain place, or settled to one before (never the candidates of a
    # name still ambiguous)
    anchors = {k: Resolution(resolved[k].query, (m,), False) for k, (m, ambiguous, _) in chosen.items()
               if not ambiguous and m is not None and not m.uncertain and m.place.is_located}
    if not anchors:
        return
    for q, r in resolved.items():
        if not chosen[q][1] or r.best is None:
            continue  # settled, or not ambiguous
        wide = all_readings(gaz, r, **context)
        if wide is None:
            continue  # no reading beyond those already weighed
        refs = dict(anchors)
        refs[q] = wide[0]
        again = {k: (v.best, v.ambiguous, "") for k, v in refs.items()}
        settle_by_proximity(refs, again, gazetteer=gaz)
        m, ambiguous, note = again[q]
        if not ambiguous:  # the reading as it matched (its own score and reason), not as it competed
            chosen[q] = (wide[1][m.place.id], False, note.replace("places of that name", "readings of that name"))


#: Places named together in one statement lie within this many km of each other when
#: :func:`settle_together` settles them by each other ("Sloboda and Lukashivka", two villages by Chernihiv).
TOGETHER_KM = 20.0
#: ... and any other choice of their namesakes spreads at least this many times wider, and at least
#: :data:`TOGETHER_APART_KM`.
TOGETHER_RATIO = 3.0
TOGETHER_APART_KM = 40.0
#: Combinations of namesakes tried at most (beyond it, nothing is settled).
TOGETHER_MAX_COMBINATIONS = 5_000


def settle_together(resolutions: Sequence[Resolution], anchors: Sequence[Place] = (), *,
                    gazetteer: Gazetteer | None = None) -> list[Place | None]:
    """Ambiguous names of one statement settled by each other: the one choice of namesakes that lies together.

    A report that names "Sloboda and Lukashivka" near Chernihiv names two villages that each share their
    name with a village of another district; with no certain place in the statement, proximity to the
    others (:func:`settle_by_proximity`) has nothing to go by. But the two Chernihiv villages lie 6 km apart
    and every other pairing 48 km or more: the statement means that pair.  Each choice of one candidate per
    name (with the statement's certain places, `anchors`, fixed) is measured by its spread, the largest
    distance between two of its places; the tightest is taken when its spread is at most
    :data:`TOGETHER_KM` and every choice that differs from it spreads :data:`TOGETHER_RATIO` times wider and
    at least :data:`TOGETHER_APART_KM`.  Candidates are those :func:`settle_by_proximity` weighs (within the
    ambiguity margin of the best score, certain ones before guesses); one with no position competes from
    its district's core, and one with neither leaves the statement unsettled.  Statements that name places
    of several fronts spread wide and are never settled this way.

    Parameters
    ----------
    resolutions : sequence of Resolution
        The statement's ambiguous lookups (several may share their candidates: "Лукашівка", "Лукашівку").
    anchors : sequence of Place
        The statement's located places that are certain.
    gazetteer : Gazetteer, optional
        For the district cores of candidates with no position.

    Returns
    -------
    list of Place or None
        The place chosen for each resolution, or None for all when nothing is settled.

    Examples
    --------
    >>> from geoclaims import Gazetteer
    >>> gaz = Gazetteer.default()
    >>> picks = settle_together([gaz.resolve("Sloboda", region="Chernihiv Oblast"),
    ...                          gaz.resolve("Lukashivka", region="Chernihiv Oblast")], gazetteer=gaz)
    >>> [p.admin2 for p in picks]
    ['Chernihivskyi', 'Chernihivskyi']
    """
    import itertools
    import math

    none: list[Place | None] = [None] * len(resolutions)
    if any(r.best is None for r in resolutions):
        return none
    # one entry per set of candidates: "Лукашівка" and "Лукашівку" are one name
    names = [tuple(sorted(m.place.id for m in (r.best, *r.competitors))) for r in resolutions]
    keys: dict[tuple[str, ...], list[tuple[Place, tuple[float, float]]]] = {}
    for key, r in zip(names, resolutions):
        if key not in keys:
            placed = [(m.place, _position(m, gazetteer)) for m in _contenders(r)]
            if any(here is None for _, here in placed):
                return none  # a namesake that cannot be placed at all cannot be ruled out
            keys[key] = placed
    fixed = [p.latlon for p in anchors if p.is_located]
    if len(keys) + len(fixed) < 2 or math.prod(len(o) for o in keys.values()) > TOGETHER_MAX_COMBINATIONS:
        return none

    def spread(points: list[tuple[float, float]]) -> float:
        return max((haversine_km(a, b) for a, b in itertools.combinations(points, 2)), default=0.0)

    # every combination differs from every other in at least one choice: the runner-up is the second
    scored = sorted((spread([*fixed, *(here for _, here in combo)]), i, combo)
                    for i, combo in enumerate(itertools.product(*keys.values())))
    best_spread, _, best = scored[0]
    runner_up = scored[1][0] if len(scored) > 1 else float("inf")
    if best_spread > TOGETHER_KM or runner_up < max(TOGETHER_RATIO * best_spread, TOGETHER_APART_KM):
        return none
    chosen = {key: place for key, (place, _) in zip(keys, best)}
    return [chosen[key] for key in names]
