"""JSON lines: passim-style records, strict checking, exact text."""

from __future__ import annotations

import json

import pytest

from echoscope.errors import InputError
from echoscope.model import Document, Rejected
from echoscope.read import read_corpus


def test_fields_go_to_attributes_and_meta(tmp_path, write):
    path = write.jsonl(
        tmp_path / "c.jsonl",
        [
            {
                "id": "a",
                "text": "We stand together.",
                "series": "un",
                "date": "2020-01-02",
                "speaker": "X",
                "outlet": "UN",
                "title": "T",
                "url": "http://u",
                "lang": "en",
                "party": "P",
                "votes": 12,
            },
            {"id": 7, "text": "Second.", "date": 2021, "speaker": None},
        ],
    )
    a, b = list(read_corpus(path))
    assert a == Document(
        id="a",
        text="We stand together.",
        series="un",
        date="2020-01-02",
        speaker="X",
        outlet="UN",
        title="T",
        url="http://u",
        lang="en",
        meta={"party": "P", "votes": 12},
        origin=f"{path}:1",
    )
    assert (b.id, b.date, b.speaker, b.meta, b.origin) == ("7", "2021", None, {}, f"{path}:2")


def test_urdu_text_round_trips_exactly(tmp_path, urdu, write):
    path = write.jsonl(tmp_path / "u.jsonl", [{"id": "u", "text": urdu}])
    (doc,) = read_corpus(path)
    assert doc.text == urdu
    assert len(doc.text) == len(urdu)


@pytest.mark.parametrize("name", ["c.jsonl.gz", "c.ndjson.bz2", "c.json", "c.json.gz"])
def test_compressed_and_alternative_names(tmp_path, urdu, write, name):
    path = write.jsonl(tmp_path / name, [{"id": "a", "text": urdu}, {"id": "b", "text": "x"}])
    docs = list(read_corpus(path))
    assert [d.id for d in docs] == ["a", "b"]
    assert docs[0].text == urdu


def test_blank_lines_skipped_and_lines_stay_physical(tmp_path, write):
    body = '\n{"id": "a", "text": "one"}\n   \n\n{"id": "b", "text": "two"}\n'
    path = write.text(tmp_path / "c.jsonl", body)
    docs = list(read_corpus(path))
    assert [d.origin for d in docs] == [f"{path}:2", f"{path}:5"]


def test_bom_and_crlf_accepted(tmp_path, write):
    path = write.bytes(tmp_path / "c.jsonl", b'\xef\xbb\xbf{"id": "a", "text": "x"}\r\n')
    (doc,) = read_corpus(path)
    assert (doc.id, doc.text) == ("a", "x")


def test_unicode_line_separator_inside_text_is_not_a_line_break(tmp_path, write):
    # U+2028 may appear raw inside a JSON string; it must not split the record.
    line = '{"id": "a", "text": "one\u2028two\u0085three"}\n{"id": "b", "text": "x"}\n'
    path = write.text(tmp_path / "c.jsonl", line)
    a, b = read_corpus(path)
    assert a.text == "one\u2028two\u0085three"
    assert b.origin == f"{path}:2"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a", "text": ', "invalid JSON"),
        ('["a", "b"]', "expected a JSON object, got an array"),
        ('{"id": "a"}', "missing 'text'"),
        ('{"text": "x"}', "missing 'id'"),
        ('{"id": "a", "text": 5}', "'text' must be a string"),
        ('{"id": "a", "text": null}', "'text' must be a string"),
        ('{"id": "a", "text": "  \\n "}', "empty text"),
        ('{"id": "", "text": "x"}', "empty id"),
        ('{"id": 1.5, "text": "x"}', "'id' must be a string or an integer"),
        ('{"id": true, "text": "x"}', "'id' must be a string or an integer"),
        ('{"id": "a", "text": "x", "date": ["2020"]}', "'date' must be a string"),
        ('{"id": "a", "text": "bad \\ud800 half"}', "unpaired surrogate"),
    ],
)
def test_malformed_record_raises_with_file_and_line(tmp_path, write, line, reason):
    path = write.text(tmp_path / "c.jsonl", '{"id": "ok", "text": "fine"}\n\n' + line + "\n")
    it = read_corpus(path)
    assert next(it).id == "ok"
    with pytest.raises(InputError) as info:
        next(it)
    err = info.value
    assert (err.path, err.line) == (str(path), 3)
    assert reason in err.reason
    assert str(err).startswith(f"{path}:3: ")


def test_invalid_utf8_names_byte_and_offset(tmp_path, write):
    good = b'{"id": "a", "text": "x"}\n'
    path = write.bytes(tmp_path / "c.jsonl", good + b'{"id": "b", "text": "caf\xe9"}\n')
    with pytest.raises(InputError) as info:
        list(read_corpus(path))
    assert info.value.line == 2
    # offset counts bytes from the start of the file: the 0xe9 is at len(good) + 24
    assert info.value.reason == f"not valid UTF-8 (byte 0xe9 at offset {len(good) + 24})"


def test_json_array_gets_a_hint(tmp_path, write):
    path = write.text(tmp_path / "c.json", json.dumps([{"id": "a", "text": "x"}], indent=1))
    with pytest.raises(InputError, match="not one JSON value"):
        list(read_corpus(path))


def test_skip_bad_yields_rejected_and_continues(tmp_path, write):
    body = (
        b'{"id": "a", "text": "one"}\n'
        b"{oops\n"
        b'{"id": "b", "text": "\xff"}\n'
        b'{"id": "c"}\n'
        b'{"id": "d", "text": "four"}\n'
    )
    path = write.bytes(tmp_path / "c.jsonl", body)
    out = list(read_corpus(path, skip_bad=True))
    assert [type(x).__name__ for x in out] == [
        "Document",
        "Rejected",
        "Rejected",
        "Rejected",
        "Document",
    ]
    rejected = [x for x in out if isinstance(x, Rejected)]
    assert [(r.path, r.line) for r in rejected] == [(str(path), 2), (str(path), 3), (str(path), 4)]
    assert rejected[0].reason.startswith("invalid JSON")
    assert rejected[0].raw == "{oops\n"
    assert "not valid UTF-8" in rejected[1].reason
    assert "\ufffd" in rejected[1].raw  # the bad byte shown, not hidden
    assert rejected[2].reason == "missing 'text'"


def test_columns_rename_json_keys(tmp_path, write):
    path = write.jsonl(
        tmp_path / "c.jsonl", [{"doc": "a", "body": "text here", "who": "Y", "party": "P"}]
    )
    (doc,) = read_corpus(path, columns={"id": "doc", "text": "body", "speaker": "who"})
    assert (doc.id, doc.text, doc.speaker, doc.meta) == ("a", "text here", "Y", {"party": "P"})
    with pytest.raises(InputError, match=r"missing 'body' \(the text field\)"):
        list(
            read_corpus(
                write.jsonl(tmp_path / "d.jsonl", [{"doc": "a"}]),
                columns={"text": "body", "id": "doc"},
            )
        )
