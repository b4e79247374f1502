"""A document's accusations: the language rules' finds, with every name resolved.

One compiled search per document tells whether it holds a cue at all; only sentences that do
are read word by word. A mention resolves to the entity list's canonical name when the list
knows it; a surname alone to the one person named in full earlier in the document, else to the
one known person with that surname; a pronoun to the last person named before it, in its
sentence or the one before (not the accuser); the document's speaker stands for "we" and
"I". Each accusation keeps the sentence, the cue and the target's mention, so nothing is
asserted without a span a user can read.
"""

from __future__ import annotations

import bisect
import heapq
import re
from collections.abc import Callable, Iterator
from types import ModuleType

from echoscope.model import Accusation, Document
from echoscope.targets import english, urdu
from echoscope.targets.entities import Entities, is_generic_speaker
from echoscope.targets.found import Found, Mention
from echoscope.targets.words import QUOTE_MARKS, Word, cue_starts, fold, name_key, words
from echoscope.text.language import language_of
from echoscope.text.sentences import sentence_spans

_LOWER = re.compile(r"\b[a-z][a-z'-]*\b")
_EMPTY = Entities()


# how far before a mention its full name, title or acronym's expansion is looked for
_LOOK_BACK = 6000
_URDU_LETTERS = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufefc]")
_LATIN_LETTERS = re.compile("[A-Za-z]")


def _language(doc: Document) -> str:
    """The document's language by its lang field, else "ur" when Arabic-script letters
    outnumber Latin ones in its opening (the rules need no finer guess)."""
    named = language_of(doc.lang, "") if doc.lang else ""
    if named:  # "und", "mul": no language named, guess from the script
        return named
    sample = doc.text[:1000]
    urdu = len(_URDU_LETTERS.findall(sample))
    return "ur" if urdu > len(_LATIN_LETTERS.findall(sample)) else "en"


def rules_for(lang: str) -> ModuleType:
    """The rules of a language key: Urdu's for Urdu, English's for the rest."""
    return urdu if lang == "ur" else english


def _news_report(doc: Document) -> bool:
    """Whether a document is an outlet's report, whose speaker field is a byline: its genre
    says so, or its series is its outlet."""
    genre = str(doc.meta.get("genre", "")).lower() if doc.meta else ""
    if genre in ("news", "report", "article", "wire"):
        return True
    return bool(doc.series and doc.outlet and name_key(doc.series) == name_key(doc.outlet))


def own_voice(doc: Document, entities: Entities, *, first_person: bool = True) -> str:
    """Who speaks in a document. For "we" and "this House": its series when that is not the
    speaker (a party's statement, an assembly's resolution, an outlet's editorial), else the
    speaker. Otherwise the speaker, and no one in a news report: its accusations are always
    someone else's."""

    def named(name: str | None) -> str:
        if not name or is_generic_speaker(name):
            return ""
        return entities.lookup(name) or " ".join(name.split())

    news = _news_report(doc)
    speaker = "" if news else named(doc.speaker)
    if not doc.speaker and not news:
        speaker = named(signed_by(doc.text))  # a letter or a column whose writer signs it
    if not first_person:
        return speaker
    series = named(doc.series)
    if series and name_key(doc.series or "") != name_key(doc.speaker or ""):
        body = news or entities.kind_of(series) in _BODIES
        if body or set(name_key(series).split()) & _BODY_WORDS:
            return series
    return speaker or named(doc.outlet) or series


# a letter to the editor opens so; its writer signs its last line ("Margaret Lyle, Islington")
_LETTER_OPENING = re.compile(r"\s*(?:Sir\b|To the [Ee]ditor\b|Dear [Ee]ditor\b|Apropos\b)")
_SIGNATURE = re.compile(
    r"(?:^|[\n.!?]|\s[-\u2013\u2014])\s*((?:[A-Z][\w'\u2019-]*\.?\s+){1,3}[A-Z][\w'\u2019-]+)"
    r"\s*,\s*[A-Z][\w .,'\u2019-]{1,60}$"
)
# a column's footer: "(The writer, Ayesha Noorani, is a former federal secretary.)",
# "(Theresa Gaines is president of the Oak Park Neighborhood Association.)"
_FOOTER = re.compile(
    r"\((?:The (?:writer|author),\s*)?((?:[A-Z][\w'\u2019-]*\.?\s+){1,3}[A-Z][\w'\u2019-]+),?"
    r"\s+is\s+(?:a|an|the|president|chair|director|secretary|professor)\b[^()]*\)\s*$"
)


