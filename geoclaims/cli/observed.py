"""``geoclaims observed | compare | evaluate``: observed map archives, and claims checked against them."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from geoclaims.cli.common import (
    EXIT_OK, _Usage, _claims_file_options, _num, _pct, _read_claims_file, _read_observed, _records, _write_table,
    snapshot_options,
)
from geoclaims.cli.render import _render


def add_parsers(sub: Any) -> None:
    """Add ``observed``, ``compare`` and ``evaluate`` to the CLI's subparsers."""
    o = sub.add_parser(
        "observed", help="read a dated map archive (folder/zip of GeoJSON, DeepStateMap) and print areas",
        description="Read dated control snapshots and print, for each, the area each side holds beyond its own "
        "border, with and without the grey zone. With --region \"Kursk Oblast\" the UA figures are the "
        "Ukrainian-held part of that oblast.")
    snapshot_options(o)
    o.add_argument("--area-series", type=Path, metavar="CSV", help="also write the per-snapshot areas as CSV")
    o.add_argument("--changes", action="store_true", help="also list the settlements that changed hands")
    o.add_argument("--render", type=Path, metavar="DIR", help="also render a map page per snapshot into DIR")
    o.set_defaults(func=_cmd_observed)

    cmp = sub.add_parser(
        "compare", help="check claims against observed maps: confirmed, contradicted, not observable",
        description="For each claim, look at the observed map from its date to --window-days after, and say "
        "whether it confirms or contradicts the claim; then rates per claimant and the area claims beside the "
        "observed areas.")
    cmp.add_argument("claims", type=Path, metavar="CLAIMS", help="claims file (.csv, .json, .geojson)")
    _claims_file_options(cmp)
    snapshot_options(cmp)
    cmp.add_argument("--window-days", type=int, default=3, help="days after a claim to look for a map (default 3)")
    cmp.add_argument("--threshold", type=float, default=0.5,
                     help="share of a claim's polygon a side must control (default 0.5)")
    cmp.add_argument("--format", choices=("table", "csv"), default="table",
                     help="table (default), or csv: the per-claim rows")
    cmp.add_argument("--all", action="store_true", help="list the not-observable claims too")
    cmp.set_defaults(func=_cmd_compare)

    ev = sub.add_parser(
        "evaluate", help="how close the claims map is to observed maps: areas, overlap, front lines, settlements",
        description="Compare the map the claims give with observed maps (DeepStateMap...) on each observed date "
        "(or --dates): our km² and band beside the observed held .. held + grey km², the area error relative to "
        "that interval, IoU, precision, recall, the distance between the front lines and the share of "
        "settlements whose control agrees; then a summary per side. --nowcast also measures how well the claims "
        "update the observed map against persistence.")
    ev.add_argument("claims", type=Path, metavar="CLAIMS", help="claims file (.csv, .json, .geojson)")
    _claims_file_options(ev)
    snapshot_options(ev)
    ev.add_argument("--method", "-m", choices=("territory", "footprint", "inferred"), default="inferred",
                    help="how claims become control (default: inferred)")
    ev.add_argument("--perspective", "-p", default="all", help="which claims count (all, assessed, UA, RU, a claimant)")
    ev.add_argument("--dates", help="comma-separated dates, or a pandas frequency such as ME (month ends); default: "
                    "every observed date from the first to the last claim")
    ev.add_argument("--csv", type=Path, metavar="OUT", help="also write the per-date rows as CSV")
    ev.add_argument("--chart", type=Path, metavar="OUT.svg|png", help="also write the area chart (both curves, band)")
    ev.add_argument("--nowcast", action="store_true",
                    help="also start from the observed map on the 1st of each month, apply the claims of the next "
                    "7, 14 and 30 days, and compare with the observed maps then, beside persistence")
    ev.set_defaults(func=_cmd_evaluate)


def _cmd_observed(args: argparse.Namespace) -> int:
    obs = _read_observed(args)
    series = obs.area_series(freq="claims")
    where = f" in {obs.region}" if obs.region else ""
    print(f"{len(obs.dates)} snapshots, {obs.start} .. {obs.end}, from {args.snapshots}{where}. km² held beyond "
          f"each side's own border, without and with the grey zone:\n")
    rows = [[f"{d:%Y-%m-%d}", *(f"{r[f'{s}_held'] + r[f'{s}_advanced']:,.1f}" if k == 0 else
                      f"{r[f'{s}_held'] + r[f'{s}_advanced'] + r[f'{s}_contested']:,.1f}"
                      for s in ("UA", "RU") for k in (0, 1))] for d, r in series.iterrows()]
    _write_table(["date", "UA held", "UA held+grey", "RU held", "RU held+grey"], rows, sys.stdout)
    if args.area_series:
        from geoclaims._io import atomic_write

        table = series.join(obs.area_changes(workers=args.workers or min(4, os.cpu_count() or 1)))
        atomic_write(args.area_series, table.to_csv(float_format="%.3f").encode())
        print(f"\nwrote {args.area_series}: {len(table)} rows (km² held per side and status, and gained/lost "
              "since the previous snapshot)")
    if args.changes:
        ch = obs.changes()
        print(f"\nsettlements that changed hands ({len(ch)}):")
        if len(ch):
            _write_table(["date", "place", "from", "to"], [[str(r["date"]), r["place"], r["from_side"], r["to_side"]]
                                                          for r in _records(ch)], sys.stdout)
    if args.render:
        args.out, args.assets, args.tiles = args.render, "inline", None
        _render(obs, args, days="claims", title=f"geoclaims: observed maps ({args.snapshots.name}{where})")
    return EXIT_OK


