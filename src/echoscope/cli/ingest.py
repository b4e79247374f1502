"""``echoscope ingest``: add documents to the store."""

from __future__ import annotations

import argparse
import os
import time

from echoscope.cli.common import Command, add_db, add_quiet, add_wait
from echoscope.errors import EchoscopeError
from echoscope.outputs import check_output, protect_inputs
from echoscope.read import FORMATS

DESCRIPTION = """\
Add documents to the store (created if missing). Accepts a folder of .txt/.html files (id = the
path inside the folder; metadata from a metadata.csv/.jsonl/.json sidecar), JSON lines
(passim's id, series, text plus any fields: date, speaker, outlet, title, url, lang are known),
CSV/TSV with a header row, or single HTML/text files; .gz and .bz2 are read transparently.

A malformed record stops the ingest with its file and line, and nothing is added. With
--skip-bad it is written to a rejects report instead, and counted. Ids must be unique.

examples:
  echoscope ingest corpus/ --db talk.db
  echoscope ingest speeches.jsonl.gz news.csv --db talk.db
  echoscope ingest export.csv --columns id=doc_id,text=body,speaker=name --db talk.db
  echoscope ingest pan13/ --series-from-dir --db pan.db   # src/ vs susp/ only
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="corpus files or folders")
    add_db(p)
    p.add_argument("--format", choices=FORMATS, help="reader to use (default: from the extension)")
    p.add_argument(
        "--columns",
        metavar="MAP",
        help="field=column pairs for CSV/TSV/JSON, e.g. id=doc_id,text=body",
    )
    p.add_argument("--meta", metavar="FILE", help="metadata sidecar for a folder")
    p.add_argument(
        "--series-from-dir",
        action="store_true",
        help="a folder document's series is its first sub-folder",
    )
    p.add_argument(
        "--skip-bad",
        action="store_true",
        help="reject malformed records into a report instead of stopping",
    )
    p.add_argument("--rejects", metavar="FILE", help="rejects report (default: DB.rejects.jsonl)")
    add_wait(p)
    add_quiet(p)


def run(args: argparse.Namespace) -> int:
    from echoscope.ingest import ingest
    from echoscope.read.folder import would_read
    from echoscope.store.sqlite import Store

    for path in args.paths:
        if not os.path.lexists(path):
            raise EchoscopeError(f"{path}: no such file or folder")
    protect_inputs(args.paths, reads=would_read)
    if args.meta:
        protect_inputs([args.meta])
    if args.rejects:
        check_output(args.rejects)  # before any work: never over the store or an input
    t = time.perf_counter()
    with Store(args.db, wait=args.wait) as store:
        res = ingest(
            store,
            args.paths,
            fmt=args.format,
            columns=_parse_columns(args.columns),
            meta=args.meta,
            series_from_dir=args.series_from_dir,
            skip_bad=args.skip_bad,
            rejects_path=args.rejects,
            progress=not args.quiet,
        )
        total = store.count_documents()
    secs = time.perf_counter() - t
    print(f"added {res.added} documents in {secs:.1f}s; {args.db} now holds {total}")
    if res.rejected:
        print(f"rejected {len(res.rejected)} records; see {res.rejects_report}")
    if res.suspects:
        print(
            f"{len(res.suspects)} records stored with a warning (a CSV quote left open?); "
            f"see {res.rejects_report}"
        )
    return 0


def _parse_columns(spec: str | None) -> dict[str, str] | None:
    if not spec:
        return None
    out = {}
    for part in spec.split(","):
        if "=" not in part:
            raise EchoscopeError(f"--columns: expected field=column, got {part!r}")
        k, v = part.split("=", 1)
        out[k.strip()] = v.strip()
    return out


INGEST = Command("ingest", "add documents to the store", DESCRIPTION, add_arguments, run)
