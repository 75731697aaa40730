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

from geoclaims import _compat
from geoclaims._version import __version__

_compat.install()  # the module paths of 0.1 (geoclaims.gazetteer, ...) warn and lead to the new ones

# The assembly point: the timeline stage draws through a display backend, and geoclaims.web (a higher
# stage) is the default one, registered by its path so that folium and matplotlib load only to draw.
from geoclaims.timeline import display as _display  # noqa: E402

_display.register_backend("web", "geoclaims.web.display", default=True)

# public name -> module that defines it (loaded on first access)
_EXPORTS = {
    "Place": "geoclaims.places.place",
    "Match": "geoclaims.places.place",
    "Gazetteer": "geoclaims.places.gazetteer",
    "Resolution": "geoclaims.places.gazetteer",
    "geocode": "geoclaims.places.geocoding",
    "geocode_all": "geoclaims.places.geocoding",
    "GazetteerGeocoder": "geoclaims.places.geopy_geocoder",
    "RegionTable": "geoclaims.places.regions",
    "Region": "geoclaims.places.regions",
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
    "Claim": "geoclaims.claims.claim",
    "ClaimSet": "geoclaims.claims.claimset",
    "read_claims": "geoclaims.claims.read",
    "write_claims": "geoclaims.claims.write",
    "Timeline": "geoclaims.timeline.core",
    "Perspective": "geoclaims.timeline.perspective",
    "area_km2": "geoclaims.control.area",
    "LocalProjection": "geoclaims.control.projection",
    "FootprintModel": "geoclaims.control.shapes",
    "ShapeModel": "geoclaims.control.shapes",
    "TerritoryModel": "geoclaims.control.territory",
    "explore": "geoclaims.web.maps",
    "render_daily": "geoclaims.web.render",
    "plot": "geoclaims.web.static",
    "RenderResult": "geoclaims.web.render",
    "read_snapshots": "geoclaims.observed.read",
    "SnapshotRules": "geoclaims.observed.rules",
    "SnapshotError": "geoclaims.observed.rules",
    "SnapshotWarning": "geoclaims.observed.rules",
    "compare": "geoclaims.observed.comparison",
    "Comparison": "geoclaims.observed.comparison",
    "extract_claims": "geoclaims.extract",
    "Extraction": "geoclaims.extract",
    "CandidateClaim": "geoclaims.extract",
    "InferenceModel": "geoclaims.control.inference.model",
    "agreement": "geoclaims.observed.evaluation",
    "nowcast": "geoclaims.observed.nowcasting",
    "Agreement": "geoclaims.observed.evaluation",
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
    "extract_corpus": "geoclaims.extract.corpus",
}

__all__ = ["__version__", *_EXPORTS]

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.control.area import area_km2
    from geoclaims.claims.claim import Claim
    from geoclaims.claims.claimset import ClaimSet
    from geoclaims.claims.read import read_claims
    from geoclaims.claims.write import write_claims
    from geoclaims.errors import (
        AmbiguousPlace, AmbiguousPlaceWarning, ClaimFormatError, ClaimProblem, GazetteerDataError, GeoclaimsError,
        PlaceNotFound, UncertainMatch, UncertainMatchWarning, UnknownRegion,
    )
    from geoclaims.control.projection import LocalProjection
    from geoclaims.control.shapes import FootprintModel, ShapeModel
    from geoclaims.control.territory import TerritoryModel
    from geoclaims.web.maps import explore
    from geoclaims.web.render import RenderResult, render_daily
    from geoclaims.web.static import plot
    from geoclaims.observed.read import read_snapshots
    from geoclaims.observed.rules import SnapshotError, SnapshotRules, SnapshotWarning
    from geoclaims.observed.comparison import Comparison, compare
    from geoclaims.extract import CandidateClaim, Extraction, extract_claims
    from geoclaims.control.inference.model import InferenceModel
    from geoclaims.observed.evaluation import Agreement, agreement
    from geoclaims.observed.nowcasting import nowcast
    from geoclaims.errors import (
        InputEncodingError, InputFileError, InputFileNotFound, InvalidArgument, InvalidArgumentType, OutputError,
        UnknownPlaceId,
    )
    from geoclaims.ledger import AddResult, Ledger
    from geoclaims.errors import LedgerError, LedgerNotFound, UnknownClaim
    from geoclaims.extract.corpus import extract_corpus
    from geoclaims.timeline.core import Timeline
    from geoclaims.timeline.perspective import Perspective
    from geoclaims.places.gazetteer import Gazetteer, Resolution
    from geoclaims.places.geocoding import geocode, geocode_all
    from geoclaims.places.geopy_geocoder import GazetteerGeocoder
    from geoclaims.places.place import Match, Place
    from geoclaims.places.regions import Region, RegionTable


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        old = f"geoclaims.{name}"
        if old in _compat.MOVED or old in _compat.SPLIT:  # geoclaims.gazetteer & co.: moved, with a warning
            value = _compat.moved_module(old)
            globals()[name] = value
            return value
        raise AttributeError(f"module 'geoclaims' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)

