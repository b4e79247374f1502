"""Which talking points a run's changed passages touch, so that only those are rebuilt.

Why a part can be rebuilt alone (the terms of :mod:`echoscope.points.cluster`): a document's
nodes depend only on its own occurrences, and a document none of whose passages changed keeps
them all, so it keeps its nodes. A connected component of the node graph without a node in a
changed document then has the same nodes and edges as before: it is still a component, and
clustering and tracing it again would give the same points. What must be rebuilt is every
component that has a node in a changed document *now* (new passages can join components): its
nodes are found by walking the node graph from the changed documents' nodes, reading each
document's passages as the walk reaches it (a node is only known once all of its document's
occurrences are). Every component that had a node in a changed document before is covered too:
the passages it lost joined two changed documents, so each piece of it that is left still has
a node in one. Its stored points are those with a member in a changed document or at one of
the walked nodes (an unchanged document's node is the member it was stored as).

A document that only gained passages (*grown*; one that may have lost some is *shrunk*, and
unless told otherwise every changed document is) keeps more: the grouping into nodes never
looks past a *run* of occurrences (a stretch of the document whose occurrences overlap one
another in a chain; the nodes open at an occurrence are those of its run), and a run without
a new occurrence is one of the document's runs before, with the same occurrences. So for such
a document only its runs holding an occurrence of the run's new passages (those saved with
its run id; a passage deleted and saved again unchanged counts as new, which only widens the
part) are changed, and its other nodes are as unchanged as another document's; a stored
member inside a changed run belongs to a point to replace.

Clustering the walked part alone gives the nodes, clusters and points a full rebuild gives it:
a subset made of whole nodes, in the same relative order, is grouped into the same nodes (the
greedy grouping only ever joins an occurrence to the best of the nodes open at it, and those
of other components are never the best), and clusters keep their relative order.

Where that reasoning does not settle the result, :class:`NotIncremental` says so and the caller
rebuilds everything: the part is more than half of the store's passages (or the walk read most
of them); two passages tie on :data:`echoscope.model.PASSAGE_ORDER` (their order, and so
which node an occurrence joins, is the store's); two nodes of one document have the same extent
(a stored member would not say which it is); a stored point to replace has a member the walk
did not reach (the points were not built from the previous passages, or a changed document is
missing); or a point id could be decided by a point outside the part (two points whose
earliest occurrences start at one place, see :func:`echoscope.points.cluster.point_id`, one
rebuilt and one kept; or an id taken).

The floating-point sums inside networkx's modularity follow the node labels' set order, which
differs between the part and the whole; they only decide whether Louvain stops at a level, so
they could only matter where a level's gain equals its 1e-7 threshold to the last bit.
"""

from __future__ import annotations

import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from operator import itemgetter

from echoscope.points.cluster import Node, group_occurrences, occurrences, point_id
from echoscope.points.spread import ActorEdge, Point
from echoscope.store import point_rows
from echoscope.store.point_rows import PassageRow

#: the share of the store's passages in the part to rebuild above which all is rebuilt instead
MAX_SHARE = 0.5
#: the share the walk may read (the whole passage lists of the part's documents) before it
#: gives up: per passage read, a walk costs less than half of what a full rebuild does
MAX_READ_SHARE = 0.8
ACTOR_KINDS = ("speaker", "outlet")

Occurrence = int  # side (0: doc_a, 1: doc_b) of a passage: its id * 2 + side
Extent = tuple[int, int]  # (start, end) in a document


class NotIncremental(Exception):
    """The points cannot be updated in place (the reason is the message): rebuild them all."""


#: :data:`echoscope.model.PASSAGE_ORDER` of a passage row
passage_key = itemgetter(1, 4, 2, 5)


@dataclass(frozen=True, slots=True)
class Change:
    """What a run changed: ``docs``, the documents whose passages it changed, and ``shrunk``,
    those of them that lost a passage (any of them may have: ``docs``); the others only
    gained the passages saved with ``run_id``."""

    run_id: int
    docs: frozenset[str]
    shrunk: frozenset[str]

    @property
    def grown(self) -> frozenset[str]:
        return self.docs - self.shrunk


