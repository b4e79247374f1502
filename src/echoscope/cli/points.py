"""``echoscope points``, ``point`` and ``actors``: talking points and who repeats whom, in the
terminal."""

from __future__ import annotations

import argparse

from echoscope.cli.common import Command, add_db
from echoscope.cli.option_types import whole_number
from echoscope.points.filters import POINT_SORTS
from echoscope.store.reader import ACTOR_KINDS

POINTS_DESCRIPTION = """\
Talking points: families of passages that are the same stretch of text, recomputed after each
detect. Ranked by spread (distinct speakers), documents, burstiness, length, recency or first
use; filtered by speaker, outlet, date range or full-text search of the representative text
(SQLite FTS5).

examples:
  echoscope points --db talk.db
  echoscope points --db talk.db --sort burst --since 2026-02-01
  echoscope points --db talk.db --speaker "Rustam Keshvani" --search treasury
"""


def add_points_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
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


def run_points(args: argparse.Namespace) -> int:
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


POINT_DESCRIPTION = """\
One talking point: its representative text, a timeline of every occurrence (who said it first,
who repeated it, from whom, and how many hours later), coordination bursts, and the first
repeat side by side with its source.

example:
  echoscope point tp-6a0744a275 --db talk.db
"""


def add_point_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("id", help="talking point id (from 'echoscope points')")
    add_db(p)


def run_point(args: argparse.Namespace) -> int:
    from echoscope.show.points_view import print_point
    from echoscope.store.sqlite import Store

    with Store(args.db, create=False, readonly=True) as store:
        print_point(store, args.id)
    return 0


ACTORS_DESCRIPTION = """\
Who repeats whom: for every talking point, each repeat's source speaker (or outlet) and the
repeater, counted over all points, with the median lag.

examples:
  echoscope actors --db talk.db
  echoscope actors --db talk.db --by outlet --top 50
"""


def add_actors_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--by", choices=ACTOR_KINDS, default="speaker")
    p.add_argument("--top", type=whole_number(1), default=20, help="how many pairs of actors")


def run_actors(args: argparse.Namespace) -> int:
    from echoscope.show.points_view import print_actors
    from echoscope.store.sqlite import Store

    with Store(args.db, create=False, readonly=True) as store:
        print_actors(store, by=args.by, top=args.top)
    return 0


POINTS = Command(
    "points", "list talking points", POINTS_DESCRIPTION, add_points_arguments, run_points
)
POINT = Command(
    "point", "one talking point's story", POINT_DESCRIPTION, add_point_arguments, run_point
)
ACTORS = Command("actors", "who echoes whom", ACTORS_DESCRIPTION, add_actors_arguments, run_actors)
