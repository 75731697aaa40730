"""Command-line interface: ``geoclaims geocode | extract | build | area | diff | render | observed | compare |
evaluate | demo | ledger``.

A thin face over the public functions; user errors print one clear message
and exit with a non-zero code, never a traceback. Each command group is a module of its own
(:mod:`~geoclaims.cli.geocode`, :mod:`~geoclaims.cli.extract`, :mod:`~geoclaims.cli.build`,
:mod:`~geoclaims.cli.render`, :mod:`~geoclaims.cli.observed`, :mod:`~geoclaims.cli.ledger`) that adds its
subcommands to the parser; :mod:`~geoclaims.cli.common` holds what they share.

Exit codes: 0 success; 1 a name could not be resolved (or, with ``--strict``,
was ambiguous); 2 bad usage or input.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from typing import Sequence

from geoclaims._version import __version__
from geoclaims.cli import build, extract, geocode, ledger, observed, render
from geoclaims.cli.common import EXIT_OK, EXIT_USAGE
from geoclaims.errors import GeoclaimsError

__all__ = ["main"]


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
    # in the order `geoclaims --help` lists them
    geocode.add_parsers(sub)
    extract.add_parsers(sub)
    build.add_parsers(sub)
    render.add_render_parser(sub)
    observed.add_parsers(sub)
    render.add_demo_parser(sub)
    # -- ledger (issue 17): geoclaims ledger init | add | list | retract | history | log | export | timeline --
    ledger.add_parser(sub)
    return p


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
