"""The scorer of the accusation development set (benchmarks/targets_news.py): how names match,
how pairs, charges and denials are counted, and that the set itself is what it says. The
extractor is replaced by fakes here; its own tests are elsewhere."""

from __future__ import annotations

import importlib.util
import json
import sys
import unicodedata
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "targets_news.py"


def _load():
    spec = importlib.util.spec_from_file_location("targets_news_bench", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


tn = _load()


def acc(accuser, target, charge=""):
    return SimpleNamespace(accuser=accuser, target=target, charge=charge)


def item(accusations=(), denials=(), split="tune", lang="en", id_="x-1", forms=("accused_of",)):
    return {
        "id": id_,
        "lang": lang,
        "split": split,
        "outlet": "The Test Times",
        "text": "…",
        "accusations": [{"accuser": a, "target": t, "charge": c} for a, t, c in accusations],
        "denials": [{"speaker": s, "target": t} for s, t in denials],
        "forms": list(forms),
    }


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Imran Khan", "PTI chairman Imran Khan", True),
        ("PTI chairman Imran Khan", "Imran Khan", True),
        ("Mr. Imran Khan", "Imran Khan", True),
        ("Khan", "Imran Khan", False),  # a surname alone is not the person...
        ("Imran Khan", "Khan", True),  # ...unless that is all the gold gives
        ("Mr Khan", "Imran Khan", False),
        ("Rana Tariq", "Rana Tariq Mehmood", False),  # must end with the last word
        ("Tariq Mehmood", "Rana Tariq Mehmood", True),
        ("Mr Tariq Mehmood", "Rana Tariq Mehmood", True),
        ("Lt Gen (retd) Tahir Sial", "Tahir Sial", True),
        ("Information Minister", "the information minister", True),
        ("information minister", "the federal information minister", True),
        ("prime minister", "Shahid Nawaz Kharal", False),
        ("AIP", "Awami Inqilab Party (AIP)", True),
        ("Awami Inqilab Party", "Awami Inqilab Party (AIP)", True),
        ("Zahid Mehmood alias Zaidi", "Zahid Mehmood", True),  # an alias is the same person
        ("Zahid Mehmood", "Zahid Mehmood alias Zaidi", True),
        ("Zaidi", "Zahid Mehmood alias Zaidi", False),
        ("AIP", "the AIP chairman", False),  # a party is not its chairman
        ("the AIP leadership", "AIP", True),
        ("Leaders of the AIP", "AIP", True),
        ("the government", "the federal government", False),
        ("Election Commission", "the Election Commission of Pakistan", True),
        ("the Election Commission of Pakistan", "Pakistan", False),
        ("the Punjab Assembly", "the Speaker of the Punjab Assembly", False),
        ("AIP", "QIM", False),
        (None, "AIP", False),
        ("", "AIP", False),
        ("جناب رانا طارق محمود", "رانا طارق محمود", True),
        ("كنول شميم عباسي", "کنول شمیم عباسی", True),  # Arabic yeh and kaf
        ("وزیر اطلاعات", "وفاقی وزیر اطلاعات", True),
        ("اے آئی پی کے رہنماؤں", "اے آئی پی", True),
        ("پنجاب", "وزیر اعلیٰ پنجاب", False),
        ("حکومت پنجاب", "وزیر اعلیٰ پنجاب", False),
    ],
)
def test_names_match(predicted, gold, expected):
    assert tn.names_match(predicted, gold) is expected


def test_normal_words_fold_scripts_digits_and_possessives():
    assert tn.normal_words("India’s Ministry") == ["india", "ministry"]
    assert tn.normal_words("۲۷ویں ترمیم") == tn.normal_words("27ویں ترمیم")
    assert tn.normal_words("اعلیٰ") == tn.normal_words("اعلی")
    assert tn.normal_words("می\u200cشود") == ["میشود"]


