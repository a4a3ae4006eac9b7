"""The folded view keeps every offset of the original text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pimask.normalize import fold


def test_fullwidth_digits_and_at_sign_fold_to_ascii() -> None:
    assert fold("１３９－１２３４＠ｅｘ．ｃｎ") == "139-1234@ex.cn"
    assert fold("\u3000") == " "


def test_ascii_text_is_returned_unchanged() -> None:
    text = "plain ascii 123"
    assert fold(text) is text


@given(st.text())
def test_fold_preserves_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.text())
def test_fold_is_idempotent(text: str) -> None:
    assert fold(fold(text)) == fold(text)
