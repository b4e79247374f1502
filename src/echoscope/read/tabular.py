"""CSV and TSV with a header row; a column mapping names which columns hold our fields."""

from __future__ import annotations

import csv
import sys
from collections.abc import Callable, Iterator, Mapping

from echoscope.errors import InputError
from echoscope.read._open import DecodedLines, open_binary
from echoscope.read._record import Entry, RecordError, Schema, bad


def _lift_field_size_limit() -> None:
    # Speeches run to megabytes; the csv default (128 KiB) would reject them as malformed.
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:  # C long is 32-bit on some platforms
            limit //= 2


class Header:
    """The header row: column names and the line they are on."""

    def __init__(self, path: str, line: int, names: list[str]) -> None:
        self.path = path
        self.line = line
        self.names = names

    def require(self, column: str, field: str) -> None:
        """Raise InputError unless ``column`` (holding ``field``) is in the header."""
        if column not in self.names:
            what = f"column {column!r}" + (f" (for {field!r})" if column != field else "")
            available = ", ".join(repr(n) for n in self.names)
            raise InputError(
                self.path, self.line, f"no {what} in the header; the columns are: {available}"
            )


Record = tuple[int, dict[str, str] | None, str, str]


def iter_rows(
    path: str, delimiter: str, check_header: Callable[[Header], None] | None = None
) -> Iterator[Record]:
    """Records of ``path`` as ``(start line, row, raw, reason)``; row is None when reason says why.

    ``check_header`` sees the header before any record is read (and may raise).
    Shared by the corpus reader and the metadata sidecar reader.
    """
    _lift_field_size_limit()
    with open_binary(path) as fh:
        lines = DecodedLines(path, fh)
        # strict: a stray quote raises instead of silently swallowing the following records.
        reader = csv.reader(lines, delimiter=delimiter, strict=True)
        header = _read_header(path, lines, reader)
        if check_header is not None:
            check_header(header)
        yield from _records(lines, reader, header.names)


def _read_header(path: str, lines: DecodedLines, reader: Iterator[list[str]]) -> Header:
    while True:
        lines.start_record()
        try:
            names = next(reader)
        except StopIteration:
            raise InputError(path, None, "no header row (the file is empty)") from None
        except csv.Error as exc:
            raise InputError(path, lines.line, f"malformed header: {exc}") from exc
        if lines.problem is not None:
            raise InputError(path, lines.line, lines.problem)
        if names:  # leading blank lines come as []
            break
    seen: set[str] = set()
    for name in names:
        if name in seen:
            raise InputError(path, lines.line, f"duplicate column {name!r} in the header")
        seen.add(name)
    return Header(path, lines.line, names)


def _records(
    lines: DecodedLines, reader: Iterator[list[str]], names: list[str]
) -> Iterator[Record]:
    while True:
        start = lines.line + 1
        lines.start_record()
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # The csv reader resets and resumes on the next line, so skip_bad can go on.
            reason = f"malformed CSV record: {exc}"
            if "unexpected end of data" in str(exc):
                reason += " (a quote left open?)"
            yield start, None, lines.raw, reason
            continue
        if not values:
            continue  # a blank line is not a record
        if lines.problem is not None:
            yield start, None, lines.raw, lines.problem
            continue
        if len(values) != len(names):
            reason = f"record has {len(values)} fields, the header has {len(names)}"
            yield start, None, lines.raw, reason
            continue
        yield start, dict(zip(names, values, strict=True)), lines.raw, ""


def read_tabular(path: str, delimiter: str, columns: Mapping[str, str]) -> Iterator[Entry]:
    """One Entry per record; ``origin`` is ``file:line`` of the record's first line."""

    def check(header: Header) -> None:
        # Every mapped column and the id/text columns must exist: a typo would otherwise
        # quietly leave a field empty on every document.
        for name in ("id", "text", *columns):
            header.require(columns.get(name, name), name)

    schema = Schema(columns)
    for line, row, raw, reason in iter_rows(path, delimiter, check):
        if row is None:
            yield bad(path, line, reason, raw)
            continue
        try:
            # Rows with undecodable bytes were rejected above, so no surrogate can be left.
            doc = schema.document(row, f"{path}:{line}", check=False)
        except RecordError as exc:
            yield bad(path, line, exc.reason, raw)
            continue
        yield Entry(path, line, doc, raw=raw)
