"""Development backend: the code goes to the dev log, the number masked. Refused by settings when DEBUG=0."""

from __future__ import annotations

import logging

from gonghui.common.masking import mask_mobile
from gonghui.common.pii_crypto import blind_index

logger = logging.getLogger("gonghui.sms")


class ConsoleSmsBackend:
    # The last code per number (by its HMAC), so DEBUG pages and browser tests can show it without a phone.
    outbox: dict[str, str] = {}

    def send_code(self, *, mobile: str, code: str, minutes: int) -> None:
        self.outbox[blind_index(mobile, purpose="mobile")] = code
        logger.info("短信验证码 %s → %s（%d 分钟内有效）", code, mask_mobile(mobile), minutes)

    def send_notice(self, *, mobile: str, text: str) -> None:
        logger.info("通知短信 → %s：%s", mask_mobile(mobile), text)
