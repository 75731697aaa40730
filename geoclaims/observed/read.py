"""Observed control maps: read dated snapshot archives into a :class:`~geoclaims.timeline.core.Timeline`.

Analysts check claims against maps others draw (DeepStateMap, ISW/CTP layers, their own QGIS
work). :func:`read_snapshots` reads such an archive and gives the same Timeline API as a claims
timeline: ``state``, ``diff``, ``changes`` (settlements that changed hands), ``area_series``,
``explore`` and ``render_daily``.

Inputs:

- a folder or zip of GeoJSON files, one snapshot each, dated by the file name (an ISO date, or a
  Unix timestamp in seconds, UTC), by a property (``date_property=``) or by your function
  (``date_from=``);
- one GeoPackage or GeoJSON with ``valid_from`` / ``valid_to`` columns (what ``geoclaims build``
  writes);
- the DeepStateMap export (``preset="deepstate"``), with its quirks.

Features become control through :class:`SnapshotRules`: a key per feature (a property, or a
function of the properties) and the first rule whose pattern matches the key gives ``(side,
status)``, or None for features that are not control (unit markers, historical territories).
Polygons with a key no rule knows are reported, never silently dropped.

Control is kept as in claim timelines: each side's polygons lie outside its own country (Russian-
held Ukraine, Ukrainian-held Russia), and grey-zone polygons are contested, belonging to the side
that does not own the land. Areas are computed in an equal-area projection.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import sys
import warnings
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping, Sequence

from geoclaims.claims.claim import SIDES
from geoclaims.control.engine import STATUSES, Piece, _piece, polygonal
from geoclaims.errors import GeoclaimsError, InvalidArgument, InvalidArgumentType

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.control.projection import LocalProjection
    from geoclaims.timeline.core import Timeline

__all__ = ["read_snapshots", "SnapshotRules", "SnapshotProblem", "SnapshotWarning", "SnapshotError", "PRESETS",
           "deepstate_key", "deepstate_fill", "DEEPSTATE_FILLS", "date_from_name", "OBSERVED_CLAIM"]

#: Pieces of observed timelines carry this claim index (no claim is behind them).
OBSERVED_CLAIM = -2
_SUFFIXES = (".geojson", ".json")
_POLYGONAL = ("Polygon", "MultiPolygon", "GeometryCollection")


class SnapshotWarning(UserWarning):
    """A snapshot file (or feature) was skipped or repaired; the message names the file."""


@dataclass(frozen=True)
class SnapshotProblem:
    """What went wrong with one file of an archive (and, when known, which feature)."""

    file: str
    message: str
    feature: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}" + (f", feature {self.feature}" if self.feature is not None else "")
        return f"{where}: {self.message}"


class SnapshotError(GeoclaimsError, ValueError):
    """An archive could not be read (with ``on_error="raise"``, the first bad file)."""

    def __init__(self, message: str, problems: Sequence[SnapshotProblem] = ()):
        super().__init__(message)
        self.problems = tuple(problems)


@dataclass(frozen=True)
class SnapshotRules:
    """How a snapshot's features become control.

    Parameters
    ----------
    key : str or callable
        The property holding each feature's key (default ``"name"``), or a function
        ``properties -> key``.
    rules : sequence of (pattern, target)
        Regular expressions searched in the key, first match wins; the target is ``(side,
        status)`` with side ``UA``/``RU`` (or ``""`` for grey zone, split by country) and status
        held/advanced/contested, or None for features that are not control.
    fallback : callable, optional
        ``properties -> target or None`` for features whose key no rule knows (e.g. by fill colour);
        what it classifies is used and reported (``Timeline.fallback_keys``), never silent. Without it
        such features are left out and reported (``Timeline.unknown_keys``).

    Examples
    --------
    >>> r = SnapshotRules("kind", [(r"^russian", ("RU", "held")), (r"^grey", ("", "contested")), (r"^arrow", None)])
    >>> r.classify({"kind": "russian-held"}), r.classify({"kind": "arrow"}), r.classify({"kind": "?"})
    (('RU', 'held'), None, Ellipsis)
    """

    key: "str | Callable[[Mapping[str, Any]], str]" = "name"
    rules: Sequence[tuple[str, "tuple[str, str] | None"]] = ()
    fallback: "Callable[[Mapping[str, Any]], tuple[str, str] | None] | None" = None
    _compiled: tuple = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        compiled = []
        for pattern, target in self.rules:
            if target is not None:
                side, status = target
                if side not in ("", *SIDES) or status not in STATUSES:
                    raise InvalidArgument(f"rule {pattern!r}: target {target!r} is not valid; side one of "
                                     f"{', '.join(SIDES)} or '' (grey zone), status one of {', '.join(STATUSES)}")
            try:
                compiled.append((re.compile(pattern), target))
            except re.error as e:
                raise InvalidArgument(f"rule {pattern!r} is not a valid regular expression: {e}") from None
        object.__setattr__(self, "_compiled", tuple(compiled))

    def key_of(self, properties: Mapping[str, Any]) -> str:
        """The feature's key, whitespace (newlines, no-break spaces) trimmed."""
        value = self.key(properties) if callable(self.key) else properties.get(self.key)
        return "" if value is None else str(value).strip()

    def classify(self, properties: Mapping[str, Any]) -> "tuple[str, str] | None | type(Ellipsis)":
        """``(side, status)``, None (not control) or ``...`` (no rule knows the key)."""
        key = self.key_of(properties)
        for pattern, target in self._compiled:
            if pattern.search(key):
                return target
        return ...

    def classify_fallback(self, properties: Mapping[str, Any]) -> "tuple[str, str] | None | type(Ellipsis)":
        """The :attr:`fallback`'s target for a feature no rule knows, or ``...`` without a fallback."""
        if self.fallback is None:
            return ...
        target = self.fallback(properties)
        return ... if target is ... else target


