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


@dataclass(slots=True)
class Occurrence:
    doc: str
    start: int
    end: int
    passage: int  # row index into the passage list
    side: int  # 0: doc_a side, 1: doc_b side


@dataclass(slots=True)
class Node:
    """One stretch of one document that takes part in reuse."""

    doc: str
    start: int
    end: int
    occurrences: list[int] = field(default_factory=list)  # indices into the occurrence list


@dataclass(slots=True)
class Clustering:
    nodes: list[Node]
    passage_nodes: list[tuple[int, int]]  # per passage: (node of side a, node of side b)
    clusters: list[list[int]]  # node indices per cluster, each sorted


def _overlap(s1: int, e1: int, s2: int, e2: int) -> int:
    return max(0, min(e1, e2) - max(s1, s2))


def build_nodes(
    passages: Sequence[tuple[str, int, int, str, int, int]],
) -> tuple[list[Node], list[tuple[int, int]]]:
    """Group the occurrences of each document into nodes (see module docstring)."""
    occs: list[Occurrence] = []
    for i, (da, sa, ea, db, sb, eb) in enumerate(passages):
        occs.append(Occurrence(da, sa, ea, i, 0))
        occs.append(Occurrence(db, sb, eb, i, 1))
    by_doc: dict[str, list[int]] = defaultdict(list)
    for k, o in enumerate(occs):
        by_doc[o.doc].append(k)
    nodes: list[Node] = []
    node_of = [0] * len(occs)
    for doc in sorted(by_doc):
        ks = sorted(by_doc[doc], key=lambda k: (occs[k].start, -occs[k].end))
        open_nodes: list[int] = []
        for k in ks:
            o = occs[k]
            open_nodes = [n for n in open_nodes if nodes[n].end > o.start]
            best, best_ov = -1, 0
            for n in open_nodes:
                nd = nodes[n]
                ov = _overlap(o.start, o.end, nd.start, nd.end)
                if (
                    ov > MUTUAL_OVERLAP * (o.end - o.start)
                    and ov > MUTUAL_OVERLAP * (nd.end - nd.start)
                    and ov > best_ov
                ):
                    best, best_ov = n, ov
            if best < 0:
                nodes.append(Node(doc, o.start, o.end))
                best = len(nodes) - 1
                open_nodes.append(best)
            nd = nodes[best]
            nd.start, nd.end = min(nd.start, o.start), max(nd.end, o.end)
            nd.occurrences.append(k)
            node_of[k] = best
    passage_nodes = [(node_of[2 * i], node_of[2 * i + 1]) for i in range(len(passages))]
    return nodes, passage_nodes


def cluster(
    passages: Sequence[tuple[str, int, int, str, int, int]], weights: Sequence[float] | None = None
) -> Clustering:
    """Nodes and clusters of a list of passage pairs (doc_a, start_a, end_a, doc_b, ...)."""
    nodes, passage_nodes = build_nodes(passages)
    graph = nx.Graph()
    graph.add_nodes_from(range(len(nodes)))
    for i, (u, v) in enumerate(passage_nodes):
        if u != v:
            w = float(weights[i]) if weights is not None else 1.0
            prev = graph.get_edge_data(u, v, {"weight": 0.0})["weight"]
            graph.add_edge(u, v, weight=max(prev, w))
    clusters: list[list[int]] = []
    for comp in nx.connected_components(graph):
        members = sorted(comp)
        n = len(members)
        sub = graph.subgraph(members)
        density = 2 * sub.number_of_edges() / (n * (n - 1)) if n > 1 else 1.0
        if n >= MIN_SPLIT_NODES and density < SPARSE_DENSITY:
            parts = nx.community.louvain_communities(sub, weight="weight", seed=0)
            clusters.extend(sorted(p) for p in parts)
        else:
            clusters.append(members)
    clusters.sort(key=lambda c: (nodes[c[0]].doc, nodes[c[0]].start))
    return Clustering(nodes, passage_nodes, clusters)


def point_id(first_doc: str, first_start: int) -> str:
    """A talking point's id: stable while its earliest occurrence stays the earliest."""
    digest = hashlib.sha1(f"{first_doc}\x00{first_start}".encode()).hexdigest()
    return f"tp-{digest[:10]}"