@dataclass(slots=True)
class Region:
    """The part of the node graph to rebuild."""

    passages: list[PassageRow]  # every passage of its components, in PASSAGE_ORDER
    docs: set[str]  # the documents with a node in it
    extents: set[tuple[str, int, int]]  # (doc, start, end) of its nodes in unshrunk documents
    changed_runs: dict[str, list[Extent]]  # the runs of grown documents with a new occurrence
    nodes: list[Node]  # the nodes build_nodes makes of the passages, in its order
    passage_nodes: list[tuple[int, int]]  # each passage's two nodes

    def replaces(self, change: Change, doc: str, start: int, end: int) -> bool:
        """Whether a stored member (an old node) is in the part: in a shrunk document, in a
        changed run, or one of the part's nodes."""
        return (
            doc in change.shrunk
            or (doc, start, end) in self.extents
            or any(s < end and start < e for s, e in self.changed_runs.get(doc, ()))
        )


@dataclass(slots=True)
class _Walk:
    """The node graph around the changed documents, read from the store as far as it was
    walked. A shrunk document's occurrences are all in the part to rebuild, so only the
    other documents' nodes are made."""

    conn: sqlite3.Connection
    change: Change
    limit: int  # passages read before the walk gives up
    rows: dict[int, PassageRow] = field(default_factory=dict)
    loaded: set[str] = field(default_factory=set)  # documents whose passages are all read
    # nodes of the loaded documents, their occurrences in the walk's numbering
    nodes: list[Node] = field(default_factory=list)
    node_of: dict[Occurrence, int] = field(default_factory=dict)

    def read(self, docs: Collection[str]) -> list[PassageRow]:
        """Every passage of ``docs``, in PASSAGE_ORDER."""
        batch = point_rows.passages_touching(self.conn, docs)
        self.rows.update((r[0], r) for r in batch)
        if len(self.rows) > self.limit:
            raise NotIncremental("the walk from the changed documents read most passages")
        self.loaded.update(docs)
        batch.sort(key=passage_key)
        keys = list(map(passage_key, batch))
        if any(a == b for a, b in pairwise(keys)):
            raise NotIncremental("two passages tie on the passage order")
        return batch

    def load(self, docs: Collection[str]) -> list[int]:
        """Read every passage of ``docs`` (none shrunk) and group their occurrences into
        nodes; the new nodes' numbers."""
        batch = self.read(docs)
        # the occurrences in docs only: the other documents' nodes would lack some
        nodes = group_occurrences(occurrences(batch, docs, offset=1))
        if len({(nd.doc, nd.start, nd.end) for nd in nodes}) < len(nodes):
            extents: set[tuple[str, int, int]] = set()
            for nd in nodes:
                if (nd.doc, nd.start, nd.end) in extents:
                    raise NotIncremental(f"two nodes of {nd.doc} have the same extent")
                extents.add((nd.doc, nd.start, nd.end))
        ids = [r[0] for r in batch]
        first = len(self.nodes)
        for nd in nodes:  # from the batch's numbering of occurrences to the walk's
            nd.occurrences = [ids[k >> 1] << 1 | k & 1 for k in nd.occurrences]
        self.node_of.update({o: n for n, nd in enumerate(nodes, first) for o in nd.occurrences})
        self.nodes += nodes
        return list(range(first, len(self.nodes)))

    def reach(self, seeds: list[int], start: list[Occurrence]) -> set[int]:
        """Every node connected to the nodes ``seeds`` or to the occurrences ``start``,
        reading documents as the walk reaches them (a shrunk document's occurrences are
        rebuilt anyway: the walk stops there)."""
        reached: set[int] = set()
        todo, waiting = seeds, start
        while todo or waiting:
            if unread := {self.doc_of(o) for o in waiting} - self.loaded:
                self.load(unread)
            todo += [self.node_of[o] for o in waiting]
            waiting = []
            while todo:
                n = todo.pop()
                if n in reached:
                    continue
                reached.add(n)
                for occ in self.nodes[n].occurrences:
                    other = occ ^ 1  # the passage's other side
                    if other in self.node_of:
                        todo.append(self.node_of[other])
                    elif self.doc_of(other) not in self.change.shrunk:
                        waiting.append(other)
        return reached

    def doc_of(self, occurrence: Occurrence) -> str:
        row = self.rows[occurrence >> 1]
        return row[4] if occurrence & 1 else row[1]

    def changed_runs(self, grown: list[int]) -> tuple[dict[str, list[Extent]], list[int]]:
        """The runs (see the module docstring) of the grown documents' nodes ``grown`` that
        hold an occurrence of a new passage, and their nodes."""
        new = {
            self.node_of[o]
            for pid, row in self.rows.items()
            if row[9] == self.change.run_id
            for o in (pid << 1, pid << 1 | 1)
            if o in self.node_of
        }
        by_doc: dict[str, list[int]] = defaultdict(list)
        for n in grown:
            by_doc[self.nodes[n].doc].append(n)
        runs: dict[str, list[Extent]] = {}
        seeds: list[int] = []
        for doc, numbers in by_doc.items():
            for run in _runs(sorted(numbers, key=lambda n: self.nodes[n].start), self.nodes):
                if not new.isdisjoint(run):
                    seeds += run
                    extent = self.nodes[run[0]].start, max(self.nodes[n].end for n in run)
                    runs.setdefault(doc, []).append(extent)
        return runs, seeds


