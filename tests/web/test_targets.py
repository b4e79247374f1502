"""Who accuses whom in the viewer and the static report: the targets list and a target's
page (HTML and JSON), accusations on point, speaker and document pages, responses, escaping."""

from __future__ import annotations

import csv
import json
import random
import re
import sqlite3
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from fastapi.testclient import TestClient

from echoscope import api
from echoscope.cli import main
from echoscope.web import data
from echoscope.web.app import create_app
from echoscope.web.links import ServerLinks, StaticLinks
from echoscope.web.report import write_report

from .conftest import BIDI_CONTROLS, Page, assert_inert, shown_controls

# A target named through the alias file and an accuser named by the metadata, both with markup,
# quotes and a bidi override in their names; a document id that needs care in a URL.
HOSTILE_TARGET = '<img src=x onerror="window.__pwned=\'target\'">Trent \u202eVasquez & "Co"'
HOSTILE_ACCUSER = f"<script>window.__pwned='accuser'</script>Mallory{BIDI_CONTROLS}"
HOSTILE_DOC = "h/1 ?#<b>x</b>"
ALLEGATION = "Rustam Keshvani accused Harun Delavar of selling the water."
URDU = "عمران خان نے نواز شریف پر منی لانڈرنگ کا الزام لگایا۔"


@pytest.fixture(scope="module")
def targets_db(tmp_path_factory) -> Path:
    """Documents whose sentences accuse: an allegation repeated by a second speaker (a talking
    point carrying it), a speaker's own condemnation, a tit-for-tat two days later (a
    response), an Urdu allegation, and a hostile accuser and target."""
    rng = random.Random(5)
    vocab = sorted({"".join(rng.choice("aeioukrtmnslpdv") for _ in range(7)) for _ in range(3000)})

    def prose(n: int) -> str:
        return " ".join(rng.choice(vocab) for _ in range(n)) + "."

    shared = f"{prose(30)} {ALLEGATION} {prose(30)}"
    docs = [
        ("a1", "Rustam Keshvani", "2026-03-01T10:00", f"{prose(40)} {shared} {prose(40)}"),
        ("a2", "Farida Mortazan", "2026-03-02T10:00", f"{shared} {prose(20)}"),
        (
            "a3",
            "Farida Mortazan",
            "2026-03-02T12:00",
            f"{prose(20)} We condemn Harun Delavar for the sale of police jobs. {prose(20)}",
        ),
        (
            "a4",
            "Harun Delavar",
            "2026-03-03T10:00",
            f"{prose(20)} Harun Delavar accused Rustam Keshvani of treason. {prose(20)}",
        ),
        ("u1", "عمران خان", "2026-03-04T10:00", URDU),
        (
            HOSTILE_DOC,
            HOSTILE_ACCUSER,
            "2026-03-05T10:00",
            "We condemn Trent Vasquez for the theft of ballots.",
        ),
    ]
    folder = tmp_path_factory.mktemp("targets")
    corpus = folder / "corpus.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for i, (doc_id, speaker, date, text) in enumerate(docs):
            rec = {"id": doc_id, "speaker": speaker, "date": date, "text": text}
            rec |= {"series": f"s{i}", "lang": "ur" if doc_id == "u1" else "en"}
            f.write(json.dumps(rec, ensure_ascii=True) + "\n")
    aliases = folder / "aliases.csv"
    with aliases.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["entity", "alias", "kind", "member_of"])
        w.writerow([HOSTILE_TARGET, "Trent Vasquez", "person", ""])
        w.writerow(["Harun Delavar", "the DRF chief", "person", "Dalmora Reform Front"])
    db = folder / "targets.db"
    api.ingest(db, [corpus])
    assert main(["detect", "--db", str(db), "-q", "--entities", str(aliases)]) == 0
    return db


@pytest.fixture(scope="module")
def store(targets_db):
    with sqlite3.connect(targets_db) as c:
        c.row_factory = sqlite3.Row
        rows = [dict(r) for r in c.execute("SELECT * FROM accusations ORDER BY id")]
        responses = [dict(r) for r in c.execute("SELECT * FROM responses")]
    return {"accusations": rows, "responses": responses}


