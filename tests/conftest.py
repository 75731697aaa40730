from __future__ import annotations

import csv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
THEATRE_CSV = ROOT / "data" / "gazetteer" / "sources" / "theatre-settlements.csv"


@pytest.fixture(scope="session")
def gaz():
    from geoclaims import Gazetteer

    return Gazetteer.default()


@pytest.fixture(scope="session")
def theatre_rows() -> list[dict]:
    with open(THEATRE_CSV, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))
