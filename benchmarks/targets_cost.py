"""What the targets stage costs: seconds per 1,000 documents, on text without accusations and
on text full of them.

    python benchmarks/targets_cost.py [--docs 5000] [--synth ../shared/data/synth-5k/docs.jsonl.gz]

Two corpora are built in a temporary folder and ingested into fresh stores, and the stage
(``echoscope.targets.stage.update_targets``, as ``echoscope detect`` runs it) is timed over
every document, three times each, the median kept:

* ``synth``: the synthetic corpus (long documents of background prose, a few cue words);
* ``dense``: documents of eight paragraphs each drawn from the news development sets
  (``benchmarks/data/targets_news_*.jsonl``), so that nearly every paragraph holds an
  accusation, a denial or a cue word in another sense: the worst case for the stage.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from echoscope import api
from echoscope.targets.stage import TargetsParams, update_targets

HERE = Path(__file__).resolve().parent
DEV_SETS = sorted((HERE / "data").glob("targets_news_*.jsonl"))


def _dense(n: int, seed: int = 7) -> list[dict]:
    paragraphs = [
        (json.loads(line)["text"], json.loads(line)["lang"])
        for path in DEV_SETS
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        lang = "ur" if i % 3 == 0 else "en"
        pool = [t for t, lg in paragraphs if lg == lang]
        docs.append(
            {
                "id": f"d{i}",
                "lang": lang,
                "series": f"s{i % 50}",
                "text": "\n\n".join(rng.choice(pool) for _ in range(8)),
            }
        )
    return docs


def _synth(path: Path, n: int) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for _, line in zip(range(n), fh, strict=False)]


def _time(docs: list[dict], folder: Path, name: str) -> dict:
    corpus = folder / f"{name}.jsonl"
    corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")
    db = folder / f"{name}.db"
    api.ingest(db, [corpus])
    runs, counts = [], {}
    for _ in range(3):
        conn = sqlite3.connect(db)
        t = time.perf_counter()
        counts = update_targets(conn, TargetsParams(), full=True)
        runs.append(time.perf_counter() - t)
        conn.rollback()
        conn.close()
    seconds = statistics.median(runs)
    chars = sum(len(d["text"]) for d in docs)
    return {
        "corpus": name,
        "documents": len(docs),
        "mean_chars": round(chars / len(docs)),
        "accusations": int(counts["accusations_found"]),
        "seconds": round(seconds, 2),
        "seconds_per_1000_docs": round(1000 * seconds / len(docs), 3),
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=5000)
    p.add_argument(
        "--synth", type=Path, default=HERE.parent.parent / "shared/data/synth-5k/docs.jsonl.gz"
    )
    args = p.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="echoscope-targets-") as tmp:
        folder = Path(tmp)
        rows = []
        if args.synth.exists():
            rows.append(_time(_synth(args.synth, args.docs), folder, "synth"))
        rows.append(_time(_dense(args.docs), folder, "dense"))
    for row in rows:
        print(json.dumps(row))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
