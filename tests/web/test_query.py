"""Query mode of the viewer: ``POST /api/query`` and the ``/query`` page answer where a text is
echoed, as ``api.query`` does, with exact offsets, escaped, and refuse bad queries clearly."""

from __future__ import annotations

import json
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from echoscope import api
from echoscope.model import PassagePair
from echoscope.web import data
from echoscope.web.app import MAX_QUERY_BODY, create_app
from echoscope.web.links import StaticLinks
from echoscope.web.render import render

from . import conftest
from .conftest import HOSTILE_TEXT, Page, assert_inert

SPEECH = Path(__file__).parents[2] / "demo" / "query-speech.txt"
PAIR_FIELDS = tuple(PassagePair.__dataclass_fields__)


@pytest.fixture
def with_textarea(monkeypatch):
    """The query page's form has a textarea, which the other pages do not."""
    monkeypatch.setattr(conftest, "OUR_TAGS", conftest.OUR_TAGS | {"textarea"})


def _texts(db) -> dict[str, str]:
    with sqlite3.connect(db) as c:
        return dict(c.execute("SELECT id, text FROM documents"))


def _reprinted(db) -> tuple[str, set[str]]:
    """The demo document that shares stored passages with the most others, and those others."""
    with sqlite3.connect(db) as c:
        rows = c.execute("SELECT doc_a, doc_b FROM passages").fetchall()
    partners: dict[str, set[str]] = {}
    for a, b in rows:
        partners.setdefault(a, set()).add(b)
        partners.setdefault(b, set()).add(a)
    doc = max(sorted(partners), key=lambda d: len(partners[d]))
    return doc, partners[doc]


def _pairs(answer: dict) -> list[PassagePair]:
    return [
        PassagePair(**{k: p[k] for k in PAIR_FIELDS})
        for d in answer["documents"]
        for p in d["passages"]
    ]


def test_a_document_is_found_with_its_reprints_at_exact_offsets(client, demo_db):
    doc, partners = _reprinted(demo_db)
    assert len(partners) >= 3
    texts = _texts(demo_db)
    text = texts[doc]
    r = client.post("/api/query", json={"text": text, "name": "reprinted"})
    assert r.status_code == 200
    answer = r.json()
    found = [d["id"] for d in answer["documents"]]
    assert len(found) == len(set(found)) == answer["counts"]["documents"]
    assert doc in found and partners <= set(found)
    assert answer["counts"]["passages"] == sum(len(d["passages"]) for d in answer["documents"])
    assert answer["chars"] == len(text) and answer["notes"] == []
    assert 0 <= answer["seconds"] < 5
    # the document itself: one verbatim passage over all of it, at the same offsets
    itself = answer["documents"][found.index(doc)]["passages"]
    assert [(p["kind"], p["start_a"] == p["start_b"]) for p in itself] == [("verbatim", True)]
    best = [d["best_score"] for d in answer["documents"]]
    assert best == sorted(best, reverse=True)  # strongest first
    for d in answer["documents"]:
        assert d["best_score"] == max(p["score"] for p in d["passages"])
        assert {"title", "outlet", "date", "speaker"} <= set(d)
        for p in d["passages"]:
            assert p["doc_a"] == "query:reprinted" and p["doc_b"] == d["id"]
            assert p["text_a"] == text[p["start_a"] : p["end_a"]]
            assert p["text_b"] == texts[d["id"]][p["start_b"] : p["end_b"]]
            assert p["text_a"].strip() and p["text_b"].strip()
    covered = {
        i
        for d in answer["documents"]
        for p in d["passages"]
        for i in range(p["start_a"], p["end_a"])
    }
    assert answer["counts"]["echoed_chars"] == len(covered)


def test_the_answer_is_what_the_python_api_finds(client, demo_db):
    text = (SPEECH).read_text()
    answer = client.post("/api/query", json={"text": text}).json()
    assert answer["name"] == "query" and answer["counts"]["documents"] == 9
    expected = api.query(demo_db, text)
    assert expected
    key = lambda p: (p.doc_b, p.start_a, p.start_b)  # noqa: E731
    assert sorted(_pairs(answer), key=key) == sorted(expected, key=key)
    # the same through the data function the page uses
    assert _pairs(data.query(demo_db, text)) == _pairs(answer)


