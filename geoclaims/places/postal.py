"""GeoNames postal-code files as places: one place per settlement, not per post office.

The GeoNames postal exports (``RU.txt``, ``UA.txt``: https://download.geonames.org/export/zip/)
list every post office with its place name, region, district and a position.  They reach far
below ``cities500`` (the villages of the front), but they are post offices, not places:

- a town has one row per office ("Курск", "Курск 1", ... "Курск 48"); a village office may serve
  several villages and a village without an office is absent;
- ``accuracy`` 4 means GeoNames matched the name to one of its places in that district and took
  its position; ``accuracy`` 1 means the position is an average of neighbouring postcodes, not
  the place's own (kilometres to hundreds of kilometres off); ``accuracy`` 3 rows share the
  position of another place of their postcode (measured against ``cities500``: half are more than
  5 km off), so they are treated like accuracy 1;
- the matching picks the wrong namesake now and then ("Петровское" of Kursk Oblast placed in
  Tula Oblast, "Байрак" of Vovchansk district west of Kharkiv).

:func:`postal_places` turns the rows into :class:`~geoclaims.places.place.Place` objects:

1. post offices that are not places (postal wagons, sorting centres) are dropped; numbered
   offices ("Курск 12") join their town; a parenthesised council ("Замулівка (Рубіжненська
   сільрада)") tells namesakes of one district apart;
2. rows are grouped by (country, region, district, name, council); the positioned rows of a group
   (accuracy 4) whose points lie within :data:`CLUSTER_KM` of each other are one place;
3. a position outside its stated region (``region_check``), or far from the other places of its
   district (more than :data:`DISTRICT_OUTLIER_KM` and :data:`DISTRICT_OUTLIER_FACTOR` times the
   district's median spread), or shared with a same-named place of another district, is a wrong
   match: that place is kept *known but unlocated* and the reason is reported;
4. a group with only accuracy-1 (or 3) rows is a place known by name, never located from the
   average.

Every place keeps its postcodes and the row's source in ``sources``; :class:`PostalReport` lists
what was dropped or demoted and why.

Examples
--------
>>> rows = [
...     PostalRow("UA", "62530", "Стариця", "Kharkivska", "Vovchanskyi", "", 50.2405, 36.7931, 4),
...     PostalRow("UA", "62519", "Вільча", "Kharkivska", "Vovchanskyi", "", 50.3092, 37.3158, 1),
... ]
>>> places, report = postal_places(rows)
>>> [(p.name, p.admin1, p.admin2, p.is_located) for p in places]
[('Starytsia', 'Kharkiv Oblast', 'Vovchanskyi', True), ('Vilcha', 'Kharkiv Oblast', 'Vovchanskyi', False)]
"""

from __future__ import annotations

import math
import re
import statistics
from collections import defaultdict
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable, Iterable, Sequence

from geoclaims.errors import GazetteerDataError
from geoclaims.places.names import romanizations
from geoclaims.places.place import Place

__all__ = [
    "PostalRow", "PostalReport", "read_postal_rows", "parse_postal_text", "postal_places", "read_postal",
    "POSTAL_UNCERTAINTY_KM", "CLUSTER_KM", "DISTRICT_OUTLIER_KM", "DISTRICT_OUTLIER_FACTOR",
    "DISTRICT_OUTLIER_MAX_KM", "english_name",
]

#: Position uncertainty of an accuracy-4 row: GeoNames' point of the matched place.  Measured
#: against the curated theatre table and ``cities500`` (data/gazetteer/SOURCES.md): most agree
#: within 0.7 km, a few towns are 2-4 km off.
POSTAL_UNCERTAINTY_KM = 1.0
#: Positioned rows of one name and district within this distance are one place.
CLUSTER_KM = 2.5
#: A place farther than this from its district's median point ...
DISTRICT_OUTLIER_KM = 45.0
#: ... and farther than this many times the district's median distance is a wrong match.
DISTRICT_OUTLIER_FACTOR = 3.0
#: ... or farther than this in any case (an old raion is at most ~80 km across).
DISTRICT_OUTLIER_MAX_KM = 70.0
#: Radius of the densest group of a district's places, which marks where the district is.
CORE_RADIUS_KM = 30.0

_COLUMNS = 12
_NUMBERED = re.compile(r"^(?P<base>.*\D)\s+\d{1,4}$")
_COUNCIL = re.compile(r"^(?P<base>[^(]+?)\s*\((?P<council>[^)]*)\)\s*$")
# post offices that are not settlements: postal wagons, sorting and delivery centres, head offices
_NOT_A_PLACE = re.compile(
    r"^(пв|уфпс|опс|цопп|мсц|асц|асп|гцмпп|пждп|сц|п/о)\b|почтамт|поштамт|-дти$|\bдти\b|сортир",
    re.IGNORECASE,
)
_UA_REGION_FIXES = {"Kyiv": "Kyiv City"}  # the UA file names Kyiv city "Kyiv", the oblast "Kyivska"


