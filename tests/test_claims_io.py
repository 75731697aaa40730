"""Reading, validating and writing claims files."""

import json

import pandas as pd
import pytest

from geoclaims import ClaimFormatError, Gazetteer, Place, read_claims, write_claims
from geoclaims.claims_io import COLUMNS


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
    assert "Nikolayevo-Darino (3 claims)" in summary
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
    unlocated = "S2,2024-09-16,Russian MoD,RU,RU,capture,Nikolayevo-Darino,,Kursk Oblast,,,,,claimed,,,,"
    cs = read_claims(write(tmp_path, row, unlocated, header=header))
    assert cs[0].place.latlon == (51.30, 35.10) and cs[0].is_located
    assert cs[1].place is not None and not cs[1].is_located
    assert cs.unmapped_summary() == "1 of 2 claims not mapped: no coordinates for Nikolayevo-Darino"


def test_geonames_dump_maps_unlocated_places(tmp_path):
    """Loading a gazetteer that locates a village maps the claims about it."""
    base = Gazetteer.default()
    known = base.get("theatre:nikolayevo-darino")
    located = Place(id="user:nd", name=known.name, lat=51.21, lon=35.05, uncertainty_km=0.5, country="RU",
                    admin1="Kursk Oblast")
    gaz = base.merge([located])
    row = "S1,2024-09-19,Apti Alaudinov,RU,RU,capture,Nikolayevo-Darino,,Kursk Oblast,,,,,claimed,,"
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
