"""Occupations (工种) the skills apps name: a few common ones from 《职业分类大典》 ready to pick, and others
added by code and name. Reference data, not union data: any signed-in staff may list them."""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gonghui.common.textnorm import clean_text
from gonghui.skills.certification.models import Occupation

# The trades 柳市's electrical industry certifies most (code, name), offered before anyone has used them.
COMMON: tuple[tuple[str, str], ...] = (
    ("6-31-01-03", "电工"),
    ("6-18-02-04", "焊工"),
    ("6-18-01-01", "车工"),
    ("6-20-01-01", "装配钳工"),
    ("6-20-01-02", "工具钳工"),
)
_CODE = re.compile(r"^\d-\d{2}-\d{2}-\d{2}$")


def occupation_choices() -> list[tuple[str, str]]:
    """(code, "name（code）") of every occupation on record and the common ones, by code."""
    known = dict(COMMON) | dict(Occupation.objects.values_list("code", "name"))
    return [(code, f"{name}（{code}）") for code, name in sorted(known.items())]


def occupation_by_code(code: str, *, field: str = "occupation") -> Occupation:
    """The occupation with this code: on record, or one of the common ones (made on first use)."""
    code = clean_text(code)
    found = Occupation.objects.filter(code=code).first()
    if found is not None:
        return found
    name = dict(COMMON).get(code)
    if name is None:
        raise ValidationError({field: _("没有编码为“%(code)s”的职业（工种）。") % {"code": code[:20]}})
    return occupation_ensure(code=code, name=name)


def occupation_ensure(*, code: str, name: str) -> Occupation:
    """Get or add an occupation by its 大典 code (6-31-01-03); safe when two ask at once."""
    code, name = clean_text(code), clean_text(name)
    if not _CODE.match(code):
        raise ValidationError({"code": _("职业编码应为“6-31-01-03”这样的格式（《职业分类大典》）。")})
    if not name or len(name) > 50:
        raise ValidationError({"name": _("请填写职业（工种）名称，不超过50字。")})
    try:
        with transaction.atomic():
            occupation, _created = Occupation.objects.get_or_create(code=code, defaults={"name": name})
    except IntegrityError:  # another request added it between our read and write
        occupation = Occupation.objects.get(code=code)
    return occupation
