"""Issue 19: account secrets and organisation ids — a fixed table of positives and negatives
per entity on both engines, the key-driven recognizer kind against the reference on
generated lines, and what policies may do with a secret.

Every value here is synthetic (no real password, token or company).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pimask
from pimask.errors import ConfigError
from pimask.masking import display_mask
from pimask.policy import BUILTIN_POLICIES, load_policy, parse_policy
from pimask.recognizers import parse_recognizer

# (text, entity, values that must be found as that entity); an empty tuple: none of it.
TABLE: list[tuple[str, str, tuple[str, ...]]] = [
    # --- SECRET: the value of a secret's key, a bearer token, a JWT
    ("password=Tr0ub4dor&3", "SECRET", ("Tr0ub4dor",)),
    ("PASSWORD: 'letmein99'", "SECRET", ("letmein99",)),
    ('{"db_password": "x9!Kq2#z"}', "SECRET", ("x9!Kq2#z",)),
    ("oldPassword=abc123&newPassword=def456", "SECRET", ("abc123", "def456")),
    ("登录密码：Qwe12345", "SECRET", ("Qwe12345",)),
    ("pwd=hunter22", "SECRET", ("hunter22",)),
    ("refresh_token=1//0gAbCdEfGhIjKlMn", "SECRET", ("1//0gAbCdEfGhIjKlMn",)),
    ("X-Auth-Token: 6c0a2b7e9d4f1a3b", "SECRET", ("6c0a2b7e9d4f1a3b",)),
    ("aws access_key=AKIAIOSFODNN7EXAMPLE", "SECRET", ("AKIAIOSFODNN7EXAMPLE",)),
    ("apiKey => 'sk_test_4eC39HqLyjWDarjt'", "SECRET", ("sk_test_4eC39HqLyjWDarjt",)),
    ("Authorization: Bearer 0a1b2c3d4e5f", "SECRET", ("Bearer 0a1b2c3d4e5f",)),
    ("proxy-authorization=Basic Zm9vOmJhcjEy", "SECRET", ("Basic Zm9vOmJhcjEy",)),
    ("token bearer a1b2c3d4e5 rejected", "SECRET", ("a1b2c3d4e5",)),
    (
        "jwt=eyJhbGciOiJub25lIn0.eyJ1aWQiOjEyMzQ1Njc4fQ.",
        "SECRET",
        ("eyJhbGciOiJub25lIn0.eyJ1aWQiOjEyMzQ1Njc4fQ.",),
    ),
    ("cd pwd=/home/app", "SECRET", ()),
    ("pwd=./build pwd=~/src", "SECRET", ()),
    ("max_tokens=4096 max_token=4096 maxTokens=4096", "SECRET", ()),
    ("token_count=12 tokens=99999999", "SECRET", ()),
    ("next_page_token= next_page_token=&x=1", "SECRET", ()),
    ("password_policy=strict password_reset=ok", "SECRET", ()),
    ("password=null token=undefined secret=********", "SECRET", ()),
    ("password=%s token={{token}} secret=${APP_SECRET}", "SECRET", ()),
    ("userpassword=abc123 passwords=abc123", "SECRET", ()),  # glued: another key
    ("password reset requested; bearer authentication failed", "SECRET", ()),
    ("密码错误，请重试 密码：已重置", "SECRET", ()),
    ("eyJhbGciOiJIUzI1NiJ9 is only a header", "SECRET", ()),
    # LogHub Android: object reprs after token=, not secrets
    ("Skipping AppWindowToken{df0798e token=Token{78af589 ActivityRecord{", "SECRET", ()),
    ("Bad activity token: android.os.BinderProxy@2bd79ce", "SECRET", ()),
]


@pytest.fixture(scope="module", params=["native", "reference"])
def engine(request) -> pimask.Engine:
    return pimask.Engine(backend=request.param)


@pytest.mark.parametrize(("text", "entity", "values"), TABLE)
def test_table(engine: pimask.Engine, text: str, entity: str, values: tuple[str, ...]) -> None:
    found = [text[f.start : f.end] for f in engine.scan(text) if f.entity == entity]
    assert found == list(values)


# --- the key-driven kind against the reference engine on generated lines

_KEYS = ["password", "Passwd", "PWD", "pwd", "token", "access_token", "max_token", "api-key",
         "apiKey", "SECRET", "authorization", "Bearer", "密码", "tokens", "x"]  # fmt: skip
_SEPARATORS = ["=", ": ", '": "', " => '", "：", "= ", " ", "=\n", ""]
_VALUE_CHARS = st.sampled_from([*"aZ09_-./~*$%{}<>[]&,;'\" \t!@#+=:", "密", "Ａ", "１"])
_NOISE = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("abcXYZ019 _-.:=\"'/&;,")),
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4E0F),
    ),
    max_size=12,
)


@st.composite
def keyed_lines(draw) -> str:
    pieces = []
    for _ in range(draw(st.integers(1, 4))):
        pieces.append(draw(_NOISE))
        pieces.append(draw(st.sampled_from(_KEYS)))
        pieces.append(draw(st.sampled_from(_SEPARATORS)))
        pieces.append(draw(st.text(alphabet=_VALUE_CHARS, max_size=24)))
    pieces.append(draw(_NOISE))
    return "".join(pieces)


@pytest.fixture(scope="module")
def pair() -> tuple[pimask.Engine, pimask.Engine]:
    return pimask.Engine(backend="native"), pimask.Engine(backend="reference")


def _describe(engine: pimask.Engine, text: str) -> list[tuple]:
    return [(f.entity, f.start, f.end, f.score, f.explanation) for f in engine.scan(text)]


@settings(max_examples=200)
@given(keyed_lines())
def test_keyed_findings_match_the_reference(pair, text: str) -> None:
    native, reference = pair
    assert _describe(native, text) == _describe(reference, text), repr(text)
    assert native.mask(text) == reference.mask(text), repr(text)


@settings(max_examples=100)
@given(st.lists(keyed_lines(), max_size=6))
def test_keyed_blocks_match_the_reference(pair, lines: list[str]) -> None:
    native, reference = pair
    blob = "\n".join(lines).encode()
    ours, theirs = native.apply_block(blob), reference.apply_block(blob)
    assert (ours.out, ours.actions) == (theirs.out, theirs.actions)


CUSTOM = """
id: staff_pin
entity: STAFF_PIN
keys: [pin]
patterns:
  - name: pin
    keys: [pin, 工号密码]
    separator: '[ \\t]*#[ \\t]*'
    regex: '[0-9]{4,6}'
    score: 0.9
