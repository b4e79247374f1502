"""Paraphrase: passages two documents share in other words, found from sentence embeddings.

1. sentences: each document is split into sentences (:mod:`echoscope.text.sentences`); those
   of at least ``min_words`` words in a script the model reads are embedded
   (:mod:`echoscope.detect.embed`). Each sentence's specifics (numbers and proper names,
   :mod:`echoscope.text.specifics`) are noted.
2. neighbours: each sentence's nearest sentences come from a FAISS inner-product index (exact
   up to ``EXACT_LIMIT`` vectors, HNSW beyond), one batched search for all. A neighbour in a
   document of another series with cosine at least ``seed`` is a seed, unless the two sentences
   lie in one passage the lexical engine found (that reuse is verbatim or edited and is
   reported as such).
3. background: a sentence's background level is its similarity to the ``background_rank``-th
   most similar other document. Generic sentences ("we will continue to serve the people",
   "X, who represents Y, announced the move") are close to many documents and have a high
   level; the specific allegation is close to its few repetitions only.
4. windows: around each seed, every window of up to ``max_sentences`` consecutive sentences
   containing it on each side, with at least ``passage_words`` words each, is scored
   (compiled with numba)::

       cosine(window means) - background_weight * mean background level of their sentences
                            + shared_weight * min(shared specifics, 4)
                            - conflict_weight * conflicting specifics

   where conflicting specifics are those only one side gives, counted on the side with fewer
   (both give a place or a figure, and they differ). The best window pair's score is the
   seed's evidence; its passage is the longest window pair scoring within ``extension`` of
   it, so that a claim made over several sentences is whole.
5. per document pair, window pairs scoring at least ``threshold`` become passages, best first,
   each overlapping none already taken on either side. A weaker pair (at least
   ``corroborated``) is taken too when both its sides overlap passages with one same third
   document: both repeat what that document says. Passages have character offsets like the
   lexical engine's, kind ``paraphrase``, and their similarity (the cosine of the two sides'
   mean sentence vectors).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numba as nb
import numpy as np

from echoscope.detect.embed import embeddable
from echoscope.detect.params import SemanticParams
from echoscope.errors import EchoscopeError
from echoscope.text.sentences import sentence_spans
from echoscope.text.specifics import specific_hashes

KIND = "paraphrase"
EXACT_LIMIT = 50_000  # vectors searched exhaustively; an HNSW graph beyond
_WORD = re.compile(r"\w+")
_MAX_SHARED = 4  # shared specifics beyond this add nothing more


@dataclass(slots=True)
class Sentences:
    """The embedded sentences of a corpus, one row each, in document order."""

    doc: np.ndarray  # int64: document index in the corpus
    pos: np.ndarray  # int32: sentence number within its document (every sentence counts)
    start: np.ndarray  # int32: character offsets in the document's text
    end: np.ndarray
    vectors: np.ndarray  # float32 (n, dim), L2-normalised
    specifics: Specifics | None = None  # numbers and names per sentence
    words: np.ndarray | None = None  # int32: words per sentence


@dataclass(slots=True)
class Specifics:
    """Per sentence, the sorted hashes of its numbers and proper names (CSR arrays)."""

    ptr: np.ndarray  # int64 (n + 1)
    hashes: np.ndarray  # uint32


def specifics(texts: Sequence[str], lowercase: set[str]) -> Specifics:
    """The specifics of each text (sentence); ``lowercase`` as in
    :func:`echoscope.text.specifics.lowercase_words` over the whole corpus."""
    lists = [specific_hashes(t, lowercase) for t in texts]
    ptr = np.zeros(len(lists) + 1, np.int64)
    ptr[1:] = np.cumsum([len(x) for x in lists])
    flat = np.fromiter((h for x in lists for h in x), dtype=np.uint32, count=int(ptr[-1]))
    return Specifics(ptr, flat)


def word_counts(texts: Sequence[str]) -> np.ndarray:
    """Words per text (int32)."""
    return np.fromiter((len(_WORD.findall(t)) for t in texts), np.int32, count=len(texts))


def embeddable_sentences(text: str, min_words: int) -> np.ndarray:
    """``(pos, start, end)`` rows (int32) of the sentences of ``text`` worth embedding."""
    rows = [
        (pos, s, e)
        for pos, (s, e) in enumerate(sentence_spans(text))
        if len(_WORD.findall(text, s, e)) >= min_words and embeddable(text[s:e])
    ]
    return np.asarray(rows, dtype=np.int32).reshape(-1, 3)


def stack_sentences(
    docs: Sequence[int], spans: Sequence[np.ndarray], vectors: Sequence[np.ndarray], dim: int
) -> Sentences:
    """One :class:`Sentences` from per-document ``(pos, start, end)`` rows and vectors."""
    counts = np.fromiter((len(s) for s in spans), dtype=np.int64, count=len(spans))
    rows = np.concatenate([*spans, np.zeros((0, 3), np.int32)])
    vec = np.concatenate([*[v.astype(np.float32) for v in vectors], np.zeros((0, dim), np.float32)])
    return Sentences(
        np.repeat(np.asarray(docs, dtype=np.int64), counts),
        rows[:, 0].copy(),
        rows[:, 1].copy(),
        rows[:, 2].copy(),
        vec,
    )


def nearest_neighbours(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``(i, j, similarity)`` of each row's ``k`` nearest rows, best first per row
    (self excluded); one batched FAISS search."""
    try:
        import faiss
    except ImportError as e:
        raise EchoscopeError(
            f"semantic matching needs the optional extra: pip install 'echoscope[semantic]' ({e})"
        ) from e
    n, dim = vectors.shape
    if n < 2:
        z = np.zeros(0, np.int64)
        return z, z, np.zeros(0, np.float32)
    k = min(k + 1, n)  # + 1: a sentence is its own nearest neighbour
    x = np.ascontiguousarray(vectors, dtype=np.float32)
    if n <= EXACT_LIMIT:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = max(64, 2 * k)
    index.add(x)
    sims, idx = index.search(x, k)
    rows = np.repeat(np.arange(n, dtype=np.int64), k)
    cols = idx.ravel().astype(np.int64)
    sims = sims.ravel()
    keep = (cols >= 0) & (cols != rows)
    return rows[keep], cols[keep], sims[keep]


