from __future__ import annotations

from echoscope.targets.responses import link_responses


def test_a_counter_accusation_within_the_window_answers_the_first():
    parties = {"Ali Raza": "AIP", "Sara Malik": "NCP"}
    rows = [
        ("a", "2026-02-01T10:00", "Sara Malik", "Ali Raza"),
        ("b", "2026-02-03T10:00", "AIP", "Sara Malik"),  # his party answers her: tit for tat
        ("c", "2026-02-05", "Sara Malik", "Someone Else"),  # accuses a third: answers nothing
        ("d", "2026-03-30", "Ali Raza", "Sara Malik"),  # outside the window of "a"
    ]
    got = link_responses(rows, lambda name: parties.get(name, ""), window_days=14)
    assert [(r.doc, r.answers, r.accuser, r.target, r.lag_hours) for r in got] == [
        ("b", "a", "AIP", "Sara Malik", 48.0)
    ]
    # with a wider window, "d" answers "a" too (not "b": both accuse the same side)
    wide = link_responses(rows, lambda name: parties.get(name, ""), window_days=365)
    assert {(r.doc, r.answers) for r in wide} == {("b", "a"), ("d", "a")}
    assert link_responses([("x", None, "A", "B"), ("y", "bad date", "B", "A")], str) == []
