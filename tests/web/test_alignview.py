"""Side by side for semantic passages: sentence matches marked on both sides, and the direction
of Urdu text; on their own, through the pages and API, and in the static report."""

from __future__ import annotations

import json
import sqlite3
import unicodedata
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from echoscope import api
from echoscope.detect.ops import format_matches
from echoscope.web.alignview import (
    numbered_matches,
    segments_text,
    sentence_segments,
    side_by_side,
    text_direction,
)
from echoscope.web.app import create_app
from echoscope.web.links import StaticLinks
from echoscope.web.report import write_report

from .conftest import HIDDEN, Page, assert_inert, shown_controls

# Our own sentences: a minister's allegation in English, its Urdu report (two sentences
# translated, a third not), an English paraphrase of it in the other order, and a third
# English text that repeats only the last sentence.
EN_1 = [
    "Speaking to reporters on Monday, the minister said that the dam contract had been awarded "
    "in secret.",
    "He promised that an inquiry would report within a month.",
    "Farmers in the valley have waited three years for the canal.",
]
UR_1 = [
    "وزیر نے کہا کہ ڈیم کا ٹھیکہ خفیہ طور پر دیا گیا۔",
    "انہوں نے ایک مہینے کے اندر تحقیقات کا وعدہ کیا۔",
    "شہر میں آج صبح بارش ہوئی۔",
]
# hidden characters inside a matched sentence: shown, never acting, never split
EN_2 = [
    "An inquiry will \u202edeliver\u202c its findings\x1b in four weeks, the minister pledged.",
    "According to him the agreement to build the dam was handed out behind closed doors.",
    "The football final was postponed because of rain.",
]
EN_3 = ["Valley farmers say they have been waiting for the canal for three years."]


def _spans(sentences: list[str]) -> list[tuple[int, int]]:
    """Offsets of each sentence in ``" ".join(sentences)``."""
    out, at = [], 0
    for s in sentences:
        out.append((at, at + len(s)))
        at += len(s) + 1
    return out


def build_semantic_store(directory: Path) -> dict:
    """A store of four documents (one Urdu) and three semantic passages inserted as the
    semantic matcher writes them: a translation and a paraphrase with sentence matches, and a
    paraphrase from an older store without any. Returns the store's path and, per passage,
    its id and each side's expected matched texts by number."""
    docs = [("en-1", "en", EN_1), ("ur-1", "ur", UR_1), ("en-2", "en", EN_2), ("en-3", "", EN_3)]
    corpus = directory / "semantic.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i, (doc_id, lang, sentences) in enumerate(docs):
            rec = {
                "id": doc_id,
                "text": " ".join(sentences),
                "date": f"2026-03-0{i + 1}",
                "speaker": f"Speaker {i}",
                **({"lang": lang} if lang else {}),
            }
            f.write(json.dumps(rec, ensure_ascii=True) + "\n")
    db = directory / "semantic.db"
    api.ingest(db, [corpus])
    api.detect(db)
    en1, ur1, en2, en3 = (_spans(s) for s in (EN_1, UR_1, EN_2, EN_3))

    def passage(pid, kind, doc_a, spans_a, doc_b, spans_b, pairs):
        """A passage over sentences ``spans_*`` of each side; ``pairs`` (i, j): sentence i of
        A matches sentence j of B."""
        sa, ea = min(s for s, _ in spans_a), max(e for _, e in spans_a)
        sb, eb = min(s for s, _ in spans_b), max(e for _, e in spans_b)
        matches = [
            (spans_a[i][0] - sa, spans_a[i][1] - sa, spans_b[j][0] - sb, spans_b[j][1] - sb)
            for i, j in pairs
        ]
        ops = format_matches(matches)
        return (pid, doc_a, sa, ea, doc_b, sb, eb, 20, 20, 9.5, 0.1, kind, ops, 0.87), matches

    translation, t_matches = passage(
        7001, "translation", "en-1", en1[:2], "ur-1", ur1[:2], [(0, 0), (1, 1)]
    )
    paraphrase, p_matches = passage(
        7002, "paraphrase", "en-1", en1[:2], "en-2", en2[:2], [(0, 1), (1, 0)]
    )
    old, _ = passage(7003, "paraphrase", "en-1", en1[2:], "en-3", en3, [])
    with sqlite3.connect(db) as c:
        (run,) = c.execute("SELECT max(id) FROM runs").fetchone()
        c.executemany(
            "INSERT INTO passages(id, doc_a, start_a, end_a, doc_b, start_b, end_b, tokens_a, "
            f"tokens_b, score, identity, kind, ops, similarity, run_id) VALUES ({'?, ' * 14}?)",
            [(*r, run) for r in (translation, paraphrase, old)],
        )
    texts = {d: " ".join(s) for d, _, s in docs}

    def expected(row, matches):
        ta, tb = texts[row[1]][row[2] : row[3]], texts[row[4]][row[5] : row[6]]
        return {n: (ta[sa:ea], tb[sb:eb]) for n, (sa, ea, sb, eb) in enumerate(sorted(matches), 1)}

    return {
        "db": db,
        "texts": texts,
        "translation": {"id": 7001, "matches": expected(translation, t_matches)},
        "paraphrase": {"id": 7002, "matches": expected(paraphrase, p_matches)},
        "old": {"id": 7003},
    }


