"""A results row's own checks, without the database: name and ID by the roster import's rules (the ID's
keyed hash computed once here), the level applied for, both scores, the certificate number's form."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from gonghui.common.excel.cells import cell_decimal, cell_text
from gonghui.common.masking import mask_idcard
from gonghui.members.identity import document_hmac
from gonghui.members.importer.rows import RowError, clean_row
from gonghui.skills.certification.choices import LEVEL_WORDS, level_label
from gonghui.skills.certification.models import Batch

_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9-]{3,39}$")
_TENTH = Decimal("0.1")


@dataclass
class ParsedRow:
    number: int
    name: str
    hmac: str
    level: str
    theory: Decimal
    practical: Decimal
    external: str
    masked_id: str


def _score(raw: Any, column: str, label: str, problems: list[tuple[str, str]]) -> Decimal:
    try:
        value = cell_decimal(raw)
    except ValidationError as exc:
        problems.append((column, exc.messages[0]))
        return Decimal(0)
    if value is None:
        problems.append((column, _("请填写%(label)s。") % {"label": label}))
        return Decimal(0)
    if not value.is_finite() or not Decimal(0) <= value <= Decimal(100):
        problems.append((column, _("%(label)s应在0到100之间。") % {"label": label}))
        return Decimal(0)
    return value.quantize(_TENTH, rounding=ROUND_HALF_UP)


def _level(batch: Batch, raw: Any, problems: list[tuple[str, str]]) -> str:
    text = cell_text(raw).replace(" ", "")
    offered = "、".join(level_label(v) for v in batch.level_list)
    if not text:
        if len(batch.levels) == 1:
            return batch.levels
        problems.append(("level", _("请填写申报等级（本批次认定：%(levels)s）。") % {"levels": offered}))
        return ""
    level = LEVEL_WORDS.get(text, "")
    if level not in batch.level_list:
        problems.append(
            ("level", _("“%(v)s”不在本批次认定的等级（%(levels)s）内。") % {"v": text[:20], "levels": offered})
        )
        return ""
    return level


def parse_rows(batch: Batch, rows: list[tuple[int, dict[str, Any]]]) -> tuple[list[ParsedRow], list[RowError]]:
    """Row-local checks: name and ID by the roster import's rules, level, scores, number format."""
    parsed: list[ParsedRow] = []
    errors: list[RowError] = []
    for number, values in rows:
        clean, id_problems = clean_row(number, {"name": values.get("name"), "id_number": values.get("id_number")})
        errors.extend(id_problems)
        problems: list[tuple[str, str]] = []
        level = _level(batch, values.get("level"), problems)
        theory = _score(values.get("theory"), "theory", _("理论成绩"), problems)
        practical = _score(values.get("practical"), "practical", _("实操成绩"), problems)
        external = cell_text(values.get("certificate_number")).upper()
        if external and not _NUMBER.match(external):
            problems.append(("certificate_number", _("证书编号只能由字母、数字和连字符组成（4至40位）。")))
        errors.extend(
            RowError(number, column, cell_text(values.get(column))[:50], reason) for column, reason in problems
        )
        if clean is not None and not problems:
            masked = mask_idcard(clean.id_number)
            hmac = document_hmac(clean.id_number)
            parsed.append(ParsedRow(number, clean.name, hmac, level, theory, practical, external, masked))
    return parsed, errors
