"""Recognise inputs that are not text, by their first bytes, before anything is scanned.

why: pimask scans text. A gzip'd log or a Parquet file with compressed pages holds its
values as bytes no regex can see, so scanning it "finds nothing" and masking it copies every
value through with exit 0. Every entry point that reads a file therefore looks at its first
bytes first and either reads the text inside (gzip, bzip2, xz, zstd: ``rg -z`` style) or
refuses the file, naming it and the reason.

"Binary" means recognised magic bytes or content with NUL/control bytes that no text
encoding we read would produce. It never means merely "not UTF-8": GB18030 and UTF-16 with a
byte order mark are text.

Only the standard library is used for gzip, bzip2 and xz; zstd needs the optional
``zstandard`` package (``pip install 'pimask[zstd]'``), imported only when a zstd input
is met.
"""

from __future__ import annotations

import bz2
import codecs
import gzip
import io
import lzma
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import BinaryIO

from pimask.errors import ConfigError, InputError

COMPRESSED = "compressed"  # text inside: decompressed and read as text
DATASET = "dataset"  # `pimask check` reads it (Parquet)
BINARY = "binary"  # refused

HEAD_BYTES = 8192  # what the content test looks at
_MAX_NESTING = 3  # gzip inside gzip inside …: more than this is refused


@dataclass(frozen=True, slots=True)
class Kind:
    """What the first bytes of an input say it is."""

    name: str  # "gzip", "Parquet", "SQLite database", "binary data"
    family: str  # COMPRESSED, DATASET or BINARY


GZIP = Kind("gzip", COMPRESSED)
BZIP2 = Kind("bzip2", COMPRESSED)
XZ = Kind("xz", COMPRESSED)
ZSTD = Kind("zstd", COMPRESSED)
PARQUET = Kind("Parquet", DATASET)
UNDECODABLE = Kind("binary data (NUL or control bytes, no text encoding)", BINARY)

# (offset, magic, kind): checked in order; all offsets 0 except tar's.
_MAGICS: tuple[tuple[int, bytes, Kind], ...] = (
    (0, b"\x1f\x8b", GZIP),
    (0, b"BZh", BZIP2),
    (0, b"\xfd7zXZ\x00", XZ),
    (0, b"\x28\xb5\x2f\xfd", ZSTD),
    (0, b"PAR1", PARQUET),
    (0, b"SQLite format 3\x00", Kind("SQLite database", BINARY)),
    (0, b"PK\x03\x04", Kind("zip archive", BINARY)),
    (0, b"PK\x05\x06", Kind("zip archive", BINARY)),
    (0, b"7z\xbc\xaf\x27\x1c", Kind("7z archive", BINARY)),
    (0, b"Rar!\x1a\x07", Kind("rar archive", BINARY)),
    (0, b"\x04\x22\x4d\x18", Kind("lz4", BINARY)),
    (0, b"ORC", Kind("ORC", BINARY)),
    (0, b"Obj\x01", Kind("Avro", BINARY)),
    (0, b"ARROW1", Kind("Arrow IPC", BINARY)),
    (0, b"%PDF-", Kind("PDF", BINARY)),
    (0, b"\x89PNG\r\n\x1a\n", Kind("PNG image", BINARY)),
    (0, b"\xff\xd8\xff", Kind("JPEG image", BINARY)),
    (0, b"GIF8", Kind("GIF image", BINARY)),
    (0, b"\x7fELF", Kind("ELF executable", BINARY)),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", Kind("OLE document (xls/doc)", BINARY)),
    (257, b"ustar", Kind("tar archive", BINARY)),
)
_MAGIC_SPAN = max(offset + len(magic) for offset, magic, _ in _MAGICS if offset == 0)
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE,
         codecs.BOM_UTF16_BE)  # fmt: skip
# Bytes that text never holds: C0 controls except \t \n \v \f \r, ESC (colours), BS.
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\x0b\x0c\r\x1b\x08")


