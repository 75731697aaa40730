"""Read GeoNames dumps (the "geoname" table and alternate names) into places.

Layout: https://download.geonames.org/export/dump/readme.txt — 19 tab-separated
columns: geonameid, name, asciiname, alternatenames, latitude, longitude,
feature class, feature code, country code, cc2, admin1 code, admin2 code,
admin3 code, admin4 code, population, elevation, dem, timezone, modification date.
"""

from __future__ import annotations

import io
import os
import zipfile
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Sequence

from geoclaims.errors import GazetteerDataError
from geoclaims.places.place import Place

__all__ = ["read_geonames", "GEONAMES_COLUMNS", "GEONAMES_UNCERTAINTY_KM", "geonames_place"]

GEONAMES_COLUMNS = (
    "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
    "feature_class", "feature_code", "country_code", "cc2", "admin1_code", "admin2_code",
    "admin3_code", "admin4_code", "population", "elevation", "dem", "timezone", "modification_date",
)
#: Position uncertainty given to GeoNames points (the theatre table rates
#: GeoNames coordinates at 0.5 km).
GEONAMES_UNCERTAINTY_KM = 0.5
_SKIP_LANGS = {"link", "wkdt", "post", "iata", "icao", "faac", "tcid", "unlc", "abbr", "phon", "piny", "fr_1793"}


@contextmanager
def _open_text(path: Path) -> Iterator[tuple[io.TextIOBase, str]]:
    """Open a text file, or the single .txt member of a zip; yields (handle, display name)."""
    if not path.exists():
        raise GazetteerDataError(f"{path}: no such file")
    if path.is_dir():
        raise GazetteerDataError(f"{path} is a folder; expected a GeoNames .txt or .zip file")
    try:
        if zipfile.is_zipfile(path):
            with zipfile.ZipFile(path) as zf:
                members = [n for n in zf.namelist() if n.endswith(".txt") and not n.lower().startswith("readme")]
                if len(members) != 1:
                    raise GazetteerDataError(
                        f"{path}: expected one .txt data file in the zip, found {members or 'none'}"
                    )
                with zf.open(members[0]) as raw:
                    yield io.TextIOWrapper(raw, encoding="utf-8", errors="strict"), f"{path}!{members[0]}"
        else:
            with open(path, encoding="utf-8") as fh:
                yield fh, str(path)
    except UnicodeDecodeError as e:
        raise GazetteerDataError(f"{path}: not UTF-8 text ({e.reason}); GeoNames files are UTF-8") from None
    except (zipfile.BadZipFile, NotImplementedError, RuntimeError, EOFError) as e:
        raise GazetteerDataError(f"{path}: the zip cannot be read ({e})") from None
    except PermissionError:
        raise GazetteerDataError(f"{path}: permission denied") from None
    except OSError as e:
        raise GazetteerDataError(f"{path}: cannot be read ({e.strerror or e})") from None


def geonames_place(
    geonameid: int,
    name: str,
    alternates: Sequence[str],
    lat: float,
    lon: float,
    country: str,
    admin1_code: str,
    population: int | None,
    feature_code: str = "",
    admin2: str = "",
    former: Sequence[str] = (),
    source: str = "GeoNames (CC BY 4.0)",
) -> Place:
    """Make a Place from GeoNames fields; admin1 codes of RU/UA/BY become region names."""
    from geoclaims.places.regions import RegionTable

    region = RegionTable.default().by_code(country, admin1_code)
    aliases = tuple(dict.fromkeys(a for a in (*alternates, *former) if a and a != name))
    return Place(
        id=f"geonames:{geonameid}",
        name=name,
        aliases=aliases,
        lat=lat,
        lon=lon,
        uncertainty_km=GEONAMES_UNCERTAINTY_KM,
        country=country,
        admin1=region.name if region else admin1_code,
        admin2=admin2,
        kind=feature_code or "populated place",
        population=population,
        sources=(source,),
        former_names=tuple(dict.fromkeys(former)),
    )


def read_geonames(
    path: str | os.PathLike[str],
    alternate_names: str | os.PathLike[str] | None = None,
    *,
    countries: Sequence[str] | None = None,
    feature_classes: Sequence[str] = ("P",),
) -> list[Place]:
    """Read a GeoNames geoname-table file into places (see :meth:`Gazetteer.from_geonames`).

    Raises
    ------
    GazetteerDataError
        Naming the file, line, column and value of a malformed row.
    """
    path = Path(path)
    wanted_countries = {c.upper() for c in countries} if countries else None
    classes = set(feature_classes)
    rows: list[dict] = []
    with _open_text(path) as (fh, label):
        for lineno, line in enumerate(fh, start=1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) != len(GEONAMES_COLUMNS):
                raise GazetteerDataError(
                    f"{label}, line {lineno}: expected {len(GEONAMES_COLUMNS)} tab-separated columns "
                    f"(GeoNames geoname table), found {len(cols)}"
                )
            rec = dict(zip(GEONAMES_COLUMNS, cols))
            if classes and rec["feature_class"] not in classes:
                continue
            if wanted_countries and rec["country_code"] not in wanted_countries:
                continue
            rec["_line"] = lineno
            rec["_label"] = label
            rows.append(rec)
    extra: dict[str, list[str]] = {}
    historic: dict[str, list[str]] = {}
    if alternate_names is not None:
        ids = {r["geonameid"] for r in rows}
        _read_alternate_names(Path(alternate_names), ids, extra, historic)
    places = []
    for rec in rows:
        where = f"{rec['_label']}, line {rec['_line']}"
        gid = _parse(int, rec, "geonameid", where)
        lat = _parse(float, rec, "latitude", where)
        lon = _parse(float, rec, "longitude", where)
        pop = _parse(int, rec, "population", where) if rec["population"].strip() else None
        alts = [a for a in rec["alternatenames"].split(",") if a]
        alts += [rec["asciiname"]] + extra.get(rec["geonameid"], [])
        try:
            places.append(
                geonames_place(
                    gid, rec["name"], alts, lat, lon, rec["country_code"], rec["admin1_code"], pop,
                    feature_code=rec["feature_code"], former=historic.get(rec["geonameid"], []),
                    source=f"GeoNames (CC BY 4.0): {Path(rec['_label']).name}",
                )
            )
        except (ValueError, TypeError) as exc:
            raise GazetteerDataError(f"{where}: {exc}") from None
    return places


def _parse(kind, rec: dict, column: str, where: str):
    value = rec[column]
    try:
        return kind(value)
    except ValueError:
        raise GazetteerDataError(
            f"{where}, column {column!r}: {value!r} is not a valid {'integer' if kind is int else 'number'}"
        ) from None


def _read_alternate_names(path: Path, ids: set[str], extra: dict, historic: dict) -> None:
    with _open_text(path) as (fh, label):
        for lineno, line in enumerate(fh, start=1):
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 4:
                raise GazetteerDataError(
                    f"{label}, line {lineno}: expected the alternateNames layout "
                    f"(alternateNameId, geonameid, isolanguage, alternate name, ...), found {len(cols)} columns"
                )
            gid, lang, name = cols[1], cols[2], cols[3]
            if gid not in ids or lang in _SKIP_LANGS or not name:
                continue
            is_historic = len(cols) > 7 and cols[7] == "1"
            (historic if is_historic else extra).setdefault(gid, []).append(name)
