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
from geoclaims.errors import InvalidArgument, InvalidArgumentType, UnknownRegion
from geoclaims.places.names import fold

if TYPE_CHECKING:  # pragma: no cover
    import geopandas
    from shapely.geometry.base import BaseGeometry

__all__ = ["country_shape", "region_shape", "region_geometry", "countries", "regions", "border", "country_at",
           "COUNTRY_CODES"]

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
    from geoclaims.places.regions import resolve_country

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
    from geoclaims.places.regions import RegionTable, resolve_country

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


def region_geometry(region: Any) -> tuple["BaseGeometry", str]:
    """An area to clip to, from any of the ways users name one, and a label for it.

    Parameters
    ----------
    region : str, (west, south, east, north), or shapely polygon
        A country or oblast in any common spelling ("Ukraine", "Kursk Oblast", "Курская
        область"), a bounding box in degrees ("35,51,36,52" as text too), or a polygon in
        EPSG:4326.

    Returns
    -------
    (shapely geometry, str)
        The area (EPSG:4326) and a label ("Kursk Oblast", "bbox 35,51,36,52", "polygon").

    Raises
    ------
    ValueError
        For a name no boundary matches (with the closest names) or a malformed box.

    Examples
    --------
    >>> g, label = region_geometry("Курская область")
    >>> label, round(g.bounds[0], 1)
    ('Курская область', 34.1)
    >>> region_geometry((35, 51, 36, 52))[1]
    'bbox 35,51,36,52'
    """
    import shapely

    if isinstance(region, str) and region.count(",") == 3:
        try:
            region = tuple(float(x) for x in region.split(","))
        except ValueError:
            pass
    if isinstance(region, str):
        from geoclaims.places.regions import resolve_country

        try:
            code = resolve_country(region)
            return (country_shape(code) if code else region_shape(region)), region
        except Exception as e:  # noqa: BLE001 - UnknownRegion and friends, with the valid names
            raise InvalidArgument(f"region={region!r}: {e}") from None
    if isinstance(region, (tuple, list)) and len(region) == 4:
        w, s, e, n = map(float, region)
        if not (w < e and s < n):
            raise InvalidArgument(f"region bbox must be (west, south, east, north) with west < east, south < north: {region!r}")
        return shapely.box(w, s, e, n), f"bbox {w:g},{s:g},{e:g},{n:g}"
    if hasattr(region, "geom_type"):
        if region.geom_type not in ("Polygon", "MultiPolygon"):
            raise InvalidArgument(f"region must be a polygon, got a {region.geom_type}")
        return region, "polygon"
    raise InvalidArgumentType("region must be a name, a (west, south, east, north) bbox or a shapely polygon")