@dataclass(frozen=True, slots=True)
class PostalRow:
    """One row of a GeoNames postal file (the columns geoclaims uses)."""

    country: str
    postcode: str
    name: str
    admin1: str
    admin2: str
    admin3: str
    lat: float | None
    lon: float | None
    accuracy: int | None
    line: int = 0


@dataclass
class PostalReport:
    """What :func:`postal_places` dropped, merged or demoted, one line each."""

    rows: int = 0
    not_places: list[str] = field(default_factory=list)
    demoted: list[str] = field(default_factory=list)
    unlocated: int = 0
    located: int = 0

    def lines(self) -> list[str]:
        """Every entry, for a build log."""
        return [f"postal: not a place: {x}" for x in self.not_places] + [f"postal: {x}" for x in self.demoted]


def read_postal_rows(path: str | Path) -> list[PostalRow]:
    """Read a GeoNames postal file (tab-separated, 12 columns, UTF-8; ``.gz`` too).

    Raises
    ------
    GazetteerDataError
        For a missing file, other bytes than UTF-8, or a malformed row (file, line, value).
    """
    path = Path(path)
    try:
        data = path.read_bytes()
        if path.suffix == ".gz":
            import gzip

            data = gzip.decompress(data)
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise GazetteerDataError(f"{path}: no such file") from None
    except UnicodeDecodeError as e:
        raise GazetteerDataError(f"{path}: not UTF-8 text ({e.reason}); GeoNames files are UTF-8") from None
    except (OSError, EOFError) as e:
        raise GazetteerDataError(f"{path}: cannot be read ({getattr(e, 'strerror', None) or e})") from None
    return parse_postal_text(text, str(path))


def parse_postal_text(text: str, source: str = "<text>") -> list[PostalRow]:
    """Rows of a GeoNames postal file's text; `source` names it in errors."""
    rows = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        f = line.split("\t")
        if len(f) < _COLUMNS - 1:
            raise GazetteerDataError(f"{source}, line {n}: {len(f)} columns, a postal file has {_COLUMNS}")
        f += [""] * (_COLUMNS - len(f))
        try:
            lat = float(f[9]) if f[9] else None
            lon = float(f[10]) if f[10] else None
            acc = int(f[11]) if f[11].strip() else None
        except ValueError:
            raise GazetteerDataError(f"{source}, line {n}: latitude/longitude/accuracy {f[9:12]!r} are not numbers") from None
        if (lat is None) != (lon is None) or (lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180)):
            raise GazetteerDataError(f"{source}, line {n}: bad position {f[9]!r}, {f[10]!r}")
        rows.append(PostalRow(f[0], f[1], f[2].strip(), f[3].strip(), f[5].strip(), f[7].strip(), lat, lon, acc, n))
    return rows


def read_postal(path: str | Path, *, regions: Sequence[str] | None = None,
                region_check: Callable[[Place], bool] | None = None) -> list[Place]:
    """Places of a GeoNames postal file: :func:`read_postal_rows` then :func:`postal_places`.

    Parameters
    ----------
    path : path-like
        ``RU.txt``, ``UA.txt`` (unzipped) from https://download.geonames.org/export/zip/.
    regions : sequence of str, optional
        Keep the rows of these regions (any spelling: "Kursk Oblast", "Курская область").
    region_check : callable, optional
        ``region_check(place) -> bool``: whether a located place lies in its region; see
        :func:`postal_places`.
    """
    places, _ = postal_places(read_postal_rows(path), regions=regions, region_check=region_check)
    return places


def _region_name(row: PostalRow) -> tuple[str, str] | None:
    """(country, English region name) of a row, or None when its region is not in the table."""
    from geoclaims.errors import UnknownRegion
    from geoclaims.places.regions import RegionTable

    text = _UA_REGION_FIXES.get(row.admin1, row.admin1) if row.country == "UA" else row.admin1
    if not text:
        return None
    try:
        found = RegionTable.default().resolve(text, country=row.country)
    except UnknownRegion:
        return None
    exact = [r for r in found if r.name == text]
    if len(exact) == 1:
        return row.country, exact[0].name
    return (row.country, found[0].name) if len(found) == 1 else None


def _region_names(regions: Sequence[str]) -> set[str]:
    """English names of the regions (or of every region of the countries) named."""
    from geoclaims.places.regions import RegionTable, resolve_country

    table = RegionTable.default()
    out: set[str] = set()
    for text in [regions] if isinstance(regions, str) else regions:
        code = resolve_country(text)
        out.update(r.name for r in (table.regions if code else table.resolve(text)) if not code or r.country == code)
    return out


