"""Hypothesis strategies for synthetic, checksum-valid personal data in its written forms."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from pimask import checksums, reference

DIGITS = "0123456789"
HEX = "0123456789abcdef"

# Noise that may touch a value without joining it: 汉字, full-width punctuation, spaces.
CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
PUNCT = st.sampled_from(list("，。；！？（）【】《》、 \t"))
NOISE = st.text(alphabet=st.one_of(CJK, PUNCT), max_size=12)

CONTEXT_WORDS = {
    "CN_RESIDENT_ID": ["身份证号", "证件号码", "身份证"],
    "CN_MOBILE": ["手机号", "联系电话", "手机"],
    "BANK_CARD": ["银行卡号", "卡号", "借记卡"],
    "IMEI": ["IMEI", "串号", "设备串号"],
    "MAC_ADDRESS": ["MAC地址", "网卡", "物理地址"],
    "EMAIL": ["邮箱", "电子邮件", "邮件"],
    "IP_ADDRESS": ["登录IP", "来源", "IP地址"],
    "IMSI": ["IMSI", "SIM卡IMSI", "用户识别码"],
    "DEVICE_ID": ["设备标识", "设备标识符"],
    "GEO_COORDINATES": ["经纬度", "坐标", "定位"],
}


def to_fullwidth(value: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in value)


def _digits(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=DIGITS, min_size=n, max_size=n)


@st.composite
def resident_ids(draw) -> str:
    province = draw(st.sampled_from(sorted(reference.PROVINCES)))
    region = province + draw(_digits(4))
    born = draw(st.dates(dt.date(1900, 1, 1), dt.date.today()))
    first17 = region + born.strftime("%Y%m%d") + draw(_digits(3))
    check = checksums.gb11643_check_char(first17)
    if check == "X" and draw(st.booleans()):
        check = "x"
    return first17 + check


@st.composite
def mobiles(draw) -> str:
    number = draw(st.sampled_from(sorted(reference.MOBILE_SEGMENTS))) + draw(_digits(8))
    form = draw(st.sampled_from(["plain", "spaces", "hyphens", "+86", "+86 ", "0086", "(+86)"]))
    if form == "spaces":
        return f"{number[:3]} {number[3:7]} {number[7:]}"
    if form == "hyphens":
        return f"{number[:3]}-{number[3:7]}-{number[7:]}"
    if form == "plain":
        return number
    return form + number


@st.composite
def bank_cards(draw) -> str:
    bin6 = draw(st.sampled_from(sorted(b for b in reference.CN_BINS if b.startswith("62"))))
    length = draw(st.sampled_from([16, 19]))
    payload = bin6 + draw(_digits(length - 7))
    number = payload + checksums.luhn_check_digit(payload)
    if draw(st.booleans()):
        return " ".join(number[i : i + 4] for i in range(0, len(number), 4))
    return number


@st.composite
def imeis(draw) -> str:
    payload = draw(st.sampled_from(["35", "86", "01", "49"])) + draw(_digits(12))
    number = payload + checksums.luhn_check_digit(payload)
    if draw(st.booleans()):
        return f"{number[:2]}-{number[2:8]}-{number[8:14]}-{number[14]}"
    return number


@st.composite
def macs(draw) -> str:
    octets = draw(st.lists(st.text(alphabet=HEX, min_size=2, max_size=2), min_size=6, max_size=6))
    if "".join(octets) in ("000000000000", "ffffffffffff"):
        octets[5] = "5a"
    if draw(st.booleans()):
        octets = [o.upper() for o in octets]
    form = draw(st.sampled_from([":", "-", "."]))
    if form == ".":
        joined = "".join(octets)
        return ".".join(joined[i : i + 4] for i in range(0, 12, 4))
    return form.join(octets)


@st.composite
def emails(draw) -> str:
    local = draw(st.from_regex(r"[a-z][a-z0-9]{0,8}(?:[._][a-z0-9]{1,6})?", fullmatch=True))
    domain = draw(st.from_regex(r"[a-z][a-z0-9]{1,10}", fullmatch=True))
    tld = draw(st.sampled_from(["com", "cn", "com.cn", "org", "net"]))
    return f"{local}@{domain}.{tld}"


@st.composite
def ipv4s(draw) -> str:
    octets = draw(st.lists(st.integers(0, 255), min_size=4, max_size=4))
    octets[0] = max(octets[0], 1)
    return ".".join(map(str, octets))


@st.composite
def ipv6s(draw) -> str:
    groups = draw(st.lists(st.integers(0, 0xFFFF), min_size=8, max_size=8))
    groups[0] = max(groups[0], 0x2001)
    text = ":".join(f"{g:x}" for g in groups)
    shape = draw(st.sampled_from(["full", "compressed", "embedded_ipv4"]))
    if shape == "compressed":
        return f"{groups[0]:x}:{groups[1]:x}::{groups[6]:x}:{groups[7]:x}"
    if shape == "embedded_ipv4":
        return ":".join(f"{g:x}" for g in groups[:6]) + ":" + draw(ipv4s())
    return text


@st.composite
def imsis(draw) -> str:
    mnc = draw(st.sampled_from(sorted(reference.IMSI_MNCS)))
    return reference.IMSI_MCC + mnc + draw(_digits(10))


def _hex(n: int) -> st.SearchStrategy[str]:
    return st.text(alphabet=HEX, min_size=n, max_size=n)


@st.composite
def device_ids(draw) -> str:
    """Android ID (16 hex), OAID / IDFA / IDFV (UUID, either case), OAID (64 hex), serial."""
    kind = draw(st.sampled_from(["android_id", "uuid", "hex64", "serial"]))
    if kind == "android_id":
        value = draw(_hex(16))
    elif kind == "uuid":
        h = draw(_hex(32))
        value = f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    elif kind == "hex64":
        value = draw(_hex(64))
    else:
        # why: 12+ characters, so that no ASCII context word glued behind it plus what a mask
        # keeps of the next value ("IMEI" + 8 digits) forms a new serial-sized token
        value = draw(st.from_regex(r"[A-Z][A-Z0-9]{9,12}[0-9][A-Z0-9]{1,4}", fullmatch=True))
    if value.replace("-", "").isdigit():  # all zero: opted out; all digits: a counter
        value = "a" + value[1:]
    return value.upper() if draw(st.booleans()) else value


def _degrees(limit: int) -> st.SearchStrategy[str]:
    return st.builds(
        lambda whole, decimals, negative: ("-" if negative else "") + f"{whole}.{decimals}",
        st.integers(0, limit - 1),
        st.text(alphabet=DIGITS, min_size=4, max_size=7).filter(lambda d: d.strip("0")),
        st.booleans(),
    )


@st.composite
def geo_coordinates(draw) -> str:
    """A lat,lng or lng,lat pair (AMap / Baidu order). A single number is a coordinate only
    as the value of a lat/lng key, so it is not among the values found after any word."""
    lat, lng = draw(_degrees(90)), draw(_degrees(180))
    separator = draw(st.sampled_from([",", ", "]))
    return f"{lat}{separator}{lng}" if draw(st.booleans()) else f"{lng}{separator}{lat}"


VALUES = {
    "CN_RESIDENT_ID": resident_ids(),
    "CN_MOBILE": mobiles(),
    "BANK_CARD": bank_cards(),
    "IMEI": imeis(),
    "MAC_ADDRESS": macs(),
    "EMAIL": emails(),
    "IP_ADDRESS": st.one_of(ipv4s(), ipv6s()),
    "IMSI": imsis(),
    "DEVICE_ID": device_ids(),
    "GEO_COORDINATES": geo_coordinates(),
}


# issue 19 part C: documents (kept apart from VALUES: they are found only with their word)
@st.composite
def passports(draw) -> str:
    """E/G + 8 digits, E + a letter (no I/O) + 7 digits, D/S/P(+E) + 7 digits."""
    kind = draw(st.sampled_from(["e8", "g8", "letter", "official"]))
    if kind in ("e8", "g8"):
        return kind[0].upper() + draw(_digits(8))
    if kind == "letter":
        return "E" + draw(st.sampled_from("ABCDEFGHJKLMNPQRSTUVWXYZ")) + draw(_digits(7))
    return draw(st.sampled_from(["D", "S", "P", "DE", "SE", "PE"])) + draw(_digits(7))


@st.composite
def travel_permits(draw) -> str:
    """往来港澳通行证 C/W + 8, 回乡证 H/M + 8-10 digits, 台胞证 8 digits."""
    kind = draw(st.sampled_from(["c", "w", "hm", "mtp"]))
    if kind in ("c", "w"):
        return kind.upper() + draw(_digits(8))
    if kind == "hm":
        return draw(st.sampled_from("HM")) + draw(_digits(draw(st.integers(8, 10))))
    return draw(_digits(8))


DOCUMENT_VALUES = {"CN_PASSPORT": passports(), "CN_TRAVEL_PERMIT": travel_permits()}
