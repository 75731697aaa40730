from __future__ import annotations

import csv
import os
from pathlib import Path

import pytest
from hypothesis import settings

# Hypothesis profiles: the default run keeps property tests quick; `.ci/run` runs the hostile-input
# tests again with GEOCLAIMS_FUZZ=1 (ten times the cases). No deadline: the fuzz tests bound time
# themselves, generously, to catch only super-linear blow-ups.
settings.register_profile("default", max_examples=40, deadline=None)
settings.register_profile("fuzz", max_examples=400, deadline=None)
settings.load_profile("fuzz" if os.environ.get("GEOCLAIMS_FUZZ") else "default")

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


KURSK_CLAIMS = ROOT / "examples" / "kursk" / "claims.csv"


@pytest.fixture(scope="session")
def kursk_claims():
    from geoclaims import read_claims

    return read_claims(KURSK_CLAIMS)


@pytest.fixture(scope="session")
def kursk(kursk_claims):
    """The Kursk timeline drawn claim by claim (method 'territory'): the engine most tests are about."""
    from geoclaims import Timeline

    return Timeline.from_claims(kursk_claims, method="territory")


@pytest.fixture(scope="session")
def make_claim(gaz):
    """Build a Claim in code: make_claim("C1", "2025-01-06", "UA", "advance", "Berdin", qualifier="southern")."""
    import dataclasses

    from geoclaims.claims import Claim, parse_date

    def make(claim_id, date, side, action, place=None, **kw):
        d, precision = parse_date(date)
        fields = dict(claim_id=claim_id, date=d, date_precision=precision, claimant=kw.pop("claimant", "ISW"),
                      claimant_side=kw.pop("claimant_side", "neutral"), side=side, action=action,
                      status=kw.pop("status", "assessed"))
        if place is not None:
            p = gaz.resolve(place, region="Kursk Oblast").best.place
            fields.update(place_name=place, place=p, region="Kursk Oblast")
        fields.update(kw)
        return Claim(**fields)

    make.replace = dataclasses.replace
    return make


# -- maps and pages -----------------------------------------------------------------------------
XSS_PAYLOADS = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "`${alert(1)}`",
                "</script><script>alert(1)</script>")


@pytest.fixture
def xss_claims_csv(tmp_path):
    """A claims file whose every free-text field carries an XSS payload, and javascript: URLs."""
    import csv

    from geoclaims.claims import COLUMNS

    path = tmp_path / "xss.csv"
    rows = [
        dict(claim_id="X1", date="2025-01-05", claimant="<script>alert(1)</script>", claimant_side="RU", side="UA",
             action="capture", place="<img src=x onerror=alert(1)>", lat="51.20", lon="35.30",
             status="claimed", source_url="javascript:alert(1)", note="`${alert(1)}` </script><script>alert(1)</script>"),
        dict(claim_id="X2", date="2025-01-06", claimant="ISW <b onmouseover=alert(1)>", claimant_side="neutral",
             side="RU", action="repelled", place="Sudzha", status="assessed",
             source_url=" JaVaScRiPt:alert(document.domain)", note="<svg onload=alert(1)>"),
        dict(claim_id="X3", date="2025-01-06", claimant="ISW", claimant_side="neutral", side="UA", action="advance",
             place="Berdin", qualifier="southern", status="assessed",
             source_url="https://example.org/a?b=<script>alert(1)</script>", note="\"'><img src=x onerror=alert(1)>"),
    ]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=[*COLUMNS, "lat", "lon"])
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in [*COLUMNS, "lat", "lon"]})
    return path


#: Jinja syntax in claim text: evaluated, it would print 7006652, create a folder, break a JS string or crash.
TEMPLATE_PAYLOADS = ("{{ 1234*5678 }}", "{% for x in range(3) %}LOOP{% endfor %}", "{# hidden #}", "{{ oops",
                     "{#", "{{ '\"' ~ \"'\" }});alert(1);//", "{{ lipsum.__globals__.os.makedirs(PWNED) }}")


