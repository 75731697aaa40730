"""What the map of one day shows: :func:`day_view` computes it once for every face that draws it.

The interactive map (:func:`geoclaims.web.maps.explore`), the day pages and the index slider
(:mod:`geoclaims.web.render`) and the publication PNG (:mod:`geoclaims.web.static`) all draw a
:class:`DayView`: the control pieces with the claim behind each (how sure, who states it),
the change of the period, the period's claims, the area claims of the period beside the
mapped range, and the observed map in force that day, when one is given. No folium or
matplotlib here.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import math
import weakref
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from geoclaims.claims.claim import SIDES, Claim, other_side
from geoclaims.control.polygons import polygonal
from geoclaims.errors import InvalidArgument, InvalidArgumentType
from geoclaims.web.daytext import (
    ACTION_WORDS, agreement_text, area_error_text, change_text, claim_anchor, marker_side, piece_text,
)

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    from geoclaims.timeline.core import Timeline

__all__ = ["DayView", "ObservedDay", "day_view", "display_geometry", "change_rows", "change_text", "piece_text",
           "claim_dates", "change_window", "claim_anchor", "marker_side", "ACTION_WORDS", "area_check_rows",
           "agreement_by_day", "agreement_text", "area_error_text", "with_band"]


# Display geometry: simplified at 1e-4 degrees (<= 11 m, under half a pixel at zoom 12 at these
# latitudes) and rounded to 1e-5 degrees (~1 m).
_SIMPLIFY_DEG = 1e-4

_DIGITS = 5


def display_geometry(geom: Any) -> Any:
    """`geom` simplified and rounded for display (invisible at zoom 12), still valid.

    Returns
    -------
    shapely geometry
        Empty when nothing visible is left.

    Examples
    --------
    >>> import shapely
    >>> g = display_geometry(shapely.Point(35.123456789, 51.2).buffer(0.01))
    >>> g.is_valid, len(g.exterior.coords) < 66
    (True, True)
    """
    import shapely

    if geom is None or geom.is_empty:
        return shapely.Polygon()
    # Day after day most polygons are unchanged: simplify each distinct one once.
    key = hashlib.blake2b(shapely.to_wkb(geom), digest_size=16).digest()
    hit = _DISPLAY_CACHE.get(key)
    if hit is not None:
        return hit
    if len(_DISPLAY_CACHE) > 1024:
        _DISPLAY_CACHE.clear()
    g = _DISPLAY_CACHE[key] = _display(geom)
    return g


_DISPLAY_CACHE: dict[bytes, Any] = {}


def _display(geom: Any) -> Any:
    import numpy as np
    import shapely

    g = geom if geom.is_valid else polygonal(shapely.make_valid(geom))
    g = shapely.simplify(g, _SIMPLIFY_DEG, preserve_topology=True)
    try:
        g = shapely.set_precision(g, 10.0 ** -_DIGITS)
    except shapely.errors.GEOSException:  # GEOS cannot snap some reprojected rings: round, then repair
        pass
    g = shapely.transform(g, lambda c: np.round(c, _DIGITS))
    if not g.is_valid:
        g = shapely.make_valid(g)
    return polygonal(g)


def claim_dates(timeline: "Timeline", perspective: Any = "all") -> list[dt.date]:
    """Dates with claims counted by `perspective` (snapshot dates for observed timelines), sorted."""
    from geoclaims.timeline.perspective import Perspective

    p = Perspective.parse(perspective, timeline.claimants)
    if timeline.is_observed:
        return timeline.dates
    return sorted({c.date for c in timeline.claims if p.accepts(c)})


def change_window(timeline: "Timeline", date: dt.date, since: dt.date | None, perspective: Any) -> dt.date | None:
    """First day of the change shown on `date`: the day after `since`, else the last claim date <= `date`."""
    if since is not None:
        return since + dt.timedelta(days=1) if since < date else None
    earlier = [d for d in claim_dates(timeline, perspective) if d <= date]
    return earlier[-1] if earlier else None


def change_rows(diff: "geopandas.GeoDataFrame") -> list[tuple[dict[str, Any], Any]]:
    """The rows of a diff worth drawing, as display geometry: every gain, and losses nobody gained.

    A side's loss is usually the other side's gain, drawn once as the gain; what
    is left of a loss became contested.
    """
    import shapely

    rows = [(rec, display_geometry(g)) for rec, g in zip(diff.drop(columns="geometry").to_dict("records"),
                                                          diff.geometry)]
    gains = {s: shapely.union_all([g for rec, g in rows if rec["side"] == s and rec["change"] == "gained"],
                                  grid_size=10.0 ** -_DIGITS) for s in SIDES}
    out = []
    for rec, geom in rows:
        if rec["change"] == "lost":
            geom = polygonal(shapely.difference(geom, gains[other_side(rec["side"])], grid_size=10.0 ** -_DIGITS))
            if geom.is_empty or shapely.area(geom) < 1e-6:  # < ~0.01 km2 in degrees2 at 51N: seams
                continue
        if not geom.is_empty:
            out.append((rec, geom))
    return out


@dataclass(frozen=True)
class ObservedDay:
    """The observed map in force on a day, drawn as outlines beside the claims."""

    #: How the observed timeline names itself: 'observed maps (deepstate)'.
    label: str
    #: Date of the snapshot in force (the latest on or before the day); None: no snapshot yet.
    snapshot: dt.date | None
    #: (state record, display geometry) for every non-empty (side, status) of that snapshot.
    state: tuple[tuple[dict[str, Any], Any], ...]
    #: km² per side: ``{"UA": {"held": .., "advanced": .., "contested": .., "total": ..}, ...}``.
    areas: Mapping[str, Mapping[str, float]]
    #: Agreement of the claims' map with this snapshot, per side: a row of :func:`geoclaims.agreement`'s
    #: table (``area_error``, ``iou``, ``precision``, ``recall``, ``front_mean_km``, ...).
    agreement: Mapping[str, Mapping[str, Any]] | None = None

    def age_days(self, day: dt.date) -> int | None:
        """How many days older than `day` the snapshot is."""
        return None if self.snapshot is None else (day - self.snapshot).days


@dataclass(frozen=True)
class DayView:
    """What a map of one day shows, computed once and drawn by explore, the pages and the PNG export.

    Geometries of ``pieces``, ``changes`` and ``band`` are display geometries
    (:func:`display_geometry`, EPSG:4326); ``state`` keeps the timeline's own.
    """

    date: dt.date
    perspective: Any
    #: First day of the change shown (None: nothing before `date`).
    first: dt.date | None
    #: (state record, geometry) for every non-empty (side, status).
    state: tuple[tuple[dict[str, Any], Any], ...]
    #: (diff record, geometry) of the change drawn (:func:`change_rows`).
    changes: tuple[tuple[dict[str, Any], Any], ...]
    #: Claims dated first..date that the perspective counts.
    claims: tuple[Claim, ...]
    #: The km² rows of the state (all six, empty ones included).
    areas: tuple[dict[str, Any], ...]
    #: The full diff of the period (None when there is no period).
    diff: Any = None
    unmapped: str = ""
    #: How the view is named: 'all claims', 'observed maps (...)'.
    label: str = ""
    #: (piece record, geometry) per piece of control: side, status, tier, claim_id, claim_status,
    #: area_km2, and the claimants and place of the claim behind it (:meth:`Timeline.pieces`).
    pieces: tuple[tuple[dict[str, Any], Any], ...] = ()
    #: The observed map in force that day, when the view was asked for one.
    observed: ObservedDay | None = None
    #: Every area claim of the period beside the mapped range (:func:`area_check_rows`).
    area_checks: tuple[dict[str, Any], ...] = ()
    #: The uncertainty band of a method that infers land (:meth:`Timeline.band`): (record with 'side',
    #: least polygon, most polygon) per side where they differ.
    band: tuple[tuple[dict[str, Any], Any, Any], ...] = ()

    @property
    def period(self) -> str:
        """``'2025-01-07'`` or ``'2025-01-05 to 2025-01-07'`` ('' when nothing precedes)."""
        if self.first is None:
            return ""
        return str(self.date) if self.first == self.date else f"{self.first} to {self.date}"

    @property
    def extent(self) -> list[Any]:
        """Geometries to fit the map to: the period's changes and claims, else the whole state."""
        import shapely

        geoms = [g for _, g in self.changes]
        for c in self.claims:
            anchor = claim_anchor(c)
            if anchor is not None:
                geoms.append(shapely.Point(anchor[1], anchor[0]).buffer(0.03))  # ~3 km around a claimed place
        return geoms or [g for _, g in self.pieces] or [g for _, g in self.state if not g.is_empty]

    def km2_by_certainty(self) -> dict[str, dict[str, float]]:
        """km² per side (held + advanced + contested) by how sure: assessed, claimed, unverified, inferred, other."""
        out = {s: {"assessed": 0.0, "claimed": 0.0, "unverified": 0.0, "inferred": 0.0, "other": 0.0} for s in SIDES}
        for rec, _ in self.pieces:
            key = "inferred" if rec.get("tier") == "inferred" else (rec.get("claim_status") or "other")
            out[rec["side"]][key if key in out[rec["side"]] else "other"] += float(rec["area_km2"])
        return out


