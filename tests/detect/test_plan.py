"""The run plan: every decision of a local detect run, as a table (last run, parameters asked
for, the store's documents -> what the run does), and the one run-parameters record."""

from __future__ import annotations

import copy
import json
import shutil
import sqlite3
from dataclasses import fields

import numpy as np
import pytest

from echoscope.detect.params import DetectParams, SemanticParams
from echoscope.detect.plan import (
    ALL,
    DROP,
    FIND,
    FULL,
    INCREMENTAL,
    KEEP,
    NEW,
    POINTS,
    SEMANTIC,
    UP_TO_DATE,
    CorpusState,
    RunParams,
    RunPlan,
    plan_run,
)
from echoscope.points.bursts import BurstParams

LEXICAL = RunParams()
WITH_SEMANTIC = RunParams(semantic=SemanticParams())
TIGHTER_SEMANTIC = RunParams(semantic=SemanticParams(threshold=2.0))
OTHER_SENTENCES = RunParams(semantic=SemanticParams(min_words=8))  # another vector cache too
OTHER_BURSTS = RunParams(bursts=BurstParams(window_hours=12))
OTHER_BURSTS_SEMANTIC = RunParams(bursts=BurstParams(min_actors=3), semantic=SemanticParams())
LONGER = RunParams(DetectParams(min_tokens=20))
LONGER_SEMANTIC = RunParams(DetectParams(min_tokens=20), semantic=SemanticParams())

FIVE = (1, 2, 3, 4, 5)
EIGHT = (1, 2, 3, 4, 5, 6, 7, 8)
GAPS = (1, 2, 5, 9)  # rowids need not be consecutive


def run(
    params: RunParams | dict = LEXICAL,
    *,
    engine: str = "local",
    last_doc: int = 5,
    drop: tuple[str, ...] = (),
    add: dict | None = None,
) -> dict:
    """A last-run record as Store.last_run returns it (run 3, covering up to ``last_doc``);
    ``drop``/``add`` edit its parameters as an older or newer version would have written them."""
    recorded = params.as_dict() if isinstance(params, RunParams) else dict(params)
    for key in drop:
        del recorded[key]
    recorded.update(add or {})
    return {
        "id": 3,
        "started": "2026-01-01T10:00:00",
        "finished": "2026-01-01T10:01:00",
        "engine": engine,
        "mode": "full",
        "params": recorded,
        "docs": 5,
        "new_docs": 5,
        "last_doc": last_doc,
        "passages": 40,
        "counts": {"passages": 40},
        "seconds": {"tokenize": 0.1},
    }


def plan(mode, lexical, new_after, new_docs, paraphrases, last_run_id=3) -> RunPlan:
    return RunPlan(mode, lexical, new_after, new_docs, paraphrases, last_run_id)


SPARK_RECORD = {**LEXICAL.as_dict()}  # Spark runs once recorded no "semantic" key at all
del SPARK_RECORD["semantic"]

