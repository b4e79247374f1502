"""Seed index and seed matches: grouping, document-frequency and occurrence caps, orderings,
and the old pairs an incremental run must realign."""

import numpy as np
import pytest

from echoscope.detect.candidates import (
    SeedIndex,
    build_index,
    crossed_pairs,
    pairs_to_realign,
    seed_matches,
    sort_matches,
)


def test_seeds_sharing_the_packed_prefix_are_still_separate_groups():
    # with 3 rows the row number takes 2 bits, so 0b1000 and 0b1001 share a sort prefix
    seeds = np.array([0b1000, 0b1001, 0b1000], dtype=np.uint64)
    index = build_index(seeds, np.array([0, 1, 2], np.int32), np.array([5, 6, 7], np.int32))
    groups = [
        index.seeds[s:e].tolist() for s, e in zip(index.bounds[:-1], index.bounds[1:], strict=True)
    ]
    assert groups == [[0b1000, 0b1000], [0b1001]]
    assert index.docs[:2].tolist() == [0, 2]


def test_groups_above_max_df_emit_nothing():
    seeds = np.array([7] * 4 + [9] * 2, dtype=np.uint64)
    docs = np.array([0, 1, 2, 3, 0, 1], np.int32)
    index = build_index(seeds, docs, np.arange(6, dtype=np.int32))
    m = seed_matches(index, np.arange(4), max_df=3)
    assert list(zip(m.doc_a.tolist(), m.doc_b.tolist(), strict=True)) == [(0, 1)]
    assert len(seed_matches(index, np.arange(4), max_df=4)) == 6 + 1


def test_packed_sort_equals_lexsort():
    rng = np.random.default_rng(3)
    a, b = rng.integers(0, 50, 500).astype(np.int32), rng.integers(0, 50, 500).astype(np.int32)
    pa, pb = rng.integers(0, 900, 500).astype(np.int32), rng.integers(0, 900, 500).astype(np.int32)
    packed = sort_matches(a, b, pa, pb, ndocs=50, max_pos=899)
    wide = sort_matches(a, b, pa, pb, ndocs=2**40, max_pos=899)  # forces the lexsort path
    for f in ("doc_a", "doc_b", "pos_a", "pos_b"):
        assert np.array_equal(getattr(packed, f), getattr(wide, f))


def group(counts: list[tuple[int, int]]) -> SeedIndex:
    """One seed group: ``(document, occurrences)`` in document order."""
    docs = np.repeat([d for d, _ in counts], [n for _, n in counts]).astype(np.int32)
    seeds = np.full(len(docs), 42, dtype=np.uint64)
    return build_index(seeds, docs, np.arange(len(docs), dtype=np.int32))


def pair_list(m) -> list[tuple[int, int]]:
    return sorted(set(zip(m.doc_a.tolist(), m.doc_b.tolist(), strict=True)))


def test_a_group_at_max_df_documents_is_kept_and_one_more_is_dropped():
    at_cap = seed_matches(group([(0, 1), (1, 1), (2, 1)]), np.arange(4), max_df=3)
    assert pair_list(at_cap) == [(0, 1), (0, 2), (1, 2)]
    assert len(seed_matches(group([(0, 1), (1, 1), (2, 1), (3, 1)]), np.arange(4), max_df=3)) == 0


def test_a_group_of_more_than_four_times_max_df_occurrences_is_dropped():
    # two documents (within max_df) but a seed repeated in them: the occurrence cap bounds the
    # quadratic number of matches one group can emit
    series = np.arange(2)
    at_cap = seed_matches(group([(0, 1), (1, 11)]), series, max_df=3)  # 12 = 4 * max_df
    assert len(at_cap) == 11 and pair_list(at_cap) == [(0, 1)]
    assert len(seed_matches(group([(0, 1), (1, 12)]), series, max_df=3)) == 0  # 13
    assert len(seed_matches(group([(0, 4), (1, 4)]), series, max_df=2)) == 16  # 8 = 4 * max_df
    assert len(seed_matches(group([(0, 4), (1, 5)]), series, max_df=2)) == 0


@pytest.mark.parametrize(
    ("counts", "new", "crossed"),
    [
        # old documents exactly at the cap, a new one pushes the group over: all old pairs
        ([(0, 1), (1, 1), (2, 1), (3, 1)], [3], [(0, 1), (0, 2), (1, 2)]),
        # two new documents push a group of two old ones over
        ([(0, 1), (1, 1), (3, 1), (4, 1)], [3, 4], [(0, 1)]),
        # the group ends exactly at the cap: still kept, nothing to realign
        ([(0, 1), (1, 1), (3, 1)], [3], []),
        # the old documents were already over the cap: their pairs had nothing from it
        ([(0, 1), (1, 1), (2, 1), (3, 1), (4, 1)], [4], []),
        # one old document only: no old pair
        ([(0, 1), (3, 1), (4, 1), (5, 1)], [3, 4, 5], []),
        # occurrences: old ones exactly at 4 * max_df, one new occurrence pushes them over
        ([(0, 1), (1, 11), (3, 1)], [3], [(0, 1)]),
        # occurrences end exactly at 4 * max_df: still kept
        ([(0, 1), (1, 10), (3, 1)], [3], []),
        # old occurrences already over 4 * max_df
        ([(0, 1), (1, 12), (3, 1)], [3], []),
    ],
)
def test_crossed_pairs_are_the_old_pairs_of_groups_that_new_documents_push_over_a_cap(
    counts, new, crossed
):
    ndocs = 6
    is_new = np.zeros(ndocs, np.bool_)
    is_new[new] = True
    keys = crossed_pairs(group(counts), np.arange(ndocs), is_new, 3)
    assert [(k // ndocs, k % ndocs) for k in keys.tolist()] == crossed


def test_only_crossed_pairs_with_enough_matches_in_their_own_seeds_are_realigned():
    # documents 0-3; crossed pairs (0, 1), (0, 2), (2, 3); (0, 1) shares two seeds, (0, 2)
    # one, (2, 3) two but in a group over the cap (five documents: dropped whatever the rest)
    rows = [(10, 0), (10, 1), (11, 0), (11, 1), (12, 0), (12, 2)]
    rows += [(13, d) for d in (2, 3, 0, 1, 4)] + [(14, 2), (14, 3)]
    seeds = np.array([h for h, _ in rows], np.uint64)
    docs = np.array([d for _, d in rows], np.int32)
    own = build_index(seeds, docs, np.arange(len(rows), dtype=np.int32))
    ndocs = 5
    crossed = np.array([0 * ndocs + 1, 0 * ndocs + 2, 2 * ndocs + 3], np.int64)
    keys, wanted = pairs_to_realign(own, np.arange(ndocs), crossed, max_df=4, min_seeds=2)
    assert keys.tolist() == [1]  # (2, 3) has one kept seed (14) and 13 is over the cap
    assert wanted.tolist() == [10, 11]
    keys, wanted = pairs_to_realign(own, np.arange(ndocs), crossed, max_df=4, min_seeds=0)
    assert keys.tolist() == [1, 2, 13]  # a chain needs one seed at least
    assert wanted.tolist() == [10, 11, 12, 14]
    # documents of one series are never a pair
    keys, _ = pairs_to_realign(own, np.array([0, 0, 1, 2, 3]), crossed, max_df=4, min_seeds=1)
    assert keys.tolist() == [2, 13]
