"""Timeline of 10,000 synthetic claims over 1,000 days, beside a naive geopandas baseline in the same run.

Synthetic theatre: 600 villages on a jittered grid straddling the Russia-Ukraine border north of Sumy,
each claimed at random (capture, advance with a qualifier, withdraw, contest, repelled) by either
side, on random days over 1,000 days. Seeded, so every run draws the same claims.

Ours: ``Timeline.from_claims`` (territory cells, shapes), the replay, then ``state`` and ``diff``
for every day and the daily ``area_series``.

Baseline (the naive pipeline): for each day, take every claim so far, keep the latest claim per
place, build each polygon, ``dissolve`` by side with geopandas, reproject to an equal-area CRS and
sum areas. Timed on every 10th day and reported per day.

Run: ``make bench`` (or ``python benchmarks/bench_timeline.py [--claims N --days D]``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import time


def synthetic(n_claims: int, n_days: int, n_places: int, seed: int = 7):
    from geoclaims import Gazetteer, Place
    from geoclaims.claims import Claim

    rng = random.Random(seed)
    places = []
    side = int(n_places ** 0.5)
    for i in range(n_places):
        r, c = divmod(i, side)
        lat = 51.05 + r * 0.02 + rng.uniform(-0.006, 0.006)
        lon = 34.6 + c * 0.03 + rng.uniform(-0.009, 0.009)
        country = "RU" if lat > 51.05 + 0.35 - (lon - 34.6) * 0.15 else "UA"
        places.append(Place(id=f"syn:{i}", name=f"Village {i}", lat=lat, lon=lon, uncertainty_km=0.1,
                            country=country, population=rng.choice([None, 150, 400, 900, 2500])))
    gaz = Gazetteer(places, romanize=False)
    start = dt.date(2022, 3, 1)
    qualifiers = ["", "", "", "central", "southern", "northern", "near", "west of", "east of", "outskirts"]
    claims = []
    for i in range(n_claims):
        p = rng.choice(places)
        action = rng.choice(["capture", "capture", "advance", "advance", "withdraw", "contest", "repelled"])
        claims.append(Claim(
            claim_id=f"B{i:05d}", date=start + dt.timedelta(days=rng.randrange(n_days)),
            claimant=rng.choice(["ISW", "Russian MoD", "General Staff", "DeepState"]),
            claimant_side=rng.choice(["UA", "RU", "neutral"]), side=rng.choice(["UA", "RU"]), action=action,
            status=rng.choice(["assessed", "claimed"]), place_name=p.name, place=p,
            qualifier=rng.choice(qualifiers) if action != "capture" else "",
        ))
    return gaz, claims, start


def ours(gaz, claims, n_days, start):
    from geoclaims import Timeline

    t0 = time.perf_counter()
    tl = Timeline.from_claims(claims, gazetteer=gaz, method="territory")
    t_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    tl.state(start)  # runs the replay
    t_replay = time.perf_counter() - t0
    days = [start + dt.timedelta(days=i) for i in range(n_days)]
    t0 = time.perf_counter()
    for d in days:
        tl.state(d)
    t_state = (time.perf_counter() - t0) / n_days
    t0 = time.perf_counter()
    sample = days[1::10]
    for d in sample:
        tl.diff(d, d)
    t_diff = (time.perf_counter() - t0) / len(sample)
    t0 = time.perf_counter()
    series = tl.area_series()
    t_series = time.perf_counter() - t0
    return tl, dict(build=t_build, replay=t_replay, state=t_state, diff=t_diff, series=t_series), series


def inferred(gaz, claims, n_days, start):
    """The inference method on the same claims: build, state of one day (cold), daily area series with band."""
    import random

    from geoclaims import Timeline

    t0 = time.perf_counter()
    tl = Timeline.from_claims(claims, gazetteer=gaz, method="inferred")
    t_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    tl.band(start)  # builds the control field (replay, evidence)
    t_field = time.perf_counter() - t0
    rng = random.Random(3)
    sample = sorted(rng.sample(range(n_days), 20))
    t0 = time.perf_counter()
    for i in sample:
        tl.state(start + dt.timedelta(days=i))
    t_state = (time.perf_counter() - t0) / len(sample)
    t0 = time.perf_counter()
    series = tl.area_series()
    t_series = time.perf_counter() - t0
    return dict(build=t_build, field=t_field, state=t_state, series=t_series), series


def naive(tl, claims, n_days, start):
    """Re-union every polygon with geopandas for each day (every 10th day timed)."""
    import geopandas

    from geoclaims.control import outcome

    shapes = {c.claim_id + str(i): tl.shape_of(i) for i, c in enumerate(claims)}
    ordered = sorted(enumerate(claims), key=lambda t: (t[1].date, t[1].claim_id))
    days = [start + dt.timedelta(days=i) for i in range(0, n_days, 10)]
    t0 = time.perf_counter()
    areas = {}
    for d in days:
        latest = {}
        for i, c in ordered:
            if c.date > d:
                break
            res = outcome(c)
            g = shapes[c.claim_id + str(i)]
            if res is None or g is None:
                continue
            latest[(c.place.id, c.qualifier)] = (res[0] or "contested", g)
        if not latest:
            continue
        gdf = geopandas.GeoDataFrame({"side": [v[0] for v in latest.values()]},
                                     geometry=[v[1] for v in latest.values()], crs="EPSG:4326")
        dissolved = gdf.dissolve(by="side").to_crs(tl.projection.crs)
        areas[d] = dissolved.area / 1e6
    return (time.perf_counter() - t0) / len(days)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--claims", type=int, default=10_000)
    ap.add_argument("--days", type=int, default=1_000)
    ap.add_argument("--places", type=int, default=600)
    args = ap.parse_args()
    gaz, claims, start = synthetic(args.claims, args.days, args.places)
    print(f"{len(claims):,} synthetic claims over {args.days:,} days, {len(gaz)} villages")
    tl, t, series = ours(gaz, claims, args.days, start)
    base = naive(tl, claims, args.days, start)
    whole = t["build"] + t["replay"] + t["series"]
    print(f"\n{'step':40s} {'geoclaims':>12s} {'naive baseline':>16s}")
    print(f"{'build (cells, shapes)':40s} {t['build']:>11.2f}s")
    print(f"{'replay (all claims, all days)':40s} {t['replay']:>11.2f}s")
    print(f"{'state, per day (1,000 days)':40s} {t['state'] * 1000:>10.2f}ms {base * 1000:>14.1f}ms")
    print(f"{'diff, per day (100 days)':40s} {t['diff'] * 1000:>10.2f}ms")
    print(f"{'area series, all days':40s} {t['series']:>11.2f}s {base * args.days:>15.1f}s")
    print(f"{'build + replay + area series':40s} {whole:>11.2f}s {base * args.days:>15.1f}s (extrapolated)")
    print(f"\nlast day: UA {series['UA_total'].iloc[-1]:,.0f} km², RU {series['RU_total'].iloc[-1]:,.0f} km² "
          f"beyond the border")
    ti, inf_series = inferred(gaz, claims, args.days, start)
    print(f"\n{'method=inferred (same claims)':40s} {'inferred':>12s} {'territory':>16s}")
    print(f"{'build (cells, shapes)':40s} {ti['build']:>11.2f}s {t['build']:>15.2f}s")
    print(f"{'control field (replay, evidence)':40s} {ti['field']:>11.2f}s {t['replay']:>15.2f}s")
    print(f"{'state of one day, cold (20 days)':40s} {ti['state'] * 1000:>10.1f}ms {t['state'] * 1000:>14.2f}ms")
    print(f"{'daily area series with band':40s} {ti['series']:>11.2f}s {t['series']:>15.2f}s")
    print(f"last day: UA {inf_series['UA_total'].iloc[-1]:,.0f} km² "
          f"({inf_series['UA_total_min'].iloc[-1]:,.0f}..{inf_series['UA_total_max'].iloc[-1]:,.0f})")


if __name__ == "__main__":
    main()