# Per timeline: claim id -> (claimants, where), and area_check() per perspective (it builds twin timelines).
_CLAIM_INFO: "weakref.WeakKeyDictionary[Any, dict[str, tuple[str, str]]]" = weakref.WeakKeyDictionary()

_AREA_CHECKS: "weakref.WeakKeyDictionary[Any, dict[Any, Any]]" = weakref.WeakKeyDictionary()


def _claim_info(timeline: "Timeline") -> dict[str, tuple[str, str]]:
    info = _CLAIM_INFO.get(timeline)
    if info is None:
        rows: dict[str, tuple[list[str], list[str]]] = {}
        for c in timeline.claims:
            who, where = rows.setdefault(c.claim_id, ([], []))
            if c.claimant not in who:
                who.append(c.claimant)
            if c.where and c.where not in where:
                where.append(c.where)
        info = {k: (", ".join(w), wh[0] if len(wh) == 1 else "") for k, (w, wh) in rows.items()}
        _CLAIM_INFO[timeline] = info
    return info


def _piece_rows(timeline: "Timeline", d: dt.date, p: Any) -> list[tuple[dict[str, Any], Any]]:
    frame = timeline.pieces(d, perspective=p)
    info = _claim_info(timeline)
    out = []
    for rec, geom in zip(frame.drop(columns="geometry").to_dict("records"), frame.geometry):
        g = display_geometry(geom)
        if g.is_empty:
            continue
        if rec.get("tier") == "inferred" and rec.get("drivers"):
            rec["claim_id"] = rec["drivers"]  # inferred land: the claims that drove it
        ids = [x for x in str(rec.get("claim_id") or "").split(", ") if x]
        who = list(dict.fromkeys(info[i][0] for i in ids if i in info and info[i][0]))
        rec["claimants"] = ", ".join(who[:4]) + (", …" if len(who) > 4 else "")
        rec["where"] = info[ids[0]][1] if len(ids) == 1 and ids[0] in info else ""
        rec["tier"] = rec.get("tier") or "claimed"
        rec["claim_status"] = rec.get("claim_status") or ""
        out.append((rec, g))
    return out


