"""Named queries for the overviews the command line and the Python API give of a store: its
recent ingests and runs, the talking points' member spans, and whole tables as data frames.

Each takes an open connection (``Store.conn`` or a read-only one) and only reads.
"""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING, NamedTuple

from echoscope.store.reader import POINT_ORDER_BY

if TYPE_CHECKING:
    import pandas as pd


class IngestRecord(NamedTuple):
    id: int
    finished: str
    source: str
    added: int
    rejected: int


class RunRecord(NamedTuple):
    id: int
    finished: str
    mode: str
    docs: int
    new_docs: int
    passages: int
    #: seconds per stage, as the run recorded them
    seconds: dict[str, float]


def recent_ingests(conn: sqlite3.Connection, limit: int = 5) -> list[IngestRecord]:
    """The last ``limit`` ingests, newest first."""
    rows = conn.execute(
        "SELECT id, finished, source, added, rejected FROM ingests ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return [IngestRecord(*row) for row in rows]


def recent_runs(conn: sqlite3.Connection, limit: int = 5) -> list[RunRecord]:
    """The last ``limit`` detect runs, newest first."""
    rows = conn.execute(
        "SELECT id, finished, mode, docs, new_docs, passages, seconds "
        "FROM runs ORDER BY id DESC LIMIT ?",
        (limit,),
    )
    return [RunRecord(*row[:6], json.loads(row[6])) for row in rows]


def point_member_spans(conn: sqlite3.Connection) -> list[tuple[str, int, int, str]]:
    """``(doc, start, end, point)`` of every talking-point member."""
    return conn.execute(
        'SELECT doc, start, "end", point FROM point_members ORDER BY doc, start, "end", point'
    ).fetchall()


def points_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """Every talking point, widest spread first."""
    return _frame(conn, f"SELECT * FROM points p ORDER BY {POINT_ORDER_BY['spread']}")


def members_frame(conn: sqlite3.Connection, point: str | None = None) -> pd.DataFrame:
    """The members of every talking point (by point, then date), or of one (by date)."""
    if point is None:
        return _frame(conn, "SELECT * FROM point_members ORDER BY point, date, doc, start")
    return _frame(
        conn, "SELECT * FROM point_members WHERE point = ? ORDER BY date, doc, start", (point,)
    )


def actor_edges_frame(conn: sqlite3.Connection, by: str) -> pd.DataFrame:
    """Who repeats whom among speakers (``by="speaker"``) or outlets, most repeats first."""
    return _frame(
        conn,
        "SELECT * FROM actor_edges WHERE kind = ? ORDER BY count DESC, source, target",
        (by,),
    )


def bursts_frame(conn: sqlite3.Connection) -> pd.DataFrame:
    """Every coordination burst, earliest first."""
    return _frame(conn, "SELECT * FROM bursts ORDER BY start_date, point, by")


def _frame(conn: sqlite3.Connection, sql: str, args: tuple = ()) -> pd.DataFrame:
    import pandas as pd

    return pd.read_sql_query(sql, conn, params=args)
