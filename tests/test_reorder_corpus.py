"""The reordered-reuse corpus generator (benchmarks/reorder_corpus.py): its gold is exact, its
obfuscations are what they claim, and echoscope's PAN loader reads it."""

from __future__ import annotations

import importlib.util
import itertools
import re
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from echoscope.evaluate import load_pan_folder
from echoscope.text.sentences import sentence_spans

GENERATOR = Path(__file__).resolve().parents[1] / "benchmarks" / "reorder_corpus.py"
LABELS = {"none", "reordered", "shuffled-heavy", "random"}
PAIRS = 60  # enough pairs that an unguarded trap would share a long run somewhere
_WORD = re.compile(r"\w+")


def _generator():
    spec = importlib.util.spec_from_file_location("reorder_corpus", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses resolve their module by name
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gen():
    return _generator()


def _generate(gen, out: Path, seed: int, capsys) -> str:
    assert gen.main(["--out", str(out), "--seed", str(seed), "--pairs", str(PAIRS)]) == 0
    return capsys.readouterr().out


@pytest.fixture(scope="module")
def corpus(gen, tmp_path_factory):
    """A small corpus: (folder, its gold cases, its listed pairs, the printed summary)."""
    root = tmp_path_factory.mktemp("reorder") / "corpus"
    assert gen.main(["--out", str(root), "--seed", "7", "--pairs", str(PAIRS)]) == 0
    cases, pairs = load_pan_folder(root)
    return root, cases, pairs


def _text(root: Path, name: str) -> str:
    folder = "src" if name.startswith("source") else "susp"
    return (root / folder / name).read_text(encoding="utf-8")


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _sentence_index(spans: list[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    """(first, last) sentence of a span that must begin and end on sentence boundaries."""
    starts = [s for s, _ in spans]
    ends = [e for _, e in spans]
    assert start in starts and end in ends, "gold source span is not on sentence boundaries"
    return starts.index(start), ends.index(end)


def test_gold_source_spans_are_runs_of_whole_source_sentences(corpus):
    root, cases, _ = corpus
    lengths = []
    for case in cases:
        source = _text(root, case.doc_b)
        first, last = _sentence_index(sentence_spans(source), case.start_b, case.end_b)
        lengths.append(last - first + 1)
        if case.label == "none":
            susp = _text(root, case.doc_a)
            assert susp[case.start_a : case.end_a] == source[case.start_b : case.end_b]
    assert min(lengths) >= 3 and max(lengths) <= 20
    assert min(lengths) <= 5 and max(lengths) >= 12  # short and long cases both


def test_suspicious_spans_lie_inside_their_files_and_do_not_overlap(corpus):
    root, cases, _ = corpus
    spans = defaultdict(list)
    for case in cases:
        spans[case.doc_a].append((case.start_a, case.end_a))
    for name, found in spans.items():
        text = _text(root, name)
        found.sort()
        for start, end in found:
            assert 0 <= start < end <= len(text)
            assert text[start:end] == text[start:end].strip()
        for (_, end), (start, _) in itertools.pairwise(found):
            assert end <= start, f"{name}: cases overlap"


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_same_seed_same_bytes_another_seed_differs(gen, corpus, tmp_path, capsys):
    root = corpus[0]
    again, other = tmp_path / "again", tmp_path / "other"
    _generate(gen, again, 7, capsys)
    _generate(gen, other, 8, capsys)
    assert _tree(again) == _tree(root)
    assert _tree(other) != _tree(root)


def test_every_obfuscation_two_case_pairs_and_negatives(corpus):
    root, cases, pairs = corpus
    assert {c.label for c in cases} == LABELS
    per_pair = defaultdict(list)
    for case in cases:
        per_pair[frozenset((case.doc_a, case.doc_b))].append(case)
    assert any(len(found) == 2 for found in per_pair.values())
    with_cases = set(per_pair)
    assert with_cases <= pairs
    assert len(pairs - with_cases) == len(with_cases)  # as many pairs without a case
    # labels by folder match the obfuscation attribute
    for label, folder in (("none", "01-no-obfuscation"), ("shuffled-heavy", "03-shuffled-heavy")):
        assert all(f'obfuscation="{label}"' in p.read_text() for p in (root / folder).iterdir())


def test_two_cases_of_a_pair_are_apart_on_both_sides(corpus):
    root, cases, _ = corpus
    per_pair = defaultdict(list)
    for case in cases:
        per_pair[(case.doc_a, case.doc_b)].append(case)
    two = [found for found in per_pair.values() if len(found) == 2]
    for a, b in two:
        susp, source = _text(root, a.doc_a), _text(root, a.doc_b)
        first, second = sorted((a, b), key=lambda c: c.start_a)
        assert len(_words(susp[first.end_a : second.start_a])) >= 40
        spans = sentence_spans(source)
        early, late = sorted((a, b), key=lambda c: c.start_b)
        gap = _sentence_index(spans, late.start_b, late.end_b)[0]
        gap -= _sentence_index(spans, early.start_b, early.end_b)[1] + 1
        assert gap >= 10


def _best_source_sentence(sentence: str, sources: list[str]) -> tuple[int, float]:
    """The source sentence sharing most words with ``sentence``, and that share."""
    words = set(_words(sentence))
    shares = [len(words & set(_words(s))) / max(1, len(words)) for s in sources]
    best = max(range(len(sources)), key=shares.__getitem__)
    return best, shares[best]


def test_obfuscated_cases_are_in_another_order_and_edited(corpus):
    root, cases, _ = corpus
    heavy_first_moved = heavy = heavy_reordered = foreign = randoms = 0
    for case in cases:
        if case.label == "none":
            continue
        source, susp = _text(root, case.doc_b), _text(root, case.doc_a)
        copied = source[case.start_b : case.end_b]
        run = [copied[s:e] for s, e in sentence_spans(copied)]
        planted = susp[case.start_a : case.end_a]
        matched = [_best_source_sentence(planted[s:e], run) for s, e in sentence_spans(planted)]
        order = [i for i, share in matched if share >= 0.5]
        if case.label == "reordered":
            assert order != sorted(order), "a reordered case is in the source's order"
            assert len(order) == len(run)
            assert planted != copied
        elif case.label == "random":  # every sentence kept, in order, reworded
            randoms += 1
            assert len(matched) == len(run)
            # heavily reworded, a sentence may read closer to another one of the run
            assert sum(i == k for k, (i, _) in enumerate(matched)) >= 0.8 * len(run)
            unchanged = len(set(_words(planted)) & set(_words(copied)))
            assert unchanged < 0.9 * len(set(_words(planted)))
        else:
            heavy += 1
            heavy_reordered += order != sorted(order)
            heavy_first_moved += matched[0][0] != 0 or matched[0][1] < 0.5
            foreign += any(share < 0.5 for _, share in matched)
            unchanged = len(set(_words(planted)) & set(_words(" ".join(run))))
            assert unchanged < 0.95 * len(set(_words(planted)))
    assert heavy and heavy_first_moved >= 0.6 * heavy
    assert heavy_reordered >= 0.8 * heavy  # words matched despite heavy edits: most, not all
    assert foreign >= 0.5 * heavy  # foreign sentences put among the case's own
    assert randoms


def _runs_of_six(text: str) -> set[tuple[str, ...]]:
    """Runs of six words inside one sentence (a run across a sentence break is two adjacent
    sentences that happen to end and begin alike, which no aligner reads as reuse)."""
    runs = set()
    for start, end in sentence_spans(text):
        words = _words(text[start:end])
        runs |= {tuple(words[i : i + 6]) for i in range(len(words) - 5)}
    return runs


def test_listed_pairs_share_no_long_run_outside_their_gold(corpus):
    root, cases, pairs = corpus
    gold = defaultdict(list)
    for case in cases:
        gold[frozenset((case.doc_a, case.doc_b))].append(case)
    for pair in pairs:
        susp_name, source_name = sorted(pair, key=lambda n: not n.startswith("susp"))
        susp = _text(root, susp_name)
        outside, at = [], 0
        for start, end in sorted((c.start_a, c.end_a) for c in gold[pair]):
            outside.append(susp[at:start])
            at = end
        outside.append(susp[at:])
        source = _runs_of_six(_text(root, source_name))
        for piece in outside:
            assert not _runs_of_six(piece) & source, f"{sorted(pair)} share a run outside gold"


def test_pan_loader_reads_the_cases_and_pairs_that_were_planted(gen, corpus, capsys):
    root, cases, pairs = corpus
    built = gen.build(PAIRS, 7)
    assert len(cases) == sum(len(d.cases) for d in built.suspicious)
    assert len(pairs) == len(built.pairs) == 2 * PAIRS
    lines = (root / "pairs").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == 2 * PAIRS
    # as ingested with --series-from-dir: ids carry the folder, names are mapped to them
    ids = [f"{d}/{p.name}" for d in ("src", "susp") for p in sorted((root / d).iterdir())]
    mapped, mapped_pairs = load_pan_folder(root, ids)
    assert len(mapped) == len(cases) and len(mapped_pairs) == len(pairs)
    assert all(c.doc_a.startswith("susp/") and c.doc_b.startswith("src/") for c in mapped)
    summary = gen.summary(built)
    assert f"{len(cases)} cases" in summary and f"{2 * PAIRS} pairs" in summary


def test_refuses_a_non_empty_folder_and_leaves_no_half_corpus(gen, tmp_path, capsys):
    out = tmp_path / "taken"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    assert gen.main(["--out", str(out), "--pairs", "2"]) == 1
    assert "exists and is not empty" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken"]
    assert [p.name for p in out.iterdir()] == ["keep.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert gen.main(["--out", str(empty), "--pairs", "2"]) == 0
    assert (empty / "pairs").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["empty", "taken"]
