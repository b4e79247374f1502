"""Folders: one document per file, ids from relative paths, metadata from a sidecar."""

from __future__ import annotations

import json

import pytest

from echoscope.errors import InputError
from echoscope.model import Rejected
from echoscope.read import read_corpus

PAGE = (
    "<html><head><title>Page title</title></head><body><article>"
    "<p>The people of this nation will never surrender their freedom to anyone.</p>"
    "</article></body></html>"
)


@pytest.fixture
def corpus(tmp_path, write, urdu):
    """A PAN-style folder: src/ and susp/, nested, compressed, HTML, and files to ignore."""
    root = tmp_path / "corpus"
    write.text(root / "src" / "source-document00002.txt", "second source")
    write.text(root / "src" / "source-document00001.txt", urdu)
    write.text(root / "susp" / "b" / "deep.txt.gz", "deep and compressed")
    write.text(root / "susp" / "a.htm", PAGE)
    write.text(root / "top.txt.bz2", "at the top")
    write.text(root / "notes.md", "not a document")
    write.text(root / "susp" / "annotations.xml", "<xml/>")
    write.text(root / ".hidden.txt", "hidden file")
    write.text(root / ".git" / "x.txt", "hidden folder")
    return root


def test_ids_order_and_exact_text(corpus, urdu):
    root = corpus
    docs = list(read_corpus(root))
    assert [d.id for d in docs] == [
        "src/source-document00001.txt",
        "src/source-document00002.txt",
        "susp/a.htm",
        "susp/b/deep.txt.gz",
        "top.txt.bz2",
    ]
    assert docs[0].text == urdu
    assert docs[0].origin == str(root / "src" / "source-document00001.txt")
    assert docs[2].text.startswith("The people of this nation")
    assert docs[2].title == "Page title"
    assert docs[3].text == "deep and compressed"
    assert all(d.series is None for d in docs)


def test_series_from_dir(corpus):
    root = corpus
    series = {d.id: d.series for d in read_corpus(root, series_from_dir=True)}
    assert series["src/source-document00001.txt"] == "src"
    assert series["susp/b/deep.txt.gz"] == "susp"
    assert series["top.txt.bz2"] is None  # no folder, no series


def test_sidecar_csv_matches_with_or_without_extension(corpus, write):
    root = corpus
    write.text(
        root / "metadata.csv",
        "id,speaker,date,series,title,party\n"
        "src/source-document00001.txt,A,2020-01-01,,,P1\n"
        "susp/b/deep,B,,S2,,\n"
        "susp/a.htm,,,,Sidecar title,\n"
        "top.txt,C,,,,\n",
    )
    docs = {d.id: d for d in read_corpus(root, series_from_dir=True)}
    assert "metadata.csv" not in docs
    one = docs["src/source-document00001.txt"]
    assert (one.speaker, one.date, one.series, one.meta) == (
        "A",
        "2020-01-01",
        "src",
        {"party": "P1"},
    )
    deep = docs["susp/b/deep.txt.gz"]
    assert (deep.speaker, deep.series) == ("B", "S2")  # the sidecar's series wins
    assert docs["susp/a.htm"].title == "Sidecar title"  # overrides the page's own
    assert docs["top.txt.bz2"].speaker == "C"  # compression suffix optional
    assert docs["src/source-document00002.txt"].speaker is None


@pytest.mark.parametrize(
    "content",
    [
        {"src/source-document00001.txt": {"speaker": "A", "n": 3}, "top": {"lang": "ur"}},
        [
            {"id": "src/source-document00001.txt", "speaker": "A", "n": 3},
            {"id": "top", "lang": "ur"},
        ],
    ],
)
def test_sidecar_json_mapping_or_list(corpus, write, content):
    root = corpus
    write.text(root / "metadata.json", json.dumps(content, indent=2))
    docs = {d.id: d for d in read_corpus(root)}
    one = docs["src/source-document00001.txt"]
    assert (one.speaker, one.meta) == ("A", {"n": 3})
    assert docs["top.txt.bz2"].lang == "ur"


def test_sidecar_jsonl_and_explicit_meta_path(corpus, tmp_path, write):
    root = corpus
    side = write.text(
        tmp_path / "elsewhere.jsonl",
        '{"id": "top.txt.bz2", "outlet": "O"}\n{"id": "susp/a", "date": "2001"}\n',
    )
    docs = {d.id: d for d in read_corpus(root, meta=side)}
    assert docs["top.txt.bz2"].outlet == "O"
    assert docs["susp/a.htm"].date == "2001"


def test_sidecar_row_for_missing_file_names_sidecar_and_line(corpus, write):
    root = corpus
    side = write.text(root / "metadata.csv", "id,speaker\ntop,A\nsrc/nope.txt,B\n")
    with pytest.raises(InputError) as info:
        list(read_corpus(root))
    assert (info.value.path, info.value.line) == (str(side), 3)
    assert "no document file for id 'src/nope.txt'" in info.value.reason


