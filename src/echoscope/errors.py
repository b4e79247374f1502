"""Errors a user can cause. The CLI prints them as one line and exits non-zero."""

from __future__ import annotations


class EchoscopeError(Exception):
    """A failure caused by input or environment, reported without a traceback."""


class InputError(EchoscopeError):
    """A malformed or unreadable input record, located by file and line (or record number)."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        self.path = path
        self.line = line
        self.reason = reason
        where = f"{path}:{line}" if line is not None else path
        super().__init__(f"{where}: {reason}")
