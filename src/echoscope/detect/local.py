"""The single-machine engine: seed -> candidates -> chain -> extend -> merge -> align.

Each stage is a function over arrays (numpy, or numba-compiled loops); this module only strings
them together, so another engine can run the same stages over partitions of a corpus.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from echoscope.detect.align import Aligned, align_spans, extend_spans, merge_spans, ops_strings
from echoscope.detect.candidates import (
    ALL_PAIRS,
    ANY_NEW,
    LISTED,
    SeedMatches,
    build_index,
    concat_matches,
    crossed_pairs,
    restrict_seeds,
    seed_matches,
)
from echoscope.detect.chain import chain_matches
from echoscope.detect.params import DetectParams
from echoscope.detect.seeds import doc_seeds
from echoscope.text.tokenize import Tokens


@dataclass(slots=True)
class Passages:
    """Detected passage pairs as columns; document sides are indices into the corpus."""

    doc_a: np.ndarray  # int32, doc_a < doc_b
    doc_b: np.ndarray
    start_a: np.ndarray  # int64 char offsets, end exclusive
    end_a: np.ndarray
    start_b: np.ndarray
    end_b: np.ndarray
    tokens_a: np.ndarray
    tokens_b: np.ndarray
    score: np.ndarray  # int64
    identity: np.ndarray  # float64
    seeds: np.ndarray
    ops: list[str]

    def __len__(self) -> int:
        return len(self.doc_a)


@dataclass(slots=True)
class RunStats:
    """Counts and seconds per stage, kept with the run in the store."""

    seconds: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def timed(self, name: str, t0: float) -> float:
        t = time.perf_counter()
        self.seconds[name] = round(self.seconds.get(name, 0.0) + t - t0, 4)
        return t


def to_passages(tokens: Tokens, aligned: Aligned, params: DetectParams) -> Passages:
    """Token spans -> character offsets; drop passages too short or too unlike to report."""
    s = aligned.spans
    # length counts identical aligned tokens: a short passage must be nearly verbatim to be
    # told from a chance run of formula words; a long one may be heavily edited
    keep = (aligned.matches >= params.min_tokens) & (aligned.identity >= params.min_identity)
    idx = np.flatnonzero(keep)
    ga0 = tokens.ptr[s.doc_a[idx]] + s.a0[idx]
    ga1 = tokens.ptr[s.doc_a[idx]] + s.a1[idx] - 1
    gb0 = tokens.ptr[s.doc_b[idx]] + s.b0[idx]
    gb1 = tokens.ptr[s.doc_b[idx]] + s.b1[idx] - 1
    return Passages(
        doc_a=s.doc_a[idx].astype(np.int64),
        doc_b=s.doc_b[idx].astype(np.int64),
        start_a=tokens.starts[ga0].astype(np.int64),
        end_a=tokens.ends[ga1].astype(np.int64),
        start_b=tokens.starts[gb0].astype(np.int64),
        end_b=tokens.ends[gb1].astype(np.int64),
        tokens_a=(s.a1 - s.a0)[idx].astype(np.int64),
        tokens_b=(s.b1 - s.b0)[idx].astype(np.int64),
        score=aligned.score[idx],
        identity=np.round(aligned.identity[idx], 4),
        seeds=s.seeds[idx].astype(np.int64),
        ops=ops_strings(aligned, idx),
    )


def detect(
    tokens: Tokens,
    series: np.ndarray,
    params: DetectParams,
    *,
    is_new: np.ndarray | None = None,
    mode: int = ALL_PAIRS,
    stats: RunStats | None = None,
    progress: Callable[[str], None] | None = None,
) -> tuple[Passages, np.ndarray]:
    """Find passage pairs among the documents of ``tokens``.

    ``series`` gives each document's series as an integer (documents of one series are never
    compared). With ``is_new`` and ``mode=ANY_NEW`` only pairs involving a new document are
    aligned, plus old pairs whose shared seeds the new documents turned into boilerplate; the
    second return value lists those old pairs' keys (``a * ndocs + b``) so the caller can
    replace their previous results. Results are sorted and deterministic.
    """
    params.validate()
    stats = stats or RunStats()
    say = progress or (lambda _msg: None)
    t = time.perf_counter()
    say("seeding")
    seeds, docs, pos = doc_seeds(tokens, params.ngram)
    stats.counts["seeds"] = len(seeds)
    if mode == ALL_PAIRS or is_new is None:
        index = build_index(seeds, docs, pos)
        del seeds, docs, pos
    else:  # only seed groups that touch a new document can give a wanted pair
        index = build_index(*restrict_seeds(seeds, docs, pos, is_new))
    stats.counts["indexed_seeds"] = len(index.seeds)
    t = stats.timed("seed_index", t)

    say("matching seeds")
    extra = np.zeros(0, np.int64)
    if mode == ANY_NEW and is_new is not None:
        extra = crossed_pairs(index, series, is_new, params.max_df)
    matches = seed_matches(index, series, max_df=params.max_df, is_new=is_new, mode=mode)
    del index
    if len(extra):
        # old pairs that lost seeds to the cap: realign them from all their remaining seeds
        involved = np.zeros(len(series), np.bool_)
        involved[extra // len(series)] = involved[extra % len(series)] = True
        again = build_index(*restrict_seeds(seeds, docs, pos, involved))
        listed = seed_matches(again, series, max_df=params.max_df, mode=LISTED, extra_keys=extra)
        matches = concat_matches([matches, listed], ndocs=len(series))
    stats.counts["seed_matches"] = len(matches)
    t = stats.timed("candidates", t)

    stats.counts["pairs_with_matches"] = int(
        np.count_nonzero(np.diff(matches.doc_a.astype(np.int64) * len(series) + matches.doc_b))
        + (len(matches) > 0)
    )
    passages = align_matches(tokens, matches, params, stats=stats, progress=say)
    return passages, extra


def align_matches(
    tokens: Tokens,
    matches: SeedMatches,
    params: DetectParams,
    *,
    stats: RunStats | None = None,
    progress: Callable[[str], None] | None = None,
) -> Passages:
    """Chain, extend, merge and align the seed matches of document pairs into passages.

    Pairs are independent of each other here, so an engine may run this over any grouping of
    pairs, given the tokens of the documents they involve."""
    stats = stats or RunStats()
    say = progress or (lambda _msg: None)
    t = time.perf_counter()
    say("chaining")
    spans = chain_matches(
        matches,
        ngram=params.ngram,
        max_gap=params.max_gap,
        band=params.band,
        min_seeds=params.min_seeds,
    )
    del matches
    stats.counts["chains"] = len(spans)
    t = stats.timed("chain", t)

    say("aligning")
    spans = extend_spans(
        tokens.hashes,
        tokens.ptr,
        spans,
        band=params.band,
        xdrop=params.xdrop,
        max_extend=params.max_extend,
    )
    merged = merge_spans(spans, gap=params.merge_gap, max_indel=params.max_indel)
    aligned = align_spans(
        tokens.hashes,
        tokens.ptr,
        merged,
        band=params.band,
        split_drop=params.split_drop,
        max_indel=params.max_indel,
    )
    passages = to_passages(tokens, aligned, params)
    stats.counts["passages"] = len(passages)
    stats.timed("align", t)
    return passages
