"""render_daily and `geoclaims render`: a page per day, an index with a slider, safe names, atomic re-renders."""

from __future__ import annotations

import json
import re

import pytest

from geoclaims import Timeline, read_claims, render_daily
from geoclaims.cli import main
from tests.conftest import KURSK_CLAIMS, XSS_PAYLOADS

WEEK = dict(start="2025-01-01", end="2025-01-10")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, request):
    tl = Timeline.from_claims(read_claims(KURSK_CLAIMS))
    out = tmp_path_factory.mktemp("render")
    return tl, render_daily(tl, out, progress=False, **WEEK)


def _slider_data(index_html: str) -> dict:
    m = re.search(r'<script type="application/json" id="gc-slider-data">(.*?)</script>', index_html, re.S)
    return json.loads(m.group(1))


def test_a_page_per_claim_day_named_by_date(rendered):
    tl, res = rendered
    expected = [d for d in tl.dates if WEEK["start"] <= str(d) <= WEEK["end"]]
    assert list(res.days) == expected
    assert [p.name for p in res.pages] == [f"{d}.html" for d in expected]
    names = sorted(p.name for p in res.out_dir.iterdir())
    assert names == sorted(["index.html", *(f"{d}.html" for d in expected)])  # no temp files left


def test_day_pages_link_prev_next_and_list_claims_and_areas(rendered):
    tl, res = rendered
    days = [str(d) for d in res.days]
    i = days.index("2025-01-06")
    page = res.pages[i].read_text(encoding="utf-8")
    assert f'rel="prev" href="{days[i - 1]}.html"' in page and f'rel="next" href="{days[i + 1]}.html"' in page
    assert 'href="index.html"' in page
    assert "west of Malaya Loknya" in page and "SEED2" in page  # the change and the claim behind it
    claims_table = page[page.index('class="gc-claims"'):]
    for c in tl.claims:
        if days[i - 1] < str(c.date) <= days[i]:
            assert f"<td>{c.claim_id}</td>" in claims_table
    ua_total = tl.state("2025-01-06").query("side == 'UA' and status != 'contested'").area_km2.sum()
    assert f"{ua_total:,.1f}" in page
    first = res.pages[0].read_text(encoding="utf-8")
    assert "first day" in first and 'rel="prev"' not in first


def test_index_has_slider_data_for_exactly_one_day_each_chart_and_table(rendered):
    tl, res = rendered
    page = res.index.read_text(encoding="utf-8")
    data = _slider_data(page)
    assert [d["d"] for d in data["days"]] == [str(d) for d in res.days]
    for day in data["days"]:
        refs = [f[0] for f in day["f"]]
        assert all(0 <= r < len(data["geoms"]) for r in refs)
        state = tl.state(day["d"])
        n_state = sum(1 for g in state.geometry if not g.is_empty)
        assert sum(1 for f in day["f"] if data["styles"][f[1]]["className"].startswith("gc-poly gc-state")) == n_state
    kinds = {data["geoms"][f[0]]["type"] for day in data["days"] for f in day["f"]}
    assert "MultiPolygon" in kinds                      # multi-part polygons kept whole
    assert "<svg" in page and "km²" in page             # the chart
    for d in res.days:
        assert f'<a href="{d}.html">{d}</a>' in page
    assert 'type="range"' in page


