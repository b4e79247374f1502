"""Step 4 of the semantic matcher: around each seed (two close sentences of two documents),
the best pair of windows of consecutive sentences, scored against two backgrounds (compiled
with numba)::

    mean over the sentences of both windows of
        (best similarity to the other window's sentences
         - background_weight * the sentence's background level in the other's language)
      - pair_weight * max(pair background - the corpus's usual pair background, 0)
      + shared_weight * min(shared specifics, 4) - conflict_weight * conflicting specifics

Each sentence is matched to its closest sentence on the other side, so a sentence that adds
nothing lowers the mean and windows stay as long as the reuse. The sentence background is how
close each sentence is to documents in general (step 3). The
pair background is how close the rest of the two documents are to each other: for every
sentence of either document outside the seed's reach, its best similarity to the other
document's sentences outside the seed's reach, averaged. Two independent reports of one event
are close all through, so a close pair of sentences in them is expected; a reused passage stands
out from documents that are otherwise apart. What is usual is calibrated on the corpus: the
median, over the document pairs with a seed, of how close two documents are all through (per
pair of languages, since similarities across languages run lower). Conflicting specifics are
those only one side gives, counted on the side with fewer (both give a place or a figure, and
they differ); they count within one language only.
"""

from __future__ import annotations

import numba as nb
import numpy as np

MAX_SHARED = 4  # shared specifics beyond this add nothing more


@nb.njit(cache=True)
def _window_specifics(ptr, hashes, lo, hi):  # pragma: no cover - compiled
    """Sorted distinct hashes of sentences lo..hi."""
    out = np.sort(hashes[ptr[lo] : ptr[hi + 1]])
    if len(out) < 2:
        return out
    keep = np.ones(len(out), np.bool_)
    keep[1:] = out[1:] != out[:-1]
    return out[keep]


@nb.njit(cache=True)
def _common(x, y):  # pragma: no cover - compiled
    """Elements two sorted distinct arrays share."""
    a = b = c = 0
    while a < len(x) and b < len(y):
        if x[a] == y[b]:
            c += 1
            a += 1
            b += 1
        elif x[a] < y[b]:
            a += 1
        else:
            b += 1
    return c


@nb.njit(cache=True)
def _windows(seed, first, last, pos, words, max_sentences, min_words):  # pragma: no cover
    """Windows ``(lo, hi)`` of up to ``max_sentences`` sentences containing ``seed`` within
    ``first..last``, consecutive sentences at most two positions apart, with at least
    ``min_words`` words."""
    los = np.empty(max_sentences * max_sentences, np.int64)
    his = np.empty(max_sentences * max_sentences, np.int64)
    m = 0
    lo = seed
    while lo >= first and seed - lo < max_sentences:
        if lo < seed and pos[lo + 1] - pos[lo] > 2:
            break
        n_words = 0
        for k in range(lo, seed):
            n_words += words[k]
        hi = seed
        while hi <= last and hi - lo < max_sentences:
            if hi > seed and pos[hi] - pos[hi - 1] > 2:
                break
            n_words += words[hi]
            if n_words >= min_words:
                los[m] = lo
                his[m] = hi
                m += 1
            hi += 1
        lo -= 1
    return los[:m], his[:m]


@nb.njit(cache=True)
def _running_maxima(sim):  # pragma: no cover - compiled
    """For each row of ``sim``, the maxima of its first ``c + 1`` and of its last ``n - c``
    columns, so that the best column outside any range of columns takes two look-ups."""
    rows, cols = sim.shape
    before = np.empty((rows, cols))
    after = np.empty((rows, cols))
    for r in range(rows):
        best = -2.0
        for c in range(cols):
            best = max(best, sim[r, c])
            before[r, c] = best
        best = -2.0
        for c in range(cols - 1, -1, -1):
            best = max(best, sim[r, c])
            after[r, c] = best
    return before, after


