"""Fixtures for the reader tests: small corpora written to tmp_path."""

from __future__ import annotations

import bz2
import gzip
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

#: Urdu with a combining mark, an RTL mark, CRLF and a non-breaking space: nothing may change
URDU = "ہم اپنے وطن کی حفاظت کریں گے۔\r\nیہ ہمارا عزم ہے\u200f، اور\u00a0ہم متحد ہیں۔ ٹ\u0670\n"


def write_bytes(path: Path, data: bytes) -> Path:
    """Write ``data``, compressed according to the name (.gz / .bz2)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.name.endswith(".gz"):
        data = gzip.compress(data)
    elif path.name.endswith(".bz2"):
        data = bz2.compress(data)
    path.write_bytes(data)
    return path


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    return write_text(path, "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


@pytest.fixture
def urdu() -> str:
    return URDU


@pytest.fixture
def write() -> SimpleNamespace:
    """``write.bytes / write.text / write.jsonl(path, content) -> path`` (compressed by name)."""
    return SimpleNamespace(bytes=write_bytes, text=write_text, jsonl=write_jsonl)
