"""Reading, validating and writing claims files."""

import json

import pandas as pd
import pytest

from geoclaims import ClaimFormatError, Gazetteer, Place, read_claims, write_claims
from geoclaims.claims import COLUMNS
from geoclaims.places.place_checks import FarPlaceWarning


HEADER = ",".join(COLUMNS)
GOOD = "S1,2025-01-06,ISW,neutral,UA,advance,Berdin,,Kursk Oblast,southern,,,,assessed,https://example.org/a,seed"


def write(tmp_path, *rows, header=HEADER, name="claims.csv"):
    path = tmp_path / name
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path


def test_kursk_example_reads_without_problems(kursk_claims):
    assert len(kursk_claims) == 114 and not kursk_claims.problems
    assert kursk_claims.rows == 114
    assert {c.action for c in kursk_claims} == {"capture", "advance", "withdraw", "repelled", "contest", "area"}
    k038 = [c for c in kursk_claims if c.claim_id == "K038" and c.place_name == "Mikhaylovka"]
    assert k038[0].place.id == "theatre:mikhaylovka"
    assert kursk_claims[0].date_precision == "month" and kursk_claims[0].date_text == "2024-08"


def test_unmapped_claims_are_kept_and_summarised(kursk_claims):
    summary = kursk_claims.unmapped_summary()
    n = len(kursk_claims.unmapped)
    assert n > 0 and summary.startswith(f"{n} of 114 claims not mapped: no coordinates for ")
    assert "Aleksandriya" in summary  # named by the Russian MoD only; no source locates it
    assert all(c.place is not None and not c.place.is_located for c in kursk_claims.unmapped)


# every validation error path: (row, column, message fragment)
BAD_ROWS = [
    ("S2,2025-01-06,ISW,neutral,UA,advance,Zzyzxovo,,Kursk Oblast,,,,,assessed,,", "place", "no place of this name"),
    ("S4,06.01.2025,ISW,neutral,UA,advance,Berdin,,Kursk Oblast,,,,,assessed,,", "date", "YYYY-MM-DD"),
    ("S5,2025-01-06,ISW,neutral,UA,liberated,Berdin,,Kursk Oblast,,,,,assessed,,", "action", "valid: capture"),
    ("S6,2025-01-06,ISW,neutral,UA,advance,Berdin,,Kursk Oblast,inner,,,,assessed,,", "qualifier", "valid:"),
    ("S7,2025-01-06,ISW,neutral,UA,area,,,Kursk Oblast,,,-5,held,claimed,,", "area_km2", ">= 0"),
    (",2025-01-06,ISW,neutral,UA,advance,Berdin,,Kursk Oblast,,,,,assessed,,", "claim_id", "required"),
    ("S9,2025-01-06,,neutral,UA,advance,Berdin,,Kursk Oblast,,,,,assessed,,", "claimant", "required"),
    ("S10,2025-01-06,ISW,neutral,UA,advance,,,Kursk Oblast,,,,,assessed,,", "place", "required for action"),
    ("S11,2025-01-06,ISW,neutral,XX,advance,Berdin,,Kursk Oblast,,,,,assessed,,", "side", "valid: UA, RU"),
    ("S12,2025-01-06,ISW,neutral,UA,advance,Berdin,,Kursk Oblast,,,,,certain,,", "status", "valid: assessed"),
    ("S13,2025-01-06,ISW,neutral,UA,area,,,Kursk Oblast,,,100,,claimed,,", "area_basis", "valid: held, gained"),
    ("S14,2025-01-06,ISW,neutral,UA,advance,Berdin,,Narnia Oblast,,,,,assessed,,", "region", "Narnia"),
    ("S15,2025-01-06,ISW,neutral,UA,advance,Berdin,,Kursk Oblast,west of,far,,,assessed,,", "distance_km", "not a number"),
    ("S16,2025-01-06,ISW,neutral,UA,advance,Berdin,no:such,Kursk Oblast,,,,,assessed,,", "place_id", "no place with this id"),
    ("S17,2025-01-06,ISW,neutral,UA,advance,Berdin,,Kursk Oblast", "", "fields, but the header has"),
]


@pytest.mark.parametrize("row,column,fragment", BAD_ROWS, ids=[r[1] or "row" for r in BAD_ROWS])
def test_each_problem_names_file_line_column_value(tmp_path, row, column, fragment):
    path = write(tmp_path, GOOD, row)
    with pytest.raises(ClaimFormatError) as err:
        read_claims(path)
    (problem,) = err.value.problems
    assert problem.source == str(path) and problem.line == 3 and problem.column == column
    assert fragment in problem.message
    text = str(err.value)
    assert f"{path}, line 3" in text and "on_error='collect'" in text


def test_collect_returns_good_rows_and_reports_every_bad_one(tmp_path):
    path = write(tmp_path, GOOD, *(r for r, _, _ in BAD_ROWS), GOOD.replace("S1,", "S99,"))
    cs = read_claims(path, on_error="collect")
    assert [c.claim_id for c in cs] == ["S1", "S99"]
    assert [p.line for p in cs.problems] == list(range(3, 3 + len(BAD_ROWS)))
    assert cs.rows == len(cs) + len(cs.problems)  # no row dropped silently
    assert "rows with problems" in cs.report()


def test_quoted_multiline_fields_keep_line_numbers(tmp_path):
    row = 'S2,2025-01-06,ISW,neutral,UA,advance,Berdin,,Kursk Oblast,,,,,assessed,,"two\nlines"'
    path = write(tmp_path, row, "S3,bad-date,ISW,neutral,UA,advance,Berdin,,Kursk Oblast,,,,,assessed,,")
    with pytest.raises(ClaimFormatError) as err:
        read_claims(path)
    assert err.value.problems[0].line == 4


