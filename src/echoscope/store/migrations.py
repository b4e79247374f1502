"""Versioned migrations of the store's layout: applied in order, each recorded.

A store says which layout it has in ``meta('schema_version')``, and lists the migrations that
brought it there in ``schema_migrations``. A writable open applies the pending ones, each in a
transaction of its own that also records it and moves the version on, so a run killed halfway
leaves a store at one known version, and the next writable open resumes from it. A read-only
open only checks the version and says what to run if it is not this code's.

To change the layout, append a migration; never edit one that has shipped, since stores in use
were built by it.
"""

from __future__ import annotations

import re
import shlex
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from echoscope.errors import EchoscopeError

# The layout of the first releases: documents, ingests, runs and passages.
FIRST_RELEASE_LAYOUT = (
    """CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS ingests (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT,
    source TEXT NOT NULL,
    added INTEGER NOT NULL DEFAULT 0,
    rejected INTEGER NOT NULL DEFAULT 0,
    rejects_report TEXT
)""",
    """CREATE TABLE IF NOT EXISTS documents (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    series TEXT,
    date TEXT,
    speaker TEXT,
    outlet TEXT,
    title TEXT,
    url TEXT,
    lang TEXT,
    meta TEXT,
    chars INTEGER NOT NULL,
    origin TEXT,
    ingest_id INTEGER REFERENCES ingests(id),
    text TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS documents_series ON documents(series)",
    "CREATE INDEX IF NOT EXISTS documents_date ON documents(date)",
    "CREATE INDEX IF NOT EXISTS documents_speaker ON documents(speaker)",
    "CREATE INDEX IF NOT EXISTS documents_outlet ON documents(outlet)",
    """CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,
    finished TEXT NOT NULL,
    engine TEXT NOT NULL,
    mode TEXT NOT NULL,
    params TEXT NOT NULL,
    docs INTEGER NOT NULL,
    new_docs INTEGER NOT NULL,
    last_doc INTEGER NOT NULL,
    passages INTEGER NOT NULL,
    counts TEXT NOT NULL,
    seconds TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS passages (
    id INTEGER PRIMARY KEY,
    doc_a TEXT NOT NULL REFERENCES documents(id),
    start_a INTEGER NOT NULL,
    end_a INTEGER NOT NULL,
    doc_b TEXT NOT NULL REFERENCES documents(id),
    start_b INTEGER NOT NULL,
    end_b INTEGER NOT NULL,
    tokens_a INTEGER NOT NULL,
    tokens_b INTEGER NOT NULL,
    score REAL NOT NULL,
    identity REAL NOT NULL,
    kind TEXT NOT NULL,
    ops TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
)""",
    "CREATE INDEX IF NOT EXISTS passages_pair ON passages(doc_a, doc_b)",
    "CREATE INDEX IF NOT EXISTS passages_doc_b ON passages(doc_b)",
    "CREATE INDEX IF NOT EXISTS passages_score ON passages(score DESC)",
)

# The talking points' full-text index; save_points drops and recreates it with each run.
POINTS_FTS = "CREATE VIRTUAL TABLE IF NOT EXISTS points_fts USING fts5(id UNINDEXED, text)"

# Version 2's layout, every statement idempotent: the tables a version-1 store (written by any
# release before migrations were recorded) may lack are created, the others are left as they
# are and gain their missing columns from COLUMNS_ADDED_IN_2.
LAYOUT_2 = (
    *FIRST_RELEASE_LAYOUT,
    """CREATE TABLE IF NOT EXISTS points (
    id TEXT PRIMARY KEY,
    docs INTEGER NOT NULL,
    speakers INTEGER NOT NULL,
    outlets INTEGER NOT NULL,
    series INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT,
    rep_doc TEXT NOT NULL REFERENCES documents(id),
    rep_start INTEGER NOT NULL,
    rep_end INTEGER NOT NULL,
    length INTEGER NOT NULL,
    bursts INTEGER NOT NULL,
    text TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id)
)""",
    """CREATE TABLE IF NOT EXISTS point_members (
    point TEXT NOT NULL REFERENCES points(id),
    doc TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    date TEXT,
    speaker TEXT,
    outlet TEXT,
    role TEXT NOT NULL,
    source_doc TEXT,
    source_start INTEGER,
    lag_hours REAL,
    source_lag_hours REAL,
    degree INTEGER NOT NULL,
    match TEXT
)""",
    "CREATE INDEX IF NOT EXISTS point_members_point ON point_members(point)",
    "CREATE INDEX IF NOT EXISTS point_members_doc ON point_members(doc)",
    "CREATE INDEX IF NOT EXISTS point_members_speaker ON point_members(speaker)",
    """CREATE TABLE IF NOT EXISTS actor_edges (
    kind TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    count INTEGER NOT NULL,
    median_lag_hours REAL,
    points INTEGER NOT NULL,
    first_date TEXT,
    last_date TEXT
)""",
    "CREATE INDEX IF NOT EXISTS actor_edges_source ON actor_edges(kind, source)",
    "CREATE INDEX IF NOT EXISTS actor_edges_target ON actor_edges(kind, target)",
    """CREATE TABLE IF NOT EXISTS sentence_vectors (
    model TEXT NOT NULL,
    doc_rowid INTEGER NOT NULL REFERENCES documents(rowid),
    spans BLOB NOT NULL,
    vectors BLOB NOT NULL,
    PRIMARY KEY (model, doc_rowid)
) WITHOUT ROWID""",
    """CREATE TABLE IF NOT EXISTS bursts (
    point TEXT NOT NULL REFERENCES points(id),
    by TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    hours REAL NOT NULL,
    actors TEXT NOT NULL,
    docs TEXT NOT NULL
)""",
    POINTS_FTS,
)
# (table, column, declaration): columns that tables of the first releases lacked
COLUMNS_ADDED_IN_2 = (
    ("passages", "similarity", "REAL"),
    ("point_members", "match", "TEXT"),
)

# Version 3: the targets stage (echoscope.targets). Accusations and responses are rebuilt from
# the documents, so a store of an older version gains them on its next detect run.
TARGETS_LAYOUT = (
    """CREATE TABLE IF NOT EXISTS accusations (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id),
    doc_rowid INTEGER NOT NULL,
    date TEXT,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    accuser TEXT NOT NULL,
    target TEXT NOT NULL,
    charge TEXT NOT NULL,
    cue_start INTEGER NOT NULL,
    cue_end INTEGER NOT NULL,
    target_start INTEGER NOT NULL,
    target_end INTEGER NOT NULL,
    accuser_start INTEGER,
    accuser_end INTEGER,
    charge_start INTEGER,
    charge_end INTEGER,
    accuser_from TEXT NOT NULL
)""",
    "CREATE INDEX IF NOT EXISTS accusations_doc ON accusations(doc)",
    "CREATE INDEX IF NOT EXISTS accusations_doc_rowid ON accusations(doc_rowid)",
    "CREATE INDEX IF NOT EXISTS accusations_target ON accusations(target, date)",
    "CREATE INDEX IF NOT EXISTS accusations_accuser ON accusations(accuser, date)",
    """CREATE TABLE IF NOT EXISTS responses (
    doc TEXT NOT NULL REFERENCES documents(id),
    answers TEXT NOT NULL REFERENCES documents(id),
    accuser TEXT NOT NULL,
    target TEXT NOT NULL,
    lag_hours REAL
)""",
    "CREATE INDEX IF NOT EXISTS responses_doc ON responses(doc)",
    "CREATE INDEX IF NOT EXISTS responses_answers ON responses(answers)",
    """CREATE TABLE IF NOT EXISTS entity_aliases (
    entity TEXT NOT NULL,
    alias TEXT NOT NULL,
    kind TEXT NOT NULL,
    member_of TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS entity_names (
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    member_of TEXT NOT NULL,
    PRIMARY KEY (name, kind, member_of)
) WITHOUT ROWID""",
)

RECORD_TABLE = """CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    applied TEXT
)"""


@dataclass(frozen=True)
class Migration:
    """One step of the layout: the store's version after it, what it does, and how."""

    version: int
    description: str
    apply: tuple[str, ...] | Callable[[sqlite3.Connection], None]

    def run(self, conn: sqlite3.Connection) -> None:
        if callable(self.apply):
            self.apply(conn)
        else:
            for statement in self.apply:
                conn.execute(statement)


