"""Each page of the viewer as (template, context): built once here, rendered by the server
(:mod:`echoscope.web.app`) and by the static report (:mod:`echoscope.web.report`)."""

from __future__ import annotations

import sqlite3
from typing import Any

from echoscope.model import PARAPHRASE, PIECE_KINDS, SEMANTIC_KINDS, TRANSLATION
from echoscope.web import data
from echoscope.web.alignview import (
    numbered_matches,
    segments_text,
    side_by_side,
    text_direction,
)
from echoscope.web.render import plain

Page = tuple[str, dict[str, Any]]

# What the pages may load and do. No inline script or style; nothing from other hosts.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'"
)


def timeline_chart(d: dict[str, Any], links: Any) -> dict[str, Any]:
    items = []
    for m in d["timeline"]:
        label = " · ".join(
            plain(x) for x in (m["speaker"], m["outlet"], m["t"] or "undated", m["doc"]) if x
        )
        items.append(
            {
                "t": m["t"],
                "group": m["group"],
                "label": label,
                "role": m["role"],
                "href": links.doc(m["doc"], m["start"]),
            }
        )
    return {"color_by": d["color_by"], "items": items}


def network_chart(net: dict[str, Any], by: str, links: Any) -> dict[str, Any]:
    return {
        "nodes": [
            {**n, "label": plain(n["id"], 40), "href": links.actor(n["id"], by)}
            for n in net["nodes"]
        ],
        "links": [
            {
                **e,
                "label": f"{plain(e['source'], 40)} → {plain(e['target'], 40)}: {e['count']} times",
            }
            for e in net["links"]
        ],
    }


def overview_page(
    conn: sqlite3.Connection, links: Any, overview: dict[str, Any] | None = None
) -> Page:
    d = overview if overview is not None else data.overview(conn)
    return "overview.html", {"title": "Overview", "d": d}


def points_list_page(conn: sqlite3.Connection, links: Any, **query: Any) -> Page:
    d = data.points_page(conn, **query)
    filters = {k: v for k, v in d["filters"].items() if v} | {"sort": d["sort"]}
    if filters["sort"] == "spread":
        del filters["sort"]
    return "points.html", {
        "title": "Talking points",
        "d": d,
        "sorts": list(data.SORTS),
        "page_url": lambda n: links.points(n, **filters),
    }


def point_page(conn: sqlite3.Connection, links: Any, point_id: str, **query: Any) -> Page:
    d = data.point(conn, point_id, **query)
    return "point.html", {
        "title": f"Talking point {point_id}: {plain(d['text'], 60)}",
        "d": d,
        "timeline": timeline_chart(d, links),
        "page_url": lambda n: links.point(point_id, n, d["color_by"]),
    }


def pair_page(conn: sqlite3.Connection, links: Any, passage_id: int) -> Page:
    d = data.pair(conn, passage_id)
    for side in (d["a"], d["b"]):
        side["text_dir"] = text_direction(side["doc"]["lang"], segments_text(side["segments"]))
    return "pair.html", {
        "title": f"{d['a']['doc']['id']} and {d['b']['doc']['id']} side by side",
        "d": d,
        "semantic": d["kind"] in SEMANTIC_KINDS,
        "paraphrase": d["kind"] == PARAPHRASE,
        "translation": d["kind"] == TRANSLATION,
        "pieces": d["kind"] in PIECE_KINDS,
        "matches": numbered_matches(d["a"]["segments"], d["b"]["segments"]),
    }


def document_page(conn: sqlite3.Connection, links: Any, doc_id: str, page: int = 1) -> Page:
    d = data.document(conn, doc_id, page=page)
    return "document.html", {
        "title": d["title"] or doc_id,
        "d": d,
        "text_dir": text_direction(d["lang"], segments_text(d["segments"])),
        "page_url": lambda n: links.doc(doc_id, None, n),
    }


def actors_page(conn: sqlite3.Connection, links: Any, by: str, page: int = 1) -> Page:
    d = data.actors_page(conn, by=by, page=page)
    return "actors.html", {
        "title": f"{by.capitalize()}s",
        "d": d,
        "page_url": lambda n: links.actors(by, n),
    }


