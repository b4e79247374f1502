"""The viewer over HTTP (in process): pages, JSON API, OpenAPI, headers, escaping."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, unquote

from fastapi.testclient import TestClient

from echoscope.cli import build_parser
from echoscope.web.app import create_app

from .conftest import (
    HIDDEN,
    HOSTILE_DOC_ID,
    HOSTILE_OUTLET,
    HOSTILE_SPEAKERS,
    HOSTILE_TITLE,
    Page,
    assert_inert,
    assert_urdu_document_page,
    assert_urdu_pair_page,
    shown_controls,
    urdu_examples,
)


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


def _hostile_urls(hostile) -> list[str]:
    """Every kind of page of the hostile store, for its point, pair, documents and actors."""
    points = hostile.get("/api/points").json()["items"]
    assert len(points) == 1
    pid = points[0]["id"]
    point = hostile.get(f"/api/points/{pid}").json()
    pairs = [m["pair"] for m in point["members"]["items"] if m["pair"]]
    return [
        "/",
        "/points",
        f"/points/{pid}",
        f"/points/{pid}?color=outlet",
        *(f"/pairs/{p}" for p in pairs),
        "/docs/" + quote("<b>doc-0</b>", safe=""),
        "/docs/doc-1",
        "/docs/doc-2",
        "/docs/doc-3",
        "/docs/" + quote(HOSTILE_DOC_ID, safe=""),
        "/speakers",
        "/outlets",
        *("/speakers/" + quote(name, safe="") for name in HOSTILE_SPEAKERS),
        "/outlets/" + quote(HOSTILE_OUTLET, safe=""),
        "/outlets/" + quote(f"Outlet{HIDDEN}4", safe=""),
        "/points?speaker=" + quote(HOSTILE_SPEAKERS[4], safe=""),
        "/points?outlet=" + quote(f"Outlet{HIDDEN}4", safe=""),
        "/points?q=" + quote(f"characters {HIDDEN}", safe=""),
        "/search?q=pwned",
        "/search?q=" + quote(HIDDEN, safe=""),
        "/nope" + quote(HIDDEN, safe=""),
    ]


def test_hostile_records_are_escaped_everywhere(hostile):
    for url in _hostile_urls(hostile):
        r = hostile.get(url)
        assert r.status_code == (404 if url.startswith("/nope") else 200), url
        # the only elements are the templates' own: no img/svg/iframe/b from the records, no
        # event handler, every script an asset of ours, no javascript: link, no raw NUL or bidi
        assert_inert(r.text, url, scripts_from="/static/")
    doc = hostile.get("/docs/doc-1").text
    assert "&lt;script&gt;window.__pwned" in doc
    assert '<span class="ctl"' in doc and "U+202E" in doc


def test_every_bidi_and_control_character_is_shown_and_isolated(hostile):
    """Each hidden character of the corpus appears as a visible U+XXXX token, in the text and
    in every untrusted name, id and title, each inside <bdi> or an element with dir."""
    doc_url = "/docs/" + quote(HOSTILE_DOC_ID, safe="")
    page = assert_inert(hostile.get(doc_url).text, doc_url, scripts_from="/static/")
    article = page.find("article", class_="doctext")[0]
    assert article.attrs["dir"] == "auto"
    shown_in_text = shown_controls(page)
    assert shown_in_text == set(HIDDEN), {f"U+{ord(c):04X}" for c in set(HIDDEN) - shown_in_text}
    # the title, the id, the speaker: each its own isolated element showing every control
    heading = page.find("h1")[0]
    for value, where in (
        (HOSTILE_TITLE, heading),
        (HOSTILE_DOC_ID, page.find("code")[0]),
        (
            HOSTILE_SPEAKERS[4],
            page.find("a", href="/speakers/" + quote(HOSTILE_SPEAKERS[4], safe=""))[0],
        ),
    ):
        bdi = [e for e in page.elements if e.tag == "bdi" and where in e.ancestors()]
        assert len(bdi) == 1, (value, where.tag)
        assert bdi[0].all_text == _as_shown(value)
    # the same on the actor page, in the speaker list and on the talking point
    speaker = HOSTILE_SPEAKERS[4]
    for url in ("/speakers/" + quote(speaker, safe=""), "/speakers", _point_url(hostile)):
        page = assert_inert(hostile.get(url).text, url, scripts_from="/static/")
        names = [e for e in page.find("bdi") if e.all_text == _as_shown(speaker)]
        assert names, url
        assert set(HIDDEN) <= shown_controls(page), url


def _as_shown(value: str) -> str:
    """A value as the page shows it: each hidden character as its U+XXXX token."""
    return "".join(f"U+{ord(c):04X}" if c in HIDDEN else c for c in value)


def _point_url(client) -> str:
    return "/points/" + client.get("/api/points").json()["items"][0]["id"]


def test_a_document_whose_id_holds_hidden_characters_has_a_working_link(hostile):
    page = Page(hostile.get(_point_url(hostile)).text)
    links = [
        e.attrs["href"] for e in page.find("a") if (e.attrs.get("href") or "").startswith("/docs/")
    ]
    wanted = "/docs/" + quote(HOSTILE_DOC_ID, safe="")
    ours = [h for h in links if h.partition("#")[0] == wanted]
    assert ours, links
    for href in ours:  # percent-encoded in the href; decoded, it routes to that document
        assert not any(c in href for c in HIDDEN + " ?"), href
        r = hostile.get(href.partition("#")[0])
        assert r.status_code == 200, href
        assert Page(r.text).find("code")[0].all_text == _as_shown(HOSTILE_DOC_ID)
    source = Page(hostile.get(wanted).text).find("a", class_="url")[0].attrs["href"]
    assert unquote(source) == f"https://example.org/{HIDDEN} x"  # the same URL, encoded


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


def _head_urls(client) -> list[str]:
    pid = _point_id(client)
    pair = client.get(f"/api/points/{pid}").json()["members"]["items"][1]["pair"]
    return [
        "/",
        "/points?sort=recent",
        f"/points/{pid}",
        f"/pairs/{pair}",
        "/docs/pc-0038",
        "/speakers",
        "/speakers/" + quote("Rustam Keshvani"),
        "/outlets",
        "/search?q=Authority",
        "/api/overview",
        f"/api/points/{pid}",
        f"/api/pairs/{pair}",
        "/api/openapi.json",
        "/static/echoscope.js",
        "/static/echoscope.css",
        "/static/d3.js",
        "/favicon.ico",
        "/points/tp-nope",
        "/api/docs/nope",
        "/points?page=0",
    ]


def test_head_answers_like_get_without_a_body(client):
    for url in _head_urls(client):
        got, head = client.get(url), client.head(url)
        assert head.status_code == got.status_code, url
        assert head.content == b"", url
        for name in ("content-type", "content-length", "content-security-policy"):
            assert head.headers.get(name) == got.headers.get(name), (url, name)


def test_head_on_the_running_server(demo_server, client):
    import urllib.error
    import urllib.request

    for url in _head_urls(client):
        request = urllib.request.Request(demo_server.url + url, method="HEAD")
        try:
            with urllib.request.urlopen(request, timeout=10) as r:
                status, length, body = r.status, r.headers["content-length"], r.read()
        except urllib.error.HTTPError as e:
            status, length, body = e.code, e.headers["content-length"], e.read()
        got = client.get(url)
        assert status == got.status_code, url
        assert body == b"", url
        assert length == got.headers.get("content-length"), url


def test_hidden_characters_in_a_url_reach_their_page_on_the_running_server(hostile_server):
    """Through a real HTTP server, the percent-encoded link of a document whose id holds NUL,
    bidi controls, / ? # and spaces opens that document."""
    import urllib.request

    pid = hostile_server.get_json("/api/points")["items"][0]["id"]
    with urllib.request.urlopen(f"{hostile_server.url}/points/{pid}", timeout=10) as r:
        page = Page(r.read().decode())
    wanted = "/docs/" + quote(HOSTILE_DOC_ID, safe="")
    href = next(e.attrs["href"] for e in page.find("a") if e.attrs["href"].startswith(wanted))
    with urllib.request.urlopen(hostile_server.url + href.partition("#")[0], timeout=10) as r:
        html = r.read().decode()
    shown = assert_inert(html, href, scripts_from="/static/").find("code")[0].all_text
    assert shown == _as_shown(HOSTILE_DOC_ID)


def test_a_nul_in_a_stored_text_is_shown_not_sent(hostile_db, tmp_path):
    """Ingest now refuses a text holding NUL, but a store written before may have one."""
    import sqlite3

    db = tmp_path / "old.db"
    with sqlite3.connect(hostile_db) as src, sqlite3.connect(db) as dst:
        src.backup(dst)
        dst.execute("UPDATE documents SET text = text || char(0) || ' tail' WHERE id = 'doc-1'")
    old = TestClient(create_app(db), base_url="http://127.0.0.1")
    page = assert_inert(old.get("/docs/doc-1").text, "/docs/doc-1", scripts_from="/static/")
    assert "\x00" in shown_controls(page)
    assert page.find("article", class_="doctext")[0].all_text.endswith("U+0000 tail")


def test_urdu_documents_and_passages_are_shown_as_written(client, demo_db):
    doc, pair = urdu_examples(demo_db)
    assert_urdu_document_page(Page(client.get("/docs/" + quote(doc["id"])).text), doc)
    assert_urdu_pair_page(Page(client.get(f"/pairs/{pair['id']}").text), pair)
