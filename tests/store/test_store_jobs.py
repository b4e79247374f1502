"""Store-level jobs: ingest, incremental detect equal to a full rerun, atomic runs, exports."""

from __future__ import annotations

import csv
import json
import sqlite3

import pyarrow.parquet as pq
import pytest

from echoscope import api
from echoscope.detect.job import run_detect
from echoscope.detect.params import DetectParams
from echoscope.errors import EchoscopeError, InputError
from echoscope.store.sqlite import Store


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path


def corpus(maker, n_docs=12, n_points=4, copies=3, seed_offset=0):
    """Documents with planted passages; returns records (id, series, text)."""
    bodies = [maker.sentences(120) for _ in range(n_docs)]
    points = [maker.sentences(40) for _ in range(n_points)]
    for p, passage in enumerate(points):
        for k in range(copies):
            d = (p * 3 + k * 5) % n_docs
            bodies[d] += " " + passage + " " + maker.sentences(15)
    return [
        {"id": f"d{seed_offset + i:03d}", "text": t, "speaker": f"s{i % 4}"}
        for i, t in enumerate(bodies)
    ]


def rows(db):
    with Store(db, create=False) as s:
        return sorted(p.as_dict().__repr__() for p in s.iter_passages())


def test_incremental_detect_equals_full_rerun(tmp_path, maker):
    docs = corpus(maker, n_docs=30, n_points=8)
    # documents added later repeat old passages and bring new ones
    late = corpus(maker, n_docs=10, n_points=3, seed_offset=100)
    late[0]["text"] += " " + docs[5]["text"][-300:]
    inc, full = tmp_path / "inc.db", tmp_path / "full.db"
    api.ingest(inc, [write_jsonl(tmp_path / "a.jsonl", docs)])
    first = api.detect(inc)
    assert first.mode == "full" and first.passages > 0
    api.ingest(inc, [write_jsonl(tmp_path / "b.jsonl", late)])
    second = api.detect(inc)
    assert second.mode == "incremental" and second.new_docs == len(late)
    api.ingest(full, [tmp_path / "a.jsonl", tmp_path / "b.jsonl"])
    api.detect(full)
    assert rows(inc) == rows(full)
    assert api.detect(inc).mode == "up-to-date"


def test_incremental_handles_seeds_that_new_documents_make_boilerplate(tmp_path, maker):
    # a passage shared by two old documents; new documents repeat it until it passes max_df
    shared = maker.sentences(40)
    old = [{"id": f"o{i}", "text": maker.sentences(60) + " " + shared} for i in range(2)]
    new = [{"id": f"n{i}", "text": shared + " " + maker.sentences(60)} for i in range(3)]
    params = DetectParams(max_df=3)
    inc, full = tmp_path / "inc.db", tmp_path / "full.db"
    api.ingest(inc, [write_jsonl(tmp_path / "old.jsonl", old)])
    assert api.detect(inc, params).passages == 1
    api.ingest(inc, [write_jsonl(tmp_path / "new.jsonl", new)])
    res = api.detect(inc, params)
    assert res.mode == "incremental"
    api.ingest(full, [tmp_path / "old.jsonl", tmp_path / "new.jsonl"])
    api.detect(full, params)
    assert rows(inc) == rows(full) == []


def test_changed_parameters_force_a_full_run(tmp_path, maker):
    db = tmp_path / "t.db"
    api.ingest(db, [write_jsonl(tmp_path / "a.jsonl", corpus(maker))])
    api.detect(db)
    assert api.detect(db, DetectParams(min_tokens=20)).mode == "full"


