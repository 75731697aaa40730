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
                   "geoclaims/_data/gazetteer/SOURCES.md", "geoclaims/_data/examples/seed-places.txt", "geoclaims/py.typed"):
        assert member in names, member


def test_wheel_works_from_another_directory(wheel, tmp_path):
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    code = "import geoclaims; p = geoclaims.geocode('Berdin'); print(geoclaims.__file__); print(p.name, p.lat)"
    proc = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True, check=True)
    first, second = proc.stdout.splitlines()
    assert first.startswith(str(site)), "imported the checkout, not the wheel"
    assert second.startswith("Berdin 51.")
