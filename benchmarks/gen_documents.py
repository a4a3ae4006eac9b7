"""Corpus set "documents": passports, travel permits, 统一社会信用代码 and license plates with
their look-alikes (``python benchmarks/quality.py --set documents``).

Positives are fresh values in the written forms support tickets and logs use: under a key
(JSON, key=value) or after a Chinese label, and plates and codes also bare in a sentence.
Look-alikes are what the same logs hold in the same shapes: SKUs, error and build codes like
E12345678 without a passport word, order numbers like C20231012, dates and amounts after the
word 台胞证 was used for something else, 18-character order ids, wrong check characters,
plate-like words (I/O letters, three letters, glued into a longer token, no province).
Resident IDs (an 18-digit neighbour of the credit code) are labelled as CN_RESIDENT_ID.

Records have the shape of corpus.py's (id, kind, text, spans, negatives); every value is
synthetic (codes carry a computed check character).
"""

from __future__ import annotations

import datetime as _dt
import importlib.util
import random
import sys
from collections.abc import Iterator
from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _corpus():
    spec = importlib.util.spec_from_file_location("pimask_bench_corpus", _HERE / "corpus.py")
    assert spec is not None and spec.loader is not None
    if spec.name in sys.modules:
        return sys.modules[spec.name]
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


_C = _corpus()
Line, Clock = _C.Line, _C.Clock

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_TYPES = ("11", "12", "13", "19", "31", "51", "52", "53", "91", "91", "91", "92", "92", "93",
              "N1", "N2", "Y1")  # fmt: skip
PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼"
PLATE_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"
REGIONS = ("110105", "310115", "440300", "330106", "510100", "350100", "120000", "100000")


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _not_date8(rng: random.Random) -> str:
    while True:
        value = _digits(rng, 8)
        if value[:2] not in ("19", "20"):
            return value


# --- values -------------------------------------------------------------------------------


def passport(rng: random.Random) -> tuple[str, str]:
    roll = rng.random()
    if roll < 0.55:
        return "E" + _digits(rng, 8), "e8"
    if roll < 0.75:
        return "E" + rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") + _digits(rng, 7), "e_letter7"
    if roll < 0.9:
        return "G" + _digits(rng, 8), "g8"
    return rng.choice(("D", "S", "P", "DE", "SE", "PE")) + _digits(rng, 7), "official7"


def permit(rng: random.Random) -> tuple[str, str, str]:
    """(value, form, kind): kind picks the label (eep, hrp, mtp)."""
    roll = rng.random()
    if roll < 0.3:
        return "C" + _digits(rng, 8), "c8", "eep"
    if roll < 0.4:
        return "C" + rng.choice("ABCDEFGHJKLMNPQRTUWXY") + _digits(rng, 7), "c_letter7", "eep"
    if roll < 0.5:
        return "W" + _digits(rng, 8), "w8", "eep"
    if roll < 0.75:
        return rng.choice("HM") + _digits(rng, rng.choice((8, 10))), "hm", "hrp"
    return _not_date8(rng), "mtp8", "mtp"


def _org_code(rng: random.Random) -> str:
    """A GB 11714 organisation code (8 characters + check), or a newer MA… body."""
    if rng.random() < 0.35:
        return "MA" + "".join(rng.choice(USCC_ALPHABET) for _ in range(7))
    body = "".join(rng.choice("0123456789" if rng.random() < 0.8 else "ABCDEFGHJKLMNPQRTUWXY")
                   for _ in range(8))  # fmt: skip
    weights = (3, 7, 9, 10, 5, 8, 4, 2)
    remainder = 11 - sum(int(ch, 36) * w for ch, w in zip(body, weights, strict=True)) % 11
    check = "X" if remainder == 10 else "0" if remainder == 11 else str(remainder)
    return body + check


