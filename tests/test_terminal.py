"""The terminal view marks edits and elides long passages visibly."""

from echoscope.show.terminal import marked_text, token_marks


def test_edits_are_bracketed_without_colour():
    marks_a, marks_b = token_marks("2=1X1=1D")
    assert marked_text("the red fox ran away", marks_a, color=False) == "the red [fox] ran [away]"
    assert marked_text("the red cat ran", marks_b, color=False) == "the red [cat] ran"


def test_long_passages_show_an_ellipsis_and_both_ends():
    text = " ".join(f"w{i}" for i in range(200))
    shown = marked_text(text, ["="] * 200, color=False, max_chars=100)
    assert shown.startswith("w0 w1") and shown.endswith("w198 w199")
    assert shown.count(" … ") == 1 and len(shown) < 130


def test_control_characters_do_not_reach_the_terminal():
    shown = marked_text("safe \x1b[31mred\x07 text", ["=", "=", "="], color=False)
    assert "\x1b" not in shown and "\x07" not in shown
