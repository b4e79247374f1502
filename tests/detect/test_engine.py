"""The local engine on small corpora with planted reuse and exact expected offsets."""

from __future__ import annotations

import numpy as np

from echoscope.detect.candidates import ONE_NEW
from echoscope.detect.local import detect
from echoscope.detect.ops import parse_matches
from echoscope.detect.params import DetectParams
from echoscope.text.tokenize import tokenize_batch


def run(texts, series=None, params=None, **kw):
    series = np.arange(len(texts)) if series is None else np.asarray(series)
    p, _ = detect(tokenize_batch(texts), series, params or DetectParams(), **kw)
    return p


def plant(maker, passage: str, before: int = 60, after: int = 60):
    """A document with ``passage`` between random sentences; returns (text, start, end)."""
    head = maker.sentences(before) + " "
    return head + passage + " " + maker.sentences(after), len(head), len(head) + len(passage)


def test_verbatim_passage_found_with_exact_offsets(maker):
    passage = maker.sentences(40)
    a, sa, ea = plant(maker, passage)
    b, sb, eb = plant(maker, passage, before=150)
    c = maker.sentences(200)
    p = run([a, b, c])
    assert len(p) == 1
    assert (p.doc_a[0], p.doc_b[0]) == (0, 1)
    assert (p.start_a[0], p.end_a[0], p.start_b[0], p.end_b[0]) == (sa, ea, sb, eb)
    assert p.identity[0] == 1.0 and p.ops[0] == f"{p.tokens_a[0]}="


def test_edited_copy_is_one_passage_with_its_edits(maker):
    words = maker.words(60)
    edited = list(words)
    edited[10] = "SUBSTITUTED"
    del edited[30]
    edited.insert(45, "inserted")
    a, sa, ea = plant(maker, " ".join(words) + ".")
    b, sb, eb = plant(maker, " ".join(edited) + ".")
    p = run([a, b])
    assert len(p) == 1
    assert (p.start_a[0], p.end_a[0], p.start_b[0], p.end_b[0]) == (sa, ea, sb, eb)
    assert "1X" in p.ops[0] and "1D" in p.ops[0] and "1I" in p.ops[0]
    assert 0.9 < p.identity[0] < 1.0


def test_swapped_clauses_stay_one_passage(maker):
    first, second = maker.sentences(30), maker.sentences(30)
    a, sa, ea = plant(maker, first + " " + second)
    b, sb, eb = plant(maker, second + " " + first)
    p = run([a, b])
    assert len(p) == 1
    assert (p.start_a[0], p.end_a[0], p.start_b[0], p.end_b[0]) == (sa, ea, sb, eb)
    assert p.kind == ["reordered"]
    # its ops are its aligned pieces, each the same text on both sides
    pieces = parse_matches(p.ops[0])
    assert len(pieces) >= 2
    for x0, x1, y0, y1 in pieces:
        assert a[sa + x0 : sa + x1] == b[sb + y0 : sb + y1]


def test_shuffled_edited_sentences_are_one_reordered_passage(maker):
    sentences = [maker.sentences(24) for _ in range(12)]
    edited = []
    for k in (6, 0, 10, 2, 8, 4):  # every other sentence dropped, the rest shuffled, and
        words = sentences[k].split()  # every 7th word changed
        words[3::7] = ["CHANGED"] * len(words[3::7])
        edited += [" ".join(words), maker.sentences(14)]  # a sentence of its own after each
    a, sa, _ = plant(maker, " ".join(sentences))
    b, sb, _ = plant(maker, " ".join(edited))
    p = run([a, b], params=DetectParams(fragment_gap=-1))
    assert len(p) >= 4  # fragments, each reported on its own
    p = run([a, b])
    assert len(p) == 1 and p.kind == ["reordered"]
    assert (p.start_a[0], p.start_b[0]) == (sa, sb)
    # from the first kept sentence of A to the last, and of B to its last kept one
    assert p.end_a[0] == sa + len(" ".join(sentences[:11]))
    assert p.end_b[0] == sb + len(" ".join(edited[:-1]))
    assert len(parse_matches(p.ops[0])) >= 6


def test_same_series_is_not_compared(maker):
    passage = maker.sentences(40)
    docs = [plant(maker, passage)[0] for _ in range(3)]
    p = run(docs, series=[0, 0, 1])
    assert sorted(zip(p.doc_a.tolist(), p.doc_b.tolist(), strict=True)) == [(0, 2), (1, 2)]


