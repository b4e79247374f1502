"""End to end in headless Chromium (Debian's package, driven by Playwright): what a reader
sees on each page, and that hostile records stay inert. Screenshots go to
$ECHOSCOPE_SCREENSHOTS (``make screenshots``) or a temporary folder."""

from __future__ import annotations

import base64
import os
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from echoscope.web.report import write_report

from .conftest import (
    HIDDEN,
    HOSTILE_DOC_ID,
    HOSTILE_OUTLET,
    HOSTILE_SPEAKERS,
    Server,
    screenshot_dir,
)
from .test_alignview import build_semantic_store, shown_text

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
    assert any("246" in c and "documents" in c for c in cards)
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

    from echoscope.detect.ops import parse_ops

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


# -- semantic passages and Urdu text ---------------------------------------------------------------
@pytest.fixture(scope="module")
def semantic_server(tmp_path_factory):
    store = build_semantic_store(tmp_path_factory.mktemp("semantic-browser"))
    server = Server(store["db"])
    yield server, store
    server.stop()


def _numbers(pane) -> list[str]:
    return sorted(pane.locator(".sm[data-n]").evaluate_all("els => els.map(e => e.dataset.n)"))


def _lit(pane) -> list[str]:
    return pane.locator(".sm.hl").evaluate_all("els => els.map(e => e.dataset.m)")


@pytest.mark.parametrize("kind", ["translation", "paraphrase"])
def test_sentence_matches_pair_up_and_light_their_partner(semantic_server, watched, shots, kind):
    server, store = semantic_server
    passage = store[kind]
    page = watched.page
    page.goto(f"{server.url}/pairs/{passage['id']}")
    a, b = page.locator(".pane[data-side=a]"), page.locator(".pane[data-side=b]")
    numbers = [str(n) for n in sorted(passage["matches"])]
    assert _numbers(a) == _numbers(b) == numbers
    for side, pane in ((0, a), (1, b)):
        for n in numbers:
            mark = pane.locator(f'.sm[data-n="{n}"]')
            # the number is drawn where the sentence starts, and the sentence is marked whole
            assert mark.evaluate("e => getComputedStyle(e, '::before').content") == f'"{n}"'
            assert mark.inner_text() == shown_text(passage["matches"][int(n)][side])
    for n in numbers:  # pointing at sentence n of A lights sentence n of B, and nothing else
        a.locator(f'.sm[data-n="{n}"]').hover()
        assert _lit(b) == [n] and _lit(a) == [n]
    page.mouse.move(0, 0)
    b.locator('.sm[data-n="1"]').focus()  # the keyboard too
    assert _lit(a) == ["1"]
    page.locator('table.matches tr[data-m="2"]').hover()  # and the numbered list
    assert _lit(a) == _lit(b) == ["2"]
    page.screenshot(path=str(shots / f"side-by-side-{kind}.png"), full_page=True)


# Pixels of a PNG, decoded by the browser: [height][width] luminance 0..255.
_DECODE = """async b64 => {
  const img = new Image();
  img.src = 'data:image/png;base64,' + b64;
  await img.decode();
  const c = document.createElement('canvas');
  c.width = img.width; c.height = img.height;
  const g = c.getContext('2d');
  g.drawImage(img, 0, 0);
  const px = g.getImageData(0, 0, c.width, c.height).data, rows = [];
  for (let y = 0; y < c.height; y++) {
    const row = [];
    for (let x = 0; x < c.width; x++) {
      const i = 4 * (y * c.width + x);
      row.push(Math.round(0.299 * px[i] + 0.587 * px[i + 1] + 0.114 * px[i + 2]));
    }
    rows.push(row);
  }
  return rows;
}"""
# One cell per character, in the element's own font; the last holds a code point no font has
# a glyph for, so it shows what a missing glyph (a box) looks like in that font. Every cell is
# the same size and starts its glyph at the same whole pixel, so that equal glyphs give equal
# pixels.
_PROBE = """(el, chars) => {
  const box = document.createElement('div');
  box.className = 'glyph-probe';
  box.style.cssText = 'direction:ltr;line-height:1;background:#fff;color:#000';
  for (const ch of chars) {
    const s = document.createElement('span');
    s.textContent = ch;
    s.style.cssText = 'display:inline-block;width:72px;height:96px;padding:16px;font-size:40px;'
      + 'text-align:left;overflow:hidden;vertical-align:top';
    box.appendChild(s);
  }
  el.appendChild(box);
}"""
NO_GLYPH = "\U0010fffd"  # a private-use code point: no font draws it


