"""The single-machine engine: seed -> candidates -> chain -> extend -> merge -> align.

Each stage is a function over arrays (numpy, or numba-compiled loops); this module only strings
them together, so another engine can run the same stages over partitions of a corpus.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain

import numpy as np

from echoscope.detect.align import (
    Aligned,
    Merged,
    align_groups,
    align_spans,
    concat_ranges,
    extend_spans,
    merge_spans,
    ops_strings,
    refine_pieces,
)
from echoscope.detect.candidates import (
    ALL_PAIRS,
    ANY_NEW,
    LISTED,
    SeedMatches,
    build_index,
    concat_matches,
    crossed_pairs,
    pair_count,
    pairs_to_realign,
    restrict_seeds,
    seed_matches,
)
from echoscope.detect.chain import Spans, chain_matches
from echoscope.detect.fragments import group_fragments
from echoscope.detect.ops import format_matches
from echoscope.detect.params import DetectParams
from echoscope.detect.seeds import doc_seeds
from echoscope.model import PassageKind, passage_kinds
from echoscope.text.tokenize import Tokens


@dataclass(slots=True)
class LexicalPassages:
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
    ops: list[str]  # token alignment; a reordered passage's aligned pieces
    kind: list[PassageKind]  # see passage_kinds

    def __len__(self) -> int:
        return len(self.doc_a)


def concat_passages(parts: list[LexicalPassages]) -> LexicalPassages:
    """Passages of several batches of pairs, one after the other."""
    if not parts:
        z = np.zeros(0, np.int64)
        return LexicalPassages(z, z, z, z, z, z, z, z, z, np.zeros(0), z, [], [])
    if len(parts) == 1:
        return parts[0]
    columns = {}
    for f in LexicalPassages.__slots__:
        values = [getattr(p, f) for p in parts]
        columns[f] = (
            list(chain.from_iterable(values))
            if isinstance(values[0], list)
            else np.concatenate(values)
        )
    return LexicalPassages(**columns)


@dataclass(slots=True)
class RunStats:
    """Counts and seconds per stage, kept with the run in the store."""

    seconds: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)

    def timed(self, name: str, t0: float) -> float:
        t = time.perf_counter()
        self.seconds[name] = round(self.seconds.get(name, 0.0) + t - t0, 4)
        return t


def _char_spans(tokens: Tokens, doc: np.ndarray, t0: np.ndarray, t1: np.ndarray):
    """Character offsets (start, end) of token spans [t0, t1) of documents ``doc``."""
    return (
        tokens.starts[tokens.ptr[doc] + t0].astype(np.int64),
        tokens.ends[tokens.ptr[doc] + t1 - 1].astype(np.int64),
    )


def _pieces_of(
    tokens: Tokens, aligned: Aligned, merged: Merged, segments: np.ndarray, params: DetectParams
) -> tuple[Spans, np.ndarray]:
    """The aligned pieces of each segment as spans ordered by segment, and where each
    segment's pieces start. A segment's piece is itself, unless it was assembled from pieces
    in another order: then its pieces are those, each cut where its alignment fails (a piece
    may bridge two sentences that moved apart), keeping the parts with a seed's worth of
    identical tokens."""
    s = aligned.spans
    whole = np.flatnonzero(aligned.reordered[segments])
    own = np.setdiff1d(np.arange(len(segments)), whole)
    owner = [own]
    parts = [s.take(segments[own])]
    if len(whole):
        src = aligned.source[segments[whole]]
        raw_index = _ranges(merged.piece_ptr, src)
        raw_owner = np.repeat(whole, np.diff(merged.piece_ptr)[src])
        cut = refine_pieces(
            tokens.hashes,
            tokens.ptr,
            merged.pieces.take(raw_index),
            band=params.band,
            split_drop=params.split_drop,
            max_indel=params.max_indel,
        )
        good = cut.matches >= params.ngram
        kept = np.zeros(len(segments), np.bool_)
        kept[raw_owner[cut.source[good]]] = True
        owner.append(raw_owner[cut.source[good]])
        parts.append(cut.spans.take(np.flatnonzero(good)))
        lost = whole[~kept[whole]]  # no part held up: the pieces as they were
        if len(lost):
            back = np.isin(raw_owner, lost)
            owner.append(raw_owner[back])
            parts.append(merged.pieces.take(raw_index[back]))
    who = np.concatenate(owner)
    order = np.argsort(who, kind="stable")
    pieces = Spans(
        *(np.concatenate([getattr(x, f) for x in parts])[order] for f in Spans.__slots__)
    )
    ptr = np.zeros(len(segments) + 1, np.int64)
    np.cumsum(np.bincount(who, minlength=len(segments)), out=ptr[1:])
    return pieces, ptr


def _ranges(ptr: np.ndarray, members: np.ndarray) -> np.ndarray:
    """``ptr[m]:ptr[m + 1]`` for each of ``members``, one after the other, as one array."""
    return concat_ranges(ptr[members], ptr[members + 1])[1]


def _grouped(tokens: Tokens, aligned: Aligned, merged: Merged, params: DetectParams):
    """Kept segments joined into fragment groups (see :mod:`echoscope.detect.fragments`):
    an :class:`Aligned` of one span per group (single segments as aligned, groups of several
    by :func:`~echoscope.detect.align.align_groups`), the positions of the passages in it,
    and each passage's pieces with where they start."""
    s = aligned.spans
    # length counts identical aligned tokens: a short passage must be nearly verbatim to be
    # told from a chance run of formula words; a long one may be heavily edited
    keep = (aligned.matches >= params.min_tokens) & (aligned.identity >= params.min_identity)
    idx = np.flatnonzero(keep)
    idx = idx[np.lexsort((s.b0[idx], s.a0[idx], s.doc_b[idx], s.doc_a[idx]))]
    n_docs = len(tokens.ptr) - 1
    pair = s.doc_a[idx].astype(np.int64) * n_docs + s.doc_b[idx]
    pieces, piece_ptr = _pieces_of(tokens, aligned, merged, idx, params)
    group = group_fragments(
        pair,
        s.a0[idx],
        s.a1[idx],
        s.b0[idx],
        s.b1[idx],
        params.fragment_gap,
        in_order_gap=params.fragment_in_order_gap,
        matched=aligned.matches[idx],
        density=params.fragment_density,
        parts=(piece_ptr, pieces.a0, pieces.a1, pieces.b0, pieces.b1),
        tokens=(tokens.hashes, tokens.ptr[s.doc_a[idx]], tokens.ptr[s.doc_b[idx]]),
        reworded=params.fragment_reworded,
        stretch=params.fragment_stretch,
    )
    n_groups = int(group.max(initial=-1)) + 1
    size = np.bincount(group, minlength=n_groups)
    alone = size[group] == 1
    if alone.all():
        return aligned, idx, pieces, piece_ptr
    # groups of several segments: one span each, aligned again over its pieces (a group's
    # members need not be next to each other in pair order: gathered by group)
    several = np.flatnonzero(~alone)
    several = several[np.argsort(group[several], kind="stable")]
    starts = np.flatnonzero(np.r_[True, group[several][1:] != group[several][:-1]])
    at = several[starts]

    def box(f, reduce):
        return reduce.reduceat(getattr(s, f)[idx[several]], starts)

    boxes = Spans(
        s.doc_a[idx[at]],
        s.doc_b[idx[at]],
        box("a0", np.minimum),
        box("a1", np.maximum),
        box("b0", np.minimum),
        box("b1", np.maximum),
        box("seeds", np.add),
    )
    member_pieces = _ranges(piece_ptr, several)
    per_member = np.diff(piece_ptr)[several]
    box_ptr = np.zeros(len(starts) + 1, np.int64)
    box_ptr[1:] = np.add.reduceat(per_member, starts).cumsum()
    box_pieces = pieces.take(member_pieces)
    member_ptr = np.zeros(len(starts) + 1, np.int64)
    member_ptr[1:] = np.r_[starts[1:], len(several)]
    regrouped = align_groups(
        tokens.hashes,
        tokens.ptr,
        boxes,
        aligned,
        idx[several],
        member_ptr,
        box_pieces,
        box_ptr,
        band=params.band,
    )
    # the passages: single segments as they are, then the groups
    singles = idx[alone]
    single_pieces = _ranges(piece_ptr, np.flatnonzero(alone))
    single_ptr = np.zeros(len(singles) + 1, np.int64)
    np.cumsum(np.diff(piece_ptr)[alone], out=single_ptr[1:])
    both = Aligned(
        Spans(
            *(np.concatenate([getattr(s, f)[singles], getattr(boxes, f)]) for f in Spans.__slots__)
        ),
        np.concatenate([aligned.matches[singles], regrouped.matches]),
        np.concatenate([aligned.ops_buffer, regrouped.ops_buffer]),
        np.concatenate([aligned.ops_ptr[singles], regrouped.ops_ptr + len(aligned.ops_buffer)]),
        np.concatenate([aligned.n_ops[singles], regrouped.n_ops]),
        np.zeros(len(singles) + len(boxes), np.int64),
        np.concatenate([aligned.reordered[singles], regrouped.reordered]),
    )
    all_pieces = pieces.take(np.concatenate([single_pieces, member_pieces]))
    all_ptr = np.concatenate([single_ptr, single_ptr[-1] + box_ptr[1:]])
    return both, np.arange(len(singles) + len(boxes)), all_pieces, all_ptr


