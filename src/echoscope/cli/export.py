"""``echoscope export``: passage pairs, talking points, accusations, responses or a network
(who repeats whom, who accuses whom), to a file."""

from __future__ import annotations

import argparse

from echoscope.cli.common import Command, add_db
from echoscope.errors import EchoscopeError
from echoscope.store.export import EXPORT_FORMATS, NETWORK_FORMATS, PAIR_FORMATS
from echoscope.store.reader import ACTOR_KINDS

EXPORTS = ("pairs", "points", "network", "targets", "responses")
#: the networks ``export network --kind`` writes: who repeats whom (``--by`` speaker or
#: outlet), or who accuses whom
NETWORK_KINDS = ("repeats", "targets")

DESCRIPTION = """\
Export passage pairs, talking points, accusations, responses or a network to a file.

pairs: every record has doc_a, start_a, end_a, doc_b, start_b, end_b (character offsets, end
exclusive), tokens, score, identity, kind, the alignment ops, both documents'
speaker/date/outlet/series and (unless --no-text) the passage text of each side.
--format pan writes the pairs as a folder of PAN text-alignment detections (one XML file per
document pair, this_offset/this_length/source_offset/source_length in characters), for any
PAN corpus and scorer; the source side is the document under src/ (PAN's layout).

points: one record per talking-point member passage.

targets: one record per accusation, by date: doc, start, end (the sentence), accuser, target,
charge, cue_start, cue_end, point (the talking point the sentence is part of, or null), then
target_start, target_end, accuser_start, accuser_end, charge_start, charge_end (null when
not in the sentence), accuser_from (text, speaker or earlier), date and (unless --no-text)
the sentence.

responses: one record per document that answers an earlier one: doc, answers, accuser,
target, lag_hours, date, answers_date.

network (GraphML or GEXF, for Gephi): --kind repeats (the default) is who repeats whom, by
speaker or outlet (--by); --kind targets is who accuses whom: directed accuser -> target
edges with weight (accusations), docs, first_date, last_date and points (the talking points
carrying them, separated by spaces), and each node's kind and party from the entity list.

examples:
  echoscope export pairs --db talk.db --format jsonl --out pairs.jsonl
  echoscope export pairs --db talk.db --format parquet --out pairs.parquet
  echoscope export pairs --db pan.db --format pan --out detections/
  echoscope export points --db talk.db --format csv --out points.csv
  echoscope export targets --db talk.db --format jsonl --out accusations.jsonl
  echoscope export responses --db talk.db --format csv --out responses.csv
  echoscope export network --db talk.db --format graphml --out speakers.graphml
  echoscope export network --kind targets --db talk.db --format gexf --out accusations.gexf
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", choices=EXPORTS, help="what to export")
    add_db(p)
    p.add_argument(
        "--format",
        # every export's formats: one that does not fit WHAT is refused below (pan) or by the
        # exporter
        choices=(*PAIR_FORMATS, *NETWORK_FORMATS),
        help="default: jsonl, or graphml for a network; pan: pairs only",
    )
    p.add_argument(
        "--kind",
        choices=NETWORK_KINDS,
        help="network: who repeats whom (repeats, the default) or who accuses whom (targets)",
    )
    p.add_argument(
        "--by", choices=ACTOR_KINDS, default="speaker", help="network --kind repeats: whose network"
    )
    p.add_argument(
        "--out", required=True, metavar="PATH", help="output file (a folder for --format pan)"
    )
    p.add_argument(
        "--no-text", action="store_true", help="leave out the passage texts (pairs, targets)"
    )


def _check(args: argparse.Namespace, fmt: str) -> None:
    """Refuse an option that does not fit WHAT, in one line, before the store is opened."""
    if fmt == "pan" and args.what != "pairs":
        raise EchoscopeError("--format pan exports pairs only")
    if args.kind is not None and args.what != "network":
        raise EchoscopeError("--kind is for network exports only")
    if args.what in ("targets", "responses") and fmt not in EXPORT_FORMATS:
        raise EchoscopeError(f"--format {fmt}: {args.what} are exported as jsonl, csv or parquet")


def run(args: argparse.Namespace) -> int:
    from echoscope.store.export import (
        export_network,
        export_pairs,
        export_points,
        export_responses,
        export_target_network,
        export_targets,
    )
    from echoscope.store.sqlite import Store

    fmt = args.format or ("graphml" if args.what == "network" else "jsonl")
    _check(args, fmt)
    with Store(args.db, create=False, readonly=True) as store:
        if args.what == "pairs":
            n = export_pairs(store, fmt, args.out, with_text=not args.no_text)
            print(f"wrote {n} passage pairs to {args.out}")
        elif args.what == "points":
            n = export_points(store, fmt, args.out)
            print(f"wrote {n} talking-point members to {args.out}")
        elif args.what == "targets":
            n = export_targets(store, fmt, args.out, with_text=not args.no_text)
            print(f"wrote {n} accusation{'' if n == 1 else 's'} to {args.out}")
        elif args.what == "responses":
            n = export_responses(store, fmt, args.out)
            print(f"wrote {n} response{'' if n == 1 else 's'} to {args.out}")
        elif args.kind == "targets":
            nodes, edges = export_target_network(store, fmt, args.out)
            print(
                f"wrote a network of {nodes} accusers and targets and {edges} accuser -> "
                f"target edges to {args.out}"
            )
        else:
            nodes, edges = export_network(store, fmt, args.out, by=args.by)
            print(f"wrote a network of {nodes} {args.by}s and {edges} edges to {args.out}")
    return 0


EXPORT = Command("export", "write results to a file", DESCRIPTION, add_arguments, run)
