"""Entity-level verdicts: is this candidate really a resident ID, a mobile, a card …?

Each validator takes the candidate as it appears in the folded (ASCII) view, compacts it
(drops separators and prefixes), applies the hard rules of DESIGN §3 and returns a
:class:`Verdict` with three answers: valid, invalid, or can't tell. Soft facts (a retired
county code, a broadcast MAC) only adjust the score. Validators never raise.
"""

from __future__ import annotations

import datetime as _dt
import functools
import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pimask import checksums, reference

Status = Literal["valid", "invalid", "unknown"]


@dataclass(frozen=True, slots=True)
class Verdict:
    """A validator's answer. ``reason`` is a short code, never the value itself."""

    status: Status
    reason: str
    score_adjust: float = 0.0

    @property
    def rejected(self) -> bool:
        return self.status == "invalid"


Validator = Callable[[str], Verdict]

_INVALID_INPUT = Verdict("invalid", "not_text")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@functools.cache
def _deletion_table(drop: str) -> dict[int, None]:
    return dict.fromkeys(map(ord, drop))


def _compact(value: str, drop: str) -> str:
    # why: str.translate deletes in C; most values have no separator to drop at all
    return value.translate(_deletion_table(drop))


def _real_date(year: int, month: int, day: int, today: _dt.date) -> bool:
    try:
        date = _dt.date(year, month, day)
    except ValueError:
        return False
    return _dt.date(1900, 1, 1) <= date <= today


# What the groupings of cn_resident_id.yaml / bank_card.yaml put between digit groups.
ID_SEPARATORS = " -./\t\u2014"
CARD_SEPARATORS = " -./\t\u2014"


def cn_resident_id(value: str, *, today: _dt.date | None = None) -> Verdict:
    """GB 11643-1999: province code, real birth date ≤ today, MOD 11-2 check (18 digits).

    15-digit legacy numbers (pre-1999, birth year 19YY, no check digit) get the province
    and date rules only and say so in the reason.
    """
    if not isinstance(value, str):
        return _INVALID_INPUT
    today = today or _dt.date.today()
    number = _compact(value, ID_SEPARATORS)
    if len(number) == 18:
        if not checksums.is_ascii_digits(number[:17]) or number[17] not in "0123456789Xx":
            return Verdict("invalid", "not_digits")
        if number[:2] not in reference.PROVINCES:
            return Verdict("invalid", "province_code")
        if not _real_date(int(number[6:10]), int(number[10:12]), int(number[12:14]), today):
            return Verdict("invalid", "birth_date")
        if not checksums.gb11643_is_valid(number):
            return Verdict("invalid", "check_digit")
        return Verdict("valid", "mod11_2")
    if len(number) == 15:
        if not checksums.is_ascii_digits(number):
            return Verdict("invalid", "not_digits")
        if number[:2] not in reference.PROVINCES:
            return Verdict("invalid", "province_code")
        year = 1900 + int(number[6:8])
        if not _real_date(year, int(number[8:10]), int(number[10:12]), today):
            return Verdict("invalid", "birth_date")
        return Verdict("valid", "legacy15_no_checksum")
    return Verdict("invalid", "length")


# What the groupings of cn_mobile.yaml put between digits (the validator drops them all).
MOBILE_SEPARATORS = " -()./\t\u2014"


def _mobile_digits(value: str) -> str:
    digits = _compact(value, MOBILE_SEPARATORS + "+")
    if len(digits) == 15 and digits.startswith("0086"):
        return digits[4:]
    if len(digits) == 13 and digits.startswith("86"):
        return digits[2:]
    return digits


def cn_mobile(value: str) -> Verdict:
    """Mainland mobile: 11 digits in an allocated segment, with optional +86/0086 prefix."""
    if not isinstance(value, str):
        return _INVALID_INPUT
    digits = _mobile_digits(value)
    if len(digits) != 11 or not checksums.is_ascii_digits(digits):
        return Verdict("invalid", "length")
    if digits[:3] not in reference.MOBILE_SEGMENTS:
        return Verdict("invalid", "unallocated_segment")
    prefixed = len(_compact(value, MOBILE_SEPARATORS)) > 11
    return Verdict("valid", "allocated_segment", 0.1 if prefixed else 0.0)


