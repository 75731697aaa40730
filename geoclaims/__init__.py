"""geoclaims: map claimed territorial control in wars.

Geocode settlement names offline, in the spellings real reporting uses::

    >>> import geoclaims
    >>> geoclaims.geocode("Berdin").label
    'Berdin (Bolshesoldatsky, Kursk Oblast, RU)'

Find candidate claims in a report::

    >>> ex = geoclaims.extract_claims("Russian forces captured Berdin, the Russian Defense Ministry said.",
    ...                               published="2025-01-07")
    >>> [(c.side, c.action, c.place, c.claimant) for c in ex.claims]
    [('RU', 'capture', 'Berdin', 'Russian MoD')]

Turn dated claims into a timeline of control polygons, diff it, measure it::

    >>> claims = geoclaims.read_claims("examples/kursk/claims.csv")  # doctest: +SKIP
    >>> tl = geoclaims.Timeline.from_claims(claims)  # doctest: +SKIP
    >>> tl.diff("2025-01-05", "2025-01-07")  # doctest: +SKIP

Map it: ``tl.explore("2025-01-07")`` in Jupyter, ``geoclaims.plot(tl, "2025-01-07")`` for a
publication PNG, or a page per day with a time slider::

    >>> geoclaims.render_daily(tl, "kursk-maps/")  # doctest: +SKIP

Read observed maps (a DeepStateMap archive, your own GeoJSON snapshots) and check claims against them::

    >>> obs = geoclaims.read_snapshots("deepstate/", preset="deepstate", region="Kursk Oblast")  # doctest: +SKIP
    >>> geoclaims.compare(claims, obs).by_claimant  # doctest: +SKIP

``import geoclaims`` is light: geopandas, shapely, pyproj, geopy, folium and matplotlib
load only when a function that needs them is called.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> module that defines it (loaded on first access)
_EXPORTS = {
    "Place": "geoclaims.place",
    "Match": "geoclaims.place",
    "Gazetteer": "geoclaims.gazetteer",
    "Resolution": "geoclaims.gazetteer",
    "geocode": "geoclaims.geocoding",
    "geocode_all": "geoclaims.geocoding",
    "GazetteerGeocoder": "geoclaims.geopy_geocoder",
    "RegionTable": "geoclaims.regions",
    "Region": "geoclaims.regions",
    "GeoclaimsError": "geoclaims.errors",
    "PlaceNotFound": "geoclaims.errors",
    "AmbiguousPlace": "geoclaims.errors",
    "AmbiguousPlaceWarning": "geoclaims.errors",
    "UncertainMatch": "geoclaims.errors",
    "UncertainMatchWarning": "geoclaims.errors",
    "UnknownRegion": "geoclaims.errors",
    "GazetteerDataError": "geoclaims.errors",
    "ClaimFormatError": "geoclaims.errors",
    "ClaimProblem": "geoclaims.errors",
    "Claim": "geoclaims.claims",
    "ClaimSet": "geoclaims.claims_io",
    "read_claims": "geoclaims.claims_io",
    "write_claims": "geoclaims.claims_io",
    "Timeline": "geoclaims.timeline",
    "Perspective": "geoclaims.timeline",
    "area_km2": "geoclaims.area",
    "LocalProjection": "geoclaims.projection",
    "FootprintModel": "geoclaims.shapes",
    "ShapeModel": "geoclaims.shapes",
    "TerritoryModel": "geoclaims.territory",
    "explore": "geoclaims.maps",
    "render_daily": "geoclaims.render",
    "plot": "geoclaims.static",
    "RenderResult": "geoclaims.render",
    "read_snapshots": "geoclaims.snapshots",
    "SnapshotRules": "geoclaims.snapshots",
    "SnapshotError": "geoclaims.snapshots",
    "SnapshotWarning": "geoclaims.snapshots",
    "compare": "geoclaims.compare",
    "Comparison": "geoclaims.compare",
    "extract_claims": "geoclaims.extract",
    "Extraction": "geoclaims.extract",
    "CandidateClaim": "geoclaims.extract",
    "InferenceModel": "geoclaims.infer",
    "agreement": "geoclaims.evaluation",
    "nowcast": "geoclaims.evaluation",
    "Agreement": "geoclaims.evaluation",
    "InvalidArgument": "geoclaims.errors",
    "InvalidArgumentType": "geoclaims.errors",
    "InputFileError": "geoclaims.errors",
    "InputFileNotFound": "geoclaims.errors",
    "InputEncodingError": "geoclaims.errors",
    "OutputError": "geoclaims.errors",
    "UnknownPlaceId": "geoclaims.errors",
    "Ledger": "geoclaims.ledger",
    "AddResult": "geoclaims.ledger",
    "LedgerError": "geoclaims.errors",
    "LedgerNotFound": "geoclaims.errors",
    "UnknownClaim": "geoclaims.errors",
    "extract_corpus": "geoclaims.distributed",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.area import area_km2
    from geoclaims.claims import Claim
    from geoclaims.claims_io import ClaimSet, read_claims, write_claims
    from geoclaims.errors import (
        AmbiguousPlace, AmbiguousPlaceWarning, ClaimFormatError, ClaimProblem, GazetteerDataError, GeoclaimsError,
        PlaceNotFound, UncertainMatch, UncertainMatchWarning, UnknownRegion,
    )
    from geoclaims.projection import LocalProjection
    from geoclaims.shapes import FootprintModel, ShapeModel
    from geoclaims.territory import TerritoryModel
    from geoclaims.maps import explore
    from geoclaims.render import RenderResult, render_daily
    from geoclaims.static import plot
    from geoclaims.snapshots import SnapshotError, SnapshotRules, SnapshotWarning, read_snapshots
    from geoclaims.compare import Comparison, compare
    from geoclaims.extract import CandidateClaim, Extraction, extract_claims
    from geoclaims.infer import InferenceModel
    from geoclaims.evaluation import Agreement, agreement, nowcast
    from geoclaims.errors import (
        InputEncodingError, InputFileError, InputFileNotFound, InvalidArgument, InvalidArgumentType, OutputError,
        UnknownPlaceId,
    )
    from geoclaims.ledger import AddResult, Ledger
    from geoclaims.errors import LedgerError, LedgerNotFound, UnknownClaim
    from geoclaims.distributed import extract_corpus
    from geoclaims.timeline import Perspective, Timeline
    from geoclaims.gazetteer import Gazetteer, Resolution
    from geoclaims.geocoding import geocode, geocode_all
    from geoclaims.geopy_geocoder import GazetteerGeocoder
    from geoclaims.place import Match, Place
    from geoclaims.regions import Region, RegionTable


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'geoclaims' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

