"""The streaming core: lossless, split-invariant, windowed, ordered across workers."""

from __future__ import annotations

import io
import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pimask
from pimask.engine import Result
from pimask.errors import InputError
from pimask.findings import Explanation, Finding
from pimask.stream import StreamMasker, Transformer, _align, mask_bytes, resolve_jobs

from .strategies import CONTEXT_WORDS, VALUES


class NullEngine:
    """Matches nothing: the stream alone must then be the identity on bytes."""

    def apply(self, text: str, policy: object = None, *, region=None) -> Result:
        return Result(text, False, [], [])


_MARK = re.compile(r"DROP|BOOM")


class MarkerEngine:
    """Finds the words DROP (the policy drops the record) and BOOM (the engine fails)."""

    def apply(self, text: str, policy: object = None, *, region=None) -> Result:
        lo, hi = region or (0, len(text))
        findings = []
        for match in _MARK.finditer(text):
            if lo <= match.start() < hi:
                if match.group() == "BOOM":
                    raise RuntimeError(f"failed on {text!r}")
                explanation = Explanation("drop", "drop", None, "unknown", "", 1.0, (), 1.0)
                findings.append(Finding("X", match.start(), match.end(), 1.0, explanation))
        return Result(
            "" if findings else text, bool(findings), findings, [("X", "drop")] * len(findings)
        )


NULL = Transformer(NullEngine())
REAL = Transformer(pimask.default_engine())
MARKER = Transformer(MarkerEngine())

# Byte pieces that break naive streams: CR/LF in every combination, NUL, invalid and
# truncated UTF-8, a lone surrogate's encoding, 4-byte characters.
SPECIAL = st.sampled_from(
    [
        b"\n",
        b"\r",
        b"\r\n",
        b"\n\n",
        b"\x00",
        b"\xff",
        b"\xfe\xfe",
        b"\xe4\xb8",
        "中".encode(),
        b"\xc3",
        b"\x80\x80\x80\x80",
        "😀".encode(),
        b"\xed\xa0\x80",
        b"{",
        b'"',
    ]
)
RAW = st.lists(st.one_of(st.binary(max_size=24), SPECIAL), max_size=40).map(b"".join)
CHUNKS = st.lists(st.integers(1, 80), max_size=60)


@settings(max_examples=150)
@given(data=RAW, chunks=CHUNKS, window=st.integers(16, 80), margin=st.integers(16, 80))
def test_nothing_matched_means_output_is_input_byte_for_byte(
    data: bytes, chunks: list[int], window: int, margin: int
) -> None:
    out = mask_bytes(data, NULL, chunks=chunks, window_bytes=window, margin_bytes=margin)
    assert out == data


@settings(max_examples=60)
@given(data=RAW, chunks=CHUNKS)
def test_jsonl_mode_with_nothing_matched_is_identity(data: bytes, chunks: list[int]) -> None:
    null_json = Transformer(NullEngine(), fmt="jsonl")
    assert mask_bytes(data, null_json, chunks=chunks) == data


# Noise that cannot extend an entity (no ASCII letters, digits or @.:-+()), with CR, NUL
# and invalid bytes, so each value's span is exactly what we put in.
NOISE_PIECES = st.one_of(
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
            st.sampled_from(list("，。；！ \t\r\x00")),
        ),
        max_size=30,
    ).map(lambda s: s.encode("utf-8")),
    st.sampled_from([b"\xff", b"\xe4\xb8", b"\r", b"\n"]),
)


@st.composite
def pii_lines(draw) -> tuple[bytes, list[tuple[int, int]]]:
    """Bytes with PII values (after a context word) and the byte spans of those values."""
    out = bytearray()
    spans: list[tuple[int, int]] = []
    for _ in range(draw(st.integers(1, 8))):
        out += draw(NOISE_PIECES)
        if draw(st.booleans()):
            entity = draw(st.sampled_from(sorted(VALUES)))
            out += (" " + draw(st.sampled_from(CONTEXT_WORDS[entity])) + " ").encode()
            value = draw(VALUES[entity]).encode()
            spans.append((len(out), len(out) + len(value)))
            out += value + b" "
    return bytes(out), spans