def _runs(numbers: list[int], nodes: Sequence[Node]) -> list[list[int]]:
    """Nodes of one document, by start, in runs: each run's nodes overlap in a chain."""
    runs: list[list[int]] = []
    end = None
    for n in numbers:
        if end is None or nodes[n].start >= end:
            runs.append([])
            end = nodes[n].end
        runs[-1].append(n)
        end = max(end, nodes[n].end)
    return runs


def affected_region(conn: sqlite3.Connection, change: Change, passages_total: int) -> Region:
    """The components of the node graph with a node in a shrunk document or in a changed run
    of a grown one."""
    walk = _Walk(conn, change, limit=int(MAX_READ_SHARE * passages_total))
    direct = walk.read(change.shrunk)  # every passage of a shrunk document is rebuilt
    runs, seeds = walk.changed_runs(walk.load(change.grown))
    sides = (r[0] << 1 | side for r in direct for side in (0, 1))
    start = [o for o in sides if walk.doc_of(o) not in change.shrunk]
    numbers = walk.reach(seeds, start)
    reached = [walk.nodes[n] for n in numbers]
    ids = {r[0] for r in direct} | {o >> 1 for nd in reached for o in nd.occurrences}
    if len(ids) > MAX_SHARE * passages_total:
        raise NotIncremental("the changed documents reach most of the passages")
    # no two of them tie on PASSAGE_ORDER: two that would share both documents, and so a
    # batch the walk read
    passages = sorted((walk.rows[i] for i in ids), key=passage_key)
    nodes, passage_nodes = _region_nodes(walk, numbers, passages, change.shrunk)
    return Region(
        passages=passages,
        docs={d for r in passages for d in (r[1], r[4])},
        extents={(nd.doc, nd.start, nd.end) for nd in reached},
        changed_runs=runs,
        nodes=nodes,
        passage_nodes=passage_nodes,
    )


