"""Paraphrase and translation: passages two documents share in other words or in another
language, found from multilingual sentence embeddings. One module per step:

1. :mod:`.sentences`: each document is split into sentences (:mod:`echoscope.text.sentences`);
   those of at least ``min_words`` words are embedded (:mod:`echoscope.detect.embed`, one
   model for every language). Each sentence carries its document's language
   (:mod:`echoscope.text.language`) and its specifics (numbers and proper names,
   :mod:`echoscope.text.specifics`).
2. :mod:`.neighbours`: each sentence's nearest sentences of other series, searched in each
   language of the corpus separately (one batched FAISS search per language).
3. background: a sentence's level in a language is its similarity to the ``background_rank``-th
   most similar other document in that language. Generic sentences ("we will continue to serve
   the people") are close to many documents and have a high level; the specific allegation is
   close to its few repetitions only. A neighbour is a seed when its similarity beats the two
   sentences' levels (each in the other's language) by ``seed``, unless the two sentences lie
   in one passage the lexical engine found (that reuse is verbatim or edited).
4. :mod:`.scoring`: around each seed, windows of up to ``max_sentences`` consecutive sentences
   on each side, with at least ``passage_words`` words each, are scored against the sentence
   background and the pair background (how close the rest of the two documents are: two
   independent reports of one event are close all through, a reused passage stands out).
5. :mod:`.selection`: per document pair, window pairs scoring at least ``threshold`` become
   passages, best first, none overlapping another on either side; a weaker pair (at least
   ``corroborated``) is taken when both its sides overlap passages with one same third
   document. A passage between documents in different languages is a ``translation``, else a
   ``paraphrase``; it carries its sentence matches and the cosine of its two sides' mean
   vectors as its similarity.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

import numpy as np

from echoscope.detect.params import SemanticParams
from echoscope.detect.semantic.neighbours import (
    background_levels,
    cross_document_pairs,
    nearest_neighbours,
    neighbours_by_language,
)
from echoscope.detect.semantic.scoring import best_windows, document_pair_levels
from echoscope.detect.semantic.selection import (
    KINDS,
    PARAPHRASE,
    TRANSLATION,
    SemanticPassages,
    WindowPairs,
    corroborated,
    joined_fragments,
    outranked,
    overlapping_lexical,
    passage_pairs,
    sentence_matches,
    shared_word_share,
    take_best,
)
from echoscope.detect.semantic.sentences import (
    Sentences,
    Specifics,
    embeddable_sentences,
    set_languages,
    specifics,
    stack_sentences,
    word_counts,
)

KIND = PARAPHRASE  # the kind of a semantic passage within one language
_MIN_PAIRS_FOR_REFERENCE = 20  # document pairs that make a language pair's own reference
_MAX_PAIRS_FOR_REFERENCE = 5000  # document pairs measured for it
_MIN_NEIGHBOURS_FOR_SPREAD = 100  # neighbour pairs that make a language pair's own spread

__all__ = [
    "KIND",
    "KINDS",
    "PARAPHRASE",
    "TRANSLATION",
    "SemanticPassages",
    "Sentences",
    "Specifics",
    "background_levels",
    "cross_document_pairs",
    "embeddable_sentences",
    "find_passages",
    "inside_passages",
    "nearest_neighbours",
    "overlapping_lexical",
    "passage_pairs",
    "set_languages",
    "shared_word_share",
    "specifics",
    "stack_sentences",
    "word_counts",
]


def inside_passages(
    a: np.ndarray, b: np.ndarray, s: Sentences, lexical: Mapping[str, np.ndarray]
) -> np.ndarray:
    """Whether each sentence pair (``s.doc[a] < s.doc[b]``) lies in one lexical passage."""
    return overlapping_lexical(
        s.doc[a], s.start[a], s.end[a], s.doc[b], s.start[b], s.end[b], lexical
    )


def _document_bounds(doc: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n_docs = int(doc.max(initial=-1)) + 1
    first = np.searchsorted(doc, np.arange(n_docs)).astype(np.int64)
    last = np.searchsorted(doc, np.arange(n_docs), side="right").astype(np.int64) - 1
    return first, last


def _per_language_pair(
    values: np.ndarray,
    lang_a: np.ndarray,
    lang_b: np.ndarray,
    n_languages: int,
    statistic: Callable[[np.ndarray], float],
    minimum: int,
    default: float,
) -> np.ndarray:
    """``(n, n)``: ``statistic`` of the values of each (unordered) pair of languages, or of
    all values where a pair has fewer than ``minimum`` (``default`` when there are none)."""
    out = np.full((n_languages, n_languages), statistic(values) if len(values) else default)
    lo, hi = np.minimum(lang_a, lang_b), np.maximum(lang_a, lang_b)
    for x in range(n_languages):
        for y in range(x, n_languages):
            here = (lo == x) & (hi == y)
            if here.sum() >= minimum:
                out[x, y] = out[y, x] = statistic(values[here])
    return out


def usual_pair_levels(
    doc_a: np.ndarray,
    doc_b: np.ndarray,
    first: np.ndarray,
    last: np.ndarray,
    vectors: np.ndarray,
    lang: np.ndarray,
    n_languages: int,
) -> np.ndarray:
    """The corpus's usual pair background per pair of languages (``(n, n)``): the median,
    over the document pairs with a seed, of how close the two documents are all through.
    Language pairs with few document pairs take the median of all."""
    pairs = np.unique(np.stack([doc_a, doc_b]), axis=1) if len(doc_a) else np.zeros((2, 0), int)
    if pairs.shape[1] > _MAX_PAIRS_FOR_REFERENCE:  # a median needs no more: evenly spaced
        pick = np.linspace(0, pairs.shape[1] - 1, _MAX_PAIRS_FOR_REFERENCE).astype(np.int64)
        pairs = pairs[:, pick]
    levels = document_pair_levels(pairs[0], pairs[1], first, last, vectors)
    la, lb = lang[first[pairs[0]]], lang[first[pairs[1]]]
    return _per_language_pair(levels, la, lb, n_languages, np.median, _MIN_PAIRS_FOR_REFERENCE, 0.0)


def margin_spreads(
    margin: np.ndarray, lang_i: np.ndarray, lang_j: np.ndarray, n_languages: int
) -> np.ndarray:
    """``(n, n)``: the standard deviation of the neighbours' margins per pair of languages
    (all neighbours' where a pair has few), so that a score means as much across languages as
    within one."""
    out = _per_language_pair(
        margin, lang_i, lang_j, n_languages, np.std, _MIN_NEIGHBOURS_FOR_SPREAD, 1.0
    )
    return np.maximum(out, 1e-6)


def _alike_documents(
    first: np.ndarray,
    last: np.ndarray,
    vectors: np.ndarray,
    doc_language: np.ndarray,
    reference: np.ndarray,
) -> Callable[[int, int], bool]:
    """Whether two documents are closer all through than the corpus's usual pair (reports of
    one event are); measured when first asked."""
    known: dict[tuple[int, int], bool] = {}

    def alike(x: int, y: int) -> bool:
        key = (min(x, y), max(x, y))
        if key not in known:
            level = document_pair_levels(
                np.array([key[0]]), np.array([key[1]]), first, last, vectors
            )[0]
            known[key] = bool(level > reference[doc_language[x], doc_language[y]])
        return known[key]

    return alike


def _reach(
    doc: np.ndarray, start: np.ndarray, end: np.ndarray, s: Sentences, gap: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Character spans of documents ``doc`` widened to take in the embedded sentences within
    ``gap + 1`` sentences of them on each side (what lies within ``gap`` sentences of them),
    counting every sentence of the document."""
    if len(doc) == 0:
        return doc, start, end
    first, last = _document_bounds(s.doc)
    width = int(max(s.end.max(initial=0), end.max(initial=0))) + 1
    # sentence offsets restart in each document: keyed by document, they are ordered
    ends = s.doc.astype(np.int64) * width + s.end
    starts = s.doc.astype(np.int64) * width + s.start
    lo = np.clip(np.searchsorted(ends, doc * width + start, side="right"), first[doc], last[doc])
    hi = np.clip(np.searchsorted(starts, doc * width + end, side="left") - 1, first[doc], last[doc])
    # counted in sentences of the document (short ones, never embedded, count too)
    places = int(s.pos.max(initial=0)) + gap + 3
    at = s.doc.astype(np.int64) * places + s.pos
    lo = np.maximum(
        np.searchsorted(at, doc * places + np.maximum(s.pos[lo] - gap - 1, 0)), first[doc]
    )
    hi = np.minimum(
        np.searchsorted(at, doc * places + s.pos[hi] + gap + 1, side="right") - 1, last[doc]
    )
    return doc, np.minimum(start, s.start[lo]), np.maximum(end, s.end[hi])


