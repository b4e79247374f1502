"""The statements of an incremental talking-point update (:mod:`echoscope.points.incremental`).

A full rebuild replaces every row (``Store.save_points``); an update reads the passages and
points around the documents a run changed, deletes the points it rebuilds and inserts their
successors. A list of ids travels as one JSON array (``json_each``): one statement, whatever
the number of documents or points.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

_IDS = "SELECT value FROM json_each(?)"
# a list of pairs as one JSON array of two-item arrays (the parameter ?1)
_PAIRS = "SELECT json_extract(value, '$[0]'), json_extract(value, '$[1]') FROM json_each(?1)"
_PAIR_TARGETS = "SELECT json_extract(value, '$[1]') FROM json_each(?1)"

#: a passage as the points see it:
#: (id, doc_a, start_a, end_a, doc_b, start_b, end_b, score, kind, run_id)
PassageRow = tuple[int, str, int, int, str, int, int, float, str, int]


def _ids(values: Iterable[Any]) -> str:
    return json.dumps(list(values))


#: the page cache (KiB) and memory-mapped reads (bytes) an update runs with at least, as the
#: store's readers do: it reads and rewrites pages all over the passages, points, members,
#: full-text and edge tables, of which a connection's default cache (2 MiB) keeps few
UPDATE_CACHE_KIB = 64 * 1024
UPDATE_MMAP_BYTES = 1 << 30


@contextmanager
def larger_caches(conn: sqlite3.Connection) -> Iterator[None]:
    """``conn`` with at least the update's page cache and memory-mapped reads, then as it
    was (they are the connection's settings, not the store's)."""
    cache = conn.execute("PRAGMA cache_size").fetchone()[0]  # KiB if negative, else pages
    page = conn.execute("PRAGMA page_size").fetchone()[0]
    row = conn.execute("PRAGMA mmap_size").fetchone()  # none where mmap is compiled out
    mmap = row[0] if row else None
    if (-cache if cache < 0 else cache * page // 1024) < UPDATE_CACHE_KIB:
        conn.execute(f"PRAGMA cache_size = {-UPDATE_CACHE_KIB}")
    if mmap is not None and mmap < UPDATE_MMAP_BYTES:
        conn.execute(f"PRAGMA mmap_size = {UPDATE_MMAP_BYTES}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
        if mmap is not None:
            conn.execute(f"PRAGMA mmap_size = {int(mmap)}")


def passages_touching(conn: sqlite3.Connection, docs: Iterable[str]) -> list[PassageRow]:
    """Every passage with a side in one of ``docs``, as ``conn`` sees them."""
    ids = _ids(docs)
    return conn.execute(
        "SELECT id, doc_a, start_a, end_a, doc_b, start_b, end_b, score, kind, run_id "
        "FROM passages "
        f"WHERE doc_a IN ({_IDS}) OR doc_b IN ({_IDS})",
        (ids, ids),
    ).fetchall()


def point_documents(conn: sqlite3.Connection, docs: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The ``date``, ``speaker``, ``outlet`` and ``series`` of each of ``docs``."""
    return {
        r[0]: {"date": r[1], "speaker": r[2], "outlet": r[3], "series": r[4]}
        for r in conn.execute(
            f"SELECT id, date, speaker, outlet, series FROM documents WHERE id IN ({_IDS})",
            (_ids(docs),),
        )
    }


def members_in(conn: sqlite3.Connection, docs: Iterable[str]) -> list[tuple[str, str, int, int]]:
    """``(point, doc, start, end)`` of every point member in one of ``docs``."""
    return conn.execute(
        f'SELECT point, doc, start, "end" FROM point_members WHERE doc IN ({_IDS})',
        (_ids(docs),),
    ).fetchall()


def members_of(conn: sqlite3.Connection, points: Iterable[str]) -> list[tuple]:
    """The ``point_members`` rows of ``points`` (as :func:`member_rows` makes them), each
    point's in its members' order."""
    return conn.execute(
        f"SELECT * FROM point_members WHERE point IN ({_IDS}) ORDER BY point, rowid",
        (_ids(points),),
    ).fetchall()


#: the hint that a CTE is computed once (SQLite 3.35 and later; older ones read it as an error)
_MATERIALIZED = "MATERIALIZED " if sqlite3.sqlite_version_info >= (3, 35) else ""


def repeats_between(
    conn: sqlite3.Connection, column: str, pairs: Iterable[tuple[str, str]]
) -> list[tuple]:
    """``(source's actor, actor, source_lag_hours, point, date)`` of every member with a
    source where ``(source's actor, actor)`` is one of ``pairs``; an actor is the member's
    ``column`` (speaker or outlet)."""
    if column not in ("speaker", "outlet"):  # a name from code, never from a user
        raise ValueError(f"not an actor column: {column}")
    pairs = _ids(sorted(pairs))
    return conn.execute(
        # the source is a member of the same point (any of its document's: one actor); the
        # members are materialized so that the subquery runs once a member, not once a use
        f"WITH repeats AS {_MATERIALIZED}("
        f"SELECT m.point, m.date, m.{column} AS actor, (SELECT s.{column} FROM point_members s "
        "WHERE s.point = m.point AND s.doc = m.source_doc LIMIT 1) AS source, "
        "m.source_lag_hours AS lag FROM point_members m "
        f"WHERE m.source_doc IS NOT NULL AND m.{column} IN ({_PAIR_TARGETS})) "
        "SELECT source, actor, lag, point, date FROM repeats "
        f"WHERE (source, actor) IN ({_PAIRS})",
        (pairs,),
    ).fetchall()