@pytest.fixture(scope="module")
def semantic(tmp_path_factory) -> dict:
    return build_semantic_store(tmp_path_factory.mktemp("semantic-view"))


@pytest.fixture(scope="module")
def client(semantic):
    return TestClient(create_app(semantic["db"]), base_url="http://127.0.0.1")


# -- segments -------------------------------------------------------------------------------------
def _by_number(segments: list[dict]) -> dict[int, str]:
    return {m["n"]: m["a"] for m in numbered_matches(segments, [])}


def test_sentence_segments_number_each_match_alike_on_both_sides():
    a = "One two. Three four. Five six."
    b = "Alpha beta. Gamma. Delta epsilon."
    ops = format_matches([(0, 8, 19, 33), (9, 20, 0, 11)])  # crossing: A1~B3, A2~B1
    seg_a, seg_b = sentence_segments(a, b, ops)
    assert segments_text(seg_a) == a and segments_text(seg_b) == b
    assert _by_number(seg_a) == {1: "One two.", 2: "Three four."}
    assert _by_number(seg_b) == {1: "Delta epsilon.", 2: "Alpha beta."}
    assert [s.get("labels") for s in seg_b if "matches" in s] == [[2], [1]]
    assert [s["text"] for s in seg_a if "matches" not in s] == [" ", " Five six."]
    assert [s["text"] for s in seg_b if "matches" not in s] == [" Gamma. "]
    assert numbered_matches(seg_a, seg_b) == [
        {"n": 1, "a": "One two.", "b": "Delta epsilon."},
        {"n": 2, "a": "Three four.", "b": "Alpha beta."},
    ]


def test_matches_are_numbered_in_the_order_of_side_a_whatever_the_stored_order():
    a, b = "First one. Second one.", "Erste. Zweite."
    stored = format_matches([(11, 22, 7, 14), (0, 10, 0, 6)])
    seg_a, seg_b = sentence_segments(a, b, stored)
    assert numbered_matches(seg_a, seg_b) == [
        {"n": 1, "a": "First one.", "b": "Erste."},
        {"n": 2, "a": "Second one.", "b": "Zweite."},
    ]


def test_a_sentence_in_two_matches_carries_both_numbers():
    a, b = "Short. Also short.", "One longer sentence says both."
    seg_a, seg_b = sentence_segments(a, b, format_matches([(0, 6, 0, 30), (7, 18, 0, 30)]))
    assert seg_b == [{"text": b, "matches": [1, 2], "labels": [1, 2]}]
    assert numbered_matches(seg_a, seg_b) == [
        {"n": 1, "a": "Short.", "b": b},
        {"n": 2, "a": "Also short.", "b": b},
    ]


