"""A folder of documents: every .txt/.html/.htm file (optionally .gz/.bz2) is one document.

The id is the path relative to the folder with POSIX separators and the extension kept
(``src/source-document00001.txt``), so it is stable across machines and unique by construction.

Files are read only inside the folder. A symlink named like a document is read when it
resolves to a regular file inside the folder (its id is the link's own path; the target may be
read under its own name too); one that resolves outside the folder, dangles or loops is a bad
record (refused, reported), never followed. Symlinked folders are not followed (no cycles, and
nothing outside the folder); they are not documents, so they are skipped like other files.
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from echoscope.errors import InputError
from echoscope.model import KNOWN_FIELDS
from echoscope.read._open import format_suffix, split_compression
from echoscope.read._record import Entry, bad
from echoscope.read.sidecar import SidecarRow, load_sidecar
from echoscope.read.single import read_single

DOCUMENT_SUFFIXES = {".txt": "txt", ".html": "html", ".htm": "html"}
SIDECAR_NAMES = ("metadata.csv", "metadata.tsv", "metadata.jsonl", "metadata.json")


@dataclass(slots=True)
class Listed:
    """A document file found in the walk (``problem`` empty), or one that cannot be read."""

    rel: str  # POSIX path inside the folder
    problem: str = ""


def would_read(root: str | os.PathLike[str], path: str | os.PathLike[str]) -> bool:
    """Whether ingesting the folder ``root`` would read ``path`` (a document or the metadata
    sidecar); an output written there must not be one (see :mod:`echoscope.outputs`)."""
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(root))
    except ValueError:  # another drive
        return False
    parts = rel.split(os.sep)
    if rel.startswith("..") or any(part.startswith(".") for part in parts):
        return False  # outside, or hidden: never listed
    return format_suffix(parts[-1]) in DOCUMENT_SUFFIXES or (
        len(parts) == 1 and parts[0] in SIDECAR_NAMES
    )


def list_documents(root: str, exclude: str | None = None) -> list[Listed]:
    """The document files under ``root``, in sorted walk order, each with a problem if any.

    Names are sorted within each folder (code point order), so the order is the same on every
    machine. Hidden files and folders (leading ".") are skipped; symlinked folders are not
    followed; other file types are not documents and are ignored. A document-named entry
    that cannot be read (a symlink out of the folder, dangling or looping; a FIFO; a subfolder
    that cannot be listed) is listed with its problem, so it is reported, not dropped.
    """
    found: list[Listed] = []
    real_root = os.path.realpath(root)
    try:
        entries = _scan(root)
    except OSError as exc:
        raise InputError(root, None, f"cannot list folder: {exc.strerror or exc}") from exc
    _walk(root, "", entries, found, exclude, real_root)
    return found


def _scan(folder: str) -> list[os.DirEntry[str]]:
    with os.scandir(folder) as it:
        return sorted(it, key=lambda e: e.name)


def _walk(
    folder: str,
    prefix: str,
    entries: list[os.DirEntry[str]],
    found: list[Listed],
    exclude: str | None,
    real_root: str,
) -> None:
    for entry in entries:
        if entry.name.startswith("."):
            continue
        rel = prefix + entry.name
        is_document = format_suffix(entry.name) in DOCUMENT_SUFFIXES
        try:
            if entry.is_symlink():
                if is_document:
                    problem = _link_problem(entry.path, real_root)
                    if problem or os.path.realpath(entry.path) != exclude:
                        found.append(Listed(rel, problem))
                continue  # a symlinked folder, or a link to a non-document: not followed
            if entry.is_dir(follow_symlinks=False):
                try:
                    inner = _scan(entry.path)
                except OSError as exc:
                    # Its documents are unknown; the folder itself is the bad record.
                    found.append(Listed(rel + "/", f"cannot list folder: {exc.strerror or exc}"))
                    continue
                _walk(entry.path, rel + "/", inner, found, exclude, real_root)
            elif is_document:
                if not entry.is_file(follow_symlinks=False):
                    found.append(Listed(rel, "not a regular file (a FIFO, socket or device)"))
                elif exclude is None or os.path.realpath(entry.path) != exclude:
                    found.append(Listed(rel, ""))
        except OSError as exc:
            if is_document:
                found.append(Listed(rel, f"cannot read: {exc.strerror or exc}"))


def _link_problem(path: str, real_root: str) -> str:
    """Why the symlink at ``path`` may not be read as a document ("" if it may)."""
    try:
        target = os.path.realpath(path, strict=True)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symlink loop; not read"
        if exc.errno == errno.ENOENT:
            return "a dangling symlink (its target does not exist); not read"
        return f"a symlink that cannot be followed: {exc.strerror or exc}"
    if not is_inside(target, real_root):
        return "a symlink to a file outside the corpus folder; not read"
    if not os.path.isfile(target):
        return "a symlink to something that is not a regular file; not read"
    return ""


def is_inside(path: str, real_root: str) -> bool:
    """Whether the resolved ``path`` is ``real_root`` (resolved) or lies under it."""
    return os.path.commonpath([path, real_root]) == real_root


def find_sidecar(root: str) -> str | None:
    """The metadata file at the folder root, if there is exactly one.

    Like the documents, it must lie inside the folder: a symlink out of it (or a broken one)
    is an error rather than no metadata (``meta=`` names a metadata file anywhere).
    """
    present = []
    real_root = os.path.realpath(root)
    for name in SIDECAR_NAMES:
        path = os.path.join(root, name)
        if os.path.islink(path):
            problem = _link_problem(path, real_root)
            if problem:
                raise InputError(path, None, f"metadata file: {problem}")
        if os.path.isfile(path):
            present.append(name)
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
    """Map each file to its sidecar row; every row must name exactly one listed file."""
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
    listed = list_documents(root, exclude)
    # Load and match the sidecar before the first document, so its errors come first. A row
    # for a file that cannot be read still matches it (and is unused): the file is reported.
    overlay: dict[str, SidecarRow] = {}
    if sidecar is not None:
        files = [item.rel for item in listed if not item.rel.endswith("/")]
        overlay = match_sidecar(sidecar, load_sidecar(sidecar, columns), files)
    for item in listed:
        rel = item.rel
        path = os.path.join(root, *rel.split("/"))
        if item.problem:
            yield bad(path, None, item.problem)
            continue
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
