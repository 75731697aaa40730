"""Which claims a view of a :class:`~geoclaims.timeline.Timeline` takes into account: a :class:`Perspective`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Iterable

from geoclaims.claims.claim import SIDES
from geoclaims.errors import InvalidArgument

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.claims.claim import Claim

__all__ = ["Perspective"]

_KEYWORDS = ("all", "assessed", *SIDES)


@dataclass(frozen=True, slots=True)
class Perspective:
    """Which claims a view takes into account.

    ``"all"`` (every claim), ``"assessed"`` (status assessed only), ``"UA"`` or
    ``"RU"`` (claims made by that side's claimants: "as Ukraine tells it"), or
    one claimant by name (``"ISW"``, ``"claimant:Russian MoD"``).

    Examples
    --------
    >>> Perspective.parse("RU").label
    'as RU claimants tell it'
    """

    kind: str
    value: str = ""

    @classmethod
    def parse(cls, text: "str | Perspective", claimants: Iterable[str] = ()) -> "Perspective":
        """Parse a perspective; unknown ones raise ValueError listing the valid choices."""
        if isinstance(text, Perspective):
            return text
        s = str(text).strip()
        if s.lower() in ("all", "assessed"):
            return cls(s.lower())
        if s.upper() in SIDES:
            return cls("side", s.upper())
        name = s[len("claimant:"):].strip() if s.lower().startswith("claimant:") else s
        known = sorted(set(claimants))
        for k in known:
            if k.casefold() == name.casefold():
                return cls("claimant", k)
        raise InvalidArgument(
            f"perspective={text!r} is not valid; valid: {', '.join(_KEYWORDS)}, or a claimant"
            + (f" ({', '.join(known[:15])}{', ...' if len(known) > 15 else ''})" if known else "")
        )

    def accepts(self, c: Claim) -> bool:
        """True when the claim counts in this perspective."""
        if self.kind == "all":
            return True
        if self.kind == "assessed":
            return c.status == "assessed"
        if self.kind == "side":
            return c.claimant_side == self.value
        return c.claimant == self.value

    @property
    def label(self) -> str:
        """Human description."""
        return {"all": "all claims", "assessed": "assessed claims only",
                "side": f"as {self.value} claimants tell it", "claimant": f"as {self.value} tells it"}[self.kind]
