"""Every detection parameter has a declared range, and a value outside it is refused with a
message naming the parameter."""

from __future__ import annotations

import dataclasses
import math

import pytest

from echoscope.detect.params import DetectParams, SemanticParams
from echoscope.model import MAX_COUNT
from echoscope.points.bursts import BurstParams

CLASSES = (DetectParams, SemanticParams, BurstParams)


def _fields():
    return [(cls, f) for cls in CLASSES for f in dataclasses.fields(cls)]


IDS = [f"{cls.__name__}.{f.name}" for cls, f in _fields()]


def _bad_values(f: dataclasses.Field) -> list:
    """Values every field must refuse: outside its range (or choices), of the wrong kind, not
    finite."""
    if "choices" in f.metadata:
        return ["nobody", f.metadata["choices"][0].upper(), 1, None]
    low, high = f.metadata["low"], f.metadata["high"]
    whole = f.type == "int"
    out = [math.nan if not whole else 2.5, math.inf if not whole else "4", MAX_COUNT * 10]
    if low is not None:
        out.append(low - 1 if whole else low - 0.01)
    if high is not None:
        out.append(high + 1 if whole else high + 0.01)
    if f.metadata["above"] is not None:
        out += [f.metadata["above"], f.metadata["above"] - 1]
    out.append(True)  # a flag is not a number
    return out


@pytest.mark.parametrize(("cls", "f"), _fields(), ids=IDS)
def test_every_field_declares_its_range_and_refuses_values_outside_it(cls, f):
    declared = "choices" in f.metadata or {"low", "high", "above"} <= set(f.metadata)
    assert declared, f"{f.name} has no declared range"
    cls().validate()  # the defaults lie inside
    for bad in _bad_values(f):
        # a record that checks itself when made refuses the value there
        with pytest.raises(ValueError, match=f.name):
            dataclasses.replace(cls(), **{f.name: bad}).validate()


@pytest.mark.parametrize(("cls", "f"), _fields(), ids=IDS)
def test_the_edges_of_each_range_are_accepted(cls, f):
    for choice in f.metadata.get("choices", ()):
        dataclasses.replace(cls(), **{f.name: choice}).validate()
    for edge in (f.metadata.get("low"), f.metadata.get("high")):
        if edge is not None:
            dataclasses.replace(cls(), **{f.name: edge}).validate()


def test_messages_read_as_sentences():
    cases = {
        DetectParams(ngram=0): "ngram must be at least 1",
        DetectParams(max_gap=-1): "max_gap must not be negative",
        DetectParams(min_identity=1.5): "min_identity must be between 0 and 1",
        SemanticParams(max_sentences=101): "max_sentences must be between 1 and 100",
        DetectParams(ngram=4.0): "ngram must be a whole number, not 4.0",
    }
    refused = {
        "window_hours must be a positive number, not 0": {"window_hours": 0.0},
        "min_actors must be at least 2": {"min_actors": 1},
        "by must be one of speaker, outlet, not 'party'": {"by": "party"},
    }
    for message, change in refused.items():
        with pytest.raises(ValueError) as err:
            BurstParams(**change)
        assert str(err.value) == message
    for params, message in cases.items():
        with pytest.raises(ValueError) as err:
            params.validate()
        assert str(err.value) == message
