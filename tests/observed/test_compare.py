"""compare(): claims against observed maps, per claim, per claimant, and for area figures."""

from __future__ import annotations

import datetime as dt

import pytest

from geoclaims import Timeline, compare, read_claims, read_snapshots
from geoclaims.cli import main
from tests.conftest import KURSK_CLAIMS
from tests.observed.test_snapshots import SALIENT, fc, feat, km2, poly, write

# Berdin (~35.44E 51.29N) and Sudzha (35.27E 51.19N): UA holds a box around Sudzha, RU keeps Berdin.
UA_BOX = (35.15, 51.10, 35.40, 51.27)


@pytest.fixture
def observed(tmp_path):
    for day in ("2025-01-06", "2025-01-20"):
        write(tmp_path, f"{day}.geojson", fc(feat(poly(UA_BOX), side="UA", status="held")))
    write(tmp_path, "2025-01-08.geojson", fc(feat(poly(UA_BOX), side="UA", status="held"),
                                             feat(poly((35.40, 51.25, 35.50, 51.33)), side="UA", status="contested")))
    return read_snapshots(tmp_path)


def _verdicts(result):
    return {(r.claim_id, r.where): r.verdict for r in result.claims.itertuples()}


def test_confirmed_contradicted_and_not_observable(observed, make_claim):
    claims = [
        make_claim("A", "2025-01-06", "UA", "capture", "Sudzha"),                         # UA holds it: confirmed
        make_claim("B", "2025-01-06", "RU", "capture", "Sudzha", claimant="Russian MoD",
                   claimant_side="RU", status="claimed"),                                 # contradicted
        make_claim("C", "2025-01-17", "UA", "advance", "Berdin", qualifier="southern"),   # RU's on the 20th
        make_claim("D", "2025-01-07", "UA", "contest", "Berdin"),                         # grey on the 8th: confirmed
        make_claim("E", "2025-01-10", "UA", "capture", "Sudzha"),                         # no map 10-13 Jan
        make_claim("F", "2025-01-22", "UA", "repelled", "Berdin", claimant="Russian MoD", claimant_side="RU",
                   status="claimed"),                                 # RU kept Berdin (map of the 20th): confirmed
        make_claim("H", "2025-01-06", "UA", "advance", "Berdin", qualifier="southern"),   # grey on the 8th
        make_claim("G", "2025-01-06", "RU", "withdraw", "Sudzha", claimant="Russian MoD", claimant_side="RU",
                   status="claimed"),                                                     # UA holds it: confirmed
    ]
    tl = Timeline.from_claims(claims)
    result = compare(tl, observed, window_days=3)
    v = {r.claim_id: r.verdict for r in result.claims.itertuples()}
    assert v == {"A": "confirmed", "B": "contradicted", "C": "contradicted", "D": "confirmed",
                 "E": "not observable", "F": "confirmed", "G": "confirmed", "H": "not observable"}
    rows = result.claims.set_index("claim_id")
    assert rows.loc["A", "observed_date"] == dt.date(2025, 1, 8)        # latest map within 3 days after
    assert rows.loc["A", "side_share"] == pytest.approx(1.0, abs=0.01)
    assert "no snapshot from 2025-01-10 to 3 days after" in rows.loc["E", "reason"]
    assert rows.loc["H", "reason"].startswith("mixed or grey zone") and rows.loc["F", "observed_date"] == dt.date(2025, 1, 20)
    by = result.by_claimant.set_index("claimant")
    assert by.loc["ISW", "confirmed"] == 2 and by.loc["ISW", "contradicted"] == 1 and by.loc["ISW", "claims"] == 5
    assert by.loc["ISW", "confirmation_rate"] == pytest.approx(2 / 3)
    assert by.loc["Russian MoD", "claims"] == 3 and by.loc["Russian MoD", "confirmation_rate"] == pytest.approx(2 / 3)
    assert result.summary() == "8 claims: 4 confirmed, 2 contradicted, 2 not observable"


