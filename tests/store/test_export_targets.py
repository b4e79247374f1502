"""``export targets``, ``export responses`` and ``export network --kind targets``: the fields in
the contract's order, JSONL, CSV and Parquet round trips, batches, the network read back with
networkx, and the existing network export unchanged."""

from __future__ import annotations

import csv
import json
import sqlite3
from contextlib import closing

import networkx as nx
import pyarrow.parquet as pq
import pytest

from echoscope import api
from echoscope.cli import main
from echoscope.model import Accusation
from echoscope.store import export as export_module
from echoscope.store import target_rows
from echoscope.store.export import export_network
from echoscope.store.sqlite import Store

SHARED = (
    "Rustam Keshvani accused Harun Delavar of selling the water of the northern valleys to "
    "foreign buyers while the farmers of Dalmora waited for rain and the reservoirs stood "
    "empty through the long summer."
)
DOCS = [
    ("a1", "Rustam Keshvani", "2026-03-01T09:00", f"Opening remarks were made. {SHARED} Fine."),
    ("a2", "Staff reporter", "2026-03-02T09:00", f"A reporter wrote this.\n{SHARED} No more."),
    (
        "a3",
        "Harun Delavar",
        "2026-03-03T09:00",
        "Harun Delavar accused Rustam Keshvani of treason.",
    ),
    (
        "a4",
        "Farida Mortazan",
        "2026-03-04T09:00",
        "We condemn Harun Delavar for the sale of police jobs.",
    ),
    (
        "u1",
        "عمران خان",
        "2026-03-05T09:00",
        "عمران خان نے نواز شریف پر منی لانڈرنگ کا الزام لگایا۔",
    ),
]
ALIASES = (
    "entity,alias,kind,member_of\n"
    "Harun Delavar,the DRF chief,person,Democratic Renewal Front\n"
    "Rustam Keshvani,,person,\n"
)

TARGET_FIELDS = [
    "doc",
    "start",
    "end",
    "accuser",
    "target",
    "charge",
    "cue_start",
    "cue_end",
    "point",
    "target_start",
    "target_end",
    "accuser_start",
    "accuser_end",
    "charge_start",
    "charge_end",
    "accuser_from",
    "date",
    "sentence",
]
RESPONSE_FIELDS = ["doc", "answers", "accuser", "target", "lag_hours", "date", "answers_date"]
INTS = {f for f in TARGET_FIELDS if f in ("start", "end") or f.endswith(("_start", "_end"))}


def write_corpus(path, docs) -> None:
    lines = []
    for i, (doc, speaker, date, text) in enumerate(docs):
        lang = "ur" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"
        record = {"id": doc, "speaker": speaker, "series": f"s{i}", "date": date, "text": text}
        lines.append(json.dumps({**record, "lang": lang}, ensure_ascii=False) + "\n")
    path.write_text("".join(lines), encoding="utf-8")


def cli(*args) -> int:
    return main([str(a) for a in args])


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("export-targets")
    write_corpus(folder / "c.jsonl", DOCS)
    (folder / "aliases.csv").write_text(ALIASES, encoding="utf-8")
    db = folder / "t.db"
    assert cli("ingest", folder / "c.jsonl", "--db", db, "-q") == 0
    assert cli("detect", "--db", db, "-q", "--entities", folder / "aliases.csv") == 0
    return db


