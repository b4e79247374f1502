"""`export pairs --format pan`: a folder of PAN text-alignment detections any PAN scorer reads."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from echoscope import api
from echoscope.cli import main
from echoscope.evaluate import load_pan_folder


@pytest.fixture
def pan_db(tmp_path, maker):
    """A PAN-shaped corpus: one suspicious document reusing two passages of one source and
    one of another."""
    root = tmp_path / "pan"
    (root / "src").mkdir(parents=True)
    (root / "susp").mkdir()
    p1, p2, p3 = (maker.sentences(50) for _ in range(3))
    src1 = f"{maker.sentences(60)} {p1} {maker.sentences(300)} {p2} {maker.sentences(40)}"
    src2 = f"{maker.sentences(30)} {p3} {maker.sentences(30)}"
    susp = f"{maker.sentences(20)} {p2} {maker.sentences(200)} {p3} {maker.sentences(90)} {p1}"
    (root / "src" / "source-document00001.txt").write_text(src1, encoding="utf-8")
    (root / "src" / "source-document00002.txt").write_text(src2, encoding="utf-8")
    (root / "susp" / "suspicious-document00001.txt").write_text(susp, encoding="utf-8")
    db = tmp_path / "pan.db"
    api.ingest(db, [root], series_from_dir=True)
    assert api.detect(db).passages == 3
    return db, {"src1": src1, "src2": src2, "susp": susp, "p": (p1, p2, p3)}


def test_one_file_per_pair_with_the_suspicious_side_as_this(pan_db, tmp_path, capsys):
    db, texts = pan_db
    out = tmp_path / "detections"
    assert main(["export", "pairs", "--db", str(db), "--format", "pan", "--out", str(out)]) == 0
    assert "wrote 3 passage pairs" in capsys.readouterr().out
    files = sorted(f.name for f in out.iterdir())
    assert files == [
        "suspicious-document00001-source-document00001.xml",
        "suspicious-document00001-source-document00002.xml",
    ]
    root = ET.parse(out / files[0]).getroot()
    assert root.get("reference") == "suspicious-document00001.txt"
    features = root.findall("feature")
    assert len(features) == 2
    p1, p2, _ = texts["p"]
    got = set()
    for f in features:
        assert f.get("name") == "detected-plagiarism"
        assert f.get("source_reference") == "source-document00001.txt"
        this, src = int(f.get("this_offset")), int(f.get("source_offset"))
        this_text = texts["susp"][this : this + int(f.get("this_length"))]
        src_text = texts["src1"][src : src + int(f.get("source_length"))]
        assert this_text == src_text
        got.add(this_text)
    assert got == {p1, p2}


def test_the_folder_reads_back_as_the_stored_passages(pan_db, tmp_path):
    db, _ = pan_db
    out = tmp_path / "detections"
    assert api.export(db, out, fmt="pan") == 3
    ids = [p.doc_a for p in api.pairs(db)] + [p.doc_b for p in api.pairs(db)]
    cases, pairs = load_pan_folder(out, doc_ids=set(ids))
    assert pairs is None
    stored = {
        frozenset([(p.doc_a, p.start_a, p.end_a), (p.doc_b, p.start_b, p.end_b)])
        for p in api.pairs(db)
    }
    read = {
        frozenset([(c.doc_a, c.start_a, c.end_a), (c.doc_b, c.start_b, c.end_b)]) for c in cases
    }
    assert read == stored
    # so the store scores perfectly against its own export
    result = api.evaluate_store(db, out)
    assert result["overall"].plagdet == 1.0


def test_a_corpus_outside_pan_layout_takes_the_later_document_as_this(tmp_path, maker):
    passage = maker.sentences(50)
    docs = [
        {"id": 'first & "odd" <id>', "text": f"{maker.sentences(40)} {passage}"},
        {"id": "second", "text": f"{passage} {maker.sentences(40)}"},
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    db = tmp_path / "t.db"
    api.ingest(db, [corpus])
    api.detect(db)
    out = tmp_path / "det"
    assert main(["export", "pairs", "--db", str(db), "--format", "pan", "--out", str(out)]) == 0
    (name,) = [f.name for f in out.iterdir()]
    assert name == "second-first_odd_id.xml"
    root = ET.parse(out / name).getroot()  # the odd id is escaped, so the XML parses
    assert root.get("reference") == "second"
    assert root.find("feature").get("source_reference") == 'first & "odd" <id>'


def test_refuses_a_folder_in_use_and_writes_nothing_on_refusal(pan_db, tmp_path, capsys):
    db, _ = pan_db
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "keep.txt").write_text("mine", encoding="utf-8")
    args = ["export", "pairs", "--db", str(db), "--format", "pan", "--out"]
    assert main([*args, str(busy)]) == 1
    assert "not empty" in capsys.readouterr().err
    assert [f.name for f in busy.iterdir()] == ["keep.txt"]
    a_file = tmp_path / "file.xml"
    a_file.write_text("x", encoding="utf-8")
    assert main([*args, str(a_file)]) == 1
    assert a_file.read_text(encoding="utf-8") == "x"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert main([*args, str(empty)]) == 0 and len(list(empty.iterdir())) == 2
    assert not [f for f in tmp_path.iterdir() if f.name.startswith(".")]  # no temporary left
    out = tmp_path / "points"
    assert main(["export", "points", "--db", str(db), "--format", "pan", "--out", str(out)]) == 1
    assert "pairs only" in capsys.readouterr().err and not out.exists()


def _pair_store(tmp_path, maker, ids):
    """A store where the first id shares a passage with each of the others."""
    passage = maker.sentences(50)
    docs = [
        {"id": i, "text": f"{maker.sentences(30)} {passage} {maker.sentences(30)}"} for i in ids
    ]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    db = tmp_path / "t.db"
    api.ingest(db, [corpus])
    api.detect(db)
    return db


@pytest.mark.parametrize(
    "ids",
    [
        ["src/q.txt", "a/x.txt", "b/x.txt"],  # one file name in two folders
        ["src/q.txt", "susp/2020/speech.txt", "susp/2021/speech.txt"],
        ["src/q.txt", "tab\tname.txt"],  # read back as written, not as a space
        ["src/q.txt", "تقریر-ایک.txt", "تقریر-دو.txt"],  # names in Urdu
    ],
)
def test_any_ids_read_back_as_what_was_exported(tmp_path, maker, ids):
    db = _pair_store(tmp_path, maker, ids)
    out = tmp_path / "det"
    n = api.export(db, out, fmt="pan")
    assert n == len(api.pairs(db)) >= len(ids) - 1
    assert len(list(out.iterdir())) == len({(p.doc_a, p.doc_b) for p in api.pairs(db)})
    assert api.evaluate_store(db, out)["overall"].plagdet == 1.0


def test_an_id_xml_cannot_carry_is_refused(tmp_path, maker, capsys):
    db = _pair_store(tmp_path, maker, ["src/q.txt", "ctl\x01id.txt"])
    out = tmp_path / "det"
    assert main(["export", "pairs", "--db", str(db), "--format", "pan", "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "PAN XML cannot carry" in err and "\x01" not in err and not out.exists()


def test_a_link_to_an_empty_folder_is_filled(tmp_path, maker):
    db = _pair_store(tmp_path, maker, ["src/q.txt", "susp/x.txt"])
    real = tmp_path / "real"
    real.mkdir()
    link = tmp_path / "link"
    link.symlink_to(real)
    assert api.export(db, link, fmt="pan") == 1
    assert link.is_symlink() and len(list(real.iterdir())) == 1
