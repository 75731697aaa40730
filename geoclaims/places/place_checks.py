"""Sanity checks on the places a claims file resolves to: nothing far away succeeds silently.

A misspelling can match a real village hundreds of kilometres from the front ("Novogrudokkaya"
-> Novogrudok, Belarus, in a Kursk file), and a typed coordinate can land in another oblast.
Two checks turn such rows into problems that say what is wrong:

- :func:`outside_region`: a located place farther than :data:`REGION_MARGIN_KM` from every
  gazetteer place of the region its row names;
- :func:`file_outliers`: a place farther than :data:`OUTLIER_MIN_KM` (or
  :data:`OUTLIER_FACTOR` times the file's median nearest-neighbour distance, when that is more)
  from every other place of the same file, when its row names no region to vouch for it.

Examples
--------
>>> from geoclaims import Gazetteer
>>> gaz = Gazetteer.default()
>>> places = {i: gaz.resolve(n).best.place for i, n in enumerate(["Sudzha", "Berdin", "Malaya Loknya", "Novogrudok"])}
>>> {i: m.split(" is ")[0] for i, m in file_outliers(places).items()}
{3: 'Novogrudok (Grodno Region, BY)'}
"""

from __future__ import annotations

import statistics
from typing import TYPE_CHECKING, Mapping, Sequence

from geoclaims.places.place import Place

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer
    from geoclaims.places.regions import Region

__all__ = ["outside_region", "file_outliers", "REGION_MARGIN_KM", "OUTLIER_MIN_KM", "OUTLIER_FACTOR"]

#: A place this far from every gazetteer place of the row's region lies outside it.
REGION_MARGIN_KM = 25.0
#: A place this far from every other place of its file is an outlier ...
OUTLIER_MIN_KM = 150.0
#: ... or this many times the file's median nearest-neighbour distance, when that is more.
OUTLIER_FACTOR = 5.0


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
    limit = max(OUTLIER_MIN_KM, OUTLIER_FACTOR * statistics.median(nn.tolist()))
    far = {ids[i]: (float(nn[i]), distinct[ids[int(nearest[i])]]) for i in range(len(ids)) if nn[i] > limit}
    skip = set(exempt)
    out = {}
    for key, p in places.items():
        if p.id in far and key not in skip:
            d, other = far[p.id]
            out[key] = (f"{p.label} is {d:.0f} km from every other place of this file (nearest: {other.name}); "
                        "if it is meant, say so with a region column (or lat/lon); otherwise correct the name")
    return out
