"""Detect jobs over a store: all pairs (full or incremental) and query mode.

Incremental: a run records the last document it covered. The next run with the same parameters
aligns only pairs that involve a document added since, plus the old pairs whose shared seeds the
new documents pushed over the document-frequency cap; it replaces exactly those pairs' results.
So its result equals a full rerun, without realigning the archive.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from tqdm import tqdm

from echoscope.detect.candidates import ALL_PAIRS, ANY_NEW, ONE_NEW
from echoscope.detect.local import LexicalPassages, RunStats, detect
from echoscope.detect.ops import swapped
from echoscope.detect.params import DetectParams, SemanticParams
from echoscope.detect.plan import (
    FIND,
    KEEP,
    LOCAL_ENGINE,
    NEW,
    CorpusState,
    RunParams,
    RunPlan,
    plan_run,
)
from echoscope.detect.semantic_job import (
    load_sentences,
    paraphrase_pairs,
    query_pairs,
    require_semantic,
)
from echoscope.errors import EchoscopeError
from echoscope.model import SEMANTIC_KINDS, PassagePair, series_key
from echoscope.points.build import rebuild_points
from echoscope.points.bursts import BurstParams
from echoscope.store.sqlite import Store, now
from echoscope.text.tokenize import Tokens, tokenize_batch

_BATCH = 2000


@dataclass(slots=True)
class Corpus:
    """The store's documents as arrays the engine works on (index = position in rowid order)."""

    rowids: np.ndarray  # int64
    ids: list[str]
    series: np.ndarray  # int64 series number; documents of one series are never compared
    tokens: Tokens


@dataclass(slots=True)
class DetectResult:
    run_id: int | None
    mode: str  # full, incremental, points, semantic or up-to-date (see detect.plan)
    docs: int
    new_docs: int
    passages: int
    stats: RunStats = field(default_factory=RunStats)


def concat_tokens(parts: Sequence[Tokens]) -> Tokens:
    """Join per-batch token arrays into one corpus-wide set."""
    if not parts:
        z = np.zeros(0, np.int32)
        return Tokens(np.zeros(0, np.uint64), z, z, np.zeros(1, np.int64))
    offsets = np.cumsum([0] + [len(p.hashes) for p in parts[:-1]])
    ptr = np.concatenate(
        [parts[0].ptr[:1]] + [p.ptr[1:] + o for p, o in zip(parts, offsets, strict=True)]
    )
    return Tokens(
        np.concatenate([p.hashes for p in parts]),
        np.concatenate([p.starts for p in parts]),
        np.concatenate([p.ends for p in parts]),
        ptr.astype(np.int64),
    )


def series_numbers(ids: Sequence[str], series: Sequence[str | None]) -> np.ndarray:
    """A number per document's series; a document without a series is its own series."""
    keys = [series_key(i, s) for i, s in zip(ids, series, strict=True)]
    _, inverse = np.unique(np.asarray(keys, dtype=object), return_inverse=True)
    return inverse.astype(np.int64)


def load_corpus(store: Store, *, progress: bool = True) -> Corpus:
    """Tokenize every document of the store (two threads: the compiled tokenizer drops the GIL)."""
    index = store.document_index()
    if not index:
        raise EchoscopeError(f"{store.path}: the store has no documents (run 'echoscope ingest')")
    rowids = np.fromiter((r[0] for r in index), dtype=np.int64, count=len(index))
    ids = [r[1] for r in index]
    series = series_numbers(ids, [r[2] for r in index])
    bar = tqdm(
        total=len(ids),
        desc="tokenize",
        unit=" docs",
        disable=None if progress else True,
        leave=False,
    )
    parts: list[Tokens] = []
    with ThreadPoolExecutor(max_workers=2) as pool:
        pending = []
        for texts in store.iter_texts(_BATCH):
            pending.append((pool.submit(tokenize_batch, texts), len(texts)))
            while len(pending) > 2:  # bound memory: at most a few batches of text in flight
                fut, n = pending.pop(0)
                parts.append(fut.result())
                bar.update(n)
        for fut, n in pending:
            parts.append(fut.result())
            bar.update(n)
    bar.close()
    return Corpus(rowids, ids, series, concat_tokens(parts))


def passage_pairs(corpus_ids: Sequence[str], p: LexicalPassages) -> list[PassagePair]:
    """The records of the engine's passages, documents by id (a lexical passage's similarity
    is its token identity)."""
    cols = zip(
        p.doc_a.tolist(),
        p.start_a.tolist(),
        p.end_a.tolist(),
        p.doc_b.tolist(),
        p.start_b.tolist(),
        p.end_b.tolist(),
        p.tokens_a.tolist(),
        p.tokens_b.tolist(),
        p.score.tolist(),
        p.identity.tolist(),
        p.kind,
        p.ops,
        strict=True,
    )
    return [
        PassagePair(
            doc_a=corpus_ids[a],
            start_a=sa,
            end_a=ea,
            doc_b=corpus_ids[b],
            start_b=sb,
            end_b=eb,
            tokens_a=ta,
            tokens_b=tb,
            score=float(score),
            identity=identity,
            kind=kind,
            ops=ops,
            similarity=identity,
        )
        for a, sa, ea, b, sb, eb, ta, tb, score, identity, kind, ops in cols
    ]


