"""`export network` in each format: a file Gephi can read, with the expected speakers and edges."""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET

import networkx as nx
import pytest

from echoscope import api


@pytest.fixture
def network_db(tmp_path, maker):
    """Asha says three things first; Tomas repeats two of them two days later, Mira one of them
    four days later."""
    p1, p2, p3 = (maker.sentences(40) for _ in range(3))
    gap = maker.sentences
    docs = [
        ("a1", "Asha Verin", "2026-01-01T10:00", f"{gap(50)} {p1} {gap(80)} {p2} {gap(80)} {p3}"),
        ("b1", "Tomas Ild", "2026-01-03T10:00", f"{gap(50)} {p1} {gap(80)} {p3} {gap(40)}"),
        ("c1", "Mira Olse", "2026-01-05T10:00", f"{gap(50)} {p2} {gap(50)}"),
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": i, "speaker": s, "date": d, "text": t}) + "\n" for i, s, d, t in docs
        ),
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    api.ingest(db, [corpus])
    assert api.detect(db).passages == 3
    return db


EXPECTED_EDGES = {
    ("Asha Verin", "Tomas Ild"): {"weight": 2, "points": 2, "median_lag_hours": 48.0},
    ("Asha Verin", "Mira Olse"): {"weight": 1, "points": 1, "median_lag_hours": 96.0},
}


def local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


@pytest.mark.parametrize(
    ("fmt", "root", "read"),
    [("gexf", "gexf", nx.read_gexf), ("graphml", "graphml", nx.read_graphml)],
)
def test_network_export_is_the_named_format_with_the_expected_graph(
    network_db, tmp_path, fmt, root, read
):
    out = tmp_path / f"speakers.{fmt}"
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "echoscope.cli",
            "export",
            "network",
            "--db",
            str(network_db),
            "--format",
            fmt,
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert r.returncode == 0, r.stderr
    assert "3 speakers and 2 edges" in r.stdout
    tree = ET.parse(out)  # well-formed XML
    assert local(tree.getroot().tag) == root
    (graph_el,) = [e for e in tree.getroot() if local(e.tag) == "graph"]
    default = graph_el.get("defaultedgetype" if fmt == "gexf" else "edgedefault")
    assert default == "directed"
    xml_edges = {(e.get("source"), e.get("target")) for e in tree.iter() if local(e.tag) == "edge"}
    assert xml_edges == set(EXPECTED_EDGES)
    graph = read(out)
    assert graph.is_directed()
    assert sorted(graph.nodes) == ["Asha Verin", "Mira Olse", "Tomas Ild"]
    assert {graph.nodes[n]["label"] for n in graph.nodes} == set(graph.nodes)
    assert set(graph.edges) == set(EXPECTED_EDGES)
    for edge, attrs in EXPECTED_EDGES.items():
        got = graph.edges[edge]
        assert {k: float(got[k]) for k in attrs} == attrs, edge
