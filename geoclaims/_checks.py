"""Argument checks shared by several stages (kept here so no stage imports a higher one for them)."""

from __future__ import annotations

from typing import Any

from geoclaims.errors import InvalidArgument

__all__ = ["check_workers"]


def check_workers(workers: Any) -> None:
    """``workers`` must be None or a number of processes >= 1.

    Examples
    --------
    >>> check_workers(2)
    >>> check_workers(0)
    Traceback (most recent call last):
    ...
    geoclaims.errors.InvalidArgument: workers=0 is not valid; give a number of processes >= 1 (or None)
    """
    if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
        raise InvalidArgument(f"workers={workers!r} is not valid; give a number of processes >= 1 (or None)")
