"""The viewer's data layer on the demo store: what every page and API answer is built from."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from echoscope.detect.ops import parse_ops
from echoscope.errors import EchoscopeError
from echoscope.web import data
from echoscope.web.alignview import side_by_side


@pytest.fixture(scope="module")
def conn(demo_db):
    data.index_for_search(demo_db)
    c = data.connect(demo_db)
    yield c
    c.close()


def test_connection_is_read_only(conn):
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM points")


def test_overview_counts_match_the_store(conn):
    o = data.overview(conn)
    assert o["counts"]["documents"] == 246
    assert o["counts"]["points"] == 9
    assert o["counts"]["passages"] == 170
    assert len(o["top_points"]) == 9
    spread = [p["speakers"] for p in o["top_points"]]
    assert spread == sorted(spread, reverse=True)
    assert sum(day["docs"] for day in o["activity"]) == 246  # every demo document is dated
    assert all(day["echoes"] <= day["docs"] for day in o["activity"])


def test_points_page_paginates_and_filters(conn):
    first = data.points_page(conn, per_page=4)
    assert (first["total"], first["pages"], len(first["items"])) == (9, 3, 4)
    last = data.points_page(conn, per_page=4, page=3)
    assert len(last["items"]) == 1
    ids = [p["id"] for n in (1, 2, 3) for p in data.points_page(conn, per_page=4, page=n)["items"]]
    assert len(set(ids)) == 9
    keshvani = data.points_page(conn, speaker="Rustam Keshvani")
    assert keshvani["total"] == 4
    with pytest.raises(EchoscopeError):
        data.points_page(conn, sort="nonsense")


def _allegation_point(conn) -> dict:
    hits = data.points_page(conn, speaker="Rustam Keshvani", sort="first")["items"]
    return data.point(conn, hits[0]["id"])


def test_point_page_names_the_first_speaker_and_links_each_repeat_to_its_source(conn):
    p = _allegation_point(conn)
    assert p["first"]["speaker"] == "Rustam Keshvani"
    assert p["first"]["doc"] == "pc-0038"
    assert p["first"]["date"] == "2026-02-10T11:00"
    members = p["members"]["items"]
    assert members[0]["role"] == "first" and members[0]["pair"] is None
    for m in members[1:]:
        pair = data.pair(conn, m["pair"])
        sides = {pair["a"]["doc"]["id"], pair["b"]["doc"]["id"]}
        assert sides == {m["doc"], m["source_doc"]}
    assert len(p["timeline"]) == p["docs"]
    assert {t["group"] for t in p["timeline"]} >= {"Rustam Keshvani"}


def test_point_colour_by_outlet_and_unknown_point(conn):
    p = _allegation_point(conn)
    by_outlet = data.point(conn, p["id"], color="outlet")
    assert {t["group"] for t in by_outlet["timeline"]} == {t["outlet"] for t in p["timeline"]}
    with pytest.raises(data.NotFound):
        data.point(conn, "tp-doesnotexist")


def test_pair_segments_rebuild_both_passages_exactly(conn):
    for (pid,) in conn.execute("SELECT id FROM passages").fetchall():
        d = data.pair(conn, pid)
        row = conn.execute("SELECT * FROM passages WHERE id = ?", (pid,)).fetchone()
        for side in ("a", "b"):
            text = conn.execute(
                "SELECT text FROM documents WHERE id = ?", (row[f"doc_{side}"],)
            ).fetchone()[0]
            passage = text[row[f"start_{side}"] : row[f"end_{side}"]]
            assert "".join(s["text"] for s in d[side]["segments"]) == passage
            words = [s for s in d[side]["segments"] if "cls" in s]
            assert len(words) == row[f"tokens_{side}"]
        # words the alignment paired share a column; each column has at most one word a side
        cols_a = {s["k"]: s["cls"] for s in d["a"]["segments"] if "k" in s}
        cols_b = {s["k"]: s["cls"] for s in d["b"]["segments"] if "k" in s}
        for k in cols_a.keys() & cols_b.keys():
            assert cols_a[k] == cols_b[k] and cols_a[k] in ("eq", "sub")
        assert sum(n for n, op in parse_ops(row["ops"]) if op == "=") == sum(
            1 for c in cols_a.values() if c == "eq"
        )


def test_side_by_side_marks_edits():
    a, b = side_by_side("the leader took money", "the boss took the money", "1=1X1=1I1=")
    assert [(s["text"], s["cls"]) for s in a if "cls" in s] == [
        ("the", "eq"),
        ("leader", "sub"),
        ("took", "eq"),
        ("money", "eq"),
    ]
    assert [(s["text"], s["cls"]) for s in b if "cls" in s] == [
        ("the", "eq"),
        ("boss", "sub"),
        ("took", "eq"),
        ("the", "ins"),
        ("money", "eq"),
    ]
    assert a[2]["k"] == b[2]["k"]  # "leader" and "boss" share a column


def test_document_highlights_exactly_its_talking_point_occurrences(conn):
    d = data.document(conn, "pc-0038")
    text = conn.execute("SELECT text FROM documents WHERE id = 'pc-0038'").fetchone()[0]
    assert "".join(s["text"] for s in d["segments"]) == text
    members = conn.execute(
        'SELECT start, "end", point FROM point_members WHERE doc = ?', ("pc-0038",)
    ).fetchall()
    assert members
    for start, end, point in members:
        covered = [s for s in d["segments"] if start <= s["start"] < end]
        assert covered and all(point in s["points"] for s in covered)
    outside = [s for s in d["segments"] if not s["points"]]
    for s in outside:
        assert not any(st <= s["start"] < en for st, en, _ in members)
    shared = d["passages"]
    assert shared["total"] == len(shared["items"]) >= 4  # shared with other documents
    one = data.document(conn, "pc-0038", per_page=1, page=2)["passages"]
    assert one["pages"] == shared["total"] and one["items"] == shared["items"][1:2]
    with pytest.raises(data.NotFound):
        data.document(conn, "no-such-doc")


def test_actor_page_traces_who_repeats_whom(conn):
    a = data.actor(conn, "Rustam Keshvani")
    assert a["documents"] == 10
    assert a["points"]["total"] == 4
    assert all(p["said_first"] for p in a["points"]["items"])
    assert a["repeated_by"]["total"] == len(a["repeated_by"]["items"]) >= 5
    assert {e["source"] for e in a["repeated_by"]["items"]} == {"Rustam Keshvani"}
    net = a["network"]
    names = {n["id"] for n in net["nodes"]}
    assert {e["target"] for e in a["repeated_by"]["items"]} <= names
    assert all(link["source"] in names and link["target"] in names for link in net["links"])
    assert [n["id"] for n in net["nodes"] if n["focus"]] == ["Rustam Keshvani"]
    with pytest.raises(data.NotFound):
        data.actor(conn, "Nobody At All")


def test_actors_list_is_ranked(conn):
    page = data.actors_page(conn, per_page=10)
    assert page["total"] == 110 and len(page["items"]) == 10
    ranks = [(r["points"], r["docs"]) for r in page["items"]]
    assert ranks == sorted(ranks, reverse=True)


def test_search_finds_points_and_documents_by_words_and_phrases(conn):
    r = data.search(conn, '"Federal Reconstruction Authority"')
    assert r["points"]["total"] >= 1
    assert r["documents"]["total"] >= 14
    hits = [p["text"] for d in r["documents"]["items"] for p in d["snippet"] if p["hit"]]
    phrase = "federal reconstruction authority"  # a snippet may end inside the phrase
    assert hits and all(phrase.startswith(h.lower()) for h in hits)
    assert phrase in {h.lower() for h in hits}
    assert (
        data.search(conn, "Reconstruction Federal")["documents"]["total"] >= r["documents"]["total"]
    )
    # FTS5 syntax typed by a user is taken as words, never an error
    for q in ('"unbalanced', "AND OR NOT", "a*b) (c", "NEAR(x y)", "'; DROP TABLE points; --"):
        data.search(conn, q)
    assert data.search(conn, "   ")["documents"]["total"] == 0


def test_fts_query_quotes_every_word():
    assert data.fts_query('he said "foreign agency" AND') == '"he" "said" "foreign agency" "AND"'
    assert data.fts_query('say "it') == '"say" "it"'
    assert data.fts_query('a"b') == '"a" "b"'
    assert data.fts_query("a\x00b") == '"a" "b"'  # a NUL would end the query early


def test_search_index_catches_up_with_new_documents(tmp_path):
    from echoscope import api

    def batch(name: str, words: str) -> Path:
        path = tmp_path / f"{name}.jsonl"
        path.write_text(json.dumps({"id": name, "text": words}) + "\n", encoding="utf-8")
        return path

    db = tmp_path / "s.db"
    api.ingest(db, [batch("one", "the harbour tender was rigged")])
    assert data.index_for_search(db) == 1
    assert data.index_for_search(db) == 0
    api.ingest(db, [batch("two", "a second tender, for the airport")])
    assert data.index_for_search(db) == 1
    c = data.connect(db)
    found = [d["id"] for d in data.search(c, "tender")["documents"]["items"]]
    assert sorted(found) == ["one", "two"]
    assert [d["id"] for d in data.search(c, "airport")["documents"]["items"]] == ["two"]
