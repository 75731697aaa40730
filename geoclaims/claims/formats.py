"""The file formats of claims: rows (line, fields, geometry) from CSV, JSON, GeoJSON and DataFrames.

Each loader keeps what a later check must report (a JSON NaN, a field too long, an unclosed quote):
no value is dropped or repaired here.
"""

from __future__ import annotations

import csv
import io
import json
import warnings
from typing import Any

from geoclaims.claims.claim import geometry_problem
from geoclaims.claims.columns import (
    COLUMNS, EXTRA_COLUMNS, MAX_CSV_RESTARTS, MAX_FIELD_CHARS, MAX_JSON_DEPTH, REQUIRED_COLUMNS, REVIEW_COLUMNS,
)
from geoclaims.errors import ClaimFormatError, ClaimProblem


class _JsonConstant(str):
    """A JSON NaN/Infinity, kept to be reported (never read as a blank or a number)."""


def _frame_rows(frame) -> list[tuple[int, dict[str, Any], Any]]:
    dupes = sorted({str(c) for c in frame.columns if list(map(str, frame.columns)).count(str(c)) > 1})
    if dupes:
        raise ClaimFormatError([ClaimProblem("<DataFrame>", None, "", "", f"duplicated column(s) {', '.join(dupes)}: "
                                             "each column may appear once")])
    geom_col = getattr(frame, "_geometry_column_name", None) if hasattr(frame, "geometry") else None
    if geom_col is not None and frame.crs is not None and not frame.crs.equals("EPSG:4326"):
        frame = frame.to_crs("EPSG:4326")
    _check_columns({str(c) for c in frame.columns if c != geom_col}, "<DataFrame>", "columns")
    rows = []
    for i, (_, rec) in enumerate(frame.iterrows()):
        fields = {str(k): v for k, v in rec.items() if k != geom_col}
        geom = rec[geom_col] if geom_col else None
        problem = geometry_problem(geom) if geom is not None else None
        if problem:
            fields["__problem__"] = problem
            geom = None
        rows.append((i, fields, geom))
    return rows


def _kind(x: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false", type(None): "null"}.get(
        type(x), "a number" if isinstance(x, (int, float)) else type(x).__name__)


def _json(text: str, name: str) -> Any:
    """Parse JSON; NaN/Infinity kept as :class:`_JsonConstant`; nesting and number size bounded."""
    depth = _json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise ClaimFormatError([ClaimProblem(name, None, "", "", f"JSON nested {depth} levels deep; a claims file "
                                             f"needs 4 (GeoJSON 6) and the limit is {MAX_JSON_DEPTH}")])
    try:
        return json.loads(text, parse_constant=_JsonConstant, parse_int=_json_int)
    except json.JSONDecodeError as e:
        raise ClaimFormatError([ClaimProblem(name, e.lineno, "", "", f"not valid JSON: {e.msg} (column {e.colno})")]) \
            from None
    except (ValueError, RecursionError) as e:  # an over-long number, or nesting the scan missed
        raise ClaimFormatError([ClaimProblem(name, None, "", "", f"not a claims file: {e}")]) from None


def _json_int(text: str) -> Any:
    if len(text) > 30:
        raise ValueError(f"a number of {len(text)} digits; claims carry at most 30")
    return int(text)


def _json_depth(text: str) -> int:
    """Deepest nesting of [ and { outside strings, without recursion (a 100,000-deep file costs nothing)."""
    import re

    depth = deepest = 0
    for m in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        ch = m.group()
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def _csv_rows(text: str, name: str) -> list[tuple[int, dict[str, Any], Any]]:
    """Rows of a CSV text. A broken quote costs its own row only: the lines it swallowed are read again."""
    physical = list(io.StringIO(text, newline=""))
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, len(text) + 1))  # we check field sizes ourselves, with a clear message
    try:
        return _csv_parse(physical, name)
    finally:
        csv.field_size_limit(old_limit)


