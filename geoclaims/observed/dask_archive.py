"""Snapshot archives on Dask: ``read_snapshots(..., client=)`` parses and builds each snapshot on a worker.

:func:`map_snapshots` sends runs of consecutive snapshots to the client's workers and yields their
results in input order, the same as the process pool of :func:`geoclaims.read_snapshots`. Files in a
folder are read by the workers (by path: on several machines they need a shared filesystem); the
members of a zip archive are read here and sent.
"""

from __future__ import annotations

import itertools
from collections import deque
from pathlib import Path
from typing import Any, Iterator, Sequence

from geoclaims._dask import client_threads

__all__ = ["map_snapshots"]

_BUILDERS: dict[str, Any] = {}


def map_snapshots(client: Any, members: Sequence[tuple[str, Any]], root: Path, init: tuple, *,
                  window: int | None = None, run: int = 8) -> Iterator[Any]:
    """Parse and build snapshots on the client's workers; yields their ``_Parsed`` results in input order.

    `members` are ``(name, read)`` pairs of :func:`geoclaims.observed.files._members`; files in a folder are
    read by the workers (by path), zip members here. `init` is what :func:`geoclaims.observed.pieces._init_worker` takes.
    Each task takes `run` consecutive snapshots, so that a worker's builder finds the groups that did
    not change since the day before (as the process pool's chunks do).
    """
    import secrets

    from geoclaims.observed.files import _read_member

    token = secrets.token_hex(8)
    shared = client.scatter((token, init), broadcast=True)
    window = window or 2 * client_threads(client)
    folder = root if root.is_dir() else None
    pending: deque = deque()
    items = iter(members)
    try:
        while True:
            while len(pending) < window:
                batch = [(name, str(folder / name) if folder is not None else _read_member(name, read))
                         for name, read in itertools.islice(items, run)]
                if not batch:
                    break
                pending.append(client.submit(_remote_snapshots, batch, shared, pure=False))
            if not pending:
                break
            yield from pending.popleft().result()
    finally:
        for f in pending:
            f.cancel()
        _forget(client, token)


def _remote_snapshots(batch: list[tuple[str, Any]], shared: tuple) -> list[Any]:
    return [_remote_snapshot(name, data, shared) for name, data in batch]


def _remote_snapshot(name: str, data: Any, shared: tuple) -> Any:
    from geoclaims.observed.files import _read_member
    from geoclaims.observed.pieces import _Builder, _process

    token, (spec, date_from, date_property, proj, region_wkb) = shared
    builder = _BUILDERS.get(token)
    if builder is None:
        import shapely

        region = shapely.from_wkb(region_wkb) if region_wkb is not None else None
        builder = _BUILDERS[token] = _Builder(proj, region)
    if isinstance(data, str):  # a file of a folder: read here, on the worker
        path = Path(data)
        data = _read_member(name, lambda: _read_file(path))
    return _process(name, data, spec, date_from, date_property, builder, remote=True)


def _read_file(path: Path) -> bytes:
    from geoclaims.observed.files import MAX_SNAPSHOT_BYTES, _TooLarge

    size = path.stat().st_size
    if size > MAX_SNAPSHOT_BYTES:
        raise _TooLarge(f"{size:,} bytes, over the limit of {MAX_SNAPSHOT_BYTES:,} for one "
                                  "snapshot; skipped")
    return path.read_bytes()


def _forget(client: Any, token: str) -> None:
    try:
        client.run(_drop_builder, token)
    except Exception:  # noqa: BLE001 - a worker gone: its cache went with it
        pass


def _drop_builder(token: str) -> None:
    _BUILDERS.pop(token, None)
