"""What every command module shares: the record a command is, its help layout, and the options
several commands take (``--db``, ``--wait``, ``--quiet``)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from dataclasses import dataclass

from echoscope.cli.option_types import real_number

DEFAULT_DB = "echoscope.db"


@dataclass(frozen=True)
class Command:
    """One ``echoscope`` command: its line in ``echoscope --help``, its own help text (with
    examples), the options it takes and what runs it (returning the exit code)."""

    name: str
    summary: str
    description: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    run: Callable[[argparse.Namespace], int]


class Formatter(argparse.RawDescriptionHelpFormatter, argparse.ArgumentDefaultsHelpFormatter):
    """Descriptions as written (their examples keep their lines), defaults shown."""


def add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=DEFAULT_DB, metavar="FILE", help="the echoscope SQLite store"
    )


def add_wait(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--wait",
        type=real_number(at_least=0.0),
        default=0.0,
        metavar="SECONDS",
        help="if another echoscope is writing to the store, wait this long for it to finish "
        "(0: stop at once, naming it)",
    )


def add_quiet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars or notes")


def note(args: argparse.Namespace, message: str) -> None:
    """A note on stderr, unless ``--quiet``."""
    if not getattr(args, "quiet", False):
        print(message, file=sys.stderr)
