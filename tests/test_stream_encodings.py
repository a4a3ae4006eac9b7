"""Encodings in the stream: GB18030/GBK lines, ``--encoding``, UTF-16 with a BOM.

A line that is not UTF-8 but Chinese GB18030 is scanned as that text and its replacements
written back in GB18030; a Latin-1 line is never taken for GBK; every byte outside a
replacement is kept; splitting the stream anywhere changes nothing.
"""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pimask.cli import main
from pimask.engine import Engine
from pimask.linecodec import also_utf8, decode_line, line_codec, looks_chinese
from pimask.stream import Transformer, mask_bytes

NATIVE = Transformer(Engine())
REFERENCE = Transformer(Engine(backend="reference"))

# (text, what its masked form must be); every value synthetic and checksum-valid
CHINESE = [
    ("身份证号：110105491231002 已核验", "身份证号：1************02 已核验"),
    ("客户电话13912345678，请回电", "客户电话139****5678，请回电"),
    ("证件号码 11010519491231002X 邮箱 zhang.san@example.com", None),
    ("用户登录成功 无敏感信息", "用户登录成功 无敏感信息"),
]
LATIN1 = [
    "Größe Müller 13912345678",
    "café crème brûlée",
    "Ñáñez señor José",
    "Ærøskøbing façade naïve",
]


def _mask_text(text: str) -> str:
    return Engine().mask(text)


@pytest.mark.parametrize(("text", "expected"), CHINESE)
@pytest.mark.parametrize("codec", ["gb18030", "gbk"])
def test_a_gbk_line_is_scanned_as_chinese_and_written_back_in_gbk(
    text: str, expected: str | None, codec: str
) -> None:
    raw = text.encode(codec) + b"\n"
    out = mask_bytes(raw, NATIVE)
    want = (expected if expected is not None else _mask_text(text)).encode(codec) + b"\n"
    assert out == want
    assert mask_bytes(raw, REFERENCE) == want


def test_the_legacy_id_of_the_issue_is_masked_in_gbk_as_in_utf8() -> None:
    text = "身份证号110105491231002"
    utf8 = mask_bytes(text.encode() + b"\n", NATIVE)
    gbk = mask_bytes(text.encode("gbk") + b"\n", NATIVE)
    assert b"110105491231002" not in utf8
    assert gbk.decode("gbk") == utf8.decode()


@pytest.mark.parametrize("text", LATIN1)
def test_a_latin1_line_is_not_taken_for_gbk(text: str) -> None:
    raw = text.encode("latin-1")
    assert line_codec(raw, None) is None
    out = mask_bytes(raw + b"\n", NATIVE)
    # the UTF-8 path keeps every invalid byte; only ASCII values are masked
    assert (
        out
        == Engine().mask(raw.decode("utf-8", "surrogateescape")).encode("utf-8", "surrogateescape")
        + b"\n"
    )


def test_valid_utf8_lines_are_never_reread() -> None:
    # why: "中文" in UTF-8 also decodes as GB18030 (to other characters)
    raw = "中文 13912345678".encode()
    assert line_codec(raw, None) is None
    assert decode_line(raw) == "中文 13912345678"


@pytest.mark.parametrize(
    "raw",
    [
        "身份证号：110105491231002".encode() + b"\xa0",
        "Ａ①".encode() + b"\xa0q",
        "手机号".encode() + b"\xff" + "13912345678 客户".encode(),
    ],
)
def test_utf8_with_a_stray_byte_stays_utf8(raw: bytes) -> None:
    # why: such lines often decode as GB18030 too, into mojibake without context words
    assert line_codec(raw, None) is None
    out = mask_bytes(raw, NATIVE)
    assert out == Engine().mask(raw.decode("utf-8", "surrogateescape")).encode(
        "utf-8", "surrogateescape"
    )


