"""The bundled Natural Earth boundaries: internationally recognised borders, valid, linked to regions."""

import json

import pytest
import shapely

from geoclaims import UnknownRegion
from geoclaims.places import boundaries
from geoclaims._resources import data_file


def test_counts_match_sources_md():
    feats = json.loads(data_file("admin1.geojson").read_text(encoding="utf-8"))["features"]
    sources = data_file("BOUNDARIES.md").read_text(encoding="utf-8")
    assert f"| admin-1 features | {len(feats)} |" in sources
    for code, label in (("RU", "Russia"), ("BY", "Belarus")):
        assert f"| of {label} | {sum(f['properties']['country'] == code for f in feats)} |" in sources


def test_geometries_valid_and_countries_seamless():
    gdf = boundaries.regions()
    assert gdf.geometry.is_valid.all()
    for code in boundaries.COUNTRY_CODES:
        country = boundaries.country_shape(code)
        parts = shapely.union_all(gdf[gdf.country == code].geometry.to_numpy())
        assert shapely.symmetric_difference(country, parts).area < 1e-6


@pytest.mark.parametrize("lon,lat,code", [(34.1, 44.95, "UA"), (33.52, 44.6, "UA"), (35.27, 51.19, "RU"),
                                          (35.0, 50.9, "UA"), (27.56, 53.9, "BY")])
def test_recognised_borders(lon, lat, code):
    assert boundaries.country_at(lon, lat) == code


@pytest.mark.parametrize("name", ["Kursk Oblast", "Курская область", "Курська область", "kurskaya oblast"])
def test_region_spellings(name):
    assert boundaries.region_shape(name).contains(shapely.Point(35.27, 51.19))


def test_every_region_is_linked_to_the_region_table():
    from geoclaims import RegionTable

    table = RegionTable.default()
    regions = boundaries.regions()
    assert (regions[regions.country == "UA"]["admin1"] != "").all()
    for _, row in regions[regions.admin1 != ""].iterrows():
        assert table.by_code(row["country"], row["admin1"]) is not None, row["iso_3166_2"]


def test_border_and_errors():
    border = boundaries.border("UA", "RU")
    assert border.length > 15  # degrees of line: the whole land border and the Azov coast
    assert boundaries.country_shape("UA").boundary.buffer(1e-6).contains(border)
    with pytest.raises(UnknownRegion, match="bundled: BY, RU, UA"):
        boundaries.country_shape("France")


def test_region_geometry_accepts_names_boxes_and_polygons():
    import pytest
    import shapely

    from geoclaims.places.boundaries import region_geometry, region_shape

    g, label = region_geometry("Kursk Oblast")
    assert label == "Kursk Oblast" and g.equals(region_shape("Kursk Oblast"))
    assert region_geometry("Ukraine")[0].area > 50                       # degrees²: the whole country
    assert region_geometry("35,51,36,52")[0].equals(shapely.box(35, 51, 36, 52))
    poly = shapely.box(35, 51, 35.5, 51.5)
    assert region_geometry(poly) == (poly, "polygon")
    with pytest.raises(ValueError, match="west < east"):
        region_geometry((36, 51, 35, 52))
    with pytest.raises(ValueError, match="region='Atlantis'"):
        region_geometry("Atlantis")
    with pytest.raises(ValueError, match="must be a polygon"):
        region_geometry(shapely.Point(35, 51))
