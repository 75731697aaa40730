"""Sanity checks on the places a claims file resolves to: nothing far away succeeds silently.

A misspelling can match a real village hundreds of kilometres from the front ("Novogrudokkaya"
-> Novogrudok, Belarus, in a Kursk file), and a typed coordinate can land in another oblast.
Two checks turn such rows into problems that say what is wrong:

- :func:`outside_region`: a located place farther than :data:`REGION_MARGIN_KM` from every
  gazetteer place of the region its row names;
- :func:`file_outliers`: a place farther than :data:`OUTLIER_MIN_KM` (or
  :data:`OUTLIER_FACTOR` times the file's median nearest-neighbour distance, when that is more)
  from every other place of the same file, when its row names no region to vouch for it;
- :func:`statement_outliers`: a place farther than :data:`STATEMENT_MIN_KM` from every other place
  of its own statement (the rows of one claim id), whose other places lie close together. A report
  lists neighbouring villages ("near Horlivka, Mala Ivanivka and Alchevsk"): when the gazetteer
  lacks the village meant, its only namesake (a Mala Ivanivka of Kharkiv Oblast) would answer, in
  range of the file's other fronts but not of its statement.

A row whose region vouches for its place is not a problem, but a place farther than
:data:`CLUSTER_MIN_KM` (or :data:`OUTLIER_FACTOR` times the median spacing) from every other place
of the file is still flagged with a :class:`FarPlaceWarning`: the name may mean a village the
gazetteer lacks, with a namesake of the same oblast answering instead (the missing Zelene of Lyptsi
hromada used to become the Zelene 18 km away near Kharkiv, silently).

Examples
--------
>>> from geoclaims import Gazetteer
>>> gaz = Gazetteer.default()
>>> places = {i: gaz.resolve(n).best.place for i, n in enumerate(["Sudzha", "Berdin", "Malaya Loknya", "Novogrudok"])}
>>> {i: m.split(" is ")[0] for i, m in file_outliers(places).items()}
{3: 'Novogrudok (Grodno Region, BY)'}
"""

from __future__ import annotations

import math
import statistics
from typing import TYPE_CHECKING, Mapping, Sequence

from geoclaims.places.place import Place

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer
    from geoclaims.places.regions import Region

__all__ = ["outside_region", "file_outliers", "unplaced_outliers", "statement_outliers", "FarPlaceWarning",
           "REGION_MARGIN_KM", "OUTLIER_MIN_KM", "OUTLIER_FACTOR", "CLUSTER_MIN_KM", "STATEMENT_MIN_KM",
           "STATEMENT_FACTOR", "STATEMENT_TOWN_POPULATION"]

#: A place this far from every gazetteer place of the row's region lies outside it.
REGION_MARGIN_KM = 25.0
#: A place this far from every other place of its file is an outlier ...
OUTLIER_MIN_KM = 150.0
#: ... or this many times the file's median nearest-neighbour distance, when that is more.
OUTLIER_FACTOR = 5.0
#: A place its row's region vouches for is flagged (warned, not refused) this far from the rest.
CLUSTER_MIN_KM = 15.0
#: A place this far from every other place of its own statement (claim id) is an outlier of it ...
STATEMENT_MIN_KM = 100.0
#: ... when that is also this many times the distance between the statement's other places.
STATEMENT_FACTOR = 3.0
#: Towns this large are never outliers of their statement.
STATEMENT_TOWN_POPULATION = 10_000


class FarPlaceWarning(UserWarning):
    """A place of a claims file lies far from all the file's other places though its region allows it:
    it may be a namesake of the village meant. Give ``place_id`` or ``lat``/``lon`` to confirm it."""


def outside_region(gaz: "Gazetteer", place: Place, regions: Sequence["Region"]) -> str | None:
    """Why a located `place` cannot be in any of `regions`, or None when it can (or is unlocated)."""
    if place.lat is None or not regions:
        return None
    names = [r.name for r in regions]
    near = gaz.nearest(place.lat, place.lon, k=1, region=names)
    if near and near[0].distance_km <= REGION_MARGIN_KM:
        return None
    where = (f"{near[0].distance_km:.0f} km from the nearest place of {', '.join(names)} ({near[0].place.name})"
             if near else f"far from {', '.join(names)}")
    return (f"{place.name} at {place.lat:.4f}, {place.lon:.4f} lies outside {', '.join(names)}: {where}; "
            "check the region, the place_id or the lat/lon columns (lat first)")


