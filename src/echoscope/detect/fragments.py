"""Fragments of one reuse become one passage.

A speechwriter who reuses a statement moves its sentences around, drops some, adds others and
rewords the rest; alignment finds the surviving pieces one by one. Pieces of one document pair
are grouped when they lie close together on both sides, in any order. A group is a box (a span
on each side); two groups join when

- they are within ``gap`` units of each other on both sides, and, when they come in the same
  order on both sides, within ``in_order_gap`` on the side with less between them, unless
  the text between them on each side shares ``reworded`` of its tokens with the other's (the
  same sentences reworded): two statements said one after the other in both documents, with
  other text between them on both sides, are two reuses (a dropped or added sentence leaves
  text on one side only);
- joined, their matched units still cover at least ``density`` of the box's longer side, and
  that side is at most ``stretch`` times the other, so that a box does not grow over much
  unrelated text (in a shuffled statement, sentences next to each other on one side are far
  apart on the other, yet the box of them all is mostly reused text, and of a length on both
  sides);
- no piece of one shares half its text on a side with a piece of the other while the joined
  box is lopsided (one side over ``MAX_STRETCH`` times the other): that is one text used
  twice (a passage said twice in one document), not two fragments of one reuse.

A group lying within another on both sides always joins it (a second alignment of the same
reuse). Joining repeats until no two groups may join. Closeness is required on both sides at
once, so two unrelated reuses in the same two documents (from distant parts of the source)
stay apart even when they sit side by side on one side.

The unit is the caller's: tokens for the lexical engine, sentences for the semantic matcher.
"""

from __future__ import annotations

import numba as nb
import numpy as np

MAX_STRETCH = 1.5  # beyond this, pieces sharing text on one side are one text used twice


@nb.njit(cache=True)
def _distance(x0, x1, y0, y1):  # pragma: no cover - compiled
    """Units between two spans [x0, x1) and [y0, y1) (0 when they touch or overlap)."""
    return max(y0 - x1, x0 - y1, 0)


@nb.njit(cache=True)
def _within(x0, x1, y0, y1):  # pragma: no cover - compiled
    """Does span [x0, x1) lie within [y0, y1)?"""
    return y0 <= x0 and x1 <= y1


@nb.njit(cache=True)
def _shared(x0, x1, y0, y1):  # pragma: no cover - compiled
    """Do two spans overlap by half the shorter one or more?"""
    return 2 * (min(x1, y1) - max(x0, y0)) >= max(min(x1 - x0, y1 - y0), 1)


@nb.njit(cache=True)
def _present(tokens, sorted_other):  # pragma: no cover - compiled
    """Share of ``tokens`` found in ``sorted_other`` (0 when there are none)."""
    if tokens.shape[0] == 0 or sorted_other.shape[0] == 0:
        return 0.0
    found = 0
    for t in tokens:
        k = np.searchsorted(sorted_other, t)
        found += k < sorted_other.shape[0] and sorted_other[k] == t
    return found / tokens.shape[0]


@nb.njit(cache=True)
def _between_share(hashes, base_a, base_b, ba0, ba1, bb0, bb1, x, y):  # pragma: no cover
    """For groups x and y in one order on both sides: the smaller of the two shares of the
    tokens between them on one side that are between them on the other too (the same
    sentences reworded share most of their words; two unrelated stretches, few)."""
    if hashes.shape[0] == 0 or base_a < 0 or base_b < 0:
        return 0.0
    if ba1[y] <= ba0[x]:
        x, y = y, x
    between_a = hashes[base_a + ba1[x] : base_a + ba0[y]]
    between_b = hashes[base_b + bb1[x] : base_b + bb0[y]]
    share_a = _present(between_a, np.sort(between_b))
    share_b = _present(between_b, np.sort(between_a))
    return min(share_a, share_b)


@nb.njit(cache=True)
def _clashes(part_ptr, pa0, pa1, pb0, pb1, x, y):  # pragma: no cover - compiled
    """Does a part of span x share half its text on one side with a part of span y?"""
    for p in range(part_ptr[x], part_ptr[x + 1]):
        for q in range(part_ptr[y], part_ptr[y + 1]):
            if _shared(pa0[p], pa1[p], pa0[q], pa1[q]) or _shared(pb0[p], pb1[p], pb0[q], pb1[q]):
                return True
    return False


