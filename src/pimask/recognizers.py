"""Recognizers are data: one YAML file per recognizer, validated here, never code.

A recognizer file names the entity it finds, its patterns (regex shapes plus a named
boundary kind), the validator that gives the hard verdict, context words that move the
score, and examples that the test suite runs. The built-in files ship inside the wheel
(``pimask/recognizers``). User files EXTEND the built-ins by id: a user file whose id
already exists is an error unless it says ``replace: true``; disabling is explicit.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from pimask.errors import ConfigError
from pimask.regexes import regex_problem
from pimask.validators import VALIDATORS

BoundaryKind = Literal["digit", "hex", "hexword", "after_mac", "ip", "ipv6", "email", "none"]
# why: `password=x`, `password: "x"`, `"token" => 'x'`, `pwd = "x"`, `密码：x` (folded to
# `:`); spaces after a bare `=` only before a quote: `next_page_token= next=1` has no value
DEFAULT_SEPARATOR = "[\"']?[ \t]*(?:(?:=>|:)[ \t]*[\"']?|=[ \t]*[\"']|=)"
_ENTITY_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")
# why: libyaml's safe loader parses the built-in files ~9x faster than the pure-Python one
# (every CLI start and pre-commit run loads them); same documents, same errors with marks.
_SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PatternSpec(_Strict):
    """One regex shape. Boundaries are added by the scanner from ``boundary``."""

    name: str
    regex: str
    score: float = Field(ge=0.0, le=1.0)
    boundary: BoundaryKind = "none"
    ignore_case: bool = False
    requires_any: tuple[str, ...] = Field(
        default=(),
        description="Literal strings; the pattern is skipped on text containing none of them.",
    )
    prefilter: str | None = Field(
        default=None,
        description="A regex found inside every match of the pattern; the pattern is skipped "
        "on text where it is not found. Every backend applies it, so results never depend on "
        "the backend; the pure-Python backend uses it to skip lines cheaply.",
    )
    split: int = Field(
        default=0,
        ge=0,
        le=64,
        description="Split each match into pieces of this many characters, each validated on "
        "its own; the match is reported as one finding per piece when every piece is valid, "
        "or not at all (two mobiles glued into one 22-digit run). 0: report the match.",
    )

    labels: tuple[str, ...] = Field(
        default=(),
        description="Words that may be glued before a value the regex cannot tell from them "
        "(邮箱张三@…): a match holding one before its first ``label_stop`` character starts "
        "after the last one (the one ending rightmost), keeping at least one character before "
        "``label_stop``. Empty: every match is used as found.",
    )
    label_stop: str = Field(
        default="@",
        min_length=1,
        max_length=1,
        description="The character the ``labels`` are looked for before (the first in the match).",
    )

    keys: tuple[str, ...] = Field(
        default=(),
        description="Key-driven pattern: the value of one of these keys (matched ASCII-case-"
        "insensitively, not preceded by an ASCII letter or digit, then ``separator``) is "
        "matched by ``regex`` (the value grammar) and reported without its key.",
    )
    separator: str = Field(
        default=DEFAULT_SEPARATOR,
        description="Key-driven pattern: what joins a key and its value (a regex).",
    )
    not_after: tuple[str, ...] = Field(
        default=(),
        description="Key-driven pattern: ASCII words that make a key part of another key: "
        "a key right after one of them (ASCII-case-insensitively, with one '_', '-' or '.' "
        "between or none) does not count (user_name, fileName, host-name for `name`).",
    )

    @field_validator("not_after")
    @classmethod
    def _ascii_words(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for word in value:
            if not word or not word.isascii() or not word.isalnum():
                raise ValueError("a not_after word is ASCII letters and digits")
        return value

    @model_validator(mode="after")
    def _not_after_needs_keys(self) -> PatternSpec:
        if self.not_after and not self.keys:
            raise ValueError("not_after applies to key-driven patterns (keys:) only")
        return self

    @field_validator("labels")
    @classmethod
    def _label_words(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if any(not label for label in value):
            raise ValueError("labels must not be empty strings")
        return value

    @field_validator("keys")
    @classmethod
    def _key_words(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        for key in value:
            if not key or any(ch in key for ch in " \t\r\n"):
                raise ValueError("a key is a non-empty word without spaces")
        return value

    @field_validator("regex", "prefilter", "separator")
    @classmethod
    def _linear_time(cls, value: str | None, info: ValidationInfo) -> str | None:
        # why: the shipped files are checked by the test suite (test_builtin_regexes_usable);
        # compiling their ~80 regexes twice more on every start cost ~25 ms of each command
        if value is None or (info.context or {}).get("builtin"):
            return value
        problem = regex_problem(value)
        if problem is not None:
            raise ValueError(problem)
        return value


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def ascii_lower(text: str) -> str:
    """``text`` with ASCII letters lower-cased only (what the native core's gate folds)."""
    return text.translate(_ASCII_LOWER)


def key_regex(keys: Sequence[str], separator: str) -> str:
    """The regex both engines search for a key-driven pattern: a key, then its separator.

    Keys match ASCII-case-insensitively, spelled out as classes (``[pP][aA]…``) so that both
    engines read them alike (no Unicode case folding: ``K`` is not ``k``).
    """

    def spelled(key: str) -> str:
        out = []
        for ch in key:
            if ch.isascii() and ch.isalpha():
                out.append(f"[{ch.lower()}{ch.upper()}]")
            else:
                out.append(re.escape(ch))
        return "".join(out)

    alternatives = "|".join(spelled(key) for key in keys)
    return f"(?:{alternatives})(?:{separator})"


class ContextSpec(_Strict):
    """Words near a candidate that raise (``words``) or lower (``negative``) its score."""

    words: tuple[str, ...] = ()
    negative: tuple[str, ...] = ()
    negative_keys: tuple[str, ...] = Field(
        default=(),
        description="Negative words that count only as the value's key (Chrome/120.0.0.0), "
        "never in the window: a browser name before an address does not make it a version.",
    )
    window: int = Field(default=32, ge=0, le=200)
    boost: float = Field(default=0.35, ge=0.0, le=1.0)
    key_boost: float = Field(default=0.4, ge=0.0, le=1.0)
    penalty: float = Field(default=0.4, ge=0.0, le=1.0)
    key_penalty: float = Field(default=0.6, ge=0.0, le=1.0)
    strong: tuple[str, ...] = Field(
        default=(),
        description="Positive words that are strong keys: a value of the recognizer's shape "
        "right after one (only separators such as ':', '=', '：', '是', quotes and spaces "
        "between) is reported even when its validator rejects it, at strong_score.",
    )
    strong_score: float = Field(default=0.6, ge=0.0, le=1.0)

    @model_validator(mode="after")
    def _strong_words_are_words(self) -> ContextSpec:
        listed = {word.lower() for word in self.words}
        missing = [word for word in self.strong if word.lower() not in listed]
        if missing:
            raise ValueError(f"strong words must also be listed in words: {', '.join(missing)}")
        return self


class MatchExample(_Strict):
    text: str
    values: tuple[str, ...] = Field(description="Substrings of text the recognizer must report")


class Examples(_Strict):
    match: tuple[MatchExample, ...] = ()
    no_match: tuple[str, ...] = ()


class RecognizerSpec(_Strict):
    """A whole recognizer file."""

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    entity: str
    description: str = ""
    priority: int = Field(default=100, description="Lower wins ties between equal spans")
    patterns: tuple[PatternSpec, ...] = Field(min_length=1)
    validator: str | None = None
    context: ContextSpec = ContextSpec()
    examples: Examples = Examples()
    replace: bool = False

    @field_validator("entity")
    @classmethod
    def _entity_name(cls, value: str) -> str:
        if not _ENTITY_NAME.match(value):
            raise ValueError("entity must be UPPER_SNAKE_CASE, e.g. CN_MOBILE")
        return value

    @field_validator("validator")
    @classmethod
    def _known_validator(cls, value: str | None) -> str | None:
        if value is not None and value not in VALIDATORS:
            known = ", ".join(sorted(VALIDATORS))
            raise ValueError(f"unknown validator {value!r}; known: {known}")
        return value


def _format_validation_error(source: str, exc: ValidationError) -> str:
    lines = [f"{source}: invalid recognizer file"]
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "(top level)"
        lines.append(f"  field {where}: {error['msg']}")
    return "\n".join(lines)


def parse_recognizer(text: str, source: str, *, builtin: bool = False) -> RecognizerSpec:
    """Parse and validate one recognizer document; errors name the source and field.

    ``builtin``: a shipped file, whose regexes the test suite has already checked.
    """
    try:
        data = yaml.load(text, Loader=_SAFE_LOADER)  # why: a safe loader, C or Python
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" line {mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{source}:{where} not valid YAML") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping at the top level")
    try:
        return RecognizerSpec.model_validate(data, context={"builtin": builtin})
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(source, exc)) from None


