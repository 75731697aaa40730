"""Which places a report's names mean: the oblasts and directions it names, ambiguous names settled
among its other places, and readings far from all of them dropped.

:class:`Geography` resolves every name a report uses once. Names that several places share are settled
by the oblasts the report names ("у Курській області", "на Харківщині"), by the towns its directions are
named after ("на Бахмутському напрямку": Bakhmut) and by proximity to its other places
(:func:`geoclaims.places.geocoding.settle_by_proximity`). A reading of an inflected or misspelt name that lies
far (over 150 km) from every other place the report names, outside the oblasts it names, is no reading:
the name is then reported as unknown ("Сєвєрного" near Avdiivka is not Severny in Russia).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from geoclaims.extract.places import Mention, PlaceFinder, nominative_guesses

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.extract.sentence import Sentence
    from geoclaims.places.gazetteer import Gazetteer

__all__ = ["Geography", "REGION_PHRASE", "direction_towns"]

#: adjectival district and direction phrases: "Суджанский район", "Бахмутському напрямку", "Izium district"
REGION_PHRASE = re.compile(r"(?<!\w)(?P<r>[А-ЯІЇЄA-Z][\w'’-]*(?:ск|цк|зьк|ськ|цьк|sk|sky|skiy|sky|ska)\w*\s+"
                         r"(?:район\w*|направлени\w+|напрям\w*|област\w*|облас\w*|district|raion|direction|axis|sector|громад\w*|"
                         r"округ\w*))")

_NICKNAMES = {"курщи": "Kursk Oblast", "харкі": "Kharkiv Oblast", "харьк": "Kharkiv Oblast", "сумщи": "Sumy Oblast",
              "донеч": "Donetsk Oblast", "луган": "Luhansk Oblast", "херсо": "Kherson Oblast", "бєлго": "Belgorod Oblast",
              "белго": "Belgorod Oblast", "брянщ": "Bryansk Oblast", "днр": "Donetsk Oblast", "лнр": "Luhansk Oblast",
              "dpr": "Donetsk Oblast", "lpr": "Luhansk Oblast", "dnr": "Donetsk Oblast", "lnr": "Luhansk Oblast",
              "запор": "Zaporizhzhia Oblast", "дніпр": "Dnipropetrovsk Oblast"}
#: an oblast by a nickname or by the name the occupation gives it ("ДНР": Donetsk Oblast)
_NICKNAME = re.compile(r"(?<!\w)((?:Курщин|Харківщин|Харьковщин|Сумщин|Донеччин|Луганщин|Херсонщин|Бєлгородщин|"
                       r"Белгородчин|Брянщин|Запоріжжі|Запорожье|Дніпропетровщин)\w*|(?-i:ДНР|ЛНР|DPR|LPR|DNR|LNR))(?!\w)",
                       re.I)


def direction_towns(phrase: str) -> list[str]:
    """"Бахмутському напрямку" -> Бахмут, "Kupiansk direction" -> Kupiansk: the town a direction is named after."""
    if not re.search(r"напрям|направлен|direction|axis|sector", phrase, re.I):
        return []
    first = phrase.split()[0]
    m = re.match(r"(.+?)(?:ськ|ск|цьк|цк|зьк)(?:ому|ом|ий|ого|ій|ая|ое|а|у|им)$", first, re.I)
    if not m:
        return [first]
    stem = m.group(1)
    return [stem, stem + "ськ", stem + "ск", stem + "ка", stem + "івка", stem + "ів"]


def _adjective_forms(word: str) -> list[str]:
    """"Запорожском" -> "Запорожская", "Запорожский": the nominatives a region table knows."""
    m = re.match(r"(.+?(?:ськ|ск|цьк|зьк|цк))\w*$", word, re.I)
    if not m:
        return []
    stem = m.group(1)
    return [stem + e for e in ("ая", "ий", "а", "ой")]


_REGION_CACHE: dict[str, tuple] = {}
_UK_LETTERS = re.compile(r"[іїєґІЇЄҐ]")


def _merged(groups: list[set[str]]) -> list[set[str]]:
    """Readings of the report's words, words that share a reading merged ("Покровську" and "Покровськ" are one)."""
    out: list[set[str]] = []
    for g in groups:
        g = set(g)
        for other in [o for o in out if o & g]:
            g |= other
            out.remove(other)
        out.append(g)
    return out

