"""Mainland China mobile numbers: 11 digits starting 1[3-9], optional +86 prefix."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gonghui.common.textnorm import compact

_MOBILE = re.compile(r"^1[3-9]\d{9}$", re.ASCII)
_PREFIX = re.compile(r"^(\+?86|0086)(?=1\d{10}$)", re.ASCII)


def normalize_mobile(raw: object) -> str:
    text = compact(raw).replace("-", "")
    return _PREFIX.sub("", text)


def validate_mobile(raw: object) -> str:
    if isinstance(raw, str) and _MOBILE.fullmatch(raw):
        return raw  # already an 11-digit number: nothing to normalise
    number = normalize_mobile(raw)
    if not number:
        raise ValidationError(_("请填写手机号码。"), code="required")
    if not _MOBILE.match(number):
        raise ValidationError(_("手机号码应为 11 位，以 13–19 开头。"), code="format")
    return number
