"""Decode a whole file for checking, and encode it back exactly as it came.

Dataset exports from Chinese systems are UTF-8, UTF-8 with a byte order mark (Excel's
"CSV UTF-8") or GB18030/GBK (Excel's default "CSV" on a Chinese Windows). Detection is
strict and small on purpose: a BOM decides; otherwise valid UTF-8 is UTF-8; otherwise valid
GB18030 is GB18030 (GBK is a subset of it); otherwise the file is reported as undecodable,
naming the line and byte offset, never guessing and never silently replacing bytes.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from pimask.errors import InputError

UTF8 = "utf-8"
UTF8_SIG = "utf-8-sig"
GB18030 = "gb18030"


@dataclass(frozen=True, slots=True)
class Decoded:
    """A decoded file and the codec that writes it back byte for byte."""

    text: str
    codec: str  # a Python codec name; "utf-8-sig" writes the BOM back


def _canonical(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise InputError(f"unknown encoding {name!r}") from None


def _undecodable(name: str, data: bytes, codec: str, exc: UnicodeDecodeError) -> InputError:
    line = data.count(b"\n", 0, exc.start) + 1
    return InputError(
        f"{name}: cannot decode as {codec}: line {line}, byte offset {exc.start} "
        f"({exc.reason}); pass --encoding if the file uses another encoding"
    )


def decode(name: str, data: bytes, encoding: str | None = None) -> Decoded:
    """Decode ``data`` (the contents of file ``name``), detecting the encoding if not given.

    Raises :class:`InputError` naming the file, line and byte offset when it cannot be
    decoded; the message never contains the bytes themselves.
    """
    if encoding is not None:
        codec = _canonical(encoding)
        if codec == UTF8 and data.startswith(codecs.BOM_UTF8):
            codec = UTF8_SIG
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError as exc:
            raise _undecodable(name, data, codec, exc) from None
    if data.startswith(codecs.BOM_UTF8):
        try:
            return Decoded(data.decode(UTF8_SIG), UTF8_SIG)
        except UnicodeDecodeError as exc:
            raise _undecodable(name, data, UTF8_SIG, exc) from None
    try:
        return Decoded(data.decode(UTF8), UTF8)
    except UnicodeDecodeError as utf8_error:
        try:
            return Decoded(data.decode(GB18030), GB18030)
        except UnicodeDecodeError:
            # why: report the UTF-8 position; it is where the file first stops being text.
            line = data.count(b"\n", 0, utf8_error.start) + 1
            raise InputError(
                f"{name}: not UTF-8 (line {line}, byte offset {utf8_error.start}) "
                "and not GB18030/GBK either; pass --encoding"
            ) from None


def undecodable_at(name: str, codec: str, line: int, offset: int, reason: str) -> InputError:
    """The error for bytes that ``codec`` cannot decode, at a position in the whole file."""
    return InputError(
        f"{name}: cannot decode as {codec}: line {line}, byte offset {offset} "
        f"({reason}); pass --encoding if the file uses another encoding"
    )


def neither_at(name: str, line: int, offset: int) -> InputError:
    """The error for a file that is neither UTF-8 nor GB18030 (position: UTF-8's first)."""
    return InputError(
        f"{name}: not UTF-8 (line {line}, byte offset {offset}) "
        "and not GB18030/GBK either; pass --encoding"
    )


def canonical(name: str) -> str:
    """The Python codec name for ``name``; an unknown encoding is an InputError."""
    return _canonical(name)


def ascii_compatible(codec: str) -> bool:
    """True when byte 0x0A is always a newline in ``codec`` (so a file can be cut there).

    why: the streaming check cuts files into pieces at newline bytes before decoding;
    that is exact for UTF-8 and GB18030 (no multi-byte sequence contains 0x0A) but not for
    UTF-16 or UTF-32, which are read whole instead.
    """
    return not codecs.lookup(codec).name.startswith(("utf-16", "utf-32", "utf_16", "utf_32"))


def encode(name: str, text: str, codec: str) -> bytes:
    """Encode ``text`` with the codec it was read with; a replacement that the encoding
    cannot represent is an error (the file is then left untouched)."""
    try:
        return text.encode(codec)
    except UnicodeEncodeError as exc:
        raise InputError(
            f"{name}: the fixed text cannot be written back as {codec} "
            f"(character U+{ord(exc.object[exc.start]):04X} from a replacement)"
        ) from None