def deepstate_key(properties: Mapping[str, Any]) -> str:
    """The status key of a DeepStateMap feature.

    Names read ``"<Ukrainian> /// <English> /// geoJSON.status.<key>"``, sometimes with a trailing
    newline or no-break space; 2022 files have no ``geoJSON.`` part (``"Звільнено /// Taken back
    25.03"``), or only the Ukrainian text.

    Examples
    --------
    >>> deepstate_key({"name": "Окуповано /// Occupied /// geoJSON.status.occupied\\u00a0"})
    'geoJSON.status.occupied'
    >>> deepstate_key({"name": "Звільнено /// Taken back 25.03\\n"})
    'Taken back 25.03'
    >>> deepstate_key({"name": "Під питанням"})
    'Під питанням'

    Returns
    -------
    str
    """
    name = str(properties.get("name") or "")
    parts = [p.strip() for p in name.split("///")]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    for p in parts:
        if p.startswith("geoJSON."):
            return p
    return parts[1] if len(parts) >= 2 else parts[0]


#: DeepStateMap fill colours and what they mean, for polygons whose name no rule knows ("Багатокутник 23",
#: free-text notes): occupied red, liberated green, Ukrainian-held blues, grey zone greys. Black and
#: dark magenta mark Crimea/ORDLO but also Transnistria, pink the "historical territories": not used.
DEEPSTATE_FILLS: dict[str, "tuple[str, str]"] = {
    "#a52714": ("RU", "held"), "#0f9d58": ("UA", "held"), "#0288d1": ("UA", "held"), "#01579b": ("UA", "held"),
    "#bcaaa4": ("", "contested"), "#bdbdbd": ("", "contested"), "#757575": ("", "contested"),
}


def deepstate_fill(properties: Mapping[str, Any]) -> "tuple[str, str] | type(Ellipsis)":
    """A DeepState polygon's control by its fill colour (:data:`DEEPSTATE_FILLS`), or ``...``.

    Examples
    --------
    >>> deepstate_fill({"name": "Багатокутник 23", "fill": "#A52714"}), deepstate_fill({"fill": "#ff5252"})
    (('RU', 'held'), Ellipsis)
    """
    return DEEPSTATE_FILLS.get(str(properties.get("fill") or "").strip().lower(), ...)


#: DeepStateMap, every format of the public archive (April 2022 - August 2025):
#:
#: - 2024 on: ``geoJSON.status.<key>`` keys: occupied is Russian-held, "dismissed" (liberated Ukraine,
#:   and the Kursk salient, filled blue) Ukrainian-held, "unknown" grey zone contested; Crimea, ORDLO and
#:   Tuzla are Russian-held territories; other "territories", islands and markers are not control.
#: - 2022-2023, English names: "Occupied", "CADR and CALR", "Occupied Crimea/Tuzla Island" Russian-held;
#:   "Liberated ...", "Taken back", "Recaptured" Ukrainian-held; "Unknown status", "Situation is unknown",
#:   "Contested" (and its misspellings), "Under question", "In doubt", "Gray area" contested; the
#:   "temporarily occupied" Karelia, Petsamo, Kuril, East Prussia... (a joke layer) and Transnistria not.
#: - April 2022, Ukrainian only: "Крим", "ОРДЛО", "Окуповано", "Захоплено" Russian-held; "Звільнено",
#:   "Під контролем ЗСУ" Ukrainian-held; "Під питанням", "Сіра зона", "Ситуація невідома" contested.
#: - Anything else ("Багатокутник 23", free-text notes) by its fill colour (:func:`deepstate_fill`),
#:   reported; a polygon whose colour says nothing is left out and reported.
#:
#: Since control is kept relative to each side's own country, "dismissed" land inside Ukraine adds
#: nothing and the salient remains.
DEEPSTATE = SnapshotRules(
    key=deepstate_key,
    rules=(
        (r"^geoJSON\.status\.occupied", ("RU", "held")),
        (r"^geoJSON\.status\.dismissed", ("UA", "held")),
        (r"^geoJSON\.status\.unknown", ("", "contested")),
        (r"^geoJSON\.territories\.(crimea|ordlo|tuzla)\b", ("RU", "held")),
        (r"^geoJSON\.territories\.", None),
        (r"^geoJSON\.(zmiinyi_island|units?|arrows?|airports?|airfields?|direction|moskow)", None),
        (r"^geoJSON\.icons?\.", None),
        # 2022-2023, English
        (r"^(Occupied (Crimea|Tuzla)|CADR and CALR|ORDLO)", ("RU", "held")),
        (r"^(Occupied (Petsamo|Salla|Latvia|Southern Kuril|Tskhinvali|Pechorsky)|Annexed from|"
         r"The temporarily occupied territory|East Prussia|occupied Estonia|Under the control of rebels)", None),
        (r"^(Transnistria|Snake Island)", None),
        (r"^Occupied\b", ("RU", "held")),
        (r"under occupation|Territories, which are under occup", ("RU", "held")),
        (r"^(Taken back|Liberated|Recaptured|The enemy was pushed back)|Recaptured territories", ("UA", "held")),
        (r"(^|\s)(Contested|Contensed|Contenesed)\b|^(Unknown status|Situation is unknown|Under question|In doubt|"
         r"Gray area)", ("", "contested")),
        # April 2022, Ukrainian
        (r"^(Окупований Крим|Крим|ОРДЛО|Острів Тузла)$", ("RU", "held")),
        (r"^(Зміїний|Придністров|Вологі мрії)", None),
        (r"зайняті ворогом|окупован|Окупован|^Окуповано|^Захоплено|^Фактично контролюється ворогом", ("RU", "held")),
        (r"^(Звільнено|звільнено)|^Під контролем ЗСУ|^Орки відсутні|^Ворога відкинуто|^Начебто звільнено",
         ("UA", "held")),
        (r"^(Під питанням|Сіра зона|Ситуація невідома|Немає інфо)|^Невідомо|^Нам достеменно невідомо",
         ("", "contested")),
    ),
    fallback=deepstate_fill,
)

