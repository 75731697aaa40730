"""Timeline: ordering, re-claims, contradictions, perspectives, provenance, diff, changes, areas, export (the
claim-by-claim engine, method "territory"; method "inferred" is tested in test_infer.py)."""

import datetime as dt

import geopandas
import pandas as pd
import pytest
import shapely

from geoclaims import Timeline, read_claims
from geoclaims.timeline import STATE_COLUMNS


def areas(state):
    return {(r.side, r.status): r.area_km2 for r in state.itertuples()}


def test_state_has_a_row_per_side_and_status(kursk):
    s = kursk.state("2025-01-07")
    assert list(s.columns) == [*STATE_COLUMNS, "geometry"]
    assert len(s) == 6 and s.crs == "EPSG:4326"
    assert (s["area_km2"] >= 0).all()
    assert "not mapped: no coordinates for" in s.attrs["unmapped"]


def test_before_the_first_claim_nothing_is_held(kursk):
    assert sum(areas(kursk.state("2024-01-01")).values()) == 0


def test_capture_then_retake(make_claim):
    ua = make_claim("A", "2024-08-20", "UA", "capture", "Martynovka")
    ru = make_claim("B", "2024-10-01", "RU", "capture", "Martynovka", claimant="Russian MoD", claimant_side="RU",
                    status="claimed")
    tl = Timeline.from_claims([ru, ua], method="territory")  # order in the input does not matter
    assert areas(tl.state("2024-08-19"))[("UA", "held")] == 0
    held = areas(tl.state("2024-09-01"))[("UA", "held")]
    assert held > 1
    assert tl.state("2024-09-01").iloc[0]["claim_ids"] == "A"
    assert areas(tl.state("2024-10-01"))[("UA", "held")] == 0  # retaken: back to the baseline owner
    changes = tl.changes()
    assert list(zip(changes["from_side"], changes["to_side"], changes["claim_id"])) == [("RU", "UA", "A"),
                                                                                         ("UA", "RU", "B")]


def test_same_village_claimed_twice_keeps_one_polygon(make_claim):
    a = make_claim("A", "2024-08-20", "UA", "capture", "Martynovka")
    b = make_claim("B", "2024-12-01", "UA", "capture", "Martynovka", claimant="Zelensky", claimant_side="UA")
    tl = Timeline.from_claims([a, b], method="territory")
    s1, s2 = areas(tl.state("2024-09-01")), areas(tl.state("2024-12-01"))
    assert s1[("UA", "held")] == pytest.approx(s2[("UA", "held")])
    assert tl.state("2024-12-01").iloc[0]["claim_ids"] == "B"  # provenance: the latest claim


def test_conflicting_claims_within_the_window_make_it_contested(make_claim):
    ua = make_claim("A", "2024-08-20", "UA", "capture", "Martynovka", claimant="Syrskyi", claimant_side="UA")
    ru = make_claim("B", "2024-08-22", "RU", "capture", "Martynovka", claimant="Russian MoD", claimant_side="RU")
    s = areas(Timeline.from_claims([ua, ru], method="territory").state("2024-08-22"))
    assert s[("UA", "contested")] > 1 and s[("UA", "held")] == 0
    later = make_claim.replace(ru, date=dt.date(2024, 9, 30))
    s = areas(Timeline.from_claims([ua, later], method="territory").state("2024-09-30"))
    assert s[("UA", "contested")] == 0 and s[("UA", "held")] == 0  # outside the window: latest wins
    s = areas(Timeline.from_claims([ua, ru], window_days=None, method="territory").state("2024-08-22"))
    assert s[("UA", "contested")] == 0


def test_advance_does_not_downgrade_held_land(make_claim):
    cap = make_claim("A", "2024-08-20", "UA", "capture", "Berdin")
    adv = make_claim("B", "2024-08-25", "UA", "advance", "Berdin", qualifier="southern")
    tl = Timeline.from_claims([cap, adv], method="territory")
    assert areas(tl.state("2024-08-25")) == areas(tl.state("2024-08-20"))


