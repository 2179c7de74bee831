"""特惠商户: a union signs a merchant (checked credit code, category, agreement period), approves it, sets the
discount each of its card products gets there, and suspends or resumes it. Redemption comes next."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.benefits.choices import MerchantCategory, MerchantStatus
from gonghui.benefits.merchant_staff import forget_staff
from gonghui.benefits.models import CardProduct, Merchant, MerchantTerm
from gonghui.common.audit import audit_record
from gonghui.common.memory import ShortMemory
from gonghui.common.models import AuditAction
from gonghui.common.uscc import validate_uscc
from gonghui.orgs.models import OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for
from gonghui.stations.geo import check_in_china


@dataclass
class MerchantFields:
    name: str
    uscc: str
    category: str
    address: str
    agreement_from: dt.date
    agreement_until: dt.date
    lat: Decimal | None = None  # WGS-84, as a phone's GPS gives it; shown on the stations' near-me map
    lng: Decimal | None = None


def _check(data: MerchantFields) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = _("请填写商户名称。")
    if not data.address.strip():
        errors["address"] = _("请填写商户地址。")
    if data.category not in MerchantCategory.values:
        errors["category"] = _("商户类别无效。")
    try:
        data.uscc = validate_uscc(data.uscc)
    except ValidationError as exc:
        errors["uscc"] = exc.messages[0]
    if data.agreement_until < data.agreement_from:
        errors["agreement_until"] = _("协议止日不能早于协议起日。")
    if (data.lat is None) != (data.lng is None):
        errors["lat"] = _("请同时填写纬度和经度，或都不填。")
    elif data.lat is not None and data.lng is not None:
        try:
            data.lat, data.lng = check_in_china(data.lat, data.lng)
        except ValidationError as exc:
            errors["lat"] = exc.messages[0]
    return errors


@transaction.atomic
def merchant_create(*, actor: Any, org: OrgNode, data: MerchantFields) -> Merchant:
    """Sign a merchant; it serves members once the union approves it."""
    require(actor, org, Perm.ORG_EDIT)
    errors = _check(data)
    if not errors and Merchant.objects.filter(org=org, uscc=data.uscc).exists():
        errors["uscc"] = _("本会已签约该商户。")
    if errors:
        raise ValidationError(errors)
    merchant = Merchant.objects.create(
        org=org,
        name=data.name.strip(),
        uscc=data.uscc,
        category=data.category,
        address=data.address.strip(),
        agreement_from=data.agreement_from,
        agreement_until=data.agreement_until,
        lat=data.lat,
        lng=data.lng,
        created_by=actor,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, target=merchant, org=org, detail={"name": merchant.name})
    return merchant


def _locked(merchant: Merchant) -> Merchant:
    return Merchant.objects.select_for_update().select_related("org").get(pk=merchant.pk)


@transaction.atomic
def merchant_decide(*, actor: Any, merchant: Merchant, approve: bool, reason: str = "") -> Merchant:
    merchant = _locked(merchant)
    require(actor, merchant.org, Perm.REVIEW)
    if merchant.status != MerchantStatus.PENDING:
        raise ValidationError(_("该商户已审核（%(status)s）。") % {"status": merchant.get_status_display()})
    if not approve and not reason.strip():
        raise ValidationError({"reason": _("请填写未通过的原因。")})
    merchant.status = MerchantStatus.APPROVED if approve else MerchantStatus.REFUSED
    merchant.reason = reason.strip()[:200]
    merchant.decided_by = actor
    merchant.save()
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=merchant, org=merchant.org, detail={"status": merchant.status}
    )
    return merchant


@transaction.atomic
def merchant_suspend(*, actor: Any, merchant: Merchant, suspend: bool, reason: str = "") -> Merchant:
    """Suspend (with a reason: a complaint, a lapsed licence) or resume a signed merchant."""
    merchant = _locked(merchant)
    require(actor, merchant.org, Perm.REVIEW)
    expected = MerchantStatus.APPROVED if suspend else MerchantStatus.SUSPENDED
    if merchant.status != expected:
        raise ValidationError(_("该商户当前为“%(status)s”，不能这样操作。") % {"status": merchant.get_status_display()})
    if suspend and not reason.strip():
        raise ValidationError({"reason": _("请填写暂停的原因。")})
    merchant.status = MerchantStatus.SUSPENDED if suspend else MerchantStatus.APPROVED
    merchant.reason = reason.strip()[:200] if suspend else ""
    merchant.save(update_fields=["status", "reason", "updated_at"])
    audit_record(
        actor=actor, action=AuditAction.UPDATE, target=merchant, org=merchant.org, detail={"status": merchant.status}
    )
    forget_staff()  # the tills' remembered merchant changed
    return merchant


@transaction.atomic
def merchant_term_set(
    *, actor: Any, merchant: Merchant, product: CardProduct, percent_off: Decimal, text: str
) -> MerchantTerm:
    """The discount the product's holders get at the merchant. Only the merchant's union's own cards and
    those of the unions above it: a merchant never serves another branch's card."""
    require(actor, merchant.org, Perm.ORG_EDIT)
    if not merchant.org.path.startswith(product.org.path):
        raise ValidationError({"product": _("只能为本会或上级工会发行的卡设置优惠。")})
    if not Decimal(0) < percent_off <= Decimal(100):
        raise ValidationError({"percent_off": _("优惠比例须大于0且不超过100。")})
    if not text.strip():
        raise ValidationError({"text": _("请写明优惠内容，如“凭卡九折”。")})
    term, _created = MerchantTerm.objects.update_or_create(
        merchant=merchant, product=product, defaults={"percent_off": percent_off, "text": text.strip()[:200]}
    )
    forget_terms()
    return term


