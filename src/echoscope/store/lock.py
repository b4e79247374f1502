"""One writer at a time per store: an advisory lock on a file beside it (``DB.lock``).

SQLite serialises single transactions, but a detect plans from the store, computes for minutes,
then writes: two such runs (or an ingest landing between a detect's plan and its write) would
each save results planned from a state that no longer holds. So every command that writes takes
this lock for its whole run. The lock is the operating system's (``flock``): it is released when
the process ends however it ends, kill -9 included, so a stale lock file never blocks anyone.
The file records who holds it, for the message the next writer gets.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import sys
import threading
import time
from pathlib import Path

from echoscope.errors import EchoscopeError

try:
    import fcntl
except ImportError:  # pragma: no cover - not POSIX: SQLite's own locking is all there is
    fcntl = None  # type: ignore[assignment]

LOCK_SUFFIX = ".lock"
_POLL_SECONDS = 0.2

# Locks this process holds, by store path: a process may open one store several times (the API,
# tests); the lock keeps other processes out, not this one.
_held: dict[str, tuple[int, int]] = {}  # path -> (fd, count)
_held_guard = threading.Lock()


class StoreBusy(EchoscopeError):
    """Another process is writing to the store."""


def lock_path(db: str | os.PathLike[str]) -> Path:
    """The lock file of a store: beside the real file, so that every path to one store (a
    symlink, a relative path) takes the same lock."""
    return Path(os.path.realpath(os.fsdecode(db)) + LOCK_SUFFIX)


def _forget_held_locks() -> None:
    """In a forked child: the parent's locks are the parent's (the child is another writer)."""
    _held.clear()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_held_locks)


def _describe_holder(path: Path) -> str:
    try:
        info = json.loads(path.read_text(encoding="utf-8"))
        return (
            f"'{info.get('command', 'echoscope')}' (pid {info.get('pid')} on "
            f"{info.get('host')}, since {info.get('since')})"
        )
    except (OSError, ValueError, AttributeError):
        return "another process"


def _current_command() -> str:
    name = Path(sys.argv[0]).name if sys.argv and sys.argv[0] else "python"
    if name in ("cli.py", "__main__.py"):  # python -m echoscope.cli
        name = "echoscope"
    words = [name, *[a for a in sys.argv[1:2] if not a.startswith("-")]]
    return " ".join(words)[:200]


class WriterLock:
    """Hold the store's writer lock. ``wait`` seconds: how long to wait for another writer
    (0: stop at once with a message naming it)."""

    def __init__(self, db: str | os.PathLike[str], *, wait: float = 0.0) -> None:
        self.db = os.fsdecode(db)
        self.path = lock_path(db)
        self.key = os.path.realpath(self.path)
        self.wait = wait
        self._fd: int | None = None

    def acquire(self) -> None:
        if fcntl is None:
            return
        with _held_guard:
            if self.key in _held:
                fd, count = _held[self.key]
                _held[self.key] = (fd, count + 1)
                self._fd = fd
                return
        fd, writable = self._open()
        try:
            self._wait_for(fd)
        except BaseException:  # busy, or Ctrl-C while waiting
            os.close(fd)
            raise
        if writable:  # who holds it, for the next writer's message; a courtesy, never fatal
            info = {
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "command": _current_command(),
                "since": time.strftime("%Y-%m-%dT%H:%M:%S"),
            }
            try:
                os.ftruncate(fd, 0)
                os.pwrite(fd, json.dumps(info).encode(), 0)
            except OSError:
                pass
        with _held_guard:
            _held[self.key] = (fd, 1)
        self._fd = fd

    def _open(self) -> tuple[int, bool]:
        """The lock file, never through a symlink planted in its place; read-only where this
        account may write the store but not the lock file (a lock held on a read-only
        descriptor is as good a lock)."""
        flags = os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd, writable = os.open(self.path, os.O_RDWR | flags, 0o666), True
        except PermissionError:
            try:
                fd, writable = os.open(self.path, os.O_RDONLY | flags), False
            except OSError as e:
                raise self._cannot(e) from e
        except OSError as e:
            raise self._cannot(e) from e
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            os.close(fd)
            raise EchoscopeError(f"{self.path}: the store's lock file is not a regular file")
        return fd, writable

    def _cannot(self, e: OSError) -> EchoscopeError:
        return EchoscopeError(
            f"{self.path}: cannot create the store's writer lock: {e.strerror or e}"
        )

    def _wait_for(self, fd: int) -> None:
        deadline = time.monotonic() + max(0.0, self.wait)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                return
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreBusy(
                        f"{self.db}: another echoscope is writing to this store: "
                        f"{_describe_holder(self.path)}; wait for it to finish (or use --wait)"
                    ) from None
                time.sleep(_POLL_SECONDS)
            except OSError as e:
                raise EchoscopeError(f"{self.path}: cannot lock: {e.strerror or e}") from e

    def release(self) -> None:
        if fcntl is None or self._fd is None:
            return
        with _held_guard:
            fd, count = _held.get(self.key, (self._fd, 1))
            if count > 1:
                _held[self.key] = (fd, count - 1)
            else:
                _held.pop(self.key, None)
                try:
                    with contextlib.suppress(OSError):
                        os.ftruncate(fd, 0)  # nobody holds it now
                    fcntl.flock(fd, fcntl.LOCK_UN)
                finally:
                    os.close(fd)
        self._fd = None

    def __enter__(self) -> WriterLock:
        self.acquire()
        return self

    def __exit__(self, *exc: object) -> None:
        self.release()