def stored(db) -> list[dict]:
    """The accusations as the table holds them, with the sentence cut from the text."""
    with closing(sqlite3.connect(db)) as conn:
        conn.row_factory = sqlite3.Row
        return [
            dict(r)
            for r in conn.execute(
                'SELECT a.*, substr(d.text, a.start + 1, a."end" - a.start) AS sentence '
                "FROM accusations a JOIN documents d ON d.id = a.doc ORDER BY a.date, a.start"
            )
        ]


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_targets_jsonl_has_the_contract_fields_in_order(db, tmp_path, capsys):
    out = tmp_path / "t.jsonl"
    assert cli("export", "targets", "--db", db, "--format", "jsonl", "--out", out) == 0
    records = read_jsonl(out)
    want = stored(db)
    assert f"wrote {len(want)} accusations to {out}" in capsys.readouterr().out
    assert len(records) == len(want) >= 4
    assert all(list(r) == TARGET_FIELDS for r in records)
    for r, s in zip(records, want, strict=True):
        assert {f: r[f] for f in TARGET_FIELDS if f != "point"} == {
            f: s[f] for f in TARGET_FIELDS if f != "point"
        }
    with closing(sqlite3.connect(db)) as conn:
        texts = dict(conn.execute("SELECT id, text FROM documents"))
    for r in records:
        assert r["sentence"] == texts[r["doc"]][r["start"] : r["end"]]
        assert texts[r["doc"]][r["cue_start"] : r["cue_end"]]
    (point,) = {r["point"] for r in records if r["doc"] in ("a1", "a2")}
    assert point.startswith("tp-")  # the repeated sentence lies in a talking point
    assert {r["point"] for r in records if r["doc"] not in ("a1", "a2")} == {None}
    (a4,) = [r for r in records if r["doc"] == "a4"]
    assert a4["accuser_from"] == "speaker" and a4["accuser_start"] is None


def test_targets_csv_and_parquet_hold_what_jsonl_holds(db, tmp_path):
    for fmt in ("jsonl", "csv", "parquet"):
        assert (
            cli("export", "targets", "--db", db, "--format", fmt, "--out", tmp_path / f"t.{fmt}")
            == 0
        )
    records = read_jsonl(tmp_path / "t.jsonl")
    with open(tmp_path / "t.csv", newline="", encoding="utf-8") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == TARGET_FIELDS
        from_csv = list(reader)
    as_text = [
        {k: "" if v is None else str(v) for k, v in r.items()} for r in records
    ]  # CSV has no types: None is empty
    assert from_csv == as_text
    table = pq.read_table(tmp_path / "t.parquet")
    assert table.schema.names == TARGET_FIELDS
    assert {f for f in TARGET_FIELDS if str(table.schema.field(f).type) == "int64"} == INTS
    assert table.to_pylist() == records


def test_the_export_is_the_readers_accusations_in_their_order(db, tmp_path):
    out = tmp_path / "t.jsonl"
    assert cli("export", "targets", "--db", db, "--out", out) == 0
    with Store(db, create=False, readonly=True) as store:
        paged = list(target_rows.iter_accusations(store.conn, batch=2))
    assert read_jsonl(out) == [{f: r[f] for f in TARGET_FIELDS} for r in paged]


def test_no_text_leaves_the_sentence_out(db, tmp_path):
    out = tmp_path / "t.jsonl"
    assert cli("export", "targets", "--db", db, "--no-text", "--out", out) == 0
    assert all(list(r) == TARGET_FIELDS[:-1] for r in read_jsonl(out))


