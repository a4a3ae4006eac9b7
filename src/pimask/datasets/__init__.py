"""Checking files and datasets for personal information: the engine of ``pimask check``.

Readers per format (text/logs, CSV/TSV, JSON/JSONL, Parquet) turn a file into values with
their location and field name; :func:`check_file` scans them, marks what an inline pragma
or the baseline accepts, and with ``fix`` rewrites the file in place, atomically, changing
only the personal values.
"""

from __future__ import annotations

from pimask.datasets.checker import FORMATS, check_file, detect_format
from pimask.datasets.core import CheckOptions, FileReport, Hit, context_prefix
from pimask.datasets.units import Unit

__all__ = [
    "FORMATS",
    "CheckOptions",
    "FileReport",
    "Hit",
    "Unit",
    "check_file",
    "context_prefix",
    "detect_format",
]
