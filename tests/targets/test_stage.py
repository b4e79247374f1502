"""The stage over a store: incremental, rereading on new aliases, responses linked."""

from __future__ import annotations

import json
import sqlite3

from echoscope import api
from echoscope.cli import main
from echoscope.store import target_rows
from echoscope.store.sqlite import Store

DOCS = [
    {
        "id": "a",
        "speaker": "Sara Malik",
        "series": "sm",
        "date": "2026-02-01",
        "lang": "en",
        "text": "Opening words. Sara Malik accused Ali Raza of laundering the flood money.",
    },
    {
        "id": "b",
        "speaker": "Ali Raza",
        "series": "ar",
        "date": "2026-02-03",
        "lang": "en",
        "text": "We condemn Sara Malik for the lies she tells about the flood money.",
    },
    {
        "id": "c",
        "speaker": "Staff reporter",
        "series": "news",
        "date": "2026-02-04",
        "lang": "ur",
        "text": "علی رضا نے سارہ ملک پر جھوٹ بولنے کا الزام لگایا۔",
    },
]


def write(path, docs):
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")


def rows(db):
    with Store(db, readonly=True) as store:
        return [(r["doc"], r["accuser"], r["target"]) for r in target_rows.accusations(store.conn)]


def test_detect_reads_new_documents_links_responses_and_rereads_with_aliases(tmp_path):
    db = tmp_path / "t.db"
    write(tmp_path / "one.jsonl", DOCS[:2])
    assert main(["ingest", str(tmp_path / "one.jsonl"), "--db", str(db), "-q"]) == 0
    assert main(["detect", "--db", str(db), "-q"]) == 0
    assert rows(db) == [("a", "Sara Malik", "Ali Raza"), ("b", "Ali Raza", "Sara Malik")]
    with Store(db, readonly=True) as store:
        assert [(r["doc"], r["answers"]) for r in target_rows.responses(store.conn)] == [("b", "a")]
    # a new document: read alone; its Urdu names are not known yet
    write(tmp_path / "two.jsonl", DOCS[2:])
    assert main(["ingest", str(tmp_path / "two.jsonl"), "--db", str(db), "-q"]) == 0
    assert main(["detect", "--db", str(db), "-q"]) == 0
    assert rows(db)[2] == ("c", "علی رضا", "سارہ ملک")
    # with aliases every document is reread and the Urdu names resolve
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("entity,alias\nAli Raza,علی رضا\nSara Malik,سارہ ملک\n", "utf-8")
    assert main(["detect", "--db", str(db), "-q", "--entities", str(aliases)]) == 0
    assert rows(db)[2] == ("c", "Ali Raza", "Sara Malik")
    # kept for later runs: nothing to reread
    with Store(db) as store:
        from echoscope.targets.stage import TargetsParams, pending

        assert not pending(store.conn, TargetsParams(), 3)


def test_a_bad_alias_file_is_one_line_and_changes_nothing(tmp_path, capsys):
    db = tmp_path / "t.db"
    write(tmp_path / "one.jsonl", DOCS[:1])
    assert main(["ingest", str(tmp_path / "one.jsonl"), "--db", str(db), "-q"]) == 0
    bad = tmp_path / "bad.csv"
    bad.write_text("name,alias\nx,y\n", "utf-8")
    assert main(["detect", "--db", str(db), "-q", "--entities", str(bad)]) == 1
    err = capsys.readouterr().err
    assert f"{bad}:1: the entity file needs a header" in err and "Traceback" not in err
    assert rows(db) == []
    assert api  # the public entry point imports with the stage in place


def test_a_store_of_the_layout_before_targets_reads_as_having_no_accusations(tmp_path, capsys):
    db = tmp_path / "t.db"
    write(tmp_path / "one.jsonl", DOCS[:2])
    assert main(["ingest", str(tmp_path / "one.jsonl"), "--db", str(db), "-q"]) == 0
    assert main(["detect", "--db", str(db), "-q"]) == 0
    conn = sqlite3.connect(db)
    conn.executescript(
        "DROP TABLE accusations; DROP TABLE responses; DROP TABLE entity_aliases; "
        "DROP TABLE entity_names; UPDATE meta SET value = '2' WHERE key = 'schema_version'; "
        "DELETE FROM schema_migrations WHERE version = 3; "
        "DELETE FROM meta WHERE key = 'targets_state';"
    )
    conn.close()
    before = db.read_bytes()
    from echoscope.web import data

    reader = data.connect(db)  # the viewer reads it as it is
    assert data.overview(reader)["counts"]["accusations"] == 0
    reader.close()
    capsys.readouterr()
    assert main(["targets", "--db", str(db)]) == 1
    assert "echoscope migrate" in capsys.readouterr().err
    assert db.read_bytes() == before  # nothing was written to the store
    assert main(["detect", "--db", str(db), "-q"]) == 0  # migrates, then reads them
    assert rows(db) == [("a", "Sara Malik", "Ali Raza"), ("b", "Ali Raza", "Sara Malik")]
