"""Fuzz the ingest path: generated malformed corpora through `echoscope ingest`, outcomes counted.

    .venv/bin/python benchmarks/fuzz_readers.py --cases 10000 --seed 1

Each case writes a corpus into a temporary folder: JSON lines, CSV or TSV with mutated records
(truncated, stray or unclosed quotes, bytes that are not UTF-8, NUL and control characters,
NaN/Infinity/1e400, integers past Python's int-string limit, nesting thousands deep, duplicate
ids, wrong types), a folder of .txt/.html files (binary, UTF-16, empty, charsets that are not
text encodings, SVG-only pages, deep markup), names that are not UTF-8 or hold control
characters, symlinks in, out, dangling and looping, FIFOs, metadata sidecars (good or
mutated), lone files, and .gz/.bz2 compression (sometimes corrupt or truncated). Every case is
ingested twice in-process through `echoscope.cli.main` into a fresh store, without and with
--skip-bad; a sample also runs through the real `echoscope` executable.

The generator knows every record it wrote (file and line). An outcome is:

- clean error naming file:line / naming file: exit 1, one stderr line naming an input file
  (and its line), and nothing stored (one transaction per ingest);
- accepted with rejects reported / accepted clean: exit 0, and every record is a stored
  document (exactly the generated text when the record was not mutated), a reject in the report,
  or inside a reported span (a CSV quote left open);

and a failure is: a traceback; a silent drop (a record neither stored nor rejected, or a
well-formed record read into another's field with no warning); a text stored other than written;
a file outside the corpus stored; a partial store after an error; an error line that names no
input; a report that disagrees with the summary. Prints a table; exits 1 on any failure.
``--case I`` reruns one case and keeps its folder.
"""

from __future__ import annotations

import argparse
import bz2
import contextlib
import csv
import gzip
import io
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from echoscope.cli import main as cli_main
from echoscope.read._open import printable

OK_OUTCOMES = (
    "clean error naming file:line",
    "clean error naming file",
    "accepted with rejects reported",
    "accepted clean",
)
FAILURES = (
    "traceback",
    "silent drop",
    "text altered",
    "read outside the corpus",
    "partial store after an error",
    "error naming no input",
    "stray stderr output",
    "report disagrees",
)
SECRET = "SECRET-OUTSIDE-THE-CORPUS"
#: rejects and suspect flags seen in the reports of accepted runs
REPORTED: Counter[str] = Counter()


@dataclass(slots=True)
class Record:
    """One record the generator wrote: where, and its exact text when it was not mutated."""

    file: str  # the path as the reader names it (printable)
    line: int | None  # physical line; None for a whole file
    text: str | None = None  # None: mutated, only its presence (stored or rejected) is checked
    csv_like: bool = False  # a CSV/TSV record (may be swallowed by a quote left open above it)


@dataclass
class Case:
    kind: str
    args: list[str]  # the corpus paths, as given on the command line
    records: list[Record] = field(default_factory=list)
    files: list[str] = field(default_factory=list)  # printable paths an error may name


# -- random content ------------------------------------------------------------------------------

WORDS = ["the", "people", "of", "this", "nation", "will", "never", "surrender", "freedom"]
WORDS += ["to", "anyone", "we", "stand", "united"]
SCRIPTS = [
    "ہم اپنے وطن کی حفاظت کریں گے۔",
    "我们将捍卫我们的国家",
    "Мы защитим нашу страну",
    "é\u0301 combining and\u00a0nbsp",
    "emoji \U0001f600 and \u200f rtl mark",
    'quotes " and \\ backslash, commas, and\ttabs',
    "line\r\nbreaks\nand\u2028separators",
]


def prose(rng: random.Random) -> str:
    parts = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 25)))]
    if rng.random() < 0.5:
        parts.append(rng.choice(SCRIPTS))
    rng.shuffle(parts)
    text = " ".join(parts)
    if rng.random() < 0.1:
        text = "\ufeff" + text  # a BOM inside a record is text, not an encoding mark
    return text  # never blank, never control characters: a well-formed text


def noise(rng: random.Random, size: int = 8) -> bytes:
    """Random bytes with no newline (so physical lines stay where the generator put them)."""
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, size))).replace(b"\n", b" ")


HOSTILE_BYTES = [
    b"\x00",
    b"\xff",
    b"\xc3",
    b"\xed\xa0\x80",  # an encoded surrogate: not UTF-8
    b"\xef\xbb\xbf",
    b"\x1b]0;title\x07",
    b"\r",
    b'"',
    b"\\",
]


