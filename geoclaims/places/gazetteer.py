"""The offline gazetteer: places and the name index that finds them.

A :class:`Gazetteer` holds :class:`~geoclaims.places.place.Place` objects and an index
of every name they go by, under three keys (see :mod:`geoclaims.places.names`):

1. the *fine key* of each stored name (canonical, alias, former name) and of
   its romanisations under the common systems -> ``exact`` / ``alias`` /
   ``transliteration`` matches;
2. the *skeleton* (transliteration-insensitive key) -> ``transliteration``
   matches for spellings no system produces ("Sudscha", "Kharkov");
3. fuzzy scoring of skeletons and fine keys with :mod:`rapidfuzz` ->
   ``fuzzy`` matches for misspellings ("Bakmut", "Novosotnitskiy").

Each tier is searched only when the ones before it found nothing, so a name
that matches a stored name or romanisation is not also compared letter by
letter with every other place (its weaker look-alikes could not compete).

Scores lie in [0, 1]: 1.0 for the canonical name or a curated former name,
0.97 for another stored name in the query's script, 0.95 for the same name in
another script or romanisation; skeleton and fuzzy matches score
``0.9 * (0.75 * letter similarity + 0.25 * skeleton similarity)`` (rapidfuzz
ratios; a skeleton match needs letters >= 0.60, a fuzzy one >= 0.75).  A ``near=`` context subtracts up to
0.15 with distance (logarithmically: 20 km costs 0.03, 300 km 0.09, 3,000 km
0.15).  Two candidates within 0.05 of each other that lie far apart make the
result *ambiguous*.

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
import math
import os
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable, Iterable, Sequence

from geoclaims.errors import (
    InvalidArgument, InvalidArgumentType, UnknownPlaceId,
)
from geoclaims.places.gazetteer_io import FORMAT_VERSION, LazyPlaces, read_gazetteer_file, write_gazetteer_file  # noqa: F401
from geoclaims.places.name_index import _CANONICAL, _COGNATE, _FORMER, _TRANSLIT, NameIndex, build_name_rows  # noqa: F401
from geoclaims.places.names import fold, has_cyrillic, skeleton
from geoclaims.places.place import Match, Place

if TYPE_CHECKING:  # pragma: no cover
    import geopandas

    from geoclaims.places.reverse import Neighbour

__all__ = ["Gazetteer", "Resolution", "NearSpec", "BBox"]

#: ``near=``: a (lat, lon) pair, an object with .latitude/.longitude (geopy
#: Point/Location), a shapely Point (x=lon, y=lat), a Place, or a place name.
NearSpec = Any
#: ``bbox=``: (min_lon, min_lat, max_lon, max_lat), as shapely's ``bounds``.
BBox = tuple[float, float, float, float]



#: Longest name (as a match key) a lookup considers: the longest settlement names are ~60 letters.
#: Longer input matches nothing and costs nothing; suggestions look at its first letters only.
MAX_NAME_CHARS = 120
SCORE_EXACT = 1.0
SCORE_FORMER = 1.0
SCORE_ALIAS = 0.97
SCORE_TRANSLIT = 0.95
SCORE_COGNATE = 0.93
SCORE_SIMILAR_MAX = 0.90  # ceiling for skeleton and fuzzy matches (below every stored name)
FUZZY_CUTOFF = 72.0  # rapidfuzz ratio (0-100) a skeleton must reach to be a fuzzy candidate
FUZZY_MIN_LETTERS = 0.75  # letters' similarity a fuzzy match needs
SKELETON_MIN_RATIO = 0.60  # letters' similarity a skeleton match needs
AMBIGUITY_MARGIN = 0.05
NEAR_PENALTY_MAX = 0.15
NEAR_FULL_PENALTY_KM = 3000.0


@dataclass(frozen=True, slots=True)
class Resolution:
    """The outcome of resolving one name: the candidates and whether they compete.

    Parameters
    ----------
    query : str
        The name looked up.
    matches : tuple of Match
        Candidates, best first (empty when nothing matched).
    ambiguous : bool
        True when the best candidates are close in score and far apart.
    competitors : tuple of Match
        The candidates that compete with the best one (empty unless ambiguous).
    """

    query: str
    matches: tuple[Match, ...]
    ambiguous: bool
    competitors: tuple[Match, ...] = ()

    @property
    def best(self) -> Match | None:
        """The best candidate, or None."""
        return self.matches[0] if self.matches else None


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
        self._skel_blocks: dict[str, list[str]] | None = None
        self._all_skeletons: list[str] | None = None

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
        incoming = list(other.places if isinstance(other, Gazetteer) else other)
        if locate_unlocated:
            absorbed = self._locate_from(incoming)
            if absorbed:
                gone = {q.id for q in absorbed.values()}
                incoming = [q for q in incoming if q.id not in gone] + list(absorbed)
                other = incoming
        new_ids = {p.id for p in incoming}
        kept = [p for p in self._places if p.id not in new_ids]
        if isinstance(other, Gazetteer) and not new_ids & set(self._by_id):
            # disjoint: reuse both indexes instead of re-romanising every name
            offset = len(self._places)
            rows = [*self._index.rows(), *((k, p + offset, c) for k, p, c in other._index.rows())]
            return Gazetteer._from_index(self._places + incoming, NameIndex.from_rows(rows))
        # rebuild rows only for the incoming places, keep the rest of our index
        keep = {i for i, p in enumerate(self._places) if p.id not in new_ids}
        remap = {old: new for new, old in enumerate(sorted(keep))}
        rows = [(k, remap[pi], c) for k, pi, c in self._index.rows() if pi in remap]
        offset = len(kept)
        rows += [(k, pi + offset, c) for k, pi, c in build_name_rows(incoming)]
        return Gazetteer._from_index(kept + incoming, NameIndex.from_rows(rows))

    def _locate_from(self, incoming: list[Place]) -> dict[Place, Place]:
        """Our unlocated places that `incoming` locates: {located copy of ours: theirs}."""
        by_key: dict[tuple[str, str, str], list[Place]] = {}
        for q in incoming:
            if q.is_located:
                for n in (q.name, *q.aliases):
                    k = fold(n)
                    if k:
                        bucket = by_key.setdefault((q.country, q.admin1, k), [])
                        if q not in bucket:
                            bucket.append(q)
        out: dict[Place, Place] = {}
        for p in self._places:
            if p.is_located:
                continue
            cands: dict[str, Place] = {}
            for n in (p.name, *p.aliases):
                for q in by_key.get((p.country, p.admin1, fold(n)), ()):
                    cands[q.id] = q
            if len(cands) != 1:
                continue
            (q,) = cands.values()
            located = replace(
                p,
                lat=q.lat,
                lon=q.lon,
                uncertainty_km=q.uncertainty_km,
                aliases=tuple(dict.fromkeys(a for a in (*p.aliases, q.name, *q.aliases) if a != p.name)),
                sources=(*p.sources, *q.sources),
                location_note=f"located by {q.id} (same name in {p.admin1 or p.country})",
                population=p.population or q.population,
            )
            out[located] = q
        return out

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
        import geopandas
        import shapely

        rows = self._places
        return geopandas.GeoDataFrame(
            {
                "id": [p.id for p in rows],
                "name": [p.name for p in rows],
                "aliases": ["|".join(p.aliases) for p in rows],
                "former_names": ["|".join(p.former_names) for p in rows],
                "lat": [p.lat for p in rows],
                "lon": [p.lon for p in rows],
                "uncertainty_km": [p.uncertainty_km for p in rows],
                "country": [p.country for p in rows],
                "admin1": [p.admin1 for p in rows],
                "admin2": [p.admin2 for p in rows],
                "kind": [p.kind for p in rows],
                "population": [p.population for p in rows],
                "sources": [" ; ".join(p.sources) for p in rows],
                "location_note": [p.location_note for p in rows],
            },
            geometry=[shapely.Point(p.lon, p.lat) if p.is_located else None for p in rows],
            crs="EPSG:4326",
        )

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
        if not isinstance(name, str):
            raise InvalidArgumentType(f"name must be a str, got {type(name).__name__}")
        if limit < 1:
            raise InvalidArgument(f"limit must be >= 1, got {limit!r}")
        keep = self._context_filter(country, region, bbox)
        near_ll = self._near_point(near) if near is not None else None
        raw = self._candidates(name, keep)
        places = self._places
        scored = []
        for pidx, score, reason, key in raw:
            dist = None
            if near_ll is not None:
                score, dist = _near_adjusted(score, places[pidx], near_ll)
            scored.append((score, pidx, reason, key, dist))
        scored.sort(key=lambda t: (-t[0], -(places[t[1]].population or 0), places[t[1]].id))
        competitors = _competitors([(t[0], places[t[1]]) for t in scored])

        def match(t) -> Match:
            score, pidx, reason, key, dist = t
            return Match(places[pidx], score, reason, self._stored_name(pidx, key), dist)

        return Resolution(
            query=name,
            matches=tuple(match(t) for t in scored[:limit]),
            ambiguous=bool(competitors),
            competitors=tuple(match(scored[i]) for i in competitors),
        )

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
        from rapidfuzz import fuzz, process

        qkey = fold(name[: MAX_NAME_CHARS * 2])[:MAX_NAME_CHARS]  # bounded cost for any input
        if not qkey:
            return []
        out: dict[int, Match] = {}
        found = process.extract(qkey, self._index.keys, scorer=fuzz.token_set_ratio, limit=limit * 8)
        found.sort(key=lambda f: (-f[1], -fuzz.ratio(qkey, f[0])))
        for key, score, _ in found:
            for pidx, _code in self._index.entries(key):
                if pidx not in out:
                    out[pidx] = Match(self._places[pidx], round(score / 100.0, 4), "fuzzy", self._stored_name(pidx, key))
        ranked = sorted(out.values(), key=lambda m: (-m.score, -(m.place.population or 0)))
        return ranked[:limit]

    def _candidates(
        self, name: str, keep: Callable[[Place], bool] | None
    ) -> list[tuple[int, float, str, str]]:
        """(place index, score, reason, matched key) for every candidate."""
        if len(name) > MAX_NAME_CHARS * 2:
            return []  # no settlement name is this long: nothing to match, and nothing to spend
        qkey = fold(name)
        if not qkey or len(qkey) > MAX_NAME_CHARS:
            return []
        q_cyr = has_cyrillic(name)
        # place index -> (score, reason, matched key); Match objects are made at the end
        best: dict[int, tuple[float, str, str]] = {}
        rejected: set[int] = set()

        def offer(pidx: int, score: float, reason: str, key: str) -> None:
            if pidx in rejected:
                return
            cur = best.get(pidx)
            if cur is None:
                if keep is not None and not keep(self._places[pidx]):
                    rejected.add(pidx)
                    return
            elif score <= cur[0]:
                return
            best[pidx] = (round(score, 4), reason, key)

        # tier 1: the fine key of a stored name or romanisation
        for pidx, code in self._index.entries(qkey):
            kind, cyr = divmod(code, 2)
            if kind == _COGNATE:
                offer(pidx, SCORE_COGNATE, "cognate", qkey)
            elif kind == _TRANSLIT or bool(cyr) != q_cyr:
                offer(pidx, SCORE_TRANSLIT, "transliteration", qkey)
            elif kind == _CANONICAL:
                offer(pidx, SCORE_EXACT, "exact", qkey)
            elif kind == _FORMER:
                offer(pidx, SCORE_FORMER, "alias", qkey)
            else:
                offer(pidx, SCORE_ALIAS, "alias", qkey)

        tier1 = bool(best)

        # tier 2: the transliteration-insensitive skeleton
        qskel = skeleton(name)
        if len(qskel) >= 2 and not tier1:
            for pidx in self._skeleton_index().get(qskel, ()):
                if pidx in best or pidx in rejected:
                    continue
                ratio, key = self._best_ratio(pidx, qkey)
                if ratio < SKELETON_MIN_RATIO:
                    continue  # same consonants, different word ("Xyzzy" vs "Hotsk")
                offer(pidx, _similarity_score(ratio, 1.0), "skeleton", key)

        # tier 3: fuzzy, only when no stored name or romanisation matched
        if len(qskel) >= 3 and not tier1:
            for skel, sk_score in self._fuzzy_skeletons(qskel):
                for pidx in self._skeleton_index().get(skel, ()):
                    if pidx in best or pidx in rejected:
                        continue
                    ratio, key = self._best_ratio(pidx, qkey)
                    if ratio >= FUZZY_MIN_LETTERS:
                        offer(pidx, _similarity_score(ratio, sk_score / 100.0), "fuzzy", key)
        return [(pidx, score, reason, key) for pidx, (score, reason, key) in best.items()]

    def _stored_name(self, pidx: int, key: str) -> str:
        p = self._places[pidx]
        for n in (p.name, *p.aliases):
            if fold(n) == key:
                return n
        return key  # a romanisation: the key itself is the spelling

    def _place_keys(self, pidx: int) -> list[str]:
        return self._index.keys_of_place(pidx)

    def _best_ratio(self, pidx: int, qkey: str) -> tuple[float, str]:
        """Best rapidfuzz ratio of `qkey` against a place's keys, and that key."""
        found = _extract_one()(qkey, self._place_keys(pidx), scorer=_ratio())  # the first best, as a loop would
        return (found[1] / 100.0, found[0]) if found and found[1] > 0 else (0.0, "")

    def _skeleton_index(self) -> dict[str, list[int]]:
        return self._index.skeleton_index()

    def _fuzzy_skeletons(self, qskel: str) -> list[tuple[str, float]]:
        """Skeletons close to `qskel`: first among those sharing its first letter,
        then its second (a dropped or added first letter), then all."""
        from rapidfuzz import fuzz, process

        if self._skel_blocks is None:
            blocks: dict[str, list[str]] = {}
            for s in self._skeleton_index():
                if s:
                    blocks.setdefault(s[0], []).append(s)
            self._skel_blocks = blocks
            self._all_skeletons = [s for s in self._skeleton_index() if s]
        found: list = []
        for choices in (
            *(self._skel_blocks.get(letter, ()) for letter in dict.fromkeys(qskel[:2])),
            self._all_skeletons or [],
        ):
            found = process.extract(qskel, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=15)
            if found:
                break
        return [(s, score) for s, score, _ in found]

    # -- context ----------------------------------------------------------------------

    def _context_filter(self, country, region, bbox) -> Callable[[Place], bool] | None:
        from geoclaims.places.lookup_context import context_filter

        return context_filter(country, region, bbox)

    def _near_point(self, near: NearSpec) -> tuple[float, float]:
        """(lat, lon) of a near= argument."""
        from geoclaims.places.lookup_context import near_point

        return near_point(self, near)


