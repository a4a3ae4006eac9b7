"""Typed operator settings: one pydantic model per operator, selected by ``type``.

Untyped settings dicts were the Presidio lesson: a typo silently became a default. Here
every field is declared, unknown fields are errors, and each model can say whether its
output can still keep a level's promise (:meth:`level_problem`), which is how a policy is
refused at load time rather than found out in an audit.
"""

from __future__ import annotations

import re
import string
from typing import Annotated, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

Level = Literal["display", "deidentify", "anonymize", "delete"]
LEVELS: tuple[Level, ...] = ("display", "deidentify", "anonymize", "delete")

_TEMPLATE_FIELDS = frozenset({"entity", "label"})
# Entities no mask may keep a fragment of (docs/entities.md): the pimask-display preset
# masks them completely, any other fragment-keeping mask is refused for them.
NO_FRAGMENT_ENTITIES = frozenset({"SECRET"})


class _Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    keyed: ClassVar[bool] = False

    def entity_problem(self, entity: str) -> str | None:
        """Why this operator cannot handle ``entity``, or None when it can."""
        return None

    def level_problem(self, level: Level) -> str | None:
        """Why this operator cannot keep ``level``'s promise, or None when it can."""
        if level == "delete":
            return "a 'delete' policy removes the record, so only 'drop' keeps its promise"
        return None


_TEMPLATE_MAX_CHARS = 200
_TEMPLATE_MAX_OUTPUT = 256  # characters a template may write for one value
_FIELD_MAX_WIDTH = 64
# A standard format spec with at most two-digit width and precision, nothing nested.
_SPEC = re.compile(
    r"(?:.?[<>=^])?[+\- ]?z?#?0?(?P<width>[0-9]{0,2})[,_]?(?:\.(?P<prec>[0-9]{1,2}))?[s]?"
)


def _check_template(template: str, allowed: frozenset[str]) -> str:
    """Refuse a template that could write anything but bounded text about the entity.

    why: a template is rendered once per finding. ``{label:>99999999999}`` exhausts memory,
    ``{label!r:>99999999}`` writes 100 MB per finding, ``{entity.__class__}`` reaches into
    objects: only the known fields, no conversion, width and precision at most 64, and at
    most 256 characters of output, checked when the policy is loaded.
    """
    if len(template) > _TEMPLATE_MAX_CHARS:
        raise ValueError(f"template is longer than {_TEMPLATE_MAX_CHARS} characters")
    try:
        parts = list(string.Formatter().parse(template))
    except ValueError as exc:
        raise ValueError(f"template is not a valid format string ({exc})") from None
    names = {name for _, name, _, _ in parts if name is not None}
    unknown = names - allowed
    if unknown:
        raise ValueError(
            f"template uses unknown placeholder(s) {sorted(unknown)}; allowed: {sorted(allowed)}"
        )
    for _, name, spec, conversion in parts:
        if name is None:
            continue
        if conversion is not None:
            raise ValueError(
                f"template field {{{name}}}: conversions (!{conversion}) are not allowed"
            )
        match = _SPEC.fullmatch(spec or "")
        if match is None or "{" in (spec or ""):
            raise ValueError(f"template field {{{name}}}: format spec {spec!r} is not allowed")
        for part in ("width", "prec"):
            if match.group(part) and int(match.group(part)) > _FIELD_MAX_WIDTH:
                raise ValueError(
                    f"template field {{{name}}}: width and precision are at most {_FIELD_MAX_WIDTH}"
                )
    try:
        longest = template.format(**{name: "x" * 32 for name in allowed})
    except (ValueError, KeyError, IndexError) as exc:
        raise ValueError(f"template cannot be rendered ({exc})") from None
    if len(longest) > _TEMPLATE_MAX_OUTPUT:
        raise ValueError(f"template can write more than {_TEMPLATE_MAX_OUTPUT} characters")
    return template


