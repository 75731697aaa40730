"""Stage 1, places: from a name as reporting spells it to a located :class:`Place`.

Owns the name keys (folding, romanisation, cognates), :class:`Place`, regions and administrative
boundaries, the georeferencing of "5 km north of X", the GeoNames and postal readers, the
:class:`Gazetteer` (index, lookup, ranking, merging, I/O), geocoding and the geopy geocoder.
May import only the base modules (``geoclaims.errors``, ``geoclaims._io``, ...); it knows nothing
of claims, polygons, timelines or maps.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geoclaims._lazy import lazy_exports

# public name -> its module, loaded on first use (importing the subpackage stays cheap)
_EXPORTS = {
    "Place": "geoclaims.places.place",
    "Match": "geoclaims.places.place",
    "Gazetteer": "geoclaims.places.gazetteer",
    "Resolution": "geoclaims.places.gazetteer",
    "geocode": "geoclaims.places.geocoding",
    "geocode_all": "geoclaims.places.geocoding",
    "GazetteerGeocoder": "geoclaims.places.geopy_geocoder",
    "Region": "geoclaims.places.regions",
    "RegionTable": "geoclaims.places.regions",
}
__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer, Resolution
    from geoclaims.places.geocoding import geocode, geocode_all
    from geoclaims.places.geopy_geocoder import GazetteerGeocoder
    from geoclaims.places.place import Match, Place
    from geoclaims.places.regions import Region, RegionTable
