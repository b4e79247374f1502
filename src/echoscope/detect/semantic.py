"""Paraphrase: passages two documents share in other words, found from sentence embeddings.

1. sentences: each document is split into sentences (:mod:`echoscope.text.sentences`); those
   of at least ``min_words`` words in a script the model reads are embedded
   (:mod:`echoscope.detect.embed`).
2. neighbours: each sentence's nearest sentences come from a FAISS inner-product index (exact
   up to ``EXACT_LIMIT`` vectors, HNSW beyond), one batched search for all; a neighbour counts
   when its cosine similarity reaches ``threshold`` and it is in a document of another series.
3. generic sentences: a sentence with neighbours (similarity at least ``generic_similarity``)
   in more than ``max_docs`` documents says what everybody says ("we will continue to serve the
   people"; "we have installed N solar pumps in X"); all its matches are dropped.
   Conflicting specifics: two sentences that both give numbers, or both name people or places,
   and share none of them, report different facts in one frame; their match is dropped.
4. lexical reuse: sentence pairs inside a passage the lexical engine found are dropped; that
   reuse is verbatim or edited and already reported as such.
5. runs: the matches of one document pair are chained in order on both sides, at most ``gap``
   unmatched sentences apart (compiled with numba). A sentence split in two, or two merged
   into one, stays in one run.
6. passages: a run of at least ``min_sentences`` sentence pairs, or a single pair as similar as
   ``single`` (or as ``anchored`` when the two sentences name a common person, place or
   number), becomes a passage from its first sentence's start to its last sentence's end on
   both sides: character offsets like the lexical engine's, kind ``paraphrase``, and its
   similarity (the mean cosine of its sentence pairs).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numba as nb
import numpy as np

from echoscope.detect.embed import embeddable
from echoscope.detect.params import SemanticParams
from echoscope.errors import EchoscopeError
from echoscope.text.sentences import sentence_spans

KIND = "paraphrase"
_NUMBER = re.compile(r"\d[\d,.]*\d|\d")
# a capitalised word that does not start a sentence: a name of a person, place or body
_NAME = re.compile(r"(?<=[\w,;:] )[A-Z][\w'\u2019-]+")
EXACT_LIMIT = 50_000  # vectors searched exhaustively; an HNSW graph beyond
_WORD = re.compile(r"\w+")


@dataclass(slots=True)
class Sentences:
    """The embedded sentences of a corpus, one row each, in document order."""

    doc: np.ndarray  # int64: document index in the corpus
    pos: np.ndarray  # int32: sentence number within its document (every sentence counts)
    start: np.ndarray  # int32: character offsets in the document's text
    end: np.ndarray
    vectors: np.ndarray  # float32 (n, dim), L2-normalised
    specifics: Specifics | None = None  # numbers and names per sentence


@dataclass(slots=True)
class Specifics:
    """Per sentence, the numbers and the names it gives, as hashes (CSR arrays)."""

    num_ptr: np.ndarray
    nums: np.ndarray  # uint32, sorted within each sentence
    name_ptr: np.ndarray
    names: np.ndarray


def _hashes(words: Sequence[str]) -> list[int]:
    return sorted({zlib.crc32(w.encode()) for w in words})


def specifics(texts: Sequence[str], common_share: float = 0.2) -> Specifics:
    """Numbers and names of each text (sentence). A name found in more than ``common_share``
    of the texts (the country, the capital) tells nothing apart and is left out."""
    nums = [_hashes([n.replace(",", "") for n in _NUMBER.findall(t)]) for t in texts]
    names = [{w.lower().removesuffix("'s") for w in _NAME.findall(t)} for t in texts]
    seen: dict[str, int] = {}
    for ns in names:
        for w in ns:
            seen[w] = seen.get(w, 0) + 1
    common = {w for w, c in seen.items() if c > max(common_share * len(texts), 10)}
    name_hashes = [_hashes(ns - common) for ns in names]

    def csr(lists: list[list[int]]) -> tuple[np.ndarray, np.ndarray]:
        ptr = np.zeros(len(lists) + 1, np.int64)
        ptr[1:] = np.cumsum([len(x) for x in lists])
        flat = np.fromiter((h for x in lists for h in x), dtype=np.uint32, count=int(ptr[-1]))
        return ptr, flat

    return Specifics(*csr(nums), *csr(name_hashes))


@nb.njit(cache=True)
def _disjoint(ptr, vals, i, j):  # pragma: no cover - compiled
    """Both sets non-empty and without a common element (sorted CSR rows i and j)."""
    a, a_end, b, b_end = ptr[i], ptr[i + 1], ptr[j], ptr[j + 1]
    if a == a_end or b == b_end:
        return False
    while a < a_end and b < b_end:
        if vals[a] == vals[b]:
            return False
        if vals[a] < vals[b]:
            a += 1
        else:
            b += 1
    return True


@nb.njit(cache=True)
def _conflicts(num_ptr, nums, name_ptr, names, a, b):  # pragma: no cover - compiled
    out = np.zeros(len(a), np.bool_)
    for k in range(len(a)):
        out[k] = _disjoint(num_ptr, nums, a[k], b[k]) or _disjoint(name_ptr, names, a[k], b[k])
    return out


@nb.njit(cache=True)
def _shares(num_ptr, nums, name_ptr, names, a, b):  # pragma: no cover - compiled
    out = np.zeros(len(a), np.bool_)
    for k in range(len(a)):
        num = num_ptr[a[k]] < num_ptr[a[k] + 1] and num_ptr[b[k]] < num_ptr[b[k] + 1]
        name = name_ptr[a[k]] < name_ptr[a[k] + 1] and name_ptr[b[k]] < name_ptr[b[k] + 1]
        out[k] = (num and not _disjoint(num_ptr, nums, a[k], b[k])) or (
            name and not _disjoint(name_ptr, names, a[k], b[k])
        )
    return out


def sharing(a: np.ndarray, b: np.ndarray, spec: Specifics) -> np.ndarray:
    """Whether sentences a[k] and b[k] give a number or a name in common."""
    return _shares(spec.num_ptr, spec.nums, spec.name_ptr, spec.names, a, b)


def conflicting(a: np.ndarray, b: np.ndarray, spec: Specifics) -> np.ndarray:
    """Whether sentences a[k] and b[k] give different numbers or different names only."""
    return _conflicts(spec.num_ptr, spec.nums, spec.name_ptr, spec.names, a, b)


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


def nearest_neighbours(
    vectors: np.ndarray, k: int, threshold: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``(i, j, similarity)`` of each row's ``k`` nearest rows with similarity at least
    ``threshold`` (self excluded); one batched FAISS search."""
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
    keep = (cols >= 0) & (cols != rows) & (sims >= threshold)
    return rows[keep], cols[keep], sims[keep]


