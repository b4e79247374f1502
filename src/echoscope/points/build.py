"""Talking points of a store: cluster its passages, trace their spread, find bursts."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from echoscope.model import PassagePair
from echoscope.points.bursts import BurstParams, find_bursts
from echoscope.points.cluster import cluster
from echoscope.points.spread import ActorEdge, Point, actor_edges, trace
from echoscope.store.sqlite import Store


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
    spans = [p.spans for p in passages]
    scores = [p.score for p in passages]
    kinds = [p.kind for p in passages]
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
