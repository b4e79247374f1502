"""Ingest: stream a corpus from disk into the store, in one transaction per command."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from tqdm import tqdm

from echoscope.errors import EchoscopeError, InputError
from echoscope.model import Document, Rejected
from echoscope.outputs import check_output, store_guard
from echoscope.read import Suspect, read_corpus, write_rejects
from echoscope.read._open import printable
from echoscope.store.sqlite import Store

_BATCH = 1000


@dataclass(slots=True)
class IngestResult:
    added: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    #: records stored as read that look wrong (listed in the report with "stored": true)
    suspects: list[Suspect] = field(default_factory=list)
    rejects_report: str | None = None


def ingest(
    store: Store,
    paths: Sequence[str | os.PathLike[str]],
    *,
    fmt: str | None = None,
    columns: Mapping[str, str] | None = None,
    meta: str | os.PathLike[str] | None = None,
    series_from_dir: bool = False,
    skip_bad: bool = False,
    rejects_path: str | None = None,
    progress: bool = True,
) -> IngestResult:
    """Add the documents of ``paths`` to the store.

    All or nothing: a malformed record (without ``skip_bad``) or an id already in the store
    aborts the whole ingest and nothing is added. With ``skip_bad`` rejected records are written
    to ``rejects_path`` (default: next to the database) and counted, never dropped silently.
    Suspect records (stored, but e.g. a CSV quote seems left open) go to the same report, with
    or without ``skip_bad``. The report path is checked before anything is read: never the
    store, its side files or an input (:mod:`echoscope.outputs`).
    """
    result = IngestResult()
    source = printable(" ".join(os.fsdecode(p) for p in paths))
    report = rejects_path or f"{store.path}.rejects.jsonl"
    guard = store_guard(store.path)
    guard += [(p, f"the input {printable(os.fsdecode(p))}") for p in paths]
    check_output(report, guard=guard)  # a report may be written (rejects or suspects)
    bar = tqdm(desc="ingest", unit=" docs", disable=None if progress else True, leave=False)
    try:
        with store.transaction(saves="the ingest") as conn:
            ingest_id = store.start_ingest(conn, source)
            batch: list[Document] = []
            seen: set[str] = set()  # ids added by this ingest (several paths may repeat one)
            for path in paths:
                for rec in read_corpus(
                    path,
                    fmt=fmt,
                    columns=columns,
                    meta=meta,
                    series_from_dir=series_from_dir,
                    skip_bad=skip_bad,
                    suspects=result.suspects,
                ):
                    if isinstance(rec, Rejected):
                        result.rejected.append(rec)
                        continue
                    if rec.id in seen or store.has_document(rec.id):
                        file, line = _located(rec.origin)
                        file = file or printable(os.fsdecode(path))
                        reason = f"duplicate id {rec.id!r}: already in the store"
                        if not skip_bad:
                            raise InputError(file, line, reason)
                        result.rejected.append(Rejected(file, line or 0, reason, rec.id))
                        continue
                    batch.append(rec)
                    seen.add(rec.id)
                    if len(batch) >= _BATCH:
                        store.add_documents(conn, batch, ingest_id)
                        result.added += len(batch)
                        bar.update(len(batch))
                        batch = []
            if batch:
                store.add_documents(conn, batch, ingest_id)
                result.added += len(batch)
                bar.update(len(batch))
            if result.rejected or result.suspects:
                result.rejects_report = report
                write_rejects(result.rejected, report, suspects=result.suspects, guard=guard)
            if result.added == 0 and not result.rejected:
                raise EchoscopeError(f"{source}: no documents found (empty corpus)")
            report_name = printable(result.rejects_report) if result.rejects_report else None
            store.finish_ingest(conn, ingest_id, result.added, len(result.rejected), report_name)
    finally:
        bar.close()
    return result


def _located(origin: str) -> tuple[str, int | None]:
    """``"file:12"`` -> ``("file", 12)``; a whole-file origin (no line) -> ``(origin, None)``."""
    file, sep, line = origin.rpartition(":")
    if sep and line.isdigit():
        return file, int(line)
    return origin, None