# (case, last run, parameters asked for, rowids, --full, expected plan)
CASES = [
    # no run yet: everything, whatever is asked
    ("first run", None, LEXICAL, FIVE, False, plan(FULL, ALL, None, 5, DROP, None)),
    ("first run, semantic", None, WITH_SEMANTIC, FIVE, False, plan(FULL, ALL, None, 5, FIND, None)),
    ("first run, --full", None, LEXICAL, FIVE, True, plan(FULL, ALL, None, 5, DROP, None)),
    # the same parameters and no new document: nothing to do
    ("up to date", run(), LEXICAL, FIVE, False, plan(UP_TO_DATE, KEEP, None, 0, KEEP)),
    (
        "up to date, semantic",
        run(WITH_SEMANTIC),
        WITH_SEMANTIC,
        FIVE,
        False,
        plan(UP_TO_DATE, KEEP, None, 0, KEEP),
    ),
    (
        "watermark past the last document",
        run(last_doc=9),
        LEXICAL,
        FIVE,
        False,
        plan(UP_TO_DATE, KEEP, None, 0, KEEP),
    ),
    # --full always realigns everything
    ("up to date, --full", run(), LEXICAL, FIVE, True, plan(FULL, ALL, None, 5, DROP)),
    (
        "up to date, semantic, --full",
        run(WITH_SEMANTIC),
        WITH_SEMANTIC,
        FIVE,
        True,
        plan(FULL, ALL, None, 5, FIND),
    ),
    ("new documents, --full", run(), LEXICAL, EIGHT, True, plan(FULL, ALL, None, 8, DROP)),
    # documents added since the last run: only pairs with a new one are aligned
    ("new documents", run(), LEXICAL, EIGHT, False, plan(INCREMENTAL, NEW, 5, 3, DROP)),
    (
        "new documents, rowids with gaps",
        run(last_doc=3),
        LEXICAL,
        GAPS,
        False,
        plan(INCREMENTAL, NEW, 3, 2, DROP),
    ),
    (
        "new documents, semantic",
        run(WITH_SEMANTIC),
        WITH_SEMANTIC,
        EIGHT,
        False,
        plan(INCREMENTAL, NEW, 5, 3, FIND),
    ),
    (
        "new documents, semantic added",
        run(),
        WITH_SEMANTIC,
        EIGHT,
        False,
        plan(INCREMENTAL, NEW, 5, 3, FIND),
    ),
    (
        "new documents, semantic dropped",
        run(WITH_SEMANTIC),
        LEXICAL,
        EIGHT,
        False,
        plan(INCREMENTAL, NEW, 5, 3, DROP),
    ),
    (
        "new documents, bursts changed",
        run(),
        OTHER_BURSTS,
        EIGHT,
        False,
        plan(INCREMENTAL, NEW, 5, 3, DROP),
    ),
    # another lexical setting, or a run of the Spark engine: a full run
    ("lexical parameter changed", run(), LONGER, FIVE, False, plan(FULL, ALL, None, 5, DROP)),
    (
        "lexical parameter changed, new documents",
        run(),
        LONGER,
        EIGHT,
        False,
        plan(FULL, ALL, None, 8, DROP),
    ),
    (
        "lexical parameter changed, semantic kept",
        run(WITH_SEMANTIC),
        LONGER_SEMANTIC,
        FIVE,
        False,
        plan(FULL, ALL, None, 5, FIND),
    ),
    (
        "last run on spark",
        run(SPARK_RECORD, engine="spark"),
        LEXICAL,
        FIVE,
        False,
        plan(FULL, ALL, None, 5, DROP),
    ),
    (
        "last run on spark, new documents",
        run(SPARK_RECORD, engine="spark"),
        LEXICAL,
        EIGHT,
        False,
        plan(FULL, ALL, None, 8, DROP),
    ),
    (
        "last run on spark, same record",
        run(engine="spark"),
        LEXICAL,
        FIVE,
        False,
        plan(FULL, ALL, None, 5, DROP),
    ),
    (
        "recorded lexical knob this version lacks",
        run(add={"old_knob": 3}),
        LEXICAL,
        FIVE,
        False,
        plan(FULL, ALL, None, 5, DROP),
    ),
    (
        "recorded without a lexical knob added since",
        run(drop=("fragment_stretch",)),
        LEXICAL,
        FIVE,
        False,
        plan(FULL, ALL, None, 5, DROP),
    ),
    # lexical passages current, semantic parameters differ: only the paraphrases are redone
    ("semantic added", run(), WITH_SEMANTIC, FIVE, False, plan(SEMANTIC, KEEP, None, 0, FIND)),
    (
        "semantic dropped",
        run(WITH_SEMANTIC),
        LEXICAL,
        FIVE,
        False,
        plan(SEMANTIC, KEEP, None, 0, DROP),
    ),
    (
        "semantic parameter changed",
        run(WITH_SEMANTIC),
        TIGHTER_SEMANTIC,
        FIVE,
        False,
        plan(SEMANTIC, KEEP, None, 0, FIND),
    ),
    (
        "semantic sentence length changed",
        run(WITH_SEMANTIC),
        OTHER_SENTENCES,
        FIVE,
        False,
        plan(SEMANTIC, KEEP, None, 0, FIND),
    ),
    (
        "semantic added and bursts changed",
        run(),
        OTHER_BURSTS_SEMANTIC,
        FIVE,
        False,
        plan(SEMANTIC, KEEP, None, 0, FIND),
    ),
    # only the burst definition differs: only the talking points are rebuilt
    ("bursts changed", run(), OTHER_BURSTS, FIVE, False, plan(POINTS, KEEP, None, 0, DROP)),
    (
        "bursts changed, semantic kept",
        run(WITH_SEMANTIC),
        OTHER_BURSTS_SEMANTIC,
        FIVE,
        False,
        plan(POINTS, KEEP, None, 0, FIND),
    ),
    # records written before the semantic matcher or the burst settings were recorded
    (
        "recorded before semantic existed",
        run(drop=("semantic",)),
        LEXICAL,
        FIVE,
        False,
        plan(UP_TO_DATE, KEEP, None, 0, KEEP),
    ),
    (
        "recorded before semantic existed, semantic asked",
        run(drop=("semantic",)),
        WITH_SEMANTIC,
        FIVE,
        False,
        plan(SEMANTIC, KEEP, None, 0, FIND),
    ),
    (
        "recorded before bursts existed",
        run(drop=("bursts", "semantic")),
        LEXICAL,
        FIVE,
        False,
        plan(POINTS, KEEP, None, 0, DROP),
    ),
]


