"""Specifics: the numbers and proper names a sentence gives.

Two passages that make the same allegation in other words keep its specifics (the 40 acres,
the company's name, the 400,000 darams); two that only share a frame ("X, who represents Y,
announced the move in Z") differ in them. The paraphrase matcher weighs both.

* Numbers are read as values, written in digits or in English words, so "eleven thousand",
  "11,000" and "11 000" are one number, as are "ninety-nine" and "99". Any Unicode digit
  counts (Urdu ``۱۴`` is 14).
* A proper name is a capitalised word that does not open a sentence and whose lower-case form
  never occurs in the corpus: "Veshtar" and "Seabright" are names; "Food Department", "New
  Year" and "Minister" are not, because "food", "new" and "minister" occur in lower case.
  Scripts without case give no names, only numbers.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterable

_UNIT_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_UNITS = {w: i for i, w in enumerate(_UNIT_WORDS.split())}
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
_TENS = {w: 10 * (i + 2) for i, w in enumerate(_TENS_WORDS.split())}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORDS = _UNITS | _TENS | _SCALES
_ANY_NUMBER_WORD = "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))  # longest first
_ANY_SCALE = "|".join(_SCALES)
# a run of digits with thousands separators or a decimal part (and a scale word after it),
# or a run of number words
_NUMBER = re.compile(
    rf"\d+(?:[,.\u066b\u066c ]\d+)*(?:\s*(?:{_ANY_SCALE})\b)?"
    rf"|(?<![\w-])(?:{_ANY_NUMBER_WORD})(?:(?:[\s-]+|\s+and\s+)(?:{_ANY_NUMBER_WORD}))*(?!\w)",
    re.IGNORECASE,
)
_SCALE_AFTER_DIGITS = re.compile(rf"\s*({_ANY_SCALE})$", re.IGNORECASE)
# a capitalised word that follows a word and a space, i.e. does not open a sentence
_CAPITALISED = re.compile(r"(?<=[\w,;:] )[A-Z][\w'\u2019-]*")
_LOWER_WORD = re.compile(r"(?<![\w'\u2019-])[a-z][\w'\u2019-]*")


def _words_value(words: str) -> int:
    """The value of number words: "four hundred thousand" -> 400000."""
    total = current = 0
    for w in re.split(r"[\s-]+", words.lower()):
        if w == "and" or not w:
            continue
        if w in _SCALES:
            scale = _SCALES[w]
            if scale == 100:
                current = max(current, 1) * 100
            else:
                total += max(current, 1) * scale
                current = 0
        else:
            current += _NUMBER_WORDS[w]
    return total + current


def numbers(text: str) -> list[str]:
    """The numbers of ``text`` as canonical strings ("11000", "99", "2.5")."""
    out = []
    for m in _NUMBER.finditer(text):
        token = m.group(0)
        if token[0].isdigit():
            scale = _SCALE_AFTER_DIGITS.search(token)
            if scale is not None:
                token = token[: scale.start()]
            digits = "".join(str(int(c)) if c.isdigit() else c for c in token)
            # "11 000" and "11,000" group thousands; a lone "." or "," with 1-2 digits after
            # it is a decimal point ("2.5", "2,5")
            parts = re.split(r"[,.\u066b\u066c ]", digits)
            if len(parts) == 2 and len(parts[1]) != 3:
                value = f"{int(parts[0])}.{parts[1]}"
            else:
                value = str(int("".join(parts)))
            if scale is not None:
                factor = _SCALES[scale.group(1).lower()]
                value = f"{float(value) * factor:.0f}"
            out.append(value)
        else:
            out.append(str(_words_value(token)))
    return out


def lowercase_words(texts: Iterable[str]) -> set[str]:
    """Every word that occurs in lower case somewhere in ``texts``."""
    seen: set[str] = set()
    for t in texts:
        seen.update(_LOWER_WORD.findall(t))
    return seen


def proper_names(text: str, lowercase: set[str]) -> list[str]:
    """Capitalised words of ``text`` not opening a sentence and never written in lower case
    in the corpus (``lowercase``: see :func:`lowercase_words`), case-folded, without "'s"."""
    out = []
    for w in _CAPITALISED.findall(text):
        w = w.removesuffix("'s").removesuffix("\u2019s").lower()
        if w and w not in lowercase:
            out.append(w)
    return out


def specific_hashes(text: str, lowercase: set[str]) -> list[int]:
    """The sorted distinct CRC32 hashes of the numbers and proper names of ``text``."""
    keys = [f"#{n}" for n in numbers(text)] + proper_names(text, lowercase)
    return sorted({zlib.crc32(k.encode()) for k in keys})