def test_repelled_and_area_claims_change_nothing_but_stay_events(make_claim):
    rep = make_claim("R", "2025-01-06", "UA", "repelled", "Berdin", qualifier="near", claimant="Russian MoD",
                     claimant_side="RU", status="claimed")
    area = make_claim("S", "2025-01-06", "UA", "area", None, area_km2=1300.0, area_basis="held", region="Kursk Oblast")
    tl = Timeline.from_claims([rep, area], method="territory")
    assert sum(areas(tl.state("2025-01-07")).values()) == 0
    assert tl.claims == (rep, area) and tl.dates == [dt.date(2025, 1, 6)]
    check = tl.area_check()
    assert list(check["claim_id"]) == ["S"] and check["claimed_km2"][0] == 1300


def test_withdraw_hands_land_to_the_opponent(make_claim):
    cap = make_claim("A", "2024-08-20", "UA", "capture", "Sudzha")
    wd = make_claim("B", "2025-03-12", "UA", "withdraw", "Sudzha")
    tl = Timeline.from_claims([cap, wd], method="territory")
    assert areas(tl.state("2025-03-12"))[("UA", "held")] == 0


def test_month_precision_applies_at_month_end(make_claim):
    c = make_claim("A", "2024-08", "UA", "capture", "Sudzha")
    tl = Timeline.from_claims([c], method="territory")
    assert areas(tl.state("2024-08-30"))[("UA", "held")] == 0
    assert areas(tl.state("2024-08-31"))[("UA", "held")] > 0


def test_perspectives(kursk):
    everything = areas(kursk.state("2025-01-07"))
    assessed = areas(kursk.state("2025-01-07", perspective="assessed"))
    ru_told = kursk.state("2025-03-20", perspective="RU")
    isw = kursk.state("2025-01-07", perspective="ISW")
    assert assessed != everything
    for gdf, ok in ((ru_told, {"RU"}), (isw, {"neutral"})):
        ids = {i for s in gdf["claim_ids"] for i in s.split(", ") if i}
        sides = {c.claimant_side for c in kursk.claims if c.claim_id in ids}
        assert sides <= ok
    assert isw.attrs["perspective"] == "as ISW tells it"
    with pytest.raises(ValueError, match="perspective='Reuterz'.*valid: all, assessed, UA, RU"):
        kursk.state("2025-01-07", perspective="Reuterz")


def test_provenance_through_state_and_diff(kursk):
    s = kursk.state("2025-01-07")
    known = {c.claim_id for c in kursk.claims}
    for ids in s["claim_ids"]:
        assert {i for i in ids.split(", ") if i} <= known
    d = kursk.diff("2025-01-05", "2025-01-07")
    assert set(d["claim_id"]) - {""} <= known


def test_seed_report_diff(kursk):
    d = kursk.diff("2025-01-05", "2025-01-07")
    gained = d[d.change == "gained"]
    ua = gained[gained.side == "UA"]
    for where, claim in (("southern Berdin", "K045"), ("central Russkoye Porechnoye", "SEED1"),
                         ("central Novosotnitsky", "SEED1")):
        row = ua[ua["where"] == where]
        assert len(row) == 1 and row["claim_id"].iloc[0] == claim and row["area_km2"].iloc[0] > 0.1, where
    assert "SEED1" in ua[ua["where"] == "southern Berdin"]["claim_ids"].iloc[0]
    ru = gained[(gained.side == "RU") & (gained["where"] == "west of Malaya Loknya")]
    assert list(ru["claim_id"]) == ["SEED2"] and ru["area_km2"].iloc[0] > 1
    malaya = next(c.place for c in kursk.claims if c.place_name == "Malaya Loknya")
    geom = ru.geometry.iloc[0]
    assert geom.centroid.x < malaya.lon  # west of it


def test_diff_dates_are_inclusive_and_validated(kursk):
    one_day = kursk.diff("2025-01-06", "2025-01-06")
    assert set(one_day["claim_id"]) - {""} <= {"SEED1", "SEED2", "SEED3"}
    with pytest.raises(ValueError, match="before start"):
        kursk.diff("2025-01-07", "2025-01-05")
    with pytest.raises(ValueError, match="not a date"):
        kursk.diff("soon", "2025-01-05")


def test_unmapped_claims_listed_everywhere(kursk):
    assert kursk.unmapped and kursk.unmapped_summary().startswith(f"{len(kursk.unmapped)} of 114 claims not mapped")
    d = kursk.diff("2024-09-16", "2024-09-20")
    assert "Nikolayevo-Darino" in d.attrs["unmapped"]
    ch = kursk.changes("2024-09-19", "2024-09-19")
    row = ch[ch.place == "Nikolayevo-Darino"]
    assert list(row["mapped"]) == [False] and list(row["to_side"]) == ["RU"]


