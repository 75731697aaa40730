"""Read, validate and write claims files (CSV, JSON, GeoJSON) and frames.

Every bad value becomes a :class:`~geoclaims.errors.ClaimProblem` naming the
file, line, column and value and what would be valid. ``on_error="raise"``
(default) raises one :class:`~geoclaims.errors.ClaimFormatError` listing all
of them; ``on_error="collect"`` returns the good claims with the report. No
row is ever dropped silently: each one is a claim or a problem.
"""

from __future__ import annotations

import csv
import io
import json
import math
import os
import re
import warnings
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable, Iterator, Literal, Mapping, Sequence

from geoclaims._input import decode
from geoclaims.claims import (
    ACTIONS, AREA_BASES, CLAIMANT_SIDES, SIDES, STATUSES, Claim, geometry_problem, parse_date, parse_qualifier,
)
from geoclaims.errors import (
    ClaimFormatError, ClaimProblem, InputEncodingError, InvalidArgument, InvalidArgumentType, UnknownRegion,
)
from geoclaims.names import fold
from geoclaims.place import Place

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    import pandas

    from geoclaims.gazetteer import Gazetteer

__all__ = ["ClaimSet", "read_claims", "write_claims", "COLUMNS", "REQUIRED_COLUMNS"]

#: Columns of the claims format, in the order files are written.
COLUMNS: tuple[str, ...] = (
    "claim_id", "date", "claimant", "claimant_side", "side", "action", "place", "place_id", "region",
    "qualifier", "distance_km", "area_km2", "area_basis", "status", "source_url", "note",
)
#: Columns every file must have.
REQUIRED_COLUMNS: tuple[str, ...] = ("claim_id", "date", "claimant", "claimant_side", "side", "action", "status")
#: Optional columns also understood: coordinates the user adds for a place.
EXTRA_COLUMNS: tuple[str, ...] = ("lat", "lon")
#: Columns other tools add for review; read without a warning and not kept.
REVIEW_COLUMNS: tuple[str, ...] = ("span", "quote", "confidence", "candidates")

OnError = Literal["raise", "collect"]


@dataclass(frozen=True)
class ClaimSet:
    """Claims read from one source, and the problems found in it.

    Iterates over the claims; ``len()`` counts them. ``problems`` lists the
    rows that could not be read (empty unless read with ``on_error="collect"``).

    Examples
    --------
    >>> cs = read_claims("examples/kursk/claims.csv")
    >>> print(cs.unmapped_summary()[:60])
    8 of 114 claims not mapped: no coordinates for Bolshaya Obuk
    """

    claims: tuple[Claim, ...]
    problems: tuple[ClaimProblem, ...] = ()
    source: str = ""
    rows: int = field(default=0)

    def __iter__(self) -> Iterator[Claim]:
        return iter(self.claims)

    def __len__(self) -> int:
        return len(self.claims)

    def __getitem__(self, i: int) -> Claim:
        return self.claims[i]

    def __repr__(self) -> str:
        return f"<ClaimSet {self.source or '<claims>'}: {len(self.claims)} claims, {len(self.problems)} problems>"

    @property
    def unmapped(self) -> tuple[Claim, ...]:
        """Claims about a place that the gazetteer knows but cannot locate."""
        return tuple(c for c in self.claims if c.is_unmapped)

    def unmapped_summary(self) -> str:
        """``"44 of 114 claims not mapped: no coordinates for Pogrebki (2 claims), ..."`` or ''."""
        return unmapped_summary(self.claims)

    def report(self) -> str:
        """A plain-text report: counts, bad rows, unmapped claims."""
        lines = [f"{self.source or '<claims>'}: {self.rows} rows, {len(self.claims)} claims read, "
                 f"{len(self.problems)} rows with problems"]
        lines += [f"  {p}" for p in self.problems]
        summary = self.unmapped_summary()
        if summary:
            lines.append(summary)
        return "\n".join(lines)

    def to_dataframe(self) -> "pandas.DataFrame":
        """The claims as a frame in the file format's columns (plus ``lat``/``lon`` of the place)."""
        import pandas as pd

        recs = []
        for c in self.claims:
            rec = c.to_record()
            p = c.place
            rec["lat"] = p.lat if p is not None else None
            rec["lon"] = p.lon if p is not None else None
            recs.append(rec)
        return pd.DataFrame.from_records(recs, columns=[*COLUMNS, "lat", "lon"])

    def to_geodataframe(self) -> "geopandas.GeoDataFrame":
        """Claims with the place's point (or the drawn geometry) in EPSG:4326."""
        import geopandas

        geoms = [_feature_geometry(c) for c in self.claims]
        return geopandas.GeoDataFrame(self.to_dataframe(), geometry=geoms, crs="EPSG:4326")


