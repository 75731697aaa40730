"""Ranking a name's candidates: distance from ``near=``, the order, and ambiguity.

:func:`resolve` takes the candidates :mod:`geoclaims.places.matching` finds for a name within the
``country=`` / ``region=`` / ``bbox=`` context (:mod:`geoclaims.places.lookup_context`).
A ``near=`` context subtracts up to 0.15 from a score with distance (logarithmically: 20 km costs
0.03, 300 km 0.09, 3,000 km 0.15; a place with no known position loses half of that).
Candidates are ordered by score, then by population.  Two candidates within 0.05 of each other
that lie far apart make the result *ambiguous*.

Examples
--------
>>> from geoclaims import Gazetteer
>>> r = resolve(Gazetteer.default(), "Martynovka", near=(51.2, 35.3))
>>> r.best.place.admin1, r.ambiguous
('Kursk Oblast', False)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable, Sequence

from geoclaims.errors import InvalidArgument, InvalidArgumentType
from geoclaims.places.distances import distance_km, haversine_km
from geoclaims.places.lookup_context import context_filter, near_point
from geoclaims.places.matching import candidates, stored_name
from geoclaims.places.place import Match, Place

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import BBox, Gazetteer, NearSpec

__all__ = ["Resolution", "resolve", "describe_candidates", "AMBIGUITY_MARGIN"]

AMBIGUITY_MARGIN = 0.05
NEAR_PENALTY_MAX = 0.15
NEAR_FULL_PENALTY_KM = 3000.0


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of resolving one name: the candidates and whether they compete.

    Parameters
    ----------
    query : str
        The name looked up.
    matches : tuple of Match
        Candidates, best first (empty when nothing matched).
    ambiguous : bool
        True when the best candidates are close in score and far apart.
    competitors : tuple of Match
        The candidates that compete with the best one (empty unless ambiguous).
    """

    query: str
    matches: tuple[Match, ...]
    ambiguous: bool
    competitors: tuple[Match, ...] = ()

    @property
    def best(self) -> Match | None:
        """The best candidate, or None."""
        return self.matches[0] if self.matches else None


def resolve(
    gaz: "Gazetteer",
    name: str,
    *,
    country: str | Sequence[str] | None = None,
    region: str | Sequence[str] | None = None,
    near: "NearSpec | None" = None,
    bbox: "BBox | None" = None,
    limit: int = 5,
) -> Resolution:
    """The candidates for `name` in `gaz`, best first, and whether they compete.

    See :meth:`Gazetteer.lookup <geoclaims.Gazetteer.lookup>` for the parameters.
    """
    if not isinstance(name, str):
        raise InvalidArgumentType(f"name must be a str, got {type(name).__name__}")
    if limit < 1:
        raise InvalidArgument(f"limit must be >= 1, got {limit!r}")
    keep = context_filter(country, region, bbox)
    near_ll = near_point(gaz, near) if near is not None else None
    raw = candidates(gaz, name, keep)
    places = gaz._places
    scored = []
    for pidx, score, reason, key in raw:
        dist = None
        if near_ll is not None:
            score, dist = _near_adjusted(score, places[pidx], near_ll)
        scored.append((score, pidx, reason, key, dist))
    scored.sort(key=lambda t: (-t[0], -(places[t[1]].population or 0), places[t[1]].id))
    competitors = _competitors([(t[0], places[t[1]]) for t in scored])

    def match(t) -> Match:
        score, pidx, reason, key, dist = t
        return Match(places[pidx], score, reason, stored_name(gaz, pidx, key), dist)

    return Resolution(
        query=name,
        matches=tuple(match(t) for t in scored[:limit]),
        ambiguous=bool(competitors),
        competitors=tuple(match(scored[i]) for i in competitors),
    )


def describe_candidates(matches: Iterable[Match]) -> str:
    """The candidates of an ambiguous name, for an error message: label, id, reason and score.

    Examples
    --------
    >>> from geoclaims import Gazetteer
    >>> r = Gazetteer.default().resolve("Sudzha", limit=1)
    >>> describe_candidates(r.matches)
    'Sudzha (Sudzhansky, Kursk Oblast, RU) [geonames:486816, exact 1.00]'
    """
    return "; ".join(f"{m.place.label} [{m.place.id}, {m.reason} {m.score:.2f}]" for m in matches)


def _near_adjusted(score: float, place: Place, near_ll: tuple[float, float]) -> tuple[float, float | None]:
    """Score lowered by distance from the near= point (see the module docstring)."""
    if place.latlon is None:
        # unknown position: half the maximum penalty, distance unknown
        return round(max(0.0, score - NEAR_PENALTY_MAX / 2), 4), None
    d = distance_km(near_ll, place.latlon)
    penalty = NEAR_PENALTY_MAX * min(1.0, math.log10(1 + d / 10) / math.log10(1 + NEAR_FULL_PENALTY_KM / 10))
    return round(max(0.0, score - penalty), 4), round(d, 2)


def _competitors(scored: list[tuple[float, Place]]) -> list[int]:
    """Indices of the candidates that compete with the first: close in score, far apart."""
    if len(scored) < 2:
        return []
    top_score, top = scored[0]
    out = []
    for i, (score, place) in enumerate(scored[1:], start=1):
        if score < top_score - AMBIGUITY_MARGIN:
            break
        if _far_apart(top, place):
            out.append(i)
    return out


def _far_apart(a: Place, b: Place) -> bool:
    if a.latlon is None or b.latlon is None:
        return True
    d = haversine_km(a.latlon, b.latlon)  # a 5 km threshold needs no geodesic precision
    return d > max(5.0, 2 * ((a.uncertainty_km or 0) + (b.uncertainty_km or 0)))
