"""Nothing lost: one writer at a time, outputs never over the store, stable passage ids,
read-only media, service accounts, interrupts, and real kill -9s."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from echoscope import api
from echoscope.cli import main
from echoscope.detect.params import DetectParams
from echoscope.errors import EchoscopeError
from echoscope.store.lock import StoreBusy, WriterLock
from echoscope.store.sqlite import Store, interrupts_deferred

SRC = Path(__file__).resolve().parents[2] / "src"


def write_jsonl(path: Path, docs: list[dict]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    return path


def planted(maker, n_docs: int, prefix: str, n_points: int = 6, words: int = 150) -> list[dict]:
    bodies = [maker.sentences(words) for _ in range(n_docs)]
    for p in range(n_points):
        passage = maker.sentences(40)
        for k in range(3):
            bodies[(p * 7 + k * 3) % n_docs] += " " + passage
    return [
        {"id": f"{prefix}{i:05d}", "text": t, "speaker": f"s{i % 5}"} for i, t in enumerate(bodies)
    ]


def passage_rows(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as c:
        return sorted(
            c.execute("SELECT doc_a, start_a, end_a, doc_b, start_b, end_b FROM passages")
        )


def cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "echoscope.cli", *args],
        capture_output=True,
        text=True,
        env=env,
        **kwargs,
    )


@pytest.fixture
def grown_store(tmp_path, maker):
    """A detected store that then received new documents (so a detect has work to do), and
    the same corpus detected in one go, for comparison."""
    old_docs, new_docs = planted(maker, 300, "a"), planted(maker, 300, "b")
    new_docs[5]["text"] += " " + old_docs[0]["text"][-400:]  # a new pair ordered among old ones
    old = write_jsonl(tmp_path / "old.jsonl", old_docs)
    new = write_jsonl(tmp_path / "new.jsonl", new_docs)
    db = tmp_path / "talk.db"
    api.ingest(db, [old])
    api.detect(db)
    api.ingest(db, [new])
    ref = tmp_path / "ref.db"
    api.ingest(ref, [old, new])
    api.detect(ref)
    return db, ref


# -- one writer at a time ---------------------------------------------------------------------


@contextlib.contextmanager
def writer_in_another_process(db: Path):
    """A process holding the store open for writing until the block ends, then killed (-9)."""
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from echoscope.store.sqlite import Store; "
            "s = Store(sys.argv[1]); print('held', flush=True); time.sleep(60)",
            str(db),
        ],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        yield holder
    finally:
        holder.kill()
        holder.wait()


def test_second_writer_stops_naming_the_first(tmp_path):
    db = tmp_path / "talk.db"
    with writer_in_another_process(db) as holder:
        with pytest.raises(StoreBusy, match=rf"pid {holder.pid}\b"):
            Store(db)
        res = cli("ingest", str(tmp_path), "--db", str(db))
        assert res.returncode == 1
        assert f"pid {holder.pid}" in res.stderr and "writing to this store" in res.stderr
        assert "Traceback" not in res.stderr and len(res.stderr.strip().splitlines()) == 1
        # a reader is never blocked
        with Store(db, create=False, readonly=True) as s:
            assert s.count_documents() == 0
    # the lock died with its holder (kill -9): the next writer gets it at once
    with Store(db) as s:
        assert s.count_documents() == 0


def test_wait_for_the_other_writer(tmp_path):
    db = tmp_path / "talk.db"
    lock = WriterLock(db)
    lock.acquire()
    try:
        t = time.perf_counter()
        with pytest.raises(StoreBusy):
            _other_process_lock(db, 0.5)
        assert time.perf_counter() - t >= 0.4
    finally:
        lock.release()


def _other_process_lock(db: Path, wait: float) -> None:
    """Take the lock from another process (this one may hold it: locks are per process)."""
    res = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from echoscope.store.lock import WriterLock, StoreBusy\n"
            "try:\n WriterLock(sys.argv[1], wait=float(sys.argv[2])).acquire()\n"
            "except StoreBusy as e:\n print(e); sys.exit(3)",
            str(db),
            str(wait),
        ],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    if res.returncode == 3:
        raise StoreBusy(res.stdout.strip())
    assert res.returncode == 0, res.stderr


def test_two_detects_at_once_never_duplicate(grown_store):
    db, ref = grown_store
    first = subprocess.Popen(
        [sys.executable, "-m", "echoscope.cli", "detect", "--db", str(db), "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    time.sleep(0.5)
    second = cli("detect", "--db", str(db), "-q")
    _, err1 = first.communicate(timeout=300)
    codes = sorted([first.returncode, second.returncode])
    assert codes[0] == 0, (err1, second.stderr)
    if codes[1] != 0:  # the second found the first running: one clear line, nothing written
        busy = second.stderr if second.returncode else err1
        assert "another echoscope is writing" in busy and "Traceback" not in busy
    rows = passage_rows(db)
    assert len(rows) == len(set(rows)), "duplicated passages"
    assert rows == passage_rows(ref)
    # and with --wait both run, the second finding the work done
    a = subprocess.Popen(
        [sys.executable, "-m", "echoscope.cli", "detect", "--db", str(db), "--full", "-q"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    time.sleep(0.3)
    b = cli("detect", "--db", str(db), "--wait", "300", "-q")
    a.communicate(timeout=300)
    assert a.returncode == 0 and b.returncode == 0, b.stderr
    assert passage_rows(db) == passage_rows(ref)


def test_detect_rechecks_the_store_before_saving(grown_store, monkeypatch):
    """A writer that bypasses the lock (an older version, sqlite3 by hand) between a detect's
    plan and its save: the detect refuses to save stale results."""
    import echoscope.detect.job as job

    db, _ = grown_store
    before = passage_rows(db)

    def then_someone_writes(stage):
        def run(*args, **kwargs):
            out = stage(*args, **kwargs)
            with sqlite3.connect(db) as c:
                c.execute("INSERT INTO documents(id, chars, text) VALUES ('sneaky', 3, 'abc')")
            return out

        return run

    # the lexical stage of a full run, and of an incremental one
    monkeypatch.setattr(job, "all_pairs", then_someone_writes(job.all_pairs))
    monkeypatch.setattr(job, "new_pairs", then_someone_writes(job.new_pairs))
    with pytest.raises(EchoscopeError, match="changed while this detect ran"):
        api.detect(db)
    assert passage_rows(db) == before


# -- outputs never over the store or an input ---------------------------------------------------


def test_outputs_never_overwrite_the_store(demo_db, tmp_path, capsys):
    db = tmp_path / "talk.db"
    db.write_bytes(demo_db.read_bytes())
    size = db.stat().st_size
    query = tmp_path / "q.txt"
    query.write_text("nothing to see here at all", encoding="utf-8")
    attempts = [
        ["export", "pairs", "--db", str(db), "--out", str(db)],
        ["export", "points", "--db", str(db), "--format", "csv", "--out", str(db)],
        ["export", "network", "--db", str(db), "--out", f"{db}-wal"],
        ["detect", "--db", str(db), "--query", str(query), "--out", str(db)],
        ["detect", "--db", str(db), "--query", str(query), "--out", str(query)],
        ["ingest", str(query), "--db", str(db), "--skip-bad", "--rejects", str(db)],
        ["ingest", str(query), "--db", str(db), "--skip-bad", "--rejects", str(query)],
    ]
    for argv in attempts:
        assert main(argv) == 1, argv
        err = capsys.readouterr().err
        assert "refusing to write" in err and len(err.strip().splitlines()) == 1, argv
    assert db.stat().st_size == size
    assert query.read_text(encoding="utf-8") == "nothing to see here at all"
    with Store(db, create=False, readonly=True) as s:
        assert s.count_documents() == 246


def test_failed_export_keeps_the_old_file(demo_db, tmp_path, monkeypatch):
    import echoscope.store.export as export

    out = tmp_path / "pairs.jsonl"
    assert main(["export", "pairs", "--db", str(demo_db), "--out", str(out)]) == 0
    good = out.read_bytes()
    real = export._records

    def fails_halfway(store, with_text):
        for i, chunk in enumerate(real(store, with_text)):
            yield chunk
            if i == 0:
                raise OSError(28, "No space left on device")

    monkeypatch.setattr(export, "_CHUNK", 20)
    monkeypatch.setattr(export, "_records", fails_halfway)
    assert main(["export", "pairs", "--db", str(demo_db), "--out", str(out)]) == 1
    assert out.read_bytes() == good
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pairs.jsonl"]  # no temp file left


# -- stable passage ids -------------------------------------------------------------------------


def test_passage_ids_survive_a_full_redetect(grown_store):
    db, _ = grown_store
    api.detect(db)

    def ids() -> dict[int, tuple]:
        with sqlite3.connect(db) as c:
            return {
                r[0]: r[1:]
                for r in c.execute(
                    "SELECT id, doc_a, start_a, end_a, doc_b, start_b, end_b FROM passages"
                )
            }

    before = ids()
    api.detect(db, full=True)
    assert ids() == before
    # other parameters: some passages go, and take their ids with them; no other pair
    # inherits one (renumbering would hand the first ids to other pairs)
    api.detect(db, DetectParams(min_tokens=45))
    after = ids()
    assert 0 < len(after) < len(before)
    assert all(before.get(k) == v for k, v in after.items())


def test_symlinked_store_path_takes_the_same_lock(tmp_path):
    db = tmp_path / "real.db"
    alias = tmp_path / "alias.db"
    alias.symlink_to(db)
    with writer_in_another_process(db), pytest.raises(StoreBusy, match=str(alias)):
        _other_process_lock(alias, 0)


def test_store_and_report_inside_the_corpus_folder(tmp_path, maker):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(3):
        (corpus / f"d{i}.txt").write_text(maker.sentences(30), encoding="utf-8")
    os.chdir(corpus)  # tmp_path is per test; pytest restores nothing, so go back below
    try:
        assert main(["ingest", ".", "--db", "talk.db", "-q"]) == 0
        assert main(["ingest", ".", "--db", "other.db", "--rejects", "d0.txt", "-q"]) == 1
    finally:
        os.chdir(tmp_path)
    with Store(corpus / "talk.db", create=False, readonly=True) as s:
        assert s.count_documents() == 3
    assert not (corpus / "other.db").exists()  # refused before the store was made


# -- read-only media and service accounts --------------------------------------------------------


@pytest.fixture
def read_only_copy(tmp_path):
    """A function making a read-only view of a folder: a read-only bind mount where we may
    mount (root), else a folder without write permission; skips where neither gives one."""
    mounts: list[Path] = []
    chmodded: list[Path] = []

    def make(folder: Path) -> Path:
        if os.geteuid() == 0:
            view = tmp_path / f"ro-{len(mounts)}"
            view.mkdir()
            try:
                res = subprocess.run(
                    ["mount", "--bind", "-o", "ro", str(folder), str(view)],
                    capture_output=True,
                )
            except OSError:
                pytest.skip("no mount command here")
            if res.returncode != 0:
                pytest.skip("cannot make a read-only mount here")
            mounts.append(view)
        else:
            for p in [folder, *folder.rglob("*")]:
                if p.is_dir():
                    p.chmod(0o555)
                    chmodded.append(p)
            view = folder
        if os.access(view, os.W_OK):
            pytest.skip("the read-only view is writable here")
        return view

    yield make
    for view in mounts:
        subprocess.run(["umount", str(view)], check=False)
    for p in chmodded:
        p.chmod(0o755)


def test_store_on_read_only_media(demo_db, tmp_path, read_only_copy, capsys):
    media = tmp_path / "media"
    media.mkdir()
    (media / "talk.db").write_bytes(demo_db.read_bytes())
    db = read_only_copy(media) / "talk.db"
    with pytest.raises(OSError):
        (db.parent / "probe").write_text("x")
    out = tmp_path / "out"
    out.mkdir()
    for argv in (
        ["info", "--db", str(db)],
        ["pairs", "--db", str(db), "--top", "2", "--color", "never"],
        ["points", "--db", str(db), "--top", "2"],
        ["export", "pairs", "--db", str(db), "--out", str(out / "p.jsonl")],
        ["report", "--db", str(db), "--out", str(out / "site"), "-q"],
        [
            "detect",
            "--db",
            str(db),
            "--query",
            str(Path(__file__).parents[2] / "demo" / "query-speech.txt"),
        ],
    ):
        assert main(argv) == 0, (argv, capsys.readouterr().err)
    capsys.readouterr()
    from echoscope.web import data

    conn = data.connect(db)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 246
    conn.close()
    assert data.index_for_search(db) == 0  # served as it is
    # writing is refused with one clear line
    assert main(["detect", "--db", str(db), "--full"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_read_only_store_with_pending_log_says_what_to_do(demo_db, tmp_path, read_only_copy):
    media = tmp_path / "media"
    media.mkdir()
    (media / "talk.db").write_bytes(demo_db.read_bytes())
    (media / "talk.db-wal").write_bytes(b"\0" * 64)  # a log a killed writer left behind
    db = read_only_copy(media) / "talk.db"
    with pytest.raises(EchoscopeError, match="write-ahead log"):
        Store(db, create=False, readonly=True)


@pytest.fixture
def request_cleanup():
    folders: list[Path] = []
    yield folders
    for f in folders:
        shutil.rmtree(f, ignore_errors=True)


def test_another_accounts_store_is_refused_not_served_stale(demo_db, tmp_path, request_cleanup):
    """A store in a folder this account may not write (its owner may be writing it): a clear
    refusal, never an immutable view that would miss the owner's writes."""
    if os.geteuid() != 0:
        pytest.skip("needs root to run a command as another account")
    setpriv = shutil.which("setpriv")
    if not setpriv:
        pytest.skip("no setpriv here")
    import tempfile

    as_nobody = [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable]
    probe = subprocess.run(
        [*as_nobody, "-c", "import echoscope.cli"],
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(SRC)},
    )
    if probe.returncode != 0:
        pytest.skip("another account cannot run this checkout here")
    folder = Path(tempfile.mkdtemp())  # pytest's own folders are private to their owner
    request_cleanup.append(folder)
    (folder / "talk.db").write_bytes(demo_db.read_bytes())
    os.chmod(folder, 0o755)
    os.chmod(folder / "talk.db", 0o644)
    res = subprocess.run(
        [*as_nobody, "-m", "echoscope.cli", "info", "--db", str(folder / "talk.db")],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(SRC), "HOME": str(folder)},
    )
    assert res.returncode == 1, res.stdout
    assert "not writable here" in res.stderr and "Traceback" not in res.stderr


