"""The measures of agreement between a claims map and an observed map on one date: areas against the observed
interval (held .. held + grey), overlap, the distance between front lines, settlements whose control agrees.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

__all__ = ["interval_error", "FRONT_STEP_M", "NEAR_KM"]


#: Spacing of the points sampled along front lines (metres).
FRONT_STEP_M = 250.0

#: Settlements within this distance of either map's land are compared.
NEAR_KM = 5.0

#: Land closer than this to the side's own border is border, not front (metres).
_BORDER_M = 300.0


class _Context:
    """Everything the per-date comparisons share: projection, region, settlements, caches."""

    def __init__(self, claims, observed, region_shape, region_label, proj) -> None:
        self.claims, self.observed = claims, observed
        self.region_label = region_label
        self.proj = proj
        self.region = proj.to_local(region_shape) if region_shape is not None else None
        self._cache: dict[Any, Any] = {}
        self._own_lines: dict[str, Any] = {}
        self._places = None

    @classmethod
    def make(cls, claims, observed, region) -> "_Context":
        from geoclaims.places.boundaries import region_geometry
        from geoclaims.control.projection import LocalProjection

        if region is not None:
            shape, label = region_geometry(region)
        elif observed.region_shape is not None:
            shape, label = observed.region_shape, observed.region
        else:
            shape, label = None, ""
        b = shape.bounds if shape is not None else claims._aoi
        proj = LocalProjection.around([(b[0], b[1]), (b[2], b[3])])
        return cls(claims, observed, shape, label, proj)

    # -- geometry in our common projection -------------------------------------------------------------
    def _local(self, geom_wgs84):
        import shapely

        from geoclaims.control.polygons import polygonal

        g = self.proj.to_local(geom_wgs84)
        if not g.is_valid:
            g = polygonal(shapely.make_valid(g))
        if self.region is not None and not g.is_empty:
            g = polygonal(shapely.intersection(g, self.region))
        return g

    def ours(self, d: dt.date, side: str, perspective: Any):
        """(point, min, max) of our land for `side` on `d`."""
        key = ("ours", d, side, str(perspective))
        if key not in self._cache:
            import shapely

            st = self.claims.state(d, perspective=perspective)
            mine = st[(st.side == side) & st.status.isin(["held", "advanced"])]
            point = self._local(shapely.union_all(list(mine.geometry)))
            band = self.claims.band(d, perspective=perspective)
            lo = self._local(band[(band.side == side) & (band.bound == "min")].geometry.iloc[0])
            hi = self._local(band[(band.side == side) & (band.bound == "max")].geometry.iloc[0])
            self._cache[key] = (point, lo, hi)
        return self._cache[key]

    def theirs(self, d: dt.date, side: str):
        """(held, held + grey) of the observed map for `side` on `d`."""
        key = ("obs", d, side)
        if key not in self._cache:
            import shapely

            st = self.observed.state(d)
            mine = st[st.side == side]
            held = self._local(shapely.union_all(list(mine[mine.status.isin(["held", "advanced"])].geometry)))
            grey = self._local(shapely.union_all(list(mine.geometry)))
            self._cache[key] = (held, grey)
        return self._cache[key]

    def own_border(self, side: str):
        """The side's own country outline (as lines) around the area compared, local CRS."""
        if side not in self._own_lines:
            import shapely

            from geoclaims.places import boundaries

            b = self.region.bounds if self.region is not None else None
            country = boundaries.country_shape(side)
            if b is not None:
                w, s, e, n = self.proj.to_wgs84(shapely.box(*b)).bounds
                country = shapely.intersection(country, shapely.box(w - 1, s - 1, e + 1, n + 1))
            line = shapely.boundary(self.proj.to_local(country))
            shapely.prepare(line)
            self._own_lines[side] = line
        return self._own_lines[side]

    def places(self):
        """Located gazetteer settlements in the area compared: (names, points as an array of local xy)."""
        if self._places is None:
            import numpy as np
            import shapely

            from geoclaims.places.gazetteer import Gazetteer

            gaz = Gazetteer.default()
            pts = [(p.lon, p.lat) for p in gaz.places if p.is_located]
            xy = np.array(pts, dtype=float) if pts else np.empty((0, 2))
            geoms = self.proj.to_local(shapely.points(xy)) if len(xy) else np.array([])
            if self.region is not None and len(xy):
                inside = shapely.contains_xy(self.region, *shapely.get_coordinates(geoms).T)
                geoms = geoms[inside]
            self._places = geoms
        return self._places

    # -- the measures -----------------------------------------------------------------------------------
    def compare(self, d: dt.date, side: str, perspective: Any) -> dict[str, Any] | None:
        import shapely

        ours, lo, hi = self.ours(d, side, perspective)
        held, grey = self.theirs(d, side)
        a, a_lo, a_hi = _km2(ours), _km2(lo), _km2(hi)
        o_lo, o_hi = _km2(held), _km2(grey)
        if max(a, a_hi, o_hi) < 0.01:
            return None  # neither map gives this side any land here (slivers of a hectare aside)
        inter_hi = _km2(shapely.intersection(ours, grey)) if a and o_hi else 0.0
        inter_lo = _km2(shapely.intersection(ours, held)) if a and o_lo else 0.0
        union_lo = a + o_lo - inter_lo
        row = {
            "date": d, "side": side, "km2": a, "km2_min": min(a_lo, a), "km2_max": max(a_hi, a),
            "observed_km2": o_lo, "observed_with_grey_km2": o_hi,
            "area_error": interval_error(a, o_lo, o_hi),
            "iou": inter_hi / union_lo if union_lo > 0 else math.nan,
            "precision": inter_hi / a if a > 0 else math.nan,
            "recall": inter_lo / o_lo if o_lo > 0 else math.nan,
        }
        row["front_mean_km"], row["front_max_km"] = self.fronts(ours, held, grey, side)
        row["settlements_agree"], row["settlements"] = self.settlements(ours, held, grey)
        return row

    def fronts(self, ours, held, grey, side: str) -> tuple[float, float]:
        """Mean and max distance (km) between our front line and the observed one, both ways."""
        import numpy as np
        import shapely

        if ours.is_empty or held.is_empty and grey.is_empty:
            return math.nan, math.nan
        own = self.own_border(side)
        ours_front = _front(ours, own)
        theirs_front = _front(held if not held.is_empty else grey, own)
        grey_zone = shapely.difference(grey, held) if not grey.is_empty else shapely.Polygon()
        target = shapely.union(theirs_front, grey_zone)  # anywhere in the grey zone counts as on the line
        if ours_front.is_empty or target.is_empty:
            return math.nan, math.nan
        a = _sample(ours_front)
        b = _sample(theirs_front) if not theirs_front.is_empty else np.empty(0, dtype=object)
        shapely.prepare(target)
        dist = list(shapely.distance(a, target))
        if len(b):  # the other way: how far the observed line runs from ours, less the grey zone's width there
            away = shapely.distance(b, ours_front)
            outer = _front(grey, own) if not grey_zone.is_empty else None
            width = shapely.distance(b, outer) if outer is not None and not outer.is_empty else 0.0
            dist += list(np.maximum(0.0, away - width))
        dist = np.asarray(dist, dtype=float) / 1000.0
        return float(dist.mean()), float(dist.max())

    def settlements(self, ours, held, grey) -> tuple[float, int]:
        import numpy as np
        import shapely

        pts = self.places()
        if not len(pts):
            return math.nan, 0
        near = shapely.buffer(shapely.union(ours, grey), NEAR_KM * 1000.0)
        pts = pts[shapely.contains_xy(near, *shapely.get_coordinates(pts).T)] if not near.is_empty else pts[:0]
        if not len(pts):
            return math.nan, 0
        xy = shapely.get_coordinates(pts).T
        in_ours = shapely.contains_xy(ours, *xy) if not ours.is_empty else np.zeros(len(pts), bool)
        in_held = shapely.contains_xy(held, *xy) if not held.is_empty else np.zeros(len(pts), bool)
        in_grey = shapely.contains_xy(grey, *xy) if not grey.is_empty else np.zeros(len(pts), bool)
        agree = (in_ours == in_held) | (in_grey & ~in_held)
        return float(agree.mean()), int(len(pts))


