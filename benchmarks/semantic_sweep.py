"""Paraphrase matching on the demo corpus: precision and recall of the paraphrase passages
against the demo's paraphrase gold, over a grid of semantic settings, and each filter's effect.

Needs ``pip install 'echoscope[semantic]'``. The store is built once (ingest, lexical detect,
sentence vectors); each setting then reruns only the neighbour search and chaining.

    .venv/bin/python benchmarks/semantic_sweep.py --db /tmp/sweep.db
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import time
from pathlib import Path

import numpy as np

from echoscope.detect.job import run_detect, series_numbers
from echoscope.detect.params import DetectParams, SemanticParams
from echoscope.detect.semantic import accepted, find_runs, passage_rows
from echoscope.detect.semantic_job import lexical_passages, load_sentences
from echoscope.evaluate import Case, evaluate, load_pairs_jsonl
from echoscope.ingest import ingest
from echoscope.store.sqlite import Store

DEMO = Path(__file__).resolve().parent.parent / "demo"


def score(rows: list[tuple], gold: list[Case]) -> dict:
    dets = [Case(*r[:6]) for r in rows]
    result = evaluate(gold, dets, by_label=False)["overall"]
    return {
        "passages": len(rows),
        "precision": round(result.precision, 3),
        "recall": round(result.recall, 3),
        "plagdet": round(result.plagdet, 3),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--db", default="/tmp/semantic-sweep.db")
    args = ap.parse_args()
    db = Path(args.db)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    gold_all = load_pairs_jsonl(DEMO / "gold.jsonl")
    gold = [g for g in gold_all if g.label == "paraphrase"]
    with Store(db) as store:
        ingest(store, [DEMO / "corpus.jsonl"], progress=False)
        t = time.perf_counter()
        res = run_detect(store, DetectParams(), progress=False, semantic=SemanticParams())
        print(f"detect --semantic (embedding every sentence): {time.perf_counter() - t:.1f} s")
        print(json.dumps(res.stats.counts))
        lexical_only = [
            r
            for r in store.conn.execute(
                "SELECT doc_a, start_a, end_a, doc_b, start_b, end_b "
                "FROM passages WHERE kind != 'paraphrase'"
            )
        ]
        print("lexical passages vs paraphrase gold:", score(lexical_only, gold))
        index = store.document_index()
        ids = [r[1] for r in index]
        rowids = np.array([r[0] for r in index])
        series = series_numbers(ids, [r[2] for r in index])
        texts = store.texts(ids)
        sentences = load_sentences(store, rowids, SemanticParams(), progress=False)
        lexical = lexical_passages(store.conn, ids)
        base = SemanticParams()
        grid = {
            "threshold": [0.55, 0.6, 0.65, 0.7],
            "anchored": [0.6, 0.7, 0.8, 1.1],
            "single": [0.8, 0.9],
            "max_docs": [4, 6, 10, 1000],
        }
        print("| threshold | anchored | single | max_docs | passages | precision | recall |")
        print("|---|---|---|---|---|---|---|")
        for values in itertools.product(*grid.values()):
            p = dataclasses.replace(base, **dict(zip(grid, values, strict=True)))
            runs = find_runs(sentences, series, lexical, p)
            rows = passage_rows(runs, accepted(runs, p), ids, texts.__getitem__)
            sc = score(rows, gold)
            print(
                f"| {' | '.join(map(str, values))} | {sc['passages']} | "
                f"{sc['precision']} | {sc['recall']} |"
            )
        # each filter's effect at the defaults
        for name, spec in (("defaults", sentences.specifics), ("no specifics", None)):
            sentences.specifics = spec
            counts: dict[str, int] = {}
            runs = find_runs(sentences, series, lexical, base, counts)
            rows = passage_rows(runs, accepted(runs, base), ids, texts.__getitem__)
            print(name, score(rows, gold), json.dumps(counts))


if __name__ == "__main__":
    main()
