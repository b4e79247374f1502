"""Embedding throughput of the packaged sentence model, and semantic mode's extra time per
1,000 documents, on the demo corpus.

    .venv/bin/python benchmarks/embed_bench.py
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from echoscope.detect.embed import SentenceEncoder
from echoscope.detect.job import run_detect
from echoscope.detect.params import DetectParams, SemanticParams
from echoscope.detect.semantic import embeddable_sentences
from echoscope.ingest import ingest
from echoscope.store.sqlite import Store

DEMO = Path(__file__).resolve().parent.parent / "demo"


def main() -> None:
    docs = [json.loads(line) for line in (DEMO / "corpus.jsonl").read_text("utf-8").splitlines()]
    t = time.perf_counter()
    sentences = [
        d["text"][s:e] for d in docs for _, s, e in embeddable_sentences(d["text"], 5).tolist()
    ]
    split = time.perf_counter() - t
    t = time.perf_counter()
    encoder = SentenceEncoder()
    load = time.perf_counter() - t
    encoder.encode(sentences[:64])  # warm up
    t = time.perf_counter()
    encoder.encode(sentences)
    secs = time.perf_counter() - t
    words = sum(len(s.split()) for s in sentences) / len(sentences)
    print(f"{len(docs)} documents, {len(sentences)} sentences embedded (mean {words:.1f} words)")
    print(
        f"split {split:.2f} s; model load {load:.2f} s; embed {secs:.1f} s = "
        f"{len(sentences) / secs:.0f} sentences/s"
    )
    db = Path("/tmp/embed-bench.db")
    times = {}
    for mode in ("lexical", "semantic"):
        for suffix in ("", "-wal", "-shm"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        with Store(db) as store:
            ingest(store, [DEMO / "corpus.jsonl"], progress=False)
            t = time.perf_counter()
            sem = SemanticParams() if mode == "semantic" else None
            run_detect(store, DetectParams(), progress=False, semantic=sem)
            times[mode] = time.perf_counter() - t
    extra = times["semantic"] - times["lexical"]
    print(
        f"detect: lexical {times['lexical']:.1f} s, --semantic {times['semantic']:.1f} s; "
        f"extra {extra:.1f} s = {1000 * extra / len(docs):.0f} s per 1,000 documents"
    )


if __name__ == "__main__":
    main()
