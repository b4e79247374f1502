"""`echoscope eval` on odd input: every failure a user can cause is one located line, exit 1.

Each test runs the command line in-process and checks the exit code, that stderr is a single
line naming the file (and line, where there is one) and that no traceback escaped.
"""

from __future__ import annotations

import bz2
import gzip
import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from echoscope.cli import main

DEMO_GOLD = Path(__file__).resolve().parents[1] / "demo" / "gold.jsonl"

PAIR = {"doc_a": "a", "start_a": 0, "end_a": 100, "doc_b": "b", "start_b": 0, "end_b": 100}
MEMBER = {"point": "tp-1", "doc": "a", "start": 0, "end": 100}
ANY_LINE = "any line"


def run_eval(capsys: pytest.CaptureFixture[str], *args: object) -> tuple[int, str, str]:
    code = main(["eval", *map(str, args)])
    out, err = capsys.readouterr()
    return code, out, err


def assert_error(
    capsys: pytest.CaptureFixture[str],
    args: list[object],
    path: Path | str,
    line: int | str | None,
    reason: str,
) -> str:
    """Run eval; it must fail with one line 'echoscope eval: error: PATH[:LINE]: ...REASON...'.

    ``line`` None: no line number; ``ANY_LINE``: any line number, or none.
    """
    code, out, err = run_eval(capsys, *args)
    assert code == 1, (out, err)
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    where = {None: "", ANY_LINE: r"(:\d+)?"}.get(line, f":{line}")  # type: ignore[call-overload]
    assert re.match(f"echoscope eval: error: {re.escape(str(path))}{where}: ", err), err
    assert reason in err, err
    return err


def jsonl(path: Path, rows: list[dict], prefix: bytes = b"", opener=open) -> Path:
    data = prefix + "".join(json.dumps(r) + "\n" for r in rows).encode()
    with opener(path, "wb") as fh:
        fh.write(data)
    return path


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    """A valid gold, detections and members file."""
    return {
        "gold": jsonl(tmp_path / "gold.jsonl", [PAIR | {"label": "x", "point": 1}]),
        "detections": jsonl(tmp_path / "dets.jsonl", [PAIR]),
        "members": jsonl(tmp_path / "members.jsonl", [MEMBER, MEMBER | {"doc": "b"}]),
    }


def eval_args(files: dict[str, Path], **override: Path) -> list[object]:
    """Arguments scoring detections and members files (no store needed), with replacements."""
    f = files | override
    return [
        *("--gold", f["gold"], "--detections", f["detections"]),
        *("--points", "point", "--members", f["members"]),
    ]


ROLES = ["gold", "detections", "members"]


# --------------------------------------------------------------------------------------
# Encoding, compression, BOM
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ROLES)
def test_not_utf8_is_located(capsys, tmp_path, files, role) -> None:
    bad = tmp_path / f"{role}-latin1.jsonl"
    good = json.dumps(PAIR | MEMBER | {"point": 1}) + "\n"
    bad.write_bytes(good.encode() + b'{"doc_a": "caf\xe9"}\n')
    assert_error(capsys, eval_args(files, **{role: bad}), bad, 2, "not valid UTF-8")


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("opener", [gzip.open, bz2.open], ids=["gz", "bz2"])
def test_truncated_compressed_file_is_named(capsys, tmp_path, files, role, opener) -> None:
    ext = ".gz" if opener is gzip.open else ".bz2"
    full = tmp_path / f"{role}-full.jsonl{ext}"
    rows = [PAIR | MEMBER | {"point": 1, "n": i, "pad": "x" * (i % 97)} for i in range(3000)]
    jsonl(full, rows, opener=opener)
    cut = tmp_path / f"{role}-cut.jsonl{ext}"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size // 2])
    err = assert_error(capsys, eval_args(files, **{role: cut}), cut, ANY_LINE, "cannot read")
    assert "ended before the end-of-stream" in err
    # the whole compressed file is fine
    code, _, err = run_eval(capsys, *eval_args(files, **{role: full}))
    assert code == 0, err


