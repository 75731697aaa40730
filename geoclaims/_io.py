"""Atomic output: write to a temporary file beside the target, then rename.

Readers of an output see the old file or the new one, never half of one. The
temporary file is named ``.geoclaims-tmp-<pid>-<name>-<random>`` so that it is
recognisably ours: it is removed on every exit path we control (an exception,
Ctrl-C, a SIGTERM the CLI turns into an exit), and a later write into the same
folder removes the ones a killed process left (its process is gone, or the file
is over an hour old).

Errors writing (a folder where a file should go, no permission, a missing
parent we may not create, a full disk) become :class:`~geoclaims.errors.OutputError`
naming the path.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from pathlib import Path
from typing import Iterator

from geoclaims.errors import OutputError

__all__ = ["atomic_write", "atomic_path", "clean_stale_temporaries", "TEMP_PREFIX"]

#: Prefix of our temporary files.
TEMP_PREFIX = ".geoclaims-tmp-"
_TEMP = re.compile(re.escape(TEMP_PREFIX) + r"(\d+)-")
#: A temporary file this old is stale even if a process with its pid exists (pids are reused).
STALE_SECONDS = 3600.0
_CLEANED: set[str] = set()


def atomic_write(path: str | os.PathLike[str], payload: bytes) -> None:
    """Write `payload` to `path` so that readers see the old file or the new one, never half."""
    with atomic_path(path) as tmp:
        try:
            tmp.write_bytes(payload)
        except OSError as e:
            raise OutputError(f"cannot write {path}: {e.strerror or e}") from None


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success it replaces `path`.

    For writers that need a file name (pyogrio). On error the temporary file (and any
    ``-journal``/``-wal`` beside it) is removed and `path` is left as it was.

    Raises
    ------
    OutputError
        When `path` is a folder, or its folder cannot be created or written.
    """
    path = Path(path)
    if path.is_dir():
        raise OutputError(f"cannot write {path}: it is a folder; give a file name")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise OutputError(f"cannot write {path}: {path.parent} is a file, not a folder") from None
    except OSError as e:
        raise OutputError(f"cannot write {path}: cannot create its folder {path.parent} ({e.strerror or e})") from None
    clean_stale_temporaries(path.parent, once=True)
    tmp = path.parent / f"{TEMP_PREFIX}{os.getpid()}-{path.stem[:80]}-{secrets.token_hex(4)}{path.suffix}"
    try:
        yield tmp
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as e:
        _remove(tmp)
        if isinstance(e, OutputError):
            raise
        raise OutputError(f"cannot write {path}: {e.strerror or e}") from None
    except BaseException:
        _remove(tmp)
        raise


def _remove(tmp: Path) -> None:
    for p in (tmp, tmp.with_name(tmp.name + "-journal"), tmp.with_name(tmp.name + "-wal"),
              tmp.with_name(tmp.name + "-shm")):
        with contextlib.suppress(OSError):
            p.unlink()


def clean_stale_temporaries(folder: str | os.PathLike[str], *, once: bool = False) -> list[Path]:
    """Remove our temporary files in `folder` that a killed process left behind.

    A temporary file is stale when the process that made it is gone, or when it is older
    than :data:`STALE_SECONDS`. Files of running geoclaims processes are left alone.

    Parameters
    ----------
    folder : path
    once : bool
        Look at each folder only once per process (for writes in a loop).

    Returns
    -------
    list of Path
        What was removed.
    """
    folder = Path(folder)
    key = str(folder.resolve()) if once else ""
    if once and key in _CLEANED:
        return []
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        m = _TEMP.match(entry.name)
        if not m:
            continue
        pid = int(m.group(1))
        try:
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
        except OSError:
            continue
        if pid != os.getpid() and (old or not _alive(pid)):
            with contextlib.suppress(OSError):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
    if once:
        _CLEANED.add(key)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, owned by someone else
    return True
