"""What a day's map shows (geoclaims.web.dayview): pieces with their claims, area checks, the observed map in force."""

from __future__ import annotations

import datetime as dt

import pytest
import shapely

from geoclaims import Timeline, area_km2
from geoclaims.web.dayview import area_check_rows, day_view, piece_text, with_band
from geoclaims.errors import InvalidArgument, InvalidArgumentType


def test_pieces_add_up_to_the_state_and_name_their_claims(kursk):
    view = day_view(kursk, "2025-01-07")
    by_key: dict = {}
    for rec, _ in view.pieces:
        by_key[(rec["side"], rec["status"])] = by_key.get((rec["side"], rec["status"]), 0.0) + rec["area_km2"]
    for r in view.areas:
        assert by_key.get((r["side"], r["status"]), 0.0) == pytest.approx(r["area_km2"], rel=1e-6, abs=1e-6)
    recs = {rec["claim_id"]: rec for rec, _ in view.pieces}
    assert recs["K048"]["claim_status"] == "unverified" and recs["K048"]["claimants"] == "unconfirmed reports (The Guardian)"
    assert {rec["tier"] for rec, _ in view.pieces} == {"claimed"}
    km = view.km2_by_certainty()
    assert sum(km["UA"].values()) == pytest.approx(sum(r["area_km2"] for r in view.areas if r["side"] == "UA"))
    assert km["UA"]["unverified"] > 0 and km["UA"]["assessed"] > km["UA"]["claimed"]


def test_piece_text_says_how_sure_and_who():
    rec = {"side": "UA", "status": "held", "tier": "inferred", "claim_status": "assessed", "area_km2": 3.0,
           "claim_id": "K1, K2", "claimants": "ISW, DeepState", "where": ""}
    text = piece_text(rec)
    assert "inferred by the model" in text and "from claims K1, K2 (ISW, DeepState)" in text
    assert "from the baseline" in piece_text({**rec, "tier": "claimed", "claim_id": "baseline", "claim_status": ""})


def test_area_claims_of_the_period_beside_the_mapped_range(kursk):
    view = day_view(kursk, "2025-03-16")
    (row,) = [r for r in view.area_checks if r["claimed_km2"] == 110]
    assert row["verdict"] == "below" and "below the mapped range" in row["text"]
    assert row["mapped_low_km2"] <= row["mapped_km2"] <= row["mapped_high_km2"]
    assert all(view.first <= r["date"] <= view.date for r in view.area_checks)
    assert day_view(kursk, "2025-01-07").area_checks == ()            # no area claim that day
    # a perspective counts only its claimants' figures
    ua = area_check_rows(kursk, "UA", kursk.start, kursk.end)
    assert ua and all(r["claimant"] in {c.claimant for c in kursk.claims if c.claimant_side == "UA"} for r in ua)


def test_an_area_claim_matching_the_map_is_within(make_claim):
    capture = make_claim("C1", "2025-01-05", "UA", "capture", "Berdin")
    mapped = Timeline.from_claims([capture]).state("2025-01-05").query("side == 'UA'").area_km2.sum()
    figure = make_claim("A1", "2025-01-06", "UA", "area", None, area_km2=round(mapped), area_basis="held")
    tl = Timeline.from_claims([capture, figure])
    (row,) = day_view(tl, "2025-01-06").area_checks
    assert row["verdict"] == "within" and "within the mapped range" in row["text"]


def test_observed_map_in_force_on_the_day(kursk, kursk_observed):
    d = dt.date(2025, 1, 8)                                 # no snapshot that day: the one of 2025-01-07
    view = day_view(kursk, d, observed=kursk_observed)
    obs = view.observed
    assert obs.snapshot == max(x for x in kursk_observed.dates if x <= d) and obs.age_days(d) == 1
    want = kursk_observed.state(d).query("side == 'UA' and status != 'contested'").area_km2.sum()
    assert obs.areas["UA"]["total"] == pytest.approx(want)
    assert obs.state and all(rec["side"] in ("UA", "RU") for rec, _ in obs.state)
    first = kursk_observed.start
    assert day_view(kursk, first, observed=kursk_observed).observed.snapshot == first
    before = day_view(kursk, first - dt.timedelta(days=1), observed=kursk_observed).observed
    assert before.snapshot is None and before.state == ()


def test_observed_must_be_an_observed_timeline(kursk):
    with pytest.raises(InvalidArgumentType, match="read_snapshots"):
        day_view(kursk, "2025-01-07", observed="deepstate/")
    with pytest.raises(InvalidArgument, match="built from claims"):
        day_view(kursk, "2025-01-07", observed=kursk)


def test_with_band_keeps_least_and_most(kursk):
    view = day_view(kursk, "2025-01-07")
    least = view.pieces[0][1]
    most = shapely.buffer(least, 0.01)
    banded = with_band(view, [({"side": "UA"}, least, most)])
    (rec, lo, hi), = banded.band
    assert rec["side"] == "UA" and hi.covers(lo) and area_km2(hi) > area_km2(lo)
    assert view.band == ()                                   # the view itself is left as it was


def test_inferred_method_gives_inferred_pieces_a_band_and_agreement(kursk_inferred, deepstate_kursk):
    from geoclaims import agreement

    d = dt.date(2025, 2, 7)
    view = day_view(kursk_inferred, d, observed=deepstate_kursk)
    inferred = [rec for rec, _ in view.pieces if rec["tier"] == "inferred"]
    assert inferred and all(rec["claim_id"] == rec["drivers"] and rec["claimants"] for rec in inferred)
    assert "inferred by the model" in piece_text(inferred[0]) and "from claims " in piece_text(inferred[0])
    (rec, least, most), *_ = view.band
    band = kursk_inferred.band(d).set_index(["side", "bound"]).area_km2
    assert rec["min_km2"] == pytest.approx(band[(rec["side"], "min")]) and rec["min_km2"] < rec["max_km2"]
    assert area_km2(most) > area_km2(least)
    obs = view.observed
    assert obs.snapshot == dt.date(2025, 1, 31)
    want = agreement(kursk_inferred, deepstate_kursk, [d]).table.set_index("side")
    assert obs.agreement["UA"]["iou"] == pytest.approx(want.loc["UA", "iou"])
    assert obs.agreement["UA"]["area_error"] == pytest.approx(want.loc["UA", "area_error"])
    assert day_view(kursk_inferred, d).band and not day_view(kursk_inferred.twin("territory"), d).band
