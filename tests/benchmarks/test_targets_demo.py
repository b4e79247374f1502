"""The targets scorer (benchmarks/targets_demo.py) on a tiny hand-made gold and prediction, and
the demo's targets gold against its corpus and alias list."""

from __future__ import annotations

import csv
import importlib.util
import json
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from echoscope.text.sentences import sentence_spans

ROOT = Path(__file__).resolve().parents[2]
SCORER = ROOT / "benchmarks" / "targets_demo.py"
DEMO = ROOT / "demo"


def _scorer():
    spec = importlib.util.spec_from_file_location("targets_demo", SCORER)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def tdemo():
    return _scorer()


def _acc(doc, s, e, accuser, target, charge="", **flags):
    return {
        "type": "accusation",
        "doc": doc,
        "sentence_start": s,
        "sentence_end": e,
        "accuser": accuser,
        "target": target,
        "charge": charge,
        "lang": "ur" if doc == "nw-ur" else "en",
        **flags,
    }


def _pred(doc, s, e, accuser, target, charge=""):
    return {
        "doc": doc,
        "start": s,
        "end": e,
        "accuser": accuser,
        "target": target,
        "charge": charge,
    }


GOLD = [
    _acc("doc-a", 0, 50, "Harun Delavar", "Rustam Keshvani", "links to a foreign agency"),
    _acc("doc-a", 51, 90, "Rustam Keshvani", "Rustam Keshvani", denial=True),
    _acc("doc-a", 91, 140, "Rustam Keshvani", "", vague=True),
    _acc("doc-b", 0, 60, "Farida Mortazan", "Amara Tolani", "a traitor to the League"),
    _acc("doc-b", 0, 60, "Amara Tolani", "Farida Mortazan", "her deal with the governing party"),
    _acc("nw-ur", 0, 70, "Zubaida Noori", "Jovan Saqib", "بندرگاہ کی زمین ہتھیانے"),
    {"type": "response", "doc": "doc-b", "answers": "doc-a", "planted": True},
    {"type": "response", "doc": "nw-ur", "answers": "doc-a"},
]
PRED = [
    # right, names differently cased and spaced; charge words overlap (F1 2/3)
    _pred("doc-a", 0, 50, "harun  delavar", "RUSTAM KESHVANI", "links with foreign agencies"),
    # the denier reported as the accuser: a false line and a denial error
    _pred("doc-a", 51, 90, "Rustam Keshvani", "Harun Delavar", "a smear"),
    # in a vague sentence: ignored either way
    _pred("doc-a", 95, 130, "Rustam Keshvani", "Government of Dalmora", "the highway money"),
    # one of the two accusations in doc-b's sentence, with a wrong charge
    _pred("doc-b", 10, 40, "Farida Mortazan", "Amara Tolani", "betrayal"),
    # the Urdu one, charge right
    _pred("nw-ur", 0, 70, "Zubaida Noori", "Jovan Saqib", "بندرگاہ کی زمین"),
    # a sentence with no gold at all
    _pred("doc-b", 61, 90, "Amara Tolani", "National Concord Party", ""),
]


def test_triples_charges_denials_and_responses(tdemo):
    r = tdemo.score(GOLD, PRED, split="all", responses=[{"doc": "doc-b", "answers": "doc-a"}])
    t = r["triples"]
    # right: a, b-Mortazan, ur; wrong: a's denial line, b's extra line; vague one left out
    assert (t["right"], t["predicted"]) == (3, 5)
    assert (t["found"], t["gold"]) == (3, 4)
    assert t["precision"] == pytest.approx(0.6) and t["recall"] == pytest.approx(0.75)
    assert r["lines"]["ignored"] == 1
    # charges: doc-a right (F1 2/3 after stop words), doc-b wrong, the Urdu one right (0.8)
    assert (r["charges"]["right"], r["charges"]["matched"]) == (2, 3)
    assert r["denials"]["reported_by_denier"] == 1
    assert r["by_lang"]["ur"]["recall"] == 1.0 and r["by_lang"]["en"]["recall"] == pytest.approx(
        2 / 3
    )
    assert r["responses"]["precision"] == 1.0 and r["responses"]["recall"] == 0.5
    assert r["responses"]["planted"] == {"precision": 1.0, "recall": 1.0, "predicted": 1, "gold": 1}
    assert any("Amara Tolani -> Farida Mortazan" in m for m in r["misses"])