def test_missing_columns_and_empty_file(tmp_path):
    with pytest.raises(ClaimFormatError, match="lacks required column.*claimant_side"):
        read_claims(write(tmp_path, "x", header="claim_id,date,claimant"))
    empty = tmp_path / "empty.csv"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(ClaimFormatError, match="empty"):
        read_claims(empty)
    with pytest.raises(FileNotFoundError):
        read_claims(tmp_path / "nope.csv")
    with pytest.raises(ValueError, match="on_error"):
        read_claims(write(tmp_path, GOOD), on_error="ignore")


def test_unknown_place_suggests_candidates(tmp_path):
    path = write(tmp_path, "S2,2025-01-06,ISW,neutral,UA,advance,Porechnoye-Russkoye-Sudzhanskoye,,Kursk Oblast,,,,,assessed,,")
    with pytest.raises(ClaimFormatError, match="did you mean: .*Russkoye Porechnoye"):
        read_claims(path)


def test_ambiguous_place_without_context_lists_candidates(tmp_path):
    path = write(tmp_path, "S3,2025-01-06,ISW,neutral,UA,advance,Martynovka,,,,,,,assessed,,")
    with pytest.raises(ClaimFormatError) as err:
        read_claims(path)
    (p,) = err.value.problems
    assert p.column == "place" and "ambiguous" in p.message and "place_id" in p.message
    assert "theatre:martynovka" in p.message


def test_ambiguous_name_settled_by_the_files_other_places(tmp_path):
    # Martynovka without region: several in RU and UA; the other rows are around Sudzha
    rows = [GOOD, "S2,2025-01-06,ISW,neutral,UA,capture,Martynovka,,,,,,,assessed,,",
            "S3,2025-01-06,ISW,neutral,UA,capture,Sudzha,,,,,,,assessed,,"]
    cs = read_claims(write(tmp_path, *rows))
    assert cs[1].place.id == "theatre:martynovka"


def test_user_coordinates_map_an_unlocated_place(tmp_path):
    header = HEADER + ",lat,lon"
    row = "S1,2024-09-16,Russian MoD,RU,RU,capture,Pogrebki,,Kursk Oblast,,,,,claimed,,,51.30,35.10"
    unlocated = "S2,2024-09-16,Russian MoD,RU,RU,capture,Aleksandriya,,Kursk Oblast,,,,,claimed,,,,"
    cs = read_claims(write(tmp_path, row, unlocated, header=header))
    assert cs[0].place.latlon == (51.30, 35.10) and cs[0].is_located
    assert cs[1].place is not None and not cs[1].is_located
    assert cs.unmapped_summary() == "1 of 2 claims not mapped: no coordinates for Aleksandriya"


def test_geonames_dump_maps_unlocated_places(tmp_path):
    """Loading a gazetteer that locates a village maps the claims about it."""
    base = Gazetteer.default()
    known = base.get("theatre:aleksandriya")
    located = Place(id="user:nd", name=known.name, lat=51.21, lon=35.05, uncertainty_km=0.5, country="RU",
                    admin1="Kursk Oblast")
    gaz = base.merge([located])
    row = "S1,2025-01-17,Russian MoD,RU,RU,capture,Aleksandriya,,Kursk Oblast,,,,,claimed,,"
    cs = read_claims(write(tmp_path, row), gazetteer=gaz)
    assert cs[0].is_located and not cs.unmapped


def test_dataframe_json_geojson_inputs_and_round_trip(tmp_path, kursk_claims):
    df = kursk_claims.to_dataframe()
    from_df = read_claims(df)
    assert [c.place for c in from_df] == [c.place for c in kursk_claims]
    for ext in ("csv", "json", "geojson"):
        out = write_claims(kursk_claims, tmp_path / f"claims.{ext}")
        back = read_claims(out)
        assert back.claims == kursk_claims.claims, ext
    gj = json.loads((tmp_path / "claims.geojson").read_text(encoding="utf-8"))
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == 114


def test_geojson_claim_carries_its_own_polygon(tmp_path):
    feat = {"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[35.0, 51.3], [35.1, 51.3], [35.1, 51.35],
                                                                                  [35.0, 51.35], [35.0, 51.3]]]},
            "properties": {"claim_id": "D1", "date": "2025-01-06", "claimant": "DeepState", "claimant_side": "UA",
                           "side": "UA", "action": "capture", "status": "assessed", "place": "", "note": "drawn"}}
    path = tmp_path / "drawn.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": [feat]}), encoding="utf-8")
    (c,) = read_claims(path)
    assert c.geometry is not None and c.is_located and c.place is None


def test_problems_in_json_name_the_item(tmp_path):
    path = tmp_path / "claims.json"
    path.write_text(json.dumps({"claims": [{"claim_id": "J1", "date": "2025-01-06", "claimant": "ISW",
                                            "claimant_side": "neutral", "side": "UA", "action": "advance",
                                            "status": "assessed", "place": "Nowhereovka"}]}), encoding="utf-8")
    with pytest.raises(ClaimFormatError, match=r"item 1, column 'place' \(value 'Nowhereovka'\)"):
        read_claims(path)


