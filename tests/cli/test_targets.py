"""``echoscope targets`` and ``target NAME``: the edges, one name's story, NAME resolution,
terminal safety and the stores without accusations."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing

import pytest

from echoscope import api
from echoscope.cli import main
from echoscope.cli.targets import json_text, marked_sentence, resolve_name
from echoscope.model import Accusation
from echoscope.store import target_rows
from echoscope.store.sqlite import Store

SHARED = (
    "Rustam Keshvani accused Harun Delavar of selling the water of the northern valleys to "
    "foreign buyers while the farmers of Dalmora waited for rain and the reservoirs stood "
    "empty through the long summer."
)
# a sentence whose text would drive a terminal: an OSC title, a bell, a bidi override, a CSI
HOSTILE = "Farida Mortazan accused Harun Delavar of \x1b]0;pwned\x07fraud\u202e and \x9b31mtheft."
URDU = "عمران خان نے نواز شریف پر منی لانڈرنگ کا الزام لگایا۔"
DOCS = [
    (
        "a1",
        "Rustam Keshvani",
        "s1",
        "2026-03-01T09:00",
        f"Opening remarks were made. {SHARED} Fine.",
    ),
    ("a2", "Staff reporter", "s2", "2026-03-02T09:00", f"A reporter wrote this. {SHARED} No more."),
    (
        "a3",
        "Harun Delavar",
        "s3",
        "2026-03-03T09:00",
        "Harun Delavar accused Rustam Keshvani of treason.",
    ),
    (
        "a4",
        "Farida Mortazan",
        "s4",
        "2026-03-04T09:00",
        "We condemn Harun Delavar for the sale of police jobs.",
    ),
    ("u1", "عمران خان", "s5", "2026-03-05T09:00", URDU),
    ("x1", "Farida Mortazan", "s6", "2026-03-06T09:00", HOSTILE),
]


def lang(text: str) -> str:
    return "ur" if any("\u0600" <= c <= "\u06ff" for c in text) else "en"


def write_corpus(path, docs) -> None:
    path.write_text(
        "".join(
            json.dumps(
                {"id": i, "speaker": s, "series": se, "date": d, "text": t, "lang": lang(t)},
                ensure_ascii=False,
            )
            + "\n"
            for i, s, se, d, t in docs
        ),
        encoding="utf-8",
    )


def run(capsys, *args) -> tuple[int, str, str]:
    rc = main([str(a) for a in args])
    captured = capsys.readouterr()
    return rc, captured.out, captured.err


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """The corpus above, ingested and detected (the targets stage ran)."""
    folder = tmp_path_factory.mktemp("targets")
    write_corpus(folder / "c.jsonl", DOCS)
    db = folder / "t.db"
    assert main(["ingest", str(folder / "c.jsonl"), "--db", str(db), "-q"]) == 0
    assert main(["detect", "--db", str(db), "-q"]) == 0
    return db


def rows(db, sql: str, *args) -> list[tuple]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute(sql, args).fetchall()


def test_both_commands_have_help_with_examples(capsys):
    for command in ("targets", "target"):
        with pytest.raises(SystemExit) as e:
            main([command, "--help"])
        assert e.value.code == 0
        out = capsys.readouterr().out
        assert "examples:" in out and f"echoscope {command} " in out


def test_targets_lists_the_edges_under_a_line_of_totals(db, capsys):
    rc, out, err = run(capsys, "targets", "--db", db)
    assert rc == 0 and not err
    (n,) = rows(db, "SELECT count(*) FROM accusations")[0]
    (targets,) = rows(db, "SELECT count(DISTINCT target) FROM accusations")[0]
    (accusers,) = rows(db, "SELECT count(DISTINCT accuser) FROM accusations")[0]
    (responses,) = rows(db, "SELECT count(*) FROM responses")[0]
    lines = out.splitlines()
    assert lines[0].startswith(f"{n} accusations of {targets} targets by {accusers} accusers; ")
    assert lines[0].endswith(f"{responses} response{'' if responses == 1 else 's'}")
    (point,) = rows(db, "SELECT DISTINCT point FROM point_members")[0]
    (edge,) = [line for line in lines if line.startswith("Rustam Keshvani ")]
    assert edge.split()[4:8] == ["2", "2", "2026-03-01", "2026-03-02"]  # count, docs, dates
    assert edge.endswith(point)  # the talking point the shared sentence is part of
    assert any(line.startswith("Harun Delavar ") and "Rustam Keshvani" in line for line in lines)
    edges = len(rows(db, "SELECT DISTINCT accuser, target FROM accusations"))
    assert lines[-1].startswith(f"showing {edges} of {edges} accuser -> target edges")


def test_targets_top_and_json(db, capsys):
    rc, out, _ = run(capsys, "targets", "--db", db, "--top", "1")
    assert rc == 0 and "showing 1 of " in out
    rc, out, _ = run(capsys, "targets", "--db", db, "--json")
    assert rc == 0
    data = json.loads(out)
    assert set(data["totals"]) == {"accusations", "targets", "accusers", "edges", "responses"}
    assert len(data["edges"]) == data["totals"]["edges"]
    (edge,) = [
        e
        for e in data["edges"]
        if (e["accuser"], e["target"]) == ("Rustam Keshvani", "Harun Delavar")
    ]
    assert edge["count"] == 2 and edge["docs"] == 2 and len(edge["points"]) == 1
    assert edge["first_date"] == "2026-03-01T09:00"


def test_target_tells_who_accuses_a_name_of_what_with_the_evidence(db, capsys):
    rc, out, err = run(capsys, "target", "Harun Delavar", "--db", db)
    assert rc == 0 and not err
    lines = out.splitlines()
    assert lines[0] == "Harun Delavar"
    assert "since 2026-03-01T09:00" in lines[1]
    assert "Rustam Keshvani [accused] Harun Delavar of selling the water" in out
    assert "We [condemn] Harun Delavar for the sale of police jobs." in out
    assert "talking point tp-" in out
    # whom he accuses, and the document that answers Rustam Keshvani's
    assert "Harun Delavar accuses 1 target 1 time" in out
    assert "Harun Delavar [accused] Rustam Keshvani of treason." in out
    assert any(line.strip().startswith("a3 ") and "answering a1 " in line for line in lines)


def test_target_shows_no_control_character_of_the_corpus(db, capsys):
    rc, out, _ = run(capsys, "target", "Harun Delavar", "--db", db)
    assert rc == 0 and "fraud" in out
    assert not any(c in out for c in "\x1b\x07\x9b\u202e")
    assert all(c.isprintable() or c == "\n" for c in out)


def test_target_json_has_everything_and_is_terminal_safe(db, capsys):
    rc, out, _ = run(capsys, "target", "Harun Delavar", "--db", db, "--json")
    assert rc == 0 and all(c.isprintable() or c == "\n" for c in out)
    story = json.loads(out)
    assert story["name"] == "Harun Delavar"
    (n,) = rows(db, "SELECT count(*) FROM accusations WHERE target = 'Harun Delavar'")[0]
    assert story["accused"]["count"] == n == len(story["accused"]["accusations"])
    assert {r["accuser"] for r in story["accused"]["by"]} >= {"Rustam Keshvani"}
    assert any(a["sentence"] == HOSTILE for a in story["accused"]["accusations"])
    assert story["accuses"]["whom"][0]["target"] == "Rustam Keshvani"
    assert {(r["doc"], r["answers"]) for r in story["responses"]} >= {("a3", "a1")}


def test_top_caps_the_accusations_listed(db, capsys):
    rc, out, _ = run(capsys, "target", "Harun Delavar", "--db", db, "--top", "1")
    (n,) = rows(db, "SELECT count(*) FROM accusations WHERE target = 'Harun Delavar'")[0]
    assert rc == 0 and f"accusations (the first 1 of {n}, by date)" in out
    assert "selling the water" in out and "police jobs" not in out  # the earliest only


@pytest.mark.parametrize(
    ("given", "resolved"),
    [
        ("Harun Delavar", "Harun Delavar"),  # exactly
        ("  Harun   Delavar ", "Harun Delavar"),  # spaced otherwise
        ("HARUN DELAVAR", "Harun Delavar"),  # in another case
        ("delavar", "Harun Delavar"),  # a part of one name
        ("نواز", "نواز شریف"),  # in Urdu
    ],
)
def test_a_name_is_found_exactly_then_in_any_case_then_as_a_part(db, capsys, given, resolved):
    rc, out, _ = run(capsys, "target", given, "--db", db)
    assert rc == 0 and out.splitlines()[0] == resolved


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("ar", "matches several names: "),  # Harun Delavar, Farida Mortazan, ...
        ("Nobody Known", "no accuser or target named 'Nobody Known'"),
        ("   ", "give a name"),
    ],
)
def test_an_ambiguous_or_unknown_name_is_one_line_and_exit_1(db, capsys, given, message):
    rc, out, err = run(capsys, "target", given, "--db", db)
    assert rc == 1 and not out
    lines = err.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], err
    if given == "ar":
        assert "Harun Delavar" in lines[0] and "Farida Mortazan" in lines[0]


def written_store(tmp_path, accusations: list[tuple[str, str, str]]):
    """A store whose accusations are written directly: (doc, accuser, target), each about
    the document's first sentence."""
    docs = sorted({d for d, _, _ in accusations})
    write_corpus(
        tmp_path / "c.jsonl",
        [
            (d, "Someone", f"s{i}", "2026-01-0{i + 1}", "One sentence here.")
            for i, d in enumerate(docs)
        ],
    )
    db = tmp_path / "w.db"
    api.ingest(db, [tmp_path / "c.jsonl"])
    with Store(db) as store, store.transaction() as conn:
        rowid = {d: r for r, d in conn.execute("SELECT rowid, id FROM documents")}
        target_rows.add_accusations(
            conn,
            [
                (rowid[d], None, Accusation(d, 0, 18, accuser, target, "", 4, 12, 0, 3))
                for d, accuser, target in accusations
            ],
        )
    return db


