"""End to end in headless Chromium (Debian's package, driven by Playwright): what a reader
sees on each page, and that hostile records stay inert. Screenshots go to
$ECHOSCOPE_SCREENSHOTS (``make screenshots``) or a temporary folder."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from echoscope.web.report import write_report

from .conftest import HIDDEN, HOSTILE_DOC_ID, HOSTILE_OUTLET, HOSTILE_SPEAKERS, screenshot_dir

CHROMIUM = os.environ.get("ECHOSCOPE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
# No first-run, sync, update or other background traffic: the test machine has no network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"no Chromium at {CHROMIUM}: 'make test' installs Debian's chromium")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    return screenshot_dir(tmp_path_factory)


class Watched:
    """A page that records script errors, CSP violations and dialogs (alert/confirm)."""

    def __init__(self, browser) -> None:
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.problems: list[str] = []
        self.page.on("pageerror", lambda e: self.problems.append(f"script error: {e}"))
        self.page.on("console", self._console)
        self.page.on(
            "dialog", lambda d: (self.problems.append(f"dialog: {d.message}"), d.dismiss())
        )

    def _console(self, msg) -> None:
        if msg.type == "error" or "Content Security Policy" in msg.text:
            self.problems.append(f"console {msg.type}: {msg.text}")

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def watched(browser):
    w = Watched(browser)
    yield w
    w.close()
    assert w.problems == []


def test_overview_shows_counts_chart_and_top_points(demo_server, watched, shots):
    page = watched.page
    page.goto(demo_server.url + "/")
    assert page.locator("h1").inner_text() == "Overview"
    cards = page.locator(".card").all_inner_texts()
    assert any("206" in c and "documents" in c for c in cards)
    assert any("9" in c and "talking points" in c for c in cards)
    page.wait_for_selector(".chart.activity svg rect")
    assert page.locator(".chart.activity svg rect").count() >= 30
    assert page.locator("table.points tbody tr").count() == 9
    page.screenshot(path=str(shots / "overview.png"), full_page=True)


def test_talking_point_then_side_by_side(demo_server, watched, shots):
    page = watched.page
    page.goto(demo_server.url + "/points?speaker=" + quote("Rustam Keshvani") + "&sort=first")
    page.locator("table.points a.point-link").first.click()
    page.wait_for_selector(".chart.timeline svg circle.pt")
    assert "Talking point" in page.locator("h1").inner_text()
    first_said = page.locator("h2:has-text('First said') + p").inner_text()
    assert "Rustam Keshvani" in first_said and "pc-0038" in first_said
    rows = page.locator("table.members tbody tr").count()
    assert page.locator(".chart.timeline svg circle.pt").count() == rows
    tooltip = page.locator(".chart.timeline svg circle.pt.first title").text_content()
    assert "Rustam Keshvani" in tooltip
    page.screenshot(path=str(shots / "point.png"), full_page=True)

    page.locator("a.pair-link").first.click()
    page.wait_for_selector(".sbs .pane")
    assert page.locator("h1").inner_text() == "Side by side"
    panes = page.locator(".sbs .pane")
    assert panes.count() == 2
    words_a = panes.nth(0).locator(".tok").count()
    assert words_a >= 12 and panes.nth(1).locator(".tok").count() >= 12
    token = panes.nth(0).locator(".tok.eq").nth(5)
    k = token.get_attribute("data-k")
    token.hover()
    partner = panes.nth(1).locator(f'.tok[data-k="{k}"]')
    assert "hl" in partner.get_attribute("class")
    assert token.inner_text() == partner.inner_text()  # identical words face each other
    page.screenshot(path=str(shots / "side-by-side.png"), full_page=True)
    # the heading links to the full documents
    page.locator(".side-head a").first.click()
    page.wait_for_selector("article.doctext")


def test_side_by_side_scrolls_together(demo_server, watched):
    page = watched.page
    longest = demo_server.get_json("/api/points?sort=length")["items"][0]["id"]
    members = demo_server.get_json(f"/api/points/{longest}")["members"]["items"]
    pair = next(m["pair"] for m in members if m["pair"])
    page.set_viewport_size({"width": 1000, "height": 500})
    page.goto(f"{demo_server.url}/pairs/{pair}")
    a, b = page.locator(".sbs .pane").nth(0), page.locator(".sbs .pane").nth(1)
    assert a.evaluate("e => e.scrollHeight > e.clientHeight")
    a.evaluate("e => { e.scrollTop = e.scrollHeight / 2; }")
    page.wait_for_function(
        "() => document.querySelectorAll('.sbs .pane')[1].scrollTop > 0", timeout=3000
    )
    assert b.evaluate("e => e.scrollTop") > 0


def test_document_highlights_echoes_linked_to_points(demo_server, watched, shots):
    page = watched.page
    page.goto(demo_server.url + "/docs/pc-0038")
    marks = page.locator("article.doctext mark.echo")
    assert marks.count() >= 4
    assert page.locator("table.passages tbody tr").count() >= 4
    page.screenshot(path=str(shots / "document.png"), full_page=True)
    marks.first.click()
    page.wait_for_selector(".chart.timeline")
    assert "Talking point" in page.locator("h1").inner_text()


def test_speaker_page_draws_the_echo_network(demo_server, watched, shots):
    page = watched.page
    page.goto(demo_server.url + "/speakers/" + quote("Rustam Keshvani"))
    page.wait_for_selector(".network svg g.node circle")
    nodes = page.locator(".network svg g.node circle").count()
    edges_out = page.locator("h3:has-text('Is repeated by') + table tbody tr").count()
    assert edges_out >= 5 and nodes >= edges_out + 1
    labels = page.locator(".network svg text").all_text_contents()
    assert "Rustam Keshvani" in labels
    page.screenshot(path=str(shots / "speaker.png"), full_page=True)


def test_search_finds_a_phrase(demo_server, watched, shots):
    page = watched.page
    page.goto(demo_server.url + "/")
    page.locator("header nav a:has-text('Search')").click()
    page.fill("input[name=q]", '"Federal Reconstruction Authority"')
    page.locator("form button").click()
    page.wait_for_selector("ul.results li")
    assert page.locator("ul.results li").count() >= 14
    assert (
        "federal reconstruction authority"
        in page.locator("ul.results mark").first.inner_text().lower()
    )
    assert page.locator("table.points tbody tr").count() >= 1
    assert "q=" in page.url  # a search has a stable URL
    page.screenshot(path=str(shots / "search.png"), full_page=True)


def test_hostile_records_render_inert(hostile_server, watched, shots):
    page = watched.page
    points = hostile_server.get_json("/api/points")["items"]
    pid = points[0]["id"]
    pair = hostile_server.get_json(f"/api/points/{pid}")["members"]["items"][1]["pair"]
    urls = [
        "/",
        f"/points/{pid}",
        f"/points/{pid}?color=outlet",
        f"/pairs/{pair}",
        "/docs/doc-1",
        "/docs/doc-2",
        "/docs/" + quote("<b>doc-0</b>", safe=""),
        "/docs/" + quote(HOSTILE_DOC_ID, safe=""),
        "/speakers",
        "/speakers/" + quote(HOSTILE_SPEAKERS[0], safe=""),
        "/speakers/" + quote(HOSTILE_SPEAKERS[4], safe=""),
        "/outlets/" + quote(HOSTILE_OUTLET, safe=""),
        "/search?q=pwned",
    ]
    for url in urls:
        page.goto(hostile_server.url + url)
        page.wait_for_load_state("load")
        for el in page.locator("mark, .tok, .snippet, circle, a").all()[:40]:
            if el.is_visible():
                el.hover()
        assert page.evaluate("() => window.__pwned") is None, url
        assert page.locator("img, iframe, svg foreignObject, b").count() == 0, url
        # chart labels are drawn by our script: no hidden character reaches them either
        page.wait_for_load_state("networkidle")
        for label in page.locator("svg text, svg title").all_text_contents():
            assert not any(c in label for c in HIDDEN), (url, label)
        if url.startswith("/docs/doc-1"):
            body = page.locator("article.doctext").inner_text()
            assert "<script>window.__pwned" in body  # shown as text, as written
            assert "U+202E" in body  # the hidden direction override is made visible
            page.screenshot(path=str(shots / "hostile-document.png"), full_page=True)


def test_static_report_works_from_files(demo_db, browser, tmp_path, shots):
    out = tmp_path / "site"
    write_report(demo_db, out)
    w = Watched(browser)
    page = w.page
    page.goto((out / "index.html").as_uri())
    page.wait_for_selector(".chart.activity svg rect")
    page.locator("table.points a.point-link").first.click()
    page.wait_for_selector(".chart.timeline svg circle.pt")
    page.locator("a.pair-link").first.click()
    page.wait_for_selector(".sbs .pane .tok")
    page.goto((out / "search.html").as_uri())
    rows = page.locator("#results tbody tr")
    assert rows.count() == 9
    page.fill("#filter", "kesar VALLEY")
    visible = [r for r in rows.all() if r.is_visible()]
    assert 1 <= len(visible) < 9
    page.screenshot(path=str(shots / "static-search.png"), full_page=True)
    w.close()
    assert w.problems == []


def test_side_by_side_shows_each_edit(demo_db, demo_server, watched, shots):
    import sqlite3

    from echoscope.detect.align import parse_ops

    with sqlite3.connect(demo_db) as c:
        pid, ops = c.execute(
            "SELECT id, ops FROM passages WHERE kind = 'edited' ORDER BY identity, id LIMIT 1"
        ).fetchone()
    counts = {"X": 0, "D": 0, "I": 0, "=": 0}
    for n, op in parse_ops(ops):
        counts[op] += n
    page = watched.page
    page.goto(f"{demo_server.url}/pairs/{pid}")
    a, b = page.locator(".pane[data-side=a]"), page.locator(".pane[data-side=b]")
    assert a.locator(".tok.sub").count() == b.locator(".tok.sub").count() == counts["X"]
    assert a.locator(".tok.del").count() == counts["D"]
    assert b.locator(".tok.ins").count() == counts["I"]
    assert b.locator(".tok.del").count() == a.locator(".tok.ins").count() == 0
    assert counts["X"] + counts["D"] + counts["I"] > 0
    page.screenshot(path=str(shots / "side-by-side-edited.png"), full_page=True)
