"""The rendered pages in a real Chromium (Debian's, driven by Playwright; no browser is downloaded).

No network: every request must stay on file:// (or data:). `.ci/run` installs chromium when missing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from geoclaims import Timeline, read_claims, render_daily
from geoclaims.web.dayview import day_view
from geoclaims.web.maps import draw_view
from tests.conftest import DONETSK_CLAIMS, with_inferred

CHROMIUM = os.environ.get("GEOCLAIMS_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent.parent / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage"]


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(f"no Chromium at {CHROMIUM}: install Debian's package (apt-get install chromium; .ci/run does) "
                    "or set GEOCLAIMS_CHROMIUM")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Visit:
    """A page opened on a file, recording console errors, page errors, dialogs and requests."""

    def __init__(self, browser, path: Path):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.requests: list[str] = []
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("request", lambda r: self.requests.append(r.url))

        def on_dialog(d):
            self.dialogs.append(d.message)
            d.dismiss()

        self.page.on("dialog", on_dialog)
        self.page.goto(path.as_uri())
        self.page.wait_for_load_state("load")
        self.page.wait_for_timeout(300)

    @property
    def remote(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(("file://", "data:"))]

    def polygons(self) -> int:
        return self.page.locator(".leaflet-overlay-pane path.gc-poly").count()

    def close(self):
        self.page.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory, kursk, kursk_observed):
    return render_daily(kursk, tmp_path_factory.mktemp("site"), end="2025-01-10", observed=kursk_observed,
                        progress=False)


def _page(site, day: str) -> Path:
    return site.pages[list(map(str, site.days)).index(day)]


LABEL_BOXES = """() => Array.from(document.querySelectorAll('.gc-label span')).map(s => {
    const r = s.getBoundingClientRect(); return [s.textContent, r.left, r.top, r.right, r.bottom]; })"""


def _zoom(page, zoom, center=None):
    """Set the map's view and wait until the label placement has run for it (the map container's
    data-labels attribute is rewritten by every placement), so that a loaded machine cannot make the
    test read the labels of the previous zoom."""
    view = f"m.setView({list(center)}, {zoom}, {{animate: false}})" if center else f"m.setZoom({zoom}, {{animate: false}})"
    page.evaluate("() => { const m = Object.values(window).find(x => x instanceof L.Map); "
                  f"m.getContainer().setAttribute('data-labels', ''); {view}; "
                  # the same zoom (a pan only) places nothing: ask for the placement the page does on zoomend
                  "if (m.getContainer().getAttribute('data-labels') === '') { m.fire('zoomend'); } }")
    page.wait_for_function(f"() => {{ const m = Object.values(window).find(x => x instanceof L.Map); "
                           f"return m.getZoom() === {zoom} && m.getContainer().getAttribute('data-labels') !== ''; }}")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def _overlaps(boxes):
    return [(a[0], b[0]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5 and a[2] < b[4] - 0.5 and b[2] < a[4] - 0.5]


def test_index_loads_offline_without_errors_and_draws_one_day(browser, site):
    v = Visit(browser, site.index)
    try:
        assert v.errors == [] and v.remote == []
        last = str(site.days[-1])
        assert v.page.locator("#gc-day").inner_text() == last
        expected = int(v.page.locator("body").get_attribute("data-features"))
        assert expected > 0 and v.polygons() == expected
        assert v.page.locator(".gc-chart svg").count() == 1
        assert v.page.locator(".leaflet-control-scale").count() == 1
        ARTIFACTS.mkdir(exist_ok=True)
        v.page.screenshot(path=str(ARTIFACTS / "index.png"), full_page=False)
    finally:
        v.close()


def test_slider_shows_exactly_the_chosen_day(browser, site):
    v = Visit(browser, site.index)
    try:
        offsets = v.page.evaluate("() => window.geoclaimsSlider.offsets")
        assert offsets == [(d - site.days[0]).days for d in site.days]        # the slider runs over calendar days
        shapes = {}
        for i in (len(site.days) - 1, 0, 1, len(site.days) // 2):
            v.page.locator("#gc-slider").fill(str(offsets[i]))
            day = str(site.days[i])
            assert v.page.locator("#gc-day").inner_text() == day
            assert v.page.locator("#gc-asof").inner_text() == ""
            assert v.page.locator("#gc-page").get_attribute("href") == f"{day}.html"
            n = int(v.page.locator("body").get_attribute("data-features"))
            assert v.polygons() == n  # no accumulation: only this day's features
            shapes[day] = sorted(v.page.locator(".leaflet-overlay-pane path.gc-poly").evaluate_all(
                "els => els.map(e => e.getAttribute('d'))"))
        assert len({tuple(s) for s in shapes.values()}) > 1  # the polygons change with the day
        v.page.locator("#gc-prev").click()
        assert v.page.locator("#gc-day").inner_text() == str(site.days[len(site.days) // 2 - 1])
        assert v.errors == [] and v.remote == []
    finally:
        v.close()


def test_a_day_without_claims_shows_the_state_as_of_the_last_page(browser, site):
    import datetime as dt

    gap = next(i for i in range(1, len(site.days)) if (site.days[i] - site.days[i - 1]).days > 2)
    before, after = site.days[gap - 1], site.days[gap]
    between = before + dt.timedelta(days=1)
    v = Visit(browser, site.index)
    try:
        v.page.locator("#gc-slider").fill(str((between - site.days[0]).days))
        assert v.page.locator("#gc-day").inner_text() == str(between)
        assert v.page.locator("#gc-asof").inner_text() == f"no page for this day: the state as of {before}"
        assert v.page.locator("body").get_attribute("data-day") == str(before)
        assert v.page.locator("#gc-page").get_attribute("href") == f"{before}.html"
        v.page.locator("#gc-next").click()
        assert v.page.locator("#gc-day").inner_text() == str(after)
        cursor = v.page.locator("#gc-cursor")
        assert cursor.get_attribute("visibility") == "visible"
        assert v.errors == []
    finally:
        v.close()


def test_day_page_loads_offline_with_polygons_and_popups(browser, site):
    page = _page(site, "2024-08-12")
    v = Visit(browser, page)
    try:
        assert v.errors == [] and v.remote == []
        assert v.page.locator(".leaflet-overlay-pane path").count() >= 2
        markers = v.page.locator(".leaflet-overlay-pane path.leaflet-interactive")
        assert markers.count() > 0
        v.page.locator(".leaflet-control-layers").hover()          # the layer control lists the layers
        labels = v.page.locator(".leaflet-control-layers-overlays label").all_inner_texts()
        assert any("UA advanced" in t for t in labels) and any("Claims" in t for t in labels)
        claims_on_map = v.page.locator(".leaflet-overlay-pane path.gc-claim")
        claims_on_map.last.click(force=True)
        popup = v.page.locator(".leaflet-popup-content")
        popup.wait_for(timeout=3000)
        assert "2024-08-12" in popup.inner_text()                  # a claim of that day, with its date
        assert v.page.locator(".gc-datebox .gc-date").inner_text() == "2024-08-12"
        v.page.locator('a[rel="next"]').click()
        v.page.wait_for_load_state("load")
        assert v.page.url.endswith(f"{site.days[site.days.index(__import__('datetime').date(2024, 8, 12)) + 1]}.html")
    finally:
        v.close()


FILLS = """sel => Array.from(document.querySelectorAll(sel)).map(e => ({
    cls: e.getAttribute('class'), fill: e.getAttribute('fill'), fillOpacity: e.getAttribute('fill-opacity'),
    stroke: e.getAttribute('stroke'), width: e.getAttribute('stroke-width'), dash: e.getAttribute('stroke-dasharray'),
    pattern: (e.getAttribute('fill') || '').startsWith('url(#') ?
        !!document.getElementById(e.getAttribute('fill').slice(5, -1)) : null}))"""


def test_styles_per_claim_status_in_the_dom(browser, site):
    """Each status has its own look: assessed a plain fill, a party's claim stripes, an unverified report dots."""
    v = Visit(browser, _page(site, "2025-01-07"))
    try:
        paths = v.page.evaluate(FILLS, "path.gc-state")
        by = {}
        for p in paths:
            by.setdefault(next(c for c in p["cls"].split() if c.startswith("gc-cert-")), []).append(p)
        assert set(by) == {"gc-cert-assessed", "gc-cert-claimed", "gc-cert-unverified"}
        assert all(p["fill"].startswith("#") and float(p["fillOpacity"]) < 1 for p in by["gc-cert-assessed"])
        assert all(p["fill"].startswith("url(#gc-stripes-") and p["pattern"] for p in by["gc-cert-claimed"])
        assert all(p["fill"].startswith("url(#gc-dots-") and p["pattern"] for p in by["gc-cert-unverified"])
        assert all(p["dash"] for p in paths if "-advanced " in p["cls"] + " ")          # advanced: dashed edge
        changes = v.page.evaluate(FILLS, "path.gc-change")
        assert changes and all(float(p["fillOpacity"]) == 0 for p in changes)       # never darker than held land
        legend = v.page.locator(".leaflet-control .gc-legend-row").all_inner_texts()
        assert {"assessed: independent evidence", "claimed by a party, not independently verified",
                "unverified report"} <= {t.strip() for t in legend}
        v.page.locator("path.gc-cert-unverified").first.hover(force=True)
        assert "unverified report" in v.page.locator(".leaflet-tooltip").last.inner_text()
        assert v.errors == []
    finally:
        v.close()


