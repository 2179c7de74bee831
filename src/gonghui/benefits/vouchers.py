"""消费券/清凉券: a union's voucher campaign, vouchers taken by members (one per period) or issued by rule,
their expiry back to the budget, and the merchants' settlement through the aid ledger.

The budget is a count of vouchers: `VoucherCampaign.issued` moves only by a conditional UPDATE (or under
the campaign's row lock for a batch) inside `CHECK issued <= budget`, so a rush never overspends; the
quota per member and period is a unique (campaign, person, period, seq) index.
"""

from __future__ import annotations

import datetime as dt
import secrets
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from gonghui.assistance.choices import FundSource, PayoutKind
from gonghui.benefits.choices import MerchantStatus, VoucherAudience, VoucherPeriod, VoucherStatus
from gonghui.benefits.models import Merchant, Voucher, VoucherCampaign
from gonghui.campaigns.models import Campaign
from gonghui.common.audit import audit_record
from gonghui.common.figures import on_days
from gonghui.common.models import AuditAction
from gonghui.ledger.models import Payout
from gonghui.ledger.payouts import aid_payout_create
from gonghui.members.choices import NEW_EMPLOYMENT_FORMS, MembershipStatus
from gonghui.members.models import Membership
from gonghui.orgs.models import Enterprise, OrgNode
from gonghui.orgs.roles import Perm
from gonghui.orgs.scope import require, scope_for

RULE_BATCH = 5_000


@dataclass
class VoucherFields:
    name: str
    kind: str
    face_value: Decimal
    audience: str
    starts_on: dt.date
    ends_on: dt.date
    budget: int
    min_spend: Decimal = Decimal(0)
    period: str = VoucherPeriod.DAY
    per_period: int = 1
    valid_days: int = 1
    eligible_org: OrgNode | None = None
    campaign: Campaign | None = None


def _check(org: OrgNode, data: VoucherFields) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not data.name.strip():
        errors["name"] = _("请填写名称。")
    if data.face_value <= 0:
        errors["face_value"] = _("面额须大于 0。")
    if data.min_spend < 0:
        errors["min_spend"] = _("使用门槛不能为负数。")
    if data.ends_on < data.starts_on:
        errors["ends_on"] = _("结束日期不能早于开始日期。")
    if data.budget < 1:
        errors["budget"] = _("预算张数须至少为 1。")
    if not (1 <= data.per_period <= 10):
        errors["per_period"] = _("每人每周期限领 1 至 10 张。")
    if not (1 <= data.valid_days <= 366):
        errors["valid_days"] = _("有效天数须在 1 至 366 天之间。")
    if data.eligible_org is not None and not data.eligible_org.path.startswith(org.path):
        errors["eligible_org"] = _("只能面向本工会及其下级工会的会员。")
    if data.campaign is not None and not org.path.startswith(data.campaign.org.path):
        errors["campaign"] = _("资金所属活动须是本工会或上级工会主办的帮扶活动。")
    return errors


@transaction.atomic
def voucher_campaign_create(
    *, actor: Any, org: OrgNode, data: VoucherFields, merchants: list[Merchant]
) -> VoucherCampaign:
    require(actor, org, Perm.ORG_EDIT)
    errors = _check(org, data)
    outside = [m.name for m in merchants if not org.path.startswith(m.org.path) and not m.org.path.startswith(org.path)]
    if outside:
        errors["merchants"] = _("这些商户不是本工会或上下级工会签约的：%(names)s") % {"names": "、".join(outside)}
    if not merchants:
        errors["merchants"] = _("请至少选择一家可用商户。")
    if errors:
        raise ValidationError(errors)
    campaign = VoucherCampaign.objects.create(
        org=org, created_by=actor, **{k: v for k, v in vars(data).items() if k != "name"}, name=data.name.strip()
    )
    campaign.merchants.set(merchants)
    audit_record(actor=actor, action=AuditAction.CREATE, target=campaign, org=org)
    return campaign