class MaskConfig(_Config):
    """Partial masking for display: keep a few leading/trailing characters, mask the rest.

    Either a named ``preset`` (each names its source, see ``MASK_PRESETS``) or explicit
    ``keep_first``/``keep_last``. Separators (spaces, hyphens, dots, colons, ``@``) are never
    masked or moved, so ``6222 0212 3456 7890 128`` becomes ``6222 02** **** ***0 128``.
    """

    type: Literal["mask"] = "mask"
    preset: str | None = None
    keep_first: int | None = Field(default=None, ge=0, le=64)
    keep_last: int | None = Field(default=None, ge=0, le=64)
    char: str = Field(default="*", min_length=1, max_length=1)

    @field_validator("char")
    @classmethod
    def _char_is_not_data(cls, value: str) -> str:
        if value.isalnum():
            raise ValueError("mask char must not be a letter or digit (it would look like data)")
        return value

    @model_validator(mode="after")
    def _preset_or_counts(self) -> MaskConfig:
        from pimask.operators.masks import MASK_PRESETS

        explicit = self.keep_first is not None or self.keep_last is not None
        if self.preset is not None and explicit:
            raise ValueError("give either preset or keep_first/keep_last, not both")
        if self.preset is not None and self.preset not in MASK_PRESETS:
            raise ValueError(
                f"unknown mask preset {self.preset!r}; known: {', '.join(sorted(MASK_PRESETS))}"
            )
        return self

    @property
    def keeps_fragments(self) -> bool:
        from pimask.operators.masks import MASK_PRESETS

        if self.preset is not None:
            return MASK_PRESETS[self.preset].keeps_fragments
        return bool(self.keep_first or self.keep_last)

    def entity_problem(self, entity: str) -> str | None:
        # why: the pimask-display preset keeps nothing of these entities (masking.py)
        if (
            entity in NO_FRAGMENT_ENTITIES
            and self.keeps_fragments
            and self.preset != "pimask-display"
        ):
            return (
                f"a mask that keeps part of a value cannot handle {entity}: a secret has no "
                f"display level; give {entity} an operator of its own (tag or redact)"
            )
        return None

    def level_problem(self, level: Level) -> str | None:
        if level == "deidentify" and self.keeps_fragments:
            return (
                "a partial mask leaves fragments of the original value, which de-identification "
                "(PIPL Art. 73) does not allow; use keep_first: 0 and keep_last: 0, "
                "pseudonymize, encrypt, tag or generalize"
            )
        if level == "anonymize":
            return (
                "masking keeps the value's length and layout, so masked values of different "
                "people can differ; anonymize needs tag, redact, coarse generalize or drop"
            )
        return super().level_problem(level)


class TagConfig(_Config):
    """Replace the value by a label: ``<CN_MOBILE>`` (default), or ``[{label}]`` → ``[手机号]``."""

    type: Literal["tag"] = "tag"
    template: str = "<{entity}>"

    @field_validator("template")
    @classmethod
    def _template(cls, value: str) -> str:
        return _check_template(value, _TEMPLATE_FIELDS)


class ReplaceConfig(_Config):
    """Replace the value by a fixed string, taken literally (no placeholders)."""

    type: Literal["replace"] = "replace"
    value: str = Field(max_length=200)


class RedactConfig(_Config):
    """Remove the value, leaving the text around it."""

    type: Literal["redact"] = "redact"


class PseudonymizeConfig(_Config):
    """Keyed HMAC-SHA256 token, ``<CN_MOBILE:k1:7f3a9c2e41b0>``: consistent, so joins work.

    ``digest_chars`` hex characters of the HMAC are kept (12 = 48 bits: a 50 % chance of
    one collision only after about 20 million distinct values; 8 reaches it at ~77 000).
    """

    type: Literal["pseudonymize"] = "pseudonymize"
    digest_chars: int = Field(default=12, ge=8, le=64)
    keyed: ClassVar[bool] = True

    def level_problem(self, level: Level) -> str | None:
        if level == "anonymize":
            return (
                "a keyed pseudonym is the same token for the same person in every record, so "
                "records stay linkable and whoever holds the key can re-identify them: that is "
                "de-identification, not anonymization; use tag, redact, generalize or drop"
            )
        return super().level_problem(level)


