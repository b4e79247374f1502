"""The public Python API: the same jobs as the CLI, returning data instead of printing.

>>> import echoscope.api as es
>>> es.ingest("talk.db", ["corpus/"])                     # doctest: +SKIP
>>> es.detect("talk.db")                                  # doctest: +SKIP
>>> for p in es.pairs("talk.db", top=5): print(p.doc_a, p.doc_b, p.score)   # doctest: +SKIP
>>> es.query("talk.db", "text of a speech ...")            # doctest: +SKIP
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from echoscope.detect.job import DetectResult
    from echoscope.ingest import IngestResult

from echoscope.detect.params import DetectParams, SemanticParams
from echoscope.errors import EchoscopeError
from echoscope.evaluate import (
    Case,
    cluster_scores,
    evaluate,
    load_gold,
    load_members_jsonl,
    load_pairs_jsonl,
)
from echoscope.model import Accusation, Document, PassagePair, Rejected
from echoscope.points.bursts import BurstParams
from echoscope.store import overview, reader
from echoscope.store.export import export_pairs
from echoscope.store.sqlite import Store

__all__ = [
    "BurstParams",
    "DetectParams",
    "Document",
    "PassagePair",
    "Rejected",
    "SemanticParams",
    "Store",
    "accusations",
    "accusations_in",
    "actors",
    "bursts",
    "detect",
    "evaluate_points",
    "evaluate_store",
    "export",
    "ingest",
    "members",
    "pairs",
    "points",
    "query",
    "responses",
]

PathLike = str | os.PathLike[str]


def ingest(db: PathLike, paths: Sequence[PathLike], **options: Any) -> IngestResult:
    """Add documents from files/folders to the store at ``db`` (see ``echoscope ingest``)."""
    from echoscope.ingest import ingest as ingest_into

    with Store(db) as store:
        return ingest_into(store, list(paths), progress=False, **options)


def detect(
    db: PathLike,
    params: DetectParams | None = None,
    *,
    full: bool = False,
    bursts: BurstParams | None = None,
    semantic: SemanticParams | bool = False,
    memory: int | str | None = None,
    entities: PathLike | None = None,
) -> DetectResult:
    """All-pairs detection (incremental when possible); passages, talking points and who
    accuses whom (``entities``: an alias CSV, see ``echoscope detect --entities``) are saved
    in the store. ``semantic=True`` (or a :class:`SemanticParams`) also finds paraphrases and
    translations (needs ``pip install 'echoscope[semantic]'``). ``memory`` (bytes, or a size
    such as ``"8G"``) is the budget the work is partitioned to fit; results never depend on
    it."""
    from echoscope.detect.budget import parse_size
    from echoscope.detect.job import run_detect  # the compiled kernels: loaded when used
    from echoscope.targets.entities import read_aliases
    from echoscope.targets.stage import TargetsParams

    sem = SemanticParams() if semantic is True else (semantic or None)
    aliases = tuple(read_aliases(entities)) if entities is not None else None
    with Store(db, create=False) as store:
        return run_detect(
            store,
            params or DetectParams(),
            full=full,
            progress=False,
            bursts=bursts,
            semantic=sem,
            memory=parse_size(memory) if isinstance(memory, str) else memory,
            targets=TargetsParams(aliases=aliases),
        )


def query(
    db: PathLike,
    text: str | Mapping[str, str],
    params: DetectParams | None = None,
    *,
    semantic: SemanticParams | bool = False,
) -> list[PassagePair]:
    """Where is ``text`` (or each of a {name: text} mapping) echoed in the corpus? With
    ``semantic``, also in other words and other languages, from the sentence vectors a
    semantic detect cached."""
    from echoscope.detect.job import run_query

    queries = [("query", text)] if isinstance(text, str) else list(text.items())
    sem = SemanticParams() if semantic is True else (semantic or None)
    with Store(db, create=False, readonly=True) as store:
        return run_query(store, queries, params or DetectParams(), progress=False, semantic=sem)


def pairs(db: PathLike, *, top: int | None = None) -> list[PassagePair]:
    """Stored passage pairs, strongest first (all of them unless ``top``)."""
    with Store(db, create=False, readonly=True) as store:
        return list(store.iter_passages(order=reader.PAIRS_STRONGEST_FIRST, limit=top))


def export(db: PathLike, out: PathLike, fmt: str = "jsonl", *, with_text: bool = True) -> int:
    """Write the stored passage pairs as JSONL, CSV or Parquet, or (``fmt="pan"``) a folder
    of PAN text-alignment XML; returns how many."""
    with Store(db, create=False, readonly=True) as store:
        return export_pairs(store, fmt, out, with_text=with_text)


def evaluate_store(
    db: PathLike,
    gold: PathLike,
    *,
    label: str = "label",
    kinds: Sequence[str] | None = None,
    detections: PathLike | None = None,
) -> dict[str, Any]:
    """PAN measures of the stored passages against gold JSONL or a PAN corpus folder.

    ``label`` names the gold JSONL field the figures are split by. ``kinds`` scores only the
    passages of those kinds, against the gold pairs of those kinds when the gold gives each
    pair's kind (a ``kind`` or ``edit`` field). ``detections`` scores a JSONL file of pairs
    instead of the store's passages (the store is then read only for a PAN folder's ids)."""
    gold = Path(gold)
    folder = gold.is_dir()
    store = None
    if detections is None or folder:
        store = Store(db, create=False, readonly=True)
    try:
        cases, listed = load_gold(
            gold, label_field=label, doc_ids=lambda: [r[1] for r in store.document_index()]
        )
        if label != "label" and all(case.label is None for case in cases):
            raise EchoscopeError(f"{gold}: no gold pair has a field {label!r}")
        if kinds and not folder:
            cases = _gold_of_kinds(cases, gold, kinds)
        if detections is not None:
            dets = load_pairs_jsonl(detections, label_field="")
        else:
            dets = [
                Case(p.doc_a, p.start_a, p.end_a, p.doc_b, p.start_b, p.end_b)
                for p in store.iter_passages()
                if not kinds or p.kind in kinds
            ]
    finally:
        if store is not None:
            store.close()
    return evaluate(cases, dets, pairs=listed)


def _gold_of_kinds(gold: list[Case], gold_path: Path, kinds: Sequence[str]) -> list[Case]:
    """The gold cases of those kinds, when the gold says each case's kind (a ``kind`` or
    ``edit`` field, as the demo's gold has); otherwise every case."""
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


