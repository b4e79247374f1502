"""The Apache Spark engine: the local engine's stages, run inside partition-level operations.

    documents --mapInArrow(tokenize, doc_seeds)--> seed occurrences (seed, doc, pos, series)
      -> per-seed document frequency by two partial aggregations (skew-safe: no seed's
         occurrences are ever gathered in one place to be counted)
      -> left-semi join keeps the seeds within the cap (AQE splits skewed join partitions)
      -> shuffle by seed hash --mapInArrow(build_index, seed_matches)--> seed matches
      -> shuffle by document pair, with the texts of the documents each partition needs
         --mapInArrow(tokenize, align_matches)--> passages

Every numeric step is a function of :mod:`echoscope.detect.local`, :mod:`.candidates` or
:mod:`echoscope.text.tokenize`, called on the rows of one partition: there is no second
implementation of the algorithm, and the passages equal the local engine's.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import numpy as np
import pyarrow as pa
from pyspark import StorageLevel
from pyspark.sql import DataFrame, SparkSession
from pyspark.sql import functions as F

from echoscope.detect.candidates import build_index, seed_matches, sort_matches
from echoscope.detect.local import align_matches
from echoscope.detect.params import OCCURRENCES_PER_DOCUMENT, DetectParams
from echoscope.detect.seeds import doc_seeds
from echoscope.errors import EchoscopeError
from echoscope.model import OWN_SERIES
from echoscope.text.tokenize import tokenize_batch

OCCURRENCES = "seed long, doc long, pos int, series long"
MATCHES = "doc_a long, doc_b long, pos_a int, pos_b int"
WORK = "part int, doc_a long, doc_b long, pos_a int, pos_b int, text string"
PASSAGES = (
    "doc_a long, doc_b long, start_a long, end_a long, start_b long, end_b long, "
    "tokens_a long, tokens_b long, score long, identity double, ops string, kind string"
)


def session(master: str | None = "local[*]", **conf: str) -> SparkSession:
    """A Spark session (or the running one) with the settings the engine relies on.
    ``master=None`` leaves the master to spark-submit."""
    builder = SparkSession.builder.appName("echoscope")
    if master:
        builder = builder.master(master)
    settings = {
        "spark.sql.adaptive.enabled": "true",
        "spark.sql.adaptive.skewJoin.enabled": "true",
        "spark.sql.execution.arrow.pyspark.enabled": "true",
        "spark.ui.showConsoleProgress": "false",
        **conf,
    }
    if (master or "").startswith("local"):  # workers run this Python, which has echoscope installed
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    for key, value in settings.items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def number_series(docs: DataFrame) -> DataFrame:
    """Add ``series_no``: equal for documents of one series, and a document without a series
    (or with an empty one) is its own series (as :func:`echoscope.detect.job.series_numbers`).
    A series is numbered by its first document, so recomputing a lost partition gives the same
    numbers."""
    named = F.when(F.col("series").cast("string") != "", F.col("series").cast("string"))
    key = F.coalesce(named, F.concat(F.lit(OWN_SERIES), F.col("id")))  # model.series_key
    docs = docs.withColumn("series_key", key)
    numbers = docs.groupBy("series_key").agg(F.min("idx").alias("series_no"))
    return docs.join(numbers, "series_key").drop("series_key")


# -- partition functions (each receives Arrow record batches of one partition) ---------------
def _seed_partition(batches: Iterator[pa.RecordBatch], ngram: int) -> Iterator[pa.RecordBatch]:
    for batch in batches:
        idx = batch.column("idx").to_numpy(zero_copy_only=False)
        series = batch.column("series_no").to_numpy(zero_copy_only=False)
        tokens = tokenize_batch(batch.column("text").to_pylist())
        seeds, docs, pos = doc_seeds(tokens, ngram)
        yield pa.RecordBatch.from_arrays(
            [
                pa.array(seeds.view(np.int64)),
                pa.array(idx[docs].astype(np.int64)),
                pa.array(pos.astype(np.int32)),
                pa.array(series[docs].astype(np.int64)),
            ],
            names=["seed", "doc", "pos", "series"],
        )


def _columns(batches: Iterator[pa.RecordBatch]) -> pa.Table | None:
    batches = [b for b in batches if b.num_rows]
    return pa.Table.from_batches(batches) if batches else None


def _match_partition(batches: Iterator[pa.RecordBatch], max_df: int) -> Iterator[pa.RecordBatch]:
    """Whole seed groups (the shuffle was by seed): the local index and emission rules."""
    table = _columns(batches)
    if table is None:
        return
    seeds = table.column("seed").to_numpy().view(np.uint64)
    docs = table.column("doc").to_numpy()
    pos = table.column("pos").to_numpy()
    series = table.column("series").to_numpy()
    order = np.lexsort((pos, docs, seeds))  # groups in (document, position) order, as locally
    seeds, docs, pos, series = seeds[order], docs[order], pos[order], series[order]
    # number this partition's documents 0..n-1 in corpus order; the rules only compare them
    uniq, local = np.unique(docs, return_inverse=True)
    local_series = np.empty(len(uniq), np.int64)
    local_series[local] = series
    index = build_index(seeds, local.astype(np.int32), pos.astype(np.int32))
    m = seed_matches(index, local_series, max_df=max_df)
    yield pa.RecordBatch.from_arrays(
        [
            pa.array(uniq[m.doc_a]),
            pa.array(uniq[m.doc_b]),
            pa.array(m.pos_a),
            pa.array(m.pos_b),
        ],
        names=["doc_a", "doc_b", "pos_a", "pos_b"],
    )


def _align_partition(
    batches: Iterator[pa.RecordBatch], params: DetectParams
) -> Iterator[pa.RecordBatch]:
    """Every seed match of some document pairs, and the texts of their documents."""
    table = _columns(batches)
    if table is None:
        return
    is_text = table.column("text").is_valid().to_numpy(zero_copy_only=False)
    doc_a = table.column("doc_a").to_numpy(zero_copy_only=False)
    texts = dict(
        zip(
            doc_a[is_text].tolist(),
            table.filter(pa.array(is_text)).column("text").to_pylist(),
            strict=True,
        )
    )
    m = table.filter(pa.array(~is_text))
    if not m.num_rows:
        return
    docs = np.array(sorted(texts), dtype=np.int64)
    tokens = tokenize_batch([texts[d] for d in docs.tolist()])
    a = np.searchsorted(docs, m.column("doc_a").to_numpy()).astype(np.int32)
    b = np.searchsorted(docs, m.column("doc_b").to_numpy()).astype(np.int32)
    pa_ = m.column("pos_a").to_numpy().astype(np.int32)
    pb_ = m.column("pos_b").to_numpy().astype(np.int32)
    max_pos = int(max(pa_.max(initial=0), pb_.max(initial=0)))
    matches = sort_matches(a, b, pa_, pb_, ndocs=len(docs), max_pos=max_pos)
    p = align_matches(tokens, matches, params)
    yield pa.RecordBatch.from_arrays(
        [
            pa.array(docs[p.doc_a]),
            pa.array(docs[p.doc_b]),
            pa.array(p.start_a),
            pa.array(p.end_a),
            pa.array(p.start_b),
            pa.array(p.end_b),
            pa.array(p.tokens_a),
            pa.array(p.tokens_b),
            pa.array(p.score.astype(np.int64)),
            pa.array(p.identity.astype(np.float64)),
            pa.array(p.ops, pa.string()),
            pa.array(p.kind, pa.string()),
        ],
        names=[f.split()[0] for f in PASSAGES.split(", ")],
    )


# -- the plan ------------------------------------------------------------------------------------
def seed_occurrences(docs: DataFrame, params: DetectParams) -> DataFrame:
    """Every n-gram seed of every document: (seed, doc, pos, series)."""
    return docs.select("idx", "text", "series_no").mapInArrow(
        lambda it: _seed_partition(it, params.ngram), OCCURRENCES
    )


def kept_seeds(occurrences: DataFrame, params: DetectParams) -> DataFrame:
    """Seeds found in 2..max_df documents and at most OCCURRENCES_PER_DOCUMENT * max_df times
    (the local rule). Both aggregations combine map-side, so a seed in millions of documents
    costs no more to count than a rare one."""
    per_doc = occurrences.groupBy("seed", "doc").count()
    stats = per_doc.groupBy("seed").agg(F.count("*").alias("df"), F.sum("count").alias("n"))
    max_n = OCCURRENCES_PER_DOCUMENT * params.max_df
    keep = (F.col("df") >= 2) & (F.col("df") <= params.max_df) & (F.col("n") <= max_n)
    return stats.where(keep).select("seed")


def seed_match_pairs(occurrences: DataFrame, params: DetectParams, partitions: int) -> DataFrame:
    """Cross-series seed matches (doc_a < doc_b) of the kept seeds."""
    kept = occurrences.join(kept_seeds(occurrences, params), "seed", "left_semi")
    return kept.repartition(partitions, "seed").mapInArrow(
        lambda it: _match_partition(it, params.max_df), MATCHES
    )


def passages_of(
    docs: DataFrame, matches: DataFrame, params: DetectParams, partitions: int
) -> DataFrame:
    """Align the matches of each document pair, next to the texts of the pair's documents."""
    # many more part keys than partitions: repartition hashes them again, and with one key a
    # partition about a third of the partitions would get none
    part = F.pmod(F.xxhash64("doc_a", "doc_b"), F.lit(partitions * 16)).cast("int")
    matches = matches.withColumn("part", part)
    wanted = (
        matches.select("part", F.col("doc_a").alias("idx"))
        .union(matches.select("part", F.col("doc_b").alias("idx")))
        .distinct()
    )
    texts = wanted.join(docs.select("idx", "text"), "idx").select(
        "part",
        F.col("idx").alias("doc_a"),
        F.lit(None).cast("long").alias("doc_b"),
        F.lit(None).cast("int").alias("pos_a"),
        F.lit(None).cast("int").alias("pos_b"),
        "text",
    )
    work = matches.select(
        "part", "doc_a", "doc_b", "pos_a", "pos_b", F.lit(None).cast("string").alias("text")
    ).union(texts)
    return work.repartition(partitions, "part").mapInArrow(
        lambda it: _align_partition(it, params), PASSAGES
    )