def identify(head: bytes, *, content: bool = True) -> Kind | None:
    """The kind ``head`` (an input's first bytes) announces; None for text.

    ``content=False`` looks at magic numbers only (for readers that decode strictly and
    report undecodable bytes with their line and offset themselves).
    """
    for offset, magic, kind in _MAGICS:
        if head[offset : offset + len(magic)] == magic:
            return kind
    if content and _undecodable(head[:HEAD_BYTES]):
        return UNDECODABLE
    return None


def could_be_magic(head: bytes) -> bool:
    """True while ``head`` is too short to tell: it is a proper prefix of a magic number.

    why: a live pipe (``tail -f``) may deliver ``"ok\\n"`` alone; waiting for 16 bytes would
    hold that line back, while a prefix that matches no magic can be decided at once.
    """
    return len(head) < _MAGIC_SPAN and any(
        offset == 0 and len(head) < len(magic) and magic.startswith(head)
        for offset, magic, _ in _MAGICS
    )


def _undecodable(head: bytes) -> bool:
    """No BOM, and more than one byte in ten is a control character, or more than one in
    ten is a control character or not UTF-8 and the bytes are not GB18030 either.

    why: UTF-16/32 with a BOM are text (decoded elsewhere); GBK/GB18030 logs are text; a
    log with a few stray NUL or Latin-1 bytes is text, copied losslessly by ``mask``.
    """
    if not head or head.startswith(_BOMS):
        return False
    if mostly_control(head):
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    text = codecs.getincrementaldecoder("utf-8")("surrogateescape").decode(head, final=False)
    not_utf8 = sum(1 for char in text if "\udc80" <= char <= "\udcff")
    if (controls + not_utf8) * 10 <= len(head):
        return False
    return not _decodes(head, "gb18030")


def mostly_control(head: bytes) -> bool:
    """More than one byte in ten of ``head`` is NUL or another control character (and it
    has no BOM): UTF-16 without a BOM, or binary that happens to be valid UTF-8."""
    head = head[:HEAD_BYTES]
    if not head or head.startswith(_BOMS):
        return False
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls * 10 > len(head)


def _decodes(head: bytes, codec: str) -> bool:
    """``head`` decodes, allowing a character cut off at its end."""
    try:
        codecs.getincrementaldecoder(codec)().decode(head, final=False)
    except UnicodeDecodeError:
        return False
    return True


def refusal(name: str, kind: Kind, command: str) -> InputError:
    """The error for an input ``command`` cannot read: names the file and the reason."""
    if kind.family == DATASET:
        hint = f"check it with 'pimask check {name}' (and fix it with 'pimask check --fix')"
    elif kind is UNDECODABLE:
        hint = "it is not text in any encoding pimask reads"
    else:
        hint = "extract it first; pimask reads text, gzip, bzip2, xz and zstd"
    return InputError(f"{name}: not examined: {kind.name}; {hint}")


def skip_reason(kind: Kind) -> str:
    """Why a file met in a directory walk is skipped (with a note) rather than read.

    why: the fail-closed rule (:func:`refusal`, exit 2) is for files named explicitly; a
    walked tree holds images, archives and compressed logs, which are listed and counted.
    """
    if kind.family == COMPRESSED:
        return f"{kind.name}-compressed file (name it to check the text inside)"
    if kind is UNDECODABLE:
        return "binary file"
    return f"binary file ({kind.name})"


def zstd_reader(raw: BinaryIO) -> BinaryIO:
    """A decompressing reader over zstd ``raw``; needs the optional ``zstandard`` package."""
    try:
        import zstandard
    except ImportError:
        raise ConfigError(
            "reading zstd-compressed input needs the zstandard package: "
            "pip install 'pimask[zstd]' (or decompress it first: zstdcat FILE | pimask …)"
        ) from None
    return zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True)


def decompressor(kind: Kind, raw: BinaryIO) -> BinaryIO:
    """The decompressed stream of ``raw``, a ``kind.family == COMPRESSED`` input."""
    if kind is GZIP:
        return gzip.GzipFile(fileobj=raw, mode="rb")
    if kind is BZIP2:
        return bz2.BZ2File(raw, mode="rb")
    if kind is XZ:
        return lzma.LZMAFile(raw, mode="rb")
    if kind is ZSTD:
        return zstd_reader(raw)
    raise ValueError(kind)


