"""Files echoscope writes: never over the store or an input, and always whole.

Every file output goes to a temporary name beside its destination and is renamed over it only
once complete, so a failed or interrupted write leaves the old file (or nothing) in place. An
existing output file is replaced (a documented choice: outputs are regenerated, as ``make``
would); a path that is the store, one of its side files, or an input of the same command is
refused before anything is written.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from echoscope.errors import EchoscopeError

# SQLite's and echoscope's own files beside a store
STORE_SIDE_FILES = ("", "-wal", "-shm", "-journal", ".lock")
# the folder of the store's token index (see echoscope.store.index_files): nothing inside it
# may be an output either
STORE_INDEX_SUFFIX = ".index"

# Which files inside a protected folder count as protected: given (folder, path), whether the
# input's reader would read that path (a corpus folder: its documents and metadata sidecar).
Reads = Callable[[Path, Path], bool]

# (path, what it is, for a folder: which paths inside it are protected too, if any)
_protected: list[tuple[Path, str, Reads | None]] = []

# read once: os.umask can only be read by setting it, which is not safe once threads run
_UMASK = os.umask(0)
os.umask(_UMASK)


def store_files(db: str | os.PathLike[str]) -> list[Path]:
    """The store file and the files SQLite and echoscope keep beside it."""
    base = os.fsdecode(db)
    return [Path(base + suffix) for suffix in STORE_SIDE_FILES]


def store_guard(db: str | os.PathLike[str]) -> list[tuple[Path, str]]:
    """``guard`` pairs for :func:`check_output` that protect a store's files."""
    return [(f, f"the store {os.fsdecode(db)}") for f in store_files(db)]


def protect(
    paths: Iterable[str | os.PathLike[str]], what: str, *, reads: Reads | None = None
) -> None:
    """Register paths no output of this process may replace (the store, the inputs). For a
    folder, ``reads`` tells which paths inside it are protected too."""
    for p in paths:
        _protected.append((Path(os.fsdecode(p)), what, reads))


def protect_store(db: str | os.PathLike[str]) -> None:
    protect(store_files(db), f"the store {os.fsdecode(db)}")
    index = Path(os.fsdecode(db) + STORE_INDEX_SUFFIX)
    protect([index], f"the token index of {os.fsdecode(db)}", reads=_reads_anything)


def protect_inputs(paths: Iterable[str | os.PathLike[str]], reads: Reads | None = None) -> None:
    """Register a command's inputs; for an input folder, ``reads`` tells which files written
    into it the next ingest of that folder would read (default: any)."""
    for p in paths:
        protect([p], f"the input {os.fsdecode(p)}", reads=reads or _reads_anything)


def _reads_anything(folder: Path, path: Path) -> bool:
    return True


def clear_protected() -> None:
    """Forget registered paths (between commands run in one process, e.g. tests)."""
    _protected.clear()


def _same(a: Path, b: Path) -> bool:
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.abspath(a) == os.path.abspath(b)


