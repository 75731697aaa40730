"""How many claim rows are located with no guess, and how right they are, on the development fronts.

    python benchmarks/bench_spellings.py [--baseline DIR]

For each development file (``tests/data/kharkiv-2024-claims.csv``, northern Kharkiv 2024;
``tests/data/fronts-2022-2024-claims.csv``, Robotyne, Bakhmut, Avdiivka, Kupiansk and Kherson in
the spellings of German, Polish, French, Romanian, Bulgarian, Russian and Ukrainian reports; and
``tests/data/fronts-2022-2026-claims.csv``, Luhansk, Zaporizhzhia, Dnipropetrovsk and more in 15
languages, and ``tests/data/fronts-donetsk-2022-2025-claims.csv``, Bakhmut to Velyka Novosilka in 18,
and ``tests/data/fronts3-2022-2025-claims.csv``, the northern campaign and Mykolaiv/Kherson 2022 and
Pokrovsk-Dobropillia 2025 in 16, and ``tests/data/fronts4-2014-2025-claims.csv``, Kharkiv 2022, Donbas
2014-15 and Kupiansk 2023-25 in 10, and ``tests/data/fronts5-2016-2025-claims.csv``, the Izium axis and
Volnovakha 2022, the Svitlodarsk bulge 2016-18 and Kharkiv Oblast 2025 in 10, and
``tests/data/fronts6-2014-2015-claims.csv``, Donbas 2014-15 in 14, and
``tests/data/fronts7-2023-2025-claims.csv``, Avdiivka to Krynky and Zaporizhzhia 2023-25 in 13, and
``tests/data/fronts8-2025-2026-claims.csv``, Kostiantynivka to Kupiansk and Dnipropetrovsk 2025-26 in 16,
and ``tests/data/fronts9-2022-2025-claims.csv``, Vovchansk, Sumy, Kherson, Pokrovsk and Toretsk in 17, and
``tests/data/fronts10-2022-2026-claims.csv``, Huliaipole, Siversk, Kupiansk, Vuhledar-Kurakhove and the northern
campaign of 2022 in 16, and ``tests/data/fronts11-2022-2025-claims.csv``, the Kursk incursion, the Belgorod
raids, the Zaporizhzhia counteroffensive of 2023, Lyman-Kreminna and the Kharkiv counteroffensive of 2022 in 15,
and ``fronts12`` to ``fronts29`` (see ``tests/data/README.md``),
all first read as held-out files) it
prints, for this checkout and (``--baseline DIR``, e.g. a worktree of ``main``) for another one,
measured in the same run:

- rows that name a place, rows located with no guess (certain matches only, the default of
  ``read_claims``), and rows located when guesses are accepted (``accept_fuzzy=True``);
- rows whose place is known (certain, not ambiguous) but has no position in the gazetteer (a
  village of GeoNames' postal file whose position is only an average): identified, not mapped;
- correctness: of the located rows whose spelling has an independent coordinate (the files'
  ``*-places.csv``, Wikipedia infoboxes), how many lie within 5 km of it, and the farthest; and how
  many located rows lie outside the oblast their row names.

The held-out fronts (Sumy 2025, Pokrovsk 2024) are not read here: they are measured by the lead.
``--held-out`` adds any ``tests/data/heldout-<name>-claims.csv``: a file another researcher wrote from
reports on fronts the development files do not cover, read once before any rule is written from it
(and renamed to a development file after; ``fronts-2022-2026`` and ``fronts-donetsk`` were such files).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
FILES = {
    "kharkiv-2024": ("kharkiv-2024-claims.csv", "kharkiv-places.csv"),
    "fronts-2022-2024": ("fronts-2022-2024-claims.csv", "fronts-2022-2024-places.csv"),
    "fronts-2022-2026": ("fronts-2022-2026-claims.csv", "fronts-2022-2026-places.csv"),
    "fronts-donetsk": ("fronts-donetsk-2022-2025-claims.csv", "fronts-donetsk-2022-2025-places.csv"),
    "fronts3": ("fronts3-2022-2025-claims.csv", "fronts3-2022-2025-places.csv"),
    "fronts4": ("fronts4-2014-2025-claims.csv", "fronts4-2014-2025-places.csv"),
    "fronts5": ("fronts5-2016-2025-claims.csv", "fronts5-2016-2025-places.csv"),
    "fronts6": ("fronts6-2014-2015-claims.csv", "fronts6-2014-2015-places.csv"),
    "fronts7": ("fronts7-2023-2025-claims.csv", "fronts7-2023-2025-places.csv"),
    "fronts8": ("fronts8-2025-2026-claims.csv", "fronts8-2025-2026-places.csv"),
    "fronts9": ("fronts9-2022-2025-claims.csv", "fronts9-2022-2025-places.csv"),
    "fronts10": ("fronts10-2022-2026-claims.csv", "fronts10-2022-2026-places.csv"),
    "fronts11": ("fronts11-2022-2025-claims.csv", "fronts11-2022-2025-places.csv"),
    "fronts12": ("fronts12-2022-2026-claims.csv", "fronts12-2022-2026-places.csv"),
    "fronts13": ("fronts13-2014-2025-claims.csv", "fronts13-2014-2025-places.csv"),
    "fronts14": ("fronts14-2022-2026-claims.csv", "fronts14-2022-2026-places.csv"),
    "fronts15": ("fronts15-2022-2026-claims.csv", "fronts15-2022-2026-places.csv"),
    "fronts16": ("fronts16-2015-2026-claims.csv", "fronts16-2015-2026-places.csv"),
    "fronts17": ("fronts17-2022-2026-claims.csv", "fronts17-2022-2026-places.csv"),
    "fronts18": ("fronts18-2022-2026-claims.csv", "fronts18-2022-2026-places.csv"),
    "fronts19": ("fronts19-2022-2026-claims.csv", "fronts19-2022-2026-places.csv"),
    "fronts20": ("fronts20-2022-2026-claims.csv", "fronts20-2022-2026-places.csv"),
    "fronts21": ("fronts21-2015-2026-claims.csv", "fronts21-2015-2026-places.csv"),
    "fronts22": ("fronts22-2014-2026-claims.csv", "fronts22-2014-2026-places.csv"),
    "fronts23": ("fronts23-2022-2026-claims.csv", "fronts23-2022-2026-places.csv"),
    "fronts24": ("fronts24-2024-2026-claims.csv", "fronts24-2024-2026-places.csv"),
    "fronts25": ("fronts25-2014-2025-claims.csv", "fronts25-2014-2025-places.csv"),
    "fronts26": ("fronts26-2015-2026-claims.csv", "fronts26-2015-2026-places.csv"),
    "fronts27": ("fronts27-2022-2026-claims.csv", "fronts27-2022-2026-places.csv"),
    "fronts28": ("fronts28-2022-2026-claims.csv", "fronts28-2022-2026-places.csv"),
    "fronts29": ("fronts29-2014-2026-claims.csv", "fronts29-2014-2026-places.csv"),
}


def held_out() -> dict[str, tuple[str, str]]:
    """Files written by someone else and never looked at while the gazetteer was built (``--held-out``):
    ``tests/data/heldout-<name>-claims.csv`` with ``heldout-<name>-places.csv``, measured once, as they
    come, and renamed to a development file once any rule is written from them."""
    return {p.name[len("heldout-"):-len("-claims.csv")]: (p.name, p.name.replace("-claims.csv", "-places.csv"))
            for p in sorted(DATA.glob("heldout-*-claims.csv"))}

_MEASURE = r'''
import json, sys, warnings
import pandas as pd
sys.path.insert(0, sys.argv[1])
warnings.simplefilter("ignore")
from geoclaims import read_claims
from geoclaims.places.gazetteer import haversine_km
from geoclaims.places.regions import RegionTable

claims_path, truth_path = sys.argv[2], sys.argv[3]
truth = {}
t = pd.read_csv(truth_path, dtype=str).fillna("")
for r in t.to_dict("records"):
    if not (r.get("lat") and r.get("lon")):
        continue
    spellings = r["spellings"].split(";") if "spellings" in r else [r["spelling"]]
    for s in spellings:
        truth[s] = (float(r["lat"]), float(r["lon"]))
rows = pd.read_csv(claims_path, dtype=str).fillna("")
named = int((rows["place"] != "").sum())
out = {"named": named}
table = RegionTable.default()
for label, kw in (("certain", {}), ("with_guesses", {"accept_fuzzy": True})):
    cs = read_claims(claims_path, on_error="collect", **kw)
    located = [c for c in cs if c.place_name and c.place is not None and c.place.is_located]
    checked = [(c.place_name, haversine_km(c.place.latlon, truth[c.place_name])) for c in located if c.place_name in truth]
    outside = 0
    for c in located:
        if c.region:
            try:
                names = {r.name for r in table.resolve(c.region)}
            except Exception:
                names = set()
            if names and c.place.admin1 not in names and c.place.country not in names:
                outside += 1
    known = [c for c in cs if c.place_name and c.place is not None and not c.place.is_located]
    out[label] = {
        "located": len(located),
        "known_unlocated": len(known),
        "checked": len(checked),
        "within_5km": sum(d <= 5 for _, d in checked),
        "max_km": round(max((d for _, d in checked), default=0.0), 1),
        "wrong": sorted({n for n, d in checked if d > 5}),
        "outside_region": outside,
        "guesses": sum(bool(c.place_uncertain) for c in located),
    }
print(json.dumps(out))
'''


def measure(package: Path, claims: Path, truth: Path) -> dict:
    env = dict(os.environ, PYTHONPATH=str(package))
    done = subprocess.run([sys.executable, "-c", _MEASURE, str(package), str(claims), str(truth)],
                          capture_output=True, text=True, env=env, cwd=package, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--baseline", type=Path, help="another checkout of geoclaims to measure beside this one")
    ap.add_argument("--held-out", action="store_true",
                    help="also read the held-out file (tests/data/heldout-fronts-*.csv), which no rule was written from")
    args = ap.parse_args(argv)
    runs = [("this checkout", ROOT)] + ([("baseline", args.baseline.resolve())] if args.baseline else [])
    print(f"{'file':18} {'checkout':14} {'named':>5} {'certain':>13} {'with guesses':>13} "
          f"{'<=5 km of truth':>16} {'max km':>7} {'outside oblast':>15} {'known, no position':>19}")
    extra = held_out() if args.held_out else {}
    if args.held_out and not extra:
        print("no held-out file in tests/data (heldout-<name>-claims.csv): every file there is a development file now")
    for name, (claims, truth) in {**FILES, **extra}.items():
        for label, package in runs:
            r = measure(package, DATA / claims, DATA / truth)
            n, c, g = r["named"], r["certain"], r["with_guesses"]
            print(f"{name:18} {label:14} {n:>5} {c['located']:>5} ({c['located'] / n:5.1%}) "
                  f"{g['located']:>5} ({g['located'] / n:5.1%}) {c['within_5km']:>7} of {c['checked']:<6} "
                  f"{c['max_km']:>7} {c['outside_region']:>15} {c['known_unlocated']:>19}")
            if c["wrong"]:
                print(f"{'':33} certain matches more than 5 km from the truth: {', '.join(c['wrong'])}")
            if g["wrong"]:
                print(f"{'':33} with guesses, more than 5 km off: {', '.join(g['wrong'])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
