"""Operators: what happens to a found value. Typed configs in, ``value -> text`` out.

``build_operator(entity, config, keys)`` turns one typed config into a plain function,
once per policy and entity, so the per-finding cost is one call. Every built function
accepts any string and never raises (a value it cannot handle is tagged, never leaked).
``drop`` has no function: the engine removes the whole record instead.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable

from pimask.errors import ConfigError
from pimask.keys import KEY_ENV, KEY_FILE_ENV, KeyRing
from pimask.operators.configs import (
    LEVELS,
    OPERATOR_TYPES,
    DropConfig,
    EncryptConfig,
    GeneralizeConfig,
    Level,
    MaskConfig,
    OperatorConfig,
    PseudonymizeConfig,
    RedactConfig,
    ReplaceConfig,
    TagConfig,
)
from pimask.operators.keyed import decrypt_value, make_encryptor, make_pseudonymizer
from pimask.operators.masks import MASK_PRESETS, MaskPreset, make_mask
from pimask.operators.tokens import ENCRYPTED_RE, PSEUDONYM_RE, encrypted_spans

__all__ = [
    "ENTITY_LABELS",
    "LEVELS",
    "MASK_PRESETS",
    "OPERATOR_TYPES",
    "DropConfig",
    "EncryptConfig",
    "GeneralizeConfig",
    "Level",
    "MaskConfig",
    "MaskPreset",
    "OperatorConfig",
    "PseudonymizeConfig",
    "RedactConfig",
    "ReplaceConfig",
    "TagConfig",
    "build_operator",
    "encrypted_spans",
    "reveal_text",
]

# Chinese labels for the `{label}` placeholder of `tag` (e.g. template "[{label}]").
ENTITY_LABELS: dict[str, str] = {
    "CN_RESIDENT_ID": "身份证号",
    "CN_MOBILE": "手机号",
    "BANK_CARD": "银行卡号",
    "IMEI": "IMEI",
    "MAC_ADDRESS": "MAC地址",
    "EMAIL": "邮箱",
    "IP_ADDRESS": "IP地址",
    "IMSI": "IMSI",
    "DEVICE_ID": "设备标识",
    "GEO_COORDINATES": "经纬度",
    "CN_PASSPORT": "护照号",
    "CN_TRAVEL_PERMIT": "通行证号",
    "CN_USCC": "统一社会信用代码",
    "CN_LICENSE_PLATE": "车牌号",
    "CN_LANDLINE": "固定电话",
    "CN_SERVICE_NUMBER": "客服号码",
    "QQ_NUMBER": "QQ号",
    "WECHAT_ID": "微信号",
}

Operator = Callable[[str], str]


def _tag(entity: str, template: str = "<{entity}>") -> Operator:
    text = template.format(entity=entity, label=ENTITY_LABELS.get(entity, entity))
    return lambda value: text


def build_operator(entity: str, config: OperatorConfig, keys: KeyRing | None) -> Operator | None:
    """The replacement function for ``entity`` under ``config`` (None for ``drop``).

    ``keys`` is required for keyed operators (pseudonymize, encrypt); the policy loader
    obtains it from :func:`pimask.keys.load_keys` only when a policy needs one.
    """
    if isinstance(config, DropConfig):
        return None
    if isinstance(config, MaskConfig):
        return make_mask(entity, config.preset, config.keep_first, config.keep_last, config.char)
    if isinstance(config, TagConfig):
        return _tag(entity, config.template)
    if isinstance(config, ReplaceConfig):
        text = config.value
        return lambda value: text
    if isinstance(config, RedactConfig):
        return lambda value: ""
    if isinstance(config, GeneralizeConfig):
        from pimask.operators.generalize import make_generalizer

        return make_generalizer(entity, config)
    if keys is None:
        raise TypeError(f"{config.type} needs keys")  # a programming error, not user input
    if isinstance(config, PseudonymizeConfig):
        return make_pseudonymizer(entity, keys, config.digest_chars)
    if isinstance(config, EncryptConfig):
        return make_encryptor(entity, keys, config.marker, _tag(entity))
    raise TypeError(f"unknown operator config {type(config).__name__}")


def reveal_text(text: str, keys: KeyRing, *, unverified: bool = False) -> tuple[str, int]:
    """``text`` with every ``<enc:ENTITY:key_id:…>`` token decrypted; also the count.

    A token whose key id is unknown raises :class:`~pimask.errors.ConfigError` (naming
    the id, not the value), and so does a token whose key check does not match the key
    ring's key of that id: decrypting with a wrong key gives a wrong "plaintext" that looks
    just as real, so it is never returned. A token without a key check (written before
    pimask wrote one) is decrypted only with ``unverified=True``. A token that cannot be
    decrypted is left as it is.
    """
    if "<enc:" not in text:
        return text, 0
    count = 0

    def replace(match) -> str:  # type: ignore[no-untyped-def]
        nonlocal count
        entity, key_id, cipher, check = match.group(1, 2, 3, 4)
        key = keys.get(key_id)
        if check is None and not unverified:
            raise ConfigError(
                f"a <enc:{entity}:{key_id}:…> token carries no key check (written before "
                "pimask added one), so a wrong key cannot be detected; reveal it with "
                "--unverified (unverified=True) if you are sure of the key"
            )
        if check is not None and not hmac.compare_digest(check, key.check):
            raise ConfigError(
                f"key {key_id!r} is not the key these tokens were written with (key check "
                f"failed); check {KEY_FILE_ENV} / {KEY_ENV}"
            )
        plain = decrypt_value(keys, entity, key_id, cipher)
        if plain is None:
            return match.group(0)
        count += 1
        return plain

    return ENCRYPTED_RE.sub(replace, text), count


def reveal_value(value: str, entity: str, keys: KeyRing, key_id: str | None = None) -> str | None:
    """Decrypt one bare ciphertext (``marker: false``) of ``entity``; None if impossible."""
    return decrypt_value(keys, entity, key_id or keys.current.id, value)


__all__ += ["ENCRYPTED_RE", "PSEUDONYM_RE", "reveal_value"]
