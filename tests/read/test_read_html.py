"""HTML: the extracted main text is the document; metadata from the page."""

from __future__ import annotations

import pytest

from echoscope.errors import InputError
from echoscope.model import Rejected
from echoscope.read import read_corpus

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Statement on Trade | Ministry</title>
<meta name="date" content="2021-03-04">
<link rel="canonical" href="https://example.gov/statement">
</head><body>
<nav><a href="/">Home</a> | <a href="/about">About us</a></nav>
<article><h1>Statement on Trade</h1>
<p>We will not accept unfair trade practices that hurt our workers.</p>
<p>Our farmers and factory workers deserve better, and we will stand with them.</p>
</article>
<div id="comments" class="comments"><h3>Comments</h3>
<div class="comment"><p>Reader comment: what a wonderful statement, I fully agree with it.</p></div>
</div>
<footer>Copyright 2021 Ministry. All rights reserved.</footer>
</body></html>
"""


@pytest.mark.parametrize("name", ["statement.html", "statement.htm", "statement.html.gz"])
def test_main_text_and_metadata(tmp_path, write, name):
    path = write.text(tmp_path / name, PAGE)
    (doc,) = read_corpus(path)
    assert doc.id == name
    assert "We will not accept unfair trade practices that hurt our workers." in doc.text
    # paragraphs are separate lines; navigation and footer are boilerplate
    assert (
        "hurt our workers.\nOur farmers and factory workers deserve better, and we will stand "
        "with them." in doc.text
    )
    assert "About us" not in doc.text
    assert "Copyright" not in doc.text
    assert "Reader comment" not in doc.text
    assert (doc.title, doc.date, doc.url) == (
        "Statement on Trade",
        "2021-03-04",
        "https://example.gov/statement",
    )


def test_urdu_page(tmp_path, write):
    sentence = "ہم اپنے وطن کی حفاظت کریں گے اور ہم ہمیشہ متحد رہیں گے۔"
    page = f"<html><body><article><p>{sentence}</p></article></body></html>"
    (doc,) = read_corpus(write.text(tmp_path / "u.html", page))
    assert sentence in doc.text


def test_declared_legacy_charset_is_honoured(tmp_path, write):
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        "</head><body><article><p>Le caf\u00e9 de la r\u00e9publique est ouvert \u00e0 tous "
        "les citoyens.</p></article></body></html>"
    )
    (doc,) = read_corpus(write.bytes(tmp_path / "p.html", page.encode("latin-1")))
    assert "Le café de la république est ouvert à tous" in doc.text


def test_undeclared_invalid_utf8_is_an_error(tmp_path, write):
    page = b"<html><body><p>caf\xe9 au lait for everyone here today</p></body></html>"
    path = write.bytes(tmp_path / "p.html", page)
    with pytest.raises(InputError) as info:
        list(read_corpus(path))
    assert (info.value.path, info.value.line) == (str(path), None)
    assert info.value.reason == f"not valid UTF-8 (byte 0xe9 at offset {page.index(b'caf') + 3})"


def test_page_without_text(tmp_path, write):
    path = write.text(
        tmp_path / "empty.html", "<html><head><title>x</title></head><body></body></html>"
    )
    with pytest.raises(InputError, match="no main text found") as info:
        list(read_corpus(path))
    assert str(info.value) == f"{path}: no main text found"
    (rej,) = read_corpus(path, skip_bad=True)
    assert isinstance(rej, Rejected)
    assert (rej.line, rej.reason) == (0, "no main text found")
    assert rej.raw.startswith("<html>")


def test_text_only_in_a_table_is_found_without_table_markup(tmp_path, write):
    page = (
        "<html><body><table><tr><td>France</td><td>We support the resolution on climate "
        "finance for developing nations.</td></tr></table></body></html>"
    )
    (doc,) = read_corpus(write.text(tmp_path / "t.html", page))
    assert "We support the resolution on climate finance for developing nations." in doc.text
    assert "|" not in doc.text


def test_bom_wins_over_a_declared_charset(tmp_path, write):
    page = (
        '<html><head><meta charset="iso-8859-1"></head><body><article><p>Le café de la '
        "république est ouvert à tous les citoyens de ce pays.</p></article></body></html>"
    )
    (doc,) = read_corpus(write.bytes(tmp_path / "p.html", b"\xef\xbb\xbf" + page.encode()))
    assert "Le café de la république" in doc.text
