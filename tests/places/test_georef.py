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


@pytest.mark.parametrize("text", ["in the forest", "7 km QQ of X", "QQ of X", ""])
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


@pytest.mark.parametrize(
    "text, kind, d, prec",
    [("SE of X", "ring", 10.0, 10.0), ("near X", "within", 5.0, 0.0), ("within 3 km of X", "within", 3.0, 0.0),
     ("about 20 km from X", "ring", 20.0, 2.0), ("on the international border", "line", 3.0, 0.0)],
)
def test_parse_bounds_without_a_measured_distance(text, kind, d, prec):
    s = parse_statement(text)
    assert (s.kind, s.distance_km, s.precision_km) == (kind, d, prec)


def test_a_direction_alone_is_a_sector_and_two_of_them_bound_it():
    refs = {"A": (51.0, 35.0, 0.1), "B": (51.0, 35.3, 0.1)}
    one = locate([parse_statement("N of A")], refs.get)
    az, _, dist = GEOD.inv(35.0, 51.0, one.lon, one.lat)
    assert abs(az) < 1 and 9 < one.radius_km < 11  # the sector's circle: out to 20 km, 45 degrees wide
    two = locate([parse_statement("NE of A"), parse_statement("NW of B")], refs.get)
    assert two.radius_km < one.radius_km and 35.0 < two.lon < 35.3 and two.lat > 51.0


def test_near_and_between_give_discs_with_their_references_uncertainty():
    refs = {"A": (51.0, 35.0, 1.0), "B": (51.0, 35.2, 0.5)}
    near = locate([parse_statement("near A")], refs.get)
    assert (near.lat, near.lon) == (51.0, 35.0) and 5.9 < near.radius_km < 6.1
    mid = locate([parse_statement("between A and B")], refs.get)
    _, _, ab = GEOD.inv(35.0, 51.0, 35.2, 51.0)
    assert abs(mid.lon - 35.1) < 0.001 and abs(mid.radius_km - (ab / 2000 + 1.0)) < 0.1


def test_a_line_bounds_but_never_locates_alone():
    import shapely

    border = shapely.LineString([(34.0, 51.0), (36.0, 51.0)])  # lon, lat
    lines = {"the international border": border}.get
    assert locate([parse_statement("on the international border")], REF.get, lines=lines) is None
    loc = locate([parse_statement("on the international border"), parse_statement("between A and B")],
                 {"A": (51.0, 35.0, 0.1), "B": (51.2, 35.0, 0.1)}.get, lines=lines)
    assert loc.lat < 51.05 and loc.radius_km < 11.2 * 0.8  # the strip of the disc along the line
    unknown = locate([parse_statement("on the international border"), parse_statement("2 km N of X")], REF.get)
    assert "no line" in unknown.note
