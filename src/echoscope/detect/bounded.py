"""The local engine over a store's token index, in a memory budget.

All pairs, in two passes over disk (the shape of passim's and of the Spark engine's shuffles):

1. Seed groups a hash range at a time (:func:`index.hash_ranges`), each range small enough to
   hold; each emits its seed matches (:func:`candidates.seed_matches`: a group is whole in
   one range, so its document frequency and cap are exact), spilled to disk in slices by the
   first document of the pair.
2. Document pairs a few slices at a time: a pair's matches all sit in one slice, and pairs are
   independent from here on (:func:`local.align_matches`), so each batch of slices is chained,
   extended and aligned on its own; batches in document order give the passages in the order
   one pass over everything gives.

Incremental and query runs read only the seed groups the new documents (or the query texts)
touch (:func:`index.occurrences`), then follow :func:`local.detect`'s rules unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

from echoscope.detect.arrays import distinct
from echoscope.detect.budget import check_disk, power_of_two_parts
from echoscope.detect.candidates import (
    ANY_NEW,
    LISTED,
    ONE_NEW,
    SeedMatches,
    build_index,
    concat_matches,
    crossed_pairs,
    pair_count,
    pairs_to_realign,
    seed_matches,
    sort_matches,
)
from echoscope.detect.index import (
    TokenIndex,
    hash_ranges,
    occurrences,
    subset_tokens,
)
from echoscope.detect.local import LexicalPassages, RunStats, align_matches, concat_passages
from echoscope.detect.params import OCCURRENCES_PER_DOCUMENT, DetectParams
from echoscope.detect.seeds import doc_seeds
from echoscope.store.index_files import SpillFiles
from echoscope.text.tokenize import Tokens

#: bytes of memory per seed while a hash range emits its matches: the range's rows and group
#: bounds, and its matches as emitted and sorted (measured on generated corpora: about 93 at
#: 100,000 documents, where a seed makes 0.85 matches, and 115 at a million, where it makes
#: 1.33: matches per seed grow with the corpus)
SEEDS_BYTES_PER_SEED = 128
#: bytes of memory per seed match while a batch of pairs is sorted, chained and aligned
#: (measured: about 100 at 100,000 documents, 180 at a million)
ALIGN_BYTES_PER_MATCH = 200
#: slices of the first documents of pairs the matches are spilled into
MATCH_SLICES = 256
MATCH_RECORD = np.dtype([("a", "<i4"), ("b", "<i4"), ("pa", "<i4"), ("pb", "<i4")])
#: share of the memory budget an incremental run's lookups may hold as mapped seed pages: a
#: run that fits is read through the map (at 100,000 documents, 0.4 s a lookup instead of
#: 0.75 s streamed), a larger one streamed
MAPPED_SHARE = 0.25


def _say(progress: Callable[[str], None] | None) -> Callable[[str], None]:
    return progress or (lambda _msg: None)


def all_pairs(
    index: TokenIndex,
    series: np.ndarray,
    params: DetectParams,
    *,
    memory: int,
    spill_folder: Path,
    stats: RunStats | None = None,
    progress: Callable[[str], None] | None = None,
    hash_parts: int | None = None,
    slices: int | None = None,
) -> LexicalPassages:
    """Every cross-series passage pair of the indexed documents, in ``memory`` bytes of
    working arrays (``hash_parts`` and ``slices`` force the partitioning, for tests)."""
    params.validate()
    stats = stats or RunStats()
    say = _say(progress)
    ndocs = index.ndocs
    t = time.perf_counter()
    say("matching seeds")
    parts = hash_parts or power_of_two_parts(index.seeds * SEEDS_BYTES_PER_SEED, memory)
    # enough slices that a batch of them fits the budget (matches per seed: about 1.3 at a
    # million generated documents; twice that is assumed, and a pair's first document skews
    # slices towards the start)
    tokens_bytes = index.tokens.hashes.nbytes + index.tokens.ptr.nbytes
    align_memory = max(memory - tokens_bytes, memory // 4)
    needed = int(index.seeds * 2 * ALIGN_BYTES_PER_MATCH / align_memory) * 4
    n_slices = max(1, min(slices or max(MATCH_SLICES, needed), ndocs))
    edges = np.linspace(0, ndocs, n_slices + 1).astype(np.int64)
    # alignment reads the token hashes (mapped) at random: they come out of the budget
    batch_matches = max(1, align_memory // ALIGN_BYTES_PER_MATCH)
    stats.counts["seeds"] = stats.counts["indexed_seeds"] = index.seeds
    stats.counts["hash_ranges"] = parts
    found: list[LexicalPassages] = []
    counts = {"seed_matches": 0, "pairs_with_matches": 0, "chains": 0, "passages": 0}
    batches = 0
    for matches in _match_batches(
        index, series, params, parts, edges, batch_matches, spill_folder, forced=slices is not None
    ):
        if not batches:
            t = stats.timed("candidates", t)
        counts["seed_matches"] += len(matches)
        counts["pairs_with_matches"] += pair_count(matches, ndocs)
        part_stats = RunStats()
        found.append(align_matches(index.tokens, matches, params, stats=part_stats, progress=say))
        del matches
        index.arrays.release()  # the tokens this batch read: not held for the next ones
        for name in ("chains", "passages"):
            counts[name] += part_stats.counts.get(name, 0)
        for name, secs in part_stats.seconds.items():
            stats.seconds[name] = round(stats.seconds.get(name, 0.0) + secs, 4)
        batches += 1
    stats.counts.update(counts)
    stats.counts["pair_batches"] = batches
    return concat_passages(found)


def _match_batches(
    index: TokenIndex,
    series: np.ndarray,
    params: DetectParams,
    parts: int,
    edges: np.ndarray,
    batch_matches: int,
    spill_folder: Path,
    *,
    forced: bool,
) -> Iterator[SeedMatches]:
    """The seed matches of every pair, a batch of pairs at a time in pair order: spilled to
    disk by first document and read back a few slices at a time, unless one hash range holds
    them all and they fit one batch (they are already in pair order then)."""
    ndocs = index.ndocs
    chunks = hash_ranges(index.arrays, parts)
    first = seed_matches(next(chunks), series, max_df=params.max_df)
    if parts == 1 and not forced and len(first) <= batch_matches:
        yield first
        return
    # a guess (matches per seed vary by corpus: about one on generated news); the disk fills
    # up with a one-line error anyway, before anything is saved
    check_disk(spill_folder, index.seeds * MATCH_RECORD.itemsize * 2, "the seed matches' spill")
    n_slices = len(edges) - 1
    spill = SpillFiles(spill_folder, "matches", MATCH_RECORD, n_slices)
    pending: SeedMatches | None = first
    while pending is not None:
        cut = np.searchsorted(pending.doc_a, edges)  # sorted by first document
        records = np.empty(len(pending), MATCH_RECORD)
        records["a"], records["b"] = pending.doc_a, pending.doc_b
        records["pa"], records["pb"] = pending.pos_a, pending.pos_b
        for k in range(n_slices):
            spill.append(k, records[cut[k] : cut[k + 1]])
        del records
        chunk = next(chunks, None)
        pending = None if chunk is None else seed_matches(chunk, series, max_df=params.max_df)
    k = 0
    while k < n_slices:
        group = [k]
        size = spill.count(k)
        while group[-1] + 1 < n_slices and size + spill.count(group[-1] + 1) <= batch_matches:
            group.append(group[-1] + 1)
            size += spill.count(group[-1])
        k = group[-1] + 1
        records = np.concatenate([spill.read(s) for s in group])
        for s in group:
            spill.drop(s)
        yield sort_matches(
            records["a"],
            records["b"],
            records["pa"],
            records["pb"],
            ndocs=ndocs,
            max_pos=int(max(records["pa"].max(initial=0), records["pb"].max(initial=0))),
        )


def new_pairs(
    index: TokenIndex,
    series: np.ndarray,
    is_new: np.ndarray,
    params: DetectParams,
    *,
    stats: RunStats | None = None,
    progress: Callable[[str], None] | None = None,
    memory: int | None = None,
) -> tuple[LexicalPassages, np.ndarray]:
    """:func:`local.detect` in ``ANY_NEW`` mode over the index: pairs with a new document, and
    the old pairs whose shared seeds the new documents made boilerplate (their keys are the
    second value, as there). Seed runs up to a share of ``memory`` are read through the map
    (:func:`index.occurrences`)."""
    params.validate()
    stats = stats or RunStats()
    say = _say(progress)
    t = time.perf_counter()
    say("seeding")
    tokens = index.tokens
    cap = OCCURRENCES_PER_DOCUMENT * params.max_df
    new_seeds, _, _ = doc_seeds(subset_tokens(tokens, np.flatnonzero(is_new)), index.ngram)
    wanted, new_rows = np.unique(new_seeds, return_counts=True)
    # a group with more than the cap of old occurrences was never kept, so never crossed
    # either: it can be skipped (the new documents' own rows are the allowance)
    mapped = int(memory * MAPPED_SHARE) if memory else 0
    seed_index = build_index(
        *occurrences(index, wanted, cap=cap, allowance=new_rows, mapped_bytes=mapped)
    )
    stats.counts["seeds"] = index.seeds
    stats.counts["indexed_seeds"] = len(seed_index.seeds)
    t = stats.timed("seed_index", t)
    say("matching seeds")
    extra = crossed_pairs(seed_index, series, is_new, params.max_df)
    matches = seed_matches(seed_index, series, max_df=params.max_df, is_new=is_new, mode=ANY_NEW)
    del seed_index
    if len(extra):
        # old pairs that lost seeds to the cap: realign those that can change from all their
        # remaining seeds, looked up only where their own documents' seeds say they meet
        involved = distinct(np.concatenate([extra // len(series), extra % len(series)]))
        seeds, docs, pos = doc_seeds(subset_tokens(tokens, involved), index.ngram)
        own = build_index(seeds, involved[docs].astype(np.int32), pos)
        del seeds, docs, pos
        extra, wanted = pairs_to_realign(
            own, series, extra, max_df=params.max_df, min_seeds=params.min_seeds
        )
        again = build_index(*occurrences(index, wanted, cap=cap, mapped_bytes=mapped))
        listed = seed_matches(again, series, max_df=params.max_df, mode=LISTED, extra_keys=extra)
        matches = concat_matches([matches, listed], ndocs=len(series))
    stats.counts["realigned_pairs"] = len(extra)
    stats.counts["seed_matches"] = len(matches)
    stats.counts["pairs_with_matches"] = pair_count(matches, len(series))
    stats.timed("candidates", t)
    passages = align_matches(tokens, matches, params, stats=stats, progress=say)
    index.arrays.release()
    return passages, extra


def query_echoes(
    index: TokenIndex,
    queries: Tokens,
    params: DetectParams,
    *,
    unindexed: Tokens | None = None,
) -> tuple[LexicalPassages, np.ndarray]:
    """:func:`local.detect` in ``ONE_NEW`` mode for query texts: only the seed groups the
    queries touch are read from the index, and only the documents they match are aligned.

    Documents are numbered as the in-memory engine numbers them: the indexed ones, then
    ``unindexed`` (the store's documents added since the index was last grown, tokenized by
    the caller), then the queries. Returns the passages, their documents numbered by position
    in the second value (the numbers of the documents they involve, in order)."""
    params.validate()
    n = index.ndocs
    later = _joined(unindexed or _NO_TOKENS, queries)  # documents n, n+1, ...
    first_query = n + (unindexed.ndocs if unindexed is not None else 0)
    seeds, docs, pos = doc_seeds(later, index.ngram)
    docs = docs.astype(np.int64) + n
    wanted = distinct(seeds[docs >= first_query])
    # every occurrence of the queries' seeds: the index's, then the later documents' (all
    # of the queries' own among them), in document order as one sort of everything gives
    cap = OCCURRENCES_PER_DOCUMENT * params.max_df
    stored_seeds, stored_docs, stored_pos, kept = occurrences(index, wanted, cap=cap, kept=True)
    # a seed whose stored rows are over the cap is dropped whatever joins it: its rows in the
    # later documents go too (else they would make a group of their own)
    keep = np.isin(seeds, wanted[kept])
    seed_index = build_index(
        np.concatenate([stored_seeds, seeds[keep]]),
        np.concatenate([stored_docs, docs[keep].astype(np.int32)]),
        np.concatenate([stored_pos, pos[keep]]),
    )
    # every query its own series; the corpus's series do not matter when a pair has exactly
    # one query in it
    total = n + later.ndocs
    series = np.zeros(total, np.int64)
    series[first_query:] = 1 + np.arange(total - first_query)
    is_new = np.zeros(total, np.bool_)
    is_new[first_query:] = True
    matches = seed_matches(seed_index, series, max_df=params.max_df, is_new=is_new, mode=ONE_NEW)
    # align over the matched documents only, renumbered in order (pairs keep their order)
    numbers = distinct(np.concatenate([matches.doc_a, matches.doc_b]).astype(np.int64))
    stored = numbers[numbers < n]
    local = _joined(
        subset_tokens(index.tokens, stored), subset_tokens(later, numbers[len(stored) :] - n)
    )
    renumbered = SeedMatches(
        np.searchsorted(numbers, matches.doc_a).astype(np.int32),
        np.searchsorted(numbers, matches.doc_b).astype(np.int32),
        matches.pos_a,
        matches.pos_b,
    )
    return align_matches(local, renumbered, params), numbers


_NO_TOKENS = Tokens(
    np.zeros(0, np.uint64), np.zeros(0, np.int32), np.zeros(0, np.int32), np.zeros(1, np.int64)
)


def _joined(a: Tokens, b: Tokens) -> Tokens:
    return Tokens(
        np.concatenate([a.hashes, b.hashes]),
        np.concatenate([a.starts, b.starts]),
        np.concatenate([a.ends, b.ends]),
        np.concatenate([a.ptr, a.ptr[-1] + b.ptr[1:]]),
    )