@nb.njit(cache=True)
def _best_outside(before, after, r, lo, hi):  # pragma: no cover - compiled
    """Row ``r``'s best similarity to the columns outside ``lo..hi`` (-2 when none)."""
    best = -2.0
    if lo > 0:
        best = before[r, lo - 1]
    if hi + 1 < before.shape[1]:
        best = max(best, after[r, hi + 1])
    return best


@nb.njit(cache=True)
def _pair_background(row_before, row_after, col_before, col_after, lo_a, hi_a, lo_b, hi_b, top):
    # pragma: no cover - compiled
    """Mean of the ``top`` highest best similarities of a sentence of either document outside
    its window to the other document's sentences outside theirs (every one when ``top`` is 0;
    0 when the documents have nothing else)."""
    values = np.empty(row_before.shape[0] + col_before.shape[0])
    n = 0
    for r in range(row_before.shape[0]):
        if r < lo_a or r > hi_a:
            v = _best_outside(row_before, row_after, r, lo_b, hi_b)
            if v > -2.0:
                values[n] = v
                n += 1
    for c in range(col_before.shape[0]):
        if c < lo_b or c > hi_b:
            v = _best_outside(col_before, col_after, c, lo_a, hi_a)
            if v > -2.0:
                values[n] = v
                n += 1
    if n == 0:
        return 0.0
    kept = np.sort(values[:n])[::-1]
    if 0 < top < n:
        kept = kept[:top]
    return kept.mean()


@nb.njit(cache=True)
def document_pair_levels(doc_a, doc_b, doc_first, doc_last, vectors):  # pragma: no cover
    """For each document pair, how close the two documents are all through: the mean, over
    every sentence of either document, of its best similarity to the other's sentences."""
    out = np.zeros(len(doc_a))
    for k in range(len(doc_a)):
        fa, la = doc_first[doc_a[k]], doc_last[doc_a[k]]
        fb, lb = doc_first[doc_b[k]], doc_last[doc_b[k]]
        sim = vectors[fa : la + 1].astype(np.float64) @ vectors[fb : lb + 1].astype(np.float64).T
        total = 0.0
        for r in range(sim.shape[0]):
            total += sim[r].max()
        for c in range(sim.shape[1]):
            total += sim[:, c].max()
        out[k] = total / (sim.shape[0] + sim.shape[1])
    return out


@nb.njit(cache=True)
def _aligned(sim, level_a, level_b, lo_a, hi_a, lo_b, hi_b, background_weight):
    # pragma: no cover - compiled
    """Mean, over the sentences of both windows, of each sentence's best similarity to the
    other window's sentences less ``background_weight`` times its background level; and the
    same mean without the levels (the window pair's similarity)."""
    margin = 0.0
    plain = 0.0
    for r in range(lo_a, hi_a + 1):
        best = -2.0
        for c in range(lo_b, hi_b + 1):
            best = max(best, sim[r, c])
        margin += best - background_weight * level_a[r]
        plain += best
    for c in range(lo_b, hi_b + 1):
        best = -2.0
        for r in range(lo_a, hi_a + 1):
            best = max(best, sim[r, c])
        margin += best - background_weight * level_b[c]
        plain += best
    n = (hi_a - lo_a + 1) + (hi_b - lo_b + 1)
    return margin / n, plain / n