def actor_page(conn: sqlite3.Connection, links: Any, name: str, by: str, page: int = 1) -> Page:
    d = data.actor(conn, name, by=by, page=page)
    return "actor.html", {
        "title": name,
        "d": d,
        "graph": network_chart(d["network"], by, links),
        "page_url": lambda n: links.actor(name, by, n),
    }


def targets_list_page(conn: sqlite3.Connection, links: Any, page: int = 1) -> Page:
    d = data.targets_page(conn, page=page)
    return "targets.html", {
        "title": "Who accuses whom",
        "d": d,
        "page_url": lambda n: links.targets(n),
    }


def target_page(conn: sqlite3.Connection, links: Any, name: str, page: int = 1) -> Page:
    d = data.target(conn, name, page=page)
    return "target.html", {
        "title": f"Accusations: {plain(name, 60)}",
        "d": d,
        "page_url": lambda n: links.target(name, n),
    }


def search_page(conn: sqlite3.Connection, links: Any, q: str = "", page: int = 1) -> Page:
    d = data.search(conn, q, page=page)
    return "search.html", {
        "title": f"Search: {q}" if q else "Search",
        "d": d,
        "page_url": lambda n: links.search(q, n),
    }


QUERY_DOCS_SHOWN = 100  # echoing documents drawn on the query page (the API lists them all)
# Words drawn aligned (each its own element) on the query page, both sides, strongest passages
# first; the rest are shown as plain text. Drawing costs ~20 µs a word, and a text that
# reprints hundreds of documents would otherwise take seconds to draw.
QUERY_ALIGNED_WORDS = 20_000


def query_coverage(text: str, result: dict[str, Any]) -> list[dict[str, Any]]:
    """The query's text cut where echoed stretches begin and end: ``[{text, start, docs}]``,
    ``docs`` how many corpus documents echo that stretch (a sweep over the passages, so a
    long query with many echoes stays linear)."""
    events: list[tuple[int, int, str]] = []
    for doc in result["documents"]:
        for p in doc["passages"]:
            events += [(p["start_a"], 1, doc["id"]), (p["end_a"], -1, doc["id"])]
    events.sort(key=lambda ev: (ev[0], ev[1]))  # at one offset: ends before starts
    out: list[dict[str, Any]] = []
    active: dict[str, int] = {}  # document -> its passages covering the current stretch
    pos = 0
    for at, step, doc_id in events:
        if at > pos:
            out.append({"text": text[pos:at], "start": pos, "docs": len(active)})
            pos = at
        active[doc_id] = active.get(doc_id, 0) + step
        if not active[doc_id]:
            del active[doc_id]
    if pos < len(text):
        out.append({"text": text[pos:], "start": pos, "docs": 0})
    return out


def query_page(
    conn: sqlite3.Connection,
    links: Any,
    result: dict[str, Any] | None = None,
    *,
    text: str = "",
    name: str = "",
    error: str | None = None,
) -> Page:
    """The query form, and (``result``, from :func:`echoscope.web.data.query` on ``text``)
    every echoing document with its passages side by side, or the ``error`` that refused
    the query."""
    docs: list[dict[str, Any]] = []
    budget, unaligned = QUERY_ALIGNED_WORDS, 0
    if result is not None:
        for d in result["documents"][:QUERY_DOCS_SHOWN]:
            passages = []
            for p in d["passages"]:
                words = p["tokens_a"] + p["tokens_b"]
                if words <= budget:
                    budget -= words
                    seg_a, seg_b = side_by_side(p["text_a"], p["text_b"], p["ops"], p["kind"])
                else:  # budget spent (a smaller passage further on may still fit)
                    seg_a, seg_b = [{"text": p["text_a"]}], [{"text": p["text_b"]}]
                    unaligned += 1
                passages.append(
                    {
                        **p,
                        "segments_a": seg_a,
                        "segments_b": seg_b,
                        "dir_a": text_direction(None, p["text_a"]),
                        "dir_b": text_direction(d["lang"], p["text_b"]),
                    }
                )
            docs.append({**d, "passages": passages})
    return "query.html", {
        "title": f"Where is {plain(name, 60)} echoed?" if result and name else "Query",
        "text": text,
        "name": name,
        "error": error,
        "r": result,
        "docs": docs,
        "unaligned": unaligned,
        "coverage": query_coverage(text, result) if result else [],
        "text_dir": text_direction(None, text),
    }
