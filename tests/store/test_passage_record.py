"""One passage record, PassagePair, from the engines to the store, the talking points, the
terminal and the exports; its kind an enum whose values are the store's texts."""

from __future__ import annotations

import dataclasses
import random
import sqlite3

import pyarrow.parquet as pq
import pytest

from echoscope import api
from echoscope.detect.job import load_corpus, passage_pairs
from echoscope.detect.local import detect
from echoscope.detect.ops import swapped
from echoscope.detect.params import DetectParams
from echoscope.model import (
    LEXICAL_KINDS,
    PASSAGE_KINDS,
    PIECE_KINDS,
    SEMANTIC_KINDS,
    Document,
    PassageKind,
    PassagePair,
    passage_order,
)
from echoscope.points.build import build_points, points_from
from echoscope.store import reader
from echoscope.store.export import export_pairs
from echoscope.store.sqlite import PASSAGE_COLUMNS, Store

KIND_TEXTS = ["verbatim", "edited", "reordered", "paraphrase", "translation"]


def test_the_kinds_are_the_texts_the_store_and_eval_kind_use():
    from echoscope.cli import build_parser

    assert [k.value for k in PassageKind] == KIND_TEXTS
    # printed (the terminal, messages) and formatted as that text too
    assert [str(k) for k in PassageKind] == [f"{k}" for k in PassageKind] == KIND_TEXTS
    assert list(PASSAGE_KINDS) == list(PassageKind) == KIND_TEXTS
    assert (*LEXICAL_KINDS, *SEMANTIC_KINDS) == PASSAGE_KINDS
    assert set(PIECE_KINDS) == {"reordered", "paraphrase", "translation"}
    assert all(type(k) is PassageKind for k in (*PASSAGE_KINDS, *PIECE_KINDS))
    (commands,) = [a for a in build_parser()._actions if a.dest == "command"]
    (kind,) = [a for a in commands.choices["eval"]._actions if a.dest == "kind"]
    assert kind.choices == KIND_TEXTS
    assert all(type(c) is str for c in kind.choices)  # a bad value's answer lists them as text


def test_the_record_is_the_store_row_field_for_field():
    fields = [f.name for f in dataclasses.fields(PassagePair)]
    assert list(PASSAGE_COLUMNS) == fields
    pair = _pairs()[0]
    assert list(pair.as_dict()) == fields
    assert list(pair.as_dict().values()) == [getattr(pair, f) for f in fields]
    assert pair.spans == (
        pair.doc_a,
        pair.start_a,
        pair.end_a,
        pair.doc_b,
        pair.start_b,
        pair.end_b,
    )


def _pairs() -> list[PassagePair]:
    """One passage of each kind between documents a, b and c, ``ops`` in the kind's form."""
    return [
        PassagePair("a", 0, 20, "b", 5, 25, 4, 4, 4.0, 1.0, PassageKind.VERBATIM, "4=", 1.0),
        PassagePair(
            "a", 30, 60, "b", 30, 58, 6, 5, 4.0, 0.6667, PassageKind.EDITED, "3=1D2=", 0.6667
        ),
        PassagePair(
            "a",
            70,
            99,
            "c",
            0,
            29,
            6,
            6,
            5.0,
            0.8333,
            PassageKind.REORDERED,
            "0-9:20-29;10-29:0-19",
            0.8333,
        ),
        PassagePair(
            "b", 60, 90, "c", 40, 75, 6, 7, 5.1, 0.5, PassageKind.PARAPHRASE, "0-30:0-35", 0.85
        ),
        PassagePair(
            "b", 95, 99, "c", 80, 95, 1, 3, 0.79, 0.0, PassageKind.TRANSLATION, "0-4:0-15", 0.79
        ),
    ]


def _store_with(path, pairs: list[PassagePair]) -> Store:
    store = Store(path)
    with store.transaction() as conn:
        ingest = store.start_ingest(conn, "test")
        docs = [Document(d, ("x" * 99 + " ") * 2, series=d) for d in "abc"]
        store.add_documents(conn, docs, ingest)
        store.save_run(
            conn,
            started="2026-01-01T00:00:00",
            engine="local",
            mode="full",
            params={},
            docs=3,
            new_docs=3,
            last_doc=3,
            counts={},
            seconds={},
            replace_pairs=None,
            passages=pairs,
        )
    return store


def test_each_kind_comes_back_from_the_store_as_it_went_in(tmp_path):
    pairs = _pairs()
    assert sorted(pairs, key=passage_order) == pairs
    with _store_with(tmp_path / "s.db", list(reversed(pairs))) as store:
        back = list(store.iter_passages())
        assert back == pairs
        assert [type(p.kind) for p in back] == [PassageKind] * len(pairs)
        kinds = store.conn.execute("SELECT kind, typeof(kind) FROM passages ORDER BY kind")
        assert kinds.fetchall() == [(k, "text") for k in sorted(KIND_TEXTS)]
        inputs, _docs = store.point_inputs(store.conn)
        assert inputs == pairs
        strongest = reader.strongest_passages(store.conn, 10)
        assert strongest == sorted(pairs, key=lambda p: -p.score)
        assert all(type(p.kind) is PassageKind for p in strongest)


