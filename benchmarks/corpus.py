"""Seeded generator of realistic, labeled log and ticket text for quality and speed work.

Two outputs from one set of line generators:

* ``--labeled``: JSON Lines, one record per line of text, with the character spans
  ``[start, end, entity, form]`` of every personal value and ``[start, end, kind]`` of every
  hard negative (order ids, epoch-ms timestamps, hashes, UUIDs, version strings, 400
  numbers, wrong-check-digit IDs and cards …). Used by ``benchmarks/quality.py`` and the
  quality tests. Offsets are Python ``str`` indices into ``text``.
* plain text (``--size 200MB --out FILE``): the throughput mix of issue 5 — 38% English
  app lines, 14% nginx access lines, 30% JSON lines, 18% Chinese ticket lines; one PII
  item in 20% of lines (nginx lines also always carry the client IP, as real access logs
  do); order ids, trace ids, UUIDs and epoch timestamps everywhere. Generated fast
  (hundreds of MB/s) by sampling from a seeded pool of distinct lines and stamping a
  running clock into each block of lines, so 1 GB files take seconds.

Every value is synthetic: resident IDs carry a correct GB 11643 check character and a
real birth date, cards and IMEIs a correct Luhn digit, mobiles an allocated segment —
built with :mod:`pimask.checksums` and :mod:`pimask.reference`, so the corpus measures
the detector, not the validators' ability to reject junk.

Stdlib only besides pimask itself; importable (``generate_labeled``, ``write_throughput``)
and runnable as a script. The same ``--seed`` always gives the same bytes.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import random
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from pimask import checksums, reference
from pimask.normalize import fold

ENTITIES = (
    "CN_RESIDENT_ID",
    "CN_MOBILE",
    "BANK_CARD",
    "IMEI",
    "MAC_ADDRESS",
    "EMAIL",
    "IP_ADDRESS",
)

# Line kinds and their share of the throughput mix (issue 5).
THROUGHPUT_MIX = (("app", 0.38), ("nginx", 0.14), ("json", 0.30), ("zh", 0.18))
# The labeled corpus also has key=value (logfmt) lines.
LABELED_MIX = (("app", 0.25), ("nginx", 0.12), ("json", 0.25), ("zh", 0.23), ("kv", 0.15))

_FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}
_HEXL = "0123456789abcdef"


# --------------------------------------------------------------------------------------
# Building a line with labels
# --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Line:
    """Text built piece by piece, remembering where labeled pieces went."""

    kind: str
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    spans: list[list[object]] = field(default_factory=list)
    negatives: list[list[object]] = field(default_factory=list)

    def add(self, text: str) -> None:
        if not text:
            return
        self.parts.append(text)
        self.pos += len(text)

    def pii(self, text: str, entity: str, form: str) -> None:
        self.spans.append([self.pos, self.pos + len(text), entity, form])
        self.add(text)

    def neg(self, text: str, kind: str) -> None:
        self.negatives.append([self.pos, self.pos + len(text), kind])
        self.add(text)

    def text(self) -> str:
        return "".join(self.parts)


# --------------------------------------------------------------------------------------
# Clocks: concrete timestamps (labeled) or markers stamped later (throughput)
# --------------------------------------------------------------------------------------

_BASE_TIME = _dt.datetime(2023, 11, 22, 8, 0, 0)
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


class Clock:
    """Timestamps in the formats the line kinds use; advances a little per call."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.now = _BASE_TIME

    def _tick(self) -> _dt.datetime:
        self.now += _dt.timedelta(seconds=self.rng.random() * 2)
        return self.now

    def app(self) -> str:  # 2023-11-22 08:00:01
        return self._tick().strftime("%Y-%m-%d %H:%M:%S")

    def iso(self) -> str:  # 2023-11-22T08:00:01
        return self._tick().strftime("%Y-%m-%dT%H:%M:%S")

    def nginx(self) -> str:  # 22/Nov/2023:08:00:01
        t = self._tick()
        return f"{t.day:02d}/{_MONTHS[t.month - 1]}/{t.year}:{t:%H:%M:%S}"


class MarkerClock(Clock):
    """Leaves one-byte markers that :func:`write_throughput` replaces per block of lines."""

    def app(self) -> str:
        return "\x01"

    def nginx(self) -> str:
        return "\x02"

    def iso(self) -> str:
        return "\x03"


# --------------------------------------------------------------------------------------
# Valid synthetic values
# --------------------------------------------------------------------------------------

_PROVINCES = sorted(p for p in reference.PROVINCES if p not in ("71", "81", "82", "83"))
_SEGMENTS = sorted(reference.MOBILE_SEGMENTS)
_CN_BINS = sorted(reference.CN_BINS)
_IMEI_TACS = ("35", "86", "49", "01", "99", "35", "86", "35")


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def _birth(rng: random.Random, lo: int = 1940, hi: int = 2012) -> _dt.date:
    start = _dt.date(lo, 1, 1).toordinal()
    return _dt.date.fromordinal(rng.randint(start, _dt.date(hi, 12, 31).toordinal()))


def resident_id(rng: random.Random) -> str:
    """A valid 18-character ID: province, county, real birth date, sequence, MOD 11-2."""
    region = rng.choice(_PROVINCES) + f"{rng.randint(1, 20):02d}{rng.randint(1, 30):02d}"
    first17 = region + _birth(rng).strftime("%Y%m%d") + _digits(rng, 3)
    return first17 + checksums.gb11643_check_char(first17)


def resident_id_wrong_check(rng: random.Random) -> str:
    valid = resident_id(rng)
    wrong = rng.choice([c for c in "0123456789X" if c != valid[-1]])
    return valid[:17] + wrong


def legacy_id15(rng: random.Random) -> str:
    """A pre-1999 15-digit ID: region, YYMMDD birth date (19YY), 3-digit sequence."""
    region = rng.choice(_PROVINCES) + f"{rng.randint(1, 20):02d}{rng.randint(1, 30):02d}"
    return region + _birth(rng, 1930, 1985).strftime("%y%m%d") + _digits(rng, 3)


def mobile(rng: random.Random) -> str:
    return rng.choice(_SEGMENTS) + _digits(rng, 8)


def _luhn_complete(payload: str) -> str:
    return payload + checksums.luhn_check_digit(payload)


def bank_card(rng: random.Random) -> str:
    """UnionPay (known Chinese BIN, 16 or 19 digits), Visa, Mastercard or Amex."""
    roll = rng.random()
    if roll < 0.55:
        length = rng.choice((16, 19, 19))
        prefix = rng.choice(_CN_BINS)
    elif roll < 0.7:
        length, prefix = rng.choice((16, 19)), "62" + _digits(rng, 4)
    elif roll < 0.85:
        length, prefix = 16, "4" + _digits(rng, 5)
    elif roll < 0.95:
        length, prefix = 16, str(rng.randint(51, 55)) + _digits(rng, 4)
    else:
        length, prefix = 15, rng.choice(("34", "37")) + _digits(rng, 4)
    return _luhn_complete(prefix + _digits(rng, length - len(prefix) - 1))


def bank_card_wrong_luhn(rng: random.Random) -> str:
    valid = bank_card(rng)
    return valid[:-1] + str((int(valid[-1]) + rng.randint(1, 9)) % 10)


def imei(rng: random.Random) -> str:
    return _luhn_complete(rng.choice(_IMEI_TACS) + _digits(rng, 12))


def mac(rng: random.Random) -> str:
    """Twelve lower-case hex digits (formatting comes later)."""
    octets = [rng.randrange(256) for _ in range(6)]
    octets[0] &= 0xFE  # unicast
    if rng.random() < 0.3:
        octets[0] |= 0x02  # locally administered (randomized Wi-Fi MACs)
    return "".join(f"{o:02x}" for o in octets)


