"""Checking text, CSV and JSON Lines piece by piece, so memory stays bounded by a piece.

why: exports are gigabytes; reading a file whole held the bytes, the decoded text and every
finding at once (a 44 MB CSV peaked at 758 MB). Here a file is read in blocks of about
1 MiB that end at a newline byte, each block is decoded on its own (exact for UTF-8 and
GB18030: no multi-byte sequence contains 0x0A), and the decoded text is scanned up to the
last record boundary: a newline for text and JSON Lines, a newline outside quotes for CSV
(a quoted field may hold newlines). The rest waits for the next block. Readers number lines
and rows from where the piece starts, so locations are those of the whole file.

Encoding detection keeps the whole-file rule (a BOM decides; valid UTF-8 is UTF-8; else
GB18030): a file is read as UTF-8 until a block fails; if everything before was ASCII the
reading goes on as GB18030, otherwise the file is read again from the start as GB18030.

Only checking streams: ``--fix`` and single JSON documents are read whole
(:mod:`pimask.datasets.checker`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import BinaryIO

from pimask.datasets.encoding import (
    GB18030,
    UTF8,
    UTF8_SIG,
    canonical,
    neither_at,
    undecodable_at,
)
from pimask.errors import InputError

BLOCK = 1 << 20
# why: a record this long is almost surely an unterminated quote; never grow without end
MAX_RECORD = 64 << 20


class WholeDocument(Exception):
    """A ``.json`` file that holds one document: it is read whole, not streamed."""


class Restart(Exception):
    """A file first read as UTF-8 must be read again from the start as GB18030."""

    def __init__(self, line: int, offset: int) -> None:
        super().__init__(line, offset)
        self.line = line
        self.offset = offset


def looks_like_lines(head: bytes) -> bool:
    """True when a ``.json`` file starts with a complete JSON value on its first line and
    more follows: JSON Lines under a ``.json`` name (a common export)."""
    text = head.decode("utf-8", "ignore").lstrip("\ufeff")
    first, newline, rest = text.lstrip().partition("\n")
    if not newline or not rest.strip():
        return False
    try:
        json.loads(first)
    except (json.JSONDecodeError, RecursionError):
        return False
    return True


def raw_blocks(name: str, head: bytes, handle: BinaryIO) -> Iterator[bytes]:
    """The file's bytes in blocks that end just after a newline (the last may not)."""
    pending = head
    while True:
        data = handle.read(BLOCK)
        if not data:
            break
        pending += data
        cut = pending.rfind(b"\n") + 1
        if cut:
            yield pending[:cut]
            pending = pending[cut:]
        elif len(pending) > MAX_RECORD:
            raise InputError(f"{name}: a line longer than {MAX_RECORD >> 20} MiB; not checked")
    if pending:
        yield pending


def csv_boundary(text: str) -> int:
    """Where the last complete CSV record of ``text`` ends (0: none yet).

    ``text`` starts at a record boundary; a newline ends a record when the number of
    quote characters before it is even (RFC 4180 quotes come in pairs, ``""`` included).
    """
    quotes_after = 0
    end = len(text)
    total = text.count('"')
    position = text.rfind("\n", 0, end)
    while position >= 0:
        quotes_after += text.count('"', position, end)
        end = position
        if (total - quotes_after) % 2 == 0:
            return position + 1
        position = text.rfind("\n", 0, end)
    return 0


def line_boundary(text: str) -> int:
    """Where the last complete line of ``text`` ends (0: none yet)."""
    return text.rfind("\n") + 1


class Decoder:
    """Decodes newline-cut blocks, choosing the codec the way whole-file decoding does."""

    def __init__(self, name: str, head: bytes, encoding: str | None, *, gb18030: bool) -> None:
        self.name = name
        self.explicit = encoding is not None
        if encoding is not None:
            codec = canonical(encoding)
            if codec == UTF8 and head.startswith(b"\xef\xbb\xbf"):
                codec = UTF8_SIG
        elif head.startswith(b"\xef\xbb\xbf"):
            codec = UTF8_SIG
        else:
            codec = GB18030 if gb18030 else UTF8
        self.codec = codec
        self.auto = encoding is None and codec == UTF8
        self.first = True
        self.all_ascii = True
        self.offset = 0  # bytes decoded so far
        self.line = 1  # line of the next block
        self.utf8_error: tuple[int, int] | None = None  # (line, offset) of UTF-8's failure

    def decode(self, data: bytes) -> str:
        codec = self.codec
        if not self.first and codec == UTF8_SIG:
            codec = UTF8  # the BOM is only at the very start
        self.first = False
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            line = self.line + data.count(b"\n", 0, exc.start)
            offset = self.offset + exc.start
            if self.auto and self.codec == UTF8:
                if not self.all_ascii:
                    raise Restart(line, offset) from None
                self.utf8_error = (line, offset)
                self.codec = GB18030  # what came before was ASCII: the same in GB18030
                return self.decode_again(data)
            if self.utf8_error is not None:
                raise neither_at(self.name, *self.utf8_error) from None
            raise undecodable_at(self.name, codec, line, offset, exc.reason) from None
        self._advance(data, text)
        return text

    def decode_again(self, data: bytes) -> str:
        try:
            text = data.decode(GB18030)
        except UnicodeDecodeError:
            assert self.utf8_error is not None
            raise neither_at(self.name, *self.utf8_error) from None
        self._advance(data, text)
        return text

    def _advance(self, data: bytes, text: str) -> None:
        self.offset += len(data)
        self.line += data.count(b"\n")
        if self.all_ascii and not text.isascii():
            self.all_ascii = False


def pieces(
    name: str,
    head: bytes,
    handle: BinaryIO,
    decoder: Decoder,
    csv: bool,
    progress: Callable[[int], None] | None = None,
) -> Iterator[tuple[str, int]]:
    """``(text, first line)`` of consecutive pieces that each end at a record boundary."""
    boundary = csv_boundary if csv else line_boundary
    pending = ""
    line = 1
    for block in raw_blocks(name, head, handle):
        text = decoder.decode(block)
        if progress is not None:
            progress(len(block))
        pending = pending + text if pending else text
        cut = boundary(pending)
        if cut:
            piece = pending[:cut]
            pending = pending[cut:]
            yield piece, line
            line += piece.count("\n")
        elif len(pending) > MAX_RECORD:
            raise InputError(
                f"{name}: line {line}: a record longer than {MAX_RECORD >> 20} MiB "
                "(an unterminated quoted field?); not checked"
            )
    if pending:
        yield pending, line
