"""Argparse types for the numeric options: a bad value is a one-line usage error, never a
traceback from SQLite, numpy or the server deep inside a command."""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Callable

from echoscope.model import MAX_COUNT

_WHOLE = re.compile(r"[+-]?\d+")


def whole_number(low: int | None = None, high: int = MAX_COUNT) -> Callable[[str], int]:
    """A type for a whole number from ``low`` to ``high``.

    Options that a parameter object validates itself pass no ``low``: their ranges stay in one
    place, and this type only keeps numbers too large to hold from reaching it."""

    def parse(text: str) -> int:
        digits = text.strip().replace("_", "")
        if not _WHOLE.fullmatch(digits):
            raise argparse.ArgumentTypeError(f"expected a whole number, not {_shown(text)}")
        # Look at the length first: int() refuses numbers of more than 4,300 digits.
        if len(digits.lstrip("+-0")) > 30:
            value = -(10**30) if digits.startswith("-") else 10**30
        else:
            value = int(digits)
        if value > high:
            raise argparse.ArgumentTypeError(f"{_shown(text)} is too large (at most {high})")
        if low is None and value < -MAX_COUNT:
            raise argparse.ArgumentTypeError(f"{_shown(text)} is out of range")
        if low is not None and value < low:
            raise argparse.ArgumentTypeError(f"{_shown(text)} is too small (at least {low})")
        return value

    parse.__name__ = "whole number"
    return parse


def real_number(
    *, above: float | None = None, at_least: float | None = None
) -> Callable[[str], float]:
    """A type for a finite decimal number, more than ``above`` and at least ``at_least`` when
    given."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"expected a number, not {_shown(text)}") from None
        if not math.isfinite(value):
            raise argparse.ArgumentTypeError(f"expected a finite number, not {_shown(text)}")
        if above is not None and not value > above:
            raise argparse.ArgumentTypeError(f"{_shown(text)} must be more than {above:g}")
        if at_least is not None and not value >= at_least:
            raise argparse.ArgumentTypeError(f"{_shown(text)} must be at least {at_least:g}")
        return value

    parse.__name__ = "number"
    return parse


def _shown(text: str) -> str:
    """The argument as the message quotes it: shortened when long (a 5,000-digit number stays
    one line), with any control character escaped."""
    if len(text) > 40:
        return f"{text[:20]!r}…{text[-8:]!r} ({len(text)} characters)"
    return repr(text) if not text.isprintable() else text


def memory_size(text: str) -> int:
    """A type for a memory size: ``8G``, ``512M`` or bytes, at least the engine's least."""
    from echoscope.detect.budget import LEAST_MEMORY, format_size, parse_size

    try:
        value = parse_size(text)
    except ValueError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    if value < LEAST_MEMORY:
        raise argparse.ArgumentTypeError(
            f"{_shown(text)} is too small (at least {format_size(LEAST_MEMORY)})"
        )
    return value
