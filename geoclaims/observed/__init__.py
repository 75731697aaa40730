"""Stage 6, observed: maps of control that others drew, and how claims compare with them.

Owns reading dated snapshot archives (DeepStateMap's and your own GeoJSON) into an observed
:class:`~geoclaims.timeline.Timeline` (rules and presets, files and zips, features, pieces, date
ranges), their Dask map over archives, the comparison of claims with observed maps, and the
agreement and nowcast measures. May import every lower stage: base, places, claims, extract,
control, timeline.
"""

from geoclaims.observed.comparison import Comparison, compare
from geoclaims.observed.evaluation import Agreement, agreement, nowcast
from geoclaims.observed.read import SnapshotError, SnapshotRules, SnapshotWarning, read_snapshots

__all__ = ["read_snapshots", "SnapshotRules", "SnapshotError", "SnapshotWarning", "compare", "Comparison",
           "agreement", "nowcast", "Agreement"]
