"""Paraphrase matching on the demo corpus: precision and recall of the paraphrase passages
against the demo's paraphrase gold, over a grid of semantic settings, each score term's
effect, and a check across held-out talking points.

Needs ``pip install 'echoscope[semantic]'``. The store is built once (ingest, lexical detect,
sentence vectors); each setting then reruns only the neighbour search and window scoring.

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
from echoscope.detect.semantic import find_passages, passage_rows
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

        def rows_for(p: SemanticParams, counts: dict | None = None) -> list[tuple]:
            found = find_passages(sentences, series, lexical, p, counts)
            return passage_rows(found, ids, texts.__getitem__)

        grid = {
            "threshold": [0.4, 0.45, 0.5],
            "background_weight": [0.5, 0.7, 1.0],
            "conflict_weight": [0.05, 0.1, 0.15],
            "corroborated": [0.3, 1.0],
        }
        print("| threshold | background | conflict | corroborated | passages | precision | recall")
        print("|---|---|---|---|---|---|---|")
        results = {}
        for values in itertools.product(*grid.values()):
            p = dataclasses.replace(base, **dict(zip(grid, values, strict=True)))
            rows = rows_for(p)
            results[values] = rows
            sc = score(rows, gold)
            print(
                f"| {' | '.join(map(str, values))} | {sc['passages']} | "
                f"{sc['precision']} | {sc['recall']} |"
            )
        counts: dict[str, int] = {}
        t = time.perf_counter()
        rows = rows_for(base, counts)
        took = time.perf_counter() - t
        print(f"defaults ({took:.2f} s)", score(rows, gold), json.dumps(counts))
        for name, change in (
            ("no background term", {"background_weight": 0.0}),
            ("no specifics terms", {"shared_weight": 0.0, "conflict_weight": 0.0}),
            ("no shared-specifics bonus", {"shared_weight": 0.0}),
            ("no conflict penalty", {"conflict_weight": 0.0}),
            ("no corroboration", {"corroborated": 1.0}),
            ("no extension", {"extension": 0.0}),
            ("windows of one sentence", {"max_sentences": 1}),
            ("no passage_words floor", {"passage_words": 0}),
        ):
            print(name, score(rows_for(dataclasses.replace(base, **change)), gold))
        # held out: choose the grid setting on half the talking points, score it on the other
        point_of = {
            (r["doc_a"], r["start_a"], r["doc_b"], r["start_b"]): r["point"]
            for r in map(json.loads, (DEMO / "gold.jsonl").read_text().splitlines())
        }
        points = sorted({point_of[g.doc_a, g.start_a, g.doc_b, g.start_b] for g in gold})
        halves = (points[::2], points[1::2])
        for tune, test in (halves, halves[::-1]):
            g_tune = [g for g in gold if point_of[g.doc_a, g.start_a, g.doc_b, g.start_b] in tune]
            g_test = [g for g in gold if point_of[g.doc_a, g.start_a, g.doc_b, g.start_b] in test]

            def worse(values: tuple, g: list[Case], other: list[Case]) -> float:
                sc = score(without(results[values], other), g)
                return min(sc["precision"], sc["recall"])

            best = max(results, key=lambda v: worse(v, g_tune, g_test))
            print(
                f"tuned on points {tune}: {dict(zip(grid, best, strict=True))}; "
                f"on points {test}: {score(without(results[best], g_tune), g_test)}"
            )


def without(rows: list[tuple], cases: list[Case]) -> list[tuple]:
    """Rows not between two documents of ``cases`` (the other half's talking points), so
    that one half's hits do not count as the other half's false positives."""
    docs = {g.doc_a for g in cases} | {g.doc_b for g in cases}
    return [r for r in rows if not (r[0] in docs and r[3] in docs)]


if __name__ == "__main__":
    main()