def splice(rng: random.Random, line: bytes, piece: bytes) -> bytes:
    cut = rng.randint(0, len(line))
    return line[:cut] + piece + line[cut:]


def compress(name: str, data: bytes, rng: random.Random) -> bytes:
    """Compress by the name's suffix; sometimes spoil the stream (truncated, corrupted)."""
    if name.endswith(".gz"):
        packed = gzip.compress(data, mtime=0)
    elif name.endswith(".bz2"):
        packed = bz2.compress(data)
    else:
        return data
    roll = rng.random()
    if roll < 0.1:
        return packed[: rng.randint(0, len(packed))]
    if roll < 0.15:
        return data  # not compressed at all
    if roll < 0.2 and len(packed) > 12:
        i = rng.randrange(10, len(packed))
        return packed[:i] + bytes([packed[i] ^ 0xFF]) + packed[i + 1 :]
    return packed


def odd_name(rng: random.Random, stem: str) -> bytes:
    """A file or folder name: plain, Unicode, spaced, with control characters, or not UTF-8."""
    roll = rng.random()
    if roll < 0.6:
        return stem.encode()
    return rng.choice(
        [
            f"{stem} with spaces".encode(),
            f"{stem}-ünïcödé-ہم".encode(),
            stem.encode() + b"\xff\xfe",
            b"\x1b[31m" + stem.encode(),
            stem.encode() + b"\xe9",  # Latin-1, not UTF-8
            f"-{stem}".encode(),
            stem.encode() + "\u202e".encode(),
        ]
    )


# -- JSON lines ----------------------------------------------------------------------------------


def json_mutation(rng: random.Random, rec: dict, line: bytes, earlier_ids: list[str]) -> bytes:
    choice = rng.randrange(22)
    if choice == 0:
        return line[: rng.randint(0, len(line))]
    if choice == 1:
        return splice(rng, line, noise(rng))
    if choice == 2:
        return splice(rng, line, rng.choice(HOSTILE_BYTES))
    if choice == 3:
        rec["date"] = "@CONST@"
        return line_of(rec).replace(b'"@CONST@"', rng.choice([b"NaN", b"Infinity", b"-Infinity"]))
    if choice == 4:
        rec["date"] = "@NUM@"
        return line_of(rec).replace(b'"@NUM@"', rng.choice([b"1e400", b"-1e999", b"1e-400"]))
    if choice == 5:
        digits = rng.choice([4300, 4301, 5000, 20000])
        rec["n"] = "@INT@"
        return line_of(rec).replace(b'"@INT@"', b"9" * digits)
    if choice == 6:
        depth = rng.choice([99, 100, 101, 999, 1001, 5000, 50000])
        rec["n"] = "@DEEP@"
        return line_of(rec).replace(b'"@DEEP@"', b"[" * depth + b"]" * depth)
    if choice == 7:
        depth = rng.choice([200, 3000])
        rec["n"] = "@DEEP@"
        return line_of(rec).replace(b'"@DEEP@"', b'{"a":' * depth + b"1" + b"}" * depth)
    if choice == 8:
        rec["text"] = rec["text"][:3] + "@ESC@"
        esc = rng.choice([b"\\ud800", b"\\udfff", b"\\u0000", b"\\u0001\\u0002\\u0003\\u0004"])
        return line_of(rec).replace(b"@ESC@", esc)
    if choice == 9 and earlier_ids:
        rec["id"] = rng.choice(earlier_ids)
        return line_of(rec)
    if choice == 10:
        rec.pop(rng.choice(["id", "text"]))
        return line_of(rec)
    if choice == 11:
        rec["id"] = rng.choice([[], True, None, 1.5, {"a": 1}, "", "  ", 12])
        return line_of(rec)
    if choice == 12:
        rec["text"] = rng.choice([5, None, "", "   \n", ["x"], "\x00" * 5, "\x01\x02\x03 x"])
        return line_of(rec)
    if choice == 13:
        return rng.choice([b"[1, 2]", b"42", b'"a string"', b"null", b"{", b"[", b"}"])
    if choice == 14:
        return line.replace(b'"', b"", 1)
    if choice == 15:
        rec["speaker"] = rng.choice([["a"], {"b": 1}, True, 3.5, 10**30])
        return line_of(rec)
    if choice == 16:
        return line + b" " + line  # two objects on one line
    if choice == 17:
        rec["text"] = rec["text"] + "\udcff"
        return line_of(rec)  # json.dumps writes the lone surrogate as an escape
    if choice == 18:
        return b"\xef\xbb\xbf" + line  # a BOM not at the start of the file
    if choice == 19:
        return line.replace(b"}", b', "id": "dupkey"}')
    if choice == 20:
        return json.dumps(rec, indent=2).encode().replace(b"\n", b" ")
    return line.replace(b":", b"=", 1)


