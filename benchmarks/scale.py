"""Archive scale: ingest + all-pairs detect, query mode and incremental detect by corpus size.

For each size, on a corpus of ../shared/tools/gencorpus.py (generated under --work, never
committed; an existing ``WORK/cSIZE/docs.jsonl`` is used as it is):

1. ``ingest`` and ``detect`` as child processes: wall seconds and peak RSS (the operating
   system's accounting of each), and plagdet against the corpus's gold (``echoscope eval``).
2. Query mode: 10 document-length texts (corpus documents spread over the store, so each is
   echoed at least by itself and by the documents its planted passages went to), each its own
   ``echoscope detect --query`` process (what a user waits for, Python's start included), the
   same 10 through ``api.query`` in one process (the answer itself), and the same 10 sent to a
   running viewer's ``POST /api/query`` (``benchmarks/query_server.py``: the answer over HTTP).
3. Incremental: 1,000 reprints (corpus documents with every 15th word dropped, new ids)
   ingested into the detected store, then ``detect``: its wall seconds and peak RSS.

    python benchmarks/scale.py --sizes 100000 300000 1000000 --work WORKDIR
    python benchmarks/scale.py --sizes 100000 --json out.jsonl --plot docs/scale-memory.svg
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from run import GENCORPUS, add_work_option, prepare, run, timed_rss

QUERIES = 10
REPRINTS = 1000


def corpus(work: Path, size: int, seed: int) -> Path:
    d = work / f"c{size}"
    if not (d / "docs.jsonl").exists():
        subprocess.run(
            [sys.executable, str(GENCORPUS), str(d), "--docs", str(size), "--seed", str(seed)],
            check=True,
        )
    return d


def spread_lines(path: Path, count: int, total: int, offset: int = 0) -> list[dict]:
    """``count`` records of the JSONL file, evenly spread over its ``total`` lines."""
    wanted = {int(k * total / count) + offset for k in range(count)}
    out = []
    with open(path) as fh:
        for i, line in enumerate(fh):
            if i in wanted:
                out.append(json.loads(line))
    return out


def queries(size: int, docs: Path, work: Path) -> list[Path]:
    files = []
    for k, record in enumerate(spread_lines(docs, QUERIES, size)):
        f = work / f"query{size}-{k}.txt"
        f.write_text(record["text"], encoding="utf-8")
        files.append(f)
    return files


def reprints(size: int, docs: Path, work: Path) -> Path:
    """1,000 new documents: reprints of corpus documents with words dropped (each round of a
    store gets reprints of other documents, with ids of their own)."""
    round_no = len(list(work.glob(f"reprints{size}-*.jsonl")))
    out = work / f"reprints{size}-{round_no}.jsonl"
    with open(out, "w") as fh:
        for record in spread_lines(docs, REPRINTS, size, offset=1 + round_no):
            words = record["text"].split(" ")
            record["text"] = " ".join(w for i, w in enumerate(words) if i % 15 != 14)
            record["id"] = f"reprint{round_no}-{record['id']}"
            fh.write(json.dumps(record) + "\n")
    return out


def in_process_queries(db: Path, files: list[Path]) -> list[float]:
    """Seconds of each ``api.query`` in one process (after one untimed warm-up query)."""
    code = (
        "import json, sys, time\n"
        "from echoscope import api\n"
        "db, files = sys.argv[1], sys.argv[2:]\n"
        "api.query(db, open(files[0]).read())\n"
        "out = []\n"
        "for f in files:\n"
        "    text = open(f).read()\n"
        "    t = time.perf_counter()\n"
        "    api.query(db, text)\n"
        "    out.append(round(time.perf_counter() - t, 3))\n"
        "print(json.dumps(out))\n"
    )
    return json.loads(run([sys.executable, "-c", code, str(db), *map(str, files)]))


def server_queries(db: Path, files: list[Path], work: Path) -> dict:
    """The queries sent to a running viewer over HTTP, one warm-up first (its figures)."""
    out = work / f"{db.stem}-server-queries.json"
    script = Path(__file__).with_name("query_server.py")
    flags = ["--no-search-index", "--json", str(out)]
    run([sys.executable, str(script), "--db", str(db), "--query", *map(str, files), *flags])
    return json.loads(out.read_text())


def bench(
    size: int, work: Path, echoscope: str, seed: int, memory: str | None, again: bool
) -> dict:
    d = corpus(work, size, seed)
    db = work / f"scale{size}.db"
    budget = ["--memory", memory] if memory else []
    result: dict = {"docs": size, "memory": memory or "default"}
    if not again:
        for suffix in ("", "-wal", "-shm", ".lock"):
            Path(f"{db}{suffix}").unlink(missing_ok=True)
        shutil.rmtree(f"{db}.index", ignore_errors=True)
        for old in work.glob(f"reprints{size}-*.jsonl"):
            old.unlink()
        ing = timed_rss([echoscope, "ingest", str(d / "docs.jsonl"), "--db", str(db), "-q"])
        det = timed_rss([echoscope, "detect", "--db", str(db), "-q", *budget])
        scored = json.loads(
            run([echoscope, "eval", "--db", str(db), "--gold", str(d / "gold.jsonl"), "--json"])
        )["overall"]
        result.update(
            ingest=ing,
            detect=det,
            total_wall_s=round(ing["wall_s"] + det["wall_s"], 2),
            peak_rss_mib=max(ing["peak_rss_mib"], det["peak_rss_mib"]),
            precision=scored["precision"],
            recall=scored["recall"],
            plagdet=scored["plagdet"],
        )
    files = queries(size, d / "docs.jsonl", work)
    cli = []
    for f in files:
        t = time.perf_counter()
        run([echoscope, "detect", "--db", str(db), "--query", str(f), "-q"])
        cli.append(round(time.perf_counter() - t, 3))
    inside = in_process_queries(db, files)
    served = server_queries(db, files, work)
    more = reprints(size, d / "docs.jsonl", work)
    inc_ingest = timed_rss([echoscope, "ingest", str(more), "--db", str(db), "-q"])
    inc = timed_rss([echoscope, "detect", "--db", str(db), "-q", *budget])
    result.update(
        query_cli_s=cli,
        query_cli_median_s=statistics.median(cli),
        query_api_s=inside,
        query_api_median_s=statistics.median(inside),
        query_server_s=[r["seconds"] for r in served["runs"]],
        query_server_median_s=served["median_seconds"],
        incremental_ingest=inc_ingest,
        incremental_detect=inc,
    )
    return result


HEADER = (
    "| docs | ingest s | detect s | total s | peak RSS MiB | plagdet | query median s (process) "
    "| query median s (api) | query median s (server) | +1,000 detect s | +1,000 peak RSS MiB |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|"
)


def row(r: dict) -> str:
    if "detect" not in r:  # --again: the query and incremental figures only
        r = {**r, "ingest": {"wall_s": "-"}, "detect": {"wall_s": "-"}, "total_wall_s": "-"}
        r.update(peak_rss_mib=0, plagdet=float("nan"))
    return (
        f"| {r['docs']:,} | {r['ingest']['wall_s']} | {r['detect']['wall_s']} "
        f"| {r['total_wall_s']} | {r['peak_rss_mib']:,} | {r['plagdet']:.4f} "
        f"| {r['query_cli_median_s']:.2f} | {r['query_api_median_s']:.3f} "
        f"| {r.get('query_server_median_s', float('nan')):.3f} "
        f"| {r['incremental_detect']['wall_s']} | {r['incremental_detect']['peak_rss_mib']:,} |"
    )


def plot(results: list[dict], out: Path) -> None:
    """Peak RSS of detect against corpus size, as a small SVG line chart."""
    points = sorted(
        (r["docs"], r["detect"]["peak_rss_mib"] / 1024) for r in results if "detect" in r
    )
    w, h, left, bottom, top, right = 560, 320, 70, 50, 20, 20
    xmax = max(x for x, _ in points) * 1.05
    ymax = max(12.5, max(y for _, y in points) * 1.1)

    def sx(x: float) -> float:
        return left + (w - left - right) * x / xmax

    def sy(y: float) -> float:
        return h - bottom - (h - bottom - top) * y / ymax

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'font-family="sans-serif" font-size="12">',
        f'<rect width="{w}" height="{h}" fill="white"/>',
        f'<line x1="{left}" y1="{sy(0)}" x2="{w - right}" y2="{sy(0)}" stroke="black"/>',
        f'<line x1="{left}" y1="{sy(0)}" x2="{left}" y2="{top}" stroke="black"/>',
    ]
    for gib in range(0, int(ymax) + 1, 2):
        parts.append(f'<text x="{left - 8}" y="{sy(gib) + 4}" text-anchor="end">{gib}</text>')
        parts.append(
            f'<line x1="{left}" y1="{sy(gib)}" x2="{w - right}" y2="{sy(gib)}" stroke="#ddd"/>'
        )
    parts.append(
        f'<line x1="{left}" y1="{sy(12)}" x2="{w - right}" y2="{sy(12)}" stroke="#c33" '
        f'stroke-dasharray="4 3"/><text x="{w - right}" y="{sy(12) - 4}" text-anchor="end" '
        f'fill="#c33">12 GiB target</text>'
    )
    for x, y in points:
        parts.append(f'<circle cx="{sx(x):.1f}" cy="{sy(y):.1f}" r="4" fill="#246"/>')
        parts.append(
            f'<text x="{sx(x):.1f}" y="{sy(y) - 8:.1f}" text-anchor="middle">{y:.1f}</text>'
        )
        parts.append(
            f'<text x="{sx(x):.1f}" y="{sy(0) + 16}" text-anchor="middle">{x // 1000:,}k</text>'
        )
    path = " ".join(f"{sx(x):.1f},{sy(y):.1f}" for x, y in points)
    parts.append(f'<polyline points="{path}" fill="none" stroke="#246" stroke-width="2"/>')
    parts.append(
        f'<text x="{(left + w - right) / 2}" y="{h - 12}" text-anchor="middle">'
        "documents in the store</text>"
    )
    parts.append(
        f'<text x="16" y="{(top + h - bottom) / 2}" text-anchor="middle" '
        f'transform="rotate(-90 16 {(top + h - bottom) / 2})">peak RSS of detect, GiB</text>'
    )
    parts.append("</svg>")
    tmp = out.with_suffix(".tmp")
    tmp.write_text("\n".join(parts) + "\n")
    tmp.replace(out)


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--sizes", type=int, nargs="+", required=True, help="generated corpus sizes")
    add_work_option(ap, "echoscope-scale")
    ap.add_argument("--seed", type=int, default=7, help="gencorpus seed of new corpora")
    ap.add_argument("--memory", help="detect's --memory (default: its own default)")
    ap.add_argument(
        "--again",
        action="store_true",
        help="reuse the detected store of each size: query and incremental figures only",
    )
    ap.add_argument("--json", help="append results as JSON lines to this file")
    ap.add_argument("--plot", help="write an SVG of peak RSS against size (all --json lines)")
    a = ap.parse_args()
    work, echoscope = prepare(a.work)
    results = []
    for size in a.sizes:
        results.append(bench(size, work, echoscope, a.seed, a.memory, a.again))
        print(row(results[-1]), flush=True)
        if a.json:
            with open(a.json, "a") as fh:
                fh.write(json.dumps(results[-1]) + "\n")
    print()
    print(HEADER)
    for r in results:
        print(row(r))
    if a.plot:
        everything = results
        if a.json:
            with open(a.json) as fh:
                everything = [json.loads(line) for line in fh if line.strip()]
        plot(everything, Path(a.plot))


if __name__ == "__main__":
    main()
