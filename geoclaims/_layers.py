"""The stages of geoclaims, lowest first, and which may import which: the one table that
ARCHITECTURE.md describes and ``tests/test_architecture.py`` enforces.

A module may import modules of its own stage and of any lower rank, never of a higher one; the
test parses every import (module level, inside functions, under ``TYPE_CHECKING``) and fails on an
upward one. Keys are the top-level modules and subpackages of ``geoclaims``.
"""

from __future__ import annotations

__all__ = ["STAGES", "RANKS", "rank_of"]

#: rank -> (stage, what it owns)
STAGES: dict[int, tuple[str, str]] = {
    0: ("base", "errors, atomic output, input decoding, argument checks, bundled data paths, HTML escaping"),
    1: ("places", "name keys, Place, regions, boundaries, the gazetteer, geocoding"),
    2: ("claims", "the Claim model, claim files (formats, validation, writing)"),
    3: ("extract", "text -> candidate claims"),
    4: ("control", "projection, claim shapes, territory cells, the replay, inference, areas"),
    5: ("timeline", "the Timeline and its queries, exports and display interface"),
    6: ("observed", "snapshot archives, comparison with claims, agreement"),
    7: ("ledger", "a shared store of claims with history"),
    8: ("web", "maps, day pages, static plots, the Timeline display backend"),
    9: ("cli", "the geoclaims command"),
    10: ("package", "geoclaims/__init__.py, the assembly point, and __main__"),
}

#: top-level module or subpackage of geoclaims -> its rank in :data:`STAGES`
RANKS: dict[str, int] = {
    "errors": 0, "_io": 0, "_input": 0, "_checks": 0, "_resources": 0, "_html": 0, "_version": 0, "_dask": 0,
    "_layers": 0, "_lazy": 0,
    "places": 1,
    "claims": 2,
    "extract": 3,
    "control": 4,
    "timeline": 5,
    "observed": 6,
    "ledger": 7,
    "web": 8,
    "cli": 9,
    "__init__": 10, "__main__": 10, "_compat": 10,
}


def rank_of(top: str) -> int:
    """The rank of a top-level module or subpackage name (KeyError for one not in the table).

    Examples
    --------
    >>> rank_of("places") < rank_of("timeline") < rank_of("web")
    True
    """
    return RANKS[top]
