"""What the polygons of a snapshot mean: :class:`SnapshotRules` (a polygon's key -> side and status), the
DeepStateMap and geoclaims presets, and the problems and errors of reading snapshots.

A new preset is a :class:`SnapshotRules` here, named in :data:`PRESETS`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping, Sequence

from geoclaims.claims.claim import SIDES
from geoclaims.control.engine import STATUSES
from geoclaims.errors import GeoclaimsError, InvalidArgument, InvalidArgumentType

__all__ = ["SnapshotRules", "SnapshotProblem", "SnapshotWarning", "SnapshotError", "PRESETS", "DEEPSTATE", "GEOCLAIMS",
           "deepstate_key", "deepstate_fill", "DEEPSTATE_FILLS"]


class SnapshotWarning(UserWarning):
    """A snapshot file (or feature) was skipped or repaired; the message names the file."""


@dataclass(frozen=True)
class SnapshotProblem:
    """What went wrong with one file of an archive (and, when known, which feature)."""

    file: str
    message: str
    feature: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}" + (f", feature {self.feature}" if self.feature is not None else "")
        return f"{where}: {self.message}"


class SnapshotError(GeoclaimsError, ValueError):
    """An archive could not be read (with ``on_error="raise"``, the first bad file)."""

    def __init__(self, message: str, problems: Sequence[SnapshotProblem] = ()):
        super().__init__(message)
        self.problems = tuple(problems)


@dataclass(frozen=True)
class SnapshotRules:
    """How a snapshot's features become control.

    Parameters
    ----------
    key : str or callable
        The property holding each feature's key (default ``"name"``), or a function
        ``properties -> key``.
    rules : sequence of (pattern, target)
        Regular expressions searched in the key, first match wins; the target is ``(side,
        status)`` with side ``UA``/``RU`` (or ``""`` for grey zone, split by country) and status
        held/advanced/contested, or None for features that are not control.
    fallback : callable, optional
        ``properties -> target or None`` for features whose key no rule knows (e.g. by fill colour);
        what it classifies is used and reported (``Timeline.fallback_keys``), never silent. Without it
        such features are left out and reported (``Timeline.unknown_keys``).

    Examples
    --------
    >>> r = SnapshotRules("kind", [(r"^russian", ("RU", "held")), (r"^grey", ("", "contested")), (r"^arrow", None)])
    >>> r.classify({"kind": "russian-held"}), r.classify({"kind": "arrow"}), r.classify({"kind": "?"})
    (('RU', 'held'), None, Ellipsis)
    """

    key: "str | Callable[[Mapping[str, Any]], str]" = "name"
    rules: Sequence[tuple[str, "tuple[str, str] | None"]] = ()
    fallback: "Callable[[Mapping[str, Any]], tuple[str, str] | None] | None" = None
    _compiled: tuple = field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        compiled = []
        for pattern, target in self.rules:
            if target is not None:
                side, status = target
                if side not in ("", *SIDES) or status not in STATUSES:
                    raise InvalidArgument(f"rule {pattern!r}: target {target!r} is not valid; side one of "
                                     f"{', '.join(SIDES)} or '' (grey zone), status one of {', '.join(STATUSES)}")
            try:
                compiled.append((re.compile(pattern), target))
            except re.error as e:
                raise InvalidArgument(f"rule {pattern!r} is not a valid regular expression: {e}") from None
        object.__setattr__(self, "_compiled", tuple(compiled))

    def key_of(self, properties: Mapping[str, Any]) -> str:
        """The feature's key, whitespace (newlines, no-break spaces) trimmed."""
        value = self.key(properties) if callable(self.key) else properties.get(self.key)
        return "" if value is None else str(value).strip()

    def classify(self, properties: Mapping[str, Any]) -> "tuple[str, str] | None | type(Ellipsis)":
        """``(side, status)``, None (not control) or ``...`` (no rule knows the key)."""
        key = self.key_of(properties)
        for pattern, target in self._compiled:
            if pattern.search(key):
                return target
        return ...

    def classify_fallback(self, properties: Mapping[str, Any]) -> "tuple[str, str] | None | type(Ellipsis)":
        """The :attr:`fallback`'s target for a feature no rule knows, or ``...`` without a fallback."""
        if self.fallback is None:
            return ...
        target = self.fallback(properties)
        return ... if target is ... else target


