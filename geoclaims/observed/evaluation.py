"""How close a claims map is to an observed map: areas, overlap, front lines and settlements, date by date.

:func:`agreement` compares a claims :class:`~geoclaims.timeline.core.Timeline` with an observed one
(:func:`geoclaims.read_snapshots`, e.g. DeepStateMap) on chosen dates, side by side. An observed
map gives each side an *interval*: the land it holds (``observed_km2``) and that land plus the grey
zone around it (``observed_with_grey_km2``); the true line is somewhere in between. The measures
are built on that interval:

- ``area_error``: 0 when our km² lie inside the interval, else the distance to the nearer end
  relative to it (+0.25: 25 % more than held + grey; -0.25: 25 % less than held);
- ``iou``: overlap of our land with the observed interval, ``|ours ∩ held+grey| / |ours ∪ held|``
  (1 when held ⊆ ours ⊆ held + grey); ``precision`` = ``|ours ∩ held+grey| / |ours|`` and
  ``recall`` = ``|ours ∩ held| / |held|``;
- ``front_mean_km`` / ``front_max_km``: distance between our front line (the edge of our land
  away from the side's own border) and the observed one, sampled every 250 m both ways; a line
  anywhere inside the observed grey zone is on the observed front;
- ``settlements_agree``: the share of gazetteer settlements near either map's land (within 5 km)
  whose control agrees (one in the observed grey zone agrees with either answer).

:func:`nowcast` measures how well claims *update* an observed map: start from the observed map of
day D, apply the claims of D..D+k, compare with the observed map of D+k, beside persistence (the
map of day D unchanged).
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from geoclaims.claims.claim import SIDES
from geoclaims.errors import InvalidArgument, InvalidArgumentType

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from geoclaims.timeline.core import Timeline

__all__ = ["agreement", "nowcast", "Agreement", "AGREEMENT_COLUMNS", "NOWCAST_COLUMNS"]

#: Columns of :attr:`Agreement.table`.
AGREEMENT_COLUMNS = ("date", "side", "km2", "km2_min", "km2_max", "observed_km2", "observed_with_grey_km2",
                     "area_error", "iou", "precision", "recall", "front_mean_km", "front_max_km",
                     "settlements_agree", "settlements")
#: Columns of :func:`nowcast`'s table.
NOWCAST_COLUMNS = ("start", "horizon_days", "date", "side", "model_iou", "persistence_iou", "model_area_error",
                   "persistence_area_error", "model_front_mean_km", "persistence_front_mean_km")
#: Spacing of the points sampled along front lines (metres).
FRONT_STEP_M = 250.0
#: Settlements within this distance of either map's land are compared.
NEAR_KM = 5.0
#: Land closer than this to the side's own border is border, not front (metres).
_BORDER_M = 300.0


@dataclass(frozen=True)
class Agreement:
    """The result of :func:`agreement`: a row per date and side, a summary, a chart.

    Attributes
    ----------
    table : pandas.DataFrame
        Columns :data:`AGREEMENT_COLUMNS` (one row per date and side with land in either map).
    region : str
        What was compared ('' for everything both maps show).
    claims_label, observed_label : str
        How the two maps are named on charts.
    """

    table: "pandas.DataFrame"
    region: str = ""
    claims_label: str = "claims"
    observed_label: str = "observed"
    tolerance: float = field(default=0.25, repr=False)

    @property
    def summary(self) -> "pandas.DataFrame":
        """Per side (and 'all'): dates compared, mean |area error|, share of dates within the tolerance
        (25 %), mean IoU, mean precision and recall, median front distance, settlements agreeing."""
        import numpy as np
        import pandas as pd

        rows = []
        groups = [(s, self.table[self.table.side == s]) for s in SIDES] + [("all", self.table)]
        for side, t in groups:
            if not len(t):
                continue
            err = t["area_error"].replace([np.inf, -np.inf], np.nan)
            rows.append({
                "side": side, "dates": int(t["date"].nunique()),
                "mean_abs_area_error": float(err.abs().mean()) if err.notna().any() else math.nan,
                "within_tolerance": float((t["area_error"].abs() <= self.tolerance).mean()),
                "mean_iou": float(t["iou"].mean()), "mean_precision": float(t["precision"].mean()),
                "mean_recall": float(t["recall"].mean()), "median_front_km": float(t["front_mean_km"].median()),
                "settlements_agree": float(t["settlements_agree"].mean()),
            })
        return pd.DataFrame(rows).set_index("side")

    def to_csv(self, path: Any) -> Any:
        """Write :attr:`table` as CSV (atomically); returns the path."""
        from pathlib import Path

        from geoclaims._io import atomic_write

        atomic_write(Path(path), self.table.to_csv(index=False, float_format="%.4f").encode("utf-8"))
        return path

    def plot(self, *, ax: Any = None, side: str | None = None) -> Any:
        """Area over time: our km² with its band, beside the observed held and held + grey km².

        Returns
        -------
        matplotlib.figure.Figure
        """
        from matplotlib.figure import Figure

        sides = [side] if side else [s for s in SIDES if (self.table.side == s).any() and
                                     (self.table[self.table.side == s][["km2", "observed_with_grey_km2"]] > 0).any().any()]
        if ax is None:
            fig = Figure(figsize=(10, 3.2 * max(1, len(sides))), dpi=96)
            axes = [fig.add_subplot(len(sides) or 1, 1, i + 1) for i in range(len(sides) or 1)]
        else:
            fig, axes = ax.figure, [ax]
        for a, s in zip(axes, sides):
            t = self.table[self.table.side == s].sort_values("date")
            x = [d for d in t["date"]]
            a.fill_between(x, t["observed_km2"], t["observed_with_grey_km2"], color="#999999", alpha=0.35, lw=0,
                           label=f"{self.observed_label}: held .. held + grey", step="post")
            a.plot(x, t["observed_km2"], color="#555555", lw=1, drawstyle="steps-post")
            a.fill_between(x, t["km2_min"], t["km2_max"], color="#1f4fbf" if s == "UA" else "#c8102e", alpha=0.2,
                           lw=0, label=f"{self.claims_label}: band", step="post")
            a.plot(x, t["km2"], color="#1f4fbf" if s == "UA" else "#c8102e", lw=2, drawstyle="steps-post",
                   label=f"{self.claims_label}")
            a.set_ylabel(f"{s} km²")
            a.grid(axis="y", color="#dddddd", lw=0.6)
            a.spines[["top", "right"]].set_visible(False)
            a.legend(loc="best", fontsize=8, frameon=False)
        fig.autofmt_xdate()
        return fig

    def _repr_html_(self) -> str:
        from geoclaims._html import esc

        where = f" in {esc(self.region)}" if self.region else ""
        return (f"<b>agreement of {esc(self.claims_label)} with {esc(self.observed_label)}{where}</b>"
                + self.summary.round(3).to_html())


def agreement(
    claims: "Timeline",
    observed: "Timeline",
    dates: "Iterable[Any] | str | None" = None,
    *,
    region: Any = None,
    perspective: Any = "all",
    tolerance: float = 0.25,
) -> Agreement:
    """Compare a claims timeline with an observed one on `dates`, per side.

    Parameters
    ----------
    claims : Timeline
        Built from claims (any method).
    observed : Timeline
        An observed timeline (:func:`geoclaims.read_snapshots`).
    dates : iterable of dates, or a pandas frequency ('ME', 'W'), optional
        Default: every observed snapshot date from the first to the last claim date.
    region : str, (w, s, e, n) or polygon, optional
        Compare only inside this area (any form :func:`geoclaims.places.boundaries.region_geometry`
        takes); default the observed timeline's region, if it was read with one.
    perspective : str, default 'all'
        Which claims count (see :class:`geoclaims.Perspective`).
    tolerance : float, default 0.25
        The |area error| the summary counts as agreeing.

    Returns
    -------
    Agreement

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> from geoclaims import Timeline, read_claims, read_snapshots
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> sq = {"type": "Polygon", "coordinates": [[[35.2, 51.15], [35.35, 51.15], [35.35, 51.25], [35.2, 51.25],
    ...                                            [35.2, 51.15]]]}
    >>> _ = (d / "2025-01-07.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
    ...     {"type": "Feature", "geometry": sq, "properties": {"side": "UA", "status": "held"}}]}))
    >>> obs = read_snapshots(d)
    >>> tl = Timeline.from_claims(read_claims("examples/kursk/claims.csv"))
    >>> a = agreement(tl, obs, ["2025-01-07"])
    >>> row = a.table[a.table.side == "UA"].iloc[0]
    >>> round(row.observed_km2), bool(row.km2 > row.observed_km2), bool(0 < row.iou < 1)
    (117, True, True)
    """
    import pandas as pd

    from geoclaims.timeline.core import Timeline

    if not isinstance(claims, Timeline) or not isinstance(observed, Timeline):
        raise InvalidArgumentType("agreement(claims, observed): both must be Timelines (observed from read_snapshots)")
    if not observed.is_observed:
        raise InvalidArgument("observed must be an observed timeline (geoclaims.read_snapshots)")
    if not 0 <= tolerance:
        raise InvalidArgument(f"tolerance must be >= 0, got {tolerance!r}")
    days = _dates(claims, observed, dates)
    ctx = _Context.make(claims, observed, region)
    rows = []
    for d in days:
        for side in SIDES:
            row = ctx.compare(d, side, perspective)
            if row is not None:
                rows.append(row)
    table = pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))
    label = claims.perspective_label(perspective) if claims.is_observed else \
        f"{claims.perspective_label(perspective)} ({claims.method})"
    return Agreement(table, region=ctx.region_label, claims_label=label,
                     observed_label=observed.perspective_label("all"), tolerance=tolerance)


def _dates(claims: "Timeline", observed: "Timeline", dates: Any) -> list[dt.date]:
    import pandas as pd

    from geoclaims.timeline.dates import as_date

    first = claims.start or observed.start
    last = claims.end or observed.end
    if dates is None:
        out = [d for d in observed.dates if first <= d <= last]
    elif isinstance(dates, str):
        try:
            out = [t.date() for t in pd.date_range(first, last, freq=dates)]
        except (ValueError, TypeError) as e:
            raise InvalidArgument(f"dates={dates!r} is not a pandas frequency ({e}); or pass a list of dates") from None
    else:
        out = sorted({as_date(d, "dates") for d in dates})
    if not out:
        raise InvalidArgument("no dates to compare: the observed timeline has no snapshot between the first and "
                              f"the last claim ({first} .. {last}); pass dates=")
    return out


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


def nowcast(
    claims: Any,
    observed: "Timeline",
    *,
    starts: "Iterable[Any] | str" = "MS",
    horizons: Sequence[int] = (7, 14, 30),
    region: Any = None,
    **timeline_kwargs: Any,
) -> "pandas.DataFrame":
    """How well claims update an observed map, beside persistence, measured on the observed maps that follow.

    For every start date D and horizon k: build ``Timeline.from_claims(claims, baseline=observed,
    start=D)`` (the observed map of D, then the claims after D), compare its map of D+k with the
    observed map of D+k, and do the same for the observed map of D left unchanged (persistence).

    Parameters
    ----------
    claims : ClaimSet or sequence of Claim
    observed : Timeline
        Observed (:func:`geoclaims.read_snapshots`).
    starts : iterable of dates, or a pandas frequency, default 'MS'
        Start dates (default: the first of every month the observed timeline covers, up to the
        last claim date minus the shortest horizon).
    horizons : sequence of int, default (7, 14, 30)
    region : optional
        As for :func:`agreement` (default: the observed timeline's region).
    **timeline_kwargs
        Passed to :meth:`Timeline.from_claims` (``method=``, ``window_days=``...).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`NOWCAST_COLUMNS`; ``.attrs["summary"]`` has, per horizon, the mean IoU and
        |area error| of model and persistence and how often the model beat persistence.

    Examples
    --------
    >>> import warnings
    >>> from geoclaims import read_claims, read_snapshots
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     obs = read_snapshots("tests/data/deepstate-kursk", preset="deepstate", region="Kursk Oblast")
    >>> t = nowcast(read_claims("examples/kursk/claims.csv"), obs, starts=["2024-11-30"], horizons=[62],
    ...             method="inferred")
    >>> t[["start", "horizon_days", "side"]].values.tolist()
    [[datetime.date(2024, 11, 30), 62, 'UA']]
    >>> list(t.attrs["summary"].columns)[:3]
    ['cases', 'model_iou', 'persistence_iou']
    """
    import pandas as pd

    from geoclaims.timeline.core import Timeline
    from geoclaims.timeline.dates import as_date

    claims = list(claims)
    if not claims:
        raise InvalidArgument("nowcast needs claims")
    if any(int(k) <= 0 for k in horizons):
        raise InvalidArgument(f"horizons must be positive days, got {list(horizons)}")
    last_claim = max(c.date for c in claims)
    if isinstance(starts, str):
        try:
            days = [t.date() for t in pd.date_range(observed.start, last_claim, freq=starts)]
        except (ValueError, TypeError) as e:
            raise InvalidArgument(f"starts={starts!r} is not a pandas frequency ({e})") from None
    else:
        days = sorted({as_date(d, "starts") for d in starts})
    days = [d for d in days if observed.start <= d and d + dt.timedelta(days=min(horizons)) <= observed.end]
    if not days:
        raise InvalidArgument("no start date has an observed map on it and one a horizon later")
    rows = []
    for d0 in days:
        model = Timeline.from_claims(claims, baseline=observed, start=d0, **timeline_kwargs)
        targets = [d0 + dt.timedelta(days=int(k)) for k in horizons]
        targets = [t for t in targets if t <= observed.end]
        m = agreement(model, observed, targets, region=region).table
        frozen = _persistence(observed, d0)
        p = agreement(frozen, observed, targets, region=region).table
        for k, t in zip(horizons, targets):
            for side in SIDES:
                mr = m[(m.date == t) & (m.side == side)]
                pr = p[(p.date == t) & (p.side == side)]
                if not len(mr) and not len(pr):
                    continue
                get = (lambda r, c: float(r[c].iloc[0]) if len(r) else math.nan)
                rows.append({"start": d0, "horizon_days": int(k), "date": t, "side": side,
                             "model_iou": get(mr, "iou"), "persistence_iou": get(pr, "iou"),
                             "model_area_error": get(mr, "area_error"), "persistence_area_error": get(pr, "area_error"),
                             "model_front_mean_km": get(mr, "front_mean_km"),
                             "persistence_front_mean_km": get(pr, "front_mean_km")})
    table = pd.DataFrame(rows, columns=list(NOWCAST_COLUMNS))
    summary = []
    for k, t in table.groupby("horizon_days"):
        summary.append({"horizon_days": k, "cases": len(t), "model_iou": t.model_iou.mean(),
                        "persistence_iou": t.persistence_iou.mean(),
                        "model_abs_area_error": t.model_area_error.abs().mean(),
                        "persistence_abs_area_error": t.persistence_area_error.abs().mean(),
                        "model_beats_persistence": float((t.model_iou > t.persistence_iou + 1e-9).mean())})
    table.attrs["summary"] = pd.DataFrame(summary).set_index("horizon_days") if summary else pd.DataFrame()
    return table


def _persistence(observed: "Timeline", d0: dt.date) -> "Timeline":
    """The observed map of `d0`, held unchanged: a timeline with that one snapshot."""
    from geoclaims.timeline.core import Timeline

    p, run = observed._run("all")
    snap = observed._snapshot(run, d0)
    return Timeline.from_observed([d0], [snap], projection=observed.projection, source=f"persistence of {d0}",
                                  region=observed.region, region_shape=observed.region_shape)
