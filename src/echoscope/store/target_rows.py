"""The statements of the targets stage (:mod:`echoscope.targets.stage`) and of its readers:
accusations, responses, the entity list's names and the user's aliases."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from echoscope.errors import EchoscopeError
from echoscope.model import ACCUSATION_FIELDS, Accusation, Response

_STATE_KEY = "targets_state"
_STORED = ("doc", "doc_rowid", "date", *ACCUSATION_FIELDS[1:])
_COLUMNS = ", ".join(f'"{c}"' for c in _STORED)
_READ = ", ".join(f'a."{c}"' for c in ACCUSATION_FIELDS)


def state(conn: sqlite3.Connection) -> str | None:
    """What the stored accusations were extracted with and up to: a JSON text, or None."""
    row = conn.execute("SELECT value FROM meta WHERE key = ?", (_STATE_KEY,)).fetchone()
    return row[0] if row else None


def save_state(conn: sqlite3.Connection, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (_STATE_KEY, value))


def aliases(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """The alias rows a user gave (``--entities``), in the order given."""
    return conn.execute(
        "SELECT entity, alias, kind, member_of FROM entity_aliases ORDER BY rowid"
    ).fetchall()


def replace_aliases(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str, str]]) -> None:
    conn.execute("DELETE FROM entity_aliases")
    conn.executemany(
        "INSERT INTO entity_aliases(entity, alias, kind, member_of) VALUES (?, ?, ?, ?)", rows
    )


def metadata_names(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """The names the corpus's metadata gave so far: (name, kind, member_of)."""
    return conn.execute("SELECT name, kind, member_of FROM entity_names ORDER BY name").fetchall()


def add_metadata_names(conn: sqlite3.Connection, rows: Iterable[tuple[str, str, str]]) -> None:
    conn.executemany(
        "INSERT OR IGNORE INTO entity_names(name, kind, member_of) VALUES (?, ?, ?)", rows
    )


def documents_after(conn: sqlite3.Connection, rowid: int, limit: int) -> list[tuple]:
    """(rowid, id, text, lang, date, speaker, outlet, series, party) of up to ``limit``
    documents after ``rowid``, in rowid order."""
    return conn.execute(
        "SELECT rowid, id, text, lang, date, speaker, outlet, series, "
        "CASE WHEN meta IS NULL THEN NULL ELSE json_extract(meta, '$.party') END "
        "FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?",
        (rowid, limit),
    ).fetchall()


def metadata_after(conn: sqlite3.Connection, rowid: int) -> sqlite3.Cursor:
    """(speaker, outlet, series, party) of the documents after ``rowid``: the texts, stored
    last in a row, are not read."""
    return conn.execute(
        "SELECT speaker, outlet, series, "
        "CASE WHEN meta IS NULL THEN NULL ELSE json_extract(meta, '$.party') END "
        "FROM documents WHERE rowid > ?",
        (rowid,),
    )


def clear_accusations(conn: sqlite3.Connection) -> None:
    conn.execute("DELETE FROM accusations")


def add_accusations(
    conn: sqlite3.Connection, rows: Iterable[tuple[int, str | None, Accusation]]
) -> int:
    """Insert ``(doc_rowid, date, accusation)`` rows; how many."""
    values = [
        (a.doc, rowid, date, *(getattr(a, f) for f in ACCUSATION_FIELDS[1:]))
        for rowid, date, a in rows
    ]
    marks = ", ".join("?" * len(_STORED))
    conn.executemany(f"INSERT INTO accusations({_COLUMNS}) VALUES ({marks})", values)
    return len(values)


def response_inputs(conn: sqlite3.Connection) -> list[tuple[str, str | None, str, str]]:
    """(doc, date, accuser, target) of every accusation, by date."""
    return conn.execute(
        "SELECT doc, date, accuser, target FROM accusations "
        "WHERE date IS NOT NULL ORDER BY date, doc_rowid, start"
    ).fetchall()


def replace_responses(conn: sqlite3.Connection, responses: Sequence[Response]) -> None:
    conn.execute("DELETE FROM responses")
    conn.executemany(
        "INSERT INTO responses(doc, answers, accuser, target, lag_hours) VALUES (?, ?, ?, ?, ?)",
        [(r.doc, r.answers, r.accuser, r.target, r.lag_hours) for r in responses],
    )


