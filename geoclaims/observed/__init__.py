"""Stage 6, observed: maps of control that others drew, and how claims compare with them.

Owns reading dated snapshot archives (DeepStateMap's and your own GeoJSON) into an observed
:class:`~geoclaims.timeline.Timeline` (rules and presets, files and zips, features, pieces, date
ranges), their Dask map over archives, the comparison of claims with observed maps, and the
agreement and nowcast measures. May import every lower stage: base, places, claims, extract,
control, timeline.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geoclaims._lazy import lazy_exports

# public name -> its module, loaded on first use (importing the subpackage stays cheap)
_EXPORTS = {
    "read_snapshots": "geoclaims.observed.read",
    "SnapshotRules": "geoclaims.observed.read",
    "SnapshotError": "geoclaims.observed.read",
    "SnapshotWarning": "geoclaims.observed.read",
    "compare": "geoclaims.observed.comparison",
    "Comparison": "geoclaims.observed.comparison",
    "agreement": "geoclaims.observed.evaluation",
    "nowcast": "geoclaims.observed.evaluation",
    "Agreement": "geoclaims.observed.evaluation",
}
__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.observed.comparison import Comparison, compare
    from geoclaims.observed.evaluation import Agreement, agreement, nowcast
    from geoclaims.observed.read import SnapshotError, SnapshotRules, SnapshotWarning, read_snapshots
