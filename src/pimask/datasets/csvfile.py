"""CSV and TSV: a small RFC 4180 tokenizer that remembers where every field lies.

Python's ``csv`` module parses well but cannot tell where a field was or how it was quoted,
so writing its rows back changes quoting and line endings. This tokenizer yields each
field's raw span, so ``--fix`` replaces only the personal values and copies everything else
(delimiter, quotes, CRLF, embedded newlines) from the original. The first row is the
header: its names are the context for the cells below (a column called 手机号 or ``phone``
names its values).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import NamedTuple

from pimask.datasets.units import Unit
from pimask.errors import InputError

CANDIDATE_DELIMITERS = (",", "\t", ";", "|")


class RawField(NamedTuple):
    start: int  # raw span, quotes included
    end: int
    quoted: bool


@dataclass(slots=True)
class RawRecord:
    line: int  # 1-based line where the record starts
    start: int  # raw span of the record, terminator included
    end: int
    fields: list[RawField]
    field_lines: list[int]


def field_value(text: str, raw: RawField) -> str:
    if raw.quoted:
        return text[raw.start + 1 : raw.end - 1].replace('""', '"')
    return text[raw.start : raw.end]


def sniff_delimiter(text: str) -> str:
    """The delimiter used by the first line: the candidate seen most often outside quotes."""
    first = text[: text.find("\n")] if "\n" in text else text
    first = re.sub(r'"(?:[^"]|"")*"', "", first)
    counts = {d: first.count(d) for d in CANDIDATE_DELIMITERS}
    best = max(CANDIDATE_DELIMITERS, key=lambda d: counts[d])
    return best if counts[best] else ","


def iter_records(name: str, text: str, delimiter: str, first_line: int = 1) -> Iterator[RawRecord]:
    """Records of ``text`` with raw field spans; malformed quoting raises InputError.

    ``first_line`` numbers a piece of a file that starts at a record boundary."""
    if len(delimiter) != 1 or delimiter in '"\r\n':
        raise InputError(f"invalid CSV delimiter {delimiter!r}")
    unquoted = re.compile(f"[^{re.escape(delimiter)}\r\n]*")
    quoted = re.compile(r'"(?:[^"]|"")*"')
    position = 0
    line = first_line
    length = len(text)
    while position < length:
        record_start = position
        record_line = line
        # fast path: a record on one line without quotes is a plain split
        newline = text.find("\n", position)
        stop = length if newline < 0 else newline
        content_end = stop - 1 if stop > position and text[stop - 1] == "\r" else stop
        if '"' not in text[position:stop] and "\r" not in text[position:content_end]:
            fields = []
            start = position
            for piece in text[position:content_end].split(delimiter):
                end = start + len(piece)
                fields.append(RawField(start, end, False))
                start = end + 1
            position = length if newline < 0 else newline + 1
            line += 1
            yield RawRecord(
                record_line, record_start, position, fields, [record_line] * len(fields)
            )
            continue
        fields: list[RawField] = []
        field_lines: list[int] = []
        while True:
            field_lines.append(line)
            if position < length and text[position] == '"':
                match = quoted.match(text, position)
                if match is None:
                    raise InputError(f"{name}: line {line}: unterminated quoted field")
                fields.append(RawField(match.start(), match.end(), True))
                line += text.count("\n", match.start(), match.end())
                position = match.end()
                if position < length and text[position] not in f"{delimiter}\r\n":
                    raise InputError(
                        f"{name}: line {line}: unexpected character after a closing quote"
                    )
            else:
                match = unquoted.match(text, position)
                assert match is not None  # the pattern matches the empty string
                fields.append(RawField(match.start(), match.end(), False))
                position = match.end()
            if position < length and text[position] == delimiter:
                position += 1
                continue
            break
        # the record ends at a line terminator (\r\n, \n or \r) or at the end of the text
        if text.startswith("\r\n", position):
            position += 2
        elif position < length:
            position += 1
        line = record_line + text.count("\n", record_start, position)
        yield RawRecord(record_line, record_start, position, fields, field_lines)


class CsvFormat:
    """One unit per cell; the header names are the cells' field and context key."""

    name = "csv"

    def __init__(self, name: str, delimiter: str | None = None) -> None:
        self.file = name
        self.delimiter = delimiter
        # why: kept across calls, so a file checked piece by piece (each piece whole
        # records) keeps its header and row numbers
        self.header: list[str] | None = None
        self.labels: list[str] = []
        self.row = 0

    def units(self, text: str, first_line: int = 1) -> Iterator[Unit]:
        for _, _, args in self.cells(text, first_line):
            yield Unit(*args)

    def cells(self, text: str, first_line: int = 1) -> Iterator[tuple[str, str | None, tuple]]:
        """``(value, context key, Unit arguments)`` per non-blank cell.

        why: the checker builds a :class:`Unit` only for the few cells with findings;
        building one per cell cost as much as scanning it.
        """
        delimiter = self.delimiter or sniff_delimiter(text)
        self.delimiter = delimiter
        header = self.header
        labels = self.labels
        row = self.row
        for record in iter_records(self.file, text, delimiter, first_line):
            fields = record.fields
            span = (record.start, record.end)
            if header is None:
                header = self.header = [field_value(text, raw) for raw in fields]
                labels = [name or f"#{index + 1}" for index, name in enumerate(header)]
                self.labels = labels
                for index, (raw, name) in enumerate(zip(fields, header, strict=True)):
                    if name.strip():
                        line = record.field_lines[index]
                        args = (name, line, None, None, "(header)", "(header)", None)
                        yield name, None, (*args, raw.start, raw.end, span, "csv", raw.quoted)
                continue
            if len(fields) == 1 and fields[0].start == fields[0].end:
                continue  # a blank line
            row += 1
            self.row = row
            for index, raw in enumerate(fields):
                start, end, quoted = raw
                value = text[start + 1 : end - 1].replace('""', '"') if quoted else text[start:end]
                if not value or value.isspace():
                    continue
                if index < len(header):
                    label = labels[index]
                    context = header[index] or None
                else:
                    label, context = f"#{index + 1}", None
                line = record.field_lines[index]
                yield (
                    value,
                    context,
                    (
                        value,
                        line,
                        None,
                        row,
                        label,
                        label,
                        context,
                        start,
                        end,
                        span,
                        "csv",
                        quoted,
                    ),
                )

    def encode(self, unit: Unit, value: str) -> str:
        delimiter = self.delimiter or ","
        if unit.quoted or any(ch in value for ch in (delimiter, '"', "\r", "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    def drop(self, unit: Unit) -> tuple[int, int, str]:
        assert unit.record is not None
        return unit.record[0], unit.record[1], ""
