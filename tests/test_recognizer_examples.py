"""Every match / no_match example embedded in the recognizer data files holds."""

from __future__ import annotations

from collections import Counter

import pytest

import pimask
from pimask.recognizers import load_builtin

SPECS = load_builtin()
MATCH_CASES = [
    pytest.param(spec, example, id=f"{spec.id}-match-{i}")
    for spec in SPECS
    for i, example in enumerate(spec.examples.match)
]
NO_MATCH_CASES = [
    pytest.param(spec, text, id=f"{spec.id}-no_match-{i}")
    for spec in SPECS
    for i, text in enumerate(spec.examples.no_match)
]


def test_every_builtin_recognizer_has_examples() -> None:
    for spec in SPECS:
        assert len(spec.examples.match) >= 3, spec.id
        assert len(spec.examples.no_match) >= 3, spec.id


def test_seven_core_entities_are_covered() -> None:
    entities = {spec.entity for spec in SPECS}
    assert {
        "CN_RESIDENT_ID",
        "CN_MOBILE",
        "BANK_CARD",
        "IMEI",
        "MAC_ADDRESS",
        "EMAIL",
        "IP_ADDRESS",
    } <= entities


@pytest.mark.parametrize(("spec", "example"), MATCH_CASES)
def test_match_example(engine: pimask.Engine, spec, example) -> None:
    found = Counter(
        example.text[f.start : f.end] for f in engine.scan(example.text) if f.entity == spec.entity
    )
    assert found == Counter(example.values)


@pytest.mark.parametrize(("spec", "text"), NO_MATCH_CASES)
def test_no_match_example(engine: pimask.Engine, spec, text: str) -> None:
    assert [f for f in engine.scan(text) if f.entity == spec.entity] == []
