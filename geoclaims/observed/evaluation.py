"""How close a claims map is to an observed map: areas, overlap, front lines and settlements, date by date.

:func:`agreement` compares a claims :class:`~geoclaims.timeline.Timeline` with an observed one
(:func:`geoclaims.read_snapshots`, e.g. DeepStateMap) on chosen dates, side by side. An observed
map gives each side an *interval*: the land it holds (``observed_km2``) and that land plus the grey
zone around it (``observed_with_grey_km2``); the true line is somewhere in between. The measures
are built on that interval:

- ``area_error``: 0 when our km² lie inside the interval, else the distance to the nearer end
  relative to it (+0.25: 25 % more than held + grey; -0.25: 25 % less than held);
- ``iou``: overlap of our land with the observed interval, ``|ours ∩ held+grey| / |ours ∪ held|``
  (1 when held ⊆ ours ⊆ held + grey); ``precision`` = ``|ours ∩ held+grey| / |ours|`` and
  ``recall`` = ``|ours ∩ held| / |held|``;
- ``front_mean_km`` / ``front_max_km``: distance between our front line (the edge of our land
  away from the side's own border) and the observed one, sampled every 250 m both ways; a line
  anywhere inside the observed grey zone is on the observed front;
- ``settlements_agree``: the share of gazetteer settlements near either map's land (within 5 km)
  whose control agrees (one in the observed grey zone agrees with either answer).

:func:`nowcast` (:mod:`~geoclaims.observed.nowcasting`) measures how well claims *update* an observed
map: start from the observed map of day D, apply the claims of D..D+k, compare with the observed map
of D+k, beside persistence (the map of day D unchanged). The measures of one date are computed in
:mod:`~geoclaims.observed.measures`.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterable

from geoclaims.claims.claim import SIDES
from geoclaims.errors import InvalidArgument, InvalidArgumentType
from geoclaims.observed.measures import _Context

if TYPE_CHECKING:  # pragma: no cover
    import pandas
    from geoclaims.timeline.core import Timeline

__all__ = ["agreement", "Agreement", "AGREEMENT_COLUMNS"]


#: Columns of :attr:`Agreement.table`.
AGREEMENT_COLUMNS = ("date", "side", "km2", "km2_min", "km2_max", "observed_km2", "observed_with_grey_km2",
                     "area_error", "iou", "precision", "recall", "front_mean_km", "front_max_km",
                     "settlements_agree", "settlements")


@dataclass(frozen=True)
class Agreement:
    """The result of :func:`agreement`: a row per date and side, a summary, a chart.

    Attributes
    ----------
    table : pandas.DataFrame
        Columns :data:`AGREEMENT_COLUMNS` (one row per date and side with land in either map).
    region : str
        What was compared ('' for everything both maps show).
    claims_label, observed_label : str
        How the two maps are named on charts.
    """

    table: "pandas.DataFrame"
    region: str = ""
    claims_label: str = "claims"
    observed_label: str = "observed"
    tolerance: float = field(default=0.25, repr=False)

    @property
    def summary(self) -> "pandas.DataFrame":
        """Per side (and 'all'): dates compared, mean |area error|, share of dates within the tolerance
        (25 %), mean IoU, mean precision and recall, median front distance, settlements agreeing."""
        import numpy as np
        import pandas as pd

        rows = []
        groups = [(s, self.table[self.table.side == s]) for s in SIDES] + [("all", self.table)]
        for side, t in groups:
            if not len(t):
                continue
            err = t["area_error"].replace([np.inf, -np.inf], np.nan)
            rows.append({
                "side": side, "dates": int(t["date"].nunique()),
                "mean_abs_area_error": float(err.abs().mean()) if err.notna().any() else math.nan,
                "within_tolerance": float((t["area_error"].abs() <= self.tolerance).mean()),
                "mean_iou": float(t["iou"].mean()), "mean_precision": float(t["precision"].mean()),
                "mean_recall": float(t["recall"].mean()), "median_front_km": float(t["front_mean_km"].median()),
                "settlements_agree": float(t["settlements_agree"].mean()),
            })
        return pd.DataFrame(rows).set_index("side")

    def to_csv(self, path: Any) -> Any:
        """Write :attr:`table` as CSV (atomically); returns the path."""
        from pathlib import Path

        from geoclaims._io import atomic_write

        atomic_write(Path(path), self.table.to_csv(index=False, float_format="%.4f").encode("utf-8"))
        return path

    def plot(self, *, ax: Any = None, side: str | None = None) -> Any:
        """Area over time: our km² with its band, beside the observed held and held + grey km².

        Returns
        -------
        matplotlib.figure.Figure
        """
        from matplotlib.figure import Figure

        sides = [side] if side else [s for s in SIDES if (self.table.side == s).any() and
                                     (self.table[self.table.side == s][["km2", "observed_with_grey_km2"]] > 0).any().any()]
        if ax is None:
            fig = Figure(figsize=(10, 3.2 * max(1, len(sides))), dpi=96)
            axes = [fig.add_subplot(len(sides) or 1, 1, i + 1) for i in range(len(sides) or 1)]
        else:
            fig, axes = ax.figure, [ax]
        for a, s in zip(axes, sides):
            t = self.table[self.table.side == s].sort_values("date")
            x = [d for d in t["date"]]
            a.fill_between(x, t["observed_km2"], t["observed_with_grey_km2"], color="#999999", alpha=0.35, lw=0,
                           label=f"{self.observed_label}: held .. held + grey", step="post")
            a.plot(x, t["observed_km2"], color="#555555", lw=1, drawstyle="steps-post")
            a.fill_between(x, t["km2_min"], t["km2_max"], color="#1f4fbf" if s == "UA" else "#c8102e", alpha=0.2,
                           lw=0, label=f"{self.claims_label}: band", step="post")
            a.plot(x, t["km2"], color="#1f4fbf" if s == "UA" else "#c8102e", lw=2, drawstyle="steps-post",
                   label=f"{self.claims_label}")
            a.set_ylabel(f"{s} km²")
            a.grid(axis="y", color="#dddddd", lw=0.6)
            a.spines[["top", "right"]].set_visible(False)
            a.legend(loc="best", fontsize=8, frameon=False)
        fig.autofmt_xdate()
        return fig

    def _repr_html_(self) -> str:
        from geoclaims._html import esc

        where = f" in {esc(self.region)}" if self.region else ""
        return (f"<b>agreement of {esc(self.claims_label)} with {esc(self.observed_label)}{where}</b>"
                + self.summary.round(3).to_html())


def agreement(
    claims: "Timeline",
    observed: "Timeline",
    dates: "Iterable[Any] | str | None" = None,
    *,
    region: Any = None,
    perspective: Any = "all",
    tolerance: float = 0.25,
) -> Agreement:
    """Compare a claims timeline with an observed one on `dates`, per side.

    Parameters
    ----------
    claims : Timeline
        Built from claims (any method).
    observed : Timeline
        An observed timeline (:func:`geoclaims.read_snapshots`).
    dates : iterable of dates, or a pandas frequency ('ME', 'W'), optional
        Default: every observed snapshot date from the first to the last claim date.
    region : str, (w, s, e, n) or polygon, optional
        Compare only inside this area (any form :func:`geoclaims.places.boundaries.region_geometry`
        takes); default the observed timeline's region, if it was read with one.
    perspective : str, default 'all'
        Which claims count (see :class:`geoclaims.Perspective`).
    tolerance : float, default 0.25
        The |area error| the summary counts as agreeing.

    Returns
    -------
    Agreement

    Examples
    --------
    >>> import json, pathlib, tempfile
    >>> from geoclaims import Timeline, read_claims, read_snapshots
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> sq = {"type": "Polygon", "coordinates": [[[35.2, 51.15], [35.35, 51.15], [35.35, 51.25], [35.2, 51.25],
    ...                                            [35.2, 51.15]]]}
    >>> _ = (d / "2025-01-07.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
    ...     {"type": "Feature", "geometry": sq, "properties": {"side": "UA", "status": "held"}}]}))
    >>> obs = read_snapshots(d)
    >>> tl = Timeline.from_claims(read_claims("examples/kursk/claims.csv"))
    >>> a = agreement(tl, obs, ["2025-01-07"])
    >>> row = a.table[a.table.side == "UA"].iloc[0]
    >>> round(row.observed_km2), bool(row.km2 > row.observed_km2), bool(0 < row.iou < 1)
    (117, True, True)
    """
    import pandas as pd

    from geoclaims.timeline.core import Timeline

    if not isinstance(claims, Timeline) or not isinstance(observed, Timeline):
        raise InvalidArgumentType("agreement(claims, observed): both must be Timelines (observed from read_snapshots)")
    if not observed.is_observed:
        raise InvalidArgument("observed must be an observed timeline (geoclaims.read_snapshots)")
    if not 0 <= tolerance:
        raise InvalidArgument(f"tolerance must be >= 0, got {tolerance!r}")
    days = _dates(claims, observed, dates)
    ctx = _Context.make(claims, observed, region)
    rows = []
    for d in days:
        for side in SIDES:
            row = ctx.compare(d, side, perspective)
            if row is not None:
                rows.append(row)
    table = pd.DataFrame(rows, columns=list(AGREEMENT_COLUMNS))
    label = claims.perspective_label(perspective) if claims.is_observed else \
        f"{claims.perspective_label(perspective)} ({claims.method})"
    return Agreement(table, region=ctx.region_label, claims_label=label,
                     observed_label=observed.perspective_label("all"), tolerance=tolerance)


def _dates(claims: "Timeline", observed: "Timeline", dates: Any) -> list[dt.date]:
    import pandas as pd

    from geoclaims.timeline.dates import as_date

    first = claims.start or observed.start
    last = claims.end or observed.end
    if dates is None:
        out = [d for d in observed.dates if first <= d <= last]
    elif isinstance(dates, str):
        try:
            out = [t.date() for t in pd.date_range(first, last, freq=dates)]
        except (ValueError, TypeError) as e:
            raise InvalidArgument(f"dates={dates!r} is not a pandas frequency ({e}); or pass a list of dates") from None
    else:
        out = sorted({as_date(d, "dates") for d in dates})
    if not out:
        raise InvalidArgument("no dates to compare: the observed timeline has no snapshot between the first and "
                              f"the last claim ({first} .. {last}); pass dates=")
    return out
