"""read_corpus as a whole: format detection, options, unique ids, streaming, rejects report."""

from __future__ import annotations

import json

import pytest

from echoscope.errors import EchoscopeError, InputError
from echoscope.model import Document, Rejected
from echoscope.read import read_corpus, write_rejects


@pytest.mark.parametrize("name", ["speech.txt", "speech.txt.gz", "speech.txt.bz2", "SPEECH.TXT"])
def test_single_text_file(tmp_path, urdu, write, name):
    path = write.text(tmp_path / name, urdu)
    (doc,) = read_corpus(path)
    assert (doc.id, doc.text, doc.origin) == (name, urdu, str(path))


def test_fmt_overrides_extension(tmp_path, write):
    path = write.text(tmp_path / "export.dat", "id\ttext\na\tx\n")
    with pytest.raises(InputError, match=r"unknown file type '\.dat'.*\.csv") as info:
        read_corpus(path)
    assert info.value.path == str(path)
    (doc,) = read_corpus(path, fmt="tsv")
    assert doc.text == "x"
    gz = write.text(tmp_path / "export.dat.gz", '{"id": "a", "text": "x"}\n')
    assert [d.id for d in read_corpus(gz, fmt="jsonl")] == ["a"]


def test_bad_arguments_fail_before_reading(tmp_path, write):
    path = write.text(tmp_path / "c.jsonl", "")
    with pytest.raises(InputError, match="no such file"):
        read_corpus(tmp_path / "missing.jsonl")
    with pytest.raises(InputError, match="unknown format 'xml'"):
        read_corpus(path, fmt="xml")
    with pytest.raises(InputError, match="this is a file"):
        read_corpus(path, fmt="dir")
    with pytest.raises(InputError, match="this is a folder"):
        read_corpus(tmp_path, fmt="csv")
    with pytest.raises(InputError, match="only to a folder"):
        read_corpus(path, meta=path)
    with pytest.raises(InputError, match="only to a folder"):
        read_corpus(path, series_from_dir=True)
    with pytest.raises(InputError, match="no such metadata file"):
        read_corpus(tmp_path, meta=tmp_path / "nope.csv")
    with pytest.raises(InputError, match="cannot map 'text'"):
        read_corpus(tmp_path, columns={"text": "body"})


def test_unreadable_or_corrupt_file(tmp_path, write):
    path = tmp_path / "c.jsonl.gz"
    path.write_bytes(b"this is not gzip data")  # not through the helper, which would compress
    with pytest.raises(InputError) as info:
        list(read_corpus(path))
    assert info.value.path == str(path)
    assert "cannot read" in info.value.reason


def test_truncated_compressed_stream(tmp_path, write):
    path = write.jsonl(
        tmp_path / "c.jsonl.bz2", [{"id": str(i), "text": "x" * 50} for i in range(200)]
    )
    path.write_bytes(path.read_bytes()[:-20])
    with pytest.raises(InputError, match="cannot read"):
        list(read_corpus(path))


def test_duplicate_id_across_stream(tmp_path, write):
    path = write.jsonl(
        tmp_path / "c.jsonl",
        [{"id": "a", "text": "x"}, {"id": "b", "text": "y"}, {"id": "a", "text": "z"}],
    )
    with pytest.raises(InputError) as info:
        list(read_corpus(path))
    assert str(info.value) == f"{path}:3: duplicate id 'a' (first at {path}:1)"
    out = list(read_corpus(path, skip_bad=True))
    assert [type(x) for x in out] == [Document, Document, Rejected]
    assert out[2].reason == f"duplicate id 'a' (first at {path}:1)"


def test_integer_and_string_ids_collide(tmp_path, write):
    path = write.jsonl(tmp_path / "c.jsonl", [{"id": 1, "text": "x"}, {"id": "1", "text": "y"}])
    with pytest.raises(InputError, match="duplicate id '1'"):
        list(read_corpus(path))


def test_streams_one_record_at_a_time(tmp_path, write):
    # The error on line 3 must not stop the first two from arriving: nothing is read ahead.
    path = write.text(
        tmp_path / "c.jsonl", '{"id": "a", "text": "x"}\n{"id": "b", "text": "y"}\nnot json\n'
    )
    it = read_corpus(path)
    assert [next(it).id, next(it).id] == ["a", "b"]
    with pytest.raises(InputError):
        next(it)


def test_write_rejects(tmp_path):
    long_raw = "x" * 5000
    rejects = [
        Rejected("a.jsonl", 4, "invalid JSON: oops", long_raw),
        Rejected("dir/b.txt", 0, "not valid UTF-8 (byte 0xff at offset 3)", "ok \udcff"),
    ]
    out = tmp_path / "rejects.jsonl"
    assert write_rejects(iter(rejects), out) == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    first, second = (json.loads(line) for line in lines)
    assert first == {
        "path": "a.jsonl",
        "line": 4,
        "reason": "invalid JSON: oops",
        "raw": "x" * 2000,
    }
    assert second["line"] is None  # a whole file
    assert second["raw"] == "ok \ufffd"


def test_write_rejects_from_a_skip_bad_run(tmp_path, write):
    path = write.bytes(tmp_path / "c.jsonl", b'{"id": "a", "text": "x"}\n{bad\n\xff\n')
    rejects = [x for x in read_corpus(path, skip_bad=True) if isinstance(x, Rejected)]
    out = tmp_path / "r.jsonl"
    assert write_rejects(rejects, out) == 2
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["path"], r["line"]) for r in rows] == [(str(path), 2), (str(path), 3)]
    assert write_rejects([], tmp_path / "none.jsonl") == 0


def test_write_rejects_unwritable(tmp_path):
    with pytest.raises(EchoscopeError, match="does not exist"):
        write_rejects([], tmp_path / "no" / "such" / "dir" / "r.jsonl")
