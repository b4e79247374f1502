"""Scores the targets stage (who accuses whom of what) against the demo corpus's gold.

    python benchmarks/targets_demo.py --pred targets.jsonl --gold demo/targets-gold.jsonl \\
        [--split test|tune|all] [--responses responses.jsonl] [--show 10] [--json]

``--pred`` is ``echoscope export targets --format jsonl``: one line per accusation with
``doc``, ``start``, ``end`` (the sentence), ``accuser``, ``target`` and ``charge``.
``--gold`` is ``demo/targets-gold.jsonl`` (``demo/make_corpus.py`` writes it; its README
section "Targets and charges" states the rule). A predicted line is matched to the gold lines
of the same document whose sentence it overlaps:

* **triples**: precision and recall of ``(doc, accuser, target)``, names casefolded and white
  space collapsed. A predicted triple is right when one of its lines overlaps a gold
  accusation with the same accuser and target; a line that matches none but overlaps a
  ``vague`` gold sentence counts for nothing either way. The same figures per line are printed
  too, and per language;
* **charges**: the share of matched gold lines whose best-matching predicted charge has a
  word-overlap F1 of at least 0.5 with the gold charge, stop words (English and Urdu) dropped;
* **denials**: predicted lines that overlap a ``denial`` gold sentence and name its denier as
  the accuser (reporting a denial as the denier's accusation);
* **responses** (with ``--responses``, ``echoscope export responses --format jsonl``): precision
  and recall of the ``(doc, answers)`` pairs; and on the planted tit-for-tat alone (gold lines
  with ``"planted": true``): recall of those pairs, and precision of the responses predicted
  for their answering documents (a right one there may be any gold response).

``--split`` keeps the documents of one half (CRC-32 of the id, even: ``tune``, odd: ``test``,
as the generator assigns them; default ``test``). Standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path

CHARGE_F1 = 0.5  # a charge is right from this word-overlap F1 on
SPLITS = ("test", "tune", "all")
# words that carry no charge: articles, pronouns, auxiliaries, prepositions; Urdu postpositions
# and light verbs
_STOP_WORD_TEXT = """
a an the of to in on at by for from with without into over about against as and or but that
this these those it its he she his her him they them their we our us you your i me my is are
was were be been being has have had do does did will would shall should can could may might
must not no so such than then there which who whom whose what when where while very more most
also only just any all each every some
کا کی کے کو سے میں پر نے اور یا کہ جو جس جن یہ وہ ان اس ہے ہیں تھا تھی تھے ہو ہوا ہوئی ہوئے گا
گی گے کر کرنے کرتا کرتی کرتے کیا کیے گئی گیا دیا دی دیے لیا لی رہا رہی رہے بھی ہی تو نہیں
اپنے اپنی اپنا
"""
STOP_WORDS = frozenset(_STOP_WORD_TEXT.split())
_WORD = re.compile(r"\w+")


def split_of(doc_id: str) -> str:
    """The half a document belongs to: the generator's rule (CRC-32 of the id, even: tune)."""
    return "tune" if zlib.crc32(doc_id.encode("utf-8")) % 2 == 0 else "test"


def name_key(name: object) -> str:
    """Names are compared casefolded with white space collapsed."""
    return " ".join(str(name or "").casefold().split())


def charge_words(text: str) -> Counter[str]:
    return Counter(w for w in _WORD.findall(text.casefold()) if w not in STOP_WORDS)


def charge_f1(gold: str, pred: str) -> float:
    """Word-overlap F1 of two charges after stop words (1.0 when neither has a word)."""
    a, b = charge_words(gold), charge_words(pred)
    if not a and not b:
        return 1.0
    common = sum((a & b).values())
    if not common:
        return 0.0
    precision, recall = common / sum(b.values()), common / sum(a.values())
    return 2 * precision * recall / (precision + recall)


class InputError(Exception):
    """A file that cannot be scored (named with its line)."""


