"""URL-percent and JSON ``\\uXXXX`` escapes in the normalized view (issue 16, part E).

Detection reads values written escaped (``tel=%2B8613912345678``, ``zhang.san%40example.com``,
a JSON line written with ``ensure_ascii``) on the decoded view; a finding's span covers the
whole escaped spelling, the display mask and the policy operators read the decoded value,
and the replacement is written back in the value's escapes, so no readable half is left and
a JSON string literal stays valid JSON. Every case runs on both engines.
"""

from __future__ import annotations

import json
import re
import string

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pimask
from pimask.normalize import clean, decode_escapes, has_escape, original_span, view

from .strategies import NOISE, VALUES

KEY = "k1:" + "tG7vQ2xL9pR4mZ8wK3nB6yH1cF5dJ0sA"

# A valid (synthetic, checksum-valid) value of each kind used by the table.
MOBILE = "13912345678"
RESIDENT_ID = "11010519491231002X"
CARD = "6222021234567890128"


def percent(text: str) -> str:
    """Every character of ``text`` as URL-percent escapes of its UTF-8 bytes."""
    return "".join(f"%{byte:02X}" for byte in text.encode())


def u_escaped(text: str) -> str:
    """Every character of ``text`` as a JSON ``\\uXXXX`` escape (lower-case, as ``json``)."""
    return "".join(f"\\u{ord(ch):04x}" for ch in text)


@pytest.fixture(scope="module", params=["reference", "native"])
def engine(request) -> pimask.Engine:
    return pimask.Engine(backend=request.param)


@pytest.fixture(scope="module")
def pair() -> tuple[pimask.Engine, pimask.Engine]:
    return pimask.Engine(backend="native"), pimask.Engine(backend="reference")


def found(engine: pimask.Engine, text: str) -> list[tuple[str, str]]:
    return [(f.entity, text[f.start : f.end]) for f in engine.scan(text)]


# (line, [(entity, original spelling of the finding)], display-masked line)
TABLE = [
    # URL-encoded query strings and form bodies
    (
        "tel=%2B8613912345678",
        [("CN_MOBILE", "%2B8613912345678")],
        "tel=%2B86139****5678",
    ),
    ("mobile%3D13912345678", [("CN_MOBILE", MOBILE)], "mobile%3D139****5678"),
    (
        "mail=zhang.san%40example.com&x=1",
        [("EMAIL", "zhang.san%40example.com")],
        "mail=z***%40example.com&x=1",
    ),
    (
        f"q={percent('手机号')}{MOBILE}",
        [("CN_MOBILE", MOBILE)],
        f"q={percent('手机号')}139****5678",
    ),
    (
        f"q={percent('手机:')}%2B86%20139%201234%205678&x=1",
        [("CN_MOBILE", "%2B86%20139%201234%205678")],
        f"q={percent('手机:')}%2B86%20139%20****%205678&x=1",
    ),
    (
        "card=6222%200212%203456%207890%20128",
        [("BANK_CARD", "6222%200212%203456%207890%20128")],
        "card=6222%2002**%20****%20***0%20128",
    ),
    # lower-case hex digits decode too; the replacement writes upper case
    ("tel=%2b8613912345678", [("CN_MOBILE", "%2b8613912345678")], "tel=%2B86139****5678"),
    # JSON written with ensure_ascii: the escape's hex digits never glue to the number
    (
        '{"msg": "\\u624b\\u673a\\u53f713912345678"}',
        [("CN_MOBILE", MOBILE)],
        '{"msg": "\\u624b\\u673a\\u53f7139****5678"}',
    ),
    (
        '{"id": "\\u0031\\u0031\\u003010519491231002X"}',
        [("CN_RESIDENT_ID", "\\u0031\\u0031\\u003010519491231002X")],
        '{"id": "1***************2X"}',  # a letter or digit is never escaped back
    ),
    (
        '{"e": "zhang.san\\u0040example.com"}',
        [("EMAIL", "zhang.san\\u0040example.com")],
        '{"e": "z***\\u0040example.com"}',
    ),
    # an escaped invisible character inside a value is dropped like the raw one
    (
        '{"m": "139\\u200b1234\\u200b5678"}',
        [("CN_MOBILE", "139\\u200b1234\\u200b5678")],
        '{"m": "139\\u200b****\\u200b5678"}',
    ),
    # a surrogate pair decodes as one character
    ("\\ud83d\\ude00 13912345678", [("CN_MOBILE", MOBILE)], "\\ud83d\\ude00 139****5678"),
    # mixed: percent-encoded JSON text holding an escaped context word
    (
        f"body=%7B%22msg%22%3A%22{u_escaped('手机号')}{MOBILE}%22%7D",
        [("CN_MOBILE", MOBILE)],
        f"body=%7B%22msg%22%3A%22{u_escaped('手机号')}139****5678%22%7D",
    ),
    # what must NOT decode: a percent sign of a figure, bad hex, truncated escapes
    ("进度100% 13912345678", [("CN_MOBILE", MOBILE)], "进度100% 139****5678"),
    ("%ZZ 13912345678", [("CN_MOBILE", MOBILE)], "%ZZ 139****5678"),
    ("\\u00 13912345678", [("CN_MOBILE", MOBILE)], "\\u00 139****5678"),
    # an escaped backslash: the "u0031" after it is text, not an escape
    ("\\\\u00311391234567", [], "\\\\u00311391234567"),
    # JSON inside a JSON string: its keys read like plain JSON's (strong key card_no)
    (
        '{"msg": "{\\"card_no\\":\\"6225882116734208\\"}"}',
        [("BANK_CARD", "6225882116734208")],
        '{"msg": "{\\"card_no\\":\\"622588******4208\\"}"}',
    ),
    # an escaped control character separates like a space (never a line break in the view)
    ("a%0A13912345678", [("CN_MOBILE", MOBILE)], "a%0A139****5678"),
    ("a%0d%0a13912345678", [("CN_MOBILE", MOBILE)], "a%0d%0a139****5678"),
    ('{"m": "a\u000a13912345678"}', [("CN_MOBILE", MOBILE)], '{"m": "a\u000a139****5678"}'),
]


