"""Plain text and logs: one unit per line, with the inline ``pimask: allow`` pragma.

A line containing ``pimask: allow`` is accepted as it is (test fixtures, the company's own
hotline in a README). ``pimask: allow CN_MOBILE,EMAIL`` accepts only those entities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pimask.datasets.units import Unit

# why: entity names are upper case, so ordinary words after the pragma are not taken as
# a restriction ("pimask: allow test fixture" allows everything on the line).
_PRAGMA = re.compile(
    r"pimask:\s*allow\b(?:[ =]+(?P<entities>[A-Z][A-Z0-9_]*(?:\s*,\s*[A-Z][A-Z0-9_]*)*))?"
)


def parse_pragma(line: str) -> frozenset[str] | None:
    """Entities allowed on ``line`` by an inline pragma: None (no pragma), empty (all)."""
    if "pimask" not in line:
        return None
    match = _PRAGMA.search(line)
    if match is None:
        return None
    names = match.group("entities")
    if not names:
        return frozenset()
    return frozenset(name.strip() for name in names.split(","))


def iter_lines(text: str, first_line: int = 1) -> Iterator[tuple[int, int, int]]:
    """``(line number, start, end)`` of each line's content; the terminator follows ``end``.

    ``first_line`` numbers a piece of a file read in parts (the streaming check)."""
    position = 0
    number = first_line - 1
    length = len(text)
    while position < length:
        number += 1
        newline = text.find("\n", position)
        stop = length if newline < 0 else newline
        content_end = stop - 1 if stop > position and text[stop - 1] == "\r" else stop
        yield number, position, content_end
        position = stop + 1


class TextFormat:
    """Every line is a unit; replacements are written as they are."""

    name = "text"

    def units(self, text: str, first_line: int = 1) -> Iterator[Unit]:
        for number, start, end in iter_lines(text, first_line):
            if start == end:
                continue
            line = text[start:end]
            newline = text.find("\n", end)
            record_end = len(text) if newline < 0 else newline + 1
            yield Unit(
                line,
                number,
                column=1,
                start=start,
                end=end,
                record=(start, record_end),
                pragma=parse_pragma(line),
            )

    def encode(self, unit: Unit, value: str) -> str:
        return value

    def drop(self, unit: Unit) -> tuple[int, int, str]:
        assert unit.record is not None
        return unit.record[0], unit.record[1], ""