def card_network(digits: str) -> str | None:
    """Name of the card network whose IIN prefix and length fit ``digits``, else None."""
    best: tuple[int, str] | None = None
    for prefix, name, lengths in reference.CARD_NETWORKS:
        if (
            digits.startswith(prefix)
            and len(digits) in lengths
            and (best is None or len(prefix) > best[0])
        ):
            best = (len(prefix), name)
    return best[1] if best else None


def bank_card(value: str) -> Verdict:
    """13-19 digits, Luhn, and an issuer prefix plausible for that length."""
    if not isinstance(value, str):
        return _INVALID_INPUT
    digits = _compact(value, CARD_SEPARATORS)
    if not 13 <= len(digits) <= 19 or not checksums.is_ascii_digits(digits):
        return Verdict("invalid", "length")
    if card_network(digits) is None:
        return Verdict("invalid", "issuer_prefix")
    if not checksums.luhn_is_valid(digits):
        return Verdict("invalid", "luhn")
    if digits[:6] in reference.CN_BINS:
        return Verdict("valid", "luhn_known_cn_bin", 0.1)
    return Verdict("valid", "luhn")


def imei(value: str) -> Verdict:
    """IMEI (15 digits, Luhn) or IMEISV (16 digits, no check digit: can't tell)."""
    if not isinstance(value, str):
        return _INVALID_INPUT
    digits = _compact(value, " -/")
    if not checksums.is_ascii_digits(digits):
        return Verdict("invalid", "not_digits")
    known_body = digits[:2] in reference.IMEI_REPORTING_BODIES
    adjust = 0.0 if known_body else -0.2
    if len(digits) == 15:
        if not checksums.luhn_is_valid(digits):
            return Verdict("invalid", "luhn")
        return Verdict("valid", "luhn", adjust)
    if len(digits) == 16:
        return Verdict("unknown", "imeisv_no_checksum", adjust)
    return Verdict("invalid", "length")


def mac_address(value: str) -> Verdict:
    """Six octets; broadcast and all-zero addresses are real MACs but not personal."""
    if not isinstance(value, str):
        return _INVALID_INPUT
    hexdigits = _compact(value, ":-.").lower()
    if len(hexdigits) != 12 or any(ch not in "0123456789abcdef" for ch in hexdigits):
        return Verdict("invalid", "octets")
    if hexdigits in ("ffffffffffff", "000000000000"):
        # why: not personal; low enough that even a "mac=" key cannot lift it to 0.5
        return Verdict("valid", "broadcast_or_zero", -0.7)
    if hexdigits.isdigit():
        # why: a bare 12-digit decimal number is far more often a counter than a MAC.
        return Verdict("valid", "decimal_only", -0.2)
    return Verdict("valid", "octets")


def email(value: str) -> Verdict:
    """Practical RFC 5322 subset; the domain needs a dot and a plausible TLD.

    ``#`` written for ``@`` (zhangsan#example.com) is accepted when there is no ``@``.
    """
    if not isinstance(value, str):
        return _INVALID_INPUT
    separator = "@" if "@" in value else "#"
    if value.count(separator) != 1:
        return Verdict("invalid", "no_at")
    local, domain = value.split(separator)
    if not 0 < len(local) <= 64 or local[0] == "." or local[-1] == "." or ".." in local:
        return Verdict("invalid", "local_part")
    labels = domain.split(".")
    if len(labels) < 2 or any(not label or len(label) > 63 for label in labels):
        return Verdict("invalid", "domain")
    if any(label.startswith("-") or label.endswith("-") for label in labels):
        return Verdict("invalid", "domain")
    tld = labels[-1]
    if tld.isascii():
        if not (tld.isalpha() and 2 <= len(tld) <= 24) and not tld.lower().startswith("xn--"):
            return Verdict("invalid", "tld")
    elif tld not in reference.IDN_TLDS:
        return Verdict("invalid", "tld")
    return Verdict("valid", "domain_tld" if separator == "@" else "hash_for_at")


_IPV4_VALID = Verdict("valid", "ipv4")


_OCTET = r"(?:25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])"
_DOTTED_QUAD = re.compile(rf"{_OCTET}(?:\.{_OCTET}){{3}}")


