"""A shared claims ledger: claims with history, in a GeoPackage file or a PostGIS database.

Owns the storage of claims and their revisions; reads and validates input through
:mod:`geoclaims.claims`, builds timelines through :mod:`geoclaims.timeline`. Nothing below it
imports it. SQLAlchemy (and, for PostGIS, GeoAlchemy2 and pg8000) load only when a ledger is opened.

- :mod:`~geoclaims.ledger.schema`: tables, URLs, creating and checking a ledger;
- :mod:`~geoclaims.ledger.records`: a claim to rows and back, with its place as entered;
- :mod:`~geoclaims.ledger.store`: the :class:`Ledger` API;
- :mod:`~geoclaims.ledger.export`: files from a ledger.
"""

from geoclaims.ledger.store import HISTORY_COLUMNS, LOG_COLUMNS, AddResult, Ledger

__all__ = ["Ledger", "AddResult", "HISTORY_COLUMNS", "LOG_COLUMNS"]
