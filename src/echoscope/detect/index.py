"""The token index of a store, as the engine uses it: built by the first detect, grown by each
later one, read by query mode (the files: :mod:`echoscope.store.index_files`).

Seeds are kept as sorted runs. A full build tokenizes the documents a batch at a time, spills
their seeds into hash-range buckets on disk and sorts one bucket at a time, so the whole run is
sorted by hash without ever holding it in memory; documents added later become a small run of
their own, and the newest runs are merged once there are too many (:func:`runs_to_merge`). A
seed group (one hash) is the concatenation of its rows in each run, in run order, which is
document order: the same group, in the same order, that sorting all seeds at once gives
(:func:`candidates.build_index`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import numba as nb
import numpy as np
from tqdm import tqdm

from echoscope.detect.align import concat_ranges
from echoscope.detect.budget import check_disk, format_size, free_disk, power_of_two_parts
from echoscope.detect.candidates import SeedIndex, build_index, sorted_index
from echoscope.detect.seeds import doc_seeds
from echoscope.store.index_files import (
    DamagedIndex,
    IndexArrays,
    IndexWriter,
    Manifest,
    SpillFiles,
    index_folder,
    open_arrays,
    read_manifest,
)
from echoscope.store.sqlite import Store
from echoscope.text.tokenize import TOKENIZER_VERSION, Tokens, tokenize_batch

TOKENIZE_BATCH = 2000
#: more runs than this are merged into one (each lookup searches every run)
MAX_RUNS = 8
#: bytes of memory per seed while a bucket is sorted (its rows, the packed keys, the order)
SORT_BYTES_PER_SEED = 72
#: bytes of disk per token: its hash and span (16), its seed in a run (16), spilled once (16)
DISK_BYTES_PER_TOKEN = 48
#: bytes of a seed in a run (its hash, document and position)
RUN_BYTES_PER_SEED = 16
SEED_RECORD = np.dtype([("hash", "<u8"), ("doc", "<i4"), ("pos", "<i4")])


@dataclass(slots=True)
class TokenIndex:
    """An open index: documents 0..docs-1 are the store's first ``docs`` in rowid order."""

    folder: Path
    manifest: Manifest
    arrays: IndexArrays
    #: the new files' sync, under way in the background (see :func:`update_index`), and
    #: what commits them once it is done
    syncing: Future | None = None
    publish: Callable[[], None] | None = None

    def settle(self) -> None:
        """Finish the index's commit, if one is under way: wait for the sync (its error, if it
        failed), then give the store its new key and write the manifest. Until then readers
        see the index as it was, whole."""
        if self.syncing is not None:
            done, self.syncing = self.syncing, None
            done.result()
            if self.publish is not None:
                publish, self.publish = self.publish, None
                publish()

    @property
    def ndocs(self) -> int:
        return self.manifest.docs

    @property
    def ngram(self) -> int:
        return self.manifest.ngram

    @property
    def tokens(self) -> Tokens:
        a = self.arrays
        return Tokens(a.hashes, a.starts, a.ends, a.ptr)

    @property
    def seeds(self) -> int:
        return sum(r.seeds for r in self.manifest.runs)


def _current(store: Store, manifest: Manifest | None, key: str | None) -> bool:
    """Whether ``manifest`` describes a prefix of this store's documents, tokenized as now."""
    return (
        manifest is not None
        and key is not None
        and manifest.key == key
        and manifest.tokenizer == TOKENIZER_VERSION
        and store.count_documents_upto(manifest.last_rowid) == manifest.docs
    )


@dataclass(slots=True)
class IndexState:
    """What ``echoscope info`` says of the index."""

    folder: Path
    docs: int
    tokens: int
    runs: list
    bytes: int


def index_state(store: Store) -> IndexState | None:
    """The store's current index, described; None when it has none (or one of another store
    or version, which the next detect replaces)."""
    folder = index_folder(store.path)
    manifest = read_manifest(folder)
    if not _current(store, manifest, store.index_key()) or not _whole(folder, manifest):
        return None
    size = sum(p.stat().st_size for p in folder.iterdir() if p.is_file())
    return IndexState(folder, manifest.docs, manifest.tokens, manifest.runs, size)


