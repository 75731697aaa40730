"""Exceptions raised by geoclaims.

Every exception derives from :class:`GeoclaimsError` and also from the builtin
it resembles, as geopy and shapely do, so ``except LookupError`` keeps working.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.place import Match

__all__ = [
    "GeoclaimsError",
    "PlaceNotFound",
    "AmbiguousPlace",
    "UnknownRegion",
    "GazetteerDataError",
    "AmbiguousPlaceWarning",
]


class GeoclaimsError(Exception):
    """Root of every error geoclaims raises."""


class PlaceNotFound(GeoclaimsError, LookupError):
    """No place in the gazetteer matches a name (within the given context).

    Attributes
    ----------
    query : str
        The name looked up.
    candidates : tuple of Match
        The closest places, for a "did you mean" (may be empty).
    """

    def __init__(self, message: str, *, query: str = "", candidates: Sequence["Match"] = ()) -> None:
        super().__init__(message)
        self.query = query
        self.candidates = tuple(candidates)


class AmbiguousPlace(GeoclaimsError, LookupError):
    """Several places match a name about equally well and lie far apart.

    Attributes
    ----------
    query : str
        The name looked up.
    candidates : tuple of Match
        The competing places, best first.
    """

    def __init__(self, message: str, *, query: str = "", candidates: Sequence["Match"] = ()) -> None:
        super().__init__(message)
        self.query = query
        self.candidates = tuple(candidates)


class UnknownRegion(GeoclaimsError, ValueError):
    """A region or country name that the bundled tables do not know."""


class GazetteerDataError(GeoclaimsError, ValueError):
    """A gazetteer file is missing, malformed or built with other match keys."""


class AmbiguousPlaceWarning(UserWarning):
    """Warned when an API that must return one place had to pick among several."""
