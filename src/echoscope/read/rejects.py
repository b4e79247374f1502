"""The rejects report: one JSON object per rejected record, for a person to fix the input."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable

from echoscope.errors import EchoscopeError
from echoscope.model import Rejected
from echoscope.read._open import RAW_LIMIT, printable


def write_rejects(rejects: Iterable[Rejected], path: str | os.PathLike[str]) -> int:
    """Write ``rejects`` as JSON lines (path, line, reason, raw); returns how many.

    ``line`` is null for a record that is a whole file (``Rejected.line == 0``); ``raw`` is cut
    to 2000 characters and made writable (undecodable bytes shown as U+FFFD).
    """
    p = os.fsdecode(path)
    count = 0
    try:
        with open(p, "w", encoding="utf-8", newline="\n") as fh:
            for r in rejects:
                record = {
                    "path": r.path,
                    "line": r.line or None,
                    "reason": printable(r.reason),
                    "raw": printable(r.raw[:RAW_LIMIT]),
                }
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise EchoscopeError(f"{p}: cannot write the rejects report: {reason}") from exc
    return count