def _side_status(p: Mapping[str, Any]) -> str:
    return f"{str(p.get('side') or '').strip().upper()}/{str(p.get('status') or '').strip().lower()}"


#: What ``geoclaims build`` exports (and any file with ``side``/``status`` properties).
GEOCLAIMS = SnapshotRules(
    key=_side_status,
    rules=tuple((f"^{s}/{st}$", (s, st)) for s in SIDES for st in STATUSES),
)

#: ``preset=`` names.
PRESETS: dict[str, SnapshotRules] = {"deepstate": DEEPSTATE, "geoclaims": GEOCLAIMS}

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_UNIX = re.compile(r"(?<!\d)(\d{10})(?!\d)")


def date_from_name(name: str) -> dt.date | None:
    """The date in a file name: ``2025-01-05`` anywhere, or a 10-digit Unix timestamp (UTC).

    Examples
    --------
    >>> date_from_name("deepstate/1736112210.geojson"), date_from_name("map-2024-08-19.json")
    (datetime.date(2025, 1, 5), datetime.date(2024, 8, 19))

    Returns
    -------
    datetime.date or None
    """
    base = os.path.basename(name)
    m = _ISO.search(base)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = _UNIX.search(base)
    if m:
        return dt.datetime.fromtimestamp(int(m[1]), tz=dt.timezone.utc).date()
    return None


def _sort_key(name: str) -> tuple:
    m = _UNIX.search(os.path.basename(name))
    return (int(m[1]) if m else 0, name)


# -- reading one file ------------------------------------------------------------------------------
@dataclass
class _Parsed:
    name: str
    date: dt.date | None
    #: (side, status) -> polygons, each a list of rings (n x 2 float arrays), or shapely geometries
    groups: dict[tuple[str, str], list[Any]]
    unknown: Counter
    problems: list[SnapshotProblem]
    order: tuple
    #: (side, status) -> digest of the group's coordinates: equal digests, same geometry
    digests: dict[tuple[str, str], bytes] = field(default_factory=dict)
    #: (side, status) -> pieces (or (side, status, WKB) from a worker process)
    built: dict[tuple[str, str], tuple] = field(default_factory=dict)
    has_groups: bool = False
    #: keys no rule knew, classified by the rules' fallback (counts)
    fallback: Counter = field(default_factory=Counter)


#: GeometryCollections nested deeper than this are not map data (a DeepState export nests one level).
MAX_COLLECTION_DEPTH = 8
_GEOJSON_TYPES = ("Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon",
                  "GeometryCollection")


def _rings(coords) -> list[Any]:
    import numpy as np

    if not isinstance(coords, list):
        raise ValueError(f"a polygon's coordinates must be a list of rings, not {type(coords).__name__}")
    out = []
    for r in coords:
        a = np.asarray(r, dtype=float)
        if a.ndim != 2 or a.shape[1] < 2:
            raise ValueError("coordinates are not [lon, lat] pairs")
        if not np.isfinite(a[:, :2]).all():
            raise ValueError("coordinates are not finite numbers")
        lon, lat = a[:, 0], a[:, 1]
        if lon.min() < -180 or lon.max() > 180 or lat.min() < -90 or lat.max() > 90:
            raise ValueError(f"coordinates out of range (lon {lon.min():.6g}..{lon.max():.6g}, "
                             f"lat {lat.min():.6g}..{lat.max():.6g}); expected WGS84 degrees")
        if len(a) >= 3:
            out.append(np.ascontiguousarray(a[:, :2]))  # 3-D [lon, lat, 0] exports: drop z
    return out


def _geometry_type(geom: Any) -> str:
    """The GeoJSON type of a geometry object; a type in the wrong case is taken (and reported by the caller)."""
    t = geom.get("type") if isinstance(geom, Mapping) else None
    if isinstance(t, str) and t not in _GEOJSON_TYPES:
        for known in _GEOJSON_TYPES:
            if t.lower() == known.lower():
                return known
    return t if isinstance(t, str) else ""


def _polygons_of(geom: Mapping[str, Any], depth: int = 0) -> list[list[Any]]:
    """A GeoJSON Polygon, MultiPolygon or GeometryCollection as polygons of ring arrays.

    Raises ValueError for what is not map data (bad coordinates, collections nested too deep).
    """
    t = _geometry_type(geom)
    if t == "Polygon":
        coords = geom.get("coordinates")
        if coords is None:
            raise ValueError("a Polygon with no coordinates")
        rings = _rings(coords)
        return [rings] if rings else []
    if t == "MultiPolygon":
        coords = geom.get("coordinates")
        if not isinstance(coords, list):
            raise ValueError("a MultiPolygon with no list of polygons")
        return [r for r in (_rings(p) for p in coords) if r]
    if t == "GeometryCollection":
        if depth >= MAX_COLLECTION_DEPTH:
            raise ValueError(f"GeometryCollections nested more than {MAX_COLLECTION_DEPTH} deep")
        parts = geom.get("geometries")
        if not isinstance(parts, list):
            raise ValueError("a GeometryCollection with no list of geometries")
        return [p for g in parts if isinstance(g, Mapping) for p in _polygons_of(g, depth + 1)]
    return []


