"""``pimask recognizers list|test``: what the engine knows, and proof its examples hold."""

from __future__ import annotations

import argparse
import sys

from pimask.cli.common import add_engine_options, engine_from_args


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("recognizers", help="list recognizers or run their examples")
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    listing = actions.add_parser("list", help="list active recognizers")
    add_engine_options(listing)
    listing.set_defaults(handler=run_list)
    testing = actions.add_parser("test", help="run every recognizer's match / no_match examples")
    add_engine_options(testing)
    testing.set_defaults(handler=run_test)


def run_list(args: argparse.Namespace) -> int:
    engine = engine_from_args(args)
    for spec in engine.recognizers:
        patterns = ", ".join(p.name for p in spec.patterns)
        validator = spec.validator or "-"
        print(f"{spec.id:<16} {spec.entity:<16} validator={validator:<15} patterns: {patterns}")
    return 0


def run_test(args: argparse.Namespace) -> int:
    from pimask.examples import check_examples

    engine = engine_from_args(args)
    failures = check_examples(engine)
    for failure in failures:
        print(failure, file=sys.stderr)
    total = sum(len(s.examples.match) + len(s.examples.no_match) for s in engine.recognizers)
    print(f"{total - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0