# A till scans many times a minute: each merchant's terms are read once per TERMS_SECONDS in this process.
# Changing a merchant's terms clears this process's memory; other processes follow within the seconds.
TERMS_SECONDS = 10.0
_terms: ShortMemory[int, dict[int, tuple[str, Decimal, str]]] = ShortMemory(limit=10_000)


def merchant_terms(merchant_id: int) -> dict[int, tuple[str, Decimal, str]]:
    """Per card product the merchant honours: (product name, percent off, terms in words)."""
    found = _terms.get(merchant_id, max_age=TERMS_SECONDS)
    if found is None:
        rows = MerchantTerm.objects.filter(merchant_id=merchant_id).values_list(
            "product_id", "product__name", "percent_off", "text"
        )
        found = {product: (name, percent, text) for product, name, percent, text in rows}
        _terms.put(merchant_id, found)
    return found


def forget_terms() -> None:
    _terms.clear()


def merchant_serves(merchant: Merchant, on: dt.date | None = None) -> bool:
    """Approved and within its agreement on the day."""
    on = on or timezone.localdate()
    return merchant.status == MerchantStatus.APPROVED and merchant.agreement_from <= on <= merchant.agreement_until


def merchants_for(
    user: Any,
    *,
    status: str = "",
    category: str = "",
    under: OrgNode | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> QuerySet[Merchant]:
    """Merchants signed by unions in scope, newest first; with `start`/`end`, those whose agreement covers
    every day from one to the other (one of them alone: that day), as the 特惠商户 figure counts a day."""
    qs = scope_for(user).filter(Merchant.objects.select_related("org"))
    if under is not None:
        qs = qs.filter(org__path__startswith=under.path)
    if status:
        qs = qs.filter(status=status)
    if category:
        qs = qs.filter(category=category)
    if start or end:
        qs = qs.filter(agreement_from__lte=start or end, agreement_until__gte=end or start)
    return qs.order_by("-pk")


def merchant_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> Merchant:
    merchant: Merchant = get_object_or_404(Merchant.objects.select_related("org"), pk=pk)
    require(user, merchant.org, perm)
    return merchant
