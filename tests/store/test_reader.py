"""The store's named read queries (echoscope.store.reader): what the viewer, the static report
and the terminal views ask of a store."""

from __future__ import annotations

import random
import re
import sqlite3
from pathlib import Path

import pytest

from echoscope.points.filters import POINT_SORTS, fts_query
from echoscope.store import reader

SRC = Path(__file__).resolve().parents[2] / "src" / "echoscope"


@pytest.fixture(scope="module")
def conn(demo_db):
    c = reader.open_reader(demo_db)
    yield c
    c.close()


@pytest.fixture
def demo_copy(demo_db, tmp_path) -> Path:
    """A private copy of the demo store, for tests that write beside the reader."""
    copy = tmp_path / "demo.db"
    src, dst = sqlite3.connect(demo_db), sqlite3.connect(copy)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return copy


@pytest.fixture(scope="module")
def tied_store(demo_db, tmp_path_factory) -> Path:
    """The demo store plus talking points made to tie on every sort key, some undated: the
    orders must break each tie the documented way."""
    path = tmp_path_factory.mktemp("tied") / "tied.db"
    src, dst = sqlite3.connect(demo_db), sqlite3.connect(path)
    try:
        src.backup(dst)
        rep_doc, run_id = dst.execute("SELECT rep_doc, run_id FROM points LIMIT 1").fetchone()
        rng = random.Random(5)
        dates = [None, "2026-01-01", "2026-01-02", "2026-01-02T09:00"]
        for k in range(48):
            first, last = sorted(rng.sample(dates[1:], 2)) if k % 5 else (None, None)
            dst.execute(
                "INSERT INTO points(id, docs, speakers, outlets, series, first_date, last_date, "
                "rep_doc, rep_start, rep_end, length, bursts, text, run_id) "
                "VALUES (?, ?, ?, 1, 1, ?, ?, ?, 0, 10, ?, ?, 'tied', ?)",
                (
                    f"tp-tie{rng.randrange(10**6):06d}-{k}",
                    rng.choice((2, 3)),
                    rng.choice((2, 3)),
                    first,
                    last,
                    rep_doc,
                    rng.choice((10, 20)),
                    rng.choice((0, 1)),
                    run_id,
                ),
            )
        dst.commit()
    finally:
        src.close()
        dst.close()
    return path


def _all_points(conn) -> list[dict]:
    return [dict(r) for r in reader.points_sorted(conn, sort="spread", limit=-1)]


def test_rows_are_read_by_name_whatever_the_connections_row_factory(demo_db):
    plain = sqlite3.connect(demo_db)  # its own rows would be tuples
    try:
        rows = reader.points_sorted(plain, sort="spread", limit=3)
        assert len(rows) == 3
        assert [r["id"] for r in rows] == [r[0] for r in rows]
        assert rows[0].keys() == [
            "id",
            "docs",
            "speakers",
            "outlets",
            "first_date",
            "last_date",
            "bursts",
            "length",
            "text",
        ]
        assert reader.point_record(plain, rows[0]["id"])["rep_doc"]
    finally:
        plain.close()


def _expected_order(points: list[dict], sort: str) -> list[str]:
    """Each named order worked out in Python: ties always fall to the id, undated last."""
    by_id = sorted(points, key=lambda p: p["id"])
    if sort == "recent":  # newest last use first: a descending string sort, stable on the id
        dated = [p for p in by_id if p["last_date"] is not None]
        dated.sort(key=lambda p: p["last_date"], reverse=True)
        return [p["id"] for p in dated + [p for p in by_id if p["last_date"] is None]]
    keys = {
        "spread": lambda p: (-p["speakers"], -p["docs"]),
        "docs": lambda p: (-p["docs"],),
        "burst": lambda p: (-p["bursts"], -p["speakers"]),
        "length": lambda p: (-p["length"],),
        "first": lambda p: (p["first_date"] is None, p["first_date"] or ""),
    }
    return [p["id"] for p in sorted(by_id, key=keys[sort])]


def test_every_named_order_sorts_as_documented(tied_store):
    conn = reader.open_reader(tied_store)
    try:
        points = _all_points(conn)
        assert len(points) > 48
        assert set(POINT_SORTS) == set(reader.POINT_ORDER_BY)
        for sort in POINT_SORTS:
            expected = _expected_order(points, sort)
            assert reader.point_ids_sorted(conn, sort) == expected, sort
            listed = reader.points_sorted(conn, sort=sort, limit=-1)
            assert [r["id"] for r in listed] == expected, sort
    finally:
        conn.close()


