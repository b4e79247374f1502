"""Paraphrase matching: the stage functions on hand-made vectors, and a run with the model."""

from __future__ import annotations

import json
import sqlite3

import numpy as np
import pytest

from echoscope.detect.params import DetectParams, SemanticParams
from echoscope.detect.semantic import (
    Sentences,
    accepted,
    chain_runs,
    conflicting,
    find_runs,
    generic_sentences,
    inside_passages,
    passage_rows,
    sharing,
    specifics,
)
from echoscope.store.sqlite import Store

NO_LEXICAL = {c: np.zeros(0, np.int64) for c in ("doc_a", "start_a", "end_a")} | {
    c: np.zeros(0, np.int64) for c in ("doc_b", "start_b", "end_b")
}


def sentences(layout: list[int], vectors: np.ndarray | None = None) -> Sentences:
    """Sentences of documents with ``layout[d]`` sentences each, 10 characters apart."""
    doc = np.repeat(np.arange(len(layout)), layout)
    pos = np.concatenate([np.arange(n) for n in layout]).astype(np.int32)
    start = (pos * 10).astype(np.int32)
    if vectors is None:
        vectors = np.eye(len(doc), 8, dtype=np.float32)
    return Sentences(doc, pos, start, start + 9, vectors)


def test_runs_follow_order_on_both_sides_and_split_at_gaps():
    s = sentences([6, 6])  # sentences 0-5 in doc 0, 6-11 in doc 1
    # doc0 s0~s0, s1~s1 and s1~s2 (one sentence said as two), then s5~s5 after a gap of 3
    a = np.array([0, 1, 1, 5])
    b = np.array([6, 7, 8, 11])
    sim = np.array([0.7, 0.8, 0.6, 0.9], np.float32)
    runs = chain_runs(a, b, sim, s, gap=1)
    order = np.argsort(runs.start_a)
    assert runs.start_a[order].tolist() == [0, 50]
    assert runs.end_a[order].tolist() == [19, 59]
    assert runs.start_b[order].tolist() == [0, 50]
    assert runs.end_b[order].tolist() == [29, 59]  # the split sentence is inside
    assert runs.pairs[order].tolist() == [3, 1]
    assert runs.sentences[order].tolist() == [2, 1]
    assert runs.similarity[order][0] == pytest.approx(0.7)


def test_crossing_matches_are_separate_runs():
    s = sentences([4, 4])
    a, b = np.array([0, 1]), np.array([5, 4])  # s0~s1 then s1~s0: out of order
    runs = chain_runs(a, b, np.array([0.9, 0.9], np.float32), s, gap=1)
    assert len(runs.pairs) == 2


def test_a_sentence_matching_many_documents_is_generic():
    doc = np.repeat(np.arange(9), 1)
    a = np.zeros(8, np.int64)  # sentence 0 matches one sentence in each of 8 documents
    b = np.arange(1, 9)
    df, generic = generic_sentences(a, b, doc, max_docs=6)
    assert df[0] == 8 and generic[0]
    assert not generic[1:].any()


def test_different_numbers_or_names_in_one_frame_conflict():
    spec = specifics(
        [
            "By June we will have installed 165 solar pumps in Bhelgarh.",
            "Since May we have installed 169 solar pumps in Kharsana.",
            "Twenty thousand vials reached the store in Retnagar for the hospitals.",
            "A consignment from Retnagar was found in private pharmacies.",
            "The government has failed the people.",
        ]
    )
    a, b = np.array([0, 2, 0]), np.array([1, 3, 4])
    assert conflicting(a, b, spec).tolist() == [True, False, False]
    assert sharing(a, b, spec).tolist() == [False, True, False]


