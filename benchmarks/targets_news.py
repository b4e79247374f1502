"""Score the accusation extractor on the news development set: who accuses whom, of what.

    .venv/bin/python benchmarks/targets_news.py                       # tune, test; en, ur; all
    .venv/bin/python benchmarks/targets_news.py --split tune --lang ur --show-errors
    .venv/bin/python benchmarks/targets_news.py --split test --json      # figures for a script
    .venv/bin/python benchmarks/targets_news.py --by-form                # recall per phenomenon

The set (``benchmarks/data/targets_news_dev.jsonl``, 190 English and 110 Urdu items, our own
writing) is news paragraphs in the style of South Asian dailies. Each line holds ``id``,
``lang``, ``split`` (``tune`` or ``test``, balanced by form and language), ``outlet``, ``text``,
``accusations`` (``accuser``, ``target``, ``charge``), ``denials`` (``speaker``, ``target``: a
denial the extractor must not report as an accusation by the speaker; ``target`` may be
empty), ``forms`` (the phenomena the item shows: ``accused_of``, ``passive``, ``pronoun``,
``denial``, ``court``...) and, where the annotation takes a decision, ``note``.
Annotation rules: the accuser and the target are the fullest name the paragraph gives the
entity (the title phrase as written when it has no name); a quoted accusation is the quoted
person's, never the outlet's; a court (indicting, convicting, observing) is never an accuser,
while a prosecuting agency, the police registering a case and a petitioner are; an accusation
named inside a denial ("rejected the charges levelled by the AIP") is the original accuser's.

Each item becomes one ``Document`` (``id``, ``text``, ``lang``, ``outlet``, no speaker) given to
``echoscope.targets.extract.accusations_in``. Per item, the predicted (accuser, target) pairs
(distinct after normalising the names) are matched one to one with the gold pairs; precision
and recall are summed over the items. Two names match when, casefolded, without punctuation,
a leading article, leading titles ("Mr", "Dr", "chairman", "prime minister", "وزیر"...) and a
trailing "leadership"/"leaders", they are equal, or one is a contiguous run of the other's
words that ends with the other's last word or is what comes before its "of" ("Election
Commission" of "Election Commission of Pakistan"), and has at least two words unless it is the
gold name: "Imran Khan" matches "PTI chairman Imran Khan", a predicted "Khan" does not match
"Imran Khan". A name with an acronym in brackets, "Awami Inqilab Party (AIP)", also goes by
either part, and "X alias Y" by X. A matched pair's charge is right when the word-overlap F1
(stop words left out) of some predicted charge with some gold charge is at least 0.5; pairs
whose gold charge is empty are left out of that share. A denial is reported when a predicted
pair that matches no gold pair has the denial's speaker as its accuser.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

DATA = Path(__file__).resolve().parent / "data" / "targets_news_dev.jsonl"
SPLITS = ("tune", "test")
LANGS = ("en", "ur")
CHARGE_F1 = 0.5  # the word-overlap F1 at which a charge counts as right

_ARTICLES = {"the", "a", "an"}
_TITLES_RAW = (
    # English honorifics, offices and ranks
    "mr mrs ms miss dr prof professor sir hazrat maulana mufti begum barrister advocate "
    "chairman chairperson chairwoman president vice prime minister chief senator mna mpa mp "
    "mla leader leaders spokesman spokesperson secretary general former ex deputy lt gen retd col "
    "maj brig justice union federal "
    # Urdu ones
    "جناب محترم محترمہ ڈاکٹر بیگم مولانا مفتی بیرسٹر چیئرمین چیئرپرسن صدر وزیر اعظم اعلیٰ "
    "سابق رہنما ترجمان سینیٹر سربراہ قائد نائب مرکزی وفاقی"
)
_TRAILING_RAW = "leadership leaders sahib sahiba قیادت رہنماؤں صاحب صاحبہ"
_LINKS = {"of", "the"}  # inside a run of titles: "Leaders of the AIP"
_GENITIVE = {"کا", "کی", "کے"}  # left at the end once a trailing word goes: "اے آئی پی کے رہنماؤں"
_STOP_RAW = (
    "the a an of to in on for and or with by from at as its his her their him them he she it "
    "they that this was were is are be been being has have had having who which not "
    "کا کی کے میں سے کو پر نے اور ہے ہیں تھا تھی تھے کہ یہ وہ بھی کر کیا کیے گئی گیا ایک "
    "اپنے اپنی اپنا ان اس جو"
)
_ARABIC_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ۀ": "ہ", "ة": "ہ"})
_DROPPED = {"\u0640", "\u200c", "\u200d", "\u200b", "\u00ad"}  # tatweel, zero-width marks
_POSSESSIVE = re.compile(r"(\w)['’]s\b")
_WORD = re.compile(r"\w+")
_BRACKETED = re.compile(r"\(([^()]*)\)")


def normal_words(text: str) -> list[str]:
    """Matching words of a text: NFKD, marks and zero-width characters dropped, casefolded,
    Arabic letter forms folded to Urdu ones, possessive 's dropped, digits as ASCII."""
    text = _POSSESSIVE.sub(r"\1", text)
    chars = []
    for ch in unicodedata.normalize("NFKD", text):
        if ch in _DROPPED or unicodedata.category(ch) == "Mn":
            continue
        if ch.isdigit() and not ch.isascii():
            ch = str(unicodedata.digit(ch, 0))
        chars.append(ch)
    return _WORD.findall("".join(chars).casefold().translate(_ARABIC_FOLD))