def _digest(side: str, status: str, polygons: list[list[Any]]) -> bytes:
    h = hashlib.blake2b(f"{side}/{status}".encode(), digest_size=20)
    for rings in polygons:
        h.update(b"P")
        for r in rings:
            h.update(r.tobytes())
            h.update(b"R")
    return h.digest()


def _loads(data: bytes):
    try:
        import orjson

        return orjson.loads(data)
    except ImportError:  # pragma: no cover - orjson is a dependency
        import json

        return json.loads(data)


def _parse(name: str, data: bytes, rules: SnapshotRules, date_from: Callable | None,
           date_property: str | None) -> _Parsed:
    """Parse one snapshot: its date and, per (side, status), the GeoJSON geometries (bytes)."""
    problems: list[SnapshotProblem] = []
    out = _Parsed(name, None, {}, Counter(), problems, _sort_key(name))
    try:
        doc = _loads(data)
    except Exception as e:  # noqa: BLE001 - any JSON error, reported with the file
        problems.append(SnapshotProblem(name, f"not valid JSON ({e}); is the file truncated?"))
        return out
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        problems.append(SnapshotProblem(name, "not a GeoJSON FeatureCollection"))
        return out
    feats = doc["features"]
    if date_from is not None:
        try:
            d = date_from(name, doc)
            out.date = d.date() if isinstance(d, dt.datetime) else d
        except Exception as e:  # noqa: BLE001 - the user's callback
            problems.append(SnapshotProblem(name, f"date_from failed: {e}"))
            return out
    elif date_property is not None:
        value = next((f.get("properties", {}).get(date_property) for f in feats if isinstance(f, dict)
                      and (f.get("properties") or {}).get(date_property)), None) or doc.get(date_property)
        try:
            out.date = dt.date.fromisoformat(str(value)[:10]) if value else None
        except ValueError:
            out.date = None
        if out.date is None:
            problems.append(SnapshotProblem(name, f"no date: property {date_property!r} is "
                                            f"{'missing' if not value else repr(value)}; expected YYYY-MM-DD"))
            return out
    else:
        out.date = date_from_name(name)
        if out.date is None:
            problems.append(SnapshotProblem(name, "no date in the file name: expected an ISO date (2025-01-05) or a "
                                            "Unix timestamp (1736112210); or pass date_property= / date_from="))
            return out
    if not feats:
        problems.append(SnapshotProblem(name, "empty FeatureCollection (no features): skipped, not read as "
                                        "'nobody holds anything'"))
        return out
    for i, f in enumerate(feats):
        if not isinstance(f, dict):
            problems.append(SnapshotProblem(name, f"feature is {type(f).__name__}, not a GeoJSON Feature; skipped", i))
            continue
        geom = f.get("geometry")
        if geom is None:
            continue  # a feature without geometry: nothing to draw
        if not isinstance(geom, dict):
            problems.append(SnapshotProblem(name, f"geometry is {type(geom).__name__}, not a GeoJSON object; "
                                            "feature skipped", i))
            continue
        gtype = _geometry_type(geom)
        if gtype not in _GEOJSON_TYPES:
            problems.append(SnapshotProblem(name, f"geometry type {str(geom.get('type'))[:40]!r} is not GeoJSON "
                                            f"(valid: {', '.join(_GEOJSON_TYPES)}); feature skipped", i))
            continue
        if gtype != geom.get("type"):
            problems.append(SnapshotProblem(name, f"geometry type {geom.get('type')!r} read as {gtype!r} (GeoJSON "
                                            "types are case-sensitive)", i))
        if gtype not in _POLYGONAL:
            continue  # points and lines: unit markers, arrows
        props = f.get("properties")
        if props is not None and not isinstance(props, dict):
            problems.append(SnapshotProblem(name, f"properties is {type(props).__name__}, not an object; feature "
                                            "skipped", i))
            continue
        props = props or {}
        try:
            target = rules.classify(props)
        except Exception as e:  # noqa: BLE001 - a user's key function
            problems.append(SnapshotProblem(name, f"the rules' key failed on this feature ({e!r}); skipped", i))
            continue
        if target is ...:
            target = rules.classify_fallback(props)
            key = rules.key_of(props)[:200] or "(no key)"
            if target is ...:
                out.unknown[key] += 1
                continue
            out.fallback[key] += 1
        if target is None:
            continue
        try:
            polys = _polygons_of(geom)
        except (ValueError, TypeError, RecursionError) as e:
            problems.append(SnapshotProblem(name, f"bad geometry ({e}); feature skipped", i))
            continue
        if not polys:
            problems.append(SnapshotProblem(name, "a control polygon with no rings (empty coordinates); feature "
                                            "skipped", i))
            continue
        out.groups.setdefault(target, []).extend(polys)
    out.digests = {t: _digest(t[0], t[1], polys) for t, polys in out.groups.items()}
    if not out.groups and not out.unknown:
        problems.append(SnapshotProblem(name, "no control polygons (only points, lines or non-control features)"))
    return out


# -- the work on one file, in this process or in a worker -------------------------------------------
_WORKER: dict[str, Any] = {}


def _init_worker(spec, date_from, date_property, proj, region_wkb) -> None:
    import shapely

    region = shapely.from_wkb(region_wkb) if region_wkb is not None else None
    _WORKER.update(spec=spec, date_from=date_from, date_property=date_property, builder=_Builder(proj, region),
                   remote=True)


def _finish(parsed: _Parsed, builder: "_Builder | None", remote: bool = False) -> _Parsed:
    """Build the pieces of a parsed snapshot; drop its coordinates (workers send WKB back)."""
    import shapely

    if builder is not None and parsed.date is not None and parsed.groups:
        built = builder.group_pieces(parsed)
        parsed.built = {t: tuple((p.side, p.status, shapely.to_wkb(p.geom)) for p in ps) for t, ps in built.items()} \
            if remote else built
    parsed.has_groups = bool(parsed.groups)
    parsed.groups = {}
    return parsed


