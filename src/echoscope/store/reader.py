"""Named read queries: every question the viewer, the static report and the terminal views ask
of a store, each a function over a ``sqlite3`` connection whose name says what it returns.

Rows come back as :class:`sqlite3.Row` (read by column name or position, ``dict(row)`` for a
plain dict), whatever the connection's own row factory; whole passage pairs come back as
:class:`echoscope.model.PassagePair`. The callers shape them for display and hold no SQL of
their own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from echoscope.model import ACTOR_FIELDS, PassagePair
from echoscope.store.sqlite import PASSAGE_COLUMNS, connect_readonly, passage_of_row

#: the document columns that name an actor (``actor_edges.kind`` takes the same values)
ACTOR_KINDS = ACTOR_FIELDS

#: the ``ORDER BY`` of passage pairs listed strongest first (ties in a stable order)
PAIRS_STRONGEST_FIRST = "score DESC, doc_a, doc_b, start_a"

#: the talking-point orders (over ``points p``) by name, each ending on the id so that ties are
#: stable; an undated point comes after every dated one. ``points.filters.POINT_SORTS`` names them
POINT_ORDER_BY = {
    "spread": "p.speakers DESC, p.docs DESC, p.id",
    "docs": "p.docs DESC, p.id",
    "burst": "p.bursts DESC, p.speakers DESC, p.id",
    "length": "p.length DESC, p.id",
    "recent": "p.last_date IS NULL, p.last_date DESC, p.id",
    "first": "p.first_date IS NULL, p.first_date, p.id",
}

_POINT_FIELDS = (
    "p.id, p.docs, p.speakers, p.outlets, p.first_date, p.last_date, p.bursts, p.length, p.text"
)
# an occurrence's place in a point's story: dated ones first, in time, then by document
_MEMBER_ORDER = "ORDER BY m.date IS NULL, m.date, m.doc, m.start"
_ISO_DAY = "'[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'"


# -- opening ----------------------------------------------------------------------------------
def open_reader(path: str | Path, **kwargs: Any) -> sqlite3.Connection:
    """A read-only connection (:func:`echoscope.store.sqlite.connect_readonly`) that also
    refuses writes at the SQL level, tuned for pages that jump around a large file, with rows
    readable by column name. ``kwargs`` go to ``sqlite3.connect``."""
    conn = connect_readonly(path, **kwargs)
    try:
        conn.execute("PRAGMA query_only = ON")
        # map the file and keep more of it in memory: pages read scattered parts of it
        conn.execute("PRAGMA mmap_size = 1073741824")
        conn.execute("PRAGMA cache_size = -65536")
    except BaseException:
        conn.close()
        raise
    conn.row_factory = sqlite3.Row
    return conn


def open_index_writer(path: str | Path) -> sqlite3.Connection:
    """The one writable connection the viewer makes, to bring the full-text index up to date
    before it opens the store read-only (:func:`echoscope.store.sqlite.index_documents` runs
    its own transaction, hence autocommit; a busy store is waited on for up to 30 s)."""
    return sqlite3.connect(path, isolation_level=None, timeout=30)


def data_version(conn: sqlite3.Connection) -> int:
    """A number that changes whenever another connection commits to the store."""
    return conn.execute("PRAGMA data_version").fetchone()[0]


# -- helpers ----------------------------------------------------------------------------------
def _rows(conn: sqlite3.Connection, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row  # named access whatever the connection's factory
    return cur.execute(sql, args).fetchall()


def _row(conn: sqlite3.Connection, sql: str, args: Sequence[Any] = ()) -> sqlite3.Row | None:
    cur = conn.cursor()
    cur.row_factory = sqlite3.Row
    return cur.execute(sql, args).fetchone()


def _value(conn: sqlite3.Connection, sql: str, args: Sequence[Any] = ()) -> Any:
    return conn.execute(sql, args).fetchone()[0]


def _column(conn: sqlite3.Connection, sql: str, args: Sequence[Any] = ()) -> list[Any]:
    return [r[0] for r in conn.execute(sql, args)]


def _actor_column(by: str) -> str:
    """``by`` as a column name: it is written into the SQL, so only the known ones pass."""
    if by not in ACTOR_KINDS:
        raise ValueError(f"not an actor column: {by!r}")
    return by


def _marks(n: int) -> str:
    return ",".join("?" * n)


# -- the corpus -------------------------------------------------------------------------------
def corpus_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """How many documents, passages, talking points, speakers, outlets and bursts."""
    return {
        "documents": _value(conn, "SELECT count(*) FROM documents"),
        "passages": _value(conn, "SELECT count(*) FROM passages"),
        "points": _value(conn, "SELECT count(*) FROM points"),
        "speakers": _value(conn, "SELECT count(DISTINCT speaker) FROM documents"),
        "outlets": _value(conn, "SELECT count(DISTINCT outlet) FROM documents"),
        "bursts": _value(conn, "SELECT count(*) FROM bursts"),
    }


def last_run_summary(conn: sqlite3.Connection) -> sqlite3.Row | None:
    """The newest detect run's id, finish time and mode (None before the first run)."""
    return _row(conn, "SELECT id, finished, mode FROM runs ORDER BY id DESC LIMIT 1")


