"""Terminal view of passage pairs: both sides, with the alignment's edits marked."""

from __future__ import annotations

import shutil
import sys
import textwrap
import unicodedata
from collections.abc import Sequence
from typing import TextIO

from echoscope.detect.ops import token_marks
from echoscope.model import PIECE_KINDS, PassagePair
from echoscope.store import reader
from echoscope.store.sqlite import Store
from echoscope.text.tokenize import tokenize

_STYLE = {"X": "\x1b[33m", "D": "\x1b[31m", "I": "\x1b[32m"}  # substituted, only-A, only-B
_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"


def marked_text(text: str, marks: Sequence[str], color: bool, max_chars: int = 0) -> str:
    """The passage with each edited token styled (colour) or [bracketed] (no colour).

    Longer than ``max_chars`` (when > 0): the middle is elided between whole tokens.
    """
    _, starts, ends = tokenize(text)
    half = max_chars // 2 if 0 < max_chars < len(text) else len(text)
    out, pos, state = [], 0, "before"  # before / inside / after the elided middle
    for (s, e), m in zip(zip(starts.tolist(), ends.tolist(), strict=True), marks, strict=False):
        if half < s < len(text) - half:
            if state == "before":
                out.append(terminal_text(text[pos:s]).rstrip() + " … ")
                state = "inside"
            pos = e
            continue
        if state == "inside":  # the ellipsis already separates this token from the last shown
            state = "after"
        else:
            out.append(terminal_text(text[pos:s]))
        word = terminal_text(text[s:e])
        if m == "=":
            out.append(word)
        elif color:
            out.append(f"{_STYLE[m]}{word}{_RESET}")
        else:
            out.append(f"[{word}]")
        pos = e
    out.append(terminal_text(text[pos:]))
    return "".join(out)


# Joiners shape Urdu, Persian and emoji correctly and no terminal acts on them.
_KEPT_FORMAT = frozenset("\u200c\u200d")


def terminal_text(text: object) -> str:
    """Corpus text as the terminal may show it: nothing in it can drive the terminal.

    C0/C1 controls (escape sequences, CSI, OSC titles and links, backspace, carriage return),
    line separators and lone surrogates become spaces; invisible format characters (bidi
    overrides and isolates, zero-width spaces, tag characters) are dropped, except the joiners
    that shape Urdu, Persian and emoji. Every corpus-derived string printed goes through this.
    """
    text = str(text)
    if text.isprintable():
        return text
    return "".join(
        ch
        if ch.isprintable() or ch in _KEPT_FORMAT
        else ("" if unicodedata.category(ch) == "Cf" else " ")
        for ch in text
    )


def _label(fields: dict, doc: str) -> str:
    bits = [doc]
    for k in ("speaker", "outlet", "date"):
        if fields.get(k):
            bits.append(str(fields[k]))
    return terminal_text(" · ".join(bits))


def print_pair(
    p: PassagePair,
    texts: dict[str, str],
    fields: dict[str, dict],
    *,
    rank: int,
    max_chars: int,
    color: bool,
    out: TextIO | None = None,
) -> None:
    out = out or sys.stdout  # looked up per call: sys.stdout may have been replaced since import
    width = min(shutil.get_terminal_size((100, 20)).columns, 120)
    bold, reset = (_BOLD, _RESET) if color else ("", "")
    if p.kind in PIECE_KINDS:  # no one word alignment: ops holds matching pieces, shown plain
        marks_a = marks_b = ["="] * (max(p.end_a - p.start_a, p.end_b - p.start_b) + 1)
    else:
        marks_a, marks_b = token_marks(p.ops)
    print(
        f"{bold}#{rank}  score {p.score:g}  identity {p.identity:.0%}  {terminal_text(p.kind)}  "
        f"{p.tokens_a}/{p.tokens_b} words{reset}",
        file=out,
    )
    for side, doc, s, e, marks in (
        ("A", p.doc_a, p.start_a, p.end_a, marks_a),
        ("B", p.doc_b, p.start_b, p.end_b, marks_b),
    ):
        print(f"  {side}: {_label(fields.get(doc, {}), doc)}  [{s}:{e}]", file=out)
        body = marked_text(texts.get(doc, "")[s:e], marks, color, max_chars)
        for line in textwrap.wrap(" ".join(body.split()), width=width - 6) or [""]:
            print(f"     {line}", file=out)
    print(file=out)


def print_pairs(
    store: Store,
    *,
    top: int,
    doc: str | None,
    max_chars: int,
    color: bool,
    out: TextIO | None = None,
) -> None:
    """The ``top`` strongest pairs (optionally those involving ``doc``)."""
    out = out or sys.stdout
    pairs = reader.strongest_passages(store.conn, top, doc)
    total = store.count_passages()
    if not pairs:
        print(
            "no passage pairs"
            + (f" involving {terminal_text(doc)}" if doc else "")
            + (" (run 'echoscope detect' first)" if total == 0 else ""),
            file=out,
        )
        return
    ids = [p.doc_a for p in pairs] + [p.doc_b for p in pairs]
    texts, fields = store.texts(ids), store.document_fields(ids)
    for i, p in enumerate(pairs, 1):
        print_pair(p, texts, fields, rank=i, max_chars=max_chars, color=color, out=out)
    print(f"showing {len(pairs)} of {total} passage pairs", file=out)


def print_query(
    store: Store,
    queries: Sequence[tuple[str, str]],
    pairs: Sequence[PassagePair],
    *,
    out: TextIO | None = None,
    max_chars: int = 500,
) -> None:
    """Query mode: for each query text, where in the corpus it is echoed."""
    out = out or sys.stdout
    color = out.isatty()
    texts = {f"query:{name}": text for name, text in queries}
    ids = [p.doc_b for p in pairs]
    texts.update(store.texts(ids))
    fields = store.document_fields(ids)
    for name, _ in queries:
        mine = [p for p in pairs if p.doc_a == f"query:{name}"]
        docs = len({p.doc_b for p in mine})
        print(
            f"{terminal_text(name)}: echoed in {docs} document{'' if docs == 1 else 's'} "
            f"({len(mine)} passage{'' if len(mine) == 1 else 's'})",
            file=out,
        )
        for i, p in enumerate(mine, 1):
            print_pair(p, texts, fields, rank=i, max_chars=max_chars, color=color, out=out)
