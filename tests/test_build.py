"""The committed gazetteer is what the committed build script makes from the committed sources."""

import gzip
import subprocess
import sys


from geoclaims import Gazetteer

from .conftest import ROOT


def test_rebuild_reproduces_committed_gazetteer(tmp_path):
    out = tmp_path / "places.json.gz"
    proc = subprocess.run(
        [sys.executable, str(ROOT / "data" / "gazetteer" / "build.py"), "-o", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert "located Berdin" in proc.stdout and "merged theatre:sudzha" in proc.stdout
    committed_path = ROOT / "data" / "gazetteer" / "places.json.gz"
    assert Gazetteer.read(out).meta == Gazetteer.read(committed_path).meta
    built = gzip.decompress(out.read_bytes())
    committed = gzip.decompress(committed_path.read_bytes())
    assert built == committed, "data/gazetteer/places.json.gz is stale: run `make gazetteer` and commit it"


def _build_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("gazetteer_build", ROOT / "data" / "gazetteer" / "build.py")
    build = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build)
    return build


def test_a_theatre_row_outside_kursk_must_name_its_oblast_in_the_tables_form():
    """A district the build cannot parse once put a Donbas village (Maiorsk) in Kursk Oblast silently."""
    import pytest

    build = _build_module()
    assert build.theatre_context({"name_en": "Sudzha", "district": "Sudzhansky"}) == ("RU", "Kursk Oblast", "Sudzhansky")
    assert build.theatre_context({"name_en": "Maiorsk", "district": "Horlivka raion, Donetsk Oblast, UKRAINE"}) == (
        "UA", "Donetsk Oblast", "Horlivka raion")
    with pytest.raises(SystemExit, match="Maiorsk.*Horlivka municipality"):
        build.theatre_context({"name_en": "Maiorsk", "district": "Horlivka municipality, Donetsk Oblast, UKRAINE"})


def test_district_keys_do_not_depend_on_the_hash_seed():
    """The build once merged a postal village or not depending on the interpreter's string hash seed
    (a set's first element picked the district key), so `make gazetteer` was not reproducible."""
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from postal_merge import _district_key; "
            "from geoclaims import Gazetteer; "
            "names = sorted({p.admin2 for p in Gazetteer.default().places if p.admin2}); "
            "print([_district_key(n) for n in names])")
    outs = {
        subprocess.run([sys.executable, "-c", code, str(ROOT / "data" / "gazetteer")], capture_output=True, text=True,
                       env={**__import__("os").environ, "PYTHONHASHSEED": seed}, check=True, timeout=300).stdout
        for seed in ("1", "15", "123")
    }
    assert len(outs) == 1


def test_kyiv_oblast_is_the_oblast_not_also_the_city():
    """The region table answers "Kyiv Oblast" with the city and the oblast: the build takes the oblast."""
    build = _build_module()
    assert build.theatre_context({"name_en": "Demydiv", "district": "Vyshhorod raion, Kyiv Oblast, UKRAINE"}) == (
        "UA", "Kyiv Oblast", "Vyshhorod raion")
    assert build.landmark_context({"id": "x", "district": "Kyiv City, UKRAINE"})[:2] == ("UA", "Kyiv City")
    assert build.landmark_context({"id": "x", "district": "Saky raion, Autonomous Republic of Crimea, UKRAINE"}) == (
        "UA", "Autonomous Republic of Crimea", "Saky")


def test_a_landmark_row_with_no_region_stops_the_build():
    import pytest

    with pytest.raises(SystemExit, match="landmarks.csv, row 'x'.*Atlantis"):
        _build_module().landmark_context({"id": "x", "district": "Atlantis, UKRAINE"})


def test_a_curated_village_keeps_its_far_namesakes_and_a_town_its_own_district():
    """An unlocated postal village whose oblast has a curated row of its name was dropped, as if they were one
    place; a GeoNames town took the district of the first postal row merged into it, even one a GeoNames error
    had put on the town (Donetsk was labelled Slovianskyi)."""
    import sys as _sys

    _sys.path.insert(0, str(ROOT / "data" / "gazetteer"))
    from postal_merge import _district_key, _far_namesakes, _own_district

    from geoclaims.places.place import Place

    theatre = Place(id="theatre:x", name="Dovhenke", lat=49.04, lon=37.28, uncertainty_km=8.0, admin1="Kharkiv Oblast",
                    admin2="Izium raion", sources=("geoclaims theatre table (sources/theatre-settlements.csv)",))
    assert _far_namesakes([theatre], (50.07, 37.39))          # the Velykyi Burluk core, 115 km off
    assert not _far_namesakes([theatre], (49.10, 37.30))      # its own district's core: the same village
    gn = Place(id="geonames:1", name="Dovhenke", lat=49.04, lon=37.28, uncertainty_km=0.5, admin1="Kharkiv Oblast")
    assert not _far_namesakes([gn], (50.07, 37.39))           # only curated rows keep far namesakes
    town = Place(id="geonames:709717", name="Donetsk", lat=48.023, lon=37.8022, uncertainty_km=0.5,
                 country="UA", admin1="Donetsk Oblast")
    far = Place(id="postal:a", name="Donetsk", lat=48.02, lon=37.80, uncertainty_km=1.0, country="UA",
                admin1="Donetsk Oblast", admin2="Slovianskyi")
    own = Place(id="postal:b", name="Donetsk", lat=48.02, lon=37.80, uncertainty_km=1.0, country="UA",
                admin1="Donetsk Oblast", admin2="Donetska")
    cores = {("UA", "Donetsk Oblast", _district_key("Slovianskyi")): (48.85, 37.60),
             ("UA", "Donetsk Oblast", _district_key("Donetska")): (48.00, 37.80)}
    assert _own_district(town, [far, own], cores) == "Donetska"
    assert _own_district(town, [far], cores) == ""
    assert _own_district(town, [own, far], cores) == "Donetska"