def documents_per_day(conn: sqlite3.Connection) -> dict[str, int]:
    """Documents per ISO day (``YYYY-MM-DD``), counting only documents dated that way."""
    return dict(
        conn.execute(
            "SELECT substr(date, 1, 10) d, count(*) FROM documents "
            f"WHERE date GLOB {_ISO_DAY} GROUP BY d"
        ).fetchall()
    )


def repeating_documents_per_day(conn: sqlite3.Connection) -> dict[str, int]:
    """Per ISO day, how many documents repeat some talking point."""
    return dict(
        conn.execute(
            "SELECT substr(date, 1, 10) d, count(DISTINCT doc) FROM point_members "
            f"WHERE role = 'repeat' AND date GLOB {_ISO_DAY} "
            "GROUP BY d"
        ).fetchall()
    )


def document_ids(conn: sqlite3.Connection) -> list[str]:
    """Every document id, in the order the documents were added."""
    return _column(conn, "SELECT id FROM documents ORDER BY rowid")


def actor_names(conn: sqlite3.Connection, by: str) -> list[str]:
    """Every speaker (or outlet) named by some document, alphabetically."""
    col = _actor_column(by)
    return _column(
        conn, f"SELECT DISTINCT {col} FROM documents WHERE {col} IS NOT NULL ORDER BY {col}"
    )


# -- talking points ---------------------------------------------------------------------------
def _point_where(
    speaker: str | None,
    outlet: str | None,
    since: str | None,
    until: str | None,
    match: str | None,
) -> tuple[str, list[str]]:
    """A ``WHERE`` clause on ``points p`` (empty when no filter is set) and its arguments."""
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


def count_points(
    conn: sqlite3.Connection,
    *,
    speaker: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    match: str | None = None,
) -> int:
    """How many talking points pass the filters (all of them when none is set).

    ``speaker``/``outlet``: some occurrence is theirs; ``since``/``until``: in use on or after /
    on or before a date; ``match``: an FTS5 query on the representative text."""
    clause, args = _point_where(speaker, outlet, since, until, match)
    return _value(conn, f"SELECT count(*) FROM points p{clause}", args)


def points_sorted(
    conn: sqlite3.Connection,
    *,
    sort: str,
    limit: int,
    offset: int = 0,
    speaker: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    match: str | None = None,
) -> list[sqlite3.Row]:
    """``limit`` talking points passing the filters (as :func:`count_points`), in the order
    ``POINT_ORDER_BY[sort]``, after skipping ``offset``: id, docs, speakers, outlets,
    first_date, last_date, bursts, length, text."""
    clause, args = _point_where(speaker, outlet, since, until, match)
    return _rows(
        conn,
        f"SELECT {_POINT_FIELDS} FROM points p{clause} ORDER BY {POINT_ORDER_BY[sort]} "
        "LIMIT ? OFFSET ?",
        (*args, limit, offset),
    )