def signed_by(text: str) -> str:
    """Who signs a text: the writer of a letter to the editor (its last line, "Name,
    Place"), or of a column whose footer names them; "" if neither."""
    tail = text.rstrip()[-300:]
    footer = _FOOTER.search(tail)
    if footer:
        return footer.group(1)
    if _LETTER_OPENING.match(text):
        signature = _SIGNATURE.search(tail)
        if signature:
            return signature.group(1)
    return ""


_BODIES = ("party", "assembly", "organisation", "outlet")
# words that make a series name a body that can say "we": "National Concord Party"
_BODY_WORDS_TEXT = (
    "party front league assembly council movement commission association union committee "
    "government ministry house senate federation alliance society forum jamaat tehreek "
    "bar chamber board authority پارٹی محاذ اسمبلی جماعت تحریک لیگ کونسل حکومت "
    "اتحاد انجمن کمیٹی فرنٹ"
)
_BODY_WORDS = frozenset(name_key(w) for w in _BODY_WORDS_TEXT.split())


class _Names:
    """Resolves the names of one document. Only sentences holding a cue are read word by
    word, so the context a surname or pronoun needs is looked up when it is needed: a surname
    in the text before it (a run of capitalised words ending with it), a pronoun among the
    names of the sentence before."""

    def __init__(self, entities: Entities, text: str, previous: Callable[[int], list[str]]) -> None:
        self.entities = entities
        self.text = text
        self.previous = previous  # the names of the sentence before the one starting there
        self.previous_subject: Callable[[int], str] = lambda _at: ""
        self._compiled: dict[str, re.Pattern[str]] = {}

    def resolve(
        self, m: Mention, exclude: str = "", before: list[str] | None = None, subject: bool = False
    ) -> str:
        if m.pronoun and subject and not before:
            # "He accused ...": the subject of the sentence before
            return self.previous_subject(m.start)
        if m.pronoun:
            for name in reversed(self.previous(m.start) + (before or [])):
                if name != exclude:
                    return name
            return ""
        if m.known:
            return m.known
        if _OWN_PARTY.fullmatch(m.text):
            # "accused his old party of": the last party the text names before; else no one
            party = self._last_match(_PARTY_NAME, 0, m.start)
            return self.entities.lookup(party) or _display(party) if party else ""
        for text in (m.name, m.text):
            known = self.entities.lookup(text)
            if known:
                return known
        key = name_key(m.name)
        if m.name.isupper() and 2 <= len(m.name) <= 6 and m.name.isalpha():
            spelled = self._spelled_out(m.name, m.start)
            if spelled:
                return self.entities.lookup(spelled) or _display(spelled)
        if m.name == m.text or name_key(m.text) == key:
            titled = self._titled(m.name, m.start)
            if titled:
                return self.entities.lookup(titled) or _display(titled)
        body = self._body_named(m) or self._named_later(m)
        if body:
            return self.entities.lookup(body) or _display(body)
        if _person_title(m):
            holder = self._holder_named_after(m)
            if holder:
                return self.entities.lookup(holder) or _display(holder)
            # "X blasted the commission. The AIP chairman said ...": a sentence that opens
            # with a title no one was given before goes on about the last one's subject
            before = self.previous_subject(m.start) if subject else ""
            if before:
                return before
        if len(key.split()) == 1:
            full = self._full_name(m.name, m.start)
            if full:
                return self.entities.lookup(full) or _display(full)
            known = self.entities.by_surname(key)
            if known:
                return known
            honorific = m.text[: -len(m.name)].strip().lower() if m.text.endswith(m.name) else ""
            if honorific.rstrip(".") in _HONORIFICS:
                return _display(m.text)  # "Ms Firth": a surname alone keeps its Ms
        return _display(m.name)

    def _pattern(self, pattern: str) -> re.Pattern[str]:
        """``pattern`` compiled, once per document."""
        compiled = self._compiled.get(pattern)
        if compiled is None:
            compiled = self._compiled[pattern] = re.compile(pattern)
        return compiled

    def _matches_before(self, pattern: str, before: int) -> Iterator[re.Match[str]]:
        """The matches of ``pattern`` ending by ``before``, within the text just before it
        (:data:`_LOOK_BACK` characters: a name is given in full near where it is used, and a
        long document's many names must not each cost a scan of all of it)."""
        return self._pattern(pattern).finditer(self.text, max(0, before - _LOOK_BACK), before)

    def _last_match(self, pattern: str, group: int, before: int) -> str:
        """The last match of ``pattern`` ending by ``before`` (:meth:`_matches_before`);
        "" if none."""
        found = ""
        for match in self._matches_before(pattern, before):
            found = match.group(group)
        return found

    def _spelled_out(self, acronym: str, at: int) -> str:
        """The name in the document whose initials an acronym spells: "ASL" for "the Awami
        Sadaqat League"; "" if none or several."""
        run = r"(?:[A-Z][\w'\u2019-]*)"
        link = r"(?:\s+(?:of|the|and|for|e|ul|i)\s+|\s+)"
        pattern = rf"\b{run}(?:{link}{run}){{{len(acronym) - 1},{len(acronym) + 2}}}"
        found = set()
        window = (max(0, at - _LOOK_BACK), min(len(self.text), at + _LOOK_BACK))
        for match in self._pattern(pattern).finditer(self.text, *window):
            words_in = [w for w in re.split(r"[\s-]+", match.group()) if w[:1].isupper()]
            for i in range(len(words_in) - len(acronym) + 1):
                chunk = words_in[i : i + len(acronym)]
                if "".join(w[0] for w in chunk) == acronym:
                    found.add(" ".join(chunk))
        return next(iter(found)) if len(found) == 1 else ""

    def _titled(self, title: str, before: int) -> str:
        """The person an earlier sentence gave this title to: "the prime minister" after
        "Prime Minister Shahid Nawaz Kharal", "وزیر اطلاعات" after "وزیر اطلاعات عطا تارڑ
        نے"; "" if none."""
        words_in = _display(title).split()
        if not words_in:
            return ""
        in_urdu = not words_in[-1][:1].isascii()
        if not in_urdu and words_in[-1].lower() not in english.TITLES | english.ACTOR_HEADS:
            return ""
        if in_urdu and words_in[-1] not in urdu.TITLES_TEXT:
            return ""
        if in_urdu and fold(words_in[0]) in urdu.DEPARTMENTS:
            return ""  # "محکمہ خزانہ", the finance department, is no "وزیر خزانہ"
        while words_in:
            phrase = r"\s+".join(map(re.escape, words_in))
            if in_urdu:
                pattern = re.compile(phrase + r"\s+((?:\S+\s+){0,3}?\S+)\s+" + urdu.CASE_MARKS)
            else:
                pattern = re.compile(
                    r"(?i:\b" + phrase + r")\s+((?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019.-]*)"
                )
            found = self._last_match(pattern.pattern, 1, before)
            if found:
                return found
            if len(words_in) == 1:
                return ""
            if not in_urdu and words_in[0].lower() not in _TIME_MODIFIERS:
                # "the NAB chairman", "the Home Minister" are not whoever an earlier
                # "chairman" or "minister" was; "the former prime minister" is a prime minister
                return ""
            words_in = words_in[1:]
        return ""

    def _body_named(self, m: Mention) -> str:
        """ "the forum" after "the Citizens' Water Forum": the body an earlier name with
        this head word named; "" if none (or not an English "the" + head)."""
        words_in = m.text.split()
        if len(words_in) != 2 or words_in[0].lower() != "the":
            return ""
        head = words_in[1].lower()
        if head not in english.ORG_HEADS:
            return ""
        if head == "party":  # "the party" after "the Awami Insaf Mahaz": any party's name
            return self._last_match(_PARTY_NAME, 0, m.start)
        run = r"(?:[A-Z][\w'\u2019.-]*\s+){1,4}"
        return self._last_match(run + head.capitalize() + r"\b", 0, m.start)

    def _named_later(self, m: Mention) -> str:
        """ "A senator on Tuesday accused ... Senator Liza Ocampo told a hearing": the name
        the paragraph gives an indefinite description after it (its head as a title);
        "" if none."""
        words_in = m.text.split()
        head = words_in[-1] if words_in else ""
        after = self.text[m.end : m.end + 600]
        name = r"((?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019.-]*)"
        if len(words_in) == 2 and re.search(r"['\u2019]s$", words_in[0]):
            # "Mexico's president said ... President Andres Villarreal Obregon made the
            # comments": a title's holder, named after it with the title
            if head.lower() not in english.TITLES:
                return ""
            found = re.search(r"\b" + re.escape(head.capitalize()) + r"\s+" + name, after)
            return found.group(1) if found else ""
        # ("A Lebanese contractor": the article may stand outside a capitalised mention)
        article = re.search(r"\b(?:[Aa]n?)\s+$", self.text[max(0, m.start - 4) : m.start])
        if not (len(words_in) >= 2 and words_in[0].lower() in ("a", "an")) and not article:
            return ""
        found = re.search(r"\b(?i:" + re.escape(head) + r")\s+" + name, after)
        if found:
            return found.group(1)
        # "... a seminary teacher. The suspect, identified as Qari Noor Wali, fled": the
        # description taken up again by its head or as the suspect, and named in apposition
        again = "|".join(map(re.escape, {head.lower(), "suspect", "accused"}))
        found = re.search(
            r"\b(?i:the\s+(?:"
            + again
            + r"))\s*,\s*(?:(?:identified|named)\s+as\s+|the\s+)?"
            + _LONG_NAME
            + r"\s*,",
            after,
        )
        if found:
            return found.group(1)
        # "A former director ... has been charged. Martin Oldroyd, 58, of Bristol, is
        # accused": the next sentences' first full name given the way news names a suspect
        # (an age, or where they are from, in commas)
        found = re.search(
            r"[.!?]\s+(?:[^.!?]*?\s)?((?:[A-Z][\w'\u2019-]+\s+){1,3}[A-Z][\w'\u2019-]+)"
            r",\s*(?:\d{1,3}|of\s+[A-Z][\w'\u2019-]+)\s*,",
            after[:400],
        )
        return found.group(1) if found else ""

    def _holder_named_after(self, m: Mention) -> str:
        """ "accused the Prime Minister of ... The Prime Minister, Helen Okafor-Strand, shot
        back": the person a later sentence names with the title ``m`` is; "" if none."""
        title = r"\s+".join(map(re.escape, _display(m.text).split()))
        after = self.text[m.end : m.end + 600]
        found = re.search(r"(?i:\b" + title + r")(?:\s*,\s*|\s+)" + _PERSON, after)
        return found.group(1) if found else ""

    def _full_name(self, surname: str, before: int) -> str:
        """The last fuller name ending with ``surname`` in the text before ``before``."""
        if not surname[:1].isupper():
            return ""
        pattern = r"\b(?:[A-Z][\w'\u2019.-]*\s+){1,3}" + re.escape(surname) + r"\b"
        fuller = ""
        # the last match that is more than a title and the surname: "Mr Dhamial" said
        # again does not hide "Hanif Raza Dhamial" before it
        for match in self._matches_before(pattern, before):
            words_in = match.group().split()
            while words_in and words_in[0].lower().rstrip(".") in _NOT_FIRST_NAMES:
                words_in.pop(0)
            if len(words_in) > 1:
                fuller = " ".join(words_in)
        return fuller


