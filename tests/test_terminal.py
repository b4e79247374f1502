"""The terminal view marks edits and elides long passages visibly, and no text from the corpus
can drive the terminal."""

import json
import random
import re
import unicodedata
from pathlib import Path

import pytest

from echoscope import api
from echoscope.cli import main
from echoscope.detect.ops import token_marks
from echoscope.show.terminal import marked_text, terminal_text
from echoscope.store.sqlite import Store


def test_edits_are_bracketed_without_colour():
    marks_a, marks_b = token_marks("2=1X1=1D")
    assert marked_text("the red fox ran away", marks_a, color=False) == "the red [fox] ran [away]"
    assert marked_text("the red cat ran", marks_b, color=False) == "the red [cat] ran"


def test_long_passages_show_an_ellipsis_and_both_ends():
    text = " ".join(f"w{i}" for i in range(200))
    shown = marked_text(text, ["="] * 200, color=False, max_chars=100)
    assert shown.startswith("w0 w1") and shown.endswith("w198 w199")
    assert shown.count(" … ") == 1 and len(shown) < 130


def test_control_characters_do_not_reach_the_terminal():
    shown = marked_text("safe \x1b[31mred\x07 text", ["=", "=", "="], color=False)
    assert "\x1b" not in shown and "\x07" not in shown


# -- corpus text cannot drive the terminal ------------------------------------------------------
# Escape sequences and controls a hostile corpus may hold: colours we never emit, an OSC window
# title, an OSC 8 link, an 8-bit CSI and NEL, overwriting by backspace and carriage return, DEL,
# BEL, line separators and bidi overrides and isolates. (NUL is refused at ingest as binary.)
HOSTILE = [
    "\x1b[5m\x1b[38;5;196mblink",
    "\x1b]0;pwned-title\x07",
    "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\",
    "\x9b2Jc1csi\x85nel",
    "abc\x08\x08\x08XYZ\rover",
    "vt\x0bdel\x7fbell\x07",
    "line\u2028para\u2029",
    "\u202eredro\u202c\u2066iso\u2069\u200fmark\u061c",
]
# The only escape sequences our own output may hold: bold, reset and the three edit colours.
OUR_SGR = re.compile(r"\x1b\[(?:0|1|31|32|33)m")
JOINERS = "\u200c\u200d"  # kept: they shape Urdu, Persian and emoji


def _controls(text: str) -> list[str]:
    """Every character of ``text`` that could drive a terminal (newlines end our lines)."""
    return [
        ch
        for ch in text
        if ch != "\n"
        and ch not in JOINERS
        and unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp")
    ]


def _assert_inert(out: str, *, colour: bool = False) -> None:
    if colour:
        assert OUR_SGR.search(out), "--color always lost our own colours"
        out = OUR_SGR.sub("", out)
    assert _controls(out) == [], sorted(set(_controls(out)))


@pytest.fixture(scope="module")
def hostile_store(tmp_path_factory) -> Path:
    """Five documents whose ids, speakers, outlets, titles, dates and texts hold every sequence
    of HOSTILE, sharing one passage (a talking point with a burst: all within five hours)."""
    rng = random.Random(5)
    vocab = sorted({"".join(rng.choice("aeioukrtmnslpdv") for _ in range(7)) for _ in range(3000)})

    def prose(n: int) -> str:
        return " ".join(rng.choice(vocab) for _ in range(n)) + "."

    shared = f"{prose(30)} {' '.join(HOSTILE)} the treasury and, don't {prose(30)}"
    folder = tmp_path_factory.mktemp("hostile-terminal")
    with (folder / "c.jsonl").open("w", encoding="utf-8") as f:
        for i in range(5):
            rec = {
                "id": f"doc{i}{HOSTILE[i]}{HOSTILE[-1 - i]}",
                "speaker": f"speaker{i}{HOSTILE[(i + 1) % 8]}",
                "outlet": f"outlet{i}{HOSTILE[(i + 2) % 8]}",
                "title": f"title{i}{HOSTILE[(i + 3) % 8]}",
                "date": f"2026-05-01T{10 + i:02d}:00",
                "text": f"{prose(40)} {shared} {prose(40)}",
            }
            f.write(json.dumps(rec, ensure_ascii=True) + "\n")  # no reader splits at U+2028
    db = folder / "c.db"
    api.ingest(db, [folder / "c.jsonl"])
    api.detect(db)
    with Store(db, create=False, readonly=True) as store:  # the hostile ids really are stored
        ids = [r[1] for r in store.document_index()]
    assert len(ids) == 5 and all(_controls(i) for i in ids)
    return db


@pytest.mark.parametrize("color", ["always", "never"])
def test_pairs_print_no_control_characters_from_the_corpus(hostile_store, capsys, color):
    assert main(["pairs", "--db", str(hostile_store), "--top", "20", "--color", color]) == 0
    out = capsys.readouterr().out
    assert "doc0" in out and "speaker1" in out and "outlet2" in out and "pwned-title" in out
    _assert_inert(out, colour=color == "always")


def test_pairs_doc_filter_is_echoed_inert(hostile_store, capsys):
    assert main(["pairs", "--db", str(hostile_store), "--doc", HOSTILE[1], "--color", "never"]) == 0
    out = capsys.readouterr().out
    assert "no passage pairs involving" in out and "pwned-title" in out
    _assert_inert(out)