def test_a_towns_post_offices_placed_off_the_town_are_the_town():
    """GeoNames put Volnovakha's four post codes 28 km from the town: they were kept as a second Volnovakha,
    and every row naming the town was ambiguous."""
    import sys as _sys

    _sys.path.insert(0, str(ROOT / "data" / "gazetteer"))
    from postal_merge import merge_postal

    from geoclaims.places.place import Place

    town = Place(id="geonames:689198", name="Volnovakha", lat=47.6008, lon=37.4936, uncertainty_km=0.5, country="UA",
                 admin1="Donetsk Oblast", population=21166)

    def office(pid, name, codes, lat, lon):
        return Place(id=pid, name=name, lat=lat, lon=lon, uncertainty_km=1.0, country="UA", admin1="Donetsk Oblast",
                     admin2="Volnovaskyi", sources=(f"GeoNames postal codes UA {codes} (CC BY)",))

    core = [office(f"postal:ua:8570{i}:v{i}", f"Village{i}", f"8570{i}", 47.6 + i / 100, 37.5) for i in range(3)]
    offices = office("postal:ua:85700:volnovakha", "Volnovakha", "85700 85701 85702 85703", 47.8258, 37.3118)
    merged, log, _ = merge_postal([town], [*core, offices])
    assert [p.id for p in merged if p.name == "Volnovakha"] == ["geonames:689198"]
    assert any("merged into the town geonames:689198" in line for line in log)
    # one post code 28 km off is another village of that name, not the town's offices
    single = office("postal:ua:85799:volnovakha", "Volnovakha", "85799", 47.8258, 37.3118)
    merged, _, _ = merge_postal([town], [*core, single])
    assert sorted(p.id for p in merged if p.name == "Volnovakha") == ["geonames:689198", "postal:ua:85799:volnovakha"]


def test_a_village_still_filed_under_its_former_name_takes_its_current_one(tmp_path, monkeypatch):
    from geoclaims.places.place import Place

    build = _build_module()

    def village(pid, name, admin2, lat=None, lon=None):
        return Place(id=pid, name=name, lat=lat, lon=lon, uncertainty_km=None if lat is None else 1.0, country="UA",
                     admin1="Kharkiv Oblast", admin2=admin2)

    places = [
        village("postal:ua:1:pervukhynka", "Pervukhynka", "Bohodukhivskyi", 50.20, 35.50),
        village("p:2", "Kruhle", "Bohodukhivskyi", 50.16, 35.52), village("p:3", "Hubarivka", "Bohodukhivskyi", 50.18, 35.48),
        village("postal:ua:4:oleksandrivka", "Oleksandrivka", "Bohodukhivskyi", 50.17, 35.51),
        village("postal:ua:5:oleksandrivka", "Oleksandrivka", "Zolochivskyi"),  # unlocated: it may be the renamed one
        village("theatre:sieverne", "Sieverne", "Bohodukhivskyi", 50.19, 35.49),  # curated: keeps its curator's name
    ]
    rows = tmp_path / "former-names.csv"
    rows.write_text(
        "current_name,country,admin1,former_name,language,renamed,source,district\n"
        "Lisove,UA,07,Pervukhynka,uk,2024,test,Bohodukhiv raion\n"
        "Klynova-Novoselivka,UA,07,Oleksandrivka,uk,2024,test,Bohodukhiv raion (Zolochiv hromada)\n"
        "Pivnichne,UA,07,Sieverne,uk,2024,test,Bohodukhiv raion\n",
        encoding="utf-8")
    monkeypatch.setattr(build, "FORMER", rows)
    out, report = build.add_former_names(places)
    renamed = {p.id: p for p in out}
    lisove = renamed["postal:ua:1:pervukhynka"]
    assert lisove.name == "Lisove" and "Pervukhynka" in lisove.former_names
    assert "Pervukhynka" in lisove.aliases  # the old name still finds it
    # a former name two places of the oblast carry, one of which cannot be told apart, renames neither
    assert renamed["postal:ua:4:oleksandrivka"].name == renamed["postal:ua:5:oleksandrivka"].name == "Oleksandrivka"
    assert renamed["theatre:sieverne"].name == "Sieverne"
    assert any("renamed Lisove" in line for line in report) and any("Klynova-Novoselivka" in line for line in report)


def test_the_bundled_gazetteer_knows_sichneve_by_its_new_and_its_old_name():
    gaz = Gazetteer.default()
    new = gaz.resolve("Січневе", region=["Dnipropetrovsk Oblast"]).best
    old = gaz.resolve("Январское", region=["Dnipropetrovsk Oblast"]).best
    assert new is not None and old is not None and new.place.id == old.place.id and new.place.is_located
    assert new.place.name == "Sichneve" and not new.uncertain
