"""The :class:`Timeline` of control: a value object (dates, pieces, claims, provenance) whose queries live in
modules by topic (:mod:`~geoclaims.timeline.state`, :mod:`~geoclaims.timeline.changes`,
:mod:`~geoclaims.timeline.areas`, :mod:`~geoclaims.timeline.export`) and are reached as its methods.

Dates: ``state(d)`` is control at the *end* of day ``d`` (every claim dated
``d`` or earlier applied). ``diff(d1, d2)`` covers the claims dated ``d1``
through ``d2``, both days included (like pandas' date slicing): it compares
the state at the end of the day before ``d1`` with the state at the end of
``d2``, so ``state(d1 - 1 day)`` plus ``diff(d1, d2)`` is ``state(d2)``.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from geoclaims.claims.claim import Claim
from geoclaims.control.engine import Piece
from geoclaims.control.inference.model import InferenceModel
from geoclaims.control.shapes import ShapeModel
from geoclaims.control.territory import TerritoryModel
from geoclaims.errors import DisplayBackendError
from geoclaims.timeline import areas as _areas
from geoclaims.timeline import build as _build
from geoclaims.timeline import changes as _changes
from geoclaims.timeline import display as _display
from geoclaims.timeline import export as _export
from geoclaims.timeline import runs as _runs
from geoclaims.timeline import state as _state
from geoclaims.timeline.perspective import Perspective

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    import pandas

    from geoclaims.claims.claimset import ClaimSet
    from geoclaims.control.projection import LocalProjection
    from geoclaims.places.gazetteer import Gazetteer
    from geoclaims.timeline.runs import _Run

__all__ = ["Timeline"]


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

    # -- construction ---------------------------------------------------------------------------------
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
        return _build.from_claims(cls, claims, baseline=baseline, start=start, method=method, window_days=window_days,
                                  shape_model=shape_model, territory_model=territory_model, gazetteer=gazetteer,
                                  inference=inference)

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
        return _build.from_observed(cls, dates, snapshots, projection=projection, source=source, problems=problems,
                                    unknown_keys=unknown_keys, region=region, region_shape=region_shape,
                                    fallback_keys=fallback_keys)

    def perspective_label(self, perspective: "str | Perspective" = "all") -> str:
        """How pages and tables name a view: ``'all claims'``, ``'as RU claimants tell it'``, ``'observed maps (x)'``."""
        if self.is_observed:
            return f"observed maps ({Path(self.source).name})" if self.source else "observed maps"
        return Perspective.parse(perspective, self.claimants).label

    @property
    def is_observed(self) -> bool:
        """True for timelines read from observed maps (:func:`geoclaims.read_snapshots`)."""
        return self.method == "observed"

    def twin(self, method: str) -> "Timeline":
        """The same claims built with another method ('territory' or 'footprint')."""
        if method == self.method:
            return self
        if method not in self._twins:
            self._twins[method] = Timeline.from_claims(self.claims, method=method, window_days=self.window_days,
                                                       **self._params)
        return self._twins[method]

    # -- what the stages share: a run per perspective and its snapshots (geoclaims.timeline.runs) ---------
    def _run(self, perspective: "str | Perspective") -> tuple[Perspective, Any]:
        return _runs.run_of(self, perspective)

    def _snapshot(self, run: Any, date: dt.date) -> tuple[Piece, ...]:
        return _runs.snapshot(self, run, date)

    def _claim_ids(self, run: Any, idx: Iterable[int]) -> list[str]:
        return _runs.claim_ids(self, run, idx)

    def _region_local(self, region: Any) -> Any:
        return _areas.region_local(self, region)

    # -- basic facts ----------------------------------------------------------------------------------
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
        from geoclaims.claims.claimset import unmapped_summary

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

    def __len__(self) -> int:
        return len(self.claims)

    # -- one day: state, pieces, band (geoclaims.timeline.state) -------------------------------------
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
        return _state.state(self, date, perspective=perspective)

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
        return _state.pieces(self, date, perspective=perspective)

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
        return _state.band(self, date, perspective=perspective)

    # -- what changed: diff, changes (geoclaims.timeline.changes) ------------------------------------
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
        return _changes.diff(self, start, end, perspective=perspective)

    def changes(self, start: "str | dt.date | None" = None, end: "str | dt.date | None" = None, *,
                perspective: "str | Perspective" = "all") -> "pandas.DataFrame":
        """Settlements named by claims that changed hands, one row per change.

        ``from_side``/``to_side`` are UA, RU or ``contested``, judged at the
        settlement's point before and after the claim's date. Claims about
        places without coordinates are listed too, with ``mapped=False`` and
        the side the claim gives (``from_side`` empty: unknown).
        """
        return _changes.changes(self, start, end, perspective=perspective)

    # -- areas over time (geoclaims.timeline.areas) ---------------------------------------------------
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
        return _areas.area_changes(self, freq=freq, perspective=perspective, start=start, end=end, workers=workers)

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
        return _areas.area_series(self, side=side, freq=freq, perspective=perspective, start=start, end=end,
                                  region=region, client=client)

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
        return _areas.area_check(self, perspective=perspective)

    # -- export (geoclaims.timeline.export) -----------------------------------------------------------
    def to_geodataframe(self, *, perspective: "str | Perspective" = "all") -> "geopandas.GeoDataFrame":
        """Every (side, status) polygon with ``valid_from``/``valid_to`` dates (``valid_to`` exclusive).

        A new feature starts whenever the polygon changes; the last ones have
        no ``valid_to``. QGIS's temporal controller plays it as is.
        """
        return _export.to_geodataframe(self, perspective=perspective)

    def to_file(self, path: "str | os.PathLike[str]", *, perspective: "str | Perspective" = "all",
                driver: str | None = None) -> Path:
        """Write :meth:`to_geodataframe` to GeoJSON or GeoPackage (by extension), atomically.

        GeoPackage stores ``valid_from``/``valid_to`` as dates; GeoJSON as ISO
        strings. A second layer ``claims`` (GeoPackage only) holds the claims
        with their points.
        """
        return _export.to_file(self, path, perspective=perspective, driver=driver)

    # -- display, by the registered backend (geoclaims.timeline.display; geoclaims.web by default) ---
    def plot(self, date: "str | dt.date | None" = None, **kwargs: Any) -> Any:
        """A publication map of control on `date` (matplotlib): title, date, legend, scale bar, sources.

        Keyword arguments: see :func:`geoclaims.plot` (``observed=``, ``since=``, ``title=``, ``source=``...).

        Returns
        -------
        matplotlib.figure.Figure
        """
        return _display.get_backend().plot(self, date, **kwargs)

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
        return _display.get_backend().explore(self, date, m=m, **kwargs)

    def _repr_html_(self) -> str | None:
        """Jupyter summary: dates, claims, km² per side at the last date, and a small static map (by the display
        backend; None, so Jupyter shows the plain repr, when no backend can be loaded)."""
        try:
            backend = _display.get_backend()
        except DisplayBackendError:
            return None
        return backend.repr_html(self)