# a person's name: two to four capitalised words
_PERSON = r"((?:[A-Z][\w'\u2019.-]*\s+){1,3}[A-Z][\w'\u2019-]*[\w])"
# words a person's full name does not start with: "(the National) Assembly Umar Jadoon"
_NOT_FIRST_NAMES = english.NOT_NAMES | english.TITLES | english.ORG_HEADS
# a name of up to six capitalised words, "of", "for", "the" or "and" between them ("the Cairo
# Centre for Detainees' Rights")
_LONG_NAME = r"((?:[A-Z][\w'\u2019.-]*\s+(?:(?:of|for|the|and)\s+)?){0,5}[A-Z][\w'\u2019.-]*)"
_OWN_PARTY = re.compile(r"(?i:his|her)\s+(?:(?i:own|old|former|erstwhile|parent)\s+)?party")
_PARTY_NAME = (
    r"\b(?:[A-Z][\w'\u2019-]*\s+){1,4}(?:Party|League|Front|Movement|Mahaz|Tehreek|Congress|Dal)\b"
)
# what a title may say of its holder's time, dropped to find them: "the former prime minister"
_TIME_MODIFIERS = frozenset(
    ["former", "ex", "then", "incumbent", "sitting", "acting", "caretaker", "outgoing", "new"]
)
_HONORIFICS = frozenset(["mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame"])


