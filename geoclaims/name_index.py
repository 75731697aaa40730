"""The name index of a gazetteer: match keys -> the places that go by them.

Each entry is (fine key, place index, code), the code being ``name type * 2 + (1 if the stored
name is Cyrillic)`` (name types: canonical, former name, alias, romanisation, cognate; see
:func:`geoclaims.gazetteer.build_name_rows`).  Entries are kept grouped by key (compressed
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
from array import array
from typing import Iterable, Iterator

from geoclaims.names import skeleton

__all__ = ["NameIndex"]


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
        """The index as plain columns for :mod:`geoclaims.gazetteer_io`."""
        return {"keys": self.keys, "skeletons": self.skeletons, "offsets": self.offsets,
                "places": self.places, "codes": self.codes}
