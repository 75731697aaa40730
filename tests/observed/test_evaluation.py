"""agreement() and nowcast() (geoclaims.observed): measures with known answers on synthetic maps, and on the Kursk fixture."""

from __future__ import annotations

import datetime as dt
import json
import math
import warnings
from pathlib import Path

import pytest
import shapely

from geoclaims import Timeline, agreement, nowcast, read_claims, read_snapshots
from geoclaims.observed.evaluation import AGREEMENT_COLUMNS
from geoclaims.observed.nowcasting import NOWCAST_COLUMNS
from geoclaims.observed.measures import interval_error
from geoclaims.control.projection import LocalProjection
from tests.conftest import DATA, KURSK_CLAIMS

# a patch of Russian land north-east of Sudzha, away from the border (so all its edge is front)
CENTRE = (35.45, 51.45)


def square_km(half_km: float, dx_km: float = 0.0):
    """A square of side 2 * half_km around CENTRE (shifted east by dx_km), in EPSG:4326."""
    proj = LocalProjection.around([CENTRE])
    x, y = proj.to_local(shapely.Point(*CENTRE)).coords[0]
    h = half_km * 1000
    return proj.to_wgs84(shapely.box(x - h + dx_km * 1000, y - h, x + h + dx_km * 1000, y + h))


def observed_of(tmp_path, days: dict[str, list[tuple[str, object]]], name="obs") -> Timeline:
    d = tmp_path / name
    d.mkdir()
    for day, feats in days.items():
        fc = {"type": "FeatureCollection", "features": [
            {"type": "Feature", "geometry": json.loads(shapely.to_geojson(g)),
             "properties": {"side": "UA", "status": status}} for status, g in feats]}
        (d / f"{day}.geojson").write_text(json.dumps(fc), encoding="utf-8")
    return read_snapshots(d)


def test_interval_error():
    assert interval_error(1000, 800, 1200) == 0.0
    assert interval_error(1500, 800, 1200) == pytest.approx(0.25)
    assert interval_error(400, 800, 1200) == pytest.approx(-0.5)
    assert interval_error(0, 0, 0) == 0.0 and math.isinf(interval_error(5, 0, 0))


def test_identical_maps_agree_perfectly(tmp_path):
    sq = square_km(5)
    obs = observed_of(tmp_path, {"2024-09-01": [("held", sq)]})
    same = observed_of(tmp_path, {"2024-09-01": [("held", sq)]}, name="same")
    row = agreement(same, obs, ["2024-09-01"]).table.iloc[0]
    assert row.side == "UA" and row.km2 == pytest.approx(100, rel=0.01)
    assert row.area_error == 0 and row.iou == pytest.approx(1) and row.precision == pytest.approx(1)
    assert row.recall == pytest.approx(1) and row.front_mean_km == pytest.approx(0, abs=0.01)


def test_nested_squares_give_known_iou_error_and_front_distance(tmp_path):
    obs = observed_of(tmp_path, {"2024-09-01": [("held", square_km(4))]})        # 64 km²
    ours = observed_of(tmp_path, {"2024-09-01": [("held", square_km(5))]}, name="ours")  # 100 km², 1 km wider
    row = agreement(ours, obs, ["2024-09-01"]).table.iloc[0]
    assert row.observed_km2 == pytest.approx(64, rel=0.01) and row.km2 == pytest.approx(100, rel=0.01)
    assert row.area_error == pytest.approx(100 / 64 - 1, rel=0.02)
    assert row.iou == pytest.approx(0.64, rel=0.02)          # held ⊂ ours: |held| / |ours|
    assert row.precision == pytest.approx(0.64, rel=0.02) and row.recall == pytest.approx(1, rel=0.01)
    assert row.front_mean_km == pytest.approx(1.0, rel=0.06)   # every edge 1 km out; corners a little more
    assert row.front_max_km == pytest.approx(math.sqrt(2), rel=0.03)


def test_the_grey_zone_is_an_interval_not_an_error(tmp_path):
    inner, outer = square_km(4), square_km(6)
    grey = shapely.difference(outer, inner)
    obs = observed_of(tmp_path, {"2024-09-01": [("held", inner), ("contested", grey)]})
    ours = observed_of(tmp_path, {"2024-09-01": [("held", square_km(5))]}, name="ours")
    row = agreement(ours, obs, ["2024-09-01"]).table.iloc[0]
    assert row.observed_km2 == pytest.approx(64, rel=0.01) and row.observed_with_grey_km2 == pytest.approx(144, rel=0.01)
    assert row.area_error == 0        # 100 km² lies in [64, 144]
    assert row.iou == pytest.approx(1, rel=0.01)   # held ⊆ ours ⊆ held + grey
    assert row.front_mean_km < 0.05   # our front runs inside the grey zone