@pytest.mark.parametrize("role", ROLES)
def test_not_compressed_at_all(capsys, tmp_path, files, role) -> None:
    fake = tmp_path / f"{role}.jsonl.gz"
    fake.write_text(json.dumps(PAIR) + "\n", encoding="utf-8")
    assert_error(capsys, eval_args(files, **{role: fake}), fake, None, "Not a gzipped file")


@pytest.mark.parametrize("role", ROLES)
def test_bom_is_accepted_as_ingest_accepts_it(capsys, tmp_path, files, role) -> None:
    code, plain, err = run_eval(capsys, *eval_args(files), "--json")
    assert code == 0, err
    src = files[role]
    with_bom = tmp_path / f"bom-{src.name}"
    with_bom.write_bytes(b"\xef\xbb\xbf" + src.read_bytes())
    code, out, err = run_eval(capsys, *eval_args(files, **{role: with_bom}), "--json")
    assert code == 0, err
    assert json.loads(out) == json.loads(plain)
    assert json.loads(out)["overall"]["plagdet"] == 1.0


# --------------------------------------------------------------------------------------
# Missing and malformed detections / members
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("role", ["detections", "members"])
def test_missing_file_or_folder(capsys, tmp_path, files, role) -> None:
    missing = tmp_path / "nowhere.jsonl"
    assert_error(capsys, eval_args(files, **{role: missing}), missing, None, "cannot open")
    assert_error(capsys, eval_args(files, **{role: tmp_path}), tmp_path, None, "cannot open")


BAD_PAIRS = [
    ("not json", "invalid JSON"),
    ("[1, 2]", "expected a JSON object, got an array"),
    ('"text"', "expected a JSON object, got a string"),
    (json.dumps({k: v for k, v in PAIR.items() if k != "end_b"}), "missing field 'end_b'"),
    (json.dumps({k: v for k, v in PAIR.items() if k != "doc_a"}), "missing field 'doc_a'"),
    (json.dumps(PAIR | {"doc_b": ["b"]}), "doc_b"),
    (json.dumps(PAIR | {"doc_b": " "}), "empty id"),
    (json.dumps(PAIR | {"start_a": "ten"}), "start_a is not an offset"),
    (json.dumps(PAIR | {"start_a": True}), "start_a is not an offset"),
    (json.dumps(PAIR | {"start_b": -5}), "start_b is negative"),
    (json.dumps(PAIR | {"start_a": 50, "end_a": 10}), "end_a (10) is before start_a (50)"),
    (json.dumps(PAIR).replace('"end_a": 100', '"end_a": NaN'), "end_a is not an offset"),
    (json.dumps(PAIR).replace('"end_a": 100', '"end_a": Infinity'), "end_a is not an offset"),
    (json.dumps(PAIR | {"end_a": 10**30}), "end_a is out of range"),
    (json.dumps(PAIR).replace('"end_a": 100', '"end_a": 1' + "0" * 5000), "too many digits"),
    (json.dumps(PAIR | {"end_a": "1" + "0" * 5000}), "end_a is not an offset"),
    ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
]


@pytest.mark.parametrize(("line", "reason"), BAD_PAIRS)
@pytest.mark.parametrize("role", ["gold", "detections"])
def test_malformed_pair_is_located(capsys, tmp_path, files, role, line, reason) -> None:
    bad = tmp_path / f"bad-{role}.jsonl"
    bad.write_text(json.dumps(PAIR) + "\n\n" + line + "\n", encoding="utf-8")
    err = assert_error(capsys, eval_args(files, **{role: bad}), bad, 3, reason)
    assert len(err) < 300  # the bad value is cut short, not echoed in full


def test_gold_label_that_is_not_a_value(capsys, tmp_path, files) -> None:
    # a nested label (it would fill the terminal); detections' labels are not read at all
    gold = jsonl(tmp_path / "bad-gold.jsonl", [PAIR | {"label": "x"}, PAIR | {"label": [[["x"]]]}])
    assert_error(capsys, eval_args(files, gold=gold), gold, 2, "label must be a string or")
    dets = jsonl(tmp_path / "dets.jsonl", [PAIR | {"label": [[["x"]]]}])
    assert run_eval(capsys, *eval_args(files, detections=dets))[0] == 0


