"""The offline gazetteer: places and the name index that finds them.

A :class:`Gazetteer` holds :class:`~geoclaims.places.place.Place` objects and an index
of every name they go by (:mod:`geoclaims.places.name_index`).  It is a small value object;
its work is done by the modules beside it:

- :mod:`geoclaims.places.matching`: the candidates for a name, tier by tier (a stored name or
  romanisation, a case form, the transliteration-insensitive skeleton, fuzzy spellings), their
  scores, and "did you mean" suggestions;
- :mod:`geoclaims.places.ranking`: the ``near=`` distance penalty, the order of the candidates
  and whether they are ambiguous (:class:`Resolution`);
- :mod:`geoclaims.places.lookup_context`: the ``country=`` / ``region=`` / ``bbox=`` filters and
  the ``near=`` point;
- :mod:`geoclaims.places.merging`: two gazetteers in one, unlocated places located by the other;
- :mod:`geoclaims.places.gazetteer_io`: the bundled file, and the places as a GeoDataFrame;
- :mod:`geoclaims.places.reverse`: the places nearest a point.

Examples
--------
>>> gaz = Gazetteer.default()
>>> [(m.place.name, m.reason) for m in gaz.lookup("Berdin", limit=1)]
[('Berdin', 'exact')]
>>> gaz.lookup("Artemovsk", country="UA")[0].place.name
'Bakhmut'
"""

from __future__ import annotations

import functools
import os
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from geoclaims.errors import (
    InvalidArgument, InvalidArgumentType, UnknownPlaceId,
)
from geoclaims.places import matching, merging, ranking
from geoclaims.places.gazetteer_io import (  # noqa: F401
    FORMAT_VERSION, LazyPlaces, places_to_geodataframe, read_gazetteer_file, write_gazetteer_file,
)
from geoclaims.places.name_index import _CANONICAL, _COGNATE, _FORMER, _TRANSLIT, NameIndex, build_name_rows  # noqa: F401
from geoclaims.places.place import Match, Place

# Names that lived here before the gazetteer was split, still importable from here
# (geoclaims.places.geocoding, geopy_geocoder, lookup_context, postal and extract import some).
from geoclaims.places.distances import distance_km, haversine_km  # noqa: F401
from geoclaims.places.matching import (  # noqa: F401
    FUZZY_CUTOFF, FUZZY_MIN_LETTERS, MAX_NAME_CHARS, SCORE_ALIAS, SCORE_COGNATE, SCORE_DECLENSION,
    SCORE_EXACT, SCORE_FORMER, SCORE_SIMILAR_MAX, SCORE_TRANSLIT, SKELETON_MIN_RATIO,
)
from geoclaims.places.ranking import (  # noqa: F401
    AMBIGUITY_MARGIN, NEAR_FULL_PENALTY_KM, NEAR_PENALTY_MAX, Resolution,
    describe_candidates as _describe_candidates,
)

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

    from geoclaims.places.reverse import Neighbour

__all__ = ["Gazetteer", "Resolution", "NearSpec", "BBox"]

#: ``near=``: a (lat, lon) pair, an object with .latitude/.longitude (geopy
#: Point/Location), a shapely Point (x=lon, y=lat), a Place, or a place name.
NearSpec = Any
#: ``bbox=``: (min_lon, min_lat, max_lon, max_lat), as shapely's ``bounds``.
BBox = tuple[float, float, float, float]


