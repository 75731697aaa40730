"""Write claims as CSV, JSON or GeoJSON, atomically: :func:`write_claims`."""

from __future__ import annotations

import csv
import io
import json
import math
import os
from pathlib import Path
from typing import Any, Iterable

from geoclaims.claims.claim import Claim
from geoclaims.claims.claimset import _feature_geometry
from geoclaims.claims.columns import COLUMNS
from geoclaims.errors import InvalidArgument

__all__ = ["write_claims"]


# -- writing ---------------------------------------------------------------------
def write_claims(claims: Iterable[Claim], path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write claims as CSV, JSON or GeoJSON (atomically); ``read_claims`` reads them back.

    GeoJSON features carry the claim's drawn geometry, or else the place's point.
    ``place_id`` is written, so a re-read resolves to the same places.

    Parameters
    ----------
    claims : iterable of Claim
    path : path
        Target file; the format follows the extension unless `format` is given.
    format : {'csv', 'json', 'geojson'}, optional

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from geoclaims import read_claims
    >>> claims = read_claims("examples/kursk/claims.csv")
    >>> out = write_claims(claims, pathlib.Path(tempfile.mkdtemp()) / "claims.geojson")
    >>> [c.place for c in read_claims(out)] == [c.place for c in claims]
    True
    """
    from geoclaims._io import atomic_write

    path = Path(path)
    fmt = (format or path.suffix.lstrip(".")).lower()
    claims = list(claims)
    records = [_clean_record(c.to_record()) for c in claims]
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(COLUMNS), lineterminator="\n")
        w.writeheader()
        w.writerows({k: ("" if v is None else v) for k, v in r.items()} for r in records)
        payload = buf.getvalue()
    elif fmt == "json":
        payload = json.dumps({"claims": records}, ensure_ascii=False, indent=1)
    elif fmt == "geojson":
        import shapely

        feats = []
        for c, r in zip(claims, records):
            g = _feature_geometry(c)
            feats.append({"type": "Feature", "properties": r,
                          "geometry": json.loads(shapely.to_geojson(g)) if g is not None else None})
        payload = json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False)
    else:
        raise InvalidArgument(f"{path}: unknown claims format {fmt!r}; valid: csv, json, geojson")
    atomic_write(path, payload.encode("utf-8"))
    return path


def _clean_record(rec: dict[str, Any]) -> dict[str, Any]:
    return {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in rec.items()}
