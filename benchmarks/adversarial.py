"""Adversarial spellings of personal values (issue 16): what a real ticket, a careless
program or an attacker writes instead of the canonical form.

Each category generates fresh values (checksum-valid unless the category is about invalid
ones) with a fixed seed, puts each in a line, and measures two things:

* precision / recall / F1 of ``Engine.scan`` on the line (a finding counts when its entity,
  start and end equal the label's: the span must cover the whole written value, escape
  bytes and invisible characters included);
* **left readable**: after ``pimask mask`` (display masking; the stream for the encodings
  category), the output is cleaned of escapes, invisible characters and separators; a value
  is left readable when its digits (an e-mail: its local part beyond the one character the
  display mask keeps) still appear contiguous in it. This is the number that matters: a
  missed value whose digits were broken up by a mask of something else does not leak.

    python benchmarks/adversarial.py --per-category 200 --seed 16
    python benchmarks/quality.py --adversarial              # the same table, from quality.py

Values are synthetic; nothing here prints them unless ``--show`` is given.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import re
import subprocess
import sys
import unicodedata
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pimask
from pimask.normalize import DROPPED, fold

_HERE = Path(__file__).resolve().parent


def _corpus():
    """benchmarks/corpus.py (its value generators), imported without a package."""
    name = "pimask_bench_corpus"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, _HERE / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class Label:
    """One value in a case: its span in the text and what must not stay readable."""

    entity: str
    start: int
    end: int
    secret: str  # digits (ID: with its X), or an e-mail's local part beyond its first char


@dataclass(frozen=True)
class Case:
    category: str
    text: str
    labels: tuple[Label, ...]
    encoding: str | None = None  # the encodings category: the bytes pimask mask reads


class _Builder:
    """Builds a line piece by piece and records where each value lands."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.labels: list[Label] = []
        self.size = 0

    def text(self, piece: str) -> _Builder:
        self.parts.append(piece)
        self.size += len(piece)
        return self

    def value(self, entity: str, written: str, secret: str) -> _Builder:
        self.labels.append(Label(entity, self.size, self.size + len(written), secret))
        return self.text(written)

    def case(self, category: str, encoding: str | None = None) -> Case:
        return Case(category, "".join(self.parts), tuple(self.labels), encoding)


_INVISIBLE = ("\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u200e", "\u200f")
_SPACES = ("\u2009", "\u202f", "\u00a0", "\u3000")
_DIGIT_ZEROS = (0x660, 0x6F0, 0x966, 0x9E6, 0xE50, 0x1D7CE, 0x1D7EC, 0xFF10)
_MOBILE_KEYS = ("手机号", "电话", "联系电话", "tel=", "mobile: ", "手机：")


def _sprinkle(rng: random.Random, value: str, groups: tuple[int, ...] = ()) -> str:
    """``value`` with invisible characters inside it, anywhere; half the time grouped at
    the ``groups`` positions (where people put a space) by one thin, narrow or other space."""
    out = []
    space = rng.choice(_SPACES) if groups and rng.random() < 0.5 else None
    for i, ch in enumerate(value):
        if space is not None and i in groups:
            out.append(space)
        elif i and rng.random() < 0.3:
            out.append(rng.choice(_INVISIBLE))
        out.append(ch)
    return "".join(out)


def _script_digits(rng: random.Random, value: str) -> str:
    zero = rng.choice(_DIGIT_ZEROS)
    return "".join(chr(zero + int(ch)) if ch.isdigit() else ch for ch in value)


def _mobile_grouped(rng: random.Random, number: str) -> str:
    a, b, c = number[:3], number[3:7], number[7:]
    sep = rng.choice((" ", ".", "/", "-", "\u2014", "\t", "  "))
    form = rng.randrange(6)
    if form == 0:
        return f"{a}{sep}{b}{sep}{c}"
    if form == 1:
        return f"({a}){b}-{c}"
    if form == 2:
        return f"{a} {b}{c}"
    if form == 3:
        return f"{a}{b} {c}"
    if form == 4:
        return f"{a} {number[3:6]} {number[6:]}"
    return f"86-{a}-{b}-{c}"