def point_ids_sorted(conn: sqlite3.Connection, sort: str) -> list[str]:
    """Every talking point's id, in the order ``POINT_ORDER_BY[sort]``."""
    return _column(conn, f"SELECT p.id FROM points p ORDER BY {POINT_ORDER_BY[sort]}")


def point_record(conn: sqlite3.Connection, point_id: str) -> sqlite3.Row | None:
    """One talking point (the fields of :func:`points_sorted`, then the representative
    occurrence's rep_doc, rep_start, rep_end), or None."""
    return _row(
        conn,
        f"SELECT {_POINT_FIELDS}, p.rep_doc, p.rep_start, p.rep_end FROM points p WHERE p.id = ?",
        (point_id,),
    )


def count_point_members(conn: sqlite3.Connection, point_id: str) -> int:
    """How many occurrences a talking point has."""
    return _value(conn, "SELECT count(*) FROM point_members WHERE point = ?", (point_id,))


def point_members_page(
    conn: sqlite3.Connection, point_id: str, limit: int, offset: int
) -> list[sqlite3.Row]:
    """A slice of a point's occurrences in story order: doc, start, end, date, speaker, outlet,
    role, source_doc, source_start, lag_hours, source_lag_hours, degree, the document's title
    and an excerpt (the occurrence's first 300 characters)."""
    return _rows(
        conn,
        'SELECT m.doc, m.start, m."end", m.date, m.speaker, m.outlet, m.role, m.source_doc, '
        "m.source_start, m.lag_hours, m.source_lag_hours, m.degree, d.title, "
        'substr(d.text, m.start + 1, min(m."end" - m.start, 300)) AS excerpt '
        f"FROM point_members m JOIN documents d ON d.id = m.doc WHERE m.point = ? {_MEMBER_ORDER} "
        "LIMIT ? OFFSET ?",
        (point_id, limit, offset),
    )


def point_timeline(
    conn: sqlite3.Connection, point_id: str, group_by: str, limit: int
) -> list[sqlite3.Row]:
    """The first ``limit`` occurrences of a point in story order, for its timeline: t (the
    date), group (the ``group_by`` actor), doc, start, role, speaker, outlet."""
    col = _actor_column(group_by)
    return _rows(
        conn,
        f'SELECT date AS t, {col} AS "group", doc, start, role, speaker, outlet '
        f"FROM point_members m WHERE point = ? {_MEMBER_ORDER} LIMIT ?",
        (point_id, limit),
    )


def point_first_use(conn: sqlite3.Connection, point_id: str) -> sqlite3.Row | None:
    """The occurrence that said a point first: doc, start, end, date, speaker, outlet, title."""
    return _row(
        conn,
        'SELECT m.doc, m.start, m."end", m.date, m.speaker, m.outlet, d.title '
        "FROM point_members m JOIN documents d ON d.id = m.doc "
        f"WHERE m.point = ? AND m.role = 'first' {_MEMBER_ORDER} LIMIT 1",
        (point_id,),
    )


def point_members_by_date(conn: sqlite3.Connection, point_id: str) -> list[sqlite3.Row]:
    """Every occurrence of a point, dated ones first in time, then by document (the terminal's
    timeline): role, date, speaker, outlet, doc, start, end, source_doc, lag_hours,
    source_lag_hours."""
    return _rows(
        conn,
        'SELECT role, date, speaker, outlet, doc, start, "end", source_doc, lag_hours, '
        "source_lag_hours FROM point_members WHERE point = ? ORDER BY date IS NULL, date, doc",
        (point_id,),
    )


def point_bursts(conn: sqlite3.Connection, point_id: str) -> list[sqlite3.Row]:
    """A point's bursts by start: by, start_date, end_date, hours, actors and docs (JSON
    lists)."""
    return _rows(
        conn,
        "SELECT by, start_date, end_date, hours, actors, docs FROM bursts WHERE point = ? "
        "ORDER BY start_date",
        (point_id,),
    )


