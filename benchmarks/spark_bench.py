"""The Spark engine on one machine: wall time, equality with the local engine, shuffle volume.

Runs ``echoscope detect --engine spark --input DOCS --out DIR`` in-process on ``local[2]``
(Spark's UI on, so that shuffle bytes per stage can be read from its REST API), then, with
--db, compares the Parquet passages with the local engine's passages in that store.

    python benchmarks/spark_bench.py ../shared/data/synth-5k/docs.jsonl.gz --db WORKDIR/s5.db
    python benchmarks/spark_bench.py WORKDIR/web100k/corpus/docs.jsonl --driver-memory 12g

Prints one JSON object: documents, passages, seconds, equal (when --db), and per stage the
shuffle bytes written and read.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import tempfile
import time

import pyarrow.parquet as pq

from echoscope.detect import spark as engine
from echoscope.detect import spark_job
from echoscope.detect.params import DetectParams
from echoscope.store.sqlite import PASSAGE_COLUMNS


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("docs")
    ap.add_argument("--db", help="a store detected by the local engine, to compare with")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--partitions", type=int)
    ap.add_argument("--driver-memory", default="8g")
    ap.add_argument("--json", help="also write the result here")
    args = ap.parse_args()

    t0 = time.perf_counter()
    spark = engine.session(args.master, **{"spark.driver.memory": args.driver_memory})
    started = time.perf_counter() - t0
    with tempfile.TemporaryDirectory(prefix="spark-bench-") as out:
        t = time.perf_counter()
        res = spark_job.run_over_files(
            args.docs, out, DetectParams(), master=args.master, partitions=args.partitions
        )
        wall = time.perf_counter() - t
        stages = spark_job.shuffle_bytes(spark)
        result = {
            "docs": res.docs,
            "passages": res.passages,
            "points": res.points,
            "session_start_s": round(started, 1),
            "detect_s": round(wall, 1),
            "stage_seconds": res.seconds,
            "shuffle_write_mib": round(sum(s["shuffle_write_bytes"] for s in stages) / 2**20, 1),
            "stages": stages,
        }
        if args.db:
            got = sorted(
                tuple(r[c] for c in PASSAGE_COLUMNS)
                for r in pq.read_table(f"{out}/passages").to_pylist()
            )
            with sqlite3.connect(args.db) as c:
                want = sorted(
                    c.execute(f"SELECT {', '.join(PASSAGE_COLUMNS)} FROM passages").fetchall()
                )
            result["local_passages"] = len(want)
            result["equal"] = got == want
    spark.stop()
    text = json.dumps(result, indent=1)
    print(text)
    if args.json:
        with open(args.json, "w") as fh:
            fh.write(text)


if __name__ == "__main__":
    main()