def _region_nodes(
    walk: _Walk, numbers: Iterable[int], passages: list[PassageRow], shrunk: Collection[str]
) -> tuple[list[Node], list[tuple[int, int]]]:
    """The nodes :func:`echoscope.points.cluster.build_nodes` makes of the region's
    ``passages``, and each passage's two: the walked nodes ``numbers`` (a document's nodes
    depend on its occurrences only, and the walk read all of each document's, in the same
    order) and those of the shrunk documents, grouped here. build_nodes makes them by
    document, each document's in the order the walk made them."""
    index = {r[0]: i for i, r in enumerate(passages)}
    made: list[tuple[tuple[str, int], Node]] = []
    for n in numbers:
        nd = walk.nodes[n]
        occs = [index[o >> 1] << 1 | o & 1 for o in nd.occurrences]  # in the same order
        made.append(((nd.doc, n), Node(nd.doc, nd.start, nd.end, occs)))
    if shrunk:  # the walk made no node there, and it has no other document's
        fresh = group_occurrences(occurrences(passages, shrunk, offset=1))
        made += [((nd.doc, i), nd) for i, nd in enumerate(fresh)]
    made.sort(key=itemgetter(0))
    nodes = [nd for _, nd in made]
    node_of = [-1] * (2 * len(passages))
    for i, nd in enumerate(nodes):
        for k in nd.occurrences:
            node_of[k] = i
    if -1 in node_of:  # each side of a region passage is in a walked or a shrunk document
        raise NotIncremental("a passage of the changed part has a side in no node")
    return nodes, list(zip(node_of[0::2], node_of[1::2], strict=True))


def replaced_points(
    conn: sqlite3.Connection, region: Region, change: Change
) -> tuple[set[str], list[tuple[str, str, int, int]]]:
    """The stored points the region's points replace, and every stored member of the
    region's and the changed documents ``(point, doc, start, end)``."""
    members = point_rows.members_in(conn, region.docs | change.docs)
    old = {p for p, doc, start, end in members if region.replaces(change, doc, start, end)}
    return old, members


def check_replaced(old_members: Sequence[tuple], region: Region, change: Change) -> None:
    """A point to replace must lie in the region: else the stored points were not built from
    the store's previous passages, or a changed document is missing."""
    for row in old_members:
        if not region.replaces(change, row[1], row[2], row[3]):
            raise NotIncremental(f"stored point {row[0]} reaches outside the changed part")


def _earliest(point: str, members: Iterable[tuple]) -> tuple[str, int] | None:
    """Where a stored point's earliest occurrence starts: the member its id was made from."""
    for row in members:
        doc, start, end = row[1], row[2], row[3]
        if point in (point_id(doc, start), point_id(doc, start, end)):
            return doc, start
    return None


def check_ids(
    conn: sqlite3.Connection,
    new_points: Sequence[Point],
    old: set[str],
    old_members: Sequence[tuple],
    region_members: Sequence[tuple[str, str, int, int]],
) -> None:
    """No id of a rebuilt point may depend on a kept point (see the module docstring)."""
    if point_rows.existing_points(conn, (p.id for p in new_points)) - old:
        raise NotIncremental("a rebuilt point's id is taken by a kept point")
    starts = {(p.members[0].doc, p.members[0].start) for p in new_points}
    by_point: dict[str, list[tuple]] = {}
    for row in old_members:
        by_point.setdefault(row[0], []).append(row)
    for point, rows in by_point.items():
        where = _earliest(point, rows)
        if where is None:
            raise NotIncremental(f"stored point {point} has no member its id was made from")
        starts.add(where)
    for point, doc, start, end in region_members:
        if (
            point not in old
            and (doc, start) in starts
            and point in (point_id(doc, start), point_id(doc, start, end))
        ):
            raise NotIncremental(f"kept point {point} starts where a rebuilt one does")


def unchanged_points(
    conn: sqlite3.Connection, new_points: Sequence[Point], old_members: Sequence[tuple]
) -> set[str]:
    """The ids of the rebuilt points whose rows are the stored ones (all but the run id and
    the representative text, which follows from the representative's place): those rows can
    stay, and neither their full-text rows nor their actor edges change."""
    candidates = {p.id for p in new_points}
    stored: dict[str, list[tuple]] = {}
    for row in old_members:
        if row[0] in candidates:
            stored.setdefault(row[0], []).append(tuple(row))
    heads = {r[0]: tuple(r[:12]) for r in point_rows.point_rows_of(conn, stored)}
    bursts: dict[str, list[tuple]] = {}
    for row in point_rows.burst_rows_of(conn, stored):
        bursts.setdefault(row[0], []).append(tuple(row))
    return {
        p.id
        for p in new_points
        if p.id in heads
        and heads[p.id] == point_rows.point_row(p, "", 0)[:12]
        and stored[p.id] == point_rows.member_rows(p)
        and bursts.get(p.id, []) == point_rows.burst_rows(p)
    }