#: the oblasts where ground fighting of Russia's war on Ukraine took place (2022-2025): of two villages of one
#: name that nothing else in a report tells apart, the one there is meant
WAR_OBLASTS = frozenset({
    "Donetsk Oblast", "Luhansk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast", "Kharkiv Oblast", "Mykolaiv Oblast",
    "Dnipropetrovsk Oblast", "Sumy Oblast", "Chernihiv Oblast", "Kyiv Oblast", "Kursk Oblast", "Belgorod Oblast",
    "Bryansk Oblast"})

#: how much being in one of :data:`WAR_OBLASTS` weighs, counted in words of the report that can lie in an oblast
#: (the gazetteer lacks the Russian spelling of many villages there, so fewer of a report's words reach them)
_WAR_PRIOR = 1.5

#: how many places of one name compete when a name is ambiguous (the commonest village names have ~60)
_HOMONYMS = 80
#: the gazetteer's readings of a name in another language's form ("Сладкое" for Solodke), and how close they
#: must be, for a name read again among the report's other places
_COGNATE_REASONS = ("skeleton", "cognate", "declension")
_COGNATE_SCORE = 0.72


def _regions(text: str) -> tuple:
    """RegionTable.resolve(text), () when it names no region; cached (reports repeat their oblasts)."""
    hit = _REGION_CACHE.get(text)
    if hit is None:
        from geoclaims.errors import GeoclaimsError
        from geoclaims.places.regions import RegionTable

        try:
            hit = tuple(RegionTable.default().resolve(text))
        except GeoclaimsError:
            hit = ()
        if len(_REGION_CACHE) > 10_000:
            _REGION_CACHE.clear()
        _REGION_CACHE[text] = hit
    return hit


#: how a close spelling may be read (never an exact or alias match, which the finder has already tried)
_CLOSE = ("skeleton", "fuzzy", "transliteration", "declension", "cognate", "alias")


