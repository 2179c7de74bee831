"""A merchant's cashiers: the union registers them (name and mobile), they sign in with a phone code.

The mobile is sealed and kept as a blind index only; the cashier's account is created on the first sign-in
(members.partner_access) and reaches nothing but the merchant's own desk.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from gonghui.accounts.models import User
from gonghui.benefits.choices import MerchantStatus
from gonghui.benefits.models import Merchant, MerchantStaff
from gonghui.common.audit import audit_record
from gonghui.common.memory import ShortMemory
from gonghui.common.mobile import validate_mobile
from gonghui.common.models import AuditAction
from gonghui.common.pii_crypto import blind_index
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require


@transaction.atomic
def merchant_staff_add(*, actor: Any, merchant: Merchant, name: str, mobile: str) -> MerchantStaff:
    require(actor, merchant.org, Perm.ORG_EDIT)
    errors: dict[str, str] = {}
    if not name.strip():
        errors["name"] = _("请填写店员姓名。")
    try:
        mobile = validate_mobile(mobile)
    except ValidationError as exc:
        errors["mobile"] = exc.messages[0]
    if errors:
        raise ValidationError(errors)
    staff = MerchantStaff(merchant=merchant, name=name.strip()[:50], mobile=mobile)
    # One number signs in to one shop's desk: a cashier who moves is stopped at the old shop first.
    mobile_hmac = blind_index(mobile, purpose="mobile")
    elsewhere = MerchantStaff.objects.filter(mobile_hmac=mobile_hmac, is_active=True).exclude(merchant=merchant)
    if elsewhere.exists():
        raise ValidationError({"mobile": _("该手机号已是另一家特惠商户的在岗店员，请先在那家商户停用。")})
    try:
        with transaction.atomic():
            staff.save()
    except IntegrityError as exc:
        raise ValidationError({"mobile": _("该手机号已是本商户的店员。")}) from exc
    audit_record(actor=actor, action=AuditAction.CREATE, target=staff, org=merchant.org)
    return staff


@transaction.atomic
def merchant_staff_set_active(*, actor: Any, staff: MerchantStaff, active: bool) -> MerchantStaff:
    require(actor, staff.merchant.org, Perm.ORG_EDIT)
    staff.is_active = active
    staff.save(update_fields=["is_active"])
    forget_staff()
    if staff.user_id is not None:  # a cashier who left cannot keep a signed-in session or token working
        User.objects.filter(pk=staff.user_id).update(is_active=active)
    audit_record(actor=actor, action=AuditAction.UPDATE, target=staff, org=staff.merchant.org)
    return staff


def staff_for_sign_in(mobile_hmac: str) -> MerchantStaff | None:
    """The active cashier with this number at a merchant that is not refused; the newest if several."""
    return (
        MerchantStaff.objects.filter(mobile_hmac=mobile_hmac, is_active=True)
        .exclude(merchant__status=MerchantStatus.REFUSED)
        .select_related("merchant", "user")
        .order_by("-pk")
        .first()
    )


# A till calls many times a minute: its cashier row (with the merchant) is read once per STAFF_SECONDS in
# this process. Stopping a cashier or suspending a merchant takes effect everywhere within those seconds
# (the account's API tokens are remembered as long, see accounts.services).
STAFF_SECONDS = 10.0
_staff: ShortMemory[int, MerchantStaff] = ShortMemory(limit=10_000)


def staff_of(user: Any) -> MerchantStaff | None:
    """The signed-in cashier's active row, with its merchant."""
    found = _staff.get(user.pk, max_age=STAFF_SECONDS)
    if found is None:
        found = MerchantStaff.objects.select_related("merchant").filter(user=user, is_active=True).first()
        if found is not None:
            _staff.put(user.pk, found)
    return found


def forget_staff() -> None:
    _staff.clear()
