"""The options of a talking-point list that the terminal and the web viewer share: its orders,
and how a user's search words become a full-text query."""

from __future__ import annotations

from echoscope.store.reader import POINT_ORDER_BY

#: the orders a talking-point list can take, by name (their SQL: ``POINT_ORDER_BY`` in
#: :mod:`echoscope.store.reader`); a filter's values go to the reader's ``count_points`` and
#: ``points_sorted``
POINT_SORTS: tuple[str, ...] = tuple(POINT_ORDER_BY)


def fts_query(q: str) -> str:
    """A user's words as an FTS5 query: "quoted text" is a phrase, other words must all occur.
    FTS5 operators typed by the user are taken as plain words (no syntax errors)."""
    parts, rest = [], q.replace("\x00", " ")  # a NUL would end FTS5's string early
    while '"' in rest:
        before, _, after = rest.partition('"')
        phrase, closed, rest = after.partition('"')
        parts += before.split()
        if not closed:
            parts += phrase.split()
            break
        if phrase.strip():
            parts.append(phrase)
    else:
        parts += rest.split()
    return " ".join('"' + p.replace('"', '""') + '"' for p in parts if p.strip())
