"""What the viewer shows, read from the store: plain dicts and lists, JSON-ready.

The HTML pages, the JSON API and the static report all call these functions, so the three
can never disagree. Every function takes a read-only connection (see :func:`connect`) and asks
it the named queries of :mod:`echoscope.store.reader`; this module shapes their rows for pages.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from echoscope.errors import EchoscopeError
from echoscope.points.filters import POINT_SORTS, fts_query
from echoscope.store import reader, target_rows, target_views
from echoscope.store.lock import WriterLock
from echoscope.store.sqlite import index_documents, search_indexed
from echoscope.web.alignview import side_by_side

if TYPE_CHECKING:
    from echoscope.detect.params import DetectParams
    from echoscope.store.sqlite import Store

PER_PAGE = 50
SORTS = POINT_SORTS
ACTOR_KINDS = reader.ACTOR_KINDS
TIMELINE_CAP = 3000  # occurrences drawn on one point's timeline (the member table has them all)
CONTEXT_CHARS = 160  # text shown either side of an aligned passage
EDGE_CAP = 100  # who-echoes-whom rows on an actor's page (the strongest; the export has all)
# accusations listed on a point's or an actor's page, accusations by a target and responses
# on a target's page (the first, by date; the export has all)
ACCUSATIONS_SHOWN = 100
EVIDENCE_CHARS = 600  # a longer evidence sentence is cut to its marked words and this context
EVIDENCE_CONTEXT = 200
# the marked parts of an accusation's sentence, each a pair of offset fields
ACCUSATION_MARKS = ("cue", "target", "accuser", "charge")


class NotFound(EchoscopeError):
    """The page's subject (point, document, passage, speaker) is not in the store."""


def connect(db: str | Path) -> sqlite3.Connection:
    """A read-only connection: the viewer can never change the store."""
    path = Path(db)
    if not path.exists():
        raise EchoscopeError(f"{path}: no such database (run 'echoscope ingest' first)")
    return reader.open_reader(path, check_same_thread=False)


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
        conn = reader.open_index_writer(path)
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


def store_version(conn: sqlite3.Connection) -> int:
    """A number that moves whenever another connection commits to the store (what the viewer
    shows may then have changed)."""
    return reader.data_version(conn)


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


# -- overview ------------------------------------------------------------------------------------
def overview(conn: sqlite3.Connection, top: int = 10) -> dict[str, Any]:
    """Corpus counts, the most widely repeated talking points, activity per day."""
    counts = reader.corpus_counts(conn)
    run = reader.last_run_summary(conn)
    docs_per_day = reader.documents_per_day(conn)
    echoes_per_day = reader.repeating_documents_per_day(conn)
    activity = [
        {"day": d, "docs": docs_per_day.get(d, 0), "echoes": echoes_per_day.get(d, 0)}
        for d in sorted(set(docs_per_day) | set(echoes_per_day))
    ]
    counts.update(
        accusations=target_rows.count_accusations(conn),
        targets=target_rows.count_targets(conn),
        responses=target_rows.count_responses(conn),
    )
    return {
        "counts": counts,
        "last_run": dict(run) if run else None,
        "top_points": points_page(conn, per_page=top)["items"],
        "activity": activity,
    }


# -- every subject, for the static report ------------------------------------------------------
def point_ids(conn: sqlite3.Connection) -> list[str]:
    """Every talking point's id, in the points list's default order."""
    return reader.point_ids_sorted(conn, "spread")


def document_ids(conn: sqlite3.Connection) -> list[str]:
    """Every document's id, in the order they were added."""
    return reader.document_ids(conn)


def _check_actor_kind(by: str) -> None:
    if by not in ACTOR_KINDS:
        raise EchoscopeError(f"by must be speaker or outlet, not {by!r}")


