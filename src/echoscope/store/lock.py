"""One writer at a time per store: an advisory lock on a file beside it (``DB.lock``).

SQLite serialises single transactions, but a detect plans from the store, computes for minutes,
then writes: two such runs (or an ingest landing between a detect's plan and its write) would
each save results planned from a state that no longer holds. So every command that writes takes
this lock for its whole run. The lock is the operating system's (``flock``): it is released when
the process ends however it ends, kill -9 included, so a stale lock file never blocks anyone.
The file records who holds it, for the message the next writer gets.
"""

from __future__ import annotations

import json
import os
import socket
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
    return Path(os.fsdecode(db) + LOCK_SUFFIX)


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
    words = [name, *[a for a in sys.argv[1:2] if not a.startswith("-")]]
    return " ".join(words)[:200]


class WriterLock:
    """Hold the store's writer lock. ``wait`` seconds: how long to wait for another writer
    (0: stop at once with a message naming it)."""

    def __init__(self, db: str | os.PathLike[str], *, wait: float = 0.0) -> None:
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
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as e:
            raise EchoscopeError(
                f"{self.path}: cannot create the store's writer lock: {e.strerror or e}"
            ) from e
        deadline = time.monotonic() + max(0.0, self.wait)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    db = os.fsdecode(self.path)[: -len(LOCK_SUFFIX)]
                    raise StoreBusy(
                        f"{db}: another echoscope is writing to this store: "
                        f"{_describe_holder(self.path)}; wait for it to finish (or use --wait)"
                    ) from None
                time.sleep(_POLL_SECONDS)
            except OSError as e:
                os.close(fd)
                raise EchoscopeError(f"{self.path}: cannot lock: {e.strerror or e}") from e
        info = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "command": _current_command(),
            "since": time.strftime("%Y-%m-%dT%H:%M:%S"),
        }
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        with _held_guard:
            _held[self.key] = (fd, 1)
        self._fd = fd

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
