"""Seeds: hashed word n-grams, vectorised over a whole batch of documents."""

from __future__ import annotations

import numpy as np

from echoscope.text.tokenize import Tokens

_SEED_PRIME = np.uint64(0x9E3779B97F4A7C15)


def _mix(x: np.ndarray) -> np.ndarray:
    """Vectorised splitmix64 finaliser (same constants as the tokenizer's)."""
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def ngram_hashes(hashes: np.ndarray, n: int) -> np.ndarray:
    """Order-sensitive hash of every run of ``n`` consecutive token hashes (len - n + 1 of them)."""
    m = len(hashes) - n + 1
    if m <= 0:
        return np.zeros(0, dtype=np.uint64)
    with np.errstate(over="ignore"):
        s = hashes[:m].copy()
        for k in range(1, n):
            s *= _SEED_PRIME  # uint64 arithmetic wraps, which is what a hash wants
            s ^= hashes[k : k + m]
        return _mix(s)


def doc_seeds(tokens: Tokens, n: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every n-gram seed of every document: (seed hash, document index, token position).

    Seeds never cross a document boundary. Arrays come in (document, position) order.
    """
    seeds = ngram_hashes(tokens.hashes, n)
    lengths = np.diff(tokens.ptr)
    docs = np.repeat(np.arange(tokens.ndocs, dtype=np.int32), lengths)
    pos = (np.arange(len(tokens.hashes), dtype=np.int64) - tokens.ptr[docs]).astype(np.int32)
    keep = pos[: len(seeds)] <= (lengths[docs[: len(seeds)]] - n)
    return seeds[keep], docs[: len(seeds)][keep], pos[: len(seeds)][keep]
