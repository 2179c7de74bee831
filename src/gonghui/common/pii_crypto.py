"""AES-256-GCM sealing and HMAC-SHA256 blind indexes for personal data.

A token is "<key version>$<base64(nonce || ciphertext || tag)>". The associated
data names the column, so a ciphertext copied into another column fails to open.
A plain or salted hash of an ID number is brute-forceable (about 10^10 values),
hence the keyed HMAC for lookups.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from gonghui.common.pii_keys import keyring

NONCE_BYTES = 12


@functools.lru_cache(maxsize=16)
def _cipher(key: bytes) -> AESGCM:
    # Building the cipher object costs more than sealing one short value; bulk imports seal millions.
    return AESGCM(key)


def seal(plain: str, *, aad: str) -> str:
    ring = keyring()
    nonce = os.urandom(NONCE_BYTES)
    sealed = _cipher(ring.current_key).encrypt(nonce, plain.encode(), aad.encode())
    return f"{ring.current_version}${base64.b64encode(nonce + sealed).decode()}"


def token_version(token: str) -> int:
    return int(token.partition("$")[0])


def unseal(token: str, *, aad: str) -> str:
    version_text, _, body = token.partition("$")
    raw = base64.b64decode(body)
    key = keyring().keys[int(version_text)]
    return _cipher(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], aad.encode()).decode()


def blind_index(value: str, *, purpose: str) -> str:
    """Keyed hash for exact lookup and uniqueness; purpose separates kinds of value."""
    message = f"{purpose}\x00{value}".encode()
    return hmac.new(keyring().hmac_key, message, hashlib.sha256).hexdigest()
