"""Chinese person names (entity ``PERSON``, recognizer id ``zh_person``) from jieba's tags.

jieba tags a guessed person name ``nr``; on its own that is right about one time in four
(``英超``, ``连``, ``王道`` are all ``nr``). The score here combines what makes a name
likely, measured on CLUENER2020 dev (benchmarks/cluener.py):

* a known surname starting the word (common tier, rare tier or compound: 欧阳, 司马);
* two to four Han characters, three being the most typical;
* a word jieba guessed (not in its dictionary: ordinary people are not famous);
* honorific or role words next to it: 先生 / 女士 after, 客户 / 用户 / 联系人 before, a
  ``姓名：`` key, a speech verb after (``王小明表示``);

and what makes it unlikely: a place or organisation suffix right after (``碧波路``), a title
glued to the surname (``张总``), a transliteration tag (``nrt``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from pimask.findings import ContextHit, Explanation, Finding
from pimask.ner.surnames import surnames
from pimask.ner.tokenizer import Token, word_frequency

RECOGNIZER_ID = "zh_person"
ENTITY = "PERSON"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NAME_FLAGS = frozenset({"nr", "nrfg", "nrt"})

# Base score by (surname tier, length); see the module docstring and benchmarks/cluener.py.
_BASE: dict[tuple[str, int], float] = {
    ("compound", 3): 0.65,
    ("compound", 4): 0.65,
    ("common", 2): 0.45,
    ("common", 3): 0.7,
    ("common", 4): 0.4,
    ("rare", 2): 0.3,
    ("rare", 3): 0.4,
    ("rare", 4): 0.25,
}
_NO_SURNAME = 0.15
_TRANSLITERATED = 0.15  # jieba's nrt: mostly foreign names and places (切尔西, 多特蒙德)
_IN_DICTIONARY = -0.25
# LAC's PER tag reads the whole sentence (a BiGRU-CRF), unlike jieba's per-word guess: a
# surname-led word it tags PER is likelier a name (李咏, 张博: 0.45 -> 0.5, reported).
_LAC_PERSON = 0.05
_BOOST = 0.35
_PENALTY = 0.4

# Words right before a name that say "a person follows" (tickets, forms, news).
WORDS_BEFORE = _words(
    "客户 用户 顾客 会员 联系人 收件人 收货人 寄件人 持卡人 开户人 户名 户主 业主 租客 房东 "
    "姓名 名字 患者 病人 乘客 旅客 学生 员工 同事 老师 医生 经理 主任 记者 教授 律师 "
    "投诉人 申请人 借款人 担保人 法人 代表 本人 家属 先生 女士 "
    "编辑 作者 演员 导演 歌手 教练 球员 委员 书记 总监 董事 老板 民警 警官 法官 同学 网友"
)
# Job titles before a name end like these: 局长, 副局长, 董事长, 副总, 店员, 检察官.
_TITLE_ENDINGS = ("长", "总", "员", "官")
# Words right after a name: honorifics, titles, and verbs of saying or contacting.
WORDS_AFTER = _words(
    "先生 女士 小姐 同学 老师 师傅 医生 经理 主任 教授 律师 警官 阿姨 叔叔 大爷 大妈 "
    "说 表示 认为 指出 介绍 透露 告诉 称 坦言 强调 回忆 提到 反映 投诉 来电 致电 反馈 "
    "咨询 报案 签收 本人 联系"
)
_KEYS = frozenset({"姓名", "名字", "联系人", "收件人", "收货人", "寄件人", "持卡人", "户名"})
_ASCII_KEYS = frozenset({"name", "username", "realname", "real_name", "full_name", "fullname"})
_SEPARATORS = frozenset(":：=")
# A place or organisation noun glued after a "name": 碧波路, 张江镇, 王府井大街, 李宁公司.
_PLACE_SUFFIXES = _words(
    "路 街 道 巷 弄 镇 村 乡 县 区 市 省 州 山 河 湖 江 桥 寺 庙 堡 楼 馆 园 站 港 岛 队 "
    "公司 集团 银行 大学 学院 中学 小学 医院 酒店 大厦 广场 小区 大街 大道 胡同"
)
# A "name" ending in one of these is a place: 张江镇, 吴家堡, 王府井.
_PLACE_ENDINGS = frozenset("路街巷弄镇村乡县区市省州堡井寺庙桥港岛湾河湖")
# ... or an organisation: 东方早报, 李宁店, 王府饭店.
_ORG_ENDINGS = frozenset("报社网台厂店馆院局部所队团")
_TITLE_CHARS = frozenset("总工哥姐某氏老家局董叔伯婶")
# A "given name" that is an honorific: 吴小姐 and 姚先生 name no one in particular.
_HONORIFICS = (
    *("小姐", "先生", "女士", "太太", "夫人", "老师", "师傅", "阿姨", "同学", "经理"),
    *("主任", "博士", "书记", "律师", "奶奶", "爷爷", "医生", "教授", "老板", "总监"),
)


def _is_han(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


def _neighbour(tokens: Sequence[Token], index: int, step: int) -> tuple[Token | None, bool]:
    """The next word in direction ``step`` skipping spaces and one separator (``姓名：``).

    Returns the token and whether a key separator (``:`` ``：`` ``=``) was skipped.
    """
    keyed = False
    position = index + step
    while 0 <= position < len(tokens):
        word = tokens[position].word
        if word.isspace():
            position += step
            continue
        if word in _SEPARATORS and not keyed:
            keyed = True
            position += step
            continue
        return tokens[position], keyed
    return None, keyed


def _context_before(tokens: Sequence[Token], first: int) -> tuple[float, tuple[ContextHit, ...]]:
    before, keyed = _neighbour(tokens, first, -1)
    if before is not None:
        word = before.word
        if keyed and (word in _KEYS or word.lower() in _ASCII_KEYS):
            return _BOOST + 0.05, (ContextHit(word.lower(), "positive", "key"),)
        if not keyed and word in WORDS_BEFORE:
            return _BOOST, (ContextHit(word, "positive", "window"),)
        if not keyed and _is_title(word):
            # why: report the listed ending (…长), as every ContextHit names a listed word
            return _BOOST, (ContextHit("…" + word[-1], "positive", "window"),)
    return 0.0, ()


def _is_title(word: str) -> bool:
    return len(word) >= 2 and word.endswith(_TITLE_ENDINGS) and _is_han(word)


def _context_after(tokens: Sequence[Token], last: int) -> tuple[float, tuple[ContextHit, ...]]:
    after, keyed = _neighbour(tokens, last, 1)
    if after is not None and not keyed:
        word = after.word
        if word in _PLACE_SUFFIXES:
            return -_PENALTY, (ContextHit(word, "negative", "window"),)
        if word in WORDS_AFTER:
            return _BOOST, (ContextHit(word, "positive", "window"),)
    return 0.0, ()


def _base(word: str, flag: str, backend: str = "jieba") -> tuple[float, str]:
    """Score before context, and a short reason (goes into the Explanation)."""
    if word[-1] in _PLACE_ENDINGS or word[-1] in _ORG_ENDINGS:
        return 0.0, "place_not_name"  # 张江镇, 吴家堡, 东方早报
    if flag == "nrt":
        return _TRANSLITERATED, "jieba_nrt"
    found = surnames().of(word)
    if found is None:
        score, reason = _NO_SURNAME, "no_surname"
    else:
        surname, tier = found
        given = word[len(surname) :]
        if given and (given[0] in _TITLE_CHARS or given.startswith(_HONORIFICS)):
            return 0.0, "title_not_name"  # 张总, 王某, 陈氏
        score = _BASE.get((tier, len(word)), 0.0)
        reason = f"surname_{tier}"
        if backend == "lac" and flag == "nr":
            score += _LAC_PERSON
            reason += "+lac_per"
    if word_frequency(word, backend):
        score += _IN_DICTIONARY
        reason += "+in_dictionary"
    return score, reason


def _candidates(tokens: Sequence[Token]) -> Iterator[tuple[int, int, str]]:
    """``(first token, last token, pattern)`` of every word that may be a name.

    jieba's ``nr`` words, and a compound surname jieba split off (欧阳 + 娜娜).
    """
    compound = surnames().compound
    for index, token in enumerate(tokens):
        if token.flag in _NAME_FLAGS:
            yield index, index, f"jieba_{token.flag}"
        elif token.word in compound and index + 1 < len(tokens):
            given = tokens[index + 1].word
            if 1 <= len(given) <= 2 and _is_han(given):
                yield index, index + 1, "compound_surname"


def detect(tokens: Sequence[Token], min_score: float, backend: str = "jieba") -> list[Finding]:
    """PERSON findings among ``tokens`` (offsets are the tokens' offsets) of ``backend``."""
    findings: list[Finding] = []
    for first, last, pattern in _candidates(tokens):
        word = "".join(token.word for token in tokens[first : last + 1])
        if not 2 <= len(word) <= 4 or not _is_han(word):
            continue
        flag = tokens[first].flag if first == last else "nr"
        base, reason = _base(word, flag, backend)
        if base <= 0.0:
            continue
        adjust = 0.0
        hits: tuple[ContextHit, ...] = ()
        before_adjust, before_hits = _context_before(tokens, first)
        after_adjust, after_hits = _context_after(tokens, last)
        if before_adjust > 0:
            adjust, hits = before_adjust, before_hits
        elif after_adjust:
            adjust, hits = after_adjust, after_hits
        score = round(min(1.0, max(0.0, base + adjust)), 4)
        if score < min_score:
            continue
        explanation = Explanation(
            recognizer=RECOGNIZER_ID,
            pattern=pattern,
            validator=None,
            verdict="unknown",
            reason=reason,
            base_score=round(base, 4),
            context=hits,
            score=score,
        )
        start, end = tokens[first].start, tokens[last].end
        findings.append(Finding(ENTITY, start, end, score, explanation))
    return findings


def mask_person(value: str, char: str = "*") -> str:
    """Display mask: keep the surname, hide the given name (``张三`` → ``张*``).

    A name without a known surname keeps its first character only, and only a Han one.

    >>> mask_person("欧阳娜娜")
    '欧阳**'
    >>> mask_person("王小明")
    '王**'
    """
    found = surnames().of(value)
    first_is_han = bool(value) and _is_han(value[0])
    keep = len(found[0]) if found is not None else int(first_is_han)
    if len(value) <= keep:
        return char * len(value)
    return value[:keep] + char * (len(value) - keep)
