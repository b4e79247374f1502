"""Updating the talking points after a run that changed some documents' passages gives every
row the full rebuild gives: points, members, bursts, actor edges and the points index."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

from echoscope import api
from echoscope.model import PassagePair
from echoscope.points import build, incremental
from echoscope.points.cluster import build_nodes, point_id
from echoscope.store.sqlite import Store, now

DEMO = Path(__file__).resolve().parents[2] / "demo"
GENCORPUS = Path(__file__).resolve().parents[3] / "shared" / "tools" / "gencorpus.py"

TABLES = {
    "points": "SELECT * FROM points",
    "point_members": "SELECT * FROM point_members",
    "bursts": "SELECT * FROM bursts",
    "actor_edges": "SELECT * FROM actor_edges",
    "points_fts": "SELECT id, text FROM points_fts",
}
Tables = dict[str, list[tuple]]
Points = Callable[[Store, sqlite3.Connection, int], int]


def point_tables(db: Path) -> Tables:
    """Every row of the tables the points are stored in, sorted."""
    with closing(sqlite3.connect(db)) as con:
        return {t: sorted(con.execute(q).fetchall(), key=repr) for t, q in TABLES.items()}


def point_groups(tables: Tables) -> list[set[str]]:
    """Each point's documents (but the background's)."""
    groups: dict[str, set[str]] = {}
    for row in tables["point_members"]:
        groups.setdefault(row[0], set()).add(row[1])
    return sorted((g for g in groups.values() if not g & BACKGROUND_DOCS.keys()), key=sorted)


FULL_REBUILD = build.rebuild_points  # what updating() below replaces in update_points


def rebuild(store: Store, conn: sqlite3.Connection, run_id: int) -> int:
    return FULL_REBUILD(store, conn, run_id)


def updating(changed: Iterable[str], deleted: Iterable[str] | None, fallbacks: list) -> Points:
    """update_points (told the documents ``deleted`` from, unless None), noting in
    ``fallbacks`` each time it rebuilds every point instead."""

    def update(store: Store, conn: sqlite3.Connection, run_id: int) -> int:
        def counted(*args):
            fallbacks.append("rebuilt")
            return FULL_REBUILD(*args)

        deleted_from = None if deleted is None else set(deleted)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(build, "rebuild_points", counted)
            patch.setattr(incremental, "affected_region", region_checked)
            return build.update_points(
                store, conn, run_id, None, set(changed), deleted_from=deleted_from
            )

    return update


AFFECTED_REGION = incremental.affected_region


def region_checked(*args) -> incremental.Region:
    """The region, whose nodes (the walk's) must be those build_nodes makes of its passages."""
    region = AFFECTED_REGION(*args)
    nodes, passage_nodes = build_nodes([r[1:7] for r in region.passages])
    assert [(n.doc, n.start, n.end, n.occurrences) for n in region.nodes] == [
        (n.doc, n.start, n.end, n.occurrences) for n in nodes
    ]
    assert region.passage_nodes == passage_nodes
    return region


@pytest.fixture(params=["deletions unknown", "deletions known"])
def told(request) -> bool:
    """Whether update_points is told which documents lost passages (then, of the others,
    only the stretches around the new passages are rebuilt)."""
    return request.param == "deletions known"


@dataclass
class Runs:
    before: Tables  # after the first run
    updated: Tables  # after the second, its points updated
    rebuilt: Tables  # after the second, its points rebuilt
    fallbacks: list[str]  # the update's full rebuilds


def assert_updated_in_place(runs: Runs) -> None:
    assert runs.fallbacks == []
    assert runs.updated == runs.rebuilt


# -- planted passages ----------------------------------------------------------------------

TEXT = " ".join(f"w{i:03d}" for i in range(600))  # 2,999 characters, words at every 5th
SLOT = 300  # a talking point per slot of a document: [slot * SLOT, slot * SLOT + 100)


def ingest_docs(db: Path, docs: dict[str, tuple[str, str, str]]) -> None:
    """Documents ``id: (date, speaker, outlet)``, each its own series, all with ``TEXT``."""
    path = db.with_suffix(".jsonl")
    path.write_text(
        "".join(
            json.dumps({"id": i, "date": d, "speaker": s, "outlet": o, "text": TEXT}) + "\n"
            for i, (d, s, o) in docs.items()
        ),
        encoding="utf-8",
    )
    api.ingest(db, [path])


def copy(a: str, b: str, slot: int, length: int = 100) -> PassagePair:
    """Documents ``a`` and ``b`` share ``length`` characters at ``slot`` (both sides)."""
    start = slot * SLOT
    a, b = sorted((a, b))
    return PassagePair(a, start, start + length, b, start, start + length, 20, 20, 20.0,
                       1.0, "verbatim", "20=")  # fmt: skip


def shifted(p: PassagePair, a: int = 0, b: int = 0) -> PassagePair:
    """The passage with its side in the first document moved to ``a``, in the second to ``b``
    (0: where it is)."""
    start_a, start_b = a or p.start_a, b or p.start_b
    return PassagePair(p.doc_a, start_a, start_a + p.end_a - p.start_a, p.doc_b, start_b,
                       start_b + p.end_b - p.start_b, p.tokens_a, p.tokens_b, p.score,
                       p.identity, p.kind, p.ops)  # fmt: skip


def clique(docs: Sequence[str], slot: int) -> list[PassagePair]:
    return [copy(a, b, slot) for i, a in enumerate(docs) for b in docs[i + 1 :]]


def chain(docs: Sequence[str], slot: int) -> list[PassagePair]:
    return [copy(a, b, slot) for a, b in pairwise(docs)]


def save_run(
    db: Path,
    passages: list[PassagePair],
    points: Points,
    replaced: list[tuple[str, str]] | None = None,
) -> None:
    """A run that replaces the passages of ``replaced`` pairs (None: all) and adds
    ``passages``, then builds the points with ``points``, in one transaction."""
    with Store(db) as store, store.transaction() as conn:
        run_id = store.save_run(
            conn,
            started=now(),
            engine="test",
            mode="full" if replaced is None else "incremental",
            params={},
            docs=0,
            new_docs=0,
            last_doc=0,
            counts={},
            seconds={},
            replace_pairs=replaced,
            passages=passages,
        )
        points(store, conn, run_id)


def docs_of(passages: Iterable[PassagePair], pairs: Iterable[tuple[str, str]] = ()) -> set[str]:
    return {d for p in passages for d in (p.doc_a, p.doc_b)} | {d for pair in pairs for d in pair}


def two_runs(
    tmp_path: Path,
    told: bool,
    docs: dict[str, tuple[str, str, str]],
    first: list[PassagePair],
    second: list[PassagePair],
    replaced: Sequence[tuple[str, str]] = (),
    changed: set[str] | None = None,
) -> Runs:
    """The same two runs (the first over the background too) in two stores; the second's
    points updated (``changed``: by default the documents of its passages and replaced pairs,
    which lost theirs) in one and rebuilt in the other."""
    changed = docs_of(second, replaced) if changed is None else changed
    deleted = docs_of([], replaced) if told else None
    fallbacks: list[str] = []
    tables = {}
    update = updating(changed, deleted, fallbacks)
    for name, points in (("updated", update), ("rebuilt", rebuild)):
        db = tmp_path / f"{name}.db"
        ingest_docs(db, docs | BACKGROUND_DOCS)
        save_run(db, first + BACKGROUND, rebuild)
        tables["before"] = point_tables(db)
        save_run(db, second, points, list(replaced))
        tables[name] = point_tables(db)
    return Runs(**tables, fallbacks=fallbacks)


def planted_docs(names: str) -> dict[str, tuple[str, str, str]]:
    """Documents an hour apart, each its own speaker, in two outlets."""
    return {
        n: (f"2026-03-02T{i:02d}:00", f"speaker {n}", f"outlet {i % 2}")
        for i, n in enumerate(names)
    }


# points no run changes, most of each store's passages (an update that reaches more than half
# of them is a full rebuild)
BACKGROUND_DOCS = {
    f"bg{i:02d}": (f"2026-01-{i + 1:02d}", f"bg speaker {i}", "bg") for i in range(30)
}
BACKGROUND = [p for i in range(0, 30, 3) for p in clique([f"bg{i + k:02d}" for k in range(3)], 0)]


def test_new_passages_merge_two_old_components(tmp_path, told):
    docs = planted_docs("ABCDEFG")
    first = [copy("A", "B", 0), copy("C", "D", 0), *clique("FG", 1), copy("A", "F", 2)]
    # E repeats both points: with it, the five documents are one dense point (and a burst:
    # five speakers within 48 hours)
    second = [copy(x, "E", 0) for x in "ABCD"]
    runs = two_runs(tmp_path, told, docs, first, second)
    assert {"A", "B"} in point_groups(runs.before) and {"C", "D"} in point_groups(runs.before)
    assert {"A", "B", "C", "D", "E"} in point_groups(runs.rebuilt)
    assert runs.rebuilt["bursts"] and not runs.before["bursts"]
    assert_updated_in_place(runs)


def test_a_new_document_joins_a_point(tmp_path, told):
    docs = planted_docs("ABCDFGH")
    # B also voices a second point, with F; G and H share a third that nothing touches
    first = [*clique("ABC", 1), copy("B", "F", 2), copy("G", "H", 0)]
    second = [copy(x, "D", 1) for x in "ABC"]
    runs = two_runs(tmp_path, told, docs, first, second)
    assert {"A", "B", "C"} in point_groups(runs.before)
    assert {"A", "B", "C", "D"} in point_groups(runs.rebuilt)
    assert {"B", "F"} in point_groups(runs.rebuilt)
    assert_updated_in_place(runs)


def test_a_component_split_by_louvain_is_rebuilt_whole(tmp_path, told):
    # the chain H-I-J-K-L-M is sparse, so Louvain splits it: H-I, J-K and L-M; a new
    # document at the M end moves J to H and I, whose point has no member that changed
    docs = planted_docs("HIJKLMN")
    first = chain("HIJKLM", 3)
    second = [copy("M", "N", 3)]
    runs = two_runs(tmp_path, told, docs, first, second)
    assert point_groups(runs.before) == [{"H", "I"}, {"J", "K"}, {"L", "M"}]
    assert {"H", "I", "J"} in point_groups(runs.rebuilt)
    assert_updated_in_place(runs)


def test_a_new_passage_joining_two_stretches_of_a_document(tmp_path, told):
    # B's points with A (at 0) and C (at 150) overlap nothing; D's passage overlaps both,
    # so they are one stretch of B now, as they are rebuilt
    docs = planted_docs("ABCD")
    first = [copy("A", "B", 0), shifted(copy("B", "C", 0), a=150)]
    second = [shifted(copy("B", "D", 0, length=90), a=80)]
    runs = two_runs(tmp_path, told, docs, first, second)
    assert point_groups(runs.rebuilt) == [{"A", "B"}, {"B", "C"}, {"B", "D"}]
    assert_updated_in_place(runs)


def test_a_new_passage_regroups_a_documents_occurrences(tmp_path, told):
    # B[0, 100) with A and B[50, 150) with C overlap too little to be one node; with D's
    # B[0, 120) they are one: the old passages' node changes with the new one's
    docs = planted_docs("ABCD")
    first = [copy("A", "B", 0), shifted(copy("B", "C", 0), a=50)]
    second = [copy("B", "D", 0, length=120)]
    runs = two_runs(tmp_path, told, docs, first, second)
    assert point_groups(runs.before) == [{"A", "B"}, {"B", "C"}]
    assert point_groups(runs.rebuilt) == [{"A", "B", "C", "D"}]
    assert_updated_in_place(runs)


def test_replaced_pairs_delete_and_reshape_passages(tmp_path, told):
    docs = planted_docs("PQRSXYZ")
    first = [*clique("PQRS", 4), copy("X", "Y", 4), copy("Y", "Z", 5)]
    # P-Q and X-Y lose their passages; P-R's is replaced by a shorter one
    replaced = [("P", "Q"), ("P", "R"), ("X", "Y")]
    second = [copy("P", "R", 4, length=70)]
    runs = two_runs(tmp_path, told, docs, first, second, replaced)
    assert {"X", "Y"} in point_groups(runs.before) and {"X", "Y"} not in point_groups(runs.rebuilt)
    assert {"Y", "Z"} in point_groups(runs.rebuilt)
    assert runs.before["points"] != runs.rebuilt["points"]
    assert_updated_in_place(runs)


def test_changed_documents_may_be_more_than_changed(tmp_path, told):
    docs = planted_docs("ABCDEFGH")
    first = [*clique("ABC", 1), *clique("EFG", 2)]
    second = [copy("C", "D", 1)]
    runs = two_runs(tmp_path, told, docs, first, second, changed={"D", "C", "E"})
    assert_updated_in_place(runs)


def test_actor_edges_follow_the_changed_repeats(tmp_path, told):
    # Basit repeats Amal in two points, and a third time in the second run: the edge's
    # count, median lag and last date change, and an outlet edge appears
    docs = {
        "A": ("2026-03-01T08:00", "Amal", "outlet 1"),
        "B": ("2026-03-01T20:00", "Basit", "outlet 2"),
        "C": ("2026-03-02T08:00", "Amal", "outlet 1"),
        "D": ("2026-03-04T08:00", "Basit", "outlet 2"),
        "E": ("2026-03-05T08:00", "Basit", "outlet 3"),
    }
    first = [copy("A", "B", 0), copy("C", "D", 1)]
    second = [copy("C", "E", 1)]
    runs = two_runs(tmp_path, told, docs, first, second)
    assert runs.before["actor_edges"] != runs.rebuilt["actor_edges"]
    assert_updated_in_place(runs)


def point_docs(tables: Tables, pid: str) -> set[str]:
    return {row[1] for row in tables["point_members"] if row[0] == pid}


# X holds two points that both start at its character 0, X their earliest document: the first
# in cluster order (the one of X's longer node) takes the id of (X, 0), the other (X, 0, end).


def test_a_rebuilt_point_that_would_take_a_kept_points_id_falls_back(tmp_path, told):
    docs = planted_docs("XYZW")
    first = [copy("X", "Y", 0), copy("X", "Z", 0, length=40)]
    second = [copy("W", "Z", 0, length=40)]  # rebuilt alone, X-Z would take (X, 0)
    runs = two_runs(tmp_path, told, docs, first, second)
    assert point_docs(runs.before, point_id("X", 0)) == {"X", "Y"}
    assert point_docs(runs.before, point_id("X", 0, 40)) == {"X", "Z"}
    assert runs.fallbacks == ["rebuilt"]
    assert runs.updated == runs.rebuilt


def test_a_kept_point_whose_id_follows_a_rebuilt_one_falls_back(tmp_path, told):
    docs = planted_docs("WXYZ")
    first = [copy("X", "Z", 0), copy("X", "Y", 0, length=40)]
    # W, earlier than X, joins X-Z, which then starts in W: the kept X-Y takes (X, 0)
    second = [copy("W", "Z", 0)]
    runs = two_runs(tmp_path, told, docs, first, second)
    assert point_docs(runs.before, point_id("X", 0)) == {"X", "Z"}
    assert point_docs(runs.rebuilt, point_id("X", 0)) == {"X", "Y"}
    assert runs.fallbacks == ["rebuilt"]
    assert runs.updated == runs.rebuilt


def test_a_change_that_reaches_most_points_is_a_full_rebuild(tmp_path, told):
    docs = planted_docs("F")
    # F repeats every background point, and joins them into one component
    second = [copy(f"bg{i:02d}", "F", 0) for i in range(0, 30, 3)]
    runs = two_runs(tmp_path, told, docs, [], second)
    assert runs.fallbacks == ["rebuilt"]
    assert runs.updated == runs.rebuilt


def test_no_change_keeps_every_row(tmp_path, told):
    docs = planted_docs("ABCD")
    first = [*clique("ABC", 0), copy("C", "D", 1)]
    runs = two_runs(tmp_path, told, docs, first, [])
    run_ids = {r[-1] for r in runs.updated["points"]}
    assert run_ids == {2}  # as the rebuild in that run would write them
    assert_updated_in_place(runs)


# -- detected corpora ----------------------------------------------------------------------


def backup(src: Path, dst: Path) -> None:
    with closing(sqlite3.connect(src)) as a, closing(sqlite3.connect(dst)) as b:
        a.backup(b)


def passage_rows(db: Path) -> set[tuple]:
    """What the points are built from of each passage: its spans, score and kind."""
    with Store(db) as store:
        return {(*p.spans, p.score, str(p.kind)) for p in store.iter_passages()}


@dataclass
class Detected:
    stale: Path  # the second run's documents and passages, the first run's points
    detected: Path  # the second run as detect saved it
    changed: set[str]  # the documents whose passages the second run changed
    deleted: set[str]  # those of them that lost a passage


def detected_in_two_parts(tmp_path: Path, first: Path, rest: Path) -> Detected:
    """Detect ``first``, then ``first`` and ``rest`` (incremental); and a store with the
    first run's points to which the second run's change of passages is saved as detect
    saves it: the document pairs whose passages changed replaced, the rest left alone."""
    detected, stale = tmp_path / "detected.db", tmp_path / "stale.db"
    api.ingest(detected, [first])
    api.detect(detected)
    backup(detected, stale)
    before = passage_rows(detected)
    api.ingest(detected, [rest])
    assert api.detect(detected).mode == "incremental"
    after = passage_rows(detected)
    pairs = {(r[0], r[3]) for r in before ^ after}
    with Store(detected) as store:
        passages = [p for p in store.iter_passages() if (p.doc_a, p.doc_b) in pairs]
    api.ingest(stale, [rest])
    save_run(stale, passages, lambda *_: 0, sorted(pairs))
    return Detected(
        stale,
        detected,
        changed={d for pair in pairs for d in pair},
        deleted={d for r in before - after for d in (r[0], r[3])},
    )


def assert_update_is_rebuild(tmp_path: Path, first: Path, rest: Path) -> None:
    run = detected_in_two_parts(tmp_path, first, rest)
    rebuilt = tmp_path / "rebuilt.db"
    backup(run.stale, rebuilt)
    save_points_only(rebuilt, rebuild)
    expected = point_tables(rebuilt)
    # the second run changed the points
    assert point_tables(run.stale)["point_members"] != expected["point_members"]
    assert point_tables(run.detected) == expected  # whichever detect itself used
    for deleted in (None, run.deleted):
        updated = tmp_path / f"updated-{deleted is None}.db"
        backup(run.stale, updated)
        fallbacks: list[str] = []
        save_points_only(updated, updating(run.changed, deleted, fallbacks))
        assert fallbacks == []
        assert point_tables(updated) == expected


def save_points_only(db: Path, points: Points) -> None:
    """Build the points of the store's last run."""
    with Store(db) as store, store.transaction() as conn:
        points(store, conn, store.last_run()["id"])


def split_lines(src: Path, tmp_path: Path, later: Callable[[int, dict], bool]) -> tuple[Path, Path]:
    """The records of a JSONL file in two files: those ``later(line number, record)`` holds
    for last."""
    lines = src.read_text("utf-8").splitlines(keepends=True)
    parts: tuple[list[str], list[str]] = ([], [])
    for i, line in enumerate(lines):
        parts[later(i, json.loads(line))].append(line)
    paths = tmp_path / "first.jsonl", tmp_path / "rest.jsonl"
    for path, part in zip(paths, parts, strict=True):
        path.write_text("".join(part), encoding="utf-8")
    return paths


def test_demo_corpus_in_two_parts(tmp_path):
    # the three documents added last join points: pc-0038 four of them (the launch press
    # conference), rs-0149 and nw-0073 one each; the letters' point, most of the passages,
    # stays out of the part that is rebuilt
    added = {"pc-0038", "rs-0149", "nw-0073"}
    first, rest = split_lines(DEMO / "corpus.jsonl", tmp_path, lambda _, doc: doc["id"] in added)
    assert_update_is_rebuild(tmp_path, first, rest)


def test_generated_corpus_in_two_parts(tmp_path):
    subprocess.run(
        [sys.executable, str(GENCORPUS), str(tmp_path / "gen"), "--docs", "3000", "--seed", "3"],
        check=True,
        capture_output=True,
    )
    # the last 100 of 3,000 documents (with 300 it would reach most points: a full rebuild)
    first, rest = split_lines(tmp_path / "gen" / "docs.jsonl", tmp_path, lambda i, _: i >= 2900)
    assert_update_is_rebuild(tmp_path, first, rest)
