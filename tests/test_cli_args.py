"""Every numeric option refuses what it cannot use with one usage line, never a traceback:
NaN, infinities, negative or zero counts, numbers too large for SQLite or a compiled kernel."""

from __future__ import annotations

import json
import math

import pytest

from echoscope import api
from echoscope.cli import build_parser, main
from echoscope.points.bursts import BurstParams

HUGE = "1" + "0" * 30  # 10**30: past SQLite's and numpy's 64-bit integers
ENDLESS = "9" * 5000  # past the 4,300 digits int() converts

# (command line, the option named in the message, what the message says)
REFUSED = [
    (["pairs", "--top", HUGE], "--top", "too large"),
    (["pairs", "--top", ENDLESS], "--top", "too large"),
    (["pairs", "--top", "0"], "--top", "too small"),
    (["pairs", "--top=-3"], "--top", "too small"),
    (["pairs", "--top", "2.5"], "--top", "whole number"),
    (["pairs", "--max-chars=-1"], "--max-chars", "too small"),
    (["pairs", "--max-chars", HUGE], "--max-chars", "too large"),
    (["points", "--top", HUGE], "--top", "too large"),
    (["points", "--top", "0"], "--top", "too small"),
    (["actors", "--top", HUGE], "--top", "too large"),
    (["serve", "--port", "99999"], "--port", "too large"),
    (["serve", "--port", "0"], "--port", "too small"),
    (["serve", "--port", "http"], "--port", "whole number"),
    (["serve", "--workers", "0"], "--workers", "too small"),
    (["serve", "--workers", "100000"], "--workers", "too large"),
    (["detect", "--memory", "10"], "--memory", "too small"),
    (["detect", "--memory", "8 gigs"], "--memory", "not a size"),
    (["detect", "--memory", "nan"], "--memory", "not a size"),
    (["detect", "--burst-hours=-5"], "--burst-hours", "more than 0"),
    (["detect", "--burst-hours", "0"], "--burst-hours", "more than 0"),
    (["detect", "--burst-actors", "0"], "--burst-actors", "too small"),
    (["detect", "--burst-actors", "1"], "--burst-actors", "too small"),
    (["detect", "--burst-actors", HUGE], "--burst-actors", "too large"),
    (["detect", "--max-sentences", "101"], "--max-sentences", "too large"),
    (["detect", "--partitions", "0"], "--partitions", "too small"),
]
for option in (
    "--ngram",
    "--max-df",
    "--max-gap",
    "--min-tokens",
    "--min-seeds",
    "--fragment-gap",
    "--max-sentences",
    "--passage-words",
    "--partitions",
):
    REFUSED += [
        (["detect", option, HUGE], option, "too large"),
        (
            ["detect", f"{option}=-{ENDLESS}"],
            option,
            "out of range" if option != "--partitions" else "too small",
        ),
        (["detect", option, "1e3"], option, "whole number"),
    ]
for option in ("--min-identity", "--similarity", "--burst-hours"):
    REFUSED += [
        (["detect", f"{option}={value}"], option, "finite number")
        for value in ("nan", "inf", "-inf", "1e400", "-1e999")
    ] + [(["detect", option, "half"], option, "expected a number")]


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A store of two documents, so that a command gets as far as it would on a real one."""
    folder = tmp_path_factory.mktemp("args")
    corpus = folder / "c.jsonl"
    corpus.write_text(
        "".join(
            json.dumps({"id": f"d{i}", "text": f"words of document {i}"}) + "\n" for i in (1, 2)
        )
    )
    api.ingest(folder / "c.db", [corpus])
    return folder / "c.db"


@pytest.fixture(autouse=True)
def no_server(monkeypatch):
    """A serve that got past its arguments fails at once instead of serving forever."""
    import uvicorn

    def refuse(*args, **kwargs):
        raise AssertionError(f"the server was started with {kwargs}")

    monkeypatch.setattr(uvicorn, "run", refuse)


@pytest.mark.parametrize(("argv", "option", "reason"), REFUSED, ids=lambda v: str(v)[:40])
def test_bad_numbers_are_one_usage_error(db, capsys, argv, option, reason):
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--db", str(db)])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    last = err.splitlines()[-1]
    assert last.startswith(f"echoscope {argv[0]}: error: argument {option}: ")
    assert reason in last and len(last) < 200  # a 5,000-digit number is shortened
    assert "Traceback" not in err


def test_the_values_at_the_edges_are_accepted():
    parse = build_parser().parse_args
    edges = "--burst-actors 2 --burst-hours 0.25 --similarity=-0.2 --max-sentences 100"
    args = parse(["detect", *edges.split(), "--max-df", "1000000000", "--partitions", "1"])
    assert (args.burst_actors, args.burst_hours, args.similarity) == (2, 0.25, -0.2)
    assert (args.max_sentences, args.max_df, args.partitions) == (100, 10**9, 1)
    assert parse(["serve", "--port", "1"]).port == 1
    assert parse(["serve", "--port", "65535", "--workers", "4"]).port == 65535
    args = parse(["pairs", "--top", "1_000", "--max-chars", "0"])
    assert (args.top, args.max_chars) == (1000, 0)
    # the defaults themselves are what they were
    args = parse(["detect"])
    assert (args.burst_actors, args.burst_hours, args.ngram) == (4, 48.0, 4)


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["detect", "--ngram", "0"], "ngram must be at least 1"),
        (["detect", "--max-df", "1"], "max_df must be at least 2"),
        (["detect", "--max-gap=-1"], "max_gap must not be negative"),
        (["detect", "--min-identity", "1.5"], "min_identity must be between 0 and 1"),
        (["detect", "--fragment-gap=-2"], "fragment_gap must be at least -1"),
        (["detect", "--semantic", "--max-sentences", "0"], "max_sentences must be between 1 and"),
        (["detect", "--burst-hours", "1000000001"], "window_hours must be at most 1000000000"),
    ],
)
def test_detect_parameters_keep_their_own_range_checks(db, capsys, argv, message):
    assert main([*argv, "--db", str(db), "-q"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "Traceback" not in err


@pytest.mark.parametrize(
    "bad",
    [
        {"window_hours": -5},
        {"window_hours": 0},
        {"window_hours": math.nan},
        {"window_hours": math.inf},
        {"min_actors": 0},
        {"min_actors": 1},
        {"by": "title"},
    ],
)
def test_burst_params_are_checked_in_the_python_api_too(bad):
    with pytest.raises(ValueError, match=next(iter(bad))):
        BurstParams(**bad)


def test_burst_params_at_their_edges_still_find_bursts():
    BurstParams(window_hours=0.01, min_actors=2, by="outlet").validate()
    assert BurstParams() == BurstParams(48.0, 4, "speaker")


def test_burst_params_take_numpy_numbers_as_before():
    import numpy as np

    assert BurstParams(np.float32(12), np.int64(5)).min_actors == 5
    with pytest.raises(ValueError, match="min_actors must be a whole number"):
        BurstParams(48.0, np.float64(5))