def test_boilerplate_above_max_df_and_short_phrases_are_not_reported(maker):
    stock = "ladies and gentlemen I thank the honourable speaker for this opportunity today"
    docs = [maker.sentences(50) + " " + stock + " " + maker.sentences(50) for _ in range(8)]
    short = "a shared phrase of nine words in two texts"
    docs[0] += " " + short + " " + maker.sentences(20)
    docs[1] += " " + short + " " + maker.sentences(20)
    assert len(run(docs, params=DetectParams(max_df=5))) == 0
    # the same stock phrase in few documents is long enough to be reported (13 tokens)
    assert len(run(docs[:3], params=DetectParams(max_df=5))) == 3


def test_repeated_passage_within_a_document_gives_two_passages(maker):
    passage = maker.sentences(30)
    a = maker.sentences(40) + " " + passage + " " + maker.sentences(80) + " " + passage + "."
    b, _, _ = plant(maker, passage)
    p = run([a, b])
    assert len(p) == 2
    assert p.start_b[0] == p.start_b[1]


def test_query_mode_pairs_only_involve_the_query(maker):
    passage = maker.sentences(40)
    corpus = [plant(maker, passage)[0] for _ in range(3)]
    query = plant(maker, passage)[0]
    is_new = np.array([False, False, False, True])
    p = run([*corpus, query], is_new=is_new, mode=ONE_NEW)
    assert sorted(zip(p.doc_a.tolist(), p.doc_b.tolist(), strict=True)) == [(0, 3), (1, 3), (2, 3)]


def test_deterministic(maker):
    passage = maker.sentences(50)
    docs = [plant(maker, passage)[0] for _ in range(6)]
    p1, p2 = run(docs), run(docs)
    for f in ("doc_a", "doc_b", "start_a", "end_a", "start_b", "end_b", "score"):
        assert np.array_equal(getattr(p1, f), getattr(p2, f))
    assert p1.ops == p2.ops


def test_urdu_copy_with_variant_letters_is_found():
    leader = (
        "وزیر اعظم نے قوم سے جھوٹ بولا ہے اور ان کی حکومت نے ملک کو قرض میں ڈبو دیا ہے "
        "یہ حکومت ایک ڈوبتی ہوئی کشتی کی طرح ہے جس کا ملاح سو رہا ہے"
    )
    variant = leader.replace("ی", "ي").replace("ک", "ك")
    a = "جلسے میں عوام کی بڑی تعداد موجود تھی۔ " + leader + "۔ اس کے بعد جلسہ ختم ہوا۔"
    b = "پریس کانفرنس میں رہنما نے کہا کہ " + variant + "۔ صحافیوں نے سوالات کیے۔"
    p = run([a, b])
    assert len(p) == 1
    assert a[p.start_a[0] : p.end_a[0]].startswith("وزیر") and b[
        p.start_b[0] : p.end_b[0]
    ].startswith("وزير")
    assert p.identity[0] == 1.0


def test_two_passages_close_in_the_same_order_are_one_edited_passage(maker):
    first, second = maker.sentences(40), maker.sentences(40)
    between_a, between_b = maker.sentences(15), maker.sentences(17)
    head_a, head_b = maker.sentences(50) + " ", maker.sentences(50) + " "
    a = head_a + first + " " + between_a + " " + second + " " + maker.sentences(40)
    b = head_b + first + " " + between_b + " " + second + " " + maker.sentences(40)
    p = run([a, b])
    assert len(p) == 1 and p.kind == ["edited"]
    assert (p.start_a[0], p.start_b[0]) == (len(head_a), len(head_b))
    assert (p.end_a[0], p.end_b[0]) == (
        a.index(second) + len(second),
        b.index(second) + len(second),
    )
    assert p.ops[0].startswith("40=") and p.ops[0].endswith("40=")
    # kept apart, they are the two passages the alignment cut apart
    assert len(run([a, b], params=DetectParams(fragment_gap=-1))) == 2
    # without the cut the chain bridges them into one passage
    assert len(run([a, b], params=DetectParams(split_drop=10_000, fragment_gap=-1))) == 1


