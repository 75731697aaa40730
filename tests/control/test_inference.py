"""method='inferred' (geoclaims.control.inference): what the control field infers from claims, on small synthetic sets."""

from __future__ import annotations

import dataclasses
import datetime as dt

import geopandas
import pytest
import shapely

from geoclaims import InferenceModel, Timeline
from geoclaims.control.inference import evidence_kind

SUDZHA = (35.27056, 51.19139)           # ~10 km from the Ukrainian border
LGOV = (35.28449, 51.68925)             # ~60 km inside Russia


def _toward_border(lonlat, share=0.5):
    """The point `share` of the way from a place to the nearest point of Ukraine (nearest in metres)."""
    from shapely.ops import nearest_points

    from geoclaims.places import boundaries
    from geoclaims.control.projection import LocalProjection

    proj = LocalProjection.around([lonlat])
    p = proj.to_local(shapely.Point(*lonlat))
    near_ua = shapely.intersection(boundaries.country_shape("UA"), shapely.Point(*lonlat).buffer(1.0))
    b = nearest_points(proj.to_local(near_ua), p)[0]
    q = proj.to_wgs84(shapely.Point(p.x + (b.x - p.x) * share, p.y + (b.y - p.y) * share))
    return (q.x, q.y)


TOWARD_BORDER = _toward_border(SUDZHA)   # between Sudzha and the border


def land(tl, date, side="UA", which=None):
    """The side's land on `date` (EPSG:4326): the state's held + advanced + contested, or a band bound."""
    if which:
        b = tl.band(date)
        return b[(b.side == side) & (b.bound == which)].geometry.iloc[0]
    st = tl.state(date)
    return shapely.union_all(list(st[st.side == side].geometry))


def has(geom, lonlat) -> bool:
    return geom.contains(shapely.Point(*lonlat))


def test_evidence_kinds():
    from geoclaims.claims import Claim

    d = dt.date(2024, 8, 10)
    mk = lambda action, side="UA": Claim("E", d, "ISW", "neutral", side, action, "assessed", place_name="x")  # noqa: E731
    assert evidence_kind(mk("capture")) == ("UA", "held")
    assert evidence_kind(mk("advance")) == ("UA", "advanced")
    assert evidence_kind(mk("withdraw")) == ("RU", "held")
    assert evidence_kind(mk("contest", "RU")) == ("RU", "contested")
    assert evidence_kind(mk("repelled")) == ("RU", "defended")
    assert evidence_kind(Claim("A", d, "x", "UA", "UA", "area", "claimed", area_km2=1, area_basis="held")) is None


def test_a_held_town_brings_the_road_back_to_the_border(make_claim):
    c = make_claim("C1", "2024-08-12", "UA", "capture", "Sudzha")
    tl = Timeline.from_claims([c], method="inferred")
    ua = land(tl, "2024-08-12")
    assert has(ua, SUDZHA) and has(ua, TOWARD_BORDER)
    lo, hi = land(tl, "2024-08-12", which="min"), land(tl, "2024-08-12", which="max")
    assert lo.area <= ua.area * 1.0001 <= hi.area * 1.0002 and hi.covers(lo.buffer(-1e-6))
    pieces = tl.pieces("2024-08-12")
    assert set(pieces.tier) == {"claimed", "inferred"}
    assert (pieces[pieces.tier == "inferred"].drivers == "C1").all()
    assert pieces.geometry.is_valid.all()
    # without the supply line the town is an island: a capture says so, so it stays
    alone = Timeline.from_claims([c], method="inferred", inference=InferenceModel(corridor=0.0))
    ua0 = land(alone, "2024-08-12")
    assert has(ua0, SUDZHA) and not has(ua0, TOWARD_BORDER)


def test_an_island_only_where_a_claim_says_so(make_claim):
    near = make_claim("A1", "2024-08-12", "UA", "advance", "Lgov", qualifier="near", status="claimed")
    tl = Timeline.from_claims([near], method="inferred", inference=InferenceModel(corridor=0.0))
    assert land(tl, "2024-08-12").is_empty  # fighting near a town 60 km deep is no island of control
    took = dataclasses.replace(near, action="capture", qualifier="")
    tl = Timeline.from_claims([took], method="inferred", inference=InferenceModel(corridor=0.0))
    assert has(land(tl, "2024-08-12"), LGOV)


def test_a_later_claim_of_the_other_side_supersedes(make_claim):
    ua = make_claim("C1", "2024-08-12", "UA", "capture", "Sudzha")
    ru = make_claim("C2", "2025-03-13", "RU", "capture", "Sudzha", claimant="Russian MoD", claimant_side="RU",
                    status="claimed")
    tl = Timeline.from_claims([ua, ru], method="inferred")
    assert has(land(tl, "2025-03-12"), SUDZHA)
    assert not has(land(tl, "2025-03-13"), SUDZHA)
    d = tl.diff("2025-03-13", "2025-03-13")
    assert d[(d.side == "UA") & (d.change == "lost")].area_km2.sum() > 50


