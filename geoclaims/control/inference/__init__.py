"""``method="inferred"``: the land between claimed places, inferred from the claims around it.

:class:`InferenceModel` holds the calibrated parameters; :class:`ControlField` turns claims into a
field of control on a grid, its status polygons, its uncertainty band and the claims that drove it.
"""

from geoclaims.control.inference.field import ControlField, InferenceModel, evidence_kind

__all__ = ["InferenceModel", "ControlField", "evidence_kind"]
