"""Hostile input: every defect a probe found in the readers is a located error or a reject.

Huge integers and deep nesting in JSON, names that are not UTF-8, symlinks out of the corpus,
looping or dangling, charsets that are not text encodings, pages the extractor chokes on,
binary files, NaN/Infinity, and a CSV quote left open.
"""

from __future__ import annotations

import json
import os
import sys

import pytest

from echoscope.errors import InputError
from echoscope.model import Document, Rejected
from echoscope.read import Suspect, read_corpus
from echoscope.read.jsonl import MAX_NESTING

DIGITS = sys.get_int_max_str_digits()
BIG_INT = "9" * (DIGITS + 700)
GOOD = '{"id": "ok", "text": "a fine record"}\n'


def deep(levels: int) -> str:
    return "[" * levels + "]" * levels


def kinds(out: list[Document | Rejected]) -> list[str]:
    return [x.id if isinstance(x, Document) else f"rejected:{x.line}" for x in out]


# -- JSON: integers past the int-string limit, nesting past the stack --------------------------


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        (BIG_INT, f"a number with more than {DIGITS} digits (column 34)"),
        (deep(5000), f"JSON nested more than {MAX_NESTING} levels deep"),  # RecursionError
        (deep(MAX_NESTING + 1), f"JSON nested more than {MAX_NESTING} levels deep"),
        ("NaN", "invalid JSON: NaN is not a JSON number"),
        ("-Infinity", "invalid JSON: -Infinity is not a JSON number"),
        ("1e400", "invalid JSON: the number 1e400 is too large for a double"),
    ],
)
def test_json_values_no_record_can_hold(tmp_path, write, value, reason):
    bad_line = '{"id": "b", "text": "x", "date": ' + value + "}\n"
    path = write.text(tmp_path / "c.jsonl", GOOD + bad_line + GOOD.replace("ok", "ok2"))
    with pytest.raises(InputError) as info:
        list(read_corpus(path))
    assert (info.value.path, info.value.line, info.value.reason) == (str(path), 2, reason)
    out = list(read_corpus(path, skip_bad=True))
    assert kinds(out) == ["ok", "rejected:2", "ok2"]


def test_nesting_up_to_the_limit_is_kept(tmp_path, write):
    value = deep(MAX_NESTING - 1)  # inside the record object: exactly MAX_NESTING levels
    path = write.text(tmp_path / "c.jsonl", '{"id": "a", "text": "x", "n": ' + value + "}\n")
    (doc,) = read_corpus(path)
    assert json.dumps(doc.meta["n"]).count("[") == MAX_NESTING - 1


def test_finite_numbers_still_read(tmp_path, write):
    line = '{"id": 7, "text": "x", "date": 20200101, "score": 1.5e300, "n": ' + "9" * DIGITS
    (doc,) = read_corpus(write.text(tmp_path / "c.jsonl", line + "}\n"))
    assert (doc.id, doc.date, doc.meta["score"]) == ("7", "20200101", 1.5e300)


@pytest.mark.parametrize(
    ("name", "body", "line", "reason"),
    [
        ("metadata.jsonl", '{"id": "a", "n": ' + BIG_INT + "}\n", 1, "more than"),
        ("metadata.jsonl", '{"id": "a", "n": ' + deep(3000) + "}\n", 1, "nested more than"),
        ("metadata.json", '{\n"a": {"n": ' + BIG_INT + "}}\n", 2, "more than"),
        ("metadata.json", '{"a": {"n": ' + deep(3000) + "}}", None, "nested more than"),
        ("metadata.json", '[{"id": "a", "n": ' + deep(200) + "}]", None, "nested more than"),
        ("metadata.json", '{"a": {"date": NaN}}', None, "NaN is not a JSON number"),
    ],
)
def test_sidecar_json_problems_are_located_errors(tmp_path, write, name, body, line, reason):
    root = tmp_path / "corpus"
    write.text(root / "a.txt", "the text")
    side = write.text(root / name, body)
    for skip_bad in (False, True):  # a bad sidecar stops the ingest even with skip_bad
        with pytest.raises(InputError) as info:
            list(read_corpus(root, skip_bad=skip_bad))
        assert (info.value.path, info.value.line) == (str(side), line)
        assert reason in info.value.reason


# -- names that are not UTF-8 -------------------------------------------------------------------


