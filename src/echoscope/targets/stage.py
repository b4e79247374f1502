"""The targets stage of a detect run: accusations of the documents not yet read, responses
relinked, all in the run's transaction (both engines call :func:`update_targets`).

Accusations depend on a document and the entity list only, so a run reads just the documents
added since the last one, unless the rules (:data:`RULES_VERSION`) or the user's aliases
changed, which rereads every document. Names the metadata of later documents adds resolve the
accusations read from then on; ``echoscope detect --entities FILE`` rereads everything with the
list a user gives. Responses are relinked over all accusations every run: they are few, and a
new document may answer an old one.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from dataclasses import dataclass

from echoscope.errors import EchoscopeError
from echoscope.model import Document
from echoscope.store import target_rows
from echoscope.targets.entities import Entities, metadata_names
from echoscope.targets.extract import accusations_in
from echoscope.targets.responses import RESPONSE_WINDOW_DAYS, link_responses

#: the rules' version: a store read with other rules is reread whole
RULES_VERSION = 1
_BATCH = 2000


@dataclass(frozen=True, slots=True)
class TargetsParams:
    """What the stage is told: an alias file's rows (None: keep the store's) and the window
    within which a document can answer another."""

    aliases: tuple[tuple[str, str, str, str], ...] | None = None
    response_days: float = RESPONSE_WINDOW_DAYS

    def __post_init__(self) -> None:
        if not 0 < self.response_days <= 3650:
            raise EchoscopeError(
                f"the response window must be more than 0 and at most 3650 days, "
                f"not {self.response_days}"
            )


def _key(aliases: list[tuple[str, str, str, str]]) -> str:
    h = hashlib.sha256(f"rules {RULES_VERSION}\n".encode())
    for row in aliases:
        h.update(("\x1f".join(row) + "\x1e").encode())
    return h.hexdigest()[:16]


def _aliases_wanted(
    conn: sqlite3.Connection, params: TargetsParams
) -> tuple[list[tuple[str, ...]], list[tuple[str, ...]]]:
    """The alias rows the run is to use (the ones given, else the store's) and the store's."""
    stored = [tuple(r) for r in target_rows.aliases(conn)]
    return ([tuple(r) for r in params.aliases] if params.aliases is not None else stored), stored


def pending(conn: sqlite3.Connection, params: TargetsParams, last_doc: int) -> bool:
    """Whether the stage has anything to do on a store whose last document is ``last_doc``."""
    state = json.loads(target_rows.state(conn) or "{}")
    return (
        state.get("key") != _key(_aliases_wanted(conn, params)[0])
        or state.get("last_doc") != last_doc
        or state.get("response_days") != params.response_days
    )


def update_targets(
    conn: sqlite3.Connection, params: TargetsParams | None = None, *, full: bool = False
) -> dict[str, float]:
    """Bring the accusations and responses up to date (see the module's docstring); counts
    and seconds of the stage."""
    params = params or TargetsParams()
    t0 = time.perf_counter()
    state = json.loads(target_rows.state(conn) or "{}")
    aliases, stored = _aliases_wanted(conn, params)
    if aliases != stored:
        target_rows.replace_aliases(conn, aliases)
    key = _key(aliases)
    redo = full or state.get("key") != key
    last = 0 if redo else int(state.get("last_doc", 0))
    if redo:
        target_rows.clear_accusations(conn)
    # names the metadata gives, the new documents' first, so any document can name them
    known = Entities.build(aliases)
    added_names: list[tuple[str, str, str]] = []
    for row in target_rows.metadata_after(conn, last):
        added_names.extend(metadata_names(*row))
    target_rows.add_metadata_names(conn, added_names)
    for name, kind, member_of in target_rows.metadata_names(conn):
        known.add(name, kind=kind, member_of=member_of)
    found = read = 0
    cursor = last
    while True:
        batch = target_rows.documents_after(conn, cursor, _BATCH)
        if not batch:
            break
        rows = []
        for rowid, doc_id, text, lang, date, speaker, outlet, series, _party in batch:
            doc = Document(
                doc_id, text, series=series, date=date, speaker=speaker, outlet=outlet, lang=lang
            )
            rows.extend((rowid, date, a) for a in accusations_in(doc, known))
        found += target_rows.add_accusations(conn, rows)
        read += len(batch)
        cursor = batch[-1][0]
    responses = link_responses(
        target_rows.response_inputs(conn), known.party_of, params.response_days
    )
    target_rows.replace_responses(conn, responses)
    target_rows.save_state(
        conn,
        json.dumps(
            {"key": key, "last_doc": cursor, "response_days": params.response_days},
            sort_keys=True,
        ),
    )
    return {
        "documents_read": read,
        "accusations_found": found,
        "accusations": target_rows.count_accusations(conn),
        "responses": len(responses),
        "seconds": round(time.perf_counter() - t0, 3),
    }