def _decompress_errors() -> tuple[type[BaseException], ...]:
    errors: list[type[BaseException]] = [OSError, EOFError, lzma.LZMAError, zlib.error]
    try:
        import zstandard

        errors.append(zstandard.ZstdError)
    except ImportError:
        pass
    return tuple(errors)


class Prefixed(io.RawIOBase):
    """A raw stream that returns ``head`` first, then whatever ``read()`` gives.

    why: the bytes read to identify an input must not be lost; ``read`` is the caller's
    chunk reader, so a pipe is still read as data arrives.
    """

    def __init__(self, head: bytes, read: Callable[[], bytes]) -> None:
        self._head = memoryview(head)
        self._read = read
        self._rest = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        if not self._head and not self._rest:
            self._rest = memoryview(self._read())
        source = self._head if self._head else self._rest
        count = min(len(buffer), len(source))
        buffer[:count] = source[:count]
        if self._head:
            self._head = self._head[count:]
        else:
            self._rest = self._rest[count:]
        return count


class Decompressed(io.RawIOBase):
    """The text inside a compressed input; corrupt data is an InputError naming the file."""

    def __init__(self, name: str, kind: Kind, inner: BinaryIO) -> None:
        self.name_shown = name
        self.kind = kind
        self._inner = inner
        self._errors = _decompress_errors()

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        try:
            data = self._inner.read(len(buffer))
        except self._errors as exc:
            raise InputError(
                f"{self.name_shown}: corrupt or truncated {self.kind.name} data "
                f"({type(exc).__name__})"
            ) from None
        count = len(data)
        buffer[:count] = data
        return count


@dataclass(slots=True)
class Opened:
    """An input after identification: its first bytes and, if compressed, the text inside.

    ``head`` is what was read to identify a plain-text input (feed it before reading on);
    ``text`` is None for plain text, else a buffered stream of the decompressed text.
    """

    head: bytes
    text: BinaryIO | None
    layers: tuple[Kind, ...] = ()


def read_head(read: Callable[[], bytes], want: int = HEAD_BYTES) -> bytes:
    """Read until ``want`` bytes, end of input, or the start can no longer be a magic number.

    A live pipe gives what it has: once a chunk has arrived that is not the start of a
    magic number, reading stops (the content test then looks at that chunk only).
    """
    head = b""
    while len(head) < want:
        chunk = read()
        if not chunk:
            break
        head += chunk
        if not could_be_magic(head):
            break
    return head


def open_text(name: str, read: Callable[[], bytes], command: str) -> Opened:
    """Identify an input from its first bytes; decompress it or refuse it.

    Raises InputError (exit 2) naming ``name`` for datasets, archives and binary data, and
    ConfigError for zstd without ``zstandard``.
    """
    head = read_head(read)
    kind = identify(head)
    if kind is None:
        return Opened(head, None)
    layers: list[Kind] = []
    stream: BinaryIO | None = None
    while kind is not None:
        if kind.family != COMPRESSED:
            if layers:
                inside = f"{kind.name} inside {' inside '.join(k.name for k in layers)}"
                kind = Kind(inside, kind.family)
            raise refusal(name, kind, command)
        if len(layers) >= _MAX_NESTING:
            raise InputError(f"{name}: not examined: compressed more than {_MAX_NESTING} times")
        layers.append(kind)
        raw = io.BufferedReader(Prefixed(head, read))
        stream = io.BufferedReader(Decompressed(name, kind, decompressor(kind, raw)))
        read = _reader(stream)
        head = read_head(read)
        kind = identify(head)
    assert stream is not None
    return Opened(b"", io.BufferedReader(Prefixed(head, read)), tuple(layers))


def _reader(stream: BinaryIO, size: int = 64 * 1024) -> Callable[[], bytes]:
    read1 = getattr(stream, "read1", None)
    if read1 is not None:
        return lambda: read1(size)
    return lambda: stream.read(size)


def sniff_file(path: str) -> Kind | None:
    """The kind of the file at ``path`` from its first bytes (None: text); OSError passes."""
    with open(path, "rb") as handle:
        return identify(handle.read(HEAD_BYTES))