def cross_document_pairs(
    i: np.ndarray, j: np.ndarray, sim: np.ndarray, doc: np.ndarray, series: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentence pairs of documents of different series, each once, the earlier document's
    sentence first."""
    keep = series[doc[i]] != series[doc[j]]
    i, j, sim = i[keep], j[keep], sim[keep]
    swap = doc[i] > doc[j]
    a, b = np.where(swap, j, i), np.where(swap, i, j)
    key = a * (len(doc) + 1) + b
    key, first = np.unique(key, return_index=True)  # i's and j's searches find the same pair
    return a[first], b[first], sim[first]


def generic_sentences(
    a: np.ndarray, b: np.ndarray, doc: np.ndarray, max_docs: int
) -> tuple[np.ndarray, np.ndarray]:
    """Per sentence: in how many other documents it has a match, and whether that is more
    than ``max_docs`` (a generic sentence)."""
    n_docs = int(doc.max(initial=-1)) + 2
    sent = np.concatenate([a, b])
    other = np.concatenate([doc[b], doc[a]])
    uniq = np.unique(sent * n_docs + other)
    df = np.bincount(uniq // n_docs, minlength=len(doc))
    return df, df > max_docs


def inside_passages(
    a: np.ndarray, b: np.ndarray, s: Sentences, lexical: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Whether each sentence pair lies (overlaps on both sides) in one lexical passage.

    ``lexical`` holds arrays ``doc_a``, ``start_a``, ``end_a``, ``doc_b``, ``start_b``,
    ``end_b`` with documents as corpus indices, ``doc_a < doc_b``."""
    out = np.zeros(len(a), dtype=np.bool_)
    if len(a) == 0 or len(lexical["doc_a"]) == 0:
        return out
    width = int(max(s.doc.max(), lexical["doc_b"].max())) + 1
    lkey = lexical["doc_a"].astype(np.int64) * width + lexical["doc_b"]
    order = np.argsort(lkey, kind="stable")
    lkey = lkey[order]
    sa, ea = lexical["start_a"][order], lexical["end_a"][order]
    sb, eb = lexical["start_b"][order], lexical["end_b"][order]
    ckey = s.doc[a] * width + s.doc[b]
    lo = np.searchsorted(lkey, ckey, "left")
    hi = np.searchsorted(lkey, ckey, "right")
    for off in range(int((hi - lo).max(initial=0))):  # passages per document pair: few
        idx = lo + off
        valid = idx < hi
        k = np.where(valid, idx, 0)
        out |= (
            valid
            & (s.start[a] < ea[k])
            & (s.end[a] > sa[k])
            & (s.start[b] < eb[k])
            & (s.end[b] > sb[k])
        )
    return out


@nb.njit(cache=True)
def _chain(pair: np.ndarray, pos_a: np.ndarray, pos_b: np.ndarray, gap: int):  # pragma: no cover
    """Run number of each match (sorted by pair, pos_a, pos_b): a match extends the run of its
    pair that ended closest before it, at most ``gap`` sentences back on each side."""
    m = len(pair)
    run = np.empty(m, np.int64)
    last_a = np.empty(m, np.int64)
    last_b = np.empty(m, np.int64)
    nruns = 0
    first_run = 0
    for t in range(m):
        if t == 0 or pair[t] != pair[t - 1]:
            first_run = nruns
        best = -1
        r = nruns - 1
        while r >= first_run and r >= nruns - 64:  # open runs of this pair; few
            da = pos_a[t] - last_a[r]
            db = pos_b[t] - last_b[r]
            near = 0 <= da <= gap + 1 and 0 <= db <= gap + 1 and da + db > 0
            if near and (best < 0 or last_a[r] + last_b[r] > last_a[best] + last_b[best]):
                best = r
            r -= 1
        if best < 0:
            best = nruns
            nruns += 1
        run[t] = best
        last_a[best] = pos_a[t]
        last_b[best] = pos_b[t]
    return run, nruns


@dataclass(slots=True)
class Runs:
    """Chained sentence matches: one row per run, documents as corpus indices."""

    doc_a: np.ndarray
    start_a: np.ndarray
    end_a: np.ndarray
    doc_b: np.ndarray
    start_b: np.ndarray
    end_b: np.ndarray
    pairs: np.ndarray  # sentence pairs in the run
    sentences: np.ndarray  # fewer of the distinct sentences on either side
    similarity: np.ndarray  # mean cosine of its sentence pairs
    best: np.ndarray  # highest cosine of one pair
    anchored: np.ndarray  # bool: a pair of the run names a common person, place or number


def chain_runs(a: np.ndarray, b: np.ndarray, sim: np.ndarray, s: Sentences, gap: int) -> Runs:
    """Runs of matches that stay in order on both sides (see :func:`_chain`)."""
    width = int(s.doc.max(initial=0)) + 1
    pair = s.doc[a] * width + s.doc[b]
    order = np.lexsort((s.pos[b], s.pos[a], pair))
    a, b, sim, pair = a[order], b[order], sim[order], pair[order]
    run, _ = _chain(pair, s.pos[a].astype(np.int64), s.pos[b].astype(np.int64), gap)
    no_specifics = s.specifics is None
    shared = np.zeros(len(a), np.bool_) if no_specifics else sharing(a, b, s.specifics)
    order = np.argsort(run, kind="stable")
    a, b, sim, run, shared = a[order], b[order], sim[order], run[order], shared[order]
    if len(run) == 0:
        z = np.zeros(0, np.int64)
        return Runs(
            z, z, z, z, z, z, z, z, z.astype(np.float64), z.astype(np.float32), z.astype(np.bool_)
        )
    cut = np.flatnonzero(np.r_[True, run[1:] != run[:-1]])
    size = np.diff(np.r_[cut, len(run)])
    # distinct sentences per side: runs are sorted by position on side a; side b may repeat
    new_a = np.r_[True, (a[1:] != a[:-1]) | (run[1:] != run[:-1])]
    order_b = np.lexsort((b, run))
    bb, rb = b[order_b], run[order_b]
    new_b = np.r_[True, (bb[1:] != bb[:-1]) | (rb[1:] != rb[:-1])]
    distinct_a = np.add.reduceat(new_a.astype(np.int64), cut)
    distinct_b = np.add.reduceat(new_b.astype(np.int64), cut)
    return Runs(
        s.doc[a[cut]],
        np.minimum.reduceat(s.start[a], cut),
        np.maximum.reduceat(s.end[a], cut),
        s.doc[b[cut]],
        np.minimum.reduceat(s.start[b], cut),
        np.maximum.reduceat(s.end[b], cut),
        size,
        np.minimum(distinct_a, distinct_b),
        np.add.reduceat(sim.astype(np.float64), cut) / size,
        np.maximum.reduceat(sim, cut),
        np.maximum.reduceat(shared.astype(np.int8), cut).astype(np.bool_),
    )


def find_runs(
    s: Sentences,
    series: np.ndarray,
    lexical: Mapping[str, np.ndarray],
    params: SemanticParams,
    counts: dict[str, int] | None = None,
) -> Runs:
    """Steps 2-5: neighbours, cross-series pairs, generic, specifics and lexical filters, runs."""
    counts = counts if counts is not None else {}
    low = min(params.threshold, params.generic_similarity)
    i, j, sim = nearest_neighbours(s.vectors, params.neighbours, low)
    a, b, sim = cross_document_pairs(i, j, sim, s.doc, series)
    near = sim >= params.generic_similarity
    _df, generic = generic_sentences(a[near], b[near], s.doc, params.max_docs)
    match = sim >= params.threshold
    a, b, sim = a[match], b[match], sim[match]
    counts["sentence_pairs"] = len(a)
    keep = ~(generic[a] | generic[b])
    counts["generic_sentences"] = int(generic.sum())
    counts["generic_pairs_dropped"] = int((~keep).sum())
    a, b, sim = a[keep], b[keep], sim[keep]
    if s.specifics is not None:
        clash = conflicting(a, b, s.specifics)
        counts["conflicting_pairs_dropped"] = int(clash.sum())
        a, b, sim = a[~clash], b[~clash], sim[~clash]
    inside = inside_passages(a, b, s, lexical)
    counts["lexical_pairs_dropped"] = int(inside.sum())
    a, b, sim = a[~inside], b[~inside], sim[~inside]
    runs = chain_runs(a, b, sim, s, params.gap)
    counts["runs"] = len(runs.pairs)
    return runs


def accepted(runs: Runs, params: SemanticParams) -> np.ndarray:
    """Step 6: which runs are passages."""
    return (
        (runs.sentences >= params.min_sentences)
        | (runs.best >= params.single)
        | (runs.anchored & (runs.best >= params.anchored))
    )


def shared_word_share(text_a: str, text_b: str) -> float:
    """Share of the shorter side's distinct words (case-folded) that the other side has too."""
    wa = {w.casefold() for w in _WORD.findall(text_a)}
    wb = {w.casefold() for w in _WORD.findall(text_b)}
    if not wa or not wb:
        return 0.0
    return round(len(wa & wb) / min(len(wa), len(wb)), 4)


def passage_rows(
    runs: Runs,
    keep: np.ndarray,
    ids: Sequence[str],
    text_of: Callable[[str], str],
) -> list[tuple]:
    """Store rows (see ``PASSAGE_COLUMNS``) of the accepted runs."""
    rows = []
    for k in np.flatnonzero(keep).tolist():
        da, db = ids[int(runs.doc_a[k])], ids[int(runs.doc_b[k])]
        sa, ea = int(runs.start_a[k]), int(runs.end_a[k])
        sb, eb = int(runs.start_b[k]), int(runs.end_b[k])
        ta, tb = text_of(da)[sa:ea], text_of(db)[sb:eb]
        na, nb_ = len(_WORD.findall(ta)), len(_WORD.findall(tb))
        similarity = round(float(runs.similarity[k]), 4)
        score = round(similarity * min(na, nb_), 2)
        identity = shared_word_share(ta, tb)
        rows.append((da, sa, ea, db, sb, eb, na, nb_, score, identity, KIND, "", similarity))
    rows.sort(key=lambda r: (r[0], r[3], r[1], r[4]))
    return rows
