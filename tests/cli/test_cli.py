import csv
import io
import json
import subprocess
from pathlib import Path
import sys

import pytest

from geoclaims.cli import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_done_when_command(capsys):
    code, out, err = run(capsys, "geocode", "Berdin", "Russkoye Porechnoye", "Руське Поріччя", "Artemovsk")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["query", "place", "region"]
    rows = {line.split("  ")[0].strip(): line for line in lines[1:]}
    assert "Berdin" in rows["Berdin"] and "1.00" in rows["Berdin"] and "exact" in rows["Berdin"]
    assert "Russkoye Porechnoye" in rows["Руське Поріччя"] and "alias" in rows["Руське Поріччя"]
    assert "Bakhmut" in rows["Artemovsk"] and "Donetsk Oblast" in rows["Artemovsk"]


def test_unresolved_name_exits_1_with_candidates(capsys):
    code, out, err = run(capsys, "geocode", "Sudzha", "Porechnoye-qqxz")
    assert code == 1
    assert "no place matches 'Porechnoye-qqxz'" in err and "closest names" in err and "Porechnoye" in err
    assert "Traceback" not in err


def test_csv_and_geojson(capsys):
    code, out, _ = run(capsys, "geocode", "Sudzha", "Kolmakov", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["name"] for r in rows] == ["Sudzha", "Kolmakov"]
    assert rows[1]["lat"] == "" and "no coordinates" in rows[1]["note"]
    code, out, _ = run(capsys, "geocode", "Sudzha", "--format", "geojson")
    fc = json.loads(out)
    assert fc["type"] == "FeatureCollection"
    assert fc["features"][0]["geometry"]["coordinates"] == pytest.approx([35.27056, 51.19139])


def test_region_near_and_strict(capsys):
    code, out, err = run(capsys, "geocode", "Martynovka", "--no-mutual")
    assert code == 0 and "ambiguous" in out and "ambiguous" in err
    code, _, _ = run(capsys, "geocode", "Martynovka", "--strict")
    assert code == 1
    code, out, _ = run(capsys, "geocode", "Martynovka", "--region", "Курская область", "--strict")
    assert code == 0 and "Kursk Oblast" in out
    code, out, _ = run(capsys, "geocode", "Martynovka", "--near", "51.19,35.27", "--strict")
    assert code == 0 and "Kursk Oblast" in out
    code, out, _ = run(capsys, "geocode", "Martynovka", "--near", "Sudzha", "--strict")
    assert code == 0 and "Kursk Oblast" in out


def test_file_input(tmp_path, capsys, monkeypatch):
    f = tmp_path / "names.txt"
    f.write_text("# seed names\nSudzha\n\nBerdin  # a khutor\n", encoding="utf-8")
    code, out, _ = run(capsys, "geocode", "--file", str(f), "--format", "csv")
    assert code == 0 and [r["query"] for r in csv.DictReader(io.StringIO(out))] == ["Sudzha", "Berdin"]
    monkeypatch.setattr(sys, "stdin", io.StringIO("Sudzha\n"))
    code, out, _ = run(capsys, "geocode", "-f", "-", "--format", "csv")
    assert code == 0 and "Sudzha" in out


@pytest.mark.parametrize(
    "argv, message",
    [
        (["geocode"], "give at least one NAME"),
        (["geocode", "--file", "/nonexistent/names.txt"], "names file not found"),
        (["geocode", "Sudzha", "--region", "Atlantis"], "unknown region 'Atlantis'"),
        (["geocode", "Sudzha", "--country", "Narnia"], "unknown country"),
    ],
)
def test_usage_errors_exit_2_without_traceback(capsys, argv, message):
    code, _, err = run(capsys, *argv)
    assert code == 2 and message in err and "Traceback" not in err


def test_bad_format_is_argparse_error(capsys):
    with pytest.raises(SystemExit) as e:
        main(["geocode", "Sudzha", "--format", "xml"])
    assert e.value.code == 2


