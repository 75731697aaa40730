"""The claims format: its columns, the formats files come in, and the limits on what one file may hold."""

from __future__ import annotations

from typing import Literal

__all__ = ["COLUMNS", "REQUIRED_COLUMNS", "EXTRA_COLUMNS", "REVIEW_COLUMNS", "MAX_FIELD_CHARS", "MAX_JSON_DEPTH",
           "MAX_CSV_RESTARTS", "MAX_SUGGESTIONS"]


#: Columns of the claims format, in the order files are written.
COLUMNS: tuple[str, ...] = (
    "claim_id", "date", "claimant", "claimant_side", "side", "action", "place", "place_id", "region",
    "qualifier", "distance_km", "area_km2", "area_basis", "status", "source_url", "note",
)

#: Columns every file must have.
REQUIRED_COLUMNS: tuple[str, ...] = ("claim_id", "date", "claimant", "claimant_side", "side", "action", "status")

#: Optional columns also understood: coordinates the user adds for a place.
EXTRA_COLUMNS: tuple[str, ...] = ("lat", "lon")

#: Columns other tools add for review; read without a warning and not kept.
REVIEW_COLUMNS: tuple[str, ...] = ("span", "quote", "confidence", "candidates")

OnError = Literal["raise", "collect"]

#: Limits on what one claims file may hold (README, "Security"): a field is a name, a date or a short
#: note, so 64 KiB is generous; JSON deeper than this is not a claims file.
MAX_FIELD_CHARS = 65_536

MAX_JSON_DEPTH = 64

#: An unclosed quote makes the CSV reader restart after it; past this many restarts the file is refused.
MAX_CSV_RESTARTS = 200

#: Unknown place names per file that get "did you mean" suggestions.
MAX_SUGGESTIONS = 50

_FORMATS = ("csv", "json", "geojson")
