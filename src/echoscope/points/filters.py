"""The filters on talking points that the terminal list and the web viewer share."""

from __future__ import annotations

#: talking-point orders (SQL over ``points p``), each ending on the id so ties are stable;
#: an undated point comes after every dated one
POINT_SORTS = {
    "spread": "p.speakers DESC, p.docs DESC, p.id",
    "docs": "p.docs DESC, p.id",
    "burst": "p.bursts DESC, p.speakers DESC, p.id",
    "length": "p.length DESC, p.id",
    "recent": "p.last_date IS NULL, p.last_date DESC, p.id",
    "first": "p.first_date IS NULL, p.first_date, p.id",
}


def point_filters(
    *,
    speaker: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    match: str | None = None,
) -> tuple[str, list[str]]:
    """A ``WHERE`` clause on ``points p`` (empty when no filter is set) and its arguments.

    ``since``/``until`` keep points in use on or after / on or before a date; ``match`` is an
    FTS5 query on the representative text."""
    where, args = [], []
    for column, value in (("speaker", speaker), ("outlet", outlet)):
        if value:
            where.append(f"p.id IN (SELECT point FROM point_members WHERE {column} = ?)")
            args.append(value)
    if since:
        where.append("p.last_date >= ?")
        args.append(since)
    if until:
        where.append("p.first_date <= ?")
        args.append(until)
    if match:
        where.append("p.id IN (SELECT id FROM points_fts WHERE points_fts MATCH ?)")
        args.append(match)
    return (" WHERE " + " AND ".join(where)) if where else "", args


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