def test_file_and_folder_names_not_utf8(tmp_path, write):
    root = tmp_path / "corpus"
    write.text(root / "a.txt", "fine")
    bad_file = os.path.join(os.fsencode(root), b"b\xff.txt")
    bad_dir = os.path.join(os.fsencode(root), b"d\xfe")
    os.mkdir(bad_dir)
    for p in (bad_file, os.path.join(bad_dir, b"c.txt")):
        with open(p, "wb") as fh:
            fh.write(b"some text")
    with pytest.raises(InputError) as info:
        list(read_corpus(root))
    assert info.value.path == f"{root}/b\ufffd.txt"  # printable, not surrogate-escaped
    assert "file name is not valid UTF-8 (byte 0xff at char 1)" in info.value.reason
    out = list(read_corpus(root, skip_bad=True))
    assert kinds(out) == ["a.txt", "rejected:0", "rejected:0"]
    assert [x.path for x in out[1:]] == [f"{root}/b\ufffd.txt", f"{root}/d\ufffd/c.txt"]
    for x in out[1:]:
        x.path.encode("utf-8")  # no surrogate left anywhere a report or a store would write


def test_path_argument_not_utf8(tmp_path, write):
    folder = os.path.join(os.fsencode(tmp_path), b"corpus\xfe")
    os.mkdir(folder)
    with open(os.path.join(folder, b"a.txt"), "wb") as fh:
        fh.write(b"the text")
    (doc,) = read_corpus(folder)
    assert doc.id == "a.txt"
    assert doc.origin == f"{tmp_path}/corpus\ufffd/a.txt"  # stored, so it must be UTF-8
    lone = os.path.join(os.fsencode(tmp_path), b"speech\xfe.txt")
    with open(lone, "wb") as fh:
        fh.write(b"the text")
    with pytest.raises(InputError, match="file name is not valid UTF-8") as info:
        list(read_corpus(lone))
    assert info.value.path == f"{tmp_path}/speech\ufffd.txt"
    jsonl = os.path.join(os.fsencode(tmp_path), b"c\xfe.jsonl")
    with open(jsonl, "wb") as fh:
        fh.write(b'{"id": "a", "text": "x"}\n{"id": "a", "text": "y"}\n')
    with pytest.raises(InputError) as info:
        list(read_corpus(jsonl))
    assert str(info.value) == (
        f"{tmp_path}/c\ufffd.jsonl:2: duplicate id 'a' (first at {tmp_path}/c\ufffd.jsonl:1)"
    )


# -- symlinks -----------------------------------------------------------------------------------


def test_symlinks_stay_inside_the_corpus(tmp_path, write):
    secret = write.text(tmp_path / "secret.txt", "outside the corpus")
    root = tmp_path / "corpus"
    write.text(root / "a.txt", "inside the corpus")
    (root / "sub").mkdir()
    (root / "sub" / "inside.txt").symlink_to("../a.txt")
    (root / "out.txt").symlink_to(secret)
    (root / "dangling.txt").symlink_to(tmp_path / "nope.txt")
    (root / "loop1.txt").symlink_to("loop2.txt")
    (root / "loop2.txt").symlink_to("loop1.txt")
    (root / "self.txt").symlink_to("self.txt")
    (root / "outdir").symlink_to(tmp_path, target_is_directory=True)  # not followed
    (root / "dir.txt").symlink_to(root / "sub", target_is_directory=True)
    out = list(read_corpus(root, skip_bad=True))
    docs = {x.id: x.text for x in out if isinstance(x, Document)}
    assert docs == {"a.txt": "inside the corpus", "sub/inside.txt": "inside the corpus"}
    reasons = {os.path.basename(x.path): x.reason for x in out if isinstance(x, Rejected)}
    assert reasons == {
        "dangling.txt": "a dangling symlink (its target does not exist); not read",
        "dir.txt": "a symlink to something that is not a regular file; not read",
        "loop1.txt": "a symlink loop; not read",
        "loop2.txt": "a symlink loop; not read",
        "out.txt": "a symlink to a file outside the corpus folder; not read",
        "self.txt": "a symlink loop; not read",
    }
    assert "outside the corpus" not in " ".join(x.raw for x in out if isinstance(x, Rejected))
    with pytest.raises(InputError, match="dangling symlink") as info:
        list(read_corpus(root))
    assert info.value.path == str(root / "dangling.txt")


def test_sidecar_symlinked_out_of_the_corpus_is_an_error(tmp_path, write):
    outside = write.text(tmp_path / "elsewhere.csv", "id,speaker\na,X\n")
    root = tmp_path / "corpus"
    write.text(root / "a.txt", "the text")
    (root / "metadata.csv").symlink_to(outside)
    with pytest.raises(InputError, match="outside the corpus folder"):
        list(read_corpus(root, skip_bad=True))
    (doc,) = read_corpus(root, meta=outside)  # named explicitly: read from anywhere
    assert doc.speaker == "X"
    (root / "metadata.csv").unlink()
    (root / "metadata.csv").symlink_to(root / "gone.csv")
    with pytest.raises(InputError, match="dangling"):
        list(read_corpus(root))


