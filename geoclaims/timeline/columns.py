"""The columns of the Timeline's tables (the geometry column follows where there is one)."""

from __future__ import annotations

__all__ = ["STATE_COLUMNS", "PIECE_COLUMNS", "BAND_COLUMNS", "DIFF_COLUMNS", "CHANGES_COLUMNS"]

#: Columns of :meth:`Timeline.state` (plus geometry).
STATE_COLUMNS = ("date", "side", "status", "area_km2", "claims", "claim_ids")
#: Columns of :meth:`Timeline.band`.
BAND_COLUMNS = ("date", "side", "bound", "area_km2")
#: Columns of :meth:`Timeline.pieces`.
PIECE_COLUMNS = ("date", "side", "status", "tier", "claim_id", "claim_status", "area_km2", "drivers")
#: Columns of :meth:`Timeline.diff` (plus geometry).
DIFF_COLUMNS = ("side", "change", "area_km2", "where", "claim_id", "date", "claimant", "status",
                "claim_status", "claim_ids")
#: Columns of :meth:`Timeline.changes`.
CHANGES_COLUMNS = ("date", "place", "place_id", "from_side", "to_side", "claim_id", "claimant", "claim_status", "mapped")