def run_detect(
    store: Store,
    params: DetectParams,
    *,
    full: bool = False,
    progress: bool = True,
    say: Callable[[str], None] | None = None,
    bursts: BurstParams | None = None,
    semantic: SemanticParams | None = None,
    device: str = "cpu",
) -> DetectResult:
    """Detect all cross-series passage pairs and save them, with the talking points built
    from them, as one atomic run. With ``semantic``, paraphrases found from sentence
    embeddings join the lexical passages (see :mod:`echoscope.detect.semantic`). What the run
    redoes is decided by :func:`echoscope.detect.plan.plan_run`."""
    if semantic is not None:
        require_semantic()
    started = now()
    t0 = time.perf_counter()
    stats = RunStats()
    corpus = load_corpus(store, progress=progress)
    stats.timed("tokenize", t0)
    n = len(corpus.ids)
    run_params = RunParams(params, bursts or BurstParams(), semantic)
    plan = plan_run(store.last_run(), run_params, CorpusState(corpus.rowids), full=full)
    if not plan.writes:
        return DetectResult(None, plan.mode, n, 0, store.count_passages(), stats)
    lexical, replace = _lexical_pairs(corpus, params, plan, stats, say)
    sentences = None
    if plan.paraphrases == FIND:  # only when semantic parameters were given
        if say:
            say("sentence vectors")
        t = time.perf_counter()
        sentences = load_sentences(
            store, corpus.rowids, semantic, device=device, progress=progress, counts=stats.counts
        )
        stats.timed("embed", t)
    t = time.perf_counter()
    if say:
        say("saving")
    with store.transaction(saves="the detect run") as conn:
        store.refuse_if_changed(conn, n, int(corpus.rowids[-1]), plan.last_run_id)
        # paraphrases are recomputed over the whole corpus (from cached vectors) every run;
        # gone before the lexical passages go in, so that neither takes the other's id
        if plan.paraphrases != KEEP:
            store.delete_passages_of_kinds(conn, SEMANTIC_KINDS)
        run_id = store.save_run(
            conn,
            started=started,
            engine=LOCAL_ENGINE,
            mode=plan.mode,
            params=run_params.as_dict(),
            docs=n,
            new_docs=plan.new_docs,
            last_doc=int(corpus.rowids[-1]),
            counts=stats.counts,
            seconds=stats.seconds,
            replace_pairs=replace,
            passages=lexical,
        )
        t = stats.timed("store", t)
        if sentences is not None:
            if say:
                say("paraphrases")
            found = paraphrase_pairs(
                store,
                conn,
                sentences,
                corpus.ids,
                corpus.series,
                semantic,
                stats.counts,
                stats.seconds,
            )
            t = time.perf_counter()  # the search itself is timed as "semantic"
            store.add_passages(conn, run_id, found)
            t = stats.timed("store", t)
        if say:
            say("talking points")
        stats.counts["points"] = rebuild_points(store, conn, run_id, run_params.bursts)
        t = stats.timed("points", t)
        store.update_run_counts(conn, run_id, stats.counts, stats.seconds)
    stats.timed("store", t)  # the commit
    return DetectResult(run_id, plan.mode, n, plan.new_docs, store.count_passages(), stats)


def _lexical_pairs(
    corpus: Corpus,
    params: DetectParams,
    plan: RunPlan,
    stats: RunStats,
    say: Callable[[str], None] | None,
) -> tuple[list[PassagePair], list[tuple[str, str]] | None]:
    """The lexical passages the plan's run saves, and the document pairs whose stored
    passages they replace (None: every passage; empty: none, the stored ones stand)."""
    if plan.lexical == KEEP:
        return [], []
    n = len(corpus.ids)
    is_new = corpus.rowids > plan.new_after if plan.lexical == NEW else None
    passages, crossed = detect(
        corpus.tokens,
        corpus.series,
        params,
        is_new=is_new,
        mode=ANY_NEW if is_new is not None else ALL_PAIRS,
        stats=stats,
        progress=say,
    )
    found = passage_pairs(corpus.ids, passages)
    if is_new is None:
        return found, None
    # pairs with a new document have no passages yet; old pairs whose seeds changed go
    return found, [
        (corpus.ids[a], corpus.ids[b])
        for a, b in zip((crossed // n).tolist(), (crossed % n).tolist(), strict=True)
    ]


def run_query(
    store: Store,
    queries: Sequence[tuple[str, str]],
    params: DetectParams,
    *,
    progress: bool = True,
    semantic: SemanticParams | None = None,
    device: str = "cpu",
    say: Callable[[str], None] | None = None,
) -> list[PassagePair]:
    """Where is each query text echoed in the corpus? Nothing is written to the store.

    ``queries`` are (name, text). Each query is its own series, compared with every corpus
    document (not with the other queries); it counts towards seed document frequencies like any
    document. Pairs come query first. With ``semantic``, paraphrases and translations of the
    query's sentences are found too (in any language), from the corpus's cached vectors.
    """
    if semantic is not None:
        require_semantic()
    corpus = load_corpus(store, progress=progress)
    qtok = tokenize_batch([t for _, t in queries])
    tokens = concat_tokens([corpus.tokens, qtok])
    n = len(corpus.ids)
    names = [f"query:{name}" for name, _ in queries]
    series = np.concatenate(
        [corpus.series, corpus.series.max(initial=-1) + 1 + np.arange(len(queries))]
    )
    is_new = np.zeros(n + len(queries), dtype=np.bool_)
    is_new[n:] = True
    passages, _ = detect(tokens, series, params, is_new=is_new, mode=ONE_NEW)
    # the query first, as the semantic passages come
    found = [swapped(p) for p in passage_pairs(corpus.ids + names, passages)]
    if semantic is not None:
        found += query_pairs(
            store,
            corpus.ids,
            corpus.rowids,
            corpus.series,
            queries,
            found,
            semantic,
            device=device,
            progress=progress,
            say=say,
        )
    found.sort(key=lambda p: (p.doc_a, -p.score, p.doc_b, p.start_a))
    return found
