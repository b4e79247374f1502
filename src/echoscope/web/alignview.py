"""Side-by-side alignment: both passages cut into words and the gaps between them, each word
tagged with how it aligned (identical, substituted, only in A, only in B) and a column number
shared by the two words the alignment paired."""

from __future__ import annotations

from typing import Any

from echoscope.detect.align import parse_ops
from echoscope.show.terminal import token_marks
from echoscope.text.tokenize import tokenize

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
    text_a: str, text_b: str, ops: str
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Segments of passage A and passage B: ``{"text"}`` for the gaps between words and
    ``{"text", "cls", "k"}`` for words (``cls`` one of eq/sub/del/ins, ``k`` the column)."""
    marks = token_marks(ops)
    cols_a, cols_b = _columns(ops)
    return _segments(text_a, marks[0], cols_a), _segments(text_b, marks[1], cols_b)
