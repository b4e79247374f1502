"""Unicode-correct tokenization into arrays, compiled with numba.

A token is a maximal run of letters, marks and digits (apostrophes and zero-width joiners inside
a word do not split it; CJK ideographs and kana are one token each). A token's span also covers
punctuation glued to its end ("said," "end.\"") so that a passage ending on it ends where the
sentence does; punctuation never counts in matching. Each token is kept as three
numbers: a 64-bit hash of its matching form (see :mod:`echoscope.text.charmap`) and its start and
end as Python ``str`` indices into the original text. Texts are tokenized a batch at a time in
one compiled pass, so there is no per-token (or even per-document) Python loop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numba as nb
import numpy as np

from echoscope.text.charmap import JOINER, SEPARATOR, SINGLE, SPACE, WORD, tables

_MAX_TRAILING_PUNCT = 3

#: Bumped whenever a token's hash or span could change: the token index beside a store (see
#: :mod:`echoscope.store.index_files`) records it and is rebuilt when it differs.
TOKENIZER_VERSION = 1

_FNV_OFFSET = np.uint64(0xCBF29CE484222325)
_FNV_PRIME = np.uint64(0x100000001B3)


@nb.njit(cache=True, inline="always")
def mix64(x: np.uint64) -> np.uint64:
    """splitmix64 finaliser: spreads hash bits so any bit range can pick a partition."""
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


@nb.njit(cache=True, inline="always")
def _fold_hash(cp, fold_ptr, fold_data, h):  # pragma: no cover - compiled
    for q in range(fold_ptr[cp], fold_ptr[cp + 1]):
        h = (h ^ np.uint64(fold_data[q])) * _FNV_PRIME
    return h, fold_ptr[cp + 1] - fold_ptr[cp]


@nb.njit(cache=True, inline="always")
def _glued_end(codes, char_class, i):  # pragma: no cover - compiled
    """End of a token after punctuation attached to it (not followed by a word character)."""
    j = i
    while j < codes.shape[0] and j - i < _MAX_TRAILING_PUNCT and char_class[codes[j]] == SEPARATOR:
        j += 1
    if j < codes.shape[0] and char_class[codes[j]] != SPACE and j > i:
        return i  # punctuation between two words ("a-b", "x/y") belongs to neither
    return j


@nb.njit(cache=True, nogil=True)
def _tokenize_codes(codes, char_class, fold_ptr, fold_data, capacity):  # pragma: no cover
    n = codes.shape[0]
    hashes = np.empty(capacity, dtype=np.uint64)
    starts = np.empty(capacity, dtype=np.int64)
    ends = np.empty(capacity, dtype=np.int64)
    k = 0
    in_word = False
    h = _FNV_OFFSET
    folded = 0
    start = 0
    for i in range(n + 1):
        c = char_class[codes[i]] if i < n else 0
        if c == JOINER and in_word and i + 1 < n and char_class[codes[i + 1]] == WORD:
            continue  # glue inside a word: contributes nothing to its matching form
        if c == WORD:
            if not in_word:
                in_word = True
                h = _FNV_OFFSET
                folded = 0
                start = i
            h, m = _fold_hash(codes[i], fold_ptr, fold_data, h)
            folded += m
            continue
        if in_word:
            in_word = False
            if folded > 0:  # a run of ignorable marks alone is not a word
                hashes[k] = mix64(h)
                starts[k] = start
                ends[k] = _glued_end(codes, char_class, i)
                k += 1
        if c == SINGLE:
            h, m = _fold_hash(codes[i], fold_ptr, fold_data, _FNV_OFFSET)
            hashes[k] = mix64(h)
            starts[k] = i
            ends[k] = _glued_end(codes, char_class, i + 1)
            k += 1
    return hashes[:k], starts[:k], ends[:k]


def _tokenize_array(codes: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    char_class, fold_ptr, fold_data = tables()
    # exact upper bound on the token count, so the compiled loop never grows its arrays
    c = char_class[codes]
    word = c == WORD
    capacity = int(np.count_nonzero(word[1:] & ~word[:-1])) + int(word[:1].sum())
    capacity += int(np.count_nonzero(c == SINGLE))
    return _tokenize_codes(codes, char_class, fold_ptr, fold_data, capacity)


def codepoints(text: str) -> np.ndarray:
    """The text as a uint32 array, one element per Python ``str`` index."""
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


@dataclass(slots=True)
class Tokens:
    """Tokens of a batch of documents, concatenated; document d owns tokens ptr[d]:ptr[d+1]."""

    hashes: np.ndarray  # uint64
    starts: np.ndarray  # int32, char offset in the document's own text
    ends: np.ndarray  # int32
    ptr: np.ndarray  # int64, len = ndocs + 1

    @property
    def ndocs(self) -> int:
        return len(self.ptr) - 1

    def doc(self, d: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        s, e = self.ptr[d], self.ptr[d + 1]
        return self.hashes[s:e], self.starts[s:e], self.ends[s:e]


def tokenize(text: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Tokenize one text: (hashes uint64, starts int64, ends int64), offsets into ``text``."""
    return _tokenize_array(codepoints(text))


def tokenize_batch(texts: Sequence[str]) -> Tokens:
    """Tokenize many texts in one compiled pass (joined by a separator, then split back)."""
    if not texts:
        z = np.zeros(0, np.int32)
        return Tokens(np.zeros(0, np.uint64), z, z, np.zeros(1, np.int64))
    lengths = np.fromiter((len(t) for t in texts), dtype=np.int64, count=len(texts))
    doc_start = np.zeros(len(texts), dtype=np.int64)
    np.cumsum(lengths[:-1] + 1, out=doc_start[1:])
    hashes, starts, ends = _tokenize_array(codepoints("\n".join(texts)))
    # "\n" is a separator, so no token crosses a document boundary
    tok_ptr = np.searchsorted(starts, np.append(doc_start, doc_start[-1] + lengths[-1] + 1))
    owner = np.repeat(np.arange(len(texts)), np.diff(tok_ptr))
    base = doc_start[owner]
    return Tokens(
        hashes,
        (starts - base).astype(np.int32),
        (ends - base).astype(np.int32),
        tok_ptr.astype(np.int64),
    )


def normal_form(text: str) -> str:
    """The matching form of a text, words joined by spaces (for display, tests and debugging)."""
    _, ptr, data = tables()
    _, starts, ends = tokenize(text)
    words = []
    for s, e in zip(starts.tolist(), ends.tolist(), strict=True):
        chars = []
        for ch in text[s:e]:
            cp = ord(ch)
            chars.extend(chr(c) for c in data[ptr[cp] : ptr[cp + 1]])
        words.append("".join(chars))
    return " ".join(words)
