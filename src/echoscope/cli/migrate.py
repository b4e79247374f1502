"""``echoscope migrate``: bring a store written by an older echoscope to this one's layout."""

from __future__ import annotations

import argparse

from echoscope.cli.common import Command, add_db, add_wait

DESCRIPTION = """\
Apply, in order, the layout changes (migrations) a store written by an older echoscope lacks,
each in one transaction, and record them in the store. Read-only commands (serve, report,
pairs, points, export, detect --query, ...) refuse an older store whose layout differs and name
this command; writing commands (ingest, detect) migrate it themselves. A store already current
is left as it is, and a file echoscope did not write is refused.

examples:
  echoscope migrate --db talk.db
  echoscope migrate --db talk.db --wait 60   # if a detect is writing to it, wait for it
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    add_wait(p)


def run(args: argparse.Namespace) -> int:
    from echoscope.store.migrations import CURRENT_VERSION, migrate

    applied = migrate(args.db, wait=args.wait)
    for migration in applied:
        print(f"{args.db}: applied migration {migration.version}: {migration.description}")
    if not applied:
        print(f"{args.db}: already at schema version {CURRENT_VERSION}; nothing to do")
    return 0


MIGRATE = Command(
    "migrate", "upgrade a store written by an older echoscope", DESCRIPTION, add_arguments, run
)
