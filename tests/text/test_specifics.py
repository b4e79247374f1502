"""Specifics: numbers read as values, proper names told from capitalised common words."""

from __future__ import annotations

from echoscope.text.specifics import lowercase_words, numbers, proper_names, specific_hashes


def test_a_number_in_digits_or_in_words_is_one_value():
    assert numbers("eleven thousand names, 11,000 names, 11 000 names") == ["11000"] * 3
    assert numbers("a ninety-nine-year lease for twenty-one darams") == ["99", "21"]
    assert numbers("someone said it once") == []  # only whole words
    assert numbers("400,000 darams, four hundred thousand darams") == ["400000"] * 2
    assert numbers("600 million darams; six hundred million darams") == ["600000000"] * 2
    assert numbers("up 2.5 percent on 14 June") == ["2.5", "14"]


def test_digits_of_other_scripts_count():
    assert numbers("\u06f1\u06f4 \u0648\u0648\u0679") == ["14"]  # Urdu "14 votes"


def test_a_name_is_a_capitalised_word_never_written_in_lower_case():
    corpus = [
        "The food department and the new year; the finance minister spoke.",
        "In December the Food Department sold wheat to Seabright Holdings, said the Minister.",
    ]
    lowercase = lowercase_words(corpus)
    # "Food", "Department", "Minister" occur in lower case: not names; "In" opens the sentence
    assert proper_names(corpus[1], lowercase) == ["december", "seabright", "holdings"]


def test_two_texts_with_the_same_specifics_hash_alike():
    lowercase = {"the", "sold", "to", "mills", "tonnes", "of", "wheat"}
    a = specific_hashes("the Food Office sold 90,000 tonnes of wheat to Corvin Mills", lowercase)
    b = specific_hashes("ninety thousand tonnes of wheat went to Corvin Mills", lowercase)
    assert len(set(a) & set(b)) == 2  # 90000 and "corvin"
