"""Opening, decompressing and decoding input files, with errors located by file, line and byte."""

from __future__ import annotations

import bz2
import gzip
import os
import zlib
from collections.abc import Iterator
from typing import IO

from echoscope.errors import InputError

BOM = b"\xef\xbb\xbf"

#: characters of raw input kept for a rejected record: enough to recognise it, and bounded
RAW_LIMIT = 2000

#: compression suffix -> opener; chosen by file name so any format can be compressed
_OPENERS = {".gz": gzip.open, ".bz2": bz2.open}

# What a corrupt or truncated compressed stream raises while being read.
_READ_ERRORS = (OSError, EOFError, zlib.error)


def split_compression(name: str) -> tuple[str, str | None]:
    """``"a.csv.gz"`` -> ``("a.csv", ".gz")``; ``"a.csv"`` -> ``("a.csv", None)``."""
    root, ext = os.path.splitext(name)
    ext = ext.lower()
    if ext in _OPENERS:
        return root, ext
    return name, None


def format_suffix(name: str) -> str:
    """The lower-cased extension that names the format, looking through a compression suffix."""
    base, _ = split_compression(name)
    return os.path.splitext(base)[1].lower()


def open_binary(path: str) -> IO[bytes]:
    """Open a file for binary reading, decompressing ``.gz``/``.bz2`` transparently (streaming)."""
    _, compression = split_compression(path)
    try:
        if compression is None:
            return open(path, "rb")  # the caller owns and closes the handle
        return _OPENERS[compression](path, "rb")
    except OSError as exc:
        raise InputError(path, None, f"cannot open: {exc.strerror or exc}") from exc


def read_error(path: str, line: int | None, exc: BaseException) -> InputError:
    """A read failure (corrupt or truncated compressed data, I/O error) as a located error."""
    return InputError(path, line, f"cannot read: {exc}")


def _describe(data: bytes, base_offset: int, exc: UnicodeDecodeError) -> str:
    """The reason for a decode failure: the offending byte and its offset in the file."""
    return f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {base_offset + exc.start})"


def decode_utf8(data: bytes) -> tuple[str | None, str | None]:
    """A whole file's bytes as UTF-8 (BOM removed): ``(text, None)`` or ``(None, reason)``.

    Byte offsets in the reason count from the start of the (decompressed) file, BOM included,
    so ``head -c`` / ``xxd -s`` on the same bytes find the culprit.
    """
    start = len(BOM) if data.startswith(BOM) else 0
    body = data[start:]
    try:
        return body.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        return None, _describe(body, start, exc)


def read_bytes(path: str) -> bytes:
    """The whole (decompressed) content of one file."""
    with open_binary(path) as fh:
        try:
            return fh.read()
        except _READ_ERRORS as exc:
            raise read_error(path, None, exc) from exc


class DecodedLines:
    """Iterates a file's physical lines (split on ``\\n`` only, endings kept) as ``str``.

    Splitting on ``\\n`` alone keeps line numbers physical: ``str.splitlines`` would also split
    on U+2028, form feeds and the like. Invalid UTF-8 does not stop the iteration (a CSV reader
    consuming the lines could not resume); the line is decoded with ``surrogateescape`` and the
    first problem since :meth:`start_record` is kept in :attr:`problem` for the caller to report.
    :attr:`raw` collects the lines since :meth:`start_record`, so a rejected record can be shown.
    """

    def __init__(self, path: str, fh: IO[bytes]) -> None:
        self.path = path
        self._fh = fh
        self.line = 0  # physical lines consumed so far
        self._offset = 0  # byte offset of the next line in the decompressed stream
        self.problem: str | None = None
        self._raw: list[str] = []
        self._raw_len = 0

    def __iter__(self) -> Iterator[str]:
        return self

    def __next__(self) -> str:
        try:
            data = self._fh.readline()
        except _READ_ERRORS as exc:
            # Before the first line the whole file is at fault (e.g. not gzip at all).
            raise read_error(self.path, self.line + 1 if self.line else None, exc) from exc
        if not data:
            raise StopIteration
        offset = self._offset
        self._offset += len(data)
        self.line += 1
        if self.line == 1 and data.startswith(BOM):
            data = data[len(BOM) :]
            offset += len(BOM)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            if self.problem is None:
                self.problem = _describe(data, offset, exc)
            text = data.decode("utf-8", "surrogateescape")
        if self._raw_len < RAW_LIMIT:  # bounded: a record may be megabytes long
            piece = text[: RAW_LIMIT - self._raw_len]
            self._raw.append(piece)
            self._raw_len += len(piece)
        return text

    def start_record(self) -> None:
        """Forget the problem and raw lines of the previous record."""
        self.problem = None
        self._raw.clear()
        self._raw_len = 0

    @property
    def raw(self) -> str:
        """The start of the lines read since :meth:`start_record` (at most RAW_LIMIT chars),
        printable (undecodable bytes replaced)."""
        return printable("".join(self._raw))


def printable(text: str) -> str:
    """``text`` with undecodable bytes and unpaired surrogates shown as U+FFFD, safe to write."""
    try:
        data = text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # a surrogate that no byte produced, e.g. from a JSON escape
        data = text.encode("utf-8", "replace")
    return data.decode("utf-8", "replace")
