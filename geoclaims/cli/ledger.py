"""``geoclaims ledger init | add | list | retract | history | log | export | timeline``: the ledger on the command line.

Registered by :mod:`geoclaims.cli.app` (its "ledger" section); a thin face over :class:`~geoclaims.ledger.Ledger`.
The ledger is ``--ledger URL``, else ``$GEOCLAIMS_LEDGER``, else ``ledger.gpkg`` in the current folder.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

__all__ = ["add_parser", "DEFAULT_LEDGER"]

DEFAULT_LEDGER = "ledger.gpkg"


def add_parser(sub: Any) -> None:
    """Add the ``ledger`` command and its subcommands to the CLI's subparsers."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--ledger", "-l", default=os.environ.get("GEOCLAIMS_LEDGER") or DEFAULT_LEDGER,
                        help="a .gpkg file or postgresql://user@host/database (default: $GEOCLAIMS_LEDGER, else "
                        f"{DEFAULT_LEDGER}); the password is best given as PGPASSWORD")
    who = argparse.ArgumentParser(add_help=False)
    who.add_argument("--by", help="who enters it (default: $GEOCLAIMS_USER, else your login name)")
    pick = argparse.ArgumentParser(add_help=False)
    pick.add_argument("--as-of", help="the ledger as it was then: YYYY-MM-DD (end of day, UTC), an ISO time, or a "
                      "batch number")
    pick.add_argument("--region", help="claims in this oblast or country (any spelling), or W,S,E,N")
    pick.add_argument("--claimant", action="append", help="only this claimant (repeatable)")
    pick.add_argument("--since", help="only claims dated on or after YYYY-MM-DD")

    ledger = sub.add_parser("ledger", help="a shared store of claims with history (GeoPackage or PostGIS)",
                            description="A shared claims ledger: every change is a revision with who, when and why; "
                            "the current view is the latest revision of each claim unless it was retracted.")
    cmds = ledger.add_subparsers(dest="ledger_command", metavar="SUBCOMMAND")
    ledger.set_defaults(func=lambda args: _help(ledger))

    c = cmds.add_parser("init", parents=[common], help="create a ledger (the .gpkg file, or the tables in PostGIS)")
    c.set_defaults(func=_init)
    c = cmds.add_parser("add", parents=[common, who], help="add claims files (one transaction each)",
                        description="Validate each file as `geoclaims build` does and add it in one transaction: "
                        "one bad row and nothing of that file is written.")
    c.add_argument("files", type=Path, nargs="+", metavar="FILE", help="claims file (.csv, .json, .geojson)")
    c.add_argument("--note", default="", help="a note on the batch (see `ledger log`)")
    c.add_argument("--encoding", default="auto", help="text encoding of the files (default: UTF-8 or a BOM)")
    c.add_argument("--accept-fuzzy", action="store_true", help="accept place names that match only by a guess")
    c.set_defaults(func=_add)
    c = cmds.add_parser("list", parents=[common, pick], help="the current claims (or those of --as-of)")
    c.add_argument("--format", choices=("table", "csv"), default="table")
    c.set_defaults(func=_list)
    c = cmds.add_parser("retract", parents=[common, who], help="take claims off the map, saying why")
    c.add_argument("claim_ids", nargs="+", metavar="CLAIM_ID")
    c.add_argument("--why", required=True, help="the reason, kept in the history")
    c.set_defaults(func=_retract)
    c = cmds.add_parser("history", parents=[common], help="every revision of a claim: who, when, what, why")
    c.add_argument("claim_id", metavar="CLAIM_ID")
    c.set_defaults(func=_history)
    c = cmds.add_parser("log", parents=[common], help="every batch: who added or retracted what, when")
    c.set_defaults(func=_log)
    c = cmds.add_parser("export", parents=[common, pick], help="write the claims to a file",
                        description=".csv/.json: the claims format with each place's lat/lon as entered (read_claims "
                        "and `ledger add` read it back); .gpkg/.geojson: a GIS layer with revision, who and when.")
    c.add_argument("--output", "-o", type=Path, required=True, help="output .csv, .json, .gpkg or .geojson")
    c.set_defaults(func=_export)
    c = cmds.add_parser("timeline", parents=[common, pick], help="build the timeline: areas, and control polygons",
                        description="Build the control timeline of the ledger's claims (as `geoclaims area` and "
                        "`geoclaims build` do for a file): print km² per side and status, and with -o write the "
                        "dated polygons.")
    c.add_argument("--method", "-m", choices=("territory", "footprint", "inferred"), default="inferred",
                   help="how claims become control (default: inferred, as for a claims file)")
    c.add_argument("--window-days", type=int, default=3, help="conflicting claims this close: contested (default 3)")
    c.add_argument("--freq", default="claims", help="D, W, MS or 'claims' (default: dates with claims)")
    c.add_argument("--side", choices=("UA", "RU"), help="only this side's areas")
    c.add_argument("--output", "-o", type=Path, help="also write the dated control polygons (.gpkg or .geojson)")
    c.set_defaults(func=_timeline)


