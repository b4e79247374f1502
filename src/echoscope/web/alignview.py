"""Side-by-side alignment.

A lexical passage: both passages cut into words and the gaps between them, each word tagged
with how it aligned (identical, substituted, only in A, only in B) and a column number shared
by the two words the alignment paired.

A semantic passage (paraphrase, translation): both passages cut at their sentence matches, each
matched stretch carrying the numbers of the matches it belongs to, so that sentence *n* of A
and sentence *n* of B can be marked alike; text no sentence matched stays plain.

Also the direction and language of a stretch of corpus text (Urdu right to left)."""

from __future__ import annotations

import itertools
import unicodedata
from typing import Any

from echoscope.detect.ops import parse_matches, parse_ops, token_marks
from echoscope.model import PIECE_KINDS  # their ops hold matching pieces, not word edits
from echoscope.text.language import language_of
from echoscope.text.tokenize import tokenize
from echoscope.web.render import language

CLASSES = {"=": "eq", "X": "sub", "D": "del", "I": "ins"}


def _columns(ops: str) -> tuple[list[int], list[int]]:
    """Column of each token of A and of B: paired tokens share a column."""
    col_a: list[int] = []
    col_b: list[int] = []
    k = 0
    for count, op in parse_ops(ops):
        for _ in range(count):
            if op in "=X":
                col_a.append(k)
                col_b.append(k)
            elif op == "D":
                col_a.append(k)
            else:
                col_b.append(k)
            k += 1
    return col_a, col_b


def _segments(text: str, marks: list[str], cols: list[int]) -> list[dict[str, Any]]:
    _, starts, ends = tokenize(text)
    out: list[dict[str, Any]] = []
    pos = 0
    for i, (s, e) in enumerate(zip(starts.tolist(), ends.tolist(), strict=True)):
        if s > pos:
            out.append({"text": text[pos:s]})
        if i < len(marks):
            out.append({"text": text[s:e], "cls": CLASSES[marks[i]], "k": cols[i]})
        else:  # ops shorter than the text's tokens (should not happen): show it plainly
            out.append({"text": text[s:e]})
        pos = e
    if pos < len(text):
        out.append({"text": text[pos:]})
    return out


def side_by_side(
    text_a: str, text_b: str, ops: str, kind: str | None = None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Segments of passage A and passage B.

    Lexical: ``{"text"}`` for the gaps between words and ``{"text", "cls", "k"}`` for words
    (``cls`` one of eq/sub/del/ins, ``k`` the column). Matched by pieces (``kind`` reordered,
    paraphrase or translation, or, with no ``kind``, ``ops`` shaped like piece matches): see
    :func:`sentence_segments`."""
    if kind in PIECE_KINDS or (kind is None and ":" in ops):
        return sentence_segments(text_a, text_b, ops)
    marks = token_marks(ops)
    cols_a, cols_b = _columns(ops)
    return _segments(text_a, marks[0], cols_a), _segments(text_b, marks[1], cols_b)


# -- sentence matches of a semantic passage -------------------------------------------------------
def _joins_previous(text: str, i: int) -> bool:
    """Whether a cut before ``text[i]`` would split what a reader sees as one character: a
    combining mark (Arabic harakat too) or a joiner from its letter, a low surrogate from its
    high one, a line feed from its carriage return."""
    ch = text[i]
    return (
        unicodedata.category(ch) in ("Mn", "Mc", "Me")
        or ch == "\u200d"
        or ("\udc00" <= ch <= "\udfff" and "\ud800" <= text[i - 1] <= "\udbff")
        or (ch == "\n" and text[i - 1] == "\r")
    )


def _cut(text: str, i: int) -> int:
    """``i`` inside ``text``, moved forward past anything a cut there would split."""
    i = min(max(i, 0), len(text))
    while 0 < i < len(text) and _joins_previous(text, i):
        i += 1
    return i


def _matched_pieces(text: str, spans: list[tuple[int, int, int]]) -> list[dict[str, Any]]:
    """``text`` cut at every span boundary; a piece inside spans carries their numbers
    (``matches``) and, where spans begin, the numbers to show there (``labels``)."""
    cuts = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[dict[str, Any]] = []
    for lo, hi in itertools.pairwise(cuts):
        if hi <= lo:
            continue
        piece: dict[str, Any] = {"text": text[lo:hi]}
        covering = sorted(n for s, e, n in spans if s <= lo and e >= hi)
        if covering:
            piece["matches"] = covering
            labels = sorted(n for s, _, n in spans if s == lo)
            if labels:
                piece["labels"] = labels
        out.append(piece)
    return out


def sentence_segments(
    text_a: str, text_b: str, ops: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Segments of passage A and passage B cut at their sentence matches (``ops`` as written
    by :mod:`echoscope.detect.ops`): ``{"text"}`` for unmatched text and
    ``{"text", "matches": [n, ...], "labels": [n, ...]}`` for matched text, where match *n*
    (numbered from 1 in the order of A) covers the same numbers on both sides and ``labels``
    appears on the piece where a match starts. Offsets past a passage are clipped, and no cut
    splits a letter from its marks; without matches (an older store) each side is one plain
    segment."""
    spans_a: list[tuple[int, int, int]] = []
    spans_b: list[tuple[int, int, int]] = []
    for sa, ea, sb, eb in sorted(parse_matches(ops)):
        a = (_cut(text_a, sa), _cut(text_a, ea))
        b = (_cut(text_b, sb), _cut(text_b, eb))
        if a[0] < a[1] and b[0] < b[1]:
            n = len(spans_a) + 1
            spans_a.append((*a, n))
            spans_b.append((*b, n))
    return _matched_pieces(text_a, spans_a), _matched_pieces(text_b, spans_b)


def numbered_matches(
    segments_a: list[dict[str, Any]], segments_b: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    """The sentence matches of two sides' segments as ``[{"n", "a", "b"}]``, each side's
    matched text in full, in the order of the numbers; ``[]`` for a lexical passage."""

    def texts(segments: list[dict[str, Any]]) -> dict[int, str]:
        out: dict[int, str] = {}
        for seg in segments:
            for n in seg.get("matches", ()):
                out[n] = out.get(n, "") + seg["text"]
        return out

    a, b = texts(segments_a), texts(segments_b)
    return [{"n": n, "a": a[n], "b": b.get(n, "")} for n in sorted(a)]


def segments_text(segments: list[dict[str, Any]]) -> str:
    """The passage text that segments were cut from."""
    return "".join(seg["text"] for seg in segments)


# -- direction of corpus text ---------------------------------------------------------------------
# Languages written right to left (``language_of`` keys: tags, or a script's name).
RTL_LANGUAGES = frozenset(
    ("ar", "ckb", "dv", "fa", "he", "hebrew", "ks", "ps", "sd", "ug", "ur", "yi")
)


def text_direction(lang: object, text: str) -> dict[str, str]:
    """``{"dir", "lang"}`` for the element that shows ``text`` of a record whose ``lang``
    field is ``lang``: its language is the one detection gives it (the field, else the script
    of the text, Arabic script being Urdu; :func:`echoscope.text.language.language_of`).
    Right-to-left languages, Urdu first, are ``rtl``, anything else ``auto``; ``lang`` is the
    record's tag when it is a valid one, else ``ur`` for text found to be Urdu, else ""."""
    tag = language(lang)
    key = language_of(tag or None, text)
    return {
        "dir": "rtl" if key in RTL_LANGUAGES else "auto",
        "lang": tag or ("ur" if key == "ur" else ""),
    }
