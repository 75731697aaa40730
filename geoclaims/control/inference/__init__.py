"""``method="inferred"``: the land between claimed places, inferred from the claims around it.

:class:`InferenceModel` holds the calibrated parameters; :class:`ControlField` turns claims into a
field of control on a grid, its status polygons, its uncertainty band and the claims that drove it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geoclaims._lazy import lazy_exports

# public name -> its module, loaded on first use (importing the subpackage stays cheap)
_EXPORTS = {
    "InferenceModel": "geoclaims.control.inference.field",
    "ControlField": "geoclaims.control.inference.field",
    "evidence_kind": "geoclaims.control.inference.field",
}
__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.control.inference.field import ControlField, InferenceModel, evidence_kind
