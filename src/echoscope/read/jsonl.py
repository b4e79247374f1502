"""JSON lines (passim style): one object per line with ``id``, ``text`` and metadata fields."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from echoscope.read._open import RAW_LIMIT, DecodedLines, open_binary, printable
from echoscope.read._record import Entry, RecordError, Schema, bad

_JSON_WHITESPACE = " \t\r\n"

# Valid UTF-8 cannot encode a surrogate; only a \uD800-\uDFFF escape can put one in a string.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


@dataclass(slots=True)
class JsonLine:
    line: int
    obj: dict[str, Any] | None  # None: ``reason`` says why the line is not a record
    raw: str
    reason: str = ""
    #: the line has a \uD8xx-style escape, so a string in it may hold an unpaired surrogate
    escapes: bool = False


def iter_objects(path: str) -> Iterator[JsonLine]:
    """One JsonLine per non-blank line. Shared by the corpus and the metadata sidecar readers."""
    with open_binary(path) as fh:
        lines = DecodedLines(path, fh)
        first = True
        for text in lines:
            problem = lines.problem
            lines.start_record()
            if not text.strip(_JSON_WHITESPACE):
                continue  # blank lines separate nothing and are not records
            raw = printable(text[:RAW_LIMIT])
            is_first, first = first, False
            if problem is not None:
                yield JsonLine(lines.line, None, raw, problem)
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                reason = f"invalid JSON: {exc.msg} (column {exc.colno})"
                stripped = text.strip(_JSON_WHITESPACE)
                if is_first and (stripped.startswith("[") or stripped == "{"):
                    # Pretty-printed JSON is the usual mistake with .json files.
                    reason += "; expected JSON lines (one object per line), not one JSON value"
                yield JsonLine(lines.line, None, raw, reason)
                continue
            if not isinstance(obj, dict):
                reason = f"expected a JSON object, got {_json_type(obj)}"
                yield JsonLine(lines.line, None, raw, reason)
                continue
            escapes = "\\u" in text and _SURROGATE_ESCAPE.search(text) is not None
            yield JsonLine(lines.line, obj, raw, escapes=escapes)


def read_jsonl(path: str, columns: Mapping[str, str]) -> Iterator[Entry]:
    """One Entry per non-blank line; ``origin`` is ``file:line`` (1-based physical line)."""
    schema = Schema(columns)
    for rec in iter_objects(path):
        if rec.obj is None:
            yield bad(path, rec.line, rec.reason, rec.raw)
            continue
        try:
            doc = schema.document(rec.obj, f"{path}:{rec.line}", check=rec.escapes)
        except RecordError as exc:
            yield bad(path, rec.line, exc.reason, rec.raw)
            continue
        yield Entry(path, rec.line, doc, raw=rec.raw)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    return "an array"
