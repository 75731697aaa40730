"""Data flows one way: no module of geoclaims imports a module of a higher stage.

The ranks come from :data:`geoclaims._layers.RANKS` (ARCHITECTURE.md describes them). Every import
counts: at module level, inside functions, and under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from geoclaims._layers import RANKS
from tests.conftest import ROOT

PACKAGE = ROOT / "geoclaims"
MODULES = sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _group(path: Path) -> str:
    """The top-level module or subpackage a file belongs to ('places', '_io', '__init__')."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else Path(parts[0]).stem


def _target_group(dotted: str, names: list[str]) -> list[str]:
    """The groups an import of `dotted` (``from dotted import names``) reaches."""
    parts = dotted.split(".")
    if parts[0] != "geoclaims":
        return []
    if len(parts) > 1:
        return [parts[1]]
    out = []  # from geoclaims import x: a submodule or subpackage, else a name of the package itself
    for name in names or ["__init__"]:
        out.append(name if (PACKAGE / f"{name}.py").exists() or (PACKAGE / name).is_dir() else "__init__")
    return out


def _imports(path: Path, source: str | None = None):
    """(line, dotted module, imported names) of every import in a file, relative ones resolved."""
    text = path.read_text(encoding="utf-8") if source is None else source
    tree = ast.parse(text, filename=str(path))
    package = list(path.relative_to(ROOT).parts[:-1])  # the package a relative import starts from
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, []
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                dotted = ".".join(base + ([node.module] if node.module else []))
            else:
                dotted = node.module or ""
            yield node.lineno, dotted, [a.name for a in node.names]


def test_every_module_has_a_rank():
    missing = sorted({_group(p) for p in MODULES} - set(RANKS))
    assert not missing, f"modules without a rank in geoclaims/_layers.py RANKS: {missing}"


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_upward_import(path):
    own = _group(path)
    upward = []
    for line, dotted, names in _imports(path):
        for target in _target_group(dotted, names):
            if target in RANKS and RANKS[target] > RANKS[own]:
                upward.append(f"{path.relative_to(ROOT)}:{line}: {own} (rank {RANKS[own]}) imports {dotted}"
                              f"{' (' + ', '.join(names) + ')' if names else ''}, of {target} (rank {RANKS[target]})")
    assert not upward, "upward imports:\n" + "\n".join(upward)


def test_the_checker_sees_upward_imports():
    """The parser finds imports in functions and under TYPE_CHECKING, and resolves relative ones."""
    src = ("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from geoclaims.timeline import Timeline\n"
           "def f():\n    from ..web import maps\n    import geoclaims.cli\n    from geoclaims import __version__\n"
           "    from . import names\n")
    found = list(_imports(PACKAGE / "places" / "probe.py", src))
    targets = [t for _, dotted, names in found for t in _target_group(dotted, names)]
    assert targets == ["timeline", "web", "cli", "__init__", "places"]
