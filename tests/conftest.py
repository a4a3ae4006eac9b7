"""Shared fixtures and Hypothesis settings for the pimask test suite."""

from __future__ import annotations

import os

# why: the default Chinese NER backend (LAC) is not in the `test` extra (185 MB); the suite
# runs zh_person / zh_address on jieba, whose results the NER tests were written against.
# Set PIMASK_ZH_NER=rjieba (or lac, when installed) to run them on another backend.
os.environ.setdefault("PIMASK_ZH_NER", "jieba")

import pytest
from hypothesis import HealthCheck, settings

import pimask

settings.register_profile(
    "default",
    max_examples=int(os.environ.get("PIMASK_HYPOTHESIS_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("default")


@pytest.fixture(scope="session")
def engine() -> pimask.Engine:
    return pimask.default_engine()
