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
    "SnapshotRules": "geoclaims.observed.rules",
    "SnapshotError": "geoclaims.observed.rules",
    "SnapshotWarning": "geoclaims.observed.rules",
    "SnapshotProblem": "geoclaims.observed.rules",
    "PRESETS": "geoclaims.observed.rules",
    "DEEPSTATE": "geoclaims.observed.rules",
    "GEOCLAIMS": "geoclaims.observed.rules",
    "deepstate_key": "geoclaims.observed.rules",
    "deepstate_fill": "geoclaims.observed.rules",
    "DEEPSTATE_FILLS": "geoclaims.observed.rules",
    "date_from_name": "geoclaims.observed.files",
    "OBSERVED_CLAIM": "geoclaims.observed.pieces",
    "compare": "geoclaims.observed.comparison",
    "Comparison": "geoclaims.observed.comparison",
    "agreement": "geoclaims.observed.evaluation",
    "nowcast": "geoclaims.observed.nowcasting",
    "Agreement": "geoclaims.observed.evaluation",
    "AGREEMENT_COLUMNS": "geoclaims.observed.evaluation",
    "NOWCAST_COLUMNS": "geoclaims.observed.nowcasting",
}
__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.observed.comparison import Comparison, compare
    from geoclaims.observed.evaluation import AGREEMENT_COLUMNS, Agreement, agreement
    from geoclaims.observed.nowcasting import NOWCAST_COLUMNS, nowcast
    from geoclaims.observed.files import date_from_name
    from geoclaims.observed.pieces import OBSERVED_CLAIM
    from geoclaims.observed.read import read_snapshots
    from geoclaims.observed.rules import (
        DEEPSTATE, DEEPSTATE_FILLS, GEOCLAIMS, PRESETS, SnapshotError, SnapshotProblem, SnapshotRules, SnapshotWarning,
        deepstate_fill, deepstate_key,
    )
