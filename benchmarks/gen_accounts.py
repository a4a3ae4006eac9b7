"""Labeled corpus of contact accounts (issue 19 part D): landlines, service numbers, QQ
numbers and WeChat ids, with the look-alikes they meet in real logs.

``python benchmarks/quality.py --set accounts`` loads this module and calls
:func:`generate`. Positives come with the keys and words that label them in tickets, JSON
and key=value logs (座机, 客服热线, QQ号, 微信 …); look-alikes come with theirs or with none:
order ids, epoch timestamps, ports, prices, version strings, durations, user handles and
QQ-group numbers without an account key, HTTP status + size, 0-led ids, and fake area
codes. A mobile after 微信 is a labeled CN_MOBILE (the shape decides, docs/entities.md).

Separate random stream from ``corpus.py``, so the figures measured there never move.
Every value is synthetic: area codes come from :data:`pimask.reference.CN_AREA_CODES`.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator

from corpus import Line, _digits, epoch_ms, mobile, order_id, price, version4
from pimask import reference

ENTITIES = ("CN_LANDLINE", "CN_SERVICE_NUMBER", "QQ_NUMBER", "WECHAT_ID")
_THREE = sorted(code for code in reference.CN_AREA_CODES if len(code) == 3)
_FOUR = sorted(code for code in reference.CN_AREA_CODES if len(code) == 4)
_FAKE_AREAS = ("0123", "0260", "0600", "0333", "0489", "0699")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_NAMES = ("zhang", "wang", "li", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu",
          "sun", "ma", "zhu", "hu", "guo", "he", "lin", "luo", "gao")  # fmt: skip


def landline(rng: random.Random) -> tuple[str, str]:
    """A landline in one of the written forms, and the form's name."""
    area = rng.choice(_THREE) if rng.random() < 0.4 else rng.choice(_FOUR)
    size = 8 if len(area) == 3 else rng.choice((7, 8))
    local = str(rng.randint(2, 8)) + _digits(rng, size - 1)
    form = rng.choice(("hyphen", "paren", "space_groups", "plus86", "plus86_hyphen", "ext"))
    if form == "hyphen":
        value = f"{area}-{local}"
    elif form == "paren":
        value = f"({area}){local}" if rng.random() < 0.5 else f"（{area}）{local}"
    elif form == "space_groups":
        value = f"{area} {local[:4]} {local[4:]}"
    elif form == "plus86":
        value = f"+86 {area[1:]} {local}"
    elif form == "plus86_hyphen":
        value = f"+86-{area[1:]}-{local}"
    else:
        mark = rng.choice(("-", "转", " 转 ", " ext. ", " x", "#"))
        value = f"{area}-{local}{mark}{rng.randint(1, 9999)}"
    return value, form


def service_number(rng: random.Random) -> tuple[str, str]:
    form = rng.choice(("400_334", "400_433", "400_343", "800", "short95", "carrier"))
    head = "800" if form == "800" else "400"
    if form in ("400_334", "800"):
        return f"{head}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}", form
    if form == "400_433":
        return f"{head}{rng.randint(1, 9)}-{rng.randint(100, 999)}-{rng.randint(100, 999)}", form
    if form == "400_343":
        return f"{head} {rng.randint(1000, 9999)} {rng.randint(100, 999)}", form
    if form == "short95":
        return rng.choice(("95", "96")) + _digits(rng, rng.choice((3, 4))), form
    return rng.choice(("10086", "10010", "10000", "12306", "12315", "12345")), form


def qq(rng: random.Random) -> str:
    return str(rng.randint(1, 9)) + _digits(rng, rng.randint(4, 10))


def handle(rng: random.Random, wxid: bool = True) -> str:
    """A WeChat-id-shaped handle: a pinyin name with digits, _ or - (6-20 characters), or
    (``wxid``) one of WeChat's internal wxid_ ids."""
    if wxid and rng.random() < 0.2:
        return "wxid_" + "".join(rng.choice(_LETTERS + "0123456789") for _ in range(14))
    name = rng.choice(_NAMES) + rng.choice(("", "_", "-")) + rng.choice(_NAMES)
    tails = (str(rng.randint(1, 9999)), str(rng.randint(1970, 2005)), "_" + _digits(rng, 2))
    return (name + rng.choice(tails))[:20]


def wechat(rng: random.Random) -> tuple[str, str]:
    """A WeChat id and its form; one in ten is letters only (``zhangsanfeng``), which only a
    key naming the id (微信号, wechat_id) reports: measured, not avoided."""
    if rng.random() < 0.1:
        return (rng.choice(_NAMES) + rng.choice(_NAMES) + rng.choice(_NAMES))[:20], "letters"
    return handle(rng), "handle"


# positives: (entity, key/label phrases per style)
_KEYS: dict[str, dict[str, tuple[str, ...]]] = {
    "CN_LANDLINE": {
        "zh": ("座机：", "办公电话 ", "联系电话：", "固话", "传真："),
        "kv": ("tel", "landline", "office_phone", "fax"),
    },
    "CN_SERVICE_NUMBER": {
        "zh": ("客服热线：", "请致电", "拨打", "客服电话 ", "服务热线"),
        "kv": ("hotline", "service_tel", "customer_service"),
    },
    "QQ_NUMBER": {
        "zh": ("QQ号：", "QQ ", "扣扣", "qq号码："),
        "kv": ("qq", "qq_number", "QQ"),
    },
    "WECHAT_ID": {
        "zh": ("微信：", "微信号 ", "加微信", "V信："),
        "kv": ("wechat", "weixin", "wx", "wechat_id"),
    },
}
_MAKERS: dict[str, Callable[[random.Random], tuple[str, str]]] = {
    "CN_LANDLINE": landline,
    "CN_SERVICE_NUMBER": service_number,
    "QQ_NUMBER": lambda rng: (qq(rng), "digits"),
    "WECHAT_ID": lambda rng: wechat(rng),
}