def area_check_rows(timeline: "Timeline", perspective: Any, first: dt.date, last: dt.date) -> tuple[dict[str, Any], ...]:
    """Area claims dated `first`..`last` (counted by `perspective`) beside the mapped range, with a verdict.

    Each row is a :meth:`Timeline.area_check` row plus ``verdict`` ('within', 'below', 'above' the
    mapped range, or 'not comparable') and ``text`` ("claimed 110 km²; mapped 1,984-2,042 km²: 0.06×
    the mapped area, below the mapped range").
    """
    from geoclaims.timeline.perspective import Perspective

    p = Perspective.parse(perspective, timeline.claimants)
    wanted = {(c.claim_id, c.date) for c in timeline.claims
              if c.action == "area" and p.accepts(c) and first <= c.date <= last}
    if not wanted:
        return ()
    cache = _AREA_CHECKS.setdefault(timeline, {})
    if p not in cache:
        cache[p] = timeline.area_check(perspective=p)
    rows = []
    for rec in cache[p].to_dict("records"):
        if (rec["claim_id"], rec["date"]) not in wanted:
            continue
        claimed, lo, hi, mid = (float(rec[k]) for k in ("claimed_km2", "mapped_low_km2", "mapped_high_km2",
                                                        "mapped_km2"))
        if any(math.isnan(x) for x in (claimed, lo, hi)):
            verdict, text = "not comparable", f"claimed {claimed:,.0f} km²; no mapped area to compare"
        else:
            verdict = ("below" if round(claimed) < round(lo) else "above" if round(claimed) > round(hi) else "within")
            ratio = f"{claimed / mid:,.2g}× the mapped area" if mid else "nothing mapped"
            text = (f"claimed {claimed:,.0f} km²; mapped {lo:,.0f}-{hi:,.0f} km²: {ratio}, "
                    + ("within the mapped range" if verdict == "within" else f"{verdict} the mapped range"))
        rows.append({**rec, "verdict": verdict, "text": text})
    return tuple(rows)