def test_charge_f1_ignores_stop_words_and_plurals():
    assert tn.charge_f1("links to a foreign agency", "having links with a foreign agency") >= 0.5
    assert tn.charge_f1("allegations of rigging", "the allegation of rigging") == 1.0
    assert tn.charge_f1("treason", "money laundering") == 0.0
    assert tn.charge_f1("", "treason") == 0.0
    assert tn.charge_f1("ضمنی انتخاب میں دھاندلی", "دھاندلی") == pytest.approx(0.5)


def test_score_item_matches_one_to_one_and_counts_each_kind_of_error():
    gold = item(
        accusations=[
            ("Rana Tariq Mehmood", "Qaumi Ittehad Movement (QIM)", "rigging the by-election"),
            ("Rana Tariq Mehmood", "Qaumi Ittehad Movement (QIM)", "protecting sugar barons"),
            ("Syeda Nargis Bukhari", "the interior minister", "torture of a worker"),
        ],
        denials=[("Malik Shahzad Awan", "Malik Shahzad Awan")],
    )
    predictions = [
        acc("AIP chairman Rana Tariq Mehmood", "QIM", "rigging"),
        acc("Tariq Mehmood", "the QIM", "rigging"),  # the same gold pair again: one too many
        acc("Malik Shahzad Awan", "AIP", "lies"),  # the denier reported as an accuser
        acc("Syeda Nargis Bukhari", "the interior minister", "torture of a worker"),
    ]
    s = tn.score_item(gold, predictions)
    assert (s.tp, len(s.fp), len(s.fn)) == (2, 2, 0)
    assert (s.predicted, s.gold) == (4, 2)  # the two gold rows of one pair are one pair
    assert s.denials == 1 and s.denials_reported == ["Malik Shahzad Awan"]
    # "rigging" against "rigging the by-election": F1 2/3 once "the" and "by" are left out
    assert (s.charge_gold, s.charge_right, s.charge_wrong) == (2, 2, [])


def test_score_item_charge_share_leaves_out_empty_gold_charges():
    gold = item(
        accusations=[("AIP", "Javed Akbar Chattha", ""), ("PAM", "Javed Akbar Chattha", "x")]
    )
    s = tn.score_item(gold, [acc("AIP", "Javed Akbar Chattha", "rigging"), acc("PAM", "Chattha")])
    # "Chattha" alone does not name Javed Akbar Chattha
    assert (s.tp, len(s.fp), len(s.fn)) == (1, 1, 1)
    assert s.charge_gold == 0


def test_denial_is_reported_only_by_an_unmatched_pair():
    gold = item(
        accusations=[("Rana Tariq Mehmood", "the Election Commission", "bias")],
        denials=[("Rana Tariq Mehmood", "AIP")],
    )
    right = tn.score_item(gold, [acc("Rana Tariq Mehmood", "Election Commission", "bias")])
    assert right.denials_reported == []
    wrong = tn.score_item(gold, [acc("Rana Tariq Mehmood", "the foreign funding allegations")])
    assert wrong.denials_reported == ["Rana Tariq Mehmood"]


def test_report_groups_by_split_and_language_and_keeps_errors():
    items = [
        item([("A Khan", "B Shah", "c")], split="tune", lang="en", id_="en-1"),
        item([("ک خان", "ب شاہ", "ج")], split="test", lang="ur", id_="ur-1"),
        item([], split="test", lang="en", id_="en-2", forms=("neutral",)),
    ]

    def extract(doc):
        if doc.id == "ur-1":
            raise ValueError("no Urdu yet")
        return [acc("A Khan", "B Shah", "c")]  # right on en-1, a false alarm on en-2

    scores = tn.run(items, extract)
    assert scores[1].error == "ValueError: no Urdu yet"
    figures = tn.report(scores, tn.SPLITS, tn.LANGS)
    rows = {(g["split"], g["lang"]): g for g in figures["groups"]}
    assert len(rows) == 9
    assert rows[("tune", "en")]["precision"] == 1.0 and rows[("tune", "en")]["recall"] == 1.0
    assert rows[("test", "ur")]["recall"] == 0.0 and rows[("test", "ur")]["errors"] == 1
    assert rows[("test", "ur")]["precision"] is None  # nothing predicted
    assert rows[("all", "all")]["tp"] == 1 and rows[("all", "all")]["predicted_pairs"] == 2
    assert rows[("all", "en")]["negative_items_with_output"] == 1
    assert figures["forms"]["neutral"]["predicted_pairs"] == 1
    only = tn.report(scores, ("test",), ("en",))
    assert [(g["split"], g["lang"]) for g in only["groups"]] == [("test", "en")]