_NEG_KINDS = (
    "order_id", "epoch_ms", "port", "price", "version", "duration", "bare_handle",
    "qq_group", "http_size", "zero_id", "fake_area", "bare_400", "user_id", "wechat_word",
)  # fmt: skip


def _negative(rng: random.Random, kind: str) -> tuple[str, str]:
    """(key text before the value, the look-alike value)."""
    if kind == "order_id":
        return rng.choice(("订单号：", "order_id=", "trade_no=")), order_id(rng)
    if kind == "epoch_ms":
        return rng.choice(("ts=", "timestamp=", "时间戳 ")), epoch_ms(rng)
    if kind == "port":
        return rng.choice(("port=", "端口 ", "listen :")), str(rng.randint(10000, 65535))
    if kind == "price":
        return rng.choice(("price=", "金额：", "amount=")), price(rng)
    if kind == "version":
        return rng.choice(("version=", "版本 ", "build ")), version4(rng)
    if kind == "duration":
        return rng.choice(("cost ", "耗时", "elapsed=")), f"{rng.randint(10000, 999999)}ms"
    if kind == "bare_handle":
        return rng.choice(("user=", "by ", "author ", "昵称：")), handle(rng, wxid=False)
    if kind == "qq_group":
        return rng.choice(("QQ群 ", "qq群号：", "加入QQ群")), qq(rng)
    if kind == "http_size":
        return '"GET /api HTTP/1.1" 400 ', str(rng.randint(1_000_000, 9_999_999))
    if kind == "zero_id":
        return rng.choice(("id=", "seq ", "编号")), "0" + str(rng.randint(1, 9)) + _digits(rng, 10)
    if kind == "fake_area":
        fake = f"{rng.choice(_FAKE_AREAS)}-{rng.randint(2, 8)}{_digits(rng, 6)}"
        return rng.choice(("code ", "ref=")), fake
    if kind == "bare_400":
        return rng.choice(("count=", "rows ", "req=")), "400" + _digits(rng, 7)
    if kind == "user_id":
        return rng.choice(("uid=", "user_id=", "用户ID ")), str(rng.randint(10000, 99999999))
    if kind == "wechat_word":
        return rng.choice(("微信支付 ", "微信登录 ", "wechat: ")), rng.choice(
            ("success", "enabled", "payment_ok", "callback")
        )
    raise ValueError(kind)


def _put_pii(rng: random.Random, line: Line, entity: str, style: str) -> None:
    value, form = _MAKERS[entity](rng)
    if entity == "WECHAT_ID" and style == "zh":
        key = rng.choice(_KEYS[entity]["zh"])
        if key == "加微信" and not any(ch in value for ch in "0123456789_-"):
            key = "微信："
    else:
        key = rng.choice(_KEYS[entity][style if style == "zh" else "kv"])
    if style == "zh":
        line.add(key)
        line.pii(value, entity, form)
        line.add(rng.choice(("，", "。", " ", "；")))
    elif style == "json":
        line.add(f'"{key}":"')
        line.pii(value, entity, form)
        line.add('",')
    else:
        line.add(f"{key}=")
        line.pii(value, entity, form)
        line.add(" ")


def _put_negative(rng: random.Random, line: Line, kind: str) -> None:
    key, value = _negative(rng, kind)
    line.add(key)
    line.neg(value, kind)
    line.add(rng.choice((" ", "，", " ")))


def generate(lines: int, seed: int = 0) -> Iterator[dict[str, object]]:
    """Labeled records ``{"id", "kind", "text", "spans", "negatives"}`` (corpus.py's shape)."""
    rng = random.Random(seed)
    for index in range(lines):
        style = rng.choice(("zh", "zh", "kv", "json"))
        line = Line(style)
        day, hour, minute = rng.randint(1, 28), rng.randint(0, 23), rng.randint(0, 59)
        line.add(f"2024-03-{day:02d} {hour:02d}:{minute:02d}:00 ")
        line.add("{" if style == "json" else rng.choice(("工单 ", "INFO ", "客户资料 ", "")))
        if rng.random() < 0.7:
            for _ in range(1 if rng.random() < 0.7 else 2):
                _put_pii(rng, line, rng.choice(ENTITIES), style)
        if rng.random() < 0.1:  # a mobile after 微信 is a CN_MOBILE: the shape decides
            line.add("微信：")
            line.pii(mobile(rng), "CN_MOBILE", "after_wechat")
            line.add("，")
        if rng.random() < 0.7:
            for _ in range(rng.randint(1, 2)):
                _put_negative(rng, line, rng.choice(_NEG_KINDS))
        line.add('"end":1}' if style == "json" else "done")
        yield {
            "id": index,
            "kind": style,
            "text": line.text(),
            "spans": line.spans,
            "negatives": line.negatives,
        }
