"""The GeoNames postal-code places in the bundled gazetteer (used by ``build.py``).

- :func:`refresh_sources` copies the rows of the front regions from full GeoNames postal files
  (``RU.txt``, ``UA.txt``) into ``sources/geonames-postal/`` (gzipped, byte-for-byte rows);
- :func:`load_postal` reads those copies into places (:mod:`geoclaims.places.postal`), testing each
  position against the bundled oblast outlines;
- :func:`merge_postal` merges them with the GeoNames ``cities500`` and theatre places: one place
  per settlement, the better position kept, every disagreement recorded.
"""

from __future__ import annotations

import functools
import gzip
import re
from dataclasses import replace
from pathlib import Path

from geoclaims.places.gazetteer import haversine_km
from geoclaims.places.names import fold
from geoclaims.places.place import Place
from geoclaims.places.postal import postal_places, read_postal_rows
from geoclaims.places.regions import RegionTable

HERE = Path(__file__).resolve().parent
POSTAL_DIR = HERE / "sources" / "geonames-postal"
#: The regions the bundled gazetteer takes from the postal files: the oblasts of the war and of the
#: border on the Russian side, and all of Ukraine.
POSTAL_REGIONS = {"RU": ("Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast"), "UA": ("Ukraine",)}
#: A postal place and a same-named place of another source within this distance (plus both
#: uncertainties) are one settlement.
MERGE_KM = 4.0
#: Theatre and postal positions of one village farther apart than this are a disagreement.
DISAGREE_KM = 1.5


def refresh_sources(folder: Path) -> list[str]:
    """Copy the front regions' rows of ``folder/RU.txt`` and ``folder/UA.txt`` into the repository."""
    from geoclaims.places.postal import _region_name, _region_names

    POSTAL_DIR.mkdir(parents=True, exist_ok=True)
    out = []
    for country, regions in POSTAL_REGIONS.items():
        keep = _region_names(regions)
        src = folder / f"{country}.txt"
        lines = src.read_text(encoding="utf-8").splitlines(keepends=True)
        rows = read_postal_rows(src)
        by_line = {r.line: r for r in rows}
        kept = [ln for n, ln in enumerate(lines, start=1)
                if n in by_line and (_region_name(by_line[n]) or ("", ""))[1] in keep]
        target = POSTAL_DIR / f"{country}.txt.gz"
        target.write_bytes(gzip.compress("".join(kept).encode("utf-8"), compresslevel=9, mtime=0))
        out.append(f"{target.relative_to(HERE)}: {len(kept)} of {len(lines)} rows of {src}")
    return out


@functools.lru_cache(maxsize=1)
def _outlines() -> dict[str, object]:
    """Region name -> its outline grown by ~6-9 km: Natural Earth's 1:10m lines are generalised, and a
    border village (Novenke, Sumy Oblast) must not fall out; the test is for gross mismatches."""
    import json

    import shapely

    data = json.loads((HERE.parent / "boundaries" / "admin1.geojson").read_text(encoding="utf-8"))
    table = RegionTable.default()
    out = {}
    for f in data["features"]:
        p = f["properties"]
        region = table.by_code(p["country"], p["admin1"])
        if region is not None:
            geom = shapely.geometry.shape(f["geometry"]).buffer(0.08)
            shapely.prepare(geom)
            out[region.name] = geom
    return out


def in_region(place: Place) -> bool:
    """Whether a located place lies in (or within ~6-9 km of) its oblast's outline."""
    import shapely

    shape = _outlines().get(place.admin1)
    return shape is None or bool(shape.contains(shapely.Point(place.lon, place.lat)))