def deepstate_key(properties: Mapping[str, Any]) -> str:
    """The status key of a DeepStateMap feature.

    Names read ``"<Ukrainian> /// <English> /// geoJSON.status.<key>"``, sometimes with a trailing
    newline or no-break space; 2022 files have no ``geoJSON.`` part (``"Звільнено /// Taken back
    25.03"``), or only the Ukrainian text.

    Examples
    --------
    >>> deepstate_key({"name": "Окуповано /// Occupied /// geoJSON.status.occupied\\u00a0"})
    'geoJSON.status.occupied'
    >>> deepstate_key({"name": "Звільнено /// Taken back 25.03\\n"})
    'Taken back 25.03'
    >>> deepstate_key({"name": "Під питанням"})
    'Під питанням'

    Returns
    -------
    str
    """
    name = str(properties.get("name") or "")
    parts = [p.strip() for p in name.split("///")]
    parts = [p for p in parts if p]
    if not parts:
        return ""
    for p in parts:
        if p.startswith("geoJSON."):
            return p
    return parts[1] if len(parts) >= 2 else parts[0]


#: DeepStateMap fill colours and what they mean, for polygons whose name no rule knows ("Багатокутник 23",
#: free-text notes): occupied red, liberated green, Ukrainian-held blues, grey zone greys. Black and
#: dark magenta mark Crimea/ORDLO but also Transnistria, pink the "historical territories": not used.
DEEPSTATE_FILLS: dict[str, "tuple[str, str]"] = {
    "#a52714": ("RU", "held"), "#0f9d58": ("UA", "held"), "#0288d1": ("UA", "held"), "#01579b": ("UA", "held"),
    "#bcaaa4": ("", "contested"), "#bdbdbd": ("", "contested"), "#757575": ("", "contested"),
}


def deepstate_fill(properties: Mapping[str, Any]) -> "tuple[str, str] | type(Ellipsis)":
    """A DeepState polygon's control by its fill colour (:data:`DEEPSTATE_FILLS`), or ``...``.

    Examples
    --------
    >>> deepstate_fill({"name": "Багатокутник 23", "fill": "#A52714"}), deepstate_fill({"fill": "#ff5252"})
    (('RU', 'held'), Ellipsis)
    """
    return DEEPSTATE_FILLS.get(str(properties.get("fill") or "").strip().lower(), ...)


