"""Candidates: seed matches between documents, from one sorted seed index.

The index is the corpus's seeds sorted by hash (numpy, not Python dicts). Each run of equal
hashes is one seed group; a group found in more than ``max_df`` documents is boilerplate and is
dropped whole, which also bounds the pairs a group can emit. Every other group emits its
cross-document, cross-series occurrence pairs as seed matches ``(doc_a, doc_b, pos_a, pos_b)``
with ``doc_a < doc_b``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numba as nb
import numpy as np

from echoscope.detect.arrays import distinct
from echoscope.detect.params import OCCURRENCES_PER_DOCUMENT

#: Which document pairs to emit: all of them, those with at least one new document
#: (incremental detect), those with exactly one new document (query mode), or only the pairs
#: listed in ``extra_keys``.
ALL_PAIRS, ANY_NEW, ONE_NEW, LISTED = 0, 1, 2, 3


@dataclass(slots=True)
class SeedIndex:
    """Seeds sorted by hash, with their group boundaries."""

    seeds: np.ndarray  # uint64, sorted
    docs: np.ndarray  # int32, ascending within a group
    pos: np.ndarray  # int32
    bounds: np.ndarray  # int64, group g is bounds[g]:bounds[g+1]


@dataclass(slots=True)
class SeedMatches:
    """Seed matches sorted by (doc_a, doc_b, pos_a, pos_b)."""

    doc_a: np.ndarray  # int32
    doc_b: np.ndarray  # int32
    pos_a: np.ndarray  # int32
    pos_b: np.ndarray  # int32

    def __len__(self) -> int:
        return len(self.doc_a)


@nb.njit(cache=True, parallel=True)
def _member(seeds, wanted, bitmap, shift):  # pragma: no cover - compiled
    keep = np.zeros(seeds.shape[0], np.bool_)
    for i in nb.prange(seeds.shape[0]):
        s = seeds[i]
        slot = s >> shift
        if bitmap[slot >> np.uint64(3)] & (np.uint8(1) << np.uint8(slot & np.uint64(7))):
            k = np.searchsorted(wanted, s)
            keep[i] = k < wanted.shape[0] and wanted[k] == s
    return keep


def restrict_seeds(
    seeds: np.ndarray, docs: np.ndarray, pos: np.ndarray, doc_mask: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every occurrence of the seeds that the documents in ``doc_mask`` contain.

    Incremental and query runs only need seed groups that touch a new document; keeping all
    occurrences of those seeds keeps their document frequencies exact, and the index to sort
    shrinks from the whole corpus to a small part of it. A bitmap over the top hash bits
    rejects most other seeds before a binary search confirms the rest.
    """
    wanted = distinct(seeds[doc_mask[docs]])
    bits = 27  # a 16 MiB bitmap
    bitmap = np.zeros(1 << (bits - 3), np.uint8)
    slots = wanted >> np.uint64(64 - bits)
    np.bitwise_or.at(
        bitmap,
        (slots >> np.uint64(3)).astype(np.int64),
        (np.uint8(1) << (slots & np.uint64(7)).astype(np.uint8)),
    )
    keep = _member(seeds, wanted, bitmap, np.uint64(64 - bits))
    return seeds[keep], docs[keep], pos[keep]


@nb.njit(cache=True)
def _split_prefix_collisions(prefix, full, idx):  # pragma: no cover - compiled
    """Within runs of equal key prefix, order rows by full seed hash (stable in idx).

    Sorting packed keys orders rows by the top bits of the seed hash only; two different seeds
    sharing those bits (rare) would interleave. This restores (full hash, idx) order there.
    """
    n = prefix.shape[0]
    i = 0
    while i < n:
        j = i + 1
        mixed = False
        while j < n and prefix[j] == prefix[i]:
            if full[j] != full[i]:
                mixed = True
            j += 1
        if mixed:
            order = np.argsort(full[i:j], kind="mergesort")
            idx[i:j] = idx[i:j][order]
            full[i:j] = full[i:j][order]
        i = j