def test_path_argument_that_loops(tmp_path):
    (tmp_path / "x.jsonl").symlink_to("x.jsonl")
    with pytest.raises(InputError, match="a broken symlink or a symlink loop"):
        read_corpus(tmp_path / "x.jsonl")


def test_fifo_named_like_a_document(tmp_path, write):
    root = tmp_path / "corpus"
    write.text(root / "a.txt", "fine")
    os.mkfifo(root / "pipe.txt")  # reading it would block forever
    out = list(read_corpus(root, skip_bad=True))
    assert kinds(out) == ["a.txt", "rejected:0"]
    assert "not a regular file" in out[1].reason
    with pytest.raises(InputError, match="not a regular file"):
        read_corpus(root / "pipe.txt")


# -- HTML: charsets that are not text encodings, pages the extractor chokes on -----------------

ARTICLE = "<p>The people of this nation will never surrender their freedom to anyone.</p>"


@pytest.mark.parametrize(
    ("charset", "reason"),
    [
        ("base64", "the page declares 'base64', which is not a character encoding"),
        ("rot13", "the page declares 'rot13', which is not a character encoding"),
        ("zlib", "the page declares 'zlib', which is not a character encoding"),
        ("hex", "the page declares 'hex', which is not a character encoding"),
        ("unicode_escape", "the page declares 'unicode_escape', which is not a character"),
        ("idna", "the page declares 'idna', which is not a character encoding"),
        ("klingon-8", "unknown charset 'klingon-8' declared in the page"),
    ],
)
def test_charset_that_is_not_a_text_encoding(tmp_path, write, charset, reason):
    page = f'<html><head><meta charset="{charset}"></head><body>{ARTICLE}</body></html>'
    path = write.text(tmp_path / "p.html", page)
    with pytest.raises(InputError) as info:
        list(read_corpus(path))
    assert info.value.reason.startswith(reason)
    (rej,) = read_corpus(path, skip_bad=True)
    assert isinstance(rej, Rejected) and rej.path == str(path)


def test_charset_decoding_to_surrogates_is_rejected(tmp_path, write):
    page = b'<html><head><meta charset="utf-7"></head><body><p>Text +2D0- and more text.</p>'
    path = write.bytes(tmp_path / "p.html", page * 3)
    with pytest.raises(InputError) as info:
        list(read_corpus(path))
    assert (
        info.value.reason == "the page as utf-7 contains an unpaired surrogate (U+D83D) at char 55"
    )


@pytest.mark.parametrize(
    "page",
    [
        '<svg xmlns="http://www.w3.org/2000/svg"><title>t</title><text>hello world</text></svg>',
        "<svg><metadata>2021-03-04</metadata><text>some text</text></svg>",
    ],
)
def test_page_the_extractor_fails_on(tmp_path, write, page):
    root = tmp_path / "corpus"
    write.text(root / "a.html", page)
    write.text(root / "b.txt", "fine")
    with pytest.raises(InputError) as info:
        list(read_corpus(root))
    assert info.value.path == str(root / "a.html")
    assert info.value.reason == "the HTML extractor failed on this page (AssertionError)"
    assert kinds(list(read_corpus(root, skip_bad=True))) == ["rejected:0", "b.txt"]


# -- binary content -----------------------------------------------------------------------------

ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 9 + b"\x02\x00>\x00" + b"\x01" * 40


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("zeros.txt", b"\x00" * 4096, "binary content, not text (a NUL byte at offset 0)"),
        ("prog.txt", ELF, "binary content, not text (a NUL byte at offset 7)"),
        ("prog.html", ELF, "binary content, not text (a NUL byte at offset 7)"),
        ("zeros.txt.gz", b"\x00" * 100, "binary content, not text (a NUL byte at offset 0)"),
        (
            "controls.txt",
            bytes(range(1, 9)) * 10 + b"some words",
            "binary content, not text (80 of the first 90 bytes are controls)",
        ),
        (
            "wide.txt",
            "\ufeffUTF-16 text".encode("utf-16-le"),
            "UTF-16 text (it starts with a UTF-16 byte-order mark); save it as UTF-8",
        ),
    ],
)
def test_binary_files_are_refused(tmp_path, write, name, data, reason):
    root = tmp_path / "corpus"
    write.bytes(root / name, data)
    write.text(root / "a-fine.txt", "fine")
    with pytest.raises(InputError) as info:
        list(read_corpus(root))
    assert (info.value.path, info.value.reason) == (str(root / name), reason)
    assert kinds(list(read_corpus(root, skip_bad=True))) == ["a-fine.txt", "rejected:0"]


