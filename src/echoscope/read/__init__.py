"""Readers: turn a corpus on disk into a stream of :class:`~echoscope.model.Document`.

One module per format (``jsonl``, ``tabular``, ``html``/``single``, ``folder``); this module
picks the format, checks the options, and enforces what holds for every format: ids are
unique across the stream, and a malformed record raises :class:`InputError` (or, with
``skip_bad``, comes out as a :class:`Rejected`), never dropped silently. Paths in errors and
rejects are printable (a file name that is not UTF-8 shows U+FFFD where its bytes were).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping

from echoscope.errors import InputError
from echoscope.model import Document, Rejected
from echoscope.read._open import format_suffix, printable
from echoscope.read._record import Entry, check_columns
from echoscope.read.folder import read_folder
from echoscope.read.jsonl import read_jsonl
from echoscope.read.rejects import Suspect, write_rejects
from echoscope.read.single import read_single
from echoscope.read.tabular import read_tabular

__all__ = ["FORMATS", "Suspect", "read_corpus", "write_rejects"]

#: the values ``fmt`` accepts
FORMATS = ("jsonl", "csv", "tsv", "html", "txt", "dir")

_BY_SUFFIX = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".html": "html",
    ".htm": "html",
    ".txt": "txt",
}

_ACCEPTED = (
    "a folder, .jsonl/.ndjson/.json (JSON lines), .csv, .tsv/.tab, .html/.htm or .txt, "
    "each optionally compressed as .gz or .bz2"
)


def detect_format(path: str, fmt: str | None = None) -> str:
    """The reader for ``path``: ``fmt`` if given, else from the path (folder or extension)."""
    is_dir = os.path.isdir(path)
    if fmt is not None:
        if fmt not in FORMATS:
            raise InputError(path, None, f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        if (fmt == "dir") != is_dir:
            kind = "a folder" if is_dir else "a file"
            raise InputError(path, None, f"format {fmt!r} does not fit: this is {kind}")
        return fmt
    if is_dir:
        return "dir"
    suffix = format_suffix(path)
    if suffix not in _BY_SUFFIX:
        shown = repr(suffix) if suffix else "(none)"
        raise InputError(
            path, None, f"unknown file type {shown}; accepted: {_ACCEPTED} (or pass fmt=...)"
        )
    return _BY_SUFFIX[suffix]


def read_corpus(
    path: str | os.PathLike[str],
    *,
    fmt: str | None = None,
    columns: Mapping[str, str] | None = None,
    meta: str | os.PathLike[str] | None = None,
    series_from_dir: bool = False,
    skip_bad: bool = False,
    suspects: list[Suspect] | None = None,
) -> Iterator[Document | Rejected]:
    """Stream the documents of a corpus file or folder, one at a time.

    ``columns`` maps our field names to the file's (CSV/TSV columns, JSON keys, or a folder's
    metadata columns). ``meta`` is a metadata sidecar for a folder (default: a
    ``metadata.{csv,tsv,jsonl,json}`` at its root). ``series_from_dir`` gives each folder
    document the series of its first path component unless the sidecar gives one.

    The path, format and options are checked now; the records as they are read. A malformed
    record raises :class:`InputError` (file and line), or yields a :class:`Rejected` when
    ``skip_bad`` (``line`` 0: the record is a whole file). Ids must be unique. A record that
    is read but looks wrong (a CSV field that seems to hold further records: a quote left
    open) is yielded, and a :class:`Suspect` saying why is appended to ``suspects`` if given.
    A bad metadata sidecar is an error even with ``skip_bad``: its rows set the series, which
    decides what is compared, so documents are not read without them.
    """
    try:
        entries = _open(os.fsdecode(path), fmt, columns, meta, series_from_dir)
    except InputError as exc:
        raise _shown(exc) from None
    return _checked(entries, skip_bad, suspects)


def _open(
    p: str,
    fmt: str | None,
    columns: Mapping[str, str] | None,
    meta: str | os.PathLike[str] | None,
    series_from_dir: bool,
) -> Iterator[Entry]:
    if not os.path.exists(p):
        if os.path.lexists(p):
            raise InputError(p, None, "a broken symlink or a symlink loop")
        raise InputError(p, None, "no such file or folder")
    kind = detect_format(p, fmt)
    if kind != "dir" and not os.path.isfile(p):
        raise InputError(p, None, "not a regular file (a FIFO, socket or device)")
    cols = check_columns(p, columns)
    meta_path = os.fsdecode(meta) if meta is not None else None
    if kind != "dir":
        if meta_path is not None:
            raise InputError(p, None, "meta= (a metadata file) applies only to a folder corpus")
        if series_from_dir:
            raise InputError(p, None, "series_from_dir applies only to a folder corpus")
    if kind in ("dir", "txt", "html") and "text" in cols:
        raise InputError(p, None, "columns cannot map 'text' here: the text is the file content")
    if kind in ("txt", "html") and cols:
        raise InputError(p, None, "columns apply to JSON lines, CSV/TSV and folder metadata")
    if meta_path is not None and not os.path.isfile(meta_path):
        raise InputError(meta_path, None, "no such metadata file")
    return _entries(p, kind, cols, meta_path, series_from_dir)


def _entries(
    path: str, kind: str, columns: dict[str, str], meta: str | None, series_from_dir: bool
) -> Iterator[Entry]:
    if kind == "jsonl":
        return read_jsonl(path, columns)
    if kind == "csv":
        return read_tabular(path, ",", columns)
    if kind == "tsv":
        return read_tabular(path, "\t", columns)
    if kind == "dir":
        return read_folder(path, columns, meta, series_from_dir)
    return _lone_file(path, kind)


def _lone_file(path: str, kind: str) -> Iterator[Entry]:
    # A generator, so the file is read when iterated, like every other format.
    # Its id is its name, as it would be in a folder of one.
    yield read_single(path, os.path.basename(path), kind)


def _shown(exc: InputError) -> InputError:
    """The error with its path and reason printable (undecodable name bytes as U+FFFD)."""
    return InputError(printable(exc.path), exc.line, printable(exc.reason))


def _checked(
    entries: Iterator[Entry], skip_bad: bool, suspects: list[Suspect] | None
) -> Iterator[Document | Rejected]:
    """Enforce unique ids and turn bad records into errors, or Rejected with ``skip_bad``."""
    first_seen: dict[str, str] = {}  # id -> origin; ids only, the texts are not kept
    try:
        for entry in entries:
            doc = entry.doc
            path = printable(entry.path)
            if doc is not None:
                doc.origin = printable(doc.origin)  # the store holds UTF-8 only
                first = first_seen.get(doc.id)
                if first is None:
                    first_seen[doc.id] = doc.origin
                    if entry.suspect and suspects is not None:
                        suspects.append(
                            Suspect(path, entry.line or 0, entry.suspect, entry.raw, entry.end_line)
                        )
                    yield doc
                    continue
                reason = f"duplicate id {doc.id!r} (first at {first})"
            else:
                reason = printable(entry.reason)
            if not skip_bad:
                raise InputError(path, entry.line, reason)
            yield Rejected(path, entry.line or 0, reason, entry.raw, entry.end_line)
    except InputError as exc:
        raise _shown(exc) from None
