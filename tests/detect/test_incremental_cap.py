"""Incremental detect at the boundaries of the boilerplate caps: equal to a full rerun.

A seed group is kept while it is in at most ``max_df`` documents and has at most
``4 * max_df`` occurrences. New documents can push a group of old documents over either cap;
then the old pairs' results change although neither document is new, and an incremental run
must realign them. Each case is sized exactly at a cap, where an off-by-one would show.
"""

from __future__ import annotations

import json

from echoscope import api
from echoscope.detect.params import DetectParams

MAX_DF = 3
PARAMS = DetectParams(max_df=MAX_DF)


def write_jsonl(path, docs: dict[str, str]):
    with open(path, "w", encoding="utf-8") as fh:
        for doc_id, text in docs.items():
            fh.write(json.dumps({"id": doc_id, "text": text}) + "\n")
    return path


def spans(db) -> list[tuple]:
    return sorted(
        (p.doc_a, p.start_a, p.end_a, p.doc_b, p.start_b, p.end_b, p.ops) for p in api.pairs(db)
    )


def incremental_and_full(tmp_path, old: dict[str, str], new: dict[str, str]):
    """Passages of (old detected, then new added and detected) and of one full run of both."""
    inc, full = tmp_path / "inc.db", tmp_path / "full.db"
    old_file = write_jsonl(tmp_path / "old.jsonl", old)
    new_file = write_jsonl(tmp_path / "new.jsonl", new)
    api.ingest(inc, [old_file])
    api.detect(inc, PARAMS)
    before = spans(inc)
    api.ingest(inc, [new_file])
    assert api.detect(inc, PARAMS).mode == "incremental"
    api.ingest(full, [old_file, new_file])
    assert api.detect(full, PARAMS).mode == "full"
    return before, spans(inc), spans(full)


def test_old_documents_at_the_df_cap_pushed_over_by_a_new_one(tmp_path, maker):
    shared, second = maker.sentences(40), maker.sentences(40)
    old = {
        f"o{i}": maker.sentences(60) + " " + shared + " " + maker.sentences(60) for i in range(3)
    }
    # o0 and o1 also share a second passage far from the first; it survives the cap
    for d in ("o0", "o1"):
        old[d] += " " + second + " " + maker.sentences(30)
    new = {"n0": maker.sentences(30) + " " + shared + " " + maker.sentences(30)}
    before, inc, full = incremental_and_full(tmp_path, old, new)
    # in MAX_DF documents the passage is kept: 3 pairs, plus o0-o1's second passage
    assert len(before) == 4
    # in MAX_DF + 1 it is boilerplate for everyone: only the second passage is left
    s = old["o0"].index(second)
    t = old["o1"].index(second)
    assert [p[:6] for p in full] == [("o0", s, s + len(second), "o1", t, t + len(second))]
    assert inc == full


def test_old_documents_pushed_exactly_to_the_df_cap_stay(tmp_path, maker):
    shared = maker.sentences(40)
    old = {
        f"o{i}": maker.sentences(60) + " " + shared + " " + maker.sentences(60) for i in range(2)
    }
    new = {"n0": maker.sentences(30) + " " + shared + " " + maker.sentences(30)}
    before, inc, full = incremental_and_full(tmp_path, old, new)
    assert [(p[0], p[3]) for p in before] == [("o0", "o1")]
    texts = {**old, **new}
    expected = []
    for a, b in (("o0", "n0"), ("o0", "o1"), ("o1", "n0")):  # doc_a is the earlier ingested
        s, t = texts[a].index(shared), texts[b].index(shared)
        expected.append((a, s, s + len(shared), b, t, t + len(shared)))
    assert [p[:6] for p in full] == expected
    assert inc == full


def repeated(maker, passage: str, copies: int) -> str:
    """A document holding ``passage`` ``copies`` times, each after unrelated sentences (far
    enough apart to be separate passages)."""
    return (
        " ".join(maker.sentences(60) + " " + passage for _ in range(copies))
        + " "
        + (maker.sentences(30))
    )


def test_a_seed_repeated_four_times_max_df_is_kept_and_once_more_is_dropped(tmp_path, maker):
    passage = maker.sentences(30)
    one = maker.sentences(40) + " " + passage + " " + maker.sentences(40)
    for copies, found in ((4 * MAX_DF - 1, 4 * MAX_DF - 1), (4 * MAX_DF, 0)):
        db = tmp_path / f"{copies}.db"
        docs = {"a": one, "b": repeated(maker, passage, copies)}
        api.ingest(db, [write_jsonl(tmp_path / f"{copies}.jsonl", docs)])
        api.detect(db, PARAMS)
        assert len(spans(db)) == found, copies


def test_old_occurrences_at_the_cap_pushed_over_by_a_new_document(tmp_path, maker):
    passage = maker.sentences(30)
    old = {
        "a": maker.sentences(40) + " " + passage + " " + maker.sentences(40),
        "b": repeated(maker, passage, 4 * MAX_DF - 1),  # with a's copy: exactly 4 * max_df
    }
    new = {"n": maker.sentences(40) + " " + passage + " " + maker.sentences(40)}
    before, inc, full = incremental_and_full(tmp_path, old, new)
    assert len(before) == 4 * MAX_DF - 1
    assert full == [] and inc == full
