"""Running the ``match`` / ``no_match`` examples embedded in recognizer files.

Shared by ``pimask recognizers test`` and the test suite, so a user's own recognizer files
are checked exactly like the built-ins.
"""

from __future__ import annotations

from collections import Counter

from pimask.engine import Engine


def check_examples(engine: Engine) -> list[str]:
    """Human-readable failures (empty when every example holds).

    A ``match`` example holds when the engine reports the recognizer's entity on exactly the
    listed values; a ``no_match`` example when it reports no such entity at all. Messages
    quote the example text: examples are synthetic data written for this purpose.
    """
    failures: list[str] = []
    for spec in engine.recognizers:
        for example in spec.examples.match:
            found = Counter(
                example.text[f.start : f.end]
                for f in engine.scan(example.text)
                if f.entity == spec.entity
            )
            if found != Counter(example.values):
                failures.append(
                    f"{spec.id}: match example {example.text!r}: expected {list(example.values)},"
                    f" found {sorted(found.elements())}"
                )
        for text in spec.examples.no_match:
            found = [f for f in engine.scan(text) if f.entity == spec.entity]
            if found:
                failures.append(f"{spec.id}: no_match example {text!r}: found {found}")
    return failures
