"""Alignment: refine chain boundaries, merge pieces of one passage, align tokens for display.

1. Extend: from each end of a chain, a banded X-drop alignment walks outwards over token hashes
   and stops where the score stops growing, so a passage ends where the copied text ends (not at
   the last seed, and not in the unrelated words after it).
2. Merge: spans of one document pair that overlap or nearly touch on both sides are one passage
   (dense edits or a swapped clause must not split it).
3. Align: a banded global alignment of each passage gives its operations (identical,
   substituted, inserted, deleted tokens), its score and its identity ratio.

Scores: +1 for an identical token, -1 for a substitution or a gap.
"""

from __future__ import annotations

from dataclasses import dataclass

import numba as nb
import numpy as np

from echoscope.detect.chain import Spans
from echoscope.detect.fragments import out_of_order
from echoscope.detect.ops import OP_CHARS

_NEG = -(1 << 30)
_SUBSTANTIAL_SEEDS = 4  # seeds a piece needs before a one-sided gap may join it to another
OP_MATCH, OP_SUB, OP_DEL, OP_INS = 0, 1, 2, 3  # DEL: token only in A; INS: token only in B


@nb.njit(cache=True)
def _extend(h, a, a_lim, b, b_lim, step, w, xdrop):  # pragma: no cover - compiled
    """Best end (da, db) of an alignment anchored at (a, b) walking ``step`` (+1 or -1).

    Token i of the walk in A is h[a + i] (step +1) or h[a - 1 - i] (step -1); at most a_lim
    tokens in A and b_lim in B. Banded to |i - j| <= w; stops when a row's best falls xdrop below
    the best score so far. Ties keep the shorter extension.
    """
    width = 2 * w + 1
    prev = np.full(width + 2, _NEG, np.int64)
    cur = np.full(width + 2, _NEG, np.int64)
    # row 0: only gaps in B
    for off in range(w, width):
        j = off - w
        if j <= b_lim:
            prev[off + 1] = -j
    best, bi, bj = 0, 0, 0
    for i in range(1, a_lim + 1):
        row_best = _NEG
        cur[:] = _NEG
        ai = a + i - 1 if step > 0 else a - i
        for off in range(width):
            j = i + off - w
            if j < 0 or j > b_lim:
                continue
            s = prev[off + 2] - 1  # from (i-1, j): A token unmatched
            if j > 0:
                bj_ = b + j - 1 if step > 0 else b - j
                d = prev[off + 1] + (1 if h[ai] == h[bj_] else -1)
                if d > s:
                    s = d
                left = cur[off] - 1  # from (i, j-1): B token unmatched
                if left > s:
                    s = left
            cur[off + 1] = s
            if s > row_best:
                row_best = s
            if s > best:
                best, bi, bj = s, i, j
        if row_best < best - xdrop:
            break
        prev, cur = cur, prev
    return bi, bj


@nb.njit(cache=True, parallel=True)
def _extend_all(h, ptr, da, db, a0, a1, b0, b1, w, xdrop, max_ext):  # pragma: no cover
    m = da.shape[0]
    oa0 = a0.copy()
    oa1 = a1.copy()
    ob0 = b0.copy()
    ob1 = b1.copy()
    for k in nb.prange(m):
        sa, ea = ptr[da[k]], ptr[da[k] + 1]
        sb, eb = ptr[db[k]], ptr[db[k] + 1]
        ga0, ga1, gb0, gb1 = sa + a0[k], sa + a1[k], sb + b0[k], sb + b1[k]
        la = min(max_ext, ga0 - sa)
        lb = min(max_ext, gb0 - sb)
        x, y = _extend(h, ga0, la, gb0, lb, -1, w, xdrop)
        oa0[k] = a0[k] - x
        ob0[k] = b0[k] - y
        la = min(max_ext, ea - ga1)
        lb = min(max_ext, eb - gb1)
        x, y = _extend(h, ga1, la, gb1, lb, 1, w, xdrop)
        oa1[k] = a1[k] + x
        ob1[k] = b1[k] + y
    return oa0, oa1, ob0, ob1