def _whole(folder: Path, manifest: Manifest) -> bool:
    """Whether the files hold what the manifest says (a damaged index is rebuilt)."""
    try:
        open_arrays(folder, manifest)
    except DamagedIndex:
        return False
    return True


def open_index(store: Store, ngram: int) -> TokenIndex | None:
    """The store's index for reading, if it holds the store's first documents (all of them,
    or all but those added since the last detect) with seeds of ``ngram`` words; None
    otherwise (the caller tokenizes instead, and says how to update it)."""
    folder = index_folder(store.path)
    for _attempt in range(2):  # a writer may replace the manifest between the two reads
        manifest = read_manifest(folder)
        if not _current(store, manifest, store.index_key()) or manifest.ngram != ngram:
            return None
        try:
            return TokenIndex(folder, manifest, open_arrays(folder, manifest))
        except DamagedIndex:
            continue
    return None


def update_index(
    store: Store,
    ngram: int,
    memory: int,
    *,
    progress: bool = True,
    say: Callable[[str], None] | None = None,
    settle_later: bool = False,
) -> TokenIndex:
    """The store's index, brought up to date (the caller holds the store's writer lock):
    documents added since are tokenized and become a run of seeds; an index of another store,
    tokenizer or format is rebuilt; seeds of another n-gram size are recomputed from the
    stored tokens.

    Each change gives the index and the store a new key (``meta.index_key``, written before
    the manifest): a copy of the store made earlier and put back later carries an older key,
    so its documents are never read from an index that has since grown past them.

    With ``settle_later``, the new files are synced in the background, and the caller calls
    :meth:`TokenIndex.settle` (which then rotates the key and writes the manifest) before it
    saves anything that relies on the index."""
    folder = index_folder(store.path)
    manifest = read_manifest(folder)
    changed = False
    if (
        folder.is_dir()
        and _current(store, manifest, store.index_key())
        and _whole(folder, manifest)
    ):
        writer = IndexWriter(folder, manifest)
        writer.remove_strays()
        if manifest.ngram != ngram:
            check_disk(folder, manifest.tokens * 2 * RUN_BYTES_PER_SEED, "reseeding the index")
            _reseed(writer, ngram, memory)
            changed = True
    else:
        if say and manifest is not None:
            say("the token index is of another store or version: rebuilding it")
        # run names are never reused, so a reader of the old index never opens a new file
        fresh = Manifest(
            "", TOKENIZER_VERSION, ngram, next_run=manifest.next_run if manifest else 0
        )
        writer = IndexWriter.fresh(folder, fresh)
        changed = True
    m = writer.manifest
    new_chars = store.total_chars(m.last_rowid)
    if new_chars:
        # a token is a character at least: when that much disk is free, no need to sample
        if free_disk(folder) < new_chars * DISK_BYTES_PER_TOKEN:
            per_char = _tokens_per_char(store, m.last_rowid)
            check_disk(
                folder,
                int(new_chars * per_char * DISK_BYTES_PER_TOKEN),
                "the token index of the new documents",
            )
        if say:
            say(f"indexing {format_size(new_chars)} of new text")
        first = m.docs
        batches = _tokenized(store, writer, m.last_rowid, progress=progress)
        # buckets sized for one token a character: more of them than needed costs nothing
        _add_run(writer, batches, first, new_chars, memory)
        changed = True
    if len(m.runs) > MAX_RUNS:
        first = runs_to_merge([r.seeds for r in m.runs])
        need = sum(r.seeds for r in m.runs[first:]) * RUN_BYTES_PER_SEED
        check_disk(folder, need, "merging seed runs")
        _merge_runs(writer, open_arrays(folder, m), memory, first)
        changed = True
    index = TokenIndex(folder, m, open_arrays(folder, m))
    if changed:

        def publish() -> None:
            m.key = store.new_index_key()  # before the manifest that names it
            writer.publish()

        if settle_later:
            # syncing the new bytes is the slow part of the commit, and the engine need not
            # wait for it: it reads the files already written (the caller settles the index
            # before it saves its run)
            pool = ThreadPoolExecutor(max_workers=1)
            index.syncing = pool.submit(writer.sync)
            index.publish = publish
            pool.shutdown(wait=False)
        else:
            writer.sync()
            publish()
    return index


