"""Spread of each talking point: who said it first, who repeated it from whom, and when.

First occurrence: the members with the earliest date; several on the same timestamp are all
first (a tie is reported, never broken by guesswork). Undated members are never first and get
no lag. Each later member's source is the earlier member it is aligned with most strongly (the
highest-scoring passage pair to a member with an earlier date); with no aligned earlier member
it has no source. Who-repeats-whom edges join the source's speaker (or outlet) to the
repeater's, with counts and the median lag between them.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from echoscope.points.cluster import Clustering, point_id


@dataclass(slots=True)
class Member:
    point: str
    doc: str
    start: int
    end: int
    date: str | None
    speaker: str | None
    outlet: str | None
    series: str | None
    role: str  # first, repeat, undated
    source_doc: str | None = None
    source_start: int | None = None
    lag_hours: float | None = None  # since the point's first use
    source_lag_hours: float | None = None  # since its source
    degree: int = 0  # aligned partners inside the point
    match: str | None = None  # how it matched its source: a PassageKind


@dataclass(slots=True)
class Point:
    id: str
    members: list[Member]
    representative: Member
    first_date: str | None
    last_date: str | None
    docs: int
    speakers: int
    outlets: int
    series: int
    length: int  # characters of the representative passage
    bursts: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class ActorEdge:
    kind: str  # speaker or outlet
    source: str
    target: str
    count: int
    median_lag_hours: float | None
    points: int
    first_date: str | None
    last_date: str | None


def parse_date(value: str | None) -> datetime | None:
    """ISO 8601 date or date-time; anything else is undated (never guessed)."""
    if not value:
        return None
    try:
        d = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    return d.astimezone(UTC).replace(tzinfo=None) if d.tzinfo else d


_NO_SCORE = float("-inf")


def _hours(a: datetime, b: datetime) -> float:
    return round((a - b).total_seconds() / 3600, 2)


def trace(
    clustering: Clustering,
    passages: Sequence[tuple[str, int, int, str, int, int]],
    scores: Sequence[float],
    docs: Mapping[str, Mapping[str, Any]],
    kinds: Sequence[str | None] | None = None,
) -> list[Point]:
    """Talking points with their members, first use, sources and lags (``kinds``: how each
    passage matched, reported as each member's ``match`` with its source)."""
    nodes = clustering.nodes
    kinds = kinds if kinds is not None else [None] * len(scores)
    # strongest aligned partner per node pair, and how that passage matched
    partners: dict[int, dict[int, float]] = defaultdict(dict)
    how: dict[tuple[int, int], str | None] = {}
    for (u, v), score, kind in zip(clustering.passage_nodes, scores, kinds, strict=True):
        if u != v:
            # partners[u][v] and partners[v][u] are one value, the highest score so far; a
            # pair's first passage makes its entry, even one scoring minus infinity
            strongest = partners[u].get(v, _NO_SCORE)
            if score > strongest:
                how[(u, v)] = how[(v, u)] = kind
                partners[u][v] = partners[v][u] = score
            elif v not in partners[u]:
                partners[u][v] = partners[v][u] = strongest
    points = []
    used: set[str] = set()
    doc_dates: dict[str, datetime | None] = {}  # parsed once a document
    for members_idx in clustering.clusters:
        if len(members_idx) < 2:
            continue
        dates: dict[int, datetime | None] = {}
        for n in members_idx:
            doc = nodes[n].doc
            if doc not in doc_dates:
                doc_dates[doc] = parse_date(docs[doc].get("date"))
            dates[n] = doc_dates[doc]
        dated = [dates[n] for n in members_idx if dates[n] is not None]
        first = min(dated) if dated else None
        inside = set(members_idx)
        order = sorted(
            members_idx,
            key=lambda n: (
                dates[n] is None,
                dates[n] or datetime.max,
                nodes[n].doc,
                nodes[n].start,
            ),
        )
        earliest = nodes[order[0]]
        pid = point_id(earliest.doc, earliest.start)
        if pid in used:  # another point's earliest occurrence starts there too
            pid = point_id(earliest.doc, earliest.start, earliest.end)
        used.add(pid)
        members: dict[int, Member] = {}
        strength: dict[int, float] = {}  # of each member's alignments inside the point
        for n in order:
            nd, meta, d = nodes[n], docs[nodes[n].doc], dates[n]
            role = "undated" if d is None else ("first" if d == first else "repeat")
            inner = [s for p, s in partners[n].items() if p in inside]
            strength[n] = sum(inner)
            m = Member(
                pid,
                nd.doc,
                nd.start,
                nd.end,
                meta.get("date"),
                meta.get("speaker"),
                meta.get("outlet"),
                meta.get("series"),
                role,
                degree=len(inner),
            )
            if d is not None and first is not None:
                m.lag_hours = _hours(d, first)
            if role == "repeat":
                earlier = [
                    (s, p)
                    for p, s in partners[n].items()
                    if p in inside and dates[p] is not None and dates[p] < d
                ]
                if earlier:
                    _, src = max(
                        earlier, key=lambda sp: (sp[0], -dates[sp[1]].timestamp(), nodes[sp[1]].doc)
                    )
                    m.source_doc, m.source_start = nodes[src].doc, nodes[src].start
                    m.source_lag_hours = _hours(d, dates[src])
                    m.match = how.get((n, src))
            members[n] = m
        # the most central member: most aligned partners, then strongest alignments, earliest
        rank = {n: r for r, n in enumerate(order)}
        rep_node = max(order, key=lambda n: (members[n].degree, strength[n], -rank[n]))
        ms = [members[n] for n in order]
        latest = max((n for n in order if dates[n] is not None), key=dates.get, default=None)
        points.append(
            Point(
                id=pid,
                members=ms,
                representative=members[rep_node],
                first_date=docs[earliest.doc].get("date") if first is not None else None,
                last_date=members[latest].date if latest is not None else None,
                docs=len({m.doc for m in ms}),
                speakers=len({m.speaker for m in ms if m.speaker}),
                outlets=len({m.outlet for m in ms if m.outlet}),
                series=len({m.series or m.doc for m in ms}),
                length=members[rep_node].end - members[rep_node].start,
            )
        )
    points.sort(key=lambda p: (-p.speakers, -p.docs, p.id))
    return points


def actor_edges(points: Sequence[Point], kind: str = "speaker") -> list[ActorEdge]:
    """Who repeats whom: source actor -> repeating actor, over every point."""
    lags: dict[tuple[str, str], list[float]] = defaultdict(list)
    pts: dict[tuple[str, str], set[str]] = defaultdict(set)
    when: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in points:
        by_key = {(m.doc, m.start): m for m in p.members}
        for m in p.members:
            if m.source_doc is None:
                continue
            src = by_key[(m.source_doc, m.source_start)]
            a, b = getattr(src, kind), getattr(m, kind)
            if not a or not b or a == b:
                continue
            lags[(a, b)].append(m.source_lag_hours if m.source_lag_hours is not None else 0.0)
            pts[(a, b)].add(p.id)
            if m.date:
                when[(a, b)].append(m.date)
    edges = [
        ActorEdge(
            kind,
            a,
            b,
            len(v),
            round(statistics.median(v), 2),
            len(pts[(a, b)]),
            min(when[(a, b)], default=None),
            max(when[(a, b)], default=None),
        )
        for (a, b), v in lags.items()
    ]
    edges.sort(key=lambda e: (-e.count, e.source, e.target))
    return edges