BAD_MEMBERS = [
    ("{", "invalid JSON"),
    ("[]", "expected a JSON object, got an array"),
    ("null", "expected a JSON object, got null"),
    (json.dumps({k: v for k, v in MEMBER.items() if k != "start"}), "missing field 'start'"),
    (json.dumps({k: v for k, v in MEMBER.items() if k != "point"}), "missing field 'point'"),
    (json.dumps({k: v for k, v in MEMBER.items() if k != "doc"}), "missing field 'doc'"),
    (json.dumps(MEMBER | {"doc": {"id": "a"}}), "doc"),
    (json.dumps(MEMBER | {"point": {"id": 1}}), "point must be a string or a number"),
    (json.dumps(MEMBER | {"start": "0x10"}), "start is not an offset"),
    (json.dumps(MEMBER | {"start": -1}), "start is negative"),
    (json.dumps(MEMBER | {"start": 90, "end": 20}), "end (20) is before start (90)"),
    (json.dumps(MEMBER).replace('"end": 100', '"end": NaN'), "end is not an offset"),
    (json.dumps(MEMBER | {"end": 10**40}), "end is out of range"),
    (json.dumps(MEMBER).replace('"end": 100', '"end": ' + "9" * 4400), "too many digits"),
    ('{"a":' * 50_000 + "1" + "}" * 50_000, "nested too deeply"),
]


@pytest.mark.parametrize(("line", "reason"), BAD_MEMBERS)
def test_malformed_member_is_located(capsys, tmp_path, files, line, reason) -> None:
    bad = tmp_path / "bad-members.jsonl"
    bad.write_text(json.dumps(MEMBER) + "\n" + line + "\n", encoding="utf-8")
    assert_error(capsys, eval_args(files, members=bad), bad, 2, reason)


def test_members_without_points_is_refused(capsys, files) -> None:
    code, _, err = run_eval(
        capsys, "--gold", files["gold"], "--detections", files["detections"], "--members",
        files["members"],
    )  # fmt: skip
    assert code == 1 and "--members needs --points" in err and len(err.splitlines()) == 1


def test_kind_with_detections_is_refused(capsys, files) -> None:
    args = ["--gold", files["gold"], "--detections", files["detections"], "--kind", "verbatim"]
    code, _, err = run_eval(capsys, *args)
    assert code == 1 and "--kind" in err and len(err.splitlines()) == 1


# --------------------------------------------------------------------------------------
# Empty input
# --------------------------------------------------------------------------------------


@pytest.mark.parametrize("content", ["", "\n", " \n\t\n\n"], ids=["empty", "newline", "blank"])
def test_gold_without_pairs_is_an_error(capsys, tmp_path, files, content) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(content, encoding="utf-8")
    assert_error(capsys, eval_args(files, gold=gold), gold, None, "no gold pairs")


def test_gold_with_only_empty_spans_is_an_error(capsys, tmp_path, files) -> None:
    gold = jsonl(tmp_path / "gold.jsonl", [PAIR | {"end_a": 0}, PAIR | {"start_b": 100}])
    assert_error(capsys, eval_args(files, gold=gold), gold, None, "empty span")


def test_empty_detections_are_scored_with_a_note(capsys, tmp_path, files) -> None:
    empty = tmp_path / "none.jsonl"
    empty.write_text("", encoding="utf-8")
    code, out, err = run_eval(capsys, "--gold", files["gold"], "--detections", empty)
    assert code == 0 and err == ""
    assert "no detections to score: precision is undefined" in out
    code, out, _ = run_eval(capsys, "--gold", files["gold"], "--detections", empty, "--json")
    scores = json.loads(out)["overall"]
    assert code == 0 and scores["detections"] == 0 and scores["precision"] == 0.0