def existing_points(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are points of the store."""
    return {r[0] for r in conn.execute(f"SELECT id FROM points WHERE id IN ({_IDS})", (_ids(ids),))}


def count_points(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM points").fetchone()[0])


def delete_points(
    conn: sqlite3.Connection, ids: Iterable[str], indexed: Collection[str] = ()
) -> None:
    """Delete points with their members, bursts and full-text rows, but the full-text rows
    of ``indexed`` (points about to be inserted again with the same text)."""
    ids = list(ids)
    for table, column, which in (
        ("point_members", "point", ids),
        ("bursts", "point", ids),
        ("points_fts", "id", [i for i in ids if i not in indexed] if indexed else ids),
        ("points", "id", ids),
    ):
        conn.execute(f"DELETE FROM {table} WHERE {column} IN ({_IDS})", (_ids(which),))


def point_texts(conn: sqlite3.Connection, ids: Iterable[str]) -> dict[str, str]:
    """The representative text of each of the points ``ids`` there is."""
    return dict(conn.execute(f"SELECT id, text FROM points WHERE id IN ({_IDS})", (_ids(ids),)))


def point_row(p: Any, text: str, run_id: int) -> tuple:
    """A point's row of ``points`` (``text``: its representative passage)."""
    rep = p.representative
    return (
        p.id,
        p.docs,
        p.speakers,
        p.outlets,
        p.series,
        p.first_date,
        p.last_date,
        rep.doc,
        rep.start,
        rep.end,
        p.length,
        len(p.bursts),
        text,
        run_id,
    )


def member_rows(p: Any) -> list[tuple]:
    """A point's rows of ``point_members``, in its members' order."""
    return [
        (
            m.point,
            m.doc,
            m.start,
            m.end,
            m.date,
            m.speaker,
            m.outlet,
            m.role,
            m.source_doc,
            m.source_start,
            m.lag_hours,
            m.source_lag_hours,
            m.degree,
            m.match,
        )
        for m in p.members
    ]


def burst_rows(p: Any) -> list[tuple]:
    """A point's rows of ``bursts``, in order."""
    return [
        (
            b["point"],
            b["by"],
            b["start"],
            b["end"],
            b["hours"],
            json.dumps(b["actors"], ensure_ascii=False),
            json.dumps(b["docs"]),
        )
        for b in p.bursts
    ]


def point_rows_of(conn: sqlite3.Connection, ids: Iterable[str]) -> list[tuple]:
    """The ``points`` rows of ``ids``."""
    return conn.execute(f"SELECT * FROM points WHERE id IN ({_IDS})", (_ids(ids),)).fetchall()


def burst_rows_of(conn: sqlite3.Connection, ids: Iterable[str]) -> list[tuple]:
    """The ``bursts`` rows of the points ``ids``, each point's in order."""
    return conn.execute(
        f"SELECT * FROM bursts WHERE point IN ({_IDS}) ORDER BY point, rowid", (_ids(ids),)
    ).fetchall()


def insert_points(
    conn: sqlite3.Connection,
    points: Sequence[Any],
    texts: dict[str, str],
    run_id: int,
    indexed: Collection[str] = (),
) -> None:
    """Insert points (:class:`echoscope.points.spread.Point`) with their members, bursts and
    full-text rows, as ``Store.save_points`` writes them; ``texts``: each representative
    document's text; ``indexed``: points whose full-text row (the same id and text) is
    already there."""
    conn.executemany(
        "INSERT INTO points VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [point_row(p, representative_text(p, texts), run_id) for p in points],
    )
    conn.execute(
        f"INSERT INTO points_fts(id, text) SELECT id, text FROM points WHERE id IN ({_IDS})",
        (_ids(p.id for p in points if p.id not in indexed),),
    )
    conn.executemany(
        "INSERT INTO point_members VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [row for p in points for row in member_rows(p)],
    )
    conn.executemany(
        "INSERT INTO bursts VALUES (?,?,?,?,?,?,?)", [row for p in points for row in burst_rows(p)]
    )


def representative_text(p: Any, texts: dict[str, str]) -> str:
    """A point's representative passage, from ``texts`` (its document's text by id)."""
    rep = p.representative
    return texts[rep.doc][rep.start : rep.end]


def set_points_run(conn: sqlite3.Connection, run_id: int) -> None:
    """Mark every point as built by ``run_id`` (as a full rebuild in that run would)."""
    conn.execute("UPDATE points SET run_id = ? WHERE run_id != ?", (run_id, run_id))


def replace_actor_edges(
    conn: sqlite3.Connection, kind: str, pairs: Iterable[tuple[str, str]], edges: Sequence[Any]
) -> None:
    """Delete the ``kind`` edges between ``pairs`` (source, target) and insert ``edges``
    (:class:`echoscope.points.spread.ActorEdge`)."""
    conn.executemany(
        "DELETE FROM actor_edges WHERE kind = ? AND source = ? AND target = ?",
        ((kind, a, b) for a, b in pairs),
    )
    conn.executemany(
        "INSERT INTO actor_edges VALUES (?,?,?,?,?,?,?,?)", [edge_row(e) for e in edges]
    )


def edge_row(e: Any) -> tuple:
    """An actor edge's row of ``actor_edges``."""
    return (
        e.kind,
        e.source,
        e.target,
        e.count,
        e.median_lag_hours,
        e.points,
        e.first_date,
        e.last_date,
    )