def test_inferred_land_looks_unlike_stated_land_in_the_dom(browser, kursk, tmp_path):
    """Pieces of tier 'inferred' (hand-built until inference lands) have no edge and a cross-hatch."""
    page = tmp_path / "inferred.html"
    m = draw_view(kursk, with_inferred(day_view(kursk, "2025-01-07")))
    page.write_text(m.get_root().render(), encoding="utf-8")
    v = Visit(browser, page)
    try:
        inferred = v.page.evaluate(FILLS, "path.gc-tier-inferred")
        stated = v.page.evaluate(FILLS, "path.gc-tier-claimed")
        assert len(inferred) == 1 and stated
        assert inferred[0]["fill"] == "url(#gc-hatch-UA-held)" and inferred[0]["pattern"]
        assert inferred[0]["stroke"] == "none" or float(inferred[0]["width"]) == 0
        assert all(float(p["width"]) > 0 for p in stated)
        assert any("inferred by the model" in t for t in v.page.locator(".gc-legend-row").all_inner_texts())
        assert v.errors == [] and v.remote == []
    finally:
        v.close()


def test_inferred_front_band_and_agreement_in_the_dom(browser, tmp_path, kursk_inferred, deepstate_kursk):
    """The inferred method on real DeepState snapshots: hatched edgeless land, the band, agreement figures."""
    res = render_daily(kursk_inferred, tmp_path, observed=deepstate_kursk, start="2025-02-06", end="2025-02-07",
                       progress=False)
    v = Visit(browser, res.pages[-1])
    try:
        inferred = v.page.evaluate(FILLS, "path.gc-tier-inferred")
        assert inferred and all(p["fill"].startswith("url(#gc-hatch-") and p["pattern"] for p in inferred)
        assert all(p["stroke"] == "none" or float(p["width"]) == 0 for p in inferred)
        band = v.page.evaluate(FILLS, "path.gc-band")
        assert band and all(p["fill"].startswith("#") and float(p["fillOpacity"]) < 0.2 and p["dash"] for p in band)
        assert v.page.locator("path.gc-observed").count() > 0
        assert v.page.locator(".gc-datebox .gc-agreement").inner_text().startswith("agreement: UA: IoU ")
        assert v.page.locator("table.gc-agreement tr").count() >= 2
        assert v.errors == [] and v.remote == []
        ARTIFACTS.mkdir(exist_ok=True)
        v.page.screenshot(path=str(ARTIFACTS / "inferred-day.png"), full_page=False)
    finally:
        v.close()