def _work(item: tuple[str, "bytes | SnapshotProblem"]) -> _Parsed:
    w = _WORKER
    return _process(item[0], item[1], w["spec"], w["date_from"], w["date_property"], w["builder"], remote=True)


def _process(name: str, data: "bytes | SnapshotProblem", spec: "SnapshotRules", date_from, date_property,
             builder: "_Builder | None", remote: bool = False) -> _Parsed:
    """Parse and build one file; whatever goes wrong is a problem of that file, never of the archive."""
    if isinstance(data, SnapshotProblem):
        return _Parsed(name, None, {}, Counter(), [data], _sort_key(name))
    try:
        parsed = _parse(name, data, spec, date_from, date_property)
    except Exception as e:  # noqa: BLE001 - a file we cannot parse must not stop its neighbours
        return _Parsed(name, None, {}, Counter(), [SnapshotProblem(name, f"could not be read ({e!r}); skipped")],
                       _sort_key(name))
    return _finish_safely(parsed, builder, remote)


def _finish_safely(parsed: _Parsed, builder: "_Builder | None", remote: bool = False) -> _Parsed:
    try:
        return _finish(parsed, builder, remote)
    except Exception as e:  # noqa: BLE001 - GEOS on hostile geometry: this file only
        parsed.problems.append(SnapshotProblem(parsed.name, f"its polygons could not be built ({e!r}); skipped"))
        parsed.date, parsed.groups, parsed.has_groups, parsed.built = None, {}, False, {}
        return parsed


#: A snapshot file larger than this (after unzipping) is refused: real ones are about 0.5 MB.
MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024


def _read_member(name: str, read: Callable[[], bytes]) -> "bytes | SnapshotProblem":
    """The bytes of one archive member, or the problem that stopped their reading."""
    import zlib

    try:
        return read()
    except zipfile.BadZipFile as e:
        return SnapshotProblem(name, f"damaged zip member ({e}); skipped")
    except NotImplementedError as e:
        return SnapshotProblem(name, f"zip member in a compression this Python cannot read ({e}); skipped")
    except RuntimeError as e:  # zipfile: "File ... is encrypted, password required"
        return SnapshotProblem(name, f"zip member cannot be read ({e}); skipped")
    except (zlib.error, EOFError) as e:
        return SnapshotProblem(name, f"damaged zip member ({e}); skipped")
    except _TooLarge as e:
        return SnapshotProblem(name, str(e))
    except OSError as e:
        return SnapshotProblem(name, f"cannot be read ({e.strerror or e}); skipped")


class _TooLarge(Exception):
    pass


# -- enumerating an archive -------------------------------------------------------------------------
def _members(path: Path) -> Iterator[tuple[str, Callable[[], bytes]]]:
    def sized(read: Callable[[], bytes], size: int, name: str) -> Callable[[], bytes]:
        def go() -> bytes:
            if size > MAX_SNAPSHOT_BYTES:
                raise _TooLarge(f"{size:,} bytes, over the limit of {MAX_SNAPSHOT_BYTES:,} for one snapshot; skipped")
            return read()
        return go

    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and p.suffix.lower() in _SUFFIXES:
                yield str(p.relative_to(path)), sized(p.read_bytes, p.stat().st_size, p.name)
    elif zipfile.is_zipfile(path):
        try:
            zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as e:
            raise SnapshotError(f"{path}: not a readable zip archive ({e})") from None
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            if not info.is_dir() and info.filename.lower().endswith(_SUFFIXES):
                yield info.filename, sized(lambda n=info.filename: zf.read(n), info.file_size, info.filename)
    else:
        yield path.name, sized(path.read_bytes, path.stat().st_size, path.name)