def test_service_account_with_read_only_install(demo_db, tmp_path, read_only_copy):
    """No writable home, the package on a read-only file system: numba must still run."""
    install = tmp_path / "install"
    shutil.copytree(SRC, install, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
    ro_install = read_only_copy(install)
    home = tmp_path / "home"
    home.mkdir()
    ro_home = read_only_copy(home)
    db = tmp_path / "talk.db"
    db.write_bytes(demo_db.read_bytes())
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NUMBA_", "XDG_"))}
    env.update(HOME=str(ro_home), PYTHONPATH=str(ro_install))
    res = subprocess.run(
        [sys.executable, "-m", "echoscope.cli", "detect", "--db", str(db), "--full", "-q"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert res.returncode == 0, res.stderr
    assert "cannot cache" not in res.stderr and "Traceback" not in res.stderr


# -- interrupts and kills -----------------------------------------------------------------------


def test_interrupt_during_commit_is_delivered_after_it():
    with pytest.raises(KeyboardInterrupt), interrupts_deferred():
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(0.05)
        reached = True
    assert reached


def test_ctrl_c_after_ingest_committed_says_it_is_kept(tmp_path, maker, monkeypatch, capsys):
    src = write_jsonl(tmp_path / "a.jsonl", planted(maker, 5, "x", n_points=1))
    db = tmp_path / "talk.db"

    def interrupted(self):
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, "count_documents", interrupted)
    assert main(["ingest", str(src), "--db", str(db), "-q"]) == 130
    err = capsys.readouterr().err
    assert "after the ingest was committed" in err
    monkeypatch.undo()
    with Store(db, create=False, readonly=True) as s:
        assert s.count_documents() == 5


def test_kill_9_during_detect_leaves_the_store_whole(grown_store):
    """Real kills at several moments of a detect; after each, the store opens, holds the
    previous run's results, and a rerun equals an uninterrupted run."""
    db, ref = grown_store
    before = passage_rows(db)
    for delay in (0.6, 1.2, 2.0):
        proc = subprocess.Popen(
            [sys.executable, "-m", "echoscope.cli", "detect", "--db", str(db), "-q"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "PYTHONPATH": str(SRC)},
        )
        time.sleep(delay)
        proc.kill()
        proc.wait()
        with sqlite3.connect(db) as c:
            assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        now = passage_rows(db)
        assert now in (before, passage_rows(ref))  # the old state, or the finished run
        if now != before:
            break
    assert cli("detect", "--db", str(db), "-q").returncode == 0
    assert passage_rows(db) == passage_rows(ref)