@nb.njit(cache=True)
def _merge(da, db, a0, a1, b0, b1, seeds, gap, max_indel):  # pragma: no cover - compiled
    """Merge spans (sorted by pair, then a0) that overlap or nearly touch on both sides, or
    that touch on one side with at most ``max_indel`` tokens between them on the other (a
    sentence dropped or added) when both are substantial (a chance pair of seeds next to a
    passage must not stretch it)."""
    m = da.shape[0]
    keep = np.zeros(m, np.bool_)
    assign = np.empty(m, np.int64)
    oa0, oa1, ob0, ob1, os_ = a0.copy(), a1.copy(), b0.copy(), b1.copy(), seeds.copy()
    cur = -1
    n_out = -1
    for k in range(m):
        joined = False
        if cur >= 0 and da[k] == da[cur] and db[k] == db[cur]:
            gap_a = a0[k] - oa1[cur]
            gap_b = max(b0[k] - ob1[cur], ob0[cur] - b1[k])
            small, large = min(gap_a, gap_b), max(gap_a, gap_b)
            substantial = min(os_[cur], seeds[k]) >= _SUBSTANTIAL_SEEDS
            joined = small <= gap and (large <= gap or (substantial and large <= max_indel))
        if joined:
            oa1[cur] = max(oa1[cur], a1[k])
            ob0[cur] = min(ob0[cur], b0[k])
            ob1[cur] = max(ob1[cur], b1[k])
            os_[cur] += seeds[k]
        else:
            cur = k
            keep[k] = True
            n_out += 1
        assign[k] = n_out
    idx = np.flatnonzero(keep)
    return oa0[idx], oa1[idx], ob0[idx], ob1[idx], os_[idx], idx, assign


@nb.njit(cache=True)
def _global_align(h, ga, la, gb, lb, w, ops_out):  # pragma: no cover - compiled
    """Banded global alignment of h[ga:ga+la] with h[gb:gb+lb]; writes ops, returns counts."""
    if la == 0 or lb == 0:
        for t in range(la):
            ops_out[t] = OP_DEL
        for t in range(lb):
            ops_out[la + t] = OP_INS
        return la + lb, 0, 0, la + lb
    # widen the band so consecutive rows' bands always connect, whatever the length ratio, and
    # so a one-sided stretch (a dropped sentence) fits inside it wherever it lies
    w = w + (lb + la - 1) // la + abs(la - lb)
    width = 2 * w + 1
    score = np.full((la + 1, width + 2), _NEG, np.int64)
    trace = np.zeros((la + 1, width + 2), np.uint8)
    centre = np.empty(la + 1, np.int64)
    for i in range(la + 1):
        centre[i] = (i * lb) // la
    for j in range(0, min(lb, centre[0] + w) + 1):
        off = j - centre[0] + w
        score[0, off + 1] = -j
        trace[0, off + 1] = OP_INS
    for i in range(1, la + 1):
        ci, cp = centre[i], centre[i - 1]
        for off in range(width):
            j = ci + off - w
            if j < 0 or j > lb:
                continue
            best = _NEG
            op = OP_DEL
            po = j - cp + w  # same j in the previous row
            if 0 <= po < width and score[i - 1, po + 1] > _NEG:
                best = score[i - 1, po + 1] - 1
                op = OP_DEL
            if j > 0:
                po = j - 1 - cp + w
                if 0 <= po < width and score[i - 1, po + 1] > _NEG:
                    same = h[ga + i - 1] == h[gb + j - 1]
                    d = score[i - 1, po + 1] + (1 if same else -1)
                    if d >= best:
                        best = d
                        op = OP_MATCH if same else OP_SUB
                if off > 0 and score[i, off] > _NEG and score[i, off] - 1 > best:
                    best = score[i, off] - 1
                    op = OP_INS
            score[i, off + 1] = best
            trace[i, off + 1] = op
    # trace back from (la, lb)
    n_ops = 0
    i, j = la, lb
    tmp = np.empty(la + lb, np.uint8)
    matches = subs = gaps = 0
    while i > 0 or j > 0:
        off = j - centre[i] + w
        op = trace[i, off + 1] if i > 0 else OP_INS
        tmp[n_ops] = op
        n_ops += 1
        if op == OP_MATCH:
            matches += 1
            i -= 1
            j -= 1
        elif op == OP_SUB:
            subs += 1
            i -= 1
            j -= 1
        elif op == OP_DEL:
            gaps += 1
            i -= 1
        else:
            gaps += 1
            j -= 1
    for t in range(n_ops):
        ops_out[t] = tmp[n_ops - 1 - t]
    return n_ops, matches, subs, gaps


