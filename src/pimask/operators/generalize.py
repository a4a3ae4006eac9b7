"""The ``generalize`` operator: replace a value by the class it belongs to.

Labels come from :mod:`pimask.reference` (provinces, carriers, bank BINs, card networks),
so they are coarse by construction and never contain the value's own digits beyond what
the setting asks for (an IPv4 /24 keeps three octets, written ``10.24.3.*`` so the label
never parses as an address again). Entities without a meaningful class (IMEI, MAC: their
prefixes name a device model or vendor, which is a fragment of the original) and device ids
become a tag; an IMSI becomes its operator, coordinates a grid cell (``geo_grid`` degrees), a
license plate its province (京, 粤 …; documents and credit codes: a tag).
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal, InvalidOperation

from pimask.normalize import clean, fold
from pimask.operators.configs import GeneralizeConfig
from pimask.operators.masks import _split_mobile_prefix
from pimask.reference import CARD_NETWORKS, CN_BINS, IMSI_MNCS, MOBILE_SEGMENTS, PROVINCES

UNKNOWN = "未知"
_DIGITS = re.compile(r"[0-9]")


def _id_label(value: str, config: GeneralizeConfig) -> str:
    folded = re.sub(r"[^0-9Xx]", "", clean(value))
    if len(folded) == 18:
        birth, sex_digit = folded[6:14], folded[16]
    elif len(folded) == 15:
        birth, sex_digit = "19" + folded[6:12], folded[14]
    else:
        return UNKNOWN
    parts: list[str] = []
    if config.region == "province":
        parts.append(PROVINCES.get(folded[:2], UNKNOWN))
    if config.birth != "none":
        year = int(birth[:4]) if birth[:4].isascii() and birth[:4].isdigit() else 0
        if not 1800 <= year <= date.today().year:
            parts.append(UNKNOWN)
        elif config.birth == "decade":
            parts.append(f"{year // 10 * 10}s")
        else:
            parts.append(str(year))
    if config.sex:
        parts.append("男" if sex_digit in "13579" else "女" if sex_digit in "02468" else UNKNOWN)
    return "/".join(parts) if parts else UNKNOWN


def _ip_label(value: str, config: GeneralizeConfig) -> str:
    try:
        address = ipaddress.ip_address(clean(value).split("%", 1)[0])
    except ValueError:
        return UNKNOWN
    if address.version == 4:
        octets = str(address).split(".")
        keep = config.ipv4_prefix // 8
        return ".".join(octets[:keep] + ["*"] * (4 - keep))
    if address.ipv4_mapped is not None:
        mapped = ipaddress.ip_address(address.ipv4_mapped)
        return _ip_label(str(mapped), config)
    groups = [f"{int(group, 16):x}" for group in address.exploded.split(":")]
    return ":".join(groups[: config.ipv6_prefix // 16]) + ":*"


def _email_label(value: str) -> str:
    folded = clean(value)
    at = max(folded.rfind("@"), folded.rfind("#"))
    if at < 0 or at == len(folded) - 1:
        return UNKNOWN
    return "@" + folded[at + 1 :].casefold()


def _card_label(value: str) -> str:
    digits = "".join(_DIGITS.findall(clean(value)))
    issuer = CN_BINS.get(digits[:6])
    if issuer:
        return issuer
    best = ""
    for prefix, network, _lengths in CARD_NETWORKS:
        if digits.startswith(prefix) and len(prefix) > len(best):
            best, issuer = prefix, network
    return issuer or UNKNOWN


def _mobile_label(entity: str, value: str) -> str:
    digits = "".join(_DIGITS.findall(fold(_split_mobile_prefix(entity, value)[1])))
    return MOBILE_SEGMENTS.get(digits[:3], UNKNOWN)


def _imsi_label(value: str) -> str:
    digits = "".join(_DIGITS.findall(clean(value)))
    return IMSI_MNCS.get(digits[3:5], UNKNOWN) if digits.startswith("460") else UNKNOWN


_GEO_NUMBER = re.compile(r"-?[0-9]{1,3}\.[0-9]+")


def _geo_label(value: str, grid: float) -> str:
    """Each degree value rounded to the nearest multiple of ``grid``, order kept:
    ``39.904211,116.407394`` at 0.1 → ``39.9,116.4``. Decimal arithmetic, so 0.1 is exact.
    """
    step = Decimal(str(grid))
    places = Decimal(1).scaleb(step.as_tuple().exponent)  # 0.05 → 0.01, 0.1 → 0.1, 1.0 → 0.1
    numbers = _GEO_NUMBER.findall(clean(value))
    if not numbers:
        return UNKNOWN
    try:
        rounded = [
            (Decimal(n) / step).quantize(Decimal(1), rounding=ROUND_HALF_EVEN) * step
            for n in numbers
        ]
    except InvalidOperation:
        return UNKNOWN
    return ",".join(str(r.quantize(places) + 0) for r in rounded)


def _plate_label(value: str) -> str:
    """The province of a plate (京, 粤 …; 使 for an embassy): one of 31 classes."""
    return value[:1] or UNKNOWN


def make_generalizer(entity: str, config: GeneralizeConfig) -> Callable[[str], str]:
    """``value -> <ENTITY:label>`` (per ``config.template``) for one entity."""
    label_of: Callable[[str], str] | None
    id_fields = config.region != "none" or config.birth != "none" or config.sex
    if entity == "CN_RESIDENT_ID" and id_fields:
        label_of = lambda value: _id_label(value, config)  # noqa: E731
    elif entity == "IP_ADDRESS":
        label_of = lambda value: _ip_label(value, config)  # noqa: E731
    elif entity == "EMAIL":
        label_of = _email_label
    elif entity == "BANK_CARD":
        label_of = _card_label
    elif entity == "CN_MOBILE":
        label_of = lambda value: _mobile_label(entity, value)  # noqa: E731
    elif entity == "IMSI":
        label_of = _imsi_label
    elif entity == "GEO_COORDINATES":
        label_of = lambda value: _geo_label(value, config.geo_grid)  # noqa: E731
    elif entity == "CN_LICENSE_PLATE":
        label_of = _plate_label
    else:
        label_of = None
    if label_of is None:
        tag = f"<{entity}>"
        return lambda value: tag
    template = config.template
    return lambda value: template.format(entity=entity, label=label_of(value))