@nb.njit(cache=True)
def best_windows(
    a,
    b,
    doc,
    pos,
    words,
    vectors,
    levels,
    lang,
    pair_reference,
    ptr,
    hashes,
    doc_first,
    doc_last,
    max_sentences,
    min_words,
    background_weight,
    pair_weight,
    pair_top,
    shared_weight,
    conflict_weight,
    extension,
):  # pragma: no cover - compiled
    """For each seed pair (a[k], b[k]) (ordered by document pair), the window pair around it
    (see the module's docstring): its bounds and similarity, and the best window pair's score
    (-inf when no window is long enough)."""
    m = len(a)
    out_lo_a = np.zeros(m, np.int64)
    out_hi_a = np.zeros(m, np.int64)
    out_lo_b = np.zeros(m, np.int64)
    out_hi_b = np.zeros(m, np.int64)
    out_score = np.full(m, -np.inf)
    out_cos = np.zeros(m)
    cur_a = -1
    cur_b = -1
    empty = np.zeros((1, 1))
    sim = empty
    row_before, row_after, col_before, col_after = empty, empty, empty, empty
    level_a = np.zeros(1)
    level_b = np.zeros(1)
    for k in range(m):
        da = doc[a[k]]
        db = doc[b[k]]
        fa, fb = doc_first[da], doc_first[db]
        if da != cur_a or db != cur_b:  # the two documents' sentence similarities, once
            cur_a, cur_b = da, db
            sim = (
                vectors[fa : doc_last[da] + 1].astype(np.float64)
                @ vectors[fb : doc_last[db] + 1].astype(np.float64).T
            )
            row_before, row_after = _running_maxima(sim)
            col_before, col_after = _running_maxima(sim.T.copy())
            # each side's levels in the other's language
            level_a = levels[fa : doc_last[da] + 1, lang[fb]].astype(np.float64)
            level_b = levels[fb : doc_last[db] + 1, lang[fa]].astype(np.float64)
        usual = pair_reference[lang[a[k]], lang[b[k]]]
        # across languages specifics do not compare: names are found in cased scripts only,
        # and numbers may be written in words of another language
        conflict_here = conflict_weight if lang[a[k]] == lang[b[k]] else 0.0
        lo_a, hi_a = _windows(a[k], fa, doc_last[da], pos, words, max_sentences, min_words)
        lo_b, hi_b = _windows(b[k], fb, doc_last[db], pos, words, max_sentences, min_words)
        if len(lo_a) == 0 or len(lo_b) == 0:
            continue
        words_a = np.zeros(len(lo_a), np.int64)
        for w in range(len(lo_a)):
            for t in range(lo_a[w], hi_a[w] + 1):
                words_a[w] += words[t]
        words_b = np.zeros(len(lo_b), np.int64)
        for w in range(len(lo_b)):
            for t in range(lo_b[w], hi_b[w] + 1):
                words_b[w] += words[t]
        spec_b = [_window_specifics(ptr, hashes, lo_b[wb], hi_b[wb]) for wb in range(len(lo_b))]
        score = np.empty((len(lo_a), len(lo_b)))
        plain = np.empty((len(lo_a), len(lo_b)))
        for wa in range(len(lo_a)):
            spec_a = _window_specifics(ptr, hashes, lo_a[wa], hi_a[wa])
            ra0, ra1 = lo_a[wa] - fa, hi_a[wa] - fa
            for wb in range(len(lo_b)):
                rb0, rb1 = lo_b[wb] - fb, hi_b[wb] - fb
                shared = _common(spec_a, spec_b[wb])
                conflict = min(len(spec_a), len(spec_b[wb])) - shared
                margin, plain[wa, wb] = _aligned(
                    sim, level_a, level_b, ra0, ra1, rb0, rb1, background_weight
                )
                pair = _pair_background(
                    row_before, row_after, col_before, col_after, ra0, ra1, rb0, rb1, pair_top
                )
                score[wa, wb] = (
                    margin
                    - pair_weight * max(pair - usual, 0.0)
                    + shared_weight * min(shared, MAX_SHARED)
                    - conflict_here * conflict
                )
        # the evidence is the best window pair's score; the passage is the longest window
        # pair scoring nearly as well, so that a claim made over several sentences is whole
        best = score.max()
        most = -1
        for wa in range(len(lo_a)):
            for wb in range(len(lo_b)):
                if score[wa, wb] >= best - extension:
                    size = words_a[wa] + words_b[wb]
                    if size > most:
                        most = size
                        out_cos[k] = plain[wa, wb]
                        out_lo_a[k] = lo_a[wa]
                        out_hi_a[k] = hi_a[wa]
                        out_lo_b[k] = lo_b[wb]
                        out_hi_b[k] = hi_b[wb]
        out_score[k] = best
    return out_lo_a, out_hi_a, out_lo_b, out_hi_b, out_score, out_cos
