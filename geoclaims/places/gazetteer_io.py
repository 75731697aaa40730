"""The gazetteer file (``places.json.gz``): places and name index, read fast and lazily.

A gzipped UTF-8 text of lines:

1. a JSON header: ``format``, ``key_version``, ``meta`` (counts of the build) and ``sections``
   (how many lines each section has);
2. ``ids``: one place id per line;
3. ``places``: one JSON array per place, in :data:`PLACE_FIELDS` order without the id;
4. ``keys``: one distinct match key per line, sorted;
5. ``offsets``, ``entries``, ``codes``: base64 of the index arrays (:class:`~geoclaims.places.name_index.NameIndex`);
6. ``skeletons``: the skeleton of each key, one per line (split only when a fuzzy lookup needs them).

Reading splits the text once; a place is decoded from its line only when first touched, so the
bundled 33,000 places load in about a fifth of a second.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
from array import array
from pathlib import Path
from typing import Any

from geoclaims._io import atomic_write
from geoclaims.errors import GazetteerDataError
from geoclaims.places.name_index import NameIndex
from geoclaims.places.names import KEY_VERSION
from geoclaims.places.place import Place

__all__ = ["FORMAT_VERSION", "PLACE_FIELDS", "read_gazetteer_file", "write_gazetteer_file", "LazyPlaces"]

FORMAT_VERSION = 2
PLACE_FIELDS = (
    "id", "name", "aliases", "lat", "lon", "uncertainty_km", "country", "admin1",
    "admin2", "kind", "population", "sources", "location_note", "former_names",
)
_TUPLES = ("aliases", "sources", "former_names")
_SECTIONS = ("ids", "places", "keys")


class LazyPlaces(list):
    """Places decoded from their JSON lines when first touched.

    Decoding all 40,000 bundled places at load would cost most of the cold start.
    """

    def __init__(self, ids: list[str], lines: list[str]) -> None:
        if len(ids) != len(lines):
            raise GazetteerDataError(f"gazetteer file: {len(ids)} ids but {len(lines)} places")
        super().__init__([None] * len(lines))
        self.ids = ids
        self._lines = lines

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        p = super().__getitem__(i)
        if p is None:
            try:
                values = [self.ids[i], *json.loads(self._lines[i])]
                fields = {f: (tuple(v) if f in _TUPLES else v) for f, v in zip(PLACE_FIELDS, values, strict=True)}
            except (ValueError, TypeError) as e:
                raise GazetteerDataError(f"gazetteer file: place {self.ids[i]!r} is malformed ({e})") from None
            p = Place(**fields)
            super().__setitem__(i, p)
        return p

    def __iter__(self):
        return (self[i] for i in range(len(self)))

    def __add__(self, other):  # type: ignore[override]
        return list(self) + list(other)


def write_gazetteer_file(path: str | os.PathLike[str], places, index: NameIndex, meta: dict[str, Any]) -> None:
    """Write places and index to `path`, atomically (deterministic bytes for the same input)."""
    cols = index.to_columns()
    lines = [p.id for p in places]
    lines += [json.dumps([list(v) if isinstance(v, tuple) else v for v in (getattr(p, f) for f in PLACE_FIELDS[1:])],
                         ensure_ascii=False, separators=(",", ":")) for p in places]
    lines += cols["keys"]
    lines += [base64.b64encode(cols[k].tobytes()).decode("ascii") for k in ("offsets", "places", "codes")]
    lines += cols["skeletons"]
    header = {
        "format": FORMAT_VERSION, "key_version": KEY_VERSION, "meta": meta,
        "sections": {"ids": len(places), "places": len(places), "keys": len(cols["keys"])},
        "array_types": {k: cols[k].typecode for k in ("offsets", "places", "codes")},
    }
    if any("\n" in line for line in lines):
        raise GazetteerDataError("a place name or key contains a line break")
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")) + "\n" + "\n".join(lines)
    atomic_write(Path(path), gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


def read_gazetteer_file(path: str | os.PathLike[str]) -> tuple[LazyPlaces, NameIndex, dict[str, Any]]:
    """(places, index, meta) of a file written by :func:`write_gazetteer_file`.

    Raises
    ------
    GazetteerDataError
        When the file is missing, not a gazetteer, or built with other match keys.
    """
    path = Path(path)
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
        nl = text.find("\n")
        header = json.loads(text if nl < 0 else text[:nl])
    except FileNotFoundError:
        raise GazetteerDataError(f"{path}: gazetteer file not found; rebuild it with `make gazetteer`") from None
    except (OSError, EOFError, ValueError) as exc:
        raise GazetteerDataError(f"{path}: not a gzipped gazetteer file ({exc})") from None
    if not isinstance(header, dict) or header.get("format") != FORMAT_VERSION or header.get("key_version") != KEY_VERSION:
        got = header if not isinstance(header, dict) else (header.get("format"), header.get("key_version"))
        raise GazetteerDataError(
            f"{path}: built with format / key version {got}, this geoclaims reads format {FORMAT_VERSION} / key "
            f"version {KEY_VERSION}; rebuild it with `make gazetteer`"
        )
    try:
        sizes = header["sections"]
        head = sum(sizes[name] for name in _SECTIONS) + 4  # header, sections, three array lines
        lines = text.split("\n", head)
        parts, at = {}, 1
        for name in _SECTIONS:
            parts[name] = lines[at: at + sizes[name]]
            at += sizes[name]
        arrays = {}
        for name in ("offsets", "places", "codes"):
            a = array(header["array_types"][name])
            a.frombytes(base64.b64decode(lines[at]))
            arrays[name] = a
            at += 1
        skeleton_text = lines[at] if len(lines) > at else ""
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        raise GazetteerDataError(f"{path}: the gazetteer file is truncated or malformed ({exc})") from None
    if len(arrays["offsets"]) != len(parts["keys"]) + 1 or len(arrays["places"]) != len(arrays["codes"]):
        raise GazetteerDataError(f"{path}: the name index does not match its keys; rebuild it with `make gazetteer`")
    index = NameIndex(parts["keys"], arrays["offsets"], arrays["places"], arrays["codes"],
                      skeleton_text or None)
    return LazyPlaces(parts["ids"], parts["places"]), index, header.get("meta", {})
