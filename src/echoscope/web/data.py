"""What the viewer shows, read from the store: plain dicts and lists, JSON-ready.

The HTML pages, the JSON API and the static report all call these functions, so the three
can never disagree. Every function takes a read-only connection (see :func:`connect`).
"""

from __future__ import annotations

import itertools
import json
import math
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from echoscope.errors import EchoscopeError
from echoscope.points.filters import POINT_SORTS, fts_query, point_filters
from echoscope.store.lock import WriterLock
from echoscope.store.sqlite import connect_readonly, index_documents, search_indexed
from echoscope.web.alignview import side_by_side

PER_PAGE = 50
SORTS = POINT_SORTS
ACTOR_KINDS = ("speaker", "outlet")
TIMELINE_CAP = 3000  # occurrences drawn on one point's timeline (the member table has them all)
CONTEXT_CHARS = 160  # text shown either side of an aligned passage
EDGE_CAP = 100  # who-echoes-whom rows on an actor's page (the strongest; the export has all)


class NotFound(EchoscopeError):
    """The page's subject (point, document, passage, speaker) is not in the store."""


def connect(db: str | Path) -> sqlite3.Connection:
    """A read-only connection: the viewer can never change the store."""
    path = Path(db)
    if not path.exists():
        raise EchoscopeError(f"{path}: no such database (run 'echoscope ingest' first)")
    conn = connect_readonly(path, check_same_thread=False)
    conn.execute("PRAGMA query_only = ON")
    # pages jump around a large file: map it and keep more of it in memory
    conn.execute("PRAGMA mmap_size = 1073741824")
    conn.execute("PRAGMA cache_size = -65536")
    conn.row_factory = sqlite3.Row
    return conn


def index_for_search(db: str | Path) -> int:
    """Index the documents added since the last time for full-text search: the one write the
    viewer makes (``documents_fts`` and one ``meta`` row, nothing else), on a connection of its
    own, before it opens the store read-only. A store the viewer may not write is served as it
    is (search then says documents are not indexed). Returns how many documents were indexed."""
    path = Path(db)
    if not path.exists():
        raise EchoscopeError(f"{path}: no such database (run 'echoscope ingest' first)")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK | os.X_OK):
        return 0  # read-only media or another account's store: served as it is
    try:
        lock = WriterLock(path)
        lock.acquire()
    except EchoscopeError:  # another echoscope is writing: index next time
        return 0
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30)
        try:
            return index_documents(conn)
        finally:
            conn.close()
    except sqlite3.OperationalError as e:
        if "readonly" in str(e) or "read-only" in str(e) or "unable to open" in str(e):
            return 0
        raise EchoscopeError(f"{path}: cannot update the search index: {e}") from e
    finally:
        lock.release()


def _pages(total: int, page: int, per_page: int) -> dict[str, int]:
    pages = max(1, math.ceil(total / per_page))
    return {"page": min(max(page, 1), pages), "pages": pages, "per_page": per_page, "total": total}


def _offset(pg: dict[str, int]) -> int:
    return (pg["page"] - 1) * pg["per_page"]


def _point_row(r: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": r["id"],
        "docs": r["docs"],
        "speakers": r["speakers"],
        "outlets": r["outlets"],
        "first_date": r["first_date"],
        "last_date": r["last_date"],
        "bursts": r["bursts"],
        "length": r["length"],
        "text": r["text"],
    }


POINT_COLUMNS = (
    "p.id, p.docs, p.speakers, p.outlets, p.first_date, p.last_date, p.bursts, p.length, p.text"
)


# -- overview ------------------------------------------------------------------------------------
def overview(conn: sqlite3.Connection, top: int = 10) -> dict[str, Any]:
    """Corpus counts, the most widely repeated talking points, activity per day."""
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    counts = {
        "documents": one("SELECT count(*) FROM documents"),
        "passages": one("SELECT count(*) FROM passages"),
        "points": one("SELECT count(*) FROM points"),
        "speakers": one("SELECT count(DISTINCT speaker) FROM documents"),
        "outlets": one("SELECT count(DISTINCT outlet) FROM documents"),
        "bursts": one("SELECT count(*) FROM bursts"),
    }
    run = conn.execute("SELECT id, finished, mode FROM runs ORDER BY id DESC LIMIT 1").fetchone()
    docs_per_day = dict(
        conn.execute(
            "SELECT substr(date, 1, 10) d, count(*) FROM documents "
            "WHERE date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' GROUP BY d"
        ).fetchall()
    )
    echoes_per_day = dict(
        conn.execute(
            "SELECT substr(date, 1, 10) d, count(DISTINCT doc) FROM point_members "
            "WHERE role = 'repeat' AND date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' "
            "GROUP BY d"
        ).fetchall()
    )
    activity = [
        {"day": d, "docs": docs_per_day.get(d, 0), "echoes": echoes_per_day.get(d, 0)}
        for d in sorted(set(docs_per_day) | set(echoes_per_day))
    ]
    return {
        "counts": counts,
        "last_run": dict(run) if run else None,
        "top_points": points_page(conn, per_page=top)["items"],
        "activity": activity,
    }


