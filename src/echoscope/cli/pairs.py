"""``echoscope pairs``: the strongest passage pairs in the terminal."""

from __future__ import annotations

import argparse
import sys

from echoscope.cli.common import Command, add_db
from echoscope.cli.option_types import whole_number

#: --color: colour always, never, or when the output is a terminal (None)
COLORS = {"auto": None, "always": True, "never": False}

DESCRIPTION = """\
Show detected passage pairs in the terminal, strongest first: both documents with speaker and
date, the passage on each side with edits marked (substituted words in yellow, words only on
one side in red/green; without colour they are [bracketed]).

examples:
  echoscope pairs --db talk.db --top 20
  echoscope pairs --db talk.db --doc sp-0012
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--top", type=whole_number(1), default=10, help="how many pairs")
    p.add_argument("--doc", metavar="ID", help="only pairs involving this document")
    p.add_argument(
        "--max-chars",
        type=whole_number(0),
        default=700,
        help="longer passages are shown with the middle elided (0: never)",
    )
    p.add_argument("--color", choices=tuple(COLORS), default="auto")


def run(args: argparse.Namespace) -> int:
    from echoscope.show.terminal import print_pairs
    from echoscope.store.sqlite import Store

    color = COLORS[args.color]
    if color is None:
        color = sys.stdout.isatty()
    with Store(args.db, create=False, readonly=True) as store:
        print_pairs(store, top=args.top, doc=args.doc, max_chars=args.max_chars, color=color)
    return 0


PAIRS = Command("pairs", "show passage pairs", DESCRIPTION, add_arguments, run)
