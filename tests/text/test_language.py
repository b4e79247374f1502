from echoscope.text.language import language_of


def test_the_lang_field_wins_and_is_reduced_to_its_primary_subtag():
    assert language_of("ur-PK", "English words only") == "ur"
    assert language_of("EN_gb", "اردو") == "en"


def test_without_a_field_the_script_decides():
    assert language_of(None, "وزیر اعلیٰ نے کہا کہ") == "ur"
    assert language_of("", "The chief minister said") == "en"
    assert language_of("  ", "मुख्यमंत्री ने कहा") == "devanagari"
    assert language_of(None, "1234 — !!") == ""


def test_mixed_text_goes_by_most_letters():
    assert language_of(None, "PTI کے رہنما نے پریس کانفرنس میں کہا") == "ur"
