"""Stage 5, timeline: the :class:`Timeline` of control and its queries.

Owns the Timeline value object (dates, pieces, claims, provenance, perspective), its queries grouped
by topic (state, pieces, band, diff, changes, areas, exports) and the display interface that
``explore``, ``plot`` and the Jupyter view go through (:mod:`geoclaims.timeline.display`; the
backend lives in :mod:`geoclaims.web`). May import the base modules, :mod:`geoclaims.places`,
:mod:`geoclaims.claims` and :mod:`geoclaims.control`.
"""

from geoclaims.timeline.core import (
    BAND_COLUMNS, CHANGES_COLUMNS, DIFF_COLUMNS, PIECE_COLUMNS, STATE_COLUMNS, Perspective, Timeline,
)

__all__ = ["Timeline", "Perspective", "STATE_COLUMNS", "PIECE_COLUMNS", "BAND_COLUMNS", "DIFF_COLUMNS",
           "CHANGES_COLUMNS"]
