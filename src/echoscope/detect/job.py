"""Detect jobs over a store: all pairs (full or incremental) and query mode.

Incremental: a run records the last document it covered. The next run with the same parameters
aligns only pairs that involve a document added since, plus the old pairs whose shared seeds the
new documents pushed over the document-frequency cap; it replaces exactly those pairs' results.
So its result equals a full rerun, without realigning the archive.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
from tqdm import tqdm

from echoscope.detect.arrays import distinct
from echoscope.detect.bounded import SEEDS_BYTES_PER_SEED, all_pairs, new_pairs, query_echoes
from echoscope.detect.budget import default_memory
from echoscope.detect.candidates import ONE_NEW
from echoscope.detect.index import TokenIndex, open_index, update_index
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
from echoscope.model import SEMANTIC_KINDS, PassagePair
from echoscope.points.build import rebuild_points, update_points
from echoscope.points.bursts import BurstParams
from echoscope.store.index_files import spill_folder
from echoscope.store.sqlite import Store, now
from echoscope.targets.stage import TargetsParams, update_targets
from echoscope.targets.stage import pending as targets_pending
from echoscope.text.tokenize import Tokens, tokenize_batch

_BATCH = 2000


@dataclass(slots=True)
class Corpus:
    """The store's documents as arrays the engine works on (index = position in rowid order);
    ``tokens`` only where they were tokenized in memory (see :func:`load_corpus`). Their ids
    are read when first asked for: an incremental run needs those of a few documents only."""

    rowids: np.ndarray  # int64
    series: np.ndarray  # int64 series number; documents of one series are never compared
    store: Store | None = None  # where the ids are read from
    tokens: Tokens | None = None
    _ids: list[str] | None = None

    @property
    def ids(self) -> list[str]:
        """Every document's id, by number."""
        if self._ids is None:
            # the documents read by rowid, not any ingested since
            self._ids = self._store().document_ids(int(self.rowids[-1]))
            if len(self._ids) != len(self.rowids):  # documents are never deleted
                raise EchoscopeError("the store's documents changed while they were read")
        return self._ids

    def ids_of(self, numbers: np.ndarray) -> dict[int, str]:
        """The ids of documents ``numbers``, by number."""
        wanted = distinct(np.asarray(numbers, np.int64))
        if self._ids is not None:
            return {k: self._ids[k] for k in wanted.tolist()}
        ids = self._store().ids_by_rowid(self.rowids[wanted].tolist())
        return dict(zip(wanted.tolist(), ids, strict=True))

    def _store(self) -> Store:
        if self.store is None:  # never expected: every corpus is read from a store
            raise EchoscopeError("the corpus's documents have no store to read their ids from")
        return self.store


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


def series_numbers(series: Sequence[str | None]) -> np.ndarray:
    """A number per document's series (numbers only compare: equal or not); a document
    without a series, or with an empty one, is its own (:func:`model.series_key`)."""
    named: dict[str, int] = {}
    out = np.fromiter(
        (named.setdefault(s, len(named)) if s else -1 for s in series), np.int64, len(series)
    )
    own = out < 0
    out[own] = len(named) + np.arange(int(own.sum()))
    return out


def load_documents(store: Store) -> Corpus:
    """The store's documents, without their tokens (the token index holds those) or their
    ids (read when asked for)."""
    rows = store.document_series()
    if not rows:
        raise EchoscopeError(f"{store.path}: the store has no documents (run 'echoscope ingest')")
    rowids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
    return Corpus(rowids, series_numbers([r[1] for r in rows]), store)