def point_bursts_as_stored(conn: sqlite3.Connection, point_id: str) -> list[sqlite3.Row]:
    """A point's bursts in the order they were saved (the terminal's order): start_date,
    end_date, hours, actors (a JSON list), by."""
    return _rows(
        conn,
        "SELECT start_date, end_date, hours, actors, by FROM bursts WHERE point = ?",
        (point_id,),
    )


def points_covering(conn: sqlite3.Connection, doc: str, start: int, end: int) -> list[str]:
    """The ids of the talking points with an occurrence overlapping ``doc[start:end]``."""
    return _column(
        conn,
        'SELECT DISTINCT point FROM point_members WHERE doc = ? AND start < ? AND "end" > ? '
        "ORDER BY point",
        (doc, end, start),
    )


# -- passages ---------------------------------------------------------------------------------
def passage(conn: sqlite3.Connection, passage_id: int) -> dict[str, Any] | None:
    """A stored passage pair, every column, or None."""
    row = _row(conn, "SELECT * FROM passages WHERE id = ?", (passage_id,))
    return None if row is None else dict(row)


def passage_between(
    conn: sqlite3.Connection, doc: str, start: int, end: int, other: str, other_start: int
) -> int | None:
    """The id of the stored passage aligning ``doc[start:end]`` with ``other``, the one whose
    other side starts nearest ``other_start`` (None if there is none)."""
    row = conn.execute(
        "SELECT id FROM ("
        " SELECT id, start_a AS s, end_a AS e, start_b AS os FROM passages"
        "  WHERE doc_a = ? AND doc_b = ?"
        " UNION ALL"
        " SELECT id, start_b, end_b, start_a FROM passages WHERE doc_b = ? AND doc_a = ?"
        ") WHERE s < ? AND e > ? ORDER BY abs(os - ?) LIMIT 1",
        (doc, other, doc, other, end, start, other_start),
    ).fetchone()
    return row[0] if row else None


def strongest_passages(
    conn: sqlite3.Connection, limit: int, doc: str | None = None
) -> list[PassagePair]:
    """The ``limit`` highest-scoring passage pairs (those involving ``doc`` when given)."""
    sql = f"SELECT {', '.join(PASSAGE_COLUMNS)} FROM passages"
    args: tuple = ()
    if doc:
        sql += " WHERE doc_a=? OR doc_b=?"
        args = (doc, doc)
    sql += f" ORDER BY {PAIRS_STRONGEST_FIRST} LIMIT ?"
    return [passage_of_row(r) for r in conn.execute(sql, (*args, limit))]


# -- documents --------------------------------------------------------------------------------
def document_meta(conn: sqlite3.Connection, doc_id: str) -> sqlite3.Row | None:
    """A document's id, series, date, speaker, outlet, title, url, lang and chars, or None."""
    return _row(
        conn,
        "SELECT id, series, date, speaker, outlet, title, url, lang, chars FROM documents "
        "WHERE id = ?",
        (doc_id,),
    )


def document_text(conn: sqlite3.Connection, doc_id: str) -> str | None:
    """A document's text, or None if there is no such document."""
    row = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()
    return row[0] if row else None


