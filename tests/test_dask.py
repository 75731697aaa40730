"""Corpora and archives on Dask: the same results on a LocalCluster (2 worker processes) as in one process.

The cluster listens on 127.0.0.1 only and has no dashboard; it is shared by this module's tests.
"""

from __future__ import annotations

import json
import subprocess
import sys
import warnings
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import geoclaims
from geoclaims import read_snapshots
from geoclaims.extract.corpus import CORPUS_COLUMNS, extract_corpus
from geoclaims.errors import CorpusError, InvalidArgument
from geoclaims.observed import SnapshotWarning
from tests.conftest import ROOT

SEED_REPORT = ROOT / "examples" / "seed" / "report.txt"


@pytest.fixture(scope="module")
def client():
    from distributed import Client, LocalCluster

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # distributed's own start-up notices
        cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address=None, memory_limit="3GiB")
        c = Client(cluster)
    yield c
    c.close()
    cluster.close()


# -- a corpus -----------------------------------------------------------------------------------------------
SENTENCES = [
    "Russian forces captured {p}, the Russian Defense Ministry said on Jan. {d}.",
    "ISW assessed that Ukrainian forces advanced in southern {p} on Jan. {d}.",
    "Geolocated footage published on Jan. {d} indicates that Russian forces advanced west of {p}.",
    "Ukrainian forces repelled Russian assaults near {p}, the General Staff reported.",
    "Kyiv now holds about {n} square kilometers of the region, a commander said.",
    "The weather was cold and the roads were muddy near the front.",
]
PLACES = ["Berdin", "Sudzha", "Malaya Loknya", "Makhnovka", "Plekhovo", "Kurilovka", "Russkoye Porechnoye"]


def report(i: int) -> str:
    rng = np.random.default_rng(i)
    lines = ["date 2025-01-09"]
    for _ in range(12):
        s = SENTENCES[int(rng.integers(len(SENTENCES)))]
        lines.append(s.format(p=PLACES[int(rng.integers(len(PLACES)))], d=int(rng.integers(1, 9)),
                              n=int(rng.integers(300, 1300))))
    return " ".join(lines)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("corpus")
    for i in range(30):
        sub = d / ("a" if i % 2 else "b")
        sub.mkdir(exist_ok=True)
        (sub / f"r{i:03d}.txt").write_text(report(i), encoding="utf-8")
    (d / "seed.html").write_text("<html><body><p>" + SEED_REPORT.read_text(encoding="utf-8") + "</p></body></html>",
                                 encoding="utf-8")
    return d


def one_by_one(folder: Path) -> pd.DataFrame:
    """The corpus as extract_claims gives it, document by document (what extract_corpus must equal)."""
    frames = []
    for p in sorted(x for x in folder.rglob("*") if x.suffix in (".txt", ".html")):
        doc = str(p.relative_to(folder))
        df = geoclaims.extract_claims(p.read_text(encoding="utf-8")).to_dataframe()
        df.insert(0, "doc", doc)
        df["claim_id"] = doc + "#" + df["claim_id"]
        frames.append(df)
    out = pd.concat(frames, ignore_index=True)
    return out.astype({c: "float64" for c in ("distance_km", "area_km2", "confidence")})


def test_extract_corpus_in_one_process_equals_extract_claims_per_document(corpus):
    got = extract_corpus(corpus)
    want = one_by_one(corpus)
    assert list(got.columns) == list(CORPUS_COLUMNS) and len(got) > 100
    pd.testing.assert_frame_equal(got, want, check_dtype=False)
    assert got["doc"].iloc[0] == "a/r001.txt"
    assert (got.groupby("claim_id")["doc"].nunique() == 1).all()  # ids never shared between documents


def test_extract_corpus_on_the_cluster_is_identical_and_loads_one_gazetteer_per_worker(corpus, client):
    from geoclaims.places import gazetteer

    local = extract_corpus(corpus)
    remote = extract_corpus(corpus, client=client, partition_size=3)  # 11 tasks on 2 workers
    pd.testing.assert_frame_equal(remote, local)
    loads = client.run(lambda: gazetteer._default_gazetteer.cache_info().misses)
    assert sorted(loads.values()) == [1, 1]


def test_frames_in_and_dask_frames_out(client):
    import dask.dataframe as dd

    docs = pd.DataFrame({"doc": [f"d{i}" for i in range(12)], "text": [report(i) for i in range(12)],
                         "published": ["2025-01-09"] * 6 + [None] * 6, "region": "Kursk Oblast"})
    local = extract_corpus(docs, published="2025-02-01")
    assert set(local["region"]) == {"Kursk Oblast"}
    lazy = extract_corpus(dd.from_pandas(docs, npartitions=4), published="2025-02-01")
    assert type(lazy).__module__.startswith("dask")
    pd.testing.assert_frame_equal(lazy.compute(scheduler=client).reset_index(drop=True), local)
    pd.testing.assert_frame_equal(extract_corpus(docs, client=client, published="2025-02-01"), local)