def _feature_geometry(c: Claim):
    """A claim's drawn geometry, else its place's point, else None (EPSG:4326)."""
    import shapely

    if c.geometry is not None:
        return c.geometry
    if c.place is not None and c.place.is_located:
        return shapely.Point(c.place.lon, c.place.lat)
    return None


def unmapped_summary(claims: Iterable[Claim], *, limit: int = 12) -> str:
    """Say which claims cannot be mapped and why ('' when all can)."""
    claims = list(claims)
    missing = [c for c in claims if c.is_unmapped]
    if not missing:
        return ""
    counts: dict[str, int] = {}
    for c in missing:
        name = c.place.name if c.place is not None else (c.place_name or c.claim_id)
        counts[name] = counts.get(name, 0) + 1
    names = [f"{n} ({k} claims)" if k > 1 else n for n, k in counts.items()]
    shown = ", ".join(names[:limit]) + (f", and {len(names) - limit} more" if len(names) > limit else "")
    return f"{len(missing)} of {len(claims)} claims not mapped: no coordinates for {shown}"


# -- reading ---------------------------------------------------------------------
def read_claims(
    source: "str | os.PathLike[str] | pandas.DataFrame",
    *,
    on_error: OnError = "raise",
    gazetteer: "Gazetteer | None" = None,
    format: str | None = None,
    accept_fuzzy: bool = False,
    encoding: str = "auto",
) -> ClaimSet:
    """Read and validate claims from a CSV, JSON or GeoJSON file or a DataFrame.

    Parameters
    ----------
    source : path or DataFrame
        A ``.csv`` (UTF-8, header row), ``.json`` (a list of objects, or
        ``{"claims": [...]}``) or ``.geojson`` file (one Feature per claim, the
        columns as properties, an optional drawn geometry), or a (Geo)DataFrame
        with the same columns. See README, "The claims format".
    on_error : {'raise', 'collect'}
        ``"raise"``: raise :class:`ClaimFormatError` listing every problem.
        ``"collect"``: return the good claims; ``.problems`` lists the bad rows.
    gazetteer : Gazetteer, optional
        Where places are looked up; defaults to the bundled one. Pass
        ``Gazetteer.default().merge(Gazetteer.from_geonames(...))`` to map places
        the bundled gazetteer cannot locate.
    format : {'csv', 'json', 'geojson'}, optional
        Overrides the file extension.
    accept_fuzzy : bool, default False
        A place name that matches no stored name or romanisation, only a guess (a ``skeleton``
        or ``fuzzy`` match: "Robotyne" would become Rybotyn in Chernihiv Oblast), is a problem
        row naming the nearest spellings. True accepts such guesses (the claim's place then has
        ``Match.uncertain`` reasons in :attr:`Claim.place_match`).

    Returns
    -------
    ClaimSet

    Raises
    ------
    ClaimFormatError
        With ``on_error="raise"`` and any bad row; always for a file that is not a claims file
        (no required columns, duplicated columns, not JSON, another encoding, an unknown
        extension, nesting or numbers beyond the limits of README "Security").
    InputFileError
        The file is missing, a folder, or unreadable (also an ``OSError``).

    Notes
    -----
    Nothing is lost silently: every data row becomes one claim or at least one problem
    (``len(result) + len({p.line for p in result.problems}) == result.rows``). A CSV quote left
    open costs its own row; the lines it swallowed are read again.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame([{"claim_id": "S1", "date": "2025-01-06", "claimant": "ISW",
    ...     "claimant_side": "neutral", "side": "UA", "action": "advance", "place": "Berdin",
    ...     "region": "Kursk Oblast", "qualifier": "southern", "status": "assessed"}])
    >>> cs = read_claims(df)
    >>> cs[0].place.id, cs[0].qualifier
    ('theatre:berdin', 'southern')
    """
    if on_error not in ("raise", "collect"):
        raise InvalidArgument(f"on_error={on_error!r} is not valid; valid: 'raise', 'collect'")
    if format is not None and str(format).lower() not in _FORMATS:
        raise InvalidArgument(f"format={format!r} is not valid; valid: {', '.join(_FORMATS)}")
    from geoclaims.gazetteer import Gazetteer

    gaz = gazetteer or Gazetteer.default()
    name, unit, rows = _load_rows(source, format, encoding)
    reader = _RowReader(gaz, name, unit, accept_fuzzy=accept_fuzzy)
    claims, problems = reader.read(rows)
    result = ClaimSet(tuple(claims), tuple(problems), name, len(rows))
    if problems and on_error == "raise":
        raise ClaimFormatError(problems, good=len({c.line for c in claims}))
    return result


