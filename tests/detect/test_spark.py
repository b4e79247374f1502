"""The Spark engine (local[2]) gives the local engine's passages and talking points."""

from __future__ import annotations

import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="the Spark engine is the optional extra echoscope[spark]")
if shutil.which("java") is None:  # make test installs Java 17 from Debian when it is missing
    pytest.fail("the Spark engine needs Java (make test installs openjdk-17-jre-headless)")

from echoscope import api
from echoscope.detect import spark_job
from echoscope.detect.job import run_detect
from echoscope.detect.params import DetectParams
from echoscope.store.export import POINT_COLUMNS
from echoscope.store.sqlite import PASSAGE_COLUMNS, Store

DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus.jsonl"
MASTER = "local[2]"
PASSAGE_COLS = ", ".join(PASSAGE_COLUMNS)
MEMBER_COLS = ", ".join(f'"{c}"' for c in POINT_COLUMNS)


@pytest.fixture(scope="module")
def spark():
    from echoscope.detect import spark as engine

    session = engine.session(MASTER, **{"spark.ui.enabled": "false"})
    yield session
    session.stop()


def _rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as c:
        return sorted(c.execute(sql).fetchall(), key=repr)


def _both_engines(tmp_path: Path, corpus: Path, params: DetectParams) -> tuple[Path, Path]:
    local, spark_db = tmp_path / "local.db", tmp_path / "spark.db"
    for db in (local, spark_db):
        api.ingest(db, [corpus])
    with Store(local) as store:
        run_detect(store, params, progress=False)
    with Store(spark_db) as store:
        spark_job.run_over_store(store, params, master=MASTER, partitions=3)
    return local, spark_db


def _assert_same_store(local: Path, spark_db: Path) -> None:
    passages = _rows(local, f"SELECT {PASSAGE_COLS} FROM passages")
    assert passages, "the corpus should have reuse"
    assert _rows(spark_db, f"SELECT {PASSAGE_COLS} FROM passages") == passages
    for sql in (
        "SELECT id, docs, speakers, outlets, series, first_date, last_date, rep_doc, rep_start, "
        "rep_end, length, bursts, text FROM points",
        f"SELECT {MEMBER_COLS} FROM point_members",
        "SELECT * FROM actor_edges",
        "SELECT * FROM bursts",
    ):
        assert _rows(spark_db, sql) == _rows(local, sql), sql
    with sqlite3.connect(spark_db) as c:
        assert c.execute("SELECT engine FROM runs").fetchone()[0] == "spark"


def test_demo_corpus_same_passages_and_points(spark, tmp_path):
    local, spark_db = _both_engines(tmp_path, DEMO, DetectParams())
    _assert_same_store(local, spark_db)
    assert len(_rows(spark_db, "SELECT id FROM points")) == 9


def _generated_corpus(path: Path, seed: int = 5, series: bool = True) -> None:
    """Prose-like documents with planted, edited reuse, shared series (never compared) and a
    stock sentence common enough to be capped as boilerplate."""
    rng = random.Random(seed)
    vocab = [
        "".join(rng.choice("bdfgklmnprstvz") + rng.choice("aeiou") for _ in range(3))
        for _ in range(3000)
    ]
    words = lambda n: [rng.choice(vocab) for _ in range(n)]  # noqa: E731
    stock = [
        "we",
        "thank",
        "every",
        "citizen",
        "for",
        "their",
        "patience",
        "and",
        "their",
        "trust",
        "in",
        "this",
        "office",
    ]
    planted = [words(rng.randint(30, 90)) for _ in range(12)]
    docs = []
    for i in range(90):
        body = words(rng.randint(120, 260))
        if i % 3 == 0:
            body = stock + body
        for k, passage in enumerate(planted):
            if i % (k + 4) == 0:
                copy = [w if rng.random() > 0.06 else rng.choice(vocab) for w in passage]
                at = rng.randint(0, len(body))
                body[at:at] = copy
        docs.append(
            {
                "id": f"g{i:03d}",
                "series": f"s{i % 7}" if series and i % 5 else None,
                "date": f"2026-03-{1 + i % 28:02d}T{i % 24:02d}:00",
                "speaker": f"speaker {i % 11}",
                "outlet": f"outlet {i % 6}",
                "text": " ".join(body) + ".",
            }
        )
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")


def test_generated_corpus_same_passages_and_points(spark, tmp_path):
    corpus = tmp_path / "gen.jsonl"
    _generated_corpus(corpus)
    params = DetectParams(max_df=8)  # the stock sentence (30 documents) is capped
    local, spark_db = _both_engines(tmp_path, corpus, params)
    _assert_same_store(local, spark_db)


