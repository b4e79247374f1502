"""Talking points: clustering, chaining guard, first use, sources, bursts, exports."""

from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from pathlib import Path

import networkx as nx

from echoscope import api
from echoscope.evaluate import cluster_scores
from echoscope.points.bursts import BurstParams, find_bursts
from echoscope.points.cluster import build_nodes, cluster
from echoscope.points.spread import trace
from echoscope.store.sqlite import Store

DEMO = Path(__file__).resolve().parents[2] / "demo"


def gold_rows():
    """The planted copies (the paraphrase case is for ``detect --semantic``)."""
    rows = [json.loads(x) for x in (DEMO / "gold.jsonl").read_text("utf-8").splitlines()]
    return [g for g in rows if g["label"] not in ("paraphrase", "translation")]


def test_every_planted_point_is_one_cluster(demo_db):
    con = sqlite3.connect(demo_db)
    members = con.execute('SELECT doc, start, "end", point FROM point_members').fetchall()
    scores = cluster_scores(members, gold_rows())
    assert scores["purity"] == 1.0 and scores["inverse_purity"] == 1.0
    assert con.execute("SELECT count(*) FROM points").fetchone()[0] == len(
        {g["point"] for g in gold_rows()}
    )


def test_first_speaker_and_date_of_each_point(demo_db):
    docs = {
        json.loads(x)["id"]: json.loads(x)
        for x in (DEMO / "corpus.jsonl").read_text("utf-8").splitlines()
    }
    by_point = defaultdict(set)
    for g in gold_rows():
        by_point[g["point"]] |= {g["doc_a"], g["doc_b"]}
    expected = {}
    for point, ids in by_point.items():
        first = min(docs[i]["date"] for i in ids)
        expected[point] = (
            first,
            sorted(docs[i]["speaker"] for i in ids if docs[i]["date"] == first),
        )
    con = sqlite3.connect(demo_db)
    got = {}
    for pid, first in con.execute("SELECT id, first_date FROM points"):
        speakers = sorted(
            r[0]
            for r in con.execute(
                "SELECT speaker FROM point_members WHERE point = ? AND role = 'first'", (pid,)
            )
        )
        got[pid] = (first, speakers)
    assert sorted(got.values()) == sorted(expected.values())
    # the leader's launch press conference is the first use of all four allegations
    firsts = [v for v in got.values() if v == ("2026-02-10T11:00", ["Rustam Keshvani"])]
    assert len(firsts) == 4


def test_defectors_burst_is_found(demo_db):
    con = sqlite3.connect(demo_db)
    bursts = con.execute(
        "SELECT b.hours, b.actors FROM bursts b JOIN points p ON p.id = b.point "
        "WHERE p.first_date = '2026-02-10T11:00'"
    ).fetchall()
    assert any(hours <= 36 and len(json.loads(actors)) >= 5 for hours, actors in bursts)


def test_points_follow_incremental_runs(demo_db, tmp_path):
    lines = (DEMO / "corpus.jsonl").read_text("utf-8").splitlines(keepends=True)
    (tmp_path / "a.jsonl").write_text("".join(lines[:120]), encoding="utf-8")
    (tmp_path / "b.jsonl").write_text("".join(lines[120:]), encoding="utf-8")
    db = tmp_path / "inc.db"
    api.ingest(db, [tmp_path / "a.jsonl"])
    api.detect(db)
    api.ingest(db, [tmp_path / "b.jsonl"])
    assert api.detect(db).mode == "incremental"
    q = (
        'SELECT point, doc, start, "end", role, source_doc, lag_hours FROM point_members '
        "ORDER BY 1, 2, 3"
    )
    assert (
        sqlite3.connect(db).execute(q).fetchall() == sqlite3.connect(demo_db).execute(q).fetchall()
    )


def test_neighbouring_occurrences_in_one_document_stay_apart():
    # doc B holds two different points side by side; a long passage touching both must not
    # fuse them (mutual overlap of at least half of both spans)
    passages = [
        ("A", 0, 100, "B", 0, 100),
        ("B", 100, 200, "C", 0, 100),
        ("B", 0, 200, "D", 0, 200),
    ]
    nodes, _ = build_nodes(passages)
    assert sorted((n.start, n.end) for n in nodes if n.doc == "B") == [
        (0, 100),
        (0, 200),
        (100, 200),
    ]
    groups = [{(nodes[n].doc, nodes[n].start) for n in c} for c in cluster(passages).clusters]
    assert not any(("A", 0) in g and ("C", 0) in g for g in groups)