@nb.njit(cache=True)
def _covered(h, ga, gb, la, lb, pa0, pa1, pb0, pb1, w):  # pragma: no cover - compiled
    """Tokens aligned identically by the passage's pieces, counted once per token per side.

    A passage merged from pieces in another order on each side (swapped clauses) cannot be
    expressed by one global alignment; its pieces' alignments can.
    """
    ma = np.zeros(la, np.bool_)
    mb = np.zeros(lb, np.bool_)
    for q in range(pa0.shape[0]):
        qa, qb = pa1[q] - pa0[q], pb1[q] - pb0[q]
        buf = np.empty(qa + qb, np.uint8)
        n_ops = _global_align(h, ga + pa0[q], qa, gb + pb0[q], qb, w, buf)[0]
        i, j = pa0[q], pb0[q]
        for t in range(n_ops):
            op = buf[t]
            if op == OP_MATCH:
                ma[i] = True
                mb[j] = True
            if op != OP_INS:
                i += 1
            if op != OP_DEL:
                j += 1
    return min(ma.sum(), mb.sum())


@nb.njit(cache=True)
def _out_of_order(pa0, pb0):  # pragma: no cover - compiled
    """Do the pieces come in a different order on the two sides (swapped clauses)?"""
    for x in range(pa0.shape[0]):
        for y in range(pa0.shape[0]):
            if pa0[x] < pa0[y] and pb0[x] > pb0[y]:
                return True
    return False


@nb.njit(cache=True)
def _split(ops, ops_ptr, n_ops, a0, b0, matches, reordered, drop, max_indel):  # pragma: no cover
    """Cut each passage where its alignment score falls ``drop`` below the best so far.

    A chain can bridge two reused passages across an unrelated stretch; the alignment shows it
    as a run of mismatches and gaps. Segments are maximal stretches whose score never falls that
    far; each starts on an identical token and ends at its best score. A run of tokens on one
    side only (a dropped sentence) costs 1, like one substitution, up to ``max_indel`` tokens.
    Passages assembled from reordered pieces are kept whole (their global alignment does not
    show their quality).
    Returns per segment: source passage, token spans, first op and op count, matches.
    """
    m = ops_ptr.shape[0]
    cap = int(n_ops.sum()) // 2 + m + 1
    src = np.empty(cap, np.int64)
    sa0 = np.empty(cap, np.int64)
    sa1 = np.empty(cap, np.int64)
    sb0 = np.empty(cap, np.int64)
    sb1 = np.empty(cap, np.int64)
    sop = np.empty(cap, np.int64)
    snop = np.empty(cap, np.int64)
    smat = np.empty(cap, np.int64)
    q = 0
    for p in range(m):
        base, n = ops_ptr[p], n_ops[p]
        if reordered[p]:
            src[q], sop[q], snop[q], smat[q] = p, base, n, matches[p]
            i, j = a0[p], b0[p]
            for c in range(n):
                op = ops[base + c]
                i += op != OP_INS
                j += op != OP_DEL
            sa0[q], sa1[q], sb0[q], sb1[q] = a0[p], i, b0[p], j
            q += 1
            continue
        c, i, j = 0, a0[p], b0[p]
        while c < n:
            while c < n and ops[base + c] != OP_MATCH:
                i += ops[base + c] != OP_INS
                j += ops[base + c] != OP_DEL
                c += 1
            if c == n:
                break
            c0, i0, j0 = c, i, j
            run = best = mat = best_mat = indel = 0
            best_c, best_i, best_j = c, i, j
            while c < n:
                op = ops[base + c]
                if op == OP_MATCH:
                    run += 1
                    mat += 1
                    indel = 0
                elif op in (OP_DEL, OP_INS) and c > 0 and ops[base + c - 1] == op:
                    indel += 1
                    if indel >= max_indel:
                        run -= 1
                else:
                    run -= 1
                    indel = 0
                i += op != OP_INS
                j += op != OP_DEL
                c += 1
                if run > best:
                    best, best_c, best_i, best_j, best_mat = run, c, i, j, mat
                elif run < best - drop:
                    break
            src[q], sop[q], snop[q], smat[q] = p, base + c0, best_c - c0, best_mat
            sa0[q], sa1[q], sb0[q], sb1[q] = i0, best_i, j0, best_j
            q += 1
            c, i, j = best_c, best_i, best_j
    return src[:q], sa0[:q], sa1[:q], sb0[:q], sb1[:q], sop[:q], snop[:q], smat[:q]