def test_dataframe_problem_names_the_row():
    df = pd.DataFrame([{"claim_id": "A", "date": "bad", "claimant": "ISW", "claimant_side": "neutral", "side": "UA",
                        "action": "advance", "status": "assessed", "place": "Berdin", "region": "Kursk Oblast"}])
    with pytest.raises(ClaimFormatError, match=r"<DataFrame>, row 0, column 'date'"):
        read_claims(df)


# -- hostile and careless input (issue 11): a clear error or a correct result, nothing lost --------------
def _accounted(cs) -> bool:
    """Every data row is a claim or a problem."""
    return len({c.line for c in cs}) + len({p.line for p in cs.problems} - {c.line for c in cs}) == cs.rows


@pytest.mark.parametrize("encoding, looks_like", [("cp1251", "cp1251"), ("latin-1", "cp1252"),
                                                  ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_other_encodings_are_named_and_readable_on_request(tmp_path, encoding, looks_like):
    note = "Бердин северо-восточнее Суджи" if encoding == "cp1251" else "Café à l'est"
    path = tmp_path / "claims.csv"
    path.write_bytes(("\n".join([HEADER, GOOD.replace("seed", note)]) + "\n").encode(encoding))
    with pytest.raises(ClaimFormatError, match=f"looks like {looks_like}.*encoding='{looks_like}'"):
        read_claims(path)
    cs = read_claims(path, encoding=looks_like)
    assert len(cs) == 1 and cs[0].note == note


def test_byte_order_marks_are_read(tmp_path):
    text = "\n".join([HEADER, GOOD]) + "\n"
    for enc in ("utf-8-sig", "utf-16", "utf-32"):
        path = tmp_path / f"{enc}.csv"
        path.write_bytes(text.encode(enc))
        assert read_claims(path)[0].claim_id == "S1"


def test_unclosed_quote_costs_only_its_own_row(tmp_path):
    rows = [GOOD.replace("S1", f"S{i}") for i in range(1, 6)]
    rows[1] = rows[1].replace(",ISW,", ',"ISW,')  # a quote opened in the middle of line 3
    cs = read_claims(write(tmp_path, *rows), on_error="collect")
    assert [c.claim_id for c in cs] == ["S1", "S3", "S4", "S5"]
    assert [p.line for p in cs.problems] == [3] and "read again" in cs.problems[0].message
    assert _accounted(cs)


def test_unclosed_quote_in_the_last_field_is_reported_not_swallowed(tmp_path):
    rows = [GOOD.replace("S1", f"S{i}") for i in range(1, 5)]
    rows[1] = rows[1][: -len("seed")] + '"seed'  # the note opens a quote that never closes
    path = write(tmp_path, *rows)
    with pytest.raises(ClaimFormatError, match="line 3.*never closed"):
        read_claims(path)
    cs = read_claims(path, on_error="collect")
    assert [c.claim_id for c in cs] == ["S1", "S3", "S4"] and all("S3" not in c.note for c in cs)
    assert _accounted(cs)


def test_quote_closed_rows_later_is_caught(tmp_path):
    rows = [GOOD.replace("S1", f"S{i}") for i in range(1, 6)]
    rows[1] = rows[1][: -len("seed")] + '"seed'
    rows[3] = rows[3][: -len("seed")] + 'seed"'  # closes it two rows on: the note would hold rows S3 and part of S4
    cs = read_claims(write(tmp_path, *rows), on_error="collect")
    assert "S3" in [c.claim_id for c in cs] and "S5" in [c.claim_id for c in cs]
    assert 3 in [p.line for p in cs.problems]
    assert not any("S3" in c.note for c in cs)


def test_huge_field_is_a_problem_row(tmp_path):
    big = GOOD.replace("seed", "x" * 200_000)
    cs = read_claims(write(tmp_path, big, GOOD.replace("S1", "S2")), on_error="collect")
    assert [c.claim_id for c in cs] == ["S2"]
    assert "limit is 65,536" in cs.problems[0].message


@pytest.mark.parametrize("value, expected", [("1300", 1300.0), ("1,300", 1300.0), ("1 300", 1300.0),
                                             ("1\u00a0300", 1300.0), ("1.5", 1.5), ("12,500.5", 12500.5)])
def test_numbers_in_english_notation(tmp_path, value, expected):
    row = f'A1,2024-08-15,Zelensky,UA,UA,area,,,Kursk Oblast,,,"{value}",held,claimed,,'
    assert read_claims(write(tmp_path, row))[0].area_km2 == expected


@pytest.mark.parametrize("value", ["1,5", "2,75", "1,3000", "1.300,5", "12km", "1e400"])
def test_numbers_in_another_locale_are_errors_not_other_numbers(tmp_path, value):
    row = f'A1,2024-08-15,Zelensky,UA,UA,area,,,Kursk Oblast,,,"{value}",held,claimed,,'
    with pytest.raises(ClaimFormatError, match="area_km2") as e:
        read_claims(write(tmp_path, row))
    if value in ("1,5", "2,75"):
        assert "decimal comma" in str(e.value)


def test_duplicated_header_is_an_error(tmp_path):
    with pytest.raises(ClaimFormatError, match="duplicated column.*place"):
        read_claims(write(tmp_path, GOOD + ",Sudzha", header=HEADER + ",place"))


@pytest.mark.parametrize("text, fragment", [
    ("[" * 5000 + "]" * 5000, "nested 5000 levels"),
    ('[{"claim_id": ' + "9" * 5000 + "}]", "5000 digits"),
    ('{"claims": 3}', "expected a list"),
    ("{nope", "not valid JSON"),
])
def test_json_that_is_not_a_claims_file(tmp_path, text, fragment):
    path = tmp_path / "c.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ClaimFormatError, match=fragment):
        read_claims(path)


def test_json_nan_and_objects_are_problems_not_blanks(tmp_path):
    good = dict(claim_id="J1", date="2024-08-15", claimant="Zelensky", claimant_side="UA", side="UA",
                action="area", region="Kursk Oblast", area_km2=1150, area_basis="held", status="claimed")
    items = [good, {**good, "claim_id": "J2", "area_km2": float("nan")}, {**good, "claim_id": "J3", "note": {"a": 1}},
             "not an object", {**good, "claim_id": "J5", "area_km2": float("inf")}]
    path = tmp_path / "c.json"
    path.write_text(json.dumps(items), encoding="utf-8")  # json.dumps writes NaN / Infinity
    cs = read_claims(path, on_error="collect")
    assert [c.claim_id for c in cs] == ["J1"]
    msgs = {p.line: p.message for p in cs.problems}
    assert "JSON NaN" in msgs[2] and "got an object" in msgs[3] and "expected an object" in msgs[4]
    assert "JSON Infinity" in msgs[5]
    assert _accounted(cs)


def test_geojson_bad_features_are_problems_and_the_good_ones_read(tmp_path):
    props = dict(claim_id="G1", date="2024-08-15", claimant="ISW", claimant_side="neutral", side="UA",
                 action="capture", status="assessed", place="Sudzha", region="Kursk Oblast")
    square = {"type": "Polygon", "coordinates": [[[35.2, 51.2], [35.3, 51.2], [35.3, 51.3], [35.2, 51.2]]]}
    feats = [
        "a string",
        {"type": "Feature", "properties": [1, 2], "geometry": None},
        {"type": "Feature", "properties": {**props, "claim_id": "G3"}, "geometry": {"type": "Polygon", "coordinates": []}},
        {"type": "Feature", "properties": {**props, "claim_id": "G4"},
         "geometry": {"type": "Polygon", "coordinates": [[[1e300, 51], [35.3, 51.2], [35.3, 51.3], [1e300, 51]]]}},
        {"type": "Feature", "properties": {**props, "claim_id": "G5"}, "geometry": {"type": "LineString",
                                                                                   "coordinates": [[35, 51], [36, 52]]}},
        {"type": "Feature", "properties": {**props, "claim_id": "G6"}, "geometry": square},
        {"type": "Feature", "properties": {**props, "claim_id": "G7"}, "geometry": None},
        {"type": "Feature", "properties": {**props, "claim_id": "G8"}, "geometry": 17},
    ]
    path = tmp_path / "c.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": feats}), encoding="utf-8")
    cs = read_claims(path, on_error="collect")
    assert [c.claim_id for c in cs] == ["G6", "G7"]
    msgs = {p.line: p.message for p in cs.problems}
    assert set(msgs) == {1, 2, 3, 4, 5, 8}
    assert "not a GeoJSON Feature" in msgs[1] and "properties is a list" in msgs[2]
    assert "empty" in msgs[3] and "out of range" in msgs[4] and "LineString" in msgs[5] and "a number" in msgs[8]
    assert _accounted(cs)


