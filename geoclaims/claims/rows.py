"""The rows of a claims file become claims: each field checked, each place resolved against the gazetteer.

A row with a bad value becomes a :class:`~geoclaims.errors.ClaimProblem` naming its line, column,
value and what would be valid; place names that match several places are settled by the other
places of the row's statement, of the rows of the weeks around it, or of the file (proximity), or
reported with the candidates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import math
import warnings
from dataclasses import replace
from typing import TYPE_CHECKING, Any, Callable, Mapping, Sequence

from geoclaims.claims.claim import (
    ACTIONS, AREA_BASES, CLAIMANT_SIDES, SIDES, STATUSES, Claim, parse_date, parse_qualifier,
)
from geoclaims.claims.columns import MAX_FIELD_CHARS, MAX_SUGGESTIONS
from geoclaims.claims.formats import _JsonConstant, _kind
from geoclaims.claims.values import _blank, _number_or_none, _parse_number, _scalar, _text
from geoclaims.errors import ClaimProblem, UnknownRegion
from geoclaims.places.names import fold
from geoclaims.places.place import Place

#: An ambiguous name is settled by the places of the rows within this many days of its row before
#: the whole file's (a front is local in time as in space).
WINDOW_DAYS = 30

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.places.gazetteer import Gazetteer


class _RowReader:
    """Turns raw rows into claims; collects problems."""

    def __init__(self, gaz: "Gazetteer", source: str, unit: str, *, accept_fuzzy: bool = False) -> None:
        self.gaz = gaz
        self.accept_fuzzy = accept_fuzzy
        self.suggested = 0
        self.source = source
        self.unit = unit
        from geoclaims.places.regions import RegionTable

        self.regions = RegionTable.default()

    def read(self, rows: list[tuple[int, dict[str, Any], Any]]) -> tuple[list[Claim], list[ClaimProblem]]:
        claims: list[Claim] = []
        problems: list[ClaimProblem] = []
        pending: list[tuple[int, dict, Any, list]] = []
        for line, fields, geom in rows:
            probs: list[ClaimProblem] = []
            parsed = self._fields(line, fields, probs, has_geometry=geom is not None)
            pending.append((line, parsed, geom, probs))
        # places: resolve every name, then settle ambiguous ones by proximity to the file's other places
        resolutions = {}
        for line, parsed, geom, probs in pending:
            if parsed is not None and parsed.get("place_name") and not probs:
                resolutions[line] = self._resolve(line, parsed, probs)
        settled = self._settle(resolutions, self.gaz)
        by_statement = self._settle_by_statement(pending, resolutions, self.gaz)
        wider = self._settle_wider(pending, resolutions, settled, by_statement)
        places: dict[int, Place | None] = {}
        for line, parsed, geom, probs in pending:
            if parsed is None or probs or not parsed.get("place_name"):
                continue
            res = resolutions.get(line)
            if res is None:
                continue
            place, ambiguous = res
            if ambiguous is not None:
                place = by_statement.get(line) or settled.get(_reference(ambiguous)) or wider.get(line)
                if place is None:
                    town = _prominent(ambiguous)
                    if town is None or not self.accept_fuzzy:
                        probs.append(self._ambiguous(line, parsed, ambiguous, town))
                        continue
                    place = town  # a guess: the town most reports of that name mean
                    parsed["_uncertain"] = True
                    warnings.warn(f"{self.source}, {self.unit} {line}: place {parsed['place_name']!r} taken as "
                                  f"{town.label}, a guess: the one town among {len(ambiguous.competitors) + 1} "
                                  "places of that name, which nothing in the file settles", UserWarning, stacklevel=3)
            places[line] = place
        self._check_places(pending, places)
        for line, parsed, geom, probs in pending:
            if parsed is None or probs:
                problems.extend(probs)
                continue
            place = places.get(line)
            try:
                claims.append(Claim(**{k: v for k, v in parsed.items() if not k.startswith("_")},
                                    place=place, geometry=geom, source=self.source, line=line,
                                    place_uncertain=bool(parsed.get("_uncertain"))))
            except (TypeError, ValueError) as e:
                problems.append(self._problem(line, "", "", str(e), parsed.get("claim_id", "")))
        return claims, problems

    def _check_places(self, pending: list, places: dict[int, "Place | None"]) -> None:
        """Rows whose place lies outside their region, or far from every other place of the file, become problems."""
        from geoclaims.places.place_checks import file_outliers, outside_region, statement_outliers

        parsed_by_line = {line: (parsed, probs) for line, parsed, _, probs in pending}
        for line, place in places.items():
            parsed, probs = parsed_by_line[line]
            regions = parsed.get("_regions") or []
            given = parsed["_latlon"] is not None or bool(parsed["_place_id"])
            if place is not None and regions and not parsed.get("_region_slip") \
                    and (given or place.admin1 not in {r.name for r in regions}):
                why = outside_region(self.gaz, place, regions)
                if why:
                    if parsed["_latlon"] is not None:
                        column, value = "lat", "{}, {}".format(*parsed["_latlon"])
                    else:
                        column = "place_id" if parsed["_place_id"] else "place"
                        value = parsed["_place_id"] or parsed["place_name"]
                    probs.append(self._problem(line, column, value, why, parsed["claim_id"]))
        located = {line: p for line, p in places.items() if p is not None and not parsed_by_line[line][1]}
        vouched = _vouched(located, {line: parsed_by_line[line][0] for line in located})
        outliers = file_outliers(located, exempt=vouched)
        for line, why in outliers.items():
            parsed, probs = parsed_by_line[line]
            other = self._reading_near_file(line, parsed, located[line],
                                            [p for ln, p in located.items() if ln not in outliers and p.is_located])
            if other is not None:
                places[line] = other
                continue
            probs.append(self._problem(line, "place", parsed["place_name"] or parsed["_place_id"], why,
                                       parsed["claim_id"]))
        self._check_unplaced(places, parsed_by_line, located, vouched, outliers)
        # a place far from the other places of its own statement (a report's list of neighbouring villages)
        located = {line: p for line, p in places.items()
                   if p is not None and p.is_located and not parsed_by_line[line][1]}
        # a statement is the rows of one claim id, or of one source_url and date (files that give each row
        # an id of its own: X7-008-1, X7-008-2)
        by_id = {line: (repr(parsed_by_line[line][0]["claim_id"]), p) for line, p in located.items()}
        by_page = {line: (f"in {parsed_by_line[line][0]['source_url']} of {parsed_by_line[line][0].get('date')}", p)
                   for line, p in located.items() if parsed_by_line[line][0].get("source_url")}
        far = {**statement_outliers(by_page, exempt=vouched), **statement_outliers(by_id, exempt=vouched)}
        for line, (why, others) in sorted(far.items()):
            parsed, probs = parsed_by_line[line]
            other = self._reading_near_file(line, parsed, located[line], others, within_km=STATEMENT_NEAR_KM,
                                            what="another place of its statement")
            if other is not None:
                places[line] = other
                continue
            probs.append(self._problem(line, "place", parsed["place_name"] or parsed["_place_id"], why,
                                       parsed["claim_id"]))

    def _check_unplaced(self, places: dict[int, "Place | None"], parsed_by_line: dict, located: dict[int, Place],
                        vouched: list[int], outliers: dict) -> None:
        """Rows whose place has no position and whose district lies far from every other place of the file
        (:func:`~geoclaims.places.place_checks.unplaced_outliers`) become problems, unless another certain
        reading of the name lies among the file's places (:meth:`_reading_near_file`)."""
        from geoclaims.places.districts import DistrictCores
        from geoclaims.places.place_checks import unplaced_outliers

        lines = [line for line, p in places.items() if p is not None and not p.is_located
                 and not parsed_by_line[line][1] and not parsed_by_line[line][0]["_place_id"]]
        if not lines:
            return  # the district cores are computed (once per gazetteer) only when a row needs them
        cores = DistrictCores.of(self.gaz)
        unplaced = {line: (places[line], core) for line in lines
                    if (core := cores.rough_position(places[line])) is not None}
        if not unplaced:
            return
        others = {ln: p for ln, p in located.items() if ln not in outliers and p.is_located}
        vouched_lines = set(vouched)
        ids = {p.id for ln, p in places.items() if p is not None and ln in vouched_lines}
        exempt = [ln for ln, (p, _) in unplaced.items() if parsed_by_line[ln][0].get("_regions") or p.id in ids]
        for line, why in unplaced_outliers(unplaced, others, exempt=exempt).items():
            parsed, probs = parsed_by_line[line]
            other = self._reading_near_file(line, parsed, unplaced[line][0], list(others.values()))
            if other is not None:
                places[line] = other
                continue
            probs.append(self._problem(line, "place", parsed["place_name"], why, parsed["claim_id"]))

    def _reading_near_file(self, line: int, parsed: dict[str, Any], far: Place, others: list[Place], *,
                           within_km: float | None = None, what: str = "another place of the file") -> Place | None:
        """Another certain reading of a row's name that lies among the file's places, or None.

        "Demidov" is a town of Smolensk Oblast by its own name, and Demydiv by Kyiv by its Russian
        one (a cognate, a weaker match the lookup ranks below it); in a file about the Kyiv front the
        town is hundreds of kilometres from every other place. Case forms count as readings too:
        "Дзержинска" is one spelling of the Russian town, and the genitive of Дзержинск, Toretsk's
        former name.  The other reading is taken when it
        lies within :data:`~geoclaims.places.place_checks.OUTLIER_MIN_KM` (`within_km`) of another place
        of the file (`others`: for a place far from its own statement, the statement's other places),
        nearer than any other reading, and the row says so in a warning.  A reading with no
        position (a village known only with its district) is weighed from its district's core and,
        when taken, leaves the row unmapped but identified.
        """
        from geoclaims.places.districts import DistrictCores
        from geoclaims.places.gazetteer import haversine_km
        from geoclaims.places.place_checks import OUTLIER_MIN_KM

        name = parsed.get("place_name")
        if not name or parsed["_place_id"] or parsed["_latlon"] is not None or not others:
            return None
        from geoclaims.places.declension import nominatives

        cores = DistrictCores.of(self.gaz)
        best: tuple[float, Place] | None = None
        # the name's own readings, then those of the nominatives it may be a case form of: "Дзержинска"
        # is a stored spelling of the Russian town, so the lookup never tries it as Дзержинск's genitive
        # (Toretsk's former name)
        readings = [m for form in (name, *nominatives(name)) for m in self.gaz.lookup(form, limit=20)]
        for m in readings:
            if m.uncertain or m.place.id == far.id:
                continue
            here = cores.rough_position(m.place)
            if here is None:
                continue
            d = min(haversine_km(here, o.latlon) for o in others)
            if d <= (OUTLIER_MIN_KM if within_km is None else within_km) and (best is None or d < best[0]):
                best = (d, m.place)
        if best is None:
            return None
        warnings.warn(f"{self.source}, {self.unit} {line}: place {name!r} taken as "
                      f"{best[1].label}, {best[0]:.0f} km from {what}: {far.label}, its "
                      "first reading, is far from all of them", UserWarning, stacklevel=5)
        return best[1]

    def _problem(self, line: int, column: str, value: Any, message: str, claim_id: str = "") -> ClaimProblem:
        return ClaimProblem(self.source, line, column, _text(value), message, claim_id, self.unit)

    def _fields(self, line: int, f: Mapping[str, Any], probs: list[ClaimProblem], *,
                has_geometry: bool = False) -> dict[str, Any] | None:
        """The checked fields of one row; None when it cannot be read (a value not text or a number, or too long).

        Problems go to `probs` in a fixed order: the id, who and when, what, where, then what the action
        requires.
        """
        if "__problem__" in f:
            probs.append(self._problem(line, "", "", f["__problem__"]))
            return None
        cid = _text(f.get("claim_id")) if _scalar(f.get("claim_id")) else ""

        def bad(column: str, message: str) -> None:
            probs.append(self._problem(line, column, f.get(column), message, cid))

        probs.extend(self._value_problems(line, f, cid))
        if probs:
            return None
        out: dict[str, Any] = {"claim_id": cid}
        if not cid:
            bad("claim_id", "required: an id for the statement (several rows may share it)")
        _who_and_when(f, out, bad)
        _what(f, out, bad)
        _where(f, out, bad)
        action = out.get("action")
        if action == "area":
            if out["area_km2"] is None and not any(p.column == "area_km2" for p in probs):
                bad("area_km2", "required for action 'area': the figure claimed, in km2")
        elif (action and not out["place_name"] and not out["_place_id"] and not has_geometry
              and out.get("qualifier") != "depth from border"):
            probs.append(self._problem(line, "place", "", f"required for action {action!r} (only 'area' claims "
                                       "and 'depth from border' claims may omit the place)", cid))
        if out["region"]:
            try:
                out["_regions"] = self.regions.resolve(out["region"])
            except UnknownRegion as e:
                by_district = self._district_regions(out["region"])
                slip = None if by_district else self.regions.near_miss(out["region"])
                if by_district:
                    out["_regions"] = by_district
                elif slip is not None:  # "Dosnetsk region": read as the region, and said
                    out["_regions"] = [slip]
                    warnings.warn(f"{self.source}, {self.unit} {line}: region {out['region']!r} read as "
                                  f"{slip.name} (one letter off)", UserWarning, stacklevel=5)
                else:
                    guesses = self.regions.guesses(out["region"])
                    if guesses and out["place_name"] and not out["_place_id"] and out["_latlon"] is None:
                        # read when the place is found in one of them (see _resolve); a problem if not
                        out["_region_guesses"], out["_region_error"] = guesses, str(e)
                    else:
                        bad("region", str(e))
        return out

    def _district_regions(self, text: str) -> list:
        """The regions of the districts a region column names instead of a region ("Дергачевского района",
        "Изюмщине", "Kupiansk raion"), when the district is known and lies in at most two regions."""
        from geoclaims.places.districts import DistrictCores

        names = DistrictCores.of(self.gaz).regions_of(text)
        if not names or len(names) > 2:
            return []
        found = []
        for n in names:
            try:
                found.extend(self.regions.resolve(n))
            except UnknownRegion:  # a gazetteer's own region name the table lacks (a user's gazetteer)
                continue
        return found

    def _value_problems(self, line: int, f: Mapping[str, Any], cid: str) -> list[ClaimProblem]:
        """A problem for each value of the row that is not text or a number, or is too long."""
        out = []
        for column, value in f.items():
            if isinstance(value, _JsonConstant):
                out.append(self._problem(line, column, value, f"JSON {value} is not a value; write null or leave "
                                         "the field out", cid))
            elif not _scalar(value):
                out.append(self._problem(line, column, "", f"expected text or a number, got {_kind(value)}", cid))
            elif isinstance(value, str) and len(value) > MAX_FIELD_CHARS:
                out.append(self._problem(line, column, value[:40] + "...", f"{len(value):,} characters; the limit "
                                         f"is {MAX_FIELD_CHARS:,}", cid))
        return out

    def _resolve(self, line: int, parsed: dict[str, Any], probs: list[ClaimProblem]):
        """(place, competing matches or None), or None after recording a problem."""
        cid = parsed["claim_id"]
        name = parsed["place_name"]
        regions = parsed.get("_regions") or []
        if parsed["_place_id"]:
            try:
                place = self.gaz.get(parsed["_place_id"])
            except KeyError:
                probs.append(self._problem(line, "place_id", parsed["_place_id"],
                                           "no place with this id in the gazetteer", cid))
                return None
            return self._with_coordinates(place, parsed), None
        if parsed.get("_region_guesses"):
            return self._resolve_in_guessed_region(line, parsed, probs)
        region_names = [r.name for r in regions] or None
        res = self.gaz.resolve(name, region=region_names)
        within = f" in {parsed['region']}" if regions else ""
        if regions and parsed["_latlon"] is None and res.best is None:
            town = self._town_across_border(name, regions)
            if town is not None:
                parsed["_region_slip"] = True
                warnings.warn(f"{self.source}, {self.unit} {line}: no place {name!r}{within}; taken as {town.label}, "
                              f"a town of {town.population:,} people just outside it (a front's region in reports "
                              "often spills over an oblast border)", UserWarning, stacklevel=5)
                return town, None
        if res.best is not None and res.best.uncertain:
            if parsed["_latlon"] is not None:  # a guess never beats the user's own coordinates
                res = replace(res, matches=(), ambiguous=False, competitors=())
            elif not self.accept_fuzzy:
                guesses = "; ".join(f"{m.place.name} ({m.place.admin1 or m.place.country}, {m.reason} "
                                    f"{m.score:.2f})" for m in res.matches[:3])
                probs.append(self._problem(
                    line, "place", name, f"no place of this name{within} in the gazetteer; nearest spellings: "
                    f"{guesses}. Correct the spelling, give lat/lon columns to place it yourself, or accept "
                    "guesses with accept_fuzzy=True (CLI: --accept-fuzzy)", cid))
                return None
            else:
                parsed["_uncertain"] = True
                warnings.warn(f"{self.source}, {self.unit} {line}: place {name!r} taken as {res.best.place.label}, "
                              f"a guess ({res.best.reason} match, score {res.best.score:.2f})", UserWarning,
                              stacklevel=5)
        if res.best is None:
            if parsed["_latlon"] is not None:  # a place the user locates: accepted as given
                lat, lon = parsed["_latlon"]
                country = regions[0].country if regions else ""
                return Place(id=f"user:{fold(name).replace(' ', '-')}", name=name, lat=lat, lon=lon,
                             uncertainty_km=0.5, country=country, admin1=regions[0].name if regions else "",
                             sources=(f"coordinates given in {self.source}, {self.unit} {line}",)), None
            self.suggested += 1  # "did you mean" for the first names only: each costs a scan of the index
            suggestions = self.gaz.suggest(name, limit=3) if self.suggested <= MAX_SUGGESTIONS else []
            hint = ("; did you mean: " + ", ".join(f"{m.place.name} ({m.place.admin1 or m.place.country})"
                                                    for m in suggestions)) if suggestions else ""
            probs.append(self._problem(line, "place", name, f"no place of this name{within} in the gazetteer"
                                       f"{hint} (or give lat/lon columns to place it yourself)", cid))
            return None
        if res.ambiguous:
            return None, res
        return self._with_coordinates(res.best.place, parsed), None

    def _town_across_border(self, name: str, regions: Sequence[Any]) -> Place | None:
        """The one town named `name` (:data:`TOWN_POPULATION` people or more, a certain match) of another
        region of the same country that lies within :data:`TOWN_ACROSS_BORDER_KM` of the outline of the row's
        region (Natural Earth's oblasts, :mod:`geoclaims.places.boundaries`), or None.

        Reports name a front by the oblast of its fighting: "Huliaipole in the Donetsk region" (the
        town is in Zaporizhzhia Oblast, 28 km from the Donetsk border), "Kupiansk, Luhansk region".  When
        the region has no place of the name, not even a guess, a town just across its border is what the
        report means. Not taken so: a village (a village missing from the region may share its name with
        one across the border), a town of another country (Donetsk of Rostov Oblast for "Donetsk, Luhansk
        Oblast"), and a "town" with a more populous place within :data:`TOWN_DISTRICT_KM` (a city's
        district that GeoNames counts on its own: Oleksiivka and Saltivka of Kharkiv). The row's region
        does not vouch for the town (the file's outlier checks apply)."""
        from shapely.geometry import Point
        from shapely.ops import nearest_points

        from geoclaims.places.boundaries import region_shape
        from geoclaims.places.gazetteer import haversine_km

        res = self.gaz.resolve(name)
        if res.best is None:
            return None
        countries = {r.country for r in regions}
        towns = {m.place.id: m.place for m in (res.best, *res.competitors)
                 if not m.uncertain and m.place.is_located and (m.place.population or 0) >= TOWN_POPULATION
                 and m.place.country in countries}
        towns = {k: t for k, t in towns.items()
                 if not any((n.place.population or 0) > (t.population or 0)
                            for n in self.gaz.nearest(t.lat, t.lon, k=8, max_km=TOWN_DISTRICT_KM))}
        if not towns:
            return None
        shapes = []
        for r in regions:
            try:
                shapes.append(region_shape(r.name, country=r.country))
            except UnknownRegion:  # a region with no bundled outline: nothing to measure from
                return None
        near = []
        for town in towns.values():
            here = Point(town.lon, town.lat)
            edges = [nearest_points(shape, here)[0] for shape in shapes]
            if min(haversine_km(town.latlon, (q.y, q.x)) for q in edges) <= TOWN_ACROSS_BORDER_KM:
                near.append(town)
        return near[0] if len(near) == 1 else None

    def _resolve_in_guessed_region(self, line: int, parsed: dict[str, Any], probs: list[ClaimProblem]):
        """A row whose region column is no region the table knows ("Sumyn alueella", "donyecki régióban"):
        its place when the name is found, with no guess, in one of the regions the text most resembles
        (:meth:`~geoclaims.places.regions.RegionTable.guesses`), said in a warning; otherwise the region is
        the row's problem, as before.  The region stays a guess: the row is not vouched for, so the
        file's outlier checks still apply to it."""
        guesses = parsed["_region_guesses"]
        name = parsed["place_name"]
        res = self.gaz.resolve(name, region=[r.name for r in guesses])
        if res.best is None or res.best.uncertain:
            probs.append(self._problem(line, "region", parsed["region"], parsed["_region_error"],
                                       parsed["claim_id"]))
            return None
        found = res.best.place.admin1 if not res.ambiguous else ", ".join(dict.fromkeys(
            m.place.admin1 for m in (res.best, *res.competitors)))
        warnings.warn(f"{self.source}, {self.unit} {line}: region {parsed['region']!r} is no region the table "
                      f"knows; read as {found}, the region it most resembles in which {name!r} is found",
                      UserWarning, stacklevel=5)
        if res.ambiguous:
            return None, res
        return res.best.place, None

    def _with_coordinates(self, place: Place, parsed: dict[str, Any]) -> Place:
        if parsed["_latlon"] is None or parsed["_latlon"] == (place.lat, place.lon):
            return place
        lat, lon = parsed["_latlon"]
        return replace(place, lat=lat, lon=lon, uncertainty_km=place.uncertainty_km or 0.5,
                       location_note=f"coordinates given in {self.source}")

    @staticmethod
    def _settle_by_statement(pending: list, resolutions: dict[int, Any], gaz: "Gazetteer") -> dict[int, Place]:
        """Ambiguous names settled by the other places of their own statement (the rows that share its
        ``claim_id``, or its ``source_url`` and date), or by each other when all of them lie together and
        their namesakes do not (:func:`~geoclaims.places.geocoding.settle_together`), else by those of the rows within
        :data:`WINDOW_DAYS` of it.  A village named with others in one statement lies near them, and a
        file that covers two fronts (a Kostiantynivka by Marinka in 2023, the town by Bakhmut in 2025)
        cannot settle it as a whole: the statement, or the weeks around it, can.  Each row is settled on
        its own; rows it leaves are settled by the whole file (:meth:`_settle`)."""
        if not any(res is not None and res[1] is not None for res in resolutions.values()):
            return {}  # no ambiguous row: nothing to settle
        usable = {ln: parsed for ln, parsed, _, _ in pending
                  if parsed is not None and resolutions.get(ln) is not None}
        # anchors: rows with one certain, located place
        anchor = {ln: resolutions[ln][0] for ln, parsed in usable.items()
                  if resolutions[ln][1] is None and resolutions[ln][0].is_located and not parsed.get("_uncertain")}
        anchor = _without_outliers(anchor)
        groups: dict[tuple, list[int]] = {}
        for ln, parsed in usable.items():
            if parsed.get("claim_id"):
                groups.setdefault(("id", parsed["claim_id"]), []).append(ln)
            if parsed.get("source_url"):
                groups.setdefault(("url", parsed["source_url"], str(parsed.get("date"))), []).append(ln)
        out: dict[int, Place] = {}
        for lines in groups.values():
            near = list({anchor[o].id: anchor[o] for o in lines if o in anchor}.values())
            for ln in lines:
                if resolutions[ln][1] is not None and ln not in out:
                    place = _nearest_candidate(resolutions[ln][1], near, gaz)
                    if place is not None:
                        out[ln] = place
            # the statement's names that its certain places leave open, settled by each other: "Sloboda and
            # Lukashivka", two villages that lie together, each with a namesake far off
            left = [ln for ln in lines if resolutions[ln][1] is not None and ln not in out]
            if left:
                from geoclaims.places.geocoding import settle_together

                for ln, place in zip(left, settle_together([resolutions[ln][1] for ln in left], near, gazetteer=gaz)):
                    if place is not None:
                        out[ln] = place
        # then by the places of the file's rows within WINDOW_DAYS of the row: a front is local in time
        # as in space, and a file that follows two fronts over the years is one front at a time
        days = sorted((parsed["date"].toordinal(), ln) for ln, parsed in usable.items()
                      if isinstance(parsed.get("date"), dt.date) and ln in anchor)
        ordinals = [d for d, _ in days]
        for ln, parsed in usable.items():
            if resolutions[ln][1] is None or ln in out or not isinstance(parsed.get("date"), dt.date):
                continue
            day = parsed["date"].toordinal()
            lo, hi = bisect.bisect_left(ordinals, day - WINDOW_DAYS), bisect.bisect_right(ordinals, day + WINDOW_DAYS)
            near = list({anchor[o].id: anchor[o] for _, o in days[lo:hi]}.values())
            place = _nearest_candidate(resolutions[ln][1], near, gaz)
            if place is not None:
                out[ln] = place
        return out

    def _settle_wider(self, pending: list, resolutions: dict[int, Any], settled: dict, by_statement: dict[int, Place]
                      ) -> dict[int, Place]:
        """Ambiguous names that neither their statement, their weeks nor the file settles among their best
        matches, settled again among every certain reading of the name (in the row's region, if it gives one).

        "Pavlovka" answers first with the Pavlovkas of Russia that bear that name and the Ukrainian villages
        whose Russian name it is (Pavlivka, a cognate) rank just below them; in a file about the front by
        Vuhledar none of the Russian ones lies near the other places, while Pavlivka of the old Marinka raion
        does.  The readings compete as equals here, by the same proximity rules (the statement first, then
        the weeks around the row, then the file; the nearest wins only when it is at most half as far as
        the next, and within :data:`~geoclaims.places.geocoding.PROXIMITY_MAX_KM` of a place of the file),
        as :meth:`_reading_near_file` takes another reading of a name far from every other place.  With more
        readings in play, a reading is taken only when the statement (or its weeks) and the file do not
        choose different ones: a Sumy "Alekseyevka" named beside a misread "Konstantinovka" (the Donetsk
        town) must not follow that town's weeks to Donetsk Oblast when the file's nearest places say Sumy.
        """
        from geoclaims.places.geocoding import all_readings

        widened = dict(resolutions)
        changed = []
        parsed_by_line = {ln: p for ln, p, _, _ in pending}
        for line, res in resolutions.items():
            if res is None or res[1] is None or line in by_statement or _reference(res[1]) in settled:
                continue
            regions = [r.name for r in parsed_by_line[line].get("_regions") or []] or None
            wide = all_readings(self.gaz, res[1], region=regions)
            if wide is None:
                continue  # no reading beyond those already weighed
            widened[line] = (None, wide[0])
            changed.append(line)
        if not changed:
            return {}
        again = self._settle(widened, self.gaz)
        by_statement = self._settle_by_statement(pending, widened, self.gaz)
        out = {}
        for line in changed:
            near = by_statement.get(line), again.get(_reference(widened[line][1]))
            found = {p.id: p for p in near if p is not None}
            if len(found) == 1:  # the statement or its weeks, and the file, agree (or only one of them speaks)
                out[line] = next(iter(found.values()))
        return out

    @staticmethod
    def _settle(resolutions: dict[int, Any], gaz: "Gazetteer") -> dict[tuple[str, tuple[str, ...]], Place]:
        """Ambiguous names the file's other places settle, as :func:`geoclaims.places.geocoding.geocode_all` does."""
        from geoclaims.places.gazetteer import Resolution
        from geoclaims.places.geocoding import settle_by_proximity
        from geoclaims.places.place import Match

        refs: dict[Any, Resolution] = {}
        for res in resolutions.values():
            if res is None:
                continue
            place, ambiguous = res
            if ambiguous is not None:
                refs[_reference(ambiguous)] = ambiguous
            elif place.is_located:
                refs[place.id] = Resolution(place.name, (Match(place, 1.0, "exact", place.name),), False)
        kept = _without_outliers({k: r.best.place for k, r in refs.items() if not r.ambiguous})
        refs = {k: r for k, r in refs.items() if r.ambiguous or k in kept}
        chosen = {k: (r.best, r.ambiguous, "") for k, r in refs.items()}
        settle_by_proximity(refs, chosen, gazetteer=gaz)
        return {k: chosen[k][0].place for k, r in refs.items() if r.ambiguous and not chosen[k][1]}

    def _ambiguous(self, line: int, parsed: dict[str, Any], res: Any, town: Place | None = None) -> ClaimProblem:
        competing = (res.best, *res.competitors)
        cands = "; ".join(f"{m.place.label} [{m.place.id}]" for m in competing)
        likeliest = (f"; the likeliest is the town, {town.label} (population {town.population:,}): accept it "
                     "as a guess with accept_fuzzy=True (CLI: --accept-fuzzy)") if town is not None else ""
        return self._problem(
            line, "place", parsed["place_name"],
            f"ambiguous: {len(competing)} places match ({cands}); add a place_id column with the intended id, "
            f"or a region{likeliest}", parsed["claim_id"],
        )