def read_jsonl(path: Path) -> list[dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(f"{path}: cannot read it ({e})") from None
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except ValueError as e:
            raise InputError(f"{path}:{n}: not JSON ({e})") from None
        if not isinstance(rec, dict):
            raise InputError(f"{path}:{n}: not a JSON object")
        rec["_line"] = n
        out.append(rec)
    return out


def _span(rec: dict, start: str, end: str, path: str) -> tuple[int, int]:
    s, e = rec.get(start), rec.get(end)
    if not isinstance(s, int) or not isinstance(e, int) or isinstance(s, bool) or s > e:
        raise InputError(f"{path}:{rec.get('_line')}: {start}/{end} are not offsets")
    return s, e


def _in_split(doc: str, split: str) -> bool:
    return split == "all" or split_of(doc) == split


def _triple(rec: dict) -> tuple[str, str, str]:
    return str(rec.get("doc")), name_key(rec.get("accuser")), name_key(rec.get("target"))


def _ratio(n: int, d: int) -> float | None:
    return n / d if d else None


def score(
    gold: Iterable[dict],
    pred: Iterable[dict],
    split: str = "test",
    responses: Iterable[dict] | None = None,
) -> dict:
    """Every figure the report prints, as a dict (see the module's docstring)."""
    gold = [dict(g) for g in gold if _in_split(str(g.get("doc")), split)]
    accusations = [g for g in gold if g.get("type", "accusation") == "accusation"]
    for g in accusations:
        g["_span"] = _span(g, "sentence_start", "sentence_end", "gold")
    lang = {str(g["doc"]): g.get("lang", "?") for g in accusations}
    scored = [g for g in accusations if not g.get("denial") and not g.get("vague")]
    is_scored = {id(g) for g in scored}
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in accusations:
        by_doc[str(g["doc"])].append(g)

    kept, ignored, false, denied = [], [], [], []
    matched: dict[int, list[dict]] = defaultdict(list)  # gold line -> its predicted lines
    for p in pred:
        doc = str(p.get("doc"))
        if not _in_split(doc, split):
            continue
        s, e = _span(p, "start", "end", "pred")
        near = [g for g in by_doc.get(doc, []) if g["_span"][0] < e and s < g["_span"][1]]
        hits = [g for g in near if id(g) in is_scored and _triple(g) == _triple(p)]
        for g in hits:
            matched[id(g)].append(p)
        if hits:
            kept.append((p, True))
            continue
        if any(g.get("denial") and name_key(g.get("accuser")) == _triple(p)[1] for g in near):
            denied.append(p)
        if any(g.get("vague") for g in near):
            ignored.append(p)
        else:
            kept.append((p, False))
            false.append(p)

    pred_triples = {_triple(p) for p, _ in kept}
    right = {_triple(p) for p, ok in kept if ok}
    gold_triples = {_triple(g) for g in scored}
    found = {_triple(g) for g in scored if matched.get(id(g))}
    by_lang = {}
    for code in sorted({lang.get(d, "?") for d, _, _ in pred_triples | gold_triples}):
        pt = {t for t in pred_triples if lang.get(t[0], "?") == code}
        gt = {t for t in gold_triples if lang.get(t[0], "?") == code}
        by_lang[code] = {
            "precision": _ratio(len(pt & right), len(pt)),
            "recall": _ratio(len(gt & found), len(gt)),
            "predicted": len(pt),
            "gold": len(gt),
        }
    charges = [
        max(charge_f1(str(g.get("charge", "")), str(p.get("charge", ""))) for p in matched[id(g)])
        for g in scored
        if matched.get(id(g))
    ]
    result = {
        "split": split,
        "documents": len({str(g["doc"]) for g in accusations}),
        "triples": {
            "precision": _ratio(len(right), len(pred_triples)),
            "recall": _ratio(len(found), len(gold_triples)),
            "predicted": len(pred_triples),
            "right": len(right),
            "gold": len(gold_triples),
            "found": len(found),
        },
        "lines": {
            "precision": _ratio(sum(ok for _, ok in kept), len(kept)),
            "recall": _ratio(sum(1 for g in scored if matched.get(id(g))), len(scored)),
            "predicted": len(kept) + len(ignored),
            "ignored": len(ignored),
            "gold": len(scored),
        },
        "by_lang": by_lang,
        "charges": {
            "right": sum(f >= CHARGE_F1 for f in charges),
            "matched": len(charges),
            "share": _ratio(sum(f >= CHARGE_F1 for f in charges), len(charges)),
        },
        "denials": {
            "gold": sum(1 for g in accusations if g.get("denial")),
            "reported_by_denier": len(denied),
            "examples": [_show(p) for p in denied],
        },
        "misses": [_show(g, gold=True) for g in scored if not matched.get(id(g))],
        "false": [_show(p) for p in false],
    }
    if responses is not None:
        want = {
            (str(g.get("doc")), str(g.get("answers"))) for g in gold if g.get("type") == "response"
        }
        got = {
            (str(r.get("doc")), str(r.get("answers")))
            for r in responses
            if _in_split(str(r.get("doc")), split)
        }
        planted = {
            (str(g.get("doc")), str(g.get("answers")))
            for g in gold
            if g.get("type") == "response" and g.get("planted")
        }
        # the planted pair's answering documents: what was predicted for them is judged
        got_planted = {p for p in got if p[0] in {doc for doc, _ in planted}}
        result["responses"] = {
            "precision": _ratio(len(got & want), len(got)),
            "recall": _ratio(len(got & want), len(want)),
            "predicted": len(got),
            "gold": len(want),
            "planted": {
                "precision": _ratio(len(got_planted & want), len(got_planted)),
                "recall": _ratio(len(got & planted), len(planted)),
                "predicted": len(got_planted),
                "gold": len(planted),
            },
        }
    return result


def _show(rec: dict, gold: bool = False) -> str:
    s, e = ("sentence_start", "sentence_end") if gold else ("start", "end")
    return (
        f"{rec.get('doc')}[{rec.get(s)}:{rec.get(e)}] {rec.get('accuser')!s} -> "
        f"{rec.get('target')!s} ({rec.get('charge') or 'no charge'})"
    )


def _figure(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def report(result: dict, show: int = 10) -> str:
    t, ln, c, d = result["triples"], result["lines"], result["charges"], result["denials"]
    out = [
        f"targets, split {result['split']} ({result['documents']} documents with gold lines)",
        f"  triples   precision {_figure(t['precision'])} ({t['right']}/{t['predicted']})   "
        f"recall {_figure(t['recall'])} ({t['found']}/{t['gold']})",
        f"  lines     precision {_figure(ln['precision'])}   recall {_figure(ln['recall'])}   "
        f"({ln['predicted']} predicted, {ln['ignored']} in vague sentences, {ln['gold']} gold)",
    ]
    for code, f in result["by_lang"].items():
        out.append(
            f"  {code:<9} precision {_figure(f['precision'])} ({f['predicted']} predicted)   "
            f"recall {_figure(f['recall'])} ({f['gold']} gold)"
        )
    out.append(f"  charges   right {_figure(c['share'])} ({c['right']}/{c['matched']} matched)")
    out.append(
        f"  denials   {d['reported_by_denier']} predicted lines make a denier the accuser "
        f"({d['gold']} denials in the gold)"
    )
    if "responses" in result:
        r = result["responses"]
        out.append(
            f"  responses precision {_figure(r['precision'])} ({r['predicted']} predicted)   "
            f"recall {_figure(r['recall'])} ({r['gold']} gold)"
        )
        rp = r["planted"]
        out.append(
            f"  planted   precision {_figure(rp['precision'])} ({rp['predicted']} predicted)   "
            f"recall {_figure(rp['recall'])} ({rp['gold']} gold tit-for-tat)"
        )
    for title, items in (
        ("denials reported as accusations", d["examples"]),
        ("missed", result["misses"]),
        ("false", result["false"]),
    ):
        if show and items:
            out.append(f"{title} ({len(items)}, first {min(show, len(items))}):")
            out += [f"  {x}" for x in items[:show]]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--pred", required=True, type=Path, help="exported accusations (JSONL)")
    ap.add_argument("--gold", required=True, type=Path, help="demo/targets-gold.jsonl")
    ap.add_argument("--split", choices=SPLITS, default="test", help="half to score (test)")
    ap.add_argument("--responses", type=Path, help="exported responses (JSONL)")
    ap.add_argument("--show", type=int, default=10, help="misses and errors to list (10)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args(argv)
    try:
        gold = read_jsonl(args.gold)
        pred = read_jsonl(args.pred)
        responses = read_jsonl(args.responses) if args.responses else None
        result = score(gold, pred, args.split, responses)
    except InputError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(
        json.dumps(result, ensure_ascii=False, indent=1) if args.json else report(result, args.show)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