def _cmd_compare(args: argparse.Namespace) -> int:
    from geoclaims.observed.comparison import compare

    claims = _read_claims_file(args)
    obs = _read_observed(args)
    try:
        result = compare(claims, obs, window_days=args.window_days, threshold=args.threshold)
    except ValueError as e:
        raise _Usage(str(e)) from None
    rows = result.claims if args.all else result.claims[result.claims["verdict"] != "not observable"]
    if args.format == "csv":
        sys.stdout.write(result.claims.to_csv(index=False))
        return EXIT_OK
    print(f"{result.summary()} (maps from {args.snapshots}, {len(obs.dates)} snapshots {obs.start} .. {obs.end}; "
          f"window {args.window_days} days after each claim)\n")
    print("per claimant:")
    _write_table(["claimant", "claims", "confirmed", "contradicted", "not observable", "rate"],
                 [[r["claimant"], r["claims"], r["confirmed"], r["contradicted"], r["not_observable"],
                   "" if r["confirmation_rate"] is None else f"{r['confirmation_rate']:.0%}"]
                  for r in _records(result.by_claimant)], sys.stdout)
    print("\nclaims" + ("" if args.all else " the maps can judge (--all for every claim)") + ":")
    _write_table(["claim", "date", "claimant", "side", "action", "where", "verdict", "map of", "why"],
                 [[r["claim_id"], str(r["date"]), r["claimant"], r["side"], r["action"], r["where"], r["verdict"],
                   str(r["observed_date"] or ""), r["reason"]] for r in _records(rows)], sys.stdout)
    if len(result.areas):
        print("\narea claims beside the observed area (km²):")
        _write_table(["claim", "date", "claimant", "side", "basis", "claimed", "map of", "observed", "with grey"],
                     [[r["claim_id"], str(r["date"]), r["claimant"], r["side"], r["basis"], f"{r['claimed_km2']:,.0f}",
                       str(r["observed_date"] or "no map"),
                       "" if r["observed_km2"] is None else f"{r['observed_km2']:,.0f}",
                       "" if r["observed_with_grey_km2"] is None else f"{r['observed_with_grey_km2']:,.0f}"]
                      for r in _records(result.areas)], sys.stdout)
    return EXIT_OK


def _cmd_evaluate(args: argparse.Namespace) -> int:
    from geoclaims.observed.evaluation import agreement
    from geoclaims.observed.nowcasting import nowcast
    from geoclaims.timeline.core import Timeline

    claims = _read_claims_file(args)
    obs = _read_observed(args)
    tl = Timeline.from_claims(claims, method=args.method)
    dates = args.dates
    if dates and "," in dates or (dates and dates[:1].isdigit()):
        dates = [d.strip() for d in dates.split(",") if d.strip()]
    result = agreement(tl, obs, dates, region=args.region, perspective=args.perspective)
    where = f" in {result.region}" if result.region else ""
    print(f"{tl.method} map of {len(tl.claims)} claims ({tl.unmapped_summary() or 'all mapped'}) against "
          f"{len(obs.dates)} observed maps ({obs.start} .. {obs.end}){where}:\n")
    rows = []
    for r in _records(result.table):
        band = f"{r['km2_min']:,.0f}-{r['km2_max']:,.0f}" if r["km2_max"] > r["km2_min"] + 0.5 else ""
        rows.append([f"{r['date']}", r["side"], f"{r['km2']:,.0f}", band,
                     f"{r['observed_km2']:,.0f}-{r['observed_with_grey_km2']:,.0f}", _pct(r["area_error"]),
                     _num(r["iou"]), _num(r["precision"]), _num(r["recall"]), _num(r["front_mean_km"], 1),
                     _num(r["front_max_km"], 1), _num(r["settlements_agree"]) + f" of {r['settlements']}"])
    _write_table(["date", "side", "km²", "band", "observed (held-grey)", "error", "IoU", "prec", "recall",
                  "front km", "max km", "settlements"], rows, sys.stdout)
    print("\nsummary:")
    summary = result.summary.reset_index()
    _write_table(["side", "dates", "mean |error|", f"within {result.tolerance:.0%}", "mean IoU", "precision", "recall",
                  "median front km", "settlements"],
                 [[r["side"], r["dates"], _pct(r["mean_abs_area_error"], signed=False), f"{r['within_tolerance']:.0%}",
                   _num(r["mean_iou"]), _num(r["mean_precision"]), _num(r["mean_recall"]),
                   _num(r["median_front_km"], 1), _num(r["settlements_agree"])] for r in _records(summary)], sys.stdout)
    if args.csv:
        result.to_csv(args.csv)
        print(f"\nwrote {args.csv}")
    if args.chart:
        from geoclaims._io import atomic_path

        fig = result.plot()
        fmt = args.chart.suffix.lstrip(".").lower() or "svg"
        if fmt not in ("svg", "png", "pdf"):
            raise _Usage(f"--chart {args.chart}: give a .svg, .png or .pdf file")
        with atomic_path(args.chart) as tmp:
            fig.savefig(tmp, format=fmt)
        print(f"wrote {args.chart}")
    if args.nowcast:
        table = nowcast(claims, obs, region=args.region, method=args.method)
        print("\nnowcast: the observed map of the 1st of each month plus the claims after it, against that map "
              "unchanged (persistence), compared with the observed map k days later:\n")
        s = table.attrs["summary"].reset_index()
        _write_table(["days", "cases", "IoU model", "IoU persistence", "|error| model", "|error| persistence",
                      "model better"],
                     [[r["horizon_days"], r["cases"], _num(r["model_iou"]), _num(r["persistence_iou"]),
                       _pct(r["model_abs_area_error"], signed=False), _pct(r["persistence_abs_area_error"], signed=False),
                       f"{r['model_beats_persistence']:.0%}"] for r in _records(s)], sys.stdout)
    return EXIT_OK
