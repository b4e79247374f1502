"""The one data model shared by readers, engines, the store, the CLI and the API.

A :class:`Document` is what a reader yields; a :class:`PassagePair` is what detection yields,
the one record of a passage from the engines to the store, the talking points and the API.
Offsets are always Python ``str`` indices into the original ``Document.text`` (end exclusive).
"""

from __future__ import annotations

import enum
import operator
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

# Larger than any sensible count (documents, tokens, rows, options) and small enough that no
# count, nor four times one, overflows a 64-bit integer in SQLite, numpy or a compiled kernel.
MAX_COUNT = 1_000_000_000

#: Prefix of the series key of a document without a series: its own, apart from every name.
OWN_SERIES = "\x00"


def series_key(doc_id: str, series: str | None) -> str:
    """Documents are compared only across series; a document without one (or with an empty
    one) is its own."""
    return series if series else OWN_SERIES + doc_id


#: Metadata fields that get their own column in the store; any other field is kept in ``meta``.
KNOWN_FIELDS = ("series", "date", "speaker", "outlet", "title", "url", "lang")
#: the fields that name an actor: who speaks, and who publishes
ACTOR_FIELDS = ("speaker", "outlet")


@dataclass(slots=True)
class Document:
    """One speech, statement, letter, resolution or news item."""

    id: str
    text: str
    series: str | None = None
    date: str | None = None
    speaker: str | None = None
    outlet: str | None = None
    title: str | None = None
    url: str | None = None
    lang: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    #: where the record came from, "file:line" (for error messages; not part of identity)
    origin: str = ""

    @property
    def series_key(self) -> str:
        return series_key(self.id, self.series)


@dataclass(slots=True)
class Rejected:
    """A record a reader could not turn into a Document (kept, reported, never dropped silently)."""

    path: str
    line: int
    reason: str
    raw: str = ""
    #: the record's last physical line when it spans several (a CSV quote left open), else None
    end_line: int | None = None

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


class PassageKind(enum.StrEnum):
    """How a passage matched. Each member is its value, the text the store, every export and
    ``eval --kind`` use, so a kind binds, prints and serializes as that text."""

    VERBATIM = "verbatim"  # every token identical (the lexical engine)
    EDITED = "edited"  # aligned with edits (the lexical engine)
    REORDERED = "reordered"  # assembled from pieces in another order on each side (lexical)
    PARAPHRASE = "paraphrase"  # from sentence embeddings, in one language
    TRANSLATION = "translation"  # from sentence embeddings, across two languages


_KIND_OF_TEXT = {k.value: k for k in PassageKind}
VERBATIM, EDITED, REORDERED = PassageKind.VERBATIM, PassageKind.EDITED, PassageKind.REORDERED
PARAPHRASE, TRANSLATION = PassageKind.PARAPHRASE, PassageKind.TRANSLATION
#: kinds of passage the lexical engine finds, and those the semantic matcher finds
LEXICAL_KINDS = (VERBATIM, EDITED, REORDERED)
SEMANTIC_KINDS = (PARAPHRASE, TRANSLATION)  # in one language; across two
PASSAGE_KINDS = LEXICAL_KINDS + SEMANTIC_KINDS
#: kinds whose ``ops`` list matching pieces (:mod:`echoscope.detect.ops`), not
#: token edits: a reordered passage has no one alignment, a semantic one no word alignment
PIECE_KINDS = (REORDERED, *SEMANTIC_KINDS)


def passage_kinds(
    identity: Sequence[float],
    tokens_a: Sequence[int],
    tokens_b: Sequence[int],
    reordered: Sequence[bool],
) -> list[PassageKind]:
    """The kind of each lexical passage: ``reordered`` when it is assembled from pieces in
    another order on each side, ``verbatim`` when every token is identical, else ``edited``."""
    return [
        REORDERED if r else VERBATIM if i >= 1.0 and a == b else EDITED
        for i, a, b, r in zip(identity, tokens_a, tokens_b, reordered, strict=True)
    ]