@settings(max_examples=60)
@given(case=pii_lines(), chunks=CHUNKS, window=st.integers(32, 400))
def test_split_points_and_window_edges_do_not_change_output(
    case: tuple[bytes, list[tuple[int, int]]], chunks: list[int], window: int
) -> None:
    data, _ = case
    whole = mask_bytes(data, REAL)
    assert mask_bytes(data, REAL, chunks=chunks) == whole
    windowed = mask_bytes(data, REAL, chunks=chunks, window_bytes=window, margin_bytes=1024)
    assert windowed == whole


@settings(max_examples=60)
@given(case=pii_lines())
def test_bytes_outside_masked_spans_are_unchanged(
    case: tuple[bytes, list[tuple[int, int]]],
) -> None:
    data, spans = case
    out = mask_bytes(data, REAL, window_bytes=64, margin_bytes=1024)
    # Rebuild a pattern: every byte outside the value spans literally, each value as "some
    # replacement that is not the value". Values never touch each other (noise between).
    pattern = b""
    cursor = 0
    for start, end in spans:
        pattern += re.escape(data[cursor:start]) + b"(.+?)"
        cursor = end
    pattern += re.escape(data[cursor:])
    match = re.fullmatch(pattern, out, re.DOTALL)
    assert match is not None
    for group, (start, end) in zip(match.groups(), spans, strict=True):
        assert group != data[start:end]


def test_entity_straddling_every_window_edge_is_masked_once() -> None:
    line = ("x" * 7 + " phone: 13912345678 " + "手机号：15812345678，") * 40
    data = line.encode() + b"\n"
    whole = mask_bytes(data, REAL)
    assert b"13912345678" not in whole and b"15812345678" not in whole
    for window in (16, 17, 19, 23, 31, 64, 100):
        assert mask_bytes(data, REAL, window_bytes=window, margin_bytes=1024) == whole


@settings(max_examples=12)
@given(case=pii_lines(), extra=RAW, batch=st.integers(1, 64))
def test_two_workers_give_the_same_output_as_one(
    case: tuple[bytes, list[tuple[int, int]]], extra: bytes, batch: int
) -> None:
    data = (case[0] + b"\n" + extra) * 3
    one = mask_bytes(data, REAL, batch_bytes=batch, window_bytes=48, margin_bytes=1024)
    two = mask_bytes(data, REAL, jobs=2, batch_bytes=batch, window_bytes=48, margin_bytes=1024)
    assert two == one


def test_memory_stays_bounded_on_a_long_line_fed_in_pieces() -> None:
    out = io.BytesIO()
    masker = StreamMasker(lambda: NULL, out, transformer=NULL, window_bytes=4096)
    masker.begin("-")
    piece = b"a" * 1000
    for _ in range(2000):  # a 2 MB line with no newline
        masker.feed(piece)
        assert masker._long is None or len(masker._long.buf) < 4096 + 2 * 8192 + 2000
        assert len(masker._partial) <= 4096
    masker.end()
    masker.close()
    assert out.getvalue() == piece * 2000


# ---- drop and errors


def test_policy_drop_removes_whole_lines_and_counts_them() -> None:
    data = b"keep 1\nDROP me\nkeep 2\nlast DROP"
    out = io.BytesIO()
    masker = StreamMasker(lambda: MARKER, out, transformer=MARKER)
    masker.begin("-")
    masker.feed(data)
    masker.end()
    masker.close()
    assert out.getvalue() == b"keep 1\nkeep 2\n"
    assert masker.stats.dropped == 2
    assert masker.stats.lines == 4


@pytest.mark.parametrize("window", [16, 40, 1000])
def test_drop_in_any_window_of_an_overlong_line_drops_that_line(window: int) -> None:
    long_line = b"y" * 300 + b" DROP " + b"z" * 300
    data = b"first\n" + long_line + b"\nafter\n"
    out = mask_bytes(data, MARKER, window_bytes=window, margin_bytes=32)
    assert out == b"first\nafter\n"


