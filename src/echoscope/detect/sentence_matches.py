"""Which piece of one side of a passage matches which piece of the other.

A lexical passage in one order carries its word alignment as edit operations (``ops``). A
passage that has no one alignment carries its matching pieces instead:
``"sa-ea:sb-eb;..."``, character offsets relative to the start of each side's passage, in the
order of side a. Those are a paraphrase's or a translation's sentence matches, and a reordered
passage's aligned fragments (:data:`echoscope.model.PIECE_KINDS`). The viewer marks each pair
of matching pieces; the store and the exports keep the string as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

from echoscope.model import PIECE_KINDS

Match = tuple[int, int, int, int]  # start_a, end_a, start_b, end_b, relative to the passages


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
