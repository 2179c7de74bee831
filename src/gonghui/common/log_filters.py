"""A last line of defence: mask anything shaped like an ID or mobile number in logs."""

from __future__ import annotations

import logging
import re

from gonghui.common.masking import mask_idcard, mask_mobile

_IDCARD = re.compile(r"(?<![\dA-Za-z])(\d{17}[\dXx]|\d{15})(?![\dA-Za-z])")
_MOBILE = re.compile(r"(?<!\d)(1[3-9]\d{9})(?!\d)")


def redact(text: str) -> str:
    text = _IDCARD.sub(lambda m: mask_idcard(m.group(1)), text)
    return _MOBILE.sub(lambda m: mask_mobile(m.group(1)), text)


class RedactPIIFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True