def test_point_views_print_no_control_characters_from_the_corpus(hostile_store, capsys):
    db = str(hostile_store)
    assert main(["points", "--db", db]) == 0
    listing = capsys.readouterr().out
    _assert_inert(listing)
    pid = listing.splitlines()[1].split()[0]
    assert main(["point", pid, "--db", db]) == 0
    story = capsys.readouterr().out
    assert "timeline" in story and "burst: 5 speakers" in story and "side by side" in story
    assert "doc4" in story and "speaker3" in story and "outlet2" in story
    _assert_inert(story)
    for by in ("speaker", "outlet"):
        assert main(["actors", "--db", db, "--by", by]) == 0
        who = capsys.readouterr().out
        assert f"{by}0" in who and f"{by}4" in who
        _assert_inert(who)


def test_query_output_prints_no_control_characters(hostile_store, tmp_path, capsys):
    with Store(hostile_store, create=False, readonly=True) as store:
        text = store.texts(["doc4" + HOSTILE[4] + HOSTILE[-5]])
    query = tmp_path / f"speech{HOSTILE[1]}.txt"  # a file name can carry escapes too
    query.write_text(next(iter(text.values())), encoding="utf-8")
    assert main(["detect", "--db", str(hostile_store), "--query", str(query), "-q"]) == 0
    out = capsys.readouterr().out
    assert "echoed in 5 documents" in out and "pwned-title" in out
    _assert_inert(out)


@pytest.mark.parametrize(
    ("payload", "words"),
    list(
        zip(
            HOSTILE,
            [
                ["[5m", "[38;5;196mblink"],
                ["]0;pwned-title"],
                ["]8;;https://evil.example/", "\\click", "]8;;", "\\"],
                ["2Jc1csi", "nel"],
                ["abc", "XYZ", "over"],
                ["vt", "del", "bell"],
                ["line", "para"],
                ["redroisomark"],
            ],
            strict=True,
        )
    ),
)
def test_terminal_text_leaves_the_visible_text_and_nothing_that_drives_a_terminal(payload, words):
    shown = terminal_text(payload)
    assert _controls(shown) == []
    assert shown.split() == words  # in the order stored; bidi controls dropped, not spaced


def test_terminal_text_keeps_scripts_and_joiners_and_survives_lone_surrogates():
    urdu = "وزیرِ اعظم نے کہا\u200c کہ"  # ZWNJ inside an Urdu phrase
    family = "👨\u200d👩\u200d👧"
    assert terminal_text(urdu) == urdu and terminal_text(family) == family
    assert terminal_text("北京 café") == "北京 café"
    assert terminal_text("bad\ud800half") == "bad half"  # would not encode as UTF-8
    assert terminal_text("nul\x00byte") == "nul byte"
    assert terminal_text("zero\u200bwidth\ufeff") == "zerowidth"


# -- points --search takes any text --------------------------------------------------------------
@pytest.mark.parametrize(
    ("search", "found"),
    [
        ("treasury", True),
        ("don't", True),  # an apostrophe is FTS5 syntax
        ('"the treasury', True),  # an unclosed phrase
        ("treasury AND", True),  # operators are plain words (the text has "and")
        ("treasury OR", False),  # ... words that must occur: "or" does not
        ("TREASURY*", True),  # punctuation is no syntax either
        ("AND", True),
        ("OR", False),
        ("NEAR(", False),
        ("text:treasury", False),  # a column filter in FTS5
        ("col:", False),
        ("^", False),
        ("-treasury", True),
        ("a)b(c", False),
    ],
)
def test_points_search_takes_fts_syntax_as_plain_words(hostile_store, capsys, search, found):
    assert main(["points", "--db", str(hostile_store), f"--search={search}"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert ("showing 1 of 1 talking points" in out) is found, out
    assert ("no talking points match" in out) is not found


@pytest.mark.parametrize("search", ['"', '""', "", "   "])
def test_points_search_without_words_is_one_clear_error(hostile_store, capsys, search):
    assert main(["points", "--db", str(hostile_store), f"--search={search}"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no words to look for" in err and repr(search) in err
    assert "database error" not in err and "fts5" not in err


@pytest.mark.parametrize("kind", ["paraphrase", "translation"])
def test_a_semantic_passage_is_shown_without_word_marks(kind, capsys):
    import io

    from echoscope.model import PassagePair
    from echoscope.show.terminal import print_pair

    a, b = "One family controls every ice factory.", "ایک خاندان برف کے ہر کارخانے پر قابض ہے۔"
    # a semantic passage's ops are its sentence matches, not a word alignment
    p = PassagePair("d1", 0, len(a), "d2", 0, len(b), 6, 9, 5.0, 0.0, kind, f"0-{len(a)}:0-9")
    out = io.StringIO()
    print_pair(p, {"d1": a, "d2": b}, {}, rank=1, max_chars=0, color=False, out=out)
    body = [line.strip() for line in out.getvalue().splitlines() if line.startswith("     ")]
    assert body == [a, b]  # each side whole, no word bracketed as an edit
