"""Chains: seed matches of one document pair strung along alignment diagonals.

Walking a pair's matches in order of position in A, a match joins the open chain whose last seed
is within ``max_gap`` tokens on both sides and whose diagonal (pos_b - pos_a) is within ``band``
of its own, preferring the nearest diagonal; otherwise it opens a chain. The diagonal may drift
from seed to seed, so a passage with scattered insertions and deletions stays one chain, while
the same phrase repeated elsewhere in a document starts a chain of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

import numba as nb
import numpy as np

from echoscope.detect.candidates import SeedMatches

_MAX_OPEN = 64  # open chains per document pair; the oldest closes when full


@dataclass(slots=True)
class Spans:
    """Aligned spans of document pairs, in tokens (end exclusive)."""

    doc_a: np.ndarray  # int32
    doc_b: np.ndarray  # int32
    a0: np.ndarray  # int32
    a1: np.ndarray
    b0: np.ndarray
    b1: np.ndarray
    seeds: np.ndarray  # int32: shared seeds supporting the span

    def __len__(self) -> int:
        return len(self.doc_a)

    def coords(self) -> tuple[np.ndarray, ...]:
        """(doc_a, doc_b, a0, a1, b0, b1): the arguments compiled stages take."""
        return self.doc_a, self.doc_b, self.a0, self.a1, self.b0, self.b1

    def take(self, idx: np.ndarray) -> Spans:
        return Spans(*(getattr(self, f)[idx] for f in self.__slots__))


@nb.njit(cache=True)
def _chain(doc_a, doc_b, pos_a, pos_b, n, max_gap, band, min_seeds):  # pragma: no cover
    m = doc_a.shape[0]
    out_a = np.empty(m, np.int32)
    out_b = np.empty(m, np.int32)
    out_a0 = np.empty(m, np.int32)
    out_a1 = np.empty(m, np.int32)
    out_b0 = np.empty(m, np.int32)
    out_b1 = np.empty(m, np.int32)
    out_n = np.empty(m, np.int32)
    k = 0
    last_a = np.empty(_MAX_OPEN, np.int64)
    last_b = np.empty(_MAX_OPEN, np.int64)
    a0 = np.empty(_MAX_OPEN, np.int64)
    b0 = np.empty(_MAX_OPEN, np.int64)
    b1 = np.empty(_MAX_OPEN, np.int64)
    cnt = np.empty(_MAX_OPEN, np.int64)
    i = 0
    while i < m:
        j = i
        while j < m and doc_a[j] == doc_a[i] and doc_b[j] == doc_b[i]:
            j += 1
        n_open = 0
        for t in range(i, j + 1):
            x = pos_a[t] if t < j else np.int64(1) << 40  # sentinel closes every chain
            y = pos_b[t] if t < j else 0
            # close chains that fell behind, emitting those with enough seeds
            c = 0
            while c < n_open:
                if x - last_a[c] > max_gap or (t == j):
                    if cnt[c] >= min_seeds:
                        out_a[k] = doc_a[i]
                        out_b[k] = doc_b[i]
                        out_a0[k] = a0[c]
                        out_a1[k] = last_a[c] + n
                        out_b0[k] = b0[c]
                        out_b1[k] = b1[c]
                        out_n[k] = cnt[c]
                        k += 1
                    n_open -= 1
                    last_a[c] = last_a[n_open]
                    last_b[c] = last_b[n_open]
                    a0[c] = a0[n_open]
                    b0[c] = b0[n_open]
                    b1[c] = b1[n_open]
                    cnt[c] = cnt[n_open]
                else:
                    c += 1
            if t == j:
                break
            best = -1
            best_d = band + 1
            for c in range(n_open):
                dy = y - last_b[c]
                if dy > max_gap or dy < -band:
                    continue
                dd = abs((y - x) - (last_b[c] - last_a[c]))
                if dd < best_d:
                    best_d = dd
                    best = c
            if best < 0:
                if n_open == _MAX_OPEN:  # drop the stalest chain to make room
                    stale = 0
                    for c in range(1, n_open):
                        if last_a[c] < last_a[stale]:
                            stale = c
                    n_open -= 1
                    last_a[stale] = last_a[n_open]
                    last_b[stale] = last_b[n_open]
                    a0[stale] = a0[n_open]
                    b0[stale] = b0[n_open]
                    b1[stale] = b1[n_open]
                    cnt[stale] = cnt[n_open]
                best = n_open
                n_open += 1
                a0[best] = x
                b0[best] = y
                b1[best] = y + n
                cnt[best] = 0
            last_a[best] = x
            last_b[best] = y
            b0[best] = min(b0[best], y)
            b1[best] = max(b1[best], y + n)
            cnt[best] += 1
        i = j
    return out_a[:k], out_b[:k], out_a0[:k], out_a1[:k], out_b0[:k], out_b1[:k], out_n[:k]


def chain_matches(
    matches: SeedMatches, *, ngram: int, max_gap: int, band: int, min_seeds: int
) -> Spans:
    """Chains of each document pair with at least ``min_seeds`` seeds, as token spans."""
    if len(matches) == 0:
        z = np.zeros(0, np.int32)
        return Spans(z, z, z, z, z, z, z)
    parts = _chain(
        matches.doc_a, matches.doc_b, matches.pos_a, matches.pos_b, ngram, max_gap, band, min_seeds
    )
    return Spans(*parts)