def build_index(seeds: np.ndarray, docs: np.ndarray, pos: np.ndarray) -> SeedIndex:
    """Sort seeds by hash, keeping (document, position) order inside each group.

    Sorting values is several times faster than an argsort, so each seed's row number is packed
    into the low bits of its hash and the packed keys are sorted as plain uint64 values.
    """
    n = len(seeds)
    if n == 0:
        return SeedIndex(seeds, docs, pos, np.zeros(1, np.int64))
    bits = np.uint64(max(1, int(n - 1).bit_length()))
    keys = (seeds >> bits) << bits
    keys |= np.arange(n, dtype=np.uint64)
    keys.sort()
    idx = (keys & ((np.uint64(1) << bits) - np.uint64(1))).astype(np.int64)
    prefix = keys >> bits
    del keys
    full = seeds[idx]
    _split_prefix_collisions(prefix, full, idx)
    del prefix
    return sorted_index(full, docs[idx], pos[idx])


def sorted_index(seeds: np.ndarray, docs: np.ndarray, pos: np.ndarray) -> SeedIndex:
    """The index of seeds already sorted by hash (and by document and position in a group)."""
    bounds = np.flatnonzero(seeds[1:] != seeds[:-1]) + 1
    bounds = np.concatenate(([0], bounds, [len(seeds)])).astype(np.int64)
    return SeedIndex(seeds, docs, pos, bounds)


@nb.njit(cache=True)
def _distinct_docs(docs, s, e, only_old, is_new):  # pragma: no cover - compiled
    n = 0
    last = -1
    for i in range(s, e):
        d = docs[i]
        if only_old and is_new[d]:
            continue
        if d != last:
            n += 1
            last = d
    return n


@nb.njit(cache=True)
def _kept_group(docs, s, e, is_new, max_df):  # pragma: no cover - compiled
    """Whether group rows s:e are evidence: in 2 to ``max_df`` documents, and not repeated
    beyond the cap of occurrences (else the group is boilerplate, dropped whole)."""
    if e - s < 2 or e - s > OCCURRENCES_PER_DOCUMENT * max_df:
        return False
    df = _distinct_docs(docs, s, e, False, is_new)
    return 2 <= df <= max_df


@nb.njit(cache=True)
def _listed_at(a, b, ndocs, extra_keys, extra_ptr):  # pragma: no cover - compiled
    """Where the pair (a, b) is among the listed keys, or -1: a binary search among the
    listed pairs of a only."""
    lo, hi = extra_ptr[a], extra_ptr[a + 1]
    if lo == hi:
        return -1
    key = np.int64(a) * ndocs + b
    k = lo + np.searchsorted(extra_keys[lo:hi], key)
    return k if k < hi and extra_keys[k] == key else -1


@nb.njit(cache=True)
def _wanted(a, b, series, is_new, mode, extra_keys, extra_ptr):  # pragma: no cover - compiled
    if a == b or series[a] == series[b]:
        return False
    if mode == 0:
        return True
    if mode == 3:
        return _listed_at(a, b, series.shape[0], extra_keys, extra_ptr) >= 0
    na, nb_ = is_new[a], is_new[b]
    return na != nb_ if mode == 2 else na or nb_


@nb.njit(cache=True)
def _emit(
    docs,
    pos,
    bounds,
    series,
    is_new,
    mode,
    extra_keys,
    extra_ptr,
    max_df,
    fill,
    out_a,
    out_b,
    out_pa,
    out_pb,
):  # pragma: no cover
    """Count (``fill`` false) or write the wanted seed matches of every group under the caps.

    Matches come out in no particular order (the caller sorts them; no two share all four
    fields). Incremental and query modes pair each new row with the others rather than every
    row with every other: a group of a hundred old documents and one new one costs a hundred
    steps, not five thousand; listed mode skips rows whose document starts no listed pair."""
    k = 0
    for g in range(bounds.shape[0] - 1):
        s, e = bounds[g], bounds[g + 1]
        if e - s < 2:
            continue
        if not _kept_group(docs, s, e, is_new, max_df):
            continue
        for i in range(s, e):
            if mode == 1 or mode == 2:
                if not is_new[docs[i]]:
                    continue
                first = s
            else:
                if mode == 3 and extra_ptr[docs[i]] == extra_ptr[docs[i] + 1]:
                    continue
                first = i + 1
            for j in range(first, e):
                if j == i or (j < i and is_new[docs[j]]):
                    continue  # itself, or a pair of two new rows (counted from the first)
                r, t = (j, i) if j < i else (i, j)  # rows in group order: doc_a <= doc_b
                a, b = docs[r], docs[t]
                if _wanted(a, b, series, is_new, mode, extra_keys, extra_ptr):
                    if fill:
                        out_a[k] = a
                        out_b[k] = b
                        out_pa[k] = pos[r]
                        out_pb[k] = pos[t]
                    k += 1
    return k