def file_outliers(places: Mapping[object, Place], *, exempt: Sequence[object] = ()) -> dict[object, str]:
    """Rows whose place is far from every other place of the file: ``{row key: message}``.

    Parameters
    ----------
    places : mapping of row key to Place
        The located place of each row (unlocated ones are ignored).
    exempt : sequence
        Row keys not to report (rows whose region vouches for their place); their places still
        count as neighbours of the others.
    """
    import numpy as np

    distinct: dict[str, Place] = {}
    for p in places.values():
        if p.lat is not None:
            distinct.setdefault(p.id, p)
    if len(distinct) < 3:
        return {}
    ids = list(distinct)
    lat = np.radians([distinct[i].lat for i in ids])
    lon = np.radians([distinct[i].lon for i in ids])
    nn = np.empty(len(ids))
    nearest = np.empty(len(ids), dtype=np.int64)
    for a in range(0, len(ids), 512):  # chunks keep memory at 512 x n
        la, lo = lat[a:a + 512, None], lon[a:a + 512, None]
        h = np.sin((lat - la) / 2) ** 2 + np.cos(la) * np.cos(lat) * np.sin((lon - lo) / 2) ** 2
        d = 2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(1.0, h)))
        for r in range(d.shape[0]):
            d[r, a + r] = np.inf
        nearest[a:a + 512] = d.argmin(axis=1)
        nn[a:a + 512] = d.min(axis=1)
    spacing = OUTLIER_FACTOR * statistics.median(nn.tolist())
    limit, cluster = max(OUTLIER_MIN_KM, spacing), max(CLUSTER_MIN_KM, spacing)
    far = {ids[i]: (float(nn[i]), distinct[ids[int(nearest[i])]]) for i in range(len(ids)) if nn[i] > cluster}
    skip = set(exempt)
    out = {}
    warned: set[str] = set()
    for key, p in places.items():
        if p.id not in far:
            continue
        d, other = far[p.id]
        if key not in skip and d > limit:
            out[key] = (f"{p.label} is {d:.0f} km from every other place of this file (nearest: {other.name}); "
                        "if it is meant, say so with a region column (or lat/lon); otherwise correct the name")
        elif key in skip and p.id not in warned:
            warned.add(p.id)
            _warn_far(p, d, other, cluster)
    return out


def unplaced_outliers(unplaced: Mapping[object, tuple[Place, tuple[float, float]]],
                      located: Mapping[object, Place], *, exempt: Sequence[object] = ()) -> dict[object, str]:
    """Rows whose place has no position and whose district lies far from every located place of the file:
    ``{row key: message}``.

    A village known only with its district (an averaged GeoNames postal row) cannot be mapped, but the row
    still says which village it is; when that district is as far from every other place of the file as
    :func:`file_outliers` allows no place to be (:data:`OUTLIER_MIN_KM`, or :data:`OUTLIER_FACTOR` times the
    file's median spacing), the name most likely means a village the gazetteer lacks, near the others (a
    Bengali "Barkhovka" of the Bakhmut front read as a village of Kursk Oblast, 327 km away).

    Parameters
    ----------
    unplaced : mapping of row key to (Place, core)
        The unlocated place of each row and its district's core (lat, lon).
    located : mapping of row key to Place
        The file's located places.
    exempt : sequence
        Row keys not to report (rows whose region vouches for their place).
    """
    import numpy as np

    distinct: dict[str, Place] = {}
    for p in located.values():
        if p.lat is not None:
            distinct.setdefault(p.id, p)
    if len(distinct) < 3 or not unplaced:
        return {}
    pts = list(distinct.values())
    lat = np.radians([p.lat for p in pts])
    lon = np.radians([p.lon for p in pts])

    def dists(la: float, lo: float) -> "np.ndarray":
        h = np.sin((lat - la) / 2) ** 2 + np.cos(la) * np.cos(lat) * np.sin((lon - lo) / 2) ** 2
        return 2 * 6371.0088 * np.arcsin(np.sqrt(np.minimum(1.0, h)))

    nn = []
    for i in range(len(pts)):
        d = dists(lat[i], lon[i])
        d[i] = np.inf
        nn.append(float(d.min()))
    limit = max(OUTLIER_MIN_KM, OUTLIER_FACTOR * statistics.median(nn))
    skip = set(exempt)
    out = {}
    for key, (p, core) in unplaced.items():
        if key in skip:
            continue
        d = dists(math.radians(core[0]), math.radians(core[1]))
        k = int(d.argmin())
        if float(d[k]) > limit:
            out[key] = (f"{p.label} has no position of its own, and its district lies {float(d[k]):.0f} km from every "
                        f"other place of this file (nearest: {pts[k].name}): if a village of this name near the "
                        "others is meant, the gazetteer lacks it; give lat/lon (or a region that names it)")
    return out