def test_a_kind_this_version_does_not_know_is_read_as_its_text(tmp_path):
    with _store_with(tmp_path / "s.db", _pairs()[:1]) as store:
        with store.transaction() as conn:
            conn.execute("UPDATE passages SET kind = 'summary'")
        (p,) = store.iter_passages()
        assert p.kind == "summary" and p == dataclasses.replace(_pairs()[0], kind="summary")


def test_swapping_the_sides_twice_gives_the_passage_back():
    for p in _pairs():
        s = swapped(p)
        assert s.spans == (*p.spans[3:], *p.spans[:3])
        assert (s.tokens_a, s.tokens_b) == (p.tokens_b, p.tokens_a)
        assert (s.score, s.identity, s.kind, s.similarity) == (
            p.score,
            p.identity,
            p.kind,
            p.similarity,
        )
        assert swapped(s) == p
    assert swapped(_pairs()[1]).ops == "3=1I2="
    assert swapped(_pairs()[2]).ops == "0-19:10-29;20-29:0-9"


def test_the_engine_records_are_the_store_records(demo_db, tmp_path):
    with Store(demo_db, create=False, readonly=True) as store:
        corpus = load_corpus(store, progress=False)
        stored = list(store.iter_passages())
    found, _ = detect(corpus.tokens, corpus.series, DetectParams())
    pairs = passage_pairs(corpus.ids, found)
    assert all(type(p.kind) is PassageKind for p in pairs)
    assert sorted(pairs, key=passage_order) == stored


def test_exports_write_the_kind_as_the_text_it_is(tmp_path, monkeypatch):
    """Exports of records with enum kinds are byte for byte those of plain-text kinds."""
    pairs = _pairs()
    with _store_with(tmp_path / "s.db", pairs) as store:
        for fmt in ("jsonl", "csv", "parquet"):
            export_pairs(store, fmt, tmp_path / f"enum.{fmt}")
        as_text = [dataclasses.replace(p) for p in pairs]
        for p in as_text:  # set after construction, which turns a kind's text into its member
            p.kind = str.__str__(p.kind)
        assert all(type(p.kind) is str for p in as_text)
        monkeypatch.setattr(Store, "iter_passages", lambda self, **kw: iter(as_text))
        for fmt in ("jsonl", "csv", "parquet"):
            export_pairs(store, fmt, tmp_path / f"text.{fmt}")
    for fmt in ("jsonl", "csv", "parquet"):
        enum_bytes = (tmp_path / f"enum.{fmt}").read_bytes()
        assert enum_bytes == (tmp_path / f"text.{fmt}").read_bytes(), fmt
    table = pq.read_table(tmp_path / "enum.parquet")
    assert table.column("kind").to_pylist() == KIND_TEXTS


def test_points_from_store_records_and_from_spark_rows_are_the_same(demo_db):
    pytest.importorskip("pyspark", reason="the Spark engine is the optional extra")
    from pyspark.sql import Row

    from echoscope.detect import spark_job

    with Store(demo_db, create=False, readonly=True) as store:
        stored = list(store.iter_passages())
        want = build_points(store, store.conn)
        _, docs = store.point_inputs(store.conn)
    # as Spark collects them: rows by column name, kinds as plain text, in no order
    rows = [Row(**{**p.as_dict(), "kind": str.__str__(p.kind)}) for p in stored]
    random.Random(4).shuffle(rows)
    pairs = sorted(spark_job.passage_pairs(rows), key=passage_order)
    assert pairs == stored and all(type(p.kind) is PassageKind for p in pairs)
    got = points_from(pairs, docs)
    assert got == want and len(got[0]) == 9
    assert [m.match for p in got[0] for m in p.members] == [
        m.match for p in want[0] for m in p.members
    ]


def test_the_terminal_shows_the_strongest_records(demo_db):
    with sqlite3.connect(demo_db) as c:
        top = c.execute(
            f"SELECT {', '.join(PASSAGE_COLUMNS)} FROM passages ORDER BY score DESC, doc_a, "
            "doc_b, start_a LIMIT 3"
        ).fetchall()
    assert [dataclasses.astuple(p) for p in api.pairs(demo_db, top=3)] == top
    with Store(demo_db, create=False, readonly=True) as store:
        assert reader.strongest_passages(store.conn, 3) == api.pairs(demo_db, top=3)


def test_a_record_made_with_a_kind_as_text_holds_the_member():
    made = PassagePair("a", 0, 5, "b", 0, 5, 5, 5, 5.0, 1.0, "verbatim", "5=")
    assert type(made.kind) is PassageKind and made.kind is PassageKind.VERBATIM
    unknown = dataclasses.replace(made, kind="quoted")
    assert type(unknown.kind) is str and unknown.kind == "quoted"