#: How near the other places of its statement another reading of a row far from them must lie to be taken.
STATEMENT_NEAR_KM = 50.0

#: A town is the likeliest meaning of a name it shares with villages when it has at least this many
#: people and this many times more than any namesake (see :func:`_prominent`).
TOWN_POPULATION = 10_000
TOWN_RATIO = 10
#: A town this near the boundary of the region its row names, where that region has no place of its name,
#: is the place the row means (see :meth:`_RowReader._town_across_border`): Huliaipole lies 28 km from
#: Donetsk Oblast, Pokrovsk 20 km from Dnipropetrovsk Oblast, Kupiansk 23 km from Luhansk Oblast.
TOWN_ACROSS_BORDER_KM = 30.0
#: ... unless a more populous place lies this near it: then it is a district of that city (Kharkiv's Saltivka).
TOWN_DISTRICT_KM = 10.0


def _prominent(res: Any) -> Place | None:
    """The one located town among an ambiguous name's places, or None.

    A name shared by a town of :data:`TOWN_POPULATION` people or more and villages (Horodnia, the
    district town, and a village of Ichnia district) most often means the town in a report; it is the
    likeliest reading when nothing in the file settles the name, and is offered as a guess only.
    """
    matches = [res.best, *res.competitors]
    pops = sorted(((m.place.population or 0), i) for i, m in enumerate(matches))
    top, i = pops[-1]
    runner_up = pops[-2][0] if len(pops) > 1 else 0
    town = matches[i].place
    if top >= TOWN_POPULATION and top >= TOWN_RATIO * max(runner_up, 1) and town.is_located:
        return town
    return None


