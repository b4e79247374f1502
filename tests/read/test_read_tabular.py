"""CSV and TSV: header, column mapping, long and multi-line fields, strict records."""

from __future__ import annotations

import csv
import io

import pytest

from echoscope.errors import InputError
from echoscope.model import Rejected
from echoscope.read import read_corpus


def csv_text(rows: list[list[str]], delimiter: str = ",") -> str:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def test_csv_fields_meta_and_origin(tmp_path, write):
    path = write.text(
        tmp_path / "c.csv",
        csv_text(
            [
                ["id", "text", "speaker", "date", "party"],
                ["a", "We will win.", "X", "2020-01-01", "P"],
                ["b", "Line one\nline two", "", "", ""],
                ["c", "after multi-line", "Z", "", "Q"],
            ]
        ),
    )
    a, b, c = read_corpus(path)
    assert (a.id, a.text, a.speaker, a.date, a.meta) == (
        "a",
        "We will win.",
        "X",
        "2020-01-01",
        {"party": "P"},
    )
    assert b.text == "Line one\nline two"
    assert (b.speaker, b.date) == (None, None)  # empty cell: no value, not ""
    # origin is the line the record starts on; b spans lines 3-4
    assert [d.origin for d in (a, b, c)] == [f"{path}:2", f"{path}:3", f"{path}:5"]


@pytest.mark.parametrize("name", ["c.csv.gz", "c.csv.bz2"])
def test_compressed_csv_keeps_urdu_and_crlf_exactly(tmp_path, urdu, write, name):
    path = write.text(tmp_path / name, csv_text([["id", "text"], ["u", urdu]]))
    (doc,) = read_corpus(path)
    assert doc.text == urdu  # includes an embedded \r\n, kept as is


def test_tsv_and_tab(tmp_path, write):
    body = csv_text([["id", "text", "lang"], ["a", "tab\tinside", "en"]], delimiter="\t")
    for name in ("c.tsv", "c.tab", "c.tsv.gz"):
        (doc,) = read_corpus(write.text(tmp_path / name, body))
        assert (doc.text, doc.lang) == ("tab\tinside", "en")


def test_column_mapping(tmp_path, write):
    path = write.text(
        tmp_path / "c.csv",
        csv_text([["doc_id", "body", "name", "speaker", "Party"], ["1", "T", "N", "S", "P"]]),
    )
    (doc,) = read_corpus(
        path, columns={"id": "doc_id", "text": "body", "speaker": "name", "party": "Party"}
    )
    assert (doc.id, doc.text, doc.speaker) == ("1", "T", "N")
    # the unmapped "speaker" column is not a field any more, so it is kept in meta
    assert doc.meta == {"speaker": "S", "party": "P"}


@pytest.mark.parametrize(
    ("columns", "missing"),
    [
        (None, "'text'"),
        ({"text": "body", "id": "doc"}, "'doc' (for 'id')"),
        ({"text": "body", "speaker": "nom"}, "'nom' (for 'speaker')"),
    ],
)
def test_missing_column_names_file_column_and_available(tmp_path, write, columns, missing):
    path = write.text(tmp_path / "c.csv", csv_text([["id", "body"], ["a", "x"]]))
    with pytest.raises(InputError) as info:
        list(read_corpus(path, columns=columns))
    err = info.value
    assert err.path == str(path)
    assert f"no column {missing}" in err.reason
    assert "the columns are: 'id', 'body'" in err.reason


def test_bom_in_header_is_removed(tmp_path, write):
    path = write.bytes(tmp_path / "c.csv", b"\xef\xbb\xbfid,text\na,x\n")
    (doc,) = read_corpus(path)
    assert doc.id == "a"


def test_long_text_beyond_csv_default_limit(tmp_path, write):
    long = "word " * 100_000  # 500 000 chars > the csv module's default 131 072
    path = write.text(tmp_path / "c.csv", csv_text([["id", "text"], ["a", long]]))
    (doc,) = read_corpus(path)
    assert doc.text == long


@pytest.mark.parametrize(
    ("body", "line", "reason"),
    [
        ("id,text\na,x\nb,y,extra\n", 3, "record has 3 fields, the header has 2"),
        ("id,text\na,x\nb\n", 3, "record has 1 fields, the header has 2"),
        ("id,text\na,x\n,y\n", 3, "empty id"),
        ("id,text\na,x\nb,\n", 3, "empty text"),
        ('id,text\na,x\nb,"never closed\nmore\n', 3, "malformed CSV record"),
        ('id,text\na,x\nb,"quoted"junk\n', 3, "malformed CSV record"),
    ],
)
def test_malformed_records(tmp_path, write, body, line, reason):
    path = write.text(tmp_path / "c.csv", body)
    it = read_corpus(path)
    assert next(it).id == "a"
    with pytest.raises(InputError) as info:
        next(it)
    assert (info.value.path, info.value.line) == (str(path), line)
    assert reason in info.value.reason


def test_empty_file_and_duplicate_header(tmp_path, write):
    with pytest.raises(InputError, match="no header row"):
        list(read_corpus(write.text(tmp_path / "e.csv", "")))
    with pytest.raises(InputError, match="duplicate column 'text'"):
        list(read_corpus(write.text(tmp_path / "d.csv", "id,text,text\na,b,c\n")))


def test_invalid_utf8_in_csv_is_located_and_skippable(tmp_path, write):
    body = b"id,text\na,one\nb,caf\xe9\nc,three\n"
    path = write.bytes(tmp_path / "c.csv", body)
    with pytest.raises(InputError) as info:
        list(read_corpus(path))
    assert info.value.line == 3
    offset = body.index(b"\xe9")
    assert info.value.reason == f"not valid UTF-8 (byte 0xe9 at offset {offset})"
    out = list(read_corpus(path, skip_bad=True))
    assert [getattr(x, "id", None) for x in out] == ["a", None, "c"]
    assert isinstance(out[1], Rejected)
    assert out[1].raw == "b,caf\ufffd\n"


def test_skip_bad_continues_after_malformed_record(tmp_path, write):
    path = write.text(tmp_path / "c.csv", "id,text\na,x\nb,y,z\nc,\nd,w\n")
    out = list(read_corpus(path, skip_bad=True))
    assert [(type(x).__name__, getattr(x, "line", None)) for x in out] == [
        ("Document", None),
        ("Rejected", 3),
        ("Rejected", 4),
        ("Document", None),
    ]
