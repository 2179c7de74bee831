"""What a wish may say in public: no ID number, no mobile number, no name, no hardship detail.

The numbers are found by the project's own detector (`common.log_filters.redact`, which masks ID- and
mobile-shaped numbers in logs), run on the text with full-width digits folded and the spaces or dashes
people type inside numbers ("139 1234 5678") taken out. Names are those the union knows (the worker's,
the household head's); hardship detail is a short list of words that would tell a family's trouble.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.utils.translation import gettext as _

from gonghui.common.log_filters import redact
from gonghui.common.textnorm import fold_width

_INSIDE_NUMBER = re.compile(r"(?<=\d)[\s\-－—–.·、]+(?=[\dXx])")
_DIGIT_RUN = re.compile(r"\d[\dXx]*")
MOBILE_LENGTH = 11
# Words that would tell a household's hardship on the public wall (the file says it, the wall never does).
HARDSHIP_WORDS = (
    "低保",
    "特困",
    "重病",
    "大病",
    "癌",
    "白血病",
    "尿毒症",
    "残疾",
    "病故",
    "去世",
    "离异",
    "单亲",
    "欠债",
)


def _numbers(text: str) -> Iterable[str]:
    folded = _INSIDE_NUMBER.sub("", fold_width(text))
    for match in _DIGIT_RUN.finditer(folded):
        run = match.group()
        if redact(run) != run:  # the detector masks it: shaped like an ID or a mobile number
            yield run


def public_text_problem(text: str, *, names: Iterable[str] = ()) -> str | None:
    """Why `text` may not be shown on the public wall, in Chinese; None when it may."""
    for number in _numbers(text):
        if len(number) == MOBILE_LENGTH:
            return _("公开内容不能包含手机号码，请删去号码（认领人通过工会联系，不需要电话）。")
        return _("公开内容不能包含身份证号码，请删去号码。")
    folded = fold_width(text)
    for name in names:
        if len(name) >= 2 and name in folded:  # a one-character "name" is no name
            return _("公开内容不能出现心愿人的姓名（%(name)s），请改用“一位快递小哥”“一名小学生”等称呼。") % {
                "name": name[0] + "*" * (len(name) - 1)
            }
    for word in HARDSHIP_WORDS:
        if word in folded:
            return _("公开内容不能写明家庭困难情况（如“%(word)s”），请只写心愿本身，详情记在工会备注里。") % {
                "word": word
            }
    return None
