"""Stage 9, the ``geoclaims`` command: a thin face over the public functions.

One module per command group (build/area/diff, geocode, render/demo, observed/compare/evaluate,
extract, ledger) beside the parser and :func:`main`. May import every lower stage.
"""

from geoclaims.cli.app import main

__all__ = ["main"]