def test_area_series(kursk):
    daily = kursk.area_series()
    assert daily.index[0].date() == kursk.start and daily.index[-1].date() == kursk.end
    assert isinstance(daily.index, pd.DatetimeIndex) and daily.index.name == "date"
    assert len(daily) == (kursk.end - kursk.start).days + 1
    assert (daily >= 0).all().all()
    row = daily.loc["2025-01-07"]
    st = areas(kursk.state("2025-01-07"))
    assert row["UA_held"] == pytest.approx(st[("UA", "held")])
    assert row["UA_total"] == pytest.approx(st[("UA", "held")] + st[("UA", "advanced")])
    ua = kursk.area_series(side="UA", freq="MS")
    assert list(ua.columns) == ["UA_held", "UA_advanced", "UA_contested", "UA_total", "UA_total_min", "UA_total_max"]
    inside = kursk.area_series(region="Kursk Oblast", freq="claims")
    assert (inside["UA_total"] <= kursk.area_series(freq="claims")["UA_total"] + 1e-6).all()
    with pytest.raises(ValueError, match="freq"):
        kursk.area_series(freq="fortnightly")


def test_area_check_ranges(kursk):
    check = kursk.area_check()
    assert len(check) == sum(c.action == "area" for c in kursk.claims)
    assert (check["mapped_low_km2"] <= check["mapped_km2"] + 1e-6).all()
    assert (check["mapped_km2"] <= check["mapped_high_km2"] + 1e-6).all()
    first = check[check.claim_id == "K012"].iloc[0]
    assert first["summary"].startswith("claimed 1,150 km²; mapped ")


def test_baseline_polygons(make_claim):
    line = geopandas.GeoDataFrame({"side": ["RU"]}, geometry=[shapely.box(37.5, 47.5, 38.0, 48.0)], crs="EPSG:4326")
    c = make_claim("A", "2024-08-20", "UA", "capture", "Sudzha")
    tl = Timeline.from_claims([c], baseline=line, method="territory")
    s = areas(tl.state("2024-08-01"))
    assert s[("RU", "held")] == pytest.approx(
        __import__("geoclaims").area_km2(shapely.box(37.5, 47.5, 38.0, 48.0)), rel=1e-3)
    with pytest.raises(ValueError, match="side"):
        Timeline.from_claims([c], baseline=line.drop(columns="side"), method="territory")


def test_footprint_is_the_lower_bound(kursk):
    foot = kursk.twin("footprint")
    for d in ("2024-08-31", "2025-01-07", "2025-03-31"):
        a, b = areas(foot.state(d)), areas(kursk.state(d))
        assert a[("UA", "held")] <= b[("UA", "held")] + 1e-6


