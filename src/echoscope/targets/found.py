"""What the language rules find in a sentence, before names are resolved to entities."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Mention:
    """A name, description or pronoun in a sentence: offsets into the document, the words as
    written, and ``name``, the words that name the entity (titles before a name dropped)."""

    start: int
    end: int
    text: str
    name: str
    known: str = ""  # the canonical name, when the entity list knows this mention
    pronoun: str = ""  # the pronoun, folded, when the mention is one
    first: int = 0  # index of its first word in the sentence
    last: int = 0  # index of its last word
    also: list[Mention] = field(default_factory=list)  # "X and Y accused": the others


@dataclass(slots=True)
class Found:
    """One accusation a rule read: the cue, the targets, the accuser's mention (None when not
    named), whether the speaker speaks for themselves ("we condemn") and the charge's span."""

    cue_start: int
    cue_end: int
    targets: list[Mention]
    accuser: Mention | None = None
    first_person: bool = False
    charge: tuple[int, int] | None = None
    extra: dict[str, str] = field(default_factory=dict)