@pytest.mark.parametrize("window", [16, 1 << 20])
def test_failing_line_is_named_by_number_never_by_content(window: int) -> None:
    data = b"ok 1\nok 2\n" + b"secret 13912345678 BOOM " + b"w" * 100 + b"\nok 4\n"
    out = io.BytesIO()
    masker = StreamMasker(lambda: MARKER, out, transformer=MARKER, window_bytes=window)
    masker.begin("app.log")
    with pytest.raises(InputError) as info:
        masker.feed(data)
        masker.end()
        masker.close()
    message = str(info.value)
    assert message.startswith("app.log:3: ")
    assert "13912345678" not in message and "BOOM" not in message and "secret" not in message
    assert out.getvalue() == b"ok 1\nok 2\n"


def test_line_numbers_count_across_batches_and_windows() -> None:
    lines = [b"fine %d\n" % i for i in range(50)]
    lines[10] = b"L" * 200 + b"\n"  # windowed
    lines[37] = b"BOOM\n"
    out = io.BytesIO()
    masker = StreamMasker(lambda: MARKER, out, transformer=MARKER, batch_bytes=20, window_bytes=64)
    masker.begin("f")
    with pytest.raises(InputError, match=r"^f:38: "):
        for line in lines:
            masker.feed(line)
        masker.end()
        masker.close()
    assert out.getvalue() == b"".join(lines[:37])


@pytest.mark.parametrize("jobs", [1, 2])
def test_salvage_writes_queued_lines_but_nothing_after_a_failed_line(jobs: int) -> None:
    lines = [b"fine %d\n" % i for i in range(60)]
    out = io.BytesIO()
    masker = StreamMasker(lambda: MARKER, out, transformer=MARKER, jobs=jobs, batch_bytes=20)
    masker.begin("a")
    for line in lines[:30]:
        masker.feed(line)
    masker.end()
    masker.salvage()  # the next input could not be opened: all of "a" is written
    assert out.getvalue() == b"".join(lines[:30])
    masker.begin("b")
    with pytest.raises(InputError, match=r"^b:6: "):
        for line in [*lines[:5], b"BOOM\n", *lines[6:]]:
            masker.feed(line)
        masker.end()
        masker.flush()
    masker.salvage()  # after a failed line nothing more may come out
    masker.terminate()
    assert out.getvalue() == b"".join(lines[:30] + lines[:5])


# ---- JSON lines


JSONL = Transformer(pimask.default_engine(), fmt="jsonl")


def test_jsonl_masks_nested_string_values_and_keeps_everything_else() -> None:
    record = (
        '{"user": {"phone": "13912345678", "tags": ["vip", "zhang.san@example.com"]}, '
        '"n": 3, "ok": true, "none": null, "f": 1.5e3, "msg": "手机号15812345678已绑定"}'
    )
    out = mask_bytes(record.encode() + b"\n", JSONL).decode()
    assert out.endswith("\n")
    parsed = json.loads(out)
    assert list(parsed) == ["user", "n", "ok", "none", "f", "msg"]
    assert list(parsed["user"]) == ["phone", "tags"]
    assert parsed["user"]["phone"] == "139****5678"
    assert parsed["user"]["tags"][0] == "vip"
    assert "zhang.san" not in parsed["user"]["tags"][1]
    assert "15812345678" not in parsed["msg"] and parsed["msg"].startswith("手机号")
    # every byte outside the changed values is the original byte
    assert out.replace("139****5678", "13912345678", 1).startswith('{"user": {"phone": "1391')
    assert ', "n": 3, "ok": true, "none": null, "f": 1.5e3, "msg": "' in out


def test_jsonl_uses_the_key_as_context() -> None:
    # A bank card needs context; in JSON the key is that context.
    keyed = mask_bytes(b'{"card_no": "6217009876543210015"}\n', JSONL)
    assert b"6217009876543210015" not in keyed
    assert json.loads(keyed)["card_no"] != "6217009876543210015"


def test_jsonl_masks_numeric_pii_as_a_string_rather_than_leaking_it() -> None:
    out = mask_bytes(b'{"phone": 13912345678, "count": 12}\n', JSONL)
    assert json.loads(out) == {"phone": "139****5678", "count": 12}


