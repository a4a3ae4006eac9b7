"""Word segmentation and part-of-speech tags for the Chinese detectors, on three backends.

* ``lac`` (the default, extra ``pimask[zh-lac]``): Baidu's LAC model on ONNX Runtime
  (:mod:`pimask.ner.lac`), the best names and places, about 5x jieba's CPU;
* ``jieba`` (extra ``pimask[zh]``): jieba's dictionary and HMM, described below;
* ``rjieba`` (extra ``pimask[zh]``): jieba's dictionary in Rust (jieba-rs), the same
  segmentation about 2-3x faster; it has no tagging HMM and no frequency table, so
  :func:`_rjieba_tokenize` tags an unknown word that starts with a surname ``nr`` (what
  jieba's HMM mostly does) and "in the dictionary" means "rjieba knows its tag".

The backend is chosen by ``Engine(ner_backend=...)``, the CLI's ``--ner-backend`` or
``$PIMASK_ZH_NER`` (:func:`resolve_backend`). Nothing is imported before first use.

jieba details: a dictionary load and word segmentation, loaded once and only when asked for.

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
from collections.abc import Callable
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


def word_frequency(word: str, backend: str = "jieba") -> int:
    """How often ``word`` occurs in jieba's dictionary corpus; 0 for words jieba guessed.

    Names of ordinary people are not in the dictionary; dictionary words tagged ``nr`` are
    famous names or everyday words (王道, 连胜, 金石), which is why this lowers a score.
    """
    if backend == "lac":
        return 0  # why: LAC has no dictionary; its PER tag already weighs the context
    if backend == "rjieba":
        return int(_rjieba_known(word))
    return _load()[0].FREQ.get(word, 0) or 0


_DIGITS = re.compile(r"^[0-9.]+$")
_LATIN = re.compile(r"^[A-Za-z0-9]+$")


def tokenize(text: str, *, ascii_context: int | None = None, backend: str = "jieba") -> list[Token]:
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
    segment = _SEGMENTERS[backend]
    if backend != "jieba":
        segment = _around_surrogates(segment)
    if ascii_context is None:
        return segment(text, 0)
    tokens: list[Token] = []
    cursor = 0
    for start, end in _zones(text, ascii_context):
        if cursor < start:
            tokens.append(Token(text[cursor:start], "x", cursor, start))
        tokens.extend(segment(text[start:end], start))
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


def _fallback_tag(word: str) -> str:
    """Tag of a word no dictionary knows: number, Latin, Han noun or other."""
    if _DIGITS.match(word):
        return "m"
    if _LATIN.match(word):
        return "eng"
    return "n" if _is_han(word) else "x"


# --- rjieba ----------------------------------------------------------------------------

MISSING_RJIEBA = "the rjieba backend of zh_person/zh_address needs rjieba: pip install 'pimask[zh]'"


def _rjieba() -> Any:
    loaded = _state.get("rjieba")
    if loaded is None:
        with _lock:
            loaded = _state.get("rjieba")
            if loaded is None:
                require_backend("rjieba")
                import rjieba

                loaded = _state["rjieba"] = rjieba
    return loaded


@lru_cache(maxsize=65536)
def _rjieba_known(word: str) -> bool:
    """True when ``word`` is one dictionary word for rjieba (its tag is not the unknown ``x``).

    why: rjieba exposes no frequency table; a word it tags from its dictionary is what
    jieba's ``FREQ`` would hold, which is all the PERSON scorer asks.
    """
    pairs = _rjieba().tag(word, False)
    return len(pairs) == 1 and pairs[0][1] != "x"


def _rjieba_tokenize(text: str, offset: int) -> list[Token]:
    """rjieba's words (``cut`` with HMM) and dictionary tags, offsets from ``offset``.

    rjieba's words concatenate back to ``text``; a word outside its dictionary gets the
    fallback tag, or ``nr`` when it looks like a name (2-4 Han characters starting with a
    surname), the case jieba's tagging HMM decides in :func:`_tokenize`. Lone surrogates
    (undecodable input bytes kept by ``surrogateescape``) cannot cross into Rust: they
    become ``x`` tokens of their own.
    """
    rjieba = _rjieba()
    tags = _rjieba_tags()
    tokens: list[Token] = []
    position = offset
    for word in rjieba.cut(text, True):
        tag = tags.get(word)
        if tag is None:
            tag = tags[word] = _rjieba_tag(word)
        end = position + len(word)
        tokens.append(Token(word, tag, position, end))
        position = end
    return tokens


_SURROGATES = re.compile("([\ud800-\udfff]+)")


def _around_surrogates(
    segment: Callable[[str, int], list[Token]],
) -> Callable[[str, int], list[Token]]:
    """``segment`` on the stretches between lone surrogates, each run of those one ``x``.

    why: undecodable bytes (kept by ``surrogateescape``) cannot cross into Rust (rjieba),
    and LAC would glue one to the next name (``\udcff王小明``), hiding the name.
    """

    def run(text: str, offset: int) -> list[Token]:
        if _SURROGATES.search(text) is None:
            return segment(text, offset)
        tokens: list[Token] = []
        position = offset
        for stretch in _SURROGATES.split(text):
            if _SURROGATES.match(stretch):
                tokens.append(Token(stretch, "x", position, position + len(stretch)))
            elif stretch:
                tokens.extend(segment(stretch, position))
            position += len(stretch)
        return tokens

    return run


def _rjieba_tags() -> dict[str, str]:
    # why: a plain dict (bounded below), faster than lru_cache on the hot path
    tags: dict[str, str] | None = _state.get("rjieba_tags")
    if tags is None or len(tags) > 200_000:
        tags = _state["rjieba_tags"] = {}
    return tags


def _rjieba_tag(word: str) -> str:
    pairs = _rjieba().tag(word, False)
    if len(pairs) == 1 and pairs[0][1] != "x":
        return str(pairs[0][1])
    if 1 < len(word) <= 4 and _is_han(word) and _may_be_name(word):
        return "nr"
    return _fallback_tag(word)


# --- LAC -------------------------------------------------------------------------------


def _lac_tokenize(text: str, offset: int) -> list[Token]:
    """LAC's words with their tags mapped to jieba's (:data:`pimask.ner.lac.TAGS`)."""
    from pimask.ner import lac

    tokens: list[Token] = []
    position = offset
    pairs = [pair for sentence in _sentences(text) for pair in lac.analyse(sentence)]
    for word, tag in pairs:
        flag = lac.TAGS.get(tag, tag)
        if flag == "x" and not word.isspace() and (_DIGITS.match(word) or _LATIN.match(word)):
            flag = _fallback_tag(word)
        pieces = _LOC_PIECES.findall(word) if flag == "ns" and len(word) > 1 else (word,)
        for piece in pieces:
            end = position + len(piece)
            piece_flag = flag if len(pieces) == 1 or not _LOC_NUMBER.match(piece) else "m"
            tokens.append(Token(piece, piece_flag, position, end))
            position = end
    return tokens


# Sentence ends (kept with their sentence) and the longest piece LAC is given at once.
_SENTENCE_END = re.compile(r"(?<=[。！？；!?;\n])")
_MAX_SENTENCE = 256


def _sentences(text: str) -> list[str]:
    """``text`` cut after each sentence end, and pieces longer than ``_MAX_SENTENCE`` cut.

    why: LAC was trained on sentences, and one call per sentence bounds the model's and the
    CRF decoder's memory on a long line (the pieces concatenate back to ``text``).
    """
    pieces: list[str] = []
    for sentence in _SENTENCE_END.split(text):
        for start in range(0, len(sentence), _MAX_SENTENCE):
            pieces.append(sentence[start : start + _MAX_SENTENCE])
    return [piece for piece in pieces if piece]


# why: LAC tags a whole street address one place (LOC): 碧波路690号, 中关村大街27号院3号楼.
# The address grammar reads roads, numbers and units as words of their own, so a place is
# cut before each number and after its unit: 碧波路 | 690号, 中关村大街 | 27号院 | 3号楼.
_LOC_UNITS = "号院|号楼|号|栋|幢|座|单元|层|楼|室|弄"
# Areas are cut apart too (北京市朝阳区 -> 北京市 | 朝阳区), as jieba does: a lone area is
# no address, two areas after 家住 are. Latin letters go with their unit (A座) or alone (SOHO).
_LOC_NUMBER = re.compile(rf"^[0-9][0-9A-Za-z\-]*(?:{_LOC_UNITS})?$")
_LOC_PIECES = re.compile(
    rf"[0-9A-Za-z][0-9A-Za-z\-]*(?:{_LOC_UNITS})?"
    r"|[^0-9A-Za-z]{2,}?(?:特别行政区|自治区|自治州|省|市|区|县)(?=[^0-9A-Za-z]{2})"
    r"|[^0-9A-Za-z]+"
)


# --- backend choice ---------------------------------------------------------------------

BACKENDS = ("lac", "jieba", "rjieba")
DEFAULT_BACKEND = "lac"
BACKEND_ENV = "PIMASK_ZH_NER"

_SEGMENTERS: dict[str, Callable[[str, int], list[Token]]] = {
    "jieba": _tokenize,
    "rjieba": _rjieba_tokenize,
    "lac": _lac_tokenize,
}


def resolve_backend(name: str | None = None) -> str:
    """The backend to use: ``name``, else ``$PIMASK_ZH_NER``, else :data:`DEFAULT_BACKEND`.

    An unknown name is a ConfigError (exit 2 in the CLI) listing the known ones.
    """
    import os

    chosen = (name or os.environ.get(BACKEND_ENV) or DEFAULT_BACKEND).strip().lower()
    if chosen not in BACKENDS:
        from pimask.errors import ConfigError

        raise ConfigError(
            f"unknown Chinese NER backend {chosen!r} (known: {', '.join(BACKENDS)}; "
            f"set by --ner-backend or ${BACKEND_ENV})"
        )
    return chosen


def require_backend(backend: str) -> None:
    """ConfigError with the pip install hint when ``backend``'s extra is not installed.

    Only looks the packages up: importing onnxruntime or jieba costs a second.
    """
    if backend == "lac":
        from pimask.ner import lac

        lac.require()
    elif backend == "rjieba":
        if not _importable("rjieba"):
            from pimask.errors import ConfigError

            raise ConfigError(MISSING_RJIEBA)
    else:
        require()


def load_backend(backend: str) -> None:
    """Load ``backend``'s dictionary or model now (benchmarks, servers at start-up)."""
    if backend == "lac":
        from pimask.ner import lac

        lac.load()
    elif backend == "rjieba":
        _rjieba().cut("预热", True)
    else:
        load()


def _importable(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
