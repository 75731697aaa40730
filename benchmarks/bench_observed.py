"""A synthetic archive of 1,000 daily snapshots: area series and day-to-day diffs, ours vs naive geopandas.

The benchmark builds the archive itself: a DeepStateMap-like GeoJSON per day (3-D coordinates,
status key inside ``name``, unit markers as points) whose occupied area is bounded by a random-walk
front line of ~15,000 vertices across Donetsk Oblast. Each day a random stretch of the front moves.
Seeded, so every run draws the same archive.

Ours: ``read_snapshots(preset="deepstate")`` (orjson parsing, only the polygons the rules keep, one
projection per snapshot, hashing of unchanged groups), then ``area_series`` and ``area_changes``
(the km² each side gained and lost between consecutive snapshots: the day-to-day diff). The full
``diff`` (GeoDataFrame with geometries) is timed on 20 days and reported per day.

Baseline (the naive pipeline): per file ``geopandas.read_file`` -> ``to_crs`` (the same equal-area
projection) -> ``dissolve`` by status -> ``.area``, plus a ``geopandas.overlay`` symmetric difference
with the previous day for the diff. It is timed on every 10th file and reported per file.

Run: ``make bench`` (or ``python benchmarks/bench_observed.py [--snapshots N --vertices V --workers W]``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import shutil
import tempfile
import time
from pathlib import Path


def build_archive(folder: Path, n_snapshots: int, n_vertices: int, seed: int = 11) -> None:
    import numpy as np
    import orjson

    rng = np.random.default_rng(seed)
    lat = np.linspace(47.70, 49.20, n_vertices)
    steps = rng.normal(0, 0.0012, n_vertices)
    lon = 37.55 + np.cumsum(steps) - np.linspace(0, np.cumsum(steps)[-1], n_vertices)  # pinned ends
    start = dt.datetime(2022, 4, 1, 18, tzinfo=dt.timezone.utc)
    units = [{"type": "Feature", "properties": {"name": "geoJSON.units.brigade"},
              "geometry": {"type": "Point", "coordinates": [37.7 + 0.01 * i, 48.0 + 0.01 * i, 0]}} for i in range(50)]
    for day in range(n_snapshots):
        k = int(rng.integers(0, n_vertices - 400))
        width = int(rng.integers(50, 400))
        bump = np.sin(np.linspace(0, np.pi, width)) * rng.normal(0, 0.01)
        lon[k:k + width] += bump
        front = np.column_stack([lon, lat, np.zeros(n_vertices)]).round(6)
        east = np.array([[38.40, 49.20, 0], [38.40, 47.70, 0]])
        ring = np.vstack([front, east, front[:1]])
        grey = np.vstack([front[::-1], (front + [-0.02, 0, 0])[:], front[-1:]])[:: 4]
        feats = [
            {"type": "Feature", "properties": {"name": "Окуповано /// Occupied /// geoJSON.status.occupied\u00a0",
                                               "fill": "#a52714"},
             "geometry": {"type": "Polygon", "coordinates": [ring.tolist()]}},
            {"type": "Feature", "properties": {"name": "Сіра зона /// Unknown /// geoJSON.status.unknown\n",
                                               "fill": "#bcaaa4"},
             "geometry": {"type": "Polygon", "coordinates": [np.vstack([grey, grey[:1]]).tolist()]}},
            *units,
        ]
        ts = int((start + dt.timedelta(days=day)).timestamp())
        (folder / f"{ts}.geojson").write_bytes(orjson.dumps({"type": "FeatureCollection", "features": feats}))


def ours(folder: Path, workers: int) -> tuple[float, float, dict]:
    import warnings

    from geoclaims import read_snapshots

    t0 = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tl = read_snapshots(folder, preset="deepstate", workers=workers, progress=False)
    series = tl.area_series(freq="claims")
    t_read = time.perf_counter() - t0
    t1 = time.perf_counter()
    changes = tl.area_changes(workers=workers)
    t_diff = time.perf_counter() - t1
    t2 = time.perf_counter()
    sample = tl.dates[1::max(1, len(tl.dates) // 20)]
    for d in sample:
        tl.diff(d, d)
    t_geo = (time.perf_counter() - t2) / len(sample)
    return t_read, t_diff, {"snapshots": len(tl.dates), "last_RU_km2": float(series.iloc[-1]["RU_held"]),
                            "mean_changed_km2": float(changes.iloc[1:][["RU_gained", "RU_lost"]].sum(axis=1).mean()),
                            "diff_ms": t_geo * 1000}


def naive(folder: Path, every: int) -> tuple[float, int, float]:
    import warnings

    import geopandas

    from geoclaims.control.projection import LocalProjection

    crs = LocalProjection(37.9, 48.45).crs
    files = sorted(folder.glob("*.geojson"))
    timed = 0
    t0 = time.perf_counter()
    last_area = 0.0
    for i in range(0, len(files) - 1, every):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            prev = geopandas.read_file(files[i]).to_crs(crs)
            cur = geopandas.read_file(files[i + 1]).to_crs(crs)
            prev = prev[prev.geom_type.isin(["Polygon", "MultiPolygon"])].dissolve(by="name")
            cur = cur[cur.geom_type.isin(["Polygon", "MultiPolygon"])].dissolve(by="name")
            last_area = float(cur.area.sum()) / 1e6
            geopandas.overlay(prev.reset_index(), cur.reset_index(), how="symmetric_difference").area.sum()
        timed += 1
    return (time.perf_counter() - t0) / timed, timed, last_area


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--snapshots", type=int, default=1000)
    ap.add_argument("--vertices", type=int, default=15000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--every", type=int, default=10, help="time the baseline on every Nth file")
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-observed-"))
    try:
        t = time.perf_counter()
        build_archive(folder, args.snapshots, args.vertices)
        size = sum(p.stat().st_size for p in folder.iterdir()) / 1e6
        print(f"archive: {args.snapshots} snapshots, ~{args.vertices:,} front vertices each, {size:,.0f} MB "
              f"(built in {time.perf_counter() - t:.1f} s)\n")
        t_read, t_diff, facts = ours(folder, args.workers)
        per_file, timed, _ = naive(folder, args.every)
        total_ours = t_read + t_diff
        total_naive = per_file * args.snapshots
        print(f"{'':<46} {'total':>9}  {'per snapshot':>12}")
        print(f"{'geoclaims read + area series':<46} {t_read:>8.1f}s  {t_read / args.snapshots * 1000:>10.1f}ms")
        print(f"{'geoclaims day-to-day diffs (area_changes)':<46} {t_diff:>8.1f}s  {t_diff / args.snapshots * 1000:>10.1f}ms")
        print(f"{'geoclaims total (workers=%d)' % args.workers:<46} {total_ours:>8.1f}s  "
              f"{total_ours / args.snapshots * 1000:>10.1f}ms")
        print(f"{'naive read_file/to_crs/dissolve/area + overlay':<46} {total_naive:>8.1f}s  {per_file * 1000:>10.1f}ms"
              f"   (timed on {timed} files, extrapolated)")
        print(f"{'(geoclaims diff() with geometries, per day)':<46} {'':>9}  {facts['diff_ms']:>10.1f}ms")
        print(f"\nspeed-up: {total_naive / total_ours:.1f}x; {facts['snapshots']} snapshots, last RU-held "
              f"{facts['last_RU_km2']:,.0f} km², mean RU gain + loss {facts['mean_changed_km2']:.1f} km²/day")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