def test_outside_the_map_and_unmapped_are_not_observable(tmp_path, kursk_claims):
    write(tmp_path, "2024-08-20.geojson", fc(feat(poly(SALIENT), side="UA", status="held")))
    obs = read_snapshots(tmp_path, region=(35.0, 51.0, 35.5, 51.4))
    result = compare(kursk_claims, obs)
    reasons = result.claims.set_index("claim_id").reason
    assert any(r.startswith("no coordinates for") for r in reasons)
    assert any(r.startswith("outside the observed area (bbox") for r in reasons)
    assert set(result.claims.verdict) <= {"confirmed", "contradicted", "not observable"}


def test_area_claims_beside_observed_areas(tmp_path):
    write(tmp_path, "2024-08-19.geojson", fc(feat(poly(SALIENT), side="UA", status="held"),
                                             feat(poly((35.35, 51.15, 35.40, 51.25)), side="UA", status="contested")))
    obs = read_snapshots(tmp_path)
    result = compare(read_claims(KURSK_CLAIMS), obs)
    row = result.areas.set_index("claim_id").loc["K016"]                  # Zelensky, 1,250 km², 19 Aug
    assert row.observed_date == dt.date(2024, 8, 19)
    assert row.observed_km2 == pytest.approx(km2(SALIENT), rel=0.01)
    assert row.observed_with_grey_km2 == pytest.approx(km2(SALIENT) + km2((35.35, 51.15, 35.40, 51.25)), rel=0.01)
    assert row.ratio == pytest.approx(1250 / row.observed_km2, rel=0.01)
    assert result.areas.set_index("claim_id").loc["K071"].observed_date is None   # no map near 16 Mar 2025


def test_bad_arguments(observed, kursk_claims):
    with pytest.raises(TypeError, match="read_snapshots"):
        compare(kursk_claims, Timeline.from_claims(kursk_claims))
    with pytest.raises(ValueError, match="threshold"):
        compare(kursk_claims, observed, threshold=0)


def test_cli_observed_and_compare(tmp_path, capsys, observed):
    folder = tmp_path / "maps"
    for day in ("2024-08-19", "2025-01-06"):
        write(folder, f"{day}.geojson", fc(feat(poly(SALIENT), side="UA", status="held"),
                                           feat(poly((35.35, 51.15, 35.40, 51.25)), side="UA", status="contested")))
    write(folder, "broken-2024-08-20.geojson", "{")
    out_csv = tmp_path / "areas.csv"
    assert main(["observed", str(folder), "--region", "Kursk Oblast", "--area-series", str(out_csv), "--changes",
                 "--no-progress"]) == 0
    out, err = capsys.readouterr()
    assert "UA held+grey" in out and f"{km2(SALIENT):,.1f}" in out
    assert "broken-2024-08-20.geojson: not valid JSON" in err
    assert out_csv.read_text().startswith("date,UA_held") and "UA_gained,UA_lost" in out_csv.read_text()
    assert main(["observed", str(folder), "--strict", "--no-progress"]) == 2
    assert "broken-2024-08-20.geojson" in capsys.readouterr().err
    assert main(["compare", str(KURSK_CLAIMS), str(folder), "--no-progress"]) == 0
    out, _ = capsys.readouterr()
    assert "per claimant:" in out and "area claims beside the observed area" in out and "K016" in out
    assert main(["compare", str(KURSK_CLAIMS), str(folder), "--format", "csv", "--no-progress"]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.startswith("claim_id,date,claimant") and header.endswith("reason")
    assert main(["observed", str(tmp_path / "nope"), "--no-progress"]) == 2


def test_observed_render_option(tmp_path, capsys):
    folder = tmp_path / "maps"
    write(folder, "2024-08-19.geojson", fc(feat(poly(SALIENT), side="UA", status="held")))
    assert main(["observed", str(folder), "--render", str(tmp_path / "pages"), "--no-progress"]) == 0
    assert (tmp_path / "pages" / "2024-08-19.html").exists()
