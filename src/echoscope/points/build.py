"""Talking points of a store: cluster its passages, trace their spread, find bursts."""

from __future__ import annotations

import sqlite3

from echoscope.points.bursts import BurstParams, find_bursts
from echoscope.points.cluster import cluster
from echoscope.points.spread import ActorEdge, Point, actor_edges, trace
from echoscope.store.sqlite import Store


def build_points(
    store: Store, conn: sqlite3.Connection, bursts: BurstParams | None = None
) -> tuple[list[Point], list[ActorEdge]]:
    """Points and who-repeats-whom edges (speakers and outlets) from the passages in ``conn``."""
    rows, docs = store.point_inputs(conn)
    return points_from(rows, docs, bursts)


def points_from(
    rows: list[tuple], docs: dict[str, dict], bursts: BurstParams | None = None
) -> tuple[list[Point], list[ActorEdge]]:
    """Points and actor edges from passage rows ``(doc_a, start_a, end_a, doc_b, start_b,
    end_b, score[, kind])`` sorted by (doc_a, doc_b, start_a, start_b), and each document's
    ``date``, ``speaker``, ``outlet`` and ``series``."""
    spans = [r[:6] for r in rows]
    scores = [r[6] for r in rows]
    kinds = [r[7] if len(r) > 7 else None for r in rows]
    points = trace(cluster(spans, scores), spans, scores, docs, kinds)
    for p in points:
        p.bursts = find_bursts(p, bursts or BurstParams())
    edges = actor_edges(points, "speaker") + actor_edges(points, "outlet")
    return points, edges


def rebuild_points(
    store: Store, conn: sqlite3.Connection, run_id: int, bursts: BurstParams | None = None
) -> int:
    """Replace the store's talking points with ones built from its passages; how many."""
    points, edges = build_points(store, conn, bursts)
    store.save_points(conn, points, edges, run_id)
    return len(points)
