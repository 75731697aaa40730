"""The runs of a :class:`~geoclaims.timeline.Timeline`: one replay of its claims per perspective, and the
snapshots of control it yields day by day.

A run is computed on first use and kept: the claims a perspective accepts, replayed in order
(:func:`geoclaims.control.engine.replay`); for ``method="inferred"`` also the control field, whose
snapshots are composed on first use (:class:`_InferredSnapshots`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from geoclaims.claims.claim import SIDES
from geoclaims.control.engine import Piece, replay, sort_key
from geoclaims.control.polygons import polygonal, robust, union
from geoclaims.errors import InvalidArgument
from geoclaims.timeline.perspective import Perspective

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.timeline.core import Timeline

__all__ = ["run_of", "snapshot", "claim_ids", "tiers"]


@dataclass
class _Run:
    dates: list[dt.date]
    snaps: "Sequence[tuple[Piece, ...]]"
    applied: dict[int, str]
    order: list[int]
    cache: dict = field(default_factory=dict)
    #: method="inferred": the control field (geoclaims.control.inference.field.ControlField)
    field: Any = None


class _InferredSnapshots:
    """The snapshots of an inferred run, composed on first use: the claims' own pieces where the field
    gives their side the land (tier 'claimed'), the baseline's likewise, and the rest of the side's land
    from the field (tier 'inferred', with the claims that drove it)."""

    def __init__(self, run: _Run, timeline: "Timeline") -> None:
        self.run, self.tl = run, timeline
        self.claimed = run.snaps  # the replay's pieces
        self._done: dict[int, tuple[Piece, ...]] = {}

    def __len__(self) -> int:
        return len(self.claimed)

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __getitem__(self, i: int) -> tuple[Piece, ...]:
        if i < 0:
            i += len(self)
        hit = self._done.get(i)
        if hit is None:
            hit = self._done[i] = compose(self.tl, self.run, self.run.dates[i], self.claimed[i])
            if len(self._done) > 128:
                self._done.pop(next(iter(self._done)))
        return hit


def run_of(tl: Timeline, perspective: "str | Perspective") -> tuple[Perspective, _Run]:
    p = Perspective.parse(perspective, tl.claimants)
    run = tl._runs.get(p)
    if run is None and tl.is_observed:
        raise InvalidArgument(f"perspective={perspective!r}: an observed timeline has one perspective, 'all'")
    if run is None:
        order = sorted((i for i, c in enumerate(tl.claims) if p.accepts(c)), key=lambda i: sort_key(tl.claims[i]))
        dates, snaps, applied = replay(tl.claims, tl._shapes, order, tl._territories,
                                       initial=tl._initial, window_days=tl.window_days)
        run = _Run(dates, snaps, applied, order)
        if tl.method == "inferred":
            from geoclaims.control.inference.field import ControlField

            run.field = ControlField(tl.claims, order, tl._shapes, tl._territories, tl.projection,
                                     tl.inference, baseline=tl._initial, start=tl.start_date,
                                     coverage=tl._baseline_coverage, cells=tl._cells)
            run.snaps = _InferredSnapshots(run, tl)
        tl._runs[p] = run
    return p, run


def compose(tl: Timeline, run: _Run, d: dt.date, claimed: Sequence[Piece]) -> tuple[Piece, ...]:
    """Pieces of an inferred run on `d` (see :class:`_InferredSnapshots`): the field's land by status.

    Where the claims' evidence reaches (the field's zone) the field decides; elsewhere the prior
    does, which is an observed baseline's own exact polygons, or the owner of the land. Which part
    of the land a claim states (tier 'claimed') is worked out by :meth:`pieces`, on request.
    """
    import shapely

    from geoclaims.control.engine import _piece

    f = run.field
    out: list[Piece] = []
    zone = f.zone(d) if f.has_baseline else None
    for side in SIDES:
        kept = []
        if f.has_baseline:
            # the baseline as it was at the start, exact, except where the evidence surely says otherwise
            lost = robust(shapely.difference, zone, f.polygon(d, side, "max")) if not zone.is_empty else zone
            for x in tl._initial:
                if x.side != side:
                    continue
                g = x.geom if lost.is_empty or not shapely.intersects(x.geom, lost) else \
                    polygonal(robust(shapely.difference, x.geom, lost))
                p = _piece(-1, side, x.status, g, tier="baseline")
                if p is not None:
                    out.append(p)
                    kept.append(p.geom)
            gain = polygonal(robust(shapely.intersection, zone, f.polygon(d, side, "min")))
            covered = union(kept)
        for kind, g in f.status_polygons(d, side).items():
            if f.has_baseline:
                g = polygonal(robust(shapely.intersection, g, gain))
                g = polygonal(robust(shapely.difference, g, covered)) if kept and not g.is_empty else g
            if g.is_empty:
                continue
            drivers = tuple(i for i in f.drivers(d, g) if tl.claims[i].date <= d)
            p = _piece(-3, side, kind, g, tier="inferred", drivers=drivers)
            if p is not None:
                out.append(p)
    return tuple(out)


def tiers(tl: Timeline, run: _Run, d: dt.date) -> tuple[Piece, ...]:
    """An inferred run's pieces on `d` split into what claims state (their own polygons, within the land the
    field gives their side; tier 'claimed') and the rest (tier 'inferred'), and the baseline's."""
    import bisect

    import shapely

    from geoclaims.control.engine import _piece

    i = bisect.bisect_right(run.dates, d) - 1
    if i < 0:
        return tl._initial
    snap = run.snaps[i]
    out: list[Piece] = [x for x in snap if x.tier == "baseline"]
    for side in SIDES:
        inferred = [x for x in snap if x.side == side and x.tier == "inferred"]
        if not inferred:
            continue
        land = union([x.geom for x in inferred])
        shapely.prepare(land)
        stated = []
        for x in run.snaps.claimed[i]:
            if x.side != side or x.claim < 0 or not shapely.intersects(land, x.geom):
                continue
            g = x.geom if shapely.covers(land, x.geom) else polygonal(robust(shapely.intersection, x.geom, land))
            p = _piece(x.claim, side, x.status, g)
            if p is not None:
                out.append(p)
                stated.append(p.geom)
        covered = shapely.disjoint_subset_union_all(stated) if stated else None
        for x in inferred:
            g = polygonal(robust(shapely.difference, x.geom, covered)) if covered is not None else x.geom
            p = _piece(-3, side, x.status, g, tier="inferred", drivers=x.drivers)
            if p is not None:
                out.append(p)
    return tuple(out)


def claim_ids(tl: Timeline, run: _Run, idx: Iterable[int]) -> list[str]:
    """Claim ids in the order the claims were applied (never file order); 'baseline' first."""
    rank = run.cache.setdefault("rank", {i: k for k, i in enumerate(run.order)})
    ordered = sorted((i for i in idx if i >= 0), key=rank.__getitem__)
    return (["baseline"] if -1 in idx else []) + list(dict.fromkeys(tl.claims[i].claim_id for i in ordered))


def snapshot(tl: Timeline, run: _Run, date: dt.date) -> tuple[Piece, ...]:
    import bisect

    i = bisect.bisect_right(run.dates, date) - 1
    return run.snaps[i] if i >= 0 else tl._initial