def count_accusations(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM accusations").fetchone()[0])


def count_responses(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM responses").fetchone()[0])


# -- readers ---------------------------------------------------------------------------------
# the talking point an accusation's sentence lies in, if any: a point member of its document
# overlapping the sentence (the first by point id, so an export is stable)
_POINT_OF = (
    '(SELECT m.point FROM point_members m WHERE m.doc = a.doc AND m.start < a."end" '
    'AND m."end" > a.start ORDER BY m.point LIMIT 1)'
)


def dicts(cur: sqlite3.Cursor) -> list[dict[str, Any]]:
    """A query's rows as dicts by column name."""
    names = [c[0] for c in cur.description]
    return [dict(zip(names, row, strict=True)) for row in cur]


def accusation_filters(
    *,
    target: str | None = None,
    accuser: str | None = None,
    doc: str | None = None,
    point: str | None = None,
) -> tuple[list[str], list[Any]]:
    """The WHERE terms and arguments that pick accusations (``a``) by target, accuser,
    document or talking point; they combine. A point's accusations are those whose sentence
    overlaps one of its member passages, its documents tested first so that the doc index
    narrows the accusations read."""
    where, args = [], []
    for column, value in (("target", target), ("accuser", accuser), ("doc", doc)):
        if value is not None:
            where.append(f"a.{column} = ?")
            args.append(value)
    if point is not None:
        where.append(
            "a.doc IN (SELECT doc FROM point_members WHERE point = ?) AND "
            "EXISTS (SELECT 1 FROM point_members m WHERE m.point = ? AND m.doc = a.doc "
            'AND m.start < a."end" AND m."end" > a.start)'
        )
        args += [point, point]
    return where, args


def accusations(
    conn: sqlite3.Connection,
    *,
    target: str | None = None,
    accuser: str | None = None,
    doc: str | None = None,
    point: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Accusations with their talking point, evidence sentence and date: by date, then
    document and place. Filters combine."""
    where, args = accusation_filters(target=target, accuser=accuser, doc=doc, point=point)
    sql = (
        f"SELECT {_READ}, a.date, {_POINT_OF} AS point, "
        'substr(d.text, a.start + 1, a."end" - a.start) AS sentence, '
        "d.speaker AS speaker, d.outlet AS outlet, d.series AS series "
        "FROM accusations a JOIN documents d ON d.id = a.doc"
    )
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY a.date IS NULL, a.date, a.doc_rowid, a.start, a.id"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    cur = conn.execute(sql, args)
    return dicts(cur)


def iter_accusations(conn: sqlite3.Connection, batch: int = 5000) -> Iterable[dict[str, Any]]:
    """Every accusation, as :func:`accusations` gives them, a batch at a time."""
    offset = 0
    while True:
        rows = accusations(conn, limit=batch, offset=offset)
        if not rows:
            return
        yield from rows
        offset += len(rows)


_EDGE_SELECT = (
    "SELECT accuser, target, count(*) AS count, count(DISTINCT doc) AS docs, "
    "min(date) AS first_date, max(date) AS last_date FROM accusations"
)


def target_edges(conn: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """Accuser -> target edges with counts and first and last date, most accusations first."""
    sql = f"{_EDGE_SELECT} GROUP BY accuser, target ORDER BY count DESC, accuser, target"
    args: list[Any] = []
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    cur = conn.execute(sql, args)
    return dicts(cur)


def edge_points(conn: sqlite3.Connection) -> dict[tuple[str, str], list[str]]:
    """The talking points each accuser -> target edge is carried by."""
    out: dict[tuple[str, str], list[str]] = {}
    sql = (
        "SELECT DISTINCT a.accuser, a.target, m.point FROM accusations a "
        'JOIN point_members m ON m.doc = a.doc AND m.start < a."end" AND m."end" > a.start '
        "ORDER BY a.accuser, a.target, m.point"
    )
    for accuser, target, point in conn.execute(sql):
        out.setdefault((accuser, target), []).append(point)
    return out


def targets_ranked(
    conn: sqlite3.Connection, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Targets by how often they are accused: accusations, accusers, documents, first and
    last date."""
    sql = (
        "SELECT target, count(*) AS count, count(DISTINCT accuser) AS accusers, "
        "count(DISTINCT doc) AS docs, min(date) AS first_date, max(date) AS last_date "
        "FROM accusations GROUP BY target ORDER BY count DESC, target"
    )
    args: list[Any] = []
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    cur = conn.execute(sql, args)
    return dicts(cur)


def count_targets(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(DISTINCT target) FROM accusations").fetchone()[0])


def target_names_like(conn: sqlite3.Connection, key: str, limit: int = 10) -> list[str]:
    """Stored target and accuser names containing ``key`` (case-insensitive)."""
    pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM (SELECT target AS name FROM accusations UNION "
            "SELECT accuser FROM accusations) WHERE name LIKE ? ESCAPE '\\' "
            "ORDER BY name LIMIT ?",
            (pattern, limit),
        )
    ]


def has_name(conn: sqlite3.Connection, name: str) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM accusations WHERE target = ? OR accuser = ? LIMIT 1", (name, name)
        ).fetchone()
        is not None
    )


def accusers_of(conn: sqlite3.Connection, target: str) -> list[dict[str, Any]]:
    """Who accuses ``target``: per accuser, how often, first and last date."""
    cur = conn.execute(
        f"{_EDGE_SELECT} WHERE target = ? GROUP BY accuser ORDER BY count DESC, accuser",
        (target,),
    )
    return dicts(cur)


def targets_of(conn: sqlite3.Connection, accuser: str) -> list[dict[str, Any]]:
    """Whom ``accuser`` accuses: per target, how often, first and last date."""
    cur = conn.execute(
        f"{_EDGE_SELECT} WHERE accuser = ? GROUP BY target ORDER BY count DESC, target",
        (accuser,),
    )
    return dicts(cur)


def points_of_target(conn: sqlite3.Connection, target: str) -> list[dict[str, Any]]:
    """The talking points carrying accusations of ``target``, with how many."""
    cur = conn.execute(
        "SELECT m.point AS point, count(DISTINCT a.id) AS count, p.text AS text "
        'FROM accusations a JOIN point_members m ON m.doc = a.doc AND m.start < a."end" '
        'AND m."end" > a.start JOIN points p ON p.id = m.point WHERE a.target = ? '
        "GROUP BY m.point ORDER BY count DESC, m.point",
        (target,),
    )
    return dicts(cur)


def responses(
    conn: sqlite3.Connection, *, doc: str | None = None, limit: int | None = None, offset: int = 0
) -> list[dict[str, Any]]:
    """Responses (``doc`` answers ``answers``), with both documents' dates; with ``doc``,
    those where it answers or is answered."""
    sql = (
        "SELECT r.doc, r.answers, r.accuser, r.target, r.lag_hours, d.date AS date, "
        "e.date AS answers_date FROM responses r JOIN documents d ON d.id = r.doc "
        "JOIN documents e ON e.id = r.answers"
    )
    args: list[Any] = []
    if doc is not None:
        sql += " WHERE r.doc = ? OR r.answers = ?"
        args += [doc, doc]
    sql += " ORDER BY d.date, r.doc, r.answers"
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        args += [limit, offset]
    cur = conn.execute(sql, args)
    return dicts(cur)


def readable_without_targets(conn: sqlite3.Connection) -> None:
    """Let a store of a layout before the targets stage, read as it is, read as one with no
    accusations yet: empty stand-ins of the targets tables in the connection's own
    temporary schema (the store's file is not touched, so read-only media still work)."""
    if has_targets_tables(conn):
        return
    from echoscope.store.migrations import TARGETS_LAYOUT

    for statement in TARGETS_LAYOUT:
        if statement.startswith("CREATE TABLE"):
            temp = statement.replace("CREATE TABLE", "CREATE TEMP TABLE", 1)
            conn.execute(re.sub(r"\s*REFERENCES \w+\(\w+\)", "", temp))


def require_tables(conn: sqlite3.Connection, path: object) -> None:
    """Refuse, in one line saying what to run, a store of a layout before the targets stage
    (read-only commands read such a store as it is)."""
    if not has_targets_tables(conn):
        raise EchoscopeError(
            f"{path}: this store was written before echoscope read accusations: run "
            f"'echoscope migrate --db {path}' and then 'echoscope detect --db {path}'"
        )


def has_targets_tables(conn: sqlite3.Connection) -> bool:
    return (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'accusations'"
        ).fetchone()
        is not None
    )


