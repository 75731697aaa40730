"""Inference of the front from claims: a control field over the land, its front line and an uncertainty band.

The other methods draw only what a claim states (the settlement's cell or footprint). This one,
``method="inferred"``, also infers the land *between* claimed places, which is what a front line
encloses. In plain words:

1. **Evidence.** Every mapped claim is evidence that a side controls the land at its place on its
   date: a capture or an advance by S, a withdrawal by S's opponent, a repelled attack by S's
   opponent (the defender holds the place), fighting (contest) by S. Its weight grows with how sure
   it is (assessed > claimed > unverified) and with who says it (a side admitting a loss counts more
   than a side claiming a gain); it halves every ``half_life_days`` and is dropped once a later claim
   nearby gives the land to the other side (the latest evidence wins locally).
2. **Field.** Each piece of evidence spreads over the land with a Gaussian kernel (``radius_km``);
   held ground also supports the line back to the side's base (its own country, or what it held at
   the start), because an army holds the road to a village it holds. Added up, with the owner of
   the land (or an observed baseline map) as the prior far from any claim, the evidence gives the
   log-odds ``L`` that Ukraine controls each cell of a grid (``cell_km``), and Russia the rest.
3. **Control.** A side controls the cells of the other side's country where the field favours it,
   if they connect to its base, or hold a claim that says so (an island only where a claim puts
   one). A claim that a side advanced "up to D km" bounds its depth for a few weeks.
4. **Front line and band.** The front is the zero line of the field, smooth, not a staircase of
   cells; the band is where the field is within ``band`` of zero: the *min* polygon is the land the
   evidence clearly gives the side, the *max* the land it may reach. Every state and area comes as
   ``km2_min``, ``km2``, ``km2_max``.

What a claim states and what the model infers stay apart: on a map, land inside a claim's own
polygon is tier *claimed*, the rest *inferred*, and every inferred piece lists the claims that
drove it. The parameters were chosen on the Kursk example against DeepStateMap, never on the
held-out fronts used to measure them (benchmarks/README.md).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from geoclaims.claims.claim import SIDES, Claim, other_side
from geoclaims.errors import InvalidArgument

if TYPE_CHECKING:  # pragma: no cover
    import numpy as np

    from geoclaims.control.engine import Piece

__all__ = ["InferenceModel", "ControlField", "evidence_kind"]

#: Evidence kinds: what a claim says about the land at its place.
KINDS = ("held", "advanced", "contested")
#: Log-odds of evidence below which the prior (the owner, or an observed baseline) decides a cell.
ZONE = 0.1
#: Claims saying the same of one place combine like probabilities ("or"), each capped below certainty.
SATURATE = 0.95


@dataclass(frozen=True)
class InferenceModel:
    """Parameters of ``method="inferred"`` (see the module docstring for what each does).

    Parameters
    ----------
    cell_km : float
        Grid spacing of the control field.
    radius_km, min_radius_km : float
        How far one claim's evidence reaches (the Gaussian kernel's sigma) at most and at least.
    radius_per_cell : float
        Within those bounds the reach follows the settlement pattern: this many times the radius of
        the claimed place's territory cell (villages 2 km apart reach less far than towns 10 km apart);
        0 uses ``radius_km`` everywhere.
    prior : float
        Log-odds pull toward the land's owner far from any claim.
    baseline_prior : float
        Log-odds pull toward an observed baseline's control (``Timeline.from_claims(baseline=...)``).
    half_life_days : float
        Evidence loses half its weight in this many days.
    supersede_km : float
        A later claim giving the land to the other side within this distance drops earlier evidence.
    corridor : float
        Weight of the support a held place gives the line back to its side's base (0 turns it off).
    corridor_km : float
        Longest such line.
    corridor_kinds : tuple of str
        The kinds of evidence that support such a line: ``held`` (a capture, the other side's withdrawal),
        ``advanced``.
    band : float
        Log-odds margin of the uncertainty band (min and max polygons).
    depth_days : int
        Days a "depth from border" claim bounds the side's depth.
    depth_margin : float
        Slack on such a bound (0.25: up to 25 % deeper).
    status_weights : mapping
        Weight by claim status.
    admission, self_claim : float
        Weight factors for a claimant conceding the other side's gain, and for a side claiming its own.
    kind_weights : mapping
        Weight by evidence kind (held, advanced, contested) and for repelled attacks ('defended').
    margin_km : float
        The grid reaches this far beyond the claims.
    """

    cell_km: float = 0.5
    radius_km: float = 4.5
    min_radius_km: float = 1.5
    radius_per_cell: float = 1.0
    prior: float = 0.5
    baseline_prior: float = 0.6
    half_life_days: float = 90.0
    supersede_km: float = 5.0
    corridor: float = 0.6
    corridor_km: float = 30.0
    corridor_kinds: tuple[str, ...] = ("held", "advanced")
    band: float = 0.25
    depth_days: int = 21
    depth_margin: float = 0.25
    status_weights: Mapping[str, float] = field(default_factory=lambda: {"assessed": 1.0, "claimed": 0.7,
                                                                           "unverified": 0.35})
    admission: float = 1.3
    self_claim: float = 0.8
    kind_weights: Mapping[str, float] = field(default_factory=lambda: {"held": 1.0, "advanced": 0.8,
                                                                         "contested": 0.5, "defended": 0.7})
    margin_km: float = 30.0

    def __post_init__(self) -> None:
        for name in ("cell_km", "radius_km", "half_life_days", "supersede_km", "corridor_km", "margin_km"):
            v = getattr(self, name)
            if not (isinstance(v, (int, float)) and v > 0 and math.isfinite(v)):
                raise InvalidArgument(f"InferenceModel: {name}={v!r} is not valid; it must be a number > 0")
        for name in ("prior", "baseline_prior", "corridor", "band", "depth_margin", "admission", "self_claim"):
            v = getattr(self, name)
            if not (isinstance(v, (int, float)) and v >= 0 and math.isfinite(v)):
                raise InvalidArgument(f"InferenceModel: {name}={v!r} is not valid; it must be a number >= 0")
        if self.depth_days < 0:
            raise InvalidArgument(f"InferenceModel: depth_days={self.depth_days!r} must be >= 0")
        if self.radius_km < self.cell_km:
            raise InvalidArgument(f"InferenceModel: radius_km ({self.radius_km}) must be at least cell_km "
                                  f"({self.cell_km})")
        if not (0 < self.min_radius_km <= self.radius_km):
            raise InvalidArgument(f"InferenceModel: min_radius_km ({self.min_radius_km}) must be > 0 and at most "
                                  f"radius_km ({self.radius_km})")
        if not (isinstance(self.radius_per_cell, (int, float)) and self.radius_per_cell >= 0):
            raise InvalidArgument(f"InferenceModel: radius_per_cell={self.radius_per_cell!r} must be a number >= 0")


def evidence_kind(c: Claim) -> tuple[str, str] | None:
    """(side the claim's land goes to, kind) for a claim, or None when it says nothing about control.

    Examples
    --------
    >>> from geoclaims.claims.claim import Claim, parse_date
    >>> d = parse_date("2025-01-06")[0]
    >>> evidence_kind(Claim("K1", d, "Russian MoD", "RU", "UA", "repelled", "claimed", place_name="Berdin"))
    ('RU', 'defended')
    """
    if c.action == "capture":
        return c.side, "held"
    if c.action == "advance":
        return c.side, "advanced"
    if c.action == "withdraw":
        return other_side(c.side), "held"
    if c.action == "contest":
        return c.side, "contested"
    if c.action == "repelled":
        return other_side(c.side), "defended"
    return None


class ControlField:
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
        ix = np.clip(np.rint((self.ev_x - self.x[0]) / self.step).astype(int), 0, self.shape[1] - 1)
        iy = np.clip(np.rint((self.ev_y - self.y[0]) / self.step).astype(int), 0, self.shape[0] - 1)
        self.ev_cell = iy * self.shape[1] + ix
        # kernels in a few geometric steps (x1.4) from the smallest reach: one Gaussian filter per step
        lo = self.model.min_radius_km * 1000.0
        level = np.rint(np.log(np.maximum(self.ev_sigma, lo) / lo) / math.log(1.4)) if len(a) else np.empty(0)
        self._sigma_bins = np.minimum(lo * 1.4 ** level, self.model.radius_km * 1000.0)
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
        """Per evidence point, the first day a later claim of the other side lies within supersede_km (a day
        past any date when none does); a claim's supply line goes with it."""
        import numpy as np
        from scipy.spatial import cKDTree

        n = len(self.ev_x)
        never = np.iinfo(np.int64).max // 2
        until = np.full(n, never, dtype=np.int64)
        idx = np.flatnonzero(~self.ev_corridor)
        if len(idx) < 2:
            return until
        tree = cKDTree(np.column_stack([self.ev_x[idx], self.ev_y[idx]]))
        pairs = tree.query_pairs(self.model.supersede_km * 1000.0, output_type="ndarray")
        if not len(pairs):
            return until
        a, b = idx[pairs[:, 0]], idx[pairs[:, 1]]
        a, b = np.concatenate([a, b]), np.concatenate([b, a])  # both directions
        later = (self.ev_sign[a] != self.ev_sign[b]) & (self.ev_day[b] > self.ev_day[a])
        claim_until = np.full(int(self.ev_claim.max()) + 1, never, dtype=np.int64)
        np.minimum.at(claim_until, self.ev_claim[a[later]], self.ev_day[b[later]])
        return claim_until[self.ev_claim]

    def _depth_limits(self, claims, order) -> None:
        """'depth from border' claims: (side, from day, to day, metres) bounds."""
        m = self.model
        self.depths = []
        for i in order:
            c = claims[i]
            if c.qualifier == "depth from border" and c.action in ("advance", "capture") and c.distance_km:
                d0 = c.date.toordinal()
                if self.start is not None and c.date <= self.start:
                    continue
                self.depths.append((c.side, d0, d0 + m.depth_days, c.distance_km * 1000.0 * (1 + m.depth_margin)))
        self._depth_rasters: dict[str, Any] = {}

    def _depth(self, side: str):
        """Distance (m) of every cell from the side's own country."""
        if side not in self._depth_rasters:
            from scipy import ndimage

            self._depth_rasters[side] = ndimage.distance_transform_edt(~self.own[side]) * self.step
        return self._depth_rasters[side]

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
        return out

    def masks(self, date: dt.date) -> dict[str, dict[str, "np.ndarray"]]:
        """Per side, boolean grids of the land it controls beyond its own country: 'point' (the field's
        call), 'min' and 'max' (the band), after the connection and depth rules."""
        key = ("masks", date)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        L, _, _ = self.field(date)
        w = self.weights(date)
        out = {}
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
            out[side] = {}
            for name, level in (("point", 0.0), ("min", self.model.band), ("max", -self.model.band)):
                raw = (s * L > level) & allowed
                out[side][name] = self._connected(raw, side, seeds)
        self._remember(key, out)
        return out

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

    def polygon(self, date: dt.date, side: str, which: str = "point") -> Any:
        """The side's land (local CRS): the field's contour around the connected cells, clipped to the other
        side's country, smooth (contourpy), not a staircase."""
        import numpy as np
        import shapely

        key = ("poly", date, side, which)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        from geoclaims.control.engine import polygonal, robust

        L, _, _ = self.field(date)
        mask = self.masks(date)[side][which]
        s = 1.0 if side == "UA" else -1.0
        level = {"point": 0.0, "min": self.model.band, "max": -self.model.band}[which]
        if not mask.any():
            geom = shapely.Polygon()
        else:
            # the field where the mask holds, pushed below the level elsewhere: contours follow the field
            z = np.where(mask, s * L - level, np.minimum(s * L - level, -1e-3))
            geom = _filled_contour(self.x, self.y, z)
            geom = polygonal(robust(shapely.intersection, geom, self.territories[other_side(side)]))
        self._remember(key, geom)
        return geom

    def status_polygons(self, date: dt.date, side: str) -> dict[str, Any]:
        """The side's point polygon split by the kind of evidence that leads there: held, advanced, contested."""
        import numpy as np
        import shapely

        from geoclaims.control.engine import polygonal, robust

        land = self.polygon(date, side, "point")
        if land.is_empty:
            return {}
        _, support, _ = self.field(date)
        status = np.argmax(support, axis=0)
        out = {}
        for k, kind in enumerate(KINDS):
            z = np.where(status == k, 1.0, -1.0)
            if not (z > 0).any():
                continue
            part = _filled_contour(self.x, self.y, _smooth_indicator(z))
            g = polygonal(robust(shapely.intersection, land, part))
            if not g.is_empty:
                out[kind] = g
        # what the status contours missed along seams goes to the leading kind
        rest = polygonal(robust(shapely.difference, land, shapely.union_all(list(out.values())))) if out else land
        if not rest.is_empty and shapely.area(rest) > 1.0:
            lead = max(out, key=lambda k: shapely.area(out[k])) if out else "held"
            out[lead] = robust(shapely.union, out.get(lead, shapely.Polygon()), rest)
        return out

    def zone(self, date: dt.date) -> Any:
        """Where the claims' evidence, not the prior, decides (local CRS): the cells it reaches with at least
        :data:`ZONE` of log-odds, as a smooth polygon."""
        key = ("zone", date)
        if key not in self._cache:
            _, _, evidence = self.field(date)
            self._remember(key, _filled_contour(self.x, self.y, evidence - ZONE) if (evidence > ZONE).any() else
                           _empty())
        return self._cache[key]

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


def _empty() -> Any:
    import shapely

    return shapely.Polygon()


def _smooth_indicator(z):
    from scipy import ndimage

    return ndimage.uniform_filter(z, size=3, mode="nearest")


def _filled_contour(x, y, z) -> Any:
    """The region z > 0 as a shapely (Multi)Polygon, from contourpy's filled contours."""
    import numpy as np
    import shapely
    from contourpy import FillType, contour_generator

    gen = contour_generator(x, y, z, fill_type=FillType.OuterOffset)
    polys = []
    points, offsets = gen.filled(0.0, np.inf)
    for pts, offs in zip(points, offsets):
        rings = [pts[offs[j]:offs[j + 1]] for j in range(len(offs) - 1)]
        rings = [r for r in rings if len(r) >= 4]
        if rings:
            polys.append(shapely.Polygon(rings[0], rings[1:]))
    if not polys:
        return shapely.Polygon()
    g = shapely.union_all([p if p.is_valid else shapely.make_valid(p) for p in polys])
    from geoclaims.control.engine import polygonal

    return polygonal(g)
