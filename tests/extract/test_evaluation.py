"""geoclaims.extract.evaluation: the annotated set is sound, and scores mean what they say."""

from __future__ import annotations

import json
from collections import defaultdict
from types import SimpleNamespace

import pytest

from geoclaims.errors import InputFileError, InputFileNotFound
from geoclaims.extract.evaluation import (
    GoldClaim, Item, check_split, claimant_agrees, field_agrees, read_annotations, score,
)
from tests.conftest import ROOT

ANNOTATIONS = ROOT / "tests" / "data" / "extraction" / "sentences.jsonl"


@pytest.fixture(scope="module")
def items():
    return read_annotations(ANNOTATIONS)


def test_the_annotated_set_covers_three_languages_and_the_hard_forms(items):
    assert len(items) >= 200 and len({i.source_url for i in items}) >= 100
    for lang in ("en", "ru", "uk"):
        for split in ("dev", "test"):
            assert sum(1 for i in items if i.lang == lang and i.split == split) >= 35, (lang, split)
    forms = defaultdict(int)
    for i in items:
        for f in i.hard_forms:
            forms[f] += 1
    for form in ("heading", "list", "carried_subject", "repelled", "district", "percent", "negation", "no_claim",
                 "reported_speech", "inflected"):
        assert forms[form] >= 5, form
    assert all(i.source_url.startswith("http") for i in items)


def test_the_test_split_shares_no_page_and_no_statement_with_dev(items):
    assert check_split(items) == []
    from geoclaims import Gazetteer
    from geoclaims.places.names import fold

    gaz = Gazetteer.default()

    def key(i, c):
        ids = sorted(p.id for p in gaz.places_with_key(fold(c.place))) if c.place else [f"{c.area_km2}"]
        return (ids[0] if ids else fold(c.place), c.date, c.claimant.split()[-1].lower())

    dev = {key(i, c) for i in items if i.split == "dev" for c in i.claims}
    shared = [(i.id, key(i, c)) for i in items if i.split == "test" for c in i.claims if key(i, c) in dev]
    assert shared == []


def test_gold_claims_follow_the_conventions(items):
    for i in items:
        for c in i.claims:
            if c.claimant in ("ISW", "DeepState", "geolocated footage"):
                # an assessment, unless the passage hedges it (convention 1: "нібито", "reportedly")
                assert c.status == "assessed" or (c.status == "unverified" and "hedge" in i.notes), i.id
            if "milblogger" in c.claimant.lower():
                assert c.status in ("claimed", "unverified"), i.id
            if c.action == "contest" and c.share is None:
                russian = {"Kursk Oblast", "Belgorod Oblast", "Bryansk Oblast"}
                owner = "RU" if i.front.startswith(("kursk", "belgorod")) or set(i.regions[:1]) & russian else "UA"
                assert c.side != owner, (i.id, c.place)  # the side that does not own the land


def test_bad_files_name_the_line_and_field(tmp_path):
    with pytest.raises(InputFileNotFound):
        read_annotations(tmp_path / "missing.jsonl")
    good = json.loads(ANNOTATIONS.read_text(encoding="utf-8").splitlines()[0])
    bad = dict(good, claims=[dict(good["claims"][0], action="conquer")])
    p = tmp_path / "bad.jsonl"
    p.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    with pytest.raises(InputFileError, match=r"line 2: claim 1 of en-001: action 'conquer'; valid: capture"):
        read_annotations(p)
    p.write_text(json.dumps(dict(good, claims=[dict(good["claims"][0], surface="Atlantis")])), encoding="utf-8")
    with pytest.raises(InputFileError, match="surface 'Atlantis' is in neither text nor context"):
        read_annotations(p)
    p.write_text(json.dumps(good) + "\n" + json.dumps(good), encoding="utf-8")
    with pytest.raises(InputFileError, match="appears twice"):
        read_annotations(p)


def _gold(**kw):
    base = dict(place="Sudzha", surface="Sudzha", side="RU", action="capture", qualifier="", status="claimed",
                claimant="Russian MoD", claimant_side="RU", date="2025-03-13")
    return GoldClaim(**{**base, **kw})


def _cand(**kw):
    base = dict(place="Sudzha", place_id="geonames:486816", side="RU", action="capture", qualifier="",
                status="claimed", claimant="Russian MoD", claimant_side="RU", date="2025-03-13", span=(0, 6),
                confidence=0.9, distance_km=None, area_km2=None, area_basis="", share=None)
    return SimpleNamespace(**{**base, **kw})