def invisible(rng: random.Random, c) -> Case:
    roll = rng.random()
    b = _Builder()
    if roll < 0.5:
        number = c.mobile(rng)
        return (
            b.text(rng.choice(_MOBILE_KEYS))
            .value("CN_MOBILE", _sprinkle(rng, number, (3, 7)), number)
            .text(" 请回电")
            .case("invisible")
        )
    if roll < 0.8:
        value = c.resident_id(rng)
        return (
            b.text("身份证号 ")
            .value("CN_RESIDENT_ID", _sprinkle(rng, value), value)
            .case("invisible")
        )
    value = c.bank_card(rng)
    groups = tuple(range(4, len(value), 4))
    return (
        b.text("卡号 ").value("BANK_CARD", _sprinkle(rng, value, groups), value).case("invisible")
    )


def separators(rng: random.Random, c) -> Case:
    roll = rng.random()
    b = _Builder()
    if roll < 0.6:
        number = c.mobile(rng)
        return (
            b.text(rng.choice(_MOBILE_KEYS))
            .value("CN_MOBILE", _mobile_grouped(rng, number), number)
            .case("separators")
        )
    if roll < 0.8:
        value = c.resident_id(rng)
        return (
            b.text("身份证 ")
            .value("CN_RESIDENT_ID", f"{value[:6]}-{value[6:14]}-{value[14:]}", value)
            .case("separators")
        )
    value = c.bank_card(rng)
    sep = rng.choice((".", " ", "-"))
    grouped = sep.join(value[i : i + 4] for i in range(0, len(value), 4))
    return b.text("银行卡 ").value("BANK_CARD", grouped, value).case("separators")


def escapes(rng: random.Random, c) -> Case:
    """URL-percent and ``\\uXXXX`` escapes (decoded for detection by the escape work)."""
    number = c.mobile(rng)
    b = _Builder()
    form = rng.randrange(4)
    if form == 0:
        return (
            b.text("GET /bind?tel=")
            .value("CN_MOBILE", "%2B86" + number, number)
            .text("&v=2")
            .case("escapes")
        )
    if form == 1:
        return b.text("q=mobile%3D").value("CN_MOBILE", number, number).case("escapes")
    if form == 2:
        local, domain = _email_parts(rng, c)
        written = urllib.parse.quote(f"{local}@{domain}", safe=".")
        return b.text("to=").value("EMAIL", written, local[1:]).case("escapes")
    label = "".join(f"\\u{ord(ch):04x}" for ch in "手机号")
    return b.text('{"msg": "' + label).value("CN_MOBILE", number, number).text('"}').case("escapes")


def other_digits(rng: random.Random, c) -> Case:
    b = _Builder()
    if rng.random() < 0.6:
        number = c.mobile(rng)
        return (
            b.text("手机 ")
            .value("CN_MOBILE", _script_digits(rng, number), number)
            .case("other_digits")
        )
    value = c.resident_id(rng)
    return (
        b.text("身份证号：")
        .value("CN_RESIDENT_ID", _script_digits(rng, value), value)
        .case("other_digits")
    )


_NAMES = (
    "Müller.hans", "josé.garcia", "ivan.петров", "françois.dupont", "søren.kierkegård",
    "zoë.ångström", "nguyễn.văn", "андрей.смирнов", "łukasz.wójcik", "çağla.öztürk",
)  # fmt: skip


def _email_parts(rng: random.Random, c) -> tuple[str, str]:
    address, _form = c.email(rng)
    local, domain = address.split("@")
    return local, domain


def email_non_ascii(rng: random.Random, c) -> Case:
    name = rng.choice(_NAMES)
    first, last = name.split(".")
    local = rng.choice((name, f"{first}{rng.randint(1, 99)}", f"{last}.{first}"))
    domain = rng.choice(("example.de", "example.com", "example.ru", "mail.example.org"))
    b = _Builder()
    b.text(rng.choice(("请发邮件给", "email: ", "联系 ", "to ", "邮箱：")))
    return b.value("EMAIL", f"{local}@{domain}", local[1:]).case("email_non_ascii")


_CJK_LOCALS = (
    "张三", "李四", "王小明", "赵敏", "陈静", "欧阳娜娜", "陳大文", "やまだ", "김철수", "司马相如",
)  # fmt: skip
# labels written before the address: separated, or glued to the name as Chinese text does
_CJK_BEFORE = (
    "邮箱：", "email ", "联系 ", "邮箱", "请发邮件给", "我的邮箱是", "联系人：", "發給", "电邮",
    "发送至", "",
)  # fmt: skip


