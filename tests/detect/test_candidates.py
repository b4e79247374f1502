"""Seed index and seed matches: grouping, document-frequency cap, orderings."""

import numpy as np

from echoscope.detect.candidates import build_index, seed_matches, sort_matches


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