def actor_names(conn: sqlite3.Connection, by: str) -> list[str]:
    """Every speaker (or outlet) some document names, alphabetically."""
    _check_actor_kind(by)
    return reader.actor_names(conn, by)


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
    filters = {"speaker": speaker, "outlet": outlet, "match": fts_query(q) if q else None}
    pg = _pages(reader.count_points(conn, **filters), page, per_page)
    rows = reader.points_sorted(conn, sort=sort, limit=per_page, offset=_offset(pg), **filters)
    return {
        **pg,
        "sort": sort,
        "filters": {"speaker": speaker, "outlet": outlet, "q": q},
        "items": [_point_row(r) for r in rows],
    }


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
    row = reader.point_record(conn, point_id)
    if row is None:
        raise NotFound(f"no talking point {point_id!r}")
    info = _point_row(row)
    info["representative"] = {
        "doc": row["rep_doc"],
        "start": row["rep_start"],
        "end": row["rep_end"],
    }
    pg = _pages(reader.count_point_members(conn, point_id), page, per_page)
    members = [dict(r) for r in reader.point_members_page(conn, point_id, per_page, _offset(pg))]
    for m in members:
        m["pair"] = (
            reader.passage_between(
                conn, m["doc"], m["start"], m["end"], m["source_doc"], m["source_start"]
            )
            if m["source_doc"]
            else None
        )
    timeline = [
        {**dict(r), "group": r["group"] or "(unknown)"}
        for r in reader.point_timeline(conn, point_id, color, TIMELINE_CAP)
    ]
    first = reader.point_first_use(conn, point_id)
    bursts = [
        {
            "by": r["by"],
            "start": r["start_date"],
            "end": r["end_date"],
            "hours": r["hours"],
            "actors": json.loads(r["actors"]),
            "docs": json.loads(r["docs"]),
        }
        for r in reader.point_bursts(conn, point_id)
    ]
    return {
        **info,
        "color_by": color,
        "first": dict(first) if first else None,
        "bursts": bursts,
        "timeline": timeline,
        "members": {**pg, "items": members},
        "accusations": _accusations_shown(conn, point=point_id),
    }


# -- one aligned pair ----------------------------------------------------------------------------
def _doc_meta(conn: sqlite3.Connection, doc_id: str) -> dict[str, Any]:
    row = reader.document_meta(conn, doc_id)
    if row is None:
        raise NotFound(f"no document {doc_id!r}")
    return dict(row)


def pair(conn: sqlite3.Connection, passage_id: int) -> dict[str, Any]:
    """A stored passage pair, both sides split into aligned tokens for side-by-side display."""
    p = reader.passage(conn, passage_id)
    if p is None:
        raise NotFound(f"no passage {passage_id}")
    texts = reader.document_texts(conn, (p["doc_a"], p["doc_b"]))
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
                "points": reader.points_covering(conn, doc, s, e),
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
    keep += ("similarity",)
    return {**{k: p[k] for k in keep}, "a": sides[0], "b": sides[1]}


# -- one document --------------------------------------------------------------------------------
def document(
    conn: sqlite3.Connection, doc_id: str, *, page: int = 1, per_page: int = PER_PAGE
) -> dict[str, Any]:
    """A document's text cut into plain and echoed stretches, each echo linked to its points,
    and (a page of) the passages it shares with other documents."""
    meta = _doc_meta(conn, doc_id)
    text = reader.document_text(conn, doc_id)
    spans = reader.point_spans_in_document(conn, doc_id)
    pg = _pages(reader.count_document_passages(conn, doc_id), page, per_page)
    passages = [dict(r) for r in reader.document_passages_page(conn, doc_id, per_page, _offset(pg))]
    labels = {
        r["id"]: {"speaker": r["speaker"], "outlet": r["outlet"], "date": r["date"]}
        for r in reader.document_labels(conn, {p["other"] for p in passages})
    }
    for p in passages:
        p.update(labels.get(p["other"], {}))
    # every passage start gets an anchor (#at-N), also where no talking point begins, and so
    # does every accusation's sentence (the accusation lists of other pages link there)
    starts = reader.passage_starts_in_document(conn, doc_id)
    accusations = [_accusation(a) for a in target_rows.accusations(conn, doc=doc_id)]
    starts = [*starts, *(a["start"] for a in accusations)]
    marks = [
        (a[f"{m}_start"], a[f"{m}_end"], m)
        for a in accusations
        for m in ("cue", "target")
        if a[f"{m}_start"] is not None and a[f"{m}_end"] is not None
    ]
    responses = target_rows.responses(conn, doc=doc_id)
    return {
        **meta,
        "segments": highlight(text, spans, starts, marks),
        "passages": {**pg, "items": passages},
        "accusations": accusations,
        "responses": {
            "answers": [r for r in responses if r["doc"] == doc_id],
            "answered_by": [r for r in responses if r["answers"] == doc_id],
        },
    }