def load_corpus(store: Store, *, progress: bool = True) -> Corpus:
    """Tokenize every document of the store in memory (two threads: the compiled tokenizer
    drops the GIL): the way to read a store whose token index is not current."""
    corpus = load_documents(store)
    bar = tqdm(
        total=len(corpus.rowids),
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
    corpus.tokens = concat_tokens(parts)
    corpus.ids  # read now: a corpus in memory is used after its store is closed  # noqa: B018
    return corpus


def passage_pairs(
    corpus_ids: Sequence[str] | Mapping[int, str], p: LexicalPassages
) -> list[PassagePair]:
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
    memory: int | None = None,
    targets: TargetsParams | None = None,
) -> DetectResult:
    """Detect all cross-series passage pairs and save them, with the talking points built
    from them, as one atomic run. With ``semantic``, paraphrases found from sentence
    embeddings join the lexical passages (see :mod:`echoscope.detect.semantic`). What the run
    redoes is decided by :func:`echoscope.detect.plan.plan_run`. Tokens come from the store's
    token index (:mod:`echoscope.detect.index`), which the run first brings up to date; the
    work is partitioned to fit ``memory`` bytes (default: a share of the machine's)."""
    if semantic is not None:
        require_semantic()
    memory = memory or default_memory()
    started = now()
    t0 = time.perf_counter()
    stats = RunStats()
    corpus = load_documents(store)
    n = len(corpus.rowids)
    run_params = RunParams(params, bursts or BurstParams(), semantic)
    plan = plan_run(store.last_run(), run_params, CorpusState(corpus.rowids), full=full)
    targets = targets or TargetsParams()
    if not plan.writes:
        if n and targets_pending(store.conn, targets, int(corpus.rowids[-1])):
            with store.transaction(saves="the targets") as conn:
                _targets_stage(conn, targets, stats, say)
        return DetectResult(None, plan.mode, n, 0, store.count_passages(), stats)
    lexical, replace = [], []
    if plan.lexical != KEEP:  # a points-only or semantic-only run needs no tokens
        index = update_index(
            store, params.ngram, memory, progress=progress, say=say, settle_later=True
        )
        try:
            if index.ndocs != n:  # the writer lock keeps ingest out: never expected
                raise EchoscopeError(f"{store.path}: the token index does not match the store")
            stats.timed("tokenize", t0)
            lexical, replace = _lexical_pairs(corpus, index, params, plan, stats, say, memory)
        except BaseException:
            # the engine's error is the one to report; the index is committed if it can be
            with contextlib.suppress(Exception):
                index.settle()
            raise
        index.settle()  # the index is committed before the run is saved
        del index  # unmaps the tokens: what follows does not read them
    changes = _changed_only(store, lexical, replace) if replace else None
    if changes is not None:
        lexical, replace = changes.passages, changes.pairs
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
        # only lexical passages changed (an incremental run without semantic search: the
        # last run had none either, and dropped any before it)
        if plan.lexical == NEW and replace is not None and plan.paraphrases != FIND:
            stats.counts["points"] = update_points(
                store,
                conn,
                run_id,
                run_params.bursts,
                _documents_of(lexical, replace),
                deleted_from=_documents_of([], changes.lost if changes else replace),
            )
        else:
            stats.counts["points"] = rebuild_points(store, conn, run_id, run_params.bursts)
        t = stats.timed("points", t)
        _targets_stage(conn, targets, stats, say)
        store.update_run_counts(conn, run_id, stats.counts, stats.seconds)
    stats.timed("store", t)  # the commit
    return DetectResult(run_id, plan.mode, n, plan.new_docs, store.count_passages(), stats)


def _targets_stage(
    conn: sqlite3.Connection,
    targets: TargetsParams,
    stats: RunStats,
    say: Callable[[str], None] | None,
) -> None:
    """Accusations of the new documents and the responses (:mod:`echoscope.targets`)."""
    if say:
        say("targets")
    t = time.perf_counter()
    counts = update_targets(conn, targets)
    stats.counts["accusations"] = int(counts["accusations"])
    stats.counts["responses"] = int(counts["responses"])
    stats.timed("targets", t)


