"""``Timeline.area_series(..., client=)``: the areas of each snapshot computed on a Dask cluster's workers.

The figures are the same to the last bit as the single-process path's (sums are taken in
:meth:`Timeline.area_series`' order).
"""

from __future__ import annotations

from typing import Any, Sequence

from geoclaims._dask import client_threads

__all__ = ["snapshot_areas"]


def snapshot_areas(client: Any, snapshots: Sequence[Sequence[Any]], clip: Any) -> dict[int, dict[str, float]]:
    """``id(snapshot) -> {"UA_held": km², ...}`` for each distinct snapshot, computed on the workers.

    Runs of consecutive snapshots go to one task each with their distinct pieces once (unchanged pieces
    are shared between snapshots), and each piece's area is computed once per task. Sums are taken in
    :meth:`Timeline.area_series`' order, so the figures are the same to the last bit.
    """
    distinct: list[Sequence[Any]] = list({id(s): s for s in snapshots}.values())
    if not distinct:
        return {}
    threads = client_threads(client)
    size = max(1, -(-len(distinct) // (4 * threads)))
    clip_f = client.scatter(clip, broadcast=True) if clip is not None else None
    futures = []
    for i in range(0, len(distinct), size):
        run = distinct[i:i + size]
        index: dict[int, int] = {}
        pieces = []
        for snap in run:
            for p in snap:
                if id(p) not in index:
                    index[id(p)] = len(pieces)
                    pieces.append((p.side, p.status, p.geom))
        futures.append(client.submit(_run_areas, pieces, [[index[id(p)] for p in s] for s in run], clip_f,
                                     pure=False))
    out: dict[int, dict[str, float]] = {}
    for i, f in zip(range(0, len(distinct), size), futures):
        for snap, vals in zip(distinct[i:i + size], f.result()):
            out[id(snap)] = vals
    return out


def _run_areas(pieces: list[tuple[str, str, Any]], snaps: list[list[int]], clip: Any) -> list[dict[str, float]]:
    import numpy as np
    import shapely

    from geoclaims.claims.claim import SIDES
    from geoclaims.control.engine import STATUSES

    geoms = [g for _, _, g in pieces]
    areas = shapely.area(shapely.intersection(geoms, clip) if clip is not None else geoms) if geoms else []
    out = []
    for snap in snaps:
        vals: dict[str, float] = {}
        for s in SIDES:
            for st in STATUSES:
                picked = [areas[k] for k in snap if pieces[k][0] == s and pieces[k][1] == st]
                vals[f"{s}_{st}"] = float(np.sum(picked)) / 1e6 if picked else 0.0
            vals[f"{s}_total"] = vals[f"{s}_held"] + vals[f"{s}_advanced"]
            vals[f"{s}_total_min"] = vals[f"{s}_total_max"] = vals[f"{s}_total"]
        out.append(vals)
    return out
