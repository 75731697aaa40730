"""Claims against observed maps: :func:`compare` says, claim by claim, whether the map agrees.

For each claim that can be drawn, the observed state (:func:`geoclaims.read_snapshots`) is taken
on the latest snapshot from the claim's date to ``window_days`` after it (a change cannot show on a
map drawn before it; for a repelled attack, within ``window_days`` either side), and the claim's polygon (its
place and qualifier, as the claims timeline draws it; a 1 km circle around the place for a repelled
attack) is split into land the claimed side controls, land the other side controls, and grey zone.

==========  =============================================  ================================
action      confirmed when                                 contradicted when
==========  =============================================  ================================
capture,    the side controls >= `threshold` of it         the other side does
advance
withdraw    the other side controls >= `threshold`         the side still does
repelled    the defender controls >= `threshold`           the attacker does
contest     grey zone >= 25 %, or both sides >= 10 %       one side controls >= 90 %
==========  =============================================  ================================

Anything else, a claim with no snapshot in the window, one outside the mapped area, or one
whose place has no coordinates, is *not observable*, with the reason. Area claims are set beside
the observed area on their date, with and without the grey zone.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Iterable

from geoclaims.errors import InvalidArgument, InvalidArgumentType
from geoclaims.claims.claim import SIDES, Claim, other_side

if TYPE_CHECKING:  # pragma: no cover
    import pandas

    from geoclaims.claims.claimset import ClaimSet
    from geoclaims.timeline.core import Timeline

__all__ = ["compare", "Comparison", "VERDICTS", "COMPARE_COLUMNS"]

#: Verdicts of :func:`compare`.
VERDICTS = ("confirmed", "contradicted", "not observable")
#: Columns of :attr:`Comparison.claims`.
COMPARE_COLUMNS = ("claim_id", "date", "claimant", "claimant_side", "side", "action", "where", "status", "verdict",
                   "observed_date", "side_share", "other_share", "grey_share", "reason")
_REPELLED_RADIUS_M = 1000.0


@dataclass(frozen=True)
class Comparison:
    """The result of :func:`compare`: per claim, per claimant, and for area claims."""

    #: One row per claim (area claims excluded): :data:`COMPARE_COLUMNS`.
    claims: "pandas.DataFrame"
    #: Per claimant: claims, confirmed, contradicted, not observable, confirmation rate.
    by_claimant: "pandas.DataFrame"
    #: Each area claim beside the observed km² (held; held + grey zone) on its date.
    areas: "pandas.DataFrame"
    window_days: int
    threshold: float

    def summary(self) -> str:
        """``'62 claims: 20 confirmed, 3 contradicted, 39 not observable'``."""
        counts = self.claims["verdict"].value_counts()
        return f"{len(self.claims)} claims: " + ", ".join(f"{int(counts.get(v, 0))} {v}" for v in VERDICTS)


def _shares(observed: "Timeline", pieces, shape, side: str) -> tuple[float, float, float]:
    """Shares of `shape` (observed local CRS) controlled by `side`, by the other side, and grey."""
    import shapely

    total = shapely.area(shape)
    if total <= 0:
        return 0.0, 0.0, 0.0

    def area_of(geoms):
        return float(shapely.area(shapely.intersection(shapely.union_all(geoms), shape))) if geoms else 0.0

    grey = area_of([x.geom for x in pieces if x.status == "contested"])
    share = {}
    for s in SIDES:
        beyond = area_of([x.geom for x in pieces if x.side == s and x.status != "contested"])
        own = shapely.intersection(observed._territories[s], shape)
        taken = [x.geom for x in pieces if shapely.intersects(x.geom, own)]
        at_home = float(shapely.area(shapely.difference(own, shapely.union_all(taken)))) if taken else float(
            shapely.area(own))
        share[s] = (beyond + at_home) / total
    return share[side], share[other_side(side)], grey / total


def _verdict(c: Claim, own: float, opp: float, grey: float, threshold: float) -> tuple[str, str]:
    pct = f"{c.side} {own:.0%}, {other_side(c.side)} {opp:.0%}, grey {grey:.0%}"
    if c.action in ("capture", "advance"):
        ok, bad = own >= threshold, opp >= threshold
    elif c.action == "withdraw":
        ok, bad = opp >= threshold, own >= threshold
    elif c.action == "repelled":
        ok, bad = opp >= threshold, own >= threshold
    elif c.action == "contest":
        ok, bad = grey >= 0.25 or (own >= 0.1 and opp >= 0.1), max(own, opp) >= 0.9
    else:  # pragma: no cover - area claims are handled apart
        return "not observable", "not a claim about a place"
    if ok:
        return "confirmed", pct
    if bad:
        return "contradicted", pct
    return "not observable", f"mixed or grey zone: {pct}"


def _snapshot_near(observed: "Timeline", d: dt.date, window: int, *, after: bool = False) -> dt.date | None:
    """The latest snapshot date in [d - window, d + window] (in [d, d + window] with `after`)."""
    dates = observed.dates
    i = bisect.bisect_right(dates, d + dt.timedelta(days=window)) - 1
    if i >= 0 and dates[i] >= d - dt.timedelta(days=0 if after else window):
        return dates[i]
    return None


def compare(claims: "ClaimSet | Timeline | Iterable[Claim] | str", observed: "Timeline", *, window_days: int = 3,
            threshold: float = 0.5) -> Comparison:
    """Check each claim against an observed timeline.

    Parameters
    ----------
    claims : ClaimSet, claims Timeline, iterable of Claim, or path of a claims file
    observed : Timeline
        From :func:`geoclaims.read_snapshots`.
    window_days : int, default 3
        Use the latest snapshot from the claim's date to this many days after it (either side for
        repelled attacks and area figures).
    threshold : float, default 0.5
        Share of the claim's polygon a side must control (see the module's table).

    Returns
    -------
    Comparison

    Examples
    --------
    >>> import geoclaims, json, pathlib, tempfile
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> ring = [[35.40, 51.26], [35.48, 51.26], [35.48, 51.32], [35.40, 51.32], [35.40, 51.26]]
    >>> fc = {"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"side": "UA",
    ...       "status": "held"}, "geometry": {"type": "Polygon", "coordinates": [ring]}}]}
    >>> _ = (d / "2025-01-06.geojson").write_text(json.dumps(fc))
    >>> obs = geoclaims.read_snapshots(d)
    >>> cmp = compare("examples/kursk/claims.csv", obs)
    >>> cmp.claims.set_index("claim_id").loc["K045", "verdict"]
    'confirmed'
    """
    import pandas as pd
    import shapely

    from geoclaims.claims.read import read_claims
    from geoclaims.timeline.core import Timeline

    if not getattr(observed, "is_observed", False):
        raise InvalidArgumentType("observed must be a Timeline from geoclaims.read_snapshots()")
    if not 0 < threshold <= 1:
        raise InvalidArgument(f"threshold must be in (0, 1], got {threshold!r}")
    if window_days < 0:
        raise InvalidArgument(f"window_days must be >= 0, got {window_days!r}")
    if isinstance(claims, Timeline):
        tl = claims
    else:
        if isinstance(claims, (str, bytes)) or hasattr(claims, "__fspath__"):
            claims = read_claims(claims)
        tl = Timeline.from_claims(claims)
    run = observed._run("all")[1]
    rows, areas = [], []
    for i, c in enumerate(tl.claims):
        if c.action == "area":
            areas.append(_area_row(c, observed, run, window_days))
            continue
        base = {"claim_id": c.claim_id, "date": c.date, "claimant": c.claimant, "claimant_side": c.claimant_side,
                "side": c.side, "action": c.action, "where": c.where, "status": c.status, "observed_date": None,
                "side_share": None, "other_share": None, "grey_share": None}
        shape = tl._shapes[i]
        if shape is not None:
            shape = observed.projection.to_local(tl.projection.to_wgs84(shape))
        elif c.action == "repelled" and c.place is not None and c.place.is_located:
            shape = observed.projection.to_local(shapely.Point(c.place.lon, c.place.lat)).buffer(_REPELLED_RADIUS_M)
        if shape is None or shape.is_empty:
            why = f"no coordinates for {c.place_name}" if c.is_unmapped else "nothing to draw"
            rows.append({**base, "verdict": "not observable", "reason": why})
            continue
        covered = shapely.area(shapely.intersection(shape, observed._coverage)) / shapely.area(shape)
        if covered < 0.5:
            rows.append({**base, "verdict": "not observable", "reason": "outside the observed area"
                         + (f" ({observed.region})" if observed.region else "")})
            continue
        change = c.action != "repelled"  # a change shows on maps drawn after it; a held line on either side
        when = _snapshot_near(observed, c.date, window_days, after=change)
        if when is None:
            rows.append({**base, "verdict": "not observable",
                         "reason": f"no snapshot from {c.date} to {window_days} days after" if change else
                         f"no snapshot within {window_days} days of {c.date}"})
            continue
        own, opp, grey = _shares(observed, observed._snapshot(run, when), shape, c.side)
        verdict, reason = _verdict(c, own, opp, grey, threshold)
        rows.append({**base, "observed_date": when, "side_share": round(own, 3), "other_share": round(opp, 3),
                     "grey_share": round(grey, 3), "verdict": verdict, "reason": reason})
    table = pd.DataFrame(rows, columns=list(COMPARE_COLUMNS))
    stats = []
    for claimant, g in table.groupby("claimant", sort=True):
        n_ok = int((g.verdict == "confirmed").sum())
        n_bad = int((g.verdict == "contradicted").sum())
        stats.append({"claimant": claimant, "claims": len(g), "confirmed": n_ok, "contradicted": n_bad,
                      "not_observable": len(g) - n_ok - n_bad,
                      "confirmation_rate": n_ok / (n_ok + n_bad) if n_ok + n_bad else float("nan")})
    by = pd.DataFrame(stats, columns=["claimant", "claims", "confirmed", "contradicted", "not_observable",
                                      "confirmation_rate"])
    if len(by):
        by = by.sort_values(["confirmed", "contradicted", "claims"], ascending=False, kind="stable").reset_index(
            drop=True)
    area_df = pd.DataFrame(areas, columns=["claim_id", "date", "claimant", "side", "basis", "region", "claimed_km2",
                                           "observed_date", "observed_km2", "observed_with_grey_km2", "ratio"])
    return Comparison(table, by, area_df, window_days, threshold)


def _area_row(c: Claim, observed: "Timeline", run, window: int) -> dict[str, Any]:
    import shapely

    row = {"claim_id": c.claim_id, "date": c.date, "claimant": c.claimant, "side": c.side,
           "basis": c.area_basis, "region": c.region, "claimed_km2": c.area_km2, "observed_date": None,
           "observed_km2": None, "observed_with_grey_km2": None, "ratio": None}
    when = _snapshot_near(observed, c.date, window)
    if when is None:
        return row
    clip = None
    if c.region:
        try:
            clip = observed._region_local(c.region)
        except ValueError:
            clip = None

    def km2(pieces, statuses) -> float:
        gs = [x.geom for x in pieces if x.side == c.side and x.status in statuses]
        if clip is not None:
            gs = list(shapely.intersection(gs, clip)) if gs else []
        return float(sum(shapely.area(gs))) / 1e6 if gs else 0.0

    snap = observed._snapshot(run, when)
    held, grey = km2(snap, ("held", "advanced")), km2(snap, ("held", "advanced", "contested"))
    if c.area_basis == "gained":
        # what the side took back = what the other side lost since its largest extent before
        opp = other_side(c.side)
        earlier = [s for d, s in zip(run.dates, run.snaps) if d <= when]
        peak = max((sum(shapely.area(x.geom) for x in s if x.side == opp and x.status != "contested")
                    for s in earlier), default=0.0) / 1e6
        now = sum(shapely.area(x.geom) for x in snap if x.side == opp and x.status != "contested") / 1e6
        held = grey = max(peak - now, 0.0)
    row.update(observed_date=when, observed_km2=round(held, 1), observed_with_grey_km2=round(grey, 1),
               ratio=round(c.area_km2 / held, 2) if c.area_km2 and held > 0 else None)
    return row
