"""The ``echoscope`` command line. Every failure a user can cause is one line and exit code 1.

Each command is a module of this package holding its help text, its options and its handler
(a :class:`~echoscope.cli.common.Command`); :data:`COMMAND_LIST` lists them in the order
``echoscope --help`` shows. Adding a command is adding its module and one line there.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sqlite3
import sys
from collections.abc import Sequence

from echoscope import installed_version
from echoscope.cli import (
    detect,
    eval,
    export,
    info,
    ingest,
    migrate,
    pairs,
    points,
    report,
    serve,
    targets,
)
from echoscope.cli.common import DEFAULT_DB, Command, Formatter
from echoscope.errors import EchoscopeError
from echoscope.outputs import clear_protected, protect_store

__all__ = ["COMMANDS", "COMMAND_LIST", "DEFAULT_DB", "build_parser", "main"]

COMMAND_LIST: tuple[Command, ...] = (
    ingest.INGEST,
    detect.DETECT,
    pairs.PAIRS,
    export.EXPORT,
    eval.EVAL,
    points.POINTS,
    points.POINT,
    points.ACTORS,
    targets.TARGETS,
    targets.TARGET,
    info.INFO,
    migrate.MIGRATE,
    serve.SERVE,
    report.REPORT,
)
#: each command's handler by name (what :func:`main` calls)
COMMANDS = {command.name: command.run for command in COMMAND_LIST}

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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="echoscope",
        description=MAIN_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"echoscope {installed_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMAND_LIST:
        command.add_arguments(
            sub.add_parser(
                command.name,
                formatter_class=Formatter,
                help=command.summary,
                description=command.description,
            )
        )
    return parser


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