def test_the_page_shows_each_echoing_document_and_its_passages(client, demo_db):
    doc, _ = _reprinted(demo_db)
    text = _texts(demo_db)[doc]
    r = client.post("/query", data={"text": text, "name": "reprinted"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    page = Page(r.text)
    answer = client.post("/api/query", json={"text": text}).json()
    sections = page.find("section", class_="echo-doc")
    assert len(sections) == answer["counts"]["documents"]
    links = {e.attrs["href"].partition("#")[0] for e in page.find("a")}
    for d in answer["documents"]:
        assert f"/docs/{d['id']}" in links  # demo ids need no quoting
    panes = page.find("div", class_="pane")
    assert len(panes) == 2 * answer["counts"]["passages"]
    shown = [p.all_text for p in panes]
    for d in answer["documents"]:
        for p in d["passages"]:
            assert p["text_a"] in shown and p["text_b"] in shown
    # the text itself, as sent, with its echoed stretches marked
    article = page.find("article", class_="doctext query-text")[0]
    assert article.all_text == text
    marked = "".join(m.all_text for m in page.find("mark") if article in m.ancestors())
    assert len(marked) == answer["counts"]["echoed_chars"]
    # the form shows the text again, for another try
    assert page.find("textarea")[0].text.removeprefix("\n") == text


def test_a_textarea_s_line_breaks_index_the_text_as_pasted(client):
    speech = (SPEECH).read_text()
    r = client.post("/query", data={"text": speech.replace("\n", "\r\n")})
    article = Page(r.text).find("article", class_="doctext query-text")[0]
    assert article.all_text == speech


def test_a_hostile_query_and_hostile_records_are_shown_inert(hostile, hostile_db, with_textarea):
    text = next(t for t in _texts(hostile_db).values() if HOSTILE_TEXT in t)
    text = '<script>window.__pwned = "query"</script>\n' + text
    name = "<img src=x onerror=\"window.__pwned='name'\">\u202e"
    r = hostile.post("/query", data={"text": text, "name": name})
    assert r.status_code == 200
    page = assert_inert(r.text, "/query", scripts_from="/static/")
    assert "&lt;script&gt;window.__pwned = &#34;query&#34;&lt;/script&gt;" in r.text
    article = page.find("article", class_="doctext query-text")[0]
    assert article.all_text.startswith('<script>window.__pwned = "query"</script>')
    assert len(page.find("section", class_="echo-doc")) == 5
    assert page.find("textarea")[0].text.startswith('\n<script>window.__pwned = "query"')
    assert page.find("input", name="name")[0].attrs["value"] == name[:-1]  # no bidi control
    assert "U+202E" in article.all_text


def test_empty_oversized_and_malformed_queries_get_one_clear_error(client, with_textarea):
    too_big = "a " * (data.MAX_QUERY_BYTES // 2 + 1)
    cases = [
        ({"json": {"text": ""}}, 400, "empty"),
        ({"json": {"text": " \n\t "}}, 400, "empty"),
        ({"json": {"text": too_big}}, 413, f"{data.MAX_QUERY_BYTES:,} bytes"),
        ({"json": {}}, 400, '"text" is missing'),
        ({"json": {"text": 12}}, 400, "must be a string"),
        ({"json": {"text": "x", "name": ["a"]}}, 400, '"name" must be a string'),
        ({"json": {"text": "x", "txet": "y"}}, 400, "unknown field txet"),
        ({"json": ["text"]}, 400, "JSON object"),
        ({"json": {"text": "x", "semantic": True}}, 400, "semantic"),
        ({"content": b"{not json", "headers": {"content-type": "application/json"}}, 400, "JSON"),
        ({"content": b"[" * 100_000, "headers": {"content-type": "application/json"}}, 400, "JSON"),
        (
            {"content": b'{"text": "\\ud800"}', "headers": {"content-type": "application/json"}},
            400,
            "Unicode",
        ),
        ({"content": b'{"text": "x"}', "headers": {"content-type": "text/plain"}}, 415, "JSON"),
        (
            {
                "content": b"x" * (MAX_QUERY_BODY + 1),
                "headers": {"content-type": "application/json"},
            },
            413,
            "bytes",
        ),
    ]
    for kwargs, status, words in cases:
        r = client.post("/api/query", **kwargs)
        assert r.status_code == status, (kwargs.get("json"), r.text[:200])
        assert r.headers["content-type"] == "application/json"
        body = r.json()
        assert list(body) == ["error"] and words in body["error"], body
        assert "Traceback" not in r.text
    # the page: the form again, with the one message, and the status
    for text, status, words in (("", 400, "empty"), (too_big, 413, "bytes")):
        r = client.post("/query", data={"text": text})
        assert r.status_code == status
        page = assert_inert(r.text, "/query", scripts_from="/static/")
        errors = page.find("p", class_="error")
        assert len(errors) == 1 and words in errors[0].all_text
        assert page.find("form", method="post", action="/query")
        assert not page.find("section", class_="echo-doc")
    r = client.get("/api/query")
    assert r.status_code == 405 and "POST" in r.json()["error"]


def test_get_shows_the_empty_form_linked_from_every_page(client, with_textarea):
    r = client.get("/query")
    assert r.status_code == 200
    page = assert_inert(r.text, "/query", scripts_from="/static/")
    form = page.find("form", method="post", action="/query")[0]
    fields = [e for e in page.elements if form in e.ancestors()]
    assert [e.attrs.get("name") for e in fields if e.tag in ("input", "textarea")] == [
        "name",
        "text",
    ]
    assert page.find("textarea")[0].text.strip() == ""
    assert not page.find("section", class_="echo-doc") and not page.find("p", class_="error")
    head = client.head("/query")
    assert head.status_code == 200 and head.content == b""
    csp = r.headers["content-security-policy"]
    assert "form-action 'self'" in csp and "unsafe-inline" not in csp
    for url in ("/", "/points", "/search", "/docs/nope"):
        page = Page(client.get(url).text)
        nav = page.find("nav")[0]
        assert [e for e in page.find("a", href="/query") if nav in e.ancestors()], url


def test_the_static_report_has_no_query_link():
    html = render(
        "error.html",
        links=StaticLinks(),
        page_kind="error",
        db_name="x.db",
        title="t",
        status="s",
        message="m",
    )
    assert "query" not in html.lower()


def test_concurrent_queries_each_get_their_own_answer(client, demo_db):
    texts = _texts(demo_db)
    docs = sorted(texts)[:8]

    def ask(doc: str) -> dict:
        return client.post("/api/query", json={"text": texts[doc], "name": doc}).json()

    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(ask, docs))
    for doc, answer in zip(docs, answers, strict=True):
        assert answer["query_id"] == f"query:{doc}"
        assert doc in [d["id"] for d in answer["documents"]]
        assert _pairs(answer) == _pairs(data.query(demo_db, texts[doc], doc))


def test_a_store_without_a_current_token_index_refuses_queries_until_detected(tmp_path):
    # without the index a query would tokenize the whole corpus in memory, for anyone posting
    corpus = tmp_path / "c.jsonl"
    shared = " ".join(f"word{i} alpha{i % 7} beta{i % 11}" for i in range(40))
    with corpus.open("w") as f:
        for i in range(2):
            f.write(json.dumps({"id": f"d{i}", "text": f"intro {i}. {shared} outro {i}."}) + "\n")
    db = tmp_path / "c.db"
    api.ingest(db, [corpus])  # never detected: no token index
    c = TestClient(create_app(db), base_url="http://127.0.0.1")
    refused = c.post("/api/query", json={"text": shared})
    assert refused.status_code == 503
    assert "token index is not current" in refused.json()["error"]
    page = c.post("/query", data={"text": shared})
    assert page.status_code == 503 and "run &#39;echoscope detect&#39;" in page.text
    api.detect(db)
    answer = c.post("/api/query", json={"text": shared}).json()
    assert {d["id"] for d in answer["documents"]} == {"d0", "d1"}


def test_queries_posted_from_another_sites_page_are_refused(client):
    text = {"text": "anything at all to look for"}
    for headers in ({"origin": "http://evil.example"}, {"sec-fetch-site": "cross-site"}):
        r = client.post("/api/query", json=text, headers=headers)
        assert r.status_code == 403 and "own pages" in r.json()["error"]
        assert client.post("/query", data=text, headers=headers).status_code == 403
    same = {"origin": "http://127.0.0.1", "sec-fetch-site": "same-origin"}
    assert client.post("/api/query", json=text, headers=same).status_code == 200


def test_an_unexpected_error_is_one_json_line_not_a_traceback(demo_db, monkeypatch):
    from echoscope.web import data

    def broken(*_args):
        raise RuntimeError("secret internals")

    c = TestClient(create_app(demo_db), base_url="http://127.0.0.1", raise_server_exceptions=False)
    monkeypatch.setattr(data, "query", broken)
    r = c.post("/api/query", json={"text": "some text"})
    assert r.status_code == 500
    assert r.json() == {"error": "the server could not answer (RuntimeError)"}
    assert "secret" not in r.text


def test_past_the_alignment_budget_passages_are_shown_plain(client, demo_db, monkeypatch):
    from echoscope.web import views

    doc, _ = _reprinted(demo_db)
    text = _texts(demo_db)[doc]
    answer = client.post("/api/query", json={"text": text}).json()
    first = answer["documents"][0]["passages"][0]
    monkeypatch.setattr(views, "QUERY_ALIGNED_WORDS", first["tokens_a"] + first["tokens_b"])
    page = Page(client.post("/query", data={"text": text}).text)
    panes = page.find("div", class_="pane")
    aligned = [p for p in panes if any(e.parent is p and e.tag == "span" for e in page.elements)]
    assert len(aligned) == 2 and aligned[0].all_text == first["text_a"]
    assert len(panes) == 2 * answer["counts"]["passages"]
    shown = [p.all_text for p in panes]
    for d in answer["documents"]:
        for p in d["passages"]:
            assert p["text_a"] in shown and p["text_b"] in shown
    assert any("without their word alignment" in p.all_text for p in page.find("p"))