def line_of(rec: dict) -> bytes:
    return json.dumps(rec, ensure_ascii=False).encode("utf-8", "surrogatepass")


def make_jsonl(rng: random.Random, folder: Path, i: int) -> Case:
    suffix = rng.choice([".jsonl", ".ndjson", ".json", ".jsonl.gz", ".jsonl.bz2"])
    name = os.fsdecode(odd_name(rng, f"corpus{i}")) + suffix
    path = os.path.join(os.fsdecode(folder), name)
    lines: list[bytes] = []
    texts: list[str | None] = []
    ids: list[str] = []
    for k in range(rng.randint(1, 12)):
        rec: dict = {"id": f"j{i}-{k}", "text": prose(rng)}
        if rng.random() < 0.5:
            rec["speaker"] = rng.choice(["A", "Б", "ج", ""])
            rec["date"] = rng.choice(["2021-03-04", 20210304, 2021.5, None])
            rec["extra"] = rng.choice([{"nested": [1, 2, {"k": "v"}]}, [None, True], "x"])
        text = rec["text"]
        line = json.dumps(rec, ensure_ascii=rng.random() < 0.5).encode()
        if rng.random() < 0.35:
            line = json_mutation(rng, dict(rec), line, ids)
            text = None
        ids.append(rec["id"])
        lines.append(line)
        texts.append(text)
        if rng.random() < 0.1:
            lines.append(rng.choice([b"", b"   ", b"\t"]))  # blank: not a record
            texts.append("")
    ending = rng.choice([b"\n", b"\r\n"])
    body = ending.join(lines) + (ending if rng.random() < 0.8 else b"")
    if rng.random() < 0.1:
        body = b"\xef\xbb\xbf" + body
    with open(path, "wb") as fh:
        fh.write(compress(suffix, body, rng))
    case = Case("jsonl", [path], files=[printable(path)])
    for number, (line, text) in enumerate(zip(lines, texts, strict=True), start=1):
        if line.strip(b" \t\r\n") == b"":
            continue  # blank lines are not records
        case.records.append(Record(printable(path), number, text))
    return case


# -- CSV and TSV ---------------------------------------------------------------------------------


def csv_row(fields: list[str], delimiter: str, terminator: str) -> bytes:
    buf = io.StringIO(newline="")
    csv.writer(buf, delimiter=delimiter, lineterminator=terminator).writerow(fields)
    return buf.getvalue().encode("utf-8")


def csv_mutation(rng: random.Random, row: bytes, delimiter: bytes) -> bytes:
    body = row.rstrip(b"\r\n")
    end = row[len(body) :]
    choice = rng.randrange(10)
    if choice == 0:
        body = splice(rng, body, b'"')
    elif choice == 1:
        body = body.replace(delimiter, delimiter + b'"', 1)  # a quote opened, never closed
    elif choice == 2:
        body = body + b'"'
    elif choice == 3:
        body = splice(rng, body, delimiter)
    elif choice == 4:
        body = body.replace(delimiter, b"", 1)
    elif choice == 5:
        body = splice(rng, body, rng.choice(HOSTILE_BYTES))
    elif choice == 6:
        body = splice(rng, body, noise(rng))
    elif choice == 7:
        body = body[: rng.randint(0, len(body))]
    elif choice == 8:
        body = splice(rng, body, b"\r")
    else:
        body = body.replace(delimiter, delimiter + b'"', 1) + b'"x'  # closed, then junk
    return body + end


