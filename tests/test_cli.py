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
    code, out, err = run(capsys, "geocode", "Sudzha", "Porechnoyee-qq")
    assert code == 1
    assert "no place matches 'Porechnoyee-qq'" in err and "closest names" in err and "Porechnoye" in err
    assert "Traceback" not in err


def test_csv_and_geojson(capsys):
    code, out, _ = run(capsys, "geocode", "Sudzha", "Sverdlikovo", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and [r["name"] for r in rows] == ["Sudzha", "Sverdlikovo"]
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


def test_demo(capsys):
    code, out, _ = run(capsys, "demo")
    assert code == 0
    for name in ("Sudzha", "Berdin", "Russkoye Porechnoye", "Novosotnitsky", "Malaya Loknya"):
        assert name in out
    for text in ("not mapped: no coordinates for", "southern Berdin", "central Russkoye Porechnoye",
                 "central Novosotnitsky", "west of Malaya Loknya", "SEED2", "claimed km²"):
        assert text in out, text


KURSK = str(Path(__file__).resolve().parent.parent / "examples" / "kursk" / "claims.csv")


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
    assert csv_part[0] == "date,UA_held,UA_advanced,UA_contested,UA_total" and len(csv_part) == 32
    assert "K012" in out and "1,150" in out
    code, out, _ = run(capsys, "area", KURSK, "-o", str(tmp_path / "a.csv"))
    assert code == 0 and (tmp_path / "a.csv").read_text().startswith("date,UA_held")


def test_diff_shows_the_seed_reports_changes(capsys):
    code, out, _ = run(capsys, "diff", KURSK, "2025-01-05", "2025-01-07")
    assert code == 0
    for where, claim in (("southern Berdin", "K045"), ("central Russkoye Porechnoye", "SEED1"),
                         ("central Novosotnitsky", "SEED1"), ("west of Malaya Loknya", "SEED2")):
        line = next(x for x in out.splitlines() if f" {where} " in x and "gained" in x)
        assert claim in line
    assert "settlements that changed hands" in out
    code, out, _ = run(capsys, "diff", KURSK, "2025-01-05", "2025-01-07", "--format", "csv")
    assert out.splitlines()[0].startswith("side,change,area_km2,where,claim_id")


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
