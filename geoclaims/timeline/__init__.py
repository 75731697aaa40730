"""Stage 5, timeline: the :class:`Timeline` of control and its queries.

Owns the Timeline value object (dates, pieces, claims, provenance, perspective), its queries grouped
by topic (state, pieces, band, diff, changes, areas, exports) and the display interface that
``explore``, ``plot`` and the Jupyter view go through (:mod:`geoclaims.timeline.display`; the
backend lives in :mod:`geoclaims.web`). May import the base modules, :mod:`geoclaims.places`,
:mod:`geoclaims.claims` and :mod:`geoclaims.control`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geoclaims._lazy import lazy_exports

# public name -> its module, loaded on first use (importing the subpackage stays cheap)
_EXPORTS = {
    "Timeline": "geoclaims.timeline.core",
    "Perspective": "geoclaims.timeline.perspective",
    "STATE_COLUMNS": "geoclaims.timeline.columns",
    "PIECE_COLUMNS": "geoclaims.timeline.columns",
    "BAND_COLUMNS": "geoclaims.timeline.columns",
    "DIFF_COLUMNS": "geoclaims.timeline.columns",
    "CHANGES_COLUMNS": "geoclaims.timeline.columns",
}
__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.timeline.columns import BAND_COLUMNS, CHANGES_COLUMNS, DIFF_COLUMNS, PIECE_COLUMNS, STATE_COLUMNS
    from geoclaims.timeline.core import Timeline
    from geoclaims.timeline.perspective import Perspective
