"""The SMS gateway: one small interface, the backend chosen by SMS_BACKEND (ADR 0008)."""

from __future__ import annotations

from functools import lru_cache
from typing import Protocol

from django.conf import settings


class SmsError(Exception):
    """The provider refused or could not be reached; the message is safe to log (no number in it)."""


class SmsBackend(Protocol):
    def send_code(self, *, mobile: str, code: str, minutes: int) -> None:
        """Send `code` to the normalised 11-digit `mobile`; raise SmsError when it was not accepted."""

    def send_notice(self, *, mobile: str, text: str) -> None:
        """Send a short notice (a reminder, an alert) through the notice template; SmsError if refused."""


@lru_cache(maxsize=1)
def gateway() -> SmsBackend:
    if settings.SMS_BACKEND == "tencent":
        from gonghui.accounts.sms.tencent import TencentSmsBackend

        return TencentSmsBackend.from_settings()
    from gonghui.accounts.sms.console import ConsoleSmsBackend

    return ConsoleSmsBackend()
