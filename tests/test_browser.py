"""The rendered pages in a real Chromium (Debian's, driven by Playwright; no browser is downloaded).

No network: every request must stay on file:// (or data:). `.ci/run` installs chromium when missing.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from geoclaims import Timeline, read_claims, render_daily
from tests.conftest import KURSK_CLAIMS

CHROMIUM = os.environ.get("GEOCLAIMS_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
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
def site(tmp_path_factory):
    tl = Timeline.from_claims(read_claims(KURSK_CLAIMS))
    return render_daily(tl, tmp_path_factory.mktemp("site"), end="2024-09-30", progress=False)


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
        shapes = {}
        for i in (len(site.days) - 1, 0, 1, len(site.days) // 2):
            v.page.locator("#gc-slider").fill(str(i))
            day = str(site.days[i])
            assert v.page.locator("#gc-day").inner_text() == day
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


def test_day_page_loads_offline_with_polygons_and_popups(browser, site):
    page = site.pages[list(map(str, site.days)).index("2024-08-12")]
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