def highlight(
    text: str,
    spans: list[tuple[int, int, str, str]],
    anchors: Iterable[int] = (),
    marks: Iterable[tuple[int, int, str]] = (),
) -> list[dict[str, Any]]:
    """Cut ``text`` at every span boundary (and at ``anchors`` and ``marks``' boundaries):
    [{text, start, points: [...], marks: [...]}] in order, where ``points`` lists the talking
    points whose occurrence covers that stretch and ``marks`` the names of the ``(start, end,
    name)`` marks that cover it (an accusation's cue, its target's mention)."""
    marks = list(marks)
    points = {0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans), *anchors}
    points.update(c for s, e, _ in marks for c in (s, e))
    cuts = sorted(c for c in points if 0 <= c <= len(text))
    out = []
    for lo, hi in itertools.pairwise(cuts):
        if hi <= lo:
            continue
        covering = sorted({pt for s, e, pt, _ in spans if s <= lo and e >= hi})
        marked = sorted({name for s, e, name in marks if s <= lo and e >= hi})
        out.append({"text": text[lo:hi], "start": lo, "points": covering, "marks": marked})
    return out


# -- speakers and outlets ------------------------------------------------------------------------
def actors_page(
    conn: sqlite3.Connection, *, by: str = "speaker", page: int = 1, per_page: int = PER_PAGE
) -> dict[str, Any]:
    """Speakers (or outlets) ranked by how many talking points they use."""
    _check_actor_kind(by)
    pg = _pages(reader.count_actors(conn, by), page, per_page)
    rows = reader.actors_ranked(conn, by, per_page, _offset(pg))
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
    _check_actor_kind(by)
    docs = reader.count_documents_of(conn, by, name)
    if not docs:
        raise NotFound(f"no {by} {name!r}")
    pg = _pages(reader.count_points_of(conn, by, name), page, per_page)
    uses = [dict(r) for r in reader.points_of_actor(conn, by, name, per_page, _offset(pg))]

    def edges(side: str) -> dict[str, Any]:
        """The strongest EDGE_CAP edges where the actor is ``side``, and how many there are."""
        rows = reader.strongest_echo_edges_of(conn, by, name, side, EDGE_CAP)
        return {
            "total": reader.count_echo_edges_of(conn, by, name, side),
            "items": [dict(r) for r in rows],
        }

    from_whom, repeated_by = edges("target"), edges("source")
    return {
        "name": name,
        "by": by,
        "documents": docs,
        "points": {**pg, "items": uses},
        "from_whom": from_whom,
        "repeated_by": repeated_by,
        "network": ego_network(conn, name, by),
        # the same name as an entity of the targets stage: what it accuses, what it is accused of
        "is_entity": target_rows.has_name(conn, name),
        "accuses": _accusations_shown(conn, accuser=name),
        "accused": _accusations_shown(conn, target=name),
    }