def email_cjk(rng: random.Random, c) -> Case:
    """CJK local parts (张三@例子.中国), with the labels Chinese text glues to them."""
    local = rng.choice(_CJK_LOCALS)
    domain = rng.choice(("例子.中国", "示例.公司", "例子.网络", "example.com", "公司.cn"))
    at = rng.choice(("@", "@", "＠"))
    b = _Builder().text(rng.choice(_CJK_BEFORE))
    return b.value("EMAIL", f"{local}{at}{domain}", local[1:]).case("email_cjk")


def strong_key_invalid(rng: random.Random, c) -> Case:
    b = _Builder()
    form = rng.randrange(4)
    if form == 0:
        value = c.resident_id_wrong_check(rng)
        return b.text("身份证号：").value("CN_RESIDENT_ID", value, value).case("strong_key_invalid")
    if form == 1:
        value = c.resident_id_wrong_check(rng)
        return (
            b.text('{"idcard":"')
            .value("CN_RESIDENT_ID", value, value)
            .text('"}')
            .case("strong_key_invalid")
        )
    if form == 2:
        value = c.bank_card_wrong_luhn(rng)
        grouped = " ".join(value[i : i + 4] for i in range(0, len(value), 4))
        return b.text("银行卡").value("BANK_CARD", grouped, value).case("strong_key_invalid")
    payload = rng.choice(("88", "77", "31")) + c._digits(rng, rng.choice((15, 16)))
    value = c._luhn_complete(payload)
    return b.text("card=").value("BANK_CARD", value, value).case("strong_key_invalid")


def glued(rng: random.Random, c) -> Case:
    b = _Builder()
    form = rng.randrange(5)
    number = c.mobile(rng)
    if form == 0:
        return _glued_email_word(rng, c, number)
    if form == 1:
        word = rng.choice(("ken", "E-mail", "Email", "QQ", "fax"))
        return b.text("tel ").value("CN_MOBILE", number, number).text(word).case("glued")
    if form == 2:
        return (
            b.text("call a" + rng.choice(_INVISIBLE))
            .value("CN_MOBILE", number, number)
            .case("glued")
        )
    if form == 3:
        local, domain = _email_parts(rng, c)
        b.value("EMAIL", f"{local}@{domain}", local[1:])
        return b.value("CN_MOBILE", number, number).case("glued")
    other = c.mobile(rng)
    b.text(rng.choice(("经纪人：", "电话", "手机 ")))
    return b.value("CN_MOBILE", number, number).value("CN_MOBILE", other, other).case("glued")


def _glued_email_word(rng: random.Random, c, number: str) -> Case:
    b = _Builder().text(rng.choice(("联系电话：", "手机", "")))
    local, domain = _email_parts(rng, c)
    b.value("CN_MOBILE", number, number).text("E-mail:")
    return b.value("EMAIL", f"{local}@{domain}", local[1:]).case("glued")


def encodings(rng: random.Random, c) -> Case:
    """A Chinese line in GB18030 (a legacy 15-digit ID) or UTF-16 with a BOM, through the
    stream as ``pimask mask`` reads it."""
    b = _Builder()
    if rng.random() < 0.5:
        value = c.legacy_id15(rng)
        b.text("用户资料 身份证号 ").value("CN_RESIDENT_ID", value, value).text(" 已核验")
        return b.case("encodings", "gb18030")
    number = c.mobile(rng)
    b.text("客户电话：").value("CN_MOBILE", number, number).text("，地址已更新")
    return b.case("encodings", "utf-16")


CATEGORIES: dict[str, Callable[[random.Random, object], Case]] = {
    "invisible": invisible,
    "separators": separators,
    "escapes": escapes,
    "other_digits": other_digits,
    "email_non_ascii": email_non_ascii,
    "email_cjk": email_cjk,
    "strong_key_invalid": strong_key_invalid,
    "glued": glued,
    "encodings": encodings,
}
# why: a category still expected to leak is named here and the table says so (none now:
# the escape work and CJK e-mail local parts both landed)
PENDING: dict[str, str] = {}


def generate(per_category: int, seed: int) -> Iterator[Case]:
    """``per_category`` cases of every category, the same for the same seed."""
    corpus = _corpus()
    for index, (name, make) in enumerate(CATEGORIES.items()):
        rng = random.Random(seed * 1000 + index)
        for _ in range(per_category):
            case = make(rng, corpus)
            assert case.category == name
            yield case


