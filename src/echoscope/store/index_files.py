"""The token index: every document's token hashes and seeds, in files beside the store.

A store ``talk.db`` keeps its index in the folder ``talk.db.index/``::

    manifest.json             what the files hold (written last, by rename: the commit point)
    doc.rowid  int64[docs]    the store rowid of each indexed document, in rowid order
    doc.ptr    int64[docs+1]  document d owns tokens ptr[d]:ptr[d+1]
    token.hash uint64[tokens] token hashes (the tokenizer's), documents one after the other
    token.start / token.end   int32[tokens] character offsets of each token in its document
    seeds-N.hash uint64[seeds] one run of seeds: n-gram hashes of a range of documents,
    seeds-N.doc  int32[seeds]  sorted by hash, then document, then position (a run covers
    seeds-N.pos  int32[seeds]  documents run.first_doc .. + run.docs, later runs later ones)

All files are raw little-endian arrays, read by memory map. The document and token files only
grow: a run appends to them and then replaces the manifest, so a killed run leaves bytes past
the manifest's counts, which the next writer cuts off; seed runs are written whole under a
temporary name and renamed. Files the manifest does not name are removed by the next writer.
Readers (query mode) read the manifest first and only ever the lengths it gives, so a writer
never changes what a reader sees. The index is a cache: deleting the folder is always safe
(the next detect rebuilds it), and a store that was replaced is noticed by the key both keep.
"""

from __future__ import annotations

import json
import mmap
import os
import shutil
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np

from echoscope.errors import EchoscopeError
from echoscope.outputs import STORE_INDEX_SUFFIX as INDEX_SUFFIX

FORMAT = 1
MANIFEST = "manifest.json"
SPILL = "spill"

# name -> dtype of the growing files
DOC_FILES = {"doc.rowid": np.int64, "doc.ptr": np.int64}
TOKEN_FILES = {"token.hash": np.uint64, "token.start": np.int32, "token.end": np.int32}
RUN_COLUMNS = {"hash": np.uint64, "doc": np.int32, "pos": np.int32}


def index_folder(db: str | os.PathLike[str]) -> Path:
    """Where the index of the store ``db`` lives."""
    return Path(os.fsdecode(db) + INDEX_SUFFIX)


@dataclass(slots=True)
class SeedRun:
    name: str
    first_doc: int
    docs: int
    seeds: int


@dataclass(slots=True)
class Manifest:
    """What the index holds. ``key`` is the store's (see ``Store.index_key``)."""

    key: str
    tokenizer: int
    ngram: int
    docs: int = 0
    tokens: int = 0
    last_rowid: int = 0
    next_run: int = 0
    runs: list[SeedRun] = field(default_factory=list)
    format: int = FORMAT

    def as_dict(self) -> dict:
        return asdict(self)


def read_manifest(folder: Path) -> Manifest | None:
    """The folder's manifest; None when there is none, or it is of another format."""
    try:
        raw = json.loads((folder / MANIFEST).read_text())
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        return None
    try:
        raw["runs"] = [SeedRun(**r) for r in raw.get("runs", [])]
        return Manifest(**raw)
    except TypeError:
        return None


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """Replace the manifest whole (the index's commit point)."""
    tmp = folder / (MANIFEST + ".tmp")
    with open(tmp, "w") as fh:
        json.dump(manifest.as_dict(), fh)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, folder / MANIFEST)


def _array(path: Path, dtype: type, count: int) -> np.ndarray:
    """The first ``count`` elements of a raw array file, mapped copy-on-write (a plain
    writable array to compiled code, never written back)."""
    if count == 0:
        return np.zeros(0, dtype)
    with open(path, "rb") as fh:
        mapped = mmap.mmap(
            fh.fileno(),
            count * np.dtype(dtype).itemsize,
            flags=mmap.MAP_PRIVATE,
            prot=mmap.PROT_READ | mmap.PROT_WRITE,
        )
    return np.frombuffer(mapped, dtype=dtype, count=count)


def release(*arrays: np.ndarray) -> None:
    """Let the kernel take back the pages of mapped arrays that reads brought in: they stay
    in the page cache, out of this process's resident memory, and come back on the next
    read. Alignment reads token hashes and offsets all over the corpus, so without this a
    full run ends up holding every page of them."""
    for a in arrays:
        base = a.base.obj if isinstance(a.base, memoryview) else a.base
        if isinstance(base, mmap.mmap):
            base.madvise(mmap.MADV_DONTNEED)