@nb.njit(cache=True)
def _group(
    pair,
    a0,
    a1,
    b0,
    b1,
    matched,
    part_ptr,
    pa0,
    pa1,
    pb0,
    pb1,
    hashes,
    base_a,
    base_b,
    gap,
    in_order_gap,
    reworded,
    density,
    stretch,
):  # pragma: no cover - compiled
    """Group number of each span (spans sorted by pair); groups numbered in input order."""
    n = pair.shape[0]
    owner = np.arange(n)
    i = 0
    while i < n:
        j = i
        while j < n and pair[j] == pair[i]:
            j += 1
        m = j - i
        ba0, ba1 = a0[i:j].copy(), a1[i:j].copy()
        bb0, bb1 = b0[i:j].copy(), b1[i:j].copy()
        got = matched[i:j].astype(np.float64)
        alive = np.ones(m, np.bool_)
        # parts sharing much of their text on one side are two uses of it (a passage said
        # twice in one document), never fragments of one: their groups join only when one
        # lies within the other on both sides (a second alignment of the same reuse)
        clash = np.zeros((m, m), np.bool_)
        for x in range(m):
            for y in range(x + 1, m):
                if _clashes(part_ptr, pa0, pa1, pb0, pb1, i + x, i + y):
                    clash[x, y] = clash[y, x] = True
        changed = True
        while changed:  # a grown box may reach a span it did not reach before
            changed = False
            for x in range(m):
                if not alive[x]:
                    continue
                for y in range(x + 1, m):
                    if not alive[y]:
                        continue
                    inside = (
                        _within(ba0[y], ba1[y], ba0[x], ba1[x])
                        and _within(bb0[y], bb1[y], bb0[x], bb1[x])
                    ) or (
                        _within(ba0[x], ba1[x], ba0[y], ba1[y])
                        and _within(bb0[x], bb1[x], bb0[y], bb1[y])
                    )
                    lo_a, hi_a = min(ba0[x], ba0[y]), max(ba1[x], ba1[y])
                    lo_b, hi_b = min(bb0[x], bb0[y]), max(bb1[x], bb1[y])
                    longer = max(hi_a - lo_a, hi_b - lo_b)
                    shorter = max(min(hi_a - lo_a, hi_b - lo_b), 1)
                    if not inside:
                        # a text used twice makes one side of the pair much longer than the
                        # other; two alignments of one reuse that disagree do not
                        if clash[x, y] and longer > MAX_STRETCH * shorter:
                            continue
                        # in one order on both sides, with text between on both: two
                        # statements one after the other unless the text between is short
                        in_order = (ba1[x] <= ba0[y] and bb1[x] <= bb0[y]) or (
                            ba1[y] <= ba0[x] and bb1[y] <= bb0[x]
                        )
                        dist_a = _distance(ba0[x], ba1[x], ba0[y], ba1[y])
                        dist_b = _distance(bb0[x], bb1[x], bb0[y], bb1[y])
                        if max(dist_a, dist_b) > gap:
                            continue
                        if (
                            in_order
                            and min(dist_a, dist_b) > in_order_gap
                            and _between_share(
                                hashes, base_a[i], base_b[i], ba0, ba1, bb0, bb1, x, y
                            )
                            < reworded
                        ):
                            continue
                        if got[x] + got[y] < density * longer:
                            continue
                        if longer > stretch * shorter:
                            continue
                    ba0[x], ba1[x], bb0[x], bb1[x] = lo_a, hi_a, lo_b, hi_b
                    got[x] += got[y]
                    clash[x, :] |= clash[y, :]
                    clash[:, x] |= clash[:, y]
                    alive[y] = False
                    owner[i + y] = i + x
                    changed = True
        i = j
    group = np.empty(n, np.int64)
    number = np.full(n, -1, np.int64)
    count = 0
    for k in range(n):
        root = k
        while owner[root] != root:
            root = owner[root]
        if number[root] < 0:
            number[root] = count
            count += 1
        group[k] = number[root]
    return group


def group_fragments(
    pair: np.ndarray,
    a0: np.ndarray,
    a1: np.ndarray,
    b0: np.ndarray,
    b1: np.ndarray,
    gap: int,
    *,
    in_order_gap: int | None = None,
    matched: np.ndarray | None = None,
    density: float = 0.0,
    parts: tuple[np.ndarray, ...] | None = None,
    tokens: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None,
    reworded: float = 1.1,
    stretch: float = float("inf"),
) -> np.ndarray:
    """The group of each span ``[a0, a1) x [b0, b1)`` of document pair ``pair`` (any integer
    key), with ``matched`` units of it reused (default: all of its shorter side): see the
    module's docstring (``in_order_gap`` defaults to ``gap``).

    A span assembled from parts (``parts``: ``(ptr, a0, a1, b0, b1)``, span k's parts at
    ``ptr[k]:ptr[k + 1]``) is tested for shared text part by part, since its span covers text
    none of its parts matched. With ``tokens`` (``(hashes, base_a, base_b)``: the corpus's
    token hashes, and where span k's two documents start in them), two groups in one order
    farther apart than ``in_order_gap`` still join when at least ``reworded`` of the tokens
    between them on each side are between them on the other (default: never). Groups are
    numbered 0, 1, ... in the order of their first span, given spans ordered by pair;
    ``gap < 0`` keeps every span apart."""
    n = len(pair)
    if n == 0:
        return np.zeros(0, np.int64)
    if gap < 0:
        return np.arange(n, dtype=np.int64)
    spans = [np.ascontiguousarray(x, np.int64) for x in (pair, a0, a1, b0, b1)]
    if np.any(np.diff(spans[0]) < 0):
        raise ValueError("spans must be ordered by pair")
    if matched is None:
        matched = np.minimum(spans[2] - spans[1], spans[4] - spans[3])
    if parts is None:
        parts = (np.arange(n + 1, dtype=np.int64), *spans[1:])
    parts = tuple(np.ascontiguousarray(x, np.int64) for x in parts)
    matched = np.ascontiguousarray(matched, np.int64)
    in_order_gap = gap if in_order_gap is None else in_order_gap
    if tokens is None:
        hashes, base_a, base_b = np.zeros(0, np.uint64), np.full(n, -1), np.full(n, -1)
    else:
        hashes, base_a, base_b = tokens
    return _group(
        *spans,
        matched,
        *parts,
        np.ascontiguousarray(hashes),
        np.ascontiguousarray(base_a, np.int64),
        np.ascontiguousarray(base_b, np.int64),
        np.int64(gap),
        np.int64(in_order_gap),
        np.float64(reworded),
        np.float64(density),
        np.float64(stretch),
    )


def out_of_order(a0: np.ndarray, b0: np.ndarray) -> bool:
    """Do pieces come in another order on side b than on side a?"""
    order = np.lexsort((b0, a0))
    return bool(np.any(np.diff(np.asarray(b0)[order]) < 0))
