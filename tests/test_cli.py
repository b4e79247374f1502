"""The command line: the issue's contract, one-line errors, help with examples."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from echoscope.cli import build_parser, main

COMMANDS = ["ingest", "detect", "pairs", "export", "eval", "points", "point", "actors", "info"]


def echoscope(*args, cwd=None):
    return subprocess.run(
        [sys.executable, "-m", "echoscope.cli", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command, capsys):
    with pytest.raises(SystemExit) as e:
        main([command, "--help"])
    assert e.value.code == 0
    out = capsys.readouterr().out
    assert "example" in out and f"echoscope {command}" in out


def test_db_defaults_to_echoscope_db():
    assert build_parser().parse_args(["detect"]).db == "echoscope.db"


def test_session_from_ingest_to_eval(tmp_path, maker):
    passage = maker.sentences(40)
    docs = [
        {
            "id": f"d{i}",
            "speaker": f"s{i}",
            "text": maker.sentences(60) + " " + passage + " " + maker.sentences(60),
        }
        for i in range(3)
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    db = tmp_path / "talk.db"
    r = echoscope("ingest", corpus, "--db", db)
    assert r.returncode == 0 and "added 3 documents" in r.stdout
    r = echoscope("detect", "--db", db)
    assert r.returncode == 0 and "3 passage pairs" in r.stdout, r.stderr
    r = echoscope("pairs", "--db", db, "--top", "2", "--color", "never")
    assert r.returncode == 0 and r.stdout.count("score") == 2
    out = tmp_path / "p.jsonl"
    assert (
        echoscope("export", "pairs", "--db", db, "--format", "jsonl", "--out", out).returncode == 0
    )
    recs = [json.loads(x) for x in out.read_text().splitlines()]
    gold = tmp_path / "gold.jsonl"
    gold.write_text(
        "".join(
            json.dumps(
                {k: r[k] for k in ("doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b")}
            )
            + "\n"
            for r in recs
        )
    )
    r = echoscope("eval", "--db", db, "--gold", gold, "--json")
    assert json.loads(r.stdout)["overall"]["plagdet"] == 1.0
    query = tmp_path / "speech.txt"
    query.write_text("Opening words here. " + passage, encoding="utf-8")
    r = echoscope("detect", "--db", db, "--query", query, "--out", tmp_path / "q.jsonl")
    assert r.returncode == 0 and "echoed in 3 documents" in r.stdout
    assert len((tmp_path / "q.jsonl").read_text().splitlines()) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "missing.jsonl"], "missing.jsonl: no such file"),
        (["detect", "--db", "nowhere.db"], "nowhere.db: no such database"),
        (["ingest", "bad.jsonl"], "bad.jsonl:2: "),
        (["ingest", "latin1.txt"], "latin1.txt"),
        (["ingest", "c.jsonl", "--db", "no/such/dir/t.db"], "does not exist"),
        (["ingest", "emptydir"], "no documents"),
        (["detect", "--db", "notadb.db"], "notadb.db"),
    ],
)
def test_user_errors_are_one_line_and_exit_1(tmp_path, args, message):
    (tmp_path / "bad.jsonl").write_text('{"id": "a", "text": "ok"}\n{oops\n', encoding="utf-8")
    (tmp_path / "latin1.txt").write_bytes("caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "c.jsonl").write_text('{"id": "a", "text": "ok"}\n', encoding="utf-8")
    (tmp_path / "emptydir").mkdir()
    (tmp_path / "notadb.db").write_text("this is not sqlite", encoding="utf-8")
    r = echoscope(*args, cwd=tmp_path)
    assert r.returncode == 1
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in r.stderr, r.stderr


def test_a_database_error_is_one_line(tmp_path):
    db = tmp_path / "t.db"
    (tmp_path / "c.jsonl").write_text('{"id": "a", "text": "some words here"}\n', encoding="utf-8")
    assert echoscope("ingest", tmp_path / "c.jsonl", "--db", db).returncode == 0
    import sqlite3

    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
    try:
        r = echoscope("detect", "--db", db)
    finally:
        holder.rollback()
        holder.close()
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0 and "database is locked" in r.stderr, r.stderr
