"""Builds the semantic development set from the hand-written events files beside this script.

Each event (``events_*.json``, checked by ``check_events.py``) is reported independently by
five outlets (four in English, one in Urdu): same names, numbers and places, other sentences.
That is the hard case for paraphrase detection: independent reports of one event are not reuse.
Reuse is planted: each event's hand-written paraphrase of two sentences of one report, its
English->Urdu and its Urdu->English translations are each put into a report of another event
(of the same domain, so that the host is on a similar subject), as a paragraph of its own.
Gold pairs are (source sentences, planted text), exact to the character, labelled
``paraphrase`` or ``translation``.

Events are split in two halves by a hash of their id: ``tune`` (where parameters are chosen)
and ``test`` (reported, never tuned on). Each half makes two corpora, with only its own events
as hosts, as the two kinds of reuse are judged: ``paraphrase`` (the English reports, with the
paraphrases planted) and ``translation`` (English news with Urdu texts on other events, with the
translations planted: every other event keeps its four English reports and gives an English
source passage, planted in Urdu; the rest keep their Urdu report and one English report, an
independent report across languages, and give an Urdu source passage, planted in English)::

    python benchmarks/semantic_dev/build.py --out WORKDIR/semdev
    # -> WORKDIR/semdev/{tune,test}-{paraphrase,translation}/corpus.jsonl and gold.jsonl
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import random
import re
import sys
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
HALVES = ("tune", "test")
SETS = {  # corpus -> (the reports' languages, the reuse planted in it)
    "paraphrase": (("en",), ("paraphrase",)),
    "translation": (("en", "ur"), ("to_urdu", "to_english")),
}
_PLANTS = {  # reuse -> (host language, gold label)
    "paraphrase": ("en", "paraphrase"),
    "to_urdu": ("ur", "translation"),
    "to_english": ("en", "translation"),
}
_SENTENCE_END = re.compile(r"(?<=[.!?۔؟])\s+")


def half_of(event_id: str) -> str:
    """The half an event belongs to: a stable hash of its id, so adding events moves none."""
    return HALVES[hashlib.blake2b(event_id.encode(), digest_size=2).digest()[0] % 2]


def load_events(folder: Path = HERE) -> list[dict]:
    events = []
    for path in sorted(folder.glob("events_*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for ev in data["events"]:
            ev["domain"] = data.get("domain", path.stem)
            events.append(ev)
    return events


def _kept(corpus: str, event_number: int, report: int) -> bool:
    """Whether a corpus keeps this report of the half's ``event_number``-th event: the
    translation corpus keeps the four English reports of even events, the Urdu report and the
    first English report of odd ones."""
    if corpus != "translation":
        return True
    return report < 4 if event_number % 2 == 0 else report in (0, 4)


def _insert(text: str, plant: str, rng: random.Random) -> tuple[str, int]:
    """``text`` with ``plant`` inserted as a paragraph of its own at a paragraph boundary (or,
    in a one-paragraph text, after a sentence, not the first); returns the text and the
    plant's start offset."""
    cuts = [m.start() for m in re.finditer(r"\n\n", text)]
    if cuts:
        cut = rng.choice(cuts)
        start = cut + 2
        return text[:cut] + "\n\n" + plant + text[cut:], start
    ends = [m.end() for m in _SENTENCE_END.finditer(text)]
    cut = rng.choice(ends[1:] or ends or [len(text)])
    new = text[:cut].rstrip() + "\n\n" + plant + "\n\n" + text[cut:].lstrip()
    return new, len(text[:cut].rstrip()) + 2


