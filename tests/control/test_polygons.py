import shapely

from geoclaims.control.polygons import valid_polygons


def test_a_ring_touching_itself_is_mended_with_its_area():
    # an inverted hole: the ring touches itself at (2, 4), as reprojection leaves near-coincident edges
    touch = shapely.Polygon([(0, 0), (4, 0), (4, 4), (2, 4), (3, 2), (1, 2), (2, 4), (0, 4), (0, 0)])
    assert not shapely.is_valid(touch)
    (fixed,) = valid_polygons([touch])
    assert shapely.is_valid(fixed) and fixed.area == 14.0


def test_a_bowtie_keeps_both_lobes():
    # buffer(0) would keep one lobe; the repair notices the lost area and keeps both
    bowtie = shapely.Polygon([(0, 0), (2, 2), (2, 0), (0, 2), (0, 0)])
    (fixed,) = valid_polygons([bowtie])
    assert shapely.is_valid(fixed) and fixed.geom_type == "MultiPolygon" and fixed.area == 2.0


def test_valid_polygons_are_returned_as_they_are_and_none_is_empty():
    square = shapely.box(0, 0, 1, 1)
    out = valid_polygons([square, None, shapely.GeometryCollection([square, shapely.Point(5, 5)])])
    assert out[0] is square and out[1].is_empty and out[2].equals(square)