def test_planted_responses_are_scored_on_their_own(tdemo):
    # the planted pair missed; a wrong pair for its answering document, a right one elsewhere
    got = [{"doc": "doc-b", "answers": "nw-ur"}, {"doc": "nw-ur", "answers": "doc-a"}]
    r = tdemo.score(GOLD, PRED, split="all", responses=got)["responses"]
    assert (r["precision"], r["recall"]) == (0.5, 0.5)
    assert r["planted"] == {"precision": 0.0, "recall": 0.0, "predicted": 1, "gold": 1}
    # no planted pair in the gold: nothing to measure
    plain = [g for g in GOLD if not g.get("planted")]
    r = tdemo.score(plain, PRED, split="all", responses=got)["responses"]["planted"]
    assert r == {"precision": None, "recall": None, "predicted": 0, "gold": 0}


def test_charge_f1_drops_stop_words(tdemo):
    # "to", "a", "with" are stop words: {links, foreign, agency} ~ {links, foreign, agencies}
    assert tdemo.charge_f1("links to a foreign agency", "links with foreign agencies") == (
        pytest.approx(2 / 3)
    )
    assert tdemo.charge_f1("", "") == 1.0
    assert tdemo.charge_f1("money laundering", "") == 0.0
    assert tdemo.charge_f1("کی مذمت", "کی") == 0.0  # stop words only on one side


def test_split_keeps_one_half(tdemo):
    halves = {tdemo.split_of(g["doc"]) for g in GOLD}
    for half in ("tune", "test"):
        r = tdemo.score(GOLD, PRED, split=half)
        docs = {g["doc"] for g in GOLD if tdemo.split_of(g["doc"]) == half}
        assert r["documents"] == len(docs)
    assert halves <= {"tune", "test"}


