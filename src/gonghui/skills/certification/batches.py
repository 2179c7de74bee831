"""Writes of the assessment batches (认定批次): opened by the enterprise's certification staff for what the
licence allows, and closed when the results are in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require
from gonghui.skills.certification.choices import BatchStatus, CertifiedLevel
from gonghui.skills.certification.models import Batch, Occupation, PilotEnterprise
from gonghui.skills.certification.pilots import licence_problem


@dataclass
class BatchFields:
    name: str
    occupation: Occupation
    levels: list[str]
    starts_on: dt.date
    ends_on: dt.date
    assessors: str
    theory_pass: Decimal = Decimal(60)
    practical_pass: Decimal = Decimal(60)


def _check(pilot: PilotEnterprise, data: BatchFields) -> dict[str, str]:
    errors: dict[str, str] = {}
    data.name, data.assessors = clean_text(data.name)[:100], clean_text(data.assessors)[:200]
    if not data.name:
        errors["name"] = _("请填写批次名称，如“2026年第一批电工认定”。")
    if not data.assessors:
        errors["assessors"] = _("请填写考评员姓名。")
    data.levels = sorted(set(data.levels))  # "1" is the highest: highest first
    if not data.levels or any(level not in CertifiedLevel.values for level in data.levels):
        errors["levels"] = _("请选择认定等级。")
    if data.ends_on < data.starts_on:
        errors["ends_on"] = _("考核结束日期不能早于开始日期。")
    for key, mark in (("theory_pass", data.theory_pass), ("practical_pass", data.practical_pass)):
        if not Decimal(0) <= mark <= Decimal(100):
            errors[key] = _("合格分应在0到100之间。")
    if not errors:
        problem = licence_problem(pilot, data.occupation, data.levels, data.starts_on, data.ends_on)
        if problem:
            errors["levels"] = problem
    return errors


@transaction.atomic
def batch_create(*, actor: User, pilot: PilotEnterprise, data: BatchFields) -> Batch:
    """Open a batch for levels and dates the pilot's licence covers."""
    require(actor, pilot.org, Perm.ORG_EDIT)
    errors = _check(pilot, data)
    if errors:
        raise ValidationError(errors)
    batch = Batch.objects.create(
        pilot=pilot,
        org=pilot.org,
        name=data.name,
        occupation=data.occupation,
        levels="".join(data.levels),
        starts_on=data.starts_on,
        ends_on=data.ends_on,
        assessors=data.assessors,
        theory_pass=data.theory_pass,
        practical_pass=data.practical_pass,
        created_by=actor,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=batch, org=pilot.org, detail={"name": batch.name})
    return batch


@transaction.atomic
def batch_close(*, actor: User, batch: Batch) -> Batch:
    """No more results: the batch's figures are final."""
    require(actor, batch.org, Perm.ORG_EDIT)
    updated = Batch.objects.filter(pk=batch.pk, status=BatchStatus.OPEN).update(status=BatchStatus.CLOSED)
    if not updated:
        raise ValidationError(_("该批次已经结束。"))
    batch.status = BatchStatus.CLOSED
    audit_record(actor=actor, action=AuditAction.UPDATE, target=batch, org=batch.org, detail={"status": "closed"})
    return batch