def _uscc_check(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(ch) * pow(3, i, 31) for i, ch in enumerate(first17))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc(rng: random.Random) -> str:
    while True:
        first17 = rng.choice(USCC_TYPES) + rng.choice(REGIONS) + _org_code(rng)
        if all(ch in USCC_ALPHABET for ch in first17):
            return first17 + _uscc_check(first17)


def _serial(rng: random.Random) -> str:
    letters = rng.choice((0, 0, 0, 1, 1, 2))
    chars = [rng.choice("0123456789") for _ in range(5)]
    for index in rng.sample(range(5), letters):
        chars[index] = rng.choice(PLATE_LETTERS)
    return "".join(chars)


def plate(rng: random.Random) -> tuple[str, str]:
    head = rng.choice(PROVINCES) + rng.choice(PLATE_LETTERS)
    roll = rng.random()
    if roll < 0.45:
        return head + _serial(rng), "regular"
    if roll < 0.55:
        return head + rng.choice(("·", " ", "-")) + _serial(rng), "separated"
    if roll < 0.75:
        if rng.random() < 0.7:
            tail = rng.choice("DF") + rng.choice(PLATE_LETTERS + "0123456789") + _digits(rng, 4)
        else:
            tail = _digits(rng, 5) + rng.choice("DF")
        return head + tail, "new_energy"
    if roll < 0.95:
        suffix = rng.choice("学挂警领")
        return head + _digits(rng, 4) + suffix, "special"
    return "粤Z" + _digits(rng, 4) + rng.choice("港澳"), "cross_border"


def resident_id(rng: random.Random) -> str:
    birth = _dt.date(1950, 1, 1) + _dt.timedelta(days=rng.randint(0, 20000))
    first17 = rng.choice(("110105", "440305", "320102", "510107")) + f"{birth:%Y%m%d}"
    first17 += _digits(rng, 3)
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(c) * w for c, w in zip(first17, weights, strict=True))
    return first17 + "10X98765432"[total % 11]


# --- keys ---------------------------------------------------------------------------------

_KEYS = {
    "CN_PASSPORT": {"json": ("passportNo", "passport_no", "passport"),
                    "kv": ("passport", "passport_no", "passportNumber"),
                    "zh": ("护照号：", "护照号码 ", "护照", "因私护照：")},
    "eep": {"json": ("eepNo", "permit_no", "hkMacauPermit"), "kv": ("permit", "eep_no"),
            "zh": ("港澳通行证：", "往来港澳通行证号码 ", "通行证号")},
    "hrp": {"json": ("homeReturnPermit", "permit_no"), "kv": ("home_return_permit", "hrp"),
            "zh": ("回乡证：", "回乡证号 ", "港澳居民来往内地通行证 ")},
    "mtp": {"json": ("mtpNo", "mtp_no"), "kv": ("mtp", "mtp_no"),
            "zh": ("台胞证：", "台胞证号码 ", "台胞证 ")},
    "CN_USCC": {"json": ("creditCode", "uscc", "taxId"), "kv": ("uscc", "credit_code", "tax_no"),
                "zh": ("统一社会信用代码：", "税号 ", "纳税人识别号：", "信用代码")},
    "CN_LICENSE_PLATE": {"json": ("plateNo", "plate_number", "carNo"), "kv": ("plate", "plate_no"),
                         "zh": ("车牌号：", "车牌 ", "车辆", "号牌号码：")},
}  # fmt: skip


def _put(line: Line, style: str, key: str | None, value: str, label: str, form: str,
         negative: bool = False) -> None:  # fmt: skip
    write = line.neg if negative else (lambda text, kind: line.pii(text, label, kind))
    if key is None:
        line.add(rng_word(line, style))
        write(value, form)
        if style == "json":
            line.add('"')
        return
    if style == "json":
        line.add(f'"{key}":"')
        write(value, form)
        line.add('"')
    elif style == "kv":
        line.add(f"{key}=")
        write(value, form)
    else:
        line.add(key)
        write(value, form)


def rng_word(line: Line, style: str) -> str:
    if style == "json":
        return '"note":"'
    return ("ref ", "记录 ", "备注：", "item ")[len(line.parts) % 4]


