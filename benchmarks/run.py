"""End-to-end benchmark: ingest + all-pairs detect on generated corpora, scored with PAN measures.

Corpora come from ../shared/tools/gencorpus.py (generated under a temporary folder, never
committed). Each step runs as its own process; wall time and peak RSS are the operating
system's accounting of that child process. Precision/recall/plagdet are computed by
``echoscope eval`` and by the reference scorer ../shared/tools/evalpairs.py on the JSONL export.

    python benchmarks/run.py --sizes 1000 10000 100000
    python benchmarks/run.py --synth5k                 # the shared synth-5k corpus
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
GENCORPUS = SHARED / "tools" / "gencorpus.py"
EVALPAIRS = SHARED / "tools" / "evalpairs.py"
SEEDS = {1000: 1, 10000: 3, 100000: 4}


def run(cmd: list[str]) -> str:
    """Run a helper step (export, scoring) and return its output."""
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"failed: {' '.join(cmd)}\n{proc.stderr}")
    return proc.stdout.strip()


def timed_rss(cmd: list[str]) -> dict:
    """Run a measured step; wall seconds, CPU seconds and peak RSS (MiB) of that process."""
    t = time.perf_counter()
    pid = os.fork()
    if pid == 0:  # child: exec the step with its output discarded
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.execvp(cmd[0], cmd)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - t
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(cmd)}")
    return {
        "wall_s": round(wall, 2),
        "peak_rss_mib": round(usage.ru_maxrss / 1024),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
    }


def corpus_dir(work: Path, size: int) -> Path:
    d = work / f"c{size}"
    if not (d / "docs.jsonl").exists():
        subprocess.run(
            [
                sys.executable,
                str(GENCORPUS),
                str(d),
                "--docs",
                str(size),
                "--seed",
                str(SEEDS.get(size, 5)),
            ],
            check=True,
        )
    return d


def bench(name: str, docs: Path, gold: Path, work: Path, echoscope: str) -> dict:
    db = work / f"{name}.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    with gzip.open(docs, "rt") if docs.suffix == ".gz" else open(docs) as fh:
        ndocs = sum(1 for _ in fh)
    ing = timed_rss([echoscope, "ingest", str(docs), "--db", str(db), "-q"])
    det = timed_rss([echoscope, "detect", "--db", str(db), "-q"])
    pairs = work / f"{name}.pairs.jsonl"
    run(
        [
            echoscope,
            "export",
            "pairs",
            "--db",
            str(db),
            "--format",
            "jsonl",
            "--out",
            str(pairs),
            "--no-text",
        ]
    )
    scored = json.loads(
        run(
            [echoscope, "eval", "--db", str(db), "--gold", str(gold), "--json", "--points", "point"]
        )
    )
    ours, points = scored["overall"], scored["points"]
    ref = json.loads(run([sys.executable, str(EVALPAIRS), str(gold), str(pairs), "--json"]))
    with sqlite3.connect(db) as con:
        counts, seconds = con.execute(
            "SELECT counts, seconds FROM runs ORDER BY id DESC LIMIT 1"
        ).fetchone()
    info = {"counts": json.loads(counts), "seconds": json.loads(seconds)}
    wall = ing["wall_s"] + det["wall_s"]
    return {
        "corpus": name,
        "docs": ndocs,
        "ingest": ing,
        "detect": det,
        "total_wall_s": round(wall, 2),
        "docs_per_s": round(ndocs / wall, 1),
        "peak_rss_mib": max(ing["peak_rss_mib"], det["peak_rss_mib"]),
        "echoscope_eval": ours,
        "points": points,
        "evalpairs": ref,
        "stages": info,
    }


def row(r: dict) -> str:
    e, ref = r["echoscope_eval"], r["evalpairs"]
    return (
        f"| {r['corpus']} | {r['docs']:,} | {r['ingest']['wall_s']} | {r['detect']['wall_s']} "
        f"| {r['total_wall_s']} | {r['docs_per_s']:,} | {r['peak_rss_mib']:,} "
        f"| {e['precision']:.4f} | {e['recall']:.4f} | {e['granularity']:.4f} "
        f"| {e['plagdet']:.4f} | {ref['plagdet']:.4f} |"
    )


def points_row(r: dict) -> str:
    p, secs = r["points"], r["stages"]["seconds"]
    rest = sum(v for k, v in secs.items() if k != "points")
    share = 100 * secs.get("points", 0.0) / rest if rest else 0.0
    return (
        f"| {r['corpus']} | {r['stages']['counts'].get('points', 0):,} | {p['purity']:.4f} "
        f"| {p['inverse_purity']:.4f} | {p['ari']:.4f} | {secs.get('points', 0.0):.2f} "
        f"| {share:.1f} % |"
    )


HEADER = (
    "| corpus | docs | ingest s | detect s | total s | docs/s | peak RSS MiB | precision "
    "| recall | granularity | plagdet | plagdet (evalpairs.py) |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|"
)
POINTS_HEADER = (
    "| corpus | talking points | purity | inverse purity | ARI | points s | share of detect |\n"
    "|---|---|---|---|---|---|---|"
)


def add_work_option(ap: argparse.ArgumentParser, folder: str) -> None:
    """``--work``: where a benchmark's corpora and stores go (default: ``folder`` in the
    temporary directory)."""
    ap.add_argument(
        "--work",
        default=str(Path(tempfile.gettempdir()) / folder),
        help="where corpora and dbs go (default: a folder in the temporary directory)",
    )


def prepare(work_option: str) -> tuple[Path, str]:
    """The work folder (made) and the echoscope command a benchmark runs; exits without the
    shared corpus generator."""
    if not GENCORPUS.exists():
        sys.exit(f"{GENCORPUS} not found: the benchmark needs ../shared beside the repo")
    work = Path(work_option)
    work.mkdir(parents=True, exist_ok=True)
    return work, shutil.which("echoscope") or str(Path(sys.executable).parent / "echoscope")


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", type=int, nargs="*", default=[], help="generated corpus sizes")
    ap.add_argument("--synth5k", action="store_true", help="also run ../shared/data/synth-5k")
    add_work_option(ap, "echoscope-bench")
    ap.add_argument("--json", help="append results as JSON lines to this file")
    a = ap.parse_args()
    work, echoscope = prepare(a.work)
    results = []
    if a.synth5k:
        d = SHARED / "data" / "synth-5k"
        results.append(bench("synth-5k", d / "docs.jsonl.gz", d / "gold.jsonl", work, echoscope))
        print(row(results[-1]), flush=True)
    for size in a.sizes:
        d = corpus_dir(work, size)
        results.append(bench(f"gen-{size}", d / "docs.jsonl", d / "gold.jsonl", work, echoscope))
        print(row(results[-1]), flush=True)
    print()
    print(HEADER)
    for r in results:
        print(row(r))
    print()
    print(POINTS_HEADER)
    for r in results:
        print(points_row(r))
    if a.json:
        with open(a.json, "a") as fh:
            for r in results:
                fh.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