def test_sidecar_json_row_errors_have_lines(corpus, write):
    root = corpus
    side = write.text(
        root / "metadata.json", '{\n  "top": {"lang": "ur"},\n  "gone.txt": {"lang": "en"}\n}\n'
    )
    with pytest.raises(InputError) as info:
        list(read_corpus(root))
    assert (info.value.path, info.value.line) == (str(side), 3)


def test_sidecar_problems(corpus, write):
    root = corpus
    side = root / "metadata.csv"
    write.text(side, "name,speaker\ntop,A\n")
    with pytest.raises(InputError, match="no column 'id'"):
        list(read_corpus(root))
    write.text(side, "id,speaker\ntop,A\ntop.txt.bz2,B\n")
    with pytest.raises(InputError, match=r"second row for 'top.txt.bz2' \(first at line 2\)"):
        list(read_corpus(root))
    write.text(side, "id,text\ntop,A\n")
    with pytest.raises(InputError, match="cannot set the text"):
        list(read_corpus(root))
    side.unlink()
    write.text(root / "metadata.json", '{"top": {"lang": "a"},\n "top": {"lang": "b"}}')
    with pytest.raises(InputError, match=r"duplicate id 'top' \(first at line 1\)") as info:
        list(read_corpus(root))
    assert info.value.line == 2
    write.text(side, "id\n")
    with pytest.raises(InputError, match="several metadata files"):
        list(read_corpus(root))


def test_sidecar_column_mapping(corpus, write):
    root = corpus
    write.text(root / "metadata.tsv", "file\tname\ntop\tA\n")
    docs = {d.id: d for d in read_corpus(root, columns={"id": "file", "speaker": "name"})}
    assert docs["top.txt.bz2"].speaker == "A"
    with pytest.raises(InputError, match=r"no column 'who' \(for 'speaker'\)"):
        list(read_corpus(root, columns={"id": "file", "speaker": "who"}))
    (root / "metadata.tsv").unlink()
    with pytest.raises(InputError, match="no metadata file"):
        list(read_corpus(root, columns={"speaker": "name"}))


def test_bad_file_in_folder(tmp_path, write):
    root = tmp_path / "corpus"
    write.text(root / "a.txt", "fine")
    bad = write.bytes(root / "b.txt", b"\xef\xbb\xbfok then \xff")
    write.text(root / "c.txt", "   \n")
    write.text(root / "d.txt", "also fine")
    with pytest.raises(InputError) as info:
        list(read_corpus(root))
    assert str(info.value) == f"{bad}: not valid UTF-8 (byte 0xff at offset 11)"
    out = list(read_corpus(root, skip_bad=True))
    assert [(type(x).__name__, getattr(x, "reason", None)) for x in out] == [
        ("Document", None),
        ("Rejected", "not valid UTF-8 (byte 0xff at offset 11)"),
        ("Rejected", "empty text"),
        ("Document", None),
    ]
    assert isinstance(out[1], Rejected)


def test_bom_removed_but_nothing_else(tmp_path, write):
    root = tmp_path / "corpus"
    write.bytes(root / "a.txt", b"\xef\xbb\xbf" + "  spaced\r\nline\u2028\ufeff".encode())
    (doc,) = read_corpus(root)
    assert doc.text == "  spaced\r\nline\u2028\ufeff"  # only the leading BOM goes


def test_empty_folder_yields_nothing(tmp_path, write):
    (tmp_path / "empty" / "sub").mkdir(parents=True)
    write.text(tmp_path / "empty" / "readme.md", "no documents here")
    assert list(read_corpus(tmp_path / "empty")) == []


def test_corrupt_compressed_file_is_one_bad_record(tmp_path, write):
    root = tmp_path / "corpus"
    write.text(root / "a.txt", "fine")
    broken = root / "b.txt.gz"
    broken.write_bytes(b"not gzip at all")
    write.text(root / "c.txt", "also fine")
    with pytest.raises(InputError, match="cannot read") as info:
        list(read_corpus(root))
    assert info.value.path == str(broken)
    out = list(read_corpus(root, skip_bad=True))
    assert [getattr(x, "id", "rejected") for x in out] == ["a.txt", "rejected", "c.txt"]


def test_sidecar_blank_cells_keep_what_the_page_says(tmp_path, write):
    root = tmp_path / "corpus"
    write.text(root / "p.html", PAGE)
    write.text(root / "metadata.csv", "id,title,speaker\np,,Minister\n")
    (doc,) = read_corpus(root)
    assert (doc.title, doc.speaker) == ("Page title", "Minister")
