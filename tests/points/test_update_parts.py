"""The parts an in-place points update is made of give what the full rebuild's do: nodes of
some documents only, the stored repeats between pairs of actors, edges from them, and a
connection's settings put back."""

from __future__ import annotations

import random
import sqlite3
import statistics
from contextlib import closing

import pytest

from echoscope.points import build, incremental
from echoscope.points.cluster import build_nodes, cluster, group_occurrences, occurrences
from echoscope.points.spread import actor_edges, trace
from echoscope.store import point_rows
from echoscope.store.sqlite import Store

from .test_incremental import clique, copy, ingest_docs, planted_docs, save_run


def random_passages(rng: random.Random, docs: int, n: int) -> list[tuple]:
    out = []
    for _ in range(n):
        a, b = sorted(rng.sample(range(docs), 2))
        sa, sb = rng.randrange(300), rng.randrange(300)
        out.append((f"d{a}", sa, sa + rng.randint(5, 90), f"d{b}", sb, sb + rng.randint(5, 90)))
    return out


def spans(nodes) -> list[tuple]:
    return [(n.doc, n.start, n.end, n.occurrences) for n in nodes]


@pytest.mark.parametrize("seed", range(20))
def test_nodes_of_some_documents_are_build_nodes_ones(seed):
    rng = random.Random(seed)
    passages = random_passages(rng, 8, 60)
    every, _ = build_nodes(passages)
    some = {"d1", "d4", "d5"}
    assert spans(group_occurrences(occurrences(passages, some))) == spans(
        [n for n in every if n.doc in some]
    )
    # the spans may start further on in each row (the store's passage rows lead with an id)
    rows = [(i, *p) for i, p in enumerate(passages)]
    assert spans(group_occurrences(occurrences(rows, offset=1))) == spans(every)


def test_equal_scores_keep_the_first_passage_and_no_score_still_links():
    # two passages join a and b with one score: the first one's kind is how b matched a;
    # c's only passage has no score above minus infinity, and c is still a's partner
    passages = [("a", 0, 50, "b", 0, 50), ("a", 0, 50, "b", 2, 50), ("a", 0, 50, "c", 0, 50)]
    scores = [3.0, 3.0, float("-inf")]
    docs = {
        d: {"date": f"2026-01-0{i + 1}", "speaker": d, "outlet": None, "series": None}
        for i, d in enumerate("abc")
    }
    (point,) = trace(cluster(passages, [1.0, 1.0, 1.0]), passages, scores, docs, ["x", "y", "z"])
    members = {m.doc: m for m in point.members}
    assert members["b"].match == "x" and members["b"].source_doc == "a"
    assert members["a"].degree == 2 and members["c"].degree == 1


def test_edges_do_not_depend_on_the_order_of_the_repeats():
    rng = random.Random(5)
    repeats = [
        (rng.choice("ab"), rng.choice("cd"), rng.choice([None, 1.5, 2.0, 7.25]), f"p{i % 4}",
         rng.choice([None, "", "2026-01-02", "2026-01-01"]))
        for i in range(40)
    ]  # fmt: skip
    edges = incremental._edges("speaker", repeats)
    rng.shuffle(repeats)
    assert incremental._edges("speaker", repeats) == edges
    ac = [r for r in repeats if r[:2] == ("a", "c")]
    (edge,) = [e for e in edges if (e.source, e.target) == ("a", "c")]
    lags = [0.0 if r[2] is None else r[2] for r in ac]
    assert edge.count == len(ac) and edge.median_lag_hours == round(statistics.median(lags), 2)
    assert edge.points == len({r[3] for r in ac})


def test_repeats_between_pairs_are_the_stored_ones(tmp_path):
    docs = {
        "A": ("2026-03-01T08:00", "Amal", "outlet 1"),
        "B": ("2026-03-01T20:00", "Basit", "outlet 2"),
        "C": ("2026-03-02T08:00", "Amal", "outlet 1"),
        "D": ("2026-03-04T08:00", "Basit", "outlet 2"),
        "E": ("2026-03-05T08:00", "Chen", "outlet 3"),
    } | planted_docs("FGHI")
    db = tmp_path / "t.db"
    ingest_docs(db, docs)
    save_run(db, [*clique("ABCE", 0), copy("C", "D", 1), *clique("FGHI", 2)], build.rebuild_points)
    with closing(sqlite3.connect(db)) as conn:
        points = conn.execute("SELECT count(*) FROM points").fetchone()[0]
        for kind in incremental.ACTOR_KINDS:
            stored = _stored_repeats(conn, kind)
            every = {r[:2] for r in stored}
            assert every and points >= 3
            some = set(sorted(every)[::2])
            got = point_rows.repeats_between(conn, kind, some)
            assert sorted(got, key=repr) == sorted((r for r in stored if r[:2] in some), key=repr)
            # with every pair, their edges are the stored ones (a full rebuild's)
            edges = incremental._edges(kind, point_rows.repeats_between(conn, kind, every))
            rows = conn.execute("SELECT * FROM actor_edges WHERE kind = ?", (kind,)).fetchall()
            assert sorted(point_rows.edge_row(e) for e in edges) == sorted(rows)


def _stored_repeats(conn: sqlite3.Connection, kind: str) -> list[tuple]:
    """Every stored repeat between two named actors, by a plain walk over the members."""
    rows = conn.execute("SELECT * FROM point_members").fetchall()
    col = {"speaker": 5, "outlet": 6}[kind]
    actor = {(r[0], r[1]): r[col] for r in rows}
    out = []
    for r in rows:
        if r[8] is None:
            continue
        source = actor[(r[0], r[8])]
        if source and r[col] and source != r[col]:
            out.append((source, r[col], r[11], r[0], r[4]))
    return out


def test_actor_edges_of_points_are_the_edges_of_their_repeats():
    passages = [copy(a, b, 0).spans for a, b in (("A", "B"), ("A", "C"), ("B", "C"))]
    docs = {
        "A": {"date": "2026-01-01", "speaker": "x", "outlet": "o", "series": None},
        "B": {"date": "2026-01-02", "speaker": "y", "outlet": "o", "series": None},
        "C": {"date": "2026-01-04", "speaker": "z", "outlet": "p", "series": None},
    }
    points = trace(cluster(passages), passages, [1.0, 2.0, 3.0], docs)
    for kind in incremental.ACTOR_KINDS:
        repeats = [
            (src, actor, lag, point, date)
            for point, date, actor, src, lag in incremental._repeats_of_points(points, kind)
            if src and actor and src != actor
        ]
        assert sorted(incremental._edges(kind, repeats), key=repr) == sorted(
            actor_edges(points, kind), key=repr
        )


def test_the_larger_caches_are_put_back(tmp_path):
    with Store(tmp_path / "t.db") as store:
        conn = store.conn
        before = [conn.execute(f"PRAGMA {p}").fetchall() for p in ("cache_size", "mmap_size")]
        with point_rows.larger_caches(conn):
            assert -conn.execute("PRAGMA cache_size").fetchone()[0] >= point_rows.UPDATE_CACHE_KIB
        after = [conn.execute(f"PRAGMA {p}").fetchall() for p in ("cache_size", "mmap_size")]
        assert after == before
    with closing(sqlite3.connect(":memory:")) as conn, point_rows.larger_caches(conn):
        pass  # no memory-mapped reads there
