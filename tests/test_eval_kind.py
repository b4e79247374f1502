"""eval --kind: one kind of passage, against the gold pairs of that kind."""

from __future__ import annotations

import json
from pathlib import Path

from echoscope.cli import main

DEMO = Path(__file__).resolve().parent.parent / "demo"


def _scores(capsys, argv) -> dict:
    assert main(argv) == 0
    return json.loads(capsys.readouterr().out)


def test_a_kind_is_scored_against_the_gold_of_that_kind(demo_db, capsys):
    gold = [json.loads(line) for line in (DEMO / "gold.jsonl").read_text().splitlines()]
    n_translations = sum(g["edit"] == "translation" for g in gold)
    n_verbatim = sum(g["edit"] == "verbatim" for g in gold)
    base = ["eval", "--db", str(demo_db), "--gold", str(DEMO / "gold.jsonl"), "--json"]
    out = _scores(capsys, [*base, "--kind", "translation"])
    assert out["overall"]["cases"] == n_translations
    out = _scores(capsys, [*base, "--kind", "verbatim"])
    assert out["overall"]["cases"] == n_verbatim
    assert out["overall"]["precision"] == 1.0 and out["overall"]["recall"] == 1.0
    assert _scores(capsys, base)["overall"]["cases"] == len(gold)


def test_gold_without_kinds_is_scored_whole(demo_db, capsys, tmp_path):
    plain = tmp_path / "gold.jsonl"
    rows = [json.loads(line) for line in (DEMO / "gold.jsonl").read_text().splitlines()]
    plain.write_text(
        "".join(
            json.dumps({k: v for k, v in r.items() if k not in ("edit", "kind")}) + "\n"
            for r in rows
        )
    )
    argv = ["eval", "--db", str(demo_db), "--gold", str(plain), "--json", "--kind", "verbatim"]
    assert _scores(capsys, argv)["overall"]["cases"] == len(rows)