def _vouched(located: Mapping[int, Place], parsed: Mapping[int, Mapping[str, Any]]) -> list[int]:
    """The rows whose place the file vouches for: far from every other place of the file, they are warned
    about (:class:`~geoclaims.places.place_checks.FarPlaceWarning`), not refused.

    A row vouches for its place when its ``region`` column names the region the place lies in (a place
    outside its row's region is a problem of its own; a town taken just across the region's border,
    :meth:`_RowReader._town_across_border`, is not vouched for), and then for every row of the file that names the
    same place: "Krynky, Kherson Oblast" in one row of a file about several fronts says which Krynky the
    four rows that name it with no region mean.
    """
    ids = {p.id for line, p in located.items() if parsed[line].get("_regions") and not parsed[line].get("_region_slip")}
    return [line for line, p in located.items() if p.id in ids]


def _without_outliers(anchors: dict) -> dict:
    """`anchors` (key -> located Place) without those far from all the others (the file outliers, which
    become problems later): a wrong reading (a caption's "Berdychiv", the Zhytomyr town, in a file about the
    Avdiivka front) must not pull an ambiguous name towards it first."""
    from geoclaims.places.place_checks import file_outliers

    far = file_outliers(anchors)
    return {k: p for k, p in anchors.items() if k not in far}


