"""render_daily and `geoclaims render`: a page per day, an index with a slider, safe names, atomic re-renders."""

from __future__ import annotations

import json
import re

import pytest

from geoclaims import Timeline, read_claims, render_daily
from geoclaims.cli import main
from geoclaims.web.dayview import display_geometry
from tests.conftest import KURSK_CLAIMS, XSS_PAYLOADS

WEEK = dict(start="2025-01-01", end="2025-01-10")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory, request):
    tl = Timeline.from_claims(read_claims(KURSK_CLAIMS), method="territory")
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
        pieces = tl.pieces(day["d"])
        drawn = [data["styles"][f[1]]["className"] for f in day["f"]
                 if data["styles"][f[1]]["className"].startswith("gc-poly gc-state")]
        # a feature per piece of control, each naming its side, status, claim status and tier
        assert sorted(drawn) == sorted(f"gc-poly gc-state gc-{r.side}-{r.status} gc-cert-{r.claim_status or 'none'} "
                                       f"gc-tier-{r.tier}" for r in pieces.itertuples())
        kinds = sorted(data["geoms"][f[0]]["type"] for f in day["f"]
                       if data["styles"][f[1]]["className"].startswith("gc-poly gc-state"))
        assert kinds == sorted(display_geometry(g).geom_type for g in pieces.geometry)  # multi-part pieces kept whole
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


# -- time axis, area checks, colours by side, how sure, observed maps, PNGs (issue 14) -----------------
def _png_size(path) -> tuple[int, int]:
    import struct

    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", head[16:24])


def test_index_slider_runs_over_calendar_days_with_date_ticks(rendered):
    _, res = rendered
    page = res.index.read_text(encoding="utf-8")
    span = (res.days[-1] - res.days[0]).days
    assert f'id="gc-slider" min="0" max="{span}"' in page
    marks = re.findall(r'<span class="gc-mark" style="left:([\d.]+)%">', page)
    assert [float(x) for x in marks] == pytest.approx([100 * (d - res.days[0]).days / span for d in res.days],
                                                      abs=1e-3)
    first = res.days[0]
    assert f'<span class="gc-tick" style="left:0.0%">{first:%b} {first.day}</span>' in page  # a tick a day
    data = _slider_data(page)
    assert data["start"] == str(res.days[0]) and data["span"] == span


def test_day_pages_put_area_claims_beside_the_mapped_range(rendered):
    tl, res = rendered
    page = res.pages[[str(d) for d in res.days].index("2025-01-05")].read_text(encoding="utf-8")
    table = page[page.index('class="gc-area-checks"'):]
    row = tl.area_check().query("date == @pd_date", local_dict={"pd_date": __import__("datetime").date(2025, 1, 5)})
    (claimed,) = row.claimed_km2
    assert f'<td class="num">{claimed:,.0f}</td>' in table
    assert "⚠ below the mapped range" in table
    index = res.index.read_text(encoding="utf-8")
    assert index.count('<tr class="gc-verdict-') == sum(1 for c in tl.claims if c.action == "area"
                                                         and res.days[0] <= c.date <= res.days[-1])


def test_changes_are_coloured_by_side_with_the_sign_as_an_arrow(rendered):
    _, res = rendered
    page = res.index.read_text(encoding="utf-8")
    assert "gc-up" not in page and "gc-down" not in page
    ua_cells = re.findall(r'<td class="num gc-side-UA">([^<]+)</td>', page)
    assert any(c.startswith("▲ +") for c in ua_cells) and any(c.startswith("▼ −") for c in ua_cells)
    day = res.pages[[str(d) for d in res.days].index("2025-01-06")].read_text(encoding="utf-8")
    assert '<td class="gc-side-RU">▲ gained</td>' in day          # Russia's retake west of Malaya Loknya


def test_day_pages_tell_how_sure_each_km2_is(rendered):
    tl, res = rendered
    page = res.pages[[str(d) for d in res.days].index("2025-01-07")].read_text(encoding="utf-8")
    table = page[page.index('class="gc-certainty"'):page.index("</table>", page.index('class="gc-certainty"'))]
    pieces = tl.pieces("2025-01-07").query("side == 'UA'")
    for status in ("assessed", "claimed", "unverified"):
        assert f'<td class="num">{pieces[pieces.claim_status == status].area_km2.sum():,.1f}</td>' in table
    assert 'fill="url(#gc-dots-neutral-held)"' in table                 # the texture, as on the map


