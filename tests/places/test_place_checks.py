"""Places far from their region or from the rest of their file are found and explained."""

from geoclaims.places.place import Place
from geoclaims.places.place_checks import file_outliers, outside_region


def test_outside_region(gaz):
    kursk = gaz.resolve("Sudzha").best.place
    from geoclaims.places.regions import RegionTable

    kursk_oblast = RegionTable.default().resolve("Kursk Oblast")
    assert outside_region(gaz, kursk, kursk_oblast) is None
    swapped = Place(id="u:1", name="X", lat=35.27, lon=51.19, uncertainty_km=0.5)
    assert "lies outside Kursk Oblast" in outside_region(gaz, swapped, kursk_oblast)
    assert outside_region(gaz, Place(id="u:2", name="Y"), kursk_oblast) is None  # unlocated: nothing to check


def test_file_outliers_need_three_places_and_honour_exemptions():
    def p(i, lat, lon):
        return Place(id=f"p:{i}", name=f"P{i}", lat=lat, lon=lon, uncertainty_km=1, country="RU")

    near = {1: p(1, 51.19, 35.27), 2: p(2, 51.29, 35.44), 3: p(3, 51.33, 35.23)}
    far = p(4, 53.6, 25.8)
    assert file_outliers({1: near[1], 4: far}) == {}  # two places: no notion of "the rest"
    found = file_outliers({**near, 4: far})
    assert list(found) == [4] and "from every other place of this file" in found[4]
    assert file_outliers({**near, 4: far}, exempt=[4]) == {}