def is_dotted_quad(candidate: str) -> bool:
    """Exactly what ``ipaddress.IPv4Address`` accepts: four 0-255 parts, no leading zeros."""
    return _DOTTED_QUAD.fullmatch(candidate) is not None


def ip_address(value: str) -> Verdict:
    """Parses as IPv4 or IPv6 (stdlib ``ipaddress``); short compressed IPv6 scores lower."""
    if not isinstance(value, str):
        return _INVALID_INPUT
    candidate = value.split("%", 1)[0]
    if is_dotted_quad(candidate):
        return _IPV4_VALID  # why: the common case, decided without building an address
    try:
        address = ipaddress.ip_address(candidate)
    except ValueError:
        return Verdict("invalid", "does_not_parse")
    if address.version == 4:
        return _IPV4_VALID
    groups = [g for g in candidate.split(":") if g]
    group_count = len(groups) + (1 if groups and "." in groups[-1] else 0)
    if group_count < 3:
        # why: "a::b", "d::" (from std::) or "dead::beef" parse but are usually code or words.
        return Verdict("valid", "ipv6_short", -0.4)
    return Verdict("valid", "ipv6")


def imsi(value: str) -> Verdict:
    """Mainland IMSI: 15 digits, MCC 460 and an assigned Chinese MNC (then a 10-digit MSIN).

    There is no check digit: the MCC/MNC rule is all a validator can say, so the recognizer
    reports an IMSI only with context (15-digit runs are IMEIs, legacy IDs, order ids …).
    """
    if not isinstance(value, str):
        return _INVALID_INPUT
    if not checksums.is_ascii_digits(value):
        return Verdict("invalid", "not_digits")
    if len(value) != 15:
        return Verdict("invalid", "length")
    if value[:3] != reference.IMSI_MCC:
        return Verdict("invalid", "mcc")
    if value[3:5] not in reference.IMSI_MNCS:
        return Verdict("invalid", "mnc")
    return Verdict("valid", "mcc_mnc")


_HEX_DIGITS = frozenset("0123456789abcdefABCDEF")


def _is_hex(text: str) -> bool:
    return bool(text) and all(ch in _HEX_DIGITS for ch in text)


def device_id(value: str) -> Verdict:
    """Device identifiers by shape: UUID (OAID, IDFA, IDFV), 16 hex (Android ID), 64 hex
    (OAID), or an 8-20 character alphanumeric serial number mixing letters and digits.

    The all-zero UUID / hex id is what a device reports when the user opted out of ad
    tracking: not personal. The reason names the shape; the pattern names the kind.
    """
    if not isinstance(value, str):
        return _INVALID_INPUT
    if len(value) == 36 and value[8] == value[13] == value[18] == value[23] == "-":
        body = value[:8] + value[9:13] + value[14:18] + value[19:23] + value[24:]
        if not _is_hex(body):
            return Verdict("invalid", "not_hex")
        if body.count("0") == len(body):
            return Verdict("invalid", "opted_out")
        return Verdict("valid", "uuid")
    if not (value.isascii() and value.isalnum()):
        return Verdict("invalid", "charset")
    if value.isdigit():
        # why: "serial=12516631822636" is a sequence number in most logs; device serials
        # mix letters and digits, and a random 16-hex Android ID is all digits once in 1,800
        return Verdict("invalid", "no_letter")
    if len(value) in (16, 64) and _is_hex(value):
        if value.count("0") == len(value):
            return Verdict("invalid", "opted_out")
        return Verdict("valid", "hex16" if len(value) == 16 else "hex64")
    if not 8 <= len(value) <= 20:
        return Verdict("invalid", "length")
    if not any(ch in "0123456789" for ch in value):
        return Verdict("invalid", "no_digit")
    return Verdict("valid", "serial")


def _geo_number(text: str) -> tuple[int, str] | None:
    """``(whole degrees, decimals)`` of ``-?D{1,3}.D{4,}``, or None for another shape."""
    if text.startswith("-"):
        text = text[1:]
    whole, dot, decimals = text.partition(".")
    if (
        not dot
        or not 1 <= len(whole) <= 3
        or not checksums.is_ascii_digits(whole)
        or len(decimals) < 4
        or not checksums.is_ascii_digits(decimals)
    ):
        return None
    return int(whole), decimals


