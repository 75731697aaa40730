"""Large work on Dask: a LocalCluster of 2 workers beside the single-process path, in the same run.

Two parts (``--part extract|archive|both``):

- **extract**: 20,000 synthetic reports of ~500 words (``bench_extract.reports``: claims in English,
  Russian and Ukrainian mixed with filler). Ours: ``extract_corpus(frame, client=client)`` on a
  ``LocalCluster(n_workers=2, threads_per_worker=1)``. Baselines: the single-process loop
  ``[extract_claims(t) for t in texts]`` and ``extract_corpus(frame)`` without a client (the same loop
  plus the frame).
- **archive**: the whole DeepStateMap archive (a folder of daily GeoJSON snapshots, ``--archive``;
  third-party data, not in the repository), whole front (no region): ``read_snapshots(preset=
  "deepstate")`` plus ``area_series(freq="claims")`` and its area inside Ukraine, with the client and
  without it (the default: a pool of up to 4 processes on this machine's cores; and 1 process).
  The timelines are checked equal.

Run: ``make bench`` (or ``python benchmarks/bench_distributed.py [--reports N] [--archive DIR] [--part P]``).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import warnings
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEEPSTATE = Path(os.environ.get("GEOCLAIMS_DEEPSTATE_ARCHIVE", "/work/scratch/deepstate/geojsons"))


def cluster():
    from distributed import Client, LocalCluster

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        lc = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                          dashboard_address=None)
        return lc, Client(lc)


def cpu(client=None) -> float:
    """CPU seconds used so far by this process, its finished child processes and the cluster's workers."""
    t = os.times()
    own = t.user + t.system + t.children_user + t.children_system
    return own + (sum(client.run(time.process_time).values()) if client is not None else 0.0)


def measure(fn, client=None):
    """(result, wall s, CPU s): on a shared machine the CPU seconds say what the work cost."""
    c0, t0 = cpu(client), time.perf_counter()
    out = fn()
    return out, time.perf_counter() - t0, cpu(client) - c0


def bench_extract(n: int, client) -> None:
    import pandas as pd

    sys.path.insert(0, str(HERE))
    from bench_extract import reports

    from geoclaims import extract_claims
    from geoclaims.extract.corpus import extract_corpus

    texts = reports(n)
    frame = pd.DataFrame({"doc": [f"r{i:05d}" for i in range(n)], "text": texts, "published": "2025-01-07"})
    extract_claims(texts[0], published="2025-01-07")  # warm up here; the workers warm up inside the timing
    loop, t_loop, c_loop = measure(lambda: sum(len(extract_claims(t, published="2025-01-07")) for t in texts))
    local, t_local, c_local = measure(lambda: extract_corpus(frame, progress=False))
    remote, t_remote, c_remote = measure(lambda: extract_corpus(frame, client=client), client)
    assert remote.equals(local) and len(local) == loop, "the cluster's result differs"
    words = sum(len(t.split()) for t in texts[:200]) / 200
    print(f"extraction: {n:,} reports of ~{words:.0f} words, {len(local):,} candidate claims (cluster result "
          "identical: checked)\n")
    print(f"{'':<56}{'wall s':>9}{'reports/s':>11}{'CPU s':>9}")
    for label, t, c in (("baseline: loop of extract_claims, 1 process", t_loop, c_loop),
                        ("extract_corpus(frame), no client", t_local, c_local),
                        ("extract_corpus(frame, client=), LocalCluster 2 workers", t_remote, c_remote)):
        print(f"{label:<56}{t:>9.1f}{n / t:>11.0f}{c:>9.1f}")
    print(f"speed-up of the cluster over the loop: {t_loop / t_remote:.2f}x wall; CPU cost {c_remote / c_loop:.2f}x "
          f"(load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)\n")


def bench_archive(path: Path, client) -> None:
    import pandas as pd

    from geoclaims import read_snapshots

    files = sorted(p for p in path.rglob("*") if p.suffix.lower() in (".geojson", ".json"))
    size = sum(p.stat().st_size for p in files) / 2**20

    def run(**kw):
        c = {"client": kw["client"]} if "client" in kw else {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tl, t_read, c_read = measure(lambda: read_snapshots(path, preset="deepstate", progress=False, **kw),
                                         c.get("client"))
            (series, inside), t_areas, c_areas = measure(lambda: (
                tl.area_series(freq="claims", **c), tl.area_series(freq="claims", region="Ukraine", **c)),
                c.get("client"))
        return tl, series, inside, t_read, t_areas, c_read + c_areas

    results = {}
    for label, kw in (("without client, 1 process (workers=1)", dict(workers=1)),
                      ("without client, default (process pool)", {}),
                      ("with client, LocalCluster 2 workers", dict(client=client))):
        results[label] = run(**kw)
        print(f"  done: {label}", file=sys.stderr)
    ref = next(iter(results.values()))
    for tl, series, inside, *_ in results.values():  # noqa: B007
        assert tl.dates == ref[0].dates
        pd.testing.assert_frame_equal(series, ref[1])
        pd.testing.assert_frame_equal(inside, ref[2])
    first = ref[0]
    print(f"archive: {len(files):,} DeepStateMap snapshots ({size:,.0f} MB), {len(first.dates):,} dated "
          f"{first.start} .. {first.end}, whole front (timelines and areas identical: checked)\n")
    print(f"{'':<44}{'read':>9}{'areas':>9}{'total':>9}{'per snapshot':>14}{'CPU s':>9}")
    for label, (_, _, _, t_read, t_areas, c) in results.items():
        total = t_read + t_areas
        print(f"{label:<44}{t_read:>8.1f}s{t_areas:>8.1f}s{total:>8.1f}s{total / len(files) * 1000:>11.1f} ms"
              f"{c:>9.1f}")
    print(f"(load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    last = ref[1].iloc[-1]
    print(f"\nlast snapshot: RU holds {last['RU_held']:,.0f} km² beyond Russia's border (+{last['RU_contested']:,.0f} "
          f"km² grey zone); inside Ukraine {ref[2].iloc[-1]['RU_held']:,.0f} km²")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=20_000)
    ap.add_argument("--archive", type=Path, default=DEEPSTATE)
    ap.add_argument("--part", choices=("extract", "archive", "both"), default="both")
    args = ap.parse_args()
    lc, client = cluster()
    try:
        if args.part in ("extract", "both"):
            bench_extract(args.reports, client)
        if args.part in ("archive", "both"):
            if not args.archive.is_dir():
                print(f"archive: skipped, no DeepStateMap archive at {args.archive} (give --archive DIR or "
                      "GEOCLAIMS_DEEPSTATE_ARCHIVE; third-party data, not in the repository)")
            else:
                bench_archive(args.archive, client)
    finally:
        client.close()
        lc.close()


if __name__ == "__main__":
    main()
