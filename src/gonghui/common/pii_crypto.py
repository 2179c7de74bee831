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
import threading

from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from gonghui.common.pii_keys import keyring

NONCE_BYTES = 12


@functools.lru_cache(maxsize=16)
def _cipher(key: bytes) -> AESGCM:
    # Building the cipher object costs more than sealing one short value; bulk imports seal millions.
    return AESGCM(key)


class _Nonces:
    """Random nonces drawn from the OS a few thousand at a time: one getrandom call per seal cost a sixth of it."""

    BATCH = 4096

    def __init__(self) -> None:
        self.pool = b""
        self.used = 0
        self.pid = 0
        self.lock = threading.Lock()  # two threads must never be handed the same slice

    def take(self) -> bytes:
        with self.lock:
            # A forked child must never reuse its parent's unused nonces (same key, same nonce breaks GCM).
            if self.used >= len(self.pool) or self.pid != os.getpid():
                self.pool, self.used, self.pid = os.urandom(NONCE_BYTES * self.BATCH), 0, os.getpid()
            start = self.used
            self.used += NONCE_BYTES
            return self.pool[start : self.used]


_nonces = _Nonces()


def seal(plain: str, *, aad: str) -> str:
    ring = keyring()
    nonce = _nonces.take()
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
    mac = _keyed_hmac(keyring().hmac_key).copy()
    mac.update(f"{purpose}\x00{value}".encode())
    return mac.hexdigest()


@functools.lru_cache(maxsize=4)
def _keyed_hmac(key: bytes) -> hmac.HMAC:
    # Keying an HMAC costs more than hashing a short value; copying a keyed one halves each blind index.
    return hmac.new(key, digestmod=hashlib.sha256)
