"""The aid ledger: a maker enters a payout, a different checker approves it, and nobody is paid twice.

Two guards hold the rule "one approved payout of a kind per person per campaign": the approve service
checks first for a clear answer, and a partial unique index refuses whatever slips past a race. Only
an override with a written reason, approved by someone who may manage the union's money, goes beyond.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F, Q, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.assistance.choices import FileStatus, FundSource, PayoutKind
from gonghui.assistance.models import HardshipFile
from gonghui.campaigns.models import Beneficiary, Campaign
from gonghui.common.audit import audit_record
from gonghui.common.models import AuditAction
from gonghui.ledger.choices import PayoutStatus
from gonghui.ledger.models import Payout
from gonghui.ledger.selectors import require_money_role
from gonghui.ledger.tallies import ledger_approved
from gonghui.members.models import Person
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import can, require

DUPLICATE = _("“%(who)s”在本次活动中已领取过同类帮扶，不能重复发放；确需再次发放请填写理由。")


def _who(payout: Payout) -> str:
    return payout.person.name if payout.person_id and payout.person else str(payout.enterprise or "")


def _duplicate_of(payout: Payout) -> Q | None:
    """Rows that would make `payout` a second payment, or None when the guard does not apply."""
    if payout.campaign_id is None or payout.override_reason:
        return None
    # The same rows as the partial unique indexes (approved, no override), so the check reads them.
    first = Q(campaign_id=payout.campaign_id, kind=payout.kind, override_reason="")
    if payout.person_id:
        return first & Q(person_id=payout.person_id)
    return first & Q(enterprise_id=payout.enterprise_id, person__isnull=True)


def _check_recipient(
    org: OrgNode, person: Person | None, file: HardshipFile | None, enterprise: Enterprise | None
) -> None:
    if person is None and enterprise is None:
        raise ValidationError(_("请指定受助职工或受助企业。"), code="no_recipient")
    if file is not None:
        if person is not None and file.person_id != person.pk:
            raise ValidationError(_("困难档案的户主与受助职工不一致。"), code="file_person")
        if file.status != FileStatus.OPEN:
            raise ValidationError(_("只能向已建档的困难档案发放帮扶。"), code="file_status")
        if not file.org.path.startswith(org.path) and not org.path.startswith(file.org.path):
            raise ValidationError(_("该困难档案不在本工会范围内。"), code="file_scope")


@transaction.atomic
def aid_payout_create(
    *,
    actor: Any,
    org: OrgNode,
    kind: PayoutKind,
    fund: FundSource,
    paid_on: dt.date,
    amount: Decimal = Decimal(0),
    goods: str = "",
    goods_value: Decimal = Decimal(0),
    person: Person | None = None,
    file: HardshipFile | None = None,
    enterprise: Enterprise | None = None,
    campaign: Campaign | None = None,
    reference: str = "",
    override_reason: str = "",
) -> Payout:
    """The maker's entry (ASSISTANCE or FINANCE in scope). It counts only once a checker approves it."""
    require_money_role(actor, org)
    if file is not None and person is None:
        person = file.person
    _check_recipient(org, person, file, enterprise)
    if campaign is not None and not org.path.startswith(campaign.org.path):
        raise ValidationError(_("发放工会不在该活动的主办范围内。"), code="campaign_scope")
    if amount < 0 or goods_value < 0 or (amount == 0 and goods_value == 0):
        raise ValidationError(_("请填写大于 0 的金额或物资折价。"), code="amount")
    if goods_value and not goods.strip():
        raise ValidationError({"goods": _("请填写物资名称。")})
    payout = Payout(
        org=org,
        kind=kind,
        fund=fund,
        paid_on=paid_on,
        amount=amount,
        goods=goods.strip(),
        goods_value=goods_value,
        person=person,
        file=file,
        enterprise=enterprise,
        campaign=campaign,
        reference=reference.strip(),
        override_reason=override_reason.strip(),
        maker=actor,
    )
    guard = _duplicate_of(payout)
    if guard is not None and Payout.objects.filter(guard, status=PayoutStatus.APPROVED).exists():
        raise ValidationError(DUPLICATE % {"who": _who(payout)}, code="duplicate")
    if campaign is not None:
        _check_campaign_rules(payout, campaign)
    payout.save()
    if campaign is not None and campaign.budget and campaign_spent(campaign) > campaign.budget:
        payout.warnings.append(  # entered, with a warning: the checker decides (approval refuses it)
            _("本活动已登记的发放合计超过预算 %(budget)s 元，审核时将被拒绝，除非填写超支理由。")
            % {"budget": f"{campaign.budget:,.2f}"}
        )
    return payout


def _value(payout: Payout) -> Decimal:
    return payout.amount + payout.goods_value