def period_start(campaign: VoucherCampaign, day: dt.date) -> dt.date:
    if campaign.period == VoucherPeriod.WEEK:
        return day - dt.timedelta(days=day.weekday())
    if campaign.period == VoucherPeriod.MONTH:
        return day.replace(day=1)
    if campaign.period == VoucherPeriod.ONCE:
        return campaign.starts_on
    return day


def _expiry(campaign: VoucherCampaign, day: dt.date) -> dt.datetime:
    """The end of the voucher's last valid day: `valid_days` from the day taken, never past the campaign."""
    last = min(day + dt.timedelta(days=campaign.valid_days - 1), campaign.ends_on)
    midnight = dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min)
    return timezone.make_aware(midnight)


def voucher_problem(campaign: VoucherCampaign, membership: Membership | None, day: dt.date) -> str | None:
    if not campaign.is_active or not (campaign.starts_on <= day <= campaign.ends_on):
        return _("不在该券的发放期内。")
    if membership is None or membership.status != MembershipStatus.ACTIVE:
        return _("须为在册会员才能领券。")
    if not membership.org.path.startswith(campaign.audience_org.path):
        return _("该券面向%(org)s所属会员。") % {"org": campaign.audience_org.name}
    if campaign.audience == VoucherAudience.OUTDOOR and membership.employment_form not in NEW_EMPLOYMENT_FORMS:
        return _("该券仅限货车司机、快递员、外卖配送员、网约车司机等户外劳动者领取。")
    return None


def _number() -> str:
    return secrets.token_hex(6).upper()


def voucher_take(*, campaign: VoucherCampaign, membership: Membership | None) -> Voucher:
    """A member takes this period's voucher in 我的: within the quota and the budget, or a clear reason."""
    today = timezone.localdate()
    problem = voucher_problem(campaign, membership, today)
    if problem:
        raise ValidationError(problem)
    assert membership is not None  # noqa: S101 - voucher_problem refuses a missing membership
    start = period_start(campaign, today)
    taken = Voucher.objects.filter(campaign=campaign, person_id=membership.person_id, period_start=start).count()
    if taken >= campaign.per_period:
        raise ValidationError(_("本周期的券已领取，请下个周期再来。"))
    try:
        with transaction.atomic():
            reserved = VoucherCampaign.objects.filter(pk=campaign.pk, issued__lt=F("budget")).update(
                issued=F("issued") + 1
            )
            if not reserved:
                raise ValidationError(_("该券已发完。"))
            return Voucher.objects.create(
                campaign=campaign,
                person_id=membership.person_id,
                membership=membership,
                org_id=membership.org_id,
                number=_number(),
                period_start=start,
                seq=taken + 1,
                issued_at=timezone.now(),
                expires_at=_expiry(campaign, today),
            )
    except IntegrityError as exc:  # a second tap raced the first for the same place in the quota
        raise ValidationError(_("本周期的券已领取，请下个周期再来。")) from exc


def vouchers_issue_by_rule(*, actor: Any, campaign: VoucherCampaign) -> int:
    """Give every eligible member without one this period's first voucher, as far as the budget goes.

    Safe to run again: members who have this period's voucher are skipped and the quota index refuses a
    second. Each batch takes the campaign's row lock, so members' own taps in the meantime are counted.
    """
    require(actor, campaign.org, Perm.ORG_EDIT)
    today = timezone.localdate()
    if not campaign.is_active or not (campaign.starts_on <= today <= campaign.ends_on):
        raise ValidationError(_("不在该券的发放期内。"))
    start, expires = period_start(campaign, today), _expiry(campaign, today)
    members = Membership.objects.filter(
        status=MembershipStatus.ACTIVE, org__path__startswith=campaign.audience_org.path
    )
    if campaign.audience == VoucherAudience.OUTDOOR:
        members = members.filter(employment_form__in=NEW_EMPLOYMENT_FORMS)
    holders = Voucher.objects.filter(campaign=campaign, period_start=start).values("person_id")
    rows = members.exclude(person_id__in=holders).values_list("pk", "person_id", "org_id").order_by("pk")
    issued, batch = 0, []
    now = timezone.now()
    for membership_id, person_id, org_id in rows.iterator(chunk_size=RULE_BATCH):
        batch.append(
            Voucher(
                campaign=campaign,
                person_id=person_id,
                membership_id=membership_id,
                org_id=org_id,
                number=_number(),
                period_start=start,
                issued_at=now,
                expires_at=expires,
            )
        )
        if len(batch) == RULE_BATCH:
            issued += _write(campaign, batch)
            batch = []
    issued += _write(campaign, batch)
    audit_record(actor=actor, action=AuditAction.CREATE, target=campaign, org=campaign.org, detail={"issued": issued})
    return issued


