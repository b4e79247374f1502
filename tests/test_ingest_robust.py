"""`echoscope ingest` on hostile corpora: one located error line, or rejects with --skip-bad.

Each corpus holds one good record and one that used to raise a traceback, be stored as text,
or be followed out of the corpus. Without --skip-bad the ingest stops with one line naming the
file (and line) and stores nothing; with it, the good record is stored and the bad one is in
the rejects report. The report never replaces the store.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from echoscope import outputs
from echoscope.cli import main
from echoscope.errors import EchoscopeError
from echoscope.ingest import ingest
from echoscope.model import Rejected
from echoscope.read import write_rejects
from echoscope.store.sqlite import Store

GOOD = '{"id": "good", "text": "a record that is fine"}\n'


def jsonl_with(value: str) -> Callable[[Path], tuple[Path, str]]:
    def build(tmp: Path) -> tuple[Path, str]:
        path = tmp / "c.jsonl"
        path.write_text(GOOD + '{"id": "bad", "text": "x", "n": ' + value + "}\n")
        return path, f"{path}:2: "

    return build


def folder_with(make_bad: Callable[[Path], Path]) -> Callable[[Path], tuple[Path, str]]:
    def build(tmp: Path) -> tuple[Path, str]:
        root = tmp / "corpus"
        root.mkdir()
        (root / "good.txt").write_text("a record that is fine")
        bad = make_bad(root)
        return root, f"{bad}: "

    return build


def svg(root: Path) -> Path:
    page = root / "a.html"
    page.write_text('<svg xmlns="http://www.w3.org/2000/svg"><title>t</title><text>x</text></svg>')
    return page


def charset(name: str) -> Callable[[Path], Path]:
    def make(root: Path) -> Path:
        page = root / "a.html"
        page.write_text(f'<meta charset="{name}"><p>The people will never surrender.</p>')
        return page

    return make


def link(target: str) -> Callable[[Path], Path]:
    def make(root: Path) -> Path:
        (root / "a.txt").symlink_to(target)
        return root / "a.txt"

    return make


def undecodable_name(root: Path) -> str:
    with open(os.path.join(os.fsencode(root), b"a\xff.txt"), "wb") as fh:
        fh.write(b"some text")
    return f"{root}/a\ufffd.txt"


def binary(data: bytes) -> Callable[[Path], Path]:
    def make(root: Path) -> Path:
        (root / "a.txt").write_bytes(data)
        return root / "a.txt"

    return make


def csv_quote_open(tmp: Path) -> tuple[Path, str]:
    path = tmp / "c.csv"
    path.write_text('id,text\ngood,"a record that is fine"\nbad,"opened\nlost,one\nlost2,two\n')
    return path, f"{path}:3: malformed CSV record: a quote opened in the record on line 3"


CASES = {
    "huge int": jsonl_with("9" * (sys.get_int_max_str_digits() + 1)),
    "deep nesting": jsonl_with("[" * 5000 + "]" * 5000),
    "NaN": jsonl_with("NaN"),
    "1e400": jsonl_with("1e400"),
    "name not UTF-8": folder_with(undecodable_name),
    "symlink out": folder_with(link("/etc/passwd")),
    "symlink loop": folder_with(link("a.txt")),
    "dangling symlink": folder_with(link("nowhere.txt")),
    "charset base64": folder_with(charset("base64")),
    "charset rot13": folder_with(charset("rot13")),
    "charset unknown": folder_with(charset("x-nonsense")),
    "svg page": folder_with(svg),
    "all NUL": folder_with(binary(b"\x00" * 1000)),
    "ELF": folder_with(binary(b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 100)),
    "CSV quote open": csv_quote_open,
}


@pytest.mark.parametrize("case", CASES)
def test_hostile_record_is_a_located_error_or_a_reject(tmp_path, capsys, case):
    corpus, where = CASES[case](tmp_path)
    db = tmp_path / "talk.db"
    assert main(["ingest", str(corpus), "--db", str(db), "-q"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"echoscope ingest: error: {where}"), err
    assert len(err.strip().splitlines()) == 1  # one line, no traceback
    report = tmp_path / "rejects.jsonl"
    argv = ["ingest", str(corpus), "--db", str(db), "-q", "--skip-bad", "--rejects", str(report)]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert "added 1 documents" in out and f"rejected 1 records; see {report}" in out
    (row,) = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert where.startswith(row["path"] + (f":{row['line']}" if row["line"] else "") + ": ")
    with Store(db, create=False, readonly=True) as store:
        (good_id,) = [r[1] for r in store.document_index()]
        assert good_id in ("good", "good.txt")
        assert store.texts([good_id]) == {good_id: "a record that is fine"}


def test_passwd_never_stored(tmp_path):
    root = tmp_path / "corpus"
    root.mkdir()
    (root / "good.txt").write_text("a record that is fine")
    (root / "pw.txt").symlink_to("/etc/passwd")
    db = tmp_path / "talk.db"
    assert main(["ingest", str(root), "--db", str(db), "-q", "--skip-bad"]) == 0
    with Store(db, create=False, readonly=True) as store:
        assert [r[1] for r in store.document_index()] == ["good.txt"]


def test_suspect_csv_record_is_reported_without_skip_bad(tmp_path, capsys):
    path = tmp_path / "c.csv"
    path.write_text('id,text\nd1,"opened\nd2,swallowed\nd3,closed"\nd4,after\n')
    db = tmp_path / "talk.db"
    assert main(["ingest", str(path), "--db", str(db), "-q"]) == 0
    report = Path(f"{db}.rejects.jsonl")
    (row,) = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert (row["path"], row["line"], row["end_line"], row["stored"]) == (str(path), 2, 4, True)
    assert "looks like a record of its own (id 'd2')" in row["reason"]
    with Store(db, create=False, readonly=True) as store:
        assert store.count_documents() == 2
        (ingest_row,) = store.conn.execute("SELECT rejected, rejects_report FROM ingests")
        assert tuple(ingest_row) == (0, str(report))


def test_rejects_report_never_replaces_the_store(tmp_path):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(GOOD + "{oops\n")
    db = tmp_path / "talk.db"
    with Store(db) as store:
        ingest(store, [tmp_path / "c.jsonl"], skip_bad=True, progress=False)
    size = db.stat().st_size
    other = tmp_path / "d.jsonl"
    other_text = '{"id": "new", "text": "another record"}\n{oops\n'
    other.write_text(other_text)
    for target in (db, f"{db}-wal", other):  # the store, a side file, this ingest's input
        with Store(db) as store:  # not registered by a CLI: ingest guards the store itself
            with pytest.raises(EchoscopeError, match="refusing to write over"):
                ingest(store, [other], skip_bad=True, rejects_path=str(target), progress=False)
            assert store.count_documents() == 1  # refused before anything was read or added
    assert db.stat().st_size == size
    assert other.read_text() == other_text


def test_write_rejects_refuses_a_protected_store(tmp_path):
    db = tmp_path / "talk.db"
    db.write_bytes(b"SQLite format 3\x00 and the rest of a store")
    outputs.protect_store(db)
    try:
        with pytest.raises(EchoscopeError, match="refusing to write over the store"):
            write_rejects([Rejected("c.jsonl", 2, "invalid JSON")], db)
    finally:
        outputs.clear_protected()
    assert db.read_bytes() == b"SQLite format 3\x00 and the rest of a store"
    assert not [p for p in tmp_path.iterdir() if p.name != "talk.db"]  # no temporary left


def test_write_rejects_is_atomic(tmp_path, monkeypatch):
    report = tmp_path / "r.jsonl"
    report.write_text("the old report\n")

    def rejects():
        yield Rejected("c.jsonl", 2, "invalid JSON")
        raise OSError(28, "No space left on device")

    with pytest.raises(EchoscopeError, match="No space left"):
        write_rejects(rejects(), report)
    assert report.read_text() == "the old report\n"  # the old file, whole
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.jsonl"]


def test_store_name_that_is_not_utf8(tmp_path, capsys):
    """A store whose name is not UTF-8: its rejects report is named in the store and on the
    terminal without a crash."""
    src = tmp_path / "c.jsonl"
    src.write_text('{"id": "a", "text": "hello world this is text"}\n{"id": "b"}\n')
    db = os.fsdecode(os.fsencode(str(tmp_path)) + b"/\xff.db")
    assert main(["ingest", str(src), "--db", db, "--skip-bad", "-q"]) == 0
    out = capsys.readouterr().out
    assert "rejected 1 records" in out
    assert main(["info", "--db", db]) == 0
    assert "+1 docs (1 rejected)" in capsys.readouterr().out
