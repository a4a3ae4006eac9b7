"""One small error hierarchy so callers can catch pimask problems precisely.

Messages never contain a personal value: they name files, line numbers, fields and
entity types only.
"""

from __future__ import annotations


class PimaskError(Exception):
    """Base class of every error pimask raises on purpose."""


class ConfigError(PimaskError):
    """A recognizer file, policy file or engine option is invalid (CLI exit code 2)."""


class InputError(PimaskError):
    """Input cannot be read or decoded as asked (CLI exit code 2)."""
