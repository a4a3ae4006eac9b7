"""Which text encoding one line of a stream is in, and how its output is written back.

why: logs from Chinese Windows services and older Java stacks are GBK/GB18030, often mixed
into UTF-8 files line by line (one service per line). Read as UTF-8, the Chinese context
word before a value (``身份证号``) is a row of undecodable bytes, so a 15-digit legacy ID that
is masked in UTF-8 is missed in GBK. ``pimask mask`` and ``scan`` therefore decide per line:

* by default (``encoding=None``) a line that is valid UTF-8 is UTF-8, and so is one that is
  mostly UTF-8 (no more invalid bytes than well-formed non-ASCII characters: a stray or
  cut-off byte); a line that is not, but decodes strictly as GB18030 *and holds Chinese
  text* (two characters in a row from the GB2312 area, both bytes 0xA1–0xFE), is read as
  GB18030. The Chinese test is what keeps a
  Latin-1 line (``Größe``, ``Müller``) from being taken for GBK: isolated accented letters
  between ASCII ones decode as GBK too, but almost never as two GB2312 characters in a row.
  Every other line is UTF-8 with ``surrogateescape`` (invalid bytes kept as they were).
* with an explicit encoding every line that is not ASCII is decoded with it
  (``surrogateescape`` for bytes it cannot decode).

A line is only ever read in an encoding that writes its bytes back exactly
(:func:`line_codec` checks the round trip), so every byte outside a replacement comes out as
it went in. UTF-16 and UTF-32 cannot be cut at newline bytes; streams in them are transcoded
as a whole (:class:`WideReader`, :class:`WideWriter`).
"""

from __future__ import annotations

import codecs
import re
from typing import BinaryIO

from pimask.errors import InputError

UTF8 = "utf-8"
GB18030 = "gb18030"
ERRORS = "surrogateescape"

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]{2,}")


def canonical(name: str) -> str:
    """The Python codec name for ``name`` (``gbk`` → ``gbk``, ``UTF8`` → ``utf-8``)."""
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputError(f"unknown encoding {name!r}") from None


def is_wide(codec: str) -> bool:
    """True for UTF-16/UTF-32: byte 0x0A is not always a newline, so lines cannot be cut
    from the bytes; such streams are transcoded whole."""
    return codecs.lookup(codec).name.startswith(("utf-16", "utf-32"))


def _gb2312(char: str) -> bool:
    encoded = char.encode(GB18030)
    return len(encoded) == 2 and encoded[0] >= 0xA1 and encoded[1] >= 0xA1


def looks_chinese(text: str) -> bool:
    """Two characters in a row from the GB2312 area (hanzi, CJK punctuation, full-width
    forms): what a Chinese line in GBK holds and a Latin-1 line read as GBK almost never."""
    for run in _NON_ASCII_RUN.finditer(text):
        previous = False
        for char in run.group():
            current = _gb2312(char)
            if current and previous:
                return True
            previous = current
    return False


def _mostly_utf8(raw: bytes) -> bool:
    """UTF-8 with a few damaged bytes (a cut-off character, a stray byte), not GBK: at
    least as many well-formed non-ASCII characters as invalid bytes.

    why: UTF-8 Chinese with one stray byte often decodes as GB18030 too (lead bytes
    E4-E9 and continuation bytes A1-BF pair up as GB2312 characters), which would turn its
    real context words into mojibake.
    """
    text = raw.decode(UTF8, ERRORS)
    invalid = sum(1 for char in text if "\udc80" <= char <= "\udcff")
    return len(text) - invalid - sum(1 for char in text if char.isascii()) >= invalid


def line_codec(raw: bytes, encoding: str | None) -> str | None:
    """The codec to read line ``raw`` with, or None for the UTF-8 default path.

    ``encoding`` None: GB18030 for a line that is not UTF-8 but Chinese GB18030; an
    explicit (ASCII-compatible) encoding other than UTF-8: that codec for every non-ASCII
    line whose bytes it writes back exactly.
    """
    if raw.isascii():
        return None
    if encoding is None:
        try:
            raw.decode(UTF8)
        except UnicodeDecodeError:
            pass
        else:
            return None
        if _mostly_utf8(raw):
            return None
        try:
            text = raw.decode(GB18030)
        except UnicodeDecodeError:
            return None
        if looks_chinese(text) and text.encode(GB18030) == raw:
            return GB18030
        return None
    if encoding == UTF8:
        return None
    text = raw.decode(encoding, ERRORS)
    try:
        same = text.encode(encoding, ERRORS) == raw
    except UnicodeEncodeError:
        same = False
    return encoding if same else None


