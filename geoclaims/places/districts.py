"""Where a known but unlocated place lies, roughly: the core of its district.

About a third of Ukraine's villages come from GeoNames' postal file with a position that is only
an average over neighbouring postcodes (a median 7-33 km off), so the gazetteer keeps them *known
but unlocated* (:attr:`Place.is_located` is False) and never maps them.  Their district is known,
though, and that is enough to tell two namesakes apart when a report names one of them among
villages of a front: the Rodynske by Pokrovsk, which has a position, and the Rodynske of a
Zaporizhzhia district, which has none, are 200 km apart.

:class:`DistrictCores` gives each district with enough located places a core (the median of their
latitudes and longitudes) and a radius (the median distance of its places from the core).  It is
used to weigh unlocated namesakes when an ambiguous name is settled by proximity
(:func:`geoclaims.places.geocoding.settle_by_proximity`); it never gives a place a position.

Examples
--------
>>> from geoclaims.places.gazetteer import Gazetteer
>>> cores = DistrictCores.of(Gazetteer.default())
>>> core = cores.core("UA", "Donetsk Oblast", "Pokrovskiy")
>>> round(core.lat), round(core.lon), core.radius_km < 40
(48, 37, True)
"""

from __future__ import annotations

import re
import statistics
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING

from geoclaims.places.distances import haversine_km
from geoclaims.places.names import fold, skeleton

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer
    from geoclaims.places.place import Place

__all__ = ["DistrictCore", "DistrictCores", "MIN_PLACES", "district_key"]

#: A district needs this many located places for a core.
MIN_PLACES = 3


@dataclass(frozen=True, slots=True)
class DistrictCore:
    """The core of a district: the median position of its located places.

    Attributes
    ----------
    lat, lon : float
        The median latitude and longitude of the district's located places.
    radius_km : float
        The median distance of those places from the core: how far a place of the district
        typically lies from it.
    places : int
        How many located places the core was computed from.
    """

    lat: float
    lon: float
    radius_km: float
    places: int


_CACHE: "weakref.WeakKeyDictionary[Gazetteer, DistrictCores]" = weakref.WeakKeyDictionary()

# the words that say "district" around a district's name, in the languages of the reports
_DISTRICT_WORDS = frozenset("""raion rayon raiona rayona raioni rayoni rayone raione raionu rayonu district districts
    distrikt distrikte distretto rajon rajonu rajonie rajone okrug okruga okrugu kreis landkreis
    okres okrese okresu okresie okresy
    r n rn munitsipalnyi munitsipalnogo hromada gromada community
    v w u in im""".split())  # the Ukrainian locative "у ...ському районі", the Czech and Slovak "v okrese", prepositions
# a district's adjective or colloquial name, after its stem: -ський/-ский in any case (Дергачевского,
# Derhachivskyi), -щина (Ізюмщина, Изюмщине), -ччина after ц
# (the skeleton reads the t of Bakhmut-skyi with its s as one sound, ts: "Zk")
_DISTRICT_SUFFIXES = ((re.compile(r"sk[a-zA-Z]{0,2}$"), ""), (re.compile(r"Zk[a-zA-Z]{0,2}$"), "t"),
                      (re.compile(r"[SC]n[a-zA-Z]{0,2}$"), ""))


def district_key(text: str) -> str:
    """The key a district is known by in any spelling: the skeleton of its name's stem.

    Examples
    --------
    >>> district_key("Дергачевского района") == district_key("Derhachivskyi")
    True
    >>> district_key("Изюмщине") == district_key("Iziumskyi") == district_key("Izium raion")
    True
    """
    words = [w for w in fold(text).split() if w not in _DISTRICT_WORDS]
    if not words:
        return ""
    skel = skeleton(" ".join(words))
    for suffix, replacement in _DISTRICT_SUFFIXES:
        stem = suffix.sub(replacement, skel)
        if stem != skel:
            return stem if len(stem) >= 2 else skel
    return skel


class DistrictCores:
    """The cores of a gazetteer's districts (``country``, ``admin1``, ``admin2``).

    Parameters
    ----------
    places : iterable of Place
        The places; only located places with a district count.
    """

    def __init__(self, places: "list[Place] | tuple[Place, ...]") -> None:
        groups: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
        for p in places:
            if p.is_located and p.admin2:
                groups.setdefault((p.country, p.admin1, p.admin2), []).append((p.lat, p.lon))
        self._cores: dict[tuple[str, str, str], DistrictCore] = {}
        self._regions_by_key: dict[str, set[str]] = {}
        for country, admin1, admin2 in groups:
            self._regions_by_key.setdefault(district_key(admin2), set()).add(admin1)
        for key, points in groups.items():
            if len(points) < MIN_PLACES:
                continue
            lat = statistics.median(p[0] for p in points)
            lon = statistics.median(p[1] for p in points)
            radius = statistics.median(haversine_km((lat, lon), p) for p in points)
            self._cores[key] = DistrictCore(lat, lon, radius, len(points))

    @classmethod
    def of(cls, gazetteer: "Gazetteer") -> "DistrictCores":
        """The cores of `gazetteer`'s districts, computed once per gazetteer (about 0.3 s for the bundled one)."""
        cores = _CACHE.get(gazetteer)
        if cores is None:
            cores = _CACHE[gazetteer] = cls(gazetteer.places)
        return cores

    def core(self, country: str, admin1: str, admin2: str) -> DistrictCore | None:
        """The core of one district, or None when it has fewer than :data:`MIN_PLACES` located places."""
        return self._cores.get((country, admin1, admin2))

    def rough_position(self, place: "Place") -> tuple[float, float] | None:
        """Where `place` roughly lies: its own position when located, else its district's core (or None)."""
        if place.is_located:
            return place.lat, place.lon
        core = self.core(place.country, place.admin1, place.admin2) if place.admin2 else None
        return (core.lat, core.lon) if core is not None else None

    def regions_of(self, text: str) -> list[str]:
        """The regions (``admin1``) of the districts that `text` names, sorted; [] when none does.

        A report may give a district where a region is asked for ("Дергачевского района",
        "Изюмщина", "Kupiansk raion"): the district's name says which oblast is meant.

        Examples
        --------
        >>> from geoclaims.places.gazetteer import Gazetteer
        >>> DistrictCores.of(Gazetteer.default()).regions_of("Дергачевского района")
        ['Kharkiv Oblast']
        """
        key = district_key(text)
        return sorted(self._regions_by_key.get(key, ())) if key else []

    def __len__(self) -> int:
        return len(self._cores)
