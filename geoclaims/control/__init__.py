"""Stage 4, control: where claims become polygons of control.

Owns the local equal-area projection, the shape each claim draws (qualifier shapes, territory
cells), the replay that applies claims in order into pieces of control (with polygon helpers), the
inference of the land between claims (:mod:`geoclaims.control.inference`) and geodesic areas. May
import the base modules, :mod:`geoclaims.places` and :mod:`geoclaims.claims`.
"""

from geoclaims.control.area import area_km2
from geoclaims.control.inference import InferenceModel
from geoclaims.control.projection import LocalProjection
from geoclaims.control.engine import (
    MIN_AREA_M2, STATUSES, WINDOW_MIN_VERTICES, Piece, differences, geoms_of, outcome, polygonal, replay, robust,
    sort_key, union, union_by_key, valid_polygons, window,
)
from geoclaims.control.shapes import FootprintModel, ShapeModel
from geoclaims.control.territory import TerritoryModel

__all__ = [
    "Piece", "replay", "outcome", "sort_key", "union", "geoms_of", "differences", "window", "polygonal", "robust",
    "valid_polygons", "union_by_key", "STATUSES", "MIN_AREA_M2", "WINDOW_MIN_VERTICES", "area_km2", "LocalProjection",
    "FootprintModel", "ShapeModel", "TerritoryModel", "InferenceModel",
]