class OpenFile:
    """A file held open for reading at offsets: a writer may remove or replace the name
    afterwards (a merge of runs, a rebuild) and this reader still reads what it opened."""

    def __init__(self, path: Path):
        self.path = path
        self.fd = os.open(path, os.O_RDONLY)
        self._closer = weakref.finalize(self, os.close, self.fd)

    def read(self, dtype: type, start: int, stop: int) -> np.ndarray:
        """Elements start:stop of the raw array, into a fresh (writable) array."""
        out = np.empty(max(0, stop - start), dtype)
        view, offset = memoryview(out).cast("B"), start * out.itemsize
        done = 0
        while done < len(view):  # a large read may come back in parts
            n = os.preadv(self.fd, [view[done:]], offset + done)
            if n == 0:
                raise DamagedIndex(f"{self.path}: shorter than its manifest says")
            done += n
        return out


@dataclass(slots=True)
class IndexArrays:
    """The index's arrays as a manifest gives them (memory-mapped, read-only in effect), and
    its seed runs' files held open for reads that should not go through the map."""

    rowids: np.ndarray
    ptr: np.ndarray
    hashes: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    runs: list[tuple[np.ndarray, np.ndarray, np.ndarray]]
    run_files: list[tuple[OpenFile, OpenFile, OpenFile]]

    def read_run(self, run: int, start: int, stop: int) -> tuple[np.ndarray, ...]:
        """Rows start:stop of a run, read into memory (not through the map, whose pages would
        stay resident as the run is read through)."""
        return tuple(
            f.read(t, start, stop)
            for f, t in zip(self.run_files[run], RUN_COLUMNS.values(), strict=True)
        )

    def release(self) -> None:
        """Hand back the mapped pages reads brought in (see :func:`release`)."""
        release(self.hashes, self.starts, self.ends, *(col for run in self.runs for col in run))

    def read_hashes(self, run: int, start: int, stop: int) -> np.ndarray:
        return self.run_files[run][0].read(np.uint64, start, stop)

    def read_places(self, run: int, start: int, stop: int) -> tuple[np.ndarray, np.ndarray]:
        """Documents and positions of rows start:stop of a run."""
        _, docs, pos = self.run_files[run]
        return docs.read(np.int32, start, stop), pos.read(np.int32, start, stop)


def open_arrays(folder: Path, manifest: Manifest) -> IndexArrays:
    """Map the files of ``manifest``; a missing or short file is a damaged index."""
    try:
        ptr = _array(folder / "doc.ptr", np.int64, manifest.docs + 1)
        return IndexArrays(
            _array(folder / "doc.rowid", np.int64, manifest.docs),
            ptr if manifest.docs else np.zeros(1, np.int64),
            *(_array(folder / n, t, manifest.tokens) for n, t in TOKEN_FILES.items()),
            [
                tuple(_array(folder / f"{r.name}.{c}", t, r.seeds) for c, t in RUN_COLUMNS.items())
                for r in manifest.runs
            ],
            [tuple(OpenFile(folder / f"{r.name}.{c}") for c in RUN_COLUMNS) for r in manifest.runs],
        )
    except (OSError, ValueError) as e:
        raise DamagedIndex(f"{folder}: {e}") from e


class DamagedIndex(Exception):
    """The index's files do not hold what its manifest says (the caller rebuilds it)."""


