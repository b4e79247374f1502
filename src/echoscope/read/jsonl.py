"""JSON lines (passim style): one object per line with ``id``, ``text`` and metadata fields."""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from echoscope.read._open import RAW_LIMIT, DecodedLines, open_binary, printable
from echoscope.read._record import Entry, RecordError, Schema, bad

_JSON_WHITESPACE = " \t\r\n"

# Valid UTF-8 cannot encode a surrogate; only a \uD800-\uDFFF escape can put one in a string.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")

#: deepest nesting of arrays and objects a record may have; deeper is an attack, not metadata
#: (and would overflow the stack of whatever walks it later: the store's JSON, the checks)
MAX_NESTING = 100


class JsonProblem(Exception):
    """Text that is not JSON a record can hold; ``line``/``column`` (1-based) when known."""

    def __init__(self, reason: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column


class _Refused(ValueError):
    """Raised from the decoder's hooks, so it can be told from the decoder's own errors."""


def _no_constant(name: str) -> Any:
    raise _Refused(f"{name} is not a JSON number")


def _finite_float(literal: str) -> float:
    value = float(literal)
    if not math.isfinite(value):
        raise _Refused(f"the number {literal[:40]} is too large for a double")
    return value


# NaN, Infinity and 1e400 are not numbers a store or an export can carry: refused, not "nan".
_DECODER = json.JSONDecoder(parse_float=_finite_float, parse_constant=_no_constant)


def _position(text: str, pos: int) -> tuple[int, int]:
    line = text.count("\n", 0, pos) + 1
    return line, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _too_long_int(text: str) -> JsonProblem:
    limit = sys.get_int_max_str_digits()
    m = re.search(rf"\d{{{limit + 1},}}", text)
    where = _position(text, m.start()) if m else (None, None)
    return JsonProblem(f"a number with more than {limit} digits", *where)


def decode_json(text: str, pos: int = 0, *, whole: bool = False) -> tuple[Any, int]:
    """One JSON value of ``text`` at ``pos`` and where it ends, checked for what a record can
    hold (finite numbers of bounded size, bounded nesting); ``whole``: nothing may follow
    (but whitespace). Raises :class:`JsonProblem`."""
    try:
        if whole:
            return _DECODER.decode(text), len(text)
        return _DECODER.raw_decode(text, pos)
    except json.JSONDecodeError as exc:
        raise JsonProblem(f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except _Refused as exc:
        raise JsonProblem(f"invalid JSON: {exc}") from None
    except RecursionError:
        raise JsonProblem(f"JSON nested more than {MAX_NESTING} levels deep") from None
    except ValueError as exc:  # the only other: an integer past Python's int-string limit
        if "integer string conversion" in str(exc):
            raise _too_long_int(text) from None
        raise JsonProblem(f"invalid JSON: {exc}") from None


def check_nesting(value: Any) -> None:
    """Raise JsonProblem if ``value`` nests arrays and objects deeper than MAX_NESTING."""
    stack = [(value, 1)]
    while stack:  # iterative: a recursive walk is exactly what deep nesting breaks
        item, depth = stack.pop()
        if depth > MAX_NESTING:
            raise JsonProblem(f"JSON nested more than {MAX_NESTING} levels deep")
        children = item.values() if isinstance(item, dict) else item
        # only containers go on the stack, so a flat record costs one pass over its fields
        stack.extend((v, depth + 1) for v in children if isinstance(v, dict | list))


def loads_record(text: str) -> Any:
    """A whole line as one JSON value, checked as :func:`decode_json` and for nesting."""
    value, _ = decode_json(text, whole=True)
    if isinstance(value, dict | list):
        check_nesting(value)
    return value


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
                obj = loads_record(text)
            except JsonProblem as exc:
                reason = exc.reason
                if exc.column is not None:
                    reason += f" (column {exc.column})"
                stripped = text.strip(_JSON_WHITESPACE)
                if (
                    exc.column is not None
                    and exc.reason.startswith("invalid JSON")
                    and is_first
                    and (stripped.startswith("[") or stripped == "{")
                ):
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
