"""Command-line interface: ``geoclaims geocode | extract | build | area | diff | render | observed | compare |
evaluate | demo | ledger``.

A thin face over the public functions; user errors print one clear message
and exit with a non-zero code, never a traceback.

Exit codes: 0 success; 1 a name could not be resolved (or, with ``--strict``,
was ambiguous); 2 bad usage or input.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from pathlib import Path
from typing import Sequence, TextIO

from geoclaims._version import __version__
from geoclaims.errors import GeoclaimsError

__all__ = ["main"]

EXIT_OK, EXIT_UNRESOLVED, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code.

    Bad input of any kind (files, values, options) ends in one message on stderr and exit 2,
    never a traceback. Ctrl-C and SIGTERM end the run with exit 130 / 143 after the output
    files being written are cleaned up (temporary files removed, finished files kept).
    """
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    with _terminate_as_exit():
        try:
            return args.func(args)
        except GeoclaimsError as exc:
            print(f"geoclaims: error: {exc}", file=sys.stderr)
            return EXIT_USAGE
        except BrokenPipeError:  # e.g. `geoclaims geocode ... | head`
            return EXIT_OK
        except KeyboardInterrupt:
            print("geoclaims: interrupted", file=sys.stderr)
            return 130
        except _Terminated:
            print("geoclaims: terminated", file=sys.stderr)
            return 143


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread so that cleanup (``finally``, temporary files) runs."""


@contextlib.contextmanager
def _terminate_as_exit():
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def handler(signum, frame):  # noqa: ARG001
        raise _Terminated()

    old = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, old)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="geoclaims",
        description="Map claimed territorial control: geocode settlement names offline, turn dated claims "
        "into control polygons, measure and compare them.",
    )
    p.add_argument("--version", action="version", version=f"geoclaims {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    g = sub.add_parser(
        "geocode",
        help="resolve settlement names against the bundled gazetteer",
        description="Resolve settlement names (any spelling or script) against the bundled offline "
        "gazetteer. Names given together are assumed to lie close together.",
    )
    g.add_argument("names", nargs="*", metavar="NAME", help="settlement names")
    g.add_argument("--file", "-f", type=Path, action="append", default=[],
                   help="read names from a file, one per line ('#' starts a comment; '-' is stdin)")
    g.add_argument("--country", "-c", action="append", help="keep places in this country (repeatable)")
    g.add_argument("--region", "-r", action="append", help="keep places in this oblast (repeatable)")
    g.add_argument("--near", "-n", help="rank by distance from this place name or 'LAT,LON'")
    g.add_argument("--format", choices=("table", "csv", "geojson"), default="table", help="output format (default: table)")
    g.add_argument("--strict", action="store_true",
                   help="exit 1 when a name is ambiguous or matches only by a guess (skeleton/fuzzy)")
    g.add_argument("--no-mutual", action="store_true", help="do not settle ambiguous names by proximity to the others")
    g.add_argument("--encoding", default="auto", help="encoding of --file (default: UTF-8, or a byte-order mark)")
    g.set_defaults(func=_cmd_geocode)

    x = sub.add_parser(
        "extract", help="find candidate claims in a report (text or HTML) and write them as a claims file",
        description="Read a news report or assessment (English, Russian or Ukrainian; text or HTML) and write the "
        "candidate claims it contains in the claims format, with the sentence each came from (quote), its span "
        "and a confidence, for a person to review before 'geoclaims build'.")
    x.add_argument("article", type=Path, metavar="ARTICLE", help="the report ('-' reads stdin)")
    x.add_argument("--published", help="publication date YYYY-MM-DD (resolves 'on Jan. 5', 'last month', ...)")
    x.add_argument("--region", help="oblast or country the report is about (settles ambiguous names)")
    x.add_argument("--source-url", default="", help="URL of the report, written into every claim")
    x.add_argument("--output", "-o", type=Path, help="write the claims CSV here (default: stdout)")
    x.add_argument("--min-confidence", type=_unit_interval, default=0.0,
                   help="drop candidates below this confidence (0 to 1)")
    x.add_argument("--encoding", default="auto", help="encoding of the report (default: UTF-8, or a byte-order mark)")
    x.set_defaults(func=_cmd_extract)

    def claims_parser(name: str, help: str, description: str) -> argparse.ArgumentParser:
        c = sub.add_parser(name, help=help, description=description)
        c.add_argument("claims", type=Path, metavar="CLAIMS", help="claims file (.csv, .json, .geojson)")
        c.add_argument("--perspective", "-p", default="all",
                       help="all (default), assessed, UA, RU (that side's claimants), or a claimant's name")
        c.add_argument("--method", "-m", choices=("territory", "footprint", "inferred"), default="inferred",
                       help="inferred (default): also infer the land between claimed places, with an uncertainty "
                       "band; territory: each claim covers its place's territory cell; footprint: its built-up "
                       "footprint")
        c.add_argument("--window-days", type=_window_days, default=3,
                       help="conflicting claims this close make a place contested (default 3; -1 disables)")
        c.add_argument("--baseline", type=Path, help="GeoJSON/GeoPackage of initial control (a 'side' column)")
        _claims_file_options(c)
        return c

    b = claims_parser("build", "build the timeline and export dated control polygons",
                      "Build the control timeline from a claims file and write it as GeoPackage or GeoJSON "
                      "with valid_from/valid_to dates (QGIS temporal controller).")
    b.add_argument("--output", "-o", type=Path, required=True, help="output .gpkg or .geojson")
    b.add_argument("--areas", type=Path, help="also write the daily area series as CSV")
    b.set_defaults(func=_cmd_build)

    a = claims_parser("area", "print the area (km²) per side over time",
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

    df = claims_parser("diff", "areas gained and lost between two dates, with the claims behind them",
                       "Areas each side gained and lost through the claims dated DATE1 to DATE2 (both "
                       "included), with km² and the claim responsible, then the settlements that changed hands.")
    df.add_argument("date1", metavar="DATE1")
    df.add_argument("date2", metavar="DATE2")
    df.add_argument("--format", choices=("table", "csv", "geojson"), default="table")
    df.set_defaults(func=_cmd_diff)

    r = claims_parser("render", "write an HTML map per day and an index with a time slider",
                      "Render one HTML page per day (map, km² per side, changes with their claims, that day's "
                      "claims) and an index.html with a time slider, an area chart and a table of days. Pages "
                      "work offline.")
    _render_options(r)
    r.add_argument("--out", "-o", type=Path, required=True, help="output folder (created if needed)")
    r.add_argument("--days", default="claims", choices=("claims", "all"),
                   help="a page for every date with claims (default) or every day from first to last")
    r.add_argument("--from", dest="start", help="first date (YYYY-MM-DD)")
    r.add_argument("--to", dest="end", help="last date (YYYY-MM-DD)")
    r.add_argument("--title", default="geoclaims: claimed control", help="page title")
    r.add_argument("--png", action="store_true",
                   help="also write a publication map per day, DIR/YYYY-MM-DD.png (1200 px wide), linked from its page")
    ro = r.add_argument_group("observed maps to compare with (drawn as an outline on every page and the slider)")
    ro.add_argument("--observed", type=Path, metavar="SNAPSHOTS",
                    help="folder, .zip, or a file with valid_from/valid_to (as for 'geoclaims observed')")
    ro.add_argument("--preset", choices=("deepstate", "geoclaims"), help="how the snapshots' features become control")
    ro.add_argument("--region", help="keep only this oblast or country of the snapshots (any spelling), or W,S,E,N")
    ro.add_argument("--date-property", help="take each snapshot's date from this property, not the file name")
    ro.add_argument("--strict", action="store_true", help="stop at the first bad snapshot file instead of skipping it")
    ro.add_argument("--workers", type=int, help="parse snapshot files in this many processes")
    r.set_defaults(func=_cmd_render)

    def snapshot_options(c: argparse.ArgumentParser) -> None:
        c.add_argument("snapshots", type=Path, metavar="SNAPSHOTS",
                       help="folder, .zip, or a file with valid_from/valid_to")
        c.add_argument("--no-progress", action="store_true", help="no progress bar")
        c.add_argument("--preset", choices=("deepstate", "geoclaims"),
                       help="how features become control (default: 'side'/'status' properties, as geoclaims "
                       "build writes)")
        c.add_argument("--region", help="keep only this oblast or country (any spelling), or W,S,E,N in degrees")
        c.add_argument("--date-property", help="take each snapshot's date from this property, not the file name")
        c.add_argument("--strict", action="store_true", help="stop at the first bad file instead of skipping it")
        c.add_argument("--workers", type=int, help="parse files in this many processes (default: up to 4 for "
                       "archives of 50 files or more)")

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

    d = sub.add_parser(
        "demo",
        help="run the bundled Kursk example: geocode, build the timeline, print areas and changes, render maps",
        description="Geocode the seed report's place names (Kyiv Independent, 7 Jan 2025), build the "
        "timeline of the bundled Kursk claims, print areas and the changes of 5-7 Jan 2025, and render "
        "a map per claim day with an index (time slider, area chart).",
    )
    d.add_argument("--out", "-o", type=Path, default=Path("geoclaims-demo"),
                   help="folder for the maps (default: ./geoclaims-demo)")
    _render_options(d)
    d.set_defaults(func=_cmd_demo)

    # -- ledger (issue 17): geoclaims ledger init | add | list | retract | history | log | export | timeline --
    from geoclaims.cli.ledger import add_parser as add_ledger_parser

    add_ledger_parser(sub)
    return p


def _claims_file_options(c: argparse.ArgumentParser) -> None:
    c.add_argument("--on-error", choices=("raise", "collect"), default="raise",
                   help="raise (default): stop on bad rows; collect: report them and go on with the good ones")
    c.add_argument("--encoding", default="auto",
                   help="text encoding of the claims file (default: UTF-8, or a byte-order mark; e.g. cp1251)")
    c.add_argument("--accept-fuzzy", action="store_true",
                   help="accept place names that match only by a guess (skeleton or fuzzy match), with a warning")


def _unit_interval(text: str) -> float:
    try:
        x = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= x <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is not between 0 and 1")
    return x


def _window_days(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if n < -1:
        raise argparse.ArgumentTypeError(f"{n} is not valid: give days >= 0, or -1 to disable")
    return n


def _render_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--assets", choices=("inline", "folder", "cdn"), default="inline",
                   help="Leaflet embedded in every page (default; ~170 KB a page), once in OUT/assets/, "
                   "or from the CDN (needs network)")
    p.add_argument("--tiles", help="online tiles by xyzservices name (e.g. OpenStreetMap.Mapnik) beside the "
                   "offline basemap; pages then load tiles from the network")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


def _render(tl, args: argparse.Namespace, **kwargs) -> int:
    from geoclaims.web.render import render_daily

    try:
        result = render_daily(tl, args.out, tiles=args.tiles, assets=args.assets,
                              progress=False if args.no_progress else None, **kwargs)
    except GeoclaimsError:
        raise
    except ValueError as e:
        raise _Usage(str(e)) from None
    except OSError as e:
        raise _Usage(f"cannot write to {args.out}: {e.strerror or e}") from None
    if result.removed:
        print(f"removed {len(result.removed)} day pages of an earlier render", file=sys.stderr)
    print(f"wrote {len(result.pages)} day pages ({result.days[0]} .. {result.days[-1]}), "
          f"{result.bytes / 1e6:.1f} MB, in {result.seconds:.1f} s", file=sys.stderr)
    if result.pngs:
        print(f"wrote {len(result.pngs)} PNG maps ({result.pngs[0].name} .. {result.pngs[-1].name})", file=sys.stderr)
    print(result.index.resolve())
    return EXIT_OK


def _cmd_render(args: argparse.Namespace) -> int:
    observed = None
    if args.observed is None:
        given = [flag for flag, value in (("--preset", args.preset), ("--region", args.region),
                                          ("--date-property", args.date_property), ("--strict", args.strict),
                                          ("--workers", args.workers)) if value]
        if given:
            raise _Usage(f"{', '.join(given)} only apply to the observed maps: add --observed SNAPSHOTS")
    tl = _load_timeline(args)
    if args.observed is not None:
        args.snapshots = args.observed
        observed = _read_observed(args)
    return _render(tl, args, days=args.days, perspective=args.perspective, start=args.start, end=args.end,
                   title=args.title, observed=observed, png=args.png)


def _read_observed(args: argparse.Namespace):
    import warnings

    from geoclaims.observed.read import read_snapshots
    from geoclaims.observed.rules import SnapshotError, SnapshotWarning

    region = args.region  # a name, or "W,S,E,N" (geoclaims.places.boundaries.region_geometry)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SnapshotWarning)
        try:
            obs = read_snapshots(args.snapshots, preset=args.preset, region=region, date_property=args.date_property,
                                 on_error="raise" if args.strict else "warn", workers=args.workers,
                                 progress=False if args.no_progress else None)
        except SnapshotError as e:
            raise _Usage(str(e)) from None
        except (ValueError, TypeError) as e:
            raise _Usage(str(e)) from None
    for w in caught:
        if issubclass(w.category, SnapshotWarning):
            print(f"warning: {w.message}", file=sys.stderr)
    return obs


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
    from geoclaims.claims.read import read_claims
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
    from geoclaims.observed.evaluation import agreement, nowcast
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


def _without_flat_band(series):
    """A table for people: the band columns only where there is a band (method 'inferred')."""
    flat = [c for c in series.columns if c.endswith(("_total_min", "_total_max"))
            and (series[c] - series[c.rsplit("_", 1)[0]]).abs().max() < 1e-9]
    return series.drop(columns=flat)


def _num(x, digits: int = 2) -> str:
    return "" if x is None else f"{x:.{digits}f}"


def _pct(x, *, signed: bool = True) -> str:
    import math

    if x is None:
        return ""
    return "inf" if math.isinf(x) else f"{x:+.0%}" if signed else f"{x:.0%}"


def _cmd_extract(args: argparse.Namespace) -> int:
    from geoclaims.extract import Extraction, extract_claims

    from geoclaims._input import read_text

    if str(args.article) == "-":
        text = _stdin_text(args.encoding)
    else:
        text = read_text(args.article, what="report", encoding=args.encoding)
    try:
        ex = extract_claims(text, published=args.published, region=args.region, source_url=args.source_url)
    except ValueError as e:
        raise _Usage(str(e)) from None
    if args.min_confidence > 0:
        ex = Extraction(ex.text, tuple(c for c in ex.claims if c.confidence >= args.min_confidence),
                        ex.unknown_places, ex.skipped, ex.published)
    if args.output:
        ex.write(args.output)
        print(f"wrote {args.output}: {len(ex.claims)} candidate claims", file=sys.stderr)
    else:
        ex.to_dataframe().to_csv(sys.stdout, index=False, lineterminator="\n")
    for line in ex.report().splitlines()[1:]:
        print(f"note: {line}", file=sys.stderr)
    if ex.published is None:
        print("note: no publication date given (--published): claims without a date in the text have none",
              file=sys.stderr)
    return EXIT_OK


def _stdin_text(encoding: str) -> str:
    """Standard input as text, decoded like a file (a clear error for bytes that are not text)."""
    from geoclaims._input import decode

    raw = getattr(sys.stdin, "buffer", None)
    return decode(raw.read(), source="<stdin>", encoding=encoding) if raw is not None else sys.stdin.read()


def _read_names(args: argparse.Namespace) -> list[str]:
    from geoclaims._input import read_text

    names = list(args.names)
    for path in args.file:
        if str(path) == "-":
            names.extend(_names_from(_stdin_text(args.encoding)))
        else:
            names.extend(_names_from(read_text(path, what="names file", encoding=args.encoding)))
    return names


def _names_from(text: "str | TextIO") -> list[str]:
    out = []
    for line in (text.splitlines() if isinstance(text, str) else text):
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


class _Usage(GeoclaimsError, ValueError):
    """A usage error the CLI reports as one line (exit 2)."""


def _near_arg(text: str | None):
    if text is None:
        return None
    parts = text.split(",")
    if len(parts) == 2:
        try:
            return (float(parts[0]), float(parts[1]))
        except ValueError:
            pass
    return text


def _cmd_geocode(args: argparse.Namespace) -> int:
    names = _read_names(args)
    if not names:
        print("geoclaims geocode: error: give at least one NAME or --file", file=sys.stderr)
        return EXIT_USAGE
    return _geocode_and_print(
        names, country=args.country, region=args.region, near=_near_arg(args.near), fmt=args.format,
        strict=args.strict, mutual=not args.no_mutual,
    )


def _cmd_demo(args: argparse.Namespace) -> int:
    from geoclaims._resources import data_file
    from geoclaims.claims.read import read_claims
    from geoclaims.timeline.core import Timeline

    path = data_file("seed-places.txt")
    with open(path, encoding="utf-8") as fh:
        names = _names_from(fh)
    print("1. Place names of the seed report (Kyiv Independent, 7 Jan 2025), geocoded offline:\n")
    code = _geocode_and_print(names, country=None, region=None, near=None, fmt="table", strict=False, mutual=True)
    claims = read_claims(data_file("kursk-claims.csv"))
    print(f"\n2. The Kursk claims set ({len(claims)} claims), built into a timeline:")
    tl = Timeline.from_claims(claims)
    print(f"   {tl!r}\n   {tl.unmapped_summary()}\n")
    print("   km² beyond the international border, end of each month (and the last claim date):\n")
    series = _without_flat_band(tl.area_series(freq="ME"))
    _write_table(["date", *series.columns], [[f"{d:%Y-%m-%d}", *(f"{v:,.0f}" for v in row)] for d, row in
                                             zip(series.index, series.to_numpy())], sys.stdout, indent="   ")
    print("\n3. What changed through the seed report's dates, 2025-01-05 to 2025-01-07:\n")
    _print_diff(tl, "2025-01-05", "2025-01-07", "all", sys.stdout)
    print("\n4. Claimed areas against the map:\n")
    _print_check(tl.area_check(), sys.stdout)
    print(f"\n5. A map per claim day and an index with a time slider, in {args.out}/ (open index.html):\n",
          flush=True)
    _render(tl, args, title="geoclaims demo: the Kursk incursion, August 2024 to April 2025")
    print("\nMore: geoclaims area|diff|build|render examples/kursk/claims.csv --help", file=sys.stderr)
    return code


def _read_claims_file(args: argparse.Namespace):
    """The claims file of a command, read with its --on-error / --encoding / --accept-fuzzy options."""
    import warnings

    from geoclaims.claims.read import read_claims

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UserWarning)
        claims = read_claims(args.claims, on_error=args.on_error, encoding=args.encoding,
                             accept_fuzzy=args.accept_fuzzy)
    for w in caught:
        print(f"warning: {w.message}", file=sys.stderr)
    if claims.problems:
        print(claims.report().split("\n", 1)[0], file=sys.stderr)
        for p in claims.problems:
            print(f"  skipped: {p}", file=sys.stderr)
    return claims


def _load_timeline(args: argparse.Namespace):
    from geoclaims.timeline.core import Timeline

    claims = _read_claims_file(args)
    window = None if args.window_days is not None and args.window_days < 0 else args.window_days
    try:
        tl = Timeline.from_claims(claims, method=args.method, window_days=window, baseline=args.baseline)
        from geoclaims.timeline.perspective import Perspective

        Perspective.parse(args.perspective, tl.claimants)
    except ValueError as e:
        raise _Usage(str(e)) from None
    summary = tl.unmapped_summary()
    if summary:
        print(f"note: {summary}", file=sys.stderr)
    return tl


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


def _geocode_and_print(names, *, country, region, near, fmt, strict, mutual) -> int:
    from geoclaims.places.gazetteer import Gazetteer
    from geoclaims.places.geocoding import geocode_all

    gdf = geocode_all(names, country=country, region=region, near=near, mutual=mutual)
    out = sys.stdout
    if fmt == "csv":
        gdf.drop(columns="geometry").to_csv(out, index=False, lineterminator="\n")
    elif fmt == "geojson":
        out.write(gdf.to_json(drop_id=True, ensure_ascii=False))
        out.write("\n")
    else:
        _print_table(gdf, out)
    code = EXIT_OK
    gaz = Gazetteer.default()
    suggested = 0
    for row in _records(gdf):
        if row["place_id"] is None:
            suggested += 1  # each suggestion scans the index: the first 20 names get one
            hint = _suggestions(gaz, row["query"], context=bool(country or region or near)) if suggested <= 20 else ""
            print(f"geoclaims: no place matches {row['query']!r}{hint}", file=sys.stderr)
            code = EXIT_UNRESOLVED
        elif row["uncertain"]:
            print(f"geoclaims: {row['query']!r} matched only by a guess: {row['name']} ({row['admin1'] or row['country']}, "
                  f"{row['reason']} {row['score']:.2f}); check the spelling"
                  + ("" if strict else " (--strict fails on guesses)"), file=sys.stderr)
            if strict:
                code = EXIT_UNRESOLVED
        elif row["ambiguous"]:
            print(f"geoclaims: {row['query']!r} is ambiguous; also: {row['candidates']} "
                  "(narrow with --region, --country or --near)", file=sys.stderr)
            if strict:
                code = EXIT_UNRESOLVED
    return code


def _suggestions(gaz, query: str, *, context: bool) -> str:
    parts = []
    if context:
        anywhere = gaz.lookup(query, limit=3)
        if anywhere:
            parts.append("outside the given country/region/near context: "
                         + ", ".join(f"{m.place.label}" for m in anywhere))
    close = gaz.suggest(query, limit=3)
    if close:
        parts.append("closest names: " + ", ".join(f"{m.matched_name} ({m.place.label})" for m in close))
    return "; " + "; ".join(parts) if parts else ""


def _records(gdf) -> list[dict]:
    """Rows as dicts with missing values (NaN, pd.NA) as None."""
    import pandas as pd

    return [
        {k: (None if not isinstance(v, (list, tuple)) and pd.isna(v) else v) for k, v in rec.items()}
        for rec in gdf.drop(columns=[c for c in ("geometry",) if c in gdf.columns]).to_dict("records")
    ]


def _print_table(gdf, out: TextIO) -> None:
    headers = ["query", "place", "region", "lat", "lon", "±km", "score", "match", "note"]
    rows = []
    for r in _records(gdf):
        if r["place_id"] is None:
            rows.append([r["query"], "—", "", "", "", "", "", "not found", r["note"]])
            continue
        flag = (" (guess)" if r["uncertain"] else "") + (" (ambiguous)" if r["ambiguous"] else "")
        region = ", ".join(x for x in (r["admin1"], r["country"]) if x)
        located = r["lat"] is not None
        rows.append([
            r["query"], r["name"], region,
            f"{r['lat']:.5f}" if located else "—",
            f"{r['lon']:.5f}" if located else "—",
            f"{r['uncertainty_km']:g}" if located else "",
            f"{r['score']:.2f}", f"{r['reason']}{flag}", r["note"] or "",
        ])
    _write_table(headers, rows, out)


def _write_table(headers: Sequence[str], rows: Sequence[Sequence[object]], out: TextIO, *, indent: str = "") -> None:
    """Plain aligned columns; the last column is not padded."""
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    widths[-1] = 0
    for line in [headers, *rows]:
        out.write(indent + "  ".join(str(x).ljust(w) for x, w in zip(line, widths)).rstrip() + "\n")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
