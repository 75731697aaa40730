"""Observed control maps: read dated snapshot archives into a :class:`~geoclaims.timeline.Timeline`.

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

The parts: the files of an archive (:mod:`~geoclaims.observed.files`), the rules and presets
(:mod:`~geoclaims.observed.rules`), parsing one file (:mod:`~geoclaims.observed.features`),
building its pieces here, in a process pool or on Dask (:mod:`~geoclaims.observed.pieces`,
:mod:`~geoclaims.observed.dask_archive`), and files with date ranges (:mod:`~geoclaims.observed.ranges`).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import warnings
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Iterator, Mapping

from geoclaims.control.engine import Piece
from geoclaims.errors import InvalidArgument
from geoclaims.observed.features import _Parsed, _parse
from geoclaims.observed.files import _members, _read_member, _sort_key
from geoclaims.observed.pieces import (
    _Builder, _as_pieces, _finish_safely, _init_worker, _parsed_bounds, _process, _projection, _work,
)
from geoclaims.observed.ranges import _has_ranges, _read_ranges
from geoclaims.observed.rules import (
    GEOCLAIMS, SnapshotError, SnapshotProblem, SnapshotRules, SnapshotWarning, _resolve_rules,
)

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.control.projection import LocalProjection
    from geoclaims.timeline.core import Timeline

__all__ = ["read_snapshots"]


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
    from geoclaims._checks import check_workers

    if on_error not in ("warn", "raise"):
        raise InvalidArgument(f"on_error={on_error!r} is not valid; valid: warn, raise")
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
    report = _Report(on_error)
    # The projection comes from the region, else from the first readable snapshot.
    proj = _projection(region_wgs.bounds) if region_wgs is not None else None
    rest = iter(members)
    first: list[_Parsed] = []
    if proj is None:
        first, proj = _until_projection(rest, spec, date_from, date_property)
    builder = _Builder(proj, region_wgs) if proj is not None else None
    n = workers if workers is not None else (min(4, os.cpu_count() or 1) if len(members) >= 50 else 1)
    init = (spec, date_from, date_property, proj, region_wgs)
    stream = _parsed_stream(first, list(rest), builder, init, path, n, client)
    by_date, unknown, unknown_files, fallback = _collect(stream, report, len(members), progress)
    if fallback:
        total = sum(fallback.values())
        msg = (f"{total} polygons with keys no rule knows were classified by the preset's fallback (fill colour): "
               + "; ".join(f"{k!r} ({n})" for k, n in fallback.most_common(8)))
        warnings.warn(SnapshotProblem(str(path), msg).__str__(), SnapshotWarning, stacklevel=2)
    if unknown:
        msg = "polygons with keys no rule knows were not used: " + "; ".join(
            f"{k!r} ({n}, in {len(unknown_files[k])} files)" for k, n in unknown.most_common(10))
        report([SnapshotProblem(str(path), msg)], stacklevel=3)
    if builder is None or not by_date:
        raise SnapshotError(f"{path}: no readable snapshot among {len(members)} files"
                            + (f"; first problem: {report.problems[0]}" if report.problems else ""), report.problems)
    dates = sorted(by_date)
    snaps = [by_date[d][1] for d in dates]
    from geoclaims.timeline.core import Timeline

    return Timeline.from_observed(dates, snaps, projection=builder.proj, source=str(path), problems=report.problems,
                                  unknown_keys=dict(unknown), region=region_label,
                                  region_shape=region_wgs, fallback_keys=dict(fallback))


class _Report:
    """Problems found while reading: each is raised (``on_error="raise"``) or kept and warned."""

    def __init__(self, on_error: str) -> None:
        self.on_error = on_error
        self.problems: list[SnapshotProblem] = []

    def __call__(self, problems: Iterable[SnapshotProblem], stacklevel: int = 4) -> None:
        """Raise or keep and warn; `stacklevel` points the warning at read_snapshots' caller."""
        for p in problems:
            if self.on_error == "raise":
                raise SnapshotError(str(p), [p])
            self.problems.append(p)
            warnings.warn(str(p), SnapshotWarning, stacklevel=stacklevel)


def _until_projection(rest: Iterator[tuple[str, Any]], spec: Any, date_from: Any,
                      date_property: Any) -> tuple[list[_Parsed], LocalProjection | None]:
    """Parse members until one has a date and polygons to project around: the members parsed, and the
    projection (None when no member has both)."""
    first: list[_Parsed] = []
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
                return first, _projection(_parsed_bounds(parsed))
            except Exception as e:  # noqa: BLE001 - unusable polygons: try the next file
                parsed.problems.append(SnapshotProblem(name, f"its polygons could not be built ({e!r}); skipped"))
                parsed.date = None
    return first, None


def _parsed_stream(first: list[_Parsed], todo: list[tuple[str, Any]], builder: Any, init: tuple, path: Path, n: int,
                   client: Any) -> Iterator[_Parsed]:
    """Every member parsed and built, in order: the first ones here, the rest on a Dask cluster, in a
    process pool of `n` workers, or here."""
    for parsed in first:
        yield _finish_safely(parsed, builder)
    if builder is None:
        for name, read in todo:
            yield _process(name, _read_member(name, read), *init[:3], builder)
        return
    import shapely

    spec, date_from, date_property, proj, region_wgs = init
    shared = (spec, date_from, date_property, proj, None if region_wgs is None else shapely.to_wkb(region_wgs))
    if client is not None and todo:  # issue 17: on a Dask cluster
        from geoclaims.observed.dask_archive import map_snapshots

        yield from map_snapshots(client, todo, path, shared)
    elif n > 1 and len(todo) > 1:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        ctx = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
        with ProcessPoolExecutor(max_workers=n, mp_context=ctx, initializer=_init_worker, initargs=shared) as pool:
            yield from pool.map(_work, ((name, _read_member(name, read)) for name, read in todo), chunksize=4)
    else:
        for name, read in todo:
            yield _process(name, _read_member(name, read), spec, date_from, date_property, builder)


def _collect(stream: Iterator[_Parsed], report: _Report, total: int, progress: bool | None):
    """The pieces of each date (a day's last snapshot wins), the keys no rule knew (counts, and the files
    of each) and the keys the fallback classified (counts)."""
    from tqdm import tqdm

    bar = tqdm(total=total, desc="reading snapshots", unit="file", file=sys.stderr,
               disable=(not sys.stderr.isatty()) if progress is None else not progress)
    unknown: Counter = Counter()
    fallback: Counter = Counter()
    unknown_files: dict[str, set[str]] = {}
    by_date: dict[dt.date, tuple[tuple, tuple[Piece, ...]]] = {}
    made: dict[bytes, tuple[Piece, ...]] = {}  # digest -> pieces: unchanged groups are the same objects
    try:
        for parsed in stream:
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
    return by_date, unknown, unknown_files, fallback