class Geography:
    """The places of one report: its oblasts, its resolved names, and whether a reading fits among them."""

    def __init__(self, text: str, gaz: "Gazetteer", region: str, finder: PlaceFinder) -> None:
        self.text, self.gaz, self.region, self.finder = text, gaz, region, finder
        self.oblasts: dict[str, Any] = {}
        self.resolved: dict[str, tuple[Any, tuple[str, ...], bool]] = {}
        self.exact_names: set[str] = set()
        self._groups: list[set[str]] = []

    def settle(self, sents: list["Sentence"]) -> None:
        """Resolve every name the report uses (and the towns its directions are named after)."""
        names = {n for s in sents for m in s.mentions if m.known for n in (m.name, *m.options)}
        self.exact_names = {m.name for s in sents for m in s.mentions if m.how in ("exact", "possessive")}
        self._groups = _merged([{m.name, *m.options} for s in sents for m in s.mentions if m.known])
        for s in sents:  # the towns directions are named after help to settle names near them
            for _, _, phrase in s.regions:  # "Покровському напрямку": Pokrovsk (60,000 people), not Pokrov
                hits = [hit[0] for hit in map(self.finder.match, direction_towns(phrase)) if hit is not None]
                if hits:
                    names.add(max(hits, key=self._population))
        self.oblasts = self._oblasts(sents)
        self.resolved = self._resolve(names)

    def _population(self, name: str) -> int:
        best = self.gaz.resolve(name).best
        return (best.place.population or 0) if best is not None else 0

    def _oblasts(self, sents: list["Sentence"]) -> dict[str, Any]:
        """Oblasts the report names ("Курской области", "Kharkiv region", "Донецкой Народной Республике")."""
        out: dict[str, Any] = {}
        for m in _NICKNAME.finditer(self.text):  # "на Курщині", "Харківщина"
            found = _regions(_NICKNAMES[m.group(1).lower()[:5]])
            if found:
                out[found[0].name] = found[0]
        for s in sents:
            for _, _, phrase in s.regions:
                first = phrase.split()[0] if phrase.split() else ""
                for text in (phrase, first, *_adjective_forms(first)):
                    if not text or len(text) < 4:
                        continue
                    found = _regions(text)
                    if len(found) == 1:
                        out[found[0].name] = found[0]
                        break
        return out

    def _resolve(self, names) -> dict[str, tuple[Any, tuple[str, ...], bool]]:
        from geoclaims.places.geocoding import settle_by_proximity

        resolved, chosen = {}, {}
        oblasts = sorted(self.oblasts)
        for name in sorted(names):  # a fixed order: proximity settling must not depend on hash seeds
            r = self.gaz.resolve(name, region=self.region or None) if self.region else self.gaz.resolve(name)
            if r.best is None and self.region:
                r = self.gaz.resolve(name)
            if r.best is not None and r.ambiguous:  # 29 villages are called Григорівка: weigh them all, not five
                r = self.gaz.resolve(name, region=self.region or None, limit=_HOMONYMS)
            if r.best is not None and (r.ambiguous or len(r.matches) > 1) and oblasts and not self.region:
                inside = self.gaz.resolve(name, region=oblasts)  # the oblasts the report names settle it
                if inside.best is not None and inside.best.score >= r.best.score - 0.05:
                    r = inside
            if r.best is None:
                continue
            resolved[name] = r
            chosen[name] = (r.best, r.ambiguous, "")
        settle_by_proximity(resolved, chosen)
        out = {}
        for name, (match, ambiguous, _note) in chosen.items():
            others = tuple(m.place.id for m in resolved[name].competitors if m.place.id != match.place.id) \
                if ambiguous else ()
            out[name] = (match.place, others, ambiguous)
        self.resolved = out
        for name, r in resolved.items():  # of close readings, the one that fits the report's other places
            if len(r.matches) < 2:
                continue
            options = [m.place for m in r.matches if m.score >= r.best.score - 0.05]
            fit = {p.id: self._fit(name, p) for p in options}
            best = max(options, key=lambda p: (fit[p.id], p.id == out[name][0].id))
            if best.id != out[name][0].id:
                out[name] = (best, tuple(p.id for p in options if p.id != best.id), True)
        self._settle_by_oblast(resolved, out)
        self._cognates_among_others(out)
        return out

    def _cognates_among_others(self, out: dict[str, tuple[Any, tuple[str, ...], bool]]) -> None:
        """A name whose reading lies far from every other place of the report, read again in the oblasts of those
        places: "Затишье" is a village in Bryansk Oblast by that exact spelling, but beside Сладкое and
        Гуляйполе it is the Russian form of Zatyshshia in Zaporizhzhia Oblast. Only the gazetteer's close
        readings (skeleton, cognate, declension) of one name there count, never a fuzzy one."""
        from collections import Counter

        for name, (place, others, _amb) in list(out.items()):
            if (place.population or 0) >= 10_000 or self._fit(name, place) > 0:
                continue  # Pokrovsk beside Kupiansk is the town, not a Pokrovske near Kupiansk
            if any(n != name and self._same_word(n, name) and (o.population or 0) >= 10_000 for n, (o, _, _) in out.items()):
                continue  # "Покровська", a reading of "Покровську" beside "Покровськ": the word names a town
            around = [o for n, (o, _, _) in out.items() if not self._same_word(n, name) and o.admin1 and o.id != place.id]
            if not any(o.country != place.country or o.admin1 in WAR_OBLASTS and place.admin1 not in WAR_OBLASTS
                       for o in around):
                continue  # only a reading in another country, or away from the war, among places of the war
            where = Counter(o.admin1 for o in around).most_common()
            regions = [a for a, k in where if k * 2 >= where[0][1]]  # the report's main oblasts, not a stray reading
            try:
                near = self.gaz.resolve(name, region=sorted(set(regions) | WAR_OBLASTS), limit=8).matches
                near += self.gaz.resolve(name, region=regions, limit=5).matches
            except Exception:  # noqa: BLE001 - an oblast name the region table does not know
                continue
            exact = sorted((m for m in near if m.place.id != place.id and m.score >= 0.9
                            and m.reason in ("exact", "alias", "transliteration")
                            and (m.place.admin1 in regions or (m.place.population or 0) >= 10_000)),
                           key=lambda m: ((m.place.population or 0) < 10_000, m.place.admin1 not in regions,
                                          -(m.place.population or 0)))
            close = [m for m in near if m.place.admin1 in regions and m.place.id != place.id
                     and m.reason in _COGNATE_REASONS and m.score >= _COGNATE_SCORE]
            pick = exact or close  # "Покровська" is Pokrovsk in Donetsk Oblast before a Pokrovske near Kupiansk
            if pick and len({m.place.name for m in pick if m.score >= pick[0].score - 0.03}) == 1:
                out[name] = (pick[0].place, (place.id, *others), True)

    def _settle_by_oblast(self, resolved: dict[str, Any], out: dict[str, tuple[Any, tuple[str, ...], bool]]) -> None:
        """Names no oblast of the report settles: the oblast most of the report's names can lie in, then one
        where the war was fought.

        "покинули Ильинку, Романовку и Елизаветовку, отступив в сторону Успеновки": every one of these names
        has a village in Odesa Oblast and in Donetsk Oblast; nothing in the sentence says which, but reports of
        fighting are about the oblasts fighting took place in (:data:`WAR_OBLASTS`). A name with a reading in
        an oblast the report names keeps it.
        """
        from collections import Counter

        def admins(name: str) -> set[str]:
            r = resolved.get(name)
            if r is None or r.best is None:
                return set()
            return {m.place.admin1 for m in r.matches if m.score >= r.best.score - 0.05 and m.place.admin1}

        # one vote per word of the report, not per reading of it ("Покровська" is a reading of "Покровську")
        groups = {frozenset(g) for g in self._groups} | {frozenset({n}) for n in resolved
                                                          if not any(n in g for g in self._groups)}
        where = [(g, set().union(*(admins(n) for n in g))) for g in groups]
        for name, r in resolved.items():
            current = out[name][0]
            floor = (current.population or 0) / 10 if (current.population or 0) >= 5000 else 0
            options = [m.place for m in r.matches if m.score >= r.best.score - 0.05
                       and (m.place.population or 0) >= floor]  # Avdiivka the town, not a village of that name
            if len({p.admin1 for p in options}) < 2 or any(p.admin1 in self.oblasts for p in options):
                continue
            votes = Counter(a for g, adm in where if name not in g for a in adm)

            def rank(p: Any) -> tuple:  # the war's oblasts count as much as one and a half words of the report
                # a tie goes to the oblast the report's other names are read in now: one front, not three
                here = sum(1 for n, (o, _, _) in out.items() if n != name and o.admin1 == p.admin1)
                return votes[p.admin1] + _WAR_PRIOR * (p.admin1 in WAR_OBLASTS), here, p.admin1 in WAR_OBLASTS

            best = max(options, key=lambda p: (rank(p), p.id == current.id))
            if rank(best) > rank(current):
                out[name] = (best, tuple(p.id for p in options if p.id != best.id), True)

    def _fit(self, name: str, place: Any) -> int:
        """How well a reading fits the report: 3 in an oblast it names, 2 in the oblast of another place it
        names, 1 within 150 km of one, 0 otherwise."""
        from geoclaims.places.gazetteer import haversine_km

        if place.admin1 and place.admin1 in self.oblasts:
            return 3
        others = [o for n, (o, _, _) in self.resolved.items() if not self._same_word(n, name) and o.id != place.id
                  and (o.population or 0) <= 2_500_000]
        if place.admin1 and any(o.admin1 == place.admin1 for o in others):
            return 2
        if place.latlon is not None and any(o.latlon is not None and haversine_km(place.latlon, o.latlon) < 150
                                            for o in others):
            return 1
        return 0

    def choose(self, m: Mention) -> Mention:
        """An inflected or misspelt name: the reading that lies among the report's places, or none of them.

        "Первомайського" may be Первомайське or Первомайський: the one near the other places named (or in
        an oblast named) is taken. A guess that lies far from all of them is no guess: the name is then
        reported as unknown ("Сєвєрного" near Avdiivka is not Severny in Russia).
        """
        if not m.known and m.how == "unknown":
            return self.near_spelling(m)
        if not m.known or m.how not in ("inflected", "skeleton", "anaphor") and not self.oblasts and not m.options:
            return m
        readings = [n for n in (m.name, *m.options) if n in self.resolved]
        if m.how == "exact" and readings[:1] == [m.name] and not self._far(m.name) and (
                self.anchored(m.name, by_name=False) or not any(self.anchored(n, by_name=False) for n in readings[1:])):
            if not self.anchored(m.name, by_name=False) and self.resolved[m.name][0].admin1 not in WAR_OBLASTS:
                war = [n for n in readings[1:] if self.resolved[n][0].admin1 in WAR_OBLASTS]
                if war:  # "Оборона Покровська триває": Pokrovsk's genitive, not a Pokrovsk in Yakutia spelt so
                    return replace(m, name=war[0])
            return m  # written as a place's name: another case's reading only when this one is far from the rest
        #   (or when only the other reading lies among the report's places: "Шевченка" near Pokrovsk is Шевченко)
        anchored = [n for n in readings if self.anchored(n, by_name=False)] or [n for n in readings if self.anchored(n)]
        if not anchored:
            anchored = [n for n in readings if self._homonym_among(n)]
        if anchored:
            n = max(anchored, key=lambda x: (x in self.exact_names, self.resolved[x][0].population or 0))
            return m if n == m.name else replace(m, name=n)
        if m.how in ("anaphor", "exact", "possessive", "topic") or not self.has_anchors():
            return m  # "Покровська" (a Pokrovsk in Yakutia, or Pokrovsk's genitive): the locative reading wins above
        return Mention(m.start, m.end, m.text, nominative_guesses(m.text, ukrainian=bool(
            _UK_LETTERS.search(self.text, max(0, m.start - 150), m.end + 150))), (), "unknown")

    def _homonym_among(self, name: str) -> bool:
        """Whether another place of that name lies among the report's places ("Ялти" by Pokrovsk is Yalta in
        Donetsk Oblast, not the Crimean town the name first reads as); if so, it becomes the reading."""
        from geoclaims.places.gazetteer import haversine_km

        place, others, _ = self.resolved[name]
        anchors = [p for n, (p, _, _) in self.resolved.items() if not self._same_word(n, name)
                   and (p.population or 0) <= 2_500_000 and p.latlon is not None]
        fitting = []
        for pid in others:
            try:
                p = self.gaz.get(pid)
            except Exception:  # noqa: BLE001 - an id the gazetteer no longer has
                continue
            if p.admin1 in self.oblasts or p.latlon is not None and sum(
                    haversine_km(p.latlon, a.latlon) < 150 for a in anchors) >= 2:
                fitting.append(p)  # in an oblast the report names, or among two of its places
        if not fitting:
            return False
        best = max(fitting, key=lambda p: (p.admin1 in self.oblasts, -min(
            (haversine_km(p.latlon, a.latlon) for a in anchors if p.latlon is not None), default=1e9)))
        self.resolved[name] = (best, tuple(i for i in (place.id, *others) if i != best.id), True)
        return True

    def near_spelling(self, m: Mention) -> Mention:
        """A name the gazetteer does not know, read as the one close spelling of a place among the report's places.

        "Lypstsi and Hlybokyi" in a report on Kharkiv Oblast are Lyptsi and Hlyboke: of the places spelt
        alike (skeleton or fuzzy, score >= 0.75), only those in an oblast the report names, or in the oblast of
        (or within 150 km of) a place it names when it names no oblast, count; one name among them is taken,
        several are no guess.
        """
        from geoclaims.places.gazetteer import haversine_km

        anchors = [p for p, _, _ in self.resolved.values() if (p.population or 0) <= 2_500_000]
        regions = sorted(set(self.oblasts) | {p.admin1 for p in anchors if p.admin1})
        if not regions:
            return m

        def fits(p: Any) -> bool:
            if self.oblasts:  # "in the Donetsk region": Maslyakivka is no misspelling of Maslivka in Kharkiv Oblast
                return p.admin1 in self.oblasts
            return p.admin1 in regions or p.latlon is not None and any(
                a.latlon is not None and a.id != p.id and haversine_km(p.latlon, a.latlon) < 150 for a in anchors)

        for cand in dict.fromkeys((m.name, m.text)):
            if len(cand) < 5:
                continue
            matches = list(self.gaz.resolve(cand, region=regions, limit=10).matches)
            matches += self.gaz.resolve(cand, limit=20).matches
            hits = [x for x in matches if x.score >= 0.75 and x.reason in _CLOSE and fits(x.place)]
            if not hits:
                continue
            top = max(x.score for x in hits)
            best = {x.place.id: x.place for x in hits if x.score >= top - 0.02}
            if len({p.name for p in best.values()}) != 1:
                return m  # close to several places: no guess
            name = next(iter(best.values())).name
            if name not in self.resolved:
                places = sorted(best.values(), key=lambda p: (-self._fit(name, p), p.id))
                self.resolved[name] = (places[0], tuple(p.id for p in places[1:]), len(places) > 1)
            return Mention(m.start, m.end, m.text, name, tuple(best), "skeleton")
        return m

    def _far(self, name: str, km: float = 400.0) -> bool:
        """Whether a reading lies farther than `km` from every other place the report names (Pokrovsk in Yakutia)."""
        from geoclaims.places.gazetteer import haversine_km

        place = self.resolved[name][0]
        others = [o for n, (o, _, _) in self.resolved.items() if not self._same_word(n, name) and o.id != place.id
                  and o.latlon is not None and (o.population or 0) <= 2_500_000]
        if place.latlon is None or not others:
            return False
        return all(haversine_km(place.latlon, o.latlon) > km for o in others)

    def has_anchors(self) -> bool:
        """Whether the report names an oblast, or places for two of its words (two readings of one word are not)."""
        if self.oblasts:
            return True
        words = {frozenset(g) for g in self._groups if any(self._located(n) for n in g)}
        words |= {frozenset({n}) for n in self.resolved if self._located(n) and not any(n in g for g in self._groups)}
        return len(words) > 1 and len({p.id for p, _, _ in self.resolved.values()
                                       if p.latlon is not None and (p.population or 0) <= 2_500_000}) > 1

    def _located(self, name: str) -> bool:
        hit = self.resolved.get(name)
        return hit is not None and hit[0].latlon is not None and (hit[0].population or 0) <= 2_500_000

    def _same_word(self, a: str, b: str) -> bool:
        """Whether two names are readings of one word of the report ("Покровськ", "Покровська")."""
        return a == b or any(a in g and b in g for g in self._groups)

    def anchored(self, name: str, *, by_name: bool = True) -> bool:
        """Whether a place lies in an oblast the report names or within 150 km of another place it names (or, with
        `by_name`, is written out as such elsewhere in the report)."""
        from geoclaims.places.gazetteer import haversine_km

        if name not in self.resolved:
            return False
        if by_name and name in self.exact_names and self.exact_names != {name}:
            return True  # "Херсону" when "Херсон" is named too
        place = self.resolved[name][0]
        if place.admin1 in self.oblasts:
            return True
        if place.latlon is None:  # known but unlocated: in the same oblast as another place named
            return bool(place.admin1) and any(o.admin1 == place.admin1 for n, (o, _, _) in self.resolved.items()
                                              if n != name and o.id != place.id)
        for other_name, (other, _, _) in self.resolved.items():
            if (other.population or 0) > 2_500_000:
                continue  # Moscow, Kyiv: where statements come from, not where fighting is
            if not self._same_word(other_name, name) and other.id != place.id and other.latlon is not None and \
                    haversine_km(place.latlon, other.latlon) < 150:
                return True
        return False

    def container(self, place: Any, names: list[str], km: float = 40.0) -> bool:
        """Whether a city that shares its oblast's name (Kursk, Kherson) stands for the oblast: another name of
        the sentence is a place of that oblast farther than `km` from the city ("Kyiv's troops keep operating in
        Kursk ... fighting continued in and around Sudzha")."""
        from geoclaims.places.gazetteer import haversine_km
        from geoclaims.places.names import fold

        if (place.population or 0) < 100_000 or not place.admin1 or place.latlon is None or \
                fold(place.name)[:4] != fold(place.admin1)[:4]:
            return False
        for n in names:
            hit = self.resolved.get(n)
            other = hit[0] if hit else None
            if other is not None and other.id != place.id and other.admin1 == place.admin1 and \
                    other.latlon is not None and haversine_km(place.latlon, other.latlon) > km:
                return True
        return False

    def region_of(self, s: "Sentence") -> Any:
        """The oblast a sentence names, as a Region, or None."""
        for _, _, phrase in s.regions:
            for text in (phrase, phrase.split()[0]):
                found = _regions(text)
                if len(found) == 1:
                    return found[0]
        return None

    def region_in(self, s: str) -> str:
        m = re.search(r"\b([A-Z][a-z]+)\s+(?:Oblast|region)\b|\b([А-ЯІЇЄ][а-яіїє]+)(?:ской|ській|ская|ська|ской|ської)\s+"
                      r"област\w*|(?:Курщин|Харківщин|Харьковщин|Сумщин|Донеччин|Луганщин|Херсонщин|Запоріжж)\w*", s)
        if not m:
            return ""
        found = _regions(m.group(0))
        return found[0].name if found else ""
