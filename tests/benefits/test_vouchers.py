"""消费券/清凉券: the quota per member and period, the budget, the audience, expiry back to the budget,
issuing by rule, and the merchants' settlement through the aid ledger."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone

from gonghui.benefits import redemptions, vouchers
from gonghui.benefits.choices import VoucherStatus
from gonghui.benefits.models import Voucher, VoucherCampaign
from gonghui.campaigns.models import Campaign
from gonghui.ledger.choices import PayoutStatus
from gonghui.members.choices import EmploymentForm
from tests.benefits.conftest import Shop, cool_vouchers
from tests.factories import EnterpriseFactory, make_member


def test_one_voucher_per_member_per_day(shop: Shop) -> None:
    campaign = cool_vouchers(shop.tree, [shop.merchant])
    assert vouchers.open_campaigns_for(shop.member) == [campaign]
    first = vouchers.voucher_take(campaign=campaign, membership=shop.member)
    assert first.period_start == timezone.localdate() and first.seq == 1
    assert vouchers.open_campaigns_for(shop.member) == []  # 我的 offers no 领取 once the quota is used
    with pytest.raises(ValidationError, match="本周期的券已领取"):
        vouchers.voucher_take(campaign=campaign, membership=shop.member)
    campaign.refresh_from_db()
    assert campaign.issued == 1 and Voucher.objects.count() == 1


def test_a_weekly_quota_of_two(shop: Shop) -> None:
    campaign = cool_vouchers(shop.tree, [shop.merchant], period="week", per_period=2)
    vouchers.voucher_take(campaign=campaign, membership=shop.member)
    second = vouchers.voucher_take(campaign=campaign, membership=shop.member)
    assert second.seq == 2
    with pytest.raises(ValidationError, match="已领取"):
        vouchers.voucher_take(campaign=campaign, membership=shop.member)


def test_the_budget_runs_out(shop: Shop) -> None:
    campaign = cool_vouchers(shop.tree, [shop.merchant], budget=1)
    vouchers.voucher_take(campaign=campaign, membership=shop.member)
    with pytest.raises(ValidationError, match="已发完"):
        vouchers.voucher_take(campaign=campaign, membership=make_member(shop.tree.union, 2))


def test_outdoor_workers_only(shop: Shop) -> None:
    campaign = cool_vouchers(shop.tree, [shop.merchant], audience="outdoor")
    with pytest.raises(ValidationError, match="户外劳动者"):
        vouchers.voucher_take(campaign=campaign, membership=shop.member)
    courier = make_member(shop.tree.union, 2, form=EmploymentForm.COURIER)
    assert vouchers.voucher_take(campaign=campaign, membership=courier).status == VoucherStatus.ISSUED
    outsider = make_member(shop.tree.stranger, 3, form=EmploymentForm.COURIER)
    with pytest.raises(ValidationError, match="所属会员"):
        vouchers.voucher_take(campaign=campaign, membership=outsider)


def test_outside_the_campaign_dates(shop: Shop) -> None:
    later = timezone.localdate() + dt.timedelta(days=5)
    campaign = cool_vouchers(shop.tree, [shop.merchant], starts_on=later, ends_on=later)
    with pytest.raises(ValidationError, match="发放期"):
        vouchers.voucher_take(campaign=campaign, membership=shop.member)


def test_expired_vouchers_return_to_the_budget_and_cannot_be_used(shop: Shop) -> None:
    campaign = cool_vouchers(shop.tree, [shop.merchant], budget=1)
    voucher = vouchers.voucher_take(campaign=campaign, membership=shop.member)
    later = voucher.expires_at + dt.timedelta(seconds=1)
    assert vouchers.vouchers_expire(now=later) == 1
    assert vouchers.vouchers_expire(now=later) == 0  # safe to rerun
    campaign.refresh_from_db()
    voucher.refresh_from_db()
    assert voucher.status == VoucherStatus.EXPIRED and campaign.issued == 0
    with pytest.raises(ValidationError, match="已过期"):
        redemptions.redemption_record(
            staff=shop.cashier, token=shop.token(), amount="50", key="key-00000009", voucher_id=voucher.pk
        )
    # its place went back: another member takes it
    assert vouchers.voucher_take(campaign=campaign, membership=make_member(shop.tree.union, 2))


def test_issue_by_rule_is_safe_to_repeat_and_keeps_to_the_budget(shop: Shop) -> None:
    for i in range(2, 7):
        make_member(shop.tree.union, i)
    campaign = cool_vouchers(shop.tree, [shop.merchant], budget=4)
    assert vouchers.vouchers_issue_by_rule(actor=shop.tree.cadre, campaign=campaign) == 4
    assert vouchers.vouchers_issue_by_rule(actor=shop.tree.cadre, campaign=campaign) == 0
    campaign.refresh_from_db()
    assert campaign.issued == 4 == Voucher.objects.count()
    with pytest.raises((PermissionDenied, Http404)):
        vouchers.vouchers_issue_by_rule(actor=shop.tree.outsider, campaign=campaign)


def test_campaign_checks(shop: Shop) -> None:
    with pytest.raises(ValidationError) as caught:
        cool_vouchers(shop.tree, [], face_value=Decimal(0), budget=0)
    assert {"face_value", "budget", "merchants"} <= set(caught.value.message_dict)
    assert not VoucherCampaign.objects.exists()


def test_settlement_goes_through_the_aid_ledger_once(shop: Shop) -> None:
    today = timezone.localdate()
    money = Campaign.objects.create(
        org=shop.tree.county,
        name="夏送清凉",
        kind="summer_cool",
        year=today.year,
        starts_on=today - dt.timedelta(days=10),
        ends_on=today + dt.timedelta(days=60),
    )
    campaign = cool_vouchers(shop.tree, [shop.merchant], campaign=money)
    voucher = vouchers.voucher_take(campaign=campaign, membership=shop.member)
    redemptions.redemption_record(
        staff=shop.cashier, token=shop.token(), amount="50", key="key-00000010", voucher_id=voucher.pk
    )
    with pytest.raises(ValidationError, match="组织库登记"):
        vouchers.voucher_settle(actor=shop.tree.cadre, campaign=campaign, merchant=shop.merchant)
    EnterpriseFactory(name=shop.merchant.name, uscc=shop.merchant.uscc, union=shop.tree.union)
    payout = vouchers.voucher_settle(actor=shop.tree.cadre, campaign=campaign, merchant=shop.merchant)
    assert payout.amount == Decimal(20) and payout.status == PayoutStatus.PENDING and payout.campaign == money
    assert vouchers.settlement_due(campaign, shop.merchant) == (0, Decimal(0))
    with pytest.raises(ValidationError, match="没有待结算"):
        vouchers.voucher_settle(actor=shop.tree.cadre, campaign=campaign, merchant=shop.merchant)
