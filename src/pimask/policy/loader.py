"""Reading policies: built-in names, YAML files, errors that name file, line and field.

Loading is the one place a policy file becomes a :class:`Policy`, so every check a user
can trip over (bad YAML, an unknown field, an operator that cannot keep the level, an
entity no recognizer finds) ends here as one :class:`ConfigError` that names the file,
the line, the entity and the field, and never a value from the file.
"""

from __future__ import annotations

import threading
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from pimask.errors import ConfigError
from pimask.operators.configs import OPERATOR_TYPES
from pimask.policy.model import DEFAULT_KEY, Policy, PolicyProblem

BUILTIN_POLICIES: tuple[str, ...] = ("display", "deidentify", "anonymize", "delete")

_cache: dict[tuple[str, int], Policy] = {}
_cache_lock = threading.Lock()
# id(policy) -> (policy, source): holding the policy keeps its id from being reused
_sources: dict[int, tuple[Policy, str]] = {}


def builtin_policy_text(name: str) -> str:
    """The YAML of a built-in policy, as shipped inside the package."""
    if name not in BUILTIN_POLICIES:
        raise ConfigError(
            f"unknown built-in policy {name!r} (known: {', '.join(BUILTIN_POLICIES)})"
        )
    return (resources.files("pimask") / "policies" / f"{name}.yaml").read_text(encoding="utf-8")


def source_of(policy: Policy) -> str | None:
    """The file (or ``builtin:NAME``) a policy was loaded from, if it was loaded."""
    entry = _sources.get(id(policy))
    return entry[1] if entry is not None and entry[0] is policy else None


def _line_of(root: yaml.Node | None, path: tuple[Any, ...]) -> int | None:
    """1-based line of the YAML node at ``path`` (deepest node found along the way)."""
    node, line = root, None
    for part in path:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if getattr(k, "value", None) == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            node = node.value[part] if part < len(node.value) else None
        else:
            node = None
    if node is not None:
        line = node.start_mark.line + 1
    return line


def _parse_path(text: str) -> tuple[Any, ...]:
    """``operators.CN_MOBILE.keep_first`` / ``allow.patterns[2]`` → path parts."""
    parts: list[Any] = []
    for piece in text.split("."):
        name, _, rest = piece.partition("[")
        if name:
            parts.append(name)
        while rest:
            index, _, rest = rest.partition("]")
            parts.append(int(index) if index.isdigit() else index)
            rest = rest[1:] if rest.startswith("[") else ""
    return tuple(parts)


def _render_loc(loc: tuple[Any, ...]) -> tuple[str, tuple[Any, ...]]:
    # why: pydantic inserts the union tag ('mask') after the entity; users never wrote it.
    parts = [
        p
        for i, p in enumerate(loc)
        if not (i == 2 and loc[0] == "operators" and p in OPERATOR_TYPES)
    ]
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)", tuple(parts)


def _problems(exc: ValidationError) -> list[tuple[str, tuple[Any, ...], str]]:
    found = []
    for error in exc.errors(include_url=False, include_input=False):
        original = (error.get("ctx") or {}).get("error")
        if isinstance(original, PolicyProblem):
            found.append((original.path, _parse_path(original.path), original.reason))
            continue
        where, parts = _render_loc(tuple(error["loc"]))
        message = error["msg"]
        if error["type"] == "union_tag_invalid":
            message = f"unknown operator type; known: {', '.join(OPERATOR_TYPES)}"
        elif error["type"] == "union_tag_not_found":
            message = f"missing 'type' (one of: {', '.join(OPERATOR_TYPES)})"
        elif error["type"] == "extra_forbidden":
            message = "unknown field (typo?)"
        found.append((where, parts, message))
    return found