# -- talking points ------------------------------------------------------------------------------
def points_page(
    conn: sqlite3.Connection,
    *,
    sort: str = "spread",
    page: int = 1,
    per_page: int = PER_PAGE,
    speaker: str | None = None,
    outlet: str | None = None,
    q: str | None = None,
) -> dict[str, Any]:
    """One page of talking points, filtered and sorted."""
    if sort not in SORTS:
        raise EchoscopeError(f"sort must be one of {', '.join(SORTS)}, not {sort!r}")
    clause, args = point_filters(speaker=speaker, outlet=outlet, match=fts_query(q) if q else None)
    total = conn.execute(f"SELECT count(*) FROM points p{clause}", args).fetchone()[0]
    pg = _pages(total, page, per_page)
    rows = conn.execute(
        f"SELECT {POINT_COLUMNS} FROM points p{clause} ORDER BY {SORTS[sort]} LIMIT ? OFFSET ?",
        (*args, per_page, _offset(pg)),
    ).fetchall()
    return {
        **pg,
        "sort": sort,
        "filters": {"speaker": speaker, "outlet": outlet, "q": q},
        "items": [_point_row(r) for r in rows],
    }


def _passage_between(
    conn: sqlite3.Connection, doc: str, start: int, end: int, other: str, other_start: int
) -> int | None:
    """The stored passage aligning ``doc[start:end]`` with ``other`` near ``other_start``."""
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


