"""One snapshot file parsed: its date, and its polygons grouped by (side, status) by the rules, with a digest
of each group (unchanged groups are recognised from one day to the next without building them again).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from geoclaims.observed.files import _sort_key, date_from_name
from geoclaims.observed.rules import SnapshotProblem, SnapshotRules


_POLYGONAL = ("Polygon", "MultiPolygon", "GeometryCollection")


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
    doc = _feature_collection(name, data, problems)
    if doc is None:
        return out
    feats = doc["features"]
    out.date, problem = _snapshot_date(name, doc, feats, date_from, date_property)
    if problem is not None:
        problems.append(problem)
        return out
    if not feats:
        problems.append(SnapshotProblem(name, "empty FeatureCollection (no features): skipped, not read as "
                                        "'nobody holds anything'"))
        return out
    for i, f in enumerate(feats):
        _add_feature(out, i, f, rules)
    out.digests = {t: _digest(t[0], t[1], polys) for t, polys in out.groups.items()}
    if not out.groups and not out.unknown:
        problems.append(SnapshotProblem(name, "no control polygons (only points, lines or non-control features)"))
    return out


def _feature_collection(name: str, data: bytes, problems: list[SnapshotProblem]) -> dict | None:
    """The file's GeoJSON FeatureCollection, or None (and a problem) when it is not one."""
    try:
        doc = _loads(data)
    except Exception as e:  # noqa: BLE001 - any JSON error, reported with the file
        problems.append(SnapshotProblem(name, f"not valid JSON ({e}); is the file truncated?"))
        return None
    if not isinstance(doc, dict) or doc.get("type") != "FeatureCollection" or not isinstance(doc.get("features"), list):
        problems.append(SnapshotProblem(name, "not a GeoJSON FeatureCollection"))
        return None
    return doc


def _snapshot_date(name: str, doc: dict, feats: list, date_from: Callable | None,
                   date_property: str | None) -> tuple[dt.date | None, SnapshotProblem | None]:
    """(date, None) of a snapshot, from `date_from`, `date_property` or the file name; (None, problem)
    when there is none (a `date_from` that returns None gives (None, None): the caller's choice)."""
    if date_from is not None:
        try:
            d = date_from(name, doc)
            date = d.date() if isinstance(d, dt.datetime) else d
        except Exception as e:  # noqa: BLE001 - the user's callback
            return None, SnapshotProblem(name, f"date_from failed: {e}")
        return date, None
    if date_property is not None:
        props = (f.get("properties") for f in feats if isinstance(f, dict))  # a non-object is reported per feature
        value = next((p[date_property] for p in props if isinstance(p, dict) and p.get(date_property)), None) \
            or doc.get(date_property)
        try:
            date = dt.date.fromisoformat(str(value)[:10]) if value else None
        except ValueError:
            date = None
        if date is None:
            return None, SnapshotProblem(name, f"no date: property {date_property!r} is "
                                         f"{'missing' if not value else repr(value)}; expected YYYY-MM-DD")
        return date, None
    date = date_from_name(name)
    if date is None:
        return None, SnapshotProblem(name, "no date in the file name: expected an ISO date (2025-01-05) or a "
                                     "Unix timestamp (1736112210); or pass date_property= / date_from=")
    return date, None


def _add_feature(out: _Parsed, i: int, f: Any, rules: SnapshotRules) -> None:
    """Add feature `i`'s polygons to its (side, status) group of `out`, or count or report why not."""
    name, problems = out.name, out.problems
    geom = _control_geometry(name, i, f, problems)
    if geom is None:
        return
    props = f.get("properties")
    if props is not None and not isinstance(props, dict):
        problems.append(SnapshotProblem(name, f"properties is {type(props).__name__}, not an object; feature "
                                        "skipped", i))
        return
    target = _target(out, i, props or {}, rules)
    if target is None:
        return
    try:
        polys = _polygons_of(geom)
    except (ValueError, TypeError, RecursionError) as e:
        problems.append(SnapshotProblem(name, f"bad geometry ({e}); feature skipped", i))
        return
    if not polys:
        problems.append(SnapshotProblem(name, "a control polygon with no rings (empty coordinates); feature "
                                        "skipped", i))
        return
    out.groups.setdefault(target, []).extend(polys)


def _control_geometry(name: str, i: int, f: Any, problems: list[SnapshotProblem]) -> dict | None:
    """Feature `i`'s geometry when it may be a control polygon; None for what is skipped (reported
    when it is not GeoJSON; points and lines silently)."""
    if not isinstance(f, dict):
        problems.append(SnapshotProblem(name, f"feature is {type(f).__name__}, not a GeoJSON Feature; skipped", i))
        return None
    geom = f.get("geometry")
    if geom is None:
        return None  # a feature without geometry: nothing to draw
    if not isinstance(geom, dict):
        problems.append(SnapshotProblem(name, f"geometry is {type(geom).__name__}, not a GeoJSON object; "
                                        "feature skipped", i))
        return None
    gtype = _geometry_type(geom)
    if gtype not in _GEOJSON_TYPES:
        problems.append(SnapshotProblem(name, f"geometry type {str(geom.get('type'))[:40]!r} is not GeoJSON "
                                        f"(valid: {', '.join(_GEOJSON_TYPES)}); feature skipped", i))
        return None
    if gtype != geom.get("type"):
        problems.append(SnapshotProblem(name, f"geometry type {geom.get('type')!r} read as {gtype!r} (GeoJSON "
                                        "types are case-sensitive)", i))
    if gtype not in _POLYGONAL:
        return None  # points and lines: unit markers, arrows
    return geom


def _target(out: _Parsed, i: int, props: dict, rules: SnapshotRules) -> tuple[str, str] | None:
    """The (side, status) group the rules put a feature in; None when it goes in none (ignored by the
    rules, unknown to them: counted in ``out.unknown``, or their key failed: reported)."""
    try:
        target = rules.classify(props)
    except Exception as e:  # noqa: BLE001 - a user's key function
        out.problems.append(SnapshotProblem(out.name, f"the rules' key failed on this feature ({e!r}); skipped", i))
        return None
    if target is ...:
        target = rules.classify_fallback(props)
        key = rules.key_of(props)[:200] or "(no key)"
        if target is ...:
            out.unknown[key] += 1
            return None
        out.fallback[key] += 1
    return target