@nb.njit(cache=True)
def _crossed_pairs(docs, bounds, series, is_new, max_df):  # pragma: no cover - compiled
    """Old document pairs that shared a group which new documents pushed over the cap."""
    out = []
    ndocs = series.shape[0]
    for g in range(bounds.shape[0] - 1):
        s, e = bounds[g], bounds[g + 1]
        if e - s < 2:
            continue
        df_all = _distinct_docs(docs, s, e, False, is_new)
        old_n = 0
        for i in range(s, e):
            if not is_new[docs[i]]:
                old_n += 1
        df_old = _distinct_docs(docs, s, e, True, is_new)
        was_kept = 2 <= df_old <= max_df and old_n <= OCCURRENCES_PER_DOCUMENT * max_df
        now_kept = df_all <= max_df and e - s <= OCCURRENCES_PER_DOCUMENT * max_df
        if not was_kept or now_kept:
            continue
        for i in range(s, e):
            if is_new[docs[i]]:
                continue
            for j in range(i + 1, e):
                a, b = docs[i], docs[j]
                if not is_new[b] and a != b and series[a] != series[b]:
                    out.append(np.int64(a) * ndocs + b)
    return out


def crossed_pairs(
    index: SeedIndex, series: np.ndarray, is_new: np.ndarray, max_df: int
) -> np.ndarray:
    """Pair keys (a * ndocs + b) of old pairs whose shared seeds new documents made boilerplate.

    Their matches change although neither document is new, so an incremental run must realign
    them to equal a full run.
    """
    keys = _crossed_pairs(index.docs, index.bounds, series, is_new, max_df)
    return distinct(np.asarray(keys, dtype=np.int64))


@nb.njit(cache=True)
def _listed_pass(docs, bounds, series, max_df, keys, ptr, counts, need, mark):  # pragma: no cover
    """Over the kept groups' row pairs of listed document pairs: count each pair's matches
    (``mark`` false), or mark the groups holding a pair with at least ``need`` of them."""
    is_new = np.zeros(series.shape[0], np.bool_)
    marked = np.zeros(bounds.shape[0] - 1, np.bool_)
    ndocs = series.shape[0]
    for g in range(bounds.shape[0] - 1):
        s, e = bounds[g], bounds[g + 1]
        if not _kept_group(docs, s, e, is_new, max_df):
            continue
        for i in range(s, e):
            if marked[g]:
                break
            a = docs[i]
            if ptr[a] == ptr[a + 1]:
                continue
            for j in range(i + 1, e):
                b = docs[j]
                if a == b or series[a] == series[b]:
                    continue
                k = _listed_at(a, b, ndocs, keys, ptr)
                if k >= 0:
                    if not mark:
                        counts[k] += 1
                    elif counts[k] >= need:
                        marked[g] = True
                        break
    return marked