def load_recognizer_file(path: str | Path, *, builtin: bool = False) -> RecognizerSpec:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.__class__.__name__
        raise ConfigError(f"{path}: cannot read recognizer file ({reason})") from None
    return parse_recognizer(text, str(path), builtin=builtin)


def builtin_directory() -> Path:
    """Where the shipped recognizer files are: inside the installed package, or the repo.

    The wheel places them at ``pimask/recognizers``; in a source checkout (editable
    install) they are the top-level ``recognizers/`` folder.
    """
    packaged = resources.files("pimask") / "recognizers"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parents[2] / "recognizers"
    if checkout.is_dir():
        return checkout
    raise ConfigError("built-in recognizer files not found: the pimask install is incomplete")


def load_builtin() -> list[RecognizerSpec]:
    directory = builtin_directory()
    return [load_recognizer_file(p, builtin=True) for p in sorted(directory.glob("*.yaml"))]


def without_strong_keys(specs: Iterable[RecognizerSpec]) -> list[RecognizerSpec]:
    """``specs`` with no strong keys: only validated values are reported (fixtures full of
    fake IDs). ``Engine(strong_keys=False)``, ``--no-strong-keys``."""
    return [
        spec
        if not spec.context.strong
        else spec.model_copy(update={"context": spec.context.model_copy(update={"strong": ()})})
        for spec in specs
    ]


def combine(
    builtin: Sequence[RecognizerSpec],
    extra: Iterable[RecognizerSpec] = (),
    disabled: Iterable[str] = (),
) -> list[RecognizerSpec]:
    """Built-ins extended by ``extra``; ``replace: true`` swaps one; ``disabled`` drops ids."""
    by_id: dict[str, RecognizerSpec] = {}
    for spec in builtin:
        by_id[spec.id] = spec
    for spec in extra:
        if spec.id in by_id and not spec.replace:
            raise ConfigError(
                f"recognizer id {spec.id!r} already exists; set 'replace: true' to replace it"
            )
        by_id[spec.id] = spec
    disabled_ids = set(disabled)
    unknown = disabled_ids - by_id.keys()
    if unknown:
        raise ConfigError(f"cannot disable unknown recognizer ids: {', '.join(sorted(unknown))}")
    active = [spec for rid, spec in by_id.items() if rid not in disabled_ids]
    if not active:
        raise ConfigError("no active recognizers: an engine that finds nothing would pass all data")
    return active
