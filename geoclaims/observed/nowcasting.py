"""How well claims *update* an observed map (:func:`nowcast`): start from the observed map of day D, apply the
claims of D..D+k, compare with the observed map of D+k, beside persistence (the map of day D unchanged).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import TYPE_CHECKING, Any, Iterable, Sequence

from geoclaims.claims.claim import SIDES
from geoclaims.errors import InvalidArgument
from geoclaims.observed.evaluation import agreement

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    from geoclaims.timeline.core import Timeline

__all__ = ["nowcast", "NOWCAST_COLUMNS"]


#: Columns of :func:`nowcast`'s table.
NOWCAST_COLUMNS = ("start", "horizon_days", "date", "side", "model_iou", "persistence_iou", "model_area_error",
                   "persistence_area_error", "model_front_mean_km", "persistence_front_mean_km")


def nowcast(
    claims: Any,
    observed: "Timeline",
    *,
    starts: "Iterable[Any] | str" = "MS",
    horizons: Sequence[int] = (7, 14, 30),
    region: Any = None,
    **timeline_kwargs: Any,
) -> "pandas.DataFrame":
    """How well claims update an observed map, beside persistence, measured on the observed maps that follow.

    For every start date D and horizon k: build ``Timeline.from_claims(claims, baseline=observed,
    start=D)`` (the observed map of D, then the claims after D), compare its map of D+k with the
    observed map of D+k, and do the same for the observed map of D left unchanged (persistence).

    Parameters
    ----------
    claims : ClaimSet or sequence of Claim
    observed : Timeline
        Observed (:func:`geoclaims.read_snapshots`).
    starts : iterable of dates, or a pandas frequency, default 'MS'
        Start dates (default: the first of every month the observed timeline covers, up to the
        last claim date minus the shortest horizon).
    horizons : sequence of int, default (7, 14, 30)
    region : optional
        As for :func:`agreement` (default: the observed timeline's region).
    **timeline_kwargs
        Passed to :meth:`Timeline.from_claims` (``method=``, ``window_days=``...).

    Returns
    -------
    pandas.DataFrame
        Columns :data:`NOWCAST_COLUMNS`; ``.attrs["summary"]`` has, per horizon, the mean IoU and
        |area error| of model and persistence and how often the model beat persistence.

    Examples
    --------
    >>> import warnings
    >>> from geoclaims import read_claims, read_snapshots
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     obs = read_snapshots("tests/data/deepstate-kursk", preset="deepstate", region="Kursk Oblast")
    >>> t = nowcast(read_claims("examples/kursk/claims.csv"), obs, starts=["2024-11-30"], horizons=[62],
    ...             method="inferred")
    >>> t[["start", "horizon_days", "side"]].values.tolist()
    [[datetime.date(2024, 11, 30), 62, 'UA']]
    >>> list(t.attrs["summary"].columns)[:3]
    ['cases', 'model_iou', 'persistence_iou']
    """
    import pandas as pd

    from geoclaims.timeline.core import Timeline
    from geoclaims.timeline.dates import as_date

    claims = list(claims)
    if not claims:
        raise InvalidArgument("nowcast needs claims")
    if any(int(k) <= 0 for k in horizons):
        raise InvalidArgument(f"horizons must be positive days, got {list(horizons)}")
    last_claim = max(c.date for c in claims)
    if isinstance(starts, str):
        try:
            days = [t.date() for t in pd.date_range(observed.start, last_claim, freq=starts)]
        except (ValueError, TypeError) as e:
            raise InvalidArgument(f"starts={starts!r} is not a pandas frequency ({e})") from None
    else:
        days = sorted({as_date(d, "starts") for d in starts})
    days = [d for d in days if observed.start <= d and d + dt.timedelta(days=min(horizons)) <= observed.end]
    if not days:
        raise InvalidArgument("no start date has an observed map on it and one a horizon later")
    rows = []
    for d0 in days:
        model = Timeline.from_claims(claims, baseline=observed, start=d0, **timeline_kwargs)
        targets = [d0 + dt.timedelta(days=int(k)) for k in horizons]
        targets = [t for t in targets if t <= observed.end]
        m = agreement(model, observed, targets, region=region).table
        frozen = _persistence(observed, d0)
        p = agreement(frozen, observed, targets, region=region).table
        for k, t in zip(horizons, targets):
            for side in SIDES:
                mr = m[(m.date == t) & (m.side == side)]
                pr = p[(p.date == t) & (p.side == side)]
                if not len(mr) and not len(pr):
                    continue
                get = (lambda r, c: float(r[c].iloc[0]) if len(r) else math.nan)
                rows.append({"start": d0, "horizon_days": int(k), "date": t, "side": side,
                             "model_iou": get(mr, "iou"), "persistence_iou": get(pr, "iou"),
                             "model_area_error": get(mr, "area_error"), "persistence_area_error": get(pr, "area_error"),
                             "model_front_mean_km": get(mr, "front_mean_km"),
                             "persistence_front_mean_km": get(pr, "front_mean_km")})
    table = pd.DataFrame(rows, columns=list(NOWCAST_COLUMNS))
    summary = []
    for k, t in table.groupby("horizon_days"):
        summary.append({"horizon_days": k, "cases": len(t), "model_iou": t.model_iou.mean(),
                        "persistence_iou": t.persistence_iou.mean(),
                        "model_abs_area_error": t.model_area_error.abs().mean(),
                        "persistence_abs_area_error": t.persistence_area_error.abs().mean(),
                        "model_beats_persistence": float((t.model_iou > t.persistence_iou + 1e-9).mean())})
    table.attrs["summary"] = pd.DataFrame(summary).set_index("horizon_days") if summary else pd.DataFrame()
    return table


def _persistence(observed: "Timeline", d0: dt.date) -> "Timeline":
    """The observed map of `d0`, held unchanged: a timeline with that one snapshot."""
    from geoclaims.timeline.core import Timeline

    p, run = observed._run("all")
    snap = observed._snapshot(run, d0)
    return Timeline.from_observed([d0], [snap], projection=observed.projection, source=f"persistence of {d0}",
                                  region=observed.region, region_shape=observed.region_shape)