@pytest.mark.parametrize(
    "raw",
    [
        # damaged UTF-8 on both sides of 串号 reads as GB18030 too: GB18030 wins the codec
        # test, but only the UTF-8 reading shows the context word (found by hypothesis)
        b"\xe4\xb8 " + "串号".encode() + b" 350000000000006 \xe4\xb8",
        b"log \xe4\xb8 " + "串号".encode() + b" 350000000000006 \xe4\xb8 end",
        b"\x81@\x81\x80\x81\x80\x81"
        + "身份证号：110105491231002 已核验".encode()
        + b"Gr\xf6\xdfe M\xfcller 13912345678",
    ],
)
@pytest.mark.parametrize("engine", [NATIVE, REFERENCE])
def test_a_line_that_reads_both_ways_is_masked_in_both_readings(
    raw: bytes, engine: Transformer
) -> None:
    assert line_codec(raw, None) == "gb18030"
    utf8 = Engine().mask(raw.decode("utf-8", "surrogateescape"))
    assert "*" in utf8  # what the UTF-8 reading alone masks
    out = mask_bytes(raw + b"\n", engine)
    assert out == utf8.encode("utf-8", "surrogateescape") + b"\n"
    assert mask_bytes(raw[:9] + b"\n" + raw + b"\n", engine).endswith(out)  # block path too


def test_chinese_test_needs_two_gb2312_characters_in_a_row() -> None:
    assert looks_chinese("身份证")
    assert not looks_chinese("Gr鲞e")  # what Latin-1 "Größe" decodes to as GBK
    assert not looks_chinese("abc")


@pytest.mark.parametrize("codec", ["gb18030", "big5", "shift_jis", "latin-1"])
def test_an_explicit_encoding_reads_every_non_ascii_line_with_it(codec: str) -> None:
    word = {"gb18030": "身份证号", "big5": "身分證號", "shift_jis": "電話番号", "latin-1": "Tél"}
    text = f"{word[codec]}：13912345678" if codec != "latin-1" else "Tél 13912345678"
    raw = text.encode(codec) + b"\n"
    transformer = Transformer(Engine(), encoding=codec)
    out = mask_bytes(raw, transformer)
    assert out == _mask_text(text).encode(codec) + b"\n"


def test_a_replacement_the_encoding_cannot_hold_is_an_error_not_a_question_mark() -> None:
    from pimask.errors import InputError
    from pimask.linecodec import encode_back

    with pytest.raises(InputError, match="latin-1") as caught:
        encode_back("Tél [手机号] 13912345678", "latin-1")
    assert "13912345678" not in str(caught.value)
    assert encode_back("Tél 139****5678", "latin-1") == "Tél 139****5678".encode("latin-1")


# --------------------------------------------------------------------------- properties

LINE = st.one_of(
    st.sampled_from([text for text, _ in CHINESE]).map(lambda t: t.encode("gb18030")),
    st.sampled_from([text for text, _ in CHINESE]).map(str.encode),
    st.sampled_from(LATIN1).map(lambda t: t.encode("latin-1")),
    st.binary(max_size=20),
    st.sampled_from([b"\xff\xfe", b"\xd6\xd0", b"\xb5\xe7\xbb", b"\x81\x30\x81\x30", b"\r"]),
)
BLOB = st.lists(st.lists(LINE, max_size=3).map(b"".join), max_size=8).map(b"\n".join)
CHUNKS = st.lists(st.integers(1, 64), max_size=40)


@settings(max_examples=120, deadline=None)
@given(blob=BLOB, chunks=CHUNKS)
def test_split_anywhere_equals_whole_and_native_equals_reference(
    blob: bytes, chunks: list[int]
) -> None:
    whole = mask_bytes(blob, NATIVE)
    assert mask_bytes(blob, NATIVE, chunks=iter(chunks)) == whole
    assert mask_bytes(blob, REFERENCE) == whole
    assert mask_bytes(blob, NATIVE, batch_bytes=17, window_bytes=4096) == whole


@settings(max_examples=120, deadline=None)
@given(blob=BLOB)
def test_each_line_is_masked_in_its_own_encoding_and_nothing_else_changes(blob: bytes) -> None:
    out = mask_bytes(blob, NATIVE)
    lines_in, lines_out = blob.split(b"\n"), out.split(b"\n")
    assert len(lines_in) == len(lines_out)
    for raw, masked in zip(lines_in, lines_out, strict=True):
        codec = line_codec(raw, None) or "utf-8"
        text = raw.decode(codec, "surrogateescape")
        want = Engine().mask(text).encode(codec, "surrogateescape")
        if also_utf8(raw, codec):  # both readings (linecodec.also_utf8)
            want = Engine().mask(want.decode("utf-8", "surrogateescape")).encode(
                "utf-8", "surrogateescape"
            )
        assert masked == want


