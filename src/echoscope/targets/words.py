"""The words of a sentence, with offsets, and the one matching form of a name.

The rules of :mod:`.english` and :mod:`.urdu` read a sentence as a list of words and
punctuation marks; only sentences holding a cue are read so (one compiled search per document
finds them), so this per-word work is a small part of a run.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

# a word: letters, digits and the combining marks and joiners Urdu is written with, joined by
# inner hyphens or apostrophes ("PML-N", "Jinnah's"); else one punctuation mark
_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u200c\u200d"
# marks that show nothing (direction marks, zero-width spaces, a byte-order mark): no word of
# their own, and no part of a name's key
_INVISIBLE = "\u200b\u200e\u200f\u2060\u2066-\u2069\u202a-\u202e\ufeff"
_WORD = re.compile(
    r"(?:[A-Z]\.){2,}"  # initials: "R.N."
    r"|[A-Z]\.(?=\s+[A-Z])"  # an initial before a name: "P. Arumugasamy"
    r"|(?:Mohd|Muhd|Smt|Adv|Engr|Dr|Mr|Mrs|Ms|Prof|Gen|Lt|Col|Maj|Capt|Brig|Sen|Jr|Sr)\.(?=\s)"
    rf"|[\w{_MARKS}]+(?:(?:[-'\u2019]|[.,](?=\d))[\w{_MARKS}]+)*|[^\w\s{_MARKS}{_INVISIBLE}]"
)
# Urdu and Arabic letter forms folded to one, diacritics dropped, for matching names
_FOLD = str.maketrans(
    {
        "\u064a": "\u06cc",  # Arabic yeh -> Farsi yeh
        "\u0649": "\u06cc",  # alef maksura
        "\u0643": "\u06a9",  # Arabic kaf -> keheh
        "\u0647": "\u06c1",  # heh -> heh goal
        "\u06c0": "\u06c1",  # heh with yeh above
        "\u0629": "\u06c1",  # teh marbuta (an Arabic keyboard's final heh) -> heh goal
        "\u06c3": "\u06c1",
        "\u0623": "\u0627",  # alef with hamza
        "\u0625": "\u0627",
        "\u0622": "\u0627",  # alef madda
        "\u06d3": "\u06d2",  # yeh barree with hamza
        "\u200c": None,
        "\u200d": None,
        **dict.fromkeys(
            ["\u200b", "\u200e", "\u200f", "\u2060", "\ufeff"]
            + [chr(c) for c in range(0x2066, 0x206A)]
            + [chr(c) for c in range(0x202A, 0x202F)]
        ),
    }
)
# the double quote marks a quotation opens and closes with (Urdu text opens with either curly one)
QUOTE_MARKS = frozenset('"\u201c\u201d')
_DIACRITICS = re.compile(f"[{_MARKS}]")
_NOT_WORD = re.compile(rf"[^\w{_MARKS}]+")


@dataclass(slots=True)
class Word:
    """A word or punctuation mark of a sentence: offsets into the document, and its text."""

    start: int
    end: int
    text: str
    low: str  # case-folded, Urdu letter forms folded, diacritics dropped

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum() or self.text[:1] == "_"


def cue_pattern(cues: list[str]) -> re.Pattern[str]:
    """One regular expression finding any of ``cues`` (lower case) as whole words. The
    alternatives are nested by shared prefixes, so a scan rejects most places at their first
    letter: several times faster than a flat alternation over a document."""
    root: dict = {}
    for cue in cues:
        node = root
        for ch in cue:
            node = node.setdefault(ch, {})
        node[""] = {}

    def branch(node: dict) -> str:
        alts = [re.escape(ch) + branch(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and "" not in node:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if "" in node else "")

    pattern = re.compile(rf"(?<![\w{_MARKS}])(?:{branch(root)})(?![\w{_MARKS}])")
    _FIRST_WORDS[pattern.pattern] = frozenset(cue.split()[0] for cue in cues)
    return pattern


_FIRST_WORDS: dict[str, frozenset[str]] = {}
# punctuation as spaces, so that splitting a text gives its words (a C-speed pre-check)
_SPACES = str.maketrans(
    {
        ch: " "
        for ch in '!"#$%&()*+,./:;<=>?@[\\]^_`{|}~\u2018\u2019\u201c\u201d\u060c\u06d4\u061f\u061b'
        "\u2014\u2013\u2026\u00ab\u00bb\u2039\u203a\u200b\u200e\u200f\u2060\ufeff"
        "\u2066\u2067\u2068\u2069\u202a\u202b\u202c\u202d\u202e"
    }
)


def cue_starts(pattern: re.Pattern[str], text: str) -> list[int]:
    """Where the cues of ``pattern`` (see :func:`cue_pattern`) start in ``text``, any case.
    A text none of whose words begins a cue is passed over without the scan."""
    lowered = text.lower()
    first = _FIRST_WORDS.get(pattern.pattern)
    if first is not None and first.isdisjoint(lowered.translate(_SPACES).split()):
        return []
    if len(lowered) != len(text):  # a letter whose lower case is longer: offsets would move
        return [m.start() for m in _any_case(pattern).finditer(text)]
    return [m.start() for m in pattern.finditer(lowered)]


_ANY_CASE: dict[str, re.Pattern[str]] = {}


def _any_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    found = _ANY_CASE.get(pattern.pattern)
    if found is None:
        found = _ANY_CASE[pattern.pattern] = re.compile(pattern.pattern, re.IGNORECASE)
    return found


def first_word(w: Word) -> str:
    """A word as the first word of a name is looked up: folded, without a possessive "'s"."""
    return w.low.removesuffix("'s").removesuffix("\u2019s")


def fold(text: str) -> str:
    """Case-folded, NFKC, with Urdu letter forms folded and diacritics dropped."""
    return _DIACRITICS.sub("", unicodedata.normalize("NFKC", text).casefold().translate(_FOLD))


# words recur: each is folded once (NFKC, case and Urdu letter forms cost a call each)
_fold_word = functools.lru_cache(maxsize=1 << 16)(fold)


def words(text: str, start: int, end: int) -> list[Word]:
    """The words and punctuation of ``text[start:end]``, with offsets into ``text``."""
    return [
        Word(m.start(), m.end(), m.group(), _fold_word(m.group()))
        for m in _WORD.finditer(text, start, end)
    ]


def name_key(text: str) -> str:
    """The matching form of a name: folded, punctuation as spaces, possessive "'s" and a
    leading article dropped ("The PML-N's" and "pml n" are one key)."""
    key = fold(text).replace("\u2019", "'")
    key = re.sub(r"'s\b", "", key)
    key = _NOT_WORD.sub(" ", key).strip()
    return key.removeprefix("the ").strip()
