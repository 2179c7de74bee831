"""Text messages of 预约服务 (reminders, risk alerts) through the platform's SMS gateway.

The gateway (gonghui.accounts.sms) sends verification codes; a notice needs a backend that also offers
`send_notice(mobile=..., text=...)` (a notice template at the provider). The console backend has none: in
development the notice goes to the log, masked, and counts as sent. Another backend without it sends
nothing, and the caller leaves its sent marker unset, so the next run tries again.
"""

from __future__ import annotations

import logging

from gonghui.accounts.sms import SmsError, gateway
from gonghui.common.masking import mask_mobile

logger = logging.getLogger("gonghui.sms")


def send_notice(*, mobile: str, text: str) -> bool:
    """Send `text` to the 11-digit `mobile`; True when the gateway accepted it."""
    backend = gateway()
    send = getattr(backend, "send_notice", None)
    if send is None:
        if type(backend).__name__ == "ConsoleSmsBackend":
            logger.info("通知短信 → %s：%s", mask_mobile(mobile), text)
            return True
        logger.warning("SMS backend %s sends no notices; appointment notice not sent", type(backend).__name__)
        return False
    try:
        send(mobile=mobile, text=text)
    except SmsError as exc:
        logger.warning("notice SMS not sent: %s", exc)
        return False
    return True
