"""Detection parameters: one place for every default, recorded with each run in the store."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field, fields
from numbers import Integral, Real
from typing import Any

from echoscope.model import MAX_COUNT

# The window search is quadratic in it; far past any passage a person would read as one.
MAX_WINDOW_SENTENCES = 100


def bounded(
    default: float,
    *,
    low: float | None = None,
    high: float | None = None,
    above: float | None = None,
) -> Any:
    """A parameter field with its range declared beside its default: ``check_fields`` holds
    every field to it (and every number to finite and at most MAX_COUNT). ``above``: a bound
    the value must exceed (a window of 0 hours is no window)."""
    return field(default=default, metadata={"low": low, "high": high, "above": above})


def one_of(default: str, choices: tuple[str, ...]) -> Any:
    """A parameter field that takes one of ``choices`` (``check_fields`` holds it to them)."""
    return field(default=default, metadata={"choices": choices})


def check_fields(params: Any) -> None:
    """Raise ValueError naming the first field outside its declared range, not of its
    declared type, not finite, or beyond MAX_COUNT (beyond it, four times a cap overflows 64
    bits and results go silently wrong)."""
    for f in fields(params):
        value = getattr(params, f.name)
        if "choices" in f.metadata:
            if not isinstance(value, str) or value not in f.metadata["choices"]:
                choices = ", ".join(f.metadata["choices"])
                raise ValueError(f"{f.name} must be one of {choices}, not {value!r}")
            continue
        whole = f.type in ("int", int)
        # numbers.Integral/Real: numpy's scalars count too (a value read from an array)
        if isinstance(value, bool) or not isinstance(value, Integral if whole else Real):
            kind = "a whole number" if whole else "a number"
            raise ValueError(f"{f.name} must be {kind}, not {value!r}")
        if not math.isfinite(value):
            raise ValueError(f"{f.name} must be a finite number")
        if abs(value) > MAX_COUNT:
            raise ValueError(f"{f.name} must be at most {MAX_COUNT}")
        low, high = f.metadata.get("low"), f.metadata.get("high")
        if low is not None and high is not None and not low <= value <= high:
            raise ValueError(f"{f.name} must be between {low:g} and {high:g}")
        if low is not None and value < low:
            at_least = "not be negative" if low == 0 else f"be at least {low:g}"
            raise ValueError(f"{f.name} must {at_least}")
        if high is not None and value > high:
            raise ValueError(f"{f.name} must be at most {high:g}")
        above = f.metadata.get("above")
        if above is not None and not value > above:
            more = "be a positive number" if above == 0 else f"be more than {above:g}"
            raise ValueError(f"{f.name} must {more}, not {value:g}")


class ParamsRecord:
    """What every parameter record does: recorded with a run as a dict (a later run's plan
    compares the dicts), and checked against its fields' declared ranges."""

    __slots__ = ()

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)

    def validate(self) -> None:
        check_fields(self)


#: a seed kept as evidence occurs at most this many times per document it may be found in
#: (``max_df``): more is a phrase one document repeats, not reuse (the local and Spark rule)
OCCURRENCES_PER_DOCUMENT = 4


@dataclass(frozen=True, slots=True)
class DetectParams(ParamsRecord):
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

    ngram: int = bounded(4, low=1)
    max_df: int = bounded(100, low=2)
    max_gap: int = bounded(24, low=0)
    band: int = bounded(8, low=0)
    min_seeds: int = bounded(2, low=0)
    min_tokens: int = bounded(12, low=0)
    min_identity: float = bounded(0.5, low=0.0, high=1.0)
    xdrop: int = bounded(6, low=0)
    max_extend: int = bounded(64, low=0)
    merge_gap: int = bounded(12, low=0)
    split_drop: int = bounded(10, low=0)
    max_indel: int = bounded(40, low=0)
    fragment_gap: int = bounded(160, low=-1)
    fragment_in_order_gap: int = bounded(24, low=0)
    fragment_reworded: float = bounded(0.4, low=0.0, high=1.0)
    fragment_density: float = bounded(0.1, low=0.0, high=1.0)
    fragment_stretch: float = bounded(3.0, low=1.0)


@dataclass(frozen=True, slots=True)
class SemanticParams(ParamsRecord):
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

    threshold: float = bounded(1.15)
    seed: float = bounded(0.0, low=-1.0, high=1.0)
    min_words: int = bounded(5, low=0)
    neighbours: int = bounded(64, low=1)
    background_rank: int = bounded(6, low=1)
    background_weight: float = bounded(1.0, low=0.0)
    pair_weight: float = bounded(1.0, low=0.0)
    pair_top: int = bounded(5, low=0)
    max_sentences: int = bounded(3, low=1, high=MAX_WINDOW_SENTENCES)
    passage_words: int = bounded(20, low=0)
    shared_weight: float = bounded(0.0, low=0.0)
    conflict_weight: float = bounded(0.005, low=0.0)
    extension: float = bounded(0.0, low=0.0)
    corroborated: float = bounded(99.0)
    rival_margin: float = bounded(0.0, low=0.0)
    fragment_gap: int = bounded(1, low=-1)
