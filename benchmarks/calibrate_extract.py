"""Fit extraction's confidence (geoclaims/extract/confidence.py) on the dev split.

Every candidate the extractor makes on a dev passage of ``tests/data/extraction/sentences.jsonl`` is
labelled right (it matches a gold claim with the right side and action) or not, and a logistic
regression (L2 penalty) maps its features (:func:`geoclaims.extract.confidence.features`) to that label.

The weights are fitted on the dev passages marked ``calibration``: annotated after the rules were
written and never used to write them, they tell how often candidates are right on text the rules have
not seen. (Fitted on the other dev passages, where the rules were tuned, confidence came out near 0.93
for nearly everything, and its ranking did not carry over: see benchmarks/README.md.) The test split is
never read. Prints the weights and the reliability tables (calibration passages: leave-one-out); 
``--write`` puts the weights into ``geoclaims/extract/confidence.py``.

Run: ``python benchmarks/calibrate_extract.py [--write] [--l2 3.0]``.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
ANNOTATIONS = ROOT / "tests" / "data" / "extraction" / "sentences.jsonl"
CONFIDENCE = ROOT / "geoclaims" / "extract" / "confidence.py"


def samples(calibration: bool):
    """(features, right) of every candidate on the dev passages (the calibration ones, or the others)."""
    from geoclaims import Gazetteer
    from geoclaims.extract import clean_text
    from geoclaims.extract.dates import parse_published
    from geoclaims.extract.evaluation import _in_text, _Places, field_agrees, match, read_annotations
    from geoclaims.extract.reader import Reader

    gaz = Gazetteer.default()
    places = _Places(gaz)
    out = []
    for item in read_annotations(ANNOTATIONS):
        if item.split != "dev" or item.calibration != calibration:
            continue
        reader = Reader(clean_text(item.document), parse_published(item.published), "", "", gaz)
        ex = reader.run()
        pred = [c for c in ex.claims if _in_text(item, ex.text, c)]
        right = {id(p) for g, p in match(item.claims, pred, places, item.regions)
                 if field_agrees("side", g, p) and field_agrees("action", g, p)}
        out.extend((reader.features[id(p)], id(p) in right) for p in pred)
    return out


#: set by hand, not fitted: a name that stays ambiguous after proximity settling is a coin toss between
#: places, and the annotated set (which has context for nearly every name) cannot measure it
FIXED = {"ambiguous": -1.5}


def fit(data, l2: float, steps: int = 4000, rate: float = 0.5) -> dict[str, float]:
    names = sorted({k for f, _ in data for k in f} - set(FIXED))
    x = np.array([[f.get(k, 0.0) for k in names] for f, _ in data])
    offset = np.array([sum(FIXED.get(k, 0.0) * v for k, v in f.items()) for f, _ in data])
    y = np.array([1.0 if ok else 0.0 for _, ok in data])
    w = np.zeros(len(names))
    penalty = np.array([0.0 if k == "bias" else l2 for k in names])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(x @ w + offset)))
        grad = x.T @ (p - y) / len(y) + penalty * w / len(y)
        w -= rate * grad
    return {**{k: round(float(v), 3) for k, v in zip(names, w) if abs(v) >= 0.001}, **FIXED}


def platt(z: np.ndarray, y: np.ndarray, steps: int = 3000, rate: float = 0.1) -> tuple[float, float]:
    """(a, b) of sigmoid(a * z + b) fitted to labels y (a weak prior pulls a to 1 and b to 0)."""
    a, b = 1.0, 0.0
    for _ in range(steps):
        p = 1 / (1 + np.exp(-(a * z + b)))
        a -= rate * (((p - y) * z).mean() + 0.01 * (a - 1))
        b -= rate * ((p - y).mean() + 0.01 * b)
    return round(float(a), 3), round(float(b), 3)


def _table(scored) -> None:
    print(f"{'confidence':<12}{'candidates':>12}{'right':>8}")
    bins = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0001)
    for lo, hi in zip(bins, bins[1:]):
        inside = [ok for c, ok in scored if lo <= c < hi]
        share = f"{sum(inside) / len(inside):8.2f}" if inside else "       -"
        print(f"{lo:.1f}-{min(hi, 1):.1f}{len(inside):>12}{share}")
    top = [ok for c, ok in scored if c >= 0.8]
    print(f"{'>= 0.8':<12}{len(top):>12}{(sum(top) / len(top) if top else 0):8.2f}\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--write", action="store_true", help="write the weights into geoclaims/extract/confidence.py")
    ap.add_argument("--l2", type=float, default=3.0)
    args = ap.parse_args()
    from geoclaims.extract.confidence import linear

    cal = samples(calibration=True)
    dev = samples(calibration=False)
    weights = fit(cal, args.l2)
    print(f"{len(cal)} calibration candidates ({sum(ok for _, ok in cal)} right) fit the weights; "
          f"{len(dev)} candidates on the other dev passages ({sum(ok for _, ok in dev)} right)\n")
    body = "".join(f"    {k!r}: {v},\n" for k, v in sorted(weights.items(), key=lambda kv: (kv[0] != 'bias', kv[0])))
    print("WEIGHTS = {\n" + body + "}\n")

    def conf(f, w):
        return 1 / (1 + np.exp(-linear(f, w)))

    print("calibration passages, each scored by weights fitted without it (leave-one-out):")
    loo = []
    for k, (f, ok) in enumerate(cal):
        w = fit(cal[:k] + cal[k + 1:], args.l2, steps=1500)
        loo.append((conf(f, w), ok))
    _table(loo)
    print("calibration passages (in-sample):")
    _table([(conf(f, weights), ok) for f, ok in cal])
    print("dev passages the rules were written from:")
    _table([(conf(f, weights), ok) for f, ok in dev])
    if args.write:
        src = CONFIDENCE.read_text(encoding="utf-8")
        new = re.sub(r"WEIGHTS: dict\[str, float\] = \{\n.*?\n\}\n", "WEIGHTS: dict[str, float] = {\n" + body + "}\n",
                     src, count=1, flags=re.S)
        CONFIDENCE.write_text(new, encoding="utf-8")
        print(f"\nwrote {CONFIDENCE.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