# -- geometry -------------------------------------------------------------------------------------
class _Builder:
    """Turns parsed groups into Pieces in the local projection, reusing unchanged ones by hash."""

    def __init__(self, proj, region_wgs84) -> None:
        import shapely

        self.proj = proj
        self.region = None if region_wgs84 is None else proj.to_local(region_wgs84)
        if self.region is not None:
            shapely.prepare(self.region)
        self._pieces: dict[bytes, tuple[Piece, ...]] = {}
        self._countries: dict[tuple, dict[str, Any]] = {}

    def countries(self, bounds) -> dict[str, Any]:
        """UA and RU outlines (local CRS) around `bounds`, cached by whole degrees."""
        import math

        import shapely

        from geoclaims.places import boundaries

        key = (math.floor(bounds[0]) - 1, math.floor(bounds[1]) - 1, math.ceil(bounds[2]) + 1, math.ceil(bounds[3]) + 1)
        if key not in self._countries:
            box = shapely.box(*key)
            out = {}
            for side in SIDES:
                g = self.proj.to_local(shapely.intersection(boundaries.country_shape(side), box))
                shapely.prepare(g)
                out[side] = g
            self._countries[key] = out
        return self._countries[key]

    def pieces(self, parsed: _Parsed) -> tuple[Piece, ...]:
        return tuple(p for ps in self.group_pieces(parsed).values() for p in ps)

    def group_pieces(self, parsed: _Parsed) -> dict[tuple[str, str], tuple[Piece, ...]]:
        """(side, status) -> the group's pieces; unchanged groups (same digest) are built once."""
        out = {}
        for (side, status), items in sorted(parsed.groups.items()):
            key = parsed.digests[(side, status)]
            if key not in self._pieces:
                self._pieces[key] = self._build(parsed, side, status, items)
            out[(side, status)] = self._pieces[key]
        return out

    @staticmethod
    def _shapes(items: list[Any]):
        import numpy as np
        import shapely

        out = []
        for it in items:
            if hasattr(it, "geom_type"):
                out.append(polygonal(shapely.force_2d(it)))
            else:
                out.append(shapely.Polygon(it[0], it[1:]) if len(it) > 1 else shapely.polygons(it[0]))
        return np.array(out, dtype=object)

    def _build(self, parsed: _Parsed, side: str, status: str, items: list[Any]) -> tuple[Piece, ...]:
        import numpy as np
        import shapely

        geoms = self._shapes(items)
        bad = ~shapely.is_valid(geoms)
        for i in np.flatnonzero(bad):
            reason = shapely.is_valid_reason(geoms[i])
            parsed.problems.append(SnapshotProblem(parsed.name, f"invalid polygon ({reason}); repaired with make_valid"))
            geoms[i] = polygonal(shapely.make_valid(geoms[i]))
        wgs = geoms[0] if len(geoms) == 1 else shapely.union_all(geoms)
        if wgs.is_empty:
            return ()
        local = self.proj.to_local(wgs)
        try:
            return self._split(local, wgs.bounds, side, status)
        except shapely.errors.GEOSException:  # reprojection made a ring touch itself: repair, retry
            return self._split(polygonal(shapely.make_valid(local)), wgs.bounds, side, status)

    def _split(self, local, bounds, side: str, status: str) -> tuple[Piece, ...]:
        """Pieces of one group: outside the side's own country; grey zone split by country."""
        import shapely

        if self.region is not None:
            local = shapely.intersection(local, self.region)
        countries = self.countries(bounds)
        if side:
            p = _piece(OBSERVED_CLAIM, side, status, self._outside(local, countries[side]))
            return (p,) if p is not None else ()
        pieces = []
        for s in SIDES:  # grey zone: contested, belonging to the side that does not own the land
            land = countries["RU" if s == "UA" else "UA"]
            if not shapely.intersects(land, local):
                continue
            part = local if shapely.covers(land, local) else shapely.intersection(local, land)
            p = _piece(OBSERVED_CLAIM, s, status, part)
            if p is not None:
                pieces.append(p)
        return tuple(pieces)

    @staticmethod
    def _outside(geom, own):
        import shapely

        if not shapely.intersects(geom, own):
            return geom
        return shapely.difference(geom, own)


# -- the reader ---------------------------------------------------------------------------------------
def _resolve_rules(preset: str | None, rules) -> SnapshotRules:
    if preset is not None and rules is not None:
        raise InvalidArgument("give preset= or rules=, not both")
    if preset is not None:
        try:
            return PRESETS[preset.lower()]
        except KeyError:
            raise InvalidArgument(f"preset={preset!r} is not known; valid: {', '.join(PRESETS)}") from None
    if rules is None:
        return GEOCLAIMS
    if isinstance(rules, SnapshotRules):
        return rules
    if isinstance(rules, Mapping):
        return SnapshotRules("name", tuple(rules.items()))
    raise InvalidArgumentType("rules must be a SnapshotRules or a mapping {pattern: (side, status) or None}")