def _to_layout_2(conn: sqlite3.Connection) -> None:
    for statement in LAYOUT_2:
        conn.execute(statement)
    for table, column, declaration in COLUMNS_ADDED_IN_2:
        have = {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}
        if column not in have:
            conn.execute(f'ALTER TABLE {table} ADD COLUMN "{column}" {declaration}')


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "the first releases' layout: meta, ingests, documents, runs, passages and their indexes",
        FIRST_RELEASE_LAYOUT,
    ),
    Migration(
        2,
        "bring any version-1 store to one layout: the talking-point, burst, actor-edge and "
        "sentence-vector tables and indexes it lacks, passages.similarity, point_members.match",
        _to_layout_2,
    ),
    Migration(
        3,
        "who is accused of what: the accusations, responses and entity-alias tables",
        TARGETS_LAYOUT,
    ),
)
CURRENT_VERSION = MIGRATIONS[-1].version


def stored_version(conn: sqlite3.Connection, path: str | Path) -> int | None:
    """The layout version the store at ``path`` records, or None where it records none (an
    empty file, a database echoscope never wrote, or one whose first open was cut short)."""
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if not has_meta:
        return None
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    except sqlite3.OperationalError as e:
        if "no such column" in str(e):  # a table of that name echoscope did not write
            return None
        raise
    if row is None:
        return None
    try:
        return int(row[0])
    except (TypeError, ValueError):
        raise EchoscopeError(
            f"{path}: not an echoscope database: its schema version {row[0]!r} is not a number"
        ) from None


def _newer(path: str | Path, version: int) -> EchoscopeError:
    return EchoscopeError(
        f"{path}: written by a newer echoscope (store schema version {version}; this echoscope "
        f"knows versions up to {CURRENT_VERSION}): upgrade echoscope to open it; the store was "
        "left as it is"
    )