def _inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies under it (inputs given as folders)."""
    try:
        p = path.resolve()
        f = folder.resolve()
    except OSError:
        return False
    return p == f or f in p.parents


def check_output(
    path: str | os.PathLike[str],
    *,
    guard: Iterable[tuple[str | os.PathLike[str], str]] = (),
) -> Path:
    """Refuse an output path that is the store, an input or a folder; returns it as a Path.

    ``guard`` adds (path, what) pairs to the ones registered with :func:`protect`.
    """
    out = Path(os.fsdecode(path))
    extra = [(Path(os.fsdecode(g)), w, None) for g, w in guard]
    for p, what, reads in [*_protected, *extra]:
        if _same(out, p):
            raise EchoscopeError(f"{out}: refusing to write over {what}")
        if reads is not None and p.is_dir() and _inside(out, p) and reads(p, out):
            raise EchoscopeError(f"{out}: refusing to write inside {what} (it would be read)")
    if out.is_dir():
        raise EchoscopeError(f"{out}: is a folder; give a file name")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise EchoscopeError(f"{out}: folder {parent} does not exist")
    return out


def check_replaceable_folder(path: str | os.PathLike[str]) -> Path:
    """Refuse a folder another tool will replace whole (Spark's overwrite) when it is a file,
    is or holds a protected path, or lies inside an input folder."""
    folder = Path(os.fsdecode(path))
    if folder.exists() and not folder.is_dir():
        raise EchoscopeError(f"{folder}: is a file, and would be replaced by a folder")
    for p, what, reads in _protected:
        if _same(folder, p) or _inside(p, folder):
            raise EchoscopeError(f"{folder}: refusing to replace a folder holding {what}")
        if reads is not None and p.is_dir() and _inside(folder, p):
            raise EchoscopeError(f"{folder}: refusing to write inside {what}")
    return folder


def _final_mode(out: Path) -> int:
    """The mode the file would get if written directly: the old file's, else 0666 less umask."""
    try:
        return out.stat().st_mode & 0o7777
    except OSError:
        return 0o666 & ~_UMASK


def _special(out: Path) -> bool:
    """An existing destination that is not a regular file (a FIFO, /dev/null, a terminal), or
    a name for an open descriptor (/dev/stdout, /dev/fd/N, /proc/self/fd/N, whatever the
    shell redirected it to): written straight through, as renaming over it would replace the
    device, or a file other than the one the descriptor has open."""
    if os.path.abspath(out).startswith(("/dev/", "/proc/")):
        return True
    try:
        return not stat.S_ISREG(os.stat(out).st_mode)
    except OSError:
        return False


@contextlib.contextmanager
def atomic_path(
    path: str | os.PathLike[str],
    *,
    guard: Iterable[tuple[str | os.PathLike[str], str]] = (),
) -> Iterator[Path]:
    """A temporary path to write; renamed to ``path`` when the block ends without error,
    removed otherwise. For writers that take a file name (Parquet, GraphML). A symlink to a
    file is kept: its target is replaced. A destination that is not a regular file (a pipe,
    a device) is given as it is."""
    out = check_output(path, guard=guard)
    if _special(out):
        yield out
        return
    if out.is_symlink():
        out = Path(os.path.realpath(out))
    parent = out.parent if str(out.parent) else Path(".")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=parent)
    except OSError as e:
        raise EchoscopeError(f"{out}: cannot write: {e.strerror or e}") from e
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, _final_mode(out))
        os.replace(tmp, out)
    except OSError as e:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise EchoscopeError(f"{out}: cannot write: {e.strerror or e}") from e
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


@contextlib.contextmanager
def atomic_file(
    path: str | os.PathLike[str],
    mode: str = "w",
    *,
    encoding: str | None = "utf-8",
    newline: str | None = None,
    guard: Iterable[tuple[str | os.PathLike[str], str]] = (),
    durable: bool = True,
) -> Iterator[IO]:
    """An open file that becomes ``path`` only once written completely (flushed, and synced to
    disk unless ``durable`` is false: for many small regenerable files, such as a static
    site's pages, where a sync each would cost more than the writing)."""
    binary = "b" in mode
    with (
        atomic_path(path, guard=guard) as tmp,
        open(
            tmp,
            mode,
            encoding=None if binary else encoding,
            newline=None if binary else newline,
        ) as fh,
    ):
        yield fh
        fh.flush()
        if durable and stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
            os.fsync(fh.fileno())


@contextlib.contextmanager
def atomic_folder(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary folder beside ``path`` to fill; renamed to ``path`` when the block ends
    without error (a rename replaces an empty folder in one step), removed otherwise. ``path``
    must be new or an empty folder, and neither hold nor lie inside a protected path."""
    folder = check_replaceable_folder(path)
    if folder.is_symlink():  # a link to an empty folder: fill the folder, keep the link
        folder = Path(os.path.realpath(folder))
        check_replaceable_folder(folder)
    if folder.is_dir() and any(folder.iterdir()):
        raise EchoscopeError(f"{folder}: exists and is not empty; give a new or empty folder")
    parent = folder.parent if str(folder.parent) else Path(".")
    if not parent.is_dir():
        raise EchoscopeError(f"{folder}: folder {parent} does not exist")
    try:
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=parent))
    except OSError as e:
        raise EchoscopeError(f"{folder}: cannot write: {e.strerror or e}") from e
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_UMASK)  # as if made directly (mkdtemp makes it private)
        os.rename(tmp, folder)
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        raise EchoscopeError(f"{folder}: cannot write: {e.strerror or e}") from e
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