def test_pairs_inside_a_lexical_passage_are_left_to_it():
    s = sentences([3, 3])
    lexical = {
        "doc_a": np.array([0]),
        "start_a": np.array([0]),
        "end_a": np.array([15]),
        "doc_b": np.array([1]),
        "start_b": np.array([0]),
        "end_b": np.array([15]),
    }
    inside = inside_passages(np.array([0, 2]), np.array([3, 5]), s, lexical)
    assert inside.tolist() == [True, False]


def test_find_runs_gives_character_offsets_of_in_order_sentences():
    rng = np.random.default_rng(7)
    base = rng.normal(size=(6, 16)).astype(np.float32)
    noise = rng.normal(scale=0.15, size=(6, 16)).astype(np.float32)
    # doc 0: sentences 0-2; doc 1 says sentences 1 and 2 again (reworded: a little noise)
    vec = np.vstack([base[:3], base[3:6], base[1:3] + noise[:2]])
    vec /= np.linalg.norm(vec, axis=1, keepdims=True)
    s = sentences([3, 3, 2], vec)
    series = np.array([0, 1, 2])
    p = SemanticParams(threshold=0.8, max_docs=6, neighbours=4)
    runs = find_runs(s, series, NO_LEXICAL, p)
    keep = accepted(runs, p)
    texts = {"d0": "x" * 30, "d1": "y" * 30, "d2": "z" * 20}
    rows = passage_rows(runs, keep, ["d0", "d1", "d2"], texts.__getitem__)
    assert [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows] == [("d0", 10, 29, "d2", 0, 19)]
    assert rows[0][10] == "paraphrase" and rows[0][12] > 0.8


def test_same_series_documents_are_never_matched():
    vec = np.tile(np.eye(1, 8, dtype=np.float32), (4, 1))
    s = sentences([2, 2], vec)
    runs = find_runs(s, np.array([0, 0]), NO_LEXICAL, SemanticParams(max_docs=6))
    assert len(runs.pairs) == 0


def test_an_older_store_gains_the_new_columns(tmp_path):
    db = tmp_path / "old.db"
    with Store(db):
        pass
    con = sqlite3.connect(db)
    con.executescript(
        "ALTER TABLE passages DROP COLUMN similarity; ALTER TABLE point_members DROP COLUMN match;"
    )
    con.close()
    with Store(db) as store:
        cols = {r[1] for r in store.conn.execute("PRAGMA table_info(passages)")}
        assert "similarity" in cols
        cols = {r[1] for r in store.conn.execute("PRAGMA table_info(point_members)")}
        assert "match" in cols


# -- with the packaged model (the optional extra; `make test` installs it) -------------------

DOCS = [
    (
        "a1",
        "Keshvani",
        "Good evening to all of you. The leader of the ruling party has secret links to a "
        "foreign intelligence agency. He takes his orders from abroad and betrays the nation "
        "every single day. Our farmers need water for the spring sowing in the valley.",
    ),
    (
        "b1",
        "Tolani",
        "The new bridge in the north opened on Monday after two years of work. The head of "
        "the governing party is secretly in league with spies from a foreign country. Every "
        "day he obeys orders sent from abroad and betrays his own nation. Thank you.",
    ),
    (
        "c1",
        "Herald",
        "The price of flour rose again this week in the markets of the capital, traders said, "
        "and bakers warned that bread would cost more before the holidays begin.",
    ),
]


def _write_corpus(path, docs):
    with open(path, "w", encoding="utf-8") as fh:
        for day, (doc_id, series, text) in enumerate(docs, 1):
            rec = {"id": doc_id, "series": series, "date": f"2026-02-{day:02d}", "text": text}
            fh.write(json.dumps(rec) + "\n")


@pytest.fixture(scope="module")
def semantic_store(tmp_path_factory):
    pytest.importorskip("sentence_transformers")
    pytest.importorskip("faiss")
    from echoscope.detect.job import run_detect
    from echoscope.ingest import ingest

    tmp = tmp_path_factory.mktemp("semantic")
    _write_corpus(tmp / "docs.jsonl", DOCS)
    db = tmp / "s.db"
    with Store(db) as store:
        ingest(store, [tmp / "docs.jsonl"], progress=False)
        res = run_detect(store, DetectParams(), progress=False, semantic=SemanticParams())
    return tmp, db, res