# Entities whose values are digit (or hex) strings, the only shape FF3-1 can keep. An email
# or IP address would keep its letters / octet structure in clear, so encrypt refuses them.
# Device ids are encrypted over ASCII letters and digits (every character of a serial is
# then hidden), coordinates digit by digit with signs, dots and the comma kept.
ENCRYPTABLE_ENTITIES = frozenset(
    {
        "CN_MOBILE",
        "BANK_CARD",
        "CN_RESIDENT_ID",
        "IMEI",
        "MAC_ADDRESS",
        "IMSI",
        "DEVICE_ID",
        "GEO_COORDINATES",
        # why: the digits of a passport or permit number are encrypted, its document letter
        # (E, G, C, H, M …) stays; a plate (at most 5 digits) or an organisation code is not
        "CN_PASSPORT",
        "CN_TRAVEL_PERMIT",
    }
)


class EncryptConfig(_Config):
    """Format-preserving encryption (FF3-1): digits stay digits, a phone stays 11 digits.

    ``marker: true`` (default) wraps the ciphertext as ``<enc:CN_MOBILE:k1:48213950217>`` so
    ``pimask reveal`` can find it in free text; ``marker: false`` writes the bare ciphertext
    (for a CSV column or database field, revealed with ``pimask reveal --values``).
    """

    type: Literal["encrypt"] = "encrypt"
    marker: bool = True
    keyed: ClassVar[bool] = True

    def entity_problem(self, entity: str) -> str | None:
        if entity not in ENCRYPTABLE_ENTITIES:
            return (
                f"encrypt keeps the format of digit-shaped values only "
                f"({', '.join(sorted(ENCRYPTABLE_ENTITIES))}); {entity} would keep most of its "
                "characters in clear: use pseudonymize, tag or generalize"
            )
        return None

    def level_problem(self, level: Level) -> str | None:
        if level == "anonymize":
            return (
                "encryption is reversible by whoever holds the key and keeps records linkable, "
                "so it cannot anonymize; use tag, redact, generalize or drop"
            )
        return super().level_problem(level)


class GeneralizeConfig(_Config):
    """Replace a value by a coarser class: ID → province + birth decade + sex, IP → prefix,
    email → domain, bank card → issuer, mobile and IMSI → carrier, coordinates → a grid of
    ``geo_grid`` degrees. Other entities become a tag."""

    type: Literal["generalize"] = "generalize"
    # why: whole-octet / whole-group prefixes only, written with wildcards (10.24.3.*), so
    # a generalized address never parses as an address again.
    ipv4_prefix: Literal[8, 16, 24] = 24
    ipv6_prefix: Literal[16, 32, 48, 64, 80, 96, 112] = 48
    birth: Literal["decade", "year", "none"] = "decade"
    region: Literal["province", "none"] = "province"
    sex: bool = True
    # why: 0.1° is about 11 km, the finest grid that still covers a district rather than a
    # street; 0.01° (about 1 km) is fine for display or de-identification only.
    geo_grid: Literal[0.01, 0.05, 0.1, 0.5, 1.0] = 0.1
    template: str = "<{entity}:{label}>"

    @field_validator("template")
    @classmethod
    def _template(cls, value: str) -> str:
        return _check_template(value, _TEMPLATE_FIELDS)

    def level_problem(self, level: Level) -> str | None:
        if level == "anonymize":
            if self.ipv4_prefix > 24:
                return f"ipv4_prefix /{self.ipv4_prefix} is too fine for anonymize (/24 or coarser)"
            if self.ipv6_prefix > 48:
                return f"ipv6_prefix /{self.ipv6_prefix} is too fine for anonymize (/48 or coarser)"
            if self.birth == "year":
                return "birth: year is too fine for anonymize (use decade or none)"
            if self.geo_grid < 0.1:
                return (
                    f"geo_grid {self.geo_grid} degrees is too fine for anonymize "
                    "(0.1, about 11 km, or coarser)"
                )
        return super().level_problem(level)


class DropConfig(_Config):
    """Remove the whole record (line, row or field, as the caller defines a record)."""

    type: Literal["drop"] = "drop"

    def level_problem(self, level: Level) -> str | None:
        return None


OperatorConfig = Annotated[
    MaskConfig
    | TagConfig
    | ReplaceConfig
    | RedactConfig
    | PseudonymizeConfig
    | EncryptConfig
    | GeneralizeConfig
    | DropConfig,
    Field(discriminator="type"),
]

OPERATOR_TYPES: tuple[str, ...] = (
    "mask",
    "tag",
    "replace",
    "redact",
    "pseudonymize",
    "encrypt",
    "generalize",
    "drop",
)