def interval_error(value: float, lo: float, hi: float) -> float:
    """0 inside [lo, hi]; else the distance to the nearer end relative to it (inf above an empty interval).

    Examples
    --------
    >>> interval_error(1000, 800, 1200), interval_error(1500, 800, 1200), interval_error(400, 800, 1200)
    (0.0, 0.25, -0.5)
    """
    if lo - 1e-9 <= value <= hi + 1e-9:
        return 0.0
    if value > hi:
        return (value - hi) / hi if hi > 0 else math.inf
    return (value - lo) / lo


def _km2(geom: Any) -> float:
    import shapely

    return float(shapely.area(geom)) / 1e6 if geom is not None and not geom.is_empty else 0.0


def _front(land: Any, own_border: Any) -> Any:
    """The edge of a side's land away from its own border: where the front runs."""
    import shapely

    edge = shapely.boundary(land)
    return shapely.difference(edge, shapely.buffer(own_border, _BORDER_M))


def _sample(lines: Any) -> Any:
    """Points every :data:`FRONT_STEP_M` along lines (at least both ends)."""
    import numpy as np
    import shapely

    out = []
    for part in shapely.get_parts(shapely.line_merge(lines) if lines.geom_type == "MultiLineString" else lines):
        n = max(2, int(part.length // FRONT_STEP_M) + 1)
        out.extend(shapely.line_interpolate_point(part, np.linspace(0, part.length, n)))
    return np.array(out, dtype=object)