def ipv4(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return f"10.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randint(1, 254)}"
    if roll < 0.45:
        return f"192.168.{rng.randrange(256)}.{rng.randint(1, 254)}"
    if roll < 0.55:
        return f"172.{rng.randint(16, 31)}.{rng.randrange(256)}.{rng.randint(1, 254)}"
    first = rng.choice((1, 8, 36, 39, 42, 58, 59, 61, 101, 106, 111, 112, 113, 114, 115, 116))
    first = first if rng.random() < 0.6 else rng.randint(1, 223)
    if first in (10, 127):
        first = 11
    return f"{first}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randint(1, 254)}"


def ipv6(rng: random.Random) -> tuple[str, str]:
    """An IPv6 address in one of its written forms, with the form's name."""
    groups = ["2001", "db8" if rng.random() < 0.3 else f"{rng.randrange(0x2400, 0x2410):x}"]
    groups += [f"{rng.randrange(0x10000):x}" for _ in range(6)]
    if rng.random() < 0.15:
        groups = [g.upper() for g in groups]
    roll = rng.random()
    if roll < 0.25:
        return ":".join(groups), "ipv6_full"
    if roll < 0.55:
        keep = rng.randint(2, 4)
        return ":".join(groups[:keep]) + "::" + ":".join(groups[-2:]), "ipv6_compressed"
    if roll < 0.7:
        tail = f"{rng.randrange(0x10000):x}:{rng.randrange(0x10000):x}"
        return f"fe80::{tail}:{rng.randrange(0x10000):x}:{rng.randrange(1, 0x10000):x}", "ipv6_ll"
    if roll < 0.85:
        return "::ffff:" + ipv4(rng), "ipv6_mapped_v4"
    return f"64:ff9b::{ipv4(rng)}", "ipv6_embedded_v4"


_SURNAMES = ("zhang", "wang", "li", "zhao", "liu", "chen", "yang", "huang", "zhou", "wu", "xu")
_GIVEN = ("wei", "fang", "na", "min", "jing", "lei", "qiang", "jun", "yan", "tao", "xiaoming")
_DOMAINS = (
    "example.com", "example.cn", "example.org", "mail.example.com", "corp.example.com.cn",
    "qq.example.com", "163.example.net", "test.example.io", "example.edu.cn",
)  # fmt: skip
_IDN_DOMAINS = ("例子.中国", "示例.公司", "例子.网络", "测试.中国")


def email(rng: random.Random) -> tuple[str, str]:
    surname, given = rng.choice(_SURNAMES), rng.choice(_GIVEN)
    local = rng.choice(
        (
            f"{surname}.{given}",
            f"{given}{surname}{rng.randint(1, 99)}",
            f"{surname}_{given}",
            f"{given}-{surname}",
            f"{surname}{rng.randint(1980, 2005)}",
            f"{given}+{rng.choice(('shop', 'news', 'bill'))}",
            str(rng.randint(10000, 999999999)),
        )
    )
    if rng.random() < 0.1:
        return f"{local}@{rng.choice(_IDN_DOMAINS)}", "email_idn"
    return f"{local}@{rng.choice(_DOMAINS)}", "email"


def fullwidth(text: str) -> str:
    return "".join(_FULLWIDTH.get(ch, ch) for ch in text)


# --------------------------------------------------------------------------------------
# Hard negatives (values that look like PII and are not)
# --------------------------------------------------------------------------------------


def order_id(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.4:  # date-prefixed
        return "2023" + f"{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}" + _digits(rng, 11)
    if roll < 0.7:  # looks like a valid resident ID (these exist: the check digit is 1 in 11)
        return resident_id(rng)
    if roll < 0.85:  # a Luhn-valid UnionPay-shaped number
        return bank_card(rng)
    return str(rng.randint(1, 9)) + _digits(rng, rng.randint(11, 18))


def epoch_ms(rng: random.Random) -> str:
    return str(rng.randint(1_600_000_000_000, 1_760_000_000_000))


def snowflake(rng: random.Random) -> str:
    return str(rng.randint(1_400_000_000_000_000_000, 1_900_000_000_000_000_000))


def hexstr(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(_HEXL) for _ in range(n))


def uuid4(rng: random.Random) -> str:
    h = hexstr(rng, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{rng.choice('89ab')}{h[17:20]}-{h[20:]}"


def hdfs_block(rng: random.Random) -> str:
    if rng.random() < 0.5:
        return f"blk_-{rng.randint(10**17, 9 * 10**18)}"
    return f"blk_{rng.randint(1073741825, 1073999999)}_{rng.randint(1001, 99999)}"


def version4(rng: random.Random) -> str:
    return f"{rng.randint(1, 12)}.{rng.randint(0, 30)}.{rng.randint(0, 99)}.{rng.randint(0, 255)}"


def service_number(rng: random.Random) -> str:
    head = rng.choice(("400", "800"))
    return rng.choice(
        (
            f"{head}-{rng.randint(100, 999)}-{rng.randint(1000, 9999)}",
            f"{head}-{rng.randint(10, 99)}-{rng.randint(10000, 99999)}",
            f"{head}{_digits(rng, 7)}",
            f"{head} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        )
    )


def landline(rng: random.Random) -> str:
    area = rng.choice(("010", "021", "020", "0755", "0571", "028", "027", "0512"))
    local = str(rng.randint(2, 8)) + _digits(rng, 7 if len(area) == 3 else rng.choice((6, 7)))
    return rng.choice(
        (
            f"{area}-{local}",
            f"({area}){local}",
            f"{area} {local[:4]} {local[4:]}",
            f"+86 {area[1:]} {local}",
        )
    )


def price(rng: random.Random) -> str:
    return f"{rng.randint(1, 99999)}.{rng.randint(0, 99):02d}"


def date_string(rng: random.Random) -> str:
    d = _birth(rng, 2015, 2024)
    stamp = f"{d:%Y%m%d}{_digits(rng, 6)}"  # yyyymmddHHMMSS-like batch number
    return rng.choice((f"{d:%Y-%m-%d}", f"{d:%Y%m%d}", f"{d:%Y/%m/%d}", stamp))


# --------------------------------------------------------------------------------------
# Writing PII items and negatives in the style of each line kind
# --------------------------------------------------------------------------------------

# Keys per entity and style. Several per entity so that context words are exercised.
_KEYS: dict[str, dict[str, tuple[str, ...]]] = {
    "CN_RESIDENT_ID": {
        "json": ("idNo", "id_card", "idCard", "id_number", "certNo", "identity_no"),
        "kv": ("id_card", "idno", "id_number", "sfzh", "citizen_id"),
        "zh": ("身份证号", "身份证号码：", "证件号码:", "身份证 ", "公民身份号码", "证件号："),
        "en": ("id card ", "ID number ", "national_id "),
    },
    "CN_MOBILE": {
        "json": ("phone", "mobile", "phoneNumber", "contact_phone", "tel", "msisdn"),
        "kv": ("phone", "mobile", "msisdn", "tel", "contact"),
        "zh": ("手机号", "手机号码：", "联系电话:", "电话", "联系方式：", "手机 ", "请致电"),
        "en": ("sms sent to ", "phone ", "mobile: ", "call from ", "contact "),
    },
    "BANK_CARD": {
        "json": ("cardNo", "card_no", "bankCard", "card_number", "pan", "account_no"),
        "kv": ("card_no", "cardno", "card", "pan", "bank_account"),
        "zh": ("银行卡号", "卡号：", "银行卡 ", "储蓄卡号", "信用卡号:", "收款账户"),
        "en": ("card ", "card number ", "charged card ", "debit card "),
    },
    "IMEI": {
        "json": ("imei", "deviceImei", "imei_no", "IMEI", "imei1", "imei_2"),
        "kv": ("imei", "IMEI", "dev_imei", "IMEI1", "imei2"),
        "zh": ("IMEI:", "串号", "手机串号：", "设备IMEI ", "IMEI号"),
        "en": ("IMEI ", "imei=", "device IMEI "),
    },
    "MAC_ADDRESS": {
        "json": ("mac", "macAddress", "wifi_mac", "bssid", "hw_addr"),
        "kv": ("mac", "mac_addr", "hwaddr", "bssid"),
        "zh": ("MAC地址", "网卡MAC：", "物理地址 ", "MAC:"),
        "en": ("mac ", "MAC address ", "hwaddr ", "station "),
    },
    "EMAIL": {
        "json": ("email", "mail", "contact_email", "userEmail", "to"),
        "kv": ("email", "to", "from", "user"),
        "zh": ("邮箱", "邮箱：", "电子邮箱 ", "联系邮箱:", "发送至"),
        "en": ("email ", "mail to ", "user ", "reply-to: "),
    },
    "IP_ADDRESS": {
        "json": ("client_ip", "ip", "remote_addr", "src_ip", "clientIp", "peer"),
        "kv": ("ip", "client_ip", "src", "remote_addr", "peer"),
        "zh": ("登录IP：", "IP地址", "来源IP ", "访问IP:", "IP为"),
        "en": ("from ", "client ", "connect to ", "peer ", "remote "),
    },
}

# A second vocabulary, written before any measurement on it and never used for tuning:
# ``--heldout`` swaps it in to show how the detector does on labels it was not tuned on.
_HELDOUT_KEYS: dict[str, dict[str, tuple[str, ...]]] = {
    "CN_RESIDENT_ID": {
        "json": ("idcard_no", "id_num", "personalId", "identityCard", "cert_number"),
        "kv": ("idcard_no", "id_num", "personal_id", "shenfenzheng"),
        "zh": ("身份证号码是", "证件号码为", "居民身份证：", "身份证件号 ", "本人身份证"),
        "en": ("ID No. ", "identity card ", "citizen id "),
    },
    "CN_MOBILE": {
        "json": ("mobilePhone", "user_phone", "tel_no", "cellphone", "receiver_mobile"),
        "kv": ("user_phone", "tel_no", "cellphone", "mobile_number"),
        "zh": ("手机号码是", "联系人手机", "收货人电话：", "手机：", "预留手机号 "),
        "en": ("Mobile No. ", "texting ", "cellphone "),
    },
    "BANK_CARD": {
        "json": ("bank_card_no", "acct_no", "cardNumber", "payCard", "bankAccount"),
        "kv": ("bank_card_no", "acct_no", "card_num", "pay_card"),
        "zh": ("银行账号", "卡号为", "付款卡号：", "退款账户 ", "绑定银行卡"),
        "en": ("card# ", "paid with card ", "account number "),
    },
    "IMEI": {
        "json": ("imei_code", "meid", "deviceImei1", "imeiNo"),
        "kv": ("imei_code", "meid", "imei_no"),
        "zh": ("设备串号", "IMEI码：", "手机IMEI号 ", "终端IMEI"),
        "en": ("IMEI code ", "handset IMEI ", "IMEI/MEID "),
    },
    "MAC_ADDRESS": {
        "json": ("mac_address", "wlan_mac", "eth_mac", "ap_mac", "clientMac"),
        "kv": ("wlan_mac", "eth_mac", "ap_mac", "macaddr"),
        "zh": ("无线MAC", "MAC地址为：", "设备MAC ", "网卡地址"),
        "en": ("MAC Address: ", "client mac ", "wifi mac "),
    },
    "EMAIL": {
        "json": ("email_addr", "mailbox", "receiver", "contactEmail"),
        "kv": ("email_addr", "mailbox", "rcpt", "reply_to"),
        "zh": ("邮件地址", "收件人：", "邮箱地址是", "电子邮件 "),
        "en": ("e-mail: ", "send to ", "contact "),
    },
    "IP_ADDRESS": {
        "json": ("x_forwarded_for", "ip_addr", "srcIp", "remoteIp", "server_addr"),
        "kv": ("ip_addr", "srcip", "dst_ip", "remote_ip", "xff"),
        "zh": ("客户端IP", "服务器地址：", "登录地址 ", "来源地址为"),
        "en": ("remote ip ", "received from ", "via "),
    },
}
_HELDOUT_NEG_KEYS: dict[str, tuple[str, ...]] = {
    "order_id": ("order_no", "bill_no", "tradeNo", "payment_id", "订单编号"),
    "epoch_ms": ("event_ts", "create_time_ms", "updated_at", "ts_millis"),
    "snowflake": ("msgId", "event_id", "log_id", "row_id"),
    "sha256": ("sha256sum", "file_hash", "content_digest"),
    "md5": ("md5sum", "content_md5"),
    "uuid": ("requestId", "correlation_id", "sessionId"),
    "trace_id": ("spanId", "x-trace-id", "parent_span"),
    "version": ("app_ver", "os_version", "kernel", "固件版本"),
    "bad_check_id": ("身份证号码是", "idcard_no"),
    "bad_luhn_card": ("银行账号", "bank_card_no"),
    "bad_luhn_imei": ("imei_code", "设备串号"),
    "bad_segment_mobile": ("user_phone", "手机号码是"),
}
# A third vocabulary, written after tuning on the second, measured once and reported as is.
_FRESH_KEYS: dict[str, dict[str, tuple[str, ...]]] = {
    "CN_RESIDENT_ID": {
        "json": ("idCardNo", "id_card_number", "userIdCard", "holderIdNo", "certificateNo"),
        "kv": ("idcardnum", "cert_id", "holder_id_no", "id"),
        "zh": ("身份证号码", "身份证：", "证件号 ", "身份证号为", "持卡人身份证"),
        "en": ("ID card no. ", "resident id ", "PRC ID "),
    },
    "CN_MOBILE": {
        "json": ("phoneNo", "mobileNo", "userMobile", "contactTel", "bindPhone"),
        "kv": ("phoneno", "mobile_no", "tel", "sms_to"),
        "zh": ("手机号码", "电话号码：", "联系手机 ", "绑定手机", "来电号码"),
        "en": ("Tel: ", "phone number ", "SMS to "),
    },
    "BANK_CARD": {
        "json": ("cardNum", "bankCardNo", "payCardNo", "debitCard", "card_pan"),
        "kv": ("cardnum", "bankcardno", "pan", "debit_card"),
        "zh": ("卡号", "银行卡号：", "借记卡 ", "信用卡号码", "扣款卡号"),
        "en": ("card no. ", "PAN ", "credit card "),
    },
    "IMEI": {
        "json": ("imeiNo", "device_imei", "imei_1", "IMEI2"),
        "kv": ("device_imei", "imeino", "imei1"),
        "zh": ("IMEI号：", "手机串号 ", "设备IMEI号", "串号："),
        "en": ("IMEI: ", "device imei ", "IMEI1 "),
    },
    "MAC_ADDRESS": {
        "json": ("macAddr", "wifiMac", "bt_mac", "routerMac"),
        "kv": ("macaddr", "wifimac", "bt_mac", "sta_mac"),
        "zh": ("MAC：", "路由器MAC ", "WiFi MAC地址", "蓝牙MAC"),
        "en": ("HWaddr ", "bssid ", "mac addr "),
    },
    "EMAIL": {
        "json": ("emailAddress", "userEmail", "notify_email", "cc"),
        "kv": ("email", "mail_to", "notify", "cc"),
        "zh": ("邮箱：", "电子邮箱地址", "联系邮箱 ", "邮件发至"),
        "en": ("mailto ", "email address ", "from: "),
    },
    "IP_ADDRESS": {
        "json": ("clientAddr", "remote_ip", "real_ip", "originIp", "upstream"),
        "kv": ("client_addr", "real_ip", "origin", "upstream_addr"),
        "zh": ("IP：", "客户端地址 ", "真实IP", "访问来源"),
        "en": ("connected from ", "ip address ", "upstream "),
    },
}
_FRESH_NEG_KEYS: dict[str, tuple[str, ...]] = {
    "order_id": ("orderNo", "order_sn", "流水号：", "biz_no", "out_order_id"),
    "epoch_ms": ("timestamp_ms", "ctime", "mtime", "occurred_at"),
    "snowflake": ("id", "record_id", "job_id", "message_id"),
    "uuid": ("traceparent", "req_id", "uuid", "device_uuid"),
    "trace_id": ("trace", "span", "b3"),
    "version": ("sdk_version", "fw_ver", "版本号", "agent_version"),
    "bad_check_id": ("idCardNo", "身份证号码"),
    "bad_luhn_card": ("cardNum", "卡号"),
    "bad_luhn_imei": ("imeiNo", "IMEI号："),
    "bad_segment_mobile": ("phoneNo", "手机号码"),
}
VOCABULARIES = {
    "base": (_KEYS, {}),
    "heldout": (_HELDOUT_KEYS, _HELDOUT_NEG_KEYS),
    "fresh": (_FRESH_KEYS, _FRESH_NEG_KEYS),
}
_ACTIVE = {"keys": _KEYS, "neg_keys": {}}


_ZH_AFTER = ("，", "。", "，请核实", "已核验", "无法登录", " ", "；", "）", "（用户提供）", "")


def _value_form(rng: random.Random, entity: str, style: str) -> tuple[str, str]:
    """A written value of ``entity`` and its form name, suited to ``style``."""
    r = rng.random()
    if entity == "CN_RESIDENT_ID":
        if r < 0.12:
            v = legacy_id15(rng)
            return v, "id15_legacy"
        v = resident_id(rng)
        if v.endswith("X") and rng.random() < 0.4:
            return v[:-1] + "x", "id18_lower_x"
        if r < 0.2 and style in ("zh", "en"):
            return f"{v[:6]} {v[6:14]} {v[14:]}", "id18_spaced"
        if r < 0.3 and style == "zh":
            return fullwidth(v), "id18_fullwidth"
        return v, "id18"
    if entity == "CN_MOBILE":
        v = mobile(rng)
        if style in ("json", "kv") and r < 0.1:
            return "86" + v, "mobile_msisdn86"  # E.164 without "+", as telecom logs write it
        if style in ("json", "kv") and r < 0.6:
            return v, "mobile"
        forms = (
            (v, "mobile"),
            (f"{v[:3]} {v[3:7]} {v[7:]}", "mobile_spaced"),
            (f"{v[:3]}-{v[3:7]}-{v[7:]}", "mobile_hyphen"),
            ("+86" + v, "mobile_plus86"),
            ("+86 " + v, "mobile_plus86_space"),
            (f"+86 {v[:3]}-{v[3:7]}-{v[7:]}", "mobile_plus86_hyphen"),
            (f"+86-{v}", "mobile_plus86_dash"),
            ("0086" + v, "mobile_0086"),
            ("(+86)" + v, "mobile_paren86"),
            ("(+86) " + f"{v[:3]} {v[3:7]} {v[7:]}", "mobile_paren86_spaced"),
        )
        if style == "zh" and r < 0.15:
            return fullwidth(v), "mobile_fullwidth"
        return rng.choice(forms)
    if entity == "BANK_CARD":
        v = bank_card(rng)
        if r < 0.45:
            return v, "card_plain"
        groups = [v[i : i + 4] for i in range(0, len(v), 4)]
        if len(v) == 15:  # Amex prints 4-6-5
            groups = [v[:4], v[4:10], v[10:]]
        if r < 0.7:
            return " ".join(groups), "card_spaced"
        if r < 0.85:
            return "-".join(groups), "card_hyphen"
        if style == "zh":
            return fullwidth(v), "card_fullwidth"
        return v, "card_plain"
    if entity == "IMEI":
        v = imei(rng)
        if r < 0.55:
            return v, "imei15"
        if r < 0.8:
            return f"{v[:2]}-{v[2:8]}-{v[8:14]}-{v[14]}", "imei_dashed"
        if r < 0.9:
            return v[:14] + f"{rng.randint(0, 99):02d}", "imeisv16"
        return f"{v[:2]}-{v[2:8]}-{v[8:14]}-{rng.randint(0, 99):02d}", "imeisv_dashed"
    if entity == "MAC_ADDRESS":
        h = mac(rng)
        octets = [h[i : i + 2] for i in range(0, 12, 2)]
        if r < 0.35:
            return ":".join(octets), "mac_colon"
        if r < 0.55:
            return ":".join(octets).upper(), "mac_colon_upper"
        if r < 0.75:
            return "-".join(octets).upper(), "mac_hyphen"
        if r < 0.9:
            return f"{h[:4]}.{h[4:8]}.{h[8:]}", "mac_cisco"
        return h, "mac_bare"
    if entity == "EMAIL":
        v, form = email(rng)
        if style == "zh" and r < 0.2:
            return v.replace("@", "＠"), "email_fullwidth_at"
        if style == "zh" and r < 0.3:
            return fullwidth(v), "email_fullwidth"
        return v, form
    if entity == "IP_ADDRESS":
        if r < 0.2:
            return ipv6(rng)
        v = ipv4(rng)
        if style == "zh" and r < 0.3:
            return fullwidth(v), "ipv4_fullwidth"
        return v, "ipv4"
    raise ValueError(entity)


def _zh_separate(rng: random.Random, line: Line, following: str) -> None:
    """Punctuate between a value and a following ASCII word, as writers do.

    ``…@example.comIP地址…`` or ``…3c:22:fb:1a:2b:3cbuild 1.2`` are unreadable to people
    too: glued to 汉字 is a real form, glued to the next ASCII word is not.
    """
    last = fold(line.parts[-1][-1:]) if line.parts else ""
    after_value = (
        bool(line.spans or line.negatives)
        and max((span[1] for span in (*line.spans, *line.negatives)), default=-1) == line.pos
    )
    head = following[:1]
    if (after_value or (last.isascii() and last.isalnum())) and (
        head.isascii() and (head.isalnum() or head in "(+")
    ):
        line.add(rng.choice(("，", "；", " ", "、")))


def add_pii(rng: random.Random, line: Line, entity: str, style: str) -> None:
    """Append one labeled value of ``entity`` with the context a ``style`` line gives it."""
    value, form = _value_form(rng, entity, style)
    keys = _ACTIVE["keys"][entity]["kv" if style == "query" else style]
    key = rng.choice(keys)
    if style == "json":
        if value.isdigit() and value[0] != "0" and rng.random() < 0.3:
            line.add(f'"{key}":')  # numbers logged as JSON numbers
            line.pii(value, entity, form + "_json_number")
            return
        line.add(f'"{key}": "' if rng.random() < 0.3 else f'"{key}":"')
        line.pii(value, entity, form)
        line.add('"')
    elif style in ("kv", "query"):
        line.add(f"{key}=")
        line.pii(value, entity, form)
        if style == "kv" and entity in _LISTABLE and rng.random() < 0.15:
            second, second_form = _value_form(rng, entity, style)
            line.add(",")
            line.pii(second, entity, second_form + "_list_item")
    elif style == "zh":
        # why: these forms are recognisable without a label; bare MACs, IMEIs, cards and
        # IDs are not (to a reader either), so they always come with one.
        contextless = entity in ("EMAIL", "IP_ADDRESS", "CN_MOBILE") or form in (
            "id18",
            "id18_lower_x",
            "mac_colon",
            "mac_colon_upper",
            "mac_hyphen",
            "mac_cisco",
        )
        if contextless and rng.random() < 0.25:
            key = rng.choice(("用户", "客户反馈", "请联系", "经查", "对方"))
        _zh_separate(rng, line, key)
        line.add(key)
        line.pii(value, entity, form + ("_glued" if not key.endswith((" ", "：", ":")) else ""))
        line.add(rng.choice(_ZH_AFTER))
    else:  # en
        if entity == "IP_ADDRESS" and rng.random() < 0.3 and form == "ipv4":
            line.add(key)
            line.pii(value, entity, "ipv4_port")
            line.add(f":{rng.randint(1024, 65535)}")
            return
        if entity == "IP_ADDRESS" and form.startswith("ipv6") and rng.random() < 0.3:
            line.add(key + "[")
            line.pii(value, entity, form + "_bracket")
            line.add(f"]:{rng.randint(1024, 65535)}")
            return
        if entity == "EMAIL" and rng.random() < 0.3:
            line.add(key + "<")
            line.pii(value, entity, form + "_angle")
            line.add(">")
            return
        decorated = _DECORATIONS.get(entity)
        if decorated and rng.random() < 0.25 and decorated[2](form):
            before, after = rng.choice(decorated[:2])
            line.add(before)
            line.pii(value, entity, form + "_uri")
            line.add(after.replace("{n}", str(rng.randint(1024, 65535))))
            return
        line.add(key)
        line.pii(value, entity, form)


_LISTABLE = frozenset({"CN_MOBILE", "EMAIL", "IP_ADDRESS", "IMEI"})
# Values inside URIs and tool output: (prefix, suffix) pairs, and which forms fit.
_DECORATIONS: dict[str, tuple] = {
    "IP_ADDRESS": (
        ("GET http://", ":{n}/health"),
        ("inet ", "/24 brd"),
        lambda form: form == "ipv4",
    ),
    "EMAIL": (("mailto:", "?subject=invoice"), ("href=mailto:", " "), lambda form: True),
    "CN_MOBILE": (("tel:", ";ext=1"), ("href=tel:", ">"), lambda form: " " not in form),
    "MAC_ADDRESS": (
        ("ether ", " txqueuelen 1000"),
        ("link/ether ", " brd ff:ff:ff:ff:ff:ff"),
        lambda form: form in ("mac_colon", "mac_colon_upper"),
    ),
}


_NEG_KINDS = (
    "order_id", "epoch_ms", "snowflake", "sha256", "md5", "uuid", "hdfs_block", "trace_id",
    "version", "price", "date", "service_number", "landline", "bad_check_id", "bad_luhn_card",
    "git_sha", "short_hash", "long_number", "hex_token", "oid", "clock_time", "bad_luhn_imei",
    "bad_segment_mobile", "version_v", "version_zh", "compact_ts",
)  # fmt: skip


# Hard negatives that are written after a strong key of their entity: they are positives
# of the form STRONG_KEY_FORM (a failed check right after 身份证号/card= is still reported).
_STRONG_KIND_ENTITY = {"bad_check_id": "CN_RESIDENT_ID", "bad_luhn_card": "BANK_CARD"}
_NOT_STRONG_KEYS = frozenset({"银行账号"})  # an account, not a card key: stays a negative
STRONG_KEY_FORM = "strong_key_invalid"
# Hard negatives of CN_MOBILE that are positives of their own entities since issue 19 part
# D: a landline or a 400/800 number is not a mobile, but it is a CN_LANDLINE or a
# CN_SERVICE_NUMBER (the form is the kind). Same random stream: only the labels moved.
_RELABELED_KINDS = {"landline": "CN_LANDLINE", "service_number": "CN_SERVICE_NUMBER"}


def add_negative(rng: random.Random, line: Line, kind: str, style: str) -> None:
    """Append one hard negative of ``kind`` in the given style (never a labeled value)."""
    zh = style == "zh"
    if kind == "order_id":
        key = (
            rng.choice(("订单号", "订单号：", "流水号", "交易号:"))
            if zh
            else rng.choice(("order_id", "orderId", "trade_no", "txn_id", "out_trade_no"))
        )
        value = order_id(rng)
    elif kind == "epoch_ms":
        key = rng.choice(("ts", "timestamp", "time_ms", "createdAt", "ts_ms"))
        value = epoch_ms(rng)
    elif kind == "snowflake":
        key = rng.choice(("id", "msg_id", "event_id", "seq", "offset"))
        value = snowflake(rng)
    elif kind == "sha256":
        key, value = rng.choice(("sha256", "checksum", "digest", "hash")), hexstr(rng, 64)
    elif kind == "md5":
        key, value = rng.choice(("md5", "etag", "file_md5")), hexstr(rng, 32)
    elif kind == "uuid":
        key, value = rng.choice(("request_id", "uuid", "session", "x-request-id")), uuid4(rng)
    elif kind == "hdfs_block":
        key, value = rng.choice(("block", "blk", "replica")), hdfs_block(rng)
    elif kind == "trace_id":
        key = rng.choice(("trace_id", "traceId", "span_id", "x-b3-traceid"))
        value = hexstr(rng, rng.choice((16, 32)))
    elif kind == "git_sha":
        key, value = rng.choice(("commit", "rev", "build_sha")), hexstr(rng, 40)
    elif kind == "short_hash":
        key, value = rng.choice(("commit", "rev", "build")), hexstr(rng, rng.choice((7, 8, 12)))
    elif kind == "version":
        key = rng.choice(("version", "ver", "app_version", "版本号", "build", "firmware"))
        value = version4(rng)
    elif kind == "price":
        key, value = rng.choice(("price", "amount", "金额", "价格", "total")), price(rng)
    elif kind == "date":
        key, value = rng.choice(("date", "biz_date", "日期", "day")), date_string(rng)
    elif kind == "service_number":
        key = rng.choice(("客服电话", "热线", "hotline", "service")) if zh else "hotline"
        value = service_number(rng)
    elif kind == "landline":
        key = rng.choice(("座机", "办公电话", "tel", "fax")) if zh else rng.choice(("tel", "fax"))
        value = landline(rng)
    elif kind == "bad_check_id":
        key = rng.choice(("身份证号", "证件号码：")) if zh else rng.choice(("id_card", "idNo"))
        value = resident_id_wrong_check(rng)
    elif kind == "long_number":  # a valid value inside a longer digit run (serials, batches)
        key = rng.choice(("批次号", "序列号")) if zh else rng.choice(("sn", "batch", "serial"))
        inner = rng.choice((resident_id(rng)[:17], mobile(rng), bank_card(rng), imei(rng)))
        value = _digits(rng, rng.randint(1, 4)) + inner + _digits(rng, rng.randint(0, 3))
    elif kind == "hex_token":  # a hex id that starts or ends with valid-looking digits
        key = rng.choice(("nonce", "rid", "token_hash", "req"))
        inner = rng.choice((mobile(rng), imei(rng)))
        pad = "".join(rng.choice("abcdef") for _ in range(1)) + hexstr(rng, rng.randint(0, 12))
        value = inner + pad if rng.random() < 0.5 else pad + inner
    elif kind == "oid":
        key = rng.choice(("oid", "OID", "snmp"))
        value = "1.3.6.1." + ".".join(str(rng.randint(1, 255)) for _ in range(rng.randint(3, 8)))
    elif kind == "clock_time":
        key = rng.choice(("at", "elapsed", "耗时", "uptime"))
        value = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
        if rng.random() < 0.5:
            value += f".{rng.randint(0, 999):03d}"
    elif kind == "bad_luhn_imei":
        key = rng.choice(("IMEI:", "串号")) if zh else rng.choice(("imei", "IMEI"))
        valid = imei(rng)
        value = valid[:-1] + str((int(valid[-1]) + rng.randint(1, 9)) % 10)
    elif kind == "bad_segment_mobile":  # 11 digits in an unallocated segment (120, 140-144)
        key = rng.choice(("手机号", "电话")) if zh else rng.choice(("phone", "mobile"))
        value = rng.choice(("120", "121", "140", "141", "144", "160", "169")) + _digits(rng, 8)
    elif kind == "version_zh":  # Chinese puts the label after: 升级到2.3.1.0版本
        _zh_separate(rng, line, "升")
        line.add(rng.choice(("升级到", "当前为", "回滚至", "安装了 ")))
        line.neg(version4(rng), kind)
        line.add(rng.choice(("版本", " 版本", "版")) + rng.choice(("，", "。", "；")))
        return
    elif kind == "compact_ts":  # yyyymmddHHMMSS + ms, used as batch and request numbers
        key = rng.choice(("req_time", "batch", "时间戳", "seqno"))
        value = f"{_birth(rng, 2019, 2024):%Y%m%d}{_digits(rng, 9)}"
    elif kind == "version_v":
        key = rng.choice(("app", "client", "sdk", "客户端"))
        value = "v" + version4(rng)
    elif kind == "bad_luhn_card":
        key = rng.choice(("银行卡号", "卡号：")) if zh else rng.choice(("card_no", "cardNo"))
        value = bank_card_wrong_luhn(rng)
    else:
        raise ValueError(kind)
    override = _ACTIVE["neg_keys"].get(kind)
    if override:
        key = rng.choice(override)
    if kind in _STRONG_KIND_ENTITY and key not in _NOT_STRONG_KEYS:
        # why: right after a strong key a value of the entity's shape is a finding even when
        # its check fails (docs/recognizers.md, "Strong keys"): a positive of its own form
        entity = _STRONG_KIND_ENTITY[kind]

        def put(text: str) -> None:
            line.pii(text, entity, STRONG_KEY_FORM)
    elif kind in _RELABELED_KINDS:
        relabeled = _RELABELED_KINDS[kind]

        def put(text: str) -> None:
            line.pii(text, relabeled, kind)
    else:

        def put(text: str) -> None:
            line.neg(text, kind)

    if style == "json":
        if value.isdigit() and kind in ("epoch_ms", "snowflake") and rng.random() < 0.6:
            line.add(f'"{key}":')
            put(value)
            return
        line.add(f'"{key}":"')
        put(value)
        line.add('"')
    elif style in ("kv", "query"):
        line.add(f"{key}=")
        put(value)
    elif zh:
        _zh_separate(rng, line, key)
        line.add(key if not key.isascii() else key + " ")
        put(value)
        line.add(rng.choice(("，", "。", " ", "")))
    else:
        line.add(f"{key} " if rng.random() < 0.5 else f"{key}=")
        put(value)


# --------------------------------------------------------------------------------------
# Line kinds
# --------------------------------------------------------------------------------------

_LEVELS = ("INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR")
_LOGGERS = (
    "c.e.user.LoginService", "c.e.pay.PaymentController", "o.a.kafka.clients.NetworkClient",
    "c.e.order.OrderService", "c.e.sms.SmsSender", "c.e.device.DeviceRegistry",
    "o.s.web.servlet.DispatcherServlet", "c.e.gateway.AuthFilter",
)  # fmt: skip
_THREADS = ("http-nio-8080-exec-", "pool-3-thread-", "kafka-producer-network-thread-", "main-")
_APP_MSGS = (
    "request completed", "cache miss for key user:{n}", "retrying in {n} ms",
    "connection pool stats active={n} idle=4", "GC pause {n}ms", "processed batch of {n} records",
    "slow query took {n} ms", "session refreshed", "config reloaded from /etc/app/app.yaml",
)  # fmt: skip
_APP_PII_MSGS = {
    "CN_MOBILE": ("send sms code", "user login by phone", "bind mobile"),
    "CN_RESIDENT_ID": ("real-name check passed", "kyc submitted", "identity verified"),
    "BANK_CARD": ("payment authorized", "card bound", "refund issued"),
    "IMEI": ("device registered", "push token bound", "device check-in"),
    "MAC_ADDRESS": ("wifi probe", "dhcp lease granted", "station associated"),
    "EMAIL": ("mail queued", "password reset requested", "invoice sent"),
    "IP_ADDRESS": ("accepted connection", "login attempt", "upstream timeout"),
}
_ZH_TICKETS = (
    "工单#{n} 用户反馈无法收到验证码，已转二线处理。",
    "客户来电咨询退款进度，已告知预计3个工作日到账。",
    "用户投诉配送延迟，补偿优惠券一张。",
    "工单#{n} 用户申请注销账号，需人工审核。",
    "客户反馈App闪退，版本较旧，建议升级。",
    "用户咨询发票开具事宜，已发送操作指引。",
)
_ZH_PII_LEAD = (
    "工单#{n} 用户反馈：",
    "客户来电，",
    "用户申请实名认证，",
    "工单#{n} 退款申请，",
    "客服备注：",
    "用户留言：",
)
_PATHS = ("/api/v1/orders", "/api/v2/user/profile", "/static/app.js", "/health", "/api/v1/pay",
          "/login", "/api/v1/devices", "/search")  # fmt: skip
_UAS = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36",
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
    "Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
    "Mozilla/5.0 (Linux; Android 13; SM-S9180) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/119.0.6045.163 Mobile Safari/537.36",
    "okhttp/4.12.0",
    "curl/8.4.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
    "MicroMessenger/8.0.43.2480 NetType/WIFI Language/zh_CN",
)


@dataclass(frozen=True, slots=True)
class Plan:
    """What to put in one line: entities to label and hard negatives to include."""

    pii: tuple[str, ...]
    negatives: tuple[str, ...]


def _n(rng: random.Random) -> str:
    return str(rng.randint(1, 99999))


def line_app(rng: random.Random, clock: Clock, plan: Plan) -> Line:
    line = Line("app")
    line.add(f"{clock.app()},{rng.randint(0, 999):03d} {rng.choice(_LEVELS):<5} ")
    line.add(f"[{rng.choice(_THREADS)}{rng.randint(1, 32)}] {rng.choice(_LOGGERS)} - ")
    if plan.pii:
        line.add(rng.choice(_APP_PII_MSGS[plan.pii[0]]) + " ")
        for i, entity in enumerate(plan.pii):
            if i:
                line.add(" ")
            style = "kv" if rng.random() < 0.5 else "en"
            add_pii(rng, line, entity, style)
    else:
        line.add(rng.choice(_APP_MSGS).replace("{n}", _n(rng)))
    for kind in plan.negatives:
        line.add(" ")
        add_negative(rng, line, kind, "kv" if rng.random() < 0.7 else "en")
    if rng.random() < 0.5:
        line.add(f" trace_id={hexstr(rng, 32)}")
    return line


def line_nginx(rng: random.Random, clock: Clock, plan: Plan) -> Line:
    line = Line("nginx")
    client, form = (ipv4(rng), "ipv4") if rng.random() < 0.9 else ipv6(rng)
    line.pii(client, "IP_ADDRESS", "nginx_client_" + form)
    line.add(f' - - [{clock.nginx()} +0800] "{rng.choice(("GET", "GET", "POST", "PUT"))} ')
    line.add(rng.choice(_PATHS))
    params = [("pii", e) for e in plan.pii] + [("neg", k) for k in plan.negatives]
    if rng.random() < 0.4:
        params.append(("neg", "uuid"))
    rng.shuffle(params)
    for i, (what, item) in enumerate(params):
        line.add("?" if i == 0 else "&")
        if what == "pii":
            add_pii(rng, line, item, "query")
        else:
            add_negative(rng, line, item, "query")
    status = rng.choice((200, 200, 200, 204, 301, 304, 400, 404, 500, 502))
    line.add(f' HTTP/1.1" {status} {rng.randint(0, 90000)} "-" "{rng.choice(_UAS)}"')
    if rng.random() < 0.3:
        line.add(' "')
        line.pii(ipv4(rng), "IP_ADDRESS", "nginx_xff")
        line.add('"')
    line.add(f" {rng.random():.3f}")
    return line


def line_json(rng: random.Random, clock: Clock, plan: Plan) -> Line:
    line = Line("json")
    line.add(f'{{"ts":"{clock.iso()}.{rng.randint(0, 999):03d}+08:00",')
    line.add(f'"level":"{rng.choice(_LEVELS).lower()}","logger":"{rng.choice(_LOGGERS)}",')
    msg = rng.choice(_APP_PII_MSGS[plan.pii[0]]) if plan.pii else rng.choice(_APP_MSGS)
    line.add(f'"msg":"{msg.replace("{n}", _n(rng))}"')
    items = [("pii", e) for e in plan.pii] + [("neg", k) for k in plan.negatives]
    if rng.random() < 0.6:
        items.append(("neg", "trace_id"))
    if rng.random() < 0.3:
        items.append(("neg", "epoch_ms"))
    rng.shuffle(items)
    for what, item in items:
        line.add(",")
        if what == "pii":
            add_pii(rng, line, item, "json")
        else:
            add_negative(rng, line, item, "json")
    line.add(f',"latency_ms":{rng.randint(1, 3000)}}}')
    return line


def line_kv(rng: random.Random, clock: Clock, plan: Plan) -> Line:
    line = Line("kv")
    line.add(f"time={clock.iso()}+08:00 level={rng.choice(_LEVELS).lower()} ")
    msg = rng.choice(_APP_PII_MSGS[plan.pii[0]]) if plan.pii else rng.choice(_APP_MSGS)
    line.add(f'msg="{msg.replace("{n}", _n(rng))}"')
    items = [("pii", e) for e in plan.pii] + [("neg", k) for k in plan.negatives]
    rng.shuffle(items)
    for what, item in items:
        line.add(" ")
        if what == "pii":
            add_pii(rng, line, item, "kv")
        else:
            add_negative(rng, line, item, "kv")
    line.add(f" duration={rng.randint(1, 999)}ms")
    return line


def line_zh(rng: random.Random, clock: Clock, plan: Plan) -> Line:
    line = Line("zh")
    line.add(f"{clock.app()} ")
    if not plan.pii:
        line.add(rng.choice(_ZH_TICKETS).replace("{n}", _n(rng)))
    else:
        line.add(rng.choice(_ZH_PII_LEAD).replace("{n}", _n(rng)))
        for entity in plan.pii:
            add_pii(rng, line, entity, "zh")
    for kind in plan.negatives:
        add_negative(rng, line, kind, "zh")
    return line


LINE_KINDS: dict[str, Callable[[random.Random, Clock, Plan], Line]] = {
    "app": line_app,
    "nginx": line_nginx,
    "json": line_json,
    "kv": line_kv,
    "zh": line_zh,
}


def _pick(rng: random.Random, mix: tuple[tuple[str, float], ...]) -> str:
    r = rng.random()
    for name, share in mix:
        r -= share
        if r < 0:
            return name
    return mix[-1][0]


# --------------------------------------------------------------------------------------
# Labeled corpus
# --------------------------------------------------------------------------------------


def generate_labeled(
    lines: int,
    seed: int = 0,
    *,
    pii_rate: float = 0.6,
    negative_rate: float = 0.6,
    heldout: bool = False,
    vocabulary: str | None = None,
) -> Iterator[dict[str, object]]:
    """Labeled records: ``{"id", "kind", "text", "spans", "negatives"}``.

    ``pii_rate`` of the lines carry one to three labeled values (entities drawn uniformly,
    so rare forms are well represented); ``negative_rate`` carry one or two hard
    negatives; the rest are ordinary log chatter. ``vocabulary`` picks the keys and
    phrases that label values: ``base`` (tuned on), ``heldout`` (written before its first
    measurement, then tuned on) or ``fresh`` (measured once, never tuned on);
    ``heldout=True`` is short for ``vocabulary="heldout"``.
    """
    name = vocabulary or ("heldout" if heldout else "base")
    _ACTIVE["keys"], _ACTIVE["neg_keys"] = VOCABULARIES[name]
    try:
        yield from _generate_labeled(lines, seed, pii_rate, negative_rate)
    finally:
        _ACTIVE["keys"], _ACTIVE["neg_keys"] = _KEYS, {}


def _generate_labeled(
    lines: int, seed: int, pii_rate: float, negative_rate: float
) -> Iterator[dict[str, object]]:
    rng = random.Random(seed)
    clock = Clock(rng)
    for index in range(lines):
        kind = _pick(rng, LABELED_MIX)
        pii: tuple[str, ...] = ()
        if rng.random() < pii_rate:
            count = 1 if rng.random() < 0.7 else rng.randint(2, 3)
            pii = tuple(rng.choice(ENTITIES) for _ in range(count))
        negatives: tuple[str, ...] = ()
        if rng.random() < negative_rate:
            negatives = tuple(rng.choice(_NEG_KINDS) for _ in range(rng.randint(1, 2)))
        line = LINE_KINDS[kind](rng, clock, Plan(pii, negatives))
        yield {
            "id": index,
            "kind": kind,
            "text": line.text(),
            "spans": line.spans,
            "negatives": line.negatives,
        }


# --------------------------------------------------------------------------------------
# Device and location corpus (issue 18): IMSI, DEVICE_ID, GEO_COORDINATES
# --------------------------------------------------------------------------------------
# A separate generator with its own random stream, so the corpus above (and every figure
# measured on it) stays byte for byte what it was. Values come with the keys and words that
# label them in real app logs; look-alikes come with theirs, or with none.

DEVICE_ENTITIES = ("IMSI", "DEVICE_ID", "GEO_COORDINATES")
_MNCS = sorted(reference.IMSI_MNCS)
_ALNUM_UPPER = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ"


def imsi(rng: random.Random) -> str:
    return reference.IMSI_MCC + rng.choice(_MNCS) + _digits(rng, 10)


def device_serial(rng: random.Random) -> str:
    """Apple-like (12), Samsung-like (11), or a hex ro.serialno: letters and digits."""
    roll = rng.random()
    if roll < 0.4:
        body = "".join(rng.choice(_ALNUM_UPPER) for _ in range(11))
        return rng.choice("FCDGH") + body[:3] + str(rng.randint(0, 9)) + body[4:]
    if roll < 0.7:
        return "R" + str(rng.randint(10, 99)) + "".join(rng.choice(_ALNUM_UPPER) for _ in range(8))
    value = hexstr(rng, rng.choice((8, 12)))
    if value.isdigit() or not any(ch.isdigit() for ch in value):
        value = "a" + value[1:-1] + "7"
    return value


def _coordinate(rng: random.Random, lo: float, hi: float) -> str:
    decimals = rng.choice((4, 5, 6, 6, 6))
    return f"{rng.uniform(lo, hi):.{decimals}f}"


def lat_lng(rng: random.Random) -> tuple[str, str]:
    """Mostly in China (lat 18-53, lng 73-135), sometimes anywhere."""
    if rng.random() < 0.8:
        return _coordinate(rng, 18, 53), _coordinate(rng, 73, 135)
    return _coordinate(rng, -89.9, 89.9), _coordinate(rng, -179.9, 179.9)


_DEVICE_KINDS: dict[str, dict[str, tuple[str, ...]]] = {
    "android_id": {
        "json": ("android_id", "androidId", "ANDROID_ID"),
        "kv": ("android_id", "androidid", "ssaid"),
        "zh": ("安卓ID：", "Android ID：", "设备标识："),
    },
    "oaid": {
        "json": ("oaid", "OAID", "device_oaid"),
        "kv": ("oaid", "OAID"),
        "zh": ("OAID：", "匿名设备标识符：", "设备标识："),
    },
    "idfa_idfv": {
        "json": ("idfa", "idfv", "IDFA", "identifierForVendor"),
        "kv": ("idfa", "idfv"),
        "zh": ("IDFA：", "广告标识符：", "IDFV："),
    },
    "serial": {
        "json": ("sn", "serial", "serialNumber", "deviceSn", "serial_no"),
        "kv": ("sn", "serial", "device_sn"),
        "zh": ("设备序列号：", "序列号：", "SN:"),
    },
}
_IMSI_KEYS = {
    "json": ("imsi", "IMSI", "sim_imsi", "imsi1"),
    "kv": ("imsi", "IMSI", "imsi_no"),
    "zh": ("IMSI：", "SIM卡号：", "用户识别码", "国际移动用户识别码："),
}
_GEO_PAIR_KEYS = {
    "json": ("location", "lnglat", "latlng", "coordinate", "gps"),
    "kv": ("location", "coords", "gps", "latlng"),
    "zh": ("经纬度：", "坐标：", "定位：", "位置："),
}
_GEO_SINGLE_KEYS = (
    ("lat", "lng"),
    ("latitude", "longitude"),
    ("lat", "lon"),
    ("gps_lat", "gps_lng"),
)


def _device_value(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(tuple(_DEVICE_KINDS))
    if kind == "android_id":
        value = hexstr(rng, 16)
        value = value if not value.isdigit() else "f" + value[1:]
        return (value.upper() if rng.random() < 0.3 else value), kind
    if kind == "oaid":
        value = uuid4(rng) if rng.random() < 0.7 else hexstr(rng, 64)
        return (value.upper() if rng.random() < 0.3 else value), kind
    if kind == "idfa_idfv":
        return uuid4(rng).upper(), kind
    return device_serial(rng), kind


def _labeled(line: Line, style: str, key: str, value: str, entity: str, form: str) -> None:
    if style == "json":
        line.add(f'"{key}":"')
        line.pii(value, entity, form)
        line.add('"')
    elif style == "kv":
        line.add(f"{key}=")
        line.pii(value, entity, form)
    else:
        line.add(key)
        line.pii(value, entity, form)
        line.add(rng_punct(line))


def rng_punct(line: Line) -> str:
    return ("，", "。", " ", "；")[len(line.parts) % 4]


def add_device_pii(rng: random.Random, line: Line, entity: str, style: str) -> None:
    if entity == "IMSI":
        _labeled(line, style, rng.choice(_IMSI_KEYS[style]), imsi(rng), entity, "imsi")
    elif entity == "DEVICE_ID":
        value, kind = _device_value(rng)
        _labeled(line, style, rng.choice(_DEVICE_KINDS[kind][style]), value, entity, kind)
    elif entity == "GEO_COORDINATES":
        lat, lng = lat_lng(rng)
        if rng.random() < 0.35:  # one finding per number, each after its own key
            lat_key, lng_key = rng.choice(_GEO_SINGLE_KEYS)
            if style == "json":
                line.add(f'"{lat_key}":')
                line.pii(lat, entity, "lat_key")
                line.add(f',"{lng_key}":')
                line.pii(lng, entity, "lng_key")
            elif style == "kv":
                line.add(f"{lat_key}=")
                line.pii(lat, entity, "lat_key")
                line.add(f" {lng_key}=")
                line.pii(lng, entity, "lng_key")
            else:
                line.add("纬度：")
                line.pii(lat, entity, "lat_key")
                line.add("，经度：")
                line.pii(lng, entity, "lng_key")
                line.add("。")
            return
        amap = rng.random() < 0.5  # AMap / Baidu: lng,lat
        sep = rng.choice((",", ", "))
        pair = f"{lng}{sep}{lat}" if amap else f"{lat}{sep}{lng}"
        form = "lng_lat" if amap else "lat_lng"
        key = rng.choice(_GEO_PAIR_KEYS[style])
        if style == "zh" and rng.random() < 0.4:
            line.add(key + "(")
            line.pii(pair, entity, form + "_paren")
            line.add(")")
            return
        _labeled(line, style, key, pair, entity, form)
    elif entity == "IMEI":  # the 15-digit neighbour: an IMEI by its key
        _labeled(line, style, rng.choice(("imei", "IMEI")) if style != "zh" else "IMEI:",
                 imei(rng), entity, "imei15")  # fmt: skip
    elif entity == "CN_RESIDENT_ID":  # a legacy 15-digit ID of Hainan (province 46)
        region = "46" + rng.choice(("0105", "0200", "0300", "9001", "9005"))
        value = region + _birth(rng, 1930, 1985).strftime("%y%m%d") + _digits(rng, 3)
        key = {"json": "id_card", "kv": "idno", "zh": "身份证"}[style]
        _labeled(line, style, key, value, entity, "id15_hainan")
    else:
        raise ValueError(entity)


_DEVICE_NEG_KINDS = (
    "trace_id", "span_id", "request_uuid", "bare_uuid", "session_hex16", "sha256",
    "order_460", "bare_460", "epoch_decimal", "temperature", "price", "latency", "cpu_pair",
    "version", "opted_out", "serial_number_digits", "order_sn", "user_agent", "bare_pair",
)  # fmt: skip


def add_device_negative(rng: random.Random, line: Line, kind: str, style: str) -> None:
    """A look-alike of an IMSI, a device id or coordinates, under its own key (or none)."""
    key: str | None
    if kind == "trace_id":
        key, value = "trace_id", hexstr(rng, 32)
    elif kind == "span_id":
        key, value = rng.choice(("span_id", "spanId", "parent_id")), hexstr(rng, 16)
    elif kind == "request_uuid":
        key, value = rng.choice(("request_id", "requestId", "session_id", "uuid")), uuid4(rng)
    elif kind == "bare_uuid":
        key, value = None, uuid4(rng)
    elif kind == "session_hex16":
        # why: not "token": since issue 19 a token's value is a SECRET, not a look-alike
        key, value = rng.choice(("nonce", "sid", "session")), hexstr(rng, 16)
    elif kind == "sha256":
        key, value = rng.choice(("sha256", "digest", "checksum")), hexstr(rng, 64)
    elif kind == "order_460":
        key, value = rng.choice(("order_id", "trade_no", "订单号")), "460" + _digits(rng, 12)
    elif kind == "bare_460":
        key, value = None, "460" + rng.choice(_MNCS) + _digits(rng, 10)
    elif kind == "epoch_decimal":
        key, value = (
            rng.choice(("ts", "time")),
            f"{rng.randint(1_600_000_000, 1_760_000_000)}.{_digits(rng, 6)}",
        )
    elif kind == "temperature":
        key, value = rng.choice(("temp", "temperature", "温度")), _coordinate(rng, 35.5, 41.5)
    elif kind == "price":
        key, value = rng.choice(("price", "amount", "金额")), _coordinate(rng, 1, 999)
    elif kind == "latency":
        key, value = rng.choice(("latency", "duration", "elapsed")), _coordinate(rng, 0, 90)
    elif kind == "cpu_pair":
        key = rng.choice(("cpu", "load", "ratio"))
        value = f"{_coordinate(rng, 0, 90)},{_coordinate(rng, 0, 90)}"
    elif kind == "version":
        key = rng.choice(("version", "app_ver", "版本"))
        value = f"{rng.randint(1, 12)}.{rng.randint(0, 30)}.{_digits(rng, 4)}"
    elif kind == "opted_out":
        key = rng.choice(("oaid", "idfa", "OAID"))
        value = "00000000-0000-0000-0000-000000000000"
    elif kind == "serial_number_digits":
        key, value = rng.choice(("serial", "sn", "seq")), _digits(rng, rng.randint(10, 18))
    elif kind == "order_sn":
        key = rng.choice(("order_sn", "orderSn", "batch_no"))
        value = "".join(rng.choice(_ALNUM_UPPER) for _ in range(14))
    elif kind == "user_agent":
        key, value = "ua", f"Android {rng.randint(8, 14)}; SM-S{rng.randint(9000, 9999)}"
    elif kind == "bare_pair":
        key, value = None, ",".join(lat_lng(rng))
    else:
        raise ValueError(kind)
    if key is None:
        line.add(rng.choice(("ref ", "id ", "value ")) if style != "json" else '"x":"')
        line.neg(value, kind)
        if style == "json":
            line.add('"')
        return
    if style == "json":
        line.add(f'"{key}":"')
        line.neg(value, kind)
        line.add('"')
    elif style == "kv" or key.isascii():
        line.add(f"{key}=")
        line.neg(value, kind)
    else:
        line.add(key)
        line.neg(value, kind)


_DEVICE_MSGS = ("device register", "ad request", "attach accepted", "checkin", "push bind",
                "heartbeat", "risk check", "install attributed")  # fmt: skip
_DEVICE_ZH = ("客服备注：", "用户反馈：", "风控记录：", "工单#{n} ")


def generate_device_labeled(lines: int, seed: int = 0) -> Iterator[dict[str, object]]:
    """Labeled records for IMSI, DEVICE_ID and GEO_COORDINATES with their look-alikes.

    Same record shape as :func:`generate_labeled`. Positives always carry the key or word
    that labels them (without one these entities are never reported); 15-digit neighbours
    (IMEIs, Hainan legacy IDs) are labeled with their own entity.
    """
    rng = random.Random(seed)
    clock = Clock(rng)
    entities = (*DEVICE_ENTITIES, *DEVICE_ENTITIES, "IMEI", "CN_RESIDENT_ID")
    for index in range(lines):
        style = rng.choice(("json", "kv", "zh"))
        pii: tuple[str, ...] = ()
        if rng.random() < 0.7:
            pii = tuple(rng.choice(entities) for _ in range(rng.randint(1, 3)))
        negatives: tuple[str, ...] = ()
        if rng.random() < 0.7:
            negatives = tuple(rng.choice(_DEVICE_NEG_KINDS) for _ in range(rng.randint(1, 3)))
        items = [("pii", e) for e in pii] + [("neg", k) for k in negatives]
        rng.shuffle(items)
        line = Line(style)
        if style == "json":
            line.add(f'{{"ts":"{clock.iso()}","msg":"{rng.choice(_DEVICE_MSGS)}"')
        elif style == "kv":
            line.add(f'time={clock.iso()} level=info msg="{rng.choice(_DEVICE_MSGS)}"')
        else:
            line.add(f"{clock.app()} " + rng.choice(_DEVICE_ZH).replace("{n}", _n(rng)))
        for what, item in items:
            line.add("," if style == "json" else (" " if style == "kv" else "，"))
            if what == "pii":
                add_device_pii(rng, line, item, style)
            else:
                add_device_negative(rng, line, item, style)
        if style == "json":
            line.add("}")
        yield {
            "id": index,
            "kind": style,
            "text": line.text(),
            "spans": line.spans,
            "negatives": line.negatives,
        }


# --------------------------------------------------------------------------------------
# Throughput file
# --------------------------------------------------------------------------------------

_THROUGHPUT_NEGS = ("order_id", "uuid", "trace_id", "epoch_ms", "snowflake", "version", "price")


def build_pool(size: int, seed: int) -> list[bytes]:
    """``size`` distinct lines in the throughput mix, with clock markers, UTF-8 encoded."""
    rng = random.Random(seed)
    clock = MarkerClock(rng)
    pool: list[bytes] = []
    kinds = [name for name, share in THROUGHPUT_MIX for _ in range(round(share * 100))]
    for index in range(size):
        kind = kinds[index % len(kinds)]
        pii = (rng.choice(ENTITIES),) if index % 5 == 0 else ()
        negs = tuple(rng.choice(_THROUGHPUT_NEGS) for _ in range(rng.randint(0, 2)))
        line = LINE_KINDS[kind](rng, clock, Plan(pii, negs))
        pool.append((line.text() + "\n").encode("utf-8"))
    return pool


def _stamp(block: bytes, when: _dt.datetime) -> bytes:
    app = when.strftime("%Y-%m-%d %H:%M:%S").encode()
    iso = when.strftime("%Y-%m-%dT%H:%M:%S").encode()
    ngx = f"{when.day:02d}/{_MONTHS[when.month - 1]}/{when.year}:{when:%H:%M:%S}".encode()
    return block.replace(b"\x01", app).replace(b"\x02", ngx).replace(b"\x03", iso)


def write_throughput(out, size_bytes: int, seed: int = 1, *, pool_size: int = 50_000) -> int:
    """Write about ``size_bytes`` (whole lines, at least that many) to the binary ``out``.

    Lines are sampled with replacement from a seeded pool of ``pool_size`` distinct lines;
    each block of 400 lines shares one second of a running clock. Returns bytes written.
    """
    pool = build_pool(pool_size, seed)
    rng = random.Random(seed + 1_000_003)
    when = _BASE_TIME
    written = 0
    block_lines = 400
    while written < size_bytes:
        block = _stamp(b"".join(rng.choices(pool, k=block_lines)), when)
        out.write(block)
        written += len(block)
        when += _dt.timedelta(seconds=1)
    return written


_UNITS = {"": 1, "B": 1, "KB": 1000, "K": 1000, "MB": 10**6, "M": 10**6, "GB": 10**9, "G": 10**9}


def parse_size(text: str) -> int:
    """``"200MB"`` → 200_000_000 (decimal units, as MB/s figures use)."""
    stripped = text.strip().upper()
    number = stripped.rstrip("KMGB")
    unit = stripped[len(number) :]
    if unit not in _UNITS or not number:
        raise argparse.ArgumentTypeError(f"size {text!r}: expected e.g. 200MB, 1GB, 5000KB")
    try:
        return int(float(number) * _UNITS[unit])
    except ValueError:
        raise argparse.ArgumentTypeError(f"size {text!r}: not a number") from None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default="-", help="output file (default stdout)")
    parser.add_argument("--labeled", action="store_true", help="labeled JSON Lines for quality")
    parser.add_argument("--lines", type=int, default=20_000, help="labeled mode: line count")
    parser.add_argument("--device", action="store_true",
                        help="labeled mode: IMSI / DEVICE_ID / GEO_COORDINATES")  # fmt: skip
    parser.add_argument("--vocabulary", choices=sorted(VOCABULARIES), default="base",
                        help="labeled mode: which key vocabulary labels the values")  # fmt: skip
    parser.add_argument("--size", type=parse_size, default=parse_size("10MB"),
                        help="throughput mode: bytes to write, e.g. 200MB, 1GB")  # fmt: skip
    parser.add_argument("--pool", type=int, default=50_000, help="throughput mode: distinct lines")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    out = sys.stdout.buffer if args.out == "-" else open(args.out, "wb")  # noqa: SIM115
    try:
        if args.labeled:
            records = (
                generate_device_labeled(args.lines, args.seed)
                if args.device
                else generate_labeled(args.lines, args.seed, vocabulary=args.vocabulary)
            )
            for record in records:
                out.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
            summary = f"{args.lines} labeled lines"
        else:
            written = write_throughput(out, args.size, args.seed, pool_size=args.pool)
            elapsed = time.perf_counter() - started
            rate = written / 1e6 / elapsed
            summary = f"{written / 1e6:.1f} MB in {elapsed:.1f} s ({rate:.0f} MB/s)"
    finally:
        if out is not sys.stdout.buffer:
            out.close()
    if args.out != "-":
        print(f"{args.out}: {summary}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
