"""Sentence spans, Unicode-aware: the units the semantic matcher embeds and aligns.

A sentence ends at a terminator (. ! ? … and the Urdu/Arabic full stop ۔ and question mark ؟,
the Devanagari danda, CJK full stops) followed by optional closing quotes or brackets and then
white space, or at a line break. Common English abbreviations ("Mr.", "Dr.", "e.g.") and
single capital initials ("J. Smith") do not end a sentence. Spans are ``str`` indices into the
original text, trimmed of surrounding white space, so they can be shown and stored like the
lexical engine's offsets. The scan is one compiled regular expression per text.
"""

from __future__ import annotations

import re

import numpy as np

_TERMINATORS = ".!?\u2026\u06d4\u061f\u0964\u0965\u3002\uff01\uff1f"
_CLOSERS = "\"'\u2019\u201d\u00bb)\\]\u300d\u300f"
# the end of a sentence: terminators, closing quotes/brackets, then space; or a line break
_BOUNDARY = re.compile(
    rf"[{re.escape(_TERMINATORS)}]+[{re.escape(_CLOSERS)}]*(?=\s|$)|\n\s*",
)
_ABBREVIATION_WORDS = (
    "mr mrs ms dr prof st sr jr mt no nos vs etc e.g i.e gen col lt sgt capt gov rev hon "
    "approx dept est fig jan feb mar apr jun jul aug sep sept oct nov dec "
    # South Asian titles written with a full stop: "Mohd. Saleem", "Smt. Kumkum Devi"
    "mohd smt shri adv engr retd brig maj"
)
_ABBREVIATIONS = frozenset(_ABBREVIATION_WORDS.split())
_LAST_WORD = re.compile(r"([^\W\d_]+(?:\.[^\W\d_]+)*)\.$")


def _is_abbreviation(text: str, end: int) -> bool:
    """Whether the full stop ending at ``end`` belongs to an abbreviation or an initial."""
    m = _LAST_WORD.search(text, max(0, end - 12), end)
    if m is None:
        return False
    word = m.group(1)
    if word.lower() in _ABBREVIATIONS:
        return True
    parts = word.split(".")  # "J." or "U.S.": initials
    return all(len(p) == 1 for p in parts) and word[0].isupper()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text``, end exclusive, white space trimmed."""
    spans = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        full_stop = m.group().endswith(".") and not m.group().startswith("\n")
        if full_stop and _is_abbreviation(text, end):
            continue
        _append_trimmed(text, start, end, spans)
        start = end
    _append_trimmed(text, start, len(text), spans)
    return spans


def _append_trimmed(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        lead = len(piece) - len(piece.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


def word_counts(text: str, spans: list[tuple[int, int]]) -> np.ndarray:
    """Words (runs of letters or digits) in each span."""
    return np.fromiter(
        (len(re.findall(r"\w+", text[s:e])) for s, e in spans), dtype=np.int32, count=len(spans)
    )
