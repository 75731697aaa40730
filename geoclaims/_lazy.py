"""Lazy re-exports for the package and its subpackages: a public name loads its module on first use.

``import geoclaims`` (or ``import geoclaims.timeline``) then stays cheap: the modules behind the names,
and what they import, load only when a name is used.

Examples
--------
>>> __getattr__, __dir__ = lazy_exports("demo", {"fold": "geoclaims.places.names"})
>>> __getattr__("fold")("Bérdin")
'berdin'
>>> __dir__()
['fold']
"""

from __future__ import annotations

import importlib
import sys
from typing import Any, Callable

__all__ = ["lazy_exports"]


def lazy_exports(package: str, exports: dict[str, str]) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """A module ``__getattr__`` and ``__dir__`` for `package` that load each name of `exports`
    (name -> module) from its module on first access (and keep it in the package's namespace)."""

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        if package in sys.modules:
            setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(exports)

    return __getattr__, __dir__
