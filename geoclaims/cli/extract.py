"""``geoclaims extract``: candidate claims found in a report, written as a claims file for review."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from geoclaims.cli.common import EXIT_OK, _Usage, _stdin_text, _unit_interval


def add_parsers(sub: Any) -> None:
    """Add ``extract`` to the CLI's subparsers."""
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
