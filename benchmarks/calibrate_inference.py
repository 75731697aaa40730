"""Calibration and evaluation of the claims maps against DeepStateMap: every method beside naive baselines.

For a claims file and the public DeepStateMap archive (github.com/DanielRose2310/deepstatemaps-history,
its ``geojsons/`` folder; not in the repo), this prints, for each evaluation date:

- our km² (with the band for ``method="inferred"``), DeepState's held .. held + grey km²,
  the area error relative to that interval, the IoU, precision, recall and front-line distance,
- for the methods ``territory``, ``footprint`` (the footprint discs only: a naive baseline),
  ``inferred``, and a second naive baseline, the convex hull of each side's claimed places,
- a summary per method and the bar of issue 13 (every date within 25 % of the interval, mean IoU
  >= 0.5),
- with ``--nowcast``: start from DeepState's map on the first of each month, apply the claims of the
  next k days (7, 14, 30), compare with DeepState's map k days later, beside persistence (the map of
  day D unchanged), measured in the same run;
- with ``--ablations``: what each part of the inference model buys (no corridors, no supersession,
  no overrun, no area claims as bounds, no enclosed land, none of those three, no decay, no claimant
  weighting, equal status weights, a smaller and a larger kernel).

The Kursk example is what the model's parameters were chosen on; ``--claims tests/data/claims/...``
with another front is the held-out check (see benchmarks/README.md for the figures).

Run::

    GEOCLAIMS_DEEPSTATE_ARCHIVE=/path/to/deepstatemaps-history/geojsons \\
        python benchmarks/calibrate_inference.py [--nowcast] [--ablations]
    python benchmarks/calibrate_inference.py --claims tests/data/claims/kharkiv-2024.csv \\
        --region 36.3,49.85,37.5,50.45 --dates 2024-05-15,2024-05-31,2024-06-30,...
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
import tempfile
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KURSK_DATES = ["2024-08-15", "2024-08-31", "2024-09-30", "2024-10-31", "2024-11-30", "2024-12-31", "2025-01-31",
               "2025-02-28", "2025-03-15"]


def observed_between(archive: Path, first: dt.date, last: dt.date, region: str, tmp: Path):
    """DeepState snapshots from a week before `first` to a week after `last`, read for `region`."""
    from geoclaims import read_snapshots

    lo = dt.datetime.combine(first - dt.timedelta(days=7), dt.time(), dt.timezone.utc).timestamp()
    hi = dt.datetime.combine(last + dt.timedelta(days=8), dt.time(), dt.timezone.utc).timestamp()
    picked = tmp / "snapshots"
    picked.mkdir()
    n = 0
    for f in archive.glob("*.geojson"):
        try:
            ts = int(f.stem)
        except ValueError:
            continue
        if lo <= ts <= hi:
            (picked / f.name).symlink_to(f.resolve())
            n += 1
    if not n:
        raise SystemExit(f"no snapshot of {archive} between {first} and {last}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_snapshots(picked, preset="deepstate", region=region, progress=False)


def hull_baseline(claims, observed):
    """Naive baseline: each side holds the convex hull of the places it claimed up to each date (beyond its
    own border), as an observed-style timeline on the same dates."""
    import shapely

    from geoclaims.control.engine import _piece
    from geoclaims.control.polygons import polygonal
    from geoclaims.control.inference import evidence_kind
    from geoclaims.timeline import Timeline

    tl = Timeline.from_claims(claims, method="footprint")
    proj = tl.projection
    dates = sorted({c.date for c in claims})
    snaps = []
    for d in dates:
        pieces = []
        for side in ("UA", "RU"):
            pts = [shapely.Point(c.place.lon, c.place.lat) for c in claims if c.date <= d and c.place is not None
                   and c.place.is_located and (evidence_kind(c) or ("",))[0] == side
                   and c.action in ("capture", "advance", "withdraw", "contest")]
            if not pts:
                continue
            hull = proj.to_local(shapely.convex_hull(shapely.MultiPoint(pts)).buffer(0.01))
            other = tl._territories["RU" if side == "UA" else "UA"]
            p = _piece(-2, side, "held", polygonal(shapely.intersection(hull, other)))
            if p is not None:
                pieces.append(p)
        snaps.append(tuple(pieces))
    return Timeline.from_observed(dates, snaps, projection=proj, source="convex hull of claimed places")


def evaluate(label, tl, observed, dates, region, rows, quiet=False):
    from geoclaims import agreement

    t0 = time.perf_counter()
    a = agreement(tl, observed, dates, region=region)
    secs = time.perf_counter() - t0
    t = a.table
    side = t.groupby("side")["observed_with_grey_km2"].max().idxmax()
    t = t[t.side == side].set_index("date")
    s = a.summary.loc[side]
    ok = (t["area_error"].abs() <= 0.25).all() and s.mean_iou >= 0.5
    rows.append({"method": label, "side": side, "mean_abs_area_error": s.mean_abs_area_error,
                 "within_25": s.within_tolerance, "mean_iou": s.mean_iou, "precision": s.mean_precision,
                 "recall": s.mean_recall, "front_km": s.median_front_km, "settlements": s.settlements_agree,
                 "bar": "met" if ok else "not met"})
    if not quiet:
        print(f"\n{label} ({side}; agreement in {secs:.1f} s)")
        print(f"{'date':12s} {'ours':>7s} {'band':>13s} {'observed':>13s} {'error':>7s} {'IoU':>5s} "
              f"{'prec':>5s} {'rec':>5s} {'front km':>8s}")
        for d, r in t.iterrows():
            band = f"{r.km2_min:5.0f}-{r.km2_max:<5.0f}" if r.km2_max > r.km2_min + 0.5 else ""
            print(f"{str(d):12s} {r.km2:7.0f} {band:>13s} {r.observed_km2:6.0f}-{r.observed_with_grey_km2:<6.0f} "
                  f"{r.area_error:+7.0%} {r.iou:5.2f} {r.precision:5.2f} {r.recall:5.2f} {r.front_mean_km:8.1f}")
    return a


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--archive", default=os.environ.get("GEOCLAIMS_DEEPSTATE_ARCHIVE", ""),
                    help="the geojsons/ folder of the DeepStateMap archive (or GEOCLAIMS_DEEPSTATE_ARCHIVE)")
    ap.add_argument("--claims", default=str(ROOT / "examples" / "kursk" / "claims.csv"))
    ap.add_argument("--region", default="Kursk Oblast", help="region to compare in (name or W,S,E,N)")
    ap.add_argument("--dates", default=",".join(KURSK_DATES), help="comma-separated evaluation dates")
    ap.add_argument("--baseline-start", metavar="DATE",
                    help="fronts inside Ukraine: start every method from DeepState's map of DATE and apply the claims "
                    "after it; persistence (that map unchanged) is then the naive baseline")
    ap.add_argument("--nowcast", action="store_true", help="also measure nowcast skill against persistence")
    ap.add_argument("--ablations", action="store_true", help="also measure the model without each of its parts")
    ap.add_argument("--make-fixture", metavar="DIR", help="write the CI fixture (4 Kursk snapshots, clipped)")
    args = ap.parse_args(argv)
    if not args.archive or not Path(args.archive).is_dir():
        print("calibrate_inference: give --archive or set GEOCLAIMS_DEEPSTATE_ARCHIVE to the geojsons/ folder of a "
              "clone of github.com/DanielRose2310/deepstatemaps-history", file=sys.stderr)
        return 2
    if args.make_fixture:
        return make_fixture(Path(args.archive), Path(args.make_fixture))

    import pandas as pd

    from geoclaims import InferenceModel, Timeline, nowcast, read_claims
    from geoclaims.timeline.dates import as_date

    pd.set_option("display.width", 200)
    claims = read_claims(args.claims, on_error="collect")
    dates = [as_date(d) for d in args.dates.split(",") if d.strip()]
    region = tuple(float(x) for x in args.region.split(",")) if args.region.count(",") == 3 else args.region
    print(f"{args.claims}: {len(claims)} claims, {len(claims.unmapped)} unmapped; region {args.region}; "
          f"{len(dates)} dates {dates[0]} .. {dates[-1]}")
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        first = min([*dates, as_date(args.baseline_start)]) if args.baseline_start else min(dates)
        observed = observed_between(Path(args.archive), first, max(dates), region, Path(tmp))
        print(f"DeepState: {len(observed.dates)} snapshots read in {time.perf_counter() - t0:.1f} s")
        rows: list[dict] = []
        start = as_date(args.baseline_start) if args.baseline_start else None
        kw = dict(baseline=observed, start=start) if start else {}
        for method in ("territory", "footprint", "inferred"):
            t0 = time.perf_counter()
            tl = Timeline.from_claims(claims, method=method, **kw)
            tl.state(dates[-1])
            print(f"\nbuilt {method} in {time.perf_counter() - t0:.1f} s", end="")
            evaluate(method, tl, observed, dates, region, rows)
        if start:
            from geoclaims.observed.nowcasting import _persistence

            evaluate(f"persistence: DeepState of {start} unchanged (naive)", _persistence(observed, start), observed,
                     dates, region, rows)
        else:
            evaluate("convex hull of claimed places (naive)", hull_baseline(list(claims), observed), observed, dates,
                     region, rows)
        if args.ablations:
            base = InferenceModel()
            variants = {
                "inferred, no corridors": dataclasses.replace(base, corridor=0.0),
                "inferred, no supersession": dataclasses.replace(base, supersede_km=1e-3),
                "inferred, no overrun": dataclasses.replace(base, overrun_places=0),
                "inferred, no area claims as bounds": dataclasses.replace(base, area_shift=0.0),
                "inferred, no enclosed land": dataclasses.replace(base, enclose_km=0.0),
                "inferred, none of round 3 (overrun, area bounds, enclosure)": dataclasses.replace(
                    base, overrun_places=0, area_shift=0.0, enclose_km=0.0),
                "inferred, no decay": dataclasses.replace(base, half_life_days=1e9),
                "inferred, no claimant weighting": dataclasses.replace(base, admission=1.0, self_claim=1.0),
                "inferred, equal status weights": dataclasses.replace(base, status_weights={
                    "assessed": 0.7, "claimed": 0.7, "unverified": 0.7}),
                f"inferred, radius {base.radius_km * 0.6:g} km": dataclasses.replace(base, radius_km=base.radius_km * 0.6),
                f"inferred, radius {base.radius_km * 1.5:g} km": dataclasses.replace(base, radius_km=base.radius_km * 1.5),
            }
            for label, model in variants.items():
                # from the same observed start as the methods above, when there is one
                evaluate(label, Timeline.from_claims(claims, method="inferred", inference=model, **kw), observed,
                         dates, region, rows, quiet=True)
        print("\nsummary (the side with land in the observed maps):")
        print(pd.DataFrame(rows).set_index("method").round(3).to_string())
        if args.nowcast:
            t0 = time.perf_counter()
            starts = [d.replace(day=1) for d in dates if d.replace(day=1) >= observed.start]
            table = nowcast(claims, observed, starts=sorted(set(starts)), region=region, method="inferred")
            print(f"\nnowcast from DeepState's map of the 1st of each month ({time.perf_counter() - t0:.1f} s): "
                  "model = that map + the claims after it; persistence = that map unchanged")
            print(table.attrs["summary"].round(3).to_string())
    return 0


def make_fixture(archive: Path, out: Path) -> int:
    """Write tests/data/deepstate-kursk/: four snapshots cut to the Kursk theatre, control polygons only."""
    import json

    import shapely

    out.mkdir(parents=True, exist_ok=True)
    box = shapely.box(34.2, 50.9, 36.2, 51.75)
    stamps = sorted(int(f.stem) for f in archive.glob("*.geojson") if f.stem.isdigit())
    for day in ("2024-08-31", "2024-11-30", "2025-01-31", "2025-03-15"):
        limit = dt.datetime.fromisoformat(day).replace(tzinfo=dt.timezone.utc).timestamp() + 86400
        stamp = max(s for s in stamps if s <= limit)
        doc = json.loads((archive / f"{stamp}.geojson").read_text(encoding="utf-8"))
        feats = []
        for f in doc["features"]:
            g = f.get("geometry") or {}
            name = (f.get("properties") or {}).get("name", "")
            if g.get("type") not in ("Polygon", "MultiPolygon", "GeometryCollection") or "geoJSON.status" not in name:
                continue
            geom = shapely.force_2d(shapely.from_geojson(json.dumps(g)))
            if not geom.intersects(box):
                continue
            geom = shapely.set_precision(shapely.intersection(shapely.make_valid(geom), box), 1e-6)
            if geom.is_empty:
                continue
            props = {k: f["properties"][k] for k in ("name", "fill") if k in f["properties"]}
            feats.append({"type": "Feature", "properties": props, "geometry": json.loads(shapely.to_geojson(geom))})
        (out / f"{stamp}.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": feats},
                                                         ensure_ascii=False), encoding="utf-8")
        print(f"wrote {out / f'{stamp}.geojson'}: {len(feats)} polygons")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
