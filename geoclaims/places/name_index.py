"""The name index of a gazetteer: match keys -> the places that go by them.

Each entry is (fine key, place index, code), the code being ``name type * 2 + (1 if the stored
name is Cyrillic)`` (name types: canonical, former name, alias, romanisation, cognate; see
:func:`build_name_rows`).  Entries are kept grouped by key (compressed
sparse rows: the distinct keys, sorted, and an offset per key into flat arrays of places and
codes), so that loading the bundled index costs one ``dict`` of distinct keys and three array
copies, not a Python object per entry: the cold start stays well under half a second with
40,000 places.

The skeleton (transliteration-insensitive key) of each distinct key is stored beside it, and the
skeleton -> places index and the place -> keys index are built on first use only (fuzzy lookups
and "did you mean" need them; exact lookups do not).
"""

from __future__ import annotations

import bisect
import functools
from array import array
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

from geoclaims.places.names import fold, has_cyrillic, is_matchable, romanizations, skeleton

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.place import Place

__all__ = ["NameIndex", "build_name_rows", "COGNATE_SOURCES", "COGNATE_COUNTRIES", "COGNATE_RU_REGIONS"]

# name types in the index, strongest first; the code stored is type * 2 + (1 if Cyrillic)
_CANONICAL, _FORMER, _ALIAS, _TRANSLIT, _COGNATE = 0, 1, 2, 3, 4
#: Cognate forms are made from at most this many Cyrillic names of a place (its own language's).
COGNATE_SOURCES = 2
#: Places whose names get cognates: all of Ukraine, and the Russian oblasts on its border where
#: reports use Ukrainian forms (Свердликове). Elsewhere a Ukrainian form of a Russian name would only
#: collide with the inflected forms of other names in running text ("Красноармейска").
COGNATE_COUNTRIES = ("UA",)
COGNATE_RU_REGIONS = ("Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast")


class NameIndex:
    """Distinct keys with the (place, code) entries of each; immutable once made.

    Parameters
    ----------
    keys : list of str
        Distinct fine keys, sorted.
    offsets : array of unsigned int
        ``len(keys) + 1`` offsets: key ``i`` owns entries ``offsets[i]:offsets[i + 1]``.
    places, codes : array
        Place index and code of each entry.
    skeletons : list of str, or str, optional
        Skeleton of each key (computed when missing), or the same as one newline-separated text
        (split on first use).

    Examples
    --------
    >>> idx = NameIndex.from_rows([("sudzha", 0, 0), ("суджа", 0, 5), ("sudzha", 1, 6)])
    >>> idx.entries("sudzha"), len(idx), idx.keys_of_place(0)
    ([(0, 0), (1, 6)], 3, ['sudzha', 'суджа'])
    """

    __slots__ = ("keys", "offsets", "places", "codes", "_skeletons", "_by_place", "_skel_index")

    def __init__(self, keys: list[str], offsets: array, places: array, codes: array,
                 skeletons: list[str] | str | None = None) -> None:
        self.keys = keys  # sorted: a key is found by bisection, with no dict to build at load
        self.offsets = offsets
        self.places = places
        self.codes = codes
        self._skeletons = skeletons
        self._by_place: dict[int, list[str]] | None = None
        self._skel_index: dict[str, list[int]] | None = None

    @classmethod
    def from_rows(cls, rows: Iterable[tuple[str, int, int]]) -> "NameIndex":
        """Group ``(key, place index, code)`` rows by key (keys sorted; entries in row order)."""
        grouped: dict[str, list[tuple[int, int]]] = {}
        for k, p, c in rows:
            grouped.setdefault(k, []).append((p, c))
        keys = sorted(grouped)
        offsets = array("I", [0])
        places, codes = array("I"), array("B")
        for k in keys:
            for p, c in grouped[k]:
                places.append(p)
                codes.append(c)
            offsets.append(len(places))
        return cls(keys, offsets, places, codes)

    def __len__(self) -> int:
        return len(self.places)

    def entries(self, key: str) -> list[tuple[int, int]]:
        """``[(place index, code), ...]`` of `key` ([] when unknown)."""
        i = bisect.bisect_left(self.keys, key)
        if i == len(self.keys) or self.keys[i] != key:
            return []
        lo, hi = self.offsets[i], self.offsets[i + 1]
        return list(zip(self.places[lo:hi], self.codes[lo:hi]))

    def rows(self) -> Iterator[tuple[str, int, int]]:
        """Every ``(key, place index, code)``."""
        off = self.offsets
        for i, k in enumerate(self.keys):
            for j in range(off[i], off[i + 1]):
                yield k, self.places[j], self.codes[j]

    @property
    def skeletons(self) -> list[str]:
        """Skeleton of each distinct key."""
        if self._skeletons is None:
            self._skeletons = [skeleton(k) for k in self.keys]
        elif isinstance(self._skeletons, str):
            self._skeletons = self._skeletons.split("\n")
        return self._skeletons

    def keys_of_place(self, pidx: int) -> list[str]:
        """The keys place `pidx` goes by (in key order)."""
        if self._by_place is None:
            lists: dict[int, list[str]] = {}
            off, places = self.offsets, self.places
            for i, k in enumerate(self.keys):
                for j in range(off[i], off[i + 1]):
                    lists.setdefault(places[j], []).append(k)
            self._by_place = lists
        return self._by_place.get(pidx, [])

    def skeleton_index(self) -> dict[str, list[int]]:
        """Skeleton -> place indices that have a key with it."""
        if self._skel_index is None:
            index: dict[str, list[int]] = {}
            off = self.offsets
            for i, s in enumerate(self.skeletons):
                bucket = index.setdefault(s, [])
                for j in range(off[i], off[i + 1]):
                    p = self.places[j]
                    if p not in bucket:
                        bucket.append(p)
            self._skel_index = index
        return self._skel_index

    def to_columns(self) -> dict[str, object]:
        """The index as plain columns for :mod:`geoclaims.places.gazetteer_io`."""
        return {"keys": self.keys, "skeletons": self.skeletons, "offsets": self.offsets,
                "places": self.places, "codes": self.codes}