def _within(number: tuple[int, str], limit: int) -> bool:
    whole, decimals = number
    return whole < limit or (whole == limit and decimals.count("0") == len(decimals))


def geo_coordinates(value: str) -> Verdict:
    """Decimal degrees: one number (|v| ≤ 180, found with a lat/lng key) or a pair in either
    order (lat,lng or lng,lat as AMap and Baidu write it: a value above 90 is the longitude).

    Compared on the digits, never as floats, so both engines agree exactly. 0,0 is the
    default of a missing fix, not a place. A pair scores 0.1 more than one number: it is a
    place by its shape, where one number needs its own lat/lng key.
    """
    if not isinstance(value, str):
        return _INVALID_INPUT
    parts = value.split(",")
    if len(parts) > 2:
        return Verdict("invalid", "shape")
    numbers = []
    for index, part in enumerate(parts):
        if index == 1 and part.startswith(" "):
            part = part[1:]
        number = _geo_number(part)
        if number is None:
            return Verdict("invalid", "shape")
        numbers.append(number)
    if all(_within(number, 0) for number in numbers):
        return Verdict("invalid", "zero")
    if len(numbers) == 1:
        if _within(numbers[0], 180):
            return Verdict("valid", "single")
        return Verdict("invalid", "range")
    first, second = numbers
    if _within(first, 90) and _within(second, 180):
        return Verdict("valid", "lat_lng", 0.1)
    if _within(first, 180) and _within(second, 90):
        return Verdict("valid", "lng_lat", 0.1)
    return Verdict("invalid", "range")


_MASK_CHARS = frozenset("*#xX•·?.-_")
_PLACEHOLDERS = frozenset(
    {"null", "none", "nil", "undefined", "true", "false", "empty", "redacted", "masked",
     "hidden", "removed", "filtered", "omitted"}
)  # fmt: skip
_TEMPLATE_STARTS = ("<", "[", "{", "${", "$(", "%s", "%(", "%d")


_IDENTIFIER = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_$."
)


def _object_repr(value: str) -> bool:
    """A program's object, not a secret: ``Token{a64f992 …`` (Android's toString) or
    ``android.os.BinderProxy@2bd79ce`` (Java's class@identity-hash), seen on LogHub."""
    if not (value[0].isascii() and value[0].isalpha()):
        return False
    brace = value.find("{")
    if brace > 0 and all(ch in _IDENTIFIER for ch in value[:brace]):
        return True
    name, at, code = value.rpartition("@")
    return (
        bool(at)
        and "." in name
        and all(ch in _IDENTIFIER for ch in name)
        and 1 <= len(code) <= 8
        and all(ch in "0123456789abcdef" for ch in code)
    )


def secret(value: str) -> Verdict:
    """A key's value that is a secret, not a stand-in for one.

    The key already said "secret"; what is left to refuse is a value that holds none: mask
    characters (``******``, what a mask left), a placeholder word (``null``, ``redacted``),
    a template or tag (``${DB_PASSWORD}``, ``{{token}}``, ``%s``, ``<SECRET>``: what pimask's
    own tag and redact write, so masked output does not rescan as a secret).
    """
    if not isinstance(value, str) or not value:
        return _INVALID_INPUT
    if all(ch in _MASK_CHARS for ch in value):
        return Verdict("invalid", "masked")
    if value.translate(_ASCII_LOWER) in _PLACEHOLDERS:
        return Verdict("invalid", "placeholder")
    if value.startswith(_TEMPLATE_STARTS):
        return Verdict("invalid", "template")
    if _object_repr(value):
        return Verdict("invalid", "object")
    return Verdict("valid", "value")


