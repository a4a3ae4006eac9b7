"""The common currency of every reader: a :class:`Unit` is one value and where it lives.

A text line, a CSV cell, a JSON string or a Parquet cell becomes a Unit carrying its text,
where to tell people it is (line, row, column name or key path), the field name that gives
the scanner context (a column called 手机号 names its values) and, for text-based formats,
the span of its raw token in the decoded file so ``--fix`` can replace exactly that span.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Unit:
    """One scannable value. ``text`` is personal data: it never appears in the repr.

    Not frozen: readers create hundreds of thousands of these, and a frozen dataclass's
    ``__init__`` costs several times more. Treat units as read-only all the same.
    """

    text: str = field(repr=False)
    line: int  # 1-based line where the value starts; 0 where lines do not apply (Parquet)
    column: int | None = None  # 1-based character column of ``text`` (text files)
    row: int | None = None  # 1-based data row (tables) or record number (JSONL)
    field: str | None = None  # column name or key path, as shown to people
    stable_field: str = ""  # field without positions (``items[].phone``): for baselines
    context_key: str | None = None  # the name that gives the value context (header, key)
    start: int = -1  # raw token span in the decoded file (text formats), for --fix
    end: int = -1
    record: tuple[int, int] | None = None  # raw span of the enclosing record (line, row)
    kind: str = "raw"  # how a replacement is written back: raw, csv, json, json_number
    quoted: bool = False  # csv: the field was quoted in the file
    pragma: frozenset[str] | None = None  # inline `pimask: allow` (empty set: all entities)