# -- readers of the commands and exports -----------------------------------------------------


class Snapshot:
    """One read transaction around several reads, so a command or an export that pages
    through the tables sees one state even while a detect run commits (WAL keeps it)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.began = False

    def __enter__(self) -> sqlite3.Connection:
        if not self.conn.in_transaction:  # a caller's transaction already holds one state
            self.conn.execute("BEGIN")
            self.began = True
        return self.conn

    def __exit__(self, *exc: object) -> None:
        if self.began:
            self.conn.rollback()


def stage_has_run(conn: sqlite3.Connection) -> bool:
    """Whether a detect run has read the documents for accusations."""
    return state(conn) is not None


def count_accusers(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(DISTINCT accuser) FROM accusations").fetchone()[0])


def count_target_edges(conn: sqlite3.Connection) -> int:
    return int(
        conn.execute(
            "SELECT count(*) FROM (SELECT 1 FROM accusations GROUP BY accuser, target)"
        ).fetchone()[0]
    )


def target_totals(conn: sqlite3.Connection) -> dict[str, int]:
    """The counts the ``targets`` header line gives."""
    return {
        "accusations": count_accusations(conn),
        "targets": count_targets(conn),
        "accusers": count_accusers(conn),
        "edges": count_target_edges(conn),
        "responses": count_responses(conn),
    }


def accusation_names(conn: sqlite3.Connection) -> list[str]:
    """Every stored accuser and target name, sorted."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT target FROM accusations UNION SELECT accuser FROM accusations ORDER BY 1"
        )
    ]