def _tokens_per_char(store: Store, after_rowid: int, sample: int = 200) -> float:
    """Tokens per character of the first documents after ``after_rowid`` (news prose has
    about one in six, Chinese about one each): what sizes the disk check."""
    _, texts = next(store.texts_after(after_rowid, sample), ([], []))
    chars = sum(len(t) for t in texts)
    if not chars:
        return 1.0
    return max(tokenize_batch(texts).hashes.size / chars, 0.05) * 1.25  # with a margin


def _tokenized(
    store: Store, writer: IndexWriter, after_rowid: int, *, progress: bool
) -> Iterator[tuple[int, Tokens]]:
    """Tokenize the documents after ``after_rowid``, appending them to the index; yields each
    batch's first document number and tokens (two threads: the tokenizer drops the GIL)."""
    total = store.document_count_and_last()[0] - writer.manifest.docs
    bar = tqdm(total=total, desc="index", unit=" docs", disable=None if progress else True)
    with ThreadPoolExecutor(max_workers=2) as pool:
        pending: list = []

        def finish_one() -> tuple[int, Tokens]:
            fut, rowids = pending.pop(0)
            tokens = fut.result()
            first = writer.manifest.docs
            writer.append_documents(
                np.asarray(rowids, np.int64),
                tokens.ptr,
                {
                    "token.hash": tokens.hashes,
                    "token.start": tokens.starts,
                    "token.end": tokens.ends,
                },
            )
            bar.update(len(rowids))
            return first, tokens

        for rowids, texts in store.texts_after(after_rowid, TOKENIZE_BATCH):
            pending.append((pool.submit(tokenize_batch, texts), rowids))
            while len(pending) > 2:  # a few batches of text in flight at most
                yield finish_one()
        while pending:
            yield finish_one()
    bar.close()


def _stored(tokens: Tokens, first: int, docs: int, batch: int) -> Iterator[tuple[int, Tokens]]:
    """Batches of stored documents first..first+docs-1 as token arrays of their own."""
    for d0 in range(first, first + docs, batch):
        d1 = min(first + docs, d0 + batch)
        yield d0, subset_tokens(tokens, np.arange(d0, d1))


def subset_tokens(tokens: Tokens, docs: np.ndarray) -> Tokens:
    """The tokens of documents ``docs`` (in that order) as arrays of their own."""
    ptr, rows = concat_ranges(tokens.ptr[docs], tokens.ptr[docs + 1])
    return Tokens(tokens.hashes[rows], tokens.starts[rows], tokens.ends[rows], ptr)


def _add_run(
    writer: IndexWriter,
    batches: Iterable[tuple[int, Tokens]],
    first: int,
    expected_seeds: int,
    memory: int,
) -> None:
    """One run of the seeds of ``batches``: spilled into hash-range buckets when they would
    not fit in ``memory`` to sort, then sorted one bucket at a time."""
    ngram = writer.manifest.ngram
    buckets = power_of_two_parts(expected_seeds * SORT_BYTES_PER_SEED, memory)
    bits = buckets.bit_length() - 1
    spill = SpillFiles(writer.spill_folder(), "seeds", SEED_RECORD, buckets)
    docs = 0
    for start, tokens in batches:
        seeds, doc, pos = doc_seeds(tokens, ngram)
        records = np.empty(len(seeds), SEED_RECORD)
        records["hash"], records["doc"], records["pos"] = seeds, doc + start, pos
        if bits:
            bucket = (seeds >> np.uint64(64 - bits)).astype(np.int64)
            order = np.argsort(bucket, kind="stable")  # documents stay in order
            ends = np.searchsorted(bucket[order], np.arange(1, buckets + 1))
            records = records[order]
            for k, (a, b) in enumerate(zip(np.r_[0, ends[:-1]], ends, strict=True)):
                spill.append(k, records[a:b])
        else:
            spill.append(0, records)
        docs += tokens.ndocs
    name, files = writer.run_files()
    total = 0
    for k in spill:
        records = spill.read(k)
        spill.drop(k)
        index = build_index(records["hash"].copy(), records["doc"].copy(), records["pos"].copy())
        del records
        files.append(index.seeds, index.docs, index.pos)
        total += len(index.seeds)
    writer.add_run(name, first, docs, total)