@pytest.mark.parametrize("date", ["0001-01-01", "9999-12-31", "1899-12-31", "2101-01"])
def test_dates_outside_1900_2100_are_problems(tmp_path, date):
    with pytest.raises(ClaimFormatError, match="expected a date from 1900-01-01 to 2100-12-31"):
        read_claims(write(tmp_path, GOOD.replace("2025-01-06", date)))


def test_files_that_cannot_be_read(tmp_path, monkeypatch):
    from geoclaims import GeoclaimsError
    from geoclaims.errors import InputFileError

    with pytest.raises(FileNotFoundError, match="claims file not found"):
        read_claims(tmp_path / "nope.csv")
    (tmp_path / "dir.csv").mkdir()
    with pytest.raises(InputFileError, match="is a folder"):
        read_claims(tmp_path / "dir.csv")
    path = write(tmp_path, GOOD, name="claims.txt")
    with pytest.raises(ClaimFormatError, match="unknown claims format 'txt'; valid: .csv, .json, .geojson"):
        read_claims(path)
    assert len(read_claims(path, format="csv")) == 1
    with pytest.raises(GeoclaimsError, match="format='xls' is not valid"):
        read_claims(path, format="xls")
    import pathlib

    def denied(self):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(pathlib.Path, "read_bytes", denied)
    with pytest.raises(InputFileError, match="permission denied"):
        read_claims(write(tmp_path, GOOD))


@pytest.mark.parametrize("name", ["asdf", "Novogrudokkaya", "Robotinne", "Place {#"])
def test_guessed_places_are_problems_unless_accepted(tmp_path, name):
    path = write(tmp_path, GOOD.replace("Berdin", name).replace("Kursk Oblast", ""))
    with pytest.raises(ClaimFormatError, match="nearest spellings.*accept_fuzzy"):
        read_claims(path)
    with pytest.warns(UserWarning, match="a guess"):
        cs = read_claims(path, accept_fuzzy=True, on_error="collect")
    assert all(c.place_uncertain for c in cs)


# -- places far from where they should be are problems, not silent successes -----------------

def test_coordinates_outside_the_rows_region_are_a_problem(tmp_path):
    header = HEADER + ",lat,lon"
    swapped = GOOD.replace("Berdin", "Zelenyi Khutir qq") + ",35.44,51.29"  # lat and lon swapped
    path = write(tmp_path, swapped, header=header)
    with pytest.raises(ClaimFormatError, match="lies outside Kursk Oblast.*lat first"):
        read_claims(path)
    right = GOOD.replace("Berdin", "Zelenyi Khutir qq") + ",51.29,35.44"
    assert read_claims(write(tmp_path, right, header=header))[0].place.lat == 51.29