def test_a_failing_run_leaves_previous_results(tmp_path, maker, monkeypatch):
    db = tmp_path / "t.db"
    api.ingest(db, [write_jsonl(tmp_path / "a.jsonl", corpus(maker))])
    api.detect(db)
    before = rows(db)
    api.ingest(db, [write_jsonl(tmp_path / "b.jsonl", corpus(maker, seed_offset=50))])

    def boom(*a, **k):
        raise KeyboardInterrupt  # as if the process were interrupted mid-write

    monkeypatch.setattr(
        Store, "save_run", lambda self, conn, **kw: (conn.execute("DELETE FROM passages"), boom())
    )
    with Store(db, create=False) as s, pytest.raises(KeyboardInterrupt):
        run_detect(s, DetectParams(), progress=False)
    assert rows(db) == before
    monkeypatch.undo()
    assert api.detect(db).mode == "incremental"  # resumes from the last committed run


def test_ingest_is_all_or_nothing_and_rejects_duplicates(tmp_path, maker):
    db = tmp_path / "t.db"
    good = corpus(maker, n_docs=5)
    path = write_jsonl(tmp_path / "a.jsonl", good)
    api.ingest(db, [path])
    with pytest.raises(InputError, match="duplicate id 'd000'"):
        api.ingest(db, [path])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x1", "text": "fine"}\n{"id": "x2", "text": \n', encoding="utf-8")
    with pytest.raises(InputError, match=r"bad.jsonl:2"):
        api.ingest(db, [bad])
    with Store(db) as s:
        assert s.count_documents() == 5
    res = api.ingest(db, [bad], skip_bad=True, rejects_path=str(tmp_path / "rej.jsonl"))
    assert res.added == 1 and len(res.rejected) == 1
    assert json.loads((tmp_path / "rej.jsonl").read_text())["line"] == 2


def test_empty_corpus_is_an_error(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(EchoscopeError, match="no documents"):
        api.ingest(tmp_path / "t.db", [empty])


def test_exports_carry_offsets_metadata_and_text(tmp_path, maker):
    db = tmp_path / "t.db"
    docs = corpus(maker)
    api.ingest(db, [write_jsonl(tmp_path / "a.jsonl", docs)])
    n = api.detect(db).passages
    texts = {d["id"]: d["text"] for d in docs}
    assert api.export(db, tmp_path / "p.jsonl", "jsonl") == n
    recs = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text().splitlines()]
    for r in recs:
        assert texts[r["doc_a"]][r["start_a"] : r["end_a"]] == r["text_a"]
        assert texts[r["doc_b"]][r["start_b"] : r["end_b"]] == r["text_b"]
        assert r["speaker_a"].startswith("s")
    assert api.export(db, tmp_path / "p.csv", "csv") == n
    with open(tmp_path / "p.csv", newline="", encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == n
    assert api.export(db, tmp_path / "p.parquet", "parquet") == n
    table = pq.read_table(tmp_path / "p.parquet")
    assert table.num_rows == n and table.column("start_a").to_pylist() == [
        r["start_a"] for r in recs
    ]


def test_store_opens_in_plain_sqlite(tmp_path, maker):
    db = tmp_path / "t.db"
    api.ingest(db, [write_jsonl(tmp_path / "a.jsonl", corpus(maker))])
    api.detect(db)
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    (n,) = con.execute(
        "SELECT count(*) FROM passages p JOIN documents d ON d.id = p.doc_a"
    ).fetchone()
    assert n == len(api.pairs(db))
    params = json.loads(con.execute("SELECT params FROM runs").fetchone()[0])
    assert params["ngram"] == DetectParams().ngram


def test_query_mode_finds_echoes_without_changing_the_store(tmp_path, maker):
    db = tmp_path / "t.db"
    docs = corpus(maker)
    api.ingest(db, [write_jsonl(tmp_path / "a.jsonl", docs)])
    api.detect(db)
    before = rows(db)
    speech = maker.sentences(30) + " " + docs[3]["text"][100:600] + " " + maker.sentences(30)
    echoes = api.query(db, speech)
    assert echoes and {e.doc_b for e in echoes} == {"d003"}
    e = echoes[0]
    assert e.doc_a == "query:query"
    assert (
        speech[e.start_a : e.end_a].split()[1:-1]
        == docs[3]["text"][e.start_b : e.end_b].split()[1:-1]
    )
    assert rows(db) == before