def background_levels(
    i: np.ndarray, j: np.ndarray, sim: np.ndarray, doc: np.ndarray, rank: int
) -> np.ndarray:
    """Per sentence, its similarity to the ``rank``-th most similar other document, from its
    neighbours ``(i, j, sim)`` (documents of other series only; best first per ``i``). A
    sentence with neighbours in fewer documents gets its weakest neighbour's similarity; no
    level is below 0 (a sentence with no neighbour has 0)."""
    n = len(doc)
    out = np.zeros(n, np.float32)
    if len(i) == 0:
        return out
    # first (best) neighbour of each (sentence, document): its similarity to that document
    key = i * (int(doc.max()) + 1) + doc[j]
    _, first = np.unique(key, return_index=True)  # unique sorts by key: by i, then document
    fi, fsim = i[first], sim[first]
    order = np.lexsort((-fsim, fi))
    fi, fsim = fi[order], fsim[order]
    starts = np.searchsorted(fi, np.arange(n))
    ends = np.searchsorted(fi, np.arange(n), side="right")
    has = ends > starts
    pick = np.minimum(starts + rank - 1, ends - 1)
    out[has] = np.maximum(fsim[pick[has]], 0.0)  # below 0 is unrelated, not a background
    return out


def cross_document_pairs(
    i: np.ndarray, j: np.ndarray, sim: np.ndarray, doc: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentence pairs ``(i, j)`` of two documents each once, the earlier document's sentence
    first."""
    swap = doc[i] > doc[j]
    a, b = np.where(swap, j, i), np.where(swap, i, j)
    key = a * (len(doc) + 1) + b
    key, first = np.unique(key, return_index=True)  # i's and j's searches find the same pair
    return a[first], b[first], sim[first]


def overlapping_lexical(
    doc_a: np.ndarray,
    start_a: np.ndarray,
    end_a: np.ndarray,
    doc_b: np.ndarray,
    start_b: np.ndarray,
    end_b: np.ndarray,
    lexical: Mapping[str, np.ndarray],
) -> np.ndarray:
    """Whether each span pair overlaps, on both sides, one lexical passage of its document
    pair (``doc_a < doc_b``, documents as corpus indices).

    ``lexical`` holds arrays ``doc_a``, ``start_a``, ``end_a``, ``doc_b``, ``start_b``,
    ``end_b`` in the same terms."""
    out = np.zeros(len(doc_a), dtype=np.bool_)
    if len(doc_a) == 0 or len(lexical["doc_a"]) == 0:
        return out
    width = int(max(doc_a.max(), doc_b.max(), lexical["doc_b"].max())) + 1
    lkey = lexical["doc_a"].astype(np.int64) * width + lexical["doc_b"]
    order = np.argsort(lkey, kind="stable")
    lkey = lkey[order]
    sa, ea = lexical["start_a"][order], lexical["end_a"][order]
    sb, eb = lexical["start_b"][order], lexical["end_b"][order]
    ckey = doc_a.astype(np.int64) * width + doc_b
    lo = np.searchsorted(lkey, ckey, "left")
    hi = np.searchsorted(lkey, ckey, "right")
    for off in range(int((hi - lo).max(initial=0))):  # passages per document pair: few
        idx = lo + off
        valid = idx < hi
        k = np.where(valid, idx, 0)
        out |= valid & (start_a < ea[k]) & (end_a > sa[k]) & (start_b < eb[k]) & (end_b > sb[k])
    return out


def inside_passages(
    a: np.ndarray, b: np.ndarray, s: Sentences, lexical: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Whether each sentence pair (``s.doc[a] < s.doc[b]``) lies in one lexical passage."""
    return overlapping_lexical(
        s.doc[a], s.start[a], s.end[a], s.doc[b], s.start[b], s.end[b], lexical
    )


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
def _best_windows(
    a,
    b,
    doc,
    pos,
    words,
    vectors,
    background,
    ptr,
    hashes,
    doc_first,
    doc_last,
    max_sentences,
    min_words,
    background_weight,
    shared_weight,
    conflict_weight,
    max_shared,
    extension,
):  # pragma: no cover - compiled
    """For each seed pair (a[k], b[k]), the window pair around it of the module's step 4:
    its bounds and cosine, and the best window pair's score (-inf when no window is long
    enough)."""
    m = len(a)
    dim = vectors.shape[1]
    out_lo_a = np.zeros(m, np.int64)
    out_hi_a = np.zeros(m, np.int64)
    out_lo_b = np.zeros(m, np.int64)
    out_hi_b = np.zeros(m, np.int64)
    out_score = np.full(m, -np.inf)
    out_cos = np.zeros(m)
    for k in range(m):
        sides_lo = []
        sides_hi = []
        sides_vec = []
        sides_bg = []
        sides_words = []
        for side in range(2):
            seed = a[k] if side == 0 else b[k]
            d = doc[seed]
            lo, hi = _windows(seed, doc_first[d], doc_last[d], pos, words, max_sentences, min_words)
            vec = np.zeros((len(lo), dim))
            bg = np.zeros(len(lo))
            n_words = np.zeros(len(lo), np.int64)
            for w in range(len(lo)):
                for t in range(lo[w], hi[w] + 1):
                    for c in range(dim):
                        vec[w, c] += vectors[t, c]
                    bg[w] += background[t]
                    n_words[w] += words[t]
                bg[w] /= hi[w] - lo[w] + 1
                norm = np.sqrt(np.sum(vec[w] * vec[w]))
                if norm > 0:
                    vec[w] /= norm
            sides_lo.append(lo)
            sides_hi.append(hi)
            sides_vec.append(vec)
            sides_bg.append(bg)
            sides_words.append(n_words)
        lo_a, hi_a, vec_a, bg_a = sides_lo[0], sides_hi[0], sides_vec[0], sides_bg[0]
        lo_b, hi_b, vec_b, bg_b = sides_lo[1], sides_hi[1], sides_vec[1], sides_bg[1]
        words_a, words_b = sides_words[0], sides_words[1]
        if len(lo_a) == 0 or len(lo_b) == 0:
            continue
        cos = vec_a @ vec_b.T
        spec_b = [_window_specifics(ptr, hashes, lo_b[wb], hi_b[wb]) for wb in range(len(lo_b))]
        score = np.empty((len(lo_a), len(lo_b)))
        for wa in range(len(lo_a)):
            spec_a = _window_specifics(ptr, hashes, lo_a[wa], hi_a[wa])
            for wb in range(len(lo_b)):
                shared = _common(spec_a, spec_b[wb])
                conflict = min(len(spec_a), len(spec_b[wb])) - shared
                score[wa, wb] = (
                    cos[wa, wb]
                    - background_weight * 0.5 * (bg_a[wa] + bg_b[wb])
                    + shared_weight * min(shared, max_shared)
                    - conflict_weight * conflict
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
                        out_cos[k] = cos[wa, wb]
                        out_lo_a[k] = lo_a[wa]
                        out_hi_a[k] = hi_a[wa]
                        out_lo_b[k] = lo_b[wb]
                        out_hi_b[k] = hi_b[wb]
        out_score[k] = best
    return out_lo_a, out_hi_a, out_lo_b, out_hi_b, out_score, out_cos


@dataclass(slots=True)
class Passages:
    """Paraphrase passages: one row each, documents as corpus indices, offsets in characters."""

    doc_a: np.ndarray
    start_a: np.ndarray
    end_a: np.ndarray
    doc_b: np.ndarray
    start_b: np.ndarray
    end_b: np.ndarray
    similarity: np.ndarray  # cosine of the two sides' mean sentence vectors


def _document_bounds(doc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n_docs = int(doc.max(initial=-1)) + 1
    first = np.searchsorted(doc, np.arange(n_docs)).astype(np.int64)
    last = np.searchsorted(doc, np.arange(n_docs), side="right").astype(np.int64) - 1
    return first, last


@dataclass(slots=True)
class WindowPairs:
    """Scored window pairs (step 4): sentence bounds on each side, documents as corpus
    indices."""

    doc_a: np.ndarray
    lo_a: np.ndarray
    hi_a: np.ndarray
    doc_b: np.ndarray
    lo_b: np.ndarray
    hi_b: np.ndarray
    score: np.ndarray
    similarity: np.ndarray

    def take(self, idx: np.ndarray) -> WindowPairs:
        return WindowPairs(*(getattr(self, f)[idx] for f in WindowPairs.__slots__))

    def bounds(self, k: int) -> tuple[int, int, int, int, int, int]:
        return (
            int(self.doc_a[k]),
            int(self.lo_a[k]),
            int(self.hi_a[k]),
            int(self.doc_b[k]),
            int(self.lo_b[k]),
            int(self.hi_b[k]),
        )


def _take_best(w: WindowPairs, rank: np.ndarray) -> np.ndarray:
    """Indices of the window pairs taken: highest ``rank`` first per document pair, none
    overlapping one taken before on either side."""
    order = np.lexsort((-rank, w.doc_b, w.doc_a))
    taken: list[int] = []
    kept: list[tuple[int, int, int, int]] = []
    pair = (-1, -1)
    for k in order.tolist():
        da, la, ha, db, lb, hb = w.bounds(k)
        if (da, db) != pair:
            pair, kept = (da, db), []
        if any((la <= h1 and l1 <= ha) or (lb <= h2 and l2 <= hb) for l1, h1, l2, h2 in kept):
            continue
        kept.append((la, ha, lb, hb))
        taken.append(k)
    return np.asarray(taken, np.int64)


def _corroborated(w: WindowPairs, taken: np.ndarray, weak: np.ndarray) -> np.ndarray:
    """The ``weak`` window pairs whose two windows each overlap a window pair ``taken`` with
    one same third document: both repeat one talking point that a third document states,
    which backs the weaker evidence."""
    partners: dict[int, list[tuple[int, int, int]]] = {}
    for k in taken.tolist():
        da, la, ha, db, lb, hb = w.bounds(k)
        partners.setdefault(da, []).append((la, ha, db))
        partners.setdefault(db, []).append((lb, hb, da))

    def third_documents(doc: int, lo: int, hi: int) -> set[int]:
        return {o for l2, h2, o in partners.get(doc, ()) if lo <= h2 and l2 <= hi}

    out = []
    for k in weak.tolist():
        da, la, ha, db, lb, hb = w.bounds(k)
        if third_documents(da, la, ha) & third_documents(db, lb, hb):
            out.append(k)
    return np.asarray(out, np.int64)


def find_passages(
    s: Sentences,
    series: np.ndarray,
    lexical: Mapping[str, np.ndarray],
    params: SemanticParams,
    counts: dict[str, int] | None = None,
) -> Passages:
    """Steps 2-5: seeds, background levels, best windows, passages."""
    counts = counts if counts is not None else {}
    # without word counts every sentence is taken to be long enough on its own
    words = s.words if s.words is not None else np.full(len(s.doc), params.passage_words, np.int32)
    if s.specifics is None:
        ptr, hashes = np.zeros(len(s.doc) + 1, np.int64), np.zeros(0, np.uint32)
    else:
        ptr, hashes = s.specifics.ptr, s.specifics.hashes
    i, j, sim = nearest_neighbours(s.vectors, params.neighbours)
    other = series[s.doc[i]] != series[s.doc[j]]
    i, j, sim = i[other], j[other], sim[other]
    background = background_levels(i, j, sim, s.doc, params.background_rank)
    seed = sim >= params.seed
    a, b, sim = cross_document_pairs(i[seed], j[seed], sim[seed], s.doc)
    counts["sentence_seeds"] = len(a)
    inside = inside_passages(a, b, s, lexical)
    counts["sentence_seeds_in_lexical"] = int(inside.sum())
    a, b = a[~inside], b[~inside]
    first, last = _document_bounds(s.doc)
    lo_a, hi_a, lo_b, hi_b, score, cos = _best_windows(
        a,
        b,
        s.doc,
        s.pos,
        words,
        np.ascontiguousarray(s.vectors, np.float32),
        background,
        ptr,
        hashes,
        first,
        last,
        params.max_sentences,
        params.passage_words,
        params.background_weight,
        params.shared_weight,
        params.conflict_weight,
        _MAX_SHARED,
        params.extension,
    )
    keep = np.flatnonzero(score >= min(params.threshold, params.corroborated))
    lo_a, hi_a, lo_b, hi_b, score, cos = (x[keep] for x in (lo_a, hi_a, lo_b, hi_b, score, cos))
    w = WindowPairs(s.doc[lo_a], lo_a, hi_a, s.doc[lo_b], lo_b, hi_b, score, cos)
    strong = w.score >= params.threshold
    counts["paraphrase_windows"] = int(strong.sum())
    taken = np.flatnonzero(strong)
    taken = taken[_take_best(w.take(taken), w.score[taken])]
    backed = _corroborated(w, taken, np.flatnonzero(~strong))
    counts["paraphrase_windows_corroborated"] = len(backed)
    both = np.concatenate([taken, backed])
    # corroborated windows rank below every window that passed on its own
    rank = np.where(strong[both], w.score[both], w.score[both] - 10.0)
    w = w.take(both[_take_best(w.take(both), rank)])
    out = Passages(
        w.doc_a,
        s.start[w.lo_a],
        s.end[w.hi_a],
        w.doc_b,
        s.start[w.lo_b],
        s.end[w.hi_b],
        w.similarity,
    )
    # a window may reach into a lexical passage of the same pair; that text is reported there
    clash = overlapping_lexical(
        out.doc_a, out.start_a, out.end_a, out.doc_b, out.start_b, out.end_b, lexical
    )
    counts["paraphrase_windows_in_lexical"] = int(clash.sum())
    keep = ~clash
    out = Passages(*(getattr(out, f)[keep] for f in Passages.__slots__))
    return out


def shared_word_share(text_a: str, text_b: str) -> float:
    """Share of the shorter side's distinct words (case-folded) that the other side has too."""
    wa = {w.casefold() for w in _WORD.findall(text_a)}
    wb = {w.casefold() for w in _WORD.findall(text_b)}
    if not wa or not wb:
        return 0.0
    return round(len(wa & wb) / min(len(wa), len(wb)), 4)


def passage_rows(
    passages: Passages, ids: Sequence[str], text_of: Callable[[str], str]
) -> list[tuple]:
    """Store rows (see ``PASSAGE_COLUMNS``) of the passages."""
    rows = []
    for k in range(len(passages.doc_a)):
        da, db = ids[int(passages.doc_a[k])], ids[int(passages.doc_b[k])]
        sa, ea = int(passages.start_a[k]), int(passages.end_a[k])
        sb, eb = int(passages.start_b[k]), int(passages.end_b[k])
        ta, tb = text_of(da)[sa:ea], text_of(db)[sb:eb]
        na, nb_ = len(_WORD.findall(ta)), len(_WORD.findall(tb))
        similarity = round(float(passages.similarity[k]), 4)
        score = round(similarity * min(na, nb_), 2)
        identity = shared_word_share(ta, tb)
        rows.append((da, sa, ea, db, sb, eb, na, nb_, score, identity, KIND, "", similarity))
    rows.sort(key=lambda r: (r[0], r[3], r[1], r[4]))
    return rows
