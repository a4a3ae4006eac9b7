"""``pimask policy check FILE…`` / ``show NAME|FILE`` / ``list``: policies before use.

``check`` is the pre-flight a reviewer runs on a policy change: it loads each file with
every rule the engine applies (levels, operators, entities) and exits 2 naming the file,
line, entity and field of the first problem, so a broken policy never reaches a pipeline.
"""

from __future__ import annotations

import argparse
import sys

from pimask.errors import ConfigError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "policy",
        help="check, show or list protection policies",
        description="Validate policy files, or show what a built-in or file policy does.",
    )
    actions = parser.add_subparsers(dest="policy_command", metavar="ACTION")
    actions.required = True
    check = actions.add_parser(
        "check", help="validate policy files (exit 2 on the first broken one)"
    )
    check.add_argument("files", nargs="+", metavar="FILE", help="policy YAML files")
    check.set_defaults(handler=run_check)
    show = actions.add_parser("show", help="show a policy's level, promise and operators")
    show.add_argument("name", metavar="NAME|FILE", help="built-in name or policy file")
    show.add_argument("--yaml", action="store_true", help="print the policy's YAML source")
    show.set_defaults(handler=run_show)
    listing = actions.add_parser("list", help="list the built-in policies")
    listing.set_defaults(handler=run_list)


def _describe(spec: str) -> list[str]:
    from pimask.operators import MASK_PRESETS, MaskConfig
    from pimask.policy import load_policy
    from pimask.policy.loader import known_entities

    policy = load_policy(spec)
    entities = sorted(known_entities(policy)) if policy.entities == "all" else policy.entities
    lines = [f"policy {policy.name}: level {policy.level}"]
    if policy.description:
        lines.append(f"  {policy.description.strip()}")
    if policy.promise is not None:
        source = f" ({policy.promise.source})" if policy.promise.source else ""
        lines.append(f"  promise{source}: {policy.promise.text.strip()}")
    score = "engine default" if policy.min_score is None else f"{policy.min_score:g}"
    lines.append(f"  min score: {score}")
    lines.append(f"  covers: {'all entities' if policy.entities == 'all' else ', '.join(entities)}")
    for entity in entities:
        if not policy.covers(entity):
            # why: an organisation's id (policy.model.ORGANISATION_ENTITIES) is found but
            # acted on only when the policy names it
            lines.append(f"    {entity}: left as written (an organisation's id: name it)")
            continue
        config = policy.operator_for(entity)
        settings = config.model_dump(exclude={"type"}, exclude_defaults=True)
        text = f"    {entity}: {config.type}"
        if settings:
            text += " " + ", ".join(f"{key}={value}" for key, value in settings.items())
        if isinstance(config, MaskConfig) and config.preset:
            text += f"  [{MASK_PRESETS[config.preset].source}]"
        lines.append(text)
    if policy.allow.values or policy.allow.patterns:
        lines.append(
            f"  allowlist: {len(policy.allow.values)} values, {len(policy.allow.patterns)} patterns"
        )
    if policy.needs_key:
        lines.append("  needs a key: PIMASK_KEY (+ PIMASK_KEY_ID) or PIMASK_KEY_FILE")
    return lines


def run_check(args: argparse.Namespace) -> int:
    from pimask.policy import load_policy

    for name in args.files:
        policy = load_policy(name)  # ConfigError → exit 2 with file:line: field: reason
        key = ", needs a key" if policy.needs_key else ""
        print(f"{name}: ok (policy {policy.name}, level {policy.level}{key})")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from pathlib import Path

    from pimask.policy import BUILTIN_POLICIES, builtin_policy_text

    if args.yaml:
        if args.name in BUILTIN_POLICIES:
            sys.stdout.write(builtin_policy_text(args.name))
        else:
            try:
                sys.stdout.write(Path(args.name).read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError) as exc:
                raise ConfigError(f"{args.name}: cannot read ({type(exc).__name__})") from None
        return 0
    print("\n".join(_describe(args.name)))
    return 0


def run_list(args: argparse.Namespace) -> int:
    from pimask.policy import BUILTIN_POLICIES, load_policy

    for name in BUILTIN_POLICIES:
        policy = load_policy(name)
        summary = (policy.description or "").strip().split(". ")[0]
        print(f"{name:<11} {policy.level:<11} {summary}")
    return 0