def also_utf8(raw: bytes, codec: str) -> bool:
    """True when line ``raw``, read as ``codec`` by default (GB18030), also holds
    well-formed UTF-8 characters: a damaged UTF-8 line (cut-off characters on both sides of
    ``串号``) can decode as GB18030 too, and each reading shows context the other turns into
    mojibake. ``pimask mask`` then masks the line in both readings, GB18030 first.
    """
    if codec != GB18030:
        return False
    text = raw.decode(UTF8, ERRORS)
    return any(not char.isascii() and not "\udc80" <= char <= "\udcff" for char in text)


def line_readings(raw: bytes, encoding: str | None = None) -> list[tuple[str, str]]:
    """The texts ``pimask scan`` reads line ``raw`` as, each with its codec: one, or two for
    a line that reads both ways (:func:`also_utf8`), the GB18030 reading first."""
    codec = line_codec(raw, encoding) or UTF8
    readings = [(raw.decode(codec, ERRORS), codec)]
    if encoding is None and also_utf8(raw, codec):
        readings.append((raw.decode(UTF8, ERRORS), UTF8))
    return readings


def byte_span(text: str, codec: str, start: int, end: int) -> tuple[int, int]:
    """Characters ``start:end`` of ``text`` (read with ``codec``) as offsets into its bytes."""
    lo = len(text[:start].encode(codec, ERRORS))
    return lo, lo + len(text[start:end].encode(codec, ERRORS))


def decode_line(raw: bytes, encoding: str | None = None) -> str:
    """The text of line ``raw`` as ``pimask scan`` reads it (see :func:`line_codec`)."""
    return raw.decode(line_codec(raw, encoding) or UTF8, ERRORS)


def encode_back(text: str, codec: str) -> bytes:
    """``text`` in the line's own codec; a replacement it cannot represent is an error
    (never a silent ``?``)."""
    try:
        return text.encode(codec, ERRORS)
    except UnicodeEncodeError as exc:
        raise InputError(
            f"a replacement cannot be written back as {codec} "
            f"(character U+{ord(exc.object[exc.start]):04X})"
        ) from None


# --------------------------------------------------------------------------- UTF-16/32

_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
WIDE_HEAD = 4  # bytes needed to tell a UTF-32 BOM from a UTF-16 one


def wide_codec(head: bytes, encoding: str | None) -> str | None:
    """The byte-order-explicit wide codec a stream starting with ``head`` is in, or None.

    A BOM decides when the bytes after it read as that encoding: they decode strictly and,
    if ``head`` holds a newline byte at all, a newline character is among them (``FF FE``
    before a UTF-8 log line is invalid bytes, not UTF-16). The BOM itself stays in the text
    as U+FEFF and is written back. An explicit ``utf-16``/``utf-32`` without a BOM is
    little-endian, as Windows writes it.
    """
    if encoding is not None and not is_wide(encoding):
        return None
    for bom, codec in _WIDE_BOMS:
        if not head.startswith(bom):
            continue
        if codec == "utf-16-le" and head[:4] == codecs.BOM_UTF32_LE:
            continue
        if encoding is not None or _reads_as(head, codec):
            return codec
        return None
    if encoding is None:
        return None
    name = canonical(encoding)
    return name if name.endswith(("-le", "-be")) else name + "-le"


def _reads_as(head: bytes, codec: str) -> bool:
    try:
        text = codecs.getincrementaldecoder(codec)("strict").decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return b"\n" not in head or "\n" in text


class WideReader:
    """Turns a UTF-16/32 byte stream into UTF-8 bytes for the line machinery.

    ``surrogatepass`` both ways, so a lone surrogate survives as a 3-byte sequence that the
    line machinery keeps as invalid bytes and :class:`WideWriter` turns back.
    """

    def __init__(self, codec: str) -> None:
        self.codec = codec
        self._decoder = codecs.getincrementaldecoder(codec)("surrogatepass")
        self.writer: WideWriter | None = None  # where the transcoded output goes back

    def feed(self, data: bytes) -> bytes:
        return self._decoder.decode(data, final=False).encode(UTF8, "surrogatepass")

    def leftover(self) -> bytes:
        """Trailing bytes that do not make a whole code unit (an odd byte at the end)."""
        return bytes(self._decoder.getstate()[0])


class WideWriter:
    """A binary sink that takes the line machinery's UTF-8 output and writes ``codec``."""

    def __init__(self, out: BinaryIO, codec: str) -> None:
        self._out = out
        self._decoder = codecs.getincrementaldecoder(UTF8)("surrogatepass")
        self.codec = codec

    def write(self, data: bytes) -> int:
        text = self._decoder.decode(bytes(data), final=False)
        if text:
            self._out.write(text.encode(self.codec, "surrogatepass"))
        return len(data)

    def flush(self) -> None:
        self._out.flush()

    def finish(self, leftover: bytes = b"") -> None:
        """Write what is still buffered and the input's trailing partial code unit."""
        text = self._decoder.decode(b"", final=True)
        if text:
            self._out.write(text.encode(self.codec, "surrogatepass"))
        if leftover:
            self._out.write(leftover)
