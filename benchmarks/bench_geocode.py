"""Geocoding throughput over the whole bundled gazetteer, beside a baseline measured in the same run.

Baseline: rapidfuzz ``process.extractOne`` of the query over every indexed name string (what a
simple fuzzy geocoder does). Run: ``make bench`` (or ``python benchmarks/bench_geocode.py``).
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import time

QUERIES_EXACT = 3000
QUERIES_FUZZY = 600


def cold_start() -> float:
    """Seconds for `import geoclaims` plus the first lookup, in a fresh interpreter (median of 5)."""
    code = "import time; t = time.perf_counter(); import geoclaims; geoclaims.geocode('Berdin'); print(time.perf_counter() - t)"
    runs = [float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout) for _ in range(5)]
    return statistics.median(runs)


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
    t = time.perf_counter()
    for q in queries:
        fn(q)
    return len(queries) / (time.perf_counter() - t)


def main() -> None:
    from rapidfuzz import fuzz, process

    from geoclaims import Gazetteer
    from geoclaims.names import fold, romanizations

    print(f"cold start (import geoclaims + first lookup): {cold_start():.3f} s   (goal < 0.5 s)")
    gaz = Gazetteer.default()
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
    print(f"{'queries':<28}{'geoclaims names/s':>20}{'baseline names/s':>20}{'goal':>12}")
    rows = [
        ("exact (canonical name)", exact, 20000),
        ("alias (other stored name)", alias, 20000),
        ("transliterated (other system)", translit, None),
        ("misspelled (one letter)", fuzzy, 2000),
    ]
    for label, qs, goal in rows:
        ours_rate = rate(ours, qs)
        base_rate = rate(baseline, qs[:150])
        goal_txt = f">= {goal:,}" if goal else ""
        print(f"{label:<28}{ours_rate:>20,.0f}{base_rate:>20,.0f}{goal_txt:>12}")
    print(f"\nmisspelled queries whose place is among geoclaims' top 3: {hits / len(fuzzy):.1%}"
          f"  (baseline top-1 on 200: {base_hits / 200:.1%})")


if __name__ == "__main__":
    main()