def responses_of_name(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """Responses that answer, or are, a document in which ``name`` is accused or accuses;
    with both documents' dates, by date."""
    cur = conn.execute(
        "WITH docs(id) AS (SELECT doc FROM accusations WHERE target = ?1 UNION "
        "SELECT doc FROM accusations WHERE accuser = ?1) "
        "SELECT r.doc, r.answers, r.accuser, r.target, r.lag_hours, d.date AS date, "
        "e.date AS answers_date FROM responses r JOIN documents d ON d.id = r.doc "
        "JOIN documents e ON e.id = r.answers "
        "WHERE r.doc IN (SELECT id FROM docs) OR r.answers IN (SELECT id FROM docs) "
        "ORDER BY d.date, r.doc, r.answers",
        (name,),
    )
    return dicts(cur)


def _batches(cur: sqlite3.Cursor, batch: int) -> Iterable[dict[str, Any]]:
    names = [c[0] for c in cur.description]
    while rows := cur.fetchmany(batch):
        for row in rows:
            yield dict(zip(names, row, strict=True))


def stream_accusations(conn: sqlite3.Connection, batch: int = 5000) -> Iterable[dict[str, Any]]:
    """Every accusation, as :func:`accusations` gives them and in its order, from one query
    fetched a batch at a time: sorted once, where pages by OFFSET would sort the table again
    for each page (an export of a large store)."""
    cur = conn.execute(
        f"SELECT {_READ}, a.date, {_POINT_OF} AS point, "
        'substr(d.text, a.start + 1, a."end" - a.start) AS sentence, '
        "d.speaker AS speaker, d.outlet AS outlet, d.series AS series "
        "FROM accusations a JOIN documents d ON d.id = a.doc "
        "ORDER BY a.date IS NULL, a.date, a.doc_rowid, a.start, a.id"
    )
    yield from _batches(cur, batch)


def iter_responses(conn: sqlite3.Connection, batch: int = 5000) -> Iterable[dict[str, Any]]:
    """Every response, as :func:`responses` gives them and in its order, a batch at a time."""
    cur = conn.execute(
        "SELECT r.doc, r.answers, r.accuser, r.target, r.lag_hours, d.date AS date, "
        "e.date AS answers_date FROM responses r JOIN documents d ON d.id = r.doc "
        "JOIN documents e ON e.id = r.answers ORDER BY d.date, r.doc, r.answers"
    )
    yield from _batches(cur, batch)


def entity_attributes(conn: sqlite3.Connection) -> dict[str, tuple[str, str]]:
    """(kind, party) of each name the entity list knows: the user's alias rows first (the
    first row that gives a kind or party wins, as in the stage's list), then the names the
    metadata gave."""
    out: dict[str, list[str]] = {}
    rows = [*aliases(conn), *((n, "", k, m) for n, k, m in metadata_names(conn))]
    for entity, _alias, kind, member_of in rows:
        attrs = out.setdefault(" ".join(entity.split()), ["", ""])
        attrs[0] = attrs[0] or kind
        attrs[1] = attrs[1] or " ".join(member_of.split())
    return {name: (kind, party) for name, (kind, party) in out.items()}


def name_summary(conn: sqlite3.Connection, name: str, *, role: str) -> dict[str, Any]:
    """How often ``name`` is accused (``role`` "target": by how many accusers) or accuses
    (``role`` "accuser": how many targets), in how many documents, first and last date."""
    if role not in ("target", "accuser"):
        raise ValueError(f"role must be target or accuser, not {role!r}")
    other = "accuser" if role == "target" else "target"
    cur = conn.execute(
        f"SELECT count(*) AS count, count(DISTINCT {other}) AS {other}s, "
        "count(DISTINCT doc) AS docs, min(date) AS first_date, max(date) AS last_date "
        f"FROM accusations WHERE {role} = ?",
        (name,),
    )
    names = [c[0] for c in cur.description]
    return dict(zip(names, cur.fetchone(), strict=True))