@pytest.mark.parametrize("ops", ["", "garbage", "3-1:0-4", "0-4:0-x", "-1-4:0-4", "0-4"])
def test_without_valid_matches_each_side_is_one_plain_segment(ops):
    seg_a, seg_b = side_by_side("Some text here.", "Other text.", ops, kind="translation")
    assert seg_a == [{"text": "Some text here."}] and seg_b == [{"text": "Other text."}]
    assert numbered_matches(seg_a, seg_b) == []


def test_offsets_past_the_passage_are_clipped_and_empty_matches_dropped():
    seg_a, seg_b = sentence_segments(
        "abc def", "xyz", format_matches([(4, 99, 0, 50), (40, 50, 1, 2)])
    )
    assert numbered_matches(seg_a, seg_b) == [{"n": 1, "a": "def", "b": "xyz"}]


def _cuts(segments: list[dict]) -> list[int]:
    """Where the segments cut their text (inner boundaries only)."""
    out, at = [], 0
    for seg in segments[:-1]:
        at += len(seg["text"])
        out.append(at)
    return out


def test_no_cut_splits_a_letter_from_its_marks_a_surrogate_pair_or_a_line_break():
    # Urdu with a fatha (U+064E) and a superscript alef (U+0670) right where matches begin and
    # end, a surrogate pair as Python holds one from a lone-surrogate decoding, and CR LF
    a = "کَہا \u0628\u064e\u0670ت"
    b = "x\ud83d\ude00y\r\nz"
    seg_a, seg_b = sentence_segments(a, b, format_matches([(1, 6, 2, 5), (8, 9, 0, 4)]))
    assert segments_text(seg_a) == a and segments_text(seg_b) == b
    for text, segments in ((a, seg_a), (b, seg_b)):
        assert _cuts(segments)
        for c in _cuts(segments):
            assert not unicodedata.category(text[c]).startswith("M"), (text, c)
            assert not ("\ud800" <= text[c - 1] <= "\udbff" and "\udc00" <= text[c] <= "\udfff")
            assert text[c - 1 : c + 1] != "\r\n", (text, c)
    assert numbered_matches(seg_a, seg_b) == [
        {"n": 1, "a": "ہا \u0628\u064e\u0670", "b": "y\r\n"},  # marks stay with their letter
        {"n": 2, "a": "ت", "b": "x\ud83d\ude00y"},
    ]


def test_lexical_passages_are_cut_into_aligned_words_as_before():
    seg_a, seg_b = side_by_side("a b c", "a x c", "1=1X1=", kind="edited")
    assert [s.get("cls") for s in seg_a if "cls" in s] == ["eq", "sub", "eq"]
    assert [s.get("k") for s in seg_b if "cls" in s] == [0, 1, 2]
    assert side_by_side("a b c", "a x c", "1=1X1=") == (seg_a, seg_b)
    assert numbered_matches(seg_a, seg_b) == []


def test_a_store_that_passes_no_kind_gets_sentence_marks_from_the_ops_shape():
    seg_a, _ = side_by_side("One. Two.", "Uno. Dos.", "0-4:0-4")
    assert _by_number(seg_a) == {1: "One."}


