"""Annexes of a live hardship file: 大病医疗救助 (an illness and its costs) and 金秋助学 (a child at school)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.assistance.choices import LIVE_FILE_STATUSES
from gonghui.assistance.models import HardshipFile, MedicalAnnex, StudyAnnex
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require


def _live(actor: Any, file: HardshipFile) -> None:
    require(actor, file.org, Perm.ASSISTANCE)
    if file.status not in LIVE_FILE_STATUSES:
        raise ValidationError(_("只能为在办或在档的困难档案添加附表。"), code="bad_status")


@transaction.atomic
def medical_annex_add(
    *,
    actor: Any,
    file: HardshipFile,
    patient: str,
    diagnosis: str,
    hospital: str,
    total_cost: Decimal,
    insurance_paid: Decimal = Decimal(0),
    admitted_on: dt.date | None = None,
    days: int = 0,
) -> MedicalAnnex:
    _live(actor, file)
    if insurance_paid > total_cost:
        raise ValidationError({"insurance_paid": _("医保报销不能超过医疗总费用。")})
    annex = MedicalAnnex.objects.create(
        file=file,
        patient=patient.strip(),
        diagnosis=diagnosis.strip(),
        hospital=hospital.strip(),
        admitted_on=admitted_on,
        days=days,
        total_cost=total_cost,
        insurance_paid=insurance_paid,
    )
    audit_record(actor=actor, action=AuditAction.UPDATE, target=file, org=file.org, detail={"annex": "medical"})
    return annex


@transaction.atomic
def study_annex_add(
    *, actor: Any, file: HardshipFile, student: str, school: str, grade: str, yearly_fees: Decimal = Decimal(0)
) -> StudyAnnex:
    _live(actor, file)
    annex = StudyAnnex.objects.create(
        file=file, student=student.strip(), school=school.strip(), grade=grade.strip(), yearly_fees=yearly_fees
    )
    audit_record(actor=actor, action=AuditAction.UPDATE, target=file, org=file.org, detail={"annex": "study"})
    return annex
