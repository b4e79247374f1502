"""Property-based tests of every reader (Hypothesis).

For each format (JSON lines, CSV, TSV, a folder of .txt/.html, metadata sidecars, a lone file,
HTML, .gz/.bz2): arbitrary bytes raise nothing but InputError (and with skip_bad, every item is
a Document or a Rejected); well-formed generated records come back exactly (texts are stored as
read, so offsets into them hold); and nothing is dropped silently: every record in is a document
out or a reject (or, for a CSV quote left open, inside a reported span).
"""

from __future__ import annotations

import bz2
import csv
import gzip
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from echoscope.errors import InputError
from echoscope.model import Document, Rejected
from echoscope.read import Suspect, read_corpus
from echoscope.read._record import binary_reason

# Modest: these run in `make test` on two shared cores (ECHOSCOPE_FUZZ_EXAMPLES for a long run).
FAST = settings(
    max_examples=int(os.environ.get("ECHOSCOPE_FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("props")


@contextmanager
def fresh(scratch: Path) -> Iterator[Path]:
    """A new empty folder per example (Hypothesis reuses the test's fixtures)."""
    folder = Path(tempfile.mkdtemp(dir=scratch))
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def compress(name: str, data: bytes) -> bytes:
    if name.endswith(".gz"):
        return gzip.compress(data, mtime=0)
    if name.endswith(".bz2"):
        return bz2.compress(data)
    return data


def read_all(path: os.PathLike[str] | str, **options) -> list[Document | Rejected]:
    """Everything a reader yields with skip_bad; an InputError is allowed (a whole-file
    problem such as a missing header), anything else fails the test."""
    try:
        out = list(read_corpus(path, skip_bad=True, **options))
    except InputError as exc:
        exc.path.encode("utf-8")  # printable: no surrogate escapes
        return []
    for item in out:
        assert isinstance(item, Document | Rejected)
        if isinstance(item, Document):
            for value in (item.id, item.text, item.origin):
                value.encode("utf-8")  # what the store writes must be UTF-8
        else:
            item.path.encode("utf-8")
    return out


def strict_outcome(path: os.PathLike[str] | str, **options) -> None:
    """Without skip_bad the only failure is a located InputError, with a printable path."""
    try:
        list(read_corpus(path, **options))
    except InputError as exc:
        exc.path.encode("utf-8")


# -- arbitrary bytes -----------------------------------------------------------------------------

# Pieces that steer random bytes towards the readers' edge cases.
FRAGMENTS = [
    b"{",
    b"}",
    b"[",
    b"]",
    b'"',
    b'""',
    b",",
    b"\t",
    b"\n",
    b"\r\n",
    b"\r",
    b":",
    b'"id"',
    b'"text"',
    b'"date"',
    b"id,text\n",
    b"id\ttext\n",
    b'{"id": "a", "text": "x"}\n',
    b"\\u",
    b"\\ud800",
    b"\x00",
    b"\xff",
    b"\xef\xbb\xbf",
    b"\xe2\x80",
    b"NaN",
    b"Infinity",
    b"1e400",
    b"9" * 4400,
    b"[" * 1200,
    b'<meta charset="base64">',
    b'<meta charset="utf-7">',
    b"<svg><title>t</title>",
    b"<html><body><p>",
    b"</p>",
    b"words of a speech ",
]

hostile_bytes = st.one_of(
    st.binary(max_size=400),
    st.lists(st.sampled_from(FRAGMENTS) | st.binary(max_size=8), max_size=30).map(b"".join),
)

SUFFIXES = [
    ".jsonl",
    ".csv",
    ".tsv",
    ".txt",
    ".html",
    ".jsonl.gz",
    ".csv.bz2",
    ".tsv.gz",
    ".txt.bz2",
    ".html.gz",
]


@FAST
@given(data=hostile_bytes, suffix=st.sampled_from(SUFFIXES), raw_compressed=st.booleans())
def test_any_bytes_in_a_file(scratch, data, suffix, raw_compressed):
    with fresh(scratch) as folder:
        path = folder / f"corpus{suffix}"
        # Either well-compressed garbage, or garbage where compressed data should be.
        path.write_bytes(data if raw_compressed else compress(suffix, data))
        read_all(path)
        strict_outcome(path)


@FAST
@given(
    files=st.lists(
        st.tuples(st.sampled_from([".txt", ".html", ".txt.gz"]), hostile_bytes), max_size=5
    ),
    sidecar=st.one_of(
        st.none(), st.tuples(st.sampled_from(["csv", "tsv", "jsonl", "json"]), hostile_bytes)
    ),
)
def test_any_bytes_in_a_folder_and_its_sidecar(scratch, files, sidecar):
    with fresh(scratch) as folder:
        root = folder / "corpus"
        root.mkdir()
        for i, (suffix, data) in enumerate(files):
            (root / f"d{i}{suffix}").write_bytes(compress(suffix, data))
        if sidecar is not None:
            (root / f"metadata.{sidecar[0]}").write_bytes(sidecar[1])
        out = read_all(root)
        if out:  # the sidecar was good enough: then every file is a document or a reject
            assert len(out) == len(files)
        strict_outcome(root)


# Names as bytes: anything a POSIX file system takes, valid UTF-8 or not.
names = st.binary(min_size=1, max_size=60).filter(
    lambda b: b"/" not in b and b"\x00" not in b and not b.startswith(b".")
)


@FAST
@given(names=st.lists(names, min_size=1, max_size=6, unique=True))
def test_odd_file_names(scratch, names):
    with fresh(scratch) as folder:
        root = os.path.join(os.fsencode(folder), b"corpus")
        os.mkdir(root)
        for name in names:
            with open(os.path.join(root, name + b".txt"), "wb") as fh:
                fh.write(b"the text of this file")
        out = read_all(root)
        assert len(out) == len(names)  # each file: a document or a reject, none dropped
        for item in out:
            if isinstance(item, Document):
                assert os.fsencode(item.id) in [n + b".txt" for n in names]
            else:
                assert "not valid UTF-8" in item.reason


# -- well-formed records come back exactly -------------------------------------------------------

# Text a document may hold: any character but surrogates, with the whitespace and separators
# that readers must not touch (CRLF, lone CR, U+2028, NBSP, tabs); not blank and not binary.
text_chars = st.characters(blacklist_categories=("Cs", "Cc")) | st.sampled_from(
    ["\n", "\r", "\t", "\u2028", "\u00a0", "\ufeff", "\u200f", '"', ",", "\\", "\x1b"]
)
texts = st.text(text_chars, min_size=1, max_size=80).filter(
    lambda t: not t.isspace() and binary_reason(t) is None
)
ids = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=12).filter(
    lambda s: s.strip() != ""
)
records = st.lists(
    st.fixed_dictionaries(
        {"id": ids, "text": texts},
        optional={
            "speaker": st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=10),
            "date": st.sampled_from(["2021-03-04", "2021-03-04T10:00:00", "1999"]),
            "party": st.text(max_size=5),  # any character: kept in meta as it is
        },
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda r: r["id"],
)


@FAST
@given(recs=records, ensure_ascii=st.booleans(), suffix=st.sampled_from(["", ".gz", ".bz2"]))
def test_jsonl_round_trip(scratch, recs, ensure_ascii, suffix):
    body = "".join(json.dumps(r, ensure_ascii=ensure_ascii) + "\n" for r in recs)
    with fresh(scratch) as folder:
        path = folder / f"c.jsonl{suffix}"
        path.write_bytes(compress(suffix, body.encode("utf-8")))
        docs = list(read_corpus(path))
    assert [(d.id, d.text) for d in docs] == [(r["id"], r["text"]) for r in recs]
    for number, (d, r) in enumerate(zip(docs, recs, strict=True), start=1):
        assert d.speaker == (r.get("speaker") or None)
        assert d.meta == ({"party": r["party"]} if "party" in r else {})
        assert d.origin == f"{path}:{number}"


def csv_body(rows: list[list[str]], delimiter: str) -> str:
    # CRLF as RFC 4180 has it: then the writer quotes every field holding a CR or an LF (with
    # "\n" alone, a field ending in CR would be written bare, and read back as a line end).
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return buf.getvalue()


@FAST
@given(recs=records, delimiter=st.sampled_from([",", "\t"]), suffix=st.sampled_from(["", ".gz"]))
def test_csv_and_tsv_round_trip(scratch, recs, delimiter, suffix):
    rows = [["id", "text", "speaker"]] + [[r["id"], r["text"], r.get("speaker", "")] for r in recs]
    name = ("c.csv" if delimiter == "," else "c.tsv") + suffix
    with fresh(scratch) as folder:
        path = folder / name
        path.write_bytes(compress(suffix, csv_body(rows, delimiter).encode("utf-8")))
        docs = list(read_corpus(path))
    assert [(d.id, d.text) for d in docs] == [(r["id"], r["text"]) for r in recs]
    assert [d.speaker for d in docs] == [r.get("speaker") or None for r in recs]


file_texts = texts.filter(lambda t: not t.startswith("\ufeff"))  # a leading BOM is removed


@FAST
@given(
    docs=st.dictionaries(
        st.text("abcdefgh_-0123456789", min_size=1, max_size=8), file_texts, min_size=1, max_size=6
    ),
    sidecar=st.sampled_from([None, "csv", "jsonl", "json"]),
    compressed=st.booleans(),
)
def test_folder_round_trip_with_sidecar(scratch, docs, sidecar, compressed):
    with fresh(scratch) as folder:
        root = folder / "corpus"
        (root / "sub").mkdir(parents=True)
        expected = {}
        for i, (stem, text) in enumerate(sorted(docs.items())):
            rel = f"sub/{stem}.txt" if i % 2 else f"{stem}.txt"
            rel += ".gz" if compressed and i % 3 == 0 else ""
            (root / rel).write_bytes(compress(rel, text.encode("utf-8")))
            expected[rel] = (text, f"speaker {i}")
        if sidecar == "csv":
            rows = [["id", "speaker"]] + [[rel, sp] for rel, (_, sp) in expected.items()]
            (root / "metadata.csv").write_text(csv_body(rows, ","), encoding="utf-8")
        elif sidecar == "jsonl":
            lines = [json.dumps({"id": rel, "speaker": sp}) for rel, (_, sp) in expected.items()]
            (root / "metadata.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        elif sidecar == "json":
            mapping = {rel: {"speaker": sp} for rel, (_, sp) in expected.items()}
            (root / "metadata.json").write_text(json.dumps(mapping, indent=1), encoding="utf-8")
        out = list(read_corpus(root))
    got = {d.id: (d.text, d.speaker) for d in out}
    want = {rel: (text, sp if sidecar else None) for rel, (text, sp) in expected.items()}
    assert got == want


@FAST
@given(text=file_texts, suffix=st.sampled_from([".txt", ".txt.gz", ".txt.bz2"]))
def test_lone_file_round_trip(scratch, text, suffix):
    with fresh(scratch) as folder:
        path = folder / f"speech{suffix}"
        path.write_bytes(compress(suffix, text.encode("utf-8")))
        (doc,) = read_corpus(path)
    assert (doc.id, doc.text) == (path.name, text)


words = st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9)
paragraphs = st.lists(words, min_size=12, max_size=30).map(lambda w: " ".join(w).capitalize() + ".")


@FAST
@given(paras=st.lists(paragraphs, min_size=1, max_size=4), title=words)
def test_html_page_yields_its_paragraphs_or_a_reject(scratch, paras, title):
    body = "".join(f"<p>{p}</p>" for p in paras)
    page = f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>"
    with fresh(scratch) as folder:
        path = folder / "p.html"
        path.write_text(page, encoding="utf-8")
        (item,) = read_all(path)
    if isinstance(item, Document):  # what the extractor returns is the text, whole
        assert all(p in item.text for p in paras)


# -- nothing dropped silently --------------------------------------------------------------------


def mutate(line: str, how: int, rnd: bytes) -> str:
    """One of several ways to spoil a record line (never adding a newline)."""
    cut = len(line) * (rnd[0] if rnd else 0) // 256
    spoilers = [
        lambda: line[:cut],
        lambda: line[:cut] + '"' + line[cut:],
        lambda: line.replace('"text"', '"txet"'),
        lambda: line[:cut] + "\\ud800" + line[cut:],
        lambda: line.replace("}", ', "date": NaN}'),
        lambda: line.replace("}", ', "n": ' + "9" * 4400 + "}"),
        lambda: line.replace("}", ', "n": ' + "[" * 300 + "]" * 300 + "}"),
        lambda: line[:cut] + rnd.decode("latin-1").replace("\n", " ") + line[cut:],
    ]
    return spoilers[how % len(spoilers)]()


spoils = st.lists(
    st.tuples(st.booleans(), st.integers(0, 7), st.binary(max_size=6)), min_size=1, max_size=12
)


@FAST
@given(plan=spoils)
def test_jsonl_records_in_equal_documents_plus_rejects(scratch, plan):
    lines = []
    for i, (spoil, how, rnd) in enumerate(plan):
        line = json.dumps({"id": f"r{i}", "text": f"record number {i}"})
        lines.append(mutate(line, how, rnd) if spoil else line)
    lines = [line for line in lines if line.strip(" \t\r\n")]  # a blank line is no record
    with fresh(scratch) as folder:
        path = folder / "c.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogateescape")
        out = list(read_corpus(path, skip_bad=True))
    assert len(out) == len(lines)
    assert [
        int(x.origin.rsplit(":", 1)[1]) if isinstance(x, Document) else x.line for x in out
    ] == list(range(1, len(lines) + 1))


@FAST
@given(plan=spoils, delimiter=st.sampled_from([",", "\t"]))
def test_csv_records_in_are_covered_by_documents_rejects_or_flags(scratch, plan, delimiter):
    header = f"id{delimiter}text"
    lines = [header]
    for i, (spoil, how, rnd) in enumerate(plan):
        line = f"r{i:03d}{delimiter}record number {i}"
        if spoil:
            cut = len(line) * (rnd[0] if rnd else 0) // 256
            noise = rnd.decode("latin-1").replace("\n", " ").replace("\r", " ")
            line = [
                line[:cut] + '"' + line[cut:],
                line + '"',
                line[:cut] + noise + line[cut:],
                line.replace(delimiter, delimiter + '"', 1),
            ][how % 4]
        lines.append(line)
    suspects: list[Suspect] = []
    with fresh(scratch) as folder:
        path = folder / ("c.csv" if delimiter == "," else "c.tsv")
        path.write_bytes(("\n".join(lines) + "\n").encode("utf-8", "surrogateescape"))
        out = list(read_corpus(path, skip_bad=True, suspects=suspects))
    covered: set[int] = set()
    for item in out:
        if isinstance(item, Document):
            start = int(item.origin.rsplit(":", 1)[1])
            covered.update(range(start, start + item.text.count("\n") + item.id.count("\n") + 1))
        else:
            covered.update(range(item.line, (item.end_line or item.line) + 1))
    for flag in suspects:
        covered.update(range(flag.line, (flag.end_line or flag.line) + 1))
    # every record line is a document's, inside a document that swallowed it (and then the
    # record line was flagged), or inside a reject's span
    for number in range(2, len(lines) + 1):
        assert number in covered, (number, lines, out, suspects)
    # a good line read into another record's field is always flagged
    for item in out:
        if isinstance(item, Document) and "\n" in item.text:
            swallowed = [
                p for p in item.text.split("\n")[1:] if p.startswith("r") and delimiter in p
            ]
            if any(
                p.split(delimiter)[0][1:].isdigit() and len(p.split(delimiter)) == 2
                for p in swallowed
            ):
                start = int(item.origin.rsplit(":", 1)[1])
                assert any(f.line >= start for f in suspects), (lines, item)


@FAST
@given(
    plan=st.lists(
        st.sampled_from(["good", "binary", "bad-utf8", "empty", "html", "dup-name"]),
        min_size=1,
        max_size=8,
    )
)
def test_folder_files_in_equal_documents_plus_rejects(scratch, plan):
    with fresh(scratch) as folder:
        root = folder / "corpus"
        root.mkdir()
        for i, kind in enumerate(plan):
            data = {
                "good": f"the text of file {i}".encode(),
                "binary": b"\x7fELF\x00\x00" + bytes(range(256)),
                "bad-utf8": b"caf\xe9",
                "empty": b"  \n",
                "html": b"<svg><title>t</title></svg>",
                "dup-name": b"again",
            }[kind]
            suffix = ".html" if kind == "html" else ".txt"
            (root / f"f{i:02d}{suffix}").write_bytes(data)
        out = list(read_corpus(root, skip_bad=True))
    assert len(out) == len(plan)
    assert [isinstance(x, Document) for x in out] == [k in ("good", "dup-name") for k in plan]