#: Limits on what one claims file may hold (README, "Security"): a field is a name, a date or a short
#: note, so 64 KiB is generous; JSON deeper than this is not a claims file.
MAX_FIELD_CHARS = 65_536
MAX_JSON_DEPTH = 64
#: An unclosed quote makes the CSV reader restart after it; past this many restarts the file is refused.
MAX_CSV_RESTARTS = 200
#: Unknown place names per file that get "did you mean" suggestions.
MAX_SUGGESTIONS = 50

_FORMATS = ("csv", "json", "geojson")


class _JsonConstant(str):
    """A JSON NaN/Infinity, kept to be reported (never read as a blank or a number)."""


def _load_rows(source, format: str | None, encoding: str = "auto") -> tuple[str, str, list[tuple[int, dict[str, Any], Any]]]:
    """(source name, line unit, [(line, fields, geometry)])."""
    try:
        import pandas as pd
    except ImportError:  # pragma: no cover - pandas comes with geopandas
        pd = None
    if pd is not None and isinstance(source, pd.DataFrame):
        return "<DataFrame>", "row", _frame_rows(source)
    if not isinstance(source, (str, os.PathLike)):
        raise InvalidArgumentType(f"read_claims takes a path or a DataFrame, not {type(source).__name__}")
    path = Path(os.fspath(source))
    fmt = (format or path.suffix.lstrip(".")).lower()
    if fmt not in _FORMATS:
        raise ClaimFormatError([ClaimProblem(
            str(path), None, "", "", f"unknown claims format {fmt or '(no extension)'!r}; valid: .csv, .json, "
            ".geojson (or pass format='csv' / --format)")])
    from geoclaims._input import read_bytes

    data = read_bytes(path, what="claims file")
    try:
        text = decode(data, source=str(path), encoding=encoding)
    except InputEncodingError as e:
        raise ClaimFormatError([ClaimProblem(str(path), None, "", "", str(e).split(": ", 1)[-1])]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if fmt == "csv":
        return str(path), "line", _csv_rows(text, str(path))
    data = _json(text, str(path))
    if isinstance(data, dict) and data.get("type") == "FeatureCollection":
        return str(path), "feature", _feature_rows(data, str(path))
    items = data.get("claims") if isinstance(data, dict) else data
    if not isinstance(items, list):
        raise ClaimFormatError([ClaimProblem(str(path), None, "", "", "expected a list of objects, "
                                             "{\"claims\": [...]} or a GeoJSON FeatureCollection")])
    rows = []
    for i, x in enumerate(items, start=1):
        if isinstance(x, dict):
            rows.append((i, {str(k): v for k, v in x.items()}, None))
        else:
            rows.append((i, {"__problem__": f"expected an object with the claim's fields, got {_kind(x)}"}, None))
    _check_columns(set().union(*(set(f) for _, f, _ in rows if "__problem__" not in f)) if rows else set(),
                   str(path), "keys of the claims")
    return str(path), "item", rows


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


def _blank(v: Any) -> bool:
    if v is None:
        return True
    if isinstance(v, float) and math.isnan(v):
        return True
    try:
        import pandas as pd

        if v is pd.NA or v is pd.NaT:
            return True
    except ImportError:  # pragma: no cover
        pass
    return isinstance(v, str) and not v.strip()


def _text(v: Any) -> str:
    return "" if _blank(v) else str(v).strip()


class _RowReader:
    """Turns raw rows into claims; collects problems."""

    def __init__(self, gaz: "Gazetteer", source: str, unit: str, *, accept_fuzzy: bool = False) -> None:
        self.gaz = gaz
        self.accept_fuzzy = accept_fuzzy
        self.suggested = 0
        self.source = source
        self.unit = unit
        from geoclaims.regions import RegionTable

        self.regions = RegionTable.default()

    def read(self, rows: list[tuple[int, dict[str, Any], Any]]) -> tuple[list[Claim], list[ClaimProblem]]:
        claims: list[Claim] = []
        problems: list[ClaimProblem] = []
        pending: list[tuple[int, dict, Any, list]] = []
        for line, fields, geom in rows:
            probs: list[ClaimProblem] = []
            parsed = self._fields(line, fields, probs, has_geometry=geom is not None)
            pending.append((line, parsed, geom, probs))
        # places: resolve every name, then settle ambiguous ones by proximity to the file's other places
        resolutions = {}
        for line, parsed, geom, probs in pending:
            if parsed is not None and parsed.get("place_name") and not probs:
                resolutions[line] = self._resolve(line, parsed, probs)
        settled = self._settle(resolutions)
        places: dict[int, Place | None] = {}
        for line, parsed, geom, probs in pending:
            if parsed is None or probs or not parsed.get("place_name"):
                continue
            res = resolutions.get(line)
            if res is None:
                continue
            place, ambiguous = res
            if ambiguous is not None:
                place = settled.get(_reference(ambiguous))
                if place is None:
                    probs.append(self._ambiguous(line, parsed, ambiguous))
                    continue
            places[line] = place
        self._check_places(pending, places)
        for line, parsed, geom, probs in pending:
            if parsed is None or probs:
                problems.extend(probs)
                continue
            place = places.get(line)
            try:
                claims.append(Claim(**{k: v for k, v in parsed.items() if not k.startswith("_")},
                                    place=place, geometry=geom, source=self.source, line=line,
                                    place_uncertain=bool(parsed.get("_uncertain"))))
            except (TypeError, ValueError) as e:
                problems.append(self._problem(line, "", "", str(e), parsed.get("claim_id", "")))
        return claims, problems

    def _check_places(self, pending: list, places: dict[int, "Place | None"]) -> None:
        """Rows whose place lies outside their region, or far from every other place of the file, become problems."""
        from geoclaims.place_checks import file_outliers, outside_region

        parsed_by_line = {line: (parsed, probs) for line, parsed, _, probs in pending}
        for line, place in places.items():
            parsed, probs = parsed_by_line[line]
            regions = parsed.get("_regions") or []
            given = parsed["_latlon"] is not None or bool(parsed["_place_id"])
            if place is not None and regions and (given or place.admin1 not in {r.name for r in regions}):
                why = outside_region(self.gaz, place, regions)
                if why:
                    if parsed["_latlon"] is not None:
                        column, value = "lat", "{}, {}".format(*parsed["_latlon"])
                    else:
                        column = "place_id" if parsed["_place_id"] else "place"
                        value = parsed["_place_id"] or parsed["place_name"]
                    probs.append(self._problem(line, column, value, why, parsed["claim_id"]))
        located = {line: p for line, p in places.items() if p is not None and not parsed_by_line[line][1]}
        vouched = [line for line in located if parsed_by_line[line][0].get("_regions")]
        for line, why in file_outliers(located, exempt=vouched).items():
            parsed, probs = parsed_by_line[line]
            probs.append(self._problem(line, "place", parsed["place_name"] or parsed["_place_id"], why,
                                       parsed["claim_id"]))

    def _problem(self, line: int, column: str, value: Any, message: str, claim_id: str = "") -> ClaimProblem:
        return ClaimProblem(self.source, line, column, _text(value), message, claim_id, self.unit)

    def _fields(self, line: int, f: Mapping[str, Any], probs: list[ClaimProblem], *,
                has_geometry: bool = False) -> dict[str, Any] | None:
        if "__problem__" in f:
            probs.append(self._problem(line, "", "", f["__problem__"]))
            return None
        cid = _text(f.get("claim_id")) if _scalar(f.get("claim_id")) else ""

        def bad(column: str, message: str) -> None:
            probs.append(self._problem(line, column, f.get(column), message, cid))

        for column, value in f.items():
            if isinstance(value, _JsonConstant):
                bad(column, f"JSON {value} is not a value; write null or leave the field out")
            elif not _scalar(value):
                probs.append(self._problem(line, column, "", f"expected text or a number, got {_kind(value)}", cid))
            elif isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
                probs.append(self._problem(line, column, value[:40] + "...", f"{len(value):,} characters; the limit "
                                           f"is {MAX_FIELD_CHARS:,}", cid))
        if probs:
            return None

        def choice(column: str, valid: Sequence[str], *, required: bool = True, fold_case: bool = True) -> str:
            v = _text(f.get(column))
            if not v:
                if required:
                    bad(column, f"required; valid: {', '.join(valid)}")
                return ""
            for option in valid:
                if v == option or (fold_case and v.lower() == option.lower()):
                    return option
            bad(column, f"unknown value; valid: {', '.join(valid)}")
            return ""

        def number(column: str) -> float | None:
            v = f.get(column)
            if _blank(v):
                return None
            x, why = _parse_number(v)
            if why:
                bad(column, why)
                return None
            if not math.isfinite(x) or x < 0:
                bad(column, "must be a number >= 0")
                return None
            return x

        out: dict[str, Any] = {"claim_id": cid}
        if not cid:
            bad("claim_id", "required: an id for the statement (several rows may share it)")
        for column in ("claimant",):
            out[column] = _text(f.get(column))
            if not out[column]:
                bad(column, "required: who made the claim (e.g. 'Russian MoD', 'ISW')")
        date = f.get("date")
        if _blank(date):
            bad("date", "required; expected YYYY-MM-DD (a day) or YYYY-MM (a month)")
        else:
            try:
                out["date"], out["date_precision"] = parse_date(date if not isinstance(date, str) else date.strip())
            except ValueError as e:
                bad("date", str(e).split("; ", 1)[-1])
        out["claimant_side"] = choice("claimant_side", CLAIMANT_SIDES)
        out["side"] = choice("side", SIDES)
        out["action"] = choice("action", ACTIONS)
        out["status"] = choice("status", STATUSES)
        try:
            out["qualifier"] = parse_qualifier(_text(f.get("qualifier")) or None)
        except ValueError as e:
            bad("qualifier", str(e).split("; ", 1)[-1])
        out["distance_km"] = number("distance_km")
        out["area_km2"] = number("area_km2")
        out["area_basis"] = choice("area_basis", AREA_BASES, required=out.get("action") == "area")
        out["place_name"] = _text(f.get("place"))
        out["_place_id"] = _text(f.get("place_id"))
        out["region"] = _text(f.get("region"))
        out["source_url"] = _text(f.get("source_url"))
        out["note"] = _text(f.get("note"))
        lat, lon = _number_or_none(f.get("lat")), _number_or_none(f.get("lon"))
        if (lat is None) != (lon is None) or (lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180)):
            bad("lat" if lat is None or not -90 <= lat <= 90 else "lon",
                "lat and lon go together: WGS84 decimal degrees, lat in [-90, 90], lon in [-180, 180]")
        out["_latlon"] = (lat, lon) if lat is not None and lon is not None else None
        action = out.get("action")
        if action == "area":
            if out["area_km2"] is None and not any(p.column == "area_km2" for p in probs):
                bad("area_km2", "required for action 'area': the figure claimed, in km2")
        elif (action and not out["place_name"] and not out["_place_id"] and not has_geometry
              and out.get("qualifier") != "depth from border"):
            probs.append(self._problem(line, "place", "", f"required for action {action!r} (only 'area' claims "
                                       "and 'depth from border' claims may omit the place)", cid))
        if out["region"]:
            try:
                out["_regions"] = self.regions.resolve(out["region"])
            except UnknownRegion as e:
                bad("region", str(e))
        return out

    def _resolve(self, line: int, parsed: dict[str, Any], probs: list[ClaimProblem]):
        """(place, competing matches or None), or None after recording a problem."""
        cid = parsed["claim_id"]
        name = parsed["place_name"]
        regions = parsed.get("_regions") or []
        if parsed["_place_id"]:
            try:
                place = self.gaz.get(parsed["_place_id"])
            except KeyError:
                probs.append(self._problem(line, "place_id", parsed["_place_id"],
                                           "no place with this id in the gazetteer", cid))
                return None
            return self._with_coordinates(place, parsed), None
        region_names = [r.name for r in regions] or None
        res = self.gaz.resolve(name, region=region_names)
        within = f" in {parsed['region']}" if regions else ""
        if res.best is not None and res.best.uncertain:
            if parsed["_latlon"] is not None:  # a guess never beats the user's own coordinates
                res = replace(res, matches=(), ambiguous=False, competitors=())
            elif not self.accept_fuzzy:
                guesses = "; ".join(f"{m.place.name} ({m.place.admin1 or m.place.country}, {m.reason} "
                                    f"{m.score:.2f})" for m in res.matches[:3])
                probs.append(self._problem(
                    line, "place", name, f"no place of this name{within} in the gazetteer; nearest spellings: "
                    f"{guesses}. Correct the spelling, give lat/lon columns to place it yourself, or accept "
                    "guesses with accept_fuzzy=True (CLI: --accept-fuzzy)", cid))
                return None
            else:
                parsed["_uncertain"] = True
                warnings.warn(f"{self.source}, {self.unit} {line}: place {name!r} taken as {res.best.place.label}, "
                              f"a guess ({res.best.reason} match, score {res.best.score:.2f})", UserWarning,
                              stacklevel=5)
        if res.best is None:
            if parsed["_latlon"] is not None:  # a place the user locates: accepted as given
                lat, lon = parsed["_latlon"]
                country = regions[0].country if regions else ""
                return Place(id=f"user:{fold(name).replace(' ', '-')}", name=name, lat=lat, lon=lon,
                             uncertainty_km=0.5, country=country, admin1=regions[0].name if regions else "",
                             sources=(f"coordinates given in {self.source}, {self.unit} {line}",)), None
            self.suggested += 1  # "did you mean" for the first names only: each costs a scan of the index
            suggestions = self.gaz.suggest(name, limit=3) if self.suggested <= MAX_SUGGESTIONS else []
            hint = ("; did you mean: " + ", ".join(f"{m.place.name} ({m.place.admin1 or m.place.country})"
                                                    for m in suggestions)) if suggestions else ""
            probs.append(self._problem(line, "place", name, f"no place of this name{within} in the gazetteer"
                                       f"{hint} (or give lat/lon columns to place it yourself)", cid))
            return None
        if res.ambiguous:
            return None, res
        return self._with_coordinates(res.best.place, parsed), None

    def _with_coordinates(self, place: Place, parsed: dict[str, Any]) -> Place:
        if parsed["_latlon"] is None or parsed["_latlon"] == (place.lat, place.lon):
            return place
        lat, lon = parsed["_latlon"]
        return replace(place, lat=lat, lon=lon, uncertainty_km=place.uncertainty_km or 0.5,
                       location_note=f"coordinates given in {self.source}")

    @staticmethod
    def _settle(resolutions: dict[int, Any]) -> dict[tuple[str, tuple[str, ...]], Place]:
        """Ambiguous names the file's other places settle, as :func:`geoclaims.geocoding.geocode_all` does."""
        from geoclaims.gazetteer import Resolution
        from geoclaims.geocoding import settle_by_proximity
        from geoclaims.place import Match

        refs: dict[Any, Resolution] = {}
        for res in resolutions.values():
            if res is None:
                continue
            place, ambiguous = res
            if ambiguous is not None:
                refs[_reference(ambiguous)] = ambiguous
            elif place.is_located:
                refs[place.id] = Resolution(place.name, (Match(place, 1.0, "exact", place.name),), False)
        chosen = {k: (r.best, r.ambiguous, "") for k, r in refs.items()}
        settle_by_proximity(refs, chosen)
        return {k: chosen[k][0].place for k, r in refs.items() if r.ambiguous and not chosen[k][1]}

    def _ambiguous(self, line: int, parsed: dict[str, Any], res: Any) -> ClaimProblem:
        competing = (res.best, *res.competitors)
        cands = "; ".join(f"{m.place.label} [{m.place.id}]" for m in competing)
        return self._problem(
            line, "place", parsed["place_name"],
            f"ambiguous: {len(competing)} places match ({cands}); add a place_id column with the intended id, "
            "or a region", parsed["claim_id"],
        )