def _observed_day(observed: "Timeline", d: dt.date) -> ObservedDay:
    import bisect

    i = bisect.bisect_right(observed.dates, d) - 1
    snapshot = observed.dates[i] if i >= 0 else None
    label = observed.perspective_label()
    if snapshot is None:
        return ObservedDay(label=label, snapshot=None, state=(), areas={s: {"total": 0.0} for s in SIDES})
    st = observed.state(d)
    shown, areas = [], {s: {"held": 0.0, "advanced": 0.0, "contested": 0.0} for s in SIDES}
    for rec, geom in zip(st.drop(columns="geometry").to_dict("records"), st.geometry):
        areas[rec["side"]][rec["status"]] += float(rec["area_km2"])
        g = display_geometry(geom)
        if not g.is_empty:
            shown.append((rec, g))
    for s in SIDES:
        areas[s]["total"] = areas[s]["held"] + areas[s]["advanced"]
    return ObservedDay(label=label, snapshot=snapshot, state=tuple(shown), areas=areas)


def check_observed(observed: Any) -> "Timeline | None":
    """`observed` if it is an observed Timeline (or None); anything else raises a clear error."""
    from geoclaims.timeline.core import Timeline

    if observed is None:
        return None
    if not isinstance(observed, Timeline):
        raise InvalidArgumentType(f"observed= takes a Timeline from geoclaims.read_snapshots(), not "
                                  f"{type(observed).__name__}")
    if not observed.is_observed:
        raise InvalidArgument("observed= takes an observed timeline (geoclaims.read_snapshots()); this one is built "
                              "from claims")
    if not observed.dates:
        raise InvalidArgument("observed= has no snapshots")
    return observed


def agreement_by_day(timeline: "Timeline", observed: "Timeline", days: Iterable[dt.date], perspective: Any = "all"
                     ) -> dict[dt.date, dict[str, dict[str, Any]]]:
    """:func:`geoclaims.agreement` of `timeline` with `observed` on each of `days` that has an observed map in
    force: ``{day: {side: row}}`` (rows of :data:`geoclaims.observed.evaluation.AGREEMENT_COLUMNS`)."""
    from geoclaims.observed.evaluation import agreement

    first = observed.dates[0]
    wanted = sorted({d for d in days if d >= first})
    if not wanted:
        return {}
    table = agreement(timeline, observed, wanted, perspective=perspective).table
    out: dict[dt.date, dict[str, dict[str, Any]]] = {}
    for rec in table.to_dict("records"):
        d = rec["date"].date() if hasattr(rec["date"], "date") else rec["date"]
        out.setdefault(d, {})[rec["side"]] = rec
    return out