def test_limit_and_offset_page_through_one_order(tied_store):
    conn = reader.open_reader(tied_store)
    try:
        everything = reader.point_ids_sorted(conn, "recent")
        paged = []
        for offset in range(0, len(everything), 7):
            rows = reader.points_sorted(conn, sort="recent", limit=7, offset=offset)
            paged += [r["id"] for r in rows]
        assert paged == everything
    finally:
        conn.close()


def test_each_filter_keeps_exactly_the_points_it_names(conn):
    points = _all_points(conn)
    # a point's own date: a point whose date falls on the boundary is kept
    last_dates = sorted(p["last_date"] for p in points if p["last_date"])
    first_dates = sorted(p["first_date"] for p in points if p["first_date"])
    since, until = last_dates[len(last_dates) // 2], first_dates[len(first_dates) // 2]
    member_of = {
        p["id"]: [dict(m) for m in reader.point_members_by_date(conn, p["id"])] for p in points
    }
    gambler = {p["id"] for p in points if "gambler" in p["text"].lower()}
    cases = {
        "speaker": (
            {"speaker": "Rustam Keshvani"},
            lambda p: any(m["speaker"] == "Rustam Keshvani" for m in member_of[p["id"]]),
        ),
        "outlet": (
            {"outlet": "Marwen Press Club"},
            lambda p: any(m["outlet"] == "Marwen Press Club" for m in member_of[p["id"]]),
        ),
        "since": ({"since": since}, lambda p: (p["last_date"] or "") >= since),
        "until": (
            {"until": until},
            lambda p: p["first_date"] is not None and p["first_date"] <= until,
        ),
        "match": ({"match": fts_query("gambler")}, lambda p: p["id"] in gambler),
    }
    for name, (filters, keeps) in cases.items():
        expected = [p["id"] for p in points if keeps(p)]
        assert 0 < len(expected) < len(points), name  # the filter is a real test here
        listed = [r["id"] for r in reader.points_sorted(conn, sort="spread", limit=-1, **filters)]
        assert listed == expected, name
        assert reader.count_points(conn, **filters) == len(expected), name
    both = {"speaker": "Rustam Keshvani", "until": until}
    expected = [p["id"] for p in points if cases["speaker"][1](p) and cases["until"][1](p)]
    listed = [r["id"] for r in reader.points_sorted(conn, sort="spread", limit=-1, **both)]
    assert listed == expected and reader.count_points(conn, **both) == len(expected)
    assert reader.count_points(conn) == len(points)


def test_a_column_name_outside_the_known_ones_is_refused(conn):
    hostile = "speaker FROM documents; --"
    for call in (
        lambda: reader.count_actors(conn, hostile),
        lambda: reader.actor_names(conn, hostile),
        lambda: reader.actors_ranked(conn, hostile, 10, 0),
        lambda: reader.count_documents_of(conn, hostile, "x"),
        lambda: reader.point_timeline(conn, "tp-x", hostile, 10),
        lambda: reader.count_echo_edges_of(conn, "speaker", "x", hostile),
        lambda: reader.strongest_echo_edges_of(conn, "speaker", "x", hostile, 10),
    ):
        with pytest.raises(ValueError):
            call()


def test_the_reader_connection_cannot_write(demo_copy):
    c = reader.open_reader(demo_copy)
    try:
        before = reader.count_points(c)
        with pytest.raises(sqlite3.OperationalError):
            c.execute("DELETE FROM points")
        assert reader.count_points(c) == before > 0
    finally:
        c.close()


def test_the_data_version_moves_when_another_connection_commits(demo_copy):
    c = reader.open_reader(demo_copy)
    try:
        seen = reader.data_version(c)
        assert reader.data_version(c) == seen  # reading alone does not move it
        writer = reader.open_index_writer(demo_copy)
        try:
            writer.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('probe', '1')")
        finally:
            writer.close()
        assert reader.data_version(c) != seen
    finally:
        c.close()


def test_the_viewer_and_the_terminal_views_hold_no_sql():
    sql = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA)\b")
    files = [*sorted((SRC / "web").glob("*.py")), *sorted((SRC / "show").glob("*.py"))]
    files.append(SRC / "points" / "filters.py")
    assert len(files) >= 8
    found = [
        f"{path.relative_to(SRC)}:{n}: {line.strip()}"
        for path in files
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if sql.search(line)
    ]
    assert found == [], "SQL belongs in echoscope.store.reader:\n" + "\n".join(found)