def ego_network(conn: sqlite3.Connection, name: str, by: str, limit: int = 40) -> dict[str, Any]:
    """The actor, the strongest neighbours it echoes or is echoed by, and the edges among them."""
    names = [name, *reader.echo_neighbours(conn, by, name, limit)]
    links = [
        {"source": s, "target": t, "count": c}
        for s, t, c in reader.echo_edges_among(conn, by, names)
    ]
    size = {n: 0 for n in names}
    for link in links:
        size[link["source"]] += link["count"]
        size[link["target"]] += link["count"]
    nodes = [{"id": n, "size": size[n], "focus": n == name} for n in names]
    return {"nodes": nodes, "links": links}


# -- who accuses whom (the targets stage) -------------------------------------------------------
def evidence(a: dict[str, Any]) -> dict[str, Any]:
    """An accusation's sentence cut where its marked parts (:data:`ACCUSATION_MARKS`: the cue,
    the target's and accuser's mentions, the charge) begin and end: ``{pieces: [{text, start,
    marks}], cut_before, cut_after}``; a sentence longer than :data:`EVIDENCE_CHARS` keeps
    its marked words and :data:`EVIDENCE_CONTEXT` characters either side."""
    sentence = a.get("sentence") or ""
    start = a["start"]
    end = start + len(sentence)  # the text as stored, whatever the row says
    spans = []
    for name in ACCUSATION_MARKS:
        lo, hi = a.get(f"{name}_start"), a.get(f"{name}_end")
        if lo is not None and hi is not None and lo < end and hi > start and lo < hi:
            spans.append((max(lo, start), min(hi, end), name))
    lo, hi = start, end
    if end - start > EVIDENCE_CHARS:
        if spans:
            lo = max(start, min(s for s, _, _ in spans) - EVIDENCE_CONTEXT)
            hi = min(end, max(e for _, e, _ in spans) + EVIDENCE_CONTEXT)
        else:
            hi = start + EVIDENCE_CHARS
    cuts = sorted({lo, hi, *(c for s, e, _ in spans for c in (s, e) if lo <= c <= hi)})
    pieces = []
    for x, y in itertools.pairwise(cuts):
        if y > x:
            marks = [name for s, e, name in spans if s <= x and e >= y]
            pieces.append({"text": sentence[x - start : y - start], "start": x, "marks": marks})
    return {"pieces": pieces, "cut_before": lo > start, "cut_after": hi < end}


def _accusation(a: dict[str, Any]) -> dict[str, Any]:
    return {**a, "evidence": evidence(a)}


def _accusations_shown(conn: sqlite3.Connection, **filters: str) -> dict[str, Any]:
    """The first :data:`ACCUSATIONS_SHOWN` accusations (by date) with these filters of
    :func:`echoscope.store.target_rows.accusations`, and how many there are."""
    rows = target_rows.accusations(conn, limit=ACCUSATIONS_SHOWN, **filters)
    return {
        "total": target_views.count_accusations(conn, **filters),
        "items": [_accusation(a) for a in rows],
    }


def target_names(conn: sqlite3.Connection) -> list[str]:
    """Every name that accuses or is accused, alphabetically."""
    return target_views.names(conn)


def targets_page(
    conn: sqlite3.Connection, *, page: int = 1, per_page: int = PER_PAGE
) -> dict[str, Any]:
    """Targets ranked by how often they are accused, and on the first page the strongest
    accuser -> target edges with the talking points that carry them (``edges`` is None on
    later pages: grouping every accusation by edge is the page's slowest query)."""
    pg = _pages(target_rows.count_targets(conn), page, per_page)
    edges = None
    if pg["page"] == 1:
        rows = target_rows.target_edges(conn, EDGE_CAP)
        for e in rows:
            e["points"] = target_views.edge_point_ids(conn, e["accuser"], e["target"])
        edges = {"total": target_views.count_edges(conn), "items": rows}
    return {
        **pg,
        "items": target_rows.targets_ranked(conn, per_page, _offset(pg)),
        "edges": edges,
        "counts": {
            "accusations": target_rows.count_accusations(conn),
            "responses": target_rows.count_responses(conn),
        },
    }


