"""Versioned migrations: stores written by earlier layouts are refused by readers with what to
run, brought up to date by ``migrate`` with their data intact, and then work like new ones;
a store of a newer layout is refused untouched; each migration is recorded, once."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shlex
import sqlite3
import subprocess
from pathlib import Path

import pytest

from echoscope import api
from echoscope.cli import main
from echoscope.errors import EchoscopeError
from echoscope.store import migrations
from echoscope.store.migrations import (
    CURRENT_VERSION,
    MIGRATIONS,
    TARGETS_LAYOUT,
    Migration,
    migrate,
)
from echoscope.store.sqlite import Store, index_documents
from echoscope.web import data

FIXTURES = Path(__file__).parent / "fixtures"
# the two layouts stores in use may have, both saying schema_version 1
FIRST_RELEASE = "schema_first_release.sql"
BEFORE_MIGRATIONS = "schema_before_migrations.sql"
OLD_LAYOUTS = [FIRST_RELEASE, BEFORE_MIGRATIONS]
DATA_TABLES = ("meta", "ingests", "documents", "runs", "passages", "points", "point_members")


def old_store(folder: Path, fixture: str, name: str = "old.db") -> Path:
    """A store built from a fixture's SQL, in WAL mode like every store echoscope wrote."""
    db = folder / name
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.executescript((FIXTURES / fixture).read_text(encoding="utf-8"))
    conn.close()
    return db


def tables(db: Path) -> set[str]:
    with sqlite3.connect(db) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def rows(db: Path, table: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()


def columns(db: Path, table: str) -> list[str]:
    with sqlite3.connect(db) as conn:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]


def version(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]


