"""The static report: the viewer's pages as files that link only to each other."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote

import pytest

from echoscope import api
from echoscope.cli import main
from echoscope.web.links import StaticLinks
from echoscope.web.report import write_report

from .conftest import (
    HIDDEN,
    HOSTILE_DOC_ID,
    HOSTILE_SPEAKERS,
    Page,
    assert_inert,
    assert_urdu_document_page,
    assert_urdu_pair_page,
    shown_controls,
    urdu_examples,
)


def _links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"]+)"', html)


def test_report_writes_every_page_and_no_link_is_dead(demo_db, tmp_path, capsys):
    out = tmp_path / "site"
    assert main(["report", "--db", str(demo_db), "--out", str(out), "--quiet"]) == 0
    assert "wrote" in capsys.readouterr().out
    pages = {p.name for p in out.glob("*.html")}
    assert "index.html" in pages and "points.html" in pages and "search.html" in pages
    assert sum(p.startswith("point-") for p in pages) == 9
    assert sum(p.startswith("doc-") for p in pages) == 246
    assert sum(p.startswith("pair-") for p in pages) == 170
    for asset in ("d3.js", "echoscope.js", "echoscope.css"):
        assert (out / "static" / asset).stat().st_size > 1000
    checked = 0
    for page in out.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html
        for link in _links(html):
            assert not link.startswith(("/", "http:", "https:")), (page.name, link)
            target, _, anchor = unquote(link).partition("#")
            if target:
                assert (out / target).exists(), (page.name, link)
                checked += 1
            if anchor:  # the anchor exists in the page it points to
                html_there = html if not target else (out / target).read_text(encoding="utf-8")
                assert f'id="{anchor}"' in html_there, (page.name, link)
    assert checked > 5000


def test_report_escapes_hostile_records(hostile_db, tmp_path):
    """Every element and attribute of every page, as a browser would build them: nothing a
    record holds becomes markup, a handler, a script or a javascript: link, no control or bidi
    character is sent raw, and each is shown inside an isolated element."""
    out = tmp_path / "site"
    write_report(hostile_db, out)
    pages = sorted(out.glob("*.html"))
    assert sum(p.name.startswith("doc-") for p in pages) == 5
    for path in pages:
        page = assert_inert(path.read_text(encoding="utf-8"), path.name, scripts_from="static/")
        for e in page.elements:
            link = e.attrs.get("href") or e.attrs.get("src") or ""
            if link and not (e.tag == "a" and "url" in (e.attrs.get("class") or "")):
                assert not link.startswith(("/", "http:", "https:", "file:")), (path.name, link)
                target = unquote(link).partition("#")[0]
                assert not target or (out / target).is_file(), (path.name, link)
    links = StaticLinks()
    doc_page = assert_inert(
        (out / links.doc(HOSTILE_DOC_ID)).read_text(encoding="utf-8"), "doc", scripts_from="static/"
    )
    assert shown_controls(doc_page) == set(HIDDEN)
    actor_page = (out / links.actor(HOSTILE_SPEAKERS[4])).read_text(encoding="utf-8")
    assert set(HIDDEN) <= shown_controls(assert_inert(actor_page, "actor", scripts_from="static/"))


def test_report_shows_urdu_documents_as_written(demo_db, tmp_path):
    out = tmp_path / "site"
    write_report(demo_db, out)
    doc, pair = urdu_examples(demo_db)
    links = StaticLinks()
    assert_urdu_document_page(Page((out / links.doc(doc["id"])).read_text(encoding="utf-8")), doc)
    assert_urdu_pair_page(Page((out / links.pair(pair["id"])).read_text(encoding="utf-8")), pair)


def test_report_refuses_a_file_as_folder(demo_db, tmp_path, capsys):
    f = tmp_path / "file"
    f.write_text("x")
    assert main(["report", "--db", str(demo_db), "--out", str(f)]) == 1
    assert "is not a folder" in capsys.readouterr().err
    assert f.read_text() == "x"
    assert main(["report", "--db", str(demo_db), "--out", str(f / "site")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("echoscope report: error:") and err.count("\n") == 1, err
    assert f.read_text() == "x"


def test_report_refuses_to_write_over_the_store(tmp_path, capsys):
    db = _small_store(tmp_path)
    before = db.read_bytes()
    assert main(["report", "--db", str(db), "--out", str(db)]) == 1
    err = capsys.readouterr().err
    assert "refusing to write over the store" in err and err.count("\n") == 1, err
    assert db.read_bytes() == before
    # a store whose name a page would take, in the report's folder: refused, left whole
    site = tmp_path / "site"
    site.mkdir()
    inside = site / "index.html"
    inside.write_bytes(before)
    assert main(["report", "--db", str(inside), "--out", str(site)]) == 1
    assert "refusing to write over the store" in capsys.readouterr().err
    assert inside.read_bytes() == before


def test_a_failed_report_leaves_every_earlier_page_whole(tmp_path, monkeypatch):
    """Pages are written to a temporary name and renamed: a write that fails half way leaves
    the page of the earlier report, not a truncated one, and no temporary file."""
    from echoscope.web import report

    db = _small_store(tmp_path)
    out = tmp_path / "site"
    write_report(db, out)
    before = {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    real = report.render

    def fails_on_pairs(template, **context):
        html = real(template, **context)
        # a lone surrogate cannot be encoded: the write fails after part of the page
        return html + "\ud800" if template == "pair.html" else html

    monkeypatch.setattr(report, "render", fails_on_pairs)
    with pytest.raises(UnicodeEncodeError):
        write_report(db, out)
    after = {p.name: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before
    assert any(name.startswith("pair-") for name in before)


def _small_store(tmp_path: Path) -> Path:
    """Two documents sharing a passage: a store with a pair page."""
    shared = " ".join(f"word{i}" for i in range(40))
    src = tmp_path / "c.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "first " + shared})
        + "\n"
        + json.dumps({"id": "b", "text": "second " + shared + " end"})
        + "\n"
    )
    db = tmp_path / "s.db"
    api.ingest(db, [src])
    api.detect(db)
    return db


def test_report_of_missing_db_is_a_clear_error(tmp_path, capsys):
    assert main(["report", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "s")]) == 1
    assert "no such database" in capsys.readouterr().err
