"""``echoscope info``: what the store holds, and its recent ingests and runs."""

from __future__ import annotations

import argparse

from echoscope.cli.common import Command, add_db

DESCRIPTION = """\
Counts of documents and passages, and the recent ingests and detect runs with their timings.

example:
  echoscope info --db talk.db
"""


def add_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)


def run(args: argparse.Namespace) -> int:
    from echoscope.show.terminal import terminal_text
    from echoscope.store import overview
    from echoscope.store.sqlite import Store

    with Store(args.db, create=False, readonly=True) as store:
        docs = store.count_documents()
        print(f"{args.db}: {docs} documents, {store.count_passages()} passage pairs")
        for ingest in overview.recent_ingests(store.conn):
            source = terminal_text(ingest.source)
            print(
                f"  ingest {ingest.id} {ingest.finished}: +{ingest.added} docs "
                f"({ingest.rejected} rejected) from {source}"
            )
        for past in overview.recent_runs(store.conn):
            secs = sum(past.seconds.values())
            print(
                f"  run {past.id} {past.finished}: {past.mode}, {past.docs} docs ({past.new_docs} "
                f"new), {past.passages} pairs, {secs:.1f}s"
            )
        print(f"  {_index_line(store, docs)}")
    return 0


def _index_line(store, docs: int) -> str:
    """What the token index beside the store holds (see ``echoscope detect --help``)."""
    from echoscope.detect.budget import format_size
    from echoscope.detect.index import index_state

    state = index_state(store)
    if state is None:
        return "token index: none yet (the next detect builds it)"
    behind = f", {docs - state.docs} documents behind (the next detect adds them)"
    return (
        f"token index: {state.docs} documents, {state.tokens} tokens, {len(state.runs)} seed "
        f"runs, {format_size(state.bytes)} in {state.folder}{behind if docs > state.docs else ''}"
    )


INFO = Command("info", "what the store holds", DESCRIPTION, add_arguments, run)