@pytest.mark.parametrize(
    ("last", "params", "rowids", "full", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_plan(last, params, rowids, full, expected):
    before = copy.deepcopy(last)
    got = plan_run(last, params, CorpusState(np.array(rowids, dtype=np.int64)), full=full)
    assert got == expected
    assert got.writes == (expected.mode != UP_TO_DATE)
    assert last == before  # pure: the record it was given is left as it was


def test_every_mode_and_treatment_has_a_case():
    plans = [case[-1] for case in CASES]
    assert {p.mode for p in plans} == {FULL, INCREMENTAL, POINTS, SEMANTIC, UP_TO_DATE}
    assert {(p.lexical, p.paraphrases) for p in plans} == {
        (lexical, paraphrases) for lexical in (ALL, NEW, KEEP) for paraphrases in (FIND, DROP)
    } | {(KEEP, KEEP)}


def test_the_run_record_layout():
    detect = DetectParams(min_tokens=20)
    bursts = BurstParams(window_hours=12, min_actors=3, by="outlet")
    record = RunParams(detect, bursts, SemanticParams(threshold=2.0)).as_dict()
    assert set(record) == {f.name for f in fields(DetectParams)} | {"bursts", "semantic"}
    assert record["min_tokens"] == 20 and record["ngram"] == DetectParams().ngram
    assert record["bursts"] == {"window_hours": 12, "min_actors": 3, "by": "outlet"}
    assert record["semantic"]["threshold"] == 2.0
    assert RunParams(detect, bursts).as_dict()["semantic"] is None
    # what a store holds: a JSON text that reads back as the same record
    assert json.loads(json.dumps(record, sort_keys=True)) == record


def test_a_recorded_run_plans_as_up_to_date_after_a_store_round_trip(tmp_path):
    from echoscope import api
    from echoscope.store.sqlite import Store

    corpus = tmp_path / "c.jsonl"
    text = "the committee will meet again on the question of the northern roads and bridges "
    docs = [{"id": f"d{i}", "series": f"s{i}", "text": text * 3} for i in range(3)]
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    db = tmp_path / "t.db"
    api.ingest(db, [corpus])
    bursts = BurstParams(window_hours=12)
    assert api.detect(db, DetectParams(min_tokens=5), bursts=bursts).mode == FULL
    asked = RunParams(DetectParams(min_tokens=5), bursts)
    with Store(db, readonly=True, create=False) as store:
        last = store.last_run()
        rowids = np.array([r[0] for r in store.document_index()], dtype=np.int64)
    assert last["params"] == asked.as_dict()
    assert plan_run(last, asked, CorpusState(rowids)) == plan(
        UP_TO_DATE, KEEP, None, 0, KEEP, last["id"]
    )


def test_local_and_spark_runs_record_the_same_parameters(tmp_path):
    pytest.importorskip("pyspark", reason="the Spark engine is the optional extra")
    if shutil.which("java") is None:
        pytest.skip("the Spark engine needs Java")
    from pyspark.sql import SparkSession

    from echoscope import api
    from echoscope.detect import spark_job
    from echoscope.detect.job import run_detect
    from echoscope.store.sqlite import Store

    corpus = tmp_path / "c.jsonl"
    text = "a statement on the harbour tariffs that two ministries issued on the same day "
    docs = [{"id": f"d{i}", "series": f"s{i}", "text": text * 2} for i in range(2)]
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    params, bursts = DetectParams(min_tokens=5), BurstParams(min_actors=3)
    running = SparkSession.getActiveSession()  # another test's session is left to it
    records = []
    for engine in ("local", "spark"):
        db = tmp_path / f"{engine}.db"
        api.ingest(db, [corpus])
        with Store(db) as store:
            if engine == "local":
                run_detect(store, params, progress=False, bursts=bursts)
            else:
                conf = {"spark.ui.enabled": "false"}
                try:
                    spark_job.run_over_store(
                        store, params, master="local[2]", bursts=bursts, conf=conf
                    )
                finally:
                    if running is None and SparkSession.getActiveSession() is not None:
                        SparkSession.getActiveSession().stop()
        with sqlite3.connect(db) as conn:
            records.append(conn.execute("SELECT engine, params FROM runs").fetchone())
    assert [r[0] for r in records] == ["local", "spark"]
    assert (
        records[0][1]
        == records[1][1]
        == json.dumps(RunParams(params, bursts).as_dict(), sort_keys=True)
    )