def pairs_to_realign(
    own: SeedIndex, series: np.ndarray, crossed: np.ndarray, *, max_df: int, min_seeds: int
) -> tuple[np.ndarray, np.ndarray]:
    """Of the ``crossed`` pairs (sorted keys), those whose passages may change, and the seeds
    that can give them matches (sorted): what an incremental run realigns.

    ``own`` indexes the seeds of the crossed pairs' documents alone. Each of its groups holds
    at most the rows the corpus's group has, so a pair's matches in it bound its matches in
    the corpus both before the new documents came and after. A pair with fewer than
    ``min_seeds`` (at least one) of them had no chain to align and has none now: realigning
    it changes nothing, and it is most of them (old documents that share a stock phrase)."""
    ptr = _listed_ptr(crossed, len(series))
    counts = np.zeros(len(crossed), np.int64)
    need = max(min_seeds, 1)
    args = (own.docs, own.bounds, series, max_df, crossed, ptr, counts, need)
    _listed_pass(*args, False)
    groups = _listed_pass(*args, True)
    return crossed[counts >= need], own.seeds[own.bounds[:-1][groups]]


def _listed_ptr(keys: np.ndarray, ndocs: int) -> np.ndarray:
    """Where each document's listed pairs (as doc_a) start among the sorted ``keys``."""
    return np.searchsorted(keys // max(ndocs, 1), np.arange(ndocs + 1)).astype(np.int64)


def seed_matches(
    index: SeedIndex,
    series: np.ndarray,
    *,
    max_df: int,
    is_new: np.ndarray | None = None,
    mode: int = ALL_PAIRS,
    extra_keys: np.ndarray | None = None,
) -> SeedMatches:
    """All wanted seed matches, sorted by (doc_a, doc_b, pos_a, pos_b)."""
    ndocs = len(series)
    if is_new is None:
        is_new = np.zeros(ndocs, dtype=np.bool_)
    if extra_keys is None:
        extra_keys = np.zeros(0, dtype=np.int64)
    empty = np.zeros(0, dtype=np.int32)
    extra_ptr = _listed_ptr(extra_keys, ndocs)
    args = (
        index.docs,
        index.pos,
        index.bounds,
        series,
        is_new,
        mode,
        extra_keys,
        extra_ptr,
        max_df,
    )
    n = _emit(*args, False, empty, empty, empty, empty)
    out = [np.empty(n, dtype=np.int32) for _ in range(4)]
    _emit(*args, True, *out)
    return sort_matches(*out, ndocs=ndocs, max_pos=int(index.pos.max(initial=0)))


def pair_count(matches: SeedMatches, ndocs: int) -> int:
    """How many document pairs the (sorted) matches are of."""
    key = matches.doc_a.astype(np.int64) * ndocs + matches.doc_b
    return int(np.count_nonzero(np.diff(key)) + (len(key) > 0))


def concat_matches(parts: list[SeedMatches], *, ndocs: int) -> SeedMatches:
    """Matches of several emissions as one sorted set."""
    cols = [np.concatenate([getattr(p, f) for p in parts]) for f in SeedMatches.__slots__]
    max_pos = max((int(p.pos_a.max(initial=0)) for p in parts), default=0)
    max_pos = max(max_pos, *(int(p.pos_b.max(initial=0)) for p in parts))
    return sort_matches(*cols, ndocs=ndocs, max_pos=max_pos)


def sort_matches(
    a: np.ndarray, b: np.ndarray, pa: np.ndarray, pb: np.ndarray, *, ndocs: int, max_pos: int
) -> SeedMatches:
    """Order matches by (doc_a, doc_b, pos_a, pos_b): one packed-value sort when 64 bits hold
    all four fields, else a lexsort."""
    db, pbits = max(1, (ndocs - 1).bit_length()), max(1, max_pos.bit_length())
    if 2 * db + 2 * pbits > 64:
        order = np.lexsort((pb, pa, b, a))
        return SeedMatches(a[order], b[order], pa[order], pb[order])
    u = np.uint64
    key = a.astype(u) << u(db + 2 * pbits)
    key |= b.astype(u) << u(2 * pbits)
    key |= pa.astype(u) << u(pbits)
    key |= pb.astype(u)
    key.sort()
    pmask, dmask = u((1 << pbits) - 1), u((1 << db) - 1)
    return SeedMatches(
        (key >> u(db + 2 * pbits)).astype(np.int32),
        ((key >> u(2 * pbits)) & dmask).astype(np.int32),
        ((key >> u(pbits)) & pmask).astype(np.int32),
        (key & pmask).astype(np.int32),
    )
