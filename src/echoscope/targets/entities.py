"""The entity list: who can accuse and be accused, under every name they go by.

It starts from the corpus's own metadata (every speaker, outlet and series, and a ``party``
field where documents have one) and takes a user's alias file (``--entities FILE``), a CSV
with the header ``entity,alias,kind,member_of``: ``entity`` the canonical name, ``alias``
another spelling, script or description ("Keshvani", "the DRF chief", "رستم کیشوانی"),
``kind`` person, party, organisation, outlet or assembly, ``member_of`` the entity's party
(the response links use it). A name the list does not know keeps the form the text gives it,
and a surname alone resolves to the one known or earlier-named person who has it.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from echoscope.errors import EchoscopeError
from echoscope.targets.words import Word, first_word, fold, name_key

ALIAS_COLUMNS = ("entity", "alias", "kind", "member_of")
ENTITY_KINDS = ("person", "party", "organisation", "outlet", "assembly", "")
# metadata speakers that are not actors: the byline of a news report
_GENERIC_SPEAKERS = (
    "staff reporter",
    "reporter",
    "correspondent",
    "our correspondent",
    "news desk",
    "desk",
    "staff",
    "editorial",
    "editor",
    "web desk",
    "monitoring desk",
    "news agency",
    "agencies",
    "unknown",
    "anonymous",
)
_GENERIC_WORDS = ("reporter", "correspondent", "desk", "staff", "بیورو", "نمائندہ", "رپورٹر")
MAX_ALIAS_CHARS = 200


def is_generic_speaker(name: str | None) -> bool:
    """Whether a speaker field names no actor (a byline such as "Staff reporter")."""
    if not name:
        return True
    key = name_key(name)
    return key in _GENERIC_SPEAKERS or any(w in key.split() for w in _GENERIC_WORDS)


@dataclass(slots=True)
class Entity:
    name: str
    kind: str = ""
    member_of: str = ""
    aliases: set[str] = field(default_factory=set)


class Entities:
    """Canonical names by every key they are known under (see the module's docstring)."""

    def __init__(self) -> None:
        self._by_key: dict[str, str] = {}
        self._entity: dict[str, Entity] = {}
        self._by_surname: dict[str, set[str]] = {}
        self.longest_alias = 1  # in words: how far a lookup in a sentence need look ahead
        self.first_words: set[str] = set()  # the first word of every key

    def __len__(self) -> int:
        return len(self._entity)

    def __contains__(self, name: str) -> bool:
        return name in self._entity

    def add(self, name: str, alias: str = "", kind: str = "", member_of: str = "") -> None:
        """Know ``name`` (and ``alias`` for it); a kind or party given once is kept."""
        name = " ".join(name.split())
        if not name_key(name):
            return
        canonical = self._by_key.get(name_key(name), name)
        entity = self._entity.setdefault(canonical, Entity(canonical))
        entity.kind = entity.kind or kind
        entity.member_of = entity.member_of or " ".join(member_of.split())
        for text in (name, alias):
            key = name_key(text)
            if not key:
                continue
            # the first to claim a key keeps it: a user's alias file is read before metadata
            self._by_key.setdefault(key, canonical)
            # the first word as a key and as written (folded): a sentence's word is checked
            # against these before any lookup
            self.first_words.add(key.split()[0])
            raw = text.split()
            if raw:
                self.first_words.add(fold(raw[0]))
                if len(raw) > 1 and name_key(raw[0]) == "":
                    self.first_words.add(fold(raw[1]))
            entity.aliases.add(key)
            self.longest_alias = max(self.longest_alias, len(key.split()))
            parts = key.split()
            if len(parts) > 1 and entity.kind in ("person", ""):
                self._by_surname.setdefault(parts[-1], set()).add(canonical)

    def lookup(self, text: str) -> str | None:
        """The canonical name ``text`` is a known key of, else None."""
        return self._by_key.get(name_key(text))

    def longest_at(
        self, ws: list[Word], i: int, reach: int, accept: Callable[[int, str], bool]
    ) -> tuple[int, str] | None:
        """The longest run of at most ``reach`` words from ``ws[i]`` that this list knows, as
        (how many words, the canonical name), among the runs ``accept(words, key)`` allows;
        None if none. A word no alias starts with is passed over without a lookup."""
        if not ws[i].is_word or first_word(ws[i]) not in self.first_words:
            return None
        for n in range(min(reach, len(ws) - i), 0, -1):
            key = name_key(" ".join(w.text for w in ws[i : i + n]))
            known = self._by_key.get(key)
            if known is not None and accept(n, key):
                return n, known
        return None

    def by_surname(self, key: str) -> str | None:
        """The one known person whose last name is ``key``, else None."""
        names = self._by_surname.get(key)
        return next(iter(names)) if names and len(names) == 1 else None

    def party_of(self, name: str) -> str:
        entity = self._entity.get(name)
        return entity.member_of if entity else ""

    def kind_of(self, name: str) -> str:
        entity = self._entity.get(name)
        return entity.kind if entity else ""

    def entities(self) -> list[Entity]:
        return sorted(self._entity.values(), key=lambda e: e.name)

    def digest(self) -> str:
        """A digest of every name and alias: a stage whose list changed re-resolves."""
        h = hashlib.sha256()
        for e in self.entities():
            h.update(f"{e.name}\x00{e.kind}\x00{e.member_of}\x00".encode())
            for a in sorted(e.aliases):
                h.update(a.encode() + b"\x01")
        return h.hexdigest()[:16]

    @classmethod
    def build(
        cls,
        aliases: Iterable[tuple[str, str, str, str]] = (),
        metadata: Iterable[tuple[str | None, str | None, str | None, object]] = (),
    ) -> Entities:
        """The list of a corpus: the alias rows ``(entity, alias, kind, member_of)`` first,
        then each document's ``(speaker, outlet, series, party)``."""
        out = cls()
        for entity, alias, kind, member_of in aliases:
            out.add(entity, alias, kind, member_of)
        for fields in metadata:
            for name, kind, member_of in metadata_names(*fields):
                out.add(name, kind=kind, member_of=member_of)
        return out


def metadata_names(
    speaker: str | None, outlet: str | None, series: str | None, party: object
) -> list[tuple[str, str, str]]:
    """The names one document's metadata gives, as ``(name, kind, member_of)``: its party,
    its speaker (a member of that party) unless a byline, its outlet and its series."""
    rows = []
    if party:
        rows.append((str(party), "party", ""))
    if speaker and not is_generic_speaker(speaker):
        rows.append((speaker, "", str(party or "")))
    for name, kind in ((outlet, "outlet"), (series, "")):
        if name and not is_generic_speaker(name):
            rows.append((name, kind, ""))
    return rows


def read_aliases(path: str | Path) -> list[tuple[str, str, str, str]]:
    """The rows of an alias file (see the module's docstring); a bad file or row is one
    error naming the file and line."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as e:
        raise EchoscopeError(f"{path}: cannot read the entity file ({e.strerror})") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise EchoscopeError(f"{path}: not UTF-8 text (byte {e.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [h.strip().lower() for h in next(reader, [])]
    except csv.Error as e:
        raise EchoscopeError(f"{path}:1: {e}") from None
    if "entity" not in header:
        raise EchoscopeError(
            f"{path}:1: the entity file needs a header naming its columns: "
            f"{','.join(ALIAS_COLUMNS)} (entity required)"
        )
    unknown = [h for h in header if h not in ALIAS_COLUMNS]
    if unknown:
        raise EchoscopeError(f"{path}:1: unknown column {unknown[0]!r}; known: {ALIAS_COLUMNS}")
    at = {h: i for i, h in enumerate(header)}
    rows = []
    try:
        for row in reader:
            line = reader.line_num
            if not any(c.strip() for c in row):
                continue
            if len(row) > len(header):
                raise EchoscopeError(f"{path}:{line}: {len(row)} fields, header has {len(header)}")
            values = {h: (row[i].strip() if i < len(row) else "") for h, i in at.items()}
            entity = values.get("entity", "")
            if not name_key(entity):
                raise EchoscopeError(f"{path}:{line}: the entity column is empty")
            kind = values.get("kind", "").lower()
            if kind not in ENTITY_KINDS:
                raise EchoscopeError(
                    f"{path}:{line}: unknown kind {kind!r}; known: {', '.join(ENTITY_KINDS[:-1])}"
                )
            fields = (entity, values.get("alias", ""), values.get("member_of", ""))
            if any("\n" in v or "\r" in v for v in fields):
                raise EchoscopeError(
                    f"{path}:{line}: a name with a line break (a quote left open?)"
                )
            if any(len(v) > MAX_ALIAS_CHARS for v in fields):
                raise EchoscopeError(f"{path}:{line}: a name longer than {MAX_ALIAS_CHARS} chars")
            rows.append((entity, values.get("alias", ""), kind, values.get("member_of", "")))
    except csv.Error as e:
        raise EchoscopeError(f"{path}:{reader.line_num}: {e}") from None
    return rows
