"""Sentence spans: the units the paraphrase matcher embeds, as offsets into the text."""

from __future__ import annotations

from echoscope.text.sentences import sentence_spans


def pieces(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_english_sentences_keep_abbreviations_and_initials_inside():
    text = 'Mr. Delavar said so. He is wrong! Is he? "Yes." Then J. Smith left... U.S. aid fell.'
    assert pieces(text) == [
        "Mr. Delavar said so.",
        "He is wrong!",
        "Is he?",
        '"Yes."',
        "Then J. Smith left...",
        "U.S. aid fell.",
    ]


def test_urdu_full_stop_and_question_mark_end_sentences():
    text = "حکومت نے پانی بیچ دیا۔ کیا یہ سچ ہے؟ ہاں"
    assert pieces(text) == ["حکومت نے پانی بیچ دیا۔", "کیا یہ سچ ہے؟", "ہاں"]


def test_line_breaks_end_sentences_and_spans_are_trimmed():
    text = "  Heading without a stop\n\n  The body. 3.5 per cent is not a break.  "
    spans = sentence_spans(text)
    assert [text[s:e] for s, e in spans] == [
        "Heading without a stop",
        "The body.",
        "3.5 per cent is not a break.",
    ]
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)


def test_empty_and_blank_texts_have_no_sentences():
    assert sentence_spans("") == []
    assert sentence_spans(" \n\t ") == []