def _reference(res: Any) -> tuple[str, tuple[str, ...]]:
    """Key of an ambiguous lookup: the name and the candidates it could mean."""
    return res.query, tuple(m.place.id for m in (res.best, *res.competitors))


def _number_or_none(v: Any) -> float | None:
    if _blank(v):
        return None
    x, why = _parse_number(v)
    return float("nan") if why else x


_GROUPED = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_PLAIN = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def _parse_number(v: Any) -> tuple[float, str]:
    """(value, '') or (nan, why not): ``1300``, ``1,300``, ``1 300``, ``1.5``; never ``1,5`` (a decimal comma).

    Examples
    --------
    >>> _parse_number("1,300"), _parse_number("1.5")[0], _parse_number("1,5")[1][:26]
    ((1300.0, ''), 1.5, 'a decimal comma? write 1.5')
    """
    if isinstance(v, bool):
        return math.nan, "true/false is not a number"
    if isinstance(v, (int, float)):
        return float(v), ""
    try:
        import numpy as np

        if isinstance(v, np.number):
            return float(v), ""
    except ImportError:  # pragma: no cover
        pass
    t = str(v).strip().replace("\u00a0", " ").replace("\u202f", " ")
    if len(t) > 40:
        return math.nan, "not a number"
    if " " in t and re.fullmatch(r"[+-]?\d{1,3}(?: \d{3})+(?:\.\d+)?", t):
        t = t.replace(" ", "")
    if _GROUPED.fullmatch(t):
        return float(t.replace(",", "")), ""
    if _PLAIN.fullmatch(t):
        return float(t), ""
    m = re.fullmatch(r"([+-]?\d+),(\d{1,2}|\d{4,})", t)
    if m:
        return math.nan, f"a decimal comma? write {m[1]}.{m[2]} (numbers use a decimal point; commas only group thousands)"
    return math.nan, "not a number"


