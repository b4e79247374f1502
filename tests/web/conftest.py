"""Fixtures for the viewer: a store holding hostile records, and a live server."""

from __future__ import annotations

import json
import os
import random
import re
import socket
import subprocess
import sys
import time
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from echoscope import api
from echoscope.web.app import create_app

# Every bidi control: the Arabic letter mark, the implicit marks, embeddings and overrides, and
# isolates. Each would silently reorder what a reader sees.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# C0 and C1 controls (NUL, bell, backspace, vertical tab, form feed, escape, DEL, NEL, CSI...):
# none may reach a page. Tab and line feed are text.
CONTROL_CHARS = "\x00\x01\x07\x08\x0b\x0c\x1b\x1f\x7f\x80\x85\x9b\x9f"
HIDDEN = BIDI_CONTROLS + CONTROL_CHARS

# Markup and scripts in a record's text and metadata, and bidi and control characters that would
# reorder what a reader sees or corrupt the page. The viewer must show all of it as inert text.
HOSTILE_TEXT = (
    '<script>window.__pwned = "script"</script> '
    "<img src=x onerror=\"window.__pwned='img'\"> "
    "<svg onload=\"window.__pwned='svg'\"></svg> "
    '" onmouseover="window.__pwned=\'attr\'" x=" '
    "\u202eredro lanigiro eht\u202c javascript:window.__pwned='href' "
    # ingest refuses a text with a NUL (binary data): NUL comes in ids and metadata instead
    f"hidden {' '.join(HIDDEN.replace(chr(0), ''))} characters "
)
HOSTILE_SPEAKERS = [
    "<img src=x onerror=\"window.__pwned='speaker'\">Mallory",
    "\u202eevE\u202c Vance",
    "<script>window.__pwned='name'</script>",
    "Trent \"'><b>bold</b>",
    f"Zed{HIDDEN}Hidden",
]
HOSTILE_OUTLET = "<iframe src=\"javascript:window.__pwned='outlet'\"></iframe>Gazette"
# A document id that needs care in a URL: controls, bidi controls, / ? # and space. (No "%": the
# in-process test client decodes a path twice; a real server does not.)
HOSTILE_DOC_ID = f"doc-4/{HIDDEN} ?# end"
HOSTILE_TITLE = f"Statement {HIDDEN} four"


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory) -> Path:
    """Five documents by hostile-named speakers sharing one passage that holds hostile text;
    their dates fall within a day, so the passage is a talking point with a burst."""
    rng = random.Random(11)
    vocab = sorted({"".join(rng.choice("aeioukrtmnslpdv") for _ in range(7)) for _ in range(4000)})

    def prose(n: int) -> str:
        return " ".join(rng.choice(vocab) for _ in range(n)) + "."

    shared = prose(40) + " " + HOSTILE_TEXT + prose(40)
    # the store's own file name is shown on every page too
    path = tmp_path_factory.mktemp("hostile") / f"hostile{BIDI_CONTROLS}\x1b.jsonl"
    hostile_doc = {  # every field hidden characters; said first, so the point's source
        "id": HOSTILE_DOC_ID,
        "date": "2026-05-01T09:00",
        "outlet": f"Outlet{HIDDEN}4",
        "series": f"wire{HIDDEN}",
        "title": HOSTILE_TITLE,
        "url": f"https://example.org/{HIDDEN} x",
    }
    urls = [
        "javascript:window.__pwned='url'",
        "https://example.org/a\" onmouseover=\"window.__pwned='url2'",
        f"JavaScript:{HIDDEN}window.__pwned='url3'",
        "https://example.org/ok",
    ]
    with path.open("w", encoding="utf-8") as f:
        for i, speaker in enumerate(HOSTILE_SPEAKERS):
            rec = {
                "id": "<b>doc-0</b>" if i == 0 else f"doc-{i}",
                "date": f"2026-05-01T{10 + i:02d}:00",
                "outlet": HOSTILE_OUTLET if i % 2 else f"Outlet {i}",
                "title": f"<script>window.__pwned='title{i}'</script>Statement {i}",
                **(hostile_doc if speaker == HOSTILE_SPEAKERS[4] else {"url": urls[i]}),
                "speaker": speaker,
                "text": prose(60) + " " + shared + " " + prose(60),
            }
            # escaped, so that no reader splits a line at a C1 control
            f.write(json.dumps(rec, ensure_ascii=True) + "\n")
    db = path.with_suffix(".db")
    api.ingest(db, [path])
    api.detect(db)
    return db