def detect(docs: DataFrame, params: DetectParams, partitions: int | None = None) -> DataFrame:
    """Passages (document sides as ``idx``) of all cross-series pairs of ``docs``, which has
    columns ``idx`` (corpus order: the earlier document of a pair is ``doc_a``), ``id``,
    ``text`` and ``series`` (null: the document is its own series)."""
    params.validate()
    spark = docs.sparkSession
    partitions = partitions or max(2, spark.sparkContext.defaultParallelism * 2)
    # both are read by more than one later stage: compute them once
    docs = number_series(docs).persist(StorageLevel.MEMORY_AND_DISK)
    occurrences = seed_occurrences(docs, params).persist(StorageLevel.MEMORY_AND_DISK)
    # the matches feed three branches of the next stage (themselves, and both documents'
    # text requests): keep them rather than recompute the seed shuffle three times
    matches = seed_match_pairs(occurrences, params, partitions).persist(
        StorageLevel.MEMORY_AND_DISK
    )
    return passages_of(docs, matches, params, partitions)


def with_ids(passages: DataFrame, docs: DataFrame) -> DataFrame:
    """Passages with document ids (unordered: the store and the talking points sort
    them as the local engine does)."""
    ids = docs.select("idx", "id")
    out = passages.join(ids.withColumnsRenamed({"idx": "doc_a", "id": "id_a"}), "doc_a").join(
        ids.withColumnsRenamed({"idx": "doc_b", "id": "id_b"}), "doc_b"
    )
    return out.select(
        F.col("id_a").alias("doc_a"),
        "start_a",
        "end_a",
        F.col("id_b").alias("doc_b"),
        "start_b",
        "end_b",
        "tokens_a",
        "tokens_b",
        F.col("score").cast("double").alias("score"),
        "identity",
        "kind",
        "ops",
        F.col("identity").alias("similarity"),
    )


