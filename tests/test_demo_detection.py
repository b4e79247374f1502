"""The bundled demo corpus: every planted case is found, and nothing else (no stock phrase)."""

from __future__ import annotations

import json
from pathlib import Path

from echoscope import api
from echoscope.evaluate import Case, evaluate, load_pairs_jsonl
from echoscope.text.tokenize import normal_form

DEMO = Path(__file__).resolve().parents[1] / "demo"


def lexical_gold() -> list[Case]:
    """The planted copies (the paraphrase case is for ``detect --semantic``)."""
    return [
        g
        for g in load_pairs_jsonl(DEMO / "gold.jsonl")
        if g.label not in ("paraphrase", "translation")
    ]


def detections(db) -> list[Case]:
    return [Case(p.doc_a, p.start_a, p.end_a, p.doc_b, p.start_b, p.end_b) for p in api.pairs(db)]


def test_every_planted_case_is_found_whole(demo_db):
    gold = lexical_gold()
    result = evaluate(gold, detections(demo_db))
    overall = result["overall"]
    assert overall.cases_detected == overall.cases
    assert overall.granularity == 1.0
    for label, scores in result["by_label"].items():
        assert scores.recall >= 0.97, label


def test_nothing_but_planted_reuse_is_reported(demo_db):
    gold = lexical_gold()
    result = evaluate(gold, detections(demo_db))
    assert result["overall"].precision >= 0.97
    assert result["overall"].detections == result["overall"].cases


def test_no_stock_phrase_is_reported(demo_db):
    stock = [
        normal_form(s)
        for s in (DEMO / "stock_phrases.txt").read_text("utf-8").splitlines()
        if s.strip()
    ]
    texts = {
        json.loads(line)["id"]: json.loads(line)["text"]
        for line in (DEMO / "corpus.jsonl").read_text("utf-8").splitlines()
    }
    for p in api.pairs(demo_db):
        passage = normal_form(texts[p.doc_a][p.start_a : p.end_a])
        rest = passage
        for s in stock:
            rest = rest.replace(s, " ")
        # a reported passage is never made of stock phrases (at most a few words beside them)
        assert len(rest.split()) >= 0.8 * len(passage.split()), passage