def _person_title(m: Mention) -> bool:
    """Whether a mention is a person's title and no name: "The AIP chairman", "the
    minister" (an acronym, titles, an article)."""
    words_in = [w for w in m.text.split() if w not in ("The", "the")]
    return (
        bool(words_in)
        and all(w.lower() in english.TITLES or (w.isupper() and len(w) <= 6) for w in words_in)
        and words_in[-1].lower() in english.TITLES
    )


def _display(name: str) -> str:
    """A name as shown and stored: one space between words, no possessive, no article."""
    name = " ".join(name.split())
    name = re.sub(r"(\w) (['\u2019]) ", r"\1\2 ", name)  # "Officers ' Union": one word's mark
    name = re.sub(r"(?:'s|\u2019s)$", "", name)
    for article in ("the ", "The "):
        name = name.removeprefix(article)
    return name.strip(" ,.;:'\"\u2018\u2019\u201c\u201d")


def accusations_in(doc: Document, entities: Entities | None = None) -> list[Accusation]:
    """Every accusation in ``doc`` (see the module's docstring)."""
    entities = entities or _EMPTY
    text = doc.text
    rules = rules_for(_language(doc))
    if rules is urdu:
        # Urdu is matched folded (Arabic letter forms, diacritics): whether the text has a
        # cue at all, then which sentences do
        if not cue_starts(rules.CUE, fold(text)):
            return []
        hits = None
    else:
        hits = cue_starts(rules.CUE, text)
        if "\u201c" in text or '"' in text:  # (a C-speed check first: most text has no quote)
            # a name-call's verb is too common a word to search for, but with a quoted
            # epithet after its object it is one ("called Y “the protector of infiltrators”")
            hits += [m.start() for m in _QUOTED_EPITHET.finditer(text)]
            # "X said Y was “running a parallel government”": a claim whose words are quoted
            hits += _quoted_claims(text)
        if not hits:
            return []
    voice = own_voice(doc, entities)
    speaker = own_voice(doc, entities, first_person=False)
    doc_lower = set(_LOWER.findall(text)) if rules is english else set()
    spans = _bounded(text, sentence_spans(text))
    starts = [sp[0] for sp in spans]
    if hits is None:
        cued = [i for i, (s, e) in enumerate(spans) if rules.CUE.search(fold(text[s:e]))]
    else:
        cued = sorted({bisect.bisect_right(starts, at) - 1 for at in hits})

    def read(j: int) -> tuple[list[Word], list[Mention]]:
        """Sentence ``j``'s words and mentions (fresh each time: rules annotate mentions)."""
        s, e = spans[j]
        ws = words(text, s, e)
        return ws, rules.mentions(ws, entities, doc_lower)

    previous_names: dict[int, list[str]] = {}

    def previous(at: int) -> list[str]:
        i = bisect.bisect_right(starts, at) - 1
        if i <= 0:
            return []
        if i not in previous_names:  # once per sentence, however many pronouns ask
            no_context = _Names(entities, text, lambda _at: [])
            previous_names[i] = [no_context.resolve(m) for m in read(i - 1)[1] if not m.pronoun]
        return previous_names[i]

    def previous_subject(at: int) -> str:
        i = bisect.bisect_right(starts, at) - 1
        no_context = _Names(entities, text, lambda _at: [])
        for j in range(i - 1, max(-1, i - 4), -1):
            ws, found = read(j)
            for n, m in enumerate(found):
                if m.last + 1 < len(ws) and ws[m.last + 1].text == ":" and m.first == 0:
                    continue  # a dateline: "QUETTA:"
                if m.pronoun:
                    break  # that sentence's subject is a pronoun too: look further back
                if rules is english and english.object_of_preposition(ws, m):
                    continue  # "Speaking at the party secretariat, X said": not the party
                return no_context.resolve(english.named_after(ws, m, found[n + 1 : n + 3]))
        return ""

    def quote_speaker_before(
        i: int,
        speaker_of: Callable[[list[Word], list[Mention]], Mention | None],
        reach: int,
        only_quoted: bool,
    ) -> Mention | None:
        """ "“A,” X said. “Y did wrong.”": who speaks the quote one of the ``reach``
        sentences before sentence ``i`` closes, as ``speaker_of`` reads a sentence; with
        ``only_quoted``, looking back no further than the first sentence holding no quote."""
        for j in range(i - 1, max(-1, i - 1 - reach), -1):
            s, e = spans[j]
            if only_quoted and not QUOTE_MARKS.intersection(text[s:e]):
                return None
            speaker = speaker_of(*read(j))
            if speaker is not None:
                return speaker
        return None

    def cued_finds(i: int, ws: list[Word], found_mentions: list[Mention]) -> list[Found]:
        """What the rules read in sentence ``i``, which holds a cue: with the speaker of a
        quote that another sentence closes or opened."""
        s, e = spans[i]
        quote_by = None
        if rules is english and i + 1 < len(spans) and _opens_quote(text[s:e]):
            # "“Y did wrong. We warned them,” X said.": the next sentence names the speaker
            quote_by = english.quote_closer(*read(i + 1))
        if rules is english and quote_by is None and _in_quote(text, spans, i):
            quote_by = quote_speaker_before(i, english.quote_closer, 3, only_quoted=True)
        if quote_by is not None:
            finds = english.accusations(ws, found_mentions, quote_by)
        else:
            finds = rules.accusations(ws, found_mentions)
        if rules is urdu and text[s:e].lstrip()[:1] in QUOTE_MARKS:
            # "”A،“ X نے کہا۔ ”Y نے C کیا۔“": a quote of its own is the speaker's of the one
            # before; what it says Y did accuses Y
            said_by = quote_speaker_before(i, urdu.quote_speaker, 2, only_quoted=False)
            if said_by is not None:
                finds = finds or [f for f in [urdu.own_claim(ws, found_mentions)] if f]
                for f in finds:
                    if f.accuser is None and not f.first_person:
                        f.accuser = said_by
        return finds

    names = _Names(entities, text, previous)
    names.previous_subject = previous_subject
    out: list[Accusation] = []
    seen: dict[tuple[int, str, str], Accusation] = {}
    cued_set = set(cued)
    # sentence -> the accuser of the sentence before it or the one before that, whose
    # further claims there are charges too (:func:`english.continued_claim`)
    follows: dict[int, str] = {}
    queue = [i for i in cued if i >= 0]
    heapq.heapify(queue)
    done: set[int] = set()
    while queue:
        i = heapq.heappop(queue)
        if i in done:
            continue
        done.add(i)
        s, e = spans[i]
        if text[e - 1] in "?\u061f":
            continue  # a question ("Who can blame them?") asks, it does not accuse
        if _headline(text, s, e):
            continue  # its report says it again, with the names in full
        ws, found_mentions = read(i)
        found_before = len(out)
        said: list[str] = []  # the names this sentence's earlier finds resolved to
        finds = cued_finds(i, ws, found_mentions) if i in cued_set else []
        continues = ""  # the accuser whose claims this sentence goes on with
        if not finds and i in follows:
            claim = rules.continued_claim(ws, found_mentions)
            if claim is not None and _goes_on(claim.accuser, follows[i], names, out):
                finds, continues = [claim], follows[i]
        for found in finds:
            for acc in _resolved(
                doc.id, s, e, found, names, (voice, speaker), found_mentions, said
            ):
                if continues:
                    acc.accuser = continues
                    if name_key(acc.target) == name_key(continues):
                        continue
                said.extend((acc.accuser, acc.target))
                key = (s, acc.accuser, acc.target)
                if key not in seen:
                    seen[key] = acc
                    out.append(acc)
                elif seen[key].charge_start is None:  # the same pair, now with its charge
                    seen[key].charge_start = acc.charge_start
                    seen[key].charge_end = acc.charge_end
        if len(out) > found_before:
            for j in (i + 1, i + 2):
                if j < len(spans) and j not in done:
                    follows.setdefault(j, out[-1].accuser)
                    heapq.heappush(queue, j)
    return with_charge_text(out, text)


