"""The rejects report: one JSON object per rejected record, for a person to fix the input.

Records that were stored but look wrong (a :class:`Suspect`, e.g. a CSV quote left open that
seems to have swallowed further records) are listed after the rejects with ``"stored": true``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from echoscope.model import Rejected
from echoscope.outputs import atomic_file
from echoscope.read._open import RAW_LIMIT, printable


@dataclass(slots=True)
class Suspect(Rejected):
    """A record that was read and stored as it stands, but looks wrong; ``reason`` says why.
    It has a rejected record's fields, for the same report; unlike one, it is in the store
    (readers never yield it, so ``isinstance(rec, Rejected)`` on their stream is unaffected)."""


def _record(item: Rejected) -> dict[str, Any]:
    record: dict[str, Any] = {
        "path": printable(item.path),
        "line": item.line or None,
        "reason": printable(item.reason),
        "raw": printable(item.raw[:RAW_LIMIT]),
    }
    if item.end_line is not None:
        record["end_line"] = item.end_line
    if isinstance(item, Suspect):
        record["stored"] = True
    return record


def write_rejects(
    rejects: Iterable[Rejected],
    path: str | os.PathLike[str],
    *,
    suspects: Iterable[Suspect] = (),
    guard: Iterable[tuple[str | os.PathLike[str], str]] = (),
) -> int:
    """Write ``rejects`` (then ``suspects``) as JSON lines; returns how many rejects.

    Each line has path, line, reason and raw, plus ``end_line`` for a record spanning several
    lines and ``"stored": true`` for a suspect. ``line`` is null for a record that is a whole
    file (``Rejected.line == 0``); ``raw`` is cut to 2000 characters and made writable
    (undecodable bytes shown as U+FFFD). The file is written to a temporary name and renamed,
    and never over the store, an input or a path in ``guard`` (:mod:`echoscope.outputs`).
    """
    count = 0
    with atomic_file(path, newline="\n", guard=guard) as fh:
        for r in rejects:
            fh.write(json.dumps(_record(r), ensure_ascii=False) + "\n")
            count += 1
        for s in suspects:
            fh.write(json.dumps(_record(s), ensure_ascii=False) + "\n")
    return count
