"""The policy file format: pydantic models and the level rules they enforce.

A policy names the level it promises (DESIGN §4) and the operators that keep it. Rules
that need nothing but the file itself (an operator too weak for the level, an encrypt on
an email) are checked here, when the model is built, so no code path can hold a policy
that breaks its own promise.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from pimask.operators.configs import (
    DropConfig,
    Level,
    MaskConfig,
    OperatorConfig,
    TagConfig,
)

DEFAULT_KEY = "default"
# Entities that identify an organisation, not a person: the 统一社会信用代码 (printed on
# invoices and licences, published in the national credit registry) and a company's
# 400/800 and 95xxx service numbers. PIPL protects natural persons; masking a bank's hotline
# or a customer's credit code removes no personal information and destroys what business
# logs are read for. They are found like any entity (pimask scan), but a policy acts on
# one only when it names it (in ``entities`` or ``operators``); ``entities: all`` and a
# ``default`` operator leave them alone, and so does masking without a policy.
ORGANISATION_ENTITIES: frozenset[str] = frozenset({"CN_USCC", "CN_SERVICE_NUMBER"})
_ENTITY_NAME = re.compile(r"^[A-Z][A-Z0-9_]*$")


class PolicyProblem(ValueError):
    """A rule broken at ``path`` (dotted, e.g. ``operators.CN_MOBILE``); message has no value."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path
        self.reason = message


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Promise(_Strict):
    """The sentence of a privacy policy this file keeps, quoted, and where it comes from."""

    text: str = Field(min_length=1)
    source: str = ""


class AllowList(_Strict):
    """Values that are never treated as personal (the company's own 400 number, support@).

    ``values`` match after full-width folding and case folding, and also by canonical form
    (``+86 139-1234-5678`` equals ``13912345678``); ``patterns`` are regexes that must match
    the whole (folded) value.
    """

    values: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()

    @field_validator("patterns")
    @classmethod
    def _compile(cls, patterns: tuple[str, ...]) -> tuple[str, ...]:
        from pimask.regexes import regex_problem

        for index, pattern in enumerate(patterns):
            problem = regex_problem(pattern)
            if problem is not None:
                raise PolicyProblem(f"allow.patterns[{index}]", problem)
        return patterns


class RecognizerSelection(_Strict):
    """Extra recognizer files (paths relative to the policy file) and ids to switch off.

    ``enable`` switches on model-based detectors, off by default (``zh_person`` for PERSON,
    ``zh_address`` for ADDRESS: jieba-based, see docs/entities-zh.md).
    """

    files: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()

    @field_validator("enable")
    @classmethod
    def _known_detectors(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        from pimask.ner import DETECTORS

        for index, name in enumerate(value):
            if name not in DETECTORS:
                known = ", ".join(DETECTORS)
                raise PolicyProblem(
                    f"recognizers.enable[{index}]", f"unknown detector {name!r} (known: {known})"
                )
        return value


def level_default(level: Level) -> OperatorConfig:
    """The operator for covered entities a policy does not list (and has no ``default`` for)."""
    if level == "display":
        return MaskConfig(preset="pimask-display")
    if level == "delete":
        return DropConfig()
    return TagConfig()


class Policy(_Strict):
    """One policy: its level, covered entities, operators, threshold and allowlists."""

    version: Literal[1] = 1
    name: str = Field(min_length=1, max_length=100)
    level: Level
    description: str = ""
    promise: Promise | None = None
    min_score: float | None = Field(default=None, ge=0.0, le=1.0)
    entities: Literal["all"] | tuple[str, ...] = "all"
    operators: dict[str, OperatorConfig] = Field(default_factory=dict)
    allow: AllowList = Field(default_factory=AllowList)
    recognizers: RecognizerSelection = Field(default_factory=RecognizerSelection)

    @field_validator("entities", mode="before")
    @classmethod
    def _all_or_list(cls, value: object) -> object:
        if isinstance(value, str) and value != "all":
            raise PolicyProblem(
                "entities", f"write 'all' or a list of entity names (e.g. [{value}])"
            )
        if not isinstance(value, str | list | tuple):
            raise PolicyProblem("entities", "write 'all' or a list of entity names")
        return value

    @field_validator("entities")
    @classmethod
    def _entity_names(cls, value: Literal["all"] | tuple[str, ...]) -> object:
        if value == "all":
            return value
        if not value:
            raise PolicyProblem("entities", "empty list: a policy must cover something")
        for index, name in enumerate(value):
            if not _ENTITY_NAME.match(name):
                raise PolicyProblem(f"entities[{index}]", f"{name!r} is not an entity name")
        return value

    @model_validator(mode="after")
    def _keeps_its_promise(self) -> Policy:
        for entity, config in self.operators.items():
            path = f"operators.{entity}"
            if entity != DEFAULT_KEY and not _ENTITY_NAME.match(entity):
                raise PolicyProblem(path, f"{entity!r} is not an entity name (or 'default')")
            problem = config.level_problem(self.level)
            if problem:
                raise PolicyProblem(
                    path, f"{config.type} cannot keep level '{self.level}': {problem}"
                )
            if entity != DEFAULT_KEY:
                problem = config.entity_problem(entity)
                if problem:
                    raise PolicyProblem(path, problem)
            if self.entities != "all" and entity not in (DEFAULT_KEY, *self.entities):
                raise PolicyProblem(
                    path, f"{entity} has an operator but is not in 'entities' (it would never run)"
                )
        return self

    def operator_for(self, entity: str) -> OperatorConfig:
        """The operator this policy applies to ``entity``."""
        return (
            self.operators.get(entity)
            or self.operators.get(DEFAULT_KEY)
            or level_default(self.level)
        )

    def names(self, entity: str) -> bool:
        """True when this policy lists ``entity`` itself (``entities`` or ``operators``)."""
        return (self.entities != "all" and entity in self.entities) or entity in self.operators

    def covers(self, entity: str) -> bool:
        """True when this policy acts on ``entity``: an organisation's id only when named."""
        if entity in ORGANISATION_ENTITIES:
            return self.names(entity)
        return self.entities == "all" or entity in self.entities

    @property
    def needs_key(self) -> bool:
        """True when an operator is keyed (the key comes from the environment at use)."""
        return any(config.keyed for config in self.operators.values())