def test_a_place_far_from_the_rest_of_the_file_is_a_problem(tmp_path):
    rows = [GOOD.replace("Berdin", n) for n in ("Sudzha", "Berdin", "Malaya Loknya", "Korenevo")]
    far = GOOD.replace("Berdin", "Novogrudok").replace("Kursk Oblast", "")
    cs = read_claims(write(tmp_path, *rows, far), on_error="collect")
    assert len(cs) == 4 and len(cs.problems) == 1
    assert "from every other place of this file (nearest: " in cs.problems[0].message
    vouched = GOOD.replace("Berdin", "Novogrudok").replace("Kursk Oblast", "Grodno Region")
    assert len(read_claims(write(tmp_path, *rows, vouched))) == 5  # its region says it is meant


def test_a_region_given_once_vouches_for_every_row_of_that_place(tmp_path):
    # a file about several fronts: Krynky (Kherson) is far from the Kursk villages; one row says which
    # Krynky, and the rows that name it with no region mean the same place
    rows = [GOOD.replace("Berdin", n) for n in ("Sudzha", "Berdin", "Malaya Loknya", "Korenevo")]
    bare = GOOD.replace("Berdin", "Krynky").replace("Kursk Oblast", "")
    said = GOOD.replace("Berdin", "Krynky").replace("Kursk Oblast", "Kherson Oblast")
    cs = read_claims(write(tmp_path, *rows, bare, bare), on_error="collect")
    assert len(cs) == 4 and len(cs.problems) == 2  # nothing says which Krynky: both rows are problems
    with pytest.warns(FarPlaceWarning, match="Krynky"):
        cs = read_claims(write(tmp_path, *rows, bare, said, bare), on_error="collect")
    assert not cs.problems and [c.place.admin1 for c in cs][4:] == ["Kherson Oblast"] * 3
    # a region names its own place only: Novogrudok vouched for in Grodno Region vouches for no other name
    other = GOOD.replace("Berdin", "Novogrudok").replace("Kursk Oblast", "Grodno Region")
    cs = read_claims(write(tmp_path, *rows, bare, other), on_error="collect")
    assert [p.value for p in cs.problems] == ["Krynky"]


def test_held_out_front_kharkiv_2024():
    """A claims file about another front, in the reports' own spellings (tests/data/README.md)."""
    import warnings

    from geoclaims.places.gazetteer import haversine_km

    from tests.conftest import DATA

    truth = {r["spelling"]: r for r in pd.read_csv(DATA / "kharkiv-places.csv", dtype=str).fillna("").to_dict("records")}
    rows = pd.read_csv(DATA / "kharkiv-2024-claims.csv", dtype=str).fillna("")
    named = int((rows["place"] != "").sum())

    def check(cs):
        located = [c for c in cs if c.place_name and c.place is not None and c.place.is_located]
        wrong = [(c.place_name, c.place.label) for c in located if truth[c.place_name]["lat"] and haversine_km(
            c.place.latlon, (float(truth[c.place_name]["lat"]), float(truth[c.place_name]["lon"]))) > 5]
        return located, wrong

    certain = read_claims(DATA / "kharkiv-2024-claims.csv", on_error="collect")
    located, wrong = check(certain)
    assert not wrong and len(located) >= 0.7 * named  # 102 of 142 now; no located place is wrong
    assert all(p.column == "place" and ("nearest spellings" in p.message or "did you mean" in p.message)
               for p in certain.problems)  # every unresolved name is a problem that says what is near
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        guessed = read_claims(DATA / "kharkiv-2024-claims.csv", on_error="collect", accept_fuzzy=True)
    located, wrong = check(guessed)
    assert len(located) >= 0.9 * named  # 130 of 142 with guesses accepted
    flagged = {c.place_name for c in guessed if c.place_uncertain}
    assert {name for name, _ in wrong} <= flagged  # the wrong guesses (Borivska, Lukyanov: reporters' slips) are flagged


def test_a_name_on_two_fronts_of_one_file_is_settled_by_its_statement_and_its_weeks(tmp_path):
    # two Kostiantynivkas in Donetsk Oblast: a village by Vuhledar and Marinka, the town by Druzhkivka;
    # the file follows both fronts, so the file as a whole cannot tell them apart
    rows = [
        "A1,2023-02-10,Russian MoD,RU,RU,advance,Vuhledar,,Donetsk Oblast,,,,,claimed,https://example.org/a,",
        "A1,2023-02-10,Russian MoD,RU,RU,advance,Kostiantynivka,,Donetsk Oblast,,,,,claimed,https://example.org/a,",
        "B1,2025-06-01,ISW,neutral,RU,advance,Druzhkivka,,Donetsk Oblast,,,,,assessed,https://example.org/b,",
        "B2,2025-06-12,ISW,neutral,RU,advance,Kostiantynivka,,Donetsk Oblast,,,,,assessed,https://example.org/c,",
        "C1,2024-01-15,ISW,neutral,RU,advance,Marinka,,Donetsk Oblast,,,,,assessed,https://example.org/d,",
    ]
    cs = read_claims(write(tmp_path, *rows))
    by_id = {c.claim_id: c.place.id for c in cs if c.place_name == "Kostiantynivka"}
    assert by_id == {"A1": "postal:ua:85653:kostiantynivka",  # named with Vuhledar in one statement
                     "B2": "geonames:705104"}                   # eleven days after Druzhkivka
    # with neither a statement nor weeks around it, the file's places are all there is: no guess
    lone = read_claims(write(tmp_path, rows[0], rows[3].replace("2025-06-12", "2024-06-12"), rows[2],
                             name="lone.csv"), on_error="collect")
    assert any("ambiguous" in p.message for p in lone.problems)