def _nearest_candidate(res: Any, anchors: list[Place], gaz: "Gazetteer") -> Place | None:
    """The candidate of an ambiguous lookup that :func:`~geoclaims.places.geocoding.settle_by_proximity`
    picks among `anchors` (certain places), or None."""
    if not anchors:
        return None
    from geoclaims.places.gazetteer import Resolution
    from geoclaims.places.geocoding import settle_by_proximity
    from geoclaims.places.place import Match

    refs: dict[Any, Any] = {"?": res}
    refs.update({p.id: Resolution(p.name, (Match(p, 1.0, "exact", p.name),), False) for p in anchors})
    chosen = {k: (r.best, r.ambiguous, "") for k, r in refs.items()}
    settle_by_proximity(refs, chosen, gazetteer=gaz)
    return None if chosen["?"][1] else chosen["?"][0].place


def _reference(res: Any) -> tuple[str, tuple[str, ...]]:
    """Key of an ambiguous lookup: the name and the candidates it could mean."""
    return res.query, tuple(m.place.id for m in (res.best, *res.competitors))


# -- the fields of a row, by topic; `bad(column, message)` records a problem of the row -----------------

def _who_and_when(f: Mapping[str, Any], out: dict[str, Any], bad: Callable[[str, str], None]) -> None:
    """``claimant``, ``date`` and ``date_precision``."""
    for column in ("claimant",):
        out[column] = _text(f.get(column))
        if not out[column]:
            bad(column, "required: who made the claim (e.g. 'Russian MoD', 'ISW')")
    date = f.get("date")
    if _blank(date):
        bad("date", "required; expected YYYY-MM-DD (a day) or YYYY-MM (a month)")
    else:
        try:
            out["date"], out["date_precision"] = parse_date(date if not isinstance(date, str) else date.strip())
        except ValueError as e:
            bad("date", str(e).split("; ", 1)[-1])


