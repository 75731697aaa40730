"""Day pages of the Kursk example: time and size per page, beside plain ``GeoDataFrame.explore``.

Ours: ``render_daily`` on the bundled Kursk claims (a page per claim day: map with every piece styled by
how sure its claim is, change, claim markers and offline basemap, tables; Leaflet embedded, so every
page works offline). The time per page is taken between consecutive page writes; the first page pays
for loading the basemap.

Also, for information (issue 14): the same days with the inferred method and an observed timeline
(the DeepState fixture of tests/data: outlines, agreement per day, the band); there the agreement of
every day is computed once before the first page, so the per-page figures exclude it and the total
includes it. And the publication PNG per day (``geoclaims.plot``, 1200 px).

Baseline, in the same run on a fresh timeline: for each day, ``timeline.state(day).explore()``
(geopandas' one-liner: the six state polygons on OpenStreetMap tiles, CDN links, no changes, no
claims, no tables), rendered to HTML and written.

Goal (issues 4 and 14): <= 0.3 s and <= 500 KB per day page.

Run: ``make bench`` (or ``python benchmarks/bench_render.py``).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
import warnings
from pathlib import Path


ROOT = Path(__file__).resolve().parent.parent


def _timed_render(render, tl, **kwargs):
    """render_daily with a timestamp at every day page written: (seconds per page, KB per page, total, result)."""
    stamps: list[tuple[float, float]] = []
    write = render.atomic_write

    def timed_write(path, payload):
        write(path, payload)
        if Path(path).name != "index.html":
            stamps.append((time.perf_counter(), time.process_time()))

    render.atomic_write = timed_write
    try:
        t0 = (time.perf_counter(), time.process_time())
        res = render.render_daily(tl, tempfile.mkdtemp(prefix="bench-render-"), progress=False, **kwargs)
        total = time.perf_counter() - t0[0]
    finally:
        render.atomic_write = write
    pairs = list(zip([t0, *stamps[:-1]], stamps))
    return ([b[0] - a[0] for a, b in pairs], [p.stat().st_size / 1000 for p in res.pages], total, res,
            [b[1] - a[1] for a, b in pairs])


def main() -> None:
    import geoclaims.web.render as render
    from geoclaims import Timeline, plot, read_claims, read_snapshots
    from geoclaims._resources import data_file
    from geoclaims.web.static import save

    claims = read_claims(data_file("kursk-claims.csv"))

    tl = Timeline.from_claims(claims)
    out = Path(tempfile.mkdtemp(prefix="bench-explore-"))
    base_t, base_kb = [], []
    for d in tl.dates:
        t0 = time.perf_counter()
        with warnings.catch_warnings():  # early days have empty (side, status) rows; explore() warns
            warnings.simplefilter("ignore", UserWarning)
            html = tl.state(d).explore().get_root().render()
        (out / f"{d}.html").write_text(html, encoding="utf-8")
        base_t.append(time.perf_counter() - t0)
        base_kb.append(len(html.encode()) / 1000)

    tl = Timeline.from_claims(claims)
    ours_t, ours_kb, total, res, ours_cpu = _timed_render(render, tl)

    inferred = Timeline.from_claims(claims, method="inferred")
    observed = read_snapshots(ROOT / "tests" / "data" / "deepstate-kursk", preset="deepstate", region="Kursk Oblast")
    obs_t, obs_kb, obs_total, obs_res, obs_cpu = _timed_render(render, inferred, observed=observed)

    png_t, png_kb, png_cpu = [], [], []
    png_dir = Path(tempfile.mkdtemp(prefix="bench-png-"))
    for d in tl.dates:
        t0, c0 = time.perf_counter(), time.process_time()
        path = save(plot(tl, d), png_dir / f"{d}.png")
        png_t.append(time.perf_counter() - t0)
        png_cpu.append(time.process_time() - c0)
        png_kb.append(path.stat().st_size / 1000)

    def row(name, ts, kbs, cpu=None):
        later = ts[1:] or ts
        text = (f"{name:<44} {len(ts):>5}  {ts[0] * 1000:>7.0f}  {statistics.median(later) * 1000:>7.0f}  "
                f"{max(later) * 1000:>7.0f}  {statistics.median(kbs):>7.0f}  {max(kbs):>7.0f}")
        if cpu:
            text += f"  {statistics.median(cpu[1:] or cpu) * 1000:>7.0f}  {max(cpu[1:] or cpu) * 1000:>7.0f}"
        return text

    print(f"Kursk example: {len(claims)} claims, {len(tl.dates)} claim days\n")
    print(f"{'per day page':<44} {'pages':>5}  {'1st ms':>7}  {'med ms':>7}  {'max ms':>7}  {'med KB':>7}  {'max KB':>7}"
          f"  {'med CPU':>7}  {'max CPU':>7}")
    print(row("geoclaims render_daily (offline)", ours_t, ours_kb, ours_cpu))
    print(row("  inferred method + observed map (DeepState)", obs_t, obs_kb, obs_cpu))
    print(row("baseline state(d).explore() (CDN)", base_t, base_kb))
    print(row("geoclaims.plot PNG, 1200 px (per day)", png_t, png_kb, png_cpu))
    print(f"(load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores at the end; CPU: this process's CPU ms)")
    slow = sorted(zip(ours_t[1:], res.days[1:]), reverse=True)[:3]
    print("slowest day pages (after the first): " + ", ".join(f"{d} {t * 1000:.0f} ms" for t, d in slow))
    slow_cpu = sorted(zip(ours_cpu[1:], res.days[1:]), reverse=True)[:3]
    print("most CPU (after the first): " + ", ".join(f"{d} {t * 1000:.0f} ms" for t, d in slow_cpu))
    print(f"\nrender_daily total incl. index.html: {total:.1f} s; index.html {res.index.stat().st_size / 1000:.0f} KB")
    print(f"inferred + observed total incl. agreement and index.html: {obs_total:.1f} s "
          f"({obs_total / len(obs_res.pages) * 1000:.0f} ms a page on average); "
          f"index.html {obs_res.index.stat().st_size / 1000:.0f} KB")


if __name__ == "__main__":
    main()