@nb.njit(cache=True, parallel=True)
def _align_all(
    h, ptr, da, db, a0, a1, b0, b1, w, ops_ptr, ops, piece_ptr, pa0, pa1, pb0, pb1
):  # pragma: no cover - compiled
    m = da.shape[0]
    n_ops = np.zeros(m, np.int64)
    matches = np.zeros(m, np.int64)
    whole = np.zeros(m, np.bool_)
    reordered = np.zeros(m, np.bool_)
    for k in nb.prange(m):
        ga = ptr[da[k]] + a0[k]
        gb = ptr[db[k]] + b0[k]
        la, lb = a1[k] - a0[k], b1[k] - b0[k]
        buf = ops[ops_ptr[k] : ops_ptr[k + 1]]
        n_ops[k], matches[k], _, _ = _global_align(h, ga, la, gb, lb, w, buf)
        s, e = piece_ptr[k], piece_ptr[k + 1]
        if e - s > 1 and _out_of_order(pa0[s:e], pb0[s:e]):
            whole[k] = True
            c = _covered(
                h,
                ga,
                gb,
                la,
                lb,
                pa0[s:e] - a0[k],
                pa1[s:e] - a0[k],
                pb0[s:e] - b0[k],
                pb1[s:e] - b0[k],
                w,
            )
            # reordered only if the pieces align more than the one alignment does (a phrase
            # said twice in a copy makes crossing pieces, yet the copy is in order)
            if c > matches[k]:
                matches[k] = c
                reordered[k] = True
    return n_ops, matches, whole, reordered


@dataclass(slots=True)
class Aligned:
    """Passages as token spans with their alignment.

    ``matches`` counts tokens aligned identically (by the passage's global alignment, or by its
    pieces' alignments where that covers more: swapped clauses). With L the longer side's
    length, identity = matches / L and score = matches - (L - matches).
    """

    spans: Spans
    matches: np.ndarray  # int64
    ops_buffer: np.ndarray  # uint8 op codes (OP_*) of every passage's global alignment
    ops_ptr: np.ndarray  # passage k's ops start at ops_ptr[k]
    n_ops: np.ndarray  # and there are n_ops[k] of them
    source: np.ndarray  # int64: the merged span (``Merged.passages``) each passage came from
    reordered: np.ndarray  # bool: assembled from pieces in another order on each side

    @property
    def longer(self) -> np.ndarray:
        return np.maximum(self.spans.a1 - self.spans.a0, self.spans.b1 - self.spans.b0)

    @property
    def score(self) -> np.ndarray:
        return 2 * self.matches - self.longer

    @property
    def identity(self) -> np.ndarray:
        return self.matches / np.maximum(self.longer, 1)