def test_two_passages_farther_apart_than_the_fragment_gap_are_reported_apart(maker):
    first, second = maker.sentences(40), maker.sentences(40)
    gap = DetectParams().fragment_gap
    between_a, between_b = maker.sentences(gap + 5), maker.sentences(gap + 7)
    head_a, head_b = maker.sentences(50) + " ", maker.sentences(50) + " "
    a = head_a + first + " " + between_a + " " + second + " " + maker.sentences(40)
    b = head_b + first + " " + between_b + " " + second + " " + maker.sentences(40)
    p = run([a, b])
    assert len(p) == 2
    sa2, sb2 = a.index(second), b.index(second)
    expected = {
        (len(head_a), len(head_a) + len(first), len(head_b), len(head_b) + len(first)),
        (sa2, sa2 + len(second), sb2, sb2 + len(second)),
    }
    got = set(
        zip(p.start_a.tolist(), p.end_a.tolist(), p.start_b.tolist(), p.end_b.tolist(), strict=True)
    )
    assert got == expected


def test_a_dropped_sentence_keeps_a_reprint_one_passage(maker):
    sentences = [maker.sentences(24) for _ in range(6)]
    release = " ".join(sentences)
    reprint = " ".join(sentences[:3] + sentences[4:])  # one sentence dropped
    a, sa, ea = plant(maker, release)
    b, sb, eb = plant(maker, reprint)
    p = run([a, b])
    assert len(p) == 1
    assert (p.start_a[0], p.end_a[0], p.start_b[0], p.end_b[0]) == (sa, ea, sb, eb)
    assert f"{p.tokens_a[0] - p.tokens_b[0]}D" in p.ops[0]


def test_two_reordered_reuses_interleaved_on_one_side_stay_two_whole_passages(maker):
    # A says x1 y1 x2 y2; B says x2 x1, and far away y2 y1
    x1, y1, x2, y2 = (maker.sentences(24) for _ in range(4))
    fill = [maker.sentences(20) for _ in range(6)]
    a = " ".join([maker.sentences(30), x1, fill[0], y1, fill[1], x2, fill[2], y2, fill[3]])
    b = " ".join([x2, x1, maker.sentences(300), y2, y1, fill[4]])
    p = run([a, b])
    spans = sorted(
        zip(p.start_a.tolist(), p.end_a.tolist(), p.start_b.tolist(), p.end_b.tolist(), strict=True)
    )
    assert p.kind == ["reordered", "reordered"]
    assert spans == [
        (a.index(x1), a.index(x2) + len(x2), b.index(x2), b.index(x1) + len(x1)),
        (a.index(y1), a.index(y2) + len(y2), b.index(y2), b.index(y1) + len(y1)),
    ]


def test_an_article_quoting_lines_of_a_long_speech_is_many_passages(maker):
    # every 8th sentence of the speech, quoted one after the other: the quotes lie close in the
    # article but far apart in the speech; one passage over the whole speech would say little
    speech = [maker.sentences(20) for _ in range(200)]
    quotes = speech[3::8]
    p = run([" ".join(speech), " ".join(quotes)])
    assert len(p) == len(quotes) and set(p.kind) == {"verbatim"}


def test_a_copy_saying_one_phrase_twice_is_verbatim(maker):
    refrain = maker.sentences(14)
    speech = " ".join(
        [maker.sentences(60), refrain, maker.sentences(40), refrain, maker.sentences(50)]
    )
    a, sa, ea = plant(maker, speech)
    b, sb, eb = plant(maker, speech)
    p = run([a, b])
    assert (p.start_a[0], p.end_a[0], p.start_b[0], p.end_b[0]) == (sa, ea, sb, eb)
    assert p.kind[0] == "verbatim" and p.ops[0] == f"{p.tokens_a[0]}="


def test_each_piece_of_a_shuffled_copy_pairs_a_sentence_with_itself(maker):
    sentences = [maker.sentences(15) for _ in range(6)]
    a, sa, _ = plant(maker, " ".join(sentences))
    b, sb, _ = plant(maker, " ".join(sentences[k] for k in (3, 0, 5, 1, 4, 2)))
    p = run([a, b])
    assert p.kind == ["reordered"]
    pieces = parse_matches(p.ops[0])
    assert len(pieces) >= 6
    for x0, x1, y0, y1 in pieces:
        assert a[sa + x0 : sa + x1] == b[sb + y0 : sb + y1]