def _own_names(voice: str) -> set[str]:
    """How a body names itself in its own statements: "National Concord Party" is "party",
    "the Party"; "Dalmora Renewal Front" is "front"."""
    words_in = name_key(voice).split()
    return {words_in[-1]} if len(words_in) > 1 else set()


# the longest stretch read as one sentence: a transcript with no full stops is read in pieces
# cut at a comma or a space, so that the rules' work per sentence stays bounded
_LONGEST_SENTENCE = 1500
_CUT = re.compile(r"[,;\u060c\u061b]\s|\s")


def _bounded(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for s, e in spans:
        while e - s > _LONGEST_SENTENCE:
            limit = s + _LONGEST_SENTENCE
            cut = max((m.end() for m in _CUT.finditer(text, limit - 300, limit)), default=limit)
            out.append((s, cut))
            s = cut
        out.append((s, e))
    return out


_QUOTED_EPITHET = re.compile(
    r"\b(?:" + "|".join(sorted(english.NAME_CALL, key=len, reverse=True)) + r")"
    r"\s+[^.!?\u201c\u201d\"]{1,80}?[\u201c\"]",
    re.IGNORECASE,
)


# a claim's quoted words after its verb ("was “running a parallel government”"), words and not
# one ("was “desperate”" is a jibe more often than a charge); and a verb of saying before it
_QUOTE_AFTER_VERB = re.compile(
    r"\b(?:is|are|was|were|had|has|have|been)\s+[\u201c\"][^\u201d\"\s]+\s[^\u201d\"]*[\u201d\"]",
    re.IGNORECASE,
)
_SAID_BEFORE = re.compile(
    r"\b(?:" + "|".join(sorted(english.SPEECH, key=len, reverse=True)) + r")\b"
    r"[^!?\u201c\u201d\"\n]{0,100}$",
    re.IGNORECASE,
)


def _goes_on(by: Mention | None, accuser: str, names: _Names, out: list[Accusation]) -> bool:
    """Whether the speaker ``by`` of a claim is ``accuser``, who has just accused someone:
    "He said", "Mr Afridi said", or "the minister said" (a title the accuser was given),
    unless the title resolves to one of the accused answering."""
    if by is None:
        return False
    if by.pronoun not in ("", "we", "i") and by.pronoun not in urdu.FIRST_PERSON:
        return True
    resolved = name_key(names.resolve(by))
    if resolved == name_key(accuser):
        return True
    described = by.text.lower().startswith("the ") and by.name.islower()
    return described and resolved not in {name_key(a.target) for a in out}


def _quoted_claims(text: str) -> list[int]:
    """Where a claim whose words are quoted is said ("X said Y was “running a parallel
    government”"): the offsets of the verbs of saying. The rare quote after a verb is found
    first, then a verb of saying looked for in the hundred characters before it."""
    out = []
    for quote in _QUOTE_AFTER_VERB.finditer(text):
        start = max(0, quote.start() - 101)
        said = _SAID_BEFORE.search(text, start, quote.start())
        if said is not None:
            out.append(said.start())
    return out


def _in_quote(text: str, spans: list[tuple[int, int]], i: int) -> bool:
    """Whether sentence ``i`` may be quoted speech going on from the sentences before it:
    it opens with a quote mark and holds no second quote (or ends with one), or it starts
    inside a quote one of them opened. (Who the sentence itself says speaks is read first;
    the earlier quote's speaker only fills a find that has no accuser.)"""
    s, e = spans[i]
    own = text[s:e]
    if own.lstrip()[:1] in ('"', "\u201c"):
        return own.count("\u201d") + own.count('"') <= 2 or own.rstrip()[-1:] in ('"', "\u201d")
    start = spans[max(0, i - 3)][0]
    before = text[start:s]
    curly_open = before.count("\u201c") > before.count("\u201d")
    return curly_open or before.count('"') % 2 == 1


def _opens_quote(sentence: str) -> bool:
    """Whether a sentence opens a quote it does not close ("“Y did wrong." ...)."""
    stripped = sentence.lstrip()
    if stripped[:1] == "\u201c":
        return sentence.count("\u201d") < sentence.count("\u201c")
    return stripped[:1] == '"' and sentence.count('"') % 2 == 1


def _headline(text: str, s: int, e: int) -> bool:
    """A line with no closing punctuation, short, followed by more text: a headline."""
    if text[e - 1] in ".!?\u06d4\u061f\"'\u201d\u2019)":
        return False
    return len(text[s:e].split()) <= 14 and text.find("\n", e) >= 0 and e < len(text) - 1


def _resolved(
    doc_id: str,
    s: int,
    e: int,
    found: Found,
    names: _Names,
    voices: tuple[str, str],
    sentence_mentions: list[Mention],
    said: list[str],
) -> list[Accusation]:
    """The accusations of one find: one per accuser ("X and Y accused") and target."""
    out = _resolved_one(doc_id, s, e, found, names, voices, sentence_mentions, said)
    if found.extra.get("each_other") and found.accuser is not None:
        # "A and B accused each other": B accuses A too
        back = Found(found.cue_start, found.cue_end, [found.accuser], found.targets[0], False)
        back.charge = found.charge
        return out + _resolved_one(doc_id, s, e, back, names, voices, sentence_mentions, said)
    if found.accuser is not None:
        for other in found.accuser.also:
            one = Found(found.cue_start, found.cue_end, found.targets, other, False, found.charge)
            out.extend(_resolved_one(doc_id, s, e, one, names, voices, sentence_mentions, said))
    return out


def _resolved_one(
    doc_id: str,
    s: int,
    e: int,
    found: Found,
    names: _Names,
    voices: tuple[str, str],
    sentence_mentions: list[Mention],
    said: list[str],
) -> list[Accusation]:
    voice, speaker = voices  # who "we" is; who speaks (no one, in a news report)
    if found.accuser is not None:
        if found.accuser.pronoun:
            accuser = names.resolve(found.accuser, subject=True) or speaker
            accuser_from = "earlier" if accuser != speaker else "speaker"
            a_start = a_end = None
        else:
            # whether the accuser opens its sentence ("The AIP chairman said")
            opens = names.text[s : found.accuser.start].strip() in ("", "The", "the")
            accuser = names.resolve(found.accuser, subject=opens)
            accuser_from, a_start, a_end = "text", found.accuser.start, found.accuser.end
            if voice and name_key(accuser) in _own_names(voice):
                accuser = voice  # "The Party condemns", "the Front demands": the body itself
    elif found.first_person or (speaker and voice != speaker):
        # "we", or a body's own statement or resolution: the body
        accuser, accuser_from, a_start, a_end = voice, "speaker", None, None
    else:
        # the speaker's own words ("Y looted the treasury"); no one's in a news report
        accuser, accuser_from, a_start, a_end = speaker, "speaker", None, None
    if not accuser:
        return []
    charge = ""
    c_start = c_end = None
    if found.charge is not None:
        c_start, c_end = found.charge
    out = []
    for t in found.targets:
        before = (
            said
            + [names.resolve(m) for m in sentence_mentions if m.end <= t.start and not m.pronoun]
            if t.pronoun
            else []
        )
        target = names.resolve(t, exclude=accuser, before=before)
        if not target or name_key(target) == name_key(accuser) or t.pronoun in ("we", "i"):
            continue
        if voice and name_key(target) in _own_names(voice) | {name_key(voice)}:
            continue  # "The Party is aware...": the body speaking of itself
        out.append(
            Accusation(
                doc=doc_id,
                start=s,
                end=e,
                accuser=accuser,
                target=target,
                charge=charge,
                cue_start=found.cue_start,
                cue_end=found.cue_end,
                target_start=t.start,
                target_end=t.end,
                accuser_start=a_start,
                accuser_end=a_end,
                charge_start=c_start,
                charge_end=c_end,
                accuser_from=accuser_from,
            )
        )
    return out


def with_charge_text(accusations: list[Accusation], text: str) -> list[Accusation]:
    """Fill each accusation's charge from its span of ``text``."""
    for a in accusations:
        if a.charge_start is not None and a.charge_end is not None:
            a.charge = " ".join(text[a.charge_start : a.charge_end].split())
    return accusations
