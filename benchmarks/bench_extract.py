"""Claims extraction speed: reports per second, beside a naive geoparse in the same run.

The reports are built by the benchmark: ~500 words each, mixing claim sentences (advances,
captures, repelled attacks, area figures, in English, Russian and Ukrainian, with qualifiers and
dates) with filler sentences, so the whole pipeline runs: HTML cleaning, sentences, place matching
with case endings, sides, verbs, claimants, dates, resolution of ambiguous names.

Baseline (what a plain geoparser does): look up every run of 1-3 capitalised words with
``Gazetteer.lookup`` (exact, transliteration, then fuzzy matching), with no claims logic.

Goal (issue 6): >= 50 reports/s of ~500 words.

Run: ``make bench`` (or ``python benchmarks/bench_extract.py [--reports N]``).
"""

from __future__ import annotations

import argparse
import random
import re
import time

CLAIMS = [
    "According to ISW, between Jan. 5 and 6 Ukrainian forces advanced in southern Berdin and central Novosotnitsky, "
    "all northeast of Sudzha.",
    "The Russian Defense Ministry alleged on Jan. 6 that a Ukrainian attack was halted near Malaya Loknya.",
    "Russian forces advanced 3 km west of Sudzha, according to geolocated footage.",
    "Units of the \"North\" group liberated Martynovka, Moscow said on Sunday.",
    "Ukrainian forces hold about 600 square kilometers in Kursk Oblast, according to DeepState.",
    "Российские войска освободили Бердин и продвинулись западнее Малой Локни, заявило Минобороны России.",
    "ЗСУ відбили штурм у Суджі, повідомив Генштаб 6 січня.",
    "North Korean soldiers entered Plekhovo last month, Ukrainian officials said.",
]
FILLER = [
    "Officials in Kyiv said talks with partners on air defence would continue next week.",
    "The situation along the rest of the front line remained difficult, analysts noted.",
    "Prices for fuel and food in the region rose sharply over the winter months.",
    "The governor announced new evacuation measures for several border districts.",
    "Commentators on both sides debated the political meaning of the operation.",
    "Several journalists visited the area under escort and spoke with local residents.",
]


def reports(n: int, seed: int = 3) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts, words = [], 0
        while words < 500:
            s = rng.choice(CLAIMS) if rng.random() < 0.35 else rng.choice(FILLER)
            parts.append(f"<p>{s}</p>")
            words += len(s.split())
        out.append("\n".join(parts))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=200)
    args = ap.parse_args()
    from geoclaims import Gazetteer
    from geoclaims.extract import clean_text, extract_claims

    gaz = Gazetteer.default()
    texts = reports(args.reports)
    extract_claims(texts[0], published="2025-01-07")  # warm up: gazetteer and regex caches
    t0 = time.perf_counter()
    found = sum(len(extract_claims(t, published="2025-01-07")) for t in texts)
    ours = time.perf_counter() - t0

    caps = re.compile(r"[A-ZА-ЯЁІЇЄҐ][\w'’-]+(?:\s+[A-ZА-ЯЁІЇЄҐ][\w'’-]+){0,2}")
    t1 = time.perf_counter()
    looked = 0
    for t in texts:
        for m in caps.finditer(clean_text(t)):
            gaz.lookup(m.group(0), limit=1)
            looked += 1
    base = time.perf_counter() - t1
    words = sum(len(clean_text(t).split()) for t in texts) / len(texts)
    print(f"{args.reports} reports of ~{words:.0f} words\n")
    print(f"{'':<48} {'reports/s':>10}  {'ms/report':>10}")
    print(f"{'geoclaims extract_claims':<48} {args.reports / ours:>10.0f}  {ours / args.reports * 1000:>10.1f}"
          f"   ({found / args.reports:.1f} candidate claims per report)")
    print(f"{'baseline: Gazetteer.lookup of capitalised runs':<48} {args.reports / base:>10.0f}  "
          f"{base / args.reports * 1000:>10.1f}   ({looked / args.reports:.0f} lookups per report, no claims)")


if __name__ == "__main__":
    main()
