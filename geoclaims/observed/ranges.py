"""One file with ``valid_from``/``valid_to`` per polygon (as ``geoclaims build`` writes) read as snapshots."""

from __future__ import annotations

import hashlib
import warnings
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoclaims.observed.features import _Parsed
from geoclaims.observed.pieces import _Builder, _projection
from geoclaims.observed.rules import SnapshotError, SnapshotProblem, SnapshotRules, SnapshotWarning

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.timeline.core import Timeline


# -- valid_from / valid_to files -------------------------------------------------------------------------
def _has_ranges(path: Path) -> bool:
    import pyogrio

    try:
        info = pyogrio.read_info(path, layer="control" if path.suffix.lower() == ".gpkg" else None)
    except Exception:  # noqa: BLE001 - not a layer pyogrio reads: a snapshot, handled by the JSON reader
        return False
    return "valid_from" in list(info["fields"])


def _read_ranges(path: Path, spec: SnapshotRules, region_wgs, region_label) -> "Timeline":
    import pandas as pd
    import pyogrio
    import shapely

    try:
        gdf = pyogrio.read_dataframe(path, layer="control" if path.suffix.lower() == ".gpkg" else None)
    except Exception as e:  # noqa: BLE001 - GDAL on a damaged file
        raise SnapshotError(f"{path}: cannot be read ({str(e)[:300]})") from None
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    start = pd.to_datetime(gdf["valid_from"], errors="coerce")
    end = pd.to_datetime(gdf["valid_to"], errors="coerce") if "valid_to" in gdf.columns else pd.Series(pd.NaT, index=gdf.index)
    from geoclaims.claims.claim import MAX_DATE, MIN_DATE

    lo, hi = pd.Timestamp(MIN_DATE), pd.Timestamp(MAX_DATE)
    bad = start.isna() | (start < lo) | (start > hi)
    problems = [SnapshotProblem(path.name, f"valid_from {gdf['valid_from'].iloc[i]!r} is not a date (YYYY-MM-DD) "
                                f"from {MIN_DATE} to {MAX_DATE}", i) for i in bad.to_numpy().nonzero()[0]]
    end = end.where((end >= lo) & (end <= hi))
    for i, g in enumerate(gdf.geometry):
        if bad.iloc[i] or g is None or g.is_empty:
            continue
        w, s_, e, n = g.bounds
        why = (f"a {g.geom_type}, not a polygon" if g.geom_type not in ("Polygon", "MultiPolygon") else
               "coordinates out of range" if not (-180 <= w <= e <= 180 and -90 <= s_ <= n <= 90) else "")
        if why:
            problems.append(SnapshotProblem(path.name, f"{why}; feature skipped", i))
            bad.iloc[i] = True
    for p in problems:
        warnings.warn(str(p), SnapshotWarning, stacklevel=3)
    gdf, start, end = gdf[~bad], start[~bad], end[~bad]
    if not len(gdf):
        raise SnapshotError(f"{path}: no feature with a valid_from date", problems)
    props = gdf.drop(columns="geometry").to_dict("records")
    targets = [spec.classify(p) for p in props]
    fallback = Counter(spec.key_of(p) for p, t in zip(props, targets) if t is ... and spec.classify_fallback(p) is not ...)
    targets = [spec.classify_fallback(p) if t is ... else t for p, t in zip(props, targets)]
    unknown = Counter(spec.key_of(p) for p, t in zip(props, targets) if t is ...)
    dates = sorted({d.date() for d in start} | {d.date() for d in end.dropna()})
    builder = _Builder(_projection(region_wgs.bounds if region_wgs is not None else gdf.total_bounds), region_wgs)
    snaps, kept = [], []
    for d in dates:
        ts = pd.Timestamp(d)
        live = (start <= ts) & (end.isna() | (end > ts))
        groups: dict[tuple[str, str], list[Any]] = {}
        for g, t, on in zip(gdf.geometry, targets, live):
            if on and t is not ... and t is not None and g is not None:
                groups.setdefault(t, []).append(g)
        digests = {t: hashlib.blake2b(f"{t}".encode() + b"".join(shapely.to_wkb(gs)), digest_size=20).digest()
                   for t, gs in groups.items()}
        parsed = _Parsed(f"{path.name}@{d}", d, groups, Counter(), [], (), digests)
        snaps.append(builder.pieces(parsed))
        problems += parsed.problems
        kept.append(d)
    from geoclaims.timeline.core import Timeline

    return Timeline.from_observed(kept, snaps, projection=builder.proj, source=str(path), problems=problems,
                                  unknown_keys=dict(unknown), region=region_label, region_shape=region_wgs,
                                  fallback_keys=dict(fallback))