def find_passages(
    s: Sentences,
    series: np.ndarray,
    lexical: Mapping[str, np.ndarray],
    params: SemanticParams,
    counts: dict[str, int] | None = None,
    *,
    only_docs: np.ndarray | None = None,
    calibrated: bool = True,
) -> SemanticPassages:
    """Steps 2-5: neighbours, backgrounds and seeds, best windows, passages. With
    ``only_docs`` (a mask by document), only passages between one of those documents and
    another (query mode: a query and the corpus, never two queries). Without ``calibrated``,
    scores stay in similarity units (for tests on hand-made vectors, whose spread means
    nothing)."""
    counts = counts if counts is not None else {}
    # without word counts every sentence is taken to be long enough on its own
    words = s.words if s.words is not None else np.full(len(s.doc), params.passage_words, np.int32)
    if s.specifics is None:
        ptr, hashes = np.zeros(len(s.doc) + 1, np.int64), np.zeros(0, np.uint32)
    else:
        ptr, hashes = s.specifics.ptr, s.specifics.hashes
    lang = s.language_codes()
    n_languages = max(len(s.languages), int(lang.max(initial=-1)) + 1, 1)
    vectors = np.ascontiguousarray(s.vectors, np.float32)
    # the calibration (levels, usual pair background, spread) is taken on the corpus: in
    # query mode the queries are left out of it, so that they neither move it nor each other
    counted = None if only_docs is None else ~only_docs
    i, j, sim, levels = neighbours_by_language(
        vectors,
        lang,
        n_languages,
        s.doc,
        series,
        params.neighbours,
        params.background_rank,
        counted,
    )
    margin = sim - 0.5 * (levels[i, lang[j]] + levels[j, lang[i]])
    seed = margin >= params.seed
    in_corpus = (
        np.ones(len(i), np.bool_) if counted is None else counted[s.doc[i]] & counted[s.doc[j]]
    )
    first, last = _document_bounds(s.doc)
    calibration = seed & in_corpus
    ca, cb, csim = cross_document_pairs(i[calibration], j[calibration], sim[calibration], s.doc)
    # what is usual is how close documents are all through (the mean of every sentence's
    # best match), so that the closest other sentences of a pair of reports of one event
    # stand above it
    reference = usual_pair_levels(s.doc[ca], s.doc[cb], first, last, vectors, lang, n_languages)
    spread = margin_spreads(margin[in_corpus], lang[i[in_corpus]], lang[j[in_corpus]], n_languages)
    if only_docs is None:  # all pairs: the seeds are the calibration's
        a, b, sim = ca, cb, csim
    else:
        seed &= only_docs[s.doc[i]] != only_docs[s.doc[j]]  # one side of those, never two
        a, b, sim = cross_document_pairs(i[seed], j[seed], sim[seed], s.doc)
    counts["sentence_seeds"] = len(a)
    inside = inside_passages(a, b, s, lexical)
    counts["sentence_seeds_in_lexical"] = int(inside.sum())
    a, b = a[~inside], b[~inside]
    lo_a, hi_a, lo_b, hi_b, score, cos = best_windows(
        a,
        b,
        s.doc,
        s.pos,
        words,
        vectors,
        levels,
        lang,
        reference,
        ptr,
        hashes,
        first,
        last,
        params.max_sentences,
        params.passage_words,
        params.background_weight,
        params.pair_weight,
        params.pair_top,
        params.shared_weight,
        params.conflict_weight,
        params.extension,
    )
    # similarities across languages run lower and closer together than within one: each
    # score is read in units of its pair of languages' spread of margins over the corpus
    if calibrated:
        score = score / spread[lang[lo_a], lang[lo_b]]
    keep = np.flatnonzero(score >= min(params.threshold, params.corroborated))
    lo_a, hi_a, lo_b, hi_b, score, cos = (x[keep] for x in (lo_a, hi_a, lo_b, hi_b, score, cos))
    w = WindowPairs(s.doc[lo_a], lo_a, hi_a, s.doc[lo_b], lo_b, hi_b, score, cos)
    strong = w.score >= params.threshold
    counts["semantic_windows"] = int(strong.sum())
    taken = np.flatnonzero(strong)
    taken = taken[take_best(w.take(taken), w.score[taken])]
    # among a passage's partners, the closest is its source: compared on similarity, since the
    # backgrounds differ from one document pair to the next
    doc_language = np.zeros(len(first), np.int64)
    doc_language[s.doc] = lang
    alike = _alike_documents(first, last, vectors, doc_language, reference)
    beaten = outranked(w.take(taken), w.similarity[taken], params.rival_margin, doc_language, alike)
    counts["semantic_windows_outranked"] = int(beaten.sum())
    taken = taken[~beaten]
    backed = corroborated(w, taken, np.flatnonzero(~strong))
    counts["semantic_windows_corroborated"] = len(backed)
    both = np.concatenate([taken, backed])
    # corroborated windows rank below every window that passed on its own
    rank = np.where(strong[both], w.score[both], w.score[both] - 10.0)
    w = w.take(both[take_best(w.take(both), rank)])
    matches = [
        sentence_matches(vectors, s.start, s.end, *(int(x) for x in bounds))
        for bounds in zip(w.lo_a, w.hi_a, w.lo_b, w.hi_b, strict=True)
    ]
    out = SemanticPassages(
        w.doc_a,
        s.start[w.lo_a],
        s.end[w.hi_a],
        w.doc_b,
        s.start[w.lo_b],
        s.end[w.hi_b],
        w.similarity,
        w.score,
        # within one language a paraphrase, across two a translation
        np.array([PARAPHRASE, TRANSLATION], object)[(lang[w.lo_a] != lang[w.lo_b]).astype(np.intp)],
        matches,
    )
    # a window may reach into a lexical passage of the same pair; that text is reported there
    clash = overlapping_lexical(
        out.doc_a, out.start_a, out.end_a, out.doc_b, out.start_b, out.end_b, lexical
    )
    counts["paraphrase_windows_in_lexical"] = int(clash.sum())
    w, out = w.take(np.flatnonzero(~clash)), out.take(~clash)
    # windows close together on both sides are fragments of one reuse: one passage
    out = joined_fragments(w, out, s, params.fragment_gap)
    # and one close to a lexical passage of its pair is a fragment of the reuse reported there
    near = np.zeros(len(out.doc_a), np.bool_)
    if params.fragment_gap >= 0:
        near = overlapping_lexical(
            *_reach(out.doc_a, out.start_a, out.end_a, s, params.fragment_gap),
            *_reach(out.doc_b, out.start_b, out.end_b, s, params.fragment_gap),
            lexical,
        )
    counts["semantic_fragments_of_lexical"] = int(near.sum())
    out = out.take(~near)
    counts["translations"] = int((out.kind == TRANSLATION).sum())
    return out
