"""Chinese postal addresses (entity ``ADDRESS``, recognizer id ``zh_address``).

An address is a run of jieba words that follows the structure of a Chinese address,
coarse to fine: administrative areas (省 / 市 / 区 / 县 / 旗 / 镇 / 乡 / 街道 / 村, or any word
jieba tags ``ns``), a road (路 / 街 / 大道 / 巷 / 弄 / 胡同), a building or estate (小区 / 大厦 /
花园 …), then numbers with units (号 / 栋 / 幢 / 座 / 单元 / 层 / 楼 / 室).

What is personal is the fine part: ``北京市海淀区`` alone names a district millions live in
and scores below the default threshold (unless an ``地址：`` key or ``家住`` says it is
someone's address), while a road with a house number, or any 栋 / 单元 / 室, locates a
household and is reported. A lone place name (``台湾``) is never a candidate.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pimask.findings import ContextHit, Explanation, Finding
from pimask.ner.tokenizer import Token

RECOGNIZER_ID = "zh_address"
ENTITY = "ADDRESS"

_ADMIN_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "开发区",
    "新区",
    "街道",
    "社区",
    "省",
    "市",
    "区",
    "县",
    "旗",
    "盟",
    "镇",
    "乡",
    "村",
)
# Words ending like an area that are not one: 阳光小区 (an estate), 农贸市场 (a market).
_NOT_ADMIN = ("小区", "园区", "校区", "景区", "厂区", "矿区", "市场", "城市")
# Generic nouns that end in an area suffix but name no place (南山区 and 东城区 are places).
_GENERIC_AREAS = frozenset({"地区", "山区", "城区", "市区", "郊区", "社区", "街道", "农村", "乡村"})
# Everyday words ending like a road: 线路 (a route), 思路 (an idea), 报道 (a report).
_NOT_ROADS = frozenset(
    {"线路", "道路", "马路", "公路", "铁路", "水路", "陆路", "网路", "电路", "思路", "出路", "套路"}
    | {"一路", "走路", "上路", "半路", "退路", "来路", "去路", "小路", "大路", "山路", "街道"}
)
_ROAD_SUFFIXES = ("大街", "大道", "胡同", "路", "街", "巷", "弄", "道")
_BUILDING_SUFFIXES = (
    "小区",
    "大厦",
    "花园",
    "公寓",
    "广场",
    "大楼",
    "家园",
    "新村",
    "公馆",
    "宿舍",
    "苑",
    "府",
    "园",
    "里",
)
# Suffixes that make a whole word a building (阳光花园); single 苑/园/里 only as a split suffix.
_BUILDING_WORD_SUFFIXES = tuple(suffix for suffix in _BUILDING_SUFFIXES if len(suffix) > 1)
# Units after a number: the fine part that locates one household.
_HOUSE_UNITS = frozenset({"号", "号院", "弄"})
_BUILDING_UNITS = frozenset({"栋", "幢", "座", "号楼", "单元", "层", "楼", "室", "房", "户", "门"})
# A house or room number: digits (with letters: 12A, B2), one letter, or Chinese numerals.
_NUMBER = re.compile(r"^(?:[0-9][0-9A-Za-z\-]*|[A-Za-z][0-9\-]*|[零〇一二三四五六七八九十百]+|#)$")
# Dates and times end an address: 4月21号 is a day, not a house number.
_TIME_WORDS = frozenset({"年", "月", "日", "时", "点", "分", "秒", "时间", "日期", "号码"})
_NUMBER_WITH_UNIT = re.compile(
    r"^[0-9A-Za-z零〇一二三四五六七八九十百\-]+(号院|号楼|号|栋|幢|座|塔|单元|层|楼|室|弄)$"
)
_CONNECTORS = frozenset({"-", "之"})

CONTEXT_WORDS = (
    "收货地址",
    "家庭住址",
    "家庭地址",
    "通讯地址",
    "联系地址",
    "配送地址",
    "详细地址",
    "户籍地址",
    "居住地址",
    "地址",
    "住址",
    "家住",
    "住在",
    "现住",
    "寄到",
    "寄往",
    "送到",
    "送至",
    "address",
    "addr",
)
_CONTEXT = re.compile("|".join(re.escape(word) for word in CONTEXT_WORDS), re.IGNORECASE)
_CONTEXT_WINDOW = 8

# Scores by the finest level the run reaches (see module docstring).
_SCORE_ADMIN_ONLY = 0.3
_SCORE_ROAD = 0.45
# A road that LAC itself tags a place (LOC): its tagger reads the sentence, so 文汇路 / 长安街
# tagged LOC is a street, not a word that happens to end in 路 (jieba's dictionary tags are
# per word and noisy, so this applies to the LAC backend only). Just at the default
# threshold: a street without a number is reported, min_score 0.55 drops it.
_SCORE_PLACE_ROAD = 0.5
_SCORE_HOUSE = 0.7
_SCORE_BUILDING_UNIT = 0.8
_BONUS_ADMIN_PREFIX = 0.1
_BOOST = 0.35


def _is_admin(token: Token) -> bool:
    word = token.word
    if len(word) < 2 or not _is_han(word):
        return False
    if word.endswith(_NOT_ADMIN) or word in _GENERIC_AREAS:
        return False
    return token.flag == "ns" or word.endswith(_ADMIN_SUFFIXES)


# Compounds ending in one of these are not roads either: 旅游线路, 设计思路.
_NOT_ROAD_ENDINGS = ("线路", "思路", "电路", "出路", "套路", "网路")


def _is_road(word: str) -> bool:
    if len(word) < 2 or not _is_han(word) or word in _NOT_ROADS:
        return False
    if word.endswith(_NOT_ROAD_ENDINGS):
        return False
    if word.endswith("道") and len(word) < 3:  # 知道, 报道, 频道 are not roads
        return False
    return word.endswith(_ROAD_SUFFIXES)


def _tagged_road(token: Token) -> bool:
    """A road word tagged a place; not 北海道 / 云道 (a 道 that is no 大道 names regions too)."""
    word = token.word
    return token.flag == "ns" and (not word.endswith("道") or word.endswith("大道"))


def _is_han(word: str) -> bool:
    return all("\u4e00" <= ch <= "\u9fff" for ch in word)


@dataclass(slots=True)
class _Run:
    start: int
    end: int
    first: int  # token index
    last: int
    admin: bool = False
    road: bool = False
    house: bool = False
    building_unit: bool = False
    pending_number: bool = False
    place_road: bool = False  # a road word the segmenter tagged a place (ns)


# Words that end a run: verbs, prepositions, particles, pronouns, conjunctions, punctuation.
_BREAK_FLAGS = frozenset({"p", "uj", "ul", "uz", "ud", "ug", "uv", "c", "r", "y"})
_VERB_FLAGS = frozenset({"v", "vd", "vn", "vg"})
_LATIN_WORD = re.compile(r"^[A-Za-z]{2,8}$")  # SOHO, CBD: building names in Latin letters


def _kind(tokens: Sequence[Token], index: int) -> str | None:
    """What role ``tokens[index]`` can play inside an address, or None."""
    token = tokens[index]
    word = token.word
    if word in _TIME_WORDS or word.endswith(("月", "年")):
        return None
    if word in _ROAD_SUFFIXES or word in _BUILDING_SUFFIXES:
        return "suffix"
    unit = _NUMBER_WITH_UNIT.match(word)
    if unit is not None:
        return "house" if unit.group(1) in _HOUSE_UNITS else "building_unit"
    if word in _HOUSE_UNITS:
        return "house_unit"
    if word in _BUILDING_UNITS:
        return "building_unit_word"
    if _NUMBER.match(word) or word in _CONNECTORS:
        return "number"
    if _is_road(word):
        return "road"
    if _is_admin(token):
        return "admin"
    if word.endswith(_BUILDING_WORD_SUFFIXES) and _is_han(word) and len(word) >= 3:
        return "building"
    if token.flag in _VERB_FLAGS and len(word) < 2:
        return None  # 住, 到, 送: a one-character verb is never part of a name
    if token.flag not in _BREAK_FLAGS and _is_han(word) and len(word) <= 4:
        # 碧波 (路), 华星 (时代广场), 体育 (西路, tagged a verb): part of an address only
        # inside a run and only when more structure follows (see _structure_ahead).
        return "name"
    if _LATIN_WORD.match(word):
        return "name"
    return None


_STRUCTURE = frozenset({"admin", "road", "building", "suffix"})
_UNITS = frozenset({"house", "house_unit", "building_unit", "building_unit_word"})


def _scan_runs(tokens: Sequence[Token]) -> list[_Run]:
    """Maximal runs of address words that start with an area, a road or a named road."""
    runs: list[_Run] = []
    run: _Run | None = None
    kinds = [_kind(tokens, index) for index in range(len(tokens))]
    for index, (token, kind) in enumerate(zip(tokens, kinds, strict=True)):
        if run is None:
            starts_named = (
                kind == "name" and index + 1 < len(tokens) and kinds[index + 1] == "suffix"
            )
            if kind in ("admin", "road") or starts_named:
                run = _Run(token.start, token.end, index, index)
                run.admin = kind == "admin"
                run.road = kind == "road"
                run.place_road = run.road and _tagged_road(token)
            continue
        verb = token.flag in _VERB_FLAGS
        if kind is None or (kind == "name" and not _structure_ahead(kinds, index, verb)):
            runs.append(run)
            run = None
            continue
        if kind in _STRUCTURE:
            run.admin = run.admin or kind == "admin"
            run.road = run.road or kind == "road" or tokens[index].word in _ROAD_SUFFIXES
            run.place_road = run.place_road or (kind == "road" and _tagged_road(token))
        elif kind == "number":
            run.pending_number = True
        elif kind in ("house", "house_unit"):
            run.house = run.house or kind == "house" or run.pending_number
            run.pending_number = False
        elif kind in ("building_unit", "building_unit_word"):
            run.building_unit = run.building_unit or kind == "building_unit" or run.pending_number
            run.pending_number = False
        run.end, run.last = token.end, index
    if run is not None:
        runs.append(run)
    return [_trim(tokens, kinds, r) for r in runs]


def _structure_ahead(kinds: Sequence[str | None], index: int, verb: bool = False) -> bool:
    """A name inside a run must be followed, within three words, by address structure.

    jieba's dictionary tags are noisy (办理 is tagged a noun, 加密 a place name), so nouns
    alone never extend an address: ``南京路某号办理磁条加密`` stops at the road. A word
    tagged as a verb needs a road, area or building next (体育 + 西路), not just a number
    (``规划局公布55号`` is a document number).
    """
    for kind in kinds[index + 1 : index + 4]:
        if kind != "name":
            return kind in _STRUCTURE if verb else kind is not None
    return False


def _trim(tokens: Sequence[Token], kinds: Sequence[str | None], run: _Run) -> _Run:
    """Drop trailing words that no structure follows (``…路 华星``, ``…区 3``).

    A bare number right after a unit stays: ``A座1001`` is a room number.
    """
    while run.last > run.first:
        kind = kinds[run.last]
        if kind == "name" or (kind == "number" and kinds[run.last - 1] not in _UNITS):
            run.last -= 1
            run.end = tokens[run.last].end
            continue
        break
    return run


def _score(run: _Run, trust_places: bool = False) -> tuple[float, str]:
    if run.building_unit:
        score, reason = _SCORE_BUILDING_UNIT, "building_unit"
    elif run.house:
        score, reason = _SCORE_HOUSE, "road_and_number" if run.road else "house_number"
    elif run.road:
        score, reason = _SCORE_ROAD, "road"
        if trust_places and run.place_road:
            score, reason = _SCORE_PLACE_ROAD, "tagged_road"
    else:
        score, reason = _SCORE_ADMIN_ONLY, "admin_area"
    if run.admin and (run.road or run.house or run.building_unit):
        score += _BONUS_ADMIN_PREFIX
        reason = "admin_area+" + reason
    return score, reason


def _context(view: str, start: int) -> tuple[float, tuple[ContextHit, ...]]:
    window = view[max(0, start - _CONTEXT_WINDOW) : start]
    last = None
    for match in _CONTEXT.finditer(window):
        last = match
    if last is None:
        return 0.0, ()
    return _BOOST, (ContextHit(last.group(0).lower(), "positive", "window"),)


def detect(
    view: str, tokens: Sequence[Token], min_score: float, backend: str = "jieba"
) -> list[Finding]:
    """ADDRESS findings among ``tokens`` of ``view`` (segmented by ``backend``)."""
    trust_places = backend == "lac"
    findings: list[Finding] = []
    for run in _scan_runs(tokens):
        single = run.first == run.last
        if single and not (run.road or run.house or run.building_unit):
            continue  # a lone place name (台湾, 北京市) is not an address
        base, reason = _score(run, trust_places)
        adjust, hits = _context(view, run.start)
        score = round(min(1.0, base + adjust), 4)
        if score < min_score:
            continue
        explanation = Explanation(
            recognizer=RECOGNIZER_ID,
            pattern="address_structure",
            validator=None,
            verdict="unknown",
            reason=reason,
            base_score=round(base, 4),
            context=hits,
            score=score,
        )
        findings.append(Finding(ENTITY, run.start, run.end, score, explanation))
    return findings


# Display mask: keep province / city / district, hide the rest.
_PROVINCE = re.compile(r"[\u4e00-\u9fff]{2,7}?(?:特别行政区|自治区|省)")
_CITY = re.compile(r"[\u4e00-\u9fff]{1,7}?(?:自治州|地区|盟|市)")
_DISTRICT = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:新区|区|县|旗|市)")


def _admin_prefix(value: str) -> int:
    """Length of the leading province / city / district part of ``value``."""
    cut = 0
    for pattern in (_PROVINCE, _CITY, _DISTRICT):
        match = pattern.match(value, cut)
        if match is None or match.group(0).endswith(_NOT_ADMIN):
            continue
        cut = match.end()
    return cut


def mask_address(value: str, char: str = "*") -> str:
    """Display mask: keep the area down to the district, hide the street and house.

    >>> mask_address("北京市海淀区中关村大街27号")
    '北京市海淀区********'
    >>> mask_address("碧波路690号")
    '*******'
    """
    cut = _admin_prefix(value)
    if cut >= len(value):
        cut = 0  # an area with nothing finer: hide it all rather than reveal it whole
    hidden = "".join(ch if ch.isspace() else char for ch in value[cut:])
    return value[:cut] + hidden