def cn_uscc(value: str) -> Verdict:
    """统一社会信用代码 (GB 32100-2015): 18 characters of the 31-character alphabet, a
    registration authority and organisation type the standard defines (first two), a 6-digit
    region code, and the MOD 31 check character over the first 17.

    Two soft facts move the score: the organisation code inside it (characters 9-17) has
    its own GB 11714 check, which the code of every organisation registered before 2015
    passes (newer ``MA…`` codes mostly do not), and an all-digit value is more often an
    order or snowflake id than a code: either way the recognizer's context decides.
    """
    if not isinstance(value, str):
        return _INVALID_INPUT
    if len(value) != 18:
        return Verdict("invalid", "length")
    if value[:2] not in reference.USCC_TYPES:
        return Verdict("invalid", "registration_code")
    if not checksums.is_ascii_digits(value[2:8]):
        return Verdict("invalid", "region_code")
    if not checksums.gb32100_is_valid(value):
        return Verdict("invalid", "check_character")
    adjust = 0.0
    if not checksums.gb11714_is_valid(value[8:17]):
        adjust -= 0.15
    if checksums.is_ascii_digits(value):
        adjust -= 0.2
    return Verdict("valid", "mod31", round(adjust, 4))


def cn_travel_permit(value: str) -> Verdict:
    """Travel permits have no check digit; the one soft fact is that an 8-digit 台胞证
    number that reads as a date (19xx/20xx, month 01-12, day 01-31) is more often a date:
    it needs its key, a word further back is not enough."""
    if not isinstance(value, str):
        return _INVALID_INPUT
    if (
        len(value) == 8
        and checksums.is_ascii_digits(value)
        and value[:2] in ("19", "20")
        and 1 <= int(value[4:6]) <= 12
        and 1 <= int(value[6:8]) <= 31
    ):
        return Verdict("valid", "date_like", -0.1)
    return Verdict("valid", "shape")


# What a plate may carry between its authority letter and serial (京A·12345, 京A 12345).
PLATE_SEPARATORS = " -.\u00b7\u30fb\u2022"


def cn_license_plate(value: str) -> Verdict:
    """Mainland license plate (GA 36-2018): the recognizer's regex spells the shape out
    (province, authority letter, serial without I/O, new-energy D/F positions, 警/学/挂/领/
    港/澳/使); what is left is the serial rule that a 5-character serial holds at most two
    letters, so 京ABCDE-like words are refused."""
    if not isinstance(value, str):
        return _INVALID_INPUT
    plate = _compact(value, PLATE_SEPARATORS)
    if len(plate) < 7:
        return Verdict("invalid", "length")
    if plate[0] == "使":
        return Verdict("valid", "embassy")
    letters = sum(1 for ch in plate[2:] if "A" <= ch <= "Z")
    if letters > 2:
        return Verdict("invalid", "serial_letters")
    return Verdict("valid", "shape")


# --- landlines, service numbers, WeChat ids (issue 19 part D) -------------------------
# Words that start a landline's extension (转8001, ext. 8001, x8001, #8001, 分机8001), as
# the folded view spells them; the validator reads them ASCII-case-insensitively.
LANDLINE_EXTENSION_MARKS = ("转", "分机", "ext", "x", "#")
_DIGIT_RUN = re.compile(r"[0-9]+")


def _landline_local_ok(area: str, local: str) -> bool:
    """A local number fits its area code: 8 digits after 010/02X, 7 or 8 after the rest,
    never starting 0 or 1 (0 is the trunk prefix, 1 starts service and mobile numbers)."""
    lengths = (8,) if len(area) == 3 else (7, 8)
    return len(local) in lengths and local[0] not in "01"


