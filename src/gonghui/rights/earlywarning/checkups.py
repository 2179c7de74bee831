"""Writes of 法治体检: the federations' checklist items, a check-up visit with a finding per item, the
rectification items a problem calls for, and re-checks that close or reopen them."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.orgs.models import Enterprise, OrgNode, paths_up
from gonghui.rights.base.access import can_handle, require_rights
from gonghui.rights.earlywarning.choices import DEFAULT_CHECKLIST, FindingResult, RectStatus
from gonghui.rights.earlywarning.models import (
    ChecklistItem,
    Checkup,
    Finding,
    Recheck,
    RecheckResult,
    Rectification,
)


def checklist_for(union: OrgNode) -> list[str]:
    """The six default items, then the active items the unions up the tree added, in their order."""
    added = ChecklistItem.objects.filter(org__path__in=paths_up(union.path), is_active=True).order_by(
        "org__depth", "sort", "pk"
    )
    names = list(DEFAULT_CHECKLIST)
    for name in added.values_list("name", flat=True):
        if name not in names:
            names.append(name)
    return names


@transaction.atomic
def checklist_item_add(*, actor: User, org: OrgNode, name: str, sort: int = 100) -> ChecklistItem:
    require_rights(actor, org)
    text = clean_text(name)
    if not text or len(text) > 50:
        raise ValidationError({"name": _("请填写体检项目名称（50 字以内）。")})
    if text in DEFAULT_CHECKLIST or ChecklistItem.objects.filter(org=org, name=text).exists():
        raise ValidationError({"name": _("已有这个体检项目。")})
    item = ChecklistItem.objects.create(org=org, name=text, sort=max(0, min(sort, 999)))
    audit_record(actor=actor, action=AuditAction.CREATE, target=item, org=org, detail={"name": text})
    return item


@transaction.atomic
def checklist_item_toggle(*, actor: User, item: ChecklistItem) -> ChecklistItem:
    """Retire an item from future check-ups (those done keep their findings), or bring it back."""
    require_rights(actor, item.org)
    item.is_active = not item.is_active
    item.save(update_fields=["is_active"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=item, org=item.org, detail={"active": item.is_active})
    return item


@transaction.atomic
def checkup_create(
    *, actor: User, enterprise: Enterprise, visited_on: dt.date, team: str, summary: str = ""
) -> Checkup:
    """A visit (done, or planned for a later date) with one finding to record per checklist item."""
    if not can_handle(actor, enterprise.union):
        raise ValidationError({"enterprise": _("您的维权工作范围内没有这家企业。")})
    errors: dict[str, str] = {}
    team_text = clean_text(team)
    if not team_text:
        errors["team"] = _("请填写体检人员（如：市总工会法律服务团 王律师）。")
    if visited_on > timezone.localdate() + dt.timedelta(days=366):
        errors["visited_on"] = _("体检日期太远，请核对。")
    if Checkup.objects.filter(enterprise=enterprise, visited_on=visited_on).exists():
        errors["visited_on"] = _("这家企业当天已有一次法治体检。")
    if errors:
        raise ValidationError(errors)
    try:
        with transaction.atomic():
            checkup = Checkup.objects.create(
                enterprise=enterprise,
                org=enterprise.union,
                visited_on=visited_on,
                team=team_text[:200],
                summary=clean_text(summary)[:2000],
                created_by=actor,
            )
    except IntegrityError:
        raise ValidationError({"visited_on": _("这家企业当天已有一次法治体检。")}) from None
    Finding.objects.bulk_create(
        Finding(checkup=checkup, item=name, sort=n) for n, name in enumerate(checklist_for(enterprise.union))
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=checkup, org=checkup.org, detail={})
    return checkup


def _visited(checkup: Checkup, what: str) -> None:
    if checkup.visited_on > timezone.localdate():
        raise ValidationError(
            _("体检定于 %(day)s 进行，尚未到体检日期，不能%(what)s。") % {"day": checkup.visited_on, "what": what}
        )


@transaction.atomic
def finding_record(
    *,
    actor: User,
    finding: Finding,
    result: str,
    note: str = "",
    requirement: str = "",
    deadline: dt.date | None = None,
) -> Finding:
    """Record an item's finding; a problem may carry a rectification item (what to put right, by when)."""
    checkup = finding.checkup
    require_rights(actor, checkup.org)
    _visited(checkup, _("记录体检结论"))
    errors: dict[str, str] = {}
    if result not in FindingResult.values or result == FindingResult.PENDING:
        errors["result"] = _("请选择结论：合规、存在问题或不适用。")
    required = clean_text(requirement)
    if required and result != FindingResult.PROBLEM:
        errors["requirement"] = _("只有“存在问题”的项目需要整改。")
    if result != FindingResult.PROBLEM and finding.rectifications.exists():
        errors["result"] = _("该项目已有整改事项，不能改为无问题。")
    if required and deadline is None:
        errors["deadline"] = _("请填写整改期限。")
    elif required and deadline is not None and deadline < checkup.visited_on:
        errors["deadline"] = _("整改期限不能早于体检日期。")
    if len(required) > 500:
        errors["requirement"] = _("整改要求最多 500 字。")
    if errors:
        raise ValidationError(errors)
    finding.result = result
    finding.note = clean_text(note)[:500]
    finding.save(update_fields=["result", "note"])
    if required and deadline is not None:
        Rectification.objects.create(checkup=checkup, finding=finding, requirement=required, deadline=deadline)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=checkup, org=checkup.org, detail={"item": finding.item})
    return finding


@transaction.atomic
def recheck_record(*, actor: User, checkup: Checkup, on: dt.date, outcomes: dict[int, bool], note: str = "") -> Recheck:
    """A re-check: each item named in `outcomes` is closed (put right) or reopened (not, or no longer)."""
    require_rights(actor, checkup.org)
    _visited(checkup, _("复查"))
    if on < checkup.visited_on:
        raise ValidationError({"on": _("复查日期不能早于体检日期（%(day)s）。") % {"day": checkup.visited_on}})
    if on > timezone.localdate():
        raise ValidationError({"on": _("复查日期不能晚于今天。")})
    items = {r.pk: r for r in Rectification.objects.select_for_update().filter(checkup=checkup)}
    if not items:
        raise ValidationError(_("这次体检没有整改事项，无需复查。"))
    unknown = set(outcomes) - set(items)
    if unknown or not outcomes:
        raise ValidationError(_("请对本次体检的整改事项逐项给出复查结论。"))
    recheck = Recheck.objects.create(checkup=checkup, on=on, note=clean_text(note)[:500], by=actor)
    for pk, rectified in outcomes.items():
        item = items[pk]
        item.status = RectStatus.CLOSED if rectified else RectStatus.OPEN
        item.closed_on = on if rectified else None
        item.save(update_fields=["status", "closed_on"])
    RecheckResult.objects.bulk_create(
        RecheckResult(recheck=recheck, rectification_id=pk, rectified=done) for pk, done in outcomes.items()
    )
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        target=checkup,
        org=checkup.org,
        detail={"recheck": recheck.pk, "closed": sum(outcomes.values())},
    )
    return recheck