def read_snapshots(
    path: "str | os.PathLike[str]",
    *,
    preset: str | None = None,
    rules: "SnapshotRules | Mapping[str, tuple[str, str] | None] | None" = None,
    region: Any = None,
    date_property: str | None = None,
    date_from: "Callable[[str, dict], dt.date] | None" = None,
    on_error: str = "warn",
    workers: int | None = None,
    progress: bool | None = None,
    client: Any = None,
) -> "Timeline":
    """Read dated control snapshots into a Timeline (method ``"observed"``).

    Parameters
    ----------
    path : str or Path
        A folder or ``.zip`` of GeoJSON snapshots, one GeoJSON snapshot, or one GeoPackage/GeoJSON
        with ``valid_from``/``valid_to`` (as ``geoclaims build`` writes).
    preset : {'deepstate', 'geoclaims'}, optional
        Ready-made rules. Without preset or rules, features need ``side`` and ``status``
        properties (the geoclaims export).
    rules : SnapshotRules or mapping, optional
        Your own rules: ``{regex on the 'name' property: (side, status) or None}`` or a
        :class:`SnapshotRules`.
    region : str, (w, s, e, n), shapely geometry, optional
        Keep only this area: an oblast or country name in any common spelling ("Kursk Oblast",
        "Ukraine"), a bounding box in degrees, or a polygon in EPSG:4326.
    date_property, date_from
        Take each snapshot's date from a property of its features (or of the collection), or from
        ``date_from(file_name, feature_collection)``, instead of the file name.
    on_error : {'warn', 'raise'}
        Bad files (truncated, empty, no date, ...) are skipped with a :class:`SnapshotWarning`
        naming the file (default), or stop the reading with :class:`SnapshotError`.
    workers : int, optional
        Parse files in this many processes. Default: up to 4 (the CPUs there are) for archives
        of 50 files or more, else 1 (in this process).
    progress : bool, optional
        A progress bar on stderr (default: when stderr is a terminal).
    client : dask.distributed.Client, optional
        Parse and build each snapshot on this Dask cluster's workers instead (``workers`` is then
        not used); the timeline is the same. See :mod:`geoclaims.observed.dask_archive`.

    Returns
    -------
    Timeline
        ``method == "observed"``; ``.problems`` lists what was skipped or repaired and
        ``.unknown_keys`` the polygon keys no rule knew (counts).

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> sq = {"type": "Polygon", "coordinates": [[[35.2, 51.2], [35.3, 51.2], [35.3, 51.3], [35.2, 51.3], [35.2, 51.2]]]}
    >>> fc = {"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": sq,
    ...       "properties": {"side": "UA", "status": "held"}}]}
    >>> _ = (d / "2024-08-20.geojson").write_text(json.dumps(fc))
    >>> tl = read_snapshots(d)
    >>> round(tl.area_series().loc["2024-08-20", "UA_held"])
    78
    """
    from tqdm import tqdm

    if on_error not in ("warn", "raise"):
        raise InvalidArgument(f"on_error={on_error!r} is not valid; valid: warn, raise")
    from geoclaims._checks import check_workers

    check_workers(workers)
    spec = _resolve_rules(preset, rules)
    path = Path(path)
    if not path.exists():
        raise SnapshotError(f"{path}: no such file or folder")
    from geoclaims.places.boundaries import region_geometry

    region_wgs, region_label = region_geometry(region) if region is not None else (None, "")
    if path.is_file() and path.suffix.lower() in (".gpkg", ".geojson", ".json") and _has_ranges(path):
        return _read_ranges(path, spec if (preset or rules) else GEOCLAIMS, region_wgs, region_label)
    members = list(_members(path))
    if not members:
        raise SnapshotError(f"{path}: no GeoJSON files (.geojson, .json) in it")
    bar = tqdm(total=len(members), desc="reading snapshots", unit="file", file=sys.stderr,
               disable=(not sys.stderr.isatty()) if progress is None else not progress)
    problems: list[SnapshotProblem] = []
    unknown: Counter = Counter()
    fallback: Counter = Counter()
    unknown_files: dict[str, set[str]] = {}

    def report(ps: Iterable[SnapshotProblem]) -> None:
        for p in ps:
            if on_error == "raise":
                raise SnapshotError(str(p), [p])
            problems.append(p)
            warnings.warn(str(p), SnapshotWarning, stacklevel=3)

    # The projection comes from the region, else from the first readable snapshot.
    proj = _projection(region_wgs.bounds) if region_wgs is not None else None
    rest = iter(members)
    first: list[_Parsed] = []
    if proj is None:
        for name, read in rest:
            data = _read_member(name, read)
            try:
                parsed = _parse(name, data, spec, date_from, date_property) if isinstance(data, bytes) else \
                    _Parsed(name, None, {}, Counter(), [data], _sort_key(name))
            except Exception as e:  # noqa: BLE001 - this file only
                parsed = _Parsed(name, None, {}, Counter(), [SnapshotProblem(name, f"could not be read ({e!r}); "
                                                                              "skipped")], _sort_key(name))
            first.append(parsed)
            if parsed.date is not None and parsed.groups:
                try:
                    proj = _projection(_parsed_bounds(parsed))
                except Exception as e:  # noqa: BLE001 - unusable polygons: try the next file
                    parsed.problems.append(SnapshotProblem(name, f"its polygons could not be built ({e!r}); skipped"))
                    parsed.date = None
                    continue
                break
    builder = _Builder(proj, region_wgs) if proj is not None else None

    def parsed_iter() -> Iterator[_Parsed]:
        for parsed in first:
            yield _finish_safely(parsed, builder)
        todo = list(rest)
        n = workers if workers is not None else (min(4, os.cpu_count() or 1) if len(members) >= 50 else 1)
        if client is not None and todo and builder is not None:  # issue 17: on a Dask cluster
            import shapely

            from geoclaims.observed.dask_archive import map_snapshots

            yield from map_snapshots(client, todo, path, (spec, date_from, date_property, proj, None if region_wgs
                                                          is None else shapely.to_wkb(region_wgs)))
        elif n > 1 and len(todo) > 1 and builder is not None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            import shapely

            ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
            init = (spec, date_from, date_property, proj, None if region_wgs is None else shapely.to_wkb(region_wgs))
            with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init_worker,
                                     initargs=init) as pool:
                yield from pool.map(_work, ((name, _read_member(name, read)) for name, read in todo), chunksize=4)
        else:
            for name, read in todo:
                yield _process(name, _read_member(name, read), spec, date_from, date_property, builder)

    by_date: dict[dt.date, tuple[tuple, tuple[Piece, ...]]] = {}
    made: dict[bytes, tuple[Piece, ...]] = {}  # digest -> pieces: unchanged groups are the same objects
    try:
        for parsed in parsed_iter():
            bar.update(1)
            for key, n in parsed.unknown.items():
                unknown[key] += n
                unknown_files.setdefault(key, set()).add(parsed.name)
            for key, n in parsed.fallback.items():
                fallback[key] += n
            if parsed.date is None or not parsed.has_groups:
                report(parsed.problems)
                continue
            pieces: list[Piece] = []
            for target, digest in sorted(parsed.digests.items()):
                if digest not in made:
                    made[digest] = _as_pieces(parsed.built[target])
                pieces.extend(made[digest])
            report(parsed.problems)
            prev = by_date.get(parsed.date)
            if prev is None or parsed.order >= prev[0]:
                by_date[parsed.date] = (parsed.order, tuple(pieces))  # the day's last snapshot wins
    finally:
        bar.close()
    if fallback:
        total = sum(fallback.values())
        msg = (f"{total} polygons with keys no rule knows were classified by the preset's fallback (fill colour): "
               + "; ".join(f"{k!r} ({n})" for k, n in fallback.most_common(8)))
        warnings.warn(SnapshotProblem(str(path), msg).__str__(), SnapshotWarning, stacklevel=2)
    if unknown:
        msg = "polygons with keys no rule knows were not used: " + "; ".join(
            f"{k!r} ({n}, in {len(unknown_files[k])} files)" for k, n in unknown.most_common(10))
        report([SnapshotProblem(str(path), msg)])
    if builder is None or not by_date:
        raise SnapshotError(f"{path}: no readable snapshot among {len(members)} files"
                            + (f"; first problem: {problems[0]}" if problems else ""), problems)
    dates = sorted(by_date)
    snaps = [by_date[d][1] for d in dates]
    from geoclaims.timeline.core import Timeline

    return Timeline.from_observed(dates, snaps, projection=builder.proj, source=str(path), problems=problems,
                                  unknown_keys=dict(unknown), region=region_label, region_shape=region_wgs,
                                  fallback_keys=dict(fallback))