def test_names_alike_but_for_case_are_listed_not_guessed(tmp_path):
    db = written_store(
        tmp_path, [("d1", "Ana Ruiz", "harun delavar"), ("d2", "Ana Ruiz", "Harun Delavar")]
    )
    with Store(db, create=False, readonly=True) as store:
        assert resolve_name(store.conn, "harun delavar") == "harun delavar"  # exact wins
        with pytest.raises(Exception, match="matches several names") as e:
            resolve_name(store.conn, "HARUN DELAVAR")
        assert "Harun Delavar" in str(e.value) and "harun delavar" in str(e.value)
        assert resolve_name(store.conn, "ana") == "Ana Ruiz"  # an accuser is a name too
        # SQLite's LIKE folds ASCII only; the part is still found
        (tmp_path / "x").mkdir()
        db2 = written_store(tmp_path / "x", [("d1", "Émile Zola", "Ana Ruiz")])
    with Store(db2, create=False, readonly=True) as store:
        assert resolve_name(store.conn, "émile") == "Émile Zola"


@pytest.fixture
def quiet_db(tmp_path):
    """A store of documents that accuse no one: before and after its detect run."""
    write_corpus(
        tmp_path / "c.jsonl",
        [
            ("n1", "Ana Ruiz", "s1", "2026-01-01", "The bridge opened on Monday morning."),
            ("n2", "Ben Ode", "s2", "2026-01-02", "Rain is expected over the hills."),
        ],
    )
    db = tmp_path / "q.db"
    api.ingest(db, [tmp_path / "c.jsonl"])
    return db