def make_csv(rng: random.Random, folder: Path, i: int) -> Case:
    delimiter = rng.choice([",", "\t"])
    suffix = rng.choice([".csv", ".csv.gz"] if delimiter == "," else [".tsv", ".tab", ".tsv.bz2"])
    name = os.fsdecode(odd_name(rng, f"table{i}")) + suffix
    path = os.path.join(os.fsdecode(folder), name)
    columns = ["id", "text", *rng.sample(["speaker", "date", "party"], rng.randint(0, 3))]
    rng.shuffle(columns)
    # CRLF makes the writer quote any field with a CR; with LF alone, only when none has one.
    terminator = "\r\n"
    body = [csv_row(columns, delimiter, terminator)]
    header_bad = rng.random() < 0.05
    if header_bad:
        body[0] = rng.choice(
            [b"", b"\xff\xfe" + body[0], b'"id,text\n', body[0].replace(b"text", b"id"), b"x\n"]
        )
    records: list[tuple[int, str | None]] = []
    line = 2 if body[0] else 1
    count = rng.randint(1, 12)
    # Sometimes a quote opened in row `first` and closed by a stray quote ending row `last`:
    # the rows between are well-formed, and must come out flagged, never silently merged.
    first = last = -1
    if count >= 2 and rng.random() < 0.15:
        first = rng.randrange(count - 1)
        last = min(count - 1, first + rng.randint(1, 3))
    for k in range(count):
        plain = first <= k <= last
        text = " ".join(rng.choice(WORDS) for _ in range(5)) if plain else prose(rng)
        values = {"id": f"c{k:03d}", "text": text, "speaker": "S", "date": "2020", "party": "P"}
        row = csv_row([values[c] for c in columns], delimiter, terminator)
        if k == first:
            row = row.replace(delimiter.encode(), delimiter.encode() + b'"', 1)
            text = None
        elif k == last:
            row = row.rstrip(b"\r\n") + b'"' + terminator.encode()
            text = None
        elif not plain and rng.random() < 0.3:
            row = csv_mutation(rng, row, delimiter.encode())
            text = None
        body.append(row)
        if row.strip(b"\r\n"):  # a row cut to nothing is a blank line: no record
            records.append((line, text))
        line += row.count(b"\n")
    data = b"".join(body)
    if rng.random() < 0.1:
        data = data.rstrip(b"\r\n")  # no final line end
    with open(path, "wb") as fh:
        fh.write(compress(suffix, data, rng))
    case = Case("csv", [path], files=[printable(path)])
    for number, text in records:
        case.records.append(Record(printable(path), number, text, csv_like=True))
    return case


# -- folders and lone files ----------------------------------------------------------------------

ARTICLE = (
    "<html><head><title>A statement</title><meta name='date' content='2021-03-04'></head>"
    "<body><nav>Home | About</nav><article><p>{}</p><p>{}</p></article></body></html>"
)


CHARSETS = ["base64", "rot13", "zlib", "hex", "bz2", "x-no", "idna", "unicode_escape", "utf-16"]
CHARSETS += ["latin-1", "utf-7", "cp1252"]


def html_content(rng: random.Random) -> tuple[bytes, bool]:
    """A page and whether it is one the extractor may turn into a document (else unknown)."""
    para = " ".join(rng.choice(WORDS) for _ in range(30))
    choice = rng.randrange(12)
    if choice < 4:
        return ARTICLE.format(para, para[::-1]).encode(), True
    return (
        rng.choice(
            [
                b'<svg xmlns="http://www.w3.org/2000/svg"><title>t</title><text>x</text></svg>',
                b"<svg><metadata>2021-03-04</metadata><text>some text</text></svg>",
                f'<meta charset="{rng.choice(CHARSETS)}"><p>{para}</p>'.encode(),
                b'<meta charset="utf-7"><p>' + para.encode() + b" +2D0- </p>",
                b"<div>" * 5000 + para.encode() + b"</div>" * 5000,
                b"<p>" + para.encode() + b"\x00</p>",
                b"",
                noise(rng, 300),
            ]
        ),
        False,
    )


def text_content(rng: random.Random) -> tuple[bytes, str | None]:
    """A .txt file's bytes and the text the reader must return (None: reject or unknown)."""
    choice = rng.randrange(14)
    if choice < 6:
        text = prose(rng)
        if text.startswith("\ufeff"):
            return text.encode(), text[1:]  # a leading BOM is the file's, removed
        return text.encode(), text
    if choice == 6:
        text = prose(rng).lstrip("\ufeff")
        return b"\xef\xbb\xbf" + text.encode(), text
    return (
        rng.choice(
            [
                b"",
                b"  \n\t ",
                b"\x00" * rng.randint(1, 5000),
                b"\x7fELF\x02\x01\x01\x00" + noise(rng, 200),
                "UTF-16 text".encode("utf-16"),
                b"caf\xe9 au lait",
                bytes(range(1, 32)) * 4,
                noise(rng, 400),
            ]
        ),
        None,
    )


