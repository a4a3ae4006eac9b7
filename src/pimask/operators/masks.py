"""The ``mask`` operator and its named presets, each saying where its rule comes from.

A preset is a rule someone else already agreed on (hutool's ``DesensitizedUtil``, PCI DSS),
so a policy can say ``preset: hutool-mobile`` and a reviewer knows what the UI will show.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pimask.masking import SECRET_MASK, display_mask, mask_middle
from pimask.normalize import fold

# why: the country prefix is not part of the number; keep it and count digits after it.
_MOBILE_PREFIX = re.compile(r"^(?:\+86|0086|\(\+?86\))[ -]?")


@dataclass(frozen=True, slots=True)
class MaskPreset:
    """``keep_first``/``keep_last`` counted over letters and digits; separators stay put."""

    name: str
    source: str
    keep_first: int = 0
    keep_last: int = 0
    special: str | None = None  # "display" or "email-local": an entity-aware rule

    @property
    def keeps_fragments(self) -> bool:
        return self.special is not None or bool(self.keep_first or self.keep_last)


MASK_PRESETS: dict[str, MaskPreset] = {
    preset.name: preset
    for preset in (
        MaskPreset(
            "pimask-display",
            "pimask default display rules per entity (pimask.masking.DISPLAY_RULES)",
            special="display",
        ),
        MaskPreset("hutool-mobile", "hutool DesensitizedUtil.mobilePhone: first 3 + last 4", 3, 4),
        MaskPreset("hutool-id-card", "hutool DesensitizedUtil.idCardNum(id, 1, 2)", 1, 2),
        MaskPreset(
            "hutool-bank-card",
            "hutool DesensitizedUtil.bankCard: first 4 + last 4 (pimask keeps the original "
            "separators instead of regrouping by 4)",
            4,
            4,
        ),
        MaskPreset(
            "hutool-email",
            "hutool DesensitizedUtil.email: first character of the local part + @domain",
            special="email-local",
        ),
        MaskPreset("first6-last4", "PCI DSS 3.3: at most BIN (first 6) + last 4 displayed", 6, 4),
        MaskPreset("last4", "last 4 only (receipts, 尾号)", 0, 4),
        MaskPreset("full", "every letter and digit masked; separators and length kept", 0, 0),
    )
}


def _split_mobile_prefix(entity: str, value: str) -> tuple[str, str]:
    if entity != "CN_MOBILE":
        return "", value
    match = _MOBILE_PREFIX.match(fold(value))
    cut = match.end() if match else 0
    return value[:cut], value[cut:]


def _mask_email_local(value: str, char: str) -> str:
    folded = fold(value)
    at = max(folded.rfind("@"), folded.rfind("#"))
    if at <= 0:
        return mask_middle(value, 0, 0, char)
    return value[0] + char * (at - 1) + value[at:]


def make_mask(
    entity: str, preset: str | None, keep_first: int | None, keep_last: int | None, char: str
) -> Callable[[str], str]:
    """A function ``value -> masked value`` for one entity, built once per policy.

    A SECRET keeps nothing under any mask (a policy that asks for fragments is refused at
    load, see ``MaskConfig.entity_problem``; this holds for a ``default`` mask too).
    """
    if entity == "SECRET":
        return lambda value: char * len(SECRET_MASK)
    if preset is None and keep_first is None and keep_last is None:
        preset = "pimask-display"
    if preset is not None:
        rule = MASK_PRESETS[preset]
        if rule.special == "display":
            if char == "*":
                return lambda value: display_mask(entity, value)
            return lambda value: display_mask(entity, value).replace("*", char)
        if rule.special == "email-local":
            return lambda value: _mask_email_local(value, char)
        first, last = rule.keep_first, rule.keep_last
    else:
        first, last = keep_first or 0, keep_last or 0

    def apply(value: str) -> str:
        prefix, body = _split_mobile_prefix(entity, value)
        return prefix + mask_middle(body, first, last, char)

    return apply
