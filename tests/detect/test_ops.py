import pytest

from echoscope.detect.ops import format_matches, parse_matches, swapped_ops


def test_matches_round_trip():
    matches = [(0, 40, 3, 51), (41, 90, 0, 2)]
    assert format_matches(matches) == "0-40:3-51;41-90:0-2"
    assert parse_matches(format_matches(matches)) == matches


@pytest.mark.parametrize("ops", ["", "12=1X30=", "0-40:3", "5-5:0-1", "a-b:c-d", "0-4:1-2;"])
def test_anything_else_is_no_matches(ops):
    assert parse_matches(ops) == []


@pytest.mark.parametrize("kind", ["reordered", "paraphrase", "translation"])
def test_pieces_seen_from_side_b(kind):
    assert swapped_ops(kind, "0-40:3-51;41-90:0-2") == "0-2:41-90;3-51:0-40"


@pytest.mark.parametrize("kind", ["verbatim", "edited"])
def test_edits_seen_from_side_b(kind):
    assert swapped_ops(kind, "12=2D1X3I") == "12=2I1X3D"
