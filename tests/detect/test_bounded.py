"""The engine over the token index, partitioned to fit memory, equals the in-memory engine:
all pairs with hash ranges and pair batches forced many, incremental runs and query mode."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from echoscope import api
from echoscope.detect.bounded import all_pairs, new_pairs, query_echoes
from echoscope.detect.candidates import ALL_PAIRS, ANY_NEW
from echoscope.detect.index import update_index
from echoscope.detect.job import _query_in_memory, load_corpus
from echoscope.detect.local import LexicalPassages, RunStats, detect
from echoscope.detect.params import DetectParams
from echoscope.store.index_files import spill_folder
from echoscope.store.sqlite import Store
from echoscope.text.tokenize import tokenize_batch

DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus.jsonl"
GENCORPUS = Path(__file__).resolve().parents[3] / "shared" / "tools" / "gencorpus.py"
PARAMS = DetectParams()
MEMORY = 1 << 30


def same(a: LexicalPassages, b: LexicalPassages) -> None:
    for f in LexicalPassages.__slots__:
        x, y = getattr(a, f), getattr(b, f)
        if isinstance(x, list):
            assert x == y, f
        else:
            np.testing.assert_array_equal(x, y, err_msg=f)


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> Path:
    """900 generated documents with planted, edited reuse (the shared corpus generator)."""
    if not GENCORPUS.exists():
        pytest.skip("needs the shared corpus generator beside the repo")
    out = tmp_path_factory.mktemp("gen")
    subprocess.run(
        [sys.executable, str(GENCORPUS), str(out), "--docs", "900", "--seed", "5"],
        check=True,
        capture_output=True,
    )
    return out / "docs.jsonl"


def _store(tmp_path: Path, corpus: Path) -> Path:
    db = tmp_path / "t.db"
    api.ingest(db, [corpus])
    return db


@pytest.mark.parametrize("which", ["demo", "generated"])
@pytest.mark.parametrize(("parts", "slices"), [(1, 1), (8, 7), (64, 300)])
def test_all_pairs_partitioned_equals_in_memory(tmp_path, generated, which, parts, slices):
    corpus = DEMO if which == "demo" else generated
    db = _store(tmp_path, corpus)
    with Store(db) as store:
        memory_corpus = load_corpus(store, progress=False)
        index = update_index(store, PARAMS.ngram, MEMORY, progress=False)
        expected, _ = detect(memory_corpus.tokens, memory_corpus.series, PARAMS, mode=ALL_PAIRS)
        with spill_folder(index.folder) as spill:
            got = all_pairs(
                index,
                memory_corpus.series,
                PARAMS,
                memory=MEMORY,
                spill_folder=spill,
                hash_parts=parts,
                slices=slices,
            )
    assert len(expected) > 100
    same(got, expected)


def test_a_tiny_memory_budget_partitions_and_still_agrees(tmp_path, generated):
    db = _store(tmp_path, generated)
    with Store(db) as store:
        memory_corpus = load_corpus(store, progress=False)
        # a bucket spill and sort per hash range, and pair batches of a few thousand matches
        index = update_index(store, PARAMS.ngram, 1 << 20, progress=False)
        expected, _ = detect(memory_corpus.tokens, memory_corpus.series, PARAMS)
        stats = RunStats()
        with spill_folder(index.folder) as spill:
            got = all_pairs(
                index, memory_corpus.series, PARAMS, memory=1 << 20, spill_folder=spill, stats=stats
            )
    assert stats.counts["hash_ranges"] > 1 and stats.counts["pair_batches"] > 1
    same(got, expected)


# a small cap: many seed groups are boilerplate, skipped unread by the index lookups
CAPS = [PARAMS, DetectParams(max_df=3)]


@pytest.fixture(params=["mapped", "streamed"])
def lookups(request, monkeypatch):
    """Index lookups by binary search through the map, or streamed through each run in
    blocks small enough that seed groups span two of them."""
    if request.param == "streamed":
        from echoscope.detect import index as index_module

        monkeypatch.setattr(index_module, "PAGE_ROWS", 10**9)
        monkeypatch.setattr(index_module, "STREAM_ROWS", 1001)
    return request.param


@pytest.mark.parametrize("params", CAPS)
def test_new_pairs_from_the_index_equal_the_in_memory_incremental(
    tmp_path, generated, params, lookups
):
    lines = generated.read_text().splitlines(keepends=True)
    first, rest = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("".join(lines[:700]))
    rest.write_text("".join(lines[700:]))
    db = _store(tmp_path, first)
    with Store(db) as store:
        update_index(store, params.ngram, MEMORY, progress=False)
    api.ingest(db, [rest])
    with Store(db) as store:
        memory_corpus = load_corpus(store, progress=False)
        index = update_index(store, params.ngram, MEMORY, progress=False)
        assert len(index.manifest.runs) == 2
        is_new = np.arange(len(memory_corpus.ids)) >= 700
        expected, expected_extra = detect(
            memory_corpus.tokens, memory_corpus.series, params, is_new=is_new, mode=ANY_NEW
        )
        got, extra = new_pairs(index, memory_corpus.series, is_new, params)
        # the runs read through the map (they fit the budget's share) give the same
        mapped, mapped_extra = new_pairs(index, memory_corpus.series, is_new, params, memory=MEMORY)
    assert len(expected) > 50
    same(got, expected)
    same(mapped, expected)
    np.testing.assert_array_equal(extra, expected_extra)
    np.testing.assert_array_equal(mapped_extra, expected_extra)


@pytest.mark.parametrize("params", CAPS)
def test_query_from_the_index_equals_the_in_memory_query(tmp_path, generated, params, lookups):
    db = _store(tmp_path, generated)
    texts = generated.read_text().splitlines()[::150]
    queries = tokenize_batch([json.loads(t)["text"] for t in texts] + ["nothing echoed here"])
    with Store(db) as store:
        memory_corpus = load_corpus(store, progress=False)
        index = update_index(store, params.ngram, MEMORY, progress=False)
        expected = _query_in_memory(memory_corpus, queries, params)
        got, numbers = query_echoes(index, queries, params)
    got.doc_a, got.doc_b = numbers[got.doc_a], numbers[got.doc_b]
    assert len(expected) > 5
    same(got, expected)


def test_detect_results_do_not_depend_on_the_memory_budget(tmp_path, generated):
    small, large = tmp_path / "small", tmp_path / "large"
    small.mkdir()
    large.mkdir()
    results = []
    for folder, memory in ((small, 1 << 20), (large, 4 << 30)):
        db = _store(folder, generated)
        api.detect(db, memory=memory)
        points = api.points(db)
        results.append(
            (
                [p.as_dict() for p in api.pairs(db)],
                sorted(zip(points["id"], points["docs"], strict=True)),
            )
        )
    assert len(results[0][0]) > 100 and len(results[0][1]) > 10
    assert results[0] == results[1]


def test_query_of_an_index_behind_the_store_tokenizes_only_the_rest(tmp_path, generated):
    lines = generated.read_text().splitlines(keepends=True)
    first, rest = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("".join(lines[:600]))
    rest.write_text("".join(lines[600:]))
    db = _store(tmp_path, first)
    with Store(db) as store:
        index = update_index(store, PARAMS.ngram, MEMORY, progress=False)
    api.ingest(db, [rest])
    texts = [json.loads(t)["text"] for t in lines[::120]]
    queries = tokenize_batch(texts)
    with Store(db) as store:
        memory_corpus = load_corpus(store, progress=False)
        expected = _query_in_memory(memory_corpus, queries, PARAMS)
        unindexed = tokenize_batch([json.loads(t)["text"] for t in lines[600:]])
        got, numbers = query_echoes(index, queries, PARAMS, unindexed=unindexed)
    got.doc_a, got.doc_b = numbers[got.doc_a], numbers[got.doc_b]
    assert len(expected) > 5 and (numbers >= 600).any()
    same(got, expected)
    # and through the API, which reads the index and the documents past it
    assert [p.as_dict() for p in api.query(db, dict(enumerate(texts)))] == [
        p.as_dict() for p in _api_query_in_memory(db, texts)
    ]


def _api_query_in_memory(db, texts):
    from echoscope.detect import job

    with Store(db, readonly=True) as store:
        real = job.open_index
        job.open_index = lambda *_a: None  # the in-memory path
        try:
            return job.run_query(store, list(enumerate(texts)), PARAMS, progress=False)
        finally:
            job.open_index = real


def test_a_seed_over_the_cap_in_the_index_stays_dropped_for_documents_past_it(tmp_path, maker):
    """A phrase repeated past the occurrence cap in an indexed document is boilerplate: a
    document not yet indexed and a query that share it make no passage of it."""
    params = DetectParams(max_df=2)
    phrase = maker.sentences(17)
    indexed = {"d0": " ".join([phrase] * 9), "d1": maker.sentences(80)}
    later = {"u": maker.sentences(30) + " " + phrase + " " + maker.sentences(30)}
    first, rest = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in indexed.items()))
    rest.write_text("".join(json.dumps({"id": k, "text": v}) + "\n" for k, v in later.items()))
    db = _store(tmp_path, first)
    with Store(db) as store:
        index = update_index(store, params.ngram, MEMORY, progress=False)
    api.ingest(db, [rest])
    queries = tokenize_batch([maker.sentences(20) + " " + phrase + " " + maker.sentences(20)])
    with Store(db) as store:
        memory_corpus = load_corpus(store, progress=False)
        expected = _query_in_memory(memory_corpus, queries, params)
        unindexed = tokenize_batch(list(later.values()))
        got, numbers = query_echoes(index, queries, params, unindexed=unindexed)
    got.doc_a, got.doc_b = numbers[got.doc_a], numbers[got.doc_b]
    assert len(expected) == 0
    same(got, expected)