def _what(f: Mapping[str, Any], out: dict[str, Any], bad: Callable[[str, str], None]) -> None:
    """The sides, action, status and qualifier, and the figures (distance, area)."""
    out["claimant_side"] = _choice(f, bad, "claimant_side", CLAIMANT_SIDES)
    out["side"] = _choice(f, bad, "side", SIDES)
    out["action"] = _choice(f, bad, "action", ACTIONS)
    out["status"] = _choice(f, bad, "status", STATUSES)
    try:
        out["qualifier"] = parse_qualifier(_text(f.get("qualifier")) or None)
    except ValueError as e:
        bad("qualifier", str(e).split("; ", 1)[-1])
    out["distance_km"] = _number(f, bad, "distance_km")
    out["area_km2"] = _number(f, bad, "area_km2")
    out["area_basis"] = _choice(f, bad, "area_basis", AREA_BASES, required=out.get("action") == "area")


def _where(f: Mapping[str, Any], out: dict[str, Any], bad: Callable[[str, str], None]) -> None:
    """The place (name, id, region, coordinates) and the texts (source, note)."""
    out["place_name"] = _text(f.get("place"))
    out["_place_id"] = _text(f.get("place_id"))
    out["region"] = _text(f.get("region"))
    out["source_url"] = _text(f.get("source_url"))
    out["note"] = _text(f.get("note"))
    lat, lon = _number_or_none(f.get("lat")), _number_or_none(f.get("lon"))
    if (lat is None) != (lon is None) or (lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180)):
        bad("lat" if lat is None or not -90 <= lat <= 90 else "lon",
            "lat and lon go together: WGS84 decimal degrees, lat in [-90, 90], lon in [-180, 180]")
    out["_latlon"] = (lat, lon) if lat is not None and lon is not None else None


def _choice(f: Mapping[str, Any], bad: Callable[[str, str], None], column: str, valid: Sequence[str], *,
            required: bool = True, fold_case: bool = True) -> str:
    """The valid option `column` names ('' when blank or unknown, and then a problem unless optional)."""
    v = _text(f.get(column))
    if not v:
        if required:
            bad(column, f"required; valid: {', '.join(valid)}")
        return ""
    for option in valid:
        if v == option or (fold_case and v.lower() == option.lower()):
            return option
    bad(column, f"unknown value; valid: {', '.join(valid)}")
    return ""


def _number(f: Mapping[str, Any], bad: Callable[[str, str], None], column: str) -> float | None:
    """`column` as a finite number >= 0, or None when blank or bad (and then a problem)."""
    v = f.get(column)
    if _blank(v):
        return None
    x, why = _parse_number(v)
    if why:
        bad(column, why)
        return None
    if not math.isfinite(x) or x < 0:
        bad(column, "must be a number >= 0")
        return None
    return x
