"""Policies: the protection level a privacy policy promises, as a checked YAML file.

>>> from pimask.policy import load_policy
>>> load_policy("anonymize").level
'anonymize'

Public API: :func:`load_policy`, :class:`Policy`, :data:`BUILTIN_POLICIES`,
:func:`builtin_policy_text`, :class:`CompiledPolicy` (what ``Engine.apply`` runs).
See docs/policies.md.
"""

from __future__ import annotations

from pimask.policy.compiled import CompiledPolicy
from pimask.policy.loader import (
    BUILTIN_POLICIES,
    builtin_policy_text,
    load_policy,
    parse_policy,
    source_of,
)
from pimask.policy.model import (
    ORGANISATION_ENTITIES,
    AllowList,
    Policy,
    PolicyProblem,
    Promise,
    RecognizerSelection,
)

__all__ = [
    "BUILTIN_POLICIES",
    "ORGANISATION_ENTITIES",
    "AllowList",
    "CompiledPolicy",
    "Policy",
    "PolicyProblem",
    "Promise",
    "RecognizerSelection",
    "builtin_policy_text",
    "load_policy",
    "parse_policy",
    "source_of",
]
