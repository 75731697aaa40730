"""``method="inferred"``, the inference of the front from claims: a control field over the land, its front line and an uncertainty band.

The other methods draw only what a claim states (the settlement's cell or footprint). This one,
``method="inferred"``, also infers the land *between* claimed places, which is what a front line
encloses. In plain words:

1. **Evidence.** Every mapped claim is evidence that a side controls the land at its place on its
   date: a capture or an advance by S, a withdrawal by S's opponent, a repelled attack by S's
   opponent (the defender holds the place), fighting (contest) by S. Its weight grows with how sure
   it is (assessed > claimed > unverified) and with who says it (a side admitting a loss counts more
   than a side claiming a gain); it halves every ``half_life_days`` and is dropped once a later claim
   nearby gives the land to the other side (the latest evidence wins locally), or once the other
   side has since taken ``overrun_places`` distinct places around it (overrun).
2. **Field.** Each piece of evidence spreads over the land with a Gaussian kernel (``radius_km``);
   held ground also supports the line back to the side's base (its own country, or what it held at
   the start), because an army holds the road to a village it holds. Added up, with the owner of
   the land (or an observed baseline map) as the prior far from any claim, the evidence gives the
   log-odds ``L`` that Ukraine controls each cell of a grid (``cell_km``), and Russia the rest.
3. **Control.** A side controls the cells of the other side's country where the field favours it,
   if they connect to its base, or hold a claim that says so (an island only where a claim puts
   one), and the land that ground encloses with its base (``enclose_km``), unless the other side's
   field there is stronger than ``enclose_odds`` or it is said to hold a place there. Claims about
   extent bound it (:mod:`~geoclaims.control.inference.extent`): "advanced up to D km" bounds the
   depth for a few weeks; "holds N km²" moves the level the field is cut at until the area fits.
4. **Front line and band.** The front is the zero line of the field, smooth, not a staircase of
   cells; the band is where the field is within ``band`` of zero: the *min* polygon is the land the
   evidence clearly gives the side (never land it only encloses), the *max* the land it may reach. Every state and area comes as
   ``km2_min``, ``km2``, ``km2_max``.

What a claim states and what the model infers stay apart: on a map, land inside a claim's own
polygon is tier *claimed*, the rest *inferred*, and every inferred piece lists the claims that
drove it. The parameters were chosen on the Kursk example against DeepStateMap, never on the
held-out fronts used to measure them (benchmarks/README.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from geoclaims._lazy import lazy_exports

# public name -> its module, loaded on first use (importing the subpackage stays cheap)
_EXPORTS = {
    "InferenceModel": "geoclaims.control.inference.model",
    "ControlField": "geoclaims.control.inference.field",
    "evidence_kind": "geoclaims.control.inference.evidence",
}
__all__ = list(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.control.inference.evidence import evidence_kind
    from geoclaims.control.inference.field import ControlField
    from geoclaims.control.inference.model import InferenceModel
