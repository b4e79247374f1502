import pytest

from echoscope.detect.sentence_matches import format_matches, parse_matches


def test_matches_round_trip():
    matches = [(0, 40, 3, 51), (41, 90, 0, 2)]
    assert format_matches(matches) == "0-40:3-51;41-90:0-2"
    assert parse_matches(format_matches(matches)) == matches


@pytest.mark.parametrize("ops", ["", "12=1X30=", "0-40:3", "5-5:0-1", "a-b:c-d", "0-4:1-2;"])
def test_anything_else_is_no_matches(ops):
    assert parse_matches(ops) == []
