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
    # without the supply line (nor the land it encloses with the border) the town is an island: a capture
    # says so, so it stays
    alone = Timeline.from_claims([c], method="inferred", inference=InferenceModel(corridor=0.0, enclose_km=0.0))
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


# -- round 3: overrun positions, area claims as bounds, enclosed land ---------------------------------------
def _ru(make_claim, cid, date, place):
    return make_claim(cid, date, "RU", "capture", place, claimant="Russian MoD", claimant_side="RU", status="claimed")


def test_a_position_the_other_side_has_overrun_around_falls(make_claim):
    """Three later captures by the other side 6-9 km around a held town (none within supersede_km) drop it."""
    ua = make_claim("C1", "2024-08-12", "UA", "capture", "Sudzha")
    ru = [_ru(make_claim, "R1", "2024-08-20", "Kazachya Loknya"), _ru(make_claim, "R2", "2024-08-24", "Fanaseyevka"),
          _ru(make_claim, "R3", "2024-08-28", "Martynovka")]
    tl = Timeline.from_claims([ua, *ru], method="inferred")
    assert has(land(tl, "2024-08-27"), SUDZHA)          # two places taken around it: it still holds
    assert not has(land(tl, "2024-08-28"), SUDZHA)      # the third: overrun
    kept = Timeline.from_claims([ua, *ru], method="inferred", inference=InferenceModel(overrun_places=0))
    assert has(land(kept, "2024-08-28"), SUDZHA)
    # the same place taken twice counts once
    again = [ru[0], ru[1], dataclasses.replace(ru[0], claim_id="R4", date=dt.date(2024, 8, 28))]
    tl = Timeline.from_claims([ua, *again], method="inferred")
    assert has(land(tl, "2024-08-28"), SUDZHA)


def _ua_km2(tl, date):
    st = tl.state(date)
    return float(st[st.side == "UA"].area_km2.sum())


def test_an_area_claim_bounds_the_area_not_the_place(make_claim):
    towns = [make_claim(f"C{i}", "2024-08-12", "UA", "capture", p)
             for i, p in enumerate(["Sudzha", "Martynovka", "Kazachya Loknya", "Fanaseyevka"])]
    base = Timeline.from_claims(towns, method="inferred", inference=InferenceModel(area_shift=0.0))
    free = _ua_km2(base, "2024-08-13")
    small = make_claim("A1", "2024-08-13", "UA", "area", None, area_km2=round(free * 0.5), area_basis="held",
                       region="Kursk Oblast")
    tl = Timeline.from_claims([*towns, small], method="inferred")
    bounded = _ua_km2(tl, "2024-08-13")
    hi = free * 0.5 * 1.25
    assert bounded < free * 0.9                                     # the figure shrinks the land ...
    from geoclaims.timeline.runs import run_of

    level = run_of(tl, "all")[1].field.levels(dt.date(2024, 8, 13))["UA"]["point"]
    assert 0 < level <= 0.4 and (bounded <= hi * 1.05 or level == pytest.approx(0.4))
    assert has(land(tl, "2024-08-13"), SUDZHA)                      # ... from its least sure edge, not the towns
    b = tl.band("2024-08-13")
    assert b[(b.side == "UA") & (b.bound == "max")].area_km2.iloc[0] >= bounded  # the band still holds the point
    # more evidence for the side never leaves it less land under the same figure
    more = make_claim("C9", "2024-08-13", "UA", "capture", "Oleshnya")
    assert _ua_km2(Timeline.from_claims([*towns, small, more], method="inferred"), "2024-08-13") >= bounded - 1
    # a figure larger than the field's land adds land, until the other side takes a place (then it may
    # have lost any amount) or the figure is older than area_days
    big = dataclasses.replace(small, claim_id="A2", area_km2=round(free * 2))
    quiet = make_claim("X1", "2024-08-19", "RU", "repelled", "Lgov", claimant_side="RU")  # far off, takes nothing
    ru = _ru(make_claim, "R1", "2024-08-20", "Lgov")
    tl = Timeline.from_claims([*towns, big, quiet, ru], method="inferred")
    assert _ua_km2(tl, "2024-08-13") > free * 1.05
    assert _ua_km2(tl, "2024-08-19") > free * 1.05
    assert _ua_km2(tl, "2024-08-20") == pytest.approx(free, rel=0.05)
    lapsed = Timeline.from_claims([*towns, big, quiet], method="inferred", inference=InferenceModel(area_days=5))
    assert _ua_km2(lapsed, "2024-08-13") > free * 1.05
    assert _ua_km2(lapsed, "2024-08-19") == pytest.approx(free, rel=0.05)


def test_land_between_held_ground_and_its_rear_is_enclosed(make_claim):
    """A held town and a held border village 12 km apart: the land they enclose with the border is the side's,
    with the band's min (what the evidence clearly gives) left without it."""
    towns = [make_claim("C1", "2024-08-12", "UA", "capture", "Sudzha"),
             make_claim("C2", "2024-08-12", "UA", "capture", "Plekhovo")]
    between = (35.189, 51.116)   # by the border, 10 km from either: no kernel or supply line reaches it
    tl = Timeline.from_claims(towns, method="inferred")
    off = Timeline.from_claims(towns, method="inferred", inference=InferenceModel(enclose_km=0.0))
    assert has(land(tl, "2024-08-12"), between)
    assert not has(land(off, "2024-08-12"), between)
    assert land(tl, "2024-08-12").area > land(off, "2024-08-12").area
    assert not has(land(tl, "2024-08-12", which="min"), between)
    assert has(land(tl, "2024-08-12", which="max"), between)
    # the other side's evidence keeps what it claims: a village in that land, enclosed until it is taken
    oleshnya = (35.2325, 51.15336)
    assert has(land(tl, "2024-08-12"), oleshnya) and not has(land(off, "2024-08-12"), oleshnya)
    ru = _ru(make_claim, "R1", "2024-08-12", "Oleshnya")
    tl = Timeline.from_claims([*towns, ru], method="inferred")
    assert not has(land(tl, "2024-08-12"), oleshnya)


def test_round_3_model_options_validate():
    for bad in (dict(overrun_places=-1), dict(overrun_places=2.5), dict(area_days=-3), dict(overrun_km=0),
                dict(area_shift=-0.1), dict(enclose_km=-1), dict(enclose_odds=float("nan"))):
        with pytest.raises(ValueError, match=next(iter(bad))):
            InferenceModel(**bad)
    InferenceModel(overrun_places=0, area_shift=0.0, enclose_km=0.0)  # each can be turned off
