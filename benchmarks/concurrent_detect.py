"""Two `echoscope detect`s at once on one store: never a duplicated passage.

    .venv/bin/python benchmarks/concurrent_detect.py --docs 3000 --more 5000 --rounds 5

The scenario of issue 13: ingest a generated corpus (``../shared/tools/gencorpus.py``), detect,
ingest more documents, then start two detects half a second apart (a cron job and a person).
Each round counts the exit codes, the duplicated passages and the plagdet against the gold, and
compares the passages with one uninterrupted detect of the same store. ``--wait`` gives the
second detect ``--wait 600`` (it then runs after the first, finding nothing left to do).
"""

from __future__ import annotations

import argparse
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
GENCORPUS = ROOT.parent / "shared" / "tools" / "gencorpus.py"


def echoscope(*args: str, wait: bool = True) -> subprocess.Popen | subprocess.CompletedProcess:
    quiet = ["-q"] if args[0] in ("ingest", "detect") else []
    cmd = [sys.executable, "-m", "echoscope.cli", *args, *quiet]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if wait:
        return subprocess.run(cmd, capture_output=True, text=True, env=env)
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)


def passages(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as c:
        return sorted(
            c.execute("SELECT doc_a, start_a, end_a, doc_b, start_b, end_b, kind FROM passages")
        )


def plagdet(db: Path, gold: Path) -> float:
    res = echoscope("eval", "--db", str(db), "--gold", str(gold), "--json")
    return round(json.loads(res.stdout)["overall"]["plagdet"], 4)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=3000, help="documents ingested and detected first")
    ap.add_argument("--more", type=int, default=5000, help="documents ingested afterwards")
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--delay", type=float, default=0.5, help="seconds between the two starts")
    ap.add_argument("--wait", action="store_true", help="the second detect waits (--wait 600)")
    ap.add_argument("--seed", type=int, default=5)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="echoscope-concurrent-"))
    subprocess.run(
        [
            sys.executable,
            str(GENCORPUS),
            str(work / "gen"),
            "--docs",
            str(args.docs + args.more),
            "--seed",
            str(args.seed),
        ],
        check=True,
        capture_output=True,
    )
    lines = (work / "gen" / "docs.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (work / "first.jsonl").write_text("".join(lines[: args.docs]), encoding="utf-8")
    (work / "more.jsonl").write_text("".join(lines[args.docs :]), encoding="utf-8")
    gold = work / "gen" / "gold.jsonl"
    base = work / "base.db"
    assert echoscope("ingest", str(work / "first.jsonl"), "--db", str(base)).returncode == 0
    assert echoscope("detect", "--db", str(base)).returncode == 0
    assert echoscope("ingest", str(work / "more.jsonl"), "--db", str(base)).returncode == 0
    ref = work / "ref.db"
    shutil.copy(base, ref)
    t = time.perf_counter()
    assert echoscope("detect", "--db", str(ref)).returncode == 0
    print(f"one detect alone: {time.perf_counter() - t:.1f}s, plagdet {plagdet(ref, gold)}")
    expected = passages(ref)
    print("round | exit codes | second detect said | passages | duplicates | equal | plagdet")
    failures = 0
    for r in range(args.rounds):
        db = work / "race.db"
        for p in work.glob("race.db*"):
            p.unlink()
        shutil.copy(base, db)
        first = echoscope("detect", "--db", str(db), wait=False)
        time.sleep(args.delay)
        extra = ["--wait", "600"] if args.wait else []
        second = echoscope("detect", "--db", str(db), *extra)
        first.communicate()
        rows = passages(db)
        dupes = len(rows) - len(set(rows))
        equal = rows == expected
        said = (second.stderr.strip() or second.stdout.strip()).replace(str(db) + ": ", "")[:90]
        print(
            f"{r + 1} | {first.returncode}, {second.returncode} | {said} | {len(rows)} | "
            f"{dupes} | {equal} | {plagdet(db, gold)}"
        )
        failures += bool(dupes) or not equal or first.returncode != 0
    shutil.rmtree(work)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
