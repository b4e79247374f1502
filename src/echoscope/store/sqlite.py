"""The SQLite store: documents, passage pairs, ingests and detect runs in one file.

WAL journal, foreign keys on, indexed for the viewer's queries. Writes that belong together
(one ingest, one detect run) are one transaction, so a killed process leaves the previous state
intact. The schema is documented in the README; it opens in plain ``sqlite3`` and datasette.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import operator
import os
import signal
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from echoscope.errors import EchoscopeError
from echoscope.model import KNOWN_FIELDS, PASSAGE_ORDER, Document, PassagePair
from echoscope.store import point_rows
from echoscope.store.lock import WriterLock
from echoscope.store.migrations import (
    POINTS_FTS,
    Migration,
    apply_pending,
    check_readable,
    readable,
    refuse_newer,
)

# Words and phrases of every document, for the viewer's search. External content: the text is
# stored once (in documents). Built by the viewer on start (index_documents), not by ingest:
# it costs about as much as ingest itself, and only the viewer needs it.
DOCUMENTS_FTS = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, text, "
    "content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"
)

#: the columns of ``passages`` that hold a :class:`PassagePair`, named and ordered as its fields
PASSAGE_COLUMNS = tuple(f.name for f in dataclasses.fields(PassagePair))
#: a record as the row ``PASSAGE_COLUMNS`` names (the table is the only place a passage is a tuple)
_passage_row = operator.attrgetter(*PASSAGE_COLUMNS)
_PASSAGE_ORDER_BY = ", ".join(PASSAGE_ORDER)


def passage_of_row(row: Sequence[Any]) -> PassagePair:
    """The record of a ``PASSAGE_COLUMNS`` row (its kind text becomes the member, see
    :class:`PassagePair`)."""
    return PassagePair(*row)


def index_documents(conn: sqlite3.Connection) -> int:
    """Index the documents added since the last call for full-text search (documents are only
    ever added). Writes nothing but ``documents_fts`` and the ``fts_rowid`` row of ``meta``, so
    the viewer can call it on a bare connection. Returns how many documents were indexed.

    A store this code does not read as it is (another schema version) is left untouched (0):
    the viewer's read-only open then says what to run."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        name = conn.execute("PRAGMA database_list").fetchone()[2]
        if not readable(conn, name):
            conn.rollback()
            return 0
        conn.execute(DOCUMENTS_FTS)
        row = conn.execute("SELECT value FROM meta WHERE key = 'fts_rowid'").fetchone()
        done = int(row[0]) if row else 0
        last = conn.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]
        if last > done:
            if row is None:  # a fresh index, or one left by an older version: start over
                conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('delete-all')")
            conn.execute(
                "INSERT INTO documents_fts(rowid, title, text) "
                "SELECT rowid, title, text FROM documents WHERE rowid > ?",
                (done,),
            )
            conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('fts_rowid', ?)", (str(last),)
            )
        conn.commit()
    except BaseException:
        conn.rollback()
        raise
    return max(0, last - done)