def test_sparse_chains_are_split():
    # a path A-B-C-D-E-F of pairwise alignments (density 1/3) is not one talking point
    docs = "ABCDEF"
    passages = [(docs[i], 0, 50, docs[i + 1], 0, 50) for i in range(5)]
    result = cluster(passages)
    assert len(result.clusters) > 1
    # a clique of six (every copy aligned to every other) is one point
    clique = [(docs[i], 0, 50, docs[j], 0, 50) for i in range(6) for j in range(i + 1, 6)]
    assert len(cluster(clique).clusters) == 1


def meta(date, speaker):
    return {"date": date, "speaker": speaker, "outlet": None, "series": None}


def test_ties_share_first_place_and_undated_is_never_first():
    passages = [
        ("a", 0, 50, "b", 0, 50),
        ("a", 0, 50, "c", 0, 50),
        ("b", 0, 50, "c", 0, 50),
        ("a", 0, 50, "d", 0, 50),
    ]
    docs = {
        "a": meta("2026-01-01T10:00", "X"),
        "b": meta("2026-01-01T10:00", "Y"),
        "c": meta("2026-01-02T10:00", "Z"),
        "d": meta(None, "W"),
    }
    (point,) = trace(cluster(passages), passages, [10, 20, 30, 5], docs)
    roles = {m.doc: m.role for m in point.members}
    assert roles == {"a": "first", "b": "first", "c": "repeat", "d": "undated"}
    c = next(m for m in point.members if m.doc == "c")
    assert c.source_doc == "b" and c.lag_hours == 24.0  # b-c aligned more strongly than a-c


def test_burst_needs_enough_distinct_actors_within_the_window():
    passages = [(f"d{i}", 0, 50, f"d{j}", 0, 50) for i in range(5) for j in range(i + 1, 5)]
    dates = [
        "2026-01-01T00:00",
        "2026-01-05T00:00",
        "2026-01-05T10:00",
        "2026-01-05T20:00",
        "2026-01-06T06:00",
    ]
    docs = {f"d{i}": meta(d, f"s{i}") for i, d in enumerate(dates)}
    (point,) = trace(cluster(passages), passages, [1.0] * len(passages), docs)
    (burst,) = find_bursts(point, BurstParams(window_hours=30, min_actors=4))
    assert burst["actors"] == ["s1", "s2", "s3", "s4"] and burst["hours"] == 30.0
    assert find_bursts(point, BurstParams(window_hours=12, min_actors=4)) == []


def test_point_and_network_exports(demo_db, tmp_path):
    n = 0
    with Store(demo_db, create=False, readonly=True) as store:
        from echoscope.store.export import export_network, export_points

        n = export_points(store, "jsonl", tmp_path / "p.jsonl")
        nodes, edges = export_network(store, "graphml", tmp_path / "n.graphml")
    recs = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text("utf-8").splitlines()]
    assert len(recs) == n and {"point", "doc", "start", "end", "date", "speaker", "role"} <= set(
        recs[0]
    )
    assert sum(r["role"] == "first" for r in recs) >= 9
    graph = nx.read_graphml(tmp_path / "n.graphml")
    assert graph.number_of_nodes() == nodes and graph.number_of_edges() == edges
    assert graph.has_edge("Rustam Keshvani", "Bilal Ostrander")


def test_changing_only_the_burst_definition_rebuilds_points(tmp_path):
    db = tmp_path / "t.db"
    lines = (DEMO / "corpus.jsonl").read_text("utf-8")
    (tmp_path / "c.jsonl").write_text(lines, encoding="utf-8")
    api.ingest(db, [tmp_path / "c.jsonl"])
    api.detect(db)
    assert len(api.bursts(db)) >= 1
    res = api.detect(db, bursts=BurstParams(window_hours=1, min_actors=8))
    assert res.mode == "points" and res.passages == 170
    assert len(api.bursts(db)) == 0
    frame = api.points(db)
    assert len(frame) == 9 and {"id", "speakers", "first_date", "text"} <= set(frame.columns)
    assert set(api.members(db, frame.id[0]).role) >= {"first", "repeat"}
    assert api.actors(db).iloc[0]["source"] == "Rustam Keshvani"


def test_eval_scores_exported_points(demo_db, tmp_path, capsys):
    from echoscope.cli import main

    assert main(["export", "points", "--db", str(demo_db), "--out", str(tmp_path / "p.jsonl")]) == 0
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in gold_rows()), "utf-8")
    assert (
        main(
            [
                "eval",
                "--db",
                str(demo_db),
                "--gold",
                str(gold),
                "--points",
                "point",
                "--members",
                str(tmp_path / "p.jsonl"),
                "--json",
            ]
        )
        == 0
    )
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert out["points"] == {"copies": 51, "purity": 1.0, "inverse_purity": 1.0, "ari": 1.0}


