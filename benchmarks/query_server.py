"""Query mode of the web viewer over HTTP: how long ``POST /api/query`` takes on a running server.

Builds the viewer's app for --db in this process (as ``echoscope serve`` does, the query warm-up
included, and timed), serves it with uvicorn on a free port of 127.0.0.1, sends one query to
warm up, then times --repeat queries over one keep-alive HTTP connection: from sending the
request to having the whole JSON answer parsed. The queries are the given text files, or,
without --query, --docs documents of the store (spread evenly over its rowids, fixed seed),
each cut to --chars characters; they are sent in turn until --repeat have been timed. Each
answer's own ``seconds`` (the lookup in the server, without HTTP and JSON) is reported too.

Usage:
    python benchmarks/query_server.py --db talk.db
    python benchmarks/query_server.py --db talk.db --query speech.txt other.txt --repeat 20
    python benchmarks/query_server.py --db talk.db --docs 10 --chars 5000 --json query.json

Prints one line per timed query, then median/min/max seconds, and writes them all as JSON with
--json.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import socket
import sqlite3
import statistics
import sys
import threading
import time
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def store_queries(db: Path, n: int, chars: int, seed: int = 7) -> list[tuple[str, str]]:
    """(name, text) of ``n`` documents of the store, spread over its rowids, read-only."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        rowids = [r[0] for r in conn.execute("SELECT rowid FROM documents ORDER BY rowid")]
        if not rowids:
            sys.exit(f"{db}: the store holds no documents")
        rng = random.Random(seed)
        step = len(rowids) / min(n, len(rowids))
        picked = [
            rowids[min(len(rowids) - 1, int(i * step + rng.random() * step))]
            for i in range(min(n, len(rowids)))
        ]
        out = []
        for rowid in picked:
            doc_id, text = conn.execute(
                "SELECT id, text FROM documents WHERE rowid = ?", (rowid,)
            ).fetchone()
            out.append((doc_id, text[:chars] if chars else text))
        return out
    finally:
        conn.close()


class Served:
    """The viewer's app on uvicorn in a thread of this process, stopped by :meth:`stop`."""

    def __init__(self, app: object) -> None:
        import uvicorn

        self.port = free_port()
        config = uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                sys.exit("the server did not start")
            time.sleep(0.01)

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(10)


def ask(conn: http.client.HTTPConnection, name: str, text: str) -> tuple[float, dict]:
    """Seconds from sending one query to having its answer parsed, and the answer."""
    body = json.dumps({"text": text, "name": name}).encode()
    began = time.perf_counter()
    conn.request("POST", "/api/query", body, {"content-type": "application/json"})
    response = conn.getresponse()
    payload = response.read()
    answer = json.loads(payload)
    took = time.perf_counter() - began
    if response.status != 200:
        sys.exit(f"query {name!r}: HTTP {response.status}: {answer.get('error')}")
    return took, answer


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--db", type=Path, required=True, help="the store (detected: its token index is read)"
    )
    ap.add_argument(
        "--query", type=Path, nargs="+", help="query text files (default: documents of the store)"
    )
    ap.add_argument(
        "--docs", type=int, default=10, help="without --query: how many store documents"
    )
    ap.add_argument(
        "--chars",
        type=int,
        default=0,
        help="without --query: cut each to this many characters (0: whole)",
    )
    ap.add_argument("--repeat", type=int, default=10, help="timed queries")
    ap.add_argument("--json", type=Path, help="also write the figures here")
    ap.add_argument(
        "--no-search-index",
        action="store_true",
        help="skip the viewer's start-up update of its document search index (minutes for a "
        "store of a million never served; queries do not use it)",
    )
    args = ap.parse_args()
    if not args.db.exists():
        sys.exit(f"{args.db}: no such store")
    if args.query:
        queries = [(p.name, p.read_text(encoding="utf-8")) for p in args.query]
    else:
        queries = store_queries(args.db, args.docs, args.chars)

    began = time.perf_counter()
    from echoscope.web.app import create_app

    app = create_app(args.db, index_search=not args.no_search_index)
    startup = time.perf_counter() - began
    served = Served(app)
    conn = http.client.HTTPConnection("127.0.0.1", served.port, timeout=600)
    try:
        warm_s, _ = ask(conn, *queries[0])
        runs = []
        for i in range(args.repeat):
            name, text = queries[i % len(queries)]
            took, answer = ask(conn, name, text)
            runs.append(
                {
                    "name": name,
                    "chars": len(text),
                    "seconds": round(took, 4),
                    "server_seconds": answer["seconds"],
                    "documents": answer["counts"]["documents"],
                    "passages": answer["counts"]["passages"],
                    "notes": answer["notes"],
                }
            )
            counts = answer["counts"]
            print(
                f"{name[:40]:40} {len(text):>8,} chars  {took:7.4f} s "
                f"(lookup {answer['seconds']:.4f} s)  {counts['documents']:>5} documents  "
                f"{counts['passages']:>5} passages"
            )
            for note in answer["notes"]:
                print(f"  note: {note}")
    finally:
        conn.close()
        served.stop()
    times = [r["seconds"] for r in runs]
    lookups = [r["server_seconds"] for r in runs]
    summary = {
        "db": args.db.name,
        "queries": len(runs),
        "app_start_seconds": round(startup, 3),
        "warm_up_seconds": round(warm_s, 4),
        "median_seconds": round(statistics.median(times), 4),
        "min_seconds": round(min(times), 4),
        "max_seconds": round(max(times), 4),
        "median_lookup_seconds": round(statistics.median(lookups), 4),
    }
    print(
        f"{len(runs)} queries over HTTP: median {summary['median_seconds']:.4f} s, "
        f"min {summary['min_seconds']:.4f} s, max {summary['max_seconds']:.4f} s "
        f"(lookup in the server: median {summary['median_lookup_seconds']:.4f} s); app start "
        f"{summary['app_start_seconds']:.2f} s, warm-up query {summary['warm_up_seconds']:.4f} s"
    )
    if args.json:
        args.json.write_text(
            json.dumps({**summary, "runs": runs}, indent=2) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()
