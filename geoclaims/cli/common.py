"""What the commands share: exit codes, common options, reading claims into a timeline, printing tables."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, Sequence, TextIO

from geoclaims.errors import GeoclaimsError

EXIT_OK, EXIT_UNRESOLVED, EXIT_USAGE = 0, 1, 2


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


def _num(x, digits: int = 2) -> str:
    return "" if x is None else f"{x:.{digits}f}"


def _pct(x, *, signed: bool = True) -> str:
    import math

    if x is None:
        return ""
    if math.isnan(x):  # no figure to set ours against (a mean over infinite errors, ...)
        return "n/a"
    return "inf" if math.isinf(x) else f"{x:+.0%}" if signed else f"{x:.0%}"


def _stdin_text(encoding: str) -> str:
    """Standard input as text, decoded like a file (a clear error for bytes that are not text)."""
    from geoclaims._input import decode

    raw = getattr(sys.stdin, "buffer", None)
    return decode(raw.read(), source="<stdin>", encoding=encoding) if raw is not None else sys.stdin.read()


class _Usage(GeoclaimsError, ValueError):
    """A usage error the CLI reports as one line (exit 2)."""


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


def _display_width(text: str) -> int:
    """Columns `text` takes in a terminal: two for each wide character (コンスタンチノフカ, 차소프 야르, 顿涅茨克),
    none for a combining mark (:func:`wcwidth.wcswidth`); its length where wcwidth cannot say."""
    from wcwidth import wcswidth

    width = wcswidth(text)
    return width if width >= 0 else len(text)


def _write_table(headers: Sequence[str], rows: Sequence[Sequence[object]], out: TextIO, *, indent: str = "") -> None:
    """Plain aligned columns, by the width each value takes on screen; the last column is not padded."""
    cells = [[str(x) for x in line] for line in [headers, *rows]]
    widths = [max(_display_width(x) for x in col) for col in zip(*cells)]
    widths[-1] = 0
    for line in cells:
        out.write(indent + "  ".join(x + " " * max(0, w - _display_width(x)) for x, w in zip(line, widths)).rstrip()
                  + "\n")


def claims_parser(sub: Any, name: str, help: str, description: str) -> argparse.ArgumentParser:
    """A subcommand that reads a claims file and builds its timeline (build, area, diff, render)."""
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


def snapshot_options(c: argparse.ArgumentParser) -> None:
    """The options of the commands that read observed snapshots (observed, compare, evaluate)."""
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
    snapshot_window_options(c)


def snapshot_window_options(c: Any) -> None:
    """``--snapshots-from`` / ``--snapshots-to``: read only the snapshots of a date window."""
    c.add_argument("--snapshots-from", metavar="DATE",
                   help="read only the snapshots dated from this day (YYYY-MM-DD); files named by other dates are "
                   "not opened")
    c.add_argument("--snapshots-to", metavar="DATE", help="read only the snapshots dated up to this day (inclusive)")


def _without_flat_band(series):
    """A table for people: the band columns only where there is a band (method 'inferred')."""
    flat = [c for c in series.columns if c.endswith(("_total_min", "_total_max"))
            and (series[c] - series[c.rsplit("_", 1)[0]]).abs().max() < 1e-9]
    return series.drop(columns=flat)


def _read_observed(args: argparse.Namespace):
    import warnings

    from geoclaims.observed.read import read_snapshots
    from geoclaims.observed.rules import SnapshotError, SnapshotWarning

    region = args.region  # a name, or "W,S,E,N" (geoclaims.places.boundaries.region_geometry)
    from geoclaims.timeline.dates import as_date

    window = []
    for flag, value in (("--snapshots-from", getattr(args, "snapshots_from", None)),
                        ("--snapshots-to", getattr(args, "snapshots_to", None))):
        try:
            window.append(as_date(value, flag) if value is not None else None)
        except ValueError as e:
            raise _Usage(str(e)) from None
    first, last = window
    if first is not None and last is not None and last < first:
        raise _Usage(f"--snapshots-to {last} is before --snapshots-from {first}; give a window whose end is on or "
                     "after its start")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", SnapshotWarning)
        try:
            obs = read_snapshots(args.snapshots, preset=args.preset, region=region, date_property=args.date_property,
                                 on_error="raise" if args.strict else "warn", workers=args.workers,
                                 progress=False if args.no_progress else None,
                                 start=first, end=last)
        except SnapshotError as e:
            raise _Usage(str(e)) from None
        except (ValueError, TypeError) as e:
            raise _Usage(str(e)) from None
    for w in caught:
        if issubclass(w.category, SnapshotWarning):
            print(f"warning: {w.message}", file=sys.stderr)
    return obs
