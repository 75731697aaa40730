import pytest
from hypothesis import given, settings, strategies as st
from pyproj import Geod

from geoclaims.places.georef import COMPASS, locate, parse_statement

GEOD = Geod(ellps="WGS84")
REF = {"X": (51.3, 35.5, 0.1)}


@pytest.mark.parametrize(
    "text, d, prec, bearing",
    [("7 km SW of X", 7.0, 0.5, 225.0), ("10.5 km S of X", 10.5, 0.05, 180.0), ("2 km from X", 2.0, 0.5, None),
     ("6 km NNE of X (by road)", 6.0, 0.5, 22.5), ("3,5 km E of X", 3.5, 0.05, 90.0)],
)
def test_parse(text, d, prec, bearing):
    s = parse_statement(text)
    assert (s.distance_km, s.precision_km, s.bearing_deg, s.reference) == (d, prec, bearing, "X")


@pytest.mark.parametrize("text", ["on the international border", "near X", "7 km QQ of X", ""])
def test_unparseable(text):
    assert parse_statement(text) is None


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(list(COMPASS)), st.integers(min_value=1, max_value=40))
def test_point_lies_on_the_stated_bearing_and_circle_covers_the_sector(direction, km):
    s = parse_statement(f"{km} km {direction} of X")
    loc = locate([s], REF.get)
    az, _, dist = GEOD.inv(35.5, 51.3, loc.lon, loc.lat)
    off = (az - s.bearing_deg + 180) % 360 - 180
    assert abs(off) <= s.half_width_deg + 0.5
    # the circle reaches both corners of the sector at the stated distance
    for edge in (s.bearing_deg - s.half_width_deg, s.bearing_deg + s.half_width_deg):
        lon, lat, _ = GEOD.fwd(35.5, 51.3, edge, km * 1000)
        _, _, d = GEOD.inv(loc.lon, loc.lat, lon, lat)
        assert d / 1000 <= loc.radius_km + 0.05


def test_statements_are_intersected():
    refs = {"A": (51.19139, 35.27056, 0.1), "B": (51.29667, 35.33417, 1.0)}
    one = locate([parse_statement("16 km NE of A")], refs.get)
    two = locate([parse_statement("16 km NE of A"), parse_statement("2 km from B")], refs.get)
    assert two.radius_km < one.radius_km
    _, _, d = GEOD.inv(35.33417, 51.29667, two.lon, two.lat)
    assert d / 1000 <= 2.5 + 1.0


def test_disagreeing_statements_fall_back_to_union():
    refs = {"A": (51.0, 35.0, 0.1)}
    loc = locate([parse_statement("5 km N of A"), parse_statement("5 km S of A")], refs.get)
    assert "do not agree" in loc.note and loc.radius_km >= 5


def test_unknown_reference_is_reported_not_guessed():
    assert locate([parse_statement("3 km from Nowhere")], REF.get) is None
    loc = locate([parse_statement("3 km from Nowhere"), parse_statement("2 km N of X")], REF.get)
    assert "Nowhere" in loc.note