def _band_rows(timeline: "Timeline", d: dt.date, p: Any) -> tuple[tuple[dict[str, Any], Any, Any], ...]:
    """The uncertainty band of a method that infers land (least and most per side); none for the others,
    whose least and most are the same land."""
    if timeline.method != "inferred":
        return ()
    band = timeline.band(d, perspective=p)
    rows = []
    for side in SIDES:
        part = band[band.side == side].set_index("bound")
        if len(part) == 2 and part.loc["max", "area_km2"] - part.loc["min", "area_km2"] >= 0.01:
            rows.append(({"side": side, "area_km2": float(part.loc["max", "area_km2"] - part.loc["min", "area_km2"]),
                          "min_km2": float(part.loc["min", "area_km2"]), "max_km2": float(part.loc["max", "area_km2"])},
                         part.loc["min", "geometry"], part.loc["max", "geometry"]))
    return tuple((rec, display_geometry(lo), display_geometry(hi)) for rec, lo, hi in rows)


def day_view(timeline: "Timeline", date: "str | dt.date | None" = None, *, since: "str | dt.date | None" = None,
             perspective: Any = "all", observed: "Timeline | None" = None,
             agreement: "Mapping[dt.date, Mapping[str, Any]] | None" = None) -> DayView:
    """Compute what the map of `date` shows (see :func:`geoclaims.web.maps.explore` for the parameters).

    With `observed`, the view carries the observed map in force that day and its agreement with the
    claims' map (:func:`geoclaims.agreement`), computed here unless `agreement` gives it
    (:func:`agreement_by_day`, as the page renderer does for all its days at once).

    Returns
    -------
    DayView

    Examples
    --------
    >>> from geoclaims import Timeline, read_claims
    >>> tl = Timeline.from_claims(read_claims("examples/kursk/claims.csv"))
    >>> v = day_view(tl, "2025-01-07")
    >>> sorted({r["claim_status"] for r, _ in v.pieces}), v.period  # '' for inferred land
    (['', 'assessed', 'claimed', 'unverified'], '2025-01-07')
    """
    from geoclaims.timeline.dates import as_date
    from geoclaims.timeline.perspective import Perspective

    observed = check_observed(observed)
    p = Perspective.parse(perspective, timeline.claimants)
    if date is None:
        dates = claim_dates(timeline, p)
        if not dates:
            raise InvalidArgument("the timeline has no dates in this perspective; pass date=")
        d = dates[-1]
    else:
        d = as_date(date)
    first = change_window(timeline, d, as_date(since, "since") if since is not None else None, p)
    state = timeline.state(d, perspective=p)
    areas = tuple(state.drop(columns="geometry").to_dict("records"))
    kept = tuple((rec, g) for rec, g in zip(areas, state.geometry) if not g.is_empty)
    diff, changes, claims, checks = None, [], (), ()
    if first is not None:
        diff = timeline.diff(first, d, perspective=p)
        changes = change_rows(diff)
        claims = tuple(c for c in timeline.claims if p.accepts(c) and first <= c.date <= d)
        if not timeline.is_observed:
            checks = area_check_rows(timeline, p, first, d)
    obs = None
    if observed is not None:
        obs = _observed_day(observed, d)
        if obs.snapshot is not None and not timeline.is_observed:
            rows = (agreement if agreement is not None else agreement_by_day(timeline, observed, [d], p)).get(d)
            if rows:
                obs = dataclasses.replace(obs, agreement=rows)
    return DayView(date=d, perspective=p, first=first, state=kept, changes=tuple(changes), claims=claims,
                   areas=areas, diff=diff, unmapped=timeline.unmapped_summary(claims) if claims else "",
                   label=timeline.perspective_label(p), pieces=tuple(_piece_rows(timeline, d, p)),
                   observed=obs, area_checks=checks, band=_band_rows(timeline, d, p))


def with_band(view: DayView, band: Iterable[tuple[Mapping[str, Any], Any, Any]]) -> DayView:
    """`view` with an uncertainty band: ``(record with 'side', least polygon, most polygon)`` per side."""
    rows = tuple((dict(rec), display_geometry(lo), display_geometry(hi)) for rec, lo, hi in band)
    return dataclasses.replace(view, band=rows)
