"""Distances between two (lat, lon) points: geodesic for what is reported, great-circle for ranking.

:func:`distance_km` is what a user reads (``Match.distance_km`` of a ``near=`` lookup);
:func:`haversine_km` is for thresholds and ranking in hot loops, where 0.5 % does not matter.
"""

from __future__ import annotations

import math

__all__ = ["distance_km", "haversine_km"]


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Geodesic distance in km between two (lat, lon) points on WGS84.

    Examples
    --------
    >>> round(distance_km((51.19139, 35.27056), (51.33250, 35.22750)), 1)
    16.0
    """
    from geopy.distance import geodesic

    return float(geodesic(a, b).km)


def haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in km on a 6,371 km sphere (within 0.5% of geodesic).

    For ranking and thresholds in hot loops; reported distances use :func:`distance_km`.

    Examples
    --------
    >>> round(haversine_km((51.19139, 35.27056), (51.33250, 35.22750)), 1)
    16.0
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))