def test_demo(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the demo writes ./geoclaims-demo
    observed = Path(__file__).resolve().parents[1] / "data" / "deepstate-kursk"
    code, out, _ = run(capsys, "demo", "--observed", str(observed), "--no-progress")
    assert code == 0
    for name in ("Sudzha", "Berdin", "Russkoye Porechnoye", "Novosotnitsky", "Malaya Loknya"):
        assert name in out
    for text in ("not mapped: no coordinates for", "southern Berdin", "central Russkoye Porechnoye",
                 "central Novosotnitsky", "inferred from the claims nearby", "UA_total_max", "claimed km²"):
        assert text in out, text
    # the claims map beside the observed one: the fixture's month-end snapshots, with the band and the IoU
    table = out[out.index("Observed maps (DeepStateMap"):]
    assert "2024-11-30" in table and "2025-01-31" in table and "mean IoU" in table
    assert "observed maps" in (tmp_path / "geoclaims-demo" / "index.html").read_text(encoding="utf-8")


def test_demo_without_observed_maps_says_how_to_add_them(capsys, monkeypatch):
    import argparse

    from geoclaims.cli.render import ARCHIVE_ENV, _demo_observed

    assert _demo_observed(argparse.Namespace(observed=None), None) is None
    assert ARCHIVE_ENV in capsys.readouterr().out


KURSK = str(Path(__file__).resolve().parents[2] / "examples" / "kursk" / "claims.csv")


def test_area_prints_a_daily_series_per_side(capsys):
    code, out, err = run(capsys, "area", KURSK)
    assert code == 0 and "not mapped" in err
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("date"))
    assert "UA_held" in header and "RU_total" in header
    days = [line for line in lines if line[:4] in ("2024", "2025")]
    assert days[0].startswith("2024-08-06") and days[-1].startswith("2025-04-26") and len(days) == 264


def test_area_csv_side_range_and_check(capsys, tmp_path):
    code, out, _ = run(capsys, "area", KURSK, "--side", "UA", "--from", "2025-01-01", "--to", "2025-01-31",
                       "--format", "csv", "--check")
    assert code == 0
    csv_part = out.split("\n\n")[0].splitlines()
    assert csv_part[0] == "date,UA_held,UA_advanced,UA_contested,UA_total,UA_total_min,UA_total_max" and len(csv_part) == 32
    assert "K012" in out and "1,150" in out
    code, out, _ = run(capsys, "area", KURSK, "-o", str(tmp_path / "a.csv"))
    assert code == 0 and (tmp_path / "a.csv").read_text().startswith("date,UA_held")


def test_diff_shows_the_seed_reports_changes(capsys):
    code, out, _ = run(capsys, "diff", KURSK, "2025-01-05", "2025-01-07", "--method", "territory")
    assert code == 0
    for where, claim in (("southern Berdin", "K045"), ("central Russkoye Porechnoye", "SEED1"),
                         ("central Novosotnitsky", "SEED1"), ("west of Malaya Loknya", "SEED2")):
        line = next(x for x in out.splitlines() if f" {where} " in x and "gained" in x)
        assert claim in line
    assert "settlements that changed hands" in out
    code, out, _ = run(capsys, "diff", KURSK, "2025-01-05", "2025-01-07", "--format", "csv")
    assert out.splitlines()[0].startswith("side,change,area_km2,where,claim_id")
    # the default method also shows the land it infers, with the claims that drove it
    code, out, _ = run(capsys, "diff", KURSK, "2025-01-05", "2025-01-07")
    inferred = [x for x in out.splitlines() if "(inferred from the claims nearby)" in x and "UA    gained" in x]
    assert code == 0 and inferred and "K045" in inferred[0]
    assert not [x for x in out.splitlines() if "  0.00  " in x]  # slivers of the overlay are not listed as changes


