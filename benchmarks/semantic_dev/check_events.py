"""Checks a hand-written events file of the semantic development set (see build.py).

Usage: python benchmarks/semantic_dev/check_events.py FILE.json [...]
Prints one line per problem and exits 1 when there is any.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_WORD = re.compile(r"\w+")
_URDU = re.compile(r"[\u0600-\u06ff]")


def _longest_shared_run(a: str, b: str) -> int:
    """Words in the longest run two texts share (case-folded)."""
    wa = [w.casefold() for w in _WORD.findall(a)]
    wb = [w.casefold() for w in _WORD.findall(b)]
    best = 0
    prev = [0] * (len(wb) + 1)
    for x in wa:
        cur = [0] * (len(wb) + 1)
        for k, y in enumerate(wb, 1):
            if x == y:
                cur[k] = prev[k - 1] + 1
                best = max(best, cur[k])
        prev = cur
    return best


def problems(path: Path) -> list[str]:
    out: list[str] = []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"{path}: cannot read: {e}"]
    events = data.get("events", [])
    if len(events) < 15:
        out.append(f"{path}: {len(events)} events, want 15")
    ids = set()
    for n, ev in enumerate(events):
        where = f"{path}: event {ev.get('id', n)}"
        if ev.get("id") in ids:
            out.append(f"{where}: duplicate id")
        ids.add(ev.get("id"))
        reports = ev.get("reports", [])
        langs = [r.get("lang") for r in reports]
        if langs != ["en", "en", "en", "en", "ur"]:
            out.append(f"{where}: report languages {langs}, want 4 en then 1 ur")
            continue
        for k, r in enumerate(reports):
            words = len(_WORD.findall(r.get("text", "")))
            low, high = (90, 170) if r["lang"] == "ur" else (110, 210)
            if not low <= words <= high:
                out.append(f"{where}: report {k} has {words} words, want {low}-{high}")
            if (r["lang"] == "ur") != bool(_URDU.search(r.get("text", ""))):
                out.append(f"{where}: report {k} script does not match lang {r['lang']}")
        for a in range(4):
            for b in range(a + 1, 4):
                run = _longest_shared_run(reports[a]["text"], reports[b]["text"])
                if run > 12:
                    out.append(f"{where}: reports {a} and {b} share a run of {run} words")
        for key, lang in (("paraphrase", "en"), ("to_urdu", "ur"), ("to_english", "en")):
            item = ev.get(key)
            if not isinstance(item, dict):
                out.append(f"{where}: {key} missing")
                continue
            k = item.get("report")
            if not isinstance(k, int) or not 0 <= k < 5:
                out.append(f"{where}: {key}.report {k!r} is not a report index")
                continue
            if (key == "to_english") != (k == 4):
                out.append(f"{where}: {key}.report {k} has the wrong language")
            src, text = item.get("source", ""), item.get("text", "")
            if not src or src not in reports[k]["text"]:
                out.append(f"{where}: {key}.source is not an exact substring of report {k}")
            if (lang == "ur") != bool(_URDU.search(text)):
                out.append(f"{where}: {key}.text is not in {'Urdu' if lang == 'ur' else 'English'}")
            if key == "paraphrase":
                run = _longest_shared_run(src, text)
                if run > 4:
                    out.append(f"{where}: paraphrase shares a run of {run} words with its source")
    return out


def main(argv: list[str]) -> int:
    found = [p for arg in argv for p in problems(Path(arg))]
    for line in found:
        print(line)
    if not found:
        print("ok")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