def test_fields_agree_as_the_claims_format_means_them():
    assert field_agrees("date", _gold(date="2024-08-31"), _cand(date="2024-08"))   # a month is its last day
    assert not field_agrees("date", _gold(date="2024-08-30"), _cand(date="2024-08"))
    assert claimant_agrees("Oleksandr Syrskyi", "Syrskyi") and claimant_agrees("unnamed reports", "unattributed")
    assert not claimant_agrees("ISW", "Russian MoD")
    assert field_agrees("share", _gold(share=45.0), _cand(share=45.0)) and not field_agrees(
        "share", _gold(share=45.0), _cand(share=None))
    area = _gold(place="", action="area", area_km2=1263.0, area_basis="gained")
    assert field_agrees("area", area, _cand(place="", action="area", area_km2=1263.0, area_basis="gained"))
    assert not field_agrees("area", area, _cand(place="", action="area", area_km2=1263.0, area_basis="held"))


def test_score_counts_matches_per_field_and_language():
    item = Item(id="x-1", lang="en", split="dev", text="Russian forces captured Sudzha and Berdin.",
                published="2025-03-13", claims=(_gold(), _gold(place="Berdin", surface="Berdin", side="UA")))
    cands = [_cand(), _cand(place="Berdin", place_id="theatre:berdin", confidence=0.4),
             _cand(place="Korenevo", place_id="geonames:543899", confidence=0.3)]
    sc = score([item], lambda it: SimpleNamespace(claims=cands, text=it.text))
    s = sc.summary("en")
    assert (s["place recall"], s["precision"], s["side accuracy"], s["action accuracy"]) == (1.0, 2 / 3, 0.5, 1.0)
    p, r, f1, acc = sc.fields()["side"]
    assert (p, r, acc) == (1 / 3, 1 / 2, 1 / 2) and f1 == pytest.approx(0.4)
    assert sc.summary("ru")["place recall"] is None                     # no Russian items: no figure
    bands = dict((band, (n, share)) for band, n, share in sc.reliability())
    assert bands[">= 0.8"] == (1, 1.0) and bands["0.2-0.4"] == (1, 0.0)


def test_claims_made_only_in_the_context_do_not_count():
    item = Item(id="x-2", lang="en", split="dev", context="Russian forces captured Sudzha.",
                text="They also took Berdin.", published="2025-03-13",
                claims=(_gold(place="Berdin", surface="Berdin"),))
    from geoclaims.extract import extract_claims

    ex = extract_claims(item.document, published=item.published)
    assert {c.place for c in ex.claims} == {"Sudzha", "Berdin"}
    sc = score([item])
    assert sc.summary()["precision"] == 1.0 and sc.summary()["place recall"] == 1.0


@pytest.fixture(scope="module")
def measured(items):
    """The figures benchmarks/README.md reports, measured again (a few seconds)."""
    return {split: score([i for i in items if i.split == split]) for split in ("dev", "test")}


#: Floors a little (~0.05) under the test split's figures in benchmarks/README.md (place recall, precision,
#: side and action accuracy), so that a regression fails here.  The round-4 test passages (127, annotated by a
#: researcher who never ran the extractor) made the split harder, Russian most: these are not the issue's goals.
#: Since round 5 on the benchmark's current reading of gold names (a Russian form is the one close place).
TEST_FLOORS = {"en": (0.73, 0.78, 0.82, 0.87), "ru": (0.62, 0.63, 0.88, 0.79), "uk": (0.74, 0.81, 0.92, 0.89)}


def test_extraction_keeps_the_measured_figures(measured):
    for lang, (recall, precision, side, action) in TEST_FLOORS.items():
        test = measured["test"].summary(lang)
        assert test["place recall"] >= recall and test["precision"] >= precision, (lang, test)
        assert test["side accuracy"] >= side and test["action accuracy"] >= action, (lang, test)
    dev = measured["dev"].summary()
    assert dev["place recall"] >= 0.85 and dev["precision"] >= 0.9


def test_confidence_ranks_candidates_on_unseen_passages(measured):
    # most candidates score 0.8 or more, so the bands below are thin: compare the more confident half of the
    # candidates with the less confident half
    ranked = sorted(measured["test"].confidences, key=lambda x: x[0])
    half = len(ranked) // 2
    low, high = [ok for _, ok in ranked[:half]], [ok for _, ok in ranked[half:]]
    assert half >= 20
    assert sum(high) / len(high) > sum(low) / len(low)


def test_a_gold_name_in_its_russian_form_means_the_one_close_place_of_the_items_oblasts():
    from geoclaims.extract.evaluation import _Places
    from geoclaims.places.gazetteer import Gazetteer

    gaz = Gazetteer.default()
    places = _Places(gaz)
    robotyne = places.ids("Работино", ("Zaporizhzhia Oblast",))
    assert robotyne and {gaz.get(i).name for i in robotyne} == {"Robotyne"}
    # an exact spelling in Bryansk Oblast does not win over the village of the item's oblast
    assert {gaz.get(i).admin1 for i in places.ids("Затишье", ("Zaporizhzhia Oblast",))} == {"Zaporizhzhia Oblast"}
    # a fuzzy likeness is no reading: Синьківка is not Yasynivka
    assert "Yasynivka" not in {gaz.get(i).name for i in places.ids("Синьківка", ("Donetsk Oblast",))}
