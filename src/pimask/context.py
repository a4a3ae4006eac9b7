"""Context scoring: the words around a candidate, and above all the key it is the value of.

Two sources, strongest first:

1. **Key.** In ``key=value``, ``key: value``, ``"key": "value"``, query strings
   (``?phone=…&``), ``手机号：…`` and ``product/version`` or ``/path/value`` the key names
   the value. It is read from the text right before the candidate and matched against the
   recognizer's words. A key that names something else (``peer=``, ``certNo=`` for a card)
   settles it too: the words of neighbouring fields (``…&imei=`` after an order id) then do
   not count, because in structured text they label other values.
2. **Window.** Otherwise the nearest context word in a character window before the
   candidate decides; failing that, a *positive* word just after it (``13812345678（手机）``).
   Negative words after a value are not used: they almost always label the next field
   (``13912345678 trace_id=…``), not this one.

When several words match, the one nearest the value wins, and inside a compound key the
last one wins (``phone_order_id`` is an order id, ``订单手机号`` a mobile): both Chinese and
English put the head noun last.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from dataclasses import dataclass

from pimask.findings import ContextHit, Polarity
from pimask.recognizers import ContextSpec

_AFTER_WINDOW = 12
_DIGITS = "0123456789"
_ASCII_DIGIT = re.compile(r"[0-9]")
_KEY_PADDING = frozenset(" \t\"'")
_ASCII_KEY_CHARS = string.ascii_letters + string.digits + "_.-"  # what _is_key_char accepts
_NUMBER_SUFFIX = re.compile(r"[0-9]{1,2}(?![0-9])")  # IMEI1, phone2: part of the word
# Glued keys often end in a "number" suffix after the head noun: imeino, idcardnum.
_GLUED_SUFFIXES = ("number", "num", "no", "code")
_SUFFIX_GROUP = "(?:" + "|".join(_GLUED_SUFFIXES) + ")?"
_LIST_SEPARATORS = frozenset(",;/|、")
_KEY_CACHE_SIZE = 4096
_KEY_LOOKBACK = 64

# why: the key is the identifier-like run just before an assignment sign that directly
# precedes the value, with optional quotes and spaces (JSON, YAML, logfmt, query strings).
# A slash directly between key and value is a path segment or a product token
# (``/phone/138…``, ``Chrome/120.0.0.0``).
# A quoted key, "=" or "/" is structure (JSON, logfmt, query, path): the key settles what
# the value is. A bare ``Word: value`` is prose ("MAC Address: …"): if the key says
# nothing, the words around it still may.
_KEY_BEFORE_VALUE = re.compile(
    r"""(?P<key>[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\-\u4e00-\u9fff]{0,47})"""
    r"""(?:(?P<quote>["'])?\s*(?P<sep>[:=])\s*["']?\s*|/)\Z"""
)
_WORD_SEPARATORS = re.compile(r"[_\-. ]+")
# The rest of a Chinese label after the matched word: 身份证|号码是：…, 银行|账号=…
_LABEL_SUFFIX = re.compile(r"[\u4e00-\u9fff]{0,6}")
_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
# why: numbered keys (imei1, IMEI2, phone2) name the same thing as their stem
_DIGIT_SUFFIX = re.compile(r"(?<=[a-z])(?=[0-9])")
_KEY_SPLIT = re.compile(r"[_.\-\s]+")


def _is_ascii_word(word: str) -> bool:
    return word.isascii()


def _is_key_char(ch: str) -> bool:
    return (ch.isascii() and (ch.isalnum() or ch in "_.-")) or "\u4e00" <= ch <= "\u9fff"


def _is_key_start(ch: str) -> bool:
    return (ch.isascii() and (ch.isalpha() or ch == "_")) or "\u4e00" <= ch <= "\u9fff"


def key_before(view: str, start: int) -> tuple[str, str | None, str] | None:
    """``(key, quote, sep)`` for the key right before ``view[start]``, or None.

    Gives exactly what ``_KEY_BEFORE_VALUE.search(view, start - 64, start)`` gives (a test
    checks it on random text), but reads backwards from the value: the regex had to try
    every start position in the look-back, which made it the costliest step per candidate.
    """
    lo = max(0, start - _KEY_LOOKBACK)
    i = start
    quote: str | None = None
    if i > lo and view[i - 1] == "/":
        sep = "/"
        i -= 1
    else:
        while i > lo and view[i - 1].isspace():
            i -= 1
        if i > lo and view[i - 1] in "\"'":
            i -= 1
        while i > lo and view[i - 1].isspace():
            i -= 1
        if i <= lo or view[i - 1] not in ":=":
            return None
        sep = view[i - 1]
        i -= 1
        while i > lo and view[i - 1].isspace():
            i -= 1
        if i > lo and view[i - 1] in "\"'":
            quote = view[i - 1]
            i -= 1
    key_end = i
    limit = max(lo, key_end - 48)
    # why: rstrip skips the ASCII part of the key in C; the loop goes on through 汉字
    i = limit + len(view[limit:key_end].rstrip(_ASCII_KEY_CHARS))
    while i > limit and _is_key_char(view[i - 1]):
        i -= 1
    for first in range(i, key_end):
        if _is_key_start(view[first]):
            return view[first:key_end], quote, sep
    return None


def _may_follow_key(view: str, start: int) -> bool:
    """Cheap pre-check for the key regex: is there a ``:``, ``=`` or ``/`` right before?"""
    index = start - 1
    while index >= 0 and start - index <= 8 and view[index] in _KEY_PADDING:
        index -= 1
    return index >= 0 and view[index] in ":=/"


def _labels_another_value(view: str, word_end: int, start: int) -> bool:
    """Is there another value between a window word and the candidate?

    In ``终端IMEI998441393900477（用户提供）用户37070719770710083X`` the word IMEI labels
    the number right after it, not the ID further on. A list continues its label:
    ``imei=4901…,3520…`` labels both; so does a numbered word (``IMEI1 3520…``).
    """
    numbered = _NUMBER_SUFFIX.match(view, word_end, start)
    if numbered is not None:
        word_end = numbered.end()
    if _ASCII_DIGIT.search(view, word_end, start) is None:
        return False
    return view[word_end:start].rstrip()[-1:] not in _LIST_SEPARATORS


def _window_form(word: str) -> str:
    """How a word is compared in the window: case and separators ignored (tradeNo, trade_no)."""
    return _WORD_SEPARATORS.sub("", word.lower())


def _key_tokens(key: str) -> list[str]:
    spaced = _DIGIT_SUFFIX.sub("_", _CAMEL_BOUNDARY.sub("_", key).lower())
    return [token for token in _KEY_SPLIT.split(spaced) if token]


@dataclass(frozen=True, slots=True)
class ContextResult:
    adjust: float
    hits: tuple[ContextHit, ...]


_NO_CONTEXT = ContextResult(0.0, ())

# What may stand between a strong key and its value (DESIGN §3): assignment signs, quotes,
# spaces and the copula. At most _STRONG_GAP of them.
STRONG_SEPARATORS = frozenset(" \t:=：＝\"'“”‘’「」是为")
_STRONG_GAP = 8
_KEY_RUN = 48  # the longest key looked at, as key_before


def strong_forms(words: Iterable[str]) -> frozenset[str]:
    """The strong keys of a recognizer as :func:`strong_key_hit` compares them."""
    return frozenset(_strong_form(word.lower()) for word in words)


def _ends_word(ch: str) -> bool:
    """Can a key or context word end with ``ch`` (ASCII letter/digit/_ or a 汉字)?"""
    return (ch.isascii() and (ch.isalnum() or ch == "_")) or "\u4e00" <= ch <= "\u9fff"


def _strong_form(text: str) -> str:
    """A key or word compared for strong keys: ASCII lower-cased, without ``_-.`` and
    spaces, without a trailing number (``idCardNo`` → ``idcardno``, ``imei1`` → ``imei``)."""
    return "".join(ch.lower() if ch.isascii() else ch for ch in text if ch not in "_-. ").rstrip(
        _DIGITS
    )


def strong_key_hit(
    view: str, start: int, context: ContextResult, strong: frozenset[str]
) -> ContextHit | None:
    """The strong key ``view[start:]`` is the value of, or None (docs/recognizers.md).

    ``context`` is the candidate's context result: its word must be positive and one of
    ``strong`` (:func:`strong_forms`). Going back from the value over at most eight
    :data:`STRONG_SEPARATORS`, the run of key characters there (the key of ``"idcard":"…"``
    or ``card=…``, the label of ``身份证号：…`` or ``银行卡6217…``) must end with that word —
    its head noun, compared without case and ``_-.`` (``idCardNo`` ends with ``idcard`` +
    ``no``; ``card_hash`` names a hash, not a card).
    """
    if not context.hits:
        return None
    hit = context.hits[0]
    # why: window words match across spelling (id_card finds "id card"), so compare forms
    if hit.polarity != "positive" or _strong_form(hit.word) not in strong:
        return None
    i = start
    while i > 0 and start - i < _STRONG_GAP and view[i - 1] in STRONG_SEPARATORS:
        i -= 1
    if i == 0 or not _ends_word(view[i - 1]):
        return None
    if hit.source == "key" and i == start:
        return None  # a path segment (/idcard/…), not an assignment
    lo = i
    while lo > 0 and i - lo < _KEY_RUN and _is_key_char(view[lo - 1]):
        lo -= 1
    key, wanted = _strong_form(view[lo:i]), _strong_form(hit.word)
    if key.endswith(wanted) or any(key.endswith(wanted + suffix) for suffix in _GLUED_SUFFIXES):
        return hit
    return None


class ContextScorer:
    """Scores candidates of one recognizer against its :class:`ContextSpec`."""

    def __init__(self, spec: ContextSpec) -> None:
        self.spec = spec
        self._polarity: dict[str, Polarity] = {}
        for word in spec.words:
            self._polarity[word.lower()] = "positive"
        for word in spec.negative:
            self._polarity[word.lower()] = "negative"
        self._window_regex = self._compile_window_regex()
        self._window_words = {_window_form(word): word for word in self._polarity}
        for word in spec.negative_keys:  # keys only: added after the window regex is built
            self._polarity.setdefault(word.lower(), "negative")
        # key matching compares word tokens, so "ts" never matches inside "contacts".
        self._key_words: list[tuple[tuple[str, ...], str]] = [
            (tuple(_key_tokens(word)), word) for word in self._polarity if _is_ascii_word(word)
        ]
        self._cjk_words = [word for word in self._polarity if not _is_ascii_word(word)]
        # why: logs repeat a few hundred keys millions of times; classifying one costs a
        # scan over every word, a lookup costs nothing. Bounded, so odd input can't grow it.
        self._key_cache: dict[str, tuple[str, Polarity] | None] = {}
        self._key_results: dict[str, ContextResult | None] = {}

    def _compile_window_regex(self) -> re.Pattern[str] | None:
        if not self._polarity:
            return None
        cjk: list[str] = []
        ascii_words: list[str] = []
        # longest first so 手机号码 is preferred over 手机 at the same position
        for word in sorted(self._polarity, key=len, reverse=True):
            if _is_ascii_word(word):
                # trade_no also matches tradeNo, trade-no, "trade no"
                parts = [re.escape(part) for part in _WORD_SEPARATORS.split(word) if part]
                ascii_words.append(r"[_\-. ]?".join(parts) or re.escape(word))
            else:
                cjk.append(re.escape(word))
        alternatives = cjk
        if ascii_words:
            # why: after "@" a word is a mail domain (x@qq.com), not a label; a glued number
            # suffix (imeino) or a camelCase continuation (orderNo) still names the word.
            # The shared lookbehind is tested once per position, not once per word: this
            # regex runs for every candidate, so that is most of its cost.
            alternatives = [
                *cjk,
                rf"(?<![A-Za-z@])(?:{'|'.join(ascii_words)}){_SUFFIX_GROUP}(?-i:(?![a-z]))",
            ]
        return re.compile("|".join(alternatives), re.IGNORECASE)

    def classify_key(self, key: str) -> tuple[str, Polarity] | None:
        """The word that decides what ``key`` names, with its polarity, or None."""
        try:
            return self._key_cache[key]
        except KeyError:
            pass
        verdict = self._classify_key(key)
        if len(self._key_cache) >= _KEY_CACHE_SIZE:
            self._key_cache.clear()
        self._key_cache[key] = verdict
        return verdict

    def _key_result(self, key: str) -> ContextResult | None:
        """The context result when ``key`` names a listed word (cached like the verdict)."""
        try:
            return self._key_results[key]
        except KeyError:
            pass
        verdict = self.classify_key(key)
        result = None
        if verdict is not None:
            word, polarity = verdict
            spec = self.spec
            adjust = spec.key_boost if polarity == "positive" else -spec.key_penalty
            result = ContextResult(adjust, (ContextHit(word, polarity, "key"),))
        if len(self._key_results) >= _KEY_CACHE_SIZE:
            self._key_results.clear()
        self._key_results[key] = result
        return result

    def _classify_key(self, key: str) -> tuple[str, Polarity] | None:
        best: tuple[int, int, str] | None = None  # (end position, length, word)
        if key.isascii():
            tokens = _key_tokens(key)
            for word_tokens, word in self._key_words:
                width = len(word_tokens)
                for index in range(len(tokens) - width + 1):
                    if tuple(tokens[index : index + width]) == word_tokens:
                        candidate = (index + width, width, word)
                        if best is None or candidate[:2] > best[:2]:
                            best = candidate
            # also accept glued forms such as "cardno", "phonenumber", "imeino"
            glued = "".join(tokens)
            stems = [(glued, 0)] + [
                (glued[: -len(suffix)], len(suffix))
                for suffix in _GLUED_SUFFIXES
                if len(glued) > len(suffix) and glued.endswith(suffix)
            ]
            for word_tokens, word in self._key_words:
                joined = "".join(word_tokens)
                if len(joined) < 4:
                    continue
                for stem, suffix_length in stems:
                    if stem.endswith(joined):
                        # the match covering most of the key wins: idcardnum is an id card
                        # (idcard + num), not a card number (cardnum)
                        candidate = (len(tokens) + 1, len(joined) + suffix_length, word)
                        if best is None or candidate[:2] > best[:2]:
                            best = candidate
        else:
            lowered = key.lower()
            for word in self._polarity:
                position = lowered.rfind(word)
                if position >= 0:
                    candidate = (position + len(word), len(word), word)
                    if best is None or candidate[:2] > best[:2]:
                        best = candidate
        if best is None:
            return None
        word = best[2]
        return word, self._polarity[word]

    def _window_word(self, text: str) -> str:
        """The listed word a window match stands for ("" if none)."""
        form = _window_form(text)
        word = self._window_words.get(form)
        if word is not None:
            return word
        for suffix in _GLUED_SUFFIXES:
            if form.endswith(suffix):
                word = self._window_words.get(form[: -len(suffix)])
                if word is not None:
                    return word
        return ""

    def _labels_value_before(self, view: str, end: int, after: re.Match[str]) -> bool:
        """Does a word found after the value describe it (rather than the next value)?

        A word that is itself followed by ``:``/``=`` or a number is the key of the next
        value (``…3797交易号:2023…``), never a label of this one. Otherwise positive words
        do (``13812345678（手机）``), and a negative word does only when it is a Chinese word
        right behind the value (``2.3.1.0版本``, ``2.3.1.0 版本``): English labels precede
        their values, so ``13912345678 trace_id …`` names the next field.
        """
        rest = _LABEL_SUFFIX.match(view, after.end()).end()  # 身份证|号码是：… is one label
        following = view[rest : rest + 3].lstrip(" \"'")[:1]
        if following and (following in ":=" or following in _DIGITS):
            return False
        word = after.group(0)
        if self._polarity.get(self._window_word(word)) == "positive":
            return True
        gap = view[end : after.start()]
        return not word.isascii() and len(gap) <= 1 and not gap.strip()

    def score(self, view: str, start: int, end: int) -> ContextResult:
        """Score adjustment for the candidate ``view[start:end]`` and the words behind it."""
        if not self._polarity:
            return _NO_CONTEXT
        spec = self.spec
        key_match = key_before(view, start) if _may_follow_key(view, start) else None
        if key_match is not None:
            key, quote, sep = key_match
            by_key = self._key_result(key)
            if by_key is not None:
                return by_key
            if quote or sep != ":":
                return _NO_CONTEXT  # a structured key naming something this recognizer doesn't
        if self._window_regex is None or spec.window == 0:
            return _NO_CONTEXT
        last = None
        for match in self._window_regex.finditer(view, max(0, start - spec.window), start):
            last = match
        if last is not None and _labels_another_value(view, last.end(), start):
            last = None
        # the word nearest the value wins; one behind it only if it labels this value
        after = self._window_regex.search(view, end, min(len(view), end + _AFTER_WINDOW))
        # why: a word right before the value (at most a separator or two between) is not
        # overridden by a negative word after it: in "IMEI 3520…身份证1101…" 身份证 labels
        # the next value; a distant word is ("…IP…升级到2.3.1.0版本": 版本 labels this one).
        if (
            after is not None
            and (
                last is None
                or (
                    after.start() - end < start - last.end()
                    and (
                        start - last.end() > 2
                        or self._polarity.get(self._window_word(after.group(0))) == "positive"
                    )
                )
            )
            and self._labels_value_before(view, end, after)
        ):
            last = after
        if last is None:
            return _NO_CONTEXT
        word = self._window_word(last.group(0))
        polarity = self._polarity.get(word)
        if polarity is None:  # pragma: no cover - every alternative is a listed word
            return _NO_CONTEXT
        adjust = spec.boost if polarity == "positive" else -spec.penalty
        return ContextResult(adjust, (ContextHit(word, polarity, "window"),))
