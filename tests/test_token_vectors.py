"""Keyed pseudonyms and FPE tokens never change for the same key and value.

Users join on these tokens across files and years, so an engine change must not move them.
The vectors below were computed on the last release before the native core (commit 47bb9f8)
with a fixed synthetic key; the native engine (and the reference) must reproduce them. The
canonical forms behind them are documented in docs/policies.md ("Canonical forms").

Since then (issue 15) a new ``<enc:…>`` marker also carries the key's check value
(``<enc:ENTITY:KEYID:CIPHERTEXT~CHECK>``, so ``reveal`` can tell a wrong key); the check
depends on the key only. The ciphertext bodies are still exactly the ones pinned at
47bb9f8: the expected markers are those bodies with ``~CHECK`` appended, and
:func:`test_fpe_ciphertext_bodies_are_unchanged` compares the bodies on their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import pimask

KEY = "k1:tG7vQ2xL9pR4mZ8wK3nB6yH1cF5dJ0sA"  # synthetic, test only

PSEUDONYMS = [
    ("手机号13912345678", "手机号<CN_MOBILE:k1:c0d56c63e77f>"),
    ("手机 +86 139-1234-5678", "手机 <CN_MOBILE:k1:c0d56c63e77f>"),
    ("手机１３９１２３４５６７８", "手机<CN_MOBILE:k1:c0d56c63e77f>"),
    ("身份证号11010519491231002x", "身份证号<CN_RESIDENT_ID:k1:9d4c0ea479d0>"),
    ("卡号6222 0212 3456 7890 128", "卡号<BANK_CARD:k1:9d673b73971b>"),
    ("IMEI:49-015420-323751-8", "IMEI:<IMEI:k1:fe3510336594>"),
    ("mac=3C:22:FB:1A:2B:3C", "mac=<MAC_ADDRESS:k1:4c40e901e017>"),
    ("mac=3c22.fb1a.2b3c", "mac=<MAC_ADDRESS:k1:4c40e901e017>"),
    ("邮箱 Zhang.San@Example.com", "邮箱 <EMAIL:k1:371cf7bb6bb7>"),
    ("ip=2001:0db8:0000:0000:0000:0000:0000:0001", "ip=<IP_ADDRESS:k1:9b0f2c22ab73>"),
    ("ip=10.24.3.17", "ip=<IP_ADDRESS:k1:e089b38ac834>"),
]

# The markers as written at 47bb9f8 (before the key check value was added).
CIPHERTEXTS_47BB9F8 = [
    ("手机号13912345678", "手机号<enc:CN_MOBILE:k1:54783327192>"),
    ("身份证号11010519491231002X", "身份证号<enc:CN_RESIDENT_ID:k1:86393513747102319X>"),
    ("卡号6222 0212 3456 7890 128", "卡号<enc:BANK_CARD:k1:1835 0342 1653 9996 389>"),
    ("IMEI:490154203237518", "IMEI:<enc:IMEI:k1:339734401959955>"),
    ("mac=3C:22:FB:1A:2B:3C", "mac=<enc:MAC_ADDRESS:k1:b7:Ef:Ae:96:39:7F>"),
]
KEY_CHECK = "b8b08e92"  # the check value of KEY, appended to every new marker
CIPHERTEXTS = [(text, f"{marker[:-1]}~{KEY_CHECK}>") for text, marker in CIPHERTEXTS_47BB9F8]

FPE_POLICY = """\
name: fpe-vectors
level: deidentify
operators:
  default: {type: encrypt}
  EMAIL: {type: pseudonymize}
  IP_ADDRESS: {type: pseudonymize}
  SECRET: {type: tag}
  CN_LICENSE_PLATE: {type: redact}
  CN_LANDLINE: {type: pseudonymize}
  QQ_NUMBER: {type: pseudonymize}
  WECHAT_ID: {type: pseudonymize}
"""


@pytest.fixture(params=["native", "reference"])
def engine(request, monkeypatch) -> pimask.Engine:
    monkeypatch.setenv("PIMASK_KEY", KEY)
    return pimask.Engine(backend=request.param)


@pytest.mark.parametrize(("text", "expected"), PSEUDONYMS)
def test_pseudonyms_are_stable(engine: pimask.Engine, text: str, expected: str) -> None:
    assert engine.apply(text, "deidentify").text == expected


@pytest.mark.parametrize(("text", "expected"), CIPHERTEXTS)
def test_fpe_tokens_are_stable(
    engine: pimask.Engine, text: str, expected: str, tmp_path: Path
) -> None:
    policy = tmp_path / "fpe.yaml"
    policy.write_text(FPE_POLICY, encoding="utf-8")
    assert engine.apply(text, str(policy)).text == expected


@pytest.mark.parametrize(("text", "pinned"), CIPHERTEXTS_47BB9F8)
def test_fpe_ciphertext_bodies_are_unchanged(
    engine: pimask.Engine, text: str, pinned: str, tmp_path: Path
) -> None:
    """The key check value is the only difference from the markers pinned at 47bb9f8."""
    policy = tmp_path / "fpe.yaml"
    policy.write_text(FPE_POLICY, encoding="utf-8")
    written = engine.apply(text, str(policy)).text
    body, separator, check = written.rpartition("~")
    assert separator and check == f"{KEY_CHECK}>"
    assert body + ">" == pinned


def test_block_path_writes_the_same_tokens(monkeypatch) -> None:
    monkeypatch.setenv("PIMASK_KEY", KEY)
    blob = "\n".join(text for text, _ in PSEUDONYMS).encode()
    expected = "\n".join(out for _, out in PSEUDONYMS).encode()
    assert pimask.Engine().apply_block(blob, "deidentify").out == expected
