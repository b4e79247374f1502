"""Generates a PAN text-alignment corpus of reordered and fragmented reuse, with exact gold.

The text is the hand-written English news of the semantic development set
(``semantic_dev/events_*.json``): 120 events, each reported independently by four outlets with
the same names, numbers and places in other sentences. Of each event's four reports, two (drawn
by the seed) go to the source side and two to the suspicious side; no report is on both sides.

* **Source documents** (``src/source-documentNNNNN.txt``): the source-side reports, shuffled,
  each used once, joined with blank lines into documents of about 600-2500 words.
* **A case** is a run of ``k`` consecutive sentences of a source document (sentences as
  ``echoscope.text.sentences`` splits them; ``k`` short 3-5, medium 6-11 or long 12-20, equally
  often), obfuscated and inserted into a suspicious document as paragraphs of their own (70% of
  single cases, all pairs of cases) or inline after a sentence of a host paragraph. The gold
  source span is the whole ``k``-sentence run, the gold suspicious span the whole inserted
  text, exact to the character. Obfuscations (the ``obfuscation`` attribute, and the folder):

  - ``none`` (``01-no-obfuscation``, 10% of the pairs): the run copied verbatim;
  - ``reordered`` (``02-reordered``): the sentences permuted (half the cases a full random
    shuffle, half one adjacent swap per five sentences), then light word edits (3-5% of the
    words replaced, 1% deleted, 1% inserted);
  - ``shuffled-heavy`` (``03-shuffled-heavy``, a share ``--heavy`` of the obfuscated pairs):
    PAN's random obfuscation carried further: 10-25% of the sentences dropped, foreign
    sentences (10-25% of ``k``, from suspicious-side reports of events the source document
    does not report) put among the rest, the order shuffled, and in every sentence 15-30% of
    the words replaced by words of the corpus vocabulary of the same shape (lower case,
    capitalised, acronym; drawn half by frequency, half uniformly), 2-4% deleted, 2-4%
    inserted and 2-4% swapped with a neighbour or as two-word phrases. Punctuation stays on
    its word, numbers are never touched and the first word stays first.
  - ``random`` (``04-random``, a share ``--random`` of the obfuscated pairs): PAN's random
    obfuscation as PAN made it: the sentences kept, in their order, each reworded harder
    (25-40% of the words replaced, 4-8% deleted, 4-8% inserted and 4-8% swapped), so that
    what survives alignment is pieces in order with reworded text between them on both sides.

  The rest of the obfuscated pairs are ``reordered``. A case's sentences are grouped into
  paragraphs of one to three (one paragraph inline).
* **Suspicious documents** (``susp/suspicious-documentNNNNN.txt``): suspicious-side reports
  joined with blank lines (about 600-2500 words with their cases). The precision trap: in 60%
  of the pairs with cases the host holds another outlet's report of an event a case was taken
  from (for half of the single block cases, right before or after it), in 35% a report of
  another event of the source document: independent reports sharing names, numbers and short
  phrases, but no reuse. Outlets often quote a speaker word for word; a listed pair never holds
  two reports that share a run of six words, so that every run a lexical aligner is right to
  find in a listed pair is gold.
* **Two cases in one pair** (25% of the pairs with cases, both of the pair's obfuscation): two
  runs of one source document with 10 or more sentences between them (uniformly from 10 to as
  far as the document allows), put in the suspicious document in either order with 1, 2, 3, 4,
  6, 9 or 14 host paragraphs between them, or one near each end (then widened to at least 40
  words between them). They are two passages.
* **Pairs** (``pairs``): every pair with cases, and as many without: half pair a suspicious
  document holding cases with another source document, half a suspicious document without
  any; 75% of them are chosen so that both documents report one event. Annotations: one file
  per pair with cases in its obfuscation's folder, an empty one per pair without in
  ``00-no-plagiarism``.

Deterministic for a given ``--seed``. The folder is written under a temporary name beside
``--out`` and renamed into place; an ``--out`` that exists and is not an empty folder is
refused. The default (150 pairs with cases) is about 250 documents, 190 cases::

    python benchmarks/reorder_corpus.py --out WORKDIR/reorder
    echoscope ingest WORKDIR/reorder --series-from-dir --db WORKDIR/reorder.db
    echoscope detect --db WORKDIR/reorder.db
    echoscope eval --db WORKDIR/reorder.db --gold WORKDIR/reorder
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from echoscope.errors import EchoscopeError
from echoscope.outputs import atomic_folder
from echoscope.text.sentences import sentence_spans

EVENTS_DIR = Path(__file__).resolve().parent / "semantic_dev"

LABEL_FOLDERS = {
    "none": "01-no-obfuscation",
    "reordered": "02-reordered",
    "shuffled-heavy": "03-shuffled-heavy",
    "random": "04-random",
}
NEGATIVE_FOLDER = "00-no-plagiarism"

DOC_WORDS = (600, 2500)
CASE_LENGTHS = ((3, 5), (6, 11), (12, 20))  # short, medium, long runs of sentences
VERBATIM_SHARE = 0.10
TWO_CASE_SHARE = 0.25
MIN_SOURCE_GAP = 10  # sentences between the two runs of a two-case pair
MIN_SEPARATION_WORDS = 40  # host words between the two cases of a pair, at least
SEPARATIONS = (1, 2, 3, 4, 6, 9, 14, "far")  # host paragraphs between the two cases
SAME_EVENT_SHARE = 0.60  # hosts holding another report of the case's event
SAME_SOURCE_SHARE = 0.35  # hosts holding a report of another event of the source document
NEGATIVE_TRAP_SHARE = 0.75
INLINE_SHARE = 0.30  # single cases put inline after a sentence instead of as a block
HEAVY_REPLACE = (0.15, 0.30)  # share of a shuffled-heavy sentence's words replaced
HEAVY_OTHER = (0.02, 0.04)  # shares of its words deleted, inserted and swapped (each)
RANDOM_REPLACE = (0.25, 0.40)  # share of a random-obfuscation sentence's words replaced
RANDOM_OTHER = (0.04, 0.08)  # shares of its words deleted, inserted and swapped (each)
FOREIGN_MIN_WORDS = 6
# Reports of one event often quote a speaker word for word. A listed pair never holds two
# reports that share a run of this many words (outside its gold): such a run is reuse a lexical
# detector is right to find, so the traps share names, numbers and short phrases only.
SHARED_RUN_WORDS = 6

_WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")
_PIECE = re.compile(r"^(\W*)(.*?)(\W*)$", re.S)
_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class Report:
    index: int  # position in load order
    event: str
    outlet: str
    text: str


@dataclass
class SourceDoc:
    text: str
    sentences: list[tuple[int, int]]
    sentence_report: list[int]  # the report each sentence is from
    events: set[str]
    reports: set[int]
    blocked: set[int]  # other reports sharing a long run with one of its reports


@dataclass
class Case:
    """One planted case: offsets are filled in when its suspicious document is assembled."""

    label: str
    source: int  # index of the source document
    src_start: int
    src_end: int
    text: str = ""
    susp_start: int = -1


@dataclass
class SuspDoc:
    text: str
    cases: list[Case] = field(default_factory=list)
    source: int | None = None  # the source document its cases come from
    host_events: set[str] = field(default_factory=set)
    content: set[int] = field(default_factory=set)  # reports whose text it holds, edited or not


@dataclass
class Corpus:
    sources: list[SourceDoc]
    suspicious: list[SuspDoc]  # in file-number order
    pairs: list[tuple[int, int]]  # (suspicious index, source index)

    def case_count(self) -> Counter[str]:
        return Counter(c.label for d in self.suspicious for c in d.cases)


def load_reports(folder: Path = EVENTS_DIR) -> list[Report]:
    """The English reports of every event, in file and event order."""
    reports = []
    for path in sorted(folder.glob("events_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for event in data["events"]:
            for report in event["reports"]:
                if report["lang"] == "en":
                    reports.append(
                        Report(len(reports), event["id"], report["outlet"], report["text"])
                    )
    if not reports:
        raise EchoscopeError(f"{folder}: no events_*.json with English reports")
    return reports


def _words(text: str) -> int:
    return len(text.split())


class _Vocabulary:
    """Words of the corpus by shape, each drawn half by frequency (stop words come often, as
    in real edits) and half uniformly over distinct words (content words and names)."""

    def __init__(self, reports: list[Report]) -> None:
        seen: dict[str, list[str]] = {"lower": [], "capital": [], "acronym": []}
        for report in reports:
            for start, end in sentence_spans(report.text):
                for i, token in enumerate(report.text[start:end].split()):
                    core = _PIECE.match(token).group(2)
                    shape = _shape(core)
                    # a sentence's first word is capitalised by position, not by kind
                    if shape is not None and not (i == 0 and shape == "capital"):
                        seen[shape].append(core)
        self.frequent = seen
        self.distinct = {shape: sorted(set(words)) for shape, words in seen.items()}

    def draw(self, shape: str, rng: random.Random) -> str:
        pool = self.frequent[shape] if rng.random() < 0.5 else self.distinct[shape]
        return rng.choice(pool)


def _shape(core: str) -> str | None:
    if not _WORD.fullmatch(core):
        return None
    if core.isupper() and len(core) > 1:
        return "acronym"
    return "capital" if core[0].isupper() else "lower"


@dataclass
class _Edits:
    replace: float
    delete: float
    insert: float
    swap: float


def _light_edits(rng: random.Random) -> _Edits:
    return _Edits(rng.uniform(0.03, 0.05), 0.01, 0.01, 0.0)


def _drawn_edits(
    rng: random.Random, replace: tuple[float, float], other: tuple[float, float]
) -> _Edits:
    """Rates drawn from their ranges: words replaced, and deleted, inserted, swapped (each)."""
    return _Edits(rng.uniform(*replace), *(rng.uniform(*other) for _ in range(3)))


def _edit_sentence(sentence: str, edits: _Edits, vocab: _Vocabulary, rng: random.Random) -> str:
    """``sentence`` with words replaced, deleted, inserted and swapped; the first word stays
    first, punctuation stays on its word, numbers are kept, and the result is still one
    sentence to the sentence splitter (else an edit is drawn again)."""
    for _ in range(5):
        edited = _edit_once(sentence, edits, vocab, rng)
        if len(sentence_spans(edited)) == 1:
            return edited
    return sentence


def _edit_once(sentence: str, edits: _Edits, vocab: _Vocabulary, rng: random.Random) -> str:
    pieces = [list(_PIECE.match(t).groups()) for t in sentence.split()]  # [lead, core, trail]

    def plain(i: int) -> bool:
        lead, core, trail = pieces[i]
        return not lead and not trail and _shape(core) is not None

    # swaps first, of neighbours or of two-word phrases, never moving the first word
    i = 1
    while i + 1 < len(pieces):
        if rng.random() < edits.swap:
            if (
                i + 3 < len(pieces)
                and rng.random() < 0.3
                and all(plain(j) for j in range(i, i + 4))
            ):
                pieces[i : i + 4] = pieces[i + 2 : i + 4] + pieces[i : i + 2]
                i += 4
                continue
            if plain(i) and plain(i + 1):
                pieces[i], pieces[i + 1] = pieces[i + 1], pieces[i]
                i += 2
                continue
        i += 1
    for i, piece in enumerate(pieces):
        shape = _shape(piece[1])
        if shape is None or rng.random() >= edits.replace:
            continue
        if i == 0 and shape == "capital":
            word = vocab.draw("lower", rng)
            piece[1] = word[0].upper() + word[1:]
        else:
            piece[1] = vocab.draw(shape, rng)
    kept = [pieces[0]]
    for i in range(1, len(pieces)):
        if plain(i) and len(pieces) > 6 and rng.random() < edits.delete:
            continue
        kept.append(pieces[i])
    out = []
    for i, piece in enumerate(kept):
        out.append("".join(piece))
        if i + 1 < len(kept) and not piece[2] and rng.random() < edits.insert:
            out.append(vocab.draw("lower", rng))
    return " ".join(out)


def _joined(sentences: list[str], rng: random.Random | None) -> str:
    """Sentences grouped into paragraphs of one to three (with ``rng``) or in one paragraph;
    two sentences are never joined where the splitter would read them as one (a sentence
    ending in an initial, "Article 63-A.", that ended a paragraph in its source)."""
    out, in_paragraph = sentences[0], 1
    room = rng.randint(1, 3) if rng else len(sentences)
    for sentence in sentences[1:]:
        together = out[out.rfind("\n") + 1 :] + " " + sentence
        if in_paragraph < room and len(sentence_spans(together)) > in_paragraph:
            out += " " + sentence
            in_paragraph += 1
        else:
            out += "\n\n" + sentence
            in_paragraph = 1
            room = rng.randint(1, 3) if rng else len(sentences)
    return out


def _permuted(n: int, full: bool, rng: random.Random) -> list[int]:
    """A permutation of range(n) other than the identity: a full shuffle, or adjacent swaps."""
    order = list(range(n))
    while order == sorted(order):
        if full:
            rng.shuffle(order)
        else:
            for _ in range(max(1, round(n / 5))):
                j = rng.randrange(n - 1)
                order[j], order[j + 1] = order[j + 1], order[j]
    return order


def _conflicts(reports: list[Report]) -> list[set[int]]:
    """For each report, the other reports sharing a run of ``SHARED_RUN_WORDS`` words."""
    holders: dict[tuple[str, ...], set[int]] = {}
    for report in reports:
        words = [w.casefold() for w in _TOKEN.findall(report.text)]
        for i in range(len(words) - SHARED_RUN_WORDS + 1):
            holders.setdefault(tuple(words[i : i + SHARED_RUN_WORDS]), set()).add(report.index)
    out: list[set[int]] = [set() for _ in reports]
    for group in holders.values():
        if len(group) > 1:
            for r in group:
                out[r] |= group - {r}
    return out


class _Builder:
    def __init__(self, reports: list[Report], seed: int, heavy: float, random_share: float) -> None:
        self.rng = random.Random(f"reorder-corpus-{seed}")
        self.heavy = heavy
        self.random_share = random_share
        self.reports = reports
        self.vocab = _Vocabulary(reports)
        self.conflicts = _conflicts(reports)
        by_event: dict[str, list[Report]] = {}
        for report in reports:
            by_event.setdefault(report.event, []).append(report)
        self.source_side: list[Report] = []
        self.susp_side: dict[str, list[Report]] = {}
        for event in sorted(by_event):
            group = list(by_event[event])
            self.rng.shuffle(group)
            half = len(group) // 2
            self.source_side += group[:half]
            self.susp_side[event] = group[half:]
        self.susp_reports = [r for event in sorted(self.susp_side) for r in self.susp_side[event]]
        self.foreign = [
            (r, r.text[s:e])
            for r in self.susp_reports
            for s, e in sentence_spans(r.text)
            if _words(r.text[s:e]) >= FOREIGN_MIN_WORDS
        ]
        self.sources = self._source_documents()

    def _source_documents(self) -> list[SourceDoc]:
        """The source-side reports in documents of about DOC_WORDS words, no two reports of
        one document sharing a long run (a case taken from one must match only itself)."""
        pool = list(self.source_side)
        self.rng.shuffle(pool)
        groups: list[list[Report]] = []
        while pool:
            target = self.rng.randint(*DOC_WORDS)
            group: list[Report] = []
            blocked: set[int] = set()
            while sum(_words(r.text) for r in group) < target:
                fits = [i for i, r in enumerate(pool) if r.index not in blocked]
                if not fits:
                    break
                report = pool.pop(fits[-1])
                group.append(report)
                blocked |= self.conflicts[report.index]
            groups.append(group)
        if len(groups) > 1 and sum(_words(r.text) for r in groups[-1]) < DOC_WORDS[0]:
            last = groups.pop()
            for report in last:  # spread the short remainder over documents it fits in
                fits = [g for g in groups if not self._blocks(g, report)]
                min(fits or groups, key=lambda g: sum(_words(r.text) for r in g)).append(report)
        docs = []
        for group in groups:
            text = "\n\n".join(r.text for r in group)
            sentences, owners = [], []
            offset = 0
            for report in group:
                for s, e in sentence_spans(report.text):
                    sentences.append((offset + s, offset + e))
                    owners.append(report.index)
                offset += len(report.text) + 2
            own = {r.index for r in group}
            blocked = set().union(*(self.conflicts[r] for r in own)) - own
            docs.append(SourceDoc(text, sentences, owners, {r.event for r in group}, own, blocked))
        return docs

    def _blocks(self, group: list[Report], report: Report) -> bool:
        return any(r.index in self.conflicts[report.index] for r in group)

    def compatible(self, susp: SuspDoc, source: int) -> bool:
        """Whether a suspicious document may be listed with a source document: nothing it
        holds, other than text taken from that source, shares a long run with it."""
        doc = self.sources[source]
        return not (susp.content - doc.reports) & doc.blocked

    # -- cases ---------------------------------------------------------------------------

    def _label(self) -> str:
        if self.rng.random() < VERBATIM_SHARE:
            return "none"
        draw = self.rng.random()
        if draw < self.heavy:
            return "shuffled-heavy"
        return "random" if draw < self.heavy + self.random_share else "reordered"

    def _length(self) -> int:
        low, high = self.rng.choice(CASE_LENGTHS)
        return self.rng.randint(low, high)

    def _runs(self, doc: SourceDoc, two: bool) -> list[tuple[int, int]]:
        """Sentence runs (first, count) of ``doc``: one, or two far enough apart."""
        n = len(doc.sentences)
        if two:
            for _ in range(20):
                k1, k2 = self._length(), self._length()
                room = n - k1 - k2
                if room >= MIN_SOURCE_GAP:
                    gap = self.rng.randint(MIN_SOURCE_GAP, room)
                    first = self.rng.randint(0, room - gap)
                    return [(first, k1), (first + k1 + gap, k2)]
        k = min(self._length(), n)
        return [(self.rng.randint(0, n - k), k)]

    def _sentences(
        self, label: str, doc: SourceDoc, first: int, k: int, content: set[int]
    ) -> list[str]:
        """The obfuscated sentences of a run (for ``none``, the run's exact text); the
        reports its foreign sentences come from are added to ``content``."""
        spans = doc.sentences[first : first + k]
        if label == "none":
            return [doc.text[spans[0][0] : spans[-1][1]]]
        own = [doc.text[s:e] for s, e in spans]
        if label == "reordered":
            order = _permuted(k, self.rng.random() < 0.5, self.rng)
            edits = _light_edits(self.rng)
            return [_edit_sentence(own[i], edits, self.vocab, self.rng) for i in order]
        if label == "random":  # PAN's random obfuscation: in order, every sentence reworded
            edits = _drawn_edits(self.rng, RANDOM_REPLACE, RANDOM_OTHER)
            return [_edit_sentence(t, edits, self.vocab, self.rng) for t in own]
        drop = min(k - 2, round(k * self.rng.uniform(0.10, 0.25)))
        kept = sorted(self.rng.sample(range(k), k - max(drop, 0)))
        foreign = [
            (r, text)
            for r, text in self.foreign
            if r.event not in doc.events and r.index not in doc.blocked
        ]
        extra = self.rng.sample(foreign, round(k * self.rng.uniform(0.10, 0.25)))
        content |= {r.index for r, _ in extra}
        items: list[tuple[int, str]] = [(i, own[i]) for i in kept] + [(-1, t) for _, t in extra]
        while True:
            self.rng.shuffle(items)
            seen = [i for i, _ in items if i >= 0]
            if seen != sorted(seen):
                break
        edits = _drawn_edits(self.rng, HEAVY_REPLACE, HEAVY_OTHER)
        return [_edit_sentence(t, edits, self.vocab, self.rng) for _, t in items]

    # -- suspicious documents --------------------------------------------------------------

    def _host(self, words: int, include: list[Report], source: int) -> list[Report]:
        """``include`` and other suspicious-side reports up to about ``words`` words, shuffled,
        none sharing a long run with the source document ``source``."""
        host = list(dict.fromkeys(include))
        blocked = self.sources[source].blocked
        others = [r for r in self.susp_reports if r not in host and r.index not in blocked]
        self.rng.shuffle(others)
        while others and sum(_words(r.text) for r in host) < words:
            host.append(others.pop())
        self.rng.shuffle(host)
        return host

    def _same_event_report(self, events: list[str], source: int) -> Report | None:
        """A suspicious-side report of one of ``events`` that may be listed with ``source``."""
        blocked = self.sources[source].blocked
        fits = [r for e in events for r in self.susp_side[e] if r.index not in blocked]
        return self.rng.choice(fits) if fits else None

    def case_document(self, source: int) -> SuspDoc:
        doc = self.sources[source]
        two = self.rng.random() < TWO_CASE_SHARE
        label = self._label()
        runs = self._runs(doc, two)
        cases, texts = [], []
        content = {doc.sentence_report[i] for f, k in runs for i in range(f, f + k)}
        run_events = sorted({self.reports[r].event for r in content})
        for first, k in runs:
            start, end = doc.sentences[first][0], doc.sentences[first + k - 1][1]
            cases.append(Case(label, source, start, end))
            texts.append(self._sentences(label, doc, first, k, content))
        trap: list[Report] = []
        if self.rng.random() < SAME_EVENT_SHARE:
            trap.append(self._same_event_report(run_events, source))
        other_events = sorted(doc.events - set(run_events))
        if other_events and self.rng.random() < SAME_SOURCE_SHARE:
            trap.append(self._same_event_report(other_events, source))
        trap = [r for r in trap if r is not None]
        case_words = sum(_words(" ".join(t)) for t in texts)
        target = max(self.rng.randint(*DOC_WORDS) - case_words, 350)
        host = self._host(target, trap, source)
        paragraphs, owner = [], []
        for n, report in enumerate(host):
            for para in report.text.split("\n\n"):
                paragraphs.append(para)
                owner.append(n)
        blocks: list[list[tuple[str, Case | None]]] = [[(p, None)] for p in paragraphs]
        if len(cases) == 1:
            case = cases[0]
            beside = trap[:1] if trap and trap[0].event in run_events else []
            if self.rng.random() < INLINE_SHARE:
                self._inline(blocks, case, _joined(texts[0], None))
            else:
                case.text = texts[0][0] if label == "none" else _joined(texts[0], self.rng)
                if beside and self.rng.random() < 0.5:
                    paras = [i for i, o in enumerate(owner) if host[o] is beside[0]]
                    slot = paras[0] if self.rng.random() < 0.5 else paras[-1] + 1
                else:
                    slot = self.rng.randint(0, len(paragraphs))
                blocks.insert(slot, [(case.text, case)])
        else:
            for case, sentences in zip(cases, texts, strict=True):
                case.text = sentences[0] if label == "none" else _joined(sentences, self.rng)
            slots = self._separated_slots(paragraphs)
            placed = cases if self.rng.random() < 0.5 else cases[::-1]
            # insert the later slot first so that the earlier one keeps its index
            blocks.insert(slots[1], [(placed[1].text, placed[1])])
            blocks.insert(slots[0], [(placed[0].text, placed[0])])
        susp = _assemble(blocks)
        susp.source = source
        susp.host_events = {r.event for r in host}
        susp.content = content | {r.index for r in host}
        return susp

    def _inline(self, blocks: list[list[tuple[str, Case | None]]], case: Case, text: str) -> None:
        """Put ``text`` inline after an inner sentence of a host paragraph (or as a block
        when no paragraph has two sentences)."""
        case.text = text
        choices = []
        for b, block in enumerate(blocks):
            para = block[0][0]
            spans = sentence_spans(para)
            choices += [(b, para, spans[j][1]) for j in range(len(spans) - 1)]
        if not choices:
            blocks.insert(self.rng.randint(0, len(blocks)), [(text, case)])
            return
        b, para, cut = self.rng.choice(choices)
        blocks[b] = [(para[:cut], None), (text, case), (para[cut:].lstrip(), None)]

    def _separated_slots(self, paragraphs: list[str]) -> tuple[int, int]:
        """Two insertion slots (before paragraph i, 0..len) with host paragraphs between."""
        n = len(paragraphs)
        choice = self.rng.choice(SEPARATIONS)
        if choice == "far":
            a, b = self.rng.randint(0, min(1, n - 1)), n - self.rng.randint(0, min(1, n - 1))
        else:
            gap = min(int(choice), n)
            a = self.rng.randint(0, n - gap)
            b = a + gap
        # widen until the text between them is long enough
        while sum(_words(p) for p in paragraphs[a:b]) < MIN_SEPARATION_WORDS and b - a < n:
            if b < n:
                b += 1
            else:
                a -= 1
        return a, b

    def plain_document(self, source: int, trap: bool) -> SuspDoc:
        """A suspicious document without cases; with ``trap``, reporting events of ``source``."""
        include = []
        if trap:
            events = sorted(self.sources[source].events)
            for event in self.rng.sample(events, min(len(events), self.rng.randint(1, 3))):
                report = self._same_event_report([event], source)
                if report is not None:
                    include.append(report)
        host = self._host(self.rng.randint(*DOC_WORDS), include, source)
        susp = _assemble([[(p, None)] for r in host for p in r.text.split("\n\n")])
        susp.host_events = {r.event for r in host}
        susp.content = {r.index for r in host}
        return susp


def _assemble(blocks: list[list[tuple[str, Case | None]]]) -> SuspDoc:
    """The document text of paragraph blocks (each a run of inline segments), and its cases'
    offsets."""
    text, cases = "", []
    for b, block in enumerate(blocks):
        if b:
            text += "\n\n"
        for s, (segment, case) in enumerate(block):
            if s:
                text += " "
            if case is not None:
                case.susp_start = len(text)
                cases.append(case)
            text += segment
    return SuspDoc(text, cases)


def build(
    pairs: int = 150, seed: int = 15, heavy: float = 0.4, random_share: float = 0.3
) -> Corpus:
    """The corpus: ``pairs`` pairs with cases and as many without."""
    builder = _Builder(load_reports(), seed, heavy, random_share)
    rng = builder.rng
    sources = builder.sources
    cycle: list[int] = []
    with_cases: list[SuspDoc] = []
    for _ in range(pairs):
        if not cycle:
            cycle = list(range(len(sources)))
            rng.shuffle(cycle)
        with_cases.append(builder.case_document(cycle.pop()))
    plain: list[SuspDoc] = []
    negatives: list[tuple[SuspDoc, int]] = []
    reusable = list(range(len(with_cases)))
    rng.shuffle(reusable)
    while reusable and len(negatives) < pairs // 2:
        doc = with_cases[reusable.pop()]
        others = [s for s in range(len(sources)) if s != doc.source and builder.compatible(doc, s)]
        if not others:
            continue
        sharing = [s for s in others if sources[s].events & doc.host_events]
        pool = sharing if sharing and rng.random() < NEGATIVE_TRAP_SHARE else others
        negatives.append((doc, rng.choice(pool)))
    while len(negatives) < pairs:
        source = rng.randrange(len(sources))
        doc = builder.plain_document(source, rng.random() < NEGATIVE_TRAP_SHARE)
        plain.append(doc)
        negatives.append((doc, source))
    documents = with_cases + plain
    order = list(range(len(documents)))
    rng.shuffle(order)
    number = {id(documents[i]): k for k, i in enumerate(order)}
    listed = {(number[id(d)], d.source) for d in with_cases}
    listed |= {(number[id(d)], s) for d, s in negatives}
    corpus = Corpus(sources, [documents[i] for i in order], sorted(listed))
    _check(corpus)
    return corpus


def _check(corpus: Corpus) -> None:
    """The gold is what the texts hold (an internal invariant, cheap to verify)."""
    for doc in corpus.suspicious:
        for case in doc.cases:
            if doc.text[case.susp_start : case.susp_start + len(case.text)] != case.text:
                raise AssertionError("a planted case is not where its gold says")
            source = corpus.sources[case.source]
            starts = {s for s, _ in source.sentences}
            ends = {e for _, e in source.sentences}
            if case.src_start not in starts or case.src_end not in ends:
                raise AssertionError("a gold source span does not lie on sentence boundaries")


# -- writing ---------------------------------------------------------------------------------


def source_name(index: int) -> str:
    return f"source-document{index + 1:05d}.txt"


def suspicious_name(index: int) -> str:
    return f"suspicious-document{index + 1:05d}.txt"


def _annotation(susp: int, cases: list[Case]) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>']
    lines.append(f"<document reference={quoteattr(suspicious_name(susp))}>")
    for case in sorted(cases, key=lambda c: c.susp_start):
        lines.append(
            f'<feature name="plagiarism" obfuscation={quoteattr(case.label)} '
            f'this_offset="{case.susp_start}" this_length="{len(case.text)}" '
            f"source_reference={quoteattr(source_name(case.source))} "
            f'source_offset="{case.src_start}" source_length="{case.src_end - case.src_start}"/>'
        )
    lines.append("</document>")
    return "\n".join(lines) + "\n"


def _write_files(corpus: Corpus, root: Path) -> None:
    for folder in ("src", "susp", NEGATIVE_FOLDER, *LABEL_FOLDERS.values()):
        (root / folder).mkdir()
    for n, doc in enumerate(corpus.sources):
        (root / "src" / source_name(n)).write_text(doc.text, encoding="utf-8")
    for n, doc in enumerate(corpus.suspicious):
        (root / "susp" / suspicious_name(n)).write_text(doc.text, encoding="utf-8")
    lines = []
    for susp, source in corpus.pairs:
        lines.append(f"{suspicious_name(susp)} {source_name(source)}\n")
        cases = [c for c in corpus.suspicious[susp].cases if c.source == source]
        folder = LABEL_FOLDERS[cases[0].label] if cases else NEGATIVE_FOLDER
        stem = f"{suspicious_name(susp)[:-4]}-{source_name(source)[:-4]}.xml"
        (root / folder / stem).write_text(_annotation(susp, cases), encoding="utf-8")
    (root / "pairs").write_text("".join(lines), encoding="utf-8")


def write(corpus: Corpus, out: Path) -> None:
    """Write the corpus folder at ``out`` whole: built under a temporary name beside it and
    renamed into place. An existing ``out`` must be an empty folder."""
    with atomic_folder(out) as tmp:
        _write_files(corpus, tmp)


def summary(corpus: Corpus) -> str:
    """One line: documents, pairs, cases by obfuscation."""
    counts = corpus.case_count()
    per_pair = [
        sum(c.source == source for c in corpus.suspicious[susp].cases)
        for susp, source in corpus.pairs
    ]
    cased = sum(n > 0 for n in per_pair)
    kinds = ", ".join(f"{label} {counts[label]}" for label in LABEL_FOLDERS)
    return (
        f"{len(corpus.sources) + len(corpus.suspicious)} documents "
        f"({len(corpus.sources)} source, {len(corpus.suspicious)} suspicious), "
        f"{len(corpus.pairs)} pairs ({cased} with cases, {per_pair.count(2)} of them with two; "
        f"{len(corpus.pairs) - cased} without), {sum(counts.values())} cases: {kinds}"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--out", required=True, type=Path, help="new (or empty) folder to write")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--pairs", type=int, default=150, help="pairs with cases (default 150)")
    ap.add_argument(
        "--heavy",
        type=float,
        default=0.4,
        help="share of the obfuscated pairs that are shuffled-heavy, 0-1 (default 0.4)",
    )
    ap.add_argument(
        "--random",
        type=float,
        default=0.3,
        help="share of the obfuscated pairs with random obfuscation, 0-1 (default 0.3); the "
        "rest are reordered",
    )
    args = ap.parse_args(argv)
    if args.pairs < 1:
        ap.error("--pairs must be at least 1")
    if not (0.0 <= args.heavy <= 1.0 and 0.0 <= args.random <= 1.0):
        ap.error("--heavy and --random must lie between 0 and 1")
    if args.heavy + args.random > 1.0:
        ap.error("--heavy and --random must add up to at most 1")
    try:
        corpus = build(args.pairs, args.seed, args.heavy, args.random)
        write(corpus, args.out)
    except EchoscopeError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    print(f"{summary(corpus)} -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
