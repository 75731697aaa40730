"""Merging gazetteers: two sets of places in one index, and our unlocated places located by theirs.

:meth:`Gazetteer.merge <geoclaims.Gazetteer.merge>` uses :func:`merge`.  The incoming places win
on equal ids.  The name index is not built anew: the rows of our places are kept (renumbered),
and only the incoming places' names are romanised, or none at all when both sides are
gazetteers with no id in common.

Examples
--------
>>> from dataclasses import replace
>>> from geoclaims import Gazetteer
>>> gaz = Gazetteer.default()
>>> kolmakov = gaz.get("theatre:kolmakov")
>>> theirs = replace(kolmakov, id="x:1", lat=51.23, lon=35.13, uncertainty_km=1.0)
>>> [(ours.id, ours.latlon, q.id) for ours, q in locate_from(gaz, [theirs]).items()]
[('theatre:kolmakov', (51.23, 35.13), 'x:1')]
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Iterable

from geoclaims.places.name_index import NameIndex, build_name_rows
from geoclaims.places.names import fold
from geoclaims.places.place import Place

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer

__all__ = ["merge", "locate_from"]


def merge(gaz: "Gazetteer", other: "Gazetteer | Iterable[Place]", *, locate_unlocated: bool = True) -> "Gazetteer":
    """A gazetteer with the places of `gaz` and `other`; `other` wins on equal ids.

    See :meth:`Gazetteer.merge <geoclaims.Gazetteer.merge>` for the parameters.
    """
    from geoclaims.places.gazetteer import Gazetteer

    incoming = list(other.places if isinstance(other, Gazetteer) else other)
    if locate_unlocated:
        absorbed = locate_from(gaz._places, incoming)
        if absorbed:
            gone = {q.id for q in absorbed.values()}
            incoming = [q for q in incoming if q.id not in gone] + list(absorbed)
            other = incoming
    new_ids = {p.id for p in incoming}
    kept = [p for p in gaz._places if p.id not in new_ids]
    if isinstance(other, Gazetteer) and not new_ids & set(gaz._by_id):
        # disjoint: reuse both indexes instead of re-romanising every name
        offset = len(gaz._places)
        rows = [*gaz._index.rows(), *((k, p + offset, c) for k, p, c in other._index.rows())]
        return Gazetteer._from_index(gaz._places + incoming, NameIndex.from_rows(rows))
    # rebuild rows only for the incoming places, keep the rest of our index
    keep = {i for i, p in enumerate(gaz._places) if p.id not in new_ids}
    remap = {old: new for new, old in enumerate(sorted(keep))}
    rows = [(k, remap[pi], c) for k, pi, c in gaz._index.rows() if pi in remap]
    offset = len(kept)
    rows += [(k, pi + offset, c) for k, pi, c in build_name_rows(incoming)]
    return Gazetteer._from_index(kept + incoming, NameIndex.from_rows(rows))


def locate_from(ours: Iterable[Place], incoming: list[Place]) -> dict[Place, Place]:
    """Our unlocated places that `incoming` locates: {located copy of ours: theirs}.

    A place of ours with no position takes that of the one located incoming place with one of
    its names in the same country and region; with several such places nothing is guessed.
    """
    by_key: dict[tuple[str, str, str], list[Place]] = {}
    for q in incoming:
        if q.is_located:
            for n in (q.name, *q.aliases):
                k = fold(n)
                if k:
                    bucket = by_key.setdefault((q.country, q.admin1, k), [])
                    if q not in bucket:
                        bucket.append(q)
    out: dict[Place, Place] = {}
    for p in ours:
        if p.is_located:
            continue
        cands: dict[str, Place] = {}
        for n in (p.name, *p.aliases):
            for q in by_key.get((p.country, p.admin1, fold(n)), ()):
                cands[q.id] = q
        if len(cands) != 1:
            continue
        (q,) = cands.values()
        located = replace(
            p,
            lat=q.lat,
            lon=q.lon,
            uncertainty_km=q.uncertainty_km,
            aliases=tuple(dict.fromkeys(a for a in (*p.aliases, q.name, *q.aliases) if a != p.name)),
            sources=(*p.sources, *q.sources),
            location_note=f"located by {q.id} (same name in {p.admin1 or p.country})",
            population=p.population or q.population,
        )
        out[located] = q
    return out
