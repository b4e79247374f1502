"""Small array operations the stages share.

``distinct`` is numpy's ``unique`` by sorting: numpy 2.4's plain ``unique`` of integers goes
through a hash table that is 50 to 100 times slower than a sort on seed hashes (3.9 s against
0.05 s for 3 million; measured in BENCHMARKS.md, "Archive scale"), while the variants that
return counts or an inverse still sort.
"""

from __future__ import annotations

import numpy as np


def distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values, sorted (``np.unique`` without its hash table)."""
    out = np.sort(values)
    if len(out) < 2:
        return out
    keep = np.empty(len(out), np.bool_)
    keep[0] = True
    np.not_equal(out[1:], out[:-1], out=keep[1:])
    return out[keep]