class Gazetteer:
    """A searchable set of places.

    Parameters
    ----------
    places : iterable of Place
        The places.  Ids must be unique.
    romanize : bool, default True
        Index the romanisations of every Cyrillic name under the common
        systems (see :data:`geoclaims.places.names.ROMANIZATION_SYSTEMS`).  Costs
        about 0.2 ms per distinct Cyrillic name when the gazetteer is built.

    See Also
    --------
    Gazetteer.default : the bundled gazetteer.
    Gazetteer.from_geonames : load a GeoNames dump.
    """

    def __init__(self, places: Iterable[Place], *, romanize: bool = True) -> None:
        self._places: list[Place] = list(places)
        self._check_ids()
        self._init_index(NameIndex.from_rows(build_name_rows(self._places, romanize=romanize)))
        self.meta: dict[str, Any] = {}

    # -- construction -----------------------------------------------------------------

    def _check_ids(self) -> None:
        seen: set[str] = set()
        for p in self._places:
            if not isinstance(p, Place):
                raise InvalidArgumentType(f"a Gazetteer holds Place objects, got {type(p).__name__}")
            if p.id in seen:
                raise InvalidArgument(f"duplicate place id {p.id!r}")
            seen.add(p.id)

    def _init_index(self, index: NameIndex) -> None:
        self._index = index
        self._by_id = {pid: i for i, pid in enumerate(self._places.ids)} if isinstance(
            self._places, LazyPlaces
        ) else {p.id: i for i, p in enumerate(self._places)}

    @classmethod
    def _from_index(cls, places: list[Place], index: NameIndex) -> "Gazetteer":
        self = cls.__new__(cls)
        self._places = places
        self._init_index(index)
        self.meta = {}
        return self

    @classmethod
    def default(cls) -> "Gazetteer":
        """The bundled gazetteer (GeoNames RU/UA/BY + the curated theatre table).

        Loaded once, on first use, from the file inside the package.

        Examples
        --------
        >>> Gazetteer.default() is Gazetteer.default()
        True
        """
        return _default_gazetteer()

    @classmethod
    def read(cls, path: str | os.PathLike[str]) -> "Gazetteer":
        """Read a gazetteer written by :meth:`write` (``.json.gz``).

        Raises
        ------
        GazetteerDataError
            When the file is missing, not a gazetteer, or built with other match keys.
        """
        places, index, meta = read_gazetteer_file(path)
        gaz = cls._from_index(places, index)
        gaz.meta = meta
        return gaz

    def write(self, path: str | os.PathLike[str], *, meta: dict[str, Any] | None = None) -> None:
        """Write the gazetteer and its index to ``path`` (gzipped text, see :mod:`geoclaims.places.gazetteer_io`), atomically."""
        write_gazetteer_file(path, self._places, self._index, meta or {})

    @classmethod
    def from_geonames(
        cls,
        path: str | os.PathLike[str],
        alternate_names: str | os.PathLike[str] | None = None,
        *,
        countries: Sequence[str] | None = None,
        feature_classes: Sequence[str] = ("P",),
        romanize: bool = True,
    ) -> "Gazetteer":
        """Load a GeoNames dump (``RU.txt``, ``allCountries.txt``, ``cities500.txt``, or a .zip).

        Parameters
        ----------
        path : path-like
            A file in the GeoNames "geoname" table layout (19 tab-separated
            columns), plain or zipped.
        alternate_names : path-like, optional
            ``alternateNamesV2.txt`` (or a country's ``XX.txt`` from the
            alternatenames folder) to add names in every language; links,
            postcodes and codes are skipped; historic names become former names.
        countries : sequence of str, optional
            ISO codes to keep (default: all rows of the file).
        feature_classes : sequence of str, default ("P",)
            GeoNames feature classes to keep (P: populated places).
        romanize : bool, default True
            See :class:`Gazetteer`.

        Returns
        -------
        Gazetteer
            Places with ids ``"geonames:<geonameid>"``; combine them with the
            bundled ones by ``Gazetteer.default().merge(...)``.

        Raises
        ------
        GazetteerDataError
            For a malformed row: the file, line, column and value.
        """
        from geoclaims.places.geonames import read_geonames

        places = read_geonames(
            path, alternate_names, countries=countries, feature_classes=feature_classes
        )
        return cls(places, romanize=romanize)

    def merge(self, other: "Gazetteer | Iterable[Place]", *, locate_unlocated: bool = True) -> "Gazetteer":
        """Return a gazetteer with the places of both; `other` wins on equal ids.

        Give a :class:`Place` the id of a known-but-unlocated place
        (``Gazetteer.default().get("theatre:kolmakov")``) with coordinates to
        locate it.

        Parameters
        ----------
        other : Gazetteer or iterable of Place
            The places to add.
        locate_unlocated : bool, default True
            A known-but-unlocated place of ours takes the position of the one
            located place of `other` with one of its names in the same country
            and region (e.g. from a GeoNames dump); the two become one place
            with our id and both sources.  With several such places nothing is
            guessed: both stay.

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> p = gaz.get("theatre:kolmakov")
        >>> from dataclasses import replace
        >>> located = replace(p, lat=51.23, lon=35.13, uncertainty_km=1.0)
        >>> gaz.merge([located]).get("theatre:kolmakov").is_located
        True
        """
        return merging.merge(self, other, locate_unlocated=locate_unlocated)

    # -- access -----------------------------------------------------------------------

    @property
    def places(self) -> tuple[Place, ...]:
        """Every place, in index order."""
        return tuple(self._places)

    def places_with_key(self, key: str) -> tuple[Place, ...]:
        """Places with a stored name (any alias or romanisation) whose fine key is exactly `key`.

        The exact, no-fuzz lookup text scanners need (:func:`geoclaims.extract_claims`).

        Examples
        --------
        >>> from geoclaims.places.names import fold
        >>> [p.name for p in Gazetteer.default().places_with_key(fold("Судже"))]
        []
        >>> [p.name for p in Gazetteer.default().places_with_key(fold("Суджа"))][:1]
        ['Sudzha']

        Returns
        -------
        tuple of Place
        """
        seen: dict[int, None] = dict.fromkeys(p for p, _ in self._index.entries(key))
        return tuple(self._places[j] for j in seen)

    def __len__(self) -> int:
        return len(self._places)

    def __iter__(self):
        return iter(self._places)

    def __contains__(self, place_id: object) -> bool:
        return place_id in self._by_id

    def __repr__(self) -> str:
        located = sum(p.is_located for p in self._places)
        return f"<Gazetteer: {len(self._places)} places, {located} located, {len(self._index)} indexed names>"

    def get(self, place_id: str) -> Place:
        """The place with id `place_id`.

        Raises
        ------
        KeyError
            When no place has that id.
        """
        try:
            return self._places[self._by_id[place_id]]
        except KeyError:
            raise UnknownPlaceId(f"no place with id {place_id!r}") from None

    def to_geodataframe(self) -> "geopandas.GeoDataFrame":
        """Every place as a row of a GeoDataFrame (EPSG:4326; empty geometry when unlocated).

        Examples
        --------
        >>> gdf = Gazetteer.default().to_geodataframe()
        >>> gdf.crs.to_epsg(), "uncertainty_km" in gdf.columns
        (4326, True)
        """
        return places_to_geodataframe(self._places)

    # -- lookup -----------------------------------------------------------------------

    def lookup(
        self,
        name: str,
        *,
        country: str | Sequence[str] | None = None,
        region: str | Sequence[str] | None = None,
        near: NearSpec | None = None,
        bbox: BBox | None = None,
        limit: int = 5,
    ) -> list[Match]:
        """Candidate places for `name`, best first.

        Parameters
        ----------
        name : str
            A settlement name in any spelling or script.
        country : str or sequence of str, optional
            Keep places in these countries (ISO code or name: "UA", "Ukraine", "Україна").
        region : str or sequence of str, optional
            Keep places in these oblasts, in any common spelling ("Kursk Oblast",
            "Курская область", "Kurskaya"); a country name works too.
        near : optional
            Rank by distance from a point: ``(lat, lon)``, a geopy Point, a
            shapely Point (lon, lat), a Place, or a place name.
        bbox : (min_lon, min_lat, max_lon, max_lat), optional
            Keep located places inside the box.
        limit : int, default 5
            Most candidates to return.

        Returns
        -------
        list of Match
            Empty when nothing matches.

        Examples
        --------
        >>> gaz = Gazetteer.default()
        >>> m = gaz.lookup("Руське Поріччя")[0]
        >>> m.place.name, m.reason
        ('Russkoye Porechnoye', 'alias')
        >>> [m.place.country for m in gaz.lookup("Martynovka", region="Kursk Oblast")]
        ['RU']
        """
        return list(self.resolve(name, country=country, region=region, near=near, bbox=bbox, limit=limit).matches)

    def resolve(
        self,
        name: str,
        *,
        country: str | Sequence[str] | None = None,
        region: str | Sequence[str] | None = None,
        near: NearSpec | None = None,
        bbox: BBox | None = None,
        limit: int = 5,
    ) -> Resolution:
        """Like :meth:`lookup`, and say whether the result is ambiguous.

        Returns
        -------
        Resolution
            ``.best``, ``.matches``, ``.ambiguous`` and ``.competitors``.

        Examples
        --------
        >>> r = Gazetteer.default().resolve("Martynovka")
        >>> r.ambiguous, sorted({m.place.country for m in r.competitors + (r.best,)})
        (True, ['RU', 'UA'])
        """
        return ranking.resolve(self, name, country=country, region=region, near=near, bbox=bbox, limit=limit)

    def nearest(
        self,
        lat: float,
        lon: float,
        *,
        k: int = 1,
        max_km: float | None = None,
        country: str | Sequence[str] | None = None,
        region: str | Sequence[str] | None = None,
    ) -> list["Neighbour"]:
        """The `k` located places nearest (lat, lon), nearest first: reverse geocoding.

        See :func:`geoclaims.places.reverse.nearest` for the parameters.

        Returns
        -------
        list of Neighbour
            ``.place`` and ``.distance_km`` (great-circle).

        Examples
        --------
        >>> [(n.place.name, round(n.distance_km, 1)) for n in Gazetteer.default().nearest(51.19139, 35.27056)]
        [('Sudzha', 0.0)]
        >>> len(Gazetteer.default().nearest(51.2, 35.3, k=5, region="Kursk Oblast"))
        5
        """
        from geoclaims.places.reverse import nearest

        return nearest(self, lat, lon, k=k, max_km=max_km, country=country, region=region)

    def suggest(self, name: str, *, limit: int = 3) -> list[Match]:
        """The closest stored names to `name`, however far: for "did you mean".

        Scores are rapidfuzz's ``token_set_ratio`` over fine keys (so a word of a
        longer name counts), scaled to [0, 1]; reason ``fuzzy``.

        Examples
        --------
        >>> sorted(m.place.name for m in Gazetteer.default().suggest("Porechnoye", limit=2))
        ['Cherkasskoye Porechnoye', 'Russkoye Porechnoye']
        """
        return matching.suggest(self, name, limit=limit)

    # -- context ----------------------------------------------------------------------

    def _context_filter(self, country, region, bbox) -> Callable[[Place], bool] | None:
        """The test for the places a country= / region= / bbox= context keeps (used by :mod:`~geoclaims.places.reverse`)."""
        from geoclaims.places.lookup_context import context_filter

        return context_filter(country, region, bbox)


@functools.lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    from geoclaims._resources import data_file

    return Gazetteer.read(data_file("places.json.gz"))
