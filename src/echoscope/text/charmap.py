"""Per-code-point tables that drive the compiled tokenizer.

Matching compares a normalised form of each word: NFKD + casefold, with diacritics (Latin
combining accents, Arabic harakat), tatweel and zero-width joiners removed, Arabic-script letter
variants unified (Arabic yeh/alef maksura -> Farsi yeh, Arabic kaf -> keheh, heh -> heh goal) and
every decimal digit mapped to ASCII. NFKD is canonical, so precomposed and decomposed spellings of
a word give the same sequence. Doing this per code point (not per string) keeps offsets into the
original text exact: a token's span is always a slice of the original ``str``.

The tables are built once from :mod:`unicodedata` (about a second) and cached on disk, keyed by
the Unicode version, so every later process loads them in milliseconds.
"""

from __future__ import annotations

import os
import unicodedata
from functools import lru_cache
from pathlib import Path

import numpy as np

SEPARATOR, WORD, JOINER, SINGLE, SPACE = 0, 1, 2, 3, 4
N_CODEPOINTS = 0x110000
TABLE_VERSION = 3

# Characters that glue a word together but do not count in it: apostrophes inside "don't",
# zero-width (non-)joiners inside Urdu and Persian words, soft hyphens.
_JOINERS = {0x27, 0x2019, 0x02BC, 0x200C, 0x200D, 0x00AD, 0x2060}

# Marks dropped from the matching form: combining accents, Arabic harakat and Quranic marks,
# Hebrew points, tatweel. Other scripts' marks (Devanagari vowel signs) carry meaning and stay.
_DROP_RANGES = [
    (0x0300, 0x036F),
    (0x1AB0, 0x1AFF),
    (0x1DC0, 0x1DFF),
    (0x20D0, 0x20FF),
    (0xFE20, 0xFE2F),
    (0x0591, 0x05C7),
    (0x0610, 0x061A),
    (0x064B, 0x065F),
    (0x0670, 0x0670),
    (0x06D6, 0x06DC),
    (0x06DF, 0x06E4),
    (0x06E7, 0x06E8),
    (0x06EA, 0x06ED),
    (0x0640, 0x0640),
]
_UNIFY = {
    0x064A: 0x06CC,  # Arabic yeh -> Farsi yeh (Urdu choti ye)
    0x0649: 0x06CC,  # alef maksura -> Farsi yeh
    0x0643: 0x06A9,  # Arabic kaf -> keheh (Urdu kaf)
    0x0647: 0x06C1,  # heh -> heh goal (Urdu)
    0x06C0: 0x06C1,  # heh with yeh above -> heh goal (hamza already dropped by NFKD)
}


def _single_char_token(cp: int) -> bool:
    """Scripts written without spaces are matched character by character."""
    return (
        0x4E00 <= cp <= 0x9FFF  # CJK unified ideographs
        or 0x3400 <= cp <= 0x4DBF  # extension A
        or 0x20000 <= cp <= 0x323AF  # extensions B-H
        or 0xF900 <= cp <= 0xFAFF  # compatibility ideographs
        or 0x3040 <= cp <= 0x30FF  # hiragana, katakana
        or 0x31F0 <= cp <= 0x31FF
    )


def _dropped(cp: int) -> bool:
    return any(lo <= cp <= hi for lo, hi in _DROP_RANGES)


def _fold(ch: str) -> list[int]:
    """The matching form of one character, as code points (possibly none)."""
    if unicodedata.category(ch) == "Nd":
        return [0x30 + unicodedata.digit(ch)]
    s = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", ch).casefold())
    out = []
    for c in s:
        cp = ord(c)
        if _dropped(cp) or cp in _JOINERS:
            continue
        out.append(_UNIFY.get(cp, cp))
    return out


def build_tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (char_class uint8[N], fold_ptr int32[N+1], fold_data int32[...]) from scratch."""
    cls = np.zeros(N_CODEPOINTS, dtype=np.uint8)
    lengths = np.zeros(N_CODEPOINTS, dtype=np.int32)
    data: list[int] = []
    folds: dict[int, list[int]] = {}
    for cp in range(N_CODEPOINTS):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        cat = unicodedata.category(ch)
        if cp in _JOINERS:
            cls[cp] = JOINER
            continue
        if cat[0] not in "LMN":
            if ch.isspace() or cat[0] in "ZC":
                cls[cp] = SPACE
            continue
        cls[cp] = SINGLE if _single_char_token(cp) else WORD
        f = _fold(ch)
        if f != [cp]:
            folds[cp] = f
    # CSR layout; identity mappings are stored too so the compiled loop has no branch for them
    for cp in range(N_CODEPOINTS):
        if cls[cp] in (WORD, SINGLE):
            f = folds.get(cp, [cp])
            lengths[cp] = len(f)
            data.extend(f)
    ptr = np.zeros(N_CODEPOINTS + 1, dtype=np.int32)
    np.cumsum(lengths, out=ptr[1:])
    return cls, ptr, np.asarray(data, dtype=np.int32)


def _cache_path() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    name = f"charmap-v{TABLE_VERSION}-unicode{unicodedata.unidata_version}.npz"
    return Path(base) / "echoscope" / name


@lru_cache(maxsize=1)
def tables() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The tables, from the on-disk cache when present (no usable cache is not an error)."""
    try:
        path = _cache_path()
    except (RuntimeError, KeyError):  # no home directory to cache in
        return build_tables()
    try:
        with np.load(path) as z:
            return z["cls"], z["ptr"], z["data"]
    except (OSError, KeyError, ValueError):
        pass
    cls, ptr, data = build_tables()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp.npz")
        np.savez_compressed(tmp, cls=cls, ptr=ptr, data=data)
        os.replace(tmp, path)
    except OSError:
        pass
    return cls, ptr, data
