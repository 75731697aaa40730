"""Geocode names: one (:func:`geocode`) or a batch (:func:`geocode_all`).

In a batch, places named together are assumed to lie close together (a report
names villages of one front): an ambiguous name is settled by its candidates'
distance to the other names' places (*mutual proximity*) when one candidate is
clearly closer; otherwise it stays flagged as ambiguous.
"""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING, Any, Iterable, Literal, Sequence

from geoclaims.errors import AmbiguousPlace, InvalidArgument, InvalidArgumentType
from geoclaims.gazetteer import BBox, Gazetteer, NearSpec, Resolution, _describe_candidates, haversine_km
from geoclaims.place import Match, Place

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

__all__ = ["geocode", "geocode_all", "GEOCODE_COLUMNS"]

#: Columns of :func:`geocode_all`'s result, in order (plus ``geometry``).
GEOCODE_COLUMNS = (
    "query", "place_id", "name", "country", "admin1", "admin2", "lat", "lon", "uncertainty_km",
    "score", "reason", "ambiguous", "candidates", "note",
)
#: A candidate wins by mutual proximity when its distance to the other names'
#: places is at most this fraction of the runner-up's.
PROXIMITY_RATIO = 0.5


def geocode(
    name: str,
    *,
    country: str | Sequence[str] | None = None,
    region: str | Sequence[str] | None = None,
    near: NearSpec | None = None,
    bbox: BBox | None = None,
    gazetteer: Gazetteer | None = None,
    on_ambiguous: Literal["raise", "first"] = "raise",
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

    Returns
    -------
    Place or None
        None when nothing matches.  A *known but unlocated* place is returned
        with ``lat``/``lon`` None; :meth:`Place.describe` says why.

    Raises
    ------
    AmbiguousPlace
        With ``on_ambiguous="raise"``, when the name is ambiguous in its context.

    Examples
    --------
    >>> geocode("Berdin").name
    'Berdin'
    >>> geocode("Artemovsk", region="Donetsk Oblast").name
    'Bakhmut'
    >>> geocode("Atlantisgrad") is None
    True
    """
    if on_ambiguous not in ("raise", "first"):
        raise InvalidArgument(f"on_ambiguous must be 'raise' or 'first', got {on_ambiguous!r}")
    gaz = gazetteer or Gazetteer.default()
    r = gaz.resolve(name, country=country, region=region, near=near, bbox=bbox)
    if r.best is None:
        return None
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
        no ``near=`` is given).

    Returns
    -------
    geopandas.GeoDataFrame
        Columns :data:`GEOCODE_COLUMNS` and ``geometry`` (EPSG:4326).
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
        settle_by_proximity(resolved, chosen)

    records = []
    geoms = []
    for q in queries:
        best, ambiguous, how = chosen[q]
        r = resolved[q]
        if best is None:
            records.append(_row(q, None, False, "", f"no place matches {q!r} in the gazetteer"))
            geoms.append(None)
            continue
        p = best.place
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
        "ambiguous": bool(ambiguous),
        "candidates": candidates,
        "note": note,
    }


def settle_by_proximity(resolved: dict[Any, Resolution], chosen: dict) -> None:
    """Pick, for each ambiguous name, the candidate nearest the other names' places.

    `resolved` maps a key per distinct name to its resolution; `chosen` maps the
    same keys to ``(match, ambiguous, note)`` and is updated in place for the
    names settled. Shared by :func:`geocode_all` and :func:`geoclaims.read_claims`.
    """

    def options(r: Resolution) -> list[Match]:
        if r.best is None:
            return []
        ms = [r.best, *r.competitors] if r.ambiguous else [r.best]
        return [m for m in ms if m.place.is_located]

    opts = {q: options(r) for q, r in resolved.items()}
    for q, r in resolved.items():
        if not r.ambiguous:
            continue
        others = [o for k, o in opts.items() if k != q and o]
        if not others:
            continue
        costs = []
        for m in opts[q]:
            dists = [min(haversine_km(m.place.latlon, o.place.latlon) for o in other) for other in others]
            costs.append((statistics.median(dists), m))
        if len(costs) < 2:
            continue
        costs.sort(key=lambda c: c[0])
        (d1, m1), (d2, _) = costs[0], costs[1]
        if d1 <= PROXIMITY_RATIO * d2:
            chosen[q] = (m1, False, f"chosen among {len(costs)} places of that name by proximity to the other names (median {d1:.0f} km)")