def extend_spans(
    h: np.ndarray, ptr: np.ndarray, spans: Spans, *, band: int, xdrop: int, max_extend: int
) -> Spans:
    """Move both ends of every span outwards to where the copied text ends."""
    if len(spans) == 0:
        return spans
    a0, a1, b0, b1 = _extend_all(h, ptr, *spans.coords(), band, xdrop, max_extend)
    return Spans(spans.doc_a, spans.doc_b, a0, a1, b0, b1, spans.seeds)


@dataclass(slots=True)
class Merged:
    """Passages and the pieces (pre-merge spans) each was built from."""

    passages: Spans
    pieces: Spans  # sorted by passage
    piece_ptr: np.ndarray  # passage k owns pieces piece_ptr[k]:piece_ptr[k+1]


def merge_spans(spans: Spans, *, gap: int, max_indel: int) -> Merged:
    """One span per passage: merge spans of a document pair that overlap or nearly touch
    (see ``_merge``)."""
    group = np.arange(len(spans))
    cur = spans
    while len(cur):
        order = np.lexsort((cur.b0, cur.a0, cur.doc_b, cur.doc_a))
        s = cur.take(order)
        a0, a1, b0, b1, seeds, idx, assign = _merge(*s.coords(), s.seeds, gap, max_indel)
        to_new = np.empty(len(cur), np.int64)
        to_new[order] = assign
        group = to_new[group]
        merged = Spans(s.doc_a[idx], s.doc_b[idx], a0, a1, b0, b1, seeds)
        done = len(merged) == len(cur)
        cur = merged
        # merging can make a span reach one merged earlier: repeat until nothing changes
        if done:
            break
    by_passage = np.argsort(group, kind="stable")
    piece_ptr = np.searchsorted(group[by_passage], np.arange(len(cur) + 1))
    return Merged(cur, spans.take(by_passage), piece_ptr.astype(np.int64))


def align_spans(
    h: np.ndarray, ptr: np.ndarray, merged: Merged, *, band: int, split_drop: int, max_indel: int
) -> Aligned:
    """Banded global alignment of every passage, cut where it falls ``split_drop`` below par."""
    spans, pieces = merged.passages, merged.pieces
    m = len(spans)
    lens = (spans.a1 - spans.a0).astype(np.int64) + (spans.b1 - spans.b0)
    ops_ptr = np.zeros(m + 1, np.int64)
    np.cumsum(lens, out=ops_ptr[1:])
    ops = np.zeros(int(ops_ptr[-1]), np.uint8)
    if m == 0:
        z = np.zeros(0, np.int64)
        return Aligned(spans, z, ops, ops_ptr, z, z, np.zeros(0, np.bool_))
    n_ops, matches, whole, reordered = _align_all(
        h,
        ptr,
        *spans.coords(),
        band,
        ops_ptr,
        ops,
        merged.piece_ptr,
        pieces.a0,
        pieces.a1,
        pieces.b0,
        pieces.b1,
    )
    src, a0, a1, b0, b1, op0, nop, mat = _split(
        ops, ops_ptr[:-1], n_ops, spans.a0, spans.b0, matches, whole, split_drop, max_indel
    )
    segments = Spans(spans.doc_a[src], spans.doc_b[src], a0, a1, b0, b1, spans.seeds[src])
    return Aligned(segments, mat, ops, op0, nop, src, reordered[src])


@nb.njit(cache=True)
def _fill(out, n, da, db):  # pragma: no cover - compiled
    """Ops for ``da`` tokens of A and ``db`` of B between two aligned pieces: substitutions,
    then the rest on one side. Returns the new count."""
    for _ in range(min(da, db)):
        out[n] = OP_SUB
        n += 1
    for _ in range(da - min(da, db)):
        out[n] = OP_DEL
        n += 1
    for _ in range(db - min(da, db)):
        out[n] = OP_INS
        n += 1
    return n