def _similarity_score(letters: float, skeleton_similarity: float) -> float:
    """Score of a skeleton or fuzzy match: mostly the letters, partly the skeleton.

    ``0.9 * (0.75 * letters + 0.25 * skeleton)``: a close spelling of another
    skeleton ("Sevenyy" -> Severnyy) beats a far spelling of the same skeleton
    ("Sevenyy" -> Sven).
    """
    return SCORE_SIMILAR_MAX * (0.75 * letters + 0.25 * skeleton_similarity)


def _near_adjusted(score: float, place: Place, near_ll: tuple[float, float]) -> tuple[float, float | None]:
    """Score lowered by distance from the near= point (see the module docstring)."""
    if place.latlon is None:
        # unknown position: half the maximum penalty, distance unknown
        return round(max(0.0, score - NEAR_PENALTY_MAX / 2), 4), None
    d = distance_km(near_ll, place.latlon)
    penalty = NEAR_PENALTY_MAX * min(1.0, math.log10(1 + d / 10) / math.log10(1 + NEAR_FULL_PENALTY_KM / 10))
    return round(max(0.0, score - penalty), 4), round(d, 2)


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance in km between two (lat, lon) points on WGS84.

    Examples
    --------
    >>> round(distance_km((51.19139, 35.27056), (51.33250, 35.22750)), 1)
    16.0
    """
    from geopy.distance import geodesic

    return float(geodesic(a, b).km)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km on a 6,371 km sphere (within 0.5% of geodesic).

    For ranking and thresholds in hot loops; reported distances use :func:`distance_km`.

    Examples
    --------
    >>> round(haversine_km((51.19139, 35.27056), (51.33250, 35.22750)), 1)
    16.0
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _competitors(scored: list[tuple[float, Place]]) -> list[int]:
    """Indices of the candidates that compete with the first: close in score, far apart."""
    if len(scored) < 2:
        return []
    top_score, top = scored[0]
    out = []
    for i, (score, place) in enumerate(scored[1:], start=1):
        if score < top_score - AMBIGUITY_MARGIN:
            break
        if _far_apart(top, place):
            out.append(i)
    return out


def _far_apart(a: Place, b: Place) -> bool:
    if a.latlon is None or b.latlon is None:
        return True
    d = haversine_km(a.latlon, b.latlon)  # a 5 km threshold needs no geodesic precision
    return d > max(5.0, 2 * ((a.uncertainty_km or 0) + (b.uncertainty_km or 0)))


def _describe_candidates(matches: Iterable[Match]) -> str:
    return "; ".join(f"{m.place.label} [{m.place.id}, {m.reason} {m.score:.2f}]" for m in matches)


@functools.lru_cache(maxsize=1)
def _extract_one():
    from rapidfuzz.process import extractOne

    return extractOne


@functools.lru_cache(maxsize=1)
def _ratio():
    from rapidfuzz.fuzz import ratio

    return ratio


@functools.lru_cache(maxsize=1)
def _default_gazetteer() -> Gazetteer:
    from geoclaims._resources import data_file

    return Gazetteer.read(data_file("places.json.gz"))