def test_exports_are_written_a_batch_at_a_time(db, tmp_path, monkeypatch):
    whole = tmp_path / "whole.jsonl"
    assert cli("export", "targets", "--db", db, "--out", whole) == 0
    monkeypatch.setattr(export_module, "_CHUNK", 2)
    assert cli("export", "targets", "--db", db, "--out", tmp_path / "b.jsonl") == 0
    assert (tmp_path / "b.jsonl").read_bytes() == whole.read_bytes()
    assert (
        cli("export", "targets", "--db", db, "--format", "parquet", "--out", tmp_path / "b.parquet")
        == 0
    )
    parquet = pq.ParquetFile(tmp_path / "b.parquet")
    assert parquet.metadata.num_row_groups == -(-len(read_jsonl(whole)) // 2)
    assert parquet.read().to_pylist() == read_jsonl(whole)


def test_responses_in_each_format(db, tmp_path, capsys):
    with closing(sqlite3.connect(db)) as conn:
        want = conn.execute(
            "SELECT r.doc, r.answers, r.accuser, r.target, r.lag_hours, d.date, e.date "
            "FROM responses r JOIN documents d ON d.id = r.doc "
            "JOIN documents e ON e.id = r.answers "
            "ORDER BY d.date, r.doc, r.answers"
        ).fetchall()
    assert ("a3", "a1", "Harun Delavar", "Rustam Keshvani", 48.0) in [w[:5] for w in want]
    for fmt in ("jsonl", "csv", "parquet"):
        assert (
            cli("export", "responses", "--db", db, "--format", fmt, "--out", tmp_path / f"r.{fmt}")
            == 0
        )
    assert f"wrote {len(want)} response" in capsys.readouterr().out
    records = read_jsonl(tmp_path / "r.jsonl")
    assert all(list(r) == RESPONSE_FIELDS for r in records)
    assert [tuple(r.values()) for r in records] == want
    with open(tmp_path / "r.csv", newline="", encoding="utf-8") as fh:
        from_csv = list(csv.DictReader(fh))
    assert [float(r["lag_hours"]) for r in from_csv] == [r["lag_hours"] for r in records]
    assert [r["answers"] for r in from_csv] == [r["answers"] for r in records]
    table = pq.read_table(tmp_path / "r.parquet")
    assert table.schema.names == RESPONSE_FIELDS
    assert str(table.schema.field("lag_hours").type) == "double"
    assert table.to_pylist() == records


@pytest.mark.parametrize(("fmt", "read"), [("graphml", nx.read_graphml), ("gexf", nx.read_gexf)])
def test_the_targets_network_reads_back_with_networkx(db, tmp_path, capsys, fmt, read):
    out = tmp_path / f"n.{fmt}"
    assert (
        cli("export", "network", "--kind", "targets", "--db", db, "--format", fmt, "--out", out)
        == 0
    )
    graph = read(out)
    assert graph.is_directed()
    with closing(sqlite3.connect(db)) as conn:
        edges = {
            (a, t): (n, docs, first, last)
            for a, t, n, docs, first, last in conn.execute(
                "SELECT accuser, target, count(*), count(DISTINCT doc), min(date), max(date) "
                "FROM accusations GROUP BY accuser, target"
            )
        }
        (point,) = conn.execute("SELECT DISTINCT point FROM point_members").fetchone()
    assert (
        f"{graph.number_of_nodes()} accusers and targets and {len(edges)}"
        in capsys.readouterr().out
    )
    assert set(graph.edges) == set(edges)
    for (a, t), (n, docs, first, last) in edges.items():
        attrs = graph.edges[a, t]
        assert int(attrs["weight"]) == n and int(attrs["docs"]) == docs
        assert (attrs["first_date"], attrs["last_date"]) == (first, last)
    assert graph.edges["Rustam Keshvani", "Harun Delavar"]["points"] == point
    assert graph.edges["Harun Delavar", "Rustam Keshvani"]["points"] == ""
    harun = graph.nodes["Harun Delavar"]
    assert harun["kind"] == "person" and harun["party"] == "Democratic Renewal Front"
    assert graph.nodes["نواز شریف"]["label"] == "نواز شریف"


def test_the_repeats_network_is_unchanged(db, tmp_path):
    """No --kind, --kind repeats and the exporter itself write the same bytes."""
    with Store(db, create=False, readonly=True) as store:
        export_network(store, "graphml", tmp_path / "direct.graphml", by="speaker")
    assert cli("export", "network", "--db", db, "--out", tmp_path / "default.graphml") == 0
    assert (
        cli("export", "network", "--kind", "repeats", "--db", db, "--out", tmp_path / "r.graphml")
        == 0
    )
    direct = (tmp_path / "direct.graphml").read_bytes()
    assert (tmp_path / "default.graphml").read_bytes() == direct
    assert (tmp_path / "r.graphml").read_bytes() == direct
    graph = nx.read_graphml(tmp_path / "default.graphml")
    assert {d["kind"] for _, d in graph.nodes(data=True)} <= {"speaker"}


def written_store(tmp_path, accusations: list[tuple[str, str, str]]):
    """A store whose accusations are written directly: (doc, accuser, target)."""
    docs = sorted({d for d, _, _ in accusations})
    write_corpus(
        tmp_path / "c.jsonl",
        [(d, "Someone", f"2026-01-0{i + 1}", "One sentence here.") for i, d in enumerate(docs)],
    )
    db = tmp_path / "w.db"
    api.ingest(db, [tmp_path / "c.jsonl"])
    with Store(db) as store, store.transaction() as conn:
        rowid = {d: r for r, d in conn.execute("SELECT rowid, id FROM documents")}
        target_rows.add_accusations(
            conn,
            [
                (rowid[d], None, Accusation(d, 0, 18, accuser, target, "", 4, 12, 0, 3))
                for d, accuser, target in accusations
            ],
        )
    return db


def test_a_name_xml_cannot_hold_is_written_visibly(tmp_path):
    db = written_store(tmp_path, [("d1", "Bad\x01Name", "Ana Ruiz")])
    out = tmp_path / "n.graphml"
    assert cli("export", "network", "--kind", "targets", "--db", db, "--out", out) == 0
    assert set(nx.read_graphml(out).edges) == {("BadU+0001Name", "Ana Ruiz")}


def test_a_store_without_accusations_exports_empty_files(tmp_path):
    write_corpus(tmp_path / "c.jsonl", [("n1", "Ana Ruiz", "2026-01-01", "The bridge opened.")])
    db = tmp_path / "e.db"
    api.ingest(db, [tmp_path / "c.jsonl"])
    for what in ("targets", "responses"):
        for fmt in ("jsonl", "csv", "parquet"):
            out = tmp_path / f"{what}.{fmt}"
            assert cli("export", what, "--db", db, "--format", fmt, "--out", out) == 0
        assert (tmp_path / f"{what}.jsonl").read_text(encoding="utf-8") == ""
        names = TARGET_FIELDS if what == "targets" else RESPONSE_FIELDS
        assert (tmp_path / f"{what}.csv").read_text(encoding="utf-8").strip() == ",".join(names)
        table = pq.read_table(tmp_path / f"{what}.parquet")
        assert table.num_rows == 0 and table.schema.names == names
    out = tmp_path / "n.gexf"
    assert (
        cli("export", "network", "--kind", "targets", "--db", db, "--format", "gexf", "--out", out)
        == 0
    )
    assert nx.read_gexf(out).number_of_nodes() == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["targets", "--format", "pan"], "--format pan exports pairs only"),
        (["targets", "--format", "graphml"], "targets are exported as jsonl, csv or parquet"),
        (["responses", "--format", "gexf"], "responses are exported as jsonl, csv or parquet"),
        (["pairs", "--kind", "targets"], "--kind is for network exports only"),
        (["network", "--kind", "targets", "--format", "csv"], "unknown network format"),
        (["targets", "--out", "{db}"], "refusing to write over the store"),
        (["responses", "--out", "{db}-wal"], "refusing to write over the store"),
        (["targets", "--out", "{tmp}/no/such/t.jsonl"], "does not exist"),
    ],
)
def test_a_bad_export_is_one_line_and_writes_nothing(db, tmp_path, capsys, args, message):
    argv = [a.format(db=db, tmp=tmp_path) for a in args]
    if "--out" not in argv:
        argv += ["--out", str(tmp_path / "x.out")]
    before = db.read_bytes()
    assert cli("export", *argv, "--db", db) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0], err
    assert not (tmp_path / "x.out").exists() and db.read_bytes() == before