def search_indexed(conn: sqlite3.Connection) -> bool:
    """Whether every document is in the full-text index."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'fts_rowid'").fetchone()
    except sqlite3.OperationalError:
        return False
    last = conn.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]
    return row is not None and int(row[0]) >= last


def connect_readonly(
    path: str | Path, *, check_version: bool = True, **kwargs: Any
) -> sqlite3.Connection:
    """A read-only connection that also works on read-only media (a DVD, a read-only mount or
    share). SQLite's WAL mode needs its ``-shm`` file beside the store; on a file system that
    cannot be written at all the store cannot change under us, so it is opened as immutable,
    which is exact as long as no write-ahead log is pending (a store a writer closed cleanly
    has none). A folder that is merely not ours to write is refused with a clear message: the
    store's owner may still be writing, and an immutable view would not see it.

    A store of another schema version than this code's is refused here, once, with what to
    run (:func:`echoscope.store.migrations.check_readable`), unless ``check_version`` is
    false (``migrate`` looks at a file before it upgrades it)."""
    path = Path(path)
    uri = path.resolve().as_uri()
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, **kwargs)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError as e:
        conn.close()
        if "unable to open" not in str(e) and "readonly" not in str(e):
            raise
    else:
        return _version_checked(conn, path) if check_version else conn
    if not _read_only_file_system(path):
        raise EchoscopeError(
            f"{path}: cannot read this store from this account: SQLite needs to create "
            f"{path.name}-shm beside it, and its folder is not writable here (read it as its "
            "owner, or from a copy)"
        )
    wal = Path(f"{path}-wal")
    if wal.exists() and wal.stat().st_size > 0:
        raise EchoscopeError(
            f"{path}: cannot read this store here: it is on read-only media with a pending "
            f"write-ahead log ({wal.name}); copy both files to a writable folder and merge the "
            f"log there, e.g. sqlite3 COPY 'PRAGMA wal_checkpoint(TRUNCATE)'"
        )
    conn = sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True, **kwargs)
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    return _version_checked(conn, path) if check_version else conn


def _version_checked(conn: sqlite3.Connection, path: Path) -> sqlite3.Connection:
    from echoscope.store.target_rows import readable_without_targets

    try:
        check_readable(conn, path)
        readable_without_targets(conn)  # an older layout read as it is: no accusations yet
    except BaseException:
        conn.close()
        raise
    return conn


def _read_only_file_system(path: Path) -> bool:
    try:
        return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs (not POSIX): be safe, refuse
        return False


@contextmanager
def interrupts_deferred() -> Iterator[None]:
    """Hold back SIGINT (Ctrl-C) for the duration of the block, then deliver it."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[tuple[int, Any]] = []
    previous = signal.signal(signal.SIGINT, lambda sig, frame: caught.append((sig, frame)))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
        if caught and callable(previous):
            previous(*caught[0])


def passage_id(doc_a: str, start_a: int, end_a: int, doc_b: str, start_b: int, end_b: int) -> int:
    """A passage's id, from what it is (both documents and spans), so that it and the viewer's
    ``/pairs/<id>`` URL keep meaning the same pair across re-detects. 53 bits: exact as a
    JavaScript number."""
    key = f"{doc_a}\x00{start_a}\x00{end_a}\x00{doc_b}\x00{start_b}\x00{end_b}"
    digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return (int.from_bytes(digest, "big") & _ID_MASK) or 1


_ID_MASK = (1 << 53) - 1

_UNCHECKED = object()  # refuse_if_changed: the newest run is not compared

# What this process's transactions have saved ("the ingest", "detect run 4"), for the message
# of a Ctrl-C that comes after the work was committed.
COMMITTED: list[str] = []


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S")


