"""Bundled national and oblast boundaries (Natural Earth 10m, internationally recognised view).

Read from ``data/boundaries/`` (built by ``data/boundaries/build.py``; sources in
its SOURCES.md). Russia, Ukraine and Belarus, with Crimea and Sevastopol in
Ukraine. Geometries are shapely, EPSG:4326.
"""

from __future__ import annotations

import functools
import json
from typing import TYPE_CHECKING, Any

from geoclaims._resources import data_file
from geoclaims.errors import UnknownRegion
from geoclaims.names import fold

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    from shapely.geometry.base import BaseGeometry

__all__ = ["country_shape", "region_shape", "countries", "regions", "border", "country_at", "COUNTRY_CODES"]

#: Countries with bundled outlines.
COUNTRY_CODES: tuple[str, ...] = ("BY", "RU", "UA")


@functools.cache
def _admin0() -> dict[str, "BaseGeometry"]:
    import shapely

    data = json.loads(data_file("admin0.geojson").read_text(encoding="utf-8"))
    out = {}
    for f in data["features"]:
        g = shapely.from_geojson(json.dumps(f["geometry"]))
        shapely.prepare(g)
        out[f["properties"]["country"]] = g
    return out


@functools.cache
def _admin1() -> tuple[tuple[dict[str, Any], "BaseGeometry"], ...]:
    import shapely

    data = json.loads(data_file("admin1.geojson").read_text(encoding="utf-8"))
    return tuple((f["properties"], shapely.from_geojson(json.dumps(f["geometry"]))) for f in data["features"])


def country_shape(country: str) -> "BaseGeometry":
    """The outline of a country, by ISO code or name in any common spelling.

    Raises
    ------
    UnknownRegion
        For countries without a bundled outline (the message lists those there are).

    Examples
    --------
    >>> country_shape("Україна").contains(__import__("shapely").Point(34.1, 44.95))  # Crimea
    True
    """
    from geoclaims.regions import resolve_country

    code = resolve_country(country) if country not in COUNTRY_CODES else country
    if code not in COUNTRY_CODES:
        raise UnknownRegion(f"no bundled outline for country {country!r}; bundled: {', '.join(COUNTRY_CODES)} "
                            "(Belarus, Russia, Ukraine)")
    return _admin0()[code]


def region_shape(region: str, *, country: str | None = None) -> "BaseGeometry":
    """The outline of an oblast (admin-1 region), in any spelling the region table knows.

    Examples
    --------
    >>> round(region_shape("Курская область").area, 1) > 0
    True
    """
    from geoclaims.regions import RegionTable, resolve_country

    code = resolve_country(country) if country else None
    found = RegionTable.default().resolve(region, country=code)
    wanted = {(r.country, r.code) for r in found}
    geoms = [g for p, g in _admin1() if (p["country"], p["admin1"]) in wanted]
    if not geoms:
        key = fold(region)
        geoms = [g for p, g in _admin1() if key in {fold(p["name"]), fold(p["name_en"]), fold(p["name_ru"]),
                                                     fold(p["name_uk"])}]
    if not geoms:
        raise UnknownRegion(f"region {region!r} has no bundled outline")
    if len(geoms) > 1:
        import shapely

        return shapely.union_all(geoms)
    return geoms[0]


def countries() -> "geopandas.GeoDataFrame":
    """The bundled countries: columns ``country``, ``geometry`` (EPSG:4326)."""
    import geopandas

    items = sorted(_admin0().items())
    return geopandas.GeoDataFrame({"country": [k for k, _ in items]}, geometry=[g for _, g in items], crs="EPSG:4326")


def regions() -> "geopandas.GeoDataFrame":
    """The bundled oblasts with ISO 3166-2 code, country, names (en/ru/uk) and geometry."""
    import geopandas

    rows = _admin1()
    cols = ["iso_3166_2", "country", "admin1", "name", "name_en", "name_ru", "name_uk"]
    return geopandas.GeoDataFrame({c: [p[c] for p, _ in rows] for c in cols},
                                  geometry=[g for _, g in rows], crs="EPSG:4326")


@functools.cache
def border(a: str = "UA", b: str = "RU") -> "BaseGeometry":
    """The international border between two countries as (multi)lines.

    The outlines are one coverage, so shared borders share every vertex.

    Examples
    --------
    >>> border("UA", "RU").geom_type
    'MultiLineString'
    """
    import shapely

    ga, gb = country_shape(a), country_shape(b)
    shared = shapely.intersection(shapely.boundary(ga), shapely.boundary(gb))
    parts = [p for p in shapely.get_parts(shared) if shapely.get_type_id(p) in (1, 2, 5)]
    lines = shapely.line_merge(shapely.union_all(parts)) if parts else shapely.MultiLineString()
    if lines.geom_type == "LineString":
        lines = shapely.MultiLineString([lines])
    return lines


def country_at(lon: float, lat: float) -> str | None:
    """ISO code of the bundled country containing (lon, lat), or None."""
    import shapely

    pt = shapely.Point(lon, lat)
    for code, g in _admin0().items():
        if g.covers(pt):
            return code
    return None
