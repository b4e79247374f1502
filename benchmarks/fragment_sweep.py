"""How far apart may fragments of one reuse lie? PAN measures of `detect` on generated corpora of
reordered and fragmented reuse (``reorder_corpus.py``) over a grid of the fragment settings,
with the demo corpus and synth-5k as the checks that unrelated passages stay apart.

The tune corpus (``--seed 1``) chooses the settings; the test corpus (``--seed 2``) reports
them. Each corpus is generated and ingested once under ``--work``::

    .venv/bin/python benchmarks/fragment_sweep.py --work WORKDIR/fragments
    .venv/bin/python benchmarks/fragment_sweep.py --work WORKDIR/fragments --corpus test \\
        --grid '{"fragment_gap": [-1, 160]}'
    .venv/bin/python benchmarks/fragment_sweep.py --work WORKDIR/fragments --checks none \\
        --grid '{"semantic.fragment_gap": [-1, 0, 1, 2]}'
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import subprocess
import sys
from pathlib import Path

from echoscope import api
from echoscope.detect.params import DetectParams, SemanticParams

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEEDS = {"tune": 1, "test": 2}
SEMANTIC = "semantic."  # grid keys of SemanticParams fields (they turn --semantic on)
DEFAULT_GRID = {
    "fragment_gap": [-1, 80, 120, 160, 240],
    "fragment_in_order_gap": [12, 24, 36, 10**6],
    "fragment_density": [0.1, 0.2, 0.3],
}


def prepare(work: Path, corpus: str) -> tuple[Path, Path]:
    """The corpus folder and its store (generated and ingested once)."""
    folder, db = work / corpus, work / f"{corpus}.db"
    if not folder.exists():
        script = HERE / "reorder_corpus.py"
        seed = str(SEEDS[corpus])
        subprocess.run(
            [sys.executable, str(script), "--out", str(folder), "--seed", seed], check=True
        )
    if not db.exists():
        api.ingest(db, [folder], series_from_dir=True)
    return folder, db


def checks(work: Path, which: list[str]) -> list[tuple[str, Path, Path]]:
    """(name, store, gold) of the corpora whose unrelated passages must stay apart."""
    out = []
    if "demo" in which:
        db = work / "demo.db"
        if not db.exists():
            api.ingest(db, [ROOT / "demo" / "corpus.jsonl"])
        out.append(("demo", db, ROOT / "demo" / "gold.jsonl"))
    synth = ROOT.parent / "shared" / "data" / "synth-5k"
    if "synth-5k" in which and synth.is_dir():
        db = work / "synth-5k.db"
        if not db.exists():
            api.ingest(db, [synth / "docs.jsonl.gz"])
        out.append(("synth-5k", db, synth / "gold.jsonl"))
    return out


def scores(db: Path, gold: Path, params: DetectParams, semantic: SemanticParams | None) -> dict:
    api.detect(db, params, full=True, semantic=semantic or False)
    return api.evaluate_store(db, gold)


def cell(name: str, result: dict, labels: bool) -> str:
    o = result["overall"]
    text = (
        f"{name}: P {o.precision:.4f} R {o.recall:.4f} G {o.granularity:.3f} "
        f"plagdet {o.plagdet:.4f}"
    )
    if labels:
        for label, s in sorted(result["by_label"].items()):
            text += f" | {label} P {s.precision:.3f} R {s.recall:.3f} G {s.granularity:.3f}"
    return text


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, required=True, help="folder for corpora and stores")
    ap.add_argument("--corpus", choices=SEEDS, default="tune")
    ap.add_argument(
        "--grid",
        help="JSON: DetectParams field (or 'semantic.' and a SemanticParams field) -> values",
    )
    ap.add_argument("--semantic", action="store_true", help="detect --semantic in every run")
    ap.add_argument(
        "--checks", default="demo,synth-5k", help="comma-separated: demo, synth-5k (or none)"
    )
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    folder, db = prepare(args.work, args.corpus)
    others = checks(args.work, args.checks.split(","))
    grid = json.loads(args.grid) if args.grid else DEFAULT_GRID
    for values in itertools.product(*grid.values()):
        change = dict(zip(grid, values, strict=True))
        lexical = {k: v for k, v in change.items() if not k.startswith(SEMANTIC)}
        params = dataclasses.replace(DetectParams(), **lexical)
        semantic = None
        if args.semantic or len(lexical) < len(change):
            chosen = {k[len(SEMANTIC) :]: v for k, v in change.items() if k.startswith(SEMANTIC)}
            semantic = dataclasses.replace(SemanticParams(), **chosen)
        cells = [cell(args.corpus, scores(db, folder, params, semantic), labels=True)]
        cells += [cell(name, scores(d, g, params, semantic), labels=False) for name, d, g in others]
        print(change, " || ".join(cells), flush=True)


if __name__ == "__main__":
    main()