def test_build_writes_gpkg_and_geojson(capsys, tmp_path):
    import geopandas

    for ext in ("gpkg", "geojson"):
        out_path = tmp_path / f"kursk.{ext}"
        code, out, _ = run(capsys, "build", KURSK, "-o", str(out_path), "--areas", str(tmp_path / "areas.csv"))
        assert code == 0 and out_path.exists() and "dated polygons" in out
        gdf = geopandas.read_file(out_path, layer="control" if ext == "gpkg" else None)
        assert {"valid_from", "valid_to", "side", "status", "claim_ids"} <= set(gdf.columns)


def test_claims_commands_report_bad_input(capsys, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text(Path(KURSK).read_text(encoding="utf-8").replace("K045,2025-01-05", "K045,2025-13-05"),
                   encoding="utf-8")
    code, _, err = run(capsys, "area", str(bad))
    assert code == 2 and "line 62, column 'date'" in err and "Traceback" not in err
    code, out, err = run(capsys, "area", str(bad), "--on-error", "collect", "--freq", "claims")
    assert code == 0 and "skipped:" in err and "line 62" in err
    code, _, err = run(capsys, "diff", KURSK, "2025-01-07", "2025-01-05")
    assert code == 2 and "before start" in err
    code, _, err = run(capsys, "area", KURSK, "--perspective", "Nobody")
    assert code == 2 and "valid: all, assessed" in err
    code, _, err = run(capsys, "area", str(tmp_path / "missing.csv"))
    assert code == 2 and "not found" in err


def test_console_script_entry_point():
    proc = subprocess.run([sys.executable, "-m", "geoclaims", "geocode", "Бердин"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Berdin" in proc.stdout


# -- misuse matrix (issue 11): every subcommand, every kind of bad input: exit 2, one message, no traceback --------
@pytest.fixture(scope="module")
def misuse(tmp_path_factory):
    """Files for the misuse matrix: good claims and snapshots, and every kind of bad input."""
    from tests.conftest import KURSK_CLAIMS

    d = tmp_path_factory.mktemp("misuse")
    (d / "k.csv").write_bytes(KURSK_CLAIMS.read_bytes())
    (d / "folder.csv").mkdir()
    (d / "cp1251.csv").write_bytes("claim_id,date\nК1,2024-08-01\n".encode("cp1251"))
    (d / "cp1251.txt").write_bytes("Суджа\n".encode("cp1251"))
    (d / "bad.xyz").write_text("x", encoding="utf-8")
    (d / "empty.csv").write_text("", encoding="utf-8")
    (d / "nested.json").write_text("[" * 3000 + "]" * 3000, encoding="utf-8")
    (d / "a-file").write_text("x", encoding="utf-8")
    snaps = d / "snaps"
    snaps.mkdir()
    sq = [[35.2, 51.15], [35.35, 51.15], [35.35, 51.25], [35.2, 51.25], [35.2, 51.15]]
    for day in ("2024-08-20", "2024-09-20"):
        (snaps / f"{day}.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [sq]},
             "properties": {"side": "UA", "status": "held"}}]}), encoding="utf-8")
    return d


