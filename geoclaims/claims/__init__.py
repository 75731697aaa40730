"""Stage 2, claims: the :class:`Claim` model and the claims files.

Owns the Claim value object and its vocabulary (sides, actions, qualifiers, dates), reading claim
files (CSV, JSON, GeoJSON, DataFrames) with row validation and place resolution, :class:`ClaimSet`,
and writing files. May import the base modules and :mod:`geoclaims.places`.
"""

from geoclaims.claims.claim import (
    ACTIONS, AREA_BASES, CLAIMANT_SIDES, DIRECTIONS, MAX_DATE, MIN_DATE, QUALIFIERS, SIDES, STATUSES, Claim,
    geometry_problem, other_side, parse_date, parse_qualifier,
)
from geoclaims.claims.rows import COLUMNS, REQUIRED_COLUMNS, ClaimSet, read_claims, unmapped_summary, write_claims

__all__ = [
    "Claim", "ClaimSet", "read_claims", "write_claims", "unmapped_summary", "COLUMNS", "REQUIRED_COLUMNS",
    "ACTIONS", "SIDES", "CLAIMANT_SIDES", "STATUSES", "AREA_BASES", "DIRECTIONS", "QUALIFIERS", "parse_date",
    "geometry_problem", "MIN_DATE", "MAX_DATE", "parse_qualifier", "other_side",
]