def _word_set(raw: str) -> frozenset[str]:
    return frozenset(w for part in raw.split() for w in normal_words(part))


_TITLES = _word_set(_TITLES_RAW)
_TRAILING = _word_set(_TRAILING_RAW)
_STOP = _word_set(_STOP_RAW)


def name_forms(name: str | None) -> list[tuple[str, ...]]:
    """The word sequences a name goes by: without its bracketed part, and for "Long Name
    (ACR)" the acronym too; each without a leading article, leading titles and a trailing
    collective word, where enough of the name is left."""
    if not name:
        return []
    variants = [_BRACKETED.sub(" ", name)]
    tail = re.fullmatch(r"\s*(.*\S)\s*\(([^()]*)\)\s*", name)
    if tail and len(normal_words(tail[1])) >= 2 and len("".join(normal_words(tail[2]))) >= 2:
        variants.append(tail[2])
    # "Muhammad Akram alias Kaka" also goes by "Muhammad Akram" (English and Urdu "عرف")
    alias = re.fullmatch(r"\s*(.*\S)\s+(?:alias|urf|عرف)\s+(\S.*)", variants[0], re.IGNORECASE)
    if alias:
        variants.append(alias[1])
    forms = []
    for variant in variants:
        words = normal_words(variant)
        if words and words[0] in _ARTICLES:
            words = words[1:]
        # titles go only where at least two words of name are left, so "Mr Khan" stays a
        # surname and "the prime minister" stays a title phrase; "Leaders of the AIP" is the AIP
        lead = 0
        while lead < len(words) and (words[lead] in _TITLES or (lead and words[lead] in _LINKS)):
            lead += 1
        if words and tuple(words) not in forms:
            forms.append(tuple(words))  # as written too: titles are stripped on one side only
        if len(words) - lead >= 2 or (lead and words[lead - 1] in _LINKS and lead < len(words)):
            words = words[lead:]
        if len(words) >= 2 and words[-1] in _TRAILING:
            words = words[:-1]
            while len(words) >= 2 and words[-1] in _GENITIVE:
                words = words[:-1]
        if words and tuple(words) not in forms:
            forms.append(tuple(words))
    return forms


