"""Tokenization: offsets index the original text; matching ignores case, punctuation, variants."""

import numpy as np
import pytest

from echoscope.text.tokenize import normal_form, tokenize, tokenize_batch


def words(text: str) -> list[str]:
    _, s, e = tokenize(text)
    return [text[a:b] for a, b in zip(s.tolist(), e.tolist(), strict=True)]


def same_hashes(x: str, y: str) -> bool:
    return np.array_equal(tokenize(x)[0], tokenize(y)[0])


def test_offsets_are_str_indices_and_cover_trailing_punctuation():
    text = 'He said, "The end." Then a-b x/y (ok). Last!'
    assert words(text) == [
        "He",
        "said,",
        "The",
        'end."',
        "Then",
        "a",
        "b",
        "x",
        "y",
        "ok).",
        "Last!",
    ]


def test_offsets_survive_astral_characters():
    text = "🙂 emoji before the word leader"
    assert words(text)[-1] == "leader"
    assert text[tokenize(text)[1][-1] :] == "leader"


def test_case_punctuation_quotes_and_dashes_do_not_matter():
    assert same_hashes("The Government’s “failure” — total!", "the government's failure - TOTAL")


def test_accents_ligatures_and_eszett_fold():
    assert normal_form("Café ﬁne Straße") == "cafe fine strasse"
    # precomposed and decomposed spellings are one word
    assert same_hashes("caf\u00e9", "cafe\u0301")


def test_digits_of_any_script_are_ascii():
    assert normal_form("١٢٣ ۴۵ ४२ 12") == "123 45 42 12"


def test_urdu_yeh_kaf_diacritics_and_tatweel_unify():
    plain = "وزیر اعظم نے کہا کہ حکومت ناکام ہو گئی ہے"
    arabic_letters = "وزير اعظم نے كہا كہ حكومت ناكام ہو گئي ہے"
    with_marks = "وزیرِ اَعظم نے کہــا کہ حکومت ناکام ہو گئی ہے"
    assert same_hashes(plain, arabic_letters)
    assert same_hashes(plain, with_marks)
    assert len(words(plain)) == 10


def test_urdu_full_stop_and_zwnj():
    text = "یہ جھوٹ ہے۔ می\u200cخواهم"
    assert words(text) == ["یہ", "جھوٹ", "ہے۔", "می\u200cخواهم"]


def test_cjk_by_character_devanagari_and_cyrillic_by_word():
    assert normal_form("中华人民 हिन्दी भाषा Привет МИР") == "中 华 人 民 हिन्दी भाषा привет мир"


def test_apostrophes_inside_words_glue_but_quotes_do_not():
    assert normal_form("don't 'quoted' rock'n'roll") == "dont quoted rocknroll"


@pytest.mark.parametrize("text", ["", "   ", "...!?", "\u0640\u064e"])
def test_texts_without_words(text):
    assert len(tokenize(text)[0]) == 0


def test_batch_equals_one_by_one():
    texts = ["Alpha beta, gamma.", "", "وزیر اعظم", "x", "中华 text"]
    batch = tokenize_batch(texts)
    assert batch.ndocs == len(texts)
    for d, t in enumerate(texts):
        h, s, e = batch.doc(d)
        h1, s1, e1 = tokenize(t)
        assert np.array_equal(h, h1) and np.array_equal(s, s1) and np.array_equal(e, e1)