def _as_pieces(built: tuple) -> tuple[Piece, ...]:
    """Pieces from a builder, or rebuilt from the (side, status, WKB) a worker sent."""
    import shapely

    if not built or isinstance(built[0], Piece):
        return tuple(built)
    out = []
    for side, status, wkb in built:
        p = _piece(OBSERVED_CLAIM, side, status, shapely.from_wkb(wkb))
        if p is not None:
            out.append(p)
    return tuple(out)


def _projection(bounds) -> "LocalProjection":
    """The equal-area projection of a read: centred on the region, or on the first snapshot's data."""
    from geoclaims.control.projection import LocalProjection

    return LocalProjection.around([(bounds[0], bounds[1]), (bounds[2], bounds[3])])


def _parsed_bounds(parsed: _Parsed):
    import shapely

    return shapely.total_bounds(_Builder._shapes([x for items in parsed.groups.values() for x in items]))


# -- valid_from / valid_to files -------------------------------------------------------------------------
def _has_ranges(path: Path) -> bool:
    import pyogrio

    try:
        info = pyogrio.read_info(path, layer="control" if path.suffix.lower() == ".gpkg" else None)
    except Exception:  # noqa: BLE001 - not a layer pyogrio reads: a snapshot, handled by the JSON reader
        return False
    return "valid_from" in list(info["fields"])


def _read_ranges(path: Path, spec: SnapshotRules, region_wgs, region_label) -> "Timeline":
    import pandas as pd
    import pyogrio
    import shapely

    try:
        gdf = pyogrio.read_dataframe(path, layer="control" if path.suffix.lower() == ".gpkg" else None)
    except Exception as e:  # noqa: BLE001 - GDAL on a damaged file
        raise SnapshotError(f"{path}: cannot be read ({str(e)[:300]})") from None
    if gdf.crs is not None and not gdf.crs.equals("EPSG:4326"):
        gdf = gdf.to_crs("EPSG:4326")
    start = pd.to_datetime(gdf["valid_from"], errors="coerce")
    end = pd.to_datetime(gdf["valid_to"], errors="coerce") if "valid_to" in gdf.columns else pd.Series(pd.NaT, index=gdf.index)
    from geoclaims.claims.claim import MAX_DATE, MIN_DATE

    lo, hi = pd.Timestamp(MIN_DATE), pd.Timestamp(MAX_DATE)
    bad = start.isna() | (start < lo) | (start > hi)
    problems = [SnapshotProblem(path.name, f"valid_from {gdf['valid_from'].iloc[i]!r} is not a date (YYYY-MM-DD) "
                                f"from {MIN_DATE} to {MAX_DATE}", i) for i in bad.to_numpy().nonzero()[0]]
    end = end.where((end >= lo) & (end <= hi))
    for i, g in enumerate(gdf.geometry):
        if bad.iloc[i] or g is None or g.is_empty:
            continue
        w, s_, e, n = g.bounds
        why = (f"a {g.geom_type}, not a polygon" if g.geom_type not in ("Polygon", "MultiPolygon") else
               "coordinates out of range" if not (-180 <= w <= e <= 180 and -90 <= s_ <= n <= 90) else "")
        if why:
            problems.append(SnapshotProblem(path.name, f"{why}; feature skipped", i))
            bad.iloc[i] = True
    for p in problems:
        warnings.warn(str(p), SnapshotWarning, stacklevel=3)
    gdf, start, end = gdf[~bad], start[~bad], end[~bad]
    if not len(gdf):
        raise SnapshotError(f"{path}: no feature with a valid_from date", problems)
    props = gdf.drop(columns="geometry").to_dict("records")
    targets = [spec.classify(p) for p in props]
    fallback = Counter(spec.key_of(p) for p, t in zip(props, targets) if t is ... and spec.classify_fallback(p) is not ...)
    targets = [spec.classify_fallback(p) if t is ... else t for p, t in zip(props, targets)]
    unknown = Counter(spec.key_of(p) for p, t in zip(props, targets) if t is ...)
    dates = sorted({d.date() for d in start} | {d.date() for d in end.dropna()})
    builder = _Builder(_projection(region_wgs.bounds if region_wgs is not None else gdf.total_bounds), region_wgs)
    snaps, kept = [], []
    for d in dates:
        ts = pd.Timestamp(d)
        live = (start <= ts) & (end.isna() | (end > ts))
        groups: dict[tuple[str, str], list[Any]] = {}
        for g, t, on in zip(gdf.geometry, targets, live):
            if on and t is not ... and t is not None and g is not None:
                groups.setdefault(t, []).append(g)
        digests = {t: hashlib.blake2b(f"{t}".encode() + b"".join(shapely.to_wkb(gs)), digest_size=20).digest()
                   for t, gs in groups.items()}
        parsed = _Parsed(f"{path.name}@{d}", d, groups, Counter(), [], (), digests)
        snaps.append(builder.pieces(parsed))
        problems += parsed.problems
        kept.append(d)
    from geoclaims.timeline.core import Timeline

    return Timeline.from_observed(kept, snaps, projection=builder.proj, source=str(path), problems=problems,
                                  unknown_keys=dict(unknown), region=region_label, region_shape=region_wgs,
                                  fallback_keys=dict(fallback))
