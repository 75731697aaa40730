"""The Claim value object and the format's vocabulary."""

import dataclasses
import datetime as dt

import pytest

from geoclaims.claims import QUALIFIERS, Claim, other_side, parse_date, parse_qualifier


@pytest.mark.parametrize("text,expected", [
    ("2025-01-06", (dt.date(2025, 1, 6), "day")),
    ("2024-08", (dt.date(2024, 8, 31), "month")),
    ("2024-02", (dt.date(2024, 2, 29), "month")),
    (" 2025-1-5 ", (dt.date(2025, 1, 5), "day")),
    (dt.date(2025, 3, 1), (dt.date(2025, 3, 1), "day")),
])
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["2025-13-01", "2025-02-30", "06.01.2025", "yesterday", "", "2025"])
def test_parse_date_rejects_with_the_valid_forms(text):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_date(text)


@pytest.mark.parametrize("text,expected", [
    (None, ""), ("", ""), ("whole", ""), ("Central", "central"), ("centre", "central"),
    ("south-western", "southwestern"), ("north west of", "northwest of"), ("NW of", "northwest of"),
    ("outskirts of", "outskirts"), ("Depth from border", "depth from border"), ("west", "western"),
])
def test_parse_qualifier_variants(text, expected):
    assert parse_qualifier(text) == expected


def test_every_canonical_qualifier_parses_to_itself():
    for q in QUALIFIERS:
        assert parse_qualifier(q) == q


def test_unknown_qualifier_lists_the_valid_ones():
    with pytest.raises(ValueError, match="valid: .*central.*northwest of.*depth from border"):
        parse_qualifier("inside-ish")


def _claim(**kw):
    base = dict(claim_id="C1", date=dt.date(2025, 1, 6), claimant="ISW", claimant_side="neutral", side="UA",
                action="advance", status="assessed", place_name="Berdin")
    base.update(kw)
    return Claim(**base)


@pytest.mark.parametrize("field,value,needle", [
    ("side", "NATO", "side='NATO'.*UA, RU"),
    ("action", "liberate", "action='liberate'.*capture"),
    ("status", "confirmed", "status='confirmed'.*assessed"),
    ("claimant_side", "both", "claimant_side='both'"),
    ("qualifier", "inner", "qualifier='inner'"),
    ("distance_km", -1.0, "distance_km=-1.0.*>= 0"),
    ("area_km2", float("nan"), "area_km2=nan"),
    ("claim_id", "", "claim_id must not be empty"),
])
def test_claim_validates_each_field(field, value, needle):
    with pytest.raises(ValueError, match=needle):
        _claim(**{field: value})


def test_area_claim_needs_figure_and_basis():
    with pytest.raises(ValueError, match="area_km2"):
        _claim(action="area", place_name="")
    with pytest.raises(ValueError, match="area_basis"):
        _claim(action="area", place_name="", area_km2=100.0, area_basis="roughly")
    c = _claim(action="area", place_name="", area_km2=1300.0, area_basis="held")
    assert c.describe() == "C1 2025-01-06: UA held 1,300 km2 (ISW, assessed)"


def test_place_required_unless_depth_or_geometry():
    with pytest.raises(ValueError, match="needs a place"):
        _claim(place_name="")
    assert _claim(place_name="", qualifier="depth from border", distance_km=10.0).where.startswith("10 km from")


def test_claim_is_frozen_and_month_dates_round_trip():
    c = _claim(date=dt.date(2024, 8, 31), date_precision="month")
    with pytest.raises(dataclasses.FrozenInstanceError):
        c.side = "RU"  # type: ignore[misc]
    assert c.date_text == "2024-08"
    assert c.to_record()["date"] == "2024-08"


def test_other_side():
    assert other_side("UA") == "RU" and other_side("RU") == "UA"
    with pytest.raises(ValueError):
        other_side("BY")