"""


def test_a_custom_key_driven_recognizer(pair) -> None:
    text = CUSTOM.replace("keys: [pin]\n", "")
    spec = parse_recognizer(text, "pin.yaml")
    for backend in ("native", "reference"):
        engine = pimask.Engine(recognizer_files=[spec], backend=backend)
        found = [(f.entity, "PIN #1234 spin#5678 工号密码 # 98765"[f.start : f.end])
                 for f in engine.scan("PIN #1234 spin#5678 工号密码 # 98765")]  # fmt: skip
        assert ("STAFF_PIN", "1234") in found
        assert ("STAFF_PIN", "98765") in found
        assert ("STAFF_PIN", "5678") not in found


def test_key_lists_are_checked() -> None:
    bad = CUSTOM.replace("keys: [pin]\n", "").replace("[pin, 工号密码]", "['pin code']")
    with pytest.raises(ConfigError, match=r"patterns.0.keys"):
        parse_recognizer(bad, "pin.yaml")
    bad = CUSTOM.replace("keys: [pin]\n", "").replace("'[ \\t]*#[ \\t]*'", "'(?<=#)'")
    with pytest.raises(ConfigError, match=r"patterns.0.separator"):
        parse_recognizer(bad, "pin.yaml")


# --- what policies do with a secret

LINE = "login alice password=Tr0ub4dor token=9f8e7d6c5b4a"


@pytest.mark.parametrize("name", sorted(BUILTIN_POLICIES))
def test_every_builtin_policy_keeps_nothing_of_a_secret(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIMASK_KEY", "k1:" + "tG7vQ2xL9pR4mZ8wK3nB6yH1cF5dJ0sA")
    for backend in ("native", "reference"):
        out = pimask.Engine(backend=backend).apply(LINE, policy=name).text
        assert "Tr0ub4dor" not in out and "9f8e7d6c5b4a" not in out
        assert "Tr0" not in out and "b4a" not in out
        assert pimask.Engine(backend=backend).scan(out or "") == []


def test_the_display_mask_of_a_secret_hides_its_length() -> None:
    assert display_mask("SECRET", "a") == display_mask("SECRET", "p@ss-w0rd-long") == "******"
    assert pimask.mask("password=p@ss-w0rd") == "password=******"


@pytest.mark.parametrize(
    "operator",
    ["{type: mask, keep_first: 2}", "{type: mask, keep_last: 1}", "{type: mask, preset: last4}"],
)
def test_policy_check_refuses_a_mask_that_keeps_part_of_a_secret(operator: str) -> None:
    text = f"name: p\nlevel: display\noperators:\n  SECRET: {operator}\n"
    with pytest.raises(ConfigError, match=r"operators.SECRET.*secret has no display level"):
        parse_policy(text, "p.yaml")


def test_a_default_mask_that_keeps_fragments_needs_an_operator_for_secrets() -> None:
    text = "name: p\nlevel: display\noperators:\n  default: {type: mask, keep_first: 3}\n"
    with pytest.raises(ConfigError, match=r"operators.default: for SECRET: .*an operator"):
        parse_policy(text, "p.yaml")
    policy = parse_policy(text + "  SECRET: {type: redact}\n", "p.yaml")
    out = pimask.Engine().apply("password=Tr0ub4dor mobile 13912345678", policy=policy).text
    assert out == "password= mobile 139********"
    assert load_policy("display").operator_for("SECRET").type == "mask"