def _older(path: str | Path, version: int) -> EchoscopeError:
    return EchoscopeError(
        f"{path}: written by an older echoscope (store schema version {version}; this echoscope "
        f"reads version {CURRENT_VERSION}): upgrade the store with "
        f"echoscope migrate --db {shlex.quote(str(path))}"
    )


def refuse_newer(conn: sqlite3.Connection, path: str | Path) -> None:
    """Refuse a store written by a newer echoscope: its layout is one this code cannot know."""
    version = stored_version(conn, path)
    if version is not None and version > CURRENT_VERSION:
        raise _newer(path, version)


_LAYOUT_2_TABLES = frozenset(
    m.group(1)
    for statement in LAYOUT_2
    if (m := re.match(r"CREATE (?:VIRTUAL )?TABLE IF NOT EXISTS (\w+)", statement))
)


def _has_layout_2(conn: sqlite3.Connection) -> bool:
    """Whether a version-1 store already has every table and column of version 2 (a store of
    the releases just before migrations were recorded: migration 2 would change nothing)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables >= _LAYOUT_2_TABLES:
        return False
    for table, column, _declaration in COLUMNS_ADDED_IN_2:
        if column not in {r[1] for r in conn.execute(f"PRAGMA table_info({table})")}:
            return False
    return True


def check_readable(conn: sqlite3.Connection, path: str | Path) -> None:
    """For a read-only open: refuse, with what to run, a store of another version. A file that
    records no version is let through, so that its first query says what it lacks; so is a
    store of version 2's layout (a version-1 store that has it included), which reads the same
    before and after migrating (and may sit on read-only media, where it cannot be migrated):
    it has no accusations."""
    version = stored_version(conn, path)
    if not _readable(conn, version):
        raise _newer(path, version) if version > CURRENT_VERSION else _older(path, version)


def readable(conn: sqlite3.Connection, path: str | Path) -> bool:
    """Whether this code reads the store as it is (what :func:`check_readable` lets through)."""
    return _readable(conn, stored_version(conn, path))


def _readable(conn: sqlite3.Connection, version: int | None) -> bool:
    if version is None or version == CURRENT_VERSION:
        return True
    # version 3 only adds the targets tables, which readers take as empty where they are
    # missing: a version-2 layout reads the same before and after migrating
    return version == 2 or (version == 1 and _has_layout_2(conn))


def apply_pending(conn: sqlite3.Connection, path: str | Path) -> list[Migration]:
    """Apply, in order, the migrations the store lacks, one transaction each (the migration,
    its record and the new version together). The caller holds the writer lock. Returns the
    migrations applied, none for a store already current."""
    version = stored_version(conn, path) or 0
    if version > CURRENT_VERSION:
        raise _newer(path, version)
    applied: list[Migration] = []
    for migration in MIGRATIONS:
        if migration.version <= version:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # read again inside the transaction: what it says cannot change before the commit
            version = stored_version(conn, path) or 0
            if version > CURRENT_VERSION:
                raise _newer(path, version)
            if migration.version <= version:
                conn.rollback()
                continue
            migration.run(conn)
            _record(conn, migration, version)
            conn.commit()
        except BaseException:
            conn.rollback()
            raise
        applied.append(migration)
    return applied


def _record(conn: sqlite3.Connection, migration: Migration, version_before: int) -> None:
    from echoscope.store.sqlite import now  # sqlite.py imports this module

    conn.execute(RECORD_TABLE)
    # a store from before migrations were recorded: the versions it already had, with no time
    conn.executemany(
        "INSERT OR IGNORE INTO schema_migrations(version, description, applied) "
        "VALUES (?, ?, NULL)",
        [(m.version, m.description) for m in MIGRATIONS if m.version <= version_before],
    )
    conn.execute(
        "INSERT OR REPLACE INTO schema_migrations(version, description, applied) VALUES (?, ?, ?)",
        (migration.version, migration.description, now()),
    )
    conn.execute(
        "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
        (str(migration.version),),
    )


def migrate(path: str | Path, *, wait: float = 0.0) -> list[Migration]:
    """Bring the store at ``path`` to this echoscope's layout (what ``echoscope migrate``
    runs): opened as a writer, so under the writer lock (``wait`` seconds for another writer
    to finish), which applies the pending migrations. Returns those applied, in order (none
    for a store already current)."""
    from echoscope.store.sqlite import Store, connect_readonly  # sqlite.py imports this module

    if Path(path).is_file():
        # not a store echoscope wrote (another program's database, an empty file): upgrading
        # it would write echoscope's tables into it
        foreign, tables = False, 0
        try:
            conn = connect_readonly(path, check_version=False)
            try:
                foreign = stored_version(conn, path) is None
                tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            pass  # not SQLite at all: the writer's open below says so
        if foreign:
            what = "another program's database" if tables else "an empty database"
            raise EchoscopeError(
                f"{path}: not an echoscope store ({what}); migrate upgrades stores an older "
                "echoscope wrote (echoscope ingest makes a new one)"
            )
    with Store(path, create=False, wait=wait) as store:
        return list(store.migrations_applied)