# -- checking a page as a browser would build it --------------------------------------------------
# What a page may hold of the templates' own: any other element came from a record.
OUR_TAGS = frozenset(
    (
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
    )
)
# elements that have no end tag
VOID_TAGS = frozenset(("meta", "link", "br", "input", "img", "hr", "source", "wbr"))
_RAW_HIDDEN = re.compile(f"[{HIDDEN}\r]")


class Element:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Element | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.text = ""  # the element's own text, children's excluded
        self.all_text = ""  # its text and its descendants', in document order

    def ancestors(self):
        node = self.parent
        while node is not None:
            yield node
            node = node.parent

    def isolated(self) -> bool:
        """In a ``<bdi>`` or an element with its own ``dir``: its text cannot reorder the page."""
        return any(n.tag == "bdi" or "dir" in n.attrs for n in (self, *self.ancestors()))


class Page(HTMLParser):
    """Every element of a page, with its attributes, parent and own text, as a browser would
    build them (character references decoded)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.elements: list[Element] = []
        self._open: list[Element] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        el = Element(tag, dict(attrs), self._open[-1] if self._open else None)
        self.elements.append(el)
        if tag not in VOID_TAGS:
            self._open.append(el)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                return

    def handle_data(self, data):
        if self._open:
            self._open[-1].text += data
        for el in self._open:
            el.all_text += data

    def find(self, tag: str, **attrs: str) -> list[Element]:
        """Elements of ``tag`` whose attributes have these values (``class_`` for class)."""
        return [
            e
            for e in self.elements
            if e.tag == tag and all(e.attrs.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]


def assert_inert(html: str, where: str, *, scripts_from: str) -> Page:
    """What a hostile record can do to a page: nothing. Only the templates' elements, no event
    handler, no script but ours, no javascript: link, no raw control or bidi character in text
    or attribute, and every control shown (as U+XXXX) inside an isolated element."""
    page = Page(html)
    assert not _RAW_HIDDEN.search(html), (where, _RAW_HIDDEN.search(html))
    assert {e.tag for e in page.elements} <= OUR_TAGS, (where, {e.tag for e in page.elements})
    for e in page.elements:
        assert not any(a.lower().startswith("on") for a in e.attrs), (where, e.tag, e.attrs)
        for name, value in e.attrs.items():
            assert not _RAW_HIDDEN.search(value or ""), (where, e.tag, name, value)
            if name in ("href", "src", "action"):
                probe = re.sub(r"[\x00-\x20]", "", value or "").lower()
                assert not probe.startswith(("javascript:", "data:", "vbscript:")), (where, value)
        if e.tag == "script":
            assert (e.attrs.get("src") or "").startswith(scripts_from), (where, e.attrs)
            assert not e.text.strip(), where
        assert not _RAW_HIDDEN.search(e.text), (where, e.tag, e.text)
        if "ctl" in (e.attrs.get("class") or "").split():
            assert re.fullmatch("U\\+[0-9A-F]{4}", e.text), (where, e.text)
            assert e.isolated(), (where, "a control shown outside <bdi> or dir", e.parent.tag)
    return page


def shown_controls(page: Page) -> set[str]:
    """The characters a page shows as U+XXXX tokens."""
    return {chr(int(e.text[2:], 16)) for e in page.find("span", class_="ctl")}


def urdu_examples(db: Path) -> tuple[dict, dict]:
    """An Urdu document of the store that repeats a talking point (id, title, speaker, text,
    the spans of its occurrences) and an aligned passage with an Urdu side (both sides' texts,
    ids and offsets)."""
    import sqlite3

    with sqlite3.connect(db) as c:
        doc_id, title, speaker, text = c.execute(
            "SELECT id, title, speaker, text FROM documents d WHERE lang = 'ur' AND EXISTS "
            "(SELECT 1 FROM point_members m WHERE m.doc = d.id) ORDER BY id LIMIT 1"
        ).fetchone()
        spans = c.execute(
            'SELECT start, "end" FROM point_members WHERE doc = ?', (doc_id,)
        ).fetchall()
        pair = c.execute(
            "SELECT p.id, p.doc_a, p.start_a, p.end_a, p.doc_b, p.start_b, p.end_b FROM passages p "
            "JOIN documents a ON a.id = p.doc_a JOIN documents b ON b.id = p.doc_b "
            "WHERE a.lang = 'ur' AND b.lang = 'ur' ORDER BY p.id LIMIT 1"
        ).fetchone()
        texts = dict(
            c.execute("SELECT id, text FROM documents WHERE id IN (?, ?)", (pair[1], pair[4]))
        )
    doc = {"id": doc_id, "title": title, "speaker": speaker, "text": text, "spans": spans}
    sides = [
        {"doc": pair[1], "start": pair[2], "end": pair[3], "text": texts[pair[1]]},
        {"doc": pair[4], "start": pair[5], "end": pair[6], "text": texts[pair[4]]},
    ]
    return doc, {"id": pair[0], "sides": sides}


def assert_urdu_document_page(page: Page, doc: dict) -> None:
    """The page shows the document's text exactly, in a right-to-left-capable box declared
    Urdu, with its title and speaker isolated, and marks exactly the characters of its
    talking points' occurrences, each mark where its offsets say."""
    article = page.find("article", class_="doctext")[0]
    assert article.attrs.get("dir") == "rtl" and article.attrs.get("lang") == "ur"
    text = doc["text"]
    assert article.all_text == text
    heading = page.find("h1")[0]
    assert heading.all_text == doc["title"]
    assert [e.tag for e in page.elements if e.parent is heading] == ["bdi"]
    assert [e for e in page.find("bdi") if e.all_text == doc["speaker"]]
    marked: set[int] = set()
    for e in page.elements:
        anchor = e.attrs.get("id") or ""
        if article not in e.ancestors() or not anchor.startswith("at-"):
            continue
        start = int(anchor[3:])
        assert text[start : start + len(e.all_text)] == e.all_text, anchor
        if e.tag == "a":  # an echoed stretch: a mark linking to its talking point
            assert [c.tag for c in page.elements if c.parent is e] == ["mark"]
            marked.update(range(start, start + len(e.all_text)))
    assert marked == {i for s, end in doc["spans"] for i in range(s, end)}
    assert marked