def test_corpus_without_any_series(spark, tmp_path):
    """A column that is empty in the whole corpus must still reach Spark as text."""
    corpus = tmp_path / "gen.jsonl"
    _generated_corpus(corpus, seed=7, series=False)
    local, spark_db = _both_engines(tmp_path, corpus, DetectParams(max_df=8))
    _assert_same_store(local, spark_db)


def test_files_in_parquet_out(spark, tmp_path):
    """--input/--out: Parquet passages and talking-point occurrences equal the local store's."""
    import pyarrow.parquet as pq

    corpus = tmp_path / "gen.jsonl"
    _generated_corpus(corpus, seed=9)
    params = DetectParams(max_df=8)
    local = tmp_path / "local.db"
    api.ingest(local, [corpus])
    with Store(local) as store:
        run_detect(store, params, progress=False)
    out = tmp_path / "out"
    res = spark_job.run_over_files(str(corpus), str(out), params, master=MASTER, partitions=3)
    table = pq.read_table(out / "passages").to_pylist()
    got = sorted((tuple(r[c] for c in PASSAGE_COLUMNS) for r in table), key=repr)
    assert got == _rows(local, f"SELECT {PASSAGE_COLS} FROM passages")
    members = pq.read_table(out / "points").to_pylist()
    got_members = sorted((tuple(m[n] for n in POINT_COLUMNS) for m in members), key=repr)
    assert got_members == _rows(local, f"SELECT {MEMBER_COLS} FROM point_members")
    assert res.points == len(_rows(local, "SELECT id FROM points"))


def test_bad_input_files_are_refused_with_the_file_named(spark, tmp_path):
    from echoscope.errors import EchoscopeError

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "fine words"}\n{"id": "b", "text": \n{"text": "no id"}\n')
    with pytest.raises(EchoscopeError, match=r"2 records are not documents.*bad\.jsonl"):
        spark_job.run_over_files(str(bad), str(tmp_path / "o"), DetectParams(), master=MASTER)
    dup = tmp_path / "dup.jsonl"
    dup.write_text('{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n')
    with pytest.raises(EchoscopeError, match=r"unique.*'a' \(2 times, in .*dup\.jsonl\)"):
        spark_job.run_over_files(str(dup), str(tmp_path / "o"), DetectParams(), master=MASTER)


def test_files_without_metadata_with_empty_series_and_with_no_reuse(spark, tmp_path):
    """No date, speaker or outlet at all; "" as a series (no series, as ingest reads it); and a
    second input with no reuse, whose points/ must replace the first run's."""
    import pyarrow.parquet as pq

    rng = random.Random(3)
    shared = " ".join(f"w{rng.randint(0, 10**6)}" for _ in range(60))
    docs = [
        {"id": f"d{i}", "series": "", "text": f"opening {i} words. {shared} closing {i}."}
        for i in range(4)
    ]
    corpus = tmp_path / "bare.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    local = tmp_path / "local.db"
    api.ingest(local, [corpus])
    with Store(local) as store:
        run_detect(store, DetectParams(), progress=False)
    out = tmp_path / "out"
    res = spark_job.run_over_files(str(corpus), str(out), DetectParams(), master=MASTER)
    assert res.passages == 6 and res.points == 1  # "" is no series: all four compared
    table = pq.read_table(out / "passages").to_pylist()
    got = sorted((tuple(r[c] for c in PASSAGE_COLUMNS) for r in table), key=repr)
    assert got == _rows(local, f"SELECT {PASSAGE_COLS} FROM passages")
    assert pq.read_table(out / "points").num_rows == 4

    unrelated = tmp_path / "unrelated.jsonl"
    unrelated.write_text(
        json.dumps({"id": "x", "text": "nothing shared here at all"})
        + "\n"
        + json.dumps({"id": "y", "text": "and nothing in this one either"})
        + "\n"
    )
    res = spark_job.run_over_files(str(unrelated), str(out), DetectParams(), master=MASTER)
    assert (res.passages, res.points) == (0, 0)
    assert pq.read_table(out / "passages").num_rows == 0
    assert pq.read_table(out / "points").num_rows == 0  # the earlier run's points are gone


def test_cli_rejects_a_bad_conf(tmp_path, capsys):
    from echoscope.cli import main

    db = tmp_path / "s.db"
    api.ingest(db, [DEMO])
    assert main(["detect", "--db", str(db), "--engine", "spark", "--conf", "nokey"]) == 1
    assert "KEY=VALUE" in capsys.readouterr().err