# -- direction ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("ur", "anything at all", {"dir": "rtl", "lang": "ur"}),
        ("ur-PK", UR_1[0], {"dir": "rtl", "lang": "ur-PK"}),
        ("", UR_1[0], {"dir": "rtl", "lang": "ur"}),
        (None, UR_1[0] + " (Reuters, 12 May)", {"dir": "rtl", "lang": "ur"}),
        ("en", UR_1[0], {"dir": "auto", "lang": "en"}),  # the record's field wins, as in detect
        ("ar", "نص عربي", {"dir": "rtl", "lang": "ar"}),
        ("en", EN_1[0], {"dir": "auto", "lang": "en"}),
        ("", EN_1[0] + " " + UR_1[2], {"dir": "auto", "lang": ""}),  # mostly Latin
        ("", "PTI " + UR_1[1], {"dir": "rtl", "lang": "ur"}),  # mostly Urdu
        ("he", "שלום", {"dir": "rtl", "lang": "he"}),
        ("", "12, 13. ---", {"dir": "auto", "lang": ""}),
        ("<b>", EN_1[0], {"dir": "auto", "lang": ""}),  # not a language tag: dropped
    ],
)
def test_text_direction(lang, text, expected):
    assert text_direction(lang, text) == expected


# -- pages, API and report ------------------------------------------------------------------------
def _marks(page: Page, side: str) -> dict[int, str]:
    """Each sentence number marked in a pane, with the text its marks cover."""
    pane = next(p for p in page.find("div", class_="pane") if p.attrs["data-side"] == side)
    out: dict[int, str] = {}
    for e in page.elements:
        if e.parent is pane and "sm" in (e.attrs.get("class") or "").split():
            for n in e.attrs["data-m"].split():
                out[int(n)] = out.get(int(n), "") + e.all_text
    return out


def shown_text(text: str) -> str:
    """Text as a page shows it: each hidden character as a U+XXXX token."""
    return "".join(f"U+{ord(c):04X}" if c in HIDDEN else c for c in text)


def _expected(passage: dict, side: int) -> dict[int, str]:
    return {n: shown_text(texts[side]) for n, texts in passage["matches"].items()}


def _labels(page: Page, side: str) -> list[int]:
    pane = next(p for p in page.find("div", class_="pane") if p.attrs["data-side"] == side)
    return [
        int(n)
        for e in page.elements
        if e.parent is pane and "data-n" in e.attrs
        for n in e.attrs["data-n"].split()
    ]


@pytest.mark.parametrize("kind", ["translation", "paraphrase"])
def test_pair_page_marks_each_sentence_match_on_both_sides(semantic, client, kind):
    passage = semantic[kind]
    html = client.get(f"/pairs/{passage['id']}").text
    page = assert_inert(html, kind, scripts_from="/static/")
    want = passage["matches"]
    assert _marks(page, "a") == _expected(passage, 0)
    assert _marks(page, "b") == _expected(passage, 1)
    assert sorted(_labels(page, "a")) == sorted(_labels(page, "b")) == sorted(want)
    rows = page.find("table", class_="list matches")[0]
    numbered = [e for e in page.elements if e.tag == "tr" and "data-m" in e.attrs]
    assert [int(r.attrs["data-m"]) for r in numbered] == sorted(want)
    assert rows.all_text.count(shown_text(want[1][1])) == 1
    assert f"· {kind} ·" in page.find("p", class_="muted")[0].all_text
    assert not page.find("span", class_="tok eq")  # no word alignment claimed


def test_the_paraphrase_shows_hidden_characters_inside_its_marks(semantic, client):
    page = Page(client.get(f"/pairs/{semantic['paraphrase']['id']}").text)
    marked = _marks(page, "b")
    assert "U+202E" in marked[2] and "U+001B" in marked[2]
    assert shown_controls(page) >= {"\u202e", "\u202c", "\x1b"}
    assert not set(HIDDEN) & set(page.html)


def test_urdu_side_is_right_to_left_and_english_side_auto(semantic, client):
    page = Page(client.get(f"/pairs/{semantic['translation']['id']}").text)
    panes = {p.attrs["data-side"]: p for p in page.find("div", class_="pane")}
    assert (panes["a"].attrs["dir"], panes["a"].attrs.get("lang")) == ("auto", "en")
    assert (panes["b"].attrs["dir"], panes["b"].attrs.get("lang")) == ("rtl", "ur")
    cells = [e for e in page.elements if e.tag == "td" and e.attrs.get("dir") == "rtl"]
    assert [c.attrs.get("lang") for c in cells] == ["ur", "ur"]  # the list's Urdu column
    doc = Page(client.get("/docs/ur-1").text).find("article", class_="doctext")[0]
    assert (doc.attrs["dir"], doc.attrs["lang"]) == ("rtl", "ur")
    assert doc.all_text == semantic["texts"]["ur-1"]
    english = Page(client.get("/docs/en-3").text).find("article", class_="doctext")[0]
    assert english.attrs["dir"] == "auto" and "lang" not in english.attrs


