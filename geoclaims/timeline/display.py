"""How a :class:`~geoclaims.timeline.Timeline` is shown: ``explore``, ``plot`` and the Jupyter view go
through a display backend, found by name the way pandas' ``DataFrame.plot`` finds matplotlib.

The timeline stage draws nothing itself: maps belong to a higher stage (:mod:`geoclaims.web`), which
it may not import. A backend is a module (or any object) with three functions:

- ``explore(timeline, date=None, *, m=None, **kwargs)``: an interactive map (geoclaims.web: a ``folium.Map``);
- ``plot(timeline, date=None, **kwargs)``: a publication map (geoclaims.web: a matplotlib ``Figure``);
- ``repr_html(timeline)``: the HTML summary Jupyter shows.

``import geoclaims`` registers :mod:`geoclaims.web.display` as ``"web"``, the default, by its module
path: folium and matplotlib load only when a map is drawn. Register another with
:func:`register_backend` and choose it with ``default=True`` or :func:`use_backend`.

Examples
--------
>>> import types
>>> text = types.SimpleNamespace(explore=lambda tl, date=None, *, m=None, **kw: f"map of {date}",
...                              plot=lambda tl, date=None, **kw: "figure", repr_html=lambda tl: "<p>tl</p>")
>>> register_backend("text", text)
>>> get_backend("text").explore(None, "2025-01-07")
'map of 2025-01-07'
>>> sorted(backends())
['text', 'web']
>>> unregister_backend("text")
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

# geoclaims.errors is imported where an error is raised: `import geoclaims` registers a backend and
# must stay light.

__all__ = ["register_backend", "unregister_backend", "use_backend", "get_backend", "backends", "FUNCTIONS"]

#: What a backend provides.
FUNCTIONS = ("explore", "plot", "repr_html")

_BACKENDS: dict[str, "str | Any"] = {}  # name -> module path (loaded on first use) or the backend itself
_DEFAULT: list[str] = []  # the name in use, once one is registered


def register_backend(name: str, backend: "str | ModuleType | Any", *, default: bool = False) -> None:
    """Register a display backend: a module path (imported on first use) or an object with
    :data:`FUNCTIONS`. The first one registered, or one with ``default=True``, is the one in use."""
    from geoclaims.errors import InvalidArgumentType

    if not isinstance(name, str) or not name:
        raise InvalidArgumentType(f"a backend name is a non-empty str, not {name!r}")
    if not isinstance(backend, str):
        _check(name, backend)
    _BACKENDS[name] = backend
    if default or not _DEFAULT:
        _DEFAULT[:] = [name]


def unregister_backend(name: str) -> None:
    """Forget a backend (the one in use falls back to another registered one, if any)."""
    _BACKENDS.pop(name, None)
    if _DEFAULT and _DEFAULT[0] == name:
        _DEFAULT[:] = [next(iter(_BACKENDS))] if _BACKENDS else []


def use_backend(name: str) -> None:
    """Draw timelines with the backend registered as `name` from now on."""
    from geoclaims.errors import InvalidArgument

    if name not in _BACKENDS:
        raise InvalidArgument(f"display backend {name!r} is not registered; registered: {', '.join(_BACKENDS) or 'none'}")
    _DEFAULT[:] = [name]


def backends() -> list[str]:
    """The names of the registered backends."""
    return list(_BACKENDS)


def get_backend(name: str | None = None) -> Any:
    """The backend registered as `name` (default: the one in use), loaded.

    Raises
    ------
    DisplayBackendError
        No backend is registered, `name` is not one, or its module cannot be imported (the message
        names the missing package).
    """
    from geoclaims.errors import DisplayBackendError

    if name is None:
        if not _DEFAULT:
            raise DisplayBackendError("no display backend is registered to draw a Timeline: `import geoclaims` "
                                      "registers geoclaims.web; or register one with "
                                      "geoclaims.timeline.display.register_backend(name, module)")
        name = _DEFAULT[0]
    if name not in _BACKENDS:
        raise DisplayBackendError(f"display backend {name!r} is not registered; registered: "
                                  f"{', '.join(_BACKENDS) or 'none'}")
    backend = _BACKENDS[name]
    if isinstance(backend, str):
        try:
            module = importlib.import_module(backend)
        except ImportError as e:
            raise DisplayBackendError(f"the display backend {name!r} ({backend}) cannot be loaded: {e}; "
                                      "install what it needs (pip install geoclaims brings folium and "
                                      "matplotlib)") from None
        _check(name, module)
        backend = _BACKENDS[name] = module
    return backend


def _check(name: str, backend: Any) -> None:
    from geoclaims.errors import InvalidArgumentType

    missing = [f for f in FUNCTIONS if not callable(getattr(backend, f, None))]
    if missing:
        raise InvalidArgumentType(f"display backend {name!r} lacks {', '.join(missing)}; a backend provides "
                                  f"{', '.join(FUNCTIONS)}")