def campaign_spent(campaign: Campaign, *, approved_only: bool = False) -> Decimal:
    """What the campaign's ledger holds: approved payouts, and pending ones unless `approved_only`."""
    statuses = [PayoutStatus.APPROVED] if approved_only else [PayoutStatus.APPROVED, PayoutStatus.PENDING]
    total = Payout.objects.filter(campaign=campaign, status__in=statuses).aggregate(
        total=Sum(F("amount") + F("goods_value"))
    )["total"]
    return total or Decimal(0)


def _check_campaign_rules(payout: Payout, campaign: Campaign) -> None:
    """Above the kind's standard, or to someone not on the campaign's list: only with a written reason."""
    if payout.override_reason:
        return
    standard = campaign.standard_for(payout.kind)
    if standard is not None and _value(payout) > standard:
        raise ValidationError(
            _("超过本活动“%(kind)s”标准 %(standard)s 元/人次；确需超标发放请填写理由，由主办工会财务审核。")
            % {"kind": payout.get_kind_display(), "standard": f"{standard:,.2f}"},
            code="over_standard",
        )
    listed = Beneficiary.objects.filter(campaign=campaign)
    if payout.person_id and listed.exists() and not listed.filter(person_id=payout.person_id).exists():
        raise ValidationError(
            _("“%(who)s”不在本活动的慰问名单中；确需发放请填写理由，由主办工会财务审核。") % {"who": _who(payout)},
            code="off_list",
        )


@transaction.atomic
def aid_payout_approve(*, actor: Any, payout: Payout) -> Payout:
    """The checker's approval: FINANCE in scope, not the maker, and not a second payment."""
    require(actor, payout.org, Perm.FINANCE)
    payout = Payout.objects.select_for_update(of=("self",)).select_related("person", "enterprise").get(pk=payout.pk)
    if payout.maker_id == actor.pk:
        raise ValidationError(_("经办人不能审核自己经办的发放，请由另一位财务人员审核。"), code="maker_checker")
    if payout.status != PayoutStatus.PENDING:
        raise ValidationError(_("该笔发放已处理，不能重复审核。"), code="bad_status")
    guard = _duplicate_of(payout)
    if guard is not None and Payout.objects.filter(guard, status=PayoutStatus.APPROVED).exists():
        raise ValidationError(DUPLICATE % {"who": _who(payout)}, code="duplicate")
    if payout.campaign_id is not None:
        _check_approval_in_campaign(actor, payout)
    payout.status = PayoutStatus.APPROVED
    payout.checker = actor
    payout.checked_at = timezone.now()
    try:
        with transaction.atomic():
            payout.save(update_fields=["status", "checker", "checked_at"])
    except IntegrityError as exc:  # a concurrent approval of a twin payout committed first
        raise ValidationError(DUPLICATE % {"who": _who(payout)}, code="duplicate") from exc
    if payout.campaign_id is not None:
        ledger_approved(payout.campaign_id, Payout.objects.filter(pk=payout.pk))
    if payout.override_reason:
        audit_record(
            actor=actor,
            action=AuditAction.UPDATE,
            target=payout,
            org=payout.org,
            detail={"override": payout.override_reason, "kind": payout.kind},
        )
    return payout


def _check_approval_in_campaign(actor: Any, payout: Payout) -> None:
    """Within the budget, unless overridden; an override (duplicate, above standard, off the list, over the
    budget) is approved only by finance of the union that runs the campaign, not of a union below it."""
    campaign = Campaign.objects.select_for_update().get(pk=payout.campaign_id or 0)  # one campaign's approvals queue
    if payout.override_reason:
        if not can(actor, Perm.FINANCE, campaign.org):
            raise ValidationError(
                _("填写了理由的超标准、超预算、名单外或重复发放，须由主办工会（%(org)s）的财务审核。")
                % {"org": campaign.org.name},
                code="override_level",
            )
        return
    if campaign.budget and campaign_spent(campaign, approved_only=True) + _value(payout) > campaign.budget:
        raise ValidationError(
            _("审核后将超出活动预算 %(budget)s 元（已审核 %(spent)s 元）；确需超支请由经办人填写理由后重新登记。")
            % {"budget": f"{campaign.budget:,.2f}", "spent": f"{campaign_spent(campaign, approved_only=True):,.2f}"},
            code="over_budget",
        )


@transaction.atomic
def aid_payout_reject(*, actor: Any, payout: Payout, reason: str) -> Payout:
    require(actor, payout.org, Perm.FINANCE)
    payout = Payout.objects.select_for_update().get(pk=payout.pk)
    if payout.status != PayoutStatus.PENDING:
        raise ValidationError(_("该笔发放已处理，不能重复审核。"), code="bad_status")
    if not reason.strip():
        raise ValidationError({"reason": _("退回须填写理由。")})
    payout.status = PayoutStatus.REJECTED
    payout.reject_reason = reason.strip()
    payout.checker = actor if payout.maker_id != actor.pk else None
    payout.checked_at = timezone.now()
    payout.save(update_fields=["status", "reject_reason", "checker", "checked_at"])
    return payout