class IndexWriter:
    """Grows an index (the caller holds the store's writer lock)."""

    def __init__(self, folder: Path, manifest: Manifest):
        self.folder = folder
        self.manifest = manifest
        self._unsynced: list[Path] = []  # run files renamed into place, synced by commit

    @classmethod
    def fresh(cls, folder: Path, manifest: Manifest) -> IndexWriter:
        """An empty index in ``folder``, replacing whatever was there."""
        if folder.exists() and not folder.is_dir():
            raise EchoscopeError(f"{folder}: is in the way of the store's index (not a folder)")
        folder.mkdir(exist_ok=True)
        (folder / MANIFEST).unlink(missing_ok=True)
        # new files, never ones cut short: a reader may still map the old ones
        for name in (*DOC_FILES, *TOKEN_FILES):
            (folder / name).unlink(missing_ok=True)
            (folder / name).write_bytes(b"")
        with open(folder / "doc.ptr", "wb") as fh:
            np.zeros(1, np.int64).tofile(fh)
        writer = cls(folder, manifest)
        writer.remove_strays()
        return writer

    def remove_strays(self) -> None:
        """Remove what a killed run left: bytes past the manifest's counts, files it does not
        name, the spill folder."""
        m = self.manifest
        counts = {"doc.rowid": m.docs, "doc.ptr": m.docs + 1}
        counts.update(dict.fromkeys(TOKEN_FILES, m.tokens))
        for name, dtype in (*DOC_FILES.items(), *TOKEN_FILES.items()):
            path = self.folder / name
            if path.stat().st_size > counts[name] * np.dtype(dtype).itemsize:
                os.truncate(path, counts[name] * np.dtype(dtype).itemsize)
        named = {MANIFEST, *DOC_FILES, *TOKEN_FILES}
        named.update(f"{r.name}.{c}" for r in m.runs for c in RUN_COLUMNS)
        for path in self.folder.iterdir():
            if path.name == SPILL:
                shutil.rmtree(path, ignore_errors=True)
            elif path.name not in named:
                path.unlink(missing_ok=True)

    def append_documents(self, rowids: np.ndarray, ptr: np.ndarray, tokens: dict) -> None:
        """Append documents (their rowids, token boundaries from 0, and token columns) to the
        growing files; they count once the manifest is written."""
        m = self.manifest
        with open(self.folder / "doc.rowid", "ab") as fh:
            rowids.astype(np.int64).tofile(fh)
        with open(self.folder / "doc.ptr", "ab") as fh:
            (ptr[1:].astype(np.int64) + m.tokens).tofile(fh)
        for name, dtype in TOKEN_FILES.items():
            with open(self.folder / name, "ab") as fh:
                tokens[name].astype(dtype, copy=False).tofile(fh)
        m.docs += len(rowids)
        m.tokens += int(ptr[-1])
        if len(rowids):
            m.last_rowid = int(rowids[-1])

    def run_files(self) -> tuple[str, RunFiles]:
        """A new seed run's name and the files to write it to (temporary until ``add_run``)."""
        name = f"seeds-{self.manifest.next_run:06d}"
        self.manifest.next_run += 1
        return name, RunFiles(self.folder, name)

    def add_run(self, name: str, first_doc: int, docs: int, seeds: int) -> None:
        self._unsynced += RunFiles(self.folder, name).finish()
        self.manifest.runs.append(SeedRun(name, first_doc, docs, seeds))

    def replace_runs(self, runs: list[SeedRun]) -> None:
        """The seed runs the manifest names from now on (the others go at the next cleanup)."""
        self.manifest.runs = runs

    def sync(self) -> None:
        """Make what was written durable (the slow part of a commit, and the only one that
        may run in another thread)."""
        for path in (*(self.folder / n for n in (*DOC_FILES, *TOKEN_FILES)), *self._unsynced):
            with open(path, "rb+") as fh:
                os.fsync(fh.fileno())
        self._unsynced = []

    def publish(self) -> None:
        """Name what was synced in the manifest (the commit point: before it, the new bytes
        and files are strays the next writer removes), then remove the strays."""
        write_manifest(self.folder, self.manifest)
        self.remove_strays()

    def commit(self) -> None:
        self.sync()
        self.publish()

    def spill_folder(self) -> Path:
        path = self.folder / SPILL
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir()
        return path


@contextmanager
def spill_folder(folder: Path) -> Iterator[Path]:
    """An empty folder for a run's spill inside the index, removed afterwards (a killed run's
    is removed by the next writer)."""
    path = folder / SPILL
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir()
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


class RunFiles:
    """The three files of one seed run, written under temporary names, appended to in hash
    order, renamed by ``finish``."""

    def __init__(self, folder: Path, name: str):
        self.paths = {c: folder / f"{name}.{c}" for c in RUN_COLUMNS}

    def append(self, hashes: np.ndarray, docs: np.ndarray, pos: np.ndarray) -> None:
        for c, values in zip(RUN_COLUMNS, (hashes, docs, pos), strict=True):
            with open(self.paths[c].with_suffix(self.paths[c].suffix + ".tmp"), "ab") as fh:
                values.astype(RUN_COLUMNS[c], copy=False).tofile(fh)

    def finish(self) -> list[Path]:
        """Rename the files into place; their paths (the writer's commit syncs them: until
        the manifest names the run, they are strays)."""
        for path in self.paths.values():
            tmp = path.with_suffix(path.suffix + ".tmp")
            if not tmp.exists():
                tmp.write_bytes(b"")
            os.replace(tmp, path)
        return list(self.paths.values())


class SpillFiles:
    """Records appended to numbered files, read back one file (or a range) at a time."""

    def __init__(self, folder: Path, prefix: str, dtype: np.dtype, parts: int):
        self.paths = [folder / f"{prefix}-{k:05d}" for k in range(parts)]
        self.dtype = dtype
        for p in self.paths:
            p.write_bytes(b"")

    def append(self, part: int, records: np.ndarray) -> None:
        if len(records):
            with open(self.paths[part], "ab") as fh:
                records.tofile(fh)

    def count(self, part: int) -> int:
        return self.paths[part].stat().st_size // self.dtype.itemsize

    def read(self, part: int) -> np.ndarray:
        return np.fromfile(self.paths[part], dtype=self.dtype)

    def drop(self, part: int) -> None:
        self.paths[part].unlink(missing_ok=True)

    def __iter__(self) -> Iterator[int]:
        return iter(range(len(self.paths)))
