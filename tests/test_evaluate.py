"""Tests for echoscope.evaluate: hand-worked PAN figures, loaders, and agreement with
the reference scorer shared/tools/evalpairs.py."""

from __future__ import annotations

import bz2
import gzip
import importlib.util
import json
import math
import random
from pathlib import Path

import pytest

from echoscope.evaluate import (
    Case,
    EvaluationInputError,
    Scores,
    evaluate,
    format_report,
    load_gold,
    load_members_jsonl,
    load_pairs_jsonl,
    load_pan_folder,
    pan_scores,
)

EVALPAIRS = Path(__file__).resolve().parents[2] / "shared" / "tools" / "evalpairs.py"

# One gold case used by several tests: 100 chars in a and the same 100 chars in b.
GOLD = Case("a", 0, 100, "b", 0, 100)


def approx(x: float) -> object:
    return pytest.approx(x, abs=1e-9)


def assert_scores(s: Scores, **expected: float) -> None:
    for name, value in expected.items():
        assert getattr(s, name) == approx(value), name


# --------------------------------------------------------------------------------------
# Hand-computed figures
# --------------------------------------------------------------------------------------


def test_perfect_detection() -> None:
    s = pan_scores([GOLD], [Case("a", 0, 100, "b", 0, 100)])
    assert (s.cases, s.detections, s.cases_detected) == (1, 1, 1)
    assert_scores(s, precision=1, recall=1, granularity=1, f1=1, plagdet=1)


def test_partial_overlap() -> None:
    # detection a[50:250], b[0:100] against gold a[0:100], b[0:100]
    # covered gold chars: a 50 + b 100 = 150 of 200      -> recall    = 0.75
    # detection chars inside gold: 150 of 200 + 100 = 300 -> precision = 0.5
    # F1 = 2 * 0.75 * 0.5 / 1.25 = 0.6; granularity 1 -> plagdet = 0.6 / log2(2) = 0.6
    s = pan_scores([GOLD], [Case("a", 50, 250, "b", 0, 100)])
    assert_scores(s, precision=0.5, recall=0.75, granularity=1, f1=0.6, plagdet=0.6)


def test_case_split_in_two_detections() -> None:
    # detections a[0:40]b[0:40] and a[60:100]b[60:100]: both lie wholly inside the case
    # precision = (1 + 1) / 2 = 1; recall = (40+40 + 40+40) / 200 = 0.8
    # granularity = 2 detections / 1 detected case = 2
    # F1 = 2 * 0.8 / 1.8 = 8/9; plagdet = (8/9) / log2(3) ≈ 0.5608
    dets = [Case("a", 0, 40, "b", 0, 40), Case("a", 60, 100, "b", 60, 100)]
    s = pan_scores([GOLD], dets)
    assert_scores(s, precision=1, recall=0.8, granularity=2, f1=8 / 9)
    assert s.plagdet == approx((8 / 9) / math.log2(3))
    assert round(s.plagdet, 4) == 0.5608


def test_overlapping_detections_count_characters_once() -> None:
    # a[0:60]b[0:60] and a[40:100]b[40:100] overlap each other on 20 chars per side:
    # recall = (100 + 100) / 200 = 1 (union, not 120 + 120); each detection is inside
    # the case -> precision 1; granularity 2 -> plagdet = 1 / log2(3)
    dets = [Case("a", 0, 60, "b", 0, 60), Case("a", 40, 100, "b", 40, 100)]
    s = pan_scores([GOLD], dets)
    assert_scores(s, precision=1, recall=1, granularity=2, plagdet=1 / math.log2(3))


def test_detection_overlapping_one_side_only_is_not_counted() -> None:
    # side a overlaps fully but side b is elsewhere in b; another detection is on a
    # different document pair with the same offsets. Neither detects the case:
    # recall 0, precision 0 / 2 detections, granularity 1 (nothing detected), plagdet 0.
    dets = [Case("a", 0, 100, "b", 500, 600), Case("a", 0, 100, "c", 0, 100)]
    s = pan_scores([GOLD], dets)
    assert (s.detections, s.cases_detected) == (2, 0)
    assert_scores(s, precision=0, recall=0, granularity=1, f1=0, plagdet=0)


