"""Talking points of a store: cluster its passages, trace their spread, find bursts.

:func:`rebuild_points` builds them from every passage; :func:`update_points`, after a run that
changed the passages of some documents only, rebuilds the part of them those documents reach
(:mod:`echoscope.points.incremental`) and leaves the store as the full rebuild would.
"""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager

from echoscope.model import PassagePair
from echoscope.points import incremental
from echoscope.points.bursts import BurstParams, find_bursts
from echoscope.points.cluster import cluster, cluster_nodes
from echoscope.points.spread import ActorEdge, Point, actor_edges, trace
from echoscope.store import point_rows
from echoscope.store.sqlite import Store

Span = tuple[str, int, int, str, int, int]


def build_points(
    store: Store, conn: sqlite3.Connection, bursts: BurstParams | None = None
) -> tuple[list[Point], list[ActorEdge]]:
    """Points and who-repeats-whom edges (speakers and outlets) from the passages in ``conn``."""
    passages, docs = store.point_inputs(conn)
    return points_from(passages, docs, bursts)


def points_from(
    passages: Sequence[PassagePair], docs: dict[str, dict], bursts: BurstParams | None = None
) -> tuple[list[Point], list[ActorEdge]]:
    """Points and actor edges from passages in :data:`echoscope.model.PASSAGE_ORDER`, and
    each document's ``date``, ``speaker``, ``outlet`` and ``series``."""
    points = traced_points(
        [p.spans for p in passages],
        [p.score for p in passages],
        [p.kind for p in passages],
        docs,
        bursts,
    )
    edges = actor_edges(points, "speaker") + actor_edges(points, "outlet")
    return points, edges


def traced_points(
    spans: Sequence[Span],
    scores: Sequence[float],
    kinds: Sequence[str | None],
    docs: dict[str, dict],
    bursts: BurstParams | None = None,
) -> list[Point]:
    """The points of passages (spans, scores and kinds, in PASSAGE_ORDER), with bursts."""
    return _with_bursts(trace(cluster(spans, scores), spans, scores, docs, kinds), bursts)


def _with_bursts(points: list[Point], bursts: BurstParams | None) -> list[Point]:
    params = bursts or BurstParams()  # made (and checked) once, not once a point
    for p in points:
        p.bursts = find_bursts(p, params)
    return points


def rebuild_points(
    store: Store, conn: sqlite3.Connection, run_id: int, bursts: BurstParams | None = None
) -> int:
    """Replace the store's talking points with ones built from its passages; how many."""
    points, edges = build_points(store, conn, bursts)
    store.save_points(conn, points, edges, run_id)
    return len(points)


def update_points(
    store: Store,
    conn: sqlite3.Connection,
    run_id: int,
    bursts: BurstParams | None,
    changed_docs: Collection[str],
    *,
    deleted_from: Collection[str] | None = None,
) -> int:
    """After a run that changed the passages of ``changed_docs`` only (passages added,
    deleted or replaced; more documents will do, never fewer), bring the store's talking
    points, bursts, actor edges and points index to what :func:`rebuild_points` would write;
    how many points there are.

    ``deleted_from``: the documents that lost a passage in the run (a replaced passage is
    lost), when known; the other changed documents then only gained the passages saved with
    ``run_id``, and less of them is rebuilt. The stored points must be those built from the
    store's previous passages with the same ``bursts``.

    Only the components of the node graph the changes reach are rebuilt; where that cannot
    be shown to give the full rebuild's result (see :mod:`echoscope.points.incremental`), or
    they hold more than half of the passages, this is :func:`rebuild_points`."""
    docs = frozenset(changed_docs)
    shrunk = docs if deleted_from is None else frozenset(deleted_from) & docs
    try:
        with _collector_paused(), point_rows.larger_caches(conn):
            return _update_in_place(store, conn, bursts, incremental.Change(run_id, docs, shrunk))
    except incremental.NotIncremental:
        return rebuild_points(store, conn, run_id, bursts)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused: an update makes hundreds of thousands of
    small tuples and lists, none of them in a cycle, and the collections they set off (each
    walking every object the process holds) took a sixth of its time."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _update_in_place(
    store: Store, conn: sqlite3.Connection, bursts: BurstParams | None, change: incremental.Change
) -> int:
    """Every check comes before the first write, so a :class:`NotIncremental` leaves the
    store as it was."""
    region = incremental.affected_region(conn, change, store.count_passages())
    rows = region.passages
    docs = point_rows.point_documents(conn, region.docs)
    spans, scores, kinds = [r[1:7] for r in rows], [r[7] for r in rows], [r[8] for r in rows]
    # the walk made the region's nodes already: they are the ones cluster() would make
    clustering = cluster_nodes(region.nodes, region.passage_nodes, scores)
    new = _with_bursts(trace(clustering, spans, scores, docs, kinds), bursts)
    old, region_members = incremental.replaced_points(conn, region, change)
    old_rows = point_rows.members_of(conn, old)
    incremental.check_replaced(old_rows, region, change)
    incremental.check_ids(conn, new, old, old_rows, region_members)
    same = incremental.unchanged_points(conn, new, old_rows)
    gone = [r for r in old_rows if r[0] not in same]
    added = [p for p in new if p.id not in same]
    texts = store.texts(p.representative.doc for p in added)
    # a point rebuilt with its id and text keeps its full-text row: indexing costs most
    stored = point_rows.point_texts(conn, (p.id for p in added if p.id in old))
    indexed = {p.id for p in added if stored.get(p.id) == point_rows.representative_text(p, texts)}
    point_rows.delete_points(conn, old - same, indexed)
    point_rows.insert_points(conn, added, texts, change.run_id, indexed)
    point_rows.set_points_run(conn, change.run_id)
    incremental.update_actor_edges(conn, gone, added)
    return point_rows.count_points(conn)
