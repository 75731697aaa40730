"""control.differences: the windowed overlay of nearly equal polygons matches the plain one."""

from __future__ import annotations

import numpy as np
import pytest
import shapely
from hypothesis import given, settings
from hypothesis import strategies as st

from geoclaims.control import WINDOW_MIN_VERTICES, differences, window


def front(n: int, seed: int, bumps: list[tuple[int, int, float]]):
    """A polygon east of a random-walk front line of n vertices (metres), with bumps moved."""
    rng = np.random.default_rng(seed)
    y = np.linspace(0, 100_000, n)
    x = np.cumsum(rng.normal(0, 40, n))
    for start, width, shift in bumps:
        start = start % (n - width - 1)
        x[start:start + width] += np.sin(np.linspace(0, np.pi, width)) * shift
    ring = np.vstack([np.column_stack([x, y]), [[60_000, 100_000], [60_000, 0]]])
    return shapely.make_valid(shapely.Polygon(ring))


bump = st.tuples(st.integers(0, 5000), st.integers(5, 200), st.floats(-800, 800))


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(0, 1000), before=st.lists(bump, max_size=3), after=st.lists(bump, max_size=3),
       grey=st.booleans())
def test_windowed_differences_equal_the_plain_overlay(seed, before, after, grey):
    a = [front(1200, seed, before)]
    b = [front(1200, seed, after)]
    if grey:  # a second piece beside the first, as DeepState's grey zone lies beside the held land
        strip = shapely.box(-20_000, 40_000, -5_000, 60_000)
        a.append(shapely.difference(strip, a[0]))
        b.append(shapely.difference(strip, b[0]))
    got_ab, got_ba = differences(a, b)
    ua, ub = shapely.union_all(a), shapely.union_all(b)  # exact unions
    want_ab, want_ba = shapely.difference(ua, ub), shapely.difference(ub, ua)
    # unions of several pieces are snapped to a 1 cm grid: edges may move by ~1.5 cm
    for got, want in ((got_ab, want_ab), (got_ba, want_ba)):
        tol = 1.0 + 0.015 * want.length
        assert got.area == pytest.approx(want.area, abs=tol)
        assert shapely.symmetric_difference(got, want).area < tol


def test_equal_sets_have_no_window_and_no_difference():
    a = front(3000, 1, [(100, 50, 300.0)])
    b = shapely.Polygon(shapely.get_coordinates(a.exterior)[::-1])  # same polygon, other orientation
    assert window([a], [b]) is None
    amb, bma = differences([a], [b])
    assert amb.is_empty and bma.is_empty


def test_window_covers_exactly_the_moved_stretch():
    a = front(3000, 2, [])
    b = front(3000, 2, [(1000, 100, 500.0)])
    x0, y0, x1, y1 = window([a], [b])
    step = 100_000 / 2999                       # vertices 1001-1098 of 3000 moved, along 100 km
    assert y0 == pytest.approx(1000 * step) and y1 == pytest.approx(1099 * step)  # their segments
    assert shapely.difference(shapely.symmetric_difference(a, b), shapely.box(x0, y0, x1, y1)).area < 1e-6
    assert shapely.get_num_coordinates(a) > WINDOW_MIN_VERTICES


def test_a_wrong_window_is_caught_and_the_full_overlay_used(monkeypatch):
    import geoclaims.control.engine as control

    a = front(3000, 3, [(500, 100, 400.0)])
    b = front(3000, 3, [(2000, 100, -400.0)])
    want = shapely.difference(a, b).area
    monkeypatch.setattr(control, "window", lambda a, b: (0.0, 0.0, 1.0, 1.0))  # misses both changes
    got_ab, _ = control.differences([a], [b])
    assert got_ab.area == pytest.approx(want, rel=1e-9)


def test_small_inputs_take_the_plain_path():
    a, b = shapely.box(0, 0, 10, 10), shapely.box(5, 0, 15, 10)
    amb, bma = differences([a], [b])
    assert amb.equals(shapely.box(0, 0, 5, 10)) and bma.equals(shapely.box(10, 0, 15, 10))
    assert differences([], [b])[1].equals(b)