def make_folder(rng: random.Random, folder: Path, i: int) -> Case:
    root_name = odd_name(rng, f"corpus{i}") if rng.random() < 0.3 else b"corpus"
    root = os.path.join(os.fsencode(folder), root_name)
    os.mkdir(root)
    root_s = os.fsdecode(root)
    outside = os.path.join(os.fsencode(folder), b"outside.txt")
    with open(outside, "wb") as fh:
        fh.write(SECRET.encode())
    case = Case("folder", [root_s], files=[printable(root_s)])
    subdirs = [b""]
    for _ in range(rng.randint(0, 3)):
        parent = rng.choice(subdirs)
        name = odd_name(rng, f"sub{len(subdirs)}")
        if rng.random() < 0.1:
            name = b"." + name  # hidden: skipped with what it holds
        rel_dir = os.path.join(parent, name) if parent else name
        os.makedirs(os.path.join(root, rel_dir), exist_ok=True)
        subdirs.append(rel_dir)
    good_files: list[bytes] = []
    for k in range(rng.randint(1, 10)):
        rel_dir = rng.choice(subdirs)
        suffix = rng.choice([".txt", ".txt", ".html", ".htm", ".txt.gz", ".txt.bz2", ".TXT"])
        stem = odd_name(rng, f"d{k}")
        rel = os.path.join(rel_dir, stem + suffix.encode()) if rel_dir else stem + suffix.encode()
        full = os.path.join(root, rel)
        if os.path.lexists(full):
            continue
        raw, text = document_file(rng, suffix)
        if not is_utf8(rel):
            text = None  # a name that cannot be an id: a reject
        with open(full, "wb") as fh:
            fh.write(raw)
        if text is not None:
            good_files.append(rel)
        hidden = any(part.startswith(b".") for part in rel.split(b"/"))
        if not hidden:
            case.records.append(Record(printable(os.fsdecode(full)), None, text))
    # symlinks (in, out, dangling, looping, to a folder) and a FIFO, named like documents
    for k in range(rng.randint(0, 3)):
        link = os.path.join(root, f"link{k}.txt".encode())
        kind = rng.randrange(7)
        target: bytes
        if kind == 0 and good_files:
            target = rng.choice(good_files)  # inside: read as its own document
        elif kind == 1:
            target = outside
        elif kind == 2:
            target = b"/etc/passwd"
        elif kind == 3:
            target = b"nowhere.txt"
        elif kind == 4:
            target = f"link{k}.txt".encode()
        elif kind == 5:
            target = b"."
        else:
            os.mkfifo(link)
            case.records.append(Record(printable(os.fsdecode(link)), None, None))
            continue
        os.symlink(target, link)
        case.records.append(Record(printable(os.fsdecode(link)), None, None))
    if rng.random() < 0.15:
        os.symlink(folder, os.path.join(root, b"up"))  # a symlinked folder: not followed
    for k in range(rng.randint(0, 2)):
        with open(os.path.join(root, f"notes{k}.md".encode()), "wb") as fh:
            fh.write(b"not a document")
    if rng.random() < 0.3:
        write_sidecar(rng, root, good_files)
    return case


def is_utf8(name: bytes) -> bool:
    try:
        name.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def compress_clean(name: str, data: bytes) -> bytes:
    if name.endswith(".gz"):
        return gzip.compress(data, mtime=0)
    if name.endswith(".bz2"):
        return bz2.compress(data)
    return data