def document_texts(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
    """The texts of the documents ``ids`` (those that exist), by id."""
    ids = list(dict.fromkeys(ids))
    return dict(
        conn.execute(f"SELECT id, text FROM documents WHERE id IN ({_marks(len(ids))})", ids)
    )


def document_labels(conn: sqlite3.Connection, ids: Iterable[str]) -> list[sqlite3.Row]:
    """id, speaker, outlet and date of the documents ``ids`` (those that exist)."""
    ids = list(dict.fromkeys(ids))
    if not ids:
        return []
    return _rows(
        conn,
        f"SELECT id, speaker, outlet, date FROM documents WHERE id IN ({_marks(len(ids))})",
        ids,
    )


def point_spans_in_document(conn: sqlite3.Connection, doc_id: str) -> list[sqlite3.Row]:
    """Every talking-point occurrence in a document, by start: start, end, point, role."""
    return _rows(
        conn,
        'SELECT start, "end", point, role FROM point_members WHERE doc = ? ORDER BY start',
        (doc_id,),
    )


def count_document_passages(conn: sqlite3.Connection, doc_id: str) -> int:
    """How many stored passages a document shares with others (on either side)."""
    return _value(
        conn,
        "SELECT (SELECT count(*) FROM passages WHERE doc_a = ?) + "
        "(SELECT count(*) FROM passages WHERE doc_b = ?)",
        (doc_id, doc_id),
    )


def document_passages_page(
    conn: sqlite3.Connection, doc_id: str, limit: int, offset: int
) -> list[sqlite3.Row]:
    """A slice of the passages a document shares, seen from the document, by start: id, other
    (the other document), start, end, other_start, other_end, identity, kind."""
    return _rows(
        conn,
        'SELECT id, doc_b AS other, start_a AS start, end_a AS "end", start_b AS other_start,'
        " end_b AS other_end, identity, kind FROM passages WHERE doc_a = ?"
        " UNION ALL "
        "SELECT id, doc_a, start_b, end_b, start_a, end_a, identity, kind FROM passages "
        "WHERE doc_b = ? ORDER BY start, other, id LIMIT ? OFFSET ?",
        (doc_id, doc_id, limit, offset),
    )


def passage_starts_in_document(conn: sqlite3.Connection, doc_id: str) -> list[int]:
    """Where in a document each of its stored passages starts (each offset once)."""
    return _column(
        conn,
        "SELECT start_a FROM passages WHERE doc_a = ? UNION SELECT start_b FROM passages "
        "WHERE doc_b = ?",
        (doc_id, doc_id),
    )


# -- speakers and outlets ---------------------------------------------------------------------
def count_actors(conn: sqlite3.Connection, by: str) -> int:
    """How many speakers (or outlets) the documents name."""
    col = _actor_column(by)
    return _value(conn, f"SELECT count(DISTINCT {col}) FROM documents WHERE {col} IS NOT NULL")


def actors_ranked(conn: sqlite3.Connection, by: str, limit: int, offset: int) -> list[sqlite3.Row]:
    """A slice of the speakers (or outlets), most talking points used first: name, docs,
    points (used) and first (points they said first)."""
    col = _actor_column(by)
    return _rows(
        conn,
        f"SELECT d.{col} AS name, count(*) AS docs, "
        f"(SELECT count(DISTINCT point) FROM point_members m WHERE m.{col} = d.{col}) AS points, "
        f"(SELECT count(DISTINCT point) FROM point_members m WHERE m.{col} = d.{col} "
        f" AND m.role = 'first') AS first "
        f"FROM documents d WHERE d.{col} IS NOT NULL GROUP BY d.{col} "
        f"ORDER BY points DESC, docs DESC, name LIMIT ? OFFSET ?",
        (limit, offset),
    )


def count_documents_of(conn: sqlite3.Connection, by: str, name: str) -> int:
    """How many documents the speaker (or outlet) ``name`` has."""
    col = _actor_column(by)
    return _value(conn, f"SELECT count(*) FROM documents WHERE {col} = ?", (name,))


def count_points_of(conn: sqlite3.Connection, by: str, name: str) -> int:
    """How many talking points the speaker (or outlet) ``name`` uses."""
    col = _actor_column(by)
    return _value(conn, f"SELECT count(DISTINCT point) FROM point_members WHERE {col} = ?", (name,))


def points_of_actor(
    conn: sqlite3.Connection, by: str, name: str, limit: int, offset: int
) -> list[sqlite3.Row]:
    """A slice of the talking points ``name`` uses, those they said first first: the fields of
    :func:`points_sorted`, then used_on (their first use), said_first (0 or 1) and times."""
    col = _actor_column(by)
    return _rows(
        conn,
        f"SELECT {_POINT_FIELDS}, min(m.date) AS used_on, "
        "max(m.role = 'first') AS said_first, count(*) AS times "
        f"FROM point_members m JOIN points p ON p.id = m.point WHERE m.{col} = ? "
        "GROUP BY p.id ORDER BY said_first DESC, p.speakers DESC, p.id LIMIT ? OFFSET ?",
        (name, limit, offset),
    )


_EDGE_SIDES = {"source": "target", "target": "source"}  # a side of an edge, and the other one


def count_echo_edges_of(conn: sqlite3.Connection, by: str, name: str, side: str) -> int:
    """How many who-echoes-whom edges have ``name`` as their ``side`` (source: repeated by
    the other; target: repeating the other)."""
    if side not in _EDGE_SIDES:
        raise ValueError(f"not an edge side: {side!r}")
    return _value(
        conn, f"SELECT count(*) FROM actor_edges WHERE kind = ? AND {side} = ?", (by, name)
    )


def strongest_echo_edges_of(
    conn: sqlite3.Connection, by: str, name: str, side: str, limit: int
) -> list[sqlite3.Row]:
    """The ``limit`` strongest edges with ``name`` as their ``side``, most echoes first:
    source, target, count, points, median_lag_hours, first_date, last_date."""
    if side not in _EDGE_SIDES:
        raise ValueError(f"not an edge side: {side!r}")
    return _rows(
        conn,
        "SELECT source, target, count, points, median_lag_hours, first_date, last_date "
        f"FROM actor_edges WHERE kind = ? AND {side} = ? "
        f"ORDER BY count DESC, {_EDGE_SIDES[side]} LIMIT ?",
        (by, name, limit),
    )


def strongest_echo_edges(conn: sqlite3.Connection, by: str, limit: int) -> list[sqlite3.Row]:
    """The ``limit`` strongest who-echoes-whom edges between speakers (or outlets): source,
    target, count, points, median_lag_hours."""
    return _rows(
        conn,
        "SELECT source, target, count, points, median_lag_hours FROM actor_edges WHERE kind = ? "
        "ORDER BY count DESC, source, target LIMIT ?",
        (by, limit),
    )


def echo_neighbours(conn: sqlite3.Connection, by: str, name: str, limit: int) -> list[str]:
    """The ``limit`` actors that ``name`` echoes or is echoed by, most echoes (both ways
    together) first."""
    return _column(
        conn,
        "SELECT other FROM (SELECT target AS other, count FROM actor_edges "
        "WHERE kind = ? AND source = ? UNION ALL SELECT source, count FROM actor_edges "
        "WHERE kind = ? AND target = ?) GROUP BY other ORDER BY sum(count) DESC, other "
        "LIMIT ?",
        (by, name, by, name, limit),
    )


def echo_edges_among(conn: sqlite3.Connection, by: str, names: Sequence[str]) -> list[sqlite3.Row]:
    """The edges whose source and target are both among ``names``: source, target, count."""
    marks = _marks(len(names))
    return _rows(
        conn,
        f"SELECT source, target, count FROM actor_edges WHERE kind = ? AND source IN ({marks})"
        f" AND target IN ({marks}) ORDER BY source, target",
        (by, *names, *names),
    )


# -- full-text search -------------------------------------------------------------------------
def count_documents_matching(conn: sqlite3.Connection, match: str) -> int:
    """How many indexed documents the FTS5 query ``match`` finds."""
    return _value(conn, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (match,))


def documents_matching(
    conn: sqlite3.Connection,
    match: str,
    limit: int,
    offset: int,
    hit_marks: tuple[str, str],
) -> list[sqlite3.Row]:
    """A slice of the documents the FTS5 query ``match`` finds, best first: id, date, speaker,
    outlet, title and a snippet whose hits are wrapped in ``hit_marks`` (opening, closing)."""
    return _rows(
        conn,
        "SELECT d.id, d.date, d.speaker, d.outlet, d.title, "
        "snippet(documents_fts, 1, ?, ?, '…', 24) AS snippet "
        "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
        "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
        (*hit_marks, match, limit, offset),
    )
