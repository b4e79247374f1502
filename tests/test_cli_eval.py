"""`echoscope eval` is a front for the Python API: the figures it prints are those of
api.evaluate_store and api.evaluate_points, for every option the command passes on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from echoscope import api
from echoscope.cli import main

DEMO_GOLD = Path(__file__).resolve().parents[1] / "demo" / "gold.jsonl"


def cli_figures(capsys, *args: object) -> dict:
    assert main(["eval", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def as_printed(result: dict) -> dict:
    """An evaluate_store result as `eval --json` prints it."""
    out = {k: (v.as_dict() if hasattr(v, "as_dict") else v) for k, v in result.items()}
    if "by_label" in out:
        out["by_label"] = {k: v.as_dict() for k, v in result["by_label"].items()}
    return json.loads(json.dumps(out))


@pytest.mark.parametrize(
    ("options", "call"),
    [
        ([], {}),
        (["--kind", "verbatim"], {"kinds": ["verbatim"]}),
        (["--kind", "edited", "--kind", "reordered"], {"kinds": ["edited", "reordered"]}),
        (["--label", "edit"], {"label": "edit"}),
        (["--label", "edit", "--kind", "translation"], {"label": "edit", "kinds": ["translation"]}),
    ],
)
def test_the_command_prints_what_the_api_computes(demo_db, capsys, options, call):
    printed = cli_figures(capsys, "--db", demo_db, "--gold", DEMO_GOLD, *options)
    assert printed == as_printed(api.evaluate_store(demo_db, DEMO_GOLD, **call))


def test_kinds_narrow_both_the_gold_and_the_passages(demo_db):
    gold = [json.loads(line) for line in DEMO_GOLD.read_text("utf-8").splitlines()]
    whole = api.evaluate_store(demo_db, DEMO_GOLD)["overall"]
    verbatim = api.evaluate_store(demo_db, DEMO_GOLD, kinds=["verbatim"])["overall"]
    assert whole.cases == len(gold)
    assert verbatim.cases == sum(g["edit"] == "verbatim" for g in gold)
    verbatim_passages = [p for p in api.pairs(demo_db) if p.kind == "verbatim"]
    assert 0 < verbatim.detections == len(verbatim_passages) < whole.detections


def test_a_detections_file_is_scored_without_the_store(demo_db, tmp_path, capsys):
    dets = tmp_path / "pairs.jsonl"
    assert api.export(demo_db, dets) > 0
    missing = tmp_path / "no-such.db"  # never opened: the file holds the detections
    from_file = api.evaluate_store(missing, DEMO_GOLD, detections=dets)
    assert as_printed(from_file) == as_printed(api.evaluate_store(demo_db, DEMO_GOLD))
    printed = cli_figures(capsys, "--db", missing, "--gold", DEMO_GOLD, "--detections", dets)
    assert printed == as_printed(from_file)
    assert not missing.exists()


def test_an_empty_detections_name_is_one_line_not_an_internal_error(demo_db, capsys):
    code = main(["eval", "--db", str(demo_db), "--gold", str(DEMO_GOLD), "--detections", ""])
    err = capsys.readouterr().err
    assert code == 1 and len(err.splitlines()) == 1, err
    assert err.startswith("echoscope eval: error: ") and "internal error" not in err


def test_talking_points_score_alike_from_the_store_and_from_their_export(demo_db, tmp_path, capsys):
    members = tmp_path / "points.jsonl"
    assert main(["export", "points", "--db", str(demo_db), "--out", str(members)]) == 0
    capsys.readouterr()
    from_store = api.evaluate_points(demo_db, DEMO_GOLD, "point")
    from_file = api.evaluate_points(demo_db, DEMO_GOLD, "point", members=members)
    assert from_store == from_file and from_store["copies"] > 0
    assert 0 < from_store["purity"] <= 1 and 0 < from_store["inverse_purity"] <= 1
    printed = cli_figures(capsys, "--db", demo_db, "--gold", DEMO_GOLD, "--points", "point")
    assert printed["points"] == from_store
