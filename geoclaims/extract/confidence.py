"""How sure a candidate claim is: a logistic score over what the reading relied on, calibrated on the dev
split of the annotated sentences (``tests/data/extraction/``).

The features say how the place was found (an exact name, a case ending, a close spelling, a name the
gazetteer does not know, "the village", a place carried from the sentence before), how the side was found
(the subject of the verb, an agent "by Russian forces", "under Ukrainian control", the attacker of a
repelled attack, the subject of the sentence before, only the speaker's side), whether the claimant is
named in the sentence, whether the date is, the action and whether the name is ambiguous.

:data:`WEIGHTS` are fitted by ``benchmarks/calibrate_extract.py`` (logistic regression with an L2
penalty) on the dev passages kept out of rule writing (``calibration``), so that a confidence is the
share of such candidates that had the right place, side and action on text the rules were not tuned to
(the passages the rules were written from flatter them: nearly everything is right there).
Re-run it after changing the rules; ``benchmarks/bench_extract.py`` prints the reliability table on the
test split.
"""

from __future__ import annotations

import math

__all__ = ["confidence", "features", "score", "linear", "WEIGHTS", "PLATT"]

#: Platt rescaling (a, b) fitted on the dev passages kept out of rule writing (``calibration``)
PLATT: tuple[float, float] = (-0.023, 0.868)

#: fitted on the dev split's calibration passages by benchmarks/calibrate_extract.py
WEIGHTS: dict[str, float] = {
    'bias': 1.243,
    'action:advance': -0.498,
    'action:area': 0.058,
    'action:capture': 0.115,
    'action:contest': -0.007,
    'action:repelled': 0.608,
    'action:withdraw': -0.278,
    'ambiguous': -1.5,
    'claimant named': 0.235,
    'date given': 0.172,
    'not in gazetteer': -0.459,
    'place:anaphor': -0.14,
    'place:exact': 0.23,
    'place:figure': 0.058,
    'place:inflected': 0.141,
    'place:possessive': 0.111,
    'place:skeleton': 0.059,
    'place:unknown': -0.459,
    'qualifier': 0.247,
    'side:agent': 0.074,
    'side:area': 0.058,
    'side:attack': -0.036,
    'side:carried': 0.258,
    'side:held': 0.066,
    'side:none': 0.338,
    'side:speaker': -0.175,
    'side:subject': -0.584,
    'status:assessed': 0.174,
    'status:claimed': -0.105,
    'status:unverified': -0.069,
    'unattributed': -0.614,
    'voice:active': 0.299,
    'voice:control': -0.546,
    'voice:held': 0.066,
    'voice:nominal': 0.123,
}


def features(*, how: str, voice: str, place_how: str, ambiguous: bool, explicit_claimant: bool, claimant: str,
             explicit_date: bool, action: str, known: bool, qualifier: str, status: str) -> dict[str, float]:
    """The features of one candidate (1.0 for a property it has; absent otherwise)."""
    f = {"bias": 1.0, f"side:{how or 'none'}": 1.0, f"place:{place_how or 'none'}": 1.0, f"action:{action}": 1.0,
         f"status:{status}": 1.0}
    if ambiguous:
        f["ambiguous"] = 1.0
    if explicit_claimant:
        f["claimant named"] = 1.0
    if claimant == "unattributed":
        f["unattributed"] = 1.0
    if explicit_date:
        f["date given"] = 1.0
    if not known:
        f["not in gazetteer"] = 1.0
    if qualifier:
        f["qualifier"] = 1.0
    if voice:
        f[f"voice:{voice}"] = 1.0
    return f


def linear(feats: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The linear score (log-odds before rescaling) of a feature dict."""
    w = WEIGHTS if weights is None else weights
    return sum(w.get(k, 0.0) * v for k, v in feats.items())


def score(feats: dict[str, float]) -> float:
    """The calibrated confidence of a feature dict: ``sigmoid(linear(feats))``."""
    z = linear(feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))


def confidence(**kw) -> float:
    """The calibrated confidence of a candidate described by :func:`features`' keywords.

    Examples
    --------
    >>> sure = confidence(how="subject", voice="active", place_how="exact", ambiguous=False,
    ...                   explicit_claimant=True, claimant="ISW", explicit_date=True, action="advance",
    ...                   known=True, qualifier="", status="assessed")
    >>> unsure = confidence(how="speaker", voice="nominal", place_how="unknown", ambiguous=False,
    ...                     explicit_claimant=False, claimant="unattributed", explicit_date=False,
    ...                     action="capture", known=False, qualifier="", status="claimed")
    >>> sure > unsure
    True

    Returns
    -------
    float
        In (0, 1).
    """
    return round(score(features(**kw)), 3)
