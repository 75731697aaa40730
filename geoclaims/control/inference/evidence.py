"""The evidence of the control field: what each claim says about the land at its place (:func:`evidence_kind`),
where and how strongly (kernels of a claim's reach, supply corridors back to a side's base), and until when
(superseded by a later claim of the other side nearby, or overrun). Bounds on extent are in
:mod:`~geoclaims.control.inference.extent`.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from geoclaims.claims.claim import SIDES, Claim, other_side
from geoclaims.control.engine import outcome
from geoclaims.control.inference.model import KINDS

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__ = ["evidence_kind"]


def evidence_kind(c: Claim) -> tuple[str, str] | None:
    """(side the claim's land goes to, kind) for a claim, or None when it says nothing about control.

    Examples
    --------
    >>> from geoclaims.claims.claim import Claim, parse_date
    >>> d = parse_date("2025-01-06")[0]
    >>> evidence_kind(Claim("K1", d, "Russian MoD", "RU", "UA", "repelled", "claimed", place_name="Berdin"))
    ('RU', 'defended')
    """
    if c.action == "contest":  # fighting: evidence for the side the claim names, not for nobody
        return c.side, "contested"
    if c.action == "repelled":  # the defender holds the place
        return other_side(c.side), "defended"
    return outcome(c)  # capture, advance, withdraw: as the replay draws them


class _Evidence:
    """The evidence part of :class:`~geoclaims.control.inference.field.ControlField` (a mixin: it sets the
    field's ``ev_*`` arrays, its depth bounds and their rasters)."""

    # -- evidence -------------------------------------------------------------------------------------------
    def _claim_points(self, claims, order, shapes) -> list[tuple[int, float, float]]:
        """(claim index, x, y) of every claim that says something about control at a place."""
        import shapely

        out = []
        for i in order:
            c = claims[i]
            if evidence_kind(c) is None or c.qualifier == "depth from border":
                continue
            g = shapes[i]
            if g is not None and not g.is_empty:
                p = shapely.point_on_surface(g)
                out.append((i, p.x, p.y))
            elif c.place is not None and c.place.is_located:
                p = self.projection.to_local(shapely.Point(c.place.lon, c.place.lat))
                out.append((i, p.x, p.y))
            elif c.geometry is not None:
                p = self.projection.to_local(shapely.point_on_surface(c.geometry))
                out.append((i, p.x, p.y))
        return out

    def _reach(self, c: Claim) -> float:
        """How far (m) the claim's evidence spreads: its place's territory cell radius times radius_per_cell,
        within [min_radius_km, radius_km] (radius_km without a cell)."""
        m = self.model
        cell = self._cells.get(c.place.id) if c.place is not None and m.radius_per_cell > 0 else None
        if cell is None or cell.is_empty:
            return m.radius_km * 1000.0
        r = math.sqrt(cell.area / math.pi) * m.radius_per_cell
        return min(max(r, m.min_radius_km * 1000.0), m.radius_km * 1000.0)

    def _weight(self, c: Claim, gain: str, kind: str) -> float:
        m = self.model
        w = m.status_weights.get(c.status, 0.5) * m.kind_weights.get(kind, 1.0)
        if c.claimant_side in SIDES:
            w *= m.admission if c.claimant_side != gain else m.self_claim
        return w

    def _evidence(self, claims, pts) -> None:
        import numpy as np

        m = self.model
        rows = []  # claim, x, y, sign, kind index, weight, day (ordinal), corridor?, sigma (m)
        for i, x, y in pts:
            c = claims[i]
            gain, kind = evidence_kind(c)
            if self.start is not None and c.date <= self.start:
                continue
            w = self._weight(c, gain, kind)
            k = KINDS.index("held" if kind == "defended" else kind)
            sign = 1.0 if gain == "UA" else -1.0
            rows.append((i, x, y, sign, k, w, c.date.toordinal(), 0, self._reach(c)))
        self.n_claim_points = len(rows)
        if m.corridor > 0:
            rows += self._corridors(rows)
        if rows:
            a = np.array(rows, dtype=float)
        else:
            a = np.empty((0, 9))
        self.ev_claim = a[:, 0].astype(int)
        self.ev_x, self.ev_y = a[:, 1], a[:, 2]
        self.ev_sign, self.ev_kind = a[:, 3], a[:, 4].astype(int)
        self.ev_w, self.ev_day = a[:, 5], a[:, 6].astype(int)
        self.ev_corridor = a[:, 7] > 0
        self.ev_sigma = a[:, 8]
        # evidence about one place (and the same step of its supply line) from several claims: one group
        keys: dict[tuple, int] = {}
        group = []
        for ci, sign, k, step in zip(self.ev_claim, self.ev_sign, self.ev_kind, a[:, 7]):
            c = claims[int(ci)]
            where = c.place.id if c.place is not None else f"claim:{int(ci)}"
            group.append(keys.setdefault((where, c.qualifier, sign, int(k), int(step)), len(keys)))
        self.ev_group = np.asarray(group, dtype=int)
        places: dict[str, int] = {}
        self.ev_place = np.asarray([places.setdefault(claims[int(ci)].place.id if claims[int(ci)].place is not None
                                                      else f"claim:{int(ci)}", len(places)) for ci in self.ev_claim],
                                   dtype=int)
        ix = np.clip(np.rint((self.ev_x - self.x[0]) / self.step).astype(int), 0, self.shape[1] - 1)
        iy = np.clip(np.rint((self.ev_y - self.y[0]) / self.step).astype(int), 0, self.shape[0] - 1)
        self.ev_cell = iy * self.shape[1] + ix
        # kernels in a few geometric steps (x1.4) from the smallest reach: one Gaussian filter per step
        lo = self.model.min_radius_km * 1000.0
        level = np.rint(np.log(np.maximum(self.ev_sigma, lo) / lo) / math.log(1.4)) if len(a) else np.empty(0)
        self._sigma_bins = np.minimum(lo * 1.4 ** level, self.model.radius_km * 1000.0)
        self._taken_mask = self._taken() if len(a) else np.zeros(0, dtype=bool)
        self.ev_until = self._superseded()

    def _corridors(self, rows) -> list[tuple]:
        """Support along the line from each held or advanced place in the other side's land back to its base."""
        import numpy as np
        from scipy import ndimage

        m = self.model
        out = []
        nearest = {}
        for side in SIDES:
            if self.base[side].any():
                _, (iy, ix) = ndimage.distance_transform_edt(~self.base[side], return_indices=True)
                nearest[side] = (iy, ix)
        for i, x, y, sign, k, w, day, _, sigma in rows:
            spacing = sigma / 2.0  # every half kernel radius
            if KINDS[int(k)] not in self.model.corridor_kinds or w <= 0:
                continue
            side = "UA" if sign > 0 else "RU"
            if side not in nearest:
                continue
            cx = int(np.clip(round((x - self.x[0]) / self.step), 0, self.shape[1] - 1))
            cy = int(np.clip(round((y - self.y[0]) / self.step), 0, self.shape[0] - 1))
            if self.base[side][cy, cx]:
                continue  # already on its own ground
            by, bx = nearest[side][0][cy, cx], nearest[side][1][cy, cx]
            tx, ty = self.x[bx], self.y[by]
            dist = math.hypot(tx - x, ty - y)
            if dist > m.corridor_km * 1000.0:
                continue
            n = int(dist // spacing)
            for j in range(1, n + 1):
                f = j * spacing / dist
                out.append((i, x + (tx - x) * f, y + (ty - y) * f, sign, k, w * m.corridor, day, j, sigma))
        return out

    def _superseded(self) -> "np.ndarray":
        """Per evidence point, the first day it stops counting (a day past any date when it never does); a
        claim's supply line goes with it. Evidence stops counting once

        - a later claim of the other side lies within ``supersede_km`` (the latest evidence wins locally), or
        - the other side has since taken ``overrun_places`` distinct places within ``overrun_km`` of it
          (:meth:`_overrun`)."""
        import numpy as np
        from scipy.spatial import cKDTree

        n = len(self.ev_x)
        never = np.iinfo(np.int64).max // 2
        until = np.full(n, never, dtype=np.int64)
        idx = np.flatnonzero(~self.ev_corridor)
        if len(idx) < 2:
            return until
        m = self.model
        claim_until = np.full(int(self.ev_claim.max()) + 1, never, dtype=np.int64)
        tree = cKDTree(np.column_stack([self.ev_x[idx], self.ev_y[idx]]))
        pairs = tree.query_pairs(m.supersede_km * 1000.0, output_type="ndarray")
        if len(pairs):
            a, b = idx[pairs[:, 0]], idx[pairs[:, 1]]
            a, b = np.concatenate([a, b]), np.concatenate([b, a])  # both directions
            later = (self.ev_sign[a] != self.ev_sign[b]) & (self.ev_day[b] > self.ev_day[a])
            np.minimum.at(claim_until, self.ev_claim[a[later]], self.ev_day[b[later]])
        if m.overrun_places > 0:
            self._overrun(tree, idx, claim_until)
        return claim_until[self.ev_claim]

    def _overrun(self, tree, idx, claim_until) -> None:
        """Lower `claim_until` (per claim) to the day the other side had taken `overrun_places` distinct places
        within `overrun_km` of the claim's place since its date: only captures and withdrawals count (what a
        claim states outright), each place once, at the first time it was taken."""
        import numpy as np

        m = self.model
        pairs = tree.query_pairs(m.overrun_km * 1000.0, output_type="ndarray")
        if not len(pairs):
            return
        a, b = idx[pairs[:, 0]], idx[pairs[:, 1]]
        a, b = np.concatenate([a, b]), np.concatenate([b, a])
        keep = self._taken_mask[b] & (self.ev_sign[a] != self.ev_sign[b]) & (self.ev_day[b] > self.ev_day[a])
        a, b = a[keep], b[keep]
        if not len(a):
            return
        ca, place, day = self.ev_claim[a], self.ev_place[b], self.ev_day[b]
        # the first day each (claim, place) was taken, then per claim the day its n-th place was
        o = np.lexsort((day, place, ca))
        ca, place, day = ca[o], place[o], day[o]
        first = np.ones(len(ca), dtype=bool)
        first[1:] = (ca[1:] != ca[:-1]) | (place[1:] != place[:-1])
        ca, day = ca[first], day[first]
        o = np.lexsort((day, ca))
        ca, day = ca[o], day[o]
        start = np.flatnonzero(np.r_[True, ca[1:] != ca[:-1]])
        rank = np.arange(len(ca)) - np.repeat(start, np.diff(np.r_[start, len(ca)]))
        hit = rank == m.overrun_places - 1
        np.minimum.at(claim_until, ca[hit], day[hit])

    def _taken(self) -> "np.ndarray":
        """Per evidence point: a claim that the side took the place (a capture, or the other side's withdrawal)."""
        import numpy as np

        acts = np.array([self.claims[int(i)].action in ("capture", "withdraw") for i in self.ev_claim], dtype=bool)
        return acts & (self.ev_kind == KINDS.index("held")) & ~self.ev_corridor
