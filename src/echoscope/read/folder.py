"""A folder of documents: every .txt/.html/.htm file (optionally .gz/.bz2) is one document.

The id is the path relative to the folder with POSIX separators and the extension kept
(``src/source-document00001.txt``), so it is stable across machines and unique by construction.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping

from echoscope.errors import InputError
from echoscope.model import KNOWN_FIELDS
from echoscope.read._open import format_suffix, split_compression
from echoscope.read._record import Entry, bad
from echoscope.read.sidecar import SidecarRow, load_sidecar
from echoscope.read.single import read_single

DOCUMENT_SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html"}
SIDECAR_NAMES = ("metadata.csv", "metadata.tsv", "metadata.jsonl", "metadata.json")


def list_documents(root: str, exclude: str | None = None) -> list[str]:
    """Relative POSIX paths of the document files under ``root``, in sorted walk order.

    Names are sorted within each folder (code point order), so the order is the same on every
    machine. Hidden files and folders (leading ".") are skipped; symlinked folders are not
    followed (no cycles); other file types are not documents and are ignored.
    """
    found: list[str] = []
    _walk(root, "", found, exclude)
    return found


def _walk(folder: str, prefix: str, found: list[str], exclude: str | None) -> None:
    try:
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as exc:
        raise InputError(folder, None, f"cannot list folder: {exc.strerror or exc}") from exc
    for entry in entries:
        if entry.name.startswith("."):
            continue
        rel = prefix + entry.name
        if entry.is_dir(follow_symlinks=False):
            _walk(entry.path, rel + "/", found, exclude)
        elif (
            format_suffix(entry.name) in DOCUMENT_SUFFIXES
            and entry.is_file()
            and (exclude is None or os.path.realpath(entry.path) != exclude)
        ):
            found.append(rel)


def find_sidecar(root: str) -> str | None:
    """The metadata file at the folder root, if there is exactly one."""
    present = [n for n in SIDECAR_NAMES if os.path.isfile(os.path.join(root, n))]
    if len(present) > 1:
        raise InputError(root, None, f"several metadata files ({', '.join(present)}); keep one")
    return os.path.join(root, present[0]) if present else None


def _keys(rel: str) -> list[str]:
    """The ids a sidecar may use for a file: full path, without compression, without extension."""
    plain, compression = split_compression(rel)
    keys = [rel]
    if compression is not None:
        keys.append(plain)
    keys.append(os.path.splitext(plain)[0])
    return keys


def match_sidecar(sidecar: str, rows: list[SidecarRow], files: list[str]) -> dict[str, SidecarRow]:
    """Map each file to its sidecar row; every row must name exactly one existing file."""
    by_key: dict[str, list[str]] = {}
    for rel in files:
        for key in _keys(rel):
            by_key.setdefault(key, []).append(rel)
    matched: dict[str, SidecarRow] = {}
    for row in rows:
        targets = by_key.get(row.id, [])
        if not targets:
            raise InputError(sidecar, row.line, f"no document file for id {row.id!r}")
        if len(targets) > 1:
            names = ", ".join(repr(t) for t in targets)
            raise InputError(sidecar, row.line, f"id {row.id!r} is ambiguous: {names}")
        rel = targets[0]
        if rel in matched:
            first = matched[rel].line
            raise InputError(sidecar, row.line, f"a second row for {rel!r} (first at line {first})")
        matched[rel] = row
    return matched


def read_folder(
    root: str, columns: Mapping[str, str], meta: str | None, series_from_dir: bool
) -> Iterator[Entry]:
    """One Entry per document file; sidecar fields override what an HTML page says."""
    sidecar = meta if meta is not None else find_sidecar(root)
    if sidecar is None and columns:
        # In a folder, columns name metadata columns; without a metadata file they would
        # silently do nothing.
        raise InputError(root, None, "columns= given, but the folder has no metadata file")
    exclude = os.path.realpath(sidecar) if sidecar is not None else None
    files = list_documents(root, exclude)
    # Load and match the sidecar before the first document, so its errors come first.
    overlay: dict[str, SidecarRow] = {}
    if sidecar is not None:
        overlay = match_sidecar(sidecar, load_sidecar(sidecar, columns), files)
    for rel in files:
        path = os.path.join(root, *rel.split("/"))
        try:
            entry = read_single(path, rel, DOCUMENT_SUFFIXES[format_suffix(rel)])
        except InputError as exc:
            # One unreadable or corrupt file is one bad record here, not the whole corpus.
            entry = bad(path, None, exc.reason)
        doc = entry.doc
        if doc is not None:
            row = overlay.get(rel)
            if row is not None:
                for name in KNOWN_FIELDS:
                    value = getattr(row.fields, name)
                    if value is not None:
                        setattr(doc, name, value)
                doc.meta.update(row.fields.meta)
            if series_from_dir and doc.series is None and "/" in rel:
                doc.series = rel.split("/", 1)[0]
        yield entry
