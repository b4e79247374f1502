"""Memory and disk for a detect run: the budget the local engine partitions its work to fit.

The budget covers the engine's own arrays; the corpus's token hashes, which alignment reads at
random, are on top of it (memory-mapped, so the kernel may page them out). Sizes are read as
``8G``, ``512M`` or a plain number of bytes (binary units: 1K = 1024).
"""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

from echoscope.errors import EchoscopeError

_UNITS = {"": 1, "K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40}
#: the smallest budget the engine accepts: below it, partitions become a few documents each
LEAST_MEMORY = 256 << 20
#: share of the machine's memory a detect run takes when no budget is given
DEFAULT_SHARE = 0.4


def parse_size(text: str) -> int:
    """Bytes of ``8G``, ``1.5G``, ``512M``, ``300000000`` (case and a trailing B ignored)."""
    m = re.fullmatch(r"\s*(\d{1,20}(?:\.\d{1,20})?)\s*([KMGT]?)(?:I?B)?\s*", text.upper())
    if m is None:
        raise ValueError(f"not a size: {text!r} (e.g. 8G, 512M)")
    return int(float(m.group(1)) * _UNITS[m.group(2)])


#: where a container's memory limit is (cgroup v2, then v1)
CGROUP_LIMITS = ("/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes")


def machine_memory() -> int:
    """Bytes of memory this process may use: the physical memory, or a container's limit
    where that is lower (0 where the system says neither)."""
    try:
        physical = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError, AttributeError):
        physical = 0
    for path in CGROUP_LIMITS:
        try:
            limit = Path(path).read_text().strip()
        except OSError:
            continue
        if limit.isdigit() and 0 < int(limit) < (physical or int(limit) + 1):
            return int(limit)
    return physical


def default_memory() -> int:
    """The budget of a run given none: a share of the machine's memory, at least the least."""
    return max(LEAST_MEMORY, int(machine_memory() * DEFAULT_SHARE))


def format_size(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} GiB"


def free_disk(folder: Path) -> int:
    """Bytes free on the disk of ``folder`` (of its parent while it does not exist yet)."""
    return shutil.disk_usage(folder if folder.exists() else folder.parent).free


def check_disk(folder: Path, need: int, what: str) -> None:
    """Refuse to start what needs ``need`` bytes of disk in ``folder`` that are not free."""
    free = free_disk(folder)
    if free < need:
        raise EchoscopeError(
            f"{folder}: {what} needs about {format_size(need)} of free disk there, and "
            f"{format_size(free)} is free (free some space, or move the store)"
        )


def power_of_two_parts(total_bytes: float, budget: int) -> int:
    """The fewest parts, a power of two, that split ``total_bytes`` into budget-sized ones."""
    parts = 1
    while total_bytes / parts > budget and parts < (1 << 16):
        parts *= 2
    return parts
