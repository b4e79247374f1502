"""The command line: the issue's contract, one-line errors, help with examples."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from echoscope import api
from echoscope.cli import build_parser, main

DEMO = Path(__file__).resolve().parents[1] / "demo"

COMMANDS = [
    "ingest",
    "detect",
    "pairs",
    "export",
    "eval",
    "points",
    "point",
    "actors",
    "targets",
    "target",
    "info",
    "migrate",
    "serve",
    "report",
]


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


def test_the_main_help_lists_every_command_in_order(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    lines = capsys.readouterr().out.splitlines()
    block = lines[lines.index("  COMMAND") + 1 :]
    listed = [line.split()[0] for line in block[: block.index("")]]
    assert listed == COMMANDS  # a new command is listed here too, so its help is checked


def choices(command: str, option: str) -> tuple:
    """The values ``echoscope COMMAND OPTION`` accepts."""
    (commands,) = [a for a in build_parser()._actions if a.dest == "command"]
    (action,) = [a for a in commands.choices[command]._actions if option in a.option_strings]
    return tuple(action.choices)


def test_option_choices_are_those_their_modules_accept():
    from echoscope.model import PASSAGE_KINDS
    from echoscope.points.bursts import BURST_BY
    from echoscope.points.filters import POINT_SORTS
    from echoscope.read import FORMATS
    from echoscope.store.export import NETWORK_FORMATS, PAIR_FORMATS
    from echoscope.store.reader import ACTOR_KINDS

    # the ingest formats are a copy (the readers load slowly): it must not drift
    assert choices("ingest", "--format") == FORMATS
    assert choices("export", "--format") == (*PAIR_FORMATS, *NETWORK_FORMATS)
    assert choices("points", "--sort") == tuple(POINT_SORTS)
    assert choices("eval", "--kind") == PASSAGE_KINDS
    assert choices("detect", "--burst-by") == BURST_BY
    assert choices("actors", "--by") == choices("export", "--by") == ACTOR_KINDS


def test_info_lists_the_five_latest_ingests_and_runs_newest_first(tmp_path, maker):
    db = tmp_path / "t.db"
    passage = maker.sentences(40)
    for i in range(6):
        docs = [{"id": f"d{i}-{j}", "text": maker.sentences(30) + " " + passage} for j in (1, 2)]
        api.ingest(db, [write_jsonl(tmp_path / f"c{i}.jsonl", docs)])
        if i >= 4:  # a full run after the fifth ingest, an incremental one after the sixth
            api.detect(db)
    r = echoscope("info", "--db", db)
    assert r.returncode == 0, r.stderr
    head, *ingests, second_run, first_run, index = r.stdout.splitlines()
    assert index.startswith("  token index: 12 documents, ")
    assert head == f"{db}: 12 documents, 66 passage pairs"
    assert [line.split()[1] for line in ingests] == ["6", "5", "4", "3", "2"]
    assert ingests[0].endswith(": +2 docs (0 rejected) from " + str(tmp_path / "c5.jsonl"))
    assert (
        second_run.startswith("  run 2 ")
        and ": incremental, 12 docs (2 new), 66 pairs, " in second_run
    )
    assert first_run.startswith("  run 1 ") and ": full, 10 docs (10 new), 45 pairs, " in first_run


def write_jsonl(path, records) -> str:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    return str(path)


def test_session_from_ingest_to_eval(tmp_path, maker):
    passage = maker.sentences(40)
    heads = [maker.sentences(60) + " " for _ in range(3)]
    docs = [
        {"id": f"d{i}", "speaker": f"s{i}", "text": head + passage + " " + maker.sentences(60)}
        for i, head in enumerate(heads)
    ]
    corpus = write_jsonl(tmp_path / "c.jsonl", docs)
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
    assert len(out.read_text().splitlines()) == 3
    # gold from how the corpus was made, not from the tool: the passage follows each head
    gold = [
        {
            "doc_a": f"d{a}",
            "start_a": len(heads[a]),
            "end_a": len(heads[a]) + len(passage),
            "doc_b": f"d{b}",
            "start_b": len(heads[b]),
            "end_b": len(heads[b]) + len(passage),
        }
        for a, b in ((0, 1), (0, 2), (1, 2))
    ]
    r = echoscope(
        "eval", "--db", db, "--gold", write_jsonl(tmp_path / "gold.jsonl", gold), "--json"
    )
    overall = json.loads(r.stdout)["overall"]
    assert overall["plagdet"] == 1.0 and overall["cases"] == 3, overall
    query = tmp_path / "speech.txt"
    query.write_text("Opening words here. " + passage, encoding="utf-8")
    r = echoscope("detect", "--db", db, "--query", query, "--out", tmp_path / "q.jsonl")
    assert r.returncode == 0 and "echoed in 3 documents" in r.stdout
    assert len((tmp_path / "q.jsonl").read_text().splitlines()) == 3


def test_eval_of_the_demo_against_its_own_gold(tmp_path):
    # demo/gold.jsonl is written by the demo generator from where it planted each copy
    db = tmp_path / "demo.db"
    assert echoscope("ingest", DEMO / "corpus.jsonl", "--db", db).returncode == 0
    assert echoscope("detect", "--db", db).returncode == 0
    lexical = [
        json.loads(line)
        for line in (DEMO / "gold.jsonl").read_text("utf-8").splitlines()
        if json.loads(line)["label"] not in ("paraphrase", "translation")
    ]
    r = echoscope(
        "eval", "--db", db, "--gold", write_jsonl(tmp_path / "g.jsonl", lexical), "--json"
    )
    overall = json.loads(r.stdout)["overall"]
    assert overall["cases"] == overall["cases_detected"] == overall["detections"] == 170
    assert overall["recall"] >= 0.99 and overall["precision"] >= 0.99, overall
    assert overall["granularity"] == 1.0


def sql(db, statement: str) -> list[tuple]:
    """Run one statement on the store with plain sqlite3 (committed, connection closed)."""
    with closing(sqlite3.connect(db)) as con, con:
        return con.execute(statement).fetchall()


def passage_rows(db) -> list[tuple]:
    return sql(
        db,
        "SELECT doc_a, start_a, end_a, doc_b, start_b, end_b, tokens_a, tokens_b, score, "
        "identity, kind, ops FROM passages ORDER BY doc_a, doc_b, start_a, start_b",
    )


def test_detect_full_recomputes_everything_after_an_incremental_run(tmp_path, maker):
    passage, later = maker.sentences(40), maker.sentences(40)
    first = [{"id": f"a{i}", "text": maker.sentences(50) + " " + passage} for i in range(3)]
    second = [{"id": f"b{i}", "text": later + " " + maker.sentences(50)} for i in range(2)]
    second[0]["text"] += " " + passage
    a, b = write_jsonl(tmp_path / "a.jsonl", first), write_jsonl(tmp_path / "b.jsonl", second)
    db = tmp_path / "t.db"
    api.ingest(db, [a])
    assert api.detect(db).mode == "full"
    api.ingest(db, [b])
    assert api.detect(db).mode == "incremental"
    # lose a stored passage behind the tool's back: only a recomputation brings it back
    sql(db, "DELETE FROM passages WHERE doc_a = 'a0' AND doc_b = 'a1'")
    assert api.detect(db).mode == "up-to-date"
    r = echoscope("detect", "--db", db, "--full")
    assert r.returncode == 0 and r.stdout.startswith("full run"), r.stdout + r.stderr
    assert "5 documents (5 new), 7 passage pairs" in r.stdout
    assert sql(db, "SELECT mode FROM runs ORDER BY id") == [
        ("full",),
        ("incremental",),
        ("full",),
    ]
    fresh = tmp_path / "fresh.db"
    api.ingest(fresh, [a, b])
    api.detect(fresh)
    assert passage_rows(db) == passage_rows(fresh) and len(passage_rows(db)) == 7


def test_query_mode_finds_an_urdu_echo_in_either_spelling_with_exact_offsets(tmp_path):
    texts = {
        json.loads(line)["id"]: json.loads(line)["text"]
        for line in (DEMO / "corpus.jsonl").read_text("utf-8").splitlines()
    }
    # where the demo generator planted the Urdu allegation: verbatim in Farsi letters (pc-0079,
    # sp-0089), in Arabic yeh and kaf (sp-0092), with tatweel and harakat (sp-0108), and with
    # two words changed (pc-0126)
    gold = {}
    for line in (DEMO / "gold.jsonl").read_text("utf-8").splitlines():
        g = json.loads(line)
        if g["label"] == "urdu-allegation":
            gold[g["doc_a"]] = (g["start_a"], g["end_a"])
            gold[g["doc_b"]] = (g["start_b"], g["end_b"])
    assert sorted(gold) == ["pc-0079", "pc-0126", "sp-0089", "sp-0092", "sp-0108"]
    allegation = texts["pc-0079"][slice(*gold["pc-0079"])]
    assert allegation.startswith("یہ حکومت") and allegation.endswith("گیا ہے۔")
    intro, outro = "آج کی پریس کانفرنس میں ایک نئی بات سامنے آئی۔ ", " شکریہ۔"
    farsi = tmp_path / "farsi.txt"
    farsi.write_text(intro + allegation + outro, encoding="utf-8")
    arabic = tmp_path / "arabic.txt"
    arabic.write_text(
        intro + allegation.replace("ی", "ي").replace("ک", "ك") + outro, encoding="utf-8"
    )
    assert "ي" in arabic.read_text("utf-8")
    db = tmp_path / "demo.db"
    assert echoscope("ingest", DEMO / "corpus.jsonl", "--db", db).returncode == 0
    out = tmp_path / "echoes.jsonl"
    r = echoscope("detect", "--db", db, "--query", farsi, arabic, "--out", out)
    assert r.returncode == 0, r.stderr
    assert "farsi.txt: echoed in 5 documents" in r.stdout
    assert "arabic.txt: echoed in 5 documents" in r.stdout
    echoes = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    start, end = len(intro), len(intro) + len(allegation)
    for name in ("farsi.txt", "arabic.txt"):
        found = {
            e["doc_b"]: (e["start_a"], e["end_a"], e["start_b"], e["end_b"])
            for e in echoes
            if e["doc_a"] == f"query:{name}"
        }
        assert found == {doc: (start, end, *span) for doc, span in gold.items()}, name


def test_ingest_maps_csv_columns_to_fields(tmp_path):
    path = tmp_path / "export.csv"
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["doc_id", "body", "name", "party"])
        writer.writerow(["m-1", "The first speech, with a comma.", "Asha Verin", "Blue"])
        writer.writerow(["m-2", "The second speech.", "Tomas Ild", "Green"])
    db = tmp_path / "t.db"
    r = echoscope("ingest", path, "--columns", "id=doc_id,text=body,speaker=name", "--db", db)
    assert r.returncode == 0 and "added 2 documents" in r.stdout, r.stderr
    stored = sql(db, "SELECT id, text, speaker, meta FROM documents ORDER BY id")
    assert [(i, t, s, json.loads(m)) for i, t, s, m in stored] == [
        ("m-1", "The first speech, with a comma.", "Asha Verin", {"party": "Blue"}),
        ("m-2", "The second speech.", "Tomas Ild", {"party": "Green"}),
    ]
    # without the mapping the file has no id column, and the error says so
    r = echoscope("ingest", path, "--db", tmp_path / "u.db")
    assert r.returncode == 1 and "export.csv" in r.stderr and "Traceback" not in r.stderr


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
    holder = sqlite3.connect(db)
    holder.execute("BEGIN EXCLUSIVE")  # another process holds the write lock
    try:
        r = echoscope("detect", "--db", db)
    finally:
        holder.rollback()
        holder.close()
    assert r.returncode == 1
    assert r.stderr.strip().count("\n") == 0 and "database is locked" in r.stderr, r.stderr


def test_an_internal_error_is_one_line_not_a_traceback(demo_db, monkeypatch, capsys):
    import echoscope.cli as cli

    def broken(args):
        raise RuntimeError("a bug")

    monkeypatch.setitem(cli.COMMANDS, "info", broken)
    monkeypatch.delenv("ECHOSCOPE_DEBUG", raising=False)
    assert cli.main(["info", "--db", str(demo_db)]) == 70
    err = capsys.readouterr().err
    assert "internal error (RuntimeError: a bug)" in err and len(err.strip().splitlines()) == 1
    monkeypatch.setenv("ECHOSCOPE_DEBUG", "1")
    with pytest.raises(RuntimeError):
        cli.main(["info", "--db", str(demo_db)])