def point(
    conn: sqlite3.Connection,
    point_id: str,
    *,
    page: int = 1,
    per_page: int = PER_PAGE,
    color: str = "speaker",
) -> dict[str, Any]:
    """One talking point: its text, timeline, members (a page of them), source and bursts."""
    if color not in ACTOR_KINDS:
        raise EchoscopeError(f"color must be speaker or outlet, not {color!r}")
    row = conn.execute(
        f"SELECT {POINT_COLUMNS}, p.rep_doc, p.rep_start, p.rep_end FROM points p WHERE p.id = ?",
        (point_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"no talking point {point_id!r}")
    info = _point_row(row)
    info["representative"] = {
        "doc": row["rep_doc"],
        "start": row["rep_start"],
        "end": row["rep_end"],
    }
    order = "ORDER BY m.date IS NULL, m.date, m.doc, m.start"
    pg = _pages(_count_members(conn, point_id), page, per_page)
    members = [
        dict(r)
        for r in conn.execute(
            'SELECT m.doc, m.start, m."end", m.date, m.speaker, m.outlet, m.role, m.source_doc, '
            "m.source_start, m.lag_hours, m.source_lag_hours, m.degree, d.title, "
            'substr(d.text, m.start + 1, min(m."end" - m.start, 300)) AS excerpt '
            f"FROM point_members m JOIN documents d ON d.id = m.doc WHERE m.point = ? {order} "
            "LIMIT ? OFFSET ?",
            (point_id, per_page, _offset(pg)),
        )
    ]
    for m in members:
        m["pair"] = (
            _passage_between(
                conn, m["doc"], m["start"], m["end"], m["source_doc"], m["source_start"]
            )
            if m["source_doc"]
            else None
        )
    timeline = [
        {
            "t": r[0],
            "group": r[1] or "(unknown)",
            "doc": r[2],
            "start": r[3],
            "role": r[4],
            "speaker": r[5],
            "outlet": r[6],
        }
        for r in conn.execute(
            f"SELECT date, {color}, doc, start, role, speaker, outlet FROM point_members m "
            f"WHERE point = ? {order} LIMIT ?",
            (point_id, TIMELINE_CAP),
        )
    ]
    first = conn.execute(
        'SELECT m.doc, m.start, m."end", m.date, m.speaker, m.outlet, d.title '
        "FROM point_members m JOIN documents d ON d.id = m.doc "
        f"WHERE m.point = ? AND m.role = 'first' {order} LIMIT 1",
        (point_id,),
    ).fetchone()
    bursts = [
        {
            "by": r[0],
            "start": r[1],
            "end": r[2],
            "hours": r[3],
            "actors": json.loads(r[4]),
            "docs": json.loads(r[5]),
        }
        for r in conn.execute(
            "SELECT by, start_date, end_date, hours, actors, docs FROM bursts WHERE point = ? "
            "ORDER BY start_date",
            (point_id,),
        )
    ]
    return {
        **info,
        "color_by": color,
        "first": dict(first) if first else None,
        "bursts": bursts,
        "timeline": timeline,
        "members": {**pg, "items": members},
    }


def _count_members(conn: sqlite3.Connection, point_id: str) -> int:
    return conn.execute(
        "SELECT count(*) FROM point_members WHERE point = ?", (point_id,)
    ).fetchone()[0]


# -- one aligned pair ----------------------------------------------------------------------------
def _doc_meta(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any]:
    row = conn.execute(
        "SELECT id, series, date, speaker, outlet, title, url, lang, chars FROM documents "
        "WHERE id = ?",
        (doc_id,),
    ).fetchone()
    if row is None:
        raise NotFound(f"no document {doc_id!r}")
    return dict(row)


def _points_at(conn: sqlite3.Connection, doc: str, start: int, end: int) -> list[str]:
    return [
        r[0]
        for r in conn.execute(
            'SELECT DISTINCT point FROM point_members WHERE doc = ? AND start < ? AND "end" > ? '
            "ORDER BY point",
            (doc, end, start),
        )
    ]


def pair(conn: sqlite3.Connection, passage_id: int) -> dict[str, Any]:
    """A stored passage pair, both sides split into aligned tokens for side-by-side display."""
    row = conn.execute("SELECT * FROM passages WHERE id = ?", (passage_id,)).fetchone()
    if row is None:
        raise NotFound(f"no passage {passage_id}")
    p = dict(row)
    texts = dict(
        conn.execute("SELECT id, text FROM documents WHERE id IN (?, ?)", (p["doc_a"], p["doc_b"]))
    )
    sides = []
    for side in ("a", "b"):
        doc, s, e = p[f"doc_{side}"], p[f"start_{side}"], p[f"end_{side}"]
        text = texts[doc]
        sides.append(
            {
                "doc": _doc_meta(conn, doc),
                "start": s,
                "end": e,
                "before": text[max(0, s - CONTEXT_CHARS) : s],
                "after": text[e : e + CONTEXT_CHARS],
                "points": _points_at(conn, doc, s, e),
            }
        )
    seg_a, seg_b = side_by_side(
        texts[p["doc_a"]][p["start_a"] : p["end_a"]],
        texts[p["doc_b"]][p["start_b"] : p["end_b"]],
        p["ops"],
        p["kind"],
    )
    sides[0]["segments"], sides[1]["segments"] = seg_a, seg_b
    keep = ("id", "tokens_a", "tokens_b", "score", "identity", "kind", "ops", "run_id")
    p.setdefault("similarity", None)  # a store written before paraphrase matching
    keep += ("similarity",)
    return {**{k: p[k] for k in keep}, "a": sides[0], "b": sides[1]}


# -- one document --------------------------------------------------------------------------------
def document(
    conn: sqlite3.Connection, doc_id: str, *, page: int = 1, per_page: int = PER_PAGE
) -> dict[str, Any]:
    """A document's text cut into plain and echoed stretches, each echo linked to its points,
    and (a page of) the passages it shares with other documents."""
    meta = _doc_meta(conn, doc_id)
    text = conn.execute("SELECT text FROM documents WHERE id = ?", (doc_id,)).fetchone()[0]
    spans = conn.execute(
        'SELECT start, "end", point, role FROM point_members WHERE doc = ? ORDER BY start',
        (doc_id,),
    ).fetchall()
    total = conn.execute(
        "SELECT (SELECT count(*) FROM passages WHERE doc_a = ?) + "
        "(SELECT count(*) FROM passages WHERE doc_b = ?)",
        (doc_id, doc_id),
    ).fetchone()[0]
    pg = _pages(total, page, per_page)
    passages = [
        dict(r)
        for r in conn.execute(
            'SELECT id, doc_b AS other, start_a AS start, end_a AS "end", start_b AS other_start,'
            " end_b AS other_end, identity, kind FROM passages WHERE doc_a = ?"
            " UNION ALL "
            "SELECT id, doc_a, start_b, end_b, start_a, end_a, identity, kind FROM passages "
            "WHERE doc_b = ? ORDER BY start, other, id LIMIT ? OFFSET ?",
            (doc_id, doc_id, per_page, _offset(pg)),
        )
    ]
    others = {p["other"] for p in passages}
    labels = (
        {
            r[0]: {"speaker": r[1], "outlet": r[2], "date": r[3]}
            for r in conn.execute(
                f"SELECT id, speaker, outlet, date FROM documents WHERE id IN "
                f"({','.join('?' * len(others))})",
                tuple(others),
            )
        }
        if others
        else {}
    )
    for p in passages:
        p.update(labels.get(p["other"], {}))
    # every passage start gets an anchor (#at-N), also where no talking point begins
    starts = [
        r[0]
        for r in conn.execute(
            "SELECT start_a FROM passages WHERE doc_a = ? UNION SELECT start_b FROM passages "
            "WHERE doc_b = ?",
            (doc_id, doc_id),
        )
    ]
    return {
        **meta,
        "segments": highlight(text, spans, starts),
        "passages": {**pg, "items": passages},
    }


def highlight(
    text: str, spans: list[tuple[int, int, str, str]], anchors: Iterable[int] = ()
) -> list[dict[str, Any]]:
    """Cut ``text`` at every span boundary (and at ``anchors``): [{text, start, points: [...]}]
    in order, where ``points`` lists the talking points whose occurrence covers that stretch."""
    points = {0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans), *anchors}
    cuts = sorted(c for c in points if 0 <= c <= len(text))
    out = []
    for lo, hi in itertools.pairwise(cuts):
        if hi <= lo:
            continue
        covering = sorted({pt for s, e, pt, _ in spans if s <= lo and e >= hi})
        out.append({"text": text[lo:hi], "start": lo, "points": covering})
    return out