#: DeepStateMap, every format of the public archive (April 2022 - August 2025):
#:
#: - 2024 on: ``geoJSON.status.<key>`` keys: occupied is Russian-held, "dismissed" (liberated Ukraine,
#:   and the Kursk salient, filled blue) Ukrainian-held, "unknown" grey zone contested; Crimea, ORDLO and
#:   Tuzla are Russian-held territories; other "territories", islands and markers are not control.
#: - 2022-2023, English names: "Occupied", "CADR and CALR", "Occupied Crimea/Tuzla Island" Russian-held;
#:   "Liberated ...", "Taken back", "Recaptured" Ukrainian-held; "Unknown status", "Situation is unknown",
#:   "Contested" (and its misspellings), "Under question", "In doubt", "Gray area" contested; the
#:   "temporarily occupied" Karelia, Petsamo, Kuril, East Prussia... (a joke layer) and Transnistria not.
#: - April 2022, Ukrainian only: "Крим", "ОРДЛО", "Окуповано", "Захоплено" Russian-held; "Звільнено",
#:   "Під контролем ЗСУ" Ukrainian-held; "Під питанням", "Сіра зона", "Ситуація невідома" contested.
#: - Anything else ("Багатокутник 23", free-text notes) by its fill colour (:func:`deepstate_fill`),
#:   reported; a polygon whose colour says nothing is left out and reported.
#:
#: Since control is kept relative to each side's own country, "dismissed" land inside Ukraine adds
#: nothing and the salient remains.
DEEPSTATE = SnapshotRules(
    key=deepstate_key,
    rules=(
        (r"^geoJSON\.status\.occupied", ("RU", "held")),
        (r"^geoJSON\.status\.dismissed", ("UA", "held")),
        (r"^geoJSON\.status\.unknown", ("", "contested")),
        (r"^geoJSON\.territories\.(crimea|ordlo|tuzla)\b", ("RU", "held")),
        (r"^geoJSON\.territories\.", None),
        (r"^geoJSON\.(zmiinyi_island|units?|arrows?|airports?|airfields?|direction|moskow)", None),
        (r"^geoJSON\.icons?\.", None),
        # 2022-2023, English
        (r"^(Occupied (Crimea|Tuzla)|CADR and CALR|ORDLO)", ("RU", "held")),
        (r"^(Occupied (Petsamo|Salla|Latvia|Southern Kuril|Tskhinvali|Pechorsky)|Annexed from|"
         r"The temporarily occupied territory|East Prussia|occupied Estonia|Under the control of rebels)", None),
        (r"^(Transnistria|Snake Island)", None),
        (r"^Occupied\b", ("RU", "held")),
        (r"under occupation|Territories, which are under occup", ("RU", "held")),
        (r"^(Taken back|Liberated|Recaptured|The enemy was pushed back)|Recaptured territories", ("UA", "held")),
        (r"(^|\s)(Contested|Contensed|Contenesed)\b|^(Unknown status|Situation is unknown|Under question|In doubt|"
         r"Gray area)", ("", "contested")),
        # April 2022, Ukrainian
        (r"^(Окупований Крим|Крим|ОРДЛО|Острів Тузла)$", ("RU", "held")),
        (r"^(Зміїний|Придністров|Вологі мрії)", None),
        (r"зайняті ворогом|окупован|Окупован|^Окуповано|^Захоплено|^Фактично контролюється ворогом", ("RU", "held")),
        (r"^(Звільнено|звільнено)|^Під контролем ЗСУ|^Орки відсутні|^Ворога відкинуто|^Начебто звільнено",
         ("UA", "held")),
        (r"^(Під питанням|Сіра зона|Ситуація невідома|Немає інфо)|^Невідомо|^Нам достеменно невідомо",
         ("", "contested")),
    ),
    fallback=deepstate_fill,
)


def _side_status(p: Mapping[str, Any]) -> str:
    return f"{str(p.get('side') or '').strip().upper()}/{str(p.get('status') or '').strip().lower()}"


#: What ``geoclaims build`` exports (and any file with ``side``/``status`` properties).
GEOCLAIMS = SnapshotRules(
    key=_side_status,
    rules=tuple((f"^{s}/{st}$", (s, st)) for s in SIDES for st in STATUSES),
)

#: ``preset=`` names.
PRESETS: dict[str, SnapshotRules] = {"deepstate": DEEPSTATE, "geoclaims": GEOCLAIMS}


# -- the reader ---------------------------------------------------------------------------------------
def _resolve_rules(preset: str | None, rules) -> SnapshotRules:
    if preset is not None and rules is not None:
        raise InvalidArgument("give preset= or rules=, not both")
    if preset is not None:
        try:
            return PRESETS[preset.lower()]
        except KeyError:
            raise InvalidArgument(f"preset={preset!r} is not known; valid: {', '.join(PRESETS)}") from None
    if rules is None:
        return GEOCLAIMS
    if isinstance(rules, SnapshotRules):
        return rules
    if isinstance(rules, Mapping):
        return SnapshotRules("name", tuple(rules.items()))
    raise InvalidArgumentType("rules must be a SnapshotRules or a mapping {pattern: (side, status) or None}")
