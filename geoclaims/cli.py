"""Command-line interface: ``geoclaims geocode`` and ``geoclaims demo``.

A thin face over the public functions; user errors print one clear message
and exit with a non-zero code, never a traceback.

Exit codes: 0 success; 1 a name could not be resolved (or, with ``--strict``,
was ambiguous); 2 bad usage or input.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence, TextIO

from geoclaims import __version__
from geoclaims.errors import GeoclaimsError

__all__ = ["main"]

EXIT_OK, EXIT_UNRESOLVED, EXIT_USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    try:
        return args.func(args)
    except GeoclaimsError as exc:
        print(f"geoclaims: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # e.g. `geoclaims geocode ... | head`
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="geoclaims",
        description="Map claimed territorial control: offline geocoding of settlement names.",
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
    g.add_argument("--strict", action="store_true", help="exit 1 when a name is ambiguous")
    g.add_argument("--no-mutual", action="store_true", help="do not settle ambiguous names by proximity to the others")
    g.set_defaults(func=_cmd_geocode)

    d = sub.add_parser(
        "demo",
        help="geocode the place names of the bundled seed report and print a table",
        description="Geocode the place names of the seed report (Kyiv Independent, 7 Jan 2025).",
    )
    d.set_defaults(func=_cmd_demo)
    return p


def _read_names(args: argparse.Namespace) -> list[str]:
    names = list(args.names)
    for path in args.file:
        if str(path) == "-":
            names.extend(_names_from(sys.stdin))
            continue
        try:
            with open(path, encoding="utf-8") as fh:
                names.extend(_names_from(fh))
        except OSError as exc:
            raise _Usage(f"cannot read names file {path}: {exc.strerror}") from None
        except UnicodeDecodeError as exc:
            raise _Usage(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    return names


def _names_from(fh: TextIO) -> list[str]:
    out = []
    for line in fh:
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


class _Usage(GeoclaimsError, ValueError):
    pass


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

    path = data_file("seed-places.txt")
    with open(path, encoding="utf-8") as fh:
        names = _names_from(fh)
    print("Place names of the seed report (Kyiv Independent, 7 Jan 2025), geocoded offline:\n")
    return _geocode_and_print(names, country=None, region=None, near=None, fmt="table", strict=False, mutual=True)


def _geocode_and_print(names, *, country, region, near, fmt, strict, mutual) -> int:
    from geoclaims.gazetteer import Gazetteer
    from geoclaims.geocoding import geocode_all

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
    for row in _records(gdf):
        if row["place_id"] is None:
            hint = _suggestions(gaz, row["query"], context=bool(country or region or near))
            print(f"geoclaims: no place matches {row['query']!r}{hint}", file=sys.stderr)
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
        for rec in gdf.drop(columns="geometry").to_dict("records")
    ]


def _print_table(gdf, out: TextIO) -> None:
    headers = ["query", "place", "region", "lat", "lon", "±km", "score", "match", "note"]
    rows = []
    for r in _records(gdf):
        if r["place_id"] is None:
            rows.append([r["query"], "—", "", "", "", "", "", "not found", r["note"]])
            continue
        flag = " (ambiguous)" if r["ambiguous"] else ""
        region = ", ".join(x for x in (r["admin1"], r["country"]) if x)
        located = r["lat"] is not None
        rows.append([
            r["query"], r["name"], region,
            f"{r['lat']:.5f}" if located else "—",
            f"{r['lon']:.5f}" if located else "—",
            f"{r['uncertainty_km']:g}" if located else "",
            f"{r['score']:.2f}", f"{r['reason']}{flag}", r["note"] or "",
        ])
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    widths[-1] = 0  # the note column is not padded
    for line in [headers, *rows]:
        out.write("  ".join(str(x).ljust(w) for x, w in zip(line, widths)).rstrip() + "\n")


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
