"""The words of a day's map: how states, changes, pieces, claims, area checks and agreement read in labels,
tooltips and tables (plain text; the pages escape it).
"""

from __future__ import annotations

import math
from typing import Any, Mapping

from geoclaims.claims.claim import SIDES, Claim, other_side
from geoclaims.web.styles import certainty_text

__all__ = ["ACTION_WORDS", "ids_text", "state_label", "change_text", "piece_text", "claim_anchor", "marker_side",
           "area_error_text", "agreement_text"]


#: Past-tense verbs for claim actions in popups and tables.
ACTION_WORDS: dict[str, str] = {"capture": "captured", "advance": "advanced", "withdraw": "withdrew from",
                                "repelled": "attack repelled", "contested": "fighting in", "area": "area"}

_MAX_IDS = 12


def ids_text(ids: str) -> str:
    """A claim-id list, cut after 12 ids: ``'K001, K002, … (40 claims)'``."""
    parts = [x for x in (ids or "").split(", ") if x]
    if len(parts) <= _MAX_IDS:
        return ", ".join(parts)
    return ", ".join(parts[:_MAX_IDS]) + f", … ({len(parts)} claims)"


def state_label(side: str, status: str) -> str:
    """Layer name: ``'UA held'``, ``'RU advanced'``, ``'UA contested'``."""
    return f"{side} {status}"


def change_text(rec: Mapping[str, Any]) -> str:
    """One line for a change: ``'UA gained 15.4 km²: southern Berdin (K045, ISW, assessed)'`` (plain text)."""
    what = "gained" if rec["change"] == "gained" else "lost (now contested)"
    text = f"{rec['side']} {what} {rec['area_km2']:,.1f} km²"
    if rec.get("where"):
        text += f": {rec['where']}"
    if rec.get("claim_id"):
        text += f" ({rec['claim_id']}, {rec.get('claimant') or '?'}, {rec.get('claim_status') or '?'})"
    ids = ids_text(rec.get("claim_ids") or "")
    if ids and ids != rec.get("claim_id"):
        text += f"; claims behind it: {ids}"
    return text


def piece_text(rec: Mapping[str, Any]) -> str:
    """A piece's tooltip (plain text, one fact a line): side and status, km², how sure, the claims behind it.

    Examples
    --------
    >>> print(piece_text({"side": "UA", "status": "advanced", "tier": "claimed", "claim_status": "claimed",
    ...                   "area_km2": 15.38, "claim_id": "K045", "claimants": "ISW", "where": "southern Berdin"}))
    UA advanced · 15.4 km²
    claimed by a party, not independently verified
    K045 (ISW): southern Berdin
    """
    tier = rec.get("tier") or "claimed"
    lines = [f"{rec['side']} {rec['status']} · {rec['area_km2']:,.1f} km²",
             certainty_text(tier, rec.get("claim_status") or "")]
    cid = rec.get("claim_id") or ""
    if cid in ("baseline", "observed"):
        lines.append("from the baseline" if cid == "baseline" else "from the observed map")
    elif cid:
        who = f" ({rec['claimants']})" if rec.get("claimants") else ""
        where = f": {rec['where']}" if rec.get("where") else ""
        lines.append(("from claims " if tier == "inferred" else "") + ids_text(cid) + who + where)
    return "\n".join(lines)


def claim_anchor(c: Claim) -> tuple[float, float, str] | None:
    """Where a claim's marker goes: ``(lat, lon, key)`` of its place or drawn shape, or None."""
    if c.place is not None and c.place.is_located:
        return (float(c.place.lat), float(c.place.lon), f"place:{c.place.id}")  # type: ignore[arg-type]
    if c.geometry is not None and not c.geometry.is_empty:
        pt = c.geometry.representative_point()
        return (pt.y, pt.x, f"claim:{c.claim_id}")
    return None


def marker_side(c: Claim) -> str:
    """The side a claim's marker is coloured by: who gains (a repelled attack: the defender)."""
    return other_side(c.side) if c.action in ("repelled", "withdraw") else c.side


def _number(x: Any) -> float | None:
    try:
        x = float(x)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(x) or math.isinf(x) else x


def area_error_text(x: Any) -> str:
    """``'within'`` (0: inside the observed held..held + grey), ``'+25 %'``, ``'−12 %'``, or ``'n/a'``.

    Examples
    --------
    >>> area_error_text(0.0), area_error_text(0.254), area_error_text(-0.1), area_error_text(float("inf"))
    ('within', '+25 %', '−10 %', 'n/a')
    """
    v = _number(x)
    if v is None:
        return "n/a"
    if abs(v) < 0.005:
        return "within"
    return f"{v * 100:+.0f} %".replace("-", "−")


def agreement_text(rows: Mapping[str, Mapping[str, Any]] | None) -> str:
    """A day's agreement with the observed map in words, per side with land in either map ('' for none).

    Examples
    --------
    >>> agreement_text({"UA": {"iou": 0.428, "area_error": 0.0, "front_mean_km": 4.76}})
    'UA: IoU 0.43, area error within, front 4.8 km apart'
    """
    if not rows:
        return ""
    parts = []
    for side in SIDES:
        r = rows.get(side)
        if not r:
            continue
        iou, front = _number(r.get("iou")), _number(r.get("front_mean_km"))
        if iou is None and front is None and area_error_text(r.get("area_error")) == "within":
            continue  # no land in either map
        bits = [f"IoU {iou:.2f}" if iou is not None else "IoU n/a", f"area error {area_error_text(r.get('area_error'))}"]
        if front is not None:
            bits.append(f"front {front:,.1f} km apart")
        parts.append(f"{side}: " + ", ".join(bits))
    return "; ".join(parts)
