"""A geopy geocoder over the offline gazetteer.

:class:`GazetteerGeocoder` follows geopy's ``Geocoder.geocode(query,
exactly_one=True, timeout=...)`` contract, so the ecosystem's tools work
unchanged and without network::

    import geopandas
    from geoclaims import GazetteerGeocoder
    geopandas.tools.geocode(["Sudzha", "Berdin"], provider=GazetteerGeocoder)

    from geopy.extra.rate_limiter import RateLimiter
    geocode = RateLimiter(GazetteerGeocoder().geocode, min_delay_seconds=0)
"""

from __future__ import annotations

import warnings
from typing import Sequence

from geopy.geocoders.base import DEFAULT_SENTINEL, Geocoder
from geopy.location import Location

from geoclaims.errors import AmbiguousPlaceWarning, InvalidArgument, UncertainMatch, UncertainMatchWarning
from geoclaims.places.gazetteer import BBox, Gazetteer, NearSpec, _describe_candidates
from geoclaims.places.place import Match

__all__ = ["GazetteerGeocoder"]


class GazetteerGeocoder(Geocoder):
    """geopy geocoder backed by a :class:`~geoclaims.Gazetteer` (no network).

    Parameters
    ----------
    gazetteer : Gazetteer, optional
        Defaults to the bundled gazetteer.
    country, region, near, bbox
        Default context for every query (see :meth:`Gazetteer.lookup`).
    min_score : float, default 0.0
        Candidates scoring below this are not returned.
    strict : bool, default False
        A name that matches only by a guess (``raw["uncertain"]``: a ``skeleton`` or ``fuzzy``
        match, "Robotinne" -> Robotyne) is returned with an
        :class:`~geoclaims.UncertainMatchWarning`; with True, :meth:`geocode` raises
        :class:`~geoclaims.UncertainMatch` instead.
    **kwargs
        Passed to :class:`geopy.geocoders.base.Geocoder` (``user_agent``,
        ``timeout``...); accepted for compatibility, never used for requests.

    Examples
    --------
    >>> loc = GazetteerGeocoder().geocode("Sudzha")
    >>> loc.address, round(loc.latitude, 2), loc.raw["reason"]
    ('Sudzha (Sudzhansky, Kursk Oblast, RU)', 51.19, 'exact')
    """

    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        *,
        country: str | Sequence[str] | None = None,
        region: str | Sequence[str] | None = None,
        near: NearSpec | None = None,
        bbox: BBox | None = None,
        min_score: float = 0.0,
        strict: bool = False,
        **kwargs,
    ) -> None:
        kwargs.setdefault("user_agent", "geoclaims (offline gazetteer)")
        super().__init__(**kwargs)
        self.gazetteer = gazetteer
        self.country = country
        self.region = region
        self.near = near
        self.bbox = bbox
        if not 0.0 <= min_score <= 1.0:
            raise InvalidArgument(f"min_score must be in [0, 1], got {min_score!r}")
        self.min_score = min_score
        self.strict = bool(strict)

    def geocode(
        self,
        query: str,
        *,
        exactly_one: bool = True,
        timeout=DEFAULT_SENTINEL,
        limit: int | None = None,
        country: str | Sequence[str] | None = None,
        region: str | Sequence[str] | None = None,
        near: NearSpec | None = None,
        bbox: BBox | None = None,
    ) -> Location | list[Location] | None:
        """Return a geopy ``Location`` for `query` (or a list, or None).

        Parameters
        ----------
        query : str
            The name.
        exactly_one : bool, default True
            Return one Location (the best) rather than a list.  When the name
            is ambiguous the best is returned and an
            :class:`~geoclaims.errors.AmbiguousPlaceWarning` names the others.
        timeout
            Accepted for geopy compatibility; lookups are local.

        Raises
        ------
        UncertainMatch
            With ``strict=True``, when the best located match is a guess.
        limit : int, optional
            Most candidates when ``exactly_one=False`` (default 5).
        country, region, near, bbox
            Override the geocoder's default context.

        Returns
        -------
        Location, list of Location, or None
            ``Location.raw`` holds the ``place`` (a :class:`~geoclaims.Place`),
            ``score``, ``reason``, ``uncertain`` (a guess), ``ambiguous`` and the ``candidates``.  None
            when nothing located matches (a known-but-unlocated place has no
            point to give: a warning says so).
        """
        gaz = self.gazetteer or Gazetteer.default()
        r = gaz.resolve(
            query,
            country=country if country is not None else self.country,
            region=region if region is not None else self.region,
            near=near if near is not None else self.near,
            bbox=bbox if bbox is not None else self.bbox,
            limit=limit or 5,
        )
        matches = [m for m in r.matches if m.score >= self.min_score]
        located = [m for m in matches if m.place.is_located]
        if matches and not located:
            warnings.warn(matches[0].place.describe(), AmbiguousPlaceWarning if r.ambiguous else UserWarning, stacklevel=2)
            return None
        if not located:
            return None
        if located[0].uncertain:
            from geoclaims.places.geocoding import uncertain_message

            message = uncertain_message(query, r)
            if self.strict:
                raise UncertainMatch(message + "; strict=True refuses guesses", query=query, candidates=located)
            warnings.warn(message, UncertainMatchWarning, stacklevel=2)
        if exactly_one:
            if r.ambiguous:
                warnings.warn(
                    f"{query!r} is ambiguous, returning the first of: "
                    f"{_describe_candidates((r.best, *r.competitors))}",
                    AmbiguousPlaceWarning,
                    stacklevel=2,
                )
            return self._location(located[0], r.ambiguous, located)
        return [self._location(m, r.ambiguous, located) for m in located]

    def reverse(
        self,
        query,
        *,
        exactly_one: bool = True,
        timeout=DEFAULT_SENTINEL,
        language=None,
        limit: int | None = None,
        max_km: float | None = None,
    ) -> Location | list[Location] | None:
        """The gazetteer place nearest a point, as a geopy ``Location`` (geopy's ``reverse`` contract).

        ``geopandas.tools.reverse_geocode(points, provider=GazetteerGeocoder)`` works with it.

        Parameters
        ----------
        query : (lat, lon), "lat, lon", geopy Point or shapely Point
            The point (a shapely Point is (x=lon, y=lat)).
        exactly_one : bool, default True
            Return the nearest place, or a list of the `limit` nearest (default 5).
        timeout, language
            Accepted for geopy compatibility; lookups are local.
        limit : int, optional
            How many places when ``exactly_one=False``.
        max_km : float, optional
            Return nothing (None / []) beyond this distance.

        Returns
        -------
        Location, list of Location, or None
            ``Location.point`` is the place's position; ``raw`` holds the ``place``,
            ``distance_km`` from the query point and ``uncertainty_km``. None when no place
            qualifies (an empty gazetteer or one beyond ``max_km``).

        Examples
        --------
        >>> loc = GazetteerGeocoder().reverse((51.19, 35.27))
        >>> loc.address, loc.raw["distance_km"] < 1
        ('Sudzha (Sudzhansky, Kursk Oblast, RU)', True)
        """
        from geopy.point import Point

        if getattr(query, "geom_type", None) == "Point":
            lat, lon = float(query.y), float(query.x)
        else:
            try:
                point = Point(query)
            except (TypeError, ValueError) as e:
                raise InvalidArgument(f"reverse() needs a point (lat, lon), got {query!r} ({e})") from None
            lat, lon = point.latitude, point.longitude
        gaz = self.gazetteer or Gazetteer.default()
        k = 1 if exactly_one else (limit or 5)
        found = gaz.nearest(lat, lon, k=k, max_km=max_km, country=self.country, region=self.region)
        locations = [self._reverse_location(n) for n in found]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    @staticmethod
    def _reverse_location(n) -> Location:
        p = n.place
        raw = {"place": p, "id": p.id, "name": p.name, "distance_km": n.distance_km,
               "uncertainty_km": p.uncertainty_km}
        return Location(p.label, (p.lat, p.lon), raw)

    @staticmethod
    def _location(m: Match, ambiguous: bool, candidates: list[Match]) -> Location:
        p = m.place
        raw = {
            "place": p,
            "id": p.id,
            "name": p.name,
            "score": m.score,
            "reason": m.reason,
            "uncertain": m.uncertain,
            "matched_name": m.matched_name,
            "ambiguous": ambiguous,
            "uncertainty_km": p.uncertainty_km,
            "candidates": [c.place.id for c in candidates],
        }
        return Location(p.label, (p.lat, p.lon), raw)
