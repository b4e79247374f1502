"""Tokenize + normalise + hash + 5-gram seeds: compiled batch pass vs. a per-token Python loop.

The per-token baseline is the obvious pure-Python version (regex words, NFKD + casefold per
token, hash, n-gram tuples); the compiled path is what echoscope runs. Both on the same texts.

    python benchmarks/tokenize_bench.py [--corpus ../shared/data/synth-5k/docs.jsonl.gz]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
import unicodedata
from pathlib import Path

from echoscope.detect.seeds import ngram_hashes
from echoscope.text.tokenize import tokenize_batch

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "synth-5k" / "docs.jsonl.gz"
WORD = re.compile(r"\w+")


def python_seeds(texts: list[str], n: int = 5) -> int:
    total = 0
    for text in texts:
        hashes = [
            hash(unicodedata.normalize("NFKD", m.group()).casefold()) for m in WORD.finditer(text)
        ]
        total += len({hash(tuple(hashes[i : i + n])) for i in range(len(hashes) - n + 1)})
    return total


def compiled_seeds(texts: list[str], n: int = 5) -> int:
    tokens = tokenize_batch(texts)
    return len(ngram_hashes(tokens.hashes, n))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--corpus", default=str(DEFAULT))
    a = ap.parse_args()
    opener = gzip.open if a.corpus.endswith(".gz") else open
    with opener(a.corpus, "rt", encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    mb = sum(len(t) for t in texts) / 1e6
    compiled_seeds(texts[:10])  # load the compiled code and tables outside the timing
    for name, fn in (("per-token Python", python_seeds), ("compiled batch", compiled_seeds)):
        t = time.perf_counter()
        fn(texts)
        s = time.perf_counter() - t
        print(
            f"{name:18s} {s:7.2f} s  {mb / s:7.1f} M chars/s  ({len(texts)} docs, {mb:.1f} M chars)"
        )


if __name__ == "__main__":
    main()