def parse_policy(text: str, source: str, base_dir: Path | None = None) -> Policy:
    """Validate one policy document; ``source`` names it in errors."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "syntax error"
        raise ConfigError(f"{source}{where}: not valid YAML ({problem})") from None
    if not isinstance(data, dict):
        raise ConfigError(f"{source}: expected a mapping (name:, level:, operators: …) at the top")
    try:
        policy = Policy.model_validate(data)
    except ValidationError as exc:
        lines = []
        for where, parts, message in _problems(exc):
            line = _line_of(root, parts)
            lines.append(f"{source}{f':{line}' if line else ''}: {where}: {message}")
        raise ConfigError("\n".join(lines)) from None
    except PolicyProblem as exc:  # pragma: no cover - pydantic wraps these
        raise ConfigError(f"{source}: {exc}") from None
    if base_dir is not None and policy.recognizers.files:
        resolved = tuple(str((base_dir / name).resolve()) for name in policy.recognizers.files)
        policy = policy.model_copy(
            update={"recognizers": policy.recognizers.model_copy(update={"files": resolved})}
        )
    check_entities(policy, source, root)
    return policy


def known_entities(policy: Policy) -> set[str]:
    """Entities the recognizers this policy uses can report."""
    from pimask import recognizers
    from pimask.engine import recognizer_files_combine  # shares the engine's built-in cache

    extra = [recognizers.load_recognizer_file(path) for path in policy.recognizers.files]
    active = recognizer_files_combine(extra, policy.recognizers.disable)
    from pimask.ner import DETECTORS

    return {spec.entity for spec in active} | {DETECTORS[i] for i in policy.recognizers.enable}


def check_entities(policy: Policy, source: str, root: yaml.Node | None = None) -> None:
    """Every named entity must be findable, and a default operator must suit each one."""
    known = known_entities(policy)
    known_text = ", ".join(sorted(known))

    def fail(path: str, message: str) -> None:
        line = _line_of(root, _parse_path(path))
        raise ConfigError(f"{source}{f':{line}' if line else ''}: {path}: {message}")

    if policy.entities != "all":
        for index, entity in enumerate(policy.entities):
            if entity not in known:
                fail(f"entities[{index}]", f"unknown entity {entity} (known: {known_text})")
    for entity in policy.operators:
        if entity != DEFAULT_KEY and entity not in known:
            fail(f"operators.{entity}", f"unknown entity {entity} (known: {known_text})")
    default = policy.operators.get(DEFAULT_KEY)
    if default is not None:
        covered = {entity for entity in known if policy.covers(entity)}
        if policy.entities != "all":
            covered |= set(policy.entities)
        for entity in sorted(covered - policy.operators.keys()):
            problem = default.entity_problem(entity)
            if problem:
                fail(f"operators.{DEFAULT_KEY}", f"for {entity}: {problem}")


def load_policy_file(path: str | Path) -> Policy:
    path = Path(path)
    try:
        stat = path.stat()
        key = (str(path.resolve()), stat.st_mtime_ns)
    except OSError:
        raise ConfigError(
            f"{path}: no such policy file (built-ins: {', '.join(BUILTIN_POLICIES)})"
        ) from None
    cached = _cache.get(key)
    if cached is not None:
        return cached
    try:
        text = path.read_text(encoding="utf-8")
    except IsADirectoryError:
        raise ConfigError(f"{path}: is a directory, not a policy file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read policy file ({type(exc).__name__})") from None
    policy = parse_policy(text, str(path), path.parent)
    return _remember(key, policy, str(path))


def _remember(key: tuple[str, int], policy: Policy, source: str) -> Policy:
    with _cache_lock:
        if len(_cache) > 64:
            _cache.clear()
            _sources.clear()
        _cache[key] = policy
        _sources[id(policy)] = (policy, source)
    return policy


def load_policy(spec: str | Path | Policy) -> Policy:
    """A :class:`Policy` from a built-in name, a YAML file path, or a Policy (returned as is).

    Results are cached (a file by path and modification time), so calling this per line is
    cheap. Raises :class:`ConfigError` naming the file, line, entity and field.
    """
    if isinstance(spec, Policy):
        return spec
    if isinstance(spec, str) and spec in BUILTIN_POLICIES:
        key = (f"builtin:{spec}", 0)
        cached = _cache.get(key)
        if cached is not None:
            return cached
        policy = parse_policy(builtin_policy_text(spec), f"builtin:{spec}")
        return _remember(key, policy, f"builtin:{spec}")
    if isinstance(spec, (str, Path)):
        return load_policy_file(spec)
    raise TypeError(f"policy must be a name, a path or a Policy, not {type(spec).__name__}")
