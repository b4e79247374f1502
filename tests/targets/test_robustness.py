"""Hostile inputs for the targets stage: texts that must not crash the rules or give spans
outside their sentence, texts and alias files that cost too much, runs killed or fed odd dates,
and names that must not drive a terminal or a spreadsheet.

The tests marked ``xfail(strict=True)`` are bugs found and not yet fixed: each reason names
the function at fault. When one is fixed, its test passes, strict xfail reports it, and the
mark comes off.
"""

from __future__ import annotations

import csv
import json
import os
import random
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from echoscope import api
from echoscope.cli import main
from echoscope.errors import EchoscopeError
from echoscope.model import Accusation, Document
from echoscope.store import target_rows
from echoscope.store.sqlite import Store
from echoscope.targets import stage
from echoscope.targets.entities import Entities, read_aliases
from echoscope.targets.extract import accusations_in
from echoscope.targets.responses import link_responses

# Modest: the suite runs on shared cores (ECHOSCOPE_FUZZ_EXAMPLES for a long run).
FAST = settings(
    max_examples=int(os.environ.get("ECHOSCOPE_FUZZ_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

ALIASES = [
    ("Sara Malik", "سارہ ملک", "person", "National Concord Party"),
    ("Ali Raza", "علی رضا", "person", "Dalmora Renewal Front"),
    ("Awami Sadaqat League", "ASL", "party", ""),
    ("Dalmora Renewal Front", "the Front", "party", ""),
]
KNOWN = Entities.build(ALIASES)


def offsets_problems(text: str, found: list[Accusation]) -> list[str]:
    """What is wrong with the spans of ``found`` in ``text`` (empty: nothing)."""
    out = []
    for a in found:
        if not 0 <= a.start < a.end <= len(text):
            out.append(f"sentence {a.start}:{a.end} outside the text")
        if not a.start <= a.cue_start < a.cue_end <= a.end:
            out.append(f"cue {a.cue_start}:{a.cue_end} outside its sentence")
        elif not text[a.cue_start : a.cue_end].strip():
            out.append("an empty cue")
        if not a.start <= a.target_start < a.target_end <= a.end:
            out.append(f"target {a.target_start}:{a.target_end} outside its sentence")
        if (a.accuser_start is None) != (a.accuser_end is None):
            out.append("an accuser span with one end")
        if a.accuser_start is not None and not a.start <= a.accuser_start < a.accuser_end <= a.end:
            out.append(f"accuser {a.accuser_start}:{a.accuser_end} outside its sentence")
        # an accuser named in the sentence has its span there; one from the speaker or an
        # earlier sentence has none
        if (a.accuser_from == "text") != (a.accuser_start is not None):
            out.append(f"accuser_from {a.accuser_from!r} with span {a.accuser_start}")
        if (a.charge_start is None) != (a.charge_end is None):
            out.append("a charge span with one end")
        if a.charge_start is not None and not a.start <= a.charge_start < a.charge_end <= a.end:
            out.append(f"charge {a.charge_start}:{a.charge_end} outside its sentence")
        if not a.accuser.strip() or not a.target.strip() or a.accuser == a.target:
            out.append(f"names {a.accuser!r} -> {a.target!r}")
    return out


def read(
    text: str, lang: str | None = "en", entities: Entities | None = None, **fields: str | None
) -> list[tuple[str, str]]:
    doc = Document("d", text, lang=lang, **fields)
    found = accusations_in(doc, entities)
    assert offsets_problems(text, found) == []
    return [(a.accuser, a.target) for a in found]


# -- 1. no crash, every span inside its sentence ----------------------------------------------

# words the rules react to, in both languages, with the marks and forms that trip tokenizers
_ENGLISH = (
    "accused accuse of condemned condemn blamed for demanded action against the arrest "
    "alleged that looted treasury corruption traitor is a said according to he she him we "
    "they and each other held responsible faced criticism from who whom with accusing "
    "saying termed called Sara Malik Ali Raza ASL Awami Sadaqat League Prime Minister "
    "government federal former chief Mr. Dr. R.N. PML-N's Jinnah\u2019s anti-state"
)
_URDU = (
    "نے پر کا کی کو کے خلاف الزام لگایا مذمت غدار قرار دیا کارروائی مطالبہ کہا کہ ہم "
    "انہوں سارہ ملک علی رضا علي ملك سارة عَلی"
)
_PUNCTUATION = ". , ; : ? ! ( ) \u201c \u201d ' \" \u2014 - \u06d4 \u061f \u060c \n"
_TOKENS = [
    *_ENGLISH.split(),
    *_URDU.split(),
    *_PUNCTUATION.split(" "),
    "\u200e",
    "\u200f",
    "\u202e",
    "\u2066",
    "\u200c",
    "\u200b",
    "\x85",
    "\u2028",
    "\x0b",
    "\x1b",
    "\x9b",
    "\u0130",
    "\u00df",
    "\ufdf2",
    "\u064b",
    "\u0640",
    "_",
]
_token = st.sampled_from(_TOKENS)
_texts = (
    st.lists(_token, max_size=50).map(" ".join)
    | st.lists(_token, max_size=30).map("".join)
    | st.lists(st.lists(_token, max_size=14).map(" ".join), max_size=5).map(". ".join)
    | st.text(max_size=60)
)
_alias_text = st.lists(_token, min_size=1, max_size=3).map(" ".join) | st.text(max_size=5)
_alias_rows = st.lists(
    st.tuples(_alias_text, _alias_text, st.sampled_from(["person", "party", ""]), _alias_text),
    max_size=6,
)


@FAST
@given(
    text=_texts,
    lang=st.sampled_from([None, "en", "ur"]),
    rows=_alias_rows,
    speaker=st.sampled_from([None, "Sara Malik", "Staff reporter", "National Concord Party"]),
)
def test_any_text_and_alias_list_gives_spans_inside_their_sentence(text, lang, rows, speaker):
    entities = Entities.build([*ALIASES, *rows], [(speaker, None, speaker, None)])
    read(text, lang, entities, speaker=speaker, series=speaker)


# what a Document can hold after ingest: controls (under a tenth of the opening), bidi
# controls, line separators, letters whose lower case is longer; never a NUL or a lone
# surrogate (the readers reject them)
EDGE_TEXTS = {
    "empty": "",
    "blank": " \n\t ",
    "punctuation only": "!!! ... ??? ,,, \u06d4\u06d4 \u2014\u2014",
    "a cue alone": "accused",
    "a cue opening the text": "accused Ali Raza of theft.",
    "a cue ending the text": "Sara Malik accused",
    "a preposition ending the text": "Sara Malik accused Ali Raza of",
    "names at both ends": "Ali Raza was accused by Sara Malik",
    "quotes unbalanced": '"Sara Malik accused Ali Raza of \u201ctheft',
    "quotes only": "\u201d\u201d accused \u201c Ali \u201c of \u201c",
    "controls": "Sara Malik\x1b[31m accused\x07 Ali Raza\x9b of theft\x0b.",
    "line separators": "Sara Malik accused\u2028Ali Raza of theft.\x85Next.",
    "bidi override": "\u202eSara Malik accused Ali Raza of theft.\u202c",
    "longer lower case": "\u0130\u0130 Sara Malik accused Ali Raza of theft \u0130stanbul.",
    "full width": "\uff33\uff41\uff52\uff41 accused \uff21\uff4c\uff49 of theft.",
    "a question": "Did Sara Malik accuse Ali Raza of theft?",
    "mixed scripts": "Sara Malik نے Ali Raza پر الزام.",
    "urdu cue alone": "الزام",
    "urdu postposition first": "پر الزام نے",
    "urdu question": "علی رضا نے سارہ ملک پر جھوٹ کا الزام لگایا؟",
    "urdu presentation forms": "\ufefb نے \ufefc پر ج کا الزام",
}


@pytest.mark.parametrize("text", EDGE_TEXTS.values(), ids=EDGE_TEXTS.keys())
@pytest.mark.parametrize("lang", [None, "en", "ur"])
@pytest.mark.parametrize("entities", [None, KNOWN], ids=["no list", "aliases"])
def test_edge_texts_read_without_error(text, lang, entities):
    read(text, lang, entities, speaker="Sara Malik")


def test_urdu_letter_forms_and_diacritics_resolve_to_the_same_names():
    plain = "علی رضا نے سارہ ملک پر جھوٹ بولنے کا الزام لگایا۔"
    arabic_forms = "علي رضا نے سارہ ملك پر جھوٹ بولنے کا الزام لگایا۔"  # Arabic yeh, kaf
    diacritics = "عَلی رِضا نے سارہ مَلک پر جھوٹ بولنے کا اِلزام لگایا۔"
    for text in (plain, arabic_forms, diacritics):
        assert read(text, "ur", KNOWN) == [("Ali Raza", "Sara Malik")]


def test_a_name_typed_with_teh_marbuta_matches_its_urdu_spelling():
    text = "علی رضا نے سارة ملک پر جھوٹ بولنے کا الزام لگایا۔"
    assert read(text, "ur", KNOWN) == [("Ali Raza", "Sara Malik")]


def test_aliases_of_punctuation_only_match_nothing():
    junk = [("Sara Malik", alias, "person", "") for alias in ("?!", "'s", "\u064b\u064c", "-")]
    entities = Entities.build(junk)
    assert len(entities) == 1
    assert read("?! accused 's of - theft.", "en", entities) == []


def test_an_alias_file_of_an_empty_or_punctuation_entity_is_one_line(tmp_path):
    path = tmp_path / "aliases.csv"
    path.write_text("entity,alias\n?!,Sara\n", "utf-8")
    with pytest.raises(EchoscopeError, match=r"aliases\.csv:2: the entity column is empty"):
        read_aliases(path)


_ALIAS_BYTES = [
    b"entity",
    b"alias",
    b"kind",
    b"member_of",
    b"ENTITY",
    b",",
    b"\n",
    b"\r\n",
    b'"',
    b" ",
    b"person",
    b"party",
    b"x",
    b"\xff",
    b"\x00",
    b"\xef\xbb\xbf",
    "علی".encode(),
]


@FAST
@given(data=st.lists(st.sampled_from(_ALIAS_BYTES), max_size=30).map(b"".join) | st.binary())
def test_any_alias_file_is_read_or_refused_in_one_line(tmp_path, data):
    path = tmp_path / "aliases.csv"
    path.write_bytes(data)
    try:
        rows = read_aliases(path)
    except EchoscopeError as e:
        assert "\n" not in str(e) and str(path) in str(e)
        return
    Entities.build(rows)


# -- 1b. recall lost to marks a text may carry ------------------------------------------------


@pytest.mark.parametrize("dash", ["\u2014", "\u2013"])
def test_a_cue_touching_a_dash_is_still_read(dash):
    assert read("Sara Malik condemned Ali Raza for the riots.") == [("Sara Malik", "Ali Raza")]
    assert read(f"Sara Malik{dash}condemned Ali Raza for the riots.") == [
        ("Sara Malik", "Ali Raza")
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Sara Malik accused \u200eAli Raza of theft.", "en"),
        ("Sara Malik\u200e accused Ali Raza of theft.", "en"),
        ("Sara Malik accused Ali\u200b Raza of theft.", "en"),
        ("علی رضا\u200f نے سارہ ملک پر جھوٹ بولنے کا الزام لگایا۔", "ur"),
        ("علی رضا نے سارہ ملک \u200eپر جھوٹ بولنے کا الزام لگایا۔", "ur"),
    ],
)
def test_invisible_marks_do_not_hide_an_accusation(text, lang):
    # names the alias list does not know (with it, whether a name still resolves depends on
    # whether its longest alias reaches over the mark)
    expected = ("علی رضا", "سارہ ملک") if lang == "ur" else ("Sara Malik", "Ali Raza")
    assert read(text, lang) == [expected]


@pytest.mark.parametrize("lang", ["und", "mul"])
def test_an_undetermined_lang_field_falls_back_to_the_script(lang):
    text = "علی رضا نے سارہ ملک پر جھوٹ بولنے کا الزام لگایا۔"
    assert read(text, None) == [("علی رضا", "سارہ ملک")]
    assert read(text, lang) == [("علی رضا", "سارہ ملک")]


# -- 2. time: no input may cost more than about linearly --------------------------------------


def _seconds(fn: Callable[[], object]) -> float:
    """The faster of two runs: one slow run on a busy machine is not the code's cost."""
    best = float("inf")
    for _ in range(2):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


# Wall-clock growth checks flake on a loaded machine (and the project measures speed in
# benchmarks/, not in timed unit tests): run them with ECHOSCOPE_WALL_CLOCK_TESTS=1.
wall_clock = pytest.mark.skipif(
    not os.environ.get("ECHOSCOPE_WALL_CLOCK_TESTS"),
    reason="a wall-clock check: set ECHOSCOPE_WALL_CLOCK_TESTS=1 to run it",
)


def _growth(make: Callable[[int], Callable[[], object]], n: int) -> float:
    """How much longer four times the input takes: about 4 when linear, 16 when quadratic."""
    small, large = _seconds(make(n)), _seconds(make(4 * n))
    return large / max(small, 1e-4)


def _extract(text: str, lang: str = "en", speaker: str | None = None) -> Callable[[], object]:
    return lambda: accusations_in(Document("d", text, lang=lang, speaker=speaker))


@wall_clock
def test_a_long_sentence_with_one_cue_costs_linear_time():
    rng = random.Random(3)
    vocab = ["kar", "dal", "ment", "sono", "vila", "pur", "ten", "mora", "Zed", "Quor"]

    def make(n: int) -> Callable[[], object]:
        words = [rng.choice(vocab) for _ in range(n)]
        words[n // 2 : n // 2] = ["Ali", "Raza", "accused", "Sara", "Malik", "of", "corruption"]
        return _extract(" ".join(words) + ".")

    assert _growth(make, 5000) < 8


@wall_clock
def test_a_sentence_of_many_accusations_costs_about_linear_time():
    def make(n: int) -> Callable[[], object]:
        return _extract(" ".join("Ali Raza accused Sara Malik of corruption and" for _ in range(n)))

    assert _growth(make, 45) < 8


@wall_clock
def test_pronoun_targets_after_a_long_sentence_cost_about_linear_time():
    def make(n: int) -> Callable[[], object]:
        before = " ".join("Omar Farooq met Hina Butt in town and" for _ in range(n))
        after = " ".join("Ali Raza accused him of theft and" for _ in range(n))
        return _extract(f"{before} rested. {after} left.")

    assert _growth(make, 20) < 8


@wall_clock
def test_many_distinct_one_word_names_cost_about_one_scan():
    rng = random.Random(4)
    vocab = ["kar", "dal", "ment", "sono", "vila", "pur", "ten", "mora"]
    filler = [
        " ".join(rng.choice(vocab) for _ in range(25)).capitalize() + "." for _ in range(1200)
    ]

    def name(i: int) -> str:
        return "Q" + "".join("aeiou"[(i // 5**k) % 5] + "nrst"[(i // 7**k) % 4] for k in range(4))

    def make(k: int) -> Callable[[], object]:
        sentences = list(filler)  # the same length of text, k accusations in it
        for i in range(k):
            sentences[i * (len(sentences) // k)] = f"{name(i)} accused {name(i + 500)} of fraud."
        return _extract(" ".join(sentences))

    small, large = _seconds(make(10)), _seconds(make(80))
    assert large / small < 3  # eight times the names in as much text


@wall_clock
def test_a_long_urdu_sentence_of_many_cues_costs_about_linear_time():
    names = ["عمران خان", "نواز شریف", "شہباز گل", "مریم نواز"]

    def make(n: int) -> Callable[[], object]:
        text = " ".join(f"{names[i % 4]} کی مذمت کی اور" for i in range(n))
        return _extract(text, "ur", speaker="Sara Malik")

    assert _growth(make, 150) < 8


def _tit_for_tat(n: int) -> list[tuple[str, str, str, str]]:
    """n accusations a minute apart: the government accuses one critic, a critic it."""
    t0 = datetime(2026, 1, 1)
    return [
        (
            f"d{i}",
            (t0 + timedelta(minutes=i)).isoformat(),
            "Gov" if i % 2 else f"X{i}",
            f"X{i - 1}" if i % 2 else "Gov",
        )
        for i in range(n)
    ]


@wall_clock
def test_linking_responses_around_one_target_costs_about_linear_time():
    def make(n: int) -> Callable[[], object]:
        rows = _tit_for_tat(n)
        return lambda: link_responses(rows, lambda _name: "")

    assert _growth(make, 600) < 8


# -- 3. the stage over a store ----------------------------------------------------------------

DOCS = [
    {
        "id": "a",
        "speaker": "Sara Malik",
        "series": "sm",
        "date": "2026-02-01",
        "lang": "en",
        "text": "Opening words. Sara Malik accused Ali Raza of laundering the flood money.",
    },
    {
        "id": "b",
        "speaker": "Ali Raza",
        "series": "ar",
        "date": "2026-02-03",
        "lang": "en",
        "text": "We condemn Sara Malik for the lies she tells about the flood money.",
    },
    {
        "id": "c",
        "speaker": "Sara Malik",
        "series": "sm",
        "date": "2026-02-05T10:00:00+05:00",
        "lang": "en",
        "text": "We condemn Ali Raza for his silence on the flood money.",
    },
]


def write(path, docs) -> None:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), "utf-8")


def stored(db) -> tuple[list[tuple], list[tuple], str | None, int]:
    """The accusations, responses, stage state and run count of a store."""
    with Store(db, readonly=True) as store:
        conn = store.conn
        accusations = [(r["doc"], r["accuser"], r["target"]) for r in target_rows.accusations(conn)]
        responses = [(r["doc"], r["answers"]) for r in target_rows.responses(conn)]
        runs = conn.execute("SELECT count(*) FROM runs").fetchone()[0]
        return accusations, responses, target_rows.state(conn), runs


def test_a_second_detect_reads_nothing_and_changes_nothing(tmp_path):
    db = tmp_path / "t.db"
    write(tmp_path / "c.jsonl", DOCS)
    api.ingest(db, [tmp_path / "c.jsonl"])
    api.detect(db)
    first = stored(db)
    assert len(first[0]) == 3 and first[1] == [("b", "a"), ("c", "b")]
    with Store(db) as store:
        assert not stage.pending(store.conn, stage.TargetsParams(), 3)
    api.detect(db)
    assert stored(db)[:3] == first[:3]


def test_a_run_killed_in_the_targets_stage_leaves_the_last_run_whole(tmp_path, monkeypatch):
    db = tmp_path / "t.db"
    write(tmp_path / "one.jsonl", DOCS[:2])
    write(tmp_path / "two.jsonl", DOCS[2:])
    api.ingest(db, [tmp_path / "one.jsonl"])
    api.detect(db)
    before = stored(db)
    api.ingest(db, [tmp_path / "two.jsonl"])

    def killed(*_args, **_kwargs):
        raise KeyboardInterrupt  # as a Ctrl-C while the stage links responses

    monkeypatch.setattr(stage, "link_responses", killed)
    with pytest.raises(KeyboardInterrupt):
        api.detect(db)
    # the accusations of the new document, its run and the stage's state all went back
    assert stored(db) == before
    monkeypatch.undo()
    api.detect(db)
    fresh = tmp_path / "fresh.db"
    write(tmp_path / "all.jsonl", DOCS)
    api.ingest(fresh, [tmp_path / "all.jsonl"])
    api.detect(fresh)
    assert stored(db)[:2] == stored(fresh)[:2]


def test_undated_garbage_and_date_only_documents_do_not_stop_the_stage(tmp_path):
    dates = ["2026-02-01", "soon", "", "2026-02-03T09:00", "2026-W06-2"]
    docs = [{**DOCS[i % 2], "id": f"d{i}", "date": d} for i, d in enumerate(dates)]
    write(tmp_path / "c.jsonl", docs)
    db = tmp_path / "t.db"
    api.ingest(db, [tmp_path / "c.jsonl"])
    api.detect(db)
    accusations, responses, _, _ = stored(db)
    assert len(accusations) == 5
    # d1 ("soon") and d2 (none) are undated: only dated documents answer or are answered
    assert ("d3", "d0") in responses and not {"d1", "d2"} & {d for r in responses for d in r}


def test_a_document_dated_year_one_does_not_fail_detect(tmp_path):
    write(tmp_path / "c.jsonl", [{**DOCS[0], "date": "0001-01-01"}, DOCS[1]])
    db = tmp_path / "t.db"
    api.ingest(db, [tmp_path / "c.jsonl"])
    api.detect(db)
    assert len(stored(db)[0]) == 2


def test_offsets_are_compared_in_utc():
    rows = [
        ("a", "2026-02-01T23:00:00-05:00", "X", "Y"),  # 04:00 UTC on 2 February
        ("b", "2026-02-02T01:00:00+00:00", "Y", "X"),  # three hours before a
    ]
    responses = link_responses(rows, lambda _name: "")
    assert [(r.doc, r.answers) for r in responses] == [("a", "b")]
    assert responses[0].lag_hours == pytest.approx(3.0)


def test_a_reply_after_many_accusations_of_the_same_side_is_linked():
    t0 = datetime(2026, 1, 1)
    rows = [("a", t0.isoformat(), "X", "Gov")]
    rows += [
        (f"y{i}", (t0 + timedelta(seconds=i + 1)).isoformat(), f"Y{i}", "X") for i in range(5000)
    ]
    rows.append(("b", (t0 + timedelta(hours=3)).isoformat(), "Gov", "X"))
    linked = {(r.doc, r.answers) for r in link_responses(rows, lambda _name: "")}
    assert ("b", "a") in linked


# -- 4. output that a terminal, a spreadsheet or Gephi reads ----------------------------------

# a speaker (an accuser of "we") and an id with terminal escapes: OSC title, CSI, C1 CSI,
# bell, bidi override
HOSTILE_SPEAKER = "\x1b]0;owned\x07Sara \x9b31m Malik\u202e"
HOSTILE_ID = "a\x1b[2J"
DRIVERS = ("\x1b", "\x9b", "\x07", "\u202e")


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory):
    folder = tmp_path_factory.mktemp("hostile")
    docs = [
        {
            **DOCS[0],
            "id": HOSTILE_ID,
            "speaker": HOSTILE_SPEAKER,
            "text": "We accuse Ali Raza of laundering the flood money.",
        },
        {
            **DOCS[1],
            "speaker": '=HYPERLINK("http://example.invalid","x")',
            "text": "We condemn Sara Malik for =cmd|' /C calc'!A0 and the lies.",
        },
        {
            **DOCS[2],
            "speaker": "Ali\x0bRaza\ufffe",
            "text": "We condemn Sara Malik for +SUM(1,2) and @cmd theft.",
        },
    ]
    write(folder / "c.jsonl", docs)
    db = folder / "t.db"
    api.ingest(db, [folder / "c.jsonl"])
    api.detect(db)
    return db


@pytest.mark.parametrize(
    "argv",
    [
        ["targets"],
        ["targets", "--json"],
        ["target", "Ali Raza"],
        ["target", "Ali Raza", "--json"],
        ["target", "Sara"],  # several names match: listed in the error
    ],
)
def test_hostile_names_cannot_drive_the_terminal(hostile_db, capsys, argv):
    main([*argv, "--db", str(hostile_db)])
    out, err = capsys.readouterr()
    assert "Malik" in out + err
    assert not [c for c in DRIVERS if c in out + err]


def test_a_name_argument_that_is_not_utf8_is_a_one_line_error(hostile_db, capsys):
    assert main(["target", "Ali\udcff", "--db", str(hostile_db)]) == 1
    assert "internal error" not in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_the_accusation_network_with_control_characters_is_xml(hostile_db, tmp_path, fmt):
    out = tmp_path / f"n.{fmt}"
    argv = ["export", "network", "--kind", "targets", "--format", fmt, "--out", str(out)]
    assert main([*argv, "--db", str(hostile_db)]) == 0
    ET.parse(out)  # well-formed: XML 1.0 holds no C0 control
    written = out.read_text("utf-8")
    assert "U+001B]0;ownedU+0007Sara" in written and "\x1b" not in written


@pytest.mark.xfail(
    strict=True,
    reason="store.export._write_records writes cells that begin with =, +, - or @ as they "
    "are, which a spreadsheet runs as a formula (CSV injection); no CSV export of the "
    "project (pairs, points) neutralises them either",
)
def test_the_accusations_csv_does_not_start_a_cell_with_a_formula(hostile_db, tmp_path):
    out = tmp_path / "a.csv"
    argv = ["export", "targets", "--format", "csv", "--out", str(out)]
    assert main([*argv, "--db", str(hostile_db)]) == 0
    with out.open(newline="", encoding="utf-8") as fh:
        cells = [c for row in csv.DictReader(fh) for c in row.values()]
    assert any(c.lstrip("'").startswith("=HYPERLINK") for c in cells)  # the row is there
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]
