"""Detection quality of CN_PASSPORT, CN_TRAVEL_PERMIT, CN_USCC and CN_LICENSE_PLATE on the
seeded corpus set ``benchmarks/gen_documents.py`` (values with their keys, bare plates and
codes, and their look-alikes), on both engines. The full measurement is
``python benchmarks/quality.py --set documents`` (docs/quality.md).
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


quality = _load("quality")
documents = quality.load_generator("documents")


@pytest.fixture(scope="module", params=["native", "reference"])
def report(request) -> quality.Report:
    records = list(documents.generate(1500, 20261206))
    return quality.evaluate(records, pimask.Engine(backend=request.param))


@pytest.mark.parametrize("entity", documents.ENTITIES)
def test_f1_per_new_entity_is_at_least_0_98(report, entity: str) -> None:
    counts = report.entities[entity]
    assert counts.gold >= 250
    assert counts.f1 >= 0.98, (counts.precision, counts.recall, counts.fp, counts.fn)


def test_look_alikes_are_rarely_reported(report) -> None:
    assert sum(report.negative_totals.values()) >= 1500
    assert sum(report.negative_hits.values()) <= 0.01 * sum(report.negative_totals.values())


def test_the_set_is_deterministic_and_has_corpus_records() -> None:
    first = list(documents.generate(50, 3))
    assert first == list(documents.generate(50, 3))
    for record in first:
        assert set(record) == {"id", "kind", "text", "spans", "negatives"}
        for start, end, _entity, _form in record["spans"]:
            assert 0 <= start < end <= len(record["text"])


def test_quality_cli_loads_a_set_by_name(capsys) -> None:
    assert quality.main(["--set", "documents", "--lines", "40", "--seed", "1"]) == 0
    assert "gen_documents.py --lines 40 --seed 1" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        quality.load_generator("no_such_set")
