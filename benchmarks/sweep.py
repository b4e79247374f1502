"""Parameter sweep: how each detection knob moves precision, recall, plagdet and time.

Tokenizes a corpus once, then runs the local engine with one parameter changed at a time from
the defaults, scoring each run with the PAN measures against the corpus's gold.

    python benchmarks/sweep.py                                   # synth-5k
    python benchmarks/sweep.py --docs demo/corpus.jsonl --gold demo/gold.jsonl
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import time
from pathlib import Path

from echoscope.detect.job import passage_pairs, series_numbers
from echoscope.detect.local import detect
from echoscope.detect.params import DetectParams
from echoscope.evaluate import Case, load_pairs_jsonl, pan_scores
from echoscope.text.tokenize import tokenize_batch

SYNTH = Path(__file__).resolve().parents[2] / "shared" / "data" / "synth-5k"
GRID = {
    "ngram": [3, 4, 5, 6, 7],
    "max_gap": [12, 24, 48],
    "min_tokens": [8, 12, 16, 24],
    "min_identity": [0.3, 0.5, 0.7],
    "xdrop": [3, 6, 12],
    "merge_gap": [0, 12, 24],
    "split_drop": [6, 10, 16, 1000],
    "max_df": [20, 100, 1000],
}


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--docs", default=str(SYNTH / "docs.jsonl.gz"))
    ap.add_argument("--gold", default=str(SYNTH / "gold.jsonl"))
    ap.add_argument("--only", nargs="*", help="parameters to sweep (default: all)")
    a = ap.parse_args()
    opener = gzip.open if a.docs.endswith(".gz") else open
    with opener(a.docs, "rt", encoding="utf-8") as fh:
        recs = [json.loads(line) for line in fh]
    ids = [r["id"] for r in recs]
    tokens = tokenize_batch([r["text"] for r in recs])
    series = series_numbers([r.get("series") for r in recs])
    gold = load_pairs_jsonl(a.gold)
    base = DetectParams()
    detect(tokens, series, base)  # compile outside the timings
    print(f"corpus {a.docs}: {len(ids)} docs, {len(gold)} gold pairs; defaults {base}")
    print("| parameter | value | precision | recall | granularity | plagdet | detections | s |")
    print("|---|---|---|---|---|---|---|---|")
    for name, values in GRID.items():
        if a.only and name not in a.only:
            continue
        for v in values:
            params = dataclasses.replace(base, **{name: v})
            t = time.perf_counter()
            p, _ = detect(tokens, series, params)
            secs = time.perf_counter() - t
            dets = [Case(*pair.spans) for pair in passage_pairs(ids, p)]
            s = pan_scores(gold, dets)
            mark = " (default)" if v == getattr(base, name) else ""
            print(
                f"| {name} | {v}{mark} | {s.precision:.4f} | {s.recall:.4f} | "
                f"{s.granularity:.4f} | {s.plagdet:.4f} | {len(dets)} | {secs:.2f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
