"""Stage 4, control: where claims become polygons of control.

Owns the local equal-area projection, the shape each claim draws (qualifier shapes, territory
cells), the replay that applies claims in order into pieces of control (with polygon helpers), the
inference of the land between claims (:mod:`geoclaims.control.inference`) and geodesic areas. May
import the base modules, :mod:`geoclaims.places` and :mod:`geoclaims.claims`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geoclaims._lazy import lazy_exports

# public name -> its module, loaded on first use (importing the subpackage stays cheap)
_EXPORTS = {
    "Piece": "geoclaims.control.engine",
    "replay": "geoclaims.control.engine",
    "outcome": "geoclaims.control.engine",
    "sort_key": "geoclaims.control.engine",
    "union": "geoclaims.control.polygons",
    "geoms_of": "geoclaims.control.engine",
    "differences": "geoclaims.control.engine",
    "window": "geoclaims.control.engine",
    "polygonal": "geoclaims.control.polygons",
    "robust": "geoclaims.control.polygons",
    "valid_polygons": "geoclaims.control.polygons",
    "union_by_key": "geoclaims.control.engine",
    "STATUSES": "geoclaims.control.engine",
    "MIN_AREA_M2": "geoclaims.control.engine",
    "WINDOW_MIN_VERTICES": "geoclaims.control.engine",
    "area_km2": "geoclaims.control.area",
    "LocalProjection": "geoclaims.control.projection",
    "FootprintModel": "geoclaims.control.shapes",
    "ShapeModel": "geoclaims.control.shapes",
    "TerritoryModel": "geoclaims.control.territory",
    "InferenceModel": "geoclaims.control.inference.model",
}
__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.control.area import area_km2
    from geoclaims.control.engine import (
        MIN_AREA_M2, STATUSES, WINDOW_MIN_VERTICES, Piece, differences, geoms_of, outcome, replay, sort_key,
        union_by_key, window,
    )
    from geoclaims.control.inference.model import InferenceModel
    from geoclaims.control.polygons import polygonal, robust, union, valid_polygons
    from geoclaims.control.projection import LocalProjection
    from geoclaims.control.shapes import FootprintModel, ShapeModel
    from geoclaims.control.territory import TerritoryModel