def _ink(pixels):
    """The dark pixels of a luminance image, cropped to where there are any."""
    import numpy as np

    mask = pixels < 160
    rows, cols = np.flatnonzero(mask.any(axis=1)), np.flatnonzero(mask.any(axis=0))
    if not len(rows):
        return mask[:0, :0]
    return mask[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def _same_shape(a, b) -> bool:
    """Whether two ink masks are one drawing (the same size, nearly every pixel alike)."""
    return a.shape == b.shape and (a == b).mean() > 0.95


def _fonts_used(page, selector: str) -> dict[str, int]:
    """The fonts Chromium drew the text under ``selector`` with: family -> glyphs."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    used: dict[str, int] = {}
    for node in cdp.send("DOM.querySelectorAll", {"nodeId": root, "selector": selector})["nodeIds"]:
        for f in cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]:
            used[f["familyName"]] = used.get(f["familyName"], 0) + f["glyphCount"]
    cdp.detach()
    return used


def _stack(page, selector: str) -> list[str]:
    """The font families the stylesheet names for the element, in order."""
    value = page.locator(selector).first.evaluate("e => getComputedStyle(e).fontFamily")
    return [f.strip().strip("\"'") for f in value.split(",")]


def test_urdu_renders_right_to_left_with_glyphs_not_boxes(semantic_server, browser, watched, shots):
    """Fails where Chromium draws Urdu as boxes: each Urdu letter of the pane, drawn alone in
    the pane's font, must differ from that font's missing-glyph box and leave ink; and the
    Urdu text must be drawn by a font the stylesheet names for Urdu, not by a fallback."""
    import numpy as np

    server, store = semantic_server
    page = watched.page
    page.goto(f"{server.url}/pairs/{store['translation']['id']}")
    urdu = page.locator(".pane[data-side=b]")
    assert (urdu.get_attribute("dir"), urdu.get_attribute("lang")) == ("rtl", "ur")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    # right to left: the passage's first word is at the pane's right edge
    first, box = urdu.locator(".sm").first.bounding_box(), urdu.bounding_box()
    assert first["x"] + first["width"] > box["x"] + box["width"] * 0.6
    page.screenshot(path=str(shots / "side-by-side-urdu.png"), full_page=True)

    stack = _stack(page, ".pane[data-side=b]")
    # the sentences' number badges are drawn in the interface font: measure the text alone
    urdu.locator(".sm").evaluate_all("els => els.forEach(e => e.removeAttribute('data-n'))")
    for selector in (".pane[data-side=b] .sm", ".pane[data-side=b] .ctx", "td[lang=ur]"):
        used = _fonts_used(page, selector)
        assert used and set(used) <= set(stack), (selector, used, stack)

    text = store["texts"]["ur-1"]
    letters = sorted({c for c in text if "\u0600" <= c <= "\u06ff"})
    assert {"\u06d2", "\u06c1", "\u06d4"} <= set(letters)  # Urdu's own: ے ہ ۔
    urdu.evaluate(_PROBE, [*letters, NO_GLYPH])
    probes = urdu.locator(".glyph-probe span")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    urdu.locator(".glyph-probe").screenshot(path=str(shots / "urdu-glyphs.png"))
    decoder = browser.new_page()  # a blank page decodes the screenshots
    try:
        pixels = [
            np.array(
                decoder.evaluate(_DECODE, base64.b64encode(probes.nth(i).screenshot()).decode())
            )
            for i in range(probes.count())
        ]
    finally:
        decoder.close()
    ink = [_ink(px) for px in pixels]
    box_ink = ink.pop()
    assert box_ink.sum() > 20  # the box is drawn, so the comparison means something
    boxes = [c for c, mask in zip(letters, ink, strict=True) if _same_shape(mask, box_ink)]
    blank = [c for c, mask in zip(letters, ink, strict=True) if mask.sum() < 8]
    assert not boxes, "drawn as boxes: " + " ".join(f"U+{ord(c):04X}" for c in boxes)
    assert not blank, "drawn as nothing: " + " ".join(f"U+{ord(c):04X}" for c in blank)

    page.goto(f"{server.url}/docs/ur-1")  # the document page: the same font, right to left
    article = page.locator("article.doctext")
    assert (article.get_attribute("dir"), article.get_attribute("lang")) == ("rtl", "ur")
    page.evaluate("() => document.fonts.ready.then(() => true)")
    used = _fonts_used(page, "article.doctext span")
    assert used and set(used) <= set(_stack(page, "article.doctext")), used
    page.screenshot(path=str(shots / "document-urdu.png"), full_page=True)