@pytest.mark.parametrize(("line", "expected", "masked"), TABLE)
def test_table(engine: pimask.Engine, line: str, expected: list, masked: str) -> None:
    assert found(engine, line) == expected
    assert engine.mask(line) == masked


def test_decoded_context_word_scores_the_value(engine: pimask.Engine) -> None:
    for line in (
        f"{percent('手机号')}{MOBILE}",
        '{"msg": "\\u624b\\u673a\\u53f713912345678"}',
    ):
        (finding,) = engine.scan(line)
        assert [hit.word for hit in finding.explanation.context] == ["手机号"]


@pytest.mark.parametrize(
    "text",
    ["100%", "%ZZ", "%", "\\u00", "\\u00G1", "\\x", "\\n", "\\ud83d x", "\\ude00", "%C0%80",
     "%E6%89", "%E6%89%ZZ", "%80", "%F5%80%80%80", "%ED%A0%80", "%C3", "%C3%C3"],
)  # fmt: skip
def test_what_is_not_an_escape_stays_as_written(text: str) -> None:
    assert view(text) == (text, None)
    assert not has_escape(text)
    assert clean(text) == text


def test_an_escaped_backslash_ends_there() -> None:
    assert view("\\\\u0031") == ("\\u0031", [0, 2, 3, 4, 5, 6])


def test_view_maps_decoded_characters_to_their_whole_spelling() -> None:
    text = "a%E6%89%8Bb\\u0031%2B"
    folded, positions = view(text)
    assert folded == "a手b1+"
    assert [original_span(positions, i, i + 1) for i in range(len(folded))] == [
        (0, 1), (1, 10), (10, 11), (11, 17), (17, 20),
    ]  # fmt: skip
    assert [piece[3] for piece in decode_escapes(text)] == ["", "%", "", "u", "%"]


def test_operators_receive_the_decoded_value(pair, monkeypatch) -> None:
    """Pseudonyms of every spelling of one number are one token."""
    monkeypatch.setenv("PIMASK_KEY", KEY)
    spellings = [
        "tel=13912345678",
        "tel=%2B8613912345678",
        "tel=１３９１２３４５６７８",
        "tel=139\u200b1234\u200b5678",
        "tel=\\u0031\\u0033\\u003912345678",
        "tel=139%201234%205678",
    ]
    for engine in pair:
        tokens = {engine.apply(line, policy="deidentify").text for line in spellings}
        assert len(tokens) == 1, tokens
        assert "5678" not in tokens.pop()
    assert clean("zhang.san%40example.com") == "zhang.san@example.com"
    assert clean("%2B8613912345678") == "+8613912345678"


def test_policy_masks_read_the_decoded_value(pair) -> None:
    line = "tel=%2B8613912345678 mail=zhang.san%40example.com"
    native, reference = pair
    for policy in ("display", "anonymize"):
        ours = native.apply(line, policy=policy).text
        assert ours == reference.apply(line, policy=policy).text
        assert "12345678" not in clean(ours)


def leaks(value: str, output: str) -> bool:
    """Are the value's digits (or its local part) contiguous in the cleaned output?"""
    flat = re.sub(r"[\s\-+.]", "", clean(output))
    if "@" in value:
        local = value.split("@")[0]
        # why: the first character is what the display mask keeps
        return len(local) > 1 and local[1:] + "@" in flat
    digits = re.sub(r"[^0-9Xx]", "", value)
    return len(digits) >= 7 and digits in flat


