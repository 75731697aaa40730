"""A :class:`Timeline` of control built from claims: state, diff, changes, areas, export.

Dates: ``state(d)`` is control at the *end* of day ``d`` (every claim dated
``d`` or earlier applied). ``diff(d1, d2)`` covers the claims dated ``d1``
through ``d2``, both days included (like pandas' date slicing): it compares
the state at the end of the day before ``d1`` with the state at the end of
``d2``, so ``state(d1 - 1 day)`` plus ``diff(d1, d2)`` is ``state(d2)``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from geoclaims.errors import InvalidArgument, InvalidArgumentType
from geoclaims.claims.claim import SIDES, Claim, other_side
from geoclaims.control.engine import (
    STATUSES, Piece, differences, geoms_of, outcome, polygonal, replay, robust, sort_key, union, union_by_key,
    valid_polygons,
)
from geoclaims.control.inference.field import InferenceModel
from geoclaims.control.shapes import METHODS, ShapeModel, claim_shape

#: ``method=`` values: the claims' own polygons (territory cells or footprints), or inference of the
#: land between them (:mod:`geoclaims.control.inference.field`).
TIMELINE_METHODS: tuple[str, ...] = (*METHODS, "inferred")
from geoclaims.control.territory import TerritoryModel, territory_cells

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    import pandas

    from geoclaims.claims.rows import ClaimSet
    from geoclaims.places.gazetteer import Gazetteer
    from geoclaims.control.projection import LocalProjection

__all__ = ["Timeline", "Perspective", "STATE_COLUMNS", "PIECE_COLUMNS", "BAND_COLUMNS", "DIFF_COLUMNS",
           "CHANGES_COLUMNS"]
#: Columns of :meth:`Timeline.state` (plus geometry).
STATE_COLUMNS = ("date", "side", "status", "area_km2", "claims", "claim_ids")
#: Columns of :meth:`Timeline.band`.
BAND_COLUMNS = ("date", "side", "bound", "area_km2")
#: Columns of :meth:`Timeline.pieces`.
PIECE_COLUMNS = ("date", "side", "status", "tier", "claim_id", "claim_status", "area_km2", "drivers")
#: Columns of :meth:`Timeline.diff` (plus geometry).
DIFF_COLUMNS = ("side", "change", "area_km2", "where", "claim_id", "date", "claimant", "status",
                "claim_status", "claim_ids")
#: Columns of :meth:`Timeline.changes`.
CHANGES_COLUMNS = ("date", "place", "place_id", "from_side", "to_side", "claim_id", "claimant", "claim_status", "mapped")
AOI_MARGIN_DEG = 1.5
_KEYWORDS = ("all", "assessed", *SIDES)


def _km2(geom: Any) -> float:
    """Area of a local-CRS (equal-area, metres) geometry in km²."""
    import shapely

    return float(shapely.area(geom)) / 1e6 if geom is not None else 0.0


def _as_date(value: Any, what: str = "date") -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if hasattr(value, "date") and callable(value.date):  # pandas Timestamp
        return value.date()
    from geoclaims.claims.claim import parse_date

    try:
        return parse_date(str(value))[0]
    except ValueError as e:
        why = str(e).split("; ", 1)[-1]
        shown = repr(value) if len(str(value)) <= 40 else repr(str(value)[:40]) + "..."
        raise InvalidArgument(f"{what}={shown} is not a date; {why}") from None


@dataclass(frozen=True, slots=True)
class Perspective:
    """Which claims a view takes into account.

    ``"all"`` (every claim), ``"assessed"`` (status assessed only), ``"UA"`` or
    ``"RU"`` (claims made by that side's claimants: "as Ukraine tells it"), or
    one claimant by name (``"ISW"``, ``"claimant:Russian MoD"``).

    Examples
    --------
    >>> Perspective.parse("RU").label
    'as RU claimants tell it'
    """

    kind: str
    value: str = ""

    @classmethod
    def parse(cls, text: "str | Perspective", claimants: Iterable[str] = ()) -> "Perspective":
        """Parse a perspective; unknown ones raise ValueError listing the valid choices."""
        if isinstance(text, Perspective):
            return text
        s = str(text).strip()
        if s.lower() in ("all", "assessed"):
            return cls(s.lower())
        if s.upper() in SIDES:
            return cls("side", s.upper())
        name = s[len("claimant:"):].strip() if s.lower().startswith("claimant:") else s
        known = sorted(set(claimants))
        for k in known:
            if k.casefold() == name.casefold():
                return cls("claimant", k)
        raise InvalidArgument(
            f"perspective={text!r} is not valid; valid: {', '.join(_KEYWORDS)}, or a claimant"
            + (f" ({', '.join(known[:15])}{', ...' if len(known) > 15 else ''})" if known else "")
        )

    def accepts(self, c: Claim) -> bool:
        """True when the claim counts in this perspective."""
        if self.kind == "all":
            return True
        if self.kind == "assessed":
            return c.status == "assessed"
        if self.kind == "side":
            return c.claimant_side == self.value
        return c.claimant == self.value

    @property
    def label(self) -> str:
        """Human description."""
        return {"all": "all claims", "assessed": "assessed claims only",
                "side": f"as {self.value} claimants tell it", "claimant": f"as {self.value} tells it"}[self.kind]


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
            hit = self._done[i] = self.tl._compose(self.run, self.run.dates[i], self.claimed[i])
            if len(self._done) > 128:
                self._done.pop(next(iter(self._done)))
        return hit


_CHANGES_WORK: Any = None  # the snapshots forked workers of Timeline.area_changes read


def _change_areas(steps: Sequence[int], snaps: Sequence[Sequence[Piece]] | None = None) -> dict[int, dict[str, float]]:
    """km² gained and lost per side from ``snaps[i]`` to ``snaps[i + 1]`` for each step i."""
    import shapely

    snaps = _CHANGES_WORK if snaps is None else snaps
    out = {}
    for i in steps:
        prev, snap = snaps[i], snaps[i + 1]
        vals = {f"{s}_{c}": 0.0 for s in SIDES for c in ("gained", "lost")}
        if snap is not prev:
            for side, (gained, lost) in Timeline._gains_losses(prev, snap).items():
                vals[f"{side}_gained"] = float(shapely.area(gained)) / 1e6
                vals[f"{side}_lost"] = float(shapely.area(lost)) / 1e6
        out[i] = vals
    return out


class Timeline:
    """Dated control polygons built from claims, with the claims behind every polygon.

    Build with :meth:`from_claims`. Every view takes ``perspective=`` (see
    :class:`Perspective`); geometries come back in EPSG:4326, areas in km²
    (computed in the local equal-area projection).

    Examples
    --------
    >>> from geoclaims import read_claims
    >>> tl = Timeline.from_claims(read_claims("examples/kursk/claims.csv"), method="territory")
    >>> tl.state("2025-01-07")[["side", "status"]].head(3).values.tolist()
    [['UA', 'held'], ['UA', 'advanced'], ['UA', 'contested']]
    >>> d = tl.diff("2025-01-05", "2025-01-07")
    >>> d[(d.side == "RU") & (d.change == "gained")]["where"].tolist()
    ['west of Malaya Loknya']
    """

    def __init__(
        self,
        claims: Sequence[Claim],
        *,
        projection: "LocalProjection",
        shapes: Sequence[Any],
        territories: dict[str, Any],
        aoi: tuple[float, float, float, float],
        initial: Sequence[Piece],
        method: str,
        window_days: int | None,
        params: dict[str, Any],
    ) -> None:
        self.claims: tuple[Claim, ...] = tuple(claims)
        self.projection = projection
        self.method = method
        self.window_days = window_days
        self._shapes = list(shapes)
        self._territories = territories
        self._aoi = aoi
        self._regions: dict[str, Any] = {}
        self._dates = sorted({c.date for c in self.claims})
        self._initial = tuple(initial)
        self._params = params
        self._runs: dict[Perspective, _Run] = {}
        self._twins: dict[str, Timeline] = {}
        self.claimants: tuple[str, ...] = tuple(sorted({c.claimant for c in self.claims}))
        #: Observed timelines: where the snapshots came from, what was skipped or repaired, and the
        #: polygon keys no rule knew (with counts).
        self.source: str = ""
        self.problems: tuple[Any, ...] = ()
        self.unknown_keys: dict[str, int] = {}
        #: Observed timelines: keys no rule knew whose polygons the rules' fallback classified (counts).
        self.fallback_keys: dict[str, int] = {}
        self.region: str = ""
        #: Observed timelines read with ``region=``: that area (EPSG:4326), else None.
        self.region_shape: Any = None
        self._coverage: Any = None  # observed: the area the snapshots cover (local CRS)
        #: method="inferred": its parameters; start: claims before this day were left out (baseline start)
        self.inference: InferenceModel | None = None
        self.start_date: dt.date | None = None
        self._baseline_coverage: Any = None  # an observed baseline: the area its map covers (local CRS)
        self._cells: dict[str, Any] = {}  # territory cells of the claimed places (local CRS), by place id
        self._places_xy: Any = None  # observed: gazetteer places in the area, projected (see changes())

    # -- construction ---------------------------------------------------------------
    @classmethod
    def from_claims(
        cls,
        claims: "ClaimSet | Iterable[Claim]",
        *,
        baseline: "Timeline | geopandas.GeoDataFrame | str | os.PathLike[str] | None" = None,
        start: "str | dt.date | None" = None,
        method: str = "inferred",
        window_days: int | None = 3,
        shape_model: ShapeModel | None = None,
        territory_model: TerritoryModel | None = None,
        gazetteer: "Gazetteer | None" = None,
        inference: InferenceModel | None = None,
    ) -> "Timeline":
        """Build a timeline from claims.

        Parameters
        ----------
        claims : ClaimSet or iterable of Claim
            As returned by :func:`geoclaims.read_claims`.
        baseline : Timeline, GeoDataFrame or path, optional
            Initial control beyond the international borders. An observed timeline
            (:func:`geoclaims.read_snapshots`): its map on `start` (required then) is where the
            claims start from, so fronts inside Ukraine work (occupied land is Russia's; a
            Ukrainian recapture is a gain). Or polygons with a ``side`` column (UA/RU) and an
            optional ``status`` (held/contested), any CRS, e.g. a pre-war line. By default each
            side holds exactly its own country.
        start : str or date, optional
            Apply only the claims dated after this day (with an observed baseline: the map of
            this day is the start).
        method : {'inferred', 'territory', 'footprint'}
            'inferred' (default) infers the land between claimed places too, with an uncertainty
            band (:mod:`geoclaims.control.inference.field`; it agrees best with observed maps, README "Agreement with
            observed maps"). 'territory' and 'footprint' draw only what each claim states: the
            settlement's territory cell, or its built-up footprint (the lower bound).
        window_days : int or None, default 3
            Claims about one place giving it to different sides within this many
            days make it contested. None: the latest claim always wins.
        shape_model, territory_model
            Parameters of qualifier shapes and territory cells.
        gazetteer : Gazetteer, optional
            Neighbouring settlements for territory cells (default: bundled).
        inference : InferenceModel, optional
            Parameters of ``method="inferred"`` (default: the calibrated ones).

        Returns
        -------
        Timeline
        """
        import shapely

        from geoclaims.places import boundaries
        from geoclaims.control.projection import LocalProjection

        if method not in TIMELINE_METHODS:
            raise InvalidArgument(f"method={method!r} is not valid; valid: {', '.join(TIMELINE_METHODS)}")
        if inference is not None and not isinstance(inference, InferenceModel):
            raise InvalidArgumentType(f"inference must be an InferenceModel, not {type(inference).__name__}")
        if window_days is not None and window_days < 0:
            raise InvalidArgument(f"window_days must be >= 0 or None, got {window_days!r}")
        claims = tuple(claims)
        for c in claims:
            if not isinstance(c, Claim):
                raise InvalidArgumentType(f"claims must be Claim objects (use geoclaims.read_claims), got {type(c).__name__}")
        start_date = _as_date(start, "start") if start is not None else None
        if isinstance(baseline, Timeline) and start_date is None:
            raise InvalidArgument("baseline is an observed timeline: give start= (the day whose observed map the "
                                  "claims start from)")
        if start_date is not None:
            claims = tuple(c for c in claims if c.date > start_date)
        model = shape_model or ShapeModel()
        tmodel = territory_model or TerritoryModel()
        pts = [(c.place.lon, c.place.lat) for c in claims if c.place is not None and c.place.is_located]
        pts += [tuple(shapely.centroid(c.geometry).coords[0]) for c in claims if c.geometry is not None]
        for c in claims:
            if c.qualifier == "depth from border" and c.region and not (c.place and c.place.is_located):
                try:
                    b = boundaries.region_shape(c.region).bounds
                    pts += [(b[0], b[1]), (b[2], b[3])]
                except Exception:  # noqa: BLE001 - the band falls back to the whole border
                    pass
        if not pts:
            pts = [(31.0, 49.0)]  # nothing mappable: any projection will do
        proj = LocalProjection.around(pts)
        lons, lats = [p[0] for p in pts], [p[1] for p in pts]
        aoi = (min(lons) - AOI_MARGIN_DEG, min(lats) - AOI_MARGIN_DEG, max(lons) + AOI_MARGIN_DEG,
               max(lats) + AOI_MARGIN_DEG)
        territories = {side: proj.to_local(shapely.intersection(boundaries.country_shape(side), shapely.box(*aoi)))
                       for side in SIDES}
        for g in territories.values():
            shapely.prepare(g)
        cells = {}
        if method in ("territory", "inferred"):
            places = {c.place.id: c.place for c in claims if c.place is not None and c.place.is_located}
            cells = territory_cells(places.values(), proj, gazetteer=gazetteer, model=tmodel)
        shapes = []
        for c in claims:
            if c.action in ("area", "repelled") and c.geometry is None:
                shapes.append(None)
                continue
            if method == "inferred" and c.qualifier == "depth from border" and c.geometry is None:
                shapes.append(None)  # a bound on depth, not land (geoclaims.control.inference.field)
                continue
            g = claim_shape(c, proj, method="territory" if method == "inferred" else method, model=model, cells=cells,
                            baselines=territories)
            shapes.append(shapely.make_valid(g) if g is not None else None)
        initial = cls._baseline_pieces(baseline, proj, territories, start_date, aoi)
        tl = cls(claims, projection=proj, shapes=shapes, territories=territories, aoi=aoi, initial=initial,
                 method=method, window_days=window_days,
                 params=dict(baseline=baseline, start=start_date, shape_model=model, territory_model=tmodel,
                             gazetteer=gazetteer, inference=inference))
        tl.inference = (inference or InferenceModel()) if method == "inferred" else None
        tl._cells = cells
        tl.start_date = start_date
        if isinstance(baseline, Timeline) and baseline._coverage is not None:
            cov = shapely.intersection(baseline.projection.to_wgs84(baseline._coverage), shapely.box(*aoi))
            tl._baseline_coverage = polygonal(shapely.make_valid(proj.to_local(cov)))
        return tl

    @classmethod
    def from_observed(cls, dates: Sequence[dt.date], snapshots: Sequence[Sequence[Piece]], *,
                      projection: "LocalProjection", source: str = "", problems: Sequence[Any] = (),
                      unknown_keys: dict[str, int] | None = None, region: str = "",
                      region_shape: Any = None, fallback_keys: dict[str, int] | None = None) -> "Timeline":
        """A timeline of observed control: one snapshot of pieces per date (see :func:`geoclaims.read_snapshots`).

        Returns
        -------
        Timeline
            ``method == "observed"``, no claims; ``state``, ``diff``, ``changes`` (settlements
            that changed hands), ``area_series``, ``explore`` and ``render_daily`` work as for claims.
        """
        import shapely

        from geoclaims.places import boundaries

        if len(dates) != len(snapshots):
            raise InvalidArgument("one snapshot per date is needed")
        if list(dates) != sorted(set(dates)):
            raise InvalidArgument("snapshot dates must be distinct and sorted")
        geoms = [x.geom for snap in snapshots for x in snap]
        if region_shape is not None:
            b = region_shape.bounds
        elif geoms:
            b = tuple(projection.to_wgs84(shapely.box(*shapely.total_bounds(geoms))).bounds)
        else:
            b = (projection.lon0 - 1, projection.lat0 - 1, projection.lon0 + 1, projection.lat0 + 1)
        m = 0.25
        aoi = (b[0] - m, b[1] - m, b[2] + m, b[3] + m)
        territories = {side: projection.to_local(shapely.intersection(boundaries.country_shape(side), shapely.box(*aoi)))
                       for side in SIDES}
        for g in territories.values():
            shapely.prepare(g)
        tl = cls((), projection=projection, shapes=[], territories=territories, aoi=aoi, initial=(),
                 method="observed", window_days=None, params={})
        tl._dates = list(dates)
        tl._runs[Perspective("all")] = _Run(list(dates), [tuple(s) for s in snapshots], {}, [])
        tl.source = source
        tl.problems = tuple(problems)
        tl.unknown_keys = dict(unknown_keys or {})
        tl.fallback_keys = dict(fallback_keys or {})
        tl.region = region
        tl.region_shape = region_shape
        # what the maps speak for: the region asked for, else the mapped extent with its margin (land
        # without polygons near the front is held by its own country)
        tl._coverage = projection.to_local(region_shape if region_shape is not None else shapely.box(*aoi))
        shapely.prepare(tl._coverage)
        return tl

    def perspective_label(self, perspective: "str | Perspective" = "all") -> str:
        """How pages and tables name a view: ``'all claims'``, ``'as RU claimants tell it'``, ``'observed maps (x)'``."""
        if self.is_observed:
            return f"observed maps ({Path(self.source).name})" if self.source else "observed maps"
        return Perspective.parse(perspective, self.claimants).label

    @property
    def is_observed(self) -> bool:
        """True for timelines read from observed maps (:func:`geoclaims.read_snapshots`)."""
        return self.method == "observed"

    @staticmethod
    def _baseline_pieces(baseline, proj, territories, start=None, aoi=None) -> list[Piece]:
        if baseline is None:
            return []
        import geopandas
        import shapely

        from geoclaims.control.engine import _piece

        if isinstance(baseline, Timeline):
            if not baseline.is_observed:
                raise InvalidArgument("a timeline baseline must be observed (geoclaims.read_snapshots)")
            if baseline.start is None or start < baseline.start:
                raise InvalidArgument(f"the observed baseline starts on {baseline.start}; start={start} is before it")
            _, brun = baseline._run("all")
            box = shapely.box(*aoi) if aoi is not None else None
            pieces = []
            for x in baseline._snapshot(brun, start):
                g = baseline.projection.to_wgs84(x.geom)
                if box is not None:
                    g = shapely.intersection(g, box)
                local = polygonal(shapely.make_valid(proj.to_local(g)))
                if x.status != "contested":
                    local = shapely.difference(local, territories[x.side])
                p = _piece(-1, x.side, x.status, local, tier="baseline")
                if p is not None:
                    pieces.append(p)
            return pieces
        if isinstance(baseline, geopandas.GeoDataFrame):
            gdf = baseline
        elif isinstance(baseline, (str, os.PathLike)):
            gdf = _read_geo_file(baseline, "baseline")
        else:
            raise InvalidArgumentType(f"baseline must be a GeoDataFrame or a path, not {type(baseline).__name__}")
        if "side" not in gdf.columns:
            raise InvalidArgument(f"baseline needs a 'side' column ({'/'.join(SIDES)}); it has: {', '.join(map(str, gdf.columns))}")
        if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
            gdf = gdf.to_crs("EPSG:4326")
        pieces = []
        statuses = gdf["status"] if "status" in gdf.columns else ["held"] * len(gdf)
        for i, (side, status, geom) in enumerate(zip(gdf["side"], statuses, gdf.geometry)):
            side = str(side).strip().upper()
            if side not in SIDES:
                raise InvalidArgument(f"baseline row {i}: side {side!r} is not valid; valid: {', '.join(SIDES)}")
            status = str(status or "held").strip().lower()
            if status not in STATUSES:
                raise InvalidArgument(f"baseline row {i}: status {status!r} is not valid; valid: {', '.join(STATUSES)}")
            if geom is None or geom.is_empty:
                continue
            if geom.geom_type not in ("Polygon", "MultiPolygon"):
                raise InvalidArgument(f"baseline row {i}: a {geom.geom_type}; baselines are polygons of control")
            w, s_, e, n = geom.bounds
            if not (-180 <= w <= e <= 180 and -90 <= s_ <= n <= 90):
                raise InvalidArgument(f"baseline row {i}: coordinates out of range ({w:.6g}, {s_:.6g}, {e:.6g}, "
                                      f"{n:.6g}); expected WGS84 degrees (or a file with its CRS)")
            local = shapely.make_valid(proj.to_local(geom))
            p = _piece(-1, side, status, local if status == "contested" else shapely.difference(local, territories[side]),
                       tier="baseline")
            if p is not None:
                pieces.append(p)
        return pieces

    # -- runs -------------------------------------------------------------------------
    def _run(self, perspective: "str | Perspective") -> tuple[Perspective, _Run]:
        p = Perspective.parse(perspective, self.claimants)
        run = self._runs.get(p)
        if run is None and self.is_observed:
            raise InvalidArgument(f"perspective={perspective!r}: an observed timeline has one perspective, 'all'")
        if run is None:
            order = sorted((i for i, c in enumerate(self.claims) if p.accepts(c)), key=lambda i: sort_key(self.claims[i]))
            dates, snaps, applied = replay(self.claims, self._shapes, order, self._territories,
                                           initial=self._initial, window_days=self.window_days)
            run = _Run(dates, snaps, applied, order)
            if self.method == "inferred":
                from geoclaims.control.inference.field import ControlField

                run.field = ControlField(self.claims, order, self._shapes, self._territories, self.projection,
                                         self.inference, baseline=self._initial, start=self.start_date,
                                         coverage=self._baseline_coverage, cells=self._cells)
                run.snaps = _InferredSnapshots(run, self)
            self._runs[p] = run
        return p, run

    def _compose(self, run: _Run, d: dt.date, claimed: Sequence[Piece]) -> tuple[Piece, ...]:
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
                for x in self._initial:
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
                drivers = tuple(i for i in f.drivers(d, g) if self.claims[i].date <= d)
                p = _piece(-3, side, kind, g, tier="inferred", drivers=drivers)
                if p is not None:
                    out.append(p)
        return tuple(out)

    def _tiers(self, run: _Run, d: dt.date) -> tuple[Piece, ...]:
        """An inferred run's pieces on `d` split into what claims state (their own polygons, within the land the
        field gives their side; tier 'claimed') and the rest (tier 'inferred'), and the baseline's."""
        import bisect

        import shapely

        from geoclaims.control.engine import _piece

        i = bisect.bisect_right(run.dates, d) - 1
        if i < 0:
            return self._initial
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

    def _claim_ids(self, run: _Run, idx: Iterable[int]) -> list[str]:
        """Claim ids in the order the claims were applied (never file order); 'baseline' first."""
        rank = run.cache.setdefault("rank", {i: k for k, i in enumerate(run.order)})
        ordered = sorted((i for i in idx if i >= 0), key=rank.__getitem__)
        return (["baseline"] if -1 in idx else []) + list(dict.fromkeys(self.claims[i].claim_id for i in ordered))

    def _snapshot(self, run: _Run, date: dt.date) -> tuple[Piece, ...]:
        import bisect

        i = bisect.bisect_right(run.dates, date) - 1
        return run.snaps[i] if i >= 0 else self._initial

    def twin(self, method: str) -> "Timeline":
        """The same claims built with another method ('territory' or 'footprint')."""
        if method == self.method:
            return self
        if method not in self._twins:
            self._twins[method] = Timeline.from_claims(self.claims, method=method, window_days=self.window_days,
                                                       **self._params)
        return self._twins[method]

    # -- basic facts --------------------------------------------------------------------
    @property
    def dates(self) -> list[dt.date]:
        """Dates with at least one claim (any perspective), sorted."""
        return list(self._dates)

    @property
    def start(self) -> dt.date | None:
        """First claim date."""
        return self._dates[0] if self._dates else None

    @property
    def end(self) -> dt.date | None:
        """Last claim date."""
        return self._dates[-1] if self._dates else None

    @property
    def unmapped(self) -> tuple[Claim, ...]:
        """Claims that cannot be drawn (place known, no coordinates). They stay events."""
        return tuple(c for c in self.claims if c.is_unmapped)

    def unmapped_summary(self, claims: Iterable[Claim] | None = None) -> str:
        """``"39 of 114 claims not mapped: no coordinates for ..."`` ('' when all are mapped)."""
        from geoclaims.claims.rows import unmapped_summary

        return unmapped_summary(self.claims if claims is None else claims)

    def __repr__(self) -> str:
        if self.is_observed:
            return (f"<Timeline observed {self.start} .. {self.end}: {len(self._dates)} snapshots"
                    + (f", region {self.region!r}" if self.region else "") + f", from {self.source!r}>")
        if not self.claims:
            return "<Timeline: no claims>"
        return (f"<Timeline {self.start} .. {self.end}: {len(self.claims)} claims, "
                f"{len(self.unmapped)} unmapped, method={self.method!r}>")

    def shape_of(self, claim: Claim | int) -> Any:
        """The polygon a claim draws (EPSG:4326), or None."""
        i = claim if isinstance(claim, int) else self.claims.index(claim)
        g = self._shapes[i]
        return None if g is None else self.projection.to_wgs84(g)

    # -- state ------------------------------------------------------------------------------
    def state(self, date: "str | dt.date", *, perspective: "str | Perspective" = "all") -> "geopandas.GeoDataFrame":
        """Control at the end of `date`: one row per (side, status).

        Rows for every side and status in :data:`~geoclaims.control.engine.STATUSES`
        order (empty geometry and 0 km² where there is none). ``claim_ids``
        lists the claims behind each polygon. ``.attrs["unmapped"]`` says
        which claims up to that date could not be drawn.

        Returns
        -------
        geopandas.GeoDataFrame
            Columns :data:`STATE_COLUMNS` and ``geometry`` (EPSG:4326).
        """
        import geopandas
        import shapely

        d = _as_date(date)
        p, run = self._run(perspective)
        key = ("state", d)
        if key not in run.cache:
            groups = union_by_key(self._snapshot(run, d))
            recs, geoms = [], []
            for side in SIDES:
                for status in STATUSES:
                    geom, idx = groups.get((side, status), (shapely.Polygon(), []))
                    ids = self._claim_ids(run, idx)
                    recs.append({"date": d, "side": side, "status": status, "area_km2": shapely.area(geom) / 1e6,
                                 "claims": len(ids), "claim_ids": ", ".join(dict.fromkeys(ids))})
                    geoms.append(geom)
            run.cache[key] = (recs, geoms)
        recs, geoms = run.cache[key]
        gdf = geopandas.GeoDataFrame(recs, columns=list(STATE_COLUMNS),
                                     geometry=valid_polygons(self.projection.to_wgs84(list(geoms))), crs="EPSG:4326")
        gdf.attrs["perspective"] = self.perspective_label(p)
        gdf.attrs["unmapped"] = self.unmapped_summary(c for c in self.claims if c.date <= d and p.accepts(c))
        return gdf

    def pieces(self, date: "str | dt.date", *, perspective: "str | Perspective" = "all") -> "geopandas.GeoDataFrame":
        """Control at the end of `date`, piece by piece: each polygon with the claim that drew it.

        :meth:`state` unions these by side and status; maps use the pieces to show how sure each
        part is (the status of the claim behind it) and whether a claim states it or the model
        infers it (``tier``).

        Returns
        -------
        geopandas.GeoDataFrame
            Columns :data:`PIECE_COLUMNS` and ``geometry`` (EPSG:4326): ``claim_id`` and
            ``claim_status`` ('assessed', 'claimed', 'unverified') of the claim behind the piece
            (``'baseline'`` / ``'observed'`` and '' for pieces no claim drew), ``tier`` ('claimed':
            the claim's own polygon), ``area_km2``.

        Examples
        --------
        >>> from geoclaims import read_claims
        >>> tl = Timeline.from_claims(read_claims("examples/kursk/claims.csv"))
        >>> p = tl.pieces("2025-01-07")
        >>> sorted(set(p["tier"])), sorted(set(p[p.tier == "claimed"]["claim_status"]))
        (['claimed', 'inferred'], ['assessed', 'claimed', 'unverified'])
        """
        import geopandas
        import shapely

        d = _as_date(date)
        p, run = self._run(perspective)
        recs, geoms = [], []
        for x in (self._tiers(run, d) if run.field is not None else self._snapshot(run, d)):
            tier = {-1: "baseline", -2: "observed"}.get(x.claim, x.tier)
            if x.claim >= 0:
                c = self.claims[x.claim]
                cid, cstatus = c.claim_id, c.status
            else:
                cid, cstatus = {-1: "baseline", -2: "observed"}.get(x.claim, ""), ""
            recs.append({"date": d, "side": x.side, "status": x.status, "tier": tier, "claim_id": cid,
                         "claim_status": cstatus, "area_km2": shapely.area(x.geom) / 1e6,
                         "drivers": ", ".join(dict.fromkeys(self.claims[i].claim_id for i in x.drivers))})
            geoms.append(x.geom)
        return geopandas.GeoDataFrame(recs, columns=list(PIECE_COLUMNS),
                                      geometry=valid_polygons(self.projection.to_wgs84(geoms)) if geoms else [],
                                      crs="EPSG:4326")

    def band(self, date: "str | dt.date", *, perspective: "str | Perspective" = "all") -> "geopandas.GeoDataFrame":
        """How far each side's land may reach on `date`: the least ('min') and the most ('max') the map allows.

        For the methods that draw only what is claimed ('territory', 'footprint') and for observed
        timelines both bounds are the state's held + advanced land; a method that infers land
        between claims gives a band around its front (see ``method="inferred"``).

        Returns
        -------
        geopandas.GeoDataFrame
            Columns :data:`BAND_COLUMNS` and ``geometry`` (EPSG:4326): one 'min' and one 'max' row
            per side.

        Examples
        --------
        >>> from geoclaims import read_claims
        >>> claims = read_claims("examples/kursk/claims.csv")
        >>> b = Timeline.from_claims(claims).band("2025-01-07")
        >>> list(b["bound"]), bool(b["area_km2"].iloc[0] < b["area_km2"].iloc[1])
        (['min', 'max', 'min', 'max'], True)
        >>> b = Timeline.from_claims(claims, method="territory").band("2025-01-07")
        >>> bool(b["area_km2"].iloc[0] == b["area_km2"].iloc[1])
        True
        """
        import geopandas

        d = _as_date(date)
        p, run = self._run(perspective)
        key = ("band", d)
        if key not in run.cache:
            run.cache[key] = self._band_local(run, d)
        recs, geoms = [], []
        for side in SIDES:
            for bound, geom in zip(("min", "max"), run.cache[key][side]):
                recs.append({"date": d, "side": side, "bound": bound, "area_km2": _km2(geom)})
                geoms.append(geom)
        return geopandas.GeoDataFrame(recs, columns=list(BAND_COLUMNS),
                                      geometry=valid_polygons(self.projection.to_wgs84(geoms)), crs="EPSG:4326")

    def _band_local(self, run: _Run, d: dt.date) -> dict[str, tuple[Any, Any]]:
        """Per side, (min, max) land in the local CRS: the held + advanced land, or the inferred band."""
        import shapely

        snap = self._snapshot(run, d)
        out = {}
        for side in SIDES:
            g = union(geoms_of(snap, side, ("held", "advanced")))
            if run.field is not None and run.dates and d >= run.dates[0]:
                day = max(x for x in run.dates if x <= d)
                lo = polygonal(shapely.intersection(run.field.polygon(day, side, "min"), g)) if not g.is_empty else g
                hi = polygonal(robust(shapely.union, run.field.polygon(day, side, "max"), g))
                out[side] = (lo, hi)
            else:
                out[side] = (g, g)
        return out

    # -- diff ---------------------------------------------------------------------------------
    def diff(self, start: "str | dt.date", end: "str | dt.date", *,
             perspective: "str | Perspective" = "all") -> "geopandas.GeoDataFrame":
        """Areas each side gained and lost through the claims dated `start`..`end` (inclusive).

        One row per (side, change, claim): the part of the change that claim
        made first, with ``claim_ids`` listing every claim of the period that
        covers it (the provenance). Land a side retook in its own country
        counts as gained by it and lost by the opponent.

        Returns
        -------
        geopandas.GeoDataFrame
            Columns :data:`DIFF_COLUMNS` and ``geometry`` (EPSG:4326), sorted by
            side, change and area (largest first). ``.attrs["unmapped"]`` lists
            the period's claims that could not be drawn.
        """
        import geopandas

        d1, d2 = _as_date(start, "start"), _as_date(end, "end")
        if d2 < d1:
            raise InvalidArgument(f"end ({d2}) is before start ({d1})")
        p, run = self._run(perspective)
        before = self._snapshot(run, d1 - dt.timedelta(days=1))
        after = self._snapshot(run, d2)
        period = [i for i in run.order if d1 <= self.claims[i].date <= d2]
        drawn = [i for i in period if self._shapes[i] is not None and self.claims[i].changes_control]

        recs, geoms = [], []
        for side, (gained, lost) in self._gains_losses(before, after).items():
            for change, region in (("gained", gained), ("lost", lost)):
                for rec, geom in self._attribute(region, drawn, side, change, run.applied):
                    recs.append(rec)
                    geoms.append(geom)
        out = geopandas.GeoDataFrame(recs, columns=list(DIFF_COLUMNS),
                                     geometry=valid_polygons(self.projection.to_wgs84(geoms)) if geoms else [],
                                     crs="EPSG:4326")
        if len(out):
            out = out.sort_values(["side", "change", "area_km2"], ascending=[True, True, False], kind="stable")
            out = out.reset_index(drop=True)
        out.attrs["perspective"] = self.perspective_label(p)
        out.attrs["period"] = (d1, d2)
        out.attrs["unmapped"] = self.unmapped_summary(self.claims[i] for i in period)
        return out

    @staticmethod
    def _gains_losses(before: Sequence[Piece], after: Sequence[Piece]) -> dict[str, tuple[Any, Any]]:
        """Per side, (gained, lost) from one snapshot to another (local CRS).

        A side gains what it newly controls (held or advanced) and what its opponent no longer
        holds or contests; it loses the reverse.
        """
        import shapely

        # Pieces present in both snapshots are the same objects and, since the pieces of one
        # snapshot never overlap, cancel out of every difference below: drop them.
        common = {id(x) for x in before} & {id(x) for x in after}
        before = [x for x in before if id(x) not in common]
        after = [x for x in after if id(x) not in common]
        out = {}
        for side in SIDES:
            opp = other_side(side)
            own_lost, own_won = differences(geoms_of(before, side, ("held", "advanced")),
                                            geoms_of(after, side, ("held", "advanced")))
            opp_lost, opp_won = differences(geoms_of(before, opp, STATUSES), geoms_of(after, opp, STATUSES))
            out[side] = (robust(shapely.union, own_won, opp_lost), robust(shapely.union, own_lost, opp_won))
        return out

    def area_changes(self, *, freq: str = "claims", perspective: "str | Perspective" = "all",
                     start: "str | dt.date | None" = None, end: "str | dt.date | None" = None,
                     workers: int | None = None) -> "pandas.DataFrame":
        """km² each side gained and lost from one date to the next: the gross moves behind the net area.

        The same gains and losses as :meth:`diff`, without the per-claim attribution and
        geometries, so it is fast over years of snapshots.

        Parameters
        ----------
        freq : str, default 'claims'
            'claims' (every date with claims or snapshots), or a pandas frequency ('D', 'W', 'MS').
        perspective, start, end
            As for :meth:`area_series`.
        workers : int, optional
            Compute the steps in this many processes (where the OS can fork; default 1).

        Returns
        -------
        pandas.DataFrame
            A ``DatetimeIndex`` named ``date``: each claim date ('claims'), or each period as pandas
            labels it (``freq="MS"``: the month's first day; the row covers the whole month, the
            first and last partial periods included); columns ``<side>_gained`` and
            ``<side>_lost``. The first row compares with the state before the first date.

        Examples
        --------
        >>> from geoclaims import read_claims
        >>> tl = Timeline.from_claims(read_claims("examples/kursk/claims.csv"))
        >>> ch = tl.area_changes(start="2025-01-05", end="2025-01-07")
        >>> bool(ch.loc["2025-01-06", "RU_gained"] > 0)
        True

        Monthly rows cover whole months, the first one too (the August 2024 advance):

        >>> m = tl.area_changes(freq="MS")
        >>> bool(m.loc["2024-08-01", "UA_gained"] > 500), str(m.index[-1].date())
        (True, '2025-04-01')
        """
        import pandas as pd

        from geoclaims._checks import check_workers

        check_workers(workers)
        p, run = self._run(perspective)
        cols = [f"{s}_{c}" for s in SIDES for c in ("gained", "lost")]
        if not run.dates:
            return pd.DataFrame(columns=cols, index=pd.DatetimeIndex([], name="date"))
        labels, days, before = self._periods(run, freq, start, end)
        snaps = [self._snapshot(run, before)] if days else []
        snaps += [self._snapshot(run, d) for d in days]
        steps = list(range(len(days)))
        if workers and workers > 1 and len(steps) > 2 * workers:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            if "fork" in multiprocessing.get_all_start_methods():  # children share the snapshots, no copies
                global _CHANGES_WORK
                _CHANGES_WORK = snaps
                try:
                    with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                        chunks = [steps[i::workers] for i in range(workers)]
                        found = {k: v for part in pool.map(_change_areas, chunks) for k, v in part.items()}
                finally:
                    _CHANGES_WORK = None
            else:
                found = _change_areas(steps, snaps)
        else:
            found = _change_areas(steps, snaps)
        return pd.DataFrame([found[i] for i in steps], columns=cols, index=pd.DatetimeIndex(labels, name="date"))

    def _periods(self, run: _Run, freq: str, start: Any, end: Any) -> tuple[list[dt.date], list[dt.date], dt.date]:
        """(row labels, last day of each row's period, the day whose state the first row starts from)
        for :meth:`area_changes`.

        'claims': one row per date with claims. A pandas frequency: one row per period as pandas'
        ``resample`` labels it ('MS' by the month's first day, 'ME' and 'W' by the last), covering
        the whole period: from the end of the previous one (the day before `start` for the first)
        to its last day, or to `end` for a last, partial period.
        """
        import pandas as pd

        one_day = dt.timedelta(days=1)
        if freq == "claims":
            days = self._steps(run, freq, start, end, close=False)
            return days, days, (days[0] - one_day) if days else dt.date.min
        self._steps(run, freq, start, end, close=False)  # validates freq and the dates
        d1 = _as_date(start, "start") if start is not None else run.dates[0]
        d2 = _as_date(end, "end") if end is not None else run.dates[-1]
        daily = pd.date_range(d1, d2, freq="D")
        last = pd.Series(daily, index=daily).resample(pd.tseries.frequencies.to_offset(freq)).max().dropna()
        return [t.date() for t in last.index], [t.date() for t in last], d1 - one_day

    def _attribute(self, region, drawn: list[int], side: str, change: str, applied: dict[int, str]):
        """Split a change region among the claims that made it, earliest first."""
        import shapely

        from geoclaims.control.engine import MIN_AREA_M2

        if region.is_empty or shapely.area(region) < MIN_AREA_M2:
            return
        remaining = region
        for i in drawn:
            c = self.claims[i]
            res = ("", "contested") if applied.get(i, "").startswith("contested") else outcome(c)
            favours = res is not None and (res[0] == side if change == "gained" else res[0] != side)
            if not favours:
                continue
            part = shapely.intersection(remaining, self._shapes[i])
            a = shapely.area(part)
            if a < MIN_AREA_M2 * 100:
                continue
            near = [j for j, hit in zip(drawn, shapely.intersects([self._shapes[j] for j in drawn], part)) if hit]
            overlap = shapely.area(shapely.intersection([self._shapes[j] for j in near], part)) if near else []
            covering = [self.claims[j].claim_id for j, o in zip(near, overlap) if o > 0.5 * a]
            status = res[1] if res is not None else ""
            yield ({"side": side, "change": change, "area_km2": a / 1e6, "where": c.where, "claim_id": c.claim_id,
                    "date": c.date, "claimant": c.claimant, "status": status, "claim_status": c.status,
                    "claim_ids": ", ".join(dict.fromkeys(covering))}, part)
            remaining = robust(shapely.difference, remaining, part)
            if shapely.area(remaining) < MIN_AREA_M2 * 100:
                return
        if shapely.area(remaining) >= MIN_AREA_M2 * 100:
            yield ({"side": side, "change": change, "area_km2": shapely.area(remaining) / 1e6,
                    "where": "(observed)" if self.is_observed else "(inferred from the claims nearby)"
                    if self.method == "inferred" else "(by claims against the other side)",
                    "claim_id": "", "date": None, "claimant": "",
                    "status": "", "claim_status": "",
                    "claim_ids": ", ".join(dict.fromkeys(self.claims[j].claim_id for j in drawn
                                                         if shapely.intersects(remaining, self._shapes[j])))},
                   remaining)

    # -- settlements ----------------------------------------------------------------------------
    def changes(self, start: "str | dt.date | None" = None, end: "str | dt.date | None" = None, *,
                perspective: "str | Perspective" = "all") -> "pandas.DataFrame":
        """Settlements named by claims that changed hands, one row per change.

        ``from_side``/``to_side`` are UA, RU or ``contested``, judged at the
        settlement's point before and after the claim's date. Claims about
        places without coordinates are listed too, with ``mapped=False`` and
        the side the claim gives (``from_side`` empty: unknown).
        """
        import pandas as pd
        import shapely

        p, run = self._run(perspective)
        d1 = _as_date(start, "start") if start is not None else dt.date.min
        d2 = _as_date(end, "end") if end is not None else dt.date.max
        if self.is_observed:
            return self._observed_changes(run, d1, d2)
        rows = []
        seen: set[tuple] = set()
        by_day_place: dict[tuple, list[Claim]] = {}
        for j in run.order:
            x = self.claims[j]
            if x.place is not None:
                by_day_place.setdefault((x.date, x.place.id), []).append(x)
        for i in run.order:
            c = self.claims[i]
            if not (d1 <= c.date <= d2) or not c.changes_control or c.place is None:
                continue
            if c.qualifier not in ("", "central") and c.action != "capture":
                continue  # an advance near/west of a place does not change who holds it
            key = (c.date, c.place.id)
            if key in seen:
                continue
            seen.add(key)
            if not c.place.is_located:
                res = outcome(c)
                to = res[0] or "contested" if res else ""
                rows.append({"date": c.date, "place": c.place.name, "place_id": c.place.id, "from_side": "",
                             "to_side": to, "claim_id": c.claim_id, "claimant": c.claimant,
                             "claim_status": c.status, "mapped": False})
                continue
            pt = self.projection.to_local(shapely.Point(c.place.lon, c.place.lat))
            before = self._holder(self._snapshot(run, c.date - dt.timedelta(days=1)), pt)
            after = self._holder(self._snapshot(run, c.date), pt)
            if before != after:
                same_day = by_day_place[key]
                rows.append({"date": c.date, "place": c.place.name, "place_id": c.place.id, "from_side": before,
                             "to_side": after, "claim_id": ", ".join(dict.fromkeys(x.claim_id for x in same_day)),
                             "claimant": "; ".join(dict.fromkeys(x.claimant for x in same_day)),
                             "claim_status": "; ".join(dict.fromkeys(x.status for x in same_day)), "mapped": True})
        df = pd.DataFrame(rows, columns=list(CHANGES_COLUMNS))
        df.attrs["perspective"] = self.perspective_label(p)
        return df

    def _observed_changes(self, run: _Run, d1: dt.date, d2: dt.date) -> "pandas.DataFrame":
        """Gazetteer places whose holder differs between consecutive snapshots in d1..d2."""
        import bisect

        import numpy as np
        import pandas as pd

        places, x, y, own = self._gazetteer_points()
        rows = []
        i = bisect.bisect_left(run.dates, d1)
        prev = self._snapshot(run, d1 - dt.timedelta(days=1)) if d1 > dt.date.min else self._initial
        prev_h = self._holders(prev, x, y, own)
        for d, snap in zip(run.dates[i:], run.snaps[i:]):
            if d > d2:
                break
            if snap is prev:
                continue
            h = self._holders(snap, x, y, own)
            for k in np.flatnonzero(h != prev_h):
                pl = places[k]
                rows.append({"date": d, "place": pl.name, "place_id": pl.id, "from_side": prev_h[k],
                             "to_side": h[k], "claim_id": "", "claimant": "observed", "claim_status": "",
                             "mapped": True})
            prev, prev_h = snap, h
        df = pd.DataFrame(rows, columns=list(CHANGES_COLUMNS))
        df.attrs["perspective"] = self.perspective_label()
        return df

    def _gazetteer_points(self):
        """Located gazetteer places inside the area of interest: (places, x, y, own side) in the local CRS."""
        cached = self._places_xy
        if cached is None:
            import numpy as np

            from geoclaims.places.gazetteer import Gazetteer
            from geoclaims.control.projection import _transformers

            w, s, e, n = self._aoi
            places = [p for p in Gazetteer.default().places
                      if p.lat is not None and p.lon is not None and w <= p.lon <= e and s <= p.lat <= n]
            fwd = _transformers(self.projection.lon0, self.projection.lat0)[1]
            x, y = fwd.transform(np.array([p.lon for p in places], dtype=float), np.array([p.lat for p in places],
                                                                                           dtype=float))
            own = np.array([p.country if p.country in SIDES else "" for p in places], dtype=object)
            cached = self._places_xy = (places, np.asarray(x), np.asarray(y), own)
        return cached

    @staticmethod
    def _holders(pieces: Sequence[Piece], x, y, own):
        import shapely

        out = own.copy()
        if len(x) == 0:
            return out
        for piece in pieces:
            inside = shapely.contains_xy(piece.geom, x, y)
            out[inside] = "contested" if piece.status == "contested" else piece.side
        return out

    def _holder(self, pieces: Sequence[Piece], pt) -> str:
        for x in pieces:
            if x.geom.covers(pt):
                return "contested" if x.status == "contested" else x.side
        for side, terr in self._territories.items():
            if terr.covers(pt):
                return side
        return ""

    # -- areas ------------------------------------------------------------------------------------
    def area_series(self, *, side: str | None = None, freq: str = "D", perspective: "str | Perspective" = "all",
                    start: "str | dt.date | None" = None, end: "str | dt.date | None" = None,
                    region: Any = None, client: Any = None) -> "pandas.DataFrame":
        """km² per side and status over time.

        Parameters
        ----------
        side : {'UA', 'RU'}, optional
            Only that side's columns.
        freq : str, default 'D'
            A pandas frequency: 'D' (every day), 'W' (weekly, the state at the
            end of each week), 'MS'/'ME' (monthly), or 'claims' (only dates with
            claims in this perspective).
        perspective, start, end
        region : str, (w, s, e, n) or polygon, optional
            Count only the area inside this oblast or country (any spelling), bounding box in
            degrees, or EPSG:4326 polygon.
        client : dask.distributed.Client, optional
            Compute the areas of the snapshots on this Dask cluster's workers (the same figures).

        Returns
        -------
        pandas.DataFrame
            A ``DatetimeIndex`` named ``date`` (``.loc["2024-08-15"]`` works); columns
            ``<side>_held``, ``<side>_advanced``, ``<side>_contested``, ``<side>_total``
            (held + advanced) and the band around it, ``<side>_total_min`` and
            ``<side>_total_max`` (equal to the total but for ``method="inferred"``).
        """
        import numpy as np
        import pandas as pd
        import shapely

        if side is not None and side not in SIDES:
            raise InvalidArgument(f"side={side!r} is not valid; valid: {', '.join(SIDES)}")
        p, run = self._run(perspective)
        if not run.dates:
            return pd.DataFrame(columns=self._area_columns(side), index=pd.DatetimeIndex([], name="date"))
        days = self._steps(run, freq, start, end, close=True)
        clip = self._region_local(region) if region else None
        cache: dict[int, dict[str, float]] = {}
        if client is not None and run.field is None:  # issue 17: on a Dask cluster (inferred bands: here)
            from geoclaims.observed.dask_archive import snapshot_areas

            cache = snapshot_areas(client, [self._snapshot(run, d) for d in days], clip)
        rows = []
        if run.field is not None and not run.field.has_baseline:
            return self._field_areas(run, days, clip)[self._area_columns(side)]
        for d in days:
            snap = self._snapshot(run, d)
            k = id(snap)
            if k not in cache:
                vals = {}
                for s in SIDES:
                    for st in STATUSES:
                        gs = geoms_of(snap, s, (st,))
                        if clip is not None:
                            gs = list(shapely.intersection(gs, clip)) if gs else []
                        vals[f"{s}_{st}"] = float(np.sum(shapely.area(gs))) / 1e6 if gs else 0.0
                    vals[f"{s}_total"] = vals[f"{s}_held"] + vals[f"{s}_advanced"]
                    vals[f"{s}_total_min"] = vals[f"{s}_total_max"] = vals[f"{s}_total"]
                if run.field is not None:
                    band = self._band_local(run, d)
                    for s in SIDES:
                        lo, hi = band[s]
                        if clip is not None:
                            lo, hi = shapely.intersection(lo, clip), shapely.intersection(hi, clip)
                        vals[f"{s}_total_min"] = min(_km2(lo), vals[f"{s}_total"])
                        vals[f"{s}_total_max"] = max(_km2(hi), vals[f"{s}_total"])
                cache[k] = vals
            rows.append(cache[k])
        df = pd.DataFrame(rows, index=pd.DatetimeIndex(days, name="date"))
        return df[self._area_columns(side)]

    def _field_areas(self, run: _Run, days: Sequence[dt.date], clip: Any) -> "pandas.DataFrame":
        """area_series of an inferred run, from the field's cells (fast: no polygons): within ~2 % of the
        contoured state()."""
        import bisect

        import pandas as pd

        f = run.field
        mask = f.region_mask(clip) if clip is not None else None
        cache: dict[dt.date, dict[str, float]] = {}
        rows = []
        empty = {f"{s}_{k}": 0.0 for s in SIDES for k in (*STATUSES, "total", "total_min", "total_max")}
        for d in days:
            i = bisect.bisect_right(run.dates, d) - 1
            if i < 0:
                rows.append(empty)
                continue
            day = run.dates[i]
            if day not in cache:
                a = f.areas(day, mask)
                vals = {}
                for s in SIDES:
                    for st in STATUSES:
                        vals[f"{s}_{st}"] = a[s][st]
                    vals[f"{s}_total"] = a[s]["held"] + a[s]["advanced"]
                    vals[f"{s}_total_min"] = min(a[s]["min"], vals[f"{s}_total"])
                    vals[f"{s}_total_max"] = max(a[s]["max"], vals[f"{s}_total"])
                cache[day] = vals
            rows.append(cache[day])
        return pd.DataFrame(rows, index=pd.DatetimeIndex(days, name="date"))

    @staticmethod
    def _steps(run: _Run, freq: str, start: Any, end: Any, *, close: bool) -> list[dt.date]:
        """The dates of a series: run dates ('claims') or a pandas frequency, within start..end.

        With `close`, a coarser-than-daily series also ends on the last date.
        """
        import pandas as pd

        d1 = _as_date(start, "start") if start is not None else run.dates[0]
        d2 = _as_date(end, "end") if end is not None else run.dates[-1]
        if d2 < d1:
            raise InvalidArgument(f"end ({d2}) is before start ({d1})")
        if freq == "claims":
            return [d for d in run.dates if d1 <= d <= d2]
        try:
            offset = pd.tseries.frequencies.to_offset(freq)
            if getattr(offset, "n", 1) <= 0:
                raise ValueError("the step must be positive")
            days = [t.date() for t in pd.date_range(d1, d2, freq=offset)]
        except (ValueError, TypeError, ZeroDivisionError) as e:
            raise InvalidArgument(f"freq={freq!r} is not valid: {e}; e.g. 'D', '2D', 'W', 'MS', 'claims'") from None
        if close and freq != "D" and (not days or days[-1] != d2):
            days.append(d2)
        return days

    @staticmethod
    def _area_columns(side: str | None) -> list[str]:
        return [f"{s}_{st}" for s in (SIDES if side is None else (side,))
                for st in (*STATUSES, "total", "total_min", "total_max")]

    def _region_local(self, region: Any):
        """A region (see :func:`geoclaims.places.boundaries.region_geometry`) within the area of interest, local CRS."""
        key = region.wkb if hasattr(region, "wkb") else tuple(region) if isinstance(region, list) else region
        if key not in self._regions:
            import shapely

            from geoclaims.places.boundaries import region_geometry

            g, _label = region_geometry(region)
            self._regions[key] = self.projection.to_local(shapely.intersection(g, shapely.box(*self._aoi)))
        return self._regions[key]

    def area_check(self, *, perspective: "str | Perspective" = "all") -> "pandas.DataFrame":
        """Every area claim beside the mapped area on its date.

        The mapped range runs from the smallest to the largest of: the
        footprint method's held + advanced area, this timeline's held +
        advanced area, and the territory method's held + advanced + contested
        area; for ``method="inferred"`` and ``held`` figures it is the inferred
        front's uncertainty band; inside the claim's region when it names one. For ``held``
        figures the mapped area is what the side holds beyond its border; for
        ``gained`` figures, the land it took: its pieces plus the land it
        retook from the opponent since the opponent's peak.

        Returns
        -------
        pandas.DataFrame
            date, claim_id, claimant, side, basis, claimed_km2, mapped_low_km2,
            mapped_km2 (this timeline's method, held + advanced), mapped_high_km2,
            ratio (claimed / mapped_km2), summary.
        """
        import pandas as pd

        p = Perspective.parse(perspective, self.claimants)
        foot = self.twin("footprint")
        terr = self.twin("territory")
        rows = []
        for c in sorted((c for c in self.claims if c.action == "area"), key=sort_key):
            region = c.region or None
            try:
                mid = self._mapped(c, "total", p, region)
                if self.method == "inferred" and c.area_basis == "held":
                    low, high = self._band_km2(c, p, region)  # the uncertainty band of the inferred front
                else:
                    low = foot._mapped(c, "total", p, region)
                    high = terr._mapped(c, "all", p, region)
            except ValueError:
                low = mid = high = float("nan")
                region = None
            ratio = c.area_km2 / mid if mid else float("nan")
            low, high = min(low, mid, high), max(low, mid, high)
            summary = (f"claimed {c.area_km2:,.0f} km²; mapped {low:,.0f}-{high:,.0f} km²"
                       f" ({self.method}: {mid:,.0f} km²)")
            rows.append({"date": c.date, "claim_id": c.claim_id, "claimant": c.claimant, "side": c.side,
                         "basis": c.area_basis, "region": region or "", "claimed_km2": c.area_km2,
                         "mapped_low_km2": low, "mapped_km2": mid, "mapped_high_km2": high,
                         "ratio": ratio, "status": c.status, "summary": summary})
        df = pd.DataFrame(rows, columns=["date", "claim_id", "claimant", "side", "basis", "region", "claimed_km2",
                                         "mapped_low_km2", "mapped_km2", "mapped_high_km2", "ratio", "status",
                                         "summary"])
        df.attrs["perspective"] = self.perspective_label(p)
        return df

    def _band_km2(self, c: Claim, p: "Perspective", region: str | None) -> tuple[float, float]:
        """The inferred band's km² (min, max) for the claim's side on its date, inside its region."""
        import shapely

        _, run = self._run(p)
        clip = self._region_local(region) if region else None
        lo, hi = self._band_local(run, c.date)[c.side]
        if clip is not None:
            lo, hi = shapely.intersection(lo, clip), shapely.intersection(hi, clip)
        return _km2(lo), _km2(hi)

    def _mapped(self, c: Claim, which: str, p: Perspective, region: str | None) -> float:
        import shapely

        _, run = self._run(p)
        clip = self._region_local(region) if region else None
        statuses = {"held": ("held",), "total": ("held", "advanced"), "all": STATUSES}[which]

        def area(pieces, side, sts):
            g = union(geoms_of(pieces, side, sts))
            return shapely.intersection(g, clip) if clip is not None else g

        snap = self._snapshot(run, c.date)
        own = area(snap, c.side, statuses)
        if c.area_basis == "held":
            return shapely.area(own) / 1e6
        # gained: own pieces + land retaken from the opponent since the opponent's peak
        opp = other_side(c.side)
        ever = union([area(s, opp, STATUSES) for d, s in zip(run.dates, run.snaps) if d <= c.date])
        retaken = robust(shapely.difference, ever, area(snap, opp, STATUSES))
        return (shapely.area(own) + shapely.area(retaken)) / 1e6

    # -- export --------------------------------------------------------------------------------
    def to_geodataframe(self, *, perspective: "str | Perspective" = "all") -> "geopandas.GeoDataFrame":
        """Every (side, status) polygon with ``valid_from``/``valid_to`` dates (``valid_to`` exclusive).

        A new feature starts whenever the polygon changes; the last ones have
        no ``valid_to``. QGIS's temporal controller plays it as is.
        """
        import geopandas
        import pandas as pd
        import shapely

        p, run = self._run(perspective)
        recs, geoms = [], []
        current: dict[tuple[str, str], tuple[frozenset, dt.date, Any, list[int]]] = {}

        def close(key, until):
            ids, since, geom, idx = current.pop(key)
            if geom.is_empty:
                return
            names = self._claim_ids(run, idx)
            recs.append({"side": key[0], "status": key[1], "valid_from": pd.Timestamp(since),
                         "valid_to": pd.Timestamp(until) if until else pd.NaT, "area_km2": shapely.area(geom) / 1e6,
                         "claim_ids": ", ".join(dict.fromkeys(names)), "perspective": self.perspective_label(p)})
            geoms.append(geom)

        for d, snap in zip(run.dates, run.snaps):
            groups: dict[tuple[str, str], list[Piece]] = {}
            for x in snap:
                groups.setdefault((x.side, x.status), []).append(x)
            for key in set(current) | set(groups):
                ids = frozenset(id(x) for x in groups.get(key, ()))
                if key in current and current[key][0] == ids:
                    continue
                if key in current:
                    close(key, d)
                if key in groups:
                    ps = groups[key]
                    current[key] = (ids, d, union([x.geom for x in ps]), sorted({x.claim for x in ps}))
        for key in list(current):
            close(key, None)
        gdf = geopandas.GeoDataFrame(recs, columns=["side", "status", "valid_from", "valid_to", "area_km2",
                                                    "claim_ids", "perspective"],
                                     geometry=valid_polygons(self.projection.to_wgs84(geoms)) if geoms else [],
                                     crs="EPSG:4326")
        return gdf.sort_values(["valid_from", "side", "status"], kind="stable").reset_index(drop=True)

    def to_file(self, path: "str | os.PathLike[str]", *, perspective: "str | Perspective" = "all",
                driver: str | None = None) -> Path:
        """Write :meth:`to_geodataframe` to GeoJSON or GeoPackage (by extension), atomically.

        GeoPackage stores ``valid_from``/``valid_to`` as dates; GeoJSON as ISO
        strings. A second layer ``claims`` (GeoPackage only) holds the claims
        with their points.
        """
        from geoclaims._io import atomic_path

        path = Path(path)
        ext = path.suffix.lower()
        drv = driver or {".gpkg": "GPKG", ".geojson": "GeoJSON", ".json": "GeoJSON"}.get(ext)
        if drv is None:
            raise InvalidArgument(f"{path}: unknown output format {ext!r}; valid: .gpkg, .geojson (or pass driver=)")
        gdf = self.to_geodataframe(perspective=perspective)
        if drv == "GeoJSON":
            for col in ("valid_from", "valid_to"):
                gdf[col] = gdf[col].dt.strftime("%Y-%m-%d").astype(object).where(gdf[col].notna(), None)
        from geoclaims.errors import OutputError

        with atomic_path(path) as tmp:
            try:
                gdf.to_file(tmp, driver=drv, layer="control" if drv == "GPKG" else None, engine="pyogrio")
                if drv == "GPKG":
                    from geoclaims.claims.rows import ClaimSet

                    claims = ClaimSet(self.claims).to_geodataframe()
                    claims.to_file(tmp, driver="GPKG", layer="claims", engine="pyogrio", append=False)
            except (OSError, RuntimeError, ValueError) as e:  # pyogrio's DataSourceError & co. (no space, no rights)
                raise OutputError(f"cannot write {path}: {str(e)[:300]}") from None
        return path

    def __len__(self) -> int:
        return len(self.claims)

    # -- maps -------------------------------------------------------------------------------------
    def plot(self, date: "str | dt.date | None" = None, **kwargs: Any) -> Any:
        """A publication map of control on `date` (matplotlib): title, date, legend, scale bar, sources.

        Keyword arguments: see :func:`geoclaims.plot` (``observed=``, ``since=``, ``title=``, ``source=``...).

        Returns
        -------
        matplotlib.figure.Figure
        """
        from geoclaims.web.static import plot

        return plot(self, date, **kwargs)

    def explore(self, date: "str | dt.date | None" = None, *, m: Any = None, **kwargs: Any) -> Any:
        """An interactive folium map of control on `date` (default: the last claim date).

        Layers per side and status, the change since the previous claim date,
        markers with every claim, legend, layer control, scale bar; works
        offline. Keyword arguments: see :func:`geoclaims.web.maps.explore`
        (``since``, ``perspective``, ``colors``, ``tiles``, ``assets``, ...).

        Returns
        -------
        folium.Map
        """
        from geoclaims.web.maps import explore

        return explore(self, date, m=m, **kwargs)

    def _repr_html_(self) -> str:
        """Jupyter summary: dates, claims, km² per side at the last date, and a small static map."""
        from geoclaims.web.assets import esc

        if not self._dates:
            return "<p><b>Timeline</b>: no claims</p>"
        last = self.state(self.end)
        km = {(r.side, r.status): r.area_km2 for r in last.itertuples()}
        rows = "".join(
            f"<tr><td>{esc(s)}</td>" + "".join(f"<td style='text-align:right'>{km[(s, st)]:,.1f}</td>"
                                               for st in STATUSES) + "</tr>" for s in SIDES)
        head = "".join(f"<th>{esc(st)} km²</th>" for st in STATUSES)
        if self.is_observed:
            summary = (f"<b>Timeline</b> {esc(self.start)} .. {esc(self.end)}: {len(self._dates)} observed snapshots"
                       f"{' in ' + esc(self.region) if self.region else ''}, from {esc(self.source)}")
        else:
            summary = (f"<b>Timeline</b> {esc(self.start)} .. {esc(self.end)}: {len(self.claims)} claims on "
                       f"{len(self._dates)} days, {len(self.claimants)} claimants, method {esc(self.method)}")
        unmapped = f"<br><small>{esc(self.unmapped_summary())}</small>" if self.unmapped else ""
        return (f"<div class='geoclaims-timeline'><p>{summary}{unmapped}</p>"
                f"<div style='display:flex;gap:1em;align-items:flex-start;flex-wrap:wrap'>{self._svg_map(last)}"
                f"<table><tr><th>side</th>{head}</tr>{rows}</table></div>"
                f"<p><small>State at the end of {esc(self.end)} ({esc(self.perspective_label())}). "
                f"<code>.explore()</code> for the interactive map.</small></p></div>")

    def _svg_map(self, state: "geopandas.GeoDataFrame", width: int = 360) -> str:
        """A small static map of a state (SVG, in the local equal-area projection)."""
        import shapely

        from geoclaims.web.assets import DEFAULT_COLORS

        geoms = list(self.projection.to_local(list(state.geometry)))
        drawn = [g for g in geoms if not g.is_empty]
        if drawn:
            b = shapely.union_all(drawn).bounds
            frame = shapely.box(b[0] - 15_000, b[1] - 15_000, b[2] + 15_000, b[3] + 15_000)
        else:
            frame = shapely.box(*shapely.union_all(list(self._territories.values())).bounds)
        x0, y0, x1, y1 = frame.bounds
        scale = (x1 - x0) / width
        parts = []
        for side, terr in self._territories.items():
            g = shapely.intersection(terr, frame)
            if not g.is_empty:
                parts.append(g.svg(scale_factor=scale, fill_color="#f3f0e3" if side == "UA" else "#ececec",
                                   opacity=1.0))
        for (side, status), g in zip(zip(state["side"], state["status"]), geoms):
            if g.is_empty:
                continue
            color = DEFAULT_COLORS["contested"] if status == "contested" else DEFAULT_COLORS[side]
            parts.append(g.svg(scale_factor=scale * 0.5, fill_color=color, opacity=0.55))
        height = max(1, round(width * (y1 - y0) / (x1 - x0)))
        return (f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
                f'viewBox="{x0:.0f} {-y1:.0f} {x1 - x0:.0f} {y1 - y0:.0f}" style="background:#dfe8ef">'
                f'<g transform="scale(1,-1)">{"".join(parts)}</g></svg>')


def _read_geo_file(path: "str | os.PathLike[str]", what: str) -> "geopandas.GeoDataFrame":
    """A GeoJSON/GeoPackage/... file as a GeoDataFrame, or a GeoclaimsError saying why it cannot be read."""
    import pyogrio

    from geoclaims.errors import InputFileError, InputFileNotFound

    p = Path(os.fspath(path))
    if not p.exists():
        raise InputFileNotFound(f"{what} file not found: {p}")
    if p.is_dir():
        raise InputFileError(f"{what} {p} is a folder; expected a GeoJSON or GeoPackage file")
    try:
        return pyogrio.read_dataframe(p)
    except Exception as e:  # noqa: BLE001 - pyogrio/GDAL errors on a file that is not what it claims
        raise InputFileError(f"cannot read {what} {p}: {str(e)[:300]}") from None
