"""``echoscope detect --engine spark``: run the Spark plan over a store or over files, write
Parquet, and load the result into a store (where the viewer and every other command read it).

Over a store: its documents go to Spark as Parquet (in ingest order, so ``doc_a`` is the
earlier document as in the local engine), and the passages come back as one atomic run whose
talking points are built by the same code as the local engine's. Over files (``--input``, any
path Spark reads): passages and talking points are written as Parquet under ``--out``.
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from pyspark.sql import Row
from pyspark.sql import functions as F

from echoscope.detect import spark as engine
from echoscope.detect.params import DetectParams
from echoscope.detect.plan import FULL, SPARK_ENGINE, RunParams
from echoscope.errors import EchoscopeError
from echoscope.model import PassagePair, passage_order
from echoscope.points.build import points_from, rebuild_points
from echoscope.points.bursts import BurstParams
from echoscope.store.export import POINT_COLUMNS
from echoscope.store.sqlite import Store, now
from echoscope.targets.stage import TargetsParams, update_targets

MEMBER_SCHEMA = (  # POINT_COLUMNS, typed
    "point string, doc string, start long, end long, date string, speaker string, "
    "outlet string, role string, source_doc string, source_start long, lag_hours double, "
    "source_lag_hours double, degree long, match string"
)
DOC_COLUMNS = ("rowid", "id", "text", "series", "date", "speaker", "outlet", "title")
# typed, so that a column with no value in the whole corpus is still text to Spark
DOC_SCHEMA = pa.schema([("rowid", pa.int64())] + [(c, pa.string()) for c in DOC_COLUMNS[1:]])


@dataclass
class SparkResult:
    run_id: int | None
    docs: int
    passages: int
    points: int | None
    seconds: dict[str, float] = field(default_factory=dict)
    out: str | None = None


def export_documents(store: Store, path: Path, batch: int = 20_000) -> tuple[int, int]:
    """The store's documents as one Parquet file, in rowid order, a batch at a time; how many,
    and the last rowid (the run's watermark)."""
    writer: pq.ParquetWriter | None = None
    last, total = -1, 0
    try:
        while True:
            rows = store.documents_after(last, batch, DOC_COLUMNS)
            if not rows:
                break
            last = rows[-1][0]
            table = pa.table(
                {c: [r[i] for r in rows] for i, c in enumerate(DOC_COLUMNS)}, schema=DOC_SCHEMA
            )
            writer = writer or pq.ParquetWriter(path, DOC_SCHEMA)
            writer.write_table(table)
            total += len(rows)
    finally:
        if writer:
            writer.close()
    return total, last


def run_over_store(
    store: Store,
    params: DetectParams,
    *,
    master: str | None = "local[*]",
    partitions: int | None = None,
    bursts: BurstParams | None = None,
    conf: dict[str, str] | None = None,
    targets: TargetsParams | None = None,
) -> SparkResult:
    """A full detect of the store on Spark, saved as one run (engine ``spark``). A local
    detect after it is a full run again (incremental runs continue local runs only)."""
    started, t0 = now(), time.perf_counter()
    seconds: dict[str, float] = {}
    bursts = bursts or BurstParams()
    with tempfile.TemporaryDirectory(prefix="echoscope-spark-") as tmp:
        path = Path(tmp) / "documents.parquet"
        n, last_doc = export_documents(store, path)
        if not n:
            raise EchoscopeError(f"{store.path}: the store has no documents")
        seconds["export"] = round(time.perf_counter() - t0, 3)
        spark = engine.session(master, **(conf or {}))
        t = time.perf_counter()
        docs = engine.read_documents(spark, str(path), "parquet", check=False)  # ids unique
        try:
            passages = engine.with_ids(engine.detect(docs, params, partitions), docs)
            # sorted by value, field by field, so that the ids the store gives them (the next
            # free one on a rare collision of span hashes) do not depend on the partitioning
            found = passage_pairs(sorted(passages.collect(), key=tuple))
        finally:
            spark.catalog.clearCache()  # the kept stages refer to the temporary export
        seconds["spark"] = round(time.perf_counter() - t, 3)
    t = time.perf_counter()
    with store.transaction(saves="the detect run") as conn:
        store.refuse_if_changed(conn, n, int(last_doc))  # a full run: any earlier run will do
        run_id = store.save_run(
            conn,
            started=started,
            engine=SPARK_ENGINE,
            mode=FULL,
            params=RunParams(params, bursts).as_dict(),
            docs=n,
            new_docs=n,
            last_doc=int(last_doc),
            counts={"passages": len(found)},
            seconds=seconds,
            replace_pairs=None,
            passages=found,
        )
        points = rebuild_points(store, conn, run_id, bursts)
        seconds["targets"] = update_targets(conn, targets)["seconds"]
    seconds["store"] = round(time.perf_counter() - t, 3)
    return SparkResult(run_id, n, len(found), points, seconds)


def run_over_files(
    input_path: str,
    out: str,
    params: DetectParams,
    *,
    master: str | None = "local[*]",
    partitions: int | None = None,
    fmt: str | None = None,
    bursts: BurstParams | None = None,
    conf: dict[str, str] | None = None,
) -> SparkResult:
    """Detect over documents at ``input_path`` (JSONL or Parquet, any Spark path); write
    ``out/passages`` and ``out/points`` (talking-point occurrences) as Parquet."""
    seconds: dict[str, float] = {}
    spark = engine.session(master, **(conf or {}))
    t = time.perf_counter()
    docs = engine.read_documents(spark, input_path, fmt).cache()
    passages = engine.with_ids(engine.detect(docs, params, partitions), docs).cache()
    out = out.rstrip("/")
    passages.write.mode("overwrite").parquet(f"{out}/passages")
    seconds["passages"] = round(time.perf_counter() - t, 3)
    # talking points are built on the driver from the passages (far fewer than the documents)
    t = time.perf_counter()
    found = sorted(passage_pairs(passages.collect()), key=passage_order)
    involved = passages.select("doc_a").union(passages.select("doc_b")).distinct()
    meta = docs.join(involved.withColumnRenamed("doc_a", "id"), "id").select(
        "id",
        *(  # as ingest reads them: text, and "" is no value
            F.when(F.col(c).cast("string") != "", F.col(c).cast("string")).alias(c)
            for c in ("date", "speaker", "outlet", "series")
        ),
    )
    doc_info = {r.id: r.asDict() for r in meta.collect()}
    points, _edges = points_from(found, doc_info, bursts)
    members = [tuple(getattr(m, c) for c in POINT_COLUMNS) for p in points for m in p.members]
    # written even when empty (and typed: a column may hold no value at all), replacing any
    # earlier run's points in --out
    spark.createDataFrame(members, MEMBER_SCHEMA).coalesce(1).write.mode("overwrite").parquet(
        f"{out}/points"
    )
    seconds["points"] = round(time.perf_counter() - t, 3)
    n = docs.count()
    spark.catalog.clearCache()
    summary = {"docs": n, "passages": len(found), "points": len(points), "seconds": seconds}
    spark.createDataFrame([{"summary": json.dumps(summary)}]).coalesce(1).write.mode(
        "overwrite"
    ).json(f"{out}/summary")
    return SparkResult(None, n, len(found), len(points), seconds, out)


def passage_pairs(rows: Iterable[Row]) -> list[PassagePair]:
    """The records of passages Spark collected (the columns of :func:`engine.with_ids`, read by
    name)."""
    return [PassagePair(**r.asDict()) for r in rows]


def shuffle_bytes(spark: Any) -> list[dict[str, Any]]:
    """Shuffle bytes written and read by each completed stage, from the Spark UI's REST API
    (needs ``spark.ui.enabled``); empty when the UI is off."""
    import urllib.request

    url = spark.sparkContext.uiWebUrl
    if not url:
        return []
    app = spark.sparkContext.applicationId
    with urllib.request.urlopen(f"{url}/api/v1/applications/{app}/stages", timeout=10) as r:
        stages = json.load(r)
    return [
        {
            "stage": s["stageId"],
            "name": s["name"][:80],
            "seconds": round(s.get("executorRunTime", 0) / 1000, 2),
            "shuffle_write_bytes": s.get("shuffleWriteBytes", 0),
            "shuffle_read_bytes": s.get("shuffleReadBytes", 0),
            "input_bytes": s.get("inputBytes", 0),
        }
        for s in sorted(stages, key=lambda s: s["stageId"])
        if s.get("status") == "COMPLETE"
    ]
