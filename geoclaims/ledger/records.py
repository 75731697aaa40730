"""Claims to ledger rows and back, with the place as it was resolved at entry.

A row keeps the claim's fields as the claims format writes them, and a copy of its place (id, name,
coordinates, uncertainty, country, oblast, district, kind, population): rebuilding the claim never
asks the gazetteer again, so a later gazetteer change does not move an old claim.
"""

from __future__ import annotations

import json
import math
from typing import Any, Iterable, Mapping

from geoclaims.claims.claim import Claim, parse_date
from geoclaims.places.place import Place

__all__ = ["claim_row", "row_claim", "content_key"]

#: Fields compared to decide whether a re-entered claim changed (provenance is not content).
_PROVENANCE = ("source", "line")


def claim_row(c: Claim) -> dict[str, Any]:
    """The ledger row of a claim: its fields, its place as resolved now, and its geometry.

    Examples
    --------
    >>> from geoclaims.claims.claim import parse_date
    >>> p = Place(id="x:1", name="Sudzha", lat=51.19, lon=35.27, uncertainty_km=0.1, country="RU")
    >>> row = claim_row(Claim("C1", parse_date("2024-08")[0], "ISW", "neutral", "UA", "capture", "assessed",
    ...                        date_precision="month", place_name="Суджа", place=p))
    >>> row["date"], row["place"], row["place_id"], row["lat"], row["geom"].wkt
    ('2024-08', 'Суджа', 'x:1', 51.19, 'POINT (35.27 51.19)')
    """
    import shapely

    rec = c.to_record()
    p = c.place
    row: dict[str, Any] = {k: rec[k] for k in ("claim_id", "date", "claimant", "claimant_side", "side", "action",
                                               "status", "place", "place_id", "region", "qualifier", "area_basis",
                                               "source_url", "note")}
    row.update(distance_km=c.distance_km, area_km2=c.area_km2, source=c.source or "", line=c.line,
               place_uncertain=bool(c.place_uncertain), drawn=c.geometry is not None)
    row.update(place_name=p.name if p else None, lat=p.lat if p else None, lon=p.lon if p else None,
               uncertainty_km=p.uncertainty_km if p else None, country=p.country if p else None,
               admin1=p.admin1 if p else None, admin2=p.admin2 if p else None, kind=p.kind if p else None,
               population=p.population if p else None, location_note=p.location_note if p else None,
               place_names=_names_json(p) if p else None)
    if c.geometry is not None:
        row["geom"] = c.geometry
    elif p is not None and p.is_located:
        row["geom"] = shapely.Point(p.lon, p.lat)
    else:
        row["geom"] = None
    return row


def row_claim(row: Mapping[str, Any], *, source: str) -> Claim:
    """Rebuild a claim from its ledger row (no gazetteer lookup)."""
    date, precision = parse_date(row["date"])
    place = None
    if row.get("place_id"):
        place = Place(id=row["place_id"], name=row.get("place_name") or row.get("place") or row["place_id"],
                      lat=_num(row.get("lat")), lon=_num(row.get("lon")),
                      uncertainty_km=_num(row.get("uncertainty_km")), country=row.get("country") or "",
                      admin1=row.get("admin1") or "", admin2=row.get("admin2") or "", kind=row.get("kind") or "",
                      population=row.get("population"), location_note=row.get("location_note") or "",
                      **_names_from_json(row.get("place_names")))
    return Claim(
        claim_id=row["claim_id"], date=date, date_precision=precision, claimant=row["claimant"],
        claimant_side=row["claimant_side"], side=row["side"], action=row["action"], status=row["status"],
        place_name=row.get("place") or "", place=place, region=row.get("region") or "",
        qualifier=row.get("qualifier") or "", distance_km=_num(row.get("distance_km")),
        area_km2=_num(row.get("area_km2")), area_basis=row.get("area_basis") or "",
        source_url=row.get("source_url") or "", note=row.get("note") or "",
        geometry=row.get("geom") if row.get("drawn") else None,
        source=row.get("source") or source, line=row.get("line"), place_uncertain=bool(row.get("place_uncertain")),
    )


def content_key(rows: Iterable[Mapping[str, Any]]) -> tuple:
    """What a revision says, independent of row order and provenance: equal keys, nothing changed."""
    out = []
    for r in rows:
        items = []
        for k in sorted(r):
            if k in _PROVENANCE or k in ("fid", "revision", "row"):
                continue
            v = r[k]
            if k == "geom":
                v = None if v is None else v.wkb
            elif isinstance(v, float) and math.isnan(v):
                v = None
            elif v == "":
                v = None
            items.append((k, v))
        out.append(tuple(items))
    return tuple(sorted(out, key=repr))


def _names_json(p: Place) -> str | None:
    """A place's other names and sources, as JSON (kept so the claim reads back equal)."""
    d = {k: list(getattr(p, k)) for k in ("aliases", "former_names", "sources") if getattr(p, k)}
    return json.dumps(d, ensure_ascii=False, separators=(",", ":")) if d else None


def _names_from_json(text: str | None) -> dict[str, tuple[str, ...]]:
    if not text:
        return {}
    return {k: tuple(v) for k, v in json.loads(text).items() if k in ("aliases", "former_names", "sources")}


def _num(v: Any) -> float | None:
    if v is None:
        return None
    v = float(v)
    return None if math.isnan(v) else v