def test_shifted_square_and_the_summary(tmp_path):
    obs = observed_of(tmp_path, {"2024-09-01": [("held", square_km(5))], "2024-10-01": [("held", square_km(5))]})
    ours = observed_of(tmp_path, {"2024-09-01": [("held", square_km(5, dx_km=2))],
                                  "2024-10-01": [("held", square_km(5))]}, name="ours")
    a = agreement(ours, obs, ["2024-09-01", "2024-10-01"])
    first = a.table.iloc[0]
    assert first.iou == pytest.approx(8 / 12, rel=0.02) and first.area_error == 0
    s = a.summary.loc["UA"]
    assert s.dates == 2 and s.mean_iou == pytest.approx((8 / 12 + 1) / 2, rel=0.02) and s.within_tolerance == 1
    assert list(a.table.columns) == list(AGREEMENT_COLUMNS)


def test_agreement_validates_its_arguments(tmp_path, kursk):
    obs = observed_of(tmp_path, {"2024-09-01": [("held", square_km(5))]})
    with pytest.raises(TypeError, match="both must be Timelines"):
        agreement(kursk, "snapshots/")
    with pytest.raises(ValueError, match="observed must be an observed timeline"):
        agreement(kursk, kursk)
    with pytest.raises(ValueError, match="no dates to compare"):
        agreement(kursk, obs, [])


@pytest.fixture(scope="module")
def kursk_observed():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_snapshots(DATA / "deepstate-kursk", preset="deepstate", region="Kursk Oblast")


def test_inferred_map_agrees_with_deepstate_better_than_claimed_cells(kursk_observed, kursk_claims):
    """On the CI fixture (four DeepState maps of the Kursk salient): inference beats drawing cells."""
    cells = agreement(Timeline.from_claims(kursk_claims, method="territory"), kursk_observed).summary.loc["UA"]
    inferred = agreement(Timeline.from_claims(kursk_claims, method="inferred"), kursk_observed).summary.loc["UA"]
    assert inferred.mean_iou > cells.mean_iou + 0.15
    assert inferred.mean_abs_area_error < cells.mean_abs_area_error / 3
    assert inferred.median_front_km < cells.median_front_km / 2


def test_agreement_table_csv_chart_and_html(kursk_observed, kursk, tmp_path):
    a = agreement(kursk, kursk_observed, region="Kursk Oblast")
    assert a.region == "Kursk Oblast" and set(a.table.date) == set(kursk_observed.dates)
    out = a.to_csv(tmp_path / "a.csv")
    assert Path(out).read_text().startswith("date,side,km2,")
    fig = a.plot()
    fig.savefig(tmp_path / "a.png")
    assert (tmp_path / "a.png").stat().st_size > 5000
    assert "mean_iou" in a._repr_html_()


def test_nowcast_starts_from_the_observed_map(kursk_observed, kursk_claims):
    t = nowcast(kursk_claims, kursk_observed, starts=["2024-08-31", "2024-11-30"], horizons=[91, 62],
                method="inferred")
    assert list(t.columns) == list(NOWCAST_COLUMNS) and len(t) == 4
    # on the start day itself the model is the observed map: persistence and model agree on day 0 + k when
    # no claim falls in between; here claims do, and both are measured in the same run
    assert t["persistence_iou"].notna().all() and t["model_iou"].notna().all()
    s = t.attrs["summary"]
    assert set(s.index) == {62, 91} and "model_beats_persistence" in s.columns
    with pytest.raises(ValueError, match="horizons must be positive"):
        nowcast(kursk_claims, kursk_observed, horizons=[0])


def test_observed_baseline_keeps_the_observed_map_until_claims_change_it(kursk_observed, kursk_claims):
    start = dt.date(2024, 11, 30)
    tl = Timeline.from_claims(kursk_claims, baseline=kursk_observed, start=start, method="inferred")
    assert all(c.date > start for c in tl.claims)
    ours = tl.state(start)
    seen = kursk_observed.state(start)
    for status in ("held", "contested"):
        a = ours[(ours.side == "UA") & (ours.status == status)].area_km2.sum()
        b = seen[(seen.side == "UA") & (seen.status == status)].area_km2.sum()
        assert a == pytest.approx(b, rel=0.01), status
    assert set(tl.pieces(start)["tier"]) == {"baseline"}
    with pytest.raises(ValueError, match="give start="):
        Timeline.from_claims(kursk_claims, baseline=kursk_observed)
    with pytest.raises(ValueError, match="is before it"):
        Timeline.from_claims(kursk_claims, baseline=kursk_observed, start="2024-01-01")


def test_cli_evaluate(capsys, tmp_path):
    from geoclaims.cli import main

    code = main(["evaluate", str(KURSK_CLAIMS), str(DATA / "deepstate-kursk"), "--preset", "deepstate", "--region",
                 "Kursk Oblast", "--csv", str(tmp_path / "e.csv"), "--chart", str(tmp_path / "e.svg"),
                 "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "inferred map of 114 claims" in out and "summary:" in out and "2025-03-15  UA" in out
    assert (tmp_path / "e.csv").exists() and (tmp_path / "e.svg").read_text().lstrip().startswith("<?xml")
    code = main(["evaluate", str(KURSK_CLAIMS), str(DATA / "deepstate-kursk"), "--preset", "deepstate", "--chart",
                 str(tmp_path / "e.txt"), "--no-progress"])
    assert code == 2 and "give a .svg, .png or .pdf" in capsys.readouterr().err
