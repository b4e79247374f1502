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
    "translation",
}
# labels whose copies are the same claim in other words (or the other language), not a copy
SEMANTIC = {"paraphrase", "translation"}
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
        # paraphrase and translation are the same claims in other words or in the other
        # language; the others are copies
        if g["label"] in SEMANTIC:
            assert g["edit"] == g["label"], g
        else:
            assert g["edit"] in {"verbatim", "edited"}, g
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


ARABIC = re.compile("[\u0600-\u06ff]")
LATIN = re.compile("[A-Za-z]")


def _script(text: str) -> str:
    arabic, latin = bool(ARABIC.search(text)), bool(LATIN.search(text))
    return "ur" if arabic and not latin else "en" if latin and not arabic else "mixed"


def _span(by_id: dict[str, dict], g: dict, side: str) -> str:
    return by_id[g[f"doc_{side}"]]["text"][g[f"start_{side}"] : g[f"end_{side}"]]


@pytest.fixture(scope="module")
def translations(gold: list[dict]) -> list[dict]:
    return [g for g in gold if g["edit"] == "translation"]


def test_translation_spans_are_whole_passages_in_their_documents_language(
    translations: list[dict], by_id: dict[str, dict]
) -> None:
    assert translations
    for g in translations:
        assert g["label"] == "translation"
        for side in "ab":
            doc = by_id[g[f"doc_{side}"]]
            text, start, end = doc["text"], g[f"start_{side}"], g[f"end_{side}"]
            span = text[start:end]
            # exact to the character: no space at either end, whole sentences, not a cut word
            assert span == span.strip(), g
            assert span[-1] in ".?\u06d4", g  # ends a sentence (\u06d4: the Urdu full stop)
            assert start == 0 or text[start - 1].isspace(), g
            assert end == len(text) or text[end].isspace(), g
            assert 2 <= len(re.findall("[.?\u06d4](?:\\s|$)", span)) <= 3, g
            # written in its own document's language and script
            assert _script(span) == doc["lang"], g


def test_translation_pairs_cross_languages_later_and_series(
    translations: list[dict], by_id: dict[str, dict]
) -> None:
    for g in translations:
        a, b = by_id[g["doc_a"]], by_id[g["doc_b"]]
        assert a["lang"] != b["lang"], g
        assert a["series"] != b["series"], g
        assert a["date"] != b["date"], g  # the translation comes later than the original
    # one original and one translation per point: each point is exactly one pair
    points = [g["point"] for g in translations]
    assert len(points) == len(set(points))


def test_translation_counts_per_direction(translations: list[dict], by_id: dict[str, dict]) -> None:
    directions: dict[str, int] = {}
    for g in translations:
        first, later = sorted((by_id[g["doc_a"]], by_id[g["doc_b"]]), key=lambda d: d["date"])
        key = f"{first['lang']}->{later['lang']}"
        directions[key] = directions.get(key, 0) + 1
    assert set(directions) == {"en->ur", "ur->en"}
    assert directions["en->ur"] >= 12 and directions["ur->en"] >= 12, directions


def test_translation_spans_share_no_words_with_the_other_side(
    translations: list[dict], by_id: dict[str, dict]
) -> None:
    # the two sides really are in different languages: no word in common but numbers and
    # names written in Latin letters on both sides (the Urdu side has none)
    def tokens(s: str) -> set[str]:
        return {t.casefold() for t in re.findall(r"\w+", s) if not t.isdigit()}

    for g in translations:
        assert not tokens(_span(by_id, g, "a")) & tokens(_span(by_id, g, "b")), g


def test_translation_hard_negatives_are_listed_and_not_in_gold(
    gold: list[dict], by_id: dict[str, dict]
) -> None:
    readme = (DEMO / "README.md").read_text("utf-8")
    section = readme.split("### `translation`", 1)[1].split("### ", 1)[0]
    negatives = re.findall(r"\* point (\d+), `([a-z]{2}-\d{4})` \[(\d+):(\d+)\]", section)
    assert len(negatives) >= 3
    tr_docs = {g[f"doc_{side}"]: g for g in gold if g["label"] == "translation" for side in "ab"}
    original_lang = {}
    for g in gold:
        if g["label"] == "translation":
            first = min((by_id[g["doc_a"]], by_id[g["doc_b"]]), key=lambda d: d["date"])
            original_lang[g["point"]] = first["lang"]
    n_urdu = 0
    for point, doc_id, start, end in negatives:
        point, start, end = int(point), int(start), int(end)
        doc = by_id[doc_id]
        # in the other language than the statement it reports on
        assert doc["lang"] != original_lang[point], doc_id
        assert _script(doc["text"][start:end]) == doc["lang"], doc_id
        n_urdu += doc["lang"] == "ur"
        # never a gold span and not a document holding a copy of its point
        assert doc_id not in tr_docs or tr_docs[doc_id]["point"] != point
        for g in gold:
            for side in "ab":
                if g[f"doc_{side}"] == doc_id:
                    assert end <= g[f"start_{side}"] or g[f"end_{side}"] <= start, g
    assert n_urdu >= 3
