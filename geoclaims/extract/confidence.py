"""How sure a candidate claim is: a logistic score over what the reading relied on, calibrated on the dev
split of the annotated sentences (``tests/data/extraction/``).

The features say how the place was found (an exact name, a case ending, a close spelling, a name the
gazetteer does not know, "the village", a place carried from the sentence before), how the side was found
(the subject of the verb, an agent "by Russian forces", "under Ukrainian control", the attacker of a
repelled attack, the subject of the sentence before, only the speaker's side), whether the claimant is
named in the sentence, whether the date is, the action and whether the name is ambiguous.

:data:`WEIGHTS` are fitted by ``benchmarks/calibrate_extract.py`` (logistic regression with an L2
penalty) on every dev passage, and :data:`PLATT` rescales the linear score so that it matches the share of
right candidates (right place, side and action) among scores made out of fold: each dev page's candidates
scored by a model fitted without that page. The script prints that cross-validated reliability table; the
test split is never read. Re-run it after changing the rules; ``benchmarks/bench_extract.py`` prints the
reliability table of every part of the annotated set.
"""

from __future__ import annotations

import math

__all__ = ["confidence", "features", "score", "linear", "WEIGHTS", "PLATT"]

#: Platt rescaling (a, b) of the linear score, fitted on out-of-fold scores of the dev passages
PLATT: tuple[float, float] = (0.419, -0.336)

#: fitted on every dev passage by benchmarks/calibrate_extract.py
WEIGHTS: dict[str, float] = {
    'bias': 0.061,
    'action carried': -0.888,
    'action:advance': -1.413,
    'action:area': 0.259,
    'action:capture': 0.673,
    'action:contest': -0.135,
    'action:repelled': 0.593,
    'action:withdraw': 0.019,
    'ambiguous': -4.0,
    'attempt': -0.967,
    'claimant named': 1.295,
    'date given': 1.125,
    'far from action': -0.483,
    'in a list': 0.222,
    'lang:en': -0.283,
    'lang:ru': -0.199,
    'lang:uk': 0.142,
    'not in gazetteer': -1.077,
    'place:anaphor': -0.481,
    'place:depth': 0.077,
    'place:exact': 0.976,
    'place:figure': 0.259,
    'place:inflected': 0.532,
    'place:possessive': 0.07,
    'place:skeleton': -0.164,
    'place:topic': -0.356,
    'place:unknown': -0.917,
    'qualifier': 0.953,
    'side:agent': -0.112,
    'side:area': 0.259,
    'side:attack': 0.433,
    'side:carried': -0.012,
    'side:held': -0.807,
    'side:none': 0.113,
    'side:speaker': -0.251,
    'side:subject': 0.373,
    'status:assessed': -0.15,
    'status:claimed': 0.096,
    'status:unverified': 0.05,
    'unattributed': 0.833,
    'voice:active': 0.241,
    'voice:control': -0.583,
    'voice:held': -0.543,
    'voice:nominal': 0.754,
    'voice:passive': -0.131,
}


def features(*, how: str, voice: str, place_how: str, ambiguous: bool, explicit_claimant: bool, claimant: str,
             explicit_date: bool, action: str, known: bool, qualifier: str, status: str, lang: str = "",
             far: bool = False, listed: bool = False, carried: bool = False, attempt: bool = False) -> dict[str, float]:
    """The features of one candidate (1.0 for a property it has; absent otherwise).

    Besides how place, side and action were read: the language of the sentence, whether the place lies far
    (over 80 characters) from its action word, is one of a list of three or more, takes its action from the
    sentence before ("Among them: A, B"), or is the place of an attempt ("tried to break through near X").
    """
    f = {"bias": 1.0, f"side:{how or 'none'}": 1.0, f"place:{place_how or 'none'}": 1.0, f"action:{action}": 1.0,
         f"status:{status}": 1.0}
    if lang:
        f[f"lang:{lang}"] = 1.0
    for name, on in (("far from action", far), ("in a list", listed), ("action carried", carried),
                     ("attempt", attempt)):
        if on:
            f[name] = 1.0
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


def score(feats: dict[str, float], weights: dict[str, float] | None = None,
          platt: tuple[float, float] | None = None) -> float:
    """The calibrated confidence of a feature dict: ``sigmoid(a * linear(feats) + b)``, (a, b) = :data:`PLATT`."""
    a, b = PLATT if platt is None else platt
    z = a * linear(feats, weights) + b
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
