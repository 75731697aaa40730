"""Writing a ledger's claims to files: the claims format (CSV, JSON) or a GIS layer (GeoPackage, GeoJSON)."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geoclaims.errors import InvalidArgument

if TYPE_CHECKING:  # pragma: no cover
    from geoclaims.ledger.store import Ledger

__all__ = ["write_export", "EXPORT_FORMATS"]

#: File endings :meth:`Ledger.export` writes.
EXPORT_FORMATS = (".csv", ".json", ".gpkg", ".geojson")


def write_export(ledger: "Ledger", path: Path, filters: dict[str, Any]) -> Path:
    """Write the ledger's claims (chosen by `filters`, as :meth:`Ledger.claims` takes them) to `path`."""
    from geoclaims._io import atomic_path, atomic_write

    suffix = path.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise InvalidArgument(f"{path}: cannot export to {suffix or '(no extension)'!r}; valid: "
                              f"{', '.join(EXPORT_FORMATS)}")
    if suffix in (".gpkg", ".geojson"):
        import pyogrio

        gdf = ledger.to_geodataframe(**filters)
        gdf["entered_at"] = gdf["entered_at"].astype("datetime64[us, UTC]")
        with atomic_path(path) as tmp:
            pyogrio.write_dataframe(gdf, tmp, layer="claims", driver="GPKG" if suffix == ".gpkg" else "GeoJSON")
        return path
    df = ledger.claims(**filters).to_dataframe()
    # a place the user located (id user:...) is found again by its name and coordinates, not by its id
    df["place_id"] = [("" if str(v).startswith("user:") else v) for v in df["place_id"]]
    if suffix == ".csv":
        payload = df.to_csv(index=False, lineterminator="\n", float_format="%.10g")
    else:
        records = [{k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()}
                   for r in df.to_dict("records")]
        payload = json.dumps({"claims": records}, ensure_ascii=False, indent=1)
    atomic_write(path, payload.encode("utf-8"))
    return path