def add_positive(rng: random.Random, line: Line, entity: str, style: str) -> None:
    if entity == "CN_PASSPORT":
        value, form = passport(rng)
        _put(line, style, rng.choice(_KEYS[entity][style]), value, entity, form)
    elif entity == "CN_TRAVEL_PERMIT":
        value, form, kind = permit(rng)
        _put(line, style, rng.choice(_KEYS[kind][style]), value, entity, form)
    elif entity == "CN_USCC":
        value = uscc(rng)
        org_ok = value[8:10] != "MA"
        if org_ok and not value.isdigit() and rng.random() < 0.3:
            _put(line, style, None, value, entity, "bare")  # found without a word
        else:
            _put(line, style, rng.choice(_KEYS[entity][style]), value, entity, "keyed")
    elif entity == "CN_LICENSE_PLATE":
        value, form = plate(rng)
        if rng.random() < 0.35 and style == "zh":
            line.add(rng.choice(("车主驾驶", "停车场入口", "违章车辆 ", "用户反馈")))
            line.pii(value, entity, form + "_bare")
            line.add(rng.choice(("驶入", "，", " 未缴费", "。")))
        else:
            _put(line, style, rng.choice(_KEYS[entity][style]), value, entity, form)
    elif entity == "CN_RESIDENT_ID":
        key = {"json": "idCard", "kv": "id_card", "zh": "身份证号："}[style]
        _put(line, style, key, resident_id(rng), entity, "id18")
    else:
        raise ValueError(entity)


NEGATIVE_KINDS = (
    "sku_e8", "error_code", "build_id", "order_c8", "order_h10", "date_after_word",
    "amount_after_word", "uscc_wrong_check", "order_18", "snowflake", "hash40", "version",
    "plate_io", "plate_three_letters", "plate_glued", "plate_too_long", "plate_no_province",
    "embassy_prose", "bare_e8", "bare_c8",
)  # fmt: skip


def add_negative(rng: random.Random, line: Line, kind: str, style: str) -> None:
    """A look-alike under its own key, or bare."""
    key: str | None
    if kind == "sku_e8":
        key, value = rng.choice(("sku", "商品编码", "item_code")), "E" + _digits(rng, 8)
    elif kind == "error_code":
        key, value = rng.choice(("error", "errcode", "错误码")), rng.choice("EGW") + _digits(rng, 8)
    elif kind == "build_id":
        key, value = rng.choice(("build", "version")), rng.choice("EG") + _digits(rng, 8)
    elif kind == "order_c8":
        key, value = (
            rng.choice(("order_id", "订单号", "trade_no")),
            rng.choice("CW") + _digits(rng, 8),
        )
    elif kind == "order_h10":
        key, value = (
            rng.choice(("order_id", "运单号", "batch")),
            rng.choice("HM") + _digits(rng, 10),
        )
    elif kind == "date_after_word":
        line.add("台胞证已上传，" if style == "zh" else "mtp uploaded ")
        key = rng.choice(("日期", "date", "审核于 "))
        value = f"20{rng.randint(10, 25)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
    elif kind == "amount_after_word":
        line.add("护照、台胞证核验费 " if style == "zh" else "passport fee ")
        key, value = rng.choice(("金额", "amount")), _digits(rng, 8)
    elif kind == "uscc_wrong_check":
        good = uscc(rng)
        other = rng.choice([ch for ch in USCC_ALPHABET if ch != good[-1]])
        key, value = rng.choice(_KEYS["CN_USCC"][style]), good[:-1] + other
    elif kind == "order_18":
        key, value = (
            rng.choice(("order_id", "订单号", "trade_no")),
            rng.choice(("91", "92", "12")) + _digits(rng, 16),
        )
    elif kind == "snowflake":
        key, value = rng.choice(("msg_id", "id", None)), "1" + _digits(rng, 17)
    elif kind == "hash40":
        key, value = (
            rng.choice(("commit", "sha1")),
            "".join(rng.choice("0123456789ABCDEF") for _ in range(40)),
        )
    elif kind == "version":
        key, value = "version", f"E{rng.randint(1, 9)}.{rng.randint(0, 99)}.{_digits(rng, 5)}"
    elif kind == "plate_io":
        key = rng.choice(("型号", "model", None))
        value = rng.choice(PROVINCES) + rng.choice("IO") + _digits(rng, 5)
    elif kind == "plate_three_letters":
        key = rng.choice(("型号", "sku", None))
        value = (
            rng.choice(PROVINCES)
            + "".join(rng.choice(PLATE_LETTERS) for _ in range(4))
            + _digits(rng, 2)
        )
    elif kind == "plate_glued":
        key = rng.choice(("model", "编号", None))
        value = (
            rng.choice("XZK9") + rng.choice(PROVINCES) + rng.choice(PLATE_LETTERS) + _digits(rng, 5)
        )
    elif kind == "plate_too_long":
        key = rng.choice(("编号", "code", None))
        value = (
            rng.choice(PROVINCES) + rng.choice(PLATE_LETTERS) + _digits(rng, rng.choice((6, 7, 9)))
        )
    elif kind == "plate_no_province":
        key = rng.choice(("型号", "model", None))
        value = rng.choice("中华国大小东西南北") + rng.choice(PLATE_LETTERS) + _digits(rng, 5)
    elif kind == "embassy_prose":
        key = None
        value = "即使" + _digits(rng, 6)
    elif kind == "bare_e8":
        key, value = None, rng.choice("EG") + _digits(rng, 8)
    elif kind == "bare_c8":
        key, value = None, rng.choice("CWHM") + _digits(rng, 8)
    else:
        raise ValueError(kind)
    _put(line, style, key, value, "", kind, negative=True)


