"""The module paths of geoclaims 0.1 (``geoclaims.gazetteer``, ``geoclaims.snapshots``, ...) for one release.

The modules moved into subpackages by stage (see ARCHITECTURE.md). Importing an old path, or
reaching it as an attribute of the package (``geoclaims.gazetteer``), still works and gives the
module at its new place, with a :class:`DeprecationWarning` that names that place. The old paths
go in the next release.

One table, :data:`MOVED` (and :data:`SPLIT` for the one module whose parts went to three stages),
serves both ways in: a meta-path finder for ``import geoclaims.x`` and
``from geoclaims.x import y``, and the package's ``__getattr__`` for ``geoclaims.x``.

Examples
--------
>>> import warnings
>>> with warnings.catch_warnings(record=True) as caught:
...     warnings.simplefilter("always")
...     from geoclaims.snapshots import read_snapshots
>>> str(caught[0].message)
'geoclaims.snapshots is deprecated: it moved to geoclaims.observed; import from there (or from geoclaims)'
"""

from __future__ import annotations

import importlib
import importlib.machinery
import sys
import warnings
from types import ModuleType

__all__ = ["MOVED", "install", "moved_module"]

#: old module path -> the module that holds its code now
MOVED: dict[str, str] = {
    # places
    **{f"geoclaims.{m}": f"geoclaims.places.{m}" for m in (
        "place", "names", "regions", "cognates", "name_index", "gazetteer_io", "gazetteer", "lookup_context",
        "reverse", "geonames", "georef", "postal", "geocoding", "geopy_geocoder", "place_checks", "boundaries")},
    # claims (geoclaims.claims is now the package; it re-exports the Claim model's names)
    "geoclaims.claims_io": "geoclaims.claims",
    # control (geoclaims.control is now the package; it re-exports the replay's names)
    "geoclaims.projection": "geoclaims.control.projection",
    "geoclaims.shapes": "geoclaims.control.shapes",
    "geoclaims.territory": "geoclaims.control.territory",
    "geoclaims.area": "geoclaims.control.area",
    "geoclaims.infer": "geoclaims.control.inference",
    # observed
    "geoclaims.snapshots": "geoclaims.observed",
    "geoclaims.compare": "geoclaims.observed.comparison",
    "geoclaims.evaluation": "geoclaims.observed",
    # web
    "geoclaims._web": "geoclaims.web.assets",
    **{f"geoclaims.{m}": f"geoclaims.web.{m}" for m in (
        "styles", "basemap", "maps", "dayview", "index_page", "render", "static")},
    # cli
    "geoclaims.ledger.cli": "geoclaims.cli.ledger",
}

#: old modules whose public names now live in several places: old path -> {name: its module}
SPLIT: dict[str, dict[str, str]] = {
    "geoclaims.distributed": {
        "extract_corpus": "geoclaims.extract.corpus",
        "map_snapshots": "geoclaims.observed.dask_archive",
        "snapshot_areas": "geoclaims.timeline.dask_areas",
    },
}


def _caller_stacklevel() -> int:
    """The stacklevel of the first frame outside the import machinery and this module (so the
    warning names the code that imported the old path, and pyproject's filter can turn it into an
    error there). ``warnings.warn`` skips the frozen importlib frames itself: they do not count."""
    level, frame = 1, sys._getframe(1)
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith("<frozen importlib"):
            frame = frame.f_back
            continue
        if name != __file__:
            break
        frame, level = frame.f_back, level + 1
    return level


def _warn(old: str, new: str) -> None:
    warnings.warn(f"{old} is deprecated: it moved to {new}; import from there (or from geoclaims)",
                  DeprecationWarning, stacklevel=_caller_stacklevel())


def moved_module(old: str) -> ModuleType:
    """The module at the new place of the old path `old`, with a DeprecationWarning.

    A module of :data:`SPLIT` comes back as a module of its own whose names load from their new
    places on first use.
    """
    if old in SPLIT:
        homes = SPLIT[old]
        _warn(old, ", ".join(sorted(set(homes.values()))))
        module = ModuleType(old, f"Deprecated: the names of {old} moved to " + ", ".join(
            f"{name} -> {home}" for name, home in homes.items()) + ".")

        def __getattr__(name: str):
            if name not in homes:
                raise AttributeError(f"module {old!r} has no attribute {name!r}")
            return getattr(importlib.import_module(homes[name]), name)

        module.__getattr__ = __getattr__  # type: ignore[attr-defined]
        module.__all__ = list(homes)  # type: ignore[attr-defined]
        return module
    new = MOVED[old]
    _warn(old, new)
    module = importlib.import_module(new)
    function = _SHADOWING.get(old)
    return _ModuleAndFunction(module, function) if function else module


#: old paths named like a function of the package: importing the path binds that name on the package to
#: the module (``import geoclaims.compare`` then ``geoclaims.compare(...)``), so the module must stay callable
_SHADOWING = {"geoclaims.compare": "compare"}


class _ModuleAndFunction(ModuleType):
    """The module of an old path that is also the name of a function of the package: its attributes are
    the module's, and calling it calls the function (as ``geoclaims.compare(claims, observed)`` did)."""

    def __init__(self, module: ModuleType, function: str) -> None:
        super().__init__(module.__name__, module.__doc__)
        self.__dict__["_module"] = module
        self.__dict__["_function"] = function

    def __getattr__(self, name: str):
        return getattr(self.__dict__["_module"], name)

    def __call__(self, *args, **kwargs):
        return getattr(self.__dict__["_module"], self.__dict__["_function"])(*args, **kwargs)


class _MovedFinder:
    """Finds the old paths of :data:`MOVED` and loads them as the modules at their new places (a meta-path
    finder and its loader: ``importlib.abc``'s protocols, without importing that module)."""

    def find_spec(self, fullname: str, path: object = None, target: object = None):  # noqa: D102
        if fullname not in MOVED and fullname not in SPLIT:
            return None
        return importlib.machinery.ModuleSpec(fullname, self)

    def create_module(self, spec):  # noqa: D102 - the default module; exec_module swaps it
        return None

    def exec_module(self, module: ModuleType) -> None:  # noqa: D102
        # the import system returns what sys.modules holds for the name once this returns: the new module
        sys.modules[module.__name__] = moved_module(module.__name__)


_FINDER = _MovedFinder()


def install() -> None:
    """Put the finder on ``sys.meta_path`` (once)."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.append(_FINDER)
