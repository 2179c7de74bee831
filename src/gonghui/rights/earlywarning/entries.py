"""Writes of the indicators cadres enter (裁员, 社保欠缴, 超时加班投诉) and of the federations' schemes."""

from __future__ import annotations

import datetime as dt
import itertools
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.common.textnorm import clean_text
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.rights.base.access import can_handle, require_rights
from gonghui.rights.earlywarning.choices import EnteredKind, Indicator
from gonghui.rights.earlywarning.models import IndicatorEntry, Scheme

MAX_VALUE = Decimal("9999999")


def out_of_scope() -> str:
    return _("您的维权工作范围内没有这家企业，不能登记它的指标。")


def _decimal(raw: Any, field: str, label: str) -> Decimal:
    try:
        value = Decimal(str(raw).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError({field: _("%(label)s应为数字。") % {"label": label}}) from None
    if not value.is_finite():
        raise ValidationError({field: _("%(label)s应为数字。") % {"label": label}})
    return value


@transaction.atomic
def indicator_enter(
    *, actor: User, enterprise: Enterprise, kind: str, value: Any, as_of: dt.date, note: str = ""
) -> IndicatorEntry:
    """Record an enterprise's indicator as of a date; a second entry of the same kind and date replaces it."""
    if not can_handle(actor, enterprise.union):
        raise ValidationError({"enterprise": out_of_scope()})
    errors: dict[str, str] = {}
    if kind not in EnteredKind.values:
        errors["kind"] = _("请选择要登记的指标（裁员人数、社保欠缴月数或超时加班投诉）。")
    number = _decimal(value, "value", _("数值"))
    if number < 0:
        errors["value"] = _("数值不能为负数。")
    elif number > MAX_VALUE:
        errors["value"] = _("数值过大，请核对。")
    elif number != number.quantize(Decimal("0.01")):
        errors["value"] = _("数值最多保留两位小数。")
    if as_of > timezone.localdate():
        errors["as_of"] = _("截至日期不能晚于今天。")
    if errors:
        raise ValidationError(errors)
    entry, created = IndicatorEntry.objects.update_or_create(
        enterprise=enterprise,
        kind=kind,
        as_of=as_of,
        defaults={"value": number, "note": clean_text(note)[:200], "org": enterprise.union, "entered_by": actor},
    )
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        target=entry,
        org=enterprise.union,
        detail={"kind": kind, "value": str(number), "as_of": as_of.isoformat()},
    )
    return entry


def _weights(data: dict[str, Any]) -> dict[str, Decimal]:
    out = {}
    for key in Indicator.values:
        value = _decimal(data.get(f"w_{key}", ""), f"w_{key}", str(Indicator(key).label))
        if value < 0 or value > Decimal("999999"):
            raise ValidationError({f"w_{key}": _("权重应在 0 到 999999 之间。")})
        out[f"w_{key}"] = value.quantize(Decimal("0.01"))
    return out


@transaction.atomic
def scheme_set(*, actor: User, org: OrgNode, data: dict[str, Any]) -> Scheme:
    """Set a union's scheme: weights not negative, thresholds 蓝 < 黄 < 橙 < 红 (蓝 above 0)."""
    require_rights(actor, org)
    fields = _weights(data)
    levels = [("blue", _("蓝色")), ("yellow", _("黄色")), ("orange", _("橙色")), ("red", _("红色"))]
    thresholds = [_decimal(data.get(k, ""), k, label).quantize(Decimal("0.01")) for k, label in levels]
    if thresholds[0] <= 0:
        raise ValidationError({"blue": _("蓝色预警的起点分值应大于 0。")})
    if any(b <= a for a, b in itertools.pairwise(thresholds)):
        raise ValidationError({"red": _("预警分值起点应由低到高：蓝色 < 黄色 < 橙色 < 红色，请调整。")})
    fields.update(dict(zip([k for k, _label in levels], thresholds, strict=True)))
    scheme, created = Scheme.objects.update_or_create(org=org, defaults={**fields, "updated_by": actor})
    audit_record(
        actor=actor,
        action=AuditAction.CREATE if created else AuditAction.UPDATE,
        target=scheme,
        org=org,
        detail={k: str(v) for k, v in fields.items()},
    )
    return scheme


@transaction.atomic
def scheme_remove(*, actor: User, scheme: Scheme) -> None:
    """The union's enterprises fall back to the nearest scheme above (or the default) at the next run."""
    require_rights(actor, scheme.org)
    audit_record(actor=actor, action=AuditAction.DELETE, target=scheme, org=scheme.org, detail={})
    scheme.delete()