def target(
    conn: sqlite3.Connection, name: str, *, page: int = 1, per_page: int = PER_PAGE
) -> dict[str, Any]:
    """One accuser or target: who accuses them of what, since when, through which talking
    points (and a page of those accusations, each with its evidence), whom they accuse (and,
    on the first page only, the first of those accusations: None on later pages, which
    would repeat them), and the responses they take part in."""
    if not target_rows.has_name(conn, name):
        raise NotFound(f"no accuser or target {name!r}")
    summary = target_views.target_summary(conn, name)
    pg = _pages(summary["count"], page, per_page)
    rows = target_rows.accusations(conn, target=name, limit=per_page, offset=_offset(pg))
    responses = target_views.responses_involving(conn, name, ACCUSATIONS_SHOWN)
    entity = target_views.entity_record(conn, name)
    for related in ("member_of", "members"):  # a party, a member: linked where it has a page
        entity[related] = [
            {"name": n, "page": target_rows.has_name(conn, n)} for n in entity[related]
        ]
    return {
        "name": name,
        **entity,
        # the same name as a speaker or outlet of the corpus, with a page of its own there
        "actor": {by: reader.count_documents_of(conn, by, name) > 0 for by in ACTOR_KINDS},
        "summary": summary,
        "accusers": target_rows.accusers_of(conn, name),
        "charges": {
            "total": target_views.count_charges_against(conn, name),
            "items": target_views.charges_against(conn, name, EDGE_CAP),
        },
        "points": target_rows.points_of_target(conn, name),
        "accused": {**pg, "items": [_accusation(a) for a in rows]},
        "targets": target_rows.targets_of(conn, name),
        "accuses": _accusations_shown(conn, accuser=name) if pg["page"] == 1 else None,
        "responses": {
            "total": target_views.count_responses_involving(conn, name),
            "items": responses,
        },
    }


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
        docs = _pages(reader.count_documents_matching(conn, match), page, per_page)
        rows = reader.documents_matching(
            conn, match, per_page, _offset(docs), (HIT_OPEN, HIT_CLOSE)
        )
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


# -- query mode: where is this text echoed? ------------------------------------------------------
MAX_QUERY_BYTES = 1_000_000  # a query's text, as UTF-8: a long speech is ~100 kB
MAX_NAME_CHARS = 200
DEFAULT_QUERY_NAME = "query"
WARM_UP_CHARS = 3000  # of a corpus document, queried once at start to load the compiled kernels


class QueryRefused(EchoscopeError):
    """A query the server will not run (empty, malformed); ``status`` is its HTTP status."""

    status = 400


class QueryTooLarge(QueryRefused):
    status = 413


class QueryUnavailable(QueryRefused):
    """The server cannot answer queries now (no current token index, too many waiting)."""

    status = 503


def check_query(text: object, name: object = None) -> tuple[str, str]:
    """The text and name of a query as given by a client, checked: a non-empty string of at
    most :data:`MAX_QUERY_BYTES` of UTF-8, and an optional name (:data:`DEFAULT_QUERY_NAME`
    when absent or blank). Raises :class:`QueryRefused` with what is wrong."""
    if not isinstance(text, str):
        raise QueryRefused('"text" must be a string: the text to look for in the corpus')
    if name is None or name == "":
        name = DEFAULT_QUERY_NAME
    if not isinstance(name, str):
        raise QueryRefused('"name" must be a string')
    for field, value in (("text", text), ("name", name)):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate, from a JSON \ud800 escape
            raise QueryRefused(f'"{field}" is not valid Unicode (a lone surrogate)') from None
    size = len(text.encode("utf-8"))
    if size > MAX_QUERY_BYTES:
        raise QueryTooLarge(
            f"the text is {size:,} bytes; a query may hold at most {MAX_QUERY_BYTES:,} bytes "
            "of UTF-8 text"
        )
    if not text.strip():
        raise QueryRefused("the text is empty: give the text to look for in the corpus")
    name = name.strip() or DEFAULT_QUERY_NAME
    if len(name) > MAX_NAME_CHARS:
        raise QueryRefused(f'"name" is longer than {MAX_NAME_CHARS} characters')
    return text, name