def _lexical_pairs(
    corpus: Corpus,
    index: TokenIndex,
    params: DetectParams,
    plan: RunPlan,
    stats: RunStats,
    say: Callable[[str], None] | None,
    memory: int,
) -> tuple[list[PassagePair], list[tuple[str, str]] | None]:
    """The lexical passages the plan's run saves, and the document pairs whose stored
    passages they replace (None: every passage; empty: none, the stored ones stand)."""
    n = len(corpus.rowids)
    is_new = corpus.rowids > plan.new_after if plan.lexical == NEW else None
    if is_new is None or _beyond_budget(index, is_new, memory):
        # all pairs (an incremental run too, when its new documents alone would not fit
        # the budget: its result is a full run's anyway)
        with spill_folder(index.folder) as spill:
            passages = all_pairs(
                index,
                corpus.series,
                params,
                memory=memory,
                spill_folder=spill,
                stats=stats,
                progress=say,
            )
        return passage_pairs(corpus.ids, passages), None
    passages, crossed = new_pairs(
        index, corpus.series, is_new, params, stats=stats, progress=say, memory=memory
    )
    ids = corpus.ids_of(np.concatenate([passages.doc_a, passages.doc_b, crossed // n, crossed % n]))
    found = passage_pairs(ids, passages)
    # pairs with a new document have no passages yet; old pairs whose seeds changed go
    return found, [
        (ids[a], ids[b])
        for a, b in zip((crossed // n).tolist(), (crossed % n).tolist(), strict=True)
    ]


def _beyond_budget(index: TokenIndex, is_new: np.ndarray, memory: int) -> bool:
    """Whether an incremental run's lookups would not fit ``memory``: it holds every stored
    occurrence of the new documents' seeds at once (about twice their own, with reprints)."""
    first_new = int(np.argmax(is_new)) if is_new.any() else len(is_new)
    new_tokens = int(index.tokens.ptr[-1] - index.tokens.ptr[first_new])
    return new_tokens * 2 * SEEDS_BYTES_PER_SEED > memory


@dataclass(slots=True)
class Changes:
    """What an incremental run saves: its passages and the pairs whose stored ones go, less
    the realigned pairs that came out as they were stored."""

    passages: list[PassagePair]
    pairs: list[tuple[str, str]]  # pairs whose stored passages are replaced
    lost: list[tuple[str, str]]  # those of them that had stored passages


def _changed_only(
    store: Store, found: list[PassagePair], replace: list[tuple[str, str]]
) -> Changes:
    """Drop the realigned old pairs whose passages came out exactly as stored (most of them:
    a new document pushed a shared seed over the cap, and the pair aligns the same without
    it), so that neither the passages nor the talking points of those pairs are rewritten."""
    realigned = set(replace)
    new_of: dict[tuple[str, str], list[PassagePair]] = {}
    for p in found:
        if (p.doc_a, p.doc_b) in realigned:
            new_of.setdefault((p.doc_a, p.doc_b), []).append(p)
    old_of: dict[tuple[str, str], list[PassagePair]] = {}
    for p in store.passages_of_pairs(replace):
        old_of.setdefault((p.doc_a, p.doc_b), []).append(p)
    same = {pair for pair in realigned if new_of.get(pair, []) == old_of.get(pair, [])}
    return Changes(
        [p for p in found if (p.doc_a, p.doc_b) not in same],
        [pair for pair in replace if pair not in same],
        [pair for pair in replace if pair not in same and pair in old_of],
    )


def _documents_of(passages: Sequence[PassagePair], pairs: Sequence[tuple[str, str]]) -> set[str]:
    docs = {p.doc_a for p in passages} | {p.doc_b for p in passages}
    return docs | {a for a, _ in pairs} | {b for _, b in pairs}


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
    qtok = tokenize_batch([t for _, t in queries])
    names = [f"query:{name}" for name, _ in queries]
    index = open_index(store, params.ngram)
    corpus = None
    if index is not None:  # only the seed groups the queries touch are read
        passages, ids = _query_from_index(store, index, qtok, names, params, say)
    else:
        if say:
            say(
                "the token index is not current (run 'echoscope detect' to update it, and "
                "queries answer from it): tokenizing the corpus"
            )
        corpus = load_corpus(store, progress=progress)
        passages, ids = _query_in_memory(corpus, qtok, params), corpus.ids + names
    # the query first, as the semantic passages come
    found = [swapped(p) for p in passage_pairs(ids, passages)]
    if semantic is not None:
        corpus = corpus or load_documents(store)
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


def _query_in_memory(corpus: Corpus, queries: Tokens, params: DetectParams) -> LexicalPassages:
    """Query passages from tokens in memory: the queries are documents after the corpus's,
    each its own series, and only pairs with exactly one of them count."""
    tokens = concat_tokens([corpus.tokens, queries])
    n, q = len(corpus.rowids), queries.ndocs
    series = np.concatenate([corpus.series, corpus.series.max(initial=-1) + 1 + np.arange(q)])
    is_new = np.zeros(n + q, dtype=np.bool_)
    is_new[n:] = True
    passages, _ = detect(tokens, series, params, is_new=is_new, mode=ONE_NEW)
    return passages


def _query_from_index(
    store: Store,
    index: TokenIndex,
    queries: Tokens,
    names: list[str],
    params: DetectParams,
    say: Callable[[str], None] | None,
) -> tuple[LexicalPassages, list[str]]:
    """Query passages from the token index (and the documents added since it was grown,
    tokenized here), and the ids of the documents they number."""
    later_rowids: list[int] = []
    unindexed = None
    behind = store.document_count_and_last()[0] - index.ndocs
    if behind:
        if say:
            say(f"tokenizing the {behind} documents added since the last detect")
        texts: list[str] = []
        for rowids, batch in store.texts_after(index.manifest.last_rowid):
            later_rowids += rowids
            texts += batch
        unindexed = tokenize_batch(texts)
    passages, numbers = query_echoes(index, queries, params, unindexed=unindexed)
    rowids = np.concatenate([index.arrays.rowids, np.asarray(later_rowids, np.int64)])
    in_store = numbers[numbers < len(rowids)]
    ids = store.ids_by_rowid(rowids[in_store].tolist())
    ids += [names[k - len(rowids)] for k in numbers[len(in_store) :].tolist()]
    return passages, ids