def _write(campaign: VoucherCampaign, batch: list[Voucher]) -> int:
    if not batch:
        return 0
    with transaction.atomic():
        locked = VoucherCampaign.objects.select_for_update().get(pk=campaign.pk)
        room = locked.budget - locked.issued
        before = Voucher.objects.filter(campaign=campaign).count()
        Voucher.objects.bulk_create(batch[: max(room, 0)], ignore_conflicts=True)
        added = Voucher.objects.filter(campaign=campaign).count() - before
        VoucherCampaign.objects.filter(pk=campaign.pk).update(issued=F("issued") + added)
    return added


def vouchers_expire(*, now: dt.datetime | None = None) -> int:
    """Vouchers past their time become 已过期 and give their place back to the budget. Safe to rerun."""
    now = now or timezone.now()
    total = 0
    stale = Voucher.objects.filter(status=VoucherStatus.ISSUED, expires_at__lte=now)
    for campaign_id in stale.values_list("campaign_id", flat=True).distinct().order_by():
        with transaction.atomic():
            n = stale.filter(campaign_id=campaign_id).update(status=VoucherStatus.EXPIRED)
            VoucherCampaign.objects.filter(pk=campaign_id).update(issued=F("issued") - n)
        total += n
    return total


@dataclass(frozen=True)
class VoucherCounts:
    issued: int
    redeemed: int
    expired: int
    left: int  # of the budget


def voucher_counts(campaign: VoucherCampaign) -> VoucherCounts:
    row = Voucher.objects.filter(campaign=campaign).aggregate(
        issued=Count("pk"),
        redeemed=Count("pk", filter=Q(status=VoucherStatus.REDEEMED)),
        expired=Count("pk", filter=Q(status=VoucherStatus.EXPIRED)),
    )
    return VoucherCounts(row["issued"], row["redeemed"], row["expired"], campaign.budget - campaign.issued)


def voucher_campaigns_for(user: Any) -> QuerySet[VoucherCampaign]:
    return scope_for(user).filter(VoucherCampaign.objects.select_related("org")).order_by("-starts_on", "-pk")


@dataclass(frozen=True)
class Taken:
    """The vouchers members of a subtree took from one campaign (the 消费券 figures' drill-down)."""

    campaign_id: int
    name: str
    issuer: str
    issuer_in_scope: bool  # the campaign's page is the user's to open
    issued: int
    redeemed: int
    expired: int


def vouchers_taken_for(user: Any, *, under: OrgNode | None, start: dt.date | None, end: dt.date | None) -> list[Taken]:
    """The vouchers taken by members of unions in scope (of `under`'s subtree), taken between `start` and `end`,
    by campaign, as the figures count them: issued, since used, since expired. One query; counts, never who."""
    vouchers = scope_for(user).filter(Voucher.objects.all())
    if under is not None:
        vouchers = vouchers.filter(org__path__startswith=under.path)
    vouchers = vouchers.filter(on_days("issued_at", start, end))
    rows = (
        vouchers.order_by()
        .values("campaign_id", "campaign__name", "campaign__org__name", "campaign__org__path")
        .annotate(
            issued=Count("pk"),
            redeemed=Count("pk", filter=Q(status=VoucherStatus.REDEEMED)),
            expired=Count("pk", filter=Q(status=VoucherStatus.EXPIRED)),
        )
        .order_by("-issued", "campaign__name")
    )
    scope = scope_for(user)
    return [
        Taken(
            r["campaign_id"],
            r["campaign__name"],
            r["campaign__org__name"],
            scope.everything or any(r["campaign__org__path"].startswith(p) for p in scope.paths),
            r["issued"],
            r["redeemed"],
            r["expired"],
        )
        for r in rows
    ]


