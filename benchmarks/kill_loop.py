"""kill -9 loop: kill `echoscope ingest` and `echoscope detect` at random moments, then check
that the store is whole (integrity check; exactly the state before or after the command, never
a part of it) and that rerunning the command gives exactly an uninterrupted run's result.

    .venv/bin/python benchmarks/kill_loop.py --kills 30 --docs 2000

Each round copies a prepared store, starts the command as a real process, sends SIGKILL after
a random delay within the command's uninterrupted running time (measured first), and checks.
Prints a summary; exits 1 if any store was partial or any rerun differed.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
_SYLLABLES = ["ka", "ri", "to", "mu", "sen", "dal", "por", "vi", "na", "el", "bar", "tin", "lo"]


def corpus(path: Path, n_docs: int, prefix: str, rng: random.Random, shared: list[str]) -> None:
    """Prose-like random documents, some repeating passages from ``shared`` (planted reuse)."""
    vocab = sorted(
        {"".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(4000)}
    )
    with open(path, "w", encoding="utf-8") as fh:
        for i in range(n_docs):
            words = [rng.choice(vocab) for _ in range(rng.randint(150, 400))]
            text = " ".join(words)
            if rng.random() < 0.3:
                cut = rng.randrange(len(text))
                text = text[:cut] + " " + rng.choice(shared) + " " + text[cut:]
            rec = {"id": f"{prefix}{i:06d}", "text": text, "speaker": f"s{i % 37}"}
            fh.write(json.dumps(rec) + "\n")


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run(
        [sys.executable, "-m", "echoscope.cli", *args, "-q"],
        capture_output=True,
        text=True,
        env=env,
    )


def state(db: Path) -> dict[str, str]:
    """A digest of what the store holds: documents, passages (with ids), points, members."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as c:
        out = {}
        for name, sql in (
            ("documents", "SELECT id, text, speaker FROM documents ORDER BY id"),
            (
                "passages",
                "SELECT id, doc_a, start_a, end_a, doc_b, start_b, end_b, kind, ops "
                "FROM passages ORDER BY id",
            ),
            ("points", "SELECT id, docs, speakers, rep_doc, rep_start FROM points ORDER BY id"),
            (
                "members",
                'SELECT point, doc, start, "end", role FROM point_members '
                'ORDER BY point, doc, start, "end"',
            ),
        ):
            h = hashlib.sha256()
            for row in c.execute(sql):
                h.update(repr(row).encode())
            out[name] = h.hexdigest()
        return out


def integrity(db: Path) -> bool:
    with sqlite3.connect(db) as c:
        return c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--kills", type=int, default=30, help="kills per command (ingest, detect)")
    ap.add_argument("--docs", type=int, default=2000, help="documents in each of two batches")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--work", help="scratch folder (default: a temporary one)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    work = Path(args.work or tempfile.mkdtemp(prefix="echoscope-kill-"))
    work.mkdir(parents=True, exist_ok=True)
    shared = [" ".join(f"w{rng.randrange(10**6)}" for _ in range(60)) for _ in range(40)]
    a, b = work / "a.jsonl", work / "b.jsonl"
    corpus(a, args.docs, "a", rng, shared)
    corpus(b, args.docs, "b", rng, shared)

    # the prepared states and the uninterrupted results
    base = work / "base.db"  # a ingested and detected
    for p in work.glob("base.db*"):
        p.unlink()
    assert run("ingest", str(a), "--db", str(base)).returncode == 0
    assert run("detect", "--db", str(base)).returncode == 0
    before_ingest = state(base)
    grown = work / "grown.db"  # then b ingested
    shutil.copy(base, grown)
    t = time.perf_counter()
    assert run("ingest", str(b), "--db", str(grown)).returncode == 0
    ingest_secs = time.perf_counter() - t
    before_detect = state(grown)
    done = work / "done.db"
    shutil.copy(grown, done)
    t = time.perf_counter()
    res = run("detect", "--db", str(done))
    assert res.returncode == 0, res.stderr
    detect_secs = time.perf_counter() - t
    after_detect = state(done)
    after_ingest = before_detect
    print(
        f"corpus: {2 * args.docs} documents; uninterrupted ingest {ingest_secs:.1f}s, "
        f"incremental detect {detect_secs:.1f}s (process start included)"
    )

    tally: dict[str, dict[str, int]] = {}
    for command in ("ingest", "detect"):
        t = tally[command] = dict(
            kills=0,
            mid_run=0,
            before=0,
            after=0,
            partial=0,
            corrupt=0,
            rerun_equal=0,
            rerun_differs=0,
        )
        start_db, secs = (base, ingest_secs) if command == "ingest" else (grown, detect_secs)
        old, new = (
            (before_ingest, after_ingest) if command == "ingest" else (before_detect, after_detect)
        )
        argv = ["ingest", str(b)] if command == "ingest" else ["detect"]
        for _ in range(args.kills):
            db = work / "victim.db"
            for p in work.glob("victim.db*"):
                p.unlink()
            shutil.copy(start_db, db)
            proc = subprocess.Popen(
                [sys.executable, "-m", "echoscope.cli", *argv, "--db", str(db), "-q"],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "PYTHONPATH": str(SRC)},
            )
            time.sleep(rng.uniform(0.05, secs))
            if proc.poll() is None:
                t["mid_run"] += 1
            proc.kill()
            proc.wait()
            t["kills"] += 1
            if not integrity(db):
                t["corrupt"] += 1
                continue
            now = state(db)
            if now == old:
                t["before"] += 1
            elif now == new:
                t["after"] += 1
            else:
                t["partial"] += 1
            res = run(*argv, "--db", str(db))
            ok = res.returncode == 0 or (
                command == "ingest" and now == new and "duplicate id" in res.stderr
            )
            t["rerun_equal" if ok and state(db) == new else "rerun_differs"] += 1
    print()
    head = (
        "command",
        "kills",
        "mid_run",
        "before",
        "after",
        "partial",
        "corrupt",
        "rerun_equal",
        "rerun_differs",
    )
    print(" | ".join(head))
    for command, t in tally.items():
        print(" | ".join([command, *(str(t[h]) for h in head[1:])]))
    bad = sum(t["partial"] + t["corrupt"] + t["rerun_differs"] for t in tally.values())
    total = sum(t["kills"] for t in tally.values())
    print(f"\n{total} kills, {bad} partial/corrupt stores or differing reruns")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