def _covers(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    """``shorter`` is a contiguous run of ``longer`` that ends with its last word and starts
    before any "of" in it (the head of "the Speaker of the Punjab Assembly" is the Speaker),
    or is what comes before its first "of" ("Election Commission" of "Pakistan")."""
    start = len(longer) - len(shorter)
    if start < 0:
        return False
    if longer[start:] == shorter and ("of" not in longer[:start] or start == 0):
        return True
    return "of" in longer and longer[: longer.index("of")] == shorter


def names_match(predicted: str | None, gold: str | None) -> bool:
    """Whether a predicted name names the gold entity (rules in the module docstring)."""
    for p in name_forms(predicted):
        for g in name_forms(gold):
            if p == g:
                return True
            if len(p) < len(g) and len(p) >= 2 and _covers(g, p):
                return True
            if len(g) < len(p) and _covers(p, g):
                return True  # the gold name may be one word: then that is all the text gives
    return False


def _charge_words(text: str | None) -> list[str]:
    words = [w for w in normal_words(text or "") if w not in _STOP]
    # plural and singular count as one word
    return [w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words]


def charge_f1(predicted: str | None, gold: str | None) -> float:
    """Word-overlap F1 of two charges, stop words left out (0.0 when either has no words)."""
    p, g = _charge_words(predicted), _charge_words(gold)
    if not p or not g:
        return 0.0
    left = list(g)
    common = 0
    for w in p:
        if w in left:
            left.remove(w)
            common += 1
    return 2 * common / (len(p) + len(g))


class Prediction(Protocol):
    """What the scorer reads of an extractor's answer (``echoscope.model.Accusation``)."""

    accuser: str | None
    target: str | None
    charge: str | None


@dataclass(slots=True)
class Pair:
    """One (accuser, target) pair of an item with every charge given for it."""

    accuser: str
    target: str
    charges: list[str] = field(default_factory=list)

    def label(self) -> str:
        charge = "; ".join(c for c in self.charges if c)
        return f"{self.accuser} -> {self.target}" + (f" [{charge}]" if charge else "")


def _pairs(rows: Iterable[tuple[str | None, str | None, str | None]]) -> list[Pair]:
    """Distinct pairs (by their normalised names), charges gathered."""
    out: dict[tuple, Pair] = {}
    for accuser, target, charge in rows:
        key = (tuple(normal_words(accuser or "")), tuple(normal_words(target or "")))
        pair = out.setdefault(key, Pair(accuser or "", target or ""))
        pair.charges.append(charge or "")
    return list(out.values())


def _pair_match(p: Pair, g: Pair) -> bool:
    return names_match(p.accuser, g.accuser) and names_match(p.target, g.target)


def _one_to_one(pred: list[Pair], gold: list[Pair]) -> dict[int, int]:
    """A maximum matching of predicted to gold pairs (augmenting paths; items are small)."""
    edges = [[j for j, g in enumerate(gold) if _pair_match(p, g)] for p in pred]
    owner: dict[int, int] = {}  # gold index -> predicted index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j not in seen:
                seen.add(j)
                if j not in owner or augment(owner[j], seen):
                    owner[j] = i
                    return True
        return False

    for i in range(len(pred)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


@dataclass(slots=True)
class ItemScore:
    """How the extractor did on one item."""

    item: dict[str, Any]
    tp: int = 0
    fp: list[Pair] = field(default_factory=list)
    fn: list[Pair] = field(default_factory=list)
    charge_gold: int = 0  # matched pairs with a gold charge
    charge_right: int = 0
    charge_wrong: list[tuple[Pair, Pair]] = field(default_factory=list)  # (predicted, gold)
    denials: int = 0
    denials_reported: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def predicted(self) -> int:
        return self.tp + len(self.fp)

    @property
    def gold(self) -> int:
        return self.tp + len(self.fn)


def score_item(item: dict[str, Any], predictions: Sequence[Prediction]) -> ItemScore:
    """Match one item's predictions with its gold accusations and denials."""
    gold = _pairs((a["accuser"], a["target"], a.get("charge", "")) for a in item["accusations"])
    pred = _pairs((p.accuser, p.target, p.charge) for p in predictions)
    matched = _one_to_one(pred, gold)
    result = ItemScore(item, tp=len(matched), denials=len(item.get("denials", [])))
    result.fp = [p for i, p in enumerate(pred) if i not in matched]
    taken = set(matched.values())
    result.fn = [g for j, g in enumerate(gold) if j not in taken]
    for i, j in matched.items():
        p, g = pred[i], gold[j]
        if not any(c for c in g.charges):
            continue
        result.charge_gold += 1
        best = max(charge_f1(pc, gc) for pc in p.charges for gc in g.charges)
        if best >= CHARGE_F1:
            result.charge_right += 1
        else:
            result.charge_wrong.append((p, g))
    for denial in item.get("denials", []):
        if any(names_match(p.accuser, denial["speaker"]) for p in result.fp):
            result.denials_reported.append(denial["speaker"])
    return result


def _ratio(num: int, den: int) -> float | None:
    return round(num / den, 4) if den else None


def summarise(scores: Sequence[ItemScore]) -> dict[str, Any]:
    """Summed counts and rates over some items."""
    tp = sum(s.tp for s in scores)
    predicted = sum(s.predicted for s in scores)
    gold = sum(s.gold for s in scores)
    precision, recall = _ratio(tp, predicted), _ratio(tp, gold)
    if precision is None or recall is None:
        f1 = None
    else:
        f1 = round(2 * precision * recall / (precision + recall), 4) if tp else 0.0
    negatives = [s for s in scores if not s.item["accusations"]]
    return {
        "items": len(scores),
        "gold_pairs": gold,
        "predicted_pairs": predicted,
        "tp": tp,
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "charge_gold": sum(s.charge_gold for s in scores),
        "charge_right": sum(s.charge_right for s in scores),
        "charge_share": _ratio(
            sum(s.charge_right for s in scores), sum(s.charge_gold for s in scores)
        ),
        "denials": sum(s.denials for s in scores),
        "denials_reported": sum(len(s.denials_reported) for s in scores),
        "negative_items": len(negatives),
        "negative_items_with_output": sum(1 for s in negatives if s.predicted),
        "errors": sum(1 for s in scores if s.error),
    }


def document_of(item: dict[str, Any]) -> Any:
    """The Document an item becomes: its id, text, language and outlet, no speaker."""
    from echoscope.model import Document

    return Document(id=item["id"], text=item["text"], lang=item["lang"], outlet=item["outlet"])


def load_items(path: Path = DATA) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run(
    items: Sequence[dict[str, Any]], extract: Callable[[Any], Sequence[Prediction]]
) -> list[ItemScore]:
    """Score ``extract`` (a Document to its accusations) on each item; an item whose
    extraction raises counts as predicting nothing, and its error is kept."""
    scores = []
    for item in items:
        try:
            predictions = list(extract(document_of(item)))
        except Exception as exc:  # one broken item must not hide the figures of the others
            result = score_item(item, [])
            result.error = f"{type(exc).__name__}: {exc}"
        else:
            result = score_item(item, predictions)
        scores.append(result)
    return scores


def report(
    scores: Sequence[ItemScore], splits: Sequence[str], langs: Sequence[str]
) -> dict[str, Any]:
    """Figures per split and language (each list ending with "all" when it has several)."""
    split_keys = [*splits, "all"] if len(splits) > 1 else list(splits)
    lang_keys = [*langs, "all"] if len(langs) > 1 else list(langs)
    groups = []
    for split in split_keys:
        for lang in lang_keys:
            chosen = [
                s
                for s in scores
                if split in ("all", s.item["split"]) and lang in ("all", s.item["lang"])
            ]
            groups.append({"split": split, "lang": lang, **summarise(chosen)})
    by_form: dict[str, list[ItemScore]] = defaultdict(list)
    for s in scores:
        for form in s.item.get("forms", []):
            by_form[form].append(s)
    forms = {form: summarise(by_form[form]) for form in sorted(by_form)}
    return {"groups": groups, "forms": forms}


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def print_table(figures: dict[str, Any], by_form: bool) -> None:
    print(
        "split | lang | items | gold | predicted | TP | precision | recall | F1 | "
        "charge right | denials reported | negatives with output"
    )
    for g in figures["groups"]:
        print(
            f"{g['split']} | {g['lang']} | {g['items']} | {g['gold_pairs']} | "
            f"{g['predicted_pairs']} | {g['tp']} | {_fmt(g['precision'])} | "
            f"{_fmt(g['recall'])} | {_fmt(g['f1'])} | "
            f"{g['charge_right']}/{g['charge_gold']} ({_fmt(g['charge_share'])}) | "
            f"{g['denials_reported']}/{g['denials']} | "
            f"{g['negative_items_with_output']}/{g['negative_items']}"
        )
        if g["errors"]:
            print(f"  ({g['errors']} items raised an error)")
    if by_form:
        print("\nform | items | gold | TP | FP | precision | recall")
        for form, f in figures["forms"].items():
            print(
                f"{form} | {f['items']} | {f['gold_pairs']} | {f['tp']} | "
                f"{f['predicted_pairs'] - f['tp']} | {_fmt(f['precision'])} | {_fmt(f['recall'])}"
            )


def print_errors(scores: Sequence[ItemScore]) -> None:
    for s in scores:
        if not (s.fp or s.fn or s.charge_wrong or s.denials_reported or s.error):
            continue
        item = s.item
        print(f"\n{item['id']} ({item['lang']}, {item['split']}, {', '.join(item['forms'])})")
        print(f"  text: {item['text']}")
        if item.get("note"):
            print(f"  note: {item['note']}")
        if s.error:
            print(f"  error: {s.error}")
        for p in s.fp:
            print(f"  FP: {p.label()}")
        for g in s.fn:
            print(f"  FN: {g.label()}")
        for p, g in s.charge_wrong:
            print(f"  charge: predicted {p.charges!r}, gold {g.charges!r}")
        for speaker in s.denials_reported:
            print(f"  denial reported as an accusation by {speaker}")


def main(
    argv: Sequence[str] | None = None,
    extract: Callable[[Any], Sequence[Prediction]] | None = None,
) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    ap.add_argument("--lang", choices=[*LANGS, "all"], default="all")
    ap.add_argument("--data", type=Path, default=DATA, help="a set in the same format")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--show-errors", action="store_true", help="each false positive/negative")
    ap.add_argument("--by-form", action="store_true", help="also the figures per form")
    args = ap.parse_args(argv)
    if extract is None:
        try:
            from echoscope.targets.extract import accusations_in
        except ImportError as exc:
            print(f"the extractor cannot be imported: {exc}", file=sys.stderr)
            return 2
        extract = accusations_in
    splits = SPLITS if args.split == "all" else (args.split,)
    langs = LANGS if args.lang == "all" else (args.lang,)
    items = [i for i in load_items(args.data) if i["split"] in splits and i["lang"] in langs]
    scores = run(items, extract)
    figures = report(scores, splits, langs)
    if args.json:
        print(json.dumps(figures, indent=1, ensure_ascii=False))
    else:
        print_table(figures, args.by_form)
    if args.show_errors:
        print_errors(scores)
    raised = [s for s in scores if s.error]
    if raised:
        # the figures above count them as predicting nothing; a script must not take them
        # for the extractor's
        first = raised[0]
        print(
            f"{len(raised)} items raised an error, first {first.item['id']}: {first.error}",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