def test_point_views_in_the_terminal(demo_db, capsys):
    from echoscope.cli import main

    assert main(["points", "--db", str(demo_db), "--search", "gambler"]) == 0
    listing = capsys.readouterr().out
    assert "showing 1 of 9 talking points" in listing
    pid = listing.splitlines()[1].split()[0]
    assert main(["point", pid, "--db", str(demo_db)]) == 0
    story = capsys.readouterr().out
    assert "first   2026-02-10T11:00 Rustam Keshvani" in story
    assert "burst: 6 speakers within 33.58 h" in story
    assert "side by side" in story
    assert main(["points", "--db", str(demo_db), "--speaker", "Mian Rafaqat Dildar"]) == 0
    assert "showing 1 of 9" in capsys.readouterr().out
    assert main(["points", "--db", str(demo_db), "--until", "2026-02-01"]) == 0
    assert "no talking points match" in capsys.readouterr().out
    assert main(["point", "tp-nonexistent", "--db", str(demo_db)]) == 1
    assert main(["actors", "--db", str(demo_db), "--by", "outlet"]) == 0


def test_points_export_csv_and_parquet(demo_db, tmp_path):
    import csv

    import pyarrow.parquet as pq

    from echoscope.store.export import export_points

    with Store(demo_db, create=False, readonly=True) as store:
        n_csv = export_points(store, "csv", tmp_path / "p.csv")
        n_pq = export_points(store, "parquet", tmp_path / "p.parquet")
    with open(tmp_path / "p.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    table = pq.read_table(tmp_path / "p.parquet")
    assert n_csv == n_pq == len(rows) == table.num_rows == 51
    assert table.column("start").to_pylist() == [int(r["start"]) for r in rows]


def test_a_statement_reused_in_fragments_is_one_talking_point(tmp_path, maker):
    """Two speakers reuse one statement with its sentences shuffled, some dropped and others
    added: each copy is one reordered passage, and the three documents one talking point."""
    sentences = [maker.sentences(24) for _ in range(10)]
    statement = " ".join(sentences)

    def reworked(order: list[int]) -> str:
        out = []
        for k in order:
            words = sentences[k].split()
            words[3::7] = ["CHANGED"] * len(words[3::7])
            out += [" ".join(words), maker.sentences(14)]
        return " ".join(out)

    docs = [
        ("origin", "2026-02-01", f"{maker.sentences(60)} {statement} {maker.sentences(60)}"),
        ("copy1", "2026-02-02", f"{maker.sentences(40)} {reworked([6, 0, 8, 2, 4])}"),
        ("copy2", "2026-02-03", f"{reworked([2, 8, 0, 4, 6])} {maker.sentences(70)}"),
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(
        "".join(json.dumps({"id": i, "date": d, "text": t}) + "\n" for i, d, t in docs),
        encoding="utf-8",
    )
    db = tmp_path / "t.db"
    api.ingest(db, [corpus])
    api.detect(db, api.DetectParams(fragment_gap=-1))
    assert len(api.points(db)) > 1  # fragments kept apart make several points
    api.detect(db)
    origin_pairs = [p for p in api.pairs(db) if "origin" in (p.doc_a, p.doc_b)]
    assert sorted(p.kind for p in origin_pairs) == ["reordered", "reordered"]
    points = api.points(db)
    assert len(points) == 1
    members = api.members(db, points["id"][0])
    assert sorted(members["doc"]) == ["copy1", "copy2", "origin"]
    first = members[members["role"] == "first"]
    assert list(first["doc"]) == ["origin"]


def test_a_sparse_chain_of_passages_scoring_zero_still_clusters():
    # heavily edited passages can score 0 or below; community detection needs weights
    passages = [(f"d{k}", 0, 50, f"d{k + 1}", 0, 50) for k in range(4)]  # d0~d1~d2~d3~d4
    found = cluster(passages, [0.0, 0.0, 0.0, 0.0])
    assert sorted(n for c in found.clusters for n in c) == list(range(5))
    assert len(found.clusters) >= 2  # the chain is split, as with positive weights


def test_the_terminal_and_the_viewer_order_points_alike(demo_db):
    """One set of orders: `points --sort X` lists the points as the viewer's list does."""
    from echoscope.points.filters import POINT_SORTS
    from echoscope.show.points_view import query_points
    from echoscope.web import data

    conn = data.connect(demo_db)
    try:
        with Store(demo_db, readonly=True, create=False) as store:
            for sort in POINT_SORTS:
                listed = [r[0] for r in query_points(store, sort=sort, top=30)]
                page = data.points_page(conn, sort=sort, per_page=30)
                assert listed == [item["id"] for item in page["items"]], sort
    finally:
        conn.close()
