"""jieba word segmentation and part-of-speech tags, loaded once and only when asked for.

jieba costs about a second to load its dictionary and about 20 MB of memory, so nothing
here runs at import time: :func:`tokenize` loads it on first use (thread-safe) and
``import pimask`` never touches jieba. pimask uses its own ``jieba.Tokenizer`` instance, so
words a host application adds to jieba's global dictionary do not change what pimask
reports, and pimask's own loading does not disturb the application's jieba.

jieba's tags (ICTCLAS-style) that matter here: ``nr`` person name, ``nrfg`` / ``nrt`` name
variants (``nrt`` is mostly transliterated foreign names), ``ns`` place name, ``m`` number,
``x`` punctuation or unknown, ``eng`` Latin letters.
"""

from __future__ import annotations

import logging
import re
import threading
from functools import cache, lru_cache
from typing import Any, NamedTuple

_lock = threading.Lock()
_state: dict[str, Any] = {}


class Token(NamedTuple):
    """One jieba word: ``text[start:end] == word``; ``flag`` is its part-of-speech tag."""

    word: str
    flag: str
    start: int
    end: int


def _load() -> tuple[Any, Any, dict[str, str]]:
    """The shared ``(Tokenizer, POSTokenizer, word -> tag)``, built on first call."""
    loaded = _state.get("jieba")
    if loaded is not None:
        return loaded
    with _lock:
        loaded = _state.get("jieba")
        if loaded is None:
            require()
            import jieba
            import jieba.posseg

            # why: jieba logs "Building prefix dict ..." at DEBUG to stderr on every load.
            logging.getLogger("jieba").setLevel(logging.WARNING)
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            posseg = jieba.posseg.POSTokenizer(tokenizer)
            loaded = (tokenizer, posseg, posseg.word_tag_tab)
            _state["jieba"] = loaded
    return loaded


MISSING_JIEBA = "the Chinese PERSON/ADDRESS recognizers need jieba: pip install 'pimask[zh]'"


def require() -> None:
    """Raise ConfigError (the CLI's exit 2) with the install hint when jieba is missing.

    why: called when a detector is switched on, so a missing extra fails at construction,
    with one message for the CLI and the library, instead of on the first Chinese line.
    Only looks jieba up (no import: loading it costs a second and 20 MB).
    """
    import importlib.util

    try:
        found = importlib.util.find_spec("jieba") is not None
    except (ImportError, ValueError):
        found = False
    if not found:
        from pimask.errors import ConfigError

        raise ConfigError(MISSING_JIEBA)


def load() -> None:
    """Load jieba's dictionary now (servers call this at start-up, tests once per session)."""
    _load()


def is_loaded() -> bool:
    return "jieba" in _state


def word_frequency(word: str) -> int:
    """How often ``word`` occurs in jieba's dictionary corpus; 0 for words jieba guessed.

    Names of ordinary people are not in the dictionary; dictionary words tagged ``nr`` are
    famous names or everyday words (王道, 连胜, 金石), which is why this lowers a score.
    """
    return _load()[0].FREQ.get(word, 0) or 0


_DIGITS = re.compile(r"^[0-9.]+$")
_LATIN = re.compile(r"^[A-Za-z0-9]+$")


def tokenize(text: str, *, ascii_context: int | None = None) -> list[Token]:
    """Words of ``text`` with their tags and offsets; the words concatenate to ``text``.

    Segmentation is ``jieba.cut`` (with its HMM for unknown words); tags come from jieba's
    dictionary; only unknown words that start with a surname go through
    ``jieba.posseg``'s tagging HMM (other unknown words are tagged ``n``). Same tags as
    ``jieba.posseg.cut`` for the words that matter (guessed names), several times faster:
    the tagging HMM is most of ``posseg.cut``'s cost.

    With ``ascii_context=N``, only the non-ASCII stretches of ``text`` and ``N`` characters
    on either side go through jieba; every other ASCII stretch becomes one ``x`` token.
    Log lines are mostly ASCII (timestamps, ids, hex), which jieba segments character by
    character: on benchmarks/corpus.py's Chinese log lines this is about 4x faster, and the
    detectors only ever look at the words next to Chinese text.
    """
    if ascii_context is None:
        return _tokenize(text, 0)
    tokens: list[Token] = []
    cursor = 0
    for start, end in _zones(text, ascii_context):
        if cursor < start:
            tokens.append(Token(text[cursor:start], "x", cursor, start))
        tokens.extend(_tokenize(text[start:end], start))
        cursor = end
    if cursor < len(text):
        tokens.append(Token(text[cursor:], "x", cursor, len(text)))
    return tokens


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def _zones(text: str, margin: int) -> list[tuple[int, int]]:
    """Non-ASCII stretches widened by ``margin`` on both sides, overlaps merged."""
    zones: list[tuple[int, int]] = []
    for match in _NON_ASCII.finditer(text):
        start, end = max(0, match.start() - margin), min(len(text), match.end() + margin)
        if zones and start <= zones[-1][1]:
            zones[-1] = (zones[-1][0], end)
        else:
            zones.append((start, end))
    return zones


def _tokenize(text: str, offset: int) -> list[Token]:
    tokenizer, posseg, tags = _load()
    tokens: list[Token] = []
    position = offset
    for word in tokenizer.cut(text, HMM=True):
        tag = tags.get(word)
        if tag is None:
            if 1 < len(word) <= 4 and _is_han(word) and _may_be_name(word):
                for piece, flag in _tag_unknown(posseg, word):
                    end = position + len(piece)
                    tokens.append(Token(piece, flag, position, end))
                    position = end
                continue
            tag = (
                "m"
                if _DIGITS.match(word)
                else "eng"
                if _LATIN.match(word)
                else "n"
                if _is_han(word)
                else "x"
            )
        end = position + len(word)
        tokens.append(Token(word, tag, position, end))
        position = end
    return tokens


@lru_cache(maxsize=8192)
def _tag_unknown(posseg: Any, word: str) -> tuple[tuple[str, str], ...]:
    """posseg's tagging of one unknown word (cached: logs repeat the same names)."""
    return tuple((pair.word, pair.flag) for pair in posseg.cut(word, HMM=True))


def _may_be_name(word: str) -> bool:
    """Only unknown words that start like a Chinese name get the (slow) tagging HMM."""
    return word[0] in _surname_starts()


@cache
def _surname_starts() -> frozenset[str]:
    from pimask.ner.surnames import surnames

    return surnames().first_characters


def _is_han(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)