def build(events: list[dict], seed: int = 14) -> dict[str, tuple[list[dict], list[dict]]]:
    """Per corpus (``HALF-SET``): its documents and gold pairs."""
    out = {}
    for half, (name, (languages, planted)) in itertools.product(HALVES, SETS.items()):
        rng = random.Random(f"{seed}-{half}-{name}")
        evs = [e for e in events if half_of(e["id"]) == half]
        docs: dict[str, dict] = {}
        for e in evs:
            day = datetime.fromisoformat(e["date"])
            for k, r in enumerate(e["reports"]):
                if r["lang"] not in languages or not _kept(name, evs.index(e), k):
                    continue
                docs[f"{e['id']}-{k}"] = {
                    "id": f"{e['id']}-{k}",
                    "series": r["outlet"],
                    "outlet": r["outlet"],
                    "date": (day + timedelta(hours=2 * k + 1)).isoformat(timespec="minutes"),
                    "title": e["title"],
                    "lang": r["lang"],
                    "text": r["text"],
                }
        plants: list[tuple[str, dict, str, str]] = []  # (source doc, item, host doc, label)
        used: set[str] = set()
        linked: set[frozenset[str]] = set()
        for e in evs:
            others = [o for o in evs if o is not e and o["domain"] == e["domain"]] or [
                o for o in evs if o is not e
            ]
            for key in planted:
                host_lang, label = _PLANTS[key]
                item = e[key]
                if not _kept(name, evs.index(e), item["report"]):
                    continue
                outlet = e["reports"][item["report"]]["outlet"]
                # a document is never compared with one of its own series (outlet)
                candidates = [
                    f"{o['id']}-{k}"
                    for o in others
                    for k, r in enumerate(o["reports"])
                    if r["lang"] == host_lang
                    and r["outlet"] != outlet
                    and _kept(name, evs.index(o), k)
                ]
                # a fresh host, and no second plant between the same two events: two
                # plants that cross between two documents would make each the other's context
                fresh = (
                    [
                        c
                        for c in candidates
                        if c not in used and frozenset((e["id"], c.rsplit("-", 1)[0])) not in linked
                    ]
                    or [c for c in candidates if c not in used]
                    or candidates
                )
                host = rng.choice(fresh)
                used.add(host)
                linked.add(frozenset((e["id"], host.rsplit("-", 1)[0])))
                plants.append((f"{e['id']}-{item['report']}", item, host, label))
        # plant into each host in turn; later plants in one host shift earlier offsets, so
        # offsets are found at the end by searching the final texts
        for _, item, host, _ in plants:
            docs[host]["text"], _ = _insert(docs[host]["text"], item["text"], rng)
        gold = []
        for src, item, host, label in plants:
            sa = docs[src]["text"].find(item["source"])
            sb = docs[host]["text"].find(item["text"])
            if sa < 0 or sb < 0:
                raise SystemExit(f"{src} -> {host}: a planted or source passage went missing")
            gold.append(
                {
                    "doc_a": src,
                    "start_a": sa,
                    "end_a": sa + len(item["source"]),
                    "doc_b": host,
                    "start_b": sb,
                    "end_b": sb + len(item["text"]),
                    "label": label,
                    "edit": label,
                    "direction": f"{docs[src]['lang']}->{docs[host]['lang']}",
                }
            )
        out[f"{half}-{name}"] = (list(docs.values()), gold)
    return out


def write(out_dir: Path, halves: dict[str, tuple[list[dict], list[dict]]]) -> None:
    for half, (docs, gold) in halves.items():
        folder = out_dir / half
        folder.mkdir(parents=True, exist_ok=True)
        for name, rows in (("corpus.jsonl", docs), ("gold.jsonl", gold)):
            tmp = folder / f".{name}.tmp"
            tmp.write_text(
                "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
            )
            tmp.replace(folder / name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", required=True, type=Path, help="folder for the four corpora")
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args(argv)
    halves = build(load_events())
    write(args.out, halves)
    for half, (docs, gold) in halves.items():
        kinds = {k: sum(g["label"] == k for g in gold) for k in ("paraphrase", "translation")}
        print(f"{half}: {len(docs)} documents, gold {kinds}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
