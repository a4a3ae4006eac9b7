"""Check-digit algorithms against their standards' examples and against junk."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pimask import checksums


@pytest.mark.parametrize(
    ("first17", "check"),
    [
        ("11010519491231002", "X"),  # the example printed in GB 11643-1999
        ("44030819990101123", "4"),
        ("32010219851120104", "X"),
    ],
)
def test_gb11643_check_char(first17: str, check: str) -> None:
    assert checksums.gb11643_check_char(first17) == check
    assert checksums.gb11643_is_valid(first17 + check)
    assert checksums.gb11643_is_valid(first17 + check.lower())


@pytest.mark.parametrize(
    "number", ["4111111111111111", "6222021234567890128", "490154203237518", "79927398713"]
)
def test_luhn_valid_numbers(number: str) -> None:
    assert checksums.luhn_is_valid(number)


@given(st.text(alphabet="0123456789", min_size=1, max_size=25))
def test_luhn_check_digit_always_validates(payload: str) -> None:
    assert checksums.luhn_is_valid(payload + checksums.luhn_check_digit(payload))


@given(
    st.text(alphabet="0123456789", min_size=2, max_size=25), st.integers(0, 24), st.integers(1, 9)
)
def test_luhn_detects_any_single_digit_error(number: str, position: int, delta: int) -> None:
    valid = number[:-1] + checksums.luhn_check_digit(number[:-1])
    index = position % len(valid)
    wrong = valid[:index] + str((int(valid[index]) + delta) % 10) + valid[index + 1 :]
    assert not checksums.luhn_is_valid(wrong)


@pytest.mark.parametrize(
    "junk", ["", "３", "⑱", "¹²³", "٣٣٣٣", "12a4", " 4111111111111111", "\x00"]
)
def test_checksums_reject_non_ascii_digits(junk: str) -> None:
    assert not checksums.luhn_is_valid(junk)
    assert not checksums.gb11643_is_valid(junk)


@given(st.text(max_size=30))
def test_checksums_never_raise(text: str) -> None:
    checksums.luhn_is_valid(text)
    checksums.gb11643_is_valid(text)
