"""A PAN text-alignment corpus end to end: ingest the folder, detect, score against its XML."""

from __future__ import annotations

from echoscope import api


def test_pan_folder_ingest_detect_eval(tmp_path, maker):
    root = tmp_path / "pan"
    (root / "src").mkdir(parents=True)
    (root / "susp").mkdir()
    (root / "02-no-obfuscation").mkdir()
    passage = maker.sentences(60)
    src = maker.sentences(100) + " " + passage + " " + maker.sentences(80)
    susp = maker.sentences(40) + "\n\n" + passage + "\n" + maker.sentences(120)
    (root / "src" / "source-document00001.txt").write_text(src, encoding="utf-8")
    (root / "susp" / "suspicious-document00001.txt").write_text(susp, encoding="utf-8")
    # an unrelated listed pair, and a pair of sources that PAN does not list
    (root / "src" / "source-document00002.txt").write_text(maker.sentences(200), encoding="utf-8")
    (root / "src" / "source-document00003.txt").write_text(
        passage + " " + maker.sentences(50), encoding="utf-8"
    )
    (root / "pairs").write_text(
        "suspicious-document00001.txt source-document00001.txt\n"
        "suspicious-document00001.txt source-document00002.txt\n",
        encoding="utf-8",
    )
    so, to = src.index(passage), susp.index(passage)
    (root / "02-no-obfuscation" / "suspicious-document00001-source-document00001.xml").write_text(
        '<document reference="suspicious-document00001.txt">'
        f'<feature name="plagiarism" obfuscation="none" this_offset="{to}" '
        f'this_length="{len(passage)}" source_reference="source-document00001.txt" '
        f'source_offset="{so}" source_length="{len(passage)}"/></document>',
        encoding="utf-8",
    )
    db = tmp_path / "pan.db"
    api.ingest(db, [root], series_from_dir=True)
    api.detect(db)
    pairs = api.pairs(db)
    # sources are one series: source 1 and 3 share the passage but are never compared
    assert {frozenset((p.doc_a, p.doc_b)) for p in pairs} == {
        frozenset(("src/source-document00001.txt", "susp/suspicious-document00001.txt")),
        frozenset(("src/source-document00003.txt", "susp/suspicious-document00001.txt")),
    }
    result = api.evaluate_store(db, root)
    assert result["ignored_detections"] == 1  # the pair PAN does not list
    overall = result["overall"]
    assert overall.recall == 1.0 and overall.precision == 1.0 and overall.plagdet == 1.0
    assert result["by_label"]["none"].recall == 1.0
