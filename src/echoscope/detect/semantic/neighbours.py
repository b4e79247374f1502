"""Steps 2 and 3 of the semantic matcher: each sentence's nearest sentences in every language
of the corpus, and its background level in each language (how close it is to documents in
general: a generic sentence is close to many, a specific claim to its few repetitions)."""

from __future__ import annotations

import numpy as np

from echoscope.errors import EchoscopeError

EXACT_LIMIT = 50_000  # vectors searched exhaustively; an HNSW graph beyond


def _faiss():
    try:
        import faiss
    except ImportError as e:
        raise EchoscopeError(
            f"semantic matching needs the optional extra: pip install 'echoscope[semantic]' ({e})"
        ) from e
    return faiss


def nearest_neighbours(
    vectors: np.ndarray, k: int, targets: np.ndarray | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs ``(i, j, similarity)``: for every row ``i``, its ``k`` nearest rows ``j`` among
    ``targets`` (all rows when None), best first per row, itself excluded; one batched FAISS
    inner-product search."""
    n, dim = vectors.shape
    base = np.arange(n, dtype=np.int64) if targets is None else np.asarray(targets, np.int64)
    if n == 0 or len(base) == 0 or (len(base) == 1 and n == 1):
        z = np.zeros(0, np.int64)
        return z, z, np.zeros(0, np.float32)
    faiss = _faiss()
    kk = min(k + 1, len(base))  # + 1: a sentence is its own nearest neighbour
    x = np.ascontiguousarray(vectors, dtype=np.float32)
    if len(base) <= EXACT_LIMIT:
        index = faiss.IndexFlatIP(dim)
    else:
        index = faiss.IndexHNSWFlat(dim, 32, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = 80
        index.hnsw.efSearch = max(64, 2 * kk)
    index.add(np.ascontiguousarray(x[base]))
    sims, idx = index.search(x, kk)
    rows = np.repeat(np.arange(n, dtype=np.int64), kk)
    found = idx.ravel()
    valid = found >= 0
    cols = np.where(valid, base[np.where(valid, found, 0)], -1)
    sims = sims.ravel()
    keep = valid & (cols != rows)
    return rows[keep], cols[keep], sims[keep]


def background_levels(
    i: np.ndarray, j: np.ndarray, sim: np.ndarray, doc: np.ndarray, rank: int
) -> np.ndarray:
    """Per sentence, its mean similarity to its ``rank`` most similar other documents (its
    best sentence in each), from its neighbours ``(i, j, sim)`` (documents of other series
    only; best first per ``i``). A sentence with neighbours in fewer documents fills the
    missing places with the median level of the sentences that have neighbours, so that in a
    small corpus (or a language with few documents) its one close document stands out instead
    of making the level itself; no level is below 0."""
    n = len(doc)
    out = np.zeros(n, np.float32)
    if len(i) == 0:
        return out
    # first (best) neighbour of each (sentence, document): its similarity to that document
    key = i * (int(doc.max()) + 1) + doc[j]
    _, first = np.unique(key, return_index=True)  # unique sorts by key: by i, then document
    fi, fsim = i[first], sim[first].astype(np.float64)
    order = np.lexsort((-fsim, fi))
    fi, fsim = fi[order], fsim[order]
    starts = np.searchsorted(fi, np.arange(n))
    ends = np.searchsorted(fi, np.arange(n), side="right")
    # each sentence's best ``rank`` documents: positions starts .. starts + rank - 1
    place = np.arange(len(fi)) - starts[fi]
    top = place < rank
    totals = np.bincount(fi[top], weights=fsim[top], minlength=n)
    taken = np.minimum(ends - starts, rank)
    has = taken > 0
    own = totals[has] / taken[has]
    fill = float(np.median(own)) if len(own) else 0.0
    level = (totals[has] + fill * (rank - taken[has])) / rank
    out[has] = np.maximum(level, 0.0)  # below 0 is unrelated
    return out


def neighbours_by_language(
    vectors: np.ndarray,
    lang: np.ndarray,
    n_languages: int,
    doc: np.ndarray,
    series: np.ndarray,
    k: int,
    rank: int,
    counted: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Every sentence's ``k`` nearest sentences of other series in each language, as pairs
    ``(i, j, sim)``, and its background level in each language (``(n, n_languages)``).

    Only neighbours in ``counted`` documents (a mask by document; all when None) make the
    levels: query mode measures them on the corpus, not on the queries. Searched one language
    at a time because similarities across languages run lower than within one: a sentence's
    level among English sentences is what an English match must beat, its level among Urdu
    sentences what an Urdu match must beat."""
    n = len(doc)
    levels = np.zeros((n, max(n_languages, 1)), np.float32)
    parts_i, parts_j, parts_s = [], [], []
    for code in range(n_languages):
        targets = np.flatnonzero(lang == code)
        i, j, sim = nearest_neighbours(vectors, k, targets)
        other = series[doc[i]] != series[doc[j]]
        i, j, sim = i[other], j[other], sim[other]
        base = slice(None) if counted is None else counted[doc[j]]
        levels[:, code] = background_levels(i[base], j[base], sim[base], doc, rank)
        parts_i.append(i)
        parts_j.append(j)
        parts_s.append(sim)
    z = [np.zeros(0, np.int64)]
    return (
        np.concatenate(parts_i + z),
        np.concatenate(parts_j + z),
        np.concatenate([*parts_s, np.zeros(0, np.float32)]),
        levels,
    )


def cross_document_pairs(
    i: np.ndarray, j: np.ndarray, sim: np.ndarray, doc: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Sentence pairs ``(i, j)`` of two documents each once, the earlier document's sentence
    first, ordered by document pair."""
    swap = doc[i] > doc[j]
    a, b = np.where(swap, j, i), np.where(swap, i, j)
    key = a * (len(doc) + 1) + b
    key, first = np.unique(key, return_index=True)  # i's and j's searches find the same pair
    a, b, sim = a[first], b[first], sim[first]
    order = np.lexsort((b, a, doc[b], doc[a]))
    return a[order], b[order], sim[order]