class Store:
    """One echoscope SQLite file. Use as a context manager or call :meth:`close`.

    A writable open takes the store's writer lock (:mod:`echoscope.store.lock`) until closed:
    one writer at a time; ``wait`` seconds is how long to wait for another one to finish.
    It then applies the migrations the store lacks (:mod:`echoscope.store.migrations`).
    A read-only open takes no lock, works on read-only media too, and refuses a store of
    another schema version with what to run.
    """

    def __init__(
        self,
        path: str | Path,
        *,
        create: bool = True,
        readonly: bool = False,
        wait: float = 0.0,
    ) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self._lock: WriterLock | None = None
        # the migrations this open applied, in order (a writable open of an older store)
        self.migrations_applied: tuple[Migration, ...] = ()
        if not create and not self.path.exists():
            raise EchoscopeError(
                f"{self.path}: no such database (run 'echoscope ingest ... --db {self.path}')"
            )
        if self.path.is_dir():
            raise EchoscopeError(f"{self.path}: is a folder, not an echoscope database")
        try:
            if readonly:
                self.conn = connect_readonly(self.path)
            else:
                if self.path.parent and not self.path.parent.exists():
                    raise EchoscopeError(
                        f"{self.path}: directory {self.path.parent} does not exist"
                    )
                self._lock = WriterLock(self.path, wait=wait)
                self._lock.acquire()
                self.conn = sqlite3.connect(self.path)
                refuse_newer(self.conn, self.path)  # before any pragma writes to the file
                self.conn.execute("PRAGMA journal_mode=WAL")
                self.conn.execute("PRAGMA synchronous=NORMAL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            if not readonly:
                self.migrations_applied = tuple(apply_pending(self.conn, self.path))
        except BaseException as e:
            conn = getattr(self, "conn", None)
            if conn is not None:
                conn.close()
            if self._lock is not None:
                self._lock.release()
                self._lock = None
            if isinstance(e, sqlite3.OperationalError):
                hint = " (another process is writing to it)" if "locked" in str(e) else ""
                raise EchoscopeError(f"{self.path}: cannot open: {e}{hint}") from e
            if isinstance(e, sqlite3.DatabaseError):
                raise EchoscopeError(f"{self.path}: not an echoscope database: {e}") from e
            raise

    def close(self) -> None:
        self.conn.close()  # the lock outlives a connection that could not be closed
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self, saves: str | None = None) -> Iterator[sqlite3.Connection]:
        """All or nothing: commit on success, roll back on any exception (or a kill).

        Ctrl-C during the commit itself is held back until the commit returns, and a
        transaction that ``saves`` a command's result (e.g. "the ingest") is recorded in
        :data:`COMMITTED` once committed, so an interrupt is reported truthfully."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            yield self.conn
        except BaseException:
            self.conn.rollback()
            raise
        with interrupts_deferred():
            try:
                self.conn.commit()
            except BaseException:  # disk full, I/O error: the transaction must not stay open
                self.conn.rollback()
                raise
            if saves:
                COMMITTED.append(saves)

    # -- documents ---------------------------------------------------------------------------
    def start_ingest(self, conn: sqlite3.Connection, source: str) -> int:
        cur = conn.execute("INSERT INTO ingests(started, source) VALUES (?, ?)", (now(), source))
        return int(cur.lastrowid)

    def finish_ingest(
        self,
        conn: sqlite3.Connection,
        ingest_id: int,
        added: int,
        rejected: int,
        report: str | None,
    ) -> None:
        conn.execute(
            "UPDATE ingests SET finished=?, added=?, rejected=?, rejects_report=? WHERE id=?",
            (now(), added, rejected, report, ingest_id),
        )

    def has_document(self, doc_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row is not None

    def add_documents(
        self, conn: sqlite3.Connection, docs: Sequence[Document], ingest_id: int
    ) -> None:
        rows = [
            (
                d.id,
                d.series,
                d.date,
                d.speaker,
                d.outlet,
                d.title,
                d.url,
                d.lang,
                json.dumps(d.meta, ensure_ascii=False, sort_keys=True) if d.meta else None,
                len(d.text),
                d.origin,
                ingest_id,
                d.text,
            )
            for d in docs
        ]
        conn.executemany(
            "INSERT INTO documents(id, series, date, speaker, outlet, title, url, lang, meta, "
            "chars, origin, ingest_id, text) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )

    def refuse_if_changed(
        self, conn: sqlite3.Connection, docs: int, last_doc: int, last_run: Any = _UNCHECKED
    ) -> None:
        """Inside a run's write transaction: refuse to save results planned when the store
        held ``docs`` documents up to rowid ``last_doc`` (and, unless unchecked, its newest run
        was ``last_run``, None for none) if that no longer holds: another writer got in
        between. The writer lock normally keeps it out; this is the last guard against
        duplicated or stale passages."""
        now_docs, now_last = conn.execute(
            "SELECT count(*), coalesce(max(rowid), 0) FROM documents"
        ).fetchone()
        changed = (now_docs, now_last) != (docs, last_doc)
        if last_run is not _UNCHECKED:
            changed = changed or conn.execute("SELECT max(id) FROM runs").fetchone()[0] != last_run
        if changed:
            raise EchoscopeError(
                f"{self.path}: the store changed while this detect ran (another process wrote "
                "to it); nothing was saved: run detect again"
            )

    def count_documents(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM documents").fetchone()[0])

    def document_series(self) -> list[tuple[int, str | None]]:
        """(rowid, series) of every document in ingest order. Without an ORDER BY, SQLite reads
        them from the series index; the table's rows hold the texts, and a scan of it in rowid
        order reads every page of them."""
        rows = self.conn.execute("SELECT rowid, series FROM documents").fetchall()
        rows.sort()  # by rowid (unique)
        return rows

    def document_ids(self, last_rowid: int) -> list[str]:
        """The ids of the documents up to ``last_rowid``, in ingest order, read from the index
        of ids (the unary ``+`` keeps SQLite from reading the table by rowid instead)."""
        rows = self.conn.execute(
            "SELECT rowid, id FROM documents WHERE +rowid <= ?", (last_rowid,)
        ).fetchall()
        rows.sort()
        return [r[1] for r in rows]

    def document_index(self) -> list[tuple[int, str, str | None]]:
        """(rowid, id, series) of every document in ingest order."""
        return self.conn.execute(
            "SELECT rowid, id, series FROM documents ORDER BY rowid"
        ).fetchall()

    def iter_texts(self, batch: int = 2000) -> Iterator[list[str]]:
        """Document texts in rowid order, a batch at a time (never the whole corpus at once)."""
        for _, texts in self.texts_after(0, batch):
            yield texts

    def texts_after(self, rowid: int, batch: int = 2000) -> Iterator[tuple[list[int], list[str]]]:
        """(rowids, texts) of the documents with a rowid above ``rowid``, in rowid order, a
        batch at a time."""
        last = rowid
        while True:
            rows = self.conn.execute(
                "SELECT rowid, text FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            last = rows[-1][0]
            yield [r[0] for r in rows], [r[1] for r in rows]

    def count_documents_upto(self, rowid: int) -> int:
        """How many documents have a rowid of at most ``rowid`` (all of them less those after
        it: counting the rows up to it would read the texts of the whole table)."""
        after = self.conn.execute(
            "SELECT count(*) FROM documents WHERE rowid > ?", (rowid,)
        ).fetchone()[0]
        return self.document_count_and_last()[0] - int(after)

    def document_count_and_last(self) -> tuple[int, int]:
        """(documents, largest rowid) of the store; each from an index, not the table."""
        n = self.conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        last = self.conn.execute("SELECT coalesce(max(rowid), 0) FROM documents").fetchone()[0]
        return int(n), int(last)

    def total_chars(self, after_rowid: int = 0) -> int:
        """Characters of the documents with a rowid above ``after_rowid``."""
        return int(
            self.conn.execute(
                "SELECT coalesce(sum(chars), 0) FROM documents WHERE rowid > ?", (after_rowid,)
            ).fetchone()[0]
        )

    def ids_by_rowid(self, rowids: Sequence[int]) -> list[str]:
        """Ids of the documents with these rowids, in that order."""
        out: dict[int, str] = {}
        for i in range(0, len(rowids), 500):
            chunk = [int(r) for r in rowids[i : i + 500]]
            q = f"SELECT rowid, id FROM documents WHERE rowid IN ({','.join('?' * len(chunk))})"
            out.update(self.conn.execute(q, chunk))
        return [out[int(r)] for r in rowids]

    def index_key(self) -> str | None:
        """The key that ties the token index beside the store to this store (see
        :mod:`echoscope.store.index_files`), if it has one."""
        row = self.conn.execute("SELECT value FROM meta WHERE key = 'index_key'").fetchone()
        return row[0] if row else None

    def new_index_key(self) -> str:
        """Give the store a new index key (one transaction) and return it."""
        key = os.urandom(16).hex()
        with self.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('index_key', ?)", (key,))
        return key

    def texts(self, ids: Iterable[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        ids = list(dict.fromkeys(ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
            out.update(dict(self.conn.execute(q, chunk).fetchall()))
        return out

    # -- runs and passages -------------------------------------------------------------------
    def last_run(self) -> dict[str, Any] | None:
        cur = self.conn.execute("SELECT * FROM runs ORDER BY id DESC LIMIT 1")
        row = cur.fetchone()
        if row is None:
            return None
        rec = dict(zip([c[0] for c in cur.description], row, strict=True))
        for k in ("params", "counts", "seconds"):
            rec[k] = json.loads(rec[k])
        return rec

    def save_run(
        self,
        conn: sqlite3.Connection,
        *,
        started: str,
        engine: str,
        mode: str,
        params: dict[str, Any],
        docs: int,
        new_docs: int,
        last_doc: int,
        counts: dict[str, int],
        seconds: dict[str, float],
        replace_pairs: Iterable[tuple[str, str]] | None,
        passages: Iterable[PassagePair],
    ) -> int:
        """Record a run and its passages. ``replace_pairs=None`` replaces every passage."""
        cur = conn.execute(
            "INSERT INTO runs(started, finished, engine, mode, params, docs, new_docs, last_doc, "
            "passages, counts, seconds) VALUES (?,?,?,?,?,?,?,?,0,?,?)",
            (
                started,
                now(),
                engine,
                mode,
                json.dumps(params, sort_keys=True),
                docs,
                new_docs,
                last_doc,
                json.dumps(counts),
                json.dumps(seconds),
            ),
        )
        run_id = int(cur.lastrowid)
        if replace_pairs is None:
            conn.execute("DELETE FROM passages")
        else:
            conn.executemany("DELETE FROM passages WHERE doc_a=? AND doc_b=?", replace_pairs)
        self.add_passages(conn, run_id, passages)
        return run_id

    def add_passages(
        self, conn: sqlite3.Connection, run_id: int, passages: Iterable[PassagePair]
    ) -> None:
        """Insert a run's passages, in their order, and update its passage count.

        Each passage's id is :func:`passage_id` of its spans; on the (rare) collision with a
        passage already stored the next free id is taken."""
        passages = list(passages)
        ids = [passage_id(*p.spans) for p in passages]
        taken: set[int] = set()
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = f"SELECT id FROM passages WHERE id IN ({','.join('?' * len(chunk))})"
            taken.update(r[0] for r in conn.execute(q, chunk))
        for i, pid in enumerate(ids):
            while pid in taken or (
                pid != ids[i]  # a probed id: not yet looked up in the store
                and conn.execute("SELECT 1 FROM passages WHERE id = ?", (pid,)).fetchone()
            ):
                taken.add(pid)
                pid = (pid + 1) & _ID_MASK or 1
            taken.add(pid)
            ids[i] = pid
        conn.executemany(
            f"INSERT INTO passages(id, {', '.join(PASSAGE_COLUMNS)}, run_id) "
            f"VALUES (?, {', '.join('?' * len(PASSAGE_COLUMNS))}, {run_id})",
            ((pid, *_passage_row(p)) for pid, p in zip(ids, passages, strict=True)),
        )
        total = conn.execute("SELECT count(*) FROM passages").fetchone()[0]
        conn.execute("UPDATE runs SET passages=? WHERE id=?", (total, run_id))

    # -- sentence vectors (a cache: safe to lose, kept so new documents alone are embedded) --
    def sentence_vectors(self, model: str) -> Iterator[tuple[int, bytes, bytes]]:
        """``(doc_rowid, spans, vectors)`` cached for ``model``, in document order."""
        yield from self.conn.execute(
            "SELECT doc_rowid, spans, vectors FROM sentence_vectors WHERE model=? "
            "ORDER BY doc_rowid",
            (model,),
        )

    def save_sentence_vectors(self, model: str, rows: Iterable[tuple[int, bytes, bytes]]) -> None:
        """Cache ``(doc_rowid, spans, vectors)`` rows for ``model`` (one transaction)."""
        with self.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO sentence_vectors(model, doc_rowid, spans, vectors) "
                "VALUES (?, ?, ?, ?)",
                ((model, *r) for r in rows),
            )

    def texts_by_rowid(self, rowids: Sequence[int]) -> list[str]:
        """Texts of the documents with these rowids, in that order."""
        out: dict[int, str] = {}
        for i in range(0, len(rowids), 500):
            chunk = [int(r) for r in rowids[i : i + 500]]
            q = f"SELECT rowid, text FROM documents WHERE rowid IN ({','.join('?' * len(chunk))})"
            out.update(self.conn.execute(q, chunk))
        return [out[int(r)] for r in rowids]

    def languages_by_rowid(self, rowids: Sequence[int]) -> list[str | None]:
        """The ``lang`` field of the documents with these rowids, in that order."""
        out: dict[int, str | None] = {}
        for i in range(0, len(rowids), 500):
            chunk = [int(r) for r in rowids[i : i + 500]]
            q = f"SELECT rowid, lang FROM documents WHERE rowid IN ({','.join('?' * len(chunk))})"
            out.update(self.conn.execute(q, chunk))
        return [out[int(r)] for r in rowids]

    def save_points(
        self, conn: sqlite3.Connection, points: Sequence[Any], edges: Sequence[Any], run_id: int
    ) -> None:
        """Replace every talking point, member, actor edge and burst (inside a run's
        transaction, so points always match the passages they were built from)."""
        for table in ("point_members", "bursts", "points", "actor_edges"):
            conn.execute(f"DELETE FROM {table}")
        # rebuilding the full-text index is cheaper than deleting its rows one by one
        conn.execute("DROP TABLE IF EXISTS points_fts")
        conn.execute(POINTS_FTS)
        texts = self.texts(p.representative.doc for p in points)
        conn.executemany(
            "INSERT INTO points VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [
                point_rows.point_row(
                    p,
                    texts[p.representative.doc][p.representative.start : p.representative.end],
                    run_id,
                )
                for p in points
            ],
        )
        conn.execute("INSERT INTO points_fts(id, text) SELECT id, text FROM points")
        conn.executemany(
            "INSERT INTO point_members VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            [row for p in points for row in point_rows.member_rows(p)],
        )
        conn.executemany(
            "INSERT INTO bursts VALUES (?,?,?,?,?,?,?)",
            [row for p in points for row in point_rows.burst_rows(p)],
        )
        conn.executemany(
            "INSERT INTO actor_edges VALUES (?,?,?,?,?,?,?,?)",
            [point_rows.edge_row(e) for e in edges],
        )

    def count_passages(self) -> int:
        return int(self.conn.execute("SELECT count(*) FROM passages").fetchone()[0])

    def iter_passages(
        self, *, order: str = _PASSAGE_ORDER_BY, limit: int | None = None
    ) -> Iterator[PassagePair]:
        sql = f"SELECT {', '.join(PASSAGE_COLUMNS)} FROM passages ORDER BY {order}"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        for row in self.conn.execute(sql):
            yield passage_of_row(row)

    def document_fields(self, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
        """Known metadata fields of the given documents (for exports and display)."""
        out: dict[str, dict[str, Any]] = {}
        ids = list(dict.fromkeys(ids))
        cols = ", ".join(KNOWN_FIELDS)
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            q = f"SELECT id, {cols} FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
            for row in self.conn.execute(q, chunk):
                out[row[0]] = dict(zip(KNOWN_FIELDS, row[1:], strict=True))
        return out

    # -- what a detect run reads and writes inside its transaction ----------------------------
    def passages_of_pairs(self, pairs: Iterable[tuple[str, str]]) -> list[PassagePair]:
        """The stored passages of the document pairs ``(doc_a, doc_b)``, in
        :data:`echoscope.model.PASSAGE_ORDER` (the pairs go in as one JSON array: a read
        that opens no transaction)."""
        columns = ", ".join(f"p.{c}" for c in PASSAGE_COLUMNS)
        order = ", ".join(f"p.{c}" for c in PASSAGE_ORDER)
        rows = self.conn.execute(
            "WITH wanted(doc_a, doc_b) AS (SELECT json_extract(value, '$[0]'), "
            "json_extract(value, '$[1]') FROM json_each(?)) "
            f"SELECT {columns} FROM wanted w JOIN passages p "
            f"ON p.doc_a = w.doc_a AND p.doc_b = w.doc_b ORDER BY {order}",
            (json.dumps(list(pairs)),),
        ).fetchall()
        return [passage_of_row(r) for r in rows]

    def delete_passages_of_kinds(self, conn: sqlite3.Connection, kinds: Sequence[str]) -> None:
        """Delete every passage of one of ``kinds``."""
        kinds = tuple(kinds)
        conn.execute(f"DELETE FROM passages WHERE kind IN ({','.join('?' * len(kinds))})", kinds)

    def update_run_counts(
        self,
        conn: sqlite3.Connection,
        run_id: int,
        counts: dict[str, int],
        seconds: dict[str, float],
    ) -> None:
        """Replace a run's recorded counts and seconds (its stages after the first save)."""
        conn.execute(
            "UPDATE runs SET counts=?, seconds=? WHERE id=?",
            (json.dumps(counts), json.dumps(seconds), run_id),
        )

    def lexical_spans(
        self, conn: sqlite3.Connection, semantic_kinds: Sequence[str]
    ) -> list[tuple[str, int, int, str, int, int]]:
        """``(doc_a, start_a, end_a, doc_b, start_b, end_b)`` of every passage whose kind is
        not one of ``semantic_kinds``, as ``conn`` sees them (a run's own rows included)."""
        kinds = tuple(semantic_kinds)
        return conn.execute(
            "SELECT doc_a, start_a, end_a, doc_b, start_b, end_b FROM passages "
            f"WHERE kind NOT IN ({','.join('?' * len(kinds))})",
            kinds,
        ).fetchall()

    def documents_after(self, rowid: int, limit: int, columns: Sequence[str]) -> list[tuple]:
        """``columns`` of up to ``limit`` documents with a rowid above ``rowid``, in rowid
        order: the store read a batch at a time."""
        if not all(c.isidentifier() for c in columns):  # names from code, never from a user
            raise ValueError(f"not a column name among {list(columns)}")
        return self.conn.execute(
            f"SELECT {', '.join(columns)} FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?",
            (rowid, limit),
        ).fetchall()

    def point_inputs(
        self, conn: sqlite3.Connection
    ) -> tuple[list[PassagePair], dict[str, dict[str, Any]]]:
        """What talking points are built from: every passage (as ``conn`` sees them) in
        :data:`echoscope.model.PASSAGE_ORDER`, and the ``date``, ``speaker``, ``outlet`` and
        ``series`` of each document in one of them."""
        passages = [
            passage_of_row(r)
            for r in conn.execute(
                f"SELECT {', '.join(PASSAGE_COLUMNS)} FROM passages ORDER BY {_PASSAGE_ORDER_BY}"
            )
        ]
        docs = {
            r[0]: {"date": r[1], "speaker": r[2], "outlet": r[3], "series": r[4]}
            for r in conn.execute(
                "SELECT id, date, speaker, outlet, series FROM documents "
                "WHERE id IN (SELECT doc_a FROM passages UNION "
                "SELECT doc_b FROM passages)"
            )
        }
        return passages, docs
