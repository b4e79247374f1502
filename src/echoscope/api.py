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
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

from echoscope.detect.job import DetectResult, run_detect, run_query
from echoscope.detect.params import DetectParams, SemanticParams
from echoscope.evaluate import Case, evaluate, load_gold
from echoscope.ingest import IngestResult
from echoscope.ingest import ingest as _ingest
from echoscope.model import Document, PassagePair, Rejected
from echoscope.points.bursts import BurstParams
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
    "actors",
    "bursts",
    "detect",
    "evaluate_store",
    "export",
    "ingest",
    "members",
    "pairs",
    "points",
    "query",
]

PathLike = str | os.PathLike[str]


def ingest(db: PathLike, paths: Sequence[PathLike], **options: Any) -> IngestResult:
    """Add documents from files/folders to the store at ``db`` (see ``echoscope ingest``)."""
    with Store(db) as store:
        return _ingest(store, list(paths), progress=False, **options)


def detect(
    db: PathLike,
    params: DetectParams | None = None,
    *,
    full: bool = False,
    bursts: BurstParams | None = None,
    semantic: SemanticParams | bool = False,
) -> DetectResult:
    """All-pairs detection (incremental when possible); passages and talking points are saved
    in the store. ``semantic=True`` (or a :class:`SemanticParams`) also finds paraphrases and
    translations (needs ``pip install 'echoscope[semantic]'``)."""
    sem = SemanticParams() if semantic is True else (semantic or None)
    with Store(db, create=False) as store:
        return run_detect(
            store,
            params or DetectParams(),
            full=full,
            progress=False,
            bursts=bursts,
            semantic=sem,
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
    queries = [("query", text)] if isinstance(text, str) else list(text.items())
    sem = SemanticParams() if semantic is True else (semantic or None)
    with Store(db, create=False, readonly=True) as store:
        return run_query(store, queries, params or DetectParams(), progress=False, semantic=sem)


def pairs(db: PathLike, *, top: int | None = None) -> list[PassagePair]:
    """Stored passage pairs, strongest first (all of them unless ``top``)."""
    with Store(db, create=False, readonly=True) as store:
        return list(store.iter_passages(order="score DESC, doc_a, doc_b, start_a", limit=top))


def export(db: PathLike, out: PathLike, fmt: str = "jsonl", *, with_text: bool = True) -> int:
    """Write the stored passage pairs as JSONL, CSV or Parquet, or (``fmt="pan"``) a folder
    of PAN text-alignment XML; returns how many."""
    with Store(db, create=False, readonly=True) as store:
        return export_pairs(store, fmt, out, with_text=with_text)


def evaluate_store(db: PathLike, gold: PathLike) -> dict[str, Any]:
    """PAN measures of the stored passages against gold JSONL or a PAN corpus folder."""
    with Store(db, create=False, readonly=True) as store:
        cases, listed = load_gold(gold, doc_ids=lambda: [r[1] for r in store.document_index()])
        dets = [
            Case(p.doc_a, p.start_a, p.end_a, p.doc_b, p.start_b, p.end_b)
            for p in store.iter_passages()
        ]
    return evaluate(cases, dets, pairs=listed)


def _frame(db: PathLike, sql: str, args: tuple = ()) -> pd.DataFrame:
    import pandas as pd

    with Store(db, create=False, readonly=True) as store:
        return pd.read_sql_query(sql, store.conn, params=args)


def points(db: PathLike) -> pd.DataFrame:
    """Talking points, widest spread first: id, docs, speakers, outlets, series, first_date,
    last_date, the representative passage (rep_doc, rep_start, rep_end, text), bursts."""
    return _frame(db, "SELECT * FROM points ORDER BY speakers DESC, docs DESC, id")


def members(db: PathLike, point: str | None = None) -> pd.DataFrame:
    """Member passages of every (or one) talking point with role, source and lags."""
    sql = "SELECT * FROM point_members"
    if point is None:
        return _frame(db, sql + " ORDER BY point, date, doc")
    return _frame(db, sql + " WHERE point = ? ORDER BY date, doc", (point,))


def actors(db: PathLike, by: str = "speaker") -> pd.DataFrame:
    """Who repeats whom: source, target, count, points, median_lag_hours, first/last date."""
    return _frame(db, "SELECT * FROM actor_edges WHERE kind = ? ORDER BY count DESC", (by,))


def bursts(db: PathLike) -> pd.DataFrame:
    """Coordination bursts: point, by, start_date, end_date, hours, actors, docs (JSON lists)."""
    return _frame(db, "SELECT * FROM bursts ORDER BY start_date")