def assert_urdu_pair_page(page: Page, pair: dict, context: int = 160) -> None:
    """Both panes show their passage exactly where the offsets say, with its context, in a
    box declared Urdu; the aligned words are the passage's own words."""
    panes = page.find("div", class_="pane")
    assert len(panes) == 2
    for pane, side in zip(panes, pair["sides"], strict=True):
        assert pane.attrs.get("dir") == "rtl" and pane.attrs.get("lang") == "ur"
        text, s, e = side["text"], side["start"], side["end"]
        before, after = text[max(0, s - context) : s], text[e : e + context]
        shown = ("…" if s > len(before) else "") + before + text[s:e] + after
        shown += "…" if len(after) == context else ""
        assert pane.all_text == shown
        words = [
            t.all_text
            for t in page.elements
            if t.parent is pane and "tok" in (t.attrs.get("class") or "").split()
        ]
        assert len(words) >= 12
        at = 0
        for word in words:  # the aligned words, in order, are the passage's
            at = text.index(word, s + at) - s + len(word)
            assert at <= e - s, word


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    def __init__(self, db: Path) -> None:
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        exe = Path(sys.executable).with_name("echoscope")
        self.proc = subprocess.Popen(
            [str(exe), "serve", "--db", str(db), "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 30
        while True:
            try:
                urllib.request.urlopen(self.url + "/api/overview", timeout=2).read()
                return
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    err = self.proc.stderr.read().decode() if self.proc.stderr else ""
                    self.stop()
                    raise RuntimeError(f"echoscope serve did not start: {err}") from None
                time.sleep(0.1)

    def get_json(self, path: str) -> dict:
        with urllib.request.urlopen(self.url + path, timeout=10) as r:
            return json.load(r)

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


@pytest.fixture(scope="session")
def demo_server(demo_db):
    server = Server(demo_db)
    yield server
    server.stop()


@pytest.fixture(scope="session")
def hostile_server(hostile_db):
    server = Server(hostile_db)
    yield server
    server.stop()


def screenshot_dir(tmp_path_factory) -> Path:
    """Where browser tests save screenshots: $ECHOSCOPE_SCREENSHOTS, or a temporary folder."""
    env = os.environ.get("ECHOSCOPE_SCREENSHOTS")
    if env:
        Path(env).mkdir(parents=True, exist_ok=True)
        return Path(env)
    return tmp_path_factory.mktemp("screenshots")


__all__ = [
    "BIDI_CONTROLS",
    "CONTROL_CHARS",
    "HIDDEN",
    "HOSTILE_DOC_ID",
    "HOSTILE_OUTLET",
    "HOSTILE_SPEAKERS",
    "HOSTILE_TEXT",
    "HOSTILE_TITLE",
    "api",
]


@pytest.fixture(scope="module")
def client(demo_db):
    """The viewer over the demo store, as a test client (a module's own fixture may differ)."""
    return TestClient(create_app(demo_db), base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def hostile(hostile_db):
    """The viewer over the hostile store, as a test client."""
    return TestClient(create_app(hostile_db), base_url="http://127.0.0.1")