# -- speakers and outlets ------------------------------------------------------------------------
def actors_page(
    conn: sqlite3.Connection, *, by: str = "speaker", page: int = 1, per_page: int = PER_PAGE
) -> dict[str, Any]:
    """Speakers (or outlets) ranked by how many talking points they use."""
    if by not in ACTOR_KINDS:
        raise EchoscopeError(f"by must be speaker or outlet, not {by!r}")
    total = conn.execute(
        f"SELECT count(DISTINCT {by}) FROM documents WHERE {by} IS NOT NULL"
    ).fetchone()[0]
    pg = _pages(total, page, per_page)
    rows = conn.execute(
        f"SELECT d.{by} AS name, count(*) AS docs, "
        f"(SELECT count(DISTINCT point) FROM point_members m WHERE m.{by} = d.{by}) AS points, "
        f"(SELECT count(DISTINCT point) FROM point_members m WHERE m.{by} = d.{by} "
        f" AND m.role = 'first') AS first "
        f"FROM documents d WHERE d.{by} IS NOT NULL GROUP BY d.{by} "
        f"ORDER BY points DESC, docs DESC, name LIMIT ? OFFSET ?",
        (per_page, _offset(pg)),
    ).fetchall()
    return {**pg, "by": by, "items": [dict(r) for r in rows]}