def load_postal() -> tuple[list[Place], list[str], dict]:
    """Postal places of the committed copies, the build log, and counts for SOURCES.md."""
    rows = []
    counts: dict[str, int] = {}
    for country in POSTAL_REGIONS:
        part = read_postal_rows(POSTAL_DIR / f"{country}.txt.gz")
        counts[f"postal_rows_{country}"] = len(part)
        rows += part
    places, report = postal_places(rows, region_check=in_region)
    counts.update(postal_places=len(places), postal_located=report.located, postal_unlocated=report.unlocated,
                  postal_not_places=len(report.not_places), postal_demoted=len(report.demoted),
                  postal_accuracy1_rows=sum(1 for r in rows if r.accuracy == 1))
    return places, report.lines(), counts


def _district_key(text: str) -> str:
    from geoclaims.places.regions import _region_keys

    # shortest first, then alphabetical: a set has no order, and the build must not depend on hash seeds
    keys = sorted(_region_keys(text.split(",")[0].replace("raion", "").replace("district", "")), key=lambda k: (len(k), k))
    return keys[0] if keys else ""


def _keys(p: Place) -> set[str]:
    return {fold(n) for n in (p.name, *p.aliases) if fold(n)}


def merge_postal(places: list[Place], postal: list[Place]) -> tuple[list[Place], list[str], list[dict]]:
    """Merge postal places into `places` (GeoNames cities500 + theatre + claim places).

    - a located postal place and a same-named place of the same country within MERGE_KM (plus
      uncertainties) are one: the other source keeps its id and position (cities500 0.5 km, the
      theatre's infobox 0.1 km) and gains the postal names, district and source;
    - an unlocated theatre or claim place of the same name, oblast and district as exactly one
      located postal place takes its position (with both sources);
    - an unlocated postal place with the name of a place of its district is that place; one with the
      name of another place of its oblast is not added (a namesake with no position would make the
      name ambiguous with nothing to settle it: it is counted in the log), unless every such place is a
      curated row far from its district (:func:`_far_namesakes`);
    - everything else is added.

    Returns the places, the build log and the cross-check rows (theatre vs postal positions).
    """
    out = list(places)
    index: dict[tuple[str, str], list[int]] = {}
    for i, p in enumerate(out):
        for k in _keys(p):
            index.setdefault((p.country, k), []).append(i)
    log: list[str] = []
    checks: list[dict] = []
    added: list[Place] = []
    located_postal: dict[tuple[str, str, str, str], list[Place]] = {}
    for q in postal:
        if q.is_located:
            for k in _keys(q):
                located_postal.setdefault((q.country, q.admin1, _district_key(q.admin2), k), []).append(q)
    cores = _district_cores(postal)
    districts: dict[int, list[Place]] = {}  # place with no district of its own -> the postal places merged into it
    used: set[str] = set()
    named: set[tuple[str, str, str]] = set()  # (country, admin1, key) of the postal places added
    skipped = 0
    # 1. unlocated curated places located by one postal place of the same name and district
    for i, p in enumerate(out):
        if p.is_located or not p.admin2:
            continue
        cands = {q.id: q for k in _keys(p) for q in located_postal.get((p.country, p.admin1, _district_key(p.admin2), k), ())}
        if len(cands) != 1:
            if len(cands) > 1:
                log.append(f"postal: {p.id} not located: {len(cands)} postal places of that name in {p.admin2}")
            continue
        (q,) = cands.values()
        out[i] = replace(p, lat=q.lat, lon=q.lon, uncertainty_km=q.uncertainty_km,
                         aliases=tuple(dict.fromkeys((*p.aliases, *(a for a in (q.name, *q.aliases) if a != p.name)))),
                         sources=(*p.sources, *q.sources),
                         location_note=f"{q.location_note} (same name in {p.admin2} district: {q.id})")
        used.add(q.id)
        log.append(f"postal: located {p.id} from {q.id} ({q.lat}, {q.lon})")
    # 2. every postal place: the same settlement as a place we have, or a new one
    for q in postal:
        if q.id in used:
            continue
        near = sorted({i for k in _keys(q) for i in index.get((q.country, k), ())})
        target = None
        if q.is_located:
            dists = [(haversine_km(q.latlon, out[i].latlon), i) for i in near if out[i].is_located]
            dists = [(d, i) for d, i in dists if d <= MERGE_KM + q.uncertainty_km + (out[i].uncertainty_km or 0)]
            if not dists:  # a town's post offices placed off the town by GeoNames (Volnovakha's, 28 km away)
                target = _town_of_offices(q, near, out, cores)
                if target is not None:
                    log.append(f"postal: {q.id} merged into the town {out[target].id}, "
                               f"{haversine_km(q.latlon, out[target].latlon):.0f} km from its postal position")
            if dists:
                d, target = min(dists)
                p = out[target]
                if _curated(p):
                    checks.append(_check(p, q, d))
                    if p.location_note.startswith("point-radius") and q.uncertainty_km < p.uncertainty_km \
                            and d <= p.uncertainty_km:
                        # the postal point lies within the statements' circle and is more precise
                        out[target] = replace(p, lat=q.lat, lon=q.lon, uncertainty_km=q.uncertainty_km,
                                              location_note=f"{q.location_note}; agrees with the {p.location_note} "
                                              f"({d:.1f} km from its centre, within its {p.uncertainty_km} km)")
                        log.append(f"postal: {p.id} takes the position of {q.id}: {d:.1f} km from the "
                                   f"statements' centre, inside their {p.uncertainty_km} km")
        else:
            same = [i for i in near if out[i].admin1 == q.admin1]
            # a town with no district of its own goes on as if it had its first merged postal place's
            district = [i for i in same if not (out[i].admin2 or i in districts)
                        or _district_key(out[i].admin2 or districts[i][0].admin2) == _district_key(q.admin2)]
            if district:
                target = district[0]
            elif (same and not _far_namesakes([out[i] for i in same], cores.get(_core_key(q))))\
                    or any(k in named for k in ((q.country, q.admin1, k) for k in _keys(q))):
                # a namesake with no position would make the name ambiguous with nothing to settle it
                # (and a curated row under its 2020 raion is often this very place under its old one)
                skipped += 1
                continue
        if target is None:
            added.append(q)
            named.update((q.country, q.admin1, k) for k in _keys(q))
            continue
        p = out[target]
        if not p.admin2:  # set after the loop, from all the postal places merged into it
            districts.setdefault(target, []).append(q)
        out[target] = replace(
            p, aliases=tuple(dict.fromkeys((*p.aliases, *(a for a in (q.name, *q.aliases) if a != p.name)))),
            sources=tuple(dict.fromkeys((*p.sources, *q.sources))),
        )
    for target, qs in districts.items():  # a GeoNames town takes the district of its own post offices
        p = out[target]
        admin2 = _own_district(p, qs, cores)
        if admin2 and not p.admin2:
            out[target] = replace(p, admin2=admin2)
    # theatre places with a position of their own and a same-named postal place that was not merged
    for p in out:
        if _curated(p) and p.is_located and "postal" not in " ".join(p.sources):
            for k in _keys(p):
                for q in located_postal.get((p.country, p.admin1, _district_key(p.admin2), k), ()):
                    checks.append(_check(p, q, haversine_km(p.latlon, q.latlon)))
    log.append(f"postal: {skipped} unlocated postal places not added: their oblast has a place of that name")
    log += [f"postal: theatre vs postal: {c['place_id']} {c['distance_km']} km from {c['postal_id']} ({c['verdict']})"
            for c in checks if c["verdict"].startswith("disagree")]
    return out + added, log, checks