def test_touching_spans_do_not_overlap() -> None:
    # ends are exclusive: a[100:200] touches a[0:100] but shares no character
    s = pan_scores([GOLD], [Case("a", 100, 200, "b", 0, 100)])
    assert s.cases_detected == 0


def test_orientation_is_normalised() -> None:
    # gold lists b first, detection lists a first: the same pair once oriented
    gold = [Case("b", 0, 100, "a", 200, 300)]
    s = pan_scores(gold, [Case("a", 200, 300, "b", 0, 100)])
    assert_scores(s, precision=1, recall=1, granularity=1, plagdet=1)
    # within one document the side with the smaller start becomes side A
    gold = [Case("a", 500, 600, "a", 0, 100)]
    s = pan_scores(gold, [Case("a", 0, 100, "a", 500, 600)])
    assert_scores(s, precision=1, recall=1, plagdet=1)


def test_zero_length_spans_are_ignored() -> None:
    gold = [GOLD, Case("a", 300, 300, "b", 0, 100)]  # 2nd case: empty side a
    dets = [Case("a", 0, 100, "b", 0, 100), Case("a", 0, 100, "b", 7, 7)]  # 2nd: empty b
    s = pan_scores(gold, dets)
    assert (s.cases, s.detections) == (1, 1)
    assert_scores(s, precision=1, recall=1, plagdet=1)


def test_empty_inputs() -> None:
    none = pan_scores([GOLD], [])
    assert (none.cases, none.detections) == (1, 0)
    assert_scores(none, precision=0, recall=0, granularity=1, f1=0, plagdet=0)
    no_gold = pan_scores([], [GOLD])
    assert (no_gold.cases, no_gold.detections) == (0, 1)
    assert_scores(no_gold, precision=0, recall=0, granularity=1, f1=0, plagdet=0)


def test_many_detections_on_one_pair_use_the_sorted_index() -> None:
    # 50 cases a[100k : 100k+50] <-> b[same]; each is detected by an exact copy plus one
    # long detection spanning all of them (exercises the "longest" window in _match).
    gold = [Case("a", 100 * k, 100 * k + 50, "b", 100 * k, 100 * k + 50) for k in range(50)]
    dets = [*gold, Case("a", 0, 5000, "b", 0, 5000)]
    s = pan_scores(gold, dets)
    # recall 1; granularity 2 (exact copy + long one); precision: 50 exact (1.0 each) and
    # the long one covers 50 * 50 chars per side of its 5000 -> 0.5; (50 + 0.5) / 51
    assert s.cases_detected == 50
    assert_scores(s, recall=1, granularity=2, precision=50.5 / 51)


# --------------------------------------------------------------------------------------
# evaluate(): labels, document-pair filter, report
# --------------------------------------------------------------------------------------


def labelled_example() -> tuple[list[Case], list[Case]]:
    gold = [
        Case("a", 0, 100, "b", 0, 100, "x"),  # c1
        Case("a", 200, 300, "b", 200, 300, "y"),  # c2
        Case("c", 0, 100, "d", 0, 100, "y"),  # c3
    ]
    dets = [
        Case("a", 0, 300, "b", 0, 300),  # d1: covers c1 and c2 (and 100 chars between)
        Case("c", 0, 50, "d", 0, 50),  # d2: half of c3
        Case("e", 0, 10, "f", 0, 10),  # d3: false positive
    ]
    return gold, dets


def test_by_label_figures() -> None:
    gold, dets = labelled_example()
    result = evaluate(gold, dets)
    # overall: recall (1 + 1 + 0.5) / 3 = 5/6
    #   precision: d1 has 200+200 of 600 chars in cases = 2/3, d2 1, d3 0 -> (5/3)/3 = 5/9
    #   F1 = 2 * (5/9) * (5/6) / (5/9 + 5/6) = 2/3; granularity 1 -> plagdet 2/3
    assert_scores(result["overall"], precision=5 / 9, recall=5 / 6, granularity=1, f1=2 / 3)
    assert result["overall"].detections == 3
    by = result["by_label"]
    assert sorted(by) == ["x", "y"]
    # x: c1 only; recall 1; precision over d1 alone, crediting only its chars in c1:
    #   200 / 600 = 1/3; F1 = 2 * (1/3) / (4/3) = 0.5
    assert (by["x"].cases, by["x"].detections) == (1, 1)
    assert_scores(by["x"], precision=1 / 3, recall=1, granularity=1, f1=0.5, plagdet=0.5)
    # y: c2, c3; recall (1 + 0.5) / 2 = 0.75; detections d1 (200/600 in c2) and d2 (1):
    #   precision (1/3 + 1) / 2 = 2/3; F1 = 2 * 0.75 * (2/3) / (0.75 + 2/3) = 12/17
    assert (by["y"].cases, by["y"].detections) == (2, 2)
    assert_scores(by["y"], precision=2 / 3, recall=0.75, granularity=1, f1=12 / 17)
    assert result["ignored_detections"] == 0