# --------------------------------------------------------------------------- UTF-16 / CLI

UTF16_TEXT = "身份证号：11010519491231002X\r\n手机 13912345678\nplain line 😀\n"


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_a_utf16_stream_with_a_bom_is_masked_and_written_back_with_its_bom(
    tmp_path: Path, codec: str
) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(
        codec, codecs.BOM_UTF32_LE
    )
    source = tmp_path / "in.log"
    source.write_bytes(bom + UTF16_TEXT.encode(codec))
    target = tmp_path / "out.log"
    assert main(["mask", str(source), "-o", str(target)]) == 0
    out = target.read_bytes()
    assert out.startswith(bom)
    expected = "\n".join(_mask_text(line) for line in UTF16_TEXT.split("\n"))
    assert out[len(bom) :].decode(codec) == expected
    assert "13912345678" not in out.decode(codec)


def test_utf16_keeps_an_odd_trailing_byte_and_later_files_stay_utf8(tmp_path: Path) -> None:
    first, second = tmp_path / "a.log", tmp_path / "b.log"
    first.write_bytes(codecs.BOM_UTF16_LE + "手机 13912345678\n".encode("utf-16-le") + b"\x41")
    second.write_bytes("手机 13912345678\n".encode())
    target = tmp_path / "out.log"
    assert main(["mask", str(first), str(second), "-o", str(target)]) == 0
    out = target.read_bytes()
    head = codecs.BOM_UTF16_LE + "手机 139****5678\n".encode("utf-16-le") + b"\x41"
    assert out == head + "手机 139****5678\n".encode()


def test_mask_and_scan_take_encoding_as_check_does(tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.log"
    source.write_bytes("身份证号 11010519491231002X\n".encode("gbk"))
    target = tmp_path / "out.log"
    assert main(["mask", "--encoding", "gbk", str(source), "-o", str(target)]) == 0
    assert target.read_bytes().decode("gbk") == "身份证号 1***************2X\n"
    capsys.readouterr()
    assert main(["scan", str(source)]) == 1
    assert "CN_RESIDENT_ID" in capsys.readouterr().out
    utf16 = tmp_path / "w.log"
    utf16.write_bytes(codecs.BOM_UTF16_LE + "电话 13912345678\n".encode("utf-16-le"))
    assert main(["scan", str(utf16)]) == 1
    assert ":1:4: CN_MOBILE" in capsys.readouterr().out


def test_scan_reports_a_line_that_reads_both_ways_in_both_readings_once(
    tmp_path: Path, capsys
) -> None:
    source = tmp_path / "in.log"
    ambiguous = b"log \xe4\xb8 " + "串号".encode() + b" 350000000000006 \xe4\xb8 13912345678"
    source.write_bytes(ambiguous + b"\n")
    assert line_codec(ambiguous, None) == "gb18030"
    capsys.readouterr()
    assert main(["scan", str(source)]) == 1
    out = capsys.readouterr().out
    assert out.count("IMEI") == 1  # only the UTF-8 reading shows 串号
    assert out.count("CN_MOBILE") == 1  # found in both readings, reported once


@pytest.mark.parametrize("name", ["no-such-codec", "cp037", "utf-7"])
def test_an_unusable_encoding_is_a_usage_error(tmp_path: Path, name: str, capsys) -> None:
    source = tmp_path / "in.log"
    source.write_bytes(b"x\n")
    assert main(["mask", "--encoding", name, str(source)]) == 2
    assert main(["scan", "--encoding", name, str(source)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_gbk_through_a_pipe_and_workers(tmp_path: Path) -> None:
    import subprocess

    data = ("身份证号：110105491231002\n" * 50).encode("gbk") + b"ok\n"
    cli = [sys.executable, "-c", "import sys; from pimask.cli import main; sys.exit(main())"]
    done = subprocess.run([*cli, "mask", "-j", "2"], input=data, capture_output=True, check=True)
    assert done.stdout == ("身份证号：1************02\n" * 50).encode("gbk") + b"ok\n"
