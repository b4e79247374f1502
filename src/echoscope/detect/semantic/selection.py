"""Step 5 of the semantic matcher: scored window pairs become passages (best first per document
pair, none overlapping another or a lexical passage), with their kind, their sentence matches
and their records."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from echoscope.detect.fragments import group_fragments
from echoscope.detect.ops import Match, format_matches
from echoscope.model import SEMANTIC_KINDS, PassagePair, passage_order

KINDS = SEMANTIC_KINDS
PARAPHRASE, TRANSLATION = SEMANTIC_KINDS
_WORD = re.compile(r"\w+")


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


def take_best(w: WindowPairs, rank: np.ndarray) -> np.ndarray:
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


def _windows_by_document(
    w: WindowPairs, pairs: Sequence[int], values: Sequence[float] | None = None
) -> dict[int, list[tuple[int, int, int, float]]]:
    """Per document, the windows of ``pairs`` on it: ``(lo, hi, partner document, value)``
    (the pair's entry in ``values``, 0 without)."""
    out: dict[int, list[tuple[int, int, int, float]]] = {}
    for n, k in enumerate(pairs):
        da, la, ha, db, lb, hb = w.bounds(k)
        value = float(values[n]) if values is not None else 0.0
        out.setdefault(da, []).append((la, ha, db, value))
        out.setdefault(db, []).append((lb, hb, da, value))
    return out


def corroborated(w: WindowPairs, taken: np.ndarray, weak: np.ndarray) -> np.ndarray:
    """The ``weak`` window pairs whose two windows each overlap a window pair ``taken`` with
    one same third document: both repeat one talking point that a third document states,
    which backs the weaker evidence."""
    partners = _windows_by_document(w, taken.tolist())

    def third_documents(doc: int, lo: int, hi: int) -> set[int]:
        return {o for l2, h2, o, _ in partners.get(doc, ()) if lo <= h2 and l2 <= hi}

    out = []
    for k in weak.tolist():
        da, la, ha, db, lb, hb = w.bounds(k)
        if third_documents(da, la, ha) & third_documents(db, lb, hb):
            out.append(k)
    return np.asarray(out, np.int64)


def outranked(
    w: WindowPairs,
    similarity: np.ndarray,
    margin: float,
    doc_language: np.ndarray,
    alike: Callable[[int, int], bool],
) -> np.ndarray:
    """Whether each window pair is outranked: one of its windows overlaps a window of a pair
    with a rival document that is more than ``margin`` closer, in its partner's language, and
    ``alike`` its partner (two reports of one event). A passage rewritten from one report is
    closer to it than to the other reports of the same event, which state the same facts in
    their own words: the closest is its source. Partners that are not alike (two documents
    that each repeat one speech) never compete, nor do partners in two languages, since
    similarities across languages run lower than within one."""
    spans = _windows_by_document(w, range(len(w.doc_a)), similarity)
    out = np.zeros(len(w.doc_a), np.bool_)
    for k in range(len(w.doc_a)):
        da, la, ha, db, lb, hb = w.bounds(k)
        bar = float(similarity[k]) + margin
        for doc, lo, hi, partner in ((da, la, ha, db), (db, lb, hb, da)):
            tongue = doc_language[partner]
            if any(
                o != partner
                and r > bar
                and lo <= h2
                and l2 <= hi
                and doc_language[o] == tongue
                and alike(partner, o)
                for l2, h2, o, r in spans[doc]
            ):
                out[k] = True
                break
    return out


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


@dataclass(slots=True)
class SemanticPassages:
    """Semantic passages: one row each, documents as corpus indices, offsets in characters."""

    doc_a: np.ndarray
    start_a: np.ndarray
    end_a: np.ndarray
    doc_b: np.ndarray
    start_b: np.ndarray
    end_b: np.ndarray
    similarity: np.ndarray  # cosine of the two sides' mean sentence vectors
    evidence: np.ndarray  # the window score (step 4) that made it a passage
    kind: np.ndarray  # object: PARAPHRASE or TRANSLATION
    matches: list[list[Match]]  # sentence matches, absolute offsets

    def take(self, keep: np.ndarray) -> SemanticPassages:
        idx = np.flatnonzero(keep) if keep.dtype == np.bool_ else keep
        arrays = [getattr(self, f)[idx] for f in SemanticPassages.__slots__[:-1]]
        return SemanticPassages(*arrays, [self.matches[int(k)] for k in idx])


def joined_fragments(w: WindowPairs, p: SemanticPassages, s: Any, gap: int) -> SemanticPassages:
    """Passages ``p`` (of window pairs ``w``, row for row) with those of one document pair that
    lie within ``gap`` sentences of each other on both sides, in any order, joined into one
    (:mod:`echoscope.detect.fragments`): it spans them all, keeps all their sentence matches,
    its best evidence and its pieces' mean similarity, weighted by their sentences."""
    if len(w.doc_a) < 2 or gap < 0:
        return p
    order = np.lexsort((w.lo_b, w.lo_a, w.doc_b, w.doc_a))
    w, p = w.take(order), p.take(order)
    pair = w.doc_a.astype(np.int64) * (int(w.doc_b.max()) + 1) + w.doc_b
    pos = s.pos.astype(np.int64)
    group = group_fragments(pair, pos[w.lo_a], pos[w.hi_a] + 1, pos[w.lo_b], pos[w.hi_b] + 1, gap)
    if len(np.unique(group)) == len(group):
        return p
    n = int(group.max()) + 1
    size = (w.hi_a - w.lo_a + 1 + w.hi_b - w.lo_b + 1).astype(np.float64)
    by_group = np.argsort(group, kind="stable")
    starts = np.searchsorted(group[by_group], np.arange(n))
    firsts = by_group[starts]

    def per_group(values: np.ndarray, reduce: np.ufunc) -> np.ndarray:
        return reduce.reduceat(values[by_group], starts)

    similarity = np.bincount(group, p.similarity * size, n) / np.bincount(group, size, n)
    matches: list[list[Match]] = [[] for _ in range(n)]
    for g, m in zip(group.tolist(), p.matches, strict=True):
        matches[g].extend(m)
    return SemanticPassages(
        p.doc_a[firsts],
        per_group(p.start_a, np.minimum),
        per_group(p.end_a, np.maximum),
        p.doc_b[firsts],
        per_group(p.start_b, np.minimum),
        per_group(p.end_b, np.maximum),
        similarity,
        per_group(p.evidence, np.maximum),
        p.kind[firsts],
        [sorted(m) for m in matches],
    )


def sentence_matches(
    vectors: np.ndarray,
    start: np.ndarray,
    end: np.ndarray,
    lo_a: int,
    hi_a: int,
    lo_b: int,
    hi_b: int,
    slack: float = 0.1,
) -> list[Match]:
    """Which sentence of window a matches which of window b: each sentence of a with its
    closest sentence of b, kept when that is within ``slack`` of the window's best sentence
    pair (absolute character offsets)."""
    sim = vectors[lo_a : hi_a + 1] @ vectors[lo_b : hi_b + 1].T
    best = int(sim.argmax()) if sim.size else 0
    top = float(sim.flat[best]) if sim.size else 0.0
    out = []
    for r in range(sim.shape[0]):
        c = int(sim[r].argmax())
        if sim[r, c] >= top - slack:
            out.append(
                (int(start[lo_a + r]), int(end[lo_a + r]), int(start[lo_b + c]), int(end[lo_b + c]))
            )
    return out


def shared_word_share(text_a: str, text_b: str) -> float:
    """Share of the shorter side's distinct words (case-folded) that the other side has too."""
    wa = {w.casefold() for w in _WORD.findall(text_a)}
    wb = {w.casefold() for w in _WORD.findall(text_b)}
    if not wa or not wb:
        return 0.0
    return round(len(wa & wb) / min(len(wa), len(wb)), 4)


def passage_pairs(
    passages: SemanticPassages, ids: Sequence[str], text_of: Callable[[str], str]
) -> list[PassagePair]:
    """The records of the passages, documents by id, in :data:`echoscope.model.PASSAGE_ORDER`;
    ``ops`` holds the sentence matches relative to each side's start
    (:mod:`echoscope.detect.ops`)."""
    out = []
    for k in range(len(passages.doc_a)):
        da, db = ids[int(passages.doc_a[k])], ids[int(passages.doc_b[k])]
        sa, ea = int(passages.start_a[k]), int(passages.end_a[k])
        sb, eb = int(passages.start_b[k]), int(passages.end_b[k])
        ta, tb = text_of(da)[sa:ea], text_of(db)[sb:eb]
        na, nb_ = len(_WORD.findall(ta)), len(_WORD.findall(tb))
        similarity = round(float(passages.similarity[k]), 4)
        ops = format_matches((x - sa, y - sa, u - sb, v - sb) for x, y, u, v in passages.matches[k])
        out.append(
            PassagePair(
                doc_a=da,
                start_a=sa,
                end_a=ea,
                doc_b=db,
                start_b=sb,
                end_b=eb,
                tokens_a=na,
                tokens_b=nb_,
                score=round(similarity * min(na, nb_), 2),
                identity=shared_word_share(ta, tb),
                kind=passages.kind[k],
                ops=ops,
                similarity=similarity,
            )
        )
    out.sort(key=passage_order)
    return out
