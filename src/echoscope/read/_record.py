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

# C0 controls and DEL, less the whitespace ones text files use (tab, newlines, form feed).
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
#: text is taken for binary data when more than this share of it is control characters
BINARY_CONTROL_SHARE = 0.1
#: how much of a text the control-character share is measured on (binary shows at once)
_BINARY_SAMPLE = 1024


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
    #: last physical line of a record that spans several (CSV), else None
    end_line: int | None = None
    #: a warning about a record that was read (``doc`` set) but looks wrong
    suspect: str = ""


def bad(
    path: str, line: int | None, reason: str, raw: str = "", end_line: int | None = None
) -> Entry:
    return Entry(path, line, None, reason, raw[:RAW_LIMIT], end_line)


def binary_reason(text: str, *, of_bytes: bool = False) -> str | None:
    """Why ``text`` looks like binary data rather than text (a NUL, or mostly control
    characters: an executable, an image, a zeroed file), or None. ``of_bytes``: ``text`` is
    raw bytes read as Latin-1, one character per byte, and the reason says bytes."""
    unit, at = ("byte", "offset") if of_bytes else ("character", "char")
    nul = text.find("\x00")
    if nul >= 0:
        return f"binary content, not text (a NUL {unit} at {at} {nul})"
    sample = text[:_BINARY_SAMPLE]
    controls = len(_CONTROL.findall(sample))
    if controls > BINARY_CONTROL_SHARE * len(sample):
        share = f"{controls} of the first {len(sample)} {unit}s are controls"
        return f"binary content, not text ({share})"
    return None


def name_problem(name: str) -> str | None:
    """Why a file name cannot be a document id: bytes that are not UTF-8, or None."""
    m = _SURROGATE.search(name)
    if m is None:
        return None
    byte = ord(m.group()) - 0xDC00
    shown = f"byte 0x{byte:02x}" if 0x80 <= byte <= 0xFF else "an unpaired surrogate"
    return f"the file name is not valid UTF-8 ({shown} at char {m.start()}); rename the file"


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


def _described(name: str, key: str) -> str:
    return repr(name) if key == name else f"{key!r} (the {name} field)"


class Schema:
    """Where each field is found in a record, from the user's field -> column mapping.

    Built once per file so that each record is only looked up, not re-planned.
    """

    def __init__(self, columns: Mapping[str, str]) -> None:
        self.id_key = columns.get("id", "id")
        self.text_key = columns.get("text", "text")
        #: (field, key) for the Document attributes other than id and text
        self.known = [(name, columns.get(name, name)) for name in KNOWN_FIELDS]
        #: (meta name, key) for mapped names that are not fields, e.g. {"party": "Party"}
        self.renamed = [
            (name, key)
            for name, key in columns.items()
            if name not in ("id", "text") and name not in KNOWN_FIELDS
        ]
        self.consumed = {self.id_key, self.text_key}
        self.consumed.update(key for _, key in self.known)
        self.consumed.update(key for _, key in self.renamed)

    def apply(self, doc: Document, fields: Mapping[str, Any]) -> None:
        """Set known fields and meta on ``doc`` from ``fields`` (not id or text).

        A known field with a non-null value overrides what ``doc`` has; every key no field
        claims goes to ``doc.meta`` unchanged.
        """
        for name, key in self.known:
            if key in fields:
                value = coerce_field(name, fields[key], key)
                if value is not None:
                    setattr(doc, name, value)
        for name, key in self.renamed:
            if key in fields:
                doc.meta[name] = fields[key]
        for key, value in fields.items():
            if key not in self.consumed:
                doc.meta[key] = value

    def document(self, fields: Mapping[str, Any], origin: str, *, check: bool = True) -> Document:
        """A Document from one record's fields (JSON object or CSV row). Raises RecordError.

        ``check=False`` skips the unpaired-surrogate scan when the caller knows there can be
        none (no ``\\uD8xx`` escape in the JSON line, or the bytes were valid UTF-8).
        """
        if self.id_key not in fields:
            raise RecordError(f"missing {_described('id', self.id_key)}")
        if self.text_key not in fields:
            raise RecordError(f"missing {_described('text', self.text_key)}")
        doc = Document(
            id=coerce_id(fields[self.id_key], self.id_key),
            text=coerce_text(fields[self.text_key], self.text_key),
            origin=origin,
        )
        self.apply(doc, fields)
        if check:
            check_unicode(doc)
        return doc


def coerce_id(value: Any, key: str = "id") -> str:
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise RecordError(f"{_described('id', key)} must be a string or an integer")
    doc_id = str(value)
    if not doc_id.strip():
        raise RecordError("empty id")
    return doc_id


def coerce_text(value: Any, key: str = "text") -> str:
    if not isinstance(value, str):
        raise RecordError(f"{_described('text', key)} must be a string")
    # Whitespace-only text has nothing to compare; it is almost always a failed export.
    if not value or value.isspace():
        raise RecordError("empty text")
    problem = binary_reason(value)
    if problem is not None:
        raise RecordError(problem)
    return value


def coerce_field(name: str, value: Any, key: str | None = None) -> str | None:
    """A known metadata field: strings kept, numbers as strings, null or "" -> None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise RecordError(f"{_described(name, key or name)} must be a string, a number or null")
    text = str(value)
    return text if text != "" else None


def check_unicode(doc: Document) -> None:
    """Reject unpaired surrogates (JSON ``\\ud800`` escapes): no UTF-8 store can hold them."""
    for name in ("id", "text", *KNOWN_FIELDS):
        check_string(getattr(doc, name), repr(name))
    for key, value in doc.meta.items():
        check_string(key, "a field name")
        _check_value(value, repr(key))


def check_string(value: str | None, what: str) -> None:
    """Raise RecordError if ``value`` holds an unpaired surrogate (``what`` names it)."""
    if value is None:
        return
    m = _SURROGATE.search(value)
    if m is not None:
        raise RecordError(
            f"{what} contains an unpaired surrogate (U+{ord(m.group()):04X}) at char {m.start()}"
        )


def _check_value(value: Any, what: str) -> None:
    if isinstance(value, str):
        check_string(value, what)
    elif isinstance(value, dict):
        for k, v in value.items():
            check_string(k, what)
            _check_value(v, what)
    elif isinstance(value, list):
        for v in value:
            _check_value(v, what)
