"""Small helpers of the ledger: who enters, when, what ``as_of`` means, which claims lie in a region."""

from __future__ import annotations

import datetime as dt
import getpass
import os
from typing import Any

from geoclaims.claims.claim import MAX_DATE, MIN_DATE, Claim
from geoclaims.errors import InvalidArgument, InvalidArgumentType

__all__ = ["now_ms", "who", "as_of_moment", "in_region"]


def now_ms() -> dt.datetime:
    """Now, UTC, to the millisecond (what a GeoPackage DATETIME holds; PostGIS keeps the same)."""
    now = dt.datetime.now(dt.timezone.utc)
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


def who(by: str | None) -> str:
    if by is not None:
        if not isinstance(by, str) or not by.strip():
            raise InvalidArgument(f"by={by!r}: give the name of who enters the claims")
        return by.strip()
    env = os.environ.get("GEOCLAIMS_USER", "").strip()
    if env:
        return env
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name (a container): say so rather than fail
        return "unknown"


def as_of_moment(value: Any) -> "dt.datetime | int | None":
    """A moment (aware, UTC) or a batch number."""
    if value is None or (isinstance(value, int) and not isinstance(value, bool)):
        if isinstance(value, int) and value < 0:
            raise InvalidArgument(f"as_of={value!r}: a batch number is >= 0")
        return value
    if isinstance(value, str):
        text = value.strip()
        try:
            value = dt.datetime.fromisoformat(text.replace("Z", "+00:00")) if ("T" in text or " " in text) \
                else dt.date.fromisoformat(text)
        except ValueError:
            raise InvalidArgument(f"as_of={text!r} is not valid; give YYYY-MM-DD, an ISO time "
                                  "(2025-01-07T12:00:00Z) or a batch number") from None
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        value = value.to_pydatetime()
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=dt.timezone.utc) if value.tzinfo is None else value.astimezone(dt.timezone.utc)
    if isinstance(value, dt.date):
        if not MIN_DATE <= value <= MAX_DATE:
            raise InvalidArgument(f"as_of={value} is out of range {MIN_DATE} to {MAX_DATE}")
        return dt.datetime.combine(value, dt.time.max, tzinfo=dt.timezone.utc)
    raise InvalidArgumentType(f"as_of must be a datetime, a date, ISO text or a batch number, "
                              f"not {type(value).__name__}")


def in_region(claims: list[Claim], region: Any) -> list[bool]:
    """Which claims lie in the region.

    A named oblast or country counts a claim by its place's oblast or country as the gazetteer gave it
    at entry (a border village stays in its own oblast, whatever the generalised outline says); a box,
    a polygon, a drawn claim geometry or a place of unknown oblast counts by position; a claim without
    coordinates counts by the region it names.
    """
    import shapely

    from geoclaims.places.boundaries import region_geometry

    area, _label = region_geometry(region)
    shapely.prepare(area)
    country, oblasts = _named(region)
    named: dict[str, bool] = {}
    out = []
    for c in claims:
        p = c.place
        if c.geometry is None and p is not None and country and p.country:
            out.append(p.country == country)
            continue
        if c.geometry is None and p is not None and oblasts and p.admin1:
            out.append(p.admin1 in oblasts)
            continue
        g = c.geometry if c.geometry is not None else (shapely.Point(p.lon, p.lat) if p is not None
                                                       and p.is_located else None)
        if g is not None:
            out.append(bool(area.intersects(g)))
        elif c.region:
            if c.region not in named:
                try:
                    named[c.region] = bool(area.contains(region_geometry(c.region)[0].representative_point()))
                except Exception:  # noqa: BLE001 - a region text no boundary knows: not in any region
                    named[c.region] = False
            out.append(named[c.region])
        else:
            out.append(False)
    return out


def _named(region: Any) -> tuple[str | None, set[str]]:
    """(country code, oblast names) a region given by name stands for; (None, set()) for boxes and polygons."""
    if not isinstance(region, str) or region.count(",") == 3:
        return None, set()
    from geoclaims.errors import UnknownRegion
    from geoclaims.places.regions import RegionTable, resolve_country

    code = resolve_country(region)
    if code:
        return code, set()
    try:
        return None, {r.name for r in RegionTable.default().resolve(region)}
    except UnknownRegion:
        return None, set()