#: A postal place with this many post codes or more is a town's offices (Volnovakha: 85700-85703).
TOWN_OFFICES = 2
#: ... and is the GeoNames town of its name, of at least this many people, within NAMESAKE_KM of its district's core.
TOWN_POPULATION = 5_000


def _town_of_offices(q: Place, near: list[int], out: list[Place], cores: dict) -> int | None:
    """The index of the one GeoNames town that postal place `q`, a town's post offices (two codes or more), is:
    the only populated place of its name in its oblast with TOWN_POPULATION people or more, lying within NAMESAKE_KM
    of the core of `q`'s district; or None."""
    codes = set(re.findall(r"\b\d{5}\b", " ".join(q.sources)))
    core = cores.get(_core_key(q))
    if len(codes) < TOWN_OFFICES or core is None:
        return None
    towns = [i for i in near if out[i].admin1 == q.admin1 and out[i].id.startswith("geonames:")
             and (out[i].population or 0) >= TOWN_POPULATION and out[i].is_located]
    if len(towns) != 1 or haversine_km(out[towns[0]].latlon, core) > NAMESAKE_KM:
        return None
    return towns[0]


#: How far a curated village must lie from the core of an unlocated postal namesake's district for the
#: two to be different villages (both kept): Dovhenke of Izium raion and Dovhenke of Velykyi Burluk raion.
NAMESAKE_KM = 45.0


