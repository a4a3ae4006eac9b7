"""The Chinese surname list (data file ``data/surnames.txt``) and what a name's surname is.

Pure data and string lookups, no jieba: the PERSON display mask (``张**``) uses this too.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Literal

from pimask.errors import ConfigError

Tier = Literal["common", "rare", "compound"]
_TIERS: tuple[Tier, ...] = ("common", "rare", "compound")


@dataclass(frozen=True, slots=True)
class Surnames:
    common: frozenset[str]
    rare: frozenset[str]
    compound: frozenset[str]

    def of(self, name: str) -> tuple[str, Tier] | None:
        """The surname ``name`` starts with and its tier, or None.

        >>> surnames().of("欧阳娜娜")
        ('欧阳', 'compound')
        >>> surnames().of("王小明")
        ('王', 'common')
        """
        if len(name) >= 3 and name[:2] in self.compound:
            return name[:2], "compound"
        if not name:
            return None
        first = name[0]
        if first in self.common:
            return first, "common"
        if first in self.rare:
            return first, "rare"
        return None

    @property
    def first_characters(self) -> frozenset[str]:
        """Every character a surname can start with (a cheap prefilter)."""
        return self.common | self.rare | frozenset(s[0] for s in self.compound)


def parse(text: str, source: str) -> Surnames:
    """Parse the ``tier: 王 李 …`` format; errors name the source and line."""
    tiers: dict[str, set[str]] = {tier: set() for tier in _TIERS}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        tier, sep, names = line.partition(":")
        if not sep or tier.strip() not in tiers:
            raise ConfigError(f"{source}: line {number}: expected 'common|rare|compound: …'")
        expected = 2 if tier.strip() == "compound" else 1
        for name in names.split():
            if len(name) != expected:
                raise ConfigError(
                    f"{source}: line {number}: {tier.strip()} surnames have {expected} character(s)"
                )
            tiers[tier.strip()].add(name)
    common = frozenset(tiers["common"])
    return Surnames(common, frozenset(tiers["rare"]) - common, frozenset(tiers["compound"]))


@cache
def surnames() -> Surnames:
    """The shipped surname list (loaded once)."""
    data = resources.files("pimask.ner") / "data" / "surnames.txt"
    return parse(data.read_text(encoding="utf-8"), "pimask/ner/data/surnames.txt")