def test_empty_spans_are_counted_in_the_report(capsys, tmp_path, files) -> None:
    gold = jsonl(tmp_path / "gold.jsonl", [PAIR, PAIR | {"end_a": 0}])
    dets = jsonl(tmp_path / "dets.jsonl", [PAIR, PAIR | {"end_b": 0}, PAIR | {"start_a": 100}])
    code, out, _ = run_eval(capsys, "--gold", gold, "--detections", dets)
    assert code == 0
    assert "1 gold pair(s) and 2 detection(s) with an empty span were not scored" in out


# --------------------------------------------------------------------------------------
# Other odd input
# --------------------------------------------------------------------------------------


def test_points_field_missing_names_the_line(capsys, tmp_path, files) -> None:
    gold = jsonl(tmp_path / "gold.jsonl", [PAIR | {"point": 1}, PAIR])
    assert_error(capsys, eval_args(files, gold=gold), gold, 2, "no field 'point'")


def test_label_field_that_no_pair_has_is_an_error(capsys, files) -> None:
    args = ["--gold", files["gold"], "--detections", files["detections"], "--label", "lable"]
    assert_error(capsys, args, files["gold"], None, "no gold pair has a field 'lable'")


def test_hostile_label_cannot_drive_the_terminal(capsys, tmp_path, files) -> None:
    # an escape sequence, a bidi override, a lone surrogate (from a JSON escape), very long
    label = "\\u001b]0;owned\\u0007\\u202e\\ud800" + "L" * 500
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(PAIR)[:-1] + f', "label": "{label}"}}\n', encoding="utf-8")
    code, out, err = run_eval(capsys, "--gold", gold, "--detections", files["detections"])
    assert code == 0, err
    assert not any(ch in out for ch in "\x1b\x07\u202e\ud800")
    assert max(len(line) for line in out.splitlines()) < 200
    code, out, _ = run_eval(capsys, "--gold", gold, "--detections", files["detections"], "--json")
    assert code == 0 and "\x1b" not in out and json.loads(out)["by_label"]


def test_gold_name_too_long(capsys, tmp_path, files) -> None:
    name = tmp_path / ("g" * 5000)
    code, _, err = run_eval(capsys, "--gold", name, "--detections", files["detections"])
    assert code == 1 and "Traceback" not in err and len(err.splitlines()) == 1


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    lines=st.lists(
        st.one_of(
            st.binary(max_size=60),
            st.text(max_size=60).map(str.encode),
            st.fixed_dictionaries(
                {},
                optional={
                    k: st.one_of(
                        st.none(),
                        st.booleans(),
                        st.integers(min_value=-(10**25), max_value=10**25),
                        st.floats(),
                        st.text(max_size=5),
                        st.lists(st.integers(), max_size=2),
                    )
                    for k in (*PAIR, *MEMBER)
                },
            ).map(lambda d: json.dumps(d).encode()),
        ),
        max_size=6,
    ),
    role=st.sampled_from(ROLES),
)
def test_fuzzed_lines_never_escape_as_a_traceback(capsys, tmp_path, files, lines, role) -> None:
    path = tmp_path / f"fuzz-{role}.jsonl"
    path.write_bytes(b"\n".join(line.replace(b"\n", b" ") for line in lines) + b"\n")
    code, _, err = run_eval(capsys, *eval_args(files, **{role: path}))
    assert code in (0, 1)
    if code == 1:
        assert len(err.splitlines()) == 1 and err.startswith(f"echoscope eval: error: {path}")


# --------------------------------------------------------------------------------------
# PAN corpus folders
# --------------------------------------------------------------------------------------

FEATURE = (
    '<feature name="plagiarism" this_offset="{o}" this_length="10" '
    'source_reference="pc-0050" source_offset="0" source_length="10"/>'
)


def pan_folder(root: Path, xml: str | bytes, pairs: bytes | None = None) -> Path:
    root.mkdir()
    data = xml.encode() if isinstance(xml, str) else xml
    (root / "pc-0038-pc-0050.xml").write_bytes(data)
    if pairs is not None:
        (root / "pairs").write_bytes(pairs)
    return root