@nb.njit(cache=True)
def _compose(
    ops, m_ptr, m_nops, m_a0, m_b0, group_ptr, a0, a1, b0, b1, out, out_ptr
):  # pragma: no cover - compiled
    """The alignment of each group of pieces in one order on both sides: its members' own
    ops (in order of A), the text between them as substitutions and one-sided tokens. A
    member overlapping the one before gives up its overlapping ops. Linear in the group's
    length, whatever the two sides' lengths. Returns ops counts and identical tokens."""
    g_count = group_ptr.shape[0] - 1
    n_ops = np.zeros(g_count, np.int64)
    matches = np.zeros(g_count, np.int64)
    for g in range(g_count):
        if group_ptr[g] == group_ptr[g + 1]:  # no members to compose: no alignment
            continue
        n = out_ptr[g]
        ca, cb = a0[g], b0[g]
        for m in range(group_ptr[g], group_ptr[g + 1]):
            i, j = m_a0[m], m_b0[m]
            for c in range(m_ptr[m], m_ptr[m] + m_nops[m]):
                op = ops[c]
                ni = i + (op != OP_INS)
                nj = j + (op != OP_DEL)
                if i >= ca and j >= cb:
                    n = _fill(out, n, i - ca, j - cb)
                    out[n] = op
                    n += 1
                    matches[g] += op == OP_MATCH
                    ca, cb = ni, nj
                i, j = ni, nj
        n = _fill(out, n, a1[g] - ca, b1[g] - cb)
        n_ops[g] = n - out_ptr[g]
    return n_ops, matches


@nb.njit(cache=True)
def _covered_all(h, ptr, da, db, a0, b0, la, lb, piece_ptr, pa0, pa1, pb0, pb1, w):
    # pragma: no cover - compiled
    """Identical tokens of each span aligned by its pieces (see ``_covered``)."""
    out = np.zeros(da.shape[0], np.int64)
    for k in range(da.shape[0]):
        s, e = piece_ptr[k], piece_ptr[k + 1]
        out[k] = _covered(
            h,
            ptr[da[k]] + a0[k],
            ptr[db[k]] + b0[k],
            la[k],
            lb[k],
            pa0[s:e] - a0[k],
            pa1[s:e] - a0[k],
            pb0[s:e] - b0[k],
            pb1[s:e] - b0[k],
            w,
        )
    return out


def align_groups(
    h: np.ndarray,
    ptr: np.ndarray,
    boxes: Spans,
    members: Aligned,
    member_index: np.ndarray,
    member_ptr: np.ndarray,
    pieces: Spans,
    piece_ptr: np.ndarray,
    *,
    band: int,
) -> Aligned:
    """One passage per group of aligned passages (``members[member_index[i]]`` for i in
    ``member_ptr[k]:member_ptr[k + 1]``, in order of A) spanning ``boxes``. A group whose
    ``pieces`` come in another order on each side is reordered: its identical tokens are
    counted over its pieces, and it has no one alignment (``n_ops`` 0). Any other is aligned
    by composing its members' alignments (never one alignment of the whole span, which grows
    with the product of the two sides' lengths)."""
    g = len(boxes)
    reordered = np.array(
        [
            out_of_order(*(x[piece_ptr[k] : piece_ptr[k + 1]] for x in (pieces.a0, pieces.b0)))
            for k in range(g)
        ],
        dtype=np.bool_,
    )
    la = (boxes.a1 - boxes.a0).astype(np.int64)
    lb = (boxes.b1 - boxes.b0).astype(np.int64)
    out_ptr = np.zeros(g + 1, np.int64)
    np.cumsum(np.where(reordered, 0, la + lb), out=out_ptr[1:])
    ops = np.zeros(int(out_ptr[-1]), np.uint8)
    # composed for the groups in order (a reordered one composes no member)
    ms = members.spans
    ends = np.where(reordered, member_ptr[:-1], member_ptr[1:])
    group_ptr, order = concat_ranges(member_ptr[:-1], ends)
    order = member_index[order]
    n_ops, matches = _compose(
        members.ops_buffer,
        members.ops_ptr[order],
        members.n_ops[order],
        ms.a0[order].astype(np.int64),
        ms.b0[order].astype(np.int64),
        group_ptr,
        boxes.a0.astype(np.int64),
        boxes.a1.astype(np.int64),
        boxes.b0.astype(np.int64),
        boxes.b1.astype(np.int64),
        ops,
        out_ptr,
    )
    covered = _covered_all(
        h,
        ptr,
        boxes.doc_a.astype(np.int64),
        boxes.doc_b.astype(np.int64),
        boxes.a0.astype(np.int64),
        boxes.b0.astype(np.int64),
        la,
        lb,
        piece_ptr,
        pieces.a0.astype(np.int64),
        pieces.a1.astype(np.int64),
        pieces.b0.astype(np.int64),
        pieces.b1.astype(np.int64),
        band,
    )
    matches = np.where(reordered, covered, matches)
    n_ops = np.where(reordered, 0, n_ops)
    source = np.arange(g, dtype=np.int64)
    return Aligned(boxes, matches, ops, out_ptr[:-1], n_ops, source, reordered)


