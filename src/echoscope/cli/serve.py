"""``echoscope serve``: the web viewer over a store."""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from echoscope.cli.common import Command, add_db, note
from echoscope.cli.option_types import whole_number

#: addresses that only this machine can reach
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")

DESCRIPTION = """\
Start the web viewer over a store: overview, talking points with timelines, side-by-side
alignments, documents with their echoes highlighted, speakers and outlets with who-echoes-whom
networks, and full-text search; everything also as JSON under /api (OpenAPI document at
/api/openapi.json). The store is opened read-only. Binds 127.0.0.1 unless --host says otherwise.

examples:
  echoscope serve --db talk.db                  # then open http://127.0.0.1:8017/
  echoscope serve --db talk.db --port 9000
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind; anything but 127.0.0.1 exposes the corpus to others",
    )
    p.add_argument("--port", type=whole_number(1, 65535), default=8017)
    p.add_argument("--workers", type=whole_number(1, 128), default=1, help="server processes")


def run(args: argparse.Namespace) -> int:
    import uvicorn

    from echoscope.web import data

    data.connect(args.db).close()  # a clear error now rather than on the first request
    note(args, "bringing the search index up to date…")
    t = time.perf_counter()
    added = data.index_for_search(args.db)
    if added:
        note(args, f"indexed {added} documents for search in {time.perf_counter() - t:.1f}s")
    exposed = args.host not in LOCAL_HOSTS
    if exposed:
        note(args, f"warning: serving on {args.host}: other machines can read this corpus")
    os.environ["ECHOSCOPE_DB"] = str(Path(args.db).resolve())
    if exposed:  # on purpose: any Host header
        os.environ["ECHOSCOPE_HOSTS"] = "*"
    print(f"echoscope: serving {args.db} on http://{args.host}:{args.port}/", file=sys.stderr)
    uvicorn.run(
        "echoscope.web.app:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        log_level="warning",
        access_log=False,
    )
    return 0


SERVE = Command("serve", "the web viewer", DESCRIPTION, add_arguments, run)
