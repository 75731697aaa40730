"""The offline basemap: borders from the bundled boundaries, labels from the gazetteer."""

from __future__ import annotations

import shapely

from geoclaims.web.basemap import CITY_POPULATION, CLAIMED_ZOOM, LABEL_ZOOMS, BasemapLayer, basemap_data, label_key

KURSK_BOX = (34.0, 50.8, 36.5, 52.0)


def test_countries_and_oblast_borders_inside_the_box():
    data = basemap_data(KURSK_BOX)
    codes = sorted(f["properties"]["country"] for f in data["countries"]["features"])
    assert codes == ["RU", "UA"]
    box = shapely.box(*KURSK_BOX).buffer(1e-6)
    for f in data["countries"]["features"] + data["regions"]["features"]:
        g = shapely.from_geojson(__import__("json").dumps(f["geometry"]))
        assert box.covers(g)
    regions = shapely.from_geojson(__import__("json").dumps(data["regions"]["features"][0]["geometry"]))
    assert regions.geom_type in ("LineString", "MultiLineString") and regions.length > 1  # Kursk/Sumy oblast borders


def test_labels_by_population_and_claimed_places_earlier(gaz):
    sudzha = gaz.resolve("Sudzha", country="RU").best.place
    berdin = gaz.resolve("Berdin").best.place
    plain = {lab[2]: lab for lab in basemap_data(KURSK_BOX)["labels"]}
    marked = {lab[2]: lab for lab in basemap_data(KURSK_BOX, highlight=[berdin.id])["labels"]}
    expected = next(z for minimum, z in LABEL_ZOOMS if (sudzha.population or 0) >= minimum)
    assert plain["Sudzha"][3] == expected
    assert plain["Kursk"][3] < plain["Sudzha"][3]
    assert marked["Berdin"][3] == min(CLAIMED_ZOOM, plain["Berdin"][3])
    lat, lon = marked["Sudzha"][:2]
    assert abs(lat - sudzha.lat) < 1e-4 and abs(lon - sudzha.lon) < 1e-4


def test_max_labels_keeps_the_largest_places():
    labels = basemap_data(KURSK_BOX, max_labels=3)["labels"]
    assert len(labels) == 3
    assert "Kursk" in {lab[2] for lab in labels}


def test_bad_bounds_are_rejected():
    import pytest

    with pytest.raises(ValueError, match="west < east"):
        basemap_data((36.0, 50.0, 35.0, 52.0))


BELGOROD_BOX = (36.0, 50.2, 37.5, 50.8)


def test_a_place_listed_twice_is_labelled_once():
    names = [lab[2] for lab in basemap_data(BELGOROD_BOX)["labels"]]
    assert names.count("Shebekino") == 1 and "Gorod Shebekino" not in names
    assert label_key("Gorod Shebekino") == label_key("Shebekino")


def test_labels_claim_space_in_order_cities_then_claimed_places_then_population(gaz):
    berdin = gaz.resolve("Berdin").best.place
    sudzha = gaz.resolve("Sudzha", country="RU").best.place
    data = basemap_data(KURSK_BOX, highlight=[sudzha.id, berdin.id])
    labels = data["labels"]
    cities = labels[:data["cities"]]
    assert cities and all(next(z for m, z in LABEL_ZOOMS if m <= CITY_POPULATION) == lab[3] for lab in cities)
    rest = labels[data["cities"]:]
    assert [lab[2] for lab in rest[:2]] == ["Sudzha", "Berdin"]          # claimed, by population
    assert [lab[4] for lab in rest[:2]] == [sorted([sudzha.id, berdin.id]).index(p.id) for p in (sudzha, berdin)]
    assert all(len(lab) == 4 for lab in rest[2:])                        # only claimed places carry a key


def test_the_layer_fades_out_and_focuses_the_given_places():
    import folium

    m = folium.Map(tiles=None)
    BasemapLayer(basemap_data(KURSK_BOX), focus=[3, 1]).add_to(m)
    page = m.get_root().render()
    for edge in "lrbt":
        assert f'id="gc-fade-{edge}"' in page
    assert "var focus = [1,3];" in page and 'map.on("gc:focus"' in page


def test_districts_of_a_larger_city_are_not_labelled_as_cities():
    """GeoNames lists Saltivka (inside Kharkiv) with 409,300 people; Makiivka is a city of its own by Donetsk."""
    kharkiv = {lab[2]: lab for lab in basemap_data((35.5, 49.6, 37.0, 50.4))["labels"]}
    assert kharkiv["Kharkiv"][3] == LABEL_ZOOMS[0][1] and kharkiv["Saltivka"][3] == LABEL_ZOOMS[-1][1]
    donetsk = basemap_data((37.3, 47.8, 38.3, 48.3))
    cities = [lab[2] for lab in donetsk["labels"][:donetsk["cities"]]]
    assert {"Donetsk", "Makiyivka"} <= set(cities)


def test_a_claimed_place_the_gazetteer_lacks_is_labelled_too(tmp_path):
    """A claim may give coordinates for a place no gazetteer lists: it is claimed, so it is labelled."""
    from geoclaims import read_claims

    path = tmp_path / "c.csv"
    path.write_text("claim_id,date,claimant,claimant_side,side,action,place,status,lat,lon\n"
                    "N1,2025-01-05,ISW,neutral,UA,capture,Novyi Khutir Tests,assessed,51.20,35.30\n", encoding="utf-8")
    (claim,) = read_claims(path).claims
    labels = {lab[2]: lab for lab in basemap_data(KURSK_BOX, highlight=[claim.place])["labels"]}
    lab = labels["Novyi Khutir Tests"]
    assert lab[:2] == [51.2, 35.3] and lab[3] == CLAIMED_ZOOM and lab[4] == 0
    assert "Novyi Khutir Tests" not in {lab[2] for lab in basemap_data(KURSK_BOX)["labels"]}