def _csv_parse(physical: list[str], name: str) -> list[tuple[int, dict[str, Any], Any]]:
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, Any], Any]] = []
    start, restarts = 0, 0
    while start < len(physical):
        reader = csv.reader(iter(physical[start:]), strict=True)
        done, restart_at = 0, None
        while True:
            first = start + done + 1
            try:
                values = next(reader)
            except StopIteration:
                break
            except csv.Error as e:
                if header is None:
                    raise ClaimFormatError([ClaimProblem(name, first, "", "", f"the header row is not valid CSV: {e}")]) \
                        from None
                closed = "unexpected end of data" not in str(e)
                problem = (f"malformed CSV ({e})" if closed else f"a quote opened on line {first} is never closed")
                if first < len(physical):
                    problem += f"; the lines after it are read again"
                rows.append((first, {"__problem__": problem}, None))
                restart_at = first
                break
            done = reader.line_num
            last = start + done
            if header is None:
                header = _header(values, name)
                continue
            if not any(v.strip() for v in values):
                continue  # blank line: not a row
            problem = None
            if len(values) != len(header):
                problem = f"{len(values)} fields, but the header has {len(header)}"
            elif last > first and (swallowed := _swallowed_rows(values, len(header))):
                problem = (f"column {header[swallowed[0]]!r} runs over lines {first}-{last} and holds what look like "
                           f"{swallowed[1]} more row(s): is a quote unclosed? (a line break inside a quoted field "
                           "is fine, whole rows are not)")
            if problem is not None and last > first:
                rows.append((first, {"__problem__": problem + f"; lines {first + 1}-{last} are read again"}, None))
                restart_at = first
                break
            if problem is None:
                long = next((h for h, v in zip(header, values) if len(v) > MAX_FIELD_CHARS), None)
                if long is not None:
                    problem = (f"column {long!r} holds {len(values[header.index(long)]):,} characters; the limit is "
                               f"{MAX_FIELD_CHARS:,}")
            rows.append((first, {"__problem__": problem} if problem else dict(zip(header, values)), None))
        if restart_at is None:
            break
        restarts += 1
        if restarts > MAX_CSV_RESTARTS:
            raise ClaimFormatError([ClaimProblem(name, restart_at, "", "", f"more than {MAX_CSV_RESTARTS} broken "
                                                 "quotes: is this a CSV file?")])
        start = restart_at
    if header is None:
        raise ClaimFormatError([ClaimProblem(name, 1, "", "", "the file is empty; expected a header row with "
                                             + ", ".join(REQUIRED_COLUMNS))])
    return rows


def _header(values: list[str], name: str) -> list[str]:
    header = [h.strip() for h in values]
    dupes = sorted({h for h in header if h and header.count(h) > 1})
    if dupes:
        raise ClaimFormatError([ClaimProblem(name, 1, "", "", f"duplicated column(s) {', '.join(dupes)} in the "
                                             "header: each column may appear once")])
    _check_columns(set(header), name, "header")
    return header


def _swallowed_rows(values: list[str], width: int) -> tuple[int, int] | None:
    """(column, rows) when a field spanning lines contains lines that parse as whole rows."""
    for col, v in enumerate(values):
        if "\n" not in v and "\r" not in v:
            continue
        lines = [ln for ln in v.splitlines()[1:] if ln.strip()]
        rows = sum(1 for ln in lines if len(next(csv.reader([ln]), [])) == width)
        if rows:
            return col, rows
    return None


def _feature_rows(data: dict, name: str) -> list[tuple[int, dict[str, Any], Any]]:
    feats = data.get("features")
    if not isinstance(feats, list):
        raise ClaimFormatError([ClaimProblem(name, None, "features", "", "a FeatureCollection needs a features list")])
    rows = []
    keys: set[str] = set()
    for i, f in enumerate(feats, start=1):
        if not isinstance(f, dict):
            rows.append((i, {"__problem__": f"feature is {_kind(f)}, not a GeoJSON Feature object"}, None))
            continue
        props = f.get("properties")
        if props is not None and not isinstance(props, dict):
            rows.append((i, {"__problem__": f"properties is {_kind(props)}; expected an object with the claim's "
                             "fields"}, None))
            continue
        props = {str(k): v for k, v in (props or {}).items()}
        keys |= set(props)
        geom = f.get("geometry")
        g = None
        if geom is not None:
            g, problem = _geometry_from_geojson(geom)
            if problem:
                props["__problem__"] = problem
        rows.append((i, props, g))
    _check_columns(keys, name, "feature properties")
    return rows


def _geometry_from_geojson(geom: Any) -> tuple[Any, str | None]:
    """A claim's drawn geometry from GeoJSON, or (None, what is wrong with it)."""
    import shapely

    if not isinstance(geom, dict):
        return None, f"geometry is {_kind(geom)}; expected a GeoJSON Polygon or MultiPolygon object"
    kind = geom.get("type")
    if kind not in ("Polygon", "MultiPolygon", "Point"):
        return None, f"geometry type {str(kind)[:40]!r} is not valid; valid: Polygon, MultiPolygon, Point"
    try:
        g = shapely.from_geojson(json.dumps(geom, allow_nan=False))
    except Exception as e:  # noqa: BLE001 - shapely raises GEOSException, ValueError, TypeError...
        return None, f"geometry is not valid GeoJSON: {str(e)[:200]}"
    problem = geometry_problem(g)
    return (None, problem) if problem else (g, None)


def _check_columns(found: "set[str]", name: str, unit: str = "header") -> None:
    missing = [c for c in REQUIRED_COLUMNS if c not in found]
    if missing:
        raise ClaimFormatError([ClaimProblem(
            name, 1 if unit == "header" else None, "", "",
            f"the {unit} lack{'s' if unit == 'header' else ''} required column(s) {', '.join(missing)}; found: "
            f"{', '.join(sorted(found)) or '(none)'}; the format's columns are: {', '.join(COLUMNS)}",
        )])
    unknown = sorted(h for h in found if h not in COLUMNS and h not in EXTRA_COLUMNS and h not in REVIEW_COLUMNS)
    if unknown:
        warnings.warn(f"{name}: ignoring unknown column(s) {', '.join(unknown)}", UserWarning, stacklevel=5)