def write_sidecar(rng: random.Random, root: bytes, files: list[bytes]) -> None:
    """A metadata file for some of the good files; sometimes spoiled (then a clean error)."""
    kind = rng.choice(["csv", "tsv", "jsonl", "json"])
    keys = [f.decode("utf-8") for f in files if is_utf8(f)]
    rows = [
        {"id": key, "speaker": f"S{n}", "series": rng.choice(["a", "b"])}
        for n, key in enumerate(keys)
    ]
    if kind in ("csv", "tsv"):
        delim = "," if kind == "csv" else "\t"
        data = csv_row(["id", "speaker", "series"], delim, "\r\n") + b"".join(
            csv_row([r["id"], r["speaker"], r["series"]], delim, "\r\n") for r in rows
        )
    elif kind == "jsonl":
        data = b"".join(json.dumps(r).encode() + b"\n" for r in rows)
    else:
        mapping = {r["id"]: {"speaker": r["speaker"], "series": r["series"]} for r in rows}
        data = json.dumps(mapping, indent=1).encode()
    if rng.random() < 0.4:
        data = rng.choice(
            [
                splice(rng, data, noise(rng)),
                splice(rng, data, b'"'),
                data + b'{"id": "x", "n": ' + b"9" * 5000 + b"}\n",
                data.replace(b'"S0"', b"[" * 3000 + b"]" * 3000, 1),
                data.replace(b'"S0"', b"NaN", 1),
                data + b"gone.txt,X,a\n",
                data[: rng.randint(0, len(data))],
            ]
        )
    with open(os.path.join(root, f"metadata.{kind}".encode()), "wb") as fh:
        fh.write(data)


def document_file(rng: random.Random, suffix: str) -> tuple[bytes, str | None]:
    """A document file's bytes for ``suffix`` (compressed, maybe spoiled) and the text it
    must be stored with; None where that is not known (HTML) or it must be a reject."""
    if ".htm" in suffix:
        data, _ = html_content(rng)
        text = None
    else:
        data, text = text_content(rng)
    raw = compress(suffix, data, rng)
    if raw != compress_clean(suffix, data):
        text = None  # a spoiled stream: a reject
    return raw, text


def make_lone_file(rng: random.Random, folder: Path, i: int) -> Case:
    suffix = rng.choice([".txt", ".html", ".txt.gz", ".htm"])
    name = odd_name(rng, f"speech{i}") + suffix.encode()
    path = os.path.join(os.fsencode(folder), name)
    raw, text = document_file(rng, suffix)
    with open(path, "wb") as fh:
        fh.write(raw)
    path_s = os.fsdecode(path)
    if not is_utf8(name):
        text = None  # a name that is not UTF-8 cannot be an id: a reject
    return Case("file", [path_s], [Record(printable(path_s), None, text)], [printable(path_s)])


def make_odd_argument(rng: random.Random, folder: Path, i: int) -> Case:
    """Arguments that are themselves odd: a loop, a dangling link, two corpora sharing ids."""
    choice = rng.randrange(3)
    base = os.fsdecode(folder)
    if choice == 0:
        loop = os.path.join(base, "loop.jsonl")
        os.symlink("loop.jsonl", loop)
        return Case("argument", [loop], files=[printable(loop)])
    if choice == 1:
        dangling = os.path.join(base, "gone.jsonl")
        os.symlink("nowhere.jsonl", dangling)
        return Case("argument", [dangling], files=[printable(dangling)])
    first = make_jsonl(rng, folder, i)
    (folder / "second").mkdir()
    second = make_jsonl(rng, folder / "second", i)  # the same ids: duplicates of the first
    return Case(
        "argument",
        first.args + second.args,
        first.records + second.records,
        first.files + second.files,
    )


MAKERS: list[tuple[str, Callable[[random.Random, Path, int], Case], float]] = [
    ("jsonl", make_jsonl, 0.3),
    ("csv", make_csv, 0.3),
    ("folder", make_folder, 0.25),
    ("file", make_lone_file, 0.1),
    ("argument", make_odd_argument, 0.05),
]


# -- running and judging -------------------------------------------------------------------------


def shown(text: str) -> str:
    """A path as an error line shows it: printable, control characters spelled out."""
    return "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in printable(text))


@dataclass
class Run:
    rc: int
    out: str
    err: str
    crashed: str = ""  # the traceback, when main raised


def run_in_process(argv: list[str]) -> Run:
    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            rc = cli_main(argv)
    except SystemExit as exc:
        rc = exc.code if isinstance(exc.code, int) else 2
    except Exception:
        return Run(-1, out.getvalue(), err.getvalue(), traceback.format_exc())
    return Run(rc, out.getvalue(), err.getvalue())


def run_subprocess(argv: list[str]) -> Run:
    exe = Path(sys.executable).with_name("echoscope")  # the console script of this install
    prefix = [str(exe)] if exe.exists() else [sys.executable, "-m", "echoscope.cli"]
    cmd = [os.fsencode(a) for a in prefix + argv]  # names that are not UTF-8 go as bytes
    proc = subprocess.run(cmd, capture_output=True, timeout=120)
    err = proc.stderr.decode("utf-8", "replace")
    return Run(
        proc.returncode,
        proc.stdout.decode("utf-8", "replace"),
        err,
        err if "Traceback" in err else "",
    )