JSON_VALUES = [
    f"手机号{MOBILE}",
    f"身份证号：{RESIDENT_ID}",
    f"卡号 {CARD}",
    "邮箱 zhang.san@example.com",
    '张三 联系电话 +86 139-1234-5678 "quoted" \\ back',
    f"电话\u200b{MOBILE}",
]


@pytest.mark.parametrize("value", JSON_VALUES)
def test_masked_json_stays_valid_json(engine: pimask.Engine, value: str) -> None:
    for doc in (
        json.dumps({"msg": value}, ensure_ascii=True),
        json.dumps({"msg": value, "n": [1, {"k": value}]}, ensure_ascii=True),
        json.dumps({"msg": value}, ensure_ascii=False).replace("1", "\\u0031"),
    ):
        masked = engine.mask(doc)
        loaded = json.loads(masked)
        assert not leaks(value, json.dumps(loaded, ensure_ascii=False)), masked
        assert engine.mask(masked) == masked


@st.composite
def escaped(draw, value: str) -> str:
    """``value`` with some of its characters written as percent or ``\\u`` escapes."""
    form = draw(st.sampled_from(["%", "u"]))
    chars = []
    for ch in value:
        if draw(st.integers(0, 2)) == 0:
            chars.append(ch)
        elif form == "%":
            chars.append(percent(ch))
        else:
            chars.append(f"\\u{ord(ch):04x}")
    return "".join(chars)


SEPARATORS = st.sampled_from([" ", "：", "=", "=", '":"', "\t"])
KIND_VALUES = st.sampled_from(sorted(VALUES)).flatmap(lambda kind: VALUES[kind])


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow])
@given(NOISE, st.sampled_from(["手机号", "身份证号", "卡号", "邮箱", "IMEI", "ip", "mac"]),
       SEPARATORS, KIND_VALUES, NOISE, st.data())  # fmt: skip
def test_escaped_values_are_found_over_their_whole_spelling(
    pair, noise: str, key: str, gap: str, value: str, after: str, data
) -> None:
    """Where the plain spelling is found, the escaped one is found over its whole spelling,
    by both engines alike; masking it leaves nothing readable and is idempotent."""
    native, reference = pair
    before = noise + key + gap
    spelled = data.draw(escaped(value))
    plain_line = before + value + " " + after
    line = before + spelled + " " + after
    plain = [(f.entity, f.start, f.end) for f in reference.scan(plain_line)]
    got = [(f.entity, f.start, f.end) for f in reference.scan(line)]
    hit = [entity for entity, s, e in plain if (s, e) == (len(before), len(before) + len(value))]
    if hit:
        assert (hit[0], len(before), len(before) + len(spelled)) in got, line
    assert [(f.entity, f.start, f.end, f.score) for f in native.scan(line)] == [
        (f.entity, f.start, f.end, f.score) for f in reference.scan(line)
    ]
    masked = reference.mask(line)
    assert native.mask(line) == masked
    if hit:
        assert not leaks(value, masked), masked
    assert reference.mask(masked) == masked


_JSON_NOISE = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
        st.sampled_from(list(string.ascii_letters + string.digits + ' .:=-"\\\u200b%')),
    ),
    max_size=20,
)


@settings(max_examples=80, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_JSON_NOISE, KIND_VALUES, _JSON_NOISE), min_size=1, max_size=3))
def test_masked_ensure_ascii_json_loads(pair, fields: list[tuple[str, str, str]]) -> None:
    doc = json.dumps(
        {f"k{i}": f"{a} {value} {b}" for i, (a, value, b) in enumerate(fields)},
        ensure_ascii=True,
    )
    native, reference = pair
    masked = reference.mask(doc)
    assert native.mask(doc) == masked
    json.loads(masked)


def test_blocks_with_escapes_match_byte_for_byte(pair) -> None:
    lines = [row[0] for row in TABLE] + [
        json.dumps({"m": f"手机号{MOBILE}"}, ensure_ascii=True) + "\r",
        "nothing 100% here",
        f"plain {MOBILE}",
    ]
    blob = "\n".join(lines).encode() + b"\n\xff%2B8613912345678\n"
    native, reference = pair
    ours, theirs = native.apply_block(blob), reference.apply_block(blob)
    assert ours.out == theirs.out
    assert ours.actions == theirs.actions
    assert b"%2B86139****5678" in ours.out


def test_allowlists_read_the_decoded_value(pair, tmp_path) -> None:
    policy = tmp_path / "p.yaml"
    policy.write_text(
        "name: company\nlevel: anonymize\nallow:\n"
        '  values: [support@cloudcsp.com, "139-1234-5678"]\n',
        encoding="utf-8",
    )
    line = "a support%40cloudcsp.com b tel=%2B8613912345678 c tel=%2B8613812345678"
    for engine in pair:
        result = engine.apply(line, str(policy))
        assert result.text.startswith("a support%40cloudcsp.com b tel=%2B8613912345678 c ")
        assert "13812345678" not in clean(result.text)
        assert ("EMAIL", "allow") in result.actions