ENTITIES = ("CN_PASSPORT", "CN_TRAVEL_PERMIT", "CN_USCC", "CN_LICENSE_PLATE")
_MSGS = ("kyc submitted", "order created", "visa check", "invoice issued", "gate event",
         "booking confirmed", "refund review")  # fmt: skip
_ZH = ("客服备注：", "工单#{n} ", "用户反馈：", "审核记录：", "开票信息：")


def generate(lines: int, seed: int) -> Iterator[dict[str, object]]:
    """``lines`` labelled records (corpus.py's shape) of the four entities and look-alikes."""
    rng = random.Random(seed)
    clock = Clock(rng)
    pool = (*ENTITIES, *ENTITIES, "CN_RESIDENT_ID")
    for index in range(lines):
        style = rng.choice(("json", "kv", "zh"))
        pii: tuple[str, ...] = ()
        if rng.random() < 0.7:
            pii = tuple(rng.choice(pool) for _ in range(rng.randint(1, 2)))
        negatives: tuple[str, ...] = ()
        if rng.random() < 0.7:
            negatives = tuple(rng.choice(NEGATIVE_KINDS) for _ in range(rng.randint(1, 2)))
        items = [("pii", e) for e in pii] + [("neg", k) for k in negatives]
        rng.shuffle(items)
        line = Line(style)
        if style == "json":
            line.add(f'{{"ts":"{clock.iso()}","msg":"{rng.choice(_MSGS)}"')
        elif style == "kv":
            line.add(f'time={clock.iso()} level=info msg="{rng.choice(_MSGS)}"')
        else:
            line.add(
                f"{clock.app()} " + rng.choice(_ZH).replace("{n}", str(rng.randint(1000, 99999)))
            )
        for what, item in items:
            line.add("," if style == "json" else (" " if style == "kv" else "，"))
            if what == "pii":
                add_positive(rng, line, item, style)
            else:
                add_negative(rng, line, item, style)
        if style == "json":
            line.add("}")
        yield {
            "id": index,
            "kind": style,
            "text": line.text(),
            "spans": line.spans,
            "negatives": line.negatives,
        }
