"""The bundled demo corpus (demo/): well formed, its gold consistent, and reproducible."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
DEMO = ROOT / "demo"
FIELDS = ("id", "series", "date", "speaker", "outlet", "title", "lang", "genre", "text")
GENRES = {"speech", "press-conference", "statement", "resolution", "letter", "news"}
LABELS = {
    "defector-allegation",
    "letter",
    "resolution",
    "counter-resolution",
    "press-release",
    "urdu-allegation",
    "paraphrase",
}
GENERATED = ("corpus.jsonl", "gold.jsonl", "stock_phrases.txt", "README.md")


def _jsonl(name: str) -> list[dict]:
    return [json.loads(line) for line in (DEMO / name).read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def corpus() -> list[dict]:
    return _jsonl("corpus.jsonl")


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return _jsonl("gold.jsonl")


@pytest.fixture(scope="module")
def by_id(corpus: list[dict]) -> dict[str, dict]:
    return {d["id"]: d for d in corpus}


def test_size_and_unique_ids(corpus: list[dict]) -> None:
    assert 150 <= len(corpus) <= 300
    assert len({d["id"] for d in corpus}) == len(corpus)


def test_required_fields(corpus: list[dict]) -> None:
    for d in corpus:
        for f in FIELDS:
            assert isinstance(d.get(f), str) and d[f], (d.get("id"), f)
        assert re.fullmatch(r"[a-z]{2}-\d{4}", d["id"]), d["id"]
        assert re.fullmatch(r"2026-\d\d-\d\dT\d\d:\d\d", d["date"]), d["date"]
        assert d["lang"] in {"en", "ur"}
        assert d["genre"] in GENRES
        assert 120 <= len(d["text"].split()) <= 600, d["id"]


def test_urdu_present(corpus: list[dict]) -> None:
    urdu = [d for d in corpus if d["lang"] == "ur"]
    assert 0.15 <= len(urdu) / len(corpus) <= 0.25
    # written in Urdu script, not transliterated
    assert all(re.search("[\u0600-\u06ff]", d["text"]) for d in urdu)


def test_gold_pairs_point_into_the_corpus(gold: list[dict], by_id: dict[str, dict]) -> None:
    assert gold
    seen = set()
    for g in gold:
        a, b = by_id[g["doc_a"]], by_id[g["doc_b"]]
        assert a["series"] != b["series"]  # same-series documents are never compared
        assert g["doc_a"] < g["doc_b"]
        for side, doc in (("a", a), ("b", b)):
            start, end = g[f"start_{side}"], g[f"end_{side}"]
            assert 0 <= start < end <= len(doc["text"]), g
        assert g["label"] in LABELS
        assert isinstance(g["point"], int)
        # the paraphrase case is the same claims in other words; the others are copies
        assert (
            g["edit"] == "paraphrase"
            if g["label"] == "paraphrase"
            else g["edit"]
            in {
                "verbatim",
                "edited",
            }
        )
        key = (g["doc_a"], g["doc_b"], g["point"])
        assert key not in seen
        seen.add(key)


def test_every_label_present(gold: list[dict]) -> None:
    assert {g["label"] for g in gold} == LABELS


def test_copies_of_a_point_share_their_text(gold: list[dict], by_id: dict[str, dict]) -> None:
    # verbatim pairs are the same words once case and punctuation are ignored
    def norm(s: str) -> list[str]:
        return re.sub(r"[^\w\s]|_", " ", s.replace("'", "").replace("\u2019", "")).lower().split()

    for g in gold:
        if g["edit"] == "verbatim" and g["label"] != "urdu-allegation":
            a = by_id[g["doc_a"]]["text"][g["start_a"] : g["end_a"]]
            b = by_id[g["doc_b"]]["text"][g["start_b"] : g["end_b"]]
            assert norm(a) == norm(b), g


def test_stock_phrases_are_not_in_gold(gold: list[dict], by_id: dict[str, dict]) -> None:
    phrases = (DEMO / "stock_phrases.txt").read_text("utf-8").splitlines()
    assert 8 <= len(phrases) <= 15
    for g in gold:
        for side in "ab":
            span = by_id[g[f"doc_{side}"]]["text"][g[f"start_{side}"] : g[f"end_{side}"]]
            assert not any(p.casefold() in span.casefold() for p in phrases)


def test_generator_reproduces_the_files(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(DEMO / "make_corpus.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr  # includes the generator's own self-check
    for name in GENERATED:
        assert (tmp_path / name).read_bytes() == (DEMO / name).read_bytes(), name