def test_observed_map_is_an_outline_on_pages_and_slider(browser, site, kursk_observed):
    v = Visit(browser, _page(site, "2025-01-07"))
    try:
        outlines = v.page.evaluate(FILLS, "path.gc-observed")
        assert outlines and all(p["fill"] == "none" for p in outlines)
        assert "map of 2025-01-07" in v.page.locator(".gc-datebox").inner_text()
        assert "Observed map: observed maps (footprint.geojson)" in v.page.locator("main").inner_text()
    finally:
        v.close()
    v = Visit(browser, site.index)
    try:
        assert v.page.locator("path.gc-observed").count() > 0
        in_force = max(d for d in kursk_observed.dates if d <= site.days[-1])
        assert v.page.locator("#gc-observed").inner_text() == f"outline: map of {in_force}"
        assert v.errors == []
    finally:
        v.close()


def test_labels_never_overlap_and_claimed_places_are_labelled(browser, site):
    v = Visit(browser, site.index)
    try:
        boxes = v.page.evaluate(LABEL_BOXES)
        names = [b[0] for b in boxes]
        assert _overlaps(boxes) == []
        assert "Sudzha" in names and "Kursk" in names and "Gorod Shebekino" not in names
        for zoom in (9, 10, 11):
            _zoom(v.page, zoom)
            assert _overlaps(v.page.evaluate(LABEL_BOXES)) == [], zoom
    finally:
        v.close()
    v = Visit(browser, _page(site, "2025-01-07"))
    try:
        boxes = v.page.evaluate(LABEL_BOXES)
        assert _overlaps(boxes) == []
        claimed = {b[0] for b in boxes} & {"Berdin", "Novosotnitsky"}
        assert claimed == {"Berdin", "Novosotnitsky"}                         # the day's claimed places
        v.page.screenshot(path=str(ARTIFACTS / "day.png"), full_page=False)
    finally:
        v.close()


