"""The viewer over HTTP (in process): pages, JSON API, OpenAPI, headers, escaping."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from echoscope.cli import build_parser
from echoscope.web.app import create_app

from .conftest import HOSTILE_OUTLET, HOSTILE_SPEAKERS


@pytest.fixture(scope="module")
def client(demo_db):
    return TestClient(create_app(demo_db), base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def hostile(hostile_db):
    return TestClient(create_app(hostile_db), base_url="http://127.0.0.1")


def _point_id(client) -> str:
    return client.get("/api/points", params={"speaker": "Rustam Keshvani"}).json()["items"][0]["id"]


def test_every_page_answers_with_a_stable_url(client):
    pid = _point_id(client)
    pair = client.get(f"/api/points/{pid}").json()["members"]["items"][1]["pair"]
    pages = [
        "/",
        "/points",
        "/points?sort=recent&page=1",
        f"/points/{pid}",
        f"/points/{pid}?color=outlet",
        f"/pairs/{pair}",
        "/docs/pc-0038",
        "/speakers",
        "/speakers/" + quote("Rustam Keshvani"),
        "/outlets",
        "/search",
        "/search?q=" + quote('"Federal Reconstruction Authority"'),
    ]
    for url in pages:
        r = client.get(url)
        assert r.status_code == 200, url
        assert r.headers["content-type"].startswith("text/html")
    assert "Rustam Keshvani" in client.get(f"/points/{pid}").text


def test_missing_things_are_404_and_bad_parameters_400(client):
    assert client.get("/points/tp-nope").status_code == 404
    assert client.get("/docs/nope").status_code == 404
    assert client.get("/pairs/999999").status_code == 404
    assert client.get("/speakers/Nobody").status_code == 404
    assert client.get("/points?sort=bogus").status_code == 400
    bad_page = client.get("/points?page=0")
    assert bad_page.status_code == 400 and "page" in bad_page.text
    assert bad_page.headers["content-type"].startswith("text/html")
    assert client.get("/api/points?page=zero").json()["error"].startswith("bad parameter")
    r = client.get("/api/points/tp-nope")
    assert r.status_code == 404 and "tp-nope" in r.json()["error"]


def test_every_response_carries_a_restrictive_csp(client):
    for url in ("/", "/points/tp-nope", "/api/overview", "/static/echoscope.js"):
        csp = client.get(url).headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    headers = client.get("/").headers
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"


def test_pages_have_no_inline_script_or_style(client):
    pid = _point_id(client)
    for url in ("/", f"/points/{pid}", "/speakers/" + quote("Rustam Keshvani")):
        html = client.get(url).text
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert " style=" not in html and "<style" not in html
        assert not re.search(r"\son[a-z]+=", html), url


def test_assets_are_served_locally(client):
    html = client.get("/").text
    for src in re.findall(r'(?:src|href)="([^"]+\.(?:js|css))"', html):
        assert src.startswith("/static/")
        assert client.get(src).status_code == 200
    assert client.get("/static/../app.py").status_code == 404


def test_json_api_matches_pages_and_is_described_by_openapi(client):
    spec = client.get("/api/openapi.json").json()
    paths = set(spec["paths"])
    for p in (
        "/api/overview",
        "/api/points",
        "/api/points/{point_id}",
        "/api/pairs/{passage_id}",
        "/api/docs/{doc_id}",
        "/api/speakers",
        "/api/speakers/{name}",
        "/api/outlets",
        "/api/outlets/{name}",
        "/api/search",
    ):
        assert p in paths, p
    assert all(p.startswith("/api/") for p in paths)
    overview = client.get("/api/overview").json()
    assert overview["counts"]["points"] == 9
    pid = _point_id(client)
    point = client.get(f"/api/points/{pid}", params={"per_page": 2, "page": 2}).json()
    assert point["members"]["page"] == 2 and len(point["members"]["items"]) == 2
    doc = client.get("/api/docs/pc-0038").json()
    assert doc["speaker"] == "Rustam Keshvani"
    hits = client.get("/api/search", params={"q": "Authority"}).json()
    assert hits["documents"]["total"] > 0


def test_serve_binds_loopback_by_default():
    args = build_parser().parse_args(["serve", "--db", "x.db"])
    assert args.host == "127.0.0.1"


class _Elements(HTMLParser):
    """Every element and attribute a browser would build from the page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