def _district(text: str) -> str:
    """District as the other sources write it: "СУДЖАНСКИЙ РАЙОН" -> "Sudzhansky", "Vovchanskyi" kept."""
    text = re.sub(r"\s+(район|р-н)$", "", text.strip(), flags=re.IGNORECASE)
    if not text:
        return ""
    if any("\u0400" <= c <= "\u04ff" for c in text):
        spelled = romanizations(text.capitalize(), "ru").get("ru:BGN_PCGN", text).replace("·", "").replace("’", "")
        return spelled.replace("yy", "y").replace("iy", "y") if spelled.endswith(("yy", "iy")) else spelled
    return text


def english_name(name: str, country: str) -> str:
    """The canonical English name of a postal (Cyrillic) name: Ukraine's national system for UA,
    BGN/PCGN for RU, as the rest of the gazetteer spells them.

    Examples
    --------
    >>> english_name("Стариця", "UA"), english_name("Свердликово", "RU")
    ('Starytsia', 'Sverdlikovo')
    """
    if country == "UA":
        return romanizations(name, "uk")["uk:UkrainianKMU"]
    return romanizations(name, "ru")["ru:BGN_PCGN"].replace("·", "").replace("’", "")


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    from geoclaims.places.gazetteer import haversine_km

    return haversine_km(a, b)


def postal_places(
    rows: Iterable[PostalRow],
    *,
    regions: Sequence[str] | None = None,
    region_check: Callable[[Place], bool] | None = None,
) -> tuple[list[Place], PostalReport]:
    """Deduplicate postal rows into places (see the module docstring for the rules).

    Parameters
    ----------
    rows : iterable of PostalRow
    regions : sequence of str, optional
        Keep only these regions (any spelling).
    region_check : callable, optional
        ``region_check(place) -> bool`` for a located place: False demotes it to unlocated
        ("outside its region"). The gazetteer build passes a test against the bundled oblast
        outlines; without it only the district test applies.

    Returns
    -------
    (list of Place, PostalReport)
        Places with ids ``postal:<country>:<postcode>`` (the group's first postcode), in file order.
    """
    rows = list(rows)
    report = PostalReport(rows=len(rows))
    keep = _region_names(regions) if regions is not None else None
    groups: dict[tuple, list[PostalRow]] = defaultdict(list)
    for row in rows:
        region = _region_name(row)
        if region is None or (keep is not None and region[1] not in keep):
            continue
        if _NOT_A_PLACE.search(row.name):
            report.not_places.append(f"{row.name} ({row.postcode}, {row.admin1})")
            continue
        name, council = row.name, ""
        m = _NUMBERED.match(name)
        if m:
            name = m.group("base").strip()
        m = _COUNCIL.match(name)
        if m:
            name, council = m.group("base"), m.group("council")
        groups[(region[0], region[1], _district(row.admin2), name, council)].append(row)

    candidates = []  # (key, rows of one place, located?)
    for key, members in groups.items():
        positioned = [r for r in members if r.lat is not None and r.accuracy == 4]
        plain = [r for r in positioned if not _NUMBERED.match(r.name)]
        numbered_only = not plain
        if plain:  # numbered offices ("Курск 12") are offices of the town, never places of their own
            positioned = plain
        clusters: list[list[PostalRow]] = []
        for r in positioned:
            for c in clusters:
                if _km((c[0].lat, c[0].lon), (r.lat, r.lon)) <= CLUSTER_KM:
                    c.append(r)
                    break
            else:
                clusters.append([r])
        if numbered_only and len(clusters) > 1:  # a town's numbered offices: its largest cluster
            clusters = [max(clusters, key=len)]
        if not clusters:
            candidates.append((key, members, None))
            continue
        # accuracy-1 rows of the group go with the first place (another office of it, or unknown)
        rest = [r for r in members if r not in positioned]
        for i, c in enumerate(clusters):
            candidates.append((key, c + (rest if i == 0 else []), c[0]))

    demote = _wrong_positions(candidates, region_check, report)
    places = []
    seen: dict[str, int] = {}
    for i, (key, members, anchor) in enumerate(candidates):
        p = _place(key, members, None if i in demote else anchor, demote.get(i, ""))
        n = seen[p.id] = seen.get(p.id, 0) + 1
        places.append(p if n == 1 else replace(p, id=f"{p.id}-{n}"))  # namesakes sharing a post office
    report.located = sum(p.is_located for p in places)
    report.unlocated = len(places) - report.located
    return places, report


