"""Territory cells: Voronoi of settlements, clipped to the country and a radius."""

import shapely

from geoclaims import LocalProjection, TerritoryModel
from geoclaims.places import boundaries
from geoclaims.control.territory import territory_cells


def test_cells_partition_the_land_around_claimed_places(kursk_claims):
    places = {c.place.id: c.place for c in kursk_claims if c.place is not None and c.place.is_located}
    proj = LocalProjection.around([(p.lon, p.lat) for p in places.values()])
    model = TerritoryModel(max_radius_km=4.0)
    cells = territory_cells(places.values(), proj, model=model)
    assert set(cells) == set(places)
    geoms = list({id(g): g for g in cells.values()}.values())  # places at one position share a cell
    total = sum(g.area for g in geoms)
    assert shapely.union_all(geoms, grid_size=0.01).area == __import__("pytest").approx(total, rel=1e-6)  # no overlaps
    russia = proj.to_local(boundaries.country_shape("RU"))
    for pid, g in cells.items():
        p = places[pid]
        pt = proj.to_local(shapely.Point(p.lon, p.lat))
        assert g.covers(pt) or g.distance(pt) < 500, pid
        assert shapely.hausdorff_distance(pt, g) <= 4000 * 1.01, pid
        if p.country == "RU":
            assert shapely.area(shapely.difference(g, russia)) < 0.02 * g.area + 1e4, pid


def test_cell_shrinks_when_a_neighbour_is_added(gaz):
    from geoclaims import Gazetteer, Place

    berdin = gaz.get("theatre:berdin")
    proj = LocalProjection(berdin.lon, berdin.lat)
    alone = territory_cells([berdin], proj, gazetteer=Gazetteer([berdin]))["theatre:berdin"]
    neighbour = Place(id="x:n", name="Neighbour", lat=berdin.lat, lon=berdin.lon + 0.03, country="RU",
                      uncertainty_km=0.1)
    shared = territory_cells([berdin], proj, gazetteer=Gazetteer([berdin, neighbour]))["theatre:berdin"]
    assert shared.area < alone.area
    assert shared.centroid.x < proj.to_local(shapely.Point(berdin.lon, berdin.lat)).x
