"""The parameters of ``method="inferred"``: :class:`InferenceModel`, and the evidence kinds and limits it works with."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Mapping

from geoclaims.errors import InvalidArgument

__all__ = ["InferenceModel", "KINDS", "ZONE", "SATURATE"]

#: Evidence kinds: what a claim says about the land at its place.
KINDS = ("held", "advanced", "contested")
#: Log-odds of evidence below which the prior (the owner, or an observed baseline) decides a cell.
ZONE = 0.1
#: Claims saying the same of one place combine like probabilities ("or"), each capped below certainty.
SATURATE = 0.95


@dataclass(frozen=True)
class InferenceModel:
    """Parameters of ``method="inferred"`` (see the module docstring for what each does).

    Parameters
    ----------
    cell_km : float
        Grid spacing of the control field.
    radius_km, min_radius_km : float
        How far one claim's evidence reaches (the Gaussian kernel's sigma) at most and at least.
    radius_per_cell : float
        Within those bounds the reach follows the settlement pattern: this many times the radius of
        the claimed place's territory cell (villages 2 km apart reach less far than towns 10 km apart);
        0 uses ``radius_km`` everywhere.
    prior : float
        Log-odds pull toward the land's owner far from any claim.
    baseline_prior : float
        Log-odds pull toward an observed baseline's control (``Timeline.from_claims(baseline=...)``).
    half_life_days : float
        Evidence loses half its weight in this many days.
    supersede_km : float
        A later claim giving the land to the other side within this distance drops earlier evidence.
    overrun_km, overrun_places : float, int
        A side's evidence is also dropped once the other side has since taken (captured, or seen the side
        withdraw from) ``overrun_places`` distinct places within ``overrun_km`` of it: a position the
        opponent has overrun around on several sides has most likely fallen too (0 places turns it off).
    corridor : float
        Weight of the support a held place gives the line back to its side's base (0 turns it off).
    corridor_km : float
        Longest such line.
    corridor_kinds : tuple of str
        The kinds of evidence that support such a line: ``held`` (a capture, the other side's withdrawal),
        ``advanced``.
    enclose_km : float
        Land the side's ground and its base enclose (a closing by a disc of this radius: between a held town
        and the side's rear, between two salients) is the side's where the other side's field does not
        exceed ``enclose_odds``; 0 turns it off.
    enclose_odds : float
        Log-odds of the other side beyond which enclosed land stays the other side's.
    band : float
        Log-odds margin of the uncertainty band (min and max polygons).
    depth_days : int
        Days a "depth from border" claim bounds the side's depth.
    depth_margin : float
        Slack on such a bound (0.25: up to 25 % deeper).
    status_weights : mapping
        Weight by claim status.
    admission, self_claim : float
        Weight factors for a claimant conceding the other side's gain, and for a side claiming its own.
    area_days : int
        Days an area claim ("S holds N km²") bounds the side's area.
    area_margin : float
        Relative slack of such a bound for an assessed neutral figure; less sure figures (status,
        claimant) get proportionally more (the margin is divided by the claim's weight).
    area_shift : float
        Most the field's level may move (log-odds) to bring the side's area within an area claim's
        bound: the claim decides how much of the land the field finds least sure is the side's, not
        where the front is (0 turns area claims off).
    kind_weights : mapping
        Weight by evidence kind (held, advanced, contested) and for repelled attacks ('defended').
    margin_km : float
        The grid reaches this far beyond the claims.
    """

    cell_km: float = 0.5
    radius_km: float = 4.5
    min_radius_km: float = 1.5
    radius_per_cell: float = 1.0
    prior: float = 0.5
    baseline_prior: float = 0.6
    half_life_days: float = 90.0
    supersede_km: float = 5.0
    overrun_km: float = 10.0
    overrun_places: int = 3
    corridor: float = 0.6
    corridor_km: float = 30.0
    corridor_kinds: tuple[str, ...] = ("held", "advanced")
    enclose_km: float = 10.0
    enclose_odds: float = 1.0
    band: float = 0.25
    depth_days: int = 21
    depth_margin: float = 0.25
    status_weights: Mapping[str, float] = field(default_factory=lambda: {"assessed": 1.0, "claimed": 0.7,
                                                                           "unverified": 0.35})
    admission: float = 1.3
    self_claim: float = 0.8
    area_days: int = 30
    area_margin: float = 0.25
    area_shift: float = 0.4
    kind_weights: Mapping[str, float] = field(default_factory=lambda: {"held": 1.0, "advanced": 0.8,
                                                                         "contested": 0.5, "defended": 0.7})
    margin_km: float = 30.0

    def __post_init__(self) -> None:
        for name in ("cell_km", "radius_km", "half_life_days", "supersede_km", "overrun_km", "corridor_km",
                     "margin_km"):
            v = getattr(self, name)
            if not (isinstance(v, (int, float)) and v > 0 and math.isfinite(v)):
                raise InvalidArgument(f"InferenceModel: {name}={v!r} is not valid; it must be a number > 0")
        for name in ("prior", "baseline_prior", "corridor", "band", "depth_margin", "admission", "self_claim",
                     "area_margin", "area_shift", "enclose_km",
                     "enclose_odds"):
            v = getattr(self, name)
            if not (isinstance(v, (int, float)) and v >= 0 and math.isfinite(v)):
                raise InvalidArgument(f"InferenceModel: {name}={v!r} is not valid; it must be a number >= 0")
        for name in ("depth_days", "area_days", "overrun_places"):
            v = getattr(self, name)
            if not (isinstance(v, int) and not isinstance(v, bool) and v >= 0):
                raise InvalidArgument(f"InferenceModel: {name}={v!r} is not valid; it must be a whole number >= 0")
        if self.radius_km < self.cell_km:
            raise InvalidArgument(f"InferenceModel: radius_km ({self.radius_km}) must be at least cell_km "
                                  f"({self.cell_km})")
        if not (0 < self.min_radius_km <= self.radius_km):
            raise InvalidArgument(f"InferenceModel: min_radius_km ({self.min_radius_km}) must be > 0 and at most "
                                  f"radius_km ({self.radius_km})")
        if not (isinstance(self.radius_per_cell, (int, float)) and self.radius_per_cell >= 0):
            raise InvalidArgument(f"InferenceModel: radius_per_cell={self.radius_per_cell!r} must be a number >= 0")
