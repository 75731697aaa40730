"""Property tests: areas are non-negative, diffs add up to states, file order never matters."""

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from geoclaims import Timeline

PLACES = ["Berdin", "Sudzha", "Martynovka", "Malaya Loknya", "Novosotnitsky", "Russkoye Porechnoye", "Korenevo",
          "Plekhovo"]
QUALIFIERS = ["", "", "central", "southern", "northwestern", "near", "west of", "outskirts"]
START = dt.date(2024, 8, 6)


@st.composite
def claim_lists(draw, make_claim):
    n = draw(st.integers(1, 14))
    out = []
    for i in range(n):
        action = draw(st.sampled_from(["capture", "capture", "advance", "withdraw", "contest", "repelled"]))
        side = draw(st.sampled_from(["UA", "RU"]))
        out.append(make_claim(
            f"P{i:02d}", (START + dt.timedelta(days=draw(st.integers(0, 20)))).isoformat(), side, action,
            draw(st.sampled_from(PLACES)), qualifier=draw(st.sampled_from(QUALIFIERS)),
            claimant=draw(st.sampled_from(["ISW", "Russian MoD", "Syrskyi"])),
            status=draw(st.sampled_from(["assessed", "claimed"])),
        ))
    return out


SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def state_areas(tl, d, perspective="all"):
    return {(r.side, r.status): r.area_km2 for r in tl.state(d, perspective=perspective).itertuples()}


@pytest.fixture(scope="module")
def strategy(make_claim):
    return claim_lists(make_claim)


def test_properties(strategy):
    @SETTINGS
    @given(claims=strategy, d1=st.integers(0, 21), span=st.integers(0, 21),
           perspective=st.sampled_from(["all", "assessed", "RU"]))
    def check(claims, d1, span, perspective):
        tl = Timeline.from_claims(claims, method="footprint")
        first = START + dt.timedelta(days=d1)
        last = first + dt.timedelta(days=span)
        before = state_areas(tl, first - dt.timedelta(days=1), perspective)
        after = state_areas(tl, last, perspective)
        # 1. areas are non-negative
        assert all(v >= 0 for v in (*before.values(), *after.values()))
        # 2. state(d1 - 1) + diff(d1, d2) == state(d2), side by side, in km²
        diff = tl.diff(first, last, perspective=perspective)
        assert (diff["area_km2"] >= 0).all()
        for side, opp in (("UA", "RU"), ("RU", "UA")):
            own = lambda s: s[(side, "held")] + s[(side, "advanced")]  # noqa: E731
            theirs = lambda s: sum(s[(opp, x)] for x in ("held", "advanced", "contested"))  # noqa: E731
            expected = (own(after) - own(before)) - (theirs(after) - theirs(before))
            rows = diff[diff.side == side]
            net = rows[rows.change == "gained"]["area_km2"].sum() - rows[rows.change == "lost"]["area_km2"].sum()
            assert net == pytest.approx(expected, abs=0.02)
        # 3. results do not depend on the order rows appear in
        shuffled = Timeline.from_claims(list(reversed(claims)), method="footprint")
        for d in {first, last}:
            a = tl.state(d, perspective=perspective)
            b = shuffled.state(d, perspective=perspective)
            assert list(a["claim_ids"]) == list(b["claim_ids"])
            assert a["area_km2"].to_numpy() == pytest.approx(b["area_km2"].to_numpy(), abs=1e-6)

    check()


def test_territory_method_properties(strategy):
    @settings(max_examples=8, deadline=None)
    @given(claims=strategy, d=st.integers(0, 21))
    def check(claims, d):
        tl = Timeline.from_claims(claims)
        day = START + dt.timedelta(days=d)
        s = state_areas(tl, day)
        assert all(v >= 0 for v in s.values())
        foot = state_areas(tl.twin("footprint"), day)
        assert sum(s.values()) >= 0 and sum(foot.values()) >= 0
        shuffled = Timeline.from_claims(sorted(claims, key=lambda c: c.claim_id, reverse=True))
        assert state_areas(shuffled, day) == pytest.approx(s)

    check()
