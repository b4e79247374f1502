"""The statements of an incremental talking-point update (:mod:`echoscope.points.incremental`).

A full rebuild replaces every row (``Store.save_points``); an update reads the passages and
points around the documents a run changed, deletes the points it rebuilds and inserts their
successors. A list of ids travels as one JSON array (``json_each``): one statement, whatever
the number of documents or points.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

_IDS = "SELECT value FROM json_each(?)"

#: a passage as the points see it:
#: (id, doc_a, start_a, end_a, doc_b, start_b, end_b, score, kind, run_id)
PassageRow = tuple[int, str, int, int, str, int, int, float, str, int]


def _ids(values: Iterable[Any]) -> str:
    return json.dumps(list(values))


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


def repeats_of(conn: sqlite3.Connection, column: str, actors: Iterable[str]) -> list[tuple]:
    """``(point, date, actor, source's actor, source_lag_hours)`` of every member with a
    source whose ``column`` (speaker or outlet), the actor, is one of ``actors``."""
    if column not in ("speaker", "outlet"):  # a name from code, never from a user
        raise ValueError(f"not an actor column: {column}")
    return conn.execute(
        # the source is a member of the same point (any of its document's: one actor)
        f"SELECT m.point, m.date, m.{column}, (SELECT s.{column} FROM point_members s "
        "WHERE s.point = m.point AND s.doc = m.source_doc LIMIT 1), m.source_lag_hours "
        f"FROM point_members m WHERE m.source_doc IS NOT NULL AND m.{column} IN ({_IDS})",
        (_ids(actors),),
    ).fetchall()


def existing_points(conn: sqlite3.Connection, ids: Iterable[str]) -> set[str]:
    """Which of ``ids`` are points of the store."""
    return {r[0] for r in conn.execute(f"SELECT id FROM points WHERE id IN ({_IDS})", (_ids(ids),))}


def count_points(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM points").fetchone()[0])


def delete_points(conn: sqlite3.Connection, ids: Iterable[str]) -> None:
    """Delete points with their members, bursts and full-text rows."""
    ids = _ids(ids)
    for table, column in (
        ("point_members", "point"),
        ("bursts", "point"),
        ("points_fts", "id"),
        ("points", "id"),
    ):
        conn.execute(f"DELETE FROM {table} WHERE {column} IN ({_IDS})", (ids,))


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
    conn: sqlite3.Connection, points: Sequence[Any], texts: dict[str, str], run_id: int
) -> None:
    """Insert points (:class:`echoscope.points.spread.Point`) with their members, bursts and
    full-text rows, as ``Store.save_points`` writes them; ``texts``: each representative
    document's text."""
    conn.executemany(
        "INSERT INTO points VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            point_row(
                p,
                texts[p.representative.doc][p.representative.start : p.representative.end],
                run_id,
            )
            for p in points
        ],
    )
    conn.execute(
        f"INSERT INTO points_fts(id, text) SELECT id, text FROM points WHERE id IN ({_IDS})",
        (_ids(p.id for p in points),),
    )
    conn.executemany(
        "INSERT INTO point_members VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [row for p in points for row in member_rows(p)],
    )
    conn.executemany(
        "INSERT INTO bursts VALUES (?,?,?,?,?,?,?)", [row for p in points for row in burst_rows(p)]
    )


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
