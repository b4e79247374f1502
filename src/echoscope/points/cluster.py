"""Talking points: passages that are the same stretch of text, grouped across documents.

Nodes: each side of a passage pair is an occurrence (document, start, end). Occurrences of one
document that overlap each other by more than half of *both* lengths are one node, so two
neighbouring talking points in a speech stay two nodes even when a long passage touches both.
Edges: every aligned pair joins the nodes of its two sides.
Clusters: connected components of the node graph. A component that is sparse (fewer than half
of its possible edges) and has at least four nodes is a chain (A~B~C where A and C share
nothing) or boilerplate that links unrelated texts; it is split into communities (Louvain,
seeded, so deterministic). A talking point is the copy of one passage in a family of documents
that all align with each other, so a true point is dense.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

import networkx as nx

MUTUAL_OVERLAP = 0.5
SPARSE_DENSITY = 0.5
MIN_SPLIT_NODES = 4
_MIN_WEIGHT = 1e-3  # of an edge, in passage-score units


@dataclass(slots=True)
class Node:
    """One stretch of one document that takes part in reuse."""

    doc: str
    start: int
    end: int
    # occurrences k: side k % 2 (0: doc_a, 1: doc_b) of passage k // 2
    occurrences: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Clustering:
    nodes: list[Node]
    passage_nodes: list[tuple[int, int]]  # per passage: (node of side a, node of side b)
    clusters: list[list[int]]  # node indices per cluster, each sorted


def build_nodes(
    passages: Sequence[tuple[str, int, int, str, int, int]],
) -> tuple[list[Node], list[tuple[int, int]]]:
    """Group the occurrences of each document into nodes (see module docstring)."""
    # occurrence k is side k % 2 of passage k // 2
    occs = [
        (p[0], p[1], p[2]) if side == 0 else (p[3], p[4], p[5]) for p in passages for side in (0, 1)
    ]
    order = sorted(range(len(occs)), key=lambda k: (occs[k][0], occs[k][1], -occs[k][2]))
    nodes: list[Node] = []
    node_of = [0] * len(occs)
    open_nodes: list[int] = []
    doc = None
    for k in order:
        d, start, end = occs[k]
        if d != doc:
            doc, open_nodes = d, []
        open_nodes = [n for n in open_nodes if nodes[n].end > start]
        best, best_ov = -1, 0
        for n in open_nodes:
            nd = nodes[n]
            ov = min(end, nd.end) - max(start, nd.start)
            if (
                ov > MUTUAL_OVERLAP * (end - start)
                and ov > MUTUAL_OVERLAP * (nd.end - nd.start)
                and ov > best_ov
            ):
                best, best_ov = n, ov
        if best < 0:
            nodes.append(Node(d, start, end))
            best = len(nodes) - 1
            open_nodes.append(best)
        else:
            nd = nodes[best]
            nd.start, nd.end = min(nd.start, start), max(nd.end, end)
        nodes[best].occurrences.append(k)
        node_of[k] = best
    passage_nodes = [(node_of[2 * i], node_of[2 * i + 1]) for i in range(len(passages))]
    return nodes, passage_nodes


def _components(n: int, edges: Sequence[tuple[int, int]]) -> list[int]:
    """Union-find: a component label (its root) for each of n nodes."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for u, v in edges:
        ru, rv = root(u), root(v)
        if ru != rv:
            parent[max(ru, rv)] = min(ru, rv)
    return [root(x) for x in range(n)]


def cluster(
    passages: Sequence[tuple[str, int, int, str, int, int]],
    weights: Sequence[float] | None = None,
) -> Clustering:
    """Nodes and clusters of a list of passage pairs (doc_a, start_a, end_a, doc_b, ...)."""
    nodes, passage_nodes = build_nodes(passages)
    edge_weight: dict[tuple[int, int], float] = {}
    for i, (u, v) in enumerate(passage_nodes):
        if u != v:
            key = (min(u, v), max(u, v))
            # community detection needs positive weights; a heavily edited passage (more
            # edits than identical tokens) has a score below zero, and still links its sides
            w = max(float(weights[i]), _MIN_WEIGHT) if weights is not None else 1.0
            edge_weight[key] = max(edge_weight.get(key, w), w)
    label = _components(len(nodes), list(edge_weight))
    members: dict[int, list[int]] = defaultdict(list)
    for x, r in enumerate(label):
        members[r].append(x)
    n_edges: dict[int, int] = defaultdict(int)
    for u, _ in edge_weight:
        n_edges[label[u]] += 1
    clusters: list[list[int]] = []
    for r, comp in members.items():
        n = len(comp)
        density = 2 * n_edges[r] / (n * (n - 1)) if n > 1 else 1.0
        if n >= MIN_SPLIT_NODES and density < SPARSE_DENSITY:
            graph = nx.Graph()
            graph.add_nodes_from(comp)
            graph.add_weighted_edges_from(
                (u, v, w) for (u, v), w in edge_weight.items() if label[u] == r
            )
            parts = nx.community.louvain_communities(graph, weight="weight", seed=0)
            clusters.extend(sorted(p) for p in parts)
        else:
            clusters.append(comp)
    clusters.sort(key=lambda c: (nodes[c[0]].doc, nodes[c[0]].start))
    return Clustering(nodes, passage_nodes, clusters)


def point_id(first_doc: str, first_start: int, first_end: int | None = None) -> str:
    """A talking point's id: stable while its earliest occurrence stays the earliest. The end
    tells apart two points whose earliest occurrences start at the same character."""
    key = f"{first_doc}\x00{first_start}" + ("" if first_end is None else f"\x00{first_end}")
    digest = hashlib.sha1(key.encode()).hexdigest()
    return f"tp-{digest[:10]}"
