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

from pimask.datasets.units import Unit
from pimask.errors import InputError

CANDIDATE_DELIMITERS = (",", "\t", ";", "|")


@dataclass(frozen=True, slots=True)
class RawField:
    start: int  # raw span, quotes included
    end: int
    quoted: bool


@dataclass(frozen=True, slots=True)
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


def iter_records(name: str, text: str, delimiter: str) -> Iterator[RawRecord]:
    """Records of ``text`` with raw field spans; malformed quoting raises InputError."""
    if len(delimiter) != 1 or delimiter in '"\r\n':
        raise InputError(f"invalid CSV delimiter {delimiter!r}")
    unquoted = re.compile(f"[^{re.escape(delimiter)}\r\n]*")
    quoted = re.compile(r'"(?:[^"]|"")*"')
    position = 0
    line = 1
    length = len(text)
    while position < length:
        record_start = position
        record_line = line
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

    def units(self, text: str) -> Iterator[Unit]:
        delimiter = self.delimiter or sniff_delimiter(text)
        self.delimiter = delimiter
        header: list[str] | None = None
        row = 0
        for record in iter_records(self.file, text, delimiter):
            values = [field_value(text, raw) for raw in record.fields]
            if header is None:
                header = values
                for index, (raw, value) in enumerate(zip(record.fields, values, strict=True)):
                    if value.strip():
                        yield self._unit(value, raw, record, index, None, "(header)", None)
                continue
            if len(values) == 1 and not values[0]:
                continue  # a blank line
            row += 1
            for index, (raw, value) in enumerate(zip(record.fields, values, strict=True)):
                if not value.strip():
                    continue
                column = header[index] if index < len(header) and header[index] else None
                label = column if column is not None else f"#{index + 1}"
                yield self._unit(value, raw, record, index, row, label, column)

    @staticmethod
    def _unit(
        value: str,
        raw: RawField,
        record: RawRecord,
        index: int,
        row: int | None,
        label: str,
        context: str | None,
    ) -> Unit:
        return Unit(
            value,
            record.field_lines[index],
            row=row,
            field=label,
            stable_field=label,
            context_key=context,
            start=raw.start,
            end=raw.end,
            record=(record.start, record.end),
            kind="csv",
            quoted=raw.quoted,
        )

    def encode(self, unit: Unit, value: str) -> str:
        delimiter = self.delimiter or ","
        if unit.quoted or any(ch in value for ch in (delimiter, '"', "\r", "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    def drop(self, unit: Unit) -> tuple[int, int, str]:
        assert unit.record is not None
        return unit.record[0], unit.record[1], ""