def test_pages_are_within_budget_and_offline(rendered):
    _, res = rendered
    for p in (*res.pages, res.index):
        text = p.read_text(encoding="utf-8")
        assert not re.search(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//', text), p.name
    assert max(p.stat().st_size for p in res.pages) <= 500_000


def test_rerender_replaces_pages_and_removes_stale_ones(tmp_path, kursk):
    first = render_daily(kursk, tmp_path, start="2025-01-05", end="2025-01-07", progress=False)
    keep = tmp_path / "notes.txt"
    keep.write_text("mine")
    second = render_daily(kursk, tmp_path, start="2025-01-06", end="2025-01-07", progress=False)
    assert [p.name for p in second.removed] == ["2025-01-05.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["2025-01-06.html", "2025-01-07.html", "index.html",
                                                         "notes.txt"]
    assert first.index == second.index and keep.read_text() == "mine"


def test_days_all_and_custom_lists(tmp_path, kursk):
    res = render_daily(kursk, tmp_path, days="all", start="2025-01-05", end="2025-01-09", progress=False)
    assert [str(d) for d in res.days] == [f"2025-01-0{i}" for i in range(5, 10)]
    res = render_daily(kursk, tmp_path / "b", days=["2025-01-07", "2024-12-31"], progress=False)
    assert [str(d) for d in res.days] == ["2024-12-31", "2025-01-07"]


def test_bad_arguments_are_clear(tmp_path, kursk):
    with pytest.raises(ValueError, match="days='weekly' is not valid; valid: claims, all"):
        render_daily(kursk, tmp_path, days="weekly")
    with pytest.raises(ValueError, match="nothing to render"):
        render_daily(kursk, tmp_path, start="2030-01-01")
    with pytest.raises(ValueError, match="assets='embed' is not valid"):
        render_daily(kursk, tmp_path, assets="embed", start="2025-01-07", end="2025-01-07")


def test_assets_folder_writes_leaflet_once(tmp_path, kursk):
    res = render_daily(kursk, tmp_path, assets="folder", start="2025-01-06", end="2025-01-07", progress=False)
    assert sorted(p.name for p in (tmp_path / "assets").iterdir()) == ["leaflet.css", "leaflet.js"]
    page = res.pages[0].read_text(encoding="utf-8")
    assert '<script src="assets/leaflet.js">' in page
    assert res.pages[0].stat().st_size < 250_000


def test_xss_payloads_are_escaped_in_every_page(tmp_path, xss_claims_csv):
    tl = Timeline.from_claims(read_claims(xss_claims_csv))
    res = render_daily(tl, tmp_path, title="<script>alert('title')</script>", progress=False)
    for p in (*res.pages, res.index):
        text = p.read_text(encoding="utf-8")
        for payload in (*XSS_PAYLOADS, "<script>alert('title')</script>"):
            if payload.startswith("`"):  # harmless as HTML text; must not reach a script raw
                scripts = "".join(re.findall(r"<script>(.*?)</script>", text, re.S))
                assert payload not in scripts, p.name
            else:
                assert payload not in text, (p.name, payload)
        assert "<img src=x" not in text and "<svg onload" not in text
        assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", text, re.I)


def test_cli_render(tmp_path, capsys):
    code = main(["render", str(KURSK_CLAIMS), "--out", str(tmp_path), "--from", "2025-01-06", "--to", "2025-01-07",
                 "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 0
    assert out.strip() == str((tmp_path / "index.html").resolve())
    assert "wrote 2 day pages (2025-01-06 .. 2025-01-07)" in err
    assert (tmp_path / "2025-01-06.html").exists()


def test_cli_render_usage_errors(tmp_path, capsys):
    assert main(["render", str(KURSK_CLAIMS), "--out", str(tmp_path), "--from", "2031-01-01", "--no-progress"]) == 2
    assert "nothing to render" in capsys.readouterr().err
    assert main(["render", str(KURSK_CLAIMS), "--out", str(tmp_path), "--tiles", "Nope.Tiles", "--no-progress",
                 "--from", "2025-01-07", "--to", "2025-01-07"]) == 2
    assert "not an xyzservices provider" in capsys.readouterr().err


def test_progress_bar_on_request(tmp_path, kursk, capsys):
    render_daily(kursk, tmp_path, start="2025-01-06", end="2025-01-07", progress=True)
    err = capsys.readouterr().err
    assert "rendering days" in err and "2/2" in err
    render_daily(kursk, tmp_path, start="2025-01-06", end="2025-01-07", progress=False)
    assert capsys.readouterr().err == ""


def test_template_syntax_in_claims_is_shown_literally_never_evaluated(tmp_path, template_claims_csv):
    """Claim text that reaches folium/branca elements is never compiled as a Jinja template (issue 11)."""
    import html as html_mod

    path, pwned, payloads = template_claims_csv
    tl = Timeline.from_claims(read_claims(path))
    title = "Title {{ 1234*5678 }}"
    res = render_daily(tl, tmp_path / "site", title=title, progress=False)
    pages = {p.name: p.read_text(encoding="utf-8") for p in (*res.pages, res.index)}
    pages["explore"] = tl.explore().get_root().render()
    pages["repr"] = tl._repr_html_()
    for name, text in pages.items():
        assert "7006652" not in text, name
        assert "LOOPLOOP" not in text, name
    assert not pwned.exists(), "a template expression ran Python while rendering"
    day = html_mod.unescape(pages[res.pages[0].name])
    for p in payloads:  # each payload appears literally on the day page (tables)
        assert f"note {p}" in day, p
    # and in the map's popups, as JSON strings that decode to the literal payload
    popups = [html_mod.unescape(json.loads(m)) for m in
              re.findall(r'bindPopup\(("(?:[^"\\]|\\.)*")', pages["explore"])]
    for p in payloads:
        assert any(f"note {p}" in text for text in popups), p
