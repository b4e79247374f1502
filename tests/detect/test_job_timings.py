"""A run's recorded seconds: each stage under its own name, none counted twice."""

from __future__ import annotations

import time

import numpy as np

import echoscope.detect.job as job
from echoscope import api
from echoscope.detect.params import SemanticParams


def test_paraphrase_search_is_not_counted_as_store_time(tmp_path, maker, monkeypatch):
    import json

    src = tmp_path / "a.jsonl"
    src.write_text(
        "".join(json.dumps({"id": f"d{i}", "text": maker.sentences(60)}) + "\n" for i in range(4)),
        encoding="utf-8",
    )
    db = tmp_path / "talk.db"
    api.ingest(db, [src])

    def slow_search(store, conn, sentences, ids, series, params, counts, seconds):
        time.sleep(0.6)
        seconds["semantic"] = 0.6
        return []

    # the sentence model is not needed to time the stages around it
    monkeypatch.setattr(job, "require_semantic", lambda: None)
    monkeypatch.setattr(job, "load_sentences", lambda *a, **k: np.zeros(0))
    monkeypatch.setattr(job, "paraphrase_pairs", slow_search)
    res = api.detect(db, semantic=SemanticParams())
    seconds = res.stats.seconds
    assert seconds["semantic"] == 0.6
    assert seconds["store"] < 0.5, seconds
