"""JSON documents and JSON Lines: every string (and number) with its key path.

The file is validated with :mod:`json` first (clear errors with line and column), then
walked by a small tokenizer that yields the raw span of each string, number and object key.
``--fix`` rewrites only those tokens, so indentation, key order, spacing and escapes of
everything else stay byte for byte. The nearest key names the value (``{"phone": …}``);
paths are shown as ``user.phones[1]`` and fingerprinted without indices (``user.phones[]``).
"""

from __future__ import annotations

import bisect
import json
import re
from collections.abc import Iterator

from pimask.datasets.text import iter_lines
from pimask.datasets.units import Unit
from pimask.errors import InputError

Path = tuple[str | int, ...]

_WS = re.compile(r"[ \t\r\n]*")
_NEWLINE = re.compile("\n")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_LITERAL = re.compile(r"true|false|null|NaN|-?Infinity")
_IDENTIFIER = re.compile(r"[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_\u4e00-\u9fff]*")


def show_path(path: Path, *, stable: bool = False) -> str:
    """``("user", "phones", 1)`` → ``user.phones[1]`` (``user.phones[]`` when stable)."""
    out: list[str] = []
    for part in path:
        if isinstance(part, int):
            out.append("[]" if stable else f"[{part}]")
        elif _IDENTIFIER.fullmatch(part):
            out.append(f".{part}" if out else part)
        else:
            out.append(f"[{json.dumps(part, ensure_ascii=False)}]")
    return "".join(out) or "$"


def _last_key(path: Path) -> str | None:
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return None


def walk(text: str, position: int, end: int) -> Iterator[tuple[str, int, int, Path]]:
    """``(kind, start, end, path)`` for each key, string and number of the JSON value
    starting at ``position``. The text must already be valid JSON (see :func:`validate`)."""
    stack: list[tuple[str, Path, int]] = []  # (container, path, next array index)
    path: Path = ()

    def ws(at: int) -> int:
        return _WS.match(text, at, end).end()  # type: ignore[union-attr]

    def key(at: int, parent: Path) -> tuple[int, Path]:
        match = _STRING.match(text, at, end)
        assert match is not None
        name = json.loads(match.group())
        child = (*parent, name)
        keys.append(("key", match.start(), match.end(), child))
        at = ws(match.end())
        assert text[at] == ":"
        return ws(at + 1), child

    keys: list[tuple[str, int, int, Path]] = []
    position = ws(position)
    while True:
        char = text[position]
        if char == "{":
            position = ws(position + 1)
            if text[position] == "}":
                position += 1
            else:
                stack.append(("o", path, 0))
                position, path = key(position, path)
                yield from keys
                keys.clear()
                continue
        elif char == "[":
            position = ws(position + 1)
            if text[position] == "]":
                position += 1
            else:
                stack.append(("a", path, 0))
                path = (*path, 0)
                continue
        elif char == '"':
            match = _STRING.match(text, position, end)
            assert match is not None
            yield "string", match.start(), match.end(), path
            position = match.end()
        else:
            match = _NUMBER.match(text, position, end)
            literal = _LITERAL.match(text, position, end)
            if literal is not None and (match is None or literal.end() > match.end()):
                position = literal.end()
            else:
                assert match is not None
                yield "number", match.start(), match.end(), path
                position = match.end()
        # after a value: a comma starts the next member/item, a bracket closes a container
        while True:
            position = ws(position)
            if not stack:
                return
            container, parent, index = stack[-1]
            char = text[position]
            if char == ",":
                position = ws(position + 1)
                if container == "o":
                    position, path = key(position, parent)
                    yield from keys
                    keys.clear()
                else:
                    stack[-1] = (container, parent, index + 1)
                    path = (*parent, index + 1)
                break
            position += 1  # "}" or "]"
            stack.pop()
            path = parent


def validate(name: str, text: str, first_line: int = 1) -> None:
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{name}: line {first_line + exc.lineno - 1}, column {exc.colno}: invalid JSON "
            f"({exc.msg})"
        ) from None
    except RecursionError:
        raise InputError(f"{name}: JSON nested too deeply") from None


class _JsonBase:
    def __init__(self, name: str) -> None:
        self.file = name

    def encode(self, unit: Unit, value: str) -> str:
        if unit.kind == "json_number" and _NUMBER.fullmatch(value):
            return value
        raw = unit.quoted  # json strings: True when the original used \\u escapes
        return json.dumps(value, ensure_ascii=raw)

    @staticmethod
    def _unit(text: str, kind: str, start: int, end: int, path: Path, line: int, **extra) -> Unit:
        token = text[start:end]
        if kind == "number":
            value, unit_kind, field, stable = token, "json_number", path, path
        else:
            value = json.loads(token)
            unit_kind = "json"
            field = stable = path
        label = show_path(field)
        if kind == "key":
            label = f"{label} (key)"
        return Unit(
            value,
            line,
            field=label,
            stable_field=show_path(stable, stable=True) + (" (key)" if kind == "key" else ""),
            context_key=None if kind == "key" else _last_key(path),
            start=start,
            end=end,
            kind=unit_kind,
            # why: keep \\uXXXX escaping if the writer used it (ensure_ascii output)
            quoted=kind != "number" and token.isascii() and "\\u" in token,
            **extra,
        )


class JsonFormat(_JsonBase):
    """A single JSON document. A dropped value becomes ``null``."""

    name = "json"

    def units(self, text: str, first_line: int = 1) -> Iterator[Unit]:
        validate(self.file, text, first_line)
        newlines = [match.start() for match in _NEWLINE.finditer(text)]
        for kind, start, end, path in walk(text, 0, len(text)):
            line = bisect.bisect_right(newlines, start - 1) + first_line
            yield self._unit(text, kind, start, end, path, line)

    def drop(self, unit: Unit) -> tuple[int, int, str]:
        if unit.stable_field.endswith(" (key)"):
            return unit.start, unit.end, '"[dropped]"'
        return unit.start, unit.end, "null"


class JsonLinesFormat(_JsonBase):
    """One JSON document per line; a dropped value removes its line (the record)."""

    name = "jsonl"

    def units(self, text: str, first_line: int = 1) -> Iterator[Unit]:
        for number, start, end in iter_lines(text, first_line):
            if not text[start:end].strip():
                continue
            validate(self.file, text[start:end], number)
            newline = text.find("\n", end)
            record = (start, len(text) if newline < 0 else newline + 1)
            for kind, token_start, token_end, path in walk(text, start, end):
                yield self._unit(
                    text, kind, token_start, token_end, path, number, row=number, record=record
                )

    def drop(self, unit: Unit) -> tuple[int, int, str]:
        assert unit.record is not None
        return unit.record[0], unit.record[1], ""