def test_unlabelled_cases() -> None:
    gold, dets = labelled_example()
    mixed = [*gold, Case("g", 0, 10, "h", 0, 10)]  # no label -> group "-"
    by = evaluate(mixed, dets)["by_label"]
    assert sorted(by) == ["-", "x", "y"]
    assert (by["-"].cases, by["-"].detections, by["-"].recall) == (1, 0, 0.0)
    plain = [Case(c.doc_a, c.start_a, c.end_a, c.doc_b, c.start_b, c.end_b) for c in gold]
    assert evaluate(plain, dets)["by_label"] == {}
    assert evaluate(gold, dets, by_label=False)["by_label"] == {}


def test_pairs_filter_ignores_unlisted_detections() -> None:
    gold, dets = labelled_example()
    pairs = {frozenset(("a", "b")), frozenset(("c", "d"))}
    result = evaluate(gold, dets, pairs=pairs)
    # d3 (e-f) is dropped: precision (2/3 + 1) / 2 = 5/6, recall unchanged 5/6
    assert result["ignored_detections"] == 1
    assert result["overall"].detections == 2
    assert_scores(result["overall"], precision=5 / 6, recall=5 / 6)


def test_format_report() -> None:
    gold, dets = labelled_example()
    text = format_report(evaluate(gold, dets, pairs={frozenset(("a", "b"))}))
    lines = text.splitlines()
    assert lines[0].split()[:2] == ["label", "cases"]
    assert lines[1].split()[0] == "overall"
    assert [line.split()[0] for line in lines[2:4]] == ["x", "y"]
    assert "2 detection(s)" in lines[-1]
    assert Scores(1, 1, 1, 1.0, 1.0, 1.0, 1.0, 1.0).as_dict()["plagdet"] == 1.0


def test_format_report_notes_what_was_not_scored() -> None:
    result = evaluate([GOLD, Case("a", 5, 5, "b", 0, 10)], [Case("a", 0, 100, "b", 9, 9)])
    assert (result["empty_cases"], result["empty_detections"]) == (1, 1)
    text = format_report(result)
    assert "1 gold pair(s) and 1 detection(s) with an empty span were not scored" in text
    assert "no detections to score: precision is undefined and shown as 0" in text
    assert "recall is undefined" not in text
    assert "no gold cases to score" in format_report(evaluate([], [GOLD]))


def test_format_report_shows_labels_safely() -> None:
    label = "\x1b[2J\x1b]8;;http://x\x07\u202eevil\ud800" + "z" * 300
    text = format_report(evaluate([Case("a", 0, 100, "b", 0, 100, label)], [GOLD]))
    assert all(line.isprintable() for line in text.splitlines())
    assert max(len(line) for line in text.splitlines()) < 150
    assert "evil" in text


# --------------------------------------------------------------------------------------
# JSONL loading
# --------------------------------------------------------------------------------------


def record(case: Case, **extra: object) -> dict[str, object]:
    fields = ("doc_a", "start_a", "end_a", "doc_b", "start_b", "end_b")
    return {name: getattr(case, name) for name in fields} | extra


