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


# --- the view: invisible characters dropped, digits of every script folded (issue 16) ---

from pimask.normalize import DIGIT_ZEROS, DROPPED, clean, original_span, view  # noqa: E402


def test_digits_of_every_script_fold_to_ascii() -> None:
    assert fold("١٣٩١٢٣٤٥٦٧٨") == "13912345678"  # Arabic-Indic
    assert fold("۱۳۹") == "139"  # extended Arabic-Indic (Persian)
    assert fold("१३९") == "139"  # Devanagari
    assert fold("𝟏𝟑𝟗𝟘𝟬") == "13900"  # mathematical bold, double-struck, monospace
    assert fold("\u2009\u202f") == "  "  # thin and narrow no-break space are spaces


def test_digit_zeros_are_the_unicode_decimal_digits() -> None:
    import unicodedata

    for zero in DIGIT_ZEROS:
        assert [unicodedata.decimal(chr(zero + n)) for n in range(10)] == list(range(10))


def test_invisible_characters_are_dropped_with_a_map_back() -> None:
    text = "手机138\u200b1234\u200b5678"
    folded, positions = view(text)
    assert folded == "手机13812345678"
    assert original_span(positions, 2, 13) == (2, 15)  # covers both invisible characters
    assert view("plain") == ("plain", None)


def test_clean_is_the_value_detection_saw() -> None:
    assert clean("139\u200b1234\u00ad5678") == clean("１３９12345678") == "13912345678"


@given(st.text(alphabet=st.sampled_from([*"ab1２ ", *sorted(DROPPED)]), max_size=30))
def test_view_maps_every_character_back_to_itself(text: str) -> None:
    folded, positions = view(text)
    if positions is None:
        assert folded == fold(text)
        return
    assert len(positions) == len(folded)
    assert all(fold(text[i]) == ch for i, ch in zip(positions, folded, strict=True))
    assert all(ch in DROPPED for i, ch in enumerate(text) if i not in set(positions))
