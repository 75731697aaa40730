"""Value objects: a :class:`Place` of the gazetteer and a :class:`Match` of a lookup."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Literal

from geoclaims.errors import InvalidArgument

__all__ = ["Place", "Match", "MatchReason", "REASONS", "CERTAIN_REASONS"]

MatchReason = Literal["exact", "alias", "transliteration", "cognate", "declension", "skeleton", "fuzzy"]
#: Why a candidate matched, strongest first.
REASONS: tuple[str, ...] = ("exact", "alias", "transliteration", "cognate", "declension", "skeleton", "fuzzy")
#: Reasons that name the place for sure: a stored name, a systematic romanisation of one, or its
#: regular form in the other language (``cognate``: Старица for Стариця, by the spelling rules of
#: :mod:`geoclaims.places.cognates`, matched exactly), or a case form of one (``declension``: Глубокого, під
#: Суджею; :mod:`geoclaims.places.declension`). A ``skeleton`` (same consonants) or ``fuzzy``
#: (close letters) match is a guess: :attr:`Match.uncertain`.
CERTAIN_REASONS: tuple[str, ...] = ("exact", "alias", "transliteration", "cognate", "declension")


@dataclass(frozen=True, slots=True)
class Place:
    """A settlement of the gazetteer.

    Parameters
    ----------
    id : str
        Stable identifier: ``"geonames:486816"`` or ``"theatre:berdin"``.
    name : str
        Canonical name (English, BGN/PCGN-style romanisation).
    aliases : tuple of str
        Every other name: Russian and Ukrainian forms, other romanisations,
        former names (e.g. ``Artemovsk`` for Bakhmut).
    lat, lon : float or None
        WGS84 position; both None for a place that is *known but unlocated*
        (no source gave its position).  Never a guessed point.
    uncertainty_km : float or None
        Radius around (lat, lon) within which the place lies; None when
        unlocated.
    country : str
        ISO 3166-1 alpha-2 code (``"RU"``, ``"UA"``, ``"BY"``).
    admin1 : str
        First-level division (oblast), e.g. ``"Kursk Oblast"``; '' if unknown.
    admin2 : str
        District (raion), e.g. ``"Sudzhansky"``; '' if unknown.
    kind : str
        Settlement type (town, selo, khutor, ...) or GeoNames feature code.
    population : int or None
        Population as given by the source.
    sources : tuple of str
        Where the place's facts come from.
    location_note : str
        How the position was obtained or why it is missing.
    former_names : tuple of str
        Former names among `aliases` (kept separately to say why they match).

    Examples
    --------
    >>> p = Place(id="x:1", name="Sudzha", lat=51.19, lon=35.27, uncertainty_km=0.1, country="RU")
    >>> p.is_located, p.point
    (True, (35.27, 51.19))
    """

    id: str
    name: str
    aliases: tuple[str, ...] = ()
    lat: float | None = None
    lon: float | None = None
    uncertainty_km: float | None = None
    country: str = ""
    admin1: str = ""
    admin2: str = ""
    kind: str = ""
    population: int | None = None
    sources: tuple[str, ...] = ()
    location_note: str = ""
    former_names: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        if not self.id or not self.name:
            raise InvalidArgument("a Place needs an id and a name")
        if (self.lat is None) != (self.lon is None):
            raise InvalidArgument(f"{self.id}: lat and lon must both be given or both be None")
        if self.lat is not None and self.lon is not None:
            if not (math.isfinite(self.lat) and -90 <= self.lat <= 90):
                raise InvalidArgument(f"{self.id}: latitude {self.lat!r} is not in [-90, 90]")
            if not (math.isfinite(self.lon) and -180 <= self.lon <= 180):
                raise InvalidArgument(f"{self.id}: longitude {self.lon!r} is not in [-180, 180]")
            if self.uncertainty_km is None or not self.uncertainty_km >= 0:
                raise InvalidArgument(f"{self.id}: a located place needs uncertainty_km >= 0")
        for attr in ("aliases", "sources", "former_names"):
            value = getattr(self, attr)
            if not isinstance(value, tuple):
                object.__setattr__(self, attr, tuple(value))

    @property
    def is_located(self) -> bool:
        """Whether the place has coordinates."""
        return self.lat is not None

    @property
    def point(self) -> tuple[float, float] | None:
        """``(lon, lat)`` as geometries use it, or None when unlocated."""
        if self.lat is None or self.lon is None:
            return None
        return (self.lon, self.lat)

    @property
    def latlon(self) -> tuple[float, float] | None:
        """``(lat, lon)`` as geopy uses it, or None when unlocated."""
        if self.lat is None or self.lon is None:
            return None
        return (self.lat, self.lon)

    @property
    def label(self) -> str:
        """``"Berdin (Bolshesoldatsky, Kursk Oblast, RU)"``: name with its context."""
        ctx = ", ".join(x for x in (self.admin2, self.admin1, self.country) if x)
        return f"{self.name} ({ctx})" if ctx else self.name

    def describe(self) -> str:
        """One line for people: where it is, how sure, or why it is not located.

        Examples
        --------
        >>> Place(id="x:2", name="Sverdlikovo", country="RU", admin1="Kursk Oblast",
        ...       admin2="Sudzhansky", kind="selo").describe()  # doctest: +NORMALIZE_WHITESPACE
        'Sverdlikovo: a selo of Sudzhansky district, Kursk Oblast, RU with no coordinates in the
        bundled gazetteer; add them or load a GeoNames dump (Gazetteer.from_geonames)'
        """
        if self.lat is None:
            kind = self.kind or "settlement"
            where = f"{self.admin2} district, " if self.admin2 else ""
            where += ", ".join(x for x in (self.admin1, self.country) if x)
            return (
                f"{self.name}: a {kind} of {where} with no coordinates in the bundled gazetteer; "
                "add them or load a GeoNames dump (Gazetteer.from_geonames)"
            )
        return f"{self.label} at {self.lat:.5f}, {self.lon:.5f} (within {self.uncertainty_km:g} km)"


@dataclass(frozen=True, slots=True)
class Match:
    """A candidate place for a queried name.

    Parameters
    ----------
    place : Place
        The candidate.
    score : float
        How well the name matches, in [0, 1] (1 = the canonical name or a
        curated former name), lowered by distance when a ``near=`` context
        was given.
    reason : {'exact', 'alias', 'transliteration', 'cognate', 'declension', 'skeleton', 'fuzzy'}
        Why it matched: the canonical name; another stored name (a Russian or
        Ukrainian form, a former name); the same name in a romanisation system
        or another script; the regular other-language form of a stored name
        (Pletenevka for Плетенівка); a case form of a stored name (Глубокого), or a
        landmark named by its town ("aeroporto di Donetsk"); the same consonants in another spelling
        (``Sudja`` for Sudzha); or a close misspelling. The last two are
        guesses (:attr:`uncertain`).
    matched_name : str
        The stored name that matched.
    distance_km : float or None
        Distance to the ``near=`` point, when one was given.
    """

    place: Place
    score: float
    reason: MatchReason
    matched_name: str = ""
    distance_km: float | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.score <= 1.0:
            raise InvalidArgument(f"score must be in [0, 1], got {self.score!r}")
        if self.reason not in REASONS:
            raise InvalidArgument(f"reason must be one of {REASONS}, got {self.reason!r}")

    @property
    def uncertain(self) -> bool:
        """True for a guess (a ``skeleton`` or ``fuzzy`` match): the name may mean a place the gazetteer lacks.

        Examples
        --------
        >>> p = Place(id="x:1", name="Rybotyn")
        >>> Match(p, 0.77, "skeleton").uncertain, Match(p, 1.0, "exact").uncertain
        (True, False)
        """
        return self.reason not in CERTAIN_REASONS
