"""Each page of the viewer as (template, context): built once here, rendered by the server
(:mod:`echoscope.web.app`) and by the static report (:mod:`echoscope.web.report`)."""

from __future__ import annotations

import sqlite3
from typing import Any

from echoscope.model import PARAPHRASE, PIECE_KINDS, SEMANTIC_KINDS, TRANSLATION
from echoscope.web import data
from echoscope.web.alignview import numbered_matches, segments_text, text_direction
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


def search_page(conn: sqlite3.Connection, links: Any, q: str = "", page: int = 1) -> Page:
    d = data.search(conn, q, page=page)
    return "search.html", {
        "title": f"Search: {q}" if q else "Search",
        "d": d,
        "page_url": lambda n: links.search(q, n),
    }