def test_documents_carry_id_text_language_and_outlet_but_no_speaker():
    doc = tn.document_of(item())
    assert (doc.id, doc.lang, doc.outlet, doc.speaker) == ("x-1", "en", "The Test Times", None)


def test_main_prints_json_figures_for_a_given_extractor(capsys):
    items = {i["id"]: i for i in tn.load_items()}

    def oracle(doc):
        return [acc(a["accuser"], a["target"], a["charge"]) for a in items[doc.id]["accusations"]]

    assert tn.main(["--json", "--split", "test", "--lang", "ur"], extract=oracle) == 0
    figures = json.loads(capsys.readouterr().out)
    (group,) = figures["groups"]
    assert (group["split"], group["lang"]) == ("test", "ur")
    assert group["precision"] == group["recall"] == group["charge_share"] == 1.0
    assert group["denials_reported"] == 0 and group["negative_items_with_output"] == 0


def test_show_errors_prints_the_text_of_each_miss(capsys):
    assert tn.main(["--split", "tune", "--lang", "en", "--show-errors"], extract=lambda d: []) == 0
    out = capsys.readouterr().out
    assert "FN: Rana Tariq Mehmood -> " in out and "text: " in out


# --- the set itself


@pytest.fixture(scope="module")
def dev():
    return tn.load_items()


def test_dev_set_has_the_promised_size_languages_and_splits(dev):
    assert len(dev) == 300 and len({i["id"] for i in dev}) == 300
    assert Counter(i["lang"] for i in dev) == {"en": 190, "ur": 110}
    halves = Counter((i["lang"], i["split"]) for i in dev)
    assert halves == {
        ("en", "tune"): 95,
        ("en", "test"): 95,
        ("ur", "tune"): 55,
        ("ur", "test"): 55,
    }
    negatives = sum(1 for i in dev if not i["accusations"])
    assert 0.25 <= negatives / len(dev) <= 0.35
    for i in dev:
        assert set(i) <= {"id", "lang", "split", "outlet", "text", "accusations", "denials"} | {
            "forms",
            "note",
        }
        assert i["outlet"] and i["forms"] and 0 < len(i["text"]) < 600


def test_every_form_is_in_both_halves(dev):
    halves = {
        split: Counter(f for i in dev if i["split"] == split for f in i["forms"])
        for split in tn.SPLITS
    }
    assert set(halves["tune"]) == set(halves["test"])
    for lang in tn.LANGS:
        assert {i["split"] for i in dev if i["lang"] == lang and i["denials"]} == set(tn.SPLITS)


def _folded(text: str) -> str:
    return unicodedata.normalize("NFC", text).casefold().replace("’", "'").replace("”", '"')


def test_gold_names_are_written_in_the_text(dev):
    for i in dev:
        text = _folded(i["text"])
        names = [a[k] for a in i["accusations"] for k in ("accuser", "target")]
        names += [d["speaker"] for d in i["denials"]] + [
            d["target"] for d in i["denials"] if d["target"]
        ]
        for name in names:
            assert name and _folded(name) in text, (i["id"], name)
        for a in i["accusations"]:
            assert tn.names_match(a["accuser"], a["accuser"]) and a["accuser"] != a["target"]


def test_main_exits_non_zero_and_names_the_item_when_extraction_raises(capsys):
    def broken(doc):
        raise TypeError("unhashable type: 'Mention'")

    assert tn.main(["--split", "test", "--lang", "ur"], extract=broken) == 1
    err = capsys.readouterr().err
    assert "items raised an error, first " in err and "TypeError: unhashable" in err