OUR_TAGS = {
    "html",
    "head",
    "meta",
    "title",
    "link",
    "script",
    "body",
    "header",
    "nav",
    "a",
    "main",
    "h1",
    "h2",
    "h3",
    "p",
    "div",
    "span",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "code",
    "blockquote",
    "ul",
    "li",
    "bdi",
    "strong",
    "br",
    "label",
    "input",
    "form",
    "select",
    "option",
    "button",
    "article",
    "mark",
    "section",
    "footer",
}


def test_hostile_records_are_escaped_everywhere(hostile):
    points = hostile.get("/api/points").json()["items"]
    assert len(points) == 1
    pid = points[0]["id"]
    point = hostile.get(f"/api/points/{pid}").json()
    pair = point["members"]["items"][1]["pair"]
    urls = [
        "/",
        "/points",
        f"/points/{pid}",
        f"/points/{pid}?color=outlet",
        f"/pairs/{pair}",
        "/docs/" + quote("<b>doc-0</b>", safe=""),
        "/docs/doc-1",
        "/docs/doc-2",
        "/docs/doc-3",
        "/speakers",
        "/outlets",
        "/speakers/" + quote(HOSTILE_SPEAKERS[0], safe=""),
        "/outlets/" + quote(HOSTILE_OUTLET, safe=""),
        "/search?q=pwned",
    ]
    for url in urls:
        r = hostile.get(url)
        assert r.status_code == 200, url
        elements = _Elements(r.text).tags
        # the only elements are the templates' own: no img/svg/iframe/b from the records,
        # no event handler, every script an asset of ours, no javascript: link
        assert {tag for tag, _ in elements} <= OUR_TAGS, url
        for tag, attrs in elements:
            assert not any(a.startswith("on") for a in attrs), (url, tag, attrs)
            if tag == "script":
                assert attrs["src"].startswith("/static/")
            assert not (attrs.get("href") or "").lower().startswith("javascript"), url
        visible = re.sub(r"data-[a-z]+='[^']*'", "", r.text)  # chart data is JSON, not text
        assert "\u202e" not in visible, url  # bidi controls shown as visible tokens instead
    doc = hostile.get("/docs/doc-1").text
    assert "&lt;script&gt;window.__pwned" in doc
    assert '<span class="ctl"' in doc and "U+202E" in doc


def test_overview_follows_changes_to_the_store(tmp_path):
    import json

    from echoscope import api

    def batch(name: str) -> Path:
        path = tmp_path / f"{name}.jsonl"
        path.write_text(json.dumps({"id": name, "text": "a few words"}) + "\n")
        return path

    db = tmp_path / "s.db"
    api.ingest(db, [batch("one")])
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    assert client.get("/api/overview").json()["counts"]["documents"] == 1
    assert client.get("/api/overview").json()["counts"]["documents"] == 1
    api.ingest(db, [batch("two")])  # another process adds documents while the viewer runs
    assert client.get("/api/overview").json()["counts"]["documents"] == 2
    assert "2" in client.get("/").text


def test_answers_only_loopback_host_names(client, demo_db):
    assert client.get("/api/overview").status_code == 200
    # DNS rebinding: a page on evil.example resolving to 127.0.0.1 must not read the corpus
    assert client.get("/api/overview", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8017"}).status_code == 200
    anyone = TestClient(create_app(demo_db, hosts=["*"]), base_url="http://evil.example")
    assert anyone.get("/api/overview").status_code == 200


def test_unknown_pages_and_absurd_ids_get_html_errors_with_headers(client):
    for url in ("/nope", "/pairs/99999999999999999999999", "/api/pairs/-1"):
        r = client.get(url)
        assert r.status_code in (400, 404), url
        assert "default-src 'none'" in r.headers["content-security-policy"], url
    assert client.get("/nope").headers["content-type"].startswith("text/html")


def test_viewer_writes_nothing_but_the_search_index(tmp_path):
    import sqlite3

    from echoscope import api

    src = tmp_path / "c.jsonl"
    src.write_text('{"id": "a", "text": "some words here"}\n')
    db = tmp_path / "s.db"
    api.ingest(db, [src])

    def schema() -> set[str]:
        with sqlite3.connect(db) as c:
            return {r[0] for r in c.execute("SELECT name FROM sqlite_master")}

    before = schema()
    with sqlite3.connect(db) as c:
        c.execute("DROP INDEX actor_edges_source")  # as in a store from an older version
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    assert client.get("/search?q=words").status_code == 200
    added = schema() - before
    assert {n for n in added if not n.startswith("documents_fts")} == set()
    assert "actor_edges_source" not in schema()  # the viewer did not migrate the store
