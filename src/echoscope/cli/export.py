"""``echoscope export``: passage pairs, talking points or the who-repeats-whom network, to a
file."""

from __future__ import annotations

import argparse

from echoscope.cli.common import Command, add_db
from echoscope.errors import EchoscopeError
from echoscope.store.export import NETWORK_FORMATS, PAIR_FORMATS
from echoscope.store.reader import ACTOR_KINDS

EXPORTS = ("pairs", "points", "network")

DESCRIPTION = """\
Export passage pairs. Every record has doc_a, start_a, end_a, doc_b, start_b, end_b (character
offsets, end exclusive), tokens, score, identity, kind, the alignment ops, both documents'
speaker/date/outlet/series and (unless --no-text) the passage text of each side.

--format pan writes the pairs as a folder of PAN text-alignment detections (one XML file per
document pair, this_offset/this_length/source_offset/source_length in characters), for any
PAN corpus and scorer; the source side is the document under src/ (PAN's layout).

examples:
  echoscope export pairs --db talk.db --format jsonl --out pairs.jsonl
  echoscope export pairs --db talk.db --format parquet --out pairs.parquet
  echoscope export pairs --db pan.db --format pan --out detections/
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=EXPORTS, help="what to export")
    add_db(p)
    p.add_argument(
        "--format",
        # every export's formats: one that does not fit WHAT is refused below (pan) or by the
        # exporter
        choices=(*PAIR_FORMATS, *NETWORK_FORMATS),
        help="default: jsonl (pairs, points) or graphml (network); pan: pairs only",
    )
    p.add_argument("--by", choices=ACTOR_KINDS, default="speaker", help="network: whose network")
    p.add_argument(
        "--out", required=True, metavar="PATH", help="output file (a folder for --format pan)"
    )
    p.add_argument("--no-text", action="store_true", help="leave out the passage texts")


def run(args: argparse.Namespace) -> int:
    from echoscope.store.export import export_network, export_pairs, export_points
    from echoscope.store.sqlite import Store

    fmt = args.format or ("graphml" if args.what == "network" else "jsonl")
    if fmt == "pan" and args.what != "pairs":
        raise EchoscopeError("--format pan exports pairs only")
    with Store(args.db, create=False, readonly=True) as store:
        if args.what == "pairs":
            n = export_pairs(store, fmt, args.out, with_text=not args.no_text)
            print(f"wrote {n} passage pairs to {args.out}")
        elif args.what == "points":
            n = export_points(store, fmt, args.out)
            print(f"wrote {n} talking-point members to {args.out}")
        else:
            nodes, edges = export_network(store, fmt, args.out, by=args.by)
            print(f"wrote a network of {nodes} {args.by}s and {edges} edges to {args.out}")
    return 0


EXPORT = Command("export", "write results to a file", DESCRIPTION, add_arguments, run)
