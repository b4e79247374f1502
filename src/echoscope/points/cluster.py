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
from collections.abc import Container, Sequence
from dataclasses import dataclass, field

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
    node_of = [0] * (2 * len(passages))
    nodes = group_occurrences(occurrences(passages), node_of)
    return nodes, list(zip(node_of[0::2], node_of[1::2], strict=True))


# an occurrence as nodes are made of it: (doc, start, -end, k), side k % 2 of passage k // 2
OccurrenceKey = tuple[str, int, int, int]


def occurrences(
    passages: Sequence[Sequence], docs: Container[str] | None = None, offset: int = 0
) -> list[OccurrenceKey]:
    """The occurrences of passages ``(doc_a, start_a, end_a, doc_b, start_b, end_b, ...)``
    (the spans from item ``offset`` on), or only those in ``docs``."""
    a, b = offset, offset + 3
    if docs is None:
        occs = [(p[a], p[a + 1], -p[a + 2], 2 * i) for i, p in enumerate(passages)]
        occs += [(p[b], p[b + 1], -p[b + 2], 2 * i + 1) for i, p in enumerate(passages)]
    else:
        occs = [(p[a], p[a + 1], -p[a + 2], 2 * i) for i, p in enumerate(passages) if p[a] in docs]
        occs += [
            (p[b], p[b + 1], -p[b + 2], 2 * i + 1) for i, p in enumerate(passages) if p[b] in docs
        ]
    return occs


def group_occurrences(occs: list[OccurrenceKey], node_of: list[int] | None = None) -> list[Node]:
    """The nodes of occurrences (sorted here), in the order :func:`build_nodes` makes them:
    a document's depend on its occurrences only, and are made in the same order whatever
    other documents' are there. ``node_of``: filled in with each occurrence's node."""
    # by document, start and longest first, k breaking ties (a stable sort's order)
    occs.sort()
    # the nodes as columns, made into Node objects at the end: cheaper to read in the loop
    docs: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    members: list[list[int]] = []
    open_nodes: list[int] = []  # this document's nodes that end after the occurrence
    doc = None
    for d, start, neg_end, k in occs:
        end = -neg_end
        best, best_ov = -1, 0
        if d != doc:
            doc, open_nodes = d, []
        elif open_nodes:
            still_open = []
            for n in open_nodes:  # one that ends before this start ends before all later ones
                n_start, n_end = starts[n], ends[n]
                if n_end <= start:
                    continue
                still_open.append(n)
                ov = (end if end < n_end else n_end) - (start if start > n_start else n_start)
                if (
                    ov > best_ov
                    and ov > MUTUAL_OVERLAP * (end - start)
                    and ov > MUTUAL_OVERLAP * (n_end - n_start)
                ):
                    best, best_ov = n, ov
            open_nodes = still_open
        if best < 0:
            best = len(docs)
            docs.append(d)
            starts.append(start)
            ends.append(end)
            members.append([k])
            open_nodes.append(best)
        else:
            if start < starts[best]:
                starts[best] = start
            if end > ends[best]:
                ends[best] = end
            members[best].append(k)
        if node_of is not None:
            node_of[k] = best
    return [Node(*node) for node in zip(docs, starts, ends, members, strict=True)]


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
    return cluster_nodes(*build_nodes(passages), weights)


def cluster_nodes(
    nodes: list[Node],
    passage_nodes: list[tuple[int, int]],
    weights: Sequence[float] | None = None,
) -> Clustering:
    """The clusters of the nodes :func:`build_nodes` makes of some passages (``weights``:
    their scores)."""
    edge_weight: dict[tuple[int, int], float] = {}
    for i, (u, v) in enumerate(passage_nodes):
        if u != v:
            key = (u, v) if u < v else (v, u)
            w = 1.0
            if weights is not None:
                # community detection needs positive weights; a heavily edited passage (more
                # edits than identical tokens) has a score below zero, and still links its
                # sides
                w = float(weights[i])
                if w < _MIN_WEIGHT:
                    w = _MIN_WEIGHT
            # the strongest passage between two nodes weighs their edge
            known = edge_weight.get(key)
            if known is None or w > known:
                edge_weight[key] = w
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
            import networkx as nx  # a fifth of a second to import: only when a split is due

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