def actor(
    conn: sqlite3.Connection,
    name: str,
    *,
    by: str = "speaker",
    page: int = 1,
    per_page: int = PER_PAGE,
) -> dict[str, Any]:
    """What a speaker (or outlet) repeats, from whom, who repeats them, and their ego network."""
    if by not in ACTOR_KINDS:
        raise EchoscopeError(f"by must be speaker or outlet, not {by!r}")
    docs = conn.execute(f"SELECT count(*) FROM documents WHERE {by} = ?", (name,)).fetchone()[0]
    if not docs:
        raise NotFound(f"no {by} {name!r}")
    total = conn.execute(
        f"SELECT count(DISTINCT point) FROM point_members WHERE {by} = ?", (name,)
    ).fetchone()[0]
    pg = _pages(total, page, per_page)
    uses = [
        dict(r)
        for r in conn.execute(
            f"SELECT {POINT_COLUMNS}, min(m.date) AS used_on, "
            "max(m.role = 'first') AS said_first, count(*) AS times "
            f"FROM point_members m JOIN points p ON p.id = m.point WHERE m.{by} = ? "
            "GROUP BY p.id ORDER BY said_first DESC, p.speakers DESC, p.id LIMIT ? OFFSET ?",
            (name, per_page, _offset(pg)),
        )
    ]
    edge_cols = "source, target, count, points, median_lag_hours, first_date, last_date"

    def edges(side: str, other: str) -> dict[str, Any]:
        """The strongest EDGE_CAP edges where the actor is ``side``, and how many there are."""
        where = f"FROM actor_edges WHERE kind = ? AND {side} = ?"
        total = conn.execute(f"SELECT count(*) {where}", (by, name)).fetchone()[0]
        rows = conn.execute(
            f"SELECT {edge_cols} {where} ORDER BY count DESC, {other} LIMIT ?",
            (by, name, EDGE_CAP),
        )
        return {"total": total, "items": [dict(r) for r in rows]}

    from_whom, repeated_by = edges("target", "source"), edges("source", "target")
    return {
        "name": name,
        "by": by,
        "documents": docs,
        "points": {**pg, "items": uses},
        "from_whom": from_whom,
        "repeated_by": repeated_by,
        "network": ego_network(conn, name, by),
    }


def ego_network(conn: sqlite3.Connection, name: str, by: str, limit: int = 40) -> dict[str, Any]:
    """The actor, the strongest neighbours it echoes or is echoed by, and the edges among them."""
    neighbours = [
        r[0]
        for r in conn.execute(
            "SELECT other FROM (SELECT target AS other, count FROM actor_edges "
            "WHERE kind = ? AND source = ? UNION ALL SELECT source, count FROM actor_edges "
            "WHERE kind = ? AND target = ?) GROUP BY other ORDER BY sum(count) DESC, other "
            "LIMIT ?",
            (by, name, by, name, limit),
        )
    ]
    names = [name, *neighbours]
    marks = ",".join("?" * len(names))
    links = [
        {"source": s, "target": t, "count": c}
        for s, t, c in conn.execute(
            f"SELECT source, target, count FROM actor_edges WHERE kind = ? AND source IN ({marks})"
            f" AND target IN ({marks}) ORDER BY source, target",
            (by, *names, *names),
        )
    ]
    size = {n: 0 for n in names}
    for link in links:
        size[link["source"]] += link["count"]
        size[link["target"]] += link["count"]
    nodes = [{"id": n, "size": size[n], "focus": n == name} for n in names]
    return {"nodes": nodes, "links": links}


# -- search --------------------------------------------------------------------------------------
def search(
    conn: sqlite3.Connection, q: str, *, page: int = 1, per_page: int = PER_PAGE
) -> dict[str, Any]:
    """Talking points and documents containing the words (or "a phrase")."""
    match = fts_query(q or "")
    if not match:
        return {
            "q": q,
            "points": {**_pages(0, 1, per_page), "items": []},
            "documents": {**_pages(0, 1, per_page), "items": []},
            "documents_indexed": search_indexed(conn),
        }
    points = points_page(conn, q=q, per_page=per_page)  # the rest: /points?q=
    docs: dict[str, Any] = {**_pages(0, 1, per_page), "items": []}
    indexed = search_indexed(conn)
    if indexed:
        total = conn.execute(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (match,)
        ).fetchone()[0]
        docs = _pages(total, page, per_page)
        rows = conn.execute(
            "SELECT d.id, d.date, d.speaker, d.outlet, d.title, "
            f"snippet(documents_fts, 1, '{HIT_OPEN}', '{HIT_CLOSE}', '…', 24) AS snippet "
            "FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (match, per_page, _offset(docs)),
        ).fetchall()
        docs["items"] = [{**dict(r), "snippet": split_hits(r["snippet"])} for r in rows]
    return {"q": q, "points": points, "documents": docs, "documents_indexed": indexed}


# Private-use code points mark search hits inside snippets; the page escapes the text and
# turns the marks into <mark> elements.
HIT_OPEN, HIT_CLOSE = "\ue000", "\ue001"


def split_hits(snippet: str) -> list[dict[str, Any]]:
    """A snippet as [{text, hit}] pieces."""
    out = []
    for i, chunk in enumerate(snippet.split(HIT_OPEN)):
        hit, _, plain = chunk.partition(HIT_CLOSE) if i else ("", "", chunk)
        if hit:
            out.append({"text": hit, "hit": True})
        if plain:
            out.append({"text": plain, "hit": False})
    return out