def test_evidence_fades_with_age(make_claim):
    c = make_claim("C1", "2024-08-12", "UA", "advance", "Sudzha", status="claimed")
    later = make_claim("C2", "2025-08-12", "RU", "repelled", "Lgov", claimant_side="RU")  # a date a year on
    quick = Timeline.from_claims([c, later], method="inferred", inference=InferenceModel(half_life_days=30))
    assert has(land(quick, "2024-08-12"), SUDZHA)
    assert land(quick, "2025-08-12").is_empty


def test_depth_claims_bound_the_depth_for_a_while(make_claim):
    depth = make_claim("D1", "2024-08-07", "UA", "advance", None, qualifier="depth from border", distance_km=3,
                       region="Kursk Oblast")
    town = make_claim("C1", "2024-08-07", "UA", "capture", "Sudzha")
    model = InferenceModel(depth_days=10)
    tl = Timeline.from_claims([depth, town], method="inferred", inference=model)
    assert not has(land(tl, "2024-08-07"), SUDZHA)      # at most 3 km (+25 %) deep while the bound holds
    assert tl.pieces("2024-08-07").empty or (tl.pieces("2024-08-07").claim_id != "D1").all()  # never a band
    town2 = dataclasses.replace(town, claim_id="C2", date=dt.date(2024, 8, 20))
    tl = Timeline.from_claims([depth, town, town2], method="inferred", inference=model)
    assert has(land(tl, "2024-08-20"), SUDZHA)          # the bound has lapsed


def test_a_recapture_inside_ukraine_is_a_gain_from_a_baseline(make_claim, gaz):
    """Fronts inside Ukraine: with an occupied baseline, a Ukrainian capture there is a gain."""
    vovchansk = gaz.resolve("Vovchansk").best.place
    occupied = shapely.Point(vovchansk.lon, vovchansk.lat).buffer(0.15)
    base = geopandas.GeoDataFrame({"side": ["RU"], "status": ["held"]}, geometry=[occupied], crs="EPSG:4326")
    retake = dataclasses.replace(make_claim("R1", "2024-09-10", "UA", "capture", "Sudzha"), place=vovchansk,
                                 place_name="Vovchansk", region="Kharkiv Oblast")
    for method in ("territory", "inferred"):
        tl = Timeline.from_claims([retake], baseline=base, method=method)
        st0, st1 = tl.state("2024-09-09"), tl.state("2024-09-10")
        ru0 = st0[st0.side == "RU"].area_km2.sum()
        ru1 = st1[st1.side == "RU"].area_km2.sum()
        assert ru1 < ru0 - 5, method
        d = tl.diff("2024-09-10", "2024-09-10")
        assert d[(d.side == "UA") & (d.change == "gained")].area_km2.sum() > 5, method
        assert not has(shapely.union_all(list(st1[st1.side == "RU"].geometry)), (vovchansk.lon, vovchansk.lat)), method


def test_area_series_and_band_are_consistent(kursk_claims):
    tl = Timeline.from_claims(kursk_claims, method="inferred")
    s = tl.area_series(freq="claims")
    for col in ("UA_total", "UA_total_min", "UA_total_max"):
        assert col in s.columns
    assert (s["UA_total_min"] <= s["UA_total"] + 1e-6).all() and (s["UA_total"] <= s["UA_total_max"] + 1e-6).all()
    day = "2025-01-07"
    st = tl.state(day)
    # the series counts the field's cells, the state contours them: they agree within a few per cent
    total = st[st.side == "UA"].area_km2.sum()
    assert s.loc[day, ["UA_total", "UA_contested"]].sum() == pytest.approx(total, rel=0.04)
    b = tl.band(day)
    assert s.loc[day, "UA_total_max"] == pytest.approx(b[(b.side == "UA") & (b.bound == "max")].area_km2.iloc[0],
                                                       rel=0.04)
    cells = Timeline.from_claims(kursk_claims, method="territory").area_series(freq="claims")
    assert (cells["UA_total_min"] == cells["UA_total"]).all() and (cells["UA_total_max"] == cells["UA_total"]).all()


def test_the_inferred_state_is_valid_and_every_piece_is_explained(kursk_claims):
    tl = Timeline.from_claims(kursk_claims, method="inferred")
    for day in ("2024-08-20", "2025-01-07", "2025-03-15"):
        pieces = tl.pieces(day)
        assert pieces.geometry.is_valid.all()
        inferred = pieces[pieces.tier == "inferred"]
        assert (inferred.drivers != "").all()
        claimed = pieces[pieces.tier == "claimed"]
        assert (claimed.claim_id != "").all()
        shapely.union_all(list(tl.state(day).geometry) + list(tl.diff("2024-08-06", day).geometry))


def test_inference_model_validates():
    with pytest.raises(ValueError, match="radius_km"):
        InferenceModel(radius_km=-1)
    with pytest.raises(ValueError, match="must be at least cell_km"):
        InferenceModel(radius_km=0.2, cell_km=0.5)
    with pytest.raises(TypeError, match="InferenceModel"):
        Timeline.from_claims([], method="inferred", inference={"radius_km": 3})
