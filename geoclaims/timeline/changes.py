"""What changed between two days: :meth:`Timeline.diff` (areas gained and lost, with the claims
that made them) and :meth:`Timeline.changes` (settlements that changed hands)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any, Sequence

from geoclaims.claims.claim import SIDES, Claim, other_side
from geoclaims.control.engine import STATUSES, Piece, differences, geoms_of, outcome
from geoclaims.control.polygons import robust, valid_polygons
from geoclaims.errors import InvalidArgument
from geoclaims.timeline.columns import CHANGES_COLUMNS, DIFF_COLUMNS
from geoclaims.timeline.dates import as_date
from geoclaims.timeline.runs import _Run

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    import pandas
    from geoclaims.timeline.core import Timeline
    from geoclaims.timeline.perspective import Perspective

__all__ = ["diff", "changes", "gains_losses"]


def diff(tl: Timeline, start: "str | dt.date", end: "str | dt.date", *,
         perspective: "str | Perspective" = "all") -> "geopandas.GeoDataFrame":
    """See :meth:`Timeline.diff`."""
    import geopandas

    d1, d2 = as_date(start, "start"), as_date(end, "end")
    if d2 < d1:
        raise InvalidArgument(f"end ({d2}) is before start ({d1})")
    p, run = tl._run(perspective)
    before = tl._snapshot(run, d1 - dt.timedelta(days=1))
    after = tl._snapshot(run, d2)
    period = [i for i in run.order if d1 <= tl.claims[i].date <= d2]
    drawn = [i for i in period if tl._shapes[i] is not None and tl.claims[i].changes_control]

    recs, geoms = [], []
    for side, (gained, lost) in gains_losses(before, after).items():
        for change, region in (("gained", gained), ("lost", lost)):
            for rec, geom in attribute(tl, region, drawn, side, change, run.applied):
                recs.append(rec)
                geoms.append(geom)
    out = geopandas.GeoDataFrame(recs, columns=list(DIFF_COLUMNS),
                                 geometry=valid_polygons(tl.projection.to_wgs84(geoms)) if geoms else [],
                                 crs="EPSG:4326")
    if len(out):
        out = out.sort_values(["side", "change", "area_km2"], ascending=[True, True, False], kind="stable")
        out = out.reset_index(drop=True)
    out.attrs["perspective"] = tl.perspective_label(p)
    out.attrs["period"] = (d1, d2)
    out.attrs["unmapped"] = tl.unmapped_summary(tl.claims[i] for i in period)
    return out


def gains_losses(before: Sequence[Piece], after: Sequence[Piece]) -> dict[str, tuple[Any, Any]]:
    """Per side, (gained, lost) from one snapshot to another (local CRS).

    A side gains what it newly controls (held or advanced) and what its opponent no longer
    holds or contests; it loses the reverse.
    """
    import shapely

    # Pieces present in both snapshots are the same objects and, since the pieces of one
    # snapshot never overlap, cancel out of every difference below: drop them.
    common = {id(x) for x in before} & {id(x) for x in after}
    before = [x for x in before if id(x) not in common]
    after = [x for x in after if id(x) not in common]
    out = {}
    for side in SIDES:
        opp = other_side(side)
        own_lost, own_won = differences(geoms_of(before, side, ("held", "advanced")),
                                        geoms_of(after, side, ("held", "advanced")))
        opp_lost, opp_won = differences(geoms_of(before, opp, STATUSES), geoms_of(after, opp, STATUSES))
        out[side] = (robust(shapely.union, own_won, opp_lost), robust(shapely.union, own_lost, opp_won))
    return out


def attribute(tl: Timeline, region, drawn: list[int], side: str, change: str, applied: dict[int, str]):
    """Split a change region among the claims that made it, earliest first."""
    import shapely

    from geoclaims.control.engine import MIN_AREA_M2

    if region.is_empty or shapely.area(region) < MIN_AREA_M2:
        return
    remaining = region
    for i in drawn:
        c = tl.claims[i]
        res = ("", "contested") if applied.get(i, "").startswith("contested") else outcome(c)
        favours = res is not None and (res[0] == side if change == "gained" else res[0] != side)
        if not favours:
            continue
        part = shapely.intersection(remaining, tl._shapes[i])
        a = shapely.area(part)
        if a < MIN_AREA_M2 * 100:
            continue
        near = [j for j, hit in zip(drawn, shapely.intersects([tl._shapes[j] for j in drawn], part)) if hit]
        overlap = shapely.area(shapely.intersection([tl._shapes[j] for j in near], part)) if near else []
        covering = [tl.claims[j].claim_id for j, o in zip(near, overlap) if o > 0.5 * a]
        status = res[1] if res is not None else ""
        yield ({"side": side, "change": change, "area_km2": a / 1e6, "where": c.where, "claim_id": c.claim_id,
                "date": c.date, "claimant": c.claimant, "status": status, "claim_status": c.status,
                "claim_ids": ", ".join(dict.fromkeys(covering))}, part)
        remaining = robust(shapely.difference, remaining, part)
        if shapely.area(remaining) < MIN_AREA_M2 * 100:
            return
    if shapely.area(remaining) >= MIN_AREA_M2 * 100:
        yield ({"side": side, "change": change, "area_km2": shapely.area(remaining) / 1e6,
                "where": "(observed)" if tl.is_observed else "(inferred from the claims nearby)"
                if tl.method == "inferred" else "(by claims against the other side)",
                "claim_id": "", "date": None, "claimant": "",
                "status": "", "claim_status": "",
                "claim_ids": ", ".join(dict.fromkeys(tl.claims[j].claim_id for j in drawn
                                                     if shapely.intersects(remaining, tl._shapes[j])))},
               remaining)


def changes(tl: Timeline, start: "str | dt.date | None" = None, end: "str | dt.date | None" = None, *,
            perspective: "str | Perspective" = "all") -> "pandas.DataFrame":
    """See :meth:`Timeline.changes`."""
    import pandas as pd
    import shapely

    p, run = tl._run(perspective)
    d1 = as_date(start, "start") if start is not None else dt.date.min
    d2 = as_date(end, "end") if end is not None else dt.date.max
    if tl.is_observed:
        return observed_changes(tl, run, d1, d2)
    rows = []
    seen: set[tuple] = set()
    by_day_place: dict[tuple, list[Claim]] = {}
    for j in run.order:
        x = tl.claims[j]
        if x.place is not None:
            by_day_place.setdefault((x.date, x.place.id), []).append(x)
    for i in run.order:
        c = tl.claims[i]
        if not (d1 <= c.date <= d2) or not c.changes_control or c.place is None:
            continue
        if c.qualifier not in ("", "central") and c.action != "capture":
            continue  # an advance near/west of a place does not change who holds it
        key = (c.date, c.place.id)
        if key in seen:
            continue
        seen.add(key)
        if not c.place.is_located:
            res = outcome(c)
            to = res[0] or "contested" if res else ""
            rows.append({"date": c.date, "place": c.place.name, "place_id": c.place.id, "from_side": "",
                         "to_side": to, "claim_id": c.claim_id, "claimant": c.claimant,
                         "claim_status": c.status, "mapped": False})
            continue
        pt = tl.projection.to_local(shapely.Point(c.place.lon, c.place.lat))
        before = holder(tl, tl._snapshot(run, c.date - dt.timedelta(days=1)), pt)
        after = holder(tl, tl._snapshot(run, c.date), pt)
        if before != after:
            same_day = by_day_place[key]
            rows.append({"date": c.date, "place": c.place.name, "place_id": c.place.id, "from_side": before,
                         "to_side": after, "claim_id": ", ".join(dict.fromkeys(x.claim_id for x in same_day)),
                         "claimant": "; ".join(dict.fromkeys(x.claimant for x in same_day)),
                         "claim_status": "; ".join(dict.fromkeys(x.status for x in same_day)), "mapped": True})
    df = pd.DataFrame(rows, columns=list(CHANGES_COLUMNS))
    df.attrs["perspective"] = tl.perspective_label(p)
    return df


def observed_changes(tl: Timeline, run: _Run, d1: dt.date, d2: dt.date) -> "pandas.DataFrame":
    """Gazetteer places whose holder differs between consecutive snapshots in d1..d2."""
    import bisect

    import numpy as np
    import pandas as pd

    places, x, y, own = gazetteer_points(tl)
    rows = []
    i = bisect.bisect_left(run.dates, d1)
    prev = tl._snapshot(run, d1 - dt.timedelta(days=1)) if d1 > dt.date.min else tl._initial
    prev_h = holders(prev, x, y, own)
    for d, snap in zip(run.dates[i:], run.snaps[i:]):
        if d > d2:
            break
        if snap is prev:
            continue
        h = holders(snap, x, y, own)
        for k in np.flatnonzero(h != prev_h):
            pl = places[k]
            rows.append({"date": d, "place": pl.name, "place_id": pl.id, "from_side": prev_h[k],
                         "to_side": h[k], "claim_id": "", "claimant": "observed", "claim_status": "",
                         "mapped": True})
        prev, prev_h = snap, h
    df = pd.DataFrame(rows, columns=list(CHANGES_COLUMNS))
    df.attrs["perspective"] = tl.perspective_label()
    return df


def gazetteer_points(tl: Timeline):
    """Located gazetteer places inside the area of interest: (places, x, y, own side) in the local CRS."""
    cached = tl._places_xy
    if cached is None:
        import numpy as np

        from geoclaims.places.gazetteer import Gazetteer
        from geoclaims.control.projection import _transformers

        w, s, e, n = tl._aoi
        places = [p for p in Gazetteer.default().places
                  if p.lat is not None and p.lon is not None and w <= p.lon <= e and s <= p.lat <= n]
        fwd = _transformers(tl.projection.lon0, tl.projection.lat0)[1]
        x, y = fwd.transform(np.array([p.lon for p in places], dtype=float), np.array([p.lat for p in places],
                                                                                       dtype=float))
        own = np.array([p.country if p.country in SIDES else "" for p in places], dtype=object)
        cached = tl._places_xy = (places, np.asarray(x), np.asarray(y), own)
    return cached


def holders(pieces: Sequence[Piece], x, y, own):
    import shapely

    out = own.copy()
    if len(x) == 0:
        return out
    for piece in pieces:
        inside = shapely.contains_xy(piece.geom, x, y)
        out[inside] = "contested" if piece.status == "contested" else piece.side
    return out


def holder(tl: Timeline, pieces: Sequence[Piece], pt) -> str:
    for x in pieces:
        if x.geom.covers(pt):
            return "contested" if x.status == "contested" else x.side
    for side, terr in tl._territories.items():
        if terr.covers(pt):
            return side
    return ""