def test_render_with_an_observed_timeline(tmp_path, kursk, kursk_observed):
    res = render_daily(kursk, tmp_path, observed=kursk_observed, start="2025-01-05", end="2025-01-09",
                       progress=False)
    page = res.pages[-1].read_text(encoding="utf-8")
    assert "Observed map: observed maps (footprint.geojson)" in page
    want = kursk_observed.state("2025-01-09").query("side == 'UA' and status != 'contested'").area_km2.sum()
    assert f'<td class="num">{want:,.1f}</td>' in page
    index = res.index.read_text(encoding="utf-8")
    data = _slider_data(index)
    observed = [f for day in data["days"] for f in day["f"] if "gc-observed" in data["styles"][f[1]]["className"]]
    assert observed and all(data["styles"][f[1]]["fill"] is False for f in observed)
    assert "<th>map of</th>" in index and "UA observed (observed maps (footprint.geojson))" in index
    with pytest.raises(TypeError, match="read_snapshots"):
        render_daily(kursk, tmp_path, observed=str(tmp_path), progress=False)


def test_png_per_day_at_1200_px_linked_from_its_page_and_cleaned_up(tmp_path, kursk):
    res = render_daily(kursk, tmp_path, start="2025-01-06", end="2025-01-07", png=True, progress=False)
    assert [p.name for p in res.pngs] == ["2025-01-06.png", "2025-01-07.png"]
    assert all(_png_size(p)[0] == 1200 for p in res.pngs)
    assert 'href="2025-01-07.png" download>PNG for articles</a>' in res.pages[-1].read_text(encoding="utf-8")
    again = render_daily(kursk, tmp_path, start="2025-01-07", end="2025-01-07", progress=False)
    assert sorted(p.name for p in again.removed) == ["2025-01-06.html", "2025-01-06.png", "2025-01-07.png"]
    assert "PNG for articles" not in again.pages[0].read_text(encoding="utf-8")


def test_cli_render_observed_and_png(tmp_path, kursk_observed, capsys):
    import shutil

    obs_file = tmp_path / "observed.geojson"
    shutil.copy(kursk_observed.source, obs_file)
    code = main(["render", str(KURSK_CLAIMS), "--out", str(tmp_path / "site"), "--from", "2025-01-06", "--to",
                 "2025-01-07", "--observed", str(obs_file), "--png", "--no-progress"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "wrote 2 PNG maps (2025-01-06.png .. 2025-01-07.png)" in err
    assert "Observed map: observed maps (observed.geojson)" in (tmp_path / "site" / "2025-01-07.html").read_text(
        encoding="utf-8")
    assert main(["render", str(KURSK_CLAIMS), "--out", str(tmp_path / "x"), "--preset", "deepstate",
                 "--no-progress"]) == 2
    assert "--preset only apply to the observed maps: add --observed SNAPSHOTS" in capsys.readouterr().err
    assert main(["render", str(KURSK_CLAIMS), "--out", str(tmp_path / "y"), "--observed", str(tmp_path / "nope"),
                 "--no-progress"]) == 2


def test_inferred_front_with_band_and_agreement_on_pages_and_index(tmp_path, kursk_inferred, deepstate_kursk):
    from geoclaims import agreement

    res = render_daily(kursk_inferred, tmp_path, observed=deepstate_kursk, start="2025-02-06", end="2025-02-07",
                       progress=False)
    page = res.pages[-1].read_text(encoding="utf-8")
    want = agreement(kursk_inferred, deepstate_kursk, ["2025-02-07"]).table.set_index("side").loc["UA"]
    table = page[page.index('class="gc-agreement"'):]
    assert f'<td class="num">{want.iou:.2f}</td>' in table
    assert f'<td class="num">{want.observed_km2:,.0f}</td>' in table
    assert "inferred by the model" in page                                   # how-sure table column
    assert "agreement: UA: IoU " in page                                     # the map's date box
    index = res.index.read_text(encoding="utf-8")
    assert '<th class="num">UA IoU</th>' in index and f'<td class="num">{want.iou:.2f}</td>' in index
    assert ">agreement<" in index and "UA IoU" in index                      # the chart's agreement panel
    data = _slider_data(index)
    classes = {data["styles"][f[1]]["className"] for day in data["days"] for f in day["f"]}
    assert any("gc-band" in c for c in classes) and any("gc-tier-inferred" in c for c in classes)