def to_passages(
    tokens: Tokens, aligned: Aligned, merged: Merged, params: DetectParams
) -> LexicalPassages:
    """Token spans -> character offsets; drop passages too short or too unlike to report; join
    the fragments of one reuse (:mod:`echoscope.detect.fragments`)."""
    aligned, sel, pieces, piece_ptr = _grouped(tokens, aligned, merged, params)
    s = aligned.spans
    by_place = np.lexsort((s.b0[sel], s.a0[sel], s.doc_b[sel], s.doc_a[sel]))
    order = sel[by_place]
    doc_a, doc_b = s.doc_a[order].astype(np.int64), s.doc_b[order].astype(np.int64)
    start_a, end_a = _char_spans(tokens, doc_a, s.a0[order], s.a1[order])
    start_b, end_b = _char_spans(tokens, doc_b, s.b0[order], s.b1[order])
    tokens_a = (s.a1 - s.a0)[order].astype(np.int64)
    tokens_b = (s.b1 - s.b0)[order].astype(np.int64)
    identity = np.round(aligned.identity[order], 4)
    reordered = aligned.reordered[order]
    ops = ops_strings(aligned, order)
    for k in np.flatnonzero(reordered).tolist():  # their ops are their aligned pieces
        listed = by_place[k]
        p = pieces.take(np.arange(piece_ptr[listed], piece_ptr[listed + 1]))
        pa0, pa1 = _char_spans(tokens, p.doc_a.astype(np.int64), p.a0, p.a1)
        pb0, pb1 = _char_spans(tokens, p.doc_b.astype(np.int64), p.b0, p.b1)
        ops[k] = format_matches(
            sorted(
                zip(
                    (pa0 - start_a[k]).tolist(),
                    (pa1 - start_a[k]).tolist(),
                    (pb0 - start_b[k]).tolist(),
                    (pb1 - start_b[k]).tolist(),
                    strict=True,
                )
            )
        )
    kind = passage_kinds(
        identity.tolist(), tokens_a.tolist(), tokens_b.tolist(), reordered.tolist()
    )
    return LexicalPassages(
        doc_a=doc_a,
        doc_b=doc_b,
        start_a=start_a,
        end_a=end_a,
        start_b=start_b,
        end_b=end_b,
        tokens_a=tokens_a,
        tokens_b=tokens_b,
        score=aligned.score[order],
        identity=identity,
        seeds=s.seeds[order].astype(np.int64),
        ops=ops,
        kind=kind,
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
) -> tuple[LexicalPassages, np.ndarray]:
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
        # old pairs that lost seeds to the cap: realign those that can change from all their
        # remaining seeds
        involved = np.zeros(len(series), np.bool_)
        involved[extra // len(series)] = involved[extra % len(series)] = True
        own = involved[docs]
        extra, _ = pairs_to_realign(
            build_index(seeds[own], docs[own], pos[own]),
            series,
            extra,
            max_df=params.max_df,
            min_seeds=params.min_seeds,
        )
        again = build_index(*restrict_seeds(seeds, docs, pos, involved))
        listed = seed_matches(again, series, max_df=params.max_df, mode=LISTED, extra_keys=extra)
        matches = concat_matches([matches, listed], ndocs=len(series))
    if mode == ANY_NEW:
        stats.counts["realigned_pairs"] = len(extra)
    stats.counts["seed_matches"] = len(matches)
    t = stats.timed("candidates", t)

    stats.counts["pairs_with_matches"] = pair_count(matches, len(series))
    passages = align_matches(tokens, matches, params, stats=stats, progress=say)
    return passages, extra


def align_matches(
    tokens: Tokens,
    matches: SeedMatches,
    params: DetectParams,
    *,
    stats: RunStats | None = None,
    progress: Callable[[str], None] | None = None,
) -> LexicalPassages:
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
    passages = to_passages(tokens, aligned, merged, params)
    stats.counts["passages"] = len(passages)
    stats.timed("align", t)
    return passages