def _reseed(writer: IndexWriter, ngram: int, memory: int) -> None:
    """Seeds of another n-gram size for every stored document, from the stored tokens."""
    m = writer.manifest
    arrays = open_arrays(writer.folder, m)
    tokens = Tokens(arrays.hashes, arrays.starts, arrays.ends, arrays.ptr)
    writer.replace_runs([])
    m.ngram = ngram
    if m.docs:
        _add_run(writer, _stored(tokens, 0, m.docs, TOKENIZE_BATCH), 0, m.tokens, memory)


def runs_to_merge(seeds: list[int]) -> int:
    """Where the newest runs to merge into one begin, given each run's seeds (oldest first):
    at least the last two, and every older run smaller than twice what is merged. A full
    build's run stays as it is while the runs after it are small, so a run of many small
    increments rewrites them, not the archive (the big run joins once they amount to half
    of it: each seed is rewritten a logarithmic number of times)."""
    start = max(len(seeds) - 2, 0)
    while start > 0 and seeds[start - 1] < 2 * sum(seeds[start:]):
        start -= 1
    return start


def _merge_runs(writer: IndexWriter, arrays: IndexArrays, memory: int, first: int = 0) -> None:
    """Runs ``first`` onwards as one, merged a hash range at a time (the older ones stay)."""
    m = writer.manifest
    merged = m.runs[first:]
    parts = power_of_two_parts(sum(r.seeds for r in merged) * SORT_BYTES_PER_SEED, memory)
    name, files = writer.run_files()
    newest = replace(arrays, runs=arrays.runs[first:], run_files=arrays.run_files[first:])
    for chunk in hash_ranges(newest, parts):
        files.append(chunk.seeds, chunk.docs, chunk.pos)
    kept = m.runs[:first]
    writer.replace_runs(kept)
    writer.add_run(
        name, merged[0].first_doc, sum(r.docs for r in merged), sum(r.seeds for r in merged)
    )


def hash_ranges(arrays: IndexArrays, parts: int) -> Iterator[SeedIndex]:
    """The index's seed groups as ``parts`` indexes, one per equal range of hash values
    (seed hashes are uniform), in hash order; each group whole, its rows in document order."""
    bits = parts.bit_length() - 1
    edges = [np.uint64(k << (64 - bits)) for k in range(1, parts)] if bits else []
    cuts = [np.r_[0, np.searchsorted(h, edges), len(h)].astype(np.int64) for h, _, _ in arrays.runs]
    for k in range(parts):
        pieces = [
            arrays.read_run(r, int(c[k]), int(c[k + 1]))
            for r, c in enumerate(cuts)
            if c[k + 1] > c[k]
        ]
        if not pieces:
            yield sorted_index(*(np.zeros(0, t) for t in (np.uint64, np.int32, np.int32)))
        elif len(pieces) == 1:
            yield sorted_index(*pieces[0])
        else:
            yield build_index(*(np.concatenate(col) for col in zip(*pieces, strict=True)))


#: rows of a run read at a time when a lookup streams through it
STREAM_ROWS = 4 << 20
#: rows per page of a run's hash column: a lookup with fewer needles than a run has pages
#: binary-searches the map (touching a few pages per needle); one with more streams the run,
#: so that the whole run does not stay resident as mapped pages, unless the run is small
#: enough to map whole (``mapped_bytes``): the map then touches what it needs, copies nothing
PAGE_ROWS = 512


