"""The files of a snapshot archive: a folder, a zip or one file; each member's date from its name; size limits."""

from __future__ import annotations

import datetime as dt
import os
import re
import zipfile
from pathlib import Path
from typing import Callable, Iterator

from geoclaims.observed.rules import SnapshotError, SnapshotProblem

__all__ = ["date_from_name", "MAX_SNAPSHOT_BYTES"]


_SUFFIXES = (".geojson", ".json")

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")

_UNIX = re.compile(r"(?<!\d)(\d{10})(?!\d)")


def date_from_name(name: str) -> dt.date | None:
    """The date in a file name: ``2025-01-05`` anywhere, or a 10-digit Unix timestamp (UTC).

    Examples
    --------
    >>> date_from_name("deepstate/1736112210.geojson"), date_from_name("map-2024-08-19.json")
    (datetime.date(2025, 1, 5), datetime.date(2024, 8, 19))

    Returns
    -------
    datetime.date or None
    """
    base = os.path.basename(name)
    m = _ISO.search(base)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    m = _UNIX.search(base)
    if m:
        return dt.datetime.fromtimestamp(int(m[1]), tz=dt.timezone.utc).date()
    return None


def _sort_key(name: str) -> tuple:
    m = _UNIX.search(os.path.basename(name))
    return (int(m[1]) if m else 0, name)


#: A snapshot file larger than this (after unzipping) is refused: real ones are about 0.5 MB.
MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024


def _read_member(name: str, read: Callable[[], bytes]) -> "bytes | SnapshotProblem":
    """The bytes of one archive member, or the problem that stopped their reading."""
    import zlib

    try:
        return read()
    except zipfile.BadZipFile as e:
        return SnapshotProblem(name, f"damaged zip member ({e}); skipped")
    except NotImplementedError as e:
        return SnapshotProblem(name, f"zip member in a compression this Python cannot read ({e}); skipped")
    except RuntimeError as e:  # zipfile: "File ... is encrypted, password required"
        return SnapshotProblem(name, f"zip member cannot be read ({e}); skipped")
    except (zlib.error, EOFError) as e:
        return SnapshotProblem(name, f"damaged zip member ({e}); skipped")
    except _TooLarge as e:
        return SnapshotProblem(name, str(e))
    except OSError as e:
        return SnapshotProblem(name, f"cannot be read ({e.strerror or e}); skipped")


class _TooLarge(Exception):
    pass


# -- enumerating an archive -------------------------------------------------------------------------
def _members(path: Path) -> Iterator[tuple[str, Callable[[], bytes]]]:
    def sized(read: Callable[[], bytes], size: int, name: str) -> Callable[[], bytes]:
        def go() -> bytes:
            if size > MAX_SNAPSHOT_BYTES:
                raise _TooLarge(f"{size:,} bytes, over the limit of {MAX_SNAPSHOT_BYTES:,} for one snapshot; skipped")
            return read()
        return go

    if path.is_dir():
        for p in sorted(path.rglob("*")):
            if p.is_file() and p.suffix.lower() in _SUFFIXES:
                yield str(p.relative_to(path)), sized(p.read_bytes, p.stat().st_size, p.name)
    elif zipfile.is_zipfile(path):
        try:
            zf = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as e:
            raise SnapshotError(f"{path}: not a readable zip archive ({e})") from None
        for info in sorted(zf.infolist(), key=lambda i: i.filename):
            if not info.is_dir() and info.filename.lower().endswith(_SUFFIXES):
                yield info.filename, sized(lambda n=info.filename: zf.read(n), info.file_size, info.filename)
    else:
        yield path.name, sized(path.read_bytes, path.stat().st_size, path.name)