@pytest.mark.parametrize("ext", ["gpkg", "geojson"])
def test_export_round_trip(kursk, tmp_path, ext):
    out = kursk.to_file(tmp_path / f"kursk.{ext}")
    back = geopandas.read_file(out, layer="control" if ext == "gpkg" else None)
    mine = kursk.to_geodataframe()
    assert len(back) == len(mine) > 0
    assert set(back.columns) >= {"side", "status", "valid_from", "valid_to", "area_km2", "claim_ids"}
    assert back["area_km2"].to_numpy() == pytest.approx(mine["area_km2"].to_numpy())
    first = back.sort_values("valid_from").iloc[0]
    assert str(first["valid_from"])[:10] == "2024-08-07"
    # every feature is the state between its dates
    row = mine.iloc[len(mine) // 2]
    s = kursk.state(row["valid_from"].date())
    match = s[(s.side == row["side"]) & (s.status == row["status"])]
    assert match["area_km2"].iloc[0] == pytest.approx(row["area_km2"])
    if ext == "gpkg":
        claims = geopandas.read_file(out, layer="claims")
        assert len(claims) == 114
    with pytest.raises(ValueError, match="unknown output format"):
        kursk.to_file(tmp_path / "kursk.kml")


def test_unmapped_place_mapped_after_coordinates_added(tmp_path):
    text = ("claim_id,date,claimant,claimant_side,side,action,place,region,status,lat,lon\n"
            "A,2024-09-19,Apti Alaudinov,RU,UA,capture,Nikolayevo-Darino,Kursk Oblast,claimed,,\n")
    path = tmp_path / "c.csv"
    path.write_text(text, encoding="utf-8")
    assert Timeline.from_claims(read_claims(path), method="territory").unmapped
    path.write_text(text.replace("claimed,,", "claimed,51.2,35.0"), encoding="utf-8")
    tl = Timeline.from_claims(read_claims(path), method="territory")
    assert not tl.unmapped and areas(tl.state("2024-09-19"))[("UA", "held")] > 0


def test_area_series_clips_to_any_region_form(kursk):
    import shapely

    by_name = kursk.area_series(freq="claims", region="Kursk Oblast")
    by_box = kursk.area_series(freq="claims", region=(34.0, 50.9, 36.6, 51.9))
    by_poly = kursk.area_series(freq="claims", region=shapely.box(34.0, 50.9, 36.6, 51.9))
    assert by_box.equals(by_poly)
    total = kursk.area_series(freq="claims")
    assert (by_box["UA_held"] <= total["UA_held"] + 1e-9).all() and (by_name["UA_total"] > 0).any()
    half = kursk.area_series(freq="claims", region=(34.0, 50.9, 35.3, 51.9))  # west of 35.3°E only
    assert (half["UA_total"] <= by_box["UA_total"] + 1e-9).all() and (half["UA_total"] < by_box["UA_total"]).any()


def test_a_claim_repeated_under_another_id_changes_nothing(kursk_claims):
    """Valid data that made GEOS fail inside diff (issue 11): the same claim twice, two ids."""
    import dataclasses

    base = list(kursk_claims)
    k069 = next(c for c in base if c.claim_id == "K069")
    tl = Timeline.from_claims([*base, dataclasses.replace(k069, claim_id="K069-again")], method="territory")
    ref = Timeline.from_claims(base, method="territory")
    diff = tl.diff("2024-08-01", "2025-04-30")
    assert diff.geometry.is_valid.all()
    a, b = tl.area_series(freq="MS"), ref.area_series(freq="MS")
    assert (a - b).abs().to_numpy().max() < 0.01


def test_pieces_add_up_to_the_state_and_name_their_claims(kursk):
    pieces = kursk.pieces("2025-01-07")
    state = kursk.state("2025-01-07")
    for (side, status), grp in pieces.groupby(["side", "status"]):
        row = state[(state.side == side) & (state.status == status)].iloc[0]
        assert grp["area_km2"].sum() == pytest.approx(row["area_km2"], rel=1e-6)
        assert set(grp["claim_id"]) <= set(row["claim_ids"].split(", "))
    ids = {c.claim_id: c.status for c in kursk.claims}
    assert all(ids[cid] == st for cid, st in zip(pieces["claim_id"], pieces["claim_status"]))
    assert pieces.geometry.is_valid.all() and set(pieces["tier"]) == {"claimed"}


@pytest.mark.parametrize("freq, period", [("MS", "M"), ("ME", "M"), ("W", "W"), ("QS", "Q")])
def test_area_changes_by_period_cover_every_day_from_first_to_last(kursk, freq, period):
    """Each row covers its whole period, the first and the last (partial) ones too (issue 13 bug)."""
    periods = kursk.area_changes(freq=freq)
    assert isinstance(periods.index, pd.DatetimeIndex)
    days = list(pd.date_range(kursk.start, kursk.end).date)
    of = [pd.Timestamp(d).to_period(period) for d in days]
    assert len(periods) == len(set(of))
    first = [d for d, p in zip(days, of) if p == of[0]]
    last = [d for d, p in zip(days, of) if p == of[-1]]
    for row, (d1, d2) in ((periods.iloc[0], (kursk.start, first[-1])), (periods.iloc[-1], (last[0], kursk.end))):
        diff = kursk.diff(d1, d2)
        for side in ("UA", "RU"):
            for change in ("gained", "lost"):
                want = diff[(diff.side == side) & (diff.change == change)].area_km2.sum()
                assert row[f"{side}_{change}"] == pytest.approx(want, rel=1e-6, abs=1e-6), (d1, d2, side, change)
    assert periods.iloc[0]["UA_gained"] > 1000  # the August 2024 advance no longer vanishes