def test_labels_in_a_dense_city_area_do_not_collide(browser, tmp_path):
    tl = Timeline.from_claims(read_claims(DONETSK_CLAIMS))
    res = render_daily(tl, tmp_path, progress=False)
    v = Visit(browser, res.index)
    try:
        for zoom in (9, 10, 11, 12):
            _zoom(v.page, zoom, center=(48.03, 37.85))
            boxes = v.page.evaluate(LABEL_BOXES)
            names = {b[0] for b in boxes}
            assert _overlaps(boxes) == [], zoom
            # at zoom 9 the two city centres are 45 px apart: Makiivka's label would overlap Donetsk's
            assert ({"Donetsk", "Makiyivka"} if zoom >= 10 else {"Donetsk"}) <= names, zoom
        assert v.errors == [] and v.remote == []
        ARTIFACTS.mkdir(exist_ok=True)
        v.page.screenshot(path=str(ARTIFACTS / "donetsk-index.png"), full_page=False)
    finally:
        v.close()


def test_xss_payloads_do_not_run(browser, tmp_path, xss_claims_csv):
    tl = Timeline.from_claims(read_claims(xss_claims_csv))
    res = render_daily(tl, tmp_path, title="<img src=x onerror=alert('title')>", progress=False)
    for path in (res.index, *res.pages):
        v = Visit(browser, path)
        try:
            # open every popup and tooltip: their content is inserted on demand
            for el in v.page.locator(".leaflet-overlay-pane path.leaflet-interactive").all():
                el.click(force=True)
                v.page.wait_for_timeout(50)
                el.hover(force=True)
            v.page.wait_for_timeout(200)
            assert v.dialogs == [], (path.name, v.dialogs)
            assert v.errors == [], (path.name, v.errors)
            assert not any(u.rstrip("/").endswith("/x") for u in v.requests), "an <img src=x> was created"
            assert v.remote == []
            links = v.page.locator("a[href]").evaluate_all("els => els.map(e => e.getAttribute('href'))")
            assert not any(h.strip().lower().startswith("javascript:") for h in links)
            text = v.page.locator("body").inner_text()
            if path != res.index:
                assert "<script>alert(1)</script>" in text or "<img src=x onerror=alert(1)>" in text  # shown as text
        finally:
            v.close()


def test_template_syntax_in_claims_stays_literal_in_the_browser(browser, tmp_path, template_claims_csv):
    """Jinja syntax in every claim field shows as typed in popups and tables; nothing runs (issue 11)."""
    path, pwned, payloads = template_claims_csv
    tl = Timeline.from_claims(read_claims(path))
    res = render_daily(tl, tmp_path / "site", title="{{ 1234*5678 }}", progress=False)
    assert not pwned.exists()
    v = Visit(browser, res.pages[0])
    try:
        # open each claim's popup in turn (dispatched clicks: an open popup may cover the next marker)
        seen = v.page.evaluate("""() => Array.from(document.querySelectorAll('path.gc-claim')).map(el => {
            el.dispatchEvent(new MouseEvent('click', {bubbles: true}));
            const all = document.querySelectorAll('.leaflet-popup-content');
            return all.length ? all[all.length - 1].innerText : '';
        })""")
        assert len(seen) == len(payloads) + 1 and all(seen)
        popups = "\n".join(seen)
        body = v.page.locator("body").inner_text()
        assert v.dialogs == [] and v.errors == []
        for p in payloads:
            assert f"note {p}" in popups, p
            assert f"note {p}" in body, p
        assert "7006652" not in popups + body and "LOOPLOOP" not in popups + body
        assert v.page.title() == "{{ 1234*5678 }}" or "{{ 1234*5678 }}" in v.page.title()
    finally:
        v.close()
