"""The viewer's read queries over the targets stage's tables, beyond those of
:mod:`echoscope.store.target_rows`: counts for pagination, every name for the static report,
an entity's own record, the charges against it and the responses it takes part in."""

from __future__ import annotations

import sqlite3
from typing import Any

from echoscope.store.target_rows import accusation_filters, dicts


def _value(conn: sqlite3.Connection, sql: str, args: tuple[Any, ...] = ()) -> int:
    return int(conn.execute(sql, args).fetchone()[0])


def count_accusations(
    conn: sqlite3.Connection,
    *,
    target: str | None = None,
    accuser: str | None = None,
    doc: str | None = None,
    point: str | None = None,
) -> int:
    """How many accusations :func:`echoscope.store.target_rows.accusations` lists with the
    same filters (they combine)."""
    where, args = accusation_filters(target=target, accuser=accuser, doc=doc, point=point)
    sql = "SELECT count(*) FROM accusations a"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return _value(conn, sql, tuple(args))


def count_edges(conn: sqlite3.Connection) -> int:
    """How many distinct accuser -> target edges there are."""
    return _value(conn, "SELECT count(*) FROM (SELECT 1 FROM accusations GROUP BY accuser, target)")


def names(conn: sqlite3.Connection) -> list[str]:
    """Every name that accuses or is accused, alphabetically (a page each in the report)."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT target FROM accusations UNION SELECT accuser FROM accusations ORDER BY 1"
        )
    ]


def edge_point_ids(conn: sqlite3.Connection, accuser: str, target: str) -> list[str]:
    """The talking points carrying the accusations of ``target`` by ``accuser``."""
    return [
        r[0]
        for r in conn.execute(
            "SELECT DISTINCT m.point FROM accusations a JOIN point_members m ON m.doc = a.doc "
            'AND m.start < a."end" AND m."end" > a.start '
            "WHERE a.target = ? AND a.accuser = ? ORDER BY m.point",
            (target, accuser),
        )
    ]


def charges_against(conn: sqlite3.Connection, target: str, limit: int) -> list[dict[str, Any]]:
    """What ``target`` is accused of: per charge ("" where none was named), how often, by how
    many accusers, first and last date; the most frequent first."""
    return dicts(
        conn.execute(
            "SELECT charge, count(*) AS count, count(DISTINCT accuser) AS accusers, "
            "min(date) AS first_date, max(date) AS last_date FROM accusations "
            "WHERE target = ? GROUP BY charge ORDER BY count DESC, charge LIMIT ?",
            (target, limit),
        )
    )


def count_charges_against(conn: sqlite3.Connection, target: str) -> int:
    return _value(
        conn, "SELECT count(DISTINCT charge) FROM accusations WHERE target = ?", (target,)
    )


def entity_record(conn: sqlite3.Connection, name: str) -> dict[str, list[str]]:
    """What the entity list says of ``name``: its kinds, the parties it belongs to, the
    aliases a user gave it, and the entities that belong to it (each list sorted, no blanks)."""

    def column(sql: str) -> list[str]:
        return sorted({r[0] for r in conn.execute(sql, (name,) * sql.count("?")) if r[0]})

    return {
        "kinds": column(
            "SELECT kind FROM entity_aliases WHERE entity = ? "
            "UNION SELECT kind FROM entity_names WHERE name = ?"
        ),
        "member_of": column(
            "SELECT member_of FROM entity_aliases WHERE entity = ? "
            "UNION SELECT member_of FROM entity_names WHERE name = ?"
        ),
        "aliases": [
            a for a in column("SELECT alias FROM entity_aliases WHERE entity = ?") if a != name
        ],
        "members": column(
            "SELECT entity FROM entity_aliases WHERE member_of = ? "
            "UNION SELECT name FROM entity_names WHERE member_of = ?"
        ),
    }


_RESPONSES = (
    "SELECT r.doc, r.answers, r.accuser, r.target, r.lag_hours, d.date AS date, "
    "e.date AS answers_date FROM responses r JOIN documents d ON d.id = r.doc "
    "JOIN documents e ON e.id = r.answers WHERE r.accuser = ? OR r.target = ?"
)


def responses_involving(
    conn: sqlite3.Connection, name: str, limit: int, offset: int = 0
) -> list[dict[str, Any]]:
    """Responses in which ``name`` answers or is answered (as the answering document's
    accuser, or as the accuser it accuses in turn), by the answering document's date."""
    return dicts(
        conn.execute(
            f"{_RESPONSES} ORDER BY d.date, r.doc, r.answers LIMIT ? OFFSET ?",
            (name, name, limit, offset),
        )
    )


def count_responses_involving(conn: sqlite3.Connection, name: str) -> int:
    return _value(
        conn, "SELECT count(*) FROM responses WHERE accuser = ? OR target = ?", (name, name)
    )


def target_summary(conn: sqlite3.Connection, target: str) -> dict[str, Any]:
    """How often ``target`` is accused, by how many accusers, in how many documents, and the
    first and last date."""
    return dicts(
        conn.execute(
            "SELECT count(*) AS count, count(DISTINCT accuser) AS accusers, "
            "count(DISTINCT doc) AS docs, min(date) AS first_date, max(date) AS last_date "
            "FROM accusations WHERE target = ?",
            (target,),
        )
    )[0]
