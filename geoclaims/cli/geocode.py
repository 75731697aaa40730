"""``geoclaims geocode``: settlement names resolved against the bundled gazetteer."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from geoclaims.cli.common import EXIT_OK, EXIT_UNRESOLVED, EXIT_USAGE, _print_table, _records, _stdin_text


def add_parsers(sub: Any) -> None:
    """Add ``geocode`` to the CLI's subparsers."""
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
