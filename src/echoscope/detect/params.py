"""Detection parameters: one place for every default, recorded with each run in the store."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, fields
from typing import Any

from echoscope.model import MAX_COUNT

# The window search is quadratic in it; far past any passage a person would read as one.
MAX_WINDOW_SENTENCES = 100


@dataclass(frozen=True, slots=True)
class DetectParams:
    """Knobs of the seed-and-extend engine. Defaults come from ``benchmarks/`` (see BENCHMARKS.md).

    ngram: words per seed. Shorter finds more heavily edited reuse but costs more candidates.
    max_df: a seed found in more documents than this is boilerplate and is dropped
        (stock phrases, legal formulas); it also bounds the pairs one seed can emit.
    max_gap: largest run of tokens without a shared seed inside one passage.
    band: largest shift of the alignment diagonal between consecutive seeds of one chain
        (insertions minus deletions between them).
    min_seeds: a chain needs this many shared seeds before it is aligned.
    min_tokens: shortest passage reported, counted in identical aligned tokens.
    min_identity: lowest share of aligned identical tokens in a reported passage.
    xdrop: extension past the outermost seeds stops once the score falls this far below its best.
    max_extend: most tokens an extension may add at either end of a chain.
    merge_gap: passages of one document pair closer than this on both sides are one passage.
    split_drop: a passage is cut where its alignment score falls this far below its best
        (an unrelated stretch between two reused passages).
    max_indel: a stretch of up to this many tokens on one side only (a dropped or added
        sentence) counts as one edit: it neither splits a passage nor keeps pieces apart.
    fragment_gap: passages of one document pair within this many tokens of each other on both
        sides, in any order, are fragments of one reuse and become one passage (reordered
        when their order differs; see :mod:`echoscope.detect.fragments`); -1 keeps them apart.
    fragment_in_order_gap: ... but two in the same order on both sides, with text between them
        on both, join only when the shorter of the two stretches between is at most this
        many tokens (two statements said one after the other stay two), or when
    fragment_reworded: ... at least this share of the tokens between them on each side are
        between them on the other too (the same sentences reworded).
    fragment_density: ... and only while their identical tokens cover at least this share of
        the longer side of the span they make together (for a joined passage this takes the
        place of min_identity, which each of its pieces met),
    fragment_stretch: ... and that span's longer side is at most this many times its shorter
        (the two sides of one reuse are of a length: an article quoting a few lines of a long
        speech is many passages, not one over the whole speech).
    """

    ngram: int = 4
    max_df: int = 100
    max_gap: int = 24
    band: int = 8
    min_seeds: int = 2
    min_tokens: int = 12
    min_identity: float = 0.5
    xdrop: int = 6
    max_extend: int = 64
    merge_gap: int = 12
    split_drop: int = 10
    max_indel: int = 40
    fragment_gap: int = 160
    fragment_in_order_gap: int = 24
    fragment_reworded: float = 0.4
    fragment_density: float = 0.1
    fragment_stretch: float = 3.0

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> DetectParams:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})

    def validate(self) -> None:
        if self.ngram < 1:
            raise ValueError("ngram must be at least 1")
        if self.max_df < 2:
            raise ValueError("max_df must be at least 2 (a seed shared by two documents)")
        if not 0.0 <= self.min_identity <= 1.0:
            raise ValueError("min_identity must be between 0 and 1")
        for name in (
            "fragment_in_order_gap",
            "max_gap",
            "band",
            "min_seeds",
            "min_tokens",
            "xdrop",
            "max_extend",
            "split_drop",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.fragment_gap < -1:
            raise ValueError("fragment_gap must be -1 (fragments kept apart) or more")
        for name in ("fragment_density", "fragment_reworded"):
            if not 0.0 <= getattr(self, name) <= 1.0:
                raise ValueError(f"{name} must be between 0 and 1")
        if self.fragment_stretch < 1.0:
            raise ValueError("fragment_stretch must be at least 1")
        _check_bounded(self)


def _check_bounded(params: DetectParams | SemanticParams) -> None:
    """Every number finite and no count beyond MAX_COUNT (beyond it, four times a cap
    overflows 64 bits and results go silently wrong)."""
    for f in fields(params):
        value = getattr(params, f.name)
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if not math.isfinite(value):
            raise ValueError(f"{f.name} must be a finite number")
        if abs(value) > MAX_COUNT:
            raise ValueError(f"{f.name} must be at most {MAX_COUNT}")


@dataclass(frozen=True, slots=True)
class SemanticParams:
    """Knobs of the sentence-embedding (paraphrase and translation) matcher. Defaults were
    chosen on the tune half of the semantic development set (benchmarks/semantic_dev: real-
    language news with independent reports of each event); BENCHMARKS.md reports the other
    half ("Semantic matching").

    threshold: lowest window score (see :mod:`echoscope.detect.semantic.scoring`) of a
        passage, in units of the corpus's spread of sentence margins for the two languages.
    seed: how far two sentences' similarity must beat the mean of their background levels
        (each in the other's language) to start a window search.
    min_words: sentences shorter than this are not embedded ("Thank you very much").
    neighbours: nearest sentences retrieved per sentence from the vector index.
    background_rank: a sentence's background level is its mean similarity to this many of its
        most similar documents (in each language).
    background_weight: how much of each sentence's background level is taken off its
        similarity to the other side.
    pair_weight: how much of the pair background (how close the rest of the two documents
        are, above what is usual in the corpus) is taken off a window's score.
    pair_top: the pair background averages this many of the two documents' closest other
        sentences (0: all of them).
    max_sentences: sentences on either side of a scored window, at most (windows close
        together join into one passage: see fragment_gap).
    passage_words: words on either side of a scored window, at least.
    shared_weight: added per number or proper name both sides give (up to four).
    conflict_weight: taken off per number or proper name one side gives and the other
        replaces with another (counted on the side that gives fewer).
    extension: a passage is the longest window pair scoring within this of the best one.
    corroborated: lowest window score of a passage whose two sides both repeat what one same
        third document says in a passage of its own (99: off, as it cost precision on the
        development set).
    rival_margin: a passage is dropped when one of its sides is this much closer to the same
        passage in another report of the same event (that report is its source).
    fragment_gap: passages of one document pair with at most this many sentences between them
        on both sides, in any order, are fragments of one reuse and become one passage; one
        that close to a lexical passage of its pair is a fragment of that one and is dropped
        (-1: neither).
    """

    threshold: float = 1.15
    seed: float = 0.0
    min_words: int = 5
    neighbours: int = 64
    background_rank: int = 6
    background_weight: float = 1.0
    pair_weight: float = 1.0
    pair_top: int = 5
    max_sentences: int = 3
    passage_words: int = 20
    shared_weight: float = 0.0
    conflict_weight: float = 0.005
    extension: float = 0.0
    corroborated: float = 99.0
    rival_margin: float = 0.0
    fragment_gap: int = 1

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SemanticParams:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in d.items() if k in names})

    def validate(self) -> None:
        _check_bounded(self)
        if not -1.0 <= self.seed <= 1.0:
            raise ValueError("seed similarity must be between -1 and 1")
        if self.max_sentences > MAX_WINDOW_SENTENCES:
            raise ValueError(f"max_sentences must be at most {MAX_WINDOW_SENTENCES}")
        for name in ("neighbours", "background_rank", "max_sentences"):
            if getattr(self, name) < 1:
                raise ValueError(f"{name} must be at least 1")
        for name in (
            "min_words",
            "passage_words",
            "background_weight",
            "pair_weight",
            "pair_top",
            "shared_weight",
            "conflict_weight",
            "extension",
            "rival_margin",
        ):
            if getattr(self, name) < 0:
                raise ValueError(f"{name} must not be negative")
        if self.fragment_gap < -1:
            raise ValueError("fragment_gap must be -1 (fragments kept apart) or more")