def test_a_bad_document_costs_only_itself(corpus, tmp_path, client):
    files = sorted(corpus.rglob("*.txt"))[:4]
    bad = tmp_path / "cp1251.txt"
    bad.write_bytes("Российские войска заняли Бердин.".encode("cp1251"))
    paths = [files[0], bad, tmp_path / "missing.txt", *files[1:]]
    for c in (None, client):
        with pytest.raises(CorpusError) as e:
            extract_corpus(paths, client=c)
        assert [d for d, _ in e.value.failures] == ["cp1251.txt", "missing.txt"]
        assert "cp1251" in str(e.value) and "missing.txt" in str(e.value)
        pd.testing.assert_frame_equal(e.value.result, extract_corpus([files[0], *files[1:]]))
        kept = extract_corpus(paths, client=c, on_error="collect")
        assert kept[kept.error != ""]["doc"].tolist() == ["cp1251.txt", "missing.txt"]
        assert len(kept[kept.error == ""]) == len(e.value.result)
    as_cp1251 = extract_corpus(paths, encoding="cp1251", on_error="collect")
    assert as_cp1251.query("error != ''")["doc"].tolist() == ["missing.txt"]
    assert ("cp1251.txt", "Berdin") in set(zip(as_cp1251["doc"], as_cp1251["place"]))


def test_extract_corpus_checks_its_arguments(corpus, tmp_path):
    with pytest.raises(InvalidArgument, match="valid: raise, collect"):
        extract_corpus(corpus, on_error="ignore")
    with pytest.raises(InvalidArgument, match="'text' column"):
        extract_corpus(pd.DataFrame({"body": ["x"]}))
    with pytest.raises(InvalidArgument, match="no documents"):
        extract_corpus(tmp_path)
    with pytest.raises(InvalidArgument, match="partition_size"):
        extract_corpus(corpus, partition_size=0)


# -- an archive ----------------------------------------------------------------------------------------------
def _front(n_days: int, folder: Path, seed: int = 3) -> Path:
    """DeepState-like daily snapshots whose front moves a little every day, plus one broken file."""
    rng = np.random.default_rng(seed)
    lat = np.linspace(47.9, 48.6, 400)
    lon = 37.6 + np.cumsum(rng.normal(0, 0.002, 400))
    folder.mkdir(parents=True, exist_ok=True)
    for day in range(n_days):
        k = int(rng.integers(0, 300))
        lon[k:k + 80] += np.sin(np.linspace(0, np.pi, 80)) * rng.normal(0, 0.01)
        front = np.column_stack([lon, lat]).round(6).tolist()
        occupied = [*front, [38.4, 48.6], [38.4, 47.9], front[0]]
        grey = [*front[::-1], *[[x - 0.02, y] for x, y in front], front[-1]]
        feats = [{"type": "Feature", "properties": {"name": "Окуповано /// Occupied /// geoJSON.status.occupied"},
                  "geometry": {"type": "Polygon", "coordinates": [occupied]}},
                 {"type": "Feature", "properties": {"name": "Сіра зона /// Unknown /// geoJSON.status.unknown\n"},
                  "geometry": {"type": "Polygon", "coordinates": [grey]}}]
        (folder / f"{1700000000 + 86400 * day}.geojson").write_text(json.dumps({"type": "FeatureCollection",
                                                                                "features": feats}))
    (folder / f"{1700000000 + 86400 * n_days}.geojson").write_text('{"type": "FeatureCollection", "feat')
    return folder


def _read(path, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tl = read_snapshots(path, preset="deepstate", **kw)
    return tl, [str(w.message) for w in caught if issubclass(w.category, SnapshotWarning)]


def _same_timeline(a, b) -> None:
    assert a.dates == b.dates and a.unknown_keys == b.unknown_keys
    assert [str(p) for p in a.problems] == [str(p) for p in b.problems]
    pd.testing.assert_frame_equal(a.area_series(freq="claims"), b.area_series(freq="claims"))
    for d in a.dates[:: max(1, len(a.dates) // 4)]:
        sa, sb = a.state(d), b.state(d)
        assert sa.drop(columns="geometry").equals(sb.drop(columns="geometry"))
        assert all(x.equals_exact(y, 0) for x, y in zip(sa.geometry, sb.geometry))


@pytest.mark.parametrize("form", ["folder", "zip"])
def test_read_snapshots_on_the_cluster_gives_the_same_timeline(tmp_path, client, form):
    folder = _front(16, tmp_path / "front")
    path = folder
    if form == "zip":
        path = tmp_path / "front.zip"
        with zipfile.ZipFile(path, "w") as z:
            for f in sorted(folder.iterdir()):
                z.write(f, f.name)
    one, warned_one = _read(path, workers=1)
    two, warned_two = _read(path, client=client)
    assert warned_one == warned_two and any("truncated" in w for w in warned_two)
    _same_timeline(one, two)
    region = _read(path, client=client, region="Donetsk Oblast")[0]
    _same_timeline(_read(path, workers=1, region="Donetsk Oblast")[0], region)


def test_area_series_on_the_cluster_is_the_same_to_the_last_bit(tmp_path, client, kursk):
    observed = _read(_front(12, tmp_path / "front"), workers=1)[0]
    for tl in (observed, kursk):
        for kw in ({}, {"region": "Ukraine"}, {"region": (37.5, 48.0, 38.0, 48.3)}, {"freq": "W", "side": "RU"}):
            pd.testing.assert_frame_equal(tl.area_series(**kw, client=client), tl.area_series(**kw), check_exact=True)


def test_import_geoclaims_loads_no_database_or_dask():
    code = ("import sys, geoclaims; geoclaims.geocode('Berdin'); geoclaims.Ledger; geoclaims.extract_corpus; "
            "print(','.join(m for m in ('sqlalchemy', 'dask', 'distributed', 'geoalchemy2', 'pg8000') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.strip()
    assert out == ""