def test_main_prints_the_report_and_refuses_bad_input(tdemo, tmp_path, capsys):
    gold, pred = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold.write_text("".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8")
    pred.write_text("".join(json.dumps(p) + "\n" for p in PRED), encoding="utf-8")
    responses = tmp_path / "responses.jsonl"
    responses.write_text('{"doc": "doc-b", "answers": "doc-a"}\n', encoding="utf-8")
    args = ["--pred", str(pred), "--gold", str(gold), "--split", "all"]
    assert tdemo.main([*args, "--responses", str(responses)]) == 0
    out = capsys.readouterr().out
    assert "triples   precision 0.600 (3/5)" in out and "denials   1 predicted" in out
    assert "planted   precision 1.000 (1 predicted)   recall 1.000 (1 gold tit-for-tat)" in out
    pred.write_text('{"doc": "doc-a", "start": "x"}\n', encoding="utf-8")
    assert tdemo.main(["--pred", str(pred), "--gold", str(gold), "--split", "all"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error:") and "offsets" in err and "Traceback" not in err


# --- the demo's own gold ----------------------------------------------------------------------


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def demo_gold() -> list[dict]:
    return _jsonl(DEMO / "targets-gold.jsonl")


def test_demo_gold_fits_the_corpus_and_the_alias_list(tdemo, demo_gold):
    docs = {d["id"]: d for d in _jsonl(DEMO / "corpus.jsonl")}
    with open(DEMO / "entities.csv", encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["entity", "alias", "kind", "member_of"]
    names = {r["entity"] for r in rows} | {d["speaker"] for d in docs.values()}
    names |= {d["series"] for d in docs.values()}
    assert all(r["member_of"] in names | {""} for r in rows)
    for g in demo_gold:
        assert g["split"] == tdemo.split_of(g["doc"])  # the scorer splits as the generator did
        if g["type"] == "response":
            assert docs[g["answers"]]["date"] < docs[g["doc"]]["date"]
            continue
        doc = docs[g["doc"]]
        span = (g["sentence_start"], g["sentence_end"])
        assert span in sentence_spans(doc["text"]), g  # one of echoscope's own sentences
        assert g["charge"] in doc["text"][span[0] : span[1]]
        assert g["lang"] == doc["lang"]
        if not g.get("vague") and not g.get("denial"):
            assert g["accuser"] in names and g["target"] in names, g
    assert any(g.get("planted") for g in demo_gold)


def test_the_gold_scores_itself_perfectly(tdemo, demo_gold):
    as_pred = [
        _pred(
            g["doc"], g["sentence_start"], g["sentence_end"], g["accuser"], g["target"], g["charge"]
        )
        for g in demo_gold
        if g["type"] == "accusation" and not g.get("vague") and not g.get("denial")
    ]
    answers = [g for g in demo_gold if g["type"] == "response"]
    r = tdemo.score(demo_gold, as_pred, split="all", responses=answers)
    assert r["triples"]["precision"] == r["triples"]["recall"] == 1.0
    assert r["charges"]["share"] == 1.0 and r["denials"]["reported_by_denier"] == 0
    assert r["responses"]["precision"] == r["responses"]["recall"] == 1.0
    # about half the documents in each half, and both languages in both
    tune = tdemo.score(demo_gold, as_pred, split="tune")
    test = tdemo.score(demo_gold, as_pred, split="test")
    assert 0.35 <= tune["documents"] / (tune["documents"] + test["documents"]) <= 0.65
    assert set(tune["by_lang"]) == set(test["by_lang"]) == {"en", "ur"}


def test_the_generator_writes_the_same_targets_files(tmp_path):
    run = subprocess.run(
        [sys.executable, str(DEMO / "make_corpus.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr  # includes the targets self-check
    for name in ("targets-gold.jsonl", "entities.csv"):
        assert (tmp_path / name).read_bytes() == (DEMO / name).read_bytes(), name


@pytest.fixture(scope="module")
def demo_docs() -> dict[str, dict]:
    return {d["id"]: d for d in _jsonl(DEMO / "corpus.jsonl")}


def _sentence(docs: dict[str, dict], g: dict) -> str:
    return docs[g["doc"]]["text"][g["sentence_start"] : g["sentence_end"]]


def _is_acc(g: dict) -> bool:
    return g["type"] == "accusation"


def _scored(g: dict) -> bool:
    return g["type"] == "accusation" and not g.get("vague") and not g.get("denial")


# similes, mockery and insinuation: they carry a charge but state no wrong (the README's list)
NO_WRONG_STATED = [
    "treats the national treasury the way a gambler",
    "fears an honest clerk the way a thief fears a barking dog",
    "more press conferences than",
    "calling it yesterday's men",
    "sat on the cabinet committee that approved every one of them",
    "found his conscience only",
    "never once raised",
    "hiding behind foreign ghosts",
    "The tanker trade in Mirwal is run by councillors",
]


@pytest.mark.parametrize("phrase", NO_WRONG_STATED)
def test_demo_gold_leaves_mockery_and_insinuation_vague(demo_gold, demo_docs, phrase):
    lines = [g for g in demo_gold if _is_acc(g) and phrase in _sentence(demo_docs, g)]
    assert lines and all(g.get("vague") for g in lines), lines


def test_demo_gold_own_voice_is_the_series(demo_gold, demo_docs):
    # "we", "this House", "the Party": the issuing body, or the speaker of a speech
    own = ("We ", "The League ", "The Party ", "The Commission ", "یہ ایوان", "مجلس")
    lines = [g for g in demo_gold if _scored(g) and _sentence(demo_docs, g).startswith(own)]
    assert len(lines) >= 8
    assert all(g["accuser"] == demo_docs[g["doc"]]["series"] for g in lines), lines
    # a news item's own findings are its outlet's
    news = [g for g in demo_gold if g["type"] == "accusation"
            and _sentence(demo_docs, g).startswith("Our correspondent found")]  # fmt: skip
    assert news and all(g["accuser"] == demo_docs[g["doc"]]["series"] for g in news)


def test_demo_responses_follow_from_the_scored_lines(demo_gold, demo_docs):
    with open(DEMO / "entities.csv", encoding="utf-8", newline="") as f:
        rows = {r["entity"]: r for r in csv.DictReader(f)}

    def party(name: str) -> str:
        row = rows.get(name)
        return "" if row is None else name if row["kind"] == "party" else row["member_of"]

    def side(name: str) -> set[str]:
        p = party(name)
        return {n for n in rows if party(n) == p} if p else {name}

    said: dict[str, set[tuple[str, str]]] = {}
    for g in demo_gold:
        if _scored(g):  # vague lines and denials make no response
            said.setdefault(g["doc"], set()).add((g["accuser"], g["target"]))
    date = {d: datetime.fromisoformat(demo_docs[d]["date"]) for d in said}
    want = {
        (b, a)
        for b in said
        for a in said
        if date[a] < date[b] <= date[a] + timedelta(days=14)
        and any(tb in side(aa) and ta in side(ab) for aa, ta in said[a] for ab, tb in said[b])
    }
    responses = [g for g in demo_gold if g["type"] == "response"]
    assert {(r["doc"], r["answers"]) for r in responses} == want
    planted = [r for r in responses if r.get("planted")]
    assert len(planted) == 1
    assert all(demo_docs[planted[0][k]]["genre"] == "resolution" for k in ("doc", "answers"))
