"""Outputs: refused over the store or an input, written whole or not at all."""

from __future__ import annotations

import os
import stat

import pytest

from echoscope import outputs
from echoscope.cli import main
from echoscope.errors import EchoscopeError
from echoscope.read.folder import would_read


@pytest.fixture(autouse=True)
def fresh_protection():
    outputs.clear_protected()
    yield
    outputs.clear_protected()


def test_store_and_its_side_files_are_refused(tmp_path):
    db = tmp_path / "talk.db"
    db.write_bytes(b"store")
    outputs.protect_store(db)
    for name in ("talk.db", "talk.db-wal", "talk.db-shm", "talk.db-journal", "talk.db.lock"):
        with pytest.raises(EchoscopeError, match="refusing to write over the store"):
            outputs.check_output(tmp_path / name)
    link = tmp_path / "alias.db"
    link.symlink_to(db)
    with pytest.raises(EchoscopeError, match="refusing"):
        outputs.check_output(link)
    with pytest.raises(EchoscopeError, match="refusing"):
        outputs.check_output(tmp_path / "." / "sub" / ".." / "talk.db")
    assert outputs.check_output(tmp_path / "other.jsonl") == tmp_path / "other.jsonl"


def test_inputs_and_files_inside_input_folders_are_refused(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("x")
    single = tmp_path / "speech.txt"
    single.write_text("y")
    outputs.protect_inputs([corpus, single], reads=would_read)
    for name in ("notes.txt", "sub/page.html.gz", "metadata.csv"):
        with pytest.raises(EchoscopeError, match="inside the input"):
            outputs.check_output(corpus / name)
    # what the next ingest of the folder would not read may be written there
    assert outputs.check_output(corpus / "talk.db.rejects.jsonl")
    assert outputs.check_output(corpus / ".hidden.txt")
    with pytest.raises(EchoscopeError, match="over the input"):
        outputs.check_output(single)
    with pytest.raises(EchoscopeError, match="is a folder"):
        outputs.check_output(tmp_path)
    with pytest.raises(EchoscopeError, match="does not exist"):
        outputs.check_output(tmp_path / "nope" / "x.jsonl")


def test_atomic_file_replaces_only_when_complete(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    out.chmod(0o640)
    with pytest.raises(RuntimeError), outputs.atomic_file(out) as fh:
        fh.write("half")
        raise RuntimeError("the writer failed")
    assert out.read_text() == "old\n"
    assert os.listdir(tmp_path) == ["out.jsonl"]  # no temporary left behind
    with outputs.atomic_file(out) as fh:
        fh.write("new\n")
    assert out.read_text() == "new\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # the replaced file's mode is kept
    fresh = tmp_path / "fresh.txt"
    with outputs.atomic_file(fresh) as fh:
        fh.write("x")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask  # as open() would make it


def test_folder_replaced_whole_may_not_hold_the_store(tmp_path):
    db = tmp_path / "out" / "passages" / "talk.db"
    db.parent.mkdir(parents=True)
    db.write_bytes(b"store")
    outputs.protect_store(db)
    with pytest.raises(EchoscopeError, match="holding the store"):
        outputs.check_replaceable_folder(tmp_path / "out" / "passages")
    (tmp_path / "file").write_text("x")
    with pytest.raises(EchoscopeError, match="is a file"):
        outputs.check_replaceable_folder(tmp_path / "file")
    assert outputs.check_replaceable_folder(tmp_path / "out" / "points")


def test_spark_output_over_an_input_is_refused_before_spark_starts(tmp_path, capsys):
    pytest.importorskip("pyspark")
    corpus = tmp_path / "run" / "points"
    corpus.mkdir(parents=True)
    (corpus / "docs.jsonl").write_text('{"id": "a", "text": "b"}\n')
    argv = ["detect", "--engine", "spark", "--input", str(corpus / "docs.jsonl")]
    assert main([*argv, "--out", str(tmp_path / "run")]) == 1
    assert "refusing to replace a folder holding the input" in capsys.readouterr().err
    assert (corpus / "docs.jsonl").exists()


def test_pipes_devices_and_links_are_written_through(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    import threading

    reader = threading.Thread(target=lambda: got.append(fifo.read_text()))
    reader.start()
    with outputs.atomic_file(fifo) as fh:
        fh.write("through the pipe\n")
    reader.join(timeout=10)
    assert got == ["through the pipe\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)  # still a pipe, not a file put in its place
    with outputs.atomic_file(os.devnull) as fh:
        fh.write("gone")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)
    target = tmp_path / "exports" / "2026-12-01.jsonl"
    target.parent.mkdir()
    target.write_text("old")
    latest = tmp_path / "latest.jsonl"
    latest.symlink_to(target)
    with outputs.atomic_file(latest) as fh:
        fh.write("new")
    assert latest.is_symlink() and target.read_text() == "new"


def test_export_to_stdout_device(demo_db, capfd):
    assert main(["export", "pairs", "--db", str(demo_db), "--out", "/dev/stdout"]) == 0
    out = capfd.readouterr().out
    assert out.count("\n") >= 170 and '"doc_a"' in out


def test_python_api_export_never_replaces_the_store(demo_db, tmp_path):
    from echoscope import api

    db = tmp_path / "talk.db"
    db.write_bytes(demo_db.read_bytes())
    size = db.stat().st_size
    for out in (db, f"{db}-wal"):
        with pytest.raises(EchoscopeError, match="refusing to write over the store"):
            api.export(db, out)
    assert db.stat().st_size == size


def test_atomic_folder_appears_whole_or_not_at_all(tmp_path):
    out = tmp_path / "site"
    with pytest.raises(RuntimeError), outputs.atomic_folder(out) as work:
        (work / "one.xml").write_text("x", encoding="utf-8")
        raise RuntimeError("interrupted")
    assert list(tmp_path.iterdir()) == []  # neither the folder nor its temporary
    with outputs.atomic_folder(out) as work:
        (work / "one.xml").write_text("x", encoding="utf-8")
        assert not out.exists()
    assert [p.name for p in out.iterdir()] == ["one.xml"]
    assert out.stat().st_mode & 0o777 == 0o777 & ~_umask()  # not mkdtemp's private mode
    empty = tmp_path / "empty"
    empty.mkdir()
    with outputs.atomic_folder(empty) as work:
        (work / "two.xml").write_text("y", encoding="utf-8")
    assert [p.name for p in empty.iterdir()] == ["two.xml"]
    with pytest.raises(EchoscopeError, match="not empty"), outputs.atomic_folder(out):
        pass
    a_file = tmp_path / "file"
    a_file.write_text("z", encoding="utf-8")
    with pytest.raises(EchoscopeError, match="is a file"), outputs.atomic_folder(a_file):
        pass
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "file", "site"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
