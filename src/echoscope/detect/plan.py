"""What a detect run over a store has to do, decided before any work is done.

:func:`plan_run` reads only the store's last run record, the parameters asked for and the
store's document rowids; it touches no store and does no I/O, so each of its cases is a row
of a table test. :func:`echoscope.detect.job.run_detect` carries the plan out.

:class:`RunParams` is what a run records as its parameters (``runs.params``): the local and the
Spark engine both build that record through it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from echoscope.detect.params import DetectParams, SemanticParams
from echoscope.points.bursts import BurstParams

LOCAL_ENGINE = "local"
SPARK_ENGINE = "spark"

# what a run is recorded as (runs.mode); "up-to-date" runs nothing and records nothing
FULL, INCREMENTAL, POINTS, SEMANTIC, UP_TO_DATE = (
    "full",
    "incremental",
    "points",
    "semantic",
    "up-to-date",
)

# what a run does with the lexical passages (RunPlan.lexical) and the semantic ones
# (RunPlan.paraphrases)
ALL, NEW, KEEP, FIND, DROP = "all", "new", "keep", "find", "drop"

# the keys of a run's parameter record that are not the lexical engine's
_NOT_LEXICAL = ("bursts", "semantic")


@dataclass(frozen=True, slots=True)
class RunParams:
    """The parameters of one detect run, as recorded with it: the lexical engine's knobs at the
    top level, the burst definition under ``bursts`` and the semantic matcher's under
    ``semantic`` (None: no paraphrase search)."""

    detect: DetectParams = field(default_factory=DetectParams)
    bursts: BurstParams = field(default_factory=BurstParams)
    semantic: SemanticParams | None = None

    def as_dict(self) -> dict[str, Any]:
        """The record :meth:`echoscope.store.sqlite.Store.save_run` writes as ``params``."""
        return {
            **self.detect.as_dict(),
            "bursts": self.bursts.as_dict(),
            "semantic": self.semantic.as_dict() if self.semantic else None,
        }


def lexical_params(record: dict[str, Any]) -> dict[str, Any]:
    """The lexical engine's parameters within a recorded run's ``params``."""
    return {k: v for k, v in record.items() if k not in _NOT_LEXICAL}


@dataclass(frozen=True, slots=True, eq=False)
class CorpusState:
    """What a plan needs to know of the store's documents: their rowids in ingest order
    (ascending; at least one, since a store without documents is refused before planning)."""

    rowids: np.ndarray

    @property
    def docs(self) -> int:
        return len(self.rowids)

    @property
    def last_rowid(self) -> int:
        return int(self.rowids[-1])


@dataclass(frozen=True, slots=True)
class RunPlan:
    """What one detect run does.

    mode: what the run is recorded as; ``up-to-date`` writes nothing at all.
    lexical: ``all`` aligns every pair and replaces every lexical passage; ``new`` aligns the
        pairs that involve a new document (and the old pairs whose seeds those documents
        pushed over the frequency cap) and replaces only those pairs; ``keep`` leaves the
        lexical passages as they are.
    new_after: with ``lexical == "new"``, documents with a rowid above this one are new.
    new_docs: the run's count of new documents, as recorded.
    paraphrases: ``find`` removes the semantic passages and searches the whole corpus for them
        again (from cached vectors); ``drop`` removes them (a run without the semantic matcher
        leaves none); ``keep`` leaves them.
    last_run_id: the store's newest run when planned (None: none); the run is saved only if it
        still is, so that no other writer's run slipped in between.
    """

    mode: str
    lexical: str
    new_after: int | None
    new_docs: int
    paraphrases: str
    last_run_id: int | None

    @property
    def writes(self) -> bool:
        """Whether the run saves anything (passages, talking points and a run record)."""
        return self.mode != UP_TO_DATE


def plan_run(
    last_run: dict[str, Any] | None,
    params: RunParams,
    corpus: CorpusState,
    *,
    full: bool = False,
) -> RunPlan:
    """Decide what a local detect run does, from the store's last run record (as
    :meth:`Store.last_run` returns it, or None), the parameters asked for, and the store's
    documents; ``full`` forces every pair to be aligned again.

    A run continues the last one (incremental) only when that one ran on the local engine with
    the same lexical parameters; it aligns nothing when no document came after it. What is left
    to do then is the paraphrases, when the semantic parameters changed (or were added or
    dropped), or else the talking points, when only the burst definition changed; otherwise the
    store is up to date.
    """
    asked = params.as_dict()
    last_id = last_run["id"] if last_run is not None else None
    paraphrases = FIND if params.semantic is not None else DROP
    if (
        last_run is None
        or full
        or last_run["engine"] != LOCAL_ENGINE
        or lexical_params(last_run["params"]) != lexical_params(asked)
    ):
        return RunPlan(FULL, ALL, None, corpus.docs, paraphrases, last_id)
    last_doc = int(last_run["last_doc"])
    if last_doc < corpus.last_rowid:
        new_docs = int(np.count_nonzero(corpus.rowids > last_doc))
        return RunPlan(INCREMENTAL, NEW, last_doc, new_docs, paraphrases, last_id)
    recorded = last_run["params"]
    # a record from before the semantic matcher (or bursts) existed has no such key: None
    if recorded.get("semantic") != asked["semantic"]:
        return RunPlan(SEMANTIC, KEEP, None, 0, paraphrases, last_id)
    if recorded.get("bursts") != asked["bursts"]:
        return RunPlan(POINTS, KEEP, None, 0, paraphrases, last_id)
    return RunPlan(UP_TO_DATE, KEEP, None, 0, KEEP, last_id)