def test_a_store_without_accusations_says_so(quiet_db, capsys):
    rc, out, _ = run(capsys, "targets", "--db", quiet_db)
    assert rc == 0 and "have not been read" in out and "echoscope detect" in out
    assert main(["detect", "--db", str(quiet_db), "-q"]) == 0
    capsys.readouterr()
    rc, out, _ = run(capsys, "targets", "--db", quiet_db)
    assert rc == 0 and out.strip() == "no accusations found in the documents read"
    rc, out, _ = run(capsys, "targets", "--db", quiet_db, "--json")
    assert rc == 0 and json.loads(out)["edges"] == []
    rc, out, err = run(capsys, "target", "Ana Ruiz", "--db", quiet_db)
    assert rc == 1 and not out and len(err.strip().splitlines()) == 1
    assert "no accusations found" in err


def test_json_text_escapes_what_a_terminal_would_act_on():
    value = {"s": "a\x1bb\u202ec\x9bd\U000e0041e نواز\u200c"}
    text = json_text(value)
    assert json.loads(text) == value
    assert all(c.isprintable() or c == "\n" for c in text) and "نواز" in text


def test_a_long_sentence_is_shown_around_its_cue():
    sentence = "word " * 200 + "accused" + " word" * 200
    cue = sentence.index("accused")
    row = {"sentence": sentence, "start": 10, "cue_start": 10 + cue, "cue_end": 10 + cue + 7}
    shown = marked_sentence(row, width=100)
    assert "[accused]" in shown and shown.startswith("…") and shown.endswith("…")
    assert len(shown) < 120
    row["cue_end"] = 10_000  # a cue beyond its sentence: the sentence plain, cut
    assert "[" not in marked_sentence(row, width=100)
