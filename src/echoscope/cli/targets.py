"""``echoscope targets`` and ``target``: who accuses whom of what, in the terminal (or as
JSON)."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import textwrap
from typing import Any, TextIO

from echoscope.cli.common import Command, add_db
from echoscope.cli.option_types import whole_number
from echoscope.errors import EchoscopeError

TARGETS_DESCRIPTION = """\
Who accuses whom: every accuser -> target edge the targets stage found (each detect run reads
the new documents for sentences that accuse, condemn, blame or demand action against someone),
most accusations first, with the documents, the first and last date and the talking points
that carry them. The first line gives the totals: accusations, targets, accusers, responses.

examples:
  echoscope targets --db talk.db
  echoscope targets --db talk.db --top 50
  echoscope targets --db talk.db --json > edges.json
"""

TARGET_DESCRIPTION = """\
One name's story: who accuses NAME of what and since when, in which talking points, each
accusation with its date, document, accuser, charge and the evidence sentence (the cue word
in [brackets]); then whom NAME accuses, and the responses (a document answering an earlier
one) among the documents where NAME is accused or accuses.

NAME is matched exactly, then ignoring case, then as part of one stored name ("Delavar"); a
part of several names lists them.

examples:
  echoscope target "Harun Delavar" --db talk.db
  echoscope target delavar --db talk.db --top 50
  echoscope target "نواز شریف" --db talk.db --json
