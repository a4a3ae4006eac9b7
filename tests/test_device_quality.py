"""Detection quality of IMSI, DEVICE_ID and GEO_COORDINATES on the seeded device corpus
(``benchmarks/corpus.py generate_device_labeled``): the values with their keys, and their
look-alikes (trace and span ids, UUIDs without keys, 15-digit runs, version strings,
timestamps, temperatures, prices, opted-out ids). The full measurement is
``python benchmarks/quality.py --device`` (docs/quality.md).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import pimask

_BENCH = Path(__file__).resolve().parents[1] / "benchmarks"


def _load(name: str):
    spec = importlib.util.spec_from_file_location(f"pimask_bench_{name}", _BENCH / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


corpus = _load("corpus")
quality = _load("quality")


@pytest.fixture(scope="module", params=["native", "reference"])
def report(request) -> quality.Report:
    records = list(corpus.generate_device_labeled(1500, 20250718))
    return quality.evaluate(records, pimask.Engine(backend=request.param))


@pytest.mark.parametrize("entity", corpus.DEVICE_ENTITIES)
def test_f1_per_new_entity_is_at_least_0_98(report, entity: str) -> None:
    counts = report.entities[entity]
    assert counts.gold >= 300
    assert counts.f1 >= 0.98, (counts.precision, counts.recall, counts.fp, counts.fn)


def test_look_alikes_are_not_reported(report) -> None:
    assert sum(report.negative_totals.values()) >= 1500
    assert sum(report.negative_hits.values()) <= 0.002 * sum(report.negative_totals.values())


def test_the_device_corpus_is_deterministic() -> None:
    first = list(corpus.generate_device_labeled(50, 3))
    assert first == list(corpus.generate_device_labeled(50, 3))
