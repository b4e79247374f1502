"""A passage's ``ops``: how its two sides match, in one of two forms (plain Python, so that the
store, the exports, the terminal and the viewer read them without the compiled aligner).

A lexical passage in one order carries its word alignment as run-length edit operations:
``"12=1X30=2D5="``, ``=`` identical tokens, ``X`` substituted, ``D`` only in A, ``I`` only in
B. A passage that has no one alignment carries its matching pieces instead:
``"sa-ea:sb-eb;..."``, character offsets relative to the start of each side's passage, in the
order of side a. Those are a paraphrase's or a translation's sentence matches, and a reordered
passage's aligned fragments (:data:`echoscope.model.PIECE_KINDS`). The viewer marks each pair
of matching pieces; the store and the exports keep the string as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from echoscope.model import PIECE_KINDS, PassagePair

Match = tuple[int, int, int, int]  # start_a, end_a, start_b, end_b, relative to the passages
OP_CHARS = "=XDI"  # identical, substituted, only in A (deleted), only in B (inserted)


def parse_ops(s: str) -> list[tuple[int, str]]:
    """A run-length ops string (``"12=1X3=2D"``) as [(count, op char), ...]."""
    out, num = [], ""
    for ch in s:
        if ch.isdigit():
            num += ch
        else:
            out.append((int(num), ch))
            num = ""
    return out


def token_marks(ops: str) -> tuple[list[str], list[str]]:
    """Per token of side A and side B: the op that produced it ("=", "X", "D" or "I")."""
    marks_a: list[str] = []
    marks_b: list[str] = []
    for count, op in parse_ops(ops):
        if op in "=X":
            marks_a += [op] * count
            marks_b += [op] * count
        elif op == "D":
            marks_a += ["D"] * count
        else:
            marks_b += ["I"] * count
    return marks_a, marks_b


def format_matches(matches: Iterable[Match]) -> str:
    """The ``ops`` string of sentence matches."""
    return ";".join(f"{sa}-{ea}:{sb}-{eb}" for sa, ea, sb, eb in matches)


def parse_matches(ops: str) -> list[Match]:
    """The sentence matches of an ``ops`` string; ``[]`` for an empty or malformed string (an
    older store kept none), never an error."""
    out: list[Match] = []
    if not ops:
        return out
    for part in ops.split(";"):
        try:
            left, right = part.split(":")
            sa, ea = (int(x) for x in left.split("-"))
            sb, eb = (int(x) for x in right.split("-"))
        except ValueError:
            return []
        if not (0 <= sa < ea and 0 <= sb < eb):
            return []
        out.append((sa, ea, sb, eb))
    return out


def swapped_ops(kind: str, ops: str) -> str:
    """A passage's ``ops`` seen from side b (query mode puts the query first)."""
    if kind in PIECE_KINDS:  # listed in the order of the side now first
        return format_matches(sorted((c, d, a, b) for a, b, c, d in parse_matches(ops)))
    return ops.translate(_SWAP_EDITS)


_SWAP_EDITS = str.maketrans("DI", "ID")  # a token only in A is one only in B, seen from B


def swapped(p: PassagePair) -> PassagePair:
    """The passage with its sides exchanged, ``ops`` seen from the new side a (query mode puts
    the query first); its score, identity, kind and similarity are the pair's, either way."""
    return PassagePair(
        doc_a=p.doc_b,
        start_a=p.start_b,
        end_a=p.end_b,
        doc_b=p.doc_a,
        start_b=p.start_a,
        end_b=p.end_a,
        tokens_a=p.tokens_b,
        tokens_b=p.tokens_a,
        score=p.score,
        identity=p.identity,
        kind=p.kind,
        ops=swapped_ops(p.kind, p.ops),
        similarity=p.similarity,
    )