"""

_LISTED = 10  # candidate names an ambiguous NAME lists
_SENTENCE_CHARS = 400  # a longer evidence sentence is shown around its cue


def add_targets_arguments(p: argparse.ArgumentParser) -> None:
    add_db(p)
    p.add_argument("--top", type=whole_number(1), default=20, help="how many edges")
    p.add_argument("--json", action="store_true", help="print the totals and edges as JSON")


def add_target_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", help="an accused or accusing name (from 'echoscope targets')")
    add_db(p)
    p.add_argument(
        "--top",
        type=whole_number(1),
        default=20,
        help="how many accusations to show each way (--json gives all)",
    )
    p.add_argument("--json", action="store_true", help="print everything as JSON")


# -- what the terminal may show ----------------------------------------------------------------


def _text(value: object) -> str:
    """Corpus text on one line, with nothing in it that can drive the terminal."""
    from echoscope.show.terminal import terminal_text

    return " ".join(terminal_text(value).split())


def _cell(value: object, width: int) -> str:
    flat = _text(value if value is not None else "-")
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _escape(ch: str) -> str:
    n = ord(ch)
    if n > 0xFFFF:  # JSON escapes a character beyond the BMP as its surrogate pair
        n -= 0x10000
        return f"\\u{0xD800 + (n >> 10):04x}\\u{0xDC00 + (n & 0x3FF):04x}"
    return f"\\u{n:04x}"


def json_text(value: Any) -> str:
    """``value`` as JSON that is safe in a terminal: readable Urdu, and every character that
    is not printable (C1 controls, bidi overrides) escaped, which JSON reads back the same."""
    raw = json.dumps(value, ensure_ascii=False, indent=2)
    if raw.isprintable():
        return raw
    return "".join(c if c.isprintable() or c == "\n" else _escape(c) for c in raw)


def marked_sentence(row: dict[str, Any], width: int = _SENTENCE_CHARS) -> str:
    """The evidence sentence with its cue in [brackets], on one line; a sentence longer than
    ``width`` is cut to the part around the cue."""
    sentence = row.get("sentence") or ""
    start = row["start"]
    cue_s, cue_e = row["cue_start"] - start, row["cue_end"] - start
    if not 0 <= cue_s <= cue_e <= len(sentence):  # a cue outside its sentence: shown plain
        return _cell(sentence, width)
    before, cue, after = sentence[:cue_s], sentence[cue_s:cue_e], sentence[cue_e:]
    room = max(width - len(cue), 40) // 2
    head = "…" if len(before) > room else ""
    tail = "…" if len(after) > room else ""
    before = before[-room:] if head else before
    after = after[:room] if tail else after
    # the brackets go in before the text is made safe, so they sit exactly around the cue
    return _text(f"{head}{before}[{cue}]{after}{tail}")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _day(date: str | None) -> str:
    return _cell(date or "undated", 16)


# -- echoscope targets -----------------------------------------------------------------------


def _totals_line(totals: dict[str, int]) -> str:
    return (
        f"{_plural(totals['accusations'], 'accusation')} of "
        f"{_plural(totals['targets'], 'target')} by {_plural(totals['accusers'], 'accuser')}; "
        f"{_plural(totals['responses'], 'response')}"
    )


def _no_accusations(conn: sqlite3.Connection) -> str:
    from echoscope.store import target_rows

    if not target_rows.stage_has_run(conn):
        return "no accusations: the documents have not been read for them (run 'echoscope detect')"
    return "no accusations found in the documents read"


def print_targets(
    conn: sqlite3.Connection, *, top: int, as_json: bool, out: TextIO | None = None
) -> None:
    from echoscope.store import target_rows

    out = out or sys.stdout  # looked up per call: sys.stdout may have been replaced since import
    with target_rows.Snapshot(conn):
        totals = target_rows.target_totals(conn)
        edges = target_rows.target_edges(conn, limit=top)
        points = target_rows.edge_points(conn) if edges else {}
    for edge in edges:
        edge["points"] = points.get((edge["accuser"], edge["target"]), [])
    if as_json:
        print(json_text({"totals": totals, "edges": edges}), file=out)
        return
    if not totals["accusations"]:
        print(_no_accusations(conn), file=out)
        return
    print(_totals_line(totals), file=out)
    print(
        f"\n{'accuser':24} {'target':24} {'count':>5} {'docs':>4}  {'first':10} {'last':10}  "
        "talking points",
        file=out,
    )
    for e in edges:
        shown = [_text(p) for p in e["points"][:3]]
        if len(e["points"]) > 3:
            shown.append(f"+{len(e['points']) - 3} more")
        print(
            f"{_cell(e['accuser'], 24):24} {_cell(e['target'], 24):24} {e['count']:>5} "
            f"{e['docs']:>4}  {_text(e['first_date'] or '-')[:10]:10} "
            f"{_text(e['last_date'] or '-')[:10]:10}  {' '.join(shown) or '-'}",
            file=out,
        )
    print(
        f"\nshowing {len(edges)} of {_plural(totals['edges'], 'accuser -> target edge')} "
        "('echoscope target NAME' for one name's story)",
        file=out,
    )


def run_targets(args: argparse.Namespace) -> int:
    from echoscope.store import target_rows
    from echoscope.store.sqlite import Store

    with Store(args.db, create=False, readonly=True) as store:
        target_rows.require_tables(store.conn, args.db)
        print_targets(store.conn, top=args.top, as_json=args.json)
    return 0


# -- echoscope target NAME -------------------------------------------------------------------


def _several(name: str, names: list[str]) -> EchoscopeError:
    listed = ", ".join(_cell(n, 60) for n in names[:_LISTED])
    more = " and more" if len(names) > _LISTED else ""
    return EchoscopeError(
        f"{_cell(name, 60)!r} matches several names: {listed}{more}; give one of them exactly"
    )


def resolve_name(conn: sqlite3.Connection, name: str) -> str:
    """The stored accuser or target name that ``name`` means: the same name, else the one
    that differs only in case, else the one name that contains it. Several, or none, is an
    error of one line."""
    from echoscope.store import target_rows

    try:
        name.encode("utf-8")
    except UnicodeEncodeError:  # bytes that are not UTF-8 on the command line
        raise EchoscopeError("the name given is not UTF-8 text") from None
    key = " ".join(name.split())  # stored names have single spaces
    if not key:
        raise EchoscopeError("give a name to look up (see 'echoscope targets')")
    for candidate in dict.fromkeys((name, key)):
        if target_rows.has_name(conn, candidate):
            return candidate
    if not target_rows.count_accusations(conn):
        raise EchoscopeError(
            f"no accuser or target named {_cell(key, 60)!r}: {_no_accusations(conn)}"
        )
    folded = key.casefold()
    names = target_rows.accusation_names(conn)
    same = [n for n in names if n.casefold() == folded]
    if len(same) == 1:
        return same[0]
    if same:
        raise _several(key, same)
    like = target_rows.target_names_like(conn, key, limit=_LISTED + 1)
    if not like:  # SQLite's LIKE folds ASCII only: "délavar" is part of "Délavar" too
        like = [n for n in names if folded in n.casefold()][: _LISTED + 1]
    if len(like) == 1:
        return like[0]
    if like:
        raise _several(key, like)
    raise EchoscopeError(f"no accuser or target named {_cell(key, 60)!r} (see 'echoscope targets')")


def _story(conn: sqlite3.Connection, name: str, top: int | None) -> dict[str, Any]:
    """Everything ``target NAME`` shows; ``top`` caps the accusations listed each way."""
    from echoscope.store import target_rows

    with target_rows.Snapshot(conn):
        accused = target_rows.name_summary(conn, name, role="target")
        accuses = target_rows.name_summary(conn, name, role="accuser")
        return {
            "name": name,
            "accused": {
                **accused,
                "by": target_rows.accusers_of(conn, name),
                "points": target_rows.points_of_target(conn, name),
                "accusations": target_rows.accusations(conn, target=name, limit=top),
            },
            "accuses": {
                **accuses,
                "whom": target_rows.targets_of(conn, name),
                "accusations": target_rows.accusations(conn, accuser=name, limit=top),
            },
            "responses": target_rows.responses_of_name(conn, name),
        }


def _print_edges(rows: list[dict[str, Any]], who: str, out: TextIO) -> None:
    for r in rows:
        print(
            f"    {_cell(r[who], 32):32} {_plural(r['count'], 'time'):>9}  "
            f"{_day(r['first_date'])} to {_day(r['last_date'])}",
            file=out,
        )


def _print_accusations(
    rows: list[dict[str, Any]], total: int, who: str, title: str, out: TextIO
) -> None:
    shown = f"the first {len(rows)} of {total}" if len(rows) < total else f"all {total}"
    print(f"\n{title} ({shown}, by date):", file=out)
    for r in rows:
        charge = _text(r["charge"]) if r["charge"] else "(no charge named)"
        point = f"  (talking point {_text(r['point'])})" if r.get("point") else ""
        label = "by" if who == "accuser" else "against"
        print(
            f"  {_day(r['date'])}  {_cell(r['doc'], 24)}  {label} {_cell(r[who], 32)}: "
            f"{_cell(charge, 48)}{point}",
            file=out,
        )
        for line in textwrap.wrap(marked_sentence(r), 92) or [""]:
            print(f"      {line}", file=out)


def print_target(
    conn: sqlite3.Connection, name: str, *, top: int, as_json: bool, out: TextIO | None = None
) -> None:
    out = out or sys.stdout
    resolved = resolve_name(conn, name)
    story = _story(conn, resolved, None if as_json else top)
    if as_json:
        print(json_text(story), file=out)
        return
    accused, accuses = story["accused"], story["accuses"]
    print(_text(resolved), file=out)
    if accused["count"]:
        print(
            f"  accused {_plural(accused['count'], 'time')} by "
            f"{_plural(accused['accusers'], 'accuser')} in {_plural(accused['docs'], 'document')}"
            f", since {_day(accused['first_date'])} (last {_day(accused['last_date'])})",
            file=out,
        )
        print("  accused by:", file=out)
        _print_edges(accused["by"], "accuser", out)
        if accused["points"]:
            print("  in talking points:", file=out)
            for p in accused["points"]:
                print(
                    f"    {_cell(p['point'], 14):14} {_plural(p['count'], 'time'):>9}  "
                    f"{_cell(p['text'], 60)}",
                    file=out,
                )
        _print_accusations(accused["accusations"], accused["count"], "accuser", "accusations", out)
    else:
        print("  accused by no one", file=out)
    print(file=out)
    if accuses["count"]:
        print(
            f"{_text(resolved)} accuses {_plural(accuses['targets'], 'target')} "
            f"{_plural(accuses['count'], 'time')} in {_plural(accuses['docs'], 'document')}, "
            f"since {_day(accuses['first_date'])} (last {_day(accuses['last_date'])}):",
            file=out,
        )
        _print_edges(accuses["whom"], "target", out)
        _print_accusations(
            accuses["accusations"], accuses["count"], "target", "accusations made", out
        )
    else:
        print(f"{_text(resolved)} accuses no one", file=out)
    responses = story["responses"]
    print(f"\nresponses ({_plural(len(responses), 'document')} answering another):", file=out)
    for r in responses:
        lag = f"{r['lag_hours']:g} h later" if r["lag_hours"] is not None else "later"
        print(
            f"  {_cell(r['doc'], 24)} ({_day(r['date'])}): {_cell(r['accuser'], 32)} accuses "
            f"{_cell(r['target'], 32)}, answering {_cell(r['answers'], 24)} "
            f"({_day(r['answers_date'])}), {lag}",
            file=out,
        )
    if not responses:
        print("  none", file=out)


def run_target(args: argparse.Namespace) -> int:
    from echoscope.store import target_rows
    from echoscope.store.sqlite import Store

    with Store(args.db, create=False, readonly=True) as store:
        target_rows.require_tables(store.conn, args.db)
        print_target(store.conn, args.name, top=args.top, as_json=args.json)
    return 0


TARGETS = Command(
    "targets", "who accuses whom", TARGETS_DESCRIPTION, add_targets_arguments, run_targets
)
TARGET = Command(
    "target", "who accuses one name of what", TARGET_DESCRIPTION, add_target_arguments, run_target
)
