"""Metadata sidecars for folder corpora: one row of fields per document, keyed by its id.

CSV/TSV (with an ``id`` column), JSON lines (objects with ``id``), or JSON: an object mapping
id -> fields, or a list of objects with ``id``. Rows are located by line so a bad one can be
found; a sidecar is small next to the texts, so it is loaded whole.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from echoscope.errors import InputError
from echoscope.model import Document
from echoscope.read._open import decode_utf8, format_suffix, read_bytes
from echoscope.read._record import RecordError, Schema, check_unicode, coerce_id
from echoscope.read.jsonl import JsonProblem, check_nesting, decode_json, iter_objects
from echoscope.read.tabular import Header, iter_rows

#: suffix -> CSV delimiter ("" for the JSON formats)
SIDECAR_FORMATS = {
    ".csv": ",",
    ".tsv": "\t",
    ".tab": "\t",
    ".jsonl": "",
    ".ndjson": "",
    ".json": "",
}

_WS = " \t\r\n"


@dataclass(slots=True)
class SidecarRow:
    line: int
    id: str
    #: the row's fields, validated, held on a placeholder Document (text and id unused)
    fields: Document


def load_sidecar(path: str, columns: Mapping[str, str]) -> list[SidecarRow]:
    """All rows of a sidecar, each validated. Raises InputError naming the sidecar and line."""
    suffix = format_suffix(path)
    if suffix not in SIDECAR_FORMATS:
        accepted = ", ".join(SIDECAR_FORMATS)
        raise InputError(path, None, f"unknown metadata file type {suffix!r}; accepted: {accepted}")
    schema = Schema(columns)
    rows: list[SidecarRow] = []
    for line, raw_id, fields in _raw_rows(path, suffix, schema.id_key, columns):
        try:
            doc_id = coerce_id(raw_id, schema.id_key)
            if schema.text_key in fields:
                raise RecordError("a metadata file cannot set the text; it comes from the file")
            holder = Document(id=doc_id, text="")
            schema.apply(holder, fields)
            check_unicode(holder)
        except RecordError as exc:
            raise InputError(path, line, exc.reason) from None
        rows.append(SidecarRow(line, doc_id, holder))
    return rows


def _raw_rows(
    path: str, suffix: str, id_key: str, columns: Mapping[str, str]
) -> Iterator[tuple[int, Any, dict[str, Any]]]:
    """``(line, id value, other fields)`` per row."""
    if suffix in (".csv", ".tsv", ".tab"):

        def check(header: Header) -> None:
            # As for a CSV corpus: a mapped column that is not there is a typo, not "no value".
            header.require(id_key, "id")
            for name, column in columns.items():
                header.require(column, name)

        for row in iter_rows(path, SIDECAR_FORMATS[suffix], check, id_key):
            if row.fields is None:
                raise InputError(path, row.line, row.reason)
            if row.suspect:
                # Rows swallowed into a field would leave their documents without metadata
                # (a wrong series changes what is compared), so here it is an error.
                raise InputError(path, row.line, row.suspect)
            yield row.line, row.fields.pop(id_key), row.fields
    elif suffix == ".json":
        yield from _json_rows(path, id_key)
    else:
        yield from _jsonl_rows(path, id_key)


def _jsonl_rows(path: str, id_key: str) -> Iterator[tuple[int, Any, dict[str, Any]]]:
    for rec in iter_objects(path):
        if rec.obj is None:
            raise InputError(path, rec.line, rec.reason)
        if id_key not in rec.obj:
            raise InputError(path, rec.line, f"missing {id_key!r}")
        yield rec.line, rec.obj.pop(id_key), rec.obj


class _Lines:
    """Line number of a position in a text, for positions visited in increasing order."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._pos = 0
        self._line = 1

    def at(self, pos: int) -> int:
        self._line += self._text.count("\n", self._pos, pos)
        self._pos = pos
        return self._line


def _skip(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in _WS:
        pos += 1
    return pos


def _json_rows(path: str, id_key: str) -> Iterator[tuple[int, Any, dict[str, Any]]]:
    text, problem = decode_utf8(read_bytes(path))
    if text is None:
        raise InputError(path, None, problem)
    pos = _skip(text, 0)
    if pos == len(text):
        return
    lines = _Lines(text)
    try:
        top, end = decode_json(text, pos)
        if isinstance(top, dict | list):
            check_nesting(top)
    except JsonProblem as exc:
        raise InputError(path, exc.line, exc.reason) from None
    if isinstance(top, dict) and (_skip(text, end) < len(text) or _is_record(top, id_key)):
        # Several objects, or one object that is a record: JSON lines under a .json name.
        yield from _jsonl_rows(path, id_key)
        return
    if _skip(text, end) < len(text):
        raise InputError(path, lines.at(_skip(text, end)), "invalid JSON: extra data")
    # Walk the top level again, element by element, to know each row's line.
    if isinstance(top, list):
        for start, value in _elements(text, pos):
            line = lines.at(start)
            if not isinstance(value, dict):
                raise InputError(path, line, "expected an object with an id")
            if id_key not in value:
                raise InputError(path, line, f"missing {id_key!r}")
            yield line, value.pop(id_key), value
    elif isinstance(top, dict):
        seen: dict[str, int] = {}
        for start, (key, value) in _members(text, pos):
            line = lines.at(start)
            if key in seen:
                raise InputError(path, line, f"duplicate id {key!r} (first at line {seen[key]})")
            seen[key] = line
            if not isinstance(value, dict):
                raise InputError(path, line, f"the fields for {key!r} must be an object")
            yield line, key, value
    else:
        raise InputError(path, None, "expected an object mapping id to fields, or a list")


def _is_record(obj: dict[str, Any], id_key: str) -> bool:
    return id_key in obj and not isinstance(obj[id_key], dict)


def _elements(text: str, pos: int) -> Iterator[tuple[int, Any]]:
    """``(start, value)`` for each element of the (already validated) array at ``pos``."""
    pos = _skip(text, pos + 1)
    if text[pos] == "]":
        return
    while True:
        value, end = decode_json(text, pos)
        yield pos, value
        pos = _skip(text, end)
        if text[pos] == "]":
            return
        pos = _skip(text, pos + 1)  # past the comma


def _members(text: str, pos: int) -> Iterator[tuple[int, tuple[str, Any]]]:
    """``(start, (key, value))`` for each member of the (already validated) object at ``pos``.

    Walked by hand because ``json`` keeps only the last of duplicate keys, silently.
    """
    pos = _skip(text, pos + 1)
    if text[pos] == "}":
        return
    while True:
        key, end = decode_json(text, pos)
        start = pos
        pos = _skip(text, end) + 1  # past the colon
        value, end = decode_json(text, _skip(text, pos))
        yield start, (key, value)
        pos = _skip(text, end)
        if text[pos] == "}":
            return
        pos = _skip(text, pos + 1)  # past the comma
