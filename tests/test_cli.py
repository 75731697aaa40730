import csv
import io
import json
import subprocess
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
        (["geocode", "--file", "/nonexistent/names.txt"], "cannot read names file"),
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


def test_console_script_entry_point():
    proc = subprocess.run([sys.executable, "-m", "geoclaims", "geocode", "Бердин"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "Berdin" in proc.stdout
