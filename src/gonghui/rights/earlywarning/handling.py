"""Handling a warning: assigning it to a rights cadre of the enterprise's union, recording what was done
(dated actions), and closing it, which needs at least one action. Every refusal is a ValidationError in
Chinese and changes nothing; the row is locked so two cadres closing at once close it once."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.rights.base.access import can_handle, require_rights
from gonghui.rights.earlywarning.choices import WarningStatus
from gonghui.rights.earlywarning.models import EarlyWarning, WarningAction


def _locked_open(actor: User, warning: EarlyWarning) -> EarlyWarning:
    require_rights(actor, warning.org)
    locked = EarlyWarning.objects.select_for_update().select_related("org", "enterprise").get(pk=warning.pk)
    if locked.status != WarningStatus.OPEN:
        raise ValidationError(_("该预警已关闭。"))
    return locked


@transaction.atomic
def warning_assign(*, actor: User, warning: EarlyWarning, assignee: User) -> EarlyWarning:
    locked = _locked_open(actor, warning)
    if not assignee.is_active or not can_handle(assignee, locked.org):
        raise ValidationError({"assignee": _("承办人须是该企业所属工会（或上级工会）的维权干部。")})
    locked.assignee = assignee
    locked.save(update_fields=["assignee"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=locked, org=locked.org, detail={"assignee": assignee.username}
    )
    return locked


@transaction.atomic
def warning_act(*, actor: User, warning: EarlyWarning, on: dt.date, note: str) -> WarningAction:
    """Record one action taken on an open warning (约谈企业负责人, 督促补缴社保, 组织调解 …)."""
    locked = _locked_open(actor, warning)
    text = clean_text(note)
    errors: dict[str, str] = {}
    if not text:
        errors["note"] = _("请写明采取了什么措施。")
    elif len(text) > 500:
        errors["note"] = _("处置情况最多 500 字。")
    if on > timezone.localdate():
        errors["on"] = _("处置日期不能晚于今天。")
    elif on < timezone.localdate(locked.opened_at):
        errors["on"] = _("处置日期不能早于预警日期。")
    if errors:
        raise ValidationError(errors)
    action = WarningAction.objects.create(warning=locked, on=on, note=text, by=actor)
    if locked.assignee_id is None:  # whoever acts first on an unassigned warning takes it
        locked.assignee = actor
        locked.save(update_fields=["assignee"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, org=locked.org, detail={"action": action.pk})
    return action


@transaction.atomic
def warning_close(*, actor: User, warning: EarlyWarning, note: str = "") -> EarlyWarning:
    locked = _locked_open(actor, warning)
    if not locked.actions.exists():
        raise ValidationError(_("该预警还没有处置记录，不能关闭：请先记录采取的措施。"))
    locked.status = WarningStatus.CLOSED
    locked.closed_at = timezone.now()
    locked.closed_by = actor
    locked.closing_note = clean_text(note)[:500]
    locked.save(update_fields=["status", "closed_at", "closed_by", "closing_note"])
    audit_record(actor=actor, action=AuditAction.UPDATE, target=locked, org=locked.org, detail={"closed": True})
    return locked