def _scalar(v: Any) -> bool:
    """A value a field can hold: text, a number, a date, or nothing."""
    import datetime as dt

    if v is None or isinstance(v, (str, int, float, dt.date)):
        return True
    try:
        import numpy as np

        return isinstance(v, (np.generic,))
    except ImportError:  # pragma: no cover
        return False


# -- writing ---------------------------------------------------------------------
def write_claims(claims: Iterable[Claim], path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write claims as CSV, JSON or GeoJSON (atomically); ``read_claims`` reads them back.

    GeoJSON features carry the claim's drawn geometry, or else the place's point.
    ``place_id`` is written, so a re-read resolves to the same places.

    Parameters
    ----------
    claims : iterable of Claim
    path : path
        Target file; the format follows the extension unless `format` is given.
    format : {'csv', 'json', 'geojson'}, optional

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> claims = read_claims("examples/kursk/claims.csv")
    >>> out = write_claims(claims, pathlib.Path(tempfile.mkdtemp()) / "claims.geojson")
    >>> [c.place for c in read_claims(out)] == [c.place for c in claims]
    True
    """
    from geoclaims._io import atomic_write

    path = Path(path)
    fmt = (format or path.suffix.lstrip(".")).lower()
    claims = list(claims)
    records = [_clean_record(c.to_record()) for c in claims]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\n")
        w.writeheader()
        w.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in records)
        payload = buf.getvalue()
    elif fmt == "json":
        payload = json.dumps({"claims": records}, ensure_ascii=False, indent=1)
    elif fmt == "geojson":
        import shapely

        feats = []
        for c, r in zip(claims, records):
            g = _feature_geometry(c)
            feats.append({"type": "Feature", "properties": r,
                          "geometry": json.loads(shapely.to_geojson(g)) if g is not None else None})
        payload = json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False)
    else:
        raise InvalidArgument(f"{path}: unknown claims format {fmt!r}; valid: csv, json, geojson")
    atomic_write(path, payload.encode("utf-8"))
    return path


def _clean_record(rec: dict[str, Any]) -> dict[str, Any]:
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in rec.items()}

