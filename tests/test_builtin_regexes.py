"""The shipped recognizer files skip the load-time regex check (startup cost): check here."""

from __future__ import annotations

import pytest

from pimask.errors import ConfigError
from pimask.recognizers import load_builtin, parse_recognizer
from pimask.regexes import regex_problem

BUILTIN = load_builtin()
SOURCES = [
    (spec.id, pattern.name, field, getattr(pattern, field))
    for spec in BUILTIN
    for pattern in spec.patterns
    for field in ("regex", "prefilter", "separator")
    if getattr(pattern, field, None) is not None
]


def test_every_builtin_has_regexes() -> None:
    assert len({source[0] for source in SOURCES}) == len(BUILTIN)


@pytest.mark.parametrize(("recognizer", "pattern", "field", "source"), SOURCES)
def test_builtin_regexes_usable(recognizer: str, pattern: str, field: str, source: str) -> None:
    assert regex_problem(source) is None, f"{recognizer}.{pattern}.{field}"


BAD = """
id: bad_regex
entity: BAD_REGEX
patterns:
  - name: bad
    regex: '[0-9]+\\b'
    score: 0.5
"""


def test_user_files_are_still_checked() -> None:
    with pytest.raises(ConfigError, match="regex"):
        parse_recognizer(BAD, "bad.yaml")


def test_builtin_flag_only_skips_the_regex_check() -> None:
    spec = parse_recognizer(BAD, "bad.yaml", builtin=True)
    assert spec.patterns[0].regex == "[0-9]+\\b"
