"""Shared fixtures and Hypothesis settings for the pimask test suite."""

from __future__ import annotations

import os

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
