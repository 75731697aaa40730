"""Claims about a side's *extent* as bounds on the control field, not fills: 'depth from border' claims (how
deep the side reaches) and area claims ("the side holds N km²").

An area claim moves the level at which the field is cut (log-odds), within ``area_shift`` of the field's own
call, until the side's land in the claim's region is within the claim's figure and its margin: the figure
decides how much of the land the field finds least sure goes to the side, the field still decides where.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any

from geoclaims.claims.claim import SIDES

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

__all__: list[str] = []


class _Extent:
    """The extent bounds of :class:`~geoclaims.control.inference.field.ControlField` (a mixin)."""

    def _depth_limits(self, claims, order) -> None:
        """'depth from border' claims: (side, from day, to day, metres) bounds; area claims: (side, from day,
        to day, km², relative margin, weight, region) bounds."""
        m = self.model
        self.depths = []
        self.area_bounds = []
        for i in order:
            c = claims[i]
            if self.start is not None and c.date <= self.start:
                continue
            d0 = c.date.toordinal()
            if c.qualifier == "depth from border" and c.action in ("advance", "capture") and c.distance_km:
                self.depths.append((c.side, d0, d0 + m.depth_days, c.distance_km * 1000.0 * (1 + m.depth_margin)))
            elif c.action == "area" and c.area_basis == "held" and c.area_km2 and m.area_shift > 0 and c.side in SIDES:
                w = m.status_weights.get(c.status, 0.5)
                if c.claimant_side in SIDES:
                    w *= m.self_claim if c.claimant_side == c.side else m.admission
                if w <= 0:
                    continue
                self.area_bounds.append((c.side, d0, d0 + m.area_days, float(c.area_km2),
                                         min(m.area_margin / w, 1.0), w, c.region or ""))
        self._depth_rasters: dict[str, Any] = {}
        self._region_masks: dict[str, Any] = {}
        self._base_closed: dict[str, Any] = {}

    def _depth(self, side: str):
        """Distance (m) of every cell from the side's own country."""
        if side not in self._depth_rasters:
            from scipy import ndimage

            self._depth_rasters[side] = ndimage.distance_transform_edt(~self.own[side]) * self.step
        return self._depth_rasters[side]

    def _area_bound(self, side: str, date: dt.date) -> tuple[float, float, str] | None:
        """(low km², high km², region) of the strongest area claim about the side in force on `date`: weight
        halved every ``half_life_days`` as evidence is, the most recent on a tie.

        A figure is a snapshot: once the other side has taken a place since, the side may have lost any
        amount of land (a collapse), so the figure no longer bounds it from below. (Dropping the high bound
        too once the side itself takes a place measured worse on the development front, Kharkiv.)"""
        import numpy as np

        day = date.toordinal()
        best, key = None, None
        for s, d0, d1, km2, margin, w, region in self.area_bounds:
            if s != side or not (d0 <= day <= d1):
                continue
            k = (w * 0.5 ** ((day - d0) / self.model.half_life_days), d0)
            if key is None or k > key:
                best, key = (km2 * (1 - margin), km2 * (1 + margin), region, d0), k
        if best is None:
            return None
        lo, hi, region, d0 = best
        since = self._taken_mask & (self.ev_day > d0) & (self.ev_day <= day)
        sign = 1.0 if side == "UA" else -1.0
        if np.any(since & (self.ev_sign != sign)):
            lo = 0.0
        return lo, hi, region

    def _region_cells(self, region: str) -> "np.ndarray | None":
        """Cells inside a claim's region (None when the region has no bundled outline: the whole grid)."""
        if region not in self._region_masks:
            import shapely

            from geoclaims.errors import GeoclaimsError
            from geoclaims.places.boundaries import region_shape

            try:
                shape = self.projection.to_local(region_shape(region)) if region else None
            except GeoclaimsError:
                shape = None
            self._region_masks[region] = None if shape is None else shapely.contains_xy(shape, self._gx, self._gy)
        return self._region_masks[region]

    def _area_level(self, side: str, date: dt.date, sL, allowed, seeds, rim) -> tuple[float, float]:
        """(level, rim level): the level (log-odds, 0 = the field's call) at which to cut the side's land on
        `date`, and the level above which the land it only encloses (`rim`) counts, so that its area in an
        area claim's region falls within the claim's bound. A figure smaller than the side's land drops
        the enclosed land first (least sure first), then raises the level, at most ``area_shift``; a larger
        one lowers the level, at most ``area_shift``. More evidence for a side never gives it less land."""
        import numpy as np

        h = self.model.enclose_odds
        bound = self._area_bound(side, date)
        if bound is None:
            return 0.0, -h
        lo, hi, region = bound
        cell = (self.step / 1000.0) ** 2
        inside = self._region_cells(region)
        shift = self.model.area_shift
        # the land the side could have at the most generous level: its cells' field values, in the region
        reach = self._connected((sL > -shift) & allowed, side, seeds)
        if inside is not None:
            reach, rim = reach & inside, rim & inside
        vals = np.sort(sL[reach])[::-1]  # most sure first
        held = int((vals > 0).sum())
        extra = np.sort(sL[rim & ~(reach & (sL > 0)) & (sL > -h)])[::-1]  # enclosed only, most sure first
        now = (held + len(extra)) * cell
        if lo <= now <= hi or not len(vals):
            return 0.0, -h
        if now > hi:
            m = int(hi // cell) - held
            if m > 0:  # dropping part of the enclosed land is enough
                return 0.0, float((extra[m - 1] + extra[m]) / 2.0)
            n, rim_cut = int(hi // cell), math.inf
        else:
            n, rim_cut = int(lo // cell) - len(extra), -h
        if n <= 0:
            level = shift
        elif n >= len(vals):
            level = -shift
        else:  # between the n-th and (n+1)-th surest cells
            level = float((vals[n - 1] + vals[n]) / 2.0)
        return float(min(max(level, -shift), shift)), rim_cut

    def _enclosed(self, land, side: str) -> "np.ndarray":
        """Cells the side's `land` encloses with its base (own country or baseline): the morphological closing
        of each connected piece of land with the base by a disc of ``enclose_km``, less the closing of the
        base alone (its own bends are no one's gain) and the base. What lies between a side's held ground
        and its rear, or in the bends of one salient, is its own unless the other side's evidence says
        otherwise; the gap between two separate salients is not (closing them together measured worse on
        the development front, Kharkiv)."""
        import numpy as np
        from scipy import ndimage

        out = np.zeros(self.shape, dtype=bool)
        r = self.model.enclose_km * 1000.0 / self.step
        if r <= 0 or not land.any():
            return out

        def closing(x):  # dilation then erosion by a disc of radius r, with distance transforms
            grown = ndimage.distance_transform_edt(~x) <= r
            return ndimage.distance_transform_edt(grown) > r

        if side not in self._base_closed:  # the base's own bends, once per side
            self._base_closed[side] = closing(self.base[side])
        pad = int(math.ceil(2 * r)) + 2  # the window: the piece, and all a disc can close beside it
        edge = int(math.ceil(r)) + 1  # within a window, what is this near its cut edges is the base's artefact
        labels, _ = ndimage.label(land, structure=np.ones((3, 3), dtype=bool))
        for k, (sy, sx) in enumerate(ndimage.find_objects(labels), start=1):
            y0, y1 = max(sy.start - pad, 0), min(sy.stop + pad, self.shape[0])
            x0, x1 = max(sx.start - pad, 0), min(sx.stop + pad, self.shape[1])
            base = self.base[side][y0:y1, x0:x1]
            add = closing((labels[y0:y1, x0:x1] == k) | base) & ~self._base_closed[side][y0:y1, x0:x1] & ~base
            # keep the window's rim only where the window reaches the grid's edge (no cut there)
            add[:edge if y0 > 0 else 0] = False
            add[add.shape[0] - (edge if y1 < self.shape[0] else 0):] = False
            add[:, :edge if x0 > 0 else 0] = False
            add[:, add.shape[1] - (edge if x1 < self.shape[1] else 0):] = False
            out[y0:y1, x0:x1] |= add
        return out