def test_an_older_paraphrase_without_matches_is_shown_plainly(semantic, client):
    page = Page(client.get(f"/pairs/{semantic['old']['id']}").text)
    assert not _marks(page, "a") and not _marks(page, "b")
    assert not page.find("table", class_="list matches")
    assert "no word-by-word alignment" in page.find("p", class_="legend")[0].all_text
    d = client.get(f"/api/pairs/{semantic['old']['id']}").json()
    assert all(set(s) == {"text"} for s in d["a"]["segments"] + d["b"]["segments"])


def test_api_segments_carry_the_same_numbers(semantic, client):
    d = client.get(f"/api/pairs/{semantic['translation']['id']}").json()
    assert d["kind"] == "translation"
    got = {n: (a, b) for n, a, b in ((m["n"], m["a"], m["b"]) for m in _api_matches(d))}
    assert got == semantic["translation"]["matches"]


def _api_matches(d: dict) -> list[dict]:
    return numbered_matches(d["a"]["segments"], d["b"]["segments"])


def test_static_report_marks_the_same_matches(semantic, tmp_path):
    out = tmp_path / "site"
    write_report(semantic["db"], out, progress=None)
    for kind in ("translation", "paraphrase"):
        passage = semantic[kind]
        html = (out / f"pair-{passage['id']}.html").read_text(encoding="utf-8")
        page = assert_inert(html, kind, scripts_from="")
        assert _marks(page, "a") == _expected(passage, 0)
        assert _marks(page, "b") == _expected(passage, 1)
    urdu = Page((out / StaticLinks().doc("ur-1")).read_text(encoding="utf-8"))
    assert urdu.find("article", class_="doctext")[0].attrs["dir"] == "rtl"


# -- a reordered passage ---------------------------------------------------------------------------
def test_pair_page_numbers_the_pieces_of_a_reordered_passage(tmp_path, maker):
    """A statement reused with its sentences shuffled is one passage; its page marks each
    aligned piece with the same number on both sides, and claims no word alignment."""
    sentences = [maker.sentences(24) for _ in range(8)]
    moved = [sentences[k] for k in (4, 0, 6, 2)]
    docs = [
        {"id": "speech", "text": f"{maker.sentences(40)} {' '.join(sentences)}"},
        {"id": "echo", "text": f"{' '.join(f'{s} {maker.sentences(14)}' for s in moved)}"},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    db = tmp_path / "r.db"
    api.ingest(db, [corpus])
    api.detect(db)
    (p,) = api.pairs(db)
    assert p.kind == "reordered"
    with sqlite3.connect(db) as conn:
        (pid,) = conn.execute("SELECT id FROM passages").fetchone()
    html = TestClient(create_app(db), base_url="http://127.0.0.1").get(f"/pairs/{pid}").text
    page = assert_inert(html, "reordered", scripts_from="/static/")
    marks_a, marks_b = _marks(page, "a"), _marks(page, "b")
    assert sorted(marks_a) == sorted(marks_b) and len(marks_a) >= 4
    for n in marks_a:  # each numbered piece is the same sentence on both sides
        assert marks_a[n].strip() == marks_b[n].strip()
        assert marks_a[n].strip() in {s for s in moved}
    assert "parts moved" in page.find("p", class_="legend")[0].all_text
    assert "Piece matches" in html and "· reordered ·" in html
    assert not page.find("span", class_="tok eq")
