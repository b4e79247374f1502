"""A document's language, for telling a translation from a paraphrase.

The ``lang`` field wins when a document has one that names a language (its primary subtag,
lower-cased: "ur-PK" is "ur"; "eng" and "English" are "en", "urd" and "Urdu" are "ur"; "und",
"mul", "zxx" and "mis" name none). Otherwise the language is guessed from the script most of
its letters are written in: Arabic script is taken as Urdu and Latin as English (this
project's two first-class languages); any other script stands for itself ("devanagari",
"cyrillic", ...). Two documents in different languages that share a passage share it as a
translation.
"""

from __future__ import annotations

import re

# script -> language assumed when a document has no lang field
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ur", "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufefc"),
    ("en", "A-Za-z\u00c0-\u024f\u1e00-\u1eff"),
    ("devanagari", "\u0900-\u097f"),
    ("bengali", "\u0980-\u09ff"),
    ("gurmukhi", "\u0a00-\u0a7f"),
    ("cyrillic", "\u0400-\u04ff"),
    ("greek", "\u0370-\u03ff"),
    ("hebrew", "\u0590-\u05ff"),
    ("cjk", "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"),
)
_SCRIPT_RES = tuple((lang, re.compile(f"[{chars}]")) for lang, chars in _SCRIPTS)
_SAMPLE = 4000  # characters looked at: a document's opening tells its script


# other spellings of this project's languages, and codes that name no language
_ALIASES = {"eng": "en", "english": "en", "urd": "ur", "urdu": "ur"}
_NO_LANGUAGE = {"und", "mul", "zxx", "mis"}  # undetermined, multiple, none, uncoded


def language_of(lang_field: str | None, text: str) -> str:
    """The language key of a document (see the module's docstring); "" when it has neither
    a lang field naming a language nor letters of a known script."""
    key = (lang_field or "").strip().replace("_", "-").split("-")[0].lower()
    key = _ALIASES.get(key, key)
    if key and key not in _NO_LANGUAGE:
        return key
    sample = text[:_SAMPLE]
    best, most = "", 0
    for lang, pattern in _SCRIPT_RES:
        n = len(pattern.findall(sample))
        if n > most:
            best, most = lang, n
    return best
