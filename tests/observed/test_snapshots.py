"""read_snapshots: dated map archives (folders, zips, valid_from files, DeepStateMap) as timelines."""

from __future__ import annotations

import datetime as dt
import json
import os
import warnings
import zipfile
from pathlib import Path

import pytest
import shapely

from geoclaims import Timeline, area_km2, read_claims, render_daily
from geoclaims.errors import InvalidArgument
from geoclaims.observed import (
    DEEPSTATE,
    SnapshotError,
    SnapshotRules,
    SnapshotWarning,
    date_from_name,
    deepstate_key,
    read_snapshots,
)
from tests.conftest import KURSK_CLAIMS, ROOT

SHARED_SAMPLE = ROOT.parent / "shared" / "data" / "deepstate-sample"

# Squares in real places: the Sudzha salient (Russia), an occupied patch near Pokrovsk (Ukraine),
# a grey strip beside the salient (Russia), liberated land near Kharkiv (Ukraine).
SALIENT = (35.20, 51.15, 35.35, 51.25)
OCCUPIED = (37.00, 48.20, 37.20, 48.30)
GREY = (35.35, 51.15, 35.40, 51.25)
LIBERATED = (36.20, 49.90, 36.40, 50.00)
CRIMEA = (33.8, 45.0, 34.2, 45.3)                 # inland Crimea, tagged as a territory
SUDZHA = (35.2706, 51.1901)
T1, T2 = 1724098717, 1736112210          # 2024-08-19, 2025-01-05 (UTC)


def ring(b, z=False):
    w, s, e, n = b
    pts = [[w, s], [e, s], [e, n], [w, n], [w, s]]
    return [p + [0] for p in pts] if z else pts


def poly(b, z=True):
    return {"type": "Polygon", "coordinates": [ring(b, z)]}


def feat(geom, **props):
    return {"type": "Feature", "geometry": geom, "properties": props}


def fc(*features):
    return {"type": "FeatureCollection", "features": list(features)}


def ds_name(key, tail=""):
    return f"Статус /// Status /// geoJSON.status.{key}{tail}"


