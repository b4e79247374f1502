"""``echoscope report``: the viewer's pages written as a static site."""

from __future__ import annotations

import argparse

from echoscope.cli.common import Command, add_db, add_quiet, note

DESCRIPTION = """\
Write the viewer's pages as static HTML into a folder, to share without a server: open
index.html in a browser. Search there filters the talking points in the page (full-text search
of documents needs 'echoscope serve').

examples:
  echoscope report --db talk.db --out site/
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--out", required=True, help="folder to write (created if missing)")
    add_quiet(p)


def run(args: argparse.Namespace) -> int:
    from echoscope.web.report import write_report

    result = write_report(args.db, args.out, progress=lambda message: note(args, message))
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(result.counts.items()))
    print(f"wrote {result.pages} pages to {result.out} ({kinds}); open {result.out / 'index.html'}")
    return 0


REPORT = Command("report", "the viewer's pages as a static site", DESCRIPTION, add_arguments, run)
