"""统一社会信用代码 (GB 32100-2015): 18 characters with a MOD 31 check character.

Position 1 is the registering authority (8 = 工会), position 2 the kind of body
(1 = 基层工会), positions 3-8 the region, 9-17 the organisation code.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from gonghui.common.textnorm import compact

CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {c: i for i, c in enumerate(CHARSET)}
_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
_FORMAT = re.compile(r"^[1-9A-GY][0-9A-HJ-NPQRTUWXY]\d{6}[0-9A-HJ-NPQRTUWXY]{10}$", re.ASCII)
GRASSROOTS_UNION_PREFIX = "81"


def check_char(first17: str) -> str:
    total = sum(_VALUE[c] * w for c, w in zip(first17, _WEIGHTS, strict=True))
    return CHARSET[(31 - total % 31) % 31]


def normalize_uscc(raw: object) -> str:
    return compact(raw).upper()


def validate_uscc(raw: object) -> str:
    """Return the normalised code or raise ValidationError in Chinese."""
    code = normalize_uscc(raw)
    if not _FORMAT.match(code):
        raise ValidationError(_("统一社会信用代码应为 18 位数字或大写字母（不含 I、O、S、V、Z）。"), code="format")
    if check_char(code[:17]) != code[17]:
        raise ValidationError(_("统一社会信用代码校验位不正确，请核对。"), code="checksum")
    return code


def validate_union_uscc(raw: object) -> str:
    """A grassroots union's code: valid and starting with 81."""
    code = validate_uscc(raw)
    if not code.startswith(GRASSROOTS_UNION_PREFIX):
        raise ValidationError(
            _("基层工会的统一社会信用代码应以 81 开头（8 = 工会登记，1 = 基层工会）。"), code="not_union"
        )
    return code
