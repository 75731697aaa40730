"""``geoclaims render | demo``: a map page per day and an index; the bundled Kursk example end to end."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from geoclaims.cli.build import _print_check, _print_diff
from geoclaims.cli.common import (
    EXIT_OK, _Usage, _load_timeline, _num, _pct, _read_claims_file, _read_observed, _records, _render_options,
    _without_flat_band,
    _write_table, claims_parser, snapshot_window_options,
)
from geoclaims.cli.geocode import _geocode_and_print, _names_from
from geoclaims.errors import GeoclaimsError


def add_render_parser(sub: Any) -> None:
    """Add ``render`` to the CLI's subparsers."""
    r = claims_parser(sub, "render", "write an HTML map per day and an index with a time slider",
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
    snapshot_window_options(ro)
    r.set_defaults(func=_cmd_render)


def add_demo_parser(sub: Any) -> None:
    """Add ``demo`` to the CLI's subparsers."""
    d = sub.add_parser(
        "demo",
        help="run the bundled Kursk example: geocode, build the timeline, print areas and changes, render maps",
        description="Geocode the seed report's place names (Kyiv Independent, 7 Jan 2025), build the "
        "timeline of the bundled Kursk claims, print areas and the changes of 5-7 Jan 2025, and render "
        "a map per claim day with an index (time slider, area chart).",
    )
    d.add_argument("--out", "-o", type=Path, default=Path("geoclaims-demo"),
                   help="folder for the maps (default: ./geoclaims-demo)")
    d.add_argument("--observed", type=Path, metavar="DEEPSTATE",
                   default=Path(os.environ[ARCHIVE_ENV]) if os.environ.get(ARCHIVE_ENV) else None,
                   help="the geojsons/ folder (or a .zip) of the DeepStateMap archive "
                   "(github.com/DanielRose2310/deepstatemaps-history): the demo then measures the claims map "
                   f"against it and draws it on every page (default: ${ARCHIVE_ENV}, when set)")
    _render_options(d)
    d.set_defaults(func=_cmd_demo)


#: the environment variable that points the demo (and the optional tests) at the DeepStateMap archive
ARCHIVE_ENV = "GEOCLAIMS_DEEPSTATE_ARCHIVE"


def _demo_observed(args: argparse.Namespace, tl) -> Any:
    """The DeepStateMap snapshots of the claims' months in Kursk Oblast, and the agreement table (or None)."""
    import datetime as dt

    from geoclaims.observed.evaluation import agreement

    if args.observed is None:
        print(f"\n   (no observed maps to compare with: set {ARCHIVE_ENV} to the geojsons/ folder of the DeepStateMap "
              "archive, or give --observed)")
        return None
    ns = argparse.Namespace(snapshots=args.observed, preset="deepstate", region="Kursk Oblast", date_property=None,
                            strict=False, workers=None, no_progress=args.no_progress,
                            snapshots_from=tl.start, snapshots_to=tl.end + dt.timedelta(days=1))
    print(f"\n   Observed maps (DeepStateMap, {args.observed}), {tl.start} .. {tl.end}, Kursk Oblast:", flush=True)
    obs = _read_observed(ns)
    result = agreement(tl, obs, "ME", region="Kursk Oblast")
    _write_table(["date", "claims map km²", "band", "observed held .. held + grey", "error", "IoU"],
                 [[f"{r['date']}", f"{r['km2']:,.0f}", f"{r['km2_min']:,.0f}-{r['km2_max']:,.0f}",
                   f"{r['observed_km2']:,.0f} .. {r['observed_with_grey_km2']:,.0f}", _pct(r["area_error"]),
                   _num(r["iou"])] for r in _records(result.table) if r["side"] == "UA"],
                 sys.stdout, indent="   ")
    if "UA" not in result.summary.index:  # maps with no Ukrainian-held land in Kursk Oblast on those dates
        print("\n   These observed maps show no Ukrainian-held land in Kursk Oblast on the claims' dates.")
        return obs
    s = result.summary.loc["UA"]
    print(f"\n   Ukraine-held land: mean |area error| {_pct(s['mean_abs_area_error'], signed=False)}, "
          f"{s['within_tolerance']:.0%} of month ends within {result.tolerance:.0%}, mean IoU {_num(s['mean_iou'])}. "
          "The pages draw the observed map as an outline.")
    return obs


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
                                          ("--workers", args.workers), ("--snapshots-from", args.snapshots_from),
                                          ("--snapshots-to", args.snapshots_to)) if value]
        if given:
            raise _Usage(f"{', '.join(given)} only apply to the observed maps: add --observed SNAPSHOTS")
    tl = _load_timeline(args)
    if args.observed is not None:
        args.snapshots = args.observed
        observed = _read_observed(args)
    return _render(tl, args, days=args.days, perspective=args.perspective, start=args.start, end=args.end,
                   title=args.title, observed=observed, png=args.png)


def _cmd_demo(args: argparse.Namespace) -> int:
    from geoclaims._resources import data_file
    from geoclaims.timeline.core import Timeline

    if args.observed is not None and not Path(args.observed).exists():  # before minutes of work, not after
        raise _Usage(f"--observed {args.observed}: no such file or folder (give the geojsons/ folder of the "
                     f"DeepStateMap archive, or unset {ARCHIVE_ENV})")
    path = data_file("seed-places.txt")
    with open(path, encoding="utf-8") as fh:
        names = _names_from(fh)
    print("1. Place names of the seed report (Kyiv Independent, 7 Jan 2025), geocoded offline:\n")
    code = _geocode_and_print(names, country=None, region=None, near=None, fmt="table", strict=False, mutual=True)
    claims = _read_claims_file(argparse.Namespace(claims=data_file("kursk-claims.csv"), on_error="raise",
                                                  encoding="auto", accept_fuzzy=False))  # warnings as 'warning: ...'
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
    observed = _demo_observed(args, tl)
    print(f"\n5. A map per claim day and an index with a time slider, in {args.out}/ (open index.html):\n",
          flush=True)
    _render(tl, args, title="geoclaims demo: the Kursk incursion, August 2024 to April 2025", observed=observed)
    print("\nMore: geoclaims area|diff|build|render examples/kursk/claims.csv --help", file=sys.stderr)
    return code
