"""The control engine: replay claims in date order into non-overlapping pieces of control.

Control is kept *relative to the baseline* (by default the international
borders): a piece is land outside a side's own territory that the side holds,
has advanced into, or is contesting. Land that is in no piece belongs to the
country it lies in. Every piece remembers the claim that drew it.

Rules, applied to each claim's polygon ``A`` (see :mod:`geoclaims.control.shapes`):

- ``capture`` by S: S holds ``A`` (outside S's territory); inside S's own
  territory, the opponent's pieces in ``A`` are removed (a retake).
- ``advance`` by S: as capture, with status *advanced*, except where S already
  holds the land (an advance never downgrades held land).
- ``withdraw`` by S: the opponent takes ``A`` (so S's pieces there go).
- ``contest``: ``A`` becomes *contested*; the piece belongs to the side that
  is not the land's owner.
- ``repelled`` and ``area`` claims change nothing (they are events).
- Two claims about the same place that give it to different sides within
  ``window_days`` of each other: the later one makes the place *contested*.
- Same-date claims are applied in a content order (claim id, place, action,
  ...), never in file order; month-precision claims come after the
  day-precision claims of the month's last day.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from geoclaims.claims.claim import SIDES, Claim, other_side
from geoclaims.control.polygons import robust, union

if TYPE_CHECKING:  # pragma: no cover
    from shapely.geometry.base import BaseGeometry

__all__ = ["Piece", "replay", "outcome", "sort_key", "geoms_of", "union_by_key", "differences", "window", "STATUSES",
           "MIN_AREA_M2"]


#: Status of a piece of control.
STATUSES: tuple[str, ...] = ("held", "advanced", "contested")

MIN_AREA_M2 = 1.0  # slivers below 1 m² are dropped

# -- differences of nearly equal polygons ----------------------------------------------------------
#: Below this many vertices a plain difference is as fast as the windowed one.
WINDOW_MIN_VERTICES = 2000

_MIX = (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB, 0xD6E8FEB86659FD93)

_KEYS: "OrderedDict[int, tuple[Any, Any, Any]]" = OrderedDict()


def _segment_keys(geoms):
    """A 64-bit key per directed boundary segment of the geometries, and the segments (x0, y0, x1, y1),
    sorted by key.

    Keys of each geometry are cached (by identity, the most recent 32): a snapshot's pieces take
    part in the diff before it and the diff after it.
    """
    import numpy as np

    parts = []
    for g in geoms:
        hit = _KEYS.get(id(g))
        if hit is None or hit[0] is not g:
            hit = (g, *_keys_of(g))
            _KEYS[id(g)] = hit
            if len(_KEYS) > 32:
                _KEYS.popitem(last=False)
        else:
            _KEYS.move_to_end(id(g))
        parts.append(hit[1:])
    if not parts:
        return np.empty(0, dtype=np.uint64), np.empty((0, 4))
    if len(parts) == 1:
        return parts[0]
    keys, segs = np.concatenate([p[0] for p in parts]), np.vstack([p[1] for p in parts])
    order = np.argsort(keys, kind="stable")
    return keys[order], segs[order]


def _keys_of(g):
    import numpy as np
    import shapely

    rings = shapely.get_rings(shapely.get_parts(shapely.normalize(g)))
    coords, index = shapely.get_coordinates(rings, return_index=True)
    if len(coords) < 2:
        return np.empty(0, dtype=np.uint64), np.empty((0, 4))
    same = index[1:] == index[:-1]
    seg = np.ascontiguousarray(np.hstack([coords[:-1], coords[1:]])[same])
    u = seg.view(np.uint64)
    with np.errstate(over="ignore"):
        key = np.zeros(len(u), dtype=np.uint64)
        for k, m in enumerate(_MIX):
            key ^= u[:, k] * np.uint64(m)
    order = np.argsort(key, kind="stable")
    return key[order], seg[order]


def _member(x, y):
    """``np.isin(x, y)`` for sorted uint64 keys (a merge; several times faster than isin here)."""
    import numpy as np

    if not len(y):
        return np.zeros(len(x), dtype=bool)
    i = np.searchsorted(y, x)
    i[i == len(y)] = 0
    return y[i] == x


def window(a, b) -> tuple[float, float, float, float] | None:
    """The box (x0, y0, x1, y1) outside which the unions of geometries `a` and `b` are equal (None: equal).

    The region where the unions differ is bounded by boundary segments that one set of
    geometries has and the other lacks, so it lies inside the bounding box of those segments.
    """
    import numpy as np

    ka, sa = _segment_keys(a)
    kb, sb = _segment_keys(b)
    only = np.vstack([sa[~_member(ka, kb)], sb[~_member(kb, ka)]])
    if not len(only):
        return None
    xs, ys = only[:, [0, 2]], only[:, [1, 3]]
    return float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max())


def differences(a: Sequence["BaseGeometry"], b: Sequence["BaseGeometry"]) -> tuple["BaseGeometry", "BaseGeometry"]:
    """``(A - B, B - A)`` for the unions A, B of two sets of non-overlapping pieces (local CRS).

    Fast when the sets share most of their boundary, as two states of a front line do: every
    piece is clipped to the box where the boundaries differ (:func:`window`) before the unions
    and the overlay. A check that both sets cover the same area outside the box guards the
    shortcut; when it fails the unions are computed in full.
    """
    import numpy as np
    import shapely

    a, b = list(a), list(b)

    def full():
        ua, ub = union(a), union(b)
        return robust(shapely.difference, ua, ub), robust(shapely.difference, ub, ua)

    if not a or not b or int(np.sum(shapely.get_num_coordinates(a + b))) < WINDOW_MIN_VERTICES:
        return full()
    box = window(a, b)
    if box is None:
        return shapely.Polygon(), shapely.Polygon()
    clip = shapely.box(box[0] - 1.0, box[1] - 1.0, box[2] + 1.0, box[3] + 1.0)
    ia, ib = shapely.intersection(a, clip), shapely.intersection(b, clip)
    # outside the box both sets must be the same land: their areas there must agree
    outside = (np.sum(shapely.area(a)) - np.sum(shapely.area(ia))) - (np.sum(shapely.area(b)) - np.sum(shapely.area(ib)))
    if abs(outside) > 1.0 + 1e-9 * float(np.sum(shapely.area(a + b))):
        return full()
    ca, cb = union(list(ia)), union(list(ib))
    return robust(shapely.difference, ca, cb), robust(shapely.difference, cb, ca)


@dataclass(frozen=True, slots=True, eq=False)
class Piece:
    """Land one side controls beyond its own territory, and the claim that drew it.

    ``claim`` is an index into the timeline's claims (-1 for the baseline, -2 for an observed map,
    -3 for land the inference method infers). ``geom`` is in the local projection (metres).
    Identity matters: an unchanged piece is the same object in every later snapshot. ``tier`` says
    whether a claim states the land ('claimed'), the model infers it ('inferred'), or it comes from
    the baseline ('baseline'); ``drivers`` lists the claims behind an inferred piece.
    """

    claim: int
    side: str
    status: str
    geom: "BaseGeometry"
    bounds: tuple[float, float, float, float]
    tier: str = "claimed"
    drivers: tuple[int, ...] = ()


def sort_key(c: Claim) -> tuple:
    """Date order with a content tie-break, so file order never matters."""
    return (
        c.date, c.date_precision == "month", c.claim_id, c.place.id if c.place else c.place_name,
        c.action, c.side, c.qualifier, c.claimant, c.status, c.distance_km or 0.0, c.source_url, c.note,
    )


def outcome(c: Claim) -> tuple[str, str] | None:
    """(side, status) a claim gives its polygon; ('', 'contested') for contest; None for events."""
    if c.action == "capture":
        return c.side, "held"
    if c.action == "advance":
        return c.side, "advanced"
    if c.action == "withdraw":
        return other_side(c.side), "held"
    if c.action == "contest":
        return "", "contested"
    return None


def _piece(claim: int, side: str, status: str, geom, tier: str = "claimed", drivers: tuple[int, ...] = ()) -> Piece | None:
    import shapely

    if geom is None or geom.is_empty or shapely.area(geom) < MIN_AREA_M2:
        return None
    return Piece(claim, side, status, geom, tuple(shapely.bounds(geom)), tier, tuple(drivers))


def _overlaps(b: tuple[float, float, float, float], pieces: Sequence[Piece]) -> list[int]:
    return [i for i, p in enumerate(pieces)
            if not (p.bounds[2] < b[0] or p.bounds[0] > b[2] or p.bounds[3] < b[1] or p.bounds[1] > b[3])]


def _cut(pieces: list[Piece], area) -> list[Piece]:
    """Remove `area` from every piece it touches."""
    import shapely

    b = tuple(shapely.bounds(area))
    hit = _overlaps(b, pieces)
    if not hit:
        return pieces
    hit = [i for i, ok in zip(hit, shapely.intersects([pieces[i].geom for i in hit], area)) if ok]
    if not hit:
        return pieces
    out: list[Piece | None] = list(pieces)
    geoms = robust(shapely.difference, [pieces[i].geom for i in hit], area)
    for i, g in zip(hit, geoms):
        p = pieces[i]
        out[i] = _piece(p.claim, p.side, p.status, g)
    return [p for p in out if p is not None]


def _outside(area, territory):
    """``area - territory``, fast when `area` lies wholly inside or outside (the usual case)."""
    import shapely

    if territory is None or not territory.intersects(area):
        return area
    if territory.contains(area):
        return shapely.Polygon()
    return shapely.difference(area, shapely.intersection(territory, shapely.box(*shapely.bounds(area))))


def _inside(area, territory):
    """``area & territory``, with the same shortcuts as :func:`_outside`."""
    import shapely

    if not territory.intersects(area):
        return shapely.Polygon()
    if territory.contains(area):
        return area
    return shapely.intersection(area, shapely.intersection(territory, shapely.box(*shapely.bounds(area))))


def replay(
    claims: Sequence[Claim],
    shapes: Sequence["BaseGeometry | None"],
    order: Sequence[int],
    territories: Mapping[str, "BaseGeometry"],
    *,
    initial: Sequence[Piece] = (),
    window_days: int | None = 3,
) -> tuple[list[dt.date], list[tuple[Piece, ...]], dict[int, str]]:
    """Apply claims (indices in `order`) and snapshot the pieces after each date.

    Parameters
    ----------
    claims, shapes
        Claims and their polygons (local CRS; None for unmapped claims).
    order
        Indices of the claims to apply, sorted by :func:`sort_key`.
    territories
        Each side's own territory (local CRS), for the baseline rule.
    initial
        Pieces at the start (from a user baseline).
    window_days
        Conflict window; None disables the contested-by-conflict rule.

    Returns
    -------
    dates, snapshots, applied
        ``snapshots[i]`` is the tuple of pieces at the end of ``dates[i]``;
        ``applied`` maps a claim index to how it was applied
        ('held', 'advanced', 'contested', 'contested (conflict with K011)').
    """
    import shapely

    pieces: list[Piece] = list(initial)
    dates: list[dt.date] = []
    snaps: list[tuple[Piece, ...]] = []
    applied: dict[int, str] = {}
    last_by_place: dict[str, list[tuple[dt.date, str, int]]] = {}
    for idx in order:
        c = claims[idx]
        if dates and c.date != dates[-1]:
            snaps.append(tuple(pieces))
            dates.append(c.date)
        elif not dates:
            dates.append(c.date)
        res = outcome(c)
        area = shapes[idx]
        if res is None or area is None or area.is_empty:
            continue
        side, status = res
        if c.place is not None and side and window_days is not None:
            conflict = None
            for d, s, j in reversed(last_by_place.get(c.place.id, ())):
                if (c.date - d).days > window_days:
                    break
                if s and s != side:
                    conflict = j
                    break
            last_by_place.setdefault(c.place.id, []).append((c.date, side, idx))
            if conflict is not None:
                side, status = "", "contested"
                applied[idx] = f"contested (conflicts with {claims[conflict].claim_id})"
        if status == "contested":
            pieces = _cut(pieces, area)
            for owner in SIDES:
                own = territories.get(owner)
                if own is None:
                    continue
                p = _piece(idx, other_side(owner), "contested", _inside(area, own))
                if p is not None:
                    pieces.append(p)
            applied.setdefault(idx, "contested")
            continue
        if status == "advanced":
            near = [pieces[i].geom for i in _overlaps(tuple(shapely.bounds(area)), pieces)
                    if pieces[i].side == side and pieces[i].status == "held"]
            held = [g for g, hit in zip(near, shapely.intersects(near, area)) if hit] if near else []
            if held:
                area = robust(shapely.difference, area, union(held))
                if area.is_empty:
                    applied[idx] = "advanced (already held)"
                    continue
        pieces = _cut(pieces, area)
        own = territories.get(side)
        gain = _outside(area, own)
        p = _piece(idx, side, status, gain)
        if p is not None:
            pieces.append(p)
        applied[idx] = status if p is not None else "retaken (own territory)"
    if dates:
        snaps.append(tuple(pieces))
    return dates, snaps, applied


def geoms_of(pieces: Sequence[Piece], side: str, statuses: Sequence[str]) -> list["BaseGeometry"]:
    """Geometries of `side`'s pieces with one of `statuses`."""
    return [p.geom for p in pieces if p.side == side and p.status in statuses]


def union_by_key(pieces: Sequence[Piece]) -> dict[tuple[str, str], tuple[Any, list[int]]]:
    """(side, status) -> (union of the pieces' geometry, claim indices, inferred pieces' drivers included)."""
    groups: dict[tuple[str, str], list[Piece]] = {}
    for p in pieces:
        groups.setdefault((p.side, p.status), []).append(p)
    out = {}
    for key, ps in groups.items():
        geom = union([p.geom for p in ps])
        out[key] = (geom, sorted({i for p in ps for i in (p.claim, *p.drivers)}))
    return out
