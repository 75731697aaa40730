"""A parsed snapshot becomes pieces of control (local CRS, relative to each side's own country), here or in a
worker process; groups unchanged since the day before are reused.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from geoclaims.claims.claim import SIDES
from geoclaims.control.engine import Piece, _piece
from geoclaims.control.polygons import polygonal
from geoclaims.observed.features import _Parsed, _parse
from geoclaims.observed.files import _sort_key
from geoclaims.observed.rules import SnapshotProblem, SnapshotRules

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.control.projection import LocalProjection

__all__ = ["OBSERVED_CLAIM"]


#: Pieces of observed timelines carry this claim index (no claim is behind them).
OBSERVED_CLAIM = -2

# -- the work on one file, in this process or in a worker -------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(spec, date_from, date_property, proj, region_wkb) -> None:
    import shapely

    region = shapely.from_wkb(region_wkb) if region_wkb is not None else None
    _WORKER.update(spec=spec, date_from=date_from, date_property=date_property, builder=_Builder(proj, region),
                   remote=True)


def _finish(parsed: _Parsed, builder: "_Builder | None", remote: bool = False) -> _Parsed:
    """Build the pieces of a parsed snapshot; drop its coordinates (workers send WKB back)."""
    import shapely

    if builder is not None and parsed.date is not None and parsed.groups:
        built = builder.group_pieces(parsed)
        parsed.built = {t: tuple((p.side, p.status, shapely.to_wkb(p.geom)) for p in ps) for t, ps in built.items()} \
            if remote else built
    parsed.has_groups = bool(parsed.groups)
    parsed.groups = {}
    return parsed


def _work(item: tuple[str, "bytes | SnapshotProblem"]) -> _Parsed:
    w = _WORKER
    return _process(item[0], item[1], w["spec"], w["date_from"], w["date_property"], w["builder"], remote=True)


def _process(name: str, data: "bytes | SnapshotProblem", spec: "SnapshotRules", date_from, date_property,
             builder: "_Builder | None", remote: bool = False) -> _Parsed:
    """Parse and build one file; whatever goes wrong is a problem of that file, never of the archive."""
    if isinstance(data, SnapshotProblem):
        return _Parsed(name, None, {}, Counter(), [data], _sort_key(name))
    try:
        parsed = _parse(name, data, spec, date_from, date_property)
    except Exception as e:  # noqa: BLE001 - a file we cannot parse must not stop its neighbours
        return _Parsed(name, None, {}, Counter(), [SnapshotProblem(name, f"could not be read ({e!r}); skipped")],
                       _sort_key(name))
    return _finish_safely(parsed, builder, remote)


def _finish_safely(parsed: _Parsed, builder: "_Builder | None", remote: bool = False) -> _Parsed:
    try:
        return _finish(parsed, builder, remote)
    except Exception as e:  # noqa: BLE001 - GEOS on hostile geometry: this file only
        parsed.problems.append(SnapshotProblem(parsed.name, f"its polygons could not be built ({e!r}); skipped"))
        parsed.date, parsed.groups, parsed.has_groups, parsed.built = None, {}, False, {}
        return parsed


# -- geometry -------------------------------------------------------------------------------------
class _Builder:
    """Turns parsed groups into Pieces in the local projection, reusing unchanged ones by hash."""

    def __init__(self, proj, region_wgs84) -> None:
        import shapely

        self.proj = proj
        self.region = None if region_wgs84 is None else proj.to_local(region_wgs84)
        if self.region is not None:
            shapely.prepare(self.region)
        self._pieces: dict[bytes, tuple[Piece, ...]] = {}
        self._countries: dict[tuple, dict[str, Any]] = {}

    def countries(self, bounds) -> dict[str, Any]:
        """UA and RU outlines (local CRS) around `bounds`, cached by whole degrees."""
        import math

        import shapely

        from geoclaims.places import boundaries

        key = (math.floor(bounds[0]) - 1, math.floor(bounds[1]) - 1, math.ceil(bounds[2]) + 1, math.ceil(bounds[3]) + 1)
        if key not in self._countries:
            box = shapely.box(*key)
            out = {}
            for side in SIDES:
                g = self.proj.to_local(shapely.intersection(boundaries.country_shape(side), box))
                shapely.prepare(g)
                out[side] = g
            self._countries[key] = out
        return self._countries[key]

    def pieces(self, parsed: _Parsed) -> tuple[Piece, ...]:
        return tuple(p for ps in self.group_pieces(parsed).values() for p in ps)

    def group_pieces(self, parsed: _Parsed) -> dict[tuple[str, str], tuple[Piece, ...]]:
        """(side, status) -> the group's pieces; unchanged groups (same digest) are built once."""
        out = {}
        for (side, status), items in sorted(parsed.groups.items()):
            key = parsed.digests[(side, status)]
            if key not in self._pieces:
                self._pieces[key] = self._build(parsed, side, status, items)
            out[(side, status)] = self._pieces[key]
        return out

    @staticmethod
    def _shapes(items: list[Any]):
        import numpy as np
        import shapely

        out = []
        for it in items:
            if hasattr(it, "geom_type"):
                out.append(polygonal(shapely.force_2d(it)))
            else:
                out.append(shapely.Polygon(it[0], it[1:]) if len(it) > 1 else shapely.polygons(it[0]))
        return np.array(out, dtype=object)

    def _build(self, parsed: _Parsed, side: str, status: str, items: list[Any]) -> tuple[Piece, ...]:
        import numpy as np
        import shapely

        geoms = self._shapes(items)
        bad = ~shapely.is_valid(geoms)
        for i in np.flatnonzero(bad):
            reason = shapely.is_valid_reason(geoms[i])
            parsed.problems.append(SnapshotProblem(parsed.name, f"invalid polygon ({reason}); repaired with make_valid"))
            geoms[i] = polygonal(shapely.make_valid(geoms[i]))
        wgs = geoms[0] if len(geoms) == 1 else shapely.union_all(geoms)
        if wgs.is_empty:
            return ()
        local = self.proj.to_local(wgs)
        try:
            return self._split(local, wgs.bounds, side, status)
        except shapely.errors.GEOSException:  # reprojection made a ring touch itself: repair, retry
            return self._split(polygonal(shapely.make_valid(local)), wgs.bounds, side, status)

    def _split(self, local, bounds, side: str, status: str) -> tuple[Piece, ...]:
        """Pieces of one group: outside the side's own country; grey zone split by country."""
        import shapely

        if self.region is not None:
            local = shapely.intersection(local, self.region)
        countries = self.countries(bounds)
        if side:
            p = _piece(OBSERVED_CLAIM, side, status, self._outside(local, countries[side]))
            return (p,) if p is not None else ()
        pieces = []
        for s in SIDES:  # grey zone: contested, belonging to the side that does not own the land
            land = countries["RU" if s == "UA" else "UA"]
            if not shapely.intersects(land, local):
                continue
            part = local if shapely.covers(land, local) else shapely.intersection(local, land)
            p = _piece(OBSERVED_CLAIM, s, status, part)
            if p is not None:
                pieces.append(p)
        return tuple(pieces)

    @staticmethod
    def _outside(geom, own):
        import shapely

        if not shapely.intersects(geom, own):
            return geom
        return shapely.difference(geom, own)


def _as_pieces(built: tuple) -> tuple[Piece, ...]:
    """Pieces from a builder, or rebuilt from the (side, status, WKB) a worker sent."""
    import shapely

    if not built or isinstance(built[0], Piece):
        return tuple(built)
    out = []
    for side, status, wkb in built:
        p = _piece(OBSERVED_CLAIM, side, status, shapely.from_wkb(wkb))
        if p is not None:
            out.append(p)
    return tuple(out)


def _projection(bounds) -> "LocalProjection":
    """The equal-area projection of a read: centred on the region, or on the first snapshot's data."""
    from geoclaims.control.projection import LocalProjection

    return LocalProjection.around([(bounds[0], bounds[1]), (bounds[2], bounds[3])])


def _parsed_bounds(parsed: _Parsed):
    import shapely

    return shapely.total_bounds(_Builder._shapes([x for items in parsed.groups.values() for x in items]))
