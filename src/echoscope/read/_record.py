"""Turning one record's fields into a :class:`Document`, checking each field on the way."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from echoscope.errors import InputError
from echoscope.model import KNOWN_FIELDS, Document
from echoscope.read._open import RAW_LIMIT

_SURROGATE = re.compile("[\ud800-\udfff]")


class RecordError(Exception):
    """One record is malformed; ``reason`` says why (located by the caller)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(slots=True)
class Entry:
    """What a format reader yields: a document, or the reason a record is not one, located."""

    path: str
    line: int | None  # None: the record is the whole file
    doc: Document | None = None
    reason: str = ""
    raw: str = ""


def bad(path: str, line: int | None, reason: str, raw: str = "") -> Entry:
    return Entry(path, line, None, reason, raw[:RAW_LIMIT])


def check_columns(path: str, columns: Mapping[str, str] | None) -> dict[str, str]:
    """Validate a field -> column mapping given by the user; returns a plain dict."""
    if not columns:
        return {}
    out: dict[str, str] = {}
    for name, column in columns.items():
        if not isinstance(name, str) or not name or not isinstance(column, str) or not column:
            raise InputError(
                path, None, f"columns: {name!r} -> {column!r} must map a field name to a column"
            )
        out[name] = column
    return out


def source_key(columns: Mapping[str, str], name: str) -> str:
    """The record key holding field ``name``: mapped by ``columns``, else the same name."""
    return columns.get(name, name)


def _described(name: str, key: str) -> str:
    return repr(name) if key == name else f"{key!r} (the {name} field)"


def coerce_id(value: Any, key: str = "id") -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise RecordError(f"{_described('id', key)} must be a string or an integer")
    doc_id = str(value)
    if not doc_id.strip():
        raise RecordError("empty id")
    _check_unicode(doc_id, _described("id", key))
    return doc_id


def coerce_text(value: Any, key: str = "text") -> str:
    if not isinstance(value, str):
        raise RecordError(f"{_described('text', key)} must be a string")
    # Whitespace-only text has nothing to compare; it is almost always a failed export.
    if not value.strip():
        raise RecordError("empty text")
    _check_unicode(value, _described("text", key))
    return value


def coerce_field(name: str, value: Any, key: str | None = None) -> str | None:
    """A known metadata field: strings kept, numbers as strings, null or "" -> None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RecordError(f"{_described(name, key or name)} must be a string, a number or null")
    text = str(value)
    _check_unicode(text, _described(name, key or name))
    return text if text != "" else None


def _check_unicode(value: str, what: str) -> None:
    # JSON escapes can produce lone surrogates, which no UTF-8 store or output can hold.
    m = _SURROGATE.search(value)
    if m is not None:
        raise RecordError(
            f"{what} contains an unpaired surrogate (U+{ord(m.group()):04X}) at char {m.start()}"
        )


def _check_meta(value: Any, key: str) -> None:
    if isinstance(value, str):
        _check_unicode(value, repr(key))
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_unicode(k, repr(key))
            _check_meta(v, key)
    elif isinstance(value, list):
        for v in value:
            _check_meta(v, key)


def apply_fields(doc: Document, fields: Mapping[str, Any], columns: Mapping[str, str]) -> None:
    """Set known fields and meta on ``doc`` from ``fields`` (not id or text).

    A known field present with a non-null value overrides what ``doc`` has; other keys
    (not consumed by a mapping) go to ``doc.meta``.
    """
    consumed = {source_key(columns, "id"), source_key(columns, "text")}
    for name in KNOWN_FIELDS:
        key = source_key(columns, name)
        consumed.add(key)
        if key in fields:
            value = coerce_field(name, fields[key], key)
            if value is not None:
                setattr(doc, name, value)
    # Mapped names that are not known fields (e.g. {"party": "Party"}) rename into meta.
    for name, key in columns.items():
        if name in ("id", "text") or name in KNOWN_FIELDS:
            continue
        consumed.add(key)
        if key in fields:
            _check_meta(fields[key], key)
            doc.meta[name] = fields[key]
    for key, value in fields.items():
        if key not in consumed:
            _check_unicode(key, "field name")
            _check_meta(value, key)
            doc.meta[key] = value


def make_document(fields: Mapping[str, Any], columns: Mapping[str, str], origin: str) -> Document:
    """A Document from one record's fields (JSON object or CSV row). Raises RecordError."""
    id_key = source_key(columns, "id")
    text_key = source_key(columns, "text")
    if id_key not in fields:
        raise RecordError(f"missing {_described('id', id_key)}")
    if text_key not in fields:
        raise RecordError(f"missing {_described('text', text_key)}")
    doc = Document(
        id=coerce_id(fields[id_key], id_key),
        text=coerce_text(fields[text_key], text_key),
        origin=origin,
    )
    apply_fields(doc, fields, columns)
    return doc