def test_an_ambiguous_name_is_settled_among_all_its_readings_when_its_best_ones_lie_far(tmp_path):
    # "Pavlovka" answers first with the Russian Pavlovkas; Pavlivka by Vuhledar, whose Russian name it is,
    # ranks below them: named with no region beside Vuhledar and Marinka, it is the one meant
    rows = [
        "A1,2023-02-10,Russian MoD,RU,UA,repelled,Pavlovka,,,near,,,,claimed,https://example.org/a,",
        "A1,2023-02-10,Russian MoD,RU,UA,repelled,Vuhledar,,,near,,,,claimed,https://example.org/a,",
        "C1,2023-03-15,ISW,neutral,RU,advance,Marinka,,Donetsk Oblast,,,,,assessed,https://example.org/d,",
    ]
    cs = read_claims(write(tmp_path, *rows))
    assert cs[0].place.label == "Pavlivka (Marinskyi, Donetsk Oblast, UA)"
    # a reading is taken only when the statement (or its weeks) and the file do not point to different ones:
    # in the development file fronts9, a Sumy "Alekseyevka" is named beside a "Konstantinovka" read as the
    # Donetsk town, whose weeks point to an Oleksiivka of Donetsk Oblast while the file's nearest places
    # say Sumy: it stays ambiguous; "Andreyevka" of the same statement is Andriivka by Kindrativka
    from tests.conftest import DATA

    cs = read_claims(DATA / "fronts9-2022-2025-claims.csv", on_error="collect")
    by_id = {c.claim_id: c.place.label for c in cs if c.place is not None}
    assert by_id["X9-011-3"] == "Andriivka (Sumskyi, Sumy Oblast, UA)" and "X9-011-4" not in by_id
    assert any(p.value == "Alekseyevka" and "ambiguous" in p.message for p in cs.problems)


def test_a_far_first_reading_gives_way_to_a_reading_among_the_files_places(tmp_path):
    """"Demidov" is a town of Smolensk Oblast by its own name and Demydiv by Kyiv by its Russian one (a cognate,
    a weaker match the lookup ranks below the town): in a file about the Kyiv front, the row means the village,
    and says so. (The bundled gazetteer now locates Demydiv well enough to settle the name by proximity; a
    gazetteer of its own makes the first reading far and certain, as it was.)"""
    import warnings

    from geoclaims import Gazetteer
    from geoclaims.places.place import Place

    def village(pid, name, uk, lat, lon, admin1="Kyiv Oblast", country="UA"):
        return Place(id=pid, name=name, aliases=(uk,), lat=lat, lon=lon, uncertainty_km=0.5, country=country,
                     admin1=admin1, sources=("test",))

    gaz = Gazetteer([village("t:bucha", "Bucha", "Буча", 50.55, 30.21), village("t:irpin", "Irpin", "Ірпінь", 50.52, 30.25),
                     village("t:hostomel", "Hostomel", "Гостомель", 50.57, 30.26),
                     village("t:dymer", "Dymer", "Димер", 50.78, 30.30),
                     village("t:demydiv", "Demydiv", "Демидів", 50.73, 30.33),
                     village("t:demidov", "Demidov", "Демидов", 55.27, 31.51, "Smolensk Oblast", "RU")])
    assert gaz.resolve("Demidov").best.place.id == "t:demidov" and not gaz.resolve("Demidov").ambiguous
    rows = [GOOD.replace("Berdin", n).replace("Kursk Oblast", "") for n in ("Bucha", "Irpin", "Hostomel", "Dymer")]
    far = GOOD.replace("Berdin", "Demidov").replace("Kursk Oblast", "")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cs = read_claims(write(tmp_path, *rows, far), on_error="collect", gazetteer=gaz)
    assert not cs.problems, [p.message for p in cs.problems]
    demidov = [c for c in cs if c.place_name == "Demidov"][0]
    assert demidov.place.id == "t:demydiv"
    assert any("Demidov" in str(w.message) and "far from all of them" in str(w.message) for w in caught)
    # with the bundled gazetteer the name is settled among the file's places all the same
    cs = read_claims(write(tmp_path, *rows, far, name="bundled.csv"), on_error="collect")
    assert [c.place.name for c in cs if c.place_name == "Demidov"] == ["Demydiv"]


def test_a_case_form_of_a_former_name_is_a_reading_among_the_files_places(tmp_path):
    """"Дзержинска" is one spelling of Dzerzhinsk (Nizhny Novgorod Oblast) and the genitive of Дзержинск,
    Toretsk's former name: in a file about Donbas the row means Toretsk."""
    import warnings

    rows = [GOOD.replace("Berdin", n).replace("Kursk Oblast", "") for n in ("Horlivka", "Bakhmut", "Kostiantynivka")]
    far = GOOD.replace("Berdin", "Дзержинска").replace("Kursk Oblast", "")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cs = read_claims(write(tmp_path, *rows, far), on_error="collect")
    assert not cs.problems, [p.message for p in cs.problems]
    assert [c.place.name for c in cs if c.place_name == "Дзержинска"] == ["Toretsk"]
    assert any("Дзержинска" in str(w.message) and "far from all of them" in str(w.message) for w in caught)