def write(folder: Path, name: str, doc) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    p = folder / name
    p.write_text(doc if isinstance(doc, str) else json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return p


def km2(b) -> float:
    return area_km2(shapely.box(*b))


@pytest.fixture
def deepstate_dir(tmp_path):
    """DeepState-like snapshots reproducing every quirk of the export."""
    d = tmp_path / "ds"
    old = fc(  # 2022: no geoJSON key, English or only Ukrainian text, GeometryCollections
        feat({"type": "GeometryCollection", "geometries": [poly(OCCUPIED), {"type": "Point", "coordinates": [37, 48]}]},
             name="Окуповано /// Occupied", fill="#a52714"),
        feat(poly(LIBERATED), name="Звільнено /// Taken back 25.03\n", fill="#0f9d58"),
        feat(poly(GREY), name="Під питанням", fill="#bcaaa4"),
    )
    write(d, "1654066641.geojson", old)
    snap1 = fc(
        feat(poly(OCCUPIED), name=ds_name("occupied", "\u00a0"), fill="#a52714"),
        feat(poly(SALIENT), name=ds_name("dismissed", "\n"), fill="#01579b"),  # the salient: 'dismissed', blue
        feat(poly(LIBERATED), name=ds_name("dismissed_at {{at:25.03}}"), fill="#0f9d58"),
        feat(poly(GREY), name=ds_name("unknown"), fill="#bdbdbd"),
        feat({"type": "Point", "coordinates": [35.3, 51.2, 0]}, name="geoJSON.units.some_brigade"),
        feat({"type": "LineString", "coordinates": [[35.3, 51.2, 0], [35.4, 51.3, 0]]}, name="arrow"),
        feat(poly(CRIMEA), name="Крим /// Crimea /// geoJSON.territories.crimea"),
        feat(poly((24.0, 57.0, 25.0, 57.5)), name="geoJSON.territories.latvia"),
        feat(poly((37.3, 48.3, 37.35, 48.35)), name=ds_name("mystery_new_key")),
    )
    write(d, f"{T1}.geojson", snap1)
    snap2 = fc(  # the salient shrank to its western half; grey zone gone
        feat(poly(OCCUPIED), name=ds_name("occupied"), fill="#a52714"),
        feat(poly((35.20, 51.15, 35.275, 51.25)), name=ds_name("dismissed"), fill="#01579b"),
    )
    write(d, f"{T2}.geojson", snap2)
    return d


def read(path, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tl = read_snapshots(path, **kw)
    return tl, [str(w.message) for w in caught if issubclass(w.category, SnapshotWarning)]


def test_deepstate_preset_reads_every_quirk(deepstate_dir):
    tl, warned = read(deepstate_dir, preset="deepstate")
    assert tl.is_observed and tl.dates == [dt.date(2022, 6, 1), dt.date(2024, 8, 19), dt.date(2025, 1, 5)]
    s = tl.area_series(freq="claims")
    # 2024-08-19: the blue 'dismissed' salient is Ukrainian-held Russia; liberated Ukraine adds nothing;
    # the grey strip in Russia is contested (Ukraine's side: Russia owns the land)
    assert s.loc["2024-08-19", "UA_held"] == pytest.approx(km2(SALIENT), rel=0.01)
    assert s.loc["2024-08-19", "UA_contested"] == pytest.approx(km2(GREY), rel=0.01)
    assert s.loc["2024-08-19", "RU_held"] == pytest.approx(km2(OCCUPIED) + km2(CRIMEA), rel=0.01)
    # 2022: key-less names and GeometryCollections; the grey zone in Russia is contested
    assert s.loc["2022-06-01", "RU_held"] == pytest.approx(km2(OCCUPIED), rel=0.01)
    assert s.loc["2022-06-01", "UA_contested"] == pytest.approx(km2(GREY), rel=0.01)
    assert s.loc["2025-01-05", "UA_held"] == pytest.approx(km2(SALIENT) / 2, rel=0.02)
    # an unknown key is reported, never silently dropped; known non-control features are not
    assert tl.unknown_keys == {"geoJSON.status.mystery_new_key": 1}
    assert any("mystery_new_key" in w and "1 files" in w for w in warned)
    assert not any("latvia" in w or "units" in w for w in warned)


def test_deepstate_key_quirks():
    assert deepstate_key({"name": "Окуповано /// Occupied /// geoJSON.status.occupied\n"}) == "geoJSON.status.occupied"
    assert deepstate_key({"name": "x /// y /// geoJSON.status.unknown\u00a0"}) == "geoJSON.status.unknown"
    assert deepstate_key({"name": None}) == ""
    assert DEEPSTATE.classify({"name": "geoJSON.status.dismissed_at {{at:16.03 -17.03}}"}) == ("UA", "held")
    assert DEEPSTATE.classify({"name": "Рубіжне. Території зайняті ворогом. // Rubizhne..."}) == ("RU", "held")
    assert DEEPSTATE.classify({"name": "Звільнено /// Taken back16.04"}) == ("UA", "held")
    assert DEEPSTATE.classify({"name": "26.05 Contested"}) == ("", "contested")


def test_state_diff_and_settlements_that_changed_hands(deepstate_dir):
    tl, _ = read(deepstate_dir, preset="deepstate")
    st = tl.state("2024-12-31")
    assert st.set_index(["side", "status"]).loc[("UA", "held"), "area_km2"] == pytest.approx(km2(SALIENT), rel=0.01)
    d = tl.diff("2025-01-05", "2025-01-05")
    ua_lost = d[(d.side == "UA") & (d.change == "lost")].area_km2.sum()
    ru_gained = d[(d.side == "RU") & (d.change == "gained")].area_km2.sum()
    assert ua_lost == pytest.approx(km2(SALIENT) / 2, rel=0.02)               # what Ukraine held
    assert ru_gained == pytest.approx(km2(SALIENT) / 2 + km2(GREY), rel=0.02)  # plus the grey zone cleared
    assert set(d["where"]) == {"(observed)"}
    ch = tl.changes()
    sudzha = ch[ch.place == "Sudzha"]
    assert list(zip(sudzha.date, sudzha.from_side, sudzha.to_side)) == [(dt.date(2024, 8, 19), "RU", "UA")]
    assert list(ch.columns) == ["date", "place", "place_id", "from_side", "to_side", "claim_id", "claimant",
                                "claim_status", "mapped"]
    with pytest.raises(ValueError, match="one perspective"):
        tl.state("2025-01-05", perspective="RU")


def test_region_clipping(deepstate_dir):
    kursk, _ = read(deepstate_dir, preset="deepstate", region="Kursk Oblast")
    s = kursk.area_series(freq="claims")
    assert s.loc["2024-08-19", "RU_held"] == 0          # occupied Ukraine is outside the region
    assert s.loc["2024-08-19", "UA_held"] == pytest.approx(km2(SALIENT), rel=0.01)
    box, _ = read(deepstate_dir, preset="deepstate", region=(35.20, 51.15, 35.25, 51.25))
    assert box.area_series(freq="claims").loc["2024-08-19", "UA_held"] == pytest.approx(
        km2((35.20, 51.15, 35.25, 51.25)), rel=0.01)
    with pytest.raises(ValueError, match="region='Atlantis'"):
        read_snapshots(deepstate_dir, preset="deepstate", region="Atlantis")


def test_zip_reads_like_the_folder(deepstate_dir, tmp_path):
    z = tmp_path / "archive.zip"
    with zipfile.ZipFile(z, "w") as zf:
        for p in deepstate_dir.iterdir():
            zf.write(p, f"deepstate/{p.name}")
    a, _ = read(deepstate_dir, preset="deepstate")
    b, _ = read(z, preset="deepstate")
    assert a.dates == b.dates
    assert a.area_series(freq="claims").round(6).equals(b.area_series(freq="claims").round(6))


def test_dates_from_iso_names_properties_and_callbacks(tmp_path):
    doc = fc(feat(poly(SALIENT), side="UA", status="held", date="2024-09-01"))
    write(tmp_path / "a", "front-2024-08-20.geojson", doc)
    assert read_snapshots(tmp_path / "a").dates == [dt.date(2024, 8, 20)]
    write(tmp_path / "b", "latest.geojson", doc)
    assert read_snapshots(tmp_path / "b", date_property="date").dates == [dt.date(2024, 9, 1)]
    odd = dict(doc, features=[{"type": "Feature", "geometry": poly(SALIENT), "properties": ["not", "an", "object"]},
                              *doc["features"]])
    write(tmp_path / "c", "latest.geojson", odd)  # a feature whose properties are a list: reported, the date still read
    tl, warned = read(tmp_path / "c", date_property="date")
    assert tl.dates == [dt.date(2024, 9, 1)] and any("properties is list" in w for w in warned)
    tl = read_snapshots(tmp_path / "b", date_from=lambda name, coll: dt.date(2024, 10, 2))
    assert tl.dates == [dt.date(2024, 10, 2)]
    assert date_from_name("x/2024-13-45.geojson") is None and date_from_name("1724098717") == dt.date(2024, 8, 19)


def test_same_day_snapshots_keep_the_last(tmp_path):
    write(tmp_path, f"{T1}.geojson", fc(feat(poly(SALIENT), side="UA", status="held")))
    write(tmp_path, f"{T1 + 3600}.geojson", fc(feat(poly(GREY), side="UA", status="held")))
    tl = read_snapshots(tmp_path)
    assert tl.area_series(freq="claims").iloc[0]["UA_held"] == pytest.approx(km2(GREY), rel=0.01)


def test_malformed_files_are_reported_and_do_not_stop_the_rest(tmp_path):
    good = fc(feat(poly(SALIENT), side="UA", status="held"))
    write(tmp_path, "2024-08-19.geojson", good)
    write(tmp_path, "2024-08-20.geojson", json.dumps(good)[:150])                   # truncated
    write(tmp_path, "2024-08-21.geojson", fc())                                      # empty
    write(tmp_path, "snapshot-final.geojson", good)                                  # no date
    bowtie = {"type": "Polygon", "coordinates": [[[35.2, 51.15], [35.35, 51.25], [35.35, 51.15], [35.2, 51.25],
                                                  [35.2, 51.15]]]}
    write(tmp_path, "2024-08-22.geojson", fc(feat(bowtie, side="UA", status="held")))  # self-intersecting
    tl, warned = read(tmp_path)
    assert tl.dates == [dt.date(2024, 8, 19), dt.date(2024, 8, 22)]
    text = "\n".join(warned)
    assert "2024-08-20.geojson: not valid JSON" in text and "truncated" in text
    assert "2024-08-21.geojson: empty FeatureCollection" in text
    assert "snapshot-final.geojson: no date in the file name" in text
    assert "2024-08-22.geojson: invalid polygon (Self-intersection" in text
    assert len(tl.problems) == 4
    assert tl.area_series(freq="claims").loc["2024-08-22", "UA_held"] == pytest.approx(km2(SALIENT) / 2,
                                                                                                 rel=0.02)
    with pytest.raises(SnapshotError, match="2024-08-20.geojson: not valid JSON"):
        read_snapshots(tmp_path, on_error="raise")


def test_nothing_readable_is_an_error(tmp_path):
    with pytest.raises(SnapshotError, match="no GeoJSON files"):
        read_snapshots(tmp_path)
    write(tmp_path, "notes.geojson", "{")
    with pytest.raises(SnapshotError, match="no readable snapshot among 1 files"):
        read(tmp_path)
    with pytest.raises(SnapshotError, match="no such file"):
        read_snapshots(tmp_path / "missing")


def test_rules_and_presets_are_validated():
    with pytest.raises(ValueError, match="preset='isw' is not known; valid: deepstate, geoclaims"):
        read_snapshots(".", preset="isw")
    with pytest.raises(ValueError, match="side one of UA, RU"):
        SnapshotRules("name", [("x", ("BY", "held"))])
    with pytest.raises(ValueError, match="not a valid regular expression"):
        SnapshotRules("name", [("(", ("UA", "held"))])


def test_custom_rules(tmp_path):
    write(tmp_path, "2024-08-19.geojson", fc(feat(poly(SALIENT), layer="ukr"), feat(poly(GREY), layer="grey")))
    tl = read_snapshots(tmp_path, rules=SnapshotRules("layer", [("^ukr$", ("UA", "held")), ("^grey$", ("", "contested"))]))
    s = tl.area_series(freq="claims").iloc[0]
    assert s["UA_held"] == pytest.approx(km2(SALIENT), rel=0.01) and s["UA_contested"] == pytest.approx(km2(GREY), rel=0.01)


@pytest.mark.parametrize("ext", ["geojson", "gpkg"])
def test_valid_from_files_from_geoclaims_build_read_back(tmp_path, kursk, ext):
    path = kursk.to_file(tmp_path / f"kursk.{ext}")
    obs = read_snapshots(path)
    for d in ("2024-08-20", "2025-01-07", "2025-03-16"):
        want = kursk.state(d).set_index(["side", "status"]).area_km2
        got = obs.state(d).set_index(["side", "status"]).area_km2
        assert got.to_numpy() == pytest.approx(want.to_numpy(), rel=1e-3, abs=0.05), d


def test_maps_and_pages_of_an_observed_timeline(deepstate_dir, tmp_path):
    tl, _ = read(deepstate_dir, preset="deepstate", region="Kursk Oblast")
    page = tl.explore().get_root().render()
    assert "UA held" in page and "Leaflet" in page
    res = render_daily(tl, tmp_path / "pages", progress=False)
    assert [p.name for p in res.pages] == ["2022-06-01.html", "2024-08-19.html", "2025-01-05.html"]
    assert "observed maps (ds)" in res.pages[1].read_text(encoding="utf-8")
    assert "3 snapshots" in res.index.read_text(encoding="utf-8")
    assert "snapshots" in repr(tl) and "3 observed snapshots in Kursk Oblast" in tl._repr_html_()


@pytest.mark.skipif(not SHARED_SAMPLE.is_dir(), reason=f"the DeepState sample is not here ({SHARED_SAMPLE}); "
                    "it is third-party data kept outside the repository")
def test_real_deepstate_sample():
    tl, warned = read(SHARED_SAMPLE, preset="deepstate", region="Kursk Oblast")
    assert tl.dates == [dt.date(2022, 6, 1), dt.date(2024, 8, 19), dt.date(2025, 1, 5)]
    s = tl.area_series(freq="claims")
    held = s.loc["2024-08-19", "UA_held"]
    grey = held + s.loc["2024-08-19", "UA_contested"]
    assert 550 < held < 750 and 1100 < grey < 1400   # the 646 vs 1,250-1,300 km² of the press: the grey zone
    assert 400 < s.loc["2025-01-05", "UA_held"] < 600
    assert tl.unknown_keys == {}
    ch = tl.changes("2024-08-19", "2024-08-19")
    assert "Sudzha" in set(ch[ch.to_side == "UA"].place)


def test_area_changes_match_the_diffs_and_do_not_depend_on_workers(deepstate_dir, kursk):
    tl, _ = read(deepstate_dir, preset="deepstate")
    ch = tl.area_changes()
    assert list(ch.columns) == ["UA_gained", "UA_lost", "RU_gained", "RU_lost"]
    for d in tl.dates[1:]:
        diff = tl.diff(d, d)
        for side in ("UA", "RU"):
            for change in ("gained", "lost"):
                want = diff[(diff.side == side) & (diff.change == change)].area_km2.sum()
                assert ch.loc[str(d), f"{side}_{change}"] == pytest.approx(want, rel=1e-6, abs=1e-6)
    assert ch.loc["2025-01-05", "UA_lost"] == pytest.approx(km2(SALIENT) / 2, rel=0.02)
    many = kursk.area_changes(freq="claims")
    assert many.equals(kursk.area_changes(freq="claims", workers=2))
    with pytest.raises(ValueError, match="freq='fortnight' is not valid"):
        kursk.area_changes(freq="fortnight")


def test_parallel_reading_gives_the_same_timeline(deepstate_dir):
    one, _ = read(deepstate_dir, preset="deepstate")
    two, _ = read(deepstate_dir, preset="deepstate", workers=2)
    assert one.dates == two.dates
    assert one.area_series(freq="claims").round(6).equals(two.area_series(freq="claims").round(6))
    assert one.unknown_keys == two.unknown_keys


# -- hostile archives (issue 11): a bad file or feature is reported and skipped, its neighbours read ---------
class _Nested(str):
    """GeoJSON text of a polygon inside `depth` GeometryCollections (too deep for json.dumps)."""


def _nested(depth: int) -> str:
    head = '{"type": "GeometryCollection", "geometries": [' * depth
    return _Nested(head + json.dumps(poly(SALIENT)) + "]}" * depth)


def _dumps(doc) -> str:
    """json.dumps, with _Nested geometry text spliced in."""
    marks = {}

    def swap(x):
        if isinstance(x, _Nested):
            key = f"@@{len(marks)}@@"
            marks[key] = str(x)
            return key
        if isinstance(x, dict):
            return {k: swap(v) for k, v in x.items()}
        if isinstance(x, list):
            return [swap(v) for v in x]
        return x

    text = json.dumps(swap(doc))
    for key, value in marks.items():
        text = text.replace(json.dumps(key), value)
    return text


BAD_FEATURES = [
    ("geometry is a list", feat([1, 2, 3], side="UA", status="held"), "geometry is list"),
    ("properties is a string", {"type": "Feature", "geometry": poly(SALIENT), "properties": "UA held"},
     "properties is str"),
    ("feature is a number", 7, "feature is int"),
    ("null coordinates", feat({"type": "Polygon", "coordinates": None}, side="UA", status="held"), "no coordinates"),
    ("empty rings", feat({"type": "Polygon", "coordinates": []}, side="UA", status="held"), "no rings"),
    ("1e300", feat(poly((1e300, 51.0, 35.3, 51.2)), side="UA", status="held"), "out of range"),
    ("NaN", feat({"type": "Polygon", "coordinates": [[["NaN", 51], [35, 51], [35, 52], ["NaN", 51]]]},
                 side="UA", status="held"), "not finite"),
    ("nested 500 deep", feat(_nested(500), side="UA", status="held"), "nested more than 8"),
    ("unknown type", feat({"type": "Polyhedron", "coordinates": []}, side="UA", status="held"), "not GeoJSON"),
]


@pytest.mark.parametrize("label, bad, fragment", BAD_FEATURES, ids=[b[0] for b in BAD_FEATURES])
def test_bad_features_are_reported_and_the_rest_of_the_file_read(tmp_path, label, bad, fragment):
    d = tmp_path / "snaps"
    write(d, "2024-08-20.geojson", _dumps(fc(bad, feat(poly(GREY), side="UA", status="contested"))))
    write(d, "2024-08-21.geojson", fc(feat(poly(SALIENT), side="UA", status="held")))
    tl, warned = read(d)
    assert tl.dates == [dt.date(2024, 8, 20), dt.date(2024, 8, 21)]
    assert tl.area_series(freq="claims").loc["2024-08-20", "UA_contested"] == pytest.approx(km2(GREY), rel=0.01)
    assert any(fragment in w for w in warned), warned
    with pytest.raises(SnapshotError, match="2024-08-20"):
        read_snapshots(d, on_error="raise")


def test_polygon_type_in_the_wrong_case_is_read_and_reported(tmp_path):
    d = tmp_path / "snaps"
    write(d, "2024-08-20.geojson", fc(feat({"type": "polygon", "coordinates": [ring(SALIENT)]}, side="UA",
                                           status="held")))
    tl, warned = read(d)
    assert tl.area_series(freq="claims").iloc[0]["UA_held"] == pytest.approx(km2(SALIENT), rel=0.01)
    assert any("'polygon' read as 'Polygon'" in w for w in warned)


def _zip_with(tmp_path, members: dict[str, bytes], name="a.zip") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for n, data in members.items():
            zf.writestr(n, data)
    return path


def _good(b=SALIENT) -> bytes:
    return json.dumps(fc(feat(poly(b), side="UA", status="held"))).encode()


def test_damaged_zip_members_are_skipped_and_the_rest_read(tmp_path):
    path = _zip_with(tmp_path, {"2024-08-20.geojson": _good(), "2024-08-21.geojson": _good(GREY),
                                "2024-08-22.geojson": _good()})
    raw = bytearray(path.read_bytes())
    # corrupt the second member's compressed bytes (its CRC no longer matches)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("2024-08-21.geojson")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    raw[start + 5] ^= 0xFF
    path.write_bytes(bytes(raw))
    tl, warned = read(path)
    assert tl.dates == [dt.date(2024, 8, 20), dt.date(2024, 8, 22)]
    assert any("2024-08-21" in w and ("damaged" in w or "could not be read" in w) for w in warned), warned


@pytest.mark.parametrize("flag, fragment", [("encrypted", "encrypted"), ("method", "compression")])
def test_encrypted_or_unsupported_zip_members_are_skipped(tmp_path, flag, fragment):
    path = _zip_with(tmp_path, {"2024-08-20.geojson": _good(), "2024-08-21.geojson": _good(GREY)})
    raw = bytearray(path.read_bytes())
    name = b"2024-08-21.geojson"
    headers = []  # (offset, kind) of the member's local header and central-directory entry
    for sig, name_at in ((b"PK\x03\x04", 30), (b"PK\x01\x02", 46)):
        at = raw.find(sig)
        while at >= 0:
            if raw[at + name_at: at + name_at + len(name)] == name:
                headers.append((at, sig))
            at = raw.find(sig, at + 1)
    assert len(headers) == 2
    # flag bit 0 (encrypted) or compression method 99 (unsupported), in both headers
    for off, sig in headers:
        base = 6 if sig == b"PK\x03\x04" else 8
        if flag == "encrypted":
            raw[off + base] |= 0x01
        else:
            raw[off + base + 2: off + base + 4] = (99).to_bytes(2, "little")
    path.write_bytes(bytes(raw))
    tl, warned = read(path)
    assert tl.dates == [dt.date(2024, 8, 20)]
    assert any(fragment in w for w in warned), warned


def test_one_bad_file_never_stops_its_neighbours(tmp_path):
    d = tmp_path / "mixed"
    goods = [f"2024-08-{20 + i}.geojson" for i in range(0, 8, 2)]
    bads = {"2024-08-21.geojson": "[" * 100_000, "2024-08-23.geojson": _dumps(fc(feat(_nested(2000), side="UA", status="held"))),
            "2024-08-25.geojson": json.dumps({"type": "FeatureCollection", "features": "x"}),
            "2024-08-27.geojson": json.dumps(fc(feat(poly(SALIENT), side=["UA"], status={"x": 1})))}
    for g in goods:
        write(d, g, _good().decode())
    for n, text in bads.items():
        write(d, n, text)
    tl, warned = read(d)
    assert [str(x) for x in tl.dates] == [g[:10] for g in goods]
    for n in ("2024-08-21", "2024-08-23", "2024-08-25"):
        assert any(n in w for w in warned), (n, warned)


def test_snapshot_paths_that_cannot_be_read(tmp_path):
    from geoclaims import GeoclaimsError

    with pytest.raises(GeoclaimsError, match="no such file"):
        read_snapshots(tmp_path / "missing")
    (tmp_path / "x.bin").write_bytes(b"\x00\x01garbage")
    with pytest.raises(GeoclaimsError, match="no readable snapshot"), pytest.warns(SnapshotWarning, match="x.bin"):
        read_snapshots(tmp_path / "x.bin")


# -- every format era of the DeepState archive (issue 13) -------------------------------------------------
OCC2 = (37.30, 48.30, 37.40, 48.40)        # another occupied patch in Donetsk Oblast
GREY_UA = (36.50, 49.50, 36.60, 49.60)      # grey zone inside Ukraine (Kharkiv Oblast): RU contested
ORDLO = (38.50, 48.00, 38.70, 48.10)
KARELIA = (33.0, 62.0, 33.5, 62.3)           # the "temporarily occupied territories" joke layer: not control
GEORGIA = (43.9, 42.2, 44.1, 42.4)           # "Occupied Tskhinvali district": not in the war's control

ERAS = {
    # April 2022: Ukrainian-only names, Crimea and ORDLO as named features, unnamed polygons by colour
    "2022-04-03": [("Крим", "#000000", CRIMEA), ("ОРДЛО", "#000000", ORDLO), ("Окуповано", "#a52714", OCCUPIED),
                   ("Звільнено 26.03", "#0f9d58", LIBERATED), ("Під питанням", "#bcaaa4", GREY_UA),
                   ("Багатокутник 11", "#a52714", OCC2), ("Придністров'я", "#880e4f", (29.0, 47.0, 29.5, 47.5))],
    # May 2022: English names, "Under question"
    "2022-05-13": [("Occupied Crimea", "#880e4f", CRIMEA), ("CADR and CALR", "#880e4f", ORDLO),
                   ("Occupied", "#a52714", OCCUPIED), ("Liberated 25.03", "#0f9d58", LIBERATED),
                   ("Under question", "#bcaaa4", GREY_UA), ("Occupied", "#a52714", OCC2)],
    # October 2022 - 2023: "Unknown status" is the grey zone; the joke layer of "occupied" Karelia etc.
    "2023-06-01": [("Occupied Crimea", "#880e4f", CRIMEA), ("CADR and CALR", "#880e4f", ORDLO),
                   ("Occupied", "#a52714", OCCUPIED), ("Unknown status", "#bcaaa4", GREY_UA),
                   ("The temporarily occupied territory of Karelia.", "#ff5252", KARELIA),
                   ("Occupied Tskhinvali district", "#ff5252", GEORGIA), ("Occupied", "#a52714", OCC2)],
    # 2024 on: geoJSON keys
    "2025-01-05": [("Крим /// Crimea /// geoJSON.territories.crimea", "#880e4f", CRIMEA),
                   ("ОРДЛО /// ORDLO /// geoJSON.territories.ordlo", "#880e4f", ORDLO),
                   (ds_name("occupied"), "#a52714", OCCUPIED), (ds_name("unknown"), "#bcaaa4", GREY_UA),
                   ("geoJSON.territories.latvia", "#ff5252", KARELIA), (ds_name("occupied"), "#a52714", OCC2)],
}


@pytest.fixture
def deepstate_eras(tmp_path):
    d = tmp_path / "eras"
    for day, feats in ERAS.items():
        write(d, f"{day}.geojson", fc(*[feat(poly(b), name=n, fill=f) for n, f, b in feats]))
    return d


def test_every_deepstate_era_reads_the_same_control(deepstate_eras):
    """Each format era gives the same Russian-held Ukraine and grey zone (a bug lost Crimea/ORDLO in April
    2022 and the grey zone from October 2022 to 2023)."""
    tl, warned = read(deepstate_eras, preset="deepstate")
    s = tl.area_series(freq="claims")
    want_ru = km2(CRIMEA) + km2(ORDLO) + km2(OCCUPIED) + km2(OCC2)
    for day in ERAS:
        assert s.loc[day, "RU_held"] == pytest.approx(want_ru, rel=0.01), day
        assert s.loc[day, "RU_contested"] == pytest.approx(km2(GREY_UA), rel=0.01), day
    assert tl.unknown_keys == {}
    assert tl.fallback_keys == {"Багатокутник 11": 1}  # the unnamed polygon, by its colour, and reported
    assert any("Багатокутник 11" in w and "fill colour" in w for w in warned)


DS_ARCHIVE = os.environ.get("GEOCLAIMS_DEEPSTATE_ARCHIVE", "")


@pytest.mark.skipif(not DS_ARCHIVE or not Path(DS_ARCHIVE).is_dir(),
                    reason="the DeepStateMap archive is not here: set GEOCLAIMS_DEEPSTATE_ARCHIVE to the geojsons/ "
                           "folder of a clone of github.com/DanielRose2310/deepstatemaps-history (third-party data, "
                           "not in the repo)")
@pytest.mark.parametrize("stamp", [1648989208, 1652400931, 1654066641, 1663166027, 1685575455, 1711141551,
                                   1736026910, 1754166026])
def test_one_real_snapshot_per_era_matches_an_independent_count(tmp_path, stamp):
    """Russian-held Ukraine and the grey zone agree with a count by fill colour alone (geopandas, no rules)."""
    import geopandas as gpd

    from geoclaims.places import boundaries

    src = Path(DS_ARCHIVE) / f"{stamp}.geojson"
    one = tmp_path / "one"
    one.mkdir()
    (one / src.name).symlink_to(src)
    tl, _ = read(one, preset="deepstate", region="Ukraine")
    s = tl.area_series(freq="claims").iloc[0]
    g = gpd.read_file(src)
    g = g[g.geometry.notna()]
    g["geometry"] = g.geometry.force_2d().make_valid()
    fill = g["fill"].fillna("").str.lower()
    ukraine = boundaries.country_shape("UA")

    def count(colours):
        u = shapely.intersection(shapely.union_all(list(g[fill.isin(colours)].geometry)), ukraine)
        return area_km2(u)

    assert s["RU_held"] == pytest.approx(count({"#a52714", "#000000", "#880e4f"}), rel=0.01)
    assert s["RU_contested"] == pytest.approx(count({"#bcaaa4", "#bdbdbd", "#757575"}), rel=0.10)


def test_a_date_window_reads_only_its_snapshots_and_never_opens_the_others(tmp_path):
    src = ROOT / "tests" / "data" / "deepstate-kursk"
    d = tmp_path / "archive"
    d.mkdir()
    for f in src.glob("*.geojson"):
        (d / f.name).write_bytes(f.read_bytes())
    (d / "1700000000.geojson").write_text("{ broken", encoding="utf-8")  # 2023-11-14: outside the window
    tl, warned = read(d, preset="deepstate", region="Kursk Oblast", start="2024-11-01", end=dt.date(2025, 2, 1))
    assert tl.dates == [dt.date(2024, 11, 30), dt.date(2025, 1, 31)]
    assert not [w for w in warned if "1700000000" in w]  # the broken file outside the window was not opened
    everything, _ = read(d, preset="deepstate", region="Kursk Oblast")
    for day in tl.dates:  # the same maps as a full read
        assert tl.area_series(freq="claims").loc[str(day)].to_dict() == \
            pytest.approx(everything.area_series(freq="claims").loc[str(day)].to_dict())
    only_start, _ = read(d, preset="deepstate", region="Kursk Oblast", start="2025-03-01")
    assert only_start.dates == [dt.date(2025, 3, 15)]
    with pytest.raises(SnapshotError, match="none of its 5 snapshots is dated from 2025-04-01 to the end"):
        read_snapshots(d, preset="deepstate", start="2025-04-01")
    with pytest.raises(InvalidArgument, match="end=2024-01-01 is before start=2024-02-01"):
        read_snapshots(d, start="2024-02-01", end="2024-01-01")
    with pytest.raises(InvalidArgument, match="start='soon' is not a date"):
        read_snapshots(d, start="soon")


def test_a_date_window_on_a_valid_from_file_starts_with_the_map_in_force(tmp_path, kursk):
    path = kursk.to_file(tmp_path / "kursk.gpkg")
    full = read_snapshots(path)
    tl = read_snapshots(path, start="2025-01-01", end="2025-01-31")
    assert tl.dates[0] == dt.date(2025, 1, 1) and tl.dates[-1] <= dt.date(2025, 1, 31)
    assert tl.dates[1:] == [d for d in full.dates if dt.date(2025, 1, 1) < d <= dt.date(2025, 1, 31)]
    want = full.state("2025-01-01").set_index(["side", "status"]).area_km2
    got = tl.state("2025-01-01").set_index(["side", "status"]).area_km2
    assert got.to_numpy() == pytest.approx(want.to_numpy(), rel=1e-6)
    with pytest.raises(SnapshotError, match="no map in force from 2020-01-01 to 2020-12-31"):
        read_snapshots(path, start="2020-01-01", end="2020-12-31")
