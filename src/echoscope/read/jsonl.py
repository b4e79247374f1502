"""JSON lines (passim style): one object per line with ``id``, ``text`` and metadata fields."""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from typing import Any

from echoscope.read._open import DecodedLines, open_binary, printable
from echoscope.read._record import RAW_LIMIT, Entry, RecordError, bad, make_document

_JSON_WHITESPACE = " \t\r\n"


def iter_objects(path: str) -> Iterator[tuple[int, dict[str, Any] | None, str, str]]:
    """``(line, object, raw, reason)`` per non-blank line; object is None when reason says why.

    Shared by the corpus reader and the metadata sidecar reader.
    """
    with open_binary(path) as fh:
        lines = DecodedLines(path, fh)
        first = True
        for text in lines:
            lines_problem = lines.problem
            lines.start_record()
            raw = printable(text[:RAW_LIMIT])
            if not text.strip(_JSON_WHITESPACE):
                continue  # blank lines separate nothing and are not records
            if lines_problem is not None:
                yield lines.line, None, raw, lines_problem
                first = False
                continue
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as exc:
                reason = f"invalid JSON: {exc.msg} (column {exc.colno})"
                if first and text.lstrip().startswith("["):
                    # A pretty-printed JSON array is the usual mistake with .json files.
                    reason += "; expected JSON lines (one object per line), not a JSON array"
                yield lines.line, None, raw, reason
                first = False
                continue
            first = False
            if not isinstance(obj, dict):
                yield lines.line, None, raw, f"expected a JSON object, got {_json_type(obj)}"
                continue
            yield lines.line, obj, raw, ""


def read_jsonl(path: str, columns: Mapping[str, str]) -> Iterator[Entry]:
    """One Entry per non-blank line; ``origin`` is ``file:line`` (1-based physical line)."""
    for line, obj, raw, reason in iter_objects(path):
        if obj is None:
            yield bad(path, line, reason, raw)
            continue
        try:
            doc = make_document(obj, columns, f"{path}:{line}")
        except RecordError as exc:
            yield bad(path, line, exc.reason, raw)
            continue
        yield Entry(path, line, doc, raw=raw)


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
