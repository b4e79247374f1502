"""CSV and TSV with a header row; a column mapping names which columns hold our fields."""

from __future__ import annotations

import csv
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass

from echoscope.errors import InputError
from echoscope.read._open import DecodedLines, open_binary
from echoscope.read._record import Entry, RecordError, Schema, bad

_LETTERS = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")
_SPACE = re.compile(r"\s")


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


@dataclass(slots=True)
class Row:
    """One CSV record: its fields, or the reason it is not a record (``fields`` None)."""

    line: int  # the record's first physical line
    end_line: int  # its last
    fields: dict[str, str] | None
    raw: str
    reason: str = ""
    #: set on a record that was read but looks like it swallowed others (a quote left open)
    suspect: str = ""


def iter_rows(
    path: str,
    delimiter: str,
    check_header: Callable[[Header], None] | None = None,
    id_column: str | None = None,
) -> Iterator[Row]:
    """The records of ``path``, each a :class:`Row`.

    ``check_header`` sees the header before any record is read (and may raise). ``id_column``
    names the id column, so a quoted field that seems to hold further records can be flagged.
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
        id_index = header.names.index(id_column) if id_column in header.names else None
        yield from _records(lines, reader, header.names, delimiter, id_index)


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


def _malformed(exc: csv.Error, start: int, end: int) -> str:
    """The reason for a record the csv module refused, saying which lines it swallowed."""
    if "unexpected end of data" in str(exc):
        if end > start:
            return (
                f"malformed CSV record: a quote opened in the record on line {start} is never "
                f"closed: lines {start}-{end} (to the end of the file) were read as this one record"
            )
        return "malformed CSV record: a quote opened on this line is never closed"
    reason = f"malformed CSV record: {exc}"
    if end > start:
        reason += (
            f" (on line {end}; the record began on line {start}: a quote opened there "
            f"and left open would swallow lines {start + 1}-{end})"
        )
    return reason


def _records(
    lines: DecodedLines,
    reader: Iterator[list[str]],
    names: list[str],
    delimiter: str,
    id_index: int | None,
) -> Iterator[Row]:
    while True:
        start = lines.line + 1
        lines.start_record()
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # The csv reader resets and resumes on the next line, so skip_bad can go on.
            end = max(lines.line, start)
            yield Row(start, end, None, lines.raw, _malformed(exc, start, end))
            continue
        end = lines.line
        if not values:
            continue  # a blank line is not a record
        if lines.problem is not None:
            yield Row(start, end, None, lines.raw, lines.problem)
            continue
        if len(values) != len(names):
            reason = f"record has {len(values)} fields, the header has {len(names)}"
            yield Row(start, end, None, lines.raw, reason)
            continue
        row = Row(start, end, dict(zip(names, values, strict=True)), lines.raw)
        if end > start and id_index is not None:
            row.suspect = _swallowed(values, start, delimiter, id_index) or ""
        yield row


def _shape(value: str) -> str:
    """What an id looks like: letters as "a", digit runs as "9" ("doc-017" -> "a-9")."""
    return _DIGITS.sub("9", _LETTERS.sub("a", value))


def _swallowed(values: list[str], start: int, delimiter: str, id_index: int) -> str | None:
    """Why a record spanning several lines seems to hold further records, or None.

    A quote left open makes the csv module read the following lines into one field until
    some later quote closes it. Such a field's later lines then parse as records of their own:
    as many fields as the header, and an id without spaces shaped like this record's (any such
    id when this record's own id is the field that swallowed them). Prose in a multi-line text
    rarely does both.
    """
    own_id = values[id_index]
    own_shape = None if "\n" in own_id else _shape(own_id)
    line = start
    for value in values:
        if "\n" not in value:
            continue
        for offset, piece in enumerate(value.split("\n")[1:], start=1):
            if piece.count(delimiter) < len(values) - 1:
                continue  # cheap test first: too few delimiters to be a record
            try:
                fields = next(csv.reader([piece.removesuffix("\r")], delimiter=delimiter))
            except (csv.Error, StopIteration):
                continue
            if len(fields) != len(values):
                continue
            candidate = fields[id_index]
            if not candidate or _SPACE.search(candidate):
                continue
            if own_shape is None or _shape(candidate) == own_shape:
                return (
                    f"a quoted field opened on line {line} runs over "
                    f"{value.count(chr(10)) + 1} lines, and its line {line + offset} looks like "
                    f"a record of its own (id {candidate!r}): a quote left open on line {line}?"
                )
        line += value.count("\n")  # the next field opens this many lines further down
    return None


def read_tabular(path: str, delimiter: str, columns: Mapping[str, str]) -> Iterator[Entry]:
    """One Entry per record; ``origin`` is ``file:line`` of the record's first line."""

    def check(header: Header) -> None:
        # Every mapped column and the id/text columns must exist: a typo would otherwise
        # quietly leave a field empty on every document.
        for name in ("id", "text", *columns):
            header.require(columns.get(name, name), name)

    schema = Schema(columns)
    for row in iter_rows(path, delimiter, check, schema.id_key):
        end_line = row.end_line if row.end_line > row.line else None
        if row.fields is None:
            yield bad(path, row.line, row.reason, row.raw, end_line)
            continue
        try:
            # Rows with undecodable bytes were rejected above, so no surrogate can be left.
            doc = schema.document(row.fields, f"{path}:{row.line}", check=False)
        except RecordError as exc:
            yield bad(path, row.line, exc.reason, row.raw, end_line)
            continue
        suspect = f"{row.suspect} The record is stored as read." if row.suspect else ""
        yield Entry(path, row.line, doc, raw=row.raw, end_line=end_line, suspect=suspect)