def test_a_village_far_from_the_other_places_of_its_own_statement_is_a_problem(tmp_path):
    """A report lists neighbouring villages; when the gazetteer lacks the one meant, a namesake elsewhere (in
    range of the file's other fronts, so no file outlier) must not answer for it silently."""
    row = lambda cid, n: GOOD.replace("S1,", f"{cid},").replace("Berdin", n).replace("Kursk Oblast", "")  # noqa: E731
    rows = [row("S1", "Horlivka"), row("S1", "Alchevsk"), row("S1", "Berdin"),
            row("S2", "Sudzha"), row("S2", "Malaya Loknya")]
    cs = read_claims(write(tmp_path, *rows), on_error="collect")
    assert [(p.line, p.column) for p in cs.problems] == [(4, "place")]
    assert "from every other place of its statement 'S1' (Horlivka, Alchevsk)" in cs.problems[0].message
    # the row's region vouches for it: taken as written
    vouched = rows[:2] + [GOOD.replace("S1,", "S1,")] + rows[3:]
    cs = read_claims(write(tmp_path, *vouched, name="vouched.csv"), on_error="collect")
    assert not cs.problems, [p.message for p in cs.problems]


def test_a_place_far_from_all_the_files_others_pulls_no_ambiguous_name_towards_it(tmp_path):
    """A caption's "Berdychiv" (the Zhytomyr town, for Berdychi) in a file about the Avdiivka front: the
    Semenivka by Berdychiv must not win over the Semenivka by Berdychi because of it."""
    row = lambda cid, day, n: GOOD.replace("S1,2025-01-06", f"{cid},2024-04-{day:02d}").replace(  # noqa: E731
        "Berdin", n).replace("Kursk Oblast", "")
    far = row("A3", 28, "Berdychiv").replace(",,,southern", ",,Zhytomyr Oblast,southern")  # certain, and vouched for
    rows = [row("A1", 10, "Berdychi"), row("A2", 12, "Avdiivka"), row("A5", 14, "Novohrodivka"), far,
            row("A4", 2, "Semenivka")]
    cs = read_claims(write(tmp_path, *rows), on_error="collect")
    assert not cs.problems, [p.message for p in cs.problems]
    semenivka = [c.place for c in cs if c.place_name == "Semenivka"]
    assert semenivka and semenivka[0].admin1 == "Donetsk Oblast", semenivka


def test_a_district_in_the_region_column_names_its_oblast(tmp_path):
    """Reports give the district where the file asks for a region: "Дергачевского района", "Изюмщине"."""
    rows = [GOOD.replace("Berdin", "Tsupivka").replace("Kursk Oblast", "Дергачевского района"),
            GOOD.replace("Berdin", "Balakliia").replace("Kursk Oblast", "Изюмщине")]
    cs = read_claims(write(tmp_path, *rows), on_error="collect")
    assert not cs.problems, [p.message for p in cs.problems]
    assert {c.place.admin1 for c in cs} == {"Kharkiv Oblast"}
    bad = GOOD.replace("Kursk Oblast", "Qwxyzsky district")
    cs = read_claims(write(tmp_path, bad), on_error="collect")  # no such district: still a region problem
    assert cs.problems[0].column == "region" and "unknown region" in cs.problems[0].message


def test_a_region_misspelt_by_one_letter_is_read_as_that_region_and_said(tmp_path):
    import warnings

    row = GOOD.replace("Berdin", "Marinovka").replace("Kursk Oblast", "Dosnetsk region")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cs = read_claims(write(tmp_path, row), on_error="collect")
    assert not cs.problems, [p.message for p in cs.problems]
    assert cs[0].place.admin1 == "Donetsk Oblast"
    assert any("line 2" in str(w.message) and "read as Donetsk Oblast (one letter off)" in str(w.message)
               for w in caught)
    # two letters off is not a slip: the row is a region problem, as before
    cs = read_claims(write(tmp_path, GOOD.replace("Kursk Oblast", "Dosnetsks region")), on_error="collect")
    assert cs.problems[0].column == "region" and "unknown region" in cs.problems[0].message


def test_a_region_in_a_language_the_table_lacks_is_read_when_the_place_is_found_in_it(tmp_path):
    """"Sumyn alueella" (Finnish) is no region the table knows; it most resembles Sumy Oblast, where
    Kindrativka is: the row is read, and the warning says how. The region must still agree with the place:
    a Kursk village with a Finnish Sumy region stays a region problem."""
    import warnings

    row = GOOD.replace("Berdin", "Kindrativka").replace("Kursk Oblast", "Sumyn alueella")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cs = read_claims(write(tmp_path, row), on_error="collect")
    assert not cs.problems, [p.message for p in cs.problems]
    assert cs[0].place.admin1 == "Sumy Oblast" and cs[0].place.is_located
    assert any("line 2" in str(w.message) and "read as Sumy Oblast" in str(w.message) for w in caught)
    cs = read_claims(write(tmp_path, GOOD.replace("Kursk Oblast", "Sumyn alueella")), on_error="collect")
    assert len(cs.problems) == 1 and cs.problems[0].column == "region"
    assert "unknown region 'Sumyn alueella'" in cs.problems[0].message