def statement_outliers(rows: Mapping[object, tuple[str, Place]], *,
                       exempt: Sequence[object] = ()) -> dict[object, tuple[str, list[Place]]]:
    """Rows whose place is far from every other place of its own statement: ``{row key: (message,
    the statement's other places)}``.

    Parameters
    ----------
    rows : mapping of row key to (statement, Place)
        The located place of each row and the statement it belongs to (how the message names it: its
        claim id, quoted, or "in <source> of <date>").
    exempt : sequence
        Row keys not to report (rows whose region vouches for their place).

    Notes
    -----
    In a statement of three or more places, a place is an outlier when it lies more than
    :data:`STATEMENT_MIN_KM` km, and :data:`STATEMENT_FACTOR` times the others' spread, from all of
    them; towns of :data:`STATEMENT_TOWN_POPULATION` people or more never are (statements name the
    cities of several fronts together). Of two places far apart, nothing says which is wrong: neither is
    reported.

    Examples
    --------
    >>> from geoclaims import Gazetteer
    >>> gaz = Gazetteer.default()
    >>> rows = {i: ("'S1'", gaz.resolve(n).best.place) for i, n in enumerate(["Horlivka", "Alchevsk", "Berdin"])}
    >>> {k: m.split(" is ")[0] for k, (m, _) in statement_outliers(rows).items()}
    {2: 'Berdin (Bolshesoldatsky, Kursk Oblast, RU)'}
    """
    from geoclaims.places.distances import haversine_km

    by_statement: dict[str, dict[str, Place]] = {}
    for statement, p in rows.values():
        if statement and p.lat is not None:
            by_statement.setdefault(statement, {}).setdefault(p.id, p)

    far: dict[tuple[str, str], tuple[float, list[Place]]] = {}
    for statement, group in by_statement.items():
        if len(group) < 3:
            continue  # of two places far apart, nothing says which is wrong
        for pid, p in group.items():
            if (p.population or 0) >= STATEMENT_TOWN_POPULATION:
                continue  # statements name cities of several fronts together (Donetsk and Luhansk)
            others = [q for q in group.values() if q.id != pid]
            d = min(haversine_km(p.latlon, q.latlon) for q in others)
            spread = max((haversine_km(a.latlon, b.latlon) for a in others for b in others), default=0.0)
            if d > max(STATEMENT_MIN_KM, STATEMENT_FACTOR * spread):
                far[(statement, pid)] = (d, others)
    skip = set(exempt)
    out = {}
    for key, (statement, p) in rows.items():
        hit = far.get((statement, p.id))
        if hit is None or key in skip:
            continue
        d, others = hit
        names = ", ".join(q.name for q in others[:3])
        out[key] = (f"{p.label} is {d:.0f} km from every other place of its statement {statement} ({names}); "
                    "if it is meant, say so with a region column (or lat/lon); otherwise the gazetteer may lack "
                    "the village meant: give its lat/lon", others)
    return out


def _warn_far(p: Place, d: float, other: Place, cluster: float) -> None:
    import warnings

    warnings.warn(
        f"{p.label} [{p.id}] is {d:.0f} km from every other place of this file (nearest: {other.name}), "
        f"while each of its other places has a neighbour within {cluster:.0f} km: if a village of this name near "
        "the others is meant, the gazetteer lacks it; give place_id or lat/lon to confirm this one",
        FarPlaceWarning, stacklevel=4,
    )
