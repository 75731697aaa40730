"""``geoclaims build | area | diff``: a claims file's timeline exported, measured, compared between two dates."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from geoclaims.cli.common import (
    EXIT_OK, _Usage, _load_timeline, _records, _without_flat_band, _write_table, claims_parser,
)


def add_parsers(sub: Any) -> None:
    """Add ``build``, ``area`` and ``diff`` to the CLI's subparsers."""
    b = claims_parser(sub, "build", "build the timeline and export dated control polygons",
                      "Build the control timeline from a claims file and write it as GeoPackage or GeoJSON "
                      "with valid_from/valid_to dates (QGIS temporal controller).")
    b.add_argument("--output", "-o", type=Path, required=True, help="output .gpkg or .geojson")
    b.add_argument("--areas", type=Path, help="also write the daily area series as CSV")
    b.set_defaults(func=_cmd_build)

    a = claims_parser(sub, "area", "print the area (km²) per side over time",
                      "Print km² per side and status for every day (or --freq), and optionally check the "
                      "claimed area figures against the map.")
    a.add_argument("--side", choices=("UA", "RU"), help="only this side")
    a.add_argument("--from", dest="start", help="first date (YYYY-MM-DD)")
    a.add_argument("--to", dest="end", help="last date (YYYY-MM-DD)")
    a.add_argument("--freq", default="D", help="D (daily, default), W, MS, or 'claims' (dates with claims)")
    a.add_argument("--region", help="count only the area inside this oblast or country (any spelling), or W,S,E,N")
    a.add_argument("--format", choices=("table", "csv"), default="table")
    a.add_argument("--output", "-o", type=Path, help="write CSV here instead of printing")
    a.add_argument("--check", action="store_true", help="also compare every area claim with the mapped area")
    a.set_defaults(func=_cmd_area)

    df = claims_parser(sub, "diff", "areas gained and lost between two dates, with the claims behind them",
                       "Areas each side gained and lost through the claims dated DATE1 to DATE2 (both "
                       "included), with km² and the claim responsible, then the settlements that changed hands.")
    df.add_argument("date1", metavar="DATE1")
    df.add_argument("date2", metavar="DATE2")
    df.add_argument("--format", choices=("table", "csv", "geojson"), default="table")
    df.set_defaults(func=_cmd_diff)


def _cmd_build(args: argparse.Namespace) -> int:
    tl = _load_timeline(args)
    try:
        out = tl.to_file(args.output, perspective=args.perspective)
    except ValueError as e:
        raise _Usage(str(e)) from None
    print(f"wrote {out}: {len(tl.to_geodataframe(perspective=args.perspective))} dated polygons from "
          f"{len(tl.claims)} claims ({tl.start} .. {tl.end}), perspective {args.perspective!r}")
    if args.areas:
        from geoclaims._io import atomic_write

        atomic_write(args.areas, tl.area_series(perspective=args.perspective).to_csv(float_format="%.3f").encode())
        print(f"wrote {args.areas}: daily area series")
    return EXIT_OK


def _cmd_area(args: argparse.Namespace) -> int:
    tl = _load_timeline(args)
    try:
        series = tl.area_series(side=args.side, freq=args.freq, perspective=args.perspective, start=args.start,
                                end=args.end, region=args.region)
    except ValueError as e:
        raise _Usage(str(e)) from None
    if args.output or args.format == "csv":
        text = series.to_csv(float_format="%.3f")
        if args.output:
            from geoclaims._io import atomic_write

            atomic_write(args.output, text.encode())
            print(f"wrote {args.output}: {len(series)} rows")
        else:
            sys.stdout.write(text)
    else:
        print(f"km² beyond the international border ({tl.method} method, perspective {args.perspective!r}):\n")
        series = _without_flat_band(series)
        _write_table(["date", *series.columns], [[f"{d:%Y-%m-%d}", *(f"{v:,.1f}" for v in row)] for d, row in
                                                 zip(series.index, series.to_numpy())], sys.stdout)
    if args.check:
        print()
        _print_check(tl.area_check(perspective=args.perspective), sys.stdout)
    return EXIT_OK


def _cmd_diff(args: argparse.Namespace) -> int:
    tl = _load_timeline(args)
    if args.format == "table":
        try:
            _print_diff(tl, args.date1, args.date2, args.perspective, sys.stdout)
        except ValueError as e:
            raise _Usage(str(e)) from None
        return EXIT_OK
    try:
        diff = tl.diff(args.date1, args.date2, perspective=args.perspective)
    except ValueError as e:
        raise _Usage(str(e)) from None
    if args.format == "csv":
        sys.stdout.write(diff.drop(columns="geometry").to_csv(index=False, float_format="%.3f"))
    else:
        diff["date"] = diff["date"].astype(str)
        sys.stdout.write(diff.to_json(drop_id=True) + "\n")
    return EXIT_OK


def _print_diff(tl, d1, d2, perspective, out: TextIO) -> None:
    diff = tl.diff(d1, d2, perspective=perspective)
    rows = [[r["side"], r["change"], f"{r['area_km2']:,.2f}", r["where"], r["claim_id"], str(r["date"] or ""),
             f"{r['claimant']} ({r['claim_status']})" if r["claimant"] else "", r["claim_ids"]]
            for r in _records(diff)]
    if rows:
        _write_table(["side", "change", "km²", "where", "claim", "date", "claimant (status)", "claims behind it"],
                     rows, out)
    else:
        out.write(f"no change of control from {d1} to {d2} ({diff.attrs['perspective']})\n")
    if diff.attrs.get("unmapped"):
        out.write(f"\nnot on the map: {diff.attrs['unmapped']}\n")
    changes = tl.changes(d1, d2, perspective=perspective)
    if len(changes):
        out.write("\nsettlements that changed hands:\n")
        _write_table(["date", "place", "from", "to", "claim", "claimant", "mapped"],
                     [[str(r["date"]), r["place"], r["from_side"] or "?", r["to_side"], r["claim_id"], r["claimant"],
                       "yes" if r["mapped"] else "no (no coordinates)"] for r in _records(changes)], out)


def _print_check(check, out: TextIO) -> None:
    _write_table(["date", "claim", "claimant", "side", "basis", "claimed km²", "mapped km²", "range", "ratio"],
                 [[str(r["date"]), r["claim_id"], r["claimant"], r["side"], r["basis"], f"{r['claimed_km2']:,.0f}",
                   f"{r['mapped_km2']:,.0f}", f"{r['mapped_low_km2']:,.0f}-{r['mapped_high_km2']:,.0f}",
                   f"{r['ratio']:.2f}"] for r in _records(check)], out)