def build_name_rows(places: Sequence["Place"], *, romanize: bool = True) -> list[tuple[str, int, int]]:
    """Index rows ``(fine key, place index, code)`` for `places`.

    One row per distinct key of a place, with the strongest name type that
    produces it (canonical, alias, former name, romanisation, cognate); the code is
    ``type * 2 + (1 if the name is Cyrillic)``.  Cognates
    (:func:`geoclaims.places.cognates.cognates`: the regular Russian form of a Ukrainian name and the
    reverse) are made from the place's own-language Cyrillic names (Ukrainian for a place in
    Ukraine, Russian elsewhere), and indexed in Cyrillic and in their language's romanisations.
    """
    from geoclaims.places.cognates import cognate_spellings

    rows: list[tuple[str, int, int]] = []
    for pidx, p in enumerate(places):
        seen: dict[tuple[str, int], int] = {}  # (key, cyrillic) -> strongest code
        named = [(p.name, _CANONICAL)]
        former = set(p.former_names)
        named += [(a, _FORMER if a in former else _ALIAS) for a in p.aliases]
        named += [(f, _FORMER) for f in p.former_names if f not in p.aliases]
        cyrillic_names = []
        for n, kind in named:
            if not is_matchable(n):
                continue
            k = fold(n)
            if not k:
                continue
            cyr = int(has_cyrillic(n))
            code = kind * 2 + cyr
            if (k, cyr) not in seen or code < seen[(k, cyr)]:
                seen[(k, cyr)] = code
            if cyr:
                cyrillic_names.append(n)
        if romanize:
            for n in cyrillic_names:
                for spelled in _cached_romanizations(n):
                    k = fold(spelled)
                    if k and (k, 0) not in seen:
                        seen[(k, 0)] = _TRANSLIT * 2
            own, sources = cognate_sources(p, cyrillic_names)
            for n in sources:
                for spelled in cognate_spellings(n, own):
                    k = fold(spelled)
                    cyr = int(has_cyrillic(spelled))
                    if k and (k, cyr) not in seen:
                        seen[(k, cyr)] = _COGNATE * 2 + cyr
        rows.extend((k, pidx, c) for (k, _), c in seen.items())
    return rows


def cognate_sources(p: "Place", cyrillic_names: list[str]) -> tuple[str, list[str]]:
    """The language of a place's names and the Cyrillic names of it whose cognates are indexed.

    Its own-language names (Ukrainian for a place in Ukraine, Russian elsewhere), for a place where the other
    language's forms are written (Ukraine, and the Russian regions the war reached), and its former names:
    Russian reports name a renamed village by the Russian form of its old name (Новопетровское for
    Новопетрівське, now Тернове).
    """
    from geoclaims.places.names import guess_language

    own = "uk" if p.country == "UA" else "ru"
    if not (p.country in COGNATE_COUNTRIES or (p.country == "RU" and p.admin1 in COGNATE_RU_REGIONS)):
        return own, []
    sources = [n for n in cyrillic_names if (guess_language(n) or own) == own][:COGNATE_SOURCES]
    sources += [n for n in p.former_names if n in cyrillic_names and n not in sources
                and (guess_language(n) or own) == own]
    return own, sources


@functools.lru_cache(maxsize=200_000)
def _cached_romanizations(name: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(romanizations(name).values()))