def write_jsonl(path: Path, rows: list[dict[str, object]]) -> Path:
    text = "".join(json.dumps(r) + "\n" for r in rows)
    if path.suffix == ".gz":
        with gzip.open(path, "wt", encoding="utf-8") as fh:
            fh.write(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def test_load_pairs_jsonl(tmp_path: Path) -> None:
    rows = [record(GOLD, point=7, edit=0.05), record(GOLD, label="verbatim", score=0.9)]
    for name in ("gold.jsonl", "gold.jsonl.gz"):
        path = write_jsonl(tmp_path / name, rows)
        cases = load_pairs_jsonl(path)
        assert cases == [GOLD, Case("a", 0, 100, "b", 0, 100, "verbatim")]
        assert [c.label for c in load_pairs_jsonl(path, label_field="point")] == ["7", None]


def test_load_pairs_jsonl_reads_bom_and_bz2(tmp_path: Path) -> None:
    line = json.dumps(record(GOLD)).encode() + b"\n"
    (tmp_path / "bom.jsonl").write_bytes(b"\xef\xbb\xbf" + line)
    (tmp_path / "d.jsonl.bz2").write_bytes(bz2.compress(b"\xef\xbb\xbf" + line))
    assert load_pairs_jsonl(tmp_path / "bom.jsonl") == [GOLD]
    assert load_pairs_jsonl(tmp_path / "d.jsonl.bz2") == [GOLD]


def test_load_gold_refuses_gold_with_nothing_to_score(tmp_path: Path) -> None:
    (tmp_path / "blank.jsonl").write_text("\n \n", encoding="utf-8")
    with pytest.raises(EvaluationInputError, match="no gold pairs"):
        load_gold(tmp_path / "blank.jsonl")
    empty_spans = write_jsonl(tmp_path / "e.jsonl", [record(GOLD) | {"end_b": 0}])
    with pytest.raises(ValueError, match="empty span"):
        load_gold(empty_spans)
    assert load_gold(write_jsonl(tmp_path / "g.jsonl", [record(GOLD)])) == ([GOLD], None)
    (tmp_path / "pan").mkdir()
    with pytest.raises(EvaluationInputError, match="no annotation"):
        load_gold(tmp_path / "pan")


def test_load_members_jsonl(tmp_path: Path) -> None:
    rows = [{"point": "tp-1", "doc": "a", "start": 0, "end": 10, "role": "first"}]
    path = write_jsonl(tmp_path / "m.jsonl", [*rows, {"point": 7, "doc": 3, "start": 1, "end": 1}])
    assert load_members_jsonl(path) == [("a", 0, 10, "tp-1"), ("3", 1, 1, "7")]
    path = write_jsonl(tmp_path / "bad.jsonl", [*rows, {"point": "p", "doc": "a", "start": 5}])
    with pytest.raises(EvaluationInputError, match=r"bad\.jsonl:2: missing field 'end'"):
        load_members_jsonl(path)


def test_load_pairs_jsonl_accepts_integral_numbers(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "d.jsonl", [record(GOLD) | {"start_a": 0.0, "end_b": "100"}])
    assert load_pairs_jsonl(path) == [GOLD]


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ('{"doc_a": "a", "start_a": 0', "invalid JSON"),
        ('{"doc_a": "a", "start_a": 0, "end_a": 5, "doc_b": "b", "start_b": 0}', "end_b"),
        ('{"start_a": 0, "end_a": 5, "doc_b": "b", "start_b": 0, "end_b": 5}', "doc_a"),
        (
            '{"doc_a": "a", "start_a": 0.5, "end_a": 5, "doc_b": "b", "start_b": 0, "end_b": 5}',
            "start_a",
        ),
        (
            '{"doc_a": "a", "start_a": true, "end_a": 5, "doc_b": "b", "start_b": 0, "end_b": 5}',
            "start_a",
        ),
        ("[1, 2, 3]", "JSON object"),
        ('{"doc_a": "a", "start_a": -1, "end_a": 5, "doc_b": "b", "start_b": 0, "end_b": 5}',
         "start_a is negative"),
        ('{"doc_a": "a", "start_a": 9, "end_a": 5, "doc_b": "b", "start_b": 0, "end_b": 5}',
         r"end_a \(5\) is before start_a \(9\)"),
        ('{"doc_a": "a", "start_a": 0, "end_a": 5, "doc_b": "b", "start_b": 0, "end_b": NaN}',
         "end_b is not an offset"),
        ('{"doc_a": "a", "start_a": 0, "end_a": 5, "doc_b": "b", "start_b": 0, "end_b": 1' +
         "0" * 4400 + "}", "too many digits"),
        ("[" * 50_000 + "]" * 50_000, "nested too deeply"),
        ('{"doc_a": {}, "start_a": 0, "end_a": 5, "doc_b": "b", "start_b": 0, "end_b": 5}',
         "doc_a"),
    ],
)  # fmt: skip
def test_load_pairs_jsonl_reports_file_and_line(tmp_path: Path, bad: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record(GOLD)) + "\n\n" + bad + "\n", encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=message) as info:
        load_pairs_jsonl(path)
    assert str(info.value).startswith(f"{path}:3: ")
    assert isinstance(info.value, ValueError)


