"""Areas over time: :meth:`Timeline.area_series` (km² per side and status), :meth:`Timeline.area_changes`
(gross gains and losses) and :meth:`Timeline.area_check` (area claims beside the mapped area)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Sequence

from geoclaims.claims.claim import SIDES, Claim, other_side
from geoclaims.control.engine import STATUSES, Piece, geoms_of, sort_key
from geoclaims.control.polygons import robust, union
from geoclaims.errors import InvalidArgument
from geoclaims.timeline.changes import gains_losses
from geoclaims.timeline.dates import periods, steps
from geoclaims.timeline.perspective import Perspective
from geoclaims.timeline.runs import _Run
from geoclaims.timeline.state import band_local, km2

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    from geoclaims.timeline.core import Timeline

__all__ = ["area_series", "area_changes", "area_check", "region_local"]


def _change_areas(steps: Sequence[int], snaps: Sequence[Sequence[Piece]] | None = None) -> dict[int, dict[str, float]]:
    """km² gained and lost per side from ``snaps[i]`` to ``snaps[i + 1]`` for each step i."""
    import shapely

    snaps = _CHANGES_WORK if snaps is None else snaps
    out = {}
    for i in steps:
        prev, snap = snaps[i], snaps[i + 1]
        vals = {f"{s}_{c}": 0.0 for s in SIDES for c in ("gained", "lost")}
        if snap is not prev:
            for side, (gained, lost) in gains_losses(prev, snap).items():
                vals[f"{side}_gained"] = float(shapely.area(gained)) / 1e6
                vals[f"{side}_lost"] = float(shapely.area(lost)) / 1e6
        out[i] = vals
    return out


def area_changes(tl: Timeline, *, freq: str = "claims", perspective: "str | Perspective" = "all",
                 start: "str | dt.date | None" = None, end: "str | dt.date | None" = None,
                 workers: int | None = None) -> "pandas.DataFrame":
    """See :meth:`Timeline.area_changes`."""
    import pandas as pd

    from geoclaims._checks import check_workers

    check_workers(workers)
    p, run = tl._run(perspective)
    cols = [f"{s}_{c}" for s in SIDES for c in ("gained", "lost")]
    if not run.dates:
        return pd.DataFrame(columns=cols, index=pd.DatetimeIndex([], name="date"))
    labels, days, before = periods(run, freq, start, end)
    snaps = [tl._snapshot(run, before)] if days else []
    snaps += [tl._snapshot(run, d) for d in days]
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


def area_series(tl: Timeline, *, side: str | None = None, freq: str = "D", perspective: "str | Perspective" = "all",
                start: "str | dt.date | None" = None, end: "str | dt.date | None" = None,
                region: Any = None, client: Any = None) -> "pandas.DataFrame":
    """See :meth:`Timeline.area_series`."""
    import numpy as np
    import pandas as pd
    import shapely

    if side is not None and side not in SIDES:
        raise InvalidArgument(f"side={side!r} is not valid; valid: {', '.join(SIDES)}")
    p, run = tl._run(perspective)
    if not run.dates:
        return pd.DataFrame(columns=area_columns(side), index=pd.DatetimeIndex([], name="date"))
    days = steps(run, freq, start, end, close=True)
    clip = tl._region_local(region) if region else None
    cache: dict[int, dict[str, float]] = {}
    if client is not None and run.field is None:  # issue 17: on a Dask cluster (inferred bands: here)
        from geoclaims.timeline.dask_areas import snapshot_areas

        cache = snapshot_areas(client, [tl._snapshot(run, d) for d in days], clip)
    rows = []
    if run.field is not None and not run.field.has_baseline:
        return field_areas(run, days, clip)[area_columns(side)]
    for d in days:
        snap = tl._snapshot(run, d)
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
                band = band_local(tl, run, d)
                for s in SIDES:
                    lo, hi = band[s]
                    if clip is not None:
                        lo, hi = shapely.intersection(lo, clip), shapely.intersection(hi, clip)
                    vals[f"{s}_total_min"] = min(km2(lo), vals[f"{s}_total"])
                    vals[f"{s}_total_max"] = max(km2(hi), vals[f"{s}_total"])
            cache[k] = vals
        rows.append(cache[k])
    df = pd.DataFrame(rows, index=pd.DatetimeIndex(days, name="date"))
    return df[area_columns(side)]


def field_areas(run: _Run, days: Sequence[dt.date], clip: Any) -> "pandas.DataFrame":
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


def area_columns(side: str | None) -> list[str]:
    return [f"{s}_{st}" for s in (SIDES if side is None else (side,))
            for st in (*STATUSES, "total", "total_min", "total_max")]


def region_local(tl: Timeline, region: Any):
    """A region (see :func:`geoclaims.places.boundaries.region_geometry`) within the area of interest, local CRS."""
    key = region.wkb if hasattr(region, "wkb") else tuple(region) if isinstance(region, list) else region
    if key not in tl._regions:
        import shapely

        from geoclaims.places.boundaries import region_geometry

        g, _label = region_geometry(region)
        tl._regions[key] = tl.projection.to_local(shapely.intersection(g, shapely.box(*tl._aoi)))
    return tl._regions[key]


def area_check(tl: Timeline, *, perspective: "str | Perspective" = "all") -> "pandas.DataFrame":
    """See :meth:`Timeline.area_check`."""
    import pandas as pd

    p = Perspective.parse(perspective, tl.claimants)
    foot = tl.twin("footprint")
    terr = tl.twin("territory")
    rows = []
    for c in sorted((c for c in tl.claims if c.action == "area"), key=sort_key):
        region = c.region or None
        try:
            mid = mapped(tl, c, "total", p, region)
            if tl.method == "inferred" and c.area_basis == "held":
                low, high = band_km2(tl, c, p, region)  # the uncertainty band of the inferred front
            else:
                low = mapped(foot, c, "total", p, region)
                high = mapped(terr, c, "all", p, region)
        except ValueError:
            low = mid = high = float("nan")
            region = None
        ratio = c.area_km2 / mid if mid else float("nan")
        low, high = min(low, mid, high), max(low, mid, high)
        summary = (f"claimed {c.area_km2:,.0f} km²; mapped {low:,.0f}-{high:,.0f} km²"
                   f" ({tl.method}: {mid:,.0f} km²)")
        rows.append({"date": c.date, "claim_id": c.claim_id, "claimant": c.claimant, "side": c.side,
                     "basis": c.area_basis, "region": region or "", "claimed_km2": c.area_km2,
                     "mapped_low_km2": low, "mapped_km2": mid, "mapped_high_km2": high,
                     "ratio": ratio, "status": c.status, "summary": summary})
    df = pd.DataFrame(rows, columns=["date", "claim_id", "claimant", "side", "basis", "region", "claimed_km2",
                                     "mapped_low_km2", "mapped_km2", "mapped_high_km2", "ratio", "status",
                                     "summary"])
    df.attrs["perspective"] = tl.perspective_label(p)
    return df


def band_km2(tl: Timeline, c: Claim, p: "Perspective", region: str | None) -> tuple[float, float]:
    """The inferred band's km² (min, max) for the claim's side on its date, inside its region."""
    import shapely

    _, run = tl._run(p)
    clip = tl._region_local(region) if region else None
    lo, hi = band_local(tl, run, c.date)[c.side]
    if clip is not None:
        lo, hi = shapely.intersection(lo, clip), shapely.intersection(hi, clip)
    return km2(lo), km2(hi)


def mapped(tl: Timeline, c: Claim, which: str, p: Perspective, region: str | None) -> float:
    import shapely

    _, run = tl._run(p)
    clip = tl._region_local(region) if region else None
    statuses = {"held": ("held",), "total": ("held", "advanced"), "all": STATUSES}[which]

    def area(pieces, side, sts):
        g = union(geoms_of(pieces, side, sts))
        return shapely.intersection(g, clip) if clip is not None else g

    snap = tl._snapshot(run, c.date)
    own = area(snap, c.side, statuses)
    if c.area_basis == "held":
        return shapely.area(own) / 1e6
    # gained: own pieces + land retaken from the opponent since the opponent's peak
    opp = other_side(c.side)
    ever = union([area(s, opp, STATUSES) for d, s in zip(run.dates, run.snaps) if d <= c.date])
    retaken = robust(shapely.difference, ever, area(snap, opp, STATUSES))
    return (shapely.area(own) + shapely.area(retaken)) / 1e6