def _misuse_cases():
    K, S = "{d}/k.csv", "{d}/snaps"
    bad_claims = ["{d}/missing.csv", "{d}/folder.csv", "{d}/cp1251.csv", "{d}/bad.xyz", "{d}/empty.csv",
                  "{d}/nested.json"]
    out = []
    for c in bad_claims:
        out += [["area", c], ["diff", c, "2025-01-05", "2025-01-07"], ["build", c, "-o", "{d}/o.gpkg"],
                ["render", c, "--out", "{d}/r", "--no-progress"], ["compare", c, S]]
    out += [
        ["geocode", "Sudzha", "--near", "999,999"], ["geocode", "Sudzha", "--near", "Atlantis City"],
        ["geocode", "--file", "{d}/cp1251.txt"], ["geocode", "--file", "{d}/folder.csv"],
        ["geocode", "--file", "{d}/missing.txt"], ["geocode", "Sudzha", "--region", "Atlantis"],
        ["geocode", "Sudzha", "--country", "ZZ"], ["geocode", "--file", "{d}/cp1251.txt", "--encoding", "klingon"],
        ["area", K, "--freq", "0D"], ["area", K, "--freq", "-1D"], ["area", K, "--freq", "bogus"],
        ["area", K, "--from", "2025-01-01", "--to", "2024-01-01"], ["area", K, "--from", "0001-01-01"],
        ["area", K, "--to", "9999-12-31"], ["area", K, "--from", "yesterday"], ["area", K, "--region", "999,999,1,1"],
        ["area", K, "--region", "Atlantis"], ["area", K, "-o", "{d}/folder.csv"], ["area", K, "-o", "{d}/a-file/x.csv"],
        ["area", K, "--perspective", "nobody"], ["area", K, "--window-days", "-5"], ["area", K, "--baseline",
                                                                                         "{d}/bad.xyz"],
        ["area", K, "--baseline", "{d}/missing.geojson"], ["area", K, "--baseline", "{d}/folder.csv"],
        ["area", K, "--encoding", "nope"], ["area", K, "--side", "XX"], ["area", K, "--method", "magic"],
        ["diff", K, "2025-01-07", "2025-01-05"], ["diff", K, "x", "y"], ["diff", K, "0001-01-01", "9999-12-31"],
        ["build", K, "-o", "{d}/folder.csv"], ["build", K, "-o", "{d}/out.xyz"], ["build", K, "-o", "{d}/a-file/x.gpkg"],
        ["build", K, "-o", "{d}/ok.gpkg", "--areas", "{d}/folder.csv"],
        ["render", K, "--out", "{d}/a-file", "--no-progress"], ["render", K, "--out", "{d}/r", "--from", "2030-01-01",
                                                                "--no-progress"],
        ["render", K, "--out", "{d}/r", "--tiles", "Nope.Tiles", "--no-progress"],
        ["render", K, "--out", "{d}/r", "--days", "weekly"], ["render", K, "--out", "{d}/r", "--assets", "magic"],
        ["observed", "{d}/missing"], ["observed", "{d}/bad.xyz"], ["observed", S, "--region", "Atlantis"],
        ["observed", S, "--workers", "0"], ["observed", S, "--workers", "-3"], ["observed", S, "--area-series",
                                                                                 "{d}/folder.csv"],
        ["observed", S, "--date-property", "nope"], ["observed", S, "--preset", "nope"],
        ["observed", S, "--render", "{d}/a-file"], ["observed", S, "--snapshots-from", "soon"],
        ["observed", S, "--snapshots-from", "2025-01-01", "--snapshots-to", "2024-01-01"],
        ["observed", S, "--snapshots-from", "2030-01-01"], ["demo", "--observed", "{d}/missing", "--out", "{d}/dm"],
        ["compare", K, "{d}/missing"], ["compare", K, S, "--window-days", "-9"], ["compare", K, S, "--threshold", "7"],
        ["extract", "{d}/cp1251.txt"], ["extract", "{d}/missing.txt"], ["extract", "{d}/folder.csv"],
        ["extract", "{d}/cp1251.txt", "--encoding", "cp1251", "--published", "yesterday"],
        ["extract", "{d}/cp1251.txt", "--encoding", "cp1251", "-o", "{d}/folder.csv"],
        ["extract", "{d}/cp1251.txt", "--encoding", "cp1251", "--region", "Atlantis"],
        ["extract", "{d}/cp1251.txt", "--min-confidence", "7"],
        ["demo", "--out", "{d}/a-file"], ["nonsense-command"], ["area"], ["--frobnicate"],
    ]
    return out


MISUSE = _misuse_cases()


