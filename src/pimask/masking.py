"""Display masking (展示脱敏): keep enough of a value for a person to recognise it.

These are the default display rules used by :func:`pimask.mask`. Separators and prefixes
stay where they were (``+86 139-****-5678``, ``6222 02** **** ***0 128``), so the masked
text keeps its layout. The defaults follow hutool's ``DesensitizedUtil`` where it has a
rule (mobile 3+4, ID card front 1 + end 2, bank card first 6 + last 4) and keep only
non-personal parts otherwise (the domain of an email, the network of an IP, the vendor
OUI of a MAC, the model TAC of an IMEI).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from dataclasses import dataclass

from pimask.ner.address import mask_address
from pimask.ner.person import mask_person
from pimask.normalize import DROPPED, fold, through_escapes
from pimask.validators import is_dotted_quad

MASK_CHAR = "*"
_DIGITS_HIDDEN = str.maketrans("0123456789", MASK_CHAR * 10)
_MOBILE_PREFIX = re.compile(r"^(?:\+86|0086|\(\+?86\))[ -]?")


# why: every character is masked except layout: whitespace and the separators values are
# written with (+86 139-…, 3C:22:…, a.b@c.d) in ASCII and full-width form. 汉字 are masked
# too, so a zero-keep mask of a Chinese name or a custom entity leaves no fragment.
# Invisible characters (normalize.DROPPED) are layout as well: they never take the place of
# a kept or masked digit.
_MASKABLE = re.compile(
    r"[^\s\-.:/_@()+,－．：／＿＠（）＋，" + "".join(sorted(DROPPED)) + "]"
)


def mask_middle(value: str, keep_first: int, keep_last: int, char: str = MASK_CHAR) -> str:
    """Mask the alphanumeric characters of ``value`` except the first/last few.

    Separators (spaces, hyphens, colons, dots) are not counted and stay in place.

    >>> mask_middle("6222 0212 3456 7890 128", 6, 4)
    '6222 02** **** ***0 128'
    >>> mask_middle("abc", 2, 2)
    '***'
    """
    if value.isascii() and value.isalnum():
        # why: the common case (digits of a phone, an ID, an IMEI) needs no regex
        hidden = len(value) - keep_first - keep_last
        if hidden <= 0:
            return char * len(value)
        return value[:keep_first] + char * hidden + value[len(value) - keep_last :]
    positions = [match.start() for match in _MASKABLE.finditer(value)]
    if len(positions) > keep_first + keep_last:
        positions = positions[keep_first : len(positions) - keep_last]
    # else: revealing everything because the value is short would defeat masking.
    chars = list(value)
    for index in positions:
        chars[index] = char
    return "".join(chars)


def mask_mobile(value: str) -> str:
    prefix = _MOBILE_PREFIX.match(fold(value))  # fold: the prefix may be full-width (＋８６)
    cut = prefix.end() if prefix else 0
    return value[:cut] + mask_middle(value[cut:], 3, 4)


def mask_email(value: str) -> str:
    """``zhang.san@example.com`` → ``z***@example.com`` (the length is not revealed)."""
    at = max(value.rfind("@"), value.rfind("＠"), value.rfind("﹫"))
    if at < 0:  # "#" written for "@" (zhangsan#example.com)
        at = max(value.rfind("#"), value.rfind("＃"))
    if at <= 0:
        return MASK_CHAR * 3
    return value[0] + MASK_CHAR * 3 + value[at:]


def mask_ip(value: str) -> str:
    """Keep the network part: IPv4 first two octets, IPv6 first two groups.

    The IPv6 form is rebuilt from the parsed address, so a compressed ``::`` can never
    survive into the output as a new, valid address.

    >>> mask_ip("192.168.1.20")
    '192.168.*.**'
    >>> mask_ip("2001:db8::8a2e:370:7334")
    '2001:db8:*'
    """
    if value.isascii() and is_dotted_quad(value):
        # why: the common case, one ASCII dotted quad: keep up to the second dot
        second_dot = value.find(".", value.find(".") + 1)
        return value[: second_dot + 1] + value[second_dot + 1 :].translate(_DIGITS_HIDDEN)
    folded = fold(value)
    if is_dotted_quad(folded):  # the common case, without parsing an address object
        second_dot = folded.find(".", folded.find(".") + 1)
        return value[: second_dot + 1] + mask_middle(value[second_dot + 1 :], 0, 0)
    try:
        address = ipaddress.ip_address(folded.split("%", 1)[0])
    except ValueError:
        return mask_middle(value, 0, 0)
    if address.version == 6:
        first, second = address.exploded.split(":")[:2]
        return f"{int(first, 16):x}:{int(second, 16):x}:{MASK_CHAR}"
    second_dot = folded.find(".", folded.find(".") + 1)
    return value[: second_dot + 1] + mask_middle(value[second_dot + 1 :], 0, 0)


def mask_mac(value: str) -> str:
    """Keep the vendor OUI (first 3 octets), mask the device part."""
    return mask_middle(value, 6, 0)


def mask_imei(value: str) -> str:
    """Keep the TAC (first 8 digits: the phone model), mask the serial and check digit."""
    return mask_middle(value, 8, 0)


def mask_imsi(value: str) -> str:
    """Keep MCC + MNC (first 5 digits: country and operator), mask the subscriber MSIN."""
    return mask_middle(value, 5, 0)


def mask_device_id(value: str) -> str:
    """Keep the first 4 characters of an Android ID, OAID, IDFA/IDFV or serial number."""
    return mask_middle(value, 4, 0)


def mask_geo(value: str) -> str:
    """Keep 2 decimals of each degree value (about 1 km): ``39.90****,116.40****``.

    >>> mask_geo("39.904211, 116.407394")
    '39.90****, 116.40****'
    """
    folded = fold(value)
    if "." not in folded:
        return mask_middle(value, 0, 0)
    chars = list(value)
    decimals = -1  # digits seen after the current number's dot; -1 before any dot
    for index, ch in enumerate(folded):
        if ch == ".":
            decimals = 0
        elif "0" <= ch <= "9":
            if decimals >= 0:
                decimals += 1
                if decimals > 2:
                    chars[index] = MASK_CHAR
        else:
            decimals = -1
    return "".join(chars)


def mask_resident_id(value: str) -> str:
    return mask_middle(value, 1, 2)


def mask_bank_card(value: str) -> str:
    return mask_middle(value, 6, 4)


# --- issue 19 part C: documents, organisation codes, plates -----------------------------


def mask_document(value: str) -> str:
    """Passport and travel permit: keep the first character (the document type letter: E,
    G, C, H, M …) and the last 2, as the ID card rule does."""
    return mask_middle(value, 1, 2)


def mask_uscc(value: str) -> str:
    """统一社会信用代码: keep registration authority, type and region (first 8), hide the
    organisation code and check character."""
    return mask_middle(value, 8, 0)


def mask_license_plate(value: str) -> str:
    """Keep the province and issuing-authority letter (first 2 characters) and the last one
    (a serial's last character, or 警/学/挂 …), hide the letters and digits between;
    separators (京A·…) stay: ``京A·1234警`` → ``京A·****警``.

    >>> mask_license_plate("京A12345")
    '京A****5'
    """
    folded = fold(value)
    chars = list(value)
    for index in range(2, len(chars) - 1):
        ch = folded[index]
        if ch.isascii() and ch.isalnum():
            chars[index] = MASK_CHAR
    return "".join(chars)


@dataclass(frozen=True, slots=True)
class DisplayRule:
    description: str
    apply: Callable[[str], str]


SECRET_MASK = MASK_CHAR * 6


def mask_secret(value: str) -> str:
    """Six mask characters whatever the secret: its length and separators are kept by no mask.

    why: a secret has no display level (docs/entities.md); ``password=******`` still tells a
    reader there was one, and the ``secret`` validator refuses it, so it never rescans.
    """
    return SECRET_MASK


def mask_landline(value: str) -> str:
    """hutool fixedPhone: first 4 + last 2 (the area code stays: a city, not a person).

    >>> mask_landline("010-62345678")
    '010-6*****78'
    """
    return mask_middle(value, 4, 2)


def keep_service_number(value: str) -> str:
    """A company's service number is not personal information: kept as written.

    why: the built-in policies leave CN_SERVICE_NUMBER alone (ORGANISATION_ENTITIES), and
    ``pimask.mask(text)`` must give what the display policy gives; a policy that wants it
    hidden names it with an operator of its own.
    """
    return value


def mask_account(value: str) -> str:
    """QQ number or WeChat id: first and last character (``1*******9``, ``z****_***8``)."""
    return mask_middle(value, 1, 1)


DISPLAY_RULES: dict[str, DisplayRule] = {
    "CN_MOBILE": DisplayRule("hutool mobilePhone: first 3 + last 4", mask_mobile),
    "CN_RESIDENT_ID": DisplayRule("hutool idCardNum: first 1 + last 2", mask_resident_id),
    "BANK_CARD": DisplayRule("first 6 + last 4 (PCI DSS display)", mask_bank_card),
    "EMAIL": DisplayRule("first character of the local part + domain", mask_email),
    "IP_ADDRESS": DisplayRule("network part: IPv4 /16, IPv6 first two groups", mask_ip),
    "MAC_ADDRESS": DisplayRule("vendor OUI (first 3 octets)", mask_mac),
    "IMEI": DisplayRule("TAC (first 8 digits)", mask_imei),
    "IMSI": DisplayRule("MCC + MNC (first 5 digits: country and operator)", mask_imsi),
    "DEVICE_ID": DisplayRule("first 4 characters", mask_device_id),
    "GEO_COORDINATES": DisplayRule("2 decimals of each degree value (about 1 km)", mask_geo),
    "SECRET": DisplayRule("nothing: six mask characters, whatever the length", mask_secret),
    # issue 19 part C
    "CN_PASSPORT": DisplayRule("document letter + last 2", mask_document),
    "CN_TRAVEL_PERMIT": DisplayRule("document letter (first character) + last 2", mask_document),
    "CN_USCC": DisplayRule("authority, type and region (first 8)", mask_uscc),
    "CN_LICENSE_PLATE": DisplayRule(
        "province + authority letter + last character", mask_license_plate
    ),
    "CN_LANDLINE": DisplayRule("hutool fixedPhone: first 4 + last 2", mask_landline),
    "CN_SERVICE_NUMBER": DisplayRule(
        "kept: an organisation's number, not a person's", keep_service_number
    ),
    "QQ_NUMBER": DisplayRule("first and last digit", mask_account),
    "WECHAT_ID": DisplayRule("first and last character", mask_account),
    "PERSON": DisplayRule("surname kept, given name hidden (张**)", mask_person),
    "ADDRESS": DisplayRule("province/city/district kept, street and house hidden", mask_address),
}


def display_mask(entity: str, value: str) -> str:
    """Default display mask for ``entity``; unknown entities are masked completely.

    A value spelled with URL-percent or ``\\uXXXX`` escapes is masked decoded and written
    back in its escapes (:func:`pimask.normalize.through_escapes`).
    """
    if "%" in value or "\\" in value:
        return through_escapes(value, lambda decoded: _display_plain(entity, decoded))
    return _display_plain(entity, value)


def _display_plain(entity: str, value: str) -> str:
    rule = DISPLAY_RULES.get(entity)
    if rule is None:
        return mask_middle(value, 0, 0)
    return rule.apply(value)
