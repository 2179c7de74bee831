"""Mediation panels and their members, and a union's collective-dispute threshold."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.orgs.models import OrgNode
from gonghui.rights.base.access import require_rights
from gonghui.rights.mediation.choices import Body, PanelKind
from gonghui.rights.mediation.models import Mediator, Panel, UnionSetting


@transaction.atomic
def panel_create(*, actor: User, org: OrgNode, name: str, kind: str, place: str = "") -> Panel:
    require_rights(actor, org)
    name = clean_text(name)[:100]
    if not name:
        raise ValidationError({"name": _("请填写调解组织名称。")})
    if kind not in PanelKind.values:
        raise ValidationError({"kind": _("类型无效。")})
    try:
        with transaction.atomic():
            panel = Panel.objects.create(org=org, name=name, kind=kind, place=clean_text(place)[:200])
    except IntegrityError:
        raise ValidationError({"name": _("本会已有同名的调解组织。")}) from None
    audit_record(actor=actor, action=AuditAction.CREATE, target=panel, org=org, detail={"kind": kind})
    return panel


@transaction.atomic
def mediator_add(*, actor: User, panel: Panel, name: str, body: str, title: str = "") -> Mediator:
    """A member of a panel; a joint panel should have members of the union, the court and 人社."""
    require_rights(actor, panel.org)
    name = clean_text(name)[:50]
    if not name:
        raise ValidationError({"name": _("请填写调解员姓名。")})
    if body not in Body.values:
        raise ValidationError({"body": _("所在单位类别无效。")})
    try:
        with transaction.atomic():
            mediator = Mediator.objects.create(panel=panel, name=name, body=body, title=clean_text(title)[:100])
    except IntegrityError:
        raise ValidationError({"name": _("该调解组织已有同名的调解员。")}) from None
    audit_record(actor=actor, action=AuditAction.UPDATE, target=panel, org=panel.org, detail={"mediator": name})
    return mediator


@transaction.atomic
def setting_set(*, actor: User, org: OrgNode, collective_min: int) -> UnionSetting:
    require_rights(actor, org)
    if not 2 <= collective_min <= 100:
        raise ValidationError({"collective_min": _("集体争议起点人数应在 2–100 人之间。")})
    setting, _created = UnionSetting.objects.update_or_create(org=org, defaults={"collective_min": collective_min})
    audit_record(actor=actor, action=AuditAction.UPDATE, target=setting, org=org, detail={"min": collective_min})
    return setting