@pytest.fixture(scope="module")
def tc(targets_db):
    return TestClient(create_app(targets_db), base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def conn(targets_db):
    c = data.connect(targets_db)
    yield c
    c.close()


def _target_url(name: str) -> str:
    return ServerLinks().target(name)


def test_the_store_holds_what_the_pages_show(store):
    """The fixture's premises: the extractor found each accusation, and the response."""
    edges = {(a["accuser"], a["target"]) for a in store["accusations"]}
    assert {
        ("Rustam Keshvani", "Harun Delavar"),
        ("Farida Mortazan", "Harun Delavar"),
        ("Harun Delavar", "Rustam Keshvani"),
        ("عمران خان", "نواز شریف"),
        (HOSTILE_ACCUSER, HOSTILE_TARGET),
    } <= edges
    assert {(r["doc"], r["answers"]) for r in store["responses"]} >= {("a4", "a1")}


def test_targets_page_ranks_targets_and_edges(tc, conn):
    d = data.targets_page(conn)
    assert d["items"][0]["target"] == "Harun Delavar"
    assert d["items"][0]["count"] == 3 and d["items"][0]["accusers"] == 2
    assert d["total"] == len({i["target"] for i in d["items"]})
    top = d["edges"]["items"][0]
    assert (top["accuser"], top["target"], top["count"]) == (
        "Rustam Keshvani",
        "Harun Delavar",
        2,
    )
    assert len(top["points"]) == 1  # the repeated allegation's talking point
    assert tc.get("/api/targets").json() == json.loads(json.dumps(d))
    page = Page(tc.get("/targets").text)
    hrefs = {e.attrs.get("href") for e in page.find("a")}
    assert _target_url("Harun Delavar") in hrefs and _target_url(HOSTILE_TARGET) in hrefs
    assert ServerLinks().point(top["points"][0]) in hrefs
    paged = tc.get("/api/targets", params={"per_page": 2, "page": 2}).json()
    assert paged["page"] == 2 and len(paged["items"]) == 2 and paged["edges"] is None


def test_target_page_says_who_accuses_them_of_what_since_when(tc, conn):
    d = data.target(conn, "Harun Delavar")
    assert d["summary"]["count"] == 3 and d["summary"]["first_date"] == "2026-03-01T10:00"
    assert {a["accuser"]: a["count"] for a in d["accusers"]} == {
        "Rustam Keshvani": 2,
        "Farida Mortazan": 1,
    }
    assert {c["charge"] for c in d["charges"]["items"]} >= {"selling the water"}
    assert len(d["points"]) == 1 and d["points"][0]["count"] == 2
    assert d["accused"]["total"] == 3
    assert [t["target"] for t in d["targets"]] == ["Rustam Keshvani"]
    assert d["accuses"]["items"][0]["charge"] == "treason"
    # the party has no page of its own (nobody accuses it or is accused by it): not linked
    assert d["member_of"] == [{"name": "Dalmora Reform Front", "page": False}]
    assert "the DRF chief" in d["aliases"]
    assert d["actor"] == {"speaker": True, "outlet": False}
    # a4 answers a1 and also a2, which repeats the allegation a1's speaker made
    assert {(r["doc"], r["answers"]) for r in d["responses"]["items"]} == {
        ("a4", "a1"),
        ("a4", "a2"),
    }
    assert tc.get(_target_url("Harun Delavar").replace("/target/", "/api/target/")).json() == (
        json.loads(json.dumps(d))
    )

    html = tc.get(_target_url("Harun Delavar")).text
    page = Page(html)
    # every accusation's sentence, its cue and the target's mention marked
    evidence = page.find("div", class_="snippet small evidence")
    assert len(evidence) == 4  # three against, one by them
    assert any(e.all_text == ALLEGATION for e in evidence)
    marked = {(m.attrs["class"], m.all_text) for m in page.find("mark")}
    assert {("acc acc-cue", "accused"), ("acc acc-target", "Harun Delavar")} <= marked
    assert ("acc acc-cue", "condemn") in marked
    hrefs = {e.attrs.get("href") for e in page.find("a")}
    assert ServerLinks().doc("a1", 0) not in hrefs  # the sentence lies inside the text
    assert any(h and h.startswith("/docs/a1#at-") for h in hrefs)
    assert _target_url("Rustam Keshvani") in hrefs and _target_url("Farida Mortazan") in hrefs
    assert ServerLinks().actor("Harun Delavar") in hrefs
    assert "2026-03-01" in html  # since when


def test_accuser_only_has_a_page_and_paging_works(tc):
    d = tc.get(_target_url("Farida Mortazan").replace("/target/", "/api/target/")).json()
    assert d["summary"]["count"] == 0 and d["accused"]["items"] == []
    assert d["accuses"]["items"][0]["accuser_from"] == "speaker"
    against = Page(tc.get(_target_url("Harun Delavar")).text)
    table = against.find("table", class_="list accusations")[0]  # those against him
    cells = [
        e.all_text.strip()
        for e in against.find("td")
        if table in e.ancestors() and e.all_text.startswith("Farida Mortazan")
    ]
    assert cells == ["Farida Mortazan (the speaker)"]  # not named in her sentence
    two = tc.get(
        "/api/target/" + quote("Harun Delavar", safe=""), params={"per_page": 2, "page": 2}
    ).json()
    assert two["accused"]["pages"] == 2 and len(two["accused"]["items"]) == 1
    assert two["accuses"] is None and two["targets"][0]["target"] == "Rustam Keshvani"


def test_unknown_target_is_404(tc):
    for url in ("/target/nobody", "/api/target/nobody", "/target/"):
        r = tc.get(url)
        assert r.status_code == 404, url
    assert tc.get("/api/target/nobody").json() == {"error": "no accuser or target 'nobody'"}


def test_openapi_and_nav_name_the_targets_pages(tc):
    paths = set(tc.get("/api/openapi.json").json()["paths"])
    assert {"/api/targets", "/api/target/{name}"} <= paths
    home = tc.get("/").text
    assert 'href="/targets"' in home
    overview = tc.get("/api/overview").json()["counts"]
    assert overview["accusations"] >= 6 and overview["responses"] >= 1
    cards = {e.all_text.strip() for e in Page(home).find("div", class_="label")}
    assert {"accusations", "targets"} <= cards


def test_point_page_lists_the_accusations_in_its_passages(tc, conn):
    pid = data.targets_page(conn)["edges"]["items"][0]["points"][0]
    d = data.point(conn, pid)
    assert d["accusations"]["total"] == 2
    assert {a["doc"] for a in d["accusations"]["items"]} == {"a1", "a2"}
    assert all(a["point"] == pid for a in d["accusations"]["items"])
    page = Page(tc.get(f"/points/{pid}").text)
    assert [e.all_text for e in page.find("div", class_="snippet small evidence")] == [
        ALLEGATION,
        ALLEGATION,
    ]


def test_speaker_page_lists_accusations_by_and_against_them(tc, conn):
    d = data.actor(conn, "Rustam Keshvani")
    assert d["is_entity"]
    assert [a["target"] for a in d["accuses"]["items"]] == ["Harun Delavar", "Harun Delavar"]
    assert [a["accuser"] for a in d["accused"]["items"]] == ["Harun Delavar"]
    page = Page(tc.get("/speakers/" + quote("Rustam Keshvani")).text)
    hrefs = {e.attrs.get("href") for e in page.find("a")}
    assert _target_url("Rustam Keshvani") in hrefs and _target_url("Harun Delavar") in hrefs
    assert len(page.find("div", class_="snippet small evidence")) == 3


def test_document_page_marks_accusations_and_lists_responses(tc, conn, store):
    text = conn.execute("SELECT text FROM documents WHERE id = 'a4'").fetchone()[0]
    d = data.document(conn, "a4")
    assert "".join(s["text"] for s in d["segments"]) == text
    (acc,) = d["accusations"]
    cue = "".join(s["text"] for s in d["segments"] if "cue" in s["marks"])
    target = "".join(s["text"] for s in d["segments"] if "target" in s["marks"])
    assert cue == text[acc["cue_start"] : acc["cue_end"]] == "accused"
    assert target == text[acc["target_start"] : acc["target_end"]] == "Rustam Keshvani"
    assert {r["answers"] for r in d["responses"]["answers"]} == {"a1", "a2"}
    assert d["responses"]["answered_by"] == []
    assert [r["doc"] for r in data.document(conn, "a1")["responses"]["answered_by"]] == ["a4"]

    html = tc.get("/docs/a4").text
    page = Page(html)
    article = page.find("article", class_="doctext")[0]
    assert article.all_text == text  # the marks add no text
    marks = [m for m in page.find("mark") if article in m.ancestors()]
    assert {(m.attrs["class"], m.all_text) for m in marks} == {
        ("acc acc-cue", "accused"),
        ("acc acc-target", "Rustam Keshvani"),
    }
    assert f'id="at-{acc["start"]}"' in html  # where the accusation lists link to
    assert 'href="/docs/a1"' in html and "answers" in html
    assert 'href="/docs/a4"' in tc.get("/docs/a1").text  # answered by a4


def test_urdu_accusation_is_shown_right_to_left(tc):
    page = Page(tc.get(_target_url("نواز شریف")).text)
    (ev,) = page.find("div", class_="snippet small evidence")
    assert ev.attrs.get("dir") == "auto" and ev.all_text == URDU
    marked = {m.all_text for m in page.find("mark") if ev in m.ancestors()}
    assert {"نواز شریف", "الزام"} <= marked


def test_hostile_names_are_escaped(tc):
    urls = [
        "/",
        "/targets",
        _target_url(HOSTILE_TARGET),
        _target_url(HOSTILE_ACCUSER),
        "/docs/" + quote(HOSTILE_DOC, safe=""),
        "/speakers/" + quote(HOSTILE_ACCUSER, safe=""),
    ]
    for url in urls:
        r = tc.get(url)
        assert r.status_code == 200, url
        page = assert_inert(r.text, url, scripts_from="/static/")
        assert "window.__pwned" not in "".join(e.attrs.get("src") or "" for e in page.elements)
    html = tc.get(_target_url(HOSTILE_TARGET)).text
    assert "&lt;img src=x onerror=" in html and "<img" not in html
    assert "\u202e" not in html and "U+202E" in html
    assert set(BIDI_CONTROLS) <= shown_controls(Page(tc.get(_target_url(HOSTILE_ACCUSER)).text))
    # the hostile document's link from the target page reaches it
    doc_links = [
        e.attrs["href"] for e in Page(html).find("a") if e.attrs["href"].startswith("/docs/")
    ]
    assert doc_links and all(tc.get(link).status_code == 200 for link in doc_links)
    api_names = {t["target"] for t in tc.get("/api/targets").json()["items"]}
    assert HOSTILE_TARGET in api_names  # JSON keeps the name exactly


def test_evidence_of_a_long_sentence_keeps_its_marks_and_some_context():
    sentence = "x" * 1000 + " accused Harun Delavar of it " + "y" * 1000
    cue = sentence.index("accused")
    a = {
        "start": 10,
        "sentence": sentence,
        "cue_start": 10 + cue,
        "cue_end": 10 + cue + 7,
        "target_start": 10 + cue + 8,
        "target_end": 10 + cue + 21,
        "accuser_start": None,
        "accuser_end": None,
        "charge_start": None,
        "charge_end": None,
    }
    ev = data.evidence(a)
    assert ev["cut_before"] and ev["cut_after"]
    shown = "".join(p["text"] for p in ev["pieces"])
    assert len(shown) == 21 + 2 * data.EVIDENCE_CONTEXT
    assert sentence[cue - data.EVIDENCE_CONTEXT : cue + 21 + data.EVIDENCE_CONTEXT] == shown
    assert [(p["text"], p["marks"]) for p in ev["pieces"] if p["marks"]] == [
        ("accused", ["cue"]),
        ("Harun Delavar", ["target"]),
    ]
    for p in ev["pieces"]:  # each piece's offset is the document's
        assert sentence[p["start"] - 10 :].startswith(p["text"])


def _links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"]+)"', html)


def test_report_writes_the_target_pages(targets_db, conn, tmp_path):
    out = tmp_path / "site"
    result = write_report(targets_db, out)
    links = StaticLinks()
    names = data.target_names(conn)
    assert HOSTILE_TARGET in names and "Farida Mortazan" in names
    assert result.counts["target"] == len(names) and result.counts["targets"] == 1
    for name in names:
        assert (out / links.target(name)).is_file(), name
    assert (out / links.targets()).is_file()
    harun = (out / links.target("Harun Delavar")).read_text(encoding="utf-8")
    assert "selling the water" in harun and 'href="targets.html"' in harun
    for path in out.glob("*.html"):
        html = path.read_text(encoding="utf-8")
        assert_inert(html, path.name, scripts_from="static/")
        for link in _links(html):
            assert not link.startswith(("/", "http:", "https:")), (path.name, link)
            target, _, anchor = unquote(link).partition("#")
            if target:
                assert (out / target).exists(), (path.name, link)
            if anchor:
                there = html if not target else (out / target).read_text(encoding="utf-8")
                assert f'id="{anchor}"' in there, (path.name, link)