def _query_params(store: Store) -> tuple[DetectParams, list[str]]:
    """The lexical parameters of the store's last run (so a query finds what that run would
    have, and reads the token index that run built), else the defaults; and what to say
    about the choice."""
    from echoscope.detect.params import DetectParams
    from echoscope.detect.plan import lexical_params

    run = store.last_run()
    if run is None:
        return DetectParams(), []
    try:
        return DetectParams(**lexical_params(run["params"])), []
    except (TypeError, ValueError, EchoscopeError):  # a run recorded by another version
        return DetectParams(), [
            "the store's last run has parameters this version cannot read: "
            "the query uses the defaults"
        ]


def query(db: str | Path, text: str, name: str = DEFAULT_QUERY_NAME) -> dict[str, Any]:
    """Where is ``text`` echoed in the corpus? The corpus documents that share passages with
    it, strongest first, each with its metadata and its passages (both sides' offsets and
    quoted text, strongest first), plus counts, notes and the seconds it took; refused
    (:class:`QueryUnavailable`) when the store's token index is not current. It runs
    with the lexical parameters of the store's last detect run (:func:`_query_params`). The
    store is opened read-only for this call alone and nothing is written (``detect --query``)."""
    from echoscope.detect.index import open_index
    from echoscope.detect.job import run_query  # the compiled kernels: loaded when used
    from echoscope.store.sqlite import Store

    text, name = check_query(text, name)
    began = time.perf_counter()
    with Store(db, create=False, readonly=True) as store:
        params, notes = _query_params(store)
        if open_index(store, params.ngram) is None:
            # without it a query tokenizes the whole corpus in memory: a command may choose
            # to (detect --query), a server answering whoever posts must not
            raise QueryUnavailable(
                "the store's token index is not current (never detected, detected on Spark, "
                "or a detect is saving it now): run 'echoscope detect', then query again"
            )
        found = run_query(store, [(name, text)], params, progress=False, say=notes.append)
        ids = list(dict.fromkeys(p.doc_b for p in found))  # strongest first, as run_query sorts
        texts = store.texts(ids)
        metas = {i: _doc_meta(store.conn, i) for i in ids}
    by_doc: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
    for p in found:
        by_doc[p.doc_b].append(
            {
                **p.as_dict(),
                "text_a": text[p.start_a : p.end_a],
                "text_b": texts[p.doc_b][p.start_b : p.end_b],
            }
        )
    documents = [
        {**metas[i], "best_score": by_doc[i][0]["score"], "passages": by_doc[i]} for i in ids
    ]
    return {
        "name": name,
        "query_id": f"query:{name}",
        "chars": len(text),
        "counts": {
            "documents": len(documents),
            "passages": len(found),
            "echoed_chars": _covered_chars((p.start_a, p.end_a) for p in found),
        },
        "notes": notes,
        "seconds": round(time.perf_counter() - began, 4),
        "documents": documents,
    }


def _covered_chars(spans: Iterable[tuple[int, int]]) -> int:
    """How many characters the spans cover together (overlaps counted once)."""
    total, reach = 0, 0
    for s, e in sorted(spans):
        if e > reach:
            total += e - max(s, reach)
            reach = e
    return total


def warm_query(db: str | Path) -> bool:
    """Run one small query (the start of the first document) so that the first real one
    does not wait for the compiled kernels to load (~0.7 s). Skipped, returning False, when
    the token index is not current: a query would then tokenize the whole corpus."""
    from echoscope.detect.index import open_index
    from echoscope.detect.job import run_query
    from echoscope.store.sqlite import Store

    with Store(db, create=False, readonly=True) as store:
        params, _ = _query_params(store)
        first = store.documents_after(0, 1, ["text"])
        if not first or open_index(store, params.ngram) is None:
            return False
        run_query(store, [("warm up", first[0][0][:WARM_UP_CHARS])], params, progress=False)
    return True