@dataclass(slots=True)
class PassagePair:
    """A passage that two documents share, with exact character offsets on both sides.

    ``ops`` is the token alignment as a run-length string: ``=`` identical tokens, ``X``
    substituted, ``I`` tokens only in B (inserted), ``D`` tokens only in A (deleted);
    e.g. ``"12=1X30=2D5="``. ``kind`` is how the passage matched (:class:`PassageKind`):
    ``verbatim`` (identity 1.0), ``edited`` or ``reordered`` (found by the lexical engine),
    ``paraphrase`` (found from sentence embeddings, in one language) or ``translation`` (the
    same, across two languages). A reordered or semantic passage has no one token alignment:
    its ``ops`` holds its matching pieces (:mod:`echoscope.detect.ops`); a semantic passage's
    ``identity`` is the share of the shorter side's distinct words found on the other.
    ``similarity`` is the token identity for lexical passages and the cosine of the two sides'
    mean sentence vectors for semantic ones.
    """

    doc_a: str
    start_a: int
    end_a: int
    doc_b: str
    start_b: int
    end_b: int
    tokens_a: int
    tokens_b: int
    score: float
    identity: float
    kind: PassageKind
    ops: str
    similarity: float | None = None

    def __post_init__(self) -> None:
        # a kind given as text (a store row, Spark, a caller) becomes its member; a kind this
        # version does not know (a store edited by hand) stays the text it is
        self.kind = _KIND_OF_TEXT.get(self.kind, self.kind)

    @property
    def spans(self) -> tuple[str, int, int, str, int, int]:
        """Both sides as ``(doc_a, start_a, end_a, doc_b, start_b, end_b)``."""
        return (self.doc_a, self.start_a, self.end_a, self.doc_b, self.start_b, self.end_b)

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc_a": self.doc_a,
            "start_a": self.start_a,
            "end_a": self.end_a,
            "doc_b": self.doc_b,
            "start_b": self.start_b,
            "end_b": self.end_b,
            "tokens_a": self.tokens_a,
            "tokens_b": self.tokens_b,
            "score": self.score,
            "identity": self.identity,
            "kind": str(self.kind),  # the plain text, for any serialiser
            "ops": self.ops,
            "similarity": self.similarity,
        }


#: the order passages are stored, listed and clustered in: by document pair, then by place
PASSAGE_ORDER = ("doc_a", "doc_b", "start_a", "start_b")
#: :data:`PASSAGE_ORDER` as a sort key over :class:`PassagePair`
passage_order = operator.attrgetter(*PASSAGE_ORDER)


@dataclass(slots=True)
class Accusation:
    """One sentence in which ``accuser`` attacks, accuses, condemns or demands action against
    ``target``: the evidence a user can read. Offsets are into the document's text (end
    exclusive); ``start``/``end`` is the sentence, ``cue_*`` the words that make it an
    accusation ("accused", "condemned", "الزام"), ``target_*`` the target's mention.
    ``accuser_start``/``accuser_end`` are None when the accuser is not named in the sentence
    but is the document's own speaker ("We condemn..."), or named in an earlier sentence
    ("He said..."): ``accuser_from`` says which ("text", "speaker" or "earlier")."""

    doc: str
    start: int
    end: int
    accuser: str
    target: str
    charge: str
    cue_start: int
    cue_end: int
    target_start: int
    target_end: int
    accuser_start: int | None = None
    accuser_end: int | None = None
    charge_start: int | None = None
    charge_end: int | None = None
    accuser_from: str = "text"

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in ACCUSATION_FIELDS}


#: the fields of an accusation, in the order every export writes them
ACCUSATION_FIELDS = (
    "doc",
    "start",
    "end",
    "accuser",
    "target",
    "charge",
    "cue_start",
    "cue_end",
    "target_start",
    "target_end",
    "accuser_start",
    "accuser_end",
    "charge_start",
    "charge_end",
    "accuser_from",
)


@dataclass(slots=True)
class Response:
    """Document ``doc`` answers document ``answers``: it came after it, within the response
    window, and accuses its author (or the author's party), who had accused ``doc``'s side."""

    doc: str
    answers: str
    accuser: str  # the answering document's accuser
    target: str  # the answered document's accuser, now accused in turn
    lag_hours: float | None