def voucher_campaign_get_for(user: Any, pk: int, perm: Perm = Perm.VIEW) -> VoucherCampaign:
    campaign: VoucherCampaign = get_object_or_404(VoucherCampaign.objects.select_related("org", "campaign"), pk=pk)
    require(user, campaign.org, perm)
    return campaign


def open_campaigns_for(membership: Membership | None) -> list[VoucherCampaign]:
    """The campaigns a member may take a voucher from today (for 我的)."""
    if membership is None:
        return []
    today = timezone.localdate()
    candidates = VoucherCampaign.objects.filter(is_active=True, starts_on__lte=today, ends_on__gte=today)
    open_ = [c for c in candidates.select_related("org", "eligible_org") if not voucher_problem(c, membership, today)]
    taken = Counter(
        Voucher.objects.filter(person_id=membership.person_id, campaign__in=open_).values_list(
            "campaign_id", "period_start"
        )
    )
    return [c for c in open_ if taken[(c.pk, period_start(c, today))] < c.per_period]


def _unsettled(campaign: VoucherCampaign, merchant: Merchant) -> QuerySet[Voucher]:
    """The campaign's vouchers spent at the merchant that no ledger payout covers yet."""
    return Voucher.objects.filter(
        campaign=campaign, status=VoucherStatus.REDEEMED, settled_by__isnull=True, redemptions__merchant=merchant
    )


def settlement_due(campaign: VoucherCampaign, merchant: Merchant) -> tuple[int, Decimal]:
    """Redeemed vouchers of the campaign at the merchant that no ledger payout covers yet: count, value."""
    count = _unsettled(campaign, merchant).count()
    return count, campaign.face_value * count


@transaction.atomic
def voucher_settle(*, actor: Any, campaign: VoucherCampaign, merchant: Merchant) -> Payout:
    """The union pays the merchant for its redeemed vouchers: a pending payout in the aid ledger (maker and
    checker as for any payout, counted against the money campaign's budget)."""
    require(actor, campaign.org, Perm.ORG_EDIT)
    if campaign.campaign is None:
        raise ValidationError(_("该券没有关联资金所属的帮扶活动，不经工会台账结算。"))
    if merchant.status == MerchantStatus.REFUSED:
        raise ValidationError(_("该商户未通过审核。"))
    enterprise = scope_for(actor).filter(Enterprise.objects.filter(uscc=merchant.uscc), org_field="union").first()
    if enterprise is None:
        raise ValidationError(
            _("请先在组织库登记该商户（统一社会信用代码 %(uscc)s），再结算。") % {"uscc": merchant.uscc}
        )
    due = _unsettled(campaign, merchant).select_for_update()
    ids = list(due.values_list("pk", flat=True))
    if not ids:
        raise ValidationError(_("该商户没有待结算的券。"))
    earlier = Voucher.objects.filter(campaign=campaign, settled_by__isnull=False, redemptions__merchant=merchant)
    payout = aid_payout_create(
        actor=actor,
        org=campaign.org,
        kind=PayoutKind.OTHER,
        fund=FundSource.UNION_FUNDS,
        paid_on=timezone.localdate(),
        amount=campaign.face_value * len(ids),
        enterprise=enterprise,
        campaign=campaign.campaign,
        reference=_("%(name)s 结算 %(n)d 张") % {"name": campaign.name, "n": len(ids)},
        # A merchant is paid in instalments: the ledger's once-per-enterprise guard is lifted with the reason.
        override_reason=_("消费券分批结算") if earlier.exists() else "",
    )
    Voucher.objects.filter(pk__in=ids).update(settled_by=payout)
    return payout
