"""Publication maps (geoclaims.web.static): 1200 px wide, title, date, legend, scale bar, source, attribution."""

from __future__ import annotations

import pytest

import geoclaims
from geoclaims.web.dayview import day_view
from geoclaims.errors import OutputError
from geoclaims.web.maps import check_colors
from geoclaims.web.static import ATTRIBUTION, WIDTH_PX, plot, plot_view, save
from tests.conftest import with_inferred


def _texts(fig) -> list[str]:
    out = [t.get_text() for t in fig.texts]
    for ax in fig.axes:
        out += [t.get_text() for t in ax.texts]
    for leg in fig.legends:
        out += [t.get_text() for t in leg.get_texts()]
    return out


def test_a_publication_map_has_every_part(kursk, tmp_path):
    fig = plot(kursk, "2025-01-07", title="Kursk: claimed control")
    texts = _texts(fig)
    assert round(fig.get_figwidth() * fig.dpi) == WIDTH_PX
    assert "Kursk: claimed control" in texts
    assert any(t.startswith("7 January 2025 · all claims") for t in texts)                 # the date
    assert "assessed: independent evidence" in texts and "unverified report" in texts       # the legend
    assert "changed in this period" in texts
    assert any(t.endswith(" km") for t in texts) and "0" in texts                          # the scale bar
    source = next(t for t in texts if t.startswith("Source: "))
    assert "unconfirmed reports (The Guardian)" in source and "ISW" in source
    assert any(t.startswith(ATTRIBUTION) for t in texts)
    assert "Berdin" in texts and "Novosotnitsky" in texts                                  # claimed places
    path = save(fig, tmp_path / "map.png")
    import struct

    assert struct.unpack(">II", path.read_bytes()[16:24])[0] == WIDTH_PX


def test_labels_do_not_overlap(kursk):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    fig = plot(kursk, "2024-08-12")
    renderer = FigureCanvasAgg(fig).get_renderer()
    boxes = [t.get_window_extent(renderer) for t in fig.axes[0].texts if t.get_text() not in ("0",)
             and not t.get_text().endswith(" km")]
    assert len(boxes) > 10
    frame = fig.axes[0].get_window_extent(renderer)
    assert all(frame.x0 <= b.x0 and b.x1 <= frame.x1 and frame.y0 <= b.y0 and b.y1 <= frame.y1 for b in boxes)
    overlaps = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:] if a.overlaps(b)]
    assert overlaps == []


def test_inferred_land_and_the_observed_outline_in_the_legend(kursk, kursk_observed):
    view = with_inferred(day_view(kursk, "2025-01-08", observed=kursk_observed))
    fig = plot_view(kursk, view, colors=check_colors(None))
    texts = _texts(fig)
    assert "inferred by the model (no edge)" in texts
    assert "observed maps (footprint.geojson) (outline)" in texts
    assert any("Outline: observed maps (footprint.geojson), map of 2025-01-07" in t for t in texts)
    hatched = [p for p in fig.axes[0].patches if p.get_hatch() == "xxx"]
    assert hatched and all(p.get_linewidth() == 0 for p in hatched)


def test_agreement_with_the_observed_map_in_the_header(kursk_inferred, deepstate_kursk):
    texts = _texts(plot(kursk_inferred, "2025-02-07", observed=deepstate_kursk))
    head = next(t for t in texts if "Outline: " in t)
    assert "map of 2025-01-31\nAgreement with it: UA: IoU 0." in head
    assert "uncertainty band (least to most held)" in texts


def test_plot_is_exported_and_saving_reports_bad_paths(kursk, tmp_path):
    assert geoclaims.plot is plot
    (tmp_path / "file").write_text("x")
    with pytest.raises(OutputError):
        save(plot(kursk, "2025-01-07"), tmp_path / "file" / "map.png")


def test_text_that_looks_like_a_formula_is_shown_as_typed(tmp_path):
    """matplotlib reads $...$ as mathtext: a claim's name must neither be typeset nor stop the figure."""
    path = tmp_path / "dollar.csv"
    path.write_text("claim_id,date,claimant,claimant_side,side,action,place,status,lat,lon\n"
                    "M1,2025-01-05,Bad $\\undefined$ claimant,RU,UA,capture,Place $\\frac{$ x,claimed,51.20,35.30\n",
                    encoding="utf-8")
    tl = geoclaims.Timeline.from_claims(geoclaims.read_claims(path))
    fig = plot(tl, "2025-01-05", title="Cost $\\alpha$")
    save(fig, tmp_path / "map.png")                         # drawing used to raise ParseFatalException
    texts = _texts(fig)
    assert "Cost \\$\\alpha\\$" in texts and "Place \\$\\frac{\\$ x" in texts
    assert any("Bad \\$\\undefined\\$ claimant" in t for t in texts)


def test_timeline_plot_is_geoclaims_plot(kursk):
    fig = kursk.plot("2025-01-07")
    assert fig.get_figwidth() * fig.dpi == pytest.approx(1200, rel=0.01)