@pytest.mark.parametrize("argv", MISUSE, ids=[" ".join(a).replace("{d}/", "")[:60] for a in MISUSE])
def test_cli_misuse_exits_2_with_one_message_and_no_traceback(misuse, capsys, argv):
    args = [a.format(d=misuse) for a in argv]
    try:
        code = main(args)
    except SystemExit as e:  # argparse's own usage errors
        code = e.code
    out, err = capsys.readouterr()
    assert code == 2, (code, err)
    assert "Traceback" not in err and "Traceback" not in out
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert lines and ("error" in err), err
    assert not (Path(misuse) / "a-file").is_dir()


def test_cli_reads_non_utf8_stdin_with_a_clear_error():
    proc = subprocess.run([sys.executable, "-m", "geoclaims", "extract", "-"], input="Суджа взята".encode("cp1251"),
                          capture_output=True, timeout=120)
    err = proc.stderr.decode()
    assert proc.returncode == 2 and "Traceback" not in err and "--encoding cp1251" in err
    proc = subprocess.run([sys.executable, "-m", "geoclaims", "extract", "-", "--encoding", "cp1251",
                           "--published", "2024-08-12"],
                          input="Российские войска освободили Суджу.".encode("cp1251"), capture_output=True, timeout=120)
    assert proc.returncode == 0, proc.stderr.decode()


def test_sigterm_during_a_render_leaves_no_temporary_files(tmp_path):
    import signal
    import time

    from tests.conftest import KURSK_CLAIMS

    out = tmp_path / "site"
    # a page for every calendar day (some 260): pages go on being written long after the first one, so the signal
    # lands mid-render even on a loaded machine (with the 46 claim days it could come after the last page)
    proc = subprocess.Popen([sys.executable, "-m", "geoclaims", "render", str(KURSK_CLAIMS), "--out", str(out),
                             "--no-progress", "--days", "all"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and not (out.exists() and any(out.glob("*.html"))):
        time.sleep(0.05)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err.decode()
    assert "Traceback" not in err.decode() and "terminated" in err.decode()
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def test_geocode_marks_guesses_and_strict_fails_on_them(capsys):
    code, out, err = run(capsys, "geocode", "Robotinne", "Sudzha")
    assert code == 0 and "(guess)" in out.splitlines()[1] and "(guess)" not in out.splitlines()[2]
    assert "'Robotinne' matched only by a guess: Robotyne" in err
    code, out, err = run(capsys, "geocode", "Robotinne", "--strict")
    assert code == 1
    code, out, _ = run(capsys, "geocode", "Robotinne", "Robotyne", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["uncertain"] for r in rows] == ["True", "False"]
    code, out, _ = run(capsys, "geocode", "Robotinne", "--format", "geojson")
    assert json.loads(out)["features"][0]["properties"]["uncertain"] is True


def test_geocode_table_stays_aligned_with_names_in_wide_scripts(capsys):
    # katakana, Hangul and Chinese characters take two terminal columns each: the columns after them line up
    from wcwidth import wcswidth

    code, out, _ = run(capsys, "geocode", "コンスタンチノフカ", "차소프 야르", "Sudzha", "--region", "Donetsk Oblast",
                       "--region", "Kursk Oblast")
    lines = out.splitlines()
    assert code == 0 and len(lines) == 4
    starts = {wcswidth(line[:line.index(name, 1)]) for line, name in
              zip(lines, ["place", "Kostyantynivka", "Chasiv Yar", "Sudzha"])}
    assert len(starts) == 1, out


def test_geocode_the_issue_names_with_regions(capsys):
    code, out, err = run(capsys, "geocode", "Robotyne", "Hlyboke", "Стариця", "--region", "Zaporizhzhia Oblast",
                         "--region", "Харківщина", "--strict", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0, err
    assert [(r["name"], r["admin1"], r["reason"]) for r in rows] == [
        ("Robotyne", "Zaporizhzhia Oblast", "exact"), ("Hlyboke", "Kharkiv Oblast", "exact"),
        ("Starytsia", "Kharkiv Oblast", "alias")]
