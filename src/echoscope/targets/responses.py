"""Which documents answer which: tit for tat.

Document B answers document A when B comes after A, within the window (14 days unless told),
and the two accuse each other's side: one of A's accusations has an accuser on the side of one
of B's targets, and its target is on the side of B's accuser. An entity's side is itself and
the party it is a member of (the entity list's ``member_of``, or a document's ``party``), so a
counter-resolution by a leader's party that targets the movers of the first resolution answers
it. Each B is linked to every A it answers in the window; a document never answers itself.
Dates with a time zone are compared in UTC, dates without one as they are.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from datetime import UTC, datetime, timedelta

from echoscope.model import Response

RESPONSE_WINDOW_DAYS = 14.0


def _when(date: str | None) -> datetime | None:
    if not date:
        return None
    try:
        when = datetime.fromisoformat(date.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when.astimezone(UTC).replace(tzinfo=None) if when.tzinfo else when


def link_responses(
    rows: Sequence[tuple[str, str | None, str, str]],
    party_of: Callable[[str], str],
    window_days: float = RESPONSE_WINDOW_DAYS,
) -> list[Response]:
    """Responses among accusations ``(doc, date, accuser, target)`` (see the module's
    docstring), in the order of the accusations answered."""
    dated = [(w, doc, acc, tgt) for doc, date, acc, tgt in rows if (w := _when(date)) is not None]
    dated.sort(key=lambda r: (r[0], r[1]))
    window = timedelta(days=window_days)

    def side(name: str) -> set[str]:
        party = party_of(name)
        return {name, party} if party else {name}

    # the later accusations by (a side of their target, a side of their accuser), by time:
    # each one looked up already answers on both counts, so the work is the links found
    by_sides: dict[tuple[str, str], list[tuple[datetime, str, str, str]]] = {}
    for row in dated:
        for target_key in side(row[3]):
            for accuser_key in side(row[2]):
                by_sides.setdefault((target_key, accuser_key), []).append(row)
    found: dict[tuple[str, str], Response] = {}
    for when_a, doc_a, accuser_a, target_a in dated:
        for accuser_key in side(accuser_a):
            for target_key in side(target_a):
                later = by_sides.get((accuser_key, target_key))
                if not later:
                    continue
                lo = bisect.bisect_right(later, when_a, key=lambda r: r[0])
                hi = bisect.bisect_right(later, when_a + window, key=lambda r: r[0])
                for when_b, doc_b, accuser_b, target_b in later[lo:hi]:
                    if doc_b == doc_a or (doc_b, doc_a) in found:
                        continue
                    lag = (when_b - when_a).total_seconds() / 3600
                    found[(doc_b, doc_a)] = Response(doc_b, doc_a, accuser_b, target_b, lag)
    return list(found.values())
