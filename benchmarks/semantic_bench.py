"""Cost of semantic matching end to end: a cold ``detect --semantic`` (model load, embedding,
matching) against a lexical ``detect`` on the same store, per 1,000 documents, with sentences
embedded per second and peak memory, then a second run on the cached vectors.

The corpus is real language: the semantic development set's 600 reports (every event's four
English and one Urdu report, each once), or with ``--docs`` that many documents of about
``--words`` words made of its paragraphs drawn at random (a corpus of that size, but with
repeated paragraphs, which the lexical engine then finds).

    .venv/bin/python benchmarks/semantic_bench.py
    .venv/bin/python benchmarks/semantic_bench.py --docs 1000 --words 200
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "semantic_dev"))

import build  # noqa: E402


def corpus(n_docs: int | None, words: int, seed: int = 5) -> list[dict]:
    """The development set's reports, or ``n_docs`` documents of their paragraphs."""
    docs = []
    for e in build.load_events():
        for k, r in enumerate(e["reports"]):
            docs.append(
                {
                    "id": f"{e['id']}-{k}",
                    "series": r["outlet"],
                    "date": e["date"],
                    "lang": r["lang"],
                    "text": r["text"],
                }
            )
    if not n_docs:
        return docs
    rng = random.Random(seed)
    by_lang: dict[str, list[str]] = {}
    for d in docs:
        by_lang.setdefault(d["lang"], []).extend(p for p in d["text"].split("\n\n") if p.strip())
    out = []
    for k in range(n_docs):
        lang = "ur" if rng.random() < 0.2 else "en"
        paragraphs, n = [], 0
        while n < words:
            p = rng.choice(by_lang[lang])
            paragraphs.append(p)
            n += len(p.split())
        out.append(
            {
                "id": f"b{k:05d}",
                "series": f"outlet-{k % 40}",
                "date": f"2026-03-{1 + k % 28:02d}",
                "lang": lang,
                "text": "\n\n".join(paragraphs),
            }
        )
    return out


def timed(cmd: list[str]) -> tuple[float, int, str]:
    """Seconds, peak RSS (KiB) and stdout of one command in a fresh process."""
    t = time.perf_counter()
    runner = [sys.executable, "-c", _RUNNER, json.dumps(cmd)]
    out = subprocess.run(runner, check=True, capture_output=True, text=True)
    took = time.perf_counter() - t
    report = json.loads(out.stdout.strip().splitlines()[-1])
    return took, report["maxrss"], report["stdout"]


# runs the CLI in-process and reports its own peak RSS (children's peaks would mix runs)
_RUNNER = """
import contextlib, io, json, resource, sys
from echoscope.cli import main
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    rc = main(json.loads(sys.argv[1]))
assert rc == 0, buf.getvalue()
print(json.dumps({"maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
                  "stdout": buf.getvalue()}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=0, help="resample to this many documents")
    ap.add_argument("--words", type=int, default=200)
    args = ap.parse_args()
    docs = corpus(args.docs, args.words)
    n_words = sum(len(d["text"].split()) for d in docs)
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "docs.jsonl"
        src.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))
        results = {}
        for name, extra in (("lexical", []), ("semantic", ["--semantic"])):
            db = str(Path(tmp) / f"{name}.db")
            subprocess.run(
                [
                    sys.executable,
                    "-c",
                    "import sys; from echoscope.cli import main; sys.exit(main(sys.argv[1:]))",
                    "ingest",
                    str(src),
                    "--db",
                    db,
                    "-q",
                ],
                check=True,
                capture_output=True,
            )
            results[name] = timed(["detect", "--db", db, "--quiet", *extra])
        db = str(Path(tmp) / "semantic.db")
        warm = timed(["detect", "--db", db, "--quiet", "--semantic", "--full"])
        from echoscope.store.sqlite import Store

        with Store(db, readonly=True, create=False) as store:
            last = store.last_run()
            runs = store.conn.execute("SELECT counts, seconds FROM runs ORDER BY id").fetchall()
        cold_counts, cold_seconds = (json.loads(x) for x in runs[0])
    extra = results["semantic"][0] - results["lexical"][0]
    per_k = 1000 / len(docs)
    sentences = cold_counts.get("sentences_embedded", 0)
    print(f"corpus: {len(docs)} documents, {n_words / len(docs):.0f} words each on average")
    print("| run | seconds | per 1,000 docs | peak RSS |")
    print("|---|---|---|---|")
    for name, (secs, rss, _) in results.items():
        print(f"| detect ({name}, cold) | {secs:.1f} | {secs * per_k:.1f} | {rss / 1024:.0f} MiB |")
    print(
        f"| detect --semantic --full (vectors cached) | {warm[0]:.1f} | {warm[0] * per_k:.1f} "
        f"| {warm[1] / 1024:.0f} MiB |"
    )
    print(f"extra seconds of --semantic, cold: {extra:.1f} ({extra * per_k:.1f} per 1,000 docs)")
    embed = cold_seconds.get("embed", 0.0)
    print(
        f"embedding: {sentences} sentences in {embed:.1f} s ({sentences / max(embed, 1e-9):.0f}"
        f" sentences/s, model load included); matching {cold_seconds.get('semantic', 0):.1f} s"
    )
    print("stages of the cold run (s):", json.dumps(cold_seconds))
    print("last run:", json.dumps(last["counts"]))


if __name__ == "__main__":
    main()
