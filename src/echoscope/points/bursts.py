"""Coordination bursts: a talking point voiced by many distinct actors within a short window.

The time-window method of coordinated-sharing studies (e.g. CooRnet's coordinated link
sharing), applied to text: for each talking point, slide a window of ``window_hours`` over its
dated members; wherever at least ``min_actors`` distinct speakers (or outlets) fall inside one
window, those members are in a burst. Overlapping qualifying windows are one burst.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from echoscope.detect.params import ParamsRecord, bounded, one_of
from echoscope.model import ACTOR_FIELDS
from echoscope.points.spread import Point, parse_date

DEFAULT_WINDOW_HOURS = 48.0
DEFAULT_MIN_ACTORS = 4
# One actor is not coordination: with fewer than two, every dated member would be a burst.
LEAST_MIN_ACTORS = 2
BURST_BY = ACTOR_FIELDS


@dataclass(frozen=True, slots=True)
class BurstParams(ParamsRecord):
    """What makes a burst; checked when made, so a bad value fails before any work is done."""

    window_hours: float = bounded(DEFAULT_WINDOW_HOURS, above=0)
    min_actors: int = bounded(DEFAULT_MIN_ACTORS, low=LEAST_MIN_ACTORS)
    by: str = one_of("speaker", BURST_BY)

    def __post_init__(self) -> None:
        self.validate()


def find_bursts(point: Point, params: BurstParams | None = None) -> list[dict[str, Any]]:
    """Bursts of one point: start, end, hours, distinct actors and member documents."""
    params = params or BurstParams()
    stamped = ((parse_date(m.date), m) for m in point.members if getattr(m, params.by))
    dated = sorted(((t, m) for t, m in stamped if t is not None), key=lambda x: x[0])
    window = params.window_hours * 3600
    in_burst = [False] * len(dated)
    actors: Counter[str] = Counter()
    lo = 0
    for hi, (t, m) in enumerate(dated):
        actors[getattr(m, params.by)] += 1
        while (t - dated[lo][0]).total_seconds() > window:
            a = getattr(dated[lo][1], params.by)
            actors[a] -= 1
            if not actors[a]:
                del actors[a]
            lo += 1
        if len(actors) >= params.min_actors:
            for k in range(lo, hi + 1):
                in_burst[k] = True
    bursts: list[dict[str, Any]] = []
    run: list[int] = []
    for k in range(len(dated) + 1):
        if (
            k < len(dated)
            and in_burst[k]
            and (not run or (dated[k][0] - dated[run[-1]][0]).total_seconds() <= window)
        ):
            run.append(k)
            continue
        if run:
            ms = [dated[i][1] for i in run]
            start, end = dated[run[0]][0], dated[run[-1]][0]
            bursts.append(
                {
                    "point": point.id,
                    "by": params.by,
                    "start": ms[0].date,
                    "end": ms[-1].date,
                    "hours": round((end - start).total_seconds() / 3600, 2),
                    "actors": sorted({getattr(m, params.by) for m in ms}),
                    "docs": [m.doc for m in ms],
                }
            )
            run = []
        if k < len(dated) and in_burst[k]:
            run.append(k)
    return bursts