def recorded(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT * FROM schema_migrations ORDER BY rowid").fetchall()


TARGETS_NAMES = {
    re.search(r"(?:TABLE|INDEX) IF NOT EXISTS (\w+)", statement).group(1)
    for statement in TARGETS_LAYOUT
}


def layout(db: Path) -> dict[str, object]:
    """Every table with its columns (name, type, not null, default, key), foreign keys and
    rowid-ness, every index with its table, uniqueness and columns, every virtual table's
    definition: what a store's layout is, whatever text its CREATE statements were written in."""
    conn = sqlite3.connect(db)
    try:
        out: dict[str, object] = {}
        for name, kind, sql in conn.execute("SELECT name, type, sql FROM sqlite_master"):
            if kind == "table" and sql and sql.startswith("CREATE VIRTUAL"):
                out[name] = ("virtual", sql)
            elif kind == "table":
                without_rowid = conn.execute(
                    "SELECT wr FROM pragma_table_list WHERE name = ?", (name,)
                ).fetchone()[0]
                out[name] = (
                    "table",
                    [tuple(r[1:]) for r in conn.execute(f"PRAGMA table_xinfo({name})")],
                    sorted(tuple(r[2:5]) for r in conn.execute(f"PRAGMA foreign_key_list({name})")),
                    without_rowid,
                )
            elif kind == "index":
                table = conn.execute(
                    "SELECT tbl_name FROM sqlite_master WHERE name = ?", (name,)
                ).fetchone()[0]
                unique = [r[2] for r in conn.execute(f"PRAGMA index_list({table})") if r[1] == name]
                keys = [(r[2], r[3]) for r in conn.execute(f"PRAGMA index_xinfo({name})") if r[5]]
                out[name] = ("index", table, unique, keys)
            else:
                out[name] = (kind, sql)
        return out
    finally:
        conn.close()


def digest(db: Path) -> str:
    return hashlib.sha256(db.read_bytes()).hexdigest()


# -- (a) stores written by earlier layouts ------------------------------------------------------
def test_a_read_only_open_of_an_older_store_says_what_to_run(tmp_path):
    db = old_store(tmp_path, FIRST_RELEASE)
    before = digest(db)
    opens = (lambda: Store(db, create=False, readonly=True), lambda: data.connect(db))
    for open_read_only in opens:
        with pytest.raises(EchoscopeError) as caught:
            open_read_only()
        message = str(caught.value)
        assert "\n" not in message
        assert message.startswith(f"{db}: written by an older echoscope")
        assert f"store schema version 1; this echoscope reads version {CURRENT_VERSION}" in message
        assert message.endswith(f"echoscope migrate --db {shlex.quote(str(db))}")
    assert digest(db) == before and version(db) == "1"


def test_the_command_in_the_message_quotes_a_path_with_spaces(tmp_path):
    db = old_store(tmp_path, FIRST_RELEASE, name="old store.db")
    with pytest.raises(EchoscopeError) as caught:
        Store(db, create=False, readonly=True)
    assert str(caught.value).endswith(f"echoscope migrate --db '{db}'")


def test_the_cli_says_what_to_run_in_one_line(tmp_path, capsys):
    db = old_store(tmp_path, FIRST_RELEASE)
    assert main(["points", "--db", str(db)]) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert f"echoscope migrate --db {db}" in err


def test_a_store_of_the_last_release_before_migrations_still_reads_without_migrating(tmp_path):
    # it already has version 2's layout, so it reads the same before and after migrating, and
    # on read-only media (where it cannot be migrated) it must still read
    db = old_store(tmp_path, BEFORE_MIGRATIONS)
    before = digest(db)
    with Store(db, create=False, readonly=True) as store:
        assert store.count_passages() > 0
    conn = data.connect(db)
    conn.close()
    assert digest(db) == before and version(db) == "1"
    # a store of that version lacking one of version 2's columns is refused as before
    conn = sqlite3.connect(db)
    conn.execute("ALTER TABLE point_members DROP COLUMN match")
    conn.commit()
    conn.close()
    with pytest.raises(EchoscopeError, match="echoscope migrate"):
        Store(db, create=False, readonly=True)


@pytest.mark.parametrize("content", ["other", "empty", "junk"])
def test_migrate_refuses_a_file_echoscope_did_not_write(tmp_path, content):
    db = tmp_path / "x.db"
    if content == "other":
        conn = sqlite3.connect(db)
        conn.execute("CREATE TABLE contacts(name TEXT)")
        conn.commit()
        conn.close()
    else:
        db.write_bytes(b"" if content == "empty" else b"not a database at all, just text\n")
    before = db.read_bytes()
    with pytest.raises(EchoscopeError, match="not an echoscope"):
        migrate(db)
    assert db.read_bytes() == before


@pytest.mark.parametrize("fixture", OLD_LAYOUTS)
def test_migrate_brings_an_older_store_to_the_current_version_with_its_data(tmp_path, fixture):
    db = old_store(tmp_path, fixture)
    before = {t: rows(db, t) for t in DATA_TABLES if t in tables(db)}
    old_columns = {t: columns(db, t) for t in before}

    applied = migrate(db)

    assert [m.version for m in applied] == [m.version for m in MIGRATIONS if m.version > 1]
    assert version(db) == str(CURRENT_VERSION)
    for table, old_rows in before.items():
        now = rows(db, table)
        if table == "meta":
            old_rows = [r for r in old_rows if r[0] != "schema_version"]
            now = [r for r in now if r[0] != "schema_version"]
        # the old columns keep their values, in their places; added ones come after, empty
        assert columns(db, table)[: len(old_columns[table])] == old_columns[table]
        assert [r[: len(old_columns[table])] for r in now] == old_rows, table
    assert "similarity" in columns(db, "passages")
    assert "match" in columns(db, "point_members")
    if fixture == FIRST_RELEASE:
        assert {r[-1] for r in rows(db, "passages")} == {None}
    # later opens work: readers, the API, the viewer
    with Store(db, create=False, readonly=True) as store:
        assert store.count_documents() == 4 and store.count_passages() == 3
    assert len(api.pairs(db)) == 3
    conn = data.connect(db)
    try:
        pair = data.pair(conn, rows(db, "passages")[0][0])
        assert "similarity" in pair
    finally:
        conn.close()
    assert migrate(db) == []


@pytest.mark.parametrize("fixture", OLD_LAYOUTS)
def test_detect_and_points_on_a_migrated_store_equal_those_of_a_fresh_one(tmp_path, fixture):
    db = old_store(tmp_path, fixture)
    migrate(db)
    corpus = tmp_path / "corpus.jsonl"
    fields = ("id", "series", "date", "speaker", "outlet", "title", "text")
    with sqlite3.connect(db) as conn:
        docs = conn.execute(f"SELECT {', '.join(fields)} FROM documents ORDER BY rowid").fetchall()
    records = [{k: v for k, v in zip(fields, d, strict=True) if v is not None} for d in docs]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    fresh = tmp_path / "fresh.db"
    api.ingest(fresh, [corpus])
    for store in (db, fresh):
        assert main(["detect", "--db", str(store), "--full", "-q"]) == 0
    assert api.pairs(db) == api.pairs(fresh) and len(api.pairs(db)) == 3
    points, fresh_points = api.points(db), api.points(fresh)
    assert len(points) == 1
    assert points.drop(columns="run_id").equals(fresh_points.drop(columns="run_id"))
    assert api.members(db).equals(api.members(fresh))
    assert main(["points", "--db", str(db)]) == 0


def test_a_store_between_releases_gains_the_columns_it_lacks(tmp_path):
    """Written after talking points but before paraphrase matching: the tables are there, two
    columns are not."""
    db = old_store(tmp_path, BEFORE_MIGRATIONS)
    with sqlite3.connect(db) as conn:
        conn.executescript(
            "ALTER TABLE passages DROP COLUMN similarity;"
            "ALTER TABLE point_members DROP COLUMN match;"
        )
    with Store(db) as store:
        assert [m.version for m in store.migrations_applied] == [2, 3]
    assert "similarity" in columns(db, "passages")
    assert "match" in columns(db, "point_members")


# -- (b) a store of a newer layout --------------------------------------------------------------
def test_a_newer_store_is_refused_by_every_open_and_left_unchanged(tmp_path):
    db = tmp_path / "newer.db"
    with Store(db):
        pass
    with sqlite3.connect(db) as conn:
        # rollback journal: a writable open that set WAL before refusing would change the file
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute(
            "UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(CURRENT_VERSION + 1),)
        )
    before, layout_before = digest(db), layout(db)
    opens = (
        lambda: Store(db),
        lambda: Store(db, create=False, readonly=True),
        lambda: data.connect(db),
        lambda: migrate(db),
        lambda: api.detect(db),
    )
    for open_store in opens:
        with pytest.raises(EchoscopeError) as caught:
            open_store()
        message = str(caught.value)
        assert "\n" not in message
        assert message.startswith(f"{db}: written by a newer echoscope")
        assert f"store schema version {CURRENT_VERSION + 1};" in message
        assert "upgrade echoscope" in message
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        assert index_documents(conn) == 0  # the viewer's one write is not made either
    finally:
        conn.close()
    conn = sqlite3.connect(db)
    try:  # the runner's own check, for a caller that skipped the open's
        with pytest.raises(EchoscopeError, match="written by a newer echoscope"):
            migrations.apply_pending(conn, db)
    finally:
        conn.close()
    assert digest(db) == before and layout(db) == layout_before
    assert not Path(f"{db}-wal").exists()


def test_a_writable_open_of_an_older_store_migrates_it_but_the_viewer_index_does_not(tmp_path):
    db = old_store(tmp_path, FIRST_RELEASE)
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        assert index_documents(conn) == 0
    finally:
        conn.close()
    assert "documents_fts" not in tables(db) and version(db) == "1"
    with Store(db):
        pass
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        assert index_documents(conn) == 4
    finally:
        conn.close()


# -- (c) recorded in order, applied once --------------------------------------------------------
def test_migrations_are_numbered_in_order():
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert MIGRATIONS[-1].version == CURRENT_VERSION
    assert all(m.description and "\n" not in m.description for m in MIGRATIONS)


def test_a_fresh_store_records_every_migration_in_order_and_a_second_open_applies_none(tmp_path):
    db = tmp_path / "fresh.db"
    with Store(db) as store:
        assert [m.version for m in store.migrations_applied] == [m.version for m in MIGRATIONS]
    record = recorded(db)
    assert [(v, d) for v, d, _ in record] == [(m.version, m.description) for m in MIGRATIONS]
    assert all(applied for _, _, applied in record)
    assert version(db) == str(CURRENT_VERSION)
    layout_before = layout(db)
    with Store(db) as store:
        assert store.migrations_applied == ()
    assert migrate(db) == []
    assert recorded(db) == record and layout(db) == layout_before


def test_an_older_store_records_its_own_version_as_applied_at_an_unknown_time(tmp_path):
    db = old_store(tmp_path, FIRST_RELEASE)
    migrate(db)
    record = recorded(db)
    assert [v for v, _, _ in record] == [m.version for m in MIGRATIONS]
    assert record[0][2] is None and all(applied for _, _, applied in record[1:])


def test_a_failing_migration_leaves_the_store_at_the_version_before_it(tmp_path, monkeypatch):
    db = tmp_path / "s.db"

    def half_done(conn: sqlite3.Connection) -> None:
        conn.execute("CREATE TABLE half_done (x)")
        raise EchoscopeError("disk full, say")

    broken = MIGRATIONS[-1]
    monkeypatch.setattr(
        migrations,
        "MIGRATIONS",
        (*MIGRATIONS[:-1], Migration(broken.version, broken.description, half_done)),
    )
    with pytest.raises(EchoscopeError, match="disk full"):
        Store(db)
    assert version(db) == str(CURRENT_VERSION - 1)
    assert [v for v, _, _ in recorded(db)] == list(range(1, CURRENT_VERSION))
    assert "half_done" not in tables(db)
    monkeypatch.undo()
    # the next writable open resumes from there
    with Store(db) as store:
        assert [m.version for m in store.migrations_applied] == [CURRENT_VERSION]
    assert version(db) == str(CURRENT_VERSION)


# -- (d) a fresh store has the layout stores had before migrations ------------------------------
def test_a_fresh_store_has_the_layout_of_the_store_before_migrations(tmp_path):
    fresh = tmp_path / "fresh.db"
    with Store(fresh):
        pass
    expected = layout(old_store(tmp_path, BEFORE_MIGRATIONS))
    got = layout(fresh)
    assert got.pop("schema_migrations")[0] == "table"
    # what version 3 added: the targets tables and their indexes, nothing else
    added = {name for name in got if name not in expected}
    assert added == TARGETS_NAMES
    assert {k: v for k, v in got.items() if k not in added} == expected


@pytest.mark.parametrize("fixture", OLD_LAYOUTS)
def test_a_migrated_store_has_the_layout_of_a_fresh_one(tmp_path, fixture):
    fresh = tmp_path / "fresh.db"
    with Store(fresh):
        pass
    db = old_store(tmp_path, fixture)
    migrate(db)
    assert layout(db) == layout(fresh)


# -- files that are not (yet) echoscope stores ----------------------------------------------------
def test_a_file_without_a_version_opens_as_before(tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE meta (name TEXT)")  # someone else's table of that name
    for db in (empty, other):
        store = Store(db, create=False, readonly=True)  # opens; its first query fails
        with pytest.raises(sqlite3.OperationalError, match="no such table: documents"):
            store.count_documents()
        store.close()
    # a writer makes it a store, as it always did
    with Store(empty) as store:
        assert store.count_documents() == 0
    assert version(empty) == str(CURRENT_VERSION)


def test_a_file_that_is_not_a_database_or_has_a_broken_version_is_one_line(tmp_path):
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database at all " * 200)
    for readonly in (False, True):
        with pytest.raises(EchoscopeError, match="not an echoscope database: file is not a"):
            Store(garbage, create=False, readonly=readonly)
    db = old_store(tmp_path, FIRST_RELEASE)
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = 'two' WHERE key = 'schema_version'")
    for readonly in (False, True):
        with pytest.raises(EchoscopeError, match="its schema version 'two' is not a number"):
            Store(db, create=False, readonly=readonly)


# -- read-only media ------------------------------------------------------------------------------
@pytest.fixture
def read_only_view(tmp_path):
    """A function making a read-only bind mount of a folder (needs root; skips elsewhere)."""
    mounts: list[Path] = []

    def make(folder: Path) -> Path:
        if os.geteuid() != 0:
            pytest.skip("a read-only mount needs root")
        view = tmp_path / f"ro-{len(mounts)}"
        view.mkdir()
        try:
            res = subprocess.run(
                ["mount", "--bind", "-o", "ro", str(folder), str(view)], capture_output=True
            )
        except OSError:
            pytest.skip("no mount command here")
        if res.returncode != 0:
            pytest.skip("cannot make a read-only mount here")
        mounts.append(view)
        return view

    yield make
    for view in mounts:
        subprocess.run(["umount", str(view)], check=False)


def test_an_older_store_on_read_only_media_is_refused_with_what_to_run(tmp_path, read_only_view):
    media = tmp_path / "media"
    media.mkdir()
    old_store(media, FIRST_RELEASE)
    current = media / "current.db"
    with Store(current):
        pass
    view = read_only_view(media)
    with pytest.raises(EchoscopeError, match="written by an older echoscope"):
        Store(view / "old.db", create=False, readonly=True)
    with Store(view / "current.db", create=False, readonly=True) as store:  # immutable open
        assert store.count_documents() == 0


def test_the_migrate_command_upgrades_an_older_store_once(tmp_path, capsys):
    from echoscope.cli import main

    db = old_store(tmp_path, "schema_first_release.sql")
    assert main(["points", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "older echoscope" in err and f"echoscope migrate --db {db}" in err
    assert main(["migrate", "--db", str(db)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert [line.split(": ")[1] for line in out] == ["applied migration 2", "applied migration 3"]
    assert main(["migrate", "--db", str(db)]) == 0
    assert "nothing to do" in capsys.readouterr().out
    assert main(["info", "--db", str(db)]) == 0
    assert "4 documents, 3 passage pairs" in capsys.readouterr().out


def test_the_viewer_indexes_a_store_of_the_last_release_before_migrations_as_it_is(tmp_path):
    # it reads without migrating, so its search must work as it did
    db = old_store(tmp_path, BEFORE_MIGRATIONS)
    conn = sqlite3.connect(db, isolation_level=None)
    try:
        assert index_documents(conn) == len(rows(db, "documents")) > 0
    finally:
        conn.close()
    assert "documents_fts" in tables(db) and version(db) == "1"