@pytest.fixture
def template_claims_csv(tmp_path):
    """A claims file whose every free-text field carries Jinja template syntax; returns (path, pwned folder)."""
    import csv

    from geoclaims.claims import COLUMNS

    pwned = tmp_path / "pwned"
    payloads = [p.replace("PWNED", repr(str(pwned))) for p in TEMPLATE_PAYLOADS]
    path = tmp_path / "jinja.csv"
    rows = []
    for i, p in enumerate(payloads):
        rows.append(dict(claim_id=f"T{i} {p}", date="2025-01-06", claimant=f"ISW {p}", claimant_side="neutral",
                         side="UA", action="advance", place=f"Place {p}", lat=f"{51.05 + i * 0.06:.2f}",
                         lon="35.30", qualifier="", status="assessed",
                         source_url=f"https://example.org/{i}?q={p}", note=f"note {p}"))
    rows.append(dict(claim_id="T-berdin", date="2025-01-06", claimant="ISW", claimant_side="neutral", side="UA",
                     action="advance", place="Berdin", qualifier="southern", status="assessed",
                     note=" ".join(payloads)))
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=[*COLUMNS, "lat", "lon"])
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in [*COLUMNS, "lat", "lon"]})
    return path, pwned, payloads


# -- observed maps to compare with, and inferred land, for the map tests (issue 14) ----------------
DONETSK_CLAIMS = DATA / "donetsk-claims.csv"


@pytest.fixture(scope="session")
def kursk_observed(kursk, tmp_path_factory):
    """An observed timeline that differs from the claims' map: the Kursk claims drawn with the footprint
    method, written as a valid_from/valid_to file and read back with read_snapshots."""
    from geoclaims import read_snapshots

    path = kursk.twin("footprint").to_file(tmp_path_factory.mktemp("observed") / "footprint.geojson")
    return read_snapshots(path)


@pytest.fixture(scope="session")
def kursk_inferred(kursk_claims):
    """The Kursk claims with the inferred method: land between claimed places, and an uncertainty band."""
    from geoclaims import Timeline

    return Timeline.from_claims(kursk_claims, method="inferred")


@pytest.fixture(scope="session")
def deepstate_kursk():
    """The four DeepStateMap snapshots of tests/data/deepstate-kursk, Kursk Oblast only."""
    from geoclaims import read_snapshots

    return read_snapshots(DATA / "deepstate-kursk", preset="deepstate", region="Kursk Oblast")


def with_inferred(view, side="UA", status="held", claim_ids="K045, SEED1", claim_status="assessed"):
    """A DayView with one hand-built piece the model infers (tier 'inferred'), as issue 13 will add: the
    land between the view's first two pieces, taken as their convex hull minus the pieces."""
    import dataclasses

    import shapely

    from geoclaims import area_km2
    from geoclaims.web.dayview import display_geometry

    geoms = [g for _, g in view.pieces[:2]]
    between = shapely.difference(shapely.union_all(geoms).convex_hull, shapely.union_all(geoms))
    rec = {"date": view.date, "side": side, "status": status, "tier": "inferred", "claim_id": claim_ids,
           "claim_status": claim_status, "area_km2": area_km2(between), "claimants": "ISW", "where": ""}
    return dataclasses.replace(view, pieces=(*view.pieces, (rec, display_geometry(between))))

# -- the claims ledger on a real PostGIS (tests/pgcluster.py; .ci/ensure-postgis installs the server) -------
@pytest.fixture(scope="session")
def pg_cluster():
    """One throwaway PostgreSQL + PostGIS cluster on 127.0.0.1 for the session, removed afterwards."""
    from tests.pgcluster import PgCluster, PostgisMissing

    try:
        cluster = PgCluster().start()
    except PostgisMissing as e:
        pytest.fail(str(e), pytrace=False)
    yield cluster
    cluster.stop()


@pytest.fixture(params=["gpkg", "postgis"])
def ledger_url(request, tmp_path):
    """Where a new ledger goes: a GeoPackage path, or a fresh database of the session's PostGIS cluster."""
    if request.param == "gpkg":
        return str(tmp_path / "ledger.gpkg")
    cluster = request.getfixturevalue("pg_cluster")
    return cluster.url(cluster.new_database())
