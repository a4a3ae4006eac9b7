"""User-supplied regexes: the subset both engines run in linear time with the same meaning.

Recognizer patterns, prefilters and policy allowlist patterns are run by the native core
(regex-automata: no look-around, no back-references, linear time) and by the Python
reference engine (``re``). :func:`regex_problem` refuses at load time what either engine
cannot run or what the two read differently (``\\d``, ``\\w``, ``\\s``, ``\\b``, anchors,
POSIX classes …), with what to write instead; docs/recognizers.md has the migration note.
"""

from __future__ import annotations

import re


def regex_problem(pattern: str, *, ignore_case: bool = False) -> str | None:
    """None when ``pattern`` is usable, else a one-line reason (never the text scanned)."""
    try:
        re.compile(pattern, re.IGNORECASE if ignore_case else 0)
    except re.error as exc:
        return f"regex does not compile: {exc}"
    try:
        from pimask import _core
    except ImportError:  # why: a reference-only install still loads its files
        return None
    return _core.regex_error(pattern, ignore_case)
