"""The wheel carries the bundled data and works from any directory."""

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "--no-build-isolation", "-w", str(out), "-q"],
        check=True, capture_output=True, text=True, timeout=300,
    )
    (whl,) = out.glob("geoclaims-*.whl")
    return whl


def test_wheel_contains_data(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for member in ("geoclaims/_data/gazetteer/places.json.gz", "geoclaims/_data/gazetteer/admin1.csv",
                   "geoclaims/_data/gazetteer/SOURCES.md", "geoclaims/_data/examples/seed-places.txt", "geoclaims/py.typed",
                   "geoclaims/_data/examples/kursk-claims.csv", "geoclaims/_data/boundaries/admin0.geojson",
                   "geoclaims/_data/boundaries/admin1.geojson", "geoclaims/_data/boundaries/BOUNDARIES.md",
                   "geoclaims/web/templates/day.html", "geoclaims/web/templates/index.html", "geoclaims/web/templates/page.css",
                   "geoclaims/web/templates/slider.js"):
        assert member in names, member


def test_wheel_works_from_another_directory(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = ("import geoclaims; from geoclaims._resources import data_file; p = geoclaims.geocode('Berdin'); "
            "print(geoclaims.__file__); print(p.name, p.lat); "
            "tl = geoclaims.Timeline.from_claims(geoclaims.read_claims(data_file('kursk-claims.csv'))); "
            "print(round(tl.state('2025-01-07')['area_km2'].sum())); "
            "print(geoclaims.render_daily(tl, 'maps', start='2025-01-06', end='2025-01-07', progress=False).index)")
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    first, second, third, fourth = proc.stdout.splitlines()
    assert int(third) > 0
    assert fourth == "maps/index.html" and (tmp_path / "maps" / "2025-01-07.html").exists()
    assert first.startswith(str(site)), "imported the checkout, not the wheel"
    assert second.startswith("Berdin 51.")
