"""清欠 drives: a union's holiday-season drive before 春节 (a period and a target to recover), and which
drive a report opened on a day counts towards (the nearest union's, up the tree)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.orgs.models import OrgNode, paths_up
from gonghui.rights.arrears.choices import ArrearsStage
from gonghui.rights.arrears.models import Drive, Report
from gonghui.rights.base.access import require_rights
from gonghui.rights.mediation.checks import checked_amount


def drive_for(org: OrgNode, day: dt.date) -> Drive | None:
    """The drive of the union or a union above it whose period holds `day` (the nearest, then the latest)."""
    return (
        Drive.objects.filter(org__path__in=paths_up(org.path), starts_on__lte=day, ends_on__gte=day)
        .order_by("-org__depth", "-starts_on")
        .first()
    )


@transaction.atomic
def drive_create(
    *,
    actor: User,
    org: OrgNode,
    name: str,
    starts_on: dt.date,
    ends_on: dt.date,
    target_amount: Decimal | str | int,
) -> Drive:
    """A drive (e.g. 春节前根治欠薪冬季专项行动); reports already opened in its period join it."""
    require_rights(actor, org)
    name = clean_text(name)[:100]
    if not name:
        raise ValidationError({"name": _("请填写专项行动名称。")})
    if ends_on < starts_on:
        raise ValidationError({"ends_on": _("结束日期不能早于开始日期。")})
    target = checked_amount(target_amount, "target_amount", label=_("目标"))
    try:
        with transaction.atomic():
            drive = Drive.objects.create(org=org, name=name, starts_on=starts_on, ends_on=ends_on, target_amount=target)
    except IntegrityError:
        raise ValidationError({"name": _("本会已有同名的专项行动。")}) from None
    Report.objects.filter(
        org__path__startswith=org.path, drive__isnull=True, received_on__range=(starts_on, ends_on)
    ).exclude(stage__in=[ArrearsStage.REPORTED, ArrearsStage.REJECTED]).update(drive=drive)
    audit_record(actor=actor, action=AuditAction.CREATE, target=drive, org=org, detail={"target": str(target)})
    return drive