# --------------------------------------------------------------------------------------
# PAN corpus folders
# --------------------------------------------------------------------------------------

SUSP = "suspicious-document{:05d}.txt"
SRC = "source-document{:05d}.txt"


def feature(**attrs: object) -> str:
    return "<feature " + " ".join(f'{k}="{v}"' for k, v in attrs.items()) + "/>"


def annotation(susp: str, *features: str) -> str:
    body = "".join(f"  {f}\n" for f in features)
    head = '<?xml version="1.0" encoding="UTF-8"?>\n'
    return f'{head}<document reference="{susp}">\n{body}</document>\n'


def plag(src: str, this: tuple[int, int], source: tuple[int, int], **extra: str) -> str:
    return feature(
        name="plagiarism", **extra, this_offset=this[0], this_length=this[1],
        source_reference=src, source_offset=source[0], source_length=source[1],
    )  # fmt: skip


def make_pan_folder(root: Path) -> Path:
    """A small PAN 2013-style corpus: 4 listed pairs in three annotation folders and one
    annotation file lying directly in the corpus folder."""
    (root / "src").mkdir(parents=True)
    (root / "susp").mkdir()
    for k in range(1, 5):
        (root / "src" / SRC.format(k)).write_text("s" * 2000, encoding="utf-8")
        (root / "susp" / SUSP.format(k)).write_text("t" * 2000, encoding="utf-8")
    pairs = "".join(f"{SUSP.format(k)} {SRC.format(k)}\n" for k in range(1, 5))
    (root / "pairs").write_text(pairs, encoding="utf-8")
    folders = {
        "01-no-plagiarism": annotation(SUSP.format(1)),
        "02-no-obfuscation": annotation(
            SUSP.format(2),
            feature(name="about", authors="x"),  # not a case
            plag(SRC.format(2), (100, 200), (300, 200), obfuscation="none", type="artificial"),
        ),
        "03-random-obfuscation": annotation(
            # no obfuscation attribute: labelled by its folder
            SUSP.format(3),
            plag(SRC.format(3), (0, 50), (1000, 60)),
        ),
    }
    for folder, xml in folders.items():
        (root / folder).mkdir()
        name = f"{SUSP.format(int(folder[:2]))[:-4]}-{SRC.format(int(folder[:2]))[:-4]}.xml"
        (root / folder / name).write_text(xml, encoding="utf-8")
    loose = annotation(
        SUSP.format(4), plag(SRC.format(4), (10, 10), (20, 10), obfuscation="summary")
    )
    (root / "extra.xml").write_text(loose, encoding="utf-8")
    return root


def test_load_pan_folder_plain_names(tmp_path: Path) -> None:
    cases, pairs = load_pan_folder(make_pan_folder(tmp_path / "pan"))
    assert sorted(cases, key=lambda c: c.doc_a) == [
        Case(SUSP.format(2), 100, 300, SRC.format(2), 300, 500, "none"),
        Case(SUSP.format(3), 0, 50, SRC.format(3), 1000, 1060, "03-random-obfuscation"),
        Case(SUSP.format(4), 10, 20, SRC.format(4), 20, 30, "summary"),
    ]
    assert pairs == {frozenset((SUSP.format(k), SRC.format(k))) for k in range(1, 5)}