def _core_key(p: Place) -> tuple[str, str, str]:
    return p.country, p.admin1, _district_key(p.admin2)


def _district_cores(places: list[Place]) -> dict[tuple[str, str, str], tuple[float, float]]:
    """The median position of each district's located places (three or more), by (country, admin1, district key)."""
    import statistics

    groups: dict[tuple[str, str, str], list[tuple[float, float]]] = {}
    for q in places:
        if q.is_located and q.admin2:
            groups.setdefault(_core_key(q), []).append(q.latlon)
    return {k: (statistics.median(a for a, _ in v), statistics.median(b for _, b in v))
            for k, v in groups.items() if len(v) >= 3}


def _far_namesakes(same: list[Place], core: tuple[float, float] | None) -> bool:
    """Whether an unlocated postal place is a village of its own beside `same`, the places of its name
    elsewhere in its oblast: they are all curated and located at least :data:`NAMESAKE_KM` from the core
    of its district (a curated row must not delete a namesake; a near one is more likely this very place
    under the 2020 raion's name)."""
    return core is not None and all(
        _curated(p) and p.is_located and haversine_km(p.latlon, core) >= NAMESAKE_KM for p in same)


def _own_district(p: Place, merged: list[Place], cores: dict) -> str:
    """The district of `p` (a GeoNames place, which has none) from the postal places merged into it: the
    first one's, unless the core of that district lies more than :data:`NAMESAKE_KM` from `p` ("" when
    every one does).

    GeoNames' postal file places some villages on a same-named town (a post office of Sloviansk raion
    named Donetsk sits on the city of Donetsk): taking the first merged row's district unchecked
    labelled the city "Slovianskyi", and Shevchenkove of Kupiansk raion "Velykoburlutskyi"."""
    for q in merged:
        core = cores.get(_core_key(q))
        if core is None or not p.is_located or haversine_km(p.latlon, core) <= NAMESAKE_KM:
            return q.admin2
    return ""


def _curated(p: Place) -> bool:
    """A place of the curated theatre table (merged into a GeoNames place or not)."""
    return any(s.startswith("geoclaims theatre table") for s in p.sources)


def _check(p: Place, q: Place, d: float) -> dict:
    if d <= DISAGREE_KM:
        verdict = "agree"
    elif p.location_note.startswith("point-radius") and d <= (p.uncertainty_km or 0):
        verdict = "postal point inside the statements' circle: postal position taken"
    elif d <= MERGE_KM + (p.uncertainty_km or 0) + q.uncertainty_km:
        verdict = "disagree: merged, theatre position kept"
    else:
        verdict = "disagree: kept apart"
    return {"place_id": p.id, "name": p.name, "district": p.admin2, "theatre_lat": p.lat, "theatre_lon": p.lon,
            "theatre_uncertainty_km": p.uncertainty_km, "postal_id": q.id, "postal_lat": q.lat, "postal_lon": q.lon,
            "distance_km": round(d, 2), "verdict": verdict}