def occurrences(
    index: TokenIndex,
    wanted: np.ndarray,
    *,
    cap: int | None = None,
    allowance: np.ndarray | None = None,
    kept: bool = False,
    mapped_bytes: int = 0,
) -> tuple[np.ndarray, ...]:
    """Every stored occurrence (seed, document, position) of the seeds ``wanted`` (sorted,
    distinct), in run order: what restricting all seeds to them gives, without reading the
    rest.

    With ``cap``, a seed is skipped when more than ``cap`` of its stored occurrences are
    beyond its ``allowance`` (default 0): a group that big is dropped as boilerplate whatever
    else joins it (:data:`params.OCCURRENCES_PER_DOCUMENT`), and a stock phrase can have
    hundreds of thousands of occurrences in an archive. ``kept`` adds a fourth value: which
    of ``wanted`` were looked up (not skipped). Runs of at most ``mapped_bytes`` together are
    read through the map whatever the number of needles (the caller's share of its memory budget:
    the pages stay resident until :meth:`IndexArrays.release`)."""
    runs = index.arrays.runs
    streamed, left = [], mapped_bytes  # the share is for all the runs mapped together
    for h, _, _ in runs:
        size = len(h) * RUN_BYTES_PER_SEED
        many = len(wanted) * PAGE_ROWS > len(h)
        streamed.append(many and size > left)
        if many and size <= left:
            left -= size
    bounds = [_bounds(index.arrays, r, wanted, streamed=streamed[r]) for r in range(len(runs))]
    keep = np.ones(len(wanted), np.bool_)
    if cap is not None and bounds:
        total = sum(hi - lo for lo, hi in bounds)
        keep = total - (allowance if allowance is not None else 0) <= cap
    looked_up = wanted[keep]
    seeds, docs, pos = [], [], []
    for r, (lo, hi) in enumerate(bounds):
        lo, hi = lo[keep], hi[keep]
        # a row's hash is the seed looked up: only its document and position are read
        seeds.append(np.repeat(looked_up, hi - lo))
        d, p = _rows(index.arrays, r, lo, hi, streamed=streamed[r])
        docs.append(d)
        pos.append(p)
    if runs:
        found = (np.concatenate(seeds), np.concatenate(docs), np.concatenate(pos))
    else:
        found = (np.zeros(0, np.uint64), np.zeros(0, np.int32), np.zeros(0, np.int32))
    return (*found, keep) if kept else found


@nb.njit(cache=True)
def _merge_bounds(block, needles, lo, hi, offset):  # pragma: no cover - compiled
    """Ranges of ``needles`` in ``block`` (both sorted) by one merge of the two; a range
    already begun in an earlier block (hi > 0) keeps its start."""
    i, n = 0, block.shape[0]
    for k in range(needles.shape[0]):
        w = needles[k]
        while i < n and block[i] < w:
            i += 1
        j = i
        while j < n and block[j] == w:
            j += 1
        if j > i:
            if hi[k] == 0:
                lo[k] = offset + i
            hi[k] = offset + j
        i = j


def _bounds(
    arrays: IndexArrays, run: int, wanted: np.ndarray, *, streamed: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Where each of ``wanted`` starts and ends in a run (an empty range where it is absent):
    a binary search through the map, or one merge a block at a time (``streamed``)."""
    h = arrays.runs[run][0]
    if not streamed:
        return np.searchsorted(h, wanted, "left"), np.searchsorted(h, wanted, "right")
    lo = np.zeros(len(wanted), np.int64)
    hi = np.zeros(len(wanted), np.int64)
    for start in range(0, len(h), STREAM_ROWS):
        block = arrays.read_hashes(run, start, min(len(h), start + STREAM_ROWS))
        a = np.searchsorted(wanted, block[0], "left")
        b = np.searchsorted(wanted, block[-1], "right")
        _merge_bounds(block, wanted[a:b], lo[a:b], hi[a:b], start)
    return lo, hi


def _rows(
    arrays: IndexArrays, run: int, lo: np.ndarray, hi: np.ndarray, *, streamed: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Documents and positions of the run's rows lo[k]:hi[k], one range after the other:
    through the map, or read a block at a time."""
    rows = concat_ranges(lo, hi)[1]
    _, docs, pos = arrays.runs[run]
    if not streamed:
        return docs[rows], pos[rows]
    out_docs, out_pos = [docs[:0].copy()], [pos[:0].copy()]
    for start in range(0, len(docs), STREAM_ROWS):
        stop = min(len(docs), start + STREAM_ROWS)
        a, b = np.searchsorted(rows, [start, stop])
        if b > a:
            block_docs, block_pos = arrays.read_places(run, start, stop)
            out_docs.append(block_docs[rows[a:b] - start])
            out_pos.append(block_pos[rows[a:b] - start])
    return np.concatenate(out_docs), np.concatenate(out_pos)
