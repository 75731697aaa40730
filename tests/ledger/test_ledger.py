"""The claims ledger, the same tests on a GeoPackage and on a real PostGIS (a throwaway cluster).

Each test gets a new ledger (``ledger_url``: a temporary .gpkg, or a new database of the session's
PostgreSQL + PostGIS cluster started by tests/pgcluster.py).
"""

from __future__ import annotations

import csv
import multiprocessing
import sys
from pathlib import Path

import pandas as pd
import pytest

from geoclaims import ClaimFormatError, read_claims
from geoclaims.errors import InvalidArgument, LedgerError, LedgerNotFound, UnknownClaim
from geoclaims.ledger import Ledger
from tests.conftest import KURSK_CLAIMS

def kursk_rows() -> list[dict]:
    with open(KURSK_CLAIMS, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def write_csv(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    return path


def frame(rows: list[dict]) -> pd.DataFrame:
    return pd.DataFrame(rows).fillna("")


def claim(cid: str, date: str, side: str, action: str, place: str, **kw) -> dict:
    return dict(claim_id=cid, date=date, claimant=kw.get("claimant", "ISW"), claimant_side="neutral", side=side,
                action=action, place=place, region="Kursk Oblast", qualifier=kw.get("qualifier", ""),
                status=kw.get("status", "assessed"), note=kw.get("note", ""))


# -- what goes in comes out -----------------------------------------------------------------------------------
def test_claims_read_back_equal_and_build_the_same_timeline(ledger_url, kursk_claims, kursk, kursk_inferred):
    with Ledger(ledger_url, create=True) as ledger:
        result = ledger.add(KURSK_CLAIMS, by="ana")
        assert len(result.entered) == len({c.claim_id for c in kursk_claims}) and result.batch == 1
        back = ledger.claims()
        assert list(back) == list(kursk_claims)  # every field, the place with its coordinates and names
        assert [c.geometry for c in back] == [c.geometry for c in kursk_claims]
        pd.testing.assert_frame_equal(ledger.timeline().area_series(), kursk_inferred.area_series())
        pd.testing.assert_frame_equal(ledger.timeline(method="territory").area_series(), kursk.area_series())
        assert ledger.timeline().diff("2025-01-05", "2025-01-07")["claim_id"].tolist() == \
            kursk_inferred.diff("2025-01-05", "2025-01-07")["claim_id"].tolist()


def test_drawn_geometries_and_user_coordinates_survive(ledger_url, tmp_path):
    import json

    square = {"type": "Polygon", "coordinates": [[[35.2, 51.2], [35.3, 51.2], [35.3, 51.3], [35.2, 51.3],
                                                  [35.2, 51.2]]]}
    feats = [{"type": "Feature", "geometry": square, "properties": claim("D1", "2025-01-06", "UA", "capture", "")},
             {"type": "Feature", "geometry": None,
              "properties": {**claim("U1", "2025-01-06", "RU", "capture", "Khutor Nowhere"), "lat": 51.25,
                             "lon": 35.11}}]
    path = tmp_path / "drawn.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}))
    original = read_claims(path)
    with Ledger(ledger_url, create=True) as ledger:
        ledger.add(path)
        back = ledger.claims()
    assert list(back) == list(original)
    assert back[0].geometry.equals_exact(original[0].geometry, 0) and back[1].place.id.startswith("user:")


# -- all or nothing -----------------------------------------------------------------------------------------
def test_a_bad_row_rejects_the_whole_batch_with_read_claims_message(ledger_url, tmp_path):
    rows = kursk_rows()
    good = write_csv(tmp_path / "good.csv", rows[:10])
    bad_rows = [dict(r) for r in rows[10:30]]
    bad_rows[7]["side"] = "NATO"
    bad = write_csv(tmp_path / "bad.csv", bad_rows)
    with pytest.raises(ClaimFormatError) as direct:
        read_claims(bad)
    with Ledger(ledger_url, create=True) as ledger:
        ledger.add(good)
        before = ledger.claims()
        with pytest.raises(ClaimFormatError) as via_ledger:
            ledger.add(bad)
        assert str(via_ledger.value) == str(direct.value)  # the same messages: file, line, column, value
        assert "line 9, column 'side'" in str(via_ledger.value)
        assert list(ledger.claims()) == list(before) and len(ledger.log()) == 1


def test_a_database_error_mid_batch_leaves_nothing_behind(ledger_url, monkeypatch, tmp_path):
    rows = kursk_rows()
    with Ledger(ledger_url, create=True) as ledger:
        ledger.add(frame(rows[:10]), by="ana")
        before = list(ledger.claims())
        real = Ledger._latest

        def stale(self, conn, ids):  # as if the writers' lock had failed: a revision number taken twice
            out = real(self, conn, ids)
            return {cid: (0, False) for cid in out}

        monkeypatch.setattr(Ledger, "_latest", stale)
        with pytest.raises(LedgerError, match="nothing was written"):
            ledger.add(frame([*rows[30:60], {**rows[0], "note": "revised"}]), by="ben")
        monkeypatch.undo()
        assert list(ledger.claims()) == before
        assert ledger.log()["batch"].tolist() == [1]  # neither the batch nor any of its new claims
        assert ledger.add(frame(rows[30:60]), by="ben").batch == 2


# -- concurrent writers -------------------------------------------------------------------------------------
def _writer(url: str, who: str, start, n_batches: int) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from geoclaims.ledger import Ledger

    places = ["Sudzha", "Berdin", "Malaya Loknya", "Makhnovka", "Sverdlikovo", "Plekhovo"]
    ledger = Ledger(url)
    start.wait(60)
    for b in range(n_batches):
        rows = [claim(f"{who}-{b}-{k}", f"2025-01-{1 + (b + k) % 28:02d}", "RU", "capture", places[k])
                for k in range(len(places))]
        rows.append(claim("SHARED", "2025-01-15", "UA", "advance", "Berdin", note=f"{who} {b}"))
        ledger.add(frame(rows), by=who)
    ledger.close()


def test_two_processes_adding_at_once_lose_nothing(ledger_url):
    Ledger(ledger_url, create=True).close()
    ctx = multiprocessing.get_context("spawn")
    start = ctx.Event()
    n = 15
    procs = [ctx.Process(target=_writer, args=(ledger_url, who, start, n)) for who in ("ana", "ben")]
    for p in procs:
        p.start()
    start.set()
    for p in procs:
        p.join(300)
    assert [p.exitcode for p in procs] == [0, 0]
    with Ledger(ledger_url) as ledger:
        ids = [c.claim_id for c in ledger.claims()]
        assert len(ids) == 2 * n * 6 + 1 and len(set(ids)) == len(ids)
        history = ledger.history("SHARED")
        assert history["revision"].tolist() == list(range(1, 2 * n + 1))  # every write kept, in order
        assert sorted(history["entered_by"].value_counts().tolist()) == [n, n]
        log = ledger.log()
        assert log["batch"].tolist() == list(range(1, 2 * n + 1))
        assert log["entered_at"].is_monotonic_increasing and log["entered_at"].is_unique


# -- time travel, retraction, revision ----------------------------------------------------------------------------
def test_as_of_reproduces_an_earlier_timeline_exactly(ledger_url):
    rows = kursk_rows()
    first = [r for r in rows if r["date"] < "2024-12"]
    later = [r for r in rows if r["date"] >= "2024-12"]
    with Ledger(ledger_url, create=True) as ledger:
        r1 = ledger.add(frame(first), by="ana")
        then = ledger.timeline()
        then_areas, then_state = then.area_series(), then.state("2024-11-30")
        ledger.add(frame(later), by="ben")
        ledger.add(frame([{**first[3], "status": "unverified"}, {**first[5], "side": "RU"}]), by="ben")
        ledger.retract(first[0]["claim_id"], "duplicate of another report", by="cy")
        assert not ledger.timeline().area_series().equals(then_areas)
        for as_of in (r1.entered_at, r1.batch, r1.entered_at.isoformat()):
            again = ledger.timeline(as_of=as_of)
            pd.testing.assert_frame_equal(again.area_series(), then_areas)
            state = again.state("2024-11-30")
            assert state.drop(columns="geometry").equals(then_state.drop(columns="geometry"))
            assert all(a.equals_exact(b, 0) for a, b in zip(state.geometry, then_state.geometry))
        assert len(ledger.claims(as_of=0)) == 0


def test_retracting_changes_the_map_and_history_says_why(ledger_url, kursk, kursk_inferred):
    with Ledger(ledger_url, create=True) as ledger:
        ledger.add(KURSK_CLAIMS, by="ana")
        before = ledger.timeline().state("2025-01-05")
        assert any("K045" in ids for ids in before["claim_ids"])
        assert ledger.retract("K045", "ISW corrected its assessment on 9 January", by="ben") == 2
        after = ledger.timeline().state("2025-01-05")
        assert not any("K045" in ids for ids in after["claim_ids"])
        ua = lambda s: s[s.side == "UA"]["area_km2"].sum()  # noqa: E731
        assert ua(after) < ua(before)
        h = ledger.history("K045")
        assert h[["revision", "kind", "entered_by"]].values.tolist() == [[1, "entered", "ana"],
                                                                          [2, "retracted", "ben"]]
        assert h["supersedes"].isna().tolist() == [True, False] and h["supersedes"].iloc[1] == 1
        assert h["why"].iloc[-1] == "ISW corrected its assessment on 9 January" and h["rows"].iloc[-1] == 0
        assert "southern Berdin" in h["claims"].iloc[0]
        with pytest.raises(UnknownClaim, match="already retracted"):
            ledger.retract("K045", "again")
        restored = ledger.add(KURSK_CLAIMS, by="cy")  # entering it again restores it, as revision 3
        assert restored.restored == ("K045",)
        assert len(restored.unchanged) == len({c.claim_id for c in kursk.claims}) - 1
        assert ledger.history("K045")["kind"].tolist() == ["entered", "retracted", "restored"]
        pd.testing.assert_frame_equal(ledger.timeline().area_series(), kursk_inferred.area_series())


def test_revisions_supersede_and_unchanged_claims_write_nothing(ledger_url):
    rows = kursk_rows()[:20]
    with Ledger(ledger_url, create=True) as ledger:
        ledger.add(frame(rows), by="ana")
        again = ledger.add(frame(rows), by="ana")
        assert again.batch is None and len(again.unchanged) == len({r["claim_id"] for r in rows})
        cid = rows[2]["claim_id"]
        changed = [{**r, "note": "corrected date"} if r["claim_id"] == cid else r for r in rows]
        res = ledger.add(frame(changed), by="ben", note="corrections from the desk")
        assert res.revised == (cid,) and res.batch == 2
        h = ledger.history(cid)
        assert h["revision"].tolist() == [1, 2] and h["supersedes"].tolist()[1] == 1
        assert h["entered_by"].tolist() == ["ana", "ben"]
        assert ledger.log()["note"].tolist() == ["", "corrections from the desk"]
        assert {c.note for c in ledger.claims() if c.claim_id == cid} == {"corrected date"}
        assert {c.note for c in ledger.claims(as_of=1) if c.claim_id == cid} == {r["note"] for r in rows
                                                                                  if r["claim_id"] == cid}


def test_claims_keep_the_place_resolved_at_entry(ledger_url, gaz, monkeypatch):
    from dataclasses import replace

    berdin = gaz.get("theatre:berdin")
    moved = gaz.merge([replace(berdin, lat=51.40, lon=35.60)])
    rows = [claim("B1", "2025-01-06", "UA", "advance", "Berdin", qualifier="southern")]
    with Ledger(ledger_url, create=True) as ledger:
        ledger.add(frame(rows), gazetteer=moved)
        assert ledger.claims()[0].place.latlon == (51.40, 35.60)  # as entered, not the bundled point
        ledger.add(frame([claim("B2", "2025-01-07", "UA", "capture", "Sudzha")]))
        sudzha = ledger.claims()[1].place.latlon
        # the gazetteer changes later: old claims must not move, and reading asks no gazetteer at all
        import geoclaims.places.gazetteer as gazetteer_module

        def no_lookups(*a, **k):
            raise AssertionError("the ledger looked a place up again")

        monkeypatch.setattr(gazetteer_module.Gazetteer, "resolve", no_lookups)
        monkeypatch.setattr(gazetteer_module.Gazetteer, "get", no_lookups)
        back = ledger.claims()
        assert [c.place.latlon for c in back] == [(51.40, 35.60), sudzha]


# -- queries and exports -----------------------------------------------------------------------------------------------
def test_filters_by_region_claimant_and_date(ledger_url, kursk_claims):
    rows = kursk_rows()
    outside = claim("Z1", "2024-09-01", "RU", "capture", "Bakhmut")
    outside["region"] = "Donetsk Oblast"
    with Ledger(ledger_url, create=True) as ledger:
        ledger.add(frame([*rows, outside]))
        kursk_only = ledger.claims(region="Kursk Oblast")
        # every Kursk claim but the one about Novenke, across the border in Sumy Oblast; unlocated claims
        # count by the region they name
        assert list(kursk_only) == [c for c in kursk_claims if c.place is None or c.place.admin1 != "Sumy Oblast"]
        assert len(kursk_only) == len(kursk_claims) - 1
        assert [c.claim_id for c in ledger.claims(region="Donetsk Oblast")] == ["Z1"]
        assert {c.claim_id for c in ledger.claims(region=(35.0, 51.0, 35.5, 51.5))} < \
            {c.claim_id for c in kursk_claims}
        isw = ledger.claims(claimant="isw")
        assert isw and {c.claimant for c in isw} == {"ISW"}
        assert all(c.date >= pd.Timestamp("2025-01-01").date() for c in ledger.claims(since="2025-01-01"))
        assert len(ledger.claims(since="2025-01-01")) == sum(c.date.isoformat() >= "2025-01-01" for c in kursk_claims)


def test_export_reads_back_to_the_same_claims(ledger_url, tmp_path, kursk_claims):
    import pyogrio

    with Ledger(ledger_url, create=True) as ledger:
        ledger.add(KURSK_CLAIMS)
        ledger.retract("K001", "test")
        for name in ("out.csv", "out.json"):
            back = read_claims(ledger.export(tmp_path / name))
            assert [c.to_record() for c in back] == [c.to_record() for c in ledger.claims()]
            assert [c.place.latlon if c.place else None for c in back] == \
                [c.place.latlon if c.place else None for c in ledger.claims()]
        gdf = pyogrio.read_dataframe(ledger.export(tmp_path / "out.gpkg"))
        assert len(gdf) == len(ledger.claims()) and {"revision", "entered_by", "entered_at"} <= set(gdf.columns)
        with pytest.raises(InvalidArgument, match="valid: .csv"):
            ledger.export(tmp_path / "out.xlsx")


# -- opening, creating, errors ------------------------------------------------------------------------------------------
def test_errors_say_what_and_how(ledger_url, tmp_path):
    with pytest.raises(LedgerNotFound, match="ledger init"):
        Ledger(ledger_url)
    with Ledger(ledger_url, create=True) as ledger:
        ledger.add(frame(kursk_rows()[:5]))
        with pytest.raises(UnknownClaim, match="did you mean: K001"):
            ledger.retract("K0001", "typo")
        with pytest.raises(InvalidArgument, match="why is required"):
            ledger.retract("K001", " ")
        with pytest.raises(UnknownClaim):
            ledger.history("nope")
        with pytest.raises(InvalidArgument, match="as_of"):
            ledger.claims(as_of="last tuesday")
    with pytest.raises(LedgerError, match="already"):
        Ledger(ledger_url, create=True)


def test_ledger_locations_are_checked():
    with pytest.raises(InvalidArgument, match=".gpkg"):
        Ledger("claims.csv")
    with pytest.raises(InvalidArgument, match="valid: a GeoPackage"):
        Ledger("mysql://user@host/db")


def test_a_geopackage_ledger_is_a_geopackage(tmp_path):
    import pyogrio

    path = tmp_path / "team.gpkg"
    with Ledger(path, create=True) as ledger:
        ledger.add(KURSK_CLAIMS)
        ledger.retract("K048", "withdrawn")
        current = len(ledger.claims())
    layers = dict(pyogrio.list_layers(path))
    assert {"ledger_claims", "ledger_current", "ledger_revisions", "ledger_batches"} <= set(layers)
    gdf = pyogrio.read_dataframe(path, layer="ledger_current")  # what QGIS shows: the current claims
    assert len(gdf) == current and gdf.crs.to_epsg() == 4326
    assert gdf.geometry.notna().sum() == sum(1 for c in read_claims(KURSK_CLAIMS) if c.place is not None
                                             and c.place.is_located and c.claim_id != "K048")
    assert [p.name for p in tmp_path.iterdir()] == ["team.gpkg"]  # one file, no journal left


def test_postgresql_urls_hide_passwords(pg_cluster):
    url = pg_cluster.url(pg_cluster.new_database())
    with Ledger(url, create=True) as ledger:
        assert pg_cluster.password not in repr(ledger) + ledger.url and "***" in ledger.url
    with pytest.raises(LedgerError) as e:
        Ledger(url.replace(pg_cluster.password, "wrong-password"))
    assert "password authentication failed" in str(e.value) and "wrong-password" not in str(e.value)


def test_postgresql_url_takes_libpq_variables(pg_cluster, monkeypatch):
    db = pg_cluster.new_database()
    monkeypatch.setenv("PGPASSWORD", pg_cluster.password)
    monkeypatch.setenv("PGPORT", str(pg_cluster.port))
    with Ledger(f"postgresql://{pg_cluster.user}@127.0.0.1/{db}", create=True) as ledger:
        assert ledger.backend == "postgis" and len(ledger.claims()) == 0


# -- the command line -----------------------------------------------------------------------------------------------
def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    from geoclaims.cli import main

    code = main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_ledger_from_init_to_timeline(ledger_url, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("GEOCLAIMS_LEDGER", ledger_url)
    monkeypatch.setenv("GEOCLAIMS_USER", "desk")
    assert run_cli(capsys, "ledger", "init")[0] == 0
    code, out, _ = run_cli(capsys, "ledger", "add", str(KURSK_CLAIMS))
    assert code == 0 and "71 entered (batch 1 by desk" in out
    assert run_cli(capsys, "ledger", "retract", "K045", "--why", "ISW corrected it", "--by", "ben")[0] == 0
    history = run_cli(capsys, "ledger", "history", "K045")[1]
    assert "retracted" in history and "ISW corrected it" in history and "ben" in history
    listed = run_cli(capsys, "ledger", "list", "--format", "csv")[1].splitlines()
    assert len(listed) == 1 + 113 and not any(line.startswith("K045,") for line in listed)
    then = run_cli(capsys, "ledger", "list", "--format", "csv", "--as-of", "1")[1].splitlines()
    assert sum(line.startswith("K045,") for line in then) == 1
    code, out, _ = run_cli(capsys, "ledger", "timeline", "--freq", "MS", "-o", str(tmp_path / "control.gpkg"))
    assert code == 0 and "UA_held" in out and (tmp_path / "control.gpkg").is_file()
    out = tmp_path / "claims.csv"
    assert run_cli(capsys, "ledger", "export", "-o", str(out))[0] == 0
    assert len(read_claims(out)) == 113
    assert "retract" in run_cli(capsys, "ledger", "log")[1]


@pytest.mark.parametrize("args, message", [
    (["list", "--ledger", "missing.gpkg"], "no ledger at missing.gpkg"),
    (["list", "--ledger", "claims.csv"], "ending in .gpkg"),
    (["list", "--as-of", "soon"], "as_of='soon' is not valid"),
    (["retract", "K999", "--why", "x"], "no claim 'K999'"),
    (["add", "nothing.csv"], "nothing.csv"),
    (["history", "K999"], "no claim 'K999'"),
    (["export", "-o", "x.xlsx"], "valid: .csv"),
    (["timeline", "--freq", "fortnight"], "freq='fortnight' is not valid"),
])
def test_cli_ledger_misuse_is_one_message_and_exit_2(tmp_path, capsys, monkeypatch, args, message):
    ledger = tmp_path / "l.gpkg"
    Ledger(ledger, create=True).add(frame(kursk_rows()[:3]))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GEOCLAIMS_LEDGER", str(ledger))
    code, _, err = run_cli(capsys, "ledger", *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_a_user_who_may_not_enable_postgis_is_told_whom_to_ask(pg_cluster):
    import secrets

    db = pg_cluster.new_database(postgis=False)
    role, password = f"analyst_{secrets.token_hex(3)}", secrets.token_urlsafe(12)
    with pg_cluster.connect(db) as conn:
        conn.autocommit = True
        conn.cursor().execute(f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
        conn.cursor().execute(f"GRANT ALL ON SCHEMA public TO {role}")
    url = f"postgresql://{role}:{password}@127.0.0.1:{pg_cluster.port}/{db}"
    with pytest.raises(LedgerError, match="ask its owner to run CREATE EXTENSION postgis"):
        Ledger(url, create=True)
    with pg_cluster.connect(db) as conn:  # the owner enables it; then the analyst can create the ledger
        conn.autocommit = True
        conn.cursor().execute("CREATE EXTENSION postgis")
    with Ledger(url, create=True) as ledger:
        ledger.add(frame(kursk_rows()[:5]), by=role)
        assert ledger.log()["entered_by"].tolist() == [role]