def _help(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _open(args: argparse.Namespace, *, create: bool = False):
    from geoclaims.ledger import Ledger

    return Ledger(args.ledger, create=create)


def _picked(args: argparse.Namespace) -> dict[str, Any]:
    as_of: Any = args.as_of
    if as_of is not None and as_of.strip().isdigit():
        as_of = int(as_of)
    return dict(as_of=as_of, region=args.region, claimant=args.claimant, since=args.since)


def _init(args: argparse.Namespace) -> int:
    with _open(args, create=True) as ledger:
        print(f"created an empty ledger: {ledger.url}")
        print(f"next: geoclaims ledger add claims.csv --ledger {args.ledger if ledger.backend == 'gpkg' else 'URL'}")
    return 0


def _add(args: argparse.Namespace) -> int:
    import warnings

    with _open(args) as ledger:
        for path in args.files:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always", UserWarning)
                result = ledger.add(path, by=args.by, note=args.note, encoding=args.encoding,
                                    accept_fuzzy=args.accept_fuzzy)
            for w in caught:
                print(f"warning: {w.message}", file=sys.stderr)
            print(f"{path}: {result}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from geoclaims.cli.common import _write_table

    with _open(args) as ledger:
        gdf = ledger.to_geodataframe(**_picked(args))
    if args.format == "csv":
        sys.stdout.write(gdf.drop(columns="geometry").to_csv(index=False, lineterminator="\n"))
        return 0
    rows = [[r.claim_id, r.date, f"{r.side} {r.action}", " ".join(x for x in (r.qualifier, r.place) if x) or r.region,
             f"{r.claimant} ({r.status})", str(r.revision), r.entered_by, f"{r.entered_at:%Y-%m-%d %H:%M}"]
            for r in gdf.itertuples()]
    _write_table(["claim", "date", "what", "where", "claimant", "rev", "by", "entered (UTC)"], rows, sys.stdout)
    print(f"\n{len(gdf)} claims ({gdf['claim_id'].nunique()} ids) in {ledger.url}", file=sys.stderr)
    return 0


def _retract(args: argparse.Namespace) -> int:
    with _open(args) as ledger:
        ledger.retract(args.claim_ids, args.why, by=args.by)
        print(f"retracted {', '.join(args.claim_ids)}: {args.why}")
    return 0


def _history(args: argparse.Namespace) -> int:
    from geoclaims.cli.common import _write_table

    with _open(args) as ledger:
        h = ledger.history(args.claim_id)
    _write_table(["rev", "kind", "entered (UTC)", "by", "batch", "why", "claims"],
                 [[str(r.revision), r.kind, f"{r.entered_at:%Y-%m-%d %H:%M:%S}", r.entered_by, str(r.batch), r.why,
                   r.claims] for r in h.itertuples()], sys.stdout)
    return 0


def _log(args: argparse.Namespace) -> int:
    from geoclaims.cli.common import _write_table

    with _open(args) as ledger:
        log = ledger.log()
    _write_table(["batch", "entered (UTC)", "by", "kind", "claims", "source", "note"],
                 [[str(r.batch), f"{r.entered_at:%Y-%m-%d %H:%M:%S}", r.entered_by, r.kind, str(r.claims), r.source,
                   r.note] for r in log.itertuples()], sys.stdout)
    return 0


def _export(args: argparse.Namespace) -> int:
    with _open(args) as ledger:
        out = ledger.export(args.output, **_picked(args))
        print(f"wrote {out}")
    return 0


def _timeline(args: argparse.Namespace) -> int:
    from geoclaims.cli.common import _write_table
    from geoclaims.errors import InvalidArgument

    if args.window_days < -1:
        raise InvalidArgument(f"--window-days {args.window_days}: give days >= 0 (-1 disables)")
    with _open(args) as ledger:
        tl = ledger.timeline(**_picked(args), method=args.method,
                             window_days=None if args.window_days < 0 else args.window_days)
    if not tl.claims:
        print("the ledger holds no claims (for these options)", file=sys.stderr)
        return 0
    from geoclaims.cli.common import _without_flat_band

    series = _without_flat_band(tl.area_series(side=args.side, freq=args.freq))
    print(f"km² beyond the international border ({tl.method} method), {len(tl.claims)} claims from {ledger.url}:\n")
    _write_table(["date", *series.columns], [[f"{d:%Y-%m-%d}", *(f"{v:,.1f}" for v in row)]
                                             for d, row in zip(series.index, series.to_numpy())], sys.stdout)
    summary = tl.unmapped_summary()
    if summary:
        print(f"note: {summary}", file=sys.stderr)
    if args.output:
        out = tl.to_file(args.output)
        print(f"wrote {out}: {len(tl.to_geodataframe())} dated polygons")
    return 0
