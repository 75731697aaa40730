"""The control field as polygons: the land each side controls on a date (smooth contours of the field, not
cells), its statuses, and the zone where the evidence decides.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from geoclaims.claims.claim import other_side
from geoclaims.control.inference.model import KINDS, ZONE


class _Contours:
    """The polygons of :class:`~geoclaims.control.inference.field.ControlField` (a mixin)."""

    def polygon(self, date: dt.date, side: str, which: str = "point") -> Any:
        """The side's land (local CRS): the field's contour around the connected cells, clipped to the other
        side's country, smooth (contourpy), not a staircase."""
        import numpy as np
        import shapely

        key = ("poly", date, side, which)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        from geoclaims.control.polygons import polygonal, robust

        L, _, _ = self.field(date)
        mask = self.masks(date)[side][which]
        s = 1.0 if side == "UA" else -1.0
        level = self.levels(date)[side][which]
        if not mask.any():
            geom = shapely.Polygon()
        else:
            # the field where the mask holds, pushed below the level elsewhere: contours follow the field
            # (land the side only encloses is in the mask below the level: it is lifted just above it)
            z = s * L - level
            z = np.where(mask, np.where(z > 0, z, 1e-3), np.minimum(z, -1e-3))
            geom = _filled_contour(self.x, self.y, z)
            geom = polygonal(robust(shapely.intersection, geom, self.territories[other_side(side)]))
        self._remember(key, geom)
        return geom

    def status_polygons(self, date: dt.date, side: str) -> dict[str, Any]:
        """The side's point polygon split by the kind of evidence that leads there: held, advanced, contested."""
        import numpy as np
        import shapely

        from geoclaims.control.polygons import polygonal, robust

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
    from geoclaims.control.polygons import polygonal

    return polygonal(g)
