"""How sure a candidate claim is: a logistic score over what the reading relied on, calibrated on the dev
split of the annotated sentences (``tests/data/extraction/``).

The features say how the place was found (an exact name, a case ending, a close spelling, a name the
gazetteer does not know, "the village", a place carried from the sentence before), how the side was found
(the subject of the verb, an agent "by Russian forces", "under Ukrainian control", the attacker of a
repelled attack, the subject of the sentence before, only the speaker's side), whether the claimant is
named in the sentence, whether the date is, the action and whether the name is ambiguous.

:data:`WEIGHTS` are fitted by ``benchmarks/calibrate_extract.py`` (logistic regression with a small L2
penalty) so that a candidate's confidence is the share of such candidates that had the right place, side
and action on the dev split. Re-run it after changing the rules; ``benchmarks/bench_extract.py`` prints
the reliability table on both splits.
"""

from __future__ import annotations

import math

__all__ = ["confidence", "features", "WEIGHTS"]

#: fitted on the dev split by benchmarks/calibrate_extract.py
WEIGHTS: dict[str, float] = {
    'bias': 2.864,
    'action:advance': -1.161,
    'action:area': 0.093,
    'action:capture': -0.167,
    'action:contest': 0.135,
    'action:repelled': 0.687,
    'action:withdraw': 0.454,
    'ambiguous': -1.5,
    'claimant named': -0.686,
    'date given': 1.047,
    'not in gazetteer': -0.663,
    'place:anaphor': -0.854,
    'place:depth': 0.529,
    'place:exact': 0.099,
    'place:figure': 0.093,
    'place:inflected': 0.747,
    'place:possessive': 0.197,
    'place:skeleton': -0.476,
    'place:topic': 0.028,
    'place:unknown': -0.324,
    'qualifier': -0.061,
    'side:agent': -0.316,
    'side:area': 0.093,
    'side:attack': 0.603,
    'side:carried': 0.886,
    'side:held': 0.686,
    'side:none': -1.462,
    'side:speaker': -0.275,
    'side:subject': -0.173,
    'status:assessed': 0.656,
    'status:claimed': 0.096,
    'status:unverified': -0.711,
    'unattributed': -0.22,
    'voice:active': 0.262,
    'voice:control': -0.494,
    'voice:held': -0.003,
    'voice:nominal': 0.028,
    'voice:passive': 0.156,
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


def score(feats: dict[str, float], weights: dict[str, float] | None = None) -> float:
    """The logistic score of a feature dict."""
    w = WEIGHTS if weights is None else weights
    z = sum(w.get(k, 0.0) * v for k, v in feats.items())
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
