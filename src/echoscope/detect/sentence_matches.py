"""Which sentence of one side of a semantic passage matches which sentence of the other.

A lexical passage carries its word alignment as edit operations (``ops``); a paraphrase or a
translation has no word alignment, so its ``ops`` field holds its sentence matches instead:
``"sa-ea:sb-eb;..."``, character offsets relative to the start of each side's passage, in
the order of side a. The viewer marks each pair of matching sentences; the store and the
exports keep the string as it is.
"""

from __future__ import annotations

from collections.abc import Iterable

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
