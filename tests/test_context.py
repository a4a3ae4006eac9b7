"""The backward key reader gives exactly what the documented key regex gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pimask.context import _KEY_BEFORE_VALUE, _KEY_LOOKBACK, key_before

# Characters that matter to the key grammar, plus 汉字 and noise.
ALPHABET = st.sampled_from([*list("ab_Z9.-:=/\"' \t身份证号,;&?{}"), "\u3000"])


def _regex_key(view: str, start: int) -> tuple[str, str | None, str] | None:
    match = _KEY_BEFORE_VALUE.search(view, max(0, start - _KEY_LOOKBACK), start)
    if match is None:
        return None
    return match.group("key"), match.group("quote"), match.group("sep") or "/"


@given(st.text(alphabet=ALPHABET, max_size=90), st.data())
def test_key_before_equals_the_regex(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    assert key_before(text, start) == _regex_key(text, start)


def test_key_before_examples() -> None:
    assert key_before('{"idNo": "1', 10) == ("idNo", '"', ":")
    assert key_before("?a=1&phone=1", 11) == ("phone", None, "=")
    assert key_before("手机号：1".replace("：", ":"), 4) == ("手机号", None, ":")
    assert key_before("Chrome/1", 7) == ("Chrome", None, "/")
    assert key_before("no key here 1", 12) is None


@given(
    st.one_of(
        st.text(alphabet="0123456789.", max_size=16),
        st.builds(
            lambda parts: ".".join(map(str, parts)), st.lists(st.integers(0, 300), max_size=5)
        ),
    )
)
def test_dotted_quad_fast_path_agrees_with_ipaddress(candidate: str) -> None:
    import ipaddress

    from pimask.validators import is_dotted_quad

    try:
        expected = ipaddress.ip_address(candidate).version == 4
    except ValueError:
        expected = False
    assert is_dotted_quad(candidate) == expected