_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")
_U_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})")
_SEPARATORS = re.compile(r"[\s\-.\/()+\u2014_:]")


def cleaned(output: str) -> str:
    """``output`` as a reader would read it: escapes decoded, invisible characters and
    separators removed, digits of every script folded to ASCII."""
    text = urllib.parse.unquote(output) if _PERCENT.search(output) else output
    text = _U_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text)
    text = "".join(ch for ch in text if ch not in DROPPED)
    text = unicodedata.normalize("NFC", fold(text))
    return _SEPARATORS.sub("", text)


def left_readable(output: str, label: Label) -> bool:
    """Is ``label``'s value still readable in ``output`` (the issue's definition)?"""
    secret = _SEPARATORS.sub("", unicodedata.normalize("NFC", label.secret))
    return bool(secret) and secret in cleaned(output)


@dataclass
class CategoryCounts:
    cases: int = 0
    gold: int = 0
    predicted: int = 0
    tp: int = 0
    readable: int = 0
    examples: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def stream_outputs(engine: pimask.Engine, encoding: str, texts: list[str]) -> list[str]:
    """What ``pimask mask`` writes for ``texts``, one line each, as one stream in
    ``encoding`` (UTF-16 with its BOM: the whole stream is transcoded, so it runs once)."""
    raw = "".join(text + "\n" for text in texts).encode(encoding)
    env = {**os.environ, "PIMASK_BACKEND": engine.backend}
    done = subprocess.run(
        [sys.executable, "-m", "pimask", "mask"], input=raw, capture_output=True, env=env,
        check=True,
    )  # fmt: skip
    lines = done.stdout.decode(encoding).split("\n")
    if len(lines) != len(texts) + 1:
        raise SystemExit(f"pimask mask ({encoding}): {len(lines) - 1} lines for {len(texts)}")
    return lines[:-1]


def evaluate(
    cases: Iterable[Case], engine: pimask.Engine, keep: int = 0
) -> dict[str, CategoryCounts]:
    counts: dict[str, CategoryCounts] = {name: CategoryCounts() for name in CATEGORIES}
    streamed: dict[str, list[Case]] = {}
    judged: list[tuple[Case, str]] = []
    for case in cases:
        row = counts[case.category]
        row.cases += 1
        findings = engine.scan(case.text)
        gold = {(label.start, label.end, label.entity) for label in case.labels}
        row.gold += len(gold)
        row.predicted += len(findings)
        row.tp += sum((f.start, f.end, f.entity) in gold for f in findings)
        if case.encoding is None:
            judged.append((case, engine.mask(case.text)))
        else:
            streamed.setdefault(case.encoding, []).append(case)
    for encoding, group in streamed.items():
        outputs = stream_outputs(engine, encoding, [case.text for case in group])
        judged.extend(zip(group, outputs, strict=True))
    for case, output in judged:
        row = counts[case.category]
        for label in case.labels:
            if left_readable(output, label):
                row.readable += 1
                if len(row.examples) < keep:
                    row.examples.append(f"{case.text!r} -> {output!r}")
    return counts


def format_table(counts: dict[str, CategoryCounts]) -> str:
    rows = ["| category | values | left readable | precision | recall | F1 | note |",
            "|---|---:|---:|---:|---:|---:|---|"]  # fmt: skip
    for name, row in counts.items():
        note = PENDING.get(name, "")
        rows.append(
            f"| {name} | {row.gold} | {row.readable} | {row.precision:.4f} "
            f"| {row.recall:.4f} | {row.f1:.4f} | {note} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--per-category", type=int, default=200)
    parser.add_argument("--seed", type=int, default=16)
    parser.add_argument(
        "--show", type=int, default=0, help="print up to N readable cases per category (values!)"
    )
    args = parser.parse_args(argv)
    engine = pimask.Engine()
    counts = evaluate(generate(args.per_category, args.seed), engine, keep=args.show)
    print(f"adversarial: {args.per_category} cases per category, seed {args.seed}, "
          f"backend {engine.backend}")  # fmt: skip
    print(format_table(counts))
    for name, row in counts.items():
        for example in row.examples:
            print(f"  {name}: {example}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
