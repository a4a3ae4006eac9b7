"""The plan: recognizers and reference tables as plain data for the native core.

Python is where configuration is checked (pydantic, ``file:line`` errors); the native core
(:mod:`pimask._core`) only compiles what this module writes. Scores become integers in basis
points so both engines add and compare them exactly. The built-in plan is also committed as
``rust/core/data/builtin-plan.json`` for the Rust tests and benchmarks;
``python -m pimask.plan --write`` refreshes it and a test checks that it is fresh.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pimask import reference
from pimask.recognizers import RecognizerSpec, ascii_lower, key_regex

PLAN_VERSION = 1


def basis_points(score: float) -> int:
    """``score`` (0..1, at most four decimals) as an integer number of 1/10,000."""
    return round(score * 10_000)


def tables() -> dict[str, Any]:
    """The reference tables of :mod:`pimask.reference`, in their Python order."""
    return {
        "provinces": list(reference.PROVINCES.items()),
        "mobile_segments": list(reference.MOBILE_SEGMENTS.items()),
        "card_networks": [
            [prefix, name, sorted(lengths)] for prefix, name, lengths in reference.CARD_NETWORKS
        ],
        "cn_bins": list(reference.CN_BINS.items()),
        "imei_reporting_bodies": sorted(reference.IMEI_REPORTING_BODIES),
        "idn_tlds": sorted(reference.IDN_TLDS),
        "imsi_mncs": list(reference.IMSI_MNCS.items()),
        "uscc_types": sorted(reference.USCC_TYPES),
        "area_codes": list(reference.CN_AREA_CODES.items()),
        **person_address_tables(),
    }


def person_address_tables() -> dict[str, Any]:
    """The tables of the field-driven PERSON and ADDRESS shapes and masks
    (:mod:`pimask.shapes_person_address`): the surname list and the non-name words."""
    from pimask.ner.surnames import surnames

    table = surnames()
    return {
        "surnames": sorted(table.common | table.rare),
        "common_surnames": sorted(table.common),
        "given_names": sorted(reference.GIVEN_NAMES),
        "compound_surnames": sorted(table.compound),
        "non_name_chars": "".join(sorted(reference.NON_NAME_CHARS)),
        "non_name_words": sorted(reference.NON_NAME_WORDS),
        "address_marks": list(reference.ADDRESS_MARKS),
        "address_words": sorted(reference.ADDRESS_WORDS),
    }


def recognizer_plan(spec: RecognizerSpec) -> dict[str, Any]:
    context = spec.context
    return {
        "id": spec.id,
        "entity": spec.entity,
        "priority": spec.priority,
        "validator": spec.validator,
        "context": {
            "words": list(context.words),
            "negative": list(context.negative),
            "negative_keys": list(context.negative_keys),
            "window": context.window,
            "boost_bp": basis_points(context.boost),
            "key_boost_bp": basis_points(context.key_boost),
            "penalty_bp": basis_points(context.penalty),
            "key_penalty_bp": basis_points(context.key_penalty),
            "strong": list(context.strong),
            "strong_score_bp": basis_points(context.strong_score),
        },
        "patterns": [
            {
                "name": pattern.name,
                "regex": pattern.regex,
                "score_bp": basis_points(pattern.score),
                "boundary": pattern.boundary,
                "ignore_case": pattern.ignore_case,
                "requires_any": list(pattern.requires_any),
                "prefilter": pattern.prefilter,
                "split": pattern.split,
                "labels": list(pattern.labels),
                "label_stop": pattern.label_stop,
                # why: a key-driven pattern (docs/recognizers.md): its lower-cased keys for
                # the line gate and the key regex, spelled once here for both engines
                "keys": [ascii_lower(key) for key in pattern.keys],
                "key_regex": key_regex(pattern.keys, pattern.separator) if pattern.keys else None,
                "not_after": [word.lower() for word in pattern.not_after],
            }
            for pattern in spec.patterns
        ],
    }


def build_plan(recognizers: Sequence[RecognizerSpec]) -> dict[str, Any]:
    """The plan for an engine with ``recognizers`` (in engine order)."""
    from pimask.policy.model import ORGANISATION_ENTITIES

    return {
        "version": PLAN_VERSION,
        # why: masking without a policy (the display policy) leaves these as written
        "display_skip": sorted(ORGANISATION_ENTITIES),
        "recognizers": [recognizer_plan(spec) for spec in recognizers],
        "tables": tables(),
    }


def plan_json(recognizers: Sequence[RecognizerSpec], *, pretty: bool = False) -> str:
    """The plan as the core reads it. ``pretty``: indented, for the committed file.

    Why compact by default: every engine build serialises its plan, and ``json`` encodes
    with its C encoder only without ``indent`` (the pure-Python one cost ~30 ms per start).
    """
    if pretty:
        return json.dumps(build_plan(recognizers), ensure_ascii=False, indent=1, sort_keys=True)
    return json.dumps(
        build_plan(recognizers), ensure_ascii=False, sort_keys=True, separators=(",", ":")
    )


def builtin_plan_path() -> Path:
    """Where the committed built-in plan lives in a source checkout."""
    return Path(__file__).resolve().parents[2] / "rust" / "core" / "data" / "builtin-plan.json"


def builtin_plan_json() -> str:
    from pimask.recognizers import load_builtin

    return plan_json(load_builtin(), pretty=True) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    text = builtin_plan_json()
    if args == ["--write"]:
        path = builtin_plan_path()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")
        return 0
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
