"""The context of a lookup: ``country=``, ``region=`` and ``bbox=`` filters, and the ``near=`` point.

Used by :meth:`Gazetteer.resolve <geoclaims.Gazetteer.resolve>` and
:meth:`Gazetteer.nearest <geoclaims.Gazetteer.nearest>`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Callable

from geoclaims.errors import AmbiguousPlace, InvalidArgument, PlaceNotFound
from geoclaims.places.place import Place


if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer

__all__ = ["context_filter", "near_point"]

NearSpec = Any


def context_filter(country, region, bbox) -> Callable[[Place], bool] | None:
    """A test for the places that the country / region / bbox context keeps (None: every place)."""
    if country is None and region is None and bbox is None:
        return None
    from geoclaims.places.regions import RegionTable, resolve_country

    tests: list[Callable[[Place], bool]] = []
    if country is not None:
        wanted = set()
        for c in [country] if isinstance(country, str) else country:
            code = resolve_country(c)
            if code is None:
                from geoclaims.errors import UnknownRegion

                raise UnknownRegion(
                    f"unknown country {c!r}; valid: RU/Russia, UA/Ukraine, BY/Belarus "
                    "(in English, Russian or Ukrainian)"
                )
            wanted.add(code)
        tests.append(lambda p: p.country in wanted)
    if region is not None:
        names: set[str] = set()
        countries: set[str] = set()
        for r in [region] if isinstance(region, str) else region:
            code = resolve_country(r)
            if code:
                countries.add(code)
            else:
                names.update(x.name for x in RegionTable.default().resolve(r))
        tests.append(lambda p: p.admin1 in names or p.country in countries)
    if bbox is not None:
        try:
            minx, miny, maxx, maxy = (float(v) for v in bbox)
        except (TypeError, ValueError):
            raise InvalidArgument(
                f"bbox must be (min_lon, min_lat, max_lon, max_lat), got {bbox!r}"
            ) from None
        if minx > maxx or miny > maxy:
            raise InvalidArgument(f"bbox minimum exceeds maximum: {bbox!r} (order: min_lon, min_lat, max_lon, max_lat)")
        tests.append(
            lambda p: p.lat is not None and minx <= p.lon <= maxx and miny <= p.lat <= maxy  # type: ignore[operator]
        )
    if not tests:
        return None
    return lambda p: all(t(p) for t in tests)

def near_point(gaz: "Gazetteer", near: NearSpec) -> tuple[float, float]:
    """(lat, lon) of a near= argument; a place name is resolved in `gaz`."""
    if isinstance(near, Place):
        if near.latlon is None:
            raise InvalidArgument(f"near={near.name!r} has no coordinates: {near.describe()}")
        return near.latlon
    if isinstance(near, str):
        r = gaz.resolve(near)
        if r.best is None:
            raise PlaceNotFound(f"near={near!r}: no such place in the gazetteer", query=near)
        if r.ambiguous:
            from geoclaims.places.gazetteer import _describe_candidates

            raise AmbiguousPlace(
                f"near={near!r} is ambiguous: {_describe_candidates((r.best, *r.competitors))}; "
                "pass coordinates (lat, lon) instead",
                query=near,
                candidates=(r.best, *r.competitors),
            )
        return near_point(gaz, r.best.place)
    if hasattr(near, "latitude") and hasattr(near, "longitude"):
        return float(near.latitude), float(near.longitude)
    if getattr(near, "geom_type", None) == "Point":
        return float(near.y), float(near.x)
    try:
        lat, lon = near
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        raise InvalidArgument(
            f"near must be (lat, lon), a geopy or shapely Point, a Place or a place name; got {near!r}"
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise InvalidArgument(f"near=(lat, lon) out of range: {near!r}")
    return lat, lon
