"""The control field of ``method="inferred"`` on a grid: log-odds that Ukraine controls each cell, the masks
of each side's control by status, areas, and the claims that drove a piece.

Its evidence comes from :mod:`~geoclaims.control.inference.evidence`, its polygons from
:mod:`~geoclaims.control.inference.contours`; the parameters are an
:class:`~geoclaims.control.inference.model.InferenceModel`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import OrderedDict
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from geoclaims.claims.claim import SIDES, Claim, other_side
from geoclaims.control.inference.contours import _Contours
from geoclaims.control.inference.evidence import _Evidence
from geoclaims.control.inference.extent import _Extent
from geoclaims.control.inference.model import KINDS, SATURATE, InferenceModel

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np
    from geoclaims.control.engine import Piece

__all__ = ["ControlField"]


class ControlField(_Evidence, _Extent, _Contours):
    """The control field of one set of claims (one perspective), on a grid in the timeline's projection.

    Built once; :meth:`masks`, :meth:`areas` and :meth:`pieces` evaluate it on any date (cached).
    Units: metres (the local equal-area projection); the grid's cells are ``cell_km`` wide.
    """

    def __init__(self, claims: Sequence[Claim], order: Sequence[int], shapes: Sequence[Any],
                 territories: Mapping[str, Any], projection: Any, model: InferenceModel, *,
                 baseline: Sequence["Piece"] = (), start: dt.date | None = None, coverage: Any = None,
                 cells: Mapping[str, Any] | None = None) -> None:
        import numpy as np
        import shapely

        self.model = model
        self.claims = claims
        self.projection = projection
        self.territories = territories
        self.start = start
        step = model.cell_km * 1000.0
        self.step = step
        pts = self._claim_points(claims, order, shapes)
        if pts:
            xs, ys = [p[1] for p in pts], [p[2] for p in pts]
            m = model.margin_km * 1000.0
            x0, y0, x1, y1 = min(xs) - m, min(ys) - m, max(xs) + m, max(ys) + m
        else:
            x0, y0, x1, y1 = -step, -step, step, step
        nx, ny = int(math.ceil((x1 - x0) / step)) + 1, int(math.ceil((y1 - y0) / step)) + 1
        self.x = x0 + np.arange(nx) * step
        self.y = y0 + np.arange(ny) * step
        self.shape = (ny, nx)
        gx, gy = np.meshgrid(self.x, self.y)
        self._gx, self._gy = gx, gy
        # who owns each cell
        self.own = {s: shapely.contains_xy(territories[s], gx, gy) for s in SIDES}
        self.box = shapely.box(x0 - step / 2, y0 - step / 2, self.x[-1] + step / 2, self.y[-1] + step / 2)
        # the prior: the owner of the land, or an observed baseline's control
        prior = np.where(self.own["UA"], model.prior, np.where(self.own["RU"], -model.prior, 0.0))
        if coverage is not None and baseline:  # an observed map says who holds every cell it covers
            seen = shapely.contains_xy(coverage, gx, gy)
            prior = np.where(seen, prior * (model.baseline_prior / model.prior), prior) if model.prior else prior
        self.base = {s: self.own[s].copy() for s in SIDES}  # where each side's lines of supply start
        self.has_baseline = bool(baseline)
        self.base_status = np.zeros((len(KINDS),) + self.shape) if baseline else None
        for piece in baseline:
            inside = shapely.contains_xy(piece.geom, gx, gy)
            if not inside.any():
                continue
            sign = 1.0 if piece.side == "UA" else -1.0
            # the grey zone leans a little to the side that contests it (the one not owning the land)
            prior[inside] = sign * model.baseline_prior * (0.25 if piece.status == "contested" else 1.0)
            if piece.status != "contested":
                self.base[piece.side] |= inside
            self.base_status[KINDS.index(piece.status if piece.status in KINDS else "held")][inside] = 0.05
        self.prior = prior
        self._cells = cells or {}
        self._evidence(claims, pts)
        self._depth_limits(claims, order)
        self._cache: "OrderedDict[Any, Any]" = OrderedDict()
        self._touch: dict[str, Any] = {}

    def _remember(self, key: Any, value: Any) -> None:
        """Keep a computed grid or polygon (the most recent 96)."""
        self._cache[key] = value
        self._cache.move_to_end(key)
        while len(self._cache) > 96:
            self._cache.popitem(last=False)

    # -- the field -----------------------------------------------------------------------------------------
    def weights(self, date: dt.date) -> "np.ndarray":
        """Each evidence point's weight on `date` (decayed; 0 before its date and once superseded)."""
        import numpy as np

        day = date.toordinal()
        age = day - self.ev_day
        w = np.where((age >= 0) & (day < self.ev_until), self.ev_w * 0.5 ** (np.maximum(age, 0) /
                                                                              self.model.half_life_days), 0.0)
        if len(w):
            # several claims saying the same of one place combine like probabilities ("or"), not sums:
            # ten outlets repeating one ministry statement are surer than one, not ten times as sure
            n = int(self.ev_group.max()) + 1
            total = np.bincount(self.ev_group, weights=w, minlength=n)
            either = -np.expm1(-np.bincount(self.ev_group, weights=-np.log1p(-np.minimum(w, SATURATE)), minlength=n))
            scale = np.divide(either, total, out=np.zeros_like(total), where=total > 0)
            w = w * scale[self.ev_group]
        return w

    def field(self, date: dt.date) -> tuple["np.ndarray", "np.ndarray", "np.ndarray"]:
        """(L, kind support, evidence): log-odds that Ukraine controls each cell; per kind (held, advanced,
        contested) the support of the side the field favours, shape (3, ny, nx); and how much evidence
        of either side reaches each cell (where the claims, not the prior, decide)."""
        import numpy as np
        from scipy import ndimage

        key = ("field", date)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        w = self.weights(date)
        size = self.shape[0] * self.shape[1]
        by_kind = np.zeros((2, len(KINDS)) + self.shape)
        for sigma_m in np.unique(self._sigma_bins):
            sigma = sigma_m / self.step
            norm = 2.0 * math.pi * sigma * sigma  # a unit of evidence peaks at 1 on its own cell
            in_bin = (self._sigma_bins == sigma_m) & (w > 0)
            for si, sign in enumerate((1.0, -1.0)):
                for k in range(len(KINDS)):
                    sel = in_bin & (self.ev_sign == sign) & (self.ev_kind == k)
                    if not sel.any():
                        continue
                    grid = np.bincount(self.ev_cell[sel], weights=w[sel], minlength=size).reshape(self.shape)
                    by_kind[si, k] += ndimage.gaussian_filter(grid, sigma, mode="constant", truncate=3.0) * norm
        L = self.prior + by_kind[0].sum(axis=0) - by_kind[1].sum(axis=0)
        lead = np.where(L[None] >= 0, by_kind[0], by_kind[1])
        if self.base_status is not None:  # an observed baseline keeps its statuses where evidence is weak
            lead = lead + self.base_status
        out = (L, lead, by_kind.sum(axis=(0, 1)))
        self._remember(key, out)
        self._remember(("held", date), by_kind[:, KINDS.index("held")])  # per side: what it is said to hold
        return out

    def masks(self, date: dt.date) -> dict[str, dict[str, "np.ndarray"]]:
        """Per side, boolean grids of the land it controls beyond its own country: 'point' (the field's
        call), 'min' and 'max' (the band), after the connection, enclosure, depth and area rules."""
        return self._masks_levels(date)[0]

    def levels(self, date: dt.date) -> dict[str, dict[str, float]]:
        """Per side, the log-odds levels its 'point', 'min' and 'max' land is cut at on `date`: 0 and
        +-``band``; an area claim in force moves the point's, and the band widens to hold it."""
        return self._masks_levels(date)[1]

    def _masks_levels(self, date: dt.date):
        key = ("masks", date)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        L, _, _ = self.field(date)
        w = self.weights(date)
        out, levels = {}, {}
        day = date.toordinal()
        for side in SIDES:
            s = 1.0 if side == "UA" else -1.0
            foreign = self.own[other_side(side)]
            limit = None
            for dside, d0, d1, metres in self.depths:
                if dside == side and d0 <= day <= d1:
                    limit = metres if limit is None else max(limit, metres)
            allowed = foreign if limit is None else foreign & (self._depth(side) <= limit)
            seeds = self._seeds(side, w)
            sL = s * L
            land = self._connected((sL > 0.0) & allowed, side, seeds)
            # land the side's ground and base enclose, but for what the other side is said to hold there
            rim = self._enclosed(land, side) & allowed & (self._held_support(date)[1 if side == "UA" else 0] <=
                                                          self.model.band)
            h = self.model.enclose_odds
            # an area claim in force moves the level and, first, how much of the enclosed land counts
            shift, rim_cut = (self._area_level(side, date, sL, allowed, seeds, rim) if self.area_bounds
                              else (0.0, -h))
            levels[side] = {"point": shift, "min": max(self.model.band, shift), "max": min(-self.model.band, shift)}
            out[side] = {}
            for name, level in levels[side].items():
                mask = land if level == 0.0 else self._connected((sL > level) & allowed, side, seeds)
                # the band's min is the land the evidence clearly gives: never what it only encloses
                if name == "point":
                    mask = mask | (rim & (sL > max(level - h, rim_cut)))
                elif name == "max":
                    mask = mask | (rim & (sL > level - h))
                out[side][name] = mask
        self._remember(key, (out, levels))
        return out, levels

    def _held_support(self, date: dt.date) -> "np.ndarray":
        """Per side (UA, RU), the field's support from what the side is said to hold (captures, the other
        side's withdrawals, repelled attacks) on `date`."""
        key = ("held", date)
        if key not in self._cache:
            self._cache.pop(("field", date), None)
            self.field(date)
        return self._cache[key]

    def _seeds(self, side: str, w) -> "np.ndarray":
        """Cells where a claim in force says the side holds the land (islands are kept there)."""
        import numpy as np

        sel = (~self.ev_corridor) & (w > 0) & (self.ev_sign == (1.0 if side == "UA" else -1.0)) & \
              (self.ev_kind == KINDS.index("held"))
        # only what a claim states outright (capture or the other side's withdrawal), not a repelled attack
        held = np.array([self.claims[i].action in ("capture", "withdraw") for i in self.ev_claim[sel]], dtype=bool)
        cells = self.ev_cell[sel][held] if held.size else np.empty(0, dtype=int)
        out = np.zeros(self.shape[0] * self.shape[1], dtype=bool)
        out[cells] = True
        return out.reshape(self.shape)

    def _connected(self, raw, side: str, seeds) -> "np.ndarray":
        """The parts of `raw` that touch the side's base (own country or baseline) or hold a seed."""
        import numpy as np
        from scipy import ndimage

        if not raw.any():
            return raw
        labels, n = ndimage.label(raw, structure=np.ones((3, 3), dtype=bool))
        if side not in self._touch:  # the cells next to the side's base, once
            self._touch[side] = ndimage.binary_dilation(self.base[side], structure=np.ones((3, 3), dtype=bool))
        touch = self._touch[side] | seeds
        keep = np.unique(labels[touch & raw])
        keep = keep[keep > 0]
        return np.isin(labels, keep)

    # -- areas and polygons ----------------------------------------------------------------------------------
    def areas(self, date: dt.date, region_mask: Any = None) -> dict[str, dict[str, float]]:
        """km² per side for 'point', 'min', 'max', and the point's 'held', 'advanced', 'contested'."""
        import numpy as np

        masks = self.masks(date)
        _, support, _ = self.field(date)
        status = np.argmax(support, axis=0)
        cell = (self.step / 1000.0) ** 2
        out = {}
        for side in SIDES:
            vals = {}
            for name, mk in masks[side].items():
                if region_mask is not None:
                    mk = mk & region_mask
                vals[name] = float(mk.sum()) * cell
                if name == "point":
                    for k, kind in enumerate(KINDS):
                        vals[kind] = float((mk & (status == k)).sum()) * cell
            out[side] = vals
        return out

    def region_mask(self, region_local: Any) -> "np.ndarray":
        """Cells whose centre lies in a local-CRS region."""
        import shapely

        return shapely.contains_xy(region_local, self._gx, self._gy)

    def drivers(self, date: dt.date, geom: Any) -> list[int]:
        """Claims (indices) whose evidence in force on `date` lies in or within two kernel radii of `geom`."""
        import shapely

        w = self.weights(date)
        sel = (w > 0) & ~self.ev_corridor
        if not sel.any() or geom.is_empty:
            return []
        shapely.prepare(geom)
        inside = shapely.dwithin(geom, shapely.points(self.ev_x[sel], self.ev_y[sel]), 2 * self.model.radius_km * 1000.0)
        return sorted({int(i) for i in self.ev_claim[sel][inside]})