def concat_ranges(starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Ranges ``starts[k]:ends[k]`` one after the other: where each begins, and the indices."""
    counts = (ends - starts).astype(np.int64)
    group_ptr = np.zeros(len(counts) + 1, np.int64)
    np.cumsum(counts, out=group_ptr[1:])
    offsets = np.repeat(starts - group_ptr[:-1], counts)
    return group_ptr, (offsets + np.arange(int(group_ptr[-1]))).astype(np.int64)


def refine_pieces(
    h: np.ndarray, ptr: np.ndarray, pieces: Spans, *, band: int, split_drop: int, max_indel: int
) -> Aligned:
    """Each piece aligned on its own and cut where its score falls ``split_drop`` below par
    (as passages are), so that a piece bridging two sentences of another order becomes the
    two matches it holds; ``source`` is the piece each part comes from."""
    n = len(pieces)
    alone = Merged(pieces, pieces, np.arange(n + 1, dtype=np.int64))
    return align_spans(h, ptr, alone, band=band, split_drop=split_drop, max_indel=max_indel)


@nb.njit(cache=True)
def _rle(ops, ptr, n_ops, chars):  # pragma: no cover - compiled
    """Run-length strings of every passage's ops, as ASCII bytes in one buffer."""
    m = ptr.shape[0]  # passage p's ops are ops[ptr[p] : ptr[p] + n_ops[p]]
    out = np.empty(2 * int(n_ops.sum()) + 1, np.uint8)
    out_ptr = np.zeros(m + 1, np.int64)
    k = 0
    digits = np.empty(20, np.uint8)
    for p in range(m):
        s, e = ptr[p], ptr[p] + n_ops[p]
        i = s
        while i < e:
            j = i
            while j < e and ops[j] == ops[i]:
                j += 1
            run = j - i
            nd = 0
            while run > 0:
                digits[nd] = 48 + run % 10
                run //= 10
                nd += 1
            for t in range(nd - 1, -1, -1):
                out[k] = digits[t]
                k += 1
            out[k] = chars[ops[i]]
            k += 1
            i = j
        out_ptr[p + 1] = k
    return out[:k], out_ptr


_OP_BYTES = np.frombuffer(OP_CHARS.encode(), dtype=np.uint8)


def ops_strings(aligned: Aligned, idx: np.ndarray) -> list[str]:
    """Run-length form of the ops of passages ``idx``, e.g. ``"12=1X3=2D"``."""
    buf, ptr = _rle(aligned.ops_buffer, aligned.ops_ptr[idx], aligned.n_ops[idx], _OP_BYTES)
    text = buf.tobytes().decode("ascii")
    return [text[ptr[k] : ptr[k + 1]] for k in range(len(idx))]
