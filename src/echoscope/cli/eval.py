"""``echoscope eval``: PAN measures of the detections against gold annotations, and of the
talking points against a gold field."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from echoscope.cli.common import Command, add_db
from echoscope.errors import EchoscopeError
from echoscope.model import PASSAGE_KINDS

DESCRIPTION = """\
Score detections with the PAN text-alignment measures (Potthast et al. 2010): macro precision,
macro recall, granularity and plagdet, overall and per gold label. Gold is JSONL (doc_a,
start_a, end_a, doc_b, start_b, end_b[, label]; orientation-free) or a PAN corpus folder with
XML annotations (its file names are matched to the store's document ids; detections on document
pairs the PAN 'pairs' file does not list are ignored, as PAN does).

examples:
  echoscope eval --db talk.db --gold gold.jsonl
  echoscope eval --gold gold.jsonl --detections pairs.jsonl --json
  echoscope eval --db pan.db --gold pan13-text-alignment/
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--gold", required=True, metavar="PATH", help="gold JSONL or PAN folder")
    p.add_argument(
        "--detections", metavar="FILE", help="score this JSONL instead of the store's passages"
    )
    p.add_argument("--label", default="label", help="gold field holding the case label")
    p.add_argument(
        "--kind",
        action="append",
        choices=[k.value for k in PASSAGE_KINDS],  # text: a refused value is told repr()s
        help="score only the store's passages of this kind (repeatable), against the gold "
        "pairs of that kind when the gold gives each pair's kind (a 'kind' or 'edit' field)",
    )
    p.add_argument(
        "--points",
        metavar="FIELD",
        help="also score talking points against this gold field (purity, inverse "
        "purity, adjusted Rand index)",
    )
    p.add_argument(
        "--members",
        metavar="FILE",
        help="with --points: score this 'export points' JSONL instead of the store",
    )
    p.add_argument("--json", action="store_true", help="print the figures as JSON")


def run(args: argparse.Namespace) -> int:
    from echoscope import api
    from echoscope.evaluate import format_report

    gold_path = Path(args.gold)
    try:
        gold_exists, gold_is_dir = gold_path.exists(), gold_path.is_dir()
    except OSError as e:  # e.g. a name too long for the file system
        raise EchoscopeError(f"{gold_path}: {e.strerror or e}") from None
    if not gold_exists:
        raise EchoscopeError(f"{gold_path}: no such file or folder")
    # Options that would otherwise be ignored without a word.
    if args.members and not args.points:
        raise EchoscopeError("--members needs --points FIELD (the gold field to score against)")
    if args.points and gold_is_dir:
        raise EchoscopeError("--points needs gold JSONL with a point field, not a PAN folder")
    if args.kind and args.detections:
        raise EchoscopeError("--kind selects the store's passages, not those of --detections")
    if gold_is_dir and args.label != "label":
        raise EchoscopeError("--label names a gold JSONL field; a PAN folder's labels are fixed")
    result = api.evaluate_store(
        args.db, gold_path, label=args.label, kinds=args.kind, detections=args.detections
    )
    points = None
    if args.points:
        points = api.evaluate_points(args.db, gold_path, args.points, members=args.members or None)
    if args.json:
        out = {k: (v.as_dict() if hasattr(v, "as_dict") else v) for k, v in result.items()}
        if "by_label" in out:
            out["by_label"] = {k: v.as_dict() for k, v in result["by_label"].items()}
        if points:
            out["points"] = points
        print(json.dumps(out))
    else:
        print(format_report(result))
        if points:
            print(
                f"talking points vs gold {args.points!r}: "
                + ", ".join(f"{k} {v}" for k, v in points.items())
            )
    return 0


EVAL = Command("eval", "score against gold annotations", DESCRIPTION, add_arguments, run)
