"""Shared test helpers: small corpora of random prose-like text with planted reuse."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[1] / "demo"

_SYLLABLES = ["ka", "ri", "to", "mu", "sen", "dal", "por", "vi", "na", "el", "bar", "tin", "lo"]


def make_vocab(rng: random.Random, n: int = 3000) -> list[str]:
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


class TextMaker:
    """Random sentences; filler never shares runs of 5 words across documents by chance."""

    def __init__(self, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.vocab = make_vocab(self.rng)

    def words(self, n: int) -> list[str]:
        return [self.rng.choice(self.vocab) for _ in range(n)]

    def sentences(self, n_words: int) -> str:
        ws, out = self.words(n_words), []
        for i in range(0, len(ws), 12):
            chunk = ws[i : i + 12]
            out.append(" ".join([chunk[0].capitalize(), *chunk[1:]]) + ".")
        return " ".join(out)


@pytest.fixture
def maker() -> TextMaker:
    return TextMaker()


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory):
    """The bundled demo corpus, ingested and detected with the defaults (read-only use)."""
    from echoscope import api

    db = tmp_path_factory.mktemp("demo") / "demo.db"
    api.ingest(db, [DEMO / "corpus.jsonl"])
    api.detect(db)
    return db