def test_load_pan_folder_maps_ids_and_scores_listed_pairs(tmp_path: Path) -> None:
    root = make_pan_folder(tmp_path / "pan")
    # the user's corpus ids carry folder prefixes; sources also lack ".txt"
    ids = [f"susp/{SUSP.format(k)}" for k in range(1, 5)]
    ids += [f"src/{SRC.format(k)[:-4]}" for k in range(1, 5)]
    cases, pairs = load_pan_folder(root, doc_ids=ids)
    s2, r2 = "susp/" + SUSP.format(2), "src/" + SRC.format(2)[:-4]
    assert Case(s2, 100, 300, r2, 300, 500, "none") in cases
    assert frozenset(("susp/" + SUSP.format(1), "src/" + SRC.format(1)[:-4])) in pairs
    s1, r1 = "susp/" + SUSP.format(1), "src/" + SRC.format(1)[:-4]
    s3, r3 = "susp/" + SUSP.format(3), "src/" + SRC.format(3)[:-4]
    s4, r4 = "susp/" + SUSP.format(4), "src/" + SRC.format(4)[:-4]
    assert Case(s4, 10, 20, r4, 20, 30, "summary") in cases
    dets = [
        Case(r2, 300, 500, s2, 100, 300),  # case 2 exactly, source side listed first
        Case(s3, 0, 50, r3, 1000, 1060),  # case 3 exactly
        Case(s1, 0, 100, r1, 0, 100),  # listed pair without cases: a false positive
        Case(s1, 0, 100, r2, 0, 100),  # unlisted pair: ignored
    ]
    result = evaluate(cases, dets, pairs=pairs)
    # 3 detections scored: precision (1 + 1 + 0) / 3; recall (1 + 1 + 0) / 3 (case 4 missed)
    assert result["ignored_detections"] == 1
    assert_scores(result["overall"], precision=2 / 3, recall=2 / 3, granularity=1)
    assert (result["overall"].cases, result["overall"].detections) == (3, 3)
    by = result["by_label"]
    assert sorted(by) == ["03-random-obfuscation", "none", "summary"]
    assert_scores(by["none"], precision=1, recall=1)
    assert_scores(by["summary"], precision=0, recall=0)
    assert by["summary"].detections == 0


def test_load_pan_folder_rejects_unknown_and_ambiguous_names(tmp_path: Path) -> None:
    root = make_pan_folder(tmp_path / "pan")
    ids = [f"susp/{SUSP.format(k)}" for k in range(1, 5)] + [SRC.format(k) for k in (1, 2, 4)]
    with pytest.raises(ValueError, match=SRC.format(3)):
        load_pan_folder(root, doc_ids=ids)
    # two ids share the basename of suspicious-document00001.txt
    ids = [*ids, SRC.format(3), f"other/{SUSP.format(1)}"]
    with pytest.raises(ValueError, match="ambiguous"):
        load_pan_folder(root, doc_ids=ids)


def test_load_pan_folder_without_pairs_file_and_bad_xml(tmp_path: Path) -> None:
    root = make_pan_folder(tmp_path / "pan")
    (root / "pairs").unlink()
    cases, pairs = load_pan_folder(root)
    assert len(cases) == 3 and pairs is None
    (root / "02-no-obfuscation" / "broken.xml").write_text("<document", encoding="utf-8")
    with pytest.raises(EvaluationInputError, match=r"broken\.xml"):
        load_pan_folder(root)


# --------------------------------------------------------------------------------------
# Agreement with the reference scorer
# --------------------------------------------------------------------------------------


def load_evalpairs():
    if not EVALPAIRS.is_file():
        pytest.skip(f"reference scorer not found at {EVALPAIRS}")
    spec = importlib.util.spec_from_file_location("evalpairs", EVALPAIRS)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def row(a: str, sa: int, ea: int, b: str, sb: int, eb: int) -> dict[str, object]:
    return {"doc_a": a, "start_a": sa, "end_a": ea, "doc_b": b, "start_b": sb, "end_b": eb}


def random_pairs(rng: random.Random, docs: list[str]) -> tuple[list[dict], list[dict]]:
    """Random gold cases and noisy detections: shifted, split, swapped, stray, empty.

    Offsets are valid (non-negative, never reversed): the loader refuses anything else, and
    the reference scorer is compared only on what both accept.
    """
    gold, dets = [], []
    for _ in range(300):
        a, b = rng.choice(docs), rng.choice(docs)  # a == b sometimes: reuse within a doc
        sa, sb, n = rng.randrange(3000), rng.randrange(3000), rng.randrange(0, 400)
        label = rng.choice(["none", "random", "summary", None])
        g = row(a, sa, sa + n, b, sb, sb + max(0, n + rng.randrange(-20, 20)))
        if label is not None:
            g["label"] = label
        gold.append(g)
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            da, db = rng.randrange(-150, 150), rng.randrange(-150, 150)
            da, db = max(da, -sa), max(db, -sb)  # offsets stay non-negative
            side_a = (a, sa + da, sa + da + rng.randrange(0, 600))
            side_b = (b, sb + db, sb + db + rng.randrange(0, 600))
            if rng.random() < 0.5:  # list the sides the other way round
                side_a, side_b = side_b, side_a
            dets.append(row(*side_a, *side_b))
    for _ in range(100):  # detections anywhere
        a, b, s = rng.choice(docs), rng.choice(docs), rng.randrange(3000)
        dets.append(row(a, s, s + rng.randrange(1, 500), b, s, s + 300))
    return gold, dets