#: a repeat as the actor edges count it: (point, date, actor, its source's actor, hours since
#: the source)
Repeat = tuple[str, str | None, str | None, str | None, float | None]
Contribution = tuple[tuple[str, str], float, str, str | None]  # (pair, lag, point, date)
_ACTOR_COLUMN = {"speaker": 5, "outlet": 6}  # in a point_members row


def _repeats_of_rows(rows: Sequence[tuple], kind: str) -> list[Repeat]:
    """The repeats in stored member rows, all of each point's rows among them."""
    col = _ACTOR_COLUMN[kind]
    actor = {(r[0], r[1]): r[col] for r in rows}  # a source is a member of the same point
    return [(r[0], r[4], r[col], actor[(r[0], r[8])], r[11]) for r in rows if r[8] is not None]


def _repeats_of_points(points: Sequence[Point], kind: str) -> list[Repeat]:
    repeats: list[Repeat] = []
    for p in points:
        actor = {m.doc: getattr(m, kind) for m in p.members}
        repeats += [
            (p.id, m.date, getattr(m, kind), actor[m.source_doc], m.source_lag_hours)
            for m in p.members
            if m.source_doc is not None
        ]
    return repeats


def _contributions(repeats: Iterable[Repeat]) -> Counter[Contribution]:
    """What each repeat adds to its edge: :func:`echoscope.points.spread.actor_edges`'s
    rule, over repeats as the store holds them (no edge between one actor, or an unnamed one;
    no lag counts as 0)."""
    return Counter(
        ((source, actor), 0.0 if lag is None else lag, point, date)
        for point, date, actor, source, lag in repeats
        if source and actor and source != actor
    )


def _edges(kind: str, repeats: Iterable[tuple]) -> list[ActorEdge]:
    """The edges of stored repeats ``(source's actor, actor, lag, point, date)``, each
    between two named actors: :func:`echoscope.points.spread.actor_edges`'s sums (no lag
    counts as 0), which do not depend on the order of the repeats."""
    edges: dict[tuple[str, str], tuple[list[float], set[str], list[str]]] = {}
    for source, actor, lag, point, date in repeats:
        edge = edges.get((source, actor))
        if edge is None:
            edge = edges[(source, actor)] = ([], set(), [])
        edge[0].append(0.0 if lag is None else lag)
        edge[1].add(point)
        if date:
            edge[2].append(date)
    return [
        ActorEdge(
            kind,
            a,
            b,
            len(lags),
            round(statistics.median(lags), 2),
            len(points),
            min(dates, default=None),
            max(dates, default=None),
        )
        for (a, b), (lags, points, dates) in sorted(edges.items())
    ]


def update_actor_edges(
    conn: sqlite3.Connection, gone: Sequence[tuple], added: Sequence[Point]
) -> None:
    """Recompute the who-repeats-whom edges whose repeats changed: those of the deleted
    points (``gone``: all their stored member rows) against those of the inserted ones
    (``added``), from every stored repeat between the same actors (call it once the points
    are replaced). The other edges keep every repeat they had."""
    for kind in ACTOR_KINDS:
        before = _contributions(_repeats_of_rows(gone, kind))
        after = _contributions(_repeats_of_points(added, kind))
        pairs = {c[0] for c in (before - after) + (after - before)}
        if not pairs:
            continue
        # only the repeats between those pairs are read: the store holds many more
        edges = _edges(kind, point_rows.repeats_between(conn, kind, pairs))
        point_rows.replace_actor_edges(conn, kind, pairs, edges)
