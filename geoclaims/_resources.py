"""Where the bundled data files are: inside the installed wheel, or in a source checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

__all__ = ["data_file"]

# name inside the wheel (geoclaims/_data/gazetteer/<name>) -> path in a checkout
_CHECKOUT_PATHS = {
    "places.json.gz": "data/gazetteer/places.json.gz",
    "admin1.csv": "data/gazetteer/sources/admin1.csv",
    "SOURCES.md": "data/gazetteer/SOURCES.md",
    "seed-places.txt": "examples/seed/places.txt",
    "admin0.geojson": "data/boundaries/admin0.geojson",
    "admin1.geojson": "data/boundaries/admin1.geojson",
    "BOUNDARIES.md": "data/boundaries/SOURCES.md",
    "kursk-claims.csv": "examples/kursk/claims.csv",
}
_WHEEL_DIRS = {"seed-places.txt": "examples", "kursk-claims.csv": "examples", "admin0.geojson": "boundaries",
               "admin1.geojson": "boundaries", "BOUNDARIES.md": "boundaries"}


def data_file(name: str) -> Path:
    """Return the path of a bundled data file.

    The wheel carries the files under ``geoclaims/_data/gazetteer/`` (see
    ``pyproject.toml``); an editable install or a source checkout reads them
    from ``data/gazetteer/`` at the repository root.
    """
    if name not in _CHECKOUT_PATHS:
        raise KeyError(f"unknown bundled file {name!r}; known: {sorted(_CHECKOUT_PATHS)}")
    packaged = resources.files("geoclaims") / "_data" / _WHEEL_DIRS.get(name, "gazetteer") / name
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parent.parent / _CHECKOUT_PATHS[name]
