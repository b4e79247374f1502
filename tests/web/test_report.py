"""The static report: the viewer's pages as files that link only to each other."""

from __future__ import annotations

import re
from urllib.parse import unquote

from echoscope.cli import main
from echoscope.web.report import write_report


def _links(html: str) -> list[str]:
    return re.findall(r'(?:href|src)="([^"]+)"', html)


def test_report_writes_every_page_and_no_link_is_dead(demo_db, tmp_path, capsys):
    out = tmp_path / "site"
    assert main(["report", "--db", str(demo_db), "--out", str(out), "--quiet"]) == 0
    assert "wrote" in capsys.readouterr().out
    pages = {p.name for p in out.glob("*.html")}
    assert "index.html" in pages and "points.html" in pages and "search.html" in pages
    assert sum(p.startswith("point-") for p in pages) == 9
    assert sum(p.startswith("doc-") for p in pages) == 206
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
    out = tmp_path / "site"
    write_report(hostile_db, out)
    for page in out.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>window" not in html and "<img src=x" not in html, page.name
        assert "<iframe" not in html, page.name


def test_report_refuses_a_file_as_folder(demo_db, tmp_path):
    f = tmp_path / "file"
    f.write_text("x")
    assert main(["report", "--db", str(demo_db), "--out", str(f)]) == 1


def test_report_of_missing_db_is_a_clear_error(tmp_path, capsys):
    assert main(["report", "--db", str(tmp_path / "none.db"), "--out", str(tmp_path / "s")]) == 1
    assert "no such database" in capsys.readouterr().err