def check_documents(df: DataFrame, path: str) -> None:
    """Refuse input with records that are not documents (malformed JSON, no id or no text) or
    with repeated ids, naming the file and a few of the records; nothing is silently dropped."""
    for col in ("id", "text"):
        if col not in df.columns:
            raise EchoscopeError(f"{path}: the records have no {col!r} field")
    bad = (
        F.col("id").isNull()
        | F.col("text").isNull()
        | (F.trim(F.col("id").cast("string")) == "")
        | (F.trim(F.col("text").cast("string")) == "")
    )
    if "_corrupt_record" in df.columns:
        bad = bad | F.col("_corrupt_record").isNotNull()
    shown = F.coalesce(
        F.col("_corrupt_record") if "_corrupt_record" in df.columns else F.lit(None),
        F.to_json(F.struct(*[c for c in df.columns if c in ("id", "title", "_file")])),
    )
    rejected = df.where(bad).select("_file", shown.alias("record")).limit(3).collect()
    if rejected:
        n = df.where(bad).count()
        examples = "; ".join(f"{r['_file']}: {str(r['record'])[:120]}" for r in rejected)
        raise EchoscopeError(
            f"{path}: {n} records are not documents (malformed, or no id or text), e.g. {examples}"
        )
    repeated = (
        df.groupBy("id")
        .agg(F.count("*").alias("count"), F.collect_set("_file").alias("files"))
        .where(F.col("count") > 1)
        .limit(3)
        .collect()
    )
    if repeated:
        ids = ", ".join(
            f"{r['id']!r} ({r['count']} times, in {', '.join(r['files'])})" for r in repeated
        )
        raise EchoscopeError(f"{path}: document ids must be unique: {ids}")


def read_documents(
    spark: SparkSession, path: str, fmt: str | None = None, *, check: bool = True
) -> DataFrame:
    """Documents from JSONL or Parquet at any path Spark reads, numbered in the order Spark
    reads them (``idx``: file order for one file; Spark reads several files largest first, so
    give them a ``rowid`` column for a fixed order, as the store's export has)."""
    fmt = fmt or ("parquet" if path.rstrip("/").endswith(".parquet") else "json")
    if fmt == "parquet":
        df = spark.read.parquet(path)
    else:
        df = spark.read.option("columnNameOfCorruptRecord", "_corrupt_record").json(path)
    if check:
        check_documents(df.withColumn("_file", F.input_file_name()), path)
    for col in ("id", "text"):
        df = df.withColumn(col, F.col(col).cast("string"))
    for col in ("series", "date", "speaker", "outlet", "title"):
        if col not in df.columns:
            df = df.withColumn(col, F.lit(None).cast("string"))
    if "rowid" in df.columns:
        return df.withColumn("idx", F.col("rowid").cast("long"))
    schema = df.schema.add("idx", "long")
    numbered = df.rdd.zipWithIndex().map(lambda r: (*r[0], r[1]))
    return spark.createDataFrame(numbered, schema)