def stored(db: Path) -> list[tuple[str, str, str]]:
    """(origin, text, every field's text) of each stored document."""
    if not db.exists():
        return []
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute(
            "SELECT origin, text, id, series, date, speaker, outlet, title, url, lang, meta "
            "FROM documents"
        ).fetchall()
    except sqlite3.Error:
        return []
    finally:
        con.close()
    out = []
    for origin, text, *fields in rows:
        meta = json.loads(fields[-1]) if fields[-1] else {}
        strings = [f for f in fields[:-1] if isinstance(f, str)]
        strings += [v for v in meta.values() if isinstance(v, str)]
        out.append((origin, text, "\n".join(strings)))
    return out


def judge(case: Case, run: Run, db: Path, report: Path, skip_bad: bool) -> str:
    if run.crashed or "Traceback" in run.err or run.rc not in (0, 1):
        return "traceback"
    docs = stored(db)
    if any(SECRET in text or "root:x:0:0" in text for _, text, _ in docs):
        return "read outside the corpus"
    lines = run.err.strip().splitlines()
    if run.rc == 0 and lines:
        return "stray stderr output"
    if run.rc == 1:
        if len(lines) != 1 or not lines[0].startswith("echoscope ingest: error: "):
            return "stray stderr output"
        if docs:
            return "partial store after an error"
        named = [f for f in case.files + [r.file for r in case.records] if shown(f) in lines[0]]
        if not named:
            return "error naming no input"
        located = any(f"{shown(f)}:" in lines[0] and _line_after(lines[0], shown(f)) for f in named)
        return "clean error naming file:line" if located else "clean error naming file"
    rejects, flags = read_report(report, run.out)
    if rejects is None:
        return "report disagrees"
    if not skip_bad and rejects:
        return "report disagrees"
    REPORTED.update(rejects=len(rejects), flags=len(flags))
    return account(case, docs, rejects, flags) or (
        "accepted with rejects reported" if rejects else "accepted clean"
    )


def _line_after(line: str, path: str) -> bool:
    rest = line.split(f"{path}:", 1)[1]
    number = rest.split(":", 1)[0]
    return number.isdigit()


def read_report(report: Path, out: str) -> tuple[list[dict] | None, list[dict]]:
    """The rejects and flags in the report, or None if the summary line disagrees with it."""
    rows = []
    if report.exists():
        lines = report.read_text(encoding="utf-8").split("\n")  # not splitlines: U+2028 is text
        rows = [json.loads(line) for line in lines if line]
    rejects = [r for r in rows if not r.get("stored")]
    flags = [r for r in rows if r.get("stored")]
    said = 0
    for line in out.splitlines():
        if line.startswith("rejected "):
            said = int(line.split()[1])
    return (rejects if said == len(rejects) else None), flags


def account(case: Case, docs: list, rejects: list[dict], flags: list[dict]) -> str | None:
    """None if every record is a stored document, a reject or inside a reported span."""
    by_origin = {origin: (text, fields) for origin, text, fields in docs}
    spans: dict[str, list[tuple[int, int, str]]] = {}
    for origin, text, fields in docs:
        file, sep, number = origin.rpartition(":")
        if sep and number.isdigit():
            start = int(number)
            end = start + text.count("\n") + fields.count("\n")
            spans.setdefault(file, []).append((start, end, "doc"))
    for r in rejects + flags:
        if r["line"] is not None:
            kind = "flag" if r.get("stored") else "reject"
            spans.setdefault(r["path"], []).append(
                (r["line"], r.get("end_line") or r["line"], kind)
            )
    whole_file_rejects = {r["path"] for r in rejects if r["line"] is None}
    for rec in case.records:
        if rec.line is None:
            if rec.file in whole_file_rejects:
                continue
            if rec.file not in by_origin:
                return "silent drop"
            if rec.text is not None and by_origin[rec.file][0] != rec.text:
                return "text altered"
            continue
        origin = f"{rec.file}:{rec.line}"
        if origin in by_origin:
            if rec.text is not None and by_origin[origin][0] != rec.text:
                return "text altered"
            continue
        covering = [
            kind for start, end, kind in spans.get(rec.file, []) if start <= rec.line <= end
        ]
        if not covering:
            return "silent drop"
        if covering == ["doc"] and rec.text is not None and rec.csv_like:
            return "silent drop"  # a well-formed record swallowed into a field, unflagged
    return None