@pytest.mark.parametrize(("seed", "n_docs"), [(1, 4), (2, 4), (3, 40), (4, 400)])
def test_agrees_with_evalpairs(tmp_path: Path, seed: int, n_docs: int) -> None:
    ep = load_evalpairs()
    rng = random.Random(seed)
    gold_rows, det_rows = random_pairs(rng, [f"doc{i}" for i in range(n_docs)])
    gold_path = write_jsonl(tmp_path / "gold.jsonl", gold_rows)
    det_path = write_jsonl(tmp_path / "det.jsonl", det_rows)

    ref = ep.score(ep.load(str(gold_path)), ep.load(str(det_path)))
    gold, dets = load_pairs_jsonl(gold_path), load_pairs_jsonl(det_path)
    result = evaluate(gold, dets)
    ours = result["overall"].as_dict()
    assert ref["cases_detected"] > 0 and ref["granularity"] > 1  # a non-trivial example
    for key, value in ref.items():
        assert ours[key] == pytest.approx(value, abs=1e-3), key
    assert pan_scores(gold, dets) == result["overall"]

    # per label, recall and granularity are the reference's over that label's cases
    labelled = ep.load(str(gold_path), "label")
    for label, scores in result["by_label"].items():
        want = None if label == "-" else label
        sub = [(a, b) for a, b, lab in labelled if lab == want]
        ref_label = ep.score(sub, ep.load(str(det_path)))
        assert scores.recall == pytest.approx(ref_label["recall"], abs=1e-3), label
        assert scores.granularity == pytest.approx(ref_label["granularity"], abs=1e-3), label
        assert scores.cases_detected == ref_label["cases_detected"], label


def test_cluster_scores_hand_computed():
    from echoscope.evaluate import cluster_scores

    # gold copies: points 1 (a, b, c) and 2 (d, e); our clusters: {a, b}, {c, d, e}
    gold = [
        {
            "doc_a": "a",
            "start_a": 0,
            "end_a": 10,
            "doc_b": "b",
            "start_b": 0,
            "end_b": 10,
            "point": 1,
        },
        {
            "doc_a": "a",
            "start_a": 0,
            "end_a": 10,
            "doc_b": "c",
            "start_b": 0,
            "end_b": 10,
            "point": 1,
        },
        {
            "doc_a": "d",
            "start_a": 0,
            "end_a": 10,
            "doc_b": "e",
            "start_b": 0,
            "end_b": 10,
            "point": 2,
        },
    ]
    members = [
        ("a", 0, 10, "x"),
        ("b", 2, 12, "x"),
        ("c", 0, 9, "y"),
        ("d", 0, 10, "y"),
        ("e", 5, 10, "y"),
    ]
    s = cluster_scores(members, gold)
    # purity: x -> 2 of point 1, y -> 2 of point 2 => 4/5; inverse: point 1 -> 2 in x,
    # point 2 -> 2 in y => 4/5
    assert s["copies"] == 5 and s["purity"] == 0.8 and s["inverse_purity"] == 0.8
    # ARI: index = C(2,2)+C(1,2)+C(2,2) = 2; clusters C(2,2)+C(3,2) = 4; gold C(3,2)+C(2,2) = 4;
    # expected = 4*4/C(5,2) = 1.6; max = 4 => (2-1.6)/(4-1.6) = 1/6
    assert s["ari"] == round(1 / 6, 4)
    perfect = [
        ("a", 0, 10, "x"),
        ("b", 0, 10, "x"),
        ("c", 0, 10, "x"),
        ("d", 0, 10, "y"),
        ("e", 0, 10, "y"),
    ]
    assert cluster_scores(perfect, gold) == {
        "copies": 5,
        "purity": 1.0,
        "inverse_purity": 1.0,
        "ari": 1.0,
    }
    # a gold copy no member overlaps is a cluster of its own
    assert cluster_scores(perfect[:4], gold)["inverse_purity"] == 0.8
