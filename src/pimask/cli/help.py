"""``pimask help [TOPIC]``: the user documentation that ships inside the package.

why: ``pip install pimask`` brings no ``docs/`` folder, so help texts that said "see
docs/pre-commit.md" pointed nowhere. The topics are copies of the repository's docs pages
(a test keeps them identical) read with :mod:`importlib.resources`.
"""

from __future__ import annotations

import argparse
import sys
from importlib import resources

from pimask.errors import ConfigError

# topic → (file in pimask/help, one-line summary); aliases below
TOPICS: dict[str, tuple[str, str]] = {
    "pre-commit": (
        "pre-commit.md",
        "pimask check, trees, baselines, the team workflow, pre-commit, git hooks, CI",
    ),
    "streaming": ("streaming.md", "pimask mask: guarantees, -j, memory, the logging filter"),
    "cli": ("cli.md", "every command, scan's output, exit codes"),
    "policies": ("policies.md", "policy files, levels, operators, keys"),
    "entities": ("entities.md", "what each entity is and how it is validated"),
    "recognizers": ("recognizers.md", "writing your own recognizer files"),
}
ALIASES = {
    "check": "pre-commit",
    "baseline": "pre-commit",
    "ci": "pre-commit",
    "hooks": "pre-commit",
    "mask": "streaming",
    "logging": "streaming",
    "scan": "cli",
    "exit-codes": "cli",
    "policy": "policies",
}


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "help",
        help="show a help topic (pre-commit, streaming, policies, …)",
        description="Show the documentation shipped with pimask. Without TOPIC, list topics.",
    )
    parser.add_argument("topic", nargs="?", metavar="TOPIC", help="a topic name")
    parser.set_defaults(handler=run)


def topic_text(name: str) -> str:
    """The text of topic ``name`` (or an alias); unknown names are a ConfigError."""
    topic = ALIASES.get(name, name)
    if topic not in TOPICS:
        known = ", ".join(sorted(TOPICS))
        raise ConfigError(f"no help topic {name!r} (topics: {known})")
    return resources.files("pimask").joinpath("help", TOPICS[topic][0]).read_text("utf-8")


def run(args: argparse.Namespace) -> int:
    out = sys.stdout
    if args.topic is None:
        out.write("pimask help topics ('pimask help TOPIC'):\n")
        for name, (_, summary) in TOPICS.items():
            out.write(f"  {name:<12} {summary}\n")
        out.write("\nEvery command also has 'pimask COMMAND --help' with examples.\n")
        return 0
    out.write(topic_text(args.topic))
    return 0
