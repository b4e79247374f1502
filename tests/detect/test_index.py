"""The token index beside a store: built by detect, grown by later runs, rebuilt when it is
another store's or damaged, cleaned after a killed run; query mode reads it and nothing else."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from echoscope import api
from echoscope.detect import index as index_module
from echoscope.detect import job
from echoscope.detect.index import MAX_RUNS, open_index
from echoscope.detect.params import DetectParams
from echoscope.errors import EchoscopeError
from echoscope.store.index_files import SPILL, index_folder, read_manifest
from echoscope.store.sqlite import Store
from echoscope.text.tokenize import TOKENIZER_VERSION, tokenize

DEMO = Path(__file__).resolve().parents[2] / "demo" / "corpus.jsonl"


def demo_lines() -> list[str]:
    return DEMO.read_text(encoding="utf-8").splitlines(keepends=True)


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(lines), encoding="utf-8")
    return path


def passages(db: Path) -> list[dict]:
    return sorted((p.as_dict() for p in api.pairs(db)), key=json.dumps)


def reference(tmp_path: Path, lines: list[str], params: DetectParams | None = None) -> list:
    """Passages of one full run over a fresh store (its own index)."""
    db = tmp_path / "reference" / "r.db"
    db.parent.mkdir(exist_ok=True)
    if db.exists():
        shutil.rmtree(db.parent)
        db.parent.mkdir()
    api.ingest(db, [write(db.parent / "all.jsonl", lines)])
    api.detect(db, params)
    return passages(db)


def test_detect_builds_the_index_and_it_holds_every_token(tmp_path):
    db = tmp_path / "t.db"
    api.ingest(db, [DEMO])
    api.detect(db)
    with Store(db, readonly=True) as store:
        index = open_index(store, DetectParams().ngram)
        assert index is not None and index.ndocs == 246
        first_text = store.texts_by_rowid([int(index.arrays.rowids[0])])[0]
    hashes, starts, ends = tokenize(first_text)
    tokens = index.tokens
    np.testing.assert_array_equal(tokens.doc(0)[0], hashes)
    np.testing.assert_array_equal(tokens.doc(0)[1], starts)
    np.testing.assert_array_equal(tokens.doc(0)[2], ends)
    manifest = read_manifest(index_folder(db))
    assert manifest.tokenizer == TOKENIZER_VERSION and manifest.tokens == len(tokens.hashes)


def test_many_incremental_runs_merge_their_seed_runs_and_equal_a_full_run(tmp_path):
    lines = demo_lines()
    db = tmp_path / "t.db"
    step = len(lines) // (MAX_RUNS + 3)
    for k in range(0, len(lines), step):
        api.ingest(db, [write(tmp_path / f"part{k}.jsonl", lines[k : k + step])])
        api.detect(db)
        runs = read_manifest(index_folder(db)).runs
        assert len(runs) <= MAX_RUNS
    assert passages(db) == reference(tmp_path, lines)


def test_runs_to_merge_keep_older_runs_twice_the_size_of_what_is_merged():
    assert index_module.runs_to_merge([1000] + [10] * 8) == 1  # the archive stays
    assert index_module.runs_to_merge([100] * 9) == 0  # equals: all of them
    assert index_module.runs_to_merge([1000, 300] + [10] * 7) == 2
    assert index_module.runs_to_merge([1000, 300] + [100] * 7) == 0  # they add up to it
    assert index_module.runs_to_merge([1000, 40] + [1] * 7) == 2  # at least the last two
    assert index_module.runs_to_merge([5, 1]) == 0


def test_small_increments_are_merged_without_rewriting_the_archives_run(tmp_path):
    lines = demo_lines()
    db = tmp_path / "t.db"
    api.ingest(db, [write(tmp_path / "base.jsonl", lines[:150])])
    api.detect(db)
    archive = read_manifest(index_folder(db)).runs[0]
    rest = lines[150:]
    step = len(rest) // (MAX_RUNS + 1)
    for k in range(0, len(rest), step):
        api.ingest(db, [write(tmp_path / f"part{k}.jsonl", rest[k : k + step])])
        api.detect(db)
        runs = read_manifest(index_folder(db)).runs
        assert len(runs) <= MAX_RUNS
        assert runs[0] == archive  # never rewritten: the increments are far smaller
    assert len(runs) < MAX_RUNS  # a merge happened
    assert passages(db) == reference(tmp_path, lines)


def test_a_killed_run_leaves_strays_that_the_next_run_removes(tmp_path):
    lines = demo_lines()
    db = tmp_path / "t.db"
    api.ingest(db, [write(tmp_path / "a.jsonl", lines[:150])])
    api.detect(db)
    folder = index_folder(db)
    sizes = {p.name: p.stat().st_size for p in folder.iterdir()}
    # what a run killed while growing the index leaves: appended bytes, a half-written run,
    # its spill
    with open(folder / "token.hash", "ab") as fh:
        fh.write(b"\x01" * 800)
    (folder / "seeds-000077.hash.tmp").write_bytes(b"\x02" * 64)
    (folder / SPILL).mkdir()
    (folder / SPILL / "matches-00000").write_bytes(b"\x03" * 64)
    with Store(db, readonly=True) as store:  # readers see the manifest's lengths only
        assert open_index(store, DetectParams().ngram).manifest.tokens * 8 == sizes["token.hash"]
    api.ingest(db, [write(tmp_path / "b.jsonl", lines[150:])])
    api.detect(db)
    names = {p.name for p in folder.iterdir()}
    assert "seeds-000077.hash.tmp" not in names and SPILL not in names
    assert passages(db) == reference(tmp_path, lines)


def test_a_replaced_store_gets_a_new_index(tmp_path):
    lines = demo_lines()
    db = tmp_path / "t.db"
    api.ingest(db, [write(tmp_path / "a.jsonl", lines[100:])])
    api.detect(db)
    old_key = read_manifest(index_folder(db)).key
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    # the same number of documents, other texts: only the key tells the index is not its own
    api.ingest(db, [write(tmp_path / "b.jsonl", lines[:106])])
    api.detect(db)
    assert read_manifest(index_folder(db)).key != old_key
    assert passages(db) == reference(tmp_path, lines[:106])


def test_a_damaged_index_is_rebuilt(tmp_path):
    db = tmp_path / "t.db"
    api.ingest(db, [DEMO])
    api.detect(db)
    with open(index_folder(db) / "token.hash", "r+b") as fh:
        fh.truncate(100)
    with Store(db, readonly=True) as store:
        assert open_index(store, DetectParams().ngram) is None  # queries tokenize instead
    api.detect(db, full=True)
    assert passages(db) == reference(tmp_path, demo_lines())


def test_another_ngram_reseeds_from_the_stored_tokens(tmp_path, monkeypatch):
    db = tmp_path / "t.db"
    api.ingest(db, [DEMO])
    api.detect(db)
    params = DetectParams(ngram=5)
    with Store(db, readonly=True) as store:
        assert open_index(store, 5) is None
    calls = []
    real = index_module.tokenize_batch
    monkeypatch.setattr(index_module, "tokenize_batch", lambda t: calls.append(1) or real(t))
    api.detect(db, params)
    assert not calls  # the tokens were kept: only seeds were recomputed
    assert read_manifest(index_folder(db)).ngram == 5
    monkeypatch.undo()
    assert passages(db) == reference(tmp_path, demo_lines(), params)


def test_query_reads_the_index_and_never_tokenizes_the_corpus(tmp_path, monkeypatch):
    db = tmp_path / "t.db"
    api.ingest(db, [DEMO])
    api.detect(db)
    speech = (DEMO.parent / "query-speech.txt").read_text(encoding="utf-8")
    expected = api.query(db, speech)
    monkeypatch.setattr(job, "load_corpus", lambda *a, **k: pytest.fail("tokenized the corpus"))
    assert api.query(db, speech) == expected
    assert len(expected) > 3


def test_query_of_a_store_ahead_of_its_index_tokenizes_and_agrees(tmp_path):
    lines = demo_lines()
    db = tmp_path / "t.db"
    api.ingest(db, [write(tmp_path / "a.jsonl", lines[:120])])
    api.detect(db)
    api.ingest(db, [write(tmp_path / "b.jsonl", lines[120:])])
    speech = (DEMO.parent / "query-speech.txt").read_text(encoding="utf-8")
    behind = api.query(db, speech)
    api.detect(db)
    assert api.query(db, speech) == behind


def test_detect_refuses_to_start_without_the_disk_it_needs(tmp_path, monkeypatch):
    db = tmp_path / "t.db"
    api.ingest(db, [DEMO])

    class Full:
        free = 1000

    monkeypatch.setattr(shutil, "disk_usage", lambda _path: Full())
    with pytest.raises(EchoscopeError, match=r"t\.db\.index: .*needs about .* of free disk"):
        api.detect(db)
    monkeypatch.undo()
    assert api.detect(db).passages > 100  # nothing was left half-done


def test_with_disk_for_a_token_a_character_no_sample_is_tokenized(tmp_path, monkeypatch):
    db = tmp_path / "t.db"
    api.ingest(db, [DEMO])

    def sample(*_args):
        raise AssertionError("sampled although the disk holds a token per character")

    monkeypatch.setattr(index_module, "_tokens_per_char", sample)
    assert api.detect(db).passages > 100


def test_info_says_what_the_index_holds(tmp_path, capsys):
    from echoscope.cli import main

    lines = demo_lines()
    db = tmp_path / "t.db"
    api.ingest(db, [write(tmp_path / "a.jsonl", lines[:200])])
    assert main(["info", "--db", str(db)]) == 0
    assert "token index: none yet" in capsys.readouterr().out
    api.detect(db)
    api.ingest(db, [write(tmp_path / "b.jsonl", lines[200:])])
    assert main(["info", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "token index: 200 documents" in out and "6 documents behind" in out


def test_memory_sizes_read_as_a_person_writes_them():
    from echoscope.detect.budget import parse_size

    assert parse_size("8G") == 8 << 30
    assert parse_size("512m") == 512 << 20
    assert parse_size("1.5GiB") == 3 << 29
    assert parse_size("300000000") == 300_000_000
    for bad in ("-2G", "9" * 401, "2 gigs"):
        with pytest.raises(ValueError, match="not a size"):
            parse_size(bad)


def test_a_store_put_back_from_a_copy_is_not_read_from_the_grown_index(tmp_path):
    lines = demo_lines()
    db = tmp_path / "t.db"
    api.ingest(db, [write(tmp_path / "a.jsonl", lines[:100])])
    api.detect(db)
    copy = tmp_path / "copy.db"
    shutil.copy(db, copy)
    api.ingest(db, [write(tmp_path / "b.jsonl", lines[100:150])])
    api.detect(db)  # the index now holds 150 documents
    shutil.copy(copy, db)  # the copy comes back, and other documents take rowids 101..
    Path(f"{db}-wal").unlink(missing_ok=True)
    Path(f"{db}-shm").unlink(missing_ok=True)
    api.ingest(db, [write(tmp_path / "c.jsonl", lines[150:])])
    with Store(db, readonly=True) as store:
        assert open_index(store, DetectParams().ngram) is None
    api.detect(db)
    assert passages(db) == reference(tmp_path, lines[:100] + lines[150:])


def test_a_reader_keeps_reading_what_it_opened_while_a_writer_replaces_the_runs(tmp_path):
    from echoscope.detect.bounded import query_echoes
    from echoscope.detect.index import update_index
    from echoscope.text.tokenize import tokenize_batch

    db = tmp_path / "t.db"
    api.ingest(db, [DEMO])
    api.detect(db)
    speech = (DEMO.parent / "query-speech.txt").read_text(encoding="utf-8")
    queries = tokenize_batch([speech, speech[: len(speech) // 2]])
    with Store(db, readonly=True) as reader:
        index = open_index(reader, 4)
        before, numbers = query_echoes(index, queries, DetectParams())
        with Store(db) as writer:  # a reseed and a rebuild replace every run file
            update_index(writer, 5, 1 << 30, progress=False)
            shutil.rmtree(index_folder(db))
            update_index(writer, 4, 1 << 30, progress=False)
        monkey = index_module.PAGE_ROWS
        try:  # streamed reads too, through the files it opened
            index_module.PAGE_ROWS = 10**9
            after, numbers_after = query_echoes(index, queries, DetectParams())
        finally:
            index_module.PAGE_ROWS = monkey
    assert len(before) > 3
    np.testing.assert_array_equal(numbers, numbers_after)
    np.testing.assert_array_equal(before.start_b, after.start_b)
    assert before.ops == after.ops


def test_a_run_that_changes_only_points_does_not_build_an_index(tmp_path):
    from echoscope.points.bursts import BurstParams

    db = tmp_path / "t.db"
    api.ingest(db, [DEMO])
    api.detect(db)
    shutil.rmtree(index_folder(db))
    assert api.detect(db, bursts=BurstParams(window_hours=12)).mode == "points"
    assert not index_folder(db).exists()


def test_an_incremental_detect_updates_the_points_in_place(tmp_path, monkeypatch):
    from echoscope.points import build

    lines = demo_lines()
    db = tmp_path / "t.db"
    api.ingest(db, [write(tmp_path / "a.jsonl", lines[:-3])])
    api.detect(db)
    api.ingest(db, [write(tmp_path / "b.jsonl", lines[-3:])])
    calls = []
    real = build.update_points
    monkeypatch.setattr(job, "update_points", lambda *a, **k: calls.append(1) or real(*a, **k))
    monkeypatch.setattr(job, "rebuild_points", lambda *a, **k: pytest.fail("rebuilt everything"))
    assert api.detect(db).mode == "incremental"
    assert calls == [1]


def test_an_index_committed_in_the_background_is_on_disk_once_settled(tmp_path):
    lines = demo_lines()
    db = tmp_path / "t.db"
    api.ingest(db, [write(tmp_path / "a.jsonl", lines[:150])])
    api.detect(db)
    api.ingest(db, [write(tmp_path / "b.jsonl", lines[150:])])
    with Store(db) as store:
        index = index_module.update_index(
            store, DetectParams().ngram, 1 << 30, progress=False, settle_later=True
        )
        # until it is settled, readers see the index as it was: whole, and current for the
        # first 150 documents (the store's key is not rotated yet)
        assert open_index(store, DetectParams().ngram).ndocs == 150
        index.settle()
        assert index.syncing is None
        on_disk = read_manifest(index_folder(db))
        assert on_disk is not None and on_disk.as_dict() == index.manifest.as_dict()
        assert open_index(store, DetectParams().ngram).ndocs == len(demo_lines())
        index.settle()  # settling twice is harmless
