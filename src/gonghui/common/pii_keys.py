"""Versioned keys for personal-data encryption and blind indexes.

Production reads GONGHUI_PII_KEYS ("2:<b64>,1:<b64>", the first is current) and
GONGHUI_PII_HMAC_KEY. A development machine gets a key file generated under
var/ on first use, so `make run` needs no set-up. See docs/adr/0002-pii-keys.md.
"""

from __future__ import annotations

import base64
import functools
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

KEY_BYTES = 32


@dataclass(frozen=True)
class KeyRing:
    current_version: int
    keys: dict[int, bytes]
    hmac_key: bytes

    @property
    def current_key(self) -> bytes:
        return self.keys[self.current_version]


def _decode_key(text: str, what: str) -> bytes:
    try:
        key = base64.b64decode(text.strip(), validate=True)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{what} is not valid base64") from exc
    if len(key) != KEY_BYTES:
        raise ImproperlyConfigured(f"{what} must decode to {KEY_BYTES} bytes, got {len(key)}")
    return key


def parse_keyring(keys_spec: str, hmac_spec: str) -> KeyRing:
    keys: dict[int, bytes] = {}
    order: list[int] = []
    for part in keys_spec.split(","):
        version_text, sep, key_text = part.strip().partition(":")
        if not sep or not version_text.isdigit():
            raise ImproperlyConfigured("GONGHUI_PII_KEYS entries look like '<version>:<base64 key>'")
        version = int(version_text)
        keys[version] = _decode_key(key_text, f"PII key version {version}")
        order.append(version)
    if not order:
        raise ImproperlyConfigured("GONGHUI_PII_KEYS holds no key")
    return KeyRing(current_version=order[0], keys=keys, hmac_key=_decode_key(hmac_spec, "GONGHUI_PII_HMAC_KEY"))


def new_key_b64() -> str:
    return base64.b64encode(secrets.token_bytes(KEY_BYTES)).decode()


def _dev_keyring(path: Path) -> KeyRing:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"keys": f"1:{new_key_b64()}", "hmac": new_key_b64()}
        # O_EXCL: two processes starting together must not write two different keys.
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as fh:
                json.dump(payload, fh)
    data = json.loads(path.read_text())
    return parse_keyring(data["keys"], data["hmac"])


@functools.cache
def keyring() -> KeyRing:
    if settings.PII_KEYS and settings.PII_HMAC_KEY:
        return parse_keyring(settings.PII_KEYS, settings.PII_HMAC_KEY)
    if not settings.DEBUG:
        raise ImproperlyConfigured("GONGHUI_PII_KEYS and GONGHUI_PII_HMAC_KEY must be set when DEBUG=0")
    return _dev_keyring(Path(settings.PII_DEV_KEY_FILE))