def test_a_town_just_across_the_border_of_the_rows_region_is_taken_and_said(tmp_path):
    """"Huliaipole in the Donetsk region" (the Russian MoD's front, the town is in Zaporizhzhia Oblast 28 km from
    Donetsk Oblast's border): no place of the name in Donetsk Oblast, one town just outside it, taken with a
    warning. A town far from the region, or a village across the border, stays a problem."""
    import warnings

    row = GOOD.replace("Kursk Oblast", "Donetsk region")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cs = read_claims(write(tmp_path, row.replace("Berdin", "Huliaipole")), on_error="collect")
    assert not cs.problems, [p.message for p in cs.problems]
    assert cs[0].place.admin1 == "Zaporizhzhia Oblast" and cs[0].place.population >= 10_000
    assert any("line 2" in str(w.message) and "just outside it" in str(w.message) for w in caught)
    # Kupiansk is 23 km from Luhansk Oblast; Pokrovsk 67 km from Zaporizhzhia Oblast is not taken
    assert read_claims(write(tmp_path, GOOD.replace("Berdin", "Kupiansk").replace("Kursk Oblast", "Luhansk region")),
                       on_error="collect")[0].place.admin1 == "Kharkiv Oblast"
    far = read_claims(write(tmp_path, GOOD.replace("Berdin", "Pokrovsk").replace("Kursk Oblast", "Zaporizhzhia region")),
                      on_error="collect")
    assert len(far) == 0 and far.problems[0].column == "place"
    # a village is not taken across the border: Kindrativka of Sumy Oblast lies by the Kursk border
    village = read_claims(write(tmp_path, GOOD.replace("Berdin", "Kindrativka")), on_error="collect")
    assert len(village) == 0 and "in Kursk Oblast" in village.problems[0].message
    # nor a town of another country (Donetsk of Rostov Oblast for "Donetsk, Luhansk Oblast"), nor a city's district
    # that GeoNames counts on its own (Kharkiv's Saltivka, 400,000 people, by the Belgorod border)
    for place, region in (("Donetsk", "Luhansk Oblast"), ("Saltivka", "Belgorod Oblast")):
        cs = read_claims(write(tmp_path, GOOD.replace("Berdin", place).replace("Kursk Oblast", region)),
                         on_error="collect")
        assert len(cs) == 0 and cs.problems[0].column == "place", (place, [c.place.label for c in cs])
    # and a guess inside the region stays a guess: it is never replaced by a sure town across the border
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        cs = read_claims(write(tmp_path, GOOD.replace("Berdin", "Oleksiyivka").replace("Kursk Oblast", "Belgorod Oblast")),
                         on_error="collect", accept_fuzzy=True)
    assert all(c.place_uncertain and c.place.admin1 == "Belgorod Oblast" for c in cs)


def test_a_town_taken_across_the_border_is_not_vouched_for_by_the_region(tmp_path):
    # the slipped region says nothing sure about the town: far from the rest of the file, it is a problem
    rows = [GOOD.replace("Berdin", n) for n in ("Sudzha", "Berdin", "Malaya Loknya", "Korenevo")]
    slipped = GOOD.replace("Berdin", "Huliaipole").replace("Kursk Oblast", "Donetsk region")
    cs = read_claims(write(tmp_path, *rows, slipped), on_error="collect")
    assert len(cs) == 4 and [p.value for p in cs.problems] == ["Huliaipole"]


def test_the_ambiguous_places_of_one_statement_settle_each_other(tmp_path):
    """"Sloboda and Lukashivka" (Chernihiv Oblast, 31 March 2022): each name has a namesake in another district
    of the oblast and the statement has no certain place, but only the two villages by Chernihiv lie together.
    The same names in two statements stay ambiguous."""
    row = GOOD.replace("Kursk Oblast", "Chernihiv Oblast").replace("S1,2025-01-06", "S1,2022-03-31")
    rows = [row.replace("Berdin", "Слобода"), row.replace("Berdin", "Лукашівка")]
    # the file's other places, months later and 130 km off, settle neither name
    others = [GOOD.replace("S1,2025-01-06", f"K{i},2022-06-01").replace("Berdin", town).replace("Kursk Oblast", "")
              .replace("https://example.org/a", f"https://example.org/k{i}") for i, town in enumerate(["Irpin", "Bucha"])]
    cs = read_claims(write(tmp_path, *rows, *others), on_error="collect")
    assert not cs.problems, [p.message for p in cs.problems]
    assert {c.place.admin2 for c in cs if c.claim_id == "S1"} == {"Chernihivskyi"}
    apart = [rows[0], rows[1].replace("S1,", "S2,").replace("https://example.org/a", "https://example.org/b"), *others]
    cs = read_claims(write(tmp_path, *apart, name="apart.csv"), on_error="collect")
    assert [p.column for p in cs.problems] == ["place", "place"] and all("ambiguous" in p.message for p in cs.problems)


def test_a_town_is_offered_for_a_name_it_shares_with_villages_only_as_a_guess(tmp_path):
    """Horodnia is a district town of 11,000 and a village of another district: with nothing in the file
    to settle it, the row stays a problem that names the town; accept_fuzzy takes the town, flagged."""
    import warnings

    row = GOOD.replace("Berdin", "Horodnia").replace("Kursk Oblast", "Chernihiv Oblast")
    cs = read_claims(write(tmp_path, row), on_error="collect")
    assert len(cs.problems) == 1 and "the likeliest is the town, Horodnia (Horodnianskyi" in cs.problems[0].message
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        cs = read_claims(write(tmp_path, row), on_error="collect", accept_fuzzy=True)
    (claim,) = list(cs)
    assert claim.place.admin2 == "Horodnianskyi" and claim.place_uncertain
    assert any("a guess: the one town" in str(w.message) for w in caught)
