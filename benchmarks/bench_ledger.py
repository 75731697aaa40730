"""The claims ledger with 10,000 claims, on a GeoPackage and on PostGIS, beside the CSV workflow in the same run.

Synthetic claims (seeded): 10,000 rows about 600 real gazetteer settlements on both sides of the
Kursk-Sumy border (each row names its place and gives its ``place_id``), random actions, qualifiers,
claimants and dates over 1,000 days, written to a claims CSV.

Ours, on each backend: ``Ledger.add`` of the 10,000 claims in one batch and in 100 batches of 100
(claims/s, validation excluded: the claims are read once), the same file added again (nothing
changes, so nothing is written), ``Ledger.claims()`` (all, and ``as_of`` an earlier batch, and one
``region``), ``history`` of a claim, and ``Ledger.timeline()``.
Baseline in the same run: ``read_claims(csv)`` then ``Timeline.from_claims`` (what every command
does today with a file).

PostGIS runs on a throwaway cluster on 127.0.0.1 (tests/pgcluster.py) with its durable defaults
(fsync on), so commits cost what they cost on a real server's disk.

Run: ``make bench`` (or ``python benchmarks/bench_ledger.py [--claims N] [--backend gpkg|postgis]``).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def synthetic_csv(path: Path, n_claims: int, n_places: int = 600, seed: int = 17) -> None:
    import shapely

    from geoclaims import Gazetteer

    gaz = Gazetteer.default()
    gdf = gaz.to_geodataframe()
    box = shapely.box(34.6, 50.8, 36.0, 51.6)
    near = gdf[gdf.geometry.notna() & gdf.geometry.within(box)].sort_values("id").head(n_places)
    rng = random.Random(seed)
    places = list(zip(near["id"], near["name"]))
    start = dt.date(2022, 3, 1)
    qualifiers = ["", "", "", "central", "southern", "northern", "near", "west of", "east of", "outskirts"]
    cols = ["claim_id", "date", "claimant", "claimant_side", "side", "action", "place", "place_id", "qualifier",
            "status", "note"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(cols)
        for i in range(n_claims):
            pid, name = rng.choice(places)
            action = rng.choice(["capture", "capture", "advance", "advance", "withdraw", "contest", "repelled"])
            w.writerow([f"B{i:05d}", (start + dt.timedelta(days=rng.randrange(1000))).isoformat(),
                        rng.choice(["ISW", "Russian MoD", "General Staff", "DeepState"]),
                        rng.choice(["UA", "RU", "neutral"]), rng.choice(["UA", "RU"]), action, name, pid,
                        rng.choice(qualifiers) if action != "capture" else "", rng.choice(["assessed", "claimed"]),
                        f"synthetic claim {i}"])


def timed(fn):
    t0 = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0


def bench_backend(name: str, url_of, claims, csv_path: Path) -> dict:
    from geoclaims.ledger import Ledger

    n = len(claims)
    out = {}
    ledger, out["create"] = timed(lambda: Ledger(url_of("one"), create=True))
    _, t = timed(lambda: ledger.add(claims, by="bench"))
    out["add one batch"] = n / t
    _, t = timed(lambda: ledger.add(claims, by="bench"))
    out["add again, unchanged"] = n / t
    many = Ledger(url_of("many"), create=True)
    step = max(1, n // 100)
    t0 = time.perf_counter()
    for i in range(0, n, step):
        many.add(claims[i:i + step], by="bench")
    out["add 100 batches"] = n / (time.perf_counter() - t0)
    got, t = timed(lambda: ledger.claims())
    assert len(got) == n
    out["claims()"] = n / t
    half, t = timed(lambda: many.claims(as_of=50))
    out["claims(as_of=batch 50)"] = len(half) / t
    _, t = timed(lambda: ledger.claims(region="Sumy Oblast"))
    out["claims(region=Sumy Oblast)"] = n / t
    _, t = timed(lambda: ledger.history(claims[n // 2].claim_id))
    out["history(one claim) ms"] = t * 1000
    tl, t = timed(lambda: ledger.timeline())
    out["timeline() s"] = t
    areas, t = timed(lambda: tl.area_series(freq="claims"))
    out["_areas"] = areas
    out["baseline: plain dump, no history"] = n / plain_dump(name, url_of("dump"), claims)
    ledger.close()
    many.close()
    return out


def plain_dump(backend: str, where, claims) -> float:
    """Seconds to write the same rows with no history: pyogrio to a GeoPackage, or pandas' to_sql via pg8000."""
    from geoclaims.claims import ClaimSet

    gdf = ClaimSet(tuple(claims)).to_geodataframe()
    t0 = time.perf_counter()
    if backend == "gpkg":
        import pyogrio

        pyogrio.write_dataframe(gdf, where, layer="claims", driver="GPKG")
    else:
        import sqlalchemy as sa

        engine = sa.create_engine(where.replace("postgresql://", "postgresql+pg8000://"))
        df = gdf.drop(columns="geometry").assign(wkb=[None if g is None else g.wkb for g in gdf.geometry])
        with engine.begin() as conn:
            df.to_sql("claims_dump", conn, index=False, method="multi", chunksize=1000)
        engine.dispose()
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--claims", type=int, default=10_000)
    ap.add_argument("--backend", choices=("gpkg", "postgis", "both"), default="both")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT))
    from geoclaims import Timeline, read_claims

    work = Path(tempfile.mkdtemp(prefix="bench-ledger-"))
    csv_path = work / "claims.csv"
    synthetic_csv(csv_path, args.claims)
    from geoclaims.places.boundaries import region_geometry

    region_geometry("Sumy Oblast")  # load the borders, the gazetteer and the territory data before any timing
    Timeline.from_claims(read_claims(csv_path)[:200]).area_series(freq="claims")
    claims, t_read = timed(lambda: read_claims(csv_path))
    base_tl, t_build = timed(lambda: Timeline.from_claims(claims))
    base_areas = base_tl.area_series(freq="claims")
    rows = {}
    if args.backend in ("gpkg", "both"):
        rows["GeoPackage"] = bench_backend("gpkg", lambda tag: work / f"{tag}.gpkg", list(claims), csv_path)
    if args.backend in ("postgis", "both"):
        from tests.pgcluster import PgCluster

        with PgCluster(durable=True) as pg:
            rows["PostGIS"] = bench_backend("postgis", lambda tag: pg.url(pg.new_database()), list(claims), csv_path)
    for r in rows.values():
        assert r.pop("_areas").equals(base_areas), "the ledger's timeline differs from the CSV's"
    print(f"{args.claims:,} synthetic claims about 600 settlements (ledger timelines equal the CSV's: checked)\n")
    names = list(rows)
    print(f"{'':<42}" + "".join(f"{n:>14}" for n in names))
    for key in next(iter(rows.values())):
        unit = "" if key.endswith(("ms", " s")) else " s" if key == "create" else " claims/s"
        print(f"{key + unit:<42}" + "".join(f"{r[key]:>14,.{2 if key == 'create' or key.endswith(' s') else 0}f}"
                                               for r in rows.values()))
    print(f"\nbaseline, the CSV workflow: read_claims {args.claims / t_read:,.0f} claims/s ({t_read:.2f} s), "
          f"then Timeline.from_claims {t_build:.2f} s: {t_read + t_build:.2f} s in all")
    for n, r in rows.items():
        print(f"{n}: claims() {args.claims / r['claims()']:.2f} s + timeline {r['timeline() s']:.2f} s "
              f"(timeline() in all; the CSV path: {t_read + t_build:.2f} s)")


if __name__ == "__main__":
    main()