def annotation(body: str, head: str = "") -> str:
    return f'{head}<document reference="pc-0038">{body}</document>'


def test_pan_folder_bad_xml_cases(capsys, tmp_path, demo_db) -> None:
    xml_name = "pc-0038-pc-0050.xml"
    cases = [
        (annotation("<feature"), xml_name, "invalid XML"),
        (annotation("", '<?xml version="1.0" encoding="rot13"?>'), xml_name, "invalid XML"),
        (annotation("", '<?xml version="1.0" encoding="no-such-codec"?>'), xml_name, "XML"),
        (annotation(FEATURE.format(o=-3)), xml_name, "this_offset is not a non-negative"),
        (annotation(FEATURE.format(o="9" * 5000)), xml_name, "this_offset is not a non-negative"),
        (annotation(FEATURE.format(o="1e3")), xml_name, "this_offset"),
        (b"\xff\xfe<\x00d\x00", xml_name, "invalid XML"),
    ]
    for i, (xml, name, reason) in enumerate(cases):
        root = pan_folder(tmp_path / f"pan{i}", xml)
        err = assert_error(capsys, ["--db", demo_db, "--gold", root], root / name, None, reason)
        assert len(err) < 300


def test_pan_pairs_file_not_utf8(capsys, tmp_path, demo_db) -> None:
    root = pan_folder(tmp_path / "pan", annotation(FEATURE.format(o=0)), b"pc-0038 pc-00\xe950\n")
    assert_error(capsys, ["--db", demo_db, "--gold", root], root / "pairs", 1, "not valid UTF-8")


def test_pan_pairs_file_with_bom(capsys, tmp_path, demo_db) -> None:
    root = pan_folder(
        tmp_path / "pan", annotation(FEATURE.format(o=0)), b"\xef\xbb\xbfpc-0038 pc-0050\n"
    )
    code, out, err = run_eval(capsys, "--db", demo_db, "--gold", root, "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["overall"]["cases"] == 1 and result["ignored_detections"] > 0


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_pan_dangling_link(capsys, tmp_path, demo_db) -> None:
    root = pan_folder(tmp_path / "pan", annotation(FEATURE.format(o=0)))
    (root / "gone.xml").symlink_to(tmp_path / "nowhere.xml")
    assert_error(capsys, ["--db", demo_db, "--gold", root], root / "gone.xml", None, "cannot read")


def test_folder_without_annotations_is_not_a_pan_corpus(capsys, tmp_path, demo_db) -> None:
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "a.txt").write_text("text", encoding="utf-8")
    args = ["--db", demo_db, "--gold", tmp_path / "texts"]
    assert_error(capsys, args, tmp_path / "texts", None, "no annotation (*.xml) files")


def test_pan_folder_options_that_do_not_apply(capsys, tmp_path, demo_db) -> None:
    root = pan_folder(tmp_path / "pan", annotation(FEATURE.format(o=0)))
    for extra, reason in ((["--label", "kind"], "--label"), (["--points", "point"], "--points")):
        code, _, err = run_eval(capsys, "--db", demo_db, "--gold", root, *extra)
        assert code == 1 and reason in err and len(err.splitlines()) == 1


def test_store_scoring_still_agrees_on_the_demo(capsys, tmp_path, demo_db) -> None:
    # the demo gold through the store and through an exported file, BOM and gzip included
    code, from_store, err = run_eval(capsys, "--db", demo_db, "--gold", DEMO_GOLD, "--json")
    assert code == 0, err
    gz = tmp_path / "gold.jsonl.gz"
    gz.write_bytes(gzip.compress(b"\xef\xbb\xbf" + DEMO_GOLD.read_bytes()))
    code, from_gz, err = run_eval(capsys, "--db", demo_db, "--gold", gz, "--json")
    assert code == 0, err
    assert json.loads(from_gz) == json.loads(from_store)