def run_case(index: int, seed: int, base: Path, sample_subprocess: bool, keep: bool) -> list[str]:
    rng = random.Random(f"{seed}:{index}")
    folder = base / f"case{index:06d}"
    folder.mkdir()
    weights = [w for _, _, w in MAKERS]
    _, maker, _ = rng.choices(MAKERS, weights=weights)[0]
    case = maker(rng, folder, index)
    outcomes = []
    for skip_bad in (False, True):
        db = folder / f"store-{int(skip_bad)}.db"
        report = folder / f"rejects-{int(skip_bad)}.jsonl"
        argv = ["ingest", *case.args, "--db", str(db), "-q", "--rejects", str(report)]
        if skip_bad:
            argv.append("--skip-bad")
        outcome = judge(case, run_in_process(argv), db, report, skip_bad)
        outcomes.append(outcome)
        if skip_bad and sample_subprocess:
            db2 = folder / "store-subprocess.db"
            report2 = folder / "rejects-subprocess.jsonl"
            argv2 = [a if a != str(db) else str(db2) for a in argv]
            argv2 = [a if a != str(report) else str(report2) for a in argv2]
            outcomes.append("subprocess: " + judge(case, run_subprocess(argv2), db2, report2, True))
    failed = any(o.split(": ")[-1] in FAILURES for o in outcomes)
    if failed or keep:
        print(f"case {index} ({case.kind}): {outcomes}; kept in {folder}", file=sys.stderr)
    else:
        shutil.rmtree(folder, ignore_errors=True)
    return [f"{case.kind}|{o}" for o in outcomes]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10000, help="inputs to generate")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--subprocess",
        type=int,
        default=200,
        metavar="N",
        help="also run N of the cases through the real executable",
    )
    parser.add_argument("--case", type=int, help="run only this case, and keep its folder")
    args = parser.parse_args()
    base = Path(tempfile.mkdtemp(prefix="echoscope-fuzz-"))
    indices = [args.case] if args.case is not None else list(range(args.cases))
    every = max(1, len(indices) // max(1, args.subprocess)) if args.subprocess else 0
    counts: Counter[str] = Counter()
    t = time.perf_counter()
    for n, index in enumerate(indices):
        sample = bool(every) and n % every == 0
        counts.update(run_case(index, args.seed, base, sample, keep=args.case is not None))
        if (n + 1) % 1000 == 0:
            print(f"  {n + 1} cases, {time.perf_counter() - t:.0f} s", file=sys.stderr)
    secs = time.perf_counter() - t
    if args.case is None and not failure_count(counts):
        shutil.rmtree(base, ignore_errors=True)  # failed cases stay, for a look
    print_table(counts, len(indices), secs, args.seed)
    return 1 if failure_count(counts) else 0


def failure_count(counts: Counter[str]) -> int:
    """Runs whose outcome (the part after "kind|" and any "subprocess: ") is a failure."""
    return sum(c for key, c in counts.items() if key.split("|", 1)[1].split(": ")[-1] in FAILURES)


def print_table(counts: Counter[str], cases: int, secs: float, seed: int) -> None:
    runs = sum(counts.values())
    print(f"{cases} generated inputs (seed {seed}), {runs} ingest runs in {secs:.0f} s")
    kinds = sorted({key.split("|")[0] for key in counts})
    outcomes = [*OK_OUTCOMES, *FAILURES]
    header = f"{'outcome':46}" + "".join(f"{k:>10}" for k in kinds) + f"{'total':>10}"
    print(header)
    print("-" * len(header))
    for via in ("", "subprocess: "):
        for outcome in outcomes:
            row = [counts.get(f"{k}|{via}{outcome}", 0) for k in kinds]
            if via and not sum(row):
                continue
            label = via + outcome
            print(f"{label:46}" + "".join(f"{c:>10}" for c in row) + f"{sum(row):>10}")
    print(
        f"rejects reported: {REPORTED['rejects']}; records stored with a warning "
        f"(a CSV quote left open): {REPORTED['flags']}"
    )
    print(f"failures (tracebacks, silent drops and the rest): {failure_count(counts)}")


if __name__ == "__main__":
    sys.exit(main())
