"""Step 1 of the semantic matcher: the sentences of a corpus worth embedding, with what the
later steps need of each (document, position, offsets, language, words, specifics)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from echoscope.detect.embed import embeddable
from echoscope.text.sentences import sentence_spans
from echoscope.text.specifics import specific_hashes

_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Specifics:
    """Per sentence, the sorted hashes of its numbers and proper names (CSR arrays)."""

    ptr: np.ndarray  # int64 (n + 1)
    hashes: np.ndarray  # uint32


@dataclass(slots=True)
class Sentences:
    """The embedded sentences of a corpus, one row each, in document order."""

    doc: np.ndarray  # int64: document index in the corpus
    pos: np.ndarray  # int32: sentence number within its document (every sentence counts)
    start: np.ndarray  # int32: character offsets in the document's text
    end: np.ndarray
    vectors: np.ndarray  # float32 (n, dim), L2-normalised
    specifics: Specifics | None = None  # numbers and names per sentence
    words: np.ndarray | None = None  # int32: words per sentence
    lang: np.ndarray | None = None  # int32: index into ``languages`` (None: all one language)
    languages: list[str] = field(default_factory=list)
    doc_languages: list[str] = field(default_factory=list)  # by corpus index
    lowercase: set[str] = field(default_factory=set)  # the corpus's words seen in lower case

    def language_codes(self) -> np.ndarray:
        """Per sentence, its language's index (0 for all when languages are unknown)."""
        return self.lang if self.lang is not None else np.zeros(len(self.doc), np.int32)


def specifics(texts: Sequence[str], lowercase: set[str]) -> Specifics:
    """The specifics of each text (sentence); ``lowercase`` as in
    :func:`echoscope.text.specifics.lowercase_words` over the whole corpus."""
    lists = [specific_hashes(t, lowercase) for t in texts]
    ptr = np.zeros(len(lists) + 1, np.int64)
    ptr[1:] = np.cumsum([len(x) for x in lists])
    flat = np.fromiter((h for x in lists for h in x), dtype=np.uint32, count=int(ptr[-1]))
    return Specifics(ptr, flat)


def word_counts(texts: Sequence[str]) -> np.ndarray:
    """Words per text (int32)."""
    return np.fromiter((len(_WORD.findall(t)) for t in texts), np.int32, count=len(texts))


def embeddable_sentences(text: str, min_words: int) -> np.ndarray:
    """``(pos, start, end)`` rows (int32) of the sentences of ``text`` worth embedding."""
    rows = [
        (pos, s, e)
        for pos, (s, e) in enumerate(sentence_spans(text))
        if len(_WORD.findall(text, s, e)) >= min_words and embeddable(text[s:e])
    ]
    return np.asarray(rows, dtype=np.int32).reshape(-1, 3)


def stack_sentences(
    docs: Sequence[int], spans: Sequence[np.ndarray], vectors: Sequence[np.ndarray], dim: int
) -> Sentences:
    """One :class:`Sentences` from per-document ``(pos, start, end)`` rows and vectors."""
    counts = np.fromiter((len(s) for s in spans), dtype=np.int64, count=len(spans))
    rows = np.concatenate([*spans, np.zeros((0, 3), np.int32)])
    vec = np.concatenate([*[v.astype(np.float32) for v in vectors], np.zeros((0, dim), np.float32)])
    return Sentences(
        np.repeat(np.asarray(docs, dtype=np.int64), counts),
        rows[:, 0].copy(),
        rows[:, 1].copy(),
        rows[:, 2].copy(),
        vec,
    )


def set_languages(s: Sentences, doc_languages: Sequence[str]) -> None:
    """Give each sentence its document's language (``doc_languages`` by corpus index)."""
    names = sorted(set(doc_languages))
    code = {name: k for k, name in enumerate(names)}
    per_doc = np.fromiter((code[x] for x in doc_languages), np.int32, count=len(doc_languages))
    s.languages = names
    s.doc_languages = list(doc_languages)
    s.lang = per_doc[s.doc] if len(s.doc) else np.zeros(0, np.int32)