def test_the_paraphrased_allegation_is_found_with_its_offsets(semantic_store):
    _tmp, db, res = semantic_store
    assert res.stats.counts["docs_embedded"] == 3
    with Store(db) as store:
        rows = store.conn.execute(
            "SELECT doc_a, start_a, end_a, doc_b, start_b, end_b, kind, similarity, ops "
            "FROM passages"
        ).fetchall()
        texts = store.texts(["a1", "b1"])
        members = store.conn.execute("SELECT doc, match FROM point_members").fetchall()
    assert len(rows) == 1
    da, sa, ea, db_, sb, eb, kind, similarity, ops = rows[0]
    assert (da, db_, kind, ops) == ("a1", "b1", "paraphrase", "")
    assert texts["a1"][sa:ea].startswith("The leader of the ruling party")
    assert texts["a1"][sa:ea].endswith("every single day.")
    assert texts["b1"][sb:eb].startswith("The head of the governing party")
    assert texts["b1"][sb:eb].endswith("betrays his own nation.")
    assert 0.55 <= similarity <= 1.0
    assert sorted(members) == [("a1", None), ("b1", "paraphrase")]  # a talking point


def test_the_viewer_shows_a_paraphrase_side_by_side(semantic_store):
    from echoscope.web import data

    _tmp, db, _res = semantic_store
    con = sqlite3.connect(db)
    con.row_factory = sqlite3.Row
    (pid,) = con.execute("SELECT id FROM passages WHERE kind = 'paraphrase'").fetchone()
    d = data.pair(con, pid)
    assert d["kind"] == "paraphrase" and d["similarity"] >= 0.55
    shown = "".join(seg["text"] for seg in d["a"]["segments"])
    assert shown.startswith("The leader of the ruling party")
    assert all("cls" not in seg for seg in d["a"]["segments"])  # no word alignment claimed


def test_vectors_are_cached_and_only_new_documents_are_embedded(semantic_store):
    from echoscope.detect.job import run_detect
    from echoscope.ingest import ingest

    tmp, db, _res = semantic_store
    with Store(db) as store:
        again = run_detect(store, DetectParams(), progress=False, semantic=SemanticParams())
        assert again.mode == "up-to-date"
        _write_corpus(
            tmp / "more.jsonl",
            [("d1", "Ostrander", "Schools in the hills have no teachers this term at all.")],
        )
        ingest(store, [tmp / "more.jsonl"], progress=False)
        res = run_detect(store, DetectParams(), progress=False, semantic=SemanticParams())
        assert res.mode == "incremental"
        assert res.stats.counts["docs_embedded"] == 1
        assert store.conn.execute(
            "SELECT count(*) FROM passages WHERE kind = 'paraphrase'"
        ).fetchone() == (1,)
        # without --semantic the result is a lexical run's: the paraphrase goes
        res = run_detect(store, DetectParams(), progress=False)
        assert res.mode == "semantic"  # the lexical passages stand; paraphrases change
        assert store.conn.execute("SELECT count(*) FROM passages").fetchone() == (0,)


def test_without_the_extra_semantic_mode_says_how_to_install_it(monkeypatch):
    import importlib.util

    from echoscope.detect.semantic_job import require_semantic
    from echoscope.errors import EchoscopeError

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "faiss" else real(name)
    )
    with pytest.raises(EchoscopeError, match=r"echoscope\[semantic\].*faiss"):
        require_semantic()


def test_semantic_runs_on_the_local_engine_only(tmp_path):
    from echoscope.cli import main

    with Store(tmp_path / "x.db"):
        pass
    assert main(["detect", "--db", str(tmp_path / "x.db"), "--semantic", "--engine", "spark"]) != 0
