"""Terminal views of talking points: the ranked list, one point's timeline, who echoes whom."""

from __future__ import annotations

import json
import sqlite3
import sys
import textwrap
from typing import TextIO

from echoscope.errors import EchoscopeError
from echoscope.points.filters import fts_query
from echoscope.show.terminal import terminal_text
from echoscope.store import reader
from echoscope.store.sqlite import Store


def _one_line(text: str, width: int) -> str:
    flat = " ".join(terminal_text(text).split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def query_points(
    store: Store,
    *,
    sort: str = "spread",
    top: int = 20,
    speaker: str | None = None,
    outlet: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
) -> list[sqlite3.Row]:
    """Talking points matching the filters, as :func:`echoscope.store.reader.points_sorted`
    returns them (id, docs, speakers, outlets, first_date, last_date, bursts, length, text).
    ``search`` is read as the viewer's search box reads it: words that must all occur,
    "quoted" text a phrase; FTS5 operators are plain words, so no query is a syntax error."""
    match = None
    if search is not None:
        match = fts_query(search)
        if not match:
            raise EchoscopeError(f"--search {search!r}: no words to look for")
    return reader.points_sorted(
        store.conn,
        sort=sort,
        limit=top,
        speaker=speaker,
        outlet=outlet,
        since=since,
        until=until,
        match=match,
    )


def print_points(store: Store, out: TextIO | None = None, **filters) -> None:
    out = out or sys.stdout  # looked up per call: sys.stdout may have been replaced since import
    rows = query_points(store, **filters)
    total = reader.count_points(store.conn)
    if not rows:
        print("no talking points" + (" match" if total else " (run 'echoscope detect')"), file=out)
        return
    print(f"{'point':14} {'docs':>4} {'spkrs':>5} {'first':16} {'bursts':>6}  text", file=out)
    for r in rows:
        print(
            f"{terminal_text(r['id']):14} {r['docs']:>4} {r['speakers']:>5} "
            f"{terminal_text(r['first_date'] or 'undated')[:16]:16} {r['bursts']:>6}  "
            f"{_one_line(r['text'], 60)}",
            file=out,
        )
    print(f"showing {len(rows)} of {total} talking points", file=out)


def print_point(store: Store, point: str, out: TextIO | None = None) -> None:
    out = out or sys.stdout
    row = reader.point_record(store.conn, point)
    if row is None:
        raise EchoscopeError(f"no talking point {point!r} (see 'echoscope points')")
    pid, docs, speakers, outlets = row["id"], row["docs"], row["speakers"], row["outlets"]
    first, last, text = row["first_date"], row["last_date"], row["text"]
    print(
        f"{terminal_text(pid)}: {docs} documents, {speakers} speakers, {outlets} outlets, "
        f"{terminal_text(first or 'undated')} to {terminal_text(last or 'undated')}",
        file=out,
    )
    for line in textwrap.wrap(_one_line(text, 10_000), 96):
        print(f"  | {line}", file=out)
    print(
        "\ntimeline (role, date, speaker, outlet, document, source, lag from first use):", file=out
    )
    members = reader.point_members_by_date(store.conn, pid)
    for role, date, spk, outl, doc, _s, _e, src, lag, slag in members:
        source = f"from {terminal_text(src)} (+{slag:g} h)" if src else ""
        lag_s = f"+{lag:g} h" if lag is not None else ""
        print(
            f"  {terminal_text(role):7} {terminal_text(date or 'undated')[:16]:16} "
            f"{_one_line(spk or '-', 22):22} {_one_line(outl or '-', 24):24} "
            f"{terminal_text(doc):10} {lag_s:>10}  {source}",
            file=out,
        )
    for start, end, hours, actors, by in reader.point_bursts_as_stored(store.conn, pid):
        names = [terminal_text(name) for name in json.loads(actors)]
        print(
            f"\nburst: {len(names)} {terminal_text(by)}s within {hours:g} h "
            f"({terminal_text(start)} to {terminal_text(end)}): {', '.join(names)}",
            file=out,
        )
    first_rep = next((m for m in members if m[0] == "repeat" and m[7]), None)
    if first_rep:
        src_row = next((m for m in members if m[4] == first_rep[7]), None)
        texts = store.texts([first_rep[4], first_rep[7]])
        print(
            f"\nside by side: {terminal_text(first_rep[4])} and its source "
            f"{terminal_text(first_rep[7])}",
            file=out,
        )
        for label, m in (("repeat", first_rep), ("source", src_row)):
            if m:
                body = _one_line(texts[m[4]][m[5] : m[6]], 10_000)
                print(f"  {label} ({terminal_text(m[4])}, {_one_line(m[2] or '-', 40)}):", file=out)
                for line in textwrap.wrap(body, 92):
                    print(f"     {line}", file=out)


def print_actors(
    store: Store, *, by: str = "speaker", top: int = 20, out: TextIO | None = None
) -> None:
    out = out or sys.stdout
    rows = reader.strongest_echo_edges(store.conn, by, top)
    if not rows:
        print(f"no {by} echoes {by}s (run 'echoscope detect')", file=out)
        return
    print(
        f"{'source':28} {'repeated by':28} {'times':>5} {'points':>6} {'median lag h':>12}",
        file=out,
    )
    for src, dst, count, points, lag in rows:
        print(
            f"{_one_line(src, 28):28} {_one_line(dst, 28):28} {count:>5} {points:>6} "
            f"{lag if lag is not None else '-':>12}",
            file=out,
        )