def test_jsonl_masks_object_keys_and_keeps_every_other_byte() -> None:
    # Maps keyed by phone number or email: the key itself is the personal value.
    data = b'{"13912345678": {"zhang.san@example.com": 1},  "n":[{"k": "v"}]}\n'
    out = mask_bytes(data, JSONL)
    assert b"13912345678" not in out and b"zhang.san" not in out
    assert json.loads(out) == {"139****5678": {"z***@example.com": 1}, "n": [{"k": "v"}]}
    assert out == data.replace(b"13912345678", b"139****5678").replace(b"zhang.san@", b"z***@")


def test_jsonl_masked_keys_stay_valid_escaped_json_strings() -> None:
    data = b'{"a\\"b 13912345678\\u4e2d": "x", "\\u0031": 2}\n'
    out = mask_bytes(data, JSONL)
    assert json.loads(out) == {'a"b 139****5678中': "x", "1": 2}
    assert out.endswith(b', "\\u0031": 2}\n')  # an unchanged key keeps its exact bytes


def test_jsonl_keys_under_a_policy_are_rewritten_too() -> None:
    pytest.importorskip("pimask.policy")
    anonymize = Transformer(pimask.default_engine(), "anonymize", fmt="jsonl")
    out = mask_bytes(b'{"13912345678": {"zhang.san@example.com": 1}}\n', anonymize)
    assert b"13912345678" not in out and b"zhang.san" not in out
    assert json.loads(out) == {"<CN_MOBILE>": {"<EMAIL>": 1}}


def test_jsonl_passes_non_json_lines_through_the_text_path() -> None:
    data = b'not json 13912345678\n{"broken": "13912345678"\n[1, 2]\n"13912345678"\n'
    out = mask_bytes(data, JSONL)
    assert out == (b'not json 139****5678\n{"broken": "139****5678"\n[1, 2]\n"139****5678"\n')


def test_jsonl_escaped_strings_and_invalid_bytes_survive() -> None:
    data = b'{"a": "\\u4e2d\\n 13912345678", "b": "\xff\xfe raw"}\r\n'
    out = mask_bytes(data, JSONL)
    assert out.endswith(b', "b": "\xff\xfe raw"}\r\n')
    assert json.loads(out.decode("utf-8", "surrogateescape")[:-2].split(', "b"')[0] + "}") == {
        "a": "中\n 139****5678"
    }


# ---- small parts


def test_align_never_splits_a_utf8_character() -> None:
    data = "a中😀b".encode()
    for pos in range(1, len(data)):
        cut = _align(data, pos, 0)
        assert cut <= pos
        left, right = data[:cut], data[cut:]
        assert (
            left.decode("utf-8", "surrogateescape") + right.decode("utf-8", "surrogateescape")
            == data.decode()
        )


def test_resolve_jobs() -> None:
    assert resolve_jobs("3") == 3
    assert resolve_jobs("auto") >= 1
    for bad in ("0", "-1", "many"):
        with pytest.raises(pimask.PimaskError):
            resolve_jobs(bad)


def test_stats_report_counts_and_never_values() -> None:
    out = io.BytesIO()
    masker = StreamMasker(lambda: REAL, out, transformer=REAL)
    masker.begin("-")
    masker.feed("手机号13912345678\nmail zhang.san@example.com\n".encode())
    masker.end()
    masker.close()
    report = masker.stats.report()
    assert "2 lines" in report
    assert re.search(r"CN_MOBILE\s+mask\s+1", report)
    assert re.search(r"EMAIL\s+mask\s+1", report)
    assert "MB/s" in report
    assert "13912345678" not in report and "zhang" not in report


@pytest.mark.parametrize("window", [16, 1 << 20])
def test_real_delete_policy_drops_an_overlong_line_with_a_finding(window: int) -> None:
    pytest.importorskip("pimask.policy")
    deleting = Transformer(pimask.default_engine(), "delete")
    long_line = b"x" * 200 + b" phone 13912345678 " + b"y" * 200
    data = b"keep\n" + long_line + b"\n" + b"z" * 300 + b"\n"
    out = mask_bytes(data, deleting, window_bytes=window, margin_bytes=1024)
    assert out == b"keep\n" + b"z" * 300 + b"\n"
