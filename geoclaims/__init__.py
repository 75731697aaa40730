"""geoclaims: map claimed territorial control in wars.

Geocode settlement names offline, in the spellings real reporting uses::

    >>> import geoclaims
    >>> geoclaims.geocode("Berdin").label
    'Berdin (Bolshesoldatsky, Kursk Oblast, RU)'

``import geoclaims`` is light: geopandas, shapely, pyproj, geopy and folium
load only when a function that needs them is called.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it (loaded on first access)
_EXPORTS = {
    "Place": "geoclaims.place",
    "Match": "geoclaims.place",
    "Gazetteer": "geoclaims.gazetteer",
    "Resolution": "geoclaims.gazetteer",
    "geocode": "geoclaims.geocoding",
    "geocode_all": "geoclaims.geocoding",
    "GazetteerGeocoder": "geoclaims.geopy_geocoder",
    "RegionTable": "geoclaims.regions",
    "Region": "geoclaims.regions",
    "GeoclaimsError": "geoclaims.errors",
    "PlaceNotFound": "geoclaims.errors",
    "AmbiguousPlace": "geoclaims.errors",
    "AmbiguousPlaceWarning": "geoclaims.errors",
    "UnknownRegion": "geoclaims.errors",
    "GazetteerDataError": "geoclaims.errors",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.errors import (
        AmbiguousPlace, AmbiguousPlaceWarning, GazetteerDataError, GeoclaimsError, PlaceNotFound, UnknownRegion,
    )
    from geoclaims.gazetteer import Gazetteer, Resolution
    from geoclaims.geocoding import geocode, geocode_all
    from geoclaims.geopy_geocoder import GazetteerGeocoder
    from geoclaims.place import Match, Place
    from geoclaims.regions import Region, RegionTable


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geoclaims' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
