"""Fixtures for the viewer: a store holding hostile records, and a live server."""

from __future__ import annotations

import json
import os
import random
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from echoscope import api

# Markup and scripts in a record's text and metadata, and bidi controls that would reorder what
# a reader sees. The viewer must show all of it as inert text.
HOSTILE_TEXT = (
    '<script>window.__pwned = "script"</script> '
    "<img src=x onerror=\"window.__pwned='img'\"> "
    "<svg onload=\"window.__pwned='svg'\"></svg> "
    '" onmouseover="window.__pwned=\'attr\'" x=" '
    "\u202eredro lanigiro eht\u202c javascript:window.__pwned='href' "
)
HOSTILE_SPEAKERS = [
    "<img src=x onerror=\"window.__pwned='speaker'\">Mallory",
    "\u202eevE\u202c Vance",
    "<script>window.__pwned='name'</script>",
    "Trent \"'><b>bold</b>",
]
HOSTILE_OUTLET = "<iframe src=\"javascript:window.__pwned='outlet'\"></iframe>Gazette"


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory) -> Path:
    """Four documents by hostile-named speakers sharing one passage that holds hostile text;
    their dates fall within a day, so the passage is a talking point with a burst."""
    rng = random.Random(11)
    vocab = sorted({"".join(rng.choice("aeioukrtmnslpdv") for _ in range(7)) for _ in range(4000)})

    def prose(n: int) -> str:
        return " ".join(rng.choice(vocab) for _ in range(n)) + "."

    shared = prose(40) + " " + HOSTILE_TEXT + prose(40)
    path = tmp_path_factory.mktemp("hostile") / "hostile.jsonl"
    with path.open("w", encoding="utf-8") as f:
        for i, speaker in enumerate(HOSTILE_SPEAKERS):
            rec = {
                "id": f"doc-{i}" if i else "<b>doc-0</b>",
                "date": f"2026-05-01T{10 + i:02d}:00",
                "speaker": speaker,
                "outlet": HOSTILE_OUTLET if i % 2 else f"Outlet {i}",
                "title": f"<script>window.__pwned='title{i}'</script>Statement {i}",
                "url": [
                    "javascript:window.__pwned='url'",
                    "https://example.org/a\" onmouseover=\"window.__pwned='url2'",
                    "JavaScript:window.__pwned='url3'",
                    "https://example.org/ok",
                ][i],
                "text": prose(60) + " " + shared + " " + prose(60),
            }
            f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    db = path.with_suffix(".db")
    api.ingest(db, [path])
    api.detect(db)
    return db


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


__all__ = ["HOSTILE_OUTLET", "HOSTILE_SPEAKERS", "HOSTILE_TEXT", "api"]
