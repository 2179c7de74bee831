"""Writes of the pilots: the federation designates a pilot enterprise and files what it may certify
(licences); the enterprise's union keeps its pay-grade table (能级工资).

A licence is the federation's to file, never the enterprise's own: only staff of a union above the
enterprise's union (ORG_EDIT there) designate pilots and add licences, so certification staff cannot
widen what they may certify.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, require
from gonghui.skills.certification.choices import CertifiedLevel, level_label, level_rank
from gonghui.skills.certification.models import Licence, Occupation, PayGrade, PilotEnterprise

MAX_ALLOWANCE = Decimal(100_000)


def parent_union(pilot: PilotEnterprise) -> OrgNode | None:
    parent: OrgNode | None = OrgNode.objects.get_parent(pilot.org)
    return parent


def require_federation(actor: User, pilot: PilotEnterprise) -> None:
    """The actor edits for a union above the pilot's own (404 outside the scope, 403 for the pilot's staff)."""
    require(actor, pilot.org)
    parent = parent_union(pilot)
    if parent is None or not can(actor, Perm.ORG_EDIT, parent):
        raise PermissionDenied


@transaction.atomic
def pilot_designate(
    *, actor: User, enterprise: Enterprise, by: OrgNode, designated_on: dt.date | None = None
) -> PilotEnterprise:
    """Make an enterprise a pilot; `by` is the federation that decides (a union above the enterprise's)."""
    require(actor, by, Perm.ORG_EDIT)
    union = enterprise.union
    if union.path == by.path or not union.path.startswith(by.path):
        raise ValidationError({"enterprise": _("试点企业须属于本会下级的基层工会。")})
    if PilotEnterprise.objects.filter(enterprise=enterprise).exists():
        raise ValidationError({"enterprise": _("“%(name)s”已经是认定试点企业。") % {"name": enterprise.name}})
    try:
        with transaction.atomic():
            pilot = PilotEnterprise.objects.create(
                enterprise=enterprise,
                org=union,
                designated_by=by,
                designated_on=designated_on or timezone.localdate(),
                created_by=actor,
            )
    except IntegrityError as exc:  # designated twice at once
        raise ValidationError({"enterprise": _("“%(name)s”已经是认定试点企业。") % {"name": enterprise.name}}) from exc
    audit_record(actor=actor, action=AuditAction.CREATE, target=pilot, org=by, detail={"enterprise": enterprise.name})
    return pilot


@dataclass
class LicenceFields:
    occupation: Occupation
    lowest: str
    highest: str
    valid_from: dt.date
    valid_until: dt.date
    authority: str
    reference: str = ""


@transaction.atomic
def licence_add(*, actor: User, pilot: PilotEnterprise, data: LicenceFields) -> Licence:
    require_federation(actor, pilot)
    errors: dict[str, str] = {}
    if data.lowest not in CertifiedLevel.values:
        errors["lowest"] = _("请选择最低等级。")
    if data.highest not in CertifiedLevel.values:
        errors["highest"] = _("请选择最高等级。")
    elif data.lowest in CertifiedLevel.values and level_rank(data.highest) < level_rank(data.lowest):
        errors["highest"] = _("最高等级不能低于最低等级。")
    if data.valid_until < data.valid_from:
        errors["valid_until"] = _("有效期止不能早于有效期起。")
    authority = clean_text(data.authority)[:100]
    if not authority:
        errors["authority"] = _("请填写备案机关，如“乐清市人力资源和社会保障局”。")
    if errors:
        raise ValidationError(errors)
    licence = Licence.objects.create(
        pilot=pilot,
        occupation=data.occupation,
        lowest=data.lowest,
        highest=data.highest,
        valid_from=data.valid_from,
        valid_until=data.valid_until,
        authority=authority,
        reference=clean_text(data.reference)[:60],
        created_by=actor,
    )
    detail = {"occupation": data.occupation.name, "levels": f"{data.lowest}-{data.highest}"}
    audit_record(actor=actor, action=AuditAction.CREATE, target=licence, org=pilot.org, detail=detail)
    return licence


def licence_problem(
    pilot: PilotEnterprise, occupation: Occupation, levels: list[str], starts_on: dt.date, ends_on: dt.date
) -> str | None:
    """Why the pilot may not certify these levels of the occupation on these dates, in Chinese; None if it may."""
    licences = [lic for lic in pilot.licences.all() if lic.occupation_id == occupation.pk]
    if not pilot.is_active:
        return _("“%(name)s”已不是认定试点企业。") % {"name": pilot.enterprise.name}
    if not licences:
        return _("“%(name)s”没有“%(occ)s”的认定资质。") % {"name": pilot.enterprise.name, "occ": occupation.name}
    for level in levels:
        covering = [lic for lic in licences if lic.covers(level)]
        if not covering:
            ranges = "；".join(f"{level_label(lic.lowest)}至{level_label(lic.highest)}" for lic in licences)
            return _("“%(occ)s”的认定资质只包括%(ranges)s，不含%(level)s。") % {
                "occ": occupation.name,
                "ranges": ranges,
                "level": level_label(level),
            }
        if not any(lic.valid_from <= starts_on and ends_on <= lic.valid_until for lic in covering):
            periods = "；".join(f"{lic.valid_from} 至 {lic.valid_until}" for lic in covering)
            return _("考核日期须在认定资质有效期（%(periods)s）内。") % {"periods": periods}
    return None


@transaction.atomic
def pay_grade_set(*, actor: User, pilot: PilotEnterprise, level: str, grade: str, allowance: Decimal) -> PayGrade:
    """Set the pay grade and monthly allowance a level brings in this enterprise (能级工资)."""
    require(actor, pilot.org, Perm.ORG_EDIT)
    errors: dict[str, str] = {}
    grade = clean_text(grade)[:30]
    if level not in CertifiedLevel.values:
        errors["level"] = _("请选择技能等级。")
    if not grade:
        errors["grade"] = _("请填写薪酬等级，如“技能三档”。")
    if not Decimal(0) <= allowance <= MAX_ALLOWANCE:
        errors["allowance"] = _("每月技能津贴应在0至100000元之间。")
    if errors:
        raise ValidationError(errors)
    row, _created = PayGrade.objects.update_or_create(
        pilot=pilot, level=level, defaults={"grade": grade, "allowance": allowance, "updated_by": actor}
    )
    detail = {"level": level, "grade": grade, "allowance": str(allowance)}
    audit_record(actor=actor, action=AuditAction.UPDATE, target=row, org=pilot.org, detail=detail)
    return row
