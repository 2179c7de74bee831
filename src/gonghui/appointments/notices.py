"""Text messages of 预约服务 (reminders, risk alerts) through the platform's SMS gateway.

The gateway (gonghui.accounts.sms) sends a notice through its notice template (SMS_NOTICE_TEMPLATE_ID on
腾讯云; the console backend logs it, masked). When the gateway refuses, the caller leaves its sent marker
unset, so the next run tries again.
"""

from __future__ import annotations

import logging

from gonghui.accounts.sms import SmsError, gateway

logger = logging.getLogger("gonghui.sms")


def send_notice(*, mobile: str, text: str) -> bool:
    """Send `text` to the 11-digit `mobile`; True when the gateway accepted it."""
    try:
        gateway().send_notice(mobile=mobile, text=text)
    except SmsError as exc:
        logger.warning("notice SMS not sent: %s", exc)
        return False
    return True
