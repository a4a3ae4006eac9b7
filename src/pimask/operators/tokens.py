"""The shapes of the tokens keyed operators write, in one place for writers and readers.

``<CN_MOBILE:k1:7f3a9c2e41b0>`` (pseudonym) and
``<enc:CN_MOBILE:k1:482-1395-0217~3f9a7c21>`` (marked ciphertext with its key check value;
tokens written before the check existed lack the ``~…`` part and stay readable). The
engine skips findings inside a ciphertext only where it is shaped as the policy's own
(``CompiledPolicy.own_output``: so applying a policy twice changes nothing, and a forged
marker hides nothing), ``pimask reveal`` decrypts them and ``pimask verify`` reports both
kinds as linking tokens in anonymized output.
"""

from __future__ import annotations

import re

from pimask.keys import KEY_ID_PATTERN

ENTITY_PATTERN = r"[A-Z][A-Z0-9_]{0,63}"

PSEUDONYM_RE = re.compile(rf"<({ENTITY_PATTERN}):({KEY_ID_PATTERN}):([0-9a-f]{{8,64}})>")
# groups: entity, key id, ciphertext, key check (absent in tokens written before it existed)
ENCRYPTED_RE = re.compile(
    rf"<enc:({ENTITY_PATTERN}):({KEY_ID_PATTERN}):([^<>~\r\n]{{1,200}}?)(?:~([0-9a-f]{{8}}))?>"
)


def encrypted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of marked ciphertexts in ``text`` (cheap: nothing to do without ``<enc:``).

    A ciphertext is digits shaped like the original, so it may well look like a phone
    number; pseudonyms (hex) and generalized labels (``10.24.3.*``) are built so that they
    never rescan as an entity. A span here is NOT proof of our own ciphertext: anyone can
    write ``<enc:…>``; see ``CompiledPolicy.own_ciphertext``.
    """
    if "<enc:" not in text:
        return []
    return [match.span() for match in ENCRYPTED_RE.finditer(text)]


def pseudonym_token(entity: str, key_id: str, digest: str) -> str:
    return f"<{entity}:{key_id}:{digest}>"


def encrypted_token(entity: str, key_id: str, cipher: str, check: str) -> str:
    """``<enc:ENTITY:KEY_ID:CIPHER~CHECK>``: CHECK is the key's check value
    (:attr:`pimask.keys.Key.check`), so ``reveal`` detects a wrong key instead of printing
    a wrong value."""
    return f"<enc:{entity}:{key_id}:{cipher}~{check}>"
