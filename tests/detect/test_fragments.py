"""Grouping the fragments of one reuse (echoscope.detect.fragments) on hand-made spans."""

from __future__ import annotations

import numpy as np
import pytest

from echoscope.detect.fragments import group_fragments, out_of_order


def groups(pieces, gap=10, density=0.0, matched=None, pair=None, in_order_gap=None):
    a0, a1, b0, b1 = (np.array(c) for c in zip(*pieces, strict=True))
    pair = np.zeros(len(a0), np.int64) if pair is None else np.array(pair)
    m = None if matched is None else np.array(matched)
    found = group_fragments(
        pair, a0, a1, b0, b1, gap, in_order_gap=in_order_gap, matched=m, density=density
    )
    return found.tolist()


def test_pieces_close_on_both_sides_join_in_any_order():
    # three sentences of A, shuffled in B: (0, 1, 2) -> (2, 0, 1)
    pieces = [(0, 20, 25, 45), (22, 40, 48, 66), (43, 60, 0, 20)]
    assert groups(pieces) == [0, 0, 0]


def test_close_on_one_side_only_stays_apart():
    # side by side in A, from distant parts of B
    assert groups([(0, 20, 0, 20), (25, 45, 500, 520)]) == [0, 1]
    assert groups([(0, 20, 0, 20), (500, 520, 25, 45)]) == [0, 1]


def test_the_gap_is_how_far_is_too_far():
    pieces = [(0, 20, 0, 20), (30, 50, 30, 50)]  # 10 units apart on both sides
    assert groups(pieces, gap=10) == [0, 0]
    assert groups(pieces, gap=9) == [0, 1]
    assert groups(pieces, gap=-1) == [0, 1]


def test_in_one_order_with_text_between_on_both_sides_is_two_statements():
    pieces = [(0, 20, 0, 20), (50, 70, 45, 65)]  # 30 and 25 units between
    assert groups(pieces, gap=160, in_order_gap=24) == [0, 1]
    assert groups(pieces, gap=160, in_order_gap=25) == [0, 0]
    # text between on one side only (a sentence dropped or moved): one reuse
    assert groups([(0, 20, 0, 20), (22, 42, 100, 120)], gap=160, in_order_gap=24) == [0, 0]
    # crossed, they are fragments of one reuse whatever lies between
    assert groups([(0, 20, 50, 70), (50, 70, 0, 20)], gap=160, in_order_gap=24) == [0, 0]


def test_a_grown_box_reaches_pieces_its_first_piece_did_not():
    # the third piece is 25 from the first but 5 from the second
    pieces = [(0, 20, 0, 20), (50, 70, 25, 45), (25, 45, 50, 70)]
    assert groups(pieces, gap=10) == [0, 0, 0]


def test_density_keeps_a_box_from_swallowing_unrelated_text():
    pieces = [(0, 20, 0, 20), (30, 50, 30, 50)]
    # each piece's 20 units reused: 40 of a 50-unit box
    assert groups(pieces, density=0.8) == [0, 0]
    assert groups(pieces, density=0.81) == [0, 1]
    # only 5 of each piece's units are reused: 10 of 50
    assert groups(pieces, density=0.3, matched=[5, 5]) == [0, 1]


def test_one_text_used_twice_is_not_two_fragments():
    # a passage said twice in A, once in B: both pieces share all of B's text
    assert groups([(0, 20, 0, 20), (25, 45, 0, 20)]) == [0, 1]
    # nor does a third piece join them into one group through another
    assert groups([(0, 20, 0, 20), (22, 30, 22, 30), (32, 52, 0, 20)]) == [0, 0, 1]


def test_two_alignments_of_one_reuse_that_disagree_join():
    # they share A's text 10-20, but the joined box is no longer on one side than the other
    assert groups([(0, 20, 0, 20), (10, 40, 25, 55)]) == [0, 0]


def test_a_piece_within_a_group_on_both_sides_joins_it():
    # a group twice as long on A as on B, and a piece inside it sharing A's text 100-110
    group = [(0, 20, 40, 60), (100, 120, 0, 20)]
    assert groups(group, gap=100) == [0, 0]
    assert groups([*group, (100, 110, 45, 55)], gap=100) == [0, 0, 0]
    # the same piece far outside the box on B is one text used twice; elsewhere on A, a
    # fragment
    assert groups([*group, (100, 110, 245, 255)], gap=200) == [0, 0, 1]
    assert groups([*group, (130, 140, 245, 255)], gap=200) == [0, 0, 0]


def test_pairs_never_mix_and_groups_are_numbered_in_order():
    pieces = [(0, 20, 0, 20), (22, 40, 22, 40), (0, 20, 0, 20), (300, 320, 300, 320)]
    assert groups(pieces, pair=[1, 1, 2, 2]) == [0, 0, 1, 2]
    with pytest.raises(ValueError, match="ordered by pair"):
        groups(pieces, pair=[2, 2, 1, 1])
    assert group_fragments(*(np.zeros(0, np.int64),) * 5, 10).tolist() == []


def test_out_of_order():
    assert out_of_order(np.array([0, 10, 20]), np.array([5, 15, 25])) is False
    assert out_of_order(np.array([0, 10, 20]), np.array([25, 5, 15])) is True
    assert out_of_order(np.array([20, 0]), np.array([5, 25])) is True


def test_in_one_order_with_the_same_words_reworded_between_is_one_reuse():
    # doc A's tokens 0-99, doc B's 100-199 in one hash array; two pieces in one order with
    # 30 tokens between them on each side
    rng = np.random.default_rng(3)
    a = rng.integers(1, 10**9, 100).astype(np.uint64)
    b = rng.integers(1, 10**9, 100).astype(np.uint64)
    pieces = [(0, 20, 0, 20), (50, 70, 50, 70)]

    def grouped(hashes, reworded):
        a0, a1, b0, b1 = (np.array(c) for c in zip(*pieces, strict=True))
        tokens = (hashes, np.zeros(2, np.int64), np.full(2, 100))
        return group_fragments(
            np.zeros(2, np.int64),
            a0,
            a1,
            b0,
            b1,
            160,
            in_order_gap=24,
            tokens=tokens,
            reworded=reworded,
        ).tolist()

    unrelated = np.concatenate([a, b])
    assert grouped(unrelated, 0.4) == [0, 1]  # two statements with other text between
    reworded = b.copy()
    reworded[20:50] = a[20:50]
    reworded[20:50:4] = rng.integers(1, 10**9, 8).astype(np.uint64)  # a word in four changed
    reworded[25], reworded[26] = reworded[26], reworded[25]  # and two swapped
    hashes = np.concatenate([a, reworded])
    assert grouped(hashes, 0.4) == [0, 0]
    assert grouped(hashes, 0.8) == [0, 1]  # 22 of 30 tokens shared: below 0.8
