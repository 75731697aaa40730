"""extract_claims: report text -> candidate claims (places, qualifiers, sides, actions, claimants, dates, areas)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from geoclaims import read_claims
from geoclaims.cli import main
from geoclaims.extract import clean_text, extract_claims, split_sentences
from tests.conftest import ROOT

SEED = ROOT.parent / "shared" / "seeds" / "kyiv-independent-2025-01-07.txt"

# The facts of the seed report, in our own words (the article itself is third-party text).
REPORT = """<h1>Kursk: fighting flares again</h1>
<p>Ukraine resumed offensive operations in Kursk Oblast on Jan. 5.</p>
<p>The Russian Defense Ministry alleged on Jan. 6 that the Ukrainian advance was halted near Berdin, a village on
the road leading northeast to the city of Kursk.</p>
<p>According to the Institute for the Study of War (ISW), between Jan. 5 and 6 Ukrainian forces advanced in southern
Berdin, central Russkoye Porechnoye, and central Novosotnitsky, all northeast of Sudzha.</p>
<p>Russian forces meanwhile apparently advanced west of Malaya Loknya, according to the ISW.</p>
<p>We could not verify the claims.</p>
<p>Ukraine's August incursion allegedly captured up to 1,300 square kilometers (500 square miles) in Kursk Oblast.</p>
"""

EXPECTED = [  # (claim, date, claimant, claimant_side, status, side, action, place, qualifier)
    ("2025-01-06", "Russian MoD", "RU", "claimed", "UA", "repelled", "Berdin", "near"),
    ("2025-01-06", "ISW", "neutral", "assessed", "UA", "advance", "Berdin", "southern"),
    ("2025-01-06", "ISW", "neutral", "assessed", "UA", "advance", "Russkoye Porechnoye", "central"),
    ("2025-01-06", "ISW", "neutral", "assessed", "UA", "advance", "Novosotnitsky", "central"),
    ("2025-01-06", "ISW", "neutral", "assessed", "RU", "advance", "Malaya Loknya", "west of"),
]


def rows(ex):
    return [(c.date, c.claimant, c.claimant_side, c.status, c.side, c.action, c.place, c.qualifier)
            for c in ex.claims if c.action != "area"]


def one(text, **kw):
    ex = extract_claims(text, published=kw.pop("published", "2025-01-07"), **kw)
    assert len(ex.claims) == 1, [c.to_record() for c in ex.claims]
    return ex.claims[0]


def test_the_bundled_retelling_of_the_seed_report():
    ex = extract_claims((ROOT / "examples" / "seed" / "report.txt").read_text(encoding="utf-8"))
    assert ex.published == dt.date(2025, 1, 7)            # from its "date" line
    assert rows(ex) == EXPECTED and [c.area_km2 for c in ex.claims if c.action == "area"] == [1300.0]


def test_report_with_every_claim_of_the_seed():
    ex = extract_claims(REPORT, published="2025-01-07")
    assert rows(ex) == EXPECTED
    isw = [c for c in ex.claims if c.claimant == "ISW" and c.side == "UA"]
    assert len({c.claim_id for c in isw}) == 1            # one statement, three places
    assert all("all northeast of Sudzha" in c.quote for c in isw)
    assert "Sudzha" not in {c.place for c in ex.claims}    # it only locates the others
    assert "Kursk" not in {c.place for c in ex.claims}     # "the road leading to the city of Kursk"
    for c in ex.claims:
        if c.place:
            assert ex.text[c.span[0]:c.span[1]] == c.place  # the span points at the name in the text
    (area,) = [c for c in ex.claims if c.action == "area"]
    assert (area.date, area.side, area.area_km2, area.area_basis, area.region, area.status) == (
        "2024-08", "UA", 1300.0, "gained", "Kursk Oblast", "claimed")   # "captured up to": what it took


@pytest.mark.skipif(not SEED.exists(), reason=f"the seed report is not here ({SEED}); it is third-party text "
                    "kept outside the repository")
def test_the_real_seed_report():
    ex = extract_claims(SEED.read_text(encoding="utf-8"))   # the "date 2025-01-07" line dates it
    assert ex.published == dt.date(2025, 1, 7)
    assert rows(ex) == EXPECTED
    (area,) = [c for c in ex.claims if c.action == "area"]
    assert (area.date, area.area_km2, area.area_basis) == ("2024-08", 1300.0, "gained")
    assert "Ukrainian forces advanced in southern Berdin" in [c for c in ex.claims if c.place == "Berdin"][1].quote


@pytest.mark.parametrize("sentence, qualifier, distance", [
    ("Ukrainian forces advanced in southern Sudzha.", "southern", None),
    ("Ukrainian forces advanced in the southern part of Sudzha.", "southern", None),
    ("Ukrainian forces advanced in Sudzha's eastern part.", "eastern", None),
    ("Russian forces advanced in fields southwest of Sudzha.", "southwest of", None),
    ("Russian forces advanced west of Sudzha.", "west of", None),
    ("Russian forces advanced 3 km north of Sudzha.", "north of", 3.0),
    ("Russian forces advanced 2 km from Sudzha.", "near", 2.0),
    ("Russian forces advanced near Sudzha.", "near", None),
    ("Russian forces advanced on the outskirts of Sudzha.", "outskirts", None),
    ("Russian forces advanced in central Sudzha.", "central", None),
    ("Russian forces captured Sudzha.", "", None),
])
def test_qualifiers(sentence, qualifier, distance):
    c = one(sentence)
    assert (c.place, c.qualifier, c.distance_km) == ("Sudzha", qualifier, distance)


@pytest.mark.parametrize("sentence, side, action", [
    ("Ukrainian forces advanced near Sudzha.", "UA", "advance"),
    ("Ukrainian troops entered Sudzha.", "UA", "advance"),
    ("Kyiv captured Sudzha.", "UA", "capture"),
    ("Russian forces seized Sudzha.", "RU", "capture"),
    ("Russian troops took control of Sudzha.", "RU", "capture"),
    ("Moscow's forces liberated Sudzha.", "RU", "capture"),
    ("North Korean soldiers retook Sudzha.", "RU", "capture"),
    ('Units of the "North" group recaptured Sudzha.', "RU", "capture"),
    ("Ukrainian forces withdrew from Sudzha.", "UA", "withdraw"),
    ("Ukrainian forces repelled a Russian assault near Sudzha.", "RU", "repelled"),
    ("The Ukrainian advance was halted near Sudzha.", "UA", "repelled"),
    ("Russian troops halted a Ukrainian attack near Sudzha.", "UA", "repelled"),
    ("Fighting continues near Sudzha.", "UA", "contest"),        # the side that does not own the land
])
def test_sides_and_actions(sentence, side, action):
    c = one(sentence)
    assert (c.place, c.side, c.action) == ("Sudzha", side, action)


@pytest.mark.parametrize("sentence, claimant, claimant_side, status", [
    ("Russian forces captured Sudzha, according to ISW.", "ISW", "neutral", "assessed"),
    ("Geolocated footage shows Russian forces advanced near Sudzha.", "geolocated footage", "neutral", "assessed"),
    ("The Russian Defense Ministry alleged that Russian forces captured Sudzha.", "Russian MoD", "RU", "claimed"),
    ("Russian forces captured Sudzha, Bild reported.", "Bild", "neutral", "claimed"),
    ("Russian forces reportedly captured Sudzha, but this could not be verified.", "unattributed", "neutral",
     "unverified"),
    ("Russian forces captured Sudzha, reports yet to be confirmed say.", "unattributed", "neutral", "unverified"),
    ("Russian milbloggers claimed that Russian forces captured Sudzha.", "Russian milbloggers", "RU", "claimed"),
    ("Russian milbloggers claimed, without confirmation, that Russian forces captured Sudzha; this could not be "
     "verified.", "Russian milbloggers", "RU", "unverified"),
])
def test_claimants_and_status(sentence, claimant, claimant_side, status):
    c = one(sentence)
    assert (c.claimant, c.claimant_side, c.status) == (claimant, claimant_side, status)


@pytest.mark.parametrize("sentence, date", [
    ("On Jan. 5, Russian forces captured Sudzha.", "2025-01-05"),
    ("Between Jan. 5 and 6, Russian forces captured Sudzha.", "2025-01-06"),
    ("Russian forces captured Sudzha on Sunday.", "2025-01-05"),          # 7 Jan 2025 was a Tuesday
    ("Russian forces captured Sudzha last month.", "2024-12"),
    ("Russian forces captured Sudzha in early August.", "2024-08"),
    ("Russian forces captured Sudzha on December 30.", "2024-12-30"),     # no year: the latest before publication
    ("Russian forces captured Sudzha on 2024-11-02.", "2024-11-02"),
    ("Russian forces captured Sudzha.", "2025-01-07"),                    # no date: the publication date
])
def test_dates(sentence, date):
    assert one(sentence).date == date


def test_claims_without_a_date_take_their_claimants_last_date():
    ex = extract_claims("ISW said on Jan. 3 that the front was quiet. Russian forces advanced near Sudzha, "
                        "according to ISW.", published="2025-01-07")
    assert [c.date for c in ex.claims] == ["2025-01-03"]


@pytest.mark.parametrize("sentence, km2, side, basis", [
    ("Ukraine captured up to 1,300 square kilometers (500 square miles) in Kursk Oblast.", 1300.0, "UA", "gained"),
    ("Ukrainian forces control 480 km² in Kursk Oblast.", 480.0, "UA", "held"),
    ("Ukrainian forces hold about 800 sq km in Kursk Oblast.", 800.0, "UA", "held"),
    ("Russia retook 63.2 percent (801 square kilometers) of the territory in Kursk Oblast.", 801.0, "RU", "gained"),
    ("ВСУ контролируют около 500 кв. км в Курской области.", 500.0, "UA", "held"),
])
def test_area_figures(sentence, km2, side, basis):
    c = one(sentence)
    assert (c.action, c.area_km2, c.side, c.area_basis, c.region) == ("area", km2, side, basis, "Kursk Oblast")


@pytest.mark.parametrize("sentence, place, qualifier, side, action, date", [
    ("Российские войска освободили Бердин 6 января.", "Berdin", "", "RU", "capture", "2025-01-06"),
    ("ВСУ продвинулись в южной части Бердина.", "Berdin", "southern", "UA", "advance", "2025-01-07"),
    ("Бои идут в Судже.", "Sudzha", "", "UA", "contest", "2025-01-07"),
    ("Украинские войска отступили из Суджи.", "Sudzha", "", "UA", "withdraw", "2025-01-07"),
    ("ВСУ продвинулись под Суджей.", "Sudzha", "near", "UA", "advance", "2025-01-07"),
    ("Российские войска продвинулись западнее Малой Локни.", "Malaya Loknya", "west of", "RU", "advance",
     "2025-01-07"),
    ("Российские войска продвинулись в Русском Поречном.", "Russkoye Porechnoye", "", "RU", "advance", "2025-01-07"),
    ("ЗСУ відбили штурм у Суджі 6 січня.", "Sudzha", "", "RU", "repelled", "2025-01-06"),
    ("Українські війська звільнили Бердин.", "Berdin", "", "UA", "capture", "2025-01-07"),
])
def test_russian_and_ukrainian(sentence, place, qualifier, side, action, date):
    c = one(sentence)
    assert (c.place, c.qualifier, c.side, c.action, c.date) == (place, qualifier, side, action, date)


def test_russian_claimants():
    c = one("Российские войска освободили Бердин, заявило Минобороны России.")
    assert (c.claimant, c.claimant_side, c.status) == ("Russian MoD", "RU", "claimed")
    c = one("ВСУ продвинулись у Бердина, по данным ISW.")
    assert (c.claimant, c.status) == ("ISW", "assessed")


def test_possessives_and_multiword_names():
    ex = extract_claims("Russian forces captured Malaya Loknya's railway station and entered Russkoye "
                        "Porechnoye.", published="2025-01-07")
    assert [x.place for x in ex.claims] == ["Malaya Loknya", "Russkoye Porechnoye"]
    assert ex.text[ex.claims[0].span[0]:ex.claims[0].span[1]] == "Malaya Loknya's"


def test_ambiguous_names_carry_candidates_and_region_settles_them():
    c = one("Russian forces captured Martynovka.")
    settled = one("Russian forces captured Martynovka.", region="Kursk Oblast")
    assert len(c.candidates) >= 1 and c.confidence < 0.8       # below the band that is right 8 times in 10
    assert settled.place_id == "theatre:martynovka" and settled.region == "Kursk Oblast"
    assert settled.confidence > c.confidence and not settled.candidates
    near = extract_claims("Russian forces captured Martynovka and advanced near Sudzha.", published="2025-01-07")
    assert near.claims[0].place_id == "theatre:martynovka"  # settled by proximity to Sudzha


def test_names_the_gazetteer_does_not_know_become_candidates_to_locate():
    ex = extract_claims("Ukrainian forces advanced near Foobarovka and Sudzha, and took Kvaklino.",
                        published="2025-01-07")
    assert {u.name for u in ex.unknown_places} == {"Foobarovka", "Kvaklino"}
    rows = {c.place: (c.place_id, c.action, c.qualifier) for c in ex.claims}
    assert rows == {"Foobarovka": ("", "advance", "near"), "Sudzha": ("geonames:486816", "advance", "near"),
                    "Kvaklino": ("", "capture", "")}
    unknown = [c for c in ex.claims if not c.place_id]
    assert all("not in the gazetteer" in c.note for c in unknown)
    assert max(c.confidence for c in unknown) < min(c.confidence for c in ex.claims if c.place_id)
    assert "names not in the gazetteer" in ex.report()


def test_empty_html_control_characters_and_huge_input():
    assert len(extract_claims("", published="2025-01-07")) == 0
    assert len(extract_claims("   \n\n ", published="2025-01-07")) == 0
    ex = extract_claims("<div><p>Russian forces <b>captured</b>\x07 Sudzha</p><script>alert('Berdin')</script>"
                        "<style>.x{}</style></div>", published="2025-01-07")
    assert [c.place for c in ex.claims] == ["Sudzha"] and "alert" not in ex.text and "\x07" not in ex.text
    huge = REPORT * 300                                        # ~ 30,000 words
    t = time.perf_counter()
    big = extract_claims(huge, published="2025-01-07")
    assert len(big.claims) == 300 * 6 and time.perf_counter() - t < 60


def test_bad_arguments():
    with pytest.raises(TypeError, match="must be a str"):
        extract_claims(b"bytes")
    with pytest.raises(ValueError, match="published='yesterday' is not a date"):
        extract_claims("x", published="yesterday")
    with pytest.raises(ValueError, match="region='Atlantis'"):
        extract_claims("x", region="Atlantis")
    with pytest.raises(ValueError, match="language='fr'"):
        extract_claims("x", language="fr")


def test_clean_text_and_sentences():
    assert clean_text("a&amp;b<br>c") == "a&b\nc"
    t = "Gen. Syrskyi said on Jan. 5 that the U.S. helped. Russian forces advanced.\n\nNew paragraph"
    assert [t[a:b] for a, b in split_sentences(t)] == [
        "Gen. Syrskyi said on Jan. 5 that the U.S. helped.", "Russian forces advanced.", "New paragraph"]


def test_output_is_the_claims_format_and_builds(tmp_path):
    ex = extract_claims(REPORT, published="2025-01-07", source_url="https://example.org/report")
    out = tmp_path / "claims.csv"
    ex.write(out)
    claims = read_claims(out)
    assert len(claims) == 6 and all(c.source_url == "https://example.org/report" for c in claims)
    assert {c.place.id for c in claims if c.place} == {"theatre:berdin", "theatre:russkoye-porechnoye",
                                                       "theatre:novosotnitsky", "theatre:malaya-loknya"}


def test_cli_extract(tmp_path, capsys, monkeypatch):
    art = tmp_path / "report.html"
    art.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "claims.csv"
    assert main(["extract", str(art), "--published", "2025-01-07", "-o", str(out)]) == 0
    assert "wrote" in capsys.readouterr().err
    assert main(["build", str(out), "-o", str(tmp_path / "x.gpkg")]) == 0
    capsys.readouterr()
    import io

    monkeypatch.setattr("sys.stdin", io.StringIO("Russian forces captured Sudzha on Jan. 3."))
    assert main(["extract", "-", "--published", "2025-01-07"]) == 0
    csv_out = capsys.readouterr().out
    assert csv_out.splitlines()[0].startswith("claim_id,date,claimant") and "2025-01-03" in csv_out
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert main(["extract", str(art), "--published", "soon"]) == 2
