"""Each qualifier's geometry, in the local equal-area projection."""

import math

import pytest
import shapely

from geoclaims import FootprintModel, LocalProjection, Place, ShapeModel
from geoclaims.claims import DIRECTIONS
from geoclaims.control.shapes import claim_shape


@pytest.fixture(scope="module")
def proj():
    return LocalProjection(35.2, 51.3)


def centre(proj, place):
    return proj.to_local(shapely.Point(place.lon, place.lat))


def bearing_of(c, g):
    p = g.centroid
    return math.degrees(math.atan2(p.x - c.x, p.y - c.y)) % 360


def angle_between(a, b):
    return abs((a - b + 180) % 360 - 180)


def test_southern_berdin_lies_south_of_its_centre(make_claim, proj):
    c = make_claim("S1", "2025-01-06", "UA", "advance", "Berdin", qualifier="southern")
    g = claim_shape(c, proj, method="footprint")
    o = centre(proj, c.place)
    ys = [y for _, y in g.exterior.coords]
    assert max(ys) <= o.y + 1e-6 and g.area > 0
    assert angle_between(bearing_of(o, g), 180) < 1


@pytest.mark.parametrize("direction", list(DIRECTIONS))
def test_sector_parts_face_their_direction(make_claim, proj, direction):
    for method in ("footprint", "territory"):
        c = make_claim("S1", "2025-01-06", "UA", "advance", "Berdin", qualifier=direction + "ern")
        from geoclaims.control.territory import territory_cells

        cells = territory_cells([c.place], proj)
        g = claim_shape(c, proj, method=method, cells=cells)
        assert angle_between(bearing_of(centre(proj, c.place), g), DIRECTIONS[direction]) < 46, method


def test_west_of_malaya_loknya_is_west_and_outside_its_footprint(make_claim, proj):
    c = make_claim("S2", "2025-01-06", "RU", "advance", "Malaya Loknya", qualifier="west of")
    g = claim_shape(c, proj)
    o = centre(proj, c.place)
    r = FootprintModel().radius_km(c.place) * 1000
    footprint = o.buffer(r)
    assert shapely.area(shapely.intersection(g, footprint)) < 1.0
    assert max(x for x, _ in g.exterior.coords) <= o.x + 1e-6  # entirely west of the centre
    assert angle_between(bearing_of(o, g), 270) < 1
    far = max(o.distance(shapely.Point(p)) for p in g.exterior.coords)
    assert far == pytest.approx(r + ShapeModel().beyond_km * 1000, rel=1e-3)


def test_direction_of_uses_distance_km(make_claim, proj):
    c = make_claim("S3", "2025-01-06", "UA", "advance", "Sudzha", qualifier="north of", distance_km=6.0)
    g = claim_shape(c, proj)
    o = centre(proj, c.place)
    r = FootprintModel().radius_km(c.place) * 1000
    assert max(o.distance(shapely.Point(p)) for p in g.exterior.coords) == pytest.approx(r + 6000, rel=1e-3)


def test_central_is_inside_the_footprint_and_whole_covers_it(make_claim, proj):
    central = make_claim("S1", "2025-01-06", "UA", "advance", "Novosotnitsky", qualifier="central")
    whole = make_claim("S2", "2025-01-06", "UA", "capture", "Novosotnitsky")
    r = FootprintModel().radius_km(central.place) * 1000
    g = claim_shape(central, proj)
    assert g.area == pytest.approx(math.pi * (r / 2) ** 2, rel=0.01)
    assert claim_shape(whole, proj, method="footprint").contains(g)


def test_outskirts_and_near_are_rings(make_claim, proj):
    o = make_claim("S1", "2025-01-06", "UA", "advance", "Korenevo", qualifier="outskirts")
    n = make_claim("S2", "2025-01-06", "UA", "advance", "Korenevo", qualifier="near")
    c = centre(proj, o.place)
    r = FootprintModel().radius_km(o.place) * 1000
    ring, near = claim_shape(o, proj), claim_shape(n, proj)
    assert not ring.contains(c) and not near.contains(c)
    assert len(ring.interiors) == 1 and len(near.interiors) == 1
    assert near.intersection(c.buffer(r * 0.99)).area < 1.0  # near lies outside the footprint
    assert ring.intersection(c.buffer(r)).area > 0  # outskirts reach into the town


def test_depth_band_lies_across_the_border_within_depth(make_claim, proj):
    from geoclaims.places import boundaries

    c = make_claim("K002", "2024-08-07", "UA", "advance", None, qualifier="depth from border", distance_km=10.0,
                   region="Kursk Oblast")
    band = claim_shape(c, proj)
    russia = proj.to_local(boundaries.country_shape("RU"))
    kursk = proj.to_local(boundaries.region_shape("Kursk Oblast"))
    border = proj.to_local(boundaries.border("UA", "RU"))
    assert shapely.area(shapely.difference(band, russia)) < 1e3
    assert shapely.area(shapely.difference(band, kursk)) < 1e3
    far = max(border.distance(shapely.Point(xy)) for xy in shapely.get_coordinates(band))
    assert 9_000 < far <= 10_000 * 1.01
    assert 500 < band.area / 1e6 < 5000


def test_footprint_model_table_and_override():
    m = FootprintModel()
    assert m.radius_km(Place(id="a", name="A", population=500)) == pytest.approx(0.95, abs=0.01)
    assert m.radius_km(Place(id="b", name="B", kind="khutor")) == 0.5
    assert m.radius_km(Place(id="c", name="C", population=10_000_000)) == m.max_km
    assert FootprintModel(overrides={"a": 2.5}).radius_km(Place(id="a", name="A")) == 2.5


def test_unlocated_place_has_no_shape(make_claim, proj):
    c = make_claim("S1", "2024-09-19", "RU", "capture", "Nikolayevo-Darino")
    assert claim_shape(c, proj) is None


def test_bad_parameters_are_rejected(make_claim, proj):
    with pytest.raises(ValueError, match="method"):
        claim_shape(make_claim("S1", "2025-01-06", "UA", "capture", "Berdin"), proj, method="voronoi")
    with pytest.raises(ValueError, match="near_km"):
        ShapeModel(near_km=0)
