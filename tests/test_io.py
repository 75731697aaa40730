"""Atomic outputs that clean up after themselves (geoclaims._io)."""

from __future__ import annotations

import os
import time

import pytest

from geoclaims._io import TEMP_PREFIX, atomic_path, atomic_write, clean_stale_temporaries
from geoclaims.errors import GeoclaimsError, OutputError


def _dead_pid() -> int:
    pid = 999_999
    while True:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return pid
        except PermissionError:
            pass
        pid -= 1


def test_atomic_write_replaces_whole_files(tmp_path):
    p = tmp_path / "sub" / "a.txt"
    atomic_write(p, b"one")
    atomic_write(p, b"two")
    assert p.read_bytes() == b"two"
    assert [x.name for x in p.parent.iterdir()] == ["a.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path):
    p = tmp_path / "a.gpkg"
    p.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        with atomic_path(p) as tmp:
            tmp.write_bytes(b"half")
            tmp.with_name(tmp.name + "-journal").write_bytes(b"j")
            raise RuntimeError("writer died")
    assert p.read_bytes() == b"old"
    assert sorted(x.name for x in tmp_path.iterdir()) == ["a.gpkg"]


@pytest.mark.parametrize("make, target, fragment", [
    (lambda d: (d / "out.csv").mkdir(), "out.csv", "it is a folder"),
    (lambda d: (d / "blocker").write_text("x"), "blocker/out.csv", "is a file, not a folder"),
])
def test_unwritable_targets_are_output_errors(tmp_path, make, target, fragment):
    make(tmp_path)
    target = tmp_path / target
    with pytest.raises(OutputError, match=fragment) as e:
        atomic_write(target, b"x")
    assert isinstance(e.value, GeoclaimsError) and isinstance(e.value, OSError)


def test_stale_temporaries_of_dead_or_old_processes_are_removed(tmp_path):
    dead = tmp_path / f"{TEMP_PREFIX}{_dead_pid()}-page-abcd.html"
    mine = tmp_path / f"{TEMP_PREFIX}{os.getpid()}-page-ef01.html"
    old_alive = tmp_path / f"{TEMP_PREFIX}1-page-9999.html"  # pid 1 exists, but the file is two hours old
    journal = tmp_path / f"{TEMP_PREFIX}{_dead_pid()}-x-1234.gpkg-journal"
    other = tmp_path / ".hidden-but-not-ours.html"
    for f in (dead, mine, old_alive, journal, other):
        f.write_text("x")
    two_hours_ago = time.time() - 7200
    os.utime(old_alive, (two_hours_ago, two_hours_ago))
    removed = clean_stale_temporaries(tmp_path)
    assert sorted(p.name for p in removed) == sorted([dead.name, old_alive.name, journal.name])
    assert mine.exists() and other.exists()


def test_render_removes_what_a_killed_render_left(tmp_path, kursk):
    from geoclaims import render_daily

    leftover = tmp_path / f"{TEMP_PREFIX}{_dead_pid()}-2025-01-06-abcd.html"
    tmp_path.mkdir(exist_ok=True)
    leftover.write_text("half a page")
    render_daily(kursk, tmp_path, start="2025-01-06", end="2025-01-06", progress=False)
    assert not leftover.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
