"""One spreadsheet row → clean values, or Chinese reasons per column. No database access here."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.common.ethnic_groups import ethnic_groups, normalize_ethnic_group
from gonghui.common.excel.cells import cell_date, cell_text, is_number
from gonghui.common.idcard import parse_idcard
from gonghui.common.masking import mask_idcard, mask_mobile
from gonghui.common.mobile import validate_mobile
from gonghui.members.importer.columns import EDUCATION, EMPLOYMENT_FORMS, HUKOU, POLITICAL, SEXES, YES

_TEXT_LIMITS = {
    "employer_name": 200,
    "occupation": 50,
    "platform": 50,
    "village": 100,
    "ethnicity": 16,
    "address": 200,
    "member_no": 20,
    "card_no": 30,
    "union_posts": 100,
}
_CHOICE_TABLES = {"employment_form": EMPLOYMENT_FORMS, "hukou": HUKOU, "education": EDUCATION, "political": POLITICAL}
_LABELS = {"sex": SEXES, **_CHOICE_TABLES}  # column → {label or value: stored value}
# The stored values of each column, as sets: `in dict.values()` is a linear scan, run for every cell.
_STORED = {column: frozenset(table.values()) for column, table in _LABELS.items()}
# What kind of cell each optional column holds, so each cell takes one look-up to route.
_KIND = {key: "choice" for key in _CHOICE_TABLES} | dict.fromkeys(_TEXT_LIMITS, "text") | {"is_migrant_worker": "flag"}
_EMPTY_FIELDS: dict[str, Any] = {key: "" for key in (*_TEXT_LIMITS, *_CHOICE_TABLES)} | {"is_migrant_worker": False}


@dataclass
class CleanRow:
    number: int
    name: str
    id_number: str
    sex: str
    birth_date: dt.date
    mobile: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    id_hmac: str = ""  # filled once by the pipeline, reused by the writers


@dataclass(frozen=True)
class RowError:
    number: int
    column: str
    value: str
    reason: str


def _choice(raw: Any, column: str, errors: list[tuple[str, str]]) -> str:
    text = cell_text(raw)
    if not text:
        return ""
    if text in _STORED[column]:
        return text
    table = _LABELS[column]
    if text not in table:
        errors.append(
            (
                column,
                _("“%(value)s”不是可选值（可填：%(choices)s）。")
                % {"value": text, "choices": "、".join(sorted({k for k in table if not k.isascii()})[:8])},
            )
        )
        return ""
    return table[text]


def clean_row(
    number: int, values: dict[str, Any], *, today: dt.date | None = None
) -> tuple[CleanRow | None, list[RowError]]:
    today = today or timezone.localdate()
    problems: list[tuple[str, str]] = []
    name = cell_text(values.get("name"))
    if not name:
        problems.append(("name", _("姓名为空。")))
    raw_id = values.get("id_number")
    parsed = None
    if is_number(raw_id):
        problems.append(
            ("id_number", _("身份证号码被 Excel 存成了数字，末尾几位已经丢失，请把该列设为文本后重新填写。"))
        )
    else:
        try:
            parsed = parse_idcard(raw_id, today=today)
        except ValidationError as exc:
            problems.append(("id_number", exc.messages[0]))
    mobile = cell_text(values.get("mobile"))
    if mobile:
        try:
            mobile = validate_mobile(mobile)
        except ValidationError as exc:
            problems.append(("mobile", exc.messages[0]))
    joined_on = None
    try:
        joined_on = cell_date(values.get("joined_on"))
    except ValidationError as exc:
        problems.append(("joined_on", exc.messages[0]))
    if joined_on and joined_on > today:
        problems.append(("joined_on", _("入会日期不能晚于今天。")))
    sex = _choice(values.get("sex"), "sex", problems)
    fields: dict[str, Any] = {**_EMPTY_FIELDS, "joined_on": joined_on}
    # Only the columns the sheet has, and only non-empty cells: most rosters fill a handful of columns.
    for key, raw in values.items():
        kind = _KIND.get(key)
        if kind is None or raw is None or raw == "":
            continue
        if kind == "choice":
            fields[key] = _choice(raw, key, problems)
        elif kind == "text":
            text = cell_text(raw)
            limit = _TEXT_LIMITS[key]
            if len(text) > limit:
                problems.append((key, _("内容过长（最多 %(n)d 个字）。") % {"n": limit}))
            fields[key] = text[:limit]
        else:
            fields[key] = cell_text(raw) in YES
    if fields["ethnicity"]:
        fields["ethnicity"] = normalize_ethnic_group(str(fields["ethnicity"]))
        if fields["ethnicity"] not in ethnic_groups():
            problems.append(("ethnicity", _("民族名称无效。")))
    if parsed is not None and sex and sex != str(parsed.sex):
        problems.append(("sex", _("性别与身份证号码不符。")))
    if problems or parsed is None:
        return None, [
            RowError(number, column, _masked_value(column, values.get(column)), reason) for column, reason in problems
        ]
    return CleanRow(number, name, parsed.number, str(parsed.sex), parsed.birth_date, mobile, fields), []


def _masked_value(column: str, raw: Any) -> str:
    """What the error report shows: never a full ID or phone number."""
    text = cell_text(raw)
    if column == "id_number":
        return mask_idcard(text) if len(text) >= 15 else ("*" * len(text))
    if column == "mobile":
        return mask_mobile(text)
    return text[:50]