def evaluate_points(
    db: PathLike, gold: PathLike, field: str, *, members: PathLike | None = None
) -> dict[str, Any]:
    """Purity, inverse purity and adjusted Rand index of the talking points against the gold
    JSONL field ``field`` (which pairs belong to one point). The members are the store's, or
    those of a ``members`` file as ``echoscope export points`` writes it."""
    cases = load_pairs_jsonl(gold, label_field=field, require_label=True)
    sides = ("doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b")
    gold_pairs = [{**{k: getattr(c, k) for k in sides}, field: c.label} for c in cases]
    if members is not None:
        spans = load_members_jsonl(members)
    else:
        with Store(db, create=False, readonly=True) as store:
            spans = overview.point_member_spans(store.conn)
    return cluster_scores(spans, gold_pairs, point_field=field)


def points(db: PathLike) -> pd.DataFrame:
    """Talking points, widest spread first: id, docs, speakers, outlets, series, first_date,
    last_date, the representative passage (rep_doc, rep_start, rep_end, text), bursts."""
    with Store(db, create=False, readonly=True) as store:
        return overview.points_frame(store.conn)


def members(db: PathLike, point: str | None = None) -> pd.DataFrame:
    """Member passages of every (or one) talking point with role, source and lags."""
    with Store(db, create=False, readonly=True) as store:
        return overview.members_frame(store.conn, point)


def actors(db: PathLike, by: str = "speaker") -> pd.DataFrame:
    """Who repeats whom: source, target, count, points, median_lag_hours, first/last date."""
    with Store(db, create=False, readonly=True) as store:
        return overview.actor_edges_frame(store.conn, by)


def bursts(db: PathLike) -> pd.DataFrame:
    """Coordination bursts: point, by, start_date, end_date, hours, actors, docs (JSON lists)."""
    with Store(db, create=False, readonly=True) as store:
        return overview.bursts_frame(store.conn)


def accusations(
    db: PathLike, *, target: str | None = None, accuser: str | None = None
) -> pd.DataFrame:
    """Who accuses whom of what: one row per accusation (doc, start, end, accuser, target,
    charge, cue and mention offsets, date, talking point, the evidence sentence)."""
    import pandas as pd

    from echoscope.store import target_rows

    with Store(db, create=False, readonly=True) as store:
        if not target_rows.has_targets_tables(store.conn):
            return pd.DataFrame()
        rows = target_rows.accusations(store.conn, target=target, accuser=accuser)
    return pd.DataFrame(rows)


def responses(db: PathLike) -> pd.DataFrame:
    """Documents answering others: doc, answers, accuser, target, lag_hours and both dates."""
    import pandas as pd

    from echoscope.store import target_rows

    with Store(db, create=False, readonly=True) as store:
        if not target_rows.has_targets_tables(store.conn):
            return pd.DataFrame()
        return pd.DataFrame(target_rows.responses(store.conn))


def accusations_in(
    text: str,
    *,
    lang: str | None = None,
    speaker: str | None = None,
    entities: PathLike | None = None,
) -> list[Accusation]:
    """The accusations of one text, without a store: ``speaker`` is who "we" is, ``entities``
    an alias CSV (see ``echoscope detect --entities``)."""
    from echoscope.targets.entities import Entities, read_aliases
    from echoscope.targets.extract import accusations_in as read

    known = Entities.build(read_aliases(entities) if entities is not None else ())
    return read(Document("text", text, lang=lang, speaker=speaker), known)
