"""Stage 1, places: from a name as reporting spells it to a located :class:`Place`.

Owns the name keys (folding, romanisation, cognates), :class:`Place`, regions and administrative
boundaries, the georeferencing of "5 km north of X", the GeoNames and postal readers, the
:class:`Gazetteer` (index, lookup, ranking, merging, I/O), geocoding and the geopy geocoder.
May import only the base modules (``geoclaims.errors``, ``geoclaims._io``, ...); it knows nothing
of claims, polygons, timelines or maps.
"""

from geoclaims.places.gazetteer import Gazetteer, Resolution
from geoclaims.places.geocoding import geocode, geocode_all
from geoclaims.places.place import Match, Place
from geoclaims.places.regions import Region, RegionTable

__all__ = ["Place", "Match", "Gazetteer", "Resolution", "geocode", "geocode_all", "GazetteerGeocoder", "Region",
           "RegionTable"]


def __getattr__(name: str):
    if name == "GazetteerGeocoder":  # geopy loads only when its geocoder is asked for
        from geoclaims.places.geopy_geocoder import GazetteerGeocoder

        return GazetteerGeocoder
    raise AttributeError(f"module 'geoclaims.places' has no attribute {name!r}")