def test_binary_text_in_records(tmp_path, write):
    records = [
        {"id": "nul", "text": "a speech\u0000with a NUL"},
        {"id": "ctl", "text": "\u0001\u0002\u0003\u0004 hi"},
        {"id": "ok", "text": "tabs\tand\nnewlines\r\n\fand an \u001b escape are text"},
    ]
    out = list(read_corpus(write.jsonl(tmp_path / "c.jsonl", records), skip_bad=True))
    assert kinds(out) == ["rejected:1", "rejected:2", "ok"]
    assert out[0].reason == "binary content, not text (a NUL character at char 8)"
    path = write.text(tmp_path / "c.csv", "id,text\na,x\x00y\nb,fine\n")
    assert kinds(list(read_corpus(path, skip_bad=True))) == ["rejected:2", "b"]


# -- CSV: a quote left open ----------------------------------------------------------------------


def test_quote_left_open_to_the_end_is_one_located_reject(tmp_path, write):
    body = 'id,text\na,first\nb,"opened here\nc,third\nd,fourth\n'
    path = write.text(tmp_path / "c.csv", body)
    with pytest.raises(InputError) as info:
        list(read_corpus(path))
    assert info.value.line == 3
    assert info.value.reason == (
        "malformed CSV record: a quote opened in the record on line 3 is never closed: "
        "lines 3-5 (to the end of the file) were read as this one record"
    )
    a, rej = read_corpus(path, skip_bad=True)
    assert a.id == "a" and (rej.line, rej.end_line) == (3, 5)
    assert rej.raw == 'b,"opened here\nc,third\nd,fourth\n'


def test_quote_left_open_until_a_stray_quote_names_the_lines(tmp_path, write):
    body = 'id,text\na,"opened here\nb,second\nc,"third" oops\nd,fourth\n'
    a_rej, d = read_corpus(write.text(tmp_path / "c.csv", body), skip_bad=True)
    assert (a_rej.line, a_rej.end_line, d.id) == (2, 4, "d")
    assert "the record began on line 2" in a_rej.reason
    assert "would swallow lines 3-4" in a_rej.reason


@pytest.mark.parametrize("delimiter", [",", "\t"])
def test_quote_balanced_later_is_flagged_where_it_opened(tmp_path, write, delimiter):
    rows = ["id,text,speaker", "doc-1,fine,X", 'doc-2,"opened here,Y', "doc-3,swallowed,Z"]
    rows += ['doc-4,closed here",W', "doc-5,after,V"]
    body = "\n".join(rows).replace(",", delimiter) + "\n"
    suffix = ".csv" if delimiter == "," else ".tsv"
    path = write.text(tmp_path / f"c{suffix}", body)
    suspects: list[Suspect] = []
    docs = list(read_corpus(path, suspects=suspects))
    assert [d.id for d in docs] == ["doc-1", "doc-2", "doc-5"]  # read as it stands
    swallowed = "opened here,Y\ndoc-3,swallowed,Z\ndoc-4,closed here".replace(",", delimiter)
    assert docs[1].text == swallowed
    (flag,) = suspects
    assert (flag.path, flag.line, flag.end_line) == (str(path), 3, 5)
    assert flag.reason == (
        "a quoted field opened on line 3 runs over 3 lines, and its line 4 looks like a "
        "record of its own (id 'doc-3'): a quote left open on line 3? "
        "The record is stored as read."
    )


def test_multi_line_prose_is_not_flagged(tmp_path, write):
    text = "First paragraph, with a comma.\nSecond, also with one.\nWe said: yes, sir"
    body = f'id,text\ndoc-1,"{text}"\ndoc-2,"Done.\nAnd, 12 more."\n'
    suspects: list[Suspect] = []
    a, b = read_corpus(write.text(tmp_path / "c.csv", body), suspects=suspects)
    assert (a.text, b.text) == (text, "Done.\nAnd, 12 more.")
    assert suspects == []


def test_sidecar_with_a_swallowed_row_is_an_error(tmp_path, write):
    root = tmp_path / "corpus"
    for name in ("a", "b", "c"):
        write.text(root / f"{name}.txt", "the text")
    side = write.text(root / "metadata.csv", 'id,speaker\na,"X\nb,Y\nc,Z"\n')
    with pytest.raises(InputError) as info:
        list(read_corpus(root, skip_bad=True))
    assert (info.value.path, info.value.line) == (str(side), 2)
    assert "looks like a record of its own (id 'b')" in info.value.reason
