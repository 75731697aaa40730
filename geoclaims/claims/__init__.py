"""Stage 2, claims: the :class:`Claim` model and the claims files.

Owns the Claim value object and its vocabulary (sides, actions, qualifiers, dates), reading claim
files (CSV, JSON, GeoJSON, DataFrames) with row validation and place resolution, :class:`ClaimSet`,
and writing files. May import the base modules and :mod:`geoclaims.places`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geoclaims._lazy import lazy_exports

# public name -> its module, loaded on first use (importing the subpackage stays cheap)
_EXPORTS = {
    "Claim": "geoclaims.claims.claim",
    "ACTIONS": "geoclaims.claims.claim",
    "SIDES": "geoclaims.claims.claim",
    "CLAIMANT_SIDES": "geoclaims.claims.claim",
    "STATUSES": "geoclaims.claims.claim",
    "AREA_BASES": "geoclaims.claims.claim",
    "DIRECTIONS": "geoclaims.claims.claim",
    "QUALIFIERS": "geoclaims.claims.claim",
    "parse_date": "geoclaims.claims.claim",
    "geometry_problem": "geoclaims.claims.claim",
    "MIN_DATE": "geoclaims.claims.claim",
    "MAX_DATE": "geoclaims.claims.claim",
    "parse_qualifier": "geoclaims.claims.claim",
    "other_side": "geoclaims.claims.claim",
    "ClaimSet": "geoclaims.claims.claimset",
    "read_claims": "geoclaims.claims.read",
    "write_claims": "geoclaims.claims.write",
    "unmapped_summary": "geoclaims.claims.claimset",
    "COLUMNS": "geoclaims.claims.columns",
    "REQUIRED_COLUMNS": "geoclaims.claims.columns",
}
__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.claims.claim import (
        ACTIONS, AREA_BASES, CLAIMANT_SIDES, DIRECTIONS, MAX_DATE, MIN_DATE, QUALIFIERS, SIDES, STATUSES, Claim,
        geometry_problem, other_side, parse_date, parse_qualifier,
    )
    from geoclaims.claims.claimset import ClaimSet, unmapped_summary
    from geoclaims.claims.columns import COLUMNS, REQUIRED_COLUMNS
    from geoclaims.claims.read import read_claims
    from geoclaims.claims.write import write_claims