def cn_landline(value: str) -> Verdict:
    """Mainland landline: a real area code (reference.CN_AREA_CODES) + 7-8 digit local number.

    The value is read as digit groups: a country code (``+86``, ``0086``, ``86-``) is
    dropped and the trunk ``0`` restored; an extension after a word (转, ext, x, #) is cut
    off; a trailing ``-8001`` is an extension only when the groups before it already make
    a whole number (``0755-2345678-8001``), so ``010-8765-4321`` stays one number.
    """
    if not isinstance(value, str) or not value:
        return _INVALID_INPUT
    lowered = value.translate(_ASCII_LOWER)
    cut = len(value)
    for mark in LANDLINE_EXTENSION_MARKS:
        index = lowered.find(mark)
        if 0 <= index < cut:
            cut = index
    head = value[:cut]
    groups = _DIGIT_RUN.findall(head)
    if not groups:
        return Verdict("invalid", "not_digits")
    if head.startswith("+"):
        if not groups[0].startswith("86"):
            return Verdict("invalid", "country_code")
        groups[0] = groups[0][2:]
        if not groups[0]:
            groups.pop(0)
    elif len(groups) > 1 and groups[0] in ("86", "0086"):
        groups.pop(0)
    if not groups:
        return Verdict("invalid", "length")
    if not groups[0].startswith("0"):
        groups[0] = "0" + groups[0]
    national = "".join(groups)
    if len(national) < 4:
        return Verdict("invalid", "length")
    area = national[:3] if national[1] in "12" else national[:4]
    if area not in reference.CN_AREA_CODES:
        return Verdict("invalid", "area_code")
    if _landline_local_ok(area, national[len(area) :]):
        return Verdict("valid", "area_code")
    if cut == len(value) and len(groups) >= 3 and len(groups[-1]) <= 6:
        shorter = "".join(groups[:-1])
        if _landline_local_ok(area, shorter[len(area) :]):
            return Verdict("valid", "area_code_extension")
    return Verdict("invalid", "length")


def cn_service_number(value: str) -> Verdict:
    """A company's service number: 400/800 + 7 digits, 95xxx/96xxx (5-6 digits), 100xx
    carrier and 12xxx public-service numbers (5 digits). No check digit exists."""
    if not isinstance(value, str):
        return _INVALID_INPUT
    digits = _compact(value, " -")
    if not checksums.is_ascii_digits(digits):
        return Verdict("invalid", "not_digits")
    if len(digits) == 10 and digits[:3] in ("400", "800"):
        return Verdict("valid", "toll_free")
    if len(digits) in (5, 6) and digits[:2] in ("95", "96"):
        return Verdict("valid", "short_number")
    if len(digits) == 5 and (digits.startswith("100") or digits.startswith("12")):
        return Verdict("valid", "short_number")
    return Verdict("invalid", "length")


_WECHAT_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-")
# What settings and logs write after a WeChat key instead of an id.
_WECHAT_PLACEHOLDERS = frozenset(
    {"enabled", "disabled", "unbound", "unknown", "undefined", "default", "hidden",
     "private", "notset", "not_set", "missing", "invalid", "pending", "bound", "nobody",
     "success", "succeeded", "failed", "failure", "error", "timeout", "expired", "cancelled",
     "canceled", "callback", "payment", "refund"}
)  # fmt: skip


def wechat_id(value: str) -> Verdict:
    """WeChat id (微信号): 6-20 characters, a letter first, then letters, digits, _ or -.

    The shape is the only rule WeChat publishes; the recognizer reads it only after a
    WeChat key, and a settings word there (``wechat: enabled``) is not an id.
    """
    if not isinstance(value, str):
        return _INVALID_INPUT
    if not 6 <= len(value) <= 20:
        return Verdict("invalid", "length")
    if not value[0].isascii() or not value[0].isalpha():
        return Verdict("invalid", "first_character")
    if any(ch not in _WECHAT_CHARS for ch in value):
        return Verdict("invalid", "character")
    if value.translate(_ASCII_LOWER) in _WECHAT_PLACEHOLDERS:
        return Verdict("invalid", "placeholder")
    return Verdict("valid", "shape")


VALIDATORS: dict[str, Validator] = {
    "cn_resident_id": cn_resident_id,
    "cn_mobile": cn_mobile,
    "bank_card": bank_card,
    "imei": imei,
    "mac_address": mac_address,
    "email": email,
    "ip_address": ip_address,
    "imsi": imsi,
    "device_id": device_id,
    "geo_coordinates": geo_coordinates,
    "secret": secret,
    "cn_uscc": cn_uscc,
    "cn_license_plate": cn_license_plate,
    "cn_travel_permit": cn_travel_permit,
    "cn_landline": cn_landline,
    "cn_service_number": cn_service_number,
    "wechat_id": wechat_id,
}


def run(name: str, value: str) -> Verdict:
    """Run the named validator, turning any unexpected exception into 'invalid'.

    Validators are written not to raise; this is the last line of defence so that one
    odd input can never stop a log pipeline.
    """
    try:
        return VALIDATORS[name](value)
    except Exception:  # why: a validator bug must not kill the stream
        return Verdict("invalid", "validator_error")