def _wrong_positions(candidates, region_check, report: PostalReport) -> dict[int, str]:
    """{candidate index: why its position is not used}."""
    why: dict[int, str] = {}
    by_district: dict[tuple, list[int]] = defaultdict(list)
    for i, (key, _, anchor) in enumerate(candidates):
        if anchor is not None and key[2]:
            by_district[key[:3]].append(i)
    for i, (key, members, anchor) in enumerate(candidates):
        if anchor is None or region_check is None:
            continue
        probe = Place(id="probe", name=key[3], lat=anchor.lat, lon=anchor.lon, uncertainty_km=0,
                      country=key[0], admin1=key[1])
        if not region_check(probe):
            why[i] = f"GeoNames placed it at {anchor.lat}, {anchor.lon}, outside {key[1]}"
    for district, idx in by_district.items():
        live = [i for i in idx if i not in why]
        pts = [(candidates[i][2].lat, candidates[i][2].lon) for i in live]
        if len(pts) < 5:
            continue
        centre, spread = _district_core(pts)
        limit = min(DISTRICT_OUTLIER_MAX_KM, max(DISTRICT_OUTLIER_KM, DISTRICT_OUTLIER_FACTOR * spread))
        for i in live:
            a = candidates[i][2]
            d = _km(centre, (a.lat, a.lon))
            if d > limit:
                why[i] = (f"GeoNames placed it at {a.lat}, {a.lon}, {d:.0f} km from the core of {district[2]} "
                          f"district (where its other places lie, within {spread:.0f} km, median)")
    # one point given to same-named places of two districts: GeoNames matched both to one place
    by_point: dict[tuple, list[int]] = defaultdict(list)
    for i, (key, _, anchor) in enumerate(candidates):
        if anchor is not None and i not in why:
            by_point[(key[0], key[3], round(anchor.lat, 3), round(anchor.lon, 3))].append(i)
    for idx in by_point.values():
        if len({candidates[i][0][2] for i in idx}) < 2:
            continue
        keep = min(idx, key=lambda i: _district_distance(candidates, i, by_district))
        for i in idx:
            if i != keep:
                k = candidates[i][0]
                why[i] = (f"GeoNames gave it the position of {k[3]} in {candidates[keep][0][2]} district "
                          f"({candidates[keep][2].lat}, {candidates[keep][2].lon})")
    for i, text in sorted(why.items()):
        k = candidates[i][0]
        report.demoted.append(f"{k[3]} ({k[2] or '-'}, {k[1]}) not located: {text}")
    return why


def _district_core(pts: list[tuple[float, float]]) -> tuple[tuple[float, float], float]:
    """Centre and median spread of a district's densest group of points.

    Wrong matches scatter over the country while a district's own villages lie together, so the
    point with the most others within :data:`CORE_RADIUS_KM` marks the district even when most of
    its rows are wrong (Borivskyi district of Kharkiv Oblast); the median of the points around it
    is the centre.
    """
    counts = [sum(_km(p, q) <= CORE_RADIUS_KM for q in pts) for p in pts]
    seed = pts[counts.index(max(counts))]
    core = [q for q in pts if _km(seed, q) <= CORE_RADIUS_KM]
    centre = (statistics.median(p[0] for p in core), statistics.median(p[1] for p in core))
    return centre, statistics.median(_km(centre, p) for p in core)


def _district_distance(candidates, i: int, by_district) -> float:
    key, _, a = candidates[i]
    pts = [(candidates[j][2].lat, candidates[j][2].lon) for j in by_district.get(key[:3], []) if j != i]
    if not pts:
        return math.inf
    centre = (statistics.median(p[0] for p in pts), statistics.median(p[1] for p in pts))
    return _km(centre, (a.lat, a.lon))


def _place(key: tuple, members: list[PostalRow], anchor: PostalRow | None, demoted: str) -> Place:
    country, admin1, admin2, name, council = key
    codes = sorted({r.postcode for r in members})
    first = min(members, key=lambda r: r.line)
    shown = english = english_name(name, country)
    src = f"GeoNames postal codes {country} {' '.join(codes[:6])}{' ...' if len(codes) > 6 else ''} (CC BY)"
    if anchor is not None:
        note = f"GeoNames postal position of {anchor.postcode} (accuracy 4)"
        loc = dict(lat=anchor.lat, lon=anchor.lon, uncertainty_km=POSTAL_UNCERTAINTY_KM)
    else:
        note = ("known but unlocated: " + demoted if demoted else
                "known but unlocated: its GeoNames postal position is an average (accuracy 1 or 3)")
        loc = {}
    if council:
        note += f"; {council}"
    aliases = tuple(dict.fromkeys(a for a in (name, f"{name} ({council})" if council else "") if a and a != shown))
    return Place(
        id=f"postal:{country.lower()}:{first.postcode}:{_slug(english)}", name=shown, aliases=aliases, country=country,
        admin1=admin1, admin2=admin2, kind="settlement", sources=(src,), location_note=note, **loc,
    )


def _slug(text: str) -> str:
    from geoclaims.places.names import fold

    return fold(text).replace(" ", "-")
